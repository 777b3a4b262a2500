"""Visit statements: who visited which country, when, as each sentence tells it.

:func:`extract_visits` is pure and per document: the raw text, its body
sentences, its entity mentions (:mod:`helpers.annotate.mentions`) and its temporal
expressions (:mod:`helpers.annotate.timex`) in, one row per visit statement out. It
does not parse dates itself: a visit's date is the value of a temporal expression in
the trigger's clause. :func:`extract_corpus_visits` is the corpus layer. Merging
statements into exchanges is :mod:`helpers.events.exchanges`; levels and titles
:mod:`helpers.events.levels`; scoring against the codebook :mod:`helpers.evaluate`.

What it knows comes from a :class:`helpers.knowledge.KnowledgeBase` (``kb``): the
gazetteer (visitors, countries, cities), offices and titles, the visit patterns
(``data/visit_patterns.csv``, compiled by :mod:`helpers.events.patterns`) and the reporting verbs
(``data/reporting_verbs.csv``).
Each lookup into a document's mentions and dates is by position (bisection), so
the work per sentence does not grow with the length of the document. The rules:

- a *trigger* (visited, came to, arrived in, reached, visit, trip ...) whose
  destination is a country or a city right after it ("visited Vietnam", "trip to
  Hanoi", "visit to the DPRK"), right before it ("Premier Kim's Vietnam visit"), or
  a description ("a visit to the Northeast Asian country": the most recent country
  mentioned other than the visitor's). An object that is a facility or an unknown
  longer name ("visited the Nam Dinh Textile Factory") is not a country visit;
  nor is a nationality adjective ("the Vietnamese embassy", "a visit to the
  Vietnamese"), unless a place noun follows it ("the Vietnamese capital");
- a visit to the visitor's own country is a domestic trip, not an international
  visit, and gives no row ("Kim Jong Un arrived in Pyongyang");
- the visitor: a possessive ("Kim Il Sung's visit", "his trip"), an agent ("a
  visit to Vietnam by Comrade Kim Jong Un", "a delegation led by X"), or the
  subject: the nearest person (or pronoun, resolved to the most recent person) to
  the left of a verb trigger or of a light verb ("paid a visit"); coordinated
  subjects ("X, ..., and Z visited") give one row each;
- the dates: temporal expressions of the trigger's clause (the clause ends at
  "while", ";", a closing quote or a reporting verb, so "said in a report ... in
  1952" does not date the visit); an expression that contains a more precise one
  is dropped ("A year later ... from November 27 to December 3, 1958"); several
  dates give several visits, paired in order with several visitors when the
  counts match ("in 2001 and 2007 respectively");
- the status: ``planned`` when a future marker (will, plans to, is set to)
  precedes the trigger in its clause, when a present-tense trigger stands in a
  sentence about the future ("When Kim arrives in Hanoi, he will ..."), or when
  the date lies after the article's publication; otherwise ``occurred``.
"""
from __future__ import annotations

import functools
import re
from collections import namedtuple
from itertools import repeat

import pandas as pd

from helpers.dates.intervals import parse_interval, relation
from helpers.events.patterns import VisitPatterns, visit_patterns
from helpers.corpus.files import decoded
from helpers.parallel import SpansByDocument, frame_from_rows, map_documents, record
from helpers.events.index import DocIndex, FirstMatch, RecordsByDocument
from helpers.events.levels import visit_level

VISIT_COLUMNS = [
    "doc_id", "sent_id", "start", "end", "visitor", "visitor_id", "visitor_title", "from_country", "to_country",
    "date_start", "date_end", "status", "cameo", "delegation", "level", "trigger", "evidence", "provisional",
]
CAMEO_VISIT = "042"  # CAMEO 042: "Make a visit" (the visitor's side of the event)
DESTINATION_SUBTYPES = {"city", "province", "district", "town"}
_PRONOUNS = re.compile(r"\b(?:he|she|He|She)\b")
_POSSESSIVE_PRONOUN = re.compile(r"\b(?:his|her|His|Her)\b")
# The fixed patterns of the rules below, compiled once (not looked up in re's cache per call).
_S_POSSESSIVE = re.compile(r"^['’]s\s+(?:[\w\-]+\s+){0,4}$")
_AFTER_PRONOUN = re.compile(r"\s+(?:[\w\-]+\s+){0,4}$")
_TO = re.compile(r"\s+to\b")
_COORDINATED = re.compile(r"\s*(?:,[^;]*?,)?\s*and\s+(?:[A-Z][\w\-’']*\s+){0,3}")
_OBJECT_GAP = re.compile(r"\s*(?:(?:to|in|at)\s+)?(?:the\s+)?", re.IGNORECASE)
_LONGER_NAME = re.compile(r"\s+[A-Z][a-z]")
_COMPOUND = re.compile(r"visits?$|trips?$", re.IGNORECASE)
_TITLE_PREPOSITION = re.compile(r"\s+(?:in|on|at|from|during)$")


