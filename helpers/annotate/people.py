"""People the gazetteer does not know, found by the shape of their names and by their titles and roles.

An actor missing from the dictionary is still an actor (the open-world rule of event coders): a person
found here is kept with a *provisional* id (``new:ri_sun_ok``), the cue that found it, the role the
text gives and the nationality the text states, so that the events layers can use them and a reader
can add them to the gazetteer. Three cues, each a general rule:

- **name shape**: a family name of ``data/family_names.csv`` followed by given names shaped as that
  naming tradition's syllables: Korean ("Ri Sun Ok", "Pak Chol Su", "Moon Jae-in") or Vietnamese
  ("Nguyen Minh Hai", "Tran Van Long"). Three or four words need no other cue; two words need a
  hyphenated Korean given name or one of the cues below (a two-word run such as "Do Son" may be a place);
- **title before**: a role of ``data/person_roles.csv`` right before a run of capitalised words
  ("Editor-in-Chief Pham Thu Ha", "Mayor Ivan Petrov"), past an organisation named after the role
  ("Chairwoman of its Central Committee Ri Sun Ok");
- **role after**: an apposition headed by a role ("Pham Thu Ha, editor-in-chief of the paper",
  "Pak Chol Su, director of the International Department of the WPK Central Committee").

A run holding a word of ``data/not_person_words.csv`` (Committee, University, Street ...) or followed by
another capitalised word ("Kim Chaek University") is no person; nor is a name the gazetteer knows. A
name found once is found again wherever the article repeats it. The nationality is the one the text
states in the person's title or role: the first country, or organisation or place with a country, named
there, except after "to" or "in" ("Vietnamese Ambassador to the DPRK" is Vietnamese).

>>> from helpers.knowledge import load_knowledge
>>> raw = "Pak Chol Su, director of a department of the DPRK Cabinet, met Editor-in-Chief Pham Thu Ha."
>>> [(p.entity_id, p.cue, p.nationality) for p in find_people(raw, [(0, len(raw), 0)], load_knowledge())]
[('new:pak_chol_su', 'role after|name shape', 'PRK'), ('new:pham_thu_ha', 'title|name shape', '')]
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import namedtuple

from helpers.annotate.gazetteer import fold
from helpers.annotate.people_rules import (PROVISIONAL, PeopleRules, home_nationality, is_provisional, people_rules,
                                           provisional_id, shape)
from helpers.annotate.scan import word_start_matches

__all__ = ["PROVISIONAL", "Person", "find_people", "home_nationality", "is_provisional", "people_rules",
           "provisional_id", "shape"]

Person = namedtuple("Person", "start end entity_id sent_id cue role nationality")

_TOKEN = r"[A-Z][A-Za-z'\-]*+\.?"
_RUN = re.compile(rf"{_TOKEN}(?:[ \t]++{_TOKEN}){{0,9}}+")  # titles and a name: ten words at most
_CAPITALISED = re.compile(rf"{_TOKEN}$")
_WORDS = re.compile(r"\S+")
_NOT_AFTER = re.compile(r"\b(?:to|in)\s+(?:the\s+)?$", re.IGNORECASE)  # "ambassador to the DPRK": a posting
# where a role after a name ends: a comma (not KCNA's "the C.C., the WPK"), a clause, a verb, a sentence
_ROLE_END = re.compile(r",(?!\s*the\s+[A-Z])|;|\s(?:who|which|that|and|on|at)\s|\sto\s+(?!the\b)[a-z]+\b"
                       r"|\s(?:left|arrived|returned|visited|came|went|paid|met|said)\b|[.!?](?=[\s,]|$)|$")
_PHRASE_WORDS = frozenset({"of", "the", "its", "to", "for", "in", "his", "her"})
# A run after these words is the end of a longer name ("the Study of Songun Policy, a delegate of ..."),
# unless it has the shape of a personal name.
_CUES = ("title", "role after", "name shape", "repeat")
_OF_FOR = re.compile(r"\s(?:of|for)\s")
_NOT_BEFORE_NAME = frozenset({"of", "for", "the", "from", "in", "on", "at", "to", "into", "a", "an"})


def find_people(raw: str, spans: list[tuple[int, int, int]], kb, known: list[tuple] | None = None,
                folded: str | None = None) -> list[Person]:
    """Provisional people in the sentences ``spans`` (``(start, end, sent_id)``, in text order) of ``raw``.

    ``known``: the gazetteer matches ``(start, end, entity_id, form)`` of the same text, in text order
    (default: found here); a provisional person never overlaps one. ``folded``: ``fold(raw)``, when the
    caller has it. Returns :data:`Person` records in text order, one per mention.
    """
    if not spans:
        return []
    rules = people_rules(kb)
    if known is None:
        known = kb.matcher.spans(raw, spans[0][0], max(e for _, e, _ in spans))
    shaped = shape(raw)
    folded = fold(raw) if folded is None else folded
    kstarts = [k[0] for k in known]
    sent_of = _sentence_lookup(spans)
    cands: dict[tuple[int, int], list] = {}  # (start, end) -> [cues, roles, end of a role after the name]
    lo, hi = spans[0][0], max(e for _, e, _ in spans)

    def add(s, e, cue, role="", role_end=None):
        if raw[e - 1] == ".":  # a sentence's full stop, not part of the name
            e -= 1
        if sent_of(s, e) is None or _overlaps(known, kstarts, s, e):
            return
        c = cands.setdefault((s, e), [[], [], None])
        if role_end is not None:
            c[2] = role_end
        if cue not in c[0]:
            c[0].append(cue)
        if role and not any(role in r for r in c[1]):
            c[1][:] = [r for r in c[1] if r not in role] + [role]

    for m in _starting(rules.shape_re, shaped, lo, hi, _NAME_BEFORE):
        words = m.group().split()
        if rules.shaped_name(words) and not _continues(shaped, m.end(), rules.breaks) \
                and (len(words) >= 3 or "-" in words[-1]):  # two words only with another cue (below)
            add(m.start(), m.end(), "name shape")
    known_starts, known_ends = set(kstarts), {k[1] for k in known}
    _titled(rules, raw, shaped, folded, lo, hi, add, known_starts)
    _apposed(rules, raw, shaped, folded, lo, hi, add, known_ends)
    found = _resolve_overlaps(sorted(cands.items()))
    found = _with_repeats(raw, found, known, kstarts, sent_of, lo, hi)
    return _records(raw, found, known, kstarts, sent_of, kb)


_NAME_BEFORE = re.compile(r"[\w'\-]")
_WORD_AFTER = re.compile(r"[\w\-]")  # "Pham Thu Ha's visit": a possessive ends the name


def _starting(rx: re.Pattern, text: str, lo: int, hi: int, before: re.Pattern):
    """The matches of ``rx.finditer(text, lo, hi)`` that do not follow a character of ``before``, as a
    finditer of ``(?<!before)rx`` would give them: after a rejected match the search goes on from the
    character after its start."""
    pos = lo
    while True:
        for m in rx.finditer(text, pos, hi):
            s = m.start()
            if s > 0 and before.match(text, s - 1):
                pos = s + 1
                break
            yield m
        else:
            return


def _sentence_lookup(spans):
    starts = [a for a, _, _ in spans]

    def sent_of(s, e):
        i = bisect_left(starts, s + 1) - 1
        if i < 0 or e > spans[i][1]:
            return None
        return spans[i]
    return sent_of


def _overlaps(known, kstarts, s, e) -> bool:
    i = bisect_left(kstarts, e) - 1
    while i >= 0 and known[i][0] < e:
        if known[i][1] > s:
            return True
        if known[i][1] <= s and i > 0 and known[i - 1][1] <= s:
            break
        i -= 1
    return False


def _continues(shaped: str, end: int, breaks: frozenset) -> bool:
    """Whether the capitalised run goes on after ``end`` with a word that is no month, weekday or function
    word: then the name is part of a longer one ("Kim Chaek University")."""
    m = _NEXT_CAPITAL.match(shaped, end)
    return bool(m) and m.group(1).lower() not in breaks


_NEXT_CAPITAL = re.compile(r"[ \t]++([A-Z][\w'\-]*)")


def _name_tail(rules: PeopleRules, words: list[str], shaped_only: bool = False) -> list[str] | None:
    """The name at the end of a capitalised run after a title or before an apposition: the longest
    name-shaped tail of three or more words ("Central Committee Ri Sun Ok", "Commerce Vu Van Ba"),
    else, unless ``shaped_only``, what follows the run's last role word, of two to four words and no
    organisation word ("Indonesian Ambassador Budi Santoso"), else a name-shaped tail of two words."""
    for i in range(max(0, len(words) - 4), len(words) - 2):
        if rules.shaped_name(words[i:]):
            return words[i:]
    pair = words[-2:] if len(words) >= 2 and rules.shaped_name(words[-2:]) else None
    last_role = max((i for i, w in enumerate(words) if w.lower() in rules.role_words), default=-1)
    rest = words[last_role + 1:]
    if shaped_only or not 2 <= len(rest) <= 4 or any(w.lower().rstrip(".") in rules.stop for w in rest):
        return pair
    return rest


def _strip_roles(rules: PeopleRules, shaped: str, pos: int, end: int) -> int:
    """Offset past the roles that open ``shaped[pos:end]`` ("Deputy Minister Lieut. General ...")."""
    while True:
        m = rules.lead_role.match(shaped, pos, end)
        if not m or m.end() == pos:
            return pos
        pos = m.end()


def _titled(rules: PeopleRules, raw: str, shaped: str, folded: str, lo: int, hi: int, add, known_starts) -> None:
    """People named right after a title: "Editor-in-Chief Pham Thu Ha", "its Chairwoman Ri Sun Ok".
    ``known_starts``: where the gazetteer's names begin (a title before one names no unknown person)."""
    for t in word_start_matches(rules.title_re, rules.title_head, folded, lo, hi):  # (?<!\w)title_re, faster
        if t.end() in known_starts:
            continue
        run = _RUN.match(shaped, t.end(), hi)
        if not run or _NEXT_CAPITAL.match(shaped, run.end(), hi):  # no run, or one too long for a title and name
            continue
        start = _strip_roles(rules, shaped, run.start(), run.end())
        words = shaped[start:run.end()].split()
        # after "minister of", or a title in lower case, only a name-shaped run is a name ("minister of Trade")
        loose = shaped[t.start()].islower() or _OF_FOR.search(t.group())
        tail = _name_tail(rules, words, shaped_only=bool(loose))
        if tail:
            s = run.end() - len(" ".join(tail)) if shaped[start:run.end()].endswith(" ".join(tail)) else None
            if s is not None:
                add(s, run.end(), "title", raw[t.start():s].strip())


