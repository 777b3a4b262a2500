"""Per-document work on every core, with each document's failure kept to itself.

Extraction is pure and per document, so a layer is a map over documents:
:func:`map_documents` runs ``fn(*args)`` for each document, in a process pool
when the corpus is big enough to pay for one, and returns the rows of every
document in input order (so the result does not depend on the number of
workers) together with one problem row per document whose ``fn`` raised.
One bad document never takes down a layer for the corpus: it loses that layer
only, and ``corpus.problems`` says so.

The number of worker processes comes from, in order: the ``workers`` argument,
the environment variable ``VN_DPRK_WORKERS`` (``1`` forces a single process),
and the cores this process may run on. Small corpora run in-process.
"""
from __future__ import annotations

import functools
import gc
import os
import sys
import traceback
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from multiprocessing import get_context

import numpy as np
import pandas as pd

PROBLEM_COLUMNS = ["doc_id", "layer", "error"]
WORKERS_ENV = "VN_DPRK_WORKERS"
MIN_CHARS_PER_WORKER = 2_000_000  # below about this much raw text a pool costs more than it saves
CHUNK_DOCUMENTS = 250              # documents per chunk: each chunk's rows become a table before the next


def available_cores() -> int:
    """Cores this process may run on (its CPU affinity where the system has one)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def worker_count(total_chars: int, workers: int | None = None) -> int:
    """How many processes to use for ``total_chars`` of raw text (1 = in-process)."""
    if workers is None:
        env = os.environ.get(WORKERS_ENV, "").strip()
        if env:
            try:
                workers = int(env)
            except ValueError:
                raise ValueError(f"{WORKERS_ENV}={env!r} is not a whole number of worker processes") from None
    if workers is not None:
        if workers < 1:
            raise ValueError(f"workers must be at least 1, not {workers}")
        return workers
    return max(1, min(available_cores(), total_chars // MIN_CHARS_PER_WORKER))


def _describe(exc: BaseException) -> str:
    """One line: the exception and where in helpers it was raised."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "helpers" in f.filename]
    where = f" at {os.path.basename(frames[-1].filename)}:{frames[-1].lineno}" if frames else ""
    return f"{type(exc).__name__}: {exc}{where}"


# What every call of a layer reads (a knowledge base, reference dates): set before the pool forks, so
# workers inherit it instead of unpickling a copy (and recompiling its patterns) for every chunk.
_SHARED: dict[str, object] = {}