# Pure functions of hashable arguments, memoised: a corpus repeats the same few dates and visitors.
_interval = functools.lru_cache(maxsize=4096)(functools.partial(parse_interval, strict=False))
_level = functools.lru_cache(maxsize=4096)(visit_level)


def _default_kb():
    from helpers.knowledge import load_knowledge

    return load_knowledge()


def destination_country(kb, eid: str) -> str | None:
    """The country a visit to entity ``eid`` goes to: a country, or the country of a city or province."""
    t = kb.type_of.get(eid)
    if t == "country":
        return kb.country_of.get(eid)
    if t == "place" and kb.subtype_of.get(eid) in DESTINATION_SUBTYPES:
        return kb.country_of.get(eid)
    return None


# ---------------------------------------------------------------------------
# Extraction
# ---------------------------------------------------------------------------
def _clause(text: str, s0: int, pos: int, end: int, pats: VisitPatterns, ends=None) -> tuple[int, int]:
    """Offsets of the clause around ``pos`` in ``text[s0:end]`` (breaks and reporting verbs end it).

    ``ends``: the :class:`FirstMatch` searches of ``pats.breaks`` and ``pats.report`` in ``text[:end]``,
    shared by the triggers of one sentence (default: fresh ones)."""
    left = s0
    for m in pats.breaks.finditer(text, s0, pos):
        left = m.end()
    right = end
    for first in ends or (FirstMatch(pats.breaks, text, end), FirstMatch(pats.report, text, end)):
        m = first.search(pos)
        if m:
            right = min(right, m.start())
    return left, right


def _title_of(raw: str, mention, sent_start: int, limit: int, pats: VisitPatterns, stop: int | None = None) -> str:
    """The title the article gives the visitor: before the name and/or in an apposition after it."""
    parts = []
    m = pats.title_before.search(raw[max(sent_start, mention.start - 60):mention.start])
    if m:
        parts.append(m.group(1).strip())
    if stop is not None:
        limit = min(limit, stop)
    m = pats.title_after.match(raw[mention.end:limit])
    if m:
        parts.append(m.group(1).strip())
    parts = [_TITLE_PREPOSITION.sub("", p) for p in parts]
    return ", ".join(dict.fromkeys(p for p in parts if p))


def extract_visits(
    raw: str,
    sentences: pd.DataFrame,
    mentions: pd.DataFrame,
    timexes: pd.DataFrame,
    doc_id: str = "",
    published: pd.Timestamp | None = None,
    kb=None,
) -> pd.DataFrame:
    """Visit statements in one document (see the module docstring for the rules).

    ``mentions`` and ``timexes`` are this document's rows (``start``/``end`` into ``raw``;
    timexes need ``value`` and may have ``end_value``). ``kb``: the knowledge base the
    mentions were found with (default: the shipped one). Returns one row per visit:
    a statement naming two visits ("in 2001 and 2007") gives two rows.
    """
    _check(mentions, timexes)
    rows = _document_rows(raw, _triples(sentences), _records(mentions, _M), _records(timexes, _T), doc_id, published, kb)
    return _visit_frame(rows)


def _visits_of(shared: tuple, doc_id: str) -> list[tuple]:
    kb, raw, spans, m_by, t_by, published = shared  # inherited by worker processes, not sent with each document
    return _document_rows(decoded(raw[doc_id]), spans[doc_id], m_by.get(doc_id, []), t_by.get(doc_id, []), doc_id,
                          published[doc_id], kb)


