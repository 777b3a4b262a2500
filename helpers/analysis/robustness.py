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
    the top ``k`` of its group.
    """
    def findings(groups: pd.Series) -> dict:
        out = {}
        dens = per_article.loc[groups.index].groupby(groups).mean()
        for f in per_article.columns:
            out[f"{f}: {i} > {j}"] = bool(dens.at[i, f] > dens.at[j, f])
        off = official[groups.index].groupby(groups).mean()
        out[f"official name: {i} > {j}"] = bool(off[i] > off[j])
        ds = direct[groups.index].groupby(groups).mean()
        out[f"direct quotes: {j} > {i}"] = bool(ds[j] > ds[i])
        top = top_terms(keyness(content[content["doc_id"].isin(groups.index)], groups, i, j), k)
        kept = set(zip(top["term"], top["group"]))
        for t, side in zip(baseline_top["term"], baseline_top["group"]):
            out[f"key term '{t}' ({side})"] = (t, side) in kept
        return out

    return findings


def robust_and_fragile(sens: pd.DataFrame, baseline: str = "registry") -> tuple[pd.Series, list[str], list[str]]:
    """From a findings-by-coding table (rows codings, boolean columns findings): the share of codings in
    which each finding holds, the findings that hold in every coding, and those that hold under the
    ``baseline`` coding but not in every one."""
    holds = sens.astype(float).mean()
    robust = holds[holds == 1].index.tolist()
    fragile = holds[(holds < 1) & sens.loc[baseline].astype(bool)].index.tolist()
    return holds, robust, fragile
