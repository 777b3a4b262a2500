"""The corpus folder's files, checked before anything is built: articles, the catalog and the outlet registry.

What an article is: a regular file named ``*.txt`` (lower case) directly inside the seeds folder, or a
symbolic link to such a file in the same folder. Anything else named ``*.txt`` (a directory, a named
pipe, a device, a broken, looping or outside link) is refused by its ``stat``, without being opened; a
catalog row that names anything else (another extension, a path, the catalog itself) is refused too. A
file holding nothing visible (only white space, control or format characters such as NUL, BOM or
zero-width space) is empty. Every check appends ``'file: what is wrong'`` lines to a ``problems`` list;
:mod:`helpers.corpus.load` raises them together.
"""
from __future__ import annotations

import csv
import errno
import hashlib
import io
import os
import re
import stat
import unicodedata
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd

CATALOG = "catalog.csv"
REGISTRY = "outlets.csv"
ARTICLE_SUFFIX = ".txt"
MEDIA_SYSTEMS = ("state", "independent")
_INVISIBLE = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp"})  # control, format and separator characters


# ---------------------------------------------------------------- files

def _kind_problem(path: Path, root: Path | None) -> str | None:
    """Why ``path`` is not a regular file (directly in the resolved folder ``root``, if given),
    judged by ``stat`` alone: nothing is opened."""
    try:
        st = os.lstat(path)
    except OSError as exc:
        return f"cannot be examined ({exc.strerror or exc})"
    if stat.S_ISLNK(st.st_mode):
        try:
            st = os.stat(path)
        except FileNotFoundError:
            return "a broken symbolic link (its target does not exist)"
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                return "a symbolic link that leads back to itself (a loop)"
            return f"a symbolic link that cannot be followed ({exc.strerror or exc})"
        target = Path(os.path.realpath(path))
        if root is not None and target.parent != root:
            return f"a symbolic link to {target}, outside the seeds folder (copy the file in instead)"
    if stat.S_ISDIR(st.st_mode):
        return "a directory, not a file"
    if stat.S_ISFIFO(st.st_mode):
        return "a named pipe (FIFO), not a regular file (it was not opened)"
    if not stat.S_ISREG(st.st_mode):
        return "not a regular file (a socket or a device; it was not opened)"
    return None


def _read_bytes(path: str | Path, root: Path | None, problems: list[str]) -> bytes | None:
    """The bytes of a regular file (in ``root``, if given), or None with the reason added to ``problems``."""
    why = _kind_problem(path, root)
    if why is None:
        try:  # non-blocking, and checked again on the open file, in case it changed since the stat
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
            try:
                st = os.fstat(fd)
                if not stat.S_ISREG(st.st_mode):
                    why = "not a regular file (it changed while being read)"
                else:
                    return _read_fd(fd, st.st_size)
            finally:
                os.close(fd)
        except OSError as exc:
            why = f"cannot be read ({exc.strerror or exc})"
    problems.append(f"{path}: {why}")
    return None


def _read_fd(fd: int, size: int) -> bytes:
    """Everything an open file holds (``size``: what its stat says; it is read to its end whatever)."""
    data = os.read(fd, size + 1)
    if not data:
        return data
    parts = [data]
    while part := os.read(fd, max(size + 1 - len(data), 1 << 16)):
        parts.append(part)
    return b"".join(parts) if len(parts) > 1 else data


def _invisible_only(text: str) -> bool:
    """True if every character is white space, a control or a format character (BOM, NUL, zero-width space)."""
    return all(c.isspace() or unicodedata.category(c) in _INVISIBLE for c in text)


def decoded(raw: str | bytes) -> str:
    """A raw text as a string: the corpus keeps each file's UTF-8 bytes (half the memory of a string
    with any character beyond Latin-1) and a layer decodes the document it works on."""
    return raw.decode("utf-8") if isinstance(raw, (bytes, bytearray)) else raw


