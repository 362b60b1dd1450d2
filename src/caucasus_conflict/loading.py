"""Reading and writing data set files: `load`, `loads`, `dump`, `dumps`.

A data set file is one JSON object::

    {"format": "caucasus_conflict/1",
     "sources": [...], "actors": [...], "territories": [...], "events": [...],
     "ceasefires": [...], "claims": [...], "stances": [...]}

Collections may be left out (they are empty); any other top-level key is an error.
Loading is all-or-nothing: it either returns a checked `Dataset`
or raises one `DataError` listing every problem, each with
the file and JSON path. The bundled data set is read with `importlib.resources`
(so it works from a zipped install) and cached; a user's file is read afresh each time.
"""

from __future__ import annotations

import difflib
import json
import os
import threading
from importlib import resources
from typing import Any

from .convert import converter, problems_from
from .dataset import Dataset
from .errors import DataError, Problem
from .model import Actor, Ceasefire, Claim, Event, Source, Stance, Territory

__all__ = ["BUNDLED_FILE", "FORMAT", "dump", "dumps", "from_dict", "load", "loads", "to_dict"]

FORMAT = "caucasus_conflict/1"
"""The value of the ``"format"`` key this version reads and writes."""

BUNDLED_FILE = "caucasus_conflict.json"
"""The bundled data file's name inside the package's ``data/`` folder."""

_TYPES: dict[str, type] = {
    "sources": Source,
    "actors": Actor,
    "territories": Territory,
    "events": Event,
    "ceasefires": Ceasefire,
    "claims": Claim,
    "stances": Stance,
}


def load(path: str | os.PathLike[str] | None = None) -> Dataset:
    """Load the bundled data set, or the data set file at *path*.

    The bundled data set is read once and cached: later calls return the same object.

    Raises:
        DataError: The file cannot be read, is not valid JSON, or holds malformed or
            inconsistent records; the message names the file and every JSON path.

    Examples:
        >>> ds = load()
        >>> ds is load()
        True
        >>> ds.source("gdc-2023-nk-offensive").publisher
        'Global Defense Corp (GDC)'
    """
    if path is None:
        return _BUNDLED[0] if _BUNDLED else _load_bundled()
    name = os.fspath(path)
    try:
        with open(name, encoding="utf-8") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError([Problem("$", f"cannot read the file ({exc})")], file=name,
                        advice="Check the path and that the file is UTF-8 text.") from exc
    return loads(text, file=name)


# The bundled data set, once read. A lock makes two threads that call load() first at
# the same moment share one data set, as the docs promise (functools.cache would let
# both read the file and return different objects).
_BUNDLED: list[Dataset] = []
_BUNDLED_LOCK = threading.Lock()


def _load_bundled() -> Dataset:
    with _BUNDLED_LOCK:
        if not _BUNDLED:
            text = resources.files("caucasus_conflict").joinpath("data", BUNDLED_FILE).read_text(encoding="utf-8")
            _BUNDLED.append(loads(text, file=f"<bundled {BUNDLED_FILE}>"))
        return _BUNDLED[0]


def _reject_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"duplicate key {key!r} in one object")
        result[key] = value
    return result


def loads(text: str, *, file: str | None = None) -> Dataset:
    """Load a data set from JSON text; *file* names it in error messages.

    Raises:
        DataError: Invalid JSON, or malformed or inconsistent records.

    Examples:
        >>> loads('{"format": "caucasus_conflict/1"}').events
        ()
        >>> loads('{"format": "caucasus_conflict/1", "actors": {}}', file="mine.json")
        Traceback (most recent call last):
        caucasus_conflict.errors.DataError: mine.json: 1 problem:
          $.actors: expected an array (got an object: {})
        Fix the data at the path(s) shown and load it again.
    """
    try:
        raw = json.loads(text, object_pairs_hook=_reject_duplicate_keys)
    except json.JSONDecodeError as exc:
        problem = Problem("$", f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}")
        raise DataError([problem], file=file) from exc
    except ValueError as exc:  # raised by _reject_duplicate_keys
        raise DataError([Problem("$", f"invalid JSON: {exc}")], file=file) from exc
    except RecursionError as exc:
        raise DataError([Problem("$", "invalid JSON: nested too deeply to read")], file=file) from exc
    try:
        return from_dict(raw, file=file)
    except RecursionError as exc:
        raise DataError([Problem("$", "nested too deeply to be a data set file")], file=file) from exc


