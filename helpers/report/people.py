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
from helpers.report.leadership import anachronisms, coverage_facts, disagreeing_exchanges, shared_exchanges
from helpers.report.leadership_gap import inside_heads
from helpers.report.text import agree, fmt_num, fmt_pct, md_quote, plural, the_articles

MAX_PEOPLE = 25
"""The most people the co-mention figure draws; beyond it, those in the most sentences."""


# ---------------------------------------------------------------------------
# Who each article names (section 5)
# ---------------------------------------------------------------------------
def article_naming_summary(named: pd.DataFrame, documents: pd.DataFrame, article: pd.Series) -> pd.DataFrame | None:
    """:func:`~helpers.report.exchanges.naming_summary` per outlet, a row labelled by its article when the outlet
    has one article here and by 'outlet (n articles)' when it has several (their names pooled); ``None`` when
    no article names a person."""
    if named.empty:
        return None
    summary = naming_summary(named)
    counts = documents["outlet"].value_counts()
    summary.index = [article[documents.index[documents["outlet"] == o][0]] if counts[o] == 1 else
                     f"{o} ({counts[o]} articles)" for o in summary.index]
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


def naming_note(named: pd.DataFrame, article: pd.Series, names: dict[str, str], max_listed: int = 12) -> str:
    """Founders and leaders of the day in words, the founders' share of mentions, and the article naming the
    most people (``article``: doc_id -> label; ``names``: entity_id -> canonical name)."""
    if named.empty:
        return "No article names a person the gazetteer knows, so there is nobody to sort into founders and leaders."
    f = naming_facts(named)
    people = named.groupby("doc_id").size()
    widest = people.idxmax()
    n_other = int(((named["role"] == "other") & (named["doc_id"] == widest)).sum())
    viet = f["viet_now"].drop_duplicates(["doc_id", "entity_id"])
    n_viet, n_kor = viet["doc_id"].nunique(), f["kor_now"]["doc_id"].nunique()
    pairs = [f"{md_quote(article[d])} ({md_quote(names.get(e, e))})" for d, e in zip(viet["doc_id"], viet["entity_id"])]
    listed = ", ".join(pairs[:max_listed]) + (f" and {len(pairs) - max_listed} more" if len(pairs) > max_listed else "")
    both = int(f["both_founders"].sum())
    share = f["share_founder"]
    text = (f"{_capital(_of(both, len(article), 'name'))} both founders, and {_count(n_kor, 'name')} North Korea's leader of the "
            "day. " + (f"{'Only ' if n_viet < n_kor else ''}{_count(n_viet, 'name')} Vietnam's leader of the day: "
                       f"{listed}." if n_viet else "No article names Vietnam's leader of the day."))
    if len(share) == 1:
        return text + (f" The founders take {fmt_pct(share.iloc[0])} of the person mentions of "
                       f"{md_quote(article[share.index[0]])}, which names {plural(people[widest], 'person', 'people')}, "
                       f"{n_other} of them neither founders nor leaders of the day.")
    return (text + f" The founders take between {fmt_pct(share.min())} and {fmt_pct(share.max())} of each article's "
            f"person mentions (most: {md_quote(article[share.idxmax()])}). The article naming the most people is "
            f"{md_quote(article[widest])}: {plural(people[widest], 'person', 'people')}, {n_other} of them neither "
            "founders nor leaders of the day.")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _count(n: int, verb: str) -> str:
    """'1 article names', '3 articles name', 'no article names'."""
    return f"no article {verb}s" if n == 0 else f"{plural(n, 'article')} {verb}{agree(n, 's', '')}"


def _of(k: int, n: int, verb: str) -> str:
    """'2 of 5 articles name', '1 of 5 articles name', 'the article names' / 'the article does not name'."""
    if n == 1:
        return f"the article {verb}s" if k else f"the article does not {verb}"
    return f"{k} of {plural(n, 'article')} {verb}"


