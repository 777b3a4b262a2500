"""Keyness: which terms distinguish two groups of articles.

The statistic is the log-odds ratio with an informative Dirichlet prior of
Monroe, Colaresi and Quinn (2008), "Fightin' Words: Lexical Feature Selection
and Evaluation for Identifying the Content of Political Conflict", *Political
Analysis* 16(4), 372-403, equations 16, 18 and 19 (in their notation):

    alpha_w  = alpha0 * y_w / n                      (prior from the whole corpus)
    delta_w  = log[(y_wi + alpha_w) / (n_i + alpha0 - y_wi - alpha_w)]
             - log[(y_wj + alpha_w) / (n_j + alpha0 - y_wj - alpha_w)]
    var_w   ~= 1 / (y_wi + alpha_w) + 1 / (y_wj + alpha_w)
    z_w      = delta_w / sqrt(var_w)

``alpha0`` is the strength of the prior in pseudo-words: the prior is the
corpus-wide term distribution counted ``alpha0`` times. Larger values shrink
rare terms harder towards zero difference. The variance treats every word as an
independent draw, which the words of one article are not (an article repeats its
own terms), so at any corpus size a z-score ranks effect sizes rather than tests
them; :func:`leave_one_out` shows how far a top list rests on single articles.
"""
from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from helpers.analysis.permutation import permutation_test  # noqa: F401  (re-exported: its former home)

DEFAULT_ALPHA0 = 500.0
"""Default prior strength (pseudo-words), about a quarter of the seeds' body words."""


def _check_counts(counts: pd.DataFrame) -> None:
    missing = {"doc_id", "term", "n"} - set(counts.columns)
    if missing:
        raise ValueError(f"term counts need columns doc_id, term, n; missing {sorted(missing)}")


def log_odds_dirichlet(
    counts_i: Mapping[str, float] | pd.Series,
    counts_j: Mapping[str, float] | pd.Series,
    alpha0: float = DEFAULT_ALPHA0,
    prior: Mapping[str, float] | pd.Series | None = None,
) -> pd.DataFrame:
    """Fightin' Words between two term-count vectors.

    ``counts_i`` and ``counts_j`` map term -> count for group i and group j.
    ``prior`` maps term -> background count; by default the sum of both groups
    (the whole corpus). It is rescaled so that its values sum to ``alpha0``.
    Returns one row per term (index ``term``) with ``n_i``, ``n_j``, ``alpha``,
    ``delta`` (positive: typical of group i), ``var``, ``se`` and ``z``,
    sorted by ``z`` descending.
    """
    if not alpha0 > 0:
        raise ValueError(f"alpha0 must be positive, got {alpha0!r}")
    yi = pd.Series(counts_i, dtype=float)
    yj = pd.Series(counts_j, dtype=float)
    if (yi < 0).any() or (yj < 0).any():
        raise ValueError("term counts must be non-negative")
    if yi.sum() == 0 or yj.sum() == 0:
        raise ValueError("each group needs at least one term occurrence (is a group empty?)")
    terms = yi.index.union(yj.index)
    yi, yj = yi.reindex(terms, fill_value=0.0), yj.reindex(terms, fill_value=0.0)
    background = (yi + yj) if prior is None else pd.Series(prior, dtype=float).reindex(terms, fill_value=0.0)
    if (background <= 0).any():
        zero = list(background[background <= 0].index[:5])
        raise ValueError(f"the prior gives no mass to terms {zero}; use a background that covers every term")
    alpha = alpha0 * background / background.sum()
    ni, nj = yi.sum(), yj.sum()
    delta = np.log((yi + alpha) / (ni + alpha0 - yi - alpha)) - np.log((yj + alpha) / (nj + alpha0 - yj - alpha))
    var = 1.0 / (yi + alpha) + 1.0 / (yj + alpha)
    out = pd.DataFrame({"n_i": yi, "n_j": yj, "alpha": alpha, "delta": delta, "var": var})
    out["se"] = np.sqrt(out["var"])
    out["z"] = out["delta"] / out["se"]
    out.index.name = "term"
    return out.sort_values(["z", "n_i"], ascending=[False, False], kind="stable")


