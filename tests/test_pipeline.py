"""helpers.pipeline: offsets-only tables with text derived on demand, problems per layer, any number of workers."""
from __future__ import annotations

import pandas as pd
import pandas.testing as pdt
import pytest

from helpers import load_corpus
from helpers.corpus.load import SENTENCE_COLUMNS
from helpers.parallel import LayerError

LAYERS = ("timexes", "mentions", "visits", "exchanges")


def test_the_seeds_have_no_problem_in_any_layer(corpus):
    for layer in LAYERS:
        getattr(corpus, layer)
    assert corpus.problems.empty, corpus.problems.to_string()


def test_text_columns_are_cut_from_the_raw_text(corpus):
    raw = corpus.documents["raw"]
    for table in (corpus.segments, corpus.sentences):
        assert all(raw[d][a:b] == text for d, a, b, text in
                   zip(table["doc_id"], table["start"], table["end"], table["text"]))
    assert list(corpus.sentence_spans.columns) == SENTENCE_COLUMNS  # the stored table keeps offsets only
    for doc_id, body in corpus.documents["text"].items():
        segs = corpus.segments[(corpus.segments["doc_id"] == doc_id) & (corpus.segments["kind"] == "body")]
        assert body == "\n".join(t.strip() for t in segs["text"])


def test_documents_keep_their_column_order(corpus):
    cols = list(corpus.documents.columns)
    assert cols[-2:] == ["text", "raw"] and "text" not in corpus.document_table.columns


def test_two_workers_give_the_same_tables(seeds_copy):
    one, two = load_corpus(seeds_copy, workers=1), load_corpus(seeds_copy, workers=2)
    for name in ("documents", "segments", "sentences", *LAYERS):
        pdt.assert_frame_equal(getattr(one, name), getattr(two, name), check_dtype=True)


def test_a_failing_document_loses_one_layer_and_is_listed(seeds_copy, monkeypatch):
    import helpers.annotate.timex as timex

    corpus = load_corpus(seeds_copy, workers=1)
    victim = corpus.document_table.index[0]
    real = timex.extract_timexes

    def flaky(doc_id, *args, **kw):
        if doc_id == victim:
            raise RuntimeError("injected failure")
        return real(doc_id, *args, **kw)

    monkeypatch.setattr(timex, "extract_timexes", flaky)
    tx = corpus.timexes
    assert victim not in set(tx["doc_id"]) and len(set(tx["doc_id"])) >= len(corpus.document_table) - 1
    problems = corpus.problems
    assert problems[["doc_id", "layer"]].values.tolist() == [[victim, "timexes"]]
    assert "RuntimeError: injected failure" in problems["error"].iloc[0]
    assert not corpus.mentions.empty and victim in set(corpus.mentions["doc_id"])  # its other layers stay
    with pytest.raises(LayerError, match="injected failure"):  # called directly, with nowhere to record it
        timex.extract_corpus_timexes(corpus.document_table, corpus.sentence_spans)


def test_bad_input_reads_the_same_with_any_number_of_workers(seeds_copy):
    """Files are read by worker processes: the problems are the same, in the same order, with two."""
    from helpers import CorpusError

    (seeds_copy / "zz_bad.txt").write_bytes(b"\xff broken")
    (seeds_copy / "aa_empty.txt").write_bytes(b"")
    (seeds_copy / "mm_dir.txt").mkdir()
    messages = []
    for workers in (1, 2):
        with pytest.raises(CorpusError) as info:
            load_corpus(seeds_copy, workers=workers)
        messages.append(info.value.problems)
    assert messages[0] == messages[1] and len(messages[0]) >= 3


def test_duplicates_left_out_the_same_with_any_number_of_workers(seeds_copy):
    first = sorted(p.name for p in seeds_copy.glob("*.txt"))[0]
    (seeds_copy / "zz_copy.txt").write_bytes((seeds_copy / first).read_bytes().replace(b"\n", b"\r\n"))
    with open(seeds_copy / "catalog.csv", "a", encoding="utf-8") as f:
        f.write(f"zz_copy.txt,{_outlet_of(seeds_copy, first)},,,\n")
    one = load_corpus(seeds_copy, duplicates="keep_first", workers=1)
    two = load_corpus(seeds_copy, duplicates="keep_first", workers=2)
    pdt.assert_frame_equal(one.problems, two.problems)
    assert one.problems[["doc_id", "layer"]].values.tolist() == [["zz_copy", "duplicate"]]
    pdt.assert_frame_equal(one.documents, two.documents)


def _outlet_of(seeds, name: str) -> str:
    catalog = pd.read_csv(seeds / "catalog.csv", dtype=str)
    return catalog.loc[catalog["file"] == name, "outlet"].iloc[0]
