"""Plain-text layout for the command line: aligned tables, wrapping, dates and counts.

Private to `caucasus_conflict.cli` and `caucasus_conflict.plot` (which shares `_when`, the
date as a reader sees it); nothing in the core imports it.
"""

from __future__ import annotations

import contextlib
import enum
import errno
import io
import json
import shutil
import sys
import textwrap
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import caucasus_conflict as cc

_INFERRED = "~"
_GAP = "  "
_NBSP = "\u00a0"  # joins words that must not be wrapped apart, such as "id: <id>"
_MIN_WRAP = 24      # narrowest the wrapped (last) column of a table may get
_MIN_ID_WRAP = 40   # an ID column is shown only if the last column keeps this much room (or fits whole)


class _StdoutClosedError(OSError):
    """Standard output was closed before the command started (``>&-``)."""


class _ClosedStream:
    """Stands in for a closed standard output: writing to it raises `_StdoutClosedError`."""

    encoding = "utf-8"

    def write(self, text: str) -> int:
        raise _StdoutClosedError(errno.EBADF, "standard output is closed")

    def flush(self) -> None:
        pass


def _escape_unencodable() -> None:
    """Make stdout and stderr escape what the terminal's encoding cannot show (#10).

    A cp1252 or ASCII terminal cannot print "ğ" or "—"; with ``backslashreplace`` they
    come out as ``\\u011f`` and ``\\u2014`` instead of a ``UnicodeEncodeError``, and a
    file name holding undecodable bytes (``\\udcff``) is shown escaped too.
    """
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors != "backslashreplace":
            with contextlib.suppress(ValueError, OSError):  # a stream closed or already gone
                stream.reconfigure(errors="backslashreplace")


class _Output:
    """Where a command writes, and how wide its tables may be."""

    def __init__(self) -> None:
        # Python sets sys.stdout to None when started with it closed; say so on first write.
        self.out: Any = sys.stdout if sys.stdout is not None else _ClosedStream()
        self.width = max(shutil.get_terminal_size().columns, 60)

    def flush(self) -> None:
        """Flush standard output now, so a reader gone (`| head`) is noticed inside the command."""
        self.out.flush()

    def data(self, text: str) -> None:
        """Write a file format's text (JSON, CSV) as UTF-8, whatever the terminal's encoding.

        Exported text is a file, not a message: ``export > out.csv`` must give the same
        bytes as ``export --output out.csv``, so it bypasses the terminal's encoding.
        """
        buffer = getattr(self.out, "buffer", None)
        if buffer is None:
            self.out.write(text)
            return
        self.out.flush()
        buffer.write(text.encode("utf-8"))

    def lines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.out.write(line + "\n")

    def notes(self, lines: Iterable[str]) -> None:
        """Write footer lines, wrapped to the terminal."""
        self.lines(wrapped for line in lines for wrapped in _wrap(line, self.width))

    def answered(self, as_json: bool, items: Sequence[Any], data: Callable[[], Any], none: str) -> bool:
        """Whether the answer is given already: *data()* as JSON (*as_json*), or *none* for no *items*.

        A listing command calls it first and prints its table only when it returns False.
        """
        if as_json:
            self.json(data())
            return True
        if not items:
            self.lines([none])
            return True
        return False

    def json(self, data: Any) -> None:
        text = json.dumps(data, ensure_ascii=False, indent=2)
        try:
            text.encode(getattr(self.out, "encoding", None) or "utf-8")
        except (UnicodeEncodeError, LookupError):
            # A terminal that cannot show every character gets JSON's own escapes, which
            # read back as the same text (backslashreplace would break non-BMP characters).
            text = json.dumps(data, ensure_ascii=True, indent=2)
        self.out.write(text + "\n")


# -- text layout -----------------------------------------------------------------------


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for part in text.split("\n"):
        indent = " " * (len(part) - len(part.lstrip(" ")))
        hanging = indent + ("  " if part.lstrip().startswith("- ") else "")
        lines += textwrap.wrap(part.strip(), width, initial_indent=indent, subsequent_indent=hanging,
                               break_on_hyphens=False, break_long_words=False) or [""]
    return [line.replace(_NBSP, " ") for line in lines]


def _widths(headers: Sequence[str], rows: Sequence[Sequence[str] | None], width: int,
            limits: Sequence[int | None]) -> list[int]:
    """Fixed columns get their content width (capped by *limits*); the last gets the rest."""
    cells = [[headers[i], *(row[i] for row in rows if row is not None)] for i in range(len(headers))]
    widths = []
    for i, column in enumerate(cells[:-1]):
        natural = max(len(line) for cell in column for line in cell.split("\n"))
        longest_word = max(len(word) for cell in column for word in cell.split())
        limit = limits[i] if i < len(limits) else None
        widths.append(natural if limit is None else max(min(natural, limit), longest_word))
    natural = max(len(line) for cell in cells[-1] for line in cell.split("\n"))
    room = width - sum(widths) - len(_GAP) * (len(headers) - 1)
    return [*widths, min(natural, max(room, _MIN_WRAP))]


