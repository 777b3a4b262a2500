"""helpers.report.problems: the problems of every layer, in a table and in words."""
from __future__ import annotations

import pandas as pd

from helpers import load_corpus
from helpers.report.problems import MEANING, all_problems, problems_note, problems_report


def test_the_seeds_report_no_problem(corpus):
    table = all_problems(corpus)
    assert table.empty
    assert "No problem" in problems_note(table, len(corpus.documents))
    assert problems_report(corpus).startswith("corpus problems: none")


def test_a_non_english_article_is_reported_in_every_form(seeds_copy):
    text = " ".join(["Quan he giua Viet Nam va Trieu Tien duoc thiet lap nam 1950 va phat trien tot dep."] * 6)
    (seeds_copy / "vi.txt").write_text(text, encoding="utf-8")
    with open(seeds_copy / "catalog.csv", "a", encoding="utf-8") as f:
        f.write("vi.txt,Hanoi Times,2020-01-01,,a Vietnamese-language page\n")
    corpus = load_corpus(seeds_copy)
    table = all_problems(corpus)
    assert table[["doc_id", "layer"]].values.tolist() == [["vi", "language"]]
    assert table["meaning"].iloc[0] == MEANING["language"]
    note = problems_note(table, len(corpus.documents))
    assert note.startswith("1 article of 6 had a problem") and "`language`" in note
    assert "vi [language]" in problems_report(corpus)


def test_note_counts_articles_not_rows():
    table = pd.DataFrame({"doc_id": ["a", "a", "b"], "layer": ["timexes", "visits", "timexes"], "error": ["x"] * 3})
    note = problems_note(table, 10)
    assert note.startswith("2 articles of 10") and "2 articles: " in note and "1 article: " in note
