"""Who makes a trip: the visitor of a trigger, as the sentence names it.

The actors are a document's people (of the gazetteer or provisional) and its delegations
(:mod:`helpers.events.delegations`; a delegation with a head travels as its head). The rules, tried in
this order, each general:

- **inverted subject**: a participle opening its clause, then "was"/"were": every actor after the verb
  ("Arriving here on the same day were X, Y and a delegation of Z");
- **possessive**: "X's (first) visit", "his trip", "my first visit" (a person), "its visit" (an actor);
- **agent**: "a visit to Y by X";
- **on a visit**: "X, ..., on an official goodwill visit to Y": the nearest actor before the phrase;
- **subject**: the nearest actor (or pronoun: "he" the most recent person) before a verb trigger or the
  light verb of a noun trigger ("paid a visit", "after wrapping up its visit"); coordinated subjects
  ("X, ..., and Z visited") give one visitor each.

Each visitor comes with the title the sentence gives (before the name, "President X", or in an apposition
after it, "X, the President of ..."), used for the visit's level and to tell an ambassador acting where
posted, which is no trip.
"""
from __future__ import annotations

import re
from bisect import bisect_left

_PRONOUNS = re.compile(r"\b(?:he|she|He|She)\b")
_POSSESSIVE_PERSON = re.compile(r"\b(?:his|her|my|His|Her|My)\b")
_POSSESSIVE_ACTOR = re.compile(r"\b(?:its|their|our|Its|Their|Our)\b")
_S_POSSESSIVE = re.compile(r"^['’]s\s+(?:[\w\-]+\s+){0,4}$")
_AFTER_PRONOUN = re.compile(r"\s+(?:[\w\-]+\s+){0,4}$")
_TO = re.compile(r"\s+to\b")
_COORDINATED = re.compile(r"\s*(?:,[^;]*?,)?\s*and\s+(?:[A-Z][\w\-’']*\s+){0,3}")
_TITLE_PREPOSITION = re.compile(r"\s+(?:in|on|at|from|during)$")


def title_of(raw: str, mention, sent_start: int, limit: int, pats, stop: int | None = None) -> str:
    """The title the article gives the visitor: before the name and/or in an apposition after it."""
    if getattr(mention, "type", "person") != "person":
        return ""
    parts = []
    m = pats.title_before.search(raw[max(sent_start, mention.start - 60):mention.start])
    if m:
        parts.append(m.group(1).strip())
    if stop is not None:
        limit = min(limit, stop)
    m = pats.title_after.match(raw[mention.end:limit])
    if m:
        parts.append(m.group(1).strip())
    if not parts:
        return ""
    parts = [_TITLE_PREPOSITION.sub("", p) for p in parts]
    return ", ".join(dict.fromkeys(p for p in parts if p))


def find_visitors(doc, ts: int, te: int, c0: int, c1: int, dest_m, tense: str, kb, pats) -> list[tuple]:
    """``[(entity_id, mention or None, title)]`` for the trigger at ``ts:te`` of the clause ``c0:c1``."""
    raw = doc.raw
    actors = [p for p in doc.actors.starting_in(c0, c1) if p.end <= c1]

    def with_title(p):
        return (p.entity_id, p, title_of(raw, p, c0, ts if p.end <= ts else c1, pats, doc.next_timex_start(p.end)))

    def resolved(pos, persons_only=True):  # a pronoun: the most recent person (or actor) not an object
        index = doc.persons if persons_only else doc.actors
        ref = _antecedent(raw, index, pos, kb) if persons_only else index.last_before(pos, lambda p: p.end <= pos)
        if ref is None:
            return []
        return [with_title(ref)] if ref.start >= c0 else [(ref.entity_id, None, "")]

    before = [p for p in actors if p.end <= ts]
    if tense == "participle" and not before:  # 0. "Arriving here on the same day were X and Y"
        inv = pats.inverted.search(raw, te, c1)
        after = [p for p in actors if inv is not None and p.start >= inv.end()]
        if after:
            return [with_title(p) for p in after]
    if tense in ("noun", "base"):  # 1. possessive
        found = _possessive(doc, raw, ts, c0, before, with_title, resolved)
        if found is not None:
            return found
    after_from = dest_m.end if dest_m is not None and dest_m.start >= te else te
    m = pats.agent.match(raw, after_from, c1)  # 2. agent: "a visit to Vietnam by Comrade Kim Jong Un"
    if m:
        p = next((p for p in actors if p.start >= m.end() and p.start - m.end() < 40), None)
        if p is not None and pats.agent_gap.match(raw, m.end(), p.start).end() == p.start:
            return [with_title(p)]
    if tense in ("noun", "base") and before and pats.on_visit.search(doc.folded, max(c0, ts - 60), ts):  # 3.
        return [with_title(before[-1])]
    return _subjects(doc, raw, ts, te, c0, tense, before, pats, with_title, resolved)


