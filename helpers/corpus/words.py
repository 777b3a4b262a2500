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


def word_stats(text: str, at_least: float | None = None) -> tuple[int, float]:
    """(number of words, :func:`english_share` of them) of ``text``.

    With ``at_least``, the function words may be counted in the first part of the text only, when they
    are enough there for a share of at least ``at_least``: the number of words is exact; the share is
    exact below ``at_least``, and at least ``at_least`` (what the part holds) otherwise.

    >>> n, share = word_stats("The visit was a success for both of the sides. " * 20, at_least=0.15)
    >>> n, share >= 0.15, share <= word_stats("The visit was a success for both of the sides. " * 20)[1]
    (200, True, True)
    """
    data = text.encode("utf-8")
    if not data.isascii():
        data = data.replace(_RIGHT_QUOTE, b"'")  # the apostrophe of "don’t" joins as "'" does
        other = data.translate(None, _ASCII)  # the bytes of the characters beyond ASCII (a few, usually)
        if other and _NON_ASCII_ALNUM.search(other.decode("utf-8")):
            words = find_words(text)
            return len(words), english_share(words)
    if _known_pieces() is None:
        words = find_words(text)
        return len(words), english_share(words)
    return _ascii_word_stats(data, at_least)


# ---------------------------------------------------------------- the ASCII case, without word strings
# Bytes folded by one table: letters to lower case, digits kept, apostrophes and hyphens made hyphens, every
# other byte (including every byte of a character beyond ASCII) a space. A hyphen between two letters or
# digits joins them into one word ("il-sung"); any other is loose, and separates as a space does ("a--b" is
# two words, "-the-" one).
_TABLE = bytearray(b" " * 256)
for _c in b"0123456789abcdefghijklmnopqrstuvwxyz":
    _TABLE[_c] = _c
for _c in b"ABCDEFGHIJKLMNOPQRSTUVWXYZ":
    _TABLE[_c] = _c + 32
_TABLE[ord("'")] = _TABLE[ord("-")] = ord("-")
_JOINERS = bytes(_TABLE)
_ASCII = bytes(range(128))
_MARKS = bytes(b if b == ord(" ") else ord("a") for b in range(256))  # each byte of a token as "a"
_RIGHT_QUOTE = "’".encode("utf-8")
# A loose hyphen: not between two letters or digits. The pattern opens with the literal hyphen, so the regex
# engine skips ahead to the next one (a hyphen is rare; a loose one rarer).
_LOOSE_HYPHEN = re.compile(rb"-(?:(?<![a-z0-9]-)|(?![a-z0-9]))")


@lru_cache(maxsize=1)
def _known_pieces() -> frozenset[bytes] | None:
    """The function words as bytes, or None if one is not a single piece (then the count needs strings)."""
    known = english_function_words()
    if not all(re.fullmatch("[a-z0-9]+", w) for w in known):
        return None
    return frozenset(w.encode("ascii") for w in known)


def _ascii_word_stats(data: bytes, at_least: float | None = None) -> tuple[int, float]:
    """:func:`word_stats` of a text's UTF-8 bytes whose letters and digits are all ASCII (a right single
    quotation mark already made an apostrophe).

    Once every loose hyphen of the folded text (:data:`_LOOSE_HYPHEN`) is a space, each token is one word
    (its hyphens join pieces), and a function word if it is one (no function word holds a hyphen). The
    tokens are counted without being made (the starts of runs of non-spaces); the function words are
    counted a quarter of the text at a time (with ``at_least``, until they make the share wanted).
    """
    folded = _LOOSE_HYPHEN.sub(b" ", data.translate(_JOINERS))
    known = _known_pieces()
    marks = folded.translate(_MARKS)
    n_words = marks.count(b" a") + marks.startswith(b"a")
    need = n_words + 1 if at_least is None else at_least * n_words
    n_known, start, step = 0, 0, len(folded) if at_least is None else len(folded) // 4 + 1
    while start < len(folded) and not (n_words and n_known >= need):
        cut = folded.find(b" ", start + step)  # a quarter of the text at a time, in whole tokens
        cut = len(folded) if cut < 0 else cut
        n_known += sum(map(known.__contains__, folded[start:cut].split()))
        start = cut
    return n_words, (n_known / n_words if n_words else 0.0)
