"""The publication date a page prints: the date stamp by its headline, and the agency dateline.

A news page prints its date in a short *stamp line* just above or below its headline, or in its byline
line, and an agency story opens with a dateline:

- 'February 25, 2019 | 10:17 pm PT', 'By Tran Minh   February 24, 2019 | 11:21 pm PT',
  'February 06, 2025 - 22:05', 'Mar 01, 2019', 'Published : 2025-10-09', 'Updated: 2024-03-05 08:00',
  '05/03/2024', 'Juche113.3.29.', 'March 29, Juche 113 (2024)', 'Juche 112 (2023)';
- 'Pyongyang, March 29 (KCNA) --', 'HANOI, Feb 27 (Yonhap) --' (a month and a day: the year comes from
  elsewhere, see :mod:`helpers.corpus.pubdate`).

Other dates on a page are not its publication date: a crawl or retrieval date, a site header with
today's date, a "More From" or "Most read" list, a copyright year, the dates of the story itself. They
are told apart by what the line is and where it stands, not by one phrase:

1. *What the line is* (:func:`stamp_dates`): a stamp line is short and holds little but dates, times,
   labels and a byline: once its dates and times are set aside, what is left is a few Capitalised
   words (a name, a place, a section) or label words of ``helpers/data/date_stamp_labels.csv``
   ('Published', 'Updated', 'By', 'Retrieved', ...). A lower-case word of prose ('arrived', 'said')
   makes it a sentence, not a stamp. The label before a date gives its role: ``published``, ``updated``,
   ``crawl`` or ``copyright`` (the last two never date the article), or ``plain`` with no label.
2. *Where it stands* (:func:`choose_stamp`): the article's stamp is in the page head, below the headline
   (before the first paragraph) or just above it (at most two lines up, with only stamp lines or short
   lines between, so a date at the top of a site's menu is not it). Of those, a ``published`` stamp
   comes before a plain one and a plain one before an ``updated`` one (a page printing both 'Published'
   and 'Updated' was published on the first); then below the headline before above it, then the nearest.
   Only when the head has none, a stamp in the two lines right after the first paragraph (a byline under
   a standfirst) is taken. Lines further on ("More From", "Related", the story) are never read.
3. *What date it prints* (:func:`read_stamp`, :func:`read_agency_dateline`): a :class:`Stamp`. An
   all-number date is read day-first or month-first only when one number is above 12 (or both are the
   same) or by the order recorded for the outlet (:meth:`Stamp.in_order`); otherwise both readings are
   kept and the stamp fixes only its year.

Each step reads a few short lines with compiled patterns: linear in their length.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import pandas as pd

from helpers.dates.grammar import (DAY, MONTH, MONTH_ABBREVIATIONS, MONTHS, WEEKDAY_BEFORE, WEEKDAYS, YEAR,
                                   day_number, dmy, juche_to_gregorian, juche_year, mdy, month_number, numeric_date,
                                   valid_date, ymd, ymd_dot, ymd_slash)
from helpers.paths import data_file

DATE_ORDERS = ("dmy", "mdy")
# A stamp line is at most this long; a longer line is prose or a list, whatever it holds.
STAMP_MAX_CHARS = 160
# At most this many Capitalised words besides dates, times and labels (a byline's names, a place, a section).
STAMP_MAX_NAMES = 8
ROLE_RANK = {"published": 0, "plain": 1, "updated": 2}  # the roles that may date the article, best first
_ISO_TIME = r"(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
_JUCHE_DAY = (rf"(?:\s*+\.?\s*+(?P<ju_m>0?[1-9]|1[0-2])\s*+\.\s*+(?P<ju_d>3[01]|[12]\d|0?[1-9])(?!\d)\.?)?")
# 'Mar.7,2024', 'March. 07, 2024': a month name with a dot, then the day and the year, spaces optional.
_COMPACT = (rf"(?P<cp_m>(?:{'|'.join(MONTHS + MONTH_ABBREVIATIONS)})\.)\s*+(?P<cp_d>{DAY}),?\s*+"
            rf"(?P<cp_y>(?:1[89]|20)\d\d)(?!\d)")
# Every date opens with a digit or the first letter of a weekday, a month or 'Juche' (a, d, f, j, m, n, o, s,
# t, w in any case): the look-ahead turns every other position away at once, before the alternatives are
# tried there (half the time on the usual stamp line).
STAMP_DATE = re.compile(
    rf"(?=[\dadfjmnostw])(?:{WEEKDAY_BEFORE}?(?:{mdy('md_')}|{dmy('dm_')}|{_COMPACT}"
    rf"|(?P<jm_m>{MONTH})\s+(?P<jm_d>{DAY}),?\s+{juche_year('jm_')}"
    rf"|(?P<jd_d>{DAY})\s+(?:of\s+)?(?P<jd_m>{MONTH}),?\s+{juche_year('jd_')})"
    rf"|{ymd('iso_')}{_ISO_TIME}|{ymd_slash('sl_')}|{ymd_dot('dot_')}|{numeric_date('num_')}"
    rf"|{juche_year('ju_')}{_JUCHE_DAY})",
    re.IGNORECASE,
)
# A clock time, an hour offset: set aside with the dates ('10:17 pm', '22:05:31', 'GMT+7', 'UTC+07:00').
_CLOCK = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?:\s*+[ap]\.?m\b\.?)?|\b(?:GMT|UTC)(?:\s*+[+-]\s*+\d{1,2}"
                    r"(?::?\d{2})?)?", re.IGNORECASE)
_TOKEN = re.compile(r"[^\W\d_][\w'’.-]*|\d+|©")
_SEPARATOR = re.compile(r"[|/·•–—,:()\[\]-]|\s{2,}")
# Every stamp date holds a 4-digit year or a Juche year: a line with neither is not read further.
# (Opening with one class of characters, the pattern is searched for without trying both alternatives at
# every position.)
_YEARISH = re.compile(r"[\dJj](?:(?<=[Jj])[Uu][Cc][Hh][Ee]|(?<=\d)\d{3})")
_LOWER_WORD = re.compile(r"(?<![\w'’.-])[a-z][\w'’-]*")
_DOMAIN_END = re.compile(r"\.[A-Za-z]")
# Lower-case words a date or a time may hold ('5th of May', '10:17 a.m.', 'march 3, 2024').
_LOWER_DATE_WORDS = frozenset([m.lower() for m in MONTHS + WEEKDAYS] + [a.lower() for a in MONTH_ABBREVIATIONS]
                              + ["of", "am", "pm", "a", "p"])
_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)+")  # 'vietnamplus.vn': a site's name in a stamp line
# An agency dateline opening a story: 'HANOI, Feb. 27 (Yonhap) -- ', 'Pyongyang, July 20, 2024 (KCNA) --'.
AGENCY_DATELINE = re.compile(
    rf"\s*(?:[A-Z][A-Za-z .'-]{{1,40}},\s+)?"
    rf"(?:(?:(?P<am>(?i:{MONTH}))\s+(?P<ad>{DAY})|(?P<ad2>{DAY})\s+(?P<am2>(?i:{MONTH})))"
    rf"(?:,?\s+(?P<ay>{YEAR}))?,?\s+)?"
    r"\((?P<agency>[A-Z][A-Za-z .]{1,40})\)\s*(?:--|—|–|-)\s*"
)


@lru_cache(maxsize=1)
def stamp_labels() -> dict[str, str]:
    """Label words of a stamp line and their role (``helpers/data/date_stamp_labels.csv``), lower case."""
    table = pd.read_csv(data_file("date_stamp_labels.csv"), dtype=str, keep_default_na=False)
    return dict(zip(table["word"].str.lower(), table["role"]))


@dataclass(frozen=True)
class Stamp:
    """A date as the page prints it. ``year``, ``month``, ``day`` are None where it does not say.

    ``readings`` holds the day-first and the month-first reading of an all-number date whose order the
    stamp leaves open (then ``month`` and ``day`` are None); ``role`` is 'published', 'plain' or
    'updated'; ``source`` is 'stamp' (a line near the headline) or 'agency' (an agency dateline).
    """
    text: str
    year: int | None
    month: int | None = None
    day: int | None = None
    role: str = "plain"
    readings: tuple = ()
    source: str = "stamp"

    @property
    def precision(self) -> str | None:
        """'day', 'month' or 'year'; None when no year is printed (a month and a day)."""
        if self.year is None:
            return None
        return "day" if self.day is not None else "month" if self.month is not None else "year"

    def in_order(self, order: str | None) -> Stamp:
        """The stamp with an open all-number date read in ``order`` ('dmy' or 'mdy'), if one is given.

        >>> s = read_stamp("05/03/2024")
        >>> s.precision, s.in_order("dmy").month, s.in_order("mdy").month
        ('year', 3, 5)
        """
        if not self.readings or order not in DATE_ORDERS:
            return self
        y, m, d = self.readings[DATE_ORDERS.index(order)]
        return replace(self, month=m, day=d, readings=())


def stamp_dates(line: str) -> list[tuple[str, re.Match]] | None:
    """The dates a stamp line prints, each with its role, or None if the line is not a stamp line.

    >>> [(role, m.group()) for role, m in stamp_dates("Published: 2024-03-05 | Updated: 2024-03-06 10:00")]
    [('published', '2024-03-05'), ('updated', '2024-03-06')]
    >>> stamp_dates("The delegation arrived on March 3, 2024.") is None  # a sentence
    True
    >>> stamp_dates("Vietnam Hosts Trade Fair March 3, 2024") is None  # a headline: three names, no separator
    True
    """
    s = line.strip()
    if not s or len(s) > STAMP_MAX_CHARS or not _YEARISH.search(s):
        return None
    labels = stamp_labels()
    for w in _LOWER_WORD.finditer(s):  # a quick look for a word of prose before the dates are read
        if w.group() not in labels and w.group() not in _LOWER_DATE_WORDS and not _DOMAIN_END.match(s, w.end()):
            return None
    dates = list(STAMP_DATE.finditer(s))
    if not dates:
        return None
    found: list[tuple[str, re.Match]] = []
    pending, names, numbers, fillers, labelled, separated = None, 0, 0, 0, False, False
    pos = 0
    for m in [*dates, None]:
        piece = s[pos:m.start()] if m is not None else s[pos:]
        if _CLOCK.search(piece):  # a time of day beside the date
            separated, piece = True, _CLOCK.sub(" ", piece)
        separated = separated or _SEPARATOR.search(piece.strip()) is not None
        for token in _TOKEN.findall(piece):
            role = labels.get(token.lower().rstrip(".:"))
            if role == "filler":
                fillers += 1
            elif role is not None:
                labelled = True
                pending = role if role != "byline" else pending
            elif token[0].isdigit():
                numbers += 1
            elif token[0].isupper() or _DOMAIN.fullmatch(token):
                names += 1
            else:
                return None  # a lower-case word: prose
        if m is not None:
            found.append((pending or "plain", m))
            pending, pos = None, m.end()
    if names > STAMP_MAX_NAMES or numbers > 2:
        return None
    if not (labelled or separated) and (names > 2 or fillers):
        return None  # 'Rally Held on June 25, 2024': a headline that holds a date, not a stamp
    return found


def _ymd(m: re.Match) -> tuple[int | None, int | None, int | None, tuple] | None:
    """(year, month, day, readings) of a :data:`STAMP_DATE` match, or None if it is no calendar date."""
    g = m.groupdict()
    if g["num_y"]:
        y, a, b = int(g["num_y"]), int(g["num_a"]), int(g["num_b"])
        day_first, month_first = (y, b, a), (y, a, b)
        ok = [r for r in (day_first, month_first) if valid_date(*r)]
        if not ok:
            return None
        if len(ok) == 1 or a == b:
            return (*ok[0], ())
        return y, None, None, (day_first, month_first)
    for p in ("md_", "dm_", "cp_", "iso_", "sl_", "dot_"):
        if g[p + "y"]:
            mo = month_number(g[p + "m"]) if p in ("md_", "dm_", "cp_") else int(g[p + "m"])
            y, d = int(g[p + "y"]), day_number(g[p + "d"])
            return (y, mo, d, ()) if valid_date(y, mo, d) else None
    p = next(p for p in ("jm_", "jd_", "ju_") if g[p + "j"])
    y = juche_to_gregorian(int(g[p + "j"]))
    if g[p + "jy"] and int(g[p + "jy"]) != y:
        return None  # 'Juche 112 (2024)': the two years disagree
    if not g[p + "m"]:
        return y, None, None, ()
    mo = month_number(g[p + "m"]) if p != "ju_" else int(g[p + "m"])
    d = day_number(g[p + "d"])
    return (y, mo, d, ()) if valid_date(y, mo, d) else None


def read_stamp(line: str) -> Stamp | None:
    """The publication date a stamp line prints, or None (no stamp line, or only crawl or copyright dates).

    A 'Published' date before a plain one, a plain one before an 'Updated' one.

    >>> s = read_stamp("By Tran Minh   February 24, 2019 | 11:21 pm PT")
    >>> (s.year, s.month, s.day, s.role)
    (2019, 2, 24, 'plain')
    >>> s = read_stamp("Juche113.3.29.")
    >>> (s.year, s.month, s.day)
    (2024, 3, 29)
    >>> read_stamp("Retrieved 2025-10-09 08:00") is None
    True
    """
    return stamp_of(line, stamp_dates(line))


def stamp_of(line: str, dates: list[tuple[str, re.Match]] | None) -> Stamp | None:
    """:func:`read_stamp` of a line whose :func:`stamp_dates` are already known (``dates``), without reading
    them again."""
    if not dates:
        return None
    for role, m in sorted((d for d in dates if d[0] in ROLE_RANK), key=lambda d: ROLE_RANK[d[0]]):
        parts = _ymd(m)
        if parts is not None:
            y, mo, d, readings = parts
            return Stamp(" ".join(line.split()), y, mo, d, role=role, readings=readings)
    return None


def read_agency_dateline(text: str) -> Stamp | None:
    """The date an agency dateline prints (often a month and a day only), or None.

    >>> s = read_agency_dateline("Pyongyang, March 29 (KCNA) -- ")
    >>> (s.year, s.month, s.day, s.precision)
    (None, 3, 29, None)
    >>> read_agency_dateline("SEOUL, 31 Jan 2025 (Yonhap) --").precision
    'day'
    """
    m = AGENCY_DATELINE.match(text)
    if not m or not (m.group("am") or m.group("am2")):
        return None
    mo = month_number(m.group("am") or m.group("am2"))
    d = day_number(m.group("ad") or m.group("ad2"))
    y = int(m.group("ay")) if m.group("ay") else None
    if not valid_date(2000 if y is None else y, mo, d):  # 2000: a leap year, so February 29 stands
        return None
    return Stamp(" ".join(m.group().split()), y, mo, d, source="agency")


def agency_dateline_line(line: str) -> bool:
    """A line that is an agency dateline with its date and nothing more (some copies print it on its own line).

    >>> agency_dateline_line("Pyongyang, March 29 (KCNA) --"), agency_dateline_line("Hanoi (VNA) -")
    (True, False)
    """
    if "(" not in line:
        return False
    m = AGENCY_DATELINE.fullmatch(line.strip())
    return m is not None and bool(m.group("am") or m.group("am2"))


def _near_above(i: int, j: int, lines: Sequence[str], stamps: Mapping[int, object]) -> bool:
    """Line ``i`` stands just above line ``j``: at most two lines between, each a stamp line or short (a
    section name or kicker of at most three words, not a web address)."""
    return j - i <= 3 and all(k in stamps or (len(lines[k].split(None, 3)) <= 3 and "://" not in lines[k])
                              for k in range(i + 1, j))


def choose_stamp(stamps: Mapping[int, list], lines: Sequence[str], headline: int | None,
                 first_paragraph: int | None = None) -> int | None:
    """Which stamp line dates the article: its index in ``lines``, or None.

    ``lines`` are the page's first lines: the head (before the first paragraph of prose, at
    ``first_paragraph``; default: all of ``lines``) and up to two lines after that paragraph; ``stamps``
    maps the index of each stamp line among them to its :func:`stamp_dates`; ``headline`` is the headline's
    index (None when the page has none: then a stamp just above the first paragraph). A stamp of the head
    comes first: below the headline, else just above it; a stamp right after the first paragraph (a byline
    under a standfirst) only when the head has none.

    >>> head = ["Home | World | Business", "Tuesday, June 4, 2024", "Menu Sports Culture Travel Opinion Video",
    ...         "Ferry line opens", "By Le Hoa | June 2, 2024"]
    >>> stamps = {i: stamp_dates(s) for i, s in enumerate(head) if stamp_dates(s)}
    >>> choose_stamp(stamps, head, headline=3)
    4
    """
    first = len(lines) if first_paragraph is None else first_paragraph
    anchor = headline if headline is not None else first
    best = None
    for i, dates in stamps.items():
        roles = [ROLE_RANK[r] for r, _ in dates if r in ROLE_RANK]
        if not roles or i >= len(lines) or i == anchor:
            continue
        if anchor < i < first:
            where = (0, 0, i - anchor)  # below the headline, before the first paragraph
        elif i < anchor and _near_above(i, anchor, lines, stamps):
            where = (0, 1, anchor - i)
        elif first < i <= first + 2 and all(k in stamps or len(lines[k].split(None, 4)) <= 4
                                             for k in range(first + 1, i)):
            where = (1, 0, i - first)  # just after the first paragraph
        else:
            continue
        key = (where[0], min(roles), *where[1:])
        if best is None or key < best[0]:
            best = (key, i)
    return None if best is None else best[1]


def check_date_orders(registry: pd.DataFrame, where: Path, problems: list[str]) -> None:
    """The optional ``date_order`` column of the outlet registry: empty, 'dmy' or 'mdy'."""
    if "date_order" not in registry.columns:
        return
    for outlet, order in zip(registry["outlet"], registry["date_order"]):
        if order and order not in DATE_ORDERS:
            problems.append(f"{where}: outlet {outlet!r}: date_order {order!r} is not dmy, mdy or empty")
