"""Agency copy stored with a story's paragraphs on one line, joined by ", , " (as the public KCNA
archives keep it): the body is found, the segments still partition the file, and sentences split at the
joins with the commas left out. All strings here are synthetic, written for these tests."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from helpers.corpus.segment import classify_lines, segment_spans
from helpers.corpus.sentences import split_sentences

PARAGRAPHS = [
    "A delegation of the Ministry of Fisheries of a friendly country arrived here on Tuesday.",
    "The delegation was greeted at the airport by the vice-minister and officials concerned.",
    'The minister said: "Our ties have grown stronger in every field over the years."',
    "Present at the meeting were the ambassador and members of the embassy staff.",
]
TAIL = ", , ,  , , , , , , , , ,"


def _story(paragraphs, join=", ,  ", tail=TAIL, title="Delegation of Fisheries Ministry Arrives"):
    return f"{title}\n\n{join.join(paragraphs)}{tail}\n"


def _kinds(text):
    return [(kind, rule) for _, _, kind, rule in segment_spans(text)]


def _assert_partition(text):
    spans = segment_spans(text)
    assert "".join(text[a:b] for a, b, _, _ in spans) == text
    assert all(a < b for a, b, _, _ in spans)
    assert all(b == a2 for (_, b, _, _), (a2, _, _, _) in zip(spans, spans[1:]))


def test_one_sentence_paragraphs_joined_by_commas_are_the_body():
    text = _story(PARAGRAPHS)
    assert _kinds(text) == [("headline", "title"), ("body", "paragraph")]
    _assert_partition(text)


def test_one_paragraph_story_with_a_trailing_comma_run_is_the_body():
    text = _story(PARAGRAPHS[:1], tail=" , , , ,  , , , , , , , , ,")
    assert _kinds(text) == [("headline", "title"), ("body", "paragraph")]


def test_navigation_of_short_comma_separated_items_stays_boilerplate():
    nav = "Home, News, Politics, Economy, Sports, Culture, Photos, Videos, Contact, , , ,"
    tags = "Korea. , , Vietnam. , , Hanoi. , , Pyongyang. , , Friendship. , , Delegation. , ,"
    titles = ("Minister Receives Envoy., , Delegation Arrives In Capital City Today., , "
              "Friendship Week Opens With Grand Event Here., , ")
    text = f"{nav}\n{tags}\n{titles}\nDelegation of Fisheries Ministry Arrives\n\n" + _story(PARAGRAPHS, title="")
    labelled = {text[a:b].strip(): (kind, rule) for a, b, kind, rule in classify_lines(text)}
    for line in (nav, tags, titles.strip()):
        assert labelled[line.strip()] == ("boilerplate", "navigation")
    assert labelled["Delegation of Fisheries Ministry Arrives"] == ("headline", "title")
    _assert_partition(text)


def test_lower_case_comma_list_is_not_joined_paragraphs():
    text = "Title of the page here\n\nhome, news, world, sport, culture, contact us today., ,\n"
    assert ("body", "paragraph") not in _kinds(text)


def test_sentences_split_at_joins_and_leave_the_commas_out():
    text = _story(PARAGRAPHS)
    spans = segment_spans(text)
    a, b = next((a, b) for a, b, kind, _ in spans if kind == "body")
    got = [text[s:e] for s, e in split_sentences(text, a, b)]
    assert got == PARAGRAPHS
    assert all("," not in g[-1:] for g in got)


def test_join_after_a_closing_quote_with_one_comma_and_after_a_colon():
    text = 'He wrote "A new era has begun.",  The article said:, ,  The ties are old and strong.'
    assert [text[a:b] for a, b in split_sentences(text)] == [
        'He wrote "A new era has begun."', "The article said:", "The ties are old and strong."]


def test_one_comma_after_an_acronym_or_abbreviation_is_not_a_join():
    text = "Officials of the U.S., Japan and Korea met the head of Acme Co., Ltd. on Monday."
    assert split_sentences(text) == [(0, len(text))]


def test_a_colon_without_a_join_and_commas_inside_words_do_not_split():
    text = "The note reads: The talks went well and the delega, ,  tion left on Friday."
    assert split_sentences(text) == [(0, len(text))]


def test_sentence_end_offsets_stop_at_the_stop_or_closing_quote():
    text = 'They met on Friday., , ,  He said "It was good." , , , ,  , , ,\n'
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == ["They met on Friday.", 'He said "It was good."']
    assert text[spans[-1][1] - 1] == '"'


def test_comma_run_without_a_stop_is_kept_in_the_sentence():
    text = "The list goes on, , ,"
    assert [text[a:b] for a, b in split_sentences(text)] == ["The list goes on, , ,"]


def test_long_joined_line_is_linear_enough():
    text = "Title Of The Story\n\n" + "The delegation arrived here on Tuesday by air. , , " * 20_000 + "\n"
    spans = segment_spans(text)
    body = [(a, b) for a, b, kind, _ in spans if kind == "body"]
    assert len(body) == 1
    assert len(split_sentences(text, *body[0])) == 20_000


# Random files built from the pieces of agency copy and of page furniture.
PIECES = st.sampled_from(PARAGRAPHS + [
    ", ,  ", ", , , ,  , , ,", ". , , ", ",", " ", "\n", "\n\n", "\r\n", "Home, News, Sports, ",
    "Delegation Arrives", "Photo by KCNA", "Comments", "\ufeff", "Friday.", "the C.C., the ", "said:, , ",
    '"', "(KCNA) -- ", "Feb. 27, 2012", "U.S., , ",
])
TEXTS = st.lists(PIECES, max_size=30).map("".join)


@settings(max_examples=200, derandomize=True, deadline=None)
@given(TEXTS)
def test_segments_partition_random_agency_like_texts(text):
    spans = segment_spans(text)
    assert "".join(text[a:b] for a, b, _, _ in spans) == text
    for a, b, kind, _ in spans:
        if kind == "body":
            for s, e in split_sentences(text, a, b):
                assert a <= s < e <= b
                assert not text[s].isspace() and not text[e - 1].isspace()
