"""What the pipeline reported without stopping, for notebook 01 and the build.

``corpus.problems`` lists every document that a layer could not handle fully (``doc_id``, ``layer``,
``error``): the load's own reports (a body mostly not English, no body text, a duplicate left out)
and every document whose annotation failed in a layer (it lost that layer only). These helpers
compute every layer first, so the table is complete, and say in words what each kind means.
"""
from __future__ import annotations

import pandas as pd

from helpers.report.text import md_quote, plural, the_articles

LAYERS = ("timexes", "mentions", "visits", "exchanges")
# What each kind of problem means for a reader of the later notebooks.
MEANING = {
    "language": "the body is mostly not English; the English rules find little or nothing in it",
    "segment": "no line was recognised as body prose, so the article has no sentences to analyse",
    "duplicate": "the same text as an earlier file; only the first copy is loaded",
    "load": "the file could not be segmented; it is not loaded",
    "published": "the catalog's date contradicts the date the page prints; the printed date is used",
    "timexes": "its dates could not be extracted; it has no dates",
    "mentions": "its people and places could not be extracted; it has no mentions and no visits",
    "visits": "its visits could not be extracted; it has no visit statements",
}


def all_problems(corpus) -> pd.DataFrame:
    """``corpus.problems`` after every layer has run, with the meaning of each layer's problem."""
    for layer in LAYERS:
        getattr(corpus, layer)
    table = corpus.problems.sort_values(["layer", "doc_id"], kind="stable", ignore_index=True)
    return table.assign(meaning=table["layer"].map(MEANING).fillna(""))


def problems_note(problems: pd.DataFrame, n_documents: int) -> str:
    """The problem table in words: how many articles, by layer; or that there is none."""
    if problems.empty:
        every = "the article was" if n_documents == 1 else f"every one of {the_articles(n_documents)} was"
        return f"No problem in any layer: {every} loaded, segmented and annotated in full."
    counts = problems.groupby("layer")["doc_id"].nunique()
    parts = [f"{plural(n, 'article')}: {md_quote(MEANING.get(layer, layer))} (`{layer}`)" for layer, n in counts.items()]
    affected = problems["doc_id"].nunique()
    return (f"{plural(affected, 'article')} of {n_documents} had a problem; the table above lists each with "
            "its error. " + "; ".join(parts) + ".")


def problems_report(corpus) -> str:
    """One line per problem, for the terminal (the build prints it)."""
    table = all_problems(corpus)
    if table.empty:
        return f"corpus problems: none ({plural(len(corpus.document_table), 'article')}, every layer complete)"
    lines = [f"corpus problems: {len(table)} ({table['doc_id'].nunique()} article(s))"]
    lines += [f"  {r.doc_id} [{r.layer}] {r.error}" for r in table.itertuples()]
    return "\n".join(lines)
