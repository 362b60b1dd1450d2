"""The shared CSV base: read a real, messy copy as published, and write a clean one.

`read_table` takes a path (only a regular file is read, up to a size limit that can be
raised) or the file's bytes, and returns its `Layout` and rows. It handles what real
copies of the field's files do:

- UTF-8 with or without a byte-order mark; anything else is refused with the byte offset
  and line of the first byte that is not UTF-8;
- CRLF, LF or CR line ends, and quoted cells holding line breaks, delimiters and quotes;
  each row keeps the physical line it starts on;
- ``,``, ``;`` or tab as delimiter, read from the header line (the delimiter that occurs
  most often outside quotes), never guessed from the data;
- an unnamed leading index column (header cell empty or ``Unnamed: 0``, as pandas and R
  write it), which is dropped;
- an HXL hashtag row right under the header (every non-empty cell starts with ``#``),
  which is kept in the layout and not read as data.

Rows whose cell count differs from the header's are reported and not read (which cell is
which cannot be known); rows with only empty cells are skipped.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import stat
from collections.abc import Iterable, Sequence
from typing import Final

import attrs

from caucasus_conflict.errors import ArgumentTypeError, DataError, Problem
from caucasus_conflict.loading import write_atomic

__all__ = ["DEFAULT_MAX_BYTES", "Layout", "Table", "read_table", "write_table"]

DEFAULT_MAX_BYTES: Final = 1 << 30
"""The size limit of `read_table` unless raised: 1 GiB (a whole UCDP GED release is ~300 MB)."""

_DELIMITERS: Final = (",", ";", "\t")
_INDEX_NAMES: Final = frozenset({"", "Unnamed: 0"})
_READ_ADVICE: Final = "Check the path and that the file is a CSV export, then read it again."
_ENCODING_ADVICE: Final = "Re-save the file as UTF-8 (with or without a byte-order mark) and read it again."


@attrs.frozen
class Layout:
    """How a CSV file was written, as read from it.

    Attributes:
        columns: The header's column names, in file order (without an index column).
        delimiter: ``","``, ``";"`` or ``"\\t"``.
        bom: Whether the file starts with a UTF-8 byte-order mark.
        newline: The first line end found (``"\\r\\n"``, ``"\\n"`` or ``"\\r"``; ``""`` if none).
        index_column: Whether an unnamed leading index column was dropped.
        hxl: The HXL hashtags under the header, one per column, or ``None``.

    Examples:
        >>> read_table(b"a;b\\r\\n1;2\\r\\n").layout.delimiter
        ';'
    """

    columns: tuple[str, ...]
    delimiter: str = ","
    bom: bool = False
    newline: str = "\n"
    index_column: bool = False
    hxl: tuple[str, ...] | None = None


@attrs.frozen
class Table:
    """A CSV file's layout and data rows, each row with the line it starts on.

    Attributes:
        layout: How the file was written.
        rows: ``(line, cells)`` for each data row, cells aligned with ``layout.columns``.
        problems: Rows that could not be read (a cell count other than the header's).

    Examples:
        >>> read_table(b"a,b\\n1,2\\n").rows
        ((2, ('1', '2')),)
    """

    layout: Layout
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    problems: tuple[Problem, ...] = ()


def _refuse(name: str, message: str, advice: str = _READ_ADVICE) -> DataError:
    return DataError([Problem(name, message)], file=name, advice=advice)


def source_label(source: object, name: object = None, max_bytes: object = DEFAULT_MAX_BYTES) -> str:
    """Check the arguments every reader takes, and return the name problems give the file.

    Raises:
        ArgumentTypeError: *source* is neither a path nor bytes, *name* is not a string,
            or *max_bytes* is not an integer (a ``TypeError``).
        DataError: The path holds a NUL character, so no file can have it.

    Examples:
        >>> source_label(b"id\\n"), source_label("ged.csv"), source_label(b"", name="mine.csv")
        ('<data>', 'ged.csv', 'mine.csv')
        >>> source_label(123)
        Traceback (most recent call last):
        caucasus_conflict.errors.ArgumentTypeError: 'source' must be a path (a str or os.PathLike) or the file's bytes (got 123)
    """
    # Each reader checks its arguments here (#10), so a misuse raises the library's own error
    # rather than os.fspath's TypeError or os.open's ValueError.
    if name is not None and not isinstance(name, str):
        raise ArgumentTypeError("name", "be a string or None", name)
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int):
        raise ArgumentTypeError("max_bytes", "be an integer", max_bytes)
    if isinstance(source, bytes | bytearray | memoryview):
        return name or "<data>"
    if not isinstance(source, str | os.PathLike):
        raise ArgumentTypeError("source", "be a path (a str or os.PathLike) or the file's bytes", source)
    path = os.fspath(source)
    label = name or (path if isinstance(path, str) else os.fsdecode(path))
    if "\x00" in (path if isinstance(path, str) else os.fsdecode(path)):
        raise _refuse(label, "cannot open the file (the path contains a NUL character)")
    return label


def read_bytes(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Return the bytes of the regular file at *path*, refusing anything else fast.

    A FIFO, device or directory is refused without reading from it (so a named pipe
    never blocks), and so is a file larger than *max_bytes*.

    Raises:
        DataError: The path cannot be opened, is not a regular file, or is too large.

    Examples:
        >>> read_bytes("/dev/null")
        Traceback (most recent call last):
        caucasus_conflict.errors.DataError: /dev/null: 1 problem:
          /dev/null: not a regular file (a character device); only regular files are read
        Check the path and that the file is a CSV export, then read it again.
    """
    name = source_label(path, max_bytes=max_bytes)
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise _refuse(name, f"cannot open the file ({exc.strerror or exc})") from exc
    info = _regular(fd, name)
    with os.fdopen(fd, "rb") as handle:
        if info.st_size > max_bytes:
            raise _refuse(name, f"the file has {info.st_size:,} bytes, more than the limit of {max_bytes:,}",
                          advice="Pass a larger max_bytes to read it.")
        try:
            data = handle.read(max_bytes + 1)
        except OSError as exc:
            raise _refuse(name, f"cannot read the file ({exc.strerror or exc})") from exc
    if len(data) > max_bytes:  # it grew while being read
        raise _refuse(name, f"the file has more than {max_bytes:,} bytes, the limit",
                      advice="Pass a larger max_bytes to read it.")
    return data


def _regular(fd: int, name: str) -> os.stat_result:
    """The open file's status; closes it and refuses it if it is not a regular file."""
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise _refuse(name, f"not a regular file ({_file_kind(info.st_mode)}); only regular files are read")
    return info


def _file_kind(mode: int) -> str:
    kinds = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
             (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))
    return next((text for test, text in kinds if test(mode)), "not a regular file")


