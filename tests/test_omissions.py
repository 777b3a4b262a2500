"""Omissions: which articles tell each reference event (invented sentences), and the tables and prose built on it."""
import matplotlib
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.analysis.omissions import HOW, omission_table, relationship_events, tellings
from helpers.report.chronology import chronology_findings
from helpers.report.omissions import (event_reading, narratives_finding, omissions_finding, omissions_matrix,
                                      omissions_note, plot_omissions, third_party_events)

matplotlib.use("Agg")

EVENTS = pd.DataFrame({
    "event_id": ["ties", "summit", "trip"], "parent_id": ["", "trip", ""], "kind": ["relations", "summit", "visit"],
    "description": ["Ties between Ruritania and Vietnam", "A summit in Hanoi", "A trip to Vietnam"],
    "date": ["1992-12-22", "2019-02-27", "2019-02-26"], "end_date": ["", "2019-02-28", "2019-03-02"],
    "precision": ["day"] * 3,
    "participants": [("KOR", "VNM"), ("kim_jong_un", "donald_trump", "hanoi"), ("kim_jong_un",)],
    "required": [("KOR", "VNM"), ("kim_jong_un", "donald_trump"), ("kim_jong_un",)],
    "first_year": [1992, 2019, 2019], "last_year": [1992, 2019, 2019]})


def _corpus():
    """Three invented articles: 'a' names Seoul's ties with a year; 'b' names the summit's two leaders in the
    wrong year and the trip; 'c' tells nothing dated."""
    sentences = pd.DataFrame({"doc_id": ["a", "b", "b", "c"], "sent_id": [0, 0, 1, 0], "start": [0, 0, 50, 0],
                              "end": [40, 45, 90, 30], "text": ["s0", "s1", "s2", "s3"]})
    mentions = pd.DataFrame({"doc_id": ["a", "a", "b", "b", "b", "c"], "sent_id": [0, 0, 0, 0, 1, 0],
                             "entity_id": ["KOR", "VNM", "kim_jong_un", "donald_trump", "kim_jong_un", "VNM"]})
    timexes = pd.DataFrame({"doc_id": ["a", "b", "b"], "sent_id": [0, 0, 1], "value": ["1992", "2018", "2019-02"],
                            "end_value": ["", "", ""], "anchor": ["", "", ""]})
    docs = pd.DataFrame({"outlet": ["Seoul Daily", "Party Paper", "Party Paper"],
                         "media_system": ["independent", "state", "state"]}, index=["a", "b", "c"])
    return sentences, mentions, timexes, docs


def test_an_event_is_told_by_its_participants_with_a_date_in_its_years():
    sentences, mentions, timexes, docs = _corpus()
    told = tellings(sentences, mentions, timexes, EVENTS)
    assert set(zip(told["doc_id"], told["event_id"])) == {("a", "ties"), ("b", "trip")}  # 2018 is not the summit
    assert set(told["how"]) == {HOW[2]} and told["sentence"].notna().all()
    # a check linking a statement, and an anniversary anchored on the event, tell it too
    checks = pd.DataFrame({"doc_id": ["c"], "sent_id": [0], "event_id": ["summit"]})
    anniversary = timexes.assign(anchor=["", "reference summit 2019-02-27", ""])
    more = tellings(sentences, mentions, anniversary, EVENTS, checks)
    assert {(d, h) for d, e, h in zip(more["doc_id"], more["event_id"], more["how"]) if e == "summit"} == \
        {("c", HOW[0]), ("b", HOW[1])}


def test_the_table_has_every_event_and_article_and_says_which_are_coded():
    sentences, mentions, timexes, docs = _corpus()
    table = omission_table(docs, tellings(sentences, mentions, timexes, EVENTS), EVENTS, coded=["a"])
    assert len(table) == len(EVENTS) * len(docs)
    assert table.set_index(["event_id", "doc_id"])["tells"].to_dict() == {
        ("ties", "a"): True, ("ties", "b"): False, ("ties", "c"): False, ("summit", "a"): False,
        ("summit", "b"): False, ("summit", "c"): False, ("trip", "a"): False, ("trip", "b"): True,
        ("trip", "c"): False}
    note = omissions_note(table)
    assert "a hand coding covers 1 of the 3 articles" in note and "2 a '–' may be an omission or an extraction miss" \
        in note
    assert "told by no article: 2019 · A summit in Hanoi" in note
    matrix = omissions_matrix(table, docs, pd.Series({"a": "A", "b": "B", "c": "C"}))
    assert matrix.loc["1992 · Ties between Ruritania and Vietnam"].tolist() == ["tells", "–", "–", "1 of 3"]
    per_outlet = omissions_matrix(table, docs, pd.Series({"a": "A", "b": "B", "c": "C"}), max_rows=2)
    assert per_outlet.loc["2019 · A trip to Vietnam"].tolist() == ["–", "1 of 2", "1 of 3"]
    fig, ax = plot_omissions(table, docs, pd.Series({"a": "A", "b": "B", "c": "C"}))
    assert ax.get_title(loc="left") == "2 of 3 reference events are told by some article; 1 by none"
    assert omissions_finding(table).startswith("- The articles tell 2 of the 3 reference events")


