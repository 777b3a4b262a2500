"""Temporal expressions in news prose, found here and resolved to ISO 8601 values.

One pure function per document, :func:`extract_timexes`, finds the temporal
expressions of the body sentences (and agency datelines) of one article and
resolves each to an ISO 8601 value at the precision the text gives (``1958``,
``1958-11``, ``1958-11-27``, decades as ``195X``, durations as ``P55Y``/``PT60H``):

- absolute dates and ranges ("November 27 to December 3, 1958", "31 Jan. 2025",
  "June, 1961", "1950-1953", "January 31, 1950 – 2025", "Juche 46 (1957)",
  "July Juche 46 (1957)", "November 28 to December 2, Juche 47 (1958)") need no
  context; early, mid, late and a part of a period ("late August", "the middle
  of the 1990s", "the end of 2019") keep the period's value;
- expressions relative to the publication date ("last November", "later this
  month", "64 years ago", "on Tuesday") are resolved against ``published`` at
  its precision, and stay unresolved when that precision is too coarse or the
  date is unknown; an approximate count ("more than ten years ago") keeps no
  value (anchor ``approximate``);
- expressions relative to the narrative ("A year later", "the next day", "that
  day") are resolved against the previous resolved date of the article;
- a day and month, or a month, with no year takes the narrative's year where
  the sentence continues a dated account of the past, else the year nearest the
  publication date in the direction the tense of its clause points
  (:mod:`helpers.annotate.timex_tense`); a day used as a name ("the June 15
  joint declaration") takes only a year printed with it
  (:mod:`helpers.annotate.timex_names`); an agency dateline's day is the
  publication date's;
- ordinal anniversaries are resolved from reference dates (data file), from a
  year printed with them, from a dated phrase earlier in the same sentence, from
  the previous anniversary the text refers back to, or from the date the article
  itself gives the event they name (:mod:`helpers.annotate.timex_anniversary`).

Whatever cannot be resolved keeps its text with an empty value: no guesses.
Ages, distances and times of day are not matched; durations are, as kind
``duration``. The ``anchor`` column records the basis of a value that is not
printed in full ("published 2021-07-14", "narrative 1958-11", "reference ...",
"sentence 2000").

Matching and resolving are separate steps, as in HeidelTime. This module finds
spans: :data:`ALTERNATIVES` are the named rules, composed from the one date
grammar (:mod:`helpers.dates.grammar`); the first that matches at a position
wins. Each span is then given its value by the resolver registered under the
rule's name in :data:`helpers.annotate.timex_resolve.RESOLVERS`. Reference
dates are read lazily (:func:`helpers.dates.anniversary.load_references`).
:func:`extract_corpus_timexes` runs the extractor over a corpus's tables.
"""
from __future__ import annotations

import functools
import re
import sys
import string
from collections.abc import Iterable, Sequence
from typing import NamedTuple

import pandas as pd

from helpers.corpus.files import decoded
from helpers.parallel import frame_from_rows, map_documents, record, spans_by_document

from helpers.annotate.timex_anniversary import date_pending
from helpers.annotate.timex_context import Context, State, iso, publication_tuple
from helpers.annotate.timex_first import finite_language, first_chars
from helpers.annotate.timex_resolve import resolve
from helpers.dates.anniversary import ANNIVERSARY, Reference, load_references
from helpers.dates.grammar import (ANCHOR_NAMES, DAY, MONTH, MONTH_FULL, NUM, NUM_A, ORDINAL_WORD, STARTER_WORDS,
                                   TENS, TO, UNIT, UNIT_PL, WEEKDAY, WEEKDAY_BEFORE, YEAR, dmy, juche_year, mdy, ymd)

COLUMNS = ["doc_id", "sent_id", "start", "end", "text", "kind", "value", "end_value", "anchor"]
KINDS = ("date", "range", "relative", "anniversary", "decade", "duration")
DATELINE_SENT_ID = -1          # the sent_id of an expression of an agency dateline (no body sentence)
# Datelines whose dates are temporal expressions of the story: an agency's, opening the first paragraph
# ('Pyongyang, July 20 (KCNA) --'), not a page's date stamp (that is the publication date, not the story's).
DATELINE_RULES = ("agency-dateline",)


