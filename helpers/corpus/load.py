"""Load the corpus: seed files, their catalog and the outlet registry, into tidy DataFrames.

``read_tables()`` checks every input before it builds anything: a problem in
any file stops the load with a :class:`CorpusError` that lists each file and
what is wrong with it, so a corpus is never half loaded.

What an article is, and the checks of the files, catalog and registry, are in
:mod:`helpers.corpus.files`.

Some problems do not stop the load; they are listed in the ``problems`` table
(``doc_id``, ``layer``, ``error``), and the document stays loaded:

``language``
    the body is mostly not English (:func:`english_share` below
    :data:`ENGLISH_MIN_SHARE`). Later layers do not read ``problems``: they
    analyse such a document like any other, and their English rules find
    little or nothing in it (no dates, mentions or visits; frame scores near
    zero). Leave it out of comparisons by its ``doc_id``.
``segment``
    no line of the file was recognised as body prose, so the document has no
    sentences and later layers find nothing in it.
``published``
    the catalog's ``published`` contradicts the date the page prints (a
    different day, month or year at the precision both have): the error names
    the file, both dates and which one is used (the printed one;
    :func:`helpers.corpus.pubdate.decide_publication`).
``duplicate``
    (only with ``duplicates="keep_first"``) the file has the same text as an
    earlier one (in file-name order); it is *not* loaded, and the first copy is.

Per document the work is pure (:func:`process_document`: text in, rows out),
so the same code serves five articles or half a million.
"""
from __future__ import annotations

import hashlib
import os
import sys
from array import array
from itertools import chain
from pathlib import Path

import numpy as np
import pandas as pd

from helpers.parallel import map_documents, no_gc
from helpers.paths import SEEDS_DIR
from helpers.corpus.files import (ARTICLE_SUFFIX, CATALOG, REGISTRY, FirstCopies, article_names, check_catalog,
                                   check_registry, decoded, duplicate_key, parse_catalog_date, read_seed, read_table)
from helpers.corpus.printed_date import check_date_orders, read_agency_dateline, read_stamp, stamp_of
from helpers.corpus.pubdate import decide_publication, infer_published
from helpers.corpus.segment import _segment
from helpers.corpus.sentences import split_paragraphs
# The language test's word count (english_share, english_function_words: kept importable from here).
from helpers.corpus.words import english_function_words, english_share, word_stats  # noqa: F401

CATALOG_COLUMNS = ("file", "outlet")
REGISTRY_COLUMNS = ("outlet", "country", "ownership", "media_system", "ambiguous", "alternative_media_system", "evidence")
PROBLEM_COLUMNS = ("doc_id", "layer", "error")
DUPLICATE_POLICIES = ("error", "keep_first")
# The language test: a body of English prose has about a third of its words among the common English
# function words of helpers/data/stopwords.csv (the five seeds: 35-42%; English KCNA copy: 25-50%);
# Spanish, Vietnamese or Korean text has almost none (0-3%). A body with fewer words is not tested.
ENGLISH_MIN_SHARE = 0.15
LANGUAGE_MIN_WORDS = 20


