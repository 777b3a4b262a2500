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


