"""From temporal expressions to a chronology: dated statements, events across articles, disagreements.

- :func:`dated_statements`: each body sentence with its resolved dates and both sets of offsets,
  so a timeline row always shows the words it came from;
- :func:`annotate_events` and :func:`cluster_events`: statements about the same event across
  articles, found by event words and actors (``data/event_keywords.csv``) and overlapping years;
- :func:`disagreements`: statements of one event whose dates cannot both be true at the precision
  they are given; :func:`internal_inconsistencies`: a relative date that contradicts an explicit date
  of the same sentence (for example two "N years ago" that imply different publication years);
- :func:`assign_periods`: which period of the relationship a statement dates (``data/periods.csv``);
- :func:`load_codebook` and :func:`evaluate_timexes`: the extractor against the hand-made codebook.
"""
from __future__ import annotations

import functools
import re
from pathlib import Path

import numpy as np
import pandas as pd

from helpers.dates.anniversary import year_of_writing
from helpers.paths import data_file

DATED_KINDS = ("date", "range", "relative", "anniversary", "decade")
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_ISO_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_DECADE = re.compile(r"^(\d{3})X$")


# --------------------------------------------------------------------------- intervals
def interval(value: str) -> tuple[pd.Timestamp, pd.Timestamp, str]:
    """The days an ISO value covers: '1958-11' -> (1958-11-01, 1958-11-30, 'month')."""
    if m := _ISO.match(value):
        y, mo, d = (int(x) if x else None for x in m.groups())
        if d:
            ts = pd.Timestamp(y, mo, d)
            return ts, ts, "day"
        if mo:
            first = pd.Timestamp(y, mo, 1)
            return first, first + pd.offsets.MonthEnd(0), "month"
        return pd.Timestamp(y, 1, 1), pd.Timestamp(y, 12, 31), "year"
    if m := _ISO_WEEK.match(value):
        monday = pd.Timestamp.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        return monday, monday + pd.Timedelta(days=6), "week"
    if m := _DECADE.match(value):
        y = int(m.group(1)) * 10
        return pd.Timestamp(y, 1, 1), pd.Timestamp(y + 9, 12, 31), "decade"
    raise ValueError(f"not an ISO 8601 date value: {value!r}")


def _span(value: str, end_value: str) -> tuple[pd.Timestamp, pd.Timestamp, str]:
    start, end, precision = interval(value)
    if end_value:
        end = interval(end_value)[1]
    return start, end, precision