def extract_corpus_visits(documents: pd.DataFrame, sentences: pd.DataFrame, mentions: pd.DataFrame,
                          timexes: pd.DataFrame, kb, *, workers: int | None = None,
                          problems: list | None = None) -> pd.DataFrame:
    """The visits layer: :func:`extract_visits` over every document.

    ``documents`` is indexed by doc_id with ``raw`` and ``published``; ``sentences``, ``mentions``
    and ``timexes`` are the corpus layers (each with ``doc_id``); ``kb`` is the
    :class:`helpers.knowledge.KnowledgeBase` the mentions were found with. Documents run through
    :func:`helpers.parallel.map_documents`; a failing one is appended to ``problems`` as
    ``(doc_id, "visits", error)`` (without a list, an error).
    """
    _check(mentions, timexes)
    raw, pub = documents["raw"].to_dict(), documents["published"].to_dict()
    m_by = RecordsByDocument(mentions, _M)
    t_by = RecordsByDocument(timexes, _T)
    spans = _sentence_triples(sentences)
    items = [(d, (d,)) for d in sorted(spans)]
    table, failed = map_documents(_visits_of, items, "visits", shared=(kb, raw, spans, m_by, t_by, pub),
                                  workers=workers, total_chars=sum(len(raw[d]) for d in spans), frame=_visit_frame)
    record("visits", failed, problems)
    return table


_M_COLS = ("start", "end", "entity_id", "type")  # required; ``form`` is optional
_M = namedtuple("_M", (*_M_COLS, "form", "surface", "nationality"), defaults=(None, None))
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
               published=None, kb=None) -> list[dict]:
    """The rows of :func:`extract_visits` from plain records (mentions: start, end, entity_id, type;
    timexes: start, end, value, end_value, kind). A mention's optional ``form`` marks
    nationality adjectives ('demonym'), which are not destinations."""
    rows = _document_rows(raw, _triples(sentences), mentions, timexes, doc_id, published, kb)
    return [dict(zip(VISIT_COLUMNS, r)) for r in rows]


def _triples(sentences) -> list[tuple[int, int, int]]:
    """Sorted ``(start, end, sent_id)`` of a sentence table or of ``(sent_id, start, end)`` triples."""
    if isinstance(sentences, pd.DataFrame):
        return sorted(zip(map(int, sentences["start"]), map(int, sentences["end"]), map(int, sentences["sent_id"])))
    return sorted((int(a), int(b), int(i)) for i, a, b in sentences)


def _document_rows(raw: str, triples: list, mentions: list, timexes: list, doc_id: str, published, kb) -> list[tuple]:
    """:func:`visit_rows` as tuples (in the order of ``VISIT_COLUMNS``) for sentences given as sorted
    ``(start, end, sent_id)`` triples."""
    kb = _default_kb() if kb is None else kb
    pats = visit_patterns(kb)
    doc = DocIndex(raw, mentions, timexes)
    pub = None if published is None or pd.isna(published) else pd.Timestamp(published).date()
    rows = []
    for s0, s1, sent_id in triples:
        found = _triggers(doc, s0, s1, kb, pats)
        if found:
            rows.extend(_sentence_rows(doc, found, s0, s1, sent_id, doc_id, pub, kb, pats))
    return rows


def _triggers(doc: DocIndex, s0: int, s1: int, kb, pats: VisitPatterns) -> list[tuple]:
    """Pass 1 over a sentence: triggers with a destination and a visitor."""
    raw = doc.raw
    found, ends = [], None
    for trig in pats.trigger.finditer(raw, s0, s1):
        ts, te = trig.span()
        word = trig.group()
        tense = pats.tense(word)
        ends = ends or (FirstMatch(pats.breaks, raw, s1), FirstMatch(pats.report, raw, s1))
        c0, c1 = _clause(raw, s0, ts, s1, pats, ends)
        dest, dest_m = _destination(doc, ts, te, c1, kb, pats)
        if dest is None:
            continue
        visitors = _visitors(doc, ts, te, c0, c1, dest_m, tense, kb, pats)
        if not visitors:
            continue
        if dest == "descriptive":
            own = doc.country_of(visitors[0][0], kb)
            prior = doc.countries.last_before(ts, lambda m: m.entity_id != own)
            if prior is None:
                continue
            dest = prior.entity_id
        found.append((ts, te, word, tense, c0, c1, dest, dest_m, visitors))
    return found


