"""The whole collection on a corpus larger than the seeds: what every notebook says must stay true.

The corpus is the seeds plus synthetic articles made at run time from the seeds' own text (years shifted,
people renamed, as ``benchmarks/synth.py`` makes them for the benchmarks), combined by
``helpers.corpus.combine`` and run by ``python -m helpers.build --seeds DIR --out OUT``, the README's
"Run the collection on your own articles" path. Kept small, so the suite stays fast.
"""
from __future__ import annotations

import importlib.util
import re

import nbformat
import pytest

from helpers.corpus.combine import combine_folders
from helpers.paths import CORPUS_ENV, DUPLICATES_ENV, REPO_ROOT, SEEDS_DIR
from helpers.pipeline import load_corpus
from helpers.report.build import main as build_main
from helpers.report.labels import article_labels

N_SYNTHETIC = 8
N_SEEDS = len(list(SEEDS_DIR.glob("*.txt")))  # the seeds are the articles the codebooks cover
WORDS = r"(?:articles?|bodies|pages|files)"
# The seeds' count spelled out is prose typed for them ("the five articles"); other spelled numbers serve as
# thresholds ("in at most two articles", "in three articles or more") and are let through.
NUMBER_WORDS = ["five"]


def _synth():
    spec = importlib.util.spec_from_file_location("synth", REPO_ROOT / "benchmarks" / "synth.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """The collection executed on the seeds plus synthetic articles: (corpus folder, executed notebooks)."""
    tmp = tmp_path_factory.mktemp("at_size")
    synthetic = _synth().make_corpus(tmp / "synthetic", N_SYNTHETIC, seed=7)
    corpus_dir = combine_folders(tmp / "corpus", [SEEDS_DIR, synthetic])
    mp = pytest.MonkeyPatch()
    try:  # the build points the environment at the corpus for its kernels; restore it for the other tests
        mp.setenv(CORPUS_ENV, str(SEEDS_DIR))
        mp.setenv(DUPLICATES_ENV, "error")
        assert build_main(["--seeds", str(corpus_dir), "--out", str(tmp / "out")]) == 0
    finally:
        mp.undo()
    notebooks = {p.name: nbformat.read(p, as_version=4) for p in sorted((tmp / "out" / "notebooks").glob("*.ipynb"))}
    return corpus_dir, notebooks, tmp / "out" / "site"


def _outputs(nb) -> list[str]:
    texts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            texts += [data[k] for k in ("text/markdown", "text/plain") if k in data]
            if out.get("output_type") == "stream":
                texts.append(out["text"])
            assert out.get("output_type") != "error", (cell.source[:200], out.get("ename"))
    return texts


def test_every_notebook_runs_and_renders(run):
    corpus_dir, notebooks, site = run
    assert len(notebooks) == len(list((REPO_ROOT / "notebooks").glob("0*.ipynb")))
    assert (site / "index.html").is_file()


def test_every_article_has_its_own_label(run):
    corpus = load_corpus(run[0])
    labels = article_labels(corpus.documents)
    assert labels.is_unique and len(labels) == len(corpus.documents) == N_SEEDS + N_SYNTHETIC


def test_no_output_states_a_number_of_articles_the_corpus_does_not_have(run):
    corpus_dir, notebooks, _ = run
    n = len(load_corpus(corpus_dir).documents)
    for name, nb in notebooks.items():
        for text in _outputs(nb):
            for m in re.finditer(rf"\b(\d[\d,]*) (?:[a-z-]+ )?{WORDS}\b", text):
                assert int(m.group(1).replace(",", "")) <= n, (name, m.group(0))
            for word in NUMBER_WORDS:
                assert not re.search(rf"\b{word}\s+{WORDS}\b", text, re.I), (name, word, text[:300])
            for m in re.finditer(r"(?:corpus holds |visits are those |^- )(\d+) articles(?: choose| from|,)", text, re.M):
                assert int(m.group(1)) == n, (name, m.group(0))


def test_scores_against_the_seed_codebooks_cover_the_seeds_only(run):
    _, notebooks, _ = run
    text = "\n".join(_outputs(notebooks["02_chronology.ipynb"]) + _outputs(notebooks["03_leadership_exchanges.ipynb"]))
    assert f"On the {N_SEEDS} coded articles" in text and "not coded" in text
    assert f"The codebook covers {N_SEEDS} articles of {N_SEEDS + N_SYNTHETIC}" in text


def test_no_article_with_indicator_matches_has_zero_frame_density(run):
    from helpers.analysis.frames import frame_density, frame_matches, frame_precision, match_weights
    from helpers.report.framing_units import analysable

    corpus = load_corpus(run[0])
    docs = corpus.documents
    kept, _ = analysable(docs, corpus.problems)
    matches = frame_matches(corpus.sentences[corpus.sentences["doc_id"].isin(kept.index)])
    precision, judged = frame_precision(matches)
    density = frame_density(judged.assign(weight=match_weights(judged, precision)), docs.loc[kept.index, "n_words"])
    has_matches = density[density["n"] > 0]
    assert len(has_matches) and (has_matches["est_per_1000"] > 0).all()
    synthetic = has_matches[has_matches["judged"] == 0]
    assert len(synthetic), "the synthetic articles are unjudged: the property must be tested on them"
