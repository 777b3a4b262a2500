"""Words: tokens, term counts, stopwords and the normalisation they share.

Body sentences (``doc_id, sent_id, start, end, text``, offsets into the raw
file) go in; one row per token with the same ``doc_id`` and raw-file offsets
comes out, so any count can be traced to the sentence that produced it.

- :func:`tokens` / :func:`term_counts`: lower-cased word tokens, with
  multi-word names (from the gazetteer, or any ``phrases`` mapping) kept whole
  as one canonical token (``kim_il_sung``), so romanisation variants
  (Kim Il-sung / Kim Il Sung / Kim Il Sung's) count as one term.
- :func:`load_stopwords`: English function words (``helpers/data/stopwords.csv``).
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache

import pandas as pd

from helpers.corpus.words import english_function_words
from helpers.paths import data_file

SENTENCE_COLUMNS = ["doc_id", "sent_id", "start", "end", "text"]

# A word: letters/digits, inner apostrophes allowed (don't, Kim's); hyphens split
# words as in tidytext. Dotted abbreviations (U.S.) are one token.
WORD = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_]+(?:['’][^\W_]+)*")
_POSSESSIVE = re.compile(r"['’]s?$")


@lru_cache(maxsize=None)
def cached_csv(name: str) -> pd.DataFrame:
    """A curated data file (``helpers/data/NAME``) as strings, read once per process; copy before changing it."""
    with data_file(name).open("r", encoding="utf-8") as fh:
        return pd.read_csv(fh, dtype=str, keep_default_na=False)


def load_stopwords() -> frozenset[str]:
    """English function words (``helpers/data/stopwords.csv``), to leave out of keyness tables: the same list
    the loader's language test reads (:func:`helpers.corpus.words.english_function_words`)."""
    return english_function_words()


def check_sentences(sentences: pd.DataFrame) -> None:
    """Raise ValueError unless ``sentences`` has the body-sentence columns."""
    missing = set(SENTENCE_COLUMNS) - set(sentences.columns)
    if missing:
        raise ValueError(f"sentences need columns {SENTENCE_COLUMNS}; missing {sorted(missing)}")


def normalize(word: str) -> str:
    """Lower case, no diacritics, curly apostrophe straightened, possessive dropped."""
    word = unicodedata.normalize("NFKD", word.replace("’", "'"))
    word = "".join(c for c in word if not unicodedata.combining(c)).lower()
    return _POSSESSIVE.sub("", word) if len(word) > 2 else word


def _match_key(word: str) -> str:
    # looser key for matching names: no apostrophes, no plural/possessive s
    # ("Worker's Party" and "Workers' Party" meet, "Kim Il-sung's" meets "Kim Il Sung")
    w = normalize(word).replace("'", "").replace(".", "")
    return w[:-1] if len(w) > 3 and w.endswith("s") else w


def slug(name: str) -> str:
    """Canonical token for a name: ``"Workers' Party of Korea"`` -> ``"workers_party_of_korea"``."""
    words = [normalize(w).replace("'", "").replace(".", "") for w in WORD.findall(name)]
    if not words:
        raise ValueError(f"cannot make a token from {name!r}")
    return "_".join(words)


def phrase_table(phrases: Mapping[str, str]) -> dict[tuple[str, ...], tuple[str, bool]]:
    """``{alias: token}`` -> ``{match-key tuple: (token, case_sensitive)}``; all-capital aliases
    (acronyms such as ``US``) match only in capitals, so the pronoun "us" is not the United States."""
    table: dict[tuple[str, ...], tuple[str, bool]] = {}
    for alias, token in phrases.items():
        key = tuple(_match_key(w) for w in WORD.findall(alias))
        if not key:
            raise ValueError(f"phrase {alias!r} has no words")
        if key in table and table[key][0] != token:
            raise ValueError(f"phrase {alias!r} maps to both {table[key][0]!r} and {token!r}")
        table[key] = (token, alias.replace(".", "").isupper())
    return table


def phrase_names(phrases: Mapping[str, str]):
    """A name finder for :func:`tokens` from a plain ``{alias: token}`` mapping.

    Runs of words whose match keys equal an alias become one token (longest
    first; case, hyphens, diacritics and possessives ignored, except that
    all-capital aliases need capitals).
    """
    table = phrase_table(phrases)
    longest = max((len(k) for k in table), default=0)

    def find(text: str) -> list[tuple[int, int, str]]:
        words = list(WORD.finditer(text))
        keys = [_match_key(m.group()) for m in words]
        out, i = [], 0
        while i < len(words):
            for n in range(min(longest, len(words) - i), 0, -1):
                hit = table.get(tuple(keys[i:i + n]))
                if hit and (not hit[1] or all(w.group().replace(".", "").isupper() for w in words[i:i + n])):
                    out.append((words[i].start(), words[i + n - 1].end(), hit[0]))
                    i += n
                    break
            else:
                i += 1
        return out

    return find


def gazetteer_names(matcher=None):
    """A name finder for :func:`tokens` from the gazetteer's alias matcher (issue 4).

    Every alias of an entity becomes the entity's canonical token
    (``kim_il_sung``; "DPRK", "North Korea" and "Democratic People's Republic
    of Korea" are all ``north_korea``), a demonym its own token
    (``north_korean``). Term counts thus count entities, not the names used for
    them; the choice of name is measured by :func:`country_naming`.
    """
    if matcher is None:
        from helpers.knowledge import load_knowledge  # imported lazily: no work on import

        matcher = load_knowledge().matcher
    gaz = matcher.gazetteer.set_index("entity_id")

    def find(text: str) -> list[tuple[int, int, str]]:
        return [(m.start, m.end, slug(text[m.start:m.end]) if m.form == "demonym" else slug(gaz.at[m.entity_id, "canonical"]))
                for m in matcher.find(text)]

    return find


def tokens(sentences: pd.DataFrame, names=None) -> pd.DataFrame:
    """One row per token of body text: ``doc_id, sent_id, start, end, term``.

    ``start``/``end`` are raw-file offsets (sentence start + position). Words
    are lower-cased, split at hyphens, possessives dropped; dotted
    abbreviations (U.S.) stay whole. ``names`` (a finder from
    :func:`gazetteer_names` or :func:`phrase_names`: text -> ``[(start, end,
    token)]``) turns multi-word names into one token; without it every word is
    a token.
    """
    check_sentences(sentences)
    rows = []
    for s in sentences[SENTENCE_COLUMNS].itertuples(index=False):
        spans = sorted(names(s.text)) if names else []
        k, emitted = 0, -1
        for m in WORD.finditer(s.text):
            while k < len(spans) and spans[k][1] <= m.start():
                k += 1
            if k < len(spans) and spans[k][0] < m.end():  # the word is (part of) a name
                if k != emitted:
                    a, b, tok = spans[k]
                    rows.append((s.doc_id, s.sent_id, s.start + a, s.start + b, tok))
                    emitted = k
                continue
            rows.append((s.doc_id, s.sent_id, s.start + m.start(), s.start + m.end(), normalize(m.group())))
    return pd.DataFrame(rows, columns=["doc_id", "sent_id", "start", "end", "term"])


def term_counts(toks: pd.DataFrame) -> pd.DataFrame:
    """Tidy counts ``doc_id, term, n`` from :func:`tokens` output."""
    return (
        toks.groupby(["doc_id", "term"]).size().rename("n").reset_index()
        .sort_values(["doc_id", "n", "term"], ascending=[True, False, True], ignore_index=True)
    )
