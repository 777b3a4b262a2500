"""What each dated statement itself tells: the people its own clause names, and whether its date dates an event.

A sentence often tells several events ("In 1958 and 1964, A visited Vietnam while B paid a visit to Korea in
1957"), so the people of a date are read from the part of the sentence that carries it, not from the whole:

- :func:`clauses`: the sentence cut at clause breaks (``;``, *while*, *whereas*, *but*, a closing quotation:
  the ``break`` rows of ``data/visit_patterns.csv`` that the visits layer uses too);
- :func:`segments`: a clause cut further at an *and* that joins two dated phrases, each naming a person
  ("A's visit in 1957 and B's visit in 1958 were ...");
- :func:`date_participants`: the people of each date: those of its segment; with *respectively*, the n-th
  person named gets the n-th date ("A and B visited in 2001 and 2007 respectively");
- :func:`report_date`: a date that dates a report, not an event: right after a word of reporting or
  publication ("said in a report on X newspaper, in February 1952"; "state media reported Friday"), or at the
  head of its clause right before one ("On Friday, the agency reported ..."). The words are data: the
  reporting verbs (``data/reporting_verbs.csv``) and the words of publication (``data/report_words.csv``).

>>> date_participants("In 1958 and 1964, A visited X while B paid a visit in 1957.",
...                   [(3, 7), (12, 16), (53, 57)], [(18, 19, "A"), (36, 37, "B")], re.compile(r"\\bwhile\\b"))
[('A',), ('A',), ('B',)]
"""
from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from pathlib import Path

import pandas as pd

from helpers.paths import data_file

MAX_GAP_WORDS = 8
"""At most this many words between a reporting word and the date it dates ('in a report on the paper, in')."""
HEAD_GAP_WORDS = 4
"""At most this many words between a clause-initial date and the reporting verb after it ('On Friday, KCNA
reported')."""
HEAD_WORDS = 3
"""A date heads its clause when at most this many words stand before it there ('On', 'Meanwhile, on')."""
_AND = re.compile(r"\band\b", re.IGNORECASE)
_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
_CONTENT = re.compile(r"\bthat\b|[\"“”]")  # what follows a reporting word is its content, not its date
_WORD = re.compile(r"[^\W\d_][\w'’\-]*|\d+")
_WINDOW = 400  # characters read on either side of a date: more than the few words the rules allow


@functools.cache
def load_report_words(path: str | None = None) -> pd.DataFrame:
    """Words of reporting and publication (``data/report_words.csv``: ``label``, ``pattern``, ``evidence``),
    each with an evidence; a row without one, or a pattern that is not a regex, raises ``ValueError``."""
    p = Path(path) if path else data_file("report_words.csv")
    df = pd.read_csv(p, dtype=str, keep_default_na=False)
    missing = [c for c in ("label", "pattern", "evidence") if c not in df.columns]
    if missing:
        raise ValueError(f"{p.name}: missing column(s) {', '.join(missing)}")
    for row in df.itertuples():
        if not row.evidence.strip():
            raise ValueError(f"{p.name}: row {row.label!r} has no evidence")
        try:
            re.compile(row.pattern)
        except re.error as e:
            raise ValueError(f"{p.name}: row {row.label!r}: pattern is not a regex ({e})") from None
    return df


def report_cue(kb, words: pd.DataFrame | None = None) -> re.Pattern:
    """One regex for the reporting verbs of ``kb`` and the words of publication (case-insensitive, whole words)."""
    w = load_report_words() if words is None else words
    alts = [kb.reporting_pattern()] + [f"(?:{p})" for p in w["pattern"]]
    return re.compile(r"\b(?:" + "|".join(alts) + r")\b", re.IGNORECASE)


# --------------------------------------------------------------------------- clauses and segments
def clauses(text: str, breaks: re.Pattern) -> list[tuple[int, int]]:
    """``text`` cut where ``breaks`` match: (start, end) of each clause, covering the text in order.

    >>> clauses("A came; B left while C stayed.", re.compile(r";|\\bwhile\\b"))
    [(0, 6), (6, 15), (15, 30)]
    """
    cuts = [m.start() for m in breaks.finditer(text) if m.start() > 0]
    edges = [0] + cuts + [len(text)]
    return [(a, b) for a, b in zip(edges, edges[1:]) if b > a]


def _index(spans) -> tuple[list[int], list[int]]:
    """Starts and ends of non-overlapping ``spans``, sorted by start (the ends then increase too)."""
    ordered = sorted(spans)
    return [a for a, _ in ordered], [b for _, b in ordered]


def _any_within(index, lo: int, hi: int) -> bool:
    """Does a span of ``index`` (:func:`_index`) lie inside ``[lo, hi)``? (the first starting at ``lo`` or later)"""
    starts, ends = index
    i = bisect_left(starts, lo)
    return i < len(starts) and ends[i] <= hi


def _inside(pos: int, index) -> bool:
    """Does ``pos`` fall strictly inside a span of ``index``?"""
    starts, ends = index
    i = bisect_right(starts, pos - 1) - 1
    return i >= 0 and starts[i] < pos < ends[i]


