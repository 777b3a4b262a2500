"""The figures of notebook 01: each article on a time axis, and how much of each file is boilerplate.

At most :data:`~helpers.report.overview.MAX_ROWS` articles are drawn one row each; beyond that the figures
show outlets or years. Each plotting function returns ``(fig, ax)``, or the sentence saying why there is
nothing to draw (see :func:`helpers.report.style.show_figure`).
"""
from __future__ import annotations

import pandas as pd

from helpers.corpus.segment import KINDS
from helpers.report.overview import MAX_ROWS, _labels, composition, published_interval, year_span
from helpers.report.style import MEDIA_SYSTEM_COLORS, SEGMENT_KIND_COLORS, legend_below, system_colour
from helpers.report.text import agree, fmt_pct, plural, the_articles


MAX_OUTLET_ROWS = 15
"""The most outlets the composition figure draws one bar each; the rest share one bar, their count said."""


def _outlet_rows(outlet: pd.Series, max_outlets: int) -> pd.Series:
    """Each article's outlet, or 'N other outlets' beyond the ``max_outlets - 1`` with the most articles."""
    counts = outlet.value_counts()
    if len(counts) <= max_outlets:
        return outlet
    order = counts.rename_axis("o").reset_index().sort_values(["count", "o"], ascending=[False, True])
    keep = set(order["o"].head(max_outlets - 1))
    return outlet.where(outlet.isin(keep), f"{len(counts) - len(keep)} other outlets")


def plot_composition(corpus, labels: pd.Series | None = None, max_rows: int = MAX_ROWS, title: str | None = None):
    """Horizontal stacked bars: share of each file's characters by segment kind, one bar per article (by its
    label); with more than ``max_rows`` articles, one bar per outlet (the mean of its articles' shares), the
    outlets beyond :data:`MAX_OUTLET_ROWS` in one bar that says how many they are."""
    import matplotlib.pyplot as plt

    table = composition(corpus)
    shares = table[list(KINDS)].div(table["total"], axis=0)
    if len(shares) > max_rows:
        outlet = _outlet_rows(corpus.documents["outlet"].reindex(shares.index), MAX_OUTLET_ROWS)
        counts = outlet.value_counts()
        shares = shares.groupby(outlet).mean()
        names = pd.Series([f"{o} (mean of {counts[o]} articles)" if counts[o] > 1 else f"{o} (1 article)"
                           for o in shares.index], index=shares.index)
    else:
        names = _labels(corpus, labels).reindex(shares.index)
    fig, ax = plt.subplots(figsize=(8, 0.5 * len(shares) + 1.6))
    left = pd.Series(0.0, index=shares.index)
    for kind in KINDS:
        ax.barh(names, shares[kind], left=left, color=SEGMENT_KIND_COLORS[kind], label=kind)
        left += shares[kind]
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of the file's characters")
    ax.invert_yaxis()
    ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), title="segment kind")
    ax.grid(axis="y", visible=False)
    if title:
        ax.set_title(title)
    return fig, ax