def keyness(
    counts: pd.DataFrame,
    groups: Mapping[str, str] | pd.Series,
    group_i: str,
    group_j: str,
    alpha0: float = DEFAULT_ALPHA0,
) -> pd.DataFrame:
    """Keyness of ``group_i`` against ``group_j`` from tidy counts (``doc_id, term, n``).

    ``groups`` maps doc_id -> group label; documents whose label is neither
    group (or missing) are left out of both the counts and the prior. The prior
    is the pooled counts of the documents compared. Returns
    :func:`log_odds_dirichlet`'s table with columns ``term``, ``group``
    (the group the term leans towards) and ``rank`` (1 = most distinctive
    within that side, by z).
    """
    _check_counts(counts)
    groups = pd.Series(groups, dtype=object)
    unknown = sorted(set(counts["doc_id"]) - set(groups.index))
    if unknown:
        raise ValueError(f"documents without a group label: {unknown}")
    return GroupTermSums(counts).keyness(groups, group_i, group_j, alpha0)


class GroupTermSums:
    """Each group's summed term counts under a coding, kept up to date by difference.

    The first coding asked for is summed in full and kept as the reference; a later coding that moves or
    leaves out a few articles (a leave-one-out run, a recoded outlet) is summed from the reference by
    subtracting and adding those articles' counts only, so rerunning keyness once per article costs in
    proportion to the corpus, not to its square. Articles absent from a coding count in no group.
    """

    def __init__(self, counts: pd.DataFrame):
        _check_counts(counts)
        summed = counts.groupby(["doc_id", "term"], sort=True)["n"].sum()
        self.vocabulary = summed.index.get_level_values("term").unique().sort_values()
        ids = self.vocabulary.get_indexer(summed.index.get_level_values("term"))
        docs = summed.index.get_level_values("doc_id")
        values = summed.to_numpy(dtype=float)
        bounds = np.flatnonzero(np.r_[True, docs[1:] != docs[:-1], True]) if len(docs) else np.array([0])
        self._per_doc = {docs[lo]: (ids[lo:hi], values[lo:hi]) for lo, hi in zip(bounds[:-1], bounds[1:])}
        self._docs = pd.Index(list(self._per_doc))
        self._ref: pd.Series | None = None
        self._ref_sums: dict = {}

    def _total(self, docs) -> np.ndarray:
        out = np.zeros(len(self.vocabulary))
        for d in docs:
            ids, n = self._per_doc[d]
            out[ids] += n
        return out

    def sums(self, groups: pd.Series) -> dict:
        """group -> dense count vector over :attr:`vocabulary` under ``groups`` (groups with a term only)."""
        groups = pd.Series(groups, dtype=object).reindex(self._docs).dropna()
        if self._ref is None:
            self._ref = groups
            self._ref_sums = {g: self._total(groups.index[groups == g]) for g in pd.unique(groups)}
        old, new = self._ref.reindex(self._docs), groups.reindex(self._docs)
        same = (old == new).fillna(False).to_numpy(dtype=bool) | (old.isna() & new.isna()).to_numpy()
        changed = self._docs[~same]
        if 2 * len(changed) > len(self._docs):
            out = {g: self._total(groups.index[groups == g]) for g in pd.unique(groups)}
        else:
            out = {g: v.copy() for g, v in self._ref_sums.items()}
            for d in changed:
                ids, n = self._per_doc[d]
                if pd.notna(old[d]):
                    out[old[d]][ids] -= n
                if pd.notna(new[d]):
                    out.setdefault(new[d], np.zeros(len(self.vocabulary)))[ids] += n
        return {g: v for g, v in out.items() if (v > 0).any()}

    def keyness(self, groups: pd.Series, group_i: str, group_j: str,
                alpha0: float = DEFAULT_ALPHA0) -> pd.DataFrame:
        """:func:`keyness` of ``group_i`` against ``group_j`` under ``groups``, from the kept sums."""
        summed = self.sums(groups)
        for g in (group_i, group_j):
            if g not in summed:
                raise ValueError(f"group {g!r} has no documents with terms")
        yi, yj = (pd.Series(summed[g], index=self.vocabulary) for g in (group_i, group_j))
        table = log_odds_dirichlet(yi[yi > 0], yj[yj > 0], alpha0=alpha0).reset_index()
        return _ranked(table, group_i, group_j)

    def top_pairs(self, groups: pd.Series, group_i: str, group_j: str, k: int = 10,
                  alpha0: float = DEFAULT_ALPHA0) -> set[tuple[str, str]] | None:
        """The (term, group) pairs of :func:`top_terms` ``k`` under ``groups`` (``None`` when a group has no
        terms): :func:`log_odds_dirichlet` and :func:`keyness`'s ranking in arrays, without building a table."""
        summed = self.sums(groups)
        if group_i not in summed or group_j not in summed:
            return None
        yi, yj = summed[group_i], summed[group_j]
        keep = np.flatnonzero((yi > 0) | (yj > 0))  # the terms keyness sees, in term order
        yi, yj = yi[keep], yj[keep]
        background = yi + yj
        alpha = alpha0 * background / background.sum()
        ni, nj = yi.sum(), yj.sum()
        with np.errstate(divide="ignore", invalid="ignore"):  # a degenerate prior gives NaN, as in pandas
            delta = (np.log((yi + alpha) / (ni + alpha0 - yi - alpha))
                     - np.log((yj + alpha) / (nj + alpha0 - yj - alpha)))
            z = delta / np.sqrt(1.0 / (yi + alpha) + 1.0 / (yj + alpha))
        terms = self.vocabulary[keep].to_numpy()
        out = set()
        for side, pos in ((group_i, np.flatnonzero(delta >= 0)), (group_j, np.flatnonzero(~(delta >= 0)))):
            order = pos[np.lexsort((pos, -np.abs(z[pos])))][:k]  # by |z|, ties by term (positions are term order)
            out.update((t, side) for t in terms[order])
        return out


