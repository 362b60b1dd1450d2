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
"""

from __future__ import annotations

import datetime as _dt
import os
import pathlib
import textwrap
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ._text import _when
from .errors import CaucasusConflictError, MissingExtraError
from .kinds import Basis, EventKind, Precision
from .model import Ceasefire, Event
from .timespan import TimeSpan

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["KIND_COLOURS", "SUPPORTED_SUFFIXES", "UnsupportedFormatError", "plot_timeline"]

SUPPORTED_SUFFIXES = (".png", ".svg", ".pdf")
"""The file name endings `plot_timeline` can write."""

KIND_COLOURS: dict[EventKind, str] = {
    EventKind.WAR: "#b2182b",
    EventKind.OFFENSIVE: "#f46d43",
    EventKind.CLASHES: "#fdae61",
    EventKind.BLOCKADE: "#7b3294",
    EventKind.ARMISTICE: "#1a9850",
    EventKind.MOBILISATION: "#8c510a",
    EventKind.MARTIAL_LAW: "#de77ae",
    EventKind.DECLARATION: "#2166ac",
    EventKind.DEPLOYMENT: "#35978f",
    EventKind.WITHDRAWAL: "#80cdc1",
    EventKind.EXERCISE: "#bf812d",
    EventKind.NEGOTIATION: "#a6d96a",
    EventKind.DISSOLUTION: "#525252",
    EventKind.CONTROL_CHANGE: "#c51b7d",
    EventKind.STATEMENT: "#4393c3",
    EventKind.ONE_SIDED_VIOLENCE: "#67001f",
    EventKind.REMOTE_VIOLENCE: "#d6604d",
    EventKind.PROTEST: "#878787",
    EventKind.RIOT: "#40004b",
    EventKind.AGREEMENT: "#66bd63",
    EventKind.ARREST: "#762a83",
    EventKind.GROUP_CHANGE: "#01665e",
    EventKind.DISRUPTED_WEAPONS_USE: "#fee090",
    EventKind.BASE_ESTABLISHED: "#543005",
    EventKind.LOOTING: "#e08214",
    EventKind.OTHER_DEVELOPMENT: "#bababa",
}
"""The colour of each event kind in the picture (stable, so pictures can be compared)."""

_LABEL_CHARS = 58          # row labels wrap at this many characters a line
_LABEL_LINES = 2           # and keep at most this many lines
_ROW_HEIGHT = 0.36         # inches per event row (room for a two-line label)
_BREAK_GAP = 730           # days; a gap longer than this (and than a quarter of the span) breaks the axis
_MAX_PANELS = 3
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


def _summary(event: Event) -> str:
    """The row label: the summary wrapped at word boundaries into at most two lines (#12).

    What does not fit is cut after a whole word and marked with an ellipsis, never mid-word.
    """
    lines = textwrap.wrap(event.summary, _LABEL_CHARS, break_long_words=False, break_on_hyphens=False)
    if len(lines) > _LABEL_LINES:
        rest = " ".join(lines[_LABEL_LINES - 1:])
        last = textwrap.shorten(rest, _LABEL_CHARS, placeholder=" …", break_long_words=False,
                                break_on_hyphens=False)
        if last == "…":  # a single word longer than a line: cut it, as nothing else fits
            last = rest[: _LABEL_CHARS - 1] + "…"
        lines = [*lines[: _LABEL_LINES - 1], last]
    return "\n".join(lines)


def _label_rows(fig: Figure, ax: Axes, events: Sequence[Event]) -> None:
    """Label rows in two aligned columns: dates, then summaries (left-aligned)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.transforms import offset_copy

    labels = ax.set_yticklabels([_summary(e) for e in events], fontsize=8.5, ha="left", linespacing=1.0)
    renderer = FigureCanvasAgg(fig).get_renderer()  # type: ignore[no-untyped-call]
    width = max((label.get_window_extent(renderer).width for label in labels), default=0.0) * 72 / fig.dpi
    ax.tick_params(axis="y", pad=width + 6, length=0)
    where = offset_copy(ax.get_yaxis_transform(), fig=fig, x=-(width + 16), units="points")
    for row, event in enumerate(events):
        ax.text(0, row, _when(event.span), transform=where, ha="right", va="center_baseline", fontsize=8.5,
                color="0.25")


def _draw_event(ax: Axes, row: int, event: Event, colour: str, *, first: bool, last: bool) -> None:
    import numpy as np
    from matplotlib.colors import to_rgb
    from matplotlib.patches import Rectangle

    span = event.span
    inferred = span.basis is Basis.INFERRED
    style = "--" if inferred else "-"
    low, high = _bounds(span)
    xmin, xmax = ax.get_xlim()
    if span.precision is Precision.DAY:
        assert low is not None
        ax.plot([low + 0.5], [row], marker="D", markersize=7, color=colour, linestyle="none",
                 markerfacecolor="white" if inferred else colour, markeredgewidth=1.6, zorder=4)
        return
    if span.precision is Precision.MONTH:
        assert low is not None
        assert high is not None
        # A thick line with projecting caps: true length, but never thinner than the line,
        # so a month stays visible on an axis that spans years. Inferred: hollow.
        ax.plot([low, high], [row, row], color=colour, linewidth=9, solid_capstyle="projecting", zorder=4)
        if inferred:
            ax.plot([low, high], [row, row], color="white", linewidth=4.5, solid_capstyle="projecting", zorder=4)
        return
    if low is not None and high is not None:
        ax.add_patch(Rectangle((low, row - 0.34), high - low, 0.68, facecolor=colour, alpha=0.3,
                               zorder=3, linewidth=0))
        ax.add_patch(Rectangle((low, row - 0.34), high - low, 0.68, facecolor="none", edgecolor=colour,
                               linestyle=style, linewidth=1.2, zorder=3))
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
    known = low if low is not None else high
    assert known is not None
    if xmin <= known <= xmax:
        ax.plot([known, known], [row - 0.34, row + 0.34], color=colour, linestyle=style, linewidth=2, zorder=4)
    if fade_right:
        ax.annotate("", xy=(xmax, row), xytext=(xmax - (xmax - xmin) * 0.04, row),
                    arrowprops={"arrowstyle": "-|>", "color": colour, "alpha": 0.6, "linewidth": 1.2}, zorder=4)
    if fade_left:
        ax.annotate("", xy=(xmin, row), xytext=(xmin + (xmax - xmin) * 0.04, row),
                    arrowprops={"arrowstyle": "-|>", "color": colour, "alpha": 0.6, "linewidth": 1.2}, zorder=4)


def _draw_ceasefire(ax: Axes, ceasefire: Ceasefire, index: int) -> None:
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
        short = text if len(text) <= 32 else text[:31] + "…"
        middle = (low + high) / 2
        place = (middle - xmin) / (xmax - xmin)  # keep labels near an edge inside the panel
        align = "left" if place < 0.15 else "right" if place > 0.85 else "center"
        ax.annotate(f"{short} ({span.format()})", xy=(middle, 1.0), xycoords=("data", "axes fraction"),
                    xytext=(0, 3 + 11 * (index % 2)), textcoords="offset points", ha=align, va="bottom",
                    fontsize=7.5, color="black", annotation_clip=False)


def plot_timeline(events: Iterable[Event], ceasefires: Iterable[Ceasefire] = (), *,
                  path: str | os.PathLike[str], title: str | None = None,
                  credit: str | None = None) -> pathlib.Path:
    """Draw *events* (and *ceasefires*) on a date axis and write the picture to *path*.

    One row per event, in the order given (pass ``Dataset.chronology()`` for
    chronological order), coloured by `EventKind`. A day is a
    diamond, a month a solid bar, a year or a range a faded band, and an open range
    fades out toward its open end; inferred dates (``~`` in the labels) have dashed
    outlines or hollow diamonds. Ceasefires are vertical lines or bands. Periods far
    apart get their own panels of a broken date axis. Undated events cannot be placed;
    the picture says how many were left out.

    Args:
        events: The events to draw.
        ceasefires: Ceasefires to mark (their declared and, if known, end dates).
        path: Where to write; the suffix picks the format (``.png``, ``.svg``, ``.pdf``).
        title: The picture's title (default: "Timeline of N events").
        credit: A credit line for the data's source, printed at the bottom.

    Returns:
        The path written.

    Raises:
        UnsupportedFormatError: *path* does not end in a supported suffix.
        MissingExtraError: matplotlib is not installed (``pip install 'caucasus-conflict[plot]'``).

    Examples:
        >>> import tempfile, caucasus_conflict as cc
        >>> ds = cc.load()
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     out = plot_timeline(ds.chronology(), ds.ceasefires, path=f"{tmp}/timeline.svg")
        ...     out.name, "<svg" in out.read_text(encoding="utf-8")
        ('timeline.svg', True)
    """
    target = pathlib.Path(os.fspath(path))
    if target.suffix.lower() not in SUPPORTED_SUFFIXES:
        raise UnsupportedFormatError(os.fspath(path))
    try:
        import matplotlib.dates as mdates
        from matplotlib.figure import Figure
        from matplotlib.lines import Line2D
        from matplotlib.patches import Patch
    except ImportError as exc:
        raise MissingExtraError("matplotlib", "plot") from exc

    given = list(events)
    dated = [e for e in given if e.span.is_known]
    truces = [c for c in ceasefires if c.declared.is_known]
    undated = len(given) - len(dated)
    rows = max(len(dated), 1)
    fig = Figure(figsize=(15, 2.6 + _ROW_HEIGHT * rows), layout="constrained")
    fig.suptitle(title or f"Timeline of {len(dated)} event{'s' if len(dated) != 1 else ''}",
                 fontsize=13, fontweight="bold")
    spans = [e.span for e in dated] + [c.declared for c in truces] + [c.ended for c in truces if c.ended]
    if not spans:
        ax = fig.add_subplot()
        ax.set_axis_off()
        ax.text(0.5, 0.5, "No dated events to draw.", ha="center", va="center", fontsize=12)
        fig.savefig(target)
        return target
    panels = _panels(spans)
    # Share the width half by each panel's length and half by how many events it shows,
    # so a dense month is not squeezed by a sparse decade; no panel gets under a fifth.
    lengths = [high - low for low, high in panels]
    counts = [sum(1 for e in dated if _in_panel(e.span, low, high)) for low, high in panels]
    shares = [0.5 * n / sum(lengths) + 0.5 * c / max(sum(counts), 1) for n, c in zip(lengths, counts, strict=True)]
    ratios = [max(share, 0.2) for share in shares]
    # A second, axis-less row holds the legend, so that the layout engine keeps it clear
    # of the title, the panels and the notes.
    grid = fig.add_gridspec(2, len(panels), width_ratios=ratios, height_ratios=[_ROW_HEIGHT * rows, 0.9])
    axes = [fig.add_subplot(grid[0, i]) for i in range(len(panels))]
    open_start = any(e.span.first_day is None for e in dated)
    open_end = any(e.span.last_day is None for e in dated)
    for i, (ax, (low, high)) in enumerate(zip(axes, panels, strict=True)):
        pad = max((high - low) * 0.04, 20.0)
        left = pad * (4 if open_start and i == 0 else 1)
        right = pad * (4 if open_end and i == len(panels) - 1 else 1)
        ax.set_xlim(low - left, high + right)
        ax.set_ylim(rows - 0.5, -0.5)
        for row in range(0, rows, 2):
            ax.axhspan(row - 0.5, row + 0.5, color="0.95", zorder=0, linewidth=0)
        locator = mdates.AutoDateLocator(minticks=3, maxticks=7)  # type: ignore[no-untyped-call]
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
        ax.grid(axis="x", color="0.85", linewidth=0.6, zorder=1)
        ax.tick_params(axis="x", labelsize=8)
        ax.set_yticks(range(len(dated)))
        if i == 0:
            _label_rows(fig, ax, dated)
        else:
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
        for row, event in enumerate(dated):
            _draw_event(ax, row, event, KIND_COLOURS[event.kind], first=i == 0, last=i == len(panels) - 1)
        for k, ceasefire in enumerate(truces):
            _draw_ceasefire(ax, ceasefire, k)
    if len(panels) > 1:
        fig.get_layout_engine().set(wspace=0.02)  # type: ignore[union-attr, call-arg]
    kinds = list(dict.fromkeys(e.kind for e in dated))
    handles: list[Patch | Line2D] = [Patch(facecolor=KIND_COLOURS[k], label=k.value.replace("_", " ")) for k in kinds]
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
    handles += [handle for drawn, handle in shapes if drawn]
    if truces:
        handles.append(Patch(facecolor="0.35", alpha=0.35, edgecolor="black", label="ceasefire"))
    key = fig.add_subplot(grid[1, :])
    key.set_axis_off()
    key.legend(handles=handles, loc="center", ncol=min(6, len(handles)), fontsize=8, frameon=False)
    notes = []
    if undated:
        notes.append(f"{undated} undated event{'s' if undated != 1 else ''} not shown (no date to place).")
    if credit:
        notes.append(f"Data: {credit}")
    if notes:
        fig.supxlabel("\n".join(notes), fontsize=7, color="0.35")
    fig.savefig(target, dpi=150)
    return target
