"""Marking spans of a raw text in HTML, nested or overlapping, with the text kept inert.

A :class:`Mark` is a character span of a raw text with a CSS class and a tooltip. :func:`render_marks` turns
a text and its marks into HTML in which every character of the text is HTML-escaped (the text can carry
``<script>`` or ``onerror=``: it stays text) and every mark is a ``<span>`` around exactly its characters.
Marks that overlap without nesting (a date that runs across a person's name) are cut where they cross:
at each offset where a mark ends, the marks opened after it are closed and reopened, so the HTML is
always well nested and each mark still covers its characters, possibly in several pieces (only the first
piece carries the mark's ``id``, so an anchor is unique).

The work is one sort of the marks' boundaries and one pass over them: ``O(n log n)`` in the number of
marks, and linear in the text.

>>> render_marks("a<b> c", [Mark(0, 4, "x", "tip")])
'<span class="x" data-tip="tip">a&lt;b&gt;</span> c'
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

_TAG = re.compile(r"<[^<>]*>")


@dataclass(frozen=True)
class Mark:
    """A span ``[start, end)`` of the raw text, shown as ``<span class=css>`` with a tooltip ``tip``.

    ``tip`` is shown by the stylesheet on hover (``data-tip``), ``title`` by the browser itself (a plain
    ``title`` attribute, for marks the stylesheet gives no tooltip). ``rank`` orders marks that start and end at the same offsets (lower is outer); ``anchor`` is an
    ``id`` for the first piece (a sentence's ``s12``), so a link can point at it.
    """

    start: int
    end: int
    css: str
    tip: str = ""
    rank: int = 0
    anchor: str = ""
    title: str = ""


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def _open(mark: Mark, first: bool) -> str:
    parts = [f'<span class="{_attr(mark.css)}"']
    if first and mark.anchor:
        parts.append(f' id="{_attr(mark.anchor)}"')
    if mark.title:
        parts.append(f' title="{_attr(mark.title)}"')
    if mark.tip:
        parts.append(f' data-tip="{_attr(mark.tip)}"')
    return "".join(parts) + ">"


def _valid(text: str, marks) -> list[Mark]:
    n = len(text)
    out = []
    for m in marks:
        if not (0 <= m.start <= m.end <= n):
            raise ValueError(f"mark {m.css!r} [{m.start}, {m.end}) lies outside a text of {n} characters")
        if m.start < m.end:  # an empty mark covers no character: nothing to show
            out.append(m)
    return out


def render_marks(text: str, marks) -> str:
    """The text, HTML-escaped, with every mark a ``<span>`` around its characters (see the module doc)."""
    marks = _valid(text, marks)
    # outer first: earlier start, then later end, then lower rank
    order = sorted(range(len(marks)), key=lambda i: (marks[i].start, -marks[i].end, marks[i].rank, i))
    starts: dict[int, list[int]] = {}
    for i in order:
        starts.setdefault(marks[i].start, []).append(i)
    cuts = sorted({0, len(text), *starts, *(m.end for m in marks)})
    out: list[str] = []
    stack: list[int] = []   # indexes of the open marks, outermost first
    opened: set[int] = set()
    for here, nxt in zip(cuts, cuts[1:] + [None]):
        ending = [k for k, i in enumerate(stack) if marks[i].end == here]
        if ending:
            lowest = ending[0]
            keep = [i for i in stack[lowest:] if marks[i].end != here]
            out.append("</span>" * (len(stack) - lowest))
            del stack[lowest:]
            for i in keep:  # reopen the ones cut only because an inner-opened mark crossed them
                out.append(_open(marks[i], first=False))
                stack.append(i)
        for i in starts.get(here, ()):
            out.append(_open(marks[i], first=i not in opened))
            opened.add(i)
            stack.append(i)
        if nxt is not None:
            out.append(html.escape(text[here:nxt], quote=False))
    out.append("</span>" * len(stack))
    return "".join(out)


def strip_marks(fragment: str) -> str:
    """The text back from :func:`render_marks`'s HTML: tags removed, entities unescaped (for tests)."""
    return html.unescape(_TAG.sub("", fragment))
