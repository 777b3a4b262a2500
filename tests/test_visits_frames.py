"""Trips of agency and newspaper copy: delegations, arrivals, departures, returns, meetings, on sentences
invented for the tests (names invented or of the gazetteer; dates given by hand, as in test_visits.py)."""
from __future__ import annotations

import pandas as pd
import pytest

from helpers.events.delegations import DelegationWords
from helpers.events.visits import home_country
from helpers.knowledge import load_knowledge
from visit_text import visits_in

KB = load_knowledge()


def visits(raw: str, dates: dict | None = None, published="2012-05-20", home="PRK") -> pd.DataFrame:
    return visits_in(raw, dates, published, home)


def brief(v: pd.DataFrame) -> list[tuple]:
    origin = [None if pd.isna(c) else c for c in v["from_country"]]
    return list(zip(v["visitor"], origin, v["to_country"], v["date_start"], v["date_end"], v["basis"]))


# --------------------------------------------------------------------------- delegations
def test_a_delegation_travels_with_its_head_and_takes_its_organisations_country():
    raw = "A delegation of the Union of Writers of Vietnam led by its Chairman Tran Van Minh arrived here on Monday."
    v = visits(raw, {"Monday": "2012-05-14"})
    assert brief(v) == [("Tran Van Minh", "VNM", "PRK", "2012-05-14", "2012-05-14", "sentence")]
    assert bool(v.iloc[0]["delegation"]) and v.iloc[0]["organisation"] == "Union of Writers of Vietnam"
    assert bool(v.iloc[0]["provisional"]) and v.iloc[0]["visitor_id"] == "new:tran_van_minh"


def test_a_delegation_with_no_head_is_its_organisation():
    raw = "A delegation of the Vietnam-DPRK Friendship Society left here for home on Friday."
    v = visits(raw, {"Friday": "2012-05-18"})
    assert brief(v) == [("Vietnam-DPRK Friendship Society", "VNM", "PRK", "", "2012-05-18", "sentence")]
    assert v.iloc[0]["visitor_id"] == "new:vietnam_dprk_friendship_society"


def test_a_gazetteer_organisation_without_head_keeps_its_id():
    v = visits("A delegation of the Communist Party of Vietnam arrived here by air on Tuesday.", {"Tuesday": "2012-05-15"})
    assert v[["visitor_id", "from_country", "to_country"]].values.tolist() == [["cpv", "VNM", "PRK"]]


def test_korea_in_an_organisations_name_is_the_country_of_the_dateline():
    raw = "A delegation of the Union of Potters of Korea headed by Ri Chol Ung came back home after visiting Laos and Vietnam."
    assert brief(visits(raw, home="PRK"))[-1][:3] == ("Ri Chol Ung", "PRK", "VNM")
    assert visits(raw, home="KOR")["from_country"].tolist() == ["KOR", "KOR"]


def test_the_delegation_is_the_one_last_named():
    raw = ("The delegation of the Vietnamese Youth League headed by Pham Van Tuan visited a farm on Monday. "
           "The delegation arrived here on Sunday.")
    v = visits(raw, {"Sunday": "2012-05-13"})
    assert brief(v) == [("Pham Van Tuan", "VNM", "PRK", "2012-05-13", "2012-05-13", "sentence")]


def test_delegations_of_two_countries_are_two_visitors():
    v = visits("The delegations of Laos and Vietnam went back on Saturday.", {"Saturday": "2012-05-19"})
    assert sorted(zip(v["from_country"], v["date_end"])) == [("LAO", "2012-05-19"), ("VNM", "2012-05-19")]


def test_premodifiers_stop_at_a_determiner_or_a_preposition():
    assert DelegationWords.premodifiers("talks with the foreign ministry", 31) == (11, "foreign ministry", False, "the")
    assert DelegationWords.premodifiers("in honour of the visiting", 25)[2] is True


# --------------------------------------------------------------------------- frames: arrival, departure, return
def test_arriving_inverted_subjects_each_travel():
    raw = ("Arriving here on the same day were Anna Berg, chairwoman of a Swedish club, and a delegation "
           "of the Vietnamese Academy of Arts led by Vice-President Le Thi Hoa.")
    v = visits(raw)
    # both travel, each with the country their role names
    assert brief(v) == [("Anna Berg", "SWE", "PRK", "2012-05", "2012-05", "publication"),
                        ("Le Thi Hoa", "VNM", "PRK", "2012-05", "2012-05", "publication")]


def test_left_here_for_a_country_begins_a_trip_there():
    raw = "A delegation of the Union of Potters of Korea headed by Ri Chol Ung left here for Vietnam on Thursday."
    assert brief(visits(raw, {"Thursday": "2012-05-17"})) == [
        ("Ri Chol Ung", "PRK", "VNM", "2012-05-17", "2012-05-17", "sentence")]


