"""Visit statements, exchanges and scoring, on sentences written for the tests.

Temporal expressions are given by hand (text -> ISO value), so these tests do not
depend on the date extractor.
"""
from __future__ import annotations

import re

import pandas as pd
import pytest

from helpers.evaluate import score_visits
from helpers.events.exchanges import merge_exchanges, reported_span
from helpers.events.levels import title_check, visit_level, visit_year
from helpers.events.visits import _M, _T, visit_patterns, visit_rows
from helpers.knowledge import load_knowledge
from visit_text import visits_in


def visits(raw: str, dates: dict[str, str | tuple[str, str]] | None = None, published=None) -> pd.DataFrame:
    return visits_in(raw, dates, published)


def brief(v: pd.DataFrame) -> list[tuple]:
    return list(zip(v["visitor_id"], v["from_country"], v["to_country"], v["date_start"], v["status"]))


def test_x_visited_y_in_year_and_columns():
    raw = "Nguyen Phu Trong visited China in 2015."
    v = visits(raw, {"2015": "2015"})
    assert brief(v) == [("nguyen_phu_trong", "VNM", "CHN", "2015", "occurred")]
    r = v.iloc[0]
    assert r["cameo"] == "042" and r["date_end"] == "2015"
    assert raw[r["start"]:r["end"]] == r["evidence"] == "Nguyen Phu Trong visited China in 2015"


def test_possessive_visit_to_city():
    v = visits("Xi Jinping's state visit to Hanoi in November 2017 was brief.", {"November 2017": "2017-11"})
    assert brief(v) == [("xi_jinping", "CHN", "VNM", "2017-11", "occurred")]


def test_two_visitors_two_dates_respectively():
    raw = "Moon Jae-in, then in office, and Donald Trump visited Vietnam in 2018 and 2019 respectively."
    v = visits(raw, {"2018": "2018", "2019": "2019"})
    assert brief(v) == [("moon_jae_in", "KOR", "VNM", "2018", "occurred"),
                        ("donald_trump", "USA", "VNM", "2019", "occurred")]


def test_one_visitor_two_dates_gives_two_rows():
    v = visits("Choe Ryong Hae visited Laos twice, in 2012 and 2016.", {"2012": "2012", "2016": "2016"})
    assert v["date_start"].tolist() == ["2012", "2016"]


def test_relative_date_and_precise_range_wins():
    raw = "To Lam visited Laos in 2023. A year later, To Lam visited Russia from June 19 to 20, 2024."
    v = visits(raw, {"2023": "2023", "A year later": "2024", "June 19 to 20, 2024": ("2024-06-19", "2024-06-20")})
    assert brief(v)[1] == ("to_lam", "VNM", "RUS", "2024-06-19", "occurred")
    assert v.iloc[1]["date_end"] == "2024-06-20"


def test_paid_an_official_goodwill_visit():
    v = visits("Nguyen Phu Trong paid an official goodwill visit to Laos in August 2012.", {"August 2012": "2012-08"})
    assert brief(v) == [("nguyen_phu_trong", "VNM", "LAO", "2012-08", "occurred")]


def test_trip_was_made_with_short_name():
    raw = "Luong Cuong spoke in Hanoi. Cuong's trip to Japan was made in May 2025."
    v = visits(raw, {"May 2025": "2025-05"})
    assert brief(v) == [("luong_cuong", "VNM", "JPN", "2025-05", "occurred")]


def test_came_to_for_the_second_time():
    v = visits("In 2023, Xi Jinping came to Vietnam for the second time.", {"2023": "2023"})
    assert brief(v) == [("xi_jinping", "CHN", "VNM", "2023", "occurred")]


def test_delegation_led_by_someone():
    raw = "A delegation led by Choe Ryong Hae arrived in Hanoi in June 2012."
    v = visits(raw, {"June 2012": "2012-06"})
    assert brief(v) == [("choe_ryong_hae", "PRK", "VNM", "2012-06", "occurred")]
    assert bool(v.iloc[0]["delegation"]) and v.iloc[0]["level"] == "delegation"


def test_pronoun_stands_for_the_visitor():
    raw = "Donald Trump left Washington on Monday. He visited Japan in 2019 and praised the hosts."
    v = visits(raw, {"2019": "2019"})
    assert brief(v) == [("donald_trump", "USA", "JPN", "2019", "occurred")]


