"""Frames: indicator terms of the frame codebook found in body text, their density and precision.

- :func:`frame_matches`: every indicator match of ``helpers/data/frames.csv``,
  with raw-file offsets and whether it sits inside a spoken quotation;
- :func:`frame_precision`: how often an indicator is right in context, measured on the judged sample
  (``helpers/data/frame_match_judgements.csv``), beside how many of the corpus's matches are unjudged;
- :func:`match_weights`: each match's expected correctness (1 or 0 where judged, its frame's precision
  where not), so an unjudged article is estimated, never counted as frame-free;
- :func:`frame_density` / :func:`group_density`: matches per 1,000 body words (raw, and estimated
  with the weights), per article and per group.
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping

import numpy as np
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
    patterns = [(f.frame, _indicator_regex(f.indicators.split("|"))) for f in frames.itertuples(index=False)]
    rows = []
    for (doc_id, sent_id), grp in toks.groupby(["doc_id", "sent_id"], sort=True):
        joined, pos = "", []
        for t in grp.itertuples(index=False):
            pos.append((len(joined) + (1 if joined else 0), t.start, t.end))
            joined = f"{joined} {t.term}" if joined else t.term
        begins = {p[0]: p for p in pos}
        for frame, pattern in patterns:
            for m in pattern.finditer(joined):
                first = begins[m.start()]
                last = max((p for p in pos if p[0] < m.end()), key=lambda p: p[0])
                off = start_of[(doc_id, sent_id)]
                term = text_of[(doc_id, sent_id)][first[1] - off:last[2] - off]
                rows.append((doc_id, sent_id, first[1], last[2], term, frame))
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
    Columns: ``n`` (every indicator match), ``per_1000`` (the raw density), and, when
    ``matches`` carries them, ``judged`` (matches with a judgement, from a ``correct``
    column) and ``est`` / ``est_per_1000`` (the sum of a ``weight`` column, see
    :func:`match_weights`: the expected number of correct matches). Without
    weights, ``est`` is ``n``. With ``exclude_quotes`` only the outlet's own words
    (outside direct quotes) count. An article with no body words has no density:
    leave it out first (the error names it).
    """
    n_words = pd.Series(n_words, dtype=float)
    if (n_words <= 0).any():
        raise ValueError(f"articles without body words: {sorted(n_words[n_words <= 0].index)}")
    unknown = sorted(set(matches["doc_id"]) - set(n_words.index))
    if unknown:
        raise ValueError(f"matches for articles missing from n_words: {unknown}")
    frames = list(load_frames()["frame"]) if frames is None else list(frames)
    m = matches[~matches["in_quote"]] if exclude_quotes else matches
    weight = m["weight"].astype(float) if "weight" in m else pd.Series(1.0, index=m.index)
    m = m.assign(_judged=m["correct"].notna() if "correct" in m else 0, _weight=weight, _unknown=weight.isna())
    counts = m.groupby(["doc_id", "frame"]).agg(n=("frame", "size"), judged=("_judged", "sum"),
                                                est=("_weight", "sum"), unknown=("_unknown", "sum"))
    grid = pd.MultiIndex.from_product([sorted(n_words.index), frames], names=["doc_id", "frame"])
    out = counts.reindex(grid, fill_value=0).reset_index()
    out["n"], out["judged"] = out["n"].astype(int), out["judged"].astype(int)
    out["est"] = out["est"].astype(float).where(out["unknown"] == 0)  # a match without a weight: no estimate
    out["n_words"] = out["doc_id"].map(n_words).astype(int)
    out["per_1000"] = 1000 * out["n"] / out["n_words"]
    out["est_per_1000"] = 1000 * out["est"] / out["n_words"]
    return out[["doc_id", "frame", "n", "judged", "est", "n_words", "per_1000", "est_per_1000"]]


