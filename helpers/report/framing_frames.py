"""Frames in notebook 04: precision, densities per article or outlet, the group test and quotations.

Every indicator match counts. A judged match counts as judged (right 1, wrong 0); an unjudged one with
its frame's precision on the judged sample (:func:`helpers.analysis.frames.match_weights`), so the
*estimated* density of an article nobody judged is its raw density times the precision, never zero by
omission; the share of matches judged is shown beside every density.

- :func:`precision_table`, :func:`precision_note`, :func:`wrong_matches`: how often the indicators are right
  in the judged sample, and how much of this corpus the sample covers;
- :func:`judged_table`, :func:`judged_note`: raw and estimated density per row, with the judged share;
- :func:`frame_tables`, :func:`density_table`, :func:`plot_frame_heatmap`: estimated density per article,
  per row (article or outlet) and per group;
- :func:`frame_permutations`, :func:`permutation_note`: the group test, worded from what its group sizes allow;
- :func:`quoted_matches`, :func:`quote_drop`, :func:`quote_note`: how much of a frame sits in quotations.
"""
from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from helpers.analysis.frames import group_density
from helpers.analysis.permutation import holm, permutation_test
from helpers.report.framing_units import NOT_COMPARED, by_article
from helpers.report.text import fmt_int, fmt_pct, md_quote, plural

ALPHA = 0.05
"""The conventional significance level the notes compare p-values with."""


def fmt_p(p: float) -> str:
    """A p-value with two significant digits, never in scientific notation: 1/66961 -> '0.000015'.

    >>> fmt_p(0.1), fmt_p(1 / 190), fmt_p(1 / 66961)
    ('0.10', '0.0053', '0.000015')
    """
    if p >= 0.01:
        return f"{p:.2f}"
    return np.format_float_positional(p, precision=2, fractional=False, trim="-")


def count_words(n: int) -> str:
    """A count with thousands separators, or its order of magnitude when it is astronomically large.

    >>> count_words(293930), count_words(10 ** 40 + 7)
    ('293,930', 'about 10^40')
    """
    n = int(n)
    return f"{n:,}" if n < 10 ** 12 else f"about 10^{len(str(n)) - 1}"


# --------------------------------------------------------------------------- precision
def precision_table(precision: pd.DataFrame, frames: Iterable[str]) -> pd.DataFrame:
    """Per frame, in codebook order: this corpus's matches (judged, unjudged) and the judged sample's size,
    correct count, precision and 95% interval."""
    t = precision.set_index("frame").reindex(list(frames))
    t["95% interval"] = [f"{lo:.2f}–{hi:.2f}" if pd.notna(lo) else "" for lo, hi in zip(t["low"], t["high"])]
    return t[["matches", "judged", "unjudged", "sample", "correct", "precision", "95% interval"]]


def precision_note(precision: pd.DataFrame, judged: pd.DataFrame) -> str:
    """The judged sample's precision, and how many of this corpus's matches it covers, in words."""
    sample, correct = int(precision["sample"].sum()), int(precision["correct"].sum())
    rated = precision[precision["sample"] > 0]
    low = rated.loc[rated["precision"].idxmin()] if not rated.empty else None
    n, j = len(judged), int(judged["correct"].notna().sum())
    outside = sample - j
    text = (f"The judged sample holds {fmt_int(sample)} {'match' if sample == 1 else 'matches'} read in context, "
            f"{sample - correct} of them wrong: a precision of **{fmt_pct(correct / sample, 1) if sample else '–'}**"
            + (f" (lowest frame: {low['frame']}, {fmt_pct(low['precision'])} of {int(low['sample'])})"
               if low is not None else "")
            + (f"; {plural(outside, 'judged match', 'judged matches')} of the sample lie in articles outside this "
               "corpus" if outside else "")
            + (f". Of this corpus's {fmt_int(n)} indicator {'match' if n == 1 else 'matches'}, {fmt_int(j)} are "
               f"judged and **{fmt_int(n - j)} are not** ({fmt_pct((n - j) / n)})." if n else
               ". This corpus has no indicator match of any frame."))
    if n - j:
        text += (" An unjudged match counts below with its frame's precision: as neither right nor wrong, and never "
                 "as absent; the estimate assumes the indicators are as precise in unjudged text as in the sample.")
    return text + (" The wrong ones, with the reason:" if (judged["correct"] == "no").any() else "")


