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

import os
import traceback
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context

PROBLEM_COLUMNS = ["doc_id", "layer", "error"]
WORKERS_ENV = "VN_DPRK_WORKERS"
MIN_CHARS_PER_WORKER = 2_000_000  # below about this much raw text a pool costs more than it saves


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


def _run_chunk(fn: Callable, layer: str, chunk: Sequence[tuple[str, tuple]]) -> tuple[list, list]:
    rows: list = []
    problems: list = []
    for doc_id, args in chunk:
        try:
            out = fn(*args)
        except Exception as exc:  # noqa: BLE001 - recorded, never swallowed: it becomes a problem row
            problems.append((doc_id, layer, _describe(exc)))
            continue
        rows.extend(out)
    return rows, problems


def _chunks(items: Sequence, n_chunks: int) -> list[Sequence]:
    size = max(1, -(-len(items) // n_chunks))
    return [items[i:i + size] for i in range(0, len(items), size)]


def map_documents(fn: Callable, items: Sequence[tuple[str, tuple]], layer: str, *,
                  total_chars: int = 0, workers: int | None = None) -> tuple[list, list[tuple[str, str, str]]]:
    """Run ``fn(*args)`` for each ``(doc_id, args)`` of ``items``; concatenate the returned rows.

    ``fn`` must be a module-level function (it is sent to worker processes) that
    returns a list of rows for one document. Returns ``(rows, problems)``:
    rows in the order of ``items``, and one ``(doc_id, layer, error)`` per
    document whose call raised (its rows are left out, the others kept).

    >>> rows, problems = map_documents(divmod, [("a", (7, 2)), ("b", (1, 0))], "demo", workers=1)
    >>> rows, problems[0][:2]
    ([3, 1], ('b', 'demo'))
    """
    items = list(items)
    n = min(worker_count(total_chars, workers), max(1, len(items)))
    if n == 1:
        return _run_chunk(fn, layer, items)
    rows: list = []
    problems: list = []
    # fork: workers inherit the imported package and the caches of curated data; nothing is re-read.
    with ProcessPoolExecutor(max_workers=n, mp_context=get_context("fork")) as pool:
        futures = [pool.submit(_run_chunk, fn, layer, chunk) for chunk in _chunks(items, 4 * n)]
        for future in futures:  # in submission order: the result does not depend on scheduling
            chunk_rows, chunk_problems = future.result()
            rows.extend(chunk_rows)
            problems.extend(chunk_problems)
    return rows, problems
