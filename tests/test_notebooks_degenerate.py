"""Every notebook on corpora a user can give that the seeds are not: one article, one media system, no article
the seeds' codebooks cover, no date, no visit, no frame match, an article with no body, a body not in English.

The code cells of each notebook run in this process, in order, in one namespace per notebook (as a kernel
would run them; ``display`` and ``plt.show`` are captured), on small corpora made here from invented text
and from single seed files, so the suite stays fast. What must hold on any of them: every cell runs; no
rendered sentence prints NaN, None or an empty list; no output counts more articles than the corpus has;
a section that cannot compare the two media systems says so instead of printing a test; scores against
the seeds' codebooks say that nothing is scored when nothing is coded.
"""
from __future__ import annotations

import ast
import contextlib
import io
import re
import shutil
from pathlib import Path

import matplotlib
import nbformat
import pandas as pd
import pytest

from helpers.paths import CORPUS_ENV, DUPLICATES_ENV, REPO_ROOT, SEEDS_DIR

matplotlib.use("Agg")

NOTEBOOKS = sorted((REPO_ROOT / "notebooks").glob("0*.ipynb"))
OUTLETS = ("outlet,country,ownership,media_system,ambiguous,alternative_media_system,evidence\n"
           "Example Daily,VNM,private: invented for a test,independent,false,,invented for a test\n")
FAIR = ("Regional Trade Fair Draws Many Exhibitors\n\n"
        "The regional trade fair opened in the exhibition hall with stalls of textiles, furniture and farm machinery.\n"
        "Exhibitors from several provinces showed their products to buyers and visitors.\n"
        "Organisers said the fair would help small firms find new customers and learn about modern packaging.\n")
NAVIGATION = "Home | News | World | Business | Sports | Contact\nTags: trade, fair, exhibition\nRelated articles\n"
NOT_ENGLISH = ("Hội chợ thương mại khu vực thu hút nhiều doanh nghiệp\n\n"
               "Hội chợ thương mại khu vực đã khai mạc tại nhà triển lãm với nhiều gian hàng dệt may và đồ gỗ.\n"
               "Các doanh nghiệp từ nhiều tỉnh đã giới thiệu sản phẩm của mình tới khách hàng và khách tham quan.\n")
MISSING = re.compile(r"\b(?:nan|NaN|NaT|inf)\b")
SENTENCE_START = re.compile(r"(?:^|\n|- |\*\* |[.!?] )$")


def has_missing(text: str) -> bool:
    """Whether a missing value is printed as if it were one: nan, NaT, inf, or a None that does not open a
    sentence or a list item (where it is the English word)."""
    return bool(MISSING.search(text)) or text.strip() == "None" or any(not SENTENCE_START.search(text[:m.start()])
                                             for m in re.finditer(r"\bNone\b", text))
EMPTY_INLINE = re.compile(r":\s*[.;]")  # 'listed: .', 'by row: ;' 


def _invented(folder: Path) -> Path:
    """One outlet, independent media only: an undated article with no date, visit or frame word; a page of
    navigation only (no body); a body in Vietnamese."""
    folder.mkdir()
    (folder / "fair.txt").write_text(FAIR, encoding="utf-8")
    (folder / "navigation.txt").write_text(NAVIGATION, encoding="utf-8")
    (folder / "vietnamese.txt").write_text(NOT_ENGLISH, encoding="utf-8")
    (folder / "catalog.csv").write_text("file,outlet,published,url,note\nfair.txt,Example Daily,,,\n"
                                        "navigation.txt,Example Daily,2024-03,,\nvietnamese.txt,Example Daily,"
                                        "2024-04-02,,\n", encoding="utf-8")
    (folder / "outlets.csv").write_text(OUTLETS, encoding="utf-8")
    return folder


def _seed_files(folder: Path, prefixes: list[str]) -> Path:
    """The seed articles whose file names start with ``prefixes``, with their catalog rows and the registry."""
    folder.mkdir()
    catalog = pd.read_csv(SEEDS_DIR / "catalog.csv", dtype=str, keep_default_na=False)
    keep = catalog[catalog["file"].str[:3].isin(prefixes)]
    for name in keep["file"]:
        shutil.copyfile(SEEDS_DIR / name, folder / name)
    keep.to_csv(folder / "catalog.csv", index=False)
    shutil.copyfile(SEEDS_DIR / "outlets.csv", folder / "outlets.csv")
    return folder


