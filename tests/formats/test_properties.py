"""Properties: any input yields rows or a DataError, nothing else; written rows read back as themselves."""

from __future__ import annotations

import csv
import io
import re
from typing import Any
from unittest.mock import patch

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caucasus_conflict.errors import DataError
from caucasus_conflict.formats import FORMATS, Format, ReadResult, _rows, detect, read_rows
from caucasus_conflict.formats._csv import parse_table, write_table

from ._support import cell_text, fixture, rows_of, without_lines

ALL = list(FORMATS.values())
# The row-building properties are the slow ones: half the profile's examples, six formats over.
HALF = settings(max_examples=max(10, settings().max_examples // 2),
                suppress_health_check=[HealthCheck.too_slow])
NAMES = [fmt.name for fmt in ALL]
PATH = re.compile(r"fuzz\.csv(?::(\d+)(?::.+)?)?")


def read_or_refuse(fmt: Format[Any] | None, data: bytes) -> ReadResult[Any] | None:
    """Read *data*; a DataError is an accepted answer (None), anything else fails the test."""
    refused: DataError | None = None
    try:
        if fmt is None:
            return read_rows(data, name="fuzz.csv")
        return fmt.read(data, name="fuzz.csv")
    except DataError as exc:
        refused = exc
    assert refused.problems, "a DataError names at least one problem"
    assert all(PATH.fullmatch(p.path) for p in refused.problems)
    return None


def check_result(result: ReadResult[Any] | None, data: bytes) -> None:
    """Rows and problems of a successful read point inside the file."""
    if result is None:
        return
    lines = data.count(b"\n") + data.count(b"\r") + 1
    for row in result.rows:
        assert 2 <= row.line <= lines
    for problem in result.problems:
        match = PATH.fullmatch(problem.path)
        assert match is not None, problem.path
        assert match[1] is None or 1 <= int(match[1]) <= lines


@pytest.mark.parametrize("fmt", [None, *ALL], ids=["detect", *NAMES])
@given(data=st.binary(max_size=300))
def test_any_bytes(fmt: Format[Any] | None, data: bytes) -> None:
    """Any bytes at all give rows or a DataError."""
    check_result(read_or_refuse(fmt, data), data)


@st.composite
def shaped_files(draw: Any, fmt: Format[Any]) -> bytes:
    """Files with the format's required columns and others, and cells of any text, in any layout."""
    optional = [spec.name for spec in fmt.columns if not spec.required]
    columns = [*fmt.required, *draw(st.lists(st.sampled_from(optional), unique=True, max_size=6)),
               *draw(st.lists(st.sampled_from(["notes", "Unnamed: 3", "x"]), unique=True, max_size=2))]
    columns = draw(st.permutations(columns))
    interesting = st.sampled_from(["", "-1", "0", "1", "2", "99", "373.0", "22,1", "221", "2020-02-30",
                                   "31-12-1946", "10/11/2020", "2020-09-27 00:00:00.000", "1;2", "#tag", "Cea",
                                   "Battles", "Armed clash", "State forces-Rebel group", " 7 ", "1e400", "nan"])
    cell = interesting | cell_text
    rows = draw(st.lists(st.lists(cell, min_size=len(columns), max_size=len(columns)), max_size=4))
    text = write_table(columns, rows, delimiter=draw(st.sampled_from([",", ";", "\t"])))
    if draw(st.booleans()):
        text = text.replace("\r\n", "\n")
    raw = text.encode()
    return (b"\xef\xbb\xbf" + raw) if draw(st.booleans()) else raw


@pytest.mark.parametrize("fmt", ALL, ids=NAMES)
@HALF
@given(data=st.data())
def test_shaped_files(fmt: Format[Any], data: st.DataObject) -> None:
    """Files with the right header and arbitrary cells are read (with problems) or refused, nothing else."""
    raw = data.draw(shaped_files(fmt))
    result = read_or_refuse(fmt, raw)
    check_result(result, raw)
    if result is not None:
        for row in result.rows:  # every derived reading works on every row read
            for name in ("span", "start", "episode_start", "episode_end", "declared", "effective", "end"):
                if hasattr(type(row), name):
                    getattr(row, name)


@pytest.mark.parametrize("name", ["ged.csv", "acd_resaved.csv", "brd.csv", "ethprio.csv", "pax.csv", "acled_hxl.csv"])
@given(data=st.data())
def test_mutated_fixtures(name: str, data: st.DataObject) -> None:
    """A real-shaped file with bytes flipped, cut or inserted is read or refused, nothing else."""
    raw = bytearray(fixture(name).read_bytes())
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(raw)))
        action = data.draw(st.sampled_from(["flip", "cut", "insert"]))
        if action == "flip" and at < len(raw):
            raw[at] = data.draw(st.integers(0, 255))
        elif action == "cut":
            del raw[at:at + data.draw(st.integers(1, 40))]
        else:
            raw[at:at] = data.draw(st.sampled_from([b'"', b",", b";", b"\n", b"\r", b"\xe9", b"-1", b"#"]))
    check_result(read_or_refuse(None, bytes(raw)), bytes(raw))