class CorpusError(ValueError):
    """The seeds cannot be loaded. ``problems`` holds one 'file: what is wrong' line per problem."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"the corpus cannot be loaded ({len(self.problems)} problem(s)):\n{lines}")


# ---------------------------------------------------------------- per document

def process_document(doc_id: str, text: str) -> tuple[dict, list[tuple], list[tuple]]:
    """Segments, body sentences and text-derived fields of one document (pure).

    Returns ``(fields, segments, sentences)``: ``fields`` has title, the
    printed dates (``stamp``: the date stamp by the headline; ``agency``: the
    agency dateline; :mod:`helpers.corpus.printed_date`), the inferred date
    (only when no printed date fixes the day), word count and the body's share
    of English function words (``english_share``: exact below :data:`ENGLISH_MIN_SHARE`, which is all the
    language test needs; above it, what the first half of the body shows); ``segments`` are
    ``(doc_id, seq, start, end, kind, rule)`` and ``sentences``
    ``(doc_id, sent_id, start, end)`` rows: offsets into ``text``, which alone
    holds the characters (the tables derive theirs on demand).
    """
    fields, segments, spans = _read_document(text)
    rows = [(doc_id, seq, *segment) for seq, segment in enumerate(segments)]
    return fields, rows, [(doc_id, i, a, b) for i, (a, b) in enumerate(spans)]


def _read_document(text: str) -> tuple[dict, list[tuple], list[tuple[int, int]]]:
    """:func:`process_document` without the row numbering: ``(fields, segments, sentences)`` with segments
    as ``(start, end, kind, rule)`` and sentences as ``(start, end)``."""
    segments, stamps = _segment(text)
    body = [(a, b) for a, b, kind, _ in segments if kind == "body"]
    spans = split_paragraphs(text, body)
    n_words, share = word_stats(body_text(text, body), at_least=ENGLISH_MIN_SHARE)  # exact below the bar
    fields = dict(title=None, n_words=n_words, english_share=share, stamp=None, agency=None, inferred=None)
    for a, b, kind, rule in segments:
        if kind == "headline" and rule == "title" and fields["title"] is None:
            fields["title"] = " ".join(text[a:b].replace("\ufeff", "").split())
        elif kind == "dateline" and rule == "dateline" and fields["stamp"] is None:
            line = text[a:b]
            dates = stamps.get(line.strip())  # the dates segmentation read in this line (the same line, stripped)
            fields["stamp"] = read_stamp(line) if dates is None else stamp_of(line, dates)
        elif kind == "dateline" and rule == "agency-dateline" and fields["agency"] is None:
            fields["agency"] = read_agency_dateline(text[a:b])
    if not any(s is not None and s.precision == "day" for s in (fields["stamp"], fields["agency"])):
        fields["inferred"] = infer_published(text, spans)
    return fields, segments, spans


def _offset_table(doc_ids: list[str], offsets: list[array], columns: list[str], labels=None) -> pd.DataFrame:
    """One table from each document's ``array('q')`` of (start, end) pairs: doc_id, a running number, start,
    end and (for segments) kind and rule."""
    counts = np.fromiter(map(len, offsets), dtype=np.int64, count=len(offsets)) // 2
    pairs = np.frombuffer(b"".join(offsets), dtype=np.int64).reshape(-1, 2)
    firsts = np.repeat(np.cumsum(counts) - counts, counts)  # each row's document's first row
    data = {columns[0]: np.repeat(np.array(doc_ids, dtype=object), counts),
            columns[1]: np.arange(len(pairs), dtype=np.int64) - firsts, "start": pairs[:, 0], "end": pairs[:, 1]}
    if labels is not None:
        data["kind"] = [k for doc in labels for k, _ in doc]
        data["rule"] = [r for doc in labels for _, r in doc]
    return pd.DataFrame(data, columns=columns)


def body_text(raw: str, segments) -> str:
    """A document's body: the text of its body segments (``(start, end)`` pairs), stripped, one per line."""
    return "\n".join(raw[a:b].strip() for a, b in segments)


def document_problems(doc_id: str, fields: dict) -> list[dict]:
    """Rows of the ``problems`` table for one processed document: no body, or a body mostly not English."""
    if fields["n_words"] == 0:
        return [dict(doc_id=doc_id, layer="segment",
                     error="no body text: no line was recognised as prose, so no sentences")]
    if fields["n_words"] >= LANGUAGE_MIN_WORDS and fields["english_share"] < ENGLISH_MIN_SHARE:
        return [dict(doc_id=doc_id, layer="language", error=(
            f"the body is mostly not English: {fields['english_share']:.0%} of its {fields['n_words']} words "
            f"are common English function words (at least {ENGLISH_MIN_SHARE:.0%} expected)"))]
    return []


# ---------------------------------------------------------------- the load

def read_tables(seeds_dir: str | Path | None = None, duplicates: str = "error",
                workers: int | None = None) -> dict[str, pd.DataFrame]:
    """Read every ``*.txt`` article in ``seeds_dir`` (default: the repository's ``seeds/``).

    ``seeds_dir`` also holds ``catalog.csv`` (one row per article file: file,
    outlet and optional published, title, url, note) and ``outlets.csv`` (the
    outlet registry). Raises :class:`CorpusError` listing every problem found.
    ``duplicates="error"`` (the default) refuses two files with the same text;
    ``"keep_first"`` loads the first (in file-name order) and lists the others
    in ``problems``. Returns the tables documents, segments, sentences,
    outlets and problems (see the module docstring). The tables keep offsets,
    not text: ``documents["raw"]`` holds each file's text once, and
    :class:`helpers.pipeline.Corpus` derives the text columns on demand.
    ``workers`` processes read and segment the documents (default: see
    :func:`helpers.parallel.worker_count`).
    """
    with no_gc():  # the load makes many objects and no reference cycles: no collection need visit them
        return _read_tables(seeds_dir, duplicates, workers)


