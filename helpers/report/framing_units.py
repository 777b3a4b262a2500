"""Which articles notebook 04 compares, and the rows its tables show them in, at any corpus size.

- :func:`analysable`, :func:`set_aside_note`: the articles with English body words, and those set aside
  (no body text, a body mostly not English: the loader's ``language`` and ``segment`` problems), so an
  article that cannot be analysed is reported instead of stopping the notebook;
- :func:`row_units`, :func:`units_note`: one row per article while the rows stay readable (at most
  :data:`MAX_ARTICLE_ROWS`), one row per outlet beyond that;
- :func:`unit_published`, :func:`unit_list`, :func:`outlets_per_group`: the units' dates, the units of a
  set of articles in words, and how many outlets make each group.
"""
from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from helpers.report.labels import short_outlets
from helpers.report.overview import published_labels
from helpers.report.text import md_quote, plural

MAX_ARTICLE_ROWS = 30
"""The most articles a table or figure shows one row each; beyond it rows are outlets."""
MAX_LISTED = 8
"""The most article labels a sentence lists; beyond it, it counts them by outlet."""
SET_ASIDE_LAYERS = {"segment": "no body text was found", "language": "the body is mostly not English"}
"""Load problems that leave an article without English body words to count, and what they mean."""


def analysable(documents: pd.DataFrame, problems: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(the articles to compare, the articles set aside with their ``reason``).

    An article is set aside when it has no body words (``n_words`` 0) or the loader reported it in one of
    :data:`SET_ASIDE_LAYERS`: its words cannot be counted by English rules, and a density over zero words
    does not exist.

    >>> docs = pd.DataFrame({"n_words": [120, 0, 80]}, index=["a", "b", "c"])
    >>> keep, aside = analysable(docs, pd.DataFrame({"doc_id": ["c"], "layer": ["language"], "error": ["..."]}))
    >>> keep.index.tolist(), aside["reason"].to_dict()
    (['a'], {'b': 'no body words', 'c': 'the body is mostly not English'})
    """
    reason = pd.Series("", index=documents.index, dtype="str")
    reason[documents["n_words"].fillna(0) <= 0] = "no body words"
    reported = problems[problems["layer"].isin(list(SET_ASIDE_LAYERS)) & problems["doc_id"].isin(documents.index)]
    for doc_id, layer in zip(reported["doc_id"], reported["layer"]):
        reason[doc_id] = SET_ASIDE_LAYERS[layer]
    aside = reason != ""
    return documents[~aside], documents[aside].assign(reason=reason[aside])


def set_aside_note(aside: pd.DataFrame, n_documents: int) -> str:
    """The articles set aside, by reason, in words (or that none is)."""
    if aside.empty:
        return f"Every one of the {plural(n_documents, 'article')} has English body text; none is set aside."
    reasons = "; ".join(f"{plural(n, 'article')}: {r}" for r, n in aside["reason"].value_counts().sort_index().items())
    return (f"{plural(len(aside), 'article')} of {n_documents} are set aside and counted nowhere below ({reasons}); "
            "the table lists them, and notebook 01 lists every problem of the load.")


def outlet_labels(documents: pd.DataFrame) -> pd.Series:
    """'Outlet (media system)' per doc_id, a news agency by its short name ('KCNA (state)')."""
    short = short_outlets()
    return documents["outlet"].map(lambda o: short.get(o, o)) + " (" + documents["media_system"].astype(str) + ")"


def row_units(documents: pd.DataFrame, labels: pd.Series, max_rows: int = MAX_ARTICLE_ROWS) -> pd.Series:
    """doc_id -> the row a table shows the article in: its own ``labels`` entry when there are at most
    ``max_rows`` articles, otherwise its outlet (:func:`outlet_labels`), so tables stay readable.

    >>> docs = pd.DataFrame({"outlet": ["X", "X", "Y"], "media_system": ["state"] * 3}, index=["a", "b", "c"])
    >>> row_units(docs, pd.Series(["X · 1", "X · 2", "Y · 3"], index=docs.index), max_rows=2).tolist()
    ['X (state)', 'X (state)', 'Y (state)']
    """
    if len(documents) <= max_rows:
        return labels.reindex(documents.index)
    return outlet_labels(documents)


def by_article(units: pd.Series) -> bool:
    """Whether every article is its own row (each unit holds one article)."""
    return units.is_unique


def units_note(units: pd.Series, max_rows: int = MAX_ARTICLE_ROWS) -> str:
    """What a row of the tables below is, in words."""
    if by_article(units):
        return ("Tables and figures show one row per article, labelled by outlet, date and the start of its "
                "headline.")
    return (f"With {plural(len(units), 'article')} (more than {max_rows} rows would not read), tables and figures "
            f"show one row per outlet ({plural(units.nunique(), 'outlet')}), each with its number of articles; "
            "the per-article tables stay in the notebook's variables (`per_article`, `density`) for a closer look.")


def unit_published(documents: pd.DataFrame, units: pd.Series) -> pd.Series:
    """Per unit: the publication date of its article, or 'first – last' of its articles' dates."""
    dated = pd.DataFrame({"unit": units, "date": documents["published"], "label": published_labels(documents)})
    out = {}
    for unit, g in dated.sort_values("date", kind="stable").groupby("unit", sort=False):
        labels = g["label"].tolist()
        out[unit] = labels[0] if len(set(labels)) == 1 else f"{labels[0]} – {labels[-1]}"
    return pd.Series(out, dtype="str")


def unit_list(doc_ids: Iterable[str], units: pd.Series, outlets: pd.Series | None = None,
              max_listed: int = MAX_LISTED) -> str:
    """The units of ``doc_ids`` in words (Markdown-safe): article labels (up to ``max_listed`` of them, or
    always when no ``outlets`` are given), else outlets (``units`` if they are outlets, or ``outlets``,
    doc_id -> outlet label) with how many of their articles are among ``doc_ids``; 'none' when empty.

    >>> units = pd.Series({"a": "X (state)", "b": "X (state)", "c": "Y (state)"})
    >>> unit_list(["a", "c"], units)
    'X \\\\(state\\\\) (1 of 2 articles), Y \\\\(state\\\\) (1 article)'
    """
    doc_ids = pd.Index(pd.unique(pd.Series(list(doc_ids), dtype=object)))
    if doc_ids.empty:
        return "none"
    if by_article(units):
        if outlets is None or len(doc_ids) <= max_listed:
            return ", ".join(sorted(md_quote(units[d]) for d in doc_ids))
        units = outlets.reindex(units.index)
    total = units.value_counts()
    hit = units[doc_ids].value_counts()
    return ", ".join(f"{md_quote(u)} ({hit[u]} of {plural(total[u], 'article')})" if total[u] > 1
                     else f"{md_quote(u)} (1 article)" for u in sorted(hit.index))


def article_list(doc_ids: Iterable[str], labels: pd.Series, documents: pd.DataFrame | None = None,
                 max_listed: int = MAX_LISTED) -> str:
    """Articles by their labels joined with '; ' (Markdown-safe), or beyond ``max_listed`` of them (given
    ``documents``) their count per outlet; '–' when there is none.

    >>> article_list(["a"], pd.Series({"a": "X · 2020"})), article_list([], pd.Series(dtype=str))
    ('X · 2020', '–')
    """
    doc_ids = [d for d in doc_ids if d]
    if not doc_ids:
        return "–"
    if len(doc_ids) <= max_listed or documents is None:
        return "; ".join(md_quote(labels.get(d, d)) for d in doc_ids)
    per = documents.loc[doc_ids, "outlet"].value_counts()
    return "; ".join(f"{md_quote(o)} ({plural(n, 'article')})" for o, n in per.items())


def unit_groups(units: pd.Series, groups: pd.Series) -> list[str]:
    """The media system of each row, in the rows' order of first appearance."""
    return groups.groupby(units.reindex(groups.index), sort=False).first().tolist()


def outlets_per_group(documents: pd.DataFrame, groups: pd.Series) -> pd.DataFrame:
    """Per group: ``articles`` and ``outlets`` (distinct outlets among them)."""
    d = documents.assign(group=groups).dropna(subset=["group"])
    out = d.groupby("group").agg(articles=("outlet", "size"), outlets=("outlet", "nunique"))
    order = [g for g in ("state", "independent") if g in out.index] + [g for g in out.index
                                                                       if g not in ("state", "independent")]
    return out.reindex(order)


GROUPS = ("state", "independent")
NOT_COMPARED = "Not computed: this corpus gives no comparison of the two groups (section 1 says why)."
"""What a section that compares the groups says when there is no comparison."""


def comparison_gap(groups: pd.Series, pair: tuple[str, str] = GROUPS) -> str:
    """Why the two groups of ``pair`` cannot be compared (every comparing section is then skipped), or ''
    when each has at least one article with English body text (``groups``: doc_id -> group, those articles).

    >>> comparison_gap(pd.Series({"a": "state", "b": "independent"}))
    ''
    >>> comparison_gap(pd.Series({"a": "state", "b": "state"}))
    'Nothing below compares the two groups: every article with English body text here is state media (no independent article), so the keyness, the test of the frame densities and the sensitivity analysis are skipped.'
    """
    present = [g for g in pair if (groups == g).any()]
    if len(present) == 2:
        return ""
    skipped = "the keyness, the test of the frame densities and the sensitivity analysis are skipped"
    if not present:
        return (f"Nothing below compares the two groups: no article here has English body text in either group, so "
                f"{skipped}.")
    missing = [g for g in pair if g not in present][0]
    return (f"Nothing below compares the two groups: every article with English body text here is {present[0]} "
            f"media (no {missing} article), so {skipped}.")
