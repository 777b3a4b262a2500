"""Visit statements: who travelled to which country, when, as each sentence tells it.

:func:`extract_visits` is pure and per document: the raw text, its body sentences, its entity mentions
(:mod:`helpers.annotate.mentions`, people the gazetteer lacks included) and its temporal expressions
(:mod:`helpers.annotate.timex`) in, one row per trip statement out. :func:`extract_corpus_visits` is the
corpus layer. Merging statements into exchanges is :mod:`helpers.events.exchanges`; levels and titles
:mod:`helpers.events.levels`; scoring :mod:`helpers.evaluate`.

What it knows comes from a :class:`helpers.knowledge.KnowledgeBase` (``kb``): the gazetteer, offices and
titles, the visit patterns (``data/visit_patterns.csv``, compiled by :mod:`helpers.events.patterns`), the
reporting verbs, and the words whose country depends on where an article is written
(``data/country_words.csv``). A trip is read in four steps, each its own module:

1. a *trigger* and its *frame*: a visit ("visited", "a visit to", "toured"), an arrival ("arrived here"),
   a departure ("left here for", "departure from here") or a return ("came back home after visiting");
2. the places and the role of the trigger's date for each (:mod:`helpers.events.destinations`); "here"
   is the country of the article's dateline, else of its outlet (:func:`home_country`);
3. the visitors (:mod:`helpers.events.visitors`), among the people and delegations
   (:mod:`helpers.events.delegations`: a delegation travels with its head, or as its organisation);
4. the dates, their basis and the status (:mod:`helpers.events.visit_dates`).

A trip to the visitor's own country is no visit ("Kim Jong Un arrived in Pyongyang"); nor is a trip of an
ambassador or of embassy staff to the country where they are posted; nor a visit to a building a country
names ("the DPRK embassy"). Each lookup into a document's mentions and dates is by position (bisection),
so the work per sentence does not grow with the length of the document.
"""
from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from collections import namedtuple
from itertools import repeat

import pandas as pd

from helpers.annotate.gazetteer import fold
from helpers.annotate.scan import matches_at
from helpers.corpus.files import decoded
from helpers.events.delegations import find_delegations
from helpers.events.destinations import Dest, destination_country, destinations, meeting_place, visit_of
from helpers.events.index import DocIndex, FirstMatch, Marks, RecordsByDocument
from helpers.events.levels import visit_level
from helpers.events.patterns import VisitPatterns, trigger_starts, visit_patterns
from helpers.events.visit_dates import date_values, is_future, publication_dates, trip_dates
from helpers.events.visitors import find_visitors
from helpers.parallel import SpansByDocument, column_dict, frame_from_rows, map_documents, record

__all__ = ["VISIT_COLUMNS", "destination_country", "extract_visits", "extract_corpus_visits", "home_country",
           "visit_rows", "visit_patterns"]

VISIT_COLUMNS = [
    "doc_id", "sent_id", "start", "end", "visitor", "visitor_id", "visitor_title", "from_country", "to_country",
    "date_start", "date_end", "status", "cameo", "delegation", "level", "trigger", "evidence", "provisional",
    "basis", "organisation",
]
CAMEO_VISIT = "042"  # CAMEO 042: "Make a visit" (the visitor's side of the event)
# "\bhere\b" on the folded text, written with the literal first (the boundary before it as a lookbehind) so
# that the regex engine finds candidates by its fast literal search instead of trying every position
_HERE = re.compile(r"here(?<!\where)\b")
_AFTER = re.compile(r"\bafter\b", re.IGNORECASE)
# An agency dateline just before the body: "HANOI, Feb. 27 (Yonhap) --", "Pyongyang, March 29 (KCNA) --".
# An agency dateline: "HANOI, Feb. 27 (Yonhap) --", "Pyongyang, March 29 (KCNA) --", "Hanoi (VNA) -", just
# before the body (the loader splits it off) or opening it.
_DATELINE = re.compile(r"([A-Z][A-Za-z .'\-]{1,40}?)\s*(?:/[A-Z][A-Za-z .'\-]{1,40})?(?:,[^\n,]{0,40}?)?\s*"
                       r"\([A-Za-z][A-Za-z .]{0,40}\)\s*(?:--|—|–|-)\s*$")
