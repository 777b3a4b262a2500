"""Faster searches for slow patterns: find where a match can begin, then match there only.

The regex engine skips quickly to a *literal* (a fixed string such as ' ' or 'the'); a pattern opening with
a set of letters or a look-behind is tried at nearly every character. Each helper here takes a cheap
pattern whose matches are a superset of the places where the slow one can begin, and tries the slow
pattern only there, giving exactly the matches ``finditer`` would give: leftmost first, without overlap.

>>> import re
>>> slow = re.compile(r"(?:minister|mayor)s?(?= [A-Z])")
>>> [m.group() for m in word_start_matches(slow, "minister|mayor", "the mayor Kim and a prime minister Le", 0, 37)]
['mayor', 'minister']
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator


def matches_at(exact: re.Pattern, text: str, starts: Iterable[int], hi: int) -> Iterator[re.Match]:
    """The matches of ``exact`` in ``text`` (ending by ``hi``) that begin at one of ``starts``, leftmost first
    and without overlap, as ``finditer`` gives them.

    ``starts`` (in increasing order) must hold every place where ``exact`` matches; a start inside the
    previous match is skipped, as finditer would skip it.

    >>> [m.group() for m in matches_at(re.compile("ab|b"), "abab b", [0, 1, 2, 5], 6)]
    ['ab', 'ab', 'b']
    """
    pos, match = -1, exact.match
    for c in starts:
        if c >= pos and (m := match(text, c, hi)):
            yield m
            pos = m.end()


@functools.lru_cache(maxsize=32)
def _word_start_scans(head: str) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    # Most words follow a space: a literal the engine finds fast. The other non-word characters are few.
    return re.compile(f" (?={head})"), re.compile(rf"[^ 0-9a-z](?<=\W)(?={head})"), re.compile(f"(?={head})")


def word_start_starts(head: str, text: str, lo: int, hi: int) -> list[int]:
    """The places in ``text[lo:hi]`` where the regex ``head`` matches at the start of a word (at the start of
    the text, or after a character that is not ``\\w``), in text order.

    >>> word_start_starts("ab", "ab xab (ab-ab", 0, 13)
    [0, 8, 11]
    """
    after_space, after_other, at = _word_start_scans(head)
    begin = max(lo - 1, 0)  # the character before lo decides whether a word starts at lo
    found = [m.end() for m in after_space.finditer(text, begin, hi)]
    others = [m.end() for m in after_other.finditer(text, begin, hi)]
    if others:
        found = sorted(found + others)
    if lo == 0 and at.match(text, 0, hi):
        found.insert(0, 0)
    return found


def word_start_matches(exact: re.Pattern, head: str, text: str, lo: int, hi: int) -> Iterator[re.Match]:
    """The matches of ``(?<!\\w)exact`` in ``text[lo:hi]``, where every match of ``exact`` begins with a match
    of the regex ``head``: only the word starts where ``head`` matches are tried."""
    return matches_at(exact, text, word_start_starts(head, text, lo, hi), hi)
