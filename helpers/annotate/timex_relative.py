"""Resolvers of expressions relative to the publication date ('last March', 'on Monday', '12 years ago',
'yesterday') or to the narrative ('Two years later', 'On April 2'); registered in
:data:`helpers.annotate.timex_resolve.RESOLVERS`, each with its example (see that module).
"""
from __future__ import annotations

import re

from helpers.annotate.timex_context import Resolved, iso, relative, weekday_date, year_for_day_month
from helpers.dates.anniversary import date_ago, shift
from helpers.dates.grammar import WEEKDAY_NUMBER, day_number, month_number, parse_number, unit_name, valid_date

_PREPOSITION_BEFORE = re.compile(
    r"(?i:\b(?:in|since|by|until|till|during|from|before|after|of|early|late|mid|through|between|and|or|to))"
    r"[\s-]*$")
_FUTURE = re.compile(r"(?i:\b(?:will|shall|is\s+to|are\s+to|is\s+due|are\s+due|plans?\s+to|is\s+scheduled|"
                     r"are\s+scheduled|is\s+expected|are\s+expected|is\s+set\s+to|are\s+set\s+to|going\s+to)\b"
                     r"|['’]ll\b)")
_CLAUSE_BREAK = re.compile(r"[,;:]")
_REL_STEP = {"last": -1, "this": 0, "next": 1}


def _weekday_clause(m, ctx, end: int) -> str:
    """The clause a weekday stands in (the next one for a sentence-initial 'On Tuesday,'): its tense decides."""
    sentence, start = ctx.sentence, m.start() - ctx.offset
    clause_start = max((b.end() for b in _CLAUSE_BREAK.finditer(sentence, 0, start)), default=0)
    clause = sentence[clause_start:start]
    if not clause.strip(" \"'“(").lower().removeprefix("on").strip():
        nxt = _CLAUSE_BREAK.search(sentence, end - ctx.offset)
        nxt2 = _CLAUSE_BREAK.search(sentence, nxt.end()) if nxt else None
        clause = sentence[end - ctx.offset: nxt2.start() if nxt2 else len(sentence)]
    return clause


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
    future = bool(_FUTURE.search(_weekday_clause(m, ctx, end)))
    return relative(weekday_date(state.pub, WEEKDAY_NUMBER[g("w").lower()], rel, future), state, end)


def month_relative(g, m, ctx) -> Resolved:
    """A month named relative to the publication date: 'last March', 'June last year'.

    Example (published 2021-07-14): 'The envoy arrived last December.' -> 'last December' = 2020-12
    Example (published 2021-07-14): 'The fair opens next March.' -> 'next March' = 2022-03
    Example (published 2021): 'It rained in June last year.' -> 'June last year' = 2020-06
    Example (published 2021): 'The envoy arrived last December.' -> 'last December' = -
    """
    pub, end = ctx.state.pub, m.end()
    mo, rel = month_number(g("m")), (g("rel") or g("yrel")).lower()
    if g("yrel"):                             # 'June last year': the year is relative, the month printed
        return relative((pub[0] + _REL_STEP[rel], mo) if pub else None, ctx.state, end)
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
    """
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
    return relative(value, ctx.state, m.end())


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
    """A step from the previous resolved date of the article: 'Two years later', 'the following year'.

    Example: 'The embassy opened in March 1962. Two years later it moved.' -> 'Two years later' = 1964
    Example: 'It opened in 1964. The following year the ambassador left.' -> 'The following year' = 1965
    Example: 'It opened in 1964. In the year before, talks began.' -> 'the year before' = 1963
    Example: 'The embassy opened in 1962. A month later a school opened.' -> 'A month later' = -
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
    value = shift(base, n, unit) if base is not None else None
    return Resolved("relative", value or "", None, f"narrative {iso(base)}" if value else "", m.end())


def day_month(g, m, ctx) -> Resolved | None:
    """A day and month, or a month after a preposition, with no year: the narrative's year, else the
    year nearest publication. A bare month without a preposition has no year; 'May', 'March' there are verbs.

    Example: 'In 1972 the talks failed. On April 2 they resumed.' -> 'April 2' = 1972-04-02
    Example (published 2021-01-03): 'The summit closed on 30 December.' -> '30 December' = 2020-12-30
    Example: 'In 1975 the war ended. In October the embassy reopened.' -> 'October' = 1975-10
    Example: 'October is the month of the harvest.' -> 'October' = -
    """
    mo, d = month_number(g("m")), day_number(g("d")) if g("d") else None
    if d is None and not _PREPOSITION_BEFORE.search(ctx.before(m)):
        if g("m") in ("May", "March"):
            return None           # the modal verb and the verb, not months
        return Resolved("date", "", None, "", m.end())   # a month of no particular year
    y, anchor = year_for_day_month(ctx.state, mo, d)
    if y is None or not valid_date(y, mo, d):
        return Resolved("date", "", None, "", m.end())
    return Resolved("date", (y, mo, d) if d else (y, mo), None, anchor, m.end())