def _sentence_rows(doc: DocIndex, found: list[tuple], s0: int, s1: int, sent_id: int, doc_id: str, pub, kb,
                   pats: VisitPatterns) -> list[tuple]:
    """Pass 2 over a sentence: dates, status and one row per visitor and date."""
    raw = doc.raw
    rows, seen_keys = [], set()
    for ts, te, word, tense, c0, c1, dest, dest_m, visitors in found:
        same = [f for f in found if f[4] == c0]
        nxt_start = min((f[0] for f in same if f[0] > ts), default=c1)
        prev_end = max((f[1] for f in same if f[1] < ts), default=None)
        dated = _dates(doc, c0, c1, ts, te, nxt_start, prev_end)
        future = _has_future(pats, raw, c0, ts)
        if not future and tense != "noun" and pats.present.match(word.split()[0]):
            future = _has_future(pats, raw, s0, s1)
        delegation = bool(pats.delegation.search(raw, max(c0, ts - 60), min(c1, te + 60)))
        ev_end = max([te] + [t.end for t, _ in dated] + ([dest_m.end] if dest_m else []))
        ev_start = min([ts] + [v[1].start for v in visitors if v[1] is not None and v[1].start >= s0])
        for (vid, _vment, vtitle), date in _pair(visitors, dated):
            home = doc.country_of(vid, kb)
            if home == dest:
                continue  # a domestic trip; the trigger still bounds its neighbours' dates
            ds = de = ""
            if date is not None:
                t = date[0]
                ds = str(t.value)
                de = str(t.end_value) if isinstance(t.end_value, str) and t.end_value else ds
            status = "planned" if future or (pub is not None and date is not None and date[1].start > pub) \
                else "occurred"
            key = (vid, dest, ds, de)
            if key in seen_keys:
                continue
            seen_keys.add(key)
            rows.append((  # in the order of VISIT_COLUMNS
                doc_id, sent_id, ev_start, ev_end, doc.name_of(vid, kb), vid, vtitle,
                home, dest, ds, de, status, CAMEO_VISIT, delegation,
                _level(vid, ds, vtitle, delegation, kb), word, raw[ev_start:ev_end], vid not in kb.type_of,
            ))
    return rows


def _has_future(pats: VisitPatterns, raw: str, lo: int, hi: int) -> bool:
    r"""Is there a future marker in ``raw[lo:hi]`` after a non-word character of that span or the text's start?

    The rule is ``(?:^|\W)marker`` searched in the span; as ``(?<!\w)marker`` it can take the first-character
    guard of :func:`first_char_guarded`. The lookbehind sees the character before ``lo``, which the rule's
    ``\W`` (inside the span) cannot: hence the search from ``lo + 1``, except at the text's start (``^``).
    """
    return pats.future.search(raw, lo + 1 if lo else 0, hi) is not None


def _dates(doc: DocIndex, c0, c1, ts, te, nxt_start, prev_end):
    """The trigger's dates: those after it (up to the next trigger of its clause), else those before it.

    An expression containing a more precise one of the same set is dropped.
    """
    in_clause = doc.tx.starting_in(c0, c1)
    after = [t for t in in_clause if te <= t.start and t.end <= min(c1, nxt_start)]
    before = [t for t in in_clause if t.end <= ts and (prev_end is None or t.start >= prev_end)]
    dated = []
    for t in after or before:
        iv = _interval(t.value, t.end_value)
        if iv is not None:
            dated.append((t, iv))
    dated = [(t, iv) for t, iv in dated if not any(relation(ov, iv) == "inside" for _, ov in dated)]
    unique = {}
    for t, iv in dated:
        unique.setdefault(((iv.start, iv.end), str(t.value)), (t, iv))
    return sorted(unique.values(), key=lambda x: x[0].start)