def test_came_back_home_after_visiting_dates_the_end_of_each_trip():
    raw = "Kim Yong Nam and his party came back home on Friday after visiting Laos and Vietnam."
    assert brief(visits(raw, {"Friday": "2012-05-18"})) == [
        ("Kim Yong Nam", "PRK", "LAO", "", "2012-05-18", "sentence"), ("Kim Yong Nam", "PRK", "VNM", "", "2012-05-18", "sentence")]


def test_returned_home_after_its_visit_to():
    raw = "A delegation of the Union of Potters of Korea headed by Ri Chol Ung returned home on Tuesday after its visit to Vietnam."
    assert brief(visits(raw, {"Tuesday": "2012-05-15"})) == [("Ri Chol Ung", "PRK", "VNM", "", "2012-05-15", "sentence")]


def test_departure_from_here_after_visiting_is_dated_by_the_publication():
    raw = "Nguyen Van Binh, chairman of the Vietnam Farmers' Union, spoke to reporters before his departure from here after visiting North Korea."
    assert brief(visits(raw, published="2011-09-10")) == [("Nguyen Van Binh", "VNM", "PRK", "2011-09", "2011-09", "publication")]


def test_an_arrival_at_an_unknown_place_names_no_country():
    assert visits("Le Van Tam, minister of Trade of Vietnam, arrived at the Koryo Hotel.").empty


def test_here_needs_a_home():
    assert visits("A delegation of the Communist Party of Vietnam arrived here.", home=None).empty


# --------------------------------------------------------------------------- visitors
def test_on_a_visit_to_is_the_trip_of_the_person_it_follows():
    raw = "Nguyen Phu Trong welcomed Kim Yong Nam, president of the Presidium, on an official goodwill visit to Vietnam."
    assert brief(visits(raw, published="2012-08-07")) == [("Kim Yong Nam", "PRK", "VNM", "2012-08", "2012-08", "publication")]


def test_my_first_visit_is_the_speakers_and_an_earlier_mention_is_dated_by_it():
    raw = "Tran Van Minh, editor of a Vietnamese weekly, said he was glad to visit the DPRK. He added: It is my first visit to the DPRK, and a happy one."
    assert brief(visits(raw, published="2012-05-26")) == [
        ("Tran Van Minh", "VNM", "PRK", "2012-05", "2012-05", "narrative"),
        ("Tran Van Minh", "VNM", "PRK", "2012-05", "2012-05", "publication")]


def test_a_pronoun_is_the_subject_before_it_not_an_object():
    raw = "Ho Chi Minh's respect for Kim Il Sung grew. In July 1957 he met with President Kim Il Sung in Pyongyang."
    assert brief(visits(raw, {"July 1957": "1957-07"})) == [("Ho Chi Minh", "VNM", "PRK", "1957-07", "1957-07", "sentence")]


def test_a_meeting_in_a_place_is_a_trip_for_who_is_not_from_there():
    raw = "Kim Jong Il's meeting with General Secretary Nong Duc Manh in Pyongyang in October 2007 was historic."
    assert brief(visits(raw, {"October 2007": "2007-10"})) == [("Nong Duc Manh", "VNM", "PRK", "2007-10", "2007-10", "sentence")]
    # a place that does not follow the person met is no place of the meeting
    assert visits("In meetings with Nong Duc Manh last year on reforms in Pyongyang, Kim Jong Il smiled.").empty


# --------------------------------------------------------------------------- no trip
@pytest.mark.parametrize("raw", [
    "Officials of the Ministry of Culture called at the DPRK embassies in their own capitals to pay condolences.",
    "Le Van Tam, Vietnamese Ambassador to the DPRK, arrived here after a holiday.",
    "Le Van Tam, Vietnamese ambassador, met with Kim Yong Nam in Pyongyang on Monday.",
    "Young members of the Ho Chi Minh Communist Youth Union toured the DPRK embassy.",
])
def test_no_trip_between_countries(raw):
    assert visits(raw).empty


def test_planned_trips_get_no_publication_date():
    v = visits("A delegation of the Communist Party of Vietnam will arrive here.")
    assert brief(v) == [("Communist Party of Vietnam", "VNM", "PRK", "", "", "")] and v.iloc[0]["status"] == "planned"


# --------------------------------------------------------------------------- here
def test_home_country_is_the_datelines_else_the_outlets():
    raw = "Kim visits\n\nPyongyang, March 3 (KCNA) -- A delegation arrived here."
    assert home_country(raw, raw.index("A delegation"), "KOR", KB) == "PRK"
    raw = "Seoul, March 3 (Yonhap) -- Talks."
    assert home_country(raw, raw.index("Talks"), None, KB) == "KOR"
    assert home_country("Talks.", 0, "VNM", KB) == "VNM" and home_country("Talks.", 0, "", KB) is None