_DATELINE_AT = re.compile(r"\s*([A-Z][A-Za-z .'\-]{1,40}?)\s*(?:/[A-Z][A-Za-z .'\-]{1,40})?(?:,[^\n,]{0,40}?)?\s*"
                          r"\([A-Za-z][A-Za-z .]{0,40}\)\s*(?:--|—|–|-)")

_level = functools.lru_cache(maxsize=4096)(visit_level)


def _default_kb():
    from helpers.knowledge import load_knowledge

    return load_knowledge()


def home_country(raw: str, body_start: int, outlet_country, kb) -> str | None:
    """The country "here" means in an article: its dateline's place, else its outlet's country.

    The dateline is an agency dateline ending just before the body (``body_start``: where the first
    body sentence begins); the outlet's country comes from the outlet registry (``outlets.csv``).

    >>> from helpers.knowledge import load_knowledge
    >>> home_country("HANOI, Feb. 26 (Yonhap) -- Talks began.", 26, "KOR", load_knowledge())
    'VNM'
    >>> home_country("Pyongyang (VNA) - Talks began.", 0, "VNM", load_knowledge())
    'PRK'
    >>> home_country("Talks began.", 0, "PRK", load_knowledge())
    'PRK'
    """
    lo = max(0, body_start - 120)
    m = (_DATELINE.search(raw, lo, body_start) if body_start and raw.find(")", lo, body_start) >= 0 else None) \
        or _DATELINE_AT.match(raw, body_start, body_start + 120)
    if m:
        for s, e, eid, _ in kb.matcher.spans(raw, m.start(1), m.end(1)):
            cc = destination_country(kb, eid)
            if cc:
                return cc
    if isinstance(outlet_country, str) and re.fullmatch(r"[A-Z]{3}", outlet_country):
        return outlet_country
    return None


def extract_visits(raw: str, sentences: pd.DataFrame, mentions: pd.DataFrame, timexes: pd.DataFrame,
                   doc_id: str = "", published: pd.Timestamp | None = None, kb=None,
                   home: str | None = None) -> pd.DataFrame:
    """Visit statements in one document (see the module docstring for the rules).

    ``mentions`` and ``timexes`` are this document's rows (``start``/``end`` into ``raw``; timexes need
    ``value`` and may have ``end_value``). ``kb``: the knowledge base the mentions were found with
    (default: the shipped one). ``home``: the country "here" means (:func:`home_country`; default: none,
    and "arrived here" names no place). Returns one row per visit: a statement naming two visits ("in
    2001 and 2007") gives two rows.
    """
    _check(mentions, timexes)
    rows = _document_rows(raw, _triples(sentences), _records(mentions, _M), _records(timexes, _T), doc_id,
                          published, kb, home)
    return _visit_frame(rows)


def _visits_of(shared: tuple, doc_id: str) -> list[tuple]:
    kb, raw, spans, m_by, t_by, published, outlet_country = shared  # inherited by worker processes
    text, triples = decoded(raw[doc_id]), spans[doc_id]
    home = home_country(text, triples[0][0] if triples else 0, outlet_country.get(doc_id), kb)
    return _document_rows(text, triples, m_by.get(doc_id, []), t_by.get(doc_id, []), doc_id, published[doc_id], kb,
                          home)


def extract_corpus_visits(documents: pd.DataFrame, sentences: pd.DataFrame, mentions: pd.DataFrame,
                          timexes: pd.DataFrame, kb, *, workers: int | None = None,
                          problems: list | None = None) -> pd.DataFrame:
    """The visits layer: :func:`extract_visits` over every document.

    ``documents`` is indexed by doc_id with ``raw``, ``published`` and (optional) ``outlet_country``;
    ``sentences``, ``mentions`` and ``timexes`` are the corpus layers (each with ``doc_id``); ``kb`` is the
    :class:`helpers.knowledge.KnowledgeBase` the mentions were found with. Documents run through
    :func:`helpers.parallel.map_documents`; a failing one is appended to ``problems`` as
    ``(doc_id, "visits", error)`` (without a list, an error).
    """
    _check(mentions, timexes)
    raw, pub = column_dict(documents, "raw"), column_dict(documents, "published")
    outlet = column_dict(documents, "outlet_country") if "outlet_country" in documents.columns else {}
    m_by = RecordsByDocument(mentions, _M)
    t_by = RecordsByDocument(timexes, _T)
    spans = _sentence_triples(sentences)
    items = [(d, (d,)) for d in sorted(spans)]
    table, failed = map_documents(_visits_of, items, "visits", shared=(kb, raw, spans, m_by, t_by, pub, outlet),
                                  workers=workers, total_chars=sum(len(raw[d]) for d in spans), frame=_visit_frame)
    record("visits", failed, problems)
    return table