def from_dict(raw: Any, *, file: str | None = None) -> Dataset:
    """Build a data set from already-parsed JSON data (as `json.load` returns it).

    Raises:
        DataError: Malformed or inconsistent records.

    Examples:
        >>> from_dict({"format": "caucasus_conflict/1"}).actors
        ()
    """
    if not isinstance(raw, dict):
        raise DataError([Problem("$", f"expected a JSON object with a 'format' key (got {type(raw).__name__})")],
                        file=file)
    problems: list[Problem] = []
    if raw.get("format") != FORMAT:
        got = f" (got {raw['format']!r})" if "format" in raw else ""
        problems.append(Problem("$.format", f"expected {FORMAT!r}{got}"))
    for key in sorted(raw.keys() - {"format", *_TYPES}):
        close = difflib.get_close_matches(key, list(_TYPES), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        problems.append(Problem(f"$.{key}", f"unknown top-level key{hint}; expected only: format, {', '.join(_TYPES)}"))
    parts: dict[str, tuple[Any, ...]] = {}
    for key, record_type in _TYPES.items():
        try:
            parts[key] = converter.structure(raw.get(key, []), tuple[record_type, ...])  # type: ignore[valid-type]
        except Exception as exc:
            problems.extend(problems_from(exc, f"$.{key}"))
    if problems:
        raise DataError(problems, file=file)
    try:
        return Dataset(**parts)
    except DataError as exc:
        raise (exc.with_file(file) if file is not None else exc) from None


def to_dict(dataset: Dataset) -> dict[str, Any]:
    """Return *dataset* as plain JSON-able data, in the file format.

    Examples:
        >>> to_dict(Dataset())
        {'format': 'caucasus_conflict/1'}
    """
    data: dict[str, Any] = {"format": FORMAT}
    for key, record_type in _TYPES.items():
        records = getattr(dataset, key)
        if records:
            data[key] = converter.unstructure(records, tuple[record_type, ...])  # type: ignore[valid-type]
    return data


_WIDTH = 110


def _render(value: Any, indent: int = 0, lead: int = 0) -> str:
    """JSON text with every array or object that fits in one line kept on one line.

    *indent* is the block's indentation, *lead* the columns before the value on its
    first line (its key). Easier to read and to diff than one value per line.
    """
    one = json.dumps(value, ensure_ascii=False)
    if not isinstance(value, dict | list) or not value or indent + lead + len(one) <= _WIDTH:
        return one
    pad = " " * (indent + 2)
    if isinstance(value, list):
        items = [pad + _render(item, indent + 2) for item in value]
        return "[\n" + ",\n".join(items) + "\n" + " " * indent + "]"
    items = [pad + json.dumps(key, ensure_ascii=False) + ": "
             + _render(item, indent + 2, len(json.dumps(key, ensure_ascii=False)) + 2)
             for key, item in value.items()]
    return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"


def dumps(dataset: Dataset) -> str:
    """Return *dataset* as JSON text that `loads` reads back to an equal data set.

    Examples:
        >>> loads(dumps(load())) == load()
        True
    """
    return _render(to_dict(dataset)) + "\n"


def dump(dataset: Dataset, path: str | os.PathLike[str]) -> None:
    """Write *dataset* to *path* as a data set file (UTF-8 JSON).

    Examples:
        >>> import pathlib, tempfile
        >>> target = pathlib.Path(tempfile.mkdtemp()) / "copy.json"
        >>> dump(load(), target)
        >>> load(target) == load()
        True
    """
    with open(os.fspath(path), "w", encoding="utf-8") as handle:
        handle.write(dumps(dataset))