# ---------------------------------------------------------------------------
# Titles against office years (section 5)
# ---------------------------------------------------------------------------
def titled_reports(reports: pd.DataFrame) -> pd.DataFrame | None:
    """The reports that give the visitor an office title, with the check of each against the office years
    (``None`` when none does)."""
    titled = reports[reports["title_check"] != ""]
    if titled.empty:
        return None
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
    if titled.empty:
        return "No visit statement gives its visitor an office title, so there is no title to check."
    if wrong.empty:
        return (f"Of {plural(len(checked), 'checked title')}, none names an office the visitor did not hold at the time"
                + (f" ({plural(len(titled) - len(checked), 'title')} of visitors with no offices on record "
                   "cannot be checked)." if len(titled) > len(checked) else "."))
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


def plot_co_mention_figure(co: dict, names: dict[str, str], max_people: int = MAX_PEOPLE):
    """The co-mention heatmap of :func:`ordered_co_mentions`, with colour bar, axis labels and a title
    naming the pair that shares the most sentences; beyond ``max_people`` linked people, those in the most
    sentences (the title says how many of how many). Returns ``(fig, ax)``, or the sentence saying why there
    is no figure."""
    matrix = co["matrix"]
    if matrix.empty:
        return "No two people share a sentence, so there is no co-mention to draw."
    shown = _top_people(matrix, max_people)
    fig, ax, im = plot_co_mentions(matrix.loc[shown, shown], names)
    best = co["pairs"].idxmax()
    fig.colorbar(im, ax=ax, label="sentences mentioning both (count)", shrink=0.7)
    ax.set_xlabel("person (Vietnamese, then North Korean, then others)")
    ax.set_ylabel("person")
    ax.set_title(f"{names.get(best[0], best[0])} and {names.get(best[1], best[1])} share the most sentences "
                 f"({int(co['pairs'].max())})" + (f"\n(the {len(shown)} of {len(matrix)} people in the most sentences)"
                                                  if len(shown) < len(matrix) else ""))
    return fig, ax


def _top_people(matrix: pd.DataFrame, max_people: int) -> list[str]:
    """The ``max_people`` people of a co-mention matrix in the most sentences (its diagonal; ties: the matrix's
    order), in the matrix's order."""
    if len(matrix) <= max_people:
        return list(matrix.index)
    import numpy as np

    counts = pd.Series(np.diag(matrix.to_numpy()), index=matrix.index)
    keep = set(counts.sort_values(ascending=False, kind="stable").head(max_people).index)
    return [e for e in matrix.index if e in keep]


def co_mention_note(co: dict, names: dict[str, str], home: tuple[str, str] = ("VNM", "PRK"), top: int = 3) -> str:
    """Pairs sharing a sentence, those joining the two ``home`` countries (the ``top`` first), and who is alone."""
    pairs, nat = co["pairs"], co["nationality"]
    table = pairs[pairs.index.get_level_values(0) < pairs.index.get_level_values(1)].sort_values(ascending=False)
    cross = [(a, b, n) for (a, b), n in table.items() if n > 0 and {nat.get(a), nat.get(b)} == set(home)]
    n_pairs, alone = int((table > 0).sum()), co["alone"]
    if not co["order"]:
        return "No article names a person the gazetteer knows, so nobody is mentioned with anybody."
    text = f"{plural(n_pairs, 'pair')} of people share at least one sentence"
    text += ("; " + f"{plural(len(cross), 'pair')} join a Vietnamese and a North Korean figure, led by "
             + ", ".join(f"{names.get(a, a)} and {names.get(b, b)} ({int(n)})" for a, b, n in cross[:top]) if cross else
             "; none joins a Vietnamese and a North Korean figure" if n_pairs else "")
    shown = ", ".join(names.get(e, e) for e in alone[:30]) + (f" and {len(alone) - 30} more" if len(alone) > 30 else "")
    return text + (f". {plural(len(alone), 'person', 'people')} share{agree(len(alone), 's', '')} no sentence with "
                   f"anyone: {shown}." if alone else ". Everyone named shares a sentence with someone.")


