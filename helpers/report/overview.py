"""The corpus at a glance: who published what, when, and how much of each file is noise.

Tables first (tested), then thin plotting functions that draw them.
"""
from __future__ import annotations

import pandas as pd

from helpers.corpus.segment import KINDS
from helpers.report.style import MEDIA_SYSTEM_COLORS, SEGMENT_KIND_COLORS, source_note
from helpers.report.text import fmt_pct, md_quote, plural

_PRECISION_OFFSET = {"day": pd.DateOffset(days=1), "month": pd.DateOffset(months=1), "year": pd.DateOffset(years=1)}


def article_table(corpus) -> pd.DataFrame:
    """One row per article: outlet, country, media system and the evidence for it, date and how it is known."""
    docs = corpus.documents
    outlets = corpus.outlets.set_index("outlet")
    table = pd.DataFrame({
        "outlet": docs["outlet"],
        "country": docs["outlet_country"],
        "media_system": docs["media_system"],
        "ambiguous": docs["outlet"].map(outlets["ambiguous"]),
        "published": published_labels(docs),
        "basis": docs["published_basis"],
        "body_words": docs["n_words"],
        "title": docs["title"].fillna("(no headline in the file)"),
    })
    return table


def format_published(stamp, precision) -> str:
    """A date at the precision it is known: '2019-02-19', '2023-01', '2022', or 'unknown'."""
    if pd.isna(stamp):
        return "unknown"
    return {"day": f"{stamp:%Y-%m-%d}", "month": f"{stamp:%Y-%m}", "year": f"{stamp:%Y}"}[precision]


def published_labels(documents: pd.DataFrame) -> pd.Series:
    """Each document's publication date as text at its precision (see :func:`format_published`)."""
    return pd.Series([format_published(p, q) for p, q in zip(documents["published"], documents["published_precision"])],
                     index=documents.index, dtype="str")


def published_interval(documents: pd.DataFrame) -> pd.DataFrame:
    """First and last day each publication date allows, given its precision (NaT when unknown)."""
    start = documents["published"]
    end = pd.Series(
        [s + _PRECISION_OFFSET[p] - pd.Timedelta(days=1) if pd.notna(s) else pd.NaT
         for s, p in zip(start, documents["published_precision"])],
        index=documents.index, dtype=start.dtype,
    )
    return pd.DataFrame({"first_day": start, "last_day": end})


def composition(corpus, by: str = "kind") -> pd.DataFrame:
    """Characters of each raw file by segment ``kind`` (or ``rule``), rows doc_id, with a total column.

    White space is counted with the segment it follows, so each row sums to
    the file's length in characters.
    """
    seg = corpus.segments.assign(chars=corpus.segments["end"] - corpus.segments["start"])
    table = seg.pivot_table(index="doc_id", columns=by, values="chars", aggfunc="sum", fill_value=0)
    if by == "kind":
        table = table.reindex(columns=list(KINDS), fill_value=0)
    table.columns.name = None
    table["total"] = table.sum(axis=1)
    return table


def boilerplate_share(corpus) -> pd.DataFrame:
    """Per file: characters of boilerplate by rule, and the share of the file that is boilerplate."""
    seg = corpus.segments[corpus.segments["kind"] == "boilerplate"]
    seg = seg.assign(chars=seg["end"] - seg["start"])
    table = seg.pivot_table(index="doc_id", columns="rule", values="chars", aggfunc="sum", fill_value=0)
    table = table.reindex(corpus.documents.index, fill_value=0)
    table.columns.name = None
    total = corpus.documents["raw"].str.len()
    table["boilerplate_share"] = (table.sum(axis=1) / total).round(3)
    return table


def plot_composition(corpus, labels: pd.Series | None = None):
    """Horizontal stacked bars: share of each file's characters by segment kind."""
    import matplotlib.pyplot as plt

    table = composition(corpus)
    shares = table[list(KINDS)].div(table["total"], axis=0)
    labels = labels if labels is not None else corpus.documents["outlet"]
    fig, ax = plt.subplots(figsize=(8, 0.5 * len(shares) + 1.6))
    left = pd.Series(0.0, index=shares.index)
    for kind in KINDS:
        ax.barh(labels.reindex(shares.index), shares[kind], left=left, color=SEGMENT_KIND_COLORS[kind], label=kind)
        left += shares[kind]
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of the file's characters")
    ax.invert_yaxis()
    ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), title="segment kind")
    ax.grid(axis="y", visible=False)
    return fig, ax