def group_density(density: pd.DataFrame, groups: Mapping[str, str] | pd.Series,
                  value: str = "est_per_1000") -> pd.DataFrame:
    """Per group and frame: ``articles``, ``mean_per_1000`` (mean of the articles' ``value`` density,
    by default the estimated one), ``pooled_per_1000`` (all of the group's ``n`` or ``est`` over all its
    words) and ``min``/``max`` of the articles. Articles whose group is missing (left out of a coding)
    are dropped."""
    count = "est" if value == "est_per_1000" and "est" in density else "n"
    value = value if value in density else "per_1000"
    d = density.assign(group=density["doc_id"].map(pd.Series(groups, dtype=object))).dropna(subset=["group"])
    g = d.groupby(["group", "frame"])
    out = g.agg(articles=("doc_id", "nunique"), n=(count, "sum"), n_words=("n_words", "sum"),
                mean_per_1000=(value, "mean"), min_per_1000=(value, "min"), max_per_1000=(value, "max"))
    out["pooled_per_1000"] = 1000 * out["n"] / out["n_words"]
    return out.reset_index()


def wilson_interval(correct: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """Wilson score interval of a proportion ``correct / n`` (95% by default); (nan, nan) when ``n`` is 0.

    >>> [round(x, 3) for x in wilson_interval(9, 10)]
    [0.596, 0.982]
    """
    if n <= 0:
        return (math.nan, math.nan)
    p = correct / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (max(0.0, centre - half), min(1.0, centre + half))


def frame_precision(matches: pd.DataFrame, judgements: pd.DataFrame | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Precision of the frame indicators, measured on the judged sample only.

    The judged sample is every row of ``judgements`` (default: ``frame_match_judgements.csv``): a match
    read in its sentence and judged right (``yes``) or wrong (``no``). Matches join it on
    ``doc_id, start, frame``; a judgement whose ``term`` differs from the match's raises (the text
    or the codebook changed and the judgement must be redone).

    Returns (per frame: ``matches`` in this corpus, of them ``judged`` and ``unjudged``; the sample's
    ``sample`` size, ``correct`` count, ``precision`` and its 95% Wilson interval ``low``/``high``,
    NaN for a frame nobody judged; the matches with their judgement, ``correct`` NaN where unjudged).
    An unjudged match is never counted as wrong: the precision rests on the judged ones alone.
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
    frames = pd.Index(pd.unique(pd.concat([m["frame"], j["frame"]], ignore_index=True)), name="frame")
    per = pd.DataFrame(index=frames)
    per["matches"] = m.groupby("frame").size().reindex(frames, fill_value=0)
    per["judged"] = m.groupby("frame")["correct"].count().reindex(frames, fill_value=0)
    per["unjudged"] = per["matches"] - per["judged"]
    per["sample"] = j.groupby("frame").size().reindex(frames, fill_value=0)
    per["correct"] = (j["correct"] == "yes").groupby(j["frame"]).sum().reindex(frames, fill_value=0).astype(int)
    per["precision"] = per["correct"] / per["sample"].where(per["sample"] > 0)
    bounds = [wilson_interval(c, n) for c, n in zip(per["correct"], per["sample"])]
    per["low"], per["high"] = [b[0] for b in bounds], [b[1] for b in bounds]
    return per.reset_index(), m


def match_weights(judged: pd.DataFrame, precision: pd.DataFrame, bound: str = "precision") -> pd.Series:
    """Each match's expected correctness: 1 judged right, 0 judged wrong, and where unjudged its frame's
    ``precision`` (or ``low``/``high``, the ends of its interval, with ``bound``) from :func:`frame_precision`.

    Summed per article (:func:`frame_density`), this is the expected number of correct matches: the
    judged count where everything is judged, raw count times precision where nothing is. A frame with no
    judged sample takes the pooled precision of all frames' samples; with no sample at all, the weight is
    NaN (no estimate, not zero).

    >>> judged = pd.DataFrame({"frame": ["f", "f", "f"], "correct": ["yes", "no", None]})
    >>> precision = pd.DataFrame({"frame": ["f"], "sample": [4], "correct": [3], "precision": [0.75]})
    >>> match_weights(judged, precision).tolist()
    [1.0, 0.0, 0.75]
    """
    prec = precision.set_index("frame")
    total = prec["sample"].sum()
    pooled = prec["correct"].sum() / total if total else np.nan
    if bound == "precision":
        by_frame = prec["precision"]
    else:
        by_frame = pd.Series([wilson_interval(c, n)[0 if bound == "low" else 1] for c, n in
                              zip(prec["correct"], prec["sample"])], index=prec.index)
    guess = judged["frame"].map(by_frame.fillna(pooled)).astype(float)
    known = judged["correct"].map({"yes": 1.0, "no": 0.0})
    return known.fillna(guess).rename("weight")
