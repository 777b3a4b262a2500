"""The knowledge base: built from paths or tables, cached by default, and read end to end by the layers."""
from __future__ import annotations

import dataclasses

import pytest

from helpers import load_corpus
from helpers.annotate.gazetteer import load_gazetteer
from helpers.knowledge import KnowledgeBase, load_knowledge, load_reporting_verbs

HEADER = "entity_id,canonical,type,subtype,country,aliases,demonyms,short_forms,founder,source\n"
# An invented world: two people, two countries and a capital that the shipped gazetteer does not know.
FICTION = HEADER + (
    "ada_quill,Ada Quill,person,,ELD,Ada Quill|Ada Q. Quill,,Quill,false,invented for the tests\n"
    "bo_renner,Bo Renner,person,,MRV,Bo Renner,,Renner,false,invented for the tests\n"
    "ELD,Eldoria,country,,ELD,Eldoria|Republic of Eldoria,Eldorian,,false,invented for the tests\n"
    "MRV,Marovia,country,,MRV,Marovia,Marovian,,false,invented for the tests\n"
    "port_mara,Port Mara,place,city,MRV,Port Mara,,,false,invented for the tests\n"
)
OFFICES = ("entity_id,office,level,paramount,start_year,end_year,source\n"
           "ada_quill,President of Eldoria,head of party or state,true,2015,,invented for the tests\n")
ARTICLE = ("Eldoria and Marovia sign a pact\n\nMarch 3, 2021 / 10:00\n\n"
           "President Ada Quill visited Marovia from March 1 to 3, 2021. Quill met Bo Renner in Port Mara. "
           "Renner said he would travel to Eldoria in 2022. Kim Jong Un was not there.\n")


@pytest.fixture
def fiction(tmp_path):
    (tmp_path / "gazetteer.csv").write_text(FICTION, encoding="utf-8")
    (tmp_path / "offices.csv").write_text(OFFICES, encoding="utf-8")
    return load_knowledge(gazetteer=tmp_path / "gazetteer.csv", offices=tmp_path / "offices.csv")


def test_default_is_cached_and_built_from_the_shipped_files():
    kb = load_knowledge()
    assert kb is load_knowledge() and isinstance(kb, KnowledgeBase)
    assert len(kb.gazetteer) == len(load_gazetteer())
    assert set(kb.offices["entity_id"]) <= set(kb.gazetteer["entity_id"])
    assert kb.persons == tuple(kb.gazetteer.loc[kb.gazetteer["type"] == "person", "entity_id"])
    with pytest.raises(dataclasses.FrozenInstanceError):
        kb.gazetteer = None


def test_tables_or_paths_and_lookups(fiction, tmp_path):
    assert fiction.persons == ("ada_quill", "bo_renner")
    assert fiction.country_of["port_mara"] == "MRV" and fiction.canonical_of["ada_quill"] == "Ada Quill"
    assert [o.office for o in fiction.offices_of["ada_quill"]] == ["President of Eldoria"]
    same = load_knowledge(gazetteer=fiction.gazetteer, offices=fiction.offices)
    assert same.gazetteer is fiction.gazetteer and same is not fiction
    # another gazetteer with the shipped offices keeps only the offices of people it knows
    assert load_knowledge(gazetteer=tmp_path / "gazetteer.csv").offices.empty
    hits = fiction.matcher.find("Ada Q. Quill reached Port Mara; Kim Jong Un did not.")
    assert [h.entity_id for h in hits] == ["ada_quill", "port_mara"]


def test_reporting_verbs_are_one_list(tmp_path):
    kb = load_knowledge()
    rv = load_reporting_verbs()
    assert set(kb.reporting_forms()) == {f for forms in rv["forms"] for f in forms}
    assert set(kb.reporting_forms(speech=True)) < set(kb.reporting_forms())
    forms = kb.reporting_forms()
    assert all(len(a) >= len(b) for a, b in zip(forms, forms[1:]))  # longest first
    bad = tmp_path / "rv.csv"
    bad.write_text("verb,forms,speech,note\nsay,,true,\n", encoding="utf-8")
    with pytest.raises(ValueError, match="at least one form"):
        load_reporting_verbs(bad)


def test_a_corpus_read_with_another_gazetteer_end_to_end(tmp_path, fiction):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "pact.txt").write_text(ARTICLE, encoding="utf-8")
    (seeds / "catalog.csv").write_text("file,outlet,published,title,url,note\npact.txt,Eldoria Herald,,,,\n",
                                       encoding="utf-8")
    (seeds / "outlets.csv").write_text(
        "outlet,country,ownership,media_system,ambiguous,alternative_media_system,evidence\n"
        "Eldoria Herald,ELD,state,state,false,,invented for the tests\n", encoding="utf-8")
    corpus = load_corpus(seeds, knowledge=fiction)
    assert corpus.kb is fiction
    m = corpus.mentions
    known = m[~m["provisional"]]
    assert set(known["entity_id"]) == {"ada_quill", "bo_renner", "ELD", "MRV", "port_mara"}
    # a person this gazetteer lacks is still found, by the shape of the name, with a provisional id
    assert m.loc[m["provisional"], "entity_id"].tolist() == ["new:kim_jong_un"]
    raw = corpus.documents["raw"].iloc[0]
    assert all(raw[r.start:r.end] == r.surface for r in m.itertuples())
    assert set(m.loc[m["form"] == "short", "surface"]) == {"Quill", "Renner"}
    v = corpus.visits
    got = sorted(zip(v["visitor_id"], v["from_country"], v["to_country"], v["date_start"], v["status"]))
    # Quill meeting Renner in Port Mara is a second statement of her trip, dated by the first (narrative)
    assert got == [("ada_quill", "ELD", "MRV", "2021-03-01", "occurred"), ("ada_quill", "ELD", "MRV", "2021-03-01", "occurred"),
                   ("bo_renner", "MRV", "ELD", "2022", "planned")]
    assert v["basis"].tolist() == ["sentence", "narrative", "sentence"]
    ada = v[v["visitor_id"] == "ada_quill"].iloc[0]
    assert ada["level"] == "head of party or state" and ada["visitor_title"] == "President"
    x = corpus.exchanges
    assert len(x) == 2 and set(x["visitor"]) == {"Ada Quill", "Bo Renner"}
