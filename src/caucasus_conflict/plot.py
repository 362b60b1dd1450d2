"""A timeline picture of events and ceasefires, with each date's uncertainty drawn as such.

Needs the ``plot`` extra (matplotlib), which is imported only when a picture is drawn;
without it `plot_timeline` raises `MissingExtraError`.
No global matplotlib state is touched: the figure is a ``matplotlib.figure.Figure``
rendered without pyplot.

How dates are drawn: a day is a diamond, a month a short solid bar, a year or a range a
faded band; a range with an open end fades out toward that end. Inferred dates (``~``)
have dashed outlines or hollow diamonds. Ceasefires are black vertical lines (a day) or
grey bands (a month or longer), labelled at the top. When events cluster in periods far
apart (the 1990s and 2020-2023), the date axis is broken into one panel per period.

Two views (#12). ``view="rows"`` gives one row per event, labelled. ``view="density"``
draws events per month by kind as stacked bars (per year when the dates drawn cover more
than `MAX_DENSITY_MONTHS` months), for more events than rows can show; ``view="auto"``
(the default) picks rows for up to `MAX_ROWS` events and density beyond.

Colours: Paul Tol's *muted* qualitative palette (Tol, "Colour Schemes", SRON technical
note, https://personal.sron.nl/~pault/), whose nine colours stay distinct for readers with
any of the common colour-vision deficiencies and against black text. It was chosen over
Okabe-Ito's eight because two of those (black, yellow) do not work as fills here: black
hides hatching and the black ceasefire lines, yellow fades on white. Nineteen event kinds
need more than nine colours, so a kind is a (colour, hatch) pair (`KIND_STYLES`): war,
its turns and the main acts of states are plain, the others hatched; kinds easily confused
(mobilisation and exercise, deployment and withdrawal, declaration and statement) differ
in colour, not only in hatching.
"""

from __future__ import annotations

import datetime as _dt
import math
import os
import pathlib
import textwrap
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import attrs

from ._text import _when
from .errors import ArgumentTypeError, CaucasusConflictError, MissingExtraError, QueryError, _FieldError
from .kinds import Basis, EventKind, Precision
from .model import Ceasefire, Event
from .timespan import TimeSpan

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

__all__ = ["KIND_COLOURS", "KIND_STYLES", "LABEL_WIDTH", "MAX_DENSITY_MONTHS", "MAX_ROWS", "SUPPORTED_SUFFIXES", "VIEWS", "KindStyle",
           "PlotOptionError", "UnsupportedFormatError", "plot_timeline"]

SUPPORTED_SUFFIXES = (".png", ".svg", ".pdf")
"""The file name endings `plot_timeline` can write."""

VIEWS = ("auto", "rows", "density")
"""The values of `plot_timeline`'s *view* option."""

MAX_ROWS = 50
"""``view="auto"`` draws one row per event up to this many events (a picture about 21 inches
tall), and the density view beyond."""

LABEL_WIDTH = 58
"""How many characters a row label's line holds by default (`plot_timeline`'s *label_width*)."""

MAX_DENSITY_MONTHS = 480
"""The density view counts events per month up to this many months (40 years) drawn, per year beyond."""

# Paul Tol's muted palette (https://personal.sron.nl/~pault/), by his names for the colours.
_ROSE, _INDIGO, _SAND, _GREEN, _CYAN = "#CC6677", "#332288", "#DDCC77", "#117733", "#88CCEE"
_WINE, _TEAL, _OLIVE, _PURPLE = "#882255", "#44AA99", "#999933", "#AA4499"