def _ranked(table: pd.DataFrame, group_i: str, group_j: str) -> pd.DataFrame:
    table["group"] = np.where(table["delta"] >= 0, group_i, group_j)
    # rank within side by |z|; ties (common among rare terms) broken alphabetically
    table = table.assign(_s=-table["z"].abs()).sort_values(["group", "_s", "term"], kind="stable")
    table["rank"] = table.groupby("group").cumcount() + 1
    return table.drop(columns="_s").sort_values("z", ascending=False, kind="stable").reset_index(drop=True)


def top_terms(table: pd.DataFrame, k: int = 10) -> pd.DataFrame:
    """The ``k`` most distinctive terms on each side of a :func:`keyness` table."""
    return table[table["rank"] <= k].sort_values(["group", "rank"]).reset_index(drop=True)


def leave_one_out(
    counts: pd.DataFrame,
    groups: Mapping[str, str] | pd.Series,
    group_i: str,
    group_j: str,
    k: int = 10,
    alpha0: float = DEFAULT_ALPHA0,
) -> pd.DataFrame:
    """How stable is the top-``k`` list when any one article is left out?

    Recomputes :func:`keyness` once without each document (a run in which a
    group would be empty is recorded as impossible, not skipped silently).
    Returns the full-corpus top-``k`` terms with ``kept`` (runs in which the
    term stays in the top ``k`` of the same side), ``runs`` (possible runs),
    ``articles`` (the articles with terms in either group: ``runs`` falls short of
    it by the articles that are their group's only one), ``dropped_by`` (the
    documents whose removal pushes it out, ``|``-joined) and ``stable`` (kept in
    every possible run).
    """
    full = top_terms(keyness(counts, groups, group_i, group_j, alpha0), k)
    groups = pd.Series(groups, dtype=object)
    sums = GroupTermSums(counts)
    docs = sorted(d for d in counts["doc_id"].unique() if groups.get(d) in (group_i, group_j))
    kept = {t: 0 for t in full["term"]}
    dropped_by: dict[str, list[str]] = {t: [] for t in full["term"]}
    runs = 0
    for d in docs:
        rest = groups.drop(d)
        if not (rest == group_i).any() or not (rest == group_j).any():
            continue
        runs += 1
        still = sums.top_pairs(rest, group_i, group_j, k, alpha0)
        for term, side in zip(full["term"], full["group"]):
            if (term, side) in still:
                kept[term] += 1
            else:
                dropped_by[term].append(d)
    full = full[["term", "group", "rank", "n_i", "n_j", "delta", "se", "z"]].copy()
    full["kept"] = full["term"].map(kept)
    full["runs"] = runs
    full["articles"] = len(docs)
    full["dropped_by"] = full["term"].map(lambda t: "|".join(dropped_by[t]))
    full["stable"] = (full["kept"] == runs) & (runs > 0)
    return full


