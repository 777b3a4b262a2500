"""Mentions, short references and unknown names, on sentences written for the tests."""
from __future__ import annotations

import pandas as pd
import pytest

from helpers.annotate.mentions import co_mentions, extract_mentions, unknown_person_names
from helpers.corpus.sentences import split_sentences


def sents(raw: str) -> pd.DataFrame:
    spans = split_sentences(raw)
    return pd.DataFrame({"sent_id": range(len(spans)), "start": [a for a, _ in spans], "end": [b for _, b in spans]})


def mentions(raw: str, published=None) -> pd.DataFrame:
    return extract_mentions(raw, sents(raw), "t", published=pd.Timestamp(published) if published else None)


def test_offsets_are_exact_and_columns():
    raw = "Yesterday Kim Jong-un met Vietnamese officials in Ha Noi. The DPRK said so."
    m = mentions(raw)
    assert list(m.columns) == ["doc_id", "sent_id", "start", "end", "surface", "entity_id", "type", "form",
                               "provisional", "cue", "role", "nationality"]
    assert not m["provisional"].any()
    for r in m.itertuples():
        assert raw[r.start:r.end] == r.surface
    assert m["entity_id"].tolist() == ["kim_jong_un", "VNM", "hanoi", "PRK"]
    assert m["form"].tolist() == ["name", "demonym", "name", "acronym"]


def test_surname_resolves_to_most_recent_full_mention():
    raw = ("Kim Il-sung founded the state. Decades later Kim Jong Un took power. "
           "Kim then travelled by train. Kim's sister Kim Yo Jong joined him, and Kim waved.")
    m = mentions(raw)
    short = m[m["form"] == "short"]
    assert short["entity_id"].tolist() == ["kim_jong_un", "kim_jong_un", "kim_yo_jong"]


def test_short_form_without_antecedent_is_dropped_and_not_inside_longer_names():
    raw = "Kim arrived. Kim Chaek University opened. Ho Chi Minh spoke; Uncle Ho smiled, then Ho left."
    m = mentions(raw)
    assert "Kim" not in m["surface"].tolist()  # no antecedent; "Kim Chaek" is an unknown name
    assert m[m["entity_id"] == "ho_chi_minh"]["surface"].tolist() == ["Ho Chi Minh", "Uncle Ho", "Ho"]


def test_vietnamese_given_name_short_form():
    raw = "Foreign delegates met Luong Cuong in Hanoi. Cuong said the talks went well."
    m = mentions(raw)
    assert m[m["surface"] == "Cuong"]["entity_id"].tolist() == ["luong_cuong"]


def test_title_reference_prefers_leader_in_office_at_publication():
    raw = ("Kim Jong Il ruled until 2011. Later, Kim Jong Un met Nguyen Phu Trong. "
           "The North Korean leader praised the Vietnamese leader.")
    m = mentions(raw, "2019-03-01")
    titles = m[m["form"] == "title"]
    assert titles["entity_id"].tolist() == ["kim_jong_un", "nguyen_phu_trong"]
    # the nationality word also stays a country mention
    assert {"PRK", "VNM"} <= set(m["entity_id"])


def test_title_before_a_name_is_not_a_reference():
    raw = "Ho Chi Minh met the press. Later the President Kim Il Sung arrived."
    m = mentions(raw)
    assert "title" not in set(m["form"])


def test_unknown_person_names_are_listed_with_a_cue():
    raw = ("Foreign Minister Bui Thanh Son met Choe Son Hui in Hanoi on Monday. "
           "Nguyen Van Hai, 64, a retired teacher, was there. Le Thi Mai said little.")
    m = mentions(raw)
    u = unknown_person_names(raw, sents(raw), m, "t")
    got = dict(zip(u["surface"], u["cue"]))
    assert got["Bui Thanh Son"] == "title before"
    assert got["Nguyen Van Hai"] == "age after"
    assert got["Le Thi Mai"] == "speech verb after"
    assert got["Choe Son Hui"] == "name shape"
    assert "Hanoi" not in got and not any("Monday" in k for k in got)


