"""Words and keyness in notebook 04: content terms per row, the keyness table and what its stability says.

- :func:`content_terms`, :func:`top_terms_table`: content words per article, shown per article or per outlet;
- :func:`prior_note`, :func:`keyness_table`, :func:`stability_note`, :func:`words_note`: the keyness of each
  group's words, how many articles each top term occurs in, and how far the list rests on single articles;
- :func:`plot_keyness`: the figure.
"""
from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from helpers.report.framing_units import NOT_COMPARED, article_list, by_article
from helpers.report.text import fmt_int, md_quote, plural


def content_terms(sentences: pd.DataFrame, stopwords: Iterable[str] | None = None) -> pd.DataFrame:
    """Tidy term counts ``doc_id, term, n`` of the body sentences, names folded to their canonical token
    (gazetteer) and ``stopwords`` (default: ``stopwords.csv``) left out."""
    from helpers.analysis.words import gazetteer_names, load_stopwords, term_counts, tokens

    counts = term_counts(tokens(sentences, gazetteer_names()))
    stop = load_stopwords() if stopwords is None else frozenset(stopwords)
    return counts[~counts["term"].isin(stop)]


def top_terms_table(content: pd.DataFrame, documents: pd.DataFrame, units: pd.Series,
                    n: int = 6) -> pd.DataFrame | None:
    """Per row (an article, or an outlet's articles pooled): its media system and its ``n`` most frequent content
    terms with counts ('term (n)', ties by term), rows in ``documents`` order; ``None`` without any term."""
    if content.empty:
        return None
    rows = content.assign(row=content["doc_id"].map(units)).groupby(["row", "term"], as_index=False)["n"].sum()
    top = (rows.sort_values(["row", "n", "term"], ascending=[True, False, True])
           .groupby("row").head(n).groupby("row")
           .apply(lambda g: ", ".join(f"{t} ({k})" for t, k in zip(g["term"], g["n"])), include_groups=False))
    order = pd.unique(units.reindex(documents.index))
    system = documents["media_system"].groupby(units.reindex(documents.index)).first()
    table = pd.DataFrame({"media system": system.reindex(order), "most frequent content terms": top.reindex(order)})
    if not by_article(units):
        table.insert(0, "articles", units.value_counts().reindex(order))
    table.index.name = "article" if by_article(units) else "outlet"
    return table


def prior_note(content: pd.DataFrame, alpha0: float) -> str:
    """The keyness prior's strength against the corpus's content tokens."""
    return (f"Prior strength used: `alpha0` = {alpha0:g} pseudo-words, against {fmt_int(content['n'].sum())} "
            "content tokens in the corpus.")


def term_spread(content: pd.DataFrame, terms: Iterable[str]) -> pd.Series:
    """Per term: in how many articles it occurs."""
    terms = list(terms)
    return content[content["term"].isin(terms)].groupby("term")["doc_id"].nunique().reindex(terms, fill_value=0)


def stable_keyness(content: pd.DataFrame, groups: pd.Series, group_i: str = "state", group_j: str = "independent",
                   k: int = 10) -> pd.DataFrame | None:
    """:func:`~helpers.analysis.keyness.leave_one_out` of the two groups, or ``None`` when either has no article
    with terms (there is nothing to compare; the notes say so).

    >>> content = pd.DataFrame({"doc_id": ["a", "b"], "term": ["x", "y"], "n": [2, 1]})
    >>> stable_keyness(content, pd.Series({"a": "state", "b": "state"})) is None
    True
    """
    from helpers.analysis.keyness import leave_one_out

    with_terms = groups.reindex(content["doc_id"].unique())
    if not ((with_terms == group_i).any() and (with_terms == group_j).any()):
        return None
    return leave_one_out(content, groups, group_i, group_j, k=k)


def keyness_table(loo: pd.DataFrame | None, content: pd.DataFrame, group_i: str = "state",
                  group_j: str = "independent", labels: pd.Series | None = None,
                  documents: pd.DataFrame | None = None) -> pd.DataFrame | None:
    """The leave-one-out keyness table for reading: counts named by group, ``articles``, the number of
    articles each term occurs in, and, given article ``labels``, ``dropped_by``: the articles whose removal
    pushes the term out of the top list (counted per outlet beyond a few, given ``documents``); ``None``
    without a comparison."""
    if loo is None:
        return None
    t = loo[["group", "rank", "term", "n_i", "n_j", "delta", "se", "z", "kept", "runs", "stable"]].rename(
        columns={"n_i": f"n {group_i}", "n_j": f"n {group_j}"})
    t.insert(5, "articles", term_spread(content, t["term"]).to_numpy())
    if labels is not None and "dropped_by" in loo:
        t["dropped_by"] = [article_list(str(s).split("|"), labels, documents) for s in loo["dropped_by"]]
    return t