def plot_publication_timeline(corpus, labels: pd.Series | None = None, max_rows: int = MAX_ROWS,
                              title: str | None = None):
    """Each article on a time axis, coloured by media system; a bar spans a date known only to the month or year.
    With more than ``max_rows`` articles, articles per year by media system instead (stacked bars). Returns
    ``(fig, ax)``, or the sentence saying why there is no axis when no article has a publication date."""
    import matplotlib.pyplot as plt

    docs = corpus.documents.sort_values("published", kind="stable")
    if docs["published"].isna().all():
        return (f"No publication date is known for {the_articles(len(docs))} (none printed, in the catalog or "
                "inferred), so there is no time axis to draw.")
    if len(docs) > max_rows:
        fig, ax = _plot_years(docs)
        if title:
            ax.set_title(title)
        return fig, ax
    names = _labels(corpus, labels)
    span = published_interval(docs)
    fig, ax = plt.subplots(figsize=(8, 0.45 * len(docs) + 1.6))
    for i, (doc_id, row) in enumerate(docs.iterrows()):
        if pd.isna(row["published"]):
            continue
        color = system_colour(row["media_system"])
        first, last = span.loc[doc_id, "first_day"], span.loc[doc_id, "last_day"]
        if row["published_precision"] == "day":
            ax.plot(first, i, "o", color=color, markersize=8)
        else:
            ax.plot([first, last], [i, i], "-", color=color, linewidth=6, solid_capstyle="butt", alpha=0.8)
        ax.annotate(f"{names[doc_id]} ({row['published_basis']})", (last, i), xytext=(6, 0),
                    textcoords="offset points", va="center", fontsize=8.5)
    ax.set_yticks(range(len(docs)), [""] * len(docs))
    ax.set_ylim(len(docs) - 0.5, -0.5)
    undated = int(docs["published"].isna().sum())
    ax.set_xlabel("publication date (a bar spans a date known only to the month or year)"
                  + (f"; {plural(undated, 'article')} with no date: empty {agree(undated, 'row', 'rows')}" if undated else ""))
    first_year = docs["published"].min().year
    last_year = docs["published"].max().year
    # room on the right for the labels, which run past the last date
    ax.set_xlim(pd.Timestamp(first_year, 1, 1), pd.Timestamp(last_year + 2 + (last_year - first_year) // 2, 1, 1))
    for system, color in MEDIA_SYSTEM_COLORS.items():
        ax.plot([], [], "s", color=color, label=f"{system} media")
    legend_below(ax, ncol=2)
    ax.grid(axis="y", visible=False)
    if title:
        ax.set_title(title)
    return fig, ax


def _plot_years(docs: pd.DataFrame):
    """Articles per publication year, stacked by media system (articles with no date left out, said in the label)."""
    import matplotlib.pyplot as plt

    dated = docs.dropna(subset=["published"])
    counts = (dated.assign(year=dated["published"].dt.year).groupby(["year", "media_system"]).size()
              .unstack(fill_value=0).reindex(columns=list(MEDIA_SYSTEM_COLORS), fill_value=0))
    counts = counts.reindex(range(int(counts.index.min()), int(counts.index.max()) + 1), fill_value=0)
    fig, ax = plt.subplots(figsize=(8, 3.6))
    bottom = pd.Series(0, index=counts.index)
    for system, color in MEDIA_SYSTEM_COLORS.items():
        ax.bar(counts.index, counts[system], bottom=bottom, color=color, label=f"{system} media")
        bottom += counts[system]
    for year, total in bottom.items():  # the count on each bar: a year of one article stays visible
        if total:
            ax.annotate(str(total), (year, total), xytext=(0, 2), textcoords="offset points", ha="center", fontsize=8)
    ax.set_ylim(0, bottom.max() * 1.15)
    undated = len(docs) - len(dated)
    ax.set_xlabel("publication year" + (f" ({plural(undated, 'article')} with no date left out)" if undated else ""))
    ax.set_ylabel("articles")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1))
    return fig, ax


def timeline_title(limits: dict, documents: pd.DataFrame) -> str:
    """The timeline's title, its claim computed: do the media systems' publication years overlap?

    >>> docs = pd.DataFrame({"media_system": ["state", "independent"],
    ...                      "published": pd.to_datetime(["2019-01-01", "2025-01-01"])})
    >>> timeline_title(dict(n_documents=2, first_year=2019, last_year=2025), docs)
    '2 articles, 2019–2025: state and independent articles fall in separate years'
    """
    years = documents.dropna(subset=["published"]).groupby("media_system")["published"].agg(["min", "max"])
    head = f"{plural(limits['n_documents'], 'article')}, {year_span(limits)}"
    if len(years) < 2:
        return head + f": {years.index[0] if len(years) else 'no'} media only"
    overlap = years["min"].max() <= years["max"].min()
    return head + (": state and independent coverage interleave" if overlap
                   else ": state and independent articles fall in separate years")


def composition_title(shares: pd.DataFrame) -> str:
    """The composition figure's title, from :func:`boilerplate_share`: the largest share of a file that is
    boilerplate, or that no file has any."""
    top = shares["boilerplate_share"].max() if len(shares) else 0
    if not top > 0:
        return "No file has boilerplate the rules recognise; body text is what is analysed"
    return f"Up to {fmt_pct(top)} of a file is boilerplate; body text is what is analysed"
