"""When was an article published? From its dateline, its catalog row, or its own words.

:func:`decide_publication` chooses, in this order: the date the page prints (its date stamp or agency
dateline, read by :mod:`helpers.corpus.printed_date`), the catalog's ``published``, the date inferred
from the text (below). It records the basis (``stated``, ``catalog``, ``inferred``, ``unknown``) and
reports a catalog date that contradicts the printed one.

:func:`infer_published` reads the body sentences of a page that prints no date
and looks for two kinds of statement that fix the year of writing:

* an ordinal anniversary of a reference event kept in
  ``helpers/data/reference_chronology.csv`` ("January 31 is the 73rd (or seventy-third) anniversary of
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

from helpers.corpus.printed_date import DATE_ORDERS, Stamp
from helpers.dates.anniversary import Reference, find_anniversaries, find_ago, year_of_writing
from helpers.dates.grammar import MONTH, YEAR, month_number, valid_date

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


# --------------------------------------------------------------------------- which date, on which basis
@dataclass(frozen=True)
class Publication:
    """The publication date chosen for a document, its precision and basis, the evidence in words, and a
    problem to report (the catalog contradicts the page), or None."""
    published: pd.Timestamp
    precision: str | None
    basis: str  # 'stated' | 'catalog' | 'inferred' | 'unknown'
    evidence: str
    problem: str | None = None


_LEN = {"year": 4, "month": 7, "day": 10}


def _iso(y: int, m: int | None = None, d: int | None = None) -> str:
    return "-".join([f"{y:04d}"] + [f"{x:02d}" for x in (m, d) if x is not None])


def _stamp_iso(s: Stamp) -> str:
    if s.year is None:
        return f"{dt.date(2000, s.month, s.day):%B} {s.day} (no year)"
    if s.readings:
        return " or ".join(_iso(*r) for r in s.readings)
    return _iso(s.year, s.month, s.day)


def _timestamp(y: int, m: int | None, d: int | None) -> pd.Timestamp:
    return pd.Timestamp(y, m or 1, d or 1)


def _agrees(iso: str, other: str) -> bool:
    """Two ISO dates of any precision agree at the coarser one: '2024-03' and '2024-03-05' do."""
    n = min(len(iso), len(other))
    return iso[:n] == other[:n]


def _nearest_year(month: int, day: int, ref: pd.Timestamp, ref_precision: str) -> int | None:
    """The year that puts (month, day) nearest to a reference date ('December 31' near 2025-01-02 is 2024);
    a reference known to the year only gives its year. None when no such year has the day (February 29).

    >>> _nearest_year(12, 31, pd.Timestamp("2025-01-02"), "day")
    2024
    >>> _nearest_year(2, 29, pd.Timestamp("2023-06-01"), "year") is None
    True
    """
    years = (ref.year,) if ref_precision == "year" else (ref.year - 1, ref.year, ref.year + 1)
    valid = [y for y in years if valid_date(y, month, day)]
    return min(valid, key=lambda y: abs((pd.Timestamp(y, month, day) - ref).days), default=None)


def _contradiction(printed: str, stamp: Stamp, catalog: tuple | None, used: str) -> str | None:
    if catalog is None or _agrees(printed, catalog[2]):
        return None
    return (f"the page prints {printed} ('{stamp.text}') but catalog.csv has published = {catalog[2]}; "
            f"{used} is used")


def _month_day(stamp: Stamp, catalog: tuple | None, inferred: Inference | None, quote: str) -> Publication:
    """A printed month and day with no year: the year from the catalog, else from the text, else unknown."""
    said = f"dateline: '{stamp.text}' gives {dt.date(2000, stamp.month, stamp.day):%B} {stamp.day}"
    if catalog is not None and _nearest_year(stamp.month, stamp.day, catalog[0], catalog[1]) is None:
        return Publication(catalog[0], catalog[1], "catalog", f"catalog.csv published = {catalog[2]}",
                           f"the page prints {_stamp_iso(stamp)} ('{stamp.text}'), a day catalog.csv's year "
                           f"{catalog[0].year} does not have; the catalog date is used")
    if catalog is not None:
        y = _nearest_year(stamp.month, stamp.day, catalog[0], catalog[1])
        problem = None
        if not _agrees(_iso(y, stamp.month, stamp.day), catalog[2]):
            problem = (f"the page prints {_stamp_iso(stamp)} ('{stamp.text}') but catalog.csv has published = "
                       f"{catalog[2]}; the printed month and day are used, in the catalog's year")
        return Publication(_timestamp(y, stamp.month, stamp.day), "day", "catalog",
                           f"{said}; the year {y} from catalog.csv published = {catalog[2]}", problem)
    y = None if inferred is None else _nearest_year(stamp.month, stamp.day, inferred.published, inferred.precision)
    if y is not None:
        return Publication(_timestamp(y, stamp.month, stamp.day), "day", "inferred",
                           f"{said}; the year {y} from the text: {inferred.evidence}, from '{quote}' "
                           f"[{inferred.start}:{inferred.end}]")
    return Publication(pd.NaT, None, "unknown", f"{said} but no year: no catalog date, no dating statement")


def _partial(stamp: Stamp, catalog: tuple | None) -> Publication:
    """A printed year only (a Juche year, or an all-number date that may be day-first or month-first): the
    catalog's finer date when it agrees with the page, else the printed year."""
    printed = _stamp_iso(stamp)
    open_order = (f"; '{stamp.text}' may be day-first or month-first and the outlet records no date_order"
                  if stamp.readings else "")
    if catalog is not None:
        agrees = (any(_agrees(_iso(*r), catalog[2]) for r in stamp.readings) if stamp.readings
                  else _agrees(_iso(stamp.year), catalog[2]))
        if agrees and _LEN[catalog[1]] > 4:
            return Publication(catalog[0], catalog[1], "catalog",
                               f"catalog.csv published = {catalog[2]}, which the page's '{stamp.text}' agrees with"
                               f"{open_order}")
        if not agrees:
            problem = _contradiction(printed, stamp, catalog, f"the printed year {stamp.year}")
            return Publication(_timestamp(stamp.year, None, None), "year", "stated",
                               f"dateline: '{stamp.text}'{open_order}", problem)
    return Publication(_timestamp(stamp.year, None, None), "year", "stated", f"dateline: '{stamp.text}'{open_order}")