def read_seed(path: str | Path, root: Path, problems: list[str]) -> tuple[str, str, bytes] | None:
    """``(text, sha256, bytes)`` of an article file (``path``: a path or its text, as the messages name
    it), or None with the problem recorded."""
    data = _read_bytes(path, root, problems)
    if data is None:
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.append(f"{path}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                        "re-save the file as UTF-8")
        return None
    if _invisible_only(text):
        detail = ""
        if data:
            odd = sorted({f"U+{ord(c):04X}" for c in text if not c.isspace()})
            detail = " (only white space)" if not odd else f" (only white space and invisible characters {', '.join(odd[:5])})"
        problems.append(f"{path}: the file is empty{detail}")
        return None
    return text, hashlib.sha256(data).hexdigest(), data


def content_digest(text: str) -> str:
    """SHA-256 of the text compared for duplicates: BOM, line endings, spacing and Unicode forms folded."""
    folded = " ".join(unicodedata.normalize("NFC", text.lstrip("\ufeff")).split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


_KEY_CHARS = 100  # visible characters at each end of a text in its duplicate key
_KEY_WINDOW = 400  # characters read at each end to find them


def duplicate_key(text: str) -> tuple[str, str]:
    """The first and last visible characters of the folded text: equal for texts with equal
    :func:`content_digest` (folding keeps every visible character), cheap to compute (both ends only,
    normalised by :func:`_nfc_end`)."""
    t = text.lstrip("\ufeff")
    head, tail = "".join(_nfc_end(t, _KEY_WINDOW).split()), "".join(_nfc_end(t, -_KEY_WINDOW).split())
    if len(head) < _KEY_CHARS or len(tail) < _KEY_CHARS:  # a short text, or ends of mostly white space
        head = tail = "".join(unicodedata.normalize("NFC", t).split())
    return head[:_KEY_CHARS], tail[-_KEY_CHARS:]


def _nfc_end(t: str, n: int) -> str:
    """The first ``n`` characters (the last ``-n`` if ``n`` is negative) of ``t`` in NFC, normalising only
    that end of it: the text is cut at a space beyond the end wanted, and NFC of the text is NFC of its two
    pieces joined, as no character composes with a space nor is reordered across it (a space is a
    starter). If the end normalised is too short (characters composed), the cut moves on.

    >>> _nfc_end("Cafe\u0301 au lait", 4), _nfc_end("Cafe\u0301 au lait", -5)
    ('Café', ' lait')
    """
    if t.isascii():
        return t[:n] if n > 0 else t[n:]
    want = abs(n)
    cut = want
    while True:
        if n > 0:
            cut = t.find(" ", cut)
            end = unicodedata.normalize("NFC", t[:cut] if cut >= 0 else t)
        else:
            cut = t.rfind(" ", 0, max(0, len(t) - cut + 1))
            end = unicodedata.normalize("NFC", t[cut:] if cut >= 0 else t)
        if len(end) >= want or cut < 0:
            return end[:want] if n > 0 else end[-want:]
        cut = (cut if n > 0 else len(t) - cut) + want - len(end)


class FirstCopies:
    """Which earlier text each text duplicates (same :func:`content_digest`), in the order they are given.

    The digest folds the whole text, so it is computed only for a text whose cheap
    :func:`duplicate_key` an earlier text shares (and then for that earlier text too).
    """

    def __init__(self):
        self._by_key: dict[tuple[str, str], list[list]] = {}  # key -> [name, raw, digest or None] per first copy

    def first(self, name: str, text: str | None, raw: str | bytes | None = None,
              key: tuple[str, str] | None = None) -> str:
        """The name of the first text with the same content as ``text`` (``name`` itself if none).
        ``raw`` (the text's UTF-8 bytes) is what is kept of a first copy until its digest is needed;
        ``key``, the text's :func:`duplicate_key` if already known, or any value that stands for it (a
        digest of it: texts whose keys collide are told apart by their content digest). With ``key``,
        ``text`` may be None: it is decoded from ``raw`` only if its digest is needed."""
        copies = self._by_key.setdefault(duplicate_key(text) if key is None else key, [])
        digest = content_digest(text if text is not None else decoded(raw)) if copies else None
        for copy in copies:
            if copy[2] is None:
                copy[2] = content_digest(decoded(copy[1]))
            if copy[2] == digest:
                return copy[0]
        copies.append([name, text if raw is None else raw, digest])
        return name


def article_names(root: Path, problems: list[str]) -> list[str]:
    """The name of every entry of ``root`` named ``*.txt``, sorted; a name ending in ``.TXT`` or the like is a
    problem."""
    paths = []
    try:
        names = sorted(os.listdir(root))
    except OSError as exc:
        problems.append(f"{root}: the seeds folder cannot be listed ({exc.strerror or exc})")
        return []
    for name in names:
        if name.endswith(ARTICLE_SUFFIX):
            paths.append(name)
        elif name.lower().endswith(ARTICLE_SUFFIX):
            problems.append(f"{root / name}: an article file name must end in lower-case {ARTICLE_SUFFIX}")
    return paths


def _catalog_name_problem(name: str) -> str | None:
    """Why a catalog ``file`` value cannot name an article, or None."""
    if not name:
        return "the file name is empty"
    if "/" in name or "\\" in name or name in (".", "..") or "\0" in name:
        return "names a path, not a file directly in the seeds folder"
    if not name.endswith(ARTICLE_SUFFIX):
        if name.lower().endswith(ARTICLE_SUFFIX):
            return f"an article file name must end in lower-case {ARTICLE_SUFFIX}"
        return f"is not an article file (articles are {ARTICLE_SUFFIX} files)"
    return None


# ---------------------------------------------------------------- tables

def _ragged(path: Path, rows: list[tuple[int, list[str]]], width: int, header: list[str]) -> str | None:
    bad = [(line, len(fields)) for line, fields in rows if len(fields) != width]
    if not bad:
        return None
    counts = sorted({n for _, n in bad})
    lines = ", ".join(str(line) for line, _ in bad[:10]) + (f" and {len(bad) - 10} more" if len(bad) > 10 else "")
    return (f"{path}: {len(bad)} row(s) (line {lines}) have {' or '.join(map(str, counts))} fields, but the header "
            f"has {width} ({', '.join(header)}); a field too many or too few (an unquoted comma?)")


def read_table(path: Path, required: tuple[str, ...], problems: list[str]) -> pd.DataFrame | None:
    """A CSV table, every field a stripped string; None (with the problem listed) if it cannot be used."""
    if not os.path.lexists(path):
        problems.append(f"{path}: file is missing")
        return None
    data = _read_bytes(path, None, problems)
    if data is None:
        return None
    try:
        reader = csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), strict=True)
        rows = [(reader.line_num, [f.strip() for f in fields]) for fields in reader]
    except (UnicodeDecodeError, csv.Error) as exc:
        problems.append(f"{path}: cannot be read as UTF-8 CSV ({exc})")
        return None
    rows = [(line, fields) for line, fields in rows if any(fields)]  # blank lines
    if not rows:
        problems.append(f"{path}: the table is empty (no header)")
        return None
    header = rows[0][1]
    missing = [c for c in required if c not in header]
    repeated = sorted({c for c in header if header.count(c) > 1})
    why = ((f"{path}: missing column(s) {', '.join(missing)}" if missing else None)
           or (f"{path}: column(s) {', '.join(repeated)} appear more than once" if repeated else None)
           or _ragged(path, rows[1:], len(header), header))
    if why:
        problems.append(why)
        return None
    return pd.DataFrame([fields for _, fields in rows[1:]], columns=header, dtype=str)


