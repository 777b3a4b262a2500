"""helpers.report.overview: dates at their precision, composition and limits, on made-up and real tables."""
import matplotlib
import pandas as pd
import pytest

from helpers.report.overview import (article_table, boilerplate_share, composition, corpus_limits, format_published,
                                     published_interval, published_labels)
from helpers.report.overview_figures import plot_composition, plot_publication_timeline

matplotlib.use("Agg")


@pytest.mark.parametrize("precision, label", [("day", "2019-02-19"), ("month", "2019-02"), ("year", "2019")])
def test_a_date_prints_at_its_precision(precision, label):
    assert format_published(pd.Timestamp("2019-02-19"), precision) == label


def test_an_unknown_date_prints_as_unknown():
    assert format_published(pd.NaT, "day") == "unknown"


def test_published_interval_spans_the_precision():
    docs = pd.DataFrame({"published": pd.to_datetime(["2019-02-19", "2023-01-01", "2022-01-01", None]),
                         "published_precision": ["day", "month", "year", "day"]})
    iv = published_interval(docs)
    assert iv["last_day"].tolist()[:3] == [pd.Timestamp("2019-02-19"), pd.Timestamp("2023-01-31"),
                                           pd.Timestamp("2022-12-31")]
    assert pd.isna(iv["last_day"].iloc[3])


def test_published_labels_on_the_corpus_match_each_precision(corpus):
    docs = corpus.documents
    labels = published_labels(docs)
    width = {"day": 10, "month": 7, "year": 4}
    for doc_id, label in labels.items():
        assert len(label) == width[docs.at[doc_id, "published_precision"]]
        assert pd.Timestamp(label) == docs.at[doc_id, "published"]  # a year label is the year's first day


def test_composition_rows_sum_to_the_file_length(corpus):
    comp = composition(corpus)
    raw_len = corpus.documents["raw"].str.len()
    assert (comp["total"] == raw_len.reindex(comp.index)).all()
    assert (comp.drop(columns="total").sum(axis=1) == comp["total"]).all()
    by_rule = composition(corpus, by="rule")
    assert (by_rule["total"] == comp["total"]).all()


def test_boilerplate_share_is_the_boilerplate_column_over_the_total(corpus):
    shares = boilerplate_share(corpus)
    comp = composition(corpus)
    assert shares.index.equals(corpus.documents.index)
    assert shares["boilerplate_share"].between(0, 1).all()
    assert (shares["boilerplate_share"] - comp["boilerplate"] / comp["total"]).abs().max() <= 0.0005


def test_article_table_and_limits_agree_with_the_documents(corpus):
    docs = corpus.documents
    table = article_table(corpus)
    assert table.index.equals(docs.index) and (table["body_words"] == docs["n_words"]).all()
    limits = corpus_limits(corpus)
    assert limits["n_documents"] == len(docs) == limits["n_state"] + limits["n_independent"]
    assert limits["n_words"] == docs["n_words"].sum() and limits["n_sentences"] == len(corpus.sentences)
    assert limits["first_year"] <= limits["last_year"]
    assert limits["n_undated"] == (docs["published_basis"] != "stated").sum()
    assert 1 <= limits["max_per_outlet"] <= len(docs)


def test_figures_have_one_row_per_article(corpus):
    import matplotlib.pyplot as plt

    fig, ax = plot_composition(corpus)
    assert len(ax.get_yticklabels()) == len(corpus.documents)
    fig, ax = plot_publication_timeline(corpus)
    assert len(ax.get_yticks()) == len(corpus.documents) and ax.get_xlabel()
    plt.close("all")


def test_figures_of_a_big_corpus_show_outlets_and_years(corpus):
    import matplotlib.pyplot as plt

    fig, ax = plot_composition(corpus, max_rows=2)
    assert len(ax.get_yticklabels()) == corpus.documents["outlet"].nunique()
    assert all("mean of" in t.get_text() or "(1 article)" in t.get_text() for t in ax.get_yticklabels())
    fig, ax = plot_publication_timeline(corpus, max_rows=2)
    years = corpus.documents["published"].dt.year
    assert ax.get_xlabel().startswith("publication year") and sum(p.get_height() for p in ax.patches) == years.notna().sum()
    plt.close("all")
