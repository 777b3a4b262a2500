"""Stage 4, analyses of the text, one module per job: tokens and term counts (:mod:`.words`), frames
(:mod:`.frames`), naming of countries and leaders (:mod:`.naming`), quotes and attributions (:mod:`.voice`),
keyness with its robustness checks (:mod:`.keyness`)."""
