"""Tables, prose and a figure for the second half of the leadership notebook (03): whom each article names,
titles against office years, who is mentioned with whom, the extraction's scores, unknown names, and the
findings, all rendered from the tables of :mod:`helpers.report.exchanges` and :mod:`helpers.report.leadership`.

- :func:`article_naming_summary`, :func:`naming_facts`, :func:`naming_note`: who each article names;
- :func:`titled_reports`, :func:`titles_note`: every title given, checked against the office years;
- :func:`ordered_co_mentions`, :func:`plot_co_mention_figure`, :func:`co_mention_note`: people in one sentence;
- :func:`visit_scores_text`, :func:`visit_scores_note`: precision and recall against the codebook;
- :func:`unknown_names_in_text`, :func:`unknown_names_note`: names the gazetteer does not know;
- :func:`leadership_findings`: the notebook's findings.
"""
from __future__ import annotations

import pandas as pd

from helpers.annotate.gazetteer import load_offices
from helpers.annotate.mentions import co_mentions, extract_mentions, unknown_person_names
from helpers.corpus.sentences import split_sentences
from helpers.report.exchanges import naming_summary, plot_co_mentions, visits_between
from helpers.report.leadership import (anachronisms, coverage_facts, disagreeing_exchanges,
                                       inside_heads, shared_exchanges)
from helpers.report.text import fmt_pct, md_quote, plural


# ---------------------------------------------------------------------------
# Who each article names (section 5)
# ---------------------------------------------------------------------------
def article_naming_summary(named: pd.DataFrame, documents: pd.DataFrame, article: pd.Series) -> pd.DataFrame:
    """:func:`~helpers.report.exchanges.naming_summary` indexed by article label (an outlet's first article)."""
    summary = naming_summary(named)
    summary.index = [article[documents.index[documents["outlet"] == o][0]] for o in summary.index]
    return summary


def naming_facts(named: pd.DataFrame, home: tuple[str, str] = ("VNM", "PRK")) -> dict:
    """From :func:`~helpers.report.exchanges.named_people`: per article whether it names ``both_founders``,
    the rows naming Vietnam's (``viet_now``) and North Korea's (``kor_now``) leader at publication (``home``
    gives the two countries), and each article's ``share_founder`` of person mentions."""
    leaders = named[named["role"] == "leader at publication"]
    mentions = named.groupby("doc_id")["mentions"].sum()
    founders = named[named["role"] == "founder"]
    return dict(
        both_founders=founders.groupby("doc_id")["entity_id"].nunique().eq(2),
        viet_now=leaders[leaders["nationality"] == home[0]],
        kor_now=leaders[leaders["nationality"] == home[1]],
        share_founder=founders.groupby("doc_id")["mentions"].sum().reindex(mentions.index, fill_value=0) / mentions,
    )


def naming_note(named: pd.DataFrame, article: pd.Series, names: dict[str, str]) -> str:
    """Founders and leaders of the day in words, the founders' share of mentions, and the article naming the
    most people (``article``: doc_id -> label; ``names``: entity_id -> canonical name)."""
    f = naming_facts(named)
    people = named.groupby("doc_id").size()
    widest = people.idxmax()
    n_other = int(((named["role"] == "other") & (named["doc_id"] == widest)).sum())
    viet = f["viet_now"]
    return (
        f"{int(f['both_founders'].sum())} of {len(article)} articles name both founders, and "
        f"{plural(f['kor_now']['doc_id'].nunique(), 'article')} name North Korea's leader of the day. Only "
        f"{plural(viet['doc_id'].nunique(), 'article')} name Vietnam's leader of the day: "
        + (", ".join(f"{md_quote(article[d])} ({md_quote(names[e])})" for d, e in zip(viet["doc_id"], viet["entity_id"]))
           or "none")
        + ". The founders take between "
        f"{fmt_pct(f['share_founder'].min())} and {fmt_pct(f['share_founder'].max())} of each article's person "
        f"mentions (most: {md_quote(article[f['share_founder'].idxmax()])}). The article naming the most people is "
        f"{md_quote(article[widest])}: {people[widest]} people, {n_other} of them neither founders nor leaders of "
        "the day.")


