"""Fightin' Words keyness, leave-one-out stability, codings and the exact permutation test."""
import math

import pandas as pd
import pytest

from helpers.analysis.keyness import codings, keyness, leave_one_out, log_odds_dirichlet, permutation_test, top_terms


def test_log_odds_matches_hand_computation():
    # Group i: a=2, b=1, c=0 (n_i = 3); group j: a=0, b=1, c=3 (n_j = 4).
    # Prior = pooled counts a=2, b=2, c=3 (n = 7) scaled to alpha0 = 7, so alpha = (2, 2, 3).
    # delta_a = log((2+2)/(3+7-2-2)) - log((0+2)/(4+7-0-2)) = log(4/6) - log(2/9) = log(3) = 1.098612
    # var_a   = 1/(2+2) + 1/(0+2) = 0.25 + 0.5 = 0.75;  z_a = 1.098612 / 0.866025 = 1.268568
    # delta_b = log(3/7) - log(3/8) = log(8/7) = 0.133531;  var_b = 1/3 + 1/3;  z_b = 0.133531/0.816497 = 0.163542
    # delta_c = log(3/7) - log(6/5) = log(15/42) = -1.029619; var_c = 1/3 + 1/6 = 0.5; z_c = -1.029619/0.707107 = -1.456102
    t = log_odds_dirichlet({"a": 2, "b": 1}, {"b": 1, "c": 3}, alpha0=7)
    assert t.loc["a", "delta"] == pytest.approx(math.log(3))
    assert t.loc["a", "var"] == pytest.approx(0.75)
    assert t.loc["a", "z"] == pytest.approx(1.268568, abs=1e-6)
    assert t.loc["b", "delta"] == pytest.approx(math.log(8 / 7))
    assert t.loc["b", "z"] == pytest.approx(0.163542, abs=1e-6)
    assert t.loc["c", "delta"] == pytest.approx(math.log(15 / 42))
    assert t.loc["c", "z"] == pytest.approx(-1.456102, abs=1e-6)
    assert list(t.index) == ["a", "b", "c"]  # sorted by z, descending


def test_stronger_prior_shrinks_differences():
    weak = log_odds_dirichlet({"a": 5, "b": 1}, {"a": 1, "b": 5}, alpha0=1)
    strong = log_odds_dirichlet({"a": 5, "b": 1}, {"a": 1, "b": 5}, alpha0=1000)
    assert abs(strong.loc["a", "delta"]) < abs(weak.loc["a", "delta"])


def test_log_odds_rejects_bad_input():
    with pytest.raises(ValueError, match="alpha0"):
        log_odds_dirichlet({"a": 1}, {"a": 1}, alpha0=0)
    with pytest.raises(ValueError, match="empty"):
        log_odds_dirichlet({"a": 0}, {"a": 1})
    with pytest.raises(ValueError, match="no mass"):
        log_odds_dirichlet({"a": 1}, {"b": 1}, prior={"a": 1})


def _toy():
    # three "wire" articles about a harbour, two "party" articles about a congress (not from the seeds)
    rows = [("w1", "harbour", 3), ("w1", "ship", 2), ("w1", "the", 5), ("w2", "harbour", 2), ("w2", "the", 4),
            ("w3", "ship", 1), ("w3", "harbour", 1), ("w3", "the", 6),
            ("p1", "congress", 4), ("p1", "the", 5), ("p1", "delegates", 1), ("p2", "congress", 2), ("p2", "the", 3),
            ("p2", "ship", 1)]
    counts = pd.DataFrame(rows, columns=["doc_id", "term", "n"])
    groups = {"w1": "wire", "w2": "wire", "w3": "wire", "p1": "party", "p2": "party"}
    return counts, groups


def test_keyness_ranks_each_side():
    counts, groups = _toy()
    t = keyness(counts, groups, "wire", "party", alpha0=10)
    top = top_terms(t, 1).set_index("group")["term"]
    assert top["wire"] == "harbour" and top["party"] == "congress"
    assert t.set_index("term").loc["the", "n_i"] == 15


