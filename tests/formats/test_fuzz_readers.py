"""Fuzz every reader (#10): whatever it is given, it returns rows or raises `DataError`, nothing else.

`read_rows`, `detect` and each format's `Format.read` (UCDP GED, ACD, BRD, ETH/PRIO, PA-X,
ACLED), strict or not, are fed every fixture file with bytes flipped, cut or inserted,
with cells swapped for awkward values, through bytes and through a path, and under small
size limits. Rows that are read must survive every derived reading and a write-and-read.
Misused arguments raise the library's `ArgumentTypeError`, never ``os.fspath``'s
``TypeError``. ``tests/formats/test_properties.py`` holds the generated-file properties.
"""

from __future__ import annotations

import functools
import os
import tempfile
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import caucasus_conflict as cc
from caucasus_conflict.errors import DataError
from caucasus_conflict.formats import FORMATS, Format, ReadResult, detect, read_rows
from caucasus_conflict.formats._csv import parse_table, write_table

from ._support import FIXTURES, cell_text, fixture, fixture_names

FIXTURE_FILES = fixture_names()
ALL = list(FORMATS.values())
READERS: list[Format[Any] | None] = [None, *ALL]
FAST = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], deadline=None)
AWKWARD_CELLS = st.sampled_from([
    "", " ", "-1", "0", "-0", "1e400", "nan", "inf", "9" * 400, "2020-02-30", "0000-00-00", "31-12-1946",
    "99/99/9999", "2020-09-27 00:00:00.000", "1;2;;3", '"', "#tag", "\x00", "\ud7ff", "\u202e", "\u200b",
    "1.5", "22,1", "1_000", "٣", "²", "１２", "Battles", "Cea", "State forces-Rebel group",
]) | cell_text
INSERTS = st.sampled_from([b'"', b",", b";", b"\t", b"\n", b"\r", b"\r\n", b"\xe9", b"\xef\xbb\xbf", b"\x00",
                           b"-1", b"#", b"9" * 50, b'""', b"\xff\xfe"])


def outcome(read: Callable[[], ReadResult[Any]]) -> ReadResult[Any] | DataError:
    """What *read* returns, or the DataError it raises; any other exception fails the test."""
    try:
        return read()
    except DataError as exc:
        error = exc
    assert error.problems, "a DataError names at least one problem"
    assert all(line.isprintable() for line in str(error).splitlines()), "one problem per line"
    return error


def exercise(result: ReadResult[Any] | DataError) -> None:
    """Every derived reading of every row works, and the rows write and read back with the same codes."""
    if isinstance(result, DataError):
        return
    fmt = FORMATS[result.format]
    names = _derived(fmt.row_type)
    for row in result.rows:
        for name in names:
            getattr(row, name)
    again = fmt.read(fmt.dumps(result.rows).encode("utf-8"), name="again.csv")
    assert [dict(r.source_codes) for r in again.rows] == [dict(r.source_codes) for r in result.rows]


def _derived(cls: type) -> tuple[str, ...]:
    """The names of *cls*'s properties: the readings a row derives from its cells."""
    return tuple(name for name in dir(cls) if isinstance(getattr(cls, name, None), property | functools.cached_property))


def read_with(fmt: Format[Any] | None, data: bytes | str, *, strict: bool = False,
              max_bytes: int | None = None) -> ReadResult[Any] | DataError:
    """Read *data* (bytes, or a path) with *fmt*, or recognising the format when it is None."""
    options: dict[str, Any] = {"strict": strict} if max_bytes is None else {"strict": strict, "max_bytes": max_bytes}
    if fmt is None:
        return outcome(lambda: read_rows(data, name="fuzz.csv", **options))
    return outcome(lambda: fmt.read(data, name="fuzz.csv", **options))


