"""Typed row records and the one reader and writer every format shares.

A format is declared once, as an attrs row class whose fields name their source column
and codec (`column`); `Format` derives the column list, the required columns, the reader
and the writer from it. A row keeps:

- every mapped column as a typed field (``None`` when blank, absent or set aside);
- ``line``, the physical line the row starts on in its file;
- ``source_codes``: ``(column, text)`` pairs, verbatim, for every column the format does
  not map, and for every mapped column whose text could not be read (the value is then
  set aside as unknown and the problem reported). Set-aside columns come first, in the
  format's column order; unmapped columns follow in file order.

Problems are `Problem` objects whose path is ``FILE:LINE:COLUMN`` (``ged.csv:12:date_start``);
a problem with a whole row is ``FILE:LINE``, with the file itself ``FILE``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Final, Generic, TypeVar

import attrs

from caucasus_conflict._gc import gc_paused
from caucasus_conflict.errors import ArgumentTypeError, DataError, Problem

from ._csv import DEFAULT_MAX_BYTES, Layout, Table, read_table, source_label, write_table, write_text_atomically
from ._values import Codec, Invalid

__all__ = ["ColumnSpec", "Format", "ReadResult", "Row", "column"]

_META: Final = "caucasus_conflict.formats.column"
#: How many distinct texts a column keeps the values of in one read: ids and coordinates
#: hardly repeat, and keeping them all would hold a second copy of the file.
_KEPT_PER_COLUMN: Final = 4096


@attrs.frozen(kw_only=True)
class Row:
    """What every row record has: its line in the file and the source codes kept verbatim.

    Attributes:
        line: The physical line of the file the row starts on (the header is line 1);
            0 for a row built in memory.
        source_codes: ``(column, text)`` for each column not mapped to a field, and for
            each mapped column whose text was set aside as unreadable.

    Examples:
        >>> Row(line=3, source_codes=(("tags", "x"),)).source_code("tags")
        'x'
    """

    line: int = 0
    source_codes: tuple[tuple[str, str], ...] = ()

    def source_code(self, column: str) -> str | None:
        """Return the verbatim text the row keeps for *column*, or ``None``.

        Examples:
            >>> Row().source_code("tags") is None
            True
        """
        for name, text in self.source_codes:
            if name == column:
                return text
        return None


R = TypeVar("R", bound=Row)


@attrs.frozen
class ColumnSpec:
    """One source column a row field maps: its name, codec and whether a file must have it.

    Examples:
        >>> from caucasus_conflict.formats import ucdp
        >>> ucdp.GED.column("date_prec").required
        True
    """

    name: str
    field: str
    codec: Codec[Any]
    required: bool
    doc: str


def column(name: str, codec: Codec[Any], *, required: bool = False, doc: str = "") -> Any:
    """Declare a row field that maps the source column *name*, read by *codec*.

    Examples:
        >>> from caucasus_conflict.formats._values import INT
        >>> column("year", INT, required=True).metadata[_META][0]
        'year'
    """
    return attrs.field(default=codec.empty, metadata={_META: (name, codec, required, doc)})


@attrs.frozen
class ReadResult(Generic[R]):
    """The rows read from one file, with every problem found and the file's layout.

    Attributes:
        format: The format's name (``"ucdp-ged"``, ...).
        file: The name the problems give the file.
        rows: The rows in file order (never sorted), each with its line.
        problems: Every problem found, in file order.
        layout: How the file was written (delimiter, BOM, index column, HXL row).

    Examples:
        >>> from caucasus_conflict.formats import ucdp
        >>> result = ucdp.BRD.read(b"conflict_id,dyad_id,side_a,side_b,year,bd_best\\n388,833,A,B,2020,5\\n")
        >>> result.rows[0].bd_best, result.problems
        (5, ())
    """

    format: str
    file: str
    rows: tuple[R, ...]
    problems: tuple[Problem, ...]
    layout: Layout


Report = Callable[[str, str], None]
"""``report(column, message)``: a row check's way to report a problem with its row."""


