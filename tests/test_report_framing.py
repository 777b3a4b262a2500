"""Tables and prose of notebook 04 (groups, naming, leaders, voice, words) on small made-up tables; properties on
the corpus. Frames are in test_report_framing_frames.py, units and findings in test_report_framing_units.py."""
import matplotlib
import pandas as pd
import pytest

from helpers.analysis.naming import country_naming
from helpers.report.framing import (country_naming_table, groups_note, groups_table, labelled_sources, leader_note,
                                    leader_table, naming_note, official_share, paramount_leaders, speech_counts,
                                    voice_note)
from helpers.report.framing_units import row_units
from helpers.report.framing_words import (content_terms, keyness_table, plot_keyness, prior_note, stability_note,
                                          top_terms_table, words_note)

matplotlib.use("Agg")


@pytest.fixture
def docs():
    return pd.DataFrame({
        "outlet": ["A", "B", "C"], "media_system": ["state", "independent", "state"],
        "published": pd.to_datetime(["2020-05-01", "2019-01-01", "2021-03-04"]),
        "published_precision": ["month", "year", "day"], "published_basis": ["inferred", "inferred", "stated"],
        "n_words": [100, 200, 400]}, index=pd.Index(["a", "b", "c"], name="doc_id"))


@pytest.fixture
def labels(docs):
    return pd.Series({"a": "A · 2020-05 · x", "b": "B · 2019 · y", "c": "C · 2021-03-04 · z"})


@pytest.fixture
def outlets():
    return pd.DataFrame({"outlet": ["A", "B", "C"], "media_system": ["state", "independent", "state"],
                         "ambiguous": [True, False, False], "alternative_media_system": ["independent", None, None]})


def test_groups_table_per_article_and_per_outlet(docs, labels, outlets):
    t = groups_table(docs, outlets, row_units(docs, labels))
    assert t.index.tolist() == labels.tolist()
    assert t["published"].tolist() == ["2020-05 (inferred)", "2019 (inferred)", "2021-03-04 (stated)"]
    assert t["alternative"].tolist() == ["independent", "", ""]
    two = pd.concat([docs, docs.rename(index=lambda d: d + "2")])
    by_outlet = groups_table(two, outlets, row_units(two, pd.Series(range(6), index=two.index).astype(str), 4))
    assert by_outlet.loc["A (state)", "articles"] == 2 and by_outlet.loc["C (state)", "n_words"] == 800
    assert by_outlet.loc["B (independent)", "published"] == "2019"


def test_groups_note_counts_articles_and_outlets(docs, outlets):
    note = groups_note(docs, outlets, docs["media_system"])
    assert note.startswith("The registry puts 2 articles from 2 outlets in the state group and 1 article from 1 outlet "
                           "in the independent group.")
    assert "1 outlet is marked ambiguous: **A** (registry: state, alternative: independent)" in note
    none = groups_note(docs[docs["outlet"] != "A"], outlets, docs["media_system"])
    assert "No outlet of this corpus is marked ambiguous" in none  # A is ambiguous but has no article here


def test_country_naming_table_and_official_share(docs, labels):
    names = pd.DataFrame({"doc_id": ["a", "a", "b", "c"], "country": ["PRK", "PRK", "PRK", "VNM"],
                          "form": ["DPRK", "North Korea", "North Korea", "Vietnam"]})
    t = country_naming_table(names, docs, row_units(docs, labels))
    assert t["article"].tolist() == ["B · 2019 · y", "A · 2020-05 · x", "C · 2021-03-04 · z"]  # oldest first
    assert t["DPRK"].tolist() == [0, 1, 0] and "published" not in t  # an article's label has its date
    share = official_share(names, docs.index)
    assert share["a"] == 0.5 and share["b"] == 0 and pd.isna(share["c"])  # c never names the DPRK: no share
    note = naming_note(names, docs, row_units(docs, labels))
    assert "state group 50% (1 article), independent group 0% (1 article)" in note
    assert "A · 2020-05 · x 50%" in note and "z never names it" in note
    assert "mixing official and other forms: A · 2020-05 · x." in note and "Each outlet has a single article" in note


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


