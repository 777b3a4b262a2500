"""The test for digits outside ASCII, on a text's non-ASCII characters only, agrees with the plain search."""
from hypothesis import given, settings, strategies as st

from helpers.annotate.timex import _OTHER_DIGIT, _other_digit_in

# ASCII text, curly quotes and accents, digits of other scripts ('٣', '३', '𝟎'), digit-like non-digits ('²', '①'),
# and lone surrogates (which a text decoded with surrogateescape may hold).
CHARS = st.sampled_from(list("ab 1\n’“é٣३²①") + ["\U0001d7ce", "\ud835", "\udfce", "\udc80"])


@settings(max_examples=400, derandomize=True, deadline=None)
@given(st.lists(CHARS, max_size=30).map("".join))
def test_other_digit_in_equals_search(raw):
    assert _other_digit_in(raw) == (_OTHER_DIGIT.search(raw, 0, len(raw)) is not None)


def test_other_digit_in_parts():
    assert _other_digit_in("in ١٩٥٨ and 1958")
    assert not _other_digit_in("“1958” – ²")
    assert not _other_digit_in("a ٣ b", 0, 2) and _other_digit_in("a ٣ b", 1, 4)
