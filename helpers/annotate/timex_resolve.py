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
from helpers.annotate.timex_relative import (ago, ago_vague, day_month, deictic, month_relative, narrative,
                                             publication_relative, weekday)
from helpers.dates.anniversary import resolve_anniversary
from helpers.dates.grammar import (UNIT_ISO, day_number, juche_to_gregorian, month_number, parse_number,
                                   parse_ordinal, unit_name, valid_date)

ABSOLUTE_ALTS = frozenset({"juche", "iso", "r_mdmd", "r_mdd", "r_dmdm", "r_ddm", "r_mymy", "r_mmy", "mdy", "dmy",
                           "my", "r_yy", "r_between", "year"})

_NOT_A_YEAR_AFTER = re.compile(
    r"\s*[-–]?\s*(?:km|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|kg|tons?|tonnes?|people|persons|troops|"
    r"soldiers|students|workers|delegates|members|dollars|USD|won|dong|yuan|percent|per cent|%|units|"
    r"hours?|minutes?)\b")
_AGE_AFTER = re.compile(r"[\s-]*(?i:old)\b")
_ANAPHOR_AFTER = re.compile(r"\s+(?i:of\s+(?:the|this|that)\s+(?:event|visit|occasion|trip|meeting|day))\b")
_ITS_BEFORE = re.compile(r"(?i:\bits\s+)$")


# --------------------------------------------------------------------------- absolute dates
def juche(g, m, ctx) -> Resolved:
    """A Juche year, checked against the Gregorian year printed with it.

    Example: 'It was rebuilt in Juche 102.' -> 'Juche 102' = 2013
    Example: 'A misprint: Juche 48 (1961).' -> 'Juche 48 (1961)' = -
    """
    year = juche_to_gregorian(int(g("j")))
    stated = g("y")
    return Resolved("date", (year,) if stated is None or int(stated) == year else "", None, "", m.end())


def iso_date(g, m, ctx) -> Resolved:
    """An ISO 8601 calendar date.

    Example: 'The archive dates it 1961-03-04.' -> '1961-03-04' = 1961-03-04
    """
    y, mo, d = int(g("y")), int(g("m")), int(g("d"))
    return Resolved("date", (y, mo, d) if valid_date(y, mo, d) else "", None, "", m.end())


def full_date(g, m, ctx) -> Resolved:
    """A day, month and year, month first or day first, maybe after a weekday.

    Example: 'The treaty was signed on March 4, 1961.' -> 'March 4, 1961' = 1961-03-04
    Example: 'It was ratified on 12 Oct. 1961.' -> '12 Oct. 1961' = 1961-10-12
    """
    y, mo, d = int(g("y")), month_number(g("m")), day_number(g("d"))
    return Resolved("date", (y, mo, d) if valid_date(y, mo, d) else "", None, "", m.end())


def month_year(g, m, ctx) -> Resolved:
    """A month of a year.

    Example: 'Talks began in October, 1960.' -> 'October, 1960' = 1960-10
    """
    return Resolved("date", (int(g("y")), month_number(g("m"))), None, "", m.end())


def year(g, m, ctx) -> Resolved | None:
    """A year, unless a unit follows that makes it a quantity ('1958 people').

    Example: 'The war ended in 1975.' -> '1975' = 1975
    """
    if _NOT_A_YEAR_AFTER.match(ctx.sentence, m.end() - ctx.offset):
        return None
    return Resolved("date", (int(g("y")),), None, "", m.end())


def decade(g, m, ctx) -> Resolved:
    """A decade, maybe early, mid or late.

    Example: 'By the late 1980s it had collapsed.' -> 'late 1980s' = 198X
    """
    return Resolved("decade", g("y")[:3] + "X", None, "", m.end())


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
        y1, anchor = year_for_day_month(ctx.state, m1, d1)
        if y1 is None:
            return Resolved("range", "", "", "", end)
        y2 = y1 + 1 if (m2, d2) < (m1, d1) else y1
    if not (valid_date(y1, m1, d1) and valid_date(y2, m2, d2)):
        return Resolved("range", "", "", anchor, end)
    return Resolved("range", (y1, m1, d1), (y2, m2, d2), anchor, end)


def month_range(g, m, ctx) -> Resolved:
    """Months of one year, or of two years each printed.

    Example: 'Aid flowed June to August 1968.' -> 'June to August 1968' = 1968-06/1968-08
    Example: 'Aid flowed from May 1968 to June 1969.' -> 'May 1968 to June 1969' = 1968-05/1969-06
    """
    if g("y1"):
        return Resolved("range", (int(g("y1")), month_number(g("m1"))), (int(g("y2")), month_number(g("m2"))),
                        "", m.end())
    y, m1, m2 = int(g("y")), month_number(g("m1")), month_number(g("m2"))
    return Resolved("range", (y - 1 if m2 < m1 else y, m1), (y, m2), "", m.end())


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
    rest = ctx.sentence[end - ctx.offset:]
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
    for other_alt, om in ctx.matches:
        if om.start() < m.start() and other_alt in ABSOLUTE_ALTS:
            other = RESOLVERS[other_alt](group_getter(om, other_alt), om, ctx._replace(state=State(None, ())))
            if other and isinstance(other.value, tuple):
                state.anniv_base = (other.value[0] - n,)
                return Resolved("anniversary", (other.value[0],), None, f"sentence {iso(other.value)}", end)
    if (anaphor or _ITS_BEFORE.search(ctx.before(m))) and state.anniv_base is not None:
        base = state.anniv_base
        return Resolved("anniversary", (base[0] + n,), None, f"narrative {iso(base)}", end)
    return Resolved("anniversary", "", None, "", end)


# --------------------------------------------------------------------------- relative to publication# --------------------------------------------------------------------------- durations
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
    "juche": juche, "anniv": anniversary, "iso": iso_date,
    "r_mdmd": day_range, "r_mdd": day_range, "r_dmdm": day_range, "r_ddm": day_range,
    "r_mymy": month_range, "r_mmy": month_range, "mdy": full_date, "dmy": full_date, "my": month_year,
    "r_yy": year_range, "r_between": year_range, "weekday": weekday,
    "mon_rel": month_relative, "mon_year_rel": month_relative, "ago": ago, "ago_vague": ago_vague,
    "narr": narrative, "narr_the": narrative, "narr_the2": narrative, "pubrel": publication_relative,
    "deictic": deictic, "decade": decade, "year": year, "md": day_month, "dm": day_month, "month": day_month,
    "dur": duration, "dur_a": duration, "dur_vague": duration_vague,
}



def resolve(alt: str, m: re.Match, ctx: Context) -> Resolved | None:
    """The value of match ``m`` of grammar alternative ``alt``, by that alternative's resolver."""
    return RESOLVERS[alt](group_getter(m, alt), m, ctx)
