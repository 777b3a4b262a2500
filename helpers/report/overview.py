"""The corpus at a glance: who published what, when, and how much of each file is noise.

Tables first (tested), then thin plotting functions that draw them.
"""
from __future__ import annotations

import pandas as pd

from helpers.corpus.segment import KINDS
from helpers.report.text import agree, fmt_int, fmt_pct, md_quote, plural

_PRECISION_OFFSET = {"day": pd.DateOffset(days=1), "month": pd.DateOffset(months=1), "year": pd.DateOffset(years=1)}


def article_table(corpus) -> pd.DataFrame:
    """One row per article: outlet, country, media system and the evidence for it, date and how it is known."""
    docs = corpus.documents
    outlets = corpus.outlets.set_index("outlet")
    from helpers.report.labels import article_labels

    table = pd.DataFrame({
        "article": article_labels(docs),
        "outlet": docs["outlet"],
        "country": docs["outlet_country"],
        "media_system": docs["media_system"],
        "ambiguous": docs["outlet"].map(outlets["ambiguous"]),
        "published": published_labels(docs),
        "basis": docs["published_basis"],
        "body_words": docs["n_words"],
        "title": docs["title"].fillna("(no headline in the file)"),
    })
    return table


def format_published(stamp, precision) -> str:
    """A date at the precision it is known: '2019-02-19', '2023-01', '2022', or 'unknown'."""
    if pd.isna(stamp):
        return "unknown"
    return {"day": f"{stamp:%Y-%m-%d}", "month": f"{stamp:%Y-%m}", "year": f"{stamp:%Y}"}[precision]


def published_labels(documents: pd.DataFrame) -> pd.Series:
    """Each document's publication date as text at its precision (see :func:`format_published`)."""
    return pd.Series([format_published(p, q) for p, q in zip(documents["published"], documents["published_precision"])],
                     index=documents.index, dtype="str")


def published_interval(documents: pd.DataFrame) -> pd.DataFrame:
    """First and last day each publication date allows, given its precision (NaT when unknown)."""
    start = documents["published"]
    end = pd.Series(
        [s + _PRECISION_OFFSET[p] - pd.Timedelta(days=1) if pd.notna(s) else pd.NaT
         for s, p in zip(start, documents["published_precision"])],
        index=documents.index, dtype=start.dtype,
    )
    return pd.DataFrame({"first_day": start, "last_day": end})


def composition(corpus, by: str = "kind") -> pd.DataFrame:
    """Characters of each raw file by segment ``kind`` (or ``rule``), rows doc_id, with a total column.

    White space is counted with the segment it follows, so each row sums to
    the file's length in characters.
    """
    seg = corpus.segments.assign(chars=corpus.segments["end"] - corpus.segments["start"])
    table = seg.pivot_table(index="doc_id", columns=by, values="chars", aggfunc="sum", fill_value=0)
    if by == "kind":
        table = table.reindex(columns=list(KINDS), fill_value=0)
    table.columns.name = None
    table["total"] = table.sum(axis=1)
    return table


def boilerplate_share(corpus) -> pd.DataFrame:
    """Per file: characters of boilerplate by rule, and the share of the file that is boilerplate."""
    seg = corpus.segments[corpus.segments["kind"] == "boilerplate"]
    seg = seg.assign(chars=seg["end"] - seg["start"])
    table = seg.pivot_table(index="doc_id", columns="rule", values="chars", aggfunc="sum", fill_value=0)
    table = table.reindex(corpus.documents.index, fill_value=0)
    table.columns.name = None
    total = corpus.documents["raw"].str.len()
    table["boilerplate_share"] = (table.sum(axis=1) / total).round(3)
    return table


MAX_ROWS = 40  # above this many articles, a per-article figure is unreadable: figures show outlets or years


def _labels(corpus, labels):
    from helpers.report.labels import article_labels

    return article_labels(corpus.documents) if labels is None else labels


def year_span(limits: dict) -> str:
    """The corpus's publication years in words: '2019–2025', '2024' (one year), or that none is known.

    >>> year_span(dict(first_year=2019, last_year=2025)), year_span(dict(first_year=None, last_year=None))
    ('2019–2025', 'no publication year known')
    """
    first, last = limits.get("first_year"), limits.get("last_year")
    if first is None:
        return "no publication year known"
    return str(first) if first == last else f"{first}–{last}"


