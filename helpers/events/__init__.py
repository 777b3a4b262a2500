"""Stage 3, events built from annotations: visit statements (:mod:`.visits`; their places by the frame of
the trigger, :mod:`.destinations`; their visitors, :mod:`.visitors`, among people and delegations,
:mod:`.delegations`; their dates and status, :mod:`.visit_dates`; all indexed by position with
:mod:`.index`), exchanges or merged visits (:mod:`.exchanges`), levels and titles checked against offices
(:mod:`.levels`), and the chronology of dated statements (:mod:`.chronology`)."""