class Timex(NamedTuple):
    doc_id: str
    sent_id: int
    start: int
    end: int
    text: str
    kind: str
    value: str
    end_value: str
    anchor: str


# --------------------------------------------------------------------------- the rules (matching only)
_MOD = r"(?:(?P<mod>(?i:early|mid|late))[\s-]+)?"
# The end of a range that begins with a date printed with its year ('January 31, 1950 – 2025', 'May 1968 to
# June 1969'): a day, a month or a year, each with its year.
_TO_END = (rf"(?P<to>\s*{TO}\s*(?:{mdy('e')}|{dmy('f')}|(?P<gm>{MONTH}),?\s+(?P<gy>{YEAR})|(?P<hy>{YEAR})))?")
# Days or months before a Juche year: 'July', 'July 27,', 'Feb. 15 to 21,', 'November 28 to December 2,', '8 May'.
_JUCHE_DAYS = (rf"(?:(?P<m1>{MONTH})(?:\s+(?P<d1>{DAY})(?:\s*{TO}\s*(?:(?P<m2>{MONTH})\s+)?(?P<d2>{DAY}))?"
               rf"|\s*{TO}\s*(?P<m3>{MONTH}))?|(?P<e1>{DAY})\s+(?P<n1>{MONTH}))")
# Ordered alternatives: at one position the first that matches wins, so longer forms come first.
ALTERNATIVES = [
    ("juche_days", rf"{_JUCHE_DAYS},?\s+{juche_year()}"),
    ("juche", juche_year()),
    ("anniv", rf"{ANNIVERSARY}(?:\s+(?i:in)\s+(?P<y>{YEAR}))?"),
    ("iso", ymd()),
    ("r_mdmd", rf"(?P<m1>{MONTH})\s+(?P<d1>{DAY})\s*{TO}\s*(?P<m2>{MONTH})\s+(?P<d2>{DAY})"
               rf"(?:,?\s+(?P<y>{YEAR}))?"),
    ("r_mdd", rf"(?P<m1>{MONTH})\s+(?P<d1>{DAY})\s*(?:{TO}|and)\s*(?P<d2>{DAY})(?:,?\s+(?P<y>{YEAR}))?"),
    ("r_dmdm", rf"(?P<d1>{DAY})\s+(?P<m1>{MONTH})\s*{TO}\s*(?P<d2>{DAY})\s+(?P<m2>{MONTH})"
               rf"(?:,?\s+(?P<y>{YEAR}))?"),
    ("r_ddm", rf"(?P<d1>{DAY})\s*(?:{TO}|and)\s*(?P<d2>{DAY})\s+(?P<m1>{MONTH})(?:,?\s+(?P<y>{YEAR}))?"),
    ("r_mmy", rf"(?P<m1>{MONTH})\s*{TO}\s*(?P<m2>{MONTH}),?\s+(?P<y>{YEAR})"),
    ("mdy", rf"{WEEKDAY_BEFORE}?{mdy()}{_TO_END}"),
    ("dmy", rf"{WEEKDAY_BEFORE}?{dmy()}{_TO_END}"),
    ("my", rf"{_MOD}(?P<m>{MONTH}),?\s+(?:of\s+)?(?P<y>{YEAR}){_TO_END}"),
    ("r_yy", rf"(?P<y1>{YEAR})\s*(?:(?i:to|until|till|through)\s+|[-–—]\s*)"
             rf"(?P<y2>(?:1[89]\d\d|20\d\d|\d\d)(?!\d))"),
    ("r_between", rf"(?<=[Bb]etween\s)(?P<y1>{YEAR})\s+and\s+(?P<y2>{YEAR})"),
    ("weekday", rf"(?:(?P<rel>(?i:last|next|this))\s+)?(?P<w>{WEEKDAY})"
                rf"(?:\s+(?i:morning|afternoon|evening|night))?"
                rf"(?:\s*[\[(]\s*(?:(?P<m>{MONTH})\s+(?P<d>{DAY})|(?P<d2>{DAY})\s+(?P<m2>{MONTH}))\s*[\])]"
                rf"|,\s+(?P<m3>{MONTH})\s+(?P<d3>{DAY}))?"),
    ("mon_rel", rf"(?P<rel>(?i:last|next|this))\s+(?P<m>{MONTH_FULL})"),
    ("mon_year_rel", rf"(?P<m>{MONTH})(?:\s+(?P<d>{DAY}))?,?\s+(?P<yrel>(?i:last|this|next))\s+(?i:year)"),
    ("ago", rf"(?P<n>{NUM_A})[\s-]+(?P<u>{UNIT})\s+(?i:ago)"),
    ("ago_vague", rf"(?:(?i:several|many|a\s+few|some)\s+)?(?P<u>{UNIT_PL})\s+(?i:ago)"),
    ("narr", rf"(?P<n>{NUM_A})[\s-]+(?P<u>{UNIT})\s+(?P<dir>(?i:later|earlier|afterwards?|on))"),
    ("narr_the", r"(?P<det>(?i:the\s+(?:following|next|previous|preceding|same)|that(?:\s+same)?))"
                 r"\s+(?P<u>(?i:year|month|week|day))"),
    ("narr_the2", r"(?i:the)\s+(?P<u>(?i:year|month|week|day))\s+(?P<dir>(?i:before|after))"),
    ("pubrel", r"(?:(?P<mod>(?i:early|late|mid|earlier|later))[\s-]+)?(?P<rel>(?i:this|last|next))"
               r"\s+(?P<u>(?i:year|month|week))"),
    ("deictic", r"(?P<w>(?i:yesterday|today|tonight|tomorrow))"),
    ("decade", rf"{_MOD}(?P<y>(?:1[89]|20)\d0)s"),
    ("year", rf"{_MOD}(?P<y>{YEAR})"),
    ("md", rf"(?P<m>{MONTH})\s+(?P<d>{DAY})"),
    ("dm", rf"(?P<d>{DAY})\s+(?:of\s+)?(?P<m>{MONTH})"),
    ("month", rf"{_MOD}(?P<m>{MONTH_FULL})"),
    ("dur", rf"(?P<n>{NUM})[\s-]+(?P<u>{UNIT})(?:-long)?"),
    ("dur_a", rf"(?:(?<=for\s)|(?<=over\s)|(?<=within\s))(?P<n>an?)\s+(?P<u>{UNIT})"),
    ("dur_vague", rf"(?:(?<=for\s)|(?<=over\s))(?:(?i:several|many|a\s+few|some)\s+)?(?P<u>{UNIT_PL})"),
]
_GROUP_RE = re.compile(r"\(\?P<(\w+)>")


