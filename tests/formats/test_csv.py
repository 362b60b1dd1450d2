"""The shared CSV base: what it reads of a real, messy copy, and what it refuses."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from caucasus_conflict.errors import DataError
from caucasus_conflict.formats._csv import (
    Layout,
    decode,
    parse_table,
    read_bytes,
    read_header,
    read_table,
    sniff_delimiter,
    write_table,
    write_text_atomically,
)

READ_ADVICE = "Check the path and that the file is a CSV export, then read it again."
ENCODING_ADVICE = "Re-save the file as UTF-8 (with or without a byte-order mark) and read it again."


class TestReadBytes:
    def test_refuses_a_fifo_at_once(self, tmp_path: Path) -> None:
        """A named pipe with no writer is refused without waiting for data."""
        fifo = tmp_path / "pipe.csv"
        os.mkfifo(fifo)
        started = time.monotonic()
        with pytest.raises(DataError) as caught:
            read_bytes(fifo)
        assert time.monotonic() - started < 5
        assert str(caught.value) == (f"{fifo}: 1 problem:\n  {fifo}: not a regular file (a FIFO); only regular files "
                                     f"are read\n{READ_ADVICE}")

    @pytest.mark.parametrize(("path", "kind"), [("/dev/zero", "a character device"), ("/", "a directory")])
    def test_refuses_devices_and_directories(self, path: str, kind: str) -> None:
        """Devices and directories are not read (``/dev/zero`` would never end)."""
        with pytest.raises(DataError) as caught:
            read_bytes(path)
        assert caught.value.problems[0].message == f"not a regular file ({kind}); only regular files are read"

    def test_missing_file(self, tmp_path: Path) -> None:
        """A path that does not exist is a DataError naming the path."""
        path = tmp_path / "nope.csv"
        with pytest.raises(DataError) as caught:
            read_bytes(path)
        assert str(caught.value) == (f"{path}: 1 problem:\n  {path}: cannot open the file (No such file or "
                                     f"directory)\n{READ_ADVICE}")

    def test_size_limit_refuses_and_can_be_raised(self, tmp_path: Path) -> None:
        """A file over the limit is refused with its size; a larger limit reads it."""
        path = tmp_path / "big.csv"
        path.write_bytes(b"id\n" + b"1\n" * 50)
        with pytest.raises(DataError) as caught:
            read_bytes(path, max_bytes=100)
        assert str(caught.value) == (f"{path}: 1 problem:\n  {path}: the file has 103 bytes, more than the limit of "
                                     "100\nPass a larger max_bytes to read it.")
        assert len(read_bytes(path, max_bytes=103)) == 103

    def test_limit_applies_to_bytes_too(self) -> None:
        """Bytes given directly obey the same limit."""
        with pytest.raises(DataError) as caught:
            read_table(b"id\n1\n", max_bytes=4)
        assert caught.value.problems[0].message == "the data has 5 bytes, more than the limit of 4"


class TestDecode:
    def test_bom_is_stripped_and_reported(self) -> None:
        """A UTF-8 byte-order mark is not part of the first column's name."""
        table = read_table(b"\xef\xbb\xbfconflict_id,year\n1,2\n")
        assert table.layout.columns == ("conflict_id", "year")
        assert table.layout.bom is True

    def test_not_utf8_gives_offset_and_line(self) -> None:
        """A Latin-1 byte is refused with its offset and line, counting the BOM's bytes."""
        data = b"\xef\xbb\xbfid,name\n1,ok\n2,Caf\xe9\n"
        with pytest.raises(DataError) as caught:
            read_table(data, name="latin.csv")
        assert str(caught.value) == ("latin.csv: 1 problem:\n  latin.csv:3: not UTF-8: byte 0xe9 at offset 21 cannot "
                                     f"be read as UTF-8\n{ENCODING_ADVICE}")

    @pytest.mark.parametrize(("bom", "name"), [(b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16"),
                                               (b"\xff\xfe\x00\x00", "UTF-32")])
    def test_utf16_and_utf32_are_named(self, bom: bytes, name: str) -> None:
        """A UTF-16/32 export (Excel's 'Unicode text') is refused by name, not as garbage."""
        with pytest.raises(DataError) as caught:
            decode(bom + "id".encode("utf-16-le"), "u.csv")
        assert caught.value.problems[0].message == f"the file is {name} text; only UTF-8 is read"


class TestDelimiter:
    @pytest.mark.parametrize(("line", "delimiter"), [
        ("conflict_id,location,side_a", ","),
        ("conflict_id;location;side_a", ";"),
        ("conflict_id\tlocation\tside_a", "\t"),
        ('"a;b",c,d', ","),
        ("only", ","),
    ])
    def test_read_from_the_header_outside_quotes(self, line: str, delimiter: str) -> None:
        """The delimiter is the one the header uses most outside quotes."""
        assert sniff_delimiter(line) == delimiter

    def test_data_with_other_delimiters_does_not_confuse_it(self) -> None:
        """Commas in the data of a ';' file (decimal commas, name lists) stay inside cells."""
        table = read_table(b"id;lat;names\r\n1;39,8;A, B, C\r\n")
        assert table.rows == ((2, ("1", "39,8", "A, B, C")),)


class TestLines:
    @pytest.mark.parametrize("end", [b"\n", b"\r\n", b"\r"])
    def test_each_row_keeps_its_physical_line(self, end: bytes) -> None:
        """Quoted line breaks inside cells count: the next row starts on its true line."""
        data = end.join([b"id,note", b'1,"two' + end + b'lines"', b"2,x", b""])
        table = read_table(data)
        assert [line for line, _cells in table.rows] == [2, 4]
        assert table.rows[0][1][1] == "two" + end.decode() + "lines"
        assert table.layout.newline == end.decode()

    def test_quotes_delimiters_and_line_breaks_in_cells(self) -> None:
        """Doubled quotes and delimiters inside quoted cells are read as text."""
        table = read_table(b'id,headline\n1,"""Clashes"", they said, at 5"\n')
        assert table.rows[0][1] == ("1", '"Clashes", they said, at 5')

    def test_blank_lines_and_empty_rows_are_skipped(self) -> None:
        """A blank line or a row of empty cells (spreadsheet residue) is no row."""
        table = read_table(b"a;b\r\n1;2\r\n\r\n;\r\n3;4\r\n")
        assert table.rows == ((2, ("1", "2")), (5, ("3", "4")))

    def test_rows_of_spaces_are_skipped_and_a_last_cell_kept(self) -> None:
        """Cells holding only spaces make no row; a row whose text is in its last cell alone is read."""
        table = read_table(b"a;b;c\n \t; ;\n;; x\n")
        assert table.rows == ((3, ("", "", " x")),)

    def test_a_ragged_row_is_reported_not_read(self) -> None:
        """A row with more or fewer cells than the header is reported and left out."""
        table = read_table(b"a,b\n1,2\n3\n4,5,6\n7,8\n", name="r.csv")
        assert table.rows == ((2, ("1", "2")), (5, ("7", "8")))
        assert [str(p) for p in table.problems] == [
            "r.csv:3: the row has 1 cells but the header has 2 columns; the row is not read",
            "r.csv:4: the row has 3 cells but the header has 2 columns; the row is not read",
        ]

    def test_an_unclosed_quote_is_refused(self) -> None:
        """A quote opened and never closed would swallow the rest of the file: refused."""
        with pytest.raises(DataError) as caught:
            read_table(b'a,b\n1,"never closed\n2,3\n', name="q.csv")
        assert caught.value.problems[0].path == "q.csv:3"
        assert caught.value.problems[0].message.startswith("cannot read the CSV here (")


class TestIndexColumn:
    @pytest.mark.parametrize("header", [b"Unnamed: 0", b"", b'""'])
    def test_unnamed_leading_index_is_dropped(self, header: bytes) -> None:
        """pandas' ``Unnamed: 0`` and R's empty first header cell mark an index column."""
        table = read_table(header + b",id,year\n0,7,2020\n1,8,2021\n")
        assert table.layout.index_column is True
        assert table.layout.columns == ("id", "year")
        assert [cells for _line, cells in table.rows] == [("7", "2020"), ("8", "2021")]

    def test_a_named_first_column_is_kept(self) -> None:
        """A first column with a name is data."""
        assert read_table(b"id,year\n7,2020\n").layout.index_column is False


class TestHxl:
    def test_hashtag_row_under_the_header_is_kept_apart(self) -> None:
        """An HXL row is layout, not data; the rows after it keep their lines."""
        table = read_table(b"event_id_cnty,notes,fatalities\n#event+code,,#affected+killed\nX1,note,3\n")
        assert table.layout.hxl == ("#event+code", "", "#affected+killed")
        assert table.rows == ((3, ("X1", "note", "3")),)

    def test_a_hashtag_further_down_is_data(self) -> None:
        """Only the row right under the header can be HXL."""
        table = read_table(b"id,tag\n1,x\n#2,#y\n")
        assert table.layout.hxl is None
        assert len(table.rows) == 2


class TestHeader:
    def test_empty_file(self) -> None:
        """An empty file has no header to read."""
        with pytest.raises(DataError) as caught:
            read_table(b"", name="e.csv")
        assert str(caught.value) == ("e.csv: 1 problem:\n  e.csv:1: the file has no header line (it is empty or "
                                     "starts with a blank line)\nGive the file its header line and read it again.")

    def test_repeated_and_blank_names(self) -> None:
        """Two columns of one name, or a column with none, cannot be read without guessing."""
        with pytest.raises(DataError) as caught:
            read_table(b"id,year,,year\n1,2,3,4\n", name="h.csv")
        assert str(caught.value) == (
            "h.csv: 2 problems:\n"
            "  h.csv:1: column 3 of the header has no name\n"
            "  h.csv:1: column 'year' appears twice (columns 2 and 4)\n"
            "Give every column one distinct name and read the file again."
        )

    def test_names_are_stripped(self) -> None:
        """Spaces a spreadsheet left around a column name are not part of it."""
        assert parse_table(" id , year \n1,2\n").layout.columns == ("id", "year")

    def test_read_header_reads_only_the_start(self, tmp_path: Path) -> None:
        """The header of a large file is read without reading the file."""
        path = tmp_path / "big.csv"
        path.write_bytes(b"\xef\xbb\xbfUnnamed: 0;id;year\r\n" + b"0;1;2\r\n" * 400_000)
        assert read_header(path) == ("id", "year")


class TestWrite:
    def test_round_trip_of_awkward_cells(self) -> None:
        """Cells with quotes, delimiters and both kinds of line break read back as written."""
        cells = ["a\rb", 'say "x"', "1,2", "line\nbreak", "", " spaced "]
        text = write_table([f"c{i}" for i in range(len(cells))], [cells])
        assert parse_table(text).rows[0][1] == tuple(cells)

    def test_atomic_write_leaves_no_partial_file(self, tmp_path: Path) -> None:
        """Writing replaces the target whole and leaves no temporary file behind."""
        target = tmp_path / "out.csv"
        target.write_text("old")
        write_text_atomically(target, "id\r\n1\r\n")
        assert target.read_bytes() == b"id\r\n1\r\n"
        assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]

    def test_unwritable_folder(self, tmp_path: Path) -> None:
        """A folder that does not exist is a DataError, not an OSError."""
        target = tmp_path / "missing" / "out.csv"
        with pytest.raises(DataError) as caught:
            write_text_atomically(target, "id\n")
        assert caught.value.problems[0].message == "cannot write the file (No such file or directory)"


def test_layout_defaults() -> None:
    """A layout built in memory describes a plain comma-separated file."""
    assert Layout(columns=("id",)) == Layout(columns=("id",), delimiter=",", bom=False, newline="\n",
                                              index_column=False, hxl=None)