_M_COLS = ("start", "end", "entity_id", "type")  # required; the rest are optional
_M = namedtuple("_M", (*_M_COLS, "form", "surface", "nationality", "role"), defaults=(None, None, None, None))
_T = namedtuple("_T", ("start", "end", "value", "end_value", "kind"))


def _check(mentions: pd.DataFrame, timexes: pd.DataFrame) -> None:
    for name, df, cols in (("mentions", mentions, _M_COLS), ("timexes", timexes, ("start", "end", "value"))):
        missing = set(cols) - set(df.columns)
        if missing:
            raise ValueError(f"{name} table lacks column(s) {sorted(missing)}")


def _records(df: pd.DataFrame, cls) -> list:
    cols = [df[c].tolist() if c in df.columns else [None] * len(df) for c in cls._fields]
    # tuple.__new__(cls, values) is what cls(*values) does, without a Python-level call per row
    return list(map(tuple.__new__, repeat(cls), zip(*cols)))


def _sentence_triples(sentences: pd.DataFrame) -> SpansByDocument:
    """``(start, end, sent_id)`` of each document's sentences, in that order (as :func:`visit_rows` sorts
    them), made per document on request."""
    return SpansByDocument(sentences, fields=("start", "end", "sent_id"), sort_by=("start", "end", "sent_id"))


def _visit_frame(rows: list[tuple]) -> pd.DataFrame:
    return frame_from_rows(rows, VISIT_COLUMNS, int_columns=("sent_id", "start", "end"),
                           bool_columns=("delegation", "provisional"))


def visit_rows(raw: str, sentences: pd.DataFrame, mentions: list, timexes: list, doc_id: str = "",
               published=None, kb=None, home: str | None = None) -> list[dict]:
    """The rows of :func:`extract_visits` from plain records (mentions: start, end, entity_id, type;
    timexes: start, end, value, end_value, kind). A mention's optional ``form`` marks
    nationality adjectives ('demonym'), which are not destinations."""
    rows = _document_rows(raw, _triples(sentences), mentions, timexes, doc_id, published, kb, home)
    return [dict(zip(VISIT_COLUMNS, r)) for r in rows]


def _triples(sentences) -> list[tuple[int, int, int]]:
    """Sorted ``(start, end, sent_id)`` of a sentence table or of ``(sent_id, start, end)`` triples."""
    if isinstance(sentences, pd.DataFrame):
        return sorted(zip(map(int, sentences["start"]), map(int, sentences["end"]), map(int, sentences["sent_id"])))
    return sorted((int(a), int(b), int(i)) for i, a, b in sentences)


@functools.lru_cache(maxsize=8)
def _breaks(kb) -> frozenset:
    """Words that may follow a name without joining it: months, weekdays, function words."""
    npw = kb.not_person_words
    return frozenset(w.lower() for w, r in zip(npw["word"], npw["reason"])
                     if r in ("month", "weekday") or r.startswith("function word"))


def _delegation_record(start: int, end: int, eid: str):
    return _M(start, end, eid, "delegation", "delegation")


