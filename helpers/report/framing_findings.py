"""The findings of notebook 04 and what its corpus cannot tell, every number and every claim about size
computed from the tables given (nothing here assumes how many articles, outlets or judgements there are)."""
from __future__ import annotations

import pandas as pd

from helpers.report.framing_frames import ALPHA, count_words, fmt_p, largest_gap
from helpers.report.text import fmt_int, fmt_pct, md_quote, plural

FEW_OUTLETS = 10
"""Below this many outlets in a group, a group difference cannot be told apart from its outlets'."""


def precision_finding(precision: pd.DataFrame, judged: pd.DataFrame) -> str:
    """The precision bullet: the judged sample's precision, and this corpus's unjudged matches beside it."""
    sample, correct = int(precision["sample"].sum()), int(precision["correct"].sum())
    n, j = len(judged), int(judged["correct"].notna().sum())
    wrong_here = int((judged["correct"] == "no").sum())
    n_wrong = sample - correct
    wrong = ("none is wrong" if not n_wrong else
             f"the {n_wrong} wrong ones are listed in section 3 with the reason" if wrong_here == n_wrong > 1 else
             "the wrong one is listed in section 3 with the reason" if wrong_here == n_wrong else
             f"none of the {plural(n_wrong, 'wrong one')} is in this corpus" if not wrong_here else
             f"{wrong_here} of the {n_wrong} wrong ones are in this corpus, listed in section 3 with the reason")
    text = (f"- **Precision.** In the judged sample the frame indicators are right "
            f"{fmt_pct(correct / sample, 1) if sample else '–'} of the time when read in context "
            f"({fmt_int(sample)} matches judged; {wrong}). ")
    if not n:
        return text + "This corpus has no indicator match."
    if n - j:
        return text + (f"{fmt_int(n - j)} of this corpus's {fmt_int(n)} matches ({fmt_pct((n - j) / n)}) are "
                       "unjudged: they count with their frame's precision, never as wrong or as absent.")
    return text + f"Every one of this corpus's {fmt_int(n)} matches is judged."


def significance_finding(perm: pd.DataFrame | None, plan: dict | None, outlets: pd.DataFrame,
                         alpha: float = ALPHA) -> str:
    """The tests bullet, worded from what the group sizes allow (or that there is no test)."""
    if perm is None:
        return "- **Tests.** No test: there are not two groups to compare (section 1)."
    sizes = (f"Groups of {plan['n_i']} and {plan['n_j']} articles allow {count_words(plan['relabellings'])} "
             "relabellings")
    if plan["min_p"] > alpha:
        return (f"- **Tests.** {sizes}; the smallest attainable p-value is {fmt_p(plan['min_p'])}, above {alpha}, so "
                "no frame difference can be significant at that level, whatever the data.")
    how = ("enumerated exactly" if plan["method"] == "exact" else
           f"of which a Monte Carlo test drew {plan['resamples']:,} with a fixed seed")
    low = perm.index[perm["p"] < alpha].tolist()
    holm_low = perm.index[perm["p (Holm)"] < alpha].tolist()
    smallest = outlets["outlets"].min()
    return (f"- **Tests.** {sizes}, {how} (smallest attainable p {fmt_p(plan['min_p'])}). Frame differences with "
            f"p < {alpha}: {', '.join(low) or 'none'}; after Holm's correction for {plural(len(perm), 'frame')}: "
            f"{', '.join(holm_low) or 'none'}. The test treats articles as independent units, and one group rests on "
            f"{plural(smallest, 'outlet')}: a small p describes these articles, not media systems.")


def frames_finding(per_article: pd.DataFrame, group_means: pd.DataFrame, labels: pd.Series, frame: str) -> str:
    """The frames bullet: each group's mean estimated ``frame`` density, the densest article and the largest
    group gap; one group's mean only when the other has no article, and that there is none without any."""
    column = per_article[frame].dropna() if frame in per_article else pd.Series(dtype=float)
    if column.empty:
        return "- **Frames.** No article has English body text, so no frame is counted."
    densest = (f"the single densest article is {md_quote(labels[column.idxmax()])} ({column.max():.1f})"
               if column.max() > 0 else f"no article has a {frame} match")
    means = {g: group_means.at[f"mean of {g}", frame] for g in ("state", "independent")
             if f"mean of {g}" in group_means.index}
    if len(means) < 2:
        (g, mean), = means.items()
        return (f"- **Frames.** Only the {g} group has articles here: its mean estimated {frame} density is "
                f"{mean:.1f} per 1,000 words; {densest}. There is no other group to compare it with.")
    top = largest_gap(group_means)
    return (f"- **Frames.** Under the registry coding the state group's mean estimated {frame} density is "
            f"{means['state']:.1f} per 1,000 words against {means['independent']:.1f} for the independent "
            f"group; {densest}. The largest group gap is in {top} "
            f"({group_means.loc['mean of state', top]:.1f} vs {group_means.loc['mean of independent', top]:.1f}).")


def words_finding(loo: pd.DataFrame | None) -> str:
    """The words bullet: how many top keyness terms survive leaving any one article out."""
    if loo is None:
        return "- **Words.** No keyness: there are not two groups to compare (section 1)."
    if not len(loo) or not int(loo["runs"].iloc[0]):
        return (f"- **Words.** {plural(len(loo), 'top keyness term')}; no leave-one-out rerun is possible, so none is "
                "shown not to rest on a single article.")
    spare = "" if int(loo["runs"].iloc[0]) >= int(loo.get("articles", loo["runs"]).iloc[0]) else \
        " (of those its group can spare: a group's only article cannot be left out)"
    return (f"- **Words.** {int(loo['stable'].sum())} of {len(loo)} top keyness terms survive leaving any one article "
            f"out{spare}.")


