"""Tables and prose for the framing notebook (04): the groups, naming, leaders and voice, built on :mod:`helpers.analysis`.

Each function takes the tables the notebook already holds and returns one table or one Markdown paragraph;
nothing names a particular article, person or frame. Rows are *units*
(:func:`helpers.report.framing_units.row_units`): one per article while that stays readable, one per
outlet beyond it, so the same code reads five articles or several hundred.

- :func:`groups_table`, :func:`groups_note`: the articles (or outlets) and their two groups;
- :func:`country_naming_table`, :func:`official_share`, :func:`naming_note`: how each row names a country;
- :func:`paramount_leaders`, :func:`leader_table`, :func:`leader_note`: how each row names its leaders;
- :func:`speech_counts`, :func:`voice_note`, :func:`labelled_sources`: direct and reported speech per row;

Frames are in :mod:`helpers.report.framing_frames`, words and keyness in :mod:`helpers.report.framing_words`,
the findings in :mod:`helpers.report.framing_findings`, the robustness analysis (section 7) in
:mod:`helpers.report.framing_robustness`.
"""
from __future__ import annotations

import pandas as pd

from helpers.analysis.naming import load_naming
from helpers.report.framing_units import (MAX_LISTED, by_article, comparison_gap, outlet_labels, outlets_per_group,
                                          unit_list, unit_published)
from helpers.report.overview import format_published
from helpers.report.text import fmt_pct, md_quote, plural

TOP_VOICES = 8
"""Voices shown per outlet when the tables show outlets, not articles."""


def groups_table(documents: pd.DataFrame, outlets: pd.DataFrame, units: pd.Series) -> pd.DataFrame | None:
    """Per row: outlet (articles only), media system, publication date at its precision (with its basis; for an
    outlet the range of its articles' dates), body words (summed for an outlet, with its number of articles),
    and from the registry whether the outlet is ambiguous and its alternative media system."""
    if documents.empty:
        return None
    registry = outlets.set_index("outlet")
    table = documents[["outlet", "media_system", "published", "n_words"]].assign(
        ambiguous=documents["outlet"].map(registry["ambiguous"]),
        alternative=documents["outlet"].map(registry["alternative_media_system"]).fillna(""),
        published=[f"{format_published(p, q)} ({b})" for p, q, b in
                   zip(documents["published"], documents["published_precision"], documents["published_basis"])])
    if by_article(units):
        table.index = units.reindex(documents.index).to_numpy()
        table.index.name = "article"
        return table
    row = units.reindex(documents.index)
    out = table.groupby(row, sort=False).agg(media_system=("media_system", "first"), articles=("outlet", "size"),
                                             n_words=("n_words", "sum"), ambiguous=("ambiguous", "first"),
                                             alternative=("alternative", "first"))
    out.insert(2, "published", unit_published(documents, units).reindex(out.index))
    out.index.name = "outlet"
    return out


def groups_note(documents: pd.DataFrame, outlets: pd.DataFrame, groups: pd.Series) -> str:
    """Group sizes in articles and outlets, and the ambiguous outlets that have articles here, in words."""
    size = outlets_per_group(documents, groups)
    parts = [f"{plural(size.at[g, 'articles'], 'article')} from {plural(size.at[g, 'outlets'], 'outlet')} in the {g} "
             "group" for g in ("state", "independent") if g in size.index]
    reg = outlets.set_index("outlet")
    amb = reg[reg["ambiguous"].astype(str).str.lower().isin(["true", "1", "yes"])]
    amb = amb[amb.index.isin(set(documents["outlet"]))]
    if not parts:
        return "No article is left to put in a group."
    text = "The registry puts " + " and ".join(parts) + ". "
    if comparison_gap(groups):  # section 7 is skipped: say only which outlets are arguable
        return text + (f"{plural(len(amb), 'outlet')} {'is' if len(amb) == 1 else 'are'} marked ambiguous: "
                       + "; ".join(f"**{md_quote(o)}** (registry: {r.media_system}, alternative: "
                                   f"{r.alternative_media_system})" for o, r in amb.iterrows()) + "."
                       if len(amb) else "No outlet of this corpus is marked ambiguous.")
    if amb.empty:
        return text + "No outlet of this corpus is marked ambiguous, so section 7 has the registry coding only."
    return (text + f"{plural(len(amb), 'outlet')} {'is' if len(amb) == 1 else 'are'} marked ambiguous: "
            + "; ".join(f"**{md_quote(o)}** (registry: {r.media_system}, alternative: {r.alternative_media_system})"
                        for o, r in amb.iterrows())
            + f". Section 7 reruns the comparisons with {'it' if len(amb) == 1 else 'each of them'} moved or left out.")


