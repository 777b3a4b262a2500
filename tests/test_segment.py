"""Segmentation rules on pages that are not from the seeds."""
from helpers.corpus.segment import parse_dateline, segment_text


def kinds(text):
    rows = segment_text("x", text)
    assert "".join(r["text"] for r in rows) == text
    return [(r["kind"], r["rule"], r["text"].strip()) for r in rows]


def test_navigation_headline_dateline_caption_body_and_tail():
    page = (
        "Home World Business Sport Travel Life Culture Opinion Video Podcasts Newsletters Events Weather Games\n"
        "Laos and Vietnam open a new railway link\n"
        "Published: 2 Dec. 2021, 09:30\n"
        "The train at Vientiane station. Photo by Reuters\n"
        "Laos and Vietnam opened a railway link on Thursday. Officials said it would carry freight.\n"
        "The train at Vientiane station. Photo by Reuters\n"
        "Trade outlook\n"
        "Exports are expected to double by 2025, the ministry said.\n"
        "Related articles\n"
        "Vietnam rice exports rise\n"
    )
    got = kinds(page)
    assert [k for k, _, _ in got] == ["boilerplate", "headline", "dateline", "caption", "body", "boilerplate",
                                       "headline", "body", "boilerplate"]
    assert [r for _, r, _ in got][5] == "duplicate-caption"
    assert got[6][1] == "crosshead" and got[-1][1] == "link-list"


def test_repost_footer_comments_and_agency_signoff():
    page = ("Leaders exchange greetings\n\nThe two leaders exchanged greetings on the anniversary of ties.\n\n"
            "AFP\n")
    assert kinds(page)[-1][:2] == ("boilerplate", "agency-signoff")
    blog = ("A blog post title\n\nSome prose that is long enough to be a paragraph here.\n\n"
            "The post A blog post title appeared first on Example Blog.\n\nComments\n\nNice post!\n")
    got = kinds(blog)
    assert [r for _, r, _ in got][-2:] == ["repost-footer", "comments"]
    assert got[-1][2].endswith("Nice post!")


def test_agency_dateline_is_split_from_the_first_paragraph():
    page = "Kim visits Hanoi\n\nHANOI, Feb. 27 (Yonhap) -- North Korean leader Kim Jong-un arrived in Hanoi on Tuesday.\n"
    got = kinds(page)
    assert got[1] == ("dateline", "agency-dateline", "HANOI, Feb. 27 (Yonhap) --")
    assert got[2][0] == "body" and got[2][2].startswith("North Korean leader")


def test_page_of_only_prose_has_no_headline():
    got = kinds("January 31 is the anniversary of ties between the two states.\nThe ties grew stronger.\n")
    assert [k for k, _, _ in got] == ["body", "body"]


def test_empty_and_blank_text():
    assert segment_text("x", "") == []
    assert kinds("\n \n")[0][:2] == ("boilerplate", "blank")


def test_parse_dateline_formats():
    assert str(parse_dateline("February 19, 2019 | 05:01 am PT").date()) == "2019-02-19"
    assert str(parse_dateline("Feb 27, 2019 / 19:13").date()) == "2019-02-27"
    assert str(parse_dateline("Published: 31 Jan. 2025, 10:06").date()) == "2025-01-31"
    assert str(parse_dateline("Sept. 3, 2020").date()) == "2020-09-03"
    assert str(parse_dateline("2020-11-05 08:00").date()) == "2020-11-05"
    assert parse_dateline("no date here") is None


def test_dateline_rule_on_a_label_and_a_long_run_of_spaces():
    """Regression: the dateline rule backtracked cubically on white space after a label (800 spaces: 16 s).
    Not a timed test: at 200,000 characters a super-linear rule would stall the suite visibly."""
    from helpers.corpus.segment import DATELINE_LINE

    for line in ("Published" + " " * 200_000 + "x", "May 12, 2019" + " " * 200_000 + "x",
                 "Published: May 12, 2019 |" + " \t" * 100_000):
        assert DATELINE_LINE.match(line) is None
    assert DATELINE_LINE.match("Published : May 12, 2019  |  10:17 pm PT")
