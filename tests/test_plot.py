"""Tests for the timeline picture: formats written, errors, and the missing-extra message."""

from __future__ import annotations

import datetime as dt
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import matplotlib
import pytest
from hypothesis import given
from hypothesis import strategies as st

import caucasus_conflict as cc
from caucasus_conflict import plot
from caucasus_conflict import strategies as ccst
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


def svg_words(path: Path) -> str:
    """Every text of an SVG picture, joined by spaces."""
    return " ".join("".join(node.itertext()) for node in svg_root(path).iter("{http://www.w3.org/2000/svg}text"))


def png_size(path: Path) -> tuple[int, int]:
    """The width and height in pixels of a PNG file, from its header."""
    data = path.read_bytes()
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def made(kind: cc.EventKind, span: str, i: int = 0, summary: str | None = None) -> cc.Event:
    """An event of *kind* on *span*, cited."""
    return cc.Event(id=cc.EventId(f"{kind.value}-{i}"), kind=kind, summary=summary or f"{kind.value} {i}",
                    span=cc.TimeSpan.parse(span), citations=(cc.Citation(cc.SourceId("s"), (1,)),))


# Tol's muted palette, as published (https://personal.sron.nl/~pault/).
TOL_MUTED = {"#CC6677", "#332288", "#DDCC77", "#117733", "#88CCEE", "#882255", "#44AA99", "#999933", "#AA4499"}


class TestKindStyles:
    def test_every_kind_has_a_distinct_style(self) -> None:
        """Every event kind has a (colour, hatch) style no other kind shares (#12)."""
        assert set(plot.KIND_STYLES) == set(cc.EventKind)
        styles = [(s.colour, s.hatch) for s in plot.KIND_STYLES.values()]
        assert len(set(styles)) == len(cc.EventKind)

    @pytest.mark.parametrize(("one", "other"), [
        (cc.EventKind.MOBILISATION, cc.EventKind.EXERCISE),
        (cc.EventKind.DEPLOYMENT, cc.EventKind.WITHDRAWAL),
        (cc.EventKind.DECLARATION, cc.EventKind.STATEMENT),
    ])
    def test_pairs_the_issue_names_differ_in_colour(self, one: cc.EventKind, other: cc.EventKind) -> None:
        """The kinds the issue found hard to tell apart differ in colour, not only in hatching (#12)."""
        assert plot.KIND_STYLES[one].colour != plot.KIND_STYLES[other].colour

    def test_colours_from_the_published_palette(self) -> None:
        """Every colour is one of Paul Tol's muted palette, and KIND_COLOURS agrees with KIND_STYLES."""
        assert {s.colour for s in plot.KIND_STYLES.values()} <= TOL_MUTED
        assert {k: s.colour for k, s in plot.KIND_STYLES.items()} == plot.KIND_COLOURS

    @pytest.mark.parametrize(("colour", "hatch_colour"), [("#332288", "white"), ("#882255", "white"),
                                                          ("#DDCC77", "black"), ("#88CCEE", "black")])
    def test_hatching_contrasts_with_the_fill(self, colour: str, hatch_colour: str) -> None:
        """Hatching is white on a dark fill and black on a light one."""
        assert plot.KindStyle(colour, "////").hatch_colour == hatch_colour


class TestHatching:
    @pytest.mark.parametrize("view", ["rows", "density"])
    @pytest.mark.parametrize("span", ["2020-05-01", "2020-05", "2020", "2020-05/.."])
    def test_hatched_kinds_are_hatched(self, tmp_path: Path, view: str, span: str) -> None:
        """A hatched kind is drawn hatched (an SVG pattern) in both views and every date shape; a plain kind is not."""
        hatched = plot_timeline([made(cc.EventKind.EXERCISE, span)], path=tmp_path / "h.svg", view=view)
        plain = plot_timeline([made(cc.EventKind.MOBILISATION, span)], path=tmp_path / "p.svg", view=view)
        assert list(svg_root(hatched).iter("{http://www.w3.org/2000/svg}pattern"))
        # One shape filled with the hatching in the key, and one where the event is drawn.
        assert hatched.read_text(encoding="utf-8").count("url(#h") == 2
        assert not list(svg_root(plain).iter("{http://www.w3.org/2000/svg}pattern"))


