"""The one anniversary resolver and "N years ago" reckoning (helpers.dates.anniversary)."""
import re

import pandas as pd
import pytest

from helpers.dates import anniversary as an

REFS = an.references_from_tables(
    pd.DataFrame({"event_id": ["ties", "rok"], "description": ["Ties between A and B", "Ties with C"],
                  "date": ["1950-01-31", "1992-12"], "precision": ["day", "month"],
                  "aliases": ["diplomatic ties|establishment of diplomatic ties", "diplomatic ties with C"]}),
    pd.DataFrame({"kind": ["party"], "label": ["ties"], "pattern": [r"(?:the\s+)?(?:A|B|two\s+countries)"]}))


@pytest.mark.parametrize("ordinal", ["73rd", "seventy-third", 73])
def test_anniversary_of_a_reference_event_in_digits_or_words(ordinal):
    after = " of the establishment of diplomatic ties, said the minister."
    a = an.resolve_anniversary(ordinal, after, REFS)
    assert (a.n, a.reference.event_id, a.value) == (73, "ties", (2023, 1, 31))
    assert after[:a.length] == " of the establishment of diplomatic ties"


def test_longest_alias_wins_and_precision_is_the_references():
    a = an.resolve_anniversary("30th", " of diplomatic ties with C.", REFS)
    assert a.reference.event_id == "rok" and a.value == (2022, 12)


def test_parties_must_be_the_events_own():
    assert an.resolve_anniversary("60th", " of diplomatic ties between A and B", REFS).value == (2010, 1, 31)
    assert an.resolve_anniversary("60th", " of diplomatic ties between the two countries", REFS).value == (2010, 1, 31)
    other = an.resolve_anniversary("60th", " of diplomatic ties between A and Cuba", REFS)
    assert other.reference is None and other.value is None and other.length == len(" of diplomatic ties")


def test_no_reference_named():
    assert an.resolve_anniversary("5th", " of the school", REFS) is None
    assert an.resolve_anniversary("5th", " in 2011", REFS) is None


def test_find_anniversaries_in_a_sentence():
    text = "Guests marked the seventy-third anniversary of diplomatic ties and the 5th anniversary of a school."
    found = an.find_anniversaries(text, references=REFS)
    assert [(m.group(), a.value) for m, a in found] == [("seventy-third anniversary", (2023, 1, 31))]


def test_tables_must_agree():
    with pytest.raises(ValueError, match="does not define"):
        an.references_from_tables(pd.DataFrame({"event_id": ["x"], "description": ["X"], "date": ["2000"],
                                                "precision": ["year"], "aliases": ["x"]}),
                                  pd.DataFrame({"kind": ["party"], "label": ["y"], "pattern": ["A"]}))


def test_project_reference_data():
    refs = {r.event_id: r for r in an.load_references()}
    table = an.reference_dates()
    assert set(refs) == set(table["event_id"])
    assert refs["dprk_vnm_diplomatic_relations"].date == (1950, 1, 31)
    assert refs["dprk_vnm_diplomatic_relations"].parties.match("North Korea")
    assert table["date"].dtype.kind == "M"


def test_alias_pattern_allows_the_and_any_spacing():
    p = an.alias_pattern(["diplomatic ties", " "])
    assert p.match("the diplomatic\n ties") and not p.match("diplomatic tiesx")


def test_shift():
    assert an.shift((2021, 7, 14), -3, "month") == (2021, 4)
    assert an.shift((2021, 1, 14), -1, "month") == (2020, 12)
    assert an.shift((2021, 7, 14), 1, "week") == "2021-W29"
    assert an.shift((2021, 3, 1), -1, "day") == (2021, 2, 28)
    assert an.shift((2021,), -2, "decade") == (2001,)
    assert an.shift((2021,), -1, "day") is None and an.shift((2021,), 1, "month") is None


def test_n_years_ago():
    assert an.ago_offset("64 years ago") == (64, "year")
    assert an.ago_offset("Sixty-four years ago") == (64, "year")
    assert an.ago_offset("a month ago") == (1, "month")
    assert an.ago_offset("last year") is None and an.ago_offset("64 years later") is None
    assert an.date_ago("64 years ago", (2022, 5, 1)) == (1958,)
    assert an.date_ago("three days ago", (2021,)) is None and an.date_ago("64 years ago", None) is None
    assert an.year_of_writing("Sixty-four years ago", 1950) == 2014
    assert an.year_of_writing("3 months ago", 2020) is None


def test_find_ago_by_unit():
    text = "Three months ago, and 64 years ago, in 1958."
    assert an.find_ago(text).group() == "Three months ago"
    assert an.find_ago(text, unit="year").group() == "64 years ago"
    assert an.find_ago("x164 years ago") is None


def test_the_fragments_are_the_ones_the_resolver_reads():
    assert re.fullmatch(an.ANNIVERSARY, "Seventy-Third anniversary")
    assert re.fullmatch(an.AGO, "twenty five years ago")
