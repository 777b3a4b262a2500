"""The gazetteer: people, countries, organisations, places and outlets, with aliases.

Curated knowledge lives in ``helpers/data/``:

- ``gazetteer.csv``: one row per entity (``entity_id``, ``canonical``, ``type``,
  ``subtype``, ``country`` as ISO alpha-3, ``aliases``/``demonyms``/``short_forms``
  separated by ``|``, ``founder``, ``source``);
- ``offices.csv``: offices held by people, with years and a ``level``
  (``head of party or state`` | ``government`` | ...);
- ``titles.csv``: title words ("President", "Premier", "leader") with the role
  and level they imply.

:class:`AliasMatcher` finds every alias in a text in one pass of one compiled
regular expression (built as a character trie, so the cost does not grow with
the number of aliases). It matches on a *folded* copy of the text that has
exactly the raw text's length (case, diacritics, hyphens, curly apostrophes and
odd spaces folded one character for one character), so offsets found on the
folded text are exact offsets into the raw text.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from helpers.paths import data_file

ENTITY_TYPES = ("person", "country", "organisation", "place", "outlet")
LIST_COLUMNS = ("aliases", "demonyms", "short_forms")
_GAZ_COLUMNS = ("entity_id", "canonical", "type", "subtype", "country", *LIST_COLUMNS, "founder", "source")
_OFFICE_COLUMNS = ("entity_id", "office", "level", "paramount", "start_year", "end_year", "source")
_ALPHA3 = re.compile(r"^[A-Z]{3}$")

# ---------------------------------------------------------------------------
# Folding: one character in, one character out, so offsets survive.
# ---------------------------------------------------------------------------
_SPECIAL = {
    "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ı": "i",
    "’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "ʻ": "'",
    "‐": " ", "‑": " ", "‒": " ", "–": " ", "—": " ", "-": " ", "_": " ",
}


class _FoldTable(dict):
    """str.translate table computed lazily, one output char per input char."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if ch.isspace():
            base = " "
        else:
            base = _SPECIAL.get(ch) or unicodedata.normalize("NFD", ch)[0]
        low = base.lower()
        out = low if len(low) == 1 else base
        self[code] = out
        return out


_FOLD = _FoldTable()
_ASCII_BYTES = bytes(range(128))


def _ascii_part(table) -> bytes:
    """The ASCII part of a translate table as a bytes table; bytes >= 0x80 (the pieces of multi-byte UTF-8
    characters) map to themselves, so translating a text's UTF-8 encoding maps its ASCII characters only."""
    return bytes(ord(table[i]) if i < 128 else i for i in range(256))


def _translate(text: str, table, ascii_table: bytes) -> str:
    """``text.translate(table)`` for a one-character-for-one table, without its per-character lookups.

    The ASCII characters go through one bytes.translate (``ascii_table = _ascii_part(table)``), then
    each distinct non-ASCII character of the text is replaced by str.replace.
    """
    if text.isascii():
        return text.encode("ascii").translate(ascii_table).decode("ascii")
    data = text.encode("utf-8", "surrogatepass")
    others = data.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")  # the non-ASCII characters
    subst = {ch: table[ord(ch)] for ch in set(others)}
    subst = {ch: out for ch, out in subst.items() if out != ch}
    if any(out in subst for out in subst.values()):
        return text.translate(table)  # a replacement that another would change again: one char at a time
    out = data.translate(ascii_table).decode("utf-8", "surrogatepass")
    for ch, new in subst.items():
        out = out.replace(ch, new)
    return out


_ASCII_FOLD = _ascii_part(_FOLD)


def fold(text: str) -> str:
    """Case-, diacritic-, hyphen- and apostrophe-folded copy of ``text`` of the same length.

    >>> fold("Hồ Chí Minh’s Kim Jong-Un")
    "ho chi minh's kim jong un"
    """
    return _translate(text, _FOLD, _ASCII_FOLD)


