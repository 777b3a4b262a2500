"""Tables and prose for the framing notebook (04), built on :mod:`helpers.analysis`.

Each function takes the tables the notebook already holds (documents, matches,
densities, naming and attribution rows) and returns one table or one
Markdown paragraph; nothing names a particular article, person or frame.

- :func:`article_labels`, :func:`groups_table`, :func:`groups_note`: the articles and their two groups;
- :func:`frame_tables`, :func:`frame_permutations`, :func:`permutation_note`: frame density per
  article and group, and what an exact permutation test can say about it;
- :func:`quoted_matches`, :func:`quote_drop`, :func:`quote_note`: how much of a frame sits in quotations;
- :func:`country_naming_table`, :func:`official_share`, :func:`naming_note`: how each article names a country;
- :func:`paramount_leaders`, :func:`leader_table`, :func:`leader_note`: how each article names its leaders;
- :func:`speech_counts`, :func:`voice_note`, :func:`labelled_sources`: direct and reported speech per article;
- :func:`robustness_note`: the sensitivity analysis in words;
- :func:`content_terms`, :func:`top_terms_table`, :func:`prior_note`, :func:`keyness_table`,
  :func:`stability_note`: content words per article and the keyness of each group's words;
- :func:`precision_note`, :func:`wrong_matches`: how often the frame indicators are right in context;
- :func:`framing_findings_note`: the notebook's findings;
- :func:`plot_keyness`, :func:`plot_frame_heatmap`: the notebook's figures.
"""
from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from helpers.analysis.keyness import permutation_test
from helpers.analysis.naming import load_naming
from helpers.report.overview import format_published
from helpers.report.text import fmt_int, fmt_pct, md_quote, plural


def article_labels(documents: pd.DataFrame) -> pd.Series:
    """'Outlet (media system)' per doc_id."""
    return documents["outlet"] + " (" + documents["media_system"] + ")"


def groups_table(documents: pd.DataFrame, outlets: pd.DataFrame) -> pd.DataFrame:
    """Per article: outlet, media system, publication date at its precision (with its basis), body words,
    and from the registry whether the outlet is ambiguous and its alternative media system."""
    registry = outlets.set_index("outlet")
    return documents[["outlet", "media_system", "published", "n_words"]].assign(
        ambiguous=documents["outlet"].map(registry["ambiguous"]),
        alternative=documents["outlet"].map(registry["alternative_media_system"]).fillna(""),
        published=[f"{format_published(p, q)} ({b})" for p, q, b in
                   zip(documents["published"], documents["published_precision"], documents["published_basis"])])


def groups_note(table: pd.DataFrame) -> str:
    """Group sizes and the ambiguous outlets of :func:`groups_table`, in words."""
    amb = table[table["ambiguous"].astype(bool)]
    groups = table["media_system"]
    return (
        f"The registry puts {plural((groups == 'state').sum(), 'article')} in the state group and "
        f"{plural((groups == 'independent').sum(), 'article')} in the independent group. "
        f"{plural(len(amb), 'outlet')} are marked ambiguous: "
        + "; ".join(f"**{md_quote(o)}** (registry: {s}, alternative: {a})"
                    for o, s, a in zip(amb["outlet"], amb["media_system"], amb["alternative"]))
        + ". Section 7 reruns the comparisons with each of them moved or left out.")


