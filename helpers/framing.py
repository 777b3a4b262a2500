"""Words, frames, names and voices: the tidy tables behind notebook 04.

Every function here is pure and per document or per table: body sentences
(``doc_id, sent_id, start, end, text``, offsets into the raw file) go in,
tidy rows with the same ``doc_id`` and raw-file offsets come out, so any count
can be traced to the sentence that produced it.

- :func:`tokens` / :func:`term_counts`: lower-cased word tokens, with
  multi-word names (from the gazetteer, or any ``phrases`` mapping) kept whole
  as one canonical token (``kim_il_sung``), so romanisation variants
  (Kim Il-sung / Kim Il Sung / Kim Il Sung's) count as one term.
- :func:`frame_matches` / :func:`frame_density`: indicator terms of the frame
  codebook ``helpers/data/frames.csv`` found in the body, and matches per
  1,000 body words; :func:`frame_precision` checks them against the hand
  judgements in ``helpers/data/frame_match_judgements.csv``.
- :func:`country_naming`, :func:`leader_naming`: how an article names the
  country and its leaders (rules in ``helpers/data/naming.csv``).
- :func:`attributions`: whom an article cites or quotes, and whether as a
  direct quote or reported speech (cues in ``helpers/data/voice.csv``).
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib import resources

import numpy as np
import pandas as pd

SENTENCE_COLUMNS = ["doc_id", "sent_id", "start", "end", "text"]
MENTION_COLUMNS = ["doc_id", "sent_id", "start", "end", "surface", "entity_id", "type"]

# A word: letters/digits, inner apostrophes allowed (don't, Kim's); hyphens split
# words as in tidytext. Dotted abbreviations (U.S.) are one token.
_WORD = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_]+(?:['’][^\W_]+)*")
_POSSESSIVE = re.compile(r"['’]s?$")


# --------------------------------------------------------------------------- data files

def _data_csv(name: str) -> pd.DataFrame:
    with resources.files("helpers").joinpath("data", name).open("r", encoding="utf-8") as fh:
        return pd.read_csv(fh, dtype=str, keep_default_na=False)


@lru_cache(maxsize=None)
def _cached_csv(name: str) -> pd.DataFrame:
    return _data_csv(name)


def load_frames() -> pd.DataFrame:
    """The frame codebook (``helpers/data/frames.csv``), one row per frame."""
    frames = _cached_csv("frames.csv").copy()
    need = {"frame", "label", "definition", "indicators", "example_doc_id", "example", "source"}
    missing = need - set(frames.columns)
    if missing:
        raise ValueError(f"frames.csv lacks columns {sorted(missing)}")
    if frames["frame"].duplicated().any():
        raise ValueError(f"frames.csv repeats frames {sorted(frames.loc[frames['frame'].duplicated(), 'frame'])}")
    return frames


def load_naming() -> pd.DataFrame:
    """Naming rules (``helpers/data/naming.csv``): country name forms, titles, honorifics, place cues."""
    return _cached_csv("naming.csv").copy()


def load_voice() -> pd.DataFrame:
    """Source and attribution cues (``helpers/data/voice.csv``)."""
    return _cached_csv("voice.csv").copy()


def load_judgements() -> pd.DataFrame:
    """Hand judgements of frame matches read in context (``frame_match_judgements.csv``)."""
    j = _cached_csv("frame_match_judgements.csv").copy()
    j["start"] = j["start"].astype(int)
    bad = sorted(set(j["correct"]) - {"yes", "no"})
    if bad:
        raise ValueError(f"frame_match_judgements.csv: 'correct' must be yes or no, found {bad}")
    return j


# --------------------------------------------------------------------------- tokens

def _check_sentences(sentences: pd.DataFrame) -> None:
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
    words = [normalize(w).replace("'", "").replace(".", "") for w in _WORD.findall(name)]
    if not words:
        raise ValueError(f"cannot make a token from {name!r}")
    return "_".join(words)


def phrase_table(phrases: Mapping[str, str]) -> dict[tuple[str, ...], str]:
    """``{alias: token}`` -> ``{match-key tuple: token}`` used by :func:`tokens`."""
    table: dict[tuple[str, ...], str] = {}
    for alias, token in phrases.items():
        key = tuple(_match_key(w) for w in _WORD.findall(alias))
        if not key:
            raise ValueError(f"phrase {alias!r} has no words")
        if key in table and table[key] != token:
            raise ValueError(f"phrase {alias!r} maps to both {table[key]!r} and {token!r}")
        table[key] = token
    return table


def gazetteer_phrases(gazetteer: pd.DataFrame | None = None) -> dict[str, str]:
    """Every gazetteer name and alias -> the entity's canonical token.

    Term counts thus count entities, not the names used for them ("DPRK",
    "North Korea" and "Democratic People's Republic of Korea" are one term);
    the choice of name is measured separately by :func:`country_naming`.
    """
    if gazetteer is None:
        from helpers.gazetteer import load_gazetteer  # issue 4; imported lazily

        gazetteer = load_gazetteer()
    out: dict[str, str] = {}
    for row in gazetteer.itertuples():
        token = slug(row.canonical)
        for alias in [row.canonical, *str(row.aliases or "").split("|")]:
            if alias.strip():
                out[alias.strip()] = token
    return out


def tokens(sentences: pd.DataFrame, phrases: Mapping[str, str] | None = None) -> pd.DataFrame:
    """One row per token of body text: ``doc_id, sent_id, start, end, term``.

    ``start``/``end`` are raw-file offsets (sentence start + position). A run of
    words matching a key of ``phrases`` (longest match first; case, hyphens,
    diacritics and possessives ignored) becomes one token, the mapped value.
    """
    _check_sentences(sentences)
    table = phrase_table(phrases or {})
    longest = max((len(k) for k in table), default=0)
    rows = []
    for s in sentences[SENTENCE_COLUMNS].itertuples(index=False):
        words = list(_WORD.finditer(s.text))
        keys = [_match_key(m.group()) for m in words]
        i = 0
        while i < len(words):
            for n in range(min(longest, len(words) - i), 0, -1):
                token = table.get(tuple(keys[i:i + n]))
                if token is not None:
                    break
            else:
                n, token = 1, normalize(words[i].group())
            rows.append((s.doc_id, s.sent_id, s.start + words[i].start(), s.start + words[i + n - 1].end(), token))
            i += n
    return pd.DataFrame(rows, columns=["doc_id", "sent_id", "start", "end", "term"])


def term_counts(toks: pd.DataFrame) -> pd.DataFrame:
    """Tidy counts ``doc_id, term, n`` from :func:`tokens` output."""
    return (
        toks.groupby(["doc_id", "term"]).size().rename("n").reset_index()
        .sort_values(["doc_id", "n", "term"], ascending=[True, False, True], ignore_index=True)
    )
