"""Where the collection keeps its files. Resolved from this package, never from the working directory.

The one exception is the corpus the notebooks read: :func:`corpus_dir` is ``seeds/`` unless the
environment variable ``VN_DPRK_CORPUS`` names another folder (``python -m helpers.build --seeds DIR``
sets it for the notebooks it executes), and :func:`duplicates_policy` is how that load treats two files
with the same text (``VN_DPRK_DUPLICATES``: ``error``, the default, or ``keep_first``).
"""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_ROOT = PACKAGE_DIR.parent
DATA_DIR = PACKAGE_DIR / "data"
SEEDS_DIR = REPO_ROOT / "seeds"
NOTEBOOKS_DIR = REPO_ROOT / "notebooks"
SITE_DIR = REPO_ROOT / "site"
CORPUS_ENV = "VN_DPRK_CORPUS"
DUPLICATES_ENV = "VN_DPRK_DUPLICATES"
DUPLICATE_POLICIES = ("error", "keep_first")


def corpus_dir() -> Path:
    """The corpus folder the notebooks read: ``$VN_DPRK_CORPUS`` if set, else the repository's ``seeds/``."""
    value = os.environ.get(CORPUS_ENV, "").strip()
    return Path(value).expanduser().resolve() if value else SEEDS_DIR


def duplicates_policy() -> str:
    """``$VN_DPRK_DUPLICATES`` (``error`` or ``keep_first``), ``error`` if unset."""
    value = os.environ.get(DUPLICATES_ENV, "").strip() or "error"
    if value not in DUPLICATE_POLICIES:
        raise ValueError(f"{DUPLICATES_ENV}={value!r} is not one of {', '.join(DUPLICATE_POLICIES)}")
    return value


def data_file(name: str) -> Path:
    """Path of a curated data file shipped with the package (helpers/data/NAME)."""
    path = DATA_DIR / name
    if not path.is_file():
        raise FileNotFoundError(f"{path}: curated data file is missing from the helpers package")
    return path
