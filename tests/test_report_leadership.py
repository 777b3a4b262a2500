"""Tables and prose of notebook 03 on made-up visits and exchanges; properties on the corpus."""
import pandas as pd

from helpers.report.exchanges import top_level
from helpers.report.leadership import exchange_table, exchanges_note, statements_note, statements_per_article


def _visits():
    return pd.DataFrame({"doc_id": ["a", "a", "a", "b"], "visitor_id": ["p", "p", "q", "p"],
                         "date_start": ["1958", "", "2019-03", "1958"], "status": ["occurred", "occurred", "planned",
                                                                                   "occurred"]})


def _exchanges():
    return pd.DataFrame({"exchange_id": ["x1", "x2"], "visitor": ["P", "Q"], "visitor_id": ["p", "q"],
                         "from_country": ["PRK", "VNM"], "to_country": ["VNM", "PRK"],
                         "date_start": ["1958-11-28", "2019-03"], "date_end": ["1958-12-02", "2019-03"],
                         "level": ["head of party or state", "government"], "n_statements": [2, 1],
                         "n_articles": [2, 1], "outlets": [("A", "B"), ("A",)], "date_disagreement": [False, False]})


def test_statements_per_article_counts_and_keeps_silent_articles():
    article = pd.Series({"a": "A (2019)", "b": "B (2020)", "c": "C (2021)"})
    t = statements_per_article(_visits(), article)
    assert t.loc["a", ["statements", "dated", "planned", "visitors"]].tolist() == [3, 2, 1, 2]
    assert t.loc["c", ["statements", "dated", "planned", "visitors"]].tolist() == [0, 0, 0, 0]
    note = statements_note(_visits(), t)
    assert note.startswith("The articles make 4 visit statements about 2 people;")
    assert "alone makes 3 of them. 1 statement carry no date" in note and "1 statement announce" in note


def test_exchange_table_and_note():
    x = _exchanges()
    t = exchange_table(x, pd.Series([True, False]))
    assert t["dates"].tolist() == ["1958-11-28 to 1958-12-02", "2019-03"]
    assert t["outlets"].tolist() == ["A, B", "A"] and t["paramount leader"].tolist() == [True, False]
    assert "→" in t["direction"].iloc[0]
    note = exchanges_note(_visits(), x)
    assert "The 4 statements merge into **2 exchanges**. 1 exchange are reported by more than one article" in note
    assert "P's 1958 visit" in note and "1 statement could not be tied to one exchange" in note and " is left out" in note


def test_on_the_corpus_statement_counts_add_up(corpus):
    article = corpus.documents["outlet"]
    t = statements_per_article(corpus.visits, article)
    assert t["statements"].sum() == len(corpus.visits)
    assert (t["dated"] <= t["statements"]).all() and (t["planned"] <= t["statements"]).all()
    table = exchange_table(corpus.exchanges, top_level(corpus.exchanges))
    assert len(table) == len(corpus.exchanges) and (table["articles"] >= 1).all()
