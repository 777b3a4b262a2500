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

import numpy as np
import pandas as pd

from helpers.paths import data_file

SENTENCE_COLUMNS = ["doc_id", "sent_id", "start", "end", "text"]
MENTION_COLUMNS = ["doc_id", "sent_id", "start", "end", "surface", "entity_id", "type"]

# A word: letters/digits, inner apostrophes allowed (don't, Kim's); hyphens split
# words as in tidytext. Dotted abbreviations (U.S.) are one token.
_WORD = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_]+(?:['’][^\W_]+)*")
_POSSESSIVE = re.compile(r"['’]s?$")


# --------------------------------------------------------------------------- data files

def _data_csv(name: str) -> pd.DataFrame:
    with data_file(name).open("r", encoding="utf-8") as fh:
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


def phrase_table(phrases: Mapping[str, str]) -> dict[tuple[str, ...], tuple[str, bool]]:
    """``{alias: token}`` -> ``{match-key tuple: (token, case_sensitive)}``; all-capital aliases
    (acronyms such as ``US``) match only in capitals, so the pronoun "us" is not the United States."""
    table: dict[tuple[str, ...], tuple[str, bool]] = {}
    for alias, token in phrases.items():
        key = tuple(_match_key(w) for w in _WORD.findall(alias))
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
        words = list(_WORD.finditer(text))
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
    _check_sentences(sentences)
    rows = []
    for s in sentences[SENTENCE_COLUMNS].itertuples(index=False):
        spans = sorted(names(s.text)) if names else []
        k, emitted = 0, -1
        for m in _WORD.finditer(s.text):
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


# --------------------------------------------------------------------------- quotes

_QUOTE = re.compile(r"\"[^\"]+\"|“[^”]+”")


def quote_spans(sentences: pd.DataFrame) -> pd.DataFrame:
    """Quoted passages in body sentences: ``doc_id, sent_id, start, end, n_words`` (raw offsets).

    A quote is text between straight double quotes or curly “ ”, within one sentence.
    """
    _check_sentences(sentences)
    rows = [
        (s.doc_id, s.sent_id, s.start + m.start(), s.start + m.end(), len(_WORD.findall(m.group())))
        for s in sentences.itertuples(index=False)
        for m in _QUOTE.finditer(s.text)
    ]
    return pd.DataFrame(rows, columns=["doc_id", "sent_id", "start", "end", "n_words"])


def _inside(df: pd.DataFrame, spans: pd.DataFrame) -> pd.Series:
    """Whether each row's [start, end) lies inside one of ``spans`` of the same document."""
    if df.empty or spans.empty:
        return pd.Series(False, index=df.index)
    m = df.reset_index().merge(spans[["doc_id", "start", "end"]], on="doc_id", suffixes=("", "_q"))
    hit = m[(m["start"] >= m["start_q"]) & (m["end"] <= m["end_q"])]["index"]
    return pd.Series(df.index.isin(hit), index=df.index)


# --------------------------------------------------------------------------- frames

def _indicator_regex(indicators: Iterable[str]) -> re.Pattern:
    """Indicators (space-separated token patterns; ``x*`` = prefix, ``*`` = any one token) as a regex over
    tokens joined by single spaces. Longer indicators are tried first."""
    alts = []
    for ind in sorted({i.strip().lower() for i in indicators if i.strip()}, key=lambda s: (-len(s.split()), s)):
        parts = []
        for tok in ind.split():
            if tok == "*":
                parts.append(r"\S+")
            elif tok.endswith("*"):
                parts.append(re.escape(tok[:-1]) + r"\S*")
            else:
                parts.append(re.escape(tok))
        alts.append(" ".join(parts))
    if not alts:
        raise ValueError("a frame needs at least one indicator")
    return re.compile(r"(?<!\S)(?:" + "|".join(alts) + r")(?!\S)")


def frame_matches(sentences: pd.DataFrame, frames: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every indicator match: ``doc_id, sent_id, start, end, term, frame, in_quote, sentence``.

    Matching is on plain word tokens (lower case, hyphens split, possessives
    dropped), so it does not depend on the gazetteer. ``start``/``end`` are raw
    offsets of the matched words, ``term`` the matched words as they stand in
    the text; ``in_quote`` is True when the match sits inside a direct quote
    (the outlet is then reporting someone else's words).
    """
    frames = load_frames() if frames is None else frames
    toks = tokens(sentences)
    text_of = sentences.set_index(["doc_id", "sent_id"])["text"]
    start_of = sentences.set_index(["doc_id", "sent_id"])["start"]
    rows = []
    for (doc_id, sent_id), grp in toks.groupby(["doc_id", "sent_id"], sort=True):
        joined, pos = "", []
        for t in grp.itertuples(index=False):
            pos.append((len(joined) + (1 if joined else 0), t.start, t.end))
            joined = f"{joined} {t.term}" if joined else t.term
        begins = {p[0]: p for p in pos}
        for f in frames.itertuples(index=False):
            for m in _indicator_regex(f.indicators.split("|")).finditer(joined):
                first = begins[m.start()]
                last = max((p for p in pos if p[0] < m.end()), key=lambda p: p[0])
                off = start_of[(doc_id, sent_id)]
                rows.append((doc_id, sent_id, first[1], last[2], text_of[(doc_id, sent_id)][first[1] - off:last[2] - off], f.frame))
    out = pd.DataFrame(rows, columns=["doc_id", "sent_id", "start", "end", "term", "frame"])
    # a quotation counts only when someone is said to speak it (not a quoted exhibition title)
    spoken = attributions(sentences)[["doc_id", "sent_id"]]
    out["in_quote"] = _inside(out, quote_spans(sentences).merge(spoken, on=["doc_id", "sent_id"]))
    out = out.merge(sentences[["doc_id", "sent_id", "text"]].rename(columns={"text": "sentence"}), on=["doc_id", "sent_id"])
    return out.sort_values(["doc_id", "start", "frame"], ignore_index=True)


def frame_density(matches: pd.DataFrame, n_words: Mapping[str, int] | pd.Series, frames: Iterable[str] | None = None,
                  exclude_quotes: bool = False) -> pd.DataFrame:
    """Matches per 1,000 body words, one row per article and frame.

    ``n_words`` maps doc_id -> body words (the loader's ``documents.n_words``);
    every article in it gets a row for every frame, zero when nothing matched.
    With ``exclude_quotes`` only the outlet's own words (outside direct quotes) count.
    """
    n_words = pd.Series(n_words, dtype=float)
    if (n_words <= 0).any():
        raise ValueError(f"articles without body words: {sorted(n_words[n_words <= 0].index)}")
    unknown = sorted(set(matches["doc_id"]) - set(n_words.index))
    if unknown:
        raise ValueError(f"matches for articles missing from n_words: {unknown}")
    frames = list(load_frames()["frame"]) if frames is None else list(frames)
    m = matches[~matches["in_quote"]] if exclude_quotes else matches
    counts = m.groupby(["doc_id", "frame"]).size()
    grid = pd.MultiIndex.from_product([sorted(n_words.index), frames], names=["doc_id", "frame"])
    out = counts.reindex(grid, fill_value=0).rename("n").reset_index()
    out["n_words"] = out["doc_id"].map(n_words).astype(int)
    out["per_1000"] = 1000 * out["n"] / out["n_words"]
    return out


def group_density(density: pd.DataFrame, groups: Mapping[str, str] | pd.Series) -> pd.DataFrame:
    """Per group and frame: ``articles``, ``mean_per_1000`` (mean of article densities),
    ``pooled_per_1000`` (all matches over all words) and ``min``/``max`` of the articles.
    Articles whose group is missing (left out of a coding) are dropped."""
    d = density.assign(group=density["doc_id"].map(pd.Series(groups, dtype=object))).dropna(subset=["group"])
    g = d.groupby(["group", "frame"])
    out = g.agg(articles=("doc_id", "nunique"), n=("n", "sum"), n_words=("n_words", "sum"),
                mean_per_1000=("per_1000", "mean"), min_per_1000=("per_1000", "min"), max_per_1000=("per_1000", "max"))
    out["pooled_per_1000"] = 1000 * out["n"] / out["n_words"]
    return out.reset_index()


def frame_precision(matches: pd.DataFrame, judgements: pd.DataFrame | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Precision of frame matches against hand judgements read in context.

    Joins on ``doc_id, start, frame``. Returns (per-frame table with ``matches``,
    ``judged``, ``correct``, ``precision``; the matches with their judgement,
    ``correct`` NaN where a match has not been judged yet). A judgement whose
    ``term`` differs from the match's raises: the text or the codebook changed
    and the judgement must be redone.
    """
    judgements = load_judgements() if judgements is None else judgements
    j = judgements[["doc_id", "start", "frame", "term", "correct", "note"]].rename(columns={"term": "term_judged"})
    if j.duplicated(["doc_id", "start", "frame"]).any():
        raise ValueError("frame_match_judgements has duplicate (doc_id, start, frame) rows")
    m = matches.merge(j, on=["doc_id", "start", "frame"], how="left")
    stale = m[m["term_judged"].notna() & (m["term_judged"] != m["term"])]
    if not stale.empty:
        r = stale.iloc[0]
        raise ValueError(f"judgement for {r.doc_id} at {r.start} ({r.frame}) is for {r.term_judged!r}, match is {r.term!r}")
    m = m.drop(columns="term_judged")
    per = m.groupby("frame").agg(matches=("term", "size"), judged=("correct", "count"),
                                 correct=("correct", lambda s: int((s == "yes").sum())))
    per["precision"] = per["correct"] / per["judged"].where(per["judged"] > 0)
    return per.reset_index(), m


# --------------------------------------------------------------------------- naming

def _claim(spans: list[tuple]) -> list[tuple]:
    """Keep non-overlapping spans, longest first at each position (spans start with (start, end, ...))."""
    kept, last_end = [], -1
    for sp in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if sp[0] >= last_end:
            kept.append(sp)
            last_end = sp[1]
    return kept


def country_naming(sentences: pd.DataFrame, rules: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every way the body names a country: ``doc_id, sent_id, start, end, surface, country, form``.

    Forms come from ``naming.csv`` (``country_form`` rows: longest match wins, so
    "Democratic Republic of Vietnam" is not also "Vietnam"). A capital
    (``capital`` rows) counts as the form "Pyongyang (metonym)" when it stands
    for the state, and is left out when it names the place: after a locative
    word (``place_cue``: "in Hanoi", "trip to Hanoi") or inside a proper name
    ("Hanoi Opera House").
    """
    _check_sentences(sentences)
    rules = load_naming() if rules is None else rules
    forms = rules[rules["kind"].isin(["country_form", "capital"])]
    place_cue = re.compile("|".join(rules.loc[rules["kind"] == "place_cue", "pattern"]) or r"(?!)")
    compiled = [(re.compile(r.pattern), r.label, r.country, r.kind) for r in forms.itertuples()]
    rows = []
    for s in sentences.itertuples(index=False):
        spans = [(m.start(), m.end(), label, country, kind)
                 for rx, label, country, kind in compiled for m in rx.finditer(s.text)]
        for a, b, label, country, kind in _claim(spans):
            if kind == "capital":
                name_follows = re.match(r"\s+[A-Z]", s.text[b:]) is not None
                if place_cue.search(s.text[max(0, a - 40):a]) or name_follows:
                    continue
                label = label.replace("(capital)", "(metonym)")
            rows.append((s.doc_id, s.sent_id, s.start + a, s.start + b, s.text[a:b], country, label))
    return pd.DataFrame(rows, columns=["doc_id", "sent_id", "start", "end", "surface", "country", "form"])


_PREMOD = re.compile(r"((?:(?:[A-Z][\w.’'-]*|the|late|former|respected|leader|founder|state|founding|first)\s+)+)$")
_APPOSITIVE = re.compile(r"^,\s+((?:the\s+)?[^,.;]{3,80}?)(?=,|\.|;| and | visited | paid | said |$)")


def _spelling(surface: str) -> str:
    words = surface.split()
    if words and words[0].lower() in {"the", "a", "an"}:
        return "description"
    if "-" in surface:
        return "hyphenated" if re.search(r"-[a-z]", surface) else "hyphenated, capitalised"
    return "spaced" if len(words) > 1 else "one word"


def leader_naming(sentences: pd.DataFrame, mentions: pd.DataFrame, rules: pd.DataFrame | None = None) -> pd.DataFrame:
    """How each person mention is named: one row per mention of ``type == 'person'``.

    Columns: ``doc_id, sent_id, start, end, surface, entity_id, spelling``
    (``hyphenated`` Kim Jong-un, ``hyphenated, capitalised`` Kim Jong-Un,
    ``spaced`` Kim Jong Un, ``one word`` Kim, ``description`` "the North Korean leader"),
    ``premodifier`` (the titles and
    honorifics right before the name: "the respected Comrade", "North Korean
    leader"), ``appositive`` (", founding father of North Korea"),
    ``honorific`` and ``title`` (the ``naming.csv`` labels found in those two,
    ``|``-joined).
    """
    _check_sentences(sentences)
    missing = set(MENTION_COLUMNS) - set(mentions.columns)
    if missing:
        raise ValueError(f"mentions need columns {MENTION_COLUMNS}; missing {sorted(missing)}")
    rules = load_naming() if rules is None else rules
    hon = [(re.compile(r.pattern), r.label) for r in rules[rules["kind"] == "honorific"].itertuples()]
    tit = [(re.compile(r.pattern), r.label) for r in rules[rules["kind"] == "title"].itertuples()]
    sent = sentences.set_index(["doc_id", "sent_id"])[["start", "text"]]
    rows = []
    for m in mentions[mentions["type"] == "person"].itertuples(index=False):
        s_start, text = sent.loc[(m.doc_id, m.sent_id)]
        a, b = m.start - s_start, m.end - s_start
        pre = _PREMOD.search(text[max(0, a - 60):a])
        premod = pre.group(1).split() if pre else []
        while premod and premod[0].lower() != "the" and premod[0].lower() in load_stopwords():
            premod = premod[1:]  # a capitalised sentence opener ("When Kim ...") is no title
        premod = " ".join(premod)
        app = _APPOSITIVE.match(text[b:])
        appositive = app.group(1).strip() if app and any(rx.search(app.group(1)) for rx, _ in tit + hon) else ""
        around = f"{premod} | {appositive}"
        honorific = "|".join(lab for rx, lab in hon if rx.search(premod))
        title = "|".join(lab for rx, lab in tit if rx.search(around))
        rows.append((m.doc_id, m.sent_id, m.start, m.end, m.surface, m.entity_id, _spelling(m.surface),
                     premod, appositive, honorific, title))
    return pd.DataFrame(rows, columns=["doc_id", "sent_id", "start", "end", "surface", "entity_id", "spelling",
                                       "premodifier", "appositive", "honorific", "title"])


def gazetteer_mentions(sentences: pd.DataFrame, matcher=None) -> pd.DataFrame:
    """Full-name gazetteer matches in body sentences, in the mentions layout (``MENTION_COLUMNS``).

    A stand-in for ``corpus.mentions`` (issue 4) that resolves no short forms
    ("Kim", "the President"): use the corpus layer when it exists.
    """
    _check_sentences(sentences)
    if matcher is None:
        from helpers.knowledge import load_knowledge

        matcher = load_knowledge().matcher
    types = matcher.gazetteer.set_index("entity_id")["type"]
    rows = [(s.doc_id, s.sent_id, s.start + m.start, s.start + m.end, s.text[m.start:m.end], m.entity_id,
             types[m.entity_id])
            for s in sentences.itertuples(index=False) for m in matcher.find(s.text) if m.form != "demonym"]
    return pd.DataFrame(rows, columns=MENTION_COLUMNS)


# --------------------------------------------------------------------------- voice

def _voice_rules(voice: pd.DataFrame | None) -> pd.DataFrame:
    voice = load_voice() if voice is None else voice
    if voice is not None and "news_agencies" not in voice.attrs:

        agencies = pd.read_csv(data_file("news_agencies.csv"), dtype=str)
        extra = pd.DataFrame({
            "kind": "source", "label": agencies["agency"],
            "pattern": [r"\b(?:" + "|".join(re.escape(a) for a in sorted(al.split("|"), key=len, reverse=True)) + r")\b"
                        for al in agencies["aliases"]],
            "source_type": "news agency", "country": agencies["country"], "evidence": agencies["evidence"]})
        voice = pd.concat([extra, voice], ignore_index=True)
    return voice


_OPENER = re.compile(r"^(?:that is why|this is why|and|but|so|then)\s+", re.I)
_ADVERB = re.compile(r"(?:\s+(?:also|repeatedly|again|then|later|once|reportedly|previously|himself|herself))+$")
_NAME_RUN = re.compile(r"^((?:[A-Z][\w’'.-]*\s+|leader\s+)*[A-Z][\w’'.-]*)")
_CLAUSE_OPENER = re.compile(r"^(?:In|On|At|After|Before|During|As|When|With|For|From|Since)\b")


def _subject_phrase(before: str) -> str:
    """The subject of a speech verb when no person mention gives it: the text before the verb
    (after any closing quote), split at commas. A leading proper name wins over an appositive
    ("Do Thi Hoa, 75, a former ambassador, said"); otherwise the last clause; a long clause
    is cut to its leading run of capitalised words ("North Korean leader Kim Jong Un in a visit ...")."""
    tail = re.split(r"[\"“”]", before)[-1]
    segs = [_ADVERB.sub("", _OPENER.sub("", x.strip())).strip() for x in tail.split(",")]
    segs = [x for x in segs if x and not x.isdigit()]
    if not segs:
        return ""
    first, last = segs[0], segs[-1]
    if len(segs) > 1 and re.match(r"^[A-Z][\w’'.-]*\s+[A-Z]", first) and not _CLAUSE_OPENER.match(first):
        return first
    if len(last.split()) <= 8:
        return last
    m = _NAME_RUN.match(last)
    return m.group(1) if m else ""


def attributions(sentences: pd.DataFrame, mentions: pd.DataFrame | None = None,
                 voice: pd.DataFrame | None = None) -> pd.DataFrame:
    """Sentences that attribute words to someone: one row per sentence with a speech verb or source marker.

    Columns: ``doc_id, sent_id, start, end`` (the sentence), ``cue`` (the first
    speech verb, else the source marker), ``sources`` (named media, archives or
    unnamed observers in the sentence, ``|``-joined ``voice.csv`` and
    ``news_agencies.csv`` labels), ``speaker`` (entity id of the person who
    speaks, when ``mentions`` give one), ``speaker_text`` (that person's name
    as written, or the subject phrase before the verb: "the North's leader"),
    ``speech`` (``direct`` when the sentence holds a quotation, else
    ``reported``) and ``quote_words``. A pronoun subject ("he said") takes the
    previous speaker of the same article.
    """
    _check_sentences(sentences)
    rules = _voice_rules(voice)
    src = [(re.compile(r.pattern), r.label) for r in rules[rules["kind"] == "source"].itertuples()]
    verbs = re.compile("|".join(rules.loc[rules["kind"] == "speech_verb", "pattern"]))
    markers = re.compile("|".join(rules.loc[rules["kind"] == "source_marker", "pattern"]))
    persons = (mentions[mentions["type"] == "person"] if mentions is not None
               else pd.DataFrame(columns=MENTION_COLUMNS))
    quotes = quote_spans(sentences)
    rows, last_speaker = [], {}
    for s in sentences.itertuples(index=False):
        verb, marker = verbs.search(s.text), markers.search(s.text)
        if not (verb or marker):
            continue
        q = quotes[(quotes["doc_id"] == s.doc_id) & (quotes["sent_id"] == s.sent_id)]
        in_q = [(a - s.start, b - s.start) for a, b in zip(q["start"], q["end"])]
        sources = "|".join(dict.fromkeys(label for rx, label in src for m in rx.finditer(s.text)
                                         if not any(a <= m.start() < b for a, b in in_q)))
        speaker, speaker_text = None, ""
        if verb:
            v = verb.start()
            p = persons[(persons["doc_id"] == s.doc_id) & (persons["sent_id"] == s.sent_id)
                        & (persons["end"] - s.start <= v)]
            # the speaker stands outside the quotation and is not the object of a preposition ("a message to Kim")
            keep = [not any(a <= st - s.start < b for a, b in in_q)
                    and not re.search(r"\b(?:to|with|of|by|for|from|about|on)\s+$", s.text[:st - s.start])
                    for st in p["start"]]
            p = p.loc[np.array(keep, dtype=bool)]
            if len(p):
                last = p.sort_values("end").iloc[-1]
                speaker, speaker_text = last["entity_id"], last["surface"]
            else:
                speaker_text = _subject_phrase(s.text[:v])
                if speaker_text.lower() in {"he", "she", "they"}:
                    speaker, speaker_text = last_speaker.get(s.doc_id, (None, speaker_text))
            if speaker is None and any(rx.search(speaker_text) for rx, _ in src):
                speaker_text = ""  # the speaker is a named source ("KCNA also highlighted"), counted there
            last_speaker[s.doc_id] = (speaker, speaker_text)
        rows.append((s.doc_id, s.sent_id, s.start, s.end, (verb or marker).group(), sources, speaker, speaker_text,
                     "direct" if in_q else "reported", int(q["n_words"].sum())))
    return pd.DataFrame(rows, columns=["doc_id", "sent_id", "start", "end", "cue", "sources", "speaker",
                                       "speaker_text", "speech", "quote_words"])


def source_table(attr: pd.DataFrame) -> pd.DataFrame:
    """Per article and voice: ``doc_id, voice, kind`` (``source`` or ``speaker``), ``sentences``,
    ``direct``, ``reported``. A sentence can give two voices (a person's words reported by KCNA)."""
    src = attr.assign(voice=attr["sources"].str.split("|")).explode("voice").assign(kind="source")
    spk = attr.assign(voice=attr["speaker"].fillna(attr["speaker_text"]), kind="speaker")
    both = pd.concat([src, spk])
    both = both[both["voice"].fillna("").str.len() > 0]
    out = both.groupby(["doc_id", "voice", "kind"]).agg(
        sentences=("sent_id", "nunique"),
        direct=("speech", lambda s: int((s == "direct").sum())),
        reported=("speech", lambda s: int((s == "reported").sum())))
    return out.reset_index()


def load_stopwords() -> frozenset[str]:
    """English function words (``helpers/data/stopwords.csv``), to leave out of keyness tables."""
    return frozenset(_cached_csv("stopwords.csv")["word"])
