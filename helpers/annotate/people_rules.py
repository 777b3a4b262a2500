"""The rules that tell a person's name: the shapes of Korean and Vietnamese names, the roles that name a
person, and the provisional ids of people the gazetteer lacks (:mod:`helpers.annotate.people` applies them).

What they know comes from a knowledge base (:func:`helpers.knowledge.load_knowledge`): ``family_names``
(name, naming tradition, countries), ``person_roles`` (role, kind) and ``not_person_words``; they are
compiled once per knowledge base (:func:`people_rules`).
"""
from __future__ import annotations

import functools
import re
import unicodedata

from helpers.annotate.gazetteer import _translate, _ascii_part, fold

PROVISIONAL = "new:"

# Syllables of the two naming traditions, on lower-case ASCII (diacritics stripped).
_KOREAN_SYLLABLE = (r"(?:kk|tt|pp|ss|jj|ch|kh|th|ph|[gkndtrlmbpsjh])?"
                    r"(?:yae|yeo|ae|ya|yo|yu|ye|oe|wae|wa|wo|we|wi|ui|eo|eu|a|e|i|o|u)(?:ng|[kmnlpt])?")
_KOREAN_GIVEN = re.compile(rf"{_KOREAN_SYLLABLE}(?:-?{_KOREAN_SYLLABLE})?")
_VIETNAMESE_GIVEN = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?")
_GIVEN = {"korean": _KOREAN_GIVEN, "vietnamese": _VIETNAMESE_GIVEN}

class _ShapeTable(dict):
    """str.translate table: a letter without its diacritics, case kept, one character for one."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        special = {"đ": "d", "Đ": "D", "’": "'", "‘": "'"}.get(ch)
        base = special or (" " if ch.isspace() else unicodedata.normalize("NFD", ch)[0])
        self[code] = base
        return base


_SHAPE = _ShapeTable()
_ASCII_SHAPE = _ascii_part(_SHAPE)


def shape(text: str) -> str:
    """``text`` with diacritics stripped and case kept, of the same length.

    >>> shape("Nguyễn Phú Trọng, Đà Nẵng")
    'Nguyen Phu Trong, Da Nang'
    """
    return _translate(text, _SHAPE, _ASCII_SHAPE)


@functools.lru_cache(maxsize=65536)  # a corpus names the same people again and again
def provisional_id(name: str) -> str:
    """The provisional entity id of a name the gazetteer lacks.

    >>> provisional_id("Ri Sun-ok")
    'new:ri_sun_ok'
    """
    return PROVISIONAL + "_".join(re.findall(r"[a-z0-9]+", fold(name)))


def is_provisional(entity_id) -> bool:
    """Whether an entity id is provisional (found by :func:`find_people`, not in the gazetteer)."""
    return isinstance(entity_id, str) and entity_id.startswith(PROVISIONAL)


def _trie(words) -> str:
    """Words (lower case) as a regex alternation built as a trie: the regex engine follows one branch."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(k) + build(v) for k, v in sorted(node.items()) if k]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)


def _alternation(words) -> str:
    """Words as a regex alternation, longest first; a space or hyphen inside a word matches either."""
    out = []
    for w in sorted(set(words), key=len, reverse=True):
        out.append(r"[\s\-]+".join(re.escape(p) for p in re.split(r"[\s\-]+", w)))
    return "|".join(out)


