"""The general forms of temporal expressions in news prose (issue 10, item 3), on sentences written for the tests.

Each rule is tested on invented sentences and, where a rule is a computation, by a property over random
dates: month + Juche year, ranges with a Juche year or a dash, early/mid/late and parts of a period,
approximate counts, narrative steps by the day, a day or month without a year read by the narrative or
the tense, days and months used as names, agency datelines, anniversaries of an event the article dates.
"""
import datetime as dt
import re

import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

from helpers.annotate.timex import (DATELINE_RULES, DATELINE_SENT_ID, extract_corpus_timexes, extract_timexes,
                                   find_timexes)
from helpers.annotate.timex_anniversary import event_keys, names_event
from helpers.annotate.timex_context import year_near
from helpers.annotate.timex_names import names_event as day_names_event
from helpers.annotate.timex_tense import direction, tense_patterns
from helpers.corpus.sentences import split_sentences
from helpers.dates.grammar import MONTHS, juche_value
from helpers.dates.intervals import parse_interval

REFS = ()     # no reference events: what is tested here comes from the text


def run(text, published=None, precision="day", datelines=()):
    """(text, value, end_value, anchor) of the expressions of ``text`` split into sentences by the project's splitter."""
    spans = [(i, a, b) for i, (a, b) in enumerate(split_sentences(text))]
    pub = pd.Timestamp(published) if published else None
    rows = extract_timexes("doc", text, spans, pub, precision if published else None, REFS, datelines)
    for r in rows:
        assert text[r.start:r.end] == r.text
    return [(r.text, r.value, r.end_value, r.anchor) for r in rows]


def values(text, **kw):
    return [(t, v, e) if e else (t, v) for t, v, e, _ in run(text, **kw)]


# ---------------------------------------------------------------- Juche years with months, days and ranges
def test_month_and_day_before_a_juche_year():
    assert values("The two leaders met in March Juche 61 (1972).") == [("March Juche 61 (1972)", "1972-03")]
    assert values("The plant opened on August 3, Juche 95 (2006).") == [("August 3, Juche 95 (2006)", "2006-08-03")]
    assert values("The plant opened on 3 August Juche 95.") == [("3 August Juche 95", "2006-08-03")]
    assert values("The fair closed in October Juche 108 (2019).") == [("October Juche 108 (2019)", "2019-10")]


def test_ranges_with_a_juche_year():
    assert values("The envoy toured from October 29 to November 4, Juche 52 (1963).") == [
        ("October 29 to November 4, Juche 52 (1963)", "1963-10-29", "1963-11-04")]
    assert values("Talks ran Feb. 2 to 6, Juche 52.") == [("Feb. 2 to 6, Juche 52", "1963-02-02", "1963-02-06")]
    assert values("Talks ran from December 30 to January 2, Juche 60.") == [
        ("December 30 to January 2, Juche 60", "1970-12-30", "1971-01-02")]
    assert values("Fairs were held from May to June Juche 70 (1981).") == [
        ("May to June Juche 70 (1981)", "1981-05", "1981-06")]


def test_a_juche_year_that_disagrees_with_its_gregorian_year_has_no_value():
    assert values("They met in March Juche 61 (1975).") == [("March Juche 61 (1975)", "")]
    assert values("They met on March 3, Juche 61 (1975).") == [("March 3, Juche 61 (1975)", "")]


def test_a_month_before_juche_is_not_read_against_the_publication_date():
    # the bare month would have taken the publication year: the Juche year decides
    assert values("It was in June Juche 49 (1960) that they met.", published="2012-07-09") == [
        ("June Juche 49 (1960)", "1960-06")]


@given(st.integers(1, 12), st.integers(20, 120))
def test_month_and_juche_year_property(month, juche):
    year = juche + 1911
    text = f"They signed it in {MONTHS[month - 1]} Juche {juche} ({year}) in the capital."
    assert values(text) == [(f"{MONTHS[month - 1]} Juche {juche} ({year})", f"{year}-{month:02d}")]
    assert juche_value(juche, year) == year and juche_value(juche, year + 1) is None


