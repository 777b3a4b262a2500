"""Tables and prose of notebook 04 on small made-up tables; properties on the corpus."""
import matplotlib
import pandas as pd
import pytest

from helpers.analysis.frames import frame_density, frame_matches, frame_precision, load_frames
from helpers.analysis.naming import country_naming
from helpers.report.framing import (article_labels, country_naming_table, frame_permutations, frame_tables,
                                    groups_note, groups_table, labelled_sources, largest_gap, leader_note,
                                    leader_table, naming_note, official_share, paramount_leaders, permutation_note,
                                    plot_frame_heatmap, plot_keyness, quote_drop, quote_note, quoted_matches,
                                    robustness_note, speech_counts, voice_note)

matplotlib.use("Agg")


@pytest.fixture
def docs():
    return pd.DataFrame({
        "outlet": ["A", "B", "C"], "media_system": ["state", "independent", "state"],
        "published": pd.to_datetime(["2020-05-01", "2019-01-01", "2021-03-04"]),
        "published_precision": ["month", "year", "day"], "published_basis": ["inferred", "inferred", "stated"],
        "n_words": [100, 200, 400]}, index=pd.Index(["a", "b", "c"], name="doc_id"))


def test_groups_table_and_note(docs):
    outlets = pd.DataFrame({"outlet": ["A", "B", "C"], "ambiguous": [True, False, False],
                            "alternative_media_system": ["independent", None, None]})
    t = groups_table(docs, outlets)
    assert t["published"].tolist() == ["2020-05 (inferred)", "2019 (inferred)", "2021-03-04 (stated)"]
    assert t["alternative"].tolist() == ["independent", "", ""]
    note = groups_note(t)
    assert "2 articles in the state group" in note and "1 article in the independent group" in note
    assert "**A** (registry: state, alternative: independent)" in note
    assert article_labels(docs)["b"] == "B (independent)"


def test_frame_tables_and_permutations(docs):
    density = pd.DataFrame({"doc_id": ["a", "a", "b", "b", "c", "c"], "frame": ["x", "y"] * 3,
                            "n": [1, 0, 2, 2, 4, 0], "n_words": [100, 100, 200, 200, 400, 400]})
    density["per_1000"] = 1000 * density["n"] / density["n_words"]
    per, gd = frame_tables(density, docs["media_system"], ["y", "x"])
    assert list(per.columns) == ["y", "x"] and list(per.index) == ["a", "b", "c"]
    assert gd.loc["mean of state", "x"] == 10 and gd.loc["mean of independent", "y"] == 10
    assert largest_gap(gd) == "y"  # |0 - 10| beats |10 - 10|
    perm = frame_permutations(per, docs["media_system"])
    assert set(perm.index) == {"y", "x"} and (perm["relabellings"] == 3).all()
    assert (perm["p"] >= perm["min_p"]).all()
    assert "**y**" in permutation_note(gd, perm) and "**3** relabellings" in permutation_note(gd, perm)


def test_quotes_drop_and_note(docs):
    correct = pd.DataFrame({"doc_id": ["a", "a", "b"], "frame": ["x", "x", "x"], "in_quote": [True, False, False]})
    labels = article_labels(docs)
    q = quoted_matches(correct, labels)
    assert q.to_dict("records") == [{"doc_id": "A (state)", "frame": "x", "matches": 2, "in quotes": 1}]
    n_words = docs["n_words"]
    m = correct.assign(start=0)
    d = quote_drop(frame_density(m, n_words, ["x"]), frame_density(m, n_words, ["x"], exclude_quotes=True), "x")
    assert d["doc_id"] == "a" and d["all"] == 20 and d["own"] == 10 and d["quoted_share"] == 0.5
    assert "falls from 20.0 to 10.0" in quote_note(d, labels) and "so 50% of" in quote_note(d, labels)


def test_country_naming_table_and_official_share(docs):
    names = pd.DataFrame({"doc_id": ["a", "a", "b", "c"], "country": ["PRK", "PRK", "PRK", "VNM"],
                          "form": ["DPRK", "North Korea", "North Korea", "Vietnam"]})
    labels = article_labels(docs)
    t = country_naming_table(names, docs, labels, pd.Series(["p", "q", "r"], index=docs.index))
    assert t["article"].tolist() == ["B (independent)", "A (state)", "C (state)"]  # oldest first
    assert t["DPRK"].fillna(0).tolist() == [0, 1, 0]
    share = official_share(names, docs.index)
    assert share.tolist() == [0.5, 0.0, 0.0]
    note = naming_note(share, pd.Series({"a": "A", "b": "B", "c": "C"}))
    assert "A 50%; B 0%" in note and "mixing official and exonym forms: A." in note


