"""The pipeline: a loaded corpus and its derived layers, wired together.

Data flows one way, and every layer is a DataFrame::

    raw files -> segments -> sentences          helpers.corpus   (load_corpus reads them)
              -> timexes, mentions             helpers.annotate (dates, entity mentions)
              -> visits, exchanges, checks     helpers.events   (visit statements, merged visits,
                                                                dates checked against the references)
              -> analyses                      helpers.analysis, helpers.report (the notebooks)

Each derived layer is a function of the tables it reads; :class:`Corpus` only
wires them and caches each on first use. No lower layer imports a higher one:
this module is the one place that knows the whole building.

Memory: the raw text of each file is held once, as its UTF-8 bytes
(``document_table["raw"]``; a layer decodes the document it works on); the
tables the layers read keep offsets only (``document_table``,
``segment_spans``, ``sentence_spans``). The ``documents``, ``segments`` and
``sentences`` a reader sees hold text (``raw`` as a string, ``text``),
derived on first use.

Failures: per-document work runs through :func:`helpers.parallel.map_documents`,
so a document whose annotation fails loses that layer only, and
:attr:`Corpus.problems` lists it (``doc_id``, ``layer``, ``error``) beside what
the load itself reported.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd

from helpers.corpus.files import decoded
from helpers.corpus.load import PROBLEM_COLUMNS, body_text, read_tables
from helpers.knowledge import KnowledgeBase, load_knowledge
from helpers.paths import corpus_dir, duplicates_policy


def _no_problems() -> pd.DataFrame:
    return pd.DataFrame(columns=list(PROBLEM_COLUMNS))


def _with_text(spans: pd.DataFrame, raw: pd.Series) -> pd.DataFrame:
    """``spans`` (doc_id, start, end, ...) with a ``text`` column cut from each document's raw text."""
    texts, doc, text = [], None, ""
    for d, a, b in zip(spans["doc_id"].tolist(), spans["start"].tolist(), spans["end"].tolist()):
        if d != doc:
            doc, text = d, decoded(raw[d])
        texts.append(text[a:b])
    return spans.assign(text=pd.Series(texts, index=spans.index, dtype=object).astype("str"))


