"""The visit patterns of a knowledge base, compiled once: the regexes :mod:`helpers.events.visits` applies.

The patterns are data (``data/visit_patterns.csv``, one regex per role, and the reporting verbs of
``data/reporting_verbs.csv``). The regexes that scan a whole sentence or clause are compiled behind a
first-character guard (:func:`first_char_guarded`), which makes a scan about twice as fast and finds
exactly the same matches.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from helpers.annotate.scan import word_start_starts


FRAMES = ("visit", "arrival", "departure", "return", "meeting")


@dataclass(frozen=True)
class VisitPatterns:
    trigger: re.Pattern       # read on the folded text (lower case), as report, delegation, on_visit, current
    trigger_tense: tuple[tuple[re.Pattern, str, str], ...]  # (whole-word regex, tense, frame)
    light_verb: re.Pattern
    future: re.Pattern  # a marker after a non-word character or the start: helpers.events.visit_dates.has_future
    planned_time: re.Pattern  # a time still to come, anywhere in the clause ("later this month")
    present: re.Pattern
    breaks: re.Pattern
    report: re.Pattern
    delegation: re.Pattern
    agent: re.Pattern
    descriptive: re.Pattern
    demonym_place: re.Pattern
    title_before: re.Pattern  # a title ending where a name starts ("President Ho Chi Minh")
    title_after: re.Pattern   # a title in an apposition after a name ("Ho Chi Minh, the President of ...")
    on_visit: re.Pattern      # "on an official visit" before a noun trigger (searched in the text before it)
    current: re.Pattern       # a trip under way as the article is written ("this is my first visit")
    here: re.Pattern          # "here", "home": places of the dateline and of the visitor
    home: re.Pattern
    from_place: re.Pattern    # "from" + place, "for" + place (after a return, a departure)
    for_place: re.Pattern
    transport: re.Pattern     # "by air" (skipped between a verb and its place or date)
    facility: re.Pattern      # "embassy" after a country: a building, not the country
    embassy_staff: re.Pattern
    inverted: re.Pattern      # "were" in "Arriving here on the same day were X and Y"
    agent_gap: re.Pattern     # between "by" and the agent's name: determiners, titles, capitalised words
    tenses: dict = field(default_factory=dict, compare=False, hash=False)  # trigger word -> (tense, frame)
    # where a trigger can begin, as a regex for helpers.annotate.scan.word_start_starts (None: scan each sentence)
    trigger_head: str | None = None

    def kind(self, word: str) -> tuple[str, str]:
        """``(tense, frame)`` of the first trigger pattern matching ``word`` in full (('past', 'visit') when none)."""
        t = self.tenses.get(word)
        if t is None:
            t = self.tenses[word] = next(((t, f) for rx, t, f in self.trigger_tense if rx.match(word)),
                                         ("past", "visit"))
        return t

    def tense(self, word: str) -> str:
        """The tense of the first trigger pattern matching ``word`` in full ('past' when none does)."""
        return self.kind(word)[0]


@functools.lru_cache(maxsize=8)
def visit_patterns(kb) -> VisitPatterns:
    """``kb.visit_patterns`` compiled (one regex per role, alternatives joined); the reporting verbs,
    which end a clause, are ``kb.reporting_verbs`` (all of them, speech or not)."""
    df = kb.visit_patterns
    if (df["role"] == "report").any():
        raise ValueError("visit_patterns.csv: reporting verbs are listed in reporting_verbs.csv, not as 'report' rows")

    def alt(role: str) -> str:
        pats = df.loc[df["role"] == role, "pattern"].tolist()
        if not pats:
            raise ValueError(f"visit_patterns.csv: no pattern with role {role!r}")
        return "|".join(f"(?:{x})" for x in pats)

    trig = df[df["role"] == "trigger"]
    bad = sorted(set(trig["frame"]) - set(FRAMES))
    if bad:
        raise ValueError(f"visit_patterns.csv: unknown trigger frame(s) {bad}, expected one of {FRAMES}")
    title = kb.title_re.pattern
    triggers = alt("trigger").lower()
    return VisitPatterns(
        # read on the folded text (helpers.annotate.gazetteer.fold: lower case, same length), where a pattern
        # without IGNORECASE behind its first-character guard scans about twice as fast
        trigger=first_char_guarded(rf"\b(?:{triggers})\b"),
        trigger_head=word_head(triggers),
        trigger_tense=tuple((re.compile(rf"^(?:{r.pattern})$", re.IGNORECASE), r.tense, r.frame)
                            for r in trig.itertuples()),
        light_verb=first_char_guarded(rf"\b(?:{alt('light_verb')})\b(?:\s+[\w\-’']+){{0,4}}\s*$", re.IGNORECASE),
        future=first_char_guarded(rf"(?<!\w)(?:{alt('future')})\b", re.IGNORECASE),
        present=re.compile(rf"^(?:{alt('present_tense')})$", re.IGNORECASE),
        planned_time=first_char_guarded(rf"\b(?:{alt('planned_time')})\b", re.IGNORECASE),
        breaks=first_char_guarded(alt("break")),
        report=first_char_guarded(kb.reporting_pattern().lower()),  # on the folded text
        delegation=first_char_guarded(rf"\b(?:{alt('delegation').lower()})\b"),  # on the folded text
        agent=re.compile(rf"\s*(?:{alt('agent')})\s+", re.IGNORECASE),
        descriptive=re.compile(
            rf"^\s*(?:to\s+)?the\s+(?:[\w\-]+\s+){{0,3}}(?:{alt('descriptive_destination')})\b(?!['’]s)",
            re.IGNORECASE,
        ),
        demonym_place=re.compile(rf"\s+(?:{alt('demonym_place')})\b", re.IGNORECASE),
        title_before=first_char_guarded(rf"((?-i:[A-Z][\w\-]*\s+){{0,2}}?(?:{title})(?:\s+of\s+[^,;]+?)?)\s*,?\s*$", re.IGNORECASE),
        title_after=re.compile(
            rf"\s*,\s*((?:the\s+|a\s+|former\s+)?[^,;]*?(?:{title})[^,;]*?)\s*(?:,|$|\s+(?:who|that|which)\b)",
            re.IGNORECASE),
        on_visit=first_char_guarded(alt("on_visit")),  # on the folded text
        current=first_char_guarded(alt("current")),    # on the folded text
        here=re.compile(rf"\s*+(?:{alt('here')})\b", re.IGNORECASE),
        home=re.compile(rf"\s*+(?:{alt('home')})\b", re.IGNORECASE),
        from_place=re.compile(rf"\s*+(?:{alt('from')})\s++(?:the\s++)?", re.IGNORECASE),
        for_place=first_char_guarded(rf"\b(?:{alt('for')})\s++(?:the\s++)?", re.IGNORECASE),
        transport=re.compile(rf"\s*+(?:{alt('transport')})\b", re.IGNORECASE),
        facility=re.compile(rf"\s++(?:{alt('facility')})\b", re.IGNORECASE),
        embassy_staff=first_char_guarded(rf"\b(?:{alt('embassy_staff')})\b", re.IGNORECASE),
        inverted=first_char_guarded(rf"\b(?:{alt('inverted')})\b", re.IGNORECASE),
        agent_gap=re.compile(r"(?:(?:the|a|an|his|her|its|their|[A-Z][\w'’.\-]*+|[a-z]+-[a-z]+|"
                             + "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in sorted(kb.title_level, key=len, reverse=True))
                             + r")\s++)*+"),
    )


def trigger_starts(pats: VisitPatterns, folded: str, triples: list) -> list[int] | None:
    """Where a trigger may begin in the sentences (``folded``: the folded text), found in one scan of the
    document: a superset of the starts of ``pats.trigger`` in each sentence (see ``pats.trigger_head``); None
    when the trigger pattern gives no head (each sentence is then scanned in full)."""
    if pats.trigger_head is None or not triples:
        return None
    return word_start_starts(pats.trigger_head, folded, triples[0][0], max(t[1] for t in triples))


def word_head(pattern: str) -> str | None:
    """``pattern`` as the head of :func:`helpers.annotate.scan.word_start_starts` (behind its first-character
    guard), when the places where it matches are a superset of those where ``\\b(?:pattern)\\b`` matches in any
    span of the text holding the match: a pattern of letters and groups only, without anchors, word
    boundaries or lookarounds, whose match depends on the characters it covers only, and whose every
    match begins with a word character. Otherwise None.

    >>> word_head("visits?|(?:came|come) to")
    '(?=[cv])(?:visits?|(?:came|come) to)'
    >>> word_head(r"visit(?!or)") is None
    True
    """
    chars = _first_chars(pattern, 0)
    if not chars or not all(re.match(r"\w", c) for c in chars) or not _pure(pattern):
        return None
    return "(?=[" + "".join(re.escape(c) for c in sorted(chars)) + "])(?:" + pattern + ")"


def _pure(pattern: str) -> bool:
    """Whether ``pattern`` has no anchor, boundary, lookaround, back reference, atomic group or possessive
    repeat: then whether it matches a span depends on the characters of that span only."""
    try:
        from re import _constants as k, _parser
        tree = _parser.parse(pattern, 0)
    except Exception:  # noqa: BLE001 - unreadable: not known to be pure
        return False
    # (an atomic group or possessive repeat may take more of a longer text and so fail where it matched)
    impure = {k.AT, k.ASSERT, k.ASSERT_NOT, k.GROUPREF, k.GROUPREF_EXISTS, k.ATOMIC_GROUP, k.POSSESSIVE_REPEAT}

    def walk(items) -> bool:
        for op, av in items:
            if op in impure:
                return False
            if op is k.SUBPATTERN and (av[1] or av[2] or not walk(av[3])):  # flags added or removed: not plain
                return False
            if op is k.BRANCH and not all(walk(b) for b in av[1]):
                return False
            if op in (k.MAX_REPEAT, k.MIN_REPEAT) and not walk(av[2]):
                return False
        return True
    return walk(tree)


def first_char_guarded(pattern: str, flags: int = 0) -> re.Pattern:
    """``pattern`` compiled behind a lookahead for the characters a match can start with.

    The regex engine tries a pattern at every position; a leading ``(?=[vcartjgw])`` rejects most
    positions in one step instead of trying each alternative, which makes a scan about twice as fast.
    The matches are the same: the class holds every character a match can begin with (read from the
    parsed pattern, compiled with the same flags). When that set cannot be read (a pattern that can
    match the empty string or begin with any character) the pattern is compiled as it is.
    """
    chars = None if flags & re.VERBOSE else _first_chars(pattern, flags)
    if chars is None:
        return re.compile(pattern, flags)
    try:
        return re.compile("(?=[" + "".join(re.escape(c) for c in sorted(chars)) + "])(?:" + pattern + ")", flags)
    except re.error:  # e.g. global inline flags, which must stay at the start
        return re.compile(pattern, flags)


def _first_chars(pattern: str, flags: int) -> set[str] | None:
    try:
        from re import _constants as k, _parser
    except ImportError:  # not CPython 3.11+: no guard, same matches
        return None

    def first(items) -> tuple[set[str], bool] | None:  # (characters a match can begin with, may be empty)
        chars: set[str] = set()
        for op, av in items:
            if op in (k.AT, k.ASSERT, k.ASSERT_NOT):  # zero width: the next item gives the first character
                continue
            if op is k.LITERAL:
                return chars | {chr(av)}, False
            if op is k.IN and all(o is k.LITERAL or (o is k.RANGE and a[1] - a[0] < 256) for o, a in av):
                return chars | {chr(c) for o, a in av for c in ([a] if o is k.LITERAL else range(a[0], a[1] + 1))}, False
            if op is k.SUBPATTERN and not av[1]:  # a group that adds no flag (one that removes, as (?-i:), is stricter)
                sub = [first(av[3])]
            elif op is k.BRANCH:
                sub = [first(p) for p in av[1]]
            elif op in (k.MAX_REPEAT, k.MIN_REPEAT):
                sub = [first(av[2])] + ([(set(), True)] if av[0] == 0 else [])
            else:
                return None  # anything else (a class such as \w, any character, ...): no guard
            if any(x is None for x in sub):
                return None
            chars |= set().union(*(c for c, _ in sub))
            if not any(empty for _, empty in sub):
                return chars, False
        return chars, True
    try:
        found = first(_parser.parse(pattern, flags))
    except Exception:  # noqa: BLE001 - an unreadable pattern simply gets no guard
        return None
    return None if found is None or found[1] else found[0]
