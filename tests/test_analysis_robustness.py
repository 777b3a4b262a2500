"""Robustness of the framing findings: synthetic codings with known answers, and the real sensitivity table."""
import pandas as pd

from helpers.analysis.keyness import across_codings, codings
from helpers.analysis.robustness import direct_share, framing_findings, robust_and_fragile


def _inputs():
    idx = pd.Index(["a", "b", "c", "d"], name="doc_id")
    per = pd.DataFrame({"x": [10.0, 8.0, 1.0, 2.0], "y": [0.0, 1.0, 5.0, 5.0]}, index=idx)
    official = pd.Series([1.0, 1.0, 0.0, 0.5], index=idx)
    direct = pd.Series([0.0, 0.0, 1.0, 0.5], index=idx)
    content = pd.DataFrame({"doc_id": ["a", "b", "c", "d", "a", "c"], "term": ["rev", "rev", "mkt", "mkt", "the", "the"],
                            "n": [5, 5, 5, 5, 3, 3]})
    return idx, per, official, direct, content


def test_findings_follow_the_group_means():
    idx, per, official, direct, content = _inputs()
    base = pd.DataFrame({"term": ["rev", "mkt"], "group": ["state", "independent"]})
    f = framing_findings(per, official, direct, content, base, k=2)
    out = f(pd.Series(["state", "state", "independent", "independent"], index=idx))
    assert out == {"x: state > independent": True, "y: state > independent": False,
                   "official name: state > independent": True, "direct quotes: independent > state": True,
                   "key term 'rev' (state)": True, "key term 'mkt' (independent)": True}
    flipped = f(pd.Series(["independent", "independent", "state", "state"], index=idx))
    assert flipped["x: state > independent"] is False and flipped["key term 'rev' (state)"] is False


def test_robust_and_fragile():
    sens = pd.DataFrame({"always": [True, True, True], "registry only": [True, False, True],
                         "never at baseline": [False, True, True]}, index=["registry", "b", "c"])
    holds, robust, fragile = robust_and_fragile(sens)
    assert robust == ["always"] and fragile == ["registry only"]
    assert holds["registry only"] == 2 / 3


def test_direct_share_leaves_articles_without_attributions_empty():
    attr = pd.DataFrame({"doc_id": ["a", "a"], "speech": ["direct", "reported"]})
    share = direct_share(attr, pd.Index(["a", "b"]))
    assert share["a"] == 0.5 and pd.isna(share["b"])  # no attribution: no share, not a share of 0


def test_registry_coding_is_first_and_every_finding_is_boolean(corpus):
    docs = corpus.documents
    per = pd.DataFrame({"x": range(len(docs))}, index=docs.index, dtype=float)
    zero = pd.Series(0.0, index=docs.index)
    content = pd.DataFrame({"doc_id": docs.index, "term": "w", "n": 1})
    f = framing_findings(per, zero, zero, content, pd.DataFrame({"term": [], "group": []}))
    sens = across_codings(codings(docs, corpus.outlets), f)
    assert sens.index[0] == "registry"
    assert sens.map(lambda v: isinstance(v, bool)).all().all()
    holds, robust, fragile = robust_and_fragile(sens)
    assert set(robust).isdisjoint(fragile) and holds.between(0, 1).all()


# --- robust = every coding and every leave-one-out run ----------------------------------------------------
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from helpers.analysis.keyness import GroupTermSums, keyness, top_terms  # noqa: E402
from helpers.analysis.robustness import leave_one_out, robustness_table  # noqa: E402
from helpers.report.framing_robustness import Sensitivity, rests_on, robustness_view  # noqa: E402


def _world(values, systems, ambiguous, terms):
    """Invented articles: one outlet each, a frame 'x' density, a share, and term counts."""
    idx = pd.Index([f"d{i}" for i in range(len(values))], name="doc_id")
    docs = pd.DataFrame({"outlet": [f"o{i}" for i in range(len(values))], "media_system": systems}, index=idx)
    outlets = pd.DataFrame({"outlet": docs["outlet"], "media_system": systems,
                            "ambiguous": ["true" if a else "false" for a in ambiguous],
                            "alternative_media_system": ["independent" if s == "state" else "state" for s in systems]})
    per = pd.DataFrame({"x": [float(v) for v in values]}, index=idx)
    share = pd.Series([v / 50.0 for v in values], index=idx)
    content = pd.DataFrame([(d, t, n) for d, row in zip(idx, terms) for t, n in row.items() if n],
                           columns=["doc_id", "term", "n"])
    return docs, outlets, per, share, content


@st.composite
def worlds(draw):
    n = draw(st.integers(2, 9))
    values = draw(st.lists(st.integers(0, 50), min_size=n, max_size=n))
    systems = draw(st.lists(st.sampled_from(["state", "independent"]), min_size=n, max_size=n))
    if len(set(systems)) < 2:
        systems[0], systems[-1] = "state", "independent"
    ambiguous = [draw(st.booleans()) if i < 2 else False for i in range(n)]  # at most 2 ambiguous: 9 codings
    terms = [{t: draw(st.integers(0, 4)) for t in ("p", "q", "r", "s")} | {"w": 1} for _ in range(n)]
    return _world(values, systems, ambiguous, terms)


