"""Tables, prose and a figure for the chronology notebook (02), built on :mod:`helpers.events.chronology`.

Each function takes tables the notebook already holds (documents, temporal expressions, dated statements,
events, disagreements) and returns one table, one Markdown paragraph or one figure; nothing names a
particular article, event or year.

- :func:`timex_kinds`, :func:`timex_note`: temporal expressions per outlet and kind;
- :func:`publication_table`, :func:`publication_note`: publication dates and how the unprinted ones were found;
- :func:`inconsistency_table`, :func:`self_contradictions`, :func:`contradiction_notes`: articles that
  contradict themselves;
- :func:`timex_scores_note`: the extractor against the codebook;
- :func:`events_note`, :func:`timeline_years`, :func:`timeline_title`, :func:`shared_events`,
  :func:`shared_events_note`: the chronology and which events several outlets tell;
- :func:`period_shares`, :func:`period_table`, :func:`period_note`, :func:`plot_period_shares`: which
  periods each media system dwells on;
- :func:`versions_note`, :func:`reference_dates_within`, :func:`reference_note`: disagreements across
  articles, and the reference dates that fall inside them;
- :func:`chronology_findings`: the notebook's findings.
"""
from __future__ import annotations

import pandas as pd

from helpers.dates.intervals import parse_interval
from helpers.report.omissions import omissions_finding
from helpers.report.overview import published_labels
from helpers.report.text import agree, fmt_num, fmt_pct, md_quote, plural, the_articles

EVENT_COLUMNS = ["value", "end_value", "kind", "text", "outlet", "start", "end", "event", "told", "sentence"]


