"""The knowledge base: every curated table the annotation and event layers read, loaded once, handed on.

A :class:`KnowledgeBase` holds the gazetteer (people, countries, places, with aliases), the offices
people held, the title words, the alias matcher built from the gazetteer, the event words, the
reporting verbs and the visit patterns, and what finds the people the gazetteer lacks
(:mod:`helpers.annotate.people`: family names by naming tradition, the roles that name a person, the
words that are no name) and the words whose country depends on where an article is written. :func:`load_knowledge` builds one from paths or DataFrames,
each defaulting to the file shipped in ``helpers/data/``; with no argument it returns one cached
default. Layers take it as an argument (``kb``), so an article set with another gazetteer is read
with that gazetteer end to end::

    kb = load_knowledge(gazetteer="my_gazetteer.csv", offices="my_offices.csv")
    corpus = load_corpus("my_seeds/", knowledge=kb)

Actors of events are the gazetteer's people (:attr:`KnowledgeBase.persons`), and the people the mentions
layer finds by the shape of their names and by their roles, kept with provisional ids: there is no second
list to maintain.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd

from helpers.annotate.gazetteer import AliasMatcher, Office, load_gazetteer, load_offices, load_titles, offices_by_entity
from helpers.paths import data_file

EVENT_WORD_KINDS = ("event", "party")  # 'party' rows are read by the anniversary resolver (helpers.annotate.timex)
_TRUE = ("true", "1", "yes")


def _csv(source, default: str, required: tuple[str, ...]) -> pd.DataFrame:
    if isinstance(source, pd.DataFrame):
        df, name = source.copy(), "table"
    else:
        path = Path(source) if source is not None else data_file(default)
        df, name = pd.read_csv(path, dtype=str, keep_default_na=False), path.name
    missing = [c for c in required if c not in df.columns]
    if missing:
        raise ValueError(f"{name}: missing column(s) {', '.join(missing)}")
    return df


def load_event_words(source=None) -> pd.DataFrame:
    """Event words (``event_keywords.csv`` rows of kind 'event') with a compiled ``regex`` column.

    Actors are not listed there: they are the gazetteer's people. A row of another kind than
    'event' or 'party' raises ``ValueError``.
    """
    kw = _csv(source, "event_keywords.csv", ("kind", "label", "pattern", "match_actors"))
    bad = sorted(set(kw["kind"]) - set(EVENT_WORD_KINDS))
    if bad:
        raise ValueError(f"event_keywords.csv: unknown kind(s) {bad} (actors come from the gazetteer)")
    ev = kw[kw["kind"] == "event"].reset_index(drop=True)
    return ev.assign(regex=[re.compile(p, re.IGNORECASE) for p in ev["pattern"]])


def load_reporting_verbs(source=None) -> pd.DataFrame:
    """The one list of reporting verbs (``reporting_verbs.csv``): ``forms`` as tuples, ``speech`` as bool."""
    df = _csv(source, "reporting_verbs.csv", ("verb", "forms", "speech", "note"))
    forms = [tuple(f.strip() for f in s.split("|") if f.strip()) for s in df["forms"]]
    if any(not f for f in forms):
        raise ValueError("reporting_verbs.csv: every verb needs at least one form")
    return df.assign(forms=forms, speech=df["speech"].str.strip().str.lower().isin(_TRUE))


def load_family_names(source=None) -> pd.DataFrame:
    """Family names by naming tradition (``family_names.csv``: ``name``, ``origin`` korean|vietnamese,
    ``countries``: where names of that tradition are at home, ``|``-joined)."""
    df = _csv(source, "family_names.csv", ("name", "origin", "source"))
    bad = sorted(set(df["origin"]) - {"korean", "vietnamese"})
    if bad:
        raise ValueError(f"family_names.csv: unknown origin(s) {bad}")
    return df


def load_person_roles(source=None) -> pd.DataFrame:
    """Roles that name a person's office, rank or function (``person_roles.csv``: ``role``, ``kind``)."""
    df = _csv(source, "person_roles.csv", ("role", "kind", "note"))
    bad = sorted(set(df["kind"]) - {"office", "rank", "academic", "diplomatic", "honorific"})
    if bad:
        raise ValueError(f"person_roles.csv: unknown kind(s) {bad}")
    return df


