"""Tables and prose for the leadership-exchanges notebook (03), assembled from :mod:`helpers.report.exchanges`.

- :func:`statements_per_article`, :func:`statements_table`, :func:`statements_note`: visit statements per article;
- :func:`exchange_table`, :func:`exchanges_note`: the merged exchanges, one row each, and how many
  rest on more than one article;
- :func:`article_reports`, :func:`shared_reports`, :func:`disagreement_note` (with :func:`shared_exchanges`,
  :func:`disagreeing_exchanges`, :func:`anachronisms`): where the articles disagree on dates and titles;
- :func:`article_coverage`, :func:`coverage_table`, :func:`coverage_facts`, :func:`coverage_note`: what each
  article leaves out (by outlet when the articles are too many for one table);
- direction, level and the gap: :mod:`helpers.report.leadership_gap` (re-exported here).

A table the corpus gives no row (no visit statement, no exchange several articles report) is ``None``, and its
note says why (:func:`helpers.report.style.show` skips ``None``).
"""
from __future__ import annotations

import pandas as pd

from helpers.report.exchanges import coverage, direction_label, exchange_reports, offices_in
from helpers.report.leadership_gap import (GAP_COLUMNS, direction_note, gap_claim, gap_note,  # noqa: F401 (re-exported)
                                           inside_heads, inside_note, inside_table)
from helpers.report.text import agree, md_quote, plural

MAX_ROWS = 30
"""The most articles a per-article table shows; beyond it, only the articles with something to show."""
MAX_COLUMNS = 12
"""The most articles the coverage table shows as columns; beyond it, one column per outlet."""
MAX_LISTED = 10
"""The most exchanges (or articles) a sentence lists; beyond it, the rest are counted."""


def _more(items: list[str], max_listed: int = MAX_LISTED, empty: str = "none") -> str:
    """Items joined with ', ', the first ``max_listed`` and a count of the rest; ``empty`` when none."""
    if not items:
        return empty
    rest = len(items) - max_listed
    return ", ".join(items[:max_listed]) + (f" and {rest} more" if rest > 0 else "")


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


def statements_table(per_article: pd.DataFrame, max_rows: int = MAX_ROWS) -> pd.DataFrame | None:
    """:func:`statements_per_article` for reading: every article up to ``max_rows``, beyond that only those
    making a statement (the note counts the rest); ``None`` when no article makes one."""
    if not per_article["statements"].any():
        return None
    return per_article if len(per_article) <= max_rows else per_article[per_article["statements"] > 0]


def statements_note(visits: pd.DataFrame, per_article: pd.DataFrame, max_rows: int = MAX_ROWS) -> str:
    """The visit statements in words: how many, about how many people, the busiest article, undated and planned."""
    if visits.empty:
        return ("No article here makes a visit statement (a sentence saying that someone travelled, or will travel, "
                "between two countries), so sections 2 to 4 have no visit to show.")
    busiest = per_article["statements"].idxmax()
    silent = int((per_article["statements"] == 0).sum())
    table = (f" The table lists the {plural(len(per_article) - silent, 'article')} making one; the other {silent} "
             "make none." if len(per_article) > max_rows and silent else "")
    return (
        f"The articles make {plural(len(visits), 'visit statement')} about "
        f"{plural(visits['visitor_id'].nunique(), 'person', 'people')}; "
        f"{md_quote(per_article.at[busiest, 'article'])} alone makes {per_article.at[busiest, 'statements']} of them. "
        f"{plural((visits['date_start'] == '').sum(), 'statement')} carry no date of their own and "
        f"{plural((visits['status'] == 'planned').sum(), 'statement')} announce a visit that had not yet happened "
        f"when the article was written.{table} The first rows, with their evidence:")


def _column(table: pd.DataFrame, name: str, default) -> pd.Series:
    """``table[name]`` with missing values (or a missing column: exchanges merged without the checks) as ``default``."""
    if name not in table.columns:
        return pd.Series(default, index=table.index, dtype=object)
    return table[name].fillna(default)