def _apposed(rules: PeopleRules, raw: str, shaped: str, folded: str, lo: int, hi: int, add, known_ends) -> None:
    """People followed by an apposition headed by a role: "Pham Thu Ha, editor-in-chief of ...".
    ``known_ends``: where the gazetteer's names end (an apposition after one is theirs)."""
    for a in rules.appos_re.finditer(folded, lo, hi):
        c = a.start()
        if c in known_ends:
            continue
        start = _run_before(shaped, max(lo, c - 80), c)
        if start is None:
            continue
        start = _strip_roles(rules, shaped, start, c)
        prev = _WORDS.findall(shaped, max(lo, start - 12), start)
        after_link = bool(prev) and prev[-1].lower() in _NOT_BEFORE_NAME
        tail = _name_tail(rules, shaped[start:c].split(), shaped_only=after_link)
        if not tail:
            continue
        start = c - len(" ".join(tail))
        if shaped[start:c] != " ".join(tail):
            continue
        end = _ROLE_END.search(raw, a.end(), min(hi, a.end() + 150))
        role_end = end.start() if end else min(hi, a.end() + 150)
        add(start, c, "role after", raw[c + 1:role_end].strip(), role_end)


def _run_before(shaped: str, lo: int, c: int) -> int | None:
    """Start of the run of capitalised words, separated by spaces, that ends at ``c``; None if none does."""
    toks = list(_WORDS.finditer(shaped, lo, c))
    if not toks or toks[-1].end() != c:
        return None
    start = None
    for k in range(len(toks) - 1, -1, -1):
        t = toks[k]
        if not _CAPITALISED.match(t.group()):
            break
        if k < len(toks) - 1 and shaped[t.end():toks[k + 1].start()].strip(" \t"):
            break
        start = t.start()
    return start


