"""Gazetteer loading, validation and alias matching (sentences not from the seeds)."""
from __future__ import annotations

import pytest

from helpers.annotate.gazetteer import (
    AliasMatcher,
    fold,
    load_gazetteer,
    load_offices,
    offices_held,
)
from helpers.knowledge import load_knowledge


def default_matcher():
    return load_knowledge().matcher

HEADER = "entity_id,canonical,type,subtype,country,aliases,demonyms,short_forms,founder,source\n"


def found(text, matcher=None):
    m = matcher or default_matcher()
    return [(text[x.start:x.end], x.entity_id) for x in m.find(text)]


def test_fold_keeps_length_and_folds():
    s = "Hồ Chí Minh’s Kim Jong-Un\u00a0Đồng"
    f = fold(s)
    assert len(f) == len(s)
    assert f == "ho chi minh's kim jong un dong"


def test_load_gazetteer_shape_and_canonical_in_aliases():
    g = load_gazetteer()
    assert g["entity_id"].is_unique
    assert set(g["type"]) <= {"person", "country", "organisation", "place", "outlet"}
    for canonical, aliases in zip(g["canonical"], g["aliases"]):
        assert canonical in aliases
    kis = g.loc["kim_il_sung"]
    assert "Kim Il-sung" in kis["aliases"] and kis["country"] == "PRK" and kis["founder"]


@pytest.mark.parametrize(
    "body, message",
    [
        ("a,A,person,,PRK,A,,,false,x\na,B,person,,PRK,B,,,false,x\n", "duplicate entity_id"),
        ("a,A,robot,,PRK,A,,,false,x\n", "type 'robot'"),
        ("a,A,person,,Korea,A,,,false,x\n", "country 'Korea'"),
        ("a,A,person,,PRK,Same Name,,,false,x\nb,B,person,,VNM,same-name,,,false,x\n", "claimed by both"),
    ],
)
def test_bad_gazetteer_rows_are_named(tmp_path, body, message):
    p = tmp_path / "g.csv"
    p.write_text(HEADER + body, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        load_gazetteer(p)


def test_missing_column_is_named(tmp_path):
    p = tmp_path / "g.csv"
    p.write_text("entity_id,canonical\na,A\n", encoding="utf-8")
    with pytest.raises(ValueError, match="missing column"):
        load_gazetteer(p)


def test_offices_and_years():
    offices = load_offices()
    held = set(offices_held(offices, "kim_il_sung", 1958)["office"])
    assert "Premier of the DPRK" in held and "President of the DPRK" not in held
    assert "President of the DPRK" in set(offices_held(offices, "kim_il_sung", 1980)["office"])
    # an office still held has no end year and counts for any later year
    assert not offices_held(offices, "luong_cuong", 2030).empty


def test_offices_unknown_entity(tmp_path):
    p = tmp_path / "o.csv"
    p.write_text("entity_id,office,level,paramount,start_year,end_year,source\nnobody,King,government,false,1900,,x\n")
    with pytest.raises(ValueError, match="not in the gazetteer"):
        load_offices(p)


def test_romanisation_case_diacritics_hyphens():
    text = "KIM JONG-UN met Kim Il-sung's heirs; Nông Đức Mạnh and Kim Jong-Un in Ha Noi."
    assert found(text) == [
        ("KIM JONG-UN", "kim_jong_un"),
        ("Kim Il-sung", "kim_il_sung"),
        ("Nông Đức Mạnh", "nong_duc_manh"),
        ("Kim Jong-Un", "kim_jong_un"),
        ("Ha Noi", "hanoi"),
    ]


def test_possessives_and_curly_apostrophes():
    assert found("Pyongyang’s envoy and Viet Nam's minister") == [("Pyongyang", "pyongyang"), ("Viet Nam", "VNM")]


def test_glued_scraped_text_keeps_exact_offsets():
    text = "Photo:ComradeKim Jong Unin Pyongyang, visitingHanoiToday"
    hits = default_matcher().find(text)
    assert [(text[h.start:h.end], h.entity_id) for h in hits] == [
        ("Kim Jong Un", "kim_jong_un"),
        ("Pyongyang", "pyongyang"),
        ("Hanoi", "hanoi"),
    ]
    assert text[hits[0].start:hits[0].end] == "Kim Jong Un"


def test_longer_known_names_win_and_words_are_not_split():
    text = "Vietnamese guides at the Ho Chi Minh Museum in Ho Chi Minh City; Kimchi, Hanoian, went to Lam Dong."
    assert found(text) == [
        ("Vietnamese", "VNM"),
        ("Ho Chi Minh Museum", "ho_chi_minh_museum"),
        ("Ho Chi Minh City", "ho_chi_minh_city"),
    ]


def test_acronyms_are_case_sensitive_whole_words():
    text = "The DPRK and the U.S. met; thus the bus left, anti-US rallies, UNESCO."
    assert found(text) == [("DPRK", "PRK"), ("U.S.", "USA"), ("US", "USA")]


def test_custom_gazetteer(tmp_path):
    p = tmp_path / "g.csv"
    p.write_text(HEADER + "bui_thanh_son,Bui Thanh Son,person,,VNM,Bùi Thanh Sơn,,Son,false,test\n", encoding="utf-8")
    gaz = load_gazetteer(p)
    m = AliasMatcher(gaz)
    assert found("Foreign Minister Bui Thanh Son arrived.", m) == [("Bui Thanh Son", "bui_thanh_son")]
    # the custom gazetteer replaces the shipped one: its entity, its aliases (canonical first), nothing else
    assert gaz.index.tolist() == ["bui_thanh_son"]
    assert gaz.loc["bui_thanh_son", "aliases"] == ("Bui Thanh Son", "Bùi Thanh Sơn")
    assert gaz.loc["bui_thanh_son", "short_forms"] == ("Son",)
    assert found("Bùi Thanh Sơn met Kim Jong Un in Hanoi.", m) == [("Bùi Thanh Sơn", "bui_thanh_son")]


def test_a_name_at_the_end_of_the_searched_span_is_judged_by_the_text_after_it():
    text = "Kim met officials in Hanoi. He then flew to Vietnam\n\nRelated: VietnamAirlines"
    end = text.index("\n")
    m = default_matcher()
    hits = m.find(text, 0, end, fold(text))
    assert [(text[h.start:h.end], h.entity_id) for h in hits] == [("Hanoi", "hanoi"), ("Vietnam", "VNM")]
    glued = "He flew to Vietnamese ports"
    assert m.find(glued, 0, glued.index("ese"), fold(glued)) == []  # 'Vietnam' is part of a longer word
    with pytest.raises(ValueError, match="fold"):
        m.find(text, 0, end, fold(text[:end]))
