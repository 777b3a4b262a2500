"""Which way the tense of a clause points, for dates written without a year or a week.

A day, a month or a weekday printed without its year ('on April 2', 'in October', 'on Friday') is
read against the publication date, and the tense of its clause says in which direction:
'will visit in April', written in December, is next April; 'visited on Friday' is the Friday
before. The markers (modals, 'is to', 'plans to', past forms of the verbs of news copy) are data:
``helpers/data/tense_markers.csv`` (marker, tense, evidence), read once. A clause with markers of
both kinds counts as future: 'He said the envoy will come in April'.
"""
from __future__ import annotations

import functools
import re

import pandas as pd

from helpers.paths import data_file

_CLAUSE_BREAK = re.compile(r"[,;:]")
CLAUSE_MAX = 300     # characters of a clause read on either side (a clause of a long unpunctuated run stays bounded)
_QUOTED = re.compile(r'"[^"]*"|“[^”“]*”')     # a quoted title or saying has a tense of its own


@functools.cache
def tense_patterns() -> dict[str, re.Pattern]:
    """{'future': pattern, 'past': pattern} of the markers of ``tense_markers.csv``: whole words, searched in
    lower-case text (a case-sensitive choice of words is several times faster than a case-insensitive one)."""
    table = pd.read_csv(data_file("tense_markers.csv"), dtype=str, keep_default_na=False)
    bad = set(table["tense"]) - {"future", "past"}
    if bad:
        raise ValueError(f"tense_markers.csv: unknown tense {sorted(bad)}")
    out = {}
    for tense, rows in table.groupby("tense"):
        words = sorted(set(rows["marker"].str.strip().str.lower()), key=len, reverse=True)
        whole = "|".join(_words(w) for w in words if not w.startswith("'"))
        clitics = "|".join(_words(w) for w in words if w.startswith("'"))    # "'ll" follows its word
        parts = [rf"(?<![\w'’])(?:{whole})"] + ([f"(?:{clitics})"] if clitics else [])
        out[tense] = re.compile(rf"(?:{'|'.join(parts)})(?![\w'’])")
    return out


def _words(marker: str) -> str:
    """A marker as a pattern: any white space between its words, either apostrophe."""
    return r"\s+".join(re.escape(w).replace("'", "['’]") for w in marker.split())


def clause_of(sentence: str, start: int, end: int) -> str:
    """The clause of ``sentence`` before ``start`` (offsets into the sentence); for an expression opening
    its sentence or clause ('On Tuesday, the envoy will ...') the clause after ``end`` instead. Quoted
    words are left out ('a seminar "We will win" took place on').

    >>> clause_of("On Tuesday, the envoy will fly home, aides said.", 3, 10)
    ', the envoy will fly home'
    """
    lo, hi = max(0, start - CLAUSE_MAX), min(len(sentence), end + CLAUSE_MAX)
    clause_start = max(sentence.rfind(",", lo, start), sentence.rfind(";", lo, start), sentence.rfind(":", lo, start),
                       lo - 1) + 1
    clause = sentence[clause_start:start]
    if not clause.strip(" \"'“(").lower().removeprefix("on").removeprefix("in").strip():
        nxt = _CLAUSE_BREAK.search(sentence, end, hi)
        nxt2 = _CLAUSE_BREAK.search(sentence, nxt.end(), hi) if nxt else None
        clause = sentence[end: nxt2.start() if nxt2 else hi]
    return _QUOTED.sub(" ", clause) if '"' in clause or "“" in clause else clause


def is_future(clause: str) -> bool:
    """Does the clause speak of the future? 'The envoy will fly to Hanoi on' -> True."""
    return tense_patterns()["future"].search(clause.lower()) is not None


def direction(clause: str) -> int:
    """+1 when the clause points to the future, -1 to the past, 0 when it does not say (present tense, no verb).

    >>> direction("The fair will open in"), direction("The delegation arrived here on"), direction("The fair opens in")
    (1, -1, 0)
    """
    patterns, clause = tense_patterns(), clause.lower()
    if patterns["future"].search(clause):
        return 1
    return -1 if patterns["past"].search(clause) else 0


def match_direction(m: re.Match, ctx):
    """A function that tells the :func:`direction` of the clause of match ``m`` in the sentence of ``ctx``
    (a timex Context), for a caller that may not need it."""
    return lambda: direction(clause_of(ctx.sentence, m.start() - ctx.offset, m.end() - ctx.offset))