def _table(headers: Sequence[str], rows: Sequence[Sequence[str] | None], *, width: int,
           limits: Sequence[int | None] = ()) -> list[str]:
    """Lay out *rows* under *headers*, wrapping cells; a ``None`` row is a blank line."""
    widths = _widths(headers, rows, width, limits)
    lines = [_GAP.join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip(),
             _GAP.join("-" * w for w in widths)]
    for row in rows:
        if row is None:
            lines.append("")
            continue
        cells = [_wrap(cell, w) for cell, w in zip(row, widths, strict=True)]
        for k in range(max(len(c) for c in cells)):
            parts = [(c[k] if k < len(c) else "").ljust(w) for c, w in zip(cells, widths, strict=True)]
            lines.append(_GAP.join(parts).rstrip())
    return lines


def _table_with_ids(headers: Sequence[str], rows: Sequence[Sequence[str] | None], ids: Sequence[str | None],
                    *, width: int, limits: Sequence[int | None] = ()) -> list[str]:
    """Add an ID column before the last if it leaves room; else put ``id: …`` under the last cell."""
    wide_headers = [*headers[:-1], "ID", headers[-1]]
    wide_rows: list[Sequence[str] | None] = [None if r is None else [*r[:-1], i or "", r[-1]]
                                             for r, i in zip(rows, ids, strict=True)]
    padded = [*limits, *[None] * len(headers)][: len(headers) - 1]
    wide_limits = [*padded, None]
    # Short last cells need no room to wrap: the ID column fits when they fit whole (#12).
    natural = max((len(line) for r in rows if r is not None for line in r[-1].split("\n")), default=0)
    if _widths(wide_headers, wide_rows, width, wide_limits)[-1] >= min(_MIN_ID_WRAP, max(natural, len(headers[-1]))):
        return _table(wide_headers, wide_rows, width=width, limits=wide_limits)
    narrow: list[Sequence[str] | None] = [None if r is None else [*r[:-1], f"{r[-1]}\nid:{_NBSP}{i}"]
                                          for r, i in zip(rows, ids, strict=True)]
    return _table(headers, narrow, width=width, limits=limits)


def _fields(pairs: Sequence[tuple[str, Sequence[str]]], width: int, indent: str = "  ") -> list[str]:
    """Lay out ``key  value`` lines, values wrapped with a hanging indent."""
    key_width = max((len(key) for key, _ in pairs), default=0)
    lines = []
    for key, values in pairs:
        wrapped = [line for value in (values or ["—"]) for line in _wrap(value, width - len(indent) - key_width - 2)]
        lines.append(f"{indent}{key.ljust(key_width)}  {wrapped[0]}".rstrip())
        lines += [f"{indent}{' ' * key_width}  {line}".rstrip() for line in wrapped[1:]]
    return lines


def _when(span: cc.TimeSpan) -> str:
    return span.format() + (_INFERRED if span.basis is cc.Basis.INFERRED else "")


def _words(value: enum.Enum) -> str:
    return str(value.value).replace("_", " ")


def _count(count: cc.Count) -> str:
    return str(count)


def _plural(n: int, noun: str, plural: str | None = None) -> str:
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def _label(ds: cc.Dataset, ref: str) -> str:
    """``Name (id)`` for a record that has a name, else the id."""
    try:
        record = ds.record(ref)
    except cc.UnknownNameError:
        return ref
    name = getattr(record, "name", None)
    return f"{name} ({ref})" if isinstance(name, str) and name != ref else ref


def _names(ds: cc.Dataset, refs: Iterable[str]) -> str:
    return ", ".join(_label(ds, ref) for ref in refs) or "—"


def _citation(citation: cc.Citation) -> str:
    if citation.blocks:
        blocks = " ".join(f"[{b}]" for b in citation.blocks)
        text = f"{'block' if len(citation.blocks) == 1 else 'blocks'} {blocks} of {citation.source_id}"
    else:
        parts = []
        if citation.rows:
            parts.append(f"{'line' if len(citation.rows) == 1 else 'lines'} {', '.join(map(str, citation.rows))}")
        if citation.row_ids:
            parts.append(f"{'row id' if len(citation.row_ids) == 1 else 'row ids'} {', '.join(citation.row_ids)}")
        text = f"{' and '.join(parts)} of {citation.source_id}"
    return text + (f", quoting {citation.quote!r}" if citation.quote else "")


def _unstructure(value: Any) -> Any:
    return cc.converter.unstructure(value)


def _span_json(span: cc.TimeSpan | None) -> Any:
    """A date in ``--json`` output, in the one shape every date is written in (#12); ``None`` stays null."""
    return None if span is None else cc.converter.unstructure(span, cc.TimeSpan)
