"""Resolvers of expressions relative to the publication date ('last March', 'on Monday', '12 years ago',
'yesterday') or to the narrative ('Two years later', 'On April 2'); registered in
:data:`helpers.annotate.timex_resolve.RESOLVERS`, each with its example (see that module).
"""
from __future__ import annotations

import re

from helpers.annotate.timex_context import Resolved, iso, relative, weekday_date, year_for_day_month
from helpers.annotate.timex_qualify import approximate_start, period_part_start
from helpers.annotate.timex_names import names_event
from helpers.annotate.timex_tense import clause_of, is_future, match_direction
from helpers.dates.anniversary import date_ago, shift
from helpers.dates.grammar import (WEEKDAY_NUMBER, YEAR, day_number, month_number, parse_number, unit_name,
                                   valid_date)

_PREPOSITION_BEFORE = re.compile(
    r"(?i:\b(?:in|since|by|until|till|during|from|before|after|of|early|late|mid|through|between|and|or|to))"
    r"[\s-]*$")
_REL_STEP = {"last": -1, "this": 0, "next": 1}
_ITS_YEAR_AFTER = re.compile(rf"(?:\s+[A-Za-z][\w'’-]*){{1,4}}?,?\s+(?i:in|of)\s+(?P<y>{YEAR})(?!\w)")


def weekday(g, m, ctx) -> Resolved:
    """A weekday: the printed date with it decides, else the past one (the next one in a future clause).

    Example (published 2021-07-14): 'The agency said on Monday that talks failed.' -> 'Monday' = 2021-07-12
    Example (published 2021-07-14): 'The envoy will fly to Hanoi on Friday.' -> 'Friday' = 2021-07-16
    Example (published 2021-07-14): 'He left Monday evening (July 12) for Beijing.' -> 'Monday evening (July 12)' = 2021-07-12
    Example: 'The agency said on Monday that talks failed.' -> 'Monday' = -
    """
    state, end = ctx.state, m.end()
    mon, day = g("m") or g("m2") or g("m3"), g("d") or g("d2") or g("d3")
    if mon:                                   # 'Tuesday [February 26]': the printed date decides
        mo, d = month_number(mon), day_number(day)
        y = None
        if state.pub is not None:
            saved, state.narrative = state.narrative, None
            y, _ = year_for_day_month(state, mo, d)
            state.narrative = saved
        if y is None or not valid_date(y, mo, d):
            return Resolved("relative", "", None, "", end)
        return Resolved("relative", (y, mo, d), None, state.pub_anchor, end)
    rel = g("rel").lower() if g("rel") else None
    future = is_future(clause_of(ctx.sentence, m.start() - ctx.offset, end - ctx.offset))
    return relative(weekday_date(state.pub, WEEKDAY_NUMBER[g("w").lower()], rel, future), state, end)


def month_relative(g, m, ctx) -> Resolved:
    """A month named relative to the publication date: 'last March', 'June last year'.

    Example (published 2021-07-14): 'The envoy arrived last December.' -> 'last December' = 2020-12
    Example (published 2021-07-14): 'The fair opens next March.' -> 'next March' = 2022-03
    Example (published 2021): 'It rained in June last year.' -> 'June last year' = 2020-06
    Example (published 2021): 'A fair opened on December 24 last year.' -> 'December 24 last year' = 2020-12-24
    Example (published 2021): 'The envoy arrived last December.' -> 'last December' = -
    Example (published 2021-07-14): 'It was built by the end of last March.' -> 'the end of last March' = 2021-03
    """
    return _month_relative(g, m, ctx)._replace(start=period_part_start(m, ctx) if g("rel") else None)


def _month_relative(g, m, ctx) -> Resolved:
    pub, end = ctx.state.pub, m.end()
    mo, rel = month_number(g("m")), (g("rel") or g("yrel")).lower()
    if g("yrel"):                             # 'June last year': the year is relative, the month printed
        date = (pub[0] + _REL_STEP[rel], mo) + ((day_number(g("d")),) if g("d") else ()) if pub else None
        return relative(date if date and valid_date(*date) else None, ctx.state, end)
    if pub is None or len(pub) < 2:
        return relative(None, ctx.state, end)
    if rel == "last":
        y = pub[0] if mo < pub[1] else pub[0] - 1
    elif rel == "next":
        y = pub[0] if mo > pub[1] else pub[0] + 1
    else:
        y = pub[0]
    return relative((y, mo), ctx.state, end)


