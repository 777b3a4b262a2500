"""The collection's one palette, read from ``helpers/data/palette.csv`` (each colour with its source).

One colour means one thing in every figure and page:

- ``media_system``: state vermillion, independent blue, anything else grey;
- ``outlet_family``: an outlet takes a colour from its own system's family only (warm for state, cool for
  independent), so no outlet ever wears the other system's colour; :func:`outlet_colors` gives each outlet
  of a set a stable colour (its preferred slot comes from a hash of its name, a taken slot passes to the
  next free one, in name order), the same in every notebook that draws the same outlets;
- ``segment_kind``: neutrals and pale tints for text structure (headline, dateline, body, caption,
  boilerplate), never a media-system or outlet colour;
- ``level``: the levels of an exchange (marker shapes carry them first);
- ``layer``: the annotation layers of the evidence viewer.

Reading the file has no other effect; nothing here touches matplotlib.

>>> colours("media_system")["state"], family("independent")[0]
('#D55E00', '#0072B2')
>>> outlet_colors({"A": "state", "B": "independent"})["B"] in family("independent")
True
"""
from __future__ import annotations

import zlib
from collections.abc import Iterable, Mapping
from functools import lru_cache

import pandas as pd

from helpers.paths import data_file

ROLES = ("media_system", "outlet_family", "segment_kind", "level", "layer")


@lru_cache(maxsize=1)
def load_palette() -> pd.DataFrame:
    """``helpers/data/palette.csv``: role, key, colour, source (one row per colour)."""
    path = data_file("palette.csv")
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = {"role", "key", "colour", "source"} - set(table.columns)
    if missing:
        raise ValueError(f"{path}: lacks columns {sorted(missing)}")
    bad = table[~table["colour"].str.fullmatch(r"#[0-9A-Fa-f]{6}") | ~table["role"].isin(ROLES)]
    if not bad.empty:
        raise ValueError(f"{path}: rows {list(bad.index + 2)} have a colour that is not #RRGGBB or an unknown role")
    single = table[table["role"] != "outlet_family"]
    if single.duplicated(["role", "key"]).any():
        raise ValueError(f"{path}: a role gives one key two colours")
    return table


def colours(role: str) -> dict[str, str]:
    """``key -> colour`` of one role (not ``outlet_family``, which has several colours per key)."""
    t = load_palette()
    return dict(zip(t.loc[t["role"] == role, "key"], t.loc[t["role"] == role, "colour"]))


def family(system: str) -> list[str]:
    """The outlet colours of a media system (``other``'s for a system the palette does not know)."""
    t = load_palette()
    t = t[t["role"] == "outlet_family"]
    known = t.loc[t["key"] == system, "colour"].tolist()
    return known or t.loc[t["key"] == "other", "colour"].tolist()


def system_colour(system) -> str:
    """The colour of a media system; ``other``'s for one the palette does not name."""
    c = colours("media_system")
    return c.get(str(system), c["other"])


def _slot(name: str, size: int) -> int:
    return zlib.crc32(name.encode("utf-8")) % size


def outlet_colors(systems: Mapping[str, str]) -> dict[str, str]:
    """A stable colour per outlet (``outlet -> media system``), from its own system's family.

    Each outlet prefers the slot a hash of its name gives; outlets are placed in name order and a taken slot
    passes to the next free one, so the same set of outlets gets the same colours in every figure, and an
    outlet added to a corpus rarely moves another. A system with more outlets than colours reuses its own
    family's colours (never the other system's).
    """
    out: dict[str, str] = {}
    by_system: dict[str, list[str]] = {}
    for name in sorted(systems):
        by_system.setdefault(str(systems[name]), []).append(name)
    for system, names in by_system.items():
        colours_ = family(system)
        taken: set[int] = set()
        for name in names:
            if len(taken) == len(colours_):
                taken = set()
            slot = _slot(name, len(colours_))
            while slot in taken:
                slot = (slot + 1) % len(colours_)
            taken.add(slot)
            out[name] = colours_[slot]
    return out


def registry_systems(names: Iterable[str]) -> dict[str, str]:
    """Each outlet's media system from the outlet registry of the corpus the notebooks read
    (:func:`helpers.paths.corpus_dir`'s ``outlets.csv``); ``other`` for a name it does not list."""
    from helpers.paths import corpus_dir

    path = corpus_dir() / "outlets.csv"
    known: dict[str, str] = {}
    if path.is_file():
        reg = pd.read_csv(path, dtype=str, keep_default_na=False)
        if {"outlet", "media_system"} <= set(reg.columns):
            known = dict(zip(reg["outlet"], reg["media_system"]))
    return {str(n): known.get(str(n), "other") for n in names}