def _document_rows(raw: str, triples: list, mentions: list, timexes: list, doc_id: str, published, kb,
                   home: str | None = None) -> list[tuple]:
    """:func:`visit_rows` as tuples (in the order of ``VISIT_COLUMNS``) for sentences given as sorted
    ``(start, end, sent_id)`` triples."""
    kb = _default_kb() if kb is None else kb
    pats = visit_patterns(kb)
    folded = fold(raw)  # the word patterns (triggers, delegations, reporting verbs) read lower case
    doc = DocIndex(raw, mentions, timexes, breaks=_breaks(kb), folded=folded)
    if pats.delegation.search(folded):
        doc.add_delegations(find_delegations(doc, triples, kb, pats, home, kb.home_words), _delegation_record)
    pub = None if published is None or pd.isna(published) else pd.Timestamp(published).date()
    rows = []
    cands = trigger_starts(pats, folded, triples)
    for s0, s1, sent_id in triples:
        found = _triggers(doc, folded, s0, s1, kb, pats, home, cands)
        if found:
            rows.extend(_sentence_rows(doc, found, s0, s1, sent_id, doc_id, pub, kb, pats, home))
    return _narrative_dates(rows) if len(rows) > 1 else rows


_COL = {c: i for i, c in enumerate(VISIT_COLUMNS)}


def _narrative_dates(rows: list[tuple]) -> list[tuple]:
    """Undated statements dated by the article's other statements of the same trip (basis ``narrative``).

    An undated statement takes the one date that the article's dated statements of the same visitor,
    direction and status give, when those statements come before it or in its sentence (a later mention
    of a trip points back: "visited Hanoi in 1958 ... his visit"), or when the trip is under way as the
    article is written (dated by the publication: "he was impressed to visit the DPRK ... This is my
    first visit").
    """
    vid, fc, tc, st, sid = (_COL[c] for c in ("visitor_id", "from_country", "to_country", "status", "sent_id"))
    ds, de, basis = _COL["date_start"], _COL["date_end"], _COL["basis"]
    dated: dict[tuple, list[tuple]] = {}
    for r in rows:
        if r[basis]:
            dated.setdefault((r[vid], r[fc], r[tc], r[st]), []).append(r)
    if not dated:
        return rows
    out = []
    for r in rows:
        others = dated.get((r[vid], r[fc], r[tc], r[st])) if not r[basis] else None
        if others and len({(o[ds], o[de]) for o in others}) == 1 and any(
                o[basis] == "publication" or o[sid] <= r[sid] for o in others):
            o = others[0]
            r = (*r[:ds], o[ds], o[de], *r[de + 1:basis], "narrative", *r[basis + 1:])
        out.append(r)
    return out


_Trig = namedtuple("_Trig", "ts te word tense frame c0 c1 dests visitors ret")


REACH = 400  # how far a trigger's clause reaches on either side: a sentence of many triggers stays linear


def _clause(text: str, s0: int, pos: int, end: int, pats: VisitPatterns, ends=None, breaks=None,
            folded: str | None = None) -> tuple[int, int]:
    """Offsets of the clause around ``pos`` in ``text[s0:end]`` (breaks and reporting verbs end it), at most
    :data:`REACH` characters on either side of ``pos``.

    ``ends``: the :class:`FirstMatch` searches of ``pats.breaks`` in ``text[:end]`` and of ``pats.report``
    in its folded copy, shared by the triggers of one sentence (default: fresh searches, in ``folded``, the
    folded text, when given); ``breaks``: the ends of the matches of ``pats.breaks`` in ``text[s0:end]``, in
    order (default: searched here)."""
    left = max(s0, pos - REACH)
    if breaks is None:
        for m in pats.breaks.finditer(text, left, pos):
            left = m.end()
    else:
        i = bisect_right(breaks, pos) - 1
        if i >= 0:
            left = max(left, breaks[i])
    right = min(end, pos + REACH)
    if ends is None:  # one trigger in the sentence: plain searches (as FirstMatch.search does the first time)
        for rx, where in ((pats.breaks, text), (pats.report, fold(text) if folded is None else folded)):
            m = rx.search(where, pos, end)
            if m is not None and m.start() < right:
                right = m.start()
        return left, right
    for first in ends:
        m = first.search(pos)
        if m:
            right = min(right, m.start())
    return left, right