def fold_alias(alias: str) -> str:
    """Fold an alias for lookup: as :func:`fold`, with runs of spaces collapsed."""
    return " ".join(fold(alias).split())


# ---------------------------------------------------------------------------
# Loading and validation
# ---------------------------------------------------------------------------
def _split(cell) -> tuple[str, ...]:
    if cell is None or (isinstance(cell, float) and pd.isna(cell)) or cell is pd.NA:
        return ()
    return tuple(part.strip() for part in str(cell).split("|") if part.strip())


def _read_csv(path: Path, required: tuple[str, ...]) -> pd.DataFrame:
    if not path.is_file():
        raise FileNotFoundError(f"{path}: gazetteer data file not found")
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in required if c not in df.columns]
    if missing:
        raise ValueError(f"{path.name}: missing column(s) {', '.join(missing)}")
    return df


def load_gazetteer(path: str | Path | None = None) -> pd.DataFrame:
    """One row per entity; ``aliases``, ``demonyms`` and ``short_forms`` are tuples of strings.

    The canonical name is always among the aliases. Raises ``ValueError`` naming
    the row for a duplicate id, an unknown type, a bad country code, an entity
    without aliases, or an alias claimed by two entities.
    """
    path = Path(path) if path is not None else data_file("gazetteer.csv")
    df = _read_csv(path, _GAZ_COLUMNS)
    df = df.loc[:, list(_GAZ_COLUMNS)].copy()
    for col in ("entity_id", "canonical", "type", "subtype", "country", "source"):
        df[col] = df[col].str.strip()
    dup = df["entity_id"][df["entity_id"].duplicated()]
    if len(dup):
        raise ValueError(f"{path.name}: duplicate entity_id {sorted(set(dup))}")
    bad_type = df[~df["type"].isin(ENTITY_TYPES)]
    if len(bad_type):
        row = bad_type.iloc[0]
        raise ValueError(f"{path.name}: entity {row.entity_id!r} has type {row.type!r}, expected one of {ENTITY_TYPES}")
    bad_cc = df[(df["country"] != "") & ~df["country"].str.match(_ALPHA3)]
    if len(bad_cc):
        row = bad_cc.iloc[0]
        raise ValueError(f"{path.name}: entity {row.entity_id!r} has country {row.country!r}, expected ISO alpha-3")
    for col in LIST_COLUMNS:
        df[col] = df[col].map(_split)
    df["aliases"] = [
        aliases if canonical in aliases else (canonical, *aliases)
        for canonical, aliases in zip(df["canonical"], df["aliases"])
    ]
    df["founder"] = df["founder"].str.lower().isin(("true", "1", "yes"))
    seen: dict[str, str] = {}
    for eid, aliases, demonyms in zip(df["entity_id"], df["aliases"], df["demonyms"]):
        for alias in (*aliases, *demonyms):
            key = _match_key(alias)
            if seen.setdefault(key, eid) != eid:
                raise ValueError(f"{path.name}: alias {alias!r} is claimed by both {seen[key]!r} and {eid!r}")
    df["country"] = df["country"].replace("", pd.NA)
    return df.set_index("entity_id", drop=False).rename_axis(None)


def load_offices(path: str | Path | None = None, gazetteer: pd.DataFrame | None = None) -> pd.DataFrame:
    """Offices with years; ``end_year`` is NA for an office still held. Checks ids against the gazetteer.

    ``paramount`` marks the office that makes its holder the country's top leader
    (party head, or the founder's state office), which "the leader" refers to.
    """
    path = Path(path) if path is not None else data_file("offices.csv")
    df = _read_csv(path, _OFFICE_COLUMNS).loc[:, list(_OFFICE_COLUMNS)].copy()
    for col in ("start_year", "end_year"):
        try:
            df[col] = pd.to_numeric(df[col].replace("", pd.NA)).astype("Int64")
        except (ValueError, TypeError) as exc:
            raise ValueError(f"{path.name}: column {col} must hold years: {exc}") from None
    df["paramount"] = df["paramount"].str.lower().isin(("true", "1", "yes"))
    if df["start_year"].isna().any():
        raise ValueError(f"{path.name}: every office needs a start_year")
    gaz = gazetteer if gazetteer is not None else load_gazetteer()
    unknown = sorted(set(df["entity_id"]) - set(gaz["entity_id"]))
    if unknown:
        raise ValueError(f"{path.name}: entity_id(s) not in the gazetteer: {unknown}")
    return df


