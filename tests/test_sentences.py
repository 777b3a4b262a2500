"""split_sentences on hostile text: long runs of stops, and the properties every split keeps.

The big inputs are sizes at which the earlier rule took minutes (a run of 64,000 dots: 47 s; 1 MB: hours);
the assertions are on the result, not the time (the time is measured by benchmarks/bench_adversarial.py).
"""
import re

from hypothesis import given, settings, strategies as st

from helpers.corpus.sentences import _CANDIDATE, _candidates, split_paragraphs, split_sentences

# The candidate rule before it was made linear: the same matches, found in quadratic time on a run of stops.
REFERENCE_CANDIDATE = re.compile(r"[.!?]+[\"'”’)\]»]*(?=\s+[\"'“‘(\[«]?[A-Z0-9])")
ALPHABET = st.sampled_from(list("aZx.!?.\"'”’)]»“‘([« \n\t0J") + ["U.S.", "Mr.", " The", " the", "..."])
TEXTS = st.lists(ALPHABET, max_size=60).map("".join) | st.text(max_size=80)
FUZZ = settings(max_examples=300, derandomize=True, deadline=None)


def test_a_long_run_of_dots_is_one_sentence():
    text = "a" + "." * 1_000_000 + " x"
    assert split_sentences(text) == [(0, len(text))]


def test_a_long_run_of_stops_before_a_capital_ends_the_sentence_once():
    text = "It ended" + "?!." * 300_000 + " Then it began."
    cut = len("It ended") + 900_000
    assert split_sentences(text) == [(0, cut), (cut + 1, len(text))]


def test_a_long_word_after_an_acronym():
    word = "Q" * 1_000_000
    text = f"They met in the U.S. {word} came."
    assert [text[a:b] for a, b in split_sentences(text)] == [text]


@FUZZ
@given(TEXTS)
def test_the_candidate_rule_finds_what_the_earlier_rule_found(text):
    assert [m.span() for m in _CANDIDATE.finditer(text)] == [m.span() for m in REFERENCE_CANDIDATE.finditer(text)]


@FUZZ
@given(TEXTS, st.integers(0, 10), st.integers(0, 10))
def test_sentences_are_ordered_trimmed_and_cover_every_visible_character(text, cut_start, cut_end):
    start, end = min(cut_start, len(text)), max(min(cut_start, len(text)), len(text) - cut_end)
    spans = split_sentences(text, start, end)
    covered = set()
    previous_end = start
    for a, b in spans:
        assert previous_end <= a < b <= end
        assert not text[a].isspace() and not text[b - 1].isspace()
        covered.update(range(a, b))
        previous_end = b
    visible = {i for i in range(start, end) if not text[i].isspace()}
    assert visible <= covered


JOINS = st.lists(st.sampled_from(list("aZ.!?:,\"”’)»“( \n0") + ["U.S.", "Mr.", " The", "., , The", ":  A", "\n\n"]),
                 max_size=60).map("".join)


@FUZZ
@given(JOINS | TEXTS)
def test_the_candidates_by_first_character_are_the_candidates(text):
    def key(matches):
        return [(m.span(), m.span(1), m.span(2)) for m in matches]

    assert key(_candidates(text, 0, len(text))) == key(_CANDIDATE.finditer(text))


@FUZZ
@given(JOINS | TEXTS, st.lists(st.integers(0, 80), max_size=8), st.lists(st.booleans(), min_size=9, max_size=9))
def test_paragraphs_split_in_one_scan_as_one_by_one(text, cuts, keep):
    """Paragraphs at line ends (as segmentation makes them) and at any other place (scanned one by one)."""
    lines = [i + 1 for i, c in enumerate(text) if c == "\n"]
    edges = sorted({0, len(text), *lines, *(c for c in cuts if c <= len(text))})
    paragraphs = [(a, b) for (a, b), k in zip(zip(edges, edges[1:]), keep * len(edges)) if k]
    expected = [span for a, b in paragraphs for span in split_sentences(text, a, b)]
    assert split_paragraphs(text, paragraphs) == expected
