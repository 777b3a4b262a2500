"""When was an article published? From its dateline, its catalog row, or its own words.

:func:`infer_published` reads the body sentences of a page that prints no date
and looks for two kinds of statement that fix the year of writing:

* an ordinal anniversary of a reference event kept in
  ``helpers/data/reference_dates.csv`` ("January 31 is the 73rd (or seventy-third) anniversary of
  the establishment of the diplomatic relations" with relations established on
  31 January 1950 gives January 2023: month precision when the sentence names
  the anniversary's month, year precision otherwise);
* an elapsed time to a dated event ("64 years ago, ... 1958" gives 2022).

A sentence that names another year ("on its 55th anniversary in 2013") is
about that year, not about the time of writing, and is not used. When
statements disagree, the latest year wins (an article cannot be written before
the anniversary it marks) and the disagreement is reported in the evidence.

Both statements are read by the one anniversary resolver and the one "N years ago" reckoning
(:mod:`helpers.dates.anniversary`), over the one date grammar (:mod:`helpers.dates.grammar`).
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from helpers.dates.anniversary import Reference, find_anniversaries, find_ago, year_of_writing
from helpers.dates.grammar import MONTH, YEAR, month_number

_YEAR_RE = re.compile(YEAR)
_MONTH_RE = re.compile(rf"\b{MONTH}(?!\w)")


@dataclass(frozen=True)
class Inference:
    published: pd.Timestamp
    precision: str  # 'month' | 'year'
    start: int
    end: int
    evidence: str


def _from_anniversary(text: str, start: int, end: int,
                      references: Sequence[Reference] | None = None) -> Inference | None:
    """'January 31 marks the 73rd anniversary of <reference event>': the year (and month) of writing."""
    if "nniversar" not in text[start:end]:
        return None
    found = [(m, a) for m, a in find_anniversaries(text, start, end, references) if a.reference is not None]
    if not found:
        return None
    m, a = found[0]
    ref = a.reference
    if any(int(y) != ref.date[0] for y in _YEAR_RE.findall(text, start, end)):
        return None  # the sentence dates the anniversary itself: not the time of writing
    month = ref.date[1] if len(ref.date) > 1 else None
    names_month = month is not None and any(month_number(x.group()) == month
                                            for x in _MONTH_RE.finditer(text, start, end))
    stamp = pd.Timestamp(year=a.value[0], month=month if names_month else 1, day=1)
    when = dt.date(*ref.date).strftime("%d %B %Y") if len(ref.date) == 3 else "-".join(map(str, ref.date))
    what = f"{a.n} years after {ref.description.lower()} ({when})"
    return Inference(stamp, "month" if names_month else "year", start, end, f"anniversary: {what}")


def _from_years_ago(text: str, start: int, end: int) -> Inference | None:
    """'64 years ago, in 1958': the year of writing counted from the year nearest the phrase."""
    if " ago" not in text[start:end]:
        return None
    m = find_ago(text, start, end, unit="year")
    if not m:
        return None
    years = [(y.start(), int(y.group())) for y in _YEAR_RE.finditer(text, start, end)]
    if not years:
        return None
    # The year nearest to the phrase dates the event it counts from.
    _, event_year = min(years, key=lambda y: abs(y[0] - m.start()))
    return Inference(
        pd.Timestamp(year=year_of_writing(m.group(), event_year), month=1, day=1), "year", start, end,
        f"elapsed time: '{m.group(0)}' counted from {event_year}",
    )


def infer_published(text: str, sentences: list[tuple[int, int]],
                    references: Sequence[Reference] | None = None) -> Inference | None:
    """Publication date implied by the body sentences ``text[start:end]``, or None.

    ``references`` defaults to the project's reference events
    (:func:`helpers.dates.anniversary.load_references`).
    """
    # Each reading needs a word ("anniversary", "ago") in its sentence: none in the text, none in a sentence.
    anniversary, ago = "nniversar" in text, " ago" in text
    if not (anniversary or ago):
        return None
    found = []
    for start, end in sentences:
        inf = ((anniversary and _from_anniversary(text, start, end, references))
               or (ago and _from_years_ago(text, start, end)))
        if inf:
            found.append(inf)
    if not found:
        return None
    anniversaries = [f for f in found if f.evidence.startswith("anniversary")]
    pool = anniversaries or found
    best = max(pool, key=lambda f: (f.published.year, f.precision == "month"))
    others = sorted({f.published.year for f in found} - {best.published.year})
    if others:
        conflicts = ", ".join(str(y) for y in others)
        return Inference(best.published, best.precision, best.start, best.end,
                         f"{best.evidence}; other statements imply {conflicts} (latest year kept)")
    return best