@contextmanager
def no_gc():
    """Bulk row building without cyclic garbage collection (the rows hold no cycles); restored after.

    Millions of new tuples would otherwise trigger collections that traverse every live object again
    and again; reference counting still frees everything as usual."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _run_chunk(fn: Callable, layer: str, chunk: Sequence[tuple[str, tuple]], shared_key: str | None = None,
               frame: Callable | None = None) -> tuple[object, list]:
    rows: list = []
    problems: list = []
    lead = (_SHARED[shared_key],) if shared_key is not None else ()
    with no_gc():
        for doc_id, args in chunk:
            try:
                out = fn(*lead, *args)
            except Exception as exc:  # noqa: BLE001 - recorded, never swallowed: it becomes a problem row
                problems.append((doc_id, layer, _describe(exc)))
                continue
            rows.extend(out)
        return (frame(rows) if frame is not None and rows else rows), problems


def _chunks(items: Sequence, n_chunks: int) -> list[Sequence]:
    size = max(1, min(CHUNK_DOCUMENTS, -(-len(items) // n_chunks)))
    return [items[i:i + size] for i in range(0, len(items), size)]


def _combine(parts: list, frame: Callable | None):
    """The chunks' results as one: rows concatenated, or their frames (empty chunks skipped) concatenated.
    A ``frame`` that returns a tuple (of tables or lists) gives the tuple of each element combined."""
    if frame is None:
        return [row for part in parts for row in part]
    frames = [p for p in parts if not isinstance(p, list)]
    if not frames:
        return frame([])
    if isinstance(frames[0], tuple):
        return tuple(_concat([f[i] for f in frames]) for i in range(len(frames[0])))
    return _concat(frames)


def _concat(frames: list):
    """Lists concatenated, or tables concatenated as if they were made at once from all their rows.

    Column by column, each column taken out of the chunks' tables as soon as it is joined: the chunks
    and the whole table are never held at once in full (the chunks' tables are left without columns).
    """
    if isinstance(frames[0], list):
        return [row for part in frames for row in part]
    if len(frames) == 1:
        return frames[0]
    data = {}
    for col in list(frames[0].columns):
        parts = [f.pop(col) for f in frames]
        joined = pd.concat(parts, ignore_index=True)
        if len({str(p.dtype) for p in parts}) > 1:  # a chunk with no value in a column infers another dtype:
            joined = pd.Series(joined.tolist(), index=joined.index)  # infer on the whole
        del parts
        data[col] = joined
    return pd.DataFrame(data, copy=False)


def release_free_memory() -> None:
    """Hand the memory the process has freed back to the system (glibc's ``malloc_trim``; elsewhere nothing).

    The many small arrays of a layer's chunks are freed once their tables are joined, but the C allocator
    keeps their pages; the next layer may not reuse them (other sizes), and the process would grow."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.lru_cache(maxsize=1)
def _malloc_trim():
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes
        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):  # not glibc
        return None


def map_documents(fn: Callable, items: Sequence[tuple[str, tuple]], layer: str, *, shared: object = None,
                  total_chars: int = 0, workers: int | None = None,
                  frame: Callable | None = None) -> tuple[list, list[tuple[str, str, str]]]:
    """Run ``fn(*args)`` for each ``(doc_id, args)`` of ``items``; concatenate the returned rows.

    ``fn`` must be a module-level function (it is sent to worker processes) that
    returns a list of rows for one document. With ``shared`` (what every call
    reads, such as a knowledge base), ``fn(shared, *args)`` is called instead,
    and workers inherit ``shared`` rather than receive a copy. ``total_chars``
    (the raw text the items carry) decides whether a pool pays off (see
    :func:`worker_count`). With ``frame`` (rows -> DataFrame), the rows of each chunk of
    documents become a DataFrame as soon as the chunk is done, so the rows of the whole corpus are
    never held as Python objects at once, and the result is the frames concatenated (a ``frame`` may
    return a tuple of tables and lists: the result is the tuple of each concatenated). Returns
    ``(rows, problems)``:
    rows in the order of ``items``, and one ``(doc_id, layer, error)`` per
    document whose call raised (its rows are left out, the others kept).

    >>> rows, problems = map_documents(divmod, [("a", (7, 2)), ("b", (1, 0))], "demo", workers=1)
    >>> rows, problems[0][:2]
    ([3, 1], ('b', 'demo'))
    """
    items = list(items)
    n = min(worker_count(total_chars, workers), max(1, len(items)))
    key = None
    if shared is not None:
        key = f"{layer}:{id(shared)}"
        _SHARED[key] = shared
    try:
        collecting = gc.isenabled()
        with no_gc():  # the results arrive as many new objects, and hold no cycles
            if n == 1:
                parts = [_run_chunk(fn, layer, chunk, key, frame) for chunk in _chunks(items, 1)]
            else:
                parts = _run_pool(n, fn, layer, _chunks(items, 4 * n), key, frame, collecting)
            result = _combine([p for p, _ in parts], frame), [row for _, rows in parts for row in rows]
        del parts
        release_free_memory()
        return result
    finally:
        if key is not None:
            _SHARED.pop(key, None)


def _run_pool(n: int, fn: Callable, layer: str, chunks: list, key: str | None, frame: Callable | None,
              collecting: bool = True) -> list:
    """:func:`_run_chunk` of each chunk in ``n`` forked worker processes, the results in the order of ``chunks``;
    the workers' garbage collector on if ``collecting`` (the caller's was, before the pause of the results).

    fork: workers inherit the imported package, the caches of curated data and ``_SHARED``. The objects they
    inherit are frozen out of the garbage collector first (``gc.freeze``), so a collection in a worker never
    visits them: it would write to each object's header and so copy every page of the parent's memory."""
    freeze = gc.get_freeze_count() == 0  # (objects frozen by the caller stay so)
    if freeze:
        gc.freeze()
    try:
        with ProcessPoolExecutor(max_workers=n, mp_context=get_context("fork"),
                                 initializer=gc.enable if collecting else None) as pool:
            futures = [pool.submit(_run_chunk, fn, layer, chunk, key, frame) for chunk in chunks]
            if freeze:
                gc.unfreeze()  # the workers are forked by now (with the first chunk)
                freeze = False
            results = []
            for i, future in enumerate(futures):  # in submission order: the result does not depend on scheduling
                results.append(future.result())
                futures[i] = None  # the chunk's result is now only in ``results``
        return results
    finally:
        if freeze:
            gc.unfreeze()


def frame_from_rows(rows: list[tuple], columns: list[str], int_columns=(), bool_columns=()) -> pd.DataFrame:
    """Rows as a table built column by column: the same table as ``pd.DataFrame(rows, columns=columns)``
    with ``int_columns`` as int64 and ``bool_columns`` as bool, without the intermediate array of every
    value as a Python object (which the string columns would otherwise keep alive)."""
    if not rows:
        return pd.DataFrame(rows, columns=columns).astype({**{c: "int64" for c in int_columns},
                                                           **{c: "bool" for c in bool_columns}})
    data = {}
    for name, values in zip(columns, zip(*rows)):
        if name in int_columns:
            data[name] = np.fromiter(values, dtype=np.int64, count=len(values))
        elif name in bool_columns:
            data[name] = np.fromiter(values, dtype=bool, count=len(values))
        else:
            data[name] = pd.Series(values, dtype=None if any(isinstance(v, str) for v in values) else object)
    return pd.DataFrame(data, columns=columns)


def column_dict(table: pd.DataFrame, column: str) -> dict:
    """``table[column].to_dict()``, faster (the values as ``tolist`` gives them: the same objects).

    >>> column_dict(pd.DataFrame({"x": [1, 2]}, index=["a", "b"]), "x")
    {'a': 1, 'b': 2}
    """
    return dict(zip(table.index.tolist(), table[column].tolist()))


class LayerError(RuntimeError):
    """Some documents failed in a layer called without a ``problems`` list to record them in."""

    def __init__(self, layer: str, failed: Sequence[tuple[str, str, str]]):
        self.failed = list(failed)
        lines = "\n".join(f"  - {d}: {e}" for d, _, e in self.failed)
        super().__init__(f"{layer}: {len(self.failed)} document(s) failed:\n{lines}")


def record(layer: str, failed: Sequence[tuple[str, str, str]], problems: list | None) -> None:
    """Add ``failed`` to ``problems``; with no ``problems`` list, raise :class:`LayerError` (never silent)."""
    if problems is not None:
        problems.extend(failed)
    elif failed:
        raise LayerError(layer, failed)


class SpansByDocument(Mapping):
    """Each document's sentence spans as tuples of the ``fields`` named, made on request.

    Holds the sentence table's columns as machine integers and each document's row range, so a
    corpus-wide layer never keeps a tuple per sentence: a worker makes the spans of the document it
    works on. Documents come in sorted order; within one, spans are sorted by ``sort_by``. A table whose
    rows are already so (each document's rows together and in order, as the loader makes them) is not
    sorted again: only checked.
    """

    def __init__(self, table, fields=("sent_id", "start", "end"), sort_by=("start", "sent_id")):
        missing = {"doc_id", "sent_id", "start", "end"} - set(table.columns)
        if missing:
            raise ValueError(f"sentences table lacks column(s) {sorted(missing)}")
        cols = {c: np.asarray(table[c].to_numpy(), dtype=np.int64) for c in ("sent_id", "start", "end")}
        ranges = _sorted_runs(table["doc_id"].to_numpy(dtype=object), [cols[c] for c in sort_by])
        if ranges is not None:
            self._cols = [cols[c] for c in fields]
            self._range = ranges
            return
        codes, docs = pd.factorize(table["doc_id"], sort=True)
        order = np.lexsort([cols[c] for c in reversed(sort_by)] + [codes])
        self._cols = [cols[c][order] for c in fields]
        cuts = np.flatnonzero(np.diff(codes[order])) + 1
        bounds = np.concatenate([[0], cuts, [len(order)]]).tolist() if len(order) else []
        self._range = {docs[codes[order[lo]]]: (lo, hi) for lo, hi in zip(bounds, bounds[1:])}

    def __getitem__(self, doc_id: str) -> list[tuple[int, int, int]]:
        lo, hi = self._range[doc_id]
        return list(zip(*(c[lo:hi].tolist() for c in self._cols)))

    def __iter__(self):
        return iter(self._range)

    def __len__(self) -> int:
        return len(self._range)


def _sorted_runs(ids: np.ndarray, keys: list[np.ndarray]) -> dict[str, tuple[int, int]] | None:
    """Each document's row range, in sorted order of the documents, when the rows of each document (``ids``:
    its doc_id) are together and already in the order of ``keys`` within it; otherwise None."""
    n = len(ids)
    if n < 2:
        return None
    cuts = np.flatnonzero(ids[1:] != ids[:-1]) + 1
    bounds = [0, *cuts.tolist(), n]
    docs = ids[bounds[:-1]].tolist()
    if len(set(docs)) != len(docs) or not all(type(d) is str for d in docs):
        return None
    ordered, equal = np.zeros(n - 1, dtype=bool), np.ones(n - 1, dtype=bool)
    for k in keys:  # each row's keys at least the row's before it, compared in turn
        ordered |= equal & (k[:-1] < k[1:])
        equal &= k[:-1] == k[1:]
    ordered |= equal
    ordered[cuts - 1] = True  # rows of two documents: not compared
    if not ordered.all():
        return None
    return dict(sorted(zip(docs, zip(bounds, bounds[1:]))))


def spans_by_document(table) -> SpansByDocument:
    """``(sent_id, start, end)`` triples per ``doc_id`` of a sentence table, in text order (made on request)."""
    return SpansByDocument(table)
