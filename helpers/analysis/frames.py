"""Frames: indicator terms of the frame codebook found in body text, their density and precision.

- :func:`frame_matches`: every indicator match of ``helpers/data/frames.csv``,
  with raw-file offsets and whether it sits inside a spoken quotation;
- :func:`frame_density` / :func:`group_density`: matches per 1,000 body words,
  per article and per group;
- :func:`frame_precision`: matches checked against the hand judgements in
  ``helpers/data/frame_match_judgements.csv``.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import pandas as pd

from helpers.analysis.voice import attributions, quote_spans
from helpers.analysis.words import cached_csv, tokens


def load_frames() -> pd.DataFrame:
    """The frame codebook (``helpers/data/frames.csv``), one row per frame."""
    frames = cached_csv("frames.csv").copy()
    need = {"frame", "label", "definition", "indicators", "example_doc_id", "example", "source"}
    missing = need - set(frames.columns)
    if missing:
        raise ValueError(f"frames.csv lacks columns {sorted(missing)}")
    if frames["frame"].duplicated().any():
        raise ValueError(f"frames.csv repeats frames {sorted(frames.loc[frames['frame'].duplicated(), 'frame'])}")
    return frames



def load_judgements() -> pd.DataFrame:
    """Hand judgements of frame matches read in context (``frame_match_judgements.csv``)."""
    j = cached_csv("frame_match_judgements.csv").copy()
    j["start"] = j["start"].astype(int)
    bad = sorted(set(j["correct"]) - {"yes", "no"})
    if bad:
        raise ValueError(f"frame_match_judgements.csv: 'correct' must be yes or no, found {bad}")
    return j



def _inside(df: pd.DataFrame, spans: pd.DataFrame) -> pd.Series:
    """Whether each row's [start, end) lies inside one of ``spans`` of the same document."""
    if df.empty or spans.empty:
        return pd.Series(False, index=df.index)
    m = df.reset_index().merge(spans[["doc_id", "start", "end"]], on="doc_id", suffixes=("", "_q"))
    hit = m[(m["start"] >= m["start_q"]) & (m["end"] <= m["end_q"])]["index"]
    return pd.Series(df.index.isin(hit), index=df.index)


# --------------------------------------------------------------------------- frames

def _indicator_regex(indicators: Iterable[str]) -> re.Pattern:
    """Indicators (space-separated token patterns; ``x*`` = prefix, ``*`` = any one token) as a regex over
    tokens joined by single spaces. Longer indicators are tried first."""
    alts = []
    for ind in sorted({i.strip().lower() for i in indicators if i.strip()}, key=lambda s: (-len(s.split()), s)):
        parts = []
        for tok in ind.split():
            if tok == "*":
                parts.append(r"\S+")
            elif tok.endswith("*"):
                parts.append(re.escape(tok[:-1]) + r"\S*")
            else:
                parts.append(re.escape(tok))
        alts.append(" ".join(parts))
    if not alts:
        raise ValueError("a frame needs at least one indicator")
    return re.compile(r"(?<!\S)(?:" + "|".join(alts) + r")(?!\S)")


