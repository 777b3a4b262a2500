"""Tables that cite a sentence link to its place in the evidence viewer; dates shown at their precision.

- :func:`viewer_href`: the relative address of a sentence in the viewer, ``articles/<doc_id>.html#s<sent_id>``;
- :func:`linked`: a table whose cited text (its ``sentence``, ``evidence``, ``text`` or ``term`` column, or the one
  named) becomes a link to the sentence its row comes from, found by the row's ``doc_id`` and ``sent_id``
  (columns or index levels). In a notebook, ``show(table)`` becomes ``show(linked(table))``, and
  ``events[EVENT_COLUMNS]`` becomes ``linked(events, EVENT_COLUMNS)`` (ids read from the whole table);
- :func:`at_precision`: date columns printed at the precision a ``<column>_precision`` (or ``precision``)
  column gives, so a month prints ``2023-01`` and a year ``2022``, never a made-up first of January.

A linked table prints exactly as the table would (its text repr, its HTML with pandas' own options and
escaping); only the cited cells become anchors. Every character of a cell is escaped, the address is built
from the row's ids (percent-encoded), so corpus text cannot put markup, a script or a handler in the page.

The address is relative to the notebook's page on the site: :data:`VIEWER_ROOT` (``articles/``) when the
notebook pages sit in the site's root beside the ``articles/`` folder the viewer writes
(:func:`helpers.report.viewer.write_article_pages`); a site that puts them one folder down sets it to
``../articles/`` (or passes ``root=``).

>>> viewer_href("000_abc", 3)
'articles/000_abc.html#s3'
>>> viewer_href("a b<", None, root="../articles/")
'../articles/a%20b%3C.html'
"""
from __future__ import annotations

import html
from urllib.parse import quote

import pandas as pd

from helpers.report.text import fmt_date

VIEWER_ROOT = "articles/"
TEXT_COLUMNS = ("sentence", "evidence", "text", "term", "surface")


def viewer_href(doc_id, sent_id=None, root: str | None = None) -> str:
    """The viewer address of a document, at its sentence ``sent_id`` when one is given (not missing)."""
    base = f"{VIEWER_ROOT if root is None else root}{quote(str(doc_id), safe='')}.html"
    if sent_id is None or pd.isna(sent_id):
        return base
    return f"{base}#s{int(sent_id)}"


def _column(table: pd.DataFrame, name: str) -> pd.Series | None:
    """A column or an index level of ``table`` as a Series aligned to its rows, or None."""
    if name in table.columns:
        return table[name]
    if name in (table.index.names or []):
        return pd.Series(table.index.get_level_values(name), index=table.index)
    return None


def at_precision(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` with each date column printed at its precision, where the table says it: a column ``X`` with a
    column ``X_precision`` beside it, or a single date column with a ``precision`` column. Other tables are
    returned unchanged (the same object).

    >>> t = pd.DataFrame({"published": pd.to_datetime(["2023-01-01", "2022-01-01"]),
    ...                   "published_precision": ["month", "year"]})
    >>> at_precision(t)["published"].tolist()
    ['2023-01', '2022']
    """
    if not isinstance(table, pd.DataFrame):
        return table
    dates = [c for c in table.columns if pd.api.types.is_datetime64_any_dtype(table[c])]
    changed = {}
    for col in dates:
        precision = table.get(f"{col}_precision")
        if precision is None and len(dates) == 1:
            precision = table.get("precision")
        if isinstance(precision, pd.Series):
            changed[col] = pd.Series([fmt_date(v, p) for v, p in zip(table[col], precision)],
                                     index=table.index, dtype=object)
    return table.assign(**changed) if changed else table


class LinkedTable:
    """A table shown as itself, its cited text linked to the viewer (see :func:`linked`).

    ``table`` is the DataFrame as given (``.table`` gives it back for further work); ``column`` the linked
    column; ``hrefs`` the address of each row (None: no link).
    """

    def __init__(self, table: pd.DataFrame, column: str, hrefs: list):
        self.table, self.column, self.hrefs = table, column, hrefs

    def __repr__(self) -> str:
        return repr(self.table)

    def _repr_html_(self) -> str:
        shown = self.table.copy()
        plain = shown._repr_html_() or ""
        marker = "LINKCELL"
        while marker in plain:  # a marker the table's own text never contains
            marker += "X"
        anchors = {}
        cells = []
        for i, (value, href) in enumerate(zip(self.table[self.column].tolist(), self.hrefs)):
            text = "" if value is None or (isinstance(value, float) and value != value) else str(value)
            if href is None:
                cells.append(value)
                continue
            token = f"{marker}{i}{marker}"
            what = "sentence" if "#" in href else "article"
            anchors[token] = (f'<a href="{html.escape(href, quote=True)}" title="the {what} in the evidence '
                              f'viewer">{html.escape(text, quote=False)}</a>')
            cells.append(token)
        shown[self.column] = pd.Series(cells, index=shown.index, dtype=object)
        out = shown._repr_html_() or ""
        for token, anchor in anchors.items():
            out = out.replace(f">{token}<", f">{anchor}<", 1)
        return out


def linked(table: pd.DataFrame, columns=None, text: str | None = None, doc: str = "doc_id", sent: str = "sent_id",
           root: str | None = None):
    """``table`` with the text each row cites linked to its sentence in the evidence viewer.

    ``columns`` (optional) are the columns to show, the ids being read from the whole ``table`` first, so a
    table can link by ids it does not show: ``linked(events, EVENT_COLUMNS)`` for ``events[EVENT_COLUMNS]``.
    ``text`` is the linked column (default: the first of ``sentence``, ``evidence``, ``text``, ``term``,
    ``surface`` shown, else the ``sent_id`` or ``doc_id`` column itself); ``doc`` and ``sent`` name the columns
    or index levels that give the row's ``doc_id`` and ``sent_id`` (a row with no sentence id links to the
    article's page; a row with no ``doc_id`` is not linked). Dates are shown at their precision
    (:func:`at_precision`). A table without a ``doc_id`` is returned as it is (``table[columns]``), so
    ``linked`` never stops a notebook.
    """
    if not isinstance(table, pd.DataFrame):
        return table
    docs, sents = _column(table, doc), _column(table, sent)
    shown = at_precision(table if columns is None else table[list(columns)])
    text = text or next((c for c in (*TEXT_COLUMNS, sent, doc) if c in shown.columns), None)
    if text is None or text not in shown.columns or docs is None or not shown.columns.is_unique:
        return shown
    sents = sents.tolist() if sents is not None else [None] * len(table)
    hrefs = [None if d is None or pd.isna(d) else viewer_href(d, s, root) for d, s in zip(docs.tolist(), sents)]
    return LinkedTable(shown, text, hrefs)