def wrong_matches(judged: pd.DataFrame, labels: pd.Series) -> pd.DataFrame:
    """The matches of this corpus judged wrong in context, with the reason; the article by its label."""
    wrong = judged[judged["correct"] == "no"]
    return wrong.assign(article=wrong["doc_id"].map(labels))[["article", "sent_id", "term", "frame", "note"]] \
        .reset_index(drop=True)


# --------------------------------------------------------------------------- densities
def _per_unit(values: pd.DataFrame, units: pd.Series, how: str = "mean") -> pd.DataFrame:
    """Rows of ``values`` (index doc_id) under their unit, in first-seen order."""
    grouped = values.groupby(units.reindex(values.index), sort=False)
    return grouped.mean() if how == "mean" else grouped.sum()


def judged_table(density: pd.DataFrame, units: pd.Series) -> pd.DataFrame:
    """Per row (article or outlet): ``matches``, the share ``judged``, and the raw and estimated density
    over all frames (per 1,000 body words; for an outlet, its articles' pooled counts over their words)."""
    per_doc = density.groupby("doc_id").agg(matches=("n", "sum"), judged=("judged", "sum"), est=("est", "sum"),
                                            n_words=("n_words", "first"))
    t = _per_unit(per_doc, units, "sum")
    out = pd.DataFrame({"matches": t["matches"].astype(int),
                        "judged": [fmt_pct(j / m) if m else "–" for j, m in zip(t["judged"], t["matches"])],
                        "raw per 1,000": 1000 * t["matches"] / t["n_words"],
                        "estimated per 1,000": 1000 * t["est"] / t["n_words"]}, index=t.index)
    if not by_article(units):
        out.insert(0, "articles", units.value_counts().reindex(out.index))
    out.index.name = "article" if by_article(units) else "outlet"
    return out


def judged_note(density: pd.DataFrame) -> str:
    """How many articles are fully, partly and not judged, in words."""
    if density.empty:
        return "No article has English body text, so there is no density to judge."
    per_doc = density.groupby("doc_id")[["n", "judged"]].sum()
    full = int(((per_doc["judged"] == per_doc["n"]) & (per_doc["n"] > 0)).sum())
    none = int(((per_doc["judged"] == 0) & (per_doc["n"] > 0)).sum())
    empty = int((per_doc["n"] == 0).sum())
    part = len(per_doc) - full - none - empty
    return (f"Judged in full: {plural(full, 'article')}; in part: {part}; not at all: {none}"
            + (f"; {plural(empty, 'article')} with no indicator match" if empty else "")
            + ". Where every match is judged, the estimate is the count of correct matches; where none is, it is "
            "the raw count times each frame's precision. From here on densities are estimated ones.")


def frame_tables(density: pd.DataFrame, groups: pd.Series, frames: Iterable[str],
                 value: str = "est_per_1000") -> tuple[pd.DataFrame, pd.DataFrame]:
    """(per article, per group): ``value`` density per 1,000 words (the estimated one by default), rows doc_id
    (in ``groups`` order) and 'mean of GROUP' (the mean of its articles), columns the frames in codebook order."""
    frames = list(frames)
    per_article = density.pivot(index="doc_id", columns="frame", values=value).reindex(index=groups.index,
                                                                                        columns=frames)
    gd = group_density(density, groups, value).pivot(index="group", columns="frame",
                                                     values="mean_per_1000").reindex(columns=frames)
    gd.index = pd.Index(["mean of " + str(g) for g in gd.index], name=gd.index.name)
    return per_article, gd


def density_table(per_article: pd.DataFrame, density: pd.DataFrame, units: pd.Series) -> pd.DataFrame:
    """Estimated density per row (an article, or the mean of an outlet's articles), with its judged share
    (and, for outlets, its number of articles) in the row label."""
    table = _per_unit(per_article, units)
    per_doc = density.groupby("doc_id")[["n", "judged"]].sum()
    share = _per_unit(per_doc, units, "sum")
    count = units.value_counts()
    judged = [fmt_pct(j / n) if n else "–" for j, n in zip(share["judged"], share["n"])]
    table.index = [f"{u} · {plural(count[u], 'article')} · {s} judged" if not by_article(units) else f"{u} · {s} judged"
                   for u, s in zip(table.index, judged)]
    return table


