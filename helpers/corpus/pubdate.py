"""When was an article published? From its dateline, its catalog row, or its own words.

:func:`infer_published` reads the body sentences of a page that prints no date
and looks for two kinds of statement that fix the year of writing:

* an ordinal anniversary of a reference event kept in
  ``helpers/data/reference_dates.csv`` ("January 31 is the 73rd anniversary of
  the establishment of the diplomatic relations" with relations established on
  31 January 1950 gives January 2023: month precision when the sentence names
  the anniversary's month, year precision otherwise);
* an elapsed time to a dated event ("64 years ago, ... 1958" gives 2022).

A sentence that names another year ("on its 55th anniversary in 2013") is
about that year, not about the time of writing, and is not used. When
statements disagree, the latest year wins (an article cannot be written before
the anniversary it marks) and the disagreement is reported in the evidence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from helpers.paths import data_file

_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_NUMBER_WORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen)"
)
YEARS_AGO = re.compile(rf"\b(?P<n>\d{{1,3}}|{_NUMBER_WORD})\s+years?\s+ago\b", re.I)
YEAR = re.compile(r"(?<![\d,.])(1[5-9]\d\d|20\d\d)(?!\d|,\d)")
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]


def number_value(token: str) -> int:
    """'64' -> 64, 'sixty-four' -> 64, 'seven' -> 7."""
    token = token.lower().replace("-", " ").strip()
    if token.isdigit():
        return int(token)
    parts = token.split()
    if parts[0] in _TENS:
        return _TENS[parts[0]] + (_UNITS.index(parts[1]) if len(parts) > 1 else 0)
    return _UNITS.index(parts[0])


@dataclass(frozen=True)
class Inference:
    published: pd.Timestamp
    precision: str  # 'month' | 'year'
    start: int
    end: int
    evidence: str


@lru_cache(maxsize=1)
def reference_dates() -> pd.DataFrame:
    """The curated reference events (helpers/data/reference_dates.csv), dates parsed."""
    table = pd.read_csv(data_file("reference_dates.csv"), dtype=str)
    table["date"] = pd.to_datetime(table["date"], format="%Y-%m-%d")
    return table


@lru_cache(maxsize=1)
def _anniversary_pattern() -> tuple[re.Pattern, dict[str, int]]:
    refs = reference_dates()
    alias_to_row: dict[str, int] = {}
    for i, cell in enumerate(refs["aliases"]):
        for alias in cell.split("|"):
            alias_to_row.setdefault(alias.strip().lower(), i)
    alt = "|".join(re.escape(a) for a in sorted(alias_to_row, key=len, reverse=True))
    pattern = re.compile(
        rf"\b(?P<n>\d{{1,3}})(?:st|nd|rd|th)\s+anniversary\s+of\s+(?:the\s+)?(?P<what>{alt})\b", re.I
    )
    return pattern, alias_to_row


def _from_anniversary(text: str, start: int, end: int) -> Inference | None:
    if "anniversary" not in text[start:end]:
        return None
    pattern, alias_to_row = _anniversary_pattern()
    m = pattern.search(text, start, end)
    if not m:
        return None
    ref = reference_dates().iloc[alias_to_row[m.group("what").lower()]]
    if any(int(y) != ref["date"].year for y in YEAR.findall(text, start, end)):
        return None  # the sentence dates the anniversary itself: not the time of writing
    year = ref["date"].year + int(m.group("n"))
    month = ref["date"].month
    sentence = text[start:end].lower()
    names_month = re.search(rf"\b{_MONTHS[month - 1][:3]}", sentence) is not None
    stamp = pd.Timestamp(year=year, month=month if names_month else 1, day=1)
    what = f"{m.group('n')} years after {ref['description'].lower()} ({ref['date']:%d %B %Y})"
    return Inference(stamp, "month" if names_month else "year", start, end, f"anniversary: {what}")


def _from_years_ago(text: str, start: int, end: int) -> Inference | None:
    if " ago" not in text[start:end]:
        return None
    m = YEARS_AGO.search(text, start, end)
    if not m:
        return None
    years = [(y.start(), int(y.group(1))) for y in YEAR.finditer(text, start, end)]
    if not years:
        return None
    # The year nearest to the phrase dates the event it counts from.
    _, event_year = min(years, key=lambda y: abs(y[0] - m.start()))
    n = number_value(m.group("n"))
    return Inference(
        pd.Timestamp(year=event_year + n, month=1, day=1), "year", start, end,
        f"elapsed time: '{m.group(0)}' counted from {event_year}",
    )


def infer_published(text: str, sentences: list[tuple[int, int]]) -> Inference | None:
    """Publication date implied by the body sentences ``text[start:end]``, or None."""
    found = []
    for start, end in sentences:
        inf = _from_anniversary(text, start, end) or _from_years_ago(text, start, end)
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
