"""Which characters a match of a regular expression can begin with.

The grammar of :mod:`helpers.annotate.timex` is one alternation of some thirty rules, tried in order
at each candidate position. Most rules cannot begin with the character found there (no month name
begins with 't', no year with 'a'), yet the regex engine enters each of them, and a joint pattern
with over a hundred groups is slow to set up for every try. :func:`first_chars` reads a rule's
parsed form and tells which ASCII letters and digits its match can begin with, so the finder can try,
at a position, a grammar of only the rules that can start there: the same rules in the same order,
hence the same first match.

The answer only ever errs on the side of more characters (anything unusual counts as "any"), so a rule
is never dropped where it could match. It reads the parser of the standard ``re`` package
(``re._parser``, stable since Python 3.11); should that ever fail, every rule counts as possible.
"""
from __future__ import annotations

import functools
import re
import string

KEYS = frozenset(string.digits + string.ascii_letters)
_KEY_STRING = "".join(sorted(KEYS))

try:  # the parser of the standard re package; private, so a failure only turns the narrowing off
    from re import _constants as _C
    from re import _parser as _P
except ImportError:  # pragma: no cover
    _P = None


@functools.cache
def first_chars(pattern: str) -> frozenset[str]:
    """The ASCII letters and digits a match of ``pattern`` may begin with (:data:`KEYS` when unsure).

    >>> sorted(first_chars(r"(?i:the)\\s+year|\\d+"))[:3], 'T' in first_chars(r"(?i:the)")
    (['0', '1', '2'], True)
    """
    if _P is None:
        return KEYS
    try:
        parsed = _P.parse(pattern)
        keys, nullable = _first(parsed.data, parsed.state.flags)
    except Exception:  # noqa: BLE001 - an unknown construct: every character stays possible
        return KEYS
    return KEYS if nullable else frozenset(keys)


def _matching(pattern: str, flags: int) -> set[str]:
    """The keys a one-character pattern matches under ``flags`` (the re engine decides case folding)."""
    return set(re.compile(pattern, flags).findall(_KEY_STRING))


def _first(items, flags) -> tuple[set[str], bool]:
    """(keys the sequence ``items`` may begin with, whether it may match the empty string)."""
    keys: set[str] = set()
    for op, av in items:
        first, nullable = _first_item(op, av, flags)
        keys |= first
        if not nullable:
            return keys, False
    return keys, True


def _first_item(op, av, flags) -> tuple[set[str], bool]:
    if op is _C.LITERAL:
        return _matching(re.escape(chr(av)), flags), False
    if op is _C.IN:
        return _first_in(av, flags), False
    if op is _C.SUBPATTERN:
        _, add, remove, sub = av
        return _first(sub, (flags | add) & ~remove)
    if op is _C.BRANCH:
        keys, nullable = set(), False
        for sub in av[1]:
            k, n = _first(sub, flags)
            keys |= k
            nullable |= n
        return keys, nullable
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT):
        keys, nullable = _first(av[2], flags)
        return keys, nullable or av[0] == 0
    if op is _C.ATOMIC_GROUP:
        return _first(av, flags)
    if op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):
        return set(), True              # zero width: the next item decides (ignoring a lookahead only adds)
    return set(KEYS), True              # any other construct: any key, maybe empty


def _first_in(items, flags) -> set[str]:
    """Keys of a character class ``[...]``."""
    keys: set[str] = set()
    for op, av in items:
        if op is _C.LITERAL:
            keys |= _matching(re.escape(chr(av)), flags)
        elif op is _C.RANGE:
            keys |= _matching(f"[{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}]", flags)
        elif op is _C.CATEGORY and av in (_C.CATEGORY_DIGIT, _C.CATEGORY_UNI_DIGIT):
            keys |= set(string.digits)
        elif op is _C.CATEGORY and av in (_C.CATEGORY_SPACE, _C.CATEGORY_UNI_SPACE):
            pass
        else:                           # a negated class, \w, another category: any key
            return set(KEYS)
    return keys


def finite_language(pattern: str) -> frozenset[str] | None:
    """Every string ``pattern`` matches, as written (case flags ignored), when it is a finite choice of words
    built from literals, groups, alternatives and optional parts; None for anything else.

    >>> sorted(finite_language(r"(?i:years?|centur(?:y|ies))"))
    ['centuries', 'century', 'year', 'years']
    """
    if _P is None:
        return None
    try:
        words = _words(_P.parse(pattern).data)
    except Exception:  # noqa: BLE001 - an unknown construct: no finite language to offer
        return None
    return None if words is None else frozenset(words)


def _words(items) -> set[str] | None:
    out = {""}
    for op, av in items:
        if op is _C.LITERAL:
            options = {chr(av)}
        elif op is _C.SUBPATTERN:
            options = _words(av[3])
        elif op is _C.BRANCH:
            subs = [_words(sub) for sub in av[1]]
            options = None if any(s is None for s in subs) else set().union(*subs)
        elif op is _C.MAX_REPEAT and av[0] == 0 and av[1] == 1:     # x?
            inner = _words(av[2])
            options = None if inner is None else inner | {""}
        else:
            return None
        if options is None:
            return None
        out = {a + b for a in out for b in options}
    return out