class TestOptions:
    @pytest.mark.usefixtures("svg_text")
    def test_title(self, tmp_path: Path, user: cc.Dataset) -> None:
        """The title option replaces the default title."""
        words = svg_words(plot_timeline(user.chronology(), path=tmp_path / "t.svg", title="Valley report"))
        assert "Valley report" in words
        assert "Timeline of" not in words

    @pytest.mark.parametrize("view", ["rows", "density"])
    def test_size(self, tmp_path: Path, user: cc.Dataset, view: str) -> None:
        """size=(width, height) in inches sets the picture's size (150 pixels an inch in PNG)."""
        target = plot_timeline(user.chronology(), path=tmp_path / "t.png", size=(8, 5), view=view)
        assert png_size(target) == (1200, 750)

    def test_size_too_narrow_for_the_labels(self, tmp_path: Path, user: cc.Dataset) -> None:
        """A size too narrow for the row labels is refused, saying how wide it must be; a smaller label_width fits."""
        with pytest.raises(plot.PlotOptionError) as caught:
            plot_timeline(user.chronology(), path=tmp_path / "t.png", size=(6, 4))
        assert str(caught.value) == ("'size' must be at least 8 inches wide to leave room beside row labels of 58 "
                                     "characters (or give a smaller label_width) (got (6, 4))")
        assert not (tmp_path / "t.png").exists()
        target = plot_timeline(user.chronology(), path=tmp_path / "t.png", size=(6, 4), label_width=20)
        assert png_size(target) == (900, 600)

    def test_size_too_low_for_the_rows(self, tmp_path: Path, user: cc.Dataset) -> None:
        """A height that would shrink the row labels below 5 points is refused, saying how tall it must be."""
        with pytest.raises(plot.PlotOptionError) as caught:
            plot_timeline(user.chronology(), path=tmp_path / "t.png", size=(10, 3))
        assert str(caught.value) == ("'size' must be at least 3.5 inches tall for 4 rows of labels (or draw fewer "
                                     "events, or view='density') (got (10, 3))")
        assert not (tmp_path / "t.png").exists()
        assert png_size(plot_timeline(user.chronology(), path=tmp_path / "t.png", size=(10, 3), view="density")) == \
            (1500, 450)

    def test_rows_refused_for_too_many_events(self, tmp_path: Path) -> None:
        """view='rows' is refused for more events than 100 inches of rows hold; auto draws them as density."""
        events = [made(cc.EventKind.WAR, "2020-05-01", i) for i in range(300)]
        with pytest.raises(plot.PlotOptionError) as caught:
            plot_timeline(events, path=tmp_path / "t.png", view="rows")
        assert str(caught.value) == ("'view' must be 'density' or 'auto' for 300 events: rows fit at most 270 in "
                                     "100 inches (got 'rows')")
        assert png_size(plot_timeline(events, path=tmp_path / "t.png")) == (2250, 1050)

    def test_long_labels_widen_the_default_size(self, tmp_path: Path, user: cc.Dataset) -> None:
        """Without size, a picture whose labels need more than 15 inches' share is widened for them."""
        event = made(cc.EventKind.WAR, "2020", summary="word " * 100)
        assert png_size(plot_timeline([event], path=tmp_path / "t.png", label_width=200))[0] > 2250

    def test_default_size_grows_with_rows(self, tmp_path: Path, user: cc.Dataset) -> None:
        """Without size, the rows view is 15 inches wide and as tall as its rows need."""
        few = png_size(plot_timeline(user.chronology()[:2], path=tmp_path / "few.png"))
        many = png_size(plot_timeline(user.chronology(), path=tmp_path / "many.png"))
        assert few[0] == many[0] == 2250
        assert many[1] > few[1]

    @pytest.mark.usefixtures("svg_text")
    def test_label_width(self, tmp_path: Path) -> None:
        """label_width sets how many characters a label line holds before it wraps at a word."""
        event = made(cc.EventKind.WAR, "2020", summary="A long war between the valley and the hills")
        assert plot._summary(event, 20) == "A long war between\nthe valley and the …"
        assert plot._summary(event, 60) == "A long war between the valley and the hills"
        target = plot_timeline([event], path=tmp_path / "t.svg", label_width=20)
        words = svg_words(target)
        assert "A long war between" in words
        assert "the valley and the …" in words

    def test_label_width_cuts_a_long_word(self) -> None:
        """A single word longer than label_width is cut, marked with an ellipsis."""
        event = made(cc.EventKind.WAR, "2020", summary="Supercalifragilistic war")
        assert plot._summary(event, 10) == "Supercali…\nwar"

    @pytest.mark.usefixtures("svg_text")
    def test_kinds(self, tmp_path: Path, user: cc.Dataset) -> None:
        """kinds draws only those kinds: the title counts them and the key names only them."""
        target = plot_timeline(user.chronology(), path=tmp_path / "t.svg", kinds=[cc.EventKind.OFFENSIVE, "war"])
        words = svg_words(target)
        shown = [e for e in user.chronology() if e.kind in {cc.EventKind.OFFENSIVE, cc.EventKind.WAR}]
        assert f"Timeline of {len(shown)} events" in words
        assert "offensive" in words.split()
        assert "war" in words.split()
        for absent in ("blockade", "negotiation", "Talks between both sides"):
            assert absent not in words

    @pytest.mark.usefixtures("svg_text")
    def test_auto_view_switches_to_density(self, tmp_path: Path) -> None:
        """More than MAX_ROWS events are drawn as density by default; view='rows' forces rows (#12)."""
        events = [made(cc.EventKind.WAR if i % 2 else cc.EventKind.CLASHES, f"2020-{1 + i % 12:02d}-{1 + i % 28:02d}",
                       i) for i in range(plot.MAX_ROWS + 1)]
        words = svg_words(plot_timeline(events, path=tmp_path / "auto.svg"))
        assert f"Events per month by kind ({plot.MAX_ROWS + 1} events)" in words
        assert "events per month" in words
        assert f"Timeline of {plot.MAX_ROWS} events" in svg_words(plot_timeline(events[:-1], path=tmp_path / "r.svg"))
        forced = svg_words(plot_timeline(events, path=tmp_path / "rows.svg", view="rows"))
        assert f"Timeline of {plot.MAX_ROWS + 1} events" in forced
        assert "war 1" in forced

    @pytest.mark.usefixtures("svg_text")
    def test_density_key_shows_only_what_is_drawn(self, tmp_path: Path, user: cc.Dataset) -> None:
        """The density view's key names the kinds drawn and the ceasefires, no date shapes, no other kind (#12)."""
        target = plot_timeline(user.chronology(), user.ceasefires, path=tmp_path / "t.svg", view="density")
        words = svg_words(target)
        drawn = {e.kind.value.replace("_", " ") for e in user.chronology() if e.span.is_known}
        for kind in cc.EventKind:
            assert (kind.value.replace("_", " ") in words) == (kind.value.replace("_", " ") in drawn), kind
        assert "ceasefire (day)" in words
        note = ("An event dated to a year or a range counts in equal parts in each month it may fall in; an open "
                "range is spread to the edge of the axis.")
        assert note in words
        for absent in ("year or range", "open range", "inferred", "day "):
            assert absent not in words.replace("ceasefire (day)", "").replace(note, "")

    @pytest.mark.usefixtures("svg_text")
    def test_density_per_year_for_long_spans(self, tmp_path: Path) -> None:
        """Dates covering more than MAX_DENSITY_MONTHS months are counted per year."""
        events = [made(cc.EventKind.WAR, "1950-01-01", 1), made(cc.EventKind.WAR, "2000-06-01", 2)]
        words = svg_words(plot_timeline(events, path=tmp_path / "t.svg", view="density"))
        assert "Events per year by kind (2 events)" in words
        assert "events per year" in words

    @pytest.mark.parametrize(("options", "error", "message"), [
        ({"title": 5}, cc.ArgumentTypeError, "'title' must be a string or None (got 5)"),
        ({"title": "  "}, plot.PlotOptionError, "'title' must not be blank (give None for the default title) "
                                                "(got '  ')"),
        ({"size": (0, 5)}, plot.PlotOptionError, "'size' must be (width, height) in inches, each from 2 to 100 "
                                                 "(got (0, 5))"),
        ({"size": (8, float("nan"))}, plot.PlotOptionError, "'size' must be (width, height) in inches, each from 2 "
                                                            "to 100 (got (8, nan))"),
        ({"size": 8}, cc.ArgumentTypeError, "'size' must be (width, height) in inches, two numbers (got 8)"),
        ({"size": ("8", "5")}, cc.ArgumentTypeError, "'size' must be (width, height) in inches, two numbers "
                                                     "(got ('8', '5'))"),
        ({"label_width": 3}, plot.PlotOptionError, "'label_width' must be from 10 to 200 characters (got 3)"),
        ({"label_width": 40.5}, cc.ArgumentTypeError, "'label_width' must be an integer (characters a label line "
                                                      "holds) (got 40.5)"),
        ({"kinds": "war"}, cc.ArgumentTypeError, "'kinds' must be a collection of event kinds, such as ['war', "
                                                 "'offensive'] (got 'war')"),
        ({"kinds": []}, plot.PlotOptionError, "'kinds' must name at least one event kind (give None for every "
                                              "kind) (got [])"),
        ({"kinds": ["war", "battle"]}, plot.PlotOptionError,
         "'kinds[1]' must be an EventKind or one of its values: " + ", ".join(repr(k.value) for k in cc.EventKind)
         + " (got 'battle')"),
        ({"view": "bars"}, plot.PlotOptionError, "'view' must be 'auto', 'rows' or 'density' (got 'bars')"),
    ])
    def test_bad_values(self, tmp_path: Path, user: cc.Dataset, options: dict[str, object],
                        error: type[Exception], message: str) -> None:
        """A bad option raises the library's error naming the option and what it must be; nothing is written."""
        target = tmp_path / "t.png"
        with pytest.raises(error) as caught:
            plot_timeline(user.chronology(), path=target, **options)  # type: ignore[arg-type]
        assert str(caught.value) == message
        assert isinstance(caught.value, cc.CaucasusConflictError)
        assert not target.exists()

    def test_option_error_is_a_query_error(self) -> None:
        """PlotOptionError is a QueryError (and a ValueError) that carries the option as data."""
        err = plot.PlotOptionError("view", "be 'rows'", "bars")
        assert isinstance(err, cc.QueryError)
        assert isinstance(err, ValueError)
        assert (err.field, err.value) == ("view", "bars")


