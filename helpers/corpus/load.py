"""Load the corpus: seed files, their catalog and the outlet registry, into tidy DataFrames.

``read_tables()`` checks every input before it builds anything: a problem in
any file stops the load with a :class:`CorpusError` that lists each file and
what is wrong with it, so a corpus is never half loaded.

What an article is: a regular file named ``*.txt`` (lower case) directly
inside the seeds folder, or a symbolic link to such a file in the same folder.
Anything else named ``*.txt`` (a directory, a named pipe, a device, a broken,
looping or outside link) is refused by its ``stat``, without being opened; a
catalog row that names anything else (another extension, a path, the catalog
itself) is refused too. A file holding nothing visible (only white space,
control or format characters such as NUL, BOM or zero-width space) is empty.

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
``duplicate``
    (only with ``duplicates="keep_first"``) the file has the same text as an
    earlier one (in file-name order); it is *not* loaded, and the first copy is.

Per document the work is pure (:func:`process_document`: text in, rows out),
so the same code serves five articles or half a million.
"""
from __future__ import annotations

import csv
import errno
import hashlib
import io
import os
import re
import stat
import unicodedata
from functools import lru_cache
from pathlib import Path

import pandas as pd

from helpers.paths import SEEDS_DIR, data_file
from helpers.corpus.pubdate import infer_published
from helpers.corpus.segment import parse_dateline, segment_text
from helpers.corpus.sentences import split_sentences

CATALOG = "catalog.csv"
REGISTRY = "outlets.csv"
ARTICLE_SUFFIX = ".txt"
CATALOG_COLUMNS = ("file", "outlet")
REGISTRY_COLUMNS = ("outlet", "country", "ownership", "media_system", "ambiguous", "alternative_media_system", "evidence")
MEDIA_SYSTEMS = ("state", "independent")
PROBLEM_COLUMNS = ("doc_id", "layer", "error")
DUPLICATE_POLICIES = ("error", "keep_first")
# The language test: a body of English prose has about a third of its words among the common English
# function words of helpers/data/stopwords.csv (the five seeds: 35-42%; English KCNA copy: 25-50%);
# Spanish, Vietnamese or Korean text has almost none (0-3%). A body with fewer words is not tested.
ENGLISH_MIN_SHARE = 0.15
LANGUAGE_MIN_WORDS = 20
_INVISIBLE = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp"})  # control, format and separator characters
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


