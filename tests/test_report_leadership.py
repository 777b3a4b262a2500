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
    assert "The 4 statements merge into **2 exchanges**. 1 exchange is reported by more than one article" in note
    assert "P's 1958 visit" in note and "1 statement could not be tied to one exchange" in note and " is left out" in note


def test_on_the_corpus_statement_counts_add_up(corpus):
    article = corpus.documents["outlet"]
    t = statements_per_article(corpus.visits, article)
    assert t["statements"].sum() == len(corpus.visits)
    assert (t["dated"] <= t["statements"]).all() and (t["planned"] <= t["statements"]).all()
    table = exchange_table(corpus.exchanges, top_level(corpus.exchanges))
    assert len(table) == len(corpus.exchanges) and (table["articles"] >= 1).all()


# --- sections 2-4: disagreements, coverage, direction, the gap -------------------------------------------
from helpers.report.leadership import (GAP_COLUMNS, anachronisms, article_coverage, coverage_facts,  # noqa: E402
                                       coverage_note, coverage_table, direction_note, disagreeing_exchanges,
                                       disagreement_note, gap_claim, gap_note, inside_heads, inside_note,
                                       inside_table, shared_exchanges, shared_reports)


def _reports():
    return pd.DataFrame({
        "exchange_id": ["x1", "x1", "x2"], "visitor": ["Kim Il Sung", "Kim Il Sung", "Q"],
        "direction": ["North Korea → Vietnam"] * 2 + ["Vietnam → North Korea"], "doc_id": ["a", "b", "a"],
        "outlet": ["A", "B", "A"], "dates": ["1958-11-27/1958-12-03", "1958-11-28/1958-12-02", ""],
        "titles": ["Premier", "President", ""], "status": ["occurred"] * 3,
        "title_check": ["held in 1958", "President not held in 1958", ""], "article": ["A (2019)", "B (2022)", "A (2019)"]})


def _kis_exchanges(disagree=True):
    x = _exchanges()
    x["visitor"], x["visitor_id"] = ["Kim Il Sung", "Q"], ["kim_il_sung", "q"]
    x["date_disagreement"] = [disagree, False]
    return x


def test_disagreements_and_anachronisms_from_small_tables():
    x, r = _kis_exchanges(), _reports()
    assert shared_exchanges(x)["exchange_id"].tolist() == ["x1"]
    assert disagreeing_exchanges(x)["exchange_id"].tolist() == ["x1"]
    assert disagreeing_exchanges(_kis_exchanges(False)).empty
    assert anachronisms(r)["doc_id"].tolist() == ["b"]
    assert shared_reports(r, x)["article"].tolist() == ["A (2019)", "B (2022)"]
    note = disagreement_note(r, x)
    assert note.startswith("1 exchange carries dates that cannot all be true at once")
    assert "- **Kim Il Sung, 1958**: 1958-11-27/1958-12-03 (A \\(2019\\)); 1958-11-28/1958-12-02 (B \\(2022\\)). " \
           "No cited reference settles it: left open (merged span 1958-11-28 to 1958-12-02)." in note
    # dated by the reference: the note says so, names the contradicted article and cites the source
    x2 = x.assign(date_basis=["reference", "reported"], conflicting_statements=["1958-11-27/1958-12-03 (a)", ""],
                  reference_source=["Outlet, \"Title\", https://x.example/", ""])
    note2 = disagreement_note(r, x2)
    assert "The cited reference gives 1958-11-28 to 1958-12-02, so the exchange is dated by it" in note2
    assert "contradicts 1958-11-27/1958-12-03 \\(A \\(2019\\)\\)" in note2 and "https://x.example/" in note2
    # a single article's date the reference contradicts is listed too
    one = x2.assign(n_articles=1, date_disagreement=False)
    assert disagreeing_exchanges(one)["exchange_id"].tolist() == ["x1"]
    assert "Titles not held at the time of the visit, 1 case:" in note
    # the offices of that year come from offices.csv: Premier, not President, in 1958
    assert "B \\(2022\\) calls Kim Il Sung *President*" in note and "Premier of the DPRK" in note


def test_coverage_facts_and_note():
    cov = pd.DataFrame({"A": [True, True, True, False], "B": [True, False, False, False], "C": [True, False, True, True]},
                       index=["e1", "e2", "e3", "e4"])
    f = coverage_facts(cov)
    assert f["per_article"].tolist() == [3, 1, 3] and f["widest"] == "A"
    assert f["only_one"].index.tolist() == ["e2", "e4"] and f["only_widest"] == 1
    assert f["everywhere"] == ["e1"] and f["told_by_others"] == ["e1", "e3", "e4"]
    note = coverage_note(cov)
    assert note.startswith("Exchanges reported, per article: A 3; B 1; C 3. 2 exchanges appear in one article only, 1")
    assert "Without A, the other 2 articles together report only 3 exchanges: e1, e3, e4." in note
    assert coverage_table(cov).loc["e4"].tolist() == ["", "", "reported"]
    many = cov.assign(D=False, E=False)
    assert coverage_note(many, max_listed=3).startswith(
        "Exchanges reported, per article: A 3; B 1; C 3; the other 2 articles report none.")


