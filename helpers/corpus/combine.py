"""Several corpus folders made into one, for running the whole collection on more articles.

    python -m helpers.corpus.combine OUT DIR [DIR ...]

copies every ``*.txt`` article of each ``DIR`` into ``OUT`` and writes one ``catalog.csv`` (every row of
every catalog, with the union of their columns) and one ``outlets.csv`` (every outlet once). Nothing is
overwritten or guessed: an article file name used by two folders, an outlet that two registries classify
differently, a missing catalog or registry, or an ``OUT`` that already holds articles stops the command
with a :class:`helpers.corpus.load.CorpusError` naming each file and problem, before anything is written.
The combined folder is an ordinary corpus folder: ``load_corpus(OUT)`` or
``python -m helpers.build --seeds OUT --out SITE_DIR``.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pandas as pd

from helpers.corpus.load import CorpusError

FILES = ("catalog.csv", "outlets.csv")


def _read(folder: Path, name: str, problems: list[str]) -> pd.DataFrame | None:
    path = folder / name
    if not path.is_file():
        problems.append(f"{path}: missing (every corpus folder holds {' and '.join(FILES)})")
        return None
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        problems.append(f"{path}: cannot be read as UTF-8 CSV ({exc})")
        return None


def combine_folders(out: str | Path, folders: list[str | Path]) -> Path:
    """Copy the articles of ``folders`` into ``out`` with one merged catalog and outlet registry."""
    out, folders = Path(out), [Path(f) for f in folders]
    problems: list[str] = []
    if out.exists() and (any(out.glob("*.txt")) or any((out / n).exists() for n in FILES)):
        problems.append(f"{out}: already holds articles or a catalog; give an empty or new folder")
    catalogs, registries, owner = [], [], {}
    for folder in folders:
        if not folder.is_dir():
            problems.append(f"{folder}: not a folder")
            continue
        for f in sorted(folder.glob("*.txt")):
            if f.name in owner:
                problems.append(f"{f}: the file name is also used in {owner[f.name]}; rename one of them")
            owner.setdefault(f.name, folder)
        cat, reg = _read(folder, "catalog.csv", problems), _read(folder, "outlets.csv", problems)
        if cat is not None:
            catalogs.append(cat)
        if reg is not None:
            registries.append(reg.assign(_source=str(folder / "outlets.csv")))
    outlets = pd.concat(registries, ignore_index=True) if registries else pd.DataFrame(columns=["outlet", "_source"])
    for name, rows in outlets.groupby("outlet", sort=True):
        fields = rows.drop(columns="_source").drop_duplicates()
        if len(fields) > 1:
            problems.append(f"outlet {name!r} is classified differently in {', '.join(rows['_source'])}")
    if problems:
        raise CorpusError(problems)
    out.mkdir(parents=True, exist_ok=True)
    for name, folder in owner.items():
        shutil.copyfile(folder / name, out / name)
    pd.concat(catalogs, ignore_index=True).fillna("").to_csv(out / "catalog.csv", index=False)
    (outlets.drop(columns="_source").drop_duplicates("outlet", ignore_index=True).fillna("")
     .to_csv(out / "outlets.csv", index=False))
    return out


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) < 2:
        print(__doc__.split("\n\n")[1].strip(), file=sys.stderr)
        return 2
    try:
        out = combine_folders(args[0], args[1:])
    except CorpusError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"{out}: {len(list(out.glob('*.txt')))} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
