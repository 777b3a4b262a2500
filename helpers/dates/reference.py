"""The reference chronology: the one data file of reference facts (``helpers/data/reference_chronology.csv``).

One row per (event, phase, source claim). ``event_id`` names an event or one phase of a trip
(``phase``: '' for a whole event, else e.g. 'arrival', 'summit', 'official_visit'; ``parent_id``: the
trip a phase belongs to). Where public references disagree on a date, each claim is its own row with
its own source, and exactly one row per ``event_id`` is ``preferred``: the claim the collection dates
the event by. ``participants`` are gazetteer entity ids (people, countries, places, organisations),
``|``-joined; ``from_country``/``to_country`` are ISO 3166-1 alpha-3 codes for a trip.

:func:`load_reference_chronology` reads and validates the file (or a DataFrame), naming the file and
the row in every error; :func:`preferred_references` keeps one row per event. Consumers: the
anniversary resolver (:mod:`helpers.dates.anniversary`), the checks (:mod:`helpers.events.checks`) and
the chronology and exchange notes of the report.

This module imports nothing from the stages: it is part of the date foundation.
"""
from __future__ import annotations

import functools
from pathlib import Path

import pandas as pd

from helpers.dates.intervals import parse_interval
from helpers.paths import data_file

FILE = "reference_chronology.csv"
COLUMNS = ("event_id", "phase", "parent_id", "kind", "description", "participants", "from_country", "to_country",
           "date", "end_date", "precision", "aliases", "preferred", "source_outlet", "source_title", "source_date",
           "url", "note")
PRECISIONS = ("day", "month", "year")
_TRUE, _FALSE = ("true", "1", "yes"), ("false", "0", "no", "")
_LENGTH = {"day": 10, "month": 7, "year": 4}


def _fail(name: str, problem: str):
    raise ValueError(f"{name}: {problem}")


def _check_row(name: str, i: int, r) -> None:
    where = f"row {i + 2} ({r.event_id or 'no event_id'})"
    if not r.event_id:
        _fail(name, f"{where}: empty event_id")
    if r.precision not in PRECISIONS:
        _fail(name, f"{where}: precision {r.precision!r} is not one of {', '.join(PRECISIONS)}")
    for col in ("date", "end_date"):
        value = getattr(r, col)
        if value and len(value) != _LENGTH[r.precision] and not (col == "end_date" and len(value) in _LENGTH.values()):
            _fail(name, f"{where}: {col} {value!r} is not given at {r.precision} precision")
    try:
        if parse_interval(r.date, r.end_date) is None:
            _fail(name, f"{where}: empty date")
    except ValueError as e:
        _fail(name, f"{where}: {e}")
    if r.preferred.strip().lower() not in _TRUE + _FALSE:
        _fail(name, f"{where}: preferred {r.preferred!r} is not True or False")
    if not (r.source_outlet and r.source_title and r.url):
        _fail(name, f"{where}: every claim needs a source (source_outlet, source_title, url)")


@functools.cache
def _default() -> pd.DataFrame:
    return _validate(pd.read_csv(data_file(FILE), dtype=str, keep_default_na=False), FILE)


def load_reference_chronology(source=None) -> pd.DataFrame:
    """The reference chronology, validated: every column of :data:`COLUMNS`, a readable date at its precision,
    a source for every claim, exactly one preferred claim per event, phases whose parent exists.

    ``source``: a path or a DataFrame; None reads the shipped file (cached). ``preferred`` becomes bool.
    Any problem raises ``ValueError`` naming the file (or 'table') and the row.
    """
    if source is None:
        return _default().copy()
    if isinstance(source, pd.DataFrame):
        return _validate(source.astype(str).copy(), "table")
    path = Path(source)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: reference chronology file not found")
    return _validate(pd.read_csv(path, dtype=str, keep_default_na=False), path.name)


def _validate(df: pd.DataFrame, name: str) -> pd.DataFrame:
    missing = [c for c in COLUMNS if c not in df.columns]
    if missing:
        _fail(name, f"missing column(s) {', '.join(missing)}")
    df = df.fillna("")
    for i, r in enumerate(df.itertuples(index=False)):
        _check_row(name, i, r)
    df["preferred"] = df["preferred"].str.strip().str.lower().isin(_TRUE)
    counts = df.groupby("event_id", sort=False)["preferred"].sum()
    bad = counts[counts != 1]
    if len(bad):
        _fail(name, "every event needs exactly one preferred claim; "
                    + ", ".join(f"{e} has {n}" for e, n in bad.items()))
    parents = set(df["parent_id"]) - {""} - set(df["event_id"])
    if parents:
        _fail(name, f"parent_id names no event of the file: {', '.join(sorted(parents))}")
    return df.reset_index(drop=True)


def preferred_references(table: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per event: its preferred claim (``table`` defaults to the shipped chronology)."""
    table = load_reference_chronology() if table is None else table
    return table[table["preferred"]].reset_index(drop=True)


def citation(row) -> str:
    """'Outlet, "Title", date, URL' for a chronology row (a Series or a namedtuple); empty parts left out."""
    get = row.get if hasattr(row, "get") else lambda k, d="": getattr(row, k, d)
    parts = [get("source_outlet", ""), f'"{get("source_title", "")}"' if get("source_title", "") else "",
             get("source_date", ""), get("url", "")]
    return ", ".join(p for p in parts if p)
