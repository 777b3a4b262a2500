"""helpers.report.style and helpers.report.palette: one palette, stable outlet colours that keep to their
system's family, and a style applied only when asked."""
import subprocess
import sys

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.report import palette
from helpers.report.style import (LEVEL_COLORS, MEDIA_SYSTEM_COLORS, OKABE_ITO, SEGMENT_KIND_COLORS, STYLE,
                                  apply_style, outlet_colors, source_note)


def test_okabe_ito_palette_is_the_published_one():
    assert len(OKABE_ITO) == 9 and len(set(OKABE_ITO.values())) == 9
    assert OKABE_ITO["vermillion"] == "#D55E00" and OKABE_ITO["blue"] == "#0072B2"


@pytest.mark.parametrize("mapping", [MEDIA_SYSTEM_COLORS, SEGMENT_KIND_COLORS, LEVEL_COLORS])
def test_colour_maps_use_distinct_colours(mapping):
    assert len(set(mapping.values())) == len(mapping)


def test_one_colour_means_one_thing():
    """Structure (segment kinds), exchange levels and media systems or outlets never share a colour."""
    systems = set(palette.colours("media_system").values())
    outlets = {c for s in ("state", "independent", "other") for c in palette.family(s)}
    for other in (SEGMENT_KIND_COLORS, LEVEL_COLORS):
        assert not set(other.values()) & (systems | outlets)
    assert not set(palette.family("state")) & set(palette.family("independent"))
    assert MEDIA_SYSTEM_COLORS["state"] in palette.family("state")
    assert MEDIA_SYSTEM_COLORS["independent"] in palette.family("independent")


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(st.text(min_size=1, max_size=8), st.sampled_from(["state", "independent", "odd"]), max_size=12))
def test_outlet_colours_keep_to_their_system_and_are_stable(systems):
    colours = palette.outlet_colors(systems)
    assert colours == palette.outlet_colors(dict(reversed(list(systems.items()))))  # order does not matter
    for name, system in systems.items():
        assert colours[name] in palette.family(system)
        other = {"state": "independent", "independent": "state"}.get(system)
        if other:
            assert colours[name] not in palette.family(other) + [MEDIA_SYSTEM_COLORS[other]]
    for system in set(systems.values()):  # distinct while the family has colours left
        used = [colours[n] for n, s in systems.items() if s == system]
        if len(used) <= len(palette.family(system)):
            assert len(set(used)) == len(used)


def test_outlet_colors_takes_names_a_mapping_or_a_table():
    table = pd.DataFrame({"outlet": ["B", "A", "A"], "media_system": ["state", "independent", "independent"]})
    assert outlet_colors(table) == outlet_colors({"A": "independent", "B": "state"})
    names = outlet_colors(["Hanoi Times", "Korea JoongAng Daily", "Nowhere Gazette"])  # the seeds' registry
    assert names["Hanoi Times"] in palette.family("state")
    assert names["Korea JoongAng Daily"] in palette.family("independent")
    assert names["Nowhere Gazette"] in palette.family("other")
    assert outlet_colors([]) == {}


def test_importing_changes_no_rc_params_and_apply_style_does():
    code = ("import matplotlib as mpl; before = dict(mpl.rcParams); "
            "import helpers, helpers.report.style as s; assert dict(mpl.rcParams) == before; "
            "s.apply_style(); assert mpl.rcParams['axes.titlelocation'] == 'left'; "
            "cycle = mpl.rcParams['axes.prop_cycle'].by_key()['color']; "
            "assert not set(cycle) & set(s.MEDIA_SYSTEM_COLORS.values())")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_apply_style_sets_every_style_key():
    import matplotlib as mpl

    with mpl.rc_context():
        apply_style()
        for key, value in STYLE.items():
            got = mpl.rcParams[key]
            assert (list(got) if isinstance(value, tuple) else got) == (list(value) if isinstance(value, tuple) else value)


def test_source_note_adds_one_text_under_the_figure():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, _ = plt.subplots()
    source_note(fig, "Source: test")
    assert [t.get_text() for t in fig.texts] == ["Source: test"] and fig.texts[0].get_position()[1] < 0
    plt.close(fig)


def test_timeline_grey_is_the_palettes_other():
    from helpers.events.chronology import OTHER_COLOR

    assert OTHER_COLOR == palette.colours("media_system")["other"]