def plot_frame_heatmap(table: pd.DataFrame, group_means: pd.DataFrame, row_groups: Iterable[str]):
    """Estimated frame density as a grey heatmap: one row per article or outlet (``table``, tick labels coloured
    by media system, ``row_groups``) and the group means below a line, each cell's value written in it; the
    title names the densest row."""
    import matplotlib.pyplot as plt

    from helpers.report.style import system_colour

    if table.empty:
        return "No article has English body text, so there is no frame density to draw."
    full = pd.concat([table, group_means])
    values = full.to_numpy(dtype=float)
    width = 6 + 0.09 * max(len(str(i)) for i in full.index)
    fig, ax = plt.subplots(figsize=(width, max(4.0, 1.6 + 0.32 * len(full))))
    im = ax.imshow(values, cmap="Greys", aspect="auto")
    ax.set_xticks(range(full.shape[1]), full.columns, rotation=30, ha="right")
    ax.set_yticks(range(full.shape[0]), full.index)
    # the group-mean rows ('mean of state') take their group's colour too, so they double as the legend
    means = [system_colour(str(i).removeprefix("mean of ")) for i in group_means.index]
    colours = [system_colour(g) for g in row_groups] + means
    for tick, colour in zip(ax.get_yticklabels(), colours):
        tick.set_color(colour)
    top = np.nanmax(values) if np.isfinite(values).any() else 0
    for (i, j), v in np.ndenumerate(values):
        ax.text(j, i, "–" if np.isnan(v) else f"{v:.0f}", ha="center", va="center", fontsize=8,
                color="white" if v > top / 2 else "black")
    ax.axhline(len(table) - 0.5, color="black", lw=2)
    ax.grid(False)
    ax.set_xlabel("frame")
    ax.set_ylabel("row and group means (label colour: media system, as in the means)")
    stacked = table.stack().dropna()
    if stacked.empty or not stacked.max() > 0:
        ax.set_title("No indicator of any frame matches in any row", loc="left", fontsize=10)
    else:
        peak = stacked.idxmax()
        ax.set_title(f"Densest frame in any row: {peak[1]} ({stacked.max():.0f} per 1,000 words)\nin {peak[0]}",
                     loc="left", fontsize=10)
    fig.colorbar(im, ax=ax, label="estimated correct matches per 1,000 body words")
    return fig, ax


# --------------------------------------------------------------------------- the group test
def frame_permutations(per_article: pd.DataFrame, groups: pd.Series, group_i: str = "state",
                       group_j: str = "independent") -> tuple[pd.DataFrame | None, dict | None]:
    """Permutation test of the group difference in each frame's density: (one row per frame with ``diff``,
    ``p`` and Holm's ``p (Holm)`` over the frames; the test's plan: method, relabellings, min_p, group sizes);
    ``(None, None)`` when a group has no article (there is nothing to test)."""
    if not ((groups == group_i).any() and (groups == group_j).any()):
        return None, None
    tests = {f: permutation_test(per_article[f].set_axis(groups.index), groups, group_i, group_j)
             for f in per_article.columns}
    table = pd.DataFrame({"diff": {f: t["diff"] for f, t in tests.items()}, "p": {f: t["p"] for f, t in tests.items()}})
    table["p (Holm)"] = holm(table["p"])
    first = next(iter(tests.values()))
    plan = {k: first[k] for k in ("method", "relabellings", "resamples", "min_p", "n_i", "n_j")}
    return table, plan


def largest_gap(group_means: pd.DataFrame, group_i: str = "state", group_j: str = "independent") -> str:
    """The frame whose group means differ most (first in column order on a tie)."""
    diff = group_means.loc[f"mean of {group_i}"] - group_means.loc[f"mean of {group_j}"]
    return diff.abs().idxmax()


def scope_note(plan: dict, alpha: float = ALPHA) -> str:
    """How the test was run and what its group sizes allow, in words."""
    if plan["method"] == "exact":
        how = (f"An exact permutation test enumerates every relabelling of the articles with the same group sizes "
               f"({plan['n_i']} and {plan['n_j']}): there are {count_words(plan['relabellings'])}")
    else:
        how = (f"A Monte Carlo permutation test compares the observed gap with {plan['resamples']:,} random "
               f"relabellings of the articles with the same group sizes ({plan['n_i']} and {plan['n_j']}), drawn "
               f"with a fixed seed so a rerun gives the same p; enumerating all {count_words(plan['relabellings'])} "
               "would take too long")
    if plan["min_p"] > alpha:
        return (how + f", so the smallest p-value any data could give is **{fmt_p(plan['min_p'])}**, above {alpha}: "
                "with these groups no difference can be significant at that level, whatever the data.")
    return how + f"; the smallest p-value they allow is {fmt_p(plan['min_p'])}, so the test can detect a difference."


