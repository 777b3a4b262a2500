"""Tables and figures for the leadership-exchanges notebook (03), built on :mod:`helpers.visits`.

Everything here reads the visit statements and merged exchanges of
:mod:`helpers.visits`, the mentions of :mod:`helpers.mentions` and the offices
and founders of the gazetteer; nothing names a particular article.

- :func:`exchange_reports`: one row per exchange and reporting article, with the
  dates and titles that article gives and whether each title word was held at the
  exchange's date;
- :func:`top_level`, :func:`top_level_gaps`, :func:`visits_between`: visits by a
  country's paramount leader, the longest gap between two of them in each
  direction, and what other visits the articles list inside a gap;
- :func:`named_people`: whom each article names, as founder, leader at the
  article's publication, or other, by nationality;
- :func:`naming_summary`: the same per outlet, names grouped by role and nationality;
- :func:`coverage`: which article reports which exchange;
- :func:`plot_exchanges`, :func:`plot_co_mentions`: the notebook's figures.
"""
from __future__ import annotations

import functools

import pandas as pd

from helpers.annotate.gazetteer import load_gazetteer, load_offices, offices_by_entity
from helpers.report.style import LEVEL_COLORS, OKABE_ITO, legend_below
from helpers.report.text import plural
from helpers.dates.intervals import span_interval
from helpers.events.exchanges import assign_exchanges
from helpers.events.levels import LEVELS, title_check

EXCHANGE_COLUMNS = ["exchange_id", "visitor", "visitor_id", "from_country", "to_country", "date_start", "date_end",
                    "year", "level", "status", "n_statements", "n_articles", "doc_ids", "dates_reported",
                    "date_disagreement", "titles_reported", "statuses_reported", "outlets", "reference_event",
                    "date_basis", "conflicting_statements", "reference_source"]
"""The columns of :func:`helpers.events.exchanges.merge_exchanges`."""


def exchange_schema(exchanges: pd.DataFrame) -> pd.DataFrame:
    """``exchanges`` with every column of :data:`EXCHANGE_COLUMNS`: a corpus with no visit statement gets an
    exchanges table with no columns at all, which every table and note of notebook 03 reads by name.

    >>> exchange_schema(pd.DataFrame()).columns.tolist() == EXCHANGE_COLUMNS
    True
    """
    missing = [c for c in EXCHANGE_COLUMNS if c not in exchanges.columns]
    return exchanges.reindex(columns=list(exchanges.columns) + missing) if missing else exchanges


PAIR = ("VNM", "PRK")


def bilateral(table: pd.DataFrame, pair: tuple[str, str] = PAIR) -> pd.DataFrame:
    """The rows of a visits or exchanges table between the two countries of ``pair``, either way: trips to third
    countries keep their real destination in the layers, and are set aside here.

    >>> t = pd.DataFrame({"from_country": ["PRK", "PRK", "VNM"], "to_country": ["VNM", "LAO", "PRK"]})
    >>> bilateral(t).index.tolist()
    [0, 2]
    """
    a, b = pair
    keep = ((table["from_country"] == a) & (table["to_country"] == b)) | (
        (table["from_country"] == b) & (table["to_country"] == a))
    return table[keep]


def studied_visits(visits: pd.DataFrame, died: dict | None = None, pair: tuple[str, str] = PAIR) -> pd.DataFrame:
    """The visit statements notebook 03 studies: between the two countries of ``pair``, and not dated after the
    visitor's recorded death (``died``: entity id -> date; see :func:`helpers.events.exchanges.after_death`)."""
    from helpers.events.exchanges import after_death

    kept = bilateral(visits, pair)
    return kept[~after_death(kept, died)] if died and len(kept) else kept


def bilateral_note(all_visits: pd.DataFrame, kept: pd.DataFrame, died: dict | None = None) -> str:
    """How many visit statements are studied, and how many are set aside (trips to or from third countries;
    statements dated after the visitor's death), in words ('' when none is)."""
    from helpers.events.exchanges import after_death

    pair = bilateral(all_visits)
    third = len(all_visits) - len(pair)
    dead = int(after_death(pair, died).sum()) if died and len(pair) else 0
    parts = []
    if third:
        parts.append(f"{plural(third, 'visit statement')} of the corpus {'is' if third == 1 else 'are'} about trips "
                     "to or from other countries")
    if dead:
        parts.append(f"{plural(dead, 'statement')} {'is' if dead == 1 else 'are'} dated after the death of the "
                     "person named as visitor (a commemoration, or an organisation named after them)")
    if not parts:
        return ""
    return "; ".join(parts) + (f"; this notebook keeps the {plural(len(kept), 'statement')} between Vietnam and "
                               "North Korea.")