def plot_publication_timeline(corpus):
    """Each article on a time axis, coloured by media system; a bar spans a date known only to the month or year."""
    import matplotlib.pyplot as plt

    docs = corpus.documents.sort_values("published")
    span = published_interval(docs)
    fig, ax = plt.subplots(figsize=(8, 0.45 * len(docs) + 1.6))
    for i, (doc_id, row) in enumerate(docs.iterrows()):
        if pd.isna(row["published"]):
            continue
        color = MEDIA_SYSTEM_COLORS[row["media_system"]]
        first, last = span.loc[doc_id, "first_day"], span.loc[doc_id, "last_day"]
        if row["published_precision"] == "day":
            ax.plot(first, i, "o", color=color, markersize=8)
        else:
            ax.plot([first, last], [i, i], "-", color=color, linewidth=6, solid_capstyle="butt", alpha=0.8)
        ax.annotate(f"{row['outlet']} ({row['published_basis']})", (last, i), xytext=(6, 0),
                    textcoords="offset points", va="center", fontsize=8.5)
    ax.set_yticks(range(len(docs)), [""] * len(docs))
    ax.set_ylim(len(docs) - 0.5, -0.5)
    ax.set_xlabel("publication date (a bar spans a date known only to the month or year)")
    first_year = docs["published"].min().year
    last_year = docs["published"].max().year
    ax.set_xlim(pd.Timestamp(first_year, 1, 1), pd.Timestamp(last_year + 2, 1, 1))
    for system, color in MEDIA_SYSTEM_COLORS.items():
        ax.plot([], [], "s", color=color, label=f"{system} media")
    ax.legend(loc="upper right")
    ax.grid(axis="y", visible=False)
    return fig, ax


def corpus_limits(corpus) -> dict:
    """Counts a reader needs to judge what the corpus can support."""
    docs = corpus.documents
    counts = docs["media_system"].value_counts()
    years = docs["published"].dropna().dt.year
    return dict(
        n_documents=len(docs),
        n_outlets=docs["outlet"].nunique(),
        n_countries=docs["outlet_country"].nunique(),
        n_state=int(counts.get("state", 0)),
        n_independent=int(counts.get("independent", 0)),
        n_ambiguous=int(corpus.outlets.set_index("outlet").loc[docs["outlet"].unique(), "ambiguous"].sum()),
        n_words=int(docs["n_words"].sum()),
        n_sentences=len(corpus.sentences),
        first_year=int(years.min()) if len(years) else None,
        last_year=int(years.max()) if len(years) else None,
        n_undated=int((docs["published_basis"] != "stated").sum()),
        max_per_outlet=int(docs["outlet"].value_counts().max()),
    )


# ---------------------------------------------------------------------------
# Prose rendered from the numbers
# ---------------------------------------------------------------------------
def corpus_note(limits: dict) -> str:
    """Articles, outlets, countries and groups of :func:`corpus_limits`, in words."""
    return (f"The corpus holds {plural(limits['n_documents'], 'article')} from {plural(limits['n_outlets'], 'outlet')} "
            f"in {plural(limits['n_countries'], 'country', 'countries')}: {limits['n_state']} coded as state media and "
            f"{limits['n_independent']} as independent media. {limits['n_ambiguous']} of the outlets are marked "
            f"ambiguous, and no outlet contributes more than {plural(limits['max_per_outlet'], 'article')}, so outlet "
            "and article cannot be told apart in any comparison.")


def inferred_dates_note(documents: pd.DataFrame) -> str:
    """The pages that print no date, each with the precision and evidence of its inferred date."""
    inferred = documents[documents["published_basis"] == "inferred"]
    return (f"{plural(len(inferred), 'page')} print no date of their own; their dates come from what the article "
            "says:\n\n" + "\n".join(f"- **{md_quote(r.outlet)}**: {r.published_precision} precision, "
                                      f"{md_quote(r.published_evidence)}." for r in inferred.itertuples()))


