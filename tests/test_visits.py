"""Visit statements, exchanges and scoring, on sentences written for the tests.

Temporal expressions are given by hand (text -> ISO value), so these tests do not
depend on the date extractor.
"""
from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pytest

from helpers.annotate.mentions import extract_mentions
from helpers.corpus.sentences import split_sentences
from helpers.events.visits import (
    dates_disagree,
    extract_visits,
    iso_interval,
    merge_exchanges,
    score_visits,
    title_check,
    visit_level,
)


def visits(raw: str, dates: dict[str, str | tuple[str, str]] | None = None, published=None) -> pd.DataFrame:
    spans = split_sentences(raw)
    sents = pd.DataFrame({"sent_id": range(len(spans)), "start": [a for a, _ in spans], "end": [b for _, b in spans]})
    pub = pd.Timestamp(published) if published else None
    ments = extract_mentions(raw, sents, "t", published=pub)
    rows = []
    for text, value in (dates or {}).items():
        start = raw.index(text)
        v, ev = (value, value) if isinstance(value, str) else value
        sid = next(i for i, (a, b) in enumerate(spans) if a <= start < b)
        rows.append(dict(doc_id="t", sent_id=sid, start=start, end=start + len(text), text=text,
                         kind="range" if v != ev else "date", value=v, end_value=ev if v != ev else ""))
    tx = pd.DataFrame(rows, columns=["doc_id", "sent_id", "start", "end", "text", "kind", "value", "end_value"])
    return extract_visits(raw, sents, ments, tx, "t", pub)


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


def test_iso_interval():
    assert iso_interval("1958") == (dt.date(1958, 1, 1), dt.date(1958, 12, 31), "year")
    assert iso_interval("2019-02") == (dt.date(2019, 2, 1), dt.date(2019, 2, 28), "month")
    assert iso_interval("195X")[2] == "decade"
    assert iso_interval("") is None and iso_interval("P55Y") is None


def test_dates_disagree():
    assert dates_disagree(("1958-11-27", "1958-12-03"), ("1958-11-28", "1958-12-02"))
    assert dates_disagree(("2019-02", "2019-02"), ("2019-03", "2019-03"))
    assert not dates_disagree(("1958", "1958"), ("1958-11-27", "1958-12-03"))


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
