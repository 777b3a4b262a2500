"""The static site: offline, script-free, corpus text shown as text; stored notebooks kept clean."""
import nbformat
import pandas as pd
import pytest

from helpers.report.build import clean_notebook, notebook_paths, render_site, unsafe_parts
from helpers.report.text import md_quote

HOSTILE = 'Kim visits <script>alert("x")</script> Hanoi <img src=x onerror="alert(1)"> [link](javascript:alert(2))'


def _hostile_notebook(folder):
    table = pd.DataFrame({"text": [HOSTILE]}).to_html()
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# 99 Hostile\n\nA page quoting scraped text: " + HOSTILE),
        nbformat.v4.new_code_cell("x", execution_count=1, outputs=[
            nbformat.v4.new_output("display_data", data={"text/html": table, "text/plain": HOSTILE}),
            nbformat.v4.new_output("display_data", data={"text/markdown": md_quote(HOSTILE)}),
            nbformat.v4.new_output("display_data", data={"text/html": HOSTILE}),
        ]),
    ])
    path = folder / "99_hostile.ipynb"
    nbformat.write(nb, path)
    return path


def test_hostile_corpus_text_executes_nothing_and_fetches_nothing(tmp_path):
    site = tmp_path / "site"
    render_site([_hostile_notebook(tmp_path)], site)
    page = (site / "99_hostile.html").read_text(encoding="utf-8")
    assert unsafe_parts(page) == []
    assert "alert(" in page  # the text is still there, shown as text
    assert unsafe_parts((site / "index.html").read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("snippet, problem", [
    ("<script src='a.js'></script>", "script element"),
    ('<img src="x.png" onerror="go()">', "event-handler attribute"),
    ('<a href="javascript:go()">x</a>', "javascript: URL"),
    ('<link rel="stylesheet" href="https://cdn.example.org/a.css">', "remote resource"),
    ("<style>@import url('https://fonts.example.org/f.css');</style>", "remote resource"),
])
def test_unsafe_parts_are_detected(snippet, problem):
    assert problem in unsafe_parts(f"<html><body>{snippet}</body></html>")
    assert unsafe_parts('<p>see <a href="https://example.org">a link</a></p>') == []


def test_stored_notebooks_are_clean_and_executed_in_order():
    paths = notebook_paths()
    assert paths, "no notebooks found"
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        counts = [c.execution_count for c in nb.cells if c.cell_type == "code"]
        assert counts == list(range(1, len(counts) + 1)), path.name
        assert not any(o.output_type == "error" for c in nb.cells if c.cell_type == "code" for o in c.outputs)
        before = nbformat.writes(nb)
        clean_notebook(nb)
        assert nbformat.writes(nb) == before, f"{path.name} carries volatile metadata: run python -m helpers.build"


def test_notebooks_follow_the_house_rules():
    for path in notebook_paths():
        nb = nbformat.read(path, as_version=4)
        assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")
        code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
        assert "sys.path" not in code and "import *" not in code and "../seeds" not in code, path.name
        n_md = sum(c.cell_type == "markdown" for c in nb.cells)
        n_code = sum(c.cell_type == "code" for c in nb.cells)
        assert n_md >= n_code // 2, path.name