# ---------------------------------------------------------------------------
# Temporal expressions and publication dates (sections 1-2)
# ---------------------------------------------------------------------------
def timex_kinds(timexes: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Temporal expressions per outlet (rows) and kind (columns), with a ``total`` column."""
    kinds = pd.crosstab(timexes["doc_id"].map(documents["outlet"]).rename("outlet"), timexes["kind"])
    return kinds.assign(total=kinds.sum(axis=1))


def timex_note(timexes: pd.DataFrame, max_listed: int = 12) -> str:
    """How many expressions, how many relative, and those the text does not fix (quoted; beyond ``max_listed``,
    the most frequent distinct ones with their counts)."""
    if timexes.empty:
        return "The bodies hold no temporal expression, so nothing below can be dated."
    unresolved = timexes[timexes["value"] == ""]
    relative = timexes[timexes["kind"] == "relative"]
    head = (f"The bodies hold {plural(len(timexes), 'temporal expression')}; {len(relative)} "
            f"{agree(len(relative), 'is', 'are')} relative (to the publication date or to the narrative)")
    if unresolved.empty:
        return head + " and every one has a value."
    if len(unresolved) <= max_listed:
        quoted = ", ".join("“" + md_quote(t) + "”" for t in unresolved["text"])
    else:
        counts = unresolved["text"].value_counts()
        quoted = (", ".join(f"“{md_quote(t)}” ({n})" for t, n in counts.head(max_listed).items())
                  + (f" and {plural(len(counts) - max_listed, 'other form')}" if len(counts) > max_listed else ""))
    return (head + f" and {len(unresolved)} keep{agree(len(unresolved), 's', '')} an empty value because the text "
            f"does not fix {agree(len(unresolved), 'it', 'them')}: {quoted}.")


def publication_table(documents: pd.DataFrame) -> pd.DataFrame:
    """Per article (by its label): outlet, media system, publication date at its precision, and how it is known."""
    from helpers.report.labels import article_labels

    pub = documents[["outlet", "media_system", "published", "published_precision", "published_basis",
                     "published_evidence"]]
    return pub.assign(published=published_labels(pub), article=article_labels(documents),
                      published_precision=pub["published_precision"].fillna("–"))[
        ["article", "outlet", "media_system", "published", "published_precision", "published_basis",
         "published_evidence"]]


def publication_note(documents: pd.DataFrame, max_listed: int = 10) -> str:
    """How many pages print their date, how many are dated by the catalog, and for each page dated from its own
    words the date inferred and its evidence (with more than ``max_listed`` such pages, counted only)."""
    from helpers.report.labels import article_labels

    basis = documents["published_basis"]
    inferred = documents[basis == "inferred"]
    labels = article_labels(documents)
    n_stated, n_catalog = int((basis == "stated").sum()), int((basis == "catalog").sum())
    n_unknown = int(documents["published"].isna().sum())
    head = ("No page prints its date" if n_stated == 0 else
            f"{plural(n_stated, 'page')} print{'s its' if n_stated == 1 else ' their'} date")
    if n_catalog:
        head += f"; {plural(n_catalog, 'article')} {'is' if n_catalog == 1 else 'are'} dated by the catalog alone"
    if n_unknown:
        head += (f"; {plural(n_unknown, 'article')} {agree(n_unknown, 'has', 'have')} no known date, so "
                 f"{agree(n_unknown, 'its', 'their')} relative expressions (“last year”) stay unresolved")
    if len(inferred) > max_listed:
        return head + (f"; {plural(len(inferred), 'article')} {'is' if len(inferred) == 1 else 'are'} dated from "
                       f"{'its' if len(inferred) == 1 else 'their'} own words (notebook 01 lists each with its evidence).")
    return (head + ". " + " ".join(f"For {md_quote(labels[r.Index])} the loader inferred {r.published:%Y}"
                                   + (f"-{r.published:%m}" if r.published_precision == "month" else "")
                                   + f" ({r.published_precision} precision) from {md_quote(r.published_evidence)}."
                                   for r in inferred.itertuples())).rstrip()


def inconsistency_table(inconsistent: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """:func:`~helpers.events.chronology.internal_inconsistencies` for reading, with the outlet."""
    return inconsistent.assign(outlet=inconsistent["doc_id"].map(documents["outlet"]))[
        ["outlet", "relative_text", "relative_value", "anchor", "explicit_text", "explicit_value",
         "implied_published", "consistent"]]


def self_contradictions(inconsistent: pd.DataFrame) -> pd.Series:
    """Per article that implies more than one publication year: the years it implies."""
    implied = inconsistent.dropna(subset=["implied_published"]).groupby("doc_id")["implied_published"].unique()
    return implied[implied.map(len) > 1]


def contradiction_notes(inconsistent: pd.DataFrame, documents: pd.DataFrame,
                        labels: pd.Series | None = None) -> list[str]:
    """One paragraph per article that contradicts itself (each pair and the year it implies; the article by
    its label, or by its outlet when no ``labels`` are given), or one saying that none does."""
    notes = []
    names = documents["outlet"] if labels is None else labels
    for doc_id in self_contradictions(inconsistent).index:
        rows = inconsistent[(inconsistent["doc_id"] == doc_id) & inconsistent["implied_published"].notna()]
        notes.append(
            f"**{md_quote(names[doc_id])} contradicts itself.** "
            + "; ".join(f"“{md_quote(r.relative_text)}” with “{md_quote(r.explicit_text)}” implies publication in "
                        f"{r.implied_published}" for r in rows.itertuples())
            + f". The loader's inferred year ({documents.loc[doc_id, 'published']:%Y}) follows the first figure, so "
              "the second expression resolves to a year its own sentence denies. Which figure is wrong the page "
              "cannot tell.")
    return notes or ["No article implies two different publication years."]


def scores_table(scores: pd.Series) -> pd.DataFrame:
    """The scores as a one-column table; a rate computed on nothing (no coded article) reads
    '– (nothing scored)', never NaN."""
    table = scores.to_frame("score")
    if table["score"].isna().any():
        table = table.astype(object).where(table.notna(), "– (nothing scored)")
    return table


def timex_scores_note(scores: pd.Series, errors: pd.DataFrame, n_coded: int, n_uncoded: int = 0,
                      uncoded_found: int = 0) -> str:
    """Precision and recall against the codebook on the articles it covers, what is left unscored, and why
    the figures are an upper bound."""
    if n_coded == 0:
        return ("No article of this corpus is covered by the codebook (it codes the seed files, byte for byte), "
                "so nothing is scored here" + (f"; the {plural(uncoded_found, 'expression')} found "
                                               f"{agree(uncoded_found, 'is', 'are')} unjudged." if uncoded_found else
                                               " (and no expression is found)."))
    left = (f" The {plural(n_uncoded, 'other article')} of this corpus {'is' if n_uncoded == 1 else 'are'} not "
            f"coded: {'its' if n_uncoded == 1 else 'their'} {plural(uncoded_found, 'expression')} count neither as "
            "right nor as wrong." if n_uncoded else "")
    return (f"On {the_articles(n_coded, 'coded article')}, against {plural(scores['codebook rows'], 'codebook row')}, "
            f"precision is **{scores['precision']:.3f}** and recall **{scores['recall']:.3f}** "
            f"({int(scores['correct values'])} correct values out of {int(scores['found'])} found); "
            f"{plural(len(errors), 'error')} listed below.{left} The rules were written with the coded articles in "
            "view, so this is an upper bound for unseen text: the unit tests exercise every kind on invented "
            "sentences, and the development figures below measure text the rules were not written for.")


# ---------------------------------------------------------------------------
# The chronology and the timeline (sections 4-5)
# ---------------------------------------------------------------------------
def events_note(statements: pd.DataFrame, events: pd.DataFrame, examples: int = 3) -> str:
    """Dated statements, the sentences they come from, how many belong to an event, and examples of the rest."""
    if statements.empty:
        return ("No body sentence gives a date the chronology can place, so there is no dated statement and no "
                "event below.")
    told, loose = events[events["event_id"] != ""], events[events["event_id"] == ""]
    n_sentences = statements.groupby("doc_id")["sent_id"].nunique().sum()
    text = (f"{plural(len(statements), 'dated statement')} come{agree(len(statements), 's', '')} from "
            f"{plural(n_sentences, 'sentence')}; {len(told)} of them belong to one of "
            f"{plural(told['event_id'].nunique(), 'event')}.")
    if loose.empty:
        return text
    return (text + f" The other {len(loose)} date something the event words do not name or give only a decade, "
            "for example: " + "; ".join(f"“{md_quote(s)}”" for s in loose["sentence"].drop_duplicates().head(examples))
            + ".")


def timeline_years(documents: pd.DataFrame, periods: pd.DataFrame) -> tuple[int, int | None]:
    """The timeline's first year (the first period's start) and last (the year after the latest publication;
    None when no article has a date, so the figure ends after the latest event)."""
    latest = documents["published"].max()
    return int(periods["start_year"].min()), (None if pd.isna(latest) else int(latest.year) + 1)


def shared_events(points: pd.DataFrame, min_outlets: int = 2) -> pd.DataFrame:
    """One row per event told by at least ``min_outlets`` outlets (from
    :func:`~helpers.events.chronology.timeline_points`), in date order."""
    multi = points[points["n_outlets"] >= min_outlets].drop_duplicates("event_id")
    return multi.sort_values("date_start")


def timeline_title(points: pd.DataFrame) -> str:
    """How many events two or more outlets tell, and their years (or that one outlet tells them all)."""
    multi = shared_events(points)
    n, k = points["event_id"].nunique(), multi["event_id"].nunique()
    if points["outlet"].nunique() == 1:
        return f"{plural(n, 'event')}, all told by one outlet ({points['outlet'].iloc[0]})"
    if k == 0:
        return f"None of the {plural(n, 'event')} is told by two or more outlets"
    years = sorted({str(y) for y in multi["date_start"].dt.year})
    if k == n:
        return f"All {plural(n, 'event')} are told by two or more outlets"
    return f"Only {k} of {n} events are told by two or more outlets: those of {', '.join(years)}"


def shared_events_note(points: pd.DataFrame, max_listed: int = 15) -> str:
    """The events told by more than one outlet, with the outlets (the ``max_listed`` told by the most outlets,
    and a count of the rest), or that none is."""
    multi = shared_events(points)
    if points.empty:
        return "No event is dated, so none is told by more than one outlet."
    if multi.empty:
        n_outlets = points["outlet"].nunique()
        return ("No event is told by more than one outlet" + (
            ": the events here all come from one outlet." if n_outlets == 1 else "."))
    ranked = multi.sort_values("n_outlets", ascending=False, kind="stable")
    top, rest = ranked.head(max_listed).sort_values("date_start"), len(ranked) - max_listed
    return "Events told by more than one outlet:\n\n" + "\n".join(
        f"- {md_quote(r.event)}: {r.n_outlets} outlets "
        f"({md_quote(', '.join(sorted(points.loc[points['event_id'] == r.event_id, 'outlet'])))})"
        for r in top.itertuples()) + (f"\n- … and {plural(rest, 'other event')}, each told by "
                                      f"{ranked['n_outlets'].iloc[max_listed]} outlets or fewer" if rest > 0 else "")


# ---------------------------------------------------------------------------
# Periods (section 6)
# ---------------------------------------------------------------------------
def period_shares(statements: pd.DataFrame, periods: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(counts, shares): dated statements per period (rows, in ``periods`` order, then 'anniversaries') and
    media system (columns), and each system's share of its own statements."""
    order = list(periods["period"]) + ["anniversaries"]
    if statements.empty:  # no dated statement: no media system has a share of anything
        empty = pd.DataFrame(index=pd.Index(order, name="period"), columns=pd.Index([], name="media_system"))
        return empty.astype("int64"), empty.astype(float)
    counts = pd.crosstab(statements["period"], statements["media_system"]).reindex(order, fill_value=0)
    return counts, counts / counts.sum()


