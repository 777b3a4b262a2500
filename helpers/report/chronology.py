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
from helpers.report.overview import published_labels
from helpers.report.text import fmt_pct, md_quote, plural

EVENT_COLUMNS = ["value", "end_value", "kind", "text", "outlet", "start", "end", "event", "sentence"]


# ---------------------------------------------------------------------------
# Temporal expressions and publication dates (sections 1-2)
# ---------------------------------------------------------------------------
def timex_kinds(timexes: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Temporal expressions per outlet (rows) and kind (columns), with a ``total`` column."""
    kinds = pd.crosstab(timexes["doc_id"].map(documents["outlet"]).rename("outlet"), timexes["kind"])
    return kinds.assign(total=kinds.sum(axis=1))


def timex_note(timexes: pd.DataFrame) -> str:
    """How many expressions, how many relative, and those the text does not fix (quoted)."""
    unresolved = timexes[timexes["value"] == ""]
    relative = timexes[timexes["kind"] == "relative"]
    return (f"The bodies hold {plural(len(timexes), 'temporal expression')}; {len(relative)} are relative "
            f"(to the publication date or to the narrative) and {len(unresolved)} keep an empty value because the "
            f"text does not fix them: {', '.join('“' + md_quote(t) + '”' for t in unresolved['text'])}.")


def publication_table(documents: pd.DataFrame) -> pd.DataFrame:
    """Per article (by its label): outlet, media system, publication date at its precision, and how it is known."""
    from helpers.report.labels import article_labels

    pub = documents[["outlet", "media_system", "published", "published_precision", "published_basis",
                     "published_evidence"]]
    return pub.assign(published=published_labels(pub)).assign(article=article_labels(documents))[
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
    head = f"{plural(n_stated, 'page')} print{'s its' if n_stated == 1 else ' their'} date"
    if n_catalog:
        head += f"; {plural(n_catalog, 'article')} {'is' if n_catalog == 1 else 'are'} dated by the catalog alone"
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


def contradiction_notes(inconsistent: pd.DataFrame, documents: pd.DataFrame) -> list[str]:
    """One paragraph per article that contradicts itself (each pair and the year it implies), or one saying
    that none does."""
    notes = []
    for doc_id in self_contradictions(inconsistent).index:
        rows = inconsistent[(inconsistent["doc_id"] == doc_id) & inconsistent["implied_published"].notna()]
        notes.append(
            f"**{md_quote(documents.loc[doc_id, 'outlet'])} contradicts itself.** "
            + "; ".join(f"“{md_quote(r.relative_text)}” with “{md_quote(r.explicit_text)}” implies publication in "
                        f"{r.implied_published}" for r in rows.itertuples())
            + f". The loader's inferred year ({documents.loc[doc_id, 'published']:%Y}) follows the first figure, so "
              "the second expression resolves to a year its own sentence denies. Which figure is wrong the page "
              "cannot tell.")
    return notes or ["No article implies two different publication years."]


def timex_scores_note(scores: pd.Series, errors: pd.DataFrame, n_coded: int, n_uncoded: int = 0,
                      uncoded_found: int = 0) -> str:
    """Precision and recall against the codebook on the articles it covers, what is left unscored, and why
    the figures are an upper bound."""
    if n_coded == 0:
        return ("No article of this corpus is covered by the codebook (it codes the seed files, byte for byte), "
                f"so nothing is scored here; the {plural(uncoded_found, 'expression')} found are unjudged.")
    left = (f" The {plural(n_uncoded, 'other article')} of this corpus {'is' if n_uncoded == 1 else 'are'} not "
            f"coded: {'its' if n_uncoded == 1 else 'their'} {plural(uncoded_found, 'expression')} count neither as "
            "right nor as wrong." if n_uncoded else "")
    return (f"On the {plural(n_coded, 'coded article')}, against {plural(scores['codebook rows'], 'codebook row')}, "
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
    told, loose = events[events["event_id"] != ""], events[events["event_id"] == ""]
    n_sentences = statements.groupby("doc_id")["sent_id"].nunique().sum()
    return (f"{plural(len(statements), 'dated statement')} come from {plural(n_sentences, 'sentence')}; "
            f"{len(told)} of them belong to one of {plural(told['event_id'].nunique(), 'event')}. The other "
            f"{len(loose)} date something the event words do not name or give only a decade, for example: "
            + "; ".join(f"“{md_quote(s)}”" for s in loose["sentence"].drop_duplicates().head(examples)) + ".")


def timeline_years(documents: pd.DataFrame, periods: pd.DataFrame) -> tuple[int, int]:
    """The timeline's first year (the first period's start) and last (the year after the latest publication)."""
    return int(periods["start_year"].min()), int(documents["published"].max().year) + 1


def shared_events(points: pd.DataFrame, min_outlets: int = 2) -> pd.DataFrame:
    """One row per event told by at least ``min_outlets`` outlets (from
    :func:`~helpers.events.chronology.timeline_points`), in date order."""
    multi = points[points["n_outlets"] >= min_outlets].drop_duplicates("event_id")
    return multi.sort_values("date_start")


def timeline_title(points: pd.DataFrame) -> str:
    """How many events two or more outlets tell, and their years."""
    multi = shared_events(points)
    years = sorted({str(y) for y in multi["date_start"].dt.year})
    return (f"Only {multi['event_id'].nunique()} of {points['event_id'].nunique()} events are told by two or more "
            f"outlets: those of {', '.join(years)}")


def shared_events_note(points: pd.DataFrame) -> str:
    """The events told by more than one outlet, with the outlets."""
    return "Events told by more than one outlet:\n\n" + "\n".join(
        f"- {md_quote(r.event)}: {r.n_outlets} outlets "
        f"({md_quote(', '.join(sorted(points.loc[points['event_id'] == r.event_id, 'outlet'])))})"
        for r in shared_events(points).itertuples())


# ---------------------------------------------------------------------------
# Periods (section 6)
# ---------------------------------------------------------------------------
def period_shares(statements: pd.DataFrame, periods: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(counts, shares): dated statements per period (rows, in ``periods`` order, then 'anniversaries') and
    media system (columns), and each system's share of its own statements."""
    order = list(periods["period"]) + ["anniversaries"]
    counts = pd.crosstab(statements["period"], statements["media_system"]).reindex(order, fill_value=0)
    return counts, counts / counts.sum()