def _grammar(alternatives) -> re.Pattern:
    """One pattern of the named alternatives, in order; the groups of alternative ``a`` are ``a__name``."""
    return re.compile(
        r"(?<![\w$£€/:])(?:"
        + "|".join(f"(?P<{name}>{_GROUP_RE.sub(lambda g, n=name: f'(?P<{n}__{g.group(1)}>', rx)})"
                   for name, rx in alternatives)
        + r")(?!\w)")


_TIMEX_RE = _grammar(ALTERNATIVES)
# Only a sentence that prints a Juche year can hold a date in Juche years: elsewhere the grammar goes without the
# rules that need the word (found faster: no month name is tried as the start of a Juche date).
_NEEDS_JUCHE = frozenset({"juche_days"})
_JUCHE_YEAR = re.compile(r"Juche\s+(?:[Yy]ear\s+)?\d")     # 'Juche 46', not 'the Juche idea'


# Words an expression may begin with, by their first character: numbers and years, and lower-case words
# ('the', 'a', 'last', 'three' ...). Capitalised words (month and weekday names) need most of the grammar.
_NARROWED = (frozenset(string.digits), frozenset(string.ascii_lowercase))


@functools.cache
def _narrowed_grammar(chars: frozenset[str] | None, juche: bool) -> re.Pattern:
    """The alternatives that can begin with one of ``chars`` (all for None), in their order (:mod:`timex_first`),
    less those that need the word 'Juche' unless ``juche``."""
    if chars is None and juche:
        return _TIMEX_RE
    return _grammar([(name, rx) for name, rx in ALTERNATIVES
                     if (chars is None or first_chars(rx) & chars) and (juche or name not in _NEEDS_JUCHE)])


