"""Stage 1, the corpus: article files, catalog and outlet registry in (:mod:`.files` checks them); documents, segments (an exact
partition of each file), body sentences and publication dates out (:mod:`.load`, :mod:`.segment`,
:mod:`.sentences`, :mod:`.pubdate`)."""
