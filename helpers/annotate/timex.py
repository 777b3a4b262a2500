"""Temporal expressions in news prose, resolved to ISO 8601 values.

One pure function per document, :func:`extract_timexes`, finds the temporal
expressions of the body sentences of one article and resolves each to an ISO
8601 value at the precision the text gives (``1958``, ``1958-11``,
``1958-11-27``, decades as ``195X``, durations as ``P55Y``/``PT60H``):

- absolute dates and ranges ("November 27 to December 3, 1958", "31 Jan. 2025",
  "June, 1961", "1950-1953", "Juche 46 (1957)") need no context;
- expressions relative to the publication date ("last November", "later this
  month", "64 years ago", "on Tuesday") are resolved against ``published`` at
  its precision, and stay unresolved when that precision is too coarse or the
  date is unknown;
- expressions relative to the narrative ("A year later", a day and month with
  no year) are resolved against the previous resolved date of the article;
- ordinal anniversaries are resolved from reference dates (data file), from a
  year printed with them, from a dated phrase earlier in the same sentence, or
  from the previous anniversary the text refers back to.

Whatever cannot be resolved keeps its text with an empty value: no guesses.
Ages, distances and times of day are not matched; durations are, as kind
``duration``. The grammar (month and number words) is compiled once at import;
curated knowledge (reference dates and the phrases that name them) is read
lazily from ``helpers/data``. :func:`corpus_timexes` runs the extractor over a
loaded corpus.
"""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from helpers.paths import data_file


COLUMNS = ["doc_id", "sent_id", "start", "end", "text", "kind", "value", "end_value", "anchor"]
KINDS = ("date", "range", "relative", "anniversary", "decade", "duration")
PRECISIONS = ("day", "month", "year")


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


class Reference(NamedTuple):
    """A dated reference event, the phrases that name it, and who may be named as its parties."""

    event_id: str
    pattern: re.Pattern          # any alias, optionally after 'the'
    date: tuple
    parties: re.Pattern | None   # one party named after 'between'/'with'


# --------------------------------------------------------------------------- grammar
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"]
MONTH_NUMBER = {name: i for i, name in enumerate(_MONTHS, 1)}
MONTH_NUMBER.update({name[:3]: i for name, i in list(MONTH_NUMBER.items())})
MONTH_NUMBER["sept"] = 9
WEEKDAY_NUMBER = {name: i for i, name in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}

_UNITS_1_19 = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
               "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
NUMBER_WORD = {w: i for i, w in enumerate(_UNITS_1_19, 1)}
NUMBER_WORD.update({w: 10 * i for i, w in enumerate(_TENS, 2)})
NUMBER_WORD.update({"hundred": 100, "a": 1, "an": 1})
_ORD_1_19 = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
             "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
             "eighteenth", "nineteenth"]
ORDINAL_WORD = {w: i for i, w in enumerate(_ORD_1_19, 1)}
ORDINAL_WORD.update({t[:-1] + "ieth": 10 * i for i, t in enumerate(_TENS, 2)})
ORDINAL_WORD["hundredth"] = 100
# ISO 8601 duration designators; decades and centuries are counted in years.
UNIT_ISO = {"year": ("Y", 1), "month": ("M", 1), "week": ("W", 1), "day": ("D", 1),
            "decade": ("Y", 10), "century": ("Y", 100), "hour": ("TH", 1), "minute": ("TM", 1)}

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)")
_MONTH_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?<![\d,.])(?:1[89]\d\d|20\d\d)(?!\d)"
_TO = r"(?:to|until|till|through|[-–—])"
_NUMWORD = "|".join(sorted((w for w in NUMBER_WORD if w not in ("a", "an")), key=len, reverse=True))
_NUM = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|(?i:(?:{_NUMWORD})(?:[\s-](?:{_NUMWORD}))?))"
_NUM_A = rf"(?:{_NUM}|(?i:an?))"
_UNIT = r"(?i:years?|months?|weeks?|days?|decades?|centur(?:y|ies)|hours?|minutes?)"
_UNIT_PL = r"(?i:years|months|weeks|days|decades|centuries)"
_ORDWORD = "|".join(
    [rf"(?:{'|'.join(_TENS)})-(?:{'|'.join(_ORD_1_19[:9])})"]
    + sorted(ORDINAL_WORD, key=len, reverse=True))
_ORD = rf"(?:\d{{1,3}}(?:st|nd|rd|th)|(?i:{_ORDWORD}))"
_MOD = r"(?:(?P<mod>(?i:early|mid|late))[\s-]+)?"