def period_table(counts: pd.DataFrame, shares: pd.DataFrame) -> pd.DataFrame:
    """Counts beside shares (rounded to two decimals)."""
    return pd.concat([counts, shares.round(2).add_suffix(" share")], axis=1)


SYSTEMS = ("state", "independent")


def missing_systems(shares: pd.DataFrame) -> list[str]:
    """The media systems with no dated statement (no column in :func:`period_shares`)."""
    return [s for s in SYSTEMS if s not in shares.columns]


def period_note(shares: pd.DataFrame) -> str:
    """Each period's share of each media system's dated statements, one bullet each; a system with no dated
    statement is said to have none, so there is no comparison."""
    present = [s for s in SYSTEMS if s in shares.columns]
    if not present:
        return "No article gives a dated statement, so no period can be compared."
    lines = "\n".join(f"- **{md_quote(p)}**: " + ", ".join(f"{s} {fmt_pct(shares.loc[p, s])}" for s in present)
                      for p in shares.index)
    missing = missing_systems(shares)
    if missing:
        lines += (f"\n\nNo {' or '.join(missing)} article gives a dated statement here, so the periods describe "
                  f"{present[0]} media alone and nothing compares the two systems.")
    return lines


def plot_period_shares(counts: pd.DataFrame, shares: pd.DataFrame):
    """Horizontal bars: each media system's share of its dated statements per period; the title says whether
    both systems dwell most on the same period. Returns ``(fig, ax)``."""
    import matplotlib.pyplot as plt

    from helpers.report.style import legend_below, system_colour

    if shares.columns.empty:
        return "No dated statement, so there are no period shares to draw."
    fig, ax = plt.subplots(figsize=(8, 3.6))
    height = 0.38
    for k, system in enumerate(shares.columns):
        ax.barh([i + (k - (len(shares.columns) - 1) / 2) * height for i in range(len(shares))], shares[system],
                height=height, color=system_colour(system),
                label=f"{system} ({counts[system].sum()} statements)")
    ax.set_yticks(range(len(shares)), shares.index)
    ax.invert_yaxis()
    ax.set_xlabel("share of the media system's dated statements")
    ax.set_ylabel("period of the event dated")
    top = shares.idxmax()
    ax.set_title(f"{shares.columns[0].capitalize()} media alone dated statements here; they dwell most on "
                 f"{top.iloc[0]}" if len(top) == 1 else
                 f"Both systems dwell most on {top.iloc[0]}" if top.nunique() == 1 else
                 "The two systems dwell on different periods")
    legend_below(ax, ncol=2)
    return fig, ax


