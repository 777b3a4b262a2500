"""Frames in notebook 04: precision and judged share, estimated densities per row, the group test worded from
what its group sizes allow, quotations; and the figure on the corpus."""
import re

import matplotlib
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.analysis.frames import frame_density, frame_matches, frame_precision, load_frames, match_weights
from helpers.report.framing_frames import (density_table, fmt_p, frame_permutations, frame_tables, judged_note,
                                           judged_table, largest_gap, permutation_note, plot_frame_heatmap,
                                           precision_note, precision_table, quote_drop, quote_note, quoted_matches,
                                           scope_note, wrong_matches)
from helpers.report.framing_units import outlets_per_group, row_units, unit_groups

matplotlib.use("Agg")


def _precision():
    return pd.DataFrame({"frame": ["f", "g"], "matches": [5, 3], "judged": [4, 0], "unjudged": [1, 3],
                         "sample": [4, 2], "correct": [2, 2], "precision": [0.5, 1.0], "low": [0.15, 0.34],
                         "high": [0.85, 1.0]})


def _judged():
    return pd.DataFrame({"doc_id": ["a"] * 4 + ["b"] * 4, "sent_id": range(8), "term": list("wxyzwxyz"),
                         "frame": ["f"] * 5 + ["g"] * 3, "correct": ["yes", "no", "yes", "no", None, None, None, None],
                         "note": ["", "bad", "", "worse", "", "", "", ""], "in_quote": [False] * 7 + [True]})


def test_precision_table_and_note_keep_unjudged_apart():
    t = precision_table(_precision(), ["g", "f"])
    assert t.index.tolist() == ["g", "f"] and t.loc["f", "95% interval"] == "0.15–0.85"
    note = precision_note(_precision(), _judged())
    assert note.startswith("The judged sample holds 6 matches read in context, 2 of them wrong: a precision of "
                           "**66.7%** (lowest frame: f, 50% of 4); 2 judged matches of the sample lie in articles "
                           "outside this corpus. Of this corpus's 8 indicator matches, 4 are judged and **4 are not** "
                           "(50%). An unjudged match counts below with its frame's precision")
    assert note.endswith("The wrong ones, with the reason:")
    full = precision_note(_precision(), _judged().assign(correct="yes"))
    assert "**0 are not**" in full and "unjudged match counts" not in full and "wrong ones" not in full
    w = wrong_matches(_judged(), pd.Series({"a": "A · 1", "b": "B · 2"}))
    assert w["article"].tolist() == ["A · 1", "A · 1"] and w["note"].tolist() == ["bad", "worse"]


def _density():
    j = _judged()
    return frame_density(j.assign(weight=match_weights(j, _precision())), {"a": 100, "b": 200, "c": 50}, ["f", "g"])


def test_judged_table_shows_raw_and_estimated_density_with_the_judged_share():
    labels = pd.Series({"a": "A", "b": "B", "c": "C"})
    docs = pd.DataFrame({"outlet": ["X", "X", "Y"], "media_system": ["state", "state", "independent"]},
                        index=["a", "b", "c"])
    t = judged_table(_density(), row_units(docs, labels))
    assert t.loc["A"].tolist() == [4, "100%", 40.0, 20.0] and t.loc["B", "judged"] == "0%"
    assert t.loc["B", "estimated per 1,000"] == pytest.approx(1000 * (0.5 + 3 * 1.0) / 200)
    assert t.loc["C", "judged"] == "–"
    pooled = judged_table(_density(), row_units(docs, labels, max_rows=2))
    assert pooled.loc["X (state)", "articles"] == 2 and pooled.loc["X (state)", "judged"] == "50%"
    assert pooled.loc["X (state)", "raw per 1,000"] == pytest.approx(1000 * 8 / 300)
    assert judged_note(_density()).startswith("Judged in full: 1 article; in part: 0; not at all: 1; 1 article with no "
                                              "indicator match.")


def test_density_rows_per_article_or_outlet_and_group_means():
    docs = pd.DataFrame({"outlet": ["X", "X", "Y"], "media_system": ["state", "state", "independent"]},
                        index=["a", "b", "c"])
    groups = docs["media_system"]
    per, gd = frame_tables(_density(), groups, ["g", "f"])
    assert list(per.columns) == ["g", "f"] and gd.loc["mean of state", "f"] == pytest.approx((20 + 2.5) / 2)
    assert largest_gap(gd) == "f"
    t = density_table(per, _density(), row_units(docs, pd.Series({"a": "A", "b": "B", "c": "C"})))
    assert t.index.tolist() == ["A · 100% judged", "B · 0% judged", "C · – judged"]
    t = density_table(per, _density(), row_units(docs, pd.Series({"a": "A", "b": "B", "c": "C"}), max_rows=2))
    assert t.index.tolist() == ["X (state) · 2 articles · 50% judged", "Y (independent) · 1 article · – judged"]
    assert t.iloc[0]["f"] == pytest.approx((20 + 2.5) / 2)


