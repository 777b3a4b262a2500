"""The resolver table: one small function per kind of temporal expression, registered by the name of
the grammar alternative that finds it (:data:`helpers.annotate.timex.ALTERNATIVES`).

Matching (finding a span) is :mod:`helpers.annotate.timex`; resolving (giving the span a value
against the publication date, the narrative or a reference event) is here. Each resolver takes the
match's group accessor ``g``, the match ``m`` and the sentence :class:`Context`, and returns a
:class:`Resolved` or None when the span is not a temporal expression after all. Each keeps an
example in its docstring, in the form::

    Example [(published YYYY[-MM[-DD]])]: 'sentence' -> 'span' = value[/end_value]

(``-`` for no value), and ``tests/test_timex.py`` runs every example through the extractor.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from helpers.annotate.timex_context import Context, Resolved, State, group_getter, iso, year_for_day_month
from helpers.annotate.timex_anniversary import phrase_end
from helpers.annotate.timex_qualify import PART_TAILS, period_part_start
from helpers.annotate.timex_tense import match_direction
from helpers.annotate.timex_relative import (ago, ago_vague, day_month, deictic, month_relative, narrative,
                                             publication_relative, weekday)
from helpers.dates.anniversary import resolve_anniversary
from helpers.dates.grammar import (UNIT_ISO, day_number, juche_value, month_number, parse_number, parse_ordinal,
                                   unit_name, valid_date)

ABSOLUTE_ALTS = frozenset({"juche_days", "juche", "iso", "r_mdmd", "r_mdd", "r_dmdm", "r_ddm", "r_mmy", "mdy", "dmy",
                           "my", "r_yy", "r_between", "year"})

_NOT_A_YEAR_AFTER = re.compile(
    r"\s*[-–]?\s*(?:km|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|kg|tons?|tonnes?|people|persons|troops|"
    r"soldiers|students|workers|delegates|members|dollars|USD|won|dong|yuan|percent|per cent|%|units|"
    r"hours?|minutes?)\b")
_AGE_AFTER = re.compile(r"[\s-]*(?i:old)\b")
_ANAPHOR_AFTER = re.compile(r"\s+(?i:of\s+(?:the|this|that)\s+(?:event|visit|occasion|trip|meeting|day))\b")
_ITS_BEFORE = re.compile(r"(?i:\bits\s+)$")
_OF_AFTER = re.compile(r"\s+(?i:of)\s+")
_AFTER_ANNIVERSARY = 400     # characters after 'anniversary' where the event it names is read (aliases are short)


# --------------------------------------------------------------------------- absolute dates
def juche(g, m, ctx) -> Resolved:
    """A Juche year, alone or after the month, day or days it dates, checked against the Gregorian year
    printed with it (no value when the two disagree).

    Example: 'It was rebuilt in Juche 102.' -> 'Juche 102' = 2013
    Example: 'A misprint: Juche 48 (1961).' -> 'Juche 48 (1961)' = -
    Example: 'The two leaders met in March Juche 61 (1972).' -> 'March Juche 61 (1972)' = 1972-03
    Example: 'The plant opened on August 3, Juche 95 (2006).' -> 'August 3, Juche 95 (2006)' = 2006-08-03
    Example: 'The envoy toured from October 29 to November 4, Juche 52 (1963).' -> 'October 29 to November 4, Juche 52 (1963)' = 1963-10-29/1963-11-04
    Example: 'Talks ran from December 30 to January 2, Juche 60.' -> 'December 30 to January 2, Juche 60' = 1970-12-30/1971-01-02
    Example: 'Fairs were held from May to June Juche 70 (1981).' -> 'May to June Juche 70 (1981)' = 1981-05/1981-06
    """
    year, end = juche_value(g("j"), g("jy")), m.end()
    first = g("m1") or g("n1")
    if first is None:
        return Resolved("date", (year,) if year else "", None, "", end)
    m1, day = month_number(first), g("d1") or g("e1")
    d1 = day_number(day) if day else None
    if g("d2") or g("m3"):
        m2 = month_number(g("m2") or g("m3")) if (g("m2") or g("m3")) else m1
        d2 = day_number(g("d2")) if g("d2") else None
        if year is None:
            return Resolved("range", "", "", "", end)
        y1 = year - 1 if (m2, d2 or 0) < (m1, d1 or 0) else year
        a, b = (y1, m1) + ((d1,) if d1 else ()), (year, m2) + ((d2,) if d2 else ())
        if not (valid_date(*a) and valid_date(*b)):
            return Resolved("range", "", "", "", end)
        return Resolved("range", a, b, "", end)
    date = (year, m1) + ((d1,) if d1 else ()) if year else None
    return Resolved("date", date if date and valid_date(*date) else "", None, "", end)


def iso_date(g, m, ctx) -> Resolved:
    """An ISO 8601 calendar date.

    Example: 'The archive dates it 1961-03-04.' -> '1961-03-04' = 1961-03-04
    """
    y, mo, d = int(g("y")), int(g("m")), int(g("d"))
    return Resolved("date", (y, mo, d) if valid_date(y, mo, d) else "", None, "", m.end())


def full_date(g, m, ctx) -> Resolved:
    """A day, month and year, month first or day first, maybe after a weekday; or a range from one to
    another date or a year (:func:`to_end`).

    Example: 'The treaty was signed on March 4, 1961.' -> 'March 4, 1961' = 1961-03-04
    Example: 'It was ratified on 12 Oct. 1961.' -> '12 Oct. 1961' = 1961-10-12
    Example: 'The exhibition covers January 31, 1950 – 2025.' -> 'January 31, 1950 – 2025' = 1950-01-31/2025
    Example: 'Talks ran from 30 April 1975 to 2 May 1976.' -> '30 April 1975 to 2 May 1976' = 1975-04-30/1976-05-02
    Example: 'A list ran from March 3, 1999 - 1997.' -> 'March 3, 1999 - 1997' = -
    """
    y, mo, d = int(g("y")), month_number(g("m")), day_number(g("d"))
    if g("to"):
        return to_end(g, m, (y, mo, d))
    return Resolved("date", (y, mo, d) if valid_date(y, mo, d) else "", None, "", m.end())


def month_year(g, m, ctx) -> Resolved:
    """A month of a year, maybe early, mid or late, or a part of it; or a range from it (:func:`to_end`).

    Example: 'Talks began in October, 1960.' -> 'October, 1960' = 1960-10
    Example: 'Talks began at the end of October 1960.' -> 'the end of October 1960' = 1960-10
    Example: 'Aid flowed from May 1968 to June 1969.' -> 'May 1968 to June 1969' = 1968-05/1969-06
    """
    if g("to"):
        return to_end(g, m, (int(g("y")), month_number(g("m"))))
    return Resolved("date", (int(g("y")), month_number(g("m"))), None, "", m.end(), period_part_start(m, ctx))


def year(g, m, ctx) -> Resolved | None:
    """A year, unless a unit follows that makes it a quantity ('1958 people'); a part of it is the year.

    Example: 'The war ended in 1975.' -> '1975' = 1975
    Example: 'Trade picked up in early 2019.' -> 'early 2019' = 2019
    Example: 'Trade picked up by the second half of 2019.' -> 'the second half of 2019' = 2019
    """
    sentence, start = ctx.sentence, m.start() - ctx.offset
    if _NOT_A_YEAR_AFTER.match(sentence, m.end() - ctx.offset):
        return None
    part = period_part_start(m, ctx) if sentence.endswith(PART_TAILS, 0, start) else None   # (inlined: frequent)
    return Resolved("date", (int(g("y")),), None, "", m.end(), part)


def decade(g, m, ctx) -> Resolved:
    """A decade, maybe early, mid or late, or a part of it.

    Example: 'By the late 1980s it had collapsed.' -> 'late 1980s' = 198X
    Example: 'By the mid-1960s it had grown.' -> 'mid-1960s' = 196X
    Example: 'It peaked in the middle of the 1990s.' -> 'the middle of the 1990s' = 199X
    """
    return Resolved("decade", g("y")[:3] + "X", None, "", m.end(), period_part_start(m, ctx))


# --------------------------------------------------------------------------- ranges
def day_range(g, m, ctx) -> Resolved:
    """Days of one or two months, the year printed, or taken from the narrative or publication.

    Example: 'They toured from July 30 to August 4, 1972.' -> 'July 30 to August 4, 1972' = 1972-07-30/1972-08-04
    Example: 'Talks ran May 3 and 4, 1975.' -> 'May 3 and 4, 1975' = 1975-05-03/1975-05-04
    Example: 'Talks ran 30 April to 2 May 1975.' -> '30 April to 2 May 1975' = 1975-04-30/1975-05-02
    Example: 'They toured again 3-9 May 1975.' -> '3-9 May 1975' = 1975-05-03/1975-05-09
    Example: 'Celebrations ran December 28 to January 3, 1960.' -> 'December 28 to January 3, 1960' = 1959-12-28/1960-01-03
    """
    m1 = month_number(g("m1"))
    m2 = month_number(g("m2")) if g("m2") else m1
    d1, d2 = day_number(g("d1")), day_number(g("d2"))
    anchor, end = "", m.end()
    if g("y"):
        y2 = int(g("y"))
        y1 = y2 - 1 if (m2, d2) < (m1, d1) else y2
    else:
        y1, anchor = year_for_day_month(ctx.state, m1, d1, match_direction(m, ctx))
        if y1 is None:
            return Resolved("range", "", "", "", end)
        y2 = y1 + 1 if (m2, d2) < (m1, d1) else y1
    if not (valid_date(y1, m1, d1) and valid_date(y2, m2, d2)):
        return Resolved("range", "", "", anchor, end)
    return Resolved("range", (y1, m1, d1), (y2, m2, d2), anchor, end)


def month_range(g, m, ctx) -> Resolved:
    """Months of one year (the first in the year before when the months run across the new year).

    Example: 'Aid flowed June to August 1968.' -> 'June to August 1968' = 1968-06/1968-08
    """
    y, m1, m2 = int(g("y")), month_number(g("m1")), month_number(g("m2"))
    return Resolved("range", (y - 1 if m2 < m1 else y, m1), (y, m2), "", m.end())


def to_end(g, m, start: tuple) -> Resolved:
    """A range from ``start`` (printed with its year) to the day, month or year after 'to' or a dash
    (groups ``e``, ``f``: a day; ``g``: a month; ``h``: a year); no value when it ends before it begins."""
    if g("ey") or g("fy"):
        p = "e" if g("ey") else "f"
        end = (int(g(p + "y")), month_number(g(p + "m")), day_number(g(p + "d")))
    elif g("gy"):
        end = (int(g("gy")), month_number(g("gm")))
    else:
        end = (int(g("hy")),)
    if (not (valid_date(*start) and valid_date(*end)) or end[: len(start)] < start[: len(end)]
            or (len(end) == 1 and end[0] == start[0])):
        return Resolved("range", "", "", "", m.end())
    return Resolved("range", start, end, "", m.end())


def year_range(g, m, ctx) -> Resolved | None:
    """Two years, the second maybe in two digits; not a range when it does not end later.

    Example: 'The plan covered 1961-65.' -> '1961-65' = 1961/1965
    Example: 'A truce held between 1953 and 1955.' -> '1953 and 1955' = 1953/1955
    """
    y1, y2 = int(g("y1")), g("y2")
    y2 = int(y2) if len(y2) == 4 else y1 // 100 * 100 + int(y2)
    if y2 <= y1:
        return None
    return Resolved("range", (y1,), (y2,), "", m.end())


# --------------------------------------------------------------------------- anniversaries
def anniversary(g, m, ctx) -> Resolved:
    """An ordinal anniversary: of a printed year, a reference event, a date set earlier in the sentence,
    or the event of the previous anniversary ('its', 'of the event'); else kept without value.

    Example: 'Hanoi marked the 73rd anniversary of the establishment of diplomatic relations.' -> '73rd anniversary of the establishment of diplomatic relations' = 2023-01-31
    Example: 'Hanoi marked the seventy-third anniversary of diplomatic ties.' -> 'seventy-third anniversary of diplomatic ties' = 2023-01-31
    Example: 'It celebrated its 40th anniversary in 2011.' -> '40th anniversary in 2011' = 2011
    Example: 'On 5 May 2016 the town held the 45th anniversary of the school.' -> '45th anniversary' = 2016
    Example: 'It was founded in 1971. A gala marked the fiftieth anniversary of the event.' -> 'fiftieth anniversary of the event' = -
    Example: 'Crowds gathered for the twenty-fifth anniversary.' -> 'twenty-fifth anniversary' = -
    """
    state, end = ctx.state, m.end()
    n = parse_ordinal(g("n"))
    if g("y"):
        state.anniv_base = (int(g("y")) - n,)
        return Resolved("anniversary", (int(g("y")),), None, "", end)
    rest = ctx.sentence[end - ctx.offset: end - ctx.offset + _AFTER_ANNIVERSARY]
    a = resolve_anniversary(n, rest, state.refs)
    if a is not None:
        if a.reference is None:                     # the event's name, but other parties
            return Resolved("anniversary", "", None, "", end + a.length)
        state.anniv_base = a.reference.date
        return Resolved("anniversary", a.value, None, f"reference {a.reference.event_id} {iso(a.reference.date)}",
                        end + a.length)
    anaphor = _ANAPHOR_AFTER.match(rest)
    if anaphor:
        end += anaphor.end()
    # a dated phrase earlier in the sentence sets the scene ('On 5 May 2016, ... the 45th anniversary')
    scene_start, scene = _scene(ctx)
    if scene is not None and scene_start < m.start():
        state.anniv_base = (scene[0] - n,)
        return Resolved("anniversary", (scene[0],), None, f"sentence {iso(scene)}", end)
    if (anaphor or _ITS_BEFORE.search(ctx.before(m, 12))) and state.anniv_base is not None:
        base = state.anniv_base
        return Resolved("anniversary", (base[0] + n,), None, f"narrative {iso(base)}", end)
    of = _OF_AFTER.match(rest)
    if of and not anaphor:        # the event it names may be dated elsewhere in the article (timex_anniversary)
        s0, s1 = ctx.offset, ctx.offset + len(ctx.sentence)
        p0 = m.end() - ctx.offset + of.end()
        state.pending.append((m.start(), n, s0, s1, s0 + p0, s0 + phrase_end(ctx.sentence, p0)))
    return Resolved("anniversary", "", None, "", end)


def _scene(ctx) -> tuple[int, tuple | None]:
    """(start, value) of the first date of the sentence printed with its year, worked out once per sentence
    (a sentence of many anniversaries asks again for each)."""
    cached = ctx.state.scene
    if cached is not None and cached[0] == ctx.offset:
        return cached[1:]
    found = (-1, None)
    for other_alt, om in ctx.matches:
        if other_alt in ABSOLUTE_ALTS:
            other = RESOLVERS[other_alt](group_getter(om, other_alt), om, ctx._replace(state=State(None, ())))
            if other and isinstance(other.value, tuple):
                found = (om.start(), other.value)
                break
    ctx.state.scene = (ctx.offset,) + found
    return found


# --------------------------------------------------------------------------- durations
def duration(g, m, ctx) -> Resolved | None:
    """A counted duration in ISO 8601; not an age ('a 67-year-old').

    Example: 'After a 12-hour flight they rested.' -> '12-hour' = PT12H
    Example: 'The mission lasted for a month.' -> 'a month' = P1M
    Example: 'It took three decades.' -> 'three decades' = P30Y
    """
    if _AGE_AFTER.match(ctx.sentence, m.end() - ctx.offset):
        return None                   # '75-year-old', '30 years old': ages
    designator, factor = UNIT_ISO[unit_name(g("u"))]
    n = parse_number(g("n")) * factor
    value = f"PT{n}{designator[1]}" if designator.startswith("T") else f"P{n}{designator}"
    return Resolved("duration", value, None, "", m.end())


def duration_vague(g, m, ctx) -> Resolved:
    """An uncounted duration: 'for decades', 'over several years'.

    Example: 'Relations stayed cold for decades.' -> 'decades' = -
    """
    return Resolved("duration", "", None, "", m.end())


# --------------------------------------------------------------------------- the table
Resolver = Callable[..., Resolved | None]
RESOLVERS: dict[str, Resolver] = {
    "juche_days": juche, "juche": juche, "anniv": anniversary, "iso": iso_date,
    "r_mdmd": day_range, "r_mdd": day_range, "r_dmdm": day_range, "r_ddm": day_range,
    "r_mmy": month_range, "mdy": full_date, "dmy": full_date, "my": month_year,
    "r_yy": year_range, "r_between": year_range, "weekday": weekday,
    "mon_rel": month_relative, "mon_year_rel": month_relative, "ago": ago, "ago_vague": ago_vague,
    "narr": narrative, "narr_the": narrative, "narr_the2": narrative, "pubrel": publication_relative,
    "deictic": deictic, "decade": decade, "year": year, "md": day_month, "dm": day_month, "month": day_month,
    "dur": duration, "dur_a": duration, "dur_vague": duration_vague,
}



def resolve(alt: str, m: re.Match, ctx: Context) -> Resolved | None:
    """The value of match ``m`` of grammar alternative ``alt``, by that alternative's resolver."""
    return RESOLVERS[alt](group_getter(m, alt), m, ctx)
