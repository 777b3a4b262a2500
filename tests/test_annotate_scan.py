"""The fast searches of helpers.annotate.scan find exactly what the plain patterns find."""
import re

from hypothesis import given, settings, strategies as st

from helpers.annotate.gazetteer import fold
from helpers.annotate.mentions import _default_kb
from helpers.annotate.people import people_rules
from helpers.annotate.scan import word_start_matches

# Pieces that make and break role matches: roles, the words after them, and what may stand before a word.
PIECES = ["minister", "Minister", "prime minister", "editor-in-chief", "col.", "gen.", "general", "secretary",
          "of", "for", "the", "its", "Kim", "Song", "a", "x", "1", "_", "-", ".", "'", "(", "“", "ß", "é", "한",
          " ", "  ", "\n", ","]


def _plain(rx, text, lo, hi):
    """``(?<!\\w)rx`` as finditer gives it."""
    return [m.span() for m in re.compile(r"(?<!\w)(?:" + rx.pattern + ")").finditer(text, lo, hi)]


@settings(max_examples=400, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30), st.integers(0, 300), st.integers(0, 300))
def test_word_start_matches_equal_finditer(pieces, a, b):
    rules = people_rules(_default_kb())
    text = fold("".join(pieces))
    lo, hi = sorted((min(a, len(text)), min(b, len(text))))
    fast = [m.span() for m in word_start_matches(rules.title_re, rules.title_head, text, lo, hi)]
    assert fast == _plain(rules.title_re, text, lo, hi)


def test_word_start_matches_examples():
    rules = people_rules(_default_kb())
    text = fold("Minister Kim, (editor-in-chief Ro) and the vice-minister of Trade; xminister Le")
    found = [text[slice(*m.span())].strip() for m in word_start_matches(rules.title_re, rules.title_head, text, 0,
                                                                          len(text))]
    assert found == ["minister", "editor in chief", "vice minister of"]
    assert [m.span() for m in word_start_matches(rules.title_re, rules.title_head, text, 0, len(text))] \
        == _plain(rules.title_re, text, 0, len(text))
