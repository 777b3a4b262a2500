"""Robustness of the framing findings: to how the ambiguous outlets are coded, and to any one article.

A *finding* is a yes/no statement about the two media systems ("revolution: state > independent", "key term
'visited' (state)"). :func:`framing_findings` makes the function that evaluates every finding under one coding
(a Series doc_id -> media system; articles left out are simply absent), and keeps each finding's per-article
measure so a report can say which article a result rests on.
:func:`helpers.analysis.keyness.across_codings` runs it under every coding the registry allows,
:func:`leave_one_out` once without each article of the baseline coding (one run per article: linear in the
corpus, not combinatorial), and :func:`robustness_table` calls a finding *robust* only when it holds in every
one of those runs.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

import pandas as pd

from helpers.analysis.keyness import GroupTermSums


def direct_share(attr: pd.DataFrame, doc_ids: pd.Index) -> pd.Series:
    """Per article: the share of its attributed sentences that quote directly; NaN (no share, not 0) when it
    attributes nothing, so a group mean is over the articles that quote or report anyone at all."""
    return (attr.assign(d=attr["speech"] == "direct").groupby("doc_id")["d"].mean().astype(float)
            .reindex(doc_ids))


class Findings:
    """The findings of notebook 04 as a function of a coding (see :func:`framing_findings`).

    ``measures`` maps each finding to its per-article measure (a Series doc_id -> value: a frame density, a
    share, a key term's count), ``kinds`` to what the measure is (``density``, ``share``, ``count``) and
    ``sides`` to the two groups it compares (higher, lower), so a report can show an article's value beside the
    rest of its group.
    """

    def __init__(self, comparisons: list[tuple[str, pd.Series, str, str, str]], content: pd.DataFrame,
                 terms: list[tuple[str, str]], i: str, j: str, k: int):
        self.comparisons = [c[:4] for c in comparisons]
        self.content, self.terms, self.i, self.j, self.k = content, terms, i, j, k
        self.measures = {name: m for name, m, _, _, _ in comparisons}
        self.sides = {name: (a, b) for name, _, a, b, _ in comparisons}
        self.kinds = {name: kind for name, _, _, _, kind in comparisons}
        self._sums = GroupTermSums(content) if terms else None
        per_doc = content.groupby(["term", "doc_id"])["n"].sum()
        for t, side in terms:
            name = f"key term '{t}' ({side})"
            self.measures[name] = (per_doc.loc[t] if t in per_doc.index.get_level_values(0) else
                                   pd.Series(dtype=float)).astype(float)
            self.sides[name] = (side, j if side == i else i)
            self.kinds[name] = "count"

    def __call__(self, groups: pd.Series) -> dict:
        out = {}
        for name, measure, a, b in self.comparisons:
            means = measure.reindex(groups.index).groupby(groups).mean()
            out[name] = _greater(means, a, b)
        if self.terms:
            kept = self._sums.top_pairs(groups, self.i, self.j, self.k)
            for t, side in self.terms:
                out[f"key term '{t}' ({side})"] = None if kept is None else (t, side) in kept
        return out


def _greater(means: pd.Series, a: str, b: str) -> bool | None:
    if a not in means or b not in means or pd.isna(means[a]) or pd.isna(means[b]):
        return None
    return bool(means[a] > means[b])


def framing_findings(per_article: pd.DataFrame, official: pd.Series, direct: pd.Series, content: pd.DataFrame,
                     baseline_top: pd.DataFrame, i: str = "state", j: str = "independent",
                     k: int = 10, baseline: pd.Series | None = None) -> Findings:
    """The findings of notebook 04 as a function of a coding.

    ``per_article``: frame density, rows doc_id, one column per frame; ``official`` and ``direct``: per doc_id,
    the share of official country names and of direct quotes (NaN where an article has none to share out: group
    means skip it); ``content``: term counts (``doc_id, term, n``); ``baseline_top``: the top terms
    (``term, group``) under the registry coding. The returned function maps a coding to {finding: holds}: for
    each frame, whether one group's mean density exceeds the other's; whether one uses more official names;
    whether one quotes more directly; and whether each baseline top term stays among the top ``k`` of its
    group. Without ``baseline`` the directions are the hypotheses (``i`` more frames and official names, ``j``
    more direct quotes); with it (the registry coding), each comparison is stated in the direction the baseline
    shows, so a finding is what the notebook reports. A finding that a coding leaves no way to compute (a group
    with no article, or none that names the country or quotes anyone) is ``None`` under that coding, neither
    holding nor failing.
    """
    hypotheses = [(f, per_article[f], i, j, "density") for f in per_article.columns]
    hypotheses += [("official name", official, i, j, "share"), ("direct quotes", direct, j, i, "share")]
    comparisons = []
    for what, measure, a, b, kind in hypotheses:
        if baseline is not None and _greater(measure.reindex(baseline.index).groupby(baseline).mean(), b, a):
            a, b = b, a
        comparisons.append((f"{what}: {a} > {b}", measure.astype(float), a, b, kind))
    terms = list(zip(baseline_top["term"], baseline_top["group"]))
    return Findings(comparisons, content, terms, i, j, k)


def leave_one_out(groups: pd.Series, compute: Callable[[pd.Series], dict],
                  articles: Iterable[str] | None = None) -> pd.DataFrame:
    """Run ``compute`` once without each article (rows: the article left out, ``doc_id``; columns: findings).

    ``groups`` is the coding (doc_id -> group); ``articles`` the ones to leave out in turn (default: all of
    ``groups``). One run per article, so the cost grows linearly with the corpus. A run that empties a group
    gives the findings it cannot compute as ``None``: a finding that needs a group's only article rests on it.

    >>> g = pd.Series({"a": "x", "b": "x", "c": "y"})
    >>> leave_one_out(g, lambda s: {"n": len(s)})["n"].tolist()
    [2, 2, 2]
    """
    articles = list(groups.index if articles is None else articles)
    rows = {d: dict(compute(groups.drop(d))) for d in articles}
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "doc_id"
    return table


def _held(v) -> bool:
    """Whether a finding's value in one run is 'holds' (``None``/NaN, not computable, is not)."""
    return not pd.isna(v) and bool(v)


def robustness_table(sens: pd.DataFrame, loo: pd.DataFrame | None, baseline: str = "registry") -> pd.DataFrame:
    """One row per finding: does it hold under the ``baseline`` coding, under how many of the codings
    (``codings_held`` of ``codings``), in how many leave-one-out runs (``kept`` of ``runs``), the articles whose
    removal breaks it (``dropped_by``, ``|``-joined: it then fails, or can no longer be computed because a group
    is emptied), the codings that break it (``moved_by``), and ``robust``: it holds in every coding *and* every
    leave-one-out run (and at least one such run exists). A finding that is not computable in a run does not
    hold in it.

    >>> sens = pd.DataFrame({"f": [True, True], "g": [True, True]}, index=["registry", "moved"])
    >>> loo = pd.DataFrame({"f": [True, True], "g": [True, False]}, index=["a", "b"])
    >>> t = robustness_table(sens, loo)
    >>> t["robust"].tolist(), t.loc["g", "dropped_by"]
    ([True, False], 'b')
    """
    loo = pd.DataFrame(index=pd.Index([], name="doc_id"), columns=sens.columns) if loo is None else loo
    rows = []
    for f in sens.columns:
        by_coding = sens[f].map(_held)
        by_run = loo[f].map(_held) if f in loo else pd.Series(dtype=bool)
        rows.append({"finding": f, "registry": bool(_held(sens.at[baseline, f])),
                     "codings_held": int(by_coding.sum()), "codings": len(sens),
                     "kept": int(by_run.sum()), "runs": len(by_run),
                     "dropped_by": "|".join(str(d) for d in by_run.index[~by_run.to_numpy(dtype=bool)]),
                     "moved_by": "|".join(str(c) for c in by_coding.index[~by_coding.to_numpy(dtype=bool)])})
    table = pd.DataFrame(rows, columns=["finding", "registry", "codings_held", "codings", "kept", "runs",
                                        "dropped_by", "moved_by"]).set_index("finding")
    table["robust"] = ((table["codings_held"] == table["codings"]) & (table["kept"] == table["runs"])
                       & (table["runs"] > 0))
    return table


def robust_and_fragile(sens: pd.DataFrame, baseline: str = "registry",
                       loo: pd.DataFrame | None = None) -> tuple[pd.Series, list[str], list[str]]:
    """From a findings-by-coding table (rows codings, boolean columns findings, ``None`` where a coding leaves
    a finding no way to compute) and, optionally, the leave-one-out runs (:func:`leave_one_out`): the share of
    codings in which each finding holds (a finding that cannot be computed under a coding does not hold there),
    the findings that hold in every coding (and, given ``loo``, in every leave-one-out run), and those that hold
    under the ``baseline`` coding but not robustly.

    >>> sens = pd.DataFrame({"a": [True, True], "b": [True, None]}, index=["registry", "moved"])
    >>> robust_and_fragile(sens)[1:]
    (['a'], ['b'])
    """
    holds = sens.astype(float).fillna(0.0).mean()
    if loo is None:
        robust = holds[holds == 1].index.tolist()
    else:
        table = robustness_table(sens, loo, baseline)
        robust = table.index[table["robust"]].tolist()
    fragile = [f for f in sens.columns if sens.at[baseline, f] == True and f not in robust]  # noqa: E712
    return holds, robust, fragile