def _resolve_overlaps(found: list) -> list:
    """Candidates in text order without overlaps: the longer of two overlapping ones stays."""
    out: list = []
    for (s, e), info in found:
        if out and s < out[-1][0][1]:
            (ps, pe), _ = out[-1]
            if e - s > pe - ps:
                out[-1] = ((s, e), info)
            continue
        out.append(((s, e), info))
    return out


def _with_repeats(raw, found, known, kstarts, sent_of, lo, hi) -> list:
    """``found`` plus every other occurrence, in the sentences, of a name it holds (cue 'repeat')."""
    # a name of three or more words of the shape of a name is found wherever it stands: repeat the others
    names = sorted({raw[s:e] for (s, e), (cues, _, _) in found if "name shape" not in cues}, key=len, reverse=True)
    if not names:
        return found
    taken = sorted(k for k, _ in found)
    extra: list = []
    for s, e in _occurrences(raw, names, lo, hi):
        if sent_of(s, e) is None or _overlaps(known, kstarts, s, e):
            continue
        i = bisect_left(taken, (e, e)) - 1  # the last taken name starting before e
        if i >= 0 and taken[i][1] > s:
            continue
        extra.append(((s, e), [["repeat"], [], None]))
        taken.insert(i + 1, (s, e))
    return sorted(found + extra)


