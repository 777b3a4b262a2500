"""The one date grammar (helpers.dates.grammar), and the property that every reader of dates agrees with it."""
import random
import re

import pandas as pd
import pytest

from helpers.annotate.timex import extract_timexes
from helpers.corpus.segment import DATELINE_LINE, parse_dateline
from helpers.dates import grammar as g


def test_month_names_and_abbreviations():
    for i, name in enumerate(g.MONTHS, 1):
        assert g.month_number(name) == i and g.month_number(name.upper()) == i
    assert [g.month_number(a) for a in ("Jan.", "Sept.", "sep", "Dec")] == [1, 9, 9, 12]
    assert all(re.fullmatch(g.MONTH, a + ".") for a in g.MONTH_ABBREVIATIONS)
    assert not re.fullmatch(g.MONTH, "May.") and not re.fullmatch(g.MONTH, "may")   # no abbreviation; case
    assert re.fullmatch(g.MONTH_FULL, "Sept") is None
    with pytest.raises(KeyError):
        g.month_number("Monday")


def test_weekdays_count_from_monday():
    assert g.WEEKDAY_NUMBER["monday"] == 0 and g.WEEKDAY_NUMBER["sunday"] == 6
    assert re.fullmatch(g.WEEKDAY_BEFORE, "Tuesday, ")


def _ordinal_word(n):
    tens, unit = divmod(n, 10)
    if n < 20:
        return g.ORDINALS_1_19[n - 1]
    if unit == 0:
        return g.TENS[tens - 2][:-1] + "ieth"
    return f"{g.TENS[tens - 2]}-{g.ORDINALS_1_19[unit - 1]}"


def _number_word(n):
    tens, unit = divmod(n, 10)
    if n < 20:
        return g.UNITS_1_19[n - 1]
    return g.TENS[tens - 2] + (f"-{g.UNITS_1_19[unit - 1]}" if unit else "")


@pytest.mark.parametrize("n", range(1, 100))
def test_numbers_and_ordinals_round_trip_in_words_and_digits(n):
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    for ordinal in (f"{n}{suffix}", _ordinal_word(n), _ordinal_word(n).capitalize()):
        assert re.fullmatch(g.ORD, ordinal), ordinal
        assert g.parse_ordinal(ordinal) == n
    for number in (str(n), _number_word(n), _number_word(n).replace("-", " ")):
        assert re.fullmatch(g.NUM, number), number
        assert g.parse_number(number) == n


def test_number_edge_cases():
    assert [g.parse_number(x) for x in ("a", "an", "1,000", "two hundred")] == [1, 1, 1000, 200]
    assert g.parse_ordinal("hundredth") == 100


def test_units_juche_and_calendar_checks():
    assert [g.unit_name(u) for u in ("Years", "centuries", "day")] == ["year", "century", "day"]
    assert g.juche_to_gregorian(48) == 1959 and g.juche_to_gregorian(1) == 1912
    assert g.valid_date(2020, 2, 29) and not g.valid_date(2019, 2, 29) and not g.valid_date(2019, 13)


def test_year_fragment_is_not_part_of_a_larger_number():
    assert re.findall(g.YEAR, "in 1958, 1,958 people, 2.2019, 19581 and 1799") == ["1958"]


@pytest.mark.parametrize("text, expected", [
    ("February 19, 2019 | 05:01 am PT", (2019, 2, 19)),
    ("Tuesday, 5th of May, 2016", (2016, 5, 5)),
    ("PUBLISHED: 31 JAN. 2025", (2025, 1, 31)),
    ("2019/2/19", (2019, 2, 19)),
    ("2020-11-05 08:00", (2020, 11, 5)),
    ("February 30, 2019", None),
    ("no date here", None),
])
def test_parse_date(text, expected):
    assert g.parse_date(text) == expected


# ---------------------------------------------------------------- datelines and timexes agree
def _suffix(d):
    return "th" if 10 <= d <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")


def _generated_dates(seed=7):
    """Every month spelling x month/day first x weekday or not x ordinal or not, with random days and years
    (now and then an impossible day), and ISO dates."""
    rng = random.Random(seed)
    spellings = [(i, s) for i, name in enumerate(g.MONTHS, 1)
                 for s in [name] + [a + dot for a in g.MONTH_ABBREVIATIONS if g.month_number(a) == i for dot in ("", ".")]]
    out = []
    for month, spelling in spellings:
        for order in ("mdy", "dmy"):
            for weekday in (None, rng.choice(g.WEEKDAYS)):
                for ordinal in (False, True):
                    y = rng.randint(1850, 2099)
                    d = rng.randint(1, 31)                      # 31 April, 30 February: impossible dates
                    day = f"{d}{_suffix(d) if ordinal else ''}"
                    comma = rng.choice(["", ","])
                    date = f"{spelling} {day}{comma} {y}" if order == "mdy" else f"{day} {spelling}{comma} {y}"
                    out.append((f"{weekday}, {date}" if weekday else date, (y, month, d)))
    for _ in range(40):
        y, mo, d = rng.randint(1850, 2099), rng.randint(1, 12), rng.randint(1, 31)
        out.append((f"{y:04d}-{mo:02d}-{d:02d}", (y, mo, d)))
    return out


def test_enough_generated_dates():
    dates = _generated_dates()
    assert len(dates) >= 300
    assert any(not g.valid_date(*t) for _, t in dates) and any(s[0].isalpha() and s.split()[0].endswith(",")
                                                                 for s, _ in dates)


@pytest.mark.parametrize("text, parts", _generated_dates())
def test_dateline_parser_and_timex_grammar_agree(text, parts):
    expected = "-".join(f"{x:0{w}d}" for x, w in zip(parts, (4, 2, 2))) if g.valid_date(*parts) else ""
    assert DATELINE_LINE.match(text), text
    stamp = parse_dateline(text)
    dateline_value = "" if stamp is None else f"{stamp:%Y-%m-%d}"
    rows = extract_timexes("d", text, [(0, 0, len(text))], None, None, ())
    assert [(r.text, r.kind, r.value) for r in rows] == [(text, "date", expected)]
    assert dateline_value == expected


def test_juche_year_qualifiers_and_parts_of_a_period():
    m = re.fullmatch(g.juche_year(), "Juche 46 (1957)")
    assert m and g.juche_value(m.group("j"), m.group("jy")) == 1957
    assert re.fullmatch(g.juche_year(), "Juche year 108") and not re.fullmatch(g.juche_year(), "Juche 1234")
    for phrase in g.APPROXIMATORS:
        assert re.fullmatch(g.APPROXIMATOR, phrase.upper().replace(" ", "  "))
    for phrase in g.PERIOD_PARTS:
        assert re.fullmatch(g.PERIOD_PART, phrase.title())