def country_naming_table(names: pd.DataFrame, documents: pd.DataFrame, units: pd.Series,
                         country: str = "PRK") -> pd.DataFrame:
    """Per row (article or outlet), oldest first: how many times it uses each name form of ``country``
    (columns: the row; for an outlet its ``published`` range and ``articles``; then one per form used)."""
    c = names[names["country"] == country]
    forms = c.groupby([c["doc_id"].map(units), "form"]).size().unstack(fill_value=0)
    order = pd.unique(units.reindex(documents.sort_values("published", kind="stable").index))
    forms = forms.reindex(order, fill_value=0)
    forms.columns.name = None
    if not by_article(units):  # an article's label has its date; an outlet's row gets its range and size
        forms.insert(0, "published", unit_published(documents, units).reindex(order))
        forms.insert(1, "articles", units.value_counts().reindex(order))
    forms.index.name = "article" if by_article(units) else "outlet"
    return forms.reset_index()


def _official_forms(rules: pd.DataFrame | None) -> set[str]:
    rules = load_naming() if rules is None else rules
    return set(rules.loc[(rules["kind"] == "country_form") & (rules["official"] == "true"), "label"])


def official_share(names: pd.DataFrame, doc_ids: pd.Index, country: str = "PRK",
                   rules: pd.DataFrame | None = None) -> pd.Series:
    """Per article: the share of its names for ``country`` that are official forms (``official`` true
    in ``naming.csv``); NaN for an article that does not name the country (no share, not a share of 0)."""
    c = names[names["country"] == country]
    return (c.assign(off=c["form"].isin(_official_forms(rules))).groupby("doc_id")["off"].mean().astype(float)
            .reindex(doc_ids))


def _group_shares(share: pd.Series, documents: pd.DataFrame) -> str:
    """'state group 40% (3 articles), independent group 50% (2)': the mean of each group's articles that have a
    share (NaN skipped)."""
    g = share.groupby(documents["media_system"].reindex(share.index))
    mean, count = g.mean(), g.count()
    order = [x for x in ("state", "independent") if x in mean.index] + [x for x in mean.index
                                                                       if x not in ("state", "independent")]
    return ", ".join(f"{x} group {fmt_pct(mean[x]) if count[x] else '–'} ({plural(count[x], 'article')})"
                     for x in order)


def naming_note(names: pd.DataFrame, documents: pd.DataFrame, units: pd.Series, country: str = "PRK",
                rules: pd.DataFrame | None = None) -> str:
    """The share of names for ``country`` that are official, per group (the mean over the articles that name
    it) and per row when there are few rows; the articles that mix official and other forms; and what a
    single article per outlet cannot tell."""
    c = names[names["country"] == country]
    if documents.empty:
        return "No article has English body text, so no name is counted."
    if c.empty:
        return "No article here names North Korea, so there is no naming to compare."
    c = c.assign(off=c["form"].isin(_official_forms(rules)))
    per_doc = c.groupby("doc_id")["off"].mean().astype(float).reindex(documents.index)
    text = ("Share of the names for North Korea that are the official name or acronym, mean over the articles "
            f"that name it: {_group_shares(per_doc, documents)}")
    rows = c.groupby(c["doc_id"].map(units))["off"].mean().reindex(pd.unique(units.reindex(documents.index)))
    if len(rows) <= MAX_LISTED:
        text += ("; by row" + ("" if by_article(units) else " (an outlet's articles pooled)") + ": "
                 + "; ".join(f"{md_quote(u)} {fmt_pct(v) if pd.notna(v) else 'never names it'}"
                             for u, v in rows.items()))
    mixed = per_doc.index[(per_doc > 0) & (per_doc < 1)]
    per_outlet = documents["outlet"].value_counts()
    single = int((per_outlet == 1).sum())
    return (text + f". Articles mixing official and other forms: {unit_list(mixed, units, outlet_labels(documents))}"
            + (". Each outlet has a single article here, so a form cannot be told apart from that article's date or "
               "occasion." if single == len(per_outlet) else
               f". {single} of the {plural(len(per_outlet), 'outlet')} have a single article here; for those, a form "
               "cannot be told apart from that article's date or occasion." if single else
               ". Every outlet has several articles here, so a form can be compared within an outlet over time."))


def paramount_leaders(country: str = "PRK", gazetteer: pd.DataFrame | None = None,
                      offices: pd.DataFrame | None = None) -> list[str]:
    """Entity ids of the people of ``country`` who held a paramount office at any time
    (``offices.csv`` paramount flag, nationality from the gazetteer), in gazetteer order."""
    from helpers.annotate.gazetteer import load_gazetteer, load_offices

    gazetteer = load_gazetteer() if gazetteer is None else gazetteer
    offices = load_offices(gazetteer=gazetteer) if offices is None else offices
    paramount = set(offices.loc[offices["paramount"], "entity_id"])
    people = gazetteer[(gazetteer["type"] == "person") & (gazetteer["country"] == country)]
    return [e for e in people["entity_id"] if e in paramount]


def _joined(values: pd.Series) -> str:
    return ", ".join(sorted({h for x in values for h in x.split("|") if h})) or "—"