class _GrammarByFirstChar(dict):
    """The grammar to try at a word beginning with a given character.

    At a digit or a lower-case letter only the alternatives that can begin with one are tried: the same
    alternatives in the same order minus some that cannot match there, hence the same first match, found
    faster (fewer alternatives entered, fewer groups to set up). Any other character gets the whole grammar
    (less the rules that need the word 'Juche', unless ``juche``: for a sentence that does not print it).
    """

    def __init__(self, juche: bool):
        super().__init__()
        self.juche = juche

    def __missing__(self, char: str) -> re.Pattern:
        chars = next((c for c in _NARROWED if char in c), None)
        self[char] = pattern = _narrowed_grammar(chars, self.juche)
        return pattern


_GRAMMAR_AT, _GRAMMAR_AT_JUCHE = _GrammarByFirstChar(False), _GrammarByFirstChar(True)
# Every alternative contains one of these; the grammar is tried only at word starts shortly before one.
_ANCHOR_FIRST = "JFMASONDTWYHCjatymwdch"       # the first letters of the anchor words
_ANCHOR_ANY_CASE = rf"(?i:anniversary|today|tonight|yesterday|tomorrow)|{UNIT}"
_ANCHOR_RE = re.compile(rf"(?=[\d{_ANCHOR_FIRST}])(?:\d+|\b(?:{ANCHOR_NAMES}|{_ANCHOR_ANY_CASE})\b)")


def _choice(words) -> str:
    return "|".join(sorted(map(re.escape, set(words)), key=len, reverse=True))


def _anchor_re_by_first_char() -> re.Pattern | None:
    """:data:`_ANCHOR_RE` as a choice of branches that each begin with one literal character.

    A pattern that begins with a lookahead is attempted at every character of the text; one whose
    branches all begin with a literal lets the regex engine skip to the next digit or possible first
    letter, and it finds the same anchors a third faster. The words are spelled out from the grammar
    (:func:`timex_first.finite_language`); None when they cannot be. Its numbers begin with an ASCII
    digit: text with other digits is searched with :data:`_ANCHOR_RE`.
    """
    cased, any_case = finite_language(ANCHOR_NAMES), finite_language(_ANCHOR_ANY_CASE)
    if cased is None or any_case is None or any(w[0].lower() in "iks" for w in any_case):
        return None           # 'i', 'k', 's' in any case also match 'İ', 'ı', 'K' (Kelvin), 'ſ': not one literal
    rests: dict[str, tuple[list, list]] = {}      # first letter -> (rests as written, rests in any case)
    for w in cased:
        if w[0] in _ANCHOR_FIRST:
            rests.setdefault(w[0], ([], []))[0].append(w[1:])
    for w in any_case:
        for c in {w[0].lower(), w[0].upper()} & set(_ANCHOR_FIRST):
            rests.setdefault(c, ([], []))[1].append(w[1:])
    branches = [rf"{d}\d*" for d in string.digits]
    for c, (as_written, in_any_case) in sorted(rests.items()):
        parts = ([_choice(as_written)] if as_written else []) + ([f"(?i:{_choice(in_any_case)})"] if in_any_case else [])
        branches.append(rf"{c}(?<=\b.)(?:{'|'.join(parts)})\b")     # (?<=\b.): the letter begins a word
    return re.compile("|".join(branches))


_ANCHOR_FAST = _anchor_re_by_first_char()
_OTHER_DIGIT = re.compile(r"[^\x00-\x7f](?<=\d)")    # a digit outside ASCII ('٣')
_DIGIT_WINDOW = 8       # before a number only a modifier may come ('mid-1960s', 'early 1990s')
_ANCHOR_WINDOW = 48     # characters before an anchor where an expression may begin ('several decades ago')
# Words an expression can begin with (digits aside): the grammar's vocabulary and the rules' own words.
_STARTERS = STARTER_WORDS | frozenset(
    ["the", "that", "this", "last", "next", "later", "earlier", "early", "late", "mid", "several", "many", "some",
     "today", "tonight", "yesterday", "tomorrow", "years", "months", "weeks", "days", "decades", "centuries"])