def records(table: pd.DataFrame) -> list[dict]:
    """The rows of a table read by :func:`read_table` as dicts (``table.to_dict("records")``, made column by
    column: a catalog has a row per article)."""
    columns = list(table.columns)
    return [dict(zip(columns, row)) for row in zip(*(table[c].tolist() for c in columns))]


def check_registry(registry: pd.DataFrame, where_table: Path, problems: list[str]) -> None:
    for outlet, n in registry["outlet"].value_counts().items():
        if n > 1:
            problems.append(f"{where_table}: outlet {outlet!r} is listed {n} times")
    for row in registry.to_dict("records"):
        where = f"{where_table}: outlet {row['outlet']!r}"
        if row["media_system"] not in MEDIA_SYSTEMS:
            problems.append(f"{where}: media_system {row['media_system']!r} is not one of {', '.join(MEDIA_SYSTEMS)}")
        if not re.fullmatch(r"[A-Z]{3}", row["country"]):
            problems.append(f"{where}: country {row['country']!r} is not an ISO 3166-1 alpha-3 code")
        if row["ambiguous"].lower() not in ("true", "false"):
            problems.append(f"{where}: ambiguous must be true or false, not {row['ambiguous']!r}")
        elif row["ambiguous"].lower() == "true" and row["alternative_media_system"] not in MEDIA_SYSTEMS:
            problems.append(f"{where}: ambiguous outlet needs an alternative_media_system")
        if not row["evidence"]:
            problems.append(f"{where}: no evidence for the classification")


