"""helpers.evaluate: a gold folder read and checked, the scoring rules, coder agreement, the results file."""
from __future__ import annotations

import pandas as pd
import pytest

from helpers.evaluate.agreement import adjudicate, cohen_kappa, visit_agreement
from helpers.evaluate.gold import GoldError, read_gold
from helpers.evaluate.results import load_results, save_results
from helpers.evaluate.score import (at_precision, dates_agree, evaluate_folder, same_person, score_documents,
                                    score_visits_gold)


def _write(folder, name, rows):
    folder.mkdir(exist_ok=True)
    pd.DataFrame(rows).to_csv(folder / name, index=False)


def test_gold_errors_name_the_file_row_and_problem(tmp_path):
    gold = tmp_path / "gold"
    _write(gold, "covered.csv", [{"file": "a.txt"}])
    _write(gold, "visits.csv", [{"file": "b.txt", "visitor": "X", "from_country": "VN", "to_country": "PRK",
                                 "date_start": "2011-13-01x", "date_end": "", "strictness": "maybe"}])
    with pytest.raises(GoldError) as err:
        read_gold(gold, {"a.txt"})
    text = str(err.value)
    for part in ("'b.txt' is not an article", "strictness", "from_country", "date_start", "not in covered.csv"):
        assert part in text
    with pytest.raises(GoldError, match="does not exist"):
        read_gold(tmp_path / "nowhere", set())


def test_the_older_date_columns_are_read(tmp_path):
    gold = tmp_path / "gold"
    _write(gold, "documents.csv", [{"file": "a.txt", "published": "2011-04-27", "published_precision": "day",
                                    "basis_expected": "catalog"}])
    _write(gold, "visits.csv", [{"file": "a.txt", "visitor": "X", "from_country": "VNM", "to_country": "PRK",
                                 "start": "2011-09", "end": "", "strictness": "strict"}])
    g = read_gold(gold, {"a.txt"})
    assert g.coverage_source == "documents.csv" and g.visits["date_start"].tolist() == ["2011-09"]


def test_dates_agree_at_the_coarser_precision():
    assert dates_agree(("2011-09", ""), ("2011-09-16", ""))
    assert dates_agree(("", ""), ("1999", ""))            # a coded trip with no date takes any date
    assert not dates_agree(("2011-09", ""), ("", ""))     # no date found for a dated trip
    assert not dates_agree(("1957-07", ""), ("1957-12", ""))
    assert dates_agree(("1958", ""), ("1958-11-27", "1958-12-03"))
    assert dates_agree(("", "2012-08-24"), ("2012-08-24", ""))  # a departure date coded as the end


def test_same_person_by_any_name():
    assert same_person("Kim Il Sung", {("kim", "il", "sung")})
    assert same_person("Kim Yong Nam", {("president", "kim", "yong", "nam")})
    assert not same_person("Kim Yong Il", {("kim", "yong", "nam")})
    assert not same_person("Kim", {("kim", "jong", "un")})  # one token is not enough to match a longer name


def test_publication_dates_at_their_precision():
    assert at_precision(pd.Timestamp("2019-02-19"), "month") == "2019-02" and at_precision(pd.NaT, "day") == ""
    docs = pd.DataFrame({"file": ["a.txt", "b.txt"], "published": pd.to_datetime(["2011-04-27", "2011-01-01"]),
                         "published_precision": ["day", "year"], "published_basis": ["catalog", "inferred"],
                         "published_evidence": ["", ""]}, index=pd.Index(["a", "b"], name="doc_id"))
    gold = read_gold_from({"documents.csv": [
        {"file": "a.txt", "published": "2011-04-27", "published_precision": "day", "basis_expected": "stated"},
        {"file": "b.txt", "published": "2011-04", "published_precision": "month", "basis_expected": "inferred"}]})
    out = score_documents(docs, gold)
    assert out["date_right"].tolist() == [True, False]   # a year is too coarse for a month
    assert out["basis_right"].tolist() == [False, True]


def read_gold_from(tables, tmp=None):
    import tempfile
    from pathlib import Path
    folder = Path(tempfile.mkdtemp()) / "gold"
    files = set()
    for name, rows in tables.items():
        _write(folder, name, rows)
        files |= {r["file"] for r in rows}
    return read_gold(folder, files)