def load_not_person_words(source=None) -> pd.DataFrame:
    """Words that make a capitalised run no person's name (``not_person_words.csv``: ``word``, ``reason``)."""
    return _csv(source, "not_person_words.csv", ("word", "reason"))


def load_country_words(source=None) -> pd.DataFrame:
    """Words whose country depends on where an article is written (``country_words.csv``: ``word``, ``home``
    (the country of the dateline, or of the outlet), ``country``)."""
    return _csv(source, "country_words.csv", ("word", "home", "country", "note"))


def load_lifespans(source=None) -> pd.DataFrame:
    """Recorded deaths (``lifespans.csv``: entity_id, born, died, source), dates parsed; a person not listed is
    not known to have died."""
    df = _csv(source, "lifespans.csv", ("entity_id", "born", "died", "source"))
    return df.assign(born=pd.to_datetime(df["born"], format="%Y-%m-%d", errors="coerce"),
                     died=pd.to_datetime(df["died"], format="%Y-%m-%d", errors="coerce"))


def load_visit_patterns(source=None) -> pd.DataFrame:
    """The visit patterns (``visit_patterns.csv``): one regex per row, grouped by ``role``; a trigger's
    ``tense`` and ``frame`` (visit, arrival, departure, return) say how its visitor and place are found."""
    df = _csv(source, "visit_patterns.csv", ("role", "pattern", "tense"))
    if "frame" not in df.columns:
        df = df.assign(frame=["visit" if r == "trigger" else "" for r in df["role"]])
    return df


@dataclass(frozen=True, eq=False)
class KnowledgeBase:
    """The curated tables, read-only, with lookups derived from them on first use.

    Equality and hashing are by identity, so a knowledge base can key a cache.
    """

    gazetteer: pd.DataFrame
    offices: pd.DataFrame
    titles: pd.DataFrame
    matcher: AliasMatcher
    event_words: pd.DataFrame
    reporting_verbs: pd.DataFrame
    visit_patterns: pd.DataFrame
    family_names: pd.DataFrame = field(default_factory=load_family_names)
    person_roles: pd.DataFrame = field(default_factory=load_person_roles)
    not_person_words: pd.DataFrame = field(default_factory=load_not_person_words)
    country_words: pd.DataFrame = field(default_factory=load_country_words)
    lifespans: pd.DataFrame = field(default_factory=load_lifespans)

    def _column(self, col: str) -> dict[str, object]:
        return {k: (None if pd.isna(v) or v == "" else v) for k, v in zip(self.gazetteer["entity_id"], self.gazetteer[col])}

    @cached_property
    def type_of(self) -> dict[str, str]:
        return dict(zip(self.gazetteer["entity_id"], self.gazetteer["type"]))

    @cached_property
    def subtype_of(self) -> dict[str, str | None]:
        return self._column("subtype")

    @cached_property
    def country_of(self) -> dict[str, str | None]:
        """ISO alpha-3 country of each entity (None when it has none)."""
        return self._column("country")

    @cached_property
    def canonical_of(self) -> dict[str, str]:
        return dict(zip(self.gazetteer["entity_id"], self.gazetteer["canonical"]))

    @cached_property
    def died_of(self) -> dict[str, pd.Timestamp]:
        """Entity id -> date of death, for the people whose death ``lifespans.csv`` records."""
        ls = self.lifespans.dropna(subset=["died"])
        return dict(zip(ls["entity_id"], ls["died"]))

    @cached_property
    def persons(self) -> tuple[str, ...]:
        """Entity ids of the gazetteer's people, in gazetteer order: the actors of events."""
        g = self.gazetteer
        return tuple(g.loc[g["type"] == "person", "entity_id"])

    @cached_property
    def offices_of(self) -> dict[str, list[Office]]:
        return offices_by_entity(self.offices)

    @cached_property
    def home_words(self) -> dict[tuple[str, str], str]:
        """(word, home country) -> the country the word names in an article written there."""
        cw = self.country_words
        return {(w, h): c for w, h, c in zip(cw["word"], cw["home"], cw["country"])}

    @cached_property
    def title_level(self) -> dict[str, str]:
        """Lower-cased title word -> the level it implies ('' for an honorific)."""
        return {t.lower(): lv for t, lv in zip(self.titles["title"], self.titles["level"])}

    @cached_property
    def title_office(self) -> dict[str, str]:
        """Lower-cased title word -> regex of the office names it stands for."""
        col = self.titles["office_pattern"] if "office_pattern" in self.titles.columns else [""] * len(self.titles)
        return {t.lower(): p for t, p in zip(self.titles["title"], col)}

    @cached_property
    def title_re(self) -> re.Pattern:
        """Any title word, as a whole word, longest first."""
        words = sorted(self.titles["title"], key=len, reverse=True)
        return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)

    def reporting_forms(self, speech: bool | None = None) -> tuple[str, ...]:
        """Every form of the reporting verbs (only verbs of speech when ``speech`` is True), longest first."""
        rv = self.reporting_verbs if speech is None else self.reporting_verbs[self.reporting_verbs["speech"] == speech]
        return tuple(sorted({f for forms in rv["forms"] for f in forms}, key=lambda f: (-len(f), f)))

    def reporting_pattern(self, speech: bool | None = None) -> str:
        """A regex (no flags, no groups) matching any reporting form as whole words."""
        forms = self.reporting_forms(speech)
        return r"\b(?:" + "|".join(r"\s+".join(map(re.escape, f.split())) for f in forms) + r")\b"


