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
    text = (f"- **Precision.** In the judged sample the frame indicators are right "
            f"{fmt_pct(correct / sample, 1) if sample else '–'} of the time when read in context "
            f"({fmt_int(sample)} matches judged; the {sample - correct} wrong ones are listed in section 3 "
            "with the reason). ")
    if n - j:
        return text + (f"{fmt_int(n - j)} of this corpus's {fmt_int(n)} matches ({fmt_pct((n - j) / n)}) are "
                       "unjudged: they count with their frame's precision, never as wrong or as absent.")
    return text + f"Every one of this corpus's {fmt_int(n)} matches is judged."


def significance_finding(perm: pd.DataFrame, plan: dict, outlets: pd.DataFrame, alpha: float = ALPHA) -> str:
    """The tests bullet, worded from what the group sizes allow."""
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


def framing_findings_note(precision: pd.DataFrame, judged: pd.DataFrame, per_article: pd.DataFrame,
                          group_means: pd.DataFrame, labels: pd.Series, drop: dict, sens: pd.DataFrame,
                          robust: list[str], fragile: list[str], loo: pd.DataFrame, perm: pd.DataFrame, plan: dict,
                          outlets: pd.DataFrame, frame: str = "revolution") -> str:
    """The notebook's findings as Markdown bullets, every number from the tables given: frame precision,
    estimated ``frame`` density per article and group, the quotation share (``drop``, from
    :func:`~helpers.report.framing_frames.quote_drop`), the sensitivity analysis, keyness stability (``loo``)
    and the permutation test (``perm``, ``plan``; ``outlets`` per group)."""
    col, top = group_means[frame], largest_gap(group_means)
    voice = (f"- **Voice.** No {frame}-frame match sits inside a spoken quotation." if drop["doc_id"] is None else
             f"- **Voice.** In {md_quote(labels[drop['doc_id']])}, {fmt_pct(drop['quoted_share'])} of the "
             f"{frame}-frame vocabulary sits inside quotations: the words of those it quotes, not its own.")
    return "\n".join([
        precision_finding(precision, judged),
        f"- **Frames.** Under the registry coding the state group's mean estimated {frame} density is "
        f"{col['mean of state']:.1f} per 1,000 words against {col['mean of independent']:.1f} for the independent "
        f"group; the single densest article is {md_quote(labels[per_article[frame].idxmax()])} "
        f"({per_article[frame].max():.1f}). The largest group gap is in {top} "
        f"({group_means.loc['mean of state', top]:.1f} vs {group_means.loc['mean of independent', top]:.1f}).",
        voice,
        f"- **Robust under every coding** ({len(sens)} codings): "
        + ("; ".join(md_quote(f) for f in robust) or "nothing") + ".",
        "- **Depends on how the ambiguous outlets are coded:** "
        + ("; ".join(md_quote(f) for f in fragile) or "nothing") + ".",
        f"- **Words.** {int(loo['stable'].sum())} of {len(loo)} top keyness terms survive leaving any one article out.",
        significance_finding(perm, plan, outlets),
    ])


def limits_note(documents: pd.DataFrame, outlets: pd.DataFrame, judgements: pd.DataFrame,
                density: pd.DataFrame, frames: pd.DataFrame) -> str:
    """What the corpus cannot tell: the confounds its outlets leave, the reach of the judged sample (in-sample
    when the codebook's example sentences come from its articles), and the limits of English-language naming
    and voice."""
    per_outlet = documents["outlet"].value_counts()
    fewest = outlets["outlets"].min()
    if (per_outlet == 1).all():
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
    codebook = (f"The indicators' precision rests on the {plural(sample_docs, 'article')} of the judged sample "
                f"({here} of them in this corpus)"
                + (", the articles the codebook's examples come from, so it is an in-sample figure" if in_sample
                   else ""))
    codebook += (f"; the estimated densities of the {plural(unjudged, 'article')} with unjudged matches assume it "
                 "carries over to them, which judging a sample of their matches would check." if unjudged else
                 "; text it was not written on is the place to check that it generalises.")
    return ("**What the corpus cannot tell.** " + confound + " " + codebook + " Naming and voice are counted from "
            "English-language editions only, and an outlet that quotes another reproduces its words, so a "
            "media-system label describes an outlet, not every sentence it prints.")
