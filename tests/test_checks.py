"""corpus.checks: dated statements judged against the reference chronology (helpers.events.checks).

Sentences are invented; the seed test states the issue's 'done when' on the project's own seeds."""
import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.dates.intervals import parse_interval
from helpers.events import checks as ck
from helpers.knowledge import load_knowledge
from helpers.pipeline import load_corpus

INDEX = ck.build_reference_index(load_knowledge())
HCM, KIS58, KJU = INDEX.groups["hcm_dprk_1957"], INDEX.groups["kis_vietnam_1958"], INDEX.groups["kju_vietnam_2019"]


def _corpus(tmp_path: Path, sentences: list[str], published: str = "2020-05-01"):
    names = [f"t{i:02d}.txt" for i in range(len(sentences))]
    for name, text in zip(names, sentences):
        (tmp_path / name).write_text(f"A headline\n\n{text}\n", encoding="utf-8")
    pd.DataFrame({"file": names, "outlet": "Test Daily", "published": published}).to_csv(tmp_path / "catalog.csv",
                                                                                          index=False)
    pd.DataFrame([{"outlet": "Test Daily", "country": "KOR", "ownership": "private", "media_system": "independent",
                   "ambiguous": "false", "alternative_media_system": "", "evidence": "invented"}]).to_csv(
        tmp_path / "outlets.csv", index=False)
    return load_corpus(tmp_path)


def test_invented_sentences_get_the_issues_verdicts(tmp_path):
    c = _corpus(tmp_path, [
        "President Ho Chi Minh visited North Korea in December 1957 and toured its farms.",
        "Kim Il Sung visited Vietnam from November 27 to December 3, 1958.",
        "Kim Il Sung visited Vietnam from November 28 to December 2, 1958.",
        "Kim Jong Un arrived in Vietnam by train on February 26, 2019.",
        "Kim Jong Un paid an official goodwill visit to Vietnam in March 2019.",
        "Ho Chi Minh visited Pyongyang in 1957.",
        "The harvest of 1957 was good.",
        "Nong Duc Manh visited North Korea in 2003.",
    ])
    k = c.checks
    assert list(k.columns) == ck.CHECK_COLUMNS
    raw = c.documents["raw"]
    assert all(raw[d][a:b] == t for d, a, b, t in zip(k["doc_id"], k["start"], k["end"], k["text"]))
    got = {(d, t): (e, v) for d, t, e, v in zip(k["doc_id"], k["text"], k["event_id"], k["verdict"])}
    assert got[("t00", "December 1957")] == ("hcm_dprk_1957", "contradicts")
    assert got[("t01", "November 27 to December 3, 1958")] == ("kis_vietnam_1958", "contradicts")
    assert got[("t02", "November 28 to December 2, 1958")] == ("kis_vietnam_1958", "consistent")
    assert got[("t03", "February 26, 2019")] == ("kju_arrival_dong_dang_2019", "consistent")
    assert got[("t04", "March 2019")] == ("kju_goodwill_visit_vietnam_2019", "consistent")
    assert got[("t05", "1957")] == ("hcm_dprk_1957", "consistent")
    assert "t06" not in set(k["doc_id"])  # no event named: no statement about a reference event
    assert got[("t07", "2003")] == ("", "unverifiable")
    contra = k[k["verdict"] == "contradicts"]
    assert contra["source"].str.contains("http").all() and contra["reference_value"].ne("").all()


@given(st.dates(dt.date(1957, 1, 1), dt.date(1957, 12, 31)))
def test_a_day_of_1957_agrees_with_ho_chi_minhs_visit_only_inside_it(d):
    verdict = ck.judge(parse_interval(d.isoformat()), HCM)[2]
    assert verdict == ("consistent" if dt.date(1957, 7, 8) <= d <= dt.date(1957, 7, 12) else "contradicts")
    month = ck.judge(parse_interval(f"1957-{d.month:02d}"), HCM)[2]
    assert month == ("consistent" if d.month == 7 else "contradicts")
    assert ck.judge(parse_interval("1957"), HCM)[2] == "consistent"


@given(st.dates(dt.date(2019, 1, 1), dt.date(2019, 12, 31)))
def test_every_day_of_kim_jong_uns_trip_is_a_day_of_one_of_its_phases(d):
    ev, _, verdict, _ = ck.judge(parse_interval(d.isoformat()), KJU)
    inside = dt.date(2019, 2, 26) <= d <= dt.date(2019, 3, 2)
    assert verdict == ("consistent" if inside else "contradicts")
    if inside:
        assert ev.event_id != "kju_vietnam_2019" or d == dt.date(2019, 2, 26)  # a phase names it when one does


@given(st.sampled_from(["2019-02", "2019-03", "2019", "2019-02-27/2019-02-28", "2019-03-01/2019-03-02",
                        "2019-02-26/2019-03-02", "2019-02-26"]))
def test_no_date_of_a_phase_of_the_2019_trip_is_a_contradiction(value):
    assert ck.judge(parse_interval(*value.split("/")), KJU)[2] == "consistent"


@given(st.integers(-3, 1), st.integers(-1, 3))
def test_a_1958_range_agrees_only_when_both_ends_are_the_references(da, db):
    a, b = dt.date(1958, 11, 28) + dt.timedelta(days=da), dt.date(1958, 12, 2) + dt.timedelta(days=db)
    verdict = ck.judge(parse_interval(a.isoformat(), b.isoformat()), KIS58)[2]
    if a == b:  # one day, not a range: a day of the visit when it lies inside it
        assert verdict == ("consistent" if dt.date(1958, 11, 28) <= a <= dt.date(1958, 12, 2) else "contradicts")
    else:
        assert verdict == ("consistent" if da == db == 0 else "contradicts")


