"""From temporal expressions to a chronology: dated statements, events across articles, disagreements.

- :func:`dated_statements`: each body sentence with its resolved dates and both sets of offsets,
  so a timeline row always shows the words it came from;
- :func:`annotate_events` and :func:`cluster_events`: statements about the same event across
  articles, found by event words (``data/event_keywords.csv``), actors (the gazetteer's people, found
  by its alias matcher, that each statement's own clause names: :mod:`helpers.events.participants`) and
  overlapping years; a date that dates a report, or an elapsed time its own sentence contradicts, makes
  no event, and a label names only the people every article telling the event names;
- :func:`disagreements`: statements of one event whose dates cannot both be true at the precision
  they are given, and statements the reference chronology contradicts (the ``corpus.checks`` layer); :func:`internal_inconsistencies`: a relative date that contradicts an explicit date
  of the same sentence (for example two "N years ago" that imply different publication years);
- :func:`assign_periods`: which period of the relationship a statement dates (``data/periods.csv``);

Dates are read by :mod:`helpers.dates.intervals` and compared by the one rule of :mod:`helpers.dates.relation`;
the extractor is scored against its codebook in :mod:`helpers.evaluate`.
"""
from __future__ import annotations

import functools
import re
from bisect import bisect_right
from pathlib import Path

import numpy as np
import pandas as pd

from helpers.dates.anniversary import year_of_writing
from helpers.dates.intervals import disagree, parse_interval
from helpers.events.participants import clauses, date_participants, report_cue, report_date
from helpers.events.patterns import visit_patterns
from helpers.paths import data_file

DATED_KINDS = ("date", "range", "relative", "anniversary", "decade")


# --------------------------------------------------------------------------- intervals
def _ts(day) -> pd.Timestamp:
    return pd.Timestamp(day.year, day.month, day.day)


def _span(value: str, end_value: str) -> tuple[pd.Timestamp, pd.Timestamp, str]:
    """First and last day of ``value``/``end_value`` as Timestamps, and the precision (helpers.dates.intervals)."""
    iv = parse_interval(value, end_value)
    return _ts(iv.start), _ts(iv.end), iv.precision


