"""The marks an article page shows: each layer of the corpus as :class:`~helpers.report.viewer_render.Mark` rows.

:func:`article_marks` reads every layer once and returns the marks of each document: its segments (shaded by
kind), its body sentences (each with the anchor ``s<sent_id>`` that tables link to, see
:func:`helpers.report.links.viewer_href`), and the annotation layers marked in place with their value as the
tooltip: dates (``timexes``, with the resolved value), people, places and organisations (``mentions``, with
the entity id), ``visits``, frame indicator matches (:func:`helpers.analysis.frames.frame_matches` on the
body sentences) and reference checks (``corpus.checks``: each dated statement about an event of the reference
chronology, marked on its date with the verdict, the stated and reference values and the source).

Marks with the same span and layer are merged into one whose tooltip lists each value, so a sentence that
states two visits shows one mark with both.
"""
from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from helpers.report.viewer_render import Mark

# Layers in nesting order (outer first where two share a span) with the label their legend shows.
LAYERS = {  # key: (legend label, what a count of them is called)
    "timex": ("date (resolved value)", "date"),
    "mention": ("person, place, organisation (entity id)", "mention"),
    "visit": ("visit statement (visitor, route, dates, status)", "visit statement"),
    "frame": ("frame indicator (frame, term)", "frame indicator"),
    "check": ("reference check (verdict)", "reference check"),
}
SEGMENT_KINDS = ("headline", "dateline", "body", "caption", "boilerplate")
_RANK = {"seg": 0, "sent": 1, "visit": 2, "check": 3, "frame": 4, "timex": 5, "mention": 6}


def _s(value) -> str:
    """A cell as text for a tooltip: '' for a missing value."""
    if value is None or (isinstance(value, float) and value != value) or value is pd.NA:
        return ""
    return str(value)


def _join(*parts: str, sep: str = " · ") -> str:
    return sep.join(p for p in parts if p)


def _timex_tip(r) -> str:
    value = _s(r.value)
    end = _s(getattr(r, "end_value", ""))
    shown = f"{value} to {end}" if end and end != value else value
    anchor = _s(getattr(r, "anchor", ""))
    return _join(f"date ({_s(r.kind)})", shown or "no value resolved", f"anchored on {anchor}" if anchor else "")


def _mention_tip(r) -> str:
    provisional = " (provisional id)" if bool(getattr(r, "provisional", False)) else ""
    return _join(f"{_s(r.type)}: {_s(r.entity_id)}{provisional}", _s(getattr(r, "form", "")),
                 _s(getattr(r, "role", "")))


def _visit_tip(r) -> str:
    dates = _s(r.date_start)
    if _s(r.date_end) and _s(r.date_end) != dates:
        dates = f"{dates} to {_s(r.date_end)}"
    return _join(f"visit: {_s(r.visitor)} ({_s(r.visitor_id)})", f"{_s(r.from_country)} → {_s(r.to_country)}",
                 dates or "undated", _s(r.status), _s(getattr(r, "level", "")))


def _frame_tip(r) -> str:
    return _join(f"frame: {_s(r.frame)}", f"term '{_s(r.term)}'", "inside a quotation" if bool(r.in_quote) else "")


_CHECK_FIELDS = ("verdict", "event_id", "stated_value", "reference_value", "detail", "source")


def _check_tip(r) -> str:
    """A reference check's tooltip: its verdict, event, the stated and reference values, detail and source."""
    return _join(*(f"{f.replace('_', ' ')}: {_s(getattr(r, f))}" for f in _CHECK_FIELDS if _s(getattr(r, f, ""))),
                 sep="; ") or "check"


def _check_css(r) -> str:
    verdict = _s(getattr(r, "verdict", "")).lower()
    slug = "".join(ch if ch.isalnum() else "-" for ch in verdict)[:30]
    return f"ann check check-{slug}" if slug else "ann check"


def _frame_table(corpus) -> pd.DataFrame:
    from helpers.analysis.frames import frame_matches, load_frames

    if corpus.sentences.empty:
        return pd.DataFrame(columns=["doc_id", "start", "end", "frame", "term", "in_quote"])
    return frame_matches(corpus.sentences, load_frames())


def checks_table(corpus) -> pd.DataFrame:
    """``corpus.checks``, the reference checks with the raw offsets of each date they judge."""
    return corpus.checks


def _add(out: dict, table: pd.DataFrame | None, layer: str, tip: Callable, css: Callable | None = None) -> None:
    """Marks of one annotation layer, grouped by document; rows with the same span and class are merged."""
    if table is None or table.empty:
        return
    table = table.dropna(subset=["start", "end"])
    merged: dict[tuple, list[str]] = {}
    for r in table.itertuples(index=False):
        key = (r.doc_id, int(r.start), int(r.end), css(r) if css else f"ann {layer}")
        tips = merged.setdefault(key, [])
        t = tip(r)
        if t not in tips:
            tips.append(t)
    for (doc_id, start, end, cls), tips in merged.items():
        out.setdefault(doc_id, []).append(Mark(start, end, cls, "\n".join(tips), _RANK[layer]))


def article_marks(corpus) -> dict[str, list[Mark]]:
    """Every document's marks (segments, sentences, annotation layers), keyed by ``doc_id``."""
    out: dict[str, list[Mark]] = {d: [] for d in corpus.document_table.index}
    seg = corpus.segment_spans
    for d, a, b, kind, rule in zip(seg["doc_id"], seg["start"], seg["end"], seg["kind"], seg["rule"]):
        out[d].append(Mark(int(a), int(b), f"seg seg-{kind}", rank=_RANK["seg"],
                             title=f"segment: {kind} ({rule})"))
    sent = corpus.sentence_spans
    for d, s, a, b in zip(sent["doc_id"], sent["sent_id"], sent["start"], sent["end"]):
        out[d].append(Mark(int(a), int(b), "sent", "", _RANK["sent"], anchor=f"s{int(s)}"))
    _add(out, corpus.timexes, "timex", _timex_tip)
    _add(out, corpus.mentions, "mention", _mention_tip)
    _add(out, corpus.visits, "visit", _visit_tip)
    _add(out, _frame_table(corpus), "frame", _frame_tip)
    _add(out, checks_table(corpus), "check", _check_tip, _check_css)
    return out
