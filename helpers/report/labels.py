"""Every article's own label, readable and unique, for every table and figure: "outlet · date · headline".

With many articles from one outlet, the outlet name alone no longer tells rows apart ("Korean Central News
Agency (state)" fifteen times). :func:`article_labels` gives each article its outlet (a news agency by its
short name from ``news_agencies.csv``, "KCNA"), its publication date at the precision it is known, and the
start of its headline, cut at a word boundary; an article with no headline is labelled by the start of its
body. Labels that would still be equal (same outlet, date and headline start) get a running number, so
every label is unique whatever the corpus holds.
"""
from __future__ import annotations

import pandas as pd

from helpers.analysis.words import cached_csv
from helpers.report.overview import published_labels

SEP = " · "


def short_outlets(agencies: pd.DataFrame | None = None) -> dict[str, str]:
    """Agency name -> its shortest alias in ``news_agencies.csv`` ('Korean Central News Agency' -> 'KCNA').

    >>> short_outlets()["Korean Central News Agency"]
    'KCNA'
    """
    agencies = cached_csv("news_agencies.csv") if agencies is None else agencies
    return {name: min([a for a in str(aliases).split("|") if a] + [name], key=len)
            for name, aliases in zip(agencies["agency"], agencies["aliases"])}


def shorten(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` characters at a word boundary, with '…' if cut.

    >>> shorten("Vietnam, North Korea set to bolster long-standing friendship", 30)
    'Vietnam, North Korea set to…'
    >>> shorten("Short", 30)
    'Short'
    """
    text = " ".join(str(text).split())
    if len(text) <= width:
        return text
    cut = text[:width - 1].rsplit(" ", 1)[0].rstrip(",;:-–—")
    return (cut or text[:width - 1]) + "…"


def article_labels(documents: pd.DataFrame, width: int = 32, short: dict[str, str] | None = None) -> pd.Series:
    """One unique label per ``doc_id``: 'outlet · date · headline start'.

    >>> docs = pd.DataFrame({"outlet": ["Daily", "Daily", "Daily"], "title": ["Talks open", "Talks open", None],
    ...                      "published": pd.to_datetime(["2020-01-02"] * 3), "published_precision": ["day"] * 3,
    ...                      "text": ["", "", "Delegates met in Hanoi."]}, index=["a", "b", "c"])
    >>> article_labels(docs, short={}).tolist()
    ['Daily · 2020-01-02 · Talks open (1)', 'Daily · 2020-01-02 · Talks open (2)', 'Daily · 2020-01-02 · Delegates met in Hanoi.']
    """
    short = short_outlets() if short is None else short
    outlet = documents["outlet"].map(lambda o: short.get(o, o))
    heads = [t if isinstance(t, str) and t.strip() else (body if isinstance(body, str) and body.strip()
                                                         else "(no headline)")
             for t, body in zip(documents.get("title", pd.Series(None, index=documents.index, dtype=object)),
                                documents.get("text", pd.Series("", index=documents.index)))]
    labels = pd.Series([SEP.join([o, d, shorten(h, width)]) for o, d, h in
                        zip(outlet, published_labels(documents), heads)], index=documents.index, dtype="str")
    dup = labels.duplicated(keep=False)
    if dup.any():
        number = labels[dup].groupby(labels[dup]).cumcount() + 1
        labels[dup] = labels[dup] + " (" + number.astype(str) + ")"
    return labels