def ago(g, m, ctx) -> Resolved:
    """'N units ago', counted back from the publication date at the precision it allows.

    Example (published 2021-07-14): 'The minister resigned 12 years ago.' -> '12 years ago' = 2009
    Example (published 2021): 'Results came three months ago.' -> 'three months ago' = -
    Example (published 2021-07-14): 'The plan was made more than ten years ago.' -> 'more than ten years ago' = -
    Example (published 2021-07-14): 'The mill closed some 40 years ago.' -> 'some 40 years ago' = -
    """
    approximate = approximate_start(m, ctx)
    if approximate is not None:       # 'more than ten years ago': some time before, not that year
        return Resolved("relative", "", None, "approximate", m.end(), approximate)
    return relative(date_ago(m.group(), ctx.state.pub), ctx.state, m.end())


def ago_vague(g, m, ctx) -> Resolved:
    """'Decades ago', 'several years ago': relative, with no value.

    Example (published 2021-07-14): 'Their friendship began decades ago.' -> 'decades ago' = -
    """
    return Resolved("relative", "", None, "", m.end())


def publication_relative(g, m, ctx) -> Resolved:
    """'last year', 'later this month', 'next week' against the publication date.

    Example (published 2021-07-14): 'They will meet again later this month.' -> 'later this month' = 2021-07
    Example (published 2021-07-14): 'Exports fell last year.' -> 'last year' = 2020
    Example (published 2021-07-14): 'Talks resume next week.' -> 'next week' = 2021-W29
    Example (published 2021-07-14): 'It opens at the end of next month.' -> 'the end of next month' = 2021-08
    """
    pub, unit, n = ctx.state.pub, g("u").lower(), _REL_STEP[g("rel").lower()]
    value = None
    if pub is not None:
        if unit == "year":
            value = (pub[0] + n,)
        elif unit == "month" and len(pub) >= 2:
            value = shift(pub[:2], n, "month")
        elif unit == "week" and len(pub) == 3:
            value = shift(pub, n, "week")
    return relative(value, ctx.state, m.end())._replace(start=period_part_start(m, ctx))


def deictic(g, m, ctx) -> Resolved:
    """'today', 'tonight', 'yesterday', 'tomorrow' against the publication day.

    Example (published 2021-07-14): 'The results were published yesterday.' -> 'yesterday' = 2021-07-13
    Example (published 2021-07-14): 'He spoke today.' -> 'today' = 2021-07-14
    """
    pub, word = ctx.state.pub, g("w").lower()
    if pub is None:
        return relative(None, ctx.state, m.end())
    if word in ("today", "tonight"):
        return relative(pub, ctx.state, m.end())
    return relative(shift(pub, 1 if word == "tomorrow" else -1, "day"), ctx.state, m.end())


# --------------------------------------------------------------------------- relative to the narrative
def narrative(g, m, ctx) -> Resolved:
    """A step from the previous resolved date of the article: 'Two years later', 'the following year',
    'the next day', 'that day', 'the same day', at the precision the step needs (no value when the
    previous date is coarser: a day after 'in 1962' is no particular day).

    Example: 'The embassy opened in March 1962. Two years later it moved.' -> 'Two years later' = 1964
    Example: 'It opened in 1964. The following year the ambassador left.' -> 'The following year' = 1965
    Example: 'It opened in 1964. In the year before, talks began.' -> 'the year before' = 1963
    Example: 'The embassy opened in 1962. A month later a school opened.' -> 'A month later' = -
    Example: 'The envoy arrived on 3 May 1965. The next day he met the premier.' -> 'The next day' = 1965-05-04
    Example: 'The envoy arrived on 3 May 1965. That day he met the premier.' -> 'That day' = 1965-05-03
    Example: 'The envoy arrived on 3 May 1965 and left the day after.' -> 'the day after' = 1965-05-04
    Example: 'The envoy arrived in May 1965. The same day he left.' -> 'The same day' = -
    Example: 'They stayed from 3 to 6 May 1965. The next day they left.' -> 'The next day' = 1965-05-07
    """
    unit = unit_name(g("u"))
    if g("n"):
        n = parse_number(g("n"))
        n = -n if g("dir").lower() == "earlier" else n
    elif g("det"):
        det = g("det").lower().split()[-1]
        n = {"following": 1, "next": 1, "previous": -1, "preceding": -1}.get(det, 0)
    else:
        n = 1 if g("dir").lower() == "after" else -1
    base = ctx.state.narrative
    if unit in ("day", "week") and ctx.state.narrative_end is not None and n >= 0:
        base = ctx.state.narrative_end if n else None   # the day after a stay is after its last day
    value = shift(base, n, unit) if base is not None else None
    if value is not None and unit in ("day", "week") and len(base) < 3:
        value = None                                  # the same day of a month is no particular day
    part = None if g("n") else period_part_start(m, ctx)
    return Resolved("relative", value or "", None, f"narrative {iso(base)}" if value else "", m.end(), part)