def test_descriptive_destination_is_the_other_country():
    raw = "Kim Jong Un hosted officials from Laos. He paid a visit to the Southeast Asian country in 2018."
    v = visits(raw, {"2018": "2018"})
    assert brief(v) == [("kim_jong_un", "PRK", "LAO", "2018", "occurred")]


@pytest.mark.parametrize("raw", [
    "Luong Cuong will visit Pyongyang next spring.",
    "Xi Jinping is set to travel to Hanoi for the summit.",
    "When Kim Jong Un arrives in Singapore, crowds will gather.",
])
def test_announced_visits_are_planned(raw):
    v = visits(raw)
    assert len(v) == 1 and v.iloc[0]["status"] == "planned"


def test_date_after_publication_is_planned():
    v = visits("Luong Cuong's visit to Pyongyang in October 2025 was agreed.", {"October 2025": "2025-10"},
               published="2025-01-31")
    assert v.iloc[0]["status"] == "planned"


@pytest.mark.parametrize("raw", [
    "In Hanoi, Kim Jong Un visited the Sunflower Textile Plant.",  # inside the country, unknown facility
    "The agreements reached at the summit in Hanoi were historic.",  # no visitor
    "Kim Jong Un visited the embassy in Hanoi.",  # not a country
])
def test_non_visits(raw):
    assert visits(raw).empty


def test_report_date_does_not_date_the_visit():
    raw = "Ri Yong Ho, who visited Laos, said in a report in May 2019 that ties were good."
    v = visits(raw, {"May 2019": "2019-05"})
    assert brief(v) == [("ri_yong_ho", "PRK", "LAO", "", "occurred")]


def test_two_events_in_one_clause_keep_their_own_dates():
    raw = "Xi Jinping's visit to Hanoi in 2017 and Nguyen Phu Trong's China visit in 2022 were milestones."
    v = visits(raw, {"2017": "2017", "2022": "2022"})
    assert brief(v) == [("xi_jinping", "CHN", "VNM", "2017", "occurred"),
                        ("nguyen_phu_trong", "VNM", "CHN", "2022", "occurred")]


def test_title_as_the_article_gives_it():
    raw = "Chinese President Xi Jinping visited Vietnam in 2017. Luong Cuong, President of Vietnam, visited Laos in 2025."
    v = visits(raw, {"2017": "2017", "2025": "2025"})
    assert v["visitor_title"].tolist() == ["Chinese President", "President of Vietnam"]


def test_visit_year():
    assert visit_year("1958-11-27") == 1958 and visit_year("195X") == 1950
    assert visit_year("") is None and visit_year("P55Y") is None


@pytest.mark.parametrize("reports, expected", [
    ([], ("", "", False)),
    ([("1958", "1958"), ("1958-11-27", "1958-12-03")], ("1958-11-27", "1958-12-03", False)),  # finer inside coarser
    ([("1958-11-27", "1958-12-03"), ("1958-11-28", "1958-12-02")], ("1958-11-27", "1958-12-03", True)),
    ([("2019-02", "2019-02"), ("2019-03", "2019-03")], ("2019-02", "2019-03", True)),  # disjoint months
    # a month overlapping a range that spills out of it: the looser account, not a disagreement
    ([("1958-11", "1958-11"), ("1958-11-20", "1958-12-05")], ("1958-11", "1958-12-05", False)),
])
def test_reported_span_keeps_the_finest_reports_and_applies_the_one_rule(reports, expected):
    assert reported_span(reports) == expected
    assert reported_span(list(reversed(reports))) == expected


def _statement(doc, visitor, start, end="", status="occurred", title="", to="VNM"):
    return dict(doc_id=doc, sent_id=0, start=0, end=1, visitor=visitor.title(), visitor_id=visitor, visitor_title=title,
                from_country="PRK", to_country=to, date_start=start, date_end=end or start, status=status,
                cameo="042", delegation=False, level="head of party or state", trigger="visited", evidence="")


