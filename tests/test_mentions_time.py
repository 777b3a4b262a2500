"""People resolved in time: short forms, titles and speakers against the time a sentence is about.

The sentences are invented for the tests; the people are the shipped gazetteer's, with their lifespans and offices."""
from __future__ import annotations

import datetime
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.annotate.mentions import extract_mentions
from helpers.annotate.mentions_time import resolve_short, sentence_dates
from helpers.corpus.sentences import split_sentences
from helpers.knowledge import load_knowledge


def sents(raw: str) -> pd.DataFrame:
    spans = split_sentences(raw)
    return pd.DataFrame({"sent_id": range(len(spans)), "start": [a for a, _ in spans], "end": [b for _, b in spans]})


def resolved(raw: str, published: str, dates=None) -> list[tuple[str, str]]:
    m = extract_mentions(raw, sents(raw), "t", published=pd.Timestamp(published), dates=dates)
    return [(r.surface, r.entity_id) for r in m.itertuples() if r.form in ("short", "title")]


def year(y: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(y, 1, 1), datetime.date(y, 12, 31)


ARTICLE = ("Kim Jong Un reached Hanoi by train. Kim met the embassy staff. "
           "His grandfather Kim Il Sung had come in 1958 and 1964. After Kim's trip, the agency praised the welcome.")


def test_a_short_form_in_a_sentence_about_2019_is_not_a_man_dead_since_1994():
    # the most recent Kim is Kim Il Sung, dead long before the article's (undated) last sentence
    assert resolved(ARTICLE, "2019-02-27")[-1] == ("Kim", "kim_jong_un")


def test_a_short_form_takes_the_person_alive_when_its_sentence_is_dated():
    raw = "Kim Jong Un reached Hanoi by train. His grandfather Kim Il Sung came first. In 1964 Kim came again."
    assert resolved(raw, "2019-02-27", dates={2: year(1964)})[-1] == ("Kim", "kim_il_sung")
    # with no date in the sentence, the publication date decides
    assert resolved(raw, "2019-02-27")[-1] == ("Kim", "kim_jong_un")
    # before the article: nothing changes when the most recent person could act
    assert resolved(raw, "1990-01-01")[-1] == ("Kim", "kim_il_sung")


def test_when_no_one_with_the_short_form_was_alive_the_most_recent_is_kept():
    raw = "Kim Il Sung came to Hanoi in 1958. Kim's train is kept in a museum."
    assert resolved(raw, "2019-02-27")[-1] == ("Kim", "kim_il_sung")


def test_no_one_holds_an_office_before_taking_it():
    raw = "Kim Jong Un toured a factory. The first secretary praised the workers."
    assert resolved(raw, "2011-06-01") == []  # he became first secretary in 2012
    assert resolved(raw, "2013-06-01") == [("The first secretary", "kim_jong_un")]


def test_a_title_in_a_sentence_dated_after_a_death_names_the_living_holder():
    raw = ("Nguyen Phu Trong received the envoy. Kim Jong Il had led the party for years. "
           "On December 20, 2011 the general secretary sent a wreath.")
    day = (datetime.date(2011, 12, 20),) * 2
    assert resolved(raw, "2011-12-22", dates={2: day})[-1] == ("the general secretary", "nguyen_phu_trong")
    # dated before the death, the most recent holder is still the one named
    early = (datetime.date(2011, 6, 1),) * 2
    assert resolved(raw, "2011-12-22", dates={2: early})[-1] == ("the general secretary", "kim_jong_il")


def test_a_title_can_still_name_the_dead_when_no_one_living_fits():
    raw = "Kim Il Sung founded the air force. A photo shows the President waving on April 15, 2012."
    assert resolved(raw, "2012-04-20", dates={1: (datetime.date(2012, 4, 15),) * 2}) == [
        ("the President", "kim_il_sung")]


@settings(max_examples=60, deadline=None)
@given(st.integers(1900, 2030), st.lists(st.sampled_from(["kim_il_sung", "kim_jong_il", "kim_jong_un",
                                                            "kim_yo_jong"]), min_size=1, max_size=6))
def test_a_resolved_short_form_names_someone_alive_whenever_anyone_with_it_was(y, seen):
    from helpers.annotate.mentions import _resolver

    kb = _resolver(load_knowledge())
    when = year(y)
    got = resolve_short(kb, seen, seen[-1], "Kim", when)
    if any(kb.alive(p, when) for p in seen):
        assert kb.alive(got, when)
    else:
        assert got == seen[-1]


def test_sentence_dates_span_the_sentences_dated_expressions():
    t = pd.DataFrame({"doc_id": ["a", "a", "b"], "sent_id": [3, -1, 0], "kind": ["relative", "date", "decade"],
                      "value": ["1967", "2022-11-01", "196X"], "end_value": ["", "", ""]})
    got = sentence_dates(t)
    assert got == {"a": {3: year(1967)}, "b": {0: (datetime.date(1960, 1, 1), datetime.date(1969, 12, 31))}}
    assert sentence_dates(None) == {}


def test_the_corpus_layer_reads_the_sentences_own_dates(tmp_path: Path):
    from helpers.pipeline import load_corpus

    text = ("A look back at two visits\n\nKim Jong Un reached Hanoi by train on Tuesday. "
            "His grandfather Kim Il Sung had come twice. In November 1964 Kim came for the second time.\n")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    pd.DataFrame({"file": ["a.txt"], "outlet": ["Test Daily"], "published": ["2019-02-27"]}).to_csv(
        tmp_path / "catalog.csv", index=False)
    pd.DataFrame([{"outlet": "Test Daily", "country": "KOR", "ownership": "private", "media_system": "independent",
                   "ambiguous": "false", "alternative_media_system": "", "evidence": "invented"}]).to_csv(
        tmp_path / "outlets.csv", index=False)
    c = load_corpus(tmp_path)
    short = c.mentions[c.mentions["form"] == "short"]
    assert short["entity_id"].tolist() == ["kim_il_sung"]


# --------------------------------------------------------------------------- speakers
def test_no_dead_person_speaks_and_an_opening_phrase_gives_no_speaker():
    from helpers.analysis.voice import attributions
    from test_analysis_words import person_mentions, sents as vsents

    s = vsents("After Kim Il Sung's visit, the agency also highlighted the welcome.",
               "On May 2, 2015 Kim Il Sung said the harvest was good.",
               "In 1965 Kim Il Sung said the harvest was good.")
    m = person_mentions(s, [("Kim Il Sung", "kim_il_sung")])
    tx = pd.DataFrame({"doc_id": "x1", "sent_id": [1, 2], "kind": "date", "value": ["2015-05-02", "1965"],
                       "end_value": ""})
    a = attributions(s, m, timexes=tx).set_index("sent_id")
    assert pd.isna(a.loc[0, "speaker"])  # named in the opening phrase, not the subject
    assert pd.isna(a.loc[1, "speaker"])  # dead since 1994: he does not speak in 2015
    assert a.loc[2, "speaker"] == "kim_il_sung"
    # without the timexes no one is ruled out by date
    assert attributions(s, m).set_index("sent_id").loc[1, "speaker"] == "kim_il_sung"


@pytest.mark.parametrize("text, expected", [
    ("After Kim's visit, KCNA also highlighted it.", [True]),
    ("At the end of the tour Ann Lee, an attache, said it.", [False]),
    ("Ann Lee, an attache, said it.", [False]),
])
def test_opening_phrase(text, expected):
    from helpers.analysis.voice import _in_opener

    name = "Kim" if "Kim" in text else "Ann Lee"
    i = text.index(name)
    assert _in_opener(text, text.index("said" if "said" in text else "highlighted"), [(i, i + len(name))]) == expected
