"""load_corpus on the real seeds: columns, exact partition, dates and their basis."""
import pandas as pd
import pytest

from helpers.paths import SEEDS_DIR

DOC_COLUMNS = ["file", "sha256", "outlet", "outlet_country", "media_system", "title", "published",
               "published_precision", "published_basis", "n_words", "text"]


def test_documents_have_the_promised_columns(corpus):
    docs = corpus.documents
    assert len(docs) == 5
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


@pytest.mark.parametrize("outlet, published, precision, basis", [
    ("VnExpress International", "2019-02-19", "day", "stated"),
    ("Hanoi Times", "2019-02-27", "day", "stated"),
    ("The Pyongyang Times", "2023-01-01", "month", "inferred"),
    ("VietExplorer", "2022-01-01", "year", "inferred"),
    ("Korea JoongAng Daily", "2025-01-31", "day", "stated"),
])
def test_publication_dates_and_their_basis(corpus, outlet, published, precision, basis):
    row = corpus.documents.set_index("outlet").loc[outlet]
    assert row["published"] == pd.Timestamp(published)
    assert row["published_precision"] == precision
    assert row["published_basis"] == basis


def test_inconsistent_elapsed_times_are_reported_in_the_evidence(corpus):
    evidence = corpus.documents.set_index("outlet").loc["VietExplorer", "published_evidence"]
    assert "other statements imply 2021" in evidence


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