def frame_matches(sentences: pd.DataFrame, frames: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every indicator match: ``doc_id, sent_id, start, end, term, frame, in_quote, sentence``.

    Matching is on plain word tokens (lower case, hyphens split, possessives
    dropped), so it does not depend on the gazetteer. ``start``/``end`` are raw
    offsets of the matched words, ``term`` the matched words as they stand in
    the text; ``in_quote`` is True when the match sits inside a direct quote
    (the outlet is then reporting someone else's words).
    """
    frames = load_frames() if frames is None else frames
    toks = tokens(sentences)
    text_of = sentences.set_index(["doc_id", "sent_id"])["text"]
    start_of = sentences.set_index(["doc_id", "sent_id"])["start"]
    rows = []
    for (doc_id, sent_id), grp in toks.groupby(["doc_id", "sent_id"], sort=True):
        joined, pos = "", []
        for t in grp.itertuples(index=False):
            pos.append((len(joined) + (1 if joined else 0), t.start, t.end))
            joined = f"{joined} {t.term}" if joined else t.term
        begins = {p[0]: p for p in pos}
        for f in frames.itertuples(index=False):
            for m in _indicator_regex(f.indicators.split("|")).finditer(joined):
                first = begins[m.start()]
                last = max((p for p in pos if p[0] < m.end()), key=lambda p: p[0])
                off = start_of[(doc_id, sent_id)]
                rows.append((doc_id, sent_id, first[1], last[2], text_of[(doc_id, sent_id)][first[1] - off:last[2] - off], f.frame))
    out = pd.DataFrame(rows, columns=["doc_id", "sent_id", "start", "end", "term", "frame"])
    # a quotation counts only when someone is said to speak it (not a quoted exhibition title)
    spoken = attributions(sentences)[["doc_id", "sent_id"]]
    out["in_quote"] = _inside(out, quote_spans(sentences).merge(spoken, on=["doc_id", "sent_id"]))
    out = out.merge(sentences[["doc_id", "sent_id", "text"]].rename(columns={"text": "sentence"}), on=["doc_id", "sent_id"])
    return out.sort_values(["doc_id", "start", "frame"], ignore_index=True)


def frame_density(matches: pd.DataFrame, n_words: Mapping[str, int] | pd.Series, frames: Iterable[str] | None = None,
                  exclude_quotes: bool = False) -> pd.DataFrame:
    """Matches per 1,000 body words, one row per article and frame.

    ``n_words`` maps doc_id -> body words (the loader's ``documents.n_words``);
    every article in it gets a row for every frame, zero when nothing matched.
    With ``exclude_quotes`` only the outlet's own words (outside direct quotes) count.
    """
    n_words = pd.Series(n_words, dtype=float)
    if (n_words <= 0).any():
        raise ValueError(f"articles without body words: {sorted(n_words[n_words <= 0].index)}")
    unknown = sorted(set(matches["doc_id"]) - set(n_words.index))
    if unknown:
        raise ValueError(f"matches for articles missing from n_words: {unknown}")
    frames = list(load_frames()["frame"]) if frames is None else list(frames)
    m = matches[~matches["in_quote"]] if exclude_quotes else matches
    counts = m.groupby(["doc_id", "frame"]).size()
    grid = pd.MultiIndex.from_product([sorted(n_words.index), frames], names=["doc_id", "frame"])
    out = counts.reindex(grid, fill_value=0).rename("n").reset_index()
    out["n_words"] = out["doc_id"].map(n_words).astype(int)
    out["per_1000"] = 1000 * out["n"] / out["n_words"]
    return out


def group_density(density: pd.DataFrame, groups: Mapping[str, str] | pd.Series) -> pd.DataFrame:
    """Per group and frame: ``articles``, ``mean_per_1000`` (mean of article densities),
    ``pooled_per_1000`` (all matches over all words) and ``min``/``max`` of the articles.
    Articles whose group is missing (left out of a coding) are dropped."""
    d = density.assign(group=density["doc_id"].map(pd.Series(groups, dtype=object))).dropna(subset=["group"])
    g = d.groupby(["group", "frame"])
    out = g.agg(articles=("doc_id", "nunique"), n=("n", "sum"), n_words=("n_words", "sum"),
                mean_per_1000=("per_1000", "mean"), min_per_1000=("per_1000", "min"), max_per_1000=("per_1000", "max"))
    out["pooled_per_1000"] = 1000 * out["n"] / out["n_words"]
    return out.reset_index()


def frame_precision(matches: pd.DataFrame, judgements: pd.DataFrame | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Precision of frame matches against hand judgements read in context.

    Joins on ``doc_id, start, frame``. Returns (per-frame table with ``matches``,
    ``judged``, ``correct``, ``precision``; the matches with their judgement,
    ``correct`` NaN where a match has not been judged yet). A judgement whose
    ``term`` differs from the match's raises: the text or the codebook changed
    and the judgement must be redone.
    """
    judgements = load_judgements() if judgements is None else judgements
    j = judgements[["doc_id", "start", "frame", "term", "correct", "note"]].rename(columns={"term": "term_judged"})
    if j.duplicated(["doc_id", "start", "frame"]).any():
        raise ValueError("frame_match_judgements has duplicate (doc_id, start, frame) rows")
    m = matches.merge(j, on=["doc_id", "start", "frame"], how="left")
    stale = m[m["term_judged"].notna() & (m["term_judged"] != m["term"])]
    if not stale.empty:
        r = stale.iloc[0]
        raise ValueError(f"judgement for {r.doc_id} at {r.start} ({r.frame}) is for {r.term_judged!r}, match is {r.term!r}")
    m = m.drop(columns="term_judged")
    per = m.groupby("frame").agg(matches=("term", "size"), judged=("correct", "count"),
                                 correct=("correct", lambda s: int((s == "yes").sum())))
    per["precision"] = per["correct"] / per["judged"].where(per["judged"] > 0)
    return per.reset_index(), m
