"""helpers.report.style: palette members, distinct colours, and a style applied only when asked."""
import subprocess
import sys

import pytest

from helpers.report.style import (MEDIA_SYSTEM_COLORS, OKABE_ITO, SEGMENT_KIND_COLORS, STYLE, apply_style,
                                  outlet_colors, source_note)


def test_okabe_ito_palette_is_the_published_one():
    assert len(OKABE_ITO) == 9 and len(set(OKABE_ITO.values())) == 9
    assert OKABE_ITO["vermillion"] == "#D55E00" and OKABE_ITO["blue"] == "#0072B2"


@pytest.mark.parametrize("mapping", [MEDIA_SYSTEM_COLORS, SEGMENT_KIND_COLORS])
def test_colour_maps_use_distinct_palette_members(mapping):
    assert set(mapping.values()) <= set(OKABE_ITO.values())
    assert len(set(mapping.values())) == len(mapping)


def test_outlet_colours_are_stable_distinct_and_from_the_palette():
    a = outlet_colors(["B", "A", "C", "A"])
    assert a == outlet_colors(["C", "B", "A"])  # order and repeats do not matter
    assert len(set(a.values())) == 3 and set(a.values()) <= set(OKABE_ITO.values())
    assert outlet_colors([]) == {}


def test_importing_changes_no_rc_params_and_apply_style_does():
    code = ("import matplotlib as mpl; before = dict(mpl.rcParams); "
            "import helpers, helpers.report.style as s; assert dict(mpl.rcParams) == before; "
            "s.apply_style(); assert mpl.rcParams['axes.titlelocation'] == 'left'; "
            "assert mpl.rcParams['axes.prop_cycle'].by_key()['color'][0] == s.OKABE_ITO['blue']")
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