# --------------------------------------------------------------------------- statements
def dated_statements(timexes: pd.DataFrame, sentences: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """One row per resolved date of a body sentence, with the sentence, its offsets and its outlet.

    Durations and unresolved expressions are left out. ``date_start``/``date_end`` are the first and
    last day the value covers; ``precision`` is 'day', 'week', 'month', 'year' or 'decade'.
    """
    t = timexes[timexes["kind"].isin(DATED_KINDS) & (timexes["value"] != "")]
    spans = [_span(v, e) for v, e in zip(t["value"], t["end_value"])]
    s = sentences.rename(columns={"start": "sent_start", "end": "sent_end", "text": "sentence"})
    out = (t.assign(date_start=pd.to_datetime(pd.Series([a for a, _, _ in spans], index=t.index, dtype=object)),
                    date_end=pd.to_datetime(pd.Series([b for _, b, _ in spans], index=t.index, dtype=object)),
                    precision=[p for _, _, p in spans])
           .merge(s[["doc_id", "sent_id", "sent_start", "sent_end", "sentence"]], on=["doc_id", "sent_id"],
                  how="left", validate="many_to_one")
           .merge(documents[["outlet", "media_system"]], left_on="doc_id", right_index=True, how="left"))
    cols = ["doc_id", "outlet", "media_system", "sent_id", "sent_start", "sent_end", "sentence", "start", "end",
            "text", "kind", "value", "end_value", "anchor", "precision", "date_start", "date_end"]
    return out[cols].sort_values(["date_start", "doc_id", "start"], kind="stable").reset_index(drop=True)


def _knowledge(kb):
    if kb is not None:
        return kb
    from helpers.knowledge import load_knowledge

    return load_knowledge()


def _event_words(keywords, kb) -> pd.DataFrame:
    kw = _knowledge(kb).event_words if keywords is None else keywords
    return kw[kw["kind"] == "event"]


def sentence_events(sentences: pd.DataFrame, keywords: pd.DataFrame | None = None, kb=None) -> pd.DataFrame:
    """Event types and actors named by each sentence (', '-joined labels).

    Event types are the labels of the event words (``keywords``, default ``kb.event_words``) found in
    the sentence; actors are the canonical names of the gazetteer's people whose full names ``kb``'s
    alias matcher finds, in gazetteer order. A sentence with an event word about people (``match_actors``
    = yes: a visit, a summit) but no actor takes the actors of the previous sentence of the same document
    ("Kim paid a visit ..." after "Kim Jong Un ..."): a light stand-in for coreference.
    """
    kb = _knowledge(kb)
    events = _event_words(keywords, kb)
    about_people = set(events.loc[events["match_actors"].str.lower().eq("yes"), "label"])
    order = {eid: i for i, eid in enumerate(kb.persons)}
    rows, prev_doc, prev_actors = [], None, ()
    for doc_id, sent_id, text in zip(sentences["doc_id"], sentences["sent_id"], sentences["text"]):
        types = tuple(label for label, rx in zip(events["label"], events["regex"]) if rx.search(text))
        found = {m.entity_id for m in kb.matcher.find(text) if m.entity_id in order}
        names = tuple(kb.canonical_of[e] for e in sorted(found, key=order.get))
        if doc_id != prev_doc:
            prev_actors = ()
        if not names and about_people.intersection(types):
            names = prev_actors
        rows.append((doc_id, sent_id, ", ".join(types), ", ".join(names)))
        prev_doc, prev_actors = doc_id, names
    return pd.DataFrame(rows, columns=["doc_id", "sent_id", "event_types", "actors"])


def _clause_actors(st: pd.DataFrame, kb) -> list[str]:
    """Per statement, the people its own clause names (:func:`helpers.events.participants.date_participants`);
    a statement whose sentence names nobody keeps the actors :func:`sentence_events` gave it."""
    persons = set(kb.persons)
    breaks = visit_patterns(kb).breaks
    out = list(st["actors"].fillna(""))
    pos = {k: i for i, k in enumerate(st.index)}
    for _, g in st.groupby(["doc_id", "sent_id"], sort=False):
        text, s0 = g["sentence"].iloc[0], g["sent_start"].iloc[0]
        if not isinstance(text, str):
            continue
        people = [(m.start, m.end, kb.canonical_of[m.entity_id]) for m in kb.matcher.find(text)
                  if m.entity_id in persons]
        if not people:
            continue
        dates = [(int(a - s0), int(b - s0)) for a, b in zip(g["start"], g["end"])]
        for k, names in zip(g.index, date_participants(text, dates, people, breaks)):
            out[pos[k]] = ", ".join(names)
    return out


def _not_event(st: pd.DataFrame, words: pd.DataFrame, kb) -> list[str]:
    """Per statement, why its date makes no event: 'report date' (:func:`helpers.events.participants.report_date`),
    'self-contradiction' (an elapsed time, "N years ago", whose arithmetic disagrees with an explicit date of
    its sentence, as :func:`internal_inconsistencies` finds: the pair implies a publication year), else ''."""
    cue = report_cue(kb)
    event = re.compile("|".join(f"(?:{p})" for p in words["pattern"]), re.IGNORECASE)
    breaks = visit_patterns(kb).breaks
    slips = {i for i, _, _, implied, consistent in _relative_checks(st) if implied is not None and not consistent}
    out, cuts, starts, last = [], [], [], None
    for i, text, s0, a, b in zip(st.index, st["sentence"], st["sent_start"], st["start"], st["end"]):
        if i in slips or not isinstance(text, str):
            out.append("self-contradiction" if i in slips else "")
            continue
        if text is not last:  # the clauses of a sentence, once for all its dates
            cuts, last = clauses(text, breaks), text
            starts = [c0 for c0, _ in cuts]
        a, b = int(a - s0), int(b - s0)
        clause = cuts[max(0, bisect_right(starts, a) - 1)] if cuts else None
        out.append("report date" if report_date(text, a, b, cue, event, breaks, clause) else "")
    return out


def annotate_events(statements: pd.DataFrame, sentences: pd.DataFrame,
                    keywords: pd.DataFrame | None = None, kb=None) -> pd.DataFrame:
    """Add ``event_types`` (of each statement's sentence, see :func:`sentence_events`), ``actors`` (the
    people the statement's own clause names: "In 1958 A visited X while B came in 1957" gives 1958 to A
    and 1957 to B; see :mod:`helpers.events.participants`) and ``not_event`` (why the date makes no event:
    a 'report date' or a 'self-contradiction'; see :func:`_not_event`).

    The dead are not actors of what happens after their death: a person whose death ``lifespans.csv``
    records before the first day the statement's date allows is left out of its actors (a 2012 sentence naming Kim Il
    Sung commemorates him; he is neither visitor nor summit partner). When that leaves a statement with
    none of the actors its sentence named, its event types that need an actor (visit, summit) are dropped
    too: a commemorative mention alone makes no event.
    """
    kb = _knowledge(kb)
    words = _event_words(keywords, kb)
    ev = sentence_events(sentences.sort_values(["doc_id", "sent_id"]), keywords, kb)
    out = statements.merge(ev, on=["doc_id", "sent_id"], how="left", validate="many_to_one")
    if out.empty:
        return out.assign(not_event=pd.Series(dtype=object))
    out = out.assign(actors=_clause_actors(out, kb), not_event=_not_event(out, words, kb))
    died = {kb.canonical_of[e]: d for e, d in kb.died_of.items() if e in kb.canonical_of}
    if not died:
        return out
    needs_actor = set(words.loc[words["match_actors"].str.lower().eq("yes"), "label"])
    actors, types = [], []
    for named, kinds, start in zip(out["actors"].fillna(""), out["event_types"].fillna(""), out["date_start"]):
        names = [a for a in named.split(", ") if a]
        living = [a for a in names if not (a in died and pd.notna(start) and died[a] < start)]
        kept = kinds.split(", ") if kinds else []
        if names and not living:
            kept = [k for k in kept if k not in needs_actor]
        actors.append(", ".join(living))
        types.append(", ".join(kept))
    return out.assign(actors=actors, event_types=types)


# --------------------------------------------------------------------------- events across articles
def _labels(text: str) -> set[str]:
    return set(text.split(", ")) if text else set()


def _names(text: str) -> list[str]:
    return [a for a in text.split(", ") if a] if isinstance(text, str) else []


def _common_participants(st: pd.DataFrame, members: list[int]) -> list[str]:
    """The people every article telling the event names for it (articles that name nobody aside), most
    often named first: what the event's label may credit to all of them."""
    by_doc: dict[str, list[str]] = {}
    for k in members:
        by_doc.setdefault(st["doc_id"][k], []).extend(_names(st["actors"][k]))
    named = [set(v) for v in by_doc.values() if v]
    if not named:
        return []
    common = set.intersection(*named)
    counts = pd.Series([a for k in members for a in _names(st["actors"][k]) if a in common], dtype=object)
    counts = counts.value_counts()
    return sorted(common, key=lambda a: (-counts.get(a, 0), a))


def cluster_events(statements: pd.DataFrame, keywords: pd.DataFrame | None = None, kb=None) -> pd.DataFrame:
    """Group annotated statements that tell the same event; adds ``event_id``, ``event`` and ``told``.

    Two statements are linked when they share an event type, their years overlap, and, for event
    types about people (``match_actors`` = yes: visits, summits), they name a common actor. Events are
    the connected groups; statements with no event word, a decade-wide date or a ``not_event`` reason
    (a report date, a self-contradiction: :func:`annotate_events`) get no event.

    The label (``event``: type · people · years) names only the people that every article telling the
    event names for it, so no outlet is credited with a person it does not name; ``told`` is what each
    statement itself tells (its event types · the people its clause names).
    """
    ev = _event_words(keywords, kb)
    needs_actor = dict(zip(ev["label"], ev["match_actors"].str.lower().eq("yes")))
    order = {label: i for i, label in enumerate(ev["label"])}
    st = statements.reset_index(drop=True)
    types = [_labels(t) for t in st["event_types"]]
    actors = [_labels(a) for a in st["actors"]]
    y0 = st["date_start"].dt.year.to_numpy()
    y1 = st["date_end"].dt.year.to_numpy()
    reason = st["not_event"].fillna("") if "not_event" in st else pd.Series("", index=st.index)
    eligible = [bool(t) and p != "decade" and not r for t, p, r in zip(types, st["precision"], reason)]
    parent = list(range(len(st)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    idx = [i for i in range(len(st)) if eligible[i]]
    for a_pos, i in enumerate(idx):
        for j in idx[a_pos + 1:]:
            if y0[i] > y1[j] or y0[j] > y1[i]:
                continue
            shared = types[i] & types[j]
            if any(not needs_actor.get(t, False) or (actors[i] & actors[j]) for t in shared):
                parent[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for i in idx:
        groups.setdefault(find(i), []).append(i)
    event_id = np.full(len(st), "", dtype=object)
    event = np.full(len(st), "", dtype=object)
    told = np.full(len(st), "", dtype=object)
    ranked = sorted(groups.values(), key=lambda g: (min(st["date_start"][k] for k in g), min(g)))
    width = max(2, len(str(len(ranked))))  # ids sort as text in date order: E01 … E99, or E001 … beyond
    for n, members in enumerate(ranked, 1):
        type_counts = pd.Series([t for k in members for t in types[k]]).value_counts()
        main = min(type_counts.index, key=lambda t: (-type_counts[t], order.get(t, 99)))
        if "anniversary" in type_counts and (st["kind"][members] == "anniversary").any():
            main = "anniversary"
        who = _common_participants(st, members)[:2]
        first, last = min(y0[k] for k in members), max(y1[k] for k in members)
        years = str(first) if first == last else f"{first}-{last}"
        label = " · ".join([main] + ([" & ".join(who)] if who and needs_actor.get(main) else []) + [years])
        for k in members:
            mine = sorted(types[k], key=lambda t: order.get(t, 99))
            event_id[k], event[k] = f"E{n:0{width}d}", label
            told[k] = " · ".join([", ".join(mine)] + ([" & ".join(_names(st["actors"][k]))] if actors[k] else []))
    return st.assign(event_id=event_id, event=event, told=told)


def _checks_by_span(checks: pd.DataFrame | None) -> dict:
    """(doc_id, start, end) of a date expression -> its first check row (trip_id, verdict, reference_value,
    source, event_id), from the ``corpus.checks`` layer."""
    if checks is None or checks.empty:
        return {}
    out: dict = {}
    for r in checks.itertuples():
        out.setdefault((r.doc_id, r.start, r.end), (r.trip_id, r.verdict, r.reference_value, r.source, r.event_id))
    return out


def _same_trip_agrees(ca, cb) -> bool:
    """Both statements agree with the reference dates of one trip (its phases may differ)."""
    return bool(ca and cb and ca[0] and ca[0] == cb[0] and ca[1] == cb[1] == "consistent")


DISAGREEMENT_COLUMNS = ["event_id", "event", "doc_id", "outlet", "media_system", "text", "value", "end_value", "start",
                        "end", "sentence", "disagrees_with", "reference_event", "reference_value", "verdict", "source"]


def disagreements(events: pd.DataFrame, checks: pd.DataFrame | None = None) -> pd.DataFrame:
    """Statements of one event, from different articles, whose dates disagree, and statements the
    reference chronology contradicts.

    Two dates disagree by the one rule of :func:`helpers.dates.relation.relate` (no unit in common at the
    coarser precision, or two ranges at one precision that differ at an end), unless ``checks`` (the
    ``corpus.checks`` layer) finds both consistent with the reference dates of one trip: then they date
    different phases of it (the arrival, the summit, the official visit), not the trip twice. One row per
    statement involved in a disagreement, with the outlets it disagrees with; with ``checks``, also every
    statement the references contradict (``disagrees_with`` may then be empty), and for each row its
    ``reference_event``, ``reference_value``, ``verdict`` and ``source`` ('' where no reference checks it).
    """
    ref = _checks_by_span(checks)
    rows = []
    for event_id, g in events[events["event_id"] != ""].groupby("event_id", sort=True):
        recs = list(g.itertuples())
        ivs = [parse_interval(r.value, r.end_value) for r in recs]
        cks = [ref.get((r.doc_id, r.start, r.end)) for r in recs]
        for a, ia, ca in zip(recs, ivs, cks):
            others = sorted({b.outlet for b, ib, cb in zip(recs, ivs, cks)
                             if b.doc_id != a.doc_id and disagree(ia, ib) and not _same_trip_agrees(ca, cb)})
            if others or (ca and ca[1] == "contradicts"):
                trip, verdict, value, source, ref_event = ca or ("", "", "", "", "")
                rows.append((event_id, a.event, a.doc_id, a.outlet, a.media_system, a.text, a.value,
                             a.end_value, a.start, a.end, a.sentence, "; ".join(others), ref_event, value, verdict,
                             source))
    return pd.DataFrame(rows, columns=DISAGREEMENT_COLUMNS).sort_values(["event_id", "value", "doc_id"],
                                                                        kind="stable", ignore_index=True)


def _relative_checks(timexes: pd.DataFrame):
    """(index, relative row, nearest explicit row, implied publication year or None, consistent) for each
    resolved relative expression whose sentence also prints an absolute date or range (see
    :func:`internal_inconsistencies`)."""
    t = timexes[timexes["value"] != ""]
    explicit = t[t["kind"].isin(["date", "range"]) & (t["anchor"] == "")]
    relative = t[(t["kind"] == "relative") & (t["value"].str.len() >= 4)]
    for i, r in zip(relative.index, relative.itertuples()):
        same = explicit[(explicit["doc_id"] == r.doc_id) & (explicit["sent_id"] == r.sent_id)]
        if same.empty:
            continue
        e = same.loc[(same["start"] - r.start).abs().idxmin()]
        r0, r1, _ = _span(r.value, r.end_value)
        e0, e1, _ = _span(e["value"], e["end_value"])
        yield i, r, e, year_of_writing(r.text, e0.year), not (r1.year < e0.year or e1.year < r0.year)


def internal_inconsistencies(timexes: pd.DataFrame) -> pd.DataFrame:
    """Relative dates checked against an explicit date printed in the same sentence.

    For each resolved relative expression whose sentence also prints an absolute date or range,
    the nearest such date is compared: ``consistent`` is False when their years do not overlap.
    For "N years ago", ``implied_published`` is the publication year the explicit date implies.
    """
    rows = [(r.doc_id, r.sent_id, r.text, r.value, r.anchor, e["text"], e["value"],
             pd.NA if implied is None else implied, ok) for _, r, e, implied, ok in _relative_checks(timexes)]
    cols = ["doc_id", "sent_id", "relative_text", "relative_value", "anchor", "explicit_text", "explicit_value",
            "implied_published", "consistent"]
    out = pd.DataFrame(rows, columns=cols)
    out["implied_published"] = out["implied_published"].astype("Int64")
    return out


# --------------------------------------------------------------------------- periods
@functools.cache
def load_periods(path: str | None = None) -> pd.DataFrame:
    """Periods of the relationship (``data/periods.csv``), checked to be ordered and not to overlap."""
    p = pd.read_csv(Path(path) if path else data_file("periods.csv"))
    if (p["start_year"] > p["end_year"]).any() or (p["start_year"].iloc[1:].to_numpy()
                                                    <= p["end_year"].iloc[:-1].to_numpy()).any():
        raise ValueError("periods.csv: periods must be ordered, non-empty and must not overlap")
    return p


def assign_periods(statements: pd.DataFrame, periods: pd.DataFrame | None = None,
                   anniversaries: bool = True) -> pd.DataFrame:
    """Add ``period``: the period holding each statement's first year ('anniversaries' for anniversary
    expressions when ``anniversaries`` is true; '' when no period holds it)."""
    p = load_periods() if periods is None else periods
    years = statements["date_start"].dt.year
    period = pd.Series("", index=statements.index, dtype=object)
    for row in p.itertuples():
        period[(years >= row.start_year) & (years <= row.end_year)] = row.period
    if anniversaries:
        period[statements["kind"] == "anniversary"] = "anniversaries"
    return statements.assign(period=period)


# --------------------------------------------------------------------------- timeline
def timeline_points(events: pd.DataFrame) -> pd.DataFrame:
    """One row per event and outlet telling it: the outlet's earliest date for the event, how precisely,
    and how many outlets tell the event. Events are ordered by their earliest date."""
    ev = events[events["event_id"] != ""]
    best = (ev.assign(rank=ev["precision"].map({"day": 0, "week": 1, "month": 2, "year": 3}).fillna(4))
            .sort_values(["event_id", "outlet", "rank", "date_start"], kind="stable")
            .groupby(["event_id", "outlet"], as_index=False).first())
    best["n_outlets"] = best.groupby("event_id")["outlet"].transform("nunique")
    return best[["event_id", "event", "outlet", "media_system", "date_start", "date_end", "precision", "value",
                 "end_value", "n_outlets"]].sort_values(["event_id", "outlet"], ignore_index=True)


MAX_OUTLETS = 8
"""The most outlets the timeline draws in colours of their own; the rest are folded, per media system."""
OTHER_COLOR = "#999999"
"""The grey of outlets folded together (helpers/data/palette.csv: media_system 'other')."""


def fold_outlets(points: pd.DataFrame, max_outlets: int = MAX_OUTLETS) -> pd.DataFrame:
    """``points`` with outlets beyond the ``max_outlets - 1`` that tell the most events renamed 'N other state
    outlets' (per media system), so a legend stays short at any corpus size; unchanged up to ``max_outlets``.

    >>> pts = pd.DataFrame({"outlet": list("abcc"), "media_system": ["state"] * 4})
    >>> fold_outlets(pts, 2)["outlet"].tolist()
    ['2 other state outlets', '2 other state outlets', 'c', 'c']
    """
    counts = points["outlet"].value_counts()
    if len(counts) <= max_outlets:
        return points
    order = counts.rename_axis("outlet").reset_index().sort_values(["count", "outlet"], ascending=[False, True])
    keep = set(order["outlet"].head(max_outlets - 1))
    folded = ~points["outlet"].isin(keep)
    n = points[folded].groupby("media_system")["outlet"].transform("nunique")
    names = n.astype(str) + " other " + points.loc[folded, "media_system"] + " outlets"
    return points.assign(outlet=points["outlet"].where(~folded, names))


def plot_event_timeline(points: pd.DataFrame, colors: dict[str, str], start_year: int = 1945,
                        end_year: int | None = None, title: str = ""):
    """Events (rows, oldest at the top) against time; one marker per outlet that tells the event.

    Beyond :data:`MAX_OUTLETS` outlets, the ones telling the fewest events are drawn together in grey, per
    media system (:func:`fold_outlets`). A date known to the day is a filled marker; a date known only to the month or year, or a range, is a bar
    over the whole span it covers with an open marker at its middle, never a point on its first day. The
    legend sits below the axes, so it covers no event. The time axis runs from ``start_year`` to
    ``end_year`` (default: the year after the latest date).
    """
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D
    from matplotlib.transforms import ScaledTranslation

    end_year = end_year or int(points["date_end"].max().year) + 1
    points = fold_outlets(points)
    colors = {o: colors.get(o, OTHER_COLOR) for o in points["outlet"].unique()}
    events = points.drop_duplicates("event_id")[["event_id", "event"]].reset_index(drop=True)
    row = {e: i for i, e in enumerate(events["event_id"])}
    outlets = sorted(points["outlet"].unique())
    offset = {o: (k - (len(outlets) - 1) / 2) * min(0.12, 0.6 / max(len(outlets), 1)) for k, o in enumerate(outlets)}
    fig, ax = plt.subplots(figsize=(10, 0.3 * len(events) + 2.4))
    handles = []
    for outlet in outlets:
        p = points[points["outlet"] == outlet]
        y = p["event_id"].map(row) + offset[outlet]
        system = p["media_system"].iloc[0]
        marker = "o" if system == "state" else "s"
        span = (p["precision"] != "day") | (p["date_end"] > p["date_start"])
        mid = p["date_start"] + (p["date_end"] - p["date_start"]) / 2
        ax.hlines(y[span], p.loc[span, "date_start"], p.loc[span, "date_end"] + pd.Timedelta(days=1),
                  color=colors[outlet], lw=6, alpha=0.6, zorder=2)
        ax.scatter(mid[span], y[span], s=14, marker=marker, facecolor="white", edgecolor=colors[outlet],
                   linewidth=1, zorder=3)
        ax.scatter(p.loc[~span, "date_start"], y[~span], s=28, color=colors[outlet], marker=marker, zorder=3,
                   edgecolor="white", linewidth=0.5)
        handles.append(Line2D([], [], marker=marker, color=colors[outlet], linestyle="none",
                              label=f"{outlet} ({system})"))
    handles.append(Line2D([], [], marker="o", color="#555555", markerfacecolor="white", markersize=4, lw=6,
                          alpha=0.7, label="open marker on a bar: month or year only,\nor a range (the bar spans it)"))
    ax.set_yticks(range(len(events)), events["event"])
    ax.invert_yaxis()
    ax.set_xlim(pd.Timestamp(start_year, 1, 1), pd.Timestamp(end_year, 1, 1))
    ax.xaxis.set_major_locator(mdates.YearLocator(10))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.set_xlabel("date of the event as the article gives it (year)")
    ax.set_ylabel("event (type · actors · years)")
    ax.set_title(title)
    below = ax.transAxes + ScaledTranslation(0, -0.5, fig.dpi_scale_trans)  # under the axis label: covers no event
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0, 0), bbox_transform=below, ncol=2, fontsize=8,
              title="outlet (● state, ■ independent)", title_fontsize=8)
    fig.tight_layout()
    return fig, ax