def test_a_trip_dated_by_its_end_joins_its_exchange():
    from helpers.events.exchanges import merge_exchanges

    raw = ("A delegation of the Union of Writers of Vietnam led by Tran Van Minh arrived here on Monday. "
           "The delegation left here for home on Friday.")
    v = visits(raw, {"Monday": "2012-05-14", "Friday": "2012-05-18"})
    assert brief(v) == [("Tran Van Minh", "VNM", "PRK", "2012-05-14", "2012-05-14", "sentence"),
                        ("Tran Van Minh", "VNM", "PRK", "", "2012-05-18", "sentence")]
    x = merge_exchanges(v)
    assert x[["date_start", "date_end", "n_statements"]].values.tolist() == [["2012-05-14", "2012-05-18", 2]]


def test_the_visiting_delegation_is_on_a_trip_to_the_place_of_the_sentence_else_here():
    raw = "Kim Yong Nam met the visiting delegation of the Communist Party of Vietnam on Friday."
    v = visits(raw, {"Friday": "2012-05-18"})
    assert v[["visitor_id", "from_country", "to_country", "date_start"]].values.tolist() == [
        ["cpv", "VNM", "PRK", "2012-05-18"]]
    raw = "Kim Yong Nam met the visiting delegation of the Communist Party of Vietnam in Pyongyang."
    assert visits(raw, home="KOR")["to_country"].tolist() == ["PRK"]


def test_received_gifts_from_someone_in_a_city_puts_only_the_giver_there():
    raw = "Kim Jong Un received gifts from a poet in Hanoi. Nguyen Phu Trong received Kim Yong Nam in Hanoi."
    v = visits(raw)
    assert v[["visitor_id", "from_country", "to_country"]].values.tolist() == [["kim_yong_nam", "PRK", "VNM"]]


def test_a_return_with_no_place_ends_the_visitors_latest_trip_of_the_article():
    raw = "Kim Jong Un arrived in Vietnam on Tuesday. He is expected to return home on Saturday."
    v = visits(raw, {"Tuesday": "2019-02-26", "Saturday": "2019-03-02"}, published="2019-02-26", home="KOR")
    assert brief(v) == [("Kim Jong Un", "PRK", "VNM", "2019-02-26", "2019-02-26", "sentence"),
                        ("Kim Jong Un", "PRK", "VNM", "", "2019-03-02", "sentence")]
    assert v["status"].tolist() == ["occurred", "planned"]


def test_the_agent_of_a_visit_is_the_name_right_after_by():
    raw = "It will be the first visit to Vietnam by a North Korean leader since Kim Il Sung in 1964."
    assert visits(raw, {"1964": "1964"}).empty


def test_an_official_named_without_a_country_is_of_the_articles_country_when_the_name_is_of_its_shape():
    raw = "Deputy Foreign Minister Le Van Binh visited Pyongyang on Monday."
    assert brief(visits(raw, {"Monday": "2019-02-25"}, home="VNM"))[0][:3] == ("Le Van Binh", "VNM", "PRK")
    assert visits(raw, {"Monday": "2019-02-25"}, home="KOR")["from_country"].isna().all()  # no country stated


def test_a_trip_to_a_third_country_keeps_its_destination():
    raw = "Kim Yong Nam arrived in Vientiane on Monday after visiting Phnom Penh and Hanoi."
    v = visits(raw, {"Monday": "2012-08-13"})
    assert sorted(v["to_country"]) == ["KHM", "LAO", "VNM"]


@pytest.mark.parametrize("raw", [
    "Kim Jong Un's visit to Vietnam later this month was announced.",
    "The upcoming visit of Kim Yong Nam to Vietnam was announced.",
])
def test_a_time_still_to_come_in_the_clause_makes_a_trip_planned(raw):
    v = visits(raw)
    assert v["status"].tolist() == ["planned"]


def test_the_visit_of_someone_to_a_country():
    raw = "The official visit of General Secretary To Lam to the DPRK in October 2025 was a success."
    v = visits(raw, {"October 2025": "2025-10"}, published="2025-11-01")
    assert brief(v) == [("To Lam", "VNM", "PRK", "2025-10", "2025-10", "sentence")]


def test_leaving_a_place_for_another_ends_one_trip_and_begins_the_next():
    raw = "The Vietnamese delegation left Pyongyang for Beijing on Sunday."
    v = visits(raw, {"Sunday": "2012-05-20"})
    assert sorted(zip(v["to_country"], v["date_start"], v["date_end"])) == [
        ("CHN", "2012-05-20", "2012-05-20"), ("PRK", "", "2012-05-20")]


def test_both_sides_of_a_meeting_share_its_dates():
    raw = "In 2007 and 2009 Nong Duc Manh met with Kim Jong Il in Pyongyang."
    v = visits(raw, {"2007": "2007", "2009": "2009"})
    assert v[["visitor_id", "date_start"]].values.tolist() == [["nong_duc_manh", "2007"], ["nong_duc_manh", "2009"]]
