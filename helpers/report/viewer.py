"""The evidence viewer: one static page per article, its raw text with every layer marked in place.

:func:`write_article_pages` writes ``OUT/articles/<doc_id>.html`` for every article of a corpus, with one
local stylesheet ``OUT/articles/viewer.css`` and a list of the articles ``OUT/articles/index.html``. A page
shows the catalog facts (outlet, media system, publication date at its precision and how it is known, the
file and its SHA-256, the catalog URL and note), a legend, and the raw text exactly as the file holds it:
its segments shaded by kind and the annotation layers marked in place (see
:mod:`helpers.report.viewer_layers`), each mark's value shown on hover by CSS alone. Every body sentence
carries the anchor ``s<sent_id>`` that tables link to (:mod:`helpers.report.links`).

Inert by construction: corpus text is HTML-escaped character by character (:mod:`helpers.report.viewer_render`)
and attribute values are escaped with quotes; a catalog URL becomes a link only when it is ``http(s)``. The
pages carry no script, load nothing from another host (the stylesheet sits beside them) and declare a
Content-Security-Policy that forbids scripts, frames, objects and remote fetches.

A pure function of the corpus (and optionally its catalog, for the URL and note the loaded tables do not
keep): the same corpus writes the same bytes. Each layer is read once and grouped by document, so the
work grows linearly with the corpus.
"""
from __future__ import annotations

import html
from pathlib import Path
from urllib.parse import quote, urlsplit

import pandas as pd

from helpers.report.palette import colours
from helpers.report.text import fmt_date, plural
from helpers.report.viewer_layers import LAYERS, SEGMENT_KINDS, article_marks, checks_table
from helpers.report.viewer_render import render_marks

CSS_NAME = "viewer.css"
_CSS_TEMPLATE = Path(__file__).resolve().parent / "templates" / "viewer" / CSS_NAME
CSP = ("default-src 'none'; style-src 'self' 'unsafe-inline' file:; img-src 'self' data:; script-src 'none'; "
       "object-src 'none'; frame-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'")
_LAYER_SAMPLES = {"timex": "1958", "mention": "Hanoi", "visit": "visited", "frame": "friendship", "check": "12 May"}


def esc(value) -> str:
    """Any value as escaped HTML text (quotes too, so it is safe inside an attribute); '' for a missing one."""
    if value is None or (isinstance(value, float) and value != value) or value is pd.NA or value is pd.NaT:
        return ""
    return html.escape(str(value), quote=True)


def safe_url(url) -> str:
    """``url`` if it is an absolute ``http``/``https`` address, else '' (``javascript:``, ``data:``,
    relative paths and anything with control characters or spaces are not links).

    >>> safe_url("https://example.org/a?b=1"), safe_url("javascript:alert(1)"), safe_url(" http://x y")
    ('https://example.org/a?b=1', '', '')
    """
    url = "" if url is None or (isinstance(url, float) and url != url) else str(url)
    if not url or any(ord(ch) < 33 or ch in "\"'<>`\\" for ch in url):
        return ""
    parts = urlsplit(url)
    return url if parts.scheme in ("http", "https") and parts.netloc else ""


def _catalog(corpus, catalog) -> pd.DataFrame:
    """``url`` and ``note`` per doc_id: from the documents table if it has them, else from ``catalog``
    (a catalog DataFrame, a ``catalog.csv`` path or its folder), else empty."""
    docs = corpus.document_table
    out = pd.DataFrame({"url": "", "note": ""}, index=docs.index)
    for col in ("url", "note"):
        if col in docs.columns:
            out[col] = docs[col].fillna("").astype(str)
    if catalog is None:
        return out
    if not isinstance(catalog, pd.DataFrame):
        path = Path(catalog)
        path = path / "catalog.csv" if path.is_dir() else path
        if not path.is_file():
            raise FileNotFoundError(f"{path}: no catalog file to read the articles' URLs from")
        catalog = pd.read_csv(path, dtype=str, keep_default_na=False)
    if "file" not in catalog.columns:
        raise ValueError("the catalog has no 'file' column to match the articles by")
    by_file = catalog.drop_duplicates("file").set_index("file")
    for col in ("url", "note"):
        if col in by_file.columns:
            found = docs["file"].map(by_file[col]).fillna("").astype(str)
            out[col] = out[col].where(out[col] != "", found)
    return out


def _palette_css() -> str:
    seg, layer = colours("segment_kind"), colours("layer")
    props = [f"--seg-{k}: {v};" for k, v in seg.items()] + [f"--layer-{k}: {v};" for k, v in layer.items()]
    return "\n/* palette (helpers/data/palette.csv) */\n:root { " + " ".join(props) + " }\n"


def _head(title: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta http-equiv="Content-Security-Policy" content="{esc(CSP)}">'
            f'<meta name="referrer" content="no-referrer">'
            f'<title>{esc(title)}</title><link rel="stylesheet" href="{CSS_NAME}"></head>\n<body>\n')


def _title(doc_id: str, row) -> str:
    title = row.get("title")
    return str(title) if isinstance(title, str) and title.strip() else doc_id


def _system(row, registry: pd.DataFrame) -> str:
    """The media system, with the registry's alternative when it calls the outlet ambiguous."""
    text = f"{esc(row.get('media_system'))} ({esc(row.get('outlet_country'))})"
    if row.get("outlet") in registry.index:
        entry = registry.loc[row.get("outlet")]
        if str(entry.get("ambiguous")).lower() == "true":
            text += f" <span class='hint'>(ambiguous: also read as {esc(entry.get('alternative_media_system'))})</span>"
    return text


