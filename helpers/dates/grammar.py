"""The one date grammar: the vocabulary and shapes every stage that reads a date refers to.

As HeidelTime keeps one ``repattern`` vocabulary shared by all its rules, this module is the
only place in ``helpers`` that spells out month and weekday names, numbers and ordinals in words,
duration units and the shapes of a written date. Everything else composes these pieces:

- words: :data:`MONTHS`, :data:`MONTH_ABBREVIATIONS`, :data:`WEEKDAYS`, :data:`NUMBER_WORD`,
  :data:`ORDINAL_WORD`, :data:`UNIT_ISO`, and their parsers :func:`month_number`,
  :func:`day_number`, :func:`parse_number`, :func:`parse_ordinal`, :func:`unit_name`,
  :func:`juche_to_gregorian`;
- regex fragments (no flags needed; case-insensitive parts say so inline): :data:`MONTH`,
  :data:`MONTH_FULL`, :data:`WEEKDAY`, :data:`DAY`, :data:`YEAR`, :data:`NUM`, :data:`NUM_A`,
  :data:`ORD`, :data:`UNIT`, :data:`UNIT_PL`, :data:`TO`;
- date shapes with named groups ``y``, ``m``, ``d`` (a prefix keeps names apart when shapes are
  combined): :func:`mdy` (month first), :func:`dmy` (day first), :func:`ymd` (ISO), :func:`ymd_slash`,
  and :data:`DATE`, the union a dateline may print;
- :func:`parse_date`: the calendar date a date string states (the dateline parser's job).

Nothing here reads a file or imports a stage; it compiles a few patterns at import.
"""
from __future__ import annotations

import calendar
import re

# --------------------------------------------------------------------------- words
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
# Abbreviations in use (a dot may follow each); 'May' has none and 'Sept' is a second one for September.
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec")
MONTH_NUMBER = {name.lower(): i for i, name in enumerate(MONTHS, 1)}
MONTH_NUMBER.update({a.lower(): MONTH_NUMBER[next(m for m in MONTHS if m.startswith(a[:3])).lower()]
                     for a in MONTH_ABBREVIATIONS})
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAY_NUMBER = {name.lower(): i for i, name in enumerate(WEEKDAYS)}   # Monday = 0, as datetime

UNITS_1_19 = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
              "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
NUMBER_WORD = {w: i for i, w in enumerate(UNITS_1_19, 1)}
NUMBER_WORD.update({w: 10 * i for i, w in enumerate(TENS, 2)})
NUMBER_WORD.update({"hundred": 100, "a": 1, "an": 1})
ORDINALS_1_19 = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                 "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                 "eighteenth", "nineteenth")
ORDINAL_WORD = {w: i for i, w in enumerate(ORDINALS_1_19, 1)}
ORDINAL_WORD.update({t[:-1] + "ieth": 10 * i for i, t in enumerate(TENS, 2)})
ORDINAL_WORD["hundredth"] = 100
# Duration units and their ISO 8601 designators; decades and centuries are counted in years.
UNIT_ISO = {"year": ("Y", 1), "month": ("M", 1), "week": ("W", 1), "day": ("D", 1),
            "decade": ("Y", 10), "century": ("Y", 100), "hour": ("TH", 1), "minute": ("TM", 1)}
JUCHE_EPOCH = 1911      # Juche 1 is 1912, the year of Kim Il Sung's birth: Juche N = N + 1911

# --------------------------------------------------------------------------- fragments
MONTH_FULL = rf"(?:{'|'.join(MONTHS)})"
MONTH = rf"(?:{'|'.join(MONTHS)}|(?:{'|'.join(MONTH_ABBREVIATIONS)})\.?)"
WEEKDAY = rf"(?:{'|'.join(WEEKDAYS)})"
ORDINAL_SUFFIX = r"(?:st|nd|rd|th)"
DAY = rf"(?:3[01]|[12]\d|0?[1-9]){ORDINAL_SUFFIX}?(?!\d)"
YEAR = r"(?<![\d,.])(?:1[89]\d\d|20\d\d)(?!\d)"
TO = r"(?:to|until|till|through|[-–—])"
_NUMWORD = "|".join(sorted((w for w in NUMBER_WORD if w not in ("a", "an")), key=len, reverse=True))
NUM = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|(?i:(?:{_NUMWORD})(?:[\s-](?:{_NUMWORD}))?))"
NUM_A = rf"(?:{NUM}|(?i:an?))"
UNIT = r"(?i:years?|months?|weeks?|days?|decades?|centur(?:y|ies)|hours?|minutes?)"
UNIT_PL = r"(?i:years|months|weeks|days|decades|centuries)"
_ORDWORD = "|".join([rf"(?:{'|'.join(TENS)})-(?:{'|'.join(ORDINALS_1_19[:9])})"]
                    + sorted(ORDINAL_WORD, key=len, reverse=True))