def mutate(raw: bytes, draw: Callable[[st.SearchStrategy[Any]], Any]) -> bytes:
    """*raw* with one to four bytes flipped, runs cut, or awkward bytes inserted."""
    data = bytearray(raw)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["flip", "cut", "insert"]))
        if action == "flip" and at < len(data):
            data[at] = draw(st.integers(0, 255))
        elif action == "cut":
            del data[at:at + draw(st.integers(1, 60))]
        else:
            data[at:at] = draw(INSERTS)
    return bytes(data)


def reader_id(fmt: Format[Any] | None) -> str:
    """A test id: the format's name, or read_rows for recognising it."""
    return "read_rows" if fmt is None else fmt.name


class TestMutatedFixtures:
    @pytest.mark.parametrize("name", FIXTURE_FILES)
    @FAST
    @given(data=st.data())
    def test_bytes_mutated(self, name: str, data: st.DataObject) -> None:
        """Every fixture with bytes flipped, cut or inserted gives rows or a DataError, for every reader."""
        raw = mutate(fixture(name).read_bytes(), data.draw)
        fmt = data.draw(st.sampled_from(READERS), label="reader")
        exercise(read_with(fmt, raw, strict=data.draw(st.booleans(), label="strict")))
        try:
            detected: str | None = detect(raw, name="fuzz.csv")
        except DataError:
            detected = None
        assert detected is None or detected in FORMATS

    @pytest.mark.parametrize("name", FIXTURE_FILES)
    @FAST
    @given(data=st.data())
    def test_cells_mutated(self, name: str, data: st.DataObject) -> None:
        """Every fixture with cells (header included) swapped for awkward values gives rows or a DataError."""
        table = parse_table(fixture(name).read_bytes().decode("utf-8-sig"))
        header = list(table.layout.columns)
        rows = [list(cells) for _line, cells in table.rows]
        for _ in range(data.draw(st.integers(1, 6))):
            target = data.draw(st.integers(-1, len(rows) - 1))
            cells = header if target < 0 and data.draw(st.integers(0, 9)) == 0 else rows[target] if rows else header
            cells[data.draw(st.integers(0, len(cells) - 1))] = data.draw(AWKWARD_CELLS)
        text = write_table(header, rows, delimiter=data.draw(st.sampled_from([",", ";", "\t"])))
        raw = text.encode("utf-8", "surrogatepass")
        fmt = data.draw(st.sampled_from(READERS), label="reader")
        exercise(read_with(fmt, raw, strict=data.draw(st.booleans(), label="strict")))


class TestOtherInputs:
    @pytest.mark.parametrize("fmt", READERS, ids=reader_id)
    @FAST
    @given(raw=st.binary(max_size=400))
    def test_any_bytes_strict(self, fmt: Format[Any] | None, raw: bytes) -> None:
        """Any bytes at all, read strictly, give rows or a DataError (the lenient read is in test_properties)."""
        exercise(read_with(fmt, raw, strict=True))

    @FAST
    @given(data=st.data())
    def test_through_a_path(self, data: st.DataObject) -> None:
        """A mutated fixture read from a file (by str and by Path) gives the same answer as its bytes."""
        name = data.draw(st.sampled_from(FIXTURE_FILES))
        raw = mutate(fixture(name).read_bytes(), data.draw)
        fmt = data.draw(st.sampled_from(READERS))
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "fuzz.csv"
            path.write_bytes(raw)
            by_path = [read_with(fmt, str(path)), read_with(fmt, path)]  # type: ignore[arg-type]
        by_bytes = read_with(fmt, raw)
        for result in by_path:
            assert type(result) is type(by_bytes)
            if isinstance(result, ReadResult) and isinstance(by_bytes, ReadResult):
                assert result.rows == by_bytes.rows

    @FAST
    @given(name=st.sampled_from(FIXTURE_FILES), limit=st.integers(-1, 3000))
    def test_size_limit(self, name: str, limit: int) -> None:
        """Under any size limit a file is read whole or refused with a DataError, bytes or path alike."""
        raw = fixture(name).read_bytes()
        for source in (raw, str(fixture(name))):
            result = read_with(None, source, max_bytes=limit)
            if len(raw) > limit:
                assert isinstance(result, DataError)


