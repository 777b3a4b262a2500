"""Figures stay legible at any size: legends under the axes, imprecise dates as spans, crowds aggregated.

Every event, outlet and person here is invented for the tests.
"""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from helpers.events.chronology import MAX_OUTLETS, fold_outlets, plot_event_timeline  # noqa: E402
from helpers.report.exchanges import plot_exchanges  # noqa: E402
from helpers.report.style import outlet_colors  # noqa: E402


def _points(n_outlets: int, n_events: int = 6) -> pd.DataFrame:
    rows = []
    for e in range(n_events):
        for o in range(n_outlets):
            year = 1950 + 5 * e
            precise = (e + o) % 2 == 0
            rows.append(dict(event_id=f"E{e}", event=f"visit · Person {e} · {year}", outlet=f"Outlet {o:02d}",
                             media_system="state" if o % 3 else "independent",
                             date_start=pd.Timestamp(year, 3, 4) if precise else pd.Timestamp(year, 1, 1),
                             date_end=pd.Timestamp(year, 3, 4) if precise else pd.Timestamp(year, 12, 31),
                             precision="day" if precise else "year"))
    return pd.DataFrame(rows)


def _below_axes(fig, ax) -> bool:
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    legend = ax.get_legend().get_window_extent(renderer)
    return legend.y1 <= ax.get_window_extent(renderer).y0


@pytest.mark.parametrize("n_outlets", [2, 20])
def test_timeline_legend_is_under_the_axes_and_short(n_outlets):
    points = _points(n_outlets)
    fig, ax = plot_event_timeline(points, outlet_colors(points[["outlet", "media_system"]]), 1945, 1990)
    assert _below_axes(fig, ax)
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert len(labels) <= MAX_OUTLETS + 2  # the outlets drawn (some folded) and the span key
    if n_outlets > MAX_OUTLETS:
        assert any("other" in t for t in labels)
    plt.close(fig)


def test_year_only_dates_are_drawn_over_their_year():
    points = _points(2, 2)
    fig, ax = plot_event_timeline(points, outlet_colors(points[["outlet", "media_system"]]), 1945, 1960)
    spans = [seg for coll in ax.collections if hasattr(coll, "get_segments") for seg in coll.get_segments()]
    widths = sorted(abs(s[1][0] - s[0][0]) for s in spans)  # in days (matplotlib date units)
    assert widths and all(w >= 365 for w in widths)
    assert len(widths) == int((points["precision"] == "year").sum())
    plt.close(fig)


def test_fold_outlets_keeps_every_point():
    points = _points(20)
    folded = fold_outlets(points)
    assert len(folded) == len(points) and folded["outlet"].nunique() <= MAX_OUTLETS + 1


def test_crowded_exchanges_share_labels():
    rows = [dict(visitor=f"Envoy {i}", visitor_id=f"envoy_{i}", from_country="VNM", to_country="PRK",
                 date_start=f"{2011 + i % 2}-0{1 + i % 9}", date_end=f"{2011 + i % 2}-0{1 + i % 9}",
                 level="delegation") for i in range(40)]
    rows.append(dict(visitor="Envoy X", visitor_id="envoy_x", from_country="VNM", to_country="PRK",
                     date_start="1960", date_end="1960", level="government"))
    fig, ax = plot_exchanges(pd.DataFrame(rows), [("VNM", "PRK")])
    labels = [t.get_text() for t in ax.texts]
    assert len(labels) <= 4 and any(t.startswith("40 visits") for t in labels)
    assert _below_axes(fig, ax)
    plt.close(fig)


def test_composition_folds_outlets_beyond_the_cap():
    from helpers.report.overview_figures import MAX_OUTLET_ROWS, _outlet_rows

    outlet = pd.Series([f"Outlet {i % 30:02d}" for i in range(300)] + ["Outlet 00"] * 5)
    rows = _outlet_rows(outlet, MAX_OUTLET_ROWS)
    assert rows.nunique() == MAX_OUTLET_ROWS and len(rows) == len(outlet)
    assert (rows == f"{30 - MAX_OUTLET_ROWS + 1} other outlets").sum() > 0 and (rows == "Outlet 00").sum() == 15
