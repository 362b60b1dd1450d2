"""A `Dataset` written to a file of one of the field's formats, or the library's own JSON.

`write` is the one entry point. Each format's writer is a function registered in `WRITERS`
under the format's name: it turns the records it can express into the format's rows and
lists, as `Problem`\\ s, every record or value it cannot express (a claim is no ACLED event; a
year-precision event has no GED day). `write` is loud about those: a `DataWarning` names how
many were left out and `WriteReport.left_out` lists them; ``strict=True`` refuses with one
`DataError` and writes nothing. The file is replaced atomically, or left as it was.
"""

from __future__ import annotations

import csv
import difflib
import io
import os
import warnings
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from caucasus_conflict.dataset import Dataset
from caucasus_conflict.errors import ArgumentTypeError, DataError, Problem, QueryError, UnknownNameError
from caucasus_conflict.loading import dump

from ._csv import write_table, write_text_atomically
from ._into_acled import acled_rows
from ._into_ethprio import ethprio_rows
from ._into_pax import pax_rows
from ._into_ucdp import acd_rows, brd_columns, brd_rows
from ._model import DataWarning
from ._registry import FORMATS, get_format
from ._rows import Row
from ._write_ged import ged_rows

__all__ = ["JSON", "WRITERS", "WriteReport", "Writer", "write"]

JSON = "caucasus-conflict"
"""The name of the library's own JSON format (the format of `caucasus_conflict.dump`)."""

Writer = Callable[[Dataset], tuple[Sequence[Row], Sequence[Problem]]]
"""A format's writer: the rows *dataset* gives in that format, and what it left out, and why."""

WRITERS: dict[str, Writer] = {
    "ucdp-ged": ged_rows,
    "acled": acled_rows,
    "ethprio-ceasefires": ethprio_rows,
    "pax": pax_rows,
    "ucdp-acd": acd_rows,
    "ucdp-brd": brd_rows,
}
"""The writer of each format that can be written from a `Dataset`, by format name."""

_COLUMNS: dict[str, Callable[[Sequence[Any]], Sequence[str] | None]] = {"ucdp-brd": brd_columns}
"""Where a format's rows say which columns to write (a conflict-level BRD file has no ``dyad_id``)."""


@attrs.frozen
class WriteReport:
    """What `write` wrote: the file, the format, how many rows, and what it could not express.

    Attributes:
        path: The file written.
        format: The format's name.
        rows: The number of rows written (records, for the library's own JSON).
        left_out: One `Problem` per record or value the format cannot express; its
            ``path`` names the record (``events[3]``), its ``message`` why.
    """

    path: str
    format: str
    rows: int
    left_out: tuple[Problem, ...] = ()


def write(dataset: Dataset, path: str | os.PathLike[str], format: str = JSON, *,
          strict: bool = False) -> WriteReport:
    """Write *dataset* to *path* in *format*: the library's own JSON (the default) or a field's format.

    A field's format holds less than the model: whatever it cannot express is left out
    and reported, never silently dropped. By default one `DataWarning` says how many
    records or values were left out, and the report lists them; with ``strict=True``
    nothing is written and one `DataError` lists them instead. The file is replaced
    atomically: a failure leaves an existing file whole.

    Args:
        dataset: The data set to write.
        path: The file to write.
        format: ``"caucasus-conflict"`` (JSON) or the name of a format in `WRITERS`.
        strict: Refuse, writing nothing, when anything would be left out.

    Returns:
        A `WriteReport`: the path, the format, the number of rows, what was left out.

    Raises:
        DataError: With *strict*, something cannot be expressed in *format*.
        UnknownNameError: *format* is no format the library can write.
        OSError: The file cannot be written.

    Examples:
        >>> import caucasus_conflict as cc, pathlib, tempfile
        >>> target = pathlib.Path(tempfile.mkdtemp()) / "copy.json"
        >>> report = cc.write(cc.load(), target)
        >>> report.format, report.left_out, cc.load(target) == cc.load()
        ('caucasus-conflict', (), True)
    """
    if not isinstance(dataset, Dataset):
        raise DataError((Problem("$", f"expected a caucasus_conflict.Dataset to write, got {type(dataset).__name__}"),),
                        file=os.fspath(path) if isinstance(path, str | os.PathLike) else None)
    name = os.fspath(path)
    if format == JSON:
        dump(dataset, name)
        return WriteReport(name, JSON, sum(len(records) for records in _collections(dataset)))
    writer = _writer(format)
    rows, left_out = writer(dataset)
    problems = tuple(left_out)
    columns = _COLUMNS[format](rows) if format in _COLUMNS else None
    text = get_format(format).dumps(rows, columns=columns)
    text, clashes = _with_hxl(text, dataset, format)
    problems += tuple(clashes)
    if problems and strict:
        raise DataError(problems, file=name)
    write_text_atomically(name, text)
    if problems:
        warnings.warn(DataWarning(f"{name}: {len(problems)} record(s) or value(s) could not be written as {format} "
                               "and were left out; see WriteReport.left_out"), stacklevel=2)
    return WriteReport(name, format, len(rows), problems)


def _with_hxl(text: str, dataset: Dataset, format: str) -> tuple[str, list[Problem]]:
    """*text* with the HXL hashtag row its sources kept (`SourceCodes` ``<format>.hxl``) under the header.

    A file read with a hashtag row is written with it, each column's tag under it (``""``
    for a column without one), so read -> write -> read gives the row back. Sources that
    tag one column differently are reported; the first source's tag is written.
    """
    scheme = f"{format}.hxl"
    tags: dict[str, tuple[str, str]] = {}
    problems: list[Problem] = []
    for position, source in enumerate(dataset.sources):
        for codes in source.source_codes:
            if codes.scheme != scheme:
                continue
            for column, tag in codes.items():
                held = tags.setdefault(column, (tag, source.id))
                if held[0] != tag:
                    problems.append(Problem(f"sources[{position}].source_codes", f"source {source.id!r} tags column "
                                            f"{column!r} {tag!r}, source {held[1]!r} {held[0]!r}; {held[0]!r} is "
                                            "written in the HXL row"))
    if not tags:
        return text, problems
    header = next(csv.reader(io.StringIO(text, newline="")))
    if not any(column in tags for column in header):
        return text, problems
    head = write_table(header, [])
    assert text.startswith(head)
    row = write_table([tags[column][0] if column in tags else "" for column in header], [])
    return head + row + text[len(head):], problems


def _writer(format: object) -> Writer:
    writable = (JSON, *sorted(WRITERS))
    if not isinstance(format, str):
        raise ArgumentTypeError("format", f"be a format's name, one of {', '.join(map(repr, writable))}", format)
    writer = WRITERS.get(format)
    if writer is not None:
        return writer
    if format in FORMATS:
        raise QueryError(f"{format} files cannot be written from a Dataset yet; the formats that can are "
                         f"{', '.join(writable)} (rows read with read_rows are written by the format's own write)")
    close = difflib.get_close_matches(format.lower(), writable, n=3, cutoff=0.6)
    raise UnknownNameError("format", format, [known for known in writable if format and format.lower() in known] or close)


def _collections(dataset: Dataset) -> tuple[tuple[Any, ...], ...]:
    from caucasus_conflict._registry import RECORD_TYPES
    return tuple(getattr(dataset, rtype.collection) for rtype in RECORD_TYPES)

