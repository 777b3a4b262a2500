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
