"""The side-by-side figures: rendered from the results file, never typed, and never stale for the seeds."""
from __future__ import annotations

import pandas as pd
import pytest

from helpers.evaluate.results import load_results
from helpers.evaluate.score import evaluate_folder
from helpers.evaluate.seeds import write_seed_gold
from helpers.paths import REPO_ROOT, SEEDS_DIR
from helpers.report.evaluation import (BASELINES, EXTRACTION_FIGURES, RESULTS, SETS, latest_runs, readme_block, runs_note,
                                       side_by_side)


def test_every_set_the_notebooks_show_is_in_the_results_file():
    runs = latest_runs()
    assert set(runs["label"]) == set(SETS) | set(BASELINES.values())
    for label in SETS:
        assert set(EXTRACTION_FIGURES) <= set(runs.loc[runs["label"] == label, "figure"])


def test_the_saved_seed_figures_are_those_of_the_current_code(tmp_path, corpus):
    gold = write_seed_gold(tmp_path / "gold", dict(zip(corpus.documents.index, corpus.documents["file"])))
    live = evaluate_folder(SEEDS_DIR, gold)["summary"].set_index("figure")
    saved = latest_runs().query("label == 'seeds (in-sample)'").set_index("figure")
    for figure in EXTRACTION_FIGURES:
        assert saved.at[figure, "value"] == pytest.approx(live.at[figure, "value"], abs=5e-5), figure
        assert saved.at[figure, "n"] == live.at[figure, "n"], figure


def test_the_readme_shows_the_table_rendered_from_the_results_file():
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    assert readme_block() in readme, "README figures differ: paste `python -m helpers.report.evaluation` into it"


def test_a_set_not_run_or_not_coded_says_so():
    runs = pd.DataFrame({"label": ["a"], "figure": ["visits recall"], "value": [float("nan")], "n": [0],
                         "corpus_dir": ["c"], "gold_dir": ["g"], "commit": ["abc"], "computed": ["2026-01-01"]})
    table = side_by_side(runs, ["visits recall", "visits precision"], {"a": "A", "b": "B"})
    assert table["A"].tolist() == ["– (nothing coded)", "not run"] and table["B"].eq("not run").all()
    assert "*B*: not run yet" in runs_note(runs, {"a": "A", "b": "B"})


def test_every_cell_is_a_value_of_the_file():
    results = load_results(RESULTS)
    table = side_by_side(latest_runs(results))
    for heading in SETS.values():
        for cell in table[heading]:
            assert cell == "not run" or cell.startswith("–") or cell.split(" ")[0].replace(".", "").isdigit()


def test_a_cell_shows_the_baseline_of_its_set():
    runs = pd.DataFrame({"label": ["d", "d, baseline"], "figure": ["visits recall"] * 2, "value": [0.9, 0.2],
                         "n": [10, 10]})
    import helpers.report.evaluation as ev

    old = dict(ev.BASELINES)
    ev.BASELINES.clear()
    ev.BASELINES["d"] = "d, baseline"
    try:
        assert side_by_side(runs, ["visits recall"], {"d": "D"})["D"].tolist() == ["0.90 (n = 10; before: 0.20)"]
    finally:
        ev.BASELINES.clear()
        ev.BASELINES.update(old)