class _Run:
    """The rendered outputs of one notebook run, in order: ``("prose", text)`` for Markdown and printed text,
    ``("table", text)`` for a DataFrame, ``("figure", "")`` for a figure shown."""

    def __init__(self):
        self.items: list[tuple[str, str]] = []

    @property
    def prose(self) -> list[str]:
        return [t for k, t in self.items if k == "prose"]

    @property
    def tables(self) -> list[str]:
        return [t for k, t in self.items if k == "table"]

    def add(self, obj) -> None:
        if hasattr(obj, "_repr_markdown_") and isinstance(getattr(obj, "data", None), str):
            self.items.append(("prose", obj.data))
        elif obj is None:
            self.items.append(("prose", "None"))  # what a kernel would show for display(None)
        elif isinstance(obj, (pd.DataFrame, pd.Series)):
            self.items.append(("table", obj.to_string()))
        elif isinstance(getattr(obj, "table", None), pd.DataFrame):  # a table linked to the viewer
            self.items.append(("table", obj.table.to_string()))
        else:
            self.items.append(("prose", repr(obj)))


def run_notebook(path: Path, monkeypatch) -> _Run:
    """Run the code cells of ``path`` in order in one fresh namespace; a cell's last expression is displayed
    as a kernel would display it. Raises the first cell's error, with the cell."""
    import IPython.display
    import matplotlib.pyplot as plt

    run = _Run()

    def display(*objs, **_):
        for obj in objs:
            run.add(obj)

    def show(*_, **__):
        run.items.extend([("figure", "")] * len(plt.get_fignums()))
        plt.close("all")

    monkeypatch.setattr(IPython.display, "display", display)
    monkeypatch.setattr(plt, "show", show)
    namespace: dict = {"__name__": "__main__"}
    nb = nbformat.read(path, as_version=4)
    with pd.option_context("display.max_colwidth", 50, "display.precision", 6), matplotlib.rc_context():
        for cell in (c for c in nb.cells if c.cell_type == "code"):
            tree = ast.parse(cell.source)
            last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
            out = io.StringIO()
            try:
                with contextlib.redirect_stdout(out):
                    exec(compile(tree, path.name, "exec"), namespace)
                    if last is not None:
                        value = eval(compile(ast.Expression(last.value), path.name, "eval"), namespace)
                        if value is not None:
                            run.add(value)
            except Exception as exc:
                raise AssertionError(f"{path.name}: cell failed: {type(exc).__name__}: {exc}\n{cell.source}") from exc
            if out.getvalue():
                run.items.append(("prose", out.getvalue()))
    plt.close("all")
    return run