# ---------------------------------------------------------------------------
# Titles against office years (section 5)
# ---------------------------------------------------------------------------
def titled_reports(reports: pd.DataFrame) -> pd.DataFrame:
    """The reports that give the visitor an office title, with the check of each against the office years."""
    titled = reports[reports["title_check"] != ""]
    return titled[["visitor", "dates", "article", "titles", "title_check"]].reset_index(drop=True)


def _offices_named(entity_id: str, check: str, offices: pd.DataFrame) -> list[str]:
    """The offices of ``entity_id`` whose names contain a title word a check says was not held, with years."""
    words = check.split(" not held in ")[0].split(", ")
    own = offices[offices["entity_id"] == entity_id]
    out = []
    for office, start, end in zip(own["office"], own["start_year"], own["end_year"]):
        if any(w in office for w in words):
            out.append(f"{office} {start}–{end}" if pd.notna(end) else f"{office} from {start}")
    return out


def titles_note(reports: pd.DataFrame, exchanges: pd.DataFrame, offices: pd.DataFrame | None = None) -> str:
    """How many checked titles name an office not held at the time, which, and when the visitor did hold
    the offices those titles name (``offices``: :func:`~helpers.annotate.gazetteer.load_offices`)."""
    offices = load_offices() if offices is None else offices
    titled = reports[reports["title_check"] != ""]
    checked = titled[titled["title_check"] != "no offices on record"]
    wrong = anachronisms(reports)
    visitor_id = wrong["exchange_id"].map(exchanges.set_index("exchange_id")["visitor_id"])
    held = {}
    for eid, v, c in zip(visitor_id, wrong["visitor"], wrong["title_check"]):
        held.setdefault(v, [])
        held[v] += [o for o in _offices_named(eid, c, offices) if o not in held[v]]
    return (
        f"Of {plural(len(checked), 'checked title')}, {len(wrong)} name an office the visitor did not hold at the "
        "time: " + "; ".join(f"{md_quote(a)} on {md_quote(v)} ({md_quote(c)})"
                             for a, v, c in zip(wrong["article"], wrong["visitor"], wrong["title_check"]))
        + ". The offices those titles name, with the years their holder held them (`offices.csv`): "
        + "; ".join(f"{md_quote(v)}, {', '.join(md_quote(o) for o in os)}" for v, os in held.items())
        + ": the article projects the titles of its own time onto the visits.")


# ---------------------------------------------------------------------------
# Who is mentioned with whom (section 6)
# ---------------------------------------------------------------------------
def ordered_co_mentions(mentions: pd.DataFrame, named: pd.DataFrame, home: tuple[str, str] = ("VNM", "PRK")) -> dict:
    """People sharing sentences. ``order``: everyone, ``home`` nationalities first then the rest, each by
    sentences mentioning them (descending), then id; ``pairs``: sentences per ordered pair of two different
    people; ``matrix``: the co-mention matrix of the people sharing a sentence with someone (``linked``);
    ``alone``: the others; ``nationality``: entity_id -> alpha-3."""
    mat = co_mentions(mentions, ("person",))
    nationality = named.drop_duplicates("entity_id").set_index("entity_id")["nationality"]
    rank = {c: i for i, c in enumerate(home)}
    order = sorted(mat.index, key=lambda e: (rank.get(nationality.get(e), len(home)), -mat.at[e, e], e))
    mat = mat.loc[order, order]
    pairs = mat.stack()
    pairs = pairs[pairs.index.get_level_values(0) != pairs.index.get_level_values(1)]
    linked = [e for e in order if (pairs.loc[e] > 0).any()]
    return dict(order=order, pairs=pairs, matrix=mat.loc[linked, linked], linked=linked,
                alone=[e for e in order if e not in linked], nationality=nationality)


def plot_co_mention_figure(co: dict, names: dict[str, str]):
    """The co-mention heatmap of :func:`ordered_co_mentions`, with colour bar, axis labels and a title
    naming the pair that shares the most sentences. Returns ``(fig, ax)``."""
    fig, ax, im = plot_co_mentions(co["matrix"], names)
    best = co["pairs"].idxmax()
    fig.colorbar(im, ax=ax, label="sentences mentioning both (count)", shrink=0.7)
    ax.set_xlabel("person (Vietnamese, then North Korean, then others)")
    ax.set_ylabel("person")
    ax.set_title(f"{names[best[0]]} and {names[best[1]]} share the most sentences ({int(co['pairs'].max())})")
    return fig, ax