def decode(data: bytes, name: str) -> tuple[str, bool]:
    """Return the text of *data* and whether it started with a UTF-8 byte-order mark.

    Raises:
        DataError: The bytes are UTF-16/32 or not UTF-8; the message gives the byte
            offset and line of the first byte that cannot be read.

    Examples:
        >>> decode(b"\\xef\\xbb\\xbfid\\n", "x.csv")
        ('id\\n', True)
        >>> decode(b"a\\nb\\xe9\\n", "x.csv")
        Traceback (most recent call last):
        caucasus_conflict.errors.DataError: x.csv: 1 problem:
          x.csv:2: not UTF-8: byte 0xe9 at offset 3 cannot be read as UTF-8
        Re-save the file as UTF-8 (with or without a byte-order mark) and read it again.
    """
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise _refuse(name, "the file is UTF-32 text; only UTF-8 is read", _ENCODING_ADVICE)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise _refuse(name, "the file is UTF-16 text; only UTF-8 is read", _ENCODING_ADVICE)
    bom = data.startswith(codecs.BOM_UTF8)
    body = data[len(codecs.BOM_UTF8):] if bom else data
    try:
        return body.decode("utf-8"), bom
    except UnicodeDecodeError as exc:
        offset = exc.start + (len(codecs.BOM_UTF8) if bom else 0)
        line = data.count(b"\n", 0, offset) + 1
        problem = Problem(f"{name}:{line}", f"not UTF-8: byte 0x{data[offset]:02x} at offset {offset} "
                                            "cannot be read as UTF-8")
        raise DataError([problem], file=name, advice=_ENCODING_ADVICE) from None


