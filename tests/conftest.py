"""Shared fixtures: the real corpus (loaded once) and a factory for small seed folders."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import load_corpus
from helpers.paths import SEEDS_DIR


@pytest.fixture(scope="session")
def corpus():
    return load_corpus()


@pytest.fixture
def seeds_copy(tmp_path) -> Path:
    """A writable copy of the repository's seeds folder."""
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, target)
    for f in target.iterdir():
        f.chmod(0o644)
    return target