def _triggers(doc: DocIndex, folded: str, s0: int, s1: int, kb, pats: VisitPatterns, home,
              cands: list[int] | None = None) -> list[_Trig]:
    """Pass 1 over a sentence: triggers with places and visitors (``folded``: the folded raw text; ``cands``:
    :func:`helpers.events.patterns.trigger_starts`, where a trigger may begin)."""
    if cands is None:
        matches = [m.span() for m in pats.trigger.finditer(folded, s0, s1)]
    else:
        i, j = bisect_left(cands, s0), bisect_left(cands, s1)
        matches = [m.span() for m in matches_at(pats.trigger, folded, cands[i:j], s1)] if i < j else []
    if not matches:
        return []
    raw = doc.raw
    if len(matches) == 1:
        ts, te = matches[0]
        spans = [(ts, te, raw[ts:te], _clause(raw, s0, ts, s1, pats, folded=folded))]
    else:
        ends = (FirstMatch(pats.breaks, raw, s1), FirstMatch(pats.report, folded, s1))
        breaks = [m.end() for m in pats.breaks.finditer(raw, s0, s1)]
        spans = [(ts, te, raw[ts:te], _clause(raw, s0, ts, s1, pats, ends, breaks)) for ts, te in matches]
    found, last_return = [], None
    for i, (ts, te, word, (c0, c1)) in enumerate(spans):
        tense, frame = pats.kind(word)
        # the next trigger of the clause (read by a return only)
        later = [o[0] for o in spans[i + 1:i + 2] if o[3][0] == c0] if frame == "return" else []
        dests = destinations(doc, ts, te, c1, frame, tense, kb, pats, home, later)
        # a visit after a return in its clause ("came back home Friday after visiting Y"): the return dates its end
        ret = last_return if frame == "visit" and last_return is not None and last_return[2] == c0 \
            and _AFTER.search(raw, last_return[1], ts) else None
        if frame == "return":
            last_return = (ts, te, c0)
        if not dests:
            continue
        dest_m = None if dests == "descriptive" else dests[0].mention
        group = doc.delegation_at(ts) if frame == "visit" and tense == "participle" else None
        of_who = visit_of(doc, te, c1, kb, pats)[1] if frame == "visit" and dest_m is not None \
            and dest_m.start > te and tense in ("noun", "base") else []
        if group is not None:  # "the visiting delegation of X led by Y": the delegation is the visitor
            visitors = [(group.entity_id, None, "")]
        elif of_who:  # "the visit of X to Y"
            visitors = [(a.entity_id, a, "") for a in of_who]
        else:
            visitors = find_visitors(doc, ts, te, c0, c1, dest_m, tense, kb, pats)
        if frame == "meeting":  # both sides of a meeting: who is not of the place's country travelled there
            _, met, direct = meeting_place(doc, te, c1, kb, pats)
            visitors = [v for v in visitors if direct and (v[1] is None or v[1].end <= ts)] + [
                (m.entity_id, m, "") for m in met]
        if not visitors:
            continue
        if dests == "descriptive":
            own = doc.country_of(visitors[0][0], kb, home)
            prior = doc.countries.last_before(ts, lambda m: m.entity_id != own)
            if prior is None:
                continue
            dests = [Dest(prior.entity_id, None, "visit", False)]
        found.append(_Trig(ts, te, word, tense, frame, c0, c1, dests, visitors, ret))
    return found