# -- cc.read: into the model ---------------------------------------------------------------


def read_into_model(raw: bytes, fmt: Format[Any] | None, *, strict: bool) -> cc.Dataset | DataError | None:
    """`cc.read` of *raw* from a file: a `Dataset`, or the `DataError` it raises; ``None`` for a format it does not map.

    A format whose rows are not mapped into the model yet raises the library's `QueryError`
    pointing at `read_rows`; any other exception fails the test.
    """
    refused: DataError | cc.QueryError | None = None
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.csv"
        path.write_bytes(raw)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", cc.formats.DataWarning)
                ds = cc.read(path, None if fmt is None else fmt.name, strict=strict)
        except (DataError, cc.QueryError) as error:
            refused = error
    if isinstance(refused, DataError):
        assert refused.problems, "a DataError names at least one problem"
        assert str(path) in str(refused), "a DataError names the file it is about"
        return refused
    if refused is not None:
        assert "read_rows" in str(refused)
        return None
    assert isinstance(ds, cc.Dataset)
    # What was read is a data set like any other: it writes and loads back as it is.
    assert cc.loads(cc.dumps(ds)) == ds
    return ds


class TestReadIntoModel:
    @pytest.mark.parametrize("name", FIXTURE_FILES)
    @FAST
    @given(data=st.data())
    def test_bytes_mutated(self, name: str, data: st.DataObject) -> None:
        """Every fixture, mutated, read by `cc.read` gives a Dataset or a DataError, strict or not."""
        raw = mutate(fixture(name).read_bytes(), data.draw)
        fmt = data.draw(st.sampled_from(READERS), label="reader")
        read_into_model(raw, fmt, strict=data.draw(st.booleans(), label="strict"))

    @pytest.mark.parametrize("fmt", READERS, ids=reader_id)
    @FAST
    @given(raw=st.binary(max_size=400))
    def test_any_bytes(self, fmt: Format[Any] | None, raw: bytes) -> None:
        """Any bytes at all, given to `cc.read`, give a Dataset or a DataError."""
        read_into_model(raw, fmt, strict=False)


# -- misuse ---------------------------------------------------------------------------------

GED = FORMATS["ucdp-ged"]
SOURCE_EXPECTED = "'source' must be a path (a str or os.PathLike) or the file's bytes"
MISUSE: list[tuple[str, Callable[[], object], str]] = [
    ("read_rows(123)", lambda: read_rows(123), f"{SOURCE_EXPECTED} (got 123)"),  # type: ignore[arg-type]
    ("read_rows(None)", lambda: read_rows(None), f"{SOURCE_EXPECTED} (got None)"),  # type: ignore[arg-type]
    ("read_rows([...])", lambda: read_rows(["a"]), f"{SOURCE_EXPECTED} (got ['a'])"),  # type: ignore[arg-type]
    ("read_rows(format=5)", lambda: read_rows(b"id\n", format=5),  # type: ignore[arg-type]
     "'format' must be a format's name, one of 'ucdp-ged', 'ucdp-acd', 'ucdp-brd', 'ethprio-ceasefires', 'pax', "
     "'acled' (got 5)"),
    ("read_rows(name=5)", lambda: read_rows(b"id\n", name=5),  # type: ignore[arg-type]
     "'name' must be a string or None (got 5)"),
    ("read_rows(max_bytes='1')", lambda: read_rows(b"id\n", max_bytes="1"),  # type: ignore[arg-type]
     "'max_bytes' must be an integer (got '1')"),
    ("Format.read(123)", lambda: GED.read(123), f"{SOURCE_EXPECTED} (got 123)"),  # type: ignore[arg-type]
    ("detect(123)", lambda: detect(123),  # type: ignore[arg-type]
     "'source' must be a path, the file's bytes or a sequence of column names (got 123)"),
    ("detect({})", lambda: detect({"a": 1}),  # type: ignore[arg-type]
     "'source' must be a path, the file's bytes or a sequence of column names (got {'a': 1})"),
    ("Format.dumps(5)", lambda: GED.dumps(5),  # type: ignore[arg-type]
     "'rows' must be an iterable of GedRow rows (got 5)"),
]


