"""The level of a visit and the titles an article gives a visitor, checked against the offices held.

Both read the offices and title words of a :class:`helpers.knowledge.KnowledgeBase` (``kb``; default:
the shipped one) at the year of the visit (year precision: an office taken up during the year counts).
"""
from __future__ import annotations

import re

import pandas as pd

from helpers.dates.intervals import parse_interval

LEVELS = ("head of party or state", "government", "delegation")


def _kb(kb):
    if kb is not None:
        return kb
    from helpers.knowledge import load_knowledge

    return load_knowledge()


def visit_year(value) -> int | None:
    """The first year an ISO date value covers ('195X' -> 1950), None without a readable date."""
    iv = parse_interval(value, strict=False)
    return iv.start.year if iv else None


def visit_level(entity_id: str, date_value, title: str = "", delegation: bool = False, kb=None) -> str:
    """'head of party or state' | 'government' | 'delegation' from offices held at the visit's year.

    A statement about a delegation is 'delegation'. Without a date, every office the
    person ever held counts; without any known office, the title's level does; the
    rest is 'delegation'.
    """
    if delegation:
        return "delegation"
    kb = _kb(kb)
    y = visit_year(date_value)
    held = {o.level for o in kb.offices_of.get(entity_id, ()) if o.held_in(y)}
    for level in LEVELS[:2]:
        if level in held:
            return level
    for m in kb.title_re.finditer(title or ""):
        lv = kb.title_level.get(m.group().lower())
        if lv in LEVELS:
            return lv
    return "delegation"


def title_check(entity_id: str, title: str, date_value, kb=None) -> pd.DataFrame:
    """Each office-like title word in ``title`` against the offices held at the date.

    Returns rows ``title_word, office_pattern, held`` (held: True/False, NA when
    the title carries no office or there is no date).
    """
    kb = _kb(kb)
    y = visit_year(date_value)
    held = [o.office for o in kb.offices_of.get(entity_id, ()) if o.held_in(y)]
    out = []
    for m in kb.title_re.finditer(title or ""):
        w = m.group()
        pat = kb.title_office.get(w.lower(), "")
        if not pat or y is None:
            out.append((w, pat, pd.NA))
            continue
        rx = re.compile(pat, re.IGNORECASE)
        out.append((w, pat, any(rx.search(office) for office in held)))
    return pd.DataFrame(out, columns=["title_word", "office_pattern", "held"])
