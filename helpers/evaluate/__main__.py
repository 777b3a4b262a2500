"""``python -m helpers.evaluate CORPUS_DIR [GOLD_DIR] [--save RESULTS.csv] [--label NAME]``

Scores publication dates, temporal expressions and visits of the articles in CORPUS_DIR (a folder
that ``load_corpus`` reads: ``*.txt``, ``catalog.csv``, ``outlets.csv``) against the hand coding in
GOLD_DIR (format: :mod:`helpers.evaluate.gold`), prints the figures and every error with its sentence,
and with ``--save`` writes the figures to a results file that says what was scored, with which
version of the code and when (see :mod:`helpers.evaluate.results`). Without GOLD_DIR, the project's own
``seeds`` folder is scored against the seeds' codebooks (:mod:`helpers.evaluate.seeds`): in-sample figures.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import pandas as pd

from helpers.evaluate.gold import GoldError
from helpers.evaluate.results import save_results
from helpers.evaluate.score import evaluate_folder
from helpers.evaluate.seeds import write_seed_gold
from helpers.paths import SEEDS_DIR


def _show(title: str, table: pd.DataFrame) -> None:
    print(f"\n{title} ({len(table)})")
    if not table.empty:
        with pd.option_context("display.max_colwidth", 160, "display.width", 250, "display.max_rows", 500):
            print(table.to_string(index=False))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers.evaluate", description=__doc__.split("\n\n")[1])
    parser.add_argument("corpus_dir")
    parser.add_argument("gold_dir", nargs="?", help="the hand coding (default, for the project's seeds folder only: "
                        "the seeds' own codebooks)")
    parser.add_argument("--save", help="append the figures to this results CSV (one row per figure and run)")
    parser.add_argument("--label", help="a name for this evaluation set in the results file (default: GOLD_DIR)")
    args = parser.parse_args(argv)
    if args.gold_dir is None and Path(args.corpus_dir).resolve() != SEEDS_DIR.resolve():
        parser.error(f"{args.corpus_dir}: give the GOLD_DIR of its hand coding (only the project's seeds folder "
                     "has its codebooks built in)")
    with tempfile.TemporaryDirectory() as tmp:
        gold_dir = args.gold_dir or write_seed_gold(
            tmp, {p.stem: p.name for p in Path(args.corpus_dir).glob("*.txt")})
        try:
            result = evaluate_folder(args.corpus_dir, gold_dir)
        except GoldError as exc:
            print(exc, file=sys.stderr)
            return 2
    args.gold_dir = args.gold_dir or "the seeds' codebooks (helpers/data/*_codebook.csv)"
    summary = result["summary"]
    if args.save:  # saved first: the figures are kept even if printing the errors fails
        save_results(args.save, summary, label=args.label or args.gold_dir, corpus_dir=args.corpus_dir,
                     gold_dir=args.gold_dir)
        print(f"figures written to {args.save}")
    _show("figures", summary.assign(value=summary["value"].map(lambda v: f"{v:.3f}" if v == v else "n/a")))
    _show("publication dates: wrong", result["documents"][~(result["documents"]["date_right"]
                                                            & result["documents"]["basis_right"])])
    _show("temporal expressions: not right", result["timexes"][result["timexes"]["outcome"] != "right"])
    _show("visits found: not right", result["visits_found"][result["visits_found"]["outcome"] != "right"])
    _show("visits coded: not found", result["visits_coded"][~result["visits_coded"]["outcome"].isin(
        ["found", "not found (optional)"])])
    _show("problems the pipeline reported", result["problems"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