def exchange_table(exchanges: pd.DataFrame, top: pd.Series) -> pd.DataFrame | None:
    """One row per exchange: visitor, direction, dates ('start to end' for a span), whether they are the dates
    reported or the cited reference's (where the statements conflict), level, whether a ``paramount leader``
    (``top``, from :func:`~helpers.report.exchanges.top_level`), the statements, articles and outlets reporting
    it, whether their dates disagree, and the statements the reference contradicts; ``None`` when there is none."""
    if exchanges.empty:
        return None
    return pd.DataFrame({
        "visitor": exchanges["visitor"],
        "direction": [direction_label(f, t) for f, t in zip(exchanges["from_country"], exchanges["to_country"])],
        "dates": [s if e == s else f"{s} to {e}" for s, e in zip(exchanges["date_start"], exchanges["date_end"])],
        "dated by": _column(exchanges, "date_basis", "reported"),
        "level": exchanges["level"],
        "paramount leader": top,
        "statements": exchanges["n_statements"],
        "articles": exchanges["n_articles"],
        "outlets": exchanges["outlets"].map(", ".join),
        "dates disagree": exchanges["date_disagreement"],
        "contradicted by the reference": _column(exchanges, "conflicting_statements", ""),
    })


def exchanges_note(visits: pd.DataFrame, exchanges: pd.DataFrame, max_listed: int = MAX_LISTED) -> str:
    """How the statements merge into exchanges, which exchanges several articles report (the ``max_listed``
    reported by the most), and how many statements are tied to no exchange."""
    if visits.empty:
        return "No visit statement, so no exchange."
    multi = exchanges[exchanges["n_articles"] > 1]
    unassigned = len(visits) - int(exchanges["n_statements"].sum())
    shown = multi.sort_values("n_articles", ascending=False, kind="stable").head(max_listed).sort_index()
    listed = "; ".join(f"{md_quote(r.visitor)}'s {r.date_start[:4] or 'undated'} visit "
                       f"({direction_label(r.from_country, r.to_country)}, {r.n_articles} articles)"
                       for r in shown.itertuples())
    more = (f"; and {plural(len(multi) - len(shown), 'other')}, each reported by "
            f"{int(multi['n_articles'].nlargest(max_listed).min())} articles or fewer" if len(multi) > len(shown) else "")
    text = f"The {plural(len(visits), 'statement')} merge into **{plural(len(exchanges), 'exchange')}**. "
    text += (f"{plural(len(multi), 'exchange')} {agree(len(multi), 'is', 'are')} reported by more than one article: "
             f"{listed}{more}. The other {len(exchanges) - len(multi)} rest on a single article. " if len(multi) else
             "Each rests on a single article. " if len(exchanges) else "")
    if not unassigned:
        return text + "Every statement is tied to an exchange."
    return text + (f"{plural(unassigned, 'statement')} could not be tied to one exchange (an undated statement whose "
                   f"visitor made several visits in that direction) and {'is' if unassigned == 1 else 'are'} left out "
                   "of the counts.")


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
    """The exchanges whose dates cannot all be true at once: reported by more than one article with dates that
    disagree by the one rule (:mod:`helpers.dates.relation`), or with a date the cited references contradict."""
    contradicted = _column(exchanges, "conflicting_statements", "") != ""
    return exchanges[((exchanges["n_articles"] > 1) & exchanges["date_disagreement"].fillna(False).astype(bool))
                     | contradicted]


def anachronisms(reports: pd.DataFrame) -> pd.DataFrame:
    """The reports (rows of :func:`article_reports`) giving a title the visitor did not hold at the time."""
    return reports[reports["title_check"].str.contains("not held")]


def shared_reports(reports: pd.DataFrame, exchanges: pd.DataFrame) -> pd.DataFrame | None:
    """What each article says about each exchange that several articles report: dates, titles, status, title
    check; ``None`` when no exchange is reported by more than one article."""
    shared = reports[reports["exchange_id"].isin(shared_exchanges(exchanges)["exchange_id"])]
    if shared.empty:
        return None
    return shared[["visitor", "direction", "article", "dates", "titles", "status", "title_check"]].reset_index(drop=True)