@attrs.frozen
class KindStyle:
    """How one event kind is drawn: a fill colour and a hatch pattern (``""`` for none).

    Examples:
        >>> KIND_STYLES[EventKind.EXERCISE]
        KindStyle(colour='#88CCEE', hatch='////')
        >>> KIND_STYLES[EventKind.EXERCISE].hatch_colour
        'black'
    """

    colour: str
    hatch: str = ""

    @property
    def hatch_colour(self) -> str:
        """The hatching's colour on a fill of this colour: black on a light fill, white on a dark one.

        Examples:
            >>> KindStyle("#332288", "////").hatch_colour  # Tol's indigo
            'white'
        """
        channels = [int(self.colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
        # Whichever gives the higher WCAG contrast ratio against the fill.
        return "black" if (luminance + 0.05) / 0.05 > 1.05 / (luminance + 0.05) else "white"


KIND_STYLES: dict[EventKind, KindStyle] = {
    EventKind.WAR: KindStyle(_WINE),
    EventKind.OFFENSIVE: KindStyle(_ROSE),
    EventKind.CLASHES: KindStyle(_SAND),
    EventKind.BLOCKADE: KindStyle(_PURPLE),
    EventKind.ARMISTICE: KindStyle(_GREEN),
    EventKind.MOBILISATION: KindStyle(_OLIVE),
    EventKind.DECLARATION: KindStyle(_INDIGO),
    EventKind.DEPLOYMENT: KindStyle(_TEAL),
    EventKind.STATEMENT: KindStyle(_CYAN),
    EventKind.EXERCISE: KindStyle(_CYAN, "////"),
    EventKind.WITHDRAWAL: KindStyle(_SAND, "////"),
    EventKind.NEGOTIATION: KindStyle(_GREEN, "////"),
    EventKind.MARTIAL_LAW: KindStyle(_ROSE, "////"),
    EventKind.DISSOLUTION: KindStyle(_INDIGO, "////"),
    EventKind.CONTROL_CHANGE: KindStyle(_PURPLE, "////"),
    EventKind.ONE_SIDED_VIOLENCE: KindStyle(_WINE, "////"),
    EventKind.REMOTE_VIOLENCE: KindStyle(_OLIVE, "////"),
    EventKind.PROTEST: KindStyle(_TEAL, "////"),
    EventKind.RIOT: KindStyle(_PURPLE, "...."),
    # ACLED's strategic developments (#11): dotted, each colour used once more.
    EventKind.AGREEMENT: KindStyle(_GREEN, "...."),
    EventKind.ARREST: KindStyle(_INDIGO, "...."),
    EventKind.GROUP_CHANGE: KindStyle(_TEAL, "...."),
    EventKind.DISRUPTED_WEAPONS_USE: KindStyle(_OLIVE, "...."),
    EventKind.BASE_ESTABLISHED: KindStyle(_SAND, "...."),
    EventKind.LOOTING: KindStyle(_ROSE, "...."),
    EventKind.OTHER_DEVELOPMENT: KindStyle(_CYAN, "...."),
}
"""How each event kind is drawn: colour and hatching, distinct for every kind (stable, so
pictures can be compared)."""

KIND_COLOURS: dict[EventKind, str] = {kind: style.colour for kind, style in KIND_STYLES.items()}
"""The colour of each event kind in the picture; with hatching, `KIND_STYLES` tells kinds apart."""

_LABEL_WIDTHS = (10, 200)  # the label_width values accepted
_INCHES = (2.0, 100.0)     # the figure widths and heights accepted, in inches
_MONTH_MIN = 0.004         # a month bar is at least this fraction of the panel wide
_LABEL_SHARE = 0.55        # row labels take at most this share of the picture's width
_LABEL_POINTS = 8.5        # the row labels' font size, in points
_MIN_POINTS = 5.0          # and the smallest it shrinks to in a picture given a small height
_FRAME_INCHES = 2.6        # the height of the title, date axis, key and notes around the rows
_LABEL_LINES = 2           # and keep at most this many lines
_ROW_HEIGHT = 0.36         # inches per event row (room for a two-line label)
_BREAK_GAP = 730           # days; a gap longer than this (and than a quarter of the span) breaks the axis
_MAX_PANELS = 3
_MAX_CEASEFIRE_LABELS = 12  # more ceasefires than this are drawn unlabelled in the density view
_FADE_STEPS = 64


class UnsupportedFormatError(CaucasusConflictError, ValueError):
    """The picture's file name does not end in a format `plot_timeline` can write.

    Examples:
        >>> print(UnsupportedFormatError("timeline.gif"))
        cannot write a picture to 'timeline.gif': use a file name ending in .png, .svg, .pdf
    """

    def __init__(self, path: str) -> None:
        self.path = path
        super().__init__(f"cannot write a picture to {path!r}: use a file name ending in "
                         f"{', '.join(SUPPORTED_SUFFIXES)}")


class PlotOptionError(_FieldError, QueryError):
    """An option of `plot_timeline` has a value it cannot use; ``field`` names the option.

    Examples:
        >>> print(PlotOptionError("label_width", "be from 10 to 200 characters", 3))
        'label_width' must be from 10 to 200 characters (got 3)
    """


@attrs.frozen
class _Options:
    title: str | None
    size: tuple[float, float] | None
    label_width: int
    kinds: frozenset[EventKind] | None
    view: str


def _options(title: object, size: object, label_width: object, kinds: object, view: object) -> _Options:
    """The options checked, or the library's error naming the first bad one and what it must be."""
    if title is not None and not isinstance(title, str):
        raise ArgumentTypeError("title", "be a string or None", title)
    if isinstance(title, str) and not title.strip():
        raise PlotOptionError("title", "not be blank (give None for the default title)", title)
    if size is not None:
        if not (isinstance(size, tuple | list) and len(size) == 2
                and all(isinstance(x, int | float) and not isinstance(x, bool) for x in size)):
            raise ArgumentTypeError("size", "be (width, height) in inches, two numbers", size)
        low, high = _INCHES
        if not all(math.isfinite(x) and low <= x <= high for x in size):
            raise PlotOptionError("size", f"be (width, height) in inches, each from {low:g} to {high:g}", size)
    if isinstance(label_width, bool) or not isinstance(label_width, int):
        raise ArgumentTypeError("label_width", "be an integer (characters a label line holds)", label_width)
    if not _LABEL_WIDTHS[0] <= label_width <= _LABEL_WIDTHS[1]:
        raise PlotOptionError("label_width", "be from {} to {} characters".format(*_LABEL_WIDTHS), label_width)
    chosen: frozenset[EventKind] | None = None
    if kinds is not None:
        if isinstance(kinds, str | bytes) or not isinstance(kinds, Iterable):
            raise ArgumentTypeError("kinds", "be a collection of event kinds, such as ['war', 'offensive']", kinds)
        found = []
        for i, kind in enumerate(kinds):
            try:
                found.append(EventKind(kind))
            except (ValueError, TypeError):
                raise PlotOptionError("kinds", "be an EventKind or one of its values: "
                                      + ", ".join(repr(k.value) for k in EventKind), kind, index=i) from None
        if not found:
            raise PlotOptionError("kinds", "name at least one event kind (give None for every kind)", kinds)
        chosen = frozenset(found)
    if view not in VIEWS:
        raise PlotOptionError("view", "be " + ", ".join(repr(v) for v in VIEWS[:-1]) + f" or {VIEWS[-1]!r}", view)
    return _Options(title=title, size=None if size is None else (size[0], size[1]),
                    label_width=label_width, kinds=chosen, view=str(view))


def _day_number(day: _dt.date) -> float:
    """Matplotlib's date number (days since 1970-01-01) of the start of *day*."""
    return float((_dt.date(day.year, day.month, day.day) - _dt.date(1970, 1, 1)).days)


def _bounds(span: TimeSpan) -> tuple[float | None, float | None]:
    """The span's start and (exclusive) end as date numbers; ``None`` for an open end."""
    low = None if span.first_day is None else _day_number(span.first_day)
    high = None if span.last_day is None else _day_number(span.last_day) + 1
    return low, high


def _panels(spans: Sequence[TimeSpan]) -> list[tuple[float, float]]:
    """Split the dates into up to three periods separated by long empty gaps."""
    marks: list[tuple[float, float]] = []
    for span in spans:
        low, high = _bounds(span)
        if low is None and high is None:
            continue
        marks.append((low if low is not None else high - 1, high if high is not None else low + 1))  # type: ignore[operator]
    marks.sort()
    groups: list[list[float]] = []
    for low, high in marks:
        if groups and low <= groups[-1][1]:
            groups[-1][1] = max(groups[-1][1], high)
        else:
            groups.append([low, high])
    total = groups[-1][1] - groups[0][0]
    threshold = max(_BREAK_GAP, total / 4)
    merged = [groups[0]]
    for low, high in groups[1:]:
        if low - merged[-1][1] > threshold:
            merged.append([low, high])
        else:
            merged[-1][1] = max(merged[-1][1], high)
    while len(merged) > _MAX_PANELS:
        gaps = [merged[i + 1][0] - merged[i][1] for i in range(len(merged) - 1)]
        i = gaps.index(min(gaps))
        merged[i : i + 2] = [[merged[i][0], merged[i + 1][1]]]
    return [(low, high) for low, high in merged]


def _in_panel(span: TimeSpan, low: float, high: float) -> bool:
    first, last = _bounds(span)
    return (first is None or first < high) and (last is None or last > low)



def _summary(event: Event, width: int = LABEL_WIDTH) -> str:
    """The row label: the summary wrapped at word boundaries into at most two lines of *width* (#12).

    What does not fit is cut after a whole word and marked with an ellipsis, never mid-word.
    """
    lines = textwrap.wrap(event.summary, width, break_long_words=False, break_on_hyphens=False)
    if len(lines) > _LABEL_LINES:
        rest = " ".join(lines[_LABEL_LINES - 1:])
        last = textwrap.shorten(rest, width, placeholder=" …", break_long_words=False,
                                break_on_hyphens=False)
        if last == "…":  # a single word longer than a line: cut it, as nothing else fits
            last = rest[: width - 1] + "…"
        lines = [*lines[: _LABEL_LINES - 1], last]
    elif any(len(line) > width for line in lines):  # one word longer than a line
        lines = [line if len(line) <= width else line[: width - 1] + "…" for line in lines]
    return "\n".join(lines)


def _label_rows(fig: Figure, ax: Axes, events: Sequence[Event], width: int, fontsize: float) -> float:
    """Label rows in two aligned columns: dates, then summaries (left-aligned); returns their width in inches."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.transforms import offset_copy

    labels = ax.set_yticklabels([_summary(e, width) for e in events], fontsize=fontsize, ha="left", linespacing=1.0)
    renderer = FigureCanvasAgg(fig).get_renderer()  # type: ignore[no-untyped-call]
    extent = max((label.get_window_extent(renderer).width for label in labels), default=0.0) * 72 / fig.dpi
    ax.tick_params(axis="y", pad=extent + 6, length=0)
    where = offset_copy(ax.get_yaxis_transform(), fig=fig, x=-(extent + 16), units="points")
    dates = [ax.text(0, row, _when(event.span), transform=where, ha="right", va="center_baseline",
                     fontsize=fontsize, color="0.25") for row, event in enumerate(events)]
    widest = max((d.get_window_extent(renderer).width for d in dates), default=0.0) / fig.dpi
    return (extent + 16) / 72 + widest


def _hatched(ax: Axes, patch_type: type, *args: object, hatch: str, colour: str, **kwargs: object) -> None:
    """Overlay *hatch* in *colour* on a shape: a second, unfilled patch whose edge colour is the hatch's
    (so it works on every matplotlib >= 3.7, where hatching takes the edge colour)."""
    if hatch:
        ax.add_patch(patch_type(*args, facecolor="none", edgecolor=colour, linewidth=0, hatch=hatch, **kwargs))


def _draw_event(ax: Axes, row: int, event: Event, style: KindStyle, *, first: bool, last: bool) -> None:
    import numpy as np
    from matplotlib.colors import to_rgb
    from matplotlib.patches import Polygon, Rectangle
    from matplotlib.transforms import ScaledTranslation

    colour = style.colour
    span = event.span
    inferred = span.basis is Basis.INFERRED
    line = "--" if inferred else "-"
    low, high = _bounds(span)
    xmin, xmax = ax.get_xlim()
    if span.precision is Precision.DAY:
        assert low is not None
        # A diamond sized in inches, placed at the day: hatching needs a patch, not a marker.
        at = ax.figure.dpi_scale_trans + ScaledTranslation(low + 0.5, row, ax.transData)  # type: ignore[arg-type]
        corners = [(0.0, 0.075), (0.075, 0.0), (0.0, -0.075), (-0.075, 0.0)]
        ax.add_patch(Polygon(corners, transform=at, facecolor="white" if inferred else colour, edgecolor=colour,
                             linewidth=1.6, zorder=4))
        _hatched(ax, Polygon, corners, hatch=style.hatch, colour=colour if inferred else style.hatch_colour,
                 transform=at, zorder=4)
        return
    if span.precision is Precision.MONTH:
        assert low is not None
        assert high is not None
        # True length, but never narrower than a small share of the panel, so a month stays
        # visible on an axis that spans years. Inferred: hollow, dashed.
        grow = max((_MONTH_MIN * (xmax - xmin) - (high - low)) / 2, 0.0)
        corner, size = (low - grow, row - 0.22), (high - low + 2 * grow, 0.44)
        ax.add_patch(Rectangle(corner, *size, facecolor="white" if inferred else colour, edgecolor=colour,
                               linestyle=line, linewidth=1.4, zorder=4))
        _hatched(ax, Rectangle, corner, *size, hatch=style.hatch,
                 colour=colour if inferred else style.hatch_colour, zorder=4)
        return
    if low is not None and high is not None:
        corner, size = (low, row - 0.34), (high - low, 0.68)
        ax.add_patch(Rectangle(corner, *size, facecolor=colour, alpha=0.3, zorder=3, linewidth=0))
        _hatched(ax, Rectangle, corner, *size, hatch=style.hatch, colour=colour, alpha=0.7, zorder=3)
        ax.add_patch(Rectangle(corner, *size, facecolor="none", edgecolor=colour, linestyle=line, linewidth=1.2,
                               zorder=3))
        return
    # An open range fades out toward its open side: full strength at the known end,
    # nothing at the edge of the outermost panel; panels in between get a plain band.
    start = xmin if low is None else max(low, xmin)
    stop = xmax if high is None else min(high, xmax)
    if stop <= start:
        return
    fade_right, fade_left = high is None and last, low is None and first
    ramp = np.linspace(0.5, 0.0, _FADE_STEPS) if fade_right else \
        np.linspace(0.0, 0.5, _FADE_STEPS) if fade_left else np.full(_FADE_STEPS, 0.5)
    pixels = np.zeros((1, _FADE_STEPS, 4))
    pixels[0, :, :3] = to_rgb(colour)
    pixels[0, :, 3] = ramp
    ax.imshow(pixels, extent=(start, stop, row + 0.34, row - 0.34), aspect="auto", interpolation="bilinear",
              zorder=3)
    _hatched(ax, Rectangle, (start, row - 0.34), stop - start, 0.68, hatch=style.hatch, colour=colour, alpha=0.5,
             zorder=3)
    known = low if low is not None else high
    assert known is not None
    if xmin <= known <= xmax:
        ax.plot([known, known], [row - 0.34, row + 0.34], color=colour, linestyle=line, linewidth=2, zorder=4)
    if fade_right:
        ax.annotate("", xy=(xmax, row), xytext=(xmax - (xmax - xmin) * 0.04, row),
                    arrowprops={"arrowstyle": "-|>", "color": colour, "alpha": 0.6, "linewidth": 1.2}, zorder=4)
    if fade_left:
        ax.annotate("", xy=(xmin, row), xytext=(xmin + (xmax - xmin) * 0.04, row),
                    arrowprops={"arrowstyle": "-|>", "color": colour, "alpha": 0.6, "linewidth": 1.2}, zorder=4)


def _draw_ceasefire(ax: Axes, ceasefire: Ceasefire, index: int, *, label: bool = True) -> None:
    xmin, xmax = ax.get_xlim()
    marks = [(ceasefire.declared, ceasefire.name)]
    if ceasefire.ended is not None:
        marks.append((ceasefire.ended, f"{ceasefire.name} ends"))
    for span, text in marks:
        low, high = _bounds(span)
        if low is None or high is None or high < xmin or low > xmax:
            continue
        if span.precision is Precision.DAY:
            ax.axvline(low + 0.5, color="black", linewidth=1.3, zorder=2)
        else:
            ax.axvspan(low, high, facecolor="0.35", alpha=0.18, edgecolor="black", linewidth=0.8, zorder=2)
        if not label:
            continue
        short = text if len(text) <= 32 else text[:31] + "…"
        middle = (low + high) / 2
        place = (middle - xmin) / (xmax - xmin)  # keep labels near an edge inside the panel
        align = "left" if place < 0.15 else "right" if place > 0.85 else "center"
        ax.annotate(f"{short} ({span.format()})", xy=(middle, 1.0), xycoords=("data", "axes fraction"),
                    xytext=(0, 3 + 11 * (index % 2)), textcoords="offset points", ha=align, va="bottom",
                    fontsize=7.5, color="black", annotation_clip=False)


def _kind_key(kind: EventKind) -> Patch:
    from matplotlib.patches import Patch

    style = KIND_STYLES[kind]
    return Patch(facecolor=style.colour, edgecolor=style.hatch_colour, hatch=style.hatch, linewidth=0,
                 label=kind.value.replace("_", " "))


def _panel_axes(fig: Figure, panels: Sequence[tuple[float, float]], ratios: Sequence[float],
                height: float, *, open_start: bool, open_end: bool, labels: bool) -> tuple[list[Axes], Axes]:
    """One axes per panel of the broken date axis, with cut marks, and an axis-less one below for the key.

    *labels*: room is kept for row labels at the left.
    """
    import matplotlib.dates as mdates

    # A second, axis-less row holds the legend, so that the layout engine keeps it clear
    # of the title, the panels and the notes.
    grid = fig.add_gridspec(2, len(panels), width_ratios=ratios, height_ratios=[height, 0.9])
    axes = [fig.add_subplot(grid[0, i]) for i in range(len(panels))]
    # As many date ticks as the panel's width takes (about one per half inch), so that
    # a narrow panel's labels do not run into each other.
    inches = [fig.get_figwidth() * (0.55 if labels else 0.9) * r / sum(ratios) for r in ratios]
    for i, (ax, (low, high)) in enumerate(zip(axes, panels, strict=True)):
        pad = max((high - low) * 0.04, 20.0)
        left = pad * (4 if open_start and i == 0 else 1)
        right = pad * (4 if open_end and i == len(panels) - 1 else 1)
        ax.set_xlim(low - left, high + right)
        ticks = max(3, min(7, int(inches[i] / 0.55)))
        locator = mdates.AutoDateLocator(minticks=2, maxticks=ticks)  # type: ignore[no-untyped-call]
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
        ax.grid(axis="x", color="0.85", linewidth=0.6, zorder=1)
        ax.tick_params(axis="x", labelsize=8)
        if i > 0:
            ax.tick_params(axis="y", left=False, labelleft=False)
            ax.spines["left"].set_visible(False)
        if i < len(panels) - 1:
            ax.spines["right"].set_visible(False)
        # Diagonal cut marks where the axis is broken.
        cut = {"marker": [(-1, -1.5), (1, 1.5)], "markersize": 9, "linestyle": "none", "color": "0.3",
               "mec": "0.3", "mew": 1, "clip_on": False, "transform": ax.transAxes}
        if i > 0:
            ax.plot([0, 0], [0, 1], **cut)  # type: ignore[arg-type]
        if i < len(panels) - 1:
            ax.plot([1, 1], [0, 1], **cut)  # type: ignore[arg-type]
    if len(panels) > 1:
        fig.get_layout_engine().set(wspace=0.02)  # type: ignore[union-attr, call-arg]
    key = fig.add_subplot(grid[1, :])
    key.set_axis_off()
    return axes, key


def _draw_rows(fig: Figure, dated: Sequence[Event], truces: Sequence[Ceasefire], panels: list[tuple[float, float]],
               label_width: int, size: tuple[float, float] | None) -> tuple[list[Patch | Line2D], Axes, float]:
    """The rows view: one labelled row per event.

    Returns the legend's entries, the axes for them and the labels' width in inches. The
    picture is widened for long labels; a *size* given too narrow for them is refused.
    """
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    rows = max(len(dated), 1)
    # Labels of two lines need about 2.6 times their size in points a row: shrink them to
    # fit a picture given a small height, down to a legible 5 points.
    fontsize = min(_LABEL_POINTS, (fig.get_figheight() - _FRAME_INCHES) / rows * 72 / 2.6)
    if fontsize < _MIN_POINTS:
        need = math.ceil((_FRAME_INCHES + rows * _MIN_POINTS * 2.6 / 72) * 2) / 2
        raise PlotOptionError("size", f"be at least {need:g} inches tall for {rows} rows of labels (or draw fewer "
                              "events, or view='density')", size)
    # Share the width half by each panel's length and half by how many events it shows,
    # so a dense month is not squeezed by a sparse decade; no panel gets under a fifth.
    lengths = [high - low for low, high in panels]
    counts = [sum(1 for e in dated if _in_panel(e.span, low, high)) for low, high in panels]
    shares = [0.5 * n / sum(lengths) + 0.5 * c / max(sum(counts), 1) for n, c in zip(lengths, counts, strict=True)]
    open_start = any(e.span.first_day is None for e in dated)
    open_end = any(e.span.last_day is None for e in dated)
    axes, key = _panel_axes(fig, panels, [max(share, 0.2) for share in shares], _ROW_HEIGHT * rows,
                            open_start=open_start, open_end=open_end, labels=True)
    labels = 0.0
    for i, ax in enumerate(axes):
        ax.set_ylim(rows - 0.5, -0.5)
        for row in range(0, rows, 2):
            ax.axhspan(row - 0.5, row + 0.5, color="0.95", zorder=0, linewidth=0)
        ax.set_yticks(range(len(dated)))
        if i == 0:
            labels = _label_rows(fig, ax, dated, label_width, fontsize)
            need = math.ceil(labels / _LABEL_SHARE * 2) / 2
            if fig.get_figwidth() < need and size is not None:
                raise PlotOptionError("size", f"be at least {need:g} inches wide to leave room beside row labels "
                                      f"of {label_width} characters (or give a smaller label_width)", size)
            fig.set_figwidth(max(fig.get_figwidth(), need))
        for row, event in enumerate(dated):
            _draw_event(ax, row, event, KIND_STYLES[event.kind], first=i == 0, last=i == len(axes) - 1)
        for k, ceasefire in enumerate(truces):
            _draw_ceasefire(ax, ceasefire, k)
    handles: list[Patch | Line2D] = [_kind_key(k) for k in dict.fromkeys(e.kind for e in dated)]
    # The key explains only what is drawn: no "inferred" entry when every date is stated (#12).
    precisions = {e.span.precision for e in dated}
    shapes: list[tuple[bool, Patch | Line2D]] = [
        (Precision.DAY in precisions,
         Line2D([], [], marker="D", color="0.3", linestyle="none", markersize=7, label="day")),
        (Precision.MONTH in precisions,
         Line2D([], [], color="0.3", linewidth=6, solid_capstyle="projecting", label="month")),
        (bool(precisions & {Precision.YEAR, Precision.RANGE}),
         Patch(facecolor="0.3", alpha=0.3, edgecolor="0.3", label="year or range")),
        (open_start or open_end,
         Line2D([], [], color="0.3", alpha=0.6, marker=">", markersize=6, linewidth=1.2,
                label="open range (fades toward its open end)")),
        (any(e.span.basis is Basis.INFERRED for e in dated),
         Patch(facecolor="none", edgecolor="0.3", linestyle="--", label="~ inferred date (dashed / hollow)")),
    ]
    return handles + [handle for drawn, handle in shapes if drawn], key, labels


def _bin(day: _dt.date, yearly: bool) -> int:
    return day.year if yearly else day.year * 12 + day.month - 1


def _bin_start(index: int, yearly: bool) -> float:
    return _day_number(_dt.date(index, 1, 1) if yearly else _dt.date(index // 12, index % 12 + 1, 1))


def _density_counts(dated: Sequence[Event], panels: Sequence[tuple[float, float]]
                    ) -> tuple[bool, list[float], dict[EventKind, list[float]], bool]:
    """Events per month (or year) by kind, over the panels' whole extent.

    An event whose date may fall in several bins (a year, a range) counts in equal parts
    in each, so the bars add up to the number of events; an open range is spread to the
    edge of the drawn dates. Returns (yearly, bin edges as date numbers, counts by kind in
    `EventKind` order, whether any event was spread over several bins).
    """
    import numpy as np

    first = _dt.date(1970, 1, 1) + _dt.timedelta(days=int(panels[0][0]))
    last = _dt.date(1970, 1, 1) + _dt.timedelta(days=int(panels[-1][1]) - 1)
    yearly = _bin(last, False) - _bin(first, False) + 1 > MAX_DENSITY_MONTHS
    low, high = _bin(first, yearly), _bin(last, yearly)
    kinds = list(EventKind)
    steps = np.zeros((len(kinds), high - low + 2))
    spread = False
    for event in dated:
        a = low if event.span.first_day is None else max(_bin(event.span.first_day, yearly), low)
        b = high if event.span.last_day is None else min(_bin(event.span.last_day, yearly), high)
        row = kinds.index(event.kind)
        steps[row, a - low] += 1 / (b - a + 1)
        steps[row, b - low + 1] -= 1 / (b - a + 1)
        spread = spread or b > a
    counts = np.cumsum(steps, axis=1)[:, :-1]
    edges = [_bin_start(i, yearly) for i in range(low, high + 2)]
    found = {kind: [float(x) for x in counts[i]] for i, kind in enumerate(kinds) if counts[i].max() > 1e-9}
    return yearly, edges, found, spread


def _draw_density(fig: Figure, dated: Sequence[Event], truces: Sequence[Ceasefire],
                  panels: list[tuple[float, float]]) -> tuple[list[Patch | Line2D], Axes, str, str | None]:
    """The density view: events per month (or year) by kind, stacked.

    Returns the legend's entries, the axes for them, the bin ("month" or "year") and a note.
    """
    import numpy as np

    yearly, edges, counts, spread = _density_counts(dated, panels)
    unit = "year" if yearly else "month"
    lengths = [high - low for low, high in panels]
    axes, key = _panel_axes(fig, panels, [max(n / sum(lengths), 0.2) for n in lengths], 5.0, open_start=False,
                            open_end=False, labels=False)
    tops = np.cumsum([counts[k] for k in counts], axis=0) if counts else np.zeros((0, len(edges) - 1))
    peak = float(tops[-1].max()) if len(tops) else 1.0
    for i, ax in enumerate(axes):
        bottom = np.zeros(len(edges) - 1)
        for kind, top in zip(counts, tops, strict=True):
            style = KIND_STYLES[kind]
            ax.stairs(top, edges, baseline=bottom, fill=True, facecolor=style.colour, edgecolor="none", linewidth=0,
                      zorder=3)
            if style.hatch:
                ax.stairs(top, edges, baseline=bottom, fill=True, facecolor="none", edgecolor=style.hatch_colour,
                          linewidth=0, hatch=style.hatch, zorder=3)
            bottom = top
        ax.set_ylim(0, peak * 1.08)
        ax.grid(axis="y", color="0.85", linewidth=0.6, zorder=1)
        if i == 0:
            ax.set_ylabel(f"events per {unit}", fontsize=9)
            ax.tick_params(axis="y", labelsize=8)
        for k, ceasefire in enumerate(truces):
            _draw_ceasefire(ax, ceasefire, k, label=len(truces) <= _MAX_CEASEFIRE_LABELS)
    handles: list[Patch | Line2D] = [_kind_key(k) for k in reversed(list(counts))]  # top of the stack first
    note = (f"An event dated to a year or a range counts in equal parts in each {unit} it may fall in; "
            "an open range is spread to the edge of the axis.") if spread else None
    return handles, key, unit, note


def _legend(fig: Figure, key: Axes, handles: Sequence[Patch | Line2D], labels: float) -> None:
    """The key under the panels, in as many columns (up to six) as fit beside the *labels* (inches wide).

    A key wider than the room under the panels would make the layout engine give up.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    renderer = FigureCanvasAgg(fig).get_renderer()  # type: ignore[no-untyped-call]
    room = (0.95 * fig.get_figwidth() - labels) * fig.dpi
    for columns in range(min(6, len(handles)), 0, -1):
        legend = key.legend(handles=handles, loc="center", ncol=columns, fontsize=8, frameon=False)
        if columns == 1 or legend.get_window_extent(renderer).width <= room:
            return
        legend.remove()


def plot_timeline(events: Iterable[Event], ceasefires: Iterable[Ceasefire] = (), *,
                  path: str | os.PathLike[str], title: str | None = None,
                  credit: str | None = None, size: tuple[float, float] | None = None,
                  label_width: int = LABEL_WIDTH, kinds: Iterable[EventKind | str] | None = None,
                  view: str = "auto") -> pathlib.Path:
    """Draw *events* (and *ceasefires*) on a date axis and write the picture to *path*.

    In the rows view, one row per event, in the order given (pass ``Dataset.chronology()``
    for chronological order), coloured and hatched by `EventKind` (`KIND_STYLES`). A day is
    a diamond, a month a solid bar, a year or a range a faded band, and an open range
    fades out toward its open end; inferred dates (``~`` in the labels) have dashed
    outlines or hollow shapes. In the density view, events per month by kind as stacked
    bars (per year beyond `MAX_DENSITY_MONTHS` months). Ceasefires are vertical lines or
    bands. Periods far apart get their own panels of a broken date axis. Undated events
    cannot be placed; the picture says how many were left out. The legend names only
    what is drawn.

    Args:
        events: The events to draw.
        ceasefires: Ceasefires to mark (their declared and, if known, end dates).
        path: Where to write; the suffix picks the format (``.png``, ``.svg``, ``.pdf``).
        title: The picture's title (default: "Timeline of N events", or "Events per month by
            kind (N events)" in the density view, "per year" when it counts years).
        credit: A credit line for the data's source, printed at the bottom.
        size: (width, height) of the picture in inches, each from 2 to 100 (default: 15 wide,
            and as tall as the rows need, or 7 in the density view).
        label_width: How many characters a row label's line holds before it wraps, from 10
            to 200 (two lines at most; the rest is cut after a word and marked ``…``).
        kinds: Draw only events of these kinds (`EventKind` members or values); default every kind.
        view: ``"rows"``, ``"density"``, or ``"auto"``: rows for up to `MAX_ROWS` events to
            draw, density beyond.

    Returns:
        The path written.

    Raises:
        UnsupportedFormatError: *path* does not end in a supported suffix.
        PlotOptionError: *title*, *size*, *label_width*, *kinds* or *view* has a value it
            cannot take (``ArgumentTypeError`` for a value of the wrong type); also a *size*
            too narrow or too low for the row labels, and ``view="rows"`` for more events
            than 100 inches of rows hold.
        MissingExtraError: matplotlib is not installed (``pip install 'caucasus-conflict[plot]'``).

    Examples:
        >>> import tempfile, caucasus_conflict as cc
        >>> ds = cc.load()
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     out = plot_timeline(ds.chronology(), ds.ceasefires, path=f"{tmp}/timeline.svg")
        ...     out.name, "<svg" in out.read_text(encoding="utf-8")
        ('timeline.svg', True)
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     out = plot_timeline(ds.chronology(), path=f"{tmp}/wars.png", view="density",
        ...                         kinds=["war", "offensive"], title="Wars and offensives", size=(10, 5))
        ...     out.read_bytes()[:4]
        b'\\x89PNG'
        >>> plot_timeline(ds.events, path="t.png", label_width=3)
        Traceback (most recent call last):
        ...
        caucasus_conflict.plot.PlotOptionError: 'label_width' must be from 10 to 200 characters (got 3)
    """
    target = pathlib.Path(os.fspath(path))
    if target.suffix.lower() not in SUPPORTED_SUFFIXES:
        raise UnsupportedFormatError(os.fspath(path))
    options = _options(title, size, label_width, kinds, view)
    try:
        import matplotlib  # noqa: F401  (first: it alone fails when matplotlib is missing)
        from matplotlib.figure import Figure
        from matplotlib.lines import Line2D
        from matplotlib.patches import Patch
    except ImportError as exc:
        raise MissingExtraError("matplotlib", "plot") from exc

    given = [e for e in events if options.kinds is None or e.kind in options.kinds]
    dated = [e for e in given if e.span.is_known]
    truces = [c for c in ceasefires if c.declared.is_known]
    undated = len(given) - len(dated)
    chosen = options.view if options.view != "auto" else "rows" if len(dated) <= MAX_ROWS else "density"
    rows = max(len(dated), 1)
    if chosen == "rows" and options.size is None and _FRAME_INCHES + _ROW_HEIGHT * rows > _INCHES[1]:
        most = int((_INCHES[1] - _FRAME_INCHES) / _ROW_HEIGHT)
        raise PlotOptionError("view", f"be 'density' or 'auto' for {len(dated)} events: rows fit at most {most} "
                              f"in {_INCHES[1]:g} inches", options.view)
    default_size = (15.0, _FRAME_INCHES + _ROW_HEIGHT * rows) if chosen == "rows" else (15.0, 7.0)
    # At the dpi it is saved with, so that labels are measured as they will be drawn.
    fig = Figure(figsize=options.size or default_size, layout="constrained", dpi=150)
    counted = f"{len(dated)} event{'s' if len(dated) != 1 else ''}"
    fig.suptitle(options.title or f"Timeline of {counted}", fontsize=13, fontweight="bold")
    spans = [e.span for e in dated] + [c.declared for c in truces] + [c.ended for c in truces if c.ended]
    if not spans:
        ax = fig.add_subplot()
        ax.set_axis_off()
        ax.text(0.5, 0.5, "No dated events to draw.", ha="center", va="center", fontsize=12)
        fig.savefig(target)
        return target
    panels = _panels(spans)
    notes = []
    if chosen == "rows":
        handles, key, labels = _draw_rows(fig, dated, truces, panels, options.label_width, options.size)
    else:
        handles, key, unit, note = _draw_density(fig, dated, truces, panels)
        labels = 0.0
        fig.suptitle(options.title or f"Events per {unit} by kind ({counted})", fontsize=13, fontweight="bold")
        notes += [note] if note else []
    # A ceasefire known to the day is a black line, a longer one a grey band: key what is drawn.
    marks = [span for c in truces for span in (c.declared, c.ended) if span is not None and span.is_known]
    if any(span.precision is Precision.DAY for span in marks):
        handles.append(Line2D([], [], color="black", linewidth=1.3, label="ceasefire (day)"))
    if any(span.precision is not Precision.DAY for span in marks):
        handles.append(Patch(facecolor="0.35", alpha=0.35, edgecolor="black", label="ceasefire"))
    if handles:
        _legend(fig, key, handles, labels)
    if undated:
        notes.append(f"{undated} undated event{'s' if undated != 1 else ''} not shown (no date to place).")
    if credit:
        notes.append(f"Data: {credit}")
    if notes:
        fig.supxlabel("\n".join(notes), fontsize=7, color="0.35")
    fig.savefig(target, dpi=150)
    return target