class TestMisuse:
    @pytest.mark.parametrize(("label", "call", "message"), MISUSE, ids=[case[0] for case in MISUSE])
    def test_wrong_argument_types(self, label: str, call: Callable[[], object], message: str) -> None:
        """A wrong argument type raises the library's ArgumentTypeError (a TypeError) saying what was expected."""
        with pytest.raises(cc.ArgumentTypeError) as info:
            call()
        assert str(info.value) == message

    @pytest.mark.parametrize("read", [lambda p: read_rows(p), lambda p: GED.read(p), lambda p: detect(p)],
                             ids=["read_rows", "Format.read", "detect"])
    def test_nul_in_path(self, read: Callable[[str], object]) -> None:
        """A path holding a NUL character is a DataError naming it, not os.open's ValueError."""
        with pytest.raises(DataError) as info:
            read("a\x00b.csv")
        assert str(info.value).splitlines()[1] == "  a\\x00b.csv: cannot open the file (the path contains a NUL character)"

    @pytest.mark.parametrize("wrap", [bytearray, memoryview], ids=["bytearray", "memoryview"])
    def test_bytes_like(self, wrap: Callable[[bytes], Any]) -> None:
        """A bytearray or memoryview is read like bytes, by every reader."""
        raw = (FIXTURES / "brd.csv").read_bytes()
        assert read_rows(wrap(raw)).rows == read_rows(raw).rows
        assert FORMATS["ucdp-brd"].read(wrap(raw)).rows == read_rows(raw).rows
        assert detect(wrap(raw)) == "ucdp-brd"

    @pytest.mark.skipif(os.name != "posix", reason="FIFOs are POSIX")
    def test_fifo_is_refused_fast(self, tmp_path: Path) -> None:
        """A FIFO is refused at once by every reader, never waited on."""
        fifo = tmp_path / "pipe.csv"
        os.mkfifo(fifo)
        for read in (read_rows, GED.read, detect):
            with pytest.raises(DataError) as info:
                read(fifo)
            assert "not a regular file (a FIFO); only regular files are read" in str(info.value)


class TestAtomicWrite:
    def test_failed_write_keeps_the_old_file(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """Format.write that fails (here at the rename) leaves the old file whole and no temporary file (#10)."""
        brd = FORMATS["ucdp-brd"]
        target = tmp_path / "brd.csv"
        rows = brd.read(FIXTURES / "brd.csv").rows
        brd.write(rows, target)
        before = target.read_bytes()

        def fail(*args: Any) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "replace", fail)
        with pytest.raises(DataError) as info:
            brd.write(rows[:1], target)
        monkeypatch.undo()
        assert info.value.problems[0].message == "cannot write the file (No space left on device)"
        assert target.read_bytes() == before
        assert [p.name for p in tmp_path.iterdir()] == ["brd.csv"]

    def test_unencodable_text_touches_nothing(self, tmp_path: Path) -> None:
        """A row holding a lone surrogate is refused before the file is opened."""
        brd = FORMATS["ucdp-brd"]
        target = tmp_path / "brd.csv"
        rows = brd.read(FIXTURES / "brd.csv").rows
        brd.write(rows, target)
        before = target.read_bytes()
        bad = attrs.evolve(rows[0], side_a="A\ud800")
        with pytest.raises(DataError) as info:
            brd.write([bad], target)
        assert "lone surrogate" in info.value.problems[0].message
        assert target.read_bytes() == before
        assert [p.name for p in tmp_path.iterdir()] == ["brd.csv"]
