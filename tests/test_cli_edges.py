"""The command line at its edges (#10): the terminal's encoding, stdout gone, odd file names, empty values.

These run the real program in a subprocess, since what they test (the interpreter's
streams, a closed file descriptor, a pipe whose reader left, bytes in ``argv``) does not
exist inside ``main([...])``.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

import caucasus_conflict as cc
from caucasus_conflict.cli import build_parser, main

FIXTURES = Path(__file__).parent / "fixtures" / "cli"
VALID = FIXTURES / "valid.json"
INVALID = FIXTURES / "invalid.json"
BUNDLED_FILE = str(Path(cc.__file__).parent / "data" / "caucasus_conflict.json")
CLOSED_MESSAGE = "error: cannot write the output: standard output is closed; run caucasus-conflict with it open\n"

#: Every subcommand, with the arguments it needs; the bundled data holds "ğ", "—" and "“".
COMMANDS: list[list[str]] = [
    ["timeline"], ["timeline", "--undated"], ["actors"], ["claims"], ["claims", "--disputed"],
    ["territory", "Artsakh"], ["ceasefires"], ["show", "azerbaijan"], ["show", "recep-tayyip-erdogan"],
    ["validate", BUNDLED_FILE], ["export"], ["export", "--format", "jsonl"], ["export", "--format", "csv"],
]
NON_UTF8_TERMINALS = ["cp1252", "ascii"]


def command_id(argv: Sequence[str]) -> str:
    """A short test id for a command line."""
    return " ".join("BUNDLED" if arg == BUNDLED_FILE else arg for arg in argv)


posix_only = pytest.mark.skipif(os.name != "posix", reason="needs a POSIX shell and file names of bytes")


def cli(argv: Sequence[str | bytes], *, encoding: str = "utf-8") -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m caucasus_conflict`` with *argv* on a terminal of *encoding*; bytes out."""
    env = {**os.environ, "PYTHONIOENCODING": encoding, "COLUMNS": "100"}
    return subprocess.run([sys.executable, "-m", "caucasus_conflict", *argv], capture_output=True, env=env,
                          check=False, timeout=120)


def escaped(text: str, encoding: str) -> bytes:
    """*text* as a terminal of *encoding* shows it: what it cannot encode, as backslash escapes."""
    return text.encode(encoding, "backslashreplace")


def on_terminal(monkeypatch: pytest.MonkeyPatch, argv: Sequence[str], encoding: str) -> tuple[int, bytes, bytes]:
    """Run ``main(argv)`` with stdout and stderr as Python opens them for a terminal of *encoding*.

    That is what ``PYTHONIOENCODING=<encoding>`` gives: a text stream, strict on stdout and
    ``backslashreplace`` on stderr; the exit status and the bytes written are returned.
    """
    out, err = io.BytesIO(), io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(out, encoding=encoding, write_through=True))
    monkeypatch.setattr(sys, "stderr", io.TextIOWrapper(err, encoding=encoding, errors="backslashreplace",
                                                        write_through=True))
    code = main(list(argv))
    sys.stdout.flush()
    sys.stderr.flush()
    return code, out.getvalue(), err.getvalue()


