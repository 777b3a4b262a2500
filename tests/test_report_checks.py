"""helpers.report.checks: the per-outlet table and the notes on the checks against the references."""
import pandas as pd

from helpers.report import checks as rc

DOCS = pd.DataFrame({"outlet": ["A", "B", "A"], "media_system": ["state", "independent", "state"]},
                    index=["d1", "d2", "d3"])
ARTICLE = pd.Series({"d1": "A one", "d2": "B one", "d3": "A two"})
SENTENCES = pd.DataFrame({"doc_id": ["d1", "d2", "d3"], "sent_id": [0, 0, 0],
                          "text": ["He went there in May 1900.", "He went there from 2 to 4 June 1900.", "In 1900."]})


def _checks(verdicts=("contradicts", "consistent", "unverifiable")):
    return pd.DataFrame({
        "doc_id": ["d1", "d2", "d3"], "sent_id": [0, 0, 0], "start": [17, 14, 3], "end": [25, 35, 7],
        "text": ["May 1900", "from 2 to 4 June 1900", "1900"], "event_id": ["e", "e", ""], "trip_id": ["e", "e", ""],
        "stated_value": ["1900-05", "1900-06-02/1900-06-04", "1900"],
        "reference_value": ["1900-06-02/1900-06-04", "1900-06-02/1900-06-04", ""], "verdict": list(verdicts),
        "detail": ["", "", ""], "source": ["Ref, \"T\", https://r.example/", "Ref, \"T\", https://r.example/", ""]})


def test_table_counts_per_outlet_and_adds_up():
    t = rc.checks_table(_checks(), DOCS)
    assert list(t.columns) == rc.TABLE_COLUMNS
    assert t.set_index("outlet").loc["A", ["articles", "confirmed", "contradicted", "cannot check"]].tolist() == [2, 0, 1, 1]
    assert (t["dated statements checked"] == t[["confirmed", "contradicted", "cannot check"]].sum(axis=1)).all()
    assert rc.checks_table(_checks().iloc[:0], DOCS)["dated statements checked"].sum() == 0


def test_note_quotes_each_contradiction_with_its_source_and_the_article_borne_out():
    note = rc.checks_note(_checks(), SENTENCES, DOCS, ARTICLE)
    assert note.startswith("Of 3 dated statements")
    assert "confirm **1**, contradict **1** and cannot check **1** (1 names an event the chronology" in note
    assert "He went there in May 1900." in note and "https://r.example/" in note
    assert "The reference bears out B on this." in note
    assert "No article dates" in rc.checks_note(_checks().iloc[:0], SENTENCES, DOCS, ARTICLE)


def test_finding_and_table_of_contradictions():
    f = rc.checks_finding(_checks(), DOCS)
    assert f.startswith("- The cited references confirm 1 dated statement and contradict 1: A's “May 1900”")
    assert "B right" in f
    ok = rc.checks_finding(_checks(("consistent", "consistent", "unverifiable")), DOCS)
    assert "contradict none" in ok
    t = rc.contradiction_table(_checks(), SENTENCES, ARTICLE)
    assert t["sentence"].tolist() == ["He went there in May 1900."] and t["article"].tolist() == ["A one"]


def test_a_coarser_agreeing_statement_does_not_bear_out_a_finer_one():
    ck = _checks()
    ck.loc[1, "stated_value"] = "1900"  # agrees only at year precision: it cannot say the month is wrong
    assert rc.borne_out(ck, next(ck.itertuples()), DOCS) == []