def years_by_system_note(documents: pd.DataFrame) -> str:
    """First and last publication year and the number of articles per media system."""
    by_system = (documents.assign(year=documents["published"].dt.year)
                 .groupby("media_system")["year"].agg(["min", "max", "count"]))
    return ("Publication years by media system: " + "; ".join(
        f"{system} {int(r['min'])}–{int(r['max'])} ({plural(r['count'], 'article')})" for system, r in by_system.iterrows())
        + ". Each article was written for an occasion (a summit, an anniversary of diplomatic relations), so any "
        "difference between media systems may also be a difference between occasions and years.")


def boilerplate_note(corpus, shares: pd.DataFrame | None = None) -> str:
    """Shares of boilerplate and body characters, the noisiest file, and boilerplate segments per rule
    (``shares``: :func:`boilerplate_share`)."""
    shares = boilerplate_share(corpus) if shares is None else shares
    noisiest = shares["boilerplate_share"].idxmax()
    rules = corpus.segments[corpus.segments["kind"] == "boilerplate"].groupby("rule").size()
    comp = composition(corpus)
    return (f"Across the corpus, {fmt_pct(comp['boilerplate'].sum() / comp['total'].sum())} of all characters are "
            f"boilerplate and {fmt_pct(comp['body'].sum() / comp['total'].sum())} are body text. The noisiest file is "
            f"the page from {md_quote(corpus.documents.loc[noisiest, 'outlet'])} "
            f"({fmt_pct(shares.loc[noisiest, 'boilerplate_share'])} boilerplate). Boilerplate segments by rule: "
            + ", ".join(f"{rule} {n}" for rule, n in rules.items()) + ".")


def support_note(limits: dict) -> str:
    """What the corpus can and cannot support, with the counts of :func:`corpus_limits`."""
    return f"""
**Can support**
- a close, fully traceable reading: every table row keeps its document and character offsets, so any claim can be checked against the sentence that makes it;
- a description of *these* articles: which events they narrate, which dates they give, whom they name and how;
- finding disagreements between sources (dates, titles) and inconsistencies inside one article.

**Cannot support**
- statistical generalisation: with {limits['n_state']} state and {limits['n_independent']} independent articles, a permutation test can only relabel
  a handful of ways, and no word-frequency difference can be significant;
- separating outlet from media system, or from occasion: each outlet contributes at most {plural(limits['max_per_outlet'], 'article')}, and the articles
  were written for a summit or an anniversary;
- claims about coverage in Vietnamese or Korean, about what was not published, or about change over time within one outlet;
- firm dates for {plural(limits['n_undated'], 'article')} whose pages print none: their dates are inferred, with the evidence shown above.
"""


def corpus_findings(limits: dict, shares: pd.DataFrame) -> str:
    """The notebook's findings as Markdown bullets, from :func:`corpus_limits` and :func:`boilerplate_share`."""
    return (
        f"- {plural(limits['n_documents'], 'article')} from {plural(limits['n_outlets'], 'outlet')} in "
        f"{plural(limits['n_countries'], 'country', 'countries')}, {limits['first_year']}–{limits['last_year']}; "
        f"{limits['n_state']} state and {limits['n_independent']} independent, {limits['n_ambiguous']} of the outlets "
        "coded with stated doubt.\n"
        f"- {limits['n_documents'] - limits['n_undated']} pages state their date; {limits['n_undated']} are dated "
        "from their own words, with the evidence kept.\n"
        f"- Boilerplate is up to {fmt_pct(shares['boilerplate_share'].max())} of a file; only body text enters the "
        "analyses.\n"
        "- The corpus supports a traceable close reading and comparison of these articles, not generalisation about "
        "state or independent media.")


__all__ = [
    "article_table", "format_published", "published_labels", "published_interval", "composition", "boilerplate_share",
    "plot_composition", "plot_publication_timeline", "corpus_limits", "source_note", "corpus_note",
    "inferred_dates_note", "years_by_system_note", "boilerplate_note", "support_note", "corpus_findings",
]
