"""Tests for the command line: every subcommand and option, output and exit status."""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

import caucasus_conflict as cc
from caucasus_conflict.cli import CSV_COLUMNS, build_parser, main
from tests.formats._support import fixture

FIXTURES = Path(__file__).parent / "fixtures" / "cli"
VALID = str(FIXTURES / "valid.json")
INVALID = str(FIXTURES / "invalid.json")
DANGLING = str(FIXTURES / "dangling.json")
DOCS = Path(__file__).parents[1] / "docs" / "cli.md"
COMMANDS = ("timeline", "actors", "claims", "territory", "control", "members", "ceasefires", "show", "profile",
            "casualties", "search", "validate", "export")
INFERRED_NOTE = "~ inferred from context, not stated in the source; 'caucasus-conflict show ID' gives the reason."


@pytest.fixture(autouse=True)
def _terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pin the terminal width, so table layout does not depend on where tests run."""
    monkeypatch.setenv("COLUMNS", "100")


@pytest.fixture(scope="module")
def user() -> cc.Dataset:
    """The small user data set the CLI tests load with --data."""
    return cc.load(VALID)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the CLI and return its exit status, stdout and stderr."""
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    """Run the CLI with --json, check it succeeded, and return the parsed output."""
    code, out, _ = run(capsys, "--json", *argv)
    assert code == 0
    return json.loads(out)


def last_line(text: str) -> str:
    """The last non-empty line of *text*."""
    return text.rstrip("\n").splitlines()[-1]