def segments(text: str, clause: tuple[int, int], dates, people) -> list[tuple[int, int]]:
    """``clause`` cut at each *and* with a date and a person on its left (since the last cut) and on its
    right (to the clause's end); an *and* inside a date ('between 1958 and 1964') is no cut.

    >>> t = "A's visit in 1957 and B's visit in 1958 were landmarks"
    >>> segments(t, (0, len(t)), [(13, 17), (35, 39)], [(0, 1), (22, 23)])
    [(0, 18), (18, 54)]
    >>> segments("In 1958 and 1964, A visited", (0, 27), [(3, 7), (12, 16)], [(18, 19)])
    [(0, 27)]
    """
    c0, c1 = clause
    d, p = _index(dates), _index(people)
    start, out = c0, []
    for m in _AND.finditer(text, c0, c1):
        cut = m.start()
        if _inside(cut, d):
            continue
        if _any_within(d, start, cut) and _any_within(p, start, cut) and _any_within(d, cut, c1) \
                and _any_within(p, cut, c1):
            out.append((start, cut))
            start = cut
    out.append((start, c1))
    return out


def date_participants(text: str, dates, people, breaks: re.Pattern) -> list[tuple[str, ...]]:
    """The people of each date of ``text``: ``dates`` are (start, end) offsets, ``people`` (start, end, name)
    of the persons named; the result has one tuple of names per date, in the order the names are written,
    each name once. A date's people are those of its segment (:func:`segments` of its :func:`clauses`);
    in a segment with *respectively*, as many people as dates and two or more of each, the n-th person is
    the n-th date's."""
    date_spans = [(a, b) for a, b in dates]
    person_spans = [(a, b) for a, b, _ in people]
    segs = [s for c in clauses(text, breaks) for s in segments(text, c, date_spans, person_spans)]
    seg_starts = [s0 for s0, _ in segs]
    names_in: dict[int, list[str]] = {}
    for p0, p1, n in sorted(people):
        k = bisect_right(seg_starts, p0) - 1
        if k >= 0 and p1 <= segs[k][1] and n not in names_in.setdefault(k, []):
            names_in[k].append(n)
    dates_in: dict[int, list[tuple[int, int]]] = {}
    for span in sorted(set(date_spans)):
        dates_in.setdefault(bisect_right(seg_starts, span[0]) - 1, []).append(span)
    out = []
    for a, b in date_spans:
        k = bisect_right(seg_starts, a) - 1
        names = names_in.get(k, [])
        seg_dates = dates_in.get(k, [])
        if k >= 0 and len(names) == len(seg_dates) >= 2 and _RESPECTIVELY.search(text, *segs[k]):
            names = [names[seg_dates.index((a, b))]]
        out.append(tuple(names))
    return out


# --------------------------------------------------------------------------- report dates
def _words(text: str) -> int:
    return len(_WORD.findall(text))


def report_date(text: str, start: int, end: int, cue: re.Pattern, event: re.Pattern,
                breaks: re.Pattern, clause: tuple[int, int] | None = None) -> bool:
    """Whether the date at ``text[start:end]`` dates a report rather than an event: a reporting or publication
    word (``cue``) stands before it in its clause with at most :data:`MAX_GAP_WORDS` words between, none of
    them an event word (``event``), *that* or a quotation mark; or the date heads its clause (at most
    :data:`HEAD_WORDS` words before it, no event word) and such a word follows within
    :data:`HEAD_GAP_WORDS` words with no event word between. ``clause``: the date's clause (default: found
    with ``breaks``); only a window of the text around the date is read, so many dates cost linear time.

    >>> cue, ev, br = re.compile(r"\\b(?:reported|newspapers?|report)\\b"), re.compile(r"\\bvisit\\w*"), re.compile(";")
    >>> t = "He led a delegation to visit Korea, he said in a report on the newspaper, in May 1952."
    >>> report_date(t, t.index("May"), len(t) - 1, cue, ev, br)
    True
    >>> t = "Kim visited Hanoi in May 1952, the newspaper reported."
    >>> report_date(t, t.index("May"), t.index(","), cue, ev, br)
    False
    >>> t = "On Friday, the agency reported that Kim will visit."
    >>> report_date(t, 3, 9, cue, ev, br)
    True
    >>> t = "The minister died on May 2, the newspaper reported."
    >>> report_date(t, t.index("May"), t.index(","), cue, ev, br)
    False
    """
    c0, c1 = clause or next(((a, b) for a, b in clauses(text, breaks) if a <= start < b), (0, len(text)))
    lo = max(c0, start - _WINDOW)
    before = None
    for m in cue.finditer(text, lo, start):
        before = m
    if before is not None:
        gap = text[before.end():start]
        if _words(gap) <= MAX_GAP_WORDS and not event.search(gap) and not _CONTENT.search(gap):
            return True
    head = text[lo:start]
    if _words(head) > HEAD_WORDS or (lo > c0 and _words(text[c0:start]) > HEAD_WORDS) or event.search(head):
        return False
    after = cue.search(text, end, min(c1, end + _WINDOW))
    if after is None:
        return False
    gap = text[end:after.start()]
    return _words(gap) <= HEAD_GAP_WORDS and not event.search(gap)
