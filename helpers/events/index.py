"""A document's annotations indexed by position, so extraction looks only near where it stands.

Mentions and temporal expressions are plain records with ``start`` and ``end`` offsets into the raw
text. :class:`Sorted` finds them by bisection, so the work of one lookup does not grow with the
length of the document (a document of one line of tens of thousands of sentences stays linear).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from helpers.annotate.gazetteer import fold
from helpers.annotate.people import home_nationality
from itertools import repeat
from operator import attrgetter

import numpy as np
import pandas as pd

_START = attrgetter("start")

DATE_KINDS = ("date", "range", "relative", "decade")  # dates a visit can have: not durations, not anniversaries


class Sorted:
    """Records sorted by start, found by bisection: the work per lookup stays local."""

    def __init__(self, records, presorted: bool = False):
        """``presorted``: the records are known to be in start order already (a filtered :class:`Sorted`)."""
        recs = list(records)
        starts = list(map(int, map(_START, recs)))
        if not presorted and starts != sorted(starts):  # sorting is stable: records in order stay as they are
            recs = sorted(recs, key=_START)
            starts = list(map(int, map(_START, recs)))
        self.recs, self.starts = recs, starts

    def starting_in(self, lo: int, hi: int) -> list:
        """Records with ``lo <= start < hi``."""
        return self.recs[bisect_left(self.starts, lo):bisect_left(self.starts, hi)]

    def at(self, pos: int, hi: int) -> object | None:
        """The first record (in start order) starting at ``pos`` when ``pos < hi``, else None: what
        ``starting_in(pos, hi)[0]`` is when it starts at ``pos``, without the list."""
        i = bisect_left(self.starts, pos)
        return self.recs[i] if pos < hi and i < len(self.starts) and self.starts[i] == pos else None

    def last_before(self, pos: int, ok, lo: int = 0, steps: int = 64) -> object | None:
        """The last record (in start order) starting before ``pos`` for which ``ok(record)`` holds, among the
        ``steps`` last ones starting at ``lo`` or after (so one lookup never walks the whole document)."""
        hi = bisect_left(self.starts, pos)
        for i in range(hi - 1, max(bisect_left(self.starts, lo), hi - steps) - 1, -1):
            if ok(self.recs[i]):
                return self.recs[i]
        return None


_NONE = Sorted([])


class DocIndex:
    """One document's mentions, persons, countries and dates, indexed by position.

    ``actors`` are who can travel: the persons, less those whose name opens a longer name ("the Ho Chi
    Minh Communist Youth Union": an organisation), and the delegations added by :meth:`add_delegations`.
    ``breaks``: words that may follow a name without joining it (months, weekdays, function words).
    """

    def __init__(self, raw: str, mentions: list, timexes: list, date_kinds=DATE_KINDS, breaks=frozenset(),
                 folded: str | None = None):
        self.raw = raw
        self.folded = folded if folded is not None else fold(raw)  # lower case, same length: for word patterns
        self.ments = Sorted(mentions)
        self.persons = Sorted([m for m in self.ments.recs if m.type == "person"
                               and not _opens_longer_name(raw, m.end, breaks)], presorted=True)
        self.countries = Sorted([m for m in self.ments.recs if m.type == "country"], presorted=True)
        self.tx = Sorted(t for t in timexes if isinstance(t.value, str) and t.value
                         and (t.kind is None or t.kind in date_kinds))
        # people the gazetteer lacks: the name as first written, the nationality the text states, the role
        self.provisional: dict[str, tuple[str, str, str]] = {}
        for p in self.persons.recs:
            if getattr(p, "surface", None) and p.entity_id.startswith("new:"):
                name, nat, role = self.provisional.get(p.entity_id, (p.surface, "", ""))
                self.provisional[p.entity_id] = (name, nat or p.nationality or "", role or getattr(p, "role", "") or "")
        self.actors = self.persons
        self.groups: dict[str, object] = {}  # entity id -> the delegation it heads or is
        self.last_place: dict[str, str] = {}  # entity id -> the country of its latest trip stated so far
        self.delegations = _NONE

    def delegation_at(self, pos: int):
        """The delegation whose phrase holds ``pos`` (None when none does)."""
        d = self.delegations.last_before(pos + 1, lambda d: True)
        return d if d is not None and d.start <= pos < d.end else None

    def add_delegations(self, delegations: list, record) -> None:
        """Make delegations actors: a headed one travels as its head (a person already), one with no head
        as ``record(start, end, entity_id)`` (a mention-like record of type 'delegation')."""
        self.delegations = Sorted(delegations)
        extra = []
        for d in delegations:
            self.groups.setdefault(d.entity_id, d)
            if d.head_start is None or d.anaphor:  # no head, or "the delegation"
                extra.append(record(d.start, d.end, d.entity_id))
        if extra:
            self.actors = Sorted(self.persons.recs + extra)

    def name_of(self, eid: str, kb) -> str:
        """The canonical name of a gazetteer entity, else the name as the article first writes it."""
        name = kb.canonical_of.get(eid)
        if name is not None:
            return name
        if eid in self.provisional:
            return self.provisional[eid][0]
        group = self.groups.get(eid)
        return group.name if group is not None else eid

    def country_of(self, eid: str, kb, home: str | None = None) -> str | None:
        """The country of a gazetteer entity, else the nationality the article states, else the country of
        the delegation it heads, else ``home`` for an official with a name of home's shape and a title that
        names no country (:func:`helpers.annotate.people.home_nationality`); None when none is known."""
        if eid in kb.type_of:
            return kb.country_of.get(eid)
        name, nat, role = self.provisional.get(eid, ("", "", ""))
        if nat:
            return nat
        group = self.groups.get(eid)
        if group is not None and group.country:
            return group.country
        return home_nationality(name, role, home, kb) if name else None

    def stated_country(self, a: int, b: int, kb) -> str | None:
        """The country of the first country, or organisation or place with a country, mentioned in
        ``raw[a:b]`` and not after 'to' or 'in' ("ambassador to the DPRK" names a posting)."""
        for m in self.ments.starting_in(a, b):
            if m.end > b or m.type == "person":
                continue
            cc = kb.country_of.get(m.entity_id)
            if cc and not _POSTING.search(self.raw, max(0, m.start - 12), m.start):
                return cc
        return None

    def next_timex_start(self, pos: int) -> int | None:
        """Start of the first date expression starting after ``pos`` (it bounds a title's apposition)."""
        i = bisect_right(self.tx.starts, pos)
        return self.tx.starts[i] if i < len(self.tx.starts) else None


_POSTING = re.compile(r"\b(?:to|in)\s+(?:the\s+)?$", re.IGNORECASE)
_NEXT_WORD = re.compile(r"[ \t]++([A-Z][\w'’\-]*)")


def _opens_longer_name(raw: str, end: int, breaks) -> bool:
    """Whether a name is followed by a capitalised word that continues it ("Ho Chi Minh Communist Youth
    Union"): any capitalised word but a month, weekday or function word (``breaks``)."""
    m = _NEXT_WORD.match(raw, end)
    return bool(m) and m.group(1).lower() not in breaks


class Marks:
    """The matches of a regex in ``text[lo:hi]`` (one sentence), found once and asked by position, so that
    the triggers of a long sentence do not each search it again.

    >>> import re
    >>> m = Marks(re.compile(r"will"), "He will go; she will not.", 0, 25)
    >>> m.within(0, 8), m.within(8, 11), m.within(12, 25)
    (True, False, True)
    """

    __slots__ = ("spans", "starts")

    def __init__(self, rx, text: str, lo: int, hi: int):
        self.spans = [m.span() for m in rx.finditer(text, lo, hi)]
        self.starts = [s for s, _ in self.spans]

    def within(self, lo: int, hi: int) -> bool:
        """Is there a match starting at ``lo`` or after and ending by ``hi``?"""
        i = bisect_left(self.starts, lo)
        return i < len(self.starts) and self.spans[i][1] <= hi


class RecordsByDocument:
    """The rows of a layer table as records of ``cls``, made one document at a time on request.

    Holds the table's columns (arrays of the values the table already has) and each document's row
    positions, so a corpus-wide layer never keeps a record object per row: a worker builds the records
    of the document it works on. Rows of one document that lie together (as the layers write them)
    are cut as one slice.
    """

    def __init__(self, df: pd.DataFrame, cls):
        self.cls = cls
        self.columns = [df[c].to_numpy() if c in df.columns else None for c in cls._fields]
        self.n = len(df)
        self.rows = _runs(df["doc_id"].to_numpy(dtype=object))
        if self.rows is None:  # a document's rows not all together: its row positions
            self.rows = {}
            for d, idx in df.groupby("doc_id", sort=False, dropna=False).indices.items():
                lo, hi = int(idx[0]), int(idx[-1]) + 1
                self.rows[d] = slice(lo, hi) if hi - lo == len(idx) else idx

    def get(self, doc_id: str, default=()) -> list:
        where = self.rows.get(doc_id)
        if where is None:
            return list(default)
        n = (where.stop - where.start) if isinstance(where, slice) else len(where)
        cols = [c[where].tolist() if c is not None else [None] * n for c in self.columns]
        return list(map(tuple.__new__, repeat(self.cls), zip(*cols)))


def _runs(ids: np.ndarray) -> dict[str, slice] | None:
    """Each document's rows as one slice, when the rows of each (``ids``: their doc_id, strings) lie together;
    otherwise None. Documents in order of their first row."""
    n = len(ids)
    if n == 0:
        return {}
    bounds = [0, *(np.flatnonzero(ids[1:] != ids[:-1]) + 1).tolist(), n]
    docs = ids[bounds[:-1]].tolist()
    if len(set(docs)) != len(docs) or not all(type(d) is str for d in docs):
        return None
    return {d: slice(lo, hi) for d, lo, hi in zip(docs, bounds, bounds[1:])}


class FirstMatch:
    """``rx.search(text, pos, end)`` for positions that mostly increase, reusing the last search.

    A search from ``pos`` finds the first position at or after ``pos`` where ``rx`` matches, and what
    matches at a position does not depend on where the search started (lookbehinds and ``\\b`` see the
    text before ``pos``). So a match found from an earlier position that starts at or after ``pos`` is
    also the answer from ``pos``, and no match from an earlier position means none from ``pos``.
    """

    __slots__ = ("rx", "text", "end", "pos", "m")

    def __init__(self, rx, text: str, end: int):
        self.rx, self.text, self.end, self.pos, self.m = rx, text, end, None, None

    def search(self, pos: int):
        if self.pos is None or pos < self.pos or (self.m is not None and self.m.start() < pos):
            self.pos, self.m = pos, self.rx.search(self.text, pos, self.end)
        return self.m
