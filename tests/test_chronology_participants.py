"""Events from what each statement itself says: participants per clause, report dates, arithmetic slips, labels.

Every sentence here is invented, about invented ministers of an invented gazetteer."""
import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.annotate.timex import extract_timexes, timex_frame
from helpers.events import chronology as ch
from helpers.events import participants as pa
from helpers.knowledge import load_knowledge

GAZETTEER = """entity_id,canonical,type,subtype,country,aliases,demonyms,short_forms,founder,source
tran_van_minh,Tran Van Minh,person,,VNM,,,Minh,false,invented for the tests
pak_song_chol,Pak Song Chol,person,,PRK,,,Pak,false,invented for the tests
ri_chol_ung,Ri Chol Ung,person,,PRK,,,,false,invented for the tests
do_van_hai,Do Van Hai,person,,VNM,,,,false,invented for the tests
VNM,Vietnam,country,,VNM,Viet Nam,Vietnamese,,false,invented for the tests
"""
BREAKS = re.compile(r";|\bwhile\b|\bwhereas\b|\bbut\b")


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    path = tmp_path_factory.mktemp("kb") / "gazetteer.csv"
    path.write_text(GAZETTEER, encoding="utf-8")
    return load_knowledge(gazetteer=path)


def _statements(kb, articles: dict[str, str], published="2021-06-01"):
    """Dated, annotated statements of invented one-line-per-sentence articles (sentences split at '. ')."""
    rows, docs = [], []
    for doc_id, text in articles.items():
        start = 0
        for i, part in enumerate(text.split(". ")):
            end = min(start + len(part) + (0 if part.endswith(".") else 1), len(text))
            rows.append((doc_id, i, start, end, text[start:end]))
            start += len(part) + 2
    sentences = pd.DataFrame(rows, columns=["doc_id", "sent_id", "start", "end", "text"])
    documents = pd.DataFrame({"outlet": [f"Outlet {d}" for d in articles], "media_system": "state",
                              "published": pd.Timestamp(published), "published_precision": "day",
                              "raw": list(articles.values())}, index=pd.Index(list(articles), name="doc_id"))
    tx = []
    for doc_id, d in documents.iterrows():
        s = sentences[sentences["doc_id"] == doc_id]
        tx += extract_timexes(doc_id, d["raw"], s, d["published"], d["published_precision"], ())
    return ch.annotate_events(ch.dated_statements(timex_frame(tx), sentences, documents), sentences, kb=kb)


def _by_text(frame):
    return frame.set_index("text")


# --------------------------------------------------------------------------- participants per clause
def test_each_date_takes_the_people_of_its_own_clause(kb):
    st = _by_text(_statements(kb, {"a": "In 1958 and 1964, Tran Van Minh visited Pyongyang while "
                                        "Pak Song Chol paid a visit to Hanoi in 1957."}))
    assert st.loc["1958", "actors"] == st.loc["1964", "actors"] == "Tran Van Minh"
    assert st.loc["1957", "actors"] == "Pak Song Chol"


def test_two_dated_phrases_joined_by_and_are_two_segments(kb):
    st = _by_text(_statements(kb, {"a": "Tran Van Minh's visit to Pyongyang in 1957 and Pak Song Chol's visit "
                                        "to Hanoi in 1958 were landmarks of the friendship."}))
    assert st.loc["1957", "actors"] == "Tran Van Minh" and st.loc["1958", "actors"] == "Pak Song Chol"


def test_respectively_pairs_people_and_dates_in_order(kb):
    st = _by_text(_statements(kb, {"a": "Ri Chol Ung, a vice minister, and Pak Song Chol, the premier, visited "
                                        "Hanoi in 2001 and 2007 respectively."}))
    assert st.loc["2001", "actors"] == "Ri Chol Ung" and st.loc["2007", "actors"] == "Pak Song Chol"
    ev = ch.cluster_events(st.reset_index())
    assert set(ev["event"]) == {"visit · Ri Chol Ung · 2001", "visit · Pak Song Chol · 2007"}


@settings(max_examples=40, deadline=None)
@given(st.permutations(["Tran Van Minh", "Pak Song Chol", "Ri Chol Ung", "Do Van Hai"]),
       st.integers(2, 4), st.lists(st.integers(1950, 2020), min_size=4, max_size=4, unique=True))
def test_respectively_gives_the_nth_person_the_nth_date(names, n, years):
    names, years = names[:n], years[:n]
    people = ", ".join(names[:-1]) + " and " + names[-1]
    text = f"{people} visited Hanoi in {', '.join(map(str, years[:-1]))} and {years[-1]} respectively."
    dates = [(m.start(), m.end()) for m in re.finditer(r"\b\d{4}\b", text)]
    spans = [(text.index(x), text.index(x) + len(x), x) for x in names]
    assert pa.date_participants(text, dates, spans, BREAKS) == [(x,) for x in names]