def _leaders():
    return pd.DataFrame({"doc_id": ["a", "a", "b"], "entity_id": ["k", "k", "k"],
                         "surface": ["Kim Jong-un", "Kim Jong Un", "Kim"], "spelling": ["hyphenated", "spaced", "one word"],
                         "honorific": ["Comrade|respected", "", ""], "title": ["", "leader", ""]})


def test_leader_table_and_note(docs, labels):
    units = row_units(docs, labels)
    t = leader_table(_leaders(), docs, units).reset_index()
    assert t["article"].tolist() == ["B · 2019 · y", "A · 2020-05 · x"]  # oldest first
    a = t[t["article"] == "A · 2020-05 · x"].iloc[0]
    assert a["mentions"] == 2 and a["spellings"] == "hyphenated, spaced" and a["honorifics"] == "Comrade, respected"
    assert t[t["article"] == "B · 2019 · y"].iloc[0]["titles"] == "—"
    note = leader_note(_leaders(), docs, units)
    assert note == ("Honorifics appear in 1 article: A · 2020-05 · x; the spelling with a lower-case hyphen appears in "
                    "1 article: A · 2020-05 · x.")


def test_speech_counts_voice_note_and_sources(docs, labels):
    attr = pd.DataFrame({"doc_id": ["a", "a", "c"], "sent_id": [0, 1, 0], "speech": ["direct", "reported", "reported"],
                         "sources": ["Vietnam News Agency", "", ""], "speaker": [None, "k", None],
                         "speaker_text": ["", "Kim", "the minister"]})
    units = row_units(docs, labels)
    s = speech_counts(attr, units)
    assert s.loc["B · 2019 · y"].tolist() == [0, 0] and s.loc["A · 2020-05 · x", "direct"] == 1
    note = voice_note(attr, docs, units)
    assert note.startswith("Attributed sentences (direct / reported): state group 1 / 2 (33% direct); by row: ")
    assert "B · 2019 · y 0 / 0" in note and note.endswith("named as a source in 1 article: A · 2020-05 · x.")
    src = labelled_sources(attr, units)
    assert "doc_id" not in src.columns and set(src["article"]) == {"A · 2020-05 · x", "C · 2021-03-04 · z"}


def test_sources_per_outlet_keep_the_most_cited_voices():
    docs = pd.DataFrame({"outlet": ["X"] * 3, "media_system": ["state"] * 3}, index=["a", "b", "c"])
    attr = pd.DataFrame({"doc_id": ["a", "b", "c", "c"], "sent_id": [0, 0, 0, 1], "speech": ["reported"] * 4,
                         "sources": ["", "", "", ""], "speaker": ["p", "p", "q", "p"], "speaker_text": [""] * 4})
    units = row_units(docs, pd.Series(["1", "2", "3"], index=docs.index), max_rows=2)
    src = labelled_sources(attr, units, top=1)
    assert src.to_dict("records") == [{"outlet": "X (state)", "voice": "p", "kind": "speaker", "sentences": 3,
                                       "direct": 0, "reported": 3}]
    assert "each outlet's 8 most cited voices" in voice_note(attr, docs, units)


def test_robustness_note_lists_robust_and_fragile_findings():
    from helpers.analysis.robustness import robustness_table
    from helpers.report.framing_robustness import Sensitivity, robustness_note

    sens = pd.DataFrame({"f1": [True, True], "f2": [True, False], "f3": [True, True]}, index=["registry", "other"])
    loo = pd.DataFrame({"f1": [True, True], "f2": [True, True], "f3": [True, None]}, index=["a", "b"])

    class F:
        measures, kinds, sides = {}, {}, {}

    result = Sensitivity(sens, loo, robustness_table(sens, loo), F(), pd.Series({"a": "state", "b": "independent"}))
    note = robustness_note(result, pd.Series({"a": "A", "b": "B"}))
    assert note.startswith("1 of 3 findings hold under every one of the **2** codings and in each of the 2 "
                           "leave-one-out runs: f1.")
    assert "f2 (fails under 1 of 2 codings, e.g. other)" in note
    assert "f3 (rests on B alone, the independent group's only article)" in note
    assert robustness_note(None, pd.Series(dtype=str)).startswith("Not computed")


def test_official_share_is_a_share_on_the_corpus(corpus):
    share = official_share(country_naming(corpus.sentences), corpus.documents.index)
    assert share.index.equals(corpus.documents.index) and share.dropna().between(0, 1).all()