# Ordered alternatives: at one position the first that matches wins, so longer forms come first.
_ALTERNATIVES = [
    ("juche", rf"Juche\s+(?:[Yy]ear\s+)?(?P<j>\d{{1,3}})(?:\s*\(\s*(?P<y>{_YEAR})\s*\))?"),
    ("anniv", rf"(?P<n>{_ORD})\s+(?i:anniversary)(?:\s+(?i:in)\s+(?P<y>{_YEAR}))?"),
    ("iso", rf"(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])"),
    ("r_mdmd", rf"(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})\s*{_TO}\s*(?P<m2>{_MONTH})\s+(?P<d2>{_DAY})"
               rf"(?:,?\s+(?P<y>{_YEAR}))?"),
    ("r_mdd", rf"(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})\s*(?:{_TO}|and)\s*(?P<d2>{_DAY})(?:,?\s+(?P<y>{_YEAR}))?"),
    ("r_dmdm", rf"(?P<d1>{_DAY})\s+(?P<m1>{_MONTH})\s*{_TO}\s*(?P<d2>{_DAY})\s+(?P<m2>{_MONTH})"
               rf"(?:,?\s+(?P<y>{_YEAR}))?"),
    ("r_ddm", rf"(?P<d1>{_DAY})\s*(?:{_TO}|and)\s*(?P<d2>{_DAY})\s+(?P<m1>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?"),
    ("r_mymy", rf"(?P<m1>{_MONTH}),?\s+(?P<y1>{_YEAR})\s*{_TO}\s*(?P<m2>{_MONTH}),?\s+(?P<y2>{_YEAR})"),
    ("r_mmy", rf"(?P<m1>{_MONTH})\s*{_TO}\s*(?P<m2>{_MONTH}),?\s+(?P<y>{_YEAR})"),
    ("mdy", rf"(?:{_WEEKDAY},?\s+)?(?P<m>{_MONTH})\s+(?P<d>{_DAY}),?\s+(?P<y>{_YEAR})"),
    ("dmy", rf"(?:{_WEEKDAY},?\s+)?(?P<d>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH}),?\s+(?P<y>{_YEAR})"),
    ("my", rf"{_MOD}(?P<m>{_MONTH}),?\s+(?:of\s+)?(?P<y>{_YEAR})"),
    ("r_yy", rf"(?P<y1>{_YEAR})\s*(?:(?i:to|until|till|through)\s+|[-–—]\s*)"
             rf"(?P<y2>(?:1[89]\d\d|20\d\d|\d\d)(?!\d))"),
    ("r_between", rf"(?<=[Bb]etween\s)(?P<y1>{_YEAR})\s+and\s+(?P<y2>{_YEAR})"),
    ("weekday", rf"(?:(?P<rel>(?i:last|next|this))\s+)?(?P<w>{_WEEKDAY})"
                rf"(?:\s+(?i:morning|afternoon|evening|night))?"
                rf"(?:\s*[\[(]\s*(?:(?P<m>{_MONTH})\s+(?P<d>{_DAY})|(?P<d2>{_DAY})\s+(?P<m2>{_MONTH}))\s*[\])]"
                rf"|,\s+(?P<m3>{_MONTH})\s+(?P<d3>{_DAY}))?"),
    ("mon_rel", rf"(?P<rel>(?i:last|next|this))\s+(?P<m>{_MONTH_FULL})"),
    ("mon_year_rel", rf"(?P<m>{_MONTH_FULL})\s+(?P<rel>(?i:last|this|next))\s+(?i:year)"),
    ("ago", rf"(?P<n>{_NUM_A})[\s-]+(?P<u>{_UNIT})\s+(?i:ago)"),
    ("ago_vague", rf"(?:(?i:several|many|a\s+few|some)\s+)?(?P<u>{_UNIT_PL})\s+(?i:ago)"),
    ("narr", rf"(?P<n>{_NUM_A})[\s-]+(?P<u>{_UNIT})\s+(?P<dir>(?i:later|earlier|afterwards?|on))"),
    ("narr_the", r"(?P<det>(?i:the\s+(?:following|next|previous|preceding|same)|that(?:\s+same)?))"
                 r"\s+(?P<u>(?i:year|month))"),
    ("narr_the2", r"(?i:the)\s+(?P<u>(?i:year|month))\s+(?P<dir>(?i:before|after))"),
    ("pubrel", r"(?:(?P<mod>(?i:early|late|mid|earlier|later))[\s-]+)?(?P<rel>(?i:this|last|next))"
               r"\s+(?P<u>(?i:year|month|week))"),
    ("deictic", r"(?P<w>(?i:yesterday|today|tonight|tomorrow))"),
    ("decade", rf"{_MOD}(?P<y>(?:1[89]|20)\d0)s"),
    ("year", rf"{_MOD}(?P<y>{_YEAR})"),
    ("md", rf"(?P<m>{_MONTH})\s+(?P<d>{_DAY})"),
    ("dm", rf"(?P<d>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH})"),
    ("month", rf"(?P<m>{_MONTH_FULL})"),
    ("dur", rf"(?P<n>{_NUM})[\s-]+(?P<u>{_UNIT})(?:-long)?"),
    ("dur_a", rf"(?:(?<=for\s)|(?<=over\s)|(?<=within\s))(?P<n>an?)\s+(?P<u>{_UNIT})"),
    ("dur_vague", rf"(?:(?<=for\s)|(?<=over\s))(?:(?i:several|many|a\s+few|some)\s+)?(?P<u>{_UNIT_PL})"),
]
_GROUP_RE = re.compile(r"\(\?P<(\w+)>")
_TIMEX_RE = re.compile(
    r"(?<![\w$£€/:])(?:"
    + "|".join(f"(?P<{name}>{_GROUP_RE.sub(lambda g, n=name: f'(?P<{n}__{g.group(1)}>', rx)})"
               for name, rx in _ALTERNATIVES)
    + r")(?!\w)")
