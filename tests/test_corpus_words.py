"""helpers.corpus.words and the duplicate check: the fast paths give the results of the plain definitions."""
from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.corpus.files import FirstCopies, content_digest
from helpers.corpus.words import english_share, find_words, word_stats

PIECES = ["the", "The", "of", "Kim", "Il-sung", "it's", "don’t", "-", "'", "’", " ", "\n", ",", ".", "1957",
          "x_y", "Hà", "Nội", "ü", "AND", "a-b-", "--", "''", "9"]
TEXTS = st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=30).map("".join)


@settings(max_examples=300, derandomize=True, deadline=None)
@given(TEXTS)
def test_word_stats_equal_the_plain_definition(text):
    words = find_words(text)
    n, share = word_stats(text)
    assert n == len(words)
    assert abs(share - english_share(words)) < 1e-12


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from(PIECES + ["visit", "relations", " - ", "-the", "of--the"]), max_size=60).map("".join),
       st.sampled_from([0.15, 0.3, 0.6]))
def test_word_stats_with_a_bar_count_words_exactly_and_the_share_as_far_as_the_bar(text, bar):
    words = find_words(text)
    n, share = word_stats(text, at_least=bar)
    assert n == len(words)
    exact = english_share(words)
    if exact < bar:
        assert abs(share - exact) < 1e-12
    else:
        assert bar - 1e-12 <= share <= exact + 1e-12


@settings(max_examples=200, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from(["a b", "a  b", "\ufeffa b", "a b\n", "b a", "x" * 120, "x" * 120 + "y", "y"]),
                min_size=1, max_size=8))
def test_first_copies_finds_the_first_text_with_the_same_content(texts):
    seen = FirstCopies()
    for i, text in enumerate(texts):
        expected = next(f"t{j}" for j, t in enumerate(texts) if content_digest(t) == content_digest(text))
        assert seen.first(f"t{i}", text) == expected


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from(["a", ".", "txt", "b.", " ", "é"]), max_size=6).map("".join))
def test_stem_of_a_file_name_is_pathlib_s(name):
    from pathlib import PurePosixPath

    from helpers.corpus.load import _stem

    name = name.replace("/", "") + ".txt"
    assert _stem(name) == PurePosixPath(name).stem


def _plain_key(text: str) -> tuple[str, str]:
    """The duplicate key by its definition: the ends of the whole text normalised (NFC), white space out."""
    t = unicodedata.normalize("NFC", text.lstrip("\ufeff"))
    head, tail = "".join(t[:400].split()), "".join(t[-400:].split())
    if len(head) < 100 or len(tail) < 100:
        head = tail = "".join(t.split())
    return head[:100], tail[-100:]


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from(["a", "e", " ", "\n", "\u0301", "\u0327", "\u0302", "\ufeff", "Hà Nội", "\u1100",
                                 "\u1161", "\u11a8", "x" * 60, " " * 40, "\u2126", "\u0958", "A\u030a", " \u0301"]),
                max_size=200).map("".join))
def test_duplicate_key_normalises_only_the_ends_with_the_same_result(text):
    from helpers.corpus.files import duplicate_key

    assert duplicate_key(text) == _plain_key(text)
