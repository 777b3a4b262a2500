"""Tables and prose for the leadership-exchanges notebook (03), assembled from :mod:`helpers.report.exchanges`.

- :func:`statements_per_article`, :func:`statements_note`: visit statements per article;
- :func:`exchange_table`, :func:`exchanges_note`: the merged exchanges, one row each, and how many
  rest on more than one article.
"""
from __future__ import annotations

import pandas as pd

from helpers.report.exchanges import direction_label
from helpers.report.text import md_quote, plural


def statements_per_article(visits: pd.DataFrame, article: pd.Series) -> pd.DataFrame:
    """Per article (every one of ``article``, a doc_id -> label Series): visit ``statements``, those
    ``dated``, those ``planned`` and the distinct ``visitors``."""
    counts = pd.DataFrame({
        "article": article,
        "statements": visits.groupby("doc_id").size(),
        "dated": visits[visits["date_start"] != ""].groupby("doc_id").size(),
        "planned": visits[visits["status"] == "planned"].groupby("doc_id").size(),
        "visitors": visits.groupby("doc_id")["visitor_id"].nunique(),
    })
    numbers = ["statements", "dated", "planned", "visitors"]
    counts[numbers] = counts[numbers].fillna(0)
    return counts.astype({c: "int64" for c in numbers})


def statements_note(visits: pd.DataFrame, per_article: pd.DataFrame) -> str:
    """The visit statements in words: how many, about how many people, the busiest article, undated and planned."""
    busiest = per_article["statements"].idxmax()
    return (
        f"The articles make {plural(len(visits), 'visit statement')} about "
        f"{plural(visits['visitor_id'].nunique(), 'person', 'people')}; "
        f"{md_quote(per_article.at[busiest, 'article'])} alone makes {per_article.at[busiest, 'statements']} of them. "
        f"{plural((visits['date_start'] == '').sum(), 'statement')} carry no date of their own and "
        f"{plural((visits['status'] == 'planned').sum(), 'statement')} announce a visit that had not yet happened "
        "when the article was written. The first rows, with their evidence:")


def exchange_table(exchanges: pd.DataFrame, top: pd.Series) -> pd.DataFrame:
    """One row per exchange: visitor, direction, dates ('start to end' for a span), level, whether a
    ``paramount leader`` (``top``, from :func:`~helpers.report.exchanges.top_level`), the statements,
    articles and outlets reporting it, and whether their dates disagree."""
    return pd.DataFrame({
        "visitor": exchanges["visitor"],
        "direction": [direction_label(f, t) for f, t in zip(exchanges["from_country"], exchanges["to_country"])],
        "dates": [s if e == s else f"{s} to {e}" for s, e in zip(exchanges["date_start"], exchanges["date_end"])],
        "level": exchanges["level"],
        "paramount leader": top,
        "statements": exchanges["n_statements"],
        "articles": exchanges["n_articles"],
        "outlets": exchanges["outlets"].map(", ".join),
        "dates disagree": exchanges["date_disagreement"],
    })


def exchanges_note(visits: pd.DataFrame, exchanges: pd.DataFrame) -> str:
    """How the statements merge into exchanges, which exchanges several articles report, and how many
    statements are tied to no exchange."""
    multi = exchanges[exchanges["n_articles"] > 1]
    unassigned = len(visits) - int(exchanges["n_statements"].sum())
    return (
        f"The {plural(len(visits), 'statement')} merge into **{plural(len(exchanges), 'exchange')}**. "
        f"{plural(len(multi), 'exchange')} are reported by more than one article: "
        + "; ".join(f"{md_quote(r.visitor)}'s {r.date_start[:4]} visit ({direction_label(r.from_country, r.to_country)}, "
                    f"{r.n_articles} articles)" for r in multi.itertuples())
        + f". The other {len(exchanges) - len(multi)} rest on a single article. "
        f"{plural(unassigned, 'statement')} could not be tied to one exchange (an undated statement whose visitor made "
        f"several visits in that direction) and {'is' if unassigned == 1 else 'are'} left out of the counts.")
