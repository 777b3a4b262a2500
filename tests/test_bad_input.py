"""Bad input stops the load with an error that names the file and the problem; nothing is half loaded."""
import shutil

import pytest

from helpers import CorpusError, load_corpus

ARTICLE = ("Vietnam and Laos sign a trade pact\n\nMarch 3, 2021 / 10:00\n\n"
           "Vietnam and Laos signed a trade agreement in Vientiane on Tuesday. The deal cuts tariffs on rice.\n")


def _add(seeds, name, data: bytes, outlet="Hanoi Times", published=""):
    (seeds / name).write_bytes(data)
    with open(seeds / "catalog.csv", "a", encoding="utf-8") as f:
        f.write(f"{name},{outlet},{published},,\n")


def _problems(seeds):
    with pytest.raises(CorpusError) as info:
        load_corpus(seeds)
    return str(info.value), info.value.problems


def test_invalid_utf8_names_the_file_and_byte(seeds_copy):
    _add(seeds_copy, "bad.txt", ARTICLE.encode("utf-8") + b"\xff\xfe broken")
    message, problems = _problems(seeds_copy)
    print(message)
    assert "bad.txt: not valid UTF-8 (byte 0xff at offset" in message
    assert len(problems) == 1


def test_empty_seed(seeds_copy):
    _add(seeds_copy, "empty.txt", b"")
    _add(seeds_copy, "blank.txt", b" \n\t\r\n")
    message, problems = _problems(seeds_copy)
    print(message)
    assert "empty.txt: the file is empty" in message
    assert "blank.txt: the file is empty (only white space)" in message


def test_seed_without_catalog_row(seeds_copy):
    (seeds_copy / "orphan.txt").write_text(ARTICLE, encoding="utf-8")
    message, _ = _problems(seeds_copy)
    print(message)
    assert "orphan.txt: no row in" in message and "catalog.csv" in message


def test_catalog_row_without_seed(seeds_copy):
    with open(seeds_copy / "catalog.csv", "a", encoding="utf-8") as f:
        f.write("ghost.txt,Hanoi Times,,,\n")
    message, _ = _problems(seeds_copy)
    print(message)
    assert "row for 'ghost.txt': no such seed file" in message


def test_two_seeds_with_the_same_text(seeds_copy):
    original = next(seeds_copy.glob("000_*.txt"))
    # The same article saved again with Windows line endings and a BOM is still the same text.
    _add(seeds_copy, "copy.txt", b"\xef\xbb\xbf" + original.read_bytes().replace(b"\n", b"\r\n"))
    message, _ = _problems(seeds_copy)
    print(message)
    assert f"same text as {original.name}" in message


def test_catalog_outlet_missing_from_registry(seeds_copy):
    _add(seeds_copy, "new.txt", ARTICLE.encode(), outlet="Lao News Agency")
    message, _ = _problems(seeds_copy)
    print(message)
    assert "outlet 'Lao News Agency' is not in the registry" in message


def test_every_problem_is_listed_at_once(seeds_copy):
    _add(seeds_copy, "empty.txt", b"")
    _add(seeds_copy, "new.txt", ARTICLE.encode(), outlet="Lao News Agency")
    _, problems = _problems(seeds_copy)
    assert len(problems) == 2


def test_bad_registry_and_catalog_values(seeds_copy):
    registry = seeds_copy / "outlets.csv"
    registry.write_text(registry.read_text(encoding="utf-8").replace(",KOR,", ",Korea,"), encoding="utf-8")
    _add(seeds_copy, "new.txt", ARTICLE.encode(), published="March 2021")
    message, _ = _problems(seeds_copy)
    print(message)
    assert "country 'Korea' is not an ISO 3166-1 alpha-3 code" in message
    assert "published 'March 2021' is not YYYY, YYYY-MM or YYYY-MM-DD" in message


def test_missing_catalog_file(seeds_copy):
    (seeds_copy / "catalog.csv").unlink()
    message, _ = _problems(seeds_copy)
    assert "catalog.csv: file is missing" in message


def test_missing_seeds_folder(tmp_path):
    with pytest.raises(CorpusError, match="seeds folder does not exist"):
        load_corpus(tmp_path / "nowhere")


def test_bom_crlf_and_stray_whitespace_are_handled(seeds_copy):
    data = ("\ufeff  " + ARTICLE.replace("\n", "\r\n") + "  \r\n\r\n\t\r\n").encode("utf-8")
    _add(seeds_copy, "windows.txt", data)
    corpus = load_corpus(seeds_copy)
    segs = corpus.segments[corpus.segments["doc_id"] == "windows"]
    assert "".join(segs["text"]).encode("utf-8") == data
    doc = corpus.documents.loc["windows"]
    assert doc["title"] == "Vietnam and Laos sign a trade pact"
    assert doc["published"].strftime("%Y-%m-%d") == "2021-03-03" and doc["published_basis"] == "stated"
    sents = corpus.sentences[corpus.sentences["doc_id"] == "windows"]["text"].tolist()
    assert sents == ["Vietnam and Laos signed a trade agreement in Vientiane on Tuesday.",
                     "The deal cuts tariffs on rice."]


def test_new_article_goes_through_the_same_path(seeds_copy):
    undated = "Friendship delegation visits Hanoi\n\nThe delegation arrived in Hanoi yesterday. It met officials.\n"
    _add(seeds_copy, "undated.txt", undated.encode(), published="2021-03")
    _add(seeds_copy, "nodate.txt", undated.replace("Hanoi", "Hue").encode())
    docs = load_corpus(seeds_copy).documents
    assert len(docs) == 7
    assert docs.loc["undated", "published_basis"] == "catalog"
    assert docs.loc["undated", "published_precision"] == "month"
    assert docs.loc["nodate", "published_basis"] == "unknown"
    assert docs["published"].isna().sum() == 1
