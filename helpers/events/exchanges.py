"""Visit statements merged into exchanges: one row per distinct visit, with the articles reporting it.

:func:`assign_exchanges` ties each statement to an exchange; :func:`merge_exchanges` summarises each
exchange (the most precise dates reported, and whether the reported dates disagree by the one rule of
:mod:`helpers.dates.relation`). With the ``corpus.checks`` layer, an exchange whose statements conflict
(with each other, or with the reference chronology) is dated by the preferred reference claim of its trip,
and the statements the reference contradicts are listed.
"""
from __future__ import annotations

import datetime as dt

import pandas as pd

from helpers.dates.intervals import disagree, finer, parse_interval, relation, span_interval
from helpers.dates.reference import citation, preferred_references
from helpers.events.levels import LEVELS, visit_year


def assign_exchanges(visits: pd.DataFrame, gap_days: int = 31) -> pd.DataFrame:
    """``visits`` with an ``exchange_id`` column ('kim_il_sung:PRK>VNM:1958-11-27'), NA when undecidable.

    Statements with the same visitor and direction whose date intervals lie at most ``gap_days``
    apart form one exchange ("February 2019" and "March 2019" are one trip of 26 February - 2 March).
    A statement dated by its end only ("returned home on Friday": ``date_start`` empty) counts as that
    date. An undated statement joins the exchange of its visitor and direction when there is exactly one.
    """
    v = visits.copy()
    ids: list = [pd.NA] * len(v)  # by row position; the column is set once at the end
    gap = dt.timedelta(days=gap_days)
    starts, ends = v["date_start"].tolist(), v["date_end"].tolist()
    groups = v.groupby(["visitor_id", "from_country", "to_country"], sort=True, dropna=False).indices
    for (vid, fc, tc), rows in groups.items():
        ivs = {i: span_interval(starts[i] or ends[i], ends[i]) for i in rows.tolist()}
        dated = sorted((i for i in ivs if ivs[i] is not None), key=lambda i: (ivs[i][0], ivs[i][1]))
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
            for i in c:
                ids[i] = f"{vid}:{fc}>{tc}:{first.isoformat()}"
        undated = [i for i in ivs if ivs[i] is None]
        if undated and len(clusters) == 1:
            for i in undated:
                ids[i] = ids[clusters[0][0]]
    v["exchange_id"] = pd.Series(ids, index=v.index, dtype="object")
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


_COLUMNS = ("exchange_id", "visitor", "visitor_id", "from_country", "to_country", "date_start", "date_end",
            "doc_id", "level", "delegation", "status", "visitor_title")


EXCHANGE_COLUMNS = ["exchange_id", "visitor", "visitor_id", "from_country", "to_country", "date_start", "date_end",
                    "year", "level", "status", "n_statements", "n_articles", "doc_ids", "dates_reported",
                    "date_disagreement", "titles_reported", "statuses_reported", "outlets", "reference_event",
                    "date_basis", "conflicting_statements", "reference_source"]


def after_death(visits: pd.DataFrame, died: dict[str, pd.Timestamp]) -> pd.Series:
    """Statements dated after their visitor's recorded death (``died``: entity id -> date of death): a name
    that stands for an organisation ('the Ho Chi Minh ... Union') or a commemoration, never a trip of theirs.
    The first day a statement's dates allow (start, else end) is compared.

    >>> v = pd.DataFrame({"visitor_id": ["a", "a", "b"], "date_start": ["2011", "1990-05", ""],
    ...                   "date_end": ["", "", "2012"]})
    >>> after_death(v, {"a": pd.Timestamp("1994-07-08")}).tolist()
    [True, False, False]
    """
    flags = []
    for who, start, end in zip(visits["visitor_id"], visits["date_start"], visits["date_end"]):
        death = died.get(who)
        first = start or end
        flags.append(bool(death is not None and isinstance(first, str) and first
                          and parse_interval(first).start > death.date()))
    return pd.Series(flags, index=visits.index, dtype=bool)


def merge_exchanges(visits: pd.DataFrame, documents: pd.DataFrame | None = None, gap_days: int = 31,
                    died: dict[str, pd.Timestamp] | None = None, checks: pd.DataFrame | None = None,
                    references: pd.DataFrame | None = None) -> pd.DataFrame:
    """Merge visit statements into distinct exchanges (visits), as tied by :func:`assign_exchanges`.

    A statement left with ``exchange_id`` NA (undated, its visitor made several visits that way) is
    not counted, nor one dated after its visitor's death (``died``, see :func:`after_death`). Returns one
    row per exchange (columns :data:`EXCHANGE_COLUMNS`, also when there is none): visitor, direction, the
    date span of the most precise reports, level, status, the reporting articles (and outlets when
    ``documents`` is given), the dates and titles as reported, and whether the dates disagree.

    With ``checks`` (the ``corpus.checks`` layer), each dated statement carries its verdict against the
    reference chronology (``references``: a chronology table, default the shipped one): two statements that
    both agree with the reference dates of one trip do not disagree (they date its phases), and an exchange
    whose statements disagree or which the reference contradicts is dated by the preferred claim of its trip
    (``date_basis`` 'reference', else 'reported'), with ``reference_event``, the ``conflicting_statements``
    (the dates the reference contradicts, with their articles) and the ``reference_source``.
    """
    if died and len(visits):
        visits = visits[~after_death(visits, died)]
    assigned = assign_exchanges(visits, gap_days).dropna(subset=["exchange_id"])
    col = {c: assigned[c].tolist() for c in _COLUMNS}  # plain lists: no pandas call per exchange or per cell
    members: dict[str, list[int]] = {}
    for i, xid in enumerate(col["exchange_id"]):
        members.setdefault(xid, []).append(i)
    outlet_of = None if documents is None else dict(zip(documents.index.tolist(), documents["outlet"].tolist()))
    col["check"] = _statement_checks(assigned, checks)
    trips = _trip_dates(references) if checks is not None else {}
    rows = [_exchange_row(xid, members[xid], col, outlet_of, trips) for xid in sorted(members)]
    out = pd.DataFrame(rows, columns=EXCHANGE_COLUMNS if not rows else None)
    out = out[[c for c in EXCHANGE_COLUMNS if c in out.columns]]
    if len(out):
        out = out.sort_values(["date_start", "visitor"], kind="stable").reset_index(drop=True)
        out["year"] = out["year"].astype("Int64")
    return out


