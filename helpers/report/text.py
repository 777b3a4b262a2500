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


def agree(n, one: str, many: str) -> str:
    """The verb (or pronoun) that agrees with a count: agree(1, 'is', 'are') -> 'is', agree(0, 'is', 'are') -> 'are'."""
    return one if int(n) == 1 else many


def listing(items, empty: str = "none", sep: str = ", ") -> str:
    """Items joined for a sentence, or ``empty`` when there is none, so a sentence never ends on a bare colon.

    >>> listing(["a", "b"]), listing([])
    ('a, b', 'none')
    """
    items = [str(i) for i in items]
    return sep.join(items) if items else empty


def fmt_num(x, digits: int = 2, missing: str = "–") -> str:
    """A number with ``digits`` decimals, or ``missing`` where there is none (NaN, None): a score nothing was
    computed on is shown as a dash, never as 'nan'.

    >>> fmt_num(0.8333), fmt_num(float("nan")), fmt_num(None)
    ('0.83', '–', '–')
    """
    try:
        value = float(x)
    except (TypeError, ValueError):
        return missing
    return missing if value != value or value in (float("inf"), float("-inf")) else f"{value:.{digits}f}"


def the_articles(n, word: str = "article", plural_word: str | None = None) -> str:
    """'the article' for one, 'the 5 articles' for several, 'no article' for none: a count that reads as a
    sentence whatever the corpus size.

    >>> the_articles(1), the_articles(5), the_articles(0), the_articles(2, "body", "bodies")
    ('the article', 'the 5 articles', 'no article', 'the 2 bodies')
    """
    n = int(n)
    if n == 0:
        return f"no {word}"
    return f"the {word}" if n == 1 else f"the {plural(n, word, plural_word)}"


_DATE_FORMATS = {"year": "%Y", "month": "%Y-%m", "day": "%Y-%m-%d"}


def fmt_date(value, precision: str | None = "day", missing: str = "") -> str:
    """A date shown at its precision: a month-precision date stored as its first day prints as '2023-01',
    a year-precision one as '2022', never as a made-up first of January; ``missing`` where there is none.
    An unknown precision prints the day.

    >>> import pandas as pd
    >>> fmt_date(pd.Timestamp("2023-01-01"), "month"), fmt_date(pd.Timestamp("2022-01-01"), "year")
    ('2023-01', '2022')
    >>> fmt_date(pd.Timestamp("2019-02-19")), fmt_date(pd.NaT, "day"), fmt_date(None)
    ('2019-02-19', '', '')
    """
    import pandas as pd

    if value is None or value is pd.NaT or (isinstance(value, float) and value != value):
        return missing
    try:
        stamp = pd.Timestamp(value)
    except (TypeError, ValueError):
        return str(value)
    if stamp is pd.NaT:
        return missing
    return stamp.strftime(_DATE_FORMATS.get(str(precision), "%Y-%m-%d"))