def test_merge_exchanges_groups_compatible_dates_and_shows_disagreement():
    v = pd.DataFrame([
        _statement("a", "kim_il_sung", "1958", title="Premier"),
        _statement("b", "kim_il_sung", "1958-11-27", "1958-12-03"),
        _statement("c", "kim_il_sung", "1958-11-28", "1958-12-02", title="President"),
        _statement("a", "kim_il_sung", "1964"),
        _statement("d", "kim_jong_un", "2019-02"),
        _statement("e", "kim_jong_un", "2019-03"),
        _statement("f", "kim_jong_un", "", status="planned"),
        _statement("a", "kim_il_sung", ""),  # undated, two candidates: left alone
    ])
    x = merge_exchanges(v)
    assert len(x) == 3
    k58 = x[(x["visitor_id"] == "kim_il_sung") & (x["year"] == 1958)].iloc[0]
    assert k58["doc_ids"] == ("a", "b", "c") and k58["date_disagreement"]
    assert (k58["date_start"], k58["date_end"]) == ("1958-11-27", "1958-12-03")
    assert "Premier (a)" in k58["titles_reported"] and "President (c)" in k58["titles_reported"]
    kju = x[x["visitor_id"] == "kim_jong_un"].iloc[0]
    assert kju["n_articles"] == 3 and kju["status"] == "occurred" and kju["date_disagreement"]
    assert (kju["date_start"], kju["date_end"]) == ("2019-02", "2019-03")


def test_score_visits_counts_and_lists_errors():
    gold = pd.DataFrame([_statement("a", "kim_il_sung", "1958"), _statement("a", "kim_il_sung", "1964")])
    ext = pd.DataFrame([_statement("a", "kim_il_sung", "1958"), _statement("a", "kim_il_sung", "1965")])
    p, r, err = score_visits(ext, gold)
    assert (p, r) == (0.5, 0.5)
    assert err["error"].tolist() == ["extra", "missed"] and err["date_start"].tolist() == ["1965", "1964"]


def test_levels_and_titles_against_office_years():
    assert visit_level("kim_yong_il", "2007") == "government"
    assert visit_level("kim_il_sung", "1958") == "head of party or state"
    assert visit_level("kim_il_sung", "1958", delegation=True) == "delegation"
    checks = title_check("kim_il_sung", "President", "1958")
    assert checks["held"].tolist() == [False]
    assert title_check("kim_il_sung", "Premier", "1958")["held"].tolist() == [True]
    assert title_check("kim_il_sung", "President", "1980")["held"].tolist() == [True]


@pytest.mark.parametrize("raw", [
    "After the summit, Kim Jong Un arrived in Pyongyang on March 5.",  # home again
    "To Lam visited Da Nang in 2024 to inspect the port.",  # a city of his own country
    "Nguyen Phu Trong will travel to Hanoi next week.",  # planned, still domestic
])
def test_a_trip_to_the_visitors_own_country_is_not_a_visit(raw):
    assert visits(raw).empty


def test_domestic_leg_is_dropped_but_the_foreign_one_kept():
    raw = "Xi Jinping and Luong Cuong arrived in Hanoi in 2023."
    v = visits(raw, {"2023": "2023"})
    assert brief(v) == [("xi_jinping", "CHN", "VNM", "2023", "occurred")]
    raw = "Kim Jong Un visited Laos in 2018 and returned home, then visited Pyongyang in 2019."
    v = visits(raw, {"2018": "2018", "2019": "2019"})
    assert brief(v) == [("kim_jong_un", "PRK", "LAO", "2018", "occurred")]


@pytest.mark.parametrize("raw", [
    "Xi Jinping visited the Vietnamese embassy in 2017.",
    "Donald Trump paid a condolatory visit to the Vietnamese in 2024.",
    "Kim Yo Jong's Chinese visit was cut short.",  # a nationality adjective before a noun trigger
])
def test_a_nationality_adjective_is_not_a_destination(raw):
    assert visits(raw, {y: y for y in re.findall(r"\b20\d\d\b", raw)}).empty


def test_a_nationality_adjective_before_a_place_noun_is_a_destination():
    raw = "Xi Jinping visited the Vietnamese capital in November 2017 and met To Lam."
    v = visits(raw, {"November 2017": "2017-11"})
    assert brief(v) == [("xi_jinping", "CHN", "VNM", "2017-11", "occurred")]
    assert v.iloc[0]["evidence"] == "Xi Jinping visited the Vietnamese capital in November 2017"