_GROUP_INDEX = _TIMEX_RE.groupindex
# Every alternative contains one of these; the grammar is tried only at word starts shortly before one.
_ANCHOR_RE = re.compile(
    r"(?=[\dJFMASONDTWYHCjatymwdch])(?:\d+|\b(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday|Juche|(?i:anniversary|today|tonight|yesterday|tomorrow|years?|months?|"
    r"weeks?|days?|decades?|centur(?:y|ies)|hours?|minutes?))\b)")
     # characters before an anchor where an expression may begin ('several decades ago')
_DIGIT_WINDOW = 8       # before a number only a modifier may come ('mid-1960s', 'early 1990s')
_WORD_AT = re.compile(r"(?<![\w$£€/:])\w+")
# Words an expression can begin with (digits aside): the grammar's own vocabulary.
_STARTERS = frozenset(
    list(MONTH_NUMBER) + list(WEEKDAY_NUMBER) + list(NUMBER_WORD) + list(ORDINAL_WORD) + _TENS
    + ["juche", "the", "that", "this", "last", "next", "later", "earlier", "early", "late", "mid", "several",
       "many", "some", "today", "tonight", "yesterday", "tomorrow", "years", "months", "weeks", "days", "decades",
       "centuries"])
_ANCHOR_WINDOW = 48     # characters before an anchor where an expression may begin ('several decades ago')

_NOT_A_YEAR_AFTER = re.compile(
    r"\s*[-–]?\s*(?:km|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|kg|tons?|tonnes?|people|persons|troops|"
    r"soldiers|students|workers|delegates|members|dollars|USD|won|dong|yuan|percent|per cent|%|units|"
    r"hours?|minutes?)\b")
_AGE_AFTER = re.compile(r"[\s-]*(?i:old)\b")
_PREPOSITION_BEFORE = re.compile(
    r"(?i:\b(?:in|since|by|until|till|during|from|before|after|of|early|late|mid|through|between|and|or|to))"
    r"[\s-]*$")
_ANAPHOR_AFTER = re.compile(r"\s+(?i:of\s+(?:the|this|that)\s+(?:event|visit|occasion|trip|meeting|day))\b")
_ITS_BEFORE = re.compile(r"(?i:\bits\s+)$")
_OF_AFTER = re.compile(r"\s+(?i:of)\s+")
_PARTIES_AFTER = re.compile(r"\s+((?i:between|with))\b")
_FUTURE = re.compile(r"(?i:\b(?:will|shall|is\s+to|are\s+to|is\s+due|are\s+due|plans?\s+to|is\s+scheduled|"
                     r"are\s+scheduled|is\s+expected|are\s+expected|is\s+set\s+to|are\s+set\s+to|going\s+to)\b"
                     r"|['’]ll\b)")