class CorpusError(ValueError):
    """The seeds cannot be loaded. ``problems`` holds one 'file: what is wrong' line per problem."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"the corpus cannot be loaded ({len(self.problems)} problem(s)):\n{lines}")


# ---------------------------------------------------------------- per document

@lru_cache(maxsize=1)
def english_function_words() -> frozenset[str]:
    """The common English function words of ``helpers/data/stopwords.csv`` (lower case)."""
    return frozenset(pd.read_csv(data_file("stopwords.csv"), dtype=str)["word"].str.strip().str.lower())


def english_share(words: list[str]) -> float:
    """Share of ``words`` that are common English function words (0.0 for no words)."""
    if not words:
        return 0.0
    known = english_function_words()
    return sum(w.lower() in known for w in words) / len(words)


def process_document(doc_id: str, text: str) -> tuple[dict, list[dict], list[dict]]:
    """Segments, body sentences and text-derived fields of one document (pure).

    Returns ``(fields, segments, sentences)``: ``fields`` has title, dateline
    date (``stated``), inferred date, body text, word count and the body's
    share of English function words (``english_share``).
    """
    segments = segment_text(doc_id, text)
    sentences, body_parts, spans = [], [], []
    title = dateline = None
    for seg in segments:
        kind = seg["kind"]
        if kind == "body":
            for a, b in split_sentences(text, seg["start"], seg["end"]):
                spans.append((a, b))
                sentences.append(dict(doc_id=doc_id, sent_id=len(sentences), start=a, end=b, text=text[a:b]))
            body_parts.append(seg["text"].strip())
        elif kind == "headline" and title is None and seg["rule"] == "title":
            title = " ".join(seg["text"].replace("\ufeff", "").split())
        elif kind == "dateline" and dateline is None:
            dateline = seg
    body = "\n".join(body_parts)
    words = _WORD.findall(body)
    fields = dict(title=title, text=body, n_words=len(words), english_share=english_share(words),
                  stated=None, evidence=None, inferred=None)
    if dateline is not None:
        stamp = parse_dateline(dateline["text"])
        if stamp is not None:
            fields["stated"] = stamp
            fields["evidence"] = f"dateline: '{dateline['text'].strip()}'"
    if fields["stated"] is None:
        fields["inferred"] = infer_published(text, spans)
    return fields, segments, sentences


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


# ---------------------------------------------------------------- files

def _kind_problem(path: Path, root: Path | None) -> str | None:
    """Why ``path`` is not a regular file (directly in the resolved folder ``root``, if given),
    judged by ``stat`` alone: nothing is opened."""
    try:
        st = os.lstat(path)
    except OSError as exc:
        return f"cannot be examined ({exc.strerror or exc})"
    if stat.S_ISLNK(st.st_mode):
        try:
            st = os.stat(path)
        except FileNotFoundError:
            return "a broken symbolic link (its target does not exist)"
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                return "a symbolic link that leads back to itself (a loop)"
            return f"a symbolic link that cannot be followed ({exc.strerror or exc})"
        target = Path(os.path.realpath(path))
        if root is not None and target.parent != root:
            return f"a symbolic link to {target}, outside the seeds folder (copy the file in instead)"
    if stat.S_ISDIR(st.st_mode):
        return "a directory, not a file"
    if stat.S_ISFIFO(st.st_mode):
        return "a named pipe (FIFO), not a regular file (it was not opened)"
    if not stat.S_ISREG(st.st_mode):
        return "not a regular file (a socket or a device; it was not opened)"
    return None


def _read_bytes(path: Path, root: Path | None, problems: list[str]) -> bytes | None:
    """The bytes of a regular file (in ``root``, if given), or None with the reason added to ``problems``."""
    why = _kind_problem(path, root)
    if why is None:
        try:  # non-blocking, and checked again on the open file, in case it changed since the stat
            with open(path, "rb", opener=lambda p, flags: os.open(p, flags | getattr(os, "O_NONBLOCK", 0))) as f:
                if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
                    why = "not a regular file (it changed while being read)"
                else:
                    return f.read()
        except OSError as exc:
            why = f"cannot be read ({exc.strerror or exc})"
    problems.append(f"{path}: {why}")
    return None


def _invisible_only(text: str) -> bool:
    """True if every character is white space, a control or a format character (BOM, NUL, zero-width space)."""
    return all(c.isspace() or unicodedata.category(c) in _INVISIBLE for c in text)


def _read_seed(path: Path, root: Path, problems: list[str]) -> tuple[str, str] | None:
    data = _read_bytes(path, root, problems)
    if data is None:
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.append(f"{path}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                        "re-save the file as UTF-8")
        return None
    if _invisible_only(text):
        detail = ""
        if data:
            odd = sorted({f"U+{ord(c):04X}" for c in text if not c.isspace()})
            detail = " (only white space)" if not odd else f" (only white space and invisible characters {', '.join(odd[:5])})"
        problems.append(f"{path}: the file is empty{detail}")
        return None
    return text, hashlib.sha256(data).hexdigest()


def content_digest(text: str) -> str:
    """SHA-256 of the text compared for duplicates: BOM, line endings, spacing and Unicode forms folded."""
    folded = " ".join(unicodedata.normalize("NFC", text.lstrip("\ufeff")).split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def _article_paths(root: Path, problems: list[str]) -> list[Path]:
    """Every entry of ``root`` named ``*.txt``; a name ending in ``.TXT`` or the like is a problem."""
    paths = []
    try:
        names = sorted(os.listdir(root))
    except OSError as exc:
        problems.append(f"{root}: the seeds folder cannot be listed ({exc.strerror or exc})")
        return []
    for name in names:
        if name.endswith(ARTICLE_SUFFIX):
            paths.append(root / name)
        elif name.lower().endswith(ARTICLE_SUFFIX):
            problems.append(f"{root / name}: an article file name must end in lower-case {ARTICLE_SUFFIX}")
    return paths


def _catalog_name_problem(name: str) -> str | None:
    """Why a catalog ``file`` value cannot name an article, or None."""
    if not name:
        return "the file name is empty"
    if "/" in name or "\\" in name or name in (".", "..") or "\0" in name:
        return "names a path, not a file directly in the seeds folder"
    if not name.endswith(ARTICLE_SUFFIX):
        if name.lower().endswith(ARTICLE_SUFFIX):
            return f"an article file name must end in lower-case {ARTICLE_SUFFIX}"
        return f"is not an article file (articles are {ARTICLE_SUFFIX} files)"
    return None


# ---------------------------------------------------------------- tables

def _ragged(path: Path, rows: list[tuple[int, list[str]]], width: int, header: list[str]) -> str | None:
    bad = [(line, len(fields)) for line, fields in rows if len(fields) != width]
    if not bad:
        return None
    counts = sorted({n for _, n in bad})
    lines = ", ".join(str(line) for line, _ in bad[:10]) + (f" and {len(bad) - 10} more" if len(bad) > 10 else "")
    return (f"{path}: {len(bad)} row(s) (line {lines}) have {' or '.join(map(str, counts))} fields, but the header "
            f"has {width} ({', '.join(header)}); a field too many or too few (an unquoted comma?)")


def _read_table(path: Path, required: tuple[str, ...], problems: list[str]) -> pd.DataFrame | None:
    """A CSV table, every field a stripped string; None (with the problem listed) if it cannot be used."""
    if not os.path.lexists(path):
        problems.append(f"{path}: file is missing")
        return None
    data = _read_bytes(path, None, problems)
    if data is None:
        return None
    try:
        reader = csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), strict=True)
        rows = [(reader.line_num, [f.strip() for f in fields]) for fields in reader]
    except (UnicodeDecodeError, csv.Error) as exc:
        problems.append(f"{path}: cannot be read as UTF-8 CSV ({exc})")
        return None
    rows = [(line, fields) for line, fields in rows if any(fields)]  # blank lines
    if not rows:
        problems.append(f"{path}: the table is empty (no header)")
        return None
    header = rows[0][1]
    missing = [c for c in required if c not in header]
    repeated = sorted({c for c in header if header.count(c) > 1})
    why = ((f"{path}: missing column(s) {', '.join(missing)}" if missing else None)
           or (f"{path}: column(s) {', '.join(repeated)} appear more than once" if repeated else None)
           or _ragged(path, rows[1:], len(header), header))
    if why:
        problems.append(why)
        return None
    return pd.DataFrame([fields for _, fields in rows[1:]], columns=header, dtype=str)


def _check_registry(registry: pd.DataFrame, where_table: Path, problems: list[str]) -> None:
    for outlet, n in registry["outlet"].value_counts().items():
        if n > 1:
            problems.append(f"{where_table}: outlet {outlet!r} is listed {n} times")
    for row in registry.to_dict("records"):
        where = f"{where_table}: outlet {row['outlet']!r}"
        if row["media_system"] not in MEDIA_SYSTEMS:
            problems.append(f"{where}: media_system {row['media_system']!r} is not one of {', '.join(MEDIA_SYSTEMS)}")
        if not re.fullmatch(r"[A-Z]{3}", row["country"]):
            problems.append(f"{where}: country {row['country']!r} is not an ISO 3166-1 alpha-3 code")
        if row["ambiguous"].lower() not in ("true", "false"):
            problems.append(f"{where}: ambiguous must be true or false, not {row['ambiguous']!r}")
        elif row["ambiguous"].lower() == "true" and row["alternative_media_system"] not in MEDIA_SYSTEMS:
            problems.append(f"{where}: ambiguous outlet needs an alternative_media_system")
        if not row["evidence"]:
            problems.append(f"{where}: no evidence for the classification")


def _check_catalog(catalog: pd.DataFrame, root: Path, present: set[str], registry: pd.DataFrame | None,
                   problems: list[str]) -> dict[str, dict]:
    """The catalog rows by file name; every row must name an article file present in ``root``."""
    rows: dict[str, dict] = {}
    outlets = set(registry["outlet"]) if registry is not None else None
    for row in catalog.to_dict("records"):
        name = row["file"]
        where = f"{root / CATALOG}: row for {name!r}"
        if name in rows:
            problems.append(f"{where}: the file is listed twice")
            continue
        rows[name] = row
        why = _catalog_name_problem(name)
        if why is None and name not in present:
            why = f"no such seed file in {root}"
        if why:
            problems.append(f"{where}: {why}")
        if outlets is not None and row["outlet"] not in outlets:
            problems.append(f"{where}: outlet {row['outlet']!r} is not in the registry {root / REGISTRY}")
        if row.get("published") and _parse_catalog_date(row["published"]) is None:
            problems.append(f"{where}: published {row['published']!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    return rows


def _parse_catalog_date(value: str) -> tuple[pd.Timestamp, str] | None:
    for fmt, precision in (("%Y-%m-%d", "day"), ("%Y-%m", "month"), ("%Y", "year")):
        try:
            return pd.to_datetime(value, format=fmt), precision
        except (ValueError, TypeError):
            continue
    return None


# ---------------------------------------------------------------- the load

def read_tables(seeds_dir: str | Path | None = None, duplicates: str = "error") -> dict[str, pd.DataFrame]:
    """Read every ``*.txt`` article in ``seeds_dir`` (default: the repository's ``seeds/``).

    ``seeds_dir`` also holds ``catalog.csv`` (one row per article file: file,
    outlet and optional published, title, url, note) and ``outlets.csv`` (the
    outlet registry). Raises :class:`CorpusError` listing every problem found.
    ``duplicates="error"`` (the default) refuses two files with the same text;
    ``"keep_first"`` loads the first (in file-name order) and lists the others
    in ``problems``. Returns the tables documents, segments, sentences,
    outlets and problems (see the module docstring).
    """
    if duplicates not in DUPLICATE_POLICIES:
        raise ValueError(f"duplicates must be one of {', '.join(DUPLICATE_POLICIES)}, not {duplicates!r}")
    root = Path(seeds_dir) if seeds_dir is not None else SEEDS_DIR
    if not root.is_dir():
        raise CorpusError([f"{root}: seeds folder does not exist"])
    real_root = Path(os.path.realpath(root))
    problems: list[str] = []
    notes: list[dict] = []
    catalog = _read_table(root / CATALOG, CATALOG_COLUMNS, problems)
    registry = _read_table(root / REGISTRY, REGISTRY_COLUMNS, problems)

    paths = _article_paths(root, problems)
    seeds: dict[str, tuple[Path, str, str]] = {}
    readable: list[str] = []
    first_by_digest: dict[str, str] = {}
    for path in paths:
        read = _read_seed(path, real_root, problems)
        if read is None:
            continue
        readable.append(path.name)
        text, digest = read
        first = first_by_digest.setdefault(content_digest(text), path.name)
        if first != path.name:
            if duplicates == "error":
                problems.append(f"{path}: same text as {first} (a duplicate article)")
            else:
                notes.append(dict(doc_id=path.stem, layer="duplicate",
                                  error=f"same text as {first}: not loaded (the first copy is)"))
            continue
        seeds[path.name] = (path, text, digest)
    if not paths and not problems:
        problems.append(f"{root}: no *{ARTICLE_SUFFIX} article files")

    if registry is not None:
        _check_registry(registry, root / REGISTRY, problems)
    catalog_rows: dict[str, dict] = {}
    if catalog is not None:
        catalog_rows = _check_catalog(catalog, root, {p.name for p in paths}, registry, problems)
        for name in readable:
            if name not in catalog_rows:
                problems.append(f"{root / name}: no row in {root / CATALOG} "
                                "(add file, outlet and, if the page has no date, published)")
    if problems:
        raise CorpusError(problems)
    return _build(seeds, catalog_rows, registry, notes)


def _publication(fields: dict, cat: dict, text: str) -> tuple:
    """(published, precision, basis, evidence): the dateline, else the catalog, else inferred from the text."""
    if fields["stated"] is not None:
        return fields["stated"], "day", "stated", fields["evidence"]
    if cat.get("published"):
        published, precision = _parse_catalog_date(cat["published"])
        return published, precision, "catalog", f"catalog.csv published = {cat['published']}"
    if fields["inferred"] is not None:
        inf = fields["inferred"]
        return (inf.published, inf.precision, "inferred",
                f"{inf.evidence}, from '{text[inf.start:inf.end]}' [{inf.start}:{inf.end}]")
    return pd.NaT, None, "unknown", "no dateline, no catalog date, no dating statement"


def _build(seeds: dict, catalog_rows: dict, registry: pd.DataFrame, notes: list[dict]) -> dict[str, pd.DataFrame]:
    by_outlet = registry.set_index("outlet").to_dict("index")
    docs, all_segments, all_sentences, all_problems = [], [], [], []
    for name, (path, text, digest) in seeds.items():
        doc_id = path.stem
        fields, segments, sentences = process_document(doc_id, text)
        all_segments.extend(segments)
        all_sentences.extend(sentences)
        all_problems.extend(document_problems(doc_id, fields))
        cat = catalog_rows[name]
        outlet = by_outlet[cat["outlet"]]
        published, precision, basis, evidence = _publication(fields, cat, text)
        docs.append(dict(
            doc_id=doc_id, file=name, sha256=digest, outlet=cat["outlet"], outlet_country=outlet["country"],
            media_system=outlet["media_system"], title=fields["title"] or cat.get("title") or None,
            published=published, published_precision=precision, published_basis=basis,
            published_evidence=evidence, n_words=fields["n_words"], text=fields["text"], raw=text,
        ))
    documents = pd.DataFrame(docs).set_index("doc_id")
    documents["published"] = pd.to_datetime(documents["published"])
    segments = pd.DataFrame(all_segments, columns=["doc_id", "seq", "start", "end", "kind", "rule", "text"])
    sentences = pd.DataFrame(all_sentences, columns=["doc_id", "sent_id", "start", "end", "text"])
    problems = pd.DataFrame(notes + all_problems, columns=list(PROBLEM_COLUMNS))
    problems = problems.sort_values(["doc_id", "layer"], kind="stable").reset_index(drop=True)
    outlets = registry.reset_index(drop=True)
    outlets["ambiguous"] = outlets["ambiguous"].str.lower().eq("true")
    return dict(documents=documents, segments=segments, sentences=sentences, outlets=outlets, problems=problems)
