"""People the gazetteer lacks, found by name shape, title and role, on sentences invented for the tests."""
from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

from helpers.annotate.mentions import extract_mentions, unknown_person_names
from helpers.annotate.people import find_people, is_provisional, provisional_id, shape
from helpers.corpus.sentences import split_sentences
from helpers.knowledge import load_knowledge

KB = load_knowledge()


def people(raw: str) -> list[tuple[str, str, str]]:
    """(name, cue, nationality) of each provisional person in ``raw`` (one sentence span per sentence)."""
    spans = [(a, b, i) for i, (a, b) in enumerate(split_sentences(raw))]
    return [(raw[p.start:p.end], p.cue, p.nationality) for p in find_people(raw, spans, KB)]


def names(raw: str) -> list[str]:
    return [n for n, _, _ in people(raw)]


@pytest.mark.parametrize("raw, expected", [
    ("Yesterday Ri Sun Ok spoke.", ["Ri Sun Ok"]),                          # Korean, three syllables
    ("The guests met O Chol Su at noon.", ["O Chol Su"]),                    # a one-letter family name
    ("Pham Thi Thu Ha opened the fair.", ["Pham Thi Thu Ha"]),               # Vietnamese, four words
    ("Trần Văn Hùng arrived.", ["Trần Văn Hùng"]),                           # with diacritics
    ("Lee Jae-sung met reporters.", ["Lee Jae-sung"]),                       # two words, hyphenated given name
    ("The talks with Kim Dong ended.", []),                                  # two words, no other cue
    ("Do Son is a beach town.", []),
    ("Kim Chol University of Science opened.", []),                          # a longer name: an institution
    ("Pak Yong Su Street was renamed.", []),
])
def test_name_shape(raw, expected):
    assert names(raw) == expected


def test_title_before_finds_names_of_any_shape():
    found = people("The group was led by Editor-in-Chief Lan Phuong and Mayor Ivan Petrenko.")
    assert [(n, c) for n, c, _ in found] == [("Lan Phuong", "title"), ("Ivan Petrenko", "title")]


def test_title_before_past_the_organisation_it_heads():
    raw = "A delegation headed by Chairwoman of its Central Committee Ri Sun Ok left."
    assert people(raw) == [("Ri Sun Ok", "title|name shape", "")]


def test_a_title_in_lower_case_before_an_organisation_is_no_name():
    assert names("Pak Yong Su, minister of Foreign Trade, and others were there.") == ["Pak Yong Su"]
    assert names("He met the minister of Light Industry yesterday.") == []


def test_role_after_and_stated_nationality():
    raw = "Pak Yong Su, director of a department of the WPK Central Committee, greeted Anna Berg, chairwoman of a club."
    assert people(raw) == [("Pak Yong Su", "role after|name shape", "PRK"), ("Anna Berg", "role after", "")]


def test_the_end_of_an_organisation_name_is_no_person():
    raw = "Present were the chairman of the Society for the Study of Juche Policy, a delegate of a club, and others."
    assert names(raw) == []


@pytest.mark.parametrize("raw, nationality", [
    ("Vietnamese Ambassador to the DPRK Tran Van Tam hosted a dinner.", "VNM"),  # not the country of posting
    ("DPRK Ambassador to Vietnam Ri Chol Man hosted a dinner.", "PRK"),
    ("Nguyen Van Binh, minister of Health of Vietnam, spoke.", "VNM"),
    ("Nguyen Van Binh spoke.", ""),  # the shape of a name tells no nationality
])
def test_nationality_is_what_the_text_states(raw, nationality):
    assert people(raw)[0][2] == nationality


def test_a_repeated_name_is_one_entity_with_its_nationality():
    raw = "Editor-in-Chief Lan Phuong of the Vietnamese paper arrived. Later Lan Phuong left."
    spans = [(a, b, i) for i, (a, b) in enumerate(split_sentences(raw))]
    found = find_people(raw, spans, KB)
    assert [(p.entity_id, p.cue, p.sent_id) for p in found] == [
        ("new:lan_phuong", "title", 0), ("new:lan_phuong", "repeat", 1)]
    assert {p.role for p in found} == {"Editor-in-Chief"}


def test_gazetteer_people_are_not_provisional_and_the_mentions_flag_tells_them_apart():
    raw = "Kim Jong Un received Ri Sun Ok, vice-chairwoman of a committee."
    spans = split_sentences(raw)
    sents = pd.DataFrame({"sent_id": range(len(spans)), "start": [a for a, _ in spans], "end": [b for _, b in spans]})
    m = extract_mentions(raw, sents, "t")
    assert m[["surface", "entity_id", "provisional"]].values.tolist() == [
        ["Kim Jong Un", "kim_jong_un", False], ["Ri Sun Ok", "new:ri_sun_ok", True]]
    assert m.loc[1, "cue"] == "role after|name shape" and m.loc[1, "role"] == "vice-chairwoman of a committee"
    # a provisional person is still listed as a name the gazetteer lacks
    assert unknown_person_names(raw, sents, m)["surface"].tolist() == ["Ri Sun Ok"]


def test_ids_and_shape():
    assert provisional_id("Trần Văn-Hùng") == "new:tran_van_hung"
    assert is_provisional("new:x") and not is_provisional("kim_jong_un") and not is_provisional(None)
    text = "Đỗ Mười, Nguyễn  Văn"
    assert len(shape(text)) == len(text) and shape(text) == "Do Muoi, Nguyen  Van"


_WORDS = st.sampled_from(["Kim", "Ri", "Nguyen", "Van", "Thi", "Song", "Nam", "Chol", "University", "the", "of",
                          "minister", "Director", "Editor-in-Chief", ",", ".", "Hanoi", "Vietnam", "met", "Kim Jong Un",
                          "Anna", "Berg", "Lan", "Phuong", "and"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=40))
def test_found_people_are_exact_ordered_and_never_overlap_the_gazetteer(words):
    raw = " ".join(words)
    spans = [(0, len(raw), 0)]
    known = KB.matcher.spans(raw)
    found = find_people(raw, spans, KB, known)
    assert [p.start for p in found] == sorted(p.start for p in found)
    for p in found:
        assert p.entity_id == provisional_id(raw[p.start:p.end]) and raw[p.start:p.end].strip() == raw[p.start:p.end]
        assert not any(s < p.end and p.start < e for s, e, _, _ in known)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_a_role_after_a_name_ends_before_a_verb_or_an_infinitive():
    raw = "A delegation led by Ri Sun Ok, chairwoman of its committee to visit Laos, left. Anna Berg, chairwoman of a club in Oslo left."
    spans = [(a, b, i) for i, (a, b) in enumerate(split_sentences(raw))]
    found = {raw[p.start:p.end]: (p.role, p.nationality) for p in find_people(raw, spans, KB)}
    assert found["Ri Sun Ok"] == ("chairwoman of its committee", "")
    assert found["Anna Berg"] == ("chairwoman of a club in Oslo", "")


def test_a_repeat_may_be_possessive_but_not_part_of_a_longer_word():
    raw = "Editor-in-Chief Lan Phuong arrived. Lan Phuong's visit was short. Lan Phuongs is no repeat."
    spans = [(a, b, i) for i, (a, b) in enumerate(split_sentences(raw))]
    assert [(raw[p.start:p.end], p.cue) for p in find_people(raw, spans, KB)] == [
        ("Lan Phuong", "title"), ("Lan Phuong", "repeat")]