class TestDensityCounts:
    def test_a_month_and_a_year(self) -> None:
        """A day counts 1 in its month; a year 1/12 in each of its months."""
        events = [made(cc.EventKind.WAR, "2020-03-05", 1), made(cc.EventKind.CLASHES, "2020", 2)]
        panels = plot._panels([e.span for e in events])
        yearly, edges, counts, spread = plot._density_counts(events, panels)
        assert (yearly, spread) == (False, True)
        assert len(edges) == 13
        assert edges[0] == plot._day_number(dt.date(2020, 1, 1))
        assert counts[cc.EventKind.WAR] == [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]
        assert counts[cc.EventKind.CLASHES] == pytest.approx([1 / 12] * 12)
        assert list(counts) == [cc.EventKind.WAR, cc.EventKind.CLASHES]

    @given(st.lists(ccst.timespans(allow_unknown=False), min_size=1, max_size=12), st.data())
    def test_every_event_counts_once(self, spans: list[cc.TimeSpan], data: st.DataObject) -> None:
        """However dated, the counts add up to the number of events, each kind to its own events."""
        events = [made(data.draw(st.sampled_from(cc.EventKind)), span.format(), i) for i, span in enumerate(spans)]
        _, edges, counts, _ = plot._density_counts(events, plot._panels(spans))
        for kind, row in counts.items():
            assert len(row) == len(edges) - 1
            assert sum(row) == pytest.approx(sum(e.kind is kind for e in events))
            assert min(row) > -1e-9
        assert set(counts) == {e.kind for e in events}