_OBJECT_BEFORE = re.compile(r"\b([a-z]+)\s+(?:(?:[A-Z][\w'’.\-]*|[a-z]+-[a-z]+)\s+)*$")
_STOP = re.compile(r"[.!?;:\"“”(]\s|,")
_NOT_OBJECT = frozenset({"and", "or", "but", "then", "that", "which", "who", "when", "as", "while"})


def _antecedent(raw: str, persons, pos: int, kb):
    """The person a pronoun at ``pos`` stands for: the most recent person that is no object of a verb or
    preposition ("Ho's admiration for Kim was exceptional. ... he met ..." is Ho), else the most recent."""
    first, seen = None, 0
    for i in range(bisect_left(persons.starts, pos) - 1, -1, -1):
        p = persons.recs[i]
        if p.end > pos:
            continue
        first = first or p
        lo = max(0, p.start - 60)
        for stop in _STOP.finditer(raw, lo, p.start):  # the words before the name, in its own sentence
            lo = stop.end()
        m = _OBJECT_BEFORE.search(raw, lo, p.start)
        word = m.group(1) if m else ""
        while word and word in kb.title_level:  # "leader Kim": the title is no verb
            m = _OBJECT_BEFORE.search(raw, lo, m.start(1))
            word = m.group(1) if m else ""
        if not word or word in _NOT_OBJECT:
            return p
        seen += 1
        if seen == 4:
            break
    return first


def _possessive(doc, raw, ts, c0, before, with_title, resolved):
    """"X's visit", "his trip", "its visit": the visitor, or None when there is no possessive."""
    for p in reversed(before):
        if _S_POSSESSIVE.match(raw[p.end:ts]):
            return [with_title(p)]
        break
    lo = max(c0, ts - 60)
    left = raw[lo:ts]
    for rx, persons_only in ((_POSSESSIVE_PERSON, True), (_POSSESSIVE_ACTOR, False)):
        m = None
        for m in rx.finditer(left):
            pass
        if m is not None and _AFTER_PRONOUN.match(left, m.end()):
            found = resolved(lo + m.start(), persons_only)
            if found:
                return found
    return None


def _subjects(doc, raw, ts, te, c0, tense, before, pats, with_title, resolved) -> list[tuple]:
    """The subject of a verb trigger, or of the light verb before a noun trigger; coordinated ones too."""
    anchor = ts
    if tense == "noun" or (tense == "base" and _TO.match(raw, te, te + 4)):
        lv = pats.light_verb.search(raw, c0, ts)
        if not lv:
            return []
        anchor = lv.start()
    subj = [p for p in before if p.end <= anchor]
    pron = None
    for pm in _PRONOUNS.finditer(raw, c0, anchor):
        pron = pm
    if pron is not None and (not subj or pron.start() > subj[-1].end):
        return resolved(pron.start())
    if not subj:
        return []
    chosen = [subj[-1]]
    for p in reversed(subj[:-1]):  # coordinated subjects: "X, President of ..., and Z visited"
        if p.start == chosen[0].start or _COORDINATED.fullmatch(raw[p.end:chosen[0].start]):
            chosen.insert(0, p)  # (delegations split by country share their span)
        else:
            break
    return [with_title(p) for p in chosen]
