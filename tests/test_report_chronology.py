"""Tables, prose and the figure of notebook 02 (helpers.report.chronology) on small made-up tables;
properties on the corpus."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from helpers.report.chronology import (chronology_findings, contradiction_notes, events_note,  # noqa: E402
                                       inconsistency_table, period_note, period_shares, period_table,
                                       plot_period_shares, publication_note, publication_table, reference_dates_within,
                                       reference_note, self_contradictions, shared_events, shared_events_note,
                                       timeline_title, timeline_years, timex_kinds, timex_note, timex_scores_note,
                                       versions_note)


@pytest.fixture
def docs():
    return pd.DataFrame({
        "outlet": ["A", "B"], "media_system": ["state", "independent"],
        "published": pd.to_datetime(["2019-02-19", "2022-01-01"]), "published_precision": ["day", "year"],
        "published_basis": ["stated", "inferred"], "published_evidence": ["dateline", "'64 years ago' <from 1958>"]},
        index=pd.Index(["a", "b"], name="doc_id"))


def test_timex_kinds_and_note(docs):
    t = pd.DataFrame({"doc_id": ["a", "a", "b"], "kind": ["date", "relative", "relative"],
                      "value": ["1958", "", "2019-02"], "text": ["1958", "decades <ago>", "last month"]})
    kinds = timex_kinds(t, docs)
    assert kinds.loc["A", "date"] == 1 and kinds["total"].tolist() == [2, 1]
    assert timex_note(t) == ("The bodies hold 3 temporal expressions; 2 are relative (to the publication date or to "
                             "the narrative) and 1 keeps an empty value because the text does not fix it: "
                             "“decades &lt;ago&gt;”.")


def test_publication_table_and_note(docs):
    assert publication_table(docs)["published"].tolist() == ["2019-02-19", "2022"]
    assert publication_note(docs) == ("1 page prints its date. For B · 2022 · \\(no headline\\) the loader inferred 2022 "
                                      "(year precision) from '64 years ago' &lt;from 1958&gt;.")
    more = pd.concat([docs, docs.iloc[1:].rename(index={"b": "c"})]).assign(
        published_basis=["catalog", "inferred", "inferred"])
    assert publication_note(more, max_listed=1) == ("No page prints its date; 1 article is dated by the catalog "
                                                    "alone; 2 articles are dated from their own words (notebook 01 "
                                                    "lists each with its evidence).")


def _inconsistent():
    return pd.DataFrame({"doc_id": ["a", "b", "b"], "sent_id": [0, 1, 2], "relative_text": ["later", "64 years ago",
                                                                                          "55 years ago"],
                         "relative_value": ["1958", "1958", "1967"], "anchor": ["narrative", "published", "published"],
                         "explicit_text": ["1958", "1958", "1966"], "explicit_value": ["1958", "1958", "1966"],
                         "implied_published": pd.array([pd.NA, 2022, 2021], dtype="Int64"),
                         "consistent": [True, True, False]})


def test_self_contradictions(docs):
    split = self_contradictions(_inconsistent())
    assert split.index.tolist() == ["b"] and sorted(split["b"]) == [2021, 2022]
    notes = contradiction_notes(_inconsistent(), docs)
    assert len(notes) == 1 and notes[0].startswith("**B contradicts itself.** “64 years ago” with “1958” implies "
                                                   "publication in 2022; “55 years ago” with “1966” implies publication in 2021.")
    assert "inferred year (2022)" in notes[0]
    assert contradiction_notes(_inconsistent().iloc[:2], docs) == ["No article implies two different publication years."]
    assert inconsistency_table(_inconsistent(), docs)["outlet"].tolist() == ["A", "B", "B"]


def test_timex_scores_note():
    scores = pd.Series({"codebook rows": 10, "found": 9, "correct values": 8, "precision": 8 / 9, "recall": 0.8})
    note = timex_scores_note(scores, pd.DataFrame({"x": [1, 2]}), 3)
    assert note.startswith("On the 3 coded articles, against 10 codebook rows, precision is **0.889** and recall "
                           "**0.800** (8 correct values out of 9 found); 2 errors listed below. The rules were")
    assert "not coded" not in note
    note = timex_scores_note(scores, pd.DataFrame({"x": [1, 2]}), 3, n_uncoded=15, uncoded_found=40)
    assert "The 15 other articles of this corpus are not coded: their 40 expressions count neither" in note
    assert "nothing is scored" in timex_scores_note(scores, pd.DataFrame(), 0, n_uncoded=2, uncoded_found=4)


def test_events_note():
    statements = pd.DataFrame({"doc_id": ["a", "a", "b"], "sent_id": [0, 0, 3]})
    events = pd.DataFrame({"event_id": ["e1", "", ""], "sentence": ["s0", "s1", "s1"]})
    assert events_note(statements, events) == ("3 dated statements come from 2 sentences; 1 of them belong to one of "
                                               "1 event. The other 2 date something the event words do not name or "
                                               "give only a decade, for example: “s1”.")


def _points():
    return pd.DataFrame({"event_id": ["e1", "e1", "e2", "e3", "e3", "e3"], "event": ["E1", "E1", "E2", "E3", "E3", "E3"],
                         "outlet": ["A", "B", "A", "C", "A", "B"],
                         "date_start": pd.to_datetime(["1958-01-01"] * 2 + ["1990-01-01"] + ["1950-01-01"] * 3),
                         "n_outlets": [2, 2, 1, 3, 3, 3]})


def test_shared_events_timeline(docs):
    assert shared_events(_points())["event_id"].tolist() == ["e3", "e1"]
    assert timeline_title(_points()) == "Only 2 of 3 events are told by two or more outlets: those of 1950, 1958"
    assert shared_events_note(_points()) == ("Events told by more than one outlet:\n\n- E3: 3 outlets (A, B, C)\n"
                                             "- E1: 2 outlets (A, B)")
    assert timeline_years(docs, pd.DataFrame({"start_year": [1970, 1945]})) == (1945, 2023)


def test_periods_shares_note_and_figure():
    statements = pd.DataFrame({"period": ["p1", "p1", "p2", "anniversaries", "p1"],
                               "media_system": ["state", "state", "state", "independent", "independent"]})
    counts, shares = period_shares(statements, pd.DataFrame({"period": ["p1", "p2"]}))
    assert counts.index.tolist() == ["p1", "p2", "anniversaries"]
    assert counts["state"].tolist() == [2, 1, 0] and shares["independent"].tolist() == [0.5, 0, 0.5]
    assert period_table(counts, shares).loc["p1", "state share"] == 0.67
    assert period_note(shares).split("\n")[0] == "- **p1**: state 67%, independent 50%"
    fig, ax = plot_period_shares(counts, shares)
    assert ax.get_title() == "Both systems dwell most on p1" and len(ax.patches) == 6
    plt.close(fig)


def _dis():
    return pd.DataFrame({"event_id": ["v2019"] * 3 + ["v1958"] * 2, "event": ["V19"] * 3 + ["V58"] * 2,
                         "outlet": ["A", "B", "C", "A", "B"],
                         "value": ["2019-02", "2019-03", "2019-02", "1958-11-27", "1958-11-28"],
                         "end_value": ["", "", "", "1958-12-03", "1958-12-02"]})


def test_versions_and_reference_dates_within():
    assert versions_note(_dis()) == ("2 events are dated differently by different articles:\n\n"
                                     "- **V19**: 2019-02 (A, C); 2019-03 (B)\n"
                                     "- **V58**: 1958-11-27–1958-12-03 (A); 1958-11-28–1958-12-02 (B)")
    refs = pd.DataFrame({"event_id": ["early", "summit", "goodwill", "late", "open"],
                         "description": ["x", "Summit", "Goodwill", "y", "z"],
                         "date": pd.to_datetime(["2019-01-30", "2019-02-27", "2019-03-01", "2019-03-31", "1958-12-01"]),
                         "end_date": ["2019-02-02", "2019-02-28", "2019-03-02", "2019-04-01", None],
                         "source": ["s"] * 5})
    inside = reference_dates_within(_dis(), refs)
    assert inside["event_id"].tolist() == ["open", "summit", "goodwill"]
    note = reference_note(inside)
    assert note.split("\n")[1] == "- Summit: 27 February 2019–28 February 2019 (source: s)"
    assert note.split("\n")[0] == "- z: 01 December 1958 (source: s)"


def test_reference_dates_within_names_the_2019_stay_on_the_corpus(corpus):
    from helpers.dates.anniversary import reference_dates
    from helpers.events.chronology import annotate_events, cluster_events, dated_statements, disagreements

    statements = annotate_events(dated_statements(corpus.timexes, corpus.sentences, corpus.documents), corpus.sentences)
    dis = disagreements(cluster_events(statements))
    inside = reference_dates_within(dis, reference_dates())
    assert len(inside) >= 1 and (inside["date"].dt.year.isin(
        {int(v[:4]) for v in dis["value"]})).all()


def test_findings(docs):
    scores = pd.Series({"precision": 0.5, "recall": 0.25})
    shares = pd.DataFrame({"state": [0.6, 0.4], "independent": [0.5, 0.5]}, index=["first p", "second"])
    text = chronology_findings(pd.DataFrame({"x": range(4)}), scores, pd.DataFrame({"e": [1]}), _points(), shares,
                               _dis(), pd.Series([[1, 2]]), 2)
    lines = text.split("\n")
    assert lines[0] == ("- The extractor finds 4 temporal expressions in the 2 bodies; against the hand-made codebook "
                        "its precision is 0.50 and its recall 0.25 (1 error), in-sample.")
    assert lines[1] == "- 2 events of 3 are told by more than one outlet; the most told is E3."
    assert lines[2].startswith("- The period of the first p takes 60% of state media's")
    assert lines[3].startswith("- 2 events are dated differently across articles (V19; V58)")
    assert lines[4].startswith("- 1 article implies")


def test_findings_score_only_the_coded_articles_and_survive_no_shared_event():
    scores = pd.Series({"precision": 0.5, "recall": 0.25})
    shares = pd.DataFrame({"state": [0.5], "independent": [0.25]}, index=["war"])
    points = _points()
    text = chronology_findings(pd.DataFrame({"x": range(4)}), scores, pd.DataFrame({"e": [1]}), points, shares,
                               _dis(), pd.Series([[1, 2]]), 20, n_coded=5)
    assert "against the hand-made codebook (on the 5 coded articles) its precision is 0.50" in text
    text = chronology_findings(pd.DataFrame({"x": range(4)}), scores, pd.DataFrame(), points.iloc[2:3], shares,
                               _dis(), pd.Series([[1, 2]]), 20, n_coded=0)
    assert "nothing is scored" in text and "- The one event is told by one outlet." in text
