"""Where a trip goes, as the trigger's frame tells it: the places of visits, arrivals, departures and returns.

Each destination is a :data:`Dest`: its country, the mention that names it (None for "here" and for a
place the frame implies), the ``role`` of the trigger's date for that trip (``visit``: the date of the
visit; ``start``: the trip begins; ``end``: the trip ends, as a departure from the place or a return
home) and ``deictic`` (the place is "here": the trip is under way or just over as the article is written).
The rules, by frame:

- **visit** ("visited Y", "a visit to Y", "Y visit", "the Northeast Asian country"): the place named right
  after the trigger (past "to", "in", "the" and "by air"), several when coordinated ("visiting Laos and
  Vietnam"), or after the visitor ("the visit of X to Y"), or a compound before the noun ("a Vietnam
  visit"), or a description (the most recent other country, decided by the caller); "the visiting
  delegation of ..." is a trip to the dateline's country;
- **arrival** ("arrived in Y", "arrived here by air"): the place after the trigger, past dates; with no
  place, a verb of arrival means the dateline's country ("Arriving on the same day were ...");
- **departure** ("left here for Y", "left Hanoi for home", "departure from here"): the place after "for"
  begins a trip; without one, the place left ends a trip to it;
- **return** ("returned home from Y", "went back"): the place after "from" ends a trip to it; with
  "after" and a visit trigger ("came back home after visiting Y") the visit trigger gives the place; with
  neither, the trip to the dateline's country ends ("The delegation went back on Monday");
- **meeting** ("met with Y in Z", "X's meeting with Y in Z"): the place right after the person met (past an
  apposition), so that "meetings with Y last year on reforms in Z" names no place of the meeting.

"here" is the dateline's country, else the outlet's (see :func:`helpers.events.visits.home_country`). A
place a frame only implies (an arrival or a return with no place named: ``implied``) is the place of the
visitor's latest trip in the article when there is one ("arrived in Hanoi ... returned home on Saturday"
in a Seoul dispatch ends the trip to Vietnam), else "here". A
country followed by a building ("the DPRK embassy") is no destination; nor is a nationality adjective,
unless a place noun follows it ("the Vietnamese capital"); nor a place that opens a longer unknown name
("the Nam Dinh Textile Factory").
"""
from __future__ import annotations

import re
from collections import namedtuple

Dest = namedtuple("Dest", "country mention role deictic implied", defaults=(False,))
DESTINATION_SUBTYPES = {"city", "province", "district", "town"}
_OBJECT_GAP = re.compile(r"\s*+(?:(?:to|in|at|into|from)\s++)?(?:the\s++)?", re.IGNORECASE)
_LONGER_NAME = re.compile(r"\s+[A-Z][a-z]")
_COMPOUND = re.compile(r"visits?$|trips?$", re.IGNORECASE)
_AND = re.compile(r"\s*+(?:,\s*+(?:and\s++)?|and\s++)(?:the\s++)?", re.IGNORECASE)
_AFTER = re.compile(r"\bafter\b", re.IGNORECASE)
_SPACE = re.compile(r"[\s,]*+")
_ENDS_IN = re.compile(r"\b(?:in|at)$", re.IGNORECASE)  # the trigger took the preposition ("arrived in")
_PLACE_WORD = re.compile(r"\s*+(?:in|at|to|into|on board)\b", re.IGNORECASE)  # a place follows, known or not


def destination_country(kb, eid: str) -> str | None:
    """The country a visit to entity ``eid`` goes to: a country, or the country of a city or province."""
    t = kb.type_of.get(eid)
    if t == "country":
        return kb.country_of.get(eid)
    if t == "place" and kb.subtype_of.get(eid) in DESTINATION_SUBTYPES:
        return kb.country_of.get(eid)
    return None


