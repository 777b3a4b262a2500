"""Dated statements checked against the reference chronology: the ``corpus.checks`` layer.

One row per dated statement about an event of the reference chronology
(``helpers/data/reference_chronology.csv``, :mod:`helpers.dates.reference`): ``doc_id``, ``sent_id``,
``start``, ``end`` (raw-file offsets of the date expression) and its ``text``, the ``event_id`` it dates
and the ``trip_id`` that event belongs to (the trip of a phase, else the event itself), ``stated_value``
and ``reference_value`` (ISO 8601, ``start/end`` for a range), the ``verdict``
(``consistent``, ``contradicts`` or ``unverifiable``), a ``detail`` in words and the ``source`` of the
reference (outlet, title, date, URL).

Which statements. A date expression (timex of kind date, range or relative, with a value) in a body
sentence. Which event it dates: an event (or trip, with its phases) of the chronology that the sentence
names, and whose dates share a year with the statement:

- an event with people among its participants (a trip, a summit) is named by one of them (the mentions
  layer) together with a word of its kind (a visit or a meeting: ``event_keywords.csv``) or an alias;
- an event without people (diplomatic relations, the pilots) by an alias, or by a word of its kind
  together with every one of its participants (the countries, the organisation);
- a birth, a death, a founding or an agreement (kinds ``life``, ``founding``, ``agreement``) only by a date
  that gives its own year (not one resolved against the publication date, 'on Monday', 'Dec. 20', which
  dates the news of the day: condolences, a ceremony) in a sentence without a word of a visit, a meeting or
  a commemoration (beside those, the date is the act's).

When several events are named, those named most strongly are kept (an alias or a person counts more than a
word of the kind; a visit the visits layer read from the sentence, with the event's direction, more still).

The verdict, by the one rule of :func:`helpers.dates.relation.relate`: a statement is ``consistent`` when
it agrees with the preferred claim of the event or of any phase of its trip (a date of the summit is a date
of the trip to Vietnam); ``contradicts`` when it agrees with none; ``unverifiable`` when it agrees with the
preferred claim only at that claim's coarser precision and another cited claim contradicts it (the
references disagree at the precision the article gives). A sentence that names a person and a visit or
meeting, with a date no event of the chronology matches, is listed as ``unverifiable`` with no
``event_id``: the references cannot check it.
"""
from __future__ import annotations

import re
from collections import namedtuple
from typing import NamedTuple

import pandas as pd

from helpers.corpus.files import decoded
from helpers.dates.intervals import PRECISION_RANK, Interval, parse_interval
from helpers.dates.reference import citation, load_reference_chronology
from helpers.dates.relation import relate
from helpers.events.index import RecordsByDocument
from helpers.parallel import SpansByDocument, frame_from_rows, map_documents, record

CHECK_COLUMNS = ["doc_id", "sent_id", "start", "end", "text", "event_id", "trip_id", "stated_value",
                 "reference_value", "verdict", "detail", "source"]
VERDICTS = ("consistent", "contradicts", "unverifiable")
CHECKED_KINDS = ("date", "range", "relative")
TRIP_KINDS = ("visit", "summit")  # the event words that name a trip or one of its phases
# Words of an act that a sentence's date then dates (a visit, a meeting, a commemoration): beside them, a date is
# not the date of a birth, a death or a founding the sentence also names ('visited the embassy on 20 December to
# mourn the death of ...'). Events of these kinds are dated only by sentences without such words.
ACT_KINDS = (*TRIP_KINDS, "anniversary")
POINT_KINDS = ("life", "founding", "agreement")
_RANK = {"same": 0, "inside": 1, "contains": 2, "overlap": 3, "disjoint": 4}


class Claim(NamedTuple):
    """One cited claim of the chronology: its dates, as text and as days, and its citation."""

    value: str
    interval: Interval
    outlet: str
    source: str


class RefEvent(NamedTuple):
    """An event (or a phase of a trip) of the chronology, with what names it and its claims."""

    event_id: str
    group: str                # the trip it belongs to (its parent), or itself
    kind: str
    description: str
    phase: str
    persons: frozenset
    others: frozenset         # participants that are not people (countries, organisations, places)
    direction: tuple          # (from_country, to_country)
    alias: re.Pattern | None
    preferred: Claim
    others_claims: tuple      # the claims that are not preferred


class ReferenceIndex(NamedTuple):
    """The chronology's events by group, and the event words of each kind."""

    groups: dict              # group id -> tuple of RefEvent (the trip first, then its phases)
    kind_words: dict          # event kind -> compiled pattern
    person_ids: frozenset


def _claim(r) -> Claim:
    value = r.date + (f"/{r.end_date}" if r.end_date else "")
    return Claim(value, parse_interval(r.date, r.end_date), r.source_outlet, citation(r))


