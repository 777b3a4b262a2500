"""load_corpus on the real seeds: columns, exact partition, dates and their basis, as properties of any seeds."""
import re

import pandas as pd

from helpers.corpus.segment import parse_dateline
from helpers.paths import SEEDS_DIR

DOC_COLUMNS = ["file", "sha256", "outlet", "outlet_country", "media_system", "title", "published",
               "published_precision", "published_basis", "n_words", "text"]


def test_documents_have_the_promised_columns(corpus):
    docs = corpus.documents
    assert len(docs) == len(list(SEEDS_DIR.glob("*.txt")))
    assert set(docs["file"]) == {p.name for p in SEEDS_DIR.glob("*.txt")}
    assert docs.index.name == "doc_id"
    assert set(DOC_COLUMNS) <= set(docs.columns)
    assert pd.api.types.is_datetime64_any_dtype(docs["published"])
    assert set(docs["media_system"]) <= {"state", "independent"}
    assert list(corpus.segments.columns[:6]) == ["doc_id", "seq", "start", "end", "kind", "rule"]
    assert list(corpus.sentences.columns) == ["doc_id", "sent_id", "start", "end", "text"]


def test_segments_join_back_to_each_file_byte_for_byte(corpus):
    for doc_id, group in corpus.segments.groupby("doc_id"):
        raw = (SEEDS_DIR / f"{doc_id}.txt").read_bytes()
        assert "".join(group.sort_values("seq")["text"]).encode("utf-8") == raw
        assert group["start"].iloc[0] == 0
        assert (group["start"].iloc[1:].to_numpy() == group["end"].iloc[:-1].to_numpy()).all()


def test_sentence_offsets_point_into_the_raw_file(corpus):
    raw = corpus.documents["raw"]
    for row in corpus.sentences.itertuples():
        assert raw[row.doc_id][row.start:row.end] == row.text


def test_a_stated_date_is_the_date_its_dateline_states(corpus):
    docs = corpus.documents
    datelines = corpus.segments[corpus.segments["kind"] == "dateline"].groupby("doc_id")["text"].first()
    stated = docs[docs["published_basis"] == "stated"]
    assert len(stated)
    for doc_id, row in stated.iterrows():
        assert row["published"] == parse_dateline(datelines[doc_id]), doc_id
        assert row["published_precision"] == "day"


def test_an_inferred_date_rests_on_a_body_sentence(corpus):
    docs = corpus.documents
    inferred = docs[docs["published_basis"] == "inferred"]
    assert len(inferred)
    sentences = corpus.sentences
    for doc_id, row in inferred.iterrows():
        span = re.search(r"\[(\d+):(\d+)\]$", row["published_evidence"])
        assert span, f"{doc_id}: inferred evidence names no span"
        a, b = int(span.group(1)), int(span.group(2))
        s = sentences[sentences["doc_id"] == doc_id]
        assert ((s["start"] <= a) & (b <= s["end"])).any(), f"{doc_id}: evidence [{a}:{b}] not inside a body sentence"
        assert row["published_precision"] in {"month", "year"}


def test_no_boilerplate_or_caption_text_reaches_the_document_text(corpus):
    seg = corpus.segments
    noise = seg[seg["kind"].isin(["boilerplate", "caption"])]
    body = seg[seg["kind"] == "body"]
    for r in noise.itertuples():
        text = r.text.strip()
        # a segment repeated verbatim in the body (a caption restating a sentence) is not noise that leaked in
        if len(text) < 12 or body[body["doc_id"] == r.doc_id]["text"].str.contains(text, regex=False).any():
            continue
        assert text not in corpus.documents.at[r.doc_id, "text"], (r.doc_id, r.kind, r.rule, text[:60])


def test_inconsistent_elapsed_times_are_reported_in_the_evidence(corpus):
    evidence = corpus.documents["published_evidence"].fillna("")
    assert evidence.str.contains("other statements imply").any()


def test_boilerplate_of_each_kind_is_found(corpus):
    rules = set(corpus.segments.loc[corpus.segments["kind"] == "boilerplate", "rule"])
    assert {"navigation", "duplicate-headline", "duplicate-caption", "repost-footer", "link-list",
            "agency-signoff"} <= rules


def test_body_text_excludes_boilerplate(corpus):
    docs = corpus.documents.set_index("outlet")
    assert "More From Pyongyang Times" not in docs.loc["The Pyongyang Times", "text"]
    assert "appeared first on" not in docs.loc["VietExplorer", "text"]
    assert not docs.loc["Korea JoongAng Daily", "text"].rstrip().endswith("Yonhap")
    assert docs.loc["The Pyongyang Times", "title"] is None or pd.isna(docs.loc["The Pyongyang Times", "title"])


def test_abbreviations_do_not_split_sentences(corpus):
    texts = corpus.sentences["text"]
    assert texts.str.contains("U.S. President Donald Trump", regex=False).any()
    assert texts.str.contains("Jan. 31, 1950", regex=False).any()
    assert (texts == "Both received support from China and the Soviet Union.").any()
