"""Permutation tests: exact when the relabellings can be enumerated, Monte Carlo with a fixed seed beyond; Holm."""
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.analysis.permutation import holm, permutation_test, relabellings


def _groups(n_i, n_j):
    return {f"d{i}": ("x" if i < n_i else "y") for i in range(n_i + n_j)}


def test_exact_test_matches_a_hand_count():
    values = {"a": 10.0, "b": 9.0, "c": 8.0, "d": 1.0, "e": 2.0}
    r = permutation_test(values, {"a": "x", "b": "x", "c": "x", "d": "y", "e": "y"}, "x", "y")
    assert r["method"] == "exact" and r["relabellings"] == 10 and r["resamples"] == 10
    assert r["p"] == pytest.approx(0.1) and r["min_p"] == pytest.approx(0.1) and (r["n_i"], r["n_j"]) == (3, 2)


def test_monte_carlo_beyond_the_exact_limit_is_seeded_and_never_zero():
    rng = np.random.default_rng(1)
    values = dict(zip(_groups(30, 30), np.r_[rng.normal(5, 1, 30), rng.normal(0, 1, 30)]))
    r = permutation_test(values, _groups(30, 30), "x", "y", resamples=999)
    assert r["method"] == "Monte Carlo" and r["relabellings"] == math.comb(60, 30) and r["resamples"] == 999
    assert r["p"] == pytest.approx(1 / 1000) and r["min_p"] == pytest.approx(1 / 1000)  # (0 + 1) / (999 + 1)
    again = permutation_test(values, _groups(30, 30), "x", "y", resamples=999)
    assert again == r
    flat = permutation_test({k: 1.0 for k in values}, _groups(30, 30), "x", "y", resamples=99)
    assert flat["p"] == 1.0


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 6), st.integers(1, 6), st.data())
def test_p_is_never_below_what_the_group_sizes_allow(n_i, n_j, data):
    values = data.draw(st.lists(st.floats(-100, 100, allow_nan=False), min_size=n_i + n_j, max_size=n_i + n_j))
    groups = _groups(n_i, n_j)
    r = permutation_test(dict(zip(groups, values)), groups, "x", "y")
    plan = relabellings(n_i + n_j, n_i)
    assert r["relabellings"] == math.comb(n_i + n_j, n_i) == plan["relabellings"]
    assert plan["min_p"] - 1e-12 <= r["p"] <= 1


def test_articles_outside_both_groups_are_left_out_and_empty_groups_refused():
    r = permutation_test({"a": 1, "b": 2, "c": 50}, {"a": "x", "b": "y", "c": "z"}, "x", "y")
    assert r["relabellings"] == 2 and r["diff"] == -1
    with pytest.raises(ValueError, match="both groups"):
        permutation_test({"a": 1, "b": 2}, {"a": "x", "b": "x"}, "x", "y")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(0, 1), min_size=1, max_size=12))
def test_holm_never_lowers_a_p_value_and_keeps_the_order(ps):
    p = pd.Series(ps, index=[f"f{i}" for i in range(len(ps))])
    adjusted = holm(p)
    assert (adjusted >= p - 1e-12).all() and (adjusted <= 1).all()
    order = p.sort_values(kind="stable").index
    assert adjusted[order].is_monotonic_increasing
