"""Properties of printed publication dates (hypothesis, derandomized), on invented pages.

- a valid date printed in any stamp shape, with any label, byline or time around it, reads back as itself;
- an all-number date whose day and month are both 12 or less is read only with the outlet's order;
- the stamp by the headline dates the page, whatever other dates a "More From" list after the body, a site
  header above the menu or the story itself print; without a stamp none of those dates is taken;
- a catalog date is reported exactly when it differs from the printed one, and the printed one is used.
"""
from __future__ import annotations

import datetime as dt

import pandas as pd
from hypothesis import given, settings, strategies as st

from helpers.corpus.load import process_document
from helpers.corpus.printed_date import read_stamp, stamp_dates
from helpers.corpus.pubdate import decide_publication
from helpers.dates.grammar import MONTH_ABBREVIATIONS, MONTHS

PROPERTY = settings(max_examples=200, derandomize=True, deadline=None)
DATES = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2099, 12, 31))
BODY = ("The two delegations signed an agreement on river transport in the capital on Monday, officials said.\n"
        "The agreement covers ferries, ports and the training of crews over the next five years.\n")
TITLE = "River transport pact signed"


def _abbreviation(month: int) -> str:
    """'Feb.' for February; May has no abbreviation."""
    return next((a + "." for a in MONTH_ABBREVIATIONS if a.startswith(MONTHS[month - 1][:3])), "May")


def _shapes(d: dt.date) -> dict[str, tuple[str, str | None]]:
    """Each stamp shape of ``d``: (printed text, the outlet order it needs or None)."""
    full, abbr, j = MONTHS[d.month - 1], _abbreviation(d.month), d.year - 1911
    return {
        "month day, year": (f"{full} {d.day}, {d.year}", None),
        "padded abbreviation": (f"{abbr.rstrip('.')} {d.day:02d}, {d.year}", None),
        "abbreviation with dot": (f"{abbr} {d.day} {d.year}", None),
        "weekday, day month year": (f"{d:%A}, {d.day} {full} {d.year}", None),
        "ISO": (d.isoformat(), None),
        "year/month/day": (f"{d.year}/{d.month}/{d.day}", None),
        "year.month.day": (f"{d.year}.{d.month:02d}.{d.day:02d}", None),
        "full month with a dot": (f"{full}. {d.day:02d}, {d.year}", None),
        "compact": (f"{abbr}{d.day},{d.year}" if abbr != "May" else f"May {d.day}, {d.year}", None),
        "day/month/year": (f"{d.day:02d}/{d.month:02d}/{d.year}", "dmy"),
        "month-day-year": (f"{d.month:02d}-{d.day:02d}-{d.year}", "mdy"),
        "day.month.year": (f"{d.day}.{d.month}.{d.year}", "dmy"),
        "Juche numeric": (f"Juche{j}.{d.month}.{d.day}.", None),
        "month day, Juche year": (f"{full} {d.day}, Juche {j} ({d.year})", None),
    }


PREFIXES = ["", "Published: ", "Posted on ", "Date : ", "By Tran Van Binh | ", "By Ana de Souza   ", "Hanoi, ",
            "Source: Example News Agency | "]
SUFFIXES = ["", " | 10:17 pm PT", " - 22:05", " 08:00 (GMT+7)", ", 10:06", " | Updated: 2099-12-31 23:59",
            " | Politics"]


@PROPERTY
@given(DATES, st.sampled_from(sorted(_shapes(dt.date(2000, 1, 1)))), st.sampled_from(PREFIXES),
       st.sampled_from(SUFFIXES))
def test_a_printed_date_reads_back_in_every_shape(d, shape, prefix, suffix):
    text, order = _shapes(d)[shape]
    stamp = read_stamp(f"{prefix}{text}{suffix}")
    assert stamp is not None, f"{prefix}{text}{suffix}"
    stamp = stamp.in_order(order)
    assert (stamp.year, stamp.month, stamp.day) == (d.year, d.month, d.day)
    assert stamp.role == ("published" if prefix.startswith(("Published", "Posted", "Date")) else "plain")


@PROPERTY
@given(DATES)
def test_an_all_number_date_with_day_and_month_up_to_12_needs_the_outlets_order(d):
    stamp = read_stamp(f"{d.day:02d}/{d.month:02d}/{d.year}")
    if d.day > 12 or d.day == d.month:
        assert (stamp.year, stamp.month, stamp.day) == (d.year, d.month, d.day) and not stamp.readings
    else:
        assert stamp.precision == "year" and stamp.year == d.year
        assert stamp.in_order("dmy").month == d.month and stamp.in_order("mdy").month == d.day
        p = decide_publication(stamp, None, None, None)
        assert p.precision == "year" and "day-first or month-first" in p.evidence


