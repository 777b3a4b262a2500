"""How far two hand codings of the same articles agree, and the coding that settles their differences.

Two coders, blind to each other, code the same covered articles under ``evaluation/VISITS_CODEBOOK.md``.
Their trips are paired by the scorer's own rule (same article and countries, the same person, dates
that agree at the coarser precision, :mod:`helpers.evaluate.score`), one to one in file order.

:func:`visit_agreement` reports, each with the counts it rests on:

- *trips*: how many each coder found and how many both found; positive specific agreement
  ``2·both / (a + b)`` (the share of coded trips the other coder also coded: with no list of
  non-trips there is no chance-corrected kappa for finding units);
- *articles*: Cohen's kappa for "this article has a trip in scope" over the covered articles;
- among the trips both found: the share with the same strictness (and its kappa), and the share with
  the same dates exactly and at the coarser precision.

:func:`adjudicate` makes the gold coding from the two: every trip both found, ``strict`` only if both
coders called it strict, with the coarser of the two dates (the date both accounts support; none where they disagree); a trip
only one coder found is kept as ``optional`` (an extractor is neither penalised for missing it nor
wrong to find it), with a note that says so.
"""
from __future__ import annotations

import pandas as pd

from helpers.dates.intervals import parse_interval
from helpers.evaluate.score import dates_agree, fold_name, same_person

_RANK = {"decade": 0, "year": 1, "month": 2, "week": 2, "day": 3}


def _dates(row) -> tuple[str, str]:
    return row["date_start"], row["date_end"]


def agree_on_dates(r, s) -> bool:
    """Whether two coded trips' dates agree at the coarser precision (either way round)."""
    return dates_agree(_dates(r), _dates(s)) and dates_agree(_dates(s), _dates(r))


def pair_trips(a: pd.DataFrame, b: pd.DataFrame) -> list[tuple[int, int]]:
    """Index pairs ``(row of a, row of b)`` of the same trip (article, countries, person), one to one;
    where several of b's trips fit one of a's, one whose dates agree is preferred."""
    used, pairs = set(), []
    for i, r in a.iterrows():
        cands = [j for j, s in b[(b["file"] == r["file"]) & (b["from_country"] == r["from_country"])
                                 & (b["to_country"] == r["to_country"])].iterrows()
                 if j not in used and same_person(r["visitor"], {fold_name(s["visitor"])})]
        if cands:
            j = next((j for j in cands if agree_on_dates(r, b.loc[j])), cands[0])
            used.add(j)
            pairs.append((i, j))
    return pairs


def cohen_kappa(x: list, y: list) -> float:
    """Cohen's kappa of two equally long label lists (NaN when chance agreement is total)."""
    n = len(x)
    if n == 0:
        return float("nan")
    observed = sum(p == q for p, q in zip(x, y)) / n
    labels = set(x) | set(y)
    expected = sum((x.count(k) / n) * (y.count(k) / n) for k in labels)
    return float("nan") if expected == 1 else (observed - expected) / (1 - expected)


def visit_agreement(a: pd.DataFrame, b: pd.DataFrame, covered: list[str]) -> pd.DataFrame:
    """The agreement figures of two visit codings of the ``covered`` articles (figure, value, n, over)."""
    pairs = pair_trips(a, b)
    both = len(pairs)
    has_a = [f in set(a["file"]) for f in covered]
    has_b = [f in set(b["file"]) for f in covered]
    strict_a = [a.at[i, "strictness"] for i, _ in pairs]
    strict_b = [b.at[j, "strictness"] for _, j in pairs]
    exact = sum((a.at[i, "date_start"], a.at[i, "date_end"]) == (b.at[j, "date_start"], b.at[j, "date_end"])
                for i, j in pairs)

    def share(k, n):
        return k / n if n else float("nan")

    rows = [
        ("trips coded by coder A", len(a), len(covered), "covered articles"),
        ("trips coded by coder B", len(b), len(covered), "covered articles"),
        ("trips coded by both", both, len(a) + len(b), "trips of coder A plus trips of coder B"),
        ("positive agreement on trips", share(2 * both, len(a) + len(b)), len(a) + len(b),
         "trips of coder A plus trips of coder B"),
        ("kappa, article has a trip", cohen_kappa(has_a, has_b), len(covered), "covered articles"),
        ("same strictness", share(sum(p == q for p, q in zip(strict_a, strict_b)), both), both, "trips coded by both"),
        ("kappa, strictness", cohen_kappa(strict_a, strict_b), both, "trips coded by both"),
        ("same dates, exactly", share(exact, both), both, "trips coded by both"),
        ("same dates at the coarser precision", share(sum(agree_on_dates(a.loc[i], b.loc[j]) for i, j in pairs), both),
         both, "trips coded by both"),
    ]
    return pd.DataFrame(rows, columns=["figure", "value", "n", "over"])