# --- words and keyness -----------------------------------------------------------------------------------
def test_content_terms_leave_out_stopwords_and_fold_names():
    sentences = pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [0, 1], "start": [0, 31], "end": [30, 62],
                              "text": ["The friendship of the peoples.", "Kim Il Sung and the friendship."]})
    counts = content_terms(sentences, stopwords={"the"})
    n = dict(zip(counts["term"], counts["n"]))
    assert n == {"friendship": 2, "and": 1, "kim_il_sung": 1, "of": 1, "peoples": 1}
    assert set(content_terms(sentences)["term"]) == {"friendship", "kim_il_sung", "peoples"}  # stopwords.csv


def test_top_terms_table_per_article_and_per_outlet(docs, labels):
    content = pd.DataFrame({"doc_id": ["a", "a", "a", "b", "c"], "term": ["zeta", "alpha", "beta", "x", "beta"],
                            "n": [2, 2, 5, 1, 1]})
    t = top_terms_table(content, docs, row_units(docs, labels), n=2)
    assert t.loc["A · 2020-05 · x", "most frequent content terms"] == "beta (5), alpha (2)"
    assert t.loc["B · 2019 · y", "most frequent content terms"] == "x (1)"
    assert t["media system"].tolist() == ["state", "independent", "state"]
    same = docs.assign(outlet="A", media_system="state")
    pooled = top_terms_table(content, same, row_units(same, labels, max_rows=1), n=1)
    assert pooled.loc["A (state)"].tolist() == [3, "state", "beta (6)"]


def _loo():
    return pd.DataFrame({"group": ["state", "independent", "state"], "rank": [1, 1, 2], "term": ["a", "b", "c"],
                         "n_i": [3, 0, 2], "n_j": [0, 4, 1], "delta": [1.0, -2.0, 0.5], "se": [1.0] * 3,
                         "z": [1.0, -2.5, 0.5], "kept": [5, 5, 3], "runs": [5] * 3, "stable": [True, True, False]})


def test_keyness_prose_and_table():
    assert prior_note(pd.DataFrame({"n": [1000, 234]}), 500) == \
        "Prior strength used: `alpha0` = 500 pseudo-words, against 1,234 content tokens in the corpus."
    content = pd.DataFrame({"doc_id": ["d1", "d2", "d3", "d1"], "term": ["a", "a", "a", "b"], "n": [1, 1, 1, 4]})
    t = keyness_table(_loo(), content)
    assert "n state" in t.columns and "dropped_by" not in t.columns and t["articles"].tolist() == [3, 1, 0]
    shown = keyness_table(_loo().assign(dropped_by=["", "d1", "d1|d2"]), content, labels=pd.Series({"d1": "One",
                                                                                                  "d2": "Two"}))
    assert shown["dropped_by"].tolist() == ["–", "One", "One; Two"]
    note = stability_note(_loo(), 2)
    assert note.startswith("Of the 3 top terms, **2** stay in the top 2 in all 5 leave-one-out reruns: *a* (state), "
                           "*b* (independent). The largest |z| is 2.50.")
    assert ": none." in stability_note(_loo().assign(stable=False), 2)


def test_words_note_follows_what_the_list_rests_on():
    loo = _loo()
    rare = pd.DataFrame({"doc_id": ["d1", "d1", "d2"], "term": ["a", "b", "c"], "n": [1, 1, 1]})
    assert "rests on one or two articles each" in words_note(loo, rare, 10)
    wide = pd.DataFrame({"doc_id": [f"d{i}" for i in range(9)], "term": ["a", "b", "c"] * 3, "n": 1})
    assert "does not rest on any single article" in words_note(loo, wide, 10)
    text = words_note(loo.assign(stable=[True, False, False]), wide, 10)
    assert "for 2 of them one article's removal pushes the term out of the top 10" in text


def test_figures_draw(corpus):
    loo = pd.DataFrame({"term": ["u", "v"], "group": ["state", "independent"], "delta": [1.0, -1.0],
                        "se": [0.1, 0.2], "stable": [True, False]})
    fig, ax = plot_keyness(loo, 10, 500)
    assert ax.get_title().startswith("1 of 2 top terms")
    import matplotlib.pyplot as plt
    plt.close("all")
