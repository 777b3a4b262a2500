"""Publication dates of invented page heads, loaded end to end: the date, its precision and its basis.

Every page here is invented for these tests (outlets, names, events). Each case is a page head (menus,
header dates, stamps, bylines, an agency dateline), one body paragraph, sometimes a tail (a "More From"
list, a copyright line), a catalog ``published`` (or none) and the outlet's recorded ``date_order``.
"""
from __future__ import annotations

import pandas as pd
import pytest

from helpers.corpus.files import decoded
from helpers.corpus.load import CorpusError, read_tables

BODY = "The two ministers met in the port city on Tuesday and agreed to expand the trade in rice and fertiliser."
TITLE = "Ferry route links two river ports"
MENU = "Home | World | Business | Travel | Culture | Sports | Opinion | Video"
MORE_FROM = ["More From Example Times", "Rice harvest sets a record - March 3, 2023",
             "Port city opens a new bridge | 2023-03-02", "By Staff Reporter   March 1, 2023 | 10:00 am"]
ANNIVERSARY = "January 31 marks the 70th anniversary of the establishment of diplomatic relations."

# name: (lines of the page, catalog published, outlet, expected published at its precision, precision, basis)
CASES = {
    "above, pipe and time": ([MENU, "February 25, 2019 | 10:17 pm PT", "", TITLE, BODY], "", "Plain", "2019-02-25",
                             "day", "stated"),
    "byline line below": ([TITLE, "By Le Thi Hoa   February 24, 2019 | 11:21 pm PT", BODY], "", "Plain", "2019-02-24",
                          "day", "stated"),
    "dash and 24-hour time": ([TITLE, "February 06, 2025 - 22:05", BODY], "", "Plain", "2025-02-06", "day", "stated"),
    "abbreviated month above": (["Mar 01, 2019", TITLE, BODY], "", "Plain", "2019-03-01", "day", "stated"),
    "published label, ISO": ([TITLE, "Published : 2025-10-09", BODY], "", "Plain", "2025-10-09", "day", "stated"),
    "published beats a nearer update": ([TITLE, "Updated: 2025-10-11 09:00", "Published: 2025-10-09 08:00", BODY], "",
                                        "Plain", "2025-10-09", "day", "stated"),
    "both on one line": ([TITLE, "Published: 9 Oct. 2025, 08:00 Updated: 11 Oct. 2025, 09:00", BODY], "", "Plain",
                         "2025-10-09", "day", "stated"),
    "update stamp only": ([TITLE, "Updated: 2025-10-11", BODY], "", "Plain", "2025-10-11", "day", "stated"),
    "update stamp only, catalog": ([TITLE, "Updated: 2025-10-11", BODY], "2025-10-10", "Plain", "2025-10-10", "day",
                                   "catalog"),
    "all-number, day above 12": ([TITLE, "Friday, 25/2/2022, 10:17 (GMT+7)", BODY], "", "Plain", "2022-02-25", "day",
                                 "stated"),
    "all-number, month first": ([TITLE, "02/25/2022", BODY], "", "Plain", "2022-02-25", "day", "stated"),
    "all-number, open order": ([TITLE, "05/03/2024 10:00", BODY], "", "Plain", "2024", "year", "stated"),
    "all-number, outlet day-first": ([TITLE, "05/03/2024 10:00", BODY], "", "Dayfirst", "2024-03-05", "day",
                                     "stated"),
    "all-number, outlet month-first": ([TITLE, "05/03/2024 10:00", BODY], "", "Monthfirst", "2024-05-03", "day",
                                       "stated"),
    "all-number, catalog picks": ([TITLE, "05/03/2024", BODY], "2024-05-03", "Plain", "2024-05-03", "day", "catalog"),
    "year first with dots": ([TITLE, "2024.3.7. 10:15", BODY], "", "Plain", "2024-03-07", "day", "stated"),
    "compact month and day": ([TITLE, "Posted on : Mar.7,2024 16:42 KST", BODY], "", "Plain", "2024-03-07", "day",
                              "stated"),
    "ISO with a time zone": ([TITLE, "2024-03-07T08:00:00+07:00", BODY], "", "Plain", "2024-03-07", "day", "stated"),
    "weekday, day first, section": ([TITLE, "Wednesday, 06 March 2024 09:30 | Politics", BODY], "", "Plain",
                                    "2024-03-06", "day", "stated"),
    "agency dateline, catalog year": ([TITLE, f"Pyongyang, March 29 (KCNA) -- {BODY}"], "2024", "Plain", "2024-03-29",
                                      "day", "catalog"),
    "agency dateline, catalog day": ([TITLE, f"Pyongyang, March 29 (KCNA) -- {BODY}"], "2024-03-29", "Plain",
                                     "2024-03-29", "day", "catalog"),
    "agency dateline across new year": ([TITLE, f"HANOI, Dec. 31 (Yonhap) -- {BODY}"], "2025-01-02", "Plain",
                                        "2024-12-31", "day", "catalog"),
    "agency dateline, year from the text": ([TITLE, f"Pyongyang, January 30 (KCNA) -- {ANNIVERSARY} {BODY}"], "",
                                            "Plain", "2020-01-30", "day", "inferred"),
    "agency dateline, no year anywhere": ([TITLE, f"Pyongyang, March 29 (KCNA) -- {BODY}"], "", "Plain", "", None,
                                          "unknown"),
    "agency dateline with its year": ([TITLE, f"SEOUL, Jan. 31, 2025 (Yonhap) -- {BODY}"], "", "Plain", "2025-01-31",
                                      "day", "stated"),
    "agency dateline, year from the update stamp": ([TITLE, "Updated: 2024-03-08 09:00",
                                                     f"SEOUL, March 7 (Yonhap) -- {BODY}"], "", "Plain", "2024-03-07",
                                                    "day", "stated"),
    "agency dateline on its own line": ([TITLE, "Pyongyang, March 29 (KCNA) --", BODY], "2024", "Plain", "2024-03-29",
                                        "day", "catalog"),
    "Juche numeric": ([TITLE, "Juche113.3.29.", BODY], "", "Plain", "2024-03-29", "day", "stated"),
    "Juche with Gregorian year": ([TITLE, "Juche 113(2024).3.29.", BODY], "", "Plain", "2024-03-29", "day", "stated"),
    "month, day and Juche year": ([TITLE, "March 29, Juche 113 (2024)", BODY], "", "Plain", "2024-03-29", "day",
                                  "stated"),
    "Juche year and agency dateline": (["Juche 112 (2023)", TITLE, f"Pyongyang, March 29 (KCNA) -- {BODY}"], "",
                                       "Plain", "2023-03-29", "day", "stated"),
    "Juche year, catalog day": (["Juche 112 (2023)", TITLE, BODY], "2023-03-29", "Plain", "2023-03-29", "day",
                                "catalog"),
    "Juche year alone": (["Juche 112 (2023)", TITLE, BODY], "", "Plain", "2023", "year", "stated"),
    "site header above a menu": (["Thursday, June 5, 2025", MENU, TITLE, BODY], "2025-06-01", "Plain", "2025-06-01",
                                 "day", "catalog"),
    "site header and a byline stamp": (["Thursday, June 5, 2025", MENU, TITLE, "By Tran Van Binh | June 2, 2025", BODY],
                                       "", "Plain", "2025-06-02", "day", "stated"),
    "crawl date": (["Retrieved 2025-10-09 08:00", TITLE, BODY], "", "Plain", "", None, "unknown"),
    "crawl date and a stamp": (["Retrieved: 2025-10-09 08:00", TITLE, "March 7, 2024", BODY], "", "Plain",
                               "2024-03-07", "day", "stated"),
    "More From list after the body": ([TITLE, BODY, *MORE_FROM], "", "Plain", "", None, "unknown"),
    "More From list, catalog": ([TITLE, BODY, *MORE_FROM], "2024-05", "Plain", "2024-05", "month", "catalog"),
    "copyright line": ([TITLE, BODY, "Copyright March 3, 2021 Example Times. All rights reserved."], "", "Plain", "",
                       None, "unknown"),
    "a date in the story only": ([TITLE, "The fair opened on March 3, 2024 in the port city, its organisers said."],
                                 "", "Plain", "", None, "unknown"),
    "a headline that holds a date": (["Rally Held on June 25, 2024", BODY], "", "Plain", "", None, "unknown"),
    "byline after a standfirst": ([TITLE, "The new route cuts the trip between the two ports to four hours.",
                                   "By Nguyen Lan | March 7, 2024", BODY], "", "Plain", "2024-03-07", "day", "stated"),
    "a head stamp before a link after the lead": (["March 7, 2024", TITLE, BODY, "Port City Bridge Opens | March 1, 2024",
                                                   "Officials expect the route to carry a million people a year."], "",
                                                  "Plain", "2024-03-07", "day", "stated"),
    "a date line deep in the story": ([TITLE, BODY, "Officials expect the route to carry a million people a year.",
                                       "Ferries sail twice a day from the river port, the operator said.",
                                       "March 1, 2024"], "", "Plain", "", None, "unknown"),
    "no stamp, inferred": ([TITLE, ANNIVERSARY, BODY], "", "Plain", "2020-01", "month", "inferred"),
}
OUTLETS = ("outlet,country,ownership,media_system,ambiguous,alternative_media_system,evidence,date_order\n"
           "Plain,VNM,state,state,false,,invented for the tests,\n"
           "Dayfirst,VNM,state,state,false,,invented for the tests,dmy\n"
           "Monthfirst,USA,private,independent,false,,invented for the tests,mdy\n")


