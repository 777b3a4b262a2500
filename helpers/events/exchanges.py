"""Visit statements merged into exchanges: one row per distinct visit, with the articles reporting it.

:func:`assign_exchanges` ties each statement to an exchange; :func:`merge_exchanges` summarises each
exchange (the most precise dates reported, and whether the reported dates disagree by the one rule of
:func:`helpers.dates.intervals.disagree`).
"""
from __future__ import annotations

import datetime as dt

import pandas as pd

from helpers.dates.intervals import disagree, finer, parse_interval, relation, span_interval
from helpers.events.levels import LEVELS, visit_year


def assign_exchanges(visits: pd.DataFrame, gap_days: int = 31) -> pd.DataFrame:
    """``visits`` with an ``exchange_id`` column ('kim_il_sung:PRK>VNM:1958-11-27'), NA when undecidable.

    Statements with the same visitor and direction whose date intervals lie at most ``gap_days``
    apart form one exchange ("February 2019" and "March 2019" are one trip of 26 February - 2 March).
    An undated statement joins the exchange of its visitor and direction when there is exactly one.
    """
    v = visits.copy()
    v["exchange_id"] = pd.Series(pd.NA, index=v.index, dtype="object")
    gap = dt.timedelta(days=gap_days)
    for (vid, fc, tc), g in v.groupby(["visitor_id", "from_country", "to_country"], sort=True, dropna=False):
        ivs = {i: span_interval(r.date_start, r.date_end) for i, r in zip(g.index, g.itertuples())}
        dated = sorted((i for i in g.index if ivs[i] is not None), key=lambda i: (ivs[i][0], ivs[i][1]))
        clusters: list[list[int]] = []
        hi = None
        for i in dated:
            if clusters and ivs[i][0] - hi <= gap:
                clusters[-1].append(i)
                hi = max(hi, ivs[i][1])
            else:
                clusters.append([i])
                hi = ivs[i][1]
        for c in clusters:
            first = min(ivs[i][0] for i in c)
            v.loc[c, "exchange_id"] = f"{vid}:{fc}>{tc}:{first.isoformat()}"
        undated = [i for i in g.index if ivs[i] is None]
        if undated and len(clusters) == 1:
            v.loc[undated, "exchange_id"] = v.at[clusters[0][0], "exchange_id"]
    return v


def reported_span(reports) -> tuple[str, str, bool]:
    """The span of the most precise of ``(date_start, date_end)`` reports, and whether any two disagree.

    A report is dropped when a finer one lies inside it ("1958" beside "1958-11-27/1958-12-03"); the
    span runs from the earliest start to the latest end of the rest. ``('', '', False)`` without dates.
    """
    reports = sorted(set(reports))
    ivs = {r: parse_interval(*r, strict=False) for r in reports}
    reports = [r for r in reports if ivs[r] is not None]
    finest = [r for r in reports
              if not any(finer(ivs[o], ivs[r]) and relation(ivs[o], ivs[r]) in ("inside", "same") for o in reports)]
    if not finest:
        return "", "", False
    start = min(finest, key=lambda r: ivs[r].start)[0]
    end = max(finest, key=lambda r: ivs[r].end)[1]
    disagreement = any(disagree(ivs[a], ivs[b]) for i, a in enumerate(reports) for b in reports[i + 1:])
    return start, end, disagreement


def _reported(pairs) -> str:
    """'label (doc, doc); label (doc)' from (label, doc_id) pairs, doc ids shortened to 3 characters."""
    by: dict[str, set[str]] = {}
    for label, doc in pairs:
        by.setdefault(label, set()).add(doc)
    return "; ".join(f"{k} ({', '.join(d[:3] for d in sorted(v))})" for k, v in sorted(by.items()))


def merge_exchanges(visits: pd.DataFrame, documents: pd.DataFrame | None = None, gap_days: int = 31) -> pd.DataFrame:
    """Merge visit statements into distinct exchanges (visits), as tied by :func:`assign_exchanges`.

    A statement left with ``exchange_id`` NA (undated, its visitor made several visits that way) is
    not counted. Returns one row per exchange: visitor, direction, the date span of the most precise
    reports, level, status, the reporting articles (and outlets when ``documents`` is given), the dates
    and titles as reported, and whether the dates disagree.
    """
    assigned = assign_exchanges(visits, gap_days)
    rows = []
    for xid, g in assigned.dropna(subset=["exchange_id"]).groupby("exchange_id", sort=True):
        dated = g[g["date_start"] != ""]
        start, end, disagreement = reported_span(zip(dated["date_start"], dated["date_end"]))
        docs = sorted(set(g["doc_id"]))
        levels = [lv for lv in LEVELS if lv in set(g["level"])]
        row = dict(
            exchange_id=xid, visitor=g["visitor"].iloc[0], visitor_id=g["visitor_id"].iloc[0],
            from_country=g["from_country"].iloc[0], to_country=g["to_country"].iloc[0],
            date_start=start, date_end=end, year=visit_year(start) if start else pd.NA,
            level="delegation" if g["delegation"].any() else (levels[0] if levels else "delegation"),
            status="occurred" if (g["status"] == "occurred").any() else "planned",
            n_statements=len(g), n_articles=len(docs), doc_ids=tuple(docs),
            dates_reported=_reported(
                (s if e in ("", s) else f"{s}/{e}", d) for s, e, d in zip(dated["date_start"], dated["date_end"],
                                                                        dated["doc_id"])),
            date_disagreement=disagreement,
            titles_reported=_reported((t, d) for t, d in zip(g["visitor_title"], g["doc_id"]) if t),
            statuses_reported=", ".join(sorted(set(g["status"]))),
        )
        if documents is not None:
            row["outlets"] = tuple(sorted({documents.at[d, "outlet"] for d in docs}))
        rows.append(row)
    out = pd.DataFrame(rows)
    if len(out):
        out = out.sort_values(["date_start", "visitor"], kind="stable").reset_index(drop=True)
        out["year"] = out["year"].astype("Int64")
    return out