def corpus_limits(corpus) -> dict:
    """Counts a reader needs to judge what the corpus can support."""
    docs = corpus.documents
    counts = docs["media_system"].value_counts()
    years = docs["published"].dropna().dt.year
    return dict(
        n_documents=len(docs),
        n_outlets=docs["outlet"].nunique(),
        n_countries=docs["outlet_country"].nunique(),
        n_state=int(counts.get("state", 0)),
        n_independent=int(counts.get("independent", 0)),
        n_ambiguous=int(corpus.outlets.set_index("outlet").loc[docs["outlet"].unique(), "ambiguous"].sum()),
        n_words=int(docs["n_words"].sum()),
        n_sentences=len(corpus.sentences),
        first_year=int(years.min()) if len(years) else None,
        last_year=int(years.max()) if len(years) else None,
        n_undated=int((docs["published_basis"] != "stated").sum()),
        n_inferred=int((docs["published_basis"] == "inferred").sum()),
        n_catalog=int((docs["published_basis"] == "catalog").sum()),
        n_unknown=int(docs["published"].isna().sum()),
        max_per_outlet=int(docs["outlet"].value_counts().max()) if len(docs) else 0,
        top_outlet=str(docs["outlet"].value_counts().index[0]) if len(docs) else "",
        n_multi_outlets=int((docs["outlet"].value_counts() > 1).sum()),
    )


# ---------------------------------------------------------------------------
# Prose rendered from the numbers
# ---------------------------------------------------------------------------
def outlet_article_clause(limits: dict) -> str:
    """Whether outlet and article can be told apart, from the articles per outlet.

    >>> outlet_article_clause(dict(max_per_outlet=1, n_multi_outlets=0, top_outlet="A"))
    'each outlet contributes one article, so outlet and article cannot be told apart in any comparison'
    >>> outlet_article_clause(dict(max_per_outlet=15, n_multi_outlets=1, top_outlet="KCNA"))
    '1 outlet contributes more than one article (at most 15, KCNA), so articles of one outlet can be compared with each other; for the others, outlet and article coincide'
    """
    if limits["max_per_outlet"] <= 1:
        return "each outlet contributes one article, so outlet and article cannot be told apart in any comparison"
    rest = "; for the others, outlet and article coincide" if limits.get("n_outlets", 2) > limits["n_multi_outlets"] else ""
    return (f"{plural(limits['n_multi_outlets'], 'outlet')} contribute{'s' if limits['n_multi_outlets'] == 1 else ''} "
            f"more than one article (at most {limits['max_per_outlet']}, {limits['top_outlet']}), so articles of one "
            f"outlet can be compared with each other{rest}")


def corpus_note(limits: dict) -> str:
    """Articles, outlets, countries and groups of :func:`corpus_limits`, in words."""
    return (f"The corpus holds {plural(limits['n_documents'], 'article')} from {plural(limits['n_outlets'], 'outlet')} "
            f"in {plural(limits['n_countries'], 'country', 'countries')}: {limits['n_state']} coded as state media and "
            f"{limits['n_independent']} as independent media. "
            + (f"{limits['n_ambiguous']} of the outlets {agree(limits['n_ambiguous'], 'is', 'are')} marked ambiguous"
               if limits["n_ambiguous"] else "No outlet is marked ambiguous")
            + f", and {outlet_article_clause(limits)}.")


def inferred_dates_note(documents: pd.DataFrame, labels: pd.Series | None = None, max_listed: int = 12) -> str:
    """The pages dated from their own words, each (by its article label; by its outlet when no ``labels`` are
    given) with the precision and evidence of its inferred date; beyond ``max_listed`` pages, the first of them
    and a count of the rest (the table above lists all)."""
    inferred = documents[documents["published_basis"] == "inferred"]
    if inferred.empty:
        return ("No page here is dated from its own words: every publication date is printed on the page, recorded "
                "in the catalog, or unknown (the table above says which).")
    names = inferred["outlet"] if labels is None else labels.reindex(inferred.index)
    n = len(inferred)
    rest = n - max_listed
    return (f"{plural(n, 'page')} print{agree(n, 's', '')} no date of {agree(n, 'its', 'their')} own; "
            f"{agree(n, 'its date comes', 'their dates come')} from what the article says:\n\n"
            + "\n".join(f"- **{md_quote(name)}**: {r.published_precision} precision, {md_quote(r.published_evidence)}."
                        for name, r in zip(names[:max_listed], inferred.head(max_listed).itertuples()))
            + (f"\n- … and {plural(rest, 'other page')}, listed in the table above." if rest > 0 else ""))


