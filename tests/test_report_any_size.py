"""Report helpers on the tables of corpora of any size and shape: empty, one media system, one article, many
events. Every helper returns a table, ``None`` or a sentence that says why (never raises), and a figure or
table that would grow with the corpus is capped by a stated rule."""
from __future__ import annotations

import re

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.report.chronology import chronology_findings, period_note, period_shares
from helpers.report.chronology_timeline import timeline_selection
from helpers.report.framing_units import comparison_gap
from helpers.report.leadership import coverage_note, coverage_table

PERIODS = pd.DataFrame({"period": ["early", "late"], "start_year": [1945, 1970], "end_year": [1969, 2030]})
MISSING = re.compile(r"\b(?:nan|NaN|NaT|inf)\b")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 6), st.booleans()), max_size=90), st.integers(1, 40))
def test_the_timeline_shows_at_most_its_cap_and_says_how_many_it_leaves_out(events, cap):
    """Events: (articles telling it, whether its label names an actor)."""
    ev = pd.DataFrame([{"event_id": f"E{i + 1:02d}", "doc_id": f"d{i}_{a}", "date_start": pd.Timestamp(1950 + i % 70, 1, 1),
                        "event": f"visit · X & Y · {1950 + i}" if actor else f"relations · {1950 + i}"}
                       for i, (n, actor) in enumerate(events) for a in range(n)],
                      columns=["event_id", "doc_id", "date_start", "event"])
    points = ev.drop_duplicates("event_id").assign(outlet="A")
    shown, rule = timeline_selection(points, ev, max_events=cap)
    n, k = points["event_id"].nunique(), shown["event_id"].nunique()
    if n <= cap:
        assert k == n and rule == ""
    else:
        assert k <= cap and f"shows {k} of the {n} events" in rule and f"the other {n - k} " in rule
        passing = {e for e, (a, actor) in zip(points["event_id"], events) if a >= 2 or actor}
        assert set(shown["event_id"]) <= passing


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 6), st.integers(1, 40), st.integers(1, 4), st.randoms(use_true_random=False))
def test_coverage_stays_readable_at_any_number_of_articles(n_exchanges, n_articles, n_outlets, rnd):
    cov = pd.DataFrame([[rnd.random() < 0.3 for _ in range(n_articles)] for _ in range(n_exchanges)],
                       index=[f"x{i}" for i in range(n_exchanges)], columns=[f"a{j}" for j in range(n_articles)],
                       dtype="bool")
    outlets = pd.Series([f"O{j % n_outlets}" for j in range(n_articles)], index=cov.columns)
    table = coverage_table(cov, outlets, max_columns=12)
    note = coverage_note(cov)
    assert isinstance(note, str) and note and not MISSING.search(note)
    if cov.empty:
        assert table is None
    else:
        assert len(table) == n_exchanges and (len(table.columns) <= 12 or set(table.columns) <= set(outlets))


@given(st.lists(st.sampled_from(["state", "independent", "other"]), max_size=8))
def test_a_comparison_needs_both_groups(systems):
    groups = pd.Series(systems, index=[f"d{i}" for i in range(len(systems))], dtype=object)
    reason = comparison_gap(groups)
    assert (reason == "") == ({"state", "independent"} <= set(systems))
    assert reason == "" or reason.startswith("Nothing below compares the two groups")


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["early", "late", "anniversaries"]), st.sampled_from(["state", "independent"])),
                max_size=12))
def test_periods_and_findings_read_on_any_statements(rows):
    statements = pd.DataFrame(rows, columns=["period", "media_system"])
    counts, shares = period_shares(statements, PERIODS)
    note = period_note(shares)
    systems = set(statements["media_system"])
    assert all(s in note for s in systems) and not MISSING.search(note)
    points = pd.DataFrame(columns=["event_id", "event", "outlet", "n_outlets", "date_start"])
    dis = pd.DataFrame(columns=["event_id", "event"])
    text = chronology_findings(pd.DataFrame({"x": []}), pd.Series({"precision": float("nan"), "recall": float("nan")}),
                               pd.DataFrame(), points, shares, dis, pd.Series(dtype=object), 1, n_coded=0)
    assert len(text.split("\n")) == 5 and not MISSING.search(text)
    assert ("cannot be compared" in text) == (len(systems) == 1)