def test_levels_read_the_knowledge_base_they_are_given():
    gaz = load_knowledge().gazetteer
    offices = pd.DataFrame({"entity_id": ["kim_il_sung"], "office": ["President of the DPRK"],
                            "level": ["head of party or state"], "paramount": [False], "start_year": [1900],
                            "end_year": [pd.NA]}).astype({"start_year": "Int64", "end_year": "Int64"})
    kb = load_knowledge(gazetteer=gaz, offices=offices)
    assert title_check("kim_il_sung", "President", "1958", kb)["held"].tolist() == [True]
    assert title_check("kim_il_sung", "President", "1958")["held"].tolist() == [False]
    assert visit_level("kim_yong_il", "2007", kb=kb) == "delegation"  # no office on record in this base


def test_reporting_verbs_end_the_clause_and_come_from_the_one_list():
    pats = visit_patterns(load_knowledge())
    for form in load_knowledge().reporting_forms():
        assert pats.report.search(f"the ministry {form} in 2019")
    raw = "Kim Il Sung visited Vietnam, KCNA reports in 2019."
    assert brief(visits(raw, {"2019": "2019"})) == [("kim_il_sung", "PRK", "VNM", "", "occurred")]


class _Counted(_M):
    """A mention record that counts how often extraction reads it."""

    __slots__ = ()
    reads = 0

    def __getattribute__(self, name):
        if name in _M._fields:
            type(self).reads += 1
        return super().__getattribute__(name)


def _long_document(n: int):
    sentence = "Kim Il Sung visited Vietnam in 1958. "
    raw = sentence * n  # one line of n short sentences (the reliability reproducer, smaller)
    L = len(sentence)
    sents = pd.DataFrame({"sent_id": range(n), "start": [i * L for i in range(n)],
                          "end": [i * L + L - 1 for i in range(n)]})
    ments = []
    for i in range(n):
        ments.append(_Counted(i * L, i * L + 11, "kim_il_sung", "person", "name"))
        ments.append(_Counted(i * L + 20, i * L + 27, "VNM", "country", "name"))
    tx = [_T(i * L + 31, i * L + 35, "1958", "", "date") for i in range(n)]
    return raw, sents, ments, tx


def test_work_per_sentence_does_not_grow_with_the_document():
    reads = {}
    for n in (200, 800):
        raw, sents, ments, tx = _long_document(n)
        _Counted.reads = 0
        rows = visit_rows(raw, sents, ments, tx, "t")
        assert len(rows) == n and {r["date_start"] for r in rows} == {"1958"}
        reads[n] = _Counted.reads / n
    # reads per sentence: sorting costs a log factor; a scan of the document per trigger would cost 4x
    assert reads[800] < 1.5 * reads[200]


def test_a_long_one_line_document_runs():
    raw, sents, ments, tx = _long_document(5000)
    assert len(visit_rows(raw, sents, ments, tx, "t")) == 5000


def test_position_index_lookups_are_local_and_right():
    from helpers.events.index import DocIndex, Sorted

    recs = [_M(s, s + 3, f"e{s}", "person" if s % 20 == 0 else "country", "name") for s in range(100, 0, -10)]
    idx = Sorted(recs)
    assert idx.starts == sorted(idx.starts)
    assert [r.start for r in idx.starting_in(30, 60)] == [30, 40, 50]
    assert idx.starting_in(61, 65) == []
    assert idx.last_before(55, lambda r: True).start == 50
    assert idx.last_before(55, lambda r: r.type == "person").start == 40
    assert idx.last_before(10, lambda r: True) is None
    tx = [_T(35, 39, "1958", "", "date"), _T(5, 8, "P2D", "", "duration"), _T(70, 74, "", "", "date")]
    doc = DocIndex("x" * 120, recs, tx)
    assert [t.start for t in doc.tx.recs] == [35]  # durations and unresolved expressions are no dates
    assert [p.start for p in doc.persons.recs] == [20, 40, 60, 80, 100]
    assert doc.next_timex_start(35) is None and doc.next_timex_start(34) == 35
