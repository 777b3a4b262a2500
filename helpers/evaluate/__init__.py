"""Scoring the extractors against hand codings, in sample and out of sample.

- :mod:`.codebooks`: the seeds' own codebooks (``data/visit_codebook.csv``, ``data/timex_codebook.csv``),
  written from the same texts as the rules: in-sample figures, upper bounds;
- :mod:`.gold`: a hand coding of any corpus folder in the documented format (``documents.csv``,
  ``timexes.csv``, ``visits.csv``, ``covered.csv``), for text the rules were not written on;
- :mod:`.score`: publication dates, temporal expressions and visits of a corpus against such a coding,
  with every miss, extra and wrong value listed with its sentence;
- :mod:`.agreement`: how far two coders of the same texts agree;
- ``python -m helpers.evaluate CORPUS_DIR GOLD_DIR`` runs :func:`.score.evaluate_folder` and prints it.
"""
from helpers.evaluate.codebooks import (SCORE_KEY, TIMEX_KINDS, evaluate_timexes, in_scope, load_timex_codebook,
                                        load_visit_codebook, locate_codebook, score_rows, score_visits,
                                        seed_coded_documents)

__all__ = ["SCORE_KEY", "TIMEX_KINDS", "evaluate_timexes", "in_scope", "load_timex_codebook", "load_visit_codebook",
           "locate_codebook", "score_rows", "score_visits", "seed_coded_documents"]
