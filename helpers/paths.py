"""Where the collection keeps its files. Resolved from this package, never from the working directory."""
from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_ROOT = PACKAGE_DIR.parent
DATA_DIR = PACKAGE_DIR / "data"
SEEDS_DIR = REPO_ROOT / "seeds"
NOTEBOOKS_DIR = REPO_ROOT / "notebooks"
SITE_DIR = REPO_ROOT / "site"


def data_file(name: str) -> Path:
    """Path of a curated data file shipped with the package (helpers/data/NAME)."""
    path = DATA_DIR / name
    if not path.is_file():
        raise FileNotFoundError(f"{path}: curated data file is missing from the helpers package")
    return path
