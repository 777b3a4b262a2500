"""The seeds' own codebooks as a gold folder, so that they are scored by the same path as any hand coding.

The project's seed articles were coded while the rules were written (in-sample):

- ``data/published_codebook.csv``: each seed's publication date, its precision and where a reader finds it;
- ``data/timex_codebook.csv``: every temporal expression of the bodies (with its occurrence number);
- ``data/visit_codebook.csv``: every sentence that states a visit between Vietnam and the DPRK.

:func:`write_seed_gold` writes them in the documented gold format (:mod:`helpers.evaluate.gold`) into a
folder, where :func:`helpers.evaluate.score.evaluate_folder` reads them like any user's coding:
``python -m helpers.evaluate seeds`` does this when no gold folder is given. The visit codebook codes
statements (one row per sentence); the gold format codes trips, so the statements of one trip (same
visitor, countries, dates and status) become one strict row. A temporal expression's nth occurrence
in the body is kept in the gold file's optional ``occurrence`` column.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers.evaluate.codebooks import load_timex_codebook, load_visit_codebook
from helpers.paths import data_file

PUBLISHED_COLUMNS = ["file", "published", "published_precision", "basis_expected"]


def load_published_codebook(path=None) -> pd.DataFrame:
    """The seeds' hand-coded publication dates (``data/published_codebook.csv``), as text."""
    p = data_file("published_codebook.csv") if path is None else Path(path)
    df = pd.read_csv(p, dtype=str, keep_default_na=False)
    missing = [c for c in PUBLISHED_COLUMNS + ["evidence"] if c not in df.columns]
    if missing:
        raise ValueError(f"{p}: missing column(s) {', '.join(missing)}")
    return df


def seed_gold_tables(names: dict[str, str]) -> dict[str, pd.DataFrame]:
    """The four gold tables from the seeds' codebooks; ``names`` maps a codebook ``doc_id`` to its file name.

    >>> t = seed_gold_tables({d: d + ".txt" for d in load_visit_codebook()["doc_id"]})
    >>> sorted(t), list(t["visits.csv"].columns)[:4]
    (['covered.csv', 'documents.csv', 'timexes.csv', 'visits.csv'], ['file', 'visitor', 'from_country', 'to_country'])
    """
    from helpers.knowledge import load_knowledge

    canonical = load_knowledge().canonical_of
    visits = load_visit_codebook()
    trips = (visits.assign(file=visits["doc_id"].map(names), visitor=visits["visitor_id"].map(canonical),
                           strictness="strict")
             [["file", "visitor", "from_country", "to_country", "date_start", "date_end", "status", "strictness"]]
             .drop_duplicates(ignore_index=True))
    unknown = sorted(set(visits["visitor_id"]) - set(canonical))
    if unknown:
        raise ValueError(f"{data_file('visit_codebook.csv')}: visitor_id(s) not in the gazetteer: {', '.join(unknown)}")
    tx = load_timex_codebook().sort_values(["doc_id", "text", "occurrence"], kind="stable")
    timexes = pd.DataFrame({"file": tx["doc_id"].map(names), "text": tx["text"],
                            "value": [f"{v}/{e}" if e else v for v, e in zip(tx["value"], tx["end_value"])],
                            "occurrence": tx["occurrence"].astype(str)})
    documents = load_published_codebook()[PUBLISHED_COLUMNS]
    covered = pd.DataFrame({"file": sorted(set(documents["file"]) | set(trips["file"]) | set(timexes["file"]))})
    return {"covered.csv": covered, "documents.csv": documents, "timexes.csv": timexes, "visits.csv": trips}


def write_seed_gold(folder: str | Path, names: dict[str, str]) -> Path:
    """Write the seeds' codebooks as a gold folder at ``folder`` (created); returns the folder."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name, table in seed_gold_tables(names).items():
        table.to_csv(folder / name, index=False)
    return folder