# ---------------------------------------------------------------- dash ranges
def test_dash_ranges():
    assert values("A photo show covers 1945–2025.") == [("1945–2025", "1945", "2025")]
    assert values("The exhibition covers January 31, 1950 – 2025.") == [
        ("January 31, 1950 – 2025", "1950-01-31", "2025")]
    assert values("The book covers 31 January 1950 - 12 May 2021.") == [
        ("31 January 1950 - 12 May 2021", "1950-01-31", "2021-05-12")]
    assert values("Aid flowed from May 1968 to June 1969.") == [("May 1968 to June 1969", "1968-05", "1969-06")]


def test_a_range_that_ends_before_it_begins_keeps_its_span_without_value():
    assert values("A list ran from March 3, 1999 - 1997.") == [("March 3, 1999 - 1997", "")]


@settings(max_examples=60)
@given(st.dates(dt.date(1900, 1, 1), dt.date(2038, 12, 31)), st.integers(1, 60), st.sampled_from(["-", "–", " to "]))
def test_date_to_year_property(start, years, dash):
    text = f"The record runs {MONTHS[start.month - 1]} {start.day}, {start.year}{dash}{start.year + years}."
    [(span, value, end)] = values(text)
    assert (value, end) == (start.isoformat(), str(start.year + years))
    assert parse_interval(value, end).end.year == start.year + years


# ---------------------------------------------------------------- early, mid, late; parts of a period
def test_early_mid_late_and_parts_of_a_period():
    assert values("The rains came in late August.", published="2021-09-20") == [("late August", "2021-08")]
    assert values("Trade picked up in early 2019.") == [("early 2019", "2019")]
    assert values("Aid grew in the mid-1960s.") == [("mid-1960s", "196X")]
    assert values("It peaked in the middle of the 1990s.") == [("the middle of the 1990s", "199X")]
    assert values("It is due by the end of 2019.") == [("the end of 2019", "2019")]
    assert values("It opened at the beginning of March 1960.") == [("the beginning of March 1960", "1960-03")]
    assert values("It opens at the end of next month.", published="2021-07-14") == [
        ("the end of next month", "2021-08")]
    assert values("The plan was made at the beginning of this year.", published="2021-07-14") == [
        ("the beginning of this year", "2021")]


def test_a_part_of_something_else_is_not_taken_in():
    assert values("By the end of the talks in 1961 both sides agreed.") == [("1961", "1961")]


# ---------------------------------------------------------------- approximate counts
@pytest.mark.parametrize("qualifier", ["more than", "nearly", "almost", "about", "some", "over", "at least"])
def test_an_approximate_count_keeps_its_span_and_no_value(qualifier):
    rows = run(f"The mill was declared open {qualifier} ten years ago by the ministry.", published="2011-04-27")
    assert rows == [(f"{qualifier} ten years ago", "", "", "approximate")]


def test_an_exact_count_keeps_its_value():
    assert values("The mill opened ten years ago.", published="2011-04-27") == [("ten years ago", "2001")]
    assert values("The mill opened someday ten years ago.", published="2011-04-27") == [("ten years ago", "2001")]


# ---------------------------------------------------------------- steps of the narrative by the day
def test_that_day_the_same_day_the_next_day():
    text = ("The envoy arrived on 3 May 1965. That day he met the premier. The next day he toured a farm. "
            "The day before, the embassy had prepared the visit.")
    assert values(text) == [("3 May 1965", "1965-05-03"), ("That day", "1965-05-03"), ("The next day", "1965-05-04"),
                            ("The day before", "1965-05-03")]


def test_a_day_step_needs_a_day_and_counts_from_the_end_of_a_stay():
    assert values("The envoy arrived in May 1965. The next day he left.") == [
        ("May 1965", "1965-05"), ("The next day", "")]
    assert values("They stayed from 3 to 6 May 1965. The next day they left. The same day a fair opened.") == [
        ("3 to 6 May 1965", "1965-05-03", "1965-05-06"), ("The next day", "1965-05-07"), ("The same day", "1965-05-07")]


def test_an_anniversary_sets_the_narrative_year_not_its_day():
    text = "On May 3, 2011 it celebrated its 40th anniversary. The same day a fair opened. The next year it closed."
    assert values(text) == [("May 3, 2011", "2011-05-03"), ("40th anniversary", "2011"), ("The same day", ""),
                            ("The next year", "2012")]
    text = "Guests marked the 40th anniversary in 2011. The same day a fair opened. The next year it closed."
    assert values(text) == [("40th anniversary in 2011", "2011"), ("The same day", ""), ("The next year", "2012")]


