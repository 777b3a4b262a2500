"""Delegations: who travels when a delegation does, and from which country.

A delegation travels with its head ("a delegation of the Women's Union headed by Ri Sun Ok"): the head
is the visitor. With no head named, the visitor is the sending organisation (the codebook's rule),
kept with a provisional id unless the gazetteer knows it ("a delegation of the Communist Party of
Vietnam" is the party). The rules, each general:

- the phrase: a delegation word (``visit_patterns.csv`` role ``delegation``), the words before it back to
  a determiner ("A Defence Ministry delegation", "the visiting delegation"), and an ``of`` phrase naming
  the organisation ("of the Ministry of Culture of Viet Nam", "of educators of Joson University");
- the head: the first person (of the gazetteer or provisional) after "led by" or "headed by", past
  titles only ("headed by Chairwoman of its Central Committee Ri Sun Ok"), or the person before "led"
  when the delegation is its object ("Ri Sun Ok, who led a delegation to ...");
- the country: the first country, or organisation or place with a country, the phrase names (not after
  "to" or "in"), else a word whose country depends on where the article is written
  (``country_words.csv``: "Korea" in "the Union of Architects of Korea" is the DPRK in a Pyongyang
  dispatch), else the head's nationality;
- "the delegation" with nothing of its own is the delegation last named in the article;
- "delegations of Russia and Vietnam": one delegation per country.

>>> from helpers.events.delegations import DelegationWords
>>> DelegationWords.premodifiers("Yesterday a DPRK film", 21)
(10, 'DPRK film', False, 'a')
"""
from __future__ import annotations

import re
from collections import namedtuple

from helpers.annotate.people import provisional_id

Delegation = namedtuple("Delegation", "start end head_start entity_id name organisation country visiting anaphor")

_CAP = r"\(?[A-Z][\w'’\-.]*+\)?"
_CAPRUN = rf"{_CAP}(?:[ \t]++{_CAP})*+"
_LOWER = r"(?:[a-z][\w'’\-]*+[ \t]++){0,4}"  # "of educators of Joson University", "of political officers of the KPA"
# joined by "of", "for" and "and" (not "and the": two organisations); "in", "on" lead to a place or a date
_ORG = rf"{_LOWER}{_CAPRUN}(?:(?:[ \t]++(?:of|for)[ \t]++(?:the[ \t]++)?|[ \t]++and[ \t]++(?!the\b)){_CAPRUN})*+"
_OF = re.compile(rf"[ \t]++of[ \t]++(?:the[ \t]++)?({_ORG})")
# "led by" after the phrase, past a few words of a name the phrase did not take ("of Vietnamese paper Nhan Dan")
_HEADED = re.compile(r"(?:[ \t]++(?!(?:and|or|which|who|that|was|were|is|are)\b)[\w'’.\-]++){0,4}?"
                     r",?[ \t]*+(?:(?:which|who|that)[ \t]++(?:is|was|were|are)[ \t]++)?(?:led|headed)[ \t]++by[ \t]++")
# between "headed by" and the head: titles only
_TITLE_GAP = re.compile(r"(?:(?:[A-Z][\w'’.\-]*+|its|the|first|of|for|and|his|her|[a-z]+-[a-z]+)[ \t]++)*+")
_TOKEN = re.compile(r"[\w'’\-.]+|[^\w\s]")
_DETERMINERS = frozenset({"a", "an", "the", "its", "his", "her", "their", "this", "that", "these", "those", "our"})
_BOUNDARY = frozenset({"of", "with", "by", "to", "for", "from", "and", "or", "as", "at", "in", "on", "were", "was",
                       "is", "are", "had", "has", "have", "met", "received", "included", "among", "between", "than",
                       "when", "while", "after", "before", "said", "told"})
_VISITING = frozenset({"visiting"})
_DEFINITE = frozenset({"the", "this", "that"})  # "the delegation" alone: the one last named
_OF_WORD = re.compile(r"[ \t]++of\b")


class DelegationWords:
    """The pieces of a delegation phrase (static helpers, each with its rule)."""

    @staticmethod
    def premodifiers(text: str, pos: int) -> tuple[int, str, bool, str]:
        """``(start, words, visiting, determiner)``: the words before the delegation word at ``pos`` back
        to a determiner, at most five, none a preposition, conjunction or common verb; ``visiting`` when
        one is "visiting" (the delegation is on a trip)."""
        window_start = max(0, pos - 80)
        toks = list(_TOKEN.finditer(text, window_start, pos))
        start, words, det = pos, [], ""
        for t in reversed(toks[-6:]):
            w = t.group()
            low = w.lower()
            if low in _DETERMINERS:
                start, det = t.start(), low
                break
            if not (w[0].isalnum()) or low in _BOUNDARY or len(words) == 5:
                break
            words.insert(0, w)
            start = t.start()
        visiting = any(w.lower() in _VISITING for w in words)
        kept = [w for w in words if w.lower() not in _VISITING]
        return start, " ".join(kept), visiting, det


