"""Voice: attributions and the source table on made-up sentences; verbs of speech from the one list."""
import pandas as pd
import pytest

from helpers.analysis.voice import attributions, load_reporting_verbs, source_table, speech_verb_regex
from test_analysis_words import person_mentions as _mentions, sents


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


def test_speech_verbs_come_from_the_reporting_verb_list():
    verbs = pd.DataFrame({"verb": ["say", "report"], "forms": ["said|says", "reported"], "speech": ["true", "false"],
                          "note": ["", ""]})
    rx = speech_verb_regex(verbs)
    assert rx.search("Kim has said so").group() == "has said"
    assert rx.search("KCNA reported it") is None  # not a verb of speech
    assert rx.search("the sayings") is None  # whole words only
    with pytest.raises(ValueError, match="no verb of speech"):
        speech_verb_regex(verbs.assign(speech="false"))
    a = attributions(sents("He says it works.", "Xinhua reported it."), verbs=verbs)
    assert a["sent_id"].tolist() == [0]  # "reported" without "by" is no speech verb and no source marker


def test_every_speech_verb_form_is_found_by_the_regex():
    verbs = load_reporting_verbs()
    rx = speech_verb_regex()
    for r in verbs.itertuples():
        for form in r.forms:
            assert bool(rx.fullmatch(form)) == bool(r.speech), form
