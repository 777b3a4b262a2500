"""The title search of the mentions layer finds exactly what the plain title pattern finds."""
from hypothesis import given, settings, strategies as st

from helpers.annotate.gazetteer import fold
from helpers.annotate.mentions import _default_kb, _resolver, _title_matches

# Pieces that make and break title matches: 'the' in every case, its look-alikes under fold and (?i),
# nationality words, title words, and the characters around them.
PIECES = ["the", "The", "THE", "tHe", "ţhe", "ſ", "İ", "\u212a", "x", "a", "-", ".", "’s", "'s", " ", "  ", "\n",
          "\u00a0", "\u2028", ",", "Vietnamese", "North Korean", "Kim", "Jong-un", "President", "president",
          "PRIME  MINISTER", "prime\nminister", "Vice President", "leader", "leaders", "founder", "Ambassador", "of"]


def _plain(title_re, raw, lo, hi):
    return [(m.span(), m.group("nat"), m.group("title")) for m in title_re.finditer(raw, lo, hi)]


def _fast(title_re, raw, lo, hi):
    return [(m.span(), m.group("nat"), m.group("title")) for m in _title_matches(_resolver(_default_kb()), raw, fold(raw), lo, hi)]


@settings(max_examples=400, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30), st.integers(0, 400), st.integers(0, 400))
def test_title_matches_equal_finditer(pieces, a, b):
    kb = _resolver(_default_kb())
    raw = "".join(pieces)
    lo, hi = sorted((min(a, len(raw)), min(b, len(raw))))
    assert _fast(kb.title_re, raw, lo, hi) == _plain(kb.title_re, raw, lo, hi)


def test_title_matches_examples():
    kb = _resolver(_default_kb())
    raw = "Kim met the President. Then the North Korean leader and THE prime  minister spoke; other presidents"
    found = _fast(kb.title_re, raw, 0, len(raw))
    assert [t[2] for t in found] == ["President", "leader", "minister"]   # "prime" read as a nationality word
    assert found == _plain(kb.title_re, raw, 0, len(raw))
