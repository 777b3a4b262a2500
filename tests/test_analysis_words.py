"""Words: tokens and term counts on made-up sentences; the shared test helpers for the analysis tests."""
import pandas as pd
import pytest

from helpers.analysis.words import gazetteer_names, load_stopwords, normalize, phrase_names, slug, term_counts, tokens


def sents(*texts, doc_id="x1", offset=100):
    """Sentences of one made-up article, laid end to end from ``offset`` with one space between them."""
    rows, pos = [], offset
    for i, t in enumerate(texts):
        rows.append((doc_id, i, pos, pos + len(t), t))
        pos += len(t) + 1
    return pd.DataFrame(rows, columns=["doc_id", "sent_id", "start", "end", "text"])



def person_mentions(s, names):
    """Mentions (``type`` person) of each ``(surface, entity_id)`` at its first place in each sentence."""
    rows = []
    for r in s.itertuples():
        for name, eid in names:
            i = r.text.find(name)
            if i >= 0:
                rows.append((r.doc_id, r.sent_id, r.start + i, r.start + i + len(name), name, eid, "person"))
    return pd.DataFrame(rows, columns=["doc_id", "sent_id", "start", "end", "surface", "entity_id", "type"])



# ---------------------------------------------------------------- tokens

def test_tokens_keep_names_whole_and_offsets_raw():
    s = sents("Kim Il-sung's envoy met the Workers’ Party of Korea and US officials; let us go.")
    finder = phrase_names({"Kim Il Sung": "kim_il_sung", "Workers' Party of Korea": "workers_party_of_korea",
                           "US": "united_states"})
    t = tokens(s, finder)
    assert t["term"].tolist() == ["kim_il_sung", "envoy", "met", "the", "workers_party_of_korea", "and",
                                  "united_states", "officials", "let", "us", "go"]
    first = t.iloc[0]
    assert s.text[0][first.start - 100:first.end - 100] == "Kim Il-sung's"


def test_romanisation_variants_are_one_term():
    s = sents("Kim Jong-un arrived.", "Kim Jong Un left.", "Comrade Kim Jong-Un waved.")
    counts = term_counts(tokens(s, gazetteer_names()))
    assert counts.set_index("term").loc["kim_jong_un", "n"] == 3
    assert "jong" not in set(counts["term"])


def test_tokens_lowercase_split_hyphens_and_keep_dotted_abbreviations():
    t = tokens(sents("The anti-war U.S. envoy's long-standing plan."))
    assert t["term"].tolist() == ["the", "anti", "war", "u.s.", "envoy", "long", "standing", "plan"]
    with pytest.raises(ValueError, match="sentences need columns"):
        tokens(pd.DataFrame({"text": ["x"]}))
    assert slug("Workers' Party of Korea") == "workers_party_of_korea"


def test_term_counts_are_tidy_and_add_up_to_the_tokens():
    t = tokens(sents("Rice and more rice.", "More rice, less talk.", doc_id="a"))
    c = term_counts(t)
    assert list(c.columns) == ["doc_id", "term", "n"]
    assert c["n"].sum() == len(t)
    assert c.set_index("term").loc["rice", "n"] == 3
    assert c["n"].is_monotonic_decreasing  # most frequent first within the one article
    assert not c.duplicated(["doc_id", "term"]).any()


def test_normalize_drops_case_diacritics_and_possessives():
    assert normalize("Việt’s") == "viet"
    assert normalize("US") == "us"


def test_corpus_tokens_point_into_the_raw_file(corpus):
    t = tokens(corpus.sentences)
    raw = corpus.documents["raw"]
    sample = t.iloc[:: max(1, len(t) // 200)]
    for r in sample.itertuples():
        assert normalize(raw[r.doc_id][r.start:r.end]) == r.term


def test_stopwords_are_lower_case_words():
    stop = load_stopwords()
    assert {"the", "and", "of"} <= stop
    assert all(w == w.lower() and w.strip() == w for w in stop)
