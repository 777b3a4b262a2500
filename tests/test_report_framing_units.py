"""Which articles notebook 04 compares and how its rows are formed, at any size; its findings and limits, with
every count computed (none typed)."""
import re

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.report.framing_findings import framing_findings_note, limits_note, precision_finding, significance_finding
from helpers.report.framing_units import (MAX_ARTICLE_ROWS, analysable, outlets_per_group, row_units, set_aside_note,
                                          unit_groups, unit_list, unit_published, units_note)


def _docs(outlets, systems=None, words=None):
    n = len(outlets)
    return pd.DataFrame({"outlet": outlets, "media_system": systems or ["state"] * n,
                         "n_words": words or [100] * n,
                         "published": pd.date_range("2020-01-01", periods=n, freq="D"),
                         "published_precision": "day"}, index=[f"d{i}" for i in range(n)])


def test_articles_without_english_body_words_are_set_aside_not_fatal():
    docs = _docs(["X", "X", "Y", "Y"], words=[100, 0, 50, 80])
    problems = pd.DataFrame({"doc_id": ["d2", "d9", "d3"], "layer": ["language", "segment", "duplicate"],
                             "error": ["", "", ""]})
    keep, aside = analysable(docs, problems)
    assert keep.index.tolist() == ["d0", "d3"]  # a duplicate left out by the loader is not in documents anyway
    assert aside["reason"].to_dict() == {"d1": "no body words", "d2": "the body is mostly not English"}
    note = set_aside_note(aside, len(docs))
    assert note.startswith("2 articles of 4 are set aside and counted nowhere below (1 article: no body words; "
                           "1 article: the body is mostly not English)")
    assert set_aside_note(aside.iloc[:0], 4) == "Every one of the 4 articles has English body text; none is set aside."


def test_rows_are_articles_while_readable_then_outlets():
    docs = _docs(["Korean Central News Agency"] * 3 + ["Daily"], ["state"] * 3 + ["independent"])
    labels = pd.Series([f"label {i}" for i in range(4)], index=docs.index)
    assert row_units(docs, labels).tolist() == labels.tolist()
    assert "one row per article" in units_note(row_units(docs, labels))
    units = row_units(docs, labels, max_rows=3)
    assert units.tolist() == ["KCNA (state)"] * 3 + ["Daily (independent)"]
    note = units_note(units, 3)
    assert note.startswith("With 4 articles (more than 3 rows would not read), tables and figures show one row per "
                           "outlet (2 outlets)")
    assert unit_groups(units, docs["media_system"]) == ["state", "independent"]
    assert unit_published(docs, units).to_dict() == {"KCNA (state)": "2020-01-01 – 2020-01-03",
                                                      "Daily (independent)": "2020-01-04"}
    assert MAX_ARTICLE_ROWS >= 20  # a heatmap by article stays readable at twenty articles


def test_unit_list_names_few_articles_and_counts_many_by_outlet():
    docs = _docs(["X"] * 10 + ["Y"])
    labels = pd.Series([f"a{i}" for i in range(11)], index=docs.index)
    units = row_units(docs, labels)
    assert unit_list(["d0", "d1"], units) == "a0, a1"
    outlets = docs["outlet"] + " (state)"
    many = unit_list(list(docs.index), units, outlets, max_listed=8)
    assert many == "X \\(state\\) (10 of 10 articles), Y \\(state\\) (1 article)"
    assert unit_list([], units) == "none"


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["A", "B", "C"]), min_size=2, max_size=60), st.integers(1, 40))
def test_every_article_has_one_row_and_groups_count_every_article(outlets, max_rows):
    systems = ["state" if o != "C" else "independent" for o in outlets]
    docs = _docs(outlets, systems)
    labels = pd.Series([f"l{i}" for i in range(len(docs))], index=docs.index)
    units = row_units(docs, labels, max_rows)
    assert units.index.equals(docs.index) and units.notna().all()
    assert units.nunique() <= max(max_rows, docs["outlet"].nunique())
    sizes = outlets_per_group(docs, docs["media_system"])
    assert sizes["articles"].sum() == len(docs)
    assert re.findall(r"\d+ articles?", units_note(units, max_rows))[:1] in ([], [f"{len(docs)} articles"])


def _findings_inputs():
    precision = pd.DataFrame({"frame": ["f"], "sample": [10], "correct": [9]})
    judged = pd.DataFrame({"doc_id": ["a", "a", "b"], "correct": ["yes", None, None]})
    per = pd.DataFrame({"revolution": [10.0, 2.0, 30.0], "aid": [1.0, 9.0, 1.0]}, index=["a", "b", "c"])
    gd = pd.DataFrame({"revolution": [20.0, 2.0], "aid": [1.0, 9.0]}, index=["mean of state", "mean of independent"])
    perm = pd.DataFrame({"p": [1 / 3, 1 / 3], "p (Holm)": [1.0, 1.0]}, index=["revolution", "aid"])
    plan = {"method": "exact", "relabellings": 3, "resamples": 3, "min_p": 1 / 3, "n_i": 2, "n_j": 1}
    outlets = pd.DataFrame({"articles": [2, 1], "outlets": [2, 1]}, index=["state", "independent"])
    labels = pd.Series({"a": "A · 1", "b": "B · 2", "c": "C · 3"})
    return precision, judged, per, gd, perm, plan, outlets, labels


