"""Visit statements, merged exchanges, and scoring against the hand-coded codebook.

:func:`extract_visits` is pure and per document: the raw text, its body
sentences, its entity mentions (:mod:`helpers.mentions`) and its temporal
expressions (:mod:`helpers.timex`) in, one row per visit statement out. It does
not parse dates itself: a visit's date is the value of a temporal expression in
the trigger's clause.

The rules are general and their words live in ``data/visit_patterns.csv``:

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

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass

import pandas as pd

from collections import namedtuple

from helpers.paths import data_file
from helpers.annotate.gazetteer import load_gazetteer, load_offices, load_titles, offices_by_entity

VISIT_COLUMNS = [
    "doc_id", "sent_id", "start", "end", "visitor", "visitor_id", "visitor_title", "from_country", "to_country",
    "date_start", "date_end", "status", "cameo", "delegation", "level", "trigger", "evidence",
]
CAMEO_VISIT = "042"  # CAMEO 042: "Make a visit" (the visitor's side of the event)
LEVELS = ("head of party or state", "government", "delegation")
DATE_KINDS = ("date", "range", "relative", "decade")  # not durations, not anniversaries
DESTINATION_SUBTYPES = {"city", "province", "district", "town"}
_PRONOUNS = re.compile(r"\b(?:he|she|He|She)\b")
_POSSESSIVE_PRONOUN = re.compile(r"\b(?:his|her|His|Her)\b")


# ---------------------------------------------------------------------------
# ISO values at the text's precision
# ---------------------------------------------------------------------------
_ISO = re.compile(r"^(\d{3}[\dX])(?:-(\d{2}))?(?:-(\d{2}))?")


def iso_interval(value) -> tuple[dt.date, dt.date, str] | None:
    """The days an ISO value at some precision covers: '1958' -> (1958-01-01, 1958-12-31, 'year').

    Decades ('195X') cover ten years. Returns None for an empty or unreadable value.
    """
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    m = _ISO.match(str(value).strip())
    if not m:
        return None
    y, mo, d = m.groups()
    if y.endswith("X"):
        return dt.date(int(y[:3]) * 10, 1, 1), dt.date(int(y[:3]) * 10 + 9, 12, 31), "decade"
    y = int(y)
    if mo is None:
        return dt.date(y, 1, 1), dt.date(y, 12, 31), "year"
    mo = int(mo)
    if d is None:
        return dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1]), "month"
    day = dt.date(y, mo, int(d))
    return day, day, "day"


def span_interval(start_value, end_value=None) -> tuple[dt.date, dt.date] | None:
    """Days covered from the start of ``start_value`` to the end of ``end_value`` (or of ``start_value``)."""
    a = iso_interval(start_value)
    if a is None:
        return None
    b = iso_interval(end_value) if end_value not in (None, "") and not pd.isna(end_value) else None
    return a[0], (b[1] if b else a[1])


PRECISION_RANK = {"decade": 0, "year": 1, "month": 2, "day": 3}


# ---------------------------------------------------------------------------
# Patterns and knowledge
# ---------------------------------------------------------------------------
@dataclass(frozen=True)
class _Patterns:
    trigger: re.Pattern
    trigger_tense: tuple[tuple[re.Pattern, str], ...]
    light_verb: re.Pattern
    future: re.Pattern
    present: re.Pattern
    breaks: re.Pattern
    report: re.Pattern
    delegation: re.Pattern
    agent: re.Pattern
    descriptive: re.Pattern
    demonym_place: re.Pattern


@functools.lru_cache(maxsize=2)
def load_visit_patterns(path: str | None = None) -> _Patterns:
    """Compile ``visit_patterns.csv`` (one regex per role, alternatives joined)."""
    p = data_file("visit_patterns.csv") if path is None else path
    df = pd.read_csv(p, dtype=str, keep_default_na=False)
    missing = {"role", "pattern", "tense"} - set(df.columns)
    if missing:
        raise ValueError(f"{p}: missing column(s) {sorted(missing)}")

    def alt(role: str) -> str:
        pats = df.loc[df["role"] == role, "pattern"].tolist()
        if not pats:
            raise ValueError(f"{p}: no pattern with role {role!r}")
        return "|".join(f"(?:{x})" for x in pats)

    trig = df[df["role"] == "trigger"]
    return _Patterns(
        trigger=re.compile(rf"\b(?:{alt('trigger')})\b", re.IGNORECASE),
        trigger_tense=tuple((re.compile(rf"^(?:{r.pattern})$", re.IGNORECASE), r.tense) for r in trig.itertuples()),
        light_verb=re.compile(rf"\b(?:{alt('light_verb')})\b(?:\s+[\w\-’']+){{0,4}}\s*$", re.IGNORECASE),
        future=re.compile(rf"(?:^|\W)(?:{alt('future')})\b", re.IGNORECASE),
        present=re.compile(rf"^(?:{alt('present_tense')})$", re.IGNORECASE),
        breaks=re.compile(alt("break")),
        report=re.compile(alt("report"), re.IGNORECASE),
        delegation=re.compile(rf"\b(?:{alt('delegation')})\b", re.IGNORECASE),
        agent=re.compile(rf"\s*(?:{alt('agent')})\s+", re.IGNORECASE),
        descriptive=re.compile(
            rf"^\s*(?:to\s+)?the\s+(?:[\w\-]+\s+){{0,3}}(?:{alt('descriptive_destination')})\b(?!['’]s)",
            re.IGNORECASE,
        ),
        demonym_place=re.compile(rf"\s+(?:{alt('demonym_place')})\b", re.IGNORECASE),
    )


class _Knowledge:
    def __init__(self):
        gaz = load_gazetteer()
        self.gaz = gaz
        self.type = dict(zip(gaz["entity_id"], gaz["type"]))
        self.subtype = dict(zip(gaz["entity_id"], gaz["subtype"]))
        self.country = {k: (v if isinstance(v, str) else None) for k, v in zip(gaz["entity_id"], gaz["country"])}
        self.canonical = dict(zip(gaz["entity_id"], gaz["canonical"]))
        self.offices = offices_by_entity(load_offices(gazetteer=gaz))
        titles = load_titles()
        self.titles = titles
        words = sorted(titles["title"], key=len, reverse=True)
        self.title_re = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)
        self.title_level = {t.lower(): lv for t, lv in zip(titles["title"], titles["level"])}
        self.title_office = {t.lower(): op for t, op in zip(titles["title"], titles["office_pattern"])}

    def destination_country(self, eid: str) -> str | None:
        t = self.type.get(eid)
        if t == "country":
            return self.country[eid]
        if t == "place" and self.subtype.get(eid) in DESTINATION_SUBTYPES:
            return self.country.get(eid)
        return None


@functools.lru_cache(maxsize=1)
def _kb() -> _Knowledge:
    return _Knowledge()


# ---------------------------------------------------------------------------
# Extraction
# ---------------------------------------------------------------------------
def _clause(text: str, s0: int, pos: int, end: int, pats: _Patterns) -> tuple[int, int]:
    """Offsets of the clause around ``pos`` in ``text[s0:end]`` (breaks and reporting verbs end it)."""
    left = s0
    for m in pats.breaks.finditer(text, s0, pos):
        left = m.end()
    right = end
    for rx in (pats.breaks, pats.report):
        m = rx.search(text, pos, end)
        if m:
            right = min(right, m.start())
    return left, right


def _title_of(raw: str, mention, sent_start: int, limit: int, kb: _Knowledge, stops=()) -> str:
    """The title the article gives the visitor: before the name and/or in an apposition after it."""
    parts = []
    before = raw[max(sent_start, mention.start - 60):mention.start]
    m = re.search(
        r"((?-i:[A-Z][\w\-]*\s+){0,2}?(?:" + kb.title_re.pattern + r")(?:\s+of\s+[^,;]+?)?)\s*,?\s*$",
        before,
        re.IGNORECASE,
    )
    if m:
        parts.append(m.group(1).strip())
    limit = min([limit] + [x for x in stops if x > mention.end])
    after = raw[mention.end:limit]
    m = re.match(r"\s*,\s*((?:the\s+|a\s+|former\s+)?[^,;]*?(?:" + kb.title_re.pattern + r")[^,;]*?)\s*(?:,|$|\s+(?:who|that|which)\b)", after, re.IGNORECASE)
    if m:
        parts.append(m.group(1).strip())
    parts = [re.sub(r"\s+(?:in|on|at|from|during)$", "", p) for p in parts]
    return ", ".join(dict.fromkeys(p for p in parts if p))


def extract_visits(
    raw: str,
    sentences: pd.DataFrame,
    mentions: pd.DataFrame,
    timexes: pd.DataFrame,
    doc_id: str = "",
    published: pd.Timestamp | None = None,
) -> pd.DataFrame:
    """Visit statements in one document (see the module docstring for the rules).

    ``mentions`` and ``timexes`` are this document's rows (``start``/``end`` into ``raw``;
    timexes need ``value`` and may have ``end_value``). Returns one row per visit:
    a statement naming two visits ("in 2001 and 2007") gives two rows.
    """
    for name, df, cols in (("mentions", mentions, _M_COLS), ("timexes", timexes, {"start", "end", "value"})):
        missing = set(cols) - set(df.columns)
        if missing:
            raise ValueError(f"{name} table lacks column(s) {sorted(missing)}")
    rows = visit_rows(raw, sentences, _records(mentions, _M), _records(timexes, _T), doc_id, published)
    return _visit_frame(rows)


_M_COLS = ("start", "end", "entity_id", "type")  # required; ``form`` is optional
_M = namedtuple("_M", (*_M_COLS, "form"))
_T = namedtuple("_T", ("start", "end", "value", "end_value", "kind"))


def _records(df: pd.DataFrame, cls) -> list:
    cols = [df[c].tolist() if c in df.columns else [None] * len(df) for c in cls._fields]
    return [cls(*vals) for vals in zip(*cols)]


def _visit_frame(rows: list[dict]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=VISIT_COLUMNS)
    return df.astype({"sent_id": "int64", "start": "int64", "end": "int64", "delegation": "bool"})


def visit_rows(raw: str, sentences: pd.DataFrame, mentions: list, timexes: list, doc_id: str = "",
               published=None) -> list[dict]:
    """The rows of :func:`extract_visits` from plain records (mentions: start, end, entity_id, type;
    timexes: start, end, value, end_value, kind). A mention's optional ``form`` marks
    nationality adjectives ('demonym'), which are not destinations."""
    pats = load_visit_patterns()
    kb = _kb()
    ments = sorted(mentions, key=lambda r: r.start)
    persons = [m for m in ments if m.type == "person"]
    tx_rows = sorted((t for t in timexes if isinstance(t.value, str) and t.value
                      and (t.kind is None or t.kind in DATE_KINDS)), key=lambda r: r.start)
    tx_starts = [int(t.start) for t in tx_rows]
    pub = None if published is None or pd.isna(published) else pd.Timestamp(published).date()
    rows = []
    for s0, s1, sent_id in sorted(zip(map(int, sentences["start"]), map(int, sentences["end"]),
                                      map(int, sentences["sent_id"]))):
        # pass 1: triggers with a destination and a visitor
        found = []
        for trig in pats.trigger.finditer(raw, s0, s1):
            ts, te = trig.span()
            word = trig.group()
            tense = next((t for rx, t in pats.trigger_tense if rx.match(word)), "past")
            c0, c1 = _clause(raw, s0, ts, s1, pats)
            dest, dest_m = _destination(raw, ments, ts, te, c1, kb, pats)
            if dest is None:
                continue
            visitors = _visitors(raw, ments, persons, ts, te, c0, c1, dest_m, tense, kb, pats, tx_starts)
            if not visitors:
                continue
            if dest == "descriptive":
                own = kb.country.get(visitors[0][0])
                prior = [m for m in ments if m.start < ts and m.type == "country" and m.entity_id != own]
                if not prior:
                    continue
                dest = prior[-1].entity_id
            found.append((ts, te, word, tense, c0, c1, dest, dest_m, visitors))
        # pass 2: dates, status, rows
        seen_keys = set()
        for k, (ts, te, word, tense, c0, c1, dest, dest_m, visitors) in enumerate(found):
            same = [f for f in found if f[4] == c0]
            nxt_start = min((f[0] for f in same if f[0] > ts), default=c1)
            prev_end = max((f[1] for f in same if f[1] < ts), default=None)
            dated = _dates(tx_rows, c0, c1, ts, te, nxt_start, prev_end)
            future = bool(pats.future.search(raw, c0, ts))
            if not future and tense != "noun" and pats.present.match(word.split()[0]):
                future = bool(pats.future.search(raw, s0, s1))
            delegation = bool(pats.delegation.search(raw, max(c0, ts - 60), min(c1, te + 60)))
            ev_end = max([te] + [t.end for t, _ in dated] + ([dest_m.end] if dest_m else []))
            ev_start = min([ts] + [v[1].start for v in visitors if v[1] is not None and v[1].start >= s0])
            for (vid, _vment, vtitle), date in _pair(visitors, dated):
                if kb.country.get(vid) == dest:
                    continue  # a domestic trip; the trigger still bounds its neighbours' dates
                if date is None:
                    ds = de = ""
                else:
                    t, _iv = date
                    ds = str(t.value)
                    ev = getattr(t, "end_value", None)
                    de = str(ev) if isinstance(ev, str) and ev else ds
                status = "planned" if future else "occurred"
                if pub is not None and date is not None and date[1][0] > pub:
                    status = "planned"
                key = (vid, dest, ds, de)
                if key in seen_keys:
                    continue
                seen_keys.add(key)
                rows.append(dict(
                    doc_id=doc_id, sent_id=sent_id, start=ev_start, end=ev_end,
                    visitor=kb.canonical[vid], visitor_id=vid, visitor_title=vtitle,
                    from_country=kb.country.get(vid), to_country=dest, date_start=ds, date_end=de,
                    status=status, cameo=CAMEO_VISIT, delegation=delegation,
                    level=visit_level(vid, ds, vtitle, delegation), trigger=word,
                    evidence=raw[ev_start:ev_end],
                ))
    return rows


def _dates(tx_rows, c0, c1, ts, te, nxt_start, prev_end):
    """The trigger's dates: those after it (up to the next trigger of its clause), else those before it.

    An expression containing a more precise one of the same set is dropped.
    """
    after = [t for t in tx_rows if te <= t.start and t.end <= min(c1, nxt_start)]
    before = [t for t in tx_rows if c0 <= t.start and t.end <= ts and (prev_end is None or t.start >= prev_end)]
    chosen = after or before
    dated = []
    for t in chosen:
        iv = span_interval(t.value, getattr(t, "end_value", None))
        if iv is not None:
            dated.append((t, iv))
    dated = [(t, iv) for t, iv in dated if not any(ov != iv and _contains(iv, ov) for _, ov in dated)]
    unique = {}
    for t, iv in dated:
        unique.setdefault((iv, str(t.value)), (t, iv))
    return sorted(unique.values(), key=lambda x: x[0].start)


def _destination(raw, ments, ts, te, c1, kb, pats):
    """('PRK', mention) for a named destination, ('descriptive', None), or (None, None).

    A nationality adjective (mention form 'demonym') names a destination only before
    a place noun ("the Vietnamese capital"); the returned mention then spans the noun.
    """
    tail = raw[te:c1]
    if pats.descriptive.match(tail):
        return "descriptive", None
    nxt = next((m for m in ments if m.start >= te and m.start < c1), None)
    if nxt is not None:
        gap = raw[te:nxt.start]
        if re.fullmatch(r"\s*(?:(?:to|in|at)\s+)?(?:the\s+)?", gap, re.IGNORECASE):
            cc = kb.destination_country(nxt.entity_id)
            if nxt.form == "demonym":
                place = pats.demonym_place.match(raw, nxt.end, c1)
                if place is None:  # "the Vietnamese embassy", "a visit to the Vietnamese"
                    return None, None
                nxt = nxt._replace(end=place.end())
            after = raw[nxt.end:nxt.end + 30]
            if cc and not re.match(r"\s+[A-Z][a-z]", after):  # not part of an unknown longer name
                return cc, nxt
            return None, None
    # compound: "Vietnam visit", "rounds of Vietnam visits"
    prev = next((m for m in reversed(ments) if m.end <= ts), None)
    if prev is not None and prev.form != "demonym" and raw[prev.end:ts].strip() == "" and re.match(r"visits?$|trips?$", raw[ts:te], re.IGNORECASE):
        cc = kb.destination_country(prev.entity_id)
        if cc:
            return cc, prev
    return None, None


def _visitors(raw, ments, persons, ts, te, c0, c1, dest_m, tense, kb, pats, stops=()):
    """[(entity_id, mention or None, title)] for the trigger at ts..te."""
    sent_persons = [p for p in persons if c0 <= p.start and p.end <= c1]

    def with_title(p):
        return (p.entity_id, p, _title_of(raw, p, c0, ts if p.end <= ts else c1, kb, stops))

    def resolved(pos):  # a pronoun: the most recent person; titled when named in this clause
        ref = _antecedent(persons, pos)
        if ref is None:
            return []
        return [with_title(ref)] if ref.start >= c0 else [(ref.entity_id, None, "")]

    # 1. possessive: "Kim Il Sung's (first) visit", "his trip", "Premier Kim's Vietnam visit"
    left = raw[max(c0, ts - 60):ts]
    if tense in ("noun", "base"):
        for p in reversed([p for p in sent_persons if p.end <= ts]):
            between = raw[p.end:ts]
            if re.match(r"^['’]s\s+(?:[\w\-]+\s+){0,4}$", between):
                return [with_title(p)]
            break
        m = None
        for m in _POSSESSIVE_PRONOUN.finditer(left):
            pass
        if m is not None and re.match(r"^\s+(?:[\w\-]+\s+){0,4}$", left[m.end():]):
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
    if tense == "noun" or (tense == "base" and re.match(r"\s+to\b", raw[te:te + 4])):
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
        if re.fullmatch(r"\s*(?:,[^;]*?,)?\s*and\s+(?:[A-Z][\w\-’']*\s+){0,3}", between):
            chosen.insert(0, p)
        else:
            break
    return [with_title(p) for p in chosen]


def _antecedent(persons, pos):
    prior = [p for p in persons if p.end <= pos]
    return prior[-1] if prior else None


def _pair(visitors, dated):
    if not dated:
        return [(v, None) for v in visitors]
    if len(visitors) > 1 and len(visitors) == len(dated):
        return list(zip(visitors, dated))
    return [(v, d) for v in visitors for d in dated]


# ---------------------------------------------------------------------------
# Levels and titles
# ---------------------------------------------------------------------------
def _year(value) -> int | None:
    iv = iso_interval(value)
    return iv[0].year if iv else None


def visit_level(entity_id: str, date_value, title: str = "", delegation: bool = False) -> str:
    """'head of party or state' | 'government' | 'delegation' from offices held at the visit's year.

    A statement about a delegation is 'delegation'. Without a date, every office the
    person ever held counts; without any known office, the title's level does; the
    rest is 'delegation'.
    """
    if delegation:
        return "delegation"
    kb = _kb()
    y = _year(date_value)
    held = {o.level for o in kb.offices.get(entity_id, ()) if o.held_in(y)}
    for level in LEVELS[:2]:
        if level in held:
            return level
    for m in kb.title_re.finditer(title or ""):
        lv = kb.title_level.get(m.group().lower())
        if lv in LEVELS:
            return lv
    return "delegation"


def title_check(entity_id: str, title: str, date_value) -> pd.DataFrame:
    """Each office-like title word in ``title`` against the offices held at the date.

    Returns rows ``title_word, office_pattern, held`` (held: True/False, NA when
    the title carries no office or there is no date).
    """
    kb = _kb()
    y = _year(date_value)
    held = [o.office for o in kb.offices.get(entity_id, ()) if o.held_in(y)]
    out = []
    for m in kb.title_re.finditer(title or ""):
        w = m.group()
        pat = kb.title_office.get(w.lower(), "")
        if not pat or y is None:
            out.append((w, pat, pd.NA))
            continue
        rx = re.compile(pat, re.IGNORECASE)
        out.append((w, pat, any(rx.search(office) for office in held)))
    return pd.DataFrame(out, columns=["title_word", "office_pattern", "held"])


# ---------------------------------------------------------------------------
# Corpus level, exchanges, codebook
# ---------------------------------------------------------------------------
def corpus_visits(corpus, mentions: pd.DataFrame | None = None, timexes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Visit statements over every document. Uses ``corpus.mentions``/``corpus.timexes`` when present."""
    if mentions is None:
        mentions = getattr(corpus, "mentions", None)
        if mentions is None:
            from helpers.annotate.mentions import corpus_mentions
            mentions = corpus_mentions(corpus)
    if timexes is None:
        timexes = getattr(corpus, "timexes", None)
        if timexes is None:
            try:
                from helpers.annotate.timex import corpus_timexes
            except ImportError as exc:  # pragma: no cover - depends on the chronology layer
                raise RuntimeError("visits need temporal expressions: helpers.timex.corpus_timexes is missing") from exc
            timexes = corpus_timexes(corpus)
    docs = corpus.documents
    raw, pub = docs["raw"].to_dict(), docs["published"].to_dict()
    m_by: dict[str, list] = {}
    for d, rec in zip(mentions["doc_id"].tolist(), _records(mentions, _M)):
        m_by.setdefault(d, []).append(rec)
    t_by: dict[str, list] = {}
    for d, rec in zip(timexes["doc_id"].tolist(), _records(timexes, _T)):
        t_by.setdefault(d, []).append(rec)
    rows: list[dict] = []
    for d, sents in corpus.sentences.groupby("doc_id", sort=True):
        rows.extend(visit_rows(raw[d], sents, m_by.get(d, []), t_by.get(d, []), d, pub[d]))
    return _visit_frame(rows)