_AND = re.compile(r"\s+and\s+")
_SPACES = re.compile(r"\s+")
_CLAUSE_BREAK = re.compile(r"[,;:]")
_AGO_RE = re.compile(rf"^(?P<n>{_NUM_A})[\s-]+(?P<u>{_UNIT})\s+(?i:ago)$")

ABSOLUTE_ALTS = {"juche", "iso", "r_mdmd", "r_mdd", "r_dmdm", "r_ddm", "r_mymy", "r_mmy", "mdy", "dmy", "my",
                 "r_yy", "r_between", "year"}


# --------------------------------------------------------------------------- small parsers
def _month(text: str) -> int:
    key = text.rstrip(".").lower()
    return MONTH_NUMBER[key] if key in MONTH_NUMBER else MONTH_NUMBER[key[:3]]


def _day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def parse_number(text: str) -> int:
    """'55' -> 55, 'three' -> 3, 'twenty-five' -> 25, 'a' -> 1, '1,000' -> 1000."""
    text = text.strip().lower()
    if text[0].isdigit():
        return int(text.replace(",", ""))
    total = 0
    for word in re.split(r"[\s-]+", text):
        value = NUMBER_WORD[word]
        total = total * value if value == 100 and total else total + value
    return total


def parse_ordinal(text: str) -> int:
    """'73rd' -> 73, 'fifth' -> 5, 'seventy-fifth' -> 75."""
    text = text.strip().lower()
    if text[0].isdigit():
        return int(text[:-2])
    if "-" in text:
        tens, unit = text.split("-")
        return NUMBER_WORD[tens] + ORDINAL_WORD[unit]
    return ORDINAL_WORD[text]


def _unit(text: str) -> str:
    text = text.lower()
    return "century" if text.startswith("centur") else text.rstrip("s")


def ago_offset(text: str) -> tuple[int, str] | None:
    """('64 years ago') -> (64, 'year'); None when the text is not an 'N units ago' expression."""
    m = _AGO_RE.match(text.strip())
    return (parse_number(m.group("n")), _unit(m.group("u"))) if m else None


def iso(t) -> str:
    """(1958,) -> '1958'; (1958, 11) -> '1958-11'; (1958, 11, 27) -> '1958-11-27'; strings pass through."""
    if isinstance(t, str):
        return t
    return "-".join([f"{t[0]:04d}"] + [f"{x:02d}" for x in t[1:]])


def _valid(y: int, m: int | None = None, d: int | None = None) -> bool:
    if m is not None and not 1 <= m <= 12:
        return False
    return d is None or 1 <= d <= calendar.monthrange(y, m)[1]