def find_delegations(doc, spans, kb, pats, home: str | None, country_words: dict) -> list[Delegation]:
    """Every delegation phrase in the sentences ``spans`` (``(start, end, sent_id)``) of ``doc``
    (a :class:`helpers.events.index.DocIndex`), in text order, anaphors resolved."""
    raw = doc.raw
    out: list[Delegation] = []
    for s0, s1, _ in spans:
        for m in pats.delegation.finditer(doc.folded, s0, s1):
            out.extend(_phrase(doc, m, s0, s1, kb, home, country_words, out))
    return out


def _phrase(doc, m, s0: int, s1: int, kb, home, country_words, earlier: list) -> list[Delegation]:
    raw = doc.raw
    ws, we = m.span()
    start, premods, visiting, det = DelegationWords.premodifiers(raw, ws)
    start = max(start, s0)
    of = _OF.match(raw, we, s1)
    org = of.group(1).strip().rstrip(".") if of else ""
    end = of.end() if of else we
    head = _head(doc, raw, end, s1) or _leader_before(doc, raw, start, s0)
    plural = m.group().lower().endswith("s")
    if plural and of:
        split = _by_country(doc, of.start(1), of.end(1), kb, start, visiting)
        if split:
            return split
    if not premods and not org and head is None:
        if plural or not earlier or det not in _DEFINITE or _OF_WORD.match(raw, we, s1):
            return []
        ante = earlier[-1]  # "the delegation": the one last named
        return [ante._replace(start=start, end=we, visiting=visiting or ante.visiting, anaphor=True)]
    country = doc.stated_country(start, end, kb) or _by_home(raw[start:end], home, country_words)
    if head is not None:
        eid, name = head.entity_id, doc.name_of(head.entity_id, kb)
        end = max(end, head.end)
        country = country or doc.country_of(eid, kb, home)
    else:
        eid = _org_id(doc, of, kb) if of else None
        name = kb.canonical_of.get(eid) if eid in kb.type_of else _name(premods, m.group(), org)
        eid = eid or provisional_id(name)
    return [Delegation(start, end, head.start if head is not None else None, eid, name,
                       _name(premods, m.group(), org, own=True), country, visiting, False)]


def _name(premods: str, word: str, org: str, own: bool = False) -> str:
    """The name of a delegation with no head: its organisation ("the Union of Architects"), with the words
    before the delegation word when there are some ("Defence Ministry delegation of Vietnam"); with
    ``own``, the organisation alone (else the words before the delegation word)."""
    if own or not premods:
        return org or premods
    return f"{premods} {word} of {org}" if org else f"{premods} {word}"


def _head(doc, raw: str, pos: int, s1: int):
    """The person after "led by"/"headed by" at ``pos``, past titles only (None without one)."""
    h = _HEADED.match(raw, pos, s1)
    if not h:
        return None
    gap = _TITLE_GAP.match(raw, h.end(), min(s1, h.end() + 90))
    people = doc.persons.starting_in(h.end(), min(s1, h.end() + 100))
    for p in people:
        if p.start <= gap.end():
            return p
        break
    return None


def _leader_before(doc, raw: str, start: int, s0: int):
    """The person who "led" or "headed" the delegation that follows the verb (the nearest before it)."""
    v = _LED_BEFORE.search(raw, max(s0, start - 12), start)
    if v is None:
        return None
    return doc.persons.last_before(v.start(), lambda p: p.end <= v.start(), lo=s0)


_LED_BEFORE = re.compile(r"\b(?:led|headed|leading|heading)\s+$")


def _org_id(doc, of, kb) -> str | None:
    """The gazetteer id of the organisation the ``of`` phrase names in full, if it is one."""
    found = doc.ments.starting_in(of.start(1), of.end(1))
    if len(found) == 1 and found[0].start == of.start(1) and found[0].end >= of.end(1) - 1 \
            and kb.type_of.get(found[0].entity_id) in ("organisation", "outlet"):
        return found[0].entity_id
    return None


def _by_country(doc, a: int, b: int, kb, start: int, visiting: bool) -> list[Delegation]:
    """"delegations of Russia and Vietnam": one delegation per country, when the phrase names only countries."""
    found = doc.ments.starting_in(a, b)
    if len(found) < 2 or any(kb.type_of.get(f.entity_id) != "country" for f in found):
        return []
    out = []
    for f in found:
        name = f"delegation of {doc.raw[f.start:f.end]}"
        out.append(Delegation(start, b, None, provisional_id(name), name, doc.raw[f.start:f.end],
                              kb.country_of.get(f.entity_id), visiting, False))
    return out


def _by_home(text: str, home: str | None, country_words: dict) -> str | None:
    """The country of a word whose country depends on where the article is written ("Korea" in Pyongyang)."""
    if not home or not country_words:
        return None
    for w in re.findall(r"[A-Z][\w]*", text):
        cc = country_words.get((w, home))
        if cc:
            return cc
    return None
