"""Load the corpus: seed files, their catalog and the outlet registry, into tidy DataFrames.

``load_corpus()`` checks every input before it builds anything: a problem in
any file stops the load with a :class:`CorpusError` that lists each file and
what is wrong with it, so a corpus is never half loaded.

Per document the work is pure (:func:`process_document`: text in, rows out),
so the same code serves five articles or half a million.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

import pandas as pd

from helpers.paths import SEEDS_DIR
from helpers.corpus.pubdate import infer_published
from helpers.corpus.segment import parse_dateline, segment_text
from helpers.corpus.sentences import split_sentences

CATALOG = "catalog.csv"
REGISTRY = "outlets.csv"
CATALOG_COLUMNS = ("file", "outlet")
REGISTRY_COLUMNS = ("outlet", "country", "ownership", "media_system", "ambiguous", "alternative_media_system", "evidence")
MEDIA_SYSTEMS = ("state", "independent")
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


class CorpusError(ValueError):
    """The seeds cannot be loaded. ``problems`` holds one 'file: what is wrong' line per problem."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"the corpus cannot be loaded ({len(self.problems)} problem(s)):\n{lines}")


# ---------------------------------------------------------------- per document

def process_document(doc_id: str, text: str) -> tuple[dict, list[dict], list[dict]]:
    """Segments, body sentences and text-derived fields of one document (pure).

    Returns ``(fields, segments, sentences)``: ``fields`` has title, dateline
    date (``stated``), inferred date, body text and word count.
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
    fields = dict(title=title, text=body, n_words=len(_WORD.findall(body)), stated=None, evidence=None, inferred=None)
    if dateline is not None:
        stamp = parse_dateline(dateline["text"])
        if stamp is not None:
            fields["stated"] = stamp
            fields["evidence"] = f"dateline: '{dateline['text'].strip()}'"
    if fields["stated"] is None:
        fields["inferred"] = infer_published(text, spans)
    return fields, segments, sentences


# ---------------------------------------------------------------- inputs and checks

def _read_table(path: Path, required: tuple[str, ...], problems: list[str]) -> pd.DataFrame | None:
    if not path.is_file():
        problems.append(f"{path}: file is missing")
        return None
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        problems.append(f"{path}: cannot be read as UTF-8 CSV ({exc})")
        return None
    table.columns = [c.strip() for c in table.columns]
    missing = [c for c in required if c not in table.columns]
    if missing:
        problems.append(f"{path}: missing column(s) {', '.join(missing)}")
        return None
    return table.apply(lambda col: col.str.strip())


def _parse_catalog_date(value: str) -> tuple[pd.Timestamp, str] | None:
    for fmt, precision in (("%Y-%m-%d", "day"), ("%Y-%m", "month"), ("%Y", "year")):
        try:
            return pd.to_datetime(value, format=fmt), precision
        except (ValueError, TypeError):
            continue
    return None


def _content_key(text: str) -> str:
    """Text compared for duplicates: BOM, line endings, spacing and Unicode forms folded."""
    return " ".join(unicodedata.normalize("NFC", text.lstrip("\ufeff")).split())


def _read_seed(path: Path, problems: list[str]) -> tuple[str, str] | None:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.append(f"{path}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                        "re-save the file as UTF-8")
        return None
    if not text.lstrip("\ufeff").strip():
        problems.append(f"{path}: the file is empty" + (" (only white space)" if data else ""))
        return None
    return text, hashlib.sha256(data).hexdigest()


def read_tables(seeds_dir: str | Path | None = None) -> dict[str, pd.DataFrame]:
    """Read every ``*.txt`` article in ``seeds_dir`` (default: the repository's ``seeds/``).

    ``seeds_dir`` also holds ``catalog.csv`` (one row per article file: file,
    outlet and optional published, title, url, note) and ``outlets.csv`` (the
    outlet registry). Raises :class:`CorpusError` listing every problem found.
    """
    root = Path(seeds_dir) if seeds_dir is not None else SEEDS_DIR
    if not root.is_dir():
        raise CorpusError([f"{root}: seeds folder does not exist"])
    problems: list[str] = []
    catalog = _read_table(root / CATALOG, CATALOG_COLUMNS, problems)
    registry = _read_table(root / REGISTRY, REGISTRY_COLUMNS, problems)

    seeds: dict[str, tuple[Path, str, str]] = {}
    by_content: dict[str, Path] = {}
    for path in sorted(root.glob("*.txt")):
        read = _read_seed(path, problems)
        if read is None:
            continue
        text, digest = read
        key = _content_key(text)
        if key in by_content:
            problems.append(f"{path}: same text as {by_content[key].name} (a duplicate article)")
            continue
        by_content[key] = path
        seeds[path.name] = (path, text, digest)
    if not seeds and not problems:
        problems.append(f"{root}: no *.txt article files")

    if registry is not None:
        for outlet, n in registry["outlet"].value_counts().items():
            if n > 1:
                problems.append(f"{root / REGISTRY}: outlet {outlet!r} is listed {n} times")
        for row in registry.to_dict("records"):
            where = f"{root / REGISTRY}: outlet {row['outlet']!r}"
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

    catalog_rows: dict[str, dict] = {}
    if catalog is not None:
        for row in catalog.to_dict("records"):
            name = row["file"]
            where = f"{root / CATALOG}: row for {name!r}"
            if name in catalog_rows:
                problems.append(f"{where}: the file is listed twice")
                continue
            catalog_rows[name] = row
            if not (root / name).is_file():
                problems.append(f"{where}: no such seed file in {root}")
            if registry is not None and row["outlet"] not in set(registry["outlet"]):
                problems.append(f"{where}: outlet {row['outlet']!r} is not in the registry {root / REGISTRY}")
            if row.get("published") and _parse_catalog_date(row["published"]) is None:
                problems.append(f"{where}: published {row['published']!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        for name, (path, _, _) in seeds.items():
            if name not in catalog_rows:
                problems.append(f"{path}: no row in {root / CATALOG} (add file, outlet and, if the page has no date, published)")
    if problems:
        raise CorpusError(problems)
    return _build(seeds, catalog_rows, registry)


def _build(seeds: dict, catalog_rows: dict, registry: pd.DataFrame) -> dict[str, pd.DataFrame]:
    by_outlet = registry.set_index("outlet").to_dict("index")
    docs, all_segments, all_sentences = [], [], []
    for name, (path, text, digest) in seeds.items():
        doc_id = path.stem
        fields, segments, sentences = process_document(doc_id, text)
        all_segments.extend(segments)
        all_sentences.extend(sentences)
        cat = catalog_rows[name]
        outlet = by_outlet[cat["outlet"]]
        published, precision, basis, evidence = pd.NaT, None, "unknown", "no dateline, no catalog date, no dating statement"
        if fields["stated"] is not None:
            published, precision, basis, evidence = fields["stated"], "day", "stated", fields["evidence"]
        elif cat.get("published"):
            published, precision = _parse_catalog_date(cat["published"])
            basis, evidence = "catalog", f"catalog.csv published = {cat['published']}"
        elif fields["inferred"] is not None:
            inf = fields["inferred"]
            published, precision, basis = inf.published, inf.precision, "inferred"
            evidence = f"{inf.evidence}, from '{text[inf.start:inf.end]}' [{inf.start}:{inf.end}]"
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
    outlets = registry.reset_index(drop=True)
    outlets["ambiguous"] = outlets["ambiguous"].str.lower().eq("true")
    return dict(documents=documents, segments=segments, sentences=sentences, outlets=outlets)