def _coarser(d1: tuple[str, str], d2: tuple[str, str]) -> tuple[str, str]:
    def rank(d):
        iv = parse_interval(d[0] or d[1], d[1] or None, strict=False)
        return -1 if iv is None else _RANK.get(iv.precision, 0)
    return d1 if rank(d1) <= rank(d2) else d2


def adjudicate(a: pd.DataFrame, b: pd.DataFrame) -> pd.DataFrame:
    """The gold coding from two codings (see the module docstring); coder A's evidence span is kept."""
    pairs = pair_trips(a, b)
    rows = []
    for i, j in pairs:
        r, s = a.loc[i], b.loc[j]
        start, end = _coarser(_dates(r), _dates(s))
        if not agree_on_dates(r, s):  # the coders date the trip differently: no date is settled
            start, end = "", ""
        strict = "strict" if r["strictness"] == s["strictness"] == "strict" else "optional"
        note = "both coders" + ("" if r["strictness"] == s["strictness"]
                                else f"; strictness A {r['strictness']}, B {s['strictness']}")
        note += "" if agree_on_dates(r, s) else "; dates disagree, left open"
        rows.append({**r.to_dict(), "date_start": start, "date_end": end, "strictness": strict, "note": note})
    for table, name, idx in ((a, "A", {i for i, _ in pairs}), (b, "B", {j for _, j in pairs})):
        for k in table.index.difference(list(idx)):
            rows.append({**table.loc[k].to_dict(), "strictness": "optional", "note": f"coder {name} only"})
    columns = list(a.columns) + ([] if "note" in a.columns else ["note"])
    return pd.DataFrame(rows, columns=columns).sort_values(["file", "span_start"], kind="stable", ignore_index=True)


def main(argv: list[str] | None = None) -> int:
    """``python -m helpers.evaluate.agreement FOLDER [--save RESULTS.csv]``: the agreement of
    ``FOLDER/visits_coder_a.csv`` and ``visits_coder_b.csv`` over ``FOLDER/covered.csv``, printed (and
    saved), and the adjudicated coding written to ``FOLDER/visits.csv``."""
    import argparse
    from pathlib import Path

    from helpers.evaluate.results import save_results

    parser = argparse.ArgumentParser(prog="python -m helpers.evaluate.agreement", description=main.__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--save", help="write the figures to this results CSV")
    args = parser.parse_args(argv)
    read = lambda name: pd.read_csv(args.folder / name, dtype=str, keep_default_na=False)  # noqa: E731
    a, b, covered = read("visits_coder_a.csv"), read("visits_coder_b.csv"), read("covered.csv")["file"].tolist()
    figures = visit_agreement(a, b, covered)
    print(figures.to_string(index=False))
    gold = adjudicate(a, b)
    gold.to_csv(args.folder / "visits.csv", index=False)
    print(f"adjudicated coding: {args.folder / 'visits.csv'} ({len(gold)} trips, "
          f"{(gold['strictness'] == 'strict').sum()} strict)")
    if args.save:
        save_results(args.save, figures, label=f"{args.folder.name}: agreement of two coders",
                     corpus_dir="", gold_dir=str(args.folder))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