def _read_tables(seeds_dir: str | Path | None, duplicates: str, workers: int | None) -> dict[str, pd.DataFrame]:
    if duplicates not in DUPLICATE_POLICIES:
        raise ValueError(f"duplicates must be one of {', '.join(DUPLICATE_POLICIES)}, not {duplicates!r}")
    root = Path(seeds_dir) if seeds_dir is not None else SEEDS_DIR
    if not root.is_dir():
        raise CorpusError([f"{root}: seeds folder does not exist"])
    problems: list[str] = []
    notes: list[dict] = []
    catalog = read_table(root / CATALOG, CATALOG_COLUMNS, problems)
    registry = read_table(root / REGISTRY, REGISTRY_COLUMNS, problems)

    names = article_names(root, problems)
    seeds: dict[str, tuple[str, bytes, str]] = {}  # doc_id -> (file name, bytes, sha256)
    readable: list[str] = []
    first_copies = FirstCopies()
    for name, (read_problems, read) in zip(names, _read_files(root, names, workers)):
        problems.extend(read_problems)
        if read is None:
            continue
        readable.append(name)
        data, digest, key = read
        first = first_copies.first(name, None, data, key)
        if first != name:
            if duplicates == "error":
                problems.append(f"{root / name}: same text as {first} (a duplicate article)")
            else:
                notes.append(dict(doc_id=_stem(name), layer="duplicate",
                                  error=f"same text as {first}: not loaded (the first copy is)"))
            continue
        seeds[_stem(name)] = (name, data, digest)
    if not names and not problems:
        problems.append(f"{root}: no *{ARTICLE_SUFFIX} article files")

    if registry is not None:
        check_registry(registry, root / REGISTRY, problems)
        check_date_orders(registry, root / REGISTRY, problems)
    catalog_rows: dict[str, dict] = {}
    if catalog is not None:
        catalog_rows = check_catalog(catalog, root, set(names), registry, problems)
        for name in readable:
            if name not in catalog_rows:
                problems.append(f"{root / name}: no row in {root / CATALOG} "
                                "(add file, outlet and, if the page has no date, published)")
    if problems:
        raise CorpusError(problems)
    return _build(seeds, catalog_rows, registry, notes, workers)


# A pool pays off for reading when the files hold a few MB (helpers.parallel.worker_count): the file sizes are
# not known before reading, so they are estimated at this many bytes each (a short news article).
ARTICLE_BYTES_ESTIMATE = 4_000


def _read_files(root: Path, names: list[str], workers: int | None) -> list[tuple[list[str], tuple | None]]:
    """For each file of ``names`` in ``root``, in order: the problems found reading it, and
    ``(bytes, sha256, duplicate key)`` or None (:func:`helpers.corpus.files.read_seed`). Files are read by
    ``workers`` processes; one that fails unexpectedly is a problem too."""
    items = [(name, (name,)) for name in names]
    # The files' paths as text, as ``root / name`` prints (made without a Path object per file).
    prefix = "" if str(root) == "." else str(root)
    read, failed = map_documents(_read_file, items, "read", shared=(prefix, Path(os.path.realpath(root))),
                                 workers=workers, total_chars=len(names) * ARTICLE_BYTES_ESTIMATE)
    by_name = dict(read)
    for name, _, error in failed:
        by_name[name] = ([f"{root / name}: cannot be read ({error})"], None)
    return [by_name[name] for name in names]


def _read_file(roots: tuple[str, Path], name: str) -> list[tuple[str, tuple]]:
    prefix, real_root = roots
    problems: list[str] = []
    read = read_seed(os.path.join(prefix, name), real_root, problems)
    if read is None:
        return [(name, (problems, None))]
    text, digest, data = read
    # The key's digest stands for it (16 bytes to send and keep, not 200 characters): two texts with the same
    # digest are compared by their content digest in any case (helpers.corpus.files.FirstCopies).
    head, tail = duplicate_key(text)
    key = hashlib.blake2b(f"{head}\0{tail}".encode("utf-8"), digest_size=16).digest()
    return [(name, (problems, (data, digest, key)))]


def _stem(name: str) -> str:
    """A file name without its suffix, as ``pathlib.PurePath.stem`` has it ('a.txt': 'a'; '.txt': '.txt')."""
    i = name.rfind(".")
    return name[:i] if 0 < i < len(name) - 1 else name


