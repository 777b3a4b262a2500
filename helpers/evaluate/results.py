"""The committed results file of development evaluations: what was scored, with which version, when.

The development texts are third-party data kept outside the project, so the figures measured on
them are kept in a CSV that the notebooks read (no typed numbers): one row per figure and run, with
the evaluation set's label, the corpus and gold folders as given, the git commit of the code (and
whether the working tree had uncommitted changes), and the date. A rerun replaces the rows of the
same label.
"""
from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pandas as pd

from helpers.paths import REPO_ROOT

COLUMNS = ["label", "figure", "value", "n", "over", "corpus_dir", "gold_dir", "commit", "computed"]


def code_version() -> str:
    """The git commit of the code, with '+changes' if the working tree differs from it ('unknown' outside git)."""
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO_ROOT, capture_output=True,
                                text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "helpers"], cwd=REPO_ROOT, capture_output=True,
                               text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return commit + ("+changes" if dirty else "")


def save_results(path: str | Path, summary: pd.DataFrame, label: str, corpus_dir: str, gold_dir: str,
                 today: dt.date | None = None) -> pd.DataFrame:
    """Write ``summary`` (figure, value, n, over) for ``label`` into the results CSV at ``path``."""
    path = Path(path)
    rows = summary.assign(label=label, corpus_dir=str(corpus_dir), gold_dir=str(gold_dir), commit=code_version(),
                          computed=(today or dt.date.today()).isoformat())[COLUMNS]
    old = load_results(path) if path.is_file() else pd.DataFrame(columns=COLUMNS)
    table = pd.concat([old[old["label"] != label], rows], ignore_index=True) if len(old) else rows
    table.to_csv(path, index=False, float_format="%.4f")
    return table


def load_results(path: str | Path) -> pd.DataFrame:
    """The results file, checked for its columns."""
    table = pd.read_csv(path, dtype={"label": str, "figure": str, "over": str, "commit": str, "computed": str})
    missing = [c for c in COLUMNS if c not in table.columns]
    if missing:
        raise ValueError(f"{path}: results file lacks column(s) {', '.join(missing)}")
    return table
