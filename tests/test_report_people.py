"""Tables, prose and the figure of notebook 03's second half (helpers.report.people), on small made-up tables;
properties on the corpus."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from helpers.report.exchanges import named_people, top_level_gaps  # noqa: E402
from helpers.report.leadership import article_coverage, article_reports  # noqa: E402
from helpers.report.people import (article_naming_summary, co_mention_note, leadership_findings,  # noqa: E402
                                   naming_facts, naming_note, ordered_co_mentions, plot_co_mention_figure,
                                   titled_reports, titles_note, unknown_names_in_text, unknown_names_note,
                                   visit_scores_note, visit_scores_text)


def _named():
    return pd.DataFrame({
        "doc_id": ["a", "a", "a", "b", "b", "b"], "outlet": ["A", "A", "A", "B", "B", "B"],
        "entity_id": ["hcm", "kis", "kju", "hcm", "nvx", "kju"], "nationality": ["VNM", "PRK", "PRK", "VNM", "VNM", "PRK"],
        "role": ["founder", "founder", "leader at publication", "founder", "leader at publication", "other"],
        "mentions": [3, 1, 4, 1, 1, 2]})


NAMES = {"hcm": "Ho", "kis": "Kim I", "kju": "Kim J", "nvx": "Nguyen"}


def test_naming_facts_and_note():
    f = naming_facts(_named())
    assert f["both_founders"].tolist() == [True, False]
    assert f["viet_now"]["doc_id"].tolist() == ["b"] and f["kor_now"]["doc_id"].tolist() == ["a"]
    assert f["share_founder"].round(3).tolist() == [0.5, 0.25]
    article = pd.Series({"a": "A (2019)", "b": "B (2022)"})
    note = naming_note(_named(), article, NAMES)
    assert note.startswith("1 of 2 articles name both founders, and 1 article names North Korea's leader of the day. "
                           "1 article names Vietnam's leader of the day: B \\(2022\\) (Nguyen).")
    assert "between 25% and 50% of each article's person mentions (most: A \\(2019\\))" in note
    assert note.endswith("The article naming the most people is A \\(2019\\): 3 people, 0 of them neither founders "
                         "nor leaders of the day.")


def test_article_naming_summary_is_indexed_by_article(corpus):
    docs = corpus.documents
    article = docs["outlet"] + " #"
    summary = article_naming_summary(named_people(corpus.mentions, docs), docs, article)
    assert set(summary.index) <= set(article) and (summary["people"] > 0).all()


def test_titles_note_names_the_offices_from_offices_csv():
    reports = pd.DataFrame({"exchange_id": ["x1", "x1", "x2"], "visitor": ["Kim Il Sung"] * 2 + ["Q"],
                            "dates": ["1958", "1958", ""], "article": ["A", "B", "A"], "titles": ["Premier", "President", "X"],
                            "title_check": ["held in 1958", "President not held in 1958", "no offices on record"]})
    exchanges = pd.DataFrame({"exchange_id": ["x1", "x2"], "visitor_id": ["kim_il_sung", "q"]})
    offices = pd.DataFrame({"entity_id": ["kim_il_sung", "kim_il_sung"], "office": ["Premier of X", "President of X"],
                            "start_year": pd.array([1948, 1972], dtype="Int64"),
                            "end_year": pd.array([1972, pd.NA], dtype="Int64")})
    assert titled_reports(reports)["titles"].tolist() == ["Premier", "President", "X"]
    note = titles_note(reports, exchanges, offices)
    assert note.startswith("Of 2 checked titles, 1 name an office the visitor did not hold at the time: B on Kim Il "
                           "Sung (President not held in 1958).")
    assert "(`offices.csv`): Kim Il Sung, President of X from 1972: the article projects" in note


def test_co_mentions_order_pairs_and_loners():
    mentions = pd.DataFrame({"doc_id": ["a"] * 6, "sent_id": [0, 0, 1, 1, 2, 3], "type": ["person"] * 6,
                             "entity_id": ["kis", "hcm", "kis", "hcm", "kju", "nvx"]})
    named = pd.DataFrame({"entity_id": ["hcm", "kis", "kju", "nvx"], "nationality": ["VNM", "PRK", "PRK", "VNM"]})
    co = ordered_co_mentions(mentions, named)
    assert co["order"] == ["hcm", "nvx", "kis", "kju"]
    assert co["linked"] == ["hcm", "kis"] and co["alone"] == ["nvx", "kju"]
    assert co["pairs"][("hcm", "kis")] == 2 and list(co["matrix"].index) == ["hcm", "kis"]
    assert co_mention_note(co, NAMES) == ("1 pair of people share at least one sentence; 1 pair join a Vietnamese and a "
                                          "North Korean figure, led by Ho and Kim I (2). 2 people share no sentence "
                                          "with anyone: Nguyen, Kim J.")


def test_co_mention_figure_title_names_the_top_pair(corpus):
    co = ordered_co_mentions(corpus.mentions, named_people(corpus.mentions, corpus.documents))
    names = {e: e.upper() for e in co["order"]}
    fig, ax = plot_co_mention_figure(co, names)
    a, b = co["pairs"].idxmax()
    assert ax.get_title() == f"{a.upper()} and {b.upper()} share the most sentences ({int(co['pairs'].max())})"
    plt.close(fig)


def test_visit_scores_text_and_note():
    codebook = pd.DataFrame({"x": range(4)})
    assert visit_scores_text(range(3), codebook, 0.75, 1.0) == \
        "statements extracted: 3, in the codebook: 4\nprecision: 0.75  recall: 1.00"
    assert visit_scores_note(pd.DataFrame({"error": []}), codebook).startswith(
        "The error table is empty: all 4 coded statements are found")
    assert visit_scores_note(pd.DataFrame({"error": ["extra", "missed", "missed"]}), codebook).startswith(
        "3 errors (1 extra, 2 missed), listed above.")
    assert visit_scores_text(range(3), codebook, 0.75, 1.0, n_coded=5, uncoded_found=7).endswith(
        "not scored: 7 statements in uncoded articles")
    note = visit_scores_note(pd.DataFrame({"error": []}), codebook, n_coded=5, n_uncoded=15)
    assert "The 15 other articles of this corpus are not coded" in note
    assert "nothing here is scored" in visit_scores_note(pd.DataFrame({"error": []}), codebook.iloc[:0], n_coded=0)


def test_unknown_names_in_a_made_up_text():
    """What a user adding articles would see: three people the gazetteer does not know, each found by a
    different cue (made-up text, not corpus evidence)."""
    text = "Foreign Minister Bui Thanh Son met Pak Myong Ho in Hanoi. Ri Son Gwon said the talks went well."
    found = unknown_names_in_text(text)
    assert list(zip(found["surface"], found["cue"])) == [
        ("Bui Thanh Son", "title before"), ("Pak Myong Ho", "name shape"), ("Ri Son Gwon", "speech verb after")]
    assert (found["sent_id"].tolist() == [0, 0, 1]) and all(text[s:e] == w for s, e, w in
                                                            zip(found["start"], found["end"], found["surface"]))
    assert unknown_names_in_text("Hanoi welcomed the delegation.").empty


def test_unknown_names_note():
    assert unknown_names_note(pd.DataFrame(), 5).startswith("On the corpus the list is empty: every person-like name "
                                                            "in the 5 articles is in the gazetteer")
    assert unknown_names_note(pd.DataFrame({"surface": ["A", "B"]}), 5).startswith("2 names in the corpus are not")


def test_findings_on_the_corpus_quote_the_tables(corpus):
    docs, visits, exchanges = corpus.documents, corpus.visits, corpus.exchanges
    article = docs["outlet"]
    reports = article_reports(visits, exchanges, docs, article)
    cov = article_coverage(exchanges, docs, article)
    gaps = top_level_gaps(exchanges)
    text = leadership_findings(visits, exchanges, reports, gaps, named_people(corpus.mentions, docs), cov,
                               (0.5, 0.25), pd.DataFrame({"x": range(7)}))
    assert len(text.split("\n")) == 6 and all(line.startswith("- **") for line in text.split("\n"))
    assert f"{len(visits)} visit statements merge into {len(exchanges)} distinct visits" in text
    assert f"for {gaps['years'].iloc[0]:.1f} years ({gaps['before_end'].iloc[0]} to" in text
    assert "Precision 0.50 and recall 0.25 against the hand-made codebook (7 statements)" in text