def _reruns(loo: pd.DataFrame) -> str:
    """'leave-one-out reruns', or, when a group's only article cannot be left out, which reruns were run."""
    runs = int(loo["runs"].iloc[0]) if len(loo) else 0
    articles = int(loo["articles"].iloc[0]) if len(loo) and "articles" in loo else runs
    if runs >= articles:
        return "leave-one-out reruns"
    spared = articles - runs
    return (f"leave-one-out reruns that leave each group an article ({plural(spared, 'article')} "
            + ("is its group's only one and cannot" if spared == 1 else "are their groups' only ones and cannot")
            + " be left out)")


def stability_note(loo: pd.DataFrame | None, k: int) -> str:
    """How many top terms survive every leave-one-out rerun, which, the largest |z|, and why z is no test."""
    if loo is None:
        return NOT_COMPARED
    stable = loo[loo["stable"]]
    runs = int(loo["runs"].iloc[0]) if len(loo) else 0
    every = _reruns(loo)
    head = (f"Of the {len(loo)} top terms, **{len(stable)}** stay in the top {k} in all {runs} {every}: "
            + (", ".join(f"*{md_quote(t)}* ({g})" for t, g in zip(stable["term"], stable["group"])) or "none")
            if runs else
            f"No leave-one-out rerun is possible (leaving out a group's only article would empty it), so none of "
            f"the {len(loo)} top terms can be shown not to rest on a single article")
    return (head + f". The largest |z| is {loo['z'].abs().max():.2f}. A z-score treats every word as an independent draw, "
            "which the words of one article are not (an article repeats its own terms), so at any corpus size these "
            "are ranked effect sizes, not tests.")


def words_note(loo: pd.DataFrame | None, content: pd.DataFrame, k: int) -> str:
    """What the keyness list rests on, and how to read the figure accordingly: how many top terms occur in
    at most two articles, and how many survive leaving any one article out (``k``: the top-list size)."""
    if loo is None:
        return ""
    spread = term_spread(content, loo["term"])
    few, stable = int((spread <= 2).sum()), int(loo["stable"].sum())
    runs = int(loo["runs"].iloc[0]) if len(loo) else 0
    text = (f"{few} of the {len(loo)} top terms occur in at most two articles (the table's `articles` column), "
            + (f"and {stable} stay in the top {k} whichever article is left out"
               + ("" if _reruns(loo) == "leave-one-out reruns" else " (of those a group can spare)") if runs else
               "and no leave-one-out rerun is possible"))
    if few * 2 >= len(loo):
        return text + (", so most of the list rests on one or two articles each: read the figure as a map of where "
                       "these articles differ in wording, not as evidence about the outlets' vocabularies.")
    if not runs:
        return text + (": a group has a single article, so read the list as that article's wording against the "
                       "other group's, not as evidence about the outlets' vocabularies.")
    if stable * 2 < len(loo):
        return text + (f". Most terms occur in three articles or more, yet for {len(loo) - stable} of them one "
                       f"article's removal pushes the term out of the top {k} (the `kept` column says in how many "
                       "reruns it stays): their ranks sit near the cut-off, so read the order of the list loosely.")
    return text + (", so most of the list does not rest on any single article; it still describes these articles "
                   "and their outlets, not the media systems at large.")


def plot_keyness(loo: pd.DataFrame | None, k: int, alpha0: float):
    """Each top term's log-odds difference with a ±1.96 standard-error bar, coloured by the group it is
    typical of; open markers are terms that drop out of the top ``k`` in some leave-one-out rerun."""
    import matplotlib.pyplot as plt
    import numpy as np

    from helpers.report.style import MEDIA_SYSTEM_COLORS, legend_below, system_colour

    if loo is None:
        return NOT_COMPARED
    fig, ax = plt.subplots(figsize=(8, 6))
    plot = loo.sort_values("delta")
    y = np.arange(len(plot))
    ax.errorbar(plot["delta"], y, xerr=1.96 * plot["se"], fmt="none", ecolor="#999999", lw=1)
    ax.scatter(plot["delta"], y, c=[system_colour(g) for g in plot["group"]], s=40, zorder=3)
    ax.scatter(plot.loc[~plot["stable"], "delta"], y[~plot["stable"].to_numpy()], c="white", s=14, zorder=4)
    ax.set_yticks(y, plot["term"])
    ax.axvline(0, color="black", lw=0.8)
    ax.set_xlabel(f"log-odds difference, state minus independent (prior alpha0 = {alpha0:g})")
    ax.set_ylabel("term")
    ax.set_title(f"{int(loo['stable'].sum())} of {len(loo)} top terms stay in the top {k} when any one article is "
                 "left out")
    for g, c in MEDIA_SYSTEM_COLORS.items():
        ax.scatter([], [], c=c, label=f"typical of {g}")
    ax.scatter([], [], facecolor="white", edgecolor="#555555", label=f"open: leaves the top {k} in some rerun")
    legend_below(ax, ncol=3)
    return fig, ax