def co_mention_note(co: dict, names: dict[str, str], home: tuple[str, str] = ("VNM", "PRK"), top: int = 3) -> str:
    """Pairs sharing a sentence, those joining the two ``home`` countries (the ``top`` first), and who is alone."""
    pairs, nat = co["pairs"], co["nationality"]
    table = pairs[pairs.index.get_level_values(0) < pairs.index.get_level_values(1)].sort_values(ascending=False)
    cross = [(a, b, n) for (a, b), n in table.items() if n > 0 and {nat.get(a), nat.get(b)} == set(home)]
    return (
        f"{plural(int((table > 0).sum()), 'pair')} of people share at least one sentence; "
        f"{plural(len(cross), 'pair')} join a Vietnamese and a North Korean figure, led by "
        + ", ".join(f"{names[a]} and {names[b]} ({int(n)})" for a, b, n in cross[:top])
        + f". {plural(len(co['alone']), 'person', 'people')} share no sentence with anyone: "
        + ", ".join(names[e] for e in co["alone"]) + ".")


# ---------------------------------------------------------------------------
# Extraction quality and unknown names (sections 7-8)
# ---------------------------------------------------------------------------
def entity_names(mentions: pd.DataFrame, gazetteer: pd.DataFrame) -> dict[str, str]:
    """Entity id -> the name to print: the gazetteer's canonical name, or for a person found by the shape of
    their name or their title (a provisional ``new:`` id) the way the text first writes them.

    >>> gaz = pd.DataFrame({"entity_id": ["kim_il_sung"], "canonical": ["Kim Il Sung"]})
    >>> m = pd.DataFrame({"entity_id": ["new:ro_song_sil", "new:ro_song_sil"], "surface": ["Ro Song Sil", "Ro"]})
    >>> entity_names(m, gaz)
    {'kim_il_sung': 'Kim Il Sung', 'new:ro_song_sil': 'Ro Song Sil'}
    """
    names = dict(zip(gazetteer["entity_id"], gazetteer["canonical"]))
    for eid, surface in zip(mentions["entity_id"], mentions["surface"]):
        names.setdefault(eid, surface)
    return names


def visit_scores_text(visits: pd.DataFrame, codebook: pd.DataFrame, precision: float, recall: float,
                      n_coded: int | None = None, uncoded_found: int = 0) -> str:
    """Plain lines: statements extracted in the coded articles and coded, precision and recall, and what is
    left unscored."""
    lines = [f"statements extracted: {len(visits)}, in the codebook: {len(codebook)}",
             f"precision: {precision:.2f}  recall: {recall:.2f}"]
    if n_coded is not None:
        lines[0] += f" (in the {plural(n_coded, 'coded article')})"
    if uncoded_found:
        lines.append(f"not scored: {plural(uncoded_found, 'statement')} in uncoded articles")
    return "\n".join(lines)


def visit_scores_note(errors: pd.DataFrame, codebook: pd.DataFrame, n_coded: int | None = None,
                      n_uncoded: int = 0) -> str:
    """The error table in words, what is not scored, and why the figures are in-sample."""
    if n_coded == 0:
        return ("No article of this corpus is covered by the codebook (it codes the seed files, byte for byte), so "
                "nothing here is scored; section 7's development figures measure text the rules were not written for.")
    left = (f"The {plural(n_uncoded, 'other article')} of this corpus {'is' if n_uncoded == 1 else 'are'} not coded, "
            "so the visits found there count neither as right nor as wrong. " if n_uncoded else "")
    return (
        (f"The error table is empty: all {len(codebook)} coded statements are found, and nothing else is. "
         if errors.empty else
         f"{plural(len(errors), 'error')} ({(errors['error'] == 'extra').sum()} extra, "
         f"{(errors['error'] == 'missed').sum()} missed), listed above. ")
        + left
        + "This is an in-sample figure: the rules and the codebook were developed on the same articles, so "
        "it shows that the rules reproduce the hand coding, not how they would fare on new articles. The unit tests "
        "(`tests/test_visits.py`) add sentences written for the purpose, including trips home and nationality "
        "adjectives that must not count as visits.")


