"""The reference chronology: its loader validates, and the shipped file is well formed."""
import pandas as pd
import pytest

from helpers.dates import anniversary as an
from helpers.dates.intervals import parse_interval
from helpers.dates.reference import COLUMNS, citation, load_reference_chronology, preferred_references
from helpers.paths import data_file


def _row(**kw):
    base = dict(event_id="e", phase="", parent_id="", kind="visit", description="A visit", participants="",
                from_country="", to_country="", date="2000-01-02", end_date="", precision="day", aliases="",
                preferred="True", source_outlet="Outlet", source_title="Title", source_date="", url="https://x.example/",
                note="")
    base.update(kw)
    return base


def test_loader_accepts_a_valid_table_and_makes_preferred_bool():
    t = load_reference_chronology(pd.DataFrame([_row(), _row(preferred="False", date="2000-01", precision="month")]))
    assert t["preferred"].tolist() == [True, False]
    assert len(preferred_references(t)) == 1


@pytest.mark.parametrize("rows, message", [
    ([_row(precision="week")], "precision"),
    ([_row(date="2000-13-01")], "row 2"),
    ([_row(date="2000-01")], "not given at day precision"),
    ([_row(url="")], "needs a source"),
    ([_row(), _row()], "exactly one preferred"),
    ([_row(preferred="False")], "exactly one preferred"),
    ([_row(parent_id="trip")], "parent_id"),
    ([_row(preferred="maybe")], "preferred"),
])
def test_loader_names_the_problem(rows, message):
    with pytest.raises(ValueError, match=message):
        load_reference_chronology(pd.DataFrame(rows))


def test_loader_names_the_file(tmp_path):
    path = tmp_path / "refs.csv"
    pd.DataFrame([_row()]).drop(columns=["url"]).to_csv(path, index=False)
    with pytest.raises(ValueError, match=r"refs\.csv: missing column\(s\) url"):
        load_reference_chronology(path)
    with pytest.raises(FileNotFoundError, match="nope.csv"):
        load_reference_chronology(tmp_path / "nope.csv")


def test_shipped_chronology_is_well_formed():
    t = load_reference_chronology()
    assert list(t.columns) == list(COLUMNS)
    assert (t["url"].str.startswith("http")).all()
    gazetteer = pd.read_csv(data_file("gazetteer.csv"), dtype=str, keep_default_na=False)
    ids = set(gazetteer["entity_id"])
    named = {p for ps in t["participants"] for p in ps.split("|") if p}
    assert named <= ids, named - ids
    # a phase lies inside the preferred dates of its trip
    pref = preferred_references(t).set_index("event_id")
    for r in pref[pref["parent_id"] != ""].itertuples():
        a = parse_interval(pref.loc[r.Index, "date"], pref.loc[r.Index, "end_date"])
        b = parse_interval(pref.loc[r.parent_id, "date"], pref.loc[r.parent_id, "end_date"])
        assert b.start <= a.start and a.end <= b.end, r.Index


def test_anniversary_resolver_reads_the_preferred_claims():
    refs = {r.event_id: r for r in an.load_references()}
    assert set(refs) == set(preferred_references()["event_id"])
    table = an.reference_dates()
    row = table.set_index("event_id").loc["dprk_usa_summit_hanoi_2019"]
    assert row["end_date"] == "2019-02-28" and "http" in row["source"]


def test_citation_joins_the_parts_it_has():
    assert citation(pd.Series(_row(source_date="2019-02-25"))) == 'Outlet, "Title", 2019-02-25, https://x.example/'
    assert citation(pd.Series(_row(source_title=""))) == "Outlet, https://x.example/"