# ---------------------------------------------------------------------------
# Disagreements across articles (section 7)
# ---------------------------------------------------------------------------
def versions_note(dis: pd.DataFrame, max_events: int = 10, max_versions: int = 6) -> str:
    """Each event dated differently by two or more articles, with each version and the outlets that give it
    (the ``max_events`` events with the most versions, each with its first ``max_versions`` versions in date
    order, and counts of the rest), or that no event is."""
    if dis.empty:
        return "No event is dated differently by two articles: wherever articles date the same event, the dates agree."
    lines = []
    versions = {event: g.groupby(["value", "end_value"], sort=True)["outlet"].agg(lambda s: ", ".join(sorted(set(s))))
                for event, g in dis.groupby("event", sort=False)}
    shown = sorted(versions, key=lambda e: -len(versions[e]))[:max_events]
    for event in [e for e in versions if e in shown]:
        v = versions[event]
        lines.append(f"- **{md_quote(event)}**: " + "; ".join(
            f"{a}{'–' + b if b else ''} ({md_quote(o)})" for (a, b), o in v.head(max_versions).items())
            + (f"; and {plural(len(v) - max_versions, 'other version')}" if len(v) > max_versions else ""))
    n = dis["event_id"].nunique()
    rest = (f"\n- … and {plural(n - len(shown), 'other event')} with fewer versions (the table above lists every "
            "statement)" if n > len(shown) else "")
    return (f"{plural(n, 'event')} {agree(n, 'is', 'are')} dated differently by different articles:\n\n"
            + "\n".join(lines) + rest)