# --------------------------------------------------------------------------- statements
def dated_statements(timexes: pd.DataFrame, sentences: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """One row per resolved date of a body sentence, with the sentence, its offsets and its outlet.

    Durations and unresolved expressions are left out. ``date_start``/``date_end`` are the first and
    last day the value covers; ``precision`` is 'day', 'week', 'month', 'year' or 'decade'.
    """
    t = timexes[timexes["kind"].isin(DATED_KINDS) & (timexes["value"] != "")]
    spans = [_span(v, e) for v, e in zip(t["value"], t["end_value"])]
    s = sentences.rename(columns={"start": "sent_start", "end": "sent_end", "text": "sentence"})
    out = (t.assign(date_start=[a for a, _, _ in spans], date_end=[b for _, b, _ in spans],
                    precision=[p for _, _, p in spans])
           .merge(s[["doc_id", "sent_id", "sent_start", "sent_end", "sentence"]], on=["doc_id", "sent_id"],
                  how="left", validate="many_to_one")
           .merge(documents[["outlet", "media_system"]], left_on="doc_id", right_index=True, how="left"))
    cols = ["doc_id", "outlet", "media_system", "sent_id", "sent_start", "sent_end", "sentence", "start", "end",
            "text", "kind", "value", "end_value", "anchor", "precision", "date_start", "date_end"]
    return out[cols].sort_values(["date_start", "doc_id", "start"], kind="stable").reset_index(drop=True)


@functools.cache
def load_event_keywords(path: str | None = None) -> pd.DataFrame:
    """Event words and actor names (``data/event_keywords.csv``) with compiled patterns."""
    kw = pd.read_csv(Path(path) if path else data_file("event_keywords.csv"), dtype=str, keep_default_na=False)
    bad = set(kw["kind"]) - {"event", "actor", "party"}
    if bad:
        raise ValueError(f"event_keywords.csv: unknown kind(s) {sorted(bad)}")
    return kw.assign(regex=[re.compile(p, re.IGNORECASE) for p in kw["pattern"]])


def sentence_events(sentences: pd.DataFrame, keywords: pd.DataFrame | None = None) -> pd.DataFrame:
    """Event types and actors named by each sentence (', '-joined labels).

    A sentence with an event word but no actor takes the actors of the previous sentence of the
    same document ("Kim paid a visit ..." after "Kim Jong Un ..."): a light stand-in for coreference.
    """
    kw = load_event_keywords() if keywords is None else keywords
    events = kw[kw["kind"] == "event"]
    actors = kw[kw["kind"] == "actor"]
    rows, prev_doc, prev_actors = [], None, ()
    for doc_id, sent_id, text in zip(sentences["doc_id"], sentences["sent_id"], sentences["text"]):
        types = tuple(label for label, rx in zip(events["label"], events["regex"]) if rx.search(text))
        names = tuple(label for label, rx in zip(actors["label"], actors["regex"]) if rx.search(text))
        if doc_id != prev_doc:
            prev_actors = ()
        if types and not names:
            names = prev_actors
        rows.append((doc_id, sent_id, ", ".join(types), ", ".join(names)))
        prev_doc, prev_actors = doc_id, names
    return pd.DataFrame(rows, columns=["doc_id", "sent_id", "event_types", "actors"])


def annotate_events(statements: pd.DataFrame, sentences: pd.DataFrame,
                    keywords: pd.DataFrame | None = None) -> pd.DataFrame:
    """Add ``event_types`` and ``actors`` of each statement's sentence."""
    ev = sentence_events(sentences.sort_values(["doc_id", "sent_id"]), keywords)
    return statements.merge(ev, on=["doc_id", "sent_id"], how="left", validate="many_to_one")


# --------------------------------------------------------------------------- events across articles
def _labels(text: str) -> set[str]:
    return set(text.split(", ")) if text else set()


def cluster_events(statements: pd.DataFrame, keywords: pd.DataFrame | None = None) -> pd.DataFrame:
    """Group annotated statements that tell the same event; adds ``event_id`` and ``event``.

    Two statements are linked when they share an event type, their years overlap, and, for event
    types about people (``match_actors`` = yes: visits, summits), they name a common actor. Events are
    the connected groups; statements with no event word or a decade-wide date get no event.
    """
    kw = load_event_keywords() if keywords is None else keywords
    ev = kw[kw["kind"] == "event"]
    needs_actor = dict(zip(ev["label"], ev["match_actors"].str.lower().eq("yes")))
    order = {label: i for i, label in enumerate(ev["label"])}
    st = statements.reset_index(drop=True)
    types = [_labels(t) for t in st["event_types"]]
    actors = [_labels(a) for a in st["actors"]]
    y0 = st["date_start"].dt.year.to_numpy()
    y1 = st["date_end"].dt.year.to_numpy()
    eligible = [bool(t) and p != "decade" for t, p in zip(types, st["precision"])]
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
    ranked = sorted(groups.values(), key=lambda g: (min(st["date_start"][k] for k in g), min(g)))
    for n, members in enumerate(ranked, 1):
        type_counts = pd.Series([t for k in members for t in types[k]]).value_counts()
        main = min(type_counts.index, key=lambda t: (-type_counts[t], order.get(t, 99)))
        if "anniversary" in type_counts and (st["kind"][members] == "anniversary").any():
            main = "anniversary"
        actor_counts = pd.Series([a for k in members for a in actors[k]], dtype=object).value_counts()
        who = sorted(actor_counts.index, key=lambda a: (-actor_counts[a], a))[:2]
        first, last = min(y0[k] for k in members), max(y1[k] for k in members)
        years = str(first) if first == last else f"{first}-{last}"
        label = " · ".join([main] + ([" & ".join(who)] if who and needs_actor.get(main) else []) + [years])
        for k in members:
            event_id[k], event[k] = f"E{n:02d}", label
    return st.assign(event_id=event_id, event=event)


def _incompatible(a, b) -> bool:
    """Two dates of one event that cannot both hold: disjoint, or equally precise and different."""
    if a.date_end < b.date_start or b.date_end < a.date_start:
        return True
    return a.precision == b.precision and (a.value, a.end_value) != (b.value, b.end_value)


def disagreements(events: pd.DataFrame) -> pd.DataFrame:
    """Statements of one event, from different articles, whose dates disagree.

    One row per statement involved in a disagreement, with the outlets it disagrees with.
    """
    rows = []
    for event_id, g in events[events["event_id"] != ""].groupby("event_id", sort=True):
        recs = list(g.itertuples())
        for a in recs:
            others = sorted({b.outlet for b in recs if b.doc_id != a.doc_id and _incompatible(a, b)})
            if others:
                rows.append((event_id, a.event, a.doc_id, a.outlet, a.media_system, a.text, a.value,
                             a.end_value, a.start, a.end, a.sentence, "; ".join(others)))
    cols = ["event_id", "event", "doc_id", "outlet", "media_system", "text", "value", "end_value", "start",
            "end", "sentence", "disagrees_with"]
    return pd.DataFrame(rows, columns=cols).sort_values(["event_id", "value", "doc_id"], kind="stable",
                                                         ignore_index=True)


def internal_inconsistencies(timexes: pd.DataFrame) -> pd.DataFrame:
    """Relative dates checked against an explicit date printed in the same sentence.

    For each resolved relative expression whose sentence also prints an absolute date or range,
    the nearest such date is compared: ``consistent`` is False when their years do not overlap.
    For "N years ago", ``implied_published`` is the publication year the explicit date implies.
    """
    t = timexes[timexes["value"] != ""]
    explicit = t[t["kind"].isin(["date", "range"]) & (t["anchor"] == "")]
    relative = t[(t["kind"] == "relative") & (t["value"].str.len() >= 4)]
    rows = []
    for r in relative.itertuples():
        same = explicit[(explicit["doc_id"] == r.doc_id) & (explicit["sent_id"] == r.sent_id)]
        if same.empty:
            continue
        e = same.loc[(same["start"] - r.start).abs().idxmin()]
        r0, r1, _ = _span(r.value, r.end_value)
        e0, e1, _ = _span(e["value"], e["end_value"])
        implied = year_of_writing(r.text, e0.year)
        implied = pd.NA if implied is None else implied
        rows.append((r.doc_id, r.sent_id, r.text, r.value, r.anchor, e["text"], e["value"], implied,
                     not (r1.year < e0.year or e1.year < r0.year)))
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


# --------------------------------------------------------------------------- evaluation
def load_codebook(path: str | Path | None = None) -> pd.DataFrame:
    """The hand-coded temporal expressions of the seeds (``data/timex_codebook.csv``)."""
    cb = pd.read_csv(Path(path) if path else data_file("timex_codebook.csv"), dtype=str, keep_default_na=False)
    required = ["doc_id", "text", "occurrence", "kind", "value", "end_value", "note"]
    missing = [c for c in required if c not in cb.columns]
    if missing:
        raise ValueError(f"timex codebook lacks columns {missing}")
    bad = sorted(set(cb["kind"]) - {"date", "range", "relative", "anniversary", "decade", "duration"})
    if bad:
        raise ValueError(f"timex codebook: unknown kind(s) {bad}")
    return cb.astype({"occurrence": "int64"})


def locate_codebook(codebook: pd.DataFrame, raw: pd.Series, sentences: pd.DataFrame) -> pd.DataFrame:
    """Offsets of each codebook row: the n-th whole-word occurrence of its text in the body sentences.

    ``raw`` maps doc_id to the raw file text. A row whose text does not occur that often in the body
    is an error in the codebook and raises ``ValueError`` naming it.
    """
    starts, ends, sent_ids = [], [], []
    for r in codebook.itertuples():
        rx = re.compile(rf"(?<!\w){re.escape(r.text)}(?!\w)")
        hits = []
        for s in sentences[sentences["doc_id"] == r.doc_id].sort_values("start").itertuples():
            hits += [(m.start(), m.end(), s.sent_id) for m in rx.finditer(raw[r.doc_id], s.start, s.end)]
        if len(hits) < r.occurrence:
            raise ValueError(f"codebook row {r.doc_id} {r.text!r} #{r.occurrence}: the body has "
                             f"{len(hits)} occurrence(s)")
        a, b, sid = hits[r.occurrence - 1]
        starts.append(a), ends.append(b), sent_ids.append(sid)
    return codebook.assign(sent_id=sent_ids, start=starts, end=ends)


def evaluate_timexes(timexes: pd.DataFrame, gold: pd.DataFrame) -> tuple[pd.Series, pd.DataFrame]:
    """Precision and recall of resolved values against the located codebook, and every error.

    A prediction and a codebook row match when their spans overlap (one to one, largest overlap
    first). A match is correct when ``value`` and ``end_value`` are equal (an empty value is correct
    for an expression the codebook leaves unresolved). Precision = correct / predictions, recall =
    correct / codebook rows. ``errors`` lists misses, spurious finds, wrong values and, as
    'wrong kind', matches with the right value but another kind.
    """
    pairs = []
    for doc_id, g in gold.groupby("doc_id"):
        p = timexes[timexes["doc_id"] == doc_id]
        for gi, gr in g.iterrows():
            for pi, pr in p.iterrows():
                overlap = min(gr["end"], pr["end"]) - max(gr["start"], pr["start"])
                if overlap > 0:
                    pairs.append((overlap, gi, pi))
    used_g, used_p, matches = set(), set(), []
    for overlap, gi, pi in sorted(pairs, key=lambda x: (-x[0], x[1], x[2])):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi), used_p.add(pi), matches.append((gi, pi))
    errors, correct, kind_ok = [], 0, 0
    cols = ["doc_id", "error", "gold_text", "found_text", "gold_kind", "found_kind", "gold_value", "found_value",
            "start", "end"]
    for gi, pi in matches:
        g, p = gold.loc[gi], timexes.loc[pi]
        ok = (g["value"], g["end_value"]) == (p["value"], p["end_value"])
        correct += ok
        kind_ok += g["kind"] == p["kind"]
        if not ok or g["kind"] != p["kind"]:
            errors.append((g["doc_id"], "wrong value" if not ok else "wrong kind", g["text"], p["text"], g["kind"],
                           p["kind"], _pair(g), _pair(p), p["start"], p["end"]))
    for gi in gold.index.difference(list(used_g)):
        g = gold.loc[gi]
        errors.append((g["doc_id"], "missed", g["text"], "", g["kind"], "", _pair(g), "", g["start"], g["end"]))
    for pi in timexes.index[timexes["doc_id"].isin(gold["doc_id"])].difference(list(used_p)):
        p = timexes.loc[pi]
        errors.append((p["doc_id"], "spurious", "", p["text"], "", p["kind"], "", _pair(p), p["start"], p["end"]))
    n_pred = int(timexes["doc_id"].isin(gold["doc_id"]).sum())
    exact = sum((gold.loc[gi, "start"], gold.loc[gi, "end"]) == (timexes.loc[pi, "start"], timexes.loc[pi, "end"])
                for gi, pi in matches)
    scores = pd.Series({
        "codebook rows": len(gold), "found": n_pred, "matched": len(matches), "correct values": correct,
        "precision": correct / n_pred if n_pred else float("nan"),
        "recall": correct / len(gold) if len(gold) else float("nan"),
        "kind accuracy (matched)": kind_ok / len(matches) if matches else float("nan"),
        "exact spans (matched)": exact / len(matches) if matches else float("nan"),
    })
    err = pd.DataFrame(errors, columns=cols).sort_values(["doc_id", "start", "error"], ignore_index=True)
    return scores, err


