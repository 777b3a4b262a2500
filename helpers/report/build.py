"""Execute every notebook top to bottom in a fresh kernel and render the static HTML site.

    python -m helpers.build               # all notebooks, in place, then site/
    python -m helpers.build --only 02     # one notebook (by number), then site/
    python -m helpers.build --no-execute  # render the stored outputs only
    python -m helpers.build --seeds DIR --out OUT   # the whole collection on another corpus folder

With ``--seeds``, copies of the notebooks are executed on the corpus folder ``DIR`` (its articles,
``catalog.csv`` and ``outlets.csv``; ``python -m helpers.corpus.combine`` makes one from several) and
written to ``OUT/notebooks/``, and their site to ``OUT/site/``; the committed notebooks, ``seeds/`` and
``site/`` are left untouched. The notebooks find the folder through the environment the build sets
(``VN_DPRK_CORPUS``, and ``VN_DPRK_DUPLICATES`` from ``--duplicates``; see :mod:`helpers.paths`).

Each notebook runs in a new kernel of the current Python environment, so the
stored outputs are the ones nbval compares. Volatile metadata (execution
timings, interpreter versions) is stripped so that a rerun that changes
nothing leaves no diff. The site has an index page and one page per notebook;
it loads nothing from another host and contains no script: corpus text and
Markdown are sanitised, and the build fails if a page would run code.
"""
from __future__ import annotations

import argparse
import html
import os
import re
import shutil
import sys
from pathlib import Path

from helpers.paths import CORPUS_ENV, DUPLICATE_POLICIES, DUPLICATES_ENV, NOTEBOOKS_DIR, SITE_DIR

_NOTEBOOK_NAME = re.compile(r"^\d\d_[a-z0-9_]+\.ipynb$")
_KEEP_CELL_METADATA = ("tags",)
# What an offline, script-free page must not contain (case-insensitive).
_FORBIDDEN = {
    "script element": re.compile(r"<script\b", re.I),
    "event-handler attribute": re.compile(r"<[^>]*\son[a-z]+\s*=", re.I),
    "javascript: URL": re.compile(r"(?:href|src)\s*=\s*[\"']?\s*javascript:", re.I),
    "remote resource": re.compile(r"(?:<(?:link|img|iframe|embed|object|source|audio|video)\b[^>]*\s(?:src|href)\s*=\s*[\"']?(?:https?:)?//"
                                  r"|@import\s+(?:url\()?[\"']?(?:https?:)?//|url\(\s*[\"']?(?:https?:)?//)", re.I),
}


def notebook_paths(only: list[str] | None = None, folder: Path = NOTEBOOKS_DIR) -> list[Path]:
    """The collection's notebooks in reading order, optionally only those numbered in ``only``."""
    paths = sorted(p for p in folder.glob("*.ipynb") if _NOTEBOOK_NAME.match(p.name))
    if only:
        wanted = {n.zfill(2) for n in only}
        paths = [p for p in paths if p.name[:2] in wanted]
        if not paths:
            raise SystemExit(f"no notebook numbered {', '.join(sorted(wanted))} in {folder}")
    return paths