def assumption_note(outlets: pd.DataFrame) -> str:
    """The test's assumption and the outlets behind each group, in words."""
    parts = [f"the {g} group's {plural(r.articles, 'article')} come from {plural(r.outlets, 'outlet')}"
             for g, r in outlets.iterrows()]
    single = [g for g, r in outlets.iterrows() if r.outlets == 1]
    return ("The test assumes the articles are exchangeable between the groups, each an independent unit; "
            + "; ".join(parts) + ". Articles of one outlet share its desk and its style, so a small p says these "
            "articles differ, not that the media systems do"
            + (f"; in the {' and '.join(single)} group, outlet and media system cannot be told apart" if single else "")
            + ".")


def permutation_note(group_means: pd.DataFrame, perm: pd.DataFrame | None, plan: dict | None, outlets: pd.DataFrame,
                     alpha: float = ALPHA) -> str:
    """The largest gap between group means, how the test was run, what it finds, and its assumption."""
    if perm is None:
        return NOT_COMPARED
    top = largest_gap(group_means)
    text = (f"The largest gap between group means is in **{top}** ({group_means.loc['mean of state', top]:.1f} vs "
            f"{group_means.loc['mean of independent', top]:.1f} per 1,000 words); the rows above show "
            "how far single articles or outlets carry a group mean. " + scope_note(plan, alpha))
    if plan["min_p"] <= alpha:
        low = perm[perm["p"] < alpha]
        holm_low = perm[perm["p (Holm)"] < alpha]
        text += (f" Frames with p < {alpha}: "
                 + (", ".join(f"**{f}** (p = {fmt_p(p)})" for f, p in low["p"].items()) or "none")
                 + f"; after Holm's correction for the {plural(len(perm), 'frame')} tested: "
                 + (", ".join(holm_low.index) or "none") + ". " + assumption_note(outlets))
    return text


# --------------------------------------------------------------------------- quotations
def quoted_matches(judged: pd.DataFrame, units: pd.Series) -> pd.DataFrame:
    """Per row and frame with at least one match (not judged wrong) inside a spoken quotation: ``matches`` and
    ``in quotes``."""
    kept = judged[judged["correct"] != "no"]
    quoted = (kept.assign(row=kept["doc_id"].map(units)).groupby(["row", "frame"], sort=False)["in_quote"]
              .agg(["size", "sum"]).rename(columns={"size": "matches", "sum": "in quotes"}))
    quoted = quoted[quoted["in quotes"] > 0].reset_index()
    quoted["in quotes"] = quoted["in quotes"].astype(int)
    return quoted.rename(columns={"row": "article" if by_article(units) else "outlet"})


def quote_drop(density: pd.DataFrame, own: pd.DataFrame, frame: str, value: str = "est_per_1000") -> dict:
    """The article whose ``frame`` density falls most when quoted words are set aside.

    ``density`` and ``own`` are :func:`~helpers.analysis.frames.frame_density` tables with and without
    quotations. Returns ``doc_id`` (None when no match of ``frame`` is quoted anywhere), ``all`` and ``own``
    (per 1,000 words) and ``quoted_share`` (1 - own/all).
    """
    all_f = density[density["frame"] == frame].set_index("doc_id")[value]
    own_f = own[own["frame"] == frame].set_index("doc_id")[value]
    gap = all_f - own_f
    if gap.empty or not gap.max() > 0:
        return {"doc_id": None, "frame": frame, "all": 0.0, "own": 0.0, "quoted_share": 0.0}
    d = gap.idxmax()
    return {"doc_id": d, "frame": frame, "all": all_f[d], "own": own_f[d], "quoted_share": 1 - own_f[d] / all_f[d]}


def quote_note(drop: dict, labels: pd.Series) -> str:
    """:func:`quote_drop` in words."""
    if drop["doc_id"] is None:
        return f"No {drop['frame']}-frame match sits inside a spoken quotation in any article."
    return (
        f"The largest drop is in the article {md_quote(labels[drop['doc_id']])}: {drop['frame']}-frame density falls "
        f"from {drop['all']:.1f} to {drop['own']:.1f} per 1,000 words when quoted words are set aside, so "
        f"{fmt_pct(drop['quoted_share'])} of its {drop['frame']}-frame vocabulary is in the words of those it quotes.")

