"""Voice: whom an article cites or quotes, and whether as a direct quote or reported speech.

- :func:`quote_spans`: quoted passages of body sentences (raw-file offsets);
- :func:`attributions`: sentences that attribute words to someone, with the
  speech verb or source marker, the named sources and the speaker;
- :func:`source_table`: the same per article and voice.

Sources and source markers come from ``helpers/data/voice.csv`` and
``helpers/data/news_agencies.csv``; verbs of speech from the one list of
reporting verbs, ``helpers/data/reporting_verbs.csv`` (rows with ``speech`` true).
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from helpers.analysis.words import WORD, check_sentences, cached_csv

MENTION_COLUMNS = ["doc_id", "sent_id", "start", "end", "surface", "entity_id", "type"]


def load_voice() -> pd.DataFrame:
    """Source and attribution cues (``helpers/data/voice.csv``)."""
    return cached_csv("voice.csv").copy()


# --------------------------------------------------------------------------- quotes

_QUOTE = re.compile(r"\"[^\"]+\"|“[^”]+”")


def quote_spans(sentences: pd.DataFrame) -> pd.DataFrame:
    """Quoted passages in body sentences: ``doc_id, sent_id, start, end, n_words`` (raw offsets).

    A quote is text between straight double quotes or curly “ ”, within one sentence.
    """
    check_sentences(sentences)
    rows = [
        (s.doc_id, s.sent_id, s.start + m.start(), s.start + m.end(), len(WORD.findall(m.group())))
        for s in sentences.itertuples(index=False)
        for m in _QUOTE.finditer(s.text)
    ]
    return pd.DataFrame(rows, columns=["doc_id", "sent_id", "start", "end", "n_words"])



def _voice_rules(voice: pd.DataFrame | None) -> pd.DataFrame:
    """The ``voice.csv`` cues, preceded by one ``source`` row per news agency of ``news_agencies.csv``."""
    voice = load_voice() if voice is None else voice
    agencies = cached_csv("news_agencies.csv")
    extra = pd.DataFrame({
        "kind": "source", "label": agencies["agency"],
        "pattern": [r"\b(?:" + "|".join(re.escape(a) for a in sorted(al.split("|"), key=len, reverse=True)) + r")\b"
                    for al in agencies["aliases"]],
        "source_type": "news agency", "country": agencies["country"], "evidence": agencies["evidence"]})
    return pd.concat([extra, voice], ignore_index=True)


def load_reporting_verbs() -> pd.DataFrame:
    """The one list of reporting verbs, as the knowledge base reads it (:func:`helpers.knowledge.load_reporting_verbs`)."""
    from helpers.knowledge import load_knowledge

    return load_knowledge().reporting_verbs.copy()


_AUXILIARY = r"(?:(?:has|have|had)\s+)?"  # "has said": the perfect belongs to the verb, not to its subject


def speech_verb_regex(verbs: pd.DataFrame | None = None) -> re.Pattern:
    """A regex for the verbs of speech (rows with ``speech`` true), each form a whole word, with any
    perfect auxiliary ("has expressed") matched as part of the verb."""
    verbs = load_reporting_verbs() if verbs is None else verbs
    speech = verbs[verbs["speech"].astype(str).str.lower() == "true"]
    forms = sorted({f.strip() for fs in speech["forms"] for f in (fs.split("|") if isinstance(fs, str) else fs)
                    if f.strip()}, key=len, reverse=True)
    if not forms:
        raise ValueError("reporting verbs: no verb of speech (speech=true)")
    return re.compile(r"\b" + _AUXILIARY + r"(?:" + "|".join(re.escape(f) for f in forms) + r")\b")


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


def _cannot_speak(persons: pd.DataFrame, timexes: pd.DataFrame | None, kb=None) -> pd.Series:
    """Per person mention, whether that person was dead before the first day of the dates its sentence
    gives (``lifespans.csv``): no one speaks after their death. A sentence without a date says nothing
    about when its speaker spoke ("Ho Chi Minh said ..." in a later article), so nobody is ruled out there."""
    out = pd.Series(False, index=persons.index)
    if timexes is None or persons.empty:
        return out
    from helpers.annotate.mentions_time import sentence_dates

    if kb is None:
        from helpers.knowledge import load_knowledge

        kb = load_knowledge()
    died = {e: d.date() for e, d in kb.died_of.items()}
    dates = sentence_dates(timexes)
    for i, doc_id, sent_id, eid in zip(persons.index, persons["doc_id"], persons["sent_id"], persons["entity_id"]):
        when = dates.get(doc_id, {}).get(int(sent_id))
        out[i] = bool(when is not None and eid in died and died[eid] < when[0])
    return out


def _in_opener(text: str, verb_at: int, spans) -> list[bool]:
    """Per mention (start, end offsets in ``text``), whether it lies inside the sentence's opening phrase: one
    that begins with a preposition or conjunction and ends at a comma before the verb, with words of the
    phrase after the mention ("After Kim's visit, KCNA also highlighted ..."). What it names there is not
    the subject; a name right before the comma may be ("At the end of the tour A, an attache, said").

    >>> _in_opener("After Kim's visit, KCNA also highlighted it.", 29, [(6, 9)])
    [True]
    >>> _in_opener("At the end of the tour Ann Lee, an attache, said it.", 43, [(23, 30)])
    [False]
    """
    if not _CLAUSE_OPENER.match(text):
        return [False for _ in spans]
    comma = text.find(",", 0, verb_at)
    return [0 <= st and en <= comma and bool(re.search(r"\w", text[en:comma])) for st, en in spans]


def attributions(sentences: pd.DataFrame, mentions: pd.DataFrame | None = None,
                 voice: pd.DataFrame | None = None, verbs: pd.DataFrame | None = None,
                 timexes: pd.DataFrame | None = None, kb=None) -> pd.DataFrame:
    """Sentences that attribute words to someone: one row per sentence with a speech verb or source marker.

    Columns: ``doc_id, sent_id, start, end`` (the sentence), ``cue`` (the first
    speech verb, else the source marker), ``sources`` (named media, archives or
    unnamed observers in the sentence, ``|``-joined ``voice.csv`` and
    ``news_agencies.csv`` labels), ``speaker`` (entity id of the person who
    speaks, when ``mentions`` give one), ``speaker_text`` (that person's name
    as written, or the subject phrase before the verb: "the North's leader"),
    ``speech`` (``direct`` when the sentence holds a quotation, else
    ``reported``) and ``quote_words``. A pronoun subject ("he said") takes the
    previous speaker of the same article. A person named in the sentence's opening phrase ("After Kim's
    visit, KCNA highlighted") is not its speaker; with ``timexes`` (the timexes layer) neither is a person
    dead before the dates the sentence gives (``lifespans.csv`` of ``kb``, default the shipped knowledge).
    """
    check_sentences(sentences)
    rules = _voice_rules(voice)
    src = [(re.compile(r.pattern), r.label) for r in rules[rules["kind"] == "source"].itertuples()]
    verbs = speech_verb_regex(verbs)
    markers = re.compile("|".join(rules.loc[rules["kind"] == "source_marker", "pattern"]))
    persons = (mentions[mentions["type"] == "person"] if mentions is not None
               else pd.DataFrame(columns=MENTION_COLUMNS))
    persons = persons[~_cannot_speak(persons, timexes, kb).to_numpy(dtype=bool)]
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
            opener = _in_opener(s.text, v, [(a - s.start, b - s.start) for a, b in zip(p["start"], p["end"])])
            keep = [not any(a <= st - s.start < b for a, b in in_q) and not lead
                    and not re.search(r"\b(?:to|with|of|by|for|from|about|on)\s+$", s.text[:st - s.start])
                    for st, lead in zip(p["start"], opener)]
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