class _Read(dict[str, Any]):
    """The values of the texts one column of one read has read, each parsed by the codec when first met.

    Codecs are pure and their values immutable, so a text read again gives the value kept
    (``read[text]``, one lookup in C): a GED file repeats its countries, dates, codes and
    counts row after row. A text the codec refuses raises `Invalid` and is never kept, so
    each bad cell is reported where it is. Up to `_KEPT_PER_COLUMN` texts are kept.
    """

    __slots__ = ("parse",)

    def __init__(self, parse: Callable[[str], Any]) -> None:
        super().__init__()
        self.parse = parse

    def __missing__(self, text: str) -> Any:
        value = self.parse(text)
        if len(self) < _KEPT_PER_COLUMN:
            self[text] = value
        return value


class Format(Generic[R]):
    """A published file format: its columns, its typed row record, reader and writer.

    Examples:
        >>> from caucasus_conflict.formats import pax
        >>> pax.PAX.name, pax.PAX.title
        ('pax', 'PA-X')
    """

    __slots__ = ("_by_name", "_mapped", "check", "columns", "key", "key_columns", "name", "order", "row_type",
                 "title")

    def __init__(self, *, name: str, title: str, row_type: type[R], key_columns: tuple[str, ...] = (),
                 key: Callable[[R], tuple[object, ...] | None] | None = None,
                 check: Callable[[R, Report], None] | None = None, order: tuple[str, ...] | None = None) -> None:
        self.name = name
        self.title = title
        self.row_type = row_type
        specs: list[ColumnSpec] = []
        for field in attrs.fields(row_type):
            meta = field.metadata.get(_META)
            if meta is not None:
                column_name, codec, required, doc = meta
                specs.append(ColumnSpec(column_name, field.name, codec, required, doc))
        self.columns: tuple[ColumnSpec, ...] = tuple(specs)
        self._by_name = {spec.name: spec for spec in specs}
        self._mapped = frozenset(self._by_name)
        self.order: tuple[str, ...] = order if order is not None else tuple(spec.name for spec in specs)
        self.key_columns = key_columns
        self.key = key
        self.check = check

    def __repr__(self) -> str:
        return f"<Format {self.name!r} ({self.title})>"

    # -- columns ------------------------------------------------------------------------

    @property
    def required(self) -> tuple[str, ...]:
        """The columns a file of this format must have.

        Examples:
            >>> from caucasus_conflict.formats import acled
            >>> "fatalities" in acled.ACLED.required
            False
        """
        return tuple(spec.name for spec in self.columns if spec.required)

    def column(self, name: str) -> ColumnSpec:
        """Return the spec of the mapped column *name*.

        Raises:
            UnknownNameError: The format maps no such column.

        Examples:
            >>> from caucasus_conflict.formats import ucdp
            >>> ucdp.GED.column("best").field
            'best'
        """
        spec = self._by_name.get(name)
        if spec is None:
            import difflib

            from caucasus_conflict.errors import UnknownNameError

            raise UnknownNameError(f"{self.title} column", name, difflib.get_close_matches(name, self._by_name))
        return spec

    def missing(self, header: Iterable[str]) -> tuple[str, ...]:
        """Return the required columns *header* lacks, in the format's column order.

        Examples:
            >>> from caucasus_conflict.formats import ucdp
            >>> ucdp.BRD.missing(["conflict_id", "side_a", "side_b", "year"])
            ('bd_best',)
        """
        present = set(header)
        return tuple(name for name in self.required if name not in present)

    def refusal(self, header: Sequence[str], file: str) -> DataError | None:
        """Return the error refusing a file with *header*, or ``None`` if the header is this format's.

        Examples:
            >>> from caucasus_conflict.formats import ucdp
            >>> print(ucdp.BRD.refusal(["conflict_id", "side_a", "side_b", "year", "bd_bset"], "brd.csv"))
            brd.csv: 1 problem:
              brd.csv:1: this is not a UCDP BRD file: missing column 'bd_best' ('bd_bset' in the header may be 'bd_best', renamed)
            Read the file with the format it is in (detect() recognises the formats from the header).
        """
        missing = self.missing(header)
        if not missing:
            return None
        import difflib

        spare = [name for name in header if name not in self._mapped]
        hints = []
        for name in missing:
            close = difflib.get_close_matches(name, spare, n=1, cutoff=0.75)
            if close:
                hints.append(f"{close[0]!r} in the header may be {name!r}, renamed")
        noun = "column" if len(missing) == 1 else "columns"
        message = f"this is not {_article(self.title)} {self.title} file: missing {noun} {', '.join(repr(m) for m in missing)}"
        if hints:
            message += f" ({'; '.join(hints)})"
        return DataError([Problem(f"{file}:1", message)], file=file,
                         advice="Read the file with the format it is in (detect() recognises the formats from "
                                "the header).")

    # -- reading ------------------------------------------------------------------------

    def read(self, source: str | os.PathLike[str] | bytes, *, name: str | None = None, strict: bool = False,
             max_bytes: int = DEFAULT_MAX_BYTES) -> ReadResult[R]:
        """Read a file of this format (a path, or the file's bytes) into typed rows.

        Every row is kept, in file order; a value that cannot be read is set aside as
        unknown, its text kept in the row's ``source_codes``, and reported.

        Args:
            source: A path to a regular file, or the file's bytes.
            name: The name problems give the file (default: the path, or ``"<data>"``).
            strict: Raise one `DataError` listing every problem instead of returning them.
            max_bytes: Refuse a larger file.

        Raises:
            DataError: The file cannot be read or decoded, its columns are not this
                format's (a required column missing or renamed), or, with *strict*, any
                problem was found.

        Examples:
            >>> from caucasus_conflict.formats import ucdp
            >>> result = ucdp.BRD.read(b"conflict_id,side_a,side_b,year,bd_best\\n1,A,B,20x0,3\\n", name="b.csv")
            >>> result.rows[0].year, result.rows[0].source_code("year")
            (None, '20x0')
            >>> print(result.problems[0])
            b.csv:2:year: expected a whole number (got '20x0')
        """
        with gc_paused():  # a row record per row and no reference cycles: see caucasus_conflict._gc
            table = read_table(source, name=name, max_bytes=max_bytes)
            return self.rows_of(table, name=source_label(source, name, max_bytes), strict=strict)

    def rows_of(self, table: Table, *, name: str, strict: bool = False) -> ReadResult[R]:
        """Read the rows of an already split `Table` (see `read`).

        Raises:
            DataError: The table's columns are not this format's, or (*strict*) any problem.

        Examples:
            >>> from caucasus_conflict.formats import ucdp
            >>> from caucasus_conflict.formats._csv import parse_table
            >>> ucdp.BRD.rows_of(parse_table("conflict_id,side_a,side_b,year,bd_best\\n"), name="x").rows
            ()
        """
        header = table.layout.columns
        refusal = self.refusal(header, name)
        if refusal is not None:
            raise refusal
        problems: list[Problem] = list(table.problems)
        rows = self._row_reader(header)(table.rows, problems, name)
        problems.extend(self._duplicates(rows, name))
        problems.sort(key=lambda problem: _line_of(problem, name))
        if strict and problems:
            raise DataError(problems, file=name,
                            advice="Fix the values at the lines shown, or read without strict=True to keep the rows "
                                   "with those values set aside.")
        return ReadResult(format=self.name, file=name, rows=tuple(rows), problems=tuple(problems),
                          layout=table.layout)

    def _row_reader(self, header: Sequence[str]) -> Callable[[Iterable[tuple[int, tuple[str, ...]]], list[Problem],
                                                               str], list[R]]:
        """The function reading the rows of a file with *header* into row records, written out for it.

        Per row it makes the same record the loop it replaces made: free text taken as
        written (blank is ``None``), every other column through its codec, a column the
        file lacks left at the codec's empty value, set-aside texts and then the unmapped
        columns as source codes, and the format's row check. The function is made once per
        read, as straight-line code for the header's columns, because the loop over 49
        columns with a dict per row was most of reading a GED file's rows. Each column keeps
        the values of the texts it has read (codecs are pure and their values immutable): a
        GED file repeats its countries, dates, codes and counts row after row.
        """
        reader: Callable[[Iterable[tuple[int, tuple[str, ...]]], list[Problem], str], list[R]] = self._reader(
            header, None)
        return reader

    def _value_reader(self, header: Sequence[str], sink: Callable[[int, tuple[tuple[str, str], ...],
                                                                    tuple[Any, ...]], None]
                      ) -> Callable[[Iterable[tuple[int, tuple[str, ...]]], list[Problem], str], None]:
        """The function reading the rows of a file with *header* into *sink*, written out for it.

        It reads each row's cells as `_row_reader` does (the same values, set-aside texts,
        source codes and cell problems), but makes no row record and runs no row check:
        it calls ``sink(line, source_codes, values)`` with every field's value, in the
        order of `columns` (a column the file lacks at its codec's empty value). A mapping
        into the model takes the values from there, with no record of 51 slots per row
        in between (#11).
        """
        reader: Callable[[Iterable[tuple[int, tuple[str, ...]]], list[Problem], str], None] = self._reader(
            header, sink)
        return reader

    def _reader(self, header: Sequence[str], sink: Callable[..., None] | None) -> Any:
        """The source of `_row_reader` (*sink* ``None``) or `_value_reader`, made and compiled."""
        position = {column_name: index for index, column_name in enumerate(header)}
        scope: dict[str, Any] = {"_make": self.row_type, "_check": self.check, "_reporter": _reporter,
                                 "_sink": sink}
        parsers: list[tuple[str, Any]] = []  # the column and empty value of each column read through its codec

        def invalid(at: int, text: str, exc: Invalid, line: int, codes: list[tuple[str, str]],
                    problems: list[Problem], name: str) -> Any:
            """Set a cell its codec cannot read aside: its text kept, the problem reported, the value empty."""
            column_name, empty = parsers[at]
            codes.append((column_name, text))
            problems.append(Problem(f"{name}:{line}:{column_name}", f"{exc.message} (got {text!r})"))
            return empty

        scope["_invalid"] = invalid
        scope["_Invalid"] = Invalid
        body: list[str] = []
        arguments: list[str] = []  # field=value, for the fields of the columns the file has
        values: list[str] = []  # every field's value, in the order of self.columns
        for number, spec in enumerate(self.columns):
            if spec.name not in position:  # the field keeps its default, the codec's empty value
                scope[f"_empty{number}"] = spec.codec.empty
                values.append(f"_empty{number}")
                continue
            cell = f"c{position[spec.name]}"
            if spec.codec.verbatim:  # free text is read inline (it is never set aside)
                arguments.append(f"{spec.field}={cell} or None")
                values.append(f"{cell} or None")
                continue
            at = len(parsers)
            parsers.append((spec.name, spec.codec.empty))
            scope[f"_read{at}"] = _Read(spec.codec.parse)
            # A text read before gives its value (one lookup); a new one is parsed by the
            # column's _Read and kept; one the codec refuses is set aside and reported.
            body += ["        try:",
                     f"            v{at} = _read{at}[{cell}]",
                     "        except _Invalid as exc:",
                     f"            v{at} = _invalid({at}, {cell}, exc, line, codes, problems, name)"]
            arguments.append(f"{spec.field}=v{at}")
            values.append(f"v{at}")
        extras = [f"({column_name!r}, c{index})" for index, column_name in enumerate(header)
                  if column_name not in self._mapped]
        codes = f"(*codes, {', '.join(extras)},)" if extras else "tuple(codes)"
        cells = ", ".join(f"c{index}" for index in range(len(header)))
        if sink is None:
            finish = [f"        row = _make(line=line, source_codes={codes}, {', '.join(arguments)})",
                      *(["        _check(row, _reporter(problems, name, line))"] if self.check is not None else []),
                      "        rows.append(row)"]
        else:
            finish = [f"        _sink(line, {codes}, ({', '.join(values)},))"]
        lines = ["def read_rows(records, problems, name):",
                 "    rows = []",
                 "    for line, cells in records:",
                 f"        {cells}, = cells",
                 "        codes = []",
                 *body,
                 *finish,
                 "    return rows" if sink is None else "    return None"]
        exec("\n".join(lines), scope)  # the source is made above from the format's fields and the header
        return scope["read_rows"]

    def _duplicates(self, rows: Sequence[R], name: str) -> list[Problem]:
        if self.key is None:
            return []
        seen: dict[tuple[object, ...], int] = {}
        problems = []
        for row in rows:
            key = self.key(row)
            if key is None:
                continue
            if key in seen:
                shown = ", ".join(f"{column_name} {part}" for column_name, part in zip(self.key_columns, key,
                                                                                        strict=True)
                                  if part is not None)
                problems.append(Problem(f"{name}:{row.line}", f"a second row for {shown} (the first is on line "
                                                              f"{seen[key]})"))
            else:
                seen[key] = row.line
        return problems

    # -- writing ------------------------------------------------------------------------

    def dumps(self, rows: Iterable[R], *, columns: Sequence[str] | None = None) -> str:
        """Return CSV text of *rows* in this format's column order (CRLF line ends; write it as UTF-8).

        A set-aside value is written back as the text read; source codes of unmapped
        columns follow the format's columns in the order first seen. Reading the text
        back gives equal rows (apart from ``line``).

        Args:
            rows: Rows of this format.
            columns: The columns to write, in order (e.g. ``result.layout.columns`` to
                keep the source's); default: the format's mapped columns, then the unmapped
                columns the rows carry as source codes.

        Raises:
            DataError: A row is not of this format's row type, or *columns* leaves out a
                required column.

        Examples:
            >>> from caucasus_conflict.formats import ucdp
            >>> brd = ucdp.BRD.read(b"conflict_id,side_a,side_b,year,bd_best,version\\n1,A,B,1990,3,221\\n")
            >>> print(ucdp.BRD.dumps(brd.rows, columns=brd.layout.columns), end="")
            conflict_id,side_a,side_b,year,bd_best,version
            1,A,B,1990,3,22.1
        """
        wanted = self.row_type.__name__
        if not isinstance(rows, Iterable):
            raise ArgumentTypeError("rows", f"be an iterable of {wanted} rows", rows)
        rows = tuple(rows)
        wrong = [Problem(f"$[{index}]", f"expected {_article(wanted)} {wanted} (got {type(row).__name__})")
                 for index, row in enumerate(rows) if type(row) is not self.row_type]
        if wrong:
            raise DataError(wrong, advice=f"Pass only {self.row_type.__name__} rows to the {self.title} writer.")
        if columns is None:
            # The format's mapped columns, then the unmapped ones the rows carry: in the format's
            # order where it knows them (ETH/PRIO's link_id1..35), else as first seen.
            carried = list(dict.fromkeys(name for row in rows for name, _text in row.source_codes
                                         if name not in self._mapped))
            known = set(self.order)
            present = set(carried)
            columns = [name for name in self.order if name in self._mapped or name in present]
            columns += [name for name in carried if name not in known]
        else:
            columns = list(columns)
            missing = self.missing(columns)
            if missing:
                raise DataError([Problem("columns", f"{_article(self.title)} {self.title} file needs the columns "
                                                    f"{', '.join(repr(m) for m in missing)}")],
                                advice="Add the required columns and write again.")
        plan = [(column_name, self._by_name.get(column_name)) for column_name in columns]

        def cells(row: R) -> list[str]:
            codes = dict(row.source_codes)
            out = []
            for column_name, spec in plan:
                if column_name in codes or spec is None:
                    out.append(codes.get(column_name, ""))
                else:
                    out.append(spec.codec.format(getattr(row, spec.field)))
            return out

        return write_table(columns, (cells(row) for row in rows))

    def write(self, rows: Iterable[R], path: str | os.PathLike[str], *, columns: Sequence[str] | None = None) -> None:
        """Write *rows* to the CSV file *path* (see `dumps`), replacing it atomically.

        Raises:
            DataError: As for `dumps`, or the file cannot be written.

        Examples:
            >>> import pathlib, tempfile
            >>> from caucasus_conflict.formats import ucdp
            >>> rows = ucdp.BRD.read(b"conflict_id,side_a,side_b,year,bd_best\\n1,A,B,1990,3\\n").rows
            >>> target = pathlib.Path(tempfile.mkdtemp()) / "brd.csv"
            >>> ucdp.BRD.write(rows, target)
            >>> ucdp.BRD.read(target).rows[0].bd_best
            3
        """
        write_text_atomically(path, self.dumps(rows, columns=columns))


def _reporter(problems: list[Problem], name: str, line: int) -> Report:
    def report(column_name: str, message: str) -> None:
        problems.append(Problem(f"{name}:{line}:{column_name}" if column_name else f"{name}:{line}", message))

    return report


def _line_of(problem: Problem, name: str) -> int:
    """The line a problem's path ``NAME:LINE[:COLUMN]`` names; 0 for the file itself."""
    rest = problem.path[len(name) + 1:] if problem.path.startswith(name + ":") else ""
    line = rest.partition(":")[0]
    return int(line) if line.isdigit() else 0


def _article(word: str) -> str:
    """'an' before a vowel sound (an ACLED file, an AcdRow), else 'a' (a UCDP file: U is sounded 'you')."""
    return "an" if word[:1] in "AEIOaeio" else "a"
