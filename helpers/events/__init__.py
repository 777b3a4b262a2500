"""Stage 3, events built from annotations: visit statements (:mod:`.visits`, indexed by position with
:mod:`.index`), exchanges or merged visits (:mod:`.exchanges`), levels and titles checked against offices
(:mod:`.levels`), and the chronology of dated statements (:mod:`.chronology`)."""