def _sentence_rows(doc: DocIndex, found: list[_Trig], s0: int, s1: int, sent_id: int, doc_id: str, pub, kb,
                   pats: VisitPatterns, home) -> list[tuple]:
    """Pass 2 over a sentence: dates, status and one row per place, visitor and date."""
    raw = doc.raw
    rows, seen_keys = [], set()
    future_marks, here_marks = Marks(pats.future, raw, s0, s1), Marks(_HERE, doc.folded, s0, s1)
    planned: dict[tuple[int, int], bool] = {}  # a time still to come in a clause (its triggers share the answer)
    for k, t in enumerate(found):  # the triggers of a clause are neighbours (its start only grows)
        nxt_start = found[k + 1].ts if k + 1 < len(found) and found[k + 1].c0 == t.c0 else t.c1
        prev_end = found[k - 1].te if k > 0 and found[k - 1].c0 == t.c0 else None
        dated = (t.ret and trip_dates(doc, t.c0, t.c1, t.ts, t.te, nxt_start, prev_end, window=(t.ret[1], t.ts))) \
            or trip_dates(doc, t.c0, t.c1, t.ts, t.te, nxt_start, prev_end)
        future = is_future(pats, raw, t.word, t.tense, t.c0, t.ts, s0, s1, future_marks)
        if not future:
            future = planned.get((t.c0, t.c1))
            if future is None:
                future = planned[t.c0, t.c1] = pats.planned_time.search(raw, t.c0, t.c1) is not None
        current = _current(doc, t, pats, here_marks)
        delegation = bool(pats.delegation.search(doc.folded, max(t.c0, t.ts - 60), min(t.c1, t.te + 60)))
        ev_end = max([t.te] + [d.end for d, _ in dated] + [d.mention.end for d in t.dests if d.mention])
        ev_start = min([t.ts] + [v[1].start for v in t.visitors if v[1] is not None and v[1].start >= s0])
        for dest in t.dests:
            role = "end" if t.ret else dest.role
            for (vid, vment, vtitle), date in _pair(t.visitors, dated, t.frame != "meeting"):
                origin = doc.country_of(vid, kb, home)
                if dest.implied:  # an arrival or return with no place: the visitor's latest trip, else here
                    dest = dest._replace(country=doc.last_place.get(vid, home))
                if origin == dest.country or _posted_there(doc, kb, pats, vment, vtitle, dest.country, home):
                    continue  # a domestic trip, or an ambassador where posted; the trigger still bounds dates
                doc.last_place[vid] = dest.country
                if date is not None:
                    (ds, de), basis = date_values(date[0], role), "sentence"
                elif not future and (current or dest.deictic):
                    (ds, de), basis = publication_dates(pub, role), "publication" if pub else ""
                else:
                    ds = de = basis = ""
                status = "planned" if future or (pub is not None and date is not None and date[1].start > pub) \
                    else "occurred"
                key = (vid, dest.country, ds, de)
                if key in seen_keys:
                    continue
                seen_keys.add(key)
                group = doc.groups.get(vid)
                if group is not None and not (getattr(vment, "type", "") == "delegation" or s0 <= group.start < s1):
                    group = None  # the delegation this visitor headed is named in another sentence
                rows.append((  # in the order of VISIT_COLUMNS
                    doc_id, sent_id, ev_start, ev_end, doc.name_of(vid, kb), vid, vtitle, origin, dest.country,
                    ds, de, status, CAMEO_VISIT, delegation or group is not None,
                    _level(vid, ds or de, vtitle, delegation or group is not None, kb), t.word, raw[ev_start:ev_end],
                    vid not in kb.type_of, basis, group.organisation if group is not None else "",
                ))
    return rows


def _current(doc: DocIndex, t: _Trig, pats: VisitPatterns, here_marks) -> bool:
    """Is the trip under way, or just over, as the article is written? "here" in the clause, a return
    ("came back home after visiting"), "on a visit to", "this is my first visit"."""
    folded = doc.folded
    if t.ret is not None or here_marks.within(t.c0, t.c1):
        return True
    if t.tense not in ("noun", "base"):
        return False
    lo = max(t.c0, t.ts - 60)
    return bool(pats.on_visit.search(folded, lo, t.ts) or pats.current.search(folded, lo, t.ts))


def _posted_there(doc: DocIndex, kb, pats: VisitPatterns, mention, title: str, dest: str | None, home) -> bool:
    """Is the visitor an ambassador or embassy staff in the country of the trip (the country after "to" in
    the role, else "here")? They act where posted: no trip."""
    own = getattr(mention, "role", None) or ""
    role = f"{title} {own}" if title and own else title or own
    if not role or not pats.embassy_staff.search(role):
        return False
    posting = None
    for m in re.finditer(r"\b(?:to|in)\s+(?:the\s+)?", role):
        hit = kb.matcher.spans(role, m.end(), min(len(role), m.end() + 60))
        if hit and hit[0][0] == m.end():
            posting = destination_country(kb, hit[0][2])
            break
    return dest == (posting or home)


def _pair(visitors, dated, respectively: bool = True):
    """Visitors with dates: as many of each are paired in order ("X and Y visited in 2001 and 2007
    respectively") unless ``respectively`` is false (both sides of a meeting share its dates)."""
    if not dated:
        return [(v, None) for v in visitors]
    if respectively and len(visitors) > 1 and len(visitors) == len(dated):
        return list(zip(visitors, dated))
    return [(v, d) for v in visitors for d in dated]
