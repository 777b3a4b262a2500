"""Stage 3, events built from annotations: visit statements and exchanges (:mod:`.visits`) and the
chronology of dated statements (:mod:`.chronology`)."""