@given(header=st.lists(st.text(max_size=12), max_size=12))
def test_detect_any_header(header: list[str]) -> None:
    """detect on any list of names returns a format's name or raises a DataError."""
    try:
        name = detect(header)
    except DataError as exc:
        name = None
        refused = exc
    if name is None:
        assert refused.problems[0].path == "<header>:1"
    else:
        assert name in FORMATS


EXTRAS = ["notes (local)", "tags2"]


@pytest.mark.parametrize("fmt", ALL, ids=NAMES)
@HALF
@given(data=st.data())
def test_generated_rows_round_trip(fmt: Format[Any], data: st.DataObject) -> None:
    """Rows written and read back are the rows written; writing them again gives the same text."""
    rows = data.draw(st.lists(rows_of(fmt, extras=EXTRAS), min_size=1, max_size=4))
    text = fmt.dumps(rows)
    result = fmt.read(text.encode(), name="round.csv")
    assert without_lines(result.rows) == without_lines(rows)
    assert fmt.dumps(result.rows) == text
    again = fmt.read(fmt.dumps(result.rows).encode(), name="round.csv")
    assert again.rows == result.rows
    assert again.problems == result.problems


@pytest.mark.parametrize("fmt", ALL, ids=NAMES)
@HALF
@given(data=st.data())
def test_layout_does_not_change_rows(fmt: Format[Any], data: st.DataObject) -> None:
    """The same rows re-saved with ';', a BOM, an index column or LF read as the same rows."""
    rows = data.draw(st.lists(rows_of(fmt), min_size=1, max_size=3))
    text = fmt.dumps(rows)
    baseline = without_lines(fmt.read(text.encode()).rows)
    parsed = parse_table(text)
    cells = [list(cells) for _line, cells in parsed.rows]
    header = list(parsed.layout.columns)
    if data.draw(st.booleans()):
        header, cells = ["Unnamed: 0", *header], [[str(i), *row] for i, row in enumerate(cells)]
    variant = write_table(header, cells, delimiter=data.draw(st.sampled_from([",", ";", "\t"])))
    if data.draw(st.booleans()) and not any("\r" in cell for row in cells for cell in row):
        variant = variant.replace("\r\n", "\n")
    raw = variant.encode()
    if data.draw(st.booleans()):
        raw = b"\xef\xbb\xbf" + raw
    assert without_lines(fmt.read(raw).rows) == baseline


@pytest.mark.parametrize("name", ["ged.csv", "acd_resaved.csv", "brd.csv", "ethprio.csv", "pax.csv", "acled_hxl.csv"])
@given(data=st.data())
def test_kept_values_read_as_each_cell(name: str, data: st.DataObject) -> None:
    """A column's values kept by text give the rows and problems that reading every cell anew gives (#13).

    The fixture's rows are read twice over (so every text repeats), with a few bytes changed
    so that bad cells repeat too.
    """
    raw = bytearray(fixture(name).read_bytes())
    for _ in range(data.draw(st.integers(0, 3))):
        at = data.draw(st.integers(0, len(raw)))
        raw[at:at + 1] = data.draw(st.sampled_from([b"x", b"-1", b"", b"9999", b"\xe9"]))
    header, _, body = bytes(raw).partition(b"\n")
    doubled = header + b"\n" + body + (b"" if body.endswith(b"\n") else b"\n") + body

    def outcome() -> object:
        try:
            result = read_rows(doubled, name="fuzz.csv")
        except DataError as exc:
            return exc.problems
        return result.rows, result.problems

    kept = outcome()
    with patch.object(_rows, "_KEPT_PER_COLUMN", 0):
        assert outcome() == kept


def test_kept_values_report_each_bad_cell() -> None:
    """A bad text in one column of every row is reported on every row, not only the first (#13)."""
    table = list(csv.reader(io.StringIO(fixture("ged.csv").read_text(encoding="utf-8"))))
    column = table[0].index("date_prec")
    for cells in table[1:]:
        cells[column] = "x"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(table + table[1:])
    result = read_rows(out.getvalue().encode(), name="ged.csv")
    bad = [p for p in result.problems if p.path.endswith(":date_prec")]
    assert len(bad) == 2 * (len(table) - 1)
    with patch.object(_rows, "_KEPT_PER_COLUMN", 0):
        again = read_rows(out.getvalue().encode(), name="ged.csv")
    assert (again.rows, again.problems) == (result.rows, result.problems)
