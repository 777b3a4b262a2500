"""Frames: matches, density and precision on made-up sentences; the codebook on the corpus."""
import pandas as pd
import pytest

from helpers.analysis.frames import (frame_density, frame_matches, frame_precision, group_density, load_frames,
                                     load_judgements)
from helpers.analysis.voice import quote_spans
from test_analysis_words import sents


FRAMES = pd.DataFrame({"frame": ["aid", "memory"], "indicators": ["assistance|rice|support*", "anniversar*|years ago"]})


def test_frame_matches_trace_to_raw_offsets_and_flag_quotes():
    s = sents("The port town marked its 40th anniversary 12 years ago.",
              '"We sent rice and assistance," the mayor said, citing support from farmers.')
    m = frame_matches(s, FRAMES)
    assert m["term"].tolist() == ["anniversary", "years ago", "rice", "assistance", "support"]
    raw = " ".join(s["text"])  # offsets start at 100
    for r in m.itertuples():
        assert raw[r.start - 100:r.end - 100] == r.term
    assert m["in_quote"].tolist() == [False, False, True, True, False]


def test_quoted_title_is_not_speech():
    s = sents('An exhibition called "Rice and Assistance" opened.')
    m = frame_matches(s, FRAMES)
    assert len(m) == 2 and not m["in_quote"].any()
    assert len(quote_spans(s)) == 1


def test_frame_density_fills_zeros_and_checks_words():
    s = sents("Rice arrived.", doc_id="a")
    m = frame_matches(s, FRAMES)
    d = frame_density(m, {"a": 4, "b": 10}, frames=["aid", "memory"]).set_index(["doc_id", "frame"])
    assert d.loc[("a", "aid"), "per_1000"] == 250
    assert d.loc[("b", "memory"), "n"] == 0
    with pytest.raises(ValueError, match="missing from n_words"):
        frame_density(m, {"b": 10}, frames=["aid"])
    with pytest.raises(ValueError, match="without body words"):
        frame_density(m, {"a": 0}, frames=["aid"])
    g = group_density(d.reset_index(), {"a": "x", "b": "x"}).set_index("frame")
    assert g.loc["aid", "mean_per_1000"] == 125 and g.loc["aid", "pooled_per_1000"] == pytest.approx(1000 / 14)


def test_frame_precision_counts_and_detects_stale_judgements():
    m = frame_matches(sents("Rice and support.", doc_id="a", offset=0), FRAMES)
    j = pd.DataFrame({"doc_id": ["a", "a"], "start": [0, 9], "term": ["Rice", "support"], "frame": ["aid", "aid"],
                      "correct": ["yes", "no"], "note": ["", "not aid"]})
    per, judged = frame_precision(m, j)
    assert per.set_index("frame").loc["aid", "precision"] == 0.5
    with pytest.raises(ValueError, match="is for 'Wheat'"):
        frame_precision(m, j.assign(term=["Wheat", "support"]))
    per, judged = frame_precision(m, j.iloc[:1])
    assert per.loc[0, "judged"] == 1 and judged["correct"].isna().sum() == 1


def test_codebook_examples_are_corpus_sentences_that_match_their_frame(corpus):
    frames = load_frames()
    needed = {"revolution", "leaders", "commemoration", "diplomacy", "development", "aid"}
    assert needed <= set(frames["frame"])
    m = frame_matches(corpus.sentences, frames)
    for f in frames.itertuples():
        assert f.source.strip(), f.frame
        hits = m[(m["doc_id"] == f.example_doc_id) & (m["frame"] == f.frame)]
        assert (hits["sentence"] == f.example).any(), f"example of {f.frame} is not a matching body sentence"


def test_every_corpus_match_is_judged(corpus):
    per, judged = frame_precision(frame_matches(corpus.sentences))
    assert judged["correct"].notna().all(), judged[judged["correct"].isna()][["doc_id", "start", "term"]]
    assert len(load_judgements()) == len(judged)




# --- every match counts: weights and estimated density ------------------------------------------------------
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from helpers.analysis.frames import match_weights, wilson_interval  # noqa: E402


