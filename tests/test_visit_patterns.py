"""helpers.events.patterns: a first-character guard makes a scan faster and finds exactly the same matches."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.events.patterns import first_char_guarded, visit_patterns
from helpers.knowledge import load_knowledge

PATTERNS = [
    (r"\b(?:visit(?:s|ed)?|arrived|left\s+for|toured)\b", re.IGNORECASE),
    (r"(?<!\w)(?:will|is\s+to|'ll)\b", re.IGNORECASE),
    (r"(?:President|Premier)\s+(?-i:[A-Z]\w+)", re.IGNORECASE),
    (r"[;:]|\bwhile\b", 0),
    (r"(?i)abc", 0),          # a global inline flag: compiled as it is
    (r"\w+ed\b", 0),          # may begin with any word character: no guard
]
WORDS = ["visit", "Visited", "VISITS", "arrived", "left for", "toured", "will", "'ll", "is to", "President",
         "Premier", "Kim", "ſ", "K", "İs", "while", ";", " ", ",", "x", "é", "\n", "abc", "walked"]


@settings(max_examples=150, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=14).map("".join), st.integers(0, 40), st.integers(0, 80))
def test_the_guard_finds_the_same_matches(text, lo, length):
    hi = min(len(text), lo + length)
    lo = min(lo, hi)
    for pattern, flags in PATTERNS:
        plain, guarded = re.compile(pattern, flags), first_char_guarded(pattern, flags)
        assert [(m.span(), m.groups()) for m in plain.finditer(text, lo, hi)] == \
               [(m.span(), m.groups()) for m in guarded.finditer(text, lo, hi)], (pattern, text[lo:hi])


def test_a_guard_is_added_only_where_the_first_characters_are_known():
    assert first_char_guarded(r"\bvisit\b", re.I).pattern.startswith("(?=[")
    assert first_char_guarded(r"\w+ed\b").pattern == r"\w+ed\b"
    assert first_char_guarded(r"(?i)abc").pattern == r"(?i)abc"


def test_the_shipped_visit_patterns_compile():
    pats = visit_patterns(load_knowledge())
    assert pats.trigger.search("Kim Il Sung visited Hanoi") and not pats.trigger.search("They signed an agreement.")
