"""Tokens, frames, naming and voice: unit tests on made-up sentences, data-file checks on the corpus."""
import pandas as pd
import pytest

from helpers.analysis.framing import (
    attributions, country_naming, frame_density, frame_matches, frame_precision, gazetteer_names,
    group_density, leader_naming, load_frames, load_judgements, phrase_names, quote_spans, slug, source_table,
    term_counts, tokens,
)


def sents(*texts, doc_id="x1", offset=100):
    """Sentences of one made-up article, laid end to end from ``offset`` with one space between them."""
    rows, pos = [], offset
    for i, t in enumerate(texts):
        rows.append((doc_id, i, pos, pos + len(t), t))
        pos += len(t) + 1
    return pd.DataFrame(rows, columns=["doc_id", "sent_id", "start", "end", "text"])


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


def test_term_counts_are_tidy():
    c = term_counts(tokens(sents("Rice and more rice.", doc_id="a") if True else None))
    assert list(c.columns) == ["doc_id", "term", "n"]
    assert c.set_index("term").loc["rice", "n"] == 2


# ---------------------------------------------------------------- frames

FRAMES = pd.DataFrame({"frame": ["aid", "memory"], "indicators": ["assistance|rice|support*", "anniversar*|years ago"]})


def test_frame_matches_trace_to_raw_offsets_and_flag_quotes():
    s = sents("The port town marked its 40th anniversary 12 years ago.",
              '"We sent rice and assistance," the mayor said, citing support from farmers.')
    m = frame_matches(s, FRAMES)
    assert m["term"].tolist() == ["anniversary", "years ago", "rice", "assistance", "support"]
    raw = " ".join(s["text"])  # offsets start at 100
    for r in m.itertuples():
        assert raw[r.start - 100:r.end - 100] == r.term
    assert m["in_quote"].tolist() == [False, False, True, True, False]


def test_quoted_title_is_not_speech():
    s = sents('An exhibition called "Rice and Assistance" opened.')
    m = frame_matches(s, FRAMES)
    assert len(m) == 2 and not m["in_quote"].any()
    assert len(quote_spans(s)) == 1


def test_frame_density_fills_zeros_and_checks_words():
    s = sents("Rice arrived.", doc_id="a")
    m = frame_matches(s, FRAMES)
    d = frame_density(m, {"a": 4, "b": 10}, frames=["aid", "memory"]).set_index(["doc_id", "frame"])
    assert d.loc[("a", "aid"), "per_1000"] == 250
    assert d.loc[("b", "memory"), "n"] == 0
    with pytest.raises(ValueError, match="missing from n_words"):
        frame_density(m, {"b": 10}, frames=["aid"])
    with pytest.raises(ValueError, match="without body words"):
        frame_density(m, {"a": 0}, frames=["aid"])
    g = group_density(d.reset_index(), {"a": "x", "b": "x"}).set_index("frame")
    assert g.loc["aid", "mean_per_1000"] == 125 and g.loc["aid", "pooled_per_1000"] == pytest.approx(1000 / 14)


def test_frame_precision_counts_and_detects_stale_judgements():
    m = frame_matches(sents("Rice and support.", doc_id="a", offset=0), FRAMES)
    j = pd.DataFrame({"doc_id": ["a", "a"], "start": [0, 9], "term": ["Rice", "support"], "frame": ["aid", "aid"],
                      "correct": ["yes", "no"], "note": ["", "not aid"]})
    per, judged = frame_precision(m, j)
    assert per.set_index("frame").loc["aid", "precision"] == 0.5
    with pytest.raises(ValueError, match="is for 'Wheat'"):
        frame_precision(m, j.assign(term=["Wheat", "support"]))
    per, judged = frame_precision(m, j.iloc[:1])
    assert per.loc[0, "judged"] == 1 and judged["correct"].isna().sum() == 1


def test_codebook_examples_are_corpus_sentences_that_match_their_frame(corpus):
    frames = load_frames()
    needed = {"revolution", "leaders", "commemoration", "diplomacy", "development", "aid"}
    assert needed <= set(frames["frame"])
    m = frame_matches(corpus.sentences, frames)
    for f in frames.itertuples():
        assert f.source.strip(), f.frame
        hits = m[(m["doc_id"] == f.example_doc_id) & (m["frame"] == f.frame)]
        assert (hits["sentence"] == f.example).any(), f"example of {f.frame} is not a matching body sentence"


