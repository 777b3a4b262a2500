"""vn-dprk-press helpers: load the corpus into tidy DataFrames and analyse it.

The subpackages are the stages of the pipeline, in the order data flows:

- :mod:`helpers.corpus`: files, catalog and outlet registry; segments, sentences, publication dates;
- :mod:`helpers.annotate`: the date grammar, temporal expressions, the gazetteer and entity mentions;
- :mod:`helpers.events`: visit statements, exchanges (merged visits) and the chronology;
- :mod:`helpers.analysis`: words, keyness, frames, naming and voice;
- :mod:`helpers.report`: tables, figures, style and the site build for the notebooks;

plus :mod:`helpers.pipeline` (the :class:`Corpus` that wires the layers) and
``helpers/data/`` (the curated knowledge, each file with a source column).

Importing this package has no side effects: no files are read, no plotting
settings change. Call :func:`load_corpus` to read the seeds and
:func:`helpers.report.style.apply_style` to set the figure style.
"""
from helpers.corpus.load import CorpusError
from helpers.pipeline import Corpus, load_corpus

__all__ = ["Corpus", "CorpusError", "load_corpus"]
