"""Benchmark: temporal expressions, speed with loading, and side by side with dateparser.

    python benchmarks/bench_timex.py [--sizes 100 1000 10000] [--repeat 3] [--compare-n 200]

1. Loading plus dates: ``load_corpus`` then ``corpus.timexes`` on synthetic corpora generated from the
   seeds at run time (benchmarks/synth.py), each size in a fresh process pinned to one core, with the
   same harness as bench_load.py. Target: at least 500 articles per second on one core.
2. Side by side on the same texts, in this process pinned to one core: ``helpers.annotate.timex`` against
   dateparser's ``search_dates`` (the general-purpose library a user would reach for), called on the
   same body sentences with the article's publication date as ``RELATIVE_BASE``:
   - accuracy on the five seeds against the hand-made codebook (helpers/data/timex_codebook.csv);
   - speed on ``--compare-n`` synthetic articles (extraction only, the corpus already loaded).

dateparser is not a project dependency and is not in requirements.lock. Install it only for the
benchmark, in a separate virtual environment:

    python -m venv /tmp/bench && /tmp/bench/bin/pip install -r requirements.lock dateparser
    /tmp/bench/bin/pip install --no-deps -e .
    /tmp/bench/bin/python benchmarks/bench_timex.py

Without dateparser the comparison is skipped with a message; the speed part still runs.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import warnings
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_load import run as run_stage  # noqa: E402
from synth import make_corpus  # noqa: E402

import helpers  # noqa: E402
from helpers.evaluate import evaluate_timexes, load_timex_codebook as load_codebook, locate_codebook  # noqa: E402
from helpers.annotate.timex import COLUMNS, extract_corpus_timexes, timex_frame  # noqa: E402

_ISO_DATE_LENGTHS = (4, 7, 10)   # 1958, 1958-11, 1958-11-27


def _pin_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})


def dateparser_timexes(corpus, search_dates) -> pd.DataFrame:
    """Run ``search_dates`` on every body sentence; rows in the timex columns, values at day precision."""
    docs = corpus.documents
    rows = []
    for s in corpus.sentences.itertuples():
        published = docs.at[s.doc_id, "published"]
        settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
        if not pd.isna(published):
            settings["RELATIVE_BASE"] = published.to_pydatetime()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = search_dates(s.text, languages=["en"], settings=settings) or []
        cursor = 0
        for text, when in found:
            k = s.text.find(text, cursor)
            if k < 0:
                continue
            cursor = k + len(text)
            rows.append((s.doc_id, s.sent_id, s.start + k, s.start + k + len(text), text, "date",
                         when.strftime("%Y-%m-%d"), "", ""))
    return timex_frame(rows)


def lenient(found: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Give dateparser the benefit of the doubt: a day-precision value overlapping a codebook date is cut
    to the codebook's precision, and for a codebook range its start counts for the whole range."""
    found = found.copy()
    for i, f in found.iterrows():
        g = gold[(gold["doc_id"] == f["doc_id"]) & (gold["start"] < f["end"]) & (gold["end"] > f["start"])]
        if g.empty or len(g.iloc[0]["value"]) not in _ISO_DATE_LENGTHS:
            continue
        gv = g.iloc[0]
        value = f["value"][: len(gv["value"])]
        found.at[i, "value"] = value
        if gv["end_value"] and value == gv["value"]:
            found.at[i, "end_value"] = gv["end_value"]
    return found


def compare(n_synthetic: int) -> None:
    try:
        from dateparser.search import search_dates
    except ImportError:
        print("\ndateparser is not importable: side-by-side comparison skipped. Install it in a separate venv:\n"
              "  python -m venv /tmp/bench && /tmp/bench/bin/pip install -r requirements.lock dateparser\n"
              "  /tmp/bench/bin/pip install --no-deps -e . && /tmp/bench/bin/python benchmarks/bench_timex.py")
        return
    import dateparser

    _pin_one_core()
    seeds = helpers.load_corpus()
    gold = locate_codebook(load_codebook(), seeds.documents["raw"], seeds.sentences)
    ours = extract_corpus_timexes(seeds.documents, seeds.sentences)
    theirs = dateparser_timexes(seeds, search_dates)
    table = {}
    for name, found in [("helpers.annotate.timex", ours), (f"dateparser {dateparser.__version__} search_dates", theirs),
                        ("  same, lenient scoring", lenient(theirs, gold))]:
        scores, errors = evaluate_timexes(found[COLUMNS], gold)
        table[name] = {"found": int(scores["found"]), "correct": int(scores["correct values"]),
                       "precision": round(scores["precision"], 3), "recall": round(scores["recall"], 3),
                       "missed": int((errors["error"] == "missed").sum()),
                       "spurious": int((errors["error"] == "spurious").sum())}
    print(f"\nAccuracy against the codebook ({len(gold)} expressions in the five seed bodies):")
    print(pd.DataFrame(table).T.to_string())
    _, errors = evaluate_timexes(theirs, gold)
    print("\nA sample of dateparser's errors (strict scoring):")
    print(errors.head(12)[["doc_id", "error", "gold_text", "found_text", "gold_value", "found_value"]].to_string())

    with tempfile.TemporaryDirectory() as tmp:
        make_corpus(Path(tmp), n_synthetic, seed=1)
        corpus = helpers.load_corpus(tmp)
        n_sent = len(corpus.sentences)
        t0 = time.perf_counter()
        extract_corpus_timexes(corpus.documents, corpus.sentences)
        t_ours = time.perf_counter() - t0
        t0 = time.perf_counter()
        dateparser_timexes(corpus, search_dates)
        t_theirs = time.perf_counter() - t0
    print(f"\nSpeed on the same {n_synthetic:,} synthetic articles ({n_sent:,} body sentences), extraction only:")
    for name, t in [("helpers.annotate.timex", t_ours), ("dateparser search_dates", t_theirs)]:
        print(f"  {name:<26} {t:8.2f} s  {n_synthetic / t:10,.0f} articles/s  {1000 * t / n_synthetic:8.2f} ms/article")
    print(f"  helpers.annotate.timex is {t_theirs / t_ours:,.0f}x faster")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--compare-n", type=int, default=200, help="synthetic articles for the speed comparison")
    args = parser.parse_args()
    print("Loading, then loading plus dates (corpus.timexes), one core, best of", args.repeat)
    load = run_stage(args.sizes, args.repeat, "load")
    dates = run_stage(args.sizes, args.repeat, "timexes")
    print("\nDates alone (difference of the two):")
    for a, b in zip(load, dates):
        extra = b["seconds"] - a["seconds"]
        print(f"  {b['n']:>7,} articles  {1000 * extra / b['n']:6.3f} ms/article; loading plus dates "
              f"{b['articles_per_s']:8,.0f} articles/s (target 500)")
    compare(args.compare_n)


if __name__ == "__main__":
    main()
