"""ISO partial dates as intervals, the five relations, and the one disagreement rule."""
from __future__ import annotations

import datetime as dt
import itertools

import pytest

from helpers.dates.intervals import (PRECISIONS, RELATIONS, Interval, disagree, finer, parse_interval, relation,
                                     span_interval)

D = dt.date


@pytest.mark.parametrize("value, start, end, precision", [
    ("1958-11-27", D(1958, 11, 27), D(1958, 11, 27), "day"),
    ("1958-11", D(1958, 11, 1), D(1958, 11, 30), "month"),
    ("2024-02", D(2024, 2, 1), D(2024, 2, 29), "month"),  # leap year
    ("1958", D(1958, 1, 1), D(1958, 12, 31), "year"),
    ("2019-W09", D(2019, 2, 25), D(2019, 3, 3), "week"),
    ("195X", D(1950, 1, 1), D(1959, 12, 31), "decade"),
])
def test_parse_each_precision(value, start, end, precision):
    assert parse_interval(value) == Interval(start, end, precision)
    assert span_interval(value) == (start, end)


def test_every_precision_is_parsed_and_ordered_coarse_to_fine():
    samples = {"decade": "195X", "year": "1958", "month": "1958-11", "week": "1958-W48", "day": "1958-11-27"}
    ivs = [parse_interval(samples[p]) for p in PRECISIONS]
    assert [iv.precision for iv in ivs] == list(PRECISIONS)
    for coarse, fine in itertools.combinations(ivs, 2):  # each finer sample lies inside the coarser ones
        assert finer(fine, coarse) and not finer(coarse, fine)
        assert relation(fine, coarse) == "inside"


def test_range_runs_from_start_of_first_to_end_of_last_and_keeps_start_precision():
    iv = parse_interval("1958-11", "1958-12")
    assert iv == Interval(D(1958, 11, 1), D(1958, 12, 31), "month")
    assert parse_interval("1958-11-27", "") == parse_interval("1958-11-27")
    assert span_interval("1958-11-27", "1958-12-03") == (D(1958, 11, 27), D(1958, 12, 3))


@pytest.mark.parametrize("value", [None, "", "  ", float("nan")])
def test_empty_values_give_none(value):
    assert parse_interval(value) is None and span_interval(value) is None


@pytest.mark.parametrize("value, end", [("P2D", None), ("1958-13", None), ("1958-02-30", None),
                                        ("1958-12", "1958-11"), ("last year", None)])
def test_unreadable_values_raise_or_give_none(value, end):
    with pytest.raises(ValueError):
        parse_interval(value, end)
    assert parse_interval(value, end, strict=False) is None
    assert span_interval(value, end) is None


@pytest.mark.parametrize("a, b, expected", [
    (("1958-11-27",), ("1958-11-27",), "same"),
    (("1958",), ("1958-01-01", "1958-12-31"), "same"),
    (("1958-11-27", "1958-12-03"), ("1958",), "inside"),
    (("1958",), ("1958-11",), "contains"),
    (("1958-11",), ("1958-11-20", "1958-12-05"), "overlap"),
    (("2019-02",), ("2019-03",), "disjoint"),
    (("1958-11-30",), ("1958-12-01",), "disjoint"),  # adjacent days share no day
])
def test_relation(a, b, expected):
    ia, ib = parse_interval(*a), parse_interval(*b)
    assert relation(ia, ib) == expected
    mirror = {"inside": "contains", "contains": "inside"}.get(expected, expected)
    assert relation(ib, ia) == mirror


def test_relation_covers_exactly_the_five_names():
    values = ["195X", "1958", "1959", "1958-11", "1958-12", "1958-W48", "1958-11-27", ("1958-11-20", "1958-12-05")]
    ivs = [parse_interval(*v) if isinstance(v, tuple) else parse_interval(v) for v in values]
    seen = {relation(a, b) for a in ivs for b in ivs}
    assert seen == set(RELATIONS)


@pytest.mark.parametrize("a, b, expected", [
    # the same days never disagree
    (("1958-11-27",), ("1958-11-27",), False),
    # no day in common: disagree, whatever the precisions
    (("2019-02",), ("2019-03",), True),
    (("1958",), ("1964-11-09", "1964-11-16"), True),
    # a coarser date containing a finer one: consistent
    (("1958",), ("1958-11-27", "1958-12-03"), False),
    (("1964-11",), ("1964-11-09", "1964-11-16"), False),
    # two equally precise accounts that differ: disagree, nested or not
    (("1958-11-27", "1958-12-03"), ("1958-11-28", "1958-12-02"), True),
    (("1958-11-27", "1958-12-03"), ("1958-11-29", "1958-12-05"), True),
    # the 1958 case: a month overlapping a day range that spills out of it is a looser account
    (("1958-11",), ("1958-11-20", "1958-12-05"), False),
])
def test_disagree(a, b, expected):
    ia, ib = parse_interval(*a), parse_interval(*b)
    assert disagree(ia, ib) is expected
    assert disagree(ib, ia) is expected  # symmetric


def test_disagree_with_a_missing_date_is_false():
    assert disagree(None, parse_interval("1958")) is False
    assert disagree(parse_interval("1958"), None) is False


def test_disagree_is_disjoint_or_two_different_extents():
    # the rule of helpers.dates.relation: no day in common, or two ranges at one precision that differ;
    # a single day inside a day range is one day of it, not a disagreement
    values = ["195X", "1958", "1959", "1958-11", "1958-12", "1958-W48", "1958-11-27", ("1958-11-20", "1958-12-05"),
              ("1958-11-21", "1958-12-05")]
    ivs = [parse_interval(*v) if isinstance(v, tuple) else parse_interval(v) for v in values]
    for a, b in itertools.product(ivs, ivs):
        rel = relation(a, b)
        extents = a.precision == b.precision and a.start != a.end and b.start != b.end
        expected = rel == "disjoint" or (rel != "same" and extents)
        assert disagree(a, b) is expected, (a, b)