def load_titles(path: str | Path | None = None) -> pd.DataFrame:
    """Title words ("President", "leader") with the role and level they imply."""
    path = Path(path) if path is not None else data_file("titles.csv")
    return _read_csv(path, ("title", "role", "level", "source"))


@functools.lru_cache(maxsize=1)
def load_suffixes() -> frozenset[str]:
    """Word endings that make a name into a derived word ("Korean", "Asians"): never glue."""
    df = _read_csv(data_file("derivational_suffixes.csv"), ("suffix",))
    return frozenset(df["suffix"].str.strip().str.lower())


@dataclass(frozen=True)
class Office:
    office: str
    level: str
    paramount: bool
    start_year: int
    end_year: int | None

    def held_in(self, year: int | None) -> bool:
        """True when held at some point of ``year``; any office counts when ``year`` is None."""
        return year is None or (self.start_year <= year and (self.end_year is None or year <= self.end_year))


def offices_by_entity(offices: pd.DataFrame) -> dict[str, list[Office]]:
    """Offices as plain objects keyed by entity, for fast lookups inside extraction loops."""
    out: dict[str, list[Office]] = {}
    for eid, off, lv, par, sy, ey in zip(offices["entity_id"], offices["office"], offices["level"],
                                          offices["paramount"], offices["start_year"], offices["end_year"]):
        out.setdefault(eid, []).append(Office(off, lv, bool(par), int(sy), None if pd.isna(ey) else int(ey)))
    return out


def offices_held(offices: pd.DataFrame, entity_id: str, year: int) -> pd.DataFrame:
    """The offices ``entity_id`` held at some point of ``year`` (inclusive bounds)."""
    o = offices[offices["entity_id"] == entity_id]
    end = o["end_year"].fillna(9999)
    return o[(o["start_year"] <= year) & (end >= year)]


# ---------------------------------------------------------------------------
# Matching
# ---------------------------------------------------------------------------
def _match_key(alias: str) -> str:
    return fold_alias(alias) if not _is_acronym(alias) else alias


def _is_acronym(alias: str) -> bool:
    """Acronyms (DPRK, U.S., KCNA) match case-sensitively and only as whole words."""
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and " " not in alias.strip()


def _trie_regex(words: list[str]) -> str:
    """A regex alternation of folded ``words`` built as a trie; at each position the longest word wins.

    It reads the *marked* text of :meth:`AliasMatcher._mark`: a first letter a-z is matched as its
    capital (the mark of a capital letter a name may begin at), a later letter a-z in either case.
    """
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: dict, first: bool) -> str:
        end = "" in node
        branches = []
        for ch in sorted(k for k in node if k):
            if ch == " ":
                piece = " +"
            elif "a" <= ch <= "z":
                piece = ch.upper() if first else f"[{ch}{ch.upper()}]"
            else:
                piece = re.escape(ch)
            branches.append(piece + build(node[ch], False))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return build(trie, True)


# Capital letters of the Latin script (the extended blocks also hold small letters: _accept checks).
_CAPITAL = re.compile("[A-Z\u00c0-\u00de\u0100-\u024f\u1e00-\u1eff]")