def _facts(doc_id: str, row, url: str, note: str, counts: dict[str, int], system: str) -> str:
    published = fmt_date(row.get("published"), row.get("published_precision"), missing="unknown")
    how = ", ".join(x for x in (esc(row.get("published_precision")) and f"{esc(row.get('published_precision'))} precision",
                                esc(row.get("published_basis")), esc(row.get("published_evidence"))) if x)
    link = safe_url(url)
    url_html = (f'<a href="{esc(link)}" rel="noopener noreferrer nofollow">{esc(link)}</a>' if link
                else (f"{esc(url)} (not an http(s) address: not linked)" if url else "none in the catalog"))
    rows = [("outlet", esc(row.get("outlet"))),
            ("media system", system),
            ("published", f"{esc(published)}" + (f" <span class='hint'>({how})</span>" if how else "")),
            ("URL", url_html), ("file", f"{esc(row.get('file'))} <span class='hint'>(id {esc(doc_id)})</span>"),
            ("SHA-256", f"<code>{esc(row.get('sha256'))}</code>"), ("body words", esc(row.get("n_words"))),
            ("marked", esc(", ".join(plural(n, LAYERS[k][1]) for k, n in counts.items()) or "nothing"))]
    if note:
        rows.append(("catalog note", esc(note)))
    return '<dl class="facts">' + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows) + "</dl>\n"


def _legend(has_checks: bool) -> str:
    segs = " ".join(f'<span class="seg seg-{k}">{k}</span>' for k in SEGMENT_KINDS)
    layers = " ".join(f'<span><span class="ann {k}">{_LAYER_SAMPLES[k]}</span> {esc(label)}</span>'
                      for k, (label, _) in LAYERS.items() if k != "check" or has_checks)
    return ('<h2>Legend</h2><div class="legend">'
            f'<div class="group"><b>segments</b> {segs}</div><div class="group"><b>marks</b> {layers}</div></div>\n'
            '<p class="hint">Hover a mark to see its value (the date it resolves to, the entity id, the visit, '
            'the frame). Each body sentence is an anchor: <code>#s0</code>, <code>#s1</code>, &hellip; '
            'A table row that cites a sentence links to it and the sentence is outlined.</p>\n')


def _page(doc_id: str, row, raw: str, marks, url: str, note: str, has_checks: bool, system: str) -> str:
    counts: dict[str, int] = {}
    for m in marks:
        layer = m.css.split()[1] if m.css.startswith("ann ") else ""
        if layer:
            counts[layer] = counts.get(layer, 0) + 1
    title = _title(doc_id, row)
    return (_head(f"{title} · evidence viewer")
            + '<nav><a href="../index.html">Collection</a> · <a href="index.html">All articles</a></nav>\n'
            + f"<h1>{esc(title)}</h1>\n" + _facts(doc_id, row, url, note, counts, system) + _legend(has_checks)
            + '<h2>Text, as the file holds it</h2>\n<div class="raw" id="text">' + render_marks(raw, marks)
            + "</div>\n</body></html>\n")


def _index(docs: pd.DataFrame) -> str:
    rows = []
    for doc_id, row in docs.iterrows():
        published = fmt_date(row.get("published"), row.get("published_precision"), missing="unknown")
        rows.append(f'<tr><td><a href="{esc(quote(str(doc_id)))}.html">{esc(_title(doc_id, row))}</a></td>'
                    f"<td>{esc(row.get('outlet'))}</td><td>{esc(row.get('media_system'))}</td>"
                    f"<td>{esc(published)}</td><td>{esc(row.get('file'))}</td></tr>")
    return (_head("Articles · evidence viewer") + '<nav><a href="../index.html">Collection</a></nav>\n'
            + f"<h1>The articles ({len(docs)})</h1>\n<table class='articles'><thead><tr><th>article</th>"
            "<th>outlet</th><th>media system</th><th>published</th><th>file</th></tr></thead><tbody>"
            + "".join(rows) + "</tbody></table>\n</body></html>\n")


def write_article_pages(corpus, out_dir: str | Path, catalog=None) -> list[Path]:
    """Write the evidence viewer for every article of ``corpus`` into ``out_dir/articles/``.

    Returns the paths written: one ``<doc_id>.html`` per article (in the documents' order), then the
    stylesheet ``viewer.css`` and the list ``index.html``. ``catalog`` (optional: a catalog DataFrame, a
    ``catalog.csv`` or the corpus folder) supplies each article's URL and catalog note where the documents
    table does not carry them. Existing files of the same names are overwritten; nothing else is touched.
    """
    folder = Path(out_dir) / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    docs = corpus.documents
    extra = _catalog(corpus, catalog)
    marks = article_marks(corpus)
    has_checks = checks_table(corpus) is not None
    registry = corpus.outlets.drop_duplicates("outlet").set_index("outlet")
    written = []
    for doc_id, row in docs.iterrows():
        path = folder / f"{doc_id}.html"
        try:
            page = _page(str(doc_id), row, row["raw"], marks.get(doc_id, []), extra.at[doc_id, "url"],
                         extra.at[doc_id, "note"], has_checks, _system(row, registry))
        except ValueError as exc:  # a layer's offsets outside the text: a bug to report with its article
            raise ValueError(f"{row.get('file', doc_id)}: cannot mark the article's layers: {exc}") from exc
        path.write_text(page, encoding="utf-8")
        written.append(path)
    css = folder / CSS_NAME
    css.write_text(_CSS_TEMPLATE.read_text(encoding="utf-8") + _palette_css(), encoding="utf-8")
    index = folder / "index.html"
    index.write_text(_index(docs), encoding="utf-8")
    return written + [css, index]
