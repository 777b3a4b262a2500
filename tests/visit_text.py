"""The visits layer on a text written for a test, with its temporal expressions given by hand (text -> ISO value,
or (start, end) for a range), so that visit tests do not depend on the date extractor."""
from __future__ import annotations

import pandas as pd

from helpers.annotate.mentions import extract_mentions
from helpers.corpus.sentences import split_sentences
from helpers.events.visits import extract_visits


def visits_in(raw: str, dates: dict[str, str | tuple[str, str]] | None = None, published=None,
              home: str | None = None) -> pd.DataFrame:
    """Visit statements of ``raw`` (one document, id 't'), its sentences split and its mentions found as the
    pipeline does; ``home`` is the country "here" stands for."""
    spans = split_sentences(raw)
    sents = pd.DataFrame({"sent_id": range(len(spans)), "start": [a for a, _ in spans], "end": [b for _, b in spans]})
    pub = pd.Timestamp(published) if published else None
    ments = extract_mentions(raw, sents, "t", published=pub)
    rows = []
    for text, value in (dates or {}).items():
        start = raw.index(text)
        v, ev = (value, value) if isinstance(value, str) else value
        sid = next(i for i, (a, b) in enumerate(spans) if a <= start < b)
        rows.append(dict(doc_id="t", sent_id=sid, start=start, end=start + len(text), text=text,
                         kind="range" if v != ev else "date", value=v, end_value=ev if v != ev else ""))
    tx = pd.DataFrame(rows, columns=["doc_id", "sent_id", "start", "end", "text", "kind", "value", "end_value"])
    return extract_visits(raw, sents, ments, tx, "t", pub, home=home)