def test_references_that_disagree_at_the_stated_precision_leave_it_unverifiable():
    group = INDEX.groups["kis_vietnam_1964"]
    ev, claim, verdict, detail = ck.judge(parse_interval("1964-11-09", "1964-11-16"), group)
    assert verdict == "unverifiable" and claim.value == "1964-11" and "Global Times" in detail
    assert ck.judge(parse_interval("1964-11"), group)[2] == "consistent"
    assert ck.judge(parse_interval("1964-09"), group)[2] == "contradicts"


@settings(max_examples=5, deadline=None)
@given(month=st.sampled_from(["June", "July", "August"]), day=st.integers(1, 28))
def test_invented_day_statements_through_the_pipeline(tmp_path_factory, month, day):
    tmp = tmp_path_factory.mktemp("c")
    c = _corpus(tmp, [f"President Ho Chi Minh visited North Korea on {month} {day}, 1957."])
    row = c.checks.iloc[0]
    inside = month == "July" and 8 <= day <= 12
    assert row["event_id"] == "hcm_dprk_1957" and row["verdict"] == ("consistent" if inside else "contradicts")


def test_the_seed_checks(corpus):
    k = corpus.checks
    by_text = k.set_index("text")
    assert by_text.loc["December 1957", "verdict"] == "contradicts"
    assert by_text.loc["December 1957", "event_id"] == "hcm_dprk_1957"
    assert by_text.loc["November 27 to December 3, 1958", "verdict"] == "contradicts"
    assert by_text.loc["November 28 to December 2, 1958", "verdict"] == "consistent"
    y2019 = k[k["stated_value"].str.startswith("2019")]
    assert len(y2019) and (y2019["verdict"] == "consistent").all()
    assert set(k["verdict"]) <= set(ck.VERDICTS)


def test_a_failing_document_is_recorded(tmp_path, monkeypatch):
    c = _corpus(tmp_path, ["Ho Chi Minh visited Pyongyang in 1957.", "Ho Chi Minh went to Pyongyang in 1957."])
    real = ck.check_rows

    def flaky(doc_id, *args):
        if doc_id == "t01":
            raise RuntimeError("boom")
        return real(doc_id, *args)

    monkeypatch.setattr(ck, "check_rows", flaky)
    assert set(c.checks["doc_id"]) == {"t00"}
    assert ((c.problems["layer"] == "checks") & (c.problems["doc_id"] == "t01")).any()


def test_missing_columns_are_named(corpus):
    with pytest.raises(ValueError, match="visits table lacks"):
        ck.extract_corpus_checks(corpus.document_table, corpus.sentence_spans, corpus.timexes, corpus.mentions,
                                 corpus.visits.drop(columns=["visitor_id"]), corpus.kb)


def test_exchanges_are_dated_by_the_reference_where_their_statements_conflict(tmp_path):
    from helpers.events.exchanges import EXCHANGE_COLUMNS, merge_exchanges

    c = _corpus(tmp_path, ["President Ho Chi Minh visited North Korea in December 1957.",
                           "Ho Chi Minh visited North Korea in 1957.",
                           "Kim Jong Un arrived in Vietnam on February 26, 2019.",
                           "Kim Jong Un paid an official goodwill visit to Vietnam in March 2019."])
    x = c.exchanges
    assert list(x.columns) == EXCHANGE_COLUMNS
    hcm = x[x["visitor_id"] == "ho_chi_minh"].iloc[0]
    assert (hcm["date_start"], hcm["date_end"], hcm["date_basis"]) == ("1957-07-08", "1957-07-12", "reference")
    assert hcm["conflicting_statements"] == "1957-12 (t00)" and "http" in hcm["reference_source"]
    kju = x[x["visitor_id"] == "kim_jong_un"].iloc[0]
    assert kju["date_basis"] == "reported" and not kju["date_disagreement"] and kju["conflicting_statements"] == ""
    # without the checks the two phases of the 2019 trip look like a disagreement, and nothing is dated by reference
    bare = merge_exchanges(c.visits, c.document_table)
    assert bare.set_index("visitor_id").loc["kim_jong_un", "date_disagreement"]
    assert set(bare["date_basis"]) == {"reported"}


def test_disagreements_name_the_reference_and_leave_phases_alone(tmp_path):
    from helpers.events.chronology import annotate_events, cluster_events, dated_statements, disagreements

    c = _corpus(tmp_path, ["President Ho Chi Minh visited North Korea in December 1957.",
                           "Ho Chi Minh visited North Korea in 1957.",
                           "Kim Jong Un arrived in Vietnam on February 26, 2019.",
                           "Kim Jong Un paid an official goodwill visit to Vietnam in March 2019."])
    events = cluster_events(annotate_events(dated_statements(c.timexes, c.sentences, c.documents), c.sentences,
                                            kb=c.kb))
    dis = disagreements(events, c.checks)
    assert dis[["text", "verdict", "reference_value"]].values.tolist() == [
        ["December 1957", "contradicts", "1957-07-08/1957-07-12"]]
    assert "2019" not in " ".join(dis["value"])


def test_a_death_or_founding_is_dated_only_by_a_date_of_its_own(tmp_path):
    # a date resolved against the publication ('on Monday') dates the news of the day, and a date beside a visit
    # or a commemoration dates that act: neither is the date of the death the sentence names
    c = _corpus(tmp_path, ["The death of Kim Jong Il on December 19, 2011 shocked the country.",
                           "Officials expressed condolences over the death of Kim Jong Il on Monday.",
                           "A delegation visited the embassy on December 20, 2011 after the death of Kim Jong Il."],
                published="2011-12-21")
    k = c.checks
    assert k[k["event_id"] == "kim_jong_il_death"][["doc_id", "verdict"]].values.tolist() == [["t00", "contradicts"]]