def test_visits_outcomes_and_scope():
    docs = pd.DataFrame({"file": ["a.txt", "b.txt"]}, index=pd.Index(["a", "b"], name="doc_id"))
    sents = pd.DataFrame({"doc_id": ["a", "a", "b"], "sent_id": [0, 1, 0], "text": ["s0", "s1", "t0"]})
    cols = ["doc_id", "sent_id", "visitor", "visitor_id", "from_country", "to_country", "date_start", "date_end", "status"]
    visits = pd.DataFrame([
        ["a", 0, "Kim Yong Nam", "kim_yong_nam", "PRK", "VNM", "2012-08-06", "", "occurred"],   # right
        ["a", 1, "Kim Yong Nam", "kim_yong_nam", "PRK", "VNM", "2013-01", "", "occurred"],      # wrong date
        ["a", 1, "Ho Chi Minh", "ho_chi_minh", "VNM", "PRK", "2011", "", "occurred"],           # extra
        ["a", 1, "Kim Yong Nam", "kim_yong_nam", "PRK", "LAO", "2012-08", "", "occurred"],      # out of scope
        ["b", 0, "Nobody", "", "VNM", "PRK", "2012", "", "occurred"],                           # uncovered article
    ], columns=cols)
    gold = read_gold_from({"covered.csv": [{"file": "a.txt"}], "visits.csv": [
        {"file": "a.txt", "visitor": "Kim Yong Nam", "from_country": "PRK", "to_country": "VNM",
         "date_start": "2012-08", "date_end": "", "strictness": "strict"},
        {"file": "a.txt", "visitor": "Pak Pong Ju", "from_country": "PRK", "to_country": "VNM",
         "date_start": "", "date_end": "", "strictness": "strict"},
        {"file": "a.txt", "visitor": "Kim Jong Un", "from_country": "PRK", "to_country": "VNM",
         "date_start": "", "date_end": "", "strictness": "optional"}]})
    found, coded = score_visits_gold(visits, docs, sents, gold)
    assert found["outcome"].tolist() == ["right", "wrong date", "extra"]
    assert coded["outcome"].tolist() == ["found", "missed", "not found (optional)"]


def test_kappa_and_agreement():
    assert cohen_kappa(["a", "b", "a", "b"], ["a", "b", "a", "b"]) == 1.0
    assert cohen_kappa(["a", "a", "b", "b"], ["a", "b", "a", "b"]) == 0.0
    base = dict(file="x.txt", span_start="0", span_end="1", span="s", delegation="false", from_country="VNM",
                to_country="PRK", date_end="", status="occurred", note="")
    a = pd.DataFrame([{**base, "visitor": "Vu Duc Minh", "date_start": "2011-04-13", "strictness": "strict"},
                      {**base, "visitor": "Do Van Hung", "date_start": "2012-04", "strictness": "optional"}])
    b = pd.DataFrame([{**base, "visitor": "Vu Duc Minh", "date_start": "2011-04", "strictness": "optional"}])
    fig = visit_agreement(a, b, ["x.txt", "y.txt"]).set_index("figure")["value"]
    assert fig["trips coded by both"] == 1 and fig["positive agreement on trips"] == pytest.approx(2 / 3)
    assert fig["same dates, exactly"] == 0 and fig["same dates at the coarser precision"] == 1
    gold = adjudicate(a, b)
    assert gold["date_start"].tolist() == ["2011-04", "2012-04"]           # the coarser of the two dates
    assert gold["strictness"].tolist() == ["optional", "optional"]         # strict only if both say so
    assert gold["note"].tolist()[1] == "coder A only"


def test_results_file_replaces_a_label(tmp_path):
    path = tmp_path / "results.csv"
    fig = pd.DataFrame({"figure": ["visits recall"], "value": [0.5], "n": [4], "over": ["strict trips"]})
    save_results(path, fig, label="dev", corpus_dir="c", gold_dir="g")
    save_results(path, fig.assign(value=0.75), label="dev", corpus_dir="c", gold_dir="g")
    table = load_results(path)
    assert table["value"].tolist() == [0.75] and table["commit"].iloc[0]