def sniff_delimiter(header_line: str) -> str:
    """Return the delimiter of a header line: the one of ``,`` ``;`` tab most often outside quotes.

    Examples:
        >>> sniff_delimiter('conflict_id;location;"side, a"')
        ';'
        >>> sniff_delimiter("id")
        ','
    """
    counts = dict.fromkeys(_DELIMITERS, 0)
    quoted = False
    for char in header_line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(_DELIMITERS, key=lambda d: counts[d])  # ties go to the first: ","
    return best if counts[best] else ","


def _first_line(text: str) -> tuple[str, str]:
    """The header line (up to the first line end outside quotes) and that line end."""
    quoted = False
    for index, char in enumerate(text):
        if char == '"':
            quoted = not quoted
        elif not quoted and char in "\r\n":
            end = "\r\n" if text.startswith("\r\n", index) else char
            return text[:index], end
    return text, ""


def read_table(source: str | os.PathLike[str] | bytes, *, name: str | None = None,
               max_bytes: int = DEFAULT_MAX_BYTES) -> Table:
    """Read a CSV file (a path) or its bytes into its `Layout` and rows.

    Args:
        source: A path to a regular file, or the file's bytes.
        name: The name problems give the file; defaults to the path (``"<data>"`` for bytes).
        max_bytes: Refuse a file larger than this.

    Raises:
        DataError: The file cannot be read, is not UTF-8, has no header, a header with a
            blank or repeated column name, or quoting that ends the file inside a cell.

    Examples:
        >>> table = read_table(b'Unnamed: 0,id,note\\n0,7,"two\\nlines"\\n1,8,x\\n')
        >>> table.layout.index_column, table.rows
        (True, ((2, ('7', 'two\\nlines')), (4, ('8', 'x'))))
    """
    label = source_label(source, name, max_bytes)
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        if len(data) > max_bytes:
            raise _refuse(label, f"the data has {len(data):,} bytes, more than the limit of {max_bytes:,}",
                          advice="Pass a larger max_bytes to read it.")
    else:
        data = read_bytes(source, max_bytes=max_bytes)
    text, bom = decode(data, label)
    return parse_table(text, name=label, bom=bom)


