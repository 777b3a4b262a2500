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
# The first stop of a run is found as a stop not preceded by one.
# The look-ahead's white space is captured (group 1): where it ends, the next sentence starts, trimmed.
# A candidate is also a paragraph join of an agency archive that stores a story on one line: a stop or a
# colon, any closing quotes, then one or more commas with white space between them before the capital
# ("Friday., ,  The ...", 'nation.",  The'). The look-ahead's group 2 holds the join's commas and white
# space, read once (possessive); a colon is a candidate only before a join.
_TAIL = r"[\"'”’)\]»]*+(?=(?:(\s++)|(\s*+,[\s,]*+))[\"'“‘(\[«]?[A-Z0-9])"
_CANDIDATE = re.compile(r"[.!?:](?:(?<=:)|(?<=[.!?])(?<![.!?][.!?])[.!?]*+)" + _TAIL)
# The same candidates, by their first character: a pattern that opens with one literal character is
# searched for as fast as ``str.find`` (a class of characters is tested character by character, several
# times slower). Candidates never overlap (the characters after the first are stops, which cannot open
# one, or closing quotes), so the four scans together find what :data:`_CANDIDATE` finds.
_BY_FIRST = tuple((c, re.compile(re.escape(c) + ("" if c == ":" else r"(?<![.!?][.!?])[.!?]*+") + _TAIL))
                  for c in ".!?:")
_STOPS = frozenset(".!?:\"'”’)]»")
_LEADING_SPACE = re.compile(r"\s*+")
_LOOK_BACK = 30  # characters searched for the word before a stop (longer words are not abbreviations)
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_NEXT_WORD = re.compile(r"\s++[\"'“‘(\[«]?([A-Za-z0-9]{1,40})")


def _is_boundary(text: str, stop_start: int, stop_end: int) -> bool:
    if text[stop_start] != ".":
        return True  # '!' and '?' always end a sentence when a capital follows
    # The word before the stop cannot hold a space: the search starts after the last one in the window.
    lo = max(0, stop_start - _LOOK_BACK)
    m = _WORD_BEFORE.search(text, max(lo, text.rfind(" ", lo, stop_start) + 1), stop_start + 1)
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
    out: list[tuple[int, int]] = []
    _sentences(text, start, end, _candidates(text, start, end), out)
    return out


def _candidates(text: str, start: int, end: int) -> list[re.Match]:
    """The matches of :data:`_CANDIDATE` in ``text[start:end]``, in order (found by :data:`_BY_FIRST`)."""
    found: list[re.Match] = []
    scans = 0
    for c, pattern in _BY_FIRST:
        if text.find(c, start, end) >= 0:
            found.extend(pattern.finditer(text, start, end))
            scans += 1
    if scans > 1:
        found.sort(key=re.Match.start)
    return found


def split_paragraphs(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences of each ``(start, end)`` of ``paragraphs`` (sorted, apart) in turn: the same as
    :func:`split_sentences` of each, with one scan of the text for the candidate stops.

    A candidate is kept for a paragraph when it starts in it and its look-ahead ends in it, as a scan of
    the paragraph alone would find it. That holds where no candidate runs over a paragraph's edge, which
    is where the character before the edge cannot be part of one (:data:`_STOPS`): a paragraph of the
    segmentation starts after a line end or an agency dateline's white space or dash, and ends with a line
    end or the text. Paragraphs with another edge are scanned one by one.

    >>> text = "One. Two.\\nThree\\n"
    >>> split_paragraphs(text, [(0, 10), (10, 16)]) == split_sentences(text, 0, 10) + split_sentences(text, 10, 16)
    True
    """
    out: list[tuple[int, int]] = []
    if not paragraphs:
        return out
    n = len(text)
    if any(0 < x < n and text[x - 1] in _STOPS for a, b in paragraphs for x in (a, b)):
        return [span for a, b in paragraphs for span in split_sentences(text, a, b)]
    found = _candidates(text, paragraphs[0][0], paragraphs[-1][1])
    k = 0
    for a, b in paragraphs:
        while k < len(found) and found[k].start() < a:
            k += 1
        inside = []
        while k < len(found) and found[k].start() < b:
            m = found[k]
            e = m.end(2) if m.group(2) is not None else m.end(1)  # where the look-ahead's white space ends
            if e + (2 if text[e] in _OPENERS else 1) <= b:  # and the opening quote and capital after it
                inside.append(m)
            k += 1
        if inside:
            _sentences(text, a, b, inside, out)
            continue
        paragraph = text[a:b]  # no candidate: one sentence, the paragraph trimmed (as _sentences trims it)
        rest = paragraph.rstrip()
        if rest.endswith(","):
            _sentences(text, a, b, inside, out)
        elif rest:
            out.append((b - len(paragraph.lstrip()), a + len(rest)))
    return out


_OPENERS = frozenset("\"'“‘([«")  # the optional opening quote or bracket of the look-ahead


def _sentences(text: str, start: int, end: int, candidates, out: list) -> None:
    """Append to ``out`` the sentences of ``text[start:end]``, given its candidate stops."""
    # Trimmed as they are found: a sentence ends on its stop (or closing quote), never on white space,
    # and the next starts after the white space (group 1) or the join (group 2) the look-ahead read.
    pos = _LEADING_SPACE.match(text, start, end).end()
    for m in candidates:
        if m.group(2) is not None:
            if not _is_join_boundary(text, m):
                continue
            out.append((pos, m.end()))
            pos = m.end(2)
        elif text[m.start()] != ":" and _is_boundary(text, m.start(), m.end()):
            out.append((pos, m.end()))
            pos = m.end(1)
    # The end: white space trimmed, and a closing join after a stop too (scanned back once: linear).
    rest = text[pos:end].rstrip()
    last = pos + len(rest)
    if rest.endswith(","):
        last = end
        while last > pos and (text[last - 1] == "," or text[last - 1].isspace()):
            last -= 1
        if not (last < end and last > pos and text[last - 1] in _STOPS and "," in text[last:end]):
            last = pos + len(rest)
    if pos < last:
        out.append((pos, last))
