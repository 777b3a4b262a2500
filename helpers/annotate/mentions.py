"""Entity mentions in body sentences, with short references resolved within the article.

:func:`extract_mentions` is pure and per document (raw text and that document's
sentences in, rows out); :func:`extract_corpus_mentions` is the corpus layer. What it
knows (gazetteer, offices, titles, reporting verbs) comes from the
:class:`helpers.knowledge.KnowledgeBase` it is given as ``kb`` (default: the shipped one).

Each row: ``doc_id, sent_id, start, end, surface, entity_id, type, form, provisional, cue, role,
nationality`` where ``raw[start:end] == surface`` and ``form`` says how the entity was named:

- ``name``: a full alias from the gazetteer ("Kim Jong-un", "Viet Nam");
- ``acronym``: DPRK, KCNA, U.S.;
- ``demonym``: "Vietnamese", "North Korean" (a mention of the country);
- ``short``: a short form ("Kim", "Viet") resolved to the most recent full
  mention in the article of an entity that has that short form;
- ``title``: a definite title ("the President", "the North Korean leader")
  resolved to the most recent compatible person: of that nationality, holding an
  office with that title word (or, for "leader" and "founder", any head-of-party-
  or-state office), preferring holders at the article's publication year.

People the gazetteer does not know are kept too (:mod:`helpers.annotate.people`): ``provisional`` is
True for them, their ``entity_id`` is provisional ("new:ro_song_sil"), ``cue`` says what found them
(name shape, title, role after, repeat), ``role`` is the title or role the text gives and
``nationality`` the country the text states ('' when it states none). Gazetteer rows have
``provisional`` False and those three columns empty.

:func:`unknown_person_names` lists capitalised, person-like names that the
gazetteer does not know, so a user who adds articles sees what to add.
"""
from __future__ import annotations

import functools
import re
from operator import itemgetter
from sys import intern
from collections.abc import Iterable

import pandas as pd

from helpers.corpus.files import decoded
from helpers.parallel import column_dict, frame_from_rows, map_documents, record, spans_by_document
from helpers.paths import data_file

from helpers.annotate.gazetteer import fold
from helpers.annotate.mentions_time import resolve_short, resolve_title, sentence_dates
from helpers.annotate.people import find_people
from helpers.annotate.scan import matches_at

MENTION_COLUMNS = ["doc_id", "sent_id", "start", "end", "surface", "entity_id", "type", "form",
                   "provisional", "cue", "role", "nationality"]
_KNOWN = (False, "", "", "")  # the last four columns of a gazetteer mention
HEAD = "head of party or state"
_START = itemgetter(2)


def _default_kb():
    from helpers.knowledge import load_knowledge  # the shipped knowledge, built on first use

    return load_knowledge()