def frame_tables(density: pd.DataFrame, groups: pd.Series, frames: Iterable[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(per article, per group): density per 1,000 words, rows doc_id (in ``groups`` order) and
    'mean of GROUP', columns the frames in codebook order."""
    from helpers.analysis.frames import group_density

    frames = list(frames)
    per_article = density.pivot(index="doc_id", columns="frame", values="per_1000").reindex(groups.index)[frames]
    gd = group_density(density, groups).pivot(index="group", columns="frame", values="mean_per_1000")[frames]
    gd.index = "mean of " + gd.index
    return per_article, gd


def frame_permutations(per_article: pd.DataFrame, groups: pd.Series, group_i: str = "state",
                       group_j: str = "independent") -> pd.DataFrame:
    """Exact permutation test of the group difference in each frame's density (one row per frame:
    ``diff, p, relabellings, min_p``). ``per_article`` rows are the articles of ``groups``, in order."""
    tests = {f: permutation_test(per_article[f].set_axis(groups.index), groups, group_i, group_j)
             for f in per_article.columns}
    return pd.DataFrame(tests).T[["diff", "p", "relabellings", "min_p"]]


def largest_gap(group_means: pd.DataFrame, group_i: str = "state", group_j: str = "independent") -> str:
    """The frame whose group means differ most (first in column order on a tie)."""
    diff = group_means.loc[f"mean of {group_i}"] - group_means.loc[f"mean of {group_j}"]
    return diff.abs().idxmax()


def permutation_note(group_means: pd.DataFrame, perm: pd.DataFrame) -> str:
    """The largest gap between group means and the floor on any p-value, in words."""
    top = largest_gap(group_means)
    return (
        f"The largest gap between group means is in **{top}** "
        f"({group_means.loc['mean of state', top]:.1f} vs {group_means.loc['mean of independent', top]:.1f} per 1,000 "
        "words), but the per-article rows show how one article can carry a group mean. An exact permutation test "
        "enumerates every way of relabelling the five articles with the same group sizes: there are only "
        f"**{int(perm['relabellings'].iloc[0])}** relabellings, so the smallest p-value any data could give is "
        f"**{perm['min_p'].iloc[0]:.2f}**. No frame difference can be significant at conventional levels.")


def quoted_matches(correct: pd.DataFrame, labels: pd.Series) -> pd.DataFrame:
    """Per article and frame with at least one match inside a spoken quotation: ``matches`` and ``in quotes``;
    ``doc_id`` shown as the article's label."""
    quoted = (correct.groupby(["doc_id", "frame"])["in_quote"].agg(["size", "sum"])
              .rename(columns={"size": "matches", "sum": "in quotes"}))
    quoted = quoted[quoted["in quotes"] > 0].reset_index()
    quoted["doc_id"] = quoted["doc_id"].map(labels)
    return quoted


def quote_drop(density: pd.DataFrame, own: pd.DataFrame, frame: str) -> dict:
    """The article whose ``frame`` density falls most when quoted words are set aside.

    ``density`` and ``own`` are :func:`~helpers.analysis.frames.frame_density` tables with and without
    quotations. Returns ``doc_id``, ``all`` and ``own`` (per 1,000 words) and ``quoted_share`` (1 - own/all).
    """
    all_f = density[density["frame"] == frame].set_index("doc_id")["per_1000"]
    own_f = own[own["frame"] == frame].set_index("doc_id")["per_1000"]
    d = (all_f - own_f).idxmax()
    return {"doc_id": d, "frame": frame, "all": all_f[d], "own": own_f[d],
            "quoted_share": 1 - own_f[d] / all_f[d] if all_f[d] else 0.0}


def quote_note(drop: dict, labels: pd.Series) -> str:
    """:func:`quote_drop` in words."""
    return (
        f"The largest drop is in the {md_quote(labels[drop['doc_id']])} article: {drop['frame']}-frame density falls "
        f"from {drop['all']:.1f} to {drop['own']:.1f} per 1,000 words when quoted words are set aside, so "
        f"{fmt_pct(drop['quoted_share'])} of its revolutionary vocabulary is in the words of those it quotes.")


def country_naming_table(names: pd.DataFrame, documents: pd.DataFrame, labels: pd.Series, published: pd.Series,
                         country: str = "PRK") -> pd.DataFrame:
    """Per article, oldest first: how many times it uses each name form of ``country``
    (columns ``published``, ``article``, then one per form used)."""
    forms = names[names["country"] == country].groupby(["doc_id", "form"]).size().unstack(fill_value=0)
    forms = forms.reindex(documents.sort_values("published").index)
    forms.insert(0, "published", published.reindex(forms.index))
    forms.insert(1, "article", labels.reindex(forms.index))
    return forms.reset_index(drop=True)


def official_share(names: pd.DataFrame, doc_ids: pd.Index, country: str = "PRK",
                   rules: pd.DataFrame | None = None) -> pd.Series:
    """Per article: the share of its names for ``country`` that are official forms (``official`` true
    in ``naming.csv``); 0 for an article that does not name the country."""
    rules = load_naming() if rules is None else rules
    official = set(rules.loc[(rules["kind"] == "country_form") & (rules["official"] == "true"), "label"])
    c = names[names["country"] == country]
    return c.assign(off=c["form"].isin(official)).groupby("doc_id")["off"].mean().reindex(doc_ids, fill_value=0)


def naming_note(share: pd.Series, labels: pd.Series) -> str:
    """:func:`official_share` in words."""
    return (
        "Share of each article's names for North Korea that are the official name or acronym: "
        + "; ".join(f"{md_quote(labels[d])} {fmt_pct(v)}" for d, v in share.items())
        + ". Articles mixing official and exonym forms: "
        + (", ".join(md_quote(labels[d]) for d, v in share.items() if 0 < v < 1) or "none")
        + ". With one article per outlet, a form cannot be told apart from its outlet, date or occasion.")


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


def leader_table(leaders: pd.DataFrame, labels: pd.Series, published: pd.Series) -> pd.DataFrame:
    """Per publication date, article and person of :func:`~helpers.analysis.naming.leader_naming` rows:
    ``mentions``, the ``spellings`` used, and the ``honorifics`` and ``titles`` found ('—' when none)."""
    return (leaders.assign(article=leaders["doc_id"].map(labels), published=leaders["doc_id"].map(published))
            .groupby(["published", "article", "entity_id"])
            .agg(mentions=("surface", "size"), spellings=("spelling", lambda s: ", ".join(sorted(set(s)))),
                 honorifics=("honorific", _joined), titles=("title", _joined)))


def leader_note(leaders: pd.DataFrame, labels: pd.Series) -> str:
    """Which articles give the leaders honorifics, and which spell them with a lower-case hyphen."""
    hon = leaders[leaders["honorific"] != ""]
    hyphen = leaders.loc[leaders["spelling"] == "hyphenated", "doc_id"].unique()
    return (
        f"Honorifics appear in {plural(hon['doc_id'].nunique(), 'article')}: "
        + ", ".join(sorted(md_quote(labels[d]) for d in hon["doc_id"].unique()))
        + "; the spelling with a lower-case hyphen appears in "
        + ", ".join(sorted(md_quote(labels[d]) for d in hyphen)) + ".")


def speech_counts(attr: pd.DataFrame, labels: pd.Series) -> pd.DataFrame:
    """Per article (every one of ``labels``): attributed sentences by ``speech`` (direct, reported), and its label."""
    speech = (attr.groupby("doc_id")["speech"].value_counts().unstack(fill_value=0)
              .reindex(labels.index, fill_value=0))
    for kind in ("direct", "reported"):
        if kind not in speech:
            speech[kind] = 0
    speech["article"] = labels
    return speech


def voice_note(speech: pd.DataFrame, attr: pd.DataFrame, labels: pd.Series, agency_word: str = "News Agency") -> str:
    """Direct / reported counts per article, and the articles that name a news agency as a source."""
    return (
        "Attributed sentences (direct / reported): "
        + "; ".join(f"{md_quote(r.article)} {r.direct} / {r.reported}" for r in speech.itertuples())
        + ". Agencies named: "
        + ", ".join(sorted(md_quote(labels[d]) for d in
                           attr.loc[attr["sources"].str.contains(agency_word), "doc_id"].unique()))
        + ".")


def labelled_sources(attr: pd.DataFrame, labels: pd.Series) -> pd.DataFrame:
    """:func:`~helpers.analysis.voice.source_table` with the article's label in place of its doc_id."""
    from helpers.analysis.voice import source_table

    sources = source_table(attr)
    sources.insert(0, "article", sources["doc_id"].map(labels))
    return sources.drop(columns="doc_id")


def robustness_note(sens: pd.DataFrame, holds: pd.Series, robust: list[str], fragile: list[str]) -> str:
    """The findings that hold under every coding, and those that depend on it, in words
    (see :func:`helpers.analysis.robustness.robust_and_fragile`)."""
    return (
        f"Across **{len(sens)}** codings, {len(robust)} of {sens.shape[1]} findings hold in every one: "
        + ("; ".join(md_quote(f) for f in robust) or "none")
        + f". {plural(len(fragile), 'finding')} that hold under the registry coding depend on the choice: "
        + ("; ".join(f"{md_quote(f)} ({fmt_pct(holds[f])} of codings)" for f in fragile) or "none") + ".")


# ---------------------------------------------------------------------------
# Words, keyness and frame precision (sections 2-3) and the findings
# ---------------------------------------------------------------------------
def content_terms(sentences: pd.DataFrame, stopwords: Iterable[str] | None = None) -> pd.DataFrame:
    """Tidy term counts ``doc_id, term, n`` of the body sentences, names folded to their canonical token
    (gazetteer) and ``stopwords`` (default: ``stopwords.csv``) left out."""
    from helpers.analysis.words import gazetteer_names, load_stopwords, term_counts, tokens

    counts = term_counts(tokens(sentences, gazetteer_names()))
    stop = load_stopwords() if stopwords is None else frozenset(stopwords)
    return counts[~counts["term"].isin(stop)]


def top_terms_table(content: pd.DataFrame, documents: pd.DataFrame, n: int = 6) -> pd.DataFrame:
    """Per article: outlet and its ``n`` most frequent content terms with counts ('term (n)', ties by term)."""
    top = (content.sort_values(["doc_id", "n", "term"], ascending=[True, False, True])
           .groupby("doc_id").head(n).groupby("doc_id")
           .apply(lambda g: ", ".join(f"{t} ({k})" for t, k in zip(g["term"], g["n"])), include_groups=False)
           .rename("most frequent content terms"))
    return pd.concat([documents["outlet"], top], axis=1)


def prior_note(content: pd.DataFrame, alpha0: float) -> str:
    """The keyness prior's strength against the corpus's content tokens."""
    return (f"Prior strength used: `alpha0` = {alpha0:g} pseudo-words, against {fmt_int(content['n'].sum())} "
            "content tokens in the corpus.")


def keyness_table(loo: pd.DataFrame, group_i: str = "state", group_j: str = "independent") -> pd.DataFrame:
    """The leave-one-out keyness table for reading (counts named by group)."""
    return loo[["group", "rank", "term", "n_i", "n_j", "delta", "se", "z", "kept", "runs", "stable"]].rename(
        columns={"n_i": f"n {group_i}", "n_j": f"n {group_j}"})


def stability_note(loo: pd.DataFrame, k: int, n_documents: int) -> str:
    """How many top terms survive every leave-one-out rerun, which, and the largest |z|."""
    stable = loo[loo["stable"]]
    return (f"Of the {len(loo)} top terms, **{len(stable)}** stay in the top {k} in all {loo['runs'].iloc[0]} "
            "leave-one-out reruns: "
            + (", ".join(f"*{md_quote(t)}* ({g})" for t, g in zip(stable["term"], stable["group"])) or "none")
            + f". The largest |z| is {loo['z'].abs().max():.2f}: with {plural(n_documents, 'article')} no single word "
            "difference is statistically meaningful, so these are ranked effect sizes, not tests.")


def wrong_matches(judged: pd.DataFrame) -> pd.DataFrame:
    """The frame matches judged wrong in context, with the reason."""
    return judged[judged["correct"] == "no"][["doc_id", "sent_id", "term", "frame", "note"]].reset_index(drop=True)


def precision_note(precision: pd.DataFrame, judged: pd.DataFrame) -> str:
    """Matches read in context, how many are wrong, the overall precision and the lowest frame's."""
    wrong = (judged["correct"] == "no").sum()
    overall = (judged["correct"] == "yes").mean()
    return (f"{plural(len(judged), 'match', 'matches')} were read in context; {wrong} are wrong, an overall precision "
            f"of **{fmt_pct(overall, 1)}** (lowest frame: {precision.loc[precision['precision'].idxmin(), 'frame']}, "
            f"{fmt_pct(precision['precision'].min(), 0)}). The wrong ones, with the reason:")


def framing_findings_note(judged: pd.DataFrame, per_article: pd.DataFrame, group_means: pd.DataFrame,
                          labels: pd.Series, drop: dict, sens: pd.DataFrame, robust: list[str], fragile: list[str],
                          loo: pd.DataFrame, perm: pd.DataFrame, frame: str = "revolution") -> str:
    """The notebook's findings as Markdown bullets, every number from the tables given: frame precision
    (``judged``), ``frame`` density per article and group, the quotation share (``drop``, from
    :func:`quote_drop`), the sensitivity analysis, keyness stability (``loo``) and the permutation test."""
    col, top = group_means[frame], largest_gap(group_means)
    return "\n".join([
        f"- **Precision.** The frame indicators are right {fmt_pct((judged['correct'] == 'yes').mean(), 1)} of the "
        f"time when read in context ({plural(len(judged), 'match', 'matches')}); the "
        f"{(judged['correct'] == 'no').sum()} wrong matches are listed in section 3 with the reason, and only correct "
        "matches are counted.",
        f"- **Frames.** Under the registry coding the state group's mean {frame} density is "
        f"{col['mean of state']:.1f} per 1,000 words against {col['mean of independent']:.1f} for the independent "
        f"group; the single densest article is {md_quote(labels[per_article[frame].idxmax()])} "
        f"({per_article[frame].max():.1f}). The largest group gap is in {top} "
        f"({group_means.loc['mean of state', top]:.1f} vs {group_means.loc['mean of independent', top]:.1f}).",
        f"- **Voice.** In {md_quote(labels[drop['doc_id']])}, {fmt_pct(drop['quoted_share'])} of the {frame}-frame "
        "vocabulary sits inside quotations of the leaders' messages.",
        f"- **Robust under every coding** ({len(sens)} codings): " + ("; ".join(md_quote(f) for f in robust) or "nothing") + ".",
        "- **Depends on how the ambiguous outlets are coded:** " + ("; ".join(md_quote(f) for f in fragile) or "nothing") + ".",
        f"- **Words.** {int(loo['stable'].sum())} of {len(loo)} top keyness terms survive leaving any one article out.",
        f"- **Tests.** {plural(len(per_article), 'article')} allow only {int(perm['relabellings'].iloc[0])} "
        f"relabellings; the smallest attainable p-value is {perm['min_p'].iloc[0]:.2f}, so nothing here is "
        "statistically significant, by construction.",
    ])


# ---------------------------------------------------------------------------
# Figures
# ---------------------------------------------------------------------------
def plot_keyness(loo: pd.DataFrame, k: int, alpha0: float):
    """Each top term's log-odds difference with a ±1.96 standard-error bar, coloured by the group it is
    typical of; open markers are terms that drop out of the top ``k`` in some leave-one-out rerun."""
    import matplotlib.pyplot as plt
    import numpy as np

    from helpers.report.style import MEDIA_SYSTEM_COLORS

    fig, ax = plt.subplots(figsize=(8, 6))
    plot = loo.sort_values("delta")
    y = np.arange(len(plot))
    ax.errorbar(plot["delta"], y, xerr=1.96 * plot["se"], fmt="none", ecolor="#999999", lw=1)
    ax.scatter(plot["delta"], y, c=plot["group"].map(MEDIA_SYSTEM_COLORS), s=40, zorder=3)
    ax.scatter(plot.loc[~plot["stable"], "delta"], y[~plot["stable"].to_numpy()], c="white", s=14, zorder=4)
    ax.set_yticks(y, plot["term"])
    ax.axvline(0, color="black", lw=0.8)
    ax.set_xlabel(f"log-odds difference, state minus independent (prior alpha0 = {alpha0:g})")
    ax.set_ylabel("term")
    ax.set_title(f"{int(loo['stable'].sum())} of {len(loo)} top terms stay in the top {k} when any one article is "
                 "left out")
    for g, c in MEDIA_SYSTEM_COLORS.items():
        ax.scatter([], [], c=c, label=f"typical of {g}")
    ax.legend(loc="lower right")
    return fig, ax


def plot_frame_heatmap(per_article: pd.DataFrame, group_means: pd.DataFrame):
    """Frame density as a grey heatmap, one row per article (``per_article``, labelled rows) and the group
    means below a line, each cell's value written in it; the title names the densest article cell."""
    import matplotlib.pyplot as plt
    import numpy as np

    from helpers.report.style import MEDIA_SYSTEM_COLORS

    table = pd.concat([per_article, group_means])
    values = table.to_numpy()
    fig, ax = plt.subplots(figsize=(9, 4.8))
    im = ax.imshow(values, cmap="Greys", aspect="auto")
    ax.set_xticks(range(table.shape[1]), table.columns, rotation=30, ha="right")
    ax.set_yticks(range(table.shape[0]), table.index)
    for (i, j), v in np.ndenumerate(values):
        ax.text(j, i, f"{v:.0f}", ha="center", va="center", color="white" if v > values.max() / 2 else "black",
                fontsize=8)
    ax.axhline(len(per_article) - 0.5, color=MEDIA_SYSTEM_COLORS["state"], lw=2)
    ax.grid(False)
    ax.set_xlabel("frame")
    ax.set_ylabel("article (media system) and group means")
    peak = per_article.stack().idxmax()
    ax.set_title(f"Densest frame in any article: {peak[1]} in {peak[0]} ({per_article.stack().max():.0f} per 1,000 "
                 "words)")
    fig.colorbar(im, ax=ax, label="correct matches per 1,000 body words")
    return fig, ax