def unknown_names_in_text(text: str, doc_id: str = "text") -> pd.DataFrame:
    """Person-like names in a free text that the gazetteer does not know, with their cue: what a user adding
    an article would see (sentences split and mentions found as the loader does)."""
    spans = split_sentences(text)
    sentences = pd.DataFrame({"sent_id": range(len(spans)), "start": [a for a, _ in spans],
                              "end": [b for _, b in spans]})
    return unknown_person_names(text, sentences, extract_mentions(text, sentences), doc_id)


def unknown_names_note(unknown: pd.DataFrame, n_documents: int) -> str:
    """The corpus's unknown names in words."""
    if unknown.empty:
        return (f"On the corpus the list is empty: every person-like name in the {plural(n_documents, 'article')} is "
                "in the gazetteer (it was built from them). `tests/test_report_people.py` shows, on a made-up text, "
                "what a user adding articles would see.")
    return f"{plural(len(unknown), 'name')} in the corpus are not in the gazetteer; add them to `gazetteer.csv`."


# ---------------------------------------------------------------------------
# Findings
# ---------------------------------------------------------------------------
def leadership_findings(visits: pd.DataFrame, exchanges: pd.DataFrame, reports: pd.DataFrame, gaps: pd.DataFrame,
                        named: pd.DataFrame, cov: pd.DataFrame, scores: tuple[float, float],
                        codebook: pd.DataFrame) -> str:
    """The notebook's findings as Markdown bullets, every number computed from the tables given: visit
    statements and exchanges, ``reports`` (:func:`~helpers.report.leadership.article_reports`), ``gaps``
    (:func:`~helpers.report.exchanges.top_level_gaps`), ``named``
    (:func:`~helpers.report.exchanges.named_people`), ``cov``
    (:func:`~helpers.report.leadership.article_coverage`) and ``scores`` (precision, recall) against
    ``codebook``."""
    multi, disagreeing = shared_exchanges(exchanges), disagreeing_exchanges(exchanges)
    gap = gaps.iloc[0]
    other = gaps[gaps["direction"] != gap["direction"]].iloc[0]
    source, target = gap["direction"].split(" → ")
    inside = visits_between(exchanges, gap["before_end"], gap["after_start"])
    n_docs = len(cov.columns)
    f, c = naming_facts(named), coverage_facts(cov)
    return "\n".join([
        f"- **Exchanges.** {plural(len(visits), 'visit statement')} merge into "
        f"{plural(len(exchanges), 'distinct visit')}; {plural(len(multi), 'visit')} are told by several articles: "
        + ", ".join(f"{md_quote(r.visitor)} {r.date_start[:4]} ({r.n_articles})" for r in multi.itertuples()) + ".",
        f"- **Disagreements.** {plural(len(disagreeing), 'visit')} get incompatible dates ("
        + ", ".join(f"{md_quote(r.visitor)} {r.date_start[:4]}" for r in disagreeing.itertuples()) + "), and "
        f"{plural(len(anachronisms(reports)), 'report')} give a title not held at the time of the visit.",
        f"- **The gap.** No visit by {source}'s paramount leader to {target} for {gap['years']:.1f} years "
        f"({gap['before_end']} to {gap['after_start']}), but the articles list {plural(len(inside), 'other visit')} "
        f"inside it, {len(inside_heads(inside))} at head-of-party-or-state level; the longest gap "
        f"{other['direction']} is {other['years']:.1f} years.",
        f"- **Who is remembered.** {int(f['both_founders'].sum())} of {n_docs} articles name both founders; only "
        f"{plural(f['viet_now']['doc_id'].nunique(), 'article')} name Vietnam's leader at the time of writing, while "
        f"{plural(f['kor_now']['doc_id'].nunique(), 'article')} name North Korea's.",
        f"- **What is left out.** {plural(len(c['only_one']), 'visit')} of {len(exchanges)} appear in a single "
        f"article; the other {len(cov.columns) - 1} articles report only {plural(len(c['told_by_others']), 'visit')} "
        "between them: " + ", ".join(md_quote(x) for x in c["told_by_others"]) + ".",
        (f"- **Extraction quality.** Precision {scores[0]:.2f} and recall {scores[1]:.2f} against the hand-made "
         f"codebook ({plural(len(codebook), 'statement')}), in-sample, on the articles it covers."
         if len(codebook) else "- **Extraction quality.** No article here is covered by the hand-made codebook."),
    ])