def test_a_sentence_naming_nobody_about_a_visit_keeps_the_previous_sentences_people(kb):
    st = _by_text(_statements(kb, {"a": "Tran Van Minh arrived on Monday. He paid a visit to the port in May 2020. "
                                        "Relations were set up in 1950."}))
    assert st.loc["May 2020", "actors"] == "Tran Van Minh"
    assert st.loc["1950", "actors"] == ""  # relations are about countries: no one is carried over


# --------------------------------------------------------------------------- dates that make no event
def test_a_report_date_makes_no_event(kb):
    st = _statements(kb, {"a": "Tran Van Minh, who led a delegation to visit Pyongyang, said in a report on the "
                               "Capital newspaper, one of the oldest papers, in February, 1952. "
                               "Tran Van Minh visited Pyongyang in August 1951."})
    by = _by_text(st)
    assert by.loc["February, 1952", "not_event"] == "report date"
    assert by.loc["August 1951", "not_event"] == ""
    ev = ch.cluster_events(st)
    assert set(ev.loc[ev["event_id"] != "", "text"]) == {"August 1951"}


@pytest.mark.parametrize("sentence, date, is_report", [
    ("Pyongyang's radio reported Friday that the talks went well.", "Friday", True),
    ("On Friday, the agency reported that Tran Van Minh will visit.", "Friday", True),
    ("The newspaper carried an article on May 3, 2019 about the friendship.", "May 3, 2019", True),
    ("Tran Van Minh visited Hanoi in May 2019, the newspaper reported.", "May 2019", False),
    ("The minister said that in May 2019 he visited Hanoi.", "May 2019", False),
    ("The troops carried out the attack in May 1968.", "May 1968", False),
])
def test_report_date_rule(kb, sentence, date, is_report):
    ev = re.compile("|".join(f"(?:{p})" for p in kb.event_words["pattern"]), re.IGNORECASE)
    a = sentence.index(date)
    assert pa.report_date(sentence, a, a + len(date), pa.report_cue(kb), ev, BREAKS) is is_report


def test_an_arithmetic_slip_makes_no_event_but_its_explicit_date_does(kb):
    # published 2021: "30 years ago" is 1991, which its own sentence's 1980 denies
    st = _statements(kb, {"a": "30 years ago, in 1980, the war came to the border."})
    by = _by_text(st)
    assert by.loc["30 years ago", "not_event"] == "self-contradiction" and by.loc["1980", "not_event"] == ""
    ev = ch.cluster_events(st)
    assert set(ev.loc[ev["event_id"] != "", "text"]) == {"1980"}
    # arithmetic that agrees is no slip
    ok = _by_text(_statements(kb, {"a": "41 years ago, in 1980, the war came to the border."}))
    assert ok.loc["41 years ago", "not_event"] == ""


def test_report_words_need_evidence_and_a_valid_pattern(tmp_path):
    assert (pa.load_report_words()["evidence"].str.len() > 0).all()
    bad = tmp_path / "report_words.csv"
    bad.write_text("label,pattern,evidence\nnewspaper,newspapers?,\n", encoding="utf-8")
    with pytest.raises(ValueError, match="report_words.csv: row 'newspaper' has no evidence"):
        pa.load_report_words(str(bad))
    bad.write_text("label,pattern,evidence\nnewspaper,news(paper,seen\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not a regex"):
        pa.load_report_words(str(bad))


# --------------------------------------------------------------------------- labels
def test_a_label_credits_every_article_only_with_what_it_names(kb):
    st = _statements(kb, {"a": "Tran Van Minh visited Pyongyang in May 2019 for a summit with Pak Song Chol.",
                          "b": "Tran Van Minh paid a visit to Pyongyang in May 2019.",
                          "c": "Tran Van Minh visited Pyongyang in May 2019 and met Pak Song Chol."})
    ev = ch.cluster_events(st)
    assert ev["event_id"].nunique() == 1
    assert set(ev["event"]) == {"visit · Tran Van Minh · 2019"}
    told = ev.set_index("doc_id")["told"]
    assert "Pak Song Chol" in told["a"] and "Pak Song Chol" not in told["b"]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(["Pak Song Chol", "Ri Chol Ung", "Do Van Hai"]), min_size=3, max_size=3))
def test_every_name_in_a_label_is_named_by_every_article_of_the_event(others):
    kb_ = _kb_once()
    arts = {f"d{i}": f"Tran Van Minh visited Pyongyang with {o} in May 2019." for i, o in enumerate(others)}
    ev = ch.cluster_events(_statements(kb_, arts))
    for _, g in ev[ev["event_id"] != ""].groupby("event_id"):
        label_names = g["event"].iloc[0].split(" · ")[1].split(" & ")
        for doc_actors in g.groupby("doc_id")["actors"].agg(", ".join):
            assert all(n in doc_actors for n in label_names)


_KB = {}


def _kb_once():
    if "kb" not in _KB:
        import tempfile
        from pathlib import Path
        path = Path(tempfile.mkdtemp()) / "gazetteer.csv"
        path.write_text(GAZETTEER, encoding="utf-8")
        _KB["kb"] = load_knowledge(gazetteer=path)
    return _KB["kb"]
