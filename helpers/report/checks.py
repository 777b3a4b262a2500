"""What the reference chronology says about the articles' dates (notebooks 02 and 03).

Reads the ``corpus.checks`` layer (:mod:`helpers.events.checks`): one row per dated statement about an
event of ``helpers/data/reference_chronology.csv``, judged consistent, contradicting or unverifiable.

- :func:`checks_table`: per outlet, how many statements the references confirm, contradict or cannot check;
- :func:`contradiction_table`: every contradiction with its full sentence, the stated and reference dates
  and the reference's source;
- :func:`checks_note`: the same in words, each contradiction quoted with its source cited, and which
  article the reference bears out where one does;
- :func:`checks_finding`: one bullet for a notebook's findings; :func:`visit_checks`: the checks of the
  sentences that make a visit statement (notebook 03).
Nothing here names a particular article or event.
"""
from __future__ import annotations

import pandas as pd

from helpers.dates.intervals import PRECISION_RANK, parse_interval
from helpers.report.text import agree, md_quote, plural

TABLE_COLUMNS = ["outlet", "media_system", "articles", "dated statements checked", "confirmed", "contradicted",
                 "cannot check"]


def _verdict_counts(checks: pd.DataFrame) -> pd.DataFrame:
    v = checks.assign(n=1).pivot_table(index="doc_id", columns="verdict", values="n", aggfunc="sum", fill_value=0)
    return v.reindex(columns=["consistent", "contradicts", "unverifiable"], fill_value=0)


