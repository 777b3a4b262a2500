"""Unit tests for helpers.events.chronology: statements, events, disagreements, periods, the timeline."""
import re

import pandas as pd
import pytest

from helpers.annotate.timex import extract_timexes, timex_frame
from helpers.events import chronology as ch
from helpers.knowledge import load_knowledge

# Three invented articles about an invented exchange between two ministers.
ARTICLES = {
    "a": ("Minister Tran Van Minh visited Pyongyang from May 3 to 9, 1961. "
          "Tran Van Minh returned in 1963. The ministers met again in 1970."),
    "b": "Tran Van Minh paid a visit to Pyongyang from May 4 to 8, 1961. Trade grew in the 1960s.",
    "c": ("In June 1961 Tran Van Minh visited Pyongyang. Pak Song Chol visited Hanoi in June 1961. "
          "10 years ago, in 2009, the ministry opened. Eight years ago, in 2011, it moved."),
}
KEYWORDS = pd.DataFrame({
    "kind": ["event", "event"],
    "label": ["visit", "opening"],
    "pattern": [r"\bvisit\w*|returned", r"\bopened|moved"],
    "match_actors": ["yes", "no"],
    "note": ["", ""],
})
KEYWORDS["regex"] = [re.compile(p, re.I) for p in KEYWORDS["pattern"]]
# The actors are the gazetteer's people: an invented gazetteer for the invented ministers.
GAZETTEER = """entity_id,canonical,type,subtype,country,aliases,demonyms,short_forms,founder,source
tran_van_minh,Tran Van Minh,person,,VNM,Trần Văn Minh,,Minh,false,invented for the tests
pak_song_chol,Pak Song Chol,person,,PRK,Pak Song-chol,,Pak,false,invented for the tests
VNM,Vietnam,country,,VNM,Viet Nam,Vietnamese,,false,invented for the tests
"""


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    path = tmp_path_factory.mktemp("kb") / "gazetteer.csv"
    path.write_text(GAZETTEER, encoding="utf-8")
    return load_knowledge(gazetteer=path, event_words=KEYWORDS)


def _split(doc_id, text):
    rows, start = [], 0
    for i, part in enumerate(text.split(". ")):
        end = start + len(part) + (1 if not part.endswith(".") else 0)
        end = min(end, len(text))
        rows.append((doc_id, i, start, end, text[start:end]))
        start = start + len(part) + 2
    return rows


@pytest.fixture(scope="module")
def corpus_frames():
    sentences = pd.DataFrame([r for d, t in ARTICLES.items() for r in _split(d, t)],
                             columns=["doc_id", "sent_id", "start", "end", "text"])
    documents = pd.DataFrame({"outlet": ["Alpha", "Beta", "Gamma"], "media_system": ["state", "independent", "state"],
                              "published": pd.to_datetime(["2019-01-01", "2019-01-01", "2019-06-01"]),
                              "published_precision": ["day", "day", "year"], "raw": list(ARTICLES.values())},
                             index=pd.Index(list(ARTICLES), name="doc_id"))
    rows = []
    for doc_id, d in documents.iterrows():
        s = sentences[sentences["doc_id"] == doc_id]
        rows += extract_timexes(doc_id, d["raw"], s, d["published"], d["published_precision"], ())
    return timex_frame(rows), sentences, documents


def test_span_is_the_interval_as_timestamps():
    assert ch._span("1958", "") == (pd.Timestamp("1958-01-01"), pd.Timestamp("1958-12-31"), "year")
    assert ch._span("1961-05-03", "1961-05-09")[:2] == (pd.Timestamp("1961-05-03"), pd.Timestamp("1961-05-09"))
    assert ch._span("2021-W02", "")[0] == pd.Timestamp("2021-01-11")
    with pytest.raises(ValueError, match="not an ISO 8601"):
        ch._span("P3Y", "")


