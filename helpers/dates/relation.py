"""How two dates of one event relate at their precisions: the one rule of the collection.

Notebook 02 (dates of one event in different articles), notebook 03 (dates of one exchange) and the
checks against the reference chronology (:mod:`helpers.events.checks`) all call :func:`relate`.

The rule. Two dates ``a`` and ``b`` (:class:`~helpers.dates.intervals.Interval`: first day, last day,
precision) are compared at the coarser of their precisions ``p``: each is widened to the whole units
of ``p`` it touches (a day to its month, '28 November – 2 December 1958' to 'November – December
1958' at month precision). A date that covers more than one unit at ``p`` is an *extent* (a range,
'from ... to ...'); one unit is a *point* ('1958', 'November 1958', '27 February 2019'). Then:

1. the same days: ``same``, consistent;
2. no unit in common at ``p``: ``disjoint``, contradicts ('December 1957' against 8–12 July 1957;
   '23 November 1964' against 9–16 November 1964);
3. two extents at ``p`` that differ at either end: contradicts, even when one lies inside the other
   (27 November – 3 December 1958 against 28 November – 2 December 1958: both claim to be the exact
   extent of one trip, and only one can be);
4. otherwise one lies inside the other: ``inside`` or ``contains``, consistent. A year is consistent
   with any day in it; a day inside a range names one day of it ('on 29 November 1958' during a visit
   of 28 November – 2 December); a month is consistent with a day-precise range it touches, because at
   month precision that range is the month(s) it spans: 'in November 1958' for a visit from 28 November
   to 2 December is how the press dates a trip by the month it began (and 'December 1958' by the month
   it ended), and neither is a contradiction.

A different phase of the same trip (the arrival, a summit, an official visit) is not judged here: the
checks compare a statement with each phase of a trip and keep the best verdict.

This module imports nothing from the stages: it is part of the date foundation.
"""
from __future__ import annotations

import calendar
import datetime as dt
from typing import NamedTuple

from helpers.dates.intervals import PRECISION_RANK, Interval, relation

VERDICTS = ("consistent", "contradicts")


class DateRelation(NamedTuple):
    """How ``a`` relates to ``b``: the relation at the compared precision, the verdict, and that precision."""

    relation: str    # same | inside | contains | overlap | disjoint (of a to b, at ``precision``)
    verdict: str     # consistent | contradicts
    precision: str   # the coarser precision of the two, at which they were compared


def _unit_start(d: dt.date, p: str) -> dt.date:
    if p == "day":
        return d
    if p == "week":
        return d - dt.timedelta(days=d.weekday())
    if p == "month":
        return d.replace(day=1)
    if p == "year":
        return dt.date(d.year, 1, 1)
    return dt.date(d.year // 10 * 10, 1, 1)  # decade


def _unit_end(d: dt.date, p: str) -> dt.date:
    if p == "day":
        return d
    if p == "week":
        return d + dt.timedelta(days=6 - d.weekday())
    if p == "month":
        return d.replace(day=calendar.monthrange(d.year, d.month)[1])
    if p == "year":
        return dt.date(d.year, 12, 31)
    return dt.date(d.year // 10 * 10 + 9, 12, 31)


def coarsen(iv: Interval, precision: str) -> Interval:
    """The whole units of ``precision`` that ``iv`` touches.

    >>> from helpers.dates.intervals import parse_interval
    >>> coarsen(parse_interval("1958-11-28", "1958-12-02"), "month")[:2]
    (datetime.date(1958, 11, 1), datetime.date(1958, 12, 31))
    """
    return Interval(_unit_start(iv.start, precision), _unit_end(iv.end, precision), precision)


def is_extent(iv: Interval, precision: str | None = None) -> bool:
    """Does ``iv`` cover more than one unit of ``precision`` (default: its own)? A range, not a point."""
    p = iv.precision if precision is None else precision
    return _unit_start(iv.start, p) != _unit_start(iv.end, p)


def coarser_precision(a: str, b: str) -> str:
    """The coarser of two precisions ('day' and 'month' -> 'month')."""
    return a if PRECISION_RANK[a] <= PRECISION_RANK[b] else b


def relate(a: Interval, b: Interval) -> DateRelation:
    """How date ``a`` relates to date ``b`` by the rule of this module.

    >>> from helpers.dates.intervals import parse_interval as iv
    >>> relate(iv("1957-12"), iv("1957-07-08", "1957-07-12"))
    DateRelation(relation='disjoint', verdict='contradicts', precision='month')
    >>> relate(iv("1958-11-27", "1958-12-03"), iv("1958-11-28", "1958-12-02")).verdict
    'contradicts'
    >>> relate(iv("1958"), iv("1958-11-28", "1958-12-02"))
    DateRelation(relation='same', verdict='consistent', precision='year')
    >>> relate(iv("1958-11"), iv("1958-11-28", "1958-12-02"))
    DateRelation(relation='inside', verdict='consistent', precision='month')
    """
    if (a.start, a.end) == (b.start, b.end):
        return DateRelation("same", "consistent", coarser_precision(a.precision, b.precision))
    p = coarser_precision(a.precision, b.precision)
    ca, cb = coarsen(a, p), coarsen(b, p)
    rel = relation(ca, cb)
    if rel == "disjoint":
        return DateRelation(rel, "contradicts", p)
    if rel == "same":  # the same units at p, different days: precisions differ, the finer says no more at p
        return DateRelation(rel, "consistent", p)
    if is_extent(ca, p) and is_extent(cb, p):
        return DateRelation(rel, "contradicts", p)
    return DateRelation(rel, "consistent", p)


def contradicts(a: Interval | None, b: Interval | None) -> bool:
    """Do two dates given for the same event contradict each other by :func:`relate`? None never does."""
    return a is not None and b is not None and relate(a, b).verdict == "contradicts"
