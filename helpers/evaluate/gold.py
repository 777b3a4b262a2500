"""A hand coding of a corpus folder, read and checked: the gold standard the extractors are scored on.

A gold folder holds up to four CSV files (UTF-8, with a header), each row naming an article by its
``file`` in the corpus folder:

``covered.csv`` (``file``)
    every article the coding covers. A covered article with no row in ``visits.csv`` has no visit in
    scope; an article not covered was not coded, and nothing found in it counts as right or wrong.
    Without this file, the articles of ``documents.csv`` are the covered ones (said in the report).
``documents.csv`` (``file, published, published_precision, basis_expected``)
    the publication date as ISO 8601 at its precision (``day``, ``month``, ``year``) and where a reader
    finds it (``stated`` on the page, ``catalog`` where the page gives no full date, ``inferred``).
``timexes.csv`` (``file, text, value``)
    temporal expressions: the exact text and its ISO 8601 value (``start/end`` for a range, a decade by
    its first three digits, a duration as ``P55Y``, empty where the text does not fix it). A selection of
    the harder expressions, not every one: it measures recall and values, not precision. The nth row of
    a text is its nth whole-word occurrence in the article's body, unless the optional column
    ``occurrence`` gives the number.
``visits.csv`` (``file, visitor, from_country, to_country, date_start, date_end, strictness``)
    trips between countries (see ``evaluation/VISITS_CODEBOOK.md``): the visitor as named (the head of a
    delegation), ISO 3166-1 alpha-3 countries, the trip's dates at the precision the text gives (empty
    where it gives none), ``strict`` (clearly stated) or ``optional`` (implied). Optional columns:
    ``status`` (occurred, planned), ``span_start``, ``span_end`` (the evidence's offsets: no text of the
    article is kept), ``note``. The older column names ``start``/``end`` for the dates are read too.

Every problem (a missing column, a file not in the corpus folder, a bad value) is reported together,
naming the gold file and row.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

PRECISIONS = ("day", "month", "year")
BASES = ("stated", "catalog", "inferred")
STRICTNESS = ("strict", "optional")
REQUIRED = {
    "covered.csv": ("file",),
    "documents.csv": ("file", "published", "published_precision", "basis_expected"),
    "timexes.csv": ("file", "text", "value"),
    "visits.csv": ("file", "visitor", "from_country", "to_country", "date_start", "date_end", "strictness"),
}
_ISO = re.compile(r"^\d{3}(?:\d(?:-\d{2}(?:-\d{2})?)?)?$")  # 199 (a decade), 1995, 1995-07, 1995-07-08


class GoldError(ValueError):
    """The gold folder cannot be read; ``problems`` lists each file, row and what is wrong."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        super().__init__("the hand coding cannot be read:\n" + "\n".join(f"  - {p}" for p in self.problems))


@dataclass(frozen=True)
class Gold:
    """A checked hand coding: the covered files and the coded tables (empty where a file is absent)."""

    folder: Path
    covered: frozenset[str]
    coverage_source: str          # 'covered.csv' or 'documents.csv'
    documents: pd.DataFrame
    timexes: pd.DataFrame
    visits: pd.DataFrame


def _read(path: Path, problems: list[str]) -> pd.DataFrame | None:
    if not path.is_file():
        return None
    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        problems.append(f"{path}: cannot be read as UTF-8 CSV ({exc})")
        return None
    df.columns = [c.strip() for c in df.columns]
    if path.name == "visits.csv" and "date_start" not in df.columns and {"start", "end"} <= set(df.columns):
        df = df.rename(columns={"start": "date_start", "end": "date_end"})  # the older format: dates as start, end
    missing = [c for c in REQUIRED[path.name] if c not in df.columns]
    if missing:
        problems.append(f"{path}: missing column(s) {', '.join(missing)}")
        return None
    return df.apply(lambda col: col.str.strip())


def _check_values(name: str, df: pd.DataFrame, path: Path, problems: list[str]) -> None:
    def bad(mask, what):
        for i in df.index[mask]:
            problems.append(f"{path}: row {i + 2} ({df.at[i, 'file']}): {what}")

    if name == "documents.csv":
        bad(~df["published_precision"].isin(PRECISIONS), f"published_precision is not one of {', '.join(PRECISIONS)}")
        bad(~df["basis_expected"].isin(BASES), f"basis_expected is not one of {', '.join(BASES)}")
        bad(~df["published"].str.match(_ISO), "published is not an ISO 8601 date")
    elif name == "visits.csv":
        bad(~df["strictness"].isin(STRICTNESS), "strictness is not strict or optional")
        for col in ("from_country", "to_country"):
            bad(~df[col].str.fullmatch(r"[A-Z]{3}"), f"{col} is not an ISO 3166-1 alpha-3 code")
        for col in ("date_start", "date_end"):
            bad((df[col] != "") & ~df[col].str.match(_ISO), f"{col} is not an ISO 8601 date")
    elif name == "timexes.csv" and "occurrence" in df.columns:
        bad((df["occurrence"] != "") & ~df["occurrence"].str.fullmatch(r"[1-9]\d*"),
            "occurrence is not a whole number from 1")


def read_gold(folder: str | Path, corpus_files: set[str]) -> Gold:
    """Read and check the gold folder against the names of the corpus folder's articles."""
    folder = Path(folder)
    if not folder.is_dir():
        raise GoldError([f"{folder}: gold folder does not exist"])
    problems: list[str] = []
    tables = {name: _read(folder / name, problems) for name in REQUIRED}
    if all(t is None for t in tables.values()) and not problems:
        problems.append(f"{folder}: none of {', '.join(REQUIRED)} is there")
    for name, df in tables.items():
        if df is None:
            continue
        for i, f in zip(df.index, df["file"]):
            if f not in corpus_files:
                problems.append(f"{folder / name}: row {i + 2}: {f!r} is not an article of the corpus folder")
        _check_values(name, df, folder / name, problems)
    if tables["covered.csv"] is not None:
        covered, source = frozenset(tables["covered.csv"]["file"]), "covered.csv"
    elif tables["documents.csv"] is not None:
        covered, source = frozenset(tables["documents.csv"]["file"]), "documents.csv"
    else:
        covered, source = frozenset(), "none"
        if tables["visits.csv"] is not None:
            problems.append(f"{folder}: visits.csv needs covered.csv (or documents.csv) to say which articles "
                            "were coded, so that an article with no visit differs from one nobody coded")
    for name in ("timexes.csv", "visits.csv", "documents.csv"):
        df = tables[name]
        if df is not None and covered:
            for i, f in zip(df.index, df["file"]):
                if f not in covered:
                    problems.append(f"{folder / name}: row {i + 2}: {f!r} is coded but not in {source}")
    if problems:
        raise GoldError(problems)
    empty = {name: pd.DataFrame(columns=list(cols)) for name, cols in REQUIRED.items()}
    return Gold(folder=folder, covered=covered, coverage_source=source,
                documents=tables["documents.csv"] if tables["documents.csv"] is not None else empty["documents.csv"],
                timexes=tables["timexes.csv"] if tables["timexes.csv"] is not None else empty["timexes.csv"],
                visits=tables["visits.csv"] if tables["visits.csv"] is not None else empty["visits.csv"])
