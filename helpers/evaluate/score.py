"""Publication dates, temporal expressions and visits of a corpus folder, scored against a hand coding.

Only what the coding covers is scored (:mod:`helpers.evaluate.gold`): an article nobody coded adds
nothing to any figure, and every figure is given with the counts it rests on. Every miss, extra and
wrong value is listed with its article and sentence, so the errors can be read, not only counted.

Matching rules (the same as in ``evaluation/VISITS_CODEBOOK.md``):

- a publication date is right when the date the loader gives, at the coded precision, is the coded
  date and the loader's precision is not coarser; its basis is right when it is the coded one;
- a temporal expression is located by its coded text (the n-th coded row with the same text is its
  n-th occurrence in the article's body); it is right when an extracted expression overlaps it with the
  coded value (``start/end`` for a range; a decade by its first three digits), or when the coded value
  is empty and nothing, or an unresolved span, was extracted there;
- a visit is scored as a trip between Vietnam and the DPRK: an extracted statement matches a coded trip
  of the same article when the countries agree, the visitor is the same person by any of their names
  (for a delegation, its head), and the dates agree at the coarser of the two precisions (a coded trip
  with no date takes any date). Recall is over ``strict`` trips; an extracted trip that matches a
  ``strict`` or ``optional`` one is right; one with the right visitor and countries but a date that does
  not agree (or no date for a dated trip) is a wrong date; the rest are extras.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pandas as pd

from helpers.dates.intervals import parse_interval
from helpers.evaluate.gold import Gold, read_gold
from helpers.report.overview import format_published

SCOPE = frozenset({("VNM", "PRK"), ("PRK", "VNM")})
_TOKEN = re.compile(r"[a-z0-9]+")
_PRECISION_LEN = {"year": 4, "month": 7, "day": 10}


# --------------------------------------------------------------------------- publication dates
def at_precision(stamp, precision: str | None) -> str:
    """An ISO date cut to its precision: 2019-02-19 at 'month' is '2019-02'; unknown is ''."""
    if stamp is None or pd.isna(stamp) or precision not in _PRECISION_LEN:
        return ""
    return format_published(pd.Timestamp(stamp), precision)


def score_documents(documents: pd.DataFrame, gold: Gold) -> pd.DataFrame:
    """One row per coded article: the coded and the found publication date and basis, and whether each is right."""
    rows = []
    by_file = documents.reset_index().set_index("file")
    for g in gold.documents.itertuples(index=False):
        d = by_file.loc[g.file] if g.file in by_file.index else None
        found_prec = None if d is None else d["published_precision"]
        found = "" if d is None else at_precision(d["published"], found_prec)
        coarser = found_prec not in _PRECISION_LEN or _PRECISION_LEN[found_prec] < _PRECISION_LEN[g.published_precision]
        date_right = bool(found) and not coarser and found[:len(g.published)] == g.published
        basis = "" if d is None else d["published_basis"]
        rows.append(dict(file=g.file, coded=g.published, coded_precision=g.published_precision, found=found,
                         found_precision=found_prec or "", date_right=date_right, coded_basis=g.basis_expected,
                         found_basis=basis, basis_right=basis == g.basis_expected,
                         evidence="" if d is None else d["published_evidence"]))
    return pd.DataFrame(rows, columns=["file", "coded", "coded_precision", "found", "found_precision", "date_right",
                                       "coded_basis", "found_basis", "basis_right", "evidence"])


# --------------------------------------------------------------------------- temporal expressions
def _value(value: str, end_value: str = "") -> str:
    v = f"{value}/{end_value}" if end_value else value
    return re.sub(r"X+\b", "", v)  # a decade by its first digits: 199X -> 199


def _occurrences(raw: str, text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    rx = re.compile(rf"(?<!\w){re.escape(text)}(?!\w)")
    hits = [(m.start(), m.end()) for a, b in spans for m in rx.finditer(raw, a, b)]
    return hits or [(m.start(), m.end()) for m in rx.finditer(raw)]


def score_timexes(timexes: pd.DataFrame, documents: pd.DataFrame, sentences: pd.DataFrame, gold: Gold) -> pd.DataFrame:
    """One row per coded expression: where it is, what was extracted there, and the outcome
    (``right``, ``wrong value``, ``missed``, or ``not in text`` when the coded text cannot be found)."""
    rows, seen = [], {}
    doc_of = dict(zip(documents["file"], documents.index))
    for g in gold.timexes.itertuples(index=False):
        doc_id = doc_of[g.file]
        raw = documents.at[doc_id, "raw"]
        sents = sentences[sentences["doc_id"] == doc_id].sort_values("start")
        spans = list(zip(sents["start"], sents["end"]))
        n = seen[(g.file, g.text)] = seen.get((g.file, g.text), 0) + 1
        if getattr(g, "occurrence", ""):  # the optional column: which occurrence in the body is meant
            n = int(g.occurrence)
        hits = _occurrences(raw, g.text, spans)
        base = dict(file=g.file, text=g.text, coded=_value(g.value), start=None, end=None, found_text="", found="",
                    sentence="")
        if len(hits) < n:
            rows.append({**base, "outcome": "not in text"})
            continue
        a, b = hits[n - 1]
        sentence = next((raw[s:e] for s, e in spans if s <= a < e), "")
        tx = timexes[(timexes["doc_id"] == doc_id) & (timexes["start"] < b) & (timexes["end"] > a)]
        if tx.empty:
            outcome, found_text, found = ("right" if g.value == "" else "missed"), "", ""
        else:
            best = tx.assign(overlap=tx["end"].clip(upper=b) - tx["start"].clip(lower=a)).sort_values(
                "overlap", ascending=False, kind="stable").iloc[0]
            found_text, found = best["text"], _value(best["value"], best["end_value"])
            outcome = "right" if found == _value(g.value) else "wrong value"
        rows.append({**base, "start": a, "end": b, "found_text": found_text, "found": found, "sentence": sentence,
                     "outcome": outcome})
    return pd.DataFrame(rows, columns=["file", "text", "coded", "start", "end", "found_text", "found", "outcome",
                                       "sentence"])


# --------------------------------------------------------------------------- visits
def fold_name(name: str) -> tuple[str, ...]:
    """A name as lower-case ASCII tokens: 'Kim Il-sung' and 'Kim Il Sung' give the same tokens."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return tuple(_TOKEN.findall(ascii_name))