def reference_dates_within(dis: pd.DataFrame, refs: pd.DataFrame) -> pd.DataFrame:
    """The reference dates (``refs``: :func:`~helpers.dates.anniversary.reference_dates`) that fall inside the
    span of an event the outlets date differently (from the earliest first day to the latest last day of its
    versions), in date order."""
    inside = pd.Series(False, index=refs.index)
    end = pd.to_datetime(refs["end_date"]).fillna(refs["date"])
    for _, g in dis.groupby("event_id"):
        spans = [parse_interval(v) for v in g["value"]] + [parse_interval(e) for e in g["end_value"] if e]
        lo, hi = pd.Timestamp(min(s.start for s in spans)), pd.Timestamp(max(s.end for s in spans))
        inside |= (refs["date"] >= lo) & (end <= hi)
    return refs[inside].sort_values("date")


def reference_note(refs: pd.DataFrame) -> str:
    """Each reference date as a bullet: description, first and last day, source (or that none applies)."""
    if refs.empty:
        return ("No reference date of `helpers/data/reference_chronology.csv` falls inside an event the articles date "
                "differently.")
    return "\n".join(
        f"- {md_quote(r.description)}: {r.date:%d %B %Y}"
        + (f"–{pd.Timestamp(r.end_date):%d %B %Y}" if pd.notna(r.end_date) and r.end_date != "" else "")
        + f" (source: {md_quote(r.source)})" for r in refs.itertuples())


