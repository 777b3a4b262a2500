"""Scoring a layer against a hand coding: what the extractors get right, and every error listed.

- :func:`score_rows`: precision, recall and the errors of any extracted table against a hand-coded
  one, rows matching when every column of a key is equal (the visits codebook uses it);
- :func:`load_visit_codebook` and :func:`score_visits`: visit statements (``data/visit_codebook.csv``);
- :func:`load_timex_codebook`, :func:`locate_codebook` and :func:`evaluate_timexes`: temporal
  expressions (``data/timex_codebook.csv``), matched by overlapping spans.

Figures on the seeds are in-sample (the rules were written from them): upper bounds.
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from helpers.paths import data_file

TIMEX_KINDS = ("date", "range", "relative", "anniversary", "decade", "duration")
SCORE_KEY = ["doc_id", "sent_id", "visitor_id", "from_country", "to_country", "date_start", "date_end", "status"]


def seed_coded_documents(documents: pd.DataFrame, sums: str | Path | None = None) -> pd.Index:
    """The ``doc_id``s of ``documents`` that the seeds' codebooks cover: the seed files, byte for byte.

    A document is covered when its file name and SHA-256 are those of a seed in ``seeds/SHA256SUMS``; any
    other article (one a user added, or a seed file changed) is uncoded, so nothing found in it counts as right
    or wrong, and the codebooks' rows of seeds not in the corpus are left out. Every score against the seeds'
    codebooks is computed on these documents only.
    """
    from helpers.paths import SEEDS_DIR

    path = Path(sums) if sums is not None else SEEDS_DIR / "SHA256SUMS"
    known = dict(line.split()[::-1] for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    mask = [known.get(f) == h for f, h in zip(documents["file"], documents["sha256"])]
    return documents.index[pd.Series(mask, index=documents.index, dtype=bool)]


def in_scope(table: pd.DataFrame, doc_ids) -> pd.DataFrame:
    """The rows of ``table`` (with a ``doc_id`` column) whose document is one of ``doc_ids``."""
    return table[table["doc_id"].isin(set(doc_ids))]


def load_visit_codebook(path=None) -> pd.DataFrame:
    """The hand-coded visit statements (``data/visit_codebook.csv``), dates as strings."""
    p = data_file("visit_codebook.csv") if path is None else path
    df = pd.read_csv(p, dtype=str, keep_default_na=False)
    missing = set(SCORE_KEY) - set(df.columns)
    if missing:
        raise ValueError(f"{p}: missing column(s) {sorted(missing)}")
    df["sent_id"] = df["sent_id"].astype(int)
    return df


def score_rows(found: pd.DataFrame, gold: pd.DataFrame, key: list[str]) -> tuple[float, float, pd.DataFrame]:
    """Precision, recall and the errors of ``found`` rows against hand-coded ``gold`` rows.

    A found row is correct when every column of ``key`` equals that of a gold row not yet used
    (rows are counted as a multiset, compared as text; ``sent_id`` as an integer). Errors: one row
    per false positive ('extra') or missed gold row ('missed'), with the key columns. An empty
    table scores 1.0 (nothing found is nothing wrong; nothing to find is nothing missed).
    """
    missing = sorted(set(key) - set(found.columns)) + sorted(set(key) - set(gold.columns))
    if missing:
        raise ValueError(f"tables to score lack column(s) {missing}")

    def keys(df):
        k = df[key].copy()
        if "sent_id" in k.columns:
            k["sent_id"] = k["sent_id"].astype(int)
        return k.fillna("").astype(str).agg("|".join, axis=1) if len(k) else pd.Series([], dtype=str)

    ext, ref = keys(found), keys(gold)
    ext_c, ref_c = ext.value_counts(), ref.value_counts()
    tp = sum(min(n, ref_c.get(k, 0)) for k, n in ext_c.items())
    precision = tp / len(ext) if len(ext) else 1.0
    recall = tp / len(ref) if len(ref) else 1.0
    errors = []
    for label, rows, ks, other in (("extra", found, ext, ref_c), ("missed", gold, ref, ext_c)):
        budget = dict(other)
        for i, k in zip(rows.index, ks):
            if budget.get(k, 0) > 0:
                budget[k] -= 1
                continue
            r = rows.loc[i]
            errors.append(dict(error=label, **{c: r[c] for c in key}))
    return precision, recall, pd.DataFrame(errors, columns=["error", *key])


def score_visits(visits: pd.DataFrame, codebook: pd.DataFrame) -> tuple[float, float, pd.DataFrame]:
    """Precision, recall and the errors of extracted visits against the codebook (:func:`score_rows`).

    A row is correct when every field of ``SCORE_KEY`` matches (same sentence,
    visitor, direction, dates at the same precision, status).
    """
    return score_rows(visits, codebook, SCORE_KEY)


def load_timex_codebook(path: str | Path | None = None) -> pd.DataFrame:
    """The hand-coded temporal expressions of the seeds (``data/timex_codebook.csv``)."""
    cb = pd.read_csv(Path(path) if path else data_file("timex_codebook.csv"), dtype=str, keep_default_na=False)
    required = ["doc_id", "text", "occurrence", "kind", "value", "end_value", "note"]
    missing = [c for c in required if c not in cb.columns]
    if missing:
        raise ValueError(f"timex codebook lacks columns {missing}")
    bad = sorted(set(cb["kind"]) - set(TIMEX_KINDS))
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