def test_keyness_errors_name_the_problem():
    counts, groups = _toy()
    with pytest.raises(ValueError, match="without a group"):
        keyness(counts, {"w1": "wire"}, "wire", "party")
    with pytest.raises(ValueError, match="'nobody'"):
        keyness(counts, groups, "wire", "nobody")
    with pytest.raises(ValueError, match="columns"):
        keyness(counts.rename(columns={"n": "count"}), groups, "wire", "party")


def test_leave_one_out_flags_terms_carried_by_one_article():
    counts, groups = _toy()
    loo = leave_one_out(counts, groups, "wire", "party", k=2, alpha0=10).set_index("term")
    assert loo["runs"].iloc[0] == 5
    assert bool(loo.loc["harbour", "stable"]) and bool(loo.loc["congress", "stable"])
    # 'delegates' is in one party article only: leaving p1 out removes it
    assert "p1" in loo.loc["delegates", "dropped_by"].split("|")
    assert not loo.loc["delegates", "stable"]


def test_leave_one_out_skips_runs_that_empty_a_group():
    counts, groups = _toy()
    groups = dict(groups, p2="wire")  # party has a single article: leaving it out is impossible
    loo = leave_one_out(counts, groups, "wire", "party", k=2, alpha0=10)
    assert loo["runs"].iloc[0] == 4


def test_codings_cover_every_choice_for_ambiguous_outlets():
    docs = pd.DataFrame({"outlet": ["A", "B", "C"]}, index=pd.Index(["d1", "d2", "d3"], name="doc_id"))
    reg = pd.DataFrame({"outlet": ["A", "B", "C"], "media_system": ["state", "independent", "state"],
                        "ambiguous": [True, True, False], "alternative_media_system": ["independent", "state", ""]})
    c = codings(docs, reg)
    assert c["coding"].nunique() == 9
    base = c[c["coding"] == "registry"].set_index("doc_id")["media_system"]
    assert base.to_dict() == {"d1": "state", "d2": "independent", "d3": "state"}
    moved = c[c["coding"] == "A -> independent; B left out"].set_index("doc_id")["media_system"]
    assert moved["d1"] == "independent" and pd.isna(moved["d2"]) and moved["d3"] == "state"
    with pytest.raises(ValueError, match="missing in the registry"):
        codings(pd.DataFrame({"outlet": ["Z"]}, index=["d9"]), reg)


def test_permutation_test_enumerates_every_relabelling():
    values = {"a": 10.0, "b": 9.0, "c": 8.0, "d": 1.0, "e": 2.0}
    groups = {"a": "x", "b": "x", "c": "x", "d": "y", "e": "y"}
    r = permutation_test(values, groups, "x", "y")
    assert r["relabellings"] == 10  # C(5, 3)
    assert r["min_p"] == pytest.approx(1 / 10)
    assert r["diff"] == pytest.approx(9 - 1.5)
    assert r["p"] == pytest.approx(1 / 10)  # the observed split is the single most extreme one
    even = permutation_test({"a": 1, "b": 2, "c": 3, "d": 4}, {"a": "x", "b": "x", "c": "y", "d": "y"}, "x", "y")
    assert even["relabellings"] == 6 and even["min_p"] == pytest.approx(2 / 6) and even["p"] == pytest.approx(2 / 6)
    with pytest.raises(ValueError, match="both groups"):
        permutation_test({"a": 1, "b": 2}, {"a": "x", "b": "x"}, "x", "y")


def test_across_codings_runs_every_coding_registry_first():
    docs = pd.DataFrame({"outlet": ["A", "B", "C"]}, index=pd.Index(["d1", "d2", "d3"], name="doc_id"))
    reg = pd.DataFrame({"outlet": ["A", "B", "C"], "media_system": ["state", "independent", "independent"],
                        "ambiguous": [True, False, False], "alternative_media_system": ["independent", "", ""]})
    values = pd.Series({"d1": 5.0, "d2": 1.0, "d3": 2.0})

    def compute(groups):
        means = values[groups.index].groupby(groups).mean()
        return {"state higher": bool(means.get("state", float("nan")) > means.get("independent", float("nan")))}

    from helpers.analysis.keyness import across_codings
    t = across_codings(codings(docs, reg), compute)
    assert list(t.index) == ["registry", "A -> independent", "A left out"]
    assert t["state higher"].tolist() == [True, False, False]