def period_table(counts: pd.DataFrame, shares: pd.DataFrame) -> pd.DataFrame:
    """Counts beside shares (rounded to two decimals)."""
    return pd.concat([counts, shares.round(2).add_suffix(" share")], axis=1)


def period_note(shares: pd.DataFrame) -> str:
    """Each period's share of state and of independent media's dated statements, one bullet each."""
    return "\n".join(f"- **{md_quote(p)}**: state {fmt_pct(shares.loc[p, 'state'])}, independent "
                     f"{fmt_pct(shares.loc[p, 'independent'])}" for p in shares.index)


def plot_period_shares(counts: pd.DataFrame, shares: pd.DataFrame):
    """Horizontal bars: each media system's share of its dated statements per period; the title says whether
    both systems dwell most on the same period. Returns ``(fig, ax)``."""
    import matplotlib.pyplot as plt

    from helpers.report.style import MEDIA_SYSTEM_COLORS

    fig, ax = plt.subplots(figsize=(8, 3.6))
    height = 0.38
    for k, system in enumerate(shares.columns):
        ax.barh([i + (k - 0.5) * height for i in range(len(shares))], shares[system], height=height,
                color=MEDIA_SYSTEM_COLORS[system], label=f"{system} ({counts[system].sum()} statements)")
    ax.set_yticks(range(len(shares)), shares.index)
    ax.invert_yaxis()
    ax.set_xlabel("share of the media system's dated statements")
    ax.set_ylabel("period of the event dated")
    top = shares.idxmax()
    ax.set_title(f"Both systems dwell most on {top.iloc[0]}" if top.nunique() == 1 else
                 "The two systems dwell on different periods")
    ax.legend(loc="lower right")
    return fig, ax


# ---------------------------------------------------------------------------
# Disagreements across articles (section 7)
# ---------------------------------------------------------------------------
def versions_note(dis: pd.DataFrame) -> str:
    """Each event dated differently, with each version and the outlets that give it."""
    lines = []
    for event, g in dis.groupby("event", sort=False):
        versions = g.groupby(["value", "end_value"], sort=True)["outlet"].agg(lambda s: ", ".join(sorted(set(s))))
        lines.append(f"- **{md_quote(event)}**: " + "; ".join(
            f"{v}{'–' + e if e else ''} ({md_quote(o)})" for (v, e), o in versions.items()))
    return (f"{plural(dis['event_id'].nunique(), 'event')} are dated differently by different outlets:\n\n"
            + "\n".join(lines))


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
    """Each reference date as a bullet: description, first and last day, source."""
    return "\n".join(
        f"- {md_quote(r.description)}: {r.date:%d %B %Y}"
        + (f"–{pd.Timestamp(r.end_date):%d %B %Y}" if pd.notna(r.end_date) and r.end_date != "" else "")
        + f" (source: {md_quote(r.source)})" for r in refs.itertuples())


def chronology_findings(timexes: pd.DataFrame, scores: pd.Series, errors: pd.DataFrame, points: pd.DataFrame,
                        shares: pd.DataFrame, dis: pd.DataFrame, split: pd.Series, n_documents: int,
                        period: str | None = None, n_coded: int | None = None) -> str:
    """The notebook's findings as Markdown bullets, every number from the tables given; ``period`` (default:
    the first, from :func:`period_shares`) is the period whose shares are quoted; ``n_coded`` (default: all)
    is how many of the articles the codebook covers, the scores being computed on those only."""
    multi = shared_events(points)
    period = shares.index[0] if period is None else period
    first = shares.loc[period]
    n_coded = n_documents if n_coded is None else n_coded
    on = "" if n_coded == n_documents else f" (on the {plural(n_coded, 'coded article')})"
    scored = ("no article is covered by the hand-made codebook, so nothing is scored" if n_coded == 0 else
              f"against the hand-made codebook{on} its precision is {scores['precision']:.2f} and its recall {scores['recall']:.2f} "
              f"({plural(len(errors), 'error')}), in-sample")
    most = (f"the most told is {md_quote(multi.sort_values('n_outlets', ascending=False, kind='stable')['event'].iloc[0])}"
            if len(multi) else "none is told by two outlets or more")
    return "\n".join([
        f"- The extractor finds {plural(len(timexes), 'temporal expression')} in the "
        f"{plural(n_documents, 'body', 'bodies')}; {scored}.",
        f"- {plural(multi['event_id'].nunique(), 'event')} of {points['event_id'].nunique()} are told by more than "
        f"one outlet; {most}.",
        f"- The period of the {md_quote(period)} takes {fmt_pct(first['state'])} of state media's dated statements and "
        f"{fmt_pct(first['independent'])} of independent media's.",
        f"- {plural(dis['event_id'].nunique(), 'event')} are dated differently across outlets "
        f"({'; '.join(md_quote(e) for e in dis['event'].unique())}), found by comparing dates, not typed in.",
        f"- {plural(len(split), 'article')} implies two different publication years through its own “N years ago” "
        "figures.",
    ])
