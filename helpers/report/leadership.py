"""Tables and prose for the leadership-exchanges notebook (03), assembled from :mod:`helpers.report.exchanges`.

- :func:`statements_per_article`, :func:`statements_note`: visit statements per article;
- :func:`exchange_table`, :func:`exchanges_note`: the merged exchanges, one row each, and how many
  rest on more than one article;
- :func:`article_reports`, :func:`shared_reports`, :func:`disagreement_note` (with :func:`shared_exchanges`,
  :func:`disagreeing_exchanges`, :func:`anachronisms`): where the articles disagree on dates and titles;
- :func:`article_coverage`, :func:`coverage_table`, :func:`coverage_facts`, :func:`coverage_note`: what each
  article leaves out;
- :func:`direction_note`: exchanges by direction and level;
- :func:`gap_claim`, :func:`gap_note`, :func:`inside_table`, :func:`inside_heads`, :func:`inside_note`: the
  longest gap between top-level visits and what the articles list inside it.
"""
from __future__ import annotations

import pandas as pd

from helpers.events.levels import LEVELS
from helpers.report.exchanges import coverage, direction_label, exchange_reports, offices_in
from helpers.report.text import md_quote, plural


def statements_per_article(visits: pd.DataFrame, article: pd.Series) -> pd.DataFrame:
    """Per article (every one of ``article``, a doc_id -> label Series): visit ``statements``, those
    ``dated``, those ``planned`` and the distinct ``visitors``."""
    counts = pd.DataFrame({
        "article": article,
        "statements": visits.groupby("doc_id").size(),
        "dated": visits[visits["date_start"] != ""].groupby("doc_id").size(),
        "planned": visits[visits["status"] == "planned"].groupby("doc_id").size(),
        "visitors": visits.groupby("doc_id")["visitor_id"].nunique(),
    })
    numbers = ["statements", "dated", "planned", "visitors"]
    counts[numbers] = counts[numbers].fillna(0)
    return counts.astype({c: "int64" for c in numbers})


def statements_note(visits: pd.DataFrame, per_article: pd.DataFrame) -> str:
    """The visit statements in words: how many, about how many people, the busiest article, undated and planned."""
    busiest = per_article["statements"].idxmax()
    return (
        f"The articles make {plural(len(visits), 'visit statement')} about "
        f"{plural(visits['visitor_id'].nunique(), 'person', 'people')}; "
        f"{md_quote(per_article.at[busiest, 'article'])} alone makes {per_article.at[busiest, 'statements']} of them. "
        f"{plural((visits['date_start'] == '').sum(), 'statement')} carry no date of their own and "
        f"{plural((visits['status'] == 'planned').sum(), 'statement')} announce a visit that had not yet happened "
        "when the article was written. The first rows, with their evidence:")


def exchange_table(exchanges: pd.DataFrame, top: pd.Series) -> pd.DataFrame:
    """One row per exchange: visitor, direction, dates ('start to end' for a span), level, whether a
    ``paramount leader`` (``top``, from :func:`~helpers.report.exchanges.top_level`), the statements,
    articles and outlets reporting it, and whether their dates disagree."""
    return pd.DataFrame({
        "visitor": exchanges["visitor"],
        "direction": [direction_label(f, t) for f, t in zip(exchanges["from_country"], exchanges["to_country"])],
        "dates": [s if e == s else f"{s} to {e}" for s, e in zip(exchanges["date_start"], exchanges["date_end"])],
        "level": exchanges["level"],
        "paramount leader": top,
        "statements": exchanges["n_statements"],
        "articles": exchanges["n_articles"],
        "outlets": exchanges["outlets"].map(", ".join),
        "dates disagree": exchanges["date_disagreement"],
    })