def parse_table(text: str, *, name: str = "<data>", bom: bool = False) -> Table:
    """Split decoded CSV text into its layout and rows (see `read_table`).

    Raises:
        DataError: No header, a blank or repeated column name, or broken quoting.

    Examples:
        >>> parse_table("a,b\\n#x,#y\\n1,2\\n").layout.hxl
        ('#x', '#y')
    """
    header_line, newline = _first_line(text)
    if not header_line.strip():
        raise DataError([Problem(f"{name}:1", "the file has no header line (it is empty or starts with a blank line)")],
                        file=name, advice="Give the file its header line and read it again.")
    delimiter = sniff_delimiter(header_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[tuple[int, tuple[str, ...]]] = []
    problems: list[Problem] = []
    hxl: tuple[str, ...] | None = None
    try:
        # One pass: each row is checked as it is split (the header's names are checked after,
        # so that broken quoting anywhere in the file is still the error a file gets first).
        header = [cell.strip() for cell in next(reader)]
        index_column = len(header) > 1 and header[0] in _INDEX_NAMES
        if index_column:
            header = header[1:]
        width = len(header)
        start = reader.line_num + 1
        first = True
        for raw in reader:
            line, start = start, reader.line_num + 1
            cells = raw[1:] if index_column else raw
            right_under, first = first, False  # an HXL row is the record right under the header
            if not any(map(str.strip, cells)):  # stops at the first cell with text: no join of the whole row
                continue  # a blank line, or a row of empty cells a spreadsheet left behind
            if right_under and _is_hxl(cells):
                hxl = tuple(cell.strip() for cell in cells) + ("",) * (width - len(cells))
                continue
            if len(cells) != width:
                problems.append(Problem(f"{name}:{line}", f"the row has {len(cells)} cells but the header has "
                                                          f"{width} columns; the row is not read"))
                continue
            rows.append((line, tuple(cells)))
    except csv.Error as exc:
        line = reader.line_num
        raise DataError([Problem(f"{name}:{line}", f"cannot read the CSV here ({exc})")], file=name,
                        advice="Check the quoting near that line (a quote opened and never closed?).") from None
    _check_header(header, name, shift=1 if index_column else 0)
    layout = Layout(columns=tuple(header), delimiter=delimiter, bom=bom, newline=newline,
                    index_column=index_column, hxl=hxl[:width] if hxl is not None else None)
    return Table(layout=layout, rows=tuple(rows), problems=tuple(problems))


def _is_hxl(cells: Sequence[str]) -> bool:
    filled = [cell.strip() for cell in cells if cell.strip()]
    return bool(filled) and all(cell.startswith("#") for cell in filled)


def _check_header(header: list[str], name: str, *, shift: int) -> None:
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for number, column in enumerate(header, start=1 + shift):
        if not column:
            problems.append(Problem(f"{name}:1", f"column {number} of the header has no name"))
        elif column in seen:
            problems.append(Problem(f"{name}:1", f"column {column!r} appears twice (columns {seen[column]} "
                                                 f"and {number})"))
        else:
            seen[column] = number
    if problems:
        raise DataError(problems, file=name, advice="Give every column one distinct name and read the file again.")


def write_table(columns: Sequence[str], rows: Iterable[Sequence[str]], *, delimiter: str = ",") -> str:
    """Return CSV text: the header, then one line per row (RFC 4180: CRLF line ends, minimal quoting).

    CRLF, because then the writer quotes every cell holding a line break of either kind.

    Examples:
        >>> write_table(["id", "note"], [["1", "a, b"]])
        'id,note\\r\\n1,"a, b"\\r\\n'
    """
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(columns)
    writer.writerows(rows)
    return out.getvalue()


def write_text_atomically(path: str | os.PathLike[str], text: str) -> None:
    """Write *text* to *path* as UTF-8 through a temporary file, so no half-written file is left.

    Raises:
        DataError: The file cannot be written.

    Examples:
        >>> import pathlib, tempfile
        >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.csv"
        >>> write_text_atomically(target, "id\\n1\\n")
        >>> target.read_text()
        'id\\n1\\n'
    """
    name = os.fspath(path)
    advice = "Check the folder exists and is writable."
    try:
        data = text.encode("utf-8")  # before the file is touched: a failure here leaves it as it was
    except UnicodeEncodeError as exc:
        raise _refuse(name, f"cannot write the file (character {exc.start} is a lone surrogate, which UTF-8 "
                            "cannot encode)", "Fix the text and write again.") from None
    try:
        # The library's one atomic write (#10): same folder, flush, fsync, os.replace, mode kept.
        write_atomic(name, data)
    except OSError as exc:
        raise _refuse(name, f"cannot write the file ({exc.strerror or exc})", advice) from exc


_HEAD_BYTES: Final = 1 << 20


def read_header(source: str | os.PathLike[str] | bytes, *, name: str | None = None) -> tuple[str, ...]:
    """Return the column names of a CSV file (a path, or its bytes), reading only its start.

    The BOM, delimiter and index column are handled as `read_table` does.

    Raises:
        DataError: The file cannot be read, is not UTF-8, or has no header line.

    Examples:
        >>> read_header(b"\\xef\\xbb\\xbfid,year\\n1,2\\n")
        ('id', 'year')
        >>> read_header(b"\\xef\\xbb\\xbfUnnamed: 0;id;year\\n")
        ('id', 'year')
    """
    label = source_label(source, name)
    if isinstance(source, bytes | bytearray | memoryview):
        head = bytes(source[:_HEAD_BYTES])
    else:
        head = _read_head(os.fspath(source), label)
    cut = head.rfind(b"\n")
    if len(head) >= _HEAD_BYTES and cut >= 0:
        head = head[:cut + 1]  # whole lines only: never split a character or a header line
    text, _bom = decode(head, label)
    line, _end = _first_line(text)
    if not line.strip():
        raise DataError([Problem(f"{label}:1", "the file has no header line (it is empty or starts with a blank "
                                               "line)")], file=label, advice="Give the file its header line and "
                                                                             "read it again.")
    return parse_table(line, name=label).layout.columns


def _read_head(path: str | bytes, label: str) -> bytes:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise _refuse(label, f"cannot open the file ({exc.strerror or exc})") from exc
    _regular(fd, label)
    with os.fdopen(fd, "rb") as handle:
        try:
            return handle.read(_HEAD_BYTES)
        except OSError as exc:
            raise _refuse(label, f"cannot read the file ({exc.strerror or exc})") from exc
