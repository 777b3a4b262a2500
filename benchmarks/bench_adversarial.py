"""Benchmark: hostile input of about 1 MB per article through load_corpus and the later layers.

    python benchmarks/bench_adversarial.py [--size 1000000] [--timeout 60] [--case NAME ...]

Each case is one article (a headline, a blank line and the hostile text), written with its catalog and
outlet registry to a temporary seeds folder and loaded in a fresh process: ``load_corpus``, then
``corpus.timexes``, ``.mentions``, ``.visits`` and ``.exchanges``, each timed on its own. A layer that
raises is reported with its error and the next one still runs; a case that runs past ``--timeout``
seconds is stopped and reported with the stage it was in. Target: under 2 s for every stage of every case
(a rule that is linear in its input handles 1 MB in well under a second). Nothing is written to the
repository.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET_S = 2.0
STAGES = ("load", "timexes", "mentions", "visits", "exchanges")
OUTLETS = ("outlet,country,ownership,media_system,ambiguous,alternative_media_system,evidence\n"
           "Korean Central News Agency,PRK,state,state,false,,benchmark outlet\n")


def _repeat(piece: str, size: int) -> str:
    return piece * max(1, size // len(piece))


# name -> (what it is, a function of the size giving the article's hostile text)
CASES = {
    "dots": ("a run of dots inside a sentence", lambda n: "It ended" + "." * n + " Then it began again."),
    "punctuation": ("a run of mixed stops, quotes and brackets",
                    lambda n: "They said" + _repeat("?!.\"')]» ", n) + " Then it ended."),
    "caption-openers": ("one line of repeated '(Source: x ' caption openers",
                        lambda n: "Photo " + _repeat("(Source: x ", n) + ")x)"),
    "short-sentences": ("40,000 short sentences on one line (1 MB: 40,000 of 25 characters)",
                        lambda n: "Kim met Ri in Hanoi now. " * (40_000 * n // 1_000_000)),
    "one-word": ("one word of 1 MB after an acronym", lambda n: "They met the U.S. " + "Q" * n + " came."),
    "comma-paragraphs": ("paragraphs joined with ', , ' on one line (as the KCNA archive stores them)",
                         lambda n: _repeat("The delegation of Viet Nam arrived in Pyongyang on Tuesday. , , ", n)),
    "brackets": ("a run of opening brackets and quotes", lambda n: "He said " + _repeat("(\"[«", n) + " nothing."),
    "dateline-spaces": ("a dateline label followed by a long run of spaces", lambda n: "Published" + " " * n + "x"),
}


def _child(folder: str) -> None:
    import time

    import helpers

    t0 = time.perf_counter()
    print(json.dumps({"start": "load"}), flush=True)
    corpus = helpers.load_corpus(folder)
    print(json.dumps({"stage": "load", "seconds": time.perf_counter() - t0,
                      "rows": f"{len(corpus.segments)} segments, {len(corpus.sentences)} sentences"}), flush=True)
    for stage in STAGES[1:]:
        if not hasattr(type(corpus), stage):
            print(json.dumps({"stage": stage, "error": "no such layer"}), flush=True)
            continue
        print(json.dumps({"start": stage}), flush=True)
        t0 = time.perf_counter()
        try:
            rows = len(getattr(corpus, stage))
            print(json.dumps({"stage": stage, "seconds": time.perf_counter() - t0, "rows": f"{rows} rows"}), flush=True)
        except Exception as exc:  # a layer still being fixed elsewhere is reported, not fatal
            print(json.dumps({"stage": stage, "seconds": time.perf_counter() - t0,
                              "error": f"{type(exc).__name__}: {str(exc)[:120]}"}), flush=True)


def _write_case(folder: Path, text: str) -> None:
    (folder / "outlets.csv").write_text(OUTLETS, encoding="utf-8")
    (folder / "catalog.csv").write_text("file,outlet,published,url,note\nhostile.txt,Korean Central News Agency,,,\n",
                                        encoding="utf-8")
    (folder / "hostile.txt").write_text("A hostile article for the benchmark\n\n" + text + "\n", encoding="utf-8")


def run_case(name: str, size: int, timeout: float) -> list[dict]:
    """The stages of one case as rows: stage, seconds (or error), rows."""
    with tempfile.TemporaryDirectory() as tmp:
        _write_case(Path(tmp), CASES[name][1](size))
        proc = subprocess.Popen([sys.executable, __file__, "--child", tmp], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
            err = f"timeout after {timeout:g} s"
    rows, started = [], None
    for line in out.splitlines():
        item = json.loads(line)
        if "start" in item:
            started = item["start"]
        else:
            rows.append(item)
            started = None
    if started is not None:
        rows.append({"stage": started, "error": err.strip().splitlines()[-1] if err.strip() else "stopped"})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--child")
    parser.add_argument("--size", type=int, default=1_000_000, help="characters of hostile text per case")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds allowed per case, all stages")
    parser.add_argument("--case", nargs="*", choices=sorted(CASES), default=list(CASES))
    args = parser.parse_args()
    if args.child:
        _child(args.child)
        return
    print(f"{len(args.case)} case(s) of {args.size:,} characters; target under {TARGET_S:g} s per stage")
    for name in args.case:
        print(f"\n{name}: {CASES[name][0]}", flush=True)
        for row in run_case(name, args.size, args.timeout):
            if "error" in row:
                print(f"  {row['stage']:>10}  FAILED  {row['error']}", flush=True)
            else:
                flag = "" if row["seconds"] < TARGET_S else "  OVER TARGET"
                print(f"  {row['stage']:>10}  {row['seconds']:7.3f} s  {row['rows']}{flag}", flush=True)


if __name__ == "__main__":
    main()