def _contains(a, b) -> bool:
    return a[0] <= b[0] and b[1] <= a[1]


def dates_disagree(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Two reported dates disagree when neither contains the other, or they differ at the same precision."""
    ia, ib = span_interval(*a), span_interval(*b)
    if ia is None or ib is None or a == b:
        return False
    if not (_contains(ia, ib) or _contains(ib, ia)):
        return True
    pa, pb = iso_interval(a[0])[2], iso_interval(b[0])[2]
    return pa == pb


def merge_exchanges(visits: pd.DataFrame, documents: pd.DataFrame | None = None, gap_days: int = 31) -> pd.DataFrame:
    """Merge visit statements into distinct exchanges (visits).

    Statements with the same visitor and direction whose dates are compatible
    (intervals at most ``gap_days`` apart: "February 2019" and "March 2019" are one
    trip of 26 February - 2 March) form one exchange. An undated statement joins
    the exchange of its visitor and direction when there is exactly one; otherwise
    it stays alone with ``exchange_id`` NA in ``visits_with_exchange`` (see
    :func:`assign_exchanges`) and is not counted as an exchange.

    Returns one row per exchange: visitor, direction, the date span of the most
    precise reports, level, status, the reporting articles (and outlets when
    ``documents`` is given), the dates and titles as reported, and whether they
    disagree.
    """
    assigned = assign_exchanges(visits, gap_days)
    rows = []
    for xid, g in assigned.dropna(subset=["exchange_id"]).groupby("exchange_id", sort=True):
        dated = g[g["date_start"] != ""]
        reports = sorted({(r.date_start, r.date_end) for r in dated.itertuples()})
        ivs = {r: span_interval(*r) for r in reports}
        rank = {r: PRECISION_RANK[iso_interval(r[0])[2]] for r in reports}
        finest = [r for r in reports
                  if not any(o != r and rank[o] > rank[r] and _contains(ivs[r], ivs[o]) for o in reports)]
        start = min(finest, key=lambda r: ivs[r][0])[0] if finest else ""
        end = max(finest, key=lambda r: ivs[r][1])[1] if finest else ""
        disagree = [(a, b) for i, a in enumerate(reports) for b in reports[i + 1:] if dates_disagree(a, b)]
        by_date = {}
        for r in dated.itertuples():
            label = r.date_start if r.date_end in ("", r.date_start) else f"{r.date_start}/{r.date_end}"
            by_date.setdefault(label, set()).add(r.doc_id)
        titles = {}
        for r in g.itertuples():
            if r.visitor_title:
                titles.setdefault(r.visitor_title, set()).add(r.doc_id)
        docs = sorted(set(g["doc_id"]))
        levels = [lv for lv in LEVELS if lv in set(g["level"])]
        row = dict(
            exchange_id=xid, visitor=g["visitor"].iloc[0], visitor_id=g["visitor_id"].iloc[0],
            from_country=g["from_country"].iloc[0], to_country=g["to_country"].iloc[0],
            date_start=start, date_end=end, year=_year(start) if start else pd.NA,
            level="delegation" if g["delegation"].any() else (levels[0] if levels else "delegation"),
            status="occurred" if (g["status"] == "occurred").any() else "planned",
            n_statements=len(g), n_articles=len(docs), doc_ids=tuple(docs),
            dates_reported="; ".join(f"{k} ({', '.join(d[:3] for d in sorted(v))})" for k, v in sorted(by_date.items())),
            date_disagreement=bool(disagree),
            titles_reported="; ".join(f"{k} ({', '.join(d[:3] for d in sorted(v))})" for k, v in sorted(titles.items())),
            statuses_reported=", ".join(sorted(set(g["status"]))),
        )
        if documents is not None:
            row["outlets"] = tuple(sorted({documents.at[d, "outlet"] for d in docs}))
        rows.append(row)
    out = pd.DataFrame(rows)
    if len(out):
        out = out.sort_values(["date_start", "visitor"], kind="stable").reset_index(drop=True)
        out["year"] = out["year"].astype("Int64")
    return out


def assign_exchanges(visits: pd.DataFrame, gap_days: int = 31) -> pd.DataFrame:
    """``visits`` with an ``exchange_id`` column ('kim_il_sung:PRK>VNM:1958-11-27'), NA when undecidable."""
    v = visits.copy()
    v["exchange_id"] = pd.Series(pd.NA, index=v.index, dtype="object")
    gap = dt.timedelta(days=gap_days)
    for (vid, fc, tc), g in v.groupby(["visitor_id", "from_country", "to_country"], sort=True, dropna=False):
        ivs = {i: span_interval(r.date_start, r.date_end) for i, r in zip(g.index, g.itertuples())}
        dated = sorted((i for i in g.index if ivs[i] is not None), key=lambda i: (ivs[i][0], ivs[i][1]))
        clusters: list[list[int]] = []
        hi = None
        for i in dated:
            if clusters and ivs[i][0] - hi <= gap:
                clusters[-1].append(i)
                hi = max(hi, ivs[i][1])
            else:
                clusters.append([i])
                hi = ivs[i][1]
        for c in clusters:
            first = min(ivs[i][0] for i in c)
            v.loc[c, "exchange_id"] = f"{vid}:{fc}>{tc}:{first.isoformat()}"
        undated = [i for i in g.index if ivs[i] is None]
        if undated and len(clusters) == 1:
            v.loc[undated, "exchange_id"] = v.at[clusters[0][0], "exchange_id"]
    return v


def load_visit_codebook(path=None) -> pd.DataFrame:
    """The hand-coded visit statements (``data/visit_codebook.csv``), dates as strings."""
    p = data_file("visit_codebook.csv") if path is None else path
    df = pd.read_csv(p, dtype=str, keep_default_na=False)
    need = {"doc_id", "sent_id", "visitor_id", "from_country", "to_country", "date_start", "date_end", "status"}
    missing = need - set(df.columns)
    if missing:
        raise ValueError(f"{p}: missing column(s) {sorted(missing)}")
    df["sent_id"] = df["sent_id"].astype(int)
    return df


SCORE_KEY = ["doc_id", "sent_id", "visitor_id", "from_country", "to_country", "date_start", "date_end", "status"]


def score_visits(visits: pd.DataFrame, codebook: pd.DataFrame) -> tuple[float, float, pd.DataFrame]:
    """Precision, recall and the errors of extracted visits against the codebook.

    A row is correct when every field of ``SCORE_KEY`` matches (same sentence,
    visitor, direction, dates at the same precision, status). Errors: one row per
    false positive ('extra') or missed statement ('missed').
    """
    def keys(df):
        k = df[SCORE_KEY].copy()
        k["sent_id"] = k["sent_id"].astype(int)
        return k.fillna("").astype(str).agg("|".join, axis=1)

    ext, gold = keys(visits), keys(codebook)
    ext_c, gold_c = ext.value_counts(), gold.value_counts()
    tp = sum(min(n, gold_c.get(k, 0)) for k, n in ext_c.items())
    precision = tp / len(ext) if len(ext) else 1.0
    recall = tp / len(gold) if len(gold) else 1.0
    errors = []
    for label, rows, ks, other in (("extra", visits, ext, gold_c), ("missed", codebook, gold, ext_c)):
        budget = dict(other)
        for i, k in zip(rows.index, ks):
            if budget.get(k, 0) > 0:
                budget[k] -= 1
                continue
            r = rows.loc[i]
            errors.append(dict(error=label, **{c: r[c] for c in SCORE_KEY}))
    return precision, recall, pd.DataFrame(errors, columns=["error", *SCORE_KEY])