def leader_table(leaders: pd.DataFrame, documents: pd.DataFrame, units: pd.Series) -> pd.DataFrame | None:
    """Per row (article; or outlet with its date range), oldest first, and person of
    :func:`~helpers.analysis.naming.leader_naming` rows: ``mentions``, the ``spellings`` used, and the
    ``honorifics`` and ``titles`` found ('—' when none); ``None`` when no article names one."""
    if leaders.empty:
        return None
    row = leaders["doc_id"].map(units)
    first = documents["published"].groupby(units.reindex(documents.index)).min()
    keys = ["article", "entity_id"] if by_article(units) else ["published", "outlet", "entity_id"]
    rows = leaders.assign(**{keys[-2]: row, "published": row.map(unit_published(documents, units)),
                             "_first": row.map(first)}).sort_values(["_first", keys[-2], "entity_id"], kind="stable")
    return (rows.groupby(keys, sort=False)
            .agg(mentions=("surface", "size"), spellings=("spelling", lambda s: ", ".join(sorted(set(s)))),
                 honorifics=("honorific", _joined), titles=("title", _joined)))


def leader_note(leaders: pd.DataFrame, documents: pd.DataFrame, units: pd.Series) -> str:
    """Which articles give the leaders honorifics, and which spell them with a lower-case hyphen."""
    if leaders.empty:
        return "No article names a paramount leader of North Korea, so there is no spelling or honorific to compare."
    hon = leaders.loc[leaders["honorific"] != "", "doc_id"].unique()
    hyphen = leaders.loc[leaders["spelling"] == "hyphenated", "doc_id"].unique()
    outlets = outlet_labels(documents)
    return (f"Honorifics appear {_in_articles(hon, units, outlets)}; the spelling with a lower-case hyphen appears "
            f"{_in_articles(hyphen, units, outlets)}.")


def _in_articles(doc_ids, units: pd.Series, outlets: pd.Series) -> str:
    """'in no article', or 'in 3 articles: A, B, C' (:func:`~helpers.report.framing_units.unit_list`)."""
    if not len(doc_ids):
        return "in no article"
    return f"in {plural(len(doc_ids), 'article')}: {unit_list(doc_ids, units, outlets)}"


def speech_counts(attr: pd.DataFrame, units: pd.Series) -> pd.DataFrame:
    """Per row (every one of ``units``, article or outlet): attributed sentences by ``speech`` (direct, reported)."""
    speech = attr.assign(row=attr["doc_id"].map(units)).groupby("row")["speech"].value_counts().unstack(fill_value=0)
    speech = speech.reindex(pd.unique(units), fill_value=0)
    for kind in ("direct", "reported"):
        if kind not in speech:
            speech[kind] = 0
    return speech[["direct", "reported"]]


def voice_note(attr: pd.DataFrame, documents: pd.DataFrame, units: pd.Series,
               agency_word: str = "News Agency") -> str:
    """Direct / reported sentences per group (and per row when there are few rows), and the articles that name
    a news agency as a source."""
    group = attr["doc_id"].map(documents["media_system"])
    per_group = attr.groupby(group)["speech"].value_counts().unstack(fill_value=0)
    parts = []
    for g in [x for x in ("state", "independent") if x in per_group.index]:
        d, r = int(per_group.loc[g].get("direct", 0)), int(per_group.loc[g].get("reported", 0))
        parts.append(f"{g} group {d} / {r}" + (f" ({fmt_pct(d / (d + r))} direct)" if d + r else ""))
    text = "Attributed sentences (direct / reported): " + (", ".join(parts) or "none")
    speech = speech_counts(attr, units.reindex(documents.index))
    if 0 < len(speech) <= MAX_LISTED:
        text += "; by row: " + "; ".join(f"{md_quote(u)} {r.direct} / {r.reported}"
                                         for u, r in zip(speech.index, speech.itertuples()))
    agencies = attr.loc[attr["sources"].str.contains(agency_word), "doc_id"].unique()
    return (text + f". A news agency is named as a source {_in_articles(agencies, units, outlet_labels(documents))}."
            + ("" if by_article(units) else f" The table shows each outlet's {TOP_VOICES} most cited voices."))


def labelled_sources(attr: pd.DataFrame, units: pd.Series, top: int | None = None) -> pd.DataFrame:
    """:func:`~helpers.analysis.voice.source_table` per row (article, or outlet with its articles' counts summed),
    keeping each row's ``top`` voices by sentences (default: every voice of an article; an outlet's
    :data:`TOP_VOICES`)."""
    from helpers.analysis.voice import source_table

    top = top if top is not None else (None if by_article(units) else TOP_VOICES)
    sources = source_table(attr)
    name = "article" if by_article(units) else "outlet"
    sources[name] = sources["doc_id"].map(units)
    out = (sources.groupby([name, "voice", "kind"], sort=False)[["sentences", "direct", "reported"]].sum()
           .reset_index())
    if top is not None:
        out = out.sort_values(["sentences", "voice"], ascending=[False, True], kind="stable")
        out = out.groupby(name, sort=False).head(top)
    order = {u: i for i, u in enumerate(pd.unique(units))}
    out = out.sort_values([name, "voice", "kind"], key=lambda s: s.map(order) if s.name == name else s, kind="stable")
    return out.reset_index(drop=True)
