"""Unit tests for helpers.annotate.timex on sentences written for the tests (not from the seeds)."""
import re

import pandas as pd
import pytest

from helpers.annotate.timex import (ALTERNATIVES, COLUMNS, corpus_timexes, extract_corpus_timexes, extract_timexes,
                                   find_timexes, timex_frame)
from helpers.annotate.timex_resolve import RESOLVERS
from helpers.corpus.sentences import split_sentences
from helpers.dates.anniversary import Reference, ago_offset, load_references
from helpers.dates.anniversary import alias_pattern as _alias_pattern
from helpers.dates.grammar import parse_number, parse_ordinal

REFS = (
    Reference("dprk_vnm", _alias_pattern(["establishment of diplomatic relations", "diplomatic ties"]),
              (1950, 1, 31), re.compile(r"(?:the\s+)?(?:North\s+Korea|Vietnam|two\s+countries)", re.I)),
    Reference("rok_vnm", _alias_pattern(["diplomatic ties with South Korea"]), (1992, 12, 22), None),
)


def run(text, published=None, precision=None, refs=REFS, split=True):
    """Extract from ``text`` split into sentences at '. ' boundaries; return (text, kind, value, end_value)."""
    spans, start = [], 0
    for m in re.finditer(r"(?<=[.!?])\s+", text) if split else ():
        spans.append((len(spans), start, m.start()))
        start = m.end()
    spans.append((len(spans), start, len(text)))
    pub = pd.Timestamp(published) if published else None
    rows = extract_timexes("doc", text, spans, pub, precision, refs)
    for r in rows:
        assert text[r.start:r.end] == r.text
    return [(r.text, r.kind, r.value, r.end_value) for r in rows]


def values(text, **kw):
    return [(t, v) for t, _, v, _ in run(text, **kw)]


# ---------------------------------------------------------------- absolute dates and ranges
def test_full_and_partial_dates():
    text = ("The treaty was signed on March 4, 1961 and ratified on 12 Sept. 1961; talks began in "
            "October, 1960, resumed in May 1962 and ended in 1963, the archive dates it 1961-03-04.")
    assert values(text, split=False) == [("March 4, 1961", "1961-03-04"), ("12 Sept. 1961", "1961-09-12"),
                            ("October, 1960", "1960-10"), ("May 1962", "1962-05"), ("1963", "1963"),
                            ("1961-03-04", "1961-03-04")]


def test_ranges():
    rows = run("The delegation toured from August 30 to September 4, 1972, then again 3-9 May 1975. "
               "The war lasted 1965-1973 and a truce held between 1953 and 1955. Trade grew from 1991 to 1998 "
               "and stalled in 1999-2001. Aid flowed June to August 1968.")
    assert [(t, v, e) for t, k, v, e in rows if k == "range"] == [
        ("August 30 to September 4, 1972", "1972-08-30", "1972-09-04"), ("3-9 May 1975", "1975-05-03", "1975-05-09"),
        ("1965-1973", "1965", "1973"), ("1953 and 1955", "1953", "1955"), ("1991 to 1998", "1991", "1998"),
        ("1999-2001", "1999", "2001"), ("June to August 1968", "1968-06", "1968-08")]


def test_range_across_new_year_and_two_digit_end():
    assert run("Celebrations ran December 28 to January 3, 1960.")[0][2:] == ("1959-12-28", "1960-01-03")
    assert run("The plan covered 1961-65.")[0][2:] == ("1961", "1965")


def test_two_years_joined_by_and_are_two_dates():
    assert values("He went there in 1970 and 1975.") == [("1970", "1970"), ("1975", "1975")]


def test_decades():
    rows = run("In the 1970s trade was small; by the late 1980s it had collapsed, and in the 2010s it revived.")
    assert [(t, k, v) for t, k, v, _ in rows] == [("1970s", "decade", "197X"), ("late 1980s", "decade", "198X"),
                                                  ("2010s", "decade", "201X")]


def test_juche_years():
    assert values("The factory opened in Juche 48 (1959).") == [("Juche 48 (1959)", "1959")]
    assert values("It was rebuilt in Juche 102.") == [("Juche 102", "2013")]
    assert values("A misprint: Juche 48 (1961).") == [("Juche 48 (1961)", "")]    # the two years disagree


