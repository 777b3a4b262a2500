"""helpers.parallel: per-document map with failures isolated, same result for any number of workers."""
from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.parallel import WORKERS_ENV, map_documents, worker_count


def _rows(doc_id: str, n: int) -> list[tuple[str, int]]:
    if n < 0:
        raise ValueError(f"negative length in {doc_id}")
    return [(doc_id, i) for i in range(n)]


ITEMS = [(f"d{i:02d}", (f"d{i:02d}", (i * 7) % 5 - (1 if i % 9 == 4 else 0) * 10)) for i in range(30)]


@pytest.mark.parametrize("workers", [1, 2, 3])
def test_same_rows_and_problems_for_any_number_of_workers(workers):
    rows, problems = map_documents(_rows, ITEMS, "demo", workers=workers)
    expected_rows, expected_problems = [], []
    for doc_id, (d, n) in ITEMS:
        if n < 0:
            expected_problems.append(doc_id)
        else:
            expected_rows.extend(_rows(d, n))
    assert rows == expected_rows
    assert [p[0] for p in problems] == expected_problems
    assert all(p[1] == "demo" and p[2].startswith("ValueError: negative length in " + p[0]) for p in problems)


def test_a_failing_document_keeps_the_others():
    rows, problems = map_documents(_rows, [("a", ("a", 2)), ("b", ("b", -1)), ("c", ("c", 1))], "x", workers=1)
    assert rows == [("a", 0), ("a", 1), ("c", 0)]
    assert [p[:2] for p in problems] == [("b", "x")]


def test_worker_count(monkeypatch):
    monkeypatch.delenv(WORKERS_ENV, raising=False)
    assert worker_count(0) == 1  # a small corpus runs in-process
    assert worker_count(10**12, workers=2) == 2
    monkeypatch.setenv(WORKERS_ENV, "1")
    assert worker_count(10**12) == 1
    monkeypatch.setenv(WORKERS_ENV, "two")
    with pytest.raises(ValueError, match=WORKERS_ENV):
        worker_count(10**12)
    with pytest.raises(ValueError):
        worker_count(0, workers=0)


def _scaled(factor: int, doc_id: str, n: int) -> list[int]:
    return [factor * n]


@pytest.mark.parametrize("workers", [1, 2])
def test_shared_object_is_passed_first(workers):
    items = [(f"d{i}", (f"d{i}", i)) for i in range(10)]
    rows, problems = map_documents(_scaled, items, "demo", shared=3, workers=workers)
    assert rows == [3 * i for i in range(10)] and problems == []


def _one_row(doc_id: str, value) -> list[tuple]:
    return [(doc_id, value)]


def _frame(rows):
    return pd.DataFrame(rows, columns=["doc_id", "value"])


@pytest.mark.parametrize("workers", [1, 2])
def test_frames_by_chunk_equal_one_frame_of_all_rows(workers, monkeypatch):
    import helpers.parallel as par

    monkeypatch.setattr(par, "CHUNK_DOCUMENTS", 3)
    values = [None, None, None, "a", None, "b", None, None, None, "c"]  # the first chunk has no value at all
    items = [(f"d{i}", (f"d{i}", v)) for i, v in enumerate(values)]
    table, problems = map_documents(_one_row, items, "demo", workers=workers, frame=_frame)
    expected = _frame([(f"d{i}", v) for i, v in enumerate(values)])
    pd.testing.assert_frame_equal(table, expected)
    empty, _ = map_documents(_one_row, [], "demo", workers=workers, frame=_frame)
    assert list(empty.columns) == ["doc_id", "value"] and empty.empty