def years_by_system_note(documents: pd.DataFrame) -> str:
    """First and last publication year and the number of articles per media system (and those with no date)."""
    by_system = (documents.assign(year=documents["published"].dt.year)
                 .groupby("media_system")["year"].agg(["min", "max", "count", "size"]))

    def years(r) -> str:
        undated = int(r["size"] - r["count"])
        span = (f" {int(r['min'])}–{int(r['max'])} ({plural(r['count'], 'article')}" if r["count"] else
                ", no dated article (")
        return span + (f"{', ' if r['count'] else ''}{undated} with no date" if undated else "") + ")"

    return ("Publication years by media system: " + "; ".join(f"{system}{years(r)}" for system, r in by_system.iterrows())
        + ". Each article was written for an occasion (a summit, an anniversary of diplomatic relations), so any "
        "difference between media systems may also be a difference between occasions and years.")


def boilerplate_note(corpus, shares: pd.DataFrame | None = None) -> str:
    """Shares of boilerplate and body characters, the noisiest file, and boilerplate segments per rule
    (``shares``: :func:`boilerplate_share`)."""
    shares = boilerplate_share(corpus) if shares is None else shares
    rules = corpus.segments[corpus.segments["kind"] == "boilerplate"].groupby("rule").size()
    comp = composition(corpus)
    if rules.empty:
        return (f"No segment of any file is labelled boilerplate: {fmt_pct(comp['body'].sum() / comp['total'].sum())} "
                "of all characters are body text, the rest headlines, datelines and captions.")
    noisiest = shares["boilerplate_share"].idxmax()
    return (f"Across the corpus, {fmt_pct(comp['boilerplate'].sum() / comp['total'].sum())} of all characters are "
            f"boilerplate and {fmt_pct(comp['body'].sum() / comp['total'].sum())} are body text. The noisiest file is "
            f"{md_quote(_labels(corpus, None)[noisiest])} "
            f"({fmt_pct(shares.loc[noisiest, 'boilerplate_share'])} boilerplate). Boilerplate segments by rule: "
            + ", ".join(f"{rule} {n}" for rule, n in rules.items()) + ".")


def statistics_clause(n_state: int, n_independent: int, alpha: float = 0.05) -> str:
    """What a comparison of the two groups can show, from their sizes (the permutation test of notebook 04,
    :func:`helpers.analysis.permutation.relabellings`)."""
    from helpers.analysis.permutation import relabellings

    if not n_state or not n_independent:
        return (f"any comparison of state and independent media: with {n_state} state and {n_independent} independent "
                "articles, one group is empty")
    test = relabellings(n_state + n_independent, n_independent)
    head = (f"statistical generalisation: with {n_state} state and {n_independent} independent articles, a permutation "
            f"test has {fmt_int(test['relabellings'])} relabellings ({test['method']}), so the smallest p-value it can "
            f"give is {test['min_p']:.2g}")
    if test["min_p"] > alpha:
        return head + f"; no difference between the groups can reach p < {alpha}"
    return (head + f"; a difference can reach p < {alpha}, but the articles are not a random sample of either media "
            "system, so a test describes these articles, not state or independent media at large")


def support_note(limits: dict) -> str:
    """What the corpus can and cannot support, with the counts of :func:`corpus_limits`."""
    cannot = [statistics_clause(limits["n_state"], limits["n_independent"]),
              f"separating media system from outlet or from occasion: {outlet_article_clause(limits)}, and articles "
              "are written for occasions (a summit, an anniversary, a visit) that differ between outlets",
              "claims about coverage in Vietnamese or Korean, or about what was not published"
              + (", or about change over time within one outlet" if limits["max_per_outlet"] <= 1 else "")]
    if limits.get("n_inferred"):
        cannot.append(f"firm dates for {plural(limits['n_inferred'], 'article')} whose pages print none: their dates "
                      "are inferred from their own words, with the evidence shown above")
    if limits.get("n_catalog"):
        cannot.append(f"dates checked against the page for {plural(limits['n_catalog'], 'article')} dated by the "
                      "catalog alone")
    if limits.get("n_unknown"):
        cannot.append(f"any dating of {plural(limits['n_unknown'], 'article')} with no date at all")
    return ("\n**Can support**\n"
            "- a close, fully traceable reading: every table row keeps its document and character offsets, so any claim "
            "can be checked against the sentence that makes it;\n"
            "- a description of *these* articles: which events they narrate, which dates they give, whom they name and "
            "how;\n"
            "- finding disagreements between sources (dates, titles) and inconsistencies inside one article.\n\n"
            "**Cannot support**\n" + ";\n".join(f"- {c}" for c in cannot) + ".\n")


