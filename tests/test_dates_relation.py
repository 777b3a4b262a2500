"""The one rule for how two dates relate (helpers.dates.relation), as properties and as the issue's cases."""
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.dates.intervals import Interval, disagree, parse_interval
from helpers.dates.relation import coarsen, contradicts, is_extent, relate

DAYS = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2030, 12, 31))


def _day(d):
    return parse_interval(d.isoformat())


def _month(d):
    return parse_interval(f"{d.year:04d}-{d.month:02d}")


def _year(d):
    return parse_interval(f"{d.year:04d}")


@st.composite
def dates(draw):
    """A date at some precision, a point or a range (the end at the start's precision or coarser)."""
    a, b = sorted([draw(DAYS), draw(DAYS)])
    kind = draw(st.sampled_from(["day", "month", "year", "week", "decade"]))
    make = {"day": lambda d: d.isoformat(), "month": lambda d: f"{d.year:04d}-{d.month:02d}",
            "year": lambda d: f"{d.year:04d}", "decade": lambda d: f"{d.year // 10:03d}X",
            "week": lambda d: "{:04d}-W{:02d}".format(*d.isocalendar()[:2])}[kind]
    if kind == "week" and a.isocalendar()[0] != a.year:
        kind, make = "day", lambda d: d.isoformat()
    if draw(st.booleans()) or kind == "week":
        return parse_interval(make(a))
    return parse_interval(make(a), make(b))


@given(dates(), dates())
def test_the_verdict_is_symmetric_and_the_relation_mirrors(a, b):
    ab, ba = relate(a, b), relate(b, a)
    assert ab.verdict == ba.verdict and ab.precision == ba.precision
    mirror = {"inside": "contains", "contains": "inside"}
    assert ba.relation == mirror.get(ab.relation, ab.relation)
    assert disagree(a, b) == contradicts(a, b) == (ab.verdict == "contradicts")


@given(dates())
def test_a_date_is_consistent_with_itself(a):
    assert relate(a, a) == ("same", "consistent", a.precision)


@given(DAYS, DAYS)
def test_a_year_or_month_is_consistent_with_any_day_in_it_and_contradicts_any_day_outside(d, e):
    for coarse in (_year(d), _month(d)):
        inside = coarse.start <= e <= coarse.end
        assert relate(coarse, _day(e)).verdict == ("consistent" if inside else "contradicts")


@given(dates(), dates())
def test_no_day_in_common_always_contradicts(a, b):
    if a.end < b.start or b.end < a.start:
        assert relate(a, b).verdict == "contradicts"


@given(DAYS, st.integers(1, 30), st.integers(0, 5), st.integers(0, 5))
def test_two_day_ranges_that_differ_at_an_end_contradict(d, length, left, right):
    ref = Interval(d, d + dt.timedelta(days=length), "day")
    stated = Interval(d - dt.timedelta(days=left), ref.end + dt.timedelta(days=right), "day")
    assert relate(stated, ref).verdict == ("consistent" if left == right == 0 else "contradicts")


@given(DAYS, st.integers(1, 30), st.integers(0, 30))
def test_a_day_inside_a_range_is_one_day_of_it(d, length, k):
    ref = Interval(d, d + dt.timedelta(days=length), "day")
    day = _day(d + dt.timedelta(days=k))
    assert relate(day, ref).verdict == ("consistent" if k <= length else "contradicts")


@given(DAYS, st.integers(0, 40))
def test_a_month_a_range_touches_is_consistent_with_it(d, length):
    ref = Interval(d, d + dt.timedelta(days=length), "day")
    assert relate(_month(ref.start), ref).verdict == "consistent"
    assert relate(_month(ref.end), ref).verdict == "consistent"
    assert relate(_year(ref.start), ref).verdict == "consistent"


@given(dates(), st.sampled_from(["day", "week", "month", "year", "decade"]))
def test_coarsen_covers_the_date(a, p):
    c = coarsen(a, p)
    assert c.start <= a.start and a.end <= c.end and c.precision == p
    assert not is_extent(coarsen(parse_interval(a.start.isoformat()), p), p)


@pytest.mark.parametrize("stated, end, reference, ref_end, verdict", [
    ("1957-12", "", "1957-07-08", "1957-07-12", "contradicts"),       # VnExpress's month against the reference
    ("1957", "", "1957-07-08", "1957-07-12", "consistent"),
    ("1958-11-27", "1958-12-03", "1958-11-28", "1958-12-02", "contradicts"),
    ("1958-11-28", "1958-12-02", "1958-11-28", "1958-12-02", "consistent"),
    ("1958-11", "", "1958-11-28", "1958-12-02", "consistent"),
    ("1958-12", "", "1958-11-28", "1958-12-02", "consistent"),
    ("1964-11-23", "", "1964-11-09", "1964-11-16", "contradicts"),     # the dated sighting against 9-16 November
    ("1964-11-23", "", "1964-11", "", "consistent"),
    ("1964-10", "", "1964-11", "", "contradicts"),
    ("2019-02-27", "2019-02-28", "2019-02-27", "2019-02-28", "consistent"),
    ("2019-03-01", "2019-03-02", "2019-02-26", "2019-03-02", "contradicts"),  # a phase against the whole trip
    ("1967", "", "1966", "1968", "consistent"),
])
def test_the_cases_of_the_issue(stated, end, reference, ref_end, verdict):
    assert relate(parse_interval(stated, end), parse_interval(reference, ref_end)).verdict == verdict