LEVEL_STYLE = {  # colour (helpers/data/palette.csv, role 'level': no media-system or outlet colour) and marker
    level: (LEVEL_COLORS[level], marker)
    for level, marker in (("head of party or state", "D"), ("government", "o"), ("delegation", "s"))
}


@functools.lru_cache(maxsize=1)
def _people() -> tuple[dict, dict, dict, dict]:
    gaz = load_gazetteer()
    countries = gaz[gaz["type"] == "country"]
    names = dict(zip(countries["country"], countries["canonical"]))
    nationality = {k: v for k, v in zip(gaz["entity_id"], gaz["country"]) if isinstance(v, str) and v}
    founder = dict(zip(gaz["entity_id"], gaz["founder"]))
    offices = offices_by_entity(load_offices(gazetteer=gaz))
    return names, nationality, founder, offices


def direction_label(from_country: str, to_country: str) -> str:
    """'Vietnam → North Korea' from alpha-3 codes (the code itself when the gazetteer has no country)."""
    names = _people()[0]
    return f"{names.get(from_country, from_country)} → {names.get(to_country, to_country)}"


def _year(value) -> int | None:
    iv = span_interval(value)
    return iv[0].year if iv else None


def is_paramount(entity_id: str, date_value) -> bool:
    """Did ``entity_id`` hold a paramount office (the country's top leader) in the date's year?

    Undated: False (a paramount office at some unknown time does not make a visit top-level).
    """
    year = _year(date_value)
    if year is None:
        return False
    return any(o.paramount and o.held_in(year) for o in _people()[3].get(entity_id, ()))


def offices_in(entity_id: str, date_value) -> str:
    """The offices ``entity_id`` held in the date's year, joined with '; ' ('' when none are known)."""
    year = _year(date_value)
    if year is None:
        return ""
    return "; ".join(o.office for o in _people()[3].get(entity_id, ()) if o.held_in(year))


