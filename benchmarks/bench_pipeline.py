"""Benchmark: the whole pipeline (load, dates, mentions, visits, exchanges) in MB of raw text per second,
and its peak memory per raw byte.

    python benchmarks/bench_pipeline.py                      # 20,000 articles for speed, 50,000 for memory
    python benchmarks/bench_pipeline.py --speed 2000 --memory 5000 --workers 1 2

Targets (the reliability issue): at least 5 MB/s of raw text for the whole pipeline on this 2-core
machine at 20,000 articles, and at most 5 bytes of peak memory per raw byte above the import baseline at
50,000 articles. Each measurement runs in a fresh process on a synthetic corpus made from the seeds at run
time (``synth.py``: years shifted, people renamed, a numbered sentence added, so no two articles are
duplicates); writing the corpus is not timed.

Beside the pipeline's time the report gives a *floor*: the time to read every file and make one linear
pass over its text per layer (a regular-expression scan for each of the four annotation layers). The
ratio pipeline / floor says how far the pipeline is from the cost of merely touching the text.

Beside the wall time of each stage the report gives its CPU seconds, in the main process and in the worker
processes: on a machine shared with other work the wall time varies from run to run, the CPU time much less.

Memory is the peak resident set of the measuring process (``ru_maxrss``) minus its peak after importing
the package, divided by the raw bytes; with worker processes the largest worker's peak is reported too
(workers are forked after loading, so their pages are shared with the parent until written).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
LAYERS = ("timexes", "mentions", "visits", "exchanges")


def _child(folder: str, mode: str, workers: int) -> None:
    import re
    import resource
    import time

    os.environ["VN_DPRK_WORKERS"] = str(workers)
    import helpers  # noqa: F401  (the import baseline includes the package and pandas)
    from helpers.pipeline import load_corpus
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    files = sorted(Path(folder).glob("*.txt"))
    raw_bytes = sum(f.stat().st_size for f in files)
    out = {"n": len(files), "raw_bytes": raw_bytes, "workers": workers}
    if mode == "floor":
        scan = re.compile(r"[A-Z][a-z]+|\d{4}|[.!?]")
        t0 = time.perf_counter()
        for f in files:
            text = f.read_text(encoding="utf-8")
            for _ in LAYERS:
                len(scan.findall(text))
        out["seconds"] = time.perf_counter() - t0
    else:
        t0, c0 = time.perf_counter(), _cpu()
        corpus = load_corpus(folder, duplicates="keep_first") if _takes_duplicates(load_corpus) else load_corpus(folder)
        times, cpu = {"load": time.perf_counter() - t0}, {"load": _minus(_cpu(), c0)}
        for layer in LAYERS:
            t, c = time.perf_counter(), _cpu()
            getattr(corpus, layer)
            times[layer], cpu[layer] = time.perf_counter() - t, _minus(_cpu(), c)
        out["seconds"] = time.perf_counter() - t0
        out["layers"] = times
        out["cpu"] = cpu
        problems = getattr(corpus, "problems", None)
        out["problems"] = 0 if problems is None else len(problems)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    out["bytes_per_raw_byte"] = (peak - baseline) / raw_bytes
    out["children_peak_mib"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    out["peak_mib"] = peak / 2**20
    print(json.dumps(out))


def _cpu() -> tuple[float, float]:
    """CPU seconds (user + system) of this process and of its finished worker processes."""
    import resource

    me, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, workers.ru_utime + workers.ru_stime


def _minus(a: tuple, b: tuple) -> tuple:
    return tuple(round(x - y, 2) for x, y in zip(a, b))


def _takes_duplicates(fn) -> bool:
    import inspect
    return "duplicates" in inspect.signature(fn).parameters


def measure(folder: Path, mode: str, workers: int) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--child", str(folder), "--mode", mode, "--workers", str(workers)],
                          check=True, capture_output=True, text=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--speed", type=int, default=20_000, help="articles for the speed measurement (0: skip)")
    parser.add_argument("--memory", type=int, default=50_000, help="articles for the memory measurement (0: skip)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--mode", default="pipeline", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.mode, args.workers[0])
        return
    sys.path.insert(0, str(HERE))
    from synth import make_corpus

    if args.speed:
        speed(make_corpus, args.speed, args.workers)
    if args.memory:
        memory(make_corpus, args.memory, args.workers)


def speed(make_corpus, n: int, workers: list[int]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = make_corpus(Path(tmp) / "speed", n)
        floor = measure(folder, "floor", 1)
        mb = floor["raw_bytes"] / 1e6
        print(f"speed: {floor['n']:,} articles, {mb:.1f} MB of raw text; floor (read + {len(LAYERS)} passes) "
              f"{floor['seconds']:.2f} s = {mb / floor['seconds']:.1f} MB/s", flush=True)
        for w in workers:
            r = measure(folder, "pipeline", w)
            layers = "  ".join(f"{k} {v:.1f}s" for k, v in r["layers"].items())
            cpu = "  ".join(f"{k} {a:.1f}+{b:.1f}" for k, (a, b) in r["cpu"].items())
            print(f"  workers={w}: {r['seconds']:.2f} s = {mb / r['seconds']:.2f} MB/s "
                  f"(x{r['seconds'] / floor['seconds']:.1f} the floor; {r['problems']} problems)  [{layers}]\n"
                  f"             CPU s, main process + workers (wall time depends on what else runs): [{cpu}]",
                  flush=True)


def memory(make_corpus, n: int, workers: list[int]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = make_corpus(Path(tmp) / "memory", n)
        for w in workers:
            r = measure(folder, "pipeline", w)
            print(f"memory: {r['n']:,} articles, {r['raw_bytes'] / 1e6:.1f} MB raw, workers={w}: "
                  f"{r['bytes_per_raw_byte']:.2f} bytes per raw byte above the import baseline "
                  f"(peak {r['peak_mib']:.0f} MiB; largest worker {r['children_peak_mib']:.0f} MiB)", flush=True)


if __name__ == "__main__":
    main()