def test_paramount_leaders_come_from_the_offices_data():
    gaz = pd.DataFrame({"entity_id": ["p1", "p2", "p3", "k"], "type": ["person", "person", "person", "country"],
                        "country": ["PRK", "PRK", "VNM", "PRK"]})
    offices = pd.DataFrame({"entity_id": ["p1", "p2", "p3"], "paramount": [True, False, True]})
    assert paramount_leaders("PRK", gaz, offices) == ["p1"]
    assert paramount_leaders("VNM", gaz, offices) == ["p3"]


def test_real_paramount_leaders_are_people_of_that_country_with_a_paramount_office():
    from helpers.annotate.gazetteer import load_gazetteer, load_offices

    gaz = load_gazetteer().set_index("entity_id")
    offices = load_offices()
    leaders = paramount_leaders()
    assert leaders
    for e in leaders:
        assert gaz.at[e, "country"] == "PRK" and offices[(offices["entity_id"] == e)]["paramount"].any()


def test_leader_table_and_note(docs):
    leaders = pd.DataFrame({"doc_id": ["a", "a", "b"], "entity_id": ["k", "k", "k"],
                            "surface": ["Kim Jong-un", "Kim Jong Un", "Kim"],
                            "spelling": ["hyphenated", "spaced", "one word"],
                            "honorific": ["Comrade|respected", "", ""], "title": ["", "leader", ""]})
    labels = article_labels(docs)
    t = leader_table(leaders, labels, pd.Series(["2020", "2019", "2021"], index=docs.index)).reset_index()
    a = t[t["article"] == "A (state)"].iloc[0]
    assert a["mentions"] == 2 and a["spellings"] == "hyphenated, spaced" and a["honorifics"] == "Comrade, respected"
    assert t[t["article"] == "B (independent)"].iloc[0]["titles"] == "—"
    note = leader_note(leaders, docs["outlet"])
    assert note.startswith("Honorifics appear in 1 article: A;") and note.endswith("hyphen appears in A.")


def test_speech_counts_cover_every_article_and_voice_note(docs):
    attr = pd.DataFrame({"doc_id": ["a", "a", "c"], "sent_id": [0, 1, 0], "speech": ["direct", "reported", "reported"],
                         "sources": ["Vietnam News Agency", "", ""], "speaker": [None, "k", None],
                         "speaker_text": ["", "Kim", "the minister"]})
    labels = article_labels(docs)
    s = speech_counts(attr, labels)
    assert s.loc["b", ["direct", "reported"]].tolist() == [0, 0] and s.loc["a", "direct"] == 1
    note = voice_note(speech_counts(attr, docs["outlet"]), attr, docs["outlet"])
    assert "A 1 / 1; B 0 / 0" in note and note.endswith("Agencies named: A.")
    src = labelled_sources(attr, labels)
    assert "doc_id" not in src.columns and set(src["article"]) == {"A (state)", "C (state)"}


def test_robustness_note_lists_robust_and_fragile_findings():
    sens = pd.DataFrame({"f1": [True, True], "f2": [True, False]}, index=["registry", "other"])
    note = robustness_note(sens, sens.astype(float).mean(), ["f1"], ["f2"])
    assert "1 of 2 findings hold in every one: f1" in note and "f2 (50% of codings)" in note


def test_figures_draw_on_the_corpus(corpus):
    frames = load_frames()
    per, judged = frame_precision(frame_matches(corpus.sentences, frames))
    density = frame_density(judged[judged["correct"] == "yes"], corpus.documents["n_words"], frames["frame"])
    labels = article_labels(corpus.documents)
    per_article, gd = frame_tables(density, corpus.documents["media_system"], frames["frame"])
    fig, ax = plot_frame_heatmap(per_article.rename(index=labels), gd)
    assert len(ax.get_yticklabels()) == len(corpus.documents) + gd.shape[0]
    peak = per_article.stack().idxmax()  # the title names the densest article cell
    assert f"{peak[1]} in {labels[peak[0]]}" in ax.get_title()
    loo = pd.DataFrame({"term": ["u", "v"], "group": ["state", "independent"], "delta": [1.0, -1.0],
                        "se": [0.1, 0.2], "stable": [True, False]})
    fig, ax = plot_keyness(loo, 10, 500)
    assert ax.get_title().startswith("1 of 2 top terms")
    import matplotlib.pyplot as plt
    plt.close("all")


def test_official_share_is_a_share_on_the_corpus(corpus):
    share = official_share(country_naming(corpus.sentences), corpus.documents.index)
    assert share.index.equals(corpus.documents.index) and share.between(0, 1).all()


# --- words, keyness, precision and findings -------------------------------------------------------------
from helpers.report.framing import (content_terms, framing_findings_note, keyness_table, precision_note,  # noqa: E402
                                    prior_note, stability_note, top_terms_table, wrong_matches)


