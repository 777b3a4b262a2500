"""In-sample and out-of-sample figures side by side, read from the committed results file.

The development texts (``../shared/devset``) are third-party articles kept outside the project, so their
figures cannot be recomputed from what a reader has; ``python -m helpers.evaluate ... --save`` writes them,
with the code version and date, to ``evaluation/results.csv``, and these helpers render them. The seeds'
row is saved by the same command (``python -m helpers.evaluate seeds --save ...``), and a test checks it
against a live run, so it cannot go stale unnoticed.

- :func:`latest_runs`: the figures of each evaluation set (baseline runs are kept apart by their label);
- :func:`side_by_side`: one row per figure, one column per evaluation set, each cell "value (n)";
- :func:`runs_note`: what each column was computed on, with which commit and when, in words;
- :func:`markdown_table`, :func:`readme_block`: the same table in Markdown, for the README;
  ``python -m helpers.report.evaluation`` prints it, ``--write README.md`` puts it between the README's
  ``<!-- figures ... -->`` and ``<!-- end figures -->`` markers.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pandas as pd

from helpers.evaluate.results import load_results
from helpers.paths import REPO_ROOT

RESULTS = REPO_ROOT / "evaluation" / "results.csv"
EXTRACTION_FIGURES = ("publication date right", "publication date and basis right", "temporal expressions right",
                      "visits recall", "visits precision")
DATE_FIGURES = EXTRACTION_FIGURES[:3]
VISIT_FIGURES = EXTRACTION_FIGURES[3:]
# The sets shown, in order: label in the results file -> column heading.
SETS = {
    "seeds (in-sample)": "seeds (in-sample)",
    "kcna15 (development)": "kcna15 (out-of-sample, development)",
    "kcna_2011_2012 sample (development)": "kcna 2011–2012 sample (out-of-sample, development)",
}


def latest_runs(results: pd.DataFrame | None = None, sets: dict[str, str] | None = None) -> pd.DataFrame:
    """The rows of ``results`` (default: the committed file) whose label is one of ``sets`` or their baselines."""
    results = load_results(RESULTS) if results is None else results
    sets = SETS if sets is None else sets
    wanted = list(sets) + [BASELINES[k] for k in sets if k in BASELINES]
    return results[results["label"].isin(wanted)].reset_index(drop=True)


# The runs made before any rule was changed for a development set: shown beside its figures, so a reader sees
# how far the rules moved on text they were then tuned to.
BASELINES = {label: f"{label}, baseline before any rule change for it" for label in list(SETS)[1:]}


def _cell(value, n, before=None) -> str:
    if pd.isna(value) or int(n) == 0:
        return "– (nothing coded)"
    was = f"; before: {before:.2f}" if before is not None and not pd.isna(before) else ""
    return f"{value:.2f} (n = {int(n)}{was})"


def side_by_side(runs: pd.DataFrame, figures=EXTRACTION_FIGURES, sets: dict[str, str] | None = None) -> pd.DataFrame:
    """One row per figure, one column per evaluation set; a cell reads "0.84 (n = 31)".

    >>> runs = pd.DataFrame({"label": ["a", "b"], "figure": ["visits recall"] * 2, "value": [1.0, 0.5], "n": [4, 6]})
    >>> side_by_side(runs, ["visits recall"], {"a": "A", "b": "B"}).to_dict("records")
    [{'figure': 'visits recall', 'A': '1.00 (n = 4)', 'B': '0.50 (n = 6)'}]
    """
    sets = SETS if sets is None else sets
    table = pd.DataFrame({"figure": list(figures)})
    for label, heading in sets.items():
        own = runs[runs["label"] == label].set_index("figure")
        base = runs[runs["label"] == BASELINES.get(label)].set_index("figure")
        table[heading] = [_cell(own.at[f, "value"], own.at[f, "n"],
                                base.at[f, "value"] if f in base.index else None) if f in own.index else "not run"
                          for f in table["figure"]]
    return table


AGREEMENT_LABEL = "kcna_2011_2012_sample: agreement of two coders"


def agreement_table(results: pd.DataFrame | None = None, label: str = AGREEMENT_LABEL) -> pd.DataFrame:
    """The agreement of the two blind codings of a sample (``python -m helpers.evaluate.agreement --save``):
    one row per figure, with the count it rests on."""
    results = load_results(RESULTS) if results is None else results
    own = results[results["label"] == label]
    return pd.DataFrame({"agreement": own["figure"].tolist(),
                         "value": [f"{v:.2f}" if v != int(v) or "kappa" in f or "agreement" in f or "same" in f
                                   else str(int(v)) for f, v in zip(own["figure"], own["value"])],
                         "n": own["n"].astype(int).tolist(), "over": own["over"].tolist()})


def runs_note(runs: pd.DataFrame, sets: dict[str, str] | None = None) -> str:
    """Each column's corpus, coding, code version and date, in one paragraph."""
    sets = SETS if sets is None else sets
    parts = []
    for label, heading in sets.items():
        own = runs[runs["label"] == label]
        if own.empty:
            parts.append(f"*{heading}*: not run yet")
            continue
        r = own.iloc[0]
        gold = r["gold_dir"] if isinstance(r["gold_dir"], str) and r["gold_dir"] else "its codebooks"
        parts.append(f"*{heading}*: `{r['corpus_dir']}` against `{gold}`, code version {r['commit']}, {r['computed']}")
    return ("Each figure rests on the count in brackets; \"before\" is the same figure measured before any rule was "
            "changed for that set. " + "; ".join(parts) + ". The seeds are the text the rules "
            "were written on, so their figures are upper bounds; the development sets are real agency copy the rules "
            "were not written for (rules were then improved on them, so they are development, not test, figures); "
            "articles of other outlets remain the real test.")


def markdown_table(table: pd.DataFrame) -> str:
    """A DataFrame as a GitHub Markdown table (text cells, no index)."""
    head = "| " + " | ".join(table.columns) + " |"
    rule = "| " + " | ".join("---" for _ in table.columns) + " |"
    body = ["| " + " | ".join(str(v) for v in row) + " |" for row in table.itertuples(index=False)]
    return "\n".join([head, rule, *body])


def readme_block(results: pd.DataFrame | None = None) -> str:
    """The README's table of extraction figures, rendered from the results file."""
    return markdown_table(side_by_side(latest_runs(results)))


_MARKERS = re.compile(r"(<!-- figures[^>]*-->\n).*?(\n<!-- end figures -->)", re.DOTALL)


def write_readme(path: str | Path, results: pd.DataFrame | None = None) -> None:
    """Replace the table between the README's figure markers with the one rendered from the results file."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    if not _MARKERS.search(text):
        raise ValueError(f"{path}: no '<!-- figures -->' ... '<!-- end figures -->' markers to write between")
    path.write_text(_MARKERS.sub(lambda m: m.group(1) + readme_block(results) + m.group(2), text, count=1),
                    encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--write"]:
        write_readme(sys.argv[2])
    else:
        sys.stdout.write(readme_block() + "\n")
