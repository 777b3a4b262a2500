"""People resolved in time: a short form or a title names someone who could act when the sentence is about.

The time a sentence is about is its own dates (:func:`sentence_dates`, from the timexes layer), else the
article's publication day. A person cannot act after their death or before their birth (``lifespans.csv``),
nor in an office before taking it (``offices.csv``): after "Kim Jong Un ... Kim Il Sung" in a 2019 article,
"Kim" in an undated sentence is Kim Jong Un. Used by :mod:`helpers.annotate.mentions`.
"""
from __future__ import annotations

import pandas as pd

from helpers.dates.intervals import parse_interval

DATED_KINDS = ("date", "range", "relative", "anniversary", "decade")
"""Timex kinds that date what a sentence is about (durations and unresolved expressions do not)."""


def sentence_dates(timexes: pd.DataFrame | None) -> dict[str, dict[int, tuple]]:
    """``{doc_id: {sent_id: (first day, last day)}}``: the span of the resolved dates of each body sentence.

    >>> t = pd.DataFrame({"doc_id": ["a", "a", "a"], "sent_id": [0, 0, 1], "kind": ["date", "range", "duration"],
    ...                   "value": ["1958", "1964-11-09", "P3Y"], "end_value": ["", "1964-11-16", ""]})
    >>> sentence_dates(t)
    {'a': {0: (datetime.date(1958, 1, 1), datetime.date(1964, 11, 16))}}
    """
    out: dict[str, dict[int, tuple]] = {}
    if timexes is None or timexes.empty:
        return out
    t = timexes[timexes["kind"].isin(DATED_KINDS) & (timexes["value"] != "") & (timexes["sent_id"] >= 0)]
    for doc_id, sent_id, value, end_value in zip(t["doc_id"], t["sent_id"], t["value"], t["end_value"]):
        try:
            iv = parse_interval(value, end_value)
        except ValueError:
            continue
        by_sent = out.setdefault(doc_id, {})
        old = by_sent.get(int(sent_id))
        by_sent[int(sent_id)] = (iv.start, iv.end) if old is None else (min(old[0], iv.start), max(old[1], iv.end))
    return out


def _could_act_first(kb, people, when) -> list[str]:
    """``people`` (in order) with those who could act at ``when`` first (:meth:`_Resolver.alive`)."""
    able = [p for p in people if kb.alive(p, when)]
    return able + [p for p in people if p not in able]


def resolve_short(kb, persons_seen: list[str], last: str | None, short: str, when,
                  named_before: str | None = None) -> str | None:
    """The person a short form ("Kim") names: the most recent one with that short form, unless they could
    not act at ``when`` (the time the sentence is about: dead before it, or born after it). Then the person
    the same short form named last (``named_before``), else the most recent one with it, who could act:
    after "Kim Jong Un ... Kim's visit ... Kim Il Sung", "Kim" in a sentence about 2019 is Kim Jong Un.
    When no one with the short form could act then, the most recent one (a reference to the dead)."""
    if last is None or kb.alive(last, when):
        return last
    if named_before is not None and kb.alive(named_before, when):
        return named_before
    for p in dict.fromkeys(reversed(persons_seen)):
        if short in kb.person_shorts.get(p, ()) and kb.alive(p, when):
            return p
    return last


def resolve_title(kb, persons_seen: list[str], nat: str | None, word: str, year: int | None, when=None):
    """The person a title ("the President") names: the most recent compatible person who holds such an
    office in ``year`` (the year the sentence is about), the paramount leader first, else who had taken one
    by ``year`` (no one acts in an office before taking it; any office when ``year`` is None). Among them,
    those who could act at ``when`` (the sentence's time: alive then) come first, then the others, in
    order of recency (a title can still name the dead: "a photo of the President")."""
    candidates = [p for p in dict.fromkeys(reversed(persons_seen)) if nat is None or kb.country.get(p) == nat]
    candidates = _could_act_first(kb, candidates, when)
    passes = [(y, strict, None if y is not None else year)
              for y in ((year,) if year is not None else ()) + (None,) for strict in (True, False)]
    for y, strict, by in passes:
        for p in candidates:
            if kb.holds(p, word, y, strict, by):
                return p
    return None