def test_third_party_events_are_read_against_the_media_systems():
    sentences, mentions, timexes, docs = _corpus()
    table = omission_table(docs, tellings(sentences, mentions, timexes, EVENTS), EVENTS, coded=["a", "b", "c"])
    assert third_party_events(table, EVENTS) == ["ties", "summit"]  # KOR, and a person of the United States
    outlets = pd.DataFrame({"outlet": ["Seoul Daily", "Party Paper"], "country": ["KOR", "VNM"],
                            "media_system": ["independent", "state"], "ambiguous": ["false", "true"]})
    reading = event_reading(table, "ties", outlets)
    assert reading == ("**1992 · Ties between Ruritania and Vietnam** is told by Seoul Daily (KOR, independent) and "
                       "left out by Party Paper (VNM, state, ambiguous, 2 of 2 articles) (state articles 0 of 2; "
                       "independent articles 1 of 1).")
    per = pd.DataFrame({"rupture": [4.0, 0.0, 0.0], "continuity": [0.0, 3.0, 0.0]}, index=docs.index)
    text = narratives_finding(table, EVENTS, outlets, per, docs["media_system"])
    assert "the rupture frame appears in 0 of the 2 state articles, 1 of the 1 independent article" in text
    assert "state articles tell 0% of what they could and independent ones 50%" in text


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["state", "independent"]), st.booleans(), st.booleans()), min_size=1,
                max_size=40))
def test_at_any_size_every_article_and_event_has_one_row(rows):
    docs = pd.DataFrame({"outlet": [f"o{i % 3}" for i in range(len(rows))], "media_system": [r[0] for r in rows]},
                        index=[f"d{i}" for i in range(len(rows))])
    docs["media_system"] = docs["outlet"].map(docs.groupby("outlet")["media_system"].first())
    told = pd.DataFrame([(d, e, 0, HOW[2], 0, 1, "x") for d, r in zip(docs.index, rows)
                         for e, t in (("ties", r[1]), ("trip", r[2])) if t],
                        columns=["doc_id", "event_id", "sent_id", "how", "start", "end", "sentence"])
    table = omission_table(docs, told, EVENTS, coded=docs.index[::2])
    assert len(table) == 3 * len(docs) and table.groupby("event_id")["doc_id"].nunique().eq(len(docs)).all()
    matrix = omissions_matrix(table, docs, pd.Series(docs.index, index=docs.index), max_rows=10)
    assert matrix.shape[1] <= max(10, docs["outlet"].nunique()) + 1
    assert omissions_finding(table).startswith("- ")


def test_the_shipped_chronology_gives_relationship_events():
    events = relationship_events()
    assert events["event_id"].is_unique and len(events)
    assert all(len(r) for r in events["required"] if r) and (events["first_year"] <= events["last_year"]).all()


def test_the_chronology_findings_add_the_omissions_bullet():
    from helpers.report.chronology import period_shares

    sentences, mentions, timexes, docs = _corpus()
    table = omission_table(docs, tellings(sentences, mentions, timexes, EVENTS), EVENTS)
    periods = pd.DataFrame({"period": ["late"], "start_year": [1900], "end_year": [2100]})
    _, shares = period_shares(pd.DataFrame({"period": ["late"], "media_system": ["state"]}), periods)
    args = (pd.DataFrame({"x": []}), pd.Series({"precision": float("nan"), "recall": float("nan")}), pd.DataFrame(),
            pd.DataFrame(columns=["event_id", "event", "outlet", "n_outlets", "date_start"]), shares,
            pd.DataFrame(columns=["event_id", "event"]), pd.Series(dtype=object), 3)
    without = chronology_findings(*args, n_coded=0)
    assert chronology_findings(*args, n_coded=0, omissions=table) == without + "\n" + omissions_finding(table)


def test_event_labels_stay_apart_when_shortened():
    from helpers.report.omissions import event_labels

    o = pd.DataFrame({"event_id": ["a", "b", "c"], "description": ["ties " * 20, "ties " * 20, "short"],
                      "date": ["1950-01-31", "1950-01-31", "1992"]})
    labels = event_labels(o, width=12)
    assert labels.is_unique and labels["c"] == "1992 · short" and labels["a"].endswith("… (a)")


def test_an_article_published_before_an_event_does_not_leave_it_out():
    sentences, mentions, timexes, docs = _corpus()
    docs = docs.assign(published=pd.to_datetime(["1995-01-01", "2019-03-05", "2010-01-01"]),
                       published_precision=["day", "day", "year"])
    table = omission_table(docs, tellings(sentences, mentions, timexes, EVENTS), EVENTS, coded=["a", "b", "c"])
    before = table.set_index(["event_id", "doc_id"])["before"]
    assert before[("summit", "a")] and before[("summit", "c")] and not before[("summit", "b")]
    assert not before[("ties", "c")] and not before[("trip", "b")]  # told, or published after it began
    matrix = omissions_matrix(table, docs, pd.Series({"a": "A", "b": "B", "c": "C"}))
    assert matrix.loc["2019 · A summit in Hanoi"].tolist() == ["(before)", "–", "(before)", "0 of 1"]
    outlets = pd.DataFrame({"outlet": ["Seoul Daily", "Party Paper"], "country": ["KOR", "VNM"],
                            "media_system": ["independent", "state"], "ambiguous": ["false", "false"]})
    reading = event_reading(table, "summit", outlets)
    assert "left out by Party Paper (VNM, state)" in reading and "2 articles published before it began" in reading
    late = omission_table(docs.assign(published=pd.to_datetime(["1995-01-01", "2010-01-01", "2010-01-01"])),
                          tellings(sentences, mentions, timexes, EVENTS), EVENTS)
    note = omissions_note(late)
    assert "1 event began after every article here was published: 2019 · A summit in Hanoi" in note
    assert "told by no article" not in note