def destinations(doc, ts: int, te: int, c1: int, frame: str, tense: str, kb, pats, home: str | None,
                 later: list) -> list[Dest] | str:
    """The trips the trigger at ``ts:te`` names, or 'descriptive' ("the Northeast Asian country").

    ``later``: the starts of the triggers after this one in its clause (a return followed by "after"
    and a visit trigger leaves the place to that trigger).
    """
    if frame == "visit":
        if pats.descriptive.match(doc.raw[te:c1]):
            return "descriptive"
        if tense == "participle" and doc.delegation_at(ts) is not None:  # "the visiting delegation of ..."
            named = _place_in_clause(doc, te, c1, kb)
            if named:
                return [Dest(named, None, "visit", False)]
            return [Dest(home, None, "visit", True, True)] if home else []
        found = _objects(doc, te, c1, kb, pats, home, "visit") or (
            visit_of(doc, te, c1, kb, pats)[0] if tense in ("noun", "base") else [])
        return found or _compound(doc, ts, te, kb)
    if frame == "arrival":
        found = _objects(doc, te, c1, kb, pats, home, "start", skip_dates=True)
        if not found and tense != "noun" and home and not _ENDS_IN.search(doc.raw, max(0, te - 3), te) \
                and not _PLACE_WORD.match(doc.raw, _skip(doc, te, c1, pats, True), c1):
            found = [Dest(home, None, "start", True, True)]  # no place at all: the dateline's ("arrived on Monday")
        return found
    if frame == "departure":
        return _departure(doc, te, c1, kb, pats, home)
    if frame == "meeting":
        return meeting_place(doc, te, c1, kb, pats)[0]
    return _return(doc, te, c1, kb, pats, home, later)


_IN_PLACE = re.compile(r"(?:\s*+,[^,;]{0,150}?,)?\s++(?:in|at)\s++(?:the\s++)?")
_OBJECT_LEAD = re.compile(r"[^;:.!?\"“”]{0,120}")


_DIRECT = re.compile(r"\s*+(?:(?:the|a|an|his|her|its|their|visiting|[A-Z][\w'’.\-]*+)\s++)*+")


_OF = re.compile(r"\s++of\s++")
_TO_PLACE = re.compile(r"(?:\s*+,[^,;]{0,150}?,)?\s++to\s++")


def visit_of(doc, te: int, c1: int, kb, pats) -> tuple[list[Dest], list]:
    """"the visit of X to Y": ``(places, [X])`` for the actor right after "of" (past titles) and the place
    right after "to" (past an apposition of X); ``([], [])`` when the trigger is not followed so."""
    of = _OF.match(doc.raw, te, c1)
    if of is None:
        return [], []
    who = [a for a in doc.actors.starting_in(of.end(), min(c1, of.end() + 120)) if a.end <= c1][:1]
    if not who or _DIRECT.match(doc.raw, of.end(), who[0].start).end() != who[0].start:
        return [], []
    to = _TO_PLACE.match(doc.raw, who[0].end, c1)
    places = _objects(doc, to.end(), c1, kb, pats, None, "visit") if to else []
    return places, (who if places else [])


def meeting_place(doc, te: int, c1: int, kb, pats) -> tuple[list[Dest], list, bool]:
    """``(places, people met, direct)``: the actor met after the trigger ("met with Y", "received gifts
    from Y") and the place right after them ("in Z", past an apposition); no place, no trip. ``direct``:
    the actor is the verb's object, past titles only ("received Y", not "received gifts from Y"): then
    the subject was at the place too."""
    lead = _OBJECT_LEAD.match(doc.raw, te, c1)
    met = [a for a in doc.actors.starting_in(te, lead.end() + 1) if a.end <= c1][:1]
    if not met:
        return [], [], False
    gap = _IN_PLACE.match(doc.raw, met[0].end, c1)
    place = _place(doc, gap.end(), c1, kb, pats, None) if gap else None
    if place is None or place[1] is None or place[1].start != gap.end():
        return [], [], False
    direct = _DIRECT.match(doc.raw, te, met[0].start).end() == met[0].start
    return [Dest(place[0], place[1], "visit", False)], met, direct


_IN = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$", re.IGNORECASE)


def _place_in_clause(doc, te: int, c1: int, kb) -> str | None:
    """The country of the first place named after "in" or "at" in the rest of the clause, if any."""
    for m in doc.ments.starting_in(te, c1):
        cc = destination_country(kb, m.entity_id)
        if cc and m.form != "demonym" and _IN.search(doc.raw, max(te, m.start - 10), m.start):
            return cc
    return None


