"""The seeds' codebooks go through the same scoring path as any user's hand coding."""
from __future__ import annotations

import pandas as pd
import pytest

from helpers.evaluate.__main__ import main
from helpers.evaluate.gold import read_gold
from helpers.evaluate.score import evaluate_folder
from helpers.evaluate.seeds import load_published_codebook, write_seed_gold
from helpers.paths import SEEDS_DIR


def _names(corpus):
    return dict(zip(corpus.documents.index, corpus.documents["file"]))


def test_the_seed_codebooks_form_a_valid_gold_folder_covering_every_seed(tmp_path, corpus):
    folder = write_seed_gold(tmp_path / "gold", _names(corpus))
    gold = read_gold(folder, set(corpus.documents["file"]))
    assert gold.covered == frozenset(corpus.documents["file"])
    assert set(gold.documents["file"]) == set(corpus.documents["file"])
    # one row per trip: the statements of one trip collapse, distinct trips stay apart
    key = ["file", "visitor", "from_country", "to_country", "date_start", "date_end", "status"]
    assert not gold.visits.duplicated(key).any() and len(gold.visits) > 0


def test_the_seeds_score_their_codebook_figures_through_evaluate_folder(tmp_path, seeds_copy, corpus):
    result = evaluate_folder(seeds_copy, write_seed_gold(tmp_path / "gold", _names(corpus)))
    figures = result["summary"].set_index("figure")["value"]
    assert (figures.drop("articles covered by the coding") == 1.0).all(), result["summary"]
    for table in ("timexes", "visits_coded"):
        assert len(result[table]) > 0


def test_an_error_in_a_seed_codebook_would_show(tmp_path, seeds_copy, corpus):
    folder = write_seed_gold(tmp_path / "gold", _names(corpus))
    docs = pd.read_csv(folder / "documents.csv", dtype=str, keep_default_na=False)
    docs.loc[0, "published"] = "1999-01-01"
    docs.to_csv(folder / "documents.csv", index=False)
    figures = evaluate_folder(seeds_copy, folder)["summary"].set_index("figure")["value"]
    assert figures["publication date right"] == pytest.approx(1 - 1 / len(docs))


def test_the_published_codebook_quotes_each_seed(corpus):
    book = load_published_codebook()
    raw = dict(zip(corpus.documents["file"], corpus.documents["raw"]))
    for file, evidence in zip(book["file"], book["evidence"]):
        assert evidence in raw[file], (file, evidence)


def test_the_command_scores_the_seeds_without_a_gold_folder(capsys):
    assert main([str(SEEDS_DIR)]) == 0
    out = capsys.readouterr().out
    assert "visits recall" in out and "publication date and basis right" in out


def test_the_command_wants_a_gold_folder_for_any_other_corpus(tmp_path, seeds_copy):
    with pytest.raises(SystemExit):
        main([str(tmp_path)])


def test_only_the_seed_files_byte_for_byte_are_covered_by_the_seed_codebooks(corpus):
    from helpers.evaluate import seed_coded_documents

    docs = corpus.documents
    assert list(seed_coded_documents(docs)) == list(docs.index)
    changed = docs.copy()
    changed.loc[changed.index[0], "sha256"] = "0" * 64           # the same name, another text
    changed.loc[changed.index[1], "file"] = "someone_elses.txt"   # another name
    assert list(seed_coded_documents(changed)) == list(docs.index[2:])