# ---------------------------------------------------------------- relative to publication
def test_relative_to_publication():
    text = ("Ministers met last March and will meet again later this month. Exports fell last year "
            "but should rise next year. The minister, who resigned 12 years ago, spoke today. "
            "Results came three months ago and were published yesterday.")
    assert values(text, published="2021-07-14", precision="day") == [
        ("last March", "2021-03"), ("later this month", "2021-07"), ("last year", "2020"), ("next year", "2022"),
        ("12 years ago", "2009"), ("today", "2021-07-14"), ("three months ago", "2021-04"),
        ("yesterday", "2021-07-13")]


def test_last_month_name_crosses_year():
    assert values("The envoy arrived last December.", published="2021-07-14", precision="day") == [
        ("last December", "2020-12")]
    assert values("The fair opens next March.", published="2021-07-14", precision="day") == [
        ("next March", "2022-03")]
    assert values("It rained in June last year.", published="2021", precision="year") == [("June last year", "2020-06")]


def test_weekdays_past_and_future():
    # 2021-07-14 is a Wednesday
    assert values("The agency said on Monday that talks failed.", published="2021-07-14", precision="day") == [
        ("Monday", "2021-07-12")]
    assert values("The envoy will fly to Hanoi on Friday.", published="2021-07-14", precision="day") == [
        ("Friday", "2021-07-16")]
    assert values("On Saturday, the envoy will fly home.", published="2021-07-14", precision="day") == [
        ("Saturday", "2021-07-17")]
    assert values("Officials reported Wednesday that it rained.", published="2021-07-14", precision="day") == [
        ("Wednesday", "2021-07-14")]
    assert values("He left Monday evening (July 12) for Beijing.", published="2021-07-14", precision="day") == [
        ("Monday evening (July 12)", "2021-07-12")]


def test_relative_needs_a_fine_enough_publication_date():
    text = "The envoy left last March, three days ago, on Monday, and 40 years ago he studied there."
    assert values(text, published="2021", precision="year") == [
        ("last March", ""), ("three days ago", ""), ("Monday", ""), ("40 years ago", "1981")]
    assert values(text) == [("last March", ""), ("three days ago", ""), ("Monday", ""), ("40 years ago", "")]


def test_vague_relative_is_kept_without_value():
    assert run("Their friendship began decades ago.", published="2021-07-14", precision="day") == [
        ("decades ago", "relative", "", "")]


# ---------------------------------------------------------------- relative to the narrative
def test_narrative_relative():
    text = ("The embassy opened in March 1962. Two years later it moved. A month later a school opened. "
            "The following year the ambassador left. Six years earlier a trade office had opened.")
    rows = run(text)
    assert [(t, v) for t, _, v, _ in rows] == [("March 1962", "1962-03"), ("Two years later", "1964"),
                                               ("A month later", ""), ("The following year", "1965"),
                                               ("Six years earlier", "1959")]


def test_day_month_takes_the_narrative_year_else_the_publication_year():
    assert values("In 1972 the talks failed. On April 2 they resumed.") == [("1972", "1972"), ("April 2", "1972-04-02")]
    assert values("On 2 April the talks resumed.", published="2021-07-14", precision="day") == [
        ("2 April", "2021-04-02")]
    assert values("The summit closed on December 30.", published="2021-01-03", precision="day") == [
        ("December 30", "2020-12-30")]
    assert values("On April 2 the talks resumed.") == [("April 2", "")]


def test_bare_month_needs_a_preposition_and_may_march_are_verbs():
    assert values("In 1975 the war ended. In October the embassy reopened.") == [("1975", "1975"),
                                                                                  ("October", "1975-10")]
    assert values("October is the month of the harvest.") == [("October", "")]
    assert values("They may march together. May brings rain.") == []


# ---------------------------------------------------------------- anniversaries
def test_anniversary_from_reference_date():
    rows = run("Hanoi marked the 70th anniversary of the establishment of diplomatic relations.")
    assert rows == [("70th anniversary of the establishment of diplomatic relations", "anniversary", "2020-01-31", "")]


def test_anniversary_parties_must_be_the_events_own():
    assert values("It is the 60th anniversary of diplomatic ties between North Korea and Vietnam.") == [
        ("60th anniversary of diplomatic ties", "2010-01-31")]
    assert values("It is the 30th anniversary of diplomatic ties with South Korea.") == [
        ("30th anniversary of diplomatic ties with South Korea", "2022-12-22")]
    assert values("It is the 25th anniversary of diplomatic ties between Vietnam and Cuba.") == [
        ("25th anniversary of diplomatic ties", "")]