# Before a month or weekday name (or 'Juche') an expression that reaches it begins with a number, a name, or one
# of the words of the grammar that modify a name ('early March', 'last Monday'): no rule begins with another word
# and goes on to a name ('the', 'one' ... are tried only before units and numbers). Test: test_timex_speed.py.
_NAME_ANCHORS = frozenset(finite_language(ANCHOR_NAMES) or ())
_BEFORE_NAMES = frozenset({n.lower().rstrip(".") for n in _NAME_ANCHORS} | {"early", "mid", "late", "last", "next", "this"})
# Likewise before a number: a name ('July 27'), or early, mid, late ('the mid-1960s'); 'the 1950s' begins at the number.
_BEFORE_NUMBERS = _BEFORE_NAMES - {"last", "next", "this"}
# What any of them holds: a capital letter, a digit, or early/mid/late; without one, a number is tried alone.
_BEFORE_NUMBER_WORDS = re.compile(r"[A-Z\d]|(?i:ear|mid|ate)")
# And before 'anniversary' an ordinal ('65th', 'fifth', 'seventy-third').
_BEFORE_ANNIVERSARY = frozenset(ORDINAL_WORD) | frozenset(TENS)
# Words, less those that begin with an ASCII letter no starter begins with ('in', 'visit', 'Kim'): fewer to check.
_NOT_FIRST = "".join(c for c in string.ascii_letters if c.lower() not in {w[0] for w in _STARTERS})
_WORD_AT = re.compile(rf"(?<![\w$£€/:])(?![{_NOT_FIRST}])\w+")


_ASCII_BYTES = bytes(range(128))


def _other_digit_in(raw: str, start: int = 0, end: int | None = None) -> bool:
    """Whether ``raw[start:end]`` holds a digit outside ASCII (:data:`_OTHER_DIGIT`).

    For the whole text, its non-ASCII characters are taken out of its UTF-8 bytes by one bytes.translate
    that drops the ASCII bytes; they are few (curly quotes, accented names), and searching them is faster
    than searching every character of the text.
    """
    if start == 0 and end is None:
        others = raw.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
        return _OTHER_DIGIT.search(others) is not None
    return _OTHER_DIGIT.search(raw, start, len(raw) if end is None else end) is not None


def _anchors_for(raw: str, start: int = 0, end: int | None = None) -> re.Pattern:
    """The anchor pattern for ``raw[start:end]``: the faster one unless the text has a non-ASCII digit."""
    if _ANCHOR_FAST is not None and (raw.isascii() or not _other_digit_in(raw, start, end)):
        return _ANCHOR_FAST
    return _ANCHOR_RE


