"""Omissions: for each reference event, which articles tell it and which leave it out.

An article *tells* an event when

- the checks (``corpus.checks``, :mod:`helpers.events.checks`) link one of its dated statements to the event
  (``how`` = ``checked statement``), or
- it dates an anniversary that the date grammar counts from the event (a timex anchored on the reference
  event: "the 73rd anniversary of the establishment of diplomatic relations"; ``how`` = ``anniversary``), or
- one of its sentences mentions every participant of the event (the chronology's ``participants``: people,
  countries, organisations, as the mentions layer resolves them) together with a date whose years meet the
  event's years (``how`` = ``participants and date``). A place is required only where the other participants
  alone do not tell the event from another one (the arrival at a border town, against the whole trip): a
  summit "in Vietnam's capital" tells the Hanoi summit as well as one "in Hanoi".

An article published before an event began, and that does not tell it ahead, cannot leave it out (``before``).
Everything else is *left out* as far as the extractors can tell: an article that tells an event in words the
rules do not resolve (a participant named by a title alone, a date the grammar misses) counts as leaving it out.
Only where a hand coding covers the article (the seeds' codebooks,
:func:`helpers.evaluate.codebooks.seed_coded_documents`) has a reader checked that the extractors miss nothing
dated; elsewhere a miss cannot be told from an omission, and the table says which articles are which.

- :func:`relationship_events`: the reference events to look for (one row per event, its preferred claim);
- :func:`tellings`: every sentence that tells an event, with how;
- :func:`omission_table`: one row per event and article: ``tells``, how, the first sentence, ``coded``.
"""
from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from helpers.dates.intervals import parse_interval
from helpers.dates.reference import preferred_references

KINDS = ("relations", "visit", "summit", "war")
"""Kinds of reference event that belong to the story of the relationship (not births, foundings or deaths)."""
HOW = ("checked statement", "anniversary", "participants and date")
"""How an article tells an event, strongest first."""


def relationship_events(refs: pd.DataFrame | None = None, kinds: Iterable[str] = KINDS,
                        involving: str = "VNM") -> pd.DataFrame:
    """The reference events of the relationship, one row per event (its preferred claim), oldest first:
    ``event_id, parent_id, kind, description, participants`` (a tuple), ``date, end_date, precision``,
    ``first_year, last_year``. An event is kept when its ``kind`` is one of ``kinds`` and ``involving`` (a
    country) is a participant or an end of the trip.

    >>> ev = relationship_events()
    >>> bool(ev["event_id"].is_unique), bool((ev["first_year"] <= ev["last_year"]).all())
    (True, True)
    """
    refs = preferred_references(refs)
    kinds = set(kinds)
    parts = refs["participants"].fillna("").map(lambda s: tuple(p for p in str(s).split("|") if p))
    ends = refs["from_country"].fillna("") + "|" + refs["to_country"].fillna("")
    involved = pd.Series([involving in p or involving in e.split("|") for p, e in zip(parts, ends)], index=refs.index)
    keep = refs["kind"].isin(kinds) & involved
    out = refs.loc[keep, ["event_id", "parent_id", "kind", "description", "date", "end_date", "precision"]].copy()
    out["participants"] = parts[keep]
    out["required"] = _required(out["participants"])
    spans = [parse_interval(d, e or None) for d, e in zip(out["date"], out["end_date"])]
    out["first_year"] = [s.start.year for s in spans]
    out["last_year"] = [s.end.year for s in spans]
    return out.sort_values(["date", "event_id"], kind="stable").reset_index(drop=True)


def _required(participants: pd.Series, gazetteer: pd.DataFrame | None = None) -> pd.Series:
    """Per event, the participants a sentence must mention: all but the places, unless without its places an
    event's participants are those of another event."""
    from helpers.annotate.gazetteer import load_gazetteer

    gazetteer = load_gazetteer() if gazetteer is None else gazetteer
    places = set(gazetteer.loc[gazetteer["type"] == "place", "entity_id"])
    core = participants.map(lambda p: tuple(x for x in p if x not in places))
    shared = core.map(frozenset).value_counts()
    return pd.Series([c if c and shared[frozenset(c)] == 1 else p for c, p in zip(core, participants)],
                     index=participants.index)


def _dated_sentences(timexes: pd.DataFrame) -> pd.DataFrame:
    """``doc_id, sent_id, first_year, last_year`` of every temporal expression that fixes a span of days."""
    rows = []
    for t in timexes[["doc_id", "sent_id", "value", "end_value"]].itertuples(index=False):
        span = parse_interval(t.value, t.end_value if isinstance(t.end_value, str) and t.end_value else None,
                              strict=False)
        if span is not None:
            rows.append((t.doc_id, t.sent_id, span.start.year, span.end.year))
    return pd.DataFrame(rows, columns=["doc_id", "sent_id", "first_year", "last_year"])