def test_anniversary_with_printed_year_sentence_date_or_anaphor():
    text = ("The school was founded in 1971. It celebrated its 40th anniversary in 2011. "
            "A gala marked the fiftieth anniversary of the event. "
            "On 5 May 2016 the town held the 45th anniversary of the school.")
    assert values(text) == [("1971", "1971"), ("40th anniversary in 2011", "2011"),
                            ("fiftieth anniversary of the event", "2021"), ("5 May 2016", "2016-05-05"),
                            ("45th anniversary", "2016")]


def test_a_later_date_in_the_sentence_does_not_date_an_anniversary():
    assert values("Guests marked the 66th anniversary of the party, recalling a visit in May 2007.") == [
        ("66th anniversary", ""), ("May 2007", "2007-05")]


def test_unresolvable_anniversary_keeps_text():
    assert run("Crowds gathered for the twenty-fifth anniversary.") == [
        ("twenty-fifth anniversary", "anniversary", "", "")]


# ---------------------------------------------------------------- durations and things that are not dates
def test_durations():
    text = "After a 12-hour flight and a two-week stay, the mission that had been idle for 30 years lasted for a month."
    assert [(t, k, v) for t, k, v, _ in run(text)] == [
        ("12-hour", "duration", "PT12H"), ("two-week", "duration", "P2W"), ("30 years", "duration", "P30Y"),
        ("a month", "duration", "P1M")]
    assert run("Relations stayed cold for decades.") == [("decades", "duration", "", "")]
    assert run("It took three decades.")[0][1:3] == ("duration", "P30Y")


def test_ages_distances_times_and_numbers_are_not_dates():
    text = ("Nguyen Van An, 82, a 67-year-old veteran who is 90 years old, drove 1,200 km with 2000 troops "
            "at 10:45 am; 1958 people came and the 13th congress met at 19:30.")
    assert run(text) == []


def test_a_year_of_friendship_is_not_a_duration():
    assert run("Both sides declared a year of friendship.") == []


# ---------------------------------------------------------------- parsers and interface
def test_number_and_ordinal_words():
    assert [parse_number(x) for x in ("seven", "twenty-five", "a", "1,000", "64")] == [7, 25, 1, 1000, 64]
    assert [parse_ordinal(x) for x in ("73rd", "fifth", "seventy-fifth", "twentieth")] == [73, 5, 75, 20]
    assert ago_offset("64 years ago") == (64, "year") and ago_offset("last year") is None


def test_offsets_index_the_raw_text_and_columns():
    raw = "HEADLINE 1999\n\nIn 1961 the fair opened. It closed in May 1962.\n"
    body = raw.index("In 1961")
    sentences = pd.DataFrame({"sent_id": [0, 1], "start": [body, raw.index("It closed")],
                              "end": [raw.index(" It closed"), len(raw) - 1]})
    frame = timex_frame(extract_timexes("d", raw, sentences, None, None, REFS))
    assert list(frame.columns) == COLUMNS
    assert frame.dtypes[["sent_id", "start", "end"]].tolist() == ["int64"] * 3
    assert frame["text"].tolist() == ["1961", "May 1962"]          # the headline year is not body text
    assert all(raw[s:e] == t for s, e, t in zip(frame["start"], frame["end"], frame["text"]))
    assert frame["sent_id"].tolist() == [0, 1]


def test_bad_input_is_named():
    with pytest.raises(ValueError, match="published_precision"):
        extract_timexes("d", "In 1961.", [(0, 0, 8)], pd.Timestamp("2020-01-01"), "week", REFS)
    with pytest.raises(ValueError, match="d: sentence 0 offsets 0:99"):
        extract_timexes("d", "In 1961.", [(0, 0, 99)], None, None, REFS)
    with pytest.raises(ValueError, match="lack columns"):
        extract_timexes("d", "In 1961.", pd.DataFrame({"start": [0]}), None, None, REFS)


def test_nat_publication_leaves_relative_unresolved():
    assert values("Exports fell last year.", published=None) == [("last year", "")]
    rows = extract_timexes("d", "Exports fell last year.", [(0, 0, 23)], pd.NaT, None, REFS)
    assert rows[0].value == ""