def clean_notebook(nb) -> None:
    """Strip volatile metadata in place: timings, interpreter versions, widget state."""
    nb.metadata = {
        "kernelspec": {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"},
        "language_info": {"name": "python"},
    }
    for cell in nb.cells:
        cell.metadata = {k: v for k, v in cell.metadata.items() if k in _KEEP_CELL_METADATA}


def execute_notebook(path: Path, timeout: int = 600) -> None:
    """Run ``path`` top to bottom in a fresh kernel of this environment and save it cleaned."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", allow_errors=False,
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    clean_notebook(nb)
    nbformat.validate(nb)
    nbformat.write(nb, path)


_ALLOWED_TAGS = frozenset(
    "a abbr b blockquote br caption code col colgroup dd del div dl dt em h1 h2 h3 h4 h5 h6 hr i img kbd li ol p pre "
    "s samp small span strong sub sup table tbody td tfoot th thead tr u ul".split()
)
_ALLOWED_ATTRIBUTES = {
    "*": ["class", "id", "title", "align", "colspan", "rowspan", "data-mime-type"],
    "a": ["href", "title", "class", "id"],
    "img": ["src", "alt", "width", "height", "class"],
}
_STYLE_BLOCK = re.compile(r"<style\b[^>]*>.*?</style>", re.I | re.S)


def clean_html(element) -> str:
    """Keep the HTML of text, tables and links; drop scripts, handlers, styles and anything else.

    Replaces nbconvert's own filter, whose allow-list has no paragraphs,
    headings or table headers. pandas' ``<style scoped>`` blocks are removed
    whole (the page's own stylesheet styles tables).
    """
    import bleach

    text = element.decode() if isinstance(element, bytes) else str(element)
    return bleach.clean(_STYLE_BLOCK.sub("", text), tags=_ALLOWED_TAGS, attributes=_ALLOWED_ATTRIBUTES,
                        protocols=["http", "https", "mailto", "data"], strip=True, strip_comments=True)


def unsafe_parts(page: str) -> list[str]:
    """What in an HTML page could run code or fetch from another host (empty when safe)."""
    return [name for name, pattern in _FORBIDDEN.items() if pattern.search(page)]


def _title_and_summary(nb) -> tuple[str, str]:
    first = next((c.source for c in nb.cells if c.cell_type == "markdown"), "")
    title = next((l.lstrip("# ").strip() for l in first.splitlines() if l.startswith("#")), "Untitled")
    prose = [l.strip() for l in first.splitlines() if l.strip() and not l.startswith("#")]
    return title, (prose[0] if prose else "")


def render_site(paths: list[Path], site_dir: Path = SITE_DIR) -> Path:
    """Render ``paths`` to ``site_dir`` (one page each and index.html); returns the index page."""
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="offline", extra_template_basedirs=[str(Path(__file__).resolve().parent / "templates")])
    exporter.sanitize_html = True
    exporter.register_filter("clean_html", clean_html)
    site_dir.mkdir(parents=True, exist_ok=True)
    entries = []
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": path.stem}})
        problems = unsafe_parts(body)
        if problems:
            raise RuntimeError(f"{path.name}: the rendered page would contain {', '.join(problems)}; not written")
        (site_dir / f"{path.stem}.html").write_text(body, encoding="utf-8")
        entries.append((path.stem, *_title_and_summary(nb)))
    items = "\n".join(
        f'<li><a href="{html.escape(stem)}.html">{html.escape(title)}</a><p>{html.escape(summary)}</p></li>'
        for stem, title, summary in entries
    )
    index = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>vn-dprk-press</title>
<style>body{{font-family:system-ui,sans-serif;max-width:46em;margin:2em auto;line-height:1.5;padding:0 1em}}
li{{margin-bottom:1em}} li p{{margin:.2em 0;color:#444}}</style></head>
<body><h1>vn-dprk-press</h1>
<p>How the press tells the story of Vietnam&ndash;North Korea (DPRK) relations: research notebooks on a
small corpus of English-language articles from state and independent media, every number computed from the
corpus and traceable to its sentence.</p>
<ol>
{items}
</ol></body></html>
"""
    if unsafe_parts(index):
        raise RuntimeError("index.html would contain unsafe parts; not written")
    out = site_dir / "index.html"
    out.write_text(index, encoding="utf-8")
    return out


def _other_corpus(seeds: Path, out: Path, duplicates: str, only: list[str] | None) -> tuple[list[Path], Path]:
    """Copy the notebooks into ``out/notebooks`` and point this process's environment (inherited by the
    kernels) at ``seeds``; returns the copies and the site folder ``out/site``."""
    seeds, out = seeds.resolve(), out.resolve()
    if not seeds.is_dir():
        raise SystemExit(f"{seeds}: no such corpus folder")
    if out in (NOTEBOOKS_DIR.parent.resolve(), NOTEBOOKS_DIR.resolve(), SITE_DIR.resolve()):
        raise SystemExit(f"{out}: give an output folder outside the collection's own notebooks and site")
    target = out / "notebooks"
    target.mkdir(parents=True, exist_ok=True)
    copies = []
    for path in notebook_paths(only):
        shutil.copyfile(path, target / path.name)
        copies.append(target / path.name)
    os.environ[CORPUS_ENV], os.environ[DUPLICATES_ENV] = str(seeds), duplicates
    return copies, out / "site"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers.build", description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="+", metavar="NN", help="notebook numbers to execute (default: all)")
    parser.add_argument("--no-execute", action="store_true", help="render stored outputs without executing")
    parser.add_argument("--site", type=Path, default=SITE_DIR, help=f"site folder (default: {SITE_DIR})")
    parser.add_argument("--seeds", type=Path, help="execute copies of the notebooks on this corpus folder")
    parser.add_argument("--out", type=Path, help="with --seeds: where the executed copies and their site go")
    parser.add_argument("--duplicates", choices=DUPLICATE_POLICIES, default="error",
                        help="with --seeds: refuse two files with the same text (error) or keep the first")
    args = parser.parse_args(argv)
    if (args.seeds is None) != (args.out is None):
        parser.error("--seeds and --out go together")
    paths, site = notebook_paths(args.only), args.site
    if args.seeds is not None:
        if args.no_execute:
            parser.error("--seeds executes the notebooks; it cannot go with --no-execute")
        paths, site = _other_corpus(args.seeds, args.out, args.duplicates, args.only)
    if not args.no_execute:
        from helpers.pipeline import load_corpus
        from helpers.report.problems import problems_report

        print(problems_report(load_corpus()), flush=True)  # what the notebooks will list in 01
        for path in paths:
            print(f"executing {path.name}", flush=True)
            execute_notebook(path)
    index = render_site(paths if args.seeds is not None else notebook_paths(), site)
    print(f"site: {index}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