def day_month(g, m, ctx) -> Resolved | None:
    """A day and month with no year, or a month after a preposition or with early, mid or late.

    The year is the narrative's where the sentence continues a dated account of the past, else the
    one that puts the date nearest publication in the direction the tense of its clause points
    (:func:`helpers.annotate.timex_context.year_for_day_month`). A bare month without a preposition
    has no year; 'May', 'March' there are verbs. A day and month that names an event or a document
    ('the June 15 joint declaration', :mod:`helpers.annotate.timex_names`) takes the year printed after
    the name ('... declaration of 2000'), else none.

    Example: 'In 1972 the talks failed. On April 2 they resumed.' -> 'April 2' = 1972-04-02
    Example (published 2021-01-03): 'The summit closed on 30 December.' -> '30 December' = 2020-12-30
    Example: 'In 1975 the war ended. In October the embassy reopened.' -> 'October' = 1975-10
    Example: 'October is the month of the harvest.' -> 'October' = -
    Example (published 2021-12-10): 'The two sides will hold talks in April.' -> 'April' = 2022-04
    Example (published 2021-05-02): 'The plant opened on November 5.' -> 'November 5' = 2020-11-05
    Example (published 2021-09-20): 'The rains came in late August.' -> 'late August' = 2021-08
    Example (published 2021-09-20): 'Both sides honour the June 15 joint statement.' -> 'June 15' = -
    Example (published 2021-09-20): 'The June 14 issue of the daily ran it.' -> 'June 14' = 2021-06-14
    Example (published 2021-09-20): 'They recalled the May 8 accord of 1995.' -> 'May 8' = 1995-05-08
    Example (published 2021-09-20): 'They visited Hanoi in November 1958. Talks followed. On Nov. 28 he left.' -> 'Nov. 28' = -
    """
    mo, d = month_number(g("m")), day_number(g("d")) if g("d") else None
    if d is None and not g("mod") and not _PREPOSITION_BEFORE.search(ctx.before(m, 24)):
        if g("m") in ("May", "March"):
            return None           # the modal verb and the verb, not months
        return Resolved("date", "", None, "", m.end())   # a month of no particular year
    if d is not None and names_event(ctx.sentence, m.start() - ctx.offset, m.end() - ctx.offset):
        return _named_day(mo, d, m, ctx)
    y, anchor = year_for_day_month(ctx.state, mo, d, match_direction(m, ctx))
    if y is None or not valid_date(y, mo, d):
        return Resolved("date", "", None, "", m.end())
    part = None if d else period_part_start(m, ctx)
    return Resolved("date", (y, mo, d) if d else (y, mo), None, anchor, m.end(), part)


def _named_day(mo: int, d: int, m, ctx) -> Resolved:
    """'the June 15 joint declaration (of 2000)': a day and month used as a name; the year only when printed."""
    rest = ctx.sentence[m.end() - ctx.offset: m.end() - ctx.offset + 80]
    printed = _ITS_YEAR_AFTER.match(rest)
    if printed and valid_date(int(printed.group("y")), mo, d):
        return Resolved("date", (int(printed.group("y")), mo, d), None, f"sentence {printed.group('y')}", m.end())
    return Resolved("date", "", None, "", m.end())
