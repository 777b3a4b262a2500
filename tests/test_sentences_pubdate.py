"""Sentence splitting and publication-date inference on text that is not from the seeds."""
import pandas as pd
import pytest

from helpers.corpus.pubdate import infer_published
from helpers.corpus.sentences import split_sentences


def sentences(text):
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize("text, expected", [
    ("Mr. Nguyen met Dr. Ri on Jan. 5. They talked.", ["Mr. Nguyen met Dr. Ri on Jan. 5.", "They talked."]),
    ("The U.S. State Department said so. It was late.", ["The U.S. State Department said so.", "It was late."]),
    ("Both sides blamed the U.S. The talks ended.", ["Both sides blamed the U.S.", "The talks ended."]),
    ("Author J. R. Kim wrote it. Then he left.", ["Author J. R. Kim wrote it.", "Then he left."]),
    ('"We will win," he said. "Certainly!" She agreed.', ['"We will win," he said.', '"Certainly!"', "She agreed."]),
    ("He asked “Why now?” and left. Next day came.", ["He asked “Why now?” and left.", "Next day came."]),
    ("Prices rose 2.5 percent in 2020. Rice fell.", ["Prices rose 2.5 percent in 2020.", "Rice fell."]),
])
def test_split_sentences(text, expected):
    assert sentences(text) == expected


def _infer(text):
    return infer_published(text, split_sentences(text))


def test_anniversary_of_a_reference_event_gives_month_when_the_month_is_named():
    inf = _infer("January 31 marks the 70th anniversary of the establishment of diplomatic relations. Ties grow.")
    assert inf.published == pd.Timestamp("2020-01-01") and inf.precision == "month"


def test_anniversary_without_the_month_gives_the_year():
    inf = _infer("This year is the 60th anniversary of diplomatic ties between the two countries.")
    assert inf.published == pd.Timestamp("2010-01-01") and inf.precision == "year"


@pytest.mark.parametrize("ordinal", ["73rd", "seventy-third", "Seventy-third"])
def test_anniversary_ordinal_in_digits_or_words(ordinal):
    inf = _infer(f"January 31 is the {ordinal} anniversary of the establishment of the diplomatic relations.")
    assert inf.published == pd.Timestamp("2023-01-01") and inf.precision == "month"
    assert inf.evidence.startswith("anniversary: 73 years after establishment of diplomatic relations")


def test_anniversary_with_other_parties_is_not_the_reference_event():
    assert _infer("This year is the 60th anniversary of diplomatic ties between Vietnam and Cuba.") is None


def test_elapsed_time_with_a_unit_other_than_years_does_not_date_the_page():
    assert _infer("Three months ago, in 2019, a school opened.") is None
    assert _infer("A year ago, in 2019, a school opened.").published == pd.Timestamp("2020-01-01")


def test_an_anniversary_dated_in_the_sentence_is_not_the_time_of_writing():
    assert _infer("On the 55th anniversary of diplomatic ties in 2005, a gala was held.") is None


def test_elapsed_time_in_words_and_conflicts():
    inf = _infer("Sixty-four years ago, in 1950, ties were set up. Ten years ago, in 2011, a school opened.")
    assert inf.published.year == 2021
    assert "other statements imply 2014" in inf.evidence


def test_no_dating_statement():
    assert _infer("The delegation arrived in Hanoi. It left on Friday.") is None
    assert _infer("The bridge was built 30 years ago.") is None
