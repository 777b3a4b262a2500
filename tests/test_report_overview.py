"""Prose of notebook 01 (helpers.report.overview) rendered from small made-up numbers; properties on the corpus."""
import pandas as pd

from helpers.report.labels import article_labels
from helpers.report.overview import (boilerplate_note, boilerplate_share, corpus_findings, corpus_limits, corpus_note,
                                     inferred_dates_note, support_note, years_by_system_note)

LIMITS = dict(n_documents=4, n_outlets=3, n_countries=1, n_state=3, n_independent=1, n_ambiguous=2,
              max_per_outlet=2, n_multi_outlets=1, top_outlet="A", n_undated=1, n_inferred=1, n_catalog=0,
              n_unknown=0, first_year=2001, last_year=2009)


def _docs():
    return pd.DataFrame({"outlet": ["A", "B <b>", "C"], "media_system": ["state", "state", "independent"],
                         "published": pd.to_datetime(["2001-05-01", "2009-01-01", "2005-01-01"]),
                         "published_basis": ["stated", "inferred", "inferred"],
                         "published_precision": ["day", "year", "month"], "published_evidence": ["", "said so", "x"]})


def test_corpus_note_and_findings_quote_the_limits():
    note = corpus_note(LIMITS)
    assert note.startswith("The corpus holds 4 articles from 3 outlets in 1 country: 3 coded as state media and 1 as "
                           "independent media. 2 of the outlets are marked ambiguous")
    assert "1 outlet contributes more than one article (at most 2, A)" in note
    text = corpus_findings(LIMITS, pd.DataFrame({"boilerplate_share": [0.1, 0.456]}))
    lines = text.split("\n")
    assert lines[0] == ("- 4 articles from 3 outlets in 1 country, 2001–2009; 3 state and 1 independent, 2 of the "
                        "outlets coded with stated doubt.")
    assert lines[1].startswith("- 3 pages state their date; 1 is dated") and "up to 46% of a file" in lines[2]
    support = support_note(LIMITS)
    assert "with 3 state and 1 independent articles, a permutation test has 4 relabellings (exact)" in support
    assert "no difference between the groups can reach p < 0.05" in support
    assert "firm dates for 1 article whose pages" in support


def test_inferred_dates_and_years_by_system():
    assert inferred_dates_note(_docs()) == ("2 pages print no date of their own; their dates come from what the article "
                                            "says:\n\n- **B &lt;b&gt;**: year precision, said so.\n- **C**: month precision, x.")
    assert years_by_system_note(_docs()).startswith(
        "Publication years by media system: independent 2005–2005 (1 article); state 2001–2009 (2 articles).")


def test_boilerplate_note_on_the_corpus_names_the_noisiest_file(corpus):
    shares = boilerplate_share(corpus)
    note = boilerplate_note(corpus, shares)
    noisiest = article_labels(corpus.documents)[shares["boilerplate_share"].idxmax()]
    assert f"The noisiest file is {noisiest} " in note
    n_rules = corpus.segments.loc[corpus.segments["kind"] == "boilerplate", "rule"].nunique()
    assert note.split("by rule: ")[1].count(", ") == n_rules - 1 and note == boilerplate_note(corpus)
    assert corpus_note(corpus_limits(corpus)).startswith(f"The corpus holds {len(corpus.documents)} article")


def test_statistics_follow_the_group_sizes():
    from helpers.report.overview import statistics_clause

    assert "190 relabellings (exact), so the smallest p-value it can give is 0.0053" in statistics_clause(18, 2)
    assert "can reach p < 0.05, but" in statistics_clause(18, 2)
    assert "no difference between the groups can reach" in statistics_clause(3, 2)
    assert "one group is empty" in statistics_clause(4, 0)


def test_the_dates_clause_counts_every_basis():
    from helpers.report.overview import dates_clause

    limits = dict(n_documents=6, n_undated=5, n_inferred=1, n_catalog=3, n_unknown=1)
    assert dates_clause(limits) == ("1 page states its date; 3 are dated by the catalog, 1 dated from its own "
                                    "words, with the evidence kept and 1 has no date")


def test_the_source_note_names_the_corpus_the_notebooks_read(monkeypatch, tmp_path):
    from helpers.paths import CORPUS_ENV
    from helpers.report.style import corpus_name

    monkeypatch.delenv(CORPUS_ENV, raising=False)
    assert corpus_name() == "seeds/"
    monkeypatch.setenv(CORPUS_ENV, str(tmp_path / "my_articles"))
    assert corpus_name() == "my_articles/"
