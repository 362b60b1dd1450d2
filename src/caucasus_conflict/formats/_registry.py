"""The formats by name, recognising a file's format from its header, and reading any of them."""

from __future__ import annotations

import difflib
import os
from collections.abc import Mapping, Sequence
from typing import Any, Final

from caucasus_conflict._gc import gc_paused
from caucasus_conflict.errors import ArgumentTypeError, DataError, Problem, UnknownNameError

from . import acled, ethprio, pax, ucdp
from ._csv import DEFAULT_MAX_BYTES, read_header, read_table, source_label
from ._rows import Format, ReadResult

__all__ = ["FORMATS", "detect", "get_format", "read_rows"]

FORMATS: Final[Mapping[str, Format[Any]]] = {
    fmt.name: fmt for fmt in (ucdp.GED, ucdp.ACD, ucdp.BRD, ethprio.CEASEFIRES, pax.PAX, acled.ACLED)
}
"""Every format by name: ``ucdp-ged``, ``ucdp-acd``, ``ucdp-brd``, ``ethprio-ceasefires``, ``pax``, ``acled``."""


def get_format(name: str) -> Format[Any]:
    """Return the format called *name*.

    Raises:
        UnknownNameError: No format has that name; the closest names are suggested.

    Examples:
        >>> get_format("pax").title
        'PA-X'
        >>> get_format("ged")
        Traceback (most recent call last):
        caucasus_conflict.errors.UnknownNameError: no format named 'ged'; did you mean 'ucdp-ged'?
    """
    if not isinstance(name, str):
        raise ArgumentTypeError("format", f"be a format's name, one of {', '.join(map(repr, FORMATS))}", name)
    fmt = FORMATS.get(name)
    if fmt is None:
        close = [known for known in FORMATS if name and name.lower() in known]
        close += [known for known in difflib.get_close_matches(name.lower(), FORMATS, n=3, cutoff=0.6)
                  if known not in close]
        raise UnknownNameError("format", name, close[:3])
    return fmt


def _format_of(header: Sequence[str], file: str) -> Format[Any]:
    candidates = [fmt for fmt in FORMATS.values() if not fmt.missing(header)]
    if candidates:
        present = set(header)
        return max(candidates, key=lambda fmt: sum(spec.name in present for spec in fmt.columns))
    known = ", ".join(f"{fmt.name} ({fmt.title})" for fmt in FORMATS.values())
    message = f"the header matches none of the formats {known}"
    # The closest format is named only when it has at least half its required columns.
    scored = [((len(fmt.required) - len(fmt.missing(header))) / len(fmt.required), fmt) for fmt in FORMATS.values()]
    best_score = max(score for score, _fmt in scored)
    if best_score >= 0.5:
        closest = next(fmt for score, fmt in scored if score == best_score)
        missing = ", ".join(repr(m) for m in closest.missing(header))
        message += f"; the closest is {closest.name}, which also needs {missing}"
    raise DataError([Problem(f"{file}:1", message)], file=file,
                    advice="Check that the file is one of these formats with its header intact, or pass format=.")


def detect(source: str | os.PathLike[str] | bytes | Sequence[str], *, name: str | None = None) -> str:
    """Return the name of the format a file is in, from its header (a path, the bytes, or the column names).

    Only the start of a file is read.

    Raises:
        DataError: The file cannot be read, or its header matches no format; the message
            lists the formats and the closest one's missing columns.

    Examples:
        >>> detect(["AgtId", "Agt", "Dat", "Con", "Status", "Agtp", "Stage", "Part"])
        'pax'
        >>> detect(b"conflict_id;location;side_a;side_b;incompatibility;year;intensity_level;"
        ...        b"type_of_conflict;start_date;start_prec\\r\\n")
        'ucdp-acd'
    """
    if isinstance(source, bytearray | memoryview):
        source = bytes(source)
    if isinstance(source, str | os.PathLike | bytes):
        label = source_label(source, name)
        header: Sequence[str] = read_header(source, name=label)
    elif not isinstance(source, Sequence):
        raise ArgumentTypeError("source", "be a path, the file's bytes or a sequence of column names", source)
    else:
        if name is not None and not isinstance(name, str):
            raise ArgumentTypeError("name", "be a string or None", name)
        label = name or "<header>"
        header = [str(column) for column in source]
    return _format_of(header, label).name


def read_rows(source: str | os.PathLike[str] | bytes, format: str | None = None, *, name: str | None = None,
              strict: bool = False, max_bytes: int = DEFAULT_MAX_BYTES) -> ReadResult[Any]:
    """Read a file of any format into its typed rows; ``format=None`` recognises it from the header.

    Raises:
        DataError: As `Format.read`, or the header matches no format.
        UnknownNameError: *format* is not a format's name.

    Examples:
        >>> result = read_rows(b"event_id_cnty,event_date,event_type,sub_event_type,actor1,country\\n"
        ...                    b"XYZ1,2020-09-27,Battles,Armed clash,Military Forces of X,Xland\\n")
        >>> result.format, result.rows[0].fatalities
        ('acled', None)
    """
    fmt = get_format(format) if format is not None else None
    with gc_paused():  # a row record per row and no reference cycles: see caucasus_conflict._gc
        table = read_table(source, name=name, max_bytes=max_bytes)
        label = source_label(source, name, max_bytes)
        if fmt is None:
            fmt = _format_of(table.layout.columns, label)
        return fmt.rows_of(table, name=label, strict=strict)
