"""Stage 2, annotations of body sentences: temporal expressions resolved to ISO values
(:mod:`.timex`), the gazetteer of people, places, organisations and offices (:mod:`.gazetteer`) and
entity mentions (:mod:`.mentions`)."""
