"""Stage 5, what readers see: tables and figures for the notebooks (:mod:`.overview`,
:mod:`.exchanges`), number formatting (:mod:`.text`), the figure style (:mod:`.style`) and the site
build (:mod:`.build`, run as ``python -m helpers.build``)."""
