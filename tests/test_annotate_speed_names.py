"""The name search of the gazetteer matcher finds what a plain search loop finds."""
from hypothesis import given, settings, strategies as st

from helpers.annotate.gazetteer import fold
from helpers.annotate.mentions import _default_kb

PIECES = ["Kim", "Jong", "Un", "Kim Jong Un", "Kim Jong-un", "Kim Jong Unin", "Viet", "Nam", "Viet Nam", "Vietnam",
          "Vietnamese", "North", "Korea", "North Korean", "North Koreans", "Ho Chi Minh", "Ho Chi Minh City", "Hồ",
          "Chí", "Minh", "DPRK", "U.S.", "KCNA", "Laos", "a", "x", "-", ".", "’s", " ", "  ", "\n", ","]


def _reference(matcher, raw, start, end):
    """The search loop the matcher used before finditer: one search per name, a step of one after a rejection."""
    folded, marked, out, pos = fold(raw), matcher._mark(raw), [], start
    while (m := matcher._name_re.search(marked, pos, end)) is not None:
        s, e = m.span()
        key = folded[s:e]
        if key not in matcher._names:
            key = matcher._key(key)
        alone = (s == 0 or not folded[s - 1].isalnum()) and (e == len(raw) or not folded[e].isalnum())
        if raw[s] in matcher._starts and key in matcher._names and (
                alone or matcher._accept(raw, folded, s, e, matcher._multiword[key])):
            out.append((s, e, *matcher._names[key]))
            pos = e
        else:
            pos = s + 1
    return matcher._add_acronyms(raw, start, end, out) if matcher._acro_re is not None else out


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25), st.integers(0, 300), st.integers(0, 300))
def test_spans_equal_search_loop(pieces, a, b):
    matcher = _default_kb().matcher
    raw = "".join(pieces)
    lo, hi = sorted((min(a, len(raw)), min(b, len(raw))))
    assert matcher.spans(raw, lo, hi) == _reference(matcher, raw, lo, hi)
