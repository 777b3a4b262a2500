"""Article labels: readable, and unique whatever the corpus holds."""
from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.report.labels import SEP, article_labels, shorten

words = st.text(alphabet="abc XYZ", min_size=0, max_size=40)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["A Daily", "Korean Central News Agency"]), st.one_of(st.none(), words),
                          st.sampled_from(["2020-01-02", "2021-05-06"])), min_size=1, max_size=30))
def test_labels_are_unique_and_name_outlet_and_date(rows):
    docs = pd.DataFrame({"outlet": [r[0] for r in rows], "title": [r[1] for r in rows],
                         "published": pd.to_datetime([r[2] for r in rows]), "published_precision": "day",
                         "text": ""}, index=[f"d{i}" for i in range(len(rows))])
    labels = article_labels(docs)
    assert labels.is_unique and list(labels.index) == list(docs.index)
    for label, (outlet, _, date) in zip(labels, rows):
        parts = label.split(SEP)
        assert parts[1] == date and parts[0] in (outlet, "KCNA")


@given(words, st.integers(min_value=2, max_value=50))
def test_shorten_never_exceeds_the_width(text, width):
    out = shorten(text, width)
    assert len(out) <= width and (out == " ".join(text.split()) or out.endswith("…"))


def test_the_seeds_have_their_own_labels(corpus):
    labels = article_labels(corpus.documents)
    assert labels.is_unique and labels.notna().all()
