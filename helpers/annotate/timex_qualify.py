"""Words before a temporal expression that change its span or its certainty.

Two general rules, applied by the resolvers of :mod:`helpers.annotate.timex_resolve` and
:mod:`helpers.annotate.timex_relative` after a rule has matched (so the grammar tried at every
anchor stays as small and fast as before):

- a part of a period named before it belongs to the expression: 'the middle of the 1990s',
  'the end of 2019', 'the beginning of March', 'the second half of last year'. The value stays the
  period's (a decade, a year, a month): the part narrows it, it does not move it;
- a word that makes a count approximate ('more than ten years ago', 'nearly 30 years ago', 'some
  four decades ago') belongs to the expression, and the expression keeps no value: 'more than ten
  years ago', written in 2011, is some time before 2001, not 2001.

The words are the grammar's (:data:`helpers.dates.grammar.PERIOD_PARTS`,
:data:`helpers.dates.grammar.APPROXIMATORS`). Each test reads at most :data:`LOOK_BACK` characters
before the match, so it costs the same on any text.
"""
from __future__ import annotations

import re

from helpers.dates.grammar import APPROXIMATOR, PERIOD_PART

LOOK_BACK = 40      # characters before a match where a part or an approximator may begin
_PART_BEFORE = re.compile(rf"(?<![\w-])(?:(?i:the)\s+)?{PERIOD_PART}\s+(?i:of)\s+(?:(?i:the)\s+)?$")
_APPROX_BEFORE = re.compile(rf"(?<![\w-]){APPROXIMATOR}\s+$")
# How the text before a part of a period ends: a quick test before the regex.
PART_TAILS = tuple(w + s for w in ("of", "Of", "OF", "the", "The", "THE") for s in (" ", "\u00a0", "\n", "  "))


def _before(m: re.Match, ctx) -> tuple[str, int]:
    """The text of the sentence just before the match, and its offset in the raw text."""
    start = m.start() - ctx.offset
    lo = max(0, start - LOOK_BACK)
    return ctx.sentence[lo:start], lo + ctx.offset


def period_part_start(m: re.Match, ctx) -> int | None:
    """Where 'the middle of', 'the end of', 'the first half of' ... before the match begins (an offset in the
    raw text), None when no part of a period is named there.

    >>> import re; from types import SimpleNamespace as N
    >>> s = "It peaked in the middle of the 1990s."
    >>> period_part_start(re.search("1990s", s), N(sentence=s, offset=0))
    13
    """
    if not ctx.sentence.endswith(PART_TAILS, 0, m.start() - ctx.offset):
        return None               # the quick answer for nearly every match
    before, lo = _before(m, ctx)
    p = _PART_BEFORE.search(before)
    return lo + p.start() if p else None


def approximate_start(m: re.Match, ctx) -> int | None:
    """Where an approximating word before the match begins ('more than', 'nearly', 'some'), None if there is none.

    >>> import re; from types import SimpleNamespace as N
    >>> s = "It was declared more than ten years ago."
    >>> approximate_start(re.search("ten years ago", s), N(sentence=s, offset=0))
    16
    """
    before, lo = _before(m, ctx)
    if not before[-1:].isspace():
        return None
    p = _APPROX_BEFORE.search(before)
    return lo + p.start() if p else None