class PeopleRules:
    """The compiled rules of one knowledge base (its family names, roles and not-person words)."""

    def __init__(self, kb):
        names = kb.family_names
        self.family = {n: o for n, o in zip(names["name"], names["origin"])}
        cols = names["countries"] if "countries" in names.columns else [""] * len(names)
        self.countries = {n: frozenset(c.split("|")) - {""} for n, c in zip(names["name"], cols)}
        roles = kb.person_roles
        self.role_kind = {r.lower(): k for r, k in zip(roles["role"], roles["kind"])}
        self.role_words = frozenset(w for r in self.role_kind for w in r.split())
        self._shaped: dict[tuple, bool] = {}  # shaped_name, memoised: a corpus repeats its names
        self._by_words = {re.sub(r"[\s\-]+", " ", r): k for r, k in self.role_kind.items()}
        npw = kb.not_person_words
        self.stop = frozenset(w.lower() for w in npw["word"])
        # words that may follow a name without joining it: months, weekdays, function words
        self.breaks = frozenset(w.lower() for w, r in zip(npw["word"], npw["reason"])
                                if r in ("month", "weekday") or r.startswith("function word"))
        # each pattern opens with its words (a trie), so the regex engine skips to where a match can begin; the
        # word boundary before a match is checked by _starting or scan.word_start_matches (not a slow look-behind)
        self.shape_re = re.compile(
            rf"(?:{_trie(self.family)})(?:[ \t]++[A-Z][a-z]{{0,6}}(?:-[a-z]{{1,6}})?){{1,3}}(?![\w\-])")
        role_alt = _alternation(self.role_kind)
        # on the folded text (lower case, hyphens as spaces), the roles as a trie: a title is then checked
        # to stand before a capital of the text itself
        roles = self.title_head = _trie({fold(r) for r in self.role_kind})
        self.title_re = re.compile(
            rf"(?:{roles})(?:(?<=\.)|(?!\w))"
            r"(?: ++(?:of|for) ++(?:(?:its|the) ++)?)? *+(?=[a-z])")
        self.lead_role = re.compile(rf"(?i:{role_alt})(?:(?<=\.)|(?![\w\-]))[ \t]*+")
        self.appos_re = re.compile(  # on the folded text too
            r", *+(?:(?!(?:and|or|who|which|while|but|when|where|as|by|to|of|for|from|in|on|at|with)\b)[\w'.]++ ++)"
            rf"{{0,2}}?(?:{roles})(?:(?<=\.)|(?!\w))")

    def kinds(self, text: str) -> set[str]:
        """The kinds (office, rank, diplomatic ...) of the roles named in ``text``."""
        by_words = self._by_words
        return {by_words.get(re.sub(r"[\s\-]+", " ", m.group().strip().lower()), "")
                for m in self.lead_role.finditer(shape(text))} - {""}

    def given_ok(self, origin: str, words: list[str]) -> bool:
        rx = _GIVEN[origin]
        return all(rx.fullmatch(w.lower()) for w in words)

    def shaped_name(self, words: list[str]) -> bool:
        """Whether words are a family name and given names of its tradition (Korean: three words at most)."""
        key = tuple(words)
        found = self._shaped.get(key)
        if found is None:
            origin = self.family.get(words[0]) if words else None
            found = origin is not None and 2 <= len(words) <= (3 if origin == "korean" else 4) \
                and self.given_ok(origin, words[1:])
            if len(self._shaped) < 100_000:
                self._shaped[key] = found
        return found


@functools.lru_cache(maxsize=8)
def people_rules(kb) -> PeopleRules:
    return PeopleRules(kb)


def home_nationality(name: str, role: str, home: str | None, kb) -> str | None:
    """The nationality of a person whose title states no country, in an article written in ``home``: that
    country, when the title is an office and the name has the shape of that country's names ("Deputy
    Foreign Minister Le Van Binh" in a Hanoi paper; a Korean name with an unqualified title in a Pyongyang
    dispatch), else None.

    >>> from helpers.knowledge import load_knowledge
    >>> kb = load_knowledge()
    >>> home_nationality("Le Van Binh", "Deputy Foreign Minister", "VNM", kb)
    'VNM'
    >>> home_nationality("Le Van Binh", "Deputy Foreign Minister", "PRK", kb) is None
    True
    """
    rules = people_rules(kb)
    words = shape(name).split()
    if not home or not role or not rules.shaped_name(words) or home not in rules.countries.get(words[0], ()):
        return None
    return home if "office" in rules.kinds(role) else None