def test_content_terms_leave_out_stopwords_and_fold_names():
    sentences = pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1], "start": [0, 31], "end": [30, 62],
                              "text": ["The friendship of the peoples.", "Kim Il Sung and the friendship."]})
    counts = content_terms(sentences, stopwords={"the"})
    n = dict(zip(counts["term"], counts["n"]))
    assert n == {"friendship": 2, "and": 1, "kim_il_sung": 1, "of": 1, "peoples": 1}
    assert set(content_terms(sentences)["term"]) == {"friendship", "kim_il_sung", "peoples"}  # stopwords.csv


def test_top_terms_table_orders_by_count_then_term(docs):
    content = pd.DataFrame({"doc_id": ["a", "a", "a", "b"], "term": ["zeta", "alpha", "beta", "x"], "n": [2, 2, 5, 1]})
    t = top_terms_table(content, docs, n=2)
    assert t.loc["a", "most frequent content terms"] == "beta (5), alpha (2)"
    assert t.loc["b", "most frequent content terms"] == "x (1)" and pd.isna(t.loc["c", "most frequent content terms"])
    assert t["outlet"].tolist() == ["A", "B", "C"]


def _loo():
    return pd.DataFrame({"group": ["state", "independent", "state"], "rank": [1, 1, 2], "term": ["a", "b", "c"],
                         "n_i": [3, 0, 2], "n_j": [0, 4, 1], "delta": [1.0, -2.0, 0.5], "se": [1.0] * 3,
                         "z": [1.0, -2.5, 0.5], "kept": [5, 5, 3], "runs": [5] * 3, "stable": [True, True, False]})


def test_keyness_prose_and_table():
    assert prior_note(pd.DataFrame({"n": [1000, 234]}), 500) == \
        "Prior strength used: `alpha0` = 500 pseudo-words, against 1,234 content tokens in the corpus."
    t = keyness_table(_loo())
    assert "n state" in t.columns and "n independent" in t.columns and "dropped_by" not in t.columns
    note = stability_note(_loo(), 2, 5)
    assert note.startswith("Of the 3 top terms, **2** stay in the top 2 in all 5 leave-one-out reruns: *a* (state), "
                           "*b* (independent). The largest |z| is 2.50: with 5 articles")
    assert ": none." in stability_note(_loo().assign(stable=False), 2, 5)


def _judged():
    return pd.DataFrame({"doc_id": ["a"] * 4, "sent_id": [0, 1, 2, 3], "term": ["w", "x", "y", "z"],
                         "frame": ["f", "f", "g", "g"], "correct": ["yes", "no", "yes", "yes"], "note": ["", "bad", "", ""]})


def test_precision_note_and_wrong_matches():
    precision = pd.DataFrame({"frame": ["f", "g"], "precision": [0.5, 1.0]})
    assert precision_note(precision, _judged()) == ("4 matches were read in context; 1 are wrong, an overall precision "
                                                    "of **75.0%** (lowest frame: f, 50%). The wrong ones, with the reason:")
    assert wrong_matches(_judged()).to_dict("records") == [
        {"doc_id": "a", "sent_id": 1, "term": "x", "frame": "f", "note": "bad"}]


def test_findings_note_quotes_every_number(docs):
    per_article = pd.DataFrame({"revolution": [10.0, 2.0, 30.0], "aid": [1.0, 9.0, 1.0]}, index=["a", "b", "c"])
    gd = pd.DataFrame({"revolution": [20.0, 2.0], "aid": [1.0, 9.0]}, index=["mean of state", "mean of independent"])
    perm = pd.DataFrame({"relabellings": [3, 3], "min_p": [1 / 3, 1 / 3]}, index=["revolution", "aid"])
    sens = pd.DataFrame({"x": [True, False]})
    text = framing_findings_note(_judged(), per_article, gd, article_labels(docs), {"doc_id": "b", "quoted_share": 0.4},
                                 sens, ["robust one"], [], _loo(), perm)
    lines = text.split("\n")
    assert len(lines) == 7 and all(line.startswith("- **") for line in lines)
    assert "right 75.0% of the time when read in context (4 matches); the 1 wrong matches" in lines[0]
    assert "mean revolution density is 20.0 per 1,000 words against 2.0" in lines[1]
    assert "densest article is C \\(state\\) (30.0). The largest group gap is in revolution (20.0 vs 2.0)." in lines[1]
    assert "In B \\(independent\\), 40% of the revolution-frame" in lines[2]
    assert "(2 codings): robust one." in lines[3] and lines[4].endswith("coded:** nothing.")
    assert "2 of 3 top keyness terms" in lines[5] and lines[6].startswith("- **Tests.** 3 articles allow only 3 ")
    assert "p-value is 0.33" in lines[6]