def exchange_reports(visits: pd.DataFrame, exchanges: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """One row per (exchange, reporting article): what that article says about the visit.

    Columns: ``exchange_id, visitor, direction, doc_id, outlet, dates`` (the dates the
    article gives, 'start/end' for a span, '' when undated), ``titles`` (as given),
    ``status`` and ``title_check``: each office word of the titles checked against the
    offices the visitor held in the exchange's year ("President not held in 1958" for
    Kim Il Sung, then Premier), "no offices on record" when ``offices.csv`` lists none
    for the visitor, "" when the titles carry no office word.
    """
    cols = ["exchange_id", "visitor", "direction", "doc_id", "outlet", "dates", "titles", "status", "title_check"]
    if exchanges.empty:
        return pd.DataFrame(columns=cols)
    offices = _people()[3]
    assigned = assign_exchanges(visits).dropna(subset=["exchange_id"])
    when = exchanges.set_index("exchange_id")["date_start"]
    rows = []
    for (xid, doc_id), g in assigned.groupby(["exchange_id", "doc_id"], sort=True):
        if xid not in when.index:  # statements the exchanges leave out (dated after the visitor's death)
            continue
        dates = []
        for s, e in zip(g["date_start"], g["date_end"]):
            if s:
                label = s if e in ("", s) else f"{s}/{e}"
                if label not in dates:
                    dates.append(label)
        titles = list(dict.fromkeys(t for t in g["visitor_title"] if t))
        vid = g["visitor_id"].iloc[0]
        checks = pd.concat([title_check(vid, t, when[xid]) for t in titles]) if titles else pd.DataFrame()
        checks = checks[checks["office_pattern"] != ""] if len(checks) else checks
        year = _year(when[xid])
        if checks.empty:
            verdict = ""
        elif vid not in offices:
            verdict = "no offices on record"
        elif year is None:
            verdict = "undated"
        else:
            wrong = list(dict.fromkeys(w for w, held in zip(checks["title_word"], checks["held"]) if held is False))
            verdict = f"{', '.join(wrong)} not held in {year}" if wrong else f"held in {year}"
        rows.append(dict(
            exchange_id=xid, visitor=g["visitor"].iloc[0],
            direction=direction_label(g["from_country"].iloc[0], g["to_country"].iloc[0]),
            doc_id=doc_id, outlet=documents.at[doc_id, "outlet"], dates="; ".join(dates),
            titles="; ".join(titles), status=", ".join(sorted(set(g["status"]))), title_check=verdict,
        ))
    order = {x: i for i, x in enumerate(exchanges["exchange_id"])}
    out = pd.DataFrame(rows, columns=cols)
    out["_order"] = out["exchange_id"].map(order)
    return out.sort_values(["_order", "doc_id"], kind="stable").drop(columns="_order").reset_index(drop=True)


def top_level(exchanges: pd.DataFrame) -> pd.Series:
    """Per exchange: was the visitor his country's paramount leader in the year of the visit?"""
    return pd.Series([is_paramount(v, d) for v, d in zip(exchanges["visitor_id"], exchanges["date_start"])],
                     index=exchanges.index, dtype="bool")


def top_level_gaps(exchanges: pd.DataFrame) -> pd.DataFrame:
    """The gaps between consecutive occurred top-level visits, per direction, longest first.

    Columns: ``direction, from_country, to_country, before, after`` (exchange ids),
    ``before_visitor, after_visitor, before_end, after_start`` (ISO at the text's
    precision), ``years`` (days between the end of one and the start of the next,
    / 365.25) and ``calendar_years`` (difference of the years).
    """
    cols = ["direction", "from_country", "to_country", "before", "after", "before_visitor", "after_visitor",
            "before_end", "after_start", "years", "calendar_years"]
    x = exchanges[(exchanges["status"] == "occurred") & top_level(exchanges)] if len(exchanges) else exchanges
    rows = []
    for (fc, tc), g in x.groupby(["from_country", "to_country"], sort=True):
        spans = sorted(((span_interval(r.date_start, r.date_end), r) for r in g.itertuples()), key=lambda t: t[0])
        for (iv_a, a), (iv_b, b) in zip(spans, spans[1:]):
            rows.append(dict(
                direction=direction_label(fc, tc), from_country=fc, to_country=tc,
                before=a.exchange_id, after=b.exchange_id, before_visitor=a.visitor, after_visitor=b.visitor,
                before_end=a.date_end, after_start=b.date_start,
                years=round((iv_b[0] - iv_a[1]).days / 365.25, 1), calendar_years=iv_b[0].year - iv_a[1].year,
            ))
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(["years", "direction"], ascending=[False, True], kind="stable").reset_index(drop=True)


def visits_between(exchanges: pd.DataFrame, after_end: str, before_start: str) -> pd.DataFrame:
    """Exchanges that began after the day ``after_end`` ends and before ``before_start`` begins."""
    lo, hi = span_interval(after_end)[1], span_interval(before_start)[0]
    inside = [lo < span_interval(s, e)[0] < hi for s, e in zip(exchanges["date_start"], exchanges["date_end"])]
    return exchanges[inside]


def named_people(mentions: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Whom each article names: one row per article and person.

    ``role``: 'founder' (gazetteer founder flag), 'leader at publication' (held a head
    of party or state office in the article's publication year), or 'other' (earlier
    leaders, officials). ``nationality``: the person's country (alpha-3).
    """
    _, nationality, founder, offices = _people()
    p = mentions[mentions["type"] == "person"]
    years = documents["published"].dt.year
    rows = []
    for (doc_id, eid), g in p.groupby(["doc_id", "entity_id"], sort=True):
        year = None if pd.isna(years[doc_id]) else int(years[doc_id])
        if founder.get(eid):
            role = "founder"
        elif year is not None and any(o.level == LEVELS[0] and o.held_in(year) for o in offices.get(eid, ())):
            role = "leader at publication"
        else:
            role = "other"
        rows.append(dict(doc_id=doc_id, outlet=documents.at[doc_id, "outlet"], entity_id=eid,
                         nationality=nationality.get(eid, ""), role=role, mentions=len(g),
                         forms=", ".join(sorted(set(g["form"])))))
    return pd.DataFrame(rows, columns=["doc_id", "outlet", "entity_id", "nationality", "role", "mentions", "forms"])


def naming_summary(named: pd.DataFrame, home: tuple[str, str] = ("VNM", "PRK")) -> pd.DataFrame:
    """Per outlet: the people named, grouped by role and nationality (``home`` countries; the rest are 'other').

    One column per (role, nationality) pair that occurs, each cell the names joined with ', '
    (most mentioned first; an outlet's articles pooled, each name once per cell), '' when none; plus
    ``people`` (distinct) and ``mentions`` totals.
    """
    gaz = load_gazetteer()
    names = dict(zip(gaz["entity_id"], gaz["canonical"]))
    countries = _people()[0]
    n = named.assign(
        group=named["nationality"].where(named["nationality"].isin(home), "other countries"),
        name=named["entity_id"].map(names).fillna(named["entity_id"]),
    )
    n = (n.groupby(["outlet", "role", "group", "name", "entity_id"], as_index=False, sort=False)["mentions"].sum()
         .sort_values(["mentions", "name"], ascending=[False, True], kind="stable"))
    roles = ["founder", "leader at publication", "other"]
    groups = [*home, "other countries"]
    out = {}
    for outlet in dict.fromkeys(named["outlet"]):
        g = n[n["outlet"] == outlet]
        row = {}
        for role in roles:
            for grp in groups:
                sel = g[(g["role"] == role) & (g["group"] == grp)]
                row[f"{role}: {countries.get(grp, grp)}"] = ", ".join(sel["name"])
        row["people"] = g["entity_id"].nunique()
        row["mentions"] = int(g["mentions"].sum())
        out[outlet] = row
    table = pd.DataFrame.from_dict(out, orient="index")
    used = [c for c in table.columns if c in ("people", "mentions") or (table[c] != "").any()]
    table = table[used]
    table.index.name = "outlet"
    return table


def coverage(exchanges: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Exchanges (rows, in date order) by article (columns, labelled by outlet): True when the article reports it."""
    cols = {d: documents.at[d, "outlet"] for d in documents.index}
    table = pd.DataFrame(
        [[d in docs for d in cols] for docs in exchanges["doc_ids"]],
        index=[f"{v} {direction_label(f, t)} {s[:4]}" for v, f, t, s in
               zip(exchanges["visitor"], exchanges["from_country"], exchanges["to_country"], exchanges["date_start"])],
        columns=list(cols.values()), dtype="bool",
    )
    return table


# ---------------------------------------------------------------------------
# Figures
# ---------------------------------------------------------------------------
def _mid(date_start: str, date_end: str) -> float:
    a, b = span_interval(date_start, date_end)
    mid = a + (b - a) / 2
    return mid.year + (mid.timetuple().tm_yday - 0.5) / 366


def _crowds(xs: list[float], near: float) -> list[list[int]]:
    """Indexes of sorted positions ``xs`` in runs whose members lie within ``near`` of the run's first."""
    runs: list[list[int]] = []
    for i, x in enumerate(xs):
        if runs and x - xs[runs[-1][0]] <= near:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _crowd_label(rows: list) -> str:
    """One label for markers too close to name each: the visitor (and how often) or the number of visits,
    with the years they span."""
    years = sorted({r.date_start[:4] for r in rows})
    span = years[0] if len(years) == 1 else f"{years[0]}–{years[-1]}"
    who = {r.visitor for r in rows}
    return f"{rows[0].visitor}{f' ×{len(rows)}' if len(rows) > 1 else ''}\n{span}" if len(who) == 1 else \
        f"{len(rows)} visits\n{span}"


def plot_exchanges(exchanges: pd.DataFrame, directions: list[tuple[str, str]], gap: pd.Series | None = None):
    """Dated exchanges on a time axis, one row per direction, colour and marker by level.

    Within a row, heads of party or state sit on an upper lane (labels above) and the other levels on a lower
    lane (labels below). A date known only to the month or year (or a range) is drawn as a bar over its span
    under the marker. Each marker is labelled with the visitor's name and year; markers too close to name
    each share one label (the visitor and how often, or the number of visits, with their years), so the
    figure stays legible at any corpus size. A filled band marks ``gap`` (a row of :func:`top_level_gaps`)
    in its direction's row; the legend sits below the axes.
    """
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    x = exchanges[exchanges["date_start"] != ""]
    fig, ax = plt.subplots(figsize=(9, 2.2 * len(directions) + 1.6))
    rows = {d: i for i, d in enumerate(directions)}
    lane = {LEVELS[0]: -0.12}  # heads of party or state on an upper lane, the rest below: close dates stay apart
    if gap is not None:
        i = rows[(gap["from_country"], gap["to_country"])]
        a, b = span_interval(gap["before_end"])[1], span_interval(gap["after_start"])[0]
        ax.axvspan(a.year + a.timetuple().tm_yday / 366, b.year + b.timetuple().tm_yday / 366,
                   ymin=1 - (i + 1) / len(directions), ymax=1 - i / len(directions), color=OKABE_ITO["grey"], alpha=0.15, lw=0)
    years = [_mid(s, e) for s, e in zip(x["date_start"], x["date_end"])]
    near = 0.05 * (max(years) - min(years) + 12) if years else 0  # closer markers share a label
    per_char = (max(years) - min(years) + 12) / 530 * 7.5 * 0.55 if years else 0  # years a label's letter takes
    for d, i in rows.items():
        g = x[(x["from_country"] == d[0]) & (x["to_country"] == d[1])].sort_values("date_start")
        for up in (True, False):
            on = [r for r in g.itertuples() if (r.level == LEVELS[0]) == up]
            xs = [_mid(r.date_start, r.date_end) for r in on]
            for r, xm in zip(on, xs):
                color, marker = LEVEL_STYLE[r.level]
                top = is_paramount(r.visitor_id, r.date_start)
                y = i + lane.get(r.level, 0.15)
                a, b = span_interval(r.date_start, r.date_end)
                if (b - a).days > 1:  # month, year or a range: a bar over its span
                    ax.plot([_mid(r.date_start, r.date_start), _mid(r.date_end, r.date_end)], [y, y], "-",
                            color=color, lw=5, alpha=0.35, solid_capstyle="butt")
                ax.plot(xm, y, marker, color=color, markersize=9 if top else 7,
                        markerfacecolor=color if top else "white", markeredgewidth=1.6)
            last = [float("-inf"), float("-inf")]  # per label line: x of its latest label
            for run in _crowds(xs, near):
                xm = sum(xs[k] for k in run) / len(run)
                y = i + (lane.get(LEVELS[0]) if up else 0.15)
                # a label that would touch its neighbour goes one line further out
                label = _crowd_label([on[k] for k in run])
                half = (max(map(len, label.split("\n"))) / 2 + 1) * per_char
                level = next((k for k, prev in enumerate(last) if xm - half > prev), min((0, 1), key=last.__getitem__))
                last[level] = xm + half
                ax.annotate(label, (xm, y), xytext=(0, (9 + 20 * level) * (1 if up else -1)),
                            textcoords="offset points", ha="center", va="bottom" if up else "top", fontsize=7.5)
    if years:
        ax.set_xlim(min(years) - 6, max(years) + 6)
    ax.set_yticks(range(len(directions)), [direction_label(*d) for d in directions])
    ax.set_ylim(len(directions) - 0.35, -0.65)
    ax.set_xlabel("year of the visit (midpoint of the dates the articles give)")
    ax.grid(axis="y", visible=False)
    handles = [Line2D([], [], marker=m, color=c, linestyle="none", label=level) for level, (c, m) in LEVEL_STYLE.items()]
    handles += [Line2D([], [], marker="D", color="black", markerfacecolor="white", linestyle="none",
                       label="open marker: not the paramount leader"),
                Line2D([], [], color="#555555", lw=5, alpha=0.35, label="bar: a date known only to the month or year")]
    legend_below(ax, handles, ncol=3)
    return fig, ax


def plot_co_mentions(matrix: pd.DataFrame, labels: dict[str, str], ax=None):
    """Heatmap of a co-mention matrix (:func:`helpers.mentions.co_mentions`), counts written in the cells.

    The diagonal (sentences mentioning the person at all) is left blank so that pairs stand out.
    """
    import matplotlib.pyplot as plt
    import numpy as np

    m = matrix.to_numpy().astype(float)
    off = m.copy()
    np.fill_diagonal(off, np.nan)
    if ax is None:
        fig, ax = plt.subplots(figsize=(0.5 * len(matrix) + 3, 0.45 * len(matrix) + 2))
    else:
        fig = ax.figure
    im = ax.imshow(off, cmap="Greys", vmin=0, vmax=max(1, np.nanmax(off)) if np.isfinite(off).any() else 1)
    names = [labels.get(e, e) for e in matrix.index]
    ax.set_xticks(range(len(names)), names, rotation=60, ha="right")
    ax.set_yticks(range(len(names)), names)
    top = np.nanmax(off) if np.isfinite(off).any() else 0
    for (i, j), v in np.ndenumerate(off):
        if np.isfinite(v) and v > 0:
            ax.text(j, i, f"{v:.0f}", ha="center", va="center", fontsize=7.5, color="white" if v > top / 2 else "black")
    ax.grid(False)
    return fig, ax, im