def _start_chars(first_letters: set[str]) -> frozenset[str]:
    """The characters a name can begin at: capitals of _CAPITAL, upper case, folding to an alias's first letter."""
    return frozenset(c for c in map(chr, range(0x2000))
                     if _CAPITAL.match(c) and c.isupper() and _FOLD[ord(c)] in first_letters)


class _MarkTable(dict):
    """As _FOLD, except for the characters given with their marks (see :meth:`AliasMatcher._mark`)."""

    def __init__(self, marks: dict[str, str]):
        super().__init__((ord(c), m) for c, m in marks.items())

    def __missing__(self, code: int) -> str:
        self[code] = out = _FOLD[code]
        return out


def _acronym_regex(acronyms: list[str]) -> re.Pattern:
    r"""Acronyms as whole words, longest first: ``(?<![\w.])(?:A|B)(?!\w)`` written ``(?:A(?<![\w.]A)|...)``.

    The look-behind after each literal tests the same character as one before it, but the pattern now
    starts with literals, so the regex engine skips straight to the letters an acronym can begin with.
    """
    alts = [f"{re.escape(a)}(?<![\\w.]{re.escape(a)})" for a in sorted(acronyms, key=len, reverse=True)]
    return re.compile("(?:" + "|".join(alts) + r")(?![\w])")


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    entity_id: str
    form: str  # 'name' | 'demonym' | 'acronym'