class _Resolver:
    """What the resolver needs beyond the knowledge base's own lookups, precomputed once per base."""

    def __init__(self, kb):
        gaz = kb.gazetteer
        self.kb = kb
        self.matcher = kb.matcher
        self.type = kb.type_of
        self.country = kb.country_of
        self.founder = dict(zip(gaz["entity_id"], gaz["founder"]))
        self.offices = kb.offices_of
        self.title_level = kb.title_level
        self.short_owners: dict[str, set[str]] = {}
        for eid, shorts in zip(gaz["entity_id"], gaz["short_forms"]):
            for s in shorts:
                self.short_owners.setdefault(s, set()).add(eid)
        self.shorts_of: dict[str, list[str]] = {}
        for short, owners in self.short_owners.items():
            for eid in owners:
                self.shorts_of.setdefault(eid, []).append(short)
        titles = kb.titles
        self.title_role = {t.lower(): r for t, r in zip(titles["title"], titles["role"]) if r != "comrade"}
        words = sorted(self.title_role, key=len, reverse=True)
        shorts = sorted(self.short_owners, key=len, reverse=True)
        # Both patterns start with a literal, not a look-behind or \b, so the regex engine can skip ahead to the
        # letters a match can begin with: "(?<!C)(Kim|...)" is written "(Kim(?<!CKim)|...)" (the same test of the
        # character before), and "\b[Tt]he" (IGNORECASE) as "[Tt](?<!\w[Tt])(?i:he...)".
        self.short_re = re.compile(
            "(" + "|".join(rf"{re.escape(s)}(?<![\w'’\-]{re.escape(s)})" for s in shorts) + r")(?![\w\-])(?!\s+[A-Z][a-z])"
        ) if shorts else None
        self.title_re = re.compile(
            r"[Tt](?<!\w[Tt])(?i:he\s+(?:(?P<nat>[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)?)(?:['’]s)?\s+)?(?P<title>"
            + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
            + r")\b)"
        ) if words else re.compile(r"(?!x)x")
        # where a title match may begin, on the lower-case text: 'the', then the title within three words
        self.title_start = re.compile(r"the(?<!\wthe)(?=\s++(?:\S++\s++){0,2}(?i:" + "|".join(
            re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\b)") if words else None
        self.has_titles = bool(words)
        self.person_shorts = {eid: tuple(self.shorts_of.get(eid, ())) for eid, t in self.type.items() if t == "person"}
        self.speech_after = re.compile(r",?\s*" + kb.reporting_pattern(speech=True))
        ls = kb.lifespans
        self.died = {e: d.date() for e, d in zip(ls["entity_id"], ls["died"]) if pd.notna(d)}
        self.born = {e: d.date() for e, d in zip(ls["entity_id"], ls["born"]) if pd.notna(d)}

    def alive(self, eid: str, when) -> bool:
        """Could person ``eid`` act at some time of ``when`` (first and last day, or None: any time)? Not when
        ``lifespans.csv`` records their death before its first day or their birth after its last."""
        if when is None:
            return True
        died, born = self.died.get(eid), self.born.get(eid)
        return not ((died is not None and died < when[0]) or (born is not None and born > when[1]))

    def holds(self, eid: str, role_word: str, year: int | None, strict: bool = True, by: int | None = None) -> bool:
        """Does person ``eid`` hold an office matching the title word (in ``year`` if given)?

        For the generic "leader" and "founder", ``strict`` asks for the paramount
        office (party head); otherwise any head-of-party-or-state office will do. ``by`` (with ``year``
        None): only offices taken by that year count (no one acts in an office before taking it).
        """
        held = [o for o in self.offices.get(eid, ()) if o.held_in(year) and (by is None or o.start_year <= by)]
        role = self.title_role.get(role_word.lower())
        if role == "founder":
            return bool(self.founder.get(eid))
        if role == "leader":
            return any(o.paramount if strict else o.level == HEAD for o in held)
        word = role_word.lower()
        return any(word in o.office.lower() for o in held)


@functools.lru_cache(maxsize=8)
def _resolver(kb) -> _Resolver:
    return _Resolver(kb)


def _sentence_rows(sentences) -> list[tuple[int, int, int]]:
    """``(start, end, sent_id)`` in text order, from a table or from ``(sent_id, start, end)`` triples."""
    if not isinstance(sentences, pd.DataFrame):
        return sorted((int(a), int(b), int(i)) for i, a, b in sentences)
    req = {"sent_id", "start", "end"}
    missing = req - set(sentences.columns)
    if missing:
        raise ValueError(f"sentences table lacks column(s) {sorted(missing)}")
    return sorted(zip(map(int, sentences["start"]), map(int, sentences["end"]), map(int, sentences["sent_id"])))


def extract_mentions(
    raw: str,
    sentences: pd.DataFrame,
    doc_id: str = "",
    published: pd.Timestamp | None = None,
    kb=None,
    dates: dict | None = None,
) -> pd.DataFrame:
    """Mentions of gazetteer entities in the given sentences of one document.

    ``sentences`` holds ``sent_id, start, end`` (offsets into ``raw``); only text
    inside those spans is searched. ``published`` (optional) lets a title such as
    "the North Korean leader" prefer the leader in office when the article appeared. ``kb`` is the
    :class:`helpers.knowledge.KnowledgeBase` whose gazetteer, offices and titles are used (default:
    the shipped one). ``dates`` (optional, ``{sent_id: (first day, last day)}``): the time each sentence is
    about (:func:`helpers.annotate.mentions_time.sentence_dates`), against which short forms and titles are
    resolved; a sentence without one is read at ``published``.
    """
    df = pd.DataFrame(mention_rows(raw, sentences, doc_id, published, kb, dates), columns=MENTION_COLUMNS)
    return df.astype({"sent_id": "int64", "start": "int64", "end": "int64", "provisional": "bool"})


def _by_sentence(spans: list[tuple[int, int, int]], items) -> dict[int, list]:
    """Items with a ``(start, end)`` at ``[0:2]``, in text order, keyed by the index of the span that holds them.

    The span is the last one starting at or before the item (as ``bisect_right`` on the starts would pick);
    an item that runs past its end is dropped. Items and spans both come in text order, so one walk suffices.
    """
    out: dict[int, list] = {}
    i, n = -1, len(spans)
    for it in items:
        s = it[0]
        while i + 1 < n and spans[i + 1][0] <= s:
            i += 1
        if i >= 0 and it[1] <= spans[i][1]:
            out.setdefault(i, []).append(it)
    return out


def _matches(spans, regex: re.Pattern | None, raw: str, lo: int, hi: int) -> dict[int, list]:
    """``(start, end, match)`` of ``regex`` in ``raw[lo:hi]``, keyed by sentence (see :func:`_by_sentence`)."""
    return _by_sentence(spans, ((*m.span(), m) for m in regex.finditer(raw, lo, hi))) if regex else {}


# Where a title match may begin in the folded text: 'the' and a space (see _title_matches).
_FOLDED_THE = re.compile(r"the(?=\s)")


def _title_matches(kb: _Resolver, raw: str, folded: str, lo: int, hi: int):
    """The matches of ``kb.title_re.finditer(raw, lo, hi)``, found faster.

    Every match of the title pattern (:class:`_Resolver`) begins ``[Tt](?i:he)\\s``, then holds at most two
    words (a nationality) before the title word. On ``raw.lower()``, when it keeps the text's length (one
    character for one), that is a literal 'the' the regex engine finds quickly, and ``kb.title_start``
    checks the words after it without the title pattern's costly trials; otherwise a match can only begin
    where ``folded`` (:func:`fold`, one character for one) reads 'the' and a space. The title pattern
    itself is matched at those places only (:func:`helpers.annotate.scan.matches_at`).
    """
    lowered = raw.lower()
    if len(lowered) == len(raw):
        starts = (m.start() for m in kb.title_start.finditer(lowered, lo, hi))
    else:  # a character whose lower case is longer ("İ"): the folded text
        starts = (m.start() for m in _FOLDED_THE.finditer(folded, lo, hi))
    return matches_at(kb.title_re, raw, starts, hi)


def mention_rows(raw: str, sentences: pd.DataFrame, doc_id: str = "", published=None, kb=None,
                 dates: dict | None = None) -> list[tuple]:
    """The rows of :func:`extract_mentions` as tuples (no DataFrame: for corpus-wide loops). ``dates``: the
    time each sentence is about, ``{sent_id: (first day, last day)}`` (:func:`sentence_dates`)."""
    kb = _resolver(_default_kb() if kb is None else kb)
    spans = _sentence_rows(sentences)
    if not spans:
        return []
    lo, hi = spans[0][0], max(e for _, e, _ in spans)
    folded = fold(raw)  # the whole text: the matcher looks past a match's end to judge its boundary
    year = None if published is None or pd.isna(published) else int(pd.Timestamp(published).year)
    pub_when = None if year is None else (pd.Timestamp(published).date(),) * 2
    rows: list[tuple] = []
    last_by_short: dict[str, str] = {}
    short_named: dict[str, str] = {}  # whom each short form named last
    persons_seen: list[str] = []  # person entity ids in text order (full, short and title mentions)
    known = kb.matcher.spans(raw, lo, hi, folded)
    all_found = _by_sentence(spans, known)
    all_short = _matches(spans, kb.short_re, raw, lo, hi)
    all_title = _by_sentence(spans, ((*m.span(), m) for m in _title_matches(kb, raw, folded, lo, hi))
                             ) if kb.has_titles else {}
    typ, person_shorts = kb.type, kb.person_shorts

    def add(sent_id, s, e, eid, form):
        rows.append((doc_id, sent_id, s, e, intern(raw[s:e]), eid, typ[eid], form, *_KNOWN))  # one object per spelling
        shorts = person_shorts.get(eid)
        if shorts is not None:
            persons_seen.append(eid)
            for short in shorts:
                last_by_short[short] = eid

    # Only sentences holding a match of any kind yield rows: visit those, in text order.
    for k in sorted(all_found.keys() | all_short.keys() | all_title.keys()):
        sent_id, found = spans[k][2], all_found.get(k, [])
        extra = _extras(kb, raw, found, all_short.get(k, ()), all_title.get(k, ())) \
            if k in all_short or k in all_title else None
        if not extra:  # names only: already in text order (add, written out: most sentences come here)
            for s, e, eid, form in found:
                rows.append((doc_id, sent_id, s, e, intern(raw[s:e]), eid, typ[eid], form, *_KNOWN))
                shorts = person_shorts.get(eid)
                if shorts is not None:
                    persons_seen.append(eid)
                    for short in shorts:
                        last_by_short[short] = eid
            continue
        events = [(f[0], 0, f) for f in found] + [(x[0], 1, x) for x in extra]
        for _, kind, item in sorted(events, key=lambda t: (t[0], t[1])):
            if kind == 0:
                add(sent_id, *item)
                continue
            s, e, form, info = item
            when = (dates or {}).get(sent_id) or pub_when  # the time the sentence is about
            if form == "short":
                eid = resolve_short(kb, persons_seen, last_by_short.get(info), info, when, short_named.get(info))
                if eid is not None:
                    add(sent_id, s, e, eid, "short")
                    short_named[info] = eid
            else:
                eid = resolve_title(kb, persons_seen, info[0], info[1], _year_of(when, year), when)
                if eid is not None:  # the nationality word also stays as its own country mention
                    rows.append((doc_id, sent_id, s, e, raw[s:e], eid, "person", "title", *_KNOWN))
                    persons_seen.append(eid)
    people = find_people(raw, spans, kb.kb, known, folded)
    if not people:
        return rows
    new = [(doc_id, p.sent_id, p.start, p.end, raw[p.start:p.end], p.entity_id, "person", "name", True, p.cue, p.role,
            p.nationality) for p in people]
    rows += new  # both in text order: a stable sort merges them, names first at the same start
    rows.sort(key=_START)
    return rows


def _year_of(when, year: int | None) -> int | None:
    """The one year ``when`` (first and last day) falls in, ``year`` (publication) when there is no ``when``,
    else None (a sentence spanning years)."""
    if when is None:
        return year
    return when[0].year if when[0].year == when[1].year else None


def _extras(kb: _Resolver, raw: str, found: list[tuple], shorts, titles) -> list[tuple]:
    """The short forms and titles of one sentence that may refer to a person, as ``(start, end, form, info)``.

    ``found`` holds the sentence's name matches ``(start, end, entity_id, form)``; a short form or title
    overlapping one of them is not a reference of its own (a title may overlap a country name).
    """
    extra = []
    for s, e, m in shorts:
        if not any(f[0] < e and s < f[1] for f in found):
            extra.append((s, e, "short", m.group(1)))
    for s, e, m in titles:
        if any(f[0] < e and s < f[1] and kb.type[f[2]] != "country" for f in found):
            continue
        after = raw[e:e + 40]
        if re.match(r"\s+of\b", after) or any(f[0] >= e and raw[e:f[0]].strip() == "" for f in found):
            continue  # "the President of ...", "the President Ho Chi Minh": not a reference
        nat = None
        if m.group("nat"):
            ns, ne = m.span("nat")
            hit = [f for f in found if f[0] == ns and kb.type[f[2]] == "country" and f[1] >= ne - 2]
            if not hit:
                continue
            nat = hit[0][2]
        extra.append((s, e, "title", (nat, m.group("title"))))
    return extra


def _mentions_of(shared: tuple, doc_id: str) -> list[tuple]:
    kb, raw, spans, published, dates = shared  # inherited by worker processes, not sent with each document
    return mention_rows(decoded(raw[doc_id]), spans[doc_id], doc_id, published[doc_id], kb, dates.get(doc_id))


def extract_corpus_mentions(documents: pd.DataFrame, sentences: pd.DataFrame, kb, *,
                            workers: int | None = None, problems: list | None = None,
                            timexes: pd.DataFrame | None = None) -> pd.DataFrame:
    """The mentions layer: :func:`extract_mentions` over the body sentences of every document.

    ``documents`` is indexed by doc_id with ``raw`` and ``published``; ``sentences`` holds
    ``doc_id, sent_id, start, end``; ``kb`` is a :class:`helpers.knowledge.KnowledgeBase`; ``timexes`` (the
    timexes layer, optional) give the time each sentence is about, against which short forms and titles
    are resolved (:mod:`helpers.annotate.mentions_time`; without, the publication date).
    Documents run through :func:`helpers.parallel.map_documents`; a failing one is appended to
    ``problems`` as ``(doc_id, "mentions", error)`` (without a list, an error).
    """
    raw, pub = column_dict(documents, "raw"), column_dict(documents, "published")
    spans = spans_by_document(sentences)
    items = [(d, (d,)) for d in sorted(spans)]
    shared = (kb, raw, spans, pub, sentence_dates(timexes))
    table, failed = map_documents(_mentions_of, items, "mentions", shared=shared, workers=workers,
                                  total_chars=sum(len(raw[d]) for d in spans), frame=mention_frame)
    record("mentions", failed, problems)
    return table


def mention_frame(rows: list[tuple]) -> pd.DataFrame:
    """Mention rows (tuples of :data:`MENTION_COLUMNS`) as the layer's table."""
    return frame_from_rows(rows, MENTION_COLUMNS, int_columns=("sent_id", "start", "end"),
                           bool_columns=("provisional",))


def corpus_mentions(corpus, kb=None) -> pd.DataFrame:
    """:func:`extract_corpus_mentions` of a corpus, with its knowledge base unless ``kb`` is given."""
    kb = kb if kb is not None else getattr(corpus, "knowledge", None)
    return extract_corpus_mentions(corpus.documents, corpus.sentences, _default_kb() if kb is None else kb,
                                   timexes=getattr(corpus, "timexes", None))


# ---------------------------------------------------------------------------
# Names the gazetteer does not know
# ---------------------------------------------------------------------------
_CAP_RUN = re.compile(r"(?<![\w'’\-])([A-Z][a-z]+(?:-[A-Za-z][a-z]*)?(?:\s+[A-Z][a-z]+(?:-[A-Za-z][a-z]*)?){1,5})(?![\w\-])")


@functools.lru_cache(maxsize=1)
def _not_person_words() -> frozenset[str]:
    df = pd.read_csv(data_file("not_person_words.csv"), dtype=str, keep_default_na=False)
    return frozenset(w.lower() for w in df["word"])


def unknown_person_names(raw: str, sentences: pd.DataFrame, mentions: pd.DataFrame, doc_id: str = "",
                         kb=None) -> pd.DataFrame:
    """Capitalised runs of 2-4 words that look like a person's name and match no gazetteer entity.

    A run is reported with the cue that makes it person-like: a title word just
    before it ("Foreign Minister Bui Thanh Son"), an age after it ("Do Thi Hoa, 75,"),
    a verb of speech after it ("... said", from ``reporting_verbs.csv``), or a name shape (two to four short
    syllable-like words, typical of Korean and Vietnamese names). Runs holding a word
    from ``not_person_words.csv`` (months, institutions, places) are skipped.
    """
    kb = _resolver(_default_kb() if kb is None else kb)
    stop = _not_person_words()
    if "provisional" in mentions.columns:  # a provisional person is still a name the gazetteer does not know
        mentions = mentions[~mentions["provisional"].astype(bool)]
    spans = list(zip(mentions["start"], mentions["end"])) if len(mentions) else []
    titles = sorted(kb.title_level, key=len, reverse=True)
    title_before = re.compile(r"(?:\b(?:" + "|".join(map(re.escape, titles)) + r")|\bM(?:r|rs|s)\.?)\s*$", re.IGNORECASE)
    title_words = {w.lower() for t in titles for w in t.split()}
    out = []
    for start, end, sent_id in _sentence_rows(sentences):
        for m in _CAP_RUN.finditer(raw, start, end):
            words = [(w.start(), w.end(), w.group()) for w in re.finditer(r"\S+", m.group(1))]
            titled = False
            while words and (words[0][2].lower() in title_words or words[0][2].lower() in stop):
                titled = titled or words[0][2].lower() in title_words
                words.pop(0)
            if not 2 <= len(words) <= 4:
                continue
            s, e = m.start(1) + words[0][0], m.start(1) + words[-1][1]
            if any(a < e and s < b for a, b in spans):
                continue
            if any(w.lower().strip("'’") in stop for _, _, w in words):
                continue
            before, after = raw[max(start, s - 40):s], raw[e:min(end, e + 25)]
            if titled or title_before.search(before):
                cue = "title before"
            elif re.match(r",\s*\d{1,3},", after):
                cue = "age after"
            elif kb.speech_after.match(after):
                cue = "speech verb after"
            elif all(len(w.replace("-", "")) <= 6 for _, _, w in words) and len(words) in (2, 3):
                cue = "name shape"
            else:
                continue
            out.append((doc_id, sent_id, s, e, raw[s:e], cue))
    return pd.DataFrame(out, columns=["doc_id", "sent_id", "start", "end", "surface", "cue"])


def corpus_unknown_person_names(corpus, mentions: pd.DataFrame | None = None, kb=None) -> pd.DataFrame:
    """:func:`unknown_person_names` over every document of a corpus (its knowledge base unless ``kb``)."""
    kb = kb if kb is not None else getattr(corpus, "knowledge", None)
    mentions = corpus_mentions(corpus, kb) if mentions is None else mentions
    docs = corpus.documents
    frames = [
        unknown_person_names(docs.at[d, "raw"], sents, mentions[mentions["doc_id"] == d], d, kb)
        for d, sents in corpus.sentences.groupby("doc_id", sort=True)
    ]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def co_mentions(mentions: pd.DataFrame, entity_types: Iterable[str] = ("person",), unit: str = "sentence") -> pd.DataFrame:
    """Symmetric matrix: in how many sentences (or documents) two entities are both mentioned.

    The diagonal counts the units that mention the entity at all.
    """
    if unit not in ("sentence", "document"):
        raise ValueError(f"unit must be 'sentence' or 'document', not {unit!r}")
    keys = ["doc_id", "sent_id"] if unit == "sentence" else ["doc_id"]
    m = mentions[mentions["type"].isin(tuple(entity_types))].drop_duplicates(keys + ["entity_id"])
    if m.empty:
        return pd.DataFrame()
    inc = pd.crosstab(m[keys].astype(str).agg("/".join, axis=1), m["entity_id"])
    mat = inc.T @ inc
    mat.index.name = mat.columns.name = None
    return mat