def _contradicted(conflicting: str, labels: dict[str, str]) -> str:
    """'1957-12 (000)' as '1957-12 (<article label>)': the short doc ids of an exchange's
    ``conflicting_statements`` replaced by the labels of the articles they start (``labels``: doc_id -> label)."""
    out = []
    for part in (p for p in conflicting.split("; ") if p):
        value, _, ids = part.rpartition(" (")
        names = [next((lab for d, lab in labels.items() if d.startswith(i.strip())), i) for i in ids.rstrip(")").split(",")]
        out.append(f"{value} ({'; '.join(names)})")
    return "; ".join(out)


def _disagreement_line(r, reported: str, labels: dict[str, str] | None = None) -> str:
    """One exchange of :func:`disagreement_note`: each article's dates, then what the reference settles."""
    head = f"- **{md_quote(r.visitor)}, {str(r.date_start)[:4]}**: {reported}."
    if getattr(r, "date_basis", "") == "reference":
        return (head + f" The cited reference gives {r.date_start}" + (f" to {r.date_end}" if r.date_end != r.date_start
                                                                    else "")
                + ", so the exchange is dated by it; it contradicts "
                f"{md_quote(_contradicted(r.conflicting_statements, labels or {}))} "
                f"(source: {md_quote(r.reference_source)}).")
    return head + f" No cited reference settles it: left open (merged span {r.date_start} to {r.date_end})."


def disagreement_note(reports: pd.DataFrame, exchanges: pd.DataFrame) -> str:
    """The exchanges with incompatible dates (each article's dates listed), then every title not held at
    the time, with the offices the visitor did hold that year."""
    by_id = exchanges.set_index("exchange_id")

    def dates_of(xid):
        rows = reports[(reports["exchange_id"] == xid) & (reports["dates"] != "")]
        return "; ".join(f"{md_quote(d)} ({md_quote(a)})" for d, a in zip(rows["dates"], rows["article"]))

    disagreeing, wrong = disagreeing_exchanges(exchanges), anachronisms(reports)
    labels = dict(zip(reports["doc_id"], reports["article"]))
    lines = [_disagreement_line(r, dates_of(r.exchange_id), labels) for r in disagreeing.itertuples()]
    titles = [f"- {md_quote(a)} calls {md_quote(v)} *{md_quote(t)}*: {md_quote(c)} (offices that year: "
              f"{md_quote(offices_in(by_id.at[x, 'visitor_id'], by_id.at[x, 'date_start']))})"
              for a, v, t, c, x in zip(wrong["article"], wrong["visitor"], wrong["titles"], wrong["title_check"],
                                       wrong["exchange_id"])]
    dates = (f"{plural(len(disagreeing), 'exchange')} {agree(len(disagreeing), 'carries', 'carry')} dates that cannot "
             "all be true at once (dates with no "
             "unit in common, or two spans that differ at an end), or that the cited references contradict; dates "
             "of different phases of one trip agree with the reference and are not listed:\n\n" + "\n".join(lines)
             if lines else
             "No exchange carries dates that cannot all be true at once or that the cited references contradict." if
             len(shared_exchanges(exchanges)) or _column(exchanges, "conflicting_statements", "").ne("").any() else
             "No exchange is reported by more than one article, and the references contradict none of their dates.")
    held = (f"Titles not held at the time of the visit, {plural(len(wrong), 'case')}:\n\n" + "\n".join(titles) if titles
            else "No article gives a visitor a title he did not hold at the time of the visit (as far as "
            "`offices.csv` records the offices).")
    return dates + "\n\n" + held


# ---------------------------------------------------------------------------
# What each article leaves out (section 2)
# ---------------------------------------------------------------------------
def article_coverage(exchanges: pd.DataFrame, documents: pd.DataFrame, article: pd.Series) -> pd.DataFrame:
    """:func:`~helpers.report.exchanges.coverage` with the columns labelled by ``article`` (doc_id -> label)."""
    cov = coverage(exchanges, documents)
    cov.columns = [article[d] for d in documents.index]
    return cov