def _write(folder, cases, outlets=OUTLETS):
    folder.mkdir()
    rows = ["file,outlet,published,url,note"]
    for i, (lines, published, outlet, *_) in enumerate(cases.values()):
        # a number in the text keeps two pages with the same words apart (the loader refuses duplicates)
        (folder / f"page{i:02d}.txt").write_text("\n".join(lines) + f"\nIt was page {i} of the test set.\n",
                                                 encoding="utf-8")
        rows.append(f"page{i:02d}.txt,{outlet},{published},,")
    (folder / "catalog.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (folder / "outlets.csv").write_text(outlets, encoding="utf-8")


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    folder = tmp_path_factory.mktemp("heads") / "seeds"
    _write(folder, CASES)
    return read_tables(folder, workers=1)


def _at_precision(stamp, precision):
    return "" if pd.isna(stamp) else str(stamp.date())[:{"year": 4, "month": 7, "day": 10}[precision]]


@pytest.mark.parametrize("name", list(CASES))
def test_publication_date_of_a_page_head(loaded, name):
    i = list(CASES).index(name)
    _, _, _, published, precision, basis = CASES[name]
    doc = loaded["documents"].loc[f"page{i:02d}"]
    found_precision = doc["published_precision"] if isinstance(doc["published_precision"], str) else None
    assert (doc["published_basis"], found_precision) == (basis, precision), doc["published_evidence"]
    assert (_at_precision(doc["published"], precision) if precision else "") == published, doc["published_evidence"]


def test_the_chosen_stamp_is_the_dateline_segment_and_other_dates_are_page_dates(loaded):
    segs = loaded["segments"]
    raw = loaded["documents"]["raw"].map(decoded)

    def labelled(name):
        doc = f"page{list(CASES).index(name):02d}"
        return [(k, r, raw[doc][a:b].strip()) for a, b, k, r in segs.loc[segs["doc_id"] == doc,
                                                                        ["start", "end", "kind", "rule"]].values]

    got = labelled("site header and a byline stamp")
    assert ("boilerplate", "page-date", "Thursday, June 5, 2025") in got
    assert ("dateline", "dateline", "By Tran Van Binh | June 2, 2025") in got
    got = labelled("published beats a nearer update")
    assert ("boilerplate", "page-date", "Updated: 2025-10-11 09:00") in got
    assert ("headline", "title", TITLE) in labelled("crawl date")
    assert labelled("a headline that holds a date")[0] == ("headline", "title", "Rally Held on June 25, 2024")


def test_a_catalog_date_that_contradicts_the_page_is_a_reported_problem(tmp_path):
    cases = {"stamp": ([TITLE, "February 25, 2019 | 10:17 pm PT", BODY], "2019-02-20", "Plain"),
             "agency": ([TITLE, f"Pyongyang, March 29 (KCNA) -- {BODY}"], "2024-03-28", "Plain"),
             "agrees": ([TITLE, "February 25, 2019", BODY], "2019-02", "Plain"),
             "year only": (["Juche 112 (2023)", TITLE, BODY], "2024-01-05", "Plain")}
    _write(tmp_path / "seeds", cases)
    tables = read_tables(tmp_path / "seeds", workers=1)
    docs, problems = tables["documents"], tables["problems"]
    assert docs.loc["page00", "published"] == pd.Timestamp("2019-02-25")  # the printed date is used
    assert docs.loc["page01", "published"] == pd.Timestamp("2024-03-29")
    assert docs.loc["page03", "published"] == pd.Timestamp("2023-01-01")
    assert docs.loc["page03", "published_precision"] == "year"
    published = problems[problems["layer"] == "published"].set_index("doc_id")["error"]
    assert set(published.index) == {"page00", "page01", "page03"}
    for doc, printed, cataloged in (("page00", "2019-02-25", "2019-02-20"), ("page01", "March 29", "2024-03-28"),
                                    ("page03", "2023", "2024-01-05")):
        assert published[doc].startswith(f"{doc}.txt: ") and printed in published[doc] and cataloged in published[doc]
        assert "used" in published[doc]


def test_a_date_order_other_than_dmy_or_mdy_stops_the_load(tmp_path):
    outlets = OUTLETS.replace("invented for the tests,mdy", "invented for the tests,ymd")
    _write(tmp_path / "seeds", {"x": ([TITLE, BODY], "", "Plain")}, outlets)
    with pytest.raises(CorpusError, match="date_order 'ymd'"):
        read_tables(tmp_path / "seeds", workers=1)


def test_a_registry_without_the_date_order_column_loads(tmp_path):
    outlets = "\n".join(line.rsplit(",", 1)[0] for line in OUTLETS.splitlines()) + "\n"
    _write(tmp_path / "seeds", {"x": ([TITLE, "05/03/2024", BODY], "", "Plain")}, outlets)
    doc = read_tables(tmp_path / "seeds", workers=1)["documents"].iloc[0]
    assert doc["published_precision"] == "year" and "day-first or month-first" in doc["published_evidence"]
