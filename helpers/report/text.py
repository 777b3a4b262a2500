"""Small helpers for prose rendered from numbers, safe for corpus text.

Corpus text is untrusted: a scraped page can contain ``<script>`` or an
``onerror=`` attribute. Anything quoted from the corpus into Markdown goes
through :func:`md_quote`, which escapes HTML and Markdown control characters
so that the notebook and the HTML site show it as text.
"""
from __future__ import annotations

import html
import re

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~>$])")


def md_quote(text: str) -> str:
    """Escape corpus text for inclusion in a Markdown cell (HTML and Markdown syntax)."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(str(text), quote=False))


def fmt_int(n) -> str:
    """Thousands separator, no decimals: 12345 -> '12,345'."""
    return f"{int(n):,}"


def fmt_pct(x, digits: int = 0) -> str:
    """A share in [0, 1] as a percentage string: 0.256 -> '26%'."""
    return f"{100 * float(x):.{digits}f}%"


def plural(n, word: str, plural_word: str | None = None) -> str:
    """'1 article', '5 articles'."""
    n = int(n)
    return f"{n} {word if n == 1 else (plural_word or word + 's')}"