def find_timexes(raw: str, start: int, end: int, anchors: re.Pattern | None = None,
                 juche: bool = True) -> list[tuple[str, re.Match]]:
    """(rule name, match) of the leftmost non-overlapping matches in raw[start:end], as ``finditer`` would give.

    Trying the whole grammar at every word is slow; every expression contains an anchor (a number, a
    month or weekday name, a unit word ...), so the grammar is tried only at the few word starts just
    before each anchor, earliest first, keeping the first match that reaches the anchor. ``anchors``, the
    pattern :func:`_anchors_for` gives for the whole of ``raw``, saves asking again for each sentence;
    ``juche`` False says that ``raw`` prints no 'Juche' at all.
    """
    found, pos = [], start
    at = raw.find("Juche", start, end) if juche else -1
    grammar_at = _GRAMMAR_AT_JUCHE if at >= 0 and _JUCHE_YEAR.search(raw, at, end) else _GRAMMAR_AT
    words, names = _WORD_AT.finditer, _NAME_ANCHORS   # hot loop: local names
    for a in (anchors or _anchors_for(raw, start, end)).finditer(raw, start, end):
        a0 = a.start()
        if a0 < pos:
            continue
        if raw[a0].isdigit():
            lo, starters = a0 - _DIGIT_WINDOW, _BEFORE_NUMBERS     # before a number: 'mid-', 'early'
            if not _BEFORE_NUMBER_WORDS.search(raw, lo if lo > pos else pos, a0):
                # no name, number, early, mid or late just before it: the number is the only start to try
                m = grammar_at[raw[a0]].match(raw, a0, end)
                if m and m.end() > a0:
                    found.append((m.lastgroup, m))
                    pos = m.end()
                continue
        else:
            word = a.group()
            lo, starters = a0 - _ANCHOR_WINDOW, (_BEFORE_NAMES if word in names else _BEFORE_ANNIVERSARY
                                                 if word.lower() == "anniversary" else _STARTERS)
        starts = [w.start() for w in words(raw, lo if lo > pos else pos, a.end())
                  if (word := w.group())[0].isdigit() or word.lower() in starters]
        for w0 in starts[-4:]:
            m = grammar_at[raw[w0]].match(raw, w0, end)
            if m and m.end() > a0:
                found.append((m.lastgroup, m))
                pos = m.end()
                break
    return found


# --------------------------------------------------------------------------- per document
def _sentence_spans(sentences) -> Iterable[tuple[int, int, int]]:
    if isinstance(sentences, pd.DataFrame):
        missing = {"sent_id", "start", "end"} - set(sentences.columns)
        if missing:
            raise ValueError(f"sentences lack columns {sorted(missing)}")
        return zip(sentences["sent_id"].tolist(), sentences["start"].tolist(), sentences["end"].tolist())
    return sentences


def extract_timexes(doc_id: str, raw: str, sentences, published=None, published_precision=None,
                    references: Sequence[Reference] | None = None, datelines=()) -> list[Timex]:
    """Temporal expressions of one document's body sentences (and agency datelines), resolved.

    ``sentences`` is a DataFrame with ``sent_id, start, end`` (offsets into ``raw``) or an iterable of
    such triples, in document order. ``published`` (Timestamp, or None/NaT when unknown) is read at
    ``published_precision`` ('day'|'month'|'year'). ``references`` defaults to the project's
    reference dates (:func:`helpers.dates.anniversary.load_references`). ``datelines``: (start, end)
    of agency datelines ('Pyongyang, July 20 (KCNA) --'), whose dates are read against the
    publication date, never the narrative, and get ``sent_id`` :data:`DATELINE_SENT_ID`.
    Returns :class:`Timex` rows whose offsets index ``raw``.
    """
    if not isinstance(raw, str):
        raise TypeError(f"{doc_id}: raw must be str, got {type(raw).__name__}")
    state = State(publication_tuple(published, published_precision),
                  load_references() if references is None else tuple(references))
    rows: list[Timex] = []
    n, anchors, juche = len(raw), _anchors_for(raw), "Juche" in raw
    for start, end in datelines:
        if 0 <= start <= end <= n and (matches := find_timexes(raw, start, end, anchors, juche)):
            _resolve_span(doc_id, DATELINE_SENT_ID, raw, start, end, matches, state, rows, False)
    for sent_no, (sent_id, start, end) in enumerate(_sentence_spans(sentences)):
        if not 0 <= start <= end <= n:
            raise ValueError(f"{doc_id}: sentence {sent_id} offsets {start}:{end} fall outside the text "
                             f"({n} characters)")
        matches = find_timexes(raw, start, end, anchors, juche)
        if matches:
            state.sent_no = sent_no
            _resolve_span(doc_id, int(sent_id), raw, start, end, matches, state, rows, True)
    if state.pending:
        date_pending(rows, raw, state, lambda row, value, anchor: row._replace(value=iso(value), anchor=anchor))
    return rows