def _publication(fields: dict, cat: dict, outlet: dict):
    """The printed date, else the catalog's, else the one inferred from the text
    (:func:`helpers.corpus.pubdate.decide_publication`); all-number dates read in the outlet's
    ``date_order`` (an optional column of the outlet registry)."""
    catalog = None
    if cat.get("published"):
        catalog = (*parse_catalog_date(cat["published"]), cat["published"])
    return decide_publication(fields["stamp"], fields["agency"], catalog, fields["inferred"],
                              fields.get("inferred_quote", ""), outlet.get("date_order") or None)


DOCUMENT_COLUMNS = ["doc_id", "file", "sha256", "outlet", "outlet_country", "media_system", "title", "published",
                    "published_precision", "published_basis", "published_evidence", "n_words", "raw"]
SEGMENT_COLUMNS = ["doc_id", "seq", "start", "end", "kind", "rule"]
SENTENCE_COLUMNS = ["doc_id", "sent_id", "start", "end"]


def _load_document(shared: tuple, doc_id: str) -> list[tuple]:
    """One document for :func:`helpers.parallel.map_documents` (``shared``: the seeds, catalog rows and
    outlets, inherited by worker processes): its row of the documents table (without ``raw``, which the
    caller holds), its problems, and its segments and sentences as machine integers and shared strings,
    so a corpus's offsets are never millions of Python objects."""
    seeds, catalog_rows, by_outlet = shared
    name, data, digest = seeds[doc_id]
    text = decoded(data)
    fields, segments, spans = _read_document(text)
    if fields["inferred"] is not None:  # the words a date was inferred from, quoted in the evidence
        fields["inferred_quote"] = text[fields["inferred"].start:fields["inferred"].end]
    problems = document_problems(doc_id, fields)
    cat = catalog_rows[name]
    outlet = by_outlet[cat["outlet"]]
    pub = _publication(fields, cat, outlet)
    if pub.problem:
        problems.append(dict(doc_id=doc_id, layer="published", error=f"{name}: {pub.problem}"))
    row = (doc_id, name, digest, cat["outlet"], outlet["country"], outlet["media_system"],
           fields["title"] or cat.get("title") or None, pub.published, pub.precision, pub.basis, pub.evidence,
           fields["n_words"])
    seg_offsets = array("q", [x for a, b, _, _ in segments for x in (a, b)])
    labels = tuple((sys.intern(kind), sys.intern(rule)) for *_, kind, rule in segments)
    return [(row, problems, seg_offsets, labels, array("q", chain.from_iterable(spans)))]


def _load_tables(rows: list[tuple]) -> tuple[list, list, pd.DataFrame, pd.DataFrame]:
    """The rows of :func:`_load_document` for some documents as (document rows, problems, segments table,
    sentences table): built by each worker for its documents."""
    ids = [r[0][0] for r in rows]
    return ([r[0] for r in rows], [p for r in rows for p in r[1]],
            _offset_table(ids, [r[2] for r in rows], SEGMENT_COLUMNS, [r[3] for r in rows]),
            _offset_table(ids, [r[4] for r in rows], SENTENCE_COLUMNS))


def _build(seeds: dict, catalog_rows: dict, registry: pd.DataFrame, notes: list[dict],
           workers: int | None = None) -> dict[str, pd.DataFrame]:
    by_outlet = registry.set_index("outlet").to_dict("index")
    items = [(d, (d,)) for d in seeds]
    (docs, doc_problems, segments, sentences), failed = map_documents(
        _load_document, items, "load", shared=(seeds, catalog_rows, by_outlet), workers=workers,
        total_chars=sum(len(data) for _, data, _ in seeds.values()), frame=_load_tables)
    all_problems = [dict(doc_id=d, layer=layer, error=f"{error}: the document is not loaded")
                    for d, layer, error in failed] + doc_problems
    documents = pd.DataFrame([(*row, seeds[row[0]][1]) for row in docs], columns=DOCUMENT_COLUMNS).set_index("doc_id")
    del docs
    documents["published"] = pd.to_datetime(documents["published"])
    problems = pd.DataFrame(notes + all_problems, columns=list(PROBLEM_COLUMNS))
    problems = problems.sort_values(["doc_id", "layer"], kind="stable").reset_index(drop=True)
    outlets = registry.reset_index(drop=True)
    outlets["ambiguous"] = outlets["ambiguous"].str.lower().eq("true")
    return dict(documents=documents, segments=segments, sentences=sentences, outlets=outlets, problems=problems)