def exchanges_note(visits: pd.DataFrame, exchanges: pd.DataFrame) -> str:
    """How the statements merge into exchanges, which exchanges several articles report, and how many
    statements are tied to no exchange."""
    multi = exchanges[exchanges["n_articles"] > 1]
    unassigned = len(visits) - int(exchanges["n_statements"].sum())
    return (
        f"The {plural(len(visits), 'statement')} merge into **{plural(len(exchanges), 'exchange')}**. "
        f"{plural(len(multi), 'exchange')} are reported by more than one article: "
        + "; ".join(f"{md_quote(r.visitor)}'s {r.date_start[:4]} visit ({direction_label(r.from_country, r.to_country)}, "
                    f"{r.n_articles} articles)" for r in multi.itertuples())
        + f". The other {len(exchanges) - len(multi)} rest on a single article. "
        f"{plural(unassigned, 'statement')} could not be tied to one exchange (an undated statement whose visitor made "
        f"several visits in that direction) and {'is' if unassigned == 1 else 'are'} left out of the counts.")


# ---------------------------------------------------------------------------
# Where the articles disagree (section 2)
# ---------------------------------------------------------------------------
def article_reports(visits: pd.DataFrame, exchanges: pd.DataFrame, documents: pd.DataFrame,
                    article: pd.Series) -> pd.DataFrame:
    """:func:`~helpers.report.exchanges.exchange_reports` with an ``article`` column (``article``: doc_id -> label)."""
    reports = exchange_reports(visits, exchanges, documents)
    return reports.assign(article=reports["doc_id"].map(article))


def shared_exchanges(exchanges: pd.DataFrame) -> pd.DataFrame:
    """The exchanges reported by more than one article."""
    return exchanges[exchanges["n_articles"] > 1]


def disagreeing_exchanges(exchanges: pd.DataFrame) -> pd.DataFrame:
    """The exchanges reported by more than one article whose dates cannot all be true at once."""
    multi = shared_exchanges(exchanges)
    return multi[multi["date_disagreement"]]


def anachronisms(reports: pd.DataFrame) -> pd.DataFrame:
    """The reports (rows of :func:`article_reports`) giving a title the visitor did not hold at the time."""
    return reports[reports["title_check"].str.contains("not held")]


def shared_reports(reports: pd.DataFrame, exchanges: pd.DataFrame) -> pd.DataFrame:
    """What each article says about each exchange that several articles report: dates, titles, status, title check."""
    shared = reports[reports["exchange_id"].isin(shared_exchanges(exchanges)["exchange_id"])]
    return shared[["visitor", "direction", "article", "dates", "titles", "status", "title_check"]].reset_index(drop=True)


def disagreement_note(reports: pd.DataFrame, exchanges: pd.DataFrame) -> str:
    """The exchanges with incompatible dates (each article's dates listed), then every title not held at
    the time, with the offices the visitor did hold that year."""
    by_id = exchanges.set_index("exchange_id")

    def dates_of(xid):
        rows = reports[(reports["exchange_id"] == xid) & (reports["dates"] != "")]
        return "; ".join(f"{md_quote(d)} ({md_quote(a)})" for d, a in zip(rows["dates"], rows["article"]))

    disagreeing, wrong = disagreeing_exchanges(exchanges), anachronisms(reports)
    lines = [f"- **{md_quote(r.visitor)}, {r.date_start[:4]}** (merged span {r.date_start} to {r.date_end}): "
             f"{dates_of(r.exchange_id)}." for r in disagreeing.itertuples()]
    titles = [f"- {md_quote(a)} calls {md_quote(v)} *{md_quote(t)}*: {md_quote(c)} (offices that year: "
              f"{md_quote(offices_in(by_id.at[x, 'visitor_id'], by_id.at[x, 'date_start']))})"
              for a, v, t, c, x in zip(wrong["article"], wrong["visitor"], wrong["titles"], wrong["title_check"],
                                       wrong["exchange_id"])]
    return (f"{plural(len(disagreeing), 'exchange')} carry dates that cannot all be true at once (two spans, neither "
            "inside the other, or two different months):\n\n" + "\n".join(lines) + "\n\n"
            f"Titles not held at the time of the visit, {plural(len(wrong), 'case')}:\n\n" + "\n".join(titles))


# ---------------------------------------------------------------------------
# What each article leaves out (section 2)
# ---------------------------------------------------------------------------
def article_coverage(exchanges: pd.DataFrame, documents: pd.DataFrame, article: pd.Series) -> pd.DataFrame:
    """:func:`~helpers.report.exchanges.coverage` with the columns labelled by ``article`` (doc_id -> label)."""
    cov = coverage(exchanges, documents)
    cov.columns = [article[d] for d in documents.index]
    return cov


