"""Permutation tests of a difference between two groups of articles, and what their group sizes allow.

A permutation test asks how often relabelling the articles at random, with the same group sizes, gives a
difference of means at least as large as the observed one. Its one assumption is exchangeability: under
the null hypothesis the labels could be swapped between articles, which treats each article as an
independent unit (articles of one outlet, written by the same desk, are not fully so).

- :func:`permutation_test`: exact (every relabelling enumerated) when there are at most ``max_exact``
  relabellings, otherwise Monte Carlo (``resamples`` random relabellings drawn with a fixed ``seed``,
  p = (1 + hits) / (1 + resamples), Phipson and Smyth 2010, so it is never 0); it says which.
- :func:`relabellings`: how many relabellings the group sizes allow, and the smallest p any data could give.
- :func:`holm`: Holm's step-down adjustment for testing several frames at once.
"""
from __future__ import annotations

import itertools
import math
from collections.abc import Mapping

import numpy as np
import pandas as pd

MAX_EXACT = 200_000
"""Largest number of relabellings enumerated exactly; beyond it the test draws random relabellings."""
RESAMPLES = 9_999
"""Random relabellings of the Monte Carlo test (smallest attainable p = 1 / 10,000)."""
SEED = 20_240_601
"""Fixed seed of the Monte Carlo test, so a rerun gives the same p-values."""


def relabellings(n: int, k: int, max_exact: int = MAX_EXACT, resamples: int = RESAMPLES) -> dict:
    """What a permutation test can do with ``n`` articles, ``k`` of them in one group.

    Returns ``relabellings`` (C(n, k)), ``method`` (``exact`` or ``Monte Carlo``), ``resamples``
    (relabellings actually compared: all of them, or the random draws) and ``min_p``, the smallest
    two-sided p-value any data could give: 2 / C(n, k) for two equal halves (a split and its mirror are
    equally extreme), 1 / C(n, k) otherwise, and 1 / (resamples + 1) for the Monte Carlo test.

    >>> relabellings(5, 2)["relabellings"], relabellings(5, 2)["min_p"]
    (10, 0.1)
    >>> r = relabellings(400, 200)
    >>> r["method"], r["min_p"]
    ('Monte Carlo', 0.0001)
    """
    if not 0 < k < n:
        raise ValueError("both groups need at least one article")
    total = math.comb(n, k)
    if total <= max_exact:
        return {"relabellings": total, "method": "exact", "resamples": total,
                "min_p": (2 if 2 * k == n else 1) / total}
    return {"relabellings": total, "method": "Monte Carlo", "resamples": resamples, "min_p": 1 / (resamples + 1)}


def _exact_sums(v: np.ndarray, m: int, chunk: int = 20_000):
    """Sums of ``v`` over every ``m``-subset of its positions, in chunks."""
    combos = itertools.combinations(range(len(v)), m)
    while True:
        block = np.fromiter(itertools.chain.from_iterable(itertools.islice(combos, chunk)), dtype=np.int64)
        if block.size == 0:
            return
        yield v[block.reshape(-1, m)].sum(axis=1)


def _random_sums(v: np.ndarray, m: int, resamples: int, seed: int, chunk: int = 1_000):
    """Sums of ``v`` over ``resamples`` random ``m``-subsets, drawn with ``seed``."""
    rng = np.random.default_rng(seed)
    done = 0
    while done < resamples:
        size = min(chunk, resamples - done)
        order = np.argsort(rng.random((size, len(v))), axis=1)[:, :m]
        yield v[order].sum(axis=1)
        done += size


def permutation_test(values: Mapping[str, float] | pd.Series, groups: Mapping[str, str] | pd.Series,
                     group_i: str, group_j: str, max_exact: int = MAX_EXACT, resamples: int = RESAMPLES,
                     seed: int = SEED) -> dict:
    """Two-sided permutation test of mean(group_i) - mean(group_j).

    Articles whose group is neither (or missing) are left out. Returns ``diff`` (observed), ``p`` (share of
    relabellings with |diff| at least the observed; Monte Carlo: (1 + hits) / (1 + resamples)), and the
    keys of :func:`relabellings` (``method``, ``relabellings``, ``resamples``, ``min_p``) plus ``n_i``, ``n_j``.

    >>> r = permutation_test({"a": 1, "b": 2, "c": 3, "d": 10, "e": 12}, {"a": "x", "b": "x", "c": "x",
    ...                      "d": "y", "e": "y"}, "x", "y")
    >>> r["method"], r["relabellings"], r["p"]
    ('exact', 10, 0.1)
    """
    v = pd.Series(values, dtype=float)
    g = pd.Series(groups, dtype=object).reindex(v.index)
    keep = g.isin([group_i, group_j])
    v, g = v[keep], g[keep]
    n, k = len(v), int((g == group_i).sum())
    plan = relabellings(n, k, max_exact, resamples)
    x = v.to_numpy()
    m = min(k, n - k)  # enumerate the smaller group; |diff| is the same whichever side it is
    total = x.sum()
    observed = x[(g == group_i).to_numpy()].mean() - x[(g == group_j).to_numpy()].mean()
    sums = (_exact_sums(x, m) if plan["method"] == "exact" else _random_sums(x, m, resamples, seed))
    hits, tol = 0, 1e-9 * max(1.0, abs(observed))
    for s in sums:
        diff = s / m - (total - s) / (n - m)
        hits += int(np.count_nonzero(np.abs(diff) >= abs(observed) - tol))
    p = hits / plan["resamples"] if plan["method"] == "exact" else (hits + 1) / (plan["resamples"] + 1)
    return {"diff": float(observed), "p": float(min(p, 1.0)), **plan, "n_i": k, "n_j": n - k}


def holm(p: pd.Series) -> pd.Series:
    """Holm's step-down adjusted p-values (family-wise error over all of ``p``), in ``p``'s order.

    >>> holm(pd.Series([0.01, 0.04, 0.03], index=["a", "b", "c"])).round(2).tolist()
    [0.03, 0.06, 0.06]
    """
    order = p.sort_values(kind="stable")
    m = len(order)
    adjusted = np.maximum.accumulate([(m - i) * v for i, v in enumerate(order.to_numpy())])
    return pd.Series(np.minimum(adjusted, 1.0), index=order.index).reindex(p.index)
