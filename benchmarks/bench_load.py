"""Benchmark: load_corpus on synthetic corpora of 100, 1,000 and 10,000 articles.

    python benchmarks/bench_load.py [--sizes 100 1000 10000] [--repeat 3]

Each size runs in a fresh process pinned to one core; the report gives the
best wall time of the repeats, articles per second, and the peak resident
memory of the process. Target: at least 1,000 articles per second on one core,
and time growing linearly with corpus size (per-article time flat across sizes).
Reading the files is included; writing the synthetic corpus is not.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
STAGES = {"load": "helpers.load_corpus(d)"}


def _child(folder: str, repeat: int, stage: str) -> None:
    import os
    import resource
    import time

    import helpers

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        corpus = helpers.load_corpus(folder)
        if stage != "load":
            getattr(corpus, stage)
        best = min(best, time.perf_counter() - t0)
    n = len(corpus.documents)
    print(json.dumps({"n": n, "seconds": best,
                      "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def run(sizes: list[int], repeat: int, stage: str = "load") -> list[dict]:
    sys.path.insert(0, str(HERE))
    from synth import make_corpus

    results = []
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            make_corpus(Path(tmp), n)
            out = subprocess.run([sys.executable, __file__, "--child", tmp, "--repeat", str(repeat), "--stage", stage],
                                 check=True, capture_output=True, text=True).stdout
        row = json.loads(out.strip().splitlines()[-1])
        row["articles_per_s"] = row["n"] / row["seconds"]
        row["ms_per_article"] = 1000 * row["seconds"] / row["n"]
        results.append(row)
        print(f"{stage:>10} {row['n']:>7,} articles  {row['seconds']:8.2f} s  {row['articles_per_s']:8,.0f} articles/s  "
              f"{row['ms_per_article']:6.3f} ms/article  peak {row['peak_mib']:7.1f} MiB", flush=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--stage", default="load", help="'load', or a Corpus attribute computed after loading")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.repeat, args.stage)
        return
    results = run(args.sizes, args.repeat, args.stage)
    per = [r["ms_per_article"] for r in results]
    print(f"per-article time from smallest to largest corpus: x{per[-1] / per[0]:.2f} (1.0 = linear)")


if __name__ == "__main__":
    main()
