"""Sentence boundaries inside a paragraph, with offsets.

A boundary is a '.', '!' or '?' (with any closing quotes or brackets after it)
followed by white space and a capital letter, a digit or an opening quote,
unless the word before the stop is an abbreviation (``Mr.``, ``Jan.``), an
initial (``J.``) or a dotted acronym (``U.S.``). After an acronym a new
sentence starts only when the next word is a usual sentence opener
("the U.S. Both received ..."), so "U.S. President" stays whole.

Every rule runs in time linear in its input, whatever the text: a candidate
stop starts only at the first character of a run of stops and its quantifiers
are possessive (no backtracking into a run), and the look back at the word
before a stop and the look ahead at the word after it read a bounded window.
"""
from __future__ import annotations

import re

from helpers.dates.grammar import MONTH_ABBREVIATIONS

ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt sgt cmdr adm gov sen rep rev hon pres st jr sr no nos vol vols
    inc ltd co corp bros dept est approx fig vs etc al
    mon tue tues wed thu thur thurs fri sat sun e.g i.e a.m p.m""".split()
) | {a.lower() for a in MONTH_ABBREVIATIONS}
# Words that open a sentence after an acronym that ends one ("... the U.S. Both received").
OPENERS = frozenset(
    """a an the this that these those it its he she they we i you his her their our both but and or so yet
    however meanwhile in on at for after before when while if as there here what who why how some many
    most all each one two three no not""".split()
)
# A run of stops, any closing quotes or brackets, then white space and a capital, digit or opening quote.
# It starts only where a run of stops starts, and never gives back what it matched: without the look
# back a run of n dots is tried from each of its n characters, each try reading to the run's end (n**2).
# The first stop of a run is found as a stop not preceded by one. The pattern opens with one character class
# of every stop and the colon, then tells them apart by look-behinds: with that class first, the regex
# engine skips ahead to the next '.', '!', '?' or ':' instead of trying the pattern at every character
# (an alternation of the two openings would be tried at every character: twice the time).
# The look-ahead's white space is captured (group 1): where it ends, the next sentence starts, trimmed.
# A candidate is also a paragraph join of an agency archive that stores a story on one line: a stop or a
# colon, any closing quotes, then one or more commas with white space between them before the capital
# ("Friday., ,  The ...", 'nation.",  The'). The look-ahead's group 2 holds the join's commas and white
# space, read once (possessive); a colon is a candidate only before a join.
_CANDIDATE = re.compile(r"[.!?:](?:(?<=:)|(?<=[.!?])(?<![.!?][.!?])[.!?]*+)[\"'”’)\]»]*+"
                        r"(?=(?:(\s++)|(\s*+,[\s,]*+))[\"'“‘(\[«]?[A-Z0-9])")
_STOPS = frozenset(".!?:\"'”’)]»")
_LEADING_SPACE = re.compile(r"\s*+")
_LOOK_BACK = 30  # characters searched for the word before a stop (longer words are not abbreviations)
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_NEXT_WORD = re.compile(r"\s++[\"'“‘(\[«]?([A-Za-z0-9]{1,40})")


def _is_boundary(text: str, stop_start: int, stop_end: int) -> bool:
    if text[stop_start] != ".":
        return True  # '!' and '?' always end a sentence when a capital follows
    m = _WORD_BEFORE.search(text, max(0, stop_start - _LOOK_BACK), stop_start + 1)
    if not m:
        return True
    word = m.group(1)
    low = word.lower().rstrip(".")
    acronym = "." in word.rstrip(".") and all(len(p) <= 2 for p in word.rstrip(".").split("."))
    if acronym or (len(word) == 1 and word.isupper()):
        nxt = _NEXT_WORD.match(text, stop_end)
        # "J. A. Smith": a one-letter word after an initial is another initial.
        return bool(nxt) and len(nxt.group(1)) > 1 and nxt.group(1).lower() in OPENERS
    return low not in ABBREVIATIONS


def _is_join_boundary(text: str, m: re.Match) -> bool:
    """A paragraph join ends a sentence when it holds two commas or more; a single comma after a stop
    ends one unless the stop is an abbreviation's or an acronym's ("the U.S., Japan")."""
    if m.group(2).count(",") >= 2:  # (the joins are apart: counting them all is linear)
        return True
    return text[m.start()] == ":" or _is_boundary(text, m.start(), m.end())


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each sentence in ``text[start:end]``, white space trimmed off both ends.

    Paragraphs joined on one line by commas ("Friday., ,  The ...") are split at the join, and the commas
    belong to no sentence: a sentence ends on its stop or closing quote, and a run of commas and white
    space closing the text after a stop is left out of the last one.
    """
    end = len(text) if end is None else end
    # Trimmed as they are found: a sentence ends on its stop (or closing quote), never on white space,
    # and the next starts after the white space (group 1) or the join (group 2) the look-ahead read.
    out, pos = [], _LEADING_SPACE.match(text, start, end).end()
    for m in _CANDIDATE.finditer(text, start, end):
        if m.group(2) is not None:
            if not _is_join_boundary(text, m):
                continue
            out.append((pos, m.end()))
            pos = m.end(2)
        elif text[m.start()] != ":" and _is_boundary(text, m.start(), m.end()):
            out.append((pos, m.end()))
            pos = m.end(1)
    # The end: white space trimmed, and a closing join after a stop too (scanned back once: linear).
    last = end
    while last > pos and (text[last - 1] == "," or text[last - 1].isspace()):
        last -= 1
    if not (last < end and last > pos and text[last - 1] in _STOPS and "," in text[last:end]):
        last = end
        while last > pos and text[last - 1].isspace():
            last -= 1
    if pos < last:
        out.append((pos, last))
    return out