CORPORA = {
    "invented, one media system, nothing analysable but one article": lambda tmp: _invented(tmp / "invented"),
    "a single seed article": lambda tmp: _seed_files(tmp / "single", ["000"]),
    "one state and one independent article": lambda tmp: _seed_files(tmp / "pair", ["002", "004"]),
    "independent media only, one outlet of it ambiguous": lambda tmp: _seed_files(tmp / "independent", ["003", "004"]),
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """Every notebook on every corpus of :data:`CORPORA`: {corpus name: (folder, {notebook name: run})}."""
    from helpers.pipeline import load_corpus

    mp = pytest.MonkeyPatch()
    out = {}
    try:
        for name, make in CORPORA.items():
            folder = make(tmp_path_factory.mktemp("degenerate"))
            mp.setenv(CORPUS_ENV, str(folder))
            mp.setenv(DUPLICATES_ENV, "error")
            out[name] = (load_corpus(folder), {p.name: run_notebook(p, mp) for p in NOTEBOOKS})
    finally:
        mp.undo()
    return out


def empty_lists(items: list[tuple[str, str]]) -> list[str]:
    """The rendered lines that promise a list and give none: 'listed: .', 'by row: ;', or a line ending on a
    colon that neither a list item nor a table follows.

    """
    bad = []
    for k, (kind, text) in enumerate(items):
        if kind != "prose":
            continue
        lines = text.splitlines()
        for n, line in enumerate(lines):
            if EMPTY_INLINE.search(line):
                bad.append(line)
            elif line.rstrip().endswith(":"):
                after = [rest for rest in lines[n + 1:] if rest.strip()]
                table_next = not after and k + 1 < len(items) and items[k + 1][0] == "table"
                if not (after and after[0].lstrip().startswith(("- ", "|")) or table_next):
                    bad.append(line)
    return bad


def test_missing_values_are_told_from_the_word_none():
    assert has_missing("precision: nan") and has_missing("a share of None for") and has_missing("x: None")
    assert has_missing("None")  # display(None)
    assert not has_missing("- None of the 3 events is told.") and not has_missing("found. None is")


def test_empty_lists_are_found():
    assert empty_lists([("prose", "Listed: ."), ("prose", "Rows:\n\n- a"), ("prose", "The table:"),
                        ("table", "x")]) == ["Listed: ."]
    assert empty_lists([("prose", "Nothing follows:")]) == ["Nothing follows:"]


@pytest.mark.parametrize("corpus_name", list(CORPORA))
def test_every_sentence_renders_without_missing_values_or_empty_lists(runs, corpus_name):
    corpus, notebooks = runs[corpus_name]
    assert len(notebooks) == len(NOTEBOOKS)
    for name, run in notebooks.items():
        for text in run.prose:
            assert not has_missing(text), (corpus_name, name, text[:400])
        assert not empty_lists(run.items), (corpus_name, name, empty_lists(run.items))


@pytest.mark.parametrize("corpus_name", list(CORPORA))
def test_no_output_counts_more_articles_than_the_corpus_has(runs, corpus_name):
    corpus, notebooks = runs[corpus_name]
    n = len(corpus.documents)
    for name, run in notebooks.items():
        for text in run.prose:
            for m in re.finditer(r"\b(\d[\d,]*) (?:[a-z-]+ )?(?:articles?|bodies|pages)\b", text):
                assert int(m.group(1).replace(",", "")) <= n, (corpus_name, name, m.group(0))


def test_one_media_system_skips_every_comparison_and_says_why(runs):
    corpus, notebooks = runs["invented, one media system, nothing analysable but one article"]
    assert set(corpus.documents["media_system"]) == {"independent"}
    framing = "\n".join(notebooks["04_framing.ipynb"].prose)
    assert "Nothing below compares the two groups" in framing
    assert "relabelling" not in framing and "p-value" not in framing
    chronology = "\n".join(notebooks["02_chronology.ipynb"].prose)
    assert "No article gives a dated statement" in chronology
    assert "2 articles of 3 are set aside" in framing  # no body text, and a body not in English


def test_scores_say_nothing_is_scored_where_nothing_is_coded(runs):
    corpus, notebooks = runs["invented, one media system, nothing analysable but one article"]
    text = "\n".join(notebooks["02_chronology.ipynb"].prose + notebooks["03_leadership_exchanges.ipynb"].prose)
    assert "nothing is scored" in text and "nothing scored" in text
    scores = [t for t in notebooks["02_chronology.ipynb"].tables if "codebook rows" in t]
    assert len(scores) == 1 and "nothing scored" in scores[0] and not re.search(r"\bNaN\b", scores[0])


def test_an_ambiguous_outlet_without_a_comparison_is_named_but_not_recoded(runs):
    corpus, notebooks = runs["independent media only, one outlet of it ambiguous"]
    framing = "\n".join(notebooks["04_framing.ipynb"].prose)
    assert "is marked ambiguous" in framing and "Section 7 reruns" not in framing
    assert "there is no finding whose robustness to test" in framing


def test_one_article_per_group_gives_a_test_that_says_what_it_cannot_show(runs):
    corpus, notebooks = runs["one state and one independent article"]
    framing = "\n".join(notebooks["04_framing.ipynb"].prose)
    assert "Nothing below compares the two groups" not in framing
    assert "No leave-one-out rerun is possible" in framing
    assert "with these groups no difference can be significant" in framing