def test_a_step_from_a_weekday_read_against_publication():
    # 2021-07-14 is a Wednesday: 'Monday' is 2021-07-12
    rows = run("The delegation arrived on Monday. On the same day it laid a wreath.", published="2021-07-14")
    assert [(t, v) for t, v, _, _ in rows] == [("Monday", "2021-07-12"), ("the same day", "2021-07-12")]
    assert rows[1][3] == "narrative 2021-07-12"


# ---------------------------------------------------------------- a day or month without a year
def test_the_tense_points_the_way_from_the_publication_date():
    assert values("The two sides will hold talks in April.", published="2021-12-10") == [("April", "2022-04")]
    assert values("The plant opened on November 5.", published="2021-05-02") == [("November 5", "2020-11-05")]
    assert values("The fair opens in April.", published="2021-12-10") == [("April", "2022-04")]   # nearest
    assert values("The envoy said on July 12 that talks failed.", published="2021-07-14") == [
        ("July 12", "2021-07-12")]


def test_a_tense_against_a_date_a_few_weeks_off_leaves_the_year_open():
    # written in September about an event 'to be held on August 20': the date of the story is off, not the year
    assert values("A symposium will be held on August 20 and 21.", published="2021-09-10") == [
        ("August 20 and 21", "")]
    assert values("The envoy will visit Hanoi in March.", published="2021-07-14") == [("March", "2022-03")]


def test_quoted_words_have_their_own_tense():
    assert values('A seminar titled "We will win" took place on December 24.', published="2022-03-05") == [
        ("December 24", "2021-12-24")]
    assert values("A fair opened on December 24 last year.", published="2022-03-05") == [
        ("December 24 last year", "2021-12-24")]


def test_a_day_continuing_a_dated_account_takes_its_year():
    text = "The president arrived in Hanoi in November 1958. On Nov. 28 he toured a factory."
    assert values(text, published="2012-07-09") == [("November 1958", "1958-11"), ("Nov. 28", "1958-11-28")]
    across = "The talks opened in December 1958. On Jan. 3 they closed."
    assert values(across, published="2012-07-09")[1] == ("Jan. 3", "1959-01-03")


def test_a_day_after_an_account_of_another_time_is_left_open():
    text = ("The president arrived in Hanoi in November 1958. He toured farms and schools. "
            "On Nov. 28 the ambassador gave a reception.")
    assert values(text, published="2012-07-09")[-1] == ("Nov. 28", "")


def test_a_target_year_is_no_account_of_the_past():
    text = "Every village will have clean water by 2030, an official said on Feb. 25."
    assert values(text, published="2011-03-01") == [("2030", "2030"), ("Feb. 25", "2011-02-25")]


def test_without_publication_date_the_narrative_decides():
    assert values("In 1972 the talks failed. On April 2 they resumed.") == [("1972", "1972"),
                                                                           ("April 2", "1972-04-02")]


@settings(max_examples=300)
@given(st.dates(dt.date(1950, 1, 1), dt.date(2090, 12, 31)), st.integers(1, 12), st.integers(1, 28),
       st.sampled_from([-1, 0, 1]), st.booleans())
def test_year_near_property(pub, month, day, way, with_day):
    """Without a tense, the nearest date; with one, a date on its side (a week's slack) within a year; None only
    when the nearest date lies against the tense by a month or less (the publication date may be a little off)."""
    d = day if with_day else None
    y = year_near((pub.year, pub.month, pub.day), month, d, way)
    nearest = year_near((pub.year, pub.month, pub.day), month, d, 0)
    assert abs(nearest - pub.year) <= 1
    near_date = dt.date(nearest, month, d or 15)
    if y is None:
        assert way != 0
        against = (near_date - pub).days * (1 if way < 0 else -1)
        assert 0 < against <= 38
        return
    date = dt.date(y, month, d or 15)
    assert abs((date - pub).days) <= 366
    if with_day and way < 0:
        assert date <= pub + dt.timedelta(days=7)
    if with_day and way > 0:
        assert date >= pub - dt.timedelta(days=7)
    if not with_day and way:
        assert (y, month) <= (pub.year, pub.month) if way < 0 else (y, month) >= (pub.year, pub.month)


