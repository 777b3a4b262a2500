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

    __slots__ = ("pub", "narrative", "anniv_base", "refs")

    def __init__(self, pub, refs):
        self.pub, self.refs = pub, refs
        self.narrative = None      # start of the previous resolved date (a tuple)
        self.anniv_base = None     # base date of the previous resolved anniversary

    @property
    def pub_anchor(self) -> str:
        return f"published {iso(self.pub)}" if self.pub else ""


class Context(NamedTuple):
    """One sentence being resolved: its text, its offset in the raw text, its matches, the document state."""

    sentence: str
    offset: int
    matches: list
    state: State

    def before(self, m: re.Match) -> str:
        return self.sentence[: m.start() - self.offset]


def year_for_day_month(state: State, m: int, d: int | None):
    """Year of a day-and-month without year: the narrative's year, else the one nearest publication."""
    if state.narrative is not None:
        return state.narrative[0], f"narrative {iso(state.narrative)}"
    pub = state.pub
    if pub is None:
        return None, ""
    anchor = f"published {iso(pub)}"
    if len(pub) == 1:
        return pub[0], anchor
    ref = dt.date(pub[0], pub[1], pub[2] if len(pub) == 3 else 15)

    def distance(y):
        return abs((dt.date(y, m, min(d or 15, calendar.monthrange(y, m)[1])) - ref).days)

    return min((pub[0] - 1, pub[0], pub[0] + 1), key=distance), anchor


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