def _publication(text: str, catalog=None, order=None):
    fields, _, _ = process_document("x", text)
    return decide_publication(fields["stamp"], fields["agency"], catalog, fields["inferred"], "", order)


def _other_dates(draw_dates):
    return [f"{MONTHS[o.month - 1]} {o.day}, {o.year}" for o in draw_dates]


@PROPERTY
@given(DATES, st.lists(DATES, min_size=1, max_size=6), st.booleans(), st.booleans())
def test_the_stamp_by_the_headline_dates_the_page_not_the_other_dates(d, others, above, header):
    listed = _other_dates(others)
    stamp = f"{MONTHS[d.month - 1]} {d.day}, {d.year} | 09:30"
    head = ([f"{others[0]:%A}, {listed[0]}", "Home | World | Business | Travel | Culture | Sports"] if header else [])
    head += [stamp, TITLE] if above else [TITLE, stamp]
    tail = ["More From Example Times"] + [f"Ferry line opens - {x}" for x in listed] + [f"Copyright {listed[-1]}"]
    story = f"The first ferry sailed on {listed[-1]}, the operator said.\n"
    p = _publication("\n".join(head) + "\n" + BODY + story + "\n".join(tail) + "\n")
    assert (p.published, p.precision, p.basis) == (pd.Timestamp(d), "day", "stated")


@PROPERTY
@given(st.lists(DATES, min_size=1, max_size=6), st.booleans())
def test_without_a_stamp_no_other_date_of_the_page_is_taken(others, header):
    listed = _other_dates(others)
    head = [f"{listed[0]}", "Home | World | Business | Travel | Culture | Sports", TITLE] if header else [TITLE]
    tail = ["More From Example Times"] + [f"Ferry line opens - {x}" for x in listed]
    story = f"The first ferry sailed on {listed[-1]}, the operator said.\n"
    p = _publication("\n".join(head) + "\n" + BODY + story + "\n".join(tail) + "\n")
    assert p.basis == "unknown" and pd.isna(p.published)
    cat = (pd.Timestamp("2024-05-01"), "month", "2024-05")
    p = _publication("\n".join(head) + "\n" + BODY + story + "\n".join(tail) + "\n", catalog=cat)
    assert (p.published, p.basis, p.problem) == (cat[0], "catalog", None)


@PROPERTY
@given(DATES, DATES)
def test_a_catalog_date_is_reported_exactly_when_it_contradicts_the_printed_one(printed, cataloged):
    text = f"{TITLE}\nPublished: {printed.isoformat()} 10:00\n{BODY}"
    cat = (pd.Timestamp(cataloged), "day", cataloged.isoformat())
    p = _publication(text, catalog=cat)
    assert (p.published, p.basis) == (pd.Timestamp(printed), "stated")
    assert (p.problem is not None) == (printed != cataloged)
    if p.problem:
        assert printed.isoformat() in p.problem and cataloged.isoformat() in p.problem
    month = (pd.Timestamp(cataloged.replace(day=1)), "month", f"{cataloged:%Y-%m}")
    p = _publication(text, catalog=month)
    assert (p.problem is not None) == ((printed.year, printed.month) != (cataloged.year, cataloged.month))


@PROPERTY
@given(DATES, DATES)
def test_an_agency_dateline_takes_the_catalog_year_nearest_its_date(printed, cataloged):
    if printed.month == 2 and printed.day == 29:
        return
    text = f"{TITLE}\nPYONGYANG, {MONTHS[printed.month - 1]} {printed.day} (KCNA) -- {BODY}"
    p = _publication(text, catalog=(pd.Timestamp(cataloged), "day", cataloged.isoformat()))
    assert p.basis == "catalog" and (p.published.month, p.published.day) == (printed.month, printed.day)
    assert abs((p.published - pd.Timestamp(cataloged)).days) <= 183
    assert (p.problem is not None) == (p.published != pd.Timestamp(cataloged))


@PROPERTY
@given(st.text(alphabet="abcdefghij ,.:|-/0123456789ABCDEFGHIJ", max_size=80))
def test_stamp_lines_are_read_without_errors(line):
    dates = stamp_dates(line)
    assert dates is None or all(role in ("published", "plain", "updated", "crawl", "copyright") for role, _ in dates)
    read_stamp(line)


def test_a_page_head_of_many_stamp_lines_is_read_in_linear_time():
    """20,000 stamp lines and no prose: every line is read once, and the choice looks at each once."""
    import time

    text = "Headline of the page\n" + "March 3, 2024 | 10:00\n" * 20_000
    t0 = time.perf_counter()
    process_document("x", text)
    assert time.perf_counter() - t0 < 5
