"""Naming: how an article names the country and its leaders (rules in ``helpers/data/naming.csv``).

- :func:`country_naming`: every name form of a country in the body ("DPRK",
  "North Korea", "the North", the capital as a metonym);
- :func:`leader_naming`: per person mention, its spelling, the titles and
  honorifics before it and an appositive after it.
"""
from __future__ import annotations

import re

import pandas as pd

from helpers.analysis.voice import MENTION_COLUMNS
from helpers.analysis.words import cached_csv, check_sentences, load_stopwords


def load_naming() -> pd.DataFrame:
    """Naming rules (``helpers/data/naming.csv``): country name forms, titles, honorifics, place cues."""
    return cached_csv("naming.csv").copy()


def _claim(spans: list[tuple]) -> list[tuple]:
    """Keep non-overlapping spans, longest first at each position (spans start with (start, end, ...))."""
    kept, last_end = [], -1
    for sp in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if sp[0] >= last_end:
            kept.append(sp)
            last_end = sp[1]
    return kept


def country_naming(sentences: pd.DataFrame, rules: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every way the body names a country: ``doc_id, sent_id, start, end, surface, country, form``.

    Forms come from ``naming.csv`` (``country_form`` rows: longest match wins, so
    "Democratic Republic of Vietnam" is not also "Vietnam"). A capital
    (``capital`` rows) counts as the form "Pyongyang (metonym)" when it stands
    for the state, and is left out when it names the place: after a locative
    word (``place_cue``: "in Hanoi", "trip to Hanoi") or inside a proper name
    ("Hanoi Opera House").
    """
    check_sentences(sentences)
    rules = load_naming() if rules is None else rules
    forms = rules[rules["kind"].isin(["country_form", "capital"])]
    place_cue = re.compile("|".join(rules.loc[rules["kind"] == "place_cue", "pattern"]) or r"(?!)")
    compiled = [(re.compile(r.pattern), r.label, r.country, r.kind) for r in forms.itertuples()]
    rows = []
    for s in sentences.itertuples(index=False):
        spans = [(m.start(), m.end(), label, country, kind)
                 for rx, label, country, kind in compiled for m in rx.finditer(s.text)]
        for a, b, label, country, kind in _claim(spans):
            if kind == "capital":
                name_follows = re.match(r"\s+[A-Z]", s.text[b:]) is not None
                if place_cue.search(s.text[max(0, a - 40):a]) or name_follows:
                    continue
                label = label.replace("(capital)", "(metonym)")
            rows.append((s.doc_id, s.sent_id, s.start + a, s.start + b, s.text[a:b], country, label))
    return pd.DataFrame(rows, columns=["doc_id", "sent_id", "start", "end", "surface", "country", "form"])


_PREMOD = re.compile(r"((?:(?:[A-Z][\w.’'-]*|the|late|former|respected|leader|founder|state|founding|first)\s+)+)$")
_APPOSITIVE = re.compile(r"^,\s+((?:the\s+)?[^,.;]{3,80}?)(?=,|\.|;| and | visited | paid | said |$)")


def _spelling(surface: str) -> str:
    words = surface.split()
    if words and words[0].lower() in {"the", "a", "an"}:
        return "description"
    if "-" in surface:
        return "hyphenated" if re.search(r"-[a-z]", surface) else "hyphenated, capitalised"
    return "spaced" if len(words) > 1 else "one word"


def leader_naming(sentences: pd.DataFrame, mentions: pd.DataFrame, rules: pd.DataFrame | None = None) -> pd.DataFrame:
    """How each person mention is named: one row per mention of ``type == 'person'``.

    Columns: ``doc_id, sent_id, start, end, surface, entity_id, spelling``
    (``hyphenated`` Kim Jong-un, ``hyphenated, capitalised`` Kim Jong-Un,
    ``spaced`` Kim Jong Un, ``one word`` Kim, ``description`` "the North Korean leader"),
    ``premodifier`` (the titles and
    honorifics right before the name: "the respected Comrade", "North Korean
    leader"), ``appositive`` (", founding father of North Korea"),
    ``honorific`` and ``title`` (the ``naming.csv`` labels found in those two,
    ``|``-joined).
    """
    check_sentences(sentences)
    missing = set(MENTION_COLUMNS) - set(mentions.columns)
    if missing:
        raise ValueError(f"mentions need columns {MENTION_COLUMNS}; missing {sorted(missing)}")
    rules = load_naming() if rules is None else rules
    hon = [(re.compile(r.pattern), r.label) for r in rules[rules["kind"] == "honorific"].itertuples()]
    tit = [(re.compile(r.pattern), r.label) for r in rules[rules["kind"] == "title"].itertuples()]
    sent = sentences.set_index(["doc_id", "sent_id"])[["start", "text"]]
    rows = []
    for m in mentions[mentions["type"] == "person"].itertuples(index=False):
        s_start, text = sent.loc[(m.doc_id, m.sent_id)]
        a, b = m.start - s_start, m.end - s_start
        pre = _PREMOD.search(text[max(0, a - 60):a])
        premod = pre.group(1).split() if pre else []
        while premod and premod[0].lower() != "the" and premod[0].lower() in load_stopwords():
            premod = premod[1:]  # a capitalised sentence opener ("When Kim ...") is no title
        premod = " ".join(premod)
        app = _APPOSITIVE.match(text[b:])
        appositive = app.group(1).strip() if app and any(rx.search(app.group(1)) for rx, _ in tit + hon) else ""
        around = f"{premod} | {appositive}"
        honorific = "|".join(lab for rx, lab in hon if rx.search(premod))
        title = "|".join(lab for rx, lab in tit if rx.search(around))
        rows.append((m.doc_id, m.sent_id, m.start, m.end, m.surface, m.entity_id, _spelling(m.surface),
                     premod, appositive, honorific, title))
    return pd.DataFrame(rows, columns=["doc_id", "sent_id", "start", "end", "surface", "entity_id", "spelling",
                                       "premodifier", "appositive", "honorific", "title"])