def _period_finding(shares: pd.DataFrame, period: str | None) -> str:
    """The periods bullet: one period's share of each media system's dated statements, or why there is none."""
    present = [x for x in SYSTEMS if x in shares.columns]
    if not present:
        return "- No dated statement, so no period can be compared."
    period = shares.index[0] if period is None else period
    first = shares.loc[period]
    if len(present) == 1:
        return (f"- The period of the {md_quote(period)} takes {fmt_pct(first[present[0]])} of {present[0]} media's "
                f"dated statements; no {missing_systems(shares)[0]} article gives one, so the systems cannot be "
                "compared.")
    return (f"- The period of the {md_quote(period)} takes {fmt_pct(first['state'])} of state media's dated statements "
            f"and {fmt_pct(first['independent'])} of independent media's.")


def chronology_findings(timexes: pd.DataFrame, scores: pd.Series, errors: pd.DataFrame, points: pd.DataFrame,
                        shares: pd.DataFrame, dis: pd.DataFrame, split: pd.Series, n_documents: int,
                        period: str | None = None, n_coded: int | None = None, max_listed: int = 8,
                        omissions: pd.DataFrame | None = None) -> str:
    """The notebook's findings as Markdown bullets, every number from the tables given; ``period`` (default:
    the first, from :func:`period_shares`) is the period whose shares are quoted; ``n_coded`` (default: all)
    is how many of the articles the codebook covers, the scores being computed on those only; ``omissions``
    (:func:`helpers.analysis.omissions.omission_table`, optional) adds what the articles tell and leave out."""
    multi = shared_events(points)
    n_coded = n_documents if n_coded is None else n_coded
    on = "" if n_coded == n_documents else f" (on the {plural(n_coded, 'coded article')})"
    scored = ("no article is covered by the hand-made codebook, so nothing is scored" if n_coded == 0 else
              f"against the hand-made codebook{on} its precision is {fmt_num(scores['precision'])} and its recall "
              f"{fmt_num(scores['recall'])} ({plural(len(errors), 'error')}), in-sample")
    most = (f"the most told is {md_quote(multi.sort_values('n_outlets', ascending=False, kind='stable')['event'].iloc[0])}"
            if len(multi) else "none is told by two outlets or more")
    n_events, n_multi, n_dis = points["event_id"].nunique(), multi["event_id"].nunique(), dis["event_id"].nunique()
    if n_events == 0:
        events = "- No event is dated: the chronology has no event to compare across outlets."
    elif n_multi:
        events = (f"- {plural(n_multi, 'event')} of {n_events} {agree(n_multi, 'is', 'are')} told by more than one "
                  f"outlet; {most}.")
    elif n_events == 1:
        events = "- The one event is told by one outlet."
    else:
        events = (f"- None of the {plural(n_events, 'event')} is told by more than one outlet"
                  + (" (they all come from one outlet)." if points["outlet"].nunique() == 1 else "."))
    named = list(dis["event"].unique())
    listed = "; ".join(md_quote(e) for e in named[:max_listed]) + (
        f"; and {plural(len(named) - max_listed, 'other')}" if len(named) > max_listed else "")
    return "\n".join([
        f"- The extractor finds {plural(len(timexes), 'temporal expression')} in "
        f"{the_articles(n_documents, 'body', 'bodies')}; {scored}.",
        events,
        _period_finding(shares, period),
        (f"- {plural(n_dis, 'event')} {agree(n_dis, 'is', 'are')} dated differently across articles ({listed}), found "
         "by comparing dates, not typed in." if n_dis else "- No event is dated differently across articles."),
        f"- {plural(len(split), 'article')} {agree(len(split), 'implies', 'imply')} two different publication years "
        "through its own “N years ago” figures." if len(split) else
        "- No article implies two different publication years through its own “N years ago” figures.",
        *([omissions_finding(omissions)] if omissions is not None else []),
    ])
