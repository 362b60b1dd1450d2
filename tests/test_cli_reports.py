"""The analyst commands (profile, casualties, search), every-kind export, and the CLI frictions of #12."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

import caucasus_conflict as cc
from caucasus_conflict import frames
from caucasus_conflict.cli import main

from .test_cli import VALID, last_line, run


@pytest.fixture(autouse=True)
def _terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pin the terminal width, so table layout does not depend on where tests run."""
    monkeypatch.setenv("COLUMNS", "100")


class TestProfile:
    def test_text(self, capsys: pytest.CaptureFixture[str], bundled: cc.Dataset) -> None:
        """profile prints the library's text form of the profile, at the terminal's width."""
        code, out, _ = run(capsys, "profile", "Moscow")
        assert code == 0
        assert out == bundled.profile("russia").format(width=100) + "\n"

    def test_json(self, capsys: pytest.CaptureFixture[str], bundled: cc.Dataset) -> None:
        """--json prints Profile.to_dict()."""
        code, out, _ = run(capsys, "--json", "profile", "Turkey")
        assert code == 0
        assert json.loads(out) == bundled.profile("turkey").to_dict()

    def test_partial_name(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A part of one actor's name is accepted."""
        code, out, _ = run(capsys, "profile", "ombudsman")
        assert code == 0
        assert out.startswith("Ombudsman of the Nagorno-Karabakh Republic (nkr-ombudsman), ")

    def test_unknown(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A name matching nothing exits 1 with the library's suggestion."""
        assert run(capsys, "profile", "Rusia") == (1, "", "error: no actor named 'Rusia'; did you mean 'Russia'?\n")


class TestCasualties:
    def test_table_and_total(self, capsys: pytest.CaptureFixture[str], bundled: cc.Dataset) -> None:
        """Every figure is a row with its event id; the footer gives the total that counts nobody twice."""
        code, out, _ = run(capsys, "casualties")
        assert code == 0
        for figure in bundled.casualties():
            assert figure.event_id in out
        assert f"2 figures. Total, each person counted at most once: {bundled.casualty_total()}." in \
            " ".join(out.split())
        assert re.search(r"\n2023-09-19~\s+25\s+138\s+unspecified\s+Ombudsman of the ", out)
        assert re.search(r"\n2020\s+at least 7,000\s+—\s+military\s+not named\s+not given\s+", out)

    @pytest.mark.parametrize(("argv", "expected"), [
        (["--reporter", "ombudsman"], ["offensive-2023"]),
        (["--group", "military"], ["war-2020"]),
        (["--from", "2023"], ["offensive-2023"]),
        (["--from", "2020", "--to", "2020", "--within"], ["war-2020"]),
        (["--actor", "Baku", "--territory", "Artsakh"], ["war-2020", "offensive-2023"]),
    ])
    def test_filters_json(self, capsys: pytest.CaptureFixture[str], bundled: cc.Dataset, argv: list[str],
                          expected: list[str]) -> None:
        """Each filter gives the figures the library gives, and the total of those figures."""
        code, out, _ = run(capsys, "--json", "casualties", *argv)
        data = json.loads(out)
        assert code == 0
        assert [f["event_id"] for f in data["figures"]] == expected
        figures = tuple(cc.converter.structure(f, cc.CasualtyFigure) for f in data["figures"])
        total = bundled.casualty_total(figures)
        assert data["total"] == {"killed": cc.converter.unstructure(total.killed),
                                 "injured": cc.converter.unstructure(total.injured)}

    def test_none_match(self, capsys: pytest.CaptureFixture[str]) -> None:
        """No matching figure says so."""
        assert run(capsys, "casualties", "--group", "civilian") == (0, "No casualty figures match.\n", "")

    def test_within_needs_window(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--within without --from or --to is a usage error."""
        code, _, err = run(capsys, "casualties", "--within")
        assert (code, last_line(err)) == (2, "caucasus-conflict casualties: error: --within needs --from or --to")


class TestSearch:
    def test_table(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Each hit is a row: type, id, field and snippet."""
        code, out, _ = run(capsys, "search", "GREAT WAR")
        assert code == 0
        assert "claim  pashinyan-brink-of-great-war  quote  on the brink of a great war" in out
        assert out.endswith("\n1 match.\n")

    def test_json_and_kind(self, capsys: pytest.CaptureFixture[str], bundled: cc.Dataset) -> None:
        """--json lists the hits; --kind limits the collections."""
        code, out, _ = run(capsys, "--json", "search", "erdogan", "--kind", "actors")
        assert code == 0
        assert [(h["type"], h["id"], h["field"]) for h in json.loads(out)] == \
            [("actor", h.record.id, h.field) for h in bundled.search("erdogan", kinds=["actors"])]

    def test_nothing(self, capsys: pytest.CaptureFixture[str]) -> None:
        """No hit says so; text with nothing to search is exit 2 with the library's message."""
        assert run(capsys, "search", "zzzqqq") == (0, "Nothing matches 'zzzqqq'.\n", "")
        assert run(capsys, "search", "--", "--") == \
            (2, "", "error: nothing to search for in '--': give at least one letter or digit\n")


class TestPartialNames:
    @pytest.mark.parametrize("argv", [
        ["territory", "lachin"], ["timeline", "--territory", "lachin"], ["casualties", "--territory", "lachin"],
        ["show", "lachin"], ["claims", "--about", "lachin"], ["actors", "--stance", "mediates", "--toward", "lachin"],
    ])
    def test_unique_part_accepted(self, capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
        """'lachin' names the Lachin corridor wherever a name is asked for (#12)."""
        code, out, err = run(capsys, *argv)
        full = [part.replace("lachin", "Lachin corridor") for part in argv]
        assert (code, err) == (0, "")
        assert out == run(capsys, *full)[1]

    @pytest.mark.parametrize("option", ["--actor", "--reporter"])
    def test_several_listed(self, capsys: pytest.CaptureFixture[str], option: str) -> None:
        """A part matching several actors is a usage error listing them."""
        code, out, err = run(capsys, "casualties", option, "armen")
        assert (code, out) == (2, "")
        assert err == ("error: 'armen' matches 4 actors: Armenia (armenia), Armenian diaspora in the United States "
                       "(armenian-diaspora-us), Armenian forces (armenian-forces), Karabakh Armenians "
                       "(karabakh-armenians); give more of the name, or the id\n")

    def test_many_listed_briefly(self, capsys: pytest.CaptureFixture[str]) -> None:
        """More than ten matches list ten and say how many more."""
        code, _, err = run(capsys, "profile", "a")
        assert code == 2
        assert err.rstrip().endswith("and 11 more; give more of the name, or the id")

    def test_exact_name_wins(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An exact name is used even when it is also part of other names ('Armenia')."""
        code, out, _ = run(capsys, "profile", "Armenia")
        assert code == 0
        assert out.startswith("Armenia (armenia), state")

    def test_user_data(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Partial names work on a --data file too."""
        code, out, _ = run(capsys, "--data", VALID, "territory", "vall")
        assert code == 0
        assert out.startswith("The Valley (valley)")


class TestJsonConflicts:
    def test_plot(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """--json with --plot is a usage error, and nothing is drawn."""
        target = tmp_path / "t.png"
        code, _, err = run(capsys, "--json", "timeline", "--plot", str(target))
        assert (code, last_line(err)) == (2, "caucasus-conflict timeline: error: --json and --plot cannot be "
                                             "combined: --plot writes a picture; drop one of them")
        assert not target.exists()

    @pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
    def test_export(self, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
        """--json with a non-JSON export format is a usage error."""
        code, _, err = run(capsys, "export", "--json", "--format", fmt)
        assert (code, last_line(err)) == (2, f"caucasus-conflict export: error: --json cannot be combined with "
                                             f"--format {fmt}; drop one of them")


class TestExportKinds:
    @pytest.mark.parametrize("kind", [t.collection for t in cc.RECORD_TYPES])
    def test_jsonl_every_kind(self, capsys: pytest.CaptureFixture[str], bundled: cc.Dataset, kind: str) -> None:
        """jsonl --kind writes that kind's records, one a line, in the library's order."""
        code, out, _ = run(capsys, "export", "--format", "jsonl", "--kind", kind)
        assert code == 0
        assert [json.loads(line)["id"] for line in out.splitlines()] == \
            [r.id for r in frames.records(bundled, kind)]

    def test_json_kind(self, capsys: pytest.CaptureFixture[str], bundled: cc.Dataset) -> None:
        """json --kind writes a list of that kind's records."""
        code, out, _ = run(capsys, "export", "--kind", "stances")
        assert code == 0
        assert json.loads(out) == cc.converter.unstructure(bundled.stances)

    def test_csv_kind(self, capsys: pytest.CaptureFixture[str]) -> None:
        """csv --kind claims has the claims table's columns."""
        code, out, _ = run(capsys, "export", "--format", "csv", "--kind", "claims")
        assert code == 0
        assert tuple(csv.DictReader(io.StringIO(out)).fieldnames or ()) == frames.columns("claims")

    def test_parquet(self, capsys: pytest.CaptureFixture[str], bundled: cc.Dataset, tmp_path: Path) -> None:
        """parquet writes the Arrow table of the kind to --output."""
        pq = pytest.importorskip("pyarrow.parquet")
        target = tmp_path / "claims.parquet"
        code, out, err = run(capsys, "export", "--format", "parquet", "--kind", "claims", "--output", str(target))
        assert (code, out, err) == (0, "", f"Wrote {len(bundled.claims)} claims to {target}.\n")
        assert pq.read_table(target).equals(bundled.to_arrow("claims"))

    def test_parquet_needs_output(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Parquet is binary: without --output it is a usage error."""
        code, out, err = run(capsys, "export", "--format", "parquet")
        assert (code, out, last_line(err)) == (2, "", "caucasus-conflict export: error: --format parquet writes "
                                                      "binary data: give --output FILE")


class TestFrictions:
    def test_id_column_for_short_summaries(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Short summaries get the ID column, as long ones do on a wide terminal (#12)."""
        code, out, _ = run(capsys, "--data", VALID, "timeline")
        assert code == 0
        header = out.splitlines()[0].split()
        assert header == ["DATE", "KIND", "ID", "SUMMARY"]
        assert "id: " not in out

    def test_show_actor_points_at_profile(self, capsys: pytest.CaptureFixture[str]) -> None:
        """show on an actor ends with the profile command to run."""
        _, out, _ = run(capsys, "show", "Russia")
        assert out.endswith("\nEverything the data set holds on this actor: caucasus-conflict profile russia\n")

    def test_stance_suggestion(self, bundled: cc.Dataset) -> None:
        """actors_by_stance('support') raises the library's error with a suggestion (#12)."""
        with pytest.raises(cc.QueryError) as info:
            bundled.actors_by_stance("support", toward="Azerbaijan")
        assert str(info.value) == ("'support' is not a valid StanceKind (did you mean 'supports'?); expected one "
                                   "of 'supports', 'opposes', 'mediates', 'close_ties', 'concerned'")

    def test_main_is_the_entry_point(self) -> None:
        """The new commands run through main like the others."""
        assert main(["search", "war", "--kind", "claims", "--json"]) == 0


class TestPlotTitle:
    def test_title(self, capsys: pytest.CaptureFixture[str], tmp_path: Path, bundled: cc.Dataset) -> None:
        """--title titles the picture that --plot writes."""
        pytest.importorskip("matplotlib")
        import matplotlib

        target = tmp_path / "t.svg"
        with matplotlib.rc_context({"svg.fonttype": "none"}):
            code, out, _ = run(capsys, "timeline", "--plot", str(target), "--title", "War and truce")
        dated = len(bundled.events_between(None, None))
        assert (code, out.splitlines()[0]) == (0, f"Wrote a timeline of {dated} events to {target}.")
        assert "War and truce" in target.read_text(encoding="utf-8")

    def test_title_needs_plot(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--title without --plot is a usage error."""
        code, _, err = run(capsys, "timeline", "--title", "T")
        assert (code, last_line(err)) == (2, "caucasus-conflict timeline: error: --title needs --plot: it titles "
                                             "the picture")


class TestPlotOptions:
    @pytest.fixture(autouse=True)
    def _svg_text(self) -> Any:
        """Keep text as text in SVG output, so that tests can read it."""
        matplotlib = pytest.importorskip("matplotlib")
        with matplotlib.rc_context({"svg.fonttype": "none"}):
            yield

    def test_view_size_kinds(self, capsys: pytest.CaptureFixture[str], tmp_path: Path, bundled: cc.Dataset) -> None:
        """--view, --size and --kinds reach the picture; the message counts the events drawn (#12)."""
        target = tmp_path / "t.png"
        code, out, _ = run(capsys, "timeline", "--plot", str(target), "--view", "density", "--size", "12x6",
                           "--kinds", "war, offensive")
        drawn = [e for e in bundled.chronology() if e.span.is_known and e.kind.value in ("war", "offensive")]
        assert (code, out) == (0, f"Wrote a timeline of {len(drawn)} events to {target}.\n")
        data = target.read_bytes()
        assert (int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")) == (1800, 900)

    def test_density_svg(self, capsys: pytest.CaptureFixture[str], tmp_path: Path, bundled: cc.Dataset) -> None:
        """--view density draws events per month, keyed by the kinds asked for only."""
        target = tmp_path / "t.svg"
        assert run(capsys, "timeline", "--plot", str(target), "--view", "density", "--kinds", "war,statement")[0] == 0
        text = target.read_text(encoding="utf-8")
        assert "events per month" in text
        assert ">war<" in text
        assert ">statement<" in text
        for absent in ("offensive", "blockade", "mobilisation"):
            assert f">{absent}<" not in text

    def test_label_width(self, capsys: pytest.CaptureFixture[str], tmp_path: Path, bundled: cc.Dataset) -> None:
        """--label-width wraps the row labels at that many characters."""
        from caucasus_conflict import plot

        target = tmp_path / "t.svg"
        assert run(capsys, "timeline", "--plot", str(target), "--label-width", "20")[0] == 0
        text = target.read_text(encoding="utf-8")
        event = bundled.record("war-1990s")
        assert isinstance(event, cc.Event)
        lines = plot._summary(event, 20).split("\n")
        assert len(lines) == 2
        assert all(f">{line}<" in text for line in lines)

    @pytest.mark.parametrize(("argv", "message"), [
        (["--size", "big"], "argument --size: write WIDTHxHEIGHT in inches, such as 12x8 (got 'big')"),
        (["--size", "1x6"], "argument --size: 'size' must be (width, height) in inches, each from 2 to 100 "
                            "(got (1, 6))"),
        (["--data", VALID, "--size", "6x4"], "argument --size: 'size' must be at least 8 inches wide to leave room "
         "beside row labels of 58 characters (or give a smaller label_width) (got (6, 4))"),
        (["--data", VALID, "--size", "10x3"], "argument --size: 'size' must be at least 3.5 inches tall for 4 rows of "
         "labels (or draw fewer events, or view='density') (got (10, 3))"),
        (["--label-width", "5"], "argument --label-width: 'label_width' must be from 10 to 200 characters (got 5)"),
        (["--kinds", "war,battle"], "argument --kinds: 'kinds[1]' must be an EventKind or one of its values: "
         + ", ".join(repr(k.value) for k in cc.EventKind) + " (got 'battle')"),
    ])
    def test_bad_values(self, capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str],
                        message: str) -> None:
        """A bad picture option is a usage error naming the option and what it must be; nothing is drawn."""
        target = tmp_path / "t.png"
        code, out, err = run(capsys, "timeline", "--plot", str(target), *argv)
        assert (code, out, last_line(err)) == (2, "", f"caucasus-conflict timeline: error: {message}")
        assert not target.exists()

    def test_bad_view(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """--view accepts only the library's views."""
        code, _, err = run(capsys, "timeline", "--plot", str(tmp_path / "t.png"), "--view", "bars")
        assert code == 2
        assert "argument --view: invalid choice: 'bars'" in last_line(err)

    @pytest.mark.parametrize(("argv", "message"), [
        (["--view", "rows"], "--view needs --plot: it chooses how the picture is drawn"),
        (["--size", "12x8"], "--size needs --plot: it sizes the picture"),
        (["--label-width", "30"], "--label-width needs --plot: it wraps the picture's row labels"),
        (["--kinds", "war"], "--kinds needs --plot: it chooses the kinds the picture draws"),
    ])
    def test_need_plot(self, capsys: pytest.CaptureFixture[str], argv: list[str], message: str) -> None:
        """The picture's options without --plot are usage errors."""
        code, _, err = run(capsys, "timeline", *argv)
        assert (code, last_line(err)) == (2, f"caucasus-conflict timeline: error: {message}")