def test_tense_markers():
    assert direction("The delegation will arrive on") == 1 and direction("It is to open on") == 1
    assert direction("The delegation arrived here on") == -1 and direction("The fair opens on") == 0
    assert direction("He said the envoy will come in") == 1          # the future wins
    assert direction("the planned talks in") == 1 and direction("we’ll meet in") == 1
    assert set(tense_patterns()) == {"future", "past"}


# ---------------------------------------------------------------- days and months used as names
def test_a_day_used_as_a_name_has_no_year_unless_printed():
    assert values("Both sides honour the June 15 joint statement.", published="2021-09-20") == [("June 15", "")]
    assert values("They recalled the May 8 accord of 1995.", published="2021-09-20") == [("May 8", "1995-05-08"),
                                                                                        ("1995", "1995")]
    assert values("Guests from the Ruritanian March 3 Movement came.", published="2021-09-20") == [("March 3", "")]
    assert values("The June 14 issue of the daily ran it.", published="2021-09-20") == [("June 14", "2021-06-14")]
    assert values("On July 12 Nguyen Van Binh arrived.", published="2021-07-14") == [("July 12", "2021-07-12")]


def test_names_event_rule():
    s = "They honour the June 15 joint declaration and met on June 16 in Hanoi, on Monday July 12 Ri spoke."
    assert day_names_event(s, 16, 23)
    assert not day_names_event(s, 53, 60)
    assert not day_names_event(s, s.index("July 12"), s.index("July 12") + 7)


# ---------------------------------------------------------------- agency datelines
def test_a_dateline_takes_the_publication_year_and_sets_no_narrative():
    text = "Pyongyang, July 20 (KCNA) -- The envoy sent a message on July 19. It recalled a visit in 1958."
    body = text.index("The envoy")
    rows = extract_timexes("d", text, [(0, body, len(text))], pd.Timestamp("2024-07-20"), "day", REFS,
                           [(0, body)])
    assert [(r.sent_id, r.text, r.value, r.anchor) for r in rows] == [
        (DATELINE_SENT_ID, "July 20", "2024-07-20", "published 2024-07-20"), (0, "July 19", "2024-07-19",
                                                                            "published 2024-07-20"),
        (0, "1958", "1958", "")]


def test_the_layer_reads_agency_datelines_only():
    raw = "Headline\n\nJuly 21, 2024 | 10:00\n\nPyongyang, July 20 (KCNA) -- Officials met on Friday.\n"
    a = raw.index("Pyongyang")
    b = raw.index("Officials")
    documents = pd.DataFrame({"raw": [raw.encode()], "published": [pd.Timestamp("2024-07-20")],
                              "published_precision": ["day"]}, index=pd.Index(["d"], name="doc_id"))
    sentences = pd.DataFrame({"doc_id": ["d"], "sent_id": [0], "start": [b], "end": [len(raw) - 1]})
    segments = pd.DataFrame({"doc_id": ["d", "d", "d", "d"], "start": [0, 10, a, b], "end": [10, a, b, len(raw)],
                             "kind": ["headline", "dateline", "dateline", "body"],
                             "rule": ["title", "dateline", DATELINE_RULES[0], "paragraph"]})
    t = extract_corpus_timexes(documents, sentences, REFS, workers=1, segments=segments)
    assert t[["sent_id", "text", "value"]].values.tolist() == [[-1, "July 20", "2024-07-20"],
                                                             [0, "Friday", "2024-07-19"]]
    without = extract_corpus_timexes(documents, sentences, REFS, workers=1)
    assert without["text"].tolist() == ["Friday"]


# ---------------------------------------------------------------- anniversaries of an event the article dates
VISIT = "In November 1958 President Ri Chol paid an official visit to Viet Nam."
MARK = "Hanoi marked the 65th anniversary of President Ri Chol's visit to Vietnam."


def test_anniversary_dated_by_the_articles_own_narrative_before_or_after():
    for text in (f"{VISIT} {MARK}", f"{MARK} {VISIT}"):
        rows = {t: (v, a) for t, v, _, a in run(text, published="2023-11-20")}
        assert rows["65th anniversary"] == ("2023-11", "narrative 1958-11")


def test_anniversary_dated_inside_its_own_phrase():
    text = "Hanoi marked the fifth anniversary of the minister's visit to Laos on October 16-18, 2007."
    rows = {t: v for t, v, _, _ in run(text, published="2012-10-16")}
    assert rows["fifth anniversary"] == "2012-10-16"


