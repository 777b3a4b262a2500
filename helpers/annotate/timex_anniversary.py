"""Ordinal anniversaries of an event the article dates itself: 'the 65th anniversary of the minister's
visit to Hanoi', where another sentence of the article tells when that visit was.

The anniversary resolver (:func:`helpers.annotate.timex_resolve.anniversary`) dates what it can from the
sentence and the reference data; an anniversary it leaves without a value waits, with the phrase that
names its event, until the whole article is read (the dating sentence may come before or after it).
Then :func:`date_pending` looks for the event's date:

1. a date printed with its year that begins inside the naming phrase ('... visit to Hanoi in November 1958');
2. else every date printed with its year in another sentence that names the same event: every name
   of the phrase (a run of capitalised words, compared by its last two words joined, so 'Viet Nam'
   and 'Vietnam' agree) and its head noun (the first content word: 'visit', 'founding', compared by
   stem, so 'visited' and 'founded' agree) occur in it.

The dates found must agree on the year; the value keeps what they agree on (the day when one date).
An anniversary is written about near its date, so when the publication year is known the value must
lie within a year of it: anything else is left empty, never guessed. The first :data:`MAX_PENDING`
such anniversaries of a document are looked for (a real article has a handful), so the work stays
linear in the length of the text.
"""
from __future__ import annotations

import re

from helpers.annotate.timex_context import iso

_PHRASE_END = re.compile(r"[.,;:!?()\"“”\n]")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_FUNCTION = frozenset("""a an the of to in on at by for from and or with his her its their our this that these those
his first second last late historic historical official great glorious""".split())
_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ed", "es", "s")
MAX_PHRASE = 120     # characters after 'anniversary of' that may name the event
MAX_PENDING = 20     # anniversaries of a document looked for in its narrative (keeps the work linear in its length)


def phrase_end(sentence: str, start: int) -> int:
    """Where the phrase naming an event, from ``start``, ends: at a punctuation mark or after MAX_PHRASE."""
    m = _PHRASE_END.search(sentence, start, start + MAX_PHRASE)
    return m.start() if m else min(len(sentence), start + MAX_PHRASE)


def _tokens(text: str, possessives: list | None = None) -> list[str]:
    """The words of ``text``, a possessive 's taken off (and the word noted in ``possessives``)."""
    out = []
    for t in _TOKEN.findall(text):
        t = t.rstrip("'’-")
        if t.endswith(("'s", "’s")):
            t = t[:-2]
            if possessives is not None:
                possessives.append(t)
        out.append(t)
    return out


def stem(word: str) -> str:
    """'visited' -> 'visit', 'founding' -> 'found', 'establishment' -> 'establish'."""
    w = word.lower()
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)]
    return w


def event_keys(phrase: str) -> tuple[str | None, list[str]]:
    """(head noun's stem, name keys) of the phrase naming an event.

    >>> event_keys("President Kim Il Sung's visit to Viet Nam")
    ('visit', ['ilsung', 'vietnam'])
    >>> event_keys("the minister's visit to Laos")[0]
    'visit'
    """
    head, runs, run, possessors = None, [], [], []
    for t in _tokens(phrase, possessors) + [""]:
        if t[:1].isupper() and t.lower() not in _FUNCTION:
            run.append(t.lower())
            continue
        if run:
            runs.append("".join(run[-2:]))
            run = []
        if head is None and t and t.lower() not in _FUNCTION and t not in possessors:
            head = stem(t)
    return head, runs


def sentence_forms(text: str) -> tuple[set[str], set[str]]:
    """(every word lower-cased, with adjacent capitalised words also joined; the stems of its words)."""
    tokens = _tokens(text)
    forms = {t.lower() for t in tokens}
    forms.update(a.lower() + b.lower() for a, b in zip(tokens, tokens[1:]) if a[:1].isupper() and b[:1].isupper())
    return forms, {stem(t) for t in tokens}


def names_event(head: str | None, keys: list[str], text: str, forms_of=None) -> bool:
    """Does ``text`` name the event of (head, keys)? Every name key, and the head noun when there is one.
    ``forms_of``, a dict, keeps :func:`sentence_forms` of each text for the next call."""
    forms, stems = sentence_forms(text) if forms_of is None else (
        forms_of.get(text) or forms_of.setdefault(text, sentence_forms(text)))
    if not all(k in forms for k in keys):
        return False
    return head is None or any(s.startswith(head) or head.startswith(s) for s in stems if len(s) >= 4)


def date_pending(rows: list, raw: str, state, replace) -> None:
    """Give each pending anniversary of ``state.pending`` the value its event's date gives, in ``rows`` (in place).

    ``state.pending`` holds (start, ordinal, sentence start, sentence end, phrase start, phrase end) of each
    anniversary left without a value; ``state.dated`` (sentence start, sentence end, start, end, value) the
    dates printed with their year. ``replace(row, value, anchor)`` returns the row with its new value.
    """
    index = {row.start: i for i, row in enumerate(rows) if row.kind == "anniversary"}
    forms_of: dict[str, tuple] = {}          # each sentence read once, whatever the number of anniversaries
    for start, n, s0, s1, p0, p1 in state.pending[:MAX_PENDING]:
        i = index.get(start)
        if i is None:
            continue
        inside = [v for _, _, a, _, v in state.dated if p0 <= a < p1]
        if inside:
            bases = inside
        else:
            head, keys = event_keys(raw[p0:p1])
            if not keys:
                continue
            bases = [v for a0, a1, _, _, v in state.dated
                     if (a0, a1) != (s0, s1) and names_event(head, keys, raw[a0:a1], forms_of)]
        base = _agreed(bases)
        if base is None or (state.pub is not None and abs(base[0] + n - state.pub[0]) > 1):
            continue
        rows[i] = replace(rows[i], (base[0] + n,) + base[1:], f"narrative {iso(base)}")


def _agreed(values: list[tuple]) -> tuple | None:
    """What the dates agree on, from the year down: (1958, 11, 27) and (1958, 11, 28) -> (1958, 11)."""
    if not values:
        return None
    out = []
    for parts in zip(*values):
        if len(set(parts)) > 1:
            break
        out.append(parts[0])
    return tuple(out) or None