def checks_table(checks: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Per outlet (rows in the order of ``documents``' outlets): its articles, its dated statements about events
    the references could be asked about, and how many the references confirm, contradict or cannot check.

    >>> docs = pd.DataFrame({"outlet": ["A", "B"], "media_system": ["state", "independent"]}, index=["d1", "d2"])
    >>> ck = pd.DataFrame({"doc_id": ["d1", "d1", "d2"], "verdict": ["consistent", "contradicts", "unverifiable"]})
    >>> checks_table(ck, docs)[["outlet", "confirmed", "contradicted", "cannot check"]].values.tolist()
    [['A', 1, 1, 0], ['B', 0, 0, 1]]
    """
    counts = _verdict_counts(checks).reindex(documents.index, fill_value=0) if len(checks) else pd.DataFrame(
        0, index=documents.index, columns=["consistent", "contradicts", "unverifiable"])
    per = counts.join(documents[["outlet", "media_system"]]).assign(articles=1)
    out = per.groupby(["outlet", "media_system"], sort=False)[
        ["articles", "consistent", "contradicts", "unverifiable"]].sum().reset_index()
    out["dated statements checked"] = out[["consistent", "contradicts", "unverifiable"]].sum(axis=1)
    out = out.rename(columns={"consistent": "confirmed", "contradicts": "contradicted", "unverifiable": "cannot check"})
    return out[TABLE_COLUMNS]


def contradiction_table(checks: pd.DataFrame, sentences: pd.DataFrame, article: pd.Series) -> pd.DataFrame:
    """Every statement the references contradict: article (``article``: doc_id -> label), the full sentence,
    the date as stated, the reference's dates and the reference's source."""
    c = checks[checks["verdict"] == "contradicts"]
    s = sentences.set_index(["doc_id", "sent_id"])["text"]
    return pd.DataFrame({
        "article": [article.get(d, d) for d in c["doc_id"]],
        "sentence": [s.get((d, i), "") for d, i in zip(c["doc_id"], c["sent_id"])],
        "stated": c["text"].tolist(),
        "stated value": c["stated_value"].tolist(),
        "reference value": c["reference_value"].tolist(),
        "source": c["source"].tolist(),
    })


def _iv(value: str):
    return parse_interval(*value.split("/", 1), strict=False) if value else None


def borne_out(checks: pd.DataFrame, row, documents: pd.DataFrame) -> list[str]:
    """The outlets whose statements of the same reference trip agree with the reference at least as precisely
    as ``row`` (a contradicted check row) states it: the articles the reference shows to be right."""
    stated = _iv(row.stated_value)
    same = checks[(checks["trip_id"] == row.trip_id) & (checks["verdict"] == "consistent")
                  & (checks["doc_id"] != row.doc_id)]
    keep = [d for d, v in zip(same["doc_id"], same["stated_value"])
            if stated is not None and (iv := _iv(v)) is not None
            and PRECISION_RANK[iv.precision] >= PRECISION_RANK[stated.precision]]
    return sorted({documents.at[d, "outlet"] for d in keep})


def _contradiction_lines(checks: pd.DataFrame, sentences: pd.DataFrame, documents: pd.DataFrame,
                         article: pd.Series) -> list[str]:
    s = sentences.set_index(["doc_id", "sent_id"])["text"]
    lines = []
    for r in checks[checks["verdict"] == "contradicts"].itertuples():
        right = borne_out(checks, r, documents)
        lines.append(
            f"- > “{md_quote(s.get((r.doc_id, r.sent_id), ''))}”\n  — {md_quote(article.get(r.doc_id, r.doc_id))}: "
            f"“{md_quote(r.text)}” ({r.stated_value}) contradicts the reference, which gives **{r.reference_value}** "
            f"(source: {md_quote(r.source)})."
            + (f" The reference bears out {md_quote(', '.join(right))} on this." if right else ""))
    return lines


def checks_note(checks: pd.DataFrame, sentences: pd.DataFrame, documents: pd.DataFrame, article: pd.Series) -> str:
    """The checks in words: how many statements the references confirm, contradict and cannot check (and why
    they cannot), then each contradiction quoted in full with its source and the article the reference bears out."""
    if checks.empty:
        return ("No article dates an event of the reference chronology "
                "(`helpers/data/reference_chronology.csv`), so nothing can be checked against it.")
    n = checks["verdict"].value_counts()
    ok, bad, open_ = (int(n.get(v, 0)) for v in ("consistent", "contradicts", "unverifiable"))
    unknown = int(((checks["verdict"] == "unverifiable") & (checks["event_id"] == "")).sum())
    text = (f"Of {plural(len(checks), 'dated statement')} about events the references could be asked about, the "
            f"references confirm **{ok}**, contradict **{bad}** and cannot check **{open_}**"
            + (f" ({unknown} {agree(unknown, 'names', 'name')} an event the chronology does not record, "
               f"{open_ - unknown} {agree(open_ - unknown, 'gives', 'give')} a date more precise than the references "
               "agree on)" if open_ else "") + ".")
    lines = _contradiction_lines(checks, sentences, documents, article)
    if lines:
        text += (f"\n\n{agree(bad, 'The contradiction', 'The contradictions')}, each quoted in full with the reference "
                 "that settles it:\n\n" + "\n".join(lines))
    return text


def checks_finding(checks: pd.DataFrame, documents: pd.DataFrame) -> str:
    """One findings bullet: how many statements the references confirm and contradict, and which outlets they
    contradict, with the outlets they bear out."""
    if checks.empty:
        return "- No dated statement concerns an event of the reference chronology."
    bad = checks[checks["verdict"] == "contradicts"]
    ok = int((checks["verdict"] == "consistent").sum())
    if bad.empty:
        return (f"- The cited references confirm {plural(ok, 'dated statement')} and contradict none "
                f"({plural(int((checks['verdict'] == 'unverifiable').sum()), 'other')} cannot be checked).")
    parts = []
    for r in bad.itertuples():
        right = borne_out(checks, r, documents)
        parts.append(f"{md_quote(documents.at[r.doc_id, 'outlet'])}'s “{md_quote(r.text)}” (the reference: "
                     f"{r.reference_value}" + (f"; {md_quote(', '.join(right))} right" if right else "") + ")")
    return (f"- The cited references confirm {plural(ok, 'dated statement')} and contradict {len(bad)}: "
            + "; ".join(parts) + ". By the cited references these are errors of the articles: no phase of the same "
            "trip bears them out.")


def visit_checks(checks: pd.DataFrame, visits: pd.DataFrame) -> pd.DataFrame:
    """The checks of dates in sentences that make a visit statement (``visits``: the visits layer).

    >>> ck = pd.DataFrame({"doc_id": ["a", "a"], "sent_id": [1, 2]})
    >>> visit_checks(ck, pd.DataFrame({"doc_id": ["a"], "sent_id": [2]}))["sent_id"].tolist()
    [2]
    """
    keys = set(zip(visits["doc_id"], visits["sent_id"]))
    return checks[[k in keys for k in zip(checks["doc_id"], checks["sent_id"])]]