def coverage_table(cov: pd.DataFrame) -> pd.DataFrame:
    """The coverage matrix for reading: 'reported' or ''."""
    return cov.replace({True: "reported", False: ""})


def coverage_facts(cov: pd.DataFrame) -> dict:
    """From a coverage matrix (exchanges x articles): exchanges ``per_article``, those told by ``only_one``
    article, the ``widest`` article (most exchanges), how many of the single-article ones are its own
    (``only_widest``), those told by every article (``everywhere``) and those the other articles tell
    (``told_by_others``)."""
    per_article = cov.sum()
    only_one = cov[cov.sum(axis=1) == 1]
    widest = per_article.idxmax()
    return dict(per_article=per_article, only_one=only_one, widest=widest,
                only_widest=int((only_one.idxmax(axis=1) == widest).sum()) if len(only_one) else 0,
                everywhere=list(cov.index[cov.all(axis=1)]),
                told_by_others=list(cov.index[cov.drop(columns=widest).any(axis=1)]))


def coverage_note(cov: pd.DataFrame, max_listed: int = 12) -> str:
    """Exchanges per article, those only one article tells, and what is left without the widest article (with more
    than ``max_listed`` articles, those that report no exchange are counted, not listed)."""
    f = coverage_facts(cov)
    per = f["per_article"]
    none = per[per == 0]
    listed = per[per > 0] if len(per) > max_listed else per
    head = ("Exchanges reported, per article: " + "; ".join(f"{md_quote(a)} {n}" for a, n in listed.items())
            + (f"; the other {plural(len(none), 'article')} report none" if len(listed) < len(per) else ""))
    return (
        head
        + f". {plural(len(f['only_one']), 'exchange')} appear in one article only, "
        f"{f['only_widest']} of them in {md_quote(f['widest'])}. "
        f"Reported by every article: {', '.join(md_quote(x) for x in f['everywhere']) or 'none'}. "
        f"Without {md_quote(f['widest'])}, the other {len(cov.columns) - 1} articles together report only "
        f"{plural(len(f['told_by_others']), 'exchange')}: {', '.join(md_quote(x) for x in f['told_by_others'])}.")


# ---------------------------------------------------------------------------
# Direction, level and the long gap (sections 3-4)
# ---------------------------------------------------------------------------
def direction_note(exchanges: pd.DataFrame, top: pd.Series) -> str:
    """Exchanges per direction (with first and last year), per level, and how many are by a paramount leader."""
    per_direction = exchanges.groupby(["from_country", "to_country"]).agg(
        exchanges=("exchange_id", "size"), first=("year", "min"), last=("year", "max"))
    per_level = exchanges["level"].value_counts()
    return ("Exchanges per direction: " + "; ".join(
        f"{direction_label(f, t)} {r.exchanges} ({r.first}–{r.last})" for (f, t), r in per_direction.iterrows())
        + ". By level: " + ", ".join(f"{lv} {n}" for lv, n in per_level.items())
        + f". {plural(int(top.sum()), 'exchange')} are visits by a paramount leader.")


GAP_COLUMNS = ["direction", "before_visitor", "before_end", "after_visitor", "after_start", "years", "calendar_years"]


def gap_claim(sentences: pd.DataFrame, timexes: pd.DataFrame, gap: pd.Series, article: pd.Series) -> str:
    """The first body sentence that states the gap's length in calendar years as a duration ("untouched for
    55 years"), quoted with its article; '' when no sentence does."""
    durations = timexes[(timexes["kind"] == "duration") & (timexes["value"] == f"P{gap['calendar_years']}Y")]
    if durations.empty:
        return ""
    first = durations.iloc[0]
    text = sentences.loc[(sentences["doc_id"] == first["doc_id"]) & (sentences["sent_id"] == first["sent_id"]), "text"]
    return f"One article puts it this way: *{md_quote(text.iloc[0])}* ({md_quote(article[first['doc_id']])})."