def test_dated_statements_keep_sentence_and_offsets(corpus_frames):
    timexes, sentences, documents = corpus_frames
    st = ch.dated_statements(timexes, sentences, documents)
    assert "Trade grew in the 1960s." in st["sentence"].tolist()
    assert not (st["kind"] == "duration").any() and (st["value"] != "").all()
    for r in st.itertuples():
        raw = ARTICLES[r.doc_id]
        assert raw[r.start:r.end] == r.text and raw[r.sent_start:r.sent_end] == r.sentence
    assert st["date_start"].is_monotonic_increasing


def test_actors_are_the_gazetteers_people_by_any_alias(kb):
    s = pd.DataFrame({"doc_id": ["a"] * 3, "sent_id": [0, 1, 2],
                      "text": ["Trần Văn Minh visited Pak Song-chol.", "He returned.", "Minh smiled."]})
    ev = ch.sentence_events(s, kb=kb)
    # full names by any alias; an event sentence without one takes the previous actors; a short form is no actor
    assert ev["actors"].tolist() == ["Tran Van Minh, Pak Song Chol", "Tran Van Minh, Pak Song Chol", ""]
    assert ev["event_types"].tolist() == ["visit", "visit", ""]
    # the shipped knowledge knows none of them
    assert set(ch.sentence_events(s, KEYWORDS)["actors"]) == {""}


def test_event_keywords_list_no_actors(tmp_path):
    from helpers.knowledge import load_event_words

    assert set(load_event_words()["kind"]) == {"event"}
    bad = tmp_path / "kw.csv"
    bad.write_text("kind,label,pattern,match_actors,note\nactor,Kim,Kim,,\n", encoding="utf-8")
    with pytest.raises(ValueError, match="actors come from the gazetteer"):
        load_event_words(bad)


def test_events_disagreements(corpus_frames, kb):
    timexes, sentences, documents = corpus_frames
    st = ch.annotate_events(ch.dated_statements(timexes, sentences, documents), sentences, KEYWORDS, kb)
    ev = ch.cluster_events(st, KEYWORDS, kb)
    visit61 = ev[ev["value"].str.startswith("1961") & ev["actors"].str.contains("Tran")]
    assert visit61["event_id"].nunique() == 1 and len(visit61) == 3
    pak = ev[ev["actors"] == "Pak Song Chol"]
    assert pak["event_id"].iloc[0] not in set(visit61["event_id"])        # another actor, another event
    dis = ch.disagreements(ev)
    # May 3-9 and May 4-8 disagree at day precision; June 1961 is disjoint from both
    assert set(dis["text"]) == {"May 3 to 9, 1961", "May 4 to 8, 1961", "June 1961"}
    assert dis.set_index("text").loc["June 1961", "disagrees_with"] == "Alpha; Beta"
    # the 1963 return has no second source, the 1970 meeting has no event word: no disagreement
    assert "1963" not in set(dis["value"])


def test_compatible_precisions_do_not_disagree():
    rows = pd.DataFrame({
        "doc_id": ["x", "y"], "outlet": ["X", "Y"], "media_system": ["state", "state"], "sent_id": [0, 0],
        "text": ["1961", "May 4 to 8, 1961"], "kind": ["date", "range"], "value": ["1961", "1961-05-04"],
        "end_value": ["", "1961-05-08"], "start": [0, 0], "end": [4, 16], "sentence": ["", ""],
        "event_id": ["E01", "E01"], "event": ["visit", "visit"]})
    spans = [ch._span(v, e) for v, e in zip(rows["value"], rows["end_value"])]
    rows["date_start"], rows["date_end"], rows["precision"] = zip(*spans)
    assert ch.disagreements(rows).empty


def test_internal_inconsistency_of_years_ago(corpus_frames):
    timexes = corpus_frames[0]
    inc = ch.internal_inconsistencies(timexes)
    c = inc[inc["doc_id"] == "c"].set_index("relative_text")
    assert c.loc["10 years ago", "implied_published"] == 2019 and c.loc["10 years ago", "consistent"]
    assert c.loc["Eight years ago", "implied_published"] == 2019
    assert c.loc["Eight years ago", "relative_value"] == "2011"
    broken = ch.internal_inconsistencies(timex_frame(extract_timexes(
        "z", "30 years ago, in 1980, it began.", [(0, 0, 32)], pd.Timestamp("2021-01-01"), "year", ())))
    assert broken["implied_published"].tolist() == [2010] and not broken["consistent"].iloc[0]


