"""Scoring layers against hand codings (helpers.evaluate): counts, every error listed, offsets that point home."""
import pandas as pd
import pytest

from helpers.annotate.timex import timex_frame
from helpers.evaluate import (SCORE_KEY, evaluate_timexes, load_timex_codebook, load_visit_codebook, locate_codebook,
                              score_rows, score_visits)


def test_evaluation_counts_and_lists_errors():
    raw = "In 1961 and May 1962 and 1963 and last year."
    pred = timex_frame([
        ("d", 0, 3, 7, "1961", "date", "1961", "", ""),
        ("d", 0, 12, 20, "May 1962", "date", "1962-06", "", ""),        # wrong value
        ("d", 0, 34, 43, "last year", "relative", "2020", "", ""),     # spurious
    ])
    gold = pd.DataFrame({"doc_id": ["d"] * 3, "text": ["1961", "May 1962", "1963"], "kind": ["date"] * 3,
                         "value": ["1961", "1962-05", "1963"], "end_value": [""] * 3, "start": [3, 12, 25],
                         "end": [7, 20, 29]})
    scores, errors = evaluate_timexes(pred, gold)
    assert scores["precision"] == pytest.approx(1 / 3) and scores["recall"] == pytest.approx(1 / 3)
    assert errors["error"].tolist() == ["wrong value", "missed", "spurious"]
    # every error points at its words in the text: the found text, or the codebook's when nothing was found
    for e in errors.itertuples():
        assert raw[e.start:e.end] == (e.found_text or e.gold_text)


def test_locate_codebook_finds_the_nth_whole_word_occurrence_in_the_body():
    raw = "Title 1961\nIn 1961 they met. In 19610 no. Again in 1961."
    sentences = pd.DataFrame({"doc_id": ["d"] * 3, "sent_id": [0, 1, 2], "start": [11, 29, 42], "end": [28, 41, 56]})
    cb = pd.DataFrame({"doc_id": ["d", "d"], "text": ["1961", "1961"], "occurrence": [1, 2]})
    got = locate_codebook(cb, pd.Series({"d": raw}), sentences)
    assert got["sent_id"].tolist() == [0, 2]  # the headline and '19610' are not occurrences
    assert all(raw[s:e] == "1961" for s, e in zip(got["start"], got["end"]))
    assert got["start"].is_monotonic_increasing
    with pytest.raises(ValueError, match="#3: the body has 2 occurrence"):
        locate_codebook(cb.assign(occurrence=[1, 3]), pd.Series({"d": raw}), sentences)


def test_codebook_loads_locates_and_meets_the_bar(corpus):
    gold = locate_codebook(load_timex_codebook(), corpus.documents["raw"], corpus.sentences)
    assert set(gold["doc_id"]) == set(corpus.documents.index)
    assert all(corpus.documents["raw"][d][s:e] == t for d, s, e, t in zip(gold["doc_id"], gold["start"], gold["end"],
                                                                           gold["text"]))
    scores, _ = evaluate_timexes(corpus.timexes, gold)
    assert scores["precision"] >= 0.95 and scores["recall"] >= 0.95


def test_codebook_errors_are_named(tmp_path, corpus):
    bad = load_timex_codebook().iloc[:1].assign(occurrence=9)
    with pytest.raises(ValueError, match="#9: the body has 1 occurrence"):
        locate_codebook(bad, corpus.documents["raw"], corpus.sentences)
    path = tmp_path / "cb.csv"
    load_timex_codebook().drop(columns=["note"]).to_csv(path, index=False)
    with pytest.raises(ValueError, match="lacks columns"):
        load_timex_codebook(path)
    load_visit_codebook().drop(columns=["status"]).to_csv(path, index=False)
    with pytest.raises(ValueError, match="status"):
        load_visit_codebook(path)


def test_score_rows_counts_a_multiset_and_lists_each_error():
    gold = pd.DataFrame({"doc_id": ["a", "a", "a"], "sent_id": [1, 1, 2], "x": ["p", "p", "q"]})
    found = pd.DataFrame({"doc_id": ["a", "a"], "sent_id": ["1", "3"], "x": ["p", "q"]})
    p, r, err = score_rows(found, gold, ["doc_id", "sent_id", "x"])
    assert (p, r) == (0.5, 1 / 3)
    assert sorted(zip(err["error"], err["sent_id"].astype(int))) == [("extra", 3), ("missed", 1), ("missed", 2)]
    # scoring a table against itself is perfect; against nothing, every row is extra
    assert score_rows(gold, gold, ["doc_id", "sent_id", "x"])[:2] == (1.0, 1.0)
    p, r, err = score_rows(gold, gold.iloc[:0], ["doc_id", "sent_id", "x"])
    assert (p, r, len(err)) == (0.0, 1.0, 3)
    with pytest.raises(ValueError, match="lack column"):
        score_rows(found, gold, ["doc_id", "y"])


def test_visits_meet_the_codebook(corpus):
    codebook = load_visit_codebook()
    p, r, errors = score_visits(corpus.visits, codebook)
    assert list(errors.columns) == ["error", *SCORE_KEY]
    assert (p, r) == (1.0, 1.0), errors