def robustness_finding(result, labels: pd.Series, documents: pd.DataFrame | None = None) -> list[str]:
    """The robustness bullets: what holds under every coding of the ambiguous outlets and without any one article
    (``result``: :func:`~helpers.report.framing_robustness.sensitivity`, None when not run), and, for each finding
    that holds under the registry coding but not robustly, the article it rests on or what breaks it."""
    from helpers.report.framing_robustness import rests_on

    if result is None:
        return ["- **Robustness.** Not tested: under the registry coding there are not two groups to compare."]
    codings = (f"every one of the {len(result.sens)} codings of the ambiguous outlets" if len(result.sens) > 1 else
               "the registry coding (the only one: no outlet here is marked ambiguous)")
    robust, fragile = result.robust, result.fragile
    lines = [f"- **Robust** (holds under {codings} and without any one of the "
             f"{plural(len(result.loo), 'article')}): " + ("; ".join(md_quote(f) for f in robust) or "nothing") + "."]
    lines.append("- **Not robust** (holds under the registry coding, but not under every coding or without every "
                 "article): " + ("nothing." if not fragile else ""))
    lines += [f"    - {md_quote(f)}: {rests_on(result, f, labels, documents)}." for f in fragile]
    return lines


def framing_findings_note(precision: pd.DataFrame, judged: pd.DataFrame, per_article: pd.DataFrame,
                          group_means: pd.DataFrame, labels: pd.Series, drop: dict, robustness,
                          loo: pd.DataFrame | None, perm: pd.DataFrame | None, plan: dict | None,
                          outlets: pd.DataFrame, frame: str = "revolution", documents: pd.DataFrame | None = None) -> str:
    """The notebook's findings as Markdown bullets, every number from the tables given: frame precision,
    estimated ``frame`` density per article and group, the quotation share (``drop``, from
    :func:`~helpers.report.framing_frames.quote_drop`), the robustness analysis (``robustness``, from
    :func:`~helpers.report.framing_robustness.sensitivity`, None when not run), keyness stability (``loo``,
    None without two groups) and the permutation test (``perm``, ``plan``; None without two groups;
    ``outlets`` per group)."""
    voice = (f"- **Voice.** No {frame}-frame match sits inside a spoken quotation." if drop["doc_id"] is None else
             f"- **Voice.** In {md_quote(labels[drop['doc_id']])}, {fmt_pct(drop['quoted_share'])} of the "
             f"{frame}-frame vocabulary sits inside quotations: the words of those it quotes, not its own.")
    return "\n".join([precision_finding(precision, judged), frames_finding(per_article, group_means, labels, frame),
                      voice, *robustness_finding(robustness, labels, documents), words_finding(loo),
                      significance_finding(perm, plan, outlets)])


def limits_note(documents: pd.DataFrame, outlets: pd.DataFrame, judgements: pd.DataFrame,
                density: pd.DataFrame, frames: pd.DataFrame) -> str:
    """What the corpus cannot tell: the confounds its outlets leave, the reach of the judged sample (in-sample
    when the codebook's example sentences come from its articles), and the limits of English-language naming
    and voice."""
    per_outlet = documents["outlet"].value_counts()
    fewest = outlets["outlets"].min() if len(outlets) else 0
    if documents.empty:
        confound = "No article has English body text here, so nothing was compared."
    elif len(outlets) < 2:
        g = outlets.index[0]
        confound = (f"Every article here is {g} media, from {plural(outlets.at[g, 'outlets'], 'outlet')}, so no "
                    "comparison of media systems is possible: a difference between articles is one between outlets, "
                    "dates and occasions.")
    elif (per_outlet == 1).all():
        confound = ("With one article per outlet, outlet, date, occasion (a summit, an anniversary of diplomatic "
                    "relations) and media system are confounded: a difference between groups may be a difference "
                    "between occasions.")
    else:
        rest = " and ".join(f"the {g} group on {plural(n, 'outlet')}" for g, n in outlets["outlets"].items())
        confound = (f"Outlets, not articles, are the units a media system is made of: {rest}. "
                    + (f"With {plural(fewest, 'outlet')} on one side, outlet, occasion (a summit, an anniversary of "
                       "diplomatic relations) and media system are confounded: a difference between groups may be a "
                       "difference between outlets or occasions." if fewest < FEW_OUTLETS else
                       "Even so, the outlets are the ones collected here, not a sample of either media system."))
    sample_docs = judgements["doc_id"].nunique()
    here = int(judgements["doc_id"].isin(documents.index).groupby(judgements["doc_id"]).first().sum())
    per_doc = density.groupby("doc_id")[["n", "judged"]].sum()
    unjudged = int(((per_doc["judged"] < per_doc["n"])).sum())
    in_sample = set(frames["example_doc_id"]) <= set(judgements["doc_id"])
    where = ("every one of its articles is in this corpus" if here == sample_docs else
             "none of its articles is in this corpus" if not here else
             f"{here} of its articles {'is' if here == 1 else 'are'} in this corpus")
    codebook = (f"The indicators' precision rests on the judged sample of {fmt_int(len(judgements))} matches ({where})"
                + (", drawn from the articles the codebook's examples come from, so it is an in-sample figure"
                   if in_sample else ""))
    codebook += (f"; the estimated densities of the {plural(unjudged, 'article')} with unjudged matches assume it "
                 "carries over to them, which judging a sample of their matches would check." if unjudged else
                 "; text it was not written on is the place to check that it generalises.")
    return ("**What the corpus cannot tell.** " + confound + " " + codebook + " Naming and voice are counted from "
            "English-language editions only, and an outlet that quotes another reproduces its words, so a "
            "media-system label describes an outlet, not every sentence it prints.")
