"""Robustness of the framing findings to how the ambiguous outlets are coded.

A *finding* is a yes/no statement about the two media systems ("revolution:
state > independent", "key term 'visited' (state)"). :func:`framing_findings`
makes the function that evaluates every finding under one coding (a Series
doc_id -> media system, left-out articles dropped);
:func:`helpers.analysis.keyness.across_codings` runs it under every coding the
registry allows, and :func:`robust_and_fragile` sorts the findings by whether
they hold in all of them.
"""
from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from helpers.analysis.keyness import keyness, top_terms


def direct_share(attr: pd.DataFrame, doc_ids: pd.Index) -> pd.Series:
    """Per article: the share of its attributed sentences that quote directly; NaN (no share, not 0) when it
    attributes nothing, so a group mean is over the articles that quote or report anyone at all."""
    return (attr.assign(d=attr["speech"] == "direct").groupby("doc_id")["d"].mean().astype(float)
            .reindex(doc_ids))


def framing_findings(per_article: pd.DataFrame, official: pd.Series, direct: pd.Series, content: pd.DataFrame,
                     baseline_top: pd.DataFrame, i: str = "state", j: str = "independent",
                     k: int = 10) -> Callable[[pd.Series], dict]:
    """The findings of notebook 04 as a function of a coding.

    ``per_article``: frame density, rows doc_id, one column per frame; ``official``
    and ``direct``: per doc_id, the share of official country names and of direct
    quotes (NaN where an article has none to share out: group means skip it); ``content``: term counts (``doc_id, term, n``); ``baseline_top``: the
    top terms (``term, group``) under the registry coding. The returned function
    maps a coding to {finding: holds}: for each frame, whether group ``i``'s
    mean density exceeds ``j``'s; whether ``i`` uses more official names; whether
    ``j`` quotes more directly; and whether each baseline top term stays among
    the top ``k`` of its group. A finding that a coding leaves no way to compute (a group
    with no article, or none that names the country or quotes anyone) is ``None`` under
    that coding, neither holding nor failing.
    """
    def greater(means: pd.Series, a: str, b: str) -> bool | None:
        if a not in means or b not in means or pd.isna(means[a]) or pd.isna(means[b]):
            return None
        return bool(means[a] > means[b])

    def findings(groups: pd.Series) -> dict:
        out = {}
        dens = per_article.loc[groups.index].groupby(groups).mean()
        for f in per_article.columns:
            out[f"{f}: {i} > {j}"] = greater(dens[f], i, j)
        out[f"official name: {i} > {j}"] = greater(official[groups.index].groupby(groups).mean(), i, j)
        out[f"direct quotes: {j} > {i}"] = greater(direct[groups.index].groupby(groups).mean(), j, i)
        sub = content[content["doc_id"].isin(groups.index)]
        labels = groups.reindex(sub["doc_id"].unique())
        comparable = (labels == i).any() and (labels == j).any()
        kept = set(zip(*[top_terms(keyness(sub, groups, i, j), k)[c] for c in ("term", "group")])) if comparable else None
        for t, side in zip(baseline_top["term"], baseline_top["group"]):
            out[f"key term '{t}' ({side})"] = None if kept is None else (t, side) in kept
        return out

    return findings


def robust_and_fragile(sens: pd.DataFrame, baseline: str = "registry") -> tuple[pd.Series, list[str], list[str]]:
    """From a findings-by-coding table (rows codings, boolean columns findings, ``None`` where a coding leaves
    a finding no way to compute): the share of codings in which each finding holds (a finding that cannot be
    computed under a coding does not hold there), the findings that hold in every coding, and those that hold
    under the ``baseline`` coding but not in every one.

    >>> sens = pd.DataFrame({"a": [True, True], "b": [True, None]}, index=["registry", "moved"])
    >>> robust_and_fragile(sens)[1:]
    (['a'], ['b'])
    """
    holds = sens.astype(float).fillna(0.0).mean()
    robust = holds[holds == 1].index.tolist()
    fragile = holds[(holds < 1) & (sens.loc[baseline] == True)].index.tolist()  # noqa: E712 (None is not True)
    return holds, robust, fragile