def check_catalog(catalog: pd.DataFrame, root: Path, present: set[str], registry: pd.DataFrame | None,
                   problems: list[str]) -> dict[str, dict]:
    """The catalog rows by file name; every row must name an article file present in ``root``."""
    rows: dict[str, dict] = {}
    outlets = set(registry["outlet"]) if registry is not None else None
    catalog_path = root / CATALOG
    for row in records(catalog):
        name = row["file"]
        where = f"{catalog_path}: row for {name!r}"
        if name in rows:
            problems.append(f"{where}: the file is listed twice")
            continue
        rows[name] = row
        why = _catalog_name_problem(name)
        if why is None and name not in present:
            why = f"no such seed file in {root}"
        if why:
            problems.append(f"{where}: {why}")
        if outlets is not None and row["outlet"] not in outlets:
            problems.append(f"{where}: outlet {row['outlet']!r} is not in the registry {root / REGISTRY}")
        if row.get("published") and parse_catalog_date(row["published"]) is None:
            problems.append(f"{where}: published {row['published']!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        why = url_problem(row.get("url") or "")
        if why:
            problems.append(f"{where}: url {row['url']!r} {why}")
    return rows


def url_problem(url: str) -> str | None:
    """Why a catalog ``url`` cannot cite an article (empty is allowed: no address found), or None: it must be
    an absolute http or https address with a host and no white space.

    >>> url_problem(""), url_problem("https://example.org/news/1.html")
    (None, None)
    >>> url_problem("ftp://example.org/a"), url_problem("example.org/a"), url_problem("https:// x")
    ('is not an http or https address', 'is not an http or https address', 'has white space in it')
    """
    if not url:
        return None
    if any(c.isspace() for c in url):
        return "has white space in it"
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return "is not an http or https address"
    if not parts.netloc or parts.netloc.startswith(".") or "." not in parts.netloc.split(":")[0]:
        return "has no host name"
    return None


@lru_cache(maxsize=1 << 16)
def parse_catalog_date(value: str) -> tuple[pd.Timestamp, str] | None:
    """A catalog's ``published`` (YYYY, YYYY-MM or YYYY-MM-DD) as (timestamp, precision), or None. Kept for
    the next row with the same date (many articles share a day; each parse takes pandas tens of
    microseconds), in worker processes too (they inherit it from the catalog check)."""
    for fmt, precision in (("%Y-%m-%d", "day"), ("%Y-%m", "month"), ("%Y", "year")):
        try:
            return pd.to_datetime(value, format=fmt), precision
        except (ValueError, TypeError):
            continue
    return None