# ---------------------------------------------------------------------------
# Extraction quality and unknown names (sections 7-8)
# ---------------------------------------------------------------------------
def entity_names(mentions: pd.DataFrame, gazetteer: pd.DataFrame) -> dict[str, str]:
    """Entity id -> the name to print: the gazetteer's canonical name, or for a person found by the shape of
    their name or their title (a provisional ``new:`` id) the way the text first writes them.

    >>> gaz = pd.DataFrame({"entity_id": ["kim_il_sung"], "canonical": ["Kim Il Sung"]})
    >>> m = pd.DataFrame({"entity_id": ["new:ri_sun_ok", "new:ri_sun_ok"], "surface": ["Ri Sun Ok", "Ro"]})
    >>> entity_names(m, gaz)
    {'kim_il_sung': 'Kim Il Sung', 'new:ri_sun_ok': 'Ri Sun Ok'}
    """
    names = dict(zip(gazetteer["entity_id"], gazetteer["canonical"]))
    for eid, surface in zip(mentions["entity_id"], mentions["surface"]):
        names.setdefault(eid, surface)
    return names


def visit_scores_text(visits: pd.DataFrame, codebook: pd.DataFrame, precision: float, recall: float,
                      n_coded: int | None = None, uncoded_found: int = 0) -> str:
    """Plain lines: statements extracted in the coded articles and coded, precision and recall, and what is
    left unscored."""
    if n_coded == 0:
        return ("nothing scored: no article of this corpus is covered by the codebook"
                + (f"\nnot scored: {plural(uncoded_found, 'statement')} in uncoded articles" if uncoded_found else ""))
    lines = [f"statements extracted: {len(visits)}, in the codebook: {len(codebook)}",
             f"precision: {fmt_num(precision)}  recall: {fmt_num(recall)}"]
    if n_coded is not None:
        lines[0] += f" (in {the_articles(n_coded, 'coded article')})"
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
        ("The error table is empty: " + (f"all {len(codebook)} coded statements are found" if len(codebook) != 1 else
                                         "the one coded statement is found") + ", and nothing else is. "
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
        return (f"On the corpus the list is empty: every person-like name in {the_articles(n_documents)} is in the "
                "gazetteer (it was built from the seed articles). `tests/test_report_people.py` shows, on a made-up "
                "text, what a user adding articles would see.")
    return f"{plural(len(unknown), 'name')} in the corpus are not in the gazetteer; add them to `gazetteer.csv`."


# ---------------------------------------------------------------------------
# Findings
# ---------------------------------------------------------------------------
def _listed(items: list[str], max_listed: int = 10) -> str:
    return ", ".join(items[:max_listed]) + (f" and {len(items) - max_listed} more" if len(items) > max_listed else "")


def _exchange_bullets(visits: pd.DataFrame, exchanges: pd.DataFrame, reports: pd.DataFrame) -> list[str]:
    """The exchanges and disagreements bullets."""
    if visits.empty:
        return ["- **Exchanges.** No article makes a visit statement, so there is no visit to compare."]
    multi, disagreeing = shared_exchanges(exchanges), disagreeing_exchanges(exchanges)
    told = (f"{plural(len(multi), 'visit')} {agree(len(multi), 'is', 'are')} told by several articles: "
            + _listed([f"{md_quote(r.visitor)} {r.date_start[:4]} ({r.n_articles})" for r in multi.itertuples()])
            if len(multi) else "none is told by more than one article")
    wrong = len(anachronisms(reports))
    return [
        f"- **Exchanges.** {plural(len(visits), 'visit statement')} merge into "
        f"{plural(len(exchanges), 'distinct visit')}; {told}.",
        f"- **Disagreements.** {plural(len(disagreeing), 'visit')} get{agree(len(disagreeing), 's', '')} incompatible "
        "dates, with each other or with the cited references"
        + (" (" + _listed([f"{md_quote(r.visitor)} {r.date_start[:4]}"
                           + (" (dated by the reference)" if getattr(r, "date_basis", "") == "reference" else "")
                           for r in disagreeing.itertuples()]) + ")" if len(disagreeing) else "")
        + f", and {plural(wrong, 'report')} give{agree(wrong, 's', '')} a title not held at the time of the visit.",
    ]


def _gap_bullet(exchanges: pd.DataFrame, gaps: pd.DataFrame) -> str:
    """The gap bullet: the longest gap between paramount-leader visits, or that there is none."""
    if gaps.empty:
        return "- **The gap.** No direction has two visits by a paramount leader, so there is no gap to measure."
    gap = gaps.iloc[0]
    others = gaps[gaps["direction"] != gap["direction"]]
    source, target = gap["direction"].split(" → ")
    inside = visits_between(exchanges, gap["before_end"], gap["after_start"])
    return (f"- **The gap.** No visit by {source}'s paramount leader to {target} for {gap['years']:.1f} years "
            f"({gap['before_end']} to {gap['after_start']}), "
            + (f"but the articles list {plural(len(inside), 'other visit')} inside it, "
               f"{len(inside_heads(inside))} at head-of-party-or-state level" if len(inside) else
               "and the articles list no other visit inside it")
            + (f"; the longest gap {others.iloc[0]['direction']} is {others.iloc[0]['years']:.1f} years."
               if len(others) else "; no other direction has two such visits."))


def _coverage_bullet(exchanges: pd.DataFrame, cov: pd.DataFrame) -> str:
    """What is left out: the visits a single article tells, and what the other articles report."""
    if cov.empty:
        return "- **What is left out.** No visit, so nothing to leave out."
    c = coverage_facts(cov)
    if len(cov.columns) == 1:
        return f"- **What is left out.** The one article tells all {plural(len(exchanges), 'visit')} here."
    others = [md_quote(x) for x in c["told_by_others"]]
    return (f"- **What is left out.** {plural(len(c['only_one']), 'visit')} of {len(exchanges)} "
            f"appear{agree(len(c['only_one']), 's', '')} in a single "
            f"article; the other {plural(len(cov.columns) - 1, 'article')} report "
            + (f"only {plural(len(others), 'visit')} between them: {_listed(others)}." if others else "none of them."))


def leadership_findings(visits: pd.DataFrame, exchanges: pd.DataFrame, reports: pd.DataFrame, gaps: pd.DataFrame,
                        named: pd.DataFrame, cov: pd.DataFrame, scores: tuple[float, float],
                        codebook: pd.DataFrame, n_coded: int | None = None) -> str:
    """The notebook's findings as Markdown bullets, every number computed from the tables given: visit
    statements and exchanges, ``reports`` (:func:`~helpers.report.leadership.article_reports`), ``gaps``
    (:func:`~helpers.report.exchanges.top_level_gaps`), ``named``
    (:func:`~helpers.report.exchanges.named_people`), ``cov``
    (:func:`~helpers.report.leadership.article_coverage`) and ``scores`` (precision, recall) against
    ``codebook`` on the ``n_coded`` articles it covers (default: those of the codebook's rows)."""
    n_docs = len(cov.columns)
    f = naming_facts(named)
    n_viet, n_kor = f["viet_now"]["doc_id"].nunique(), f["kor_now"]["doc_id"].nunique()
    remembered = (f"- **Who is remembered.** {_capital(_of(int(f['both_founders'].sum()), n_docs, 'name'))} both "
                  f"founders; {'only ' if 0 < n_viet < n_kor else ''}{_count(n_viet, 'name')} Vietnam's leader at the "
                  f"time of writing, while {_count(n_kor, 'name')} North Korea's." if len(named) else
                  "- **Who is remembered.** No article names a person the gazetteer knows.")
    covered = len(codebook) if n_coded is None else n_coded
    quality = (f"- **Extraction quality.** Precision {fmt_num(scores[0])} and recall {fmt_num(scores[1])} against the "
               f"hand-made codebook ({plural(len(codebook), 'statement')}), in-sample, on the articles it covers."
               if covered else "- **Extraction quality.** No article here is covered by the hand-made codebook.")
    return "\n".join([*_exchange_bullets(visits, exchanges, reports), _gap_bullet(exchanges, gaps), remembered,
                      _coverage_bullet(exchanges, cov), quality])
