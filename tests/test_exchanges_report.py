"""Report tables for notebook 03, on hand-made statements and mentions (not the seeds)."""
from __future__ import annotations

import pandas as pd

from helpers.report.exchanges import (coverage, direction_label, exchange_reports, is_paramount, named_people,
                                      naming_summary, offices_in, top_level, top_level_gaps, visits_between)
from helpers.events.exchanges import merge_exchanges


def _statement(doc, visitor, start, end="", title="", fc="PRK", tc="VNM", status="occurred", level="head of party or state"):
    return dict(doc_id=doc, sent_id=0, start=0, end=1, visitor=visitor.replace("_", " ").title(), visitor_id=visitor,
                visitor_title=title, from_country=fc, to_country=tc, date_start=start, date_end=end or start,
                status=status, cameo="042", delegation=False, level=level, trigger="visited", evidence="")


DOCS = pd.DataFrame({"outlet": ["Alpha", "Beta", "Gamma"],
                     "published": pd.to_datetime(["2019-03-01", "2024-06-01", "2025-02-01"])},
                    index=pd.Index(["a", "b", "c"], name="doc_id"))

VISITS = pd.DataFrame([
    _statement("a", "kim_il_sung", "1958", title="Premier"),
    _statement("b", "kim_il_sung", "1958-11-28", "1958-12-02", title="President"),
    _statement("a", "kim_il_sung", "1964-11"),
    _statement("a", "kim_yong_nam", "2001", title="President of the Presidium"),
    _statement("a", "ri_yong_ho", "2018-11", title="Foreign Minister", level="government"),
    _statement("b", "kim_jong_un", "2019-03", title="General Secretary"),
    _statement("c", "kim_jong_un", "2019-02", title="leader"),
    _statement("a", "nong_duc_manh", "2007", fc="VNM", tc="PRK", title="General Secretary"),
    _statement("a", "ho_chi_minh", "1957", fc="VNM", tc="PRK"),
    _statement("c", "hoang_quoc_viet", "1951-08", fc="VNM", tc="PRK", title="vice chairman", level="delegation"),
])


def test_direction_label_and_offices():
    assert direction_label("VNM", "PRK") == "Vietnam → North Korea"
    assert direction_label("VNM", "XYZ") == "Vietnam → XYZ"
    assert is_paramount("kim_il_sung", "1958") and is_paramount("kim_jong_un", "2019-02")
    assert not is_paramount("kim_yong_nam", "2001")  # nominal head of state, not the party leader
    assert not is_paramount("kim_il_sung", "")  # undated is never top-level
    assert offices_in("kim_il_sung", "1958").startswith("Premier of the DPRK")


def test_exchange_reports_check_titles_at_the_exchange_date():
    x = merge_exchanges(VISITS, DOCS)
    rep = exchange_reports(VISITS, x, DOCS).set_index(["visitor", "outlet"])
    assert rep.loc[("Kim Il Sung", "Alpha"), "title_check"].iloc[0] == "held in 1958"
    assert rep.loc[("Kim Il Sung", "Beta"), "title_check"] == "President not held in 1958"
    assert rep.loc[("Kim Il Sung", "Beta"), "dates"] == "1958-11-28/1958-12-02"
    assert rep.loc[("Kim Jong Un", "Beta"), "title_check"] == "General Secretary not held in 2019"
    assert rep.loc[("Kim Jong Un", "Gamma"), "title_check"] == ""  # 'leader' names no office
    assert rep.loc[("Hoang Quoc Viet", "Gamma"), "title_check"] == "no offices on record"
    assert list(rep.index.get_level_values(0))[0] == "Hoang Quoc Viet"  # in the exchanges' date order


def test_top_level_gaps_and_what_lies_inside():
    x = merge_exchanges(VISITS, DOCS)
    assert top_level(x).sum() == 5  # Kim Il Sung twice, Kim Jong Un, Ho Chi Minh, Nong Duc Manh
    gaps = top_level_gaps(x)
    g = gaps.iloc[0]
    assert (g["direction"], g["before_end"], g["after_start"]) == ("North Korea → Vietnam", "1964-11", "2019-02")
    assert g["calendar_years"] == 55 and 54 < g["years"] < 54.3
    assert gaps["direction"].tolist().count("Vietnam → North Korea") == 1
    inside = visits_between(x, g["before_end"], g["after_start"])
    assert inside["visitor"].tolist() == ["Kim Yong Nam", "Nong Duc Manh", "Ri Yong Ho"]


def test_named_people_roles_and_summary():
    m = pd.DataFrame([
        ("a", 0, "kim_il_sung", "person", "name"), ("a", 1, "kim_il_sung", "person", "short"),
        ("a", 1, "kim_jong_un", "person", "name"), ("a", 2, "pham_van_dong", "person", "name"),
        ("b", 0, "to_lam", "person", "name"), ("c", 0, "donald_trump", "person", "name"),
        ("c", 0, "VNM", "country", "name"),
    ], columns=["doc_id", "sent_id", "entity_id", "type", "form"])
    named = named_people(m, DOCS).set_index(["doc_id", "entity_id"])
    assert named.loc[("a", "kim_il_sung"), "role"] == "founder" and named.loc[("a", "kim_il_sung"), "mentions"] == 2
    assert named.loc[("a", "kim_jong_un"), "role"] == "leader at publication"
    assert named.loc[("a", "pham_van_dong"), "role"] == "other"
    assert named.loc[("b", "to_lam"), "role"] == "leader at publication"
    assert ("c", "VNM") not in named.index
    summary = naming_summary(named_people(m, DOCS))
    assert summary.index.tolist() == ["Alpha", "Beta", "Gamma"]
    assert summary.loc["Alpha", "founder: North Korea"] == "Kim Il Sung"
    assert summary.loc["Gamma", "leader at publication: other countries"] == "Donald Trump"
    assert summary.loc["Alpha", "people"] == 3 and summary.loc["Alpha", "mentions"] == 4


def test_coverage_marks_the_reporting_articles():
    x = merge_exchanges(VISITS, DOCS)
    cov = coverage(x, DOCS)
    row = cov.loc["Kim Jong Un North Korea → Vietnam 2019"]
    assert row.tolist() == [False, True, True]
    assert cov.sum().tolist() == [6, 2, 2]