def coverage_table(cov: pd.DataFrame, outlets: pd.Series | None = None,
                   max_columns: int = MAX_COLUMNS) -> pd.DataFrame | None:
    """The coverage matrix for reading: 'reported' or '' per article (columns). With more than ``max_columns``
    articles, only those reporting an exchange; if still too many and ``outlets`` (column label -> outlet) is
    given, one column per outlet, each cell 'k of n' of its articles. ``None`` when there is no exchange."""
    if cov.empty:
        return None
    if len(cov.columns) > max_columns:
        cov = cov.loc[:, cov.any()]
    if len(cov.columns) <= max_columns or outlets is None:
        return cov.replace({True: "reported", False: ""})
    size = outlets.value_counts()
    per_outlet = cov.T.groupby(outlets.reindex(cov.columns)).sum().T
    return per_outlet.apply(lambda col: col.map(lambda k: f"{k} of {size[col.name]}" if k else ""))


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
    """Exchanges per article (the ``max_listed`` reporting the most; the articles reporting none counted, not
    listed, beyond ``max_listed`` articles), those only one article tells, and what is left without the widest
    article."""
    if cov.empty:
        return "No exchange, so no article reports one."
    f = coverage_facts(cov)
    per = f["per_article"]
    none = per[per == 0]
    listed = per[per > 0] if len(per) > max_listed else per
    shown = listed.sort_values(ascending=False, kind="stable").head(max_listed)
    shown = listed[listed.index.isin(shown.index)]
    head = ("Exchanges reported, per article: " + "; ".join(f"{md_quote(a)} {n}" for a, n in shown.items())
            + (f"; {plural(len(listed) - len(shown), 'other article')} report fewer" if len(shown) < len(listed) else "")
            + (f"; the other {plural(len(none), 'article')} report none" if len(listed) < len(per) else ""))
    if len(cov.columns) == 1:
        return head + "."
    others = [md_quote(x) for x in f["told_by_others"]]
    return (
        head
        + f". {plural(len(f['only_one']), 'exchange')} appear{agree(len(f['only_one']), 's', '')} in one article only, "
        f"{f['only_widest']} of them in {md_quote(f['widest'])}. "
        f"Reported by every article: {', '.join(md_quote(x) for x in f['everywhere']) or 'none'}. "
        f"Without {md_quote(f['widest'])}, the other {plural(len(cov.columns) - 1, 'article')} together report "
        + (f"only {plural(len(others), 'exchange')}: {_more(others)}." if others else "none."))


def limits_note(limits: dict, n_coded: int, unassigned: int) -> str:
    """What the visits of this corpus cannot tell, from its counts (:func:`helpers.report.overview.corpus_limits`),
    the number of articles the codebook covers and the statements tied to no one visit."""
    from helpers.report.overview import outlet_article_clause

    coded = (f"The codebook covers {plural(n_coded, 'article')} of {limits['n_documents']} and the rules were developed on "
             f"{agree(n_coded, 'it', 'them')}, so precision and recall are in-sample" if n_coded else
             "No article here is covered by the codebook, so nothing is scored in-sample")
    n = limits["n_documents"]
    return (f"**What the corpus cannot tell.** The visits are those {'the article chooses' if n == 1 else plural(n, 'article') + ' choose'} "
            "to recall, not a record of diplomacy: a visit no article mentions does not exist here, and an article's "
            "silence is a choice of emphasis we cannot separate from its occasion (a summit, an anniversary) or its "
            f"outlet ({outlet_article_clause(limits)}). {coded}; section 7 sets the development figures on real agency "
            "copy beside them, and articles of other outlets remain the real test. Offices are checked at year "
            "precision (a title taken up during the year of the visit counts as held), and only for people whose "
            "offices `offices.csv` lists. Levels and \"paramount leader\" come from that file's judgement of each "
            "office" + (f", and {plural(unassigned, 'undated statement')} about several visits cannot be tied to any one "
                        "of them." if unassigned else "."))

