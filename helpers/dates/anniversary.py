"""The one anniversary resolver and the one "N years ago" reckoning.

Every stage that turns an ordinal anniversary or an elapsed time into a year calls this module:
``corpus.pubdate`` (the year an undated page was written), ``annotate.timex`` (the value of the
expression) and ``events.chronology`` (the publication year a sentence implies).

- Reference events come from ``helpers/data/reference_chronology.csv`` (the preferred claim of each
  event: its date and the phrases that name them, :mod:`helpers.dates.reference`) and
  ``helpers/data/event_keywords.csv`` (who may be named as their parties), read once through
  :func:`helpers.paths.data_file` (:func:`load_references`) and passed to the resolver as an
  argument with that default.
- :func:`resolve_anniversary`: 'the 73rd (or seventy-third) anniversary' followed by ' of the
  establishment of diplomatic relations' is the reference date plus 73 years, unless the phrase
  names parties that are not the event's own ('... between Vietnam and Cuba').
- :func:`ago_offset`, :func:`date_ago`, :func:`year_of_writing`: '64 years ago' as (64, 'year'),
  as a date counted back from the publication date, and as the year of writing counted forward
  from the year of the event it dates.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

import pandas as pd

from helpers.dates.grammar import NUM_A, ORD, UNIT, UNIT_ISO, parse_number, parse_ordinal, unit_name
from helpers.dates.intervals import parse_interval
from helpers.dates.reference import citation, preferred_references
from helpers.paths import data_file

PRECISIONS = ("day", "month", "year")

# 'the 73rd anniversary', 'seventy-third Anniversary': the ordinal is group ``n``.
ANNIVERSARY = rf"(?P<n>{ORD})\s+(?i:anniversary)"
# '64 years ago', 'Sixty-four years ago', 'a year ago': number ``n``, unit ``u``.
AGO = rf"(?P<n>{NUM_A})[\s-]+(?P<u>{UNIT})\s+(?i:ago)"
_ANNIVERSARY_RE = re.compile(rf"(?<![\w-]){ANNIVERSARY}(?!\w)")
_AGO_RE = re.compile(rf"(?<![\w$£€/:]){AGO}(?!\w)")
_AGO_FULL = re.compile(rf"^{AGO}$")
_OF_AFTER = re.compile(r"\s+(?i:of)\s+")
_PARTIES_AFTER = re.compile(r"\s+((?i:between|with))\b")
_AND = re.compile(r"\s+and\s+")
_SPACES = re.compile(r"\s+")


class Reference(NamedTuple):
    """A dated reference event, the phrases that name it, and who may be named as its parties."""

    event_id: str
    pattern: re.Pattern          # any alias, optionally after 'the'
    date: tuple                  # (y[, m[, d]]) at the precision the data gives
    parties: re.Pattern | None   # one party named after 'between'/'with'
    description: str = ""


class Anniversary(NamedTuple):
    """An ordinal anniversary resolved against a reference event."""

    n: int
    reference: Reference | None  # None: an event's alias, but with parties that are not its own
    value: tuple | None          # the anniversary's date, at the reference's precision
    length: int                  # characters of the text after 'anniversary' that name the event


# --------------------------------------------------------------------------- reference events
@functools.cache
def reference_dates() -> pd.DataFrame:
    """The preferred claim of each reference event (helpers/data/reference_chronology.csv), its first day
    parsed as ``date``, its last day as ``end_date`` ('' for one day), its citation as ``source``."""
    table = preferred_references()
    spans = [parse_interval(a, b) for a, b in zip(table["date"], table["end_date"])]
    table["date"] = pd.to_datetime([s.start for s in spans])
    table["end_date"] = [s.end.isoformat() if s.end != s.start else "" for s in spans]
    table["source"] = [citation(r) for r in table.itertuples()]
    return table


def alias_pattern(aliases: Iterable[str]) -> re.Pattern:
    """One pattern for a list of phrases, longest first, any white space between words, 'the' optional."""
    phrases = sorted({a.strip() for a in aliases if a.strip()}, key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in phrases)
    return re.compile(rf"(?:the\s+)?(?:{body})\b", re.IGNORECASE)


def _date_tuple(text: str, precision: str) -> tuple:
    parts = tuple(int(x) for x in str(text).split("-"))
    return parts[: PRECISIONS[::-1].index(precision) + 1]


def references_from_tables(dates: pd.DataFrame, keywords: pd.DataFrame) -> tuple[Reference, ...]:
    """Reference events from a reference table and the ``party`` rows of an event-keywords table.

    A table with a ``preferred`` column (the reference chronology) gives one event per preferred row.
    """
    if "preferred" in dates.columns:
        dates = dates[dates["preferred"].astype(str).str.lower().isin(("true", "1", "yes"))]
    parties: dict[str, list[str]] = {}
    for row in keywords[keywords["kind"] == "party"].itertuples():
        if row.label not in set(dates["event_id"]):
            raise ValueError(f"event_keywords.csv names parties of {row.label!r}, "
                             f"an event that reference_chronology.csv does not define")
        parties.setdefault(row.label, []).append(row.pattern)
    refs = []
    for row in dates.itertuples():
        aliases = [row.description] + (row.aliases.split("|") if "aliases" in dates.columns else [])
        party = parties.get(row.event_id)
        refs.append(Reference(row.event_id, alias_pattern(aliases), _date_tuple(row.date, row.precision),
                              re.compile("|".join(party), re.IGNORECASE) if party else None, row.description))
    return tuple(refs)


@functools.cache
def load_references() -> tuple[Reference, ...]:
    """The project's reference events (reference_chronology.csv) and their parties (event_keywords.csv)."""
    dates = preferred_references()
    keywords = pd.read_csv(data_file("event_keywords.csv"), dtype=str, keep_default_na=False)
    return references_from_tables(dates, keywords)