class TestMain:
    def test_version(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--version prints the program name and the package version, and exits 0."""
        assert run(capsys, "--version") == (0, f"caucasus-conflict {cc.__version__}\n", "")

    def test_python_dash_m(self) -> None:
        """`python -m caucasus_conflict --version` runs the same command line."""
        done = subprocess.run([sys.executable, "-m", "caucasus_conflict", "--version"],
                              capture_output=True, text=True, check=False)
        assert (done.returncode, done.stdout) == (0, f"caucasus-conflict {cc.__version__}\n")

    def test_help_lists_every_command(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--help exits 0 and names every subcommand."""
        code, out, _ = run(capsys, "--help")
        assert code == 0
        assert all(command in out for command in COMMANDS)

    def test_no_command(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Without a subcommand, it is a usage error."""
        code, _, err = run(capsys)
        assert (code, last_line(err)) == (2, "caucasus-conflict: error: the following arguments are required: COMMAND")

    def test_unknown_command(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown subcommand is a usage error naming the choices."""
        code, _, err = run(capsys, "bogus")
        assert code == 2
        assert last_line(err).startswith("caucasus-conflict: error: argument COMMAND: invalid choice: 'bogus'")

    @pytest.mark.parametrize("argv", [["timeline"], ["actors"], ["claims"], ["territory", "Artsakh"],
                                      ["control", "Artsakh"], ["members", "CSTO"],
                                      ["ceasefires"], ["show", "Baku"], ["profile", "Baku"], ["casualties"],
                                      ["search", "war"], ["validate", VALID], ["export"]],
                             ids=COMMANDS)
    def test_unknown_option(self, capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
        """An unknown option is a usage error, for every subcommand."""
        code, _, err = run(capsys, *argv, "--bogus")
        assert code == 2
        assert "unrecognized arguments: --bogus" in last_line(err)

    def test_data_before_or_after_command(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--data and --json work before and after the subcommand alike."""
        before = run(capsys, "--data", VALID, "--json", "actors")
        after = run(capsys, "actors", "--data", VALID, "--json")
        mixed = run(capsys, "--json", "actors", "--data", VALID)
        assert before == after == mixed
        assert [a["id"] for a in json.loads(before[1])] == ["north", "south", "broker"]

    def test_missing_data_file(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A --data file that does not exist is reported, with exit status 2."""
        missing = tmp_path / "nope.json"
        code, out, err = run(capsys, "--data", str(missing), "timeline")
        assert (code, out) == (2, "")
        assert err == (f"error: {missing}: 1 problem:\n"
                       "  $: cannot read the file (No such file or directory)\n"
                       "Check the path and that the file is UTF-8 text.\n")

    @pytest.mark.parametrize("command", ["timeline", "actors", "claims", "ceasefires", "export"])
    def test_invalid_data_file(self, capsys: pytest.CaptureFixture[str], command: str) -> None:
        """Any command on an invalid --data file exits 2 and lists every problem."""
        code, out, err = run(capsys, "--data", INVALID, command)
        assert (code, out) == (2, "")
        assert err.startswith(f"error: {INVALID}: 3 problems:\n")
        assert "Traceback" not in err

    def test_argv_defaults_to_sys_argv(self, capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
        """main() without arguments reads sys.argv."""
        monkeypatch.setattr(sys, "argv", ["caucasus-conflict", "--version"])
        assert main() == 0
        assert capsys.readouterr().out == f"caucasus-conflict {cc.__version__}\n"

    def test_broken_pipe_is_quiet(self, capsys: pytest.CaptureFixture[str],
                                  monkeypatch: pytest.MonkeyPatch) -> None:
        """When the reader goes away (`| head`), the command stops quietly with status 0."""

        class ClosedPipe(io.StringIO):
            def write(self, text: str) -> int:
                raise BrokenPipeError(32, "Broken pipe")

        monkeypatch.setattr(sys, "stdout", ClosedPipe())
        assert main(["timeline"]) == 0
        assert capsys.readouterr().err == ""

    def test_docs_cover_every_command_and_option(self, capsys: pytest.CaptureFixture[str]) -> None:
        """docs/cli.md has a section for every subcommand and mentions each of its options."""
        docs = DOCS.read_text(encoding="utf-8")
        for command in COMMANDS:
            assert f"## `{command}" in docs, command
            _, out, _ = run(capsys, command, "--help")
            for option in set(re.findall(r"--[a-z]+", out)) - {"--help"}:
                assert f"`{option}" in docs, (command, option)


class TestTimeline:
    def test_lists_dated_events_in_order(self, capsys: pytest.CaptureFixture[str], bundled: cc.Dataset) -> None:
        """Without filters, every dated event is listed in chronological order."""
        events = run_json(capsys, "timeline")
        assert [e["id"] for e in events] == [e.id for e in bundled.chronology() if e.span.is_known]

    def test_human_table(self, capsys: pytest.CaptureFixture[str], bundled: cc.Dataset) -> None:
        """The table has a header, every event's date, kind and id, a count and the inferred-date footer."""
        code, out, err = run(capsys, "timeline")
        dated = [e for e in bundled.chronology() if e.span.is_known]
        assert (code, err) == (0, "")
        assert out.splitlines()[0].split() == ["DATE", "KIND", "SUMMARY"]
        assert all(e.id in out and e.span.format() in out for e in dated)
        assert f"\n{len(dated)} events.\n" in out
        assert INFERRED_NOTE in out

    def test_inferred_dates_are_marked(self, capsys: pytest.CaptureFixture[str], user: cc.Dataset) -> None:
        """An inferred date carries a trailing '~'; a stated one does not."""
        _, out, _ = run(capsys, "--data", VALID, "timeline")
        assert re.search(r"^2024/\.\.~\s+blockade\s+siege\s", out, re.M)
        assert re.search(r"^2024-02-11\s+offensive\s+raid\s", out, re.M)
        assert out.endswith(f"4 events.\n{INFERRED_NOTE}\n1 undated event left out; add --undated to include them.\n")

    def test_wide_terminal_has_id_column(self, capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
        """On a wide terminal the ids get their own column; on a narrow one they go under the summary."""
        monkeypatch.setenv("COLUMNS", "200")
        _, wide, _ = run(capsys, "timeline")
        monkeypatch.setenv("COLUMNS", "80")
        _, narrow, _ = run(capsys, "timeline")
        assert wide.splitlines()[0].split() == ["DATE", "KIND", "ID", "SUMMARY"]
        assert "id: offensive-2023" in narrow
        assert all(len(line) <= 80 for line in narrow.splitlines())

    def test_window_overlap(self, capsys: pytest.CaptureFixture[str], bundled: cc.Dataset) -> None:
        """--from/--to list the events overlapping the window, as events_between does."""
        events = run_json(capsys, "timeline", "--from", "2023-09", "--to", "2023-09")
        assert [e["id"] for e in events] == [e.id for e in bundled.events_between("2023-09", "2023-09")]
        assert "offensive-2023" in [e["id"] for e in events]

    def test_window_within(self, capsys: pytest.CaptureFixture[str], bundled: cc.Dataset) -> None:
        """--within lists only the events wholly inside the window."""
        events = run_json(capsys, "timeline", "--from", "2020", "--to", "2020-12", "--within")
        assert [e["id"] for e in events] == [e.id for e in bundled.events_between("2020", "2020", within=True)]
        assert "lachin-blockade" not in [e["id"] for e in events]

    def test_from_only(self, capsys: pytest.CaptureFixture[str], user: cc.Dataset) -> None:
        """--from alone leaves the window open at the end."""
        events = run_json(capsys, "--data", VALID, "timeline", "--from", "2024-03")
        assert [e["id"] for e in events] == ["siege", "talks"]

    def test_to_only(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--to alone leaves the window open at the start."""
        events = run_json(capsys, "--data", VALID, "timeline", "--to", "2010")
        assert [e["id"] for e in events] == ["old-war"]

    def test_actor_alias(self, capsys: pytest.CaptureFixture[str], user: cc.Dataset) -> None:
        """--actor takes any name or alias and keeps the events the actor takes part in."""
        events = run_json(capsys, "--data", VALID, "timeline", "--actor", "Nordhaven")
        assert [e["id"] for e in events] == [e.id for e in user.events_involving("north") if e.span.is_known]

    def test_bundled_actor_metonym(self, capsys: pytest.CaptureFixture[str], bundled: cc.Dataset) -> None:
        """'Baku' finds Azerbaijan's events in the bundled data."""
        events = run_json(capsys, "timeline", "--actor", "Baku")
        assert [e["id"] for e in events] == [e.id for e in bundled.events_involving("azerbaijan") if e.span.is_known]

    def test_territory(self, capsys: pytest.CaptureFixture[str], bundled: cc.Dataset) -> None:
        """--territory keeps the events in that territory."""
        events = run_json(capsys, "timeline", "--territory", "Lachin corridor")
        assert [e["id"] for e in events] == [e.id for e in bundled.events_in("lachin-corridor") if e.span.is_known]
        assert "lachin-blockade" in [e["id"] for e in events]

    def test_kind(self, capsys: pytest.CaptureFixture[str], bundled: cc.Dataset) -> None:
        """--kind keeps the events of one kind."""
        events = run_json(capsys, "timeline", "--kind", "blockade")
        assert [e["id"] for e in events] == [e.id for e in bundled.events_of_kind("blockade")]

    def test_filters_combine(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Filters combine: every one must match."""
        events = run_json(capsys, "--data", VALID, "timeline", "--actor", "south", "--territory", "valley",
                          "--from", "2024")
        assert [e["id"] for e in events] == ["raid"]

    def test_undated_left_out_is_reported(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Undated events are left out by default, and the footer says how many."""
        code, out, _ = run(capsys, "--data", VALID, "timeline")
        assert code == 0
        assert "rumour" not in out
        assert last_line(out) == "1 undated event left out; add --undated to include them."

    def test_undated_included(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--undated lists undated events last, and nothing is reported left out."""
        _, out, _ = run(capsys, "--data", VALID, "timeline", "--undated")
        assert re.search(r"^unknown\s+statement\s+rumour\s+A rumour of a second raid$", out, re.M)
        assert "left out" not in out
        events = run_json(capsys, "--data", VALID, "timeline", "--undated", "--from", "2024")
        assert [e["id"] for e in events][-1] == "rumour"

    def test_json_reports_undated_on_stderr(self, capsys: pytest.CaptureFixture[str]) -> None:
        """With --json, the count of undated events left out goes to stderr, keeping stdout JSON."""
        code, out, err = run(capsys, "--json", "--data", VALID, "timeline")
        assert code == 0
        assert len(json.loads(out)) == 4
        assert err == "1 undated event left out; add --undated to include them.\n"

    def test_json_round_trips(self, capsys: pytest.CaptureFixture[str], user: cc.Dataset) -> None:
        """--json output structures back into the same events."""
        events = run_json(capsys, "--data", VALID, "timeline", "--undated")
        assert tuple(cc.converter.structure(e, cc.Event) for e in events) == user.chronology()

    def test_no_match(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An empty result says so."""
        assert run(capsys, "--data", VALID, "timeline", "--kind", "war", "--from", "2024") == \
            (0, "No events match.\n", "")

    def test_bad_date(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A malformed date is a usage error with the library's explanation."""
        code, out, err = run(capsys, "timeline", "--from", "2023-13")
        assert (code, out) == (2, "")
        assert last_line(err) == ("caucasus-conflict timeline: error: argument --from: invalid time span '2023-13': "
                                  "month must be 01..12 (got 13); write 'YYYY', 'YYYY-MM', 'YYYY-MM-DD', "
                                  "'START/END' or 'unknown'")

    def test_unknown_date(self, capsys: pytest.CaptureFixture[str]) -> None:
        """'unknown' is not a date to query by."""
        code, _, err = run(capsys, "timeline", "--to", "unknown")
        assert code == 2
        assert last_line(err) == ("caucasus-conflict timeline: error: argument --to: a query date must be known; "
                                  "write 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'")

    def test_window_backwards(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A window that ends before it starts is invalid input (exit 2)."""
        code, _, err = run(capsys, "timeline", "--from", "2024", "--to", "2023")
        assert code == 2
        assert err == ("error: invalid time span 'from 2024 to 2023': the window ends before it starts; "
                       "swap the start and the end\n")

    def test_within_needs_window(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--within without --from or --to is a usage error."""
        code, _, err = run(capsys, "timeline", "--within")
        assert (code, last_line(err)) == (2, "caucasus-conflict timeline: error: --within needs --from or --to")

    def test_unknown_actor(self, capsys: pytest.CaptureFixture[str], bundled: cc.Dataset) -> None:
        """An unknown actor exits 1 with the library's suggestions."""
        code, out, err = run(capsys, "timeline", "--actor", "Azerbijan")
        with pytest.raises(cc.UnknownNameError) as caught:
            bundled.actor("Azerbijan")
        assert (code, out, err) == (1, "", f"error: {caught.value}\n")
        assert "did you mean 'azerbaijan'" in err.lower()

    def test_bad_kind(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--kind accepts only EventKind values."""
        code, _, err = run(capsys, "timeline", "--kind", "battle")
        assert code == 2
        assert "argument --kind: invalid choice: 'battle'" in last_line(err)

    def test_plot(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """--plot writes a PNG picture instead of the table, and still reports undated events."""
        target = tmp_path / "timeline.png"
        code, out, _ = run(capsys, "--data", VALID, "timeline", "--plot", str(target))
        assert code == 0
        assert out == (f"Wrote a timeline of 4 events to {target}.\n"
                       "1 undated event left out; add --undated to include them.\n")
        assert target.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")

    def test_plot_window(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """--plot draws only the events in the window, here as SVG."""
        target = tmp_path / "zoom.svg"
        code, out, _ = run(capsys, "timeline", "--from", "2023-09", "--plot", str(target))
        assert code == 0
        assert out.startswith("Wrote a timeline of ")
        assert "<svg" in target.read_text(encoding="utf-8")

    def test_plot_bad_suffix(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """--plot to an unsupported format is a usage error."""
        code, _, err = run(capsys, "timeline", "--plot", "timeline.gif")
        assert code == 2
        assert last_line(err) == ("caucasus-conflict timeline: error: argument --plot: cannot write a picture to "
                                  "'timeline.gif': use a file name ending in .png, .svg, .pdf")

    def test_plot_without_matplotlib(self, capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
        """Without matplotlib, --plot says which extra to install (exit 2)."""
        monkeypatch.setitem(sys.modules, "matplotlib", None)
        code, _, err = run(capsys, "timeline", "--plot", str(tmp_path / "t.png"))
        assert (code, err) == (2, "error: this feature needs matplotlib; install it with: "
                                  "pip install 'caucasus-conflict[plot]'\n")

    def test_plot_unwritable(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A picture that cannot be written is reported without a traceback (exit 2)."""
        target = tmp_path / "missing" / "t.png"
        code, _, err = run(capsys, "timeline", "--plot", str(target))
        assert (code, err) == (2, f"error: cannot write '{target}': No such file or directory; check the path\n")


class TestActors:
    def test_lists_all(self, capsys: pytest.CaptureFixture[str], bundled: cc.Dataset) -> None:
        """Every actor is listed with id, name, kind and aliases."""
        code, out, _ = run(capsys, "actors")
        assert code == 0
        assert out.splitlines()[0].split() == ["ID", "NAME", "KIND", "ALIASES"]
        assert re.search(r"^azerbaijan\s+Azerbaijan\s+state\s+Baku$", out, re.M)
        assert last_line(out) == f"{len(bundled.actors)} actors."

    def test_user_data(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Aliases are listed comma-separated; an actor without aliases shows a dash."""
        _, out, _ = run(capsys, "--data", VALID, "actors")
        assert re.search(r"^south\s+Southland\s+state\s+Sudport, the South$", out, re.M)
        assert re.search(r"^broker\s+Valley Contact Group\s+organisation\s+—$", out, re.M)

    def test_stance(self, capsys: pytest.CaptureFixture[str], bundled: cc.Dataset) -> None:
        """--stance/--toward list the actors holding that stance, as actors_by_stance does."""
        actors = run_json(capsys, "actors", "--stance", "supports", "--toward", "Baku")
        assert [a["id"] for a in actors] == [a.id for a in bundled.actors_by_stance("supports", toward="Baku")]
        assert "turkey" in [a["id"] for a in actors]

    def test_stance_at(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--at keeps only stances held during that date."""
        assert [a["id"] for a in run_json(capsys, "--data", VALID, "actors", "--stance", "supports",
                                          "--toward", "the South", "--at", "2024-06")] == ["broker"]
        code, out, _ = run(capsys, "--data", VALID, "actors", "--stance", "supports", "--toward", "south",
                           "--at", "2023")
        assert (code, out) == (0, "No actors match.\n")

    def test_stance_toward_event(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--toward may name an event by id."""
        actors = run_json(capsys, "--data", VALID, "actors", "--stance", "opposes", "--toward", "raid")
        assert [a["id"] for a in actors] == ["south"]

    def test_stance_without_toward(self, capsys: pytest.CaptureFixture[str], bundled: cc.Dataset) -> None:
        """--stance alone lists every actor holding that stance toward anyone, as actors_by_stance does (#12)."""
        actors = run_json(capsys, "actors", "--stance", "supports")
        expected = sorted({s.holder_id for s in bundled.stances if s.kind is cc.StanceKind.SUPPORTS})
        assert [a["id"] for a in actors] == expected == [a.id for a in bundled.actors_by_stance("supports")]
        assert len(expected) > len(bundled.actors_by_stance("supports", toward="Baku"))
        code, out, _ = run(capsys, "actors", "--stance", "mediates")
        assert code == 0
        assert re.search(r"^russia\s+Russia\s+state\s", out, re.M)
        assert last_line(out) == "1 actor."

    def test_stance_without_toward_at(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--stance with --at and no --toward keeps only stances held during that date, toward anyone (#12)."""
        assert [a["id"] for a in run_json(capsys, "--data", VALID, "actors", "--stance", "supports",
                                          "--at", "2024-06")] == ["broker"]
        assert run(capsys, "--data", VALID, "actors", "--stance", "supports", "--at", "2023") == \
            (0, "No actors match.\n", "")

    def test_stance_without_toward_marks_last_known(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--stance --at without --toward still marks a holder whose stance is only last known (#12)."""
        _, out, _ = run(capsys, "actors", "--stance", "mediates", "--at", "2023-10")
        assert "last known as of 2023-09: Russia (russia)" in out.splitlines()
        assert run(capsys, "actors", "--stance", "mediates", "--at", "2023-10", "--known-only") == \
            (0, "No actors match.\n", "")

    @pytest.mark.parametrize(("argv", "message"), [
        (["--toward", "Baku"], "--toward needs --stance: it says toward whom the stance is held"),
        (["--at", "2020"], "--at needs --stance"),
    ])
    def test_incomplete_options(self, capsys: pytest.CaptureFixture[str], argv: list[str], message: str) -> None:
        """--toward and --at need --stance (#12: --stance no longer needs --toward)."""
        code, _, err = run(capsys, "actors", *argv)
        assert (code, last_line(err)) == (2, f"caucasus-conflict actors: error: {message}")

    def test_bad_stance(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--stance accepts only StanceKind values."""
        code, _, err = run(capsys, "actors", "--stance", "likes", "--toward", "Baku")
        assert code == 2
        assert "argument --stance: invalid choice: 'likes'" in last_line(err)

    def test_unknown_toward(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown --toward name exits 1 with a message."""
        code, _, err = run(capsys, "--data", VALID, "actors", "--stance", "supports", "--toward", "Atlantis")
        assert (code, err) == (1, "error: no actor, territory or event named 'Atlantis'; check the spelling "
                                  "(ids, names and aliases are all accepted)\n")

    def test_json(self, capsys: pytest.CaptureFixture[str], user: cc.Dataset) -> None:
        """--json gives the actors as the converter unstructures them."""
        assert run_json(capsys, "--data", VALID, "actors") == cc.converter.unstructure(user.actors)


class TestClaims:
    def test_lists_all(self, capsys: pytest.CaptureFixture[str], bundled: cc.Dataset) -> None:
        """Every claim is listed, with claimant, date, medium, summary and quote."""
        code, out, _ = run(capsys, "claims")
        assert code == 0
        assert out.splitlines()[0].split() == ["DATE", "CLAIMANT", "MEDIUM", "SUMMARY"]
        assert f"\n{len(bundled.claims)} claims.\n" in out
        assert all(c.id in out for c in bundled.claims)

    def test_columns(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A claim row shows date, claimant's name, medium, summary, then the quote."""
        _, out, _ = run(capsys, "--data", VALID, "claims")
        assert re.search(r"^2024-02-12\s+Southland\s+social media\s+accusation\s+Southland says Northland raided "
                         r"the valley\n\s+quote: “a cowardly raid”$", out, re.M)
        assert re.search(r"^2024-02\s+Northland\s+speech\s+denial\s+Northland denies the raid$", out, re.M)
        assert last_line(out) == "2 claims."

    def test_unattributed(self, capsys: pytest.CaptureFixture[str], bundled: cc.Dataset) -> None:
        """A claim without a claimant says so."""
        _, out, _ = run(capsys, "claims")
        assert ("(unattributed)" in out) == bool(bundled.unattributed_claims())

    def test_by(self, capsys: pytest.CaptureFixture[str], bundled: cc.Dataset) -> None:
        """--by keeps the claims an actor made, by any of its names."""
        claims = run_json(capsys, "claims", "--by", "Pashiniyan")
        assert [c["id"] for c in claims] == [c.id for c in bundled.claims_by("nikol-pashinyan")]
        assert claims

    def test_about(self, capsys: pytest.CaptureFixture[str], bundled: cc.Dataset) -> None:
        """--about keeps the claims about an actor, territory or event."""
        claims = run_json(capsys, "claims", "--about", "Ankara")
        assert [c["id"] for c in claims] == [c.id for c in bundled.claims_about("turkey")]

    def test_by_and_about(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--by and --about combine."""
        assert [c["id"] for c in run_json(capsys, "--data", VALID, "claims", "--by", "south",
                                          "--about", "raid")] == ["accusation"]
        assert run(capsys, "--data", VALID, "claims", "--by", "broker") == (0, "No claims match.\n", "")

    def test_disputed(self, capsys: pytest.CaptureFixture[str], bundled: cc.Dataset) -> None:
        """--disputed lists each pair from contradictions(), both claims of it."""
        code, out, _ = run(capsys, "claims", "--disputed")
        pairs = bundled.contradictions()
        assert code == 0
        assert all(a.id in out and b.id in out for a, b in pairs)
        assert f"\n{len(pairs)} pairs of claims that dispute each other.\n" in out

    def test_disputed_json(self, capsys: pytest.CaptureFixture[str], bundled: cc.Dataset) -> None:
        """--disputed --json gives a list of [claim, claim] pairs."""
        pairs = run_json(capsys, "claims", "--disputed")
        assert [[a["id"], b["id"]] for a, b in pairs] == [[a.id, b.id] for a, b in bundled.contradictions()]

    def test_disputed_filtered(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--disputed with --by keeps the pairs in which the actor made either claim."""
        _, out, _ = run(capsys, "--data", VALID, "claims", "--disputed", "--by", "Northland")
        assert last_line(out) == "1 pair of claims that dispute each other."
        assert run(capsys, "--data", VALID, "claims", "--disputed", "--by", "broker") == \
            (0, "No disputed claims match.\n", "")

    def test_unknown_claimant(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown --by name exits 1 with a suggestion."""
        code, _, err = run(capsys, "--data", VALID, "claims", "--by", "Northlnd")
        assert (code, err) == (1, "error: no actor named 'Northlnd'; did you mean 'Northland'?\n")

    def test_json(self, capsys: pytest.CaptureFixture[str], user: cc.Dataset) -> None:
        """--json gives the claims in chronological order, as the converter unstructures them."""
        claims = run_json(capsys, "--data", VALID, "claims")
        assert claims == [cc.converter.unstructure(user.claim(i)) for i in ("denial", "accusation")]


class TestTerritory:
    def test_controller_at(self, capsys: pytest.CaptureFixture[str], bundled: cc.Dataset) -> None:
        """--at shows who controlled the territory then (the Lachin corridor in 2021: Russia)."""
        code, out, _ = run(capsys, "territory", "Lachin corridor", "--at", "2021-06-01")
        periods = bundled.controller_of("Lachin corridor", at="2021-06-01")
        assert code == 0
        assert out.startswith("Lachin corridor (lachin-corridor), corridor\n")
        assert "Control at 2021-06-01:" in out
        assert [p.controller_ids for p in periods] == [("russia",)]
        assert re.search(r"^\S+\s+Russia \(russia\)\s+full\s+de facto$", out, re.M)

    def test_all_periods(self, capsys: pytest.CaptureFixture[str], user: cc.Dataset) -> None:
        """Without --at every control period is listed, with status, population and parts."""
        code, out, _ = run(capsys, "--data", VALID, "territory", "Dolina")
        assert code == 0
        assert out == (
            "The Valley (valley), region\n"
            "  also called  Dolina\n"
            "  part of      —\n"
            "  status       self proclaimed\n"
            "  population   at least 5,000 (reported as 'over 5,000') (2024), mostly herders\n"
            "  parts        High Pass (pass)\n"
            "\n"
            "Control periods:\n"
            "WHEN         CONTROLLED BY      EXTENT            BASIS\n"
            "-----------  -----------------  ----------------  --------\n"
            "../2023      Northland (north)  full              de facto\n"
            "2024-02/..~  Southland (south)  part (about 50%)  de facto\n"
            "\n"
            f"{INFERRED_NOTE}\n"
        )

    def test_no_period_at(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A date with no control period recorded says so."""
        _, out, _ = run(capsys, "--data", VALID, "territory", "valley", "--at", "2024-01")
        assert "No control period recorded at 2024-01." in out

    def test_part_of(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A part names the territory it is part of."""
        _, out, _ = run(capsys, "--data", VALID, "territory", "High Pass")
        assert "  part of      The Valley (valley)\n" in out
        assert "No control periods recorded." in out

    def test_unknown(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown territory (not part of any name) exits 1 with a suggestion."""
        assert run(capsys, "territory", "Artsack") == (1, "", "error: no territory named 'Artsack'; "
                                                              "did you mean 'Artsakh'?\n")

    def test_bad_date(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A malformed --at is a usage error."""
        code, _, err = run(capsys, "territory", "Artsakh", "--at", "2021-02-30")
        assert code == 2
        assert "argument --at: invalid time span '2021-02-30'" in last_line(err)

    def test_json(self, capsys: pytest.CaptureFixture[str], user: cc.Dataset) -> None:
        """--json gives the territory, its parts, the date asked and the control periods."""
        data = run_json(capsys, "--data", VALID, "territory", "valley", "--at", "2023")
        valley = user.territory("valley")
        assert data == {"territory": cc.converter.unstructure(valley), "parts": ["pass"],
                        "at": cc.converter.unstructure(cc.TimeSpan.year(2023)),
                        "control": cc.converter.unstructure(user.controller_of(valley, at="2023"))}


class TestCeasefires:
    def test_lists_all(self, capsys: pytest.CaptureFixture[str], bundled: cc.Dataset) -> None:
        """Every ceasefire is listed with its parties, mediators and dates."""
        code, out, _ = run(capsys, "ceasefires")
        assert code == 0
        assert all(f"{c.name} ({c.id})" in out and c.declared.format() in out for c in bundled.ceasefires)
        assert f"\n{len(bundled.ceasefires)} ceasefire" in out

    def test_fields(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A ceasefire shows parties, mediators, declared/effective/ended, provisions and what strained it."""
        code, out, _ = run(capsys, "--data", VALID, "ceasefires")
        assert code == 0
        assert out == (
            "March truce (truce)\n"
            "  parties      Northland (north), Southland (south)\n"
            "  mediators    Valley Contact Group (broker)\n"
            "  declared     2024-03-05\n"
            "  effective    2024-03-06\n"
            "  ended        not reported\n"
            "  provisions   - Both sides pull back from the pass\n"
            "  strained by  - 2024/..~ Southland closes the High Pass to all traffic (siege)\n"
            "\n"
            "1 ceasefire.\n"
            f"{INFERRED_NOTE}\n"
        )

    def test_actor(self, capsys: pytest.CaptureFixture[str], bundled: cc.Dataset) -> None:
        """--actor keeps the ceasefires the actor is a party to or mediated."""
        ceasefires = run_json(capsys, "ceasefires", "--actor", "Moscow")
        assert [c["id"] for c in ceasefires] == [c.id for c in bundled.ceasefires_involving("russia")]
        assert run(capsys, "--data", VALID, "ceasefires", "--actor", "Nordhaven")[0] == 0

    def test_unknown_actor(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown --actor exits 1."""
        code, _, err = run(capsys, "--data", VALID, "ceasefires", "--actor", "Atlantis")
        assert code == 1
        assert err.startswith("error: no actor named 'Atlantis'")

    def test_json(self, capsys: pytest.CaptureFixture[str], user: cc.Dataset) -> None:
        """--json gives the ceasefires as the converter unstructures them."""
        assert run_json(capsys, "--data", VALID, "ceasefires") == cc.converter.unstructure(user.ceasefires)


class TestShow:
    def test_event(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An event shows every field, citations as block references, and the source's credit."""
        code, out, _ = run(capsys, "--data", VALID, "show", "raid")
        assert code == 0
        assert out.startswith("Event raid\n  kind           offensive\n")
        assert "  participants   Northland (north): initiator\n                 Southland (south): target\n" in out
        assert "                   reported_by_id: Southland (south)\n" in out
        assert "  parent_id      —\n" in out
        assert "  citations      blocks [2] [3] of memo\n" in out
        assert out.endswith("Source memo: Field memo on the valley (Example Desk, https://example.org/memo).\n"
                            "Credit: Example Desk, https://example.org/memo\n")

    def test_inferred_reason(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An inferred date is marked and its reason shown."""
        _, out, _ = run(capsys, "--data", VALID, "show", "siege")
        assert "  span           2024/..~\n                   inferred: The memo dates the closure only by the winter.\n" \
            in out
        assert last_line(out) == "~ inferred from context, not stated in the source."

    def test_quote_citation(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A citation's quote is shown with it."""
        _, out, _ = run(capsys, "--data", VALID, "show", "accusation")
        assert "block [3] of memo, quoting 'a cowardly raid'" in out

    @pytest.mark.parametrize(("record_id", "heading"), [
        ("memo", "Source memo: Field memo on the valley"),
        ("north", "Actor north: Northland"),
        ("valley", "Territory valley: The Valley"),
        ("truce", "Ceasefire truce: March truce"),
        ("denial", "Claim denial"),
        ("broker-supports-south", "Stance broker-supports-south"),
    ])
    def test_every_type(self, capsys: pytest.CaptureFixture[str], user: cc.Dataset, record_id: str,
                        heading: str) -> None:
        """Records of every type can be shown, each field on its own line."""
        code, out, _ = run(capsys, "--data", VALID, "show", record_id)
        record = user.record(record_id)
        assert code == 0
        assert out.splitlines()[0] == heading
        assert all(re.search(rf"^  {name}\s", out, re.M) for name in (f.name for f in attrs.fields(type(record))) if name != "id")

    def test_by_name(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An actor's alias works as well as its id ('Baku' is Azerbaijan)."""
        code, out, _ = run(capsys, "show", "Baku")
        assert (code, out.splitlines()[0]) == (0, "Actor azerbaijan: Azerbaijan")
        assert "Credit: " in out

    def test_territory_by_name(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A territory's alias works too."""
        _, out, _ = run(capsys, "show", "Artsakh")
        assert out.splitlines()[0] == "Territory nagorno-karabakh: Nagorno-Karabakh"

    def test_unknown(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown id exits 1 with suggestions."""
        assert run(capsys, "--data", VALID, "show", "raidd") == \
            (1, "", "error: no record named 'raidd'; did you mean 'raid'?\n")

    def test_json(self, capsys: pytest.CaptureFixture[str], user: cc.Dataset) -> None:
        """--json gives the record's type and the record, which structures back."""
        data = run_json(capsys, "--data", VALID, "show", "raid")
        assert data["type"] == "event"
        assert cc.converter.structure(data["record"], cc.Event) == user.event("raid")


class TestValidate:
    def test_valid(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A valid file gets a one-line summary with counts per record type, and exit 0."""
        assert run(capsys, "validate", VALID) == (
            0, f"{VALID}: valid; 1 source, 3 actors, 2 territories, 5 events, 1 ceasefire, 2 claims, 2 stances, "
               "0 conflicts, 0 dyads.\n", "")

    def test_bundled_file(self, capsys: pytest.CaptureFixture[str], bundled: cc.Dataset) -> None:
        """The bundled data file validates, with counts that match the loaded data set."""
        path = str(Path(cc.__file__).parent / "data" / "caucasus_conflict.json")
        data = run_json(capsys, "validate", path)
        assert data == {"file": path, "valid": True,
                        "counts": {name: len(getattr(bundled, name)) for name in
                                   ("sources", "actors", "territories", "events", "ceasefires", "claims", "stances",
                                    "conflicts", "dyads")}}

    def test_invalid(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Every problem is reported with its JSON path, and the exit status is 2."""
        code, out, err = run(capsys, "validate", INVALID)
        assert (code, out) == (2, "")
        assert err == (
            f"error: {INVALID}: 3 problems:\n"
            "  $.format: expected 'caucasus_conflict/1' (got 'caucasus_conflict/0')\n"
            "  $.actors[0].kind: expected one of 'state', 'government', 'de_facto_authority', 'office', "
            "'armed_forces', 'organisation', 'person', 'population', 'media' (got 'kingdom')\n"
            "  $.events[0].span: invalid time span '2024-13-01': month must be 01..12 (got 13); write 'YYYY', "
            "'YYYY-MM', 'YYYY-MM-DD', 'START/END' or 'unknown'\n"
            "Fix the data at the path(s) shown and load it again.\n"
        )

    def test_integrity_problems(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Integrity problems (bad references, missing blocks) are listed with their paths too."""
        code, _, err = run(capsys, "validate", DANGLING)
        assert code == 2
        assert err == (
            f"error: {DANGLING}: 2 problems:\n"
            "  $.actors[0].citations[0].blocks[0]: block 3 does not exist; source 'memo' has blocks 1..2\n"
            "  $.events[0].participants[0].actor_id: unknown actor id 'nort' (did you mean 'north'?)\n"
            "Fix the data at the path(s) shown and load it again.\n"
        )

    def test_invalid_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--json lists the problems as objects on stdout, with exit status 2."""
        code, out, err = run(capsys, "--json", "validate", DANGLING)
        assert (code, err) == (2, "")
        assert json.loads(out) == {"file": DANGLING, "valid": False, "problems": [
            {"path": "$.actors[0].citations[0].blocks[0]",
             "message": "block 3 does not exist; source 'memo' has blocks 1..2"},
            {"path": "$.events[0].participants[0].actor_id",
             "message": "unknown actor id 'nort' (did you mean 'north'?)"},
        ]}

    def test_not_json(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A file that is not JSON is reported with line and column."""
        broken = tmp_path / "broken.json"
        broken.write_text('{"format": ', encoding="utf-8")
        code, _, err = run(capsys, "validate", str(broken))
        assert code == 2
        assert err.startswith(f"error: {broken}: 1 problem:\n  $: invalid JSON at line 1, column 12: ")

    def test_missing_file(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A missing file exits 2."""
        code, _, err = run(capsys, "validate", str(tmp_path / "nope.json"))
        assert code == 2
        assert "cannot read the file" in err

    def test_needs_file(self, capsys: pytest.CaptureFixture[str]) -> None:
        """validate without a file or --data is a usage error."""
        code, _, err = run(capsys, "validate")
        assert (code, last_line(err)) == (2, "caucasus-conflict validate: error: give the FILE to check "
                                             "(or --data FILE)")

    @pytest.mark.parametrize("where", ["before", "after"])
    def test_file_from_data(self, capsys: pytest.CaptureFixture[str], where: str) -> None:
        """Without FILE, validate checks the --data file, given before or after the subcommand (#12)."""
        args = ["--data", VALID, "validate"] if where == "before" else ["validate", "--data", VALID]
        code, out, _ = run(capsys, *args)
        assert code == 0
        assert out.startswith(f"{VALID}: valid; ")


class TestExport:
    @pytest.mark.parametrize("data", [[], ["--data", VALID]], ids=["bundled", "user"])
    def test_json(self, capsys: pytest.CaptureFixture[str], data: list[str]) -> None:
        """The default format is the data set file, which loads back to an equal data set."""
        code, out, _ = run(capsys, *data, "export")
        assert code == 0
        assert cc.loads(out) == (cc.load(VALID) if data else cc.load())

    def test_jsonl(self, capsys: pytest.CaptureFixture[str], user: cc.Dataset) -> None:
        """jsonl writes one event object per line, in chronological order, undated ones included."""
        code, out, _ = run(capsys, "--data", VALID, "export", "--format", "jsonl")
        lines = out.splitlines()
        assert code == 0
        assert all(line.startswith("{") for line in lines)
        assert tuple(cc.converter.structure(json.loads(line), cc.Event) for line in lines) == user.chronology()

    def test_csv(self, capsys: pytest.CaptureFixture[str], bundled: cc.Dataset) -> None:
        """csv has the documented columns and one row per event."""
        code, out, _ = run(capsys, "export", "--format", "csv")
        reader = csv.DictReader(io.StringIO(out))
        rows = list(reader)
        assert code == 0
        assert tuple(reader.fieldnames or ()) == CSV_COLUMNS
        assert [r["id"] for r in rows] == [e.id for e in bundled.chronology()]

    def test_csv_values(self, capsys: pytest.CaptureFixture[str]) -> None:
        """csv cells: first and last day, precision, basis, actor:role pairs, deaths, citations."""
        _, out, _ = run(capsys, "--data", VALID, "export", "--format", "csv")
        rows = {r["id"]: r for r in csv.DictReader(io.StringIO(out))}
        assert rows["raid"] == {
            "id": "raid", "kind": "offensive", "start": "2024-02-11", "end": "2024-02-11", "precision": "day",
            "basis": "stated", "actors": "north:initiator;south:target", "territories": "valley",
            "killed_low": "10", "killed_best": "12", "killed_high": "20", "summary": "Northland raids the valley",
            "citations": "memo:2,3", "injured_low": "", "injured_best": "", "injured_high": "",
            "reported_by": "south", "casualty_group": "unspecified", "as_of": "",
        }
        assert (rows["siege"]["start"], rows["siege"]["end"], rows["siege"]["basis"]) == \
            ("2024-01-01", "", "inferred")
        assert (rows["rumour"]["start"], rows["rumour"]["end"], rows["rumour"]["precision"]) == ("", "", "unknown")

    def test_csv_columns_documented(self) -> None:
        """Every csv column is explained in docs/cli.md."""
        docs = DOCS.read_text(encoding="utf-8")
        assert all(f"| `{column}`" in docs for column in CSV_COLUMNS)

    @pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
    def test_output_file(self, capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str) -> None:
        """--output writes the same text to a file and reports it on stderr."""
        target = tmp_path / f"out.{fmt}"
        _, expected, _ = run(capsys, "--data", VALID, "export", "--format", fmt)
        code, out, err = run(capsys, "--data", VALID, "export", "--format", fmt, "--output", str(target))
        what = "the data set" if fmt == "json" else "5 events"
        assert (code, out, err) == (0, "", f"Wrote {what} to {target}.\n")
        assert target.read_text(encoding="utf-8") == expected

    def test_bad_format(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown format is a usage error."""
        code, _, err = run(capsys, "export", "--format", "xml")
        assert code == 2
        assert "argument --format: invalid choice: 'xml'" in last_line(err)

    def test_unwritable_output(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """An output file that cannot be written is reported, exit 2."""
        target = tmp_path / "missing" / "out.json"
        assert run(capsys, "export", "--output", str(target)) == \
            (2, "", f"error: cannot write '{target}': No such file or directory; check the path\n")


class TestKnowledgeHorizon:
    """The CLI marks answers past the source's horizon and leaves them out with --known-only (#14)."""

    NOTE = ("'last known as of DATE' marks a record with no reported end, asked about a date after its sources' "
            "knowledge ends on DATE; add --known-only to leave such records out.")

    def test_control_past_the_horizon_is_last_known(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Who controls the Lachin corridor on 2023-10-01: last known as of 2023-09, Russia."""
        code, out, _ = run(capsys, "control", "Lachin corridor", "--at", "2023-10-01")
        assert code == 0
        assert out.splitlines()[:2] == ["Who controlled Lachin corridor at 2023-10-01:",
                                        "  last known as of 2023-09: Russia (full, de facto, 2020-11/..~)"]
        assert self.NOTE in " ".join(out.split())

    def test_control_within_the_horizon_is_plain(self, capsys: pytest.CaptureFixture[str]) -> None:
        """On a date the article knows of, the answer is plain, with no marker."""
        code, out, _ = run(capsys, "control", "Lachin corridor", "--at", "2023-09-19")
        assert code == 0
        assert out.splitlines()[:2] == ["Who controlled Lachin corridor at 2023-09-19:",
                                        "  Russia (full, de facto, 2020-11/..~)"]
        assert "last known" not in out

    def test_control_known_only(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--known-only leaves the last-known period out."""
        assert run(capsys, "control", "Lachin corridor", "--at", "2023-10-01", "--known-only") == \
            (0, "No control period of Lachin corridor recorded at 2023-10-01.\n", "")

    def test_control_json_marks_the_period(self, capsys: pytest.CaptureFixture[str], bundled: cc.Dataset) -> None:
        """--json gives each period with its last_known_as_of date, null when known."""
        data = run_json(capsys, "control", "Lachin corridor", "--at", "2023-10-01")
        (period,) = bundled.controller_of("Lachin corridor", at="2023-10-01")
        horizon = bundled.last_known_as_of(period, at="2023-10-01")
        assert horizon is not None
        assert horizon.format() == "2023-09"
        assert data == {"territory": "lachin-corridor", "at": cc.converter.unstructure(cc.TimeSpan.day(2023, 10, 1)),
                        "control": [{"period": cc.converter.unstructure(period),
                                     "last_known_as_of": cc.converter.unstructure(horizon)}]}
        data = run_json(capsys, "control", "Lachin corridor", "--at", "2021")
        assert [p["last_known_as_of"] for p in data["control"]] == [None]

    def test_territory_marks_the_period(self, capsys: pytest.CaptureFixture[str]) -> None:
        """territory --at names the last-known period under the table; --known-only drops it."""
        _, out, _ = run(capsys, "territory", "Lachin corridor", "--at", "2023-10-01")
        assert "last known as of 2023-09: Russia (russia), 2020-11/..~" in out.splitlines()
        _, out, _ = run(capsys, "territory", "Lachin corridor", "--at", "2023-10-01", "--known-only")
        assert "No control period recorded at 2023-10-01." in out.splitlines()
        assert "last known" not in out

    def test_actors_by_stance(self, capsys: pytest.CaptureFixture[str]) -> None:
        """actors --stance --at marks a holder whose stance is only last known; --known-only drops it."""
        args = ("actors", "--stance", "mediates", "--toward", "Lachin corridor", "--at", "2023-10")
        _, out, _ = run(capsys, *args)
        assert "last known as of 2023-09: Russia (russia)" in out.splitlines()
        assert run(capsys, *args, "--known-only") == (0, "No actors match.\n", "")

    def test_timeline_marks_open_events(self, capsys: pytest.CaptureFixture[str]) -> None:
        """timeline --from past the horizon marks the open-ended blockade; --known-only drops it."""
        _, out, _ = run(capsys, "timeline", "--from", "2023-10")
        assert "last known as of 2023-09: lachin-blockade (2022-12/..~)" in out.splitlines()
        _, out, _ = run(capsys, "timeline", "--from", "2023-10", "--known-only")
        assert "lachin-blockade" not in out

    def test_members(self, capsys: pytest.CaptureFixture[str]) -> None:
        """members lists current and former members; with --at, only those in force then."""
        _, out, _ = run(capsys, "members", "CSTO")
        assert out.splitlines()[:4] == ["Members of CSTO:", "  Armenia (armenia), member, ../2023-09~",
                                        "  Azerbaijan (azerbaijan), former member, undated",
                                        "  Russia (russia), member, ../2023-09~"]
        _, out, _ = run(capsys, "members", "CSTO", "--at", "2023-09")
        assert "Azerbaijan" not in out
        assert run(capsys, "members", "CSTO", "--at", "2023-10") == (0, "No member of CSTO recorded at 2023-10.\n", "")

    @pytest.mark.parametrize("argv", [["control", "Lachin corridor"], ["members", "CSTO"], ["timeline"],
                                      ["territory", "Artsakh"]])
    def test_known_only_needs_a_date(self, capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
        """--known-only without a date is a usage error saying what to add."""
        code, _, err = run(capsys, *argv, "--known-only")
        assert code == 2
        assert last_line(err).endswith("error: --known-only needs a date (--at, --from or --to)")


GED_FIXTURES = Path(__file__).parent / "fixtures" / "formats"


class TestImport:
    def test_import_writes_the_data_set_read(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """``import ucdp-ged FILE -o OUT`` writes what cc.read gives, and says what it wrote."""
        out = tmp_path / "ged.json"
        code, stdout, stderr = run(capsys, "import", "ucdp-ged", str(GED_FIXTURES / "ged.csv"), "-o", str(out))
        assert (code, stdout) == (0, "")
        assert stderr == f"Wrote 5 events and 4 actors to {out}.\n"
        assert cc.load(out) == cc.read(GED_FIXTURES / "ged.csv")

    def test_import_acled(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """``import acled FILE -o OUT`` writes what cc.read gives for an ACLED export (#11)."""
        out = tmp_path / "acled.json"
        code, _, stderr = run(capsys, "import", "acled", str(fixture("acled_hxl.csv")), "-o", str(out))
        assert code == 0
        assert stderr == f"Wrote 4 events and 7 actors to {out}.\n"
        assert cc.load(out) == cc.read(fixture("acled_hxl.csv"))

    @pytest.mark.parametrize(("fixture", "collections"), [("acd.csv", ("conflicts",)), ("brd.csv", ("conflicts", "dyads")),
                                                          ("ethprio.csv", ("conflicts", "dyads", "ceasefires"))])
    def test_import_names_the_records_a_format_gives(self, capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                     fixture: str, collections: tuple[str, ...]) -> None:
        """An ACD file gives conflicts, BRD dyads, ETH/PRIO ceasefires: the message counts them, not only events."""
        out = tmp_path / "out.json"
        code, _, stderr = run(capsys, "import", "auto", str(GED_FIXTURES / fixture), "-o", str(out))
        ds = cc.load(out)

        def counted(collection: str) -> str:  # "2 dyads", "1 conflict"
            n = len(getattr(ds, collection))
            return f"{n} {collection if n != 1 else collection[:-1]}"

        held = "".join(f"{counted(c)}, " for c in collections)
        assert code == 0
        assert all(getattr(ds, c) for c in collections)
        assert last_line(stderr) == f"Wrote {held}{counted('events')} and {counted('actors')} to {out}."

    def test_import_auto_to_standard_output(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, stdout, _ = run(capsys, "import", "auto", str(GED_FIXTURES / "ged.csv"))
        assert code == 0
        assert cc.loads(stdout) == cc.read(GED_FIXTURES / "ged.csv")

    def test_set_aside_values_are_told_and_strict_refuses(self, capsys: pytest.CaptureFixture[str],
                                                          tmp_path: Path) -> None:
        typos = str(GED_FIXTURES / "ged_typos.csv")
        code, _, stderr = run(capsys, "import", "ucdp-ged", typos, "-o", str(tmp_path / "t.json"))
        assert code == 0
        assert stderr.startswith(f"{typos}: 10 values set aside as unknown:\n  {typos}:2:id: expected a whole number")
        code, _, stderr = run(capsys, "import", "ucdp-ged", typos, "--strict", "-o", str(tmp_path / "s.json"))
        assert code == 2
        assert "10 problems" in stderr
        assert not (tmp_path / "s.json").exists()

    def test_import_will_not_write_over_its_input(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        source = tmp_path / "ged.csv"
        source.write_bytes((GED_FIXTURES / "ged.csv").read_bytes())
        code, _, stderr = run(capsys, "import", "auto", str(source), "-o", str(source))
        assert code == 2
        assert "is the file being imported" in stderr
        assert source.read_bytes() == (GED_FIXTURES / "ged.csv").read_bytes()

    def test_data_takes_a_ged_file(self, capsys: pytest.CaptureFixture[str]) -> None:
        """``--data`` takes a file of another format as well as a data set file."""
        code, stdout, _ = run(capsys, "--data", str(GED_FIXTURES / "ged.csv"), "timeline")
        assert code == 0
        for event in cc.read(GED_FIXTURES / "ged.csv").events:
            assert event.id in stdout


# -- one shape for every date in --json output (#12) ---------------------------------------------

#: A date written as bare text ("2020-11", "2020/..", "unknown"), which no JSON output may hold any more.
DATE_TEXT = re.compile(r"(\d{4}(-\d{2}){0,2}|\.\.)(/(\d{4}(-\d{2}){0,2}|\.\.))?|unknown", re.ASCII | re.IGNORECASE)


def json_command_lines(ds: cc.Dataset) -> dict[str, list[list[str]]]:
    """For every subcommand, the command lines whose ``--json`` output the sweep reads."""
    kinds = [t.collection for t in cc.RECORD_TYPES]
    return {
        "timeline": [["timeline", "--undated"], ["timeline", "--from", "2020", "--to", "2023-09"]],
        "actors": [["actors"], ["actors", "--stance", "supports", "--toward", "Azerbaijan", "--at", "2020"]],
        "claims": [["claims"], ["claims", "--disputed"]],
        "territory": [["territory", t.id] for t in ds.territories] + [["territory", "Lachin corridor", "--at", "2021"]],
        "control": [["control", "Nagorno-Karabakh"], ["control", "Nagorno-Karabakh", "--at", "2023-10"]],
        "members": [["members", "CSTO"], ["members", "CSTO", "--at", "2023-09"]],
        "ceasefires": [["ceasefires"]],
        "show": [["show", r.id] for t in cc.RECORD_TYPES for r in getattr(ds, t.collection)],
        "profile": [["profile", a.id] for a in ds.actors],
        "casualties": [["casualties"]],
        "corroborate": [["corroborate", f.event_id] for f in ds.casualties()],
        "search": [["search", "war"]],
        "validate": [["validate", str(Path(cc.__file__).parent / "data" / "caucasus_conflict.json")]],
        "export": [["export"], *(["export", "--kind", kind] for kind in kinds)],
        "import": [["import", "auto", str(GED_FIXTURES / "ged.csv")]],
    }


def span_objects(value: Any, path: str = "$") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every date object in *value* (an object with 'when'), failing on any date written as text."""
    if isinstance(value, dict):
        if "when" in value:
            yield path, value
            return
        for key, item in value.items():
            if key in ("value", "values") and "scheme" in value:
                continue  # an external id's value ("2324", PA-X) or a source's cells are codes, not dates
            yield from span_objects(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from span_objects(item, f"{path}[{index}]")
    elif isinstance(value, str):
        assert not DATE_TEXT.fullmatch(value), f"{path}: a date written as text ({value!r})"


class TestJsonDates:
    def test_every_command_is_swept(self, bundled: cc.Dataset) -> None:
        """The sweep below covers every subcommand the parser has."""
        parser = build_parser()
        commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices
        assert set(json_command_lines(bundled)) == set(commands)

    def test_one_date_shape_everywhere(self, capsys: pytest.CaptureFixture[str], bundled: cc.Dataset) -> None:
        """Every date in every command's --json output is {when, first, last, precision, basis[, reason]}."""
        seen: dict[str, int] = {}
        for command, lines in json_command_lines(bundled).items():
            for argv in lines:
                code, out, err = run(capsys, *(argv if command == "import" else ["--json", *argv]))
                assert code == 0, (argv, err)
                for path, written in span_objects(json.loads(out)):
                    span = cc.TimeSpan.parse(written["when"], basis=cc.Basis(written["basis"]),
                                             reason=written.get("reason"))
                    expected = {"when": span.format(),
                                "first": span.first_day.isoformat() if span.first_day else None,
                                "last": span.last_day.isoformat() if span.last_day else None,
                                "precision": span.precision.value, "basis": span.basis.value}
                    if span.basis is cc.Basis.INFERRED:
                        expected["reason"] = span.reason
                    assert list(written.items()) == list(expected.items()), (argv, path)
                    seen[command] = seen.get(command, 0) + 1
        # Every command whose output holds a record or a query date was seen writing dates.
        assert set(seen) == set(json_command_lines(bundled)) - {"search", "validate"}