class TestTerminalEncoding:
    @pytest.mark.parametrize("encoding", NON_UTF8_TERMINALS)
    @pytest.mark.parametrize("command", COMMANDS, ids=command_id)
    def test_tables_escape_what_the_terminal_cannot_show(self, monkeypatch: pytest.MonkeyPatch,
                                                         command: list[str], encoding: str) -> None:
        """On a cp1252 or ASCII terminal every command succeeds and escapes the characters it cannot show."""
        monkeypatch.setenv("COLUMNS", "100")
        reference = on_terminal(monkeypatch, command, "utf-8")
        code, out, err = on_terminal(monkeypatch, command, encoding)
        assert (code, err) == (0, b"")
        if command[0] == "export":  # a file format: UTF-8 bytes, whatever the terminal
            assert out == reference[1]
        else:
            assert out == escaped(reference[1].decode("utf-8"), encoding)

    @pytest.mark.parametrize("encoding", NON_UTF8_TERMINALS)
    @pytest.mark.parametrize("command", [c for c in COMMANDS if c[0] != "export"], ids=command_id)
    def test_json_stays_json(self, monkeypatch: pytest.MonkeyPatch, command: list[str], encoding: str) -> None:
        """--json on such a terminal uses JSON's own escapes, so the output parses to the same data."""
        reference = on_terminal(monkeypatch, ["--json", *command], "utf-8")
        code, out, err = on_terminal(monkeypatch, ["--json", *command], encoding)
        assert (code, err) == (0, b"")
        assert json.loads(out.decode(encoding)) == json.loads(reference[1].decode("utf-8"))

    def test_the_output_holds_non_ascii(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """The commands above do print characters outside ASCII and cp1252, so the tests reach the edge."""
        text = b"".join(on_terminal(monkeypatch, command, "utf-8")[1] for command in COMMANDS).decode("utf-8")
        assert "\u2014" in text  # the dash for "no aliases", outside ASCII
        assert "\u011f" in text  # the "ğ" of Erdoğan, outside cp1252 too

    @pytest.mark.parametrize("encoding", NON_UTF8_TERMINALS)
    @pytest.mark.parametrize("argv", [["actors"], ["--json", "actors"], ["show", "recep-tayyip-erdogan"], ["export"]],
                             ids=command_id)
    def test_real_terminal(self, argv: list[str], encoding: str) -> None:
        """End to end: ``PYTHONIOENCODING=cp1252 caucasus-conflict actors`` (and others) exit 0 without a traceback."""
        done = cli(argv, encoding=encoding)
        reference = cli(argv)
        assert (done.returncode, done.stderr) == (0, b"")
        if argv[0] == "export":
            assert done.stdout == reference.stdout
        elif argv[0] == "--json":
            assert json.loads(done.stdout.decode(encoding)) == json.loads(reference.stdout)
        else:
            assert done.stdout == escaped(reference.stdout.decode("utf-8"), encoding)

    @pytest.mark.parametrize("encoding", NON_UTF8_TERMINALS)
    def test_errors_escape_too(self, monkeypatch: pytest.MonkeyPatch, encoding: str) -> None:
        """An error message naming a non-ASCII name is escaped on stderr, not a crash."""
        code, out, err = on_terminal(monkeypatch, ["timeline", "--actor", "Erdoğanx"], encoding)
        assert (code, out) == (1, b"")
        assert err.startswith(b"error: no actor named 'Erdo\\u011fanx'")


class TestStdoutGone:
    @posix_only
    def test_closed_stdout_is_one_short_error(self) -> None:
        """Started with stdout closed (`>&-`), a command that prints exits 2 with one line on stderr."""
        done = subprocess.run(["sh", "-c", 'exec "$0" -m caucasus_conflict timeline >&-', sys.executable],
                              capture_output=True, check=False, timeout=120)
        assert (done.returncode, done.stderr.decode()) == (2, CLOSED_MESSAGE)

    @posix_only
    def test_closed_stdout_without_output_needed(self, tmp_path: Path) -> None:
        """A command that writes only a file (export --output) still works with stdout closed."""
        target = tmp_path / "out.json"
        done = subprocess.run(["sh", "-c", 'exec "$0" -m caucasus_conflict export --output "$1" >&-',
                               sys.executable, str(target)], capture_output=True, check=False, timeout=120)
        assert (done.returncode, done.stderr.decode()) == (0, f"Wrote the data set to {target}.\n")
        assert cc.load(target) == cc.load()

    def test_closed_stdout_in_process(self, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
        """main() with sys.stdout None (how Python starts without one) gives the same message."""
        monkeypatch.setattr(sys, "stdout", None)
        assert main(["actors"]) == 2
        assert capsys.readouterr().err == CLOSED_MESSAGE

    @pytest.mark.parametrize("argv", [["timeline"], ["export"], ["--json", "actors"], ["--version"]],
                             ids=command_id)
    @pytest.mark.parametrize("lines_read", [0, 1], ids=["reader-gone-at-once", "head-1"])
    def test_reader_gone_is_quiet(self, argv: list[str], lines_read: int) -> None:
        """When the reader of a pipe leaves (`| head -1`), the command stops with status 0 and says nothing."""
        with subprocess.Popen([sys.executable, "-m", "caucasus_conflict", *argv], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE) as process:
            assert process.stdout is not None
            assert process.stderr is not None
            for _ in range(lines_read):
                process.stdout.readline()
            process.stdout.close()
            err = process.stderr.read()
            code = process.wait(timeout=120)
        assert (code, err) == (0, b"")


@posix_only
class TestNonUtf8FileNames:
    @pytest.fixture
    def odd_name(self, tmp_path: Path) -> bytes:
        """A folder for a file whose name is not UTF-8: b"\\xff.json"."""
        name = os.path.join(os.fsencode(tmp_path), b"\xff.json")
        try:
            with open(name, "wb"):
                pass
        except OSError:
            pytest.skip("this file system refuses names that are not UTF-8")
        os.unlink(name)
        return name

    def test_invalid_file_is_named_escaped(self, odd_name: bytes) -> None:
        """An invalid file is reported under its name, the odd byte escaped, exit 2 without a traceback."""
        shutil.copyfile(INVALID, odd_name)
        done = cli(["validate", odd_name])
        shown = os.fsdecode(odd_name).encode("utf-8", "backslashreplace").decode()
        assert done.returncode == 2
        assert done.stderr.decode().startswith(f"error: {shown}: 3 problems:\n")
        assert shown.endswith("/\\udcff.json")

    def test_missing_file_is_named_escaped(self, odd_name: bytes) -> None:
        """A missing file is reported the same way, through --data."""
        done = cli(["--data", odd_name, "actors"])
        shown = os.fsdecode(odd_name).encode("utf-8", "backslashreplace").decode()
        assert (done.returncode, done.stdout) == (2, b"")
        assert done.stderr.decode() == (f"error: {shown}: 1 problem:\n"
                                        "  $: cannot read the file (No such file or directory)\n"
                                        "Check the path and that the file is UTF-8 text.\n")

    def test_valid_file_reads(self, odd_name: bytes) -> None:
        """A valid file under such a name loads, and validate names it escaped on stdout."""
        shutil.copyfile(VALID, odd_name)
        shown = os.fsdecode(odd_name).encode("utf-8", "backslashreplace").decode()
        assert cli(["--data", odd_name, "actors"]).returncode == 0
        done = cli(["validate", odd_name])
        assert (done.returncode, done.stderr) == (0, b"")
        assert done.stdout.decode().startswith(f"{shown}: valid; 1 source, 3 actors")

    def test_json_names_the_file_exactly(self, odd_name: bytes) -> None:
        """validate --json writes the name as a JSON escape, which reads back as the name Python decoded."""
        shutil.copyfile(VALID, odd_name)
        done = cli(["--json", "validate", odd_name])
        assert done.returncode == 0
        assert json.loads(done.stdout)["file"] == os.fsdecode(odd_name)


# -- empty values ----------------------------------------------------------------------------

EMPTY_CASES = [
    (["timeline", "--actor", ""], "timeline", "--actor", "''", True),
    (["timeline", "--territory", ""], "timeline", "--territory", "''", True),
    (["actors", "--stance", "supports", "--toward", ""], "actors", "--toward", "''", True),
    (["claims", "--by", ""], "claims", "--by", "''", True),
    (["claims", "--about", ""], "claims", "--about", "''", True),
    (["claims", "--disputed", "--about", " "], "claims", "--about", "' '", True),
    (["ceasefires", "--actor", ""], "ceasefires", "--actor", "''", True),
    (["territory", ""], "territory", "NAME", "''", False),
    (["show", "\t"], "show", "ID", "'\\t'", False),
    (["validate", ""], "validate", "FILE", "''", False),
    (["export", "--output", ""], "export", "--output", "''", True),
    (["--data", "", "actors"], "actors", "--data", "''", True),
    (["actors", "--data", " "], "actors", "--data", "' '", True),
]


class TestEmptyValues:
    @pytest.mark.parametrize(("argv", "command", "argument", "got", "optional"), EMPTY_CASES,
                             ids=[" ".join(repr(a) if not a.strip() else a for a in c[0]) for c in EMPTY_CASES])
    def test_empty_is_a_usage_error(self, capsys: pytest.CaptureFixture[str], argv: list[str], command: str,
                                    argument: str, got: str, optional: bool) -> None:
        """An empty or blank name, id or file is a usage error (exit 2), not a filter that matches everything."""
        code = main(argv)
        captured = capsys.readouterr()
        fix = "give a value, or leave the option out" if optional else "give a value"
        assert (code, captured.out) == (2, "")
        assert captured.err.splitlines()[-1] == (f"caucasus-conflict {command}: error: argument {argument}: "
                                                 f"must not be empty (got {got}); {fix}")

    @pytest.mark.parametrize("argv", [["timeline", "--from", ""], ["timeline", "--to", ""],
                                      ["actors", "--stance", "supports", "--toward", "Baku", "--at", ""],
                                      ["territory", "Artsakh", "--at", ""], ["timeline", "--kind", ""],
                                      ["actors", "--stance", "", "--toward", "Baku"],
                                      ["export", "--format", ""], ["timeline", "--plot", ""]], ids=command_id)
    def test_empty_typed_values(self, capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
        """Dates, kinds, formats and picture names given '' are usage errors too."""
        assert main(argv) == 2
        assert capsys.readouterr().out == ""

    def test_every_option_of_every_command(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Sweep: every value-taking option and argument of every subcommand refuses '' with exit 2."""
        fill = {"NAME": "Artsakh", "ID": "azerbaijan", "FILE": BUNDLED_FILE}
        swept = 0
        for command, sub in _subcommands().items():
            positionals = [a for a in sub._actions if not a.option_strings]
            for action in sub._actions:
                if action.nargs == 0 or action.dest == "help":
                    continue
                base = [fill.get(str(p.metavar), "x") if p is not action else "" for p in positionals]
                argv = [command, *base] + ([action.option_strings[0], ""] if action.option_strings else [])
                assert main(argv) == 2, argv
                assert capsys.readouterr().out == "", argv
                swept += 1
        assert swept >= 20


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(commands.choices)