def test_co_mentions_counts_sentences():
    raw = "Kim Il Sung met Ho Chi Minh. Ho Chi Minh left. Kim Il Sung and Ho Chi Minh wrote."
    mat = co_mentions(mentions(raw))
    assert mat.loc["kim_il_sung", "ho_chi_minh"] == 2
    assert mat.loc["ho_chi_minh", "ho_chi_minh"] == 3
    with pytest.raises(ValueError, match="unit"):
        co_mentions(mentions(raw), unit="paragraph")


def test_missing_sentence_columns_are_named():
    with pytest.raises(ValueError, match="sent_id"):
        extract_mentions("Kim.", pd.DataFrame({"start": [0], "end": [4]}))


def test_corpus_mentions_on_the_corpus(corpus):
    from helpers.annotate.mentions import corpus_mentions

    m = corpus_mentions(corpus)
    raw = corpus.documents["raw"]
    assert all(raw[r.doc_id][r.start:r.end] == r.surface for r in m.itertuples())
    assert set(m["doc_id"]) == set(corpus.documents.index)


def test_a_body_ending_in_a_name_without_a_full_stop():
    # reliability F1: the last sentence ends at a gazetteer name and the file goes on
    raw = "Kim Jong Un met officials in Hanoi. He then flew to Vietnam\n\nRead more: Hanoi news"
    body_end = raw.index("\n")
    spans = [s for s in split_sentences(raw[:body_end])]
    s = pd.DataFrame({"sent_id": range(len(spans)), "start": [a for a, _ in spans], "end": [b for _, b in spans]})
    assert s["end"].max() == body_end and body_end < len(raw)
    m = extract_mentions(raw, s, "t")
    assert list(zip(m["surface"], m["entity_id"])) == [("Kim Jong Un", "kim_jong_un"), ("Hanoi", "hanoi"),
                                                        ("Vietnam", "VNM")]
    assert all(raw[r.start:r.end] == r.surface and r.end <= body_end for r in m.itertuples())


def test_speech_verbs_after_a_name_come_from_the_reporting_verbs():
    from helpers.knowledge import load_knowledge

    speech = load_knowledge().reporting_forms(speech=True)
    assert "said" in speech and "according to" not in speech
    for verb in speech:
        raw = f"Many people came. Le Thi Mai {verb} little."
        u = unknown_person_names(raw, sents(raw), mentions(raw), "t")
        assert dict(zip(u["surface"], u["cue"])).get("Le Thi Mai") == "speech verb after", verb


@pytest.mark.parametrize("tail", ["\n", " \n", "\n\nRelated news", "\n\n(Yonhap)"])
def test_corpus_mentions_when_the_body_ends_in_a_name(tmp_path, tail):
    # reliability F1, its reproducer: the file goes on after the last sentence, which ends in a name
    import shutil

    from helpers import load_corpus
    from helpers.paths import SEEDS_DIR

    raw = "Kim visits Vietnam\n\nMarch 3, 2021 / 10:00\n\nKim met officials in Hanoi. He then flew to Vietnam" + tail
    (tmp_path / "a.txt").write_text(raw, encoding="utf-8")
    (tmp_path / "catalog.csv").write_text("file,outlet,published,title,url,note\na.txt,Hanoi Times,,,,\n",
                                          encoding="utf-8")
    shutil.copy(SEEDS_DIR / "outlets.csv", tmp_path / "outlets.csv")
    corpus = load_corpus(tmp_path)
    m = corpus.mentions
    body = m[m["sent_id"] == m["sent_id"].max()]
    assert body["surface"].tolist()[-1] == "Vietnam" and body["end"].max() < len(raw)
    text = corpus.documents["raw"].iloc[0]
    assert all(text[r.start:r.end] == r.surface for r in m.itertuples())
