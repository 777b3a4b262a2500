"""What resolving a temporal expression needs besides the match: the document state (publication
date, the previous resolved date, the previous anniversary's base), the sentence, and the arithmetic
shared by the resolvers of :mod:`helpers.annotate.timex_resolve` and :mod:`helpers.annotate.timex_relative`.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import NamedTuple

import pandas as pd

PRECISIONS = ("day", "month", "year")


class Resolved(NamedTuple):
    kind: str
    value: tuple | str        # a (y[, m[, d]]) tuple, or an ISO string ('195X', 'P30Y', '2021-W28'), or ''
    end_value: tuple | str | None
    anchor: str
    end: int                  # end offset in the raw text (an anniversary may take in the event it names)
    start: int | None = None  # start offset when it is not the match's ('the middle of the 1990s', 'more than')


def iso(t) -> str:
    """(1958,) -> '1958'; (1958, 11) -> '1958-11'; (1958, 11, 27) -> '1958-11-27'; strings pass through."""
    if isinstance(t, str):
        return t
    n = len(t)                    # the three usual lengths spelled out: this runs for every row
    if n == 1:
        return f"{t[0]:04d}"
    if n == 2:
        return f"{t[0]:04d}-{t[1]:02d}"
    if n == 3:
        return f"{t[0]:04d}-{t[1]:02d}-{t[2]:02d}"
    return "-".join([f"{t[0]:04d}"] + [f"{x:02d}" for x in t[1:]])


def publication_tuple(published, precision) -> tuple | None:
    """The publication date as a (y[, m[, d]]) tuple at its precision; None when unknown."""
    if published is None or pd.isna(published):
        return None
    if precision not in PRECISIONS:
        raise ValueError(f"published_precision must be one of {PRECISIONS}, got {precision!r}")
    ts = pd.Timestamp(published)
    return (ts.year, ts.month, ts.day)[: PRECISIONS[::-1].index(precision) + 1]


class State:
    """What one document's resolution remembers from sentence to sentence."""

    __slots__ = ("pub", "narrative", "narrative_end", "anniv_base", "refs", "sent_no", "narrative_at", "dated",
                 "pending", "scene")

    def __init__(self, pub, refs):
        self.pub, self.refs = pub, refs
        self.narrative = None      # start of the previous resolved date (a tuple)
        self.narrative_end = None  # its end, when it was a range
        self.anniv_base = None     # base date of the previous resolved anniversary
        self.sent_no = 0           # the number of the sentence being resolved (0, 1, ... in document order)
        self.narrative_at = -2     # the number of the sentence that set ``narrative``
        self.dated = []            # (start, end, value) of the dates printed with their year, for a second pass
        self.pending = []          # anniversaries of events the text may date itself (timex_anniversary)
        self.scene = None          # (sentence offset, start, value) of its first date printed with its year

    @property
    def pub_anchor(self) -> str:
        return f"published {iso(self.pub)}" if self.pub else ""

class Context(NamedTuple):
    """One sentence being resolved: its text, its offset in the raw text, its matches, the document state."""

    sentence: str
    offset: int
    matches: list
    state: State

    def before(self, m: re.Match, at_most: int | None = None) -> str:
        """The sentence before the match (its last ``at_most`` characters)."""
        stop = m.start() - self.offset
        return self.sentence[: stop] if at_most is None else self.sentence[max(0, stop - at_most): stop]


def year_for_day_month(state: State, m: int, d: int | None, direction=0):
    """(year, anchor) of a day and month, or a month, printed without a year; (None, '') when unsure.

    The narrative's year when the sentence continues a dated account of the past (a date of the same or
    the previous sentence, a month or two from this one), or when it agrees with the publication date,
    or when there is no publication date; else the year that puts it nearest the publication date in
    the ``direction`` the tense points (:func:`year_near`; an int, or a function that tells it, asked only
    when needed). A narrative year that is neither (an account of another time a few sentences back)
    leaves the year open: it could be either.
    """
    nar, pub = state.narrative, state.pub
    if nar is not None and pub is not None and nar[: len(pub)] > pub[: len(nar)]:
        nar = None                # a target or plan ('by 2030'), not an account of the past
    if nar is not None:
        go_on = continuing_year(nar, m) if state.narrative_at >= state.sent_no - 1 else None
        if go_on is not None:
            return go_on, f"narrative {iso(nar)}"
        if pub is None:
            return nar[0], f"narrative {iso(nar)}"
    if pub is None:
        return None, ""
    p_year = year_near(pub, m, d, direction)
    if nar is None:
        return (p_year, state.pub_anchor) if p_year is not None else (None, "")
    return (nar[0], f"narrative {iso(nar)}") if p_year == nar[0] else (None, "")