def same_person(coded: str, names: set[tuple[str, ...]]) -> bool:
    """Whether a coded visitor is one of ``names`` (folded): equal tokens, or one name's tokens (two or more)
    all within the other's ('Kim Yong Nam' in 'President Kim Yong Nam')."""
    c = set(fold_name(coded))
    for n in names:
        s = set(n)
        if c == s or (len(c) >= 2 and c <= s) or (len(s) >= 2 and s <= c):
            return True
    return False


def dates_agree(coded: tuple[str, str], found: tuple[str, str]) -> bool:
    """Whether a coded trip's dates and a found statement's agree at the coarser precision (no coded date: any)."""
    c = parse_interval(coded[0] or coded[1], coded[1] or None, strict=False)
    if c is None:
        return True
    f = parse_interval(found[0] or found[1], found[1] or None, strict=False)
    if f is None:
        return False
    n = min(_PRECISION_LEN.get(c.precision, 4), _PRECISION_LEN.get(f.precision, 4))
    cut = lambda d: d.isoformat()[:n]  # noqa: E731
    return cut(c.start) <= cut(f.end) and cut(f.start) <= cut(c.end)


def _rows(df: pd.DataFrame, mask: list[bool]) -> pd.DataFrame:
    """The rows of ``df`` where ``mask`` is true (an empty mask selects no row, not no column)."""
    return df.loc[pd.Series(mask, index=df.index, dtype=bool)]


def known_names(kb) -> dict[str, set[tuple[str, ...]]]:
    """Every entity's folded names (canonical and aliases) from a knowledge base's gazetteer."""
    if kb is None:
        return {}
    gaz = kb.gazetteer
    return {eid: {fold_name(canonical), *(fold_name(a) for a in aliases)}
            for eid, canonical, aliases in zip(gaz["entity_id"], gaz["canonical"], gaz["aliases"])}


def _names(row, known: dict) -> set[tuple[str, ...]]:
    names = {fold_name(row.visitor)} if isinstance(row.visitor, str) and row.visitor else set()
    names |= known.get(row.visitor_id, set())
    return {n for n in names if n}


