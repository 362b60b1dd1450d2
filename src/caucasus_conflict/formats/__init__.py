"""Readers and writers of the field's published data files (outside the core).

One module per format, on a shared CSV base: `ucdp` (GED, ACD, BRD), `ethprio`
(ETH/PRIO Civil Conflict Ceasefires), `pax` (PA-X peace agreements) and `acled`. Each
reads a real, messy copy as published into typed, frozen row records that keep every
source column and the line each row starts on, with every problem found, and writes the
rows back. `detect` recognises a file's format from its header; `read` maps a file into a `Dataset`
and `write` writes one back. Nothing in the core
imports this package.
"""

from __future__ import annotations

from ._csv import DEFAULT_MAX_BYTES, Layout
from ._model import DataWarning, read
from ._registry import FORMATS, detect, get_format, read_rows
from ._rows import ColumnSpec, Format, ReadResult, Row
from ._values import Missing
from ._write import JSON, WRITERS, WriteReport, write

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FORMATS",
    "JSON",
    "WRITERS",
    "ColumnSpec",
    "DataWarning",
    "Format",
    "Layout",
    "Missing",
    "ReadResult",
    "Row",
    "WriteReport",
    "detect",
    "get_format",
    "read",
    "read_rows",
    "write",
]
