"""Section 7 of notebook 04: which findings survive every coding of the ambiguous outlets *and* leaving any one
article out, and which article a finding rests on when one does.

- :func:`sensitivity`: the findings under every coding (:func:`helpers.analysis.keyness.across_codings`) and
  under each leave-one-out run of the registry coding (:func:`helpers.analysis.robustness.leave_one_out`),
  summed up by :func:`helpers.analysis.robustness.robustness_table`;
- :func:`sensitivity_table`: the findings under each coding; :func:`robustness_view`: per finding, how many
  codings and reruns it survives and the articles whose removal breaks it (``dropped_by``);
- :func:`rests_on`: the article (or articles) a finding rests on, with its value beside the rest of its group;
- :func:`robustness_note`: all of it in words.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from helpers.report.framing_units import MAX_LISTED, article_list, comparison_gap
from helpers.report.text import fmt_pct, md_quote, plural


@dataclass
class Sensitivity:
    """The robustness analysis of notebook 04: ``sens`` (codings x findings), ``loo`` (article left out x
    findings, registry coding), ``table`` (:func:`~helpers.analysis.robustness.robustness_table`), the
    ``findings`` evaluated (with their per-article measures) and the registry coding ``groups``."""

    sens: pd.DataFrame
    loo: pd.DataFrame
    table: pd.DataFrame
    findings: object
    groups: pd.Series

    @property
    def robust(self) -> list[str]:
        """Findings that hold under every coding and every leave-one-out run."""
        return self.table.index[self.table["robust"]].tolist()

    @property
    def fragile(self) -> list[str]:
        """Findings that hold under the registry coding but not robustly."""
        return self.table.index[self.table["registry"] & ~self.table["robust"]].tolist()


def sensitivity(documents: pd.DataFrame, outlets: pd.DataFrame, per_article: pd.DataFrame, official: pd.Series,
                direct: pd.Series, content: pd.DataFrame, groups: pd.Series, top: int = 3) -> Sensitivity | None:
    """The findings of notebook 04 under every coding of the ambiguous outlets and without each article in turn
    (the ``top`` terms per side of the registry keyness are the term findings; each comparison is stated in the
    direction the registry coding shows); ``None`` when the registry coding gives no two groups to compare."""
    from helpers.analysis.keyness import across_codings, codings, keyness, top_terms
    from helpers.analysis.robustness import framing_findings, leave_one_out, robustness_table

    with_terms = groups.reindex(content["doc_id"].unique())
    if comparison_gap(groups) or comparison_gap(with_terms.dropna()):
        return None
    baseline_top = top_terms(keyness(content, groups, "state", "independent"), top)
    findings = framing_findings(per_article, official, direct, content, baseline_top, baseline=groups)
    sens = across_codings(codings(documents, outlets), findings)
    loo = leave_one_out(groups, findings)
    return Sensitivity(sens, loo, robustness_table(sens, loo), findings, groups)


def sensitivity_table(result: Sensitivity | None) -> pd.DataFrame | None:
    """The findings (rows) under each coding (columns) for reading; a finding a coding leaves no way to compute
    (a group emptied) reads '– (not computable)'."""
    if result is None:
        return None
    table = result.sens.T
    if table.isna().any().any():
        table = table.astype(object).where(table.notna(), "– (not computable)")
    return table


def robustness_view(result: Sensitivity | None, labels: pd.Series,
                    documents: pd.DataFrame | None = None) -> pd.DataFrame | None:
    """Per finding that holds under the registry coding: in how many codings and leave-one-out runs it holds,
    ``dropped_by`` (the articles whose removal breaks it, by label; counted per outlet beyond a few) and
    whether it is robust."""
    if result is None:
        return None
    t = result.table[result.table["registry"]]
    view = pd.DataFrame({
        "codings": [f"{a} of {b}" for a, b in zip(t["codings_held"], t["codings"])],
        "leave-one-out": [f"{a} of {b}" for a, b in zip(t["kept"], t["runs"])],
        "dropped_by": [article_list(s.split("|"), labels, documents) for s in t["dropped_by"]],
        "robust": t["robust"].map({True: "yes", False: "no"})}, index=t.index)
    view.index.name = "finding"
    return view


def _value(x: float, kind: str, unit: bool = True) -> str:
    if kind == "share":
        return fmt_pct(x)
    if kind == "count":
        return plural(round(x), "occurrence") if unit else str(round(x))
    return f"{x:.1f}" + (" per 1,000 words" if unit else "")


def _one_article(result: Sensitivity, finding: str, d: str, labels: pd.Series, detail: bool) -> str:
    """'rests on X alone: its value against the other articles of its group, and the means without it'."""
    measure = result.findings.measures.get(finding, pd.Series(dtype=float))
    kind = result.findings.kinds.get(finding, "density")
    a, b = result.findings.sides.get(finding, ("", ""))
    g = result.groups.get(d)
    mates = result.groups.index[(result.groups == g) & (result.groups.index != d)]
    head = f"rests on {md_quote(labels.get(d, d))} alone"
    if not len(mates):
        return head + f", the {g} group's only article"
    if not detail:
        return head
    if kind == "count":
        total = measure.reindex(result.groups.index[result.groups == g]).sum()
        return head + (f": {plural(round(measure.get(d, 0.0)), 'occurrence')} of the {g} group's {round(total)} are "
                       "there")
    others = measure.reindex(mates).dropna()
    rest = (" and ".join(_value(x, kind, unit=False) for x in others) if len(others) <= 3 else
            f"a mean of {_value(others.mean(), kind, unit=False)} over {plural(len(others), 'article')}")
    rest_group = result.groups.drop(d)
    without = measure.reindex(rest_group.index).groupby(rest_group).mean()
    after = (f"; without it the {a} mean is {_value(without[a], kind, unit=False)} against "
             f"{_value(without[b], kind, unit=False)}" if pd.notna(without.get(a)) and pd.notna(without.get(b)) else "")
    return head + (f": {_value(measure.get(d), kind)} against {rest or 'nothing measurable'} for the other {g} "
                   "articles" + after)


def rests_on(result: Sensitivity, finding: str, labels: pd.Series, documents: pd.DataFrame | None = None,
             detail: bool = True) -> str:
    """Why ``finding`` is not robust, in words: the one article it rests on (with ``detail``, that article's
    value beside the other articles of its group and the group means without it); or how many articles
    break it (named, with ``detail``); and how many codings break it, naming the one that changes least;
    '' when nothing does."""
    row = result.table.loc[finding]
    dropped = [d for d in row["dropped_by"].split("|") if d]
    parts = []
    if len(dropped) == 1:
        parts.append(_one_article(result, finding, dropped[0], labels, detail))
    elif dropped:
        parts.append(f"breaks without any one of {plural(len(dropped), 'article')}"
                     + (f" ({article_list(dropped, labels, documents)})" if detail else "")
                     + f": it holds in {row['kept']} of {row['runs']} leave-one-out runs")
    moved = [c for c in row["moved_by"].split("|") if c]
    if moved:
        simplest = min(moved, key=lambda c: (c.count(";"), c))
        parts.append(f"fails under {row['codings'] - row['codings_held']} of {row['codings']} codings, e.g. "
                     f"{md_quote(simplest)}")
    return "; ".join(parts)


def robustness_note(result: Sensitivity | None, labels: pd.Series, documents: pd.DataFrame | None = None) -> str:
    """The findings that hold under every coding and every leave-one-out run, and why each of the others (that
    hold under the registry coding) does not, in words."""
    if result is None:
        return ("Not computed: under the registry coding there are not two groups to compare (section 1), so there "
                "is no finding whose robustness to test.")
    n_codings, runs = len(result.sens), len(result.loo)
    how = (f"under every one of the **{n_codings}** codings and in each of the {plural(runs, 'leave-one-out run')}"
           if n_codings > 1 else
           f"under the registry coding (no outlet here is marked ambiguous, so it is the only one) and in each of the "
           f"{plural(runs, 'leave-one-out run')}")
    robust, fragile = result.robust, result.fragile
    text = (f"{len(robust)} of {plural(result.sens.shape[1], 'finding')} hold {how}: "
            + ("; ".join(md_quote(f) for f in robust) or "none") + ".")
    if fragile:
        text += (f" {plural(len(fragile), 'finding')} that hold under the registry coding are not robust: "
                 + "; ".join(f"{md_quote(f)} ({rests_on(result, f, labels, documents, detail=False)})"
                             for f in fragile) + ". The findings below give each one's numbers.")
    return text