def _destination(doc: DocIndex, ts, te, c1, kb, pats):
    """('PRK', mention) for a named destination, ('descriptive', None), or (None, None).

    A nationality adjective (mention form 'demonym') names a destination only before
    a place noun ("the Vietnamese capital"); the returned mention then spans the noun.
    """
    raw = doc.raw
    if pats.descriptive.match(raw[te:c1]):
        return "descriptive", None
    following = doc.ments.starting_in(te, c1)
    nxt = following[0] if following else None
    if nxt is not None:
        gap = raw[te:nxt.start]
        if _OBJECT_GAP.fullmatch(gap):
            cc = destination_country(kb, nxt.entity_id)
            if nxt.form == "demonym":
                place = pats.demonym_place.match(raw, nxt.end, c1)
                if place is None:  # "the Vietnamese embassy", "a visit to the Vietnamese"
                    return None, None
                nxt = nxt._replace(end=place.end())
            if cc and not _LONGER_NAME.match(raw, nxt.end, nxt.end + 30):  # not part of an unknown longer name
                return cc, nxt
            return None, None
    # compound: "Vietnam visit", "rounds of Vietnam visits"
    prev = doc.ments.last_before(ts, lambda m: m.end <= ts)
    if prev is not None and prev.form != "demonym" and raw[prev.end:ts].strip() == "" \
            and _COMPOUND.match(raw[ts:te]):
        cc = destination_country(kb, prev.entity_id)
        if cc:
            return cc, prev
    return None, None


def _visitors(doc: DocIndex, ts, te, c0, c1, dest_m, tense, kb, pats):
    """[(entity_id, mention or None, title)] for the trigger at ts..te."""
    raw = doc.raw
    sent_persons = [p for p in doc.persons.starting_in(c0, c1) if p.end <= c1]

    def with_title(p):
        return (p.entity_id, p, _title_of(raw, p, c0, ts if p.end <= ts else c1, pats, doc.next_timex_start(p.end)))

    def resolved(pos):  # a pronoun: the most recent person; titled when named in this clause
        ref = doc.persons.last_before(pos, lambda p: p.end <= pos)
        if ref is None:
            return []
        return [with_title(ref)] if ref.start >= c0 else [(ref.entity_id, None, "")]

    # 1. possessive: "Kim Il Sung's (first) visit", "his trip", "Premier Kim's Vietnam visit"
    left = raw[max(c0, ts - 60):ts]
    if tense in ("noun", "base"):
        for p in reversed([p for p in sent_persons if p.end <= ts]):
            between = raw[p.end:ts]
            if _S_POSSESSIVE.match(between):
                return [with_title(p)]
            break
        m = None
        for m in _POSSESSIVE_PRONOUN.finditer(left):
            pass
        if m is not None and _AFTER_PRONOUN.match(left, m.end()):
            found = resolved(max(c0, ts - 60) + m.start())
            if found:
                return found
    # 2. agent: "a visit to Vietnam by Comrade Kim Jong Un", "a delegation led by X"
    after_from = dest_m.end if dest_m is not None and dest_m.start >= te else te
    m = pats.agent.match(raw, after_from, c1)
    if m:
        p = next((p for p in sent_persons if p.start >= m.end() and p.start - m.end() < 40), None)
        if p is not None:
            return [with_title(p)]
    # 3. subject of a verb trigger or of a light verb ("paid a visit")
    anchor = ts
    if tense == "noun" or (tense == "base" and _TO.match(raw, te, te + 4)):
        lv = pats.light_verb.search(raw, c0, ts)
        if not lv:
            return []
        anchor = lv.start()
    subj = [p for p in sent_persons if p.end <= anchor]
    pron = None
    for pm in _PRONOUNS.finditer(raw, c0, anchor):
        pron = pm
    if pron is not None and (not subj or pron.start() > subj[-1].end):
        return resolved(pron.start())
    if not subj:
        return []
    chosen = [subj[-1]]
    for p in reversed(subj[:-1]):  # coordinated subjects: "X, President of ..., and Z visited"
        between = raw[p.end:chosen[0].start]
        if _COORDINATED.fullmatch(between):
            chosen.insert(0, p)
        else:
            break
    return [with_title(p) for p in chosen]


def _pair(visitors, dated):
    if not dated:
        return [(v, None) for v in visitors]
    if len(visitors) > 1 and len(visitors) == len(dated):
        return list(zip(visitors, dated))
    return [(v, d) for v in visitors for d in dated]