def tellings(sentences: pd.DataFrame, mentions: pd.DataFrame, timexes: pd.DataFrame,
             events: pd.DataFrame | None = None, checks: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every sentence that tells a reference event: ``doc_id, event_id, sent_id, how, start, end, sentence``
    (``start``/``end``: the sentence's raw offsets), at most one row per sentence, event and way.

    ``events``: :func:`relationship_events` (the default); ``checks``: rows with ``doc_id, sent_id, event_id``
    (``corpus.checks``) or None. An event without participants is told through the checks alone.
    """
    events = relationship_events() if events is None else events
    keys = ["doc_id", "sent_id"]
    found = mentions[keys + ["entity_id"]].drop_duplicates()
    dated = _dated_sentences(timexes)
    rows = []
    for ev in events.itertuples(index=False):
        need = set(ev.required if hasattr(ev, "required") else ev.participants)
        if need:
            m = found[found["entity_id"].isin(need)]
            full = m.groupby(keys)["entity_id"].nunique()
            hit = full[full == len(need)].reset_index()[keys]
            d = dated[(dated["first_year"] <= ev.last_year) & (dated["last_year"] >= ev.first_year)][keys]
            hit = hit.merge(d.drop_duplicates(), on=keys)
            rows.append(hit.assign(event_id=ev.event_id, how=HOW[2]))
    if "anchor" in timexes:  # anniversaries the date grammar counts from a reference event
        anchored = timexes[keys].assign(event_id=timexes["anchor"].fillna("").astype(str)
                                        .str.extract(r"^reference (\S+)", expand=False))
        rows.append(anchored[anchored["event_id"].isin(set(events["event_id"]))].assign(how=HOW[1]))
    if checks is not None and len(checks):
        linked = checks[checks["event_id"].isin(set(events["event_id"]))][keys + ["event_id"]]
        rows.append(linked.assign(how=HOW[0]))
    out = (pd.concat(rows, ignore_index=True) if rows else
           pd.DataFrame(columns=keys + ["event_id", "how"])).drop_duplicates(keys + ["event_id", "how"])
    out = out.merge(sentences[keys + ["start", "end", "text"]].rename(columns={"text": "sentence"}), on=keys,
                    how="left")
    return out[["doc_id", "event_id", "sent_id", "how", "start", "end", "sentence"]].sort_values(
        ["doc_id", "event_id", "sent_id", "how"], kind="stable", ignore_index=True)


def _published_end(documents: pd.DataFrame) -> pd.Series:
    """doc_id -> the last day its publication date can mean (the end of its month or year at that precision);
    NaT where the corpus has no date."""
    if "published" not in documents:
        return pd.Series(pd.NaT, index=documents.index)
    published = pd.to_datetime(documents["published"])
    precision = documents.get("published_precision", pd.Series("day", index=documents.index))
    end = published.where(precision != "month", published + pd.offsets.MonthEnd(0))
    return end.where(precision != "year", published + pd.offsets.YearEnd(0))


def omission_table(documents: pd.DataFrame, told: pd.DataFrame, events: pd.DataFrame | None = None,
                   coded: Iterable[str] = ()) -> pd.DataFrame:
    """One row per reference event and article: ``event_id, description, date, doc_id, outlet, media_system,
    tells`` (bool), ``how`` (the strongest way it tells it, :data:`HOW`; '' when it does not), ``sentences``
    (how many of its sentences tell it), the first such ``sent_id``, ``start``, ``end`` and ``sentence``, and
    ``coded``: whether a hand coding covers the article (only there is an article that leaves an event out known
    not to be an extraction miss), and ``before``: the article was published before the event began (and does not
    tell it ahead), so it cannot leave it out. Events in date order, articles in ``documents`` order.

    >>> docs = pd.DataFrame({"outlet": ["A", "B"], "media_system": ["state", "independent"]}, index=["a", "b"])
    >>> ev = pd.DataFrame({"event_id": ["e"], "description": ["E"], "date": ["1992"]})
    >>> told = pd.DataFrame({"doc_id": ["b"], "event_id": ["e"], "sent_id": [3], "how": ["participants and date"],
    ...                      "start": [10], "end": [40], "sentence": ["..."]})
    >>> omission_table(docs, told, ev, coded=["a"])[["doc_id", "tells", "sentences", "coded"]].values.tolist()
    [['a', False, 0, True], ['b', True, 1, False]]
    >>> dated = docs.assign(published=pd.to_datetime(["1990-05-01", "1990-01-01"]), published_precision="month")
    >>> omission_table(dated, told, ev)["before"].tolist()
    [True, False]
    """
    events = relationship_events() if events is None else events
    grid = pd.MultiIndex.from_product([events["event_id"], documents.index], names=["event_id", "doc_id"])
    rank = {h: i for i, h in enumerate(HOW)}
    t = told.assign(_r=told["how"].map(rank)).sort_values(["_r", "sent_id"], kind="stable")
    first = t.groupby(["event_id", "doc_id"]).first()
    count = told.groupby(["event_id", "doc_id"])["sent_id"].nunique()
    out = pd.DataFrame(index=grid).join(first[["how", "sent_id", "start", "end", "sentence"]]).reset_index()
    out["sentences"] = count.reindex(grid, fill_value=0).to_numpy().astype(int)
    out["tells"] = out["sentences"] > 0
    out["how"] = out["how"].fillna("")
    meta = events.set_index("event_id")
    out.insert(1, "description", out["event_id"].map(meta["description"]))
    out.insert(2, "date", out["event_id"].map(meta["date"]))
    out.insert(4, "outlet", out["doc_id"].map(documents["outlet"]))
    out.insert(5, "media_system", out["doc_id"].map(documents["media_system"]))
    out["coded"] = out["doc_id"].isin(set(coded))
    begins = out["event_id"].map(meta["date"].map(lambda d: pd.Timestamp(parse_interval(d).start)))
    out["before"] = (out["doc_id"].map(_published_end(documents)) < begins).fillna(False).astype(bool) & ~out["tells"]
    cols = ["event_id", "description", "date", "doc_id", "outlet", "media_system", "tells", "how", "sentences",
            "sent_id", "start", "end", "sentence", "coded", "before"]
    return out[cols]