def _add_months(t: tuple, n: int) -> tuple:
    k = t[0] * 12 + (t[1] - 1) + n
    return (k // 12, k % 12 + 1)


def _iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def _shift(t: tuple, n: int, unit: str):
    """Move date tuple ``t`` by ``n`` units at the precision the unit supports; None if ``t`` is too coarse."""
    if unit in ("year", "decade", "century"):
        return (t[0] + n * UNIT_ISO[unit][1],)
    if unit == "month":
        return _add_months(t, n) if len(t) >= 2 else None
    if unit in ("week", "day") and len(t) == 3:
        d = dt.date(*t) + dt.timedelta(days=n * (7 if unit == "week" else 1))
        return _iso_week(d) if unit == "week" else (d.year, d.month, d.day)
    return None


def publication_tuple(published, precision) -> tuple | None:
    """The publication date as a (y[, m[, d]]) tuple at its precision; None when unknown."""
    if published is None or pd.isna(published):
        return None
    if precision not in PRECISIONS:
        raise ValueError(f"published_precision must be one of {PRECISIONS}, got {precision!r}")
    ts = pd.Timestamp(published)
    return (ts.year, ts.month, ts.day)[: PRECISIONS[::-1].index(precision) + 1]


# --------------------------------------------------------------------------- reference dates
def _date_tuple(text: str, precision: str) -> tuple:
    parts = tuple(int(x) for x in str(text).split("-"))
    return parts[: PRECISIONS[::-1].index(precision) + 1]


def _alias_pattern(aliases: Iterable[str]) -> re.Pattern:
    phrases = sorted({a.strip() for a in aliases if a.strip()}, key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in phrases)
    return re.compile(rf"(?:the\s+)?(?:{body})\b", re.IGNORECASE)


@functools.cache
def load_references(data_dir: str | None = None) -> tuple[Reference, ...]:
    """Reference dates (reference_dates.csv, with their ``aliases``) and their parties (event_keywords.csv)."""
    base = Path(data_dir) if data_dir else data_file("reference_dates.csv").parent
    dates = pd.read_csv(base / "reference_dates.csv", dtype=str, keep_default_na=False)
    keywords = pd.read_csv(base / "event_keywords.csv", dtype=str, keep_default_na=False)
    parties: dict[str, list[str]] = {}
    for row in keywords[keywords["kind"] == "party"].itertuples():
        if row.label not in set(dates["event_id"]):
            raise ValueError(f"event_keywords.csv names parties of {row.label!r}, "
                             f"an event that reference_dates.csv does not define")
        parties.setdefault(row.label, []).append(row.pattern)
    refs = []
    for row in dates.itertuples():
        aliases = [row.description] + (row.aliases.split("|") if "aliases" in dates.columns else [])
        party = parties.get(row.event_id)
        refs.append(Reference(row.event_id, _alias_pattern(aliases), _date_tuple(row.date, row.precision),
                              re.compile("|".join(party), re.IGNORECASE) if party else None))
    return tuple(refs)


def _parties_ok(ref: Reference, text: str) -> bool:
    """Does the text after an alias name only the reference's own parties ('between X and Y', 'with X')?"""
    m = _PARTIES_AFTER.match(text)
    if not m:
        return True
    if ref.parties is None:
        return False
    pos = m.end()
    for i in range(2 if m.group(1).lower() == "between" else 1):
        if i:
            conj = _AND.match(text, pos)
            if not conj:
                return True               # 'between the two countries'
            pos = conj.end()
        else:
            pos = _SPACES.match(text, pos).end()
        p = ref.parties.match(text, pos)
        if not p or text[p.end():p.end() + 1].isalnum():
            return False
        pos = p.end()
    return True


# --------------------------------------------------------------------------- resolution
class _State:
    __slots__ = ("pub", "narrative", "anniv_base", "refs")

    def __init__(self, pub, refs):
        self.pub, self.refs = pub, refs
        self.narrative = None      # start of the previous resolved date (a tuple)
        self.anniv_base = None     # base date of the previous resolved anniversary


def _year_for_day_month(state, m: int, d: int | None):
    """Year of a day-and-month without year: the narrative's year, else the one nearest publication."""
    if state.narrative is not None:
        return state.narrative[0], f"narrative {iso(state.narrative)}"
    pub = state.pub
    if pub is None:
        return None, ""
    anchor = f"published {iso(pub)}"
    if len(pub) == 1:
        return pub[0], anchor
    ref = dt.date(pub[0], pub[1], pub[2] if len(pub) == 3 else 15)

    def distance(y):
        return abs((dt.date(y, m, min(d or 15, calendar.monthrange(y, m)[1])) - ref).days)

    return min((pub[0] - 1, pub[0], pub[0] + 1), key=distance), anchor


def _weekday_date(state, weekday: int, rel: str | None, future: bool):
    pub = state.pub
    if pub is None or len(pub) < 3:
        return None
    p = dt.date(*pub)
    delta = (weekday - p.weekday()) % 7
    if rel == "next" or (rel != "last" and (future or rel == "this")):
        d = p + dt.timedelta(days=delta + (7 if rel == "next" and delta == 0 else 0))
    else:
        back = (p.weekday() - weekday) % 7
        d = p - dt.timedelta(days=back or (7 if rel == "last" else 0))
    return (d.year, d.month, d.day)


def _resolve(alt, g, m, sentence, sent_offset, state, sentence_matches):
    """Return (kind, value, end_value, anchor, end) for one match, or None if it is not a timex."""
    end = m.end()
    pub = state.pub
    pub_anchor = f"published {iso(pub)}" if pub else ""

    if alt == "juche":
        year = int(g("j")) + 1911
        stated = g("y")
        return ("date", (year,) if stated is None or int(stated) == year else "", None, "", end)

    if alt == "anniv":
        n = parse_ordinal(g("n"))
        if g("y"):
            state.anniv_base = (int(g("y")) - n,)
            return "anniversary", (int(g("y")),), None, "", end
        rest = sentence[end - sent_offset:]
        of = _OF_AFTER.match(rest)
        if of:
            referent = rest[of.end():]
            found = [(r, r.pattern.match(referent)) for r in state.refs]
            found = sorted(((r, rm) for r, rm in found if rm), key=lambda x: -x[1].end())
            if found:
                new_end = end + of.end() + found[0][1].end()
                for ref, rm in found:
                    if _parties_ok(ref, referent[rm.end():]):
                        base = ref.date
                        state.anniv_base = base
                        value = (base[0] + n,) + base[1:]
                        return "anniversary", value, None, f"reference {ref.event_id} {iso(base)}", new_end
                return "anniversary", "", None, "", new_end      # parties named but not this event's
        anaphor = _ANAPHOR_AFTER.match(rest)
        if anaphor:
            end += anaphor.end()
        # a dated phrase earlier in the sentence sets the scene ('On 5 May 2016, ... the 45th anniversary')
        for other_alt, om in sentence_matches:
            if om.start() < m.start() and other_alt in ABSOLUTE_ALTS:
                other = _resolve(other_alt, _getter(om, other_alt), om, sentence, sent_offset, _State(None, ()), [])
                if other and isinstance(other[1], tuple):
                    state.anniv_base = (other[1][0] - n,)
                    return "anniversary", (other[1][0],), None, f"sentence {iso(other[1])}", end
        is_anaphoric = anaphor or _ITS_BEFORE.search(sentence[: m.start() - sent_offset])
        if is_anaphoric and state.anniv_base is not None:
            base = state.anniv_base
            return "anniversary", (base[0] + n,), None, f"narrative {iso(base)}", end
        return "anniversary", "", None, "", end

    if alt == "iso":
        y, mo, d = int(g("y")), int(g("m")), int(g("d"))
        return ("date", (y, mo, d) if _valid(y, mo, d) else "", None, "", end)

    if alt in ("r_mdmd", "r_mdd", "r_dmdm", "r_ddm"):
        m1 = _month(g("m1"))
        m2 = _month(g("m2")) if g("m2") else m1
        d1, d2 = _day(g("d1")), _day(g("d2"))
        anchor = ""
        if g("y"):
            y2 = int(g("y"))
            y1 = y2 - 1 if (m2, d2) < (m1, d1) else y2
        else:
            y1, anchor = _year_for_day_month(state, m1, d1)
            if y1 is None:
                return "range", "", "", "", end
            y2 = y1 + 1 if (m2, d2) < (m1, d1) else y1
        if not (_valid(y1, m1, d1) and _valid(y2, m2, d2)):
            return "range", "", "", anchor, end
        return "range", (y1, m1, d1), (y2, m2, d2), anchor, end

    if alt == "r_mymy":
        return "range", (int(g("y1")), _month(g("m1"))), (int(g("y2")), _month(g("m2"))), "", end
    if alt == "r_mmy":
        y, m1, m2 = int(g("y")), _month(g("m1")), _month(g("m2"))
        return "range", (y - 1 if m2 < m1 else y, m1), (y, m2), "", end
    if alt in ("r_yy", "r_between"):
        y1, y2 = int(g("y1")), g("y2")
        y2 = int(y2) if len(y2) == 4 else y1 // 100 * 100 + int(y2)
        if y2 <= y1:
            return None
        return "range", (y1,), (y2,), "", end

    if alt in ("mdy", "dmy"):
        y, mo, d = int(g("y")), _month(g("m")), _day(g("d"))
        return ("date", (y, mo, d) if _valid(y, mo, d) else "", None, "", end)
    if alt == "my":
        return "date", (int(g("y")), _month(g("m"))), None, "", end

    if alt == "weekday":
        wd = WEEKDAY_NUMBER[g("w").lower()]
        mon, day = g("m") or g("m2") or g("m3"), g("d") or g("d2") or g("d3")
        if mon:                                   # 'Tuesday [February 26]': the printed date decides
            mo, d = _month(mon), _day(day)
            y = None
            if pub is not None:
                saved, state.narrative = state.narrative, None
                y, _ = _year_for_day_month(state, mo, d)
                state.narrative = saved
            if y is None or not _valid(y, mo, d):
                return "relative", "", None, "", end
            return "relative", (y, mo, d), None, pub_anchor, end
        start = m.start() - sent_offset
        clause_start = max((b.end() for b in _CLAUSE_BREAK.finditer(sentence, 0, start)), default=0)
        clause = sentence[clause_start:start]
        if not clause.strip(" \"'“(").lower().removeprefix("on").strip():   # sentence-initial 'On Tuesday,'
            nxt = _CLAUSE_BREAK.search(sentence, end - sent_offset)
            nxt2 = _CLAUSE_BREAK.search(sentence, nxt.end()) if nxt else None
            clause = sentence[end - sent_offset: nxt2.start() if nxt2 else len(sentence)]
        rel = g("rel").lower() if g("rel") else None
        value = _weekday_date(state, wd, rel, bool(_FUTURE.search(clause)))
        return "relative", value or "", None, pub_anchor if value else "", end

    if alt == "mon_rel":
        mo, rel = _month(g("m")), g("rel").lower()
        if pub is None or len(pub) < 2:
            return "relative", "", None, "", end
        if rel == "last":
            y = pub[0] if mo < pub[1] else pub[0] - 1
        elif rel == "next":
            y = pub[0] if mo > pub[1] else pub[0] + 1
        else:
            y = pub[0]
        return "relative", (y, mo), None, pub_anchor, end
    if alt == "mon_year_rel":
        if pub is None:
            return "relative", "", None, "", end
        y = pub[0] + {"last": -1, "this": 0, "next": 1}[g("rel").lower()]
        return "relative", (y, _month(g("m"))), None, pub_anchor, end

    if alt == "ago":
        n, unit = parse_number(g("n")), _unit(g("u"))
        value = _shift(pub, -n, unit) if pub is not None else None
        return "relative", value or "", None, pub_anchor if value else "", end
    if alt == "ago_vague":
        return "relative", "", None, "", end

    if alt in ("narr", "narr_the", "narr_the2"):
        unit = _unit(g("u"))
        if alt == "narr":
            n = parse_number(g("n"))
            n = -n if g("dir").lower() == "earlier" else n
        elif alt == "narr_the":
            det = g("det").lower().split()[-1]
            n = {"following": 1, "next": 1, "previous": -1, "preceding": -1}.get(det, 0)
        else:
            n = 1 if g("dir").lower() == "after" else -1
        base = state.narrative
        value = _shift(base, n, unit) if base is not None else None
        return "relative", value or "", None, f"narrative {iso(base)}" if value else "", end

    if alt == "pubrel":
        unit, rel = g("u").lower(), g("rel").lower()
        n = {"last": -1, "this": 0, "next": 1}[rel]
        value = None
        if pub is not None:
            if unit == "year":
                value = (pub[0] + n,)
            elif unit == "month" and len(pub) >= 2:
                value = _add_months(pub[:2], n)
            elif unit == "week" and len(pub) == 3:
                value = _shift(pub, n, "week")
        return "relative", value or "", None, pub_anchor if value else "", end
    if alt == "deictic":
        word = g("w").lower()
        if pub is None:
            return "relative", "", None, "", end
        if word in ("today", "tonight"):
            return "relative", pub, None, pub_anchor, end
        value = _shift(pub, 1 if word == "tomorrow" else -1, "day")
        return "relative", value or "", None, pub_anchor if value else "", end

    if alt == "decade":
        return "decade", g("y")[:3] + "X", None, "", end
    if alt == "year":
        if _NOT_A_YEAR_AFTER.match(sentence, end - sent_offset):
            return None
        return "date", (int(g("y")),), None, "", end

    if alt in ("md", "dm", "month"):
        mo = _month(g("m"))
        d = _day(g("d")) if alt != "month" else None
        if alt == "month":
            before = sentence[: m.start() - sent_offset]
            if not _PREPOSITION_BEFORE.search(before):
                if g("m") in ("May", "March"):
                    return None           # the modal verb and the verb, not months
                return "date", "", None, "", end   # a month of no particular year
        y, anchor = _year_for_day_month(state, mo, d)
        if y is None or not _valid(y, mo, d):
            return "date", "", None, "", end
        return "date", (y, mo, d) if d else (y, mo), None, anchor, end

    if alt in ("dur", "dur_a"):
        if _AGE_AFTER.match(sentence, end - sent_offset):
            return None                   # '75-year-old', '30 years old': ages
        unit = _unit(g("u"))
        designator, factor = UNIT_ISO[unit]
        n = parse_number(g("n")) * factor
        value = f"PT{n}{designator[1]}" if designator.startswith("T") else f"P{n}{designator}"
        return "duration", value, None, "", end
    if alt == "dur_vague":
        return "duration", "", None, "", end
    raise AssertionError(alt)  # pragma: no cover


def _find(raw: str, start: int, end: int) -> list[tuple[str, re.Match]]:
    """Leftmost non-overlapping matches of the grammar in raw[start:end], as ``finditer`` would give.

    Trying the whole grammar at every word is slow; every expression contains an anchor (a number, a
    month or weekday name, a unit word ...), so the grammar is tried only at the few word starts just
    before each anchor, earliest first, keeping the first match that reaches the anchor.
    """
    found, pos = [], start
    for a in _ANCHOR_RE.finditer(raw, start, end):
        a0 = a.start()
        if a0 < pos:
            continue
        window = _DIGIT_WINDOW if raw[a0].isdigit() else _ANCHOR_WINDOW   # before a number: 'mid-', 'early'
        starts = [w.start() for w in _WORD_AT.finditer(raw, max(pos, a0 - window), a.end())
                  if w.group()[0].isdigit() or w.group().lower() in _STARTERS]
        for w0 in starts[-4:]:
            m = _TIMEX_RE.match(raw, w0, end)
            if m and m.end() > a0:
                found.append((m.lastgroup, m))
                pos = m.end()
                break
    return found


def _getter(m: re.Match, alt: str):
    """Group accessor for one alternative's named groups; None for a group the alternative lacks."""
    prefix = alt + "__"
    return lambda k: m.group(prefix + k) if prefix + k in _GROUP_INDEX else None


def _sentence_spans(sentences) -> Iterable[tuple[int, int, int]]:
    if isinstance(sentences, pd.DataFrame):
        missing = {"sent_id", "start", "end"} - set(sentences.columns)
        if missing:
            raise ValueError(f"sentences lack columns {sorted(missing)}")
        return zip(sentences["sent_id"].tolist(), sentences["start"].tolist(), sentences["end"].tolist())
    return sentences


def extract_timexes(doc_id: str, raw: str, sentences, published=None, published_precision=None,
                    references: Sequence[Reference] | None = None) -> list[Timex]:
    """Temporal expressions of one document's body sentences, resolved.

    ``sentences`` is a DataFrame with ``sent_id, start, end`` (offsets into ``raw``) or an iterable of
    such triples, in document order. ``published`` (Timestamp, or None/NaT when unknown) is read at
    ``published_precision`` ('day'|'month'|'year'). ``references`` defaults to the project's
    reference dates (:func:`load_references`). Returns :class:`Timex` rows whose offsets index ``raw``.
    """
    if not isinstance(raw, str):
        raise TypeError(f"{doc_id}: raw must be str, got {type(raw).__name__}")
    state = _State(publication_tuple(published, published_precision),
                   load_references() if references is None else tuple(references))
    rows: list[Timex] = []
    for sent_id, start, end in _sentence_spans(sentences):
        if not 0 <= start <= end <= len(raw):
            raise ValueError(f"{doc_id}: sentence {sent_id} offsets {start}:{end} fall outside the text "
                             f"({len(raw)} characters)")
        sentence = raw[start:end]
        matches = _find(raw, start, end)
        covered = start
        for alt, m in matches:
            if m.start() < covered:
                continue
            res = _resolve(alt, _getter(m, alt), m, sentence, start, state, matches)
            if res is None:
                continue
            kind, value, end_value, anchor, t_end = res
            t_end = min(t_end, end)
            covered = t_end
            if isinstance(value, tuple) and kind != "decade":
                state.narrative = value
            rows.append(Timex(doc_id, int(sent_id), m.start(), t_end, raw[m.start():t_end], kind,
                              iso(value) if value else "", iso(end_value) if end_value else "", anchor))
    return rows


def timex_frame(rows: Iterable[Timex]) -> pd.DataFrame:
    """Rows as a DataFrame with the :data:`COLUMNS` (empty strings for missing values)."""
    frame = pd.DataFrame.from_records(list(rows), columns=COLUMNS)
    return frame.astype({"sent_id": "int64", "start": "int64", "end": "int64"})


def corpus_timexes(corpus) -> pd.DataFrame:
    """The temporal expressions of every body sentence of a loaded corpus (``corpus.timexes``)."""
    docs = corpus.documents
    sents = corpus.sentences.sort_values(["doc_id", "start"], kind="stable")
    spans: dict[str, list] = {}
    for doc_id, sent_id, start, end in zip(sents["doc_id"].tolist(), sents["sent_id"].tolist(),
                                           sents["start"].tolist(), sents["end"].tolist()):
        spans.setdefault(doc_id, []).append((sent_id, start, end))
    refs = load_references()
    rows: list[Timex] = []
    for doc_id, raw, published, precision in zip(docs.index.tolist(), docs["raw"].tolist(),
                                                 docs["published"].tolist(),
                                                 docs["published_precision"].tolist()):
        rows.extend(extract_timexes(doc_id, raw, spans.get(doc_id, ()), published, precision, refs))
    return timex_frame(rows)
