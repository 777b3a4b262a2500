"""The chronology's events and timeline at any corpus size (notebook 02, sections 4-5).

- :func:`typed_dates`: dated statements that the event layer can read also when there is none;
- :func:`timeline_selection`: the events the timeline draws, by a stated rule, when there are too many for
  one readable figure (:data:`MAX_EVENTS`);
- :func:`plot_timeline`: the figure, or the sentence saying why there is none;
- :func:`not_event_note`: the dates that make no event although their sentence has an event word (a date
  that dates a report, an elapsed time its own sentence contradicts), each quoted.
"""
from __future__ import annotations

import pandas as pd

from helpers.report.text import md_quote

MAX_EVENTS = 30
"""The most events the timeline draws one row each (30 rows is a figure about 11 inches tall)."""
DATE_COLUMNS = ("date_start", "date_end")


def typed_dates(statements: pd.DataFrame) -> pd.DataFrame:
    """Dated statements with their date columns typed as dates, also when there is none: the empty table
    :func:`~helpers.events.chronology.dated_statements` gives for a corpus without a dated statement has
    untyped date columns, which :func:`~helpers.events.chronology.cluster_events` and
    :func:`~helpers.events.chronology.assign_periods` cannot read.

    >>> from helpers.events.chronology import assign_periods, cluster_events
    >>> empty = pd.DataFrame({"doc_id": [], "sent_id": [], "kind": [], "precision": [], "date_start": [],
    ...                       "date_end": [], "event_types": [], "actors": [], "media_system": []})
    >>> st = typed_dates(empty)
    >>> len(cluster_events(st)), "period" in assign_periods(st)
    (0, True)
    """
    return statements.astype({c: "datetime64[ns]" for c in DATE_COLUMNS if c in statements
                              and not pd.api.types.is_datetime64_any_dtype(statements[c])})


def _event_facts(points: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """Per event of ``points``: articles telling it, whether its label names an actor, its first date."""
    told = events[events["event_id"].isin(points["event_id"])]
    facts = told.groupby("event_id").agg(articles=("doc_id", "nunique"), event=("event", "first"),
                                         first=("date_start", "min"))
    facts["actor"] = facts["event"].str.count(" · ") >= 2  # 'visit · A & B · 1958': type · actors · years
    return facts


def timeline_selection(points: pd.DataFrame, events: pd.DataFrame,
                       max_events: int = MAX_EVENTS) -> tuple[pd.DataFrame, str]:
    """(the rows of ``points`` the timeline draws, the rule in words; '' when every event is drawn).

    Up to ``max_events`` events, all. Beyond, the events told by two or more articles or naming an actor
    (a visit or summit with its people); if those are still more than ``max_events``, the ``max_events`` of
    them told by the most articles (ties: the earliest). The sentence says how many are shown of how many.

    >>> pts = pd.DataFrame({"event_id": ["E1", "E2", "E3"], "outlet": ["A"] * 3})
    >>> ev = pd.DataFrame({"event_id": ["E1", "E1", "E2", "E3"], "doc_id": ["a", "b", "a", "c"],
    ...                    "event": ["war · 1950", "war · 1950", "visit · X & Y · 1958", "relations · 1960"],
    ...                    "date_start": pd.to_datetime(["1950", "1950", "1958", "1960"])})
    >>> shown, rule = timeline_selection(pts, ev, max_events=2)
    >>> shown["event_id"].tolist(), rule
    (['E1', 'E2'], 'The figure shows 2 of the 3 events: those told by two or more articles or naming an actor; the other 1 is in the table above.')
    """
    n = points["event_id"].nunique()
    if n <= max_events:
        return points, ""
    facts = _event_facts(points, events)
    keep = facts[(facts["articles"] >= 2) | facts["actor"]]
    rule = "told by two or more articles or naming an actor"
    if len(keep) > max_events:
        keep = keep.sort_values(["articles", "first"], ascending=[False, True], kind="stable").head(max_events)
        rule += f", the {max_events} of them told by the most articles (ties: the earliest)"
    rest = n - len(keep)
    return (points[points["event_id"].isin(keep.index)],
            f"The figure shows {len(keep)} of the {n} events: those {rule}; the other {rest} "
            f"{'is' if rest == 1 else 'are'} in the table above.")


def plot_timeline(points: pd.DataFrame, colors: dict[str, str], start_year: int, end_year: int | None,
                  title: str, shown: pd.DataFrame | None = None):
    """:func:`~helpers.events.chronology.plot_event_timeline` of the ``shown`` rows of ``points`` (from
    :func:`timeline_selection`; default all), its title saying how many events it shows when not all, or the
    sentence saying why there is no timeline when no event is dated."""
    from helpers.events.chronology import plot_event_timeline

    shown = points if shown is None else shown
    n, k = points["event_id"].nunique(), shown["event_id"].nunique()
    if k < n:
        title += f"\n(the {k} of {n} events that the rule under the figure selects)"
    if points.empty:
        return ("No dated statement here belongs to an event (an event needs an event word such as visit, summit, "
                "relations, anniversary or war, and a date finer than a decade, in one sentence), so there is no "
                "timeline to draw.")
    # rows in the events' order (their ids number them by first date: 'E9' before 'E10', which text order breaks)
    order = shown["event_id"].str.extract(r"(\d+)$", expand=False).astype(float)
    shown = shown.assign(_order=order).sort_values(["_order", "outlet"], kind="stable").drop(columns="_order")
    return plot_event_timeline(shown, colors, start_year, end_year, title=title)


NOT_EVENT_WORDS = {"report date": "dates a report, not the event its sentence tells",
                   "self-contradiction": "is an elapsed time whose arithmetic its own sentence contradicts"}


def not_event_note(statements: pd.DataFrame) -> str:
    """The statements that make no event by their ``not_event`` reason
    (:func:`~helpers.events.chronology.annotate_events`), each date quoted with its sentence; '' when none.

    >>> st = pd.DataFrame({"text": ["May 1952", "30 years ago"], "not_event": ["report date", "self-contradiction"],
    ...                    "outlet": ["A", "B"], "sentence": ["He said in a report in May 1952.",
    ...                                                       "30 years ago, in 1980, war came."]})
    >>> print(not_event_note(st))
    2 dates make no event: “May 1952” (A) dates a report, not the event its sentence tells: “He said in a report in May 1952.”; “30 years ago” (B) is an elapsed time whose arithmetic its own sentence contradicts: “30 years ago, in 1980, war came.”
    """
    if "not_event" not in statements:
        return ""
    rows = statements[statements["not_event"].fillna("") != ""]
    if rows.empty:
        return ""
    parts = [f"“{md_quote(r.text)}” ({md_quote(r.outlet)}) {NOT_EVENT_WORDS.get(r.not_event, r.not_event)}: "
             f"“{md_quote(r.sentence)}”" for r in rows.itertuples()]
    n = len(parts)
    return f"{n} date{'s make' if n != 1 else ' makes'} no event: " + "; ".join(parts)
