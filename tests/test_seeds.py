"""The project's seeds are the corpus handed over, byte for byte, and every seed is catalogued."""
import hashlib

import pandas as pd

from helpers.paths import SEEDS_DIR


def test_seed_files_match_recorded_sha256_sums():
    lines = (SEEDS_DIR / "SHA256SUMS").read_text().splitlines()
    names = {line.split(maxsplit=1)[1].strip() for line in lines}
    assert names == {p.name for p in SEEDS_DIR.glob("*.txt")}  # every seed is summed, and only seeds
    for line in lines:
        digest, name = line.split(maxsplit=1)
        assert hashlib.sha256((SEEDS_DIR / name.strip()).read_bytes()).hexdigest() == digest, name


def test_registry_marks_ambiguous_outlets_with_an_alternative_and_evidence():
    registry = pd.read_csv(SEEDS_DIR / "outlets.csv", dtype=str, keep_default_na=False)
    ambiguous = registry[registry["ambiguous"] == "true"]
    assert len(ambiguous) >= 2
    assert (ambiguous["alternative_media_system"] != ambiguous["media_system"]).all()
    assert registry["evidence"].str.len().gt(40).all()
