"""Hostile inputs for the people and visit rules: a long run of one word stays linear (each case is a few
tens of kilobytes; a rule that rescanned the sentence for each word would take many seconds)."""
from __future__ import annotations

import time

import pandas as pd
import pytest

from helpers.annotate.mentions import extract_mentions
from helpers.annotate.people import find_people
from helpers.events.visits import extract_visits
from helpers.knowledge import load_knowledge

KB = load_knowledge()


def _one_sentence(raw: str):
    return pd.DataFrame({"sent_id": [0], "start": [0], "end": [len(raw)]})


@pytest.mark.parametrize("raw", [
    "President " * 3000 + "Pak Chol Su arrived here.",                  # titles before a name
    "Pak Chol Su" + ", president of the Union" * 1500 + " arrived.",     # appositions
    "".join(f"Mayor Ab{i:05d}x Cd{i:05d}y spoke and " for i in range(1500)) + "left.",  # many titled names
])
def test_people_rules_stay_linear(raw):
    t0 = time.perf_counter()
    find_people(raw, [(0, len(raw), 0)], KB)
    assert time.perf_counter() - t0 < 2.0


@pytest.mark.parametrize("raw", [
    "Kim Jong Un visited Hanoi and " * 2000 + "left.",                    # many triggers in one sentence
    "Kim Jong Un said that he visited Hanoi and " * 1500 + "left.",       # with pronouns
    "A delegation of " + "The Union of " * 3000 + "Korea arrived here.",  # a long organisation name
    "the delegation " * 3000 + "arrived here.",                           # many anaphors
])
def test_visit_rules_stay_linear(raw):
    sents = _one_sentence(raw)
    ments = extract_mentions(raw, sents, "t")
    tx = pd.DataFrame(columns=["start", "end", "value", "end_value", "kind"])
    t0 = time.perf_counter()
    extract_visits(raw, sents, ments, tx, "t", pd.Timestamp("2012-05-01"), home="PRK")
    assert time.perf_counter() - t0 < 3.0