def test_anniversary_left_empty_when_implausible_or_not_the_same_event():
    assert {t: v for t, v, _, _ in run(f"{VISIT} {MARK}", published="2030-01-01")}["65th anniversary"] == ""
    other = "In November 1958 President Ri Chol paid an official visit to Laos. " + MARK
    assert {t: v for t, v, _, _ in run(other, published="2023-11-20")}["65th anniversary"] == ""
    two = f"{VISIT} In May 1960 President Ri Chol visited Viet Nam again. {MARK}"
    assert {t: v for t, v, _, _ in run(two, published="2023-11-20")}["65th anniversary"] == ""


def test_event_keys_and_names():
    assert event_keys("President Ri Chol's visit to Viet Nam") == ("visit", ["richol", "vietnam"])
    assert names_event("visit", ["richol", "vietnam"], "Ri Chol visited Vietnam in 1958.")
    assert not names_event("visit", ["richol", "vietnam"], "Ri Chol visited Laos in 1958.")
    assert not names_event("found", ["richol"], "Ri Chol visited Vietnam in 1958.")


def test_find_timexes_is_unchanged_by_the_juche_gate():
    """A sentence without 'Juche' is searched without the Juche rules, with the same result otherwise."""
    text = "They met on March 3, 1961 and in Juche 50 (1961) again, from May to June 1962."
    assert [(name, m.group()) for name, m in find_timexes(text, 0, len(text))] == [
        ("mdy", "March 3, 1961"), ("juche", "Juche 50 (1961)"), ("r_mmy", "May to June 1962")]


@pytest.mark.parametrize("unit", ["they met on March 5 and ", "the 5th anniversary of the visit to Laos and ",
                                  "in April and ", "on Monday and ", "On 5 May 2016 the 45th anniversary and ",
                                  "more than ten years ago and in the middle of the 1990s and "])
def test_a_long_unpunctuated_sentence_is_read_in_linear_time(unit):
    """Each expression reads a bounded stretch of its sentence: 5,000 of them in one sentence stay fast."""
    import time
    text = unit * 5000
    t0 = time.process_time()
    rows = extract_timexes("d", text, [(0, 0, len(text))], pd.Timestamp("2021-07-14"), "day", REFS)
    assert len(rows) >= 5000 and time.process_time() - t0 < 4


_WORDS = ["the", "in", "on", "early", "late", "last", "next", "this", "March", "May", "Sept.", "Monday", "Juche",
          "46", "(1957)", "1958", "27,", "3-9", "to", "and", "years", "ago", "later", "day", "65th", "anniversary",
          "of", "fifth", "two", "a", "year", "Kim", "-", "2019", ",", ".", "early 1958", "mid-1960s", "late 1990s",
          "Mid-1980s", "seventy-third anniversary", "July Juche 46 (1957)", "last Monday", "the next day",
          "Early 2019", "in late August", "between 1953 and 1955", "two years later", "mid-March"]


@settings(max_examples=500)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=12))
def test_the_finders_shortcuts_find_what_trying_every_start_finds(words):
    """Fewer start words before names, numbers and 'anniversary', and no Juche rules without a Juche year:
    the same matches as trying every start word with the whole grammar."""
    import helpers.annotate.timex as T
    text = " ".join(words)
    fast = [(n, m.span()) for n, m in T.find_timexes(text, 0, len(text))]
    saved = (T._BEFORE_NAMES, T._BEFORE_NUMBERS, T._BEFORE_ANNIVERSARY, T._BEFORE_NUMBER_WORDS, T._GRAMMAR_AT)
    try:
        T._BEFORE_NAMES = T._BEFORE_NUMBERS = T._BEFORE_ANNIVERSARY = T._STARTERS
        T._BEFORE_NUMBER_WORDS = re.compile(r"(?s:.)")
        T._GRAMMAR_AT = T._GRAMMAR_AT_JUCHE
        slow = [(n, m.span()) for n, m in T.find_timexes(text, 0, len(text))]
    finally:
        T._BEFORE_NAMES, T._BEFORE_NUMBERS, T._BEFORE_ANNIVERSARY, T._BEFORE_NUMBER_WORDS, T._GRAMMAR_AT = saved
    assert fast == slow
