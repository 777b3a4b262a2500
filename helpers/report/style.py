"""One shared figure style for every notebook, applied by an explicit call.

Importing this module changes nothing; :func:`apply_style` sets matplotlib's
rc parameters for the current process. Colours come from the collection's one
palette (:mod:`helpers.report.palette`, ``helpers/data/palette.csv``: Okabe-Ito
and Paul Tol colours, distinguishable under the common colour-vision
deficiencies), so the same media system or outlet always gets the same colour.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from helpers.report import palette
from helpers.report.links import at_precision

# Okabe & Ito (2008), "Color Universal Design".
OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
    "grey": "#999999",
}

# The two media systems a figure compares (``palette.system_colour`` gives 'other' for anything else).
MEDIA_SYSTEM_COLORS = {k: v for k, v in palette.colours("media_system").items() if k != "other"}
OTHER_COLOR = palette.colours("media_system")["other"]
system_colour = palette.system_colour  # any media system's colour, 'other' grey for one the palette does not name
SEGMENT_KIND_COLORS = palette.colours("segment_kind")
LEVEL_COLORS = palette.colours("level")

# Lines and bars that encode no group (a single series) take a neutral colour, never a system's.
_NEUTRAL_CYCLE = ["#444444", OKABE_ITO["grey"], "#BBBBBB"]

STYLE = {
    "figure.figsize": (8.0, 4.0),
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "legend.frameon": False,
    "svg.hashsalt": "vn-dprk-press",
}


TABLE_COLUMN_WIDTH = None  # characters a table cell shows: all of them (evidence is shown whole, never cut)


def apply_style() -> None:
    """Apply the collection's figure style to matplotlib and its table options to pandas (call once per
    notebook): cells are never cut (``display.max_colwidth`` None), so a sentence of evidence is shown whole
    and the page wraps it."""
    import matplotlib as mpl
    from cycler import cycler

    mpl.rcParams.update(STYLE)
    mpl.rcParams["axes.prop_cycle"] = cycler(color=_NEUTRAL_CYCLE)
    pd.set_option("display.max_colwidth", TABLE_COLUMN_WIDTH)


def outlet_colors(outlets: Iterable[str] | Mapping[str, str] | pd.DataFrame) -> dict[str, str]:
    """A stable colour per outlet, from its own media system's family (:func:`helpers.report.palette.outlet_colors`):
    a state outlet is never drawn in a colour of the independent family, nor the other way round.

    ``outlets`` is a mapping ``outlet -> media system``, a table with ``outlet`` and ``media_system`` columns
    (the documents or the outlet registry), or bare names, whose systems are then read from the outlet
    registry of the corpus the notebooks read (``outlets.csv``; a name it does not list is ``other``, grey).
    Order and repeats do not matter.
    """
    if isinstance(outlets, pd.DataFrame):
        systems = dict(zip(outlets["outlet"].astype(str), outlets["media_system"].astype(str)))
    elif isinstance(outlets, Mapping):
        systems = {str(k): str(v) for k, v in outlets.items()}
    else:
        systems = palette.registry_systems(set(map(str, outlets)))
    return palette.outlet_colors(systems)


def legend_below(ax, handles=None, ncol: int = 2, gap: float = 0.5, **kwargs):
    """A legend under the axes (below its tick labels and x label), where it can cover no data.

    ``gap`` is the distance in inches from the bottom of the axes to the legend's top (room for the tick labels
    and the axis label); ``handles`` default to the axes' labelled artists; other arguments go to ``legend``.
    """
    from matplotlib.transforms import ScaledTranslation

    place = ax.transAxes + ScaledTranslation(0, -gap, ax.figure.dpi_scale_trans)
    kwargs = {"fontsize": 8, "title_fontsize": 8, **kwargs}
    if handles is not None:
        kwargs["handles"] = handles
    return ax.legend(loc="upper left", bbox_to_anchor=(0, 0), bbox_transform=place, ncol=ncol, **kwargs)


def corpus_name() -> str:
    """The corpus the notebooks read, as a reader should see it: 'seeds/' or the folder's name."""
    from helpers.paths import SEEDS_DIR, corpus_dir

    folder = corpus_dir()
    return "seeds/" if folder == SEEDS_DIR else f"{folder.name}/"


def source_note(fig, text: str | None = None) -> None:
    """Print a small source note under a figure's bottom-left corner (kept by tight bounding boxes); by default
    it names the corpus folder the notebooks read."""
    text = f"Source: vn-dprk-press corpus ({corpus_name()}), computed by helpers." if text is None else text
    y = -0.01
    try:  # below everything drawn, a legend under the axes included
        box = fig.get_tightbbox(fig.canvas.get_renderer())
        y = min(y, box.y0 / fig.get_figheight() - 0.01)
    except (AttributeError, ValueError):  # a canvas that cannot measure text: keep the default place
        pass
    fig.text(0.01, y, text, fontsize=7.5, color="#555555", ha="left", va="top")


def show_figure(result, note: str | None = None, tight: bool = False) -> None:
    """Show a figure with its source note, or the sentence that says why a section draws none.

    ``result`` is what a plotting helper returns: ``(fig, ax)`` for a figure, or a ``str`` (Markdown) when the
    corpus gives it nothing to draw (one media system only, no dated event, ...), which is displayed instead,
    so a notebook says why a figure is missing rather than stopping or drawing an empty frame. ``note``
    replaces the default source note; ``tight`` applies ``fig.tight_layout()`` first.
    """
    import matplotlib.pyplot as plt
    from IPython.display import Markdown, display

    if isinstance(result, str):
        display(Markdown(result))
        return
    fig = result[0]
    if tight:
        fig.tight_layout()
    source_note(fig, note)  # after the layout, so it sits below whatever the layout placed
    plt.show()


def show(*items) -> None:
    """Display a section's outputs in order: a ``str`` as Markdown (a note rendered from the data), anything
    else (a table) as it is, and ``None`` or an empty string (a table or remark the corpus gives a section
    nothing for, its note saying so) not at all, so a section with nothing to show prints its sentence rather
    than an empty frame. A table's dates are shown at their precision (:func:`helpers.report.links.at_precision`);
    wrap a table in :func:`helpers.report.links.linked` to link its cited sentences to the evidence viewer."""
    from IPython.display import Markdown, display

    shown = [i for i in items if i is not None and not (isinstance(i, str) and not i.strip())]
    display(*(Markdown(i) if isinstance(i, str) else at_precision(i) for i in shown))