def _update_only(printed: Stamp, catalog: tuple) -> Publication:
    """A page that prints only an update stamp, and a catalog date: the catalog's, reported when it is
    later than the update (an article is published on or before its update)."""
    problem = None
    if catalog[0] > _timestamp(printed.year, printed.month, printed.day):
        problem = (f"catalog.csv has published = {catalog[2]}, after the page's update stamp ('{printed.text}'); "
                   "the catalog date is used")
    return Publication(catalog[0], catalog[1], "catalog",
                       f"catalog.csv published = {catalog[2]}; the page prints only an update stamp ('{printed.text}')",
                       problem)


def decide_publication(stamp: Stamp | None, agency: Stamp | None, catalog: tuple | None,
                       inferred: Inference | None, quote: str = "", date_order: str | None = None) -> Publication:
    """The publication date of a document: printed on the page > catalog > inferred from the text.

    ``stamp`` is the date stamp by the headline and ``agency`` the agency dateline
    (:mod:`helpers.corpus.printed_date`); ``catalog`` is ``(timestamp, precision, value)`` of the catalog's
    ``published`` or None; ``inferred`` is :func:`infer_published`'s answer (``quote``: its sentence);
    ``date_order`` the outlet's recorded order of all-number dates ('dmy', 'mdy' or None).

    The basis is ``stated`` when the page alone fixes the date, ``catalog`` when the catalog fixes it or
    a part of it (the year of an agency dateline that prints a month and a day), ``inferred`` when the
    text does, ``unknown`` otherwise. A catalog date that disagrees with the printed date at their common
    precision is reported (``problem``) and the printed date is used. A page that prints only an update
    stamp was published on or before it: the catalog, when there is one, is used.

    >>> from helpers.corpus.printed_date import read_agency_dateline
    >>> cat = (pd.Timestamp("2024-07-21"), "day", "2024-07-21")
    >>> p = decide_publication(None, read_agency_dateline("Pyongyang, July 20 (KCNA) -- "), cat, None)
    >>> (str(p.published.date()), p.basis, p.problem is not None)
    ('2024-07-20', 'catalog', True)
    """
    by_order = ""
    if stamp is not None and stamp.readings and date_order in DATE_ORDERS:
        stamp = stamp.in_order(date_order)
        by_order = f"; read {'day' if date_order == 'dmy' else 'month'}-first by the outlet's date_order"
    if stamp is not None and stamp.precision == "year" and agency is not None and agency.year is None:
        # 'Juche 112 (2023)' by the headline and 'Pyongyang, March 29 (KCNA) --': the page fixes the day
        stamp = Stamp(f"{agency.text} {stamp.text}", stamp.year, agency.month, agency.day, role=stamp.role)
    if stamp is not None and stamp.role == "updated" and stamp.precision == "day" and agency is not None \
            and agency.year is None:
        # 'Updated: 2024-03-08' and 'SEOUL, March 7 (Yonhap) --': published on March 7 of the year before the update
        update = _timestamp(stamp.year, stamp.month, stamp.day)
        y = _nearest_year(agency.month, agency.day, update, "day")
        if y is not None and _timestamp(y, agency.month, agency.day) > update:
            y = y - 1 if valid_date(y - 1, agency.month, agency.day) else None
        if y is not None:
            agency = Stamp(f"{agency.text} {stamp.text}", y, agency.month, agency.day, source="agency")
    # A full date printed: a stamp before the agency dateline, an update stamp last.
    full = sorted((s for s in (stamp, agency) if s is not None and s.precision == "day"),
                  key=lambda s: s.role == "updated")
    if full and not (full[0].role == "updated" and catalog is not None):
        printed = full[0]
        note = "; the page prints only an update stamp (published on or before it)" if printed.role == "updated" else ""
        return Publication(_timestamp(printed.year, printed.month, printed.day), "day", "stated",
                           f"dateline: '{printed.text}'{by_order if printed is stamp else ''}{note}",
                           _contradiction(_stamp_iso(printed), printed, catalog, "the printed date"))
    if full:
        return _update_only(full[0], catalog)
    if stamp is not None and stamp.year is not None and stamp.role != "updated":
        return _partial(stamp, catalog)
    if agency is not None and agency.year is None:
        return _month_day(agency, catalog, inferred, quote)
    if catalog is not None:
        return Publication(catalog[0], catalog[1], "catalog", f"catalog.csv published = {catalog[2]}")
    if inferred is not None:
        return Publication(inferred.published, inferred.precision, "inferred",
                           f"{inferred.evidence}, from '{quote}' [{inferred.start}:{inferred.end}]")
    return Publication(pd.NaT, None, "unknown", "no dateline, no catalog date, no dating statement")