def test_every_corpus_match_is_judged(corpus):
    per, judged = frame_precision(frame_matches(corpus.sentences))
    assert judged["correct"].notna().all(), judged[judged["correct"].isna()][["doc_id", "start", "term"]]
    assert len(load_judgements()) == len(judged)


# ---------------------------------------------------------------- naming

def test_country_naming_forms_and_capital_metonymy():
    s = sents("Pyongyang welcomed the move, and Pyongyang's envoy flew to Hanoi.",
              "The DPRK and North Korean diplomats met in Pyongyang; the North's media praised the Hanoi Opera House.",
              "The Socialist Republic of Vietnam and Viet Nam are one state.")
    c = country_naming(s)
    forms = c.groupby("form")["surface"].apply(list).to_dict()
    assert forms["Pyongyang (metonym)"] == ["Pyongyang", "Pyongyang"]
    assert "Hanoi (metonym)" not in forms  # "to Hanoi" and "Hanoi Opera House" name the place
    assert forms["DPRK"] == ["DPRK"] and forms["North Korean (adjective)"] == ["North Korean"]
    assert forms["the North"] == ["the North"]
    assert forms["Socialist Republic of Vietnam"] == ["Socialist Republic of Vietnam"]
    assert "Vietnam" not in forms and forms["Viet Nam"] == ["Viet Nam"]


def _mentions(s, names):
    rows = []
    for r in s.itertuples():
        for name, eid in names:
            i = r.text.find(name)
            if i >= 0:
                rows.append((r.doc_id, r.sent_id, r.start + i, r.start + i + len(name), name, eid, "person"))
    return pd.DataFrame(rows, columns=["doc_id", "sent_id", "start", "end", "surface", "entity_id", "type"])


def test_leader_naming_reads_honorifics_titles_and_spelling():
    s = sents("The respected Comrade Kim Jong Un inspected a farm.",
              "North Korean leader Kim Jong-un, General Secretary of the party, left.",
              "Former Premier Pak Song Chol spoke.")
    m = _mentions(s, [("Kim Jong Un", "kim_jong_un"), ("Kim Jong-un", "kim_jong_un"), ("Pak Song Chol", "pak")])
    n = leader_naming(s, m).set_index("sent_id")
    assert n.loc[0, "honorific"] == "the respected Comrade|Comrade" and n.loc[0, "spelling"] == "spaced"
    assert n.loc[1, "spelling"] == "hyphenated" and n.loc[1, "premodifier"] == "North Korean leader"
    assert n.loc[1, "appositive"] == "General Secretary of the party"
    assert set(n.loc[1, "title"].split("|")) == {"General Secretary", "leader"}
    assert set(n.loc[2, "title"].split("|")) == {"Premier", "late / former"}
    with pytest.raises(ValueError, match="mentions need columns"):
        leader_naming(s, m.drop(columns="type"))


# ---------------------------------------------------------------- voice

def test_attributions_direct_reported_sources_and_pronouns():
    s = sents('"The harvest doubled," Tran Van Binh, a co-operative head, said.',
              '"We need tractors," he said.',
              "The farm grew, according to the Vietnam News Agency.",
              "Observers have noted a trend.",
              "In a letter to Binh, the minister said the plan would work.",
              "Nothing here is attributed.")
    m = _mentions(s, [("Tran Van Binh", "binh"), ("Binh", "binh")])
    m = m[~((m["sent_id"] == 0) & (m["surface"] == "Binh"))]
    a = attributions(s, m).set_index("sent_id")
    assert list(a.index) == [0, 1, 2, 3, 4]
    assert a.loc[0, "speech"] == "direct" and a.loc[0, "speaker"] == "binh"
    assert a.loc[1, "speaker"] == "binh"  # "he" takes the previous speaker
    assert a.loc[2, "sources"] == "Vietnam News Agency" and a.loc[2, "speech"] == "reported"
    assert a.loc[3, "sources"] == "observers (unnamed)" and a.loc[3, "speaker_text"] == ""
    assert pd.isna(a.loc[4, "speaker"]) and a.loc[4, "speaker_text"] == "the minister"  # not "Binh" after 'to'
    t = source_table(a.reset_index())
    assert t.set_index("voice").loc["binh", "direct"] == 2
