"""ISO partial dates and ranges as day intervals, how two of them relate, and when two dates disagree.

A date in the press is given at some precision: a day ("27 November 1958"), an ISO week, a month,
a year or a decade ("the 1950s", ISO ``195X``), or a range of them ("27 November to 3 December").
:func:`parse_interval` turns the ISO value (and an optional end value) into the days it covers and
the precision it was given at; :func:`relation` says how two intervals relate by their days;
:func:`disagree` asks the one rule for "these two dates of the same event cannot both be true", which
:mod:`helpers.dates.relation` states and documents.

This module imports nothing from the stages: it is part of the date foundation.
"""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from typing import NamedTuple

# Coarsest first: a later precision is finer.
PRECISIONS = ("decade", "year", "month", "week", "day")
PRECISION_RANK = {p: i for i, p in enumerate(PRECISIONS)}
RELATIONS = ("same", "inside", "contains", "overlap", "disjoint")

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_DECADE = re.compile(r"^(\d{3})X$")


class Interval(NamedTuple):
    """The first and last day a date covers, and the precision it was given at."""

    start: dt.date
    end: dt.date
    precision: str


def _blank(value) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return value.strip() == ""
    return value != value  # NaN / NA


@functools.lru_cache(maxsize=1 << 14)  # a corpus repeats its dates; an Interval is immutable, so it can be shared
def _one(value: str) -> Interval:
    v = value.strip()
    if m := _DAY.match(v):
        day = dt.date(*map(int, m.groups()))
        return Interval(day, day, "day")
    if m := _MONTH.match(v):
        y, mo = map(int, m.groups())
        return Interval(dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1]), "month")
    if m := _YEAR.match(v):
        y = int(m.group(1))
        return Interval(dt.date(y, 1, 1), dt.date(y, 12, 31), "year")
    if m := _WEEK.match(v):
        monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        return Interval(monday, monday + dt.timedelta(days=6), "week")
    if m := _DECADE.match(v):
        y = int(m.group(1)) * 10
        return Interval(dt.date(y, 1, 1), dt.date(y + 9, 12, 31), "decade")
    raise ValueError(f"not an ISO 8601 date value: {value!r}")


def parse_interval(value, end_value=None, strict: bool = True) -> Interval | None:
    """The days from the start of ``value`` to the end of ``end_value`` (or of ``value``).

    >>> parse_interval("1958-11")
    Interval(start=datetime.date(1958, 11, 1), end=datetime.date(1958, 11, 30), precision='month')
    >>> parse_interval("1958-11-27", "1958-12-03").end
    datetime.date(1958, 12, 3)

    Values: ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``, ISO week ``YYYY-Www``, decade ``YYYX``. A range
    keeps the precision of its start. An empty value (None, '', NA) gives None; an unreadable one
    (a duration 'P2D', an invalid day) raises ``ValueError`` unless ``strict`` is false (then None).
    """
    if _blank(value):
        return None
    try:
        a = _one(str(value))
        b = None if _blank(end_value) else _one(str(end_value))
    except ValueError:
        if strict:
            raise
        return None
    if b is None:
        return a
    if b.end < a.start:
        if strict:
            raise ValueError(f"range ends before it starts: {value!r}/{end_value!r}")
        return None
    return Interval(a.start, b.end, a.precision)


def span_interval(value, end_value=None) -> tuple[dt.date, dt.date] | None:
    """``(first day, last day)`` of :func:`parse_interval`, None for an empty or unreadable value."""
    iv = parse_interval(value, end_value, strict=False)
    return None if iv is None else (iv.start, iv.end)


def relation(a: Interval, b: Interval) -> str:
    """How interval ``a`` relates to ``b``, by the days they cover (precision plays no part).

    'same' (the same days), 'inside' (a within b), 'contains' (b within a), 'overlap' (some days
    shared, neither within the other) or 'disjoint' (no day shared).
    """
    if (a.start, a.end) == (b.start, b.end):
        return "same"
    if a.end < b.start or b.end < a.start:
        return "disjoint"
    if b.start <= a.start and a.end <= b.end:
        return "inside"
    if a.start <= b.start and b.end <= a.end:
        return "contains"
    return "overlap"


def disagree(a: Interval | None, b: Interval | None) -> bool:
    """Do two dates given for the same event disagree? The one rule of the collection, which lives in
    :func:`helpers.dates.relation.relate` (this name is kept for its callers).

    >>> disagree(parse_interval("1958-11-27", "1958-12-03"), parse_interval("1958-11-28", "1958-12-02"))
    True
    >>> disagree(parse_interval("1958"), parse_interval("1958-11-28")), disagree(None, parse_interval("1958"))
    (False, False)
    """
    from helpers.dates.relation import contradicts  # relation builds on this module: imported when called

    return contradicts(a, b)


def finer(a: Interval, b: Interval) -> bool:
    """True when ``a`` was given at a finer precision than ``b``."""
    return PRECISION_RANK[a.precision] > PRECISION_RANK[b.precision]