def dates_clause(limits: dict) -> str:
    """How the publication dates are known, in one clause.

    >>> dates_clause(dict(n_documents=20, n_undated=17, n_inferred=2, n_catalog=15, n_unknown=0))
    '3 pages state their date; 15 are dated by the catalog and 2 dated from their own words, with the evidence kept'
    >>> dates_clause(dict(n_documents=1, n_undated=1, n_inferred=0, n_catalog=0, n_unknown=1))
    'no page states its date; 1 has no date'
    """
    stated = limits["n_documents"] - limits["n_undated"]
    parts = []
    if limits.get("n_catalog"):
        parts.append(f"{limits['n_catalog']} {agree(limits['n_catalog'], 'is', 'are')} dated by the catalog")
    if limits.get("n_inferred"):
        n = limits["n_inferred"]
        parts.append(f"{n} {'' if parts else agree(n, 'is ', 'are ')}dated from {agree(n, 'its', 'their')} own words, "
                     "with the evidence kept")
    if limits.get("n_unknown"):
        parts.append(f"{limits['n_unknown']} {agree(limits['n_unknown'], 'has', 'have')} no date")
    tail = " and ".join(parts) if len(parts) < 3 else ", ".join(parts[:-1]) + " and " + parts[-1]
    head = ("no page states its date" if stated == 0 else
            f"{plural(stated, 'page')} state{'s its' if stated == 1 else ' their'} date")
    return head + (f"; {tail}" if tail else "")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def corpus_findings(limits: dict, shares: pd.DataFrame) -> str:
    """The notebook's findings as Markdown bullets, from :func:`corpus_limits` and :func:`boilerplate_share`."""
    return (
        f"- {plural(limits['n_documents'], 'article')} from {plural(limits['n_outlets'], 'outlet')} in "
        f"{plural(limits['n_countries'], 'country', 'countries')}, {year_span(limits)}; "
        f"{limits['n_state']} state and {limits['n_independent']} independent, "
        + (f"{limits['n_ambiguous']} of the outlets coded with stated doubt.\n" if limits["n_ambiguous"] else
           "no outlet coded with stated doubt.\n")
        + f"- {_capital(dates_clause(limits))}.\n"
        + (f"- Boilerplate is up to {fmt_pct(shares['boilerplate_share'].max())} of a file; only body text enters the "
           "analyses.\n" if len(shares) and shares["boilerplate_share"].max() > 0 else
           "- No file has boilerplate the rules recognise; only body text enters the analyses.\n")
        + ("- The corpus supports a traceable close reading of this one article, not generalisation about state or "
           "independent media." if limits["n_documents"] == 1 else
           "- The corpus supports a traceable close reading and comparison of these articles, not generalisation "
           "about state or independent media."))


__all__ = [
    "article_table", "format_published", "published_labels", "published_interval", "composition", "boilerplate_share",
    "corpus_limits", "corpus_note",
    "inferred_dates_note", "years_by_system_note", "boilerplate_note", "support_note", "corpus_findings",
    "outlet_article_clause", "statistics_clause", "dates_clause", "body_table", "body_note", "year_span",
]


def body_table(corpus, labels: pd.Series | None = None) -> pd.DataFrame:
    """Per article (every one, an article with no body text at 0): its ``article`` label, body ``sentences``
    and ``body_words``."""
    docs = corpus.documents
    sentences = corpus.sentences.groupby("doc_id").size().reindex(docs.index, fill_value=0).astype("int64")
    return pd.DataFrame({"article": _labels(corpus, labels), "sentences": sentences,
                         "body_words": docs["n_words"]})[["article", "sentences", "body_words"]]


def body_note(limits: dict, per_doc: pd.DataFrame) -> str:
    """Body sentences and words in all, and the range of words per article (from :func:`body_table`)."""
    words = per_doc["body_words"]
    head = (f"In all, {fmt_int(limits['n_sentences'])} body sentences and {fmt_int(limits['n_words'])} body words")
    if len(words) == 1:
        return head + ", in the one article."
    if words.min() == words.max():
        return head + f": {fmt_int(words.min())} words in every article."
    return head + f": between {fmt_int(words.min())} and {fmt_int(words.max())} words per article."
