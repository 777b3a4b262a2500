"""Properties of the loader on arbitrary text and bytes (hypothesis, derandomized: the same examples every run).

- segments partition each raw text exactly: joined in order they give it back, offsets contiguous from 0;
- sentences lie inside body segments, and their text is the raw text at their offsets;
- the caption rule finds what the earlier (quadratic) rule found;
- any bytes saved as a seed file either load or raise CorpusError, never anything else.
"""
import re

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from helpers import CorpusError, load_corpus
from helpers.corpus.load import process_document
from helpers.corpus.segment import KINDS, _is_caption, segment_text

FUZZ = settings(max_examples=150, derandomize=True, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
# Pieces of real pages, so the examples reach every rule, mixed with arbitrary characters.
PIECES = st.sampled_from([
    "Vietnam and Laos sign a trade pact", "March 3, 2021 / 10:00", "Published: 31 Jan. 2025, 10:06",
    "HANOI, Feb. 27 (Yonhap) -- ", "The two leaders met in Hanoi on Tuesday. They agreed.", "Photo by Reuters",
    "(Source: KCNA)", "[YONHAP]", "Yonhap", "Related articles", "Comments", "The post X appeared first on Y.",
    "\n", "\n\n", "\r\n", " ", "\t", "\ufeff", "\u200b", "\x00", ".", "...", ", , ", "U.S.", "Mr.", "(", ")", "[", "]",
])
TEXTS = st.lists(PIECES | st.text(max_size=12), max_size=40).map("".join)
# The caption rule before it was made linear.
REFERENCE_CAPTION = re.compile(
    r"(?:\b(?:Photo|Photos|Image|Picture)s?\s*(?:by\b|:|courtesy\b|credit\b)"
    r"|\((?:Photo|Source|Image)\s*:[^)]*\)\s*$"
    r"|\[[A-Z][A-Z0-9 .,&/'-]{1,60}\]\s*$)",
)
OUTLETS = ("outlet,country,ownership,media_system,ambiguous,alternative_media_system,evidence\n"
           "Hanoi Times,VNM,Hanoi People's Committee,state,false,,a test outlet\n")


@FUZZ
@given(TEXTS)
def test_segments_partition_the_text_exactly(text):
    rows = segment_text("x", text)
    assert "".join(r["text"] for r in rows) == text
    pos = 0
    for seq, r in enumerate(rows):
        assert (r["seq"], r["start"]) == (seq, pos) and r["end"] > r["start"] and r["kind"] in KINDS
        assert text[r["start"]:r["end"]] == r["text"]
        pos = r["end"]
    assert pos == len(text)


@FUZZ
@given(TEXTS)
def test_sentences_lie_inside_body_segments(text):
    _, segments, sentences = process_document("x", text)
    bodies = [(start, end) for _, _, start, end, kind, _ in segments if kind == "body"]
    for doc_id, sent_id, start, end in sentences:
        assert any(a <= start < end <= b for a, b in bodies)
        assert text[start:end].strip() == text[start:end]  # a sentence is trimmed of white space


@FUZZ
@given(st.lists(PIECES | st.sampled_from(["Image:", "Pictures credit", "(Photo :", "[A]", "A", "-", "1"]) | st.text(max_size=6),
                min_size=1, max_size=20).map("".join))
def test_the_caption_rule_finds_what_the_earlier_rule_found(line):
    line = line.strip().lstrip("\ufeff").strip()
    if line:
        assert _is_caption(line) == (REFERENCE_CAPTION.search(line) is not None)


@pytest.fixture(scope="module")
def one_seed_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz_seeds")
    (folder / "outlets.csv").write_text(OUTLETS, encoding="utf-8")
    (folder / "catalog.csv").write_text("file,outlet,published,url,note\na.txt,Hanoi Times,2021,,\n", encoding="utf-8")
    return folder


@FUZZ
@given(st.binary(max_size=400) | TEXTS.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_any_bytes_as_a_seed_file_load_or_raise_corpus_error(one_seed_folder, data):
    (one_seed_folder / "a.txt").write_bytes(data)
    try:
        corpus = load_corpus(one_seed_folder)
    except CorpusError as exc:
        assert exc.problems and all("a.txt" in p for p in exc.problems)
        return
    raw = corpus.documents.loc["a", "raw"]
    assert raw.encode("utf-8") == data
    assert "".join(corpus.segments["text"]) == raw
    assert set(corpus.problems["doc_id"]) <= {"a"}