def test_spans_by_document_are_the_table_in_text_order():
    from helpers.parallel import SpansByDocument, spans_by_document

    table = pd.DataFrame({"doc_id": ["b", "a", "b", "a", "c"], "sent_id": [1, 0, 0, 1, 0],
                          "start": [50, 0, 10, 20, 5], "end": [60, 9, 40, 30, 7]})
    spans = spans_by_document(table)
    assert list(spans) == ["a", "b", "c"] and len(spans) == 3 and "z" not in spans
    assert spans["b"] == [(0, 10, 40), (1, 50, 60)] and spans.get("z", ()) == ()
    other = SpansByDocument(table, fields=("start", "end", "sent_id"), sort_by=("start", "end", "sent_id"))
    assert other["a"] == [(0, 9, 0), (20, 30, 1)]
    assert list(spans_by_document(table.iloc[:0])) == []
    with pytest.raises(ValueError, match="lacks column"):
        spans_by_document(table.drop(columns="end"))


def test_frame_from_rows_equals_the_plain_constructor():
    from helpers.parallel import frame_from_rows

    cols = ["doc_id", "start", "text", "note", "flag"]
    rows = [("a", 3, "x", None, True), ("b", 70000, None, None, False)]
    for cut in (rows, rows[:1], []):
        expected = pd.DataFrame(cut, columns=cols).astype({"start": "int64", "flag": "bool"})
        pd.testing.assert_frame_equal(frame_from_rows(cut, cols, ("start",), ("flag",)), expected)


def _two_tables(rows):
    return ([r[0] for r in rows], _frame(rows))


@pytest.mark.parametrize("workers", [1, 2])
def test_a_frame_of_several_tables_combines_each(workers, monkeypatch):
    import helpers.parallel as par

    monkeypatch.setattr(par, "CHUNK_DOCUMENTS", 2)
    items = [(f"d{i}", (f"d{i}", i)) for i in range(7)]
    (ids, table), problems = map_documents(_one_row, items, "demo", workers=workers, frame=_two_tables)
    assert ids == [f"d{i}" for i in range(7)] and problems == []
    pd.testing.assert_frame_equal(table, _frame([(f"d{i}", i) for i in range(7)]))
    (ids, table), _ = map_documents(_one_row, [], "demo", workers=workers, frame=_two_tables)
    assert ids == [] and table.empty


def test_workers_do_not_collect_what_they_inherit():
    """Workers run in other processes, with the objects they inherit frozen out of the garbage collector's
    reach; the parent's collector is as it was."""
    import gc

    rows, _ = map_documents(_gc_state, [(f"d{i}", (f"d{i}",)) for i in range(4)], "demo", workers=2)
    assert all(in_worker and frozen > 0 for in_worker, frozen in rows)
    assert gc.get_freeze_count() == 0 and gc.isenabled()


def _gc_state(doc_id: str) -> list[tuple[bool, int]]:
    import gc
    import multiprocessing

    return [(multiprocessing.parent_process() is not None, gc.get_freeze_count())]


@settings(max_examples=200, derandomize=True, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a", "b", "c"]), st.integers(0, 3), st.integers(0, 9)), max_size=12),
       st.booleans())
def test_spans_of_a_table_in_order_are_those_of_the_table_sorted(rows, in_order):
    """The loader's table (each document's rows together, in order) is read as it is; any other table is
    sorted first: the spans are the same either way."""
    from helpers.parallel import SpansByDocument

    table = pd.DataFrame([(d, i, start, start + 5) for d, i, start in rows], columns=["doc_id", "sent_id", "start", "end"])
    if in_order:
        table = table.sort_values(["doc_id", "start", "sent_id"], kind="stable").reset_index(drop=True)
    for fields, sort_by in ((("sent_id", "start", "end"), ("start", "sent_id")),
                            (("start", "end", "sent_id"), ("start", "end", "sent_id"))):
        spans = SpansByDocument(table, fields, sort_by)
        expected = {d: sorted(((getattr(r, fields[0]), getattr(r, fields[1]), getattr(r, fields[2]))
                               for r in table[table["doc_id"] == d].itertuples()),
                              key=lambda t: tuple(t[fields.index(k)] for k in sort_by))
                    for d in sorted(set(table["doc_id"]))}
        assert list(spans) == list(expected) and {d: spans[d] for d in spans} == expected
