"""Several corpus folders combined into one, and the corpus location read from the environment."""
from __future__ import annotations

import shutil

import pandas as pd
import pytest

from helpers.corpus.combine import combine_folders, main
from helpers.corpus.load import CorpusError
from helpers.paths import CORPUS_ENV, DUPLICATES_ENV, SEEDS_DIR, corpus_dir, duplicates_policy
from helpers.pipeline import load_corpus
from helpers.report.build import main as build_main


def _folder(path, files: dict[str, str], outlet="Test Daily", media="independent"):
    path.mkdir(parents=True)
    for name, text in files.items():
        (path / name).write_text(text, encoding="utf-8")
    pd.DataFrame({"file": list(files), "outlet": outlet, "published": "2020-01-02"}).to_csv(path / "catalog.csv", index=False)
    pd.DataFrame([{"outlet": outlet, "country": "KOR", "ownership": "private", "media_system": media,
                   "ambiguous": "false", "alternative_media_system": "", "evidence": "invented"}]).to_csv(
        path / "outlets.csv", index=False)
    return path


TEXT = "A headline\n\nHanoi and Pyongyang marked the anniversary of their relations on Monday, officials said.\n"


def test_combined_folder_loads_every_article_of_every_folder(tmp_path):
    out = combine_folders(tmp_path / "all", [SEEDS_DIR, _folder(tmp_path / "b", {"b1.txt": TEXT})])
    corpus = load_corpus(out)
    assert len(corpus.documents) == len(list(SEEDS_DIR.glob("*.txt"))) + 1
    assert set(pd.read_csv(out / "outlets.csv")["outlet"]) >= {"Test Daily", "Hanoi Times"}


@pytest.mark.parametrize("case", ["same file name", "outlet classified twice", "no catalog", "output not empty"])
def test_combine_refuses_what_it_would_have_to_guess_and_writes_nothing(tmp_path, case):
    a = _folder(tmp_path / "a", {"x.txt": TEXT})
    b = _folder(tmp_path / "b", {("x.txt" if case == "same file name" else "y.txt"): TEXT + "More.\n"},
                media="state" if case == "outlet classified twice" else "independent")
    if case == "no catalog":
        (b / "catalog.csv").unlink()
    out = tmp_path / "out"
    if case == "output not empty":
        out.mkdir()
        (out / "old.txt").write_text("old", encoding="utf-8")
    with pytest.raises(CorpusError) as err:
        combine_folders(out, [a, b])
    assert str(b) in str(err.value) or str(out) in str(err.value)
    assert not (out / "catalog.csv").exists()


def test_the_command_reports_problems_without_a_traceback(tmp_path, capsys):
    assert main([str(tmp_path / "out"), str(tmp_path / "missing")]) == 1
    assert "not a folder" in capsys.readouterr().err


def test_the_corpus_folder_and_duplicate_policy_come_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.delenv(CORPUS_ENV, raising=False)
    monkeypatch.delenv(DUPLICATES_ENV, raising=False)
    assert corpus_dir() == SEEDS_DIR and duplicates_policy() == "error"
    twice = _folder(tmp_path / "twice", {"a.txt": TEXT, "b.txt": TEXT})
    monkeypatch.setenv(CORPUS_ENV, str(twice))
    assert corpus_dir() == twice.resolve()
    with pytest.raises(CorpusError):
        load_corpus()
    monkeypatch.setenv(DUPLICATES_ENV, "keep_first")
    corpus = load_corpus()
    assert list(corpus.documents["file"]) == ["a.txt"] and "duplicate" in set(corpus.problems["layer"])
    monkeypatch.setenv(DUPLICATES_ENV, "maybe")
    with pytest.raises(ValueError, match=DUPLICATES_ENV):
        duplicates_policy()


def test_build_refuses_half_or_clashing_options(tmp_path):
    for argv in (["--seeds", str(tmp_path)], ["--out", str(tmp_path)],
                 ["--seeds", str(tmp_path), "--out", str(tmp_path / "o"), "--no-execute"]):
        with pytest.raises(SystemExit):
            build_main(argv)
    with pytest.raises(SystemExit, match="no such corpus folder"):
        build_main(["--seeds", str(tmp_path / "none"), "--out", str(tmp_path / "o")])
