"""Tests for the timeline picture: formats written, errors, and the missing-extra message."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import matplotlib
import pytest

import caucasus_conflict as cc
from caucasus_conflict import plot
from caucasus_conflict.plot import UnsupportedFormatError, plot_timeline

USER = Path(__file__).parent / "fixtures" / "cli" / "valid.json"


@pytest.fixture(scope="module")
def user() -> cc.Dataset:
    """A small user data set with every kind of date: day, month, range, open range, unknown."""
    return cc.load(USER)


@pytest.fixture
def svg_text() -> Iterator[None]:
    """Keep text as text in SVG output, so that tests can read it."""
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        yield


def svg_root(path: Path) -> ET.Element:
    """Parse an SVG file and return its root element."""
    return ET.parse(path).getroot()


class TestPlotTimeline:
    def test_png(self, tmp_path: Path, bundled: cc.Dataset) -> None:
        """The bundled chronology is written as a non-empty PNG, and the path is returned."""
        target = tmp_path / "timeline.png"
        assert plot_timeline(bundled.chronology(), bundled.ceasefires, path=target) == target
        data = target.read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n")
        assert len(data) > 10_000

    def test_svg(self, tmp_path: Path, user: cc.Dataset) -> None:
        """An .svg path gives a valid SVG document."""
        target = plot_timeline(user.chronology(), user.ceasefires, path=str(tmp_path / "t.svg"))
        assert svg_root(target).tag == "{http://www.w3.org/2000/svg}svg"

    def test_pdf(self, tmp_path: Path, user: cc.Dataset) -> None:
        """A .pdf path gives a PDF."""
        target = plot_timeline(user.chronology(), path=tmp_path / "t.PDF")
        assert target.read_bytes().startswith(b"%PDF-")

    @pytest.mark.usefixtures("svg_text")
    def test_labels_title_and_notes(self, tmp_path: Path, user: cc.Dataset) -> None:
        """Rows are labelled with date and summary; the title, undated count and credit are shown."""
        target = plot_timeline(user.chronology(), user.ceasefires, path=tmp_path / "t.svg", title="The valley",
                               credit="Example Desk")
        text = " ".join("".join(node.itertext()) for node in svg_root(target).iter("{http://www.w3.org/2000/svg}text"))
        assert "The valley" in text
        assert "2024-02-11" in text
        assert "Northland raids the valley" in text
        assert "2024/..~" in text
        assert "1 undated event not shown (no date to place)." in text
        assert "Data: Example Desk" in text
        assert "March truce (2024-03-05)" in text
        assert "~ inferred date (dashed / hollow)" in text

    @pytest.mark.usefixtures("svg_text")
    def test_default_title(self, tmp_path: Path, user: cc.Dataset) -> None:
        """Without a title, the picture is titled by its number of dated events."""
        target = plot_timeline(user.chronology(), path=tmp_path / "t.svg")
        assert "Timeline of 4 events" in "".join(svg_root(target).itertext())

    @pytest.mark.parametrize("summary", ["word " * 40, "Azerbaijan's military operation that took control of "
                                         "parts of Nagorno-Karabakh and of the districts around it, in 2020"])
    def test_long_summaries_wrap(self, summary: str) -> None:
        """Row labels wrap into at most two lines at word boundaries; the rest is cut after a word (#12)."""
        event = cc.Event(id=cc.EventId("long"), kind=cc.EventKind.WAR, summary=summary,
                         span=cc.TimeSpan.parse("2020"), citations=(cc.Citation(cc.SourceId("memo"), (1,)),))
        label = plot._summary(event)
        lines = label.split("\n")
        assert len(lines) <= 2
        assert all(len(line) <= 58 for line in lines)
        words = label.removesuffix(" …").split()
        assert words == summary.split()[: len(words)]
        assert label.endswith("…") == (len(words) < len(summary.split()))

    def test_short_summary_kept(self) -> None:
        """A summary that fits one line is the label as it is."""
        event = cc.Event(id=cc.EventId("short"), kind=cc.EventKind.WAR, summary="A war", span=cc.TimeSpan.parse("2020"),
                         citations=(cc.Citation(cc.SourceId("memo"), (1,)),))
        assert plot._summary(event) == "A war"

    def test_nothing_to_draw(self, tmp_path: Path) -> None:
        """No dated events still writes a picture, which says there is nothing to draw."""
        target = plot_timeline([], path=tmp_path / "empty.png")
        assert target.read_bytes().startswith(b"\x89PNG")

    def test_only_undated(self, tmp_path: Path, user: cc.Dataset) -> None:
        """Only undated events: a picture is still written."""
        target = plot_timeline(user.undated_events(), path=tmp_path / "undated.svg")
        assert svg_root(target).tag.endswith("svg")

    @pytest.mark.parametrize("name", ["timeline.gif", "timeline", "timeline.png.txt"])
    def test_unsupported_suffix(self, tmp_path: Path, user: cc.Dataset, name: str) -> None:
        """A path without a supported suffix is refused before anything is drawn."""
        target = tmp_path / name
        with pytest.raises(UnsupportedFormatError) as caught:
            plot_timeline(user.chronology(), path=target)
        assert str(caught.value) == (f"cannot write a picture to {str(target)!r}: use a file name ending in "
                                     ".png, .svg, .pdf")
        assert isinstance(caught.value, ValueError | cc.CaucasusConflictError)
        assert not target.exists()

    def test_without_matplotlib(self, tmp_path: Path, user: cc.Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without matplotlib, the error names the package and the `plot` extra to install."""
        monkeypatch.setitem(sys.modules, "matplotlib", None)
        with pytest.raises(cc.MissingExtraError) as caught:
            plot_timeline(user.chronology(), path=tmp_path / "t.png")
        assert (caught.value.package, caught.value.extra) == ("matplotlib", "plot")
        assert str(caught.value) == ("this feature needs matplotlib; install it with: "
                                     "pip install 'caucasus-conflict[plot]'")
        assert not (tmp_path / "t.png").exists()

    def test_core_does_not_import_plot(self) -> None:
        """Importing the package does not import the plot module or matplotlib's pyplot."""
        import subprocess

        code = "import sys, caucasus_conflict; print('caucasus_conflict.plot' in sys.modules, " \
               "'matplotlib' in sys.modules)"
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        assert done.stdout == "False False\n"


class TestPanels:
    def test_far_apart_periods_get_own_panels(self) -> None:
        """Dates decades apart split the axis into panels; dates close together share one."""
        spans = [cc.TimeSpan.parse(t) for t in ("1990/1993", "../1993", "2020", "2023-09-19", "2022-12/..")]
        panels = plot._panels(spans)
        assert len(panels) == 2
        assert plot._panels([cc.TimeSpan.parse(t) for t in ("2024-01", "2024-02-11", "2024-03")]) == \
            [(plot._bounds(cc.TimeSpan.parse("2024-01"))[0], plot._bounds(cc.TimeSpan.parse("2024-03"))[1])]

    def test_at_most_three_panels(self) -> None:
        """However scattered the dates, there are at most three panels."""
        spans = [cc.TimeSpan.parse(str(year)) for year in (1000, 1300, 1600, 1900, 2020)]
        assert len(plot._panels(spans)) == 3


class TestLegend:
    @pytest.mark.usefixtures("svg_text")
    def test_shows_only_what_is_drawn(self, tmp_path: Path) -> None:
        """Stated day events get no key for months, ranges, open ends or inferred dates (#12)."""
        cite = (cc.Citation(cc.SourceId("s"), (1,)),)
        events = [cc.Event(id=cc.EventId(f"e{i}"), kind=cc.EventKind.OFFENSIVE, summary=f"Raid {i}",
                           span=cc.TimeSpan.parse(f"2024-01-0{i}"), citations=cite) for i in (1, 2)]
        target = plot_timeline(events, path=tmp_path / "t.svg")
        text = " ".join("".join(node.itertext()) for node in svg_root(target).iter("{http://www.w3.org/2000/svg}text"))
        assert "day" in text.split()
        for absent in ("month", "year or range", "open range", "inferred"):
            assert absent not in text

    @pytest.mark.usefixtures("svg_text")
    def test_keys_for_what_is_drawn(self, tmp_path: Path, user: cc.Dataset) -> None:
        """A data set with every kind of date gets every key."""
        target = plot_timeline(user.chronology(), path=tmp_path / "t.svg")
        text = " ".join("".join(node.itertext()) for node in svg_root(target).iter("{http://www.w3.org/2000/svg}text"))
        for present in ("day", "month", "year or range", "open range (fades toward its open end)",
                        "~ inferred date (dashed / hollow)"):
            assert present in text
