"""Stage 4, analyses of the text: tidy words, frames, naming and voice (:mod:`.framing`) and keyness
with its robustness checks (:mod:`.keyness`)."""