def continuing_year(nar: tuple, m: int) -> int | None:
    """The year of month ``m`` when it is at most two months from the narrative's month (None if further,
    or the narrative gives no month): (1958, 11) and December -> 1958; (1958, 12) and January -> 1959."""
    if len(nar) < 2:
        return None
    k = nar[0] * 12 + nar[1] - 1
    y = min((nar[0] - 1, nar[0], nar[0] + 1), key=lambda y: abs(y * 12 + m - 1 - k))
    return y if abs(y * 12 + m - 1 - k) <= 2 else None


_SLACK = dt.timedelta(days=7)      # a catalog date a few days off the day of writing
_A_MONTH = 31 + 7                  # a month beyond the slack


def year_near(pub: tuple, m: int, d: int | None, direction=0) -> int | None:
    """The year of (``m``, ``d``) nearest publication ``pub``: on or before it when ``direction`` < 0,
    on or after it when > 0 (a week's slack either way), else nearest in either direction. ``direction``
    may be a function that tells it: it is asked only when the answer depends on it.

    When the nearest date lies against the tense by no more than a month (beyond the week's slack), the
    year is left open (None): 'will be held on August 20' in a story dated September 10 is a
    publication date a little off more likely than an event a year ahead. Further off, the tense decides:
    'will visit in March', written in July, is next March.

    >>> year_near((2021, 12, 10), 4, None, 1), year_near((2021, 7, 14), 3, 5, 0), year_near((2021, 5, 2), 11, 5, -1)
    (2022, 2021, 2020)
    >>> year_near((2021, 7, 14), 3, None, 1), year_near((2021, 9, 10), 8, 20, 1) is None
    (2022, True)
    """
    if len(pub) == 1:
        return pub[0]
    years = (pub[0] - 1, pub[0], pub[0] + 1)
    ref = dt.date(pub[0], pub[1], pub[2] if len(pub) == 3 else 15)
    dd = d or 15

    def day(y):
        return dt.date(y, m, dd if dd <= 28 else min(dd, calendar.monthrange(y, m)[1]))

    nearest = min(years, key=lambda y: abs((day(y) - ref).days))
    by_month = d is None or len(pub) == 2
    if not direction or (by_month and nearest == pub[0] and m == pub[1]) or (
            not by_month and abs(day(nearest) - ref) <= _SLACK):
        return nearest            # the same month, or within the slack: either direction gives it
    if callable(direction) and not (direction := direction()):
        return nearest
    if by_month:
        month = (pub[0], pub[1])
        y = max(y for y in years if (y, m) <= month) if direction < 0 else min(y for y in years if (y, m) >= month)
    elif direction < 0:
        y = max(y for y in years if day(y) <= ref + _SLACK)
    else:
        y = min(y for y in years if day(y) >= ref - _SLACK)
    if y == nearest:
        return y
    against = (day(nearest) - ref).days * (1 if direction < 0 else -1)    # days on the wrong side of publication
    return y if against > _A_MONTH else None


def weekday_date(pub: tuple | None, weekday: int, rel: str | None, future: bool):
    """The day a weekday names seen from publication day ``pub``: past unless future or 'next'/'this'."""
    if pub is None or len(pub) < 3:
        return None
    p = dt.date(*pub)
    delta = (weekday - p.weekday()) % 7
    if rel == "next" or (rel != "last" and (future or rel == "this")):
        d = p + dt.timedelta(days=delta + (7 if rel == "next" and delta == 0 else 0))
    else:
        back = (p.weekday() - weekday) % 7
        d = p - dt.timedelta(days=back or (7 if rel == "last" else 0))
    return (d.year, d.month, d.day)


def relative(value, state: State, end: int) -> Resolved:
    """A value resolved against the publication date, or the bare expression when there is none."""
    return Resolved("relative", value or "", None, state.pub_anchor if value else "", end)


def group_getter(m: re.Match, alt: str):
    """Group accessor for one alternative's named groups (``alt__name`` in the joint pattern); None if absent."""
    names = _group_names(m.re, alt)
    return lambda k: m.group(names[k]) if k in names else None


# (id(pattern), alt) -> (pattern, {name: 'alt__name'}). Keyed by id, because hashing a compiled pattern
# hashes its whole code; the entry keeps its pattern alive, so that id cannot be reused by another one.
_GROUP_NAMES: dict[tuple[int, str], tuple[re.Pattern, dict[str, str]]] = {}


def _group_names(pattern: re.Pattern, alt: str) -> dict[str, str]:
    """{name: 'alt__name'} for the groups of alternative ``alt`` in ``pattern``, worked out once per pattern."""
    entry = _GROUP_NAMES.get((id(pattern), alt))
    if entry is None:
        prefix = alt + "__"
        entry = _GROUP_NAMES[id(pattern), alt] = (
            pattern, {g[len(prefix):]: g for g in pattern.groupindex if g.startswith(prefix)})
    return entry[1]