ORD = rf"(?:\d{{1,3}}{ORDINAL_SUFFIX}|(?i:{_ORDWORD}))"
# Words an expression may begin with (digits aside), lower case: for finders that look before an anchor.
STARTER_WORDS = frozenset(list(MONTH_NUMBER) + list(WEEKDAY_NUMBER) + list(NUMBER_WORD) + list(ORDINAL_WORD)
                          + list(TENS) + ["juche"])
# The words a date expression is anchored on: month and weekday names, Juche.
ANCHOR_NAMES = rf"(?:{'|'.join(MONTHS)}|{'|'.join(MONTH_ABBREVIATIONS)}|{'|'.join(WEEKDAYS)}|Juche)"

# Date stamps printed in numbers and in the Juche calendar (read by helpers.corpus.printed_date).
def numeric_date(p: str = "") -> str:
    """Two numbers and a 4-digit year joined by one separator ('/', '.' or '-'), groups ``{p}a``, ``{p}b``,
    ``{p}y``: '05/03/2024', '5.3.2024', '25-12-2024'. Which of a and b is the day is left to the reader."""
    return (rf"(?<![\d.:/-])(?P<{p}a>\d{{1,2}})(?P<{p}s>[./-])(?P<{p}b>\d{{1,2}})(?P={p}s)"
            rf"(?P<{p}y>(?:1[89]|20)\d\d)(?!\d)")


def ymd_dot(p: str = "") -> str:
    """Year, month, day joined by dots, groups ``{p}y``, ``{p}m``, ``{p}d``: '2024.03.05', '2024.3.5'."""
    return rf"(?P<{p}y>{YEAR})\.(?P<{p}m>0?[1-9]|1[0-2])\.(?P<{p}d>3[01]|[12]\d|0?[1-9])(?!\d)"


# --------------------------------------------------------------------------- shapes
def mdy(p: str = "") -> str:
    """Month first, with groups ``{p}m``, ``{p}d``, ``{p}y``: 'February 19, 2019', 'Sept. 3rd 2020'."""
    return rf"(?P<{p}m>{MONTH})\s+(?P<{p}d>{DAY}),?\s+(?P<{p}y>{YEAR})"


def dmy(p: str = "") -> str:
    """Day first, with groups ``{p}d``, ``{p}m``, ``{p}y``: '31 Jan. 2025', '5th of May, 2016'."""
    return rf"(?P<{p}d>{DAY})\s+(?:of\s+)?(?P<{p}m>{MONTH}),?\s+(?P<{p}y>{YEAR})"


def ymd(p: str = "") -> str:
    """ISO 8601 calendar date, with groups ``{p}y``, ``{p}m``, ``{p}d``: '2019-02-19'."""
    return rf"(?P<{p}y>{YEAR})-(?P<{p}m>0[1-9]|1[0-2])-(?P<{p}d>0[1-9]|[12]\d|3[01])(?!\d)"


def ymd_slash(p: str = "") -> str:
    """Year/month/day with slashes, with groups ``{p}y``, ``{p}m``, ``{p}d``: '2019/2/19'."""
    return rf"(?P<{p}y>{YEAR})/(?P<{p}m>0?[1-9]|1[0-2])/(?P<{p}d>3[01]|[12]\d|0?[1-9])(?!\d)"


WEEKDAY_BEFORE = rf"(?:{WEEKDAY},?\s+)"
# Every shape a printed date stamp may take; the group prefixes say which shape matched.
DATE = rf"(?:{WEEKDAY_BEFORE}?(?:{mdy('md_')}|{dmy('dm_')})|{ymd('iso_')}|{ymd_slash('sl_')})"
_DATE_RE = re.compile(DATE, re.IGNORECASE)
_SHAPE_PREFIXES = ("md_", "dm_", "iso_", "sl_")


# --------------------------------------------------------------------------- Juche years, qualifiers
def juche_year(p: str = "") -> str:
    """A Juche year with groups ``{p}j`` (the Juche year) and ``{p}jy`` (a Gregorian year printed with it):
    'Juche 46 (1957)', 'Juche year 108', 'Juche 47', and as date stamps print it, 'Juche113'. Read it with
    :func:`juche_value`."""
    return rf"Juche\s*+(?:[Yy]ear\s+)?(?P<{p}j>\d{{1,3}})(?!\d)(?:\s*+\(\s*+(?P<{p}jy>{YEAR})\s*+\))?"