@dataclass(frozen=True)
class Corpus:
    """The corpus as tidy tables. Text columns and derived layers are computed on first use."""

    document_table: pd.DataFrame   # one row per article, indexed by doc_id; ``raw`` is the file's UTF-8 bytes
    segment_spans: pd.DataFrame    # doc_id, seq, start, end, kind, rule: an exact partition of each raw text
    sentence_spans: pd.DataFrame   # doc_id, sent_id, start, end: the body's sentences
    outlets: pd.DataFrame
    # What the load reported without stopping (a body not English, no body, a duplicate left out).
    load_problems: pd.DataFrame = field(default_factory=_no_problems)
    knowledge: KnowledgeBase | None = None  # gazetteer, offices, titles, word lists (helpers.knowledge)
    workers: int | None = None              # processes for per-document work (helpers.parallel.worker_count)
    _layer_problems: dict = field(default_factory=dict, repr=False, compare=False)

    # ------------------------------------------------------------ the tables a reader sees
    @cached_property
    def documents(self) -> pd.DataFrame:
        """One row per article: catalog facts, publication date with its basis, ``text`` (the body) and ``raw``."""
        docs = self.document_table
        body = self.segment_spans[self.segment_spans["kind"] == "body"]
        spans: dict[str, list] = {}
        for d, a, b in zip(body["doc_id"].tolist(), body["start"].tolist(), body["end"].tolist()):
            spans.setdefault(d, []).append((a, b))
        raws = [decoded(raw) for raw in docs["raw"].tolist()]
        text = [body_text(raw, spans.get(d, ())) for d, raw in zip(docs.index.tolist(), raws)]
        return docs.assign(text=pd.Series(text, index=docs.index, dtype=object).astype("str"),
                           raw=pd.Series(raws, index=docs.index, dtype=object).astype("str"))[
            [*docs.columns[:-1], "text", docs.columns[-1]]]

    @cached_property
    def segments(self) -> pd.DataFrame:
        """Segments (headline, dateline, body, caption, boilerplate) with their ``text``."""
        return _with_text(self.segment_spans, self.document_table["raw"])

    @cached_property
    def sentences(self) -> pd.DataFrame:
        """Body sentences with their ``text``."""
        return _with_text(self.sentence_spans, self.document_table["raw"])

    @property
    def problems(self) -> pd.DataFrame:
        """Everything reported without stopping: the load's problems and those of the layers computed so far."""
        layers = [pd.DataFrame(rows, columns=list(PROBLEM_COLUMNS)) for rows in self._layer_problems.values() if rows]
        if not layers:
            return self.load_problems
        return pd.concat([self.load_problems, *layers], ignore_index=True)

    # ------------------------------------------------------------ derived layers
    def _problems_of(self, layer: str) -> list:
        return self._layer_problems.setdefault(layer, [])

    @cached_property
    def timexes(self) -> pd.DataFrame:
        """Temporal expressions in body sentences and agency datelines, resolved to ISO 8601 values
        (helpers.annotate.timex); a dateline's have ``sent_id`` -1."""
        from helpers.annotate.timex import extract_corpus_timexes

        return extract_corpus_timexes(self.document_table, self.sentence_spans, workers=self.workers,
                                      problems=self._problems_of("timexes"), segments=self.segment_spans)

    @cached_property
    def mentions(self) -> pd.DataFrame:
        """Gazetteer entities mentioned in body sentences, short references resolved (helpers.annotate.mentions)."""
        from helpers.annotate.mentions import extract_corpus_mentions

        return extract_corpus_mentions(self.document_table, self.sentence_spans, self.kb, workers=self.workers,
                                       problems=self._problems_of("mentions"))

    @cached_property
    def visits(self) -> pd.DataFrame:
        """One row per visit statement, with visitor, direction and dates (helpers.events.visits)."""
        from helpers.events.visits import extract_corpus_visits

        return extract_corpus_visits(self.document_table, self.sentence_spans, self.mentions, self.timexes, self.kb,
                                     workers=self.workers, problems=self._problems_of("visits"))

    @cached_property
    def exchanges(self) -> pd.DataFrame:
        """Visit statements merged into distinct visits, with the articles reporting each, dated by the reference
        chronology where their statements conflict (helpers.events.exchanges)."""
        from helpers.events.exchanges import merge_exchanges

        return merge_exchanges(self.visits, self.document_table, died=self.kb.died_of, checks=self.checks)

    @cached_property
    def checks(self) -> pd.DataFrame:
        """Dated statements about events of the reference chronology, each judged consistent, contradicting
        or unverifiable against its cited reference (helpers.events.checks)."""
        from helpers.events.checks import extract_corpus_checks

        return extract_corpus_checks(self.document_table, self.sentence_spans, self.timexes, self.mentions,
                                     self.visits, self.kb, workers=self.workers, problems=self._problems_of("checks"))

    @property
    def kb(self) -> KnowledgeBase:
        """The knowledge base the layers read: the one given to :func:`load_corpus`, else the shipped one."""
        return self.knowledge if self.knowledge is not None else load_knowledge()

    def __repr__(self) -> str:  # no memory address in notebook output
        return (f"Corpus({len(self.document_table)} documents, {len(self.segment_spans)} segments, "
                f"{len(self.sentence_spans)} sentences)")


def load_corpus(seeds_dir: str | Path | None = None, duplicates: str | None = None,
                knowledge: KnowledgeBase | None = None, workers: int | None = None) -> Corpus:
    """Read every ``*.txt`` article in ``seeds_dir`` (default: :func:`helpers.paths.corpus_dir`, the
    repository's ``seeds/`` unless ``VN_DPRK_CORPUS`` names another folder).

    ``seeds_dir`` also holds ``catalog.csv`` (one row per article file: file,
    outlet and optional published, title, url, note) and ``outlets.csv`` (the
    outlet registry). Raises :class:`helpers.corpus.load.CorpusError` listing
    every problem found; nothing is half loaded. ``duplicates="keep_first"``
    loads the first of several files with the same text instead of refusing them (the default is
    ``"error"``, unless ``VN_DPRK_DUPLICATES`` says otherwise). What does not stop the load (a body mostly not English, no body text,
    a duplicate left out) is listed in ``Corpus.problems``.

    ``knowledge`` (a :class:`helpers.knowledge.KnowledgeBase` from ``load_knowledge``) is what the
    mentions, visits and exchanges layers read; by default the files shipped in ``helpers/data/``,
    built when a layer first needs them (:attr:`Corpus.kb`), not by the load.
    ``workers`` is the number of processes for per-document work (default: one per core for a large
    corpus, one for a small one; ``VN_DPRK_WORKERS`` overrides).
    """
    if seeds_dir is None:
        seeds_dir = corpus_dir()
    if duplicates is None:  # the default: refuse duplicates, unless the environment says otherwise
        duplicates = duplicates_policy()
    tables = read_tables(seeds_dir, duplicates=duplicates, workers=workers)
    return Corpus(document_table=tables["documents"], segment_spans=tables["segments"],
                  sentence_spans=tables["sentences"], outlets=tables["outlets"], load_problems=tables["problems"],
                  knowledge=knowledge, workers=workers)