def gap_note(gaps: pd.DataFrame, inside: pd.DataFrame) -> str:
    """The longest gap (first row of ``gaps``, from :func:`~helpers.report.exchanges.top_level_gaps`) against
    the other direction's longest, and how many other visits lie ``inside`` it."""
    gap = gaps.iloc[0]
    other = gaps[gaps["direction"] != gap["direction"]].iloc[0]
    return (
        f"The longest gap runs {gap['direction']}: from the end of {md_quote(gap['before_visitor'])}'s visit "
        f"({gap['before_end']}) to the start of {md_quote(gap['after_visitor'])}'s ({gap['after_start']}), "
        f"**{gap['years']:.1f} years** ({gap['calendar_years']} in calendar years). "
        f"The other direction's longest gap is {other['years']:.1f} years "
        f"({md_quote(other['before_visitor'])} {other['before_end'][:4]} to "
        f"{md_quote(other['after_visitor'])} {other['after_start'][:4]}), so the gap is one-sided: "
        f"inside it the articles list {plural(len(inside), 'other visit')}, in both directions:")


def inside_table(inside: pd.DataFrame, top: pd.Series) -> pd.DataFrame:
    """The visits inside a gap: visitor, direction, start, level, paramount, titles (without the sentence
    numbers) and the outlets reporting each."""
    table = inside.assign(
        direction=[direction_label(f, t) for f, t in zip(inside["from_country"], inside["to_country"])],
        paramount=top[inside.index],
        titles=inside["titles_reported"].str.replace(r" \(\d{3}(?:, \d{3})*\)", "", regex=True),
        reported_by=inside["outlets"].map(", ".join))
    return table[["visitor", "direction", "date_start", "level", "paramount", "titles", "reported_by"]].reset_index(drop=True)


def _listing(rows: pd.DataFrame) -> str:
    return ", ".join(f"{md_quote(v)} ({s[:4]}, {direction_label(f, t)})" for v, s, f, t in
                     zip(rows["visitor"], rows["date_start"], rows["from_country"], rows["to_country"])) or "none"


def inside_heads(inside: pd.DataFrame) -> pd.DataFrame:
    """The visits of ``inside`` made at the level of a head of party or state."""
    return inside[inside["level"] == LEVELS[0]]


def inside_note(inside: pd.DataFrame, top: pd.Series) -> str:
    """Which visits inside the gap were at head level, by a paramount leader or not, and who reports them."""
    heads = inside_heads(inside)
    outlets = sorted(set(o for os in inside["outlets"] for o in os))
    return (
        f"Of these {len(inside)} visits, {len(heads)} were at the level of a head of party or state. Visits by a "
        f"paramount leader inside the gap: {_listing(heads[top[heads.index]])}; by a head of state or party who was "
        f"not the paramount leader: {_listing(heads[~top[heads.index]])}. The gap is a gap in one direction and at "
        "the very top, not an absence of high-level contact. These visits are reported by "
        f"{' and '.join(md_quote(o) for o in outlets)} only.")


def limits_note(limits: dict, n_coded: int, unassigned: int) -> str:
    """What the visits of this corpus cannot tell, from its counts (:func:`helpers.report.overview.corpus_limits`),
    the number of articles the codebook covers and the statements tied to no one visit."""
    from helpers.report.overview import outlet_article_clause

    coded = (f"The codebook covers {plural(n_coded, 'article')} of {limits['n_documents']} and the rules were developed on "
             "them, so precision and recall are in-sample" if n_coded else
             "No article here is covered by the codebook, so nothing is scored in-sample")
    return (f"**What the corpus cannot tell.** The visits are those {plural(limits['n_documents'], 'article')} choose "
            "to recall, not a record of diplomacy: a visit no article mentions does not exist here, and an article's "
            "silence is a choice of emphasis we cannot separate from its occasion (a summit, an anniversary) or its "
            f"outlet ({outlet_article_clause(limits)}). {coded}; section 7 sets the development figures on real agency "
            "copy beside them, and articles of other outlets remain the real test. Offices are checked at year "
            "precision (a title taken up during the year of the visit counts as held), and only for people whose "
            "offices `offices.csv` lists. Levels and \"paramount leader\" come from that file's judgement of each "
            f"office, and {plural(unassigned, 'undated statement')} about several visits cannot be tied to any one of "
            "them.")