def _plan(n_i, n_j, relabellings, min_p, method="exact"):
    return {"method": method, "relabellings": relabellings, "resamples": relabellings if method == "exact" else 9999,
            "min_p": min_p, "n_i": n_i, "n_j": n_j}


def test_permutation_note_says_nothing_can_be_significant_only_when_true():
    gd = pd.DataFrame({"f": [1.0, 9.0]}, index=["mean of state", "mean of independent"])
    perm = pd.DataFrame({"diff": [-8.0], "p": [0.1], "p (Holm)": [0.1]}, index=["f"])
    outlets = pd.DataFrame({"articles": [3, 2], "outlets": [3, 2]}, index=["state", "independent"])
    small = permutation_note(gd, perm, _plan(3, 2, 10, 0.1), outlets)
    assert "there are 10, so the smallest p-value any data could give is **0.10**, above 0.05" in small
    assert "Frames with p" not in small
    big = permutation_note(gd, perm.assign(p=0.004, **{"p (Holm)": 0.004}), _plan(18, 2, 190, 1 / 190), outlets)
    assert "the smallest p-value they allow is 0.0053, so the test can detect a difference" in big
    assert "Frames with p < 0.05: **f** (p = 0.004); after Holm's correction for the 1 frame tested: f." in big
    assert "the state group's 3 articles come from 3 outlets; the independent group's 2 articles come from 2" in big
    mc = scope_note(_plan(400, 400, 1e238, 1e-4, "Monte Carlo"))
    assert mc.startswith("A Monte Carlo permutation test compares the observed gap with 9,999 random relabellings")


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 12), st.integers(1, 12))
def test_the_test_wording_follows_the_group_sizes(n_i, n_j):
    ids = [f"d{i}" for i in range(n_i + n_j)]
    groups = pd.Series(["state"] * n_i + ["independent"] * n_j, index=ids)
    per = pd.DataFrame({"f": range(n_i + n_j)}, index=ids, dtype=float)
    perm, plan = frame_permutations(per, groups)
    text = scope_note(plan)
    assert f"({n_i} and {n_j})" in text
    assert ("no difference can be significant" in text) == (plan["min_p"] > 0.05)
    assert (perm["p"] >= plan["min_p"] - 1e-12).all() and (perm["p (Holm)"] >= perm["p"] - 1e-12).all()


def test_fmt_p_never_uses_scientific_notation():
    for p in (0.5, 0.049, 1 / 190, 1 / 66961, 1e-7):
        assert "e" not in fmt_p(p) and float(fmt_p(p)) == pytest.approx(p, rel=0.05)


def test_quotes_drop_and_note():
    j = _judged()
    units = pd.Series({"a": "A", "b": "B", "c": "C"})
    q = quoted_matches(j, units)
    assert q.to_dict("records") == [{"article": "B", "frame": "g", "matches": 3, "in quotes": 1}]
    w = j.assign(weight=match_weights(j, _precision()))
    n_words = {"a": 100, "b": 200, "c": 50}
    d = quote_drop(frame_density(w, n_words, ["f", "g"]), frame_density(w, n_words, ["f", "g"], exclude_quotes=True),
                   "g")
    assert d["doc_id"] == "b" and d["all"] == 15 and d["own"] == 10 and d["quoted_share"] == pytest.approx(1 / 3)
    assert "falls from 15.0 to 10.0" in quote_note(d, units) and "so 33% of its g-frame" in quote_note(d, units)
    none = quote_drop(frame_density(w, n_words, ["f"]), frame_density(w, n_words, ["f"], exclude_quotes=True), "f")
    assert none["doc_id"] is None and quote_note(none, units) == ("No f-frame match sits inside a spoken quotation "
                                                                  "in any article.")


def test_heatmap_draws_on_the_corpus(corpus):
    from helpers.report.labels import article_labels

    frames = load_frames()
    precision, judged = frame_precision(frame_matches(corpus.sentences, frames))
    density = frame_density(judged.assign(weight=match_weights(judged, precision)), corpus.documents["n_words"],
                            frames["frame"])
    groups = corpus.documents["media_system"]
    units = row_units(corpus.documents, article_labels(corpus.documents))
    per, gd = frame_tables(density, groups, frames["frame"])
    table = density_table(per, density, units)
    fig, ax = plot_frame_heatmap(table, gd, unit_groups(units, groups))
    assert len(ax.get_yticklabels()) == len(table) + len(gd)
    peak = table.stack().idxmax()  # the title names the densest row and frame
    title = ax.get_title(loc="left")
    assert peak[1] in title and peak[0] in title
    assert len({t.get_color() for t in ax.get_yticklabels()}) == 2  # one colour per media system
    assert not re.search(r"\b(five|5) articles\b", title)
    outlets = outlets_per_group(corpus.documents, groups)
    assert outlets["articles"].sum() == len(corpus.documents)
    import matplotlib.pyplot as plt
    plt.close("all")
