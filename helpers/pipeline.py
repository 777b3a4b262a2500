"""The pipeline: a loaded corpus and its derived layers, wired together.

Data flows one way, and every layer is a DataFrame::

    raw files -> segments -> sentences          helpers.corpus   (load_corpus reads them)
              -> timexes, mentions             helpers.annotate (dates, entity mentions)
              -> visits, exchanges             helpers.events   (visit statements, merged visits)
              -> analyses                      helpers.analysis, helpers.report (the notebooks)

Each derived layer is a function of the tables it reads; :class:`Corpus` only
wires them and caches each on first use. No lower layer imports a higher one:
this module is the one place that knows the whole building.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd

from helpers.corpus.load import PROBLEM_COLUMNS, read_tables
from helpers.knowledge import KnowledgeBase, load_knowledge


def _no_problems() -> pd.DataFrame:
    return pd.DataFrame(columns=list(PROBLEM_COLUMNS))


@dataclass(frozen=True)
class Corpus:
    """The corpus as tidy tables. Derived layers are computed on first use."""

    documents: pd.DataFrame
    segments: pd.DataFrame
    sentences: pd.DataFrame
    outlets: pd.DataFrame
    # Documents loaded with a warning, or left out as duplicates: doc_id, layer, error (helpers.corpus.load).
    problems: pd.DataFrame = field(default_factory=_no_problems)
    knowledge: KnowledgeBase | None = None  # gazetteer, offices, titles, word lists (helpers.knowledge)

    @cached_property
    def timexes(self) -> pd.DataFrame:
        """Temporal expressions in body sentences, resolved to ISO 8601 values (helpers.annotate.timex)."""
        from helpers.annotate.timex import extract_corpus_timexes

        return extract_corpus_timexes(self.documents, self.sentences)

    @cached_property
    def mentions(self) -> pd.DataFrame:
        """Gazetteer entities mentioned in body sentences, short references resolved (helpers.annotate.mentions)."""
        from helpers.annotate.mentions import extract_corpus_mentions

        return extract_corpus_mentions(self.documents, self.sentences, self.kb)

    @cached_property
    def visits(self) -> pd.DataFrame:
        """One row per visit statement, with visitor, direction and dates (helpers.events.visits)."""
        from helpers.events.visits import extract_corpus_visits

        return extract_corpus_visits(self.documents, self.sentences, self.mentions, self.timexes, self.kb)

    @cached_property
    def exchanges(self) -> pd.DataFrame:
        """Visit statements merged into distinct visits, with the articles reporting each (helpers.events.exchanges)."""
        from helpers.events.exchanges import merge_exchanges

        return merge_exchanges(self.visits, self.documents)

    @property
    def kb(self) -> KnowledgeBase:
        """The knowledge base the layers read: the one given to :func:`load_corpus`, else the shipped one."""
        return self.knowledge if self.knowledge is not None else load_knowledge()

    def __repr__(self) -> str:  # no memory address in notebook output
        return (f"Corpus({len(self.documents)} documents, {len(self.segments)} segments, "
                f"{len(self.sentences)} sentences)")


def load_corpus(seeds_dir: str | Path | None = None, duplicates: str = "error",
                knowledge: KnowledgeBase | None = None) -> Corpus:
    """Read every ``*.txt`` article in ``seeds_dir`` (default: the repository's ``seeds/``).

    ``knowledge`` (a :class:`helpers.knowledge.KnowledgeBase` from ``load_knowledge``) is what the
    mentions, visits and exchanges layers read; by default the files shipped in ``helpers/data/``.

    ``seeds_dir`` also holds ``catalog.csv`` (one row per article file: file,
    outlet and optional published, title, url, note) and ``outlets.csv`` (the
    outlet registry). Raises :class:`helpers.corpus.load.CorpusError` listing
    every problem found; nothing is half loaded. ``duplicates="keep_first"``
    loads the first of several files with the same text instead of refusing
    them. What does not stop the load (a body mostly not English, no body text,
    a duplicate left out) is listed in ``Corpus.problems``.
    """
    return Corpus(**read_tables(seeds_dir, duplicates=duplicates),
                  knowledge=knowledge if knowledge is not None else load_knowledge())
