"""When a trip happened or is planned: its dates, where they come from (the basis), and its status.

A visit's date is the value of a temporal expression (:mod:`helpers.annotate.timex`, which resolves
"Monday" or "the same day" against the publication date or the narrative); this module only chooses
which expression dates which trip:

- the expressions of the trigger's clause after it (up to the next trigger), else those before it; an
  expression containing a more precise one is dropped ("A year later ... from November 27 to December
  3, 1958"). After a return ("came back home Friday after visiting Y") the dates between the return and
  the visit trigger date the trip's end;
- the role of the trigger's date (:mod:`helpers.events.destinations`): a visit or a beginning gives
  ``date_start`` (and ``date_end``: the end of the expression); an end ("left here for home on Friday",
  "returned home Tuesday after visiting Y") gives ``date_end`` only;
- with no date in the clause, a trip under way or just over as the article is written ("arrived here",
  "left here", "this is my first visit", "on a visit to") is dated by the publication, at the month's
  precision; ``basis`` says which: ``sentence``, ``publication`` or '' (undated);
- the status is ``planned`` when a future marker (will, is to, plans to, set to) precedes the trigger in
  its clause, when a time still to come stands anywhere in it ("later this month", "the upcoming visit"),
  when a present-tense trigger stands in a sentence about the future, or when the date lies after the
  publication; otherwise ``occurred``.

>>> publication_dates(datetime.date(2012, 5, 22), "end")
('', '2012-05')
"""
from __future__ import annotations

import datetime
import functools

from helpers.dates.intervals import parse_interval, relation

_interval = functools.lru_cache(maxsize=4096)(functools.partial(parse_interval, strict=False))


def trip_dates(doc, c0: int, c1: int, ts: int, te: int, nxt_start: int, prev_end: int | None,
               window: tuple[int, int] | None = None) -> list[tuple]:
    """``[(timex, interval)]`` dating the trigger: those after it (up to the next trigger of its clause),
    else those before it (after the previous trigger), or those of ``window`` when given."""
    in_clause = doc.tx.starting_in(c0, c1)
    if window is not None:
        chosen = [t for t in in_clause if window[0] <= t.start and t.end <= window[1]]
    else:
        after = [t for t in in_clause if te <= t.start and t.end <= min(c1, nxt_start)]
        chosen = after or [t for t in in_clause if t.end <= ts and (prev_end is None or t.start >= prev_end)]
    dated = []
    for t in chosen:
        iv = _interval(t.value, t.end_value)
        if iv is not None:
            dated.append((t, iv))
    if len(dated) < 2:  # one date is never inside itself (its relation to itself is 'same')
        return dated
    dated = [(t, iv) for t, iv in dated if not any(relation(ov, iv) == "inside" for _, ov in dated)]
    unique = {}
    for t, iv in dated:
        unique.setdefault(((iv.start, iv.end), str(t.value)), (t, iv))
    return sorted(unique.values(), key=lambda x: x[0].start)


def date_values(t, role: str) -> tuple[str, str]:
    """``(date_start, date_end)`` of a temporal expression for a trip whose date has ``role``."""
    ds = str(t.value)
    de = str(t.end_value) if isinstance(t.end_value, str) and t.end_value else ds
    return ("", de) if role == "end" else (ds, de)


def publication_dates(pub: datetime.date | None, role: str) -> tuple[str, str]:
    """``(date_start, date_end)`` of a trip under way at publication: the publication's month."""
    if pub is None:
        return "", ""
    month = f"{pub.year:04d}-{pub.month:02d}"
    return ("", month) if role == "end" else (month, month)


def has_future(pats, raw: str, lo: int, hi: int) -> bool:
    r"""Is there a future marker in ``raw[lo:hi]`` after a non-word character of that span or the text's start?

    The rule is ``(?:^|\W)marker`` searched in the span; as ``(?<!\w)marker`` it can take the first-character
    guard of :func:`first_char_guarded`. The lookbehind sees the character before ``lo``, which the rule's
    ``\W`` (inside the span) cannot: hence the search from ``lo + 1``, except at the text's start (``^``).
    """
    return pats.future.search(raw, lo + 1 if lo else 0, hi) is not None


def is_future(pats, raw: str, word: str, tense: str, c0: int, ts: int, s0: int, s1: int, marks=None) -> bool:
    """A future marker before the trigger in its clause, or a present-tense trigger in a sentence about the
    future. ``marks``: the future markers of the sentence (:class:`helpers.events.index.Marks` of
    ``pats.future`` in ``raw[s0:s1]``), found once for its triggers; without it, searched here."""
    def within(lo, hi):  # as has_future(pats, raw, lo, hi)
        return has_future(pats, raw, lo, hi) if marks is None else marks.within(lo + 1 if lo else 0, hi)

    if within(c0, ts):
        return True
    return tense != "noun" and bool(pats.present.match(word.split()[0])) and within(s0, s1)