def build_reference_index(kb, references: pd.DataFrame | None = None) -> ReferenceIndex:
    """The chronology (``references``, default the shipped one) indexed for the checks, read with ``kb``
    (its gazetteer tells people from the other participants; its event words name the kinds)."""
    table = load_reference_chronology(references)
    people = frozenset(kb.persons)
    words = {row.label: row.regex for row in kb.event_words.itertuples()}
    events: dict[str, list] = {}
    for eid, g in table.groupby("event_id", sort=False):
        pref = g[g["preferred"]].iloc[0]
        parts = frozenset(p for p in pref["participants"].split("|") if p)
        aliases = [a for a in pref["aliases"].split("|") if a.strip()]
        alias = re.compile("|".join(r"\s+".join(re.escape(w) for w in a.split()) for a in
                                    sorted(aliases, key=len, reverse=True)), re.IGNORECASE) if aliases else None
        ev = RefEvent(eid, pref["parent_id"] or eid, pref["kind"], pref["description"], pref["phase"],
                      parts & people, parts - people, (pref["from_country"], pref["to_country"]), alias,
                      _claim(pref), tuple(_claim(r) for r in g[~g["preferred"]].itertuples()))
        events.setdefault(ev.group, []).append(ev)
    groups = {k: tuple(sorted(v, key=lambda e: e.event_id != k)) for k, v in events.items()}
    return ReferenceIndex(groups, words, people)


# ------------------------------------------------------------------ naming an event in a sentence
def _score(group: tuple, text: str, ids: set, visits: list, index: ReferenceIndex, anchored: bool = False) -> int:
    """How strongly a sentence (its text, the entity ids it mentions, its visit rows) names a group: 0 = not.
    ``anchored``: the date was resolved against another date (the publication's, the narrative's)."""
    best = 0
    act = anchored or any(index.kind_words[k].search(text) for k in ACT_KINDS if k in index.kind_words)
    for ev in group:
        if ev.kind in POINT_KINDS and act:
            continue
        alias = 2 if ev.alias is not None and ev.alias.search(text) else 0
        kinds = TRIP_KINDS if ev.kind in TRIP_KINDS else (ev.kind,)
        word = 1 if any(k in index.kind_words and index.kind_words[k].search(text) for k in kinds) else 0
        if ev.persons:
            if not ev.persons & ids or not (alias or word):
                continue
            score = 2 + alias + word + any(v.visitor_id in ev.persons and (v.from_country, v.to_country) ==
                                           ev.direction for v in visits)
        else:
            score = alias + (1 + word if word and ev.others and ev.others <= ids else 0)
            if score < 2:
                continue
        best = max(best, score)
    return best


def _years(iv: Interval) -> tuple[int, int]:
    return iv.start.year, iv.end.year


def _year_compatible(stated: Interval, group: tuple) -> bool:
    a, b = _years(stated)
    return any(not (c.interval.end.year < a or b < c.interval.start.year)
               for ev in group for c in (ev.preferred, *ev.others_claims))


def named_groups(stated: Interval, text: str, ids: set, visits: list, index: ReferenceIndex,
                 anchored: bool = False) -> list[tuple]:
    """The groups (trips, events) the sentence names most strongly whose claims share a year with ``stated``
    (``anchored``: the date was resolved against another date, see :func:`_score`)."""
    scored = [(s, g) for g in index.groups.values()
              if _year_compatible(stated, g) and (s := _score(g, text, ids, visits, index, anchored))]
    if not scored:
        return []
    top = max(s for s, _ in scored)
    return [g for s, g in scored if s == top]


# ------------------------------------------------------------------ the verdict
def judge(stated: Interval, group: tuple) -> tuple[RefEvent, Claim, str, str]:
    """(event, claim, verdict, detail) of a stated date against a trip or event and its phases."""
    agree = [(_RANK[r.relation], i, ev, r) for i, ev in enumerate(group)
             if (r := relate(stated, ev.preferred.interval)).verdict == "consistent"]
    if not agree:
        ev = group[0]
        others = sorted({c.outlet for e in group for c in e.others_claims  # agreeing at the precision stated
                         if PRECISION_RANK[c.interval.precision] >= PRECISION_RANK[stated.precision]
                         and relate(stated, c.interval).verdict == "consistent"})
        detail = f"{ev.description}: the reference gives {ev.preferred.value}"
        if others:
            detail += f"; it agrees with a claim the references do not prefer ({', '.join(others)})"
        return ev, ev.preferred, "contradicts", detail
    _, _, ev, rel = min(agree, key=lambda x: (x[0], -x[1]))
    where = f" ({ev.phase.replace('_', ' ')} of the trip)" if ev.phase else ""
    if PRECISION_RANK[stated.precision] > PRECISION_RANK[ev.preferred.interval.precision]:
        against = sorted({f"{c.outlet}: {c.value}" for c in ev.others_claims
                          if relate(stated, c.interval).verdict == "contradicts"})
        if against:
            return ev, ev.preferred, "unverifiable", (
                f"{ev.description}{where}: consistent with {ev.preferred.value} at its precision, but the "
                f"references disagree at the precision stated ({'; '.join(against)})")
    how = ("the same dates as" if (stated.start, stated.end) == (ev.preferred.interval.start, ev.preferred.interval.end)
           else f"consistent at {rel.precision} precision with")
    return ev, ev.preferred, "consistent", f"{ev.description}{where}: {how} {ev.preferred.value}"