def juche_value(juche: str | int, printed: str | int | None = None) -> int | None:
    """The Gregorian year of a Juche year, None when the year printed beside it disagrees.

    >>> juche_value("46", "1957"), juche_value(108), juche_value(48, 1961)
    (1957, 2019, None)
    """
    year = juche_to_gregorian(int(juche))
    return year if printed is None or int(printed) == year else None


def _phrases(phrases) -> str:
    """A choice of phrases, longest first, any white space between their words."""
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in sorted(phrases, key=len, reverse=True))


# Words that make a count approximate ('more than ten years ago', 'nearly 30 years'), lower case.
APPROXIMATORS = ("more than", "less than", "fewer than", "over", "under", "nearly", "almost", "about", "around",
                 "some", "roughly", "approximately", "at least", "at most", "close to", "up to", "upwards of",
                 "just over", "just under", "well over")
APPROXIMATOR = rf"(?i:{_phrases(APPROXIMATORS)})"
# Parts of a period named before it ('the middle of the 1990s', 'the end of 2019', 'the beginning of March').
PERIOD_PARTS = ("beginning", "start", "middle", "end", "first half", "second half", "turn", "close", "dawn")
PERIOD_PART = rf"(?i:{_phrases(PERIOD_PARTS)})"


# --------------------------------------------------------------------------- parsers
def month_number(text: str) -> int:
    """'September' -> 9, 'Sept.' -> 9, 'sep' -> 9, 'May' -> 5; KeyError for a word that is no month."""
    key = text.strip().rstrip(".").lower()
    return MONTH_NUMBER[key] if key in MONTH_NUMBER else MONTH_NUMBER[key[:3]]


def day_number(text: str) -> int:
    """'3rd' -> 3, '05' -> 5."""
    return int(re.sub(r"\D", "", text))


def parse_number(text: str) -> int:
    """'55' -> 55, 'three' -> 3, 'twenty-five' -> 25, 'a' -> 1, '1,000' -> 1000."""
    text = text.strip().lower()
    if text[0].isdigit():
        return int(text.replace(",", ""))
    total = 0
    for word in re.split(r"[\s-]+", text):
        value = NUMBER_WORD[word]
        total = total * value if value == 100 and total else total + value
    return total


def parse_ordinal(text: str) -> int:
    """'73rd' -> 73, 'fifth' -> 5, 'seventy-third' -> 73, 'Twentieth' -> 20."""
    text = text.strip().lower()
    if text[0].isdigit():
        return int(text[:-2])
    if "-" in text:
        tens, unit = text.split("-")
        return NUMBER_WORD[tens] + ORDINAL_WORD[unit]
    return ORDINAL_WORD[text]


def unit_name(text: str) -> str:
    """'Years' -> 'year', 'centuries' -> 'century'."""
    text = text.lower()
    return "century" if text.startswith("centur") else text.rstrip("s")


def juche_to_gregorian(juche_year: int) -> int:
    """Juche 48 -> 1959 (the Juche calendar counts from 1912 as year 1)."""
    return juche_year + JUCHE_EPOCH


def valid_date(y: int, m: int | None = None, d: int | None = None) -> bool:
    """Is (y[, m[, d]]) a calendar date? (2019, 2, 29) -> False."""
    if m is not None and not 1 <= m <= 12:
        return False
    return d is None or 1 <= d <= calendar.monthrange(y, m)[1]


def parse_date(text: str) -> tuple[int, int, int] | None:
    """The first calendar date ``text`` states, as (year, month, day), or None.

    Any shape of :data:`DATE`, in any case, with or without a weekday or ordinal day:
    'Tuesday, February 19, 2019 | 05:01' -> (2019, 2, 19); '31 Jan. 2025' -> (2025, 1, 31);
    '2020-11-05 08:00' -> (2020, 11, 5). An impossible date ('February 30, 2019') gives None.
    """
    m = _DATE_RE.search(text)
    if not m:
        return None
    p = next(p for p in _SHAPE_PREFIXES if m.group(p + "y"))
    y, d = int(m.group(p + "y")), day_number(m.group(p + "d"))
    mo = month_number(m.group(p + "m")) if p in ("md_", "dm_") else int(m.group(p + "m"))
    return (y, mo, d) if valid_date(y, mo, d) else None