def load_knowledge(gazetteer=None, offices=None, titles=None, event_words=None, reporting_verbs=None,
                   visit_patterns=None, family_names=None, person_roles=None, not_person_words=None,
                   country_words=None) -> KnowledgeBase:
    """A knowledge base from paths or DataFrames; each ``None`` takes the shipped file.

    ``gazetteer``, ``offices`` and ``titles`` are paths, or DataFrames as returned by
    :func:`helpers.annotate.gazetteer.load_gazetteer`, ``load_offices`` and ``load_titles``.
    With another gazetteer and no ``offices``, the shipped offices of the people that gazetteer
    also knows are kept. With no argument at all the default is built once and cached.
    """
    args = (gazetteer, offices, titles, event_words, reporting_verbs, visit_patterns)
    people = (family_names, person_roles, not_person_words, country_words)
    if all(a is None for a in args + people):
        return _default_knowledge()
    return _build(*args, *people)


@functools.lru_cache(maxsize=1)
def _default_knowledge() -> KnowledgeBase:
    return _build(None, None, None, None, None, None)


def _build(gazetteer, offices, titles, event_words, reporting_verbs, visit_patterns, family_names=None,
           person_roles=None, not_person_words=None, country_words=None) -> KnowledgeBase:
    gaz = gazetteer if isinstance(gazetteer, pd.DataFrame) else load_gazetteer(gazetteer)
    if isinstance(offices, pd.DataFrame):
        off = offices
    elif offices is not None or gazetteer is None:
        off = load_offices(offices, gazetteer=gaz)
    else:  # another gazetteer, the shipped offices: those of the people it knows
        shipped = load_offices(gazetteer=load_gazetteer())
        off = shipped[shipped["entity_id"].isin(set(gaz["entity_id"]))].reset_index(drop=True)
    return KnowledgeBase(
        gazetteer=gaz,
        offices=off,
        titles=titles if isinstance(titles, pd.DataFrame) else load_titles(titles),
        matcher=AliasMatcher(gaz),
        event_words=load_event_words(event_words),
        reporting_verbs=load_reporting_verbs(reporting_verbs),
        visit_patterns=load_visit_patterns(visit_patterns),
        family_names=load_family_names(family_names),
        person_roles=load_person_roles(person_roles),
        not_person_words=load_not_person_words(not_person_words),
        country_words=load_country_words(country_words),
    )