def _occurrences(raw: str, names: list[str], lo: int, hi: int):
    """``(start, end)`` of each whole-word occurrence of ``names`` (longest first) in ``raw[lo:hi]``: by
    str.find for a few names (in text order for each), by one pass over the words for many."""
    if len(names) <= 8:
        for name in names:
            pos = raw.find(name, lo, hi)
            while pos >= 0:
                s, e = pos, pos + len(name)
                pos = raw.find(name, e, hi)
                if not (s > 0 and _NAME_BEFORE.match(raw, s - 1)) and not (e < len(raw) and _WORD_AFTER.match(raw, e)):
                    yield s, e
        return
    by_first: dict[str, list[str]] = {}  # many names: one pass over the words, each looked up by its first word
    for name in names:
        by_first.setdefault(name.split()[0], []).append(name)
    for m in _A_WORD.finditer(raw, lo, hi):
        found = by_first.get(m.group())
        s = m.start()
        if not found or (s > 0 and _NAME_BEFORE.match(raw, s - 1)):
            continue
        for name in found:  # longest first
            e = s + len(name)
            if raw.startswith(name, s) and not (e < len(raw) and _WORD_AFTER.match(raw, e)):
                yield s, e
                break


_A_WORD = re.compile(r"[^\W\d_][\w'’\-]*")


def _records(raw, found, known, kstarts, sent_of, kb) -> list[Person]:
    rules = people_rules(kb)
    """Person records with ids, cues, roles and the nationality the text states, merged per name."""
    nationality: dict[str, str] = {}
    roles: dict[str, str] = {}
    rows = []
    for (s, e), (cues, role_texts, role_end) in found:
        eid = provisional_id(raw[s:e])
        sent = sent_of(s, e)
        p0 = _phrase_start(raw, sent[0], s)
        before = raw[p0:s].strip()
        if before and rules.lead_role.search(shape(before)) and not any(before.endswith(r) for r in role_texts):
            role_texts = [before] + [r for r in role_texts if r not in before]
        role = "; ".join(role_texts)
        nat = _stated_nationality(raw, known, kstarts, kb, p0, s) or \
            (_stated_nationality(raw, known, kstarts, kb, e, role_end) if role_end is not None else "")
        if nat and eid not in nationality:
            nationality[eid] = nat
        if role and eid not in roles:
            roles[eid] = role
        rows.append((s, e, eid, sent[2], "|".join(sorted(cues, key=_CUES.index)), role))
    return [Person(s, e, eid, sid, cue, role or roles.get(eid, ""), nationality.get(eid, ""))
            for s, e, eid, sid, cue, role in rows]


def _phrase_start(raw: str, sent_start: int, s: int) -> int:
    """Start of the title phrase before a name: capitalised words, roles and linking words ('of', 'to the')."""
    window = raw[max(sent_start, s - 80):s]
    base = max(sent_start, s - 80)
    start = s
    for w in reversed(list(_WORDS.finditer(window))):
        tok = w.group().strip("(")
        if tok[:1].isupper() and not tok.endswith(",") or tok.lower() in _PHRASE_WORDS:
            start = base + w.start()
            continue
        break
    return start


def _stated_nationality(raw, known, kstarts, kb, a: int, b: int) -> str:
    """The country of the first country, organisation or place with a country in ``raw[a:b]`` that does
    not follow 'to' or 'in' (a posting, not a nationality); '' when none."""
    for i in range(bisect_left(kstarts, a), len(known)):
        s, e, eid = known[i][0], known[i][1], known[i][2]
        if s >= b:
            break
        if kb.type_of.get(eid) == "person" or e > b:
            continue
        cc = kb.country_of.get(eid)
        if cc and not _NOT_AFTER.search(raw, max(0, s - 12), s):
            return cc
    return ""