def _unmatched_detail(ids: set, stated: Interval, index: ReferenceIndex) -> str:
    same_people = sorted({(ev.description, ev.preferred.value) for g in index.groups.values() for ev in g
                          if ev.persons & ids and not ev.phase and ev.kind in TRIP_KINDS})
    said = f"no event of the reference chronology with these participants in {stated.start.year}"
    if same_people:
        said += "; it records " + "; ".join(f"{d} ({v})" for d, v in same_people)
    return said


# ------------------------------------------------------------------ rows of a document, the layer
_T = namedtuple("_T", ("sent_id", "start", "end", "text", "kind", "value", "end_value", "anchor"))
_M = namedtuple("_M", ("sent_id", "entity_id"))
_V = namedtuple("_V", ("sent_id", "visitor_id", "from_country", "to_country"))


def _value(t) -> str:
    return t.value + (f"/{t.end_value}" if t.end_value else "")


def check_rows(doc_id: str, raw: str, sentences, timexes: list, mentions: list, visits: list,
               index: ReferenceIndex) -> list[tuple]:
    """The check rows of one document (tuples in :data:`CHECK_COLUMNS` order).

    ``sentences``: ``(start, end, sent_id)`` of its body sentences; ``timexes``, ``mentions``, ``visits``:
    records with the fields of ``_T``, ``_M``, ``_V`` (the corpus layers' columns of the same names).
    """
    span = {sid: (a, b) for a, b, sid in sentences}
    ids_of: dict[int, set] = {}
    for m in mentions:
        ids_of.setdefault(m.sent_id, set()).add(m.entity_id)
    visits_of: dict[int, list] = {}
    for v in visits:  # the visits layer resolves a visitor named by a pronoun: he is named too
        visits_of.setdefault(v.sent_id, []).append(v)
        if v.visitor_id:
            ids_of.setdefault(v.sent_id, set()).add(v.visitor_id)
    trip_words = [index.kind_words[k] for k in TRIP_KINDS if k in index.kind_words]
    rows = []
    for t in timexes:
        if t.kind not in CHECKED_KINDS or not t.value or t.sent_id not in span:
            continue
        stated = parse_interval(t.value, t.end_value or None, strict=False)
        if stated is None:
            continue
        a, b = span[t.sent_id]
        text, ids = raw[a:b], ids_of.get(t.sent_id, set())
        head = (doc_id, t.sent_id, t.start, t.end, t.text)
        groups = named_groups(stated, text, ids, visits_of.get(t.sent_id, []), index, bool(t.anchor))
        for g in groups:
            ev, claim, verdict, detail = judge(stated, g)
            rows.append((*head, ev.event_id, ev.group, _value(t), claim.value, verdict, detail, claim.source))
        if not groups and ids & index.person_ids and any(w.search(text) for w in trip_words):
            rows.append((*head, "", "", _value(t), "", "unverifiable", _unmatched_detail(ids, stated, index), ""))
    return rows


def _checks_of(shared: tuple, doc_id: str) -> list[tuple]:
    index, raw, spans, t_by, m_by, v_by = shared
    return check_rows(doc_id, decoded(raw[doc_id]), spans.get(doc_id, ()), t_by.get(doc_id), m_by.get(doc_id),
                      v_by.get(doc_id), index)


def check_frame(rows: list[tuple]) -> pd.DataFrame:
    """Check rows as the layer's table (int offsets, string columns)."""
    return frame_from_rows(rows, CHECK_COLUMNS, int_columns=("sent_id", "start", "end"))


def extract_corpus_checks(documents: pd.DataFrame, sentences: pd.DataFrame, timexes: pd.DataFrame,
                          mentions: pd.DataFrame, visits: pd.DataFrame, kb, references: pd.DataFrame | None = None,
                          *, workers: int | None = None, problems: list | None = None) -> pd.DataFrame:
    """The checks layer: :func:`check_rows` over every document, through :func:`helpers.parallel.map_documents`.

    ``documents`` is indexed by doc_id with ``raw``; the other tables are the corpus layers; ``kb`` the
    knowledge base the mentions were found with; ``references`` a chronology table (default: the shipped
    file). A failing document is appended to ``problems`` as ``(doc_id, "checks", error)`` (without a list,
    an error).
    """
    for name, df, cols in (("timexes", timexes, _T._fields), ("mentions", mentions, _M._fields),
                           ("visits", visits, _V._fields)):
        missing = set(cols) - set(df.columns)
        if missing:
            raise ValueError(f"{name} table lacks column(s) {sorted(missing)}")
    index = build_reference_index(kb, references)
    raw = documents["raw"].to_dict()
    spans = SpansByDocument(sentences, fields=("start", "end", "sent_id"), sort_by=("start", "end", "sent_id"))
    shared = (index, raw, spans, RecordsByDocument(timexes, _T), RecordsByDocument(mentions, _M),
              RecordsByDocument(visits, _V))
    items = [(d, (d,)) for d in sorted(spans)]
    table, failed = map_documents(_checks_of, items, "checks", shared=shared, workers=workers,
                                  total_chars=sum(len(raw[d]) for d in spans), frame=check_frame)
    record("checks", failed, problems)
    return table
