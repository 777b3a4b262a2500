"""helpers.events: the searches reused across the triggers of a sentence give what fresh searches give."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.annotate.gazetteer import fold
from helpers.events.index import FirstMatch
from helpers.events.levels import visit_level
from helpers.events.patterns import visit_patterns
from helpers.events.visit_dates import _interval
from helpers.events.visits import _clause, _level
from helpers.dates.intervals import parse_interval
from helpers.knowledge import load_knowledge

KB = load_knowledge()
PATS = visit_patterns(KB)
REGEXES = [PATS.breaks, PATS.report, re.compile(r"(?<=a)b|\bsaid\b|x$"), re.compile(r"(?<!\w)will\b", re.I)]
WORDS = ["a", "b", "ab", "said", "Said", "will", " ", ";", "while", "but", "”", '"', "x", "visited", "reported",
         "according to", "\n", "é"]


@settings(max_examples=200, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=16).map("".join), st.integers(0, 80),
       st.lists(st.integers(0, 80), max_size=8))
def test_first_match_equals_a_fresh_search(text, end, positions):
    end = min(end, len(text))
    for rx in REGEXES:
        first = FirstMatch(rx, text, end)
        for pos in positions:  # increasing or not: the answer is always that of a fresh search
            pos = min(pos, end)
            got, want = first.search(pos), rx.search(text, pos, end)
            assert (got and (got.span(), got.group())) == (want and (want.span(), want.group())), (rx, text, pos)


@settings(max_examples=150, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=16).map("".join), st.integers(0, 30), st.integers(0, 80))
def test_clause_with_shared_searches_equals_fresh_ones(text, s0, end):
    end = min(end, len(text))
    s0 = min(s0, end)
    ends = (FirstMatch(PATS.breaks, text, end), FirstMatch(PATS.report, fold(text), end))
    for pos in range(s0, end + 1):  # the triggers of a sentence come in increasing order
        assert _clause(text, s0, pos, end, PATS, ends) == _clause(text, s0, pos, end, PATS)


def test_memoised_interval_and_level_equal_the_plain_functions():
    values = [("1958", None), ("1958-11-27", "1958-12-03"), ("195X", None), ("", None), ("junk", None),
              ("2001-05", float("nan"))]
    for value, end_value in values:
        assert _interval(value, end_value) == parse_interval(value, end_value, strict=False)
    people = list(KB.offices_of)[:5] + ["nobody"]
    for vid in people:
        for ds in ("", "1958", "2019-02-26"):
            for title, delegation in (("", False), ("President", False), ("Premier", True)):
                assert _level(vid, ds, title, delegation, KB) == visit_level(vid, ds, title, delegation, KB)


@settings(max_examples=150, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=16).map("".join), st.integers(0, 30), st.integers(0, 80))
def test_clause_with_the_breaks_of_the_sentence_equals_fresh_searches(text, s0, end):
    end = min(end, len(text))
    s0 = min(s0, end)
    breaks = [m.end() for m in PATS.breaks.finditer(text, s0, end)]
    for pos in range(s0, end + 1):
        got = _clause(text, s0, pos, end, PATS, breaks=breaks)
        # a break match running over pos is no clause start (a trigger never stands inside one)
        if not any(m.start() < pos < m.end() for m in PATS.breaks.finditer(text, s0, end)):
            assert got == _clause(text, s0, pos, end, PATS)


@settings(max_examples=200, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from(["here", "there", "where", "heres", " ", "-", "h", "é", "\n"]), max_size=12).map("".join),
       st.integers(0, 40), st.integers(0, 60))
def test_literal_first_here_finds_what_the_plain_word_pattern_finds(text, lo, hi):
    from helpers.events.visits import _HERE
    lo, hi = min(lo, len(text)), min(hi, len(text))
    plain = re.compile(r"\bhere\b")
    assert [m.span() for m in _HERE.finditer(text, lo, hi)] == [m.span() for m in plain.finditer(text, lo, hi)]


@settings(max_examples=200, derandomize=True, deadline=None)
@given(st.lists(st.integers(0, 30), max_size=12), st.integers(0, 35), st.integers(0, 35))
def test_sorted_index_orders_stably_and_finds_the_record_at_a_position(starts, pos, hi):
    from collections import namedtuple

    from helpers.events.index import Sorted
    rec = namedtuple("rec", "start n")
    records = [rec(s, i) for i, s in enumerate(starts)]
    index = Sorted(records)
    assert index.recs == sorted(records, key=lambda r: r.start) and index.starts == sorted(starts)
    assert Sorted(index.recs, presorted=True).recs == index.recs
    following = index.starting_in(pos, hi)
    assert index.at(pos, hi) == (following[0] if following and following[0].start == pos else None)