def _resolve_span(doc_id: str, sent_id: int, raw: str, start: int, end: int, matches: list, state: State,
                  rows: list, narrative: bool) -> None:
    """Resolve the ``matches`` of raw[start:end], appending them to ``rows``; a date of a sentence
    (``narrative``) becomes the narrative's, and one printed with its year is kept for anniversaries."""
    ctx = Context(raw[start:end], start, matches, state)
    covered = start
    for alt, m in matches:
        m0 = m.start()
        if m0 < covered:
            continue
        res = resolve(alt, m, ctx)
        if res is None:
            continue
        kind, value, end_value, anchor, res_end, res_start = res
        if res_start is not None and covered <= res_start < m0:
            m0 = res_start
        covered = t_end = res_end if res_end < end else end
        if isinstance(value, tuple) and narrative:
            if kind != "decade":   # an anniversary sets the year only: the commemorated day is not the story's
                state.narrative = value if kind != "anniversary" else value[:1]
                state.narrative_at = state.sent_no
                state.narrative_end = end_value if isinstance(end_value, tuple) else None
            if not anchor and kind in ("date", "range"):
                state.dated.append((start, end, m0, t_end, value))
        rows.append(Timex(doc_id, sent_id, m0, t_end, sys.intern(raw[m0:t_end]), kind, iso(value) if value else "",
                          iso(end_value) if end_value else "", anchor))


def timex_frame(rows: Iterable[Timex]) -> pd.DataFrame:
    """Rows as a DataFrame with the :data:`COLUMNS` (empty strings for missing values)."""
    return frame_from_rows(list(rows), COLUMNS, int_columns=("sent_id", "start", "end"))


# --------------------------------------------------------------------------- the layer
def _timexes_of(shared: tuple, doc_id: str) -> list[Timex]:
    references, inputs, spans = shared  # inherited by worker processes, not sent with each document
    raw, published, precision, datelines = inputs[doc_id]
    return extract_timexes(doc_id, decoded(raw), spans.get(doc_id, ()), published, precision, references, datelines)


def extract_corpus_timexes(documents: pd.DataFrame, sentences: pd.DataFrame, references=None, *,
                           workers: int | None = None, problems: list | None = None,
                           segments: pd.DataFrame | None = None) -> pd.DataFrame:
    """The temporal expressions of every body sentence (and agency dateline): the pipeline's ``timexes`` layer.

    ``documents`` is indexed by ``doc_id`` with ``raw``, ``published`` and ``published_precision``;
    ``sentences`` has ``doc_id, sent_id, start, end``. ``references`` defaults to the project's.
    ``segments`` (``doc_id, start, end, kind, rule``), when given, adds the dateline segments of
    :data:`DATELINE_RULES`, with ``sent_id`` :data:`DATELINE_SENT_ID`.
    Documents run through :func:`helpers.parallel.map_documents` (``workers`` processes); a document
    that fails is appended to ``problems`` as ``(doc_id, "timexes", error)`` (without a list, an error).
    """
    spans = spans_by_document(sentences)
    refs = load_references() if references is None else tuple(references)
    raws = documents["raw"].tolist()
    datelines: dict[str, list] = {}
    if segments is not None:
        lines = segments[(segments["kind"] == "dateline") & segments["rule"].isin(DATELINE_RULES)]
        for d, a, b in zip(lines["doc_id"].tolist(), lines["start"].tolist(), lines["end"].tolist()):
            datelines.setdefault(d, []).append((a, b))
    inputs = {d: (raw, pub, prec, datelines.get(d, ()))  # a worker makes each document's sentence spans
              for d, raw, pub, prec in zip(documents.index.tolist(), raws, documents["published"].tolist(),
                                           documents["published_precision"].tolist())}
    items = [(d, (d,)) for d in inputs]
    table, failed = map_documents(_timexes_of, items, "timexes", shared=(refs, inputs, spans), workers=workers,
                                  total_chars=sum(map(len, raws)), frame=timex_frame)
    record("timexes", failed, problems)
    return table


def corpus_timexes(corpus) -> pd.DataFrame:
    """The temporal expressions of a loaded corpus (``corpus.timexes``); kept for callers that hold a corpus."""
    return extract_corpus_timexes(corpus.documents, corpus.sentences, segments=corpus.segment_spans)