class AliasMatcher:
    """Finds gazetteer aliases in raw text; built once, reused for every document.

    Rules (general, not tied to any article):

    - names match case-insensitively on folded text, but must begin with a capital
      letter in the raw text (so the preposition in "went to Lam Dong" is not "To Lam");
    - acronyms (all capitals) match case-sensitively, as whole words;
    - a name normally needs a word boundary on each side. Text glued together by
      scraping is accepted where the seam shows: a lower-case letter directly
      followed by the name's capital ("ComradeKim"), or a multi-word name directly
      followed by lower-case letters ("Kim Jong Unin") when its last word is
      capitalised. Because the longest alias wins at each position, a name that
      is part of a longer known name ("Vietnamese", "Ho Chi Minh City") is never
      matched short.
    """

    def __init__(self, gazetteer: pd.DataFrame):
        self.gazetteer = gazetteer
        name_keys: dict[str, tuple[str, str]] = {}
        acro_keys: dict[str, tuple[str, str]] = {}
        for eid, aliases, demonyms in zip(gazetteer["entity_id"], gazetteer["aliases"], gazetteer["demonyms"]):
            for form, items in (("name", aliases), ("demonym", demonyms)):
                for alias in items:
                    if _is_acronym(alias):
                        acro_keys[alias] = (eid, "acronym")
                    else:
                        name_keys[fold_alias(alias)] = (eid, form)
        self._names = name_keys
        self._acros = acro_keys
        self._multiword = {k: (" " in k) for k in name_keys}
        self._suffixes = load_suffixes()
        self._name_re = re.compile(_trie_regex(list(name_keys)))
        self._starts = _start_chars({k[0] for k in name_keys})
        marks = {c: _FOLD[ord(c)].upper() for c in self._starts if "a" <= _FOLD[ord(c)] <= "z"}
        self._marks = _MarkTable(marks)
        self._ascii_marks = _ascii_part(self._marks)
        self._acro_re = _acronym_regex(list(acro_keys)) if acro_keys else None

    def _mark(self, raw: str) -> str:
        """:func:`fold` of ``raw`` with each capital a name can begin at marked as an upper-case letter.

        A folded text holds no letter A-Z, so the alias regex (a-z first letters written as capitals)
        can only match at those capitals, and the regex engine skips from one to the next by itself
        (with the shipped gazetteer, "Hồ Chí Minh’s KIM" -> "Ho Chi Minh's KIM", fold: "ho chi minh's kim").
        An alias beginning with another letter than a-z is matched on the folded letter and
        checked against the start characters in :meth:`spans`.
        """
        return _translate(raw, self._marks, self._ascii_marks)

    def _key(self, folded_span: str) -> str:
        return " ".join(folded_span.split())

    def find(self, raw: str, start: int = 0, end: int | None = None, folded: str | None = None) -> list[Match]:
        """All non-overlapping alias matches in ``raw[start:end]``, in text order.

        ``folded`` (optional, to fold a text once for several calls) must be ``fold(raw)``, the whole
        text: a match's boundary is judged by the characters around it, which may lie outside
        ``start:end`` (a name ending a sentence, followed by more text of the document).
        """
        return [Match(*t) for t in self.spans(raw, start, end, folded)]

    def spans(self, raw: str, start: int = 0, end: int | None = None,
              folded: str | None = None) -> list[tuple[int, int, str, str]]:
        """:meth:`find` as plain ``(start, end, entity_id, form)`` tuples, for loops over many documents."""
        end = len(raw) if end is None else end
        folded = fold(raw) if folded is None else folded
        if len(folded) != len(raw):
            raise ValueError(f"folded text has {len(folded)} characters, the raw text {len(raw)}: pass fold(raw)")
        out: list[tuple[int, int, str, str]] = []
        pos = start
        names, multiword, starts, accept, n = self._names, self._multiword, self._starts, self._accept, len(raw)
        # A name begins at a capital letter of the raw text: the alias regex reads the marked text, which keeps
        # those capitals, so each search goes straight to the next name (one Python step per name, not per capital).
        # finditer goes on from the end of each match, as a search from there would; a rejected match
        # starts a new finditer one character after its start.
        finditer, marked, more = self._name_re.finditer, self._mark(raw), True
        while more:
            more = False
            for m in finditer(marked, pos, end):
                s, e = m.span()
                key = folded[s:e]
                if (hit := names.get(key)) is None:
                    hit = names.get(key := self._key(key))  # a run of spaces inside the name
                # A name standing between non-alphanumeric characters needs no further check (see _accept).
                if hit is not None and raw[s] in starts and (
                        ((s == 0 or not folded[s - 1].isalnum()) and (e == n or not folded[e].isalnum()))
                        or accept(raw, folded, s, e, multiword[key])):
                    out.append((s, e, *hit))
                    pos = e
                else:
                    pos, more = s + 1, True
                    break
        if self._acro_re is not None:
            out = self._add_acronyms(raw, start, end, out)
        return out

    def _add_acronyms(self, raw: str, start: int, end: int, names: list[tuple]) -> list[tuple]:
        """``names`` (in text order, non-overlapping) and the acronyms that overlap none of them, in text order."""
        starts = [t[0] for t in names]
        out = list(names)
        for m in self._acro_re.finditer(raw, start, end):
            s, e = m.span()
            # Names do not overlap and come in text order, so only the last one starting before e can reach s.
            j = bisect_left(starts, e) - 1
            if j < 0 or names[j][1] <= s:
                out.append((s, e, *self._acros[m.group()]))
        if len(out) > len(names):
            out.sort(key=lambda t: t[0])
        return out

    def _accept(self, raw: str, folded: str, s: int, e: int, multiword: bool) -> bool:
        if not raw[s].isupper():
            return False
        if s > 0 and folded[s - 1].isalnum():
            if not raw[s - 1].islower():  # only a lower->Upper seam counts as glue
                return False
        if e < len(raw) and folded[e].isalnum():
            nxt = raw[e]
            if nxt.isupper():
                return True  # "VietnamNorth": camel-case seam
            if not (multiword and nxt.islower()):
                return False
            tail = re.match(r"[^\W\d_]+", folded[e:e + 12]).group()
            if tail in self._suffixes:  # "Northeast Asian", "North Koreans": a derived word
                return False
            # "Kim Jong Unin": the name's last word is capitalised in the raw text
            if not raw[folded.rfind(" ", s, e) + 1].isupper():
                return False
        return True

