"""Naming: country name forms and leader naming on made-up sentences."""
import pytest

from helpers.analysis.naming import country_naming, leader_naming
from test_analysis_words import person_mentions as _mentions, sents


def test_country_naming_forms_and_capital_metonymy():
    s = sents("Pyongyang welcomed the move, and Pyongyang's envoy flew to Hanoi.",
              "The DPRK and North Korean diplomats met in Pyongyang; the North's media praised the Hanoi Opera House.",
              "The Socialist Republic of Vietnam and Viet Nam are one state.")
    c = country_naming(s)
    forms = c.groupby("form")["surface"].apply(list).to_dict()
    assert forms["Pyongyang (metonym)"] == ["Pyongyang", "Pyongyang"]
    assert "Hanoi (metonym)" not in forms  # "to Hanoi" and "Hanoi Opera House" name the place
    assert forms["DPRK"] == ["DPRK"] and forms["North Korean (adjective)"] == ["North Korean"]
    assert forms["the North"] == ["the North"]
    assert forms["Socialist Republic of Vietnam"] == ["Socialist Republic of Vietnam"]
    assert "Vietnam" not in forms and forms["Viet Nam"] == ["Viet Nam"]


def test_leader_naming_reads_honorifics_titles_and_spelling():
    s = sents("The respected Comrade Kim Jong Un inspected a farm.",
              "North Korean leader Kim Jong-un, General Secretary of the party, left.",
              "Former Premier Pak Song Chol spoke.")
    m = _mentions(s, [("Kim Jong Un", "kim_jong_un"), ("Kim Jong-un", "kim_jong_un"), ("Pak Song Chol", "pak")])
    n = leader_naming(s, m).set_index("sent_id")
    assert n.loc[0, "honorific"] == "the respected Comrade|Comrade" and n.loc[0, "spelling"] == "spaced"
    assert n.loc[1, "spelling"] == "hyphenated" and n.loc[1, "premodifier"] == "North Korean leader"
    assert n.loc[1, "appositive"] == "General Secretary of the party"
    assert set(n.loc[1, "title"].split("|")) == {"General Secretary", "leader"}
    assert set(n.loc[2, "title"].split("|")) == {"Premier", "late / former"}
    with pytest.raises(ValueError, match="mentions need columns"):
        leader_naming(s, m.drop(columns="type"))