def _two_articles():
    """Article a, whose matches are judged; article b, nobody judged."""
    a = sents("Rice and support arrived.", doc_id="a", offset=0)
    b = sents("Rice, assistance and support arrived.", doc_id="b", offset=0)
    m = frame_matches(pd.concat([a, b], ignore_index=True), FRAMES)
    j = pd.DataFrame({"doc_id": ["a", "a"], "start": [0, 9], "term": ["Rice", "support"], "frame": ["aid", "aid"],
                      "correct": ["yes", "no"], "note": ["", "not aid"]})
    return m, j


def test_precision_rests_on_judged_matches_and_states_the_unjudged():
    m, j = _two_articles()
    per, judged = frame_precision(m, j)
    aid = per.set_index("frame").loc["aid"]
    assert (aid["matches"], aid["judged"], aid["unjudged"], aid["sample"], aid["correct"]) == (5, 2, 3, 2, 1)
    assert aid["precision"] == 0.5  # the three unjudged matches count for nothing here, not as wrong
    assert aid["low"] < 0.5 < aid["high"]


def test_an_unjudged_article_is_estimated_never_frame_free():
    m, j = _two_articles()
    per, judged = frame_precision(m, j)
    weighted = judged.assign(weight=match_weights(judged, per))
    d = frame_density(weighted, {"a": 10, "b": 20}, frames=["aid", "memory"]).set_index(["doc_id", "frame"])
    assert d.loc[("a", "aid"), ["n", "judged", "est"]].tolist() == [2, 2, 1.0]  # judged: right 1, wrong 0
    assert d.loc[("b", "aid"), ["n", "judged", "est"]].tolist() == [3, 0, 1.5]  # unjudged: 3 x precision 0.5
    assert d.loc[("b", "aid"), "per_1000"] == 150 and d.loc[("b", "aid"), "est_per_1000"] == 75
    assert d.loc[("b", "memory"), "est"] == 0  # no match: zero, rightly


def test_weights_fall_back_to_pooled_precision_and_to_no_estimate():
    judged = pd.DataFrame({"frame": ["f", "g", "g"], "correct": ["no", None, "yes"]})
    precision = pd.DataFrame({"frame": ["f", "g"], "sample": [4, 0], "correct": [3, 0], "precision": [0.75, None]})
    assert match_weights(judged, precision).tolist() == [0.0, 0.75, 1.0]  # g unrated: the pooled 3/4
    nothing = precision.assign(sample=0, correct=0, precision=None)
    w = match_weights(judged, nothing)
    assert pd.isna(w[1])
    d = frame_density(judged.assign(doc_id="a", in_quote=False, weight=w), {"a": 100}, frames=["f", "g"])
    assert pd.isna(d.set_index("frame").loc["g", "est"])  # no estimate, not zero


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a", "b", "c"]), st.sampled_from(["f", "g"]),
                          st.sampled_from(["yes", "no", None])), min_size=1, max_size=30),
       st.integers(1, 20), st.integers(0, 20))
def test_no_article_with_unjudged_matches_has_zero_estimated_density(rows, sample, wrong):
    wrong = min(wrong, sample - 1)  # a precision above zero
    judged = pd.DataFrame(rows, columns=["doc_id", "frame", "correct"]).assign(in_quote=False)
    precision = pd.DataFrame({"frame": ["f", "g"], "sample": [sample] * 2, "correct": [sample - wrong] * 2,
                              "precision": [(sample - wrong) / sample] * 2})
    d = frame_density(judged.assign(weight=match_weights(judged, precision)), {"a": 50, "b": 60, "c": 70}, ["f", "g"])
    unjudged = d["n"] > d["judged"]
    assert (d.loc[unjudged, "est_per_1000"] > 0).all()
    assert (d["est"] <= d["n"] + 1e-9).all() and (d["est_per_1000"] <= d["per_1000"] + 1e-9).all()


def test_wilson_interval_contains_the_share():
    for c, n in [(0, 5), (5, 5), (3, 7)]:
        lo, hi = wilson_interval(c, n)
        assert 0 <= lo <= c / n <= hi <= 1
    assert all(pd.isna(x) for x in wilson_interval(0, 0))