def test_project_reference_dates_load():
    refs = {r.event_id: r for r in load_references()}
    assert refs["dprk_vnm_diplomatic_relations"].date == (1950, 1, 31)


def test_corpus_timexes_on_the_seeds():
    from helpers import load_corpus
    corpus = load_corpus()
    t = corpus_timexes(corpus)
    assert list(t.columns) == COLUMNS
    assert set(t["kind"]) <= {"date", "range", "relative", "anniversary", "decade", "duration"}
    raw = corpus.documents["raw"]
    assert all(raw[d][s:e] == x for d, s, e, x in zip(t["doc_id"], t["start"], t["end"], t["text"]))
    body = corpus.sentences.merge(t, on=["doc_id", "sent_id"], suffixes=("_s", ""))
    assert ((body["start"] >= body["start_s"]) & (body["end"] <= body["end_s"])).all()


def test_capitalised_and_sentence_initial_forms():
    assert values("Years ago the mill closed. Decades later it reopened. Centuries ago it was a port.",
                  published="2021-07-14", precision="day") == [("Years ago", ""), ("Centuries ago", "")]
    assert values("Early 1990s trade was thin. Mid-1960s aid was large.") == [("Early 1990s", "199X"),
                                                                            ("Mid-1960s", "196X")]


def test_references_default_to_the_projects_reference_dates():
    text = "Hanoi marked the 70th anniversary of the establishment of diplomatic relations."
    assert extract_timexes("d", text, [(0, 0, len(text))], None, None)[0].value == "2020-01-31"
    assert extract_timexes("d", text, [(0, 0, len(text))], None, None, ())[0].value == ""


def test_extract_corpus_timexes_is_the_pipeline_layer(corpus):
    layer = extract_corpus_timexes(corpus.documents, corpus.sentences)
    pd.testing.assert_frame_equal(layer, corpus.timexes)
    pd.testing.assert_frame_equal(layer, corpus_timexes(corpus))
    no_refs = extract_corpus_timexes(corpus.documents, corpus.sentences, references=())
    assert (no_refs["anchor"].str.startswith("reference")).sum() == 0


# ---------------------------------------------------------------- the resolver table: one example per rule
_EXAMPLE = re.compile(r"Example(?: \(published (?P<pub>[\d-]+)\))?: '(?P<sentence>.+)' -> '(?P<span>.+?)' = "
                      r"(?P<value>\S+)$", re.M)
_PRECISION = {4: "year", 7: "month", 10: "day"}


def _examples(resolver):
    return [m.groupdict() for m in _EXAMPLE.finditer(resolver.__doc__ or "")]


def test_every_rule_has_a_resolver_and_every_resolver_a_rule():
    assert [name for name, _ in ALTERNATIVES] == list(dict.fromkeys(name for name, _ in ALTERNATIVES))
    assert {name for name, _ in ALTERNATIVES} == set(RESOLVERS)


@pytest.mark.parametrize("alt", sorted(RESOLVERS))
def test_resolver_examples(alt):
    """Each rule's resolver keeps a docstring example matched by that rule, and every example holds."""
    resolver = RESOLVERS[alt]
    examples = _examples(resolver)
    assert examples, f"{resolver.__name__} has no example"
    matched_by_alt = False
    for ex in examples:
        pub = ex["pub"]
        text = ex["sentence"]
        spans = [(i, a, b) for i, (a, b) in enumerate(split_sentences(text))]
        rows = extract_timexes("doc", text, spans, pd.Timestamp(pub) if pub else None,
                               _PRECISION[len(pub)] if pub else None)
        got = [(r.text, r.kind, r.value, r.end_value) for r in rows]
        value, _, end_value = ex["value"].replace("-", "", 1 if ex["value"] == "-" else 0).partition("/")
        assert (ex["span"], value, end_value) in [(t, v, e) for t, _, v, e in got], (ex, got)
        start = ex["sentence"].index(ex["span"])
        rules = {m.start(): name for name, m in find_timexes(ex["sentence"], 0, len(ex["sentence"]))}
        # the span begins at the rule's match, or at words before it that qualify it ('the middle of', 'some')
        rule = next(name for s, name in sorted(rules.items()) if start <= s < start + len(ex["span"]))
        assert RESOLVERS[rule] is resolver, (ex, rules)
        matched_by_alt |= rule == alt
    assert matched_by_alt, f"no example of {resolver.__name__} is matched by rule {alt!r}"