def score_visits_gold(visits: pd.DataFrame, documents: pd.DataFrame, sentences: pd.DataFrame, gold: Gold,
                      kb=None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(found, coded)``: every extracted Vietnam–DPRK visit statement of a covered article with its outcome
    (``right``, ``wrong date``, ``extra``), and every coded trip with its outcome (``found``, ``wrong date``,
    ``missed``; ``optional`` trips are listed but never missed)."""
    file_of = documents["file"].to_dict()
    covered_ids = {d for d, f in file_of.items() if f in gold.covered}
    v = visits[visits["doc_id"].isin(covered_ids)]
    v = v[[(a, b) in SCOPE for a, b in zip(v["from_country"], v["to_country"])]]
    text = sentences.set_index(["doc_id", "sent_id"])
    coded = gold.visits.assign(outcome="missed")
    coded.loc[coded["strictness"] == "optional", "outcome"] = "not found (optional)"
    found_rows, known = [], known_names(kb)
    for r in v.itertuples(index=False):
        file, names = file_of[r.doc_id], _names(r, known)
        cands = coded[(coded["file"] == file) & (coded["from_country"] == r.from_country)
                      & (coded["to_country"] == r.to_country)]
        who = _rows(cands, [same_person(c, names) for c in cands["visitor"]])
        when = _rows(who, [dates_agree((a, b), (r.date_start or "", r.date_end or ""))
                           for a, b in zip(who["date_start"], who["date_end"])])
        outcome = "right" if not when.empty else ("wrong date" if not who.empty else "extra")
        for i in when.index:
            coded.at[i, "outcome"] = "found"
        for i in who.index.difference(when.index):
            if coded.at[i, "outcome"] in ("missed", "not found (optional)"):
                coded.at[i, "outcome"] = "wrong date"
        found_rows.append(dict(file=file, sent_id=r.sent_id, visitor=r.visitor, visitor_id=r.visitor_id,
                               from_country=r.from_country, to_country=r.to_country, date_start=r.date_start,
                               date_end=r.date_end, status=r.status, outcome=outcome,
                               sentence=text.at[(r.doc_id, r.sent_id), "text"]))
    found = pd.DataFrame(found_rows, columns=["file", "sent_id", "visitor", "visitor_id", "from_country", "to_country",
                                              "date_start", "date_end", "status", "outcome", "sentence"])
    return found, coded


# --------------------------------------------------------------------------- the whole folder
def summary(documents: pd.DataFrame, timexes: pd.DataFrame, found: pd.DataFrame, coded: pd.DataFrame,
            gold: Gold, n_articles: int) -> pd.DataFrame:
    """The figures, each with the counts it rests on (``n``) and what it is."""
    def share(k, n):
        return (k / n) if n else float("nan")

    strict = coded[coded["strictness"] == "strict"]
    rows = [
        ("articles covered by the coding", len(gold.covered), n_articles, f"of the corpus folder ({gold.coverage_source})"),
        ("publication date right", share(documents["date_right"].sum(), len(documents)), len(documents), "coded articles"),
        ("publication date and basis right", share((documents["date_right"] & documents["basis_right"]).sum(),
                                                   len(documents)), len(documents), "coded articles"),
        ("temporal expressions right", share((timexes["outcome"] == "right").sum(), len(timexes)), len(timexes),
         "coded expressions (a selection: recall and values, not precision)"),
        ("visits recall", share(strict["outcome"].eq("found").sum(), len(strict)), len(strict), "strict coded trips"),
        ("visits precision", share(found["outcome"].eq("right").sum(), len(found)), len(found),
         "extracted Vietnam-DPRK statements in covered articles"),
    ]
    return pd.DataFrame(rows, columns=["figure", "value", "n", "over"])


def evaluate_folder(corpus_dir: str | Path, gold_dir: str | Path) -> dict[str, pd.DataFrame]:
    """Load the corpus folder, run every layer, and score it against the gold folder.

    Returns the tables ``summary``, ``documents``, ``timexes``, ``visits_found``, ``visits_coded`` and
    ``problems`` (what the load or a layer reported for the corpus).
    """
    from helpers.pipeline import load_corpus

    corpus = load_corpus(corpus_dir, duplicates="keep_first")
    gold = read_gold(gold_dir, set(corpus.documents["file"]))
    docs = score_documents(corpus.documents, gold)
    tx = score_timexes(corpus.timexes, corpus.documents, corpus.sentences, gold)
    found, coded = score_visits_gold(corpus.visits, corpus.documents, corpus.sentences, gold, corpus.kb)
    return dict(summary=summary(docs, tx, found, coded, gold, len(corpus.documents)), documents=docs, timexes=tx,
                visits_found=found, visits_coded=coded, problems=corpus.problems)