def _value(start: str, end: str) -> str:
    return start if end in ("", start) else f"{start}/{end}"


def _statement_checks(assigned: pd.DataFrame, checks: pd.DataFrame | None) -> list:
    """For each statement (row position): (trip_id, verdict) of the check of its date in its sentence, or None."""
    if checks is None or checks.empty:
        return [None] * len(assigned)
    by = {}
    for r in checks[checks["trip_id"] != ""].itertuples():
        by.setdefault((r.doc_id, r.sent_id, r.stated_value), (r.trip_id, r.verdict))
    return [by.get((d, s, _value(a or b, b)))
            for d, s, a, b in zip(assigned["doc_id"], assigned["sent_id"], assigned["date_start"], assigned["date_end"])]


def _trip_dates(references: pd.DataFrame | None) -> dict[str, tuple[str, str, str]]:
    """trip (event) id -> (date, end date, citation) of its preferred reference claim."""
    pref = preferred_references(references)
    return {r.event_id: (r.date, r.end_date or r.date, citation(r)) for r in pref.itertuples()}


def _conflicts(dated: list[int], col: dict[str, list]) -> tuple[bool, str, list[int]]:
    """Whether the dated statements disagree (by the one rule, except two that agree with one reference trip),
    the trip most of their checks name ('' for none) and the statements the reference contradicts."""
    ivs = {i: parse_interval(col["date_start"][i] or col["date_end"][i], col["date_end"][i] or None, strict=False)
           for i in dated}
    ck = col["check"]
    both_fit = lambda i, j: bool(ck[i] and ck[j] and ck[i] == ck[j] and ck[i][1] == "consistent")  # noqa: E731
    disagreement = any(disagree(ivs[i], ivs[j]) and not both_fit(i, j)
                       for n, i in enumerate(dated) for j in dated[n + 1:])
    trips = [ck[i][0] for i in dated if ck[i]]
    trip = max(sorted(set(trips)), key=trips.count) if trips else ""
    contradicted = [i for i in dated if ck[i] and ck[i][0] == trip and ck[i][1] == "contradicts"]
    return disagreement, trip, contradicted


def _exchange_row(xid: str, rows: list[int], col: dict[str, list], outlet_of: dict | None,
                  trips: dict | None = None) -> dict:
    """The row of one exchange from its statements (``rows``: positions in the columns ``col``)."""
    def values(c: str) -> list:
        return [col[c][i] for i in rows]

    dated = [i for i in rows if col["date_start"][i] != "" or col["date_end"][i] != ""]
    start, end, _ = reported_span((col["date_start"][i] or col["date_end"][i], col["date_end"][i]) for i in dated)
    disagreement, trip, contradicted = _conflicts(dated, col)
    basis, source = "reported", ""
    if trip in (trips or {}) and (disagreement or contradicted):
        start, end, source = trips[trip]
        basis = "reference"
    doc_ids = values("doc_id")
    docs = sorted(set(doc_ids))
    levels = [lv for lv in LEVELS if lv in set(values("level"))]
    first = rows[0]
    row = dict(
        exchange_id=xid, visitor=col["visitor"][first], visitor_id=col["visitor_id"][first],
        from_country=col["from_country"][first], to_country=col["to_country"][first],
        date_start=start, date_end=end, year=visit_year(start) if start else pd.NA,
        level="delegation" if any(values("delegation")) else (levels[0] if levels else "delegation"),
        status="occurred" if "occurred" in values("status") else "planned",
        n_statements=len(rows), n_articles=len(docs), doc_ids=tuple(docs),
        dates_reported=_reported(
            (s if e in ("", s) else f"{s}/{e}", d)
            for s, e, d in ((col["date_start"][i] or col["date_end"][i], col["date_end"][i], col["doc_id"][i])
                            for i in dated)),
        date_disagreement=disagreement,
        titles_reported=_reported((t, d) for t, d in zip(values("visitor_title"), doc_ids) if t),
        statuses_reported=", ".join(sorted(set(values("status")))),
        reference_event=trip, date_basis=basis,
        conflicting_statements=_reported((_value(col["date_start"][i] or col["date_end"][i], col["date_end"][i]),
                                          col["doc_id"][i]) for i in contradicted),
        reference_source=source,
    )
    if outlet_of is not None:
        row["outlets"] = tuple(sorted({outlet_of[d] for d in docs}))
    return row