# --------------------------------------------------------------------------- anniversaries
def parties_ok(ref: Reference, text: str) -> bool:
    """Does the text after an alias name only the reference's own parties ('between X and Y', 'with X')?"""
    m = _PARTIES_AFTER.match(text)
    if not m:
        return True
    if ref.parties is None:
        return False
    pos = m.end()
    for i in range(2 if m.group(1).lower() == "between" else 1):
        if i:
            conj = _AND.match(text, pos)
            if not conj:
                return True               # 'between the two countries'
            pos = conj.end()
        else:
            pos = _SPACES.match(text, pos).end()
        p = ref.parties.match(text, pos)
        if not p or text[p.end():p.end() + 1].isalnum():
            return False
        pos = p.end()
    return True


def resolve_anniversary(ordinal: str | int, after: str,
                        references: Sequence[Reference] | None = None) -> Anniversary | None:
    """The ``ordinal`` anniversary of the reference event named at the start of ``after``.

    ``after`` is the text that follows the word 'anniversary'. Example: ('seventy-third',
    ' of the establishment of diplomatic relations.') -> Anniversary(73, <dprk_vnm...>, (2023, 1, 31), 45).
    None when ``after`` does not begin with 'of' and an alias of an event; an Anniversary with no
    reference and no value when it names an alias with parties that are not the event's own.
    The longest alias wins. ``references`` defaults to :func:`load_references`.
    """
    n = ordinal if isinstance(ordinal, int) else parse_ordinal(ordinal)
    of = _OF_AFTER.match(after)
    if not of:
        return None
    referent = after[of.end():]
    refs = load_references() if references is None else references
    found = sorted(((r, m) for r in refs if (m := r.pattern.match(referent))), key=lambda x: -x[1].end())
    if not found:
        return None
    length = of.end() + found[0][1].end()
    for ref, m in found:
        if parties_ok(ref, referent[m.end():]):
            return Anniversary(n, ref, (ref.date[0] + n,) + ref.date[1:], length)
    return Anniversary(n, None, None, length)


def find_anniversaries(text: str, start: int = 0, end: int | None = None,
                       references: Sequence[Reference] | None = None) -> list[tuple[re.Match, Anniversary]]:
    """Every 'Nth anniversary of <reference event>' in ``text[start:end]`` resolved, with its match."""
    end = len(text) if end is None else end
    out = []
    for m in _ANNIVERSARY_RE.finditer(text, start, end):
        a = resolve_anniversary(m.group("n"), text[m.end():end], references)
        if a is not None:
            out.append((m, a))
    return out


# --------------------------------------------------------------------------- elapsed time
def _add_months(t: tuple, n: int) -> tuple:
    k = t[0] * 12 + (t[1] - 1) + n
    return (k // 12, k % 12 + 1)


def _iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def shift(t: tuple, n: int, unit: str):
    """Move date tuple ``t`` by ``n`` units at the precision the unit supports; None if ``t`` is too coarse.

    (2021, 7, 14) by -3 'month' -> (2021, 4); by 1 'week' -> '2021-W29'; (2021,) by -1 'day' -> None.
    """
    if unit in ("year", "decade", "century"):
        return (t[0] + n * UNIT_ISO[unit][1],)
    if unit == "month":
        return _add_months(t, n) if len(t) >= 2 else None
    if unit in ("week", "day") and len(t) == 3:
        d = dt.date(*t) + dt.timedelta(days=n * (7 if unit == "week" else 1))
        return _iso_week(d) if unit == "week" else (d.year, d.month, d.day)
    return None


def ago_offset(text: str) -> tuple[int, str] | None:
    """'64 years ago' -> (64, 'year'); 'a month ago' -> (1, 'month'); None when not 'N units ago'."""
    m = _AGO_FULL.match(text.strip())
    return (parse_number(m.group("n")), unit_name(m.group("u"))) if m else None


def find_ago(text: str, start: int = 0, end: int | None = None, unit: str | None = None) -> re.Match | None:
    """The first 'N units ago' in ``text[start:end]`` (only of ``unit`` when given), or None."""
    for m in _AGO_RE.finditer(text, start, len(text) if end is None else end):
        if unit is None or unit_name(m.group("u")) == unit:
            return m
    return None


def date_ago(text: str, published: tuple | None):
    """The date 'N units ago' names, counted back from ``published`` (a (y[, m[, d]]) tuple).

    ('64 years ago', (2022, 5, 1)) -> (1958,); ('three days ago', (2021,)) -> None (too coarse).
    """
    offset = ago_offset(text)
    if offset is None or published is None:
        return None
    return shift(published, -offset[0], offset[1])


def year_of_writing(text: str, event_year: int) -> int | None:
    """The year of writing 'N years ago' implies when it dates an event of ``event_year``.

    ('64 years ago', 1958) -> 2022; ('Sixty-four years ago', 1950) -> 2014; ('3 months ago', 2020) -> None.
    """
    offset = ago_offset(text)
    return event_year + offset[0] if offset and offset[1] == "year" else None