def _pair(row) -> str:
    return f"{row['value']}/{row['end_value']}" if row["end_value"] else row["value"]


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


def plot_event_timeline(points: pd.DataFrame, colors: dict[str, str], start_year: int = 1945,
                        end_year: int | None = None, title: str = ""):
    """Events (rows, oldest at the top) against time; one marker per outlet that tells the event.

    The time axis runs from ``start_year`` to ``end_year`` (default: the year after the latest date).
    """
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    end_year = end_year or int(points["date_end"].max().year) + 1
    events = points.drop_duplicates("event_id")[["event_id", "event"]].reset_index(drop=True)
    row = {e: i for i, e in enumerate(events["event_id"])}
    outlets = sorted(points["outlet"].unique())
    offset = {o: (k - (len(outlets) - 1) / 2) * 0.12 for k, o in enumerate(outlets)}
    fig, ax = plt.subplots(figsize=(10, 0.3 * len(events) + 1.8))
    for outlet in outlets:
        p = points[points["outlet"] == outlet]
        y = p["event_id"].map(row) + offset[outlet]
        system = p["media_system"].iloc[0]
        ax.scatter(p["date_start"], y, s=28, color=colors[outlet], marker="o" if system == "state" else "s",
                   label=f"{outlet} ({system})", zorder=3, edgecolor="white", linewidth=0.5)
    ax.set_yticks(range(len(events)), events["event"])
    ax.invert_yaxis()
    ax.set_xlim(pd.Timestamp(start_year, 1, 1), pd.Timestamp(end_year, 1, 1))
    ax.xaxis.set_major_locator(mdates.YearLocator(10))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.set_xlabel("date of the event as the article gives it (year)")
    ax.set_ylabel("event (type · actors · years)")
    ax.set_title(title)
    ax.legend(loc="upper right", fontsize=8, title="outlet (● state, ■ independent)", title_fontsize=8)
    fig.tight_layout()
    return fig, ax
