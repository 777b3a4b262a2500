"""Synthetic corpora for benchmarks, generated from the seeds at run time (nothing is committed).

Each synthetic article is a seed with its years shifted, its people renamed and
one numbered sentence added (so no two texts are the same), written with a
catalog row and the real outlet registry: it goes through the same loader path
as a real article.
"""
from __future__ import annotations

import csv
import random
import re
import shutil
from pathlib import Path

from helpers.paths import SEEDS_DIR

# Renamings: a person in the seeds -> stand-ins, so names vary as in a larger corpus.
RENAME = {
    "Ho Chi Minh": ["Le Duan", "Truong Chinh", "Pham Hung", "Vo Van Kiet"],
    "Kim Jong Un": ["Kim Jong Il", "Choe Ryong Hae", "Pak Pong Ju"],
    "Kim Jong-un": ["Kim Jong-il", "Choe Ryong-hae", "Pak Pong-ju"],
    "Nguyen Phu Trong": ["Nguyen Van Linh", "Do Muoi", "Le Kha Phieu"],
    "Luong Cuong": ["To Lam", "Vo Van Thuong", "Nguyen Xuan Phuc"],
}
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-2]\d)\b")


def _vary(text: str, rng: random.Random, serial: int) -> str:
    shift = rng.randint(-3, 3)
    text = _YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)
    for name, options in RENAME.items():
        text = text.replace(name, rng.choice(options + [name]))
    # A numbered closing paragraph keeps every text distinct.
    return text.rstrip("\n") + f"\n\nThis is article number {serial} of a synthetic benchmark corpus.\n"


def make_corpus(target: Path, n: int, seed: int = 0) -> Path:
    """Write ``n`` synthetic articles, their catalog and the outlet registry into ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    with open(SEEDS_DIR / "catalog.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    sources = [(SEEDS_DIR / r["file"]).read_text(encoding="utf-8") for r in rows]
    shutil.copy(SEEDS_DIR / "outlets.csv", target / "outlets.csv")
    with open(target / "catalog.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
        writer.writeheader()
        for i in range(n):
            k = i % len(rows)
            name = f"syn_{i:06d}.txt"
            (target / name).write_text(_vary(sources[k], rng, i), encoding="utf-8")
            writer.writerow({**rows[k], "file": name})
    return target
