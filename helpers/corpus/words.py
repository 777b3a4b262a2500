"""Words of a body, and the share of them that are common English function words (the language test).

A word is a run of letters and digits, or several joined by single apostrophes or hyphens ("it's",
"Kim Il-sung": :data:`WORD`). :func:`word_stats` counts a body's words and its function words; on the
usual text, whose letters and digits are all ASCII, it counts them without making a string per word
(:func:`_ascii_word_stats`), with the same result as :func:`find_words` and :func:`english_share`.
"""
from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from helpers.paths import data_file

WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
# A letter or digit outside ASCII. Where there is none, [^\W_] in WORD is [A-Za-z0-9].
_NON_ASCII_ALNUM = re.compile(r"[^\x00-\x7f\W_]")


@lru_cache(maxsize=1)
def english_function_words() -> frozenset[str]:
    """The common English function words of ``helpers/data/stopwords.csv`` (lower case)."""
    return frozenset(pd.read_csv(data_file("stopwords.csv"), dtype=str)["word"].str.strip().str.lower())


def english_share(words: list[str]) -> float:
    """Share of ``words`` that are common English function words (0.0 for no words)."""
    if not words:
        return 0.0
    known = english_function_words()
    return sum(map(known.__contains__, map(str.lower, words))) / len(words)


def find_words(text: str) -> list[str]:
    """The words of ``text`` (:data:`WORD`)."""
    return WORD.findall(text)


def word_stats(text: str) -> tuple[int, float]:
    """(number of words, :func:`english_share` of them) of ``text``."""
    if not _NON_ASCII_ALNUM.search(text) and _known_pieces() is not None:
        return _ascii_word_stats(text)
    words = find_words(text)
    return len(words), english_share(words)


# ---------------------------------------------------------------- the ASCII case, without word strings
# Bytes folded by one table: letters to lower case, digits kept, apostrophes and hyphens made hyphens
# (_JOINERS) or spaces (_PIECES), everything else (including every byte of a non-ASCII character) a space.
# The runs of _PIECES are the words' pieces; a word is pieces joined by single joiners (_JOIN).
_TABLE = bytearray(b" " * 256)
for _c in b"0123456789abcdefghijklmnopqrstuvwxyz":
    _TABLE[_c] = _c
for _c in b"ABCDEFGHIJKLMNOPQRSTUVWXYZ":
    _TABLE[_c] = _c + 32
_PIECES = bytes(_TABLE)
_TABLE[ord("'")] = _TABLE[ord("-")] = ord("-")
_JOINERS = bytes(_TABLE)
# A joiner between two letters or digits (a literal first: the regex engine skips ahead to the next one).
_JOIN = re.compile(rb"-(?<=[a-z0-9]-)(?=[a-z0-9])")


@lru_cache(maxsize=1)
def _known_pieces() -> frozenset[bytes] | None:
    """The function words as bytes, or None if one is not a single piece (then the count needs strings)."""
    known = english_function_words()
    if not all(re.fullmatch("[a-z0-9]+", w) for w in known):
        return None
    return frozenset(w.encode("ascii") for w in known)


def _ascii_word_stats(text: str) -> tuple[int, float]:
    """:func:`word_stats` of a text whose letters and digits are all ASCII.

    Every piece is a word of its own but for the joins: a word of k pieces has k - 1 joins. A function
    word is one piece, so the pieces that are function words count, but for those inside a joined word.
    """
    data = text.replace("’", "'").encode("utf-8")
    pieces = data.translate(_PIECES)
    joins = [m.start() for m in _JOIN.finditer(data.translate(_JOINERS))]
    known = _known_pieces()
    every = pieces.split()
    n_words = len(every) - len(joins)
    n_known = sum(map(known.__contains__, every))
    joined = {}  # start -> piece, for each piece beside a join
    for at in joins:
        start = pieces.rfind(b" ", 0, at) + 1
        joined[start] = pieces[start:at]
        end = pieces.find(b" ", at + 1)
        joined[at + 1] = pieces[at + 1:end if end >= 0 else len(pieces)]
    n_known -= sum(map(known.__contains__, joined.values()))
    return n_words, (n_known / n_words if n_words else 0.0)