def _robustness():
    """Two codings, three articles: one finding robust, one resting on article c alone."""
    from helpers.analysis.robustness import robustness_table
    from helpers.report.framing_robustness import Sensitivity

    sens = pd.DataFrame({"robust one": [True, True], "rests on c": [True, True]}, index=["registry", "moved"])
    loo = pd.DataFrame({"robust one": [True] * 3, "rests on c": [True, True, False]}, index=["a", "b", "c"])

    class F:
        measures = {"rests on c": pd.Series({"a": 10.0, "b": 2.0, "c": 30.0})}
        kinds = {"rests on c": "density"}
        sides = {"rests on c": ("state", "independent")}

    groups = pd.Series({"a": "state", "b": "state", "c": "state"})
    groups = pd.concat([groups, pd.Series({"d": "independent"})])
    F.measures["rests on c"]["d"] = 9.0
    return Sensitivity(sens, loo, robustness_table(sens, loo), F(), groups)


def test_findings_quote_every_number_from_the_tables():
    precision, judged, per, gd, perm, plan, outlets, labels = _findings_inputs()
    loo = pd.DataFrame({"stable": [True, False, True], "runs": 3})
    text = framing_findings_note(precision, judged, per, gd, labels, {"doc_id": "b", "quoted_share": 0.4},
                                 _robustness(), loo, perm, plan, outlets)
    lines = text.split("\n")
    assert len(lines) == 8 and all(line.startswith("- **") for line in lines[:5] + lines[6:])
    assert lines[0] == ("- **Precision.** In the judged sample the frame indicators are right 90.0% of the time when "
                        "read in context (10 matches judged; none of the 1 wrong one is in this corpus). 2 of this "
                        "corpus's 3 matches (67%) are unjudged: they count with their frame's "
                        "precision, never as wrong or as absent.")
    assert "mean estimated revolution density is 20.0 per 1,000 words against 2.0" in lines[1]
    assert "densest article is C · 3 (30.0). The largest group gap is in revolution (20.0 vs 2.0)." in lines[1]
    assert "In B · 2, 40% of the revolution-frame" in lines[2]
    assert lines[3] == ("- **Robust** (holds under every one of the 2 codings of the ambiguous outlets and without any "
                        "one of the 3 articles): robust one.")
    assert lines[5] == "    - rests on c: rests on C · 3 alone: 30.0 per 1,000 words against 10.0 and 2.0 for the " \
                       "other state articles; without it the state mean is 6.0 against 9.0."
    assert "2 of 3 top keyness terms" in lines[6]
    assert lines[7] == ("- **Tests.** Groups of 2 and 1 articles allow 3 relabellings; the smallest attainable p-value "
                        "is 0.33, above 0.05, so no frame difference can be significant at that level, whatever the "
                        "data.")
    none = framing_findings_note(precision, judged, per, gd, labels, {"doc_id": None}, None, loo, perm, plan, outlets)
    assert "- **Robustness.** Not tested" in none
    assert "No revolution-frame match sits inside a spoken quotation." in none
    assert precision_finding(precision, judged.assign(correct="yes")).endswith("Every one of this corpus's 3 matches "
                                                                               "is judged.")


def test_significance_finding_reports_a_test_where_the_groups_allow_one():
    precision, judged, per, gd, perm, plan, outlets, labels = _findings_inputs()
    big = {**plan, "relabellings": 62835, "resamples": 62835, "min_p": 1 / 62835, "n_i": 353, "n_j": 2}
    low = perm.assign(p=[0.001, 0.2], **{"p (Holm)": [0.002, 0.2]})
    text = significance_finding(low, big, outlets)
    assert text.startswith("- **Tests.** Groups of 353 and 2 articles allow 62,835 relabellings, enumerated exactly "
                           "(smallest attainable p 0.000016). Frame differences with p < 0.05: revolution; after "
                           "Holm's correction for 2 frames: revolution.")
    assert "one group rests on 1 outlet" in text
    mc = significance_finding(low, {**big, "method": "Monte Carlo", "resamples": 9999, "min_p": 1e-4}, outlets)
    assert "of which a Monte Carlo test drew 9,999 with a fixed seed" in mc


def test_limits_follow_the_outlets_and_the_judged_sample():
    docs = _docs(["X", "Y", "Z"], ["state", "state", "independent"])
    outlets = outlets_per_group(docs, docs["media_system"])
    judgements = pd.DataFrame({"doc_id": ["d0", "d0", "s9"]})
    density = pd.DataFrame({"doc_id": ["d0", "d1", "d2"], "n": [2, 3, 0], "judged": [2, 0, 0]})
    frames = pd.DataFrame({"example_doc_id": ["d0"]})
    text = limits_note(docs, outlets, judgements, density, frames)
    assert "With one article per outlet" in text
    assert ("rests on the judged sample of 3 matches (1 of its articles is in this corpus), drawn from the articles "
            "the codebook's examples come from, so it is an in-sample figure; the estimated densities of the 1 article "
            "with unjudged matches assume it carries over") in text
    more = _docs(["X", "X", "Z"], ["state", "state", "independent"])
    text = limits_note(more, outlets_per_group(more, more["media_system"]), judgements, density,
                       pd.DataFrame({"example_doc_id": ["elsewhere"]}))
    assert "the state group on 1 outlet and the independent group on 1 outlet. With 1 outlet on one side" in text
    assert "in-sample" not in text
