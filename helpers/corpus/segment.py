"""Split a raw article file into segments that partition it exactly.

A segment is a run of whole lines (each with its line ending and any blank
lines that follow it), labelled with a ``kind``:

``headline``
    the article's title, and any crosshead (a short heading inside the body);
``dateline``
    the line that states when (and sometimes where) the article was published:
    the date stamp by the headline or in the byline line (chosen by
    :mod:`helpers.corpus.printed_date`), or an agency dateline opening the first
    paragraph ("HANOI, Feb 27 (Yonhap) --");
``body``
    the article's prose, one segment per paragraph;
``caption``
    a photo caption (a line that credits a photo);
``boilerplate``
    page furniture: navigation before the headline, a headline or caption
    printed a second time, repost footers, "more from"/"view more"/"popular
    posts" link lists and comment headers (with everything after them), an
    agency sign-off closing the article, and the page head's other date stamps
    (``page-date``: a site header's date, a crawl date, an update stamp).

Each segment also carries a ``rule``: the reason it got its kind, so every
label can be checked. :func:`segment_text` is pure: text in, rows out. The
segments joined in order give the text back exactly, whatever its line
endings, byte order mark or stray whitespace.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import accumulate

import pandas as pd

from helpers.corpus.printed_date import AGENCY_DATELINE, agency_dateline_line, choose_stamp, read_stamp, stamp_dates
from helpers.dates.grammar import DATE
from helpers.paths import data_file

KINDS = ("headline", "dateline", "body", "caption", "boilerplate")

_TIME = r"(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*\(?[A-Z]{2,4}\)?)?)"
# The plainest stamp line: an optional label, a date (any shape of the one date grammar, a weekday allowed),
# an optional time. The page head's stamp lines are recognised by printed_date.stamp_dates, which takes every
# line this pattern matches and more (bylines, all-number and Juche dates); the pattern stays as their core.
DATELINE_LINE = re.compile(  # possessive white space (\s*+): linear on a label followed by a long run of spaces
    rf"^(?:(?:Published|Posted|Updated|Date|Last updated)\s*+(?:on|at)?\s*+:?\s*+)?"
    rf"{DATE}(?:\s*+(?:[|/,\-–—]|at)?\s*+{_TIME})?"
    rf"(?:\s*+[|/,]\s*+(?:Updated|Last updated)\s*+:?.*)?$",
    re.I,
)
# An agency dateline opening the first paragraph ("HANOI, Feb. 27 (Yonhap) -- ") is
# helpers.corpus.printed_date.AGENCY_DATELINE; the stamp lines of the page head are its stamp_dates.
# A caption line credits a photo in one of three ways. Each part is linear in the line's length: the
# credit's words are matched without backtracking, and the two closing notes are looked for only after
# the last bracket that opens before the line's final one (a regex searching each "(Source:" for the
# line's end would read the rest of the line once per opener: quadratic).
CAPTION_CREDIT = re.compile(r"\b(?:Photo|Photos|Image|Picture)s?\s*+(?:by\b|:|courtesy\b|credit\b)")  # "Photo by AP"
CAPTION_SOURCE = re.compile(r"\((?:Photo|Source|Image)\s*+:")  # a line ending "(Source: KCNA)"
CAPTION_AGENCY = re.compile(r"\[[A-Z][A-Z0-9 .,&/'-]{1,60}\]")  # a line ending "[YONHAP]"
REPOST_FOOTER = re.compile(r"^The post\b.+\bappeared first on\b.+$", re.I)
# A header that opens the page's tail: link lists, comments. Everything from it on is boilerplate.
TAIL_HEADER = re.compile(
    r"^(?:(?:View |Read |See )?more (?:from|articles|stories|news|on|in)\b.*"
    r"|more articles|related(?: articles| posts| stories| news)?:?|popular posts\b.*"
    r"|(?:\d+\s+)?comments?:?|leave a (?:comment|reply)|you may also like:?|recommended(?: for you)?:?"
    r"|tags?:.*|share this(?: article)?:?)$",
    re.I,
)
_TERMINAL = ".!?\"”’)»…:"


@lru_cache(maxsize=1)
def _agency_signoff() -> re.Pattern:
    table = pd.read_csv(data_file("news_agencies.csv"), dtype=str)
    names = sorted({a.strip() for cell in table["aliases"] for a in cell.split("|")}, key=len, reverse=True)
    alt = "|".join(re.escape(n) for n in names)
    return re.compile(rf"^(?:[-–—(]\s*)?(?:{alt})\)?\.?$")


def _clean(line: str) -> str:
    return line.strip().lstrip("\ufeff").strip()


def _visible_lines(text: str) -> list[tuple[int, int, str]]:
    """(start, end, cleaned text) of each line that is not blank, the newline included in ``end``
    (only '\\n' ends a line; '\\r' stays in it)."""
    lines = text.split("\n")
    # Without a BOM in the text, cleaning a line is stripping it: done by map, in C.
    cleaned = map(_clean, lines) if "\ufeff" in text else map(str.strip, lines)
    lengths = [len(line) + 1 for line in lines]  # each line with its newline
    items = [(a, a + n, s) for a, n, s in zip(accumulate(lengths, initial=0), lengths, cleaned) if s]
    if items and items[-1][1] > len(text):  # the last line has no newline
        items[-1] = (items[-1][0], len(text), items[-1][2])
    return items


_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def _norm(line: str) -> str:
    """Comparison key for 'printed twice': case, quotes, dashes and spacing folded."""
    s = unicodedata.normalize("NFKC", line).casefold()
    if not s.isascii():  # the quotes and dashes folded are not ASCII
        s = s.translate(_FOLD)
    return " ".join(s.split())


def _n_words(s: str, most: int) -> int:
    """Words, counted as runs between white space (exact word counts are the loader's), up to ``most + 1``:
    enough to compare with ``most``, without splitting the rest of a long line."""
    return len(s.split(None, most))


def _is_caption(s: str) -> bool:
    """A photo credit anywhere in the line, or a line that ends with a "(Source: ...)" note (no ')' inside)
    or an "[AGENCY]" tag."""
    s = s.rstrip()
    if not s:
        return False
    if ("hoto" in s or "mage" in s or "icture" in s) and CAPTION_CREDIT.search(s):
        return True
    if s[-1] == ")":
        return CAPTION_SOURCE.search(s, s.rfind(")", 0, len(s) - 1) + 1, len(s) - 1) is not None
    if s[-1] == "]":
        opener = s.rfind("[")
        return opener >= 0 and CAPTION_AGENCY.fullmatch(s, opener) is not None
    return False


_SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]?\s++[\"“‘(]?[A-Z]")
# A paragraph join of an agency archive that stores a story's paragraphs on one line: a sentence stop
# (or a colon), any closing quotes, then two or more commas with white space between them ("Friday., ,
# The ...", "... Ukraine. , , , ,  , , ,"); one comma after a stop is often an abbreviation's ("the C.C.,
# the ..."). Possessive: each run of commas is read once.
PARAGRAPH_JOIN = re.compile(r"[.!?:][\"'”’)\]»]*+\s*+,\s*+,[\s,]*+")


def _is_joined_paragraphs(s: str) -> bool:
    """Sentences joined into one line by paragraph joins (:data:`PARAGRAPH_JOIN`), as an agency archive
    stores a story. Each join holds the stop that ends the piece before it; the line ends with a join,
    each piece opens as a sentence does (a capital, a digit or an opening quote), the pieces average at
    least five words and at least a quarter of the words are lower case (a list of Capitalised titles is
    not prose). A navigation bar, a link list or a tag cloud of short comma-separated items fails."""
    pieces = [p.strip() for p in PARAGRAPH_JOIN.split(s)]
    if len(pieces) < 2 or pieces[-1]:  # no join, or text after the last one
        return False
    pieces.pop()
    if not all(p and (p[0].isupper() or p[0].isdigit() or p[0] in "\"'“‘([«") for p in pieces):
        return False
    words = [w for w in s.split() if w[0].isalpha()]
    return len(words) >= 5 * len(pieces) and sum(w[0].islower() for w in words) >= 0.25 * len(words)


def _is_prose(s: str) -> bool:
    """Running text: several words, and a sentence-final character or a sentence break inside,
    or paragraphs joined on one line (:func:`_is_joined_paragraphs`), or else a long line in which most
    words are lower case (a navigation bar is mostly Capitalised)."""
    if len(s.split(None, 6)) < 6:  # fewer than 6 words (_n_words, inlined)
        return False
    if s[-1] in _TERMINAL or _SENTENCE_BREAK.search(s):
        return True
    if s[-1] == "," and _is_joined_paragraphs(s):
        return True
    words = s.split()
    return len(words) >= 20 and sum(w[:1].islower() for w in words) >= 0.5 * len(words)


def _is_title(s: str) -> bool:
    """A headline: a few words, not ending as a sentence or a label does (a question is allowed)."""
    return 2 <= _n_words(s, 25) <= 25 and s[-1] not in ".!:;,"


def classify_lines(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, kind, rule) for each non-blank line; blank lines are left to :func:`segment_text`."""
    return _classify(text)[0]


def _classify(text: str) -> tuple[list[tuple[int, int, str, str]], dict[str, list]]:
    """:func:`classify_lines`, and the :func:`helpers.corpus.printed_date.stamp_dates` of each date stamp
    line of the page head, by the line's stripped text (so the dateline is not read twice)."""
    items = _visible_lines(text)
    out: list[tuple[int, int, str, str]] = []
    signoff = _agency_signoff()
    seen_captions: set[str] = set()
    headline_key = None
    body_started = False
    tail_rule = None
    last_body_idx = None
    # The header runs to the first paragraph of prose; its headline is the title-like line nearest to
    # that paragraph (navigation bars come first), and the first copy of it when it is printed twice.
    first_prose = next((i for i, (_, _, s) in enumerate(items)
                        if _is_prose(s) and not _is_caption(s)), len(items))
    # The date stamps of the header and of the two lines after its first paragraph (line index -> its dates);
    # which one dates the article is chosen below.
    stamps = {i: d for i, (_, _, s) in enumerate(items[:first_prose + 3])
              if i != first_prose and (d := stamp_dates(s)) is not None}
    head_keys = [_norm(s) for _, _, s in items[:first_prose]]  # each line of the header is compared
    titles = [head_keys[i] for i, (_, _, s) in enumerate(items[:first_prose])
              if _is_title(s) and i not in stamps and not agency_dateline_line(s) and not _is_caption(s)]
    headline_wanted = titles[-1] if titles else None
    for i, (a, b, s) in enumerate(items):
        if tail_rule:
            out.append((a, b, "boilerplate", tail_rule))
            continue
        if s[0] in "Tt" and s[:8].lower() == "the post" and REPOST_FOOTER.match(s):  # (only 'T' lowers to 't')
            out.append((a, b, "boilerplate", "repost-footer"))
            continue
        if len(s) < 60 and out and TAIL_HEADER.match(s):
            tail_rule = "comments" if re.match(r"^(?:\d+\s+)?comments?|leave a", s, re.I) else "link-list"
            out.append((a, b, "boilerplate", tail_rule))
            continue
        if i in stamps:
            out.append((a, b, "dateline", "dateline"))
            continue
        if not body_started and i < first_prose and agency_dateline_line(s):  # on a line of its own
            out.append((a, b, "dateline", "agency-dateline"))
            continue
        caption = (s[-1] in ")]" or "hoto" in s or "mage" in s or "icture" in s) and _is_caption(s)  # cheap test first
        key = (head_keys[i] if i < first_prose
               else _norm(s) if caption or (headline_key and abs(len(s) - len(headline_key)) < 8) else None)
        if caption:
            if key in seen_captions:
                out.append((a, b, "boilerplate", "duplicate-caption"))
            else:
                seen_captions.add(key)
                out.append((a, b, "caption", "photo-credit"))
            continue
        if headline_key is not None and key == headline_key:
            out.append((a, b, "boilerplate", "duplicate-headline"))
            continue
        if i < first_prose:
            if headline_key is None and key == headline_wanted:
                headline_key = key
                out.append((a, b, "headline", "title"))
            else:
                out.append((a, b, "boilerplate", "navigation"))
            continue
        body_started = True
        if s[-1] not in ".!?" and _n_words(s, 10) <= 10 and not _is_prose(s):  # the cheap tests first
            out.append((a, b, "headline", "crosshead"))
            continue
        out.append((a, b, "body", "paragraph"))
        last_body_idx = len(out) - 1
    if stamps:
        _label_stamps(out, {k: v for k, v in stamps.items() if out[k][2] == "dateline"},
                      [s for _, _, s in items[:first_prose + 3]], first_prose)
    # An agency sign-off is the last line of the article proper ("Yonhap").
    if out:
        i = len(out) - 1
        while i >= 0 and out[i][2] == "boilerplate":
            i -= 1
        if i >= 0 and out[i][2] in ("headline", "body") and signoff.match(_clean(text[out[i][0]:out[i][1]])):
            out[i] = (out[i][0], out[i][1], "boilerplate", "agency-signoff")
    # An agency dateline opening the first paragraph is split off as its own segment.
    first_body = next((k for k, o in enumerate(out) if o[2] == "body"), None)
    if first_body is not None and last_body_idx is not None:
        a, b, _, _ = out[first_body]
        m = AGENCY_DATELINE.match(text, a, b)
        if m and m.end() < b:
            out[first_body:first_body + 1] = [(a, m.end(), "dateline", "agency-dateline"), (m.end(), b, "body", "paragraph")]
    return out, {items[i][2]: dates for i, dates in stamps.items()}


def segment_spans(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, kind, rule) of each segment of one raw text (:func:`segment_text` without the text).

    Whitespace-only lines join the segment before them (or the first segment,
    at the top of the file); consecutive boilerplate lines with the same rule
    form one segment. The spans partition ``text``.
    """
    return _segment(text)[0]


def _segment(text: str) -> tuple[list[tuple[int, int, str, str]], dict[str, list]]:
    """:func:`segment_spans`, and the date stamps read on the way (see :func:`_classify`)."""
    if not text:
        return [], {}
    labelled, stamps = _classify(text)
    if not labelled:
        return [(0, len(text), "boilerplate", "blank")], stamps
    merged: list[list] = []
    for a, b, kind, rule in labelled:
        if merged and kind == "boilerplate" and merged[-1][2] == kind and merged[-1][3] == rule:
            merged[-1][1] = b
        else:
            merged.append([a, b, kind, rule])
    # Close the gaps (blank lines): each segment runs to the start of the next.
    merged[0][0] = 0
    for cur, nxt in zip(merged, merged[1:]):
        cur[1] = nxt[0]
    merged[-1][1] = len(text)
    return [tuple(m) for m in merged], stamps


def segment_text(doc_id: str, text: str) -> list[dict]:
    """Segments of one raw text as rows: doc_id, seq, start, end, kind, rule, text.

    The spans are :func:`segment_spans`'. Joined in order, the segments' text is ``text``.
    """
    return [
        dict(doc_id=doc_id, seq=i, start=a, end=b, kind=kind, rule=rule, text=text[a:b])
        for i, (a, b, kind, rule) in enumerate(segment_spans(text))
    ]


def _label_stamps(out: list, stamps: dict[int, list], head: list[str], first_prose: int) -> None:
    """Of the date stamps of the page head (``stamps``: line index -> dates), the one that dates the article
    (:func:`helpers.corpus.printed_date.choose_stamp`) stays the dateline; the others are ``page-date``
    boilerplate (a site header's date, a crawl date, an update stamp beside the published one)."""
    headline = next((k for k in range(first_prose) if out[k][3] == "title"), None)
    chosen = choose_stamp(stamps, head, headline, first_prose)
    for k in stamps:
        if k != chosen:
            out[k] = (out[k][0], out[k][1], "boilerplate", "page-date")


def parse_dateline(s: str) -> pd.Timestamp | None:
    """The calendar date a dateline states (its time of day is left aside), or None.

    Read as a date stamp (:func:`helpers.corpus.printed_date.read_stamp`, over the one date grammar): a
    stamp that fixes no single day (only a year, or an all-number date that may be day-first or
    month-first) gives None.
    """
    stamp = read_stamp(s)
    return None if stamp is None or stamp.precision != "day" else pd.Timestamp(stamp.year, stamp.month, stamp.day)