# --------------------------------------------------------------------------- codings and relabellings

def codings(documents: pd.DataFrame, outlets: pd.DataFrame) -> pd.DataFrame:
    """Every way of coding the media system that the registry allows.

    Each outlet marked ``ambiguous`` that has articles in ``documents`` can keep its registry ``media_system``
    ("as registry"), move to its ``alternative_media_system`` ("moved") or be
    left out ("left out"); all combinations are returned (3**k codings for k
    ambiguous outlets). Returns one row per coding and document: ``coding``
    (a readable label, "registry" for the baseline), ``doc_id``, ``outlet`` and
    ``media_system`` (NA when left out).
    """
    import itertools

    need = {"outlet", "media_system", "ambiguous", "alternative_media_system"}
    if need - set(outlets.columns):
        raise ValueError(f"outlet registry lacks columns {sorted(need - set(outlets.columns))}")
    reg = outlets.set_index("outlet")
    present = set(documents["outlet"])  # an ambiguous outlet with no article here changes no coding
    amb = [o for o in reg.index[reg["ambiguous"].astype(str).str.lower().isin(["true", "1", "yes"])] if o in present]
    for o in amb:
        if reg.at[o, "alternative_media_system"] not in ("state", "independent"):
            raise ValueError(f"ambiguous outlet {o!r} has no alternative media system")
    missing = sorted(set(documents["outlet"]) - set(reg.index))
    if missing:
        raise ValueError(f"documents from outlets missing in the registry: {missing}")
    rows = []
    for choice in itertools.product(("as registry", "moved", "left out"), repeat=len(amb)):
        system = reg["media_system"].astype(object).copy()
        parts = []
        for o, c in zip(amb, choice):
            if c == "moved":
                system[o] = reg.at[o, "alternative_media_system"]
                parts.append(f"{o} -> {system[o]}")
            elif c == "left out":
                system[o] = pd.NA
                parts.append(f"{o} left out")
        label = "; ".join(parts) or "registry"
        for doc_id, outlet in documents["outlet"].items():
            rows.append((label, doc_id, outlet, system[outlet]))
    return pd.DataFrame(rows, columns=["coding", "doc_id", "outlet", "media_system"])


def across_codings(coding_table: pd.DataFrame, compute) -> pd.DataFrame:
    """Run ``compute(groups)`` under every coding of :func:`codings`.

    ``compute`` takes a Series doc_id -> media system (left-out articles
    dropped) and returns a mapping finding -> value (a boolean for "does the
    finding hold"). Returns one row per coding, one column per finding, the
    registry coding first.
    """
    out = {}
    for label, grp in coding_table.groupby("coding", sort=False):
        groups = grp.dropna(subset=["media_system"]).set_index("doc_id")["media_system"]
        out[label] = dict(compute(groups))
    table = pd.DataFrame.from_dict(out, orient="index")
    table.index.name = "coding"
    order = ["registry"] + sorted(i for i in table.index if i != "registry")
    return table.loc[[i for i in order if i in table.index]]