def test_article_coverage_labels_columns(corpus):
    label = corpus.documents["outlet"] + "!"
    cov = article_coverage(corpus.exchanges, corpus.documents, label)
    assert list(cov.columns) == list(label) and len(cov) == len(corpus.exchanges)
    assert int(cov.sum().sum()) == int(corpus.exchanges["n_articles"].sum())


def test_direction_note():
    x = _exchanges().assign(year=[1958, 2019])
    note = direction_note(x, pd.Series([True, False]))
    assert "North Korea → Vietnam 1 (1958); Vietnam → North Korea 1 (2019)" in note
    assert "By level: head of party or state 1, government 1. 1 exchange is a visit by a paramount leader." in note


def _gaps():
    return pd.DataFrame({"direction": ["D1", "D2", "D1"], "before_visitor": ["P", "Q", "P"],
                         "before_end": ["1964-11-16", "1957-12", "1958"], "after_visitor": ["R", "S", "P"],
                         "after_start": ["2019-02-26", "2001", "1964"], "years": [54.28, 43.04, 5.9],
                         "calendar_years": [55, 44, 6]})


def test_gap_claim_quotes_the_sentence_stating_the_calendar_years():
    sentences = pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1], "text": ["Nothing.", "Untouched for 55 years."]})
    timexes = pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [1, 1], "kind": ["duration", "date"],
                            "value": ["P55Y", "1964"]})
    article = pd.Series({"a": "A (2019)"})
    assert gap_claim(sentences, timexes, _gaps().iloc[0], article) == \
        "One article puts it this way: *Untouched for 55 years.* (A \\(2019\\))."
    assert gap_claim(sentences, timexes, _gaps().iloc[1], article) == ""


def test_gap_and_inside_notes():
    inside = pd.DataFrame({"visitor": ["V", "W", "X"], "from_country": ["VNM", "PRK", "PRK"],
                           "to_country": ["PRK", "VNM", "VNM"], "date_start": ["1988", "2001", "2007"],
                           "level": ["head of party or state", "head of party or state", "government"],
                           "titles_reported": ["President (000)", "Chairman (000, 001)", ""],
                           "outlets": [("B",), ("A", "B"), ("A",)]}, index=[3, 5, 7])
    top = pd.Series({3: True, 5: False, 7: False})
    note = gap_note(_gaps(), inside, top)
    assert "The longest gap runs D1: from the end of P's visit (1964-11-16) to the start of R's (2019-02-26), " \
           "**54.3 years** (55 in calendar years). The other direction's longest gap is 43.0 years (Q 1957 to S 2001)" in note
    assert note.endswith("inside it the articles list 3 other visits, in both directions:")
    t = inside_table(inside, top)
    assert t["titles"].tolist() == ["President", "Chairman", ""] and t["reported_by"].tolist() == ["B", "A, B", "A"]
    assert t["paramount"].tolist() == [True, False, False] and t["direction"].iloc[0] == "Vietnam → North Korea"
    assert inside_heads(inside).index.tolist() == [3, 5]
    n = inside_note(inside, top)
    assert n.startswith("Of these 3 visits, 2 were at the level of a head of party or state.")
    assert "paramount leader inside the gap: V (1988, Vietnam → North Korea); by a head" in n
    assert "not the paramount leader: W (2001, North Korea → Vietnam)." in n and n.endswith("reported by A and B only.")
    assert set(GAP_COLUMNS) <= set(_gaps().columns)


def test_limits_note_follows_the_corpus():
    from helpers.report.leadership import limits_note

    one_each = dict(n_documents=5, max_per_outlet=1, n_multi_outlets=0, top_outlet="A", n_outlets=5)
    note = limits_note(one_each, 5, 1)
    assert "The visits are those 5 articles choose" in note and "each outlet contributes one article" in note
    assert "The codebook covers 5 articles of 5" in note and "1 undated statement about" in note
    many = dict(n_documents=20, max_per_outlet=15, n_multi_outlets=1, top_outlet="KCNA", n_outlets=6)
    note = limits_note(many, 5, 0)
    assert "1 outlet contributes more than one article (at most 15, KCNA)" in note and "covers 5 articles of 20" in note
    assert "No article here is covered" in limits_note(many, 0, 0)


def test_bilateral_note_counts_what_is_set_aside():
    from helpers.report.exchanges import bilateral, bilateral_note

    v = pd.DataFrame({"from_country": ["PRK", "PRK", "VNM", "RUS"], "to_country": ["VNM", "LAO", "PRK", "PRK"]})
    kept = bilateral(v)
    assert bilateral_note(v, kept) == ("2 visit statements of the corpus are about trips to or from other countries; "
                                      "this notebook keeps the 2 statements between Vietnam and North Korea.")
    assert bilateral_note(kept, kept) == ""


def test_statements_after_the_visitors_death_are_set_aside_and_said():
    from helpers.report.exchanges import bilateral_note, studied_visits

    v = pd.DataFrame({"from_country": ["PRK", "PRK"], "to_country": ["VNM", "VNM"], "visitor_id": ["x", "y"],
                      "date_start": ["2012-05", "1958"], "date_end": ["", ""]})
    died = {"x": pd.Timestamp("1994-07-08")}
    kept = studied_visits(v, died)
    assert kept["visitor_id"].tolist() == ["y"]
    assert bilateral_note(v, kept, died).startswith("1 statement is dated after the death of the person named")
