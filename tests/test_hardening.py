"""Regression tests for the hardening cases of #10 that no other test file pins.

Each class names the case of the issue's "Why" list it guards; ``docs/guarantees.md`` links
here. The CLI's edges are in ``test_cli_edges.py``, the readers' fuzzing in
``tests/formats/test_fuzz_readers.py`` and ``test_fuzz.py``.
"""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import threading
from pathlib import Path
from typing import Any

import attrs
import pytest

import caucasus_conflict as cc
from caucasus_conflict import loading
from caucasus_conflict.cli import main
from caucasus_conflict.export import csv_cell, events_csv

from .conftest import FIXTURES

MINIMAL = FIXTURES / "minimal.json"
VALID = FIXTURES / "cli" / "valid.json"


class TestAtomicWrites:  # case 1: a failed write must leave the old file whole
    @pytest.mark.parametrize("failing", ["fsync", "replace"])
    def test_failed_dump_keeps_the_old_file(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            failing: str) -> None:
        """If writing fails at any step, the file keeps its old bytes and no temporary file is left."""
        target = tmp_path / "data.json"
        cc.dump(cc.load(MINIMAL), target)
        before = target.read_bytes()

        def fail(*args: Any) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, failing, fail)
        with pytest.raises(OSError, match="No space left on device"):
            cc.dump(cc.load(), target)
        monkeypatch.undo()
        assert target.read_bytes() == before
        assert sorted(p.name for p in tmp_path.iterdir()) == ["data.json"]

    @pytest.mark.skipif(os.name != "posix", reason="POSIX file modes and rename-over-open-file")
    def test_dump_keeps_the_file_mode(self, tmp_path: Path) -> None:
        """Replacing a file keeps its permissions."""
        target = tmp_path / "data.json"
        target.write_text("{}", encoding="utf-8")
        target.chmod(0o640)
        cc.dump(cc.load(MINIMAL), target)
        assert (target.stat().st_mode & 0o777, cc.load(target)) == (0o640, cc.load(MINIMAL))

    @pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
    def test_new_file_gets_the_usual_mode(self, tmp_path: Path) -> None:
        """A new file gets the mode open() would give it (0o666 less the umask), not the temporary file's 0o600."""
        umask = os.umask(0o027)
        try:
            cc.dump(cc.load(MINIMAL), tmp_path / "group.json")
        finally:
            os.umask(umask)
        cc.dump(cc.load(MINIMAL), tmp_path / "usual.json")
        assert (tmp_path / "group.json").stat().st_mode & 0o777 == 0o640
        assert (tmp_path / "usual.json").stat().st_mode & 0o777 == 0o666 & ~umask
        assert os.umask(umask) == umask  # dump() left the process's umask as it was

    def test_temporary_file_is_hidden_and_named_after_the_target(self, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
        """The temporary file is ``.<name>.<random>.tmp`` beside the target: a leftover is easy to spot, and hidden."""
        names: list[str] = []
        real = os.replace

        def spy(source: str, target: str) -> None:
            names.append(os.path.basename(source))
            real(source, target)

        monkeypatch.setattr(os, "replace", spy)
        cc.dump(cc.load(MINIMAL), tmp_path / "data.json")
        cc.dump(cc.load(MINIMAL), tmp_path / "data.json")
        assert len(set(names)) == 2
        assert all(name.startswith(".data.json.") and name.endswith(".tmp") and len(name) > len(".data.json..tmp")
                   for name in names), names

    def test_folder_that_cannot_be_written_to(self, tmp_path: Path) -> None:
        """dump() into a missing folder raises OSError with the errno, the reason and the file asked for."""
        target = tmp_path / "missing" / "data.json"
        with pytest.raises(OSError, match="No such file or directory") as info:
            cc.dump(cc.Dataset(), target)
        assert (info.value.errno, info.value.strerror, info.value.filename) == (
            errno.ENOENT, os.strerror(errno.ENOENT), str(target))

    def test_vanished_temporary_file_keeps_the_first_error(self, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
        """If the rename fails after the temporary file was removed, the rename's error is raised, not the cleanup's."""
        target = tmp_path / "data.json"

        def fail(source: str, to: str) -> None:
            os.unlink(source)  # as another process cleaning the folder might
            raise OSError(errno.EXDEV, "Invalid cross-device link")

        monkeypatch.setattr(os, "replace", fail)
        with pytest.raises(OSError, match="Invalid cross-device link"):
            cc.dump(cc.Dataset(), target)
        monkeypatch.undo()
        assert list(tmp_path.iterdir()) == []

    @pytest.mark.skipif(os.name != "posix", reason="POSIX file modes and rename-over-open-file")
    def test_concurrent_writers_never_tear_the_file(self, tmp_path: Path) -> None:
        """Threads dumping different data sets to one file: every read sees one of them whole; the last wins."""
        target = tmp_path / "shared.json"
        versions = [cc.load(MINIMAL), cc.load(VALID), cc.load()]
        cc.dump(versions[0], target)
        seen: list[cc.Dataset | Exception] = []
        stop = threading.Event()

        def write(ds: cc.Dataset) -> None:
            for _ in range(5):
                cc.dump(ds, target)

        def read() -> None:
            while not stop.is_set():
                try:
                    seen.append(cc.load(target))
                except cc.DataError as exc:  # a torn file would show up here
                    seen.append(exc)

        reader = threading.Thread(target=read)
        reader.start()
        writers = [threading.Thread(target=write, args=(ds,)) for ds in versions]
        for thread in writers:
            thread.start()
        for thread in writers:
            thread.join()
        stop.set()
        reader.join()
        assert all(not isinstance(ds, Exception) and ds in versions for ds in seen)
        assert cc.load(target) in versions
        assert sorted(p.name for p in tmp_path.iterdir()) == ["shared.json"]

    def test_export_refuses_to_overwrite_its_input(self, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
        """export --output naming the --data file (under any spelling) exits 2 and leaves the file alone."""
        data = tmp_path / "mine.json"
        data.write_bytes(VALID.read_bytes())
        other_spelling = tmp_path / "." / "mine.json"
        for output in (data, other_spelling):
            assert main(["--data", str(data), "export", "--format", "csv", "--output", str(output)]) == 2
            assert capsys.readouterr().err == (f"error: --output {str(output)!r} is the --data file itself; "
                                               "write the export to another file\n")
        assert data.read_bytes() == VALID.read_bytes()


class TestCsvFormulas:  # case 4: no cell a spreadsheet would run as a formula
    @pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "=HYPERLINK(\"x\")"])
    def test_formula_cells_escaped(self, text: str) -> None:
        """A cell starting with = + - @ tab or CR gets a leading apostrophe (the OWASP rule)."""
        assert csv_cell(text) == "'" + text

    @pytest.mark.parametrize("text", ["ok", "", "1", "a=b", " =x"])
    def test_other_cells_kept(self, text: str) -> None:
        """Other cells are written as they are."""
        assert csv_cell(text) == text

    def test_export_escapes_every_column(self) -> None:
        """Through events_csv, a formula in a summary and in an id is escaped in the file a user opens."""
        event = cc.load(VALID).event("raid")
        evil = attrs.evolve(event, id=cc.EventId("=cmd"), summary="=HYPERLINK(\"http://x\")")
        row = next(csv.DictReader(io.StringIO(events_csv([evil]))))
        assert (row["id"], row["summary"]) == ("'=cmd", "'=HYPERLINK(\"http://x\")")


class TestOnlyRegularFiles:  # case 6: no hang on a FIFO, no MemoryError on /dev/zero
    @pytest.mark.skipif(os.name != "posix", reason="FIFOs and /dev/zero are POSIX")
    @pytest.mark.parametrize(("kind", "reason"), [("fifo", "not a regular file: a FIFO"),
                                                  ("zero", "not a regular file: a character device")])
    def test_special_files_fail_fast(self, tmp_path: Path, kind: str, reason: str) -> None:
        """load() of a FIFO or /dev/zero raises DataError at once, without reading."""
        path = tmp_path / "pipe.json"
        if kind == "fifo":
            os.mkfifo(path)
        else:
            path = Path("/dev/zero")
        with pytest.raises(cc.DataError) as info:
            cc.load(path)
        assert str(info.value) == (f"{path}: 1 problem:\n  $: cannot read the file ({reason})\n"
                                   "Check the path and that the file is UTF-8 text.")

    def test_size_limit_can_be_raised(self, tmp_path: Path) -> None:
        """A file over max_bytes is refused before it is read; a larger max_bytes reads it."""
        size = MINIMAL.stat().st_size
        with pytest.raises(cc.DataError) as info:
            cc.load(MINIMAL, max_bytes=size - 1)
        assert info.value.problems[0].message == (f"cannot read the file (the file has {size:,} bytes, more than "
                                                  f"the limit of {size - 1:,}; pass max_bytes to read it)")
        assert cc.load(MINIMAL, max_bytes=size) == cc.load(MINIMAL)
        assert loading.MAX_BYTES == 2 * 1024**3


    def test_file_that_grows_after_its_size_is_checked(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A file that grew past max_bytes between its size check and its read is refused all the same."""
        size = MINIMAL.stat().st_size
        real = os.fstat

        def before_it_grew(fd: int) -> os.stat_result:
            fields = list(real(fd))
            fields[6] = 0  # st_size, as it was when checked
            return os.stat_result(fields)

        monkeypatch.setattr(os, "fstat", before_it_grew)
        with pytest.raises(cc.DataError) as info:
            cc.load(MINIMAL, max_bytes=size - 1)
        assert [str(p) for p in info.value.problems] == [
            f"$: cannot read the file (the file has more than the limit of {size - 1:,} bytes; pass max_bytes to read it)"]
        assert cc.load(MINIMAL, max_bytes=size).events == cc.load(MINIMAL).events

    def test_not_utf8_on_the_second_line(self, tmp_path: Path) -> None:
        """The line of a byte that is not UTF-8 counts the newline that starts the file."""
        path = tmp_path / "latin1.json"
        path.write_bytes(b'\n{"format": "\xe9"}')
        with pytest.raises(cc.DataError) as info:
            cc.load(path)
        assert [str(p) for p in info.value.problems] == ["$: cannot read the file (not UTF-8: byte 13 on line 2)"]

    def test_os_error_without_a_reason_is_worded_by_its_text(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """An OSError that carries no strerror (a file system layer's own) is reported with its text."""
        def fail(*args: Any) -> int:
            raise OSError("the share went away")

        monkeypatch.setattr(os, "open", fail)
        with pytest.raises(cc.DataError) as info:
            cc.load("remote.json")
        assert str(info.value) == ("remote.json: 1 problem:\n  $: cannot read the file (the share went away)\n"
                                   "Check the path and that the file is UTF-8 text.")

class TestBoundedErrors:  # case 7
    def test_many_bad_records(self) -> None:
        """10,000 bad records: every problem is kept on the error, but the message lists 1,000 and counts the rest."""
        text = json.dumps({"format": "caucasus_conflict/1", "events": [{"id": str(i)} for i in range(10_000)]})
        with pytest.raises(cc.DataError) as info:
            cc.loads(text, file="many.json")
        problems = len(info.value.problems)
        lines = str(info.value).splitlines()
        assert problems >= 10_000
        assert len(lines) == 1 + 1000 + 1 + 1
        assert lines[-2] == f"  ... and {problems - 1000} more problems"
        assert len(str(info.value)) < 200_000

    def test_huge_string_is_previewed(self) -> None:
        """A 10 MB value is echoed as a short preview, not whole."""
        text = json.dumps({"format": "caucasus_conflict/1", "actors": [{"id": "x" * 10_000_000}]})
        with pytest.raises(cc.DataError) as info:
            cc.loads(text)
        assert len(str(info.value)) < 2_000


class TestMisuse:  # case 8: the library's own error for every misuse
    @pytest.mark.parametrize(("call", "error", "message"), [
        (lambda ds: ds.actor(None), cc.ArgumentTypeError,
         "expected an Actor, or its id, name or alias, as a string (got NoneType: None)"),
        (lambda ds: ds.events_involving(123), cc.ArgumentTypeError,
         "expected an Actor, or its id, name or alias, as a string (got int: 123)"),
        (lambda ds: ds.record(["x"]), cc.ArgumentTypeError, "expected the record's id as a string (got list: ['x'])"),
        (lambda ds: cc.load("a\x00b"), cc.DataError,
         "a\\x00b: 1 problem:\n  $: cannot read the file (the path contains a NUL character)\n"
         "Check the path and that the file is UTF-8 text."),
        (lambda ds: cc.load(123), cc.DataError,  # type: ignore[arg-type]
         "123: 1 problem:\n  $: expected a path (a str or os.PathLike; got int)\n"
         "Pass the path of a data set file, or nothing for the bundled one."),
        (lambda ds: cc.loads(5), cc.DataError,  # type: ignore[arg-type]
         "data: 1 problem:\n  $: expected JSON text as a str (got int)\n"
         "Fix the data at the path(s) shown and load it again."),
    ], ids=["actor(None)", "events_involving(123)", "record([x])", "load(NUL)", "load(123)", "loads(5)"])
    def test_reported_calls(self, bundled: cc.Dataset, call: Any, error: type[Exception], message: str) -> None:
        """The misuse calls the issue lists raise the library's error with its message."""
        with pytest.raises(error) as info:
            call(bundled)
        assert isinstance(info.value, cc.CaucasusConflictError)
        assert str(info.value).startswith(message)

    def test_record_of_another_data_set(self, bundled: cc.Dataset) -> None:
        """ds.actor(record) refuses a record that is not this data set's (case 12)."""
        stranger = cc.load(VALID).actor("north")
        with pytest.raises(cc.QueryError) as info:
            bundled.actor(stranger)
        assert str(info.value) == ("this data set holds no actor equal to the one passed (id 'north'); "
                                   "pass a record of this data set, or its id")


class TestOneRound:  # case 10: shape and reference problems together
    def test_shape_and_reference_problems_reported_together(self) -> None:
        """A missing field in one record and a dangling reference in another come in one DataError."""
        data = json.loads(VALID.read_text(encoding="utf-8"))
        data["actors"][0].pop("name")
        data["events"][0]["participants"][0]["actor_id"] = "nobody"
        with pytest.raises(cc.DataError) as info:
            cc.loads(json.dumps(data))
        paths = [p.path for p in info.value.problems]
        assert "$.actors[0].name" in paths
        assert "$.events[0].participants[0].actor_id" in paths
