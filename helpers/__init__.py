"""vn-dprk-press helpers: load the corpus into tidy DataFrames and analyse it.

Importing this package has no side effects: no files are read, no plotting
settings change. Call :func:`load_corpus` to read the seeds and
:func:`helpers.style.apply_style` to set the figure style.
"""
from .corpus import Corpus, CorpusError, load_corpus

__all__ = ["Corpus", "CorpusError", "load_corpus"]