def test_periods():
    st = pd.DataFrame({"date_start": pd.to_datetime(["1955-01-01", "1995-01-01", "2019-01-01", "1930-01-01"]),
                       "kind": ["date", "date", "anniversary", "date"]})
    periods = pd.DataFrame({"period": ["early", "late"], "start_year": [1950, 1990], "end_year": [1989, 2030]})
    assert ch.assign_periods(st, periods)["period"].tolist() == ["early", "late", "anniversaries", ""]
    assert ch.assign_periods(st, periods, anniversaries=False)["period"].tolist()[2] == "late"
    assert list(ch.load_periods().columns[:3]) == ["period", "start_year", "end_year"]


def test_timeline_points_and_plot(corpus_frames, kb):
    import matplotlib
    matplotlib.use("Agg")
    timexes, sentences, documents = corpus_frames
    ev = ch.cluster_events(ch.annotate_events(ch.dated_statements(timexes, sentences, documents), sentences,
                                              KEYWORDS, kb), KEYWORDS, kb)
    pts = ch.timeline_points(ev)
    visit = pts[pts["event"] == "visit · Tran Van Minh · 1961"]
    assert set(visit["outlet"]) == {"Alpha", "Beta", "Gamma"} and (visit["n_outlets"] == 3).all()
    # an outlet's most precise date represents it
    assert visit.set_index("outlet").loc["Alpha", "value"] == "1961-05-03"
    fig, ax = ch.plot_event_timeline(pts, {"Alpha": "#000000", "Beta": "#E69F00", "Gamma": "#56B4E9"}, 1950, 2020)
    assert len(ax.get_yticklabels()) == pts["event_id"].nunique()


def test_the_dead_are_not_actors_of_later_events_and_commemoration_makes_no_visit():
    import pandas as pd

    from helpers.events.chronology import annotate_events, cluster_events, dated_statements
    from helpers.pipeline import load_corpus

    texts = {"a.txt": "Title one\n\nPresident Kim Il Sung visited Hanoi in November 1958, the paper recalled.\n",
             "b.txt": "Title two\n\nA delegation visited the Kim Il Sung museum in May 2012 with flowers.\n"}
    import tempfile
    from pathlib import Path
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in texts.items():
            Path(tmp, name).write_text(text, encoding="utf-8")
        pd.DataFrame({"file": list(texts), "outlet": "Test Daily", "published": "2012-06-01"}).to_csv(
            Path(tmp, "catalog.csv"), index=False)
        pd.DataFrame([{"outlet": "Test Daily", "country": "KOR", "ownership": "private", "media_system": "independent",
                       "ambiguous": "false", "alternative_media_system": "", "evidence": "invented"}]).to_csv(
            Path(tmp, "outlets.csv"), index=False)
        c = load_corpus(tmp)
        st = annotate_events(dated_statements(c.timexes, c.sentences, c.documents), c.sentences, kb=c.kb)
    by_doc = st.set_index("doc_id")
    assert by_doc.loc["a", "actors"] == "Kim Il Sung" and "visit" in by_doc.loc["a", "event_types"]
    assert by_doc.loc["b", "actors"] == "" and "visit" not in by_doc.loc["b", "event_types"]
    assert not cluster_events(st)["event"].str.contains("2012").any()


def test_visits_after_the_visitors_death_are_no_exchange():
    import pandas as pd

    from helpers.events.exchanges import EXCHANGE_COLUMNS, after_death, merge_exchanges

    from helpers.pipeline import load_corpus

    none = load_corpus().visits.iloc[:0]
    assert merge_exchanges(none).columns.tolist() == EXCHANGE_COLUMNS
    v = pd.DataFrame({"visitor_id": ["x", "x"], "date_start": ["2011-12-27", "2011-12-10"], "date_end": ["", ""]})
    assert after_death(v, {"x": pd.Timestamp("2011-12-17")}).tolist() == [True, False]