@settings(max_examples=30, deadline=None)
@given(worlds())
def test_every_robust_finding_holds_under_every_coding_and_without_any_one_article(world):
    docs, outlets, per, share, content = world
    groups = docs["media_system"]
    base = top_terms(keyness(content, groups, "state", "independent"), 1)
    f = framing_findings(per, share, share, content, base, k=2, baseline=groups)
    sens = across_codings(codings(docs, outlets), f)
    loo = leave_one_out(groups, f)
    table = robustness_table(sens, loo)
    coded = codings(docs, outlets)
    for finding in table.index[table["robust"]]:
        for _, grp in coded.groupby("coding"):  # recomputed from scratch, not read from the tables
            assert f(grp.dropna(subset=["media_system"]).set_index("doc_id")["media_system"])[finding] is True
        for d in docs.index:
            assert f(groups.drop(d))[finding] is True, (finding, d)
    # and the converse: a finding that holds everywhere is called robust
    for finding in table.index[~table["robust"]]:
        assert table.at[finding, "dropped_by"] or table.at[finding, "moved_by"]
    assert len(loo) == len(docs)  # one run per article: linear


@settings(max_examples=25, deadline=None)
@given(st.integers(4, 12), st.data())
def test_a_finding_driven_by_one_article_is_not_robust_and_names_it(n, data):
    low = data.draw(st.lists(st.integers(1, 9), min_size=n - 1, max_size=n - 1))
    systems = ["state"] * (n // 2) + ["independent"] * (n - n // 2)
    values = [100] + low  # d0 (state) alone lifts the state mean
    values[n // 2:] = [v + 10 for v in values[n // 2:]]  # every independent article above every other state one
    docs, outlets, per, share, content = _world(values, systems, [False] * n,
                                                [{"w": 1} for _ in range(n)])
    groups = docs["media_system"]
    f = framing_findings(per, share, share, content, pd.DataFrame({"term": [], "group": []}), baseline=groups)
    if not f(groups)["x: state > independent"]:
        return  # the one article did not lift the mean past the other group: nothing to test
    sens = across_codings(codings(docs, outlets), f)
    loo = leave_one_out(groups, f)
    result = Sensitivity(sens, loo, robustness_table(sens, loo), f, groups)
    assert "x: state > independent" not in result.robust
    assert result.table.at["x: state > independent", "dropped_by"] == "d0"
    labels = pd.Series({d: f"Article {d}" for d in docs.index})
    text = rests_on(result, "x: state > independent", labels)
    assert text.startswith("rests on Article d0 alone: 100.0 per 1,000 words against ")
    assert robustness_view(result, labels).at["x: state > independent", "dropped_by"] == "Article d0"


def test_a_group_of_one_article_rests_on_it():
    docs, outlets, per, share, content = _world([5, 9, 30], ["state", "state", "independent"], [False] * 3,
                                                [{"w": 1}] * 3)
    groups = docs["media_system"]
    f = framing_findings(per, share, share, content, pd.DataFrame({"term": [], "group": []}), baseline=groups)
    sens = across_codings(codings(docs, outlets), f)
    loo = leave_one_out(groups, f)
    result = Sensitivity(sens, loo, robustness_table(sens, loo), f, groups)
    assert result.robust == [] and "x: independent > state" in result.fragile
    assert loo.at["d2", "x: independent > state"] is None  # leaving the only independent article out
    assert "the independent group's only article" in rests_on(result, "x: independent > state", pd.Series(dtype=str))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.dictionaries(st.sampled_from("abcdefgh"), st.integers(1, 6), min_size=1), min_size=3, max_size=8),
       st.data())
def test_kept_sums_rank_as_keyness_does(rows, data):
    counts = pd.DataFrame([(f"d{i}", t, n) for i, row in enumerate(rows) for t, n in row.items()],
                          columns=["doc_id", "term", "n"])
    docs = [f"d{i}" for i in range(len(rows))]
    labels = data.draw(st.lists(st.sampled_from(["s", "i"]), min_size=len(docs), max_size=len(docs)))
    labels[0], labels[1] = "s", "i"
    groups = pd.Series(labels, index=docs)
    sums = GroupTermSums(counts)
    for drop in [None, *docs]:  # the reference, then each leave-one-out run, kept by difference
        g = groups if drop is None else groups.drop(drop)
        if not ((g == "s").any() and (g == "i").any()):
            assert sums.top_pairs(g, "s", "i", 2) is None
            continue
        fresh = top_terms(keyness(counts[counts["doc_id"].isin(g.index)], g, "s", "i", alpha0=20), 2)
        assert sums.top_pairs(g, "s", "i", 2, alpha0=20) == set(zip(fresh["term"], fresh["group"]))
        kept = sums.keyness(g, "s", "i", alpha0=20)
        pd.testing.assert_frame_equal(kept, keyness(counts[counts["doc_id"].isin(g.index)], g, "s", "i", alpha0=20))