def _skip(doc, pos: int, c1: int, pats, skip_dates: bool) -> int:
    """``pos`` past white space, "by air" and (with ``skip_dates``) the dates that follow it."""
    for _ in range(4):
        m = pats.transport.match(doc.raw, pos, c1)
        if m:
            pos = m.end()
            continue
        if skip_dates:
            nxt = doc.tx.starting_in(pos, c1)
            gap = _SPACE.match(doc.raw, pos, c1).end()
            word = re.match(r"\s*+(?:on|in|at)?\s*+", doc.raw[gap:gap + 6])
            at = gap + (word.end() if word else 0)
            if nxt and nxt[0].start == at:
                pos = nxt[0].end
                continue
        break
    return pos


def _place(doc, pos: int, c1: int, kb, pats, home):
    """The place right at ``pos`` (past the object gap): ``(country, mention, deictic)`` or None."""
    raw = doc.raw
    here = pats.here.match(raw, pos, c1)
    if here and home:
        return home, None, True
    gap = _OBJECT_GAP.match(raw, pos, c1).end()
    nxt = doc.ments.at(gap, c1)
    if nxt is None:
        return None
    cc = destination_country(kb, nxt.entity_id)
    if nxt.form == "demonym":
        place = pats.demonym_place.match(raw, nxt.end, c1)
        if place is None:  # "the Vietnamese embassy", "a visit to the Vietnamese"
            return None
        nxt = nxt._replace(end=place.end())
    elif pats.facility.match(raw, nxt.end, c1):  # "the DPRK embassy": a building
        return None
    if cc and not _LONGER_NAME.match(raw, nxt.end, nxt.end + 30):  # not part of an unknown longer name
        return cc, nxt, False
    return None


def _objects(doc, te: int, c1: int, kb, pats, home, role: str, skip_dates: bool = False) -> list[Dest]:
    """The places named right after the trigger, coordinated ones included ("Laos and Vietnam")."""
    pos = _skip(doc, te, c1, pats, skip_dates)
    first = _place(doc, pos, c1, kb, pats, home)
    out = []
    while first is not None:
        cc, m, deictic = first
        out.append(Dest(cc, m, role, deictic))
        if m is None:
            break
        more = _AND.match(doc.raw, m.end, c1)
        first = _place(doc, more.end(), c1, kb, pats, None) if more else None
        if first is not None and first[1] is not None and first[1].start != more.end():
            first = None
    return out


def _compound(doc, ts: int, te: int, kb) -> list[Dest]:
    """"Vietnam visit", "rounds of Vietnam visits": the place right before a noun trigger."""
    raw = doc.raw
    prev = doc.ments.last_before(ts, lambda m: m.end <= ts)
    if prev is not None and prev.form != "demonym" and raw[prev.end:ts].strip() == "" and _COMPOUND.match(raw[ts:te]):
        cc = destination_country(kb, prev.entity_id)
        if cc:
            return [Dest(cc, prev, "visit", False)]
    return []


def _departure(doc, te: int, c1: int, kb, pats, home) -> list[Dest]:
    """"left here for Y" (a trip to Y begins), "left Hanoi for home" or "left here" (a trip to the place
    left ends: also when another begins, "left Pyongyang for Beijing"), "departure from here"."""
    raw = doc.raw
    left = _place(doc, _skip(doc, te, c1, pats, False), c1, kb, pats, home)
    ended = [Dest(left[0], left[1], "end", left[2])] if left is not None else []
    f = pats.for_place.search(raw, te, min(c1, te + 100))
    if f is not None and raw[f.end():f.end() + 4].lower() != "home":
        named = _objects(doc, f.end(), c1, kb, pats, None, "start")
        if named:
            return ended + named
    return ended


def _return(doc, te: int, c1: int, kb, pats, home, later: list) -> list[Dest]:
    """"returned home from Y" (a trip to Y ends); "came back home after visiting Y" (the visit trigger
    tells the place); "went back" (the trip to the dateline's country ends)."""
    raw = doc.raw
    pos = _skip(doc, te, c1, pats, True)
    h = pats.home.match(raw, pos, c1)
    if h:
        pos = _skip(doc, h.end(), c1, pats, True)
    fr = pats.from_place.match(raw, pos, c1)
    if fr:
        found = _objects(doc, fr.end(), c1, kb, pats, home, "end")
        if found:
            return found
    if any(_AFTER.search(raw, te, s) for s in later):
        return []
    return [Dest(home, None, "end", True, True)] if home else []
