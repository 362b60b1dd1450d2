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

import contextlib
import json
import os
import re
import stat
import tempfile
import threading
from collections.abc import Iterable, Iterator
from importlib import resources
from typing import TYPE_CHECKING, Any

from cattrs.errors import BaseValidationError

from ._gc import gc_paused
from ._integrity import check_integrity
from ._registry import RECORD_TYPES, RecordType
from ._similar import close_matches

if TYPE_CHECKING:
    from ._writer import Writers
from .convert import FastHooks, Memo, _drop_tracebacks, _type_name, make_converter, problems_from
from .dataset import Dataset
from .errors import ArgumentTypeError, DataError, Problem, preview

__all__ = ["BUNDLED_FILE", "FORMAT", "MAX_BYTES", "dump", "dumps", "from_dict", "load", "loads", "read_text", "to_dict",
           "write_atomic"]

FORMAT = "caucasus_conflict/1"
"""The value of the ``"format"`` key this version reads and writes."""

BUNDLED_FILE = "caucasus_conflict.json"
"""The bundled data file's name inside the package's ``data/`` folder."""

MAX_BYTES = 2 * 1024**3
"""The largest file `load` reads unless told otherwise (2 GiB); pass ``max_bytes`` to raise it."""

_KEYS = tuple(t.collection for t in RECORD_TYPES)

# The library reads files with a converter of its own, so that hooks a user adds to
# the shared `caucasus_conflict.converter` never change what load() returns.
_CONVERTER = make_converter()
_FAST = FastHooks(_CONVERTER)


def load(path: str | os.PathLike[str] | None = None, *, max_bytes: int = MAX_BYTES) -> Dataset:
    """Load the bundled data set, or the data set file at *path*.

    The bundled data set is read once and cached: later calls return the same object.
    Only regular files are read (not folders, FIFOs or devices), and none larger than
    *max_bytes*.

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
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int):
        raise ArgumentTypeError("max_bytes", "be an integer", max_bytes)
    name = _path_name(path)
    return loads(read_text(name, max_bytes=max_bytes), file=name)


def _path_name(path: object) -> str:
    if not isinstance(path, str | os.PathLike):
        raise DataError([Problem("$", f"expected a path (a str or os.PathLike; got {type(path).__name__})")],
                        file=repr(path), advice="Pass the path of a data set file, or nothing for the bundled one.")
    name = os.fspath(path)
    if not isinstance(name, str):
        name = os.fsdecode(name)
    return name


def read_text(name: str, *, max_bytes: int = MAX_BYTES) -> str:
    """Read a regular UTF-8 file of at most *max_bytes*, or raise `DataError` saying why not.

    Examples:
        >>> read_text("/dev/null")
        Traceback (most recent call last):
        caucasus_conflict.errors.DataError: /dev/null: 1 problem:
          $: cannot read the file (not a regular file: a character device)
        Check the path and that the file is UTF-8 text.
    """
    advice = "Check the path and that the file is UTF-8 text."
    try:
        if "\x00" in name:
            raise ValueError("the path contains a NUL character")
        # O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it.
        fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise ValueError(f"not a regular file: {_file_kind(info.st_mode)}")
            if info.st_size > max_bytes:
                raise ValueError(f"the file has {info.st_size:,} bytes, more than the limit of {max_bytes:,}; "
                                 "pass max_bytes to read it")
            data = handle.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise ValueError(f"the file has more than the limit of {max_bytes:,} bytes; pass max_bytes to read it")
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise DataError([Problem("$", f"cannot read the file (not UTF-8: byte {exc.start} on line {line})")],
                        file=name, advice=advice) from None
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise DataError([Problem("$", f"cannot read the file ({reason})")], file=name, advice=advice) from None


def _file_kind(mode: int) -> str:
    for test, kind in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return kind
    return "a special file"


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


class _DuplicateKeyError(ValueError):
    pass


def _reject_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKeyError(f"duplicate key {key!r} in one object")
            seen.add(key)
    return result


class _Twice(dict[str, Any]):
    """A JSON object that gave some keys more than once (``twice`` lists them, in order)."""

    twice: list[str]


def _keep_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = _Twice(pairs)
    seen: set[str] = set()
    result.twice = []
    for key, _ in pairs:
        if key in seen:
            result.twice.append(key)
        seen.add(key)
    return result


def _duplicate_key_problems(text: str) -> list[Problem]:
    """Every key given twice in *text*, each at its JSON path (#10: not just ``$``).

    Only called once a duplicate has been found, so the fast path never pays for the walk.
    """
    problems: list[Problem] = []
    stack: list[tuple[str, Any]] = [("$", json.loads(text, object_pairs_hook=_keep_duplicate_keys))]
    while stack:  # iterative: a deeply nested file must not exhaust the recursion limit
        path, node = stack.pop()
        if isinstance(node, dict):
            problems.extend(Problem(f"{path}.{key}", f"invalid JSON: duplicate key {key!r} in one object; "
                                                     "give each key once")
                            for key in dict.fromkeys(getattr(node, "twice", ())))
            stack.extend((f"{path}.{key}", value) for key, value in reversed(node.items()))
        elif isinstance(node, list):
            stack.extend((f"{path}[{index}]", value) for index, value in reversed(list(enumerate(node))))
    return problems


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
    if not isinstance(text, str):
        hint = "; decode bytes first, e.g. data.decode('utf-8')" if isinstance(text, bytes | bytearray) else ""
        raise DataError([Problem("$", f"expected JSON text as a str (got {type(text).__name__}){hint}")],
                        file=file)
    with gc_paused():
        return _loads(text, file)


def _loads(text: str, file: str | None) -> Dataset:
    memo, unchecked = Memo(), set[str]()
    try:
        top, streamed = _stream(text, memo, unchecked)
    except Exception:  # invalid JSON, or RecursionError: the ordinary path words the error
        pass
    else:
        try:
            return _from_dict(top, file, streamed, memo, unchecked)
        except RecursionError as exc:
            raise DataError([Problem("$", "nested too deeply to be a data set file")], file=file) from exc
    try:
        raw = json.loads(text, object_pairs_hook=_reject_duplicate_keys)
    except json.JSONDecodeError as exc:
        problem = Problem("$", f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}")
        raise DataError([problem], file=file) from exc
    except _DuplicateKeyError as exc:
        raise DataError(_duplicate_key_problems(text), file=file) from exc
    except RecursionError as exc:
        raise DataError([Problem("$", "invalid JSON: nested too deeply to read")], file=file) from exc
    try:
        return _from_dict(raw, file)
    except RecursionError as exc:
        raise DataError([Problem("$", "nested too deeply to be a data set file")], file=file) from exc


def from_dict(raw: Any, *, file: str | None = None) -> Dataset:
    """Build a data set from already-parsed JSON data (as `json.load` returns it).

    Every problem is reported in one round: the records that can be built are checked
    for references too, so a dangling id shows up beside a missing field elsewhere.

    Raises:
        DataError: Malformed or inconsistent records.

    Examples:
        >>> from_dict({"format": "caucasus_conflict/1"}).actors
        ()
    """
    with gc_paused():
        return _from_dict(raw, file)


class _Collection:
    """One collection's records as they are structured: what was built, where it was, what failed."""

    __slots__ = ("built", "positions", "problems")

    def __init__(self) -> None:
        self.built: list[Any] = []
        self.positions: list[int] = []
        self.problems: list[Problem] = []


def _structure_items(rtype: RecordType, items: Iterable[Any], memo: Memo, unchecked: set[str]) -> _Collection:
    """Structure one collection's items, each by the fast path or, if that fails, the detailed one."""
    key, cls = rtype.collection, rtype.cls
    hook = _CONVERTER.get_structure_hook(cls)
    fast = _FAST.get(cls)
    done = _Collection()
    built, kept = done.built, done.positions
    for position, item in enumerate(items):
        try:
            built.append(fast(item, memo))
        except Exception:
            pass  # the detailed path below says what is wrong (or builds what the fast one could not)
        else:
            kept.append(position)
            continue
        try:
            built.append(hook(item, cls))
        except (BaseValidationError, TypeError, ValueError) as exc:
            done.problems.extend(problems_from(exc, f"$.{key}[{position}]"))
            # Freed now, not by a collection of every failed record's error cycles later.
            _drop_tracebacks(exc)
            record_id = item.get("id") if isinstance(item, dict) else None
            if isinstance(record_id, str):
                unchecked.add(record_id)
        else:
            kept.append(position)
    return done


def _from_dict(raw: Any, file: str | None, streamed: dict[str, _Collection] | None = None,
               memo: Memo | None = None, unchecked: set[str] | None = None) -> Dataset:
    """Build the data set; *streamed* holds the collections `_stream` already structured."""
    if not isinstance(raw, dict):
        raise DataError([Problem("$", f"expected a JSON object with a 'format' key (got {type(raw).__name__})")],
                        file=file)
    streamed = streamed or {}
    memo = memo or Memo()
    unchecked = set() if unchecked is None else unchecked
    problems: list[Problem] = []
    if raw.get("format") != FORMAT:
        got = f" (got {raw['format']!r})" if "format" in raw else ""
        problems.append(Problem("$.format", f"expected {FORMAT!r}{got}"))
    for key in sorted((raw.keys() | streamed.keys()) - {"format", *_KEYS}, key=str):
        close = close_matches(key, _KEYS, n=1) if isinstance(key, str) else []
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        problems.append(Problem(f"$.{key}", f"unknown top-level key{hint}; expected only: format, {', '.join(_KEYS)}"))
    parts: dict[str, tuple[Any, ...]] = {}
    positions: dict[str, list[int]] = {}
    for rtype in RECORD_TYPES:
        key = rtype.collection
        done = streamed.get(key)
        if done is None:
            items = raw.get(key, [])
            if not isinstance(items, list):
                problems.append(Problem(f"$.{key}", f"expected an array (got {_type_name(items)}: {preview(items)})"))
                items = []
            done = _structure_items(rtype, items, memo, unchecked)
        problems.extend(done.problems)
        parts[key] = tuple(done.built)
        positions[key] = done.positions
    if not problems:
        try:
            return Dataset(**parts)
        except DataError as exc:
            raise (exc.with_file(file) if file is not None else exc) from None
    # Report reference problems among the records that could be built, in the same round.
    try:
        check_integrity(parts, unchecked_ids=unchecked, positions=positions)
    except DataError as exc:
        problems.extend(exc.problems)
    raise DataError(problems, file=file)


# -- streaming the top-level arrays ---------------------------------------------------

# json.loads of a whole file keeps every parsed dict alive until structuring ends: at a
# million events that is gigabytes, which the process keeps after they are freed. The
# top level of a file is read here item by item instead (raw_decode of each record,
# structured at once), so only one record's dicts are alive at a time. Anything
# unusual (invalid JSON, a repeated key, a collection that is not an array) gives up,
# and the whole text takes the ordinary path, whose messages say what is wrong.

_DECODER = json.JSONDecoder(object_pairs_hook=_reject_duplicate_keys)
_SPACE = re.compile(r"[ \t\n\r]*")
_BY_COLLECTION = {t.collection: t for t in RECORD_TYPES}


def _skip(text: str, i: int) -> int:
    """The position of the first character at or after *i* that is not JSON whitespace."""
    match = _SPACE.match(text, i)
    assert match is not None  # the pattern matches the empty string
    return match.end()


class _Unusual(Exception):
    """The text is not a plain data set file; the ordinary path reads it."""


def _stream(text: str, memo: Memo, unchecked: set[str]) -> tuple[dict[str, Any], dict[str, _Collection]]:
    """The top-level values of *text*, with the record arrays structured as they are read."""
    decode = _DECODER.raw_decode
    top: dict[str, Any] = {}
    streamed: dict[str, _Collection] = {}
    i = _skip(text, 0)
    if text[i:i + 1] != "{":
        raise _Unusual
    i = _skip(text, i + 1)
    if text[i:i + 1] == "}":
        return _end(text, i, top, streamed)
    while True:
        if text[i:i + 1] != '"':
            raise _Unusual
        key, i = json.decoder.scanstring(text, i + 1)  # type: ignore[attr-defined]
        i = _skip(text, i)
        if text[i:i + 1] != ":" or key in top or key in streamed:
            raise _Unusual
        i = _skip(text, i + 1)
        rtype = _BY_COLLECTION.get(key)
        if rtype is not None and text[i:i + 1] == "[":
            reader = _ArrayReader(text, i)
            streamed[key] = _structure_items(rtype, reader, memo, unchecked)
            i = reader.end
        else:
            top[key], i = decode(text, i)
        i = _skip(text, i)
        if text[i:i + 1] == "}":
            return _end(text, i, top, streamed)
        if text[i:i + 1] != ",":
            raise _Unusual
        i = _skip(text, i + 1)


def _end(text: str, i: int, top: dict[str, Any], streamed: dict[str, _Collection]) -> tuple[
        dict[str, Any], dict[str, _Collection]]:
    if _skip(text, i + 1) != len(text):
        raise _Unusual
    return top, streamed


class _ArrayReader:
    """The items of the JSON array at ``text[start]``, decoded one at a time; ``end`` is past its ``]``."""

    def __init__(self, text: str, start: int) -> None:
        self.text = text
        self.end = start

    def __iter__(self) -> Iterator[Any]:
        text, decode = self.text, _DECODER.raw_decode
        i = _skip(text, self.end + 1)
        if text[i:i + 1] == "]":
            self.end = i + 1
            return
        while True:
            item, i = decode(text, i)
            yield item
            del item  # only one record's dicts alive at a time
            i = _skip(text, i)
            if text[i:i + 1] == "]":
                self.end = i + 1
                return
            if text[i:i + 1] != ",":
                raise _Unusual
            i = _skip(text, i + 1)


def to_dict(dataset: Dataset) -> dict[str, Any]:
    """Return *dataset* as plain JSON-able data, in the file format.

    Examples:
        >>> to_dict(Dataset())
        {'format': 'caucasus_conflict/1'}
    """
    data: dict[str, Any] = {"format": FORMAT}
    with gc_paused():  # a million records' dicts and lists, and no cycles among them
        for rtype in RECORD_TYPES:
            records = getattr(dataset, rtype.collection)
            if records:
                plain = _writers().get(rtype.cls).plain
                data[rtype.collection] = [plain(record) for record in records]
    return data


# Dumping writes each record's text straight from the record (`_writer`), laid out as
# `_writer.render` lays out `to_dict`'s plain data: byte for byte the same text, without the
# plain data in between. The writers are imported and built on the first dump (#13:
# `import caucasus_conflict` and the first load need none of it).
_WRITERS: list[Writers] = []


def _writers() -> Writers:
    if not _WRITERS:
        from ._writer import Writers

        _WRITERS.append(Writers(_CONVERTER))  # two threads may both build one: either is right
    return _WRITERS[0]


def _text(dataset: Dataset) -> str:
    """The file's text of *dataset* and a newline: `_writer.render` of `to_dict`, written from the records."""
    from ._writer import _ENCODE_STR, WIDTH, Seen, _joined

    writers, seen = _writers(), Seen()
    items = [[_ENCODE_STR("format") + ": " + _ENCODE_STR(FORMAT)]]
    for rtype in RECORD_TYPES:
        records = getattr(dataset, rtype.collection)
        if records:
            head = _ENCODE_STR(rtype.collection)
            items.append([head, ": ", *writers.lay_records(rtype.cls, records, 2, len(head) + 2, seen)])
    if sum(map(len, (piece for item in items for piece in item))) + 2 * len(items) <= WIDTH:
        # A small data set may fit on one line.
        return _joined("{", ["".join(item) for item in items], "}", 0, 0) + "\n"
    pieces = ["{\n  "]
    for item in items:
        pieces += item
        pieces.append(",\n  ")
    pieces[-1] = "\n}\n"
    return "".join(pieces)


def dumps(dataset: Dataset) -> str:
    """Return *dataset* as JSON text that `loads` reads back to an equal data set.

    Examples:
        >>> loads(dumps(load())) == load()
        True
    """
    if not isinstance(dataset, Dataset):
        raise DataError([Problem("$", f"expected a Dataset to write (got {type(dataset).__name__})")],
                        advice="Pass a caucasus_conflict.Dataset.")
    with gc_paused():
        return _text(dataset)


def dump(dataset: Dataset, path: str | os.PathLike[str]) -> None:
    """Write *dataset* to *path* as a data set file (UTF-8 JSON), atomically.

    The text is built and encoded first, then written to a temporary file in the same
    folder, flushed to disk and renamed over *path*: a failure at any step leaves an
    existing file at *path* whole.

    Examples:
        >>> import pathlib, tempfile
        >>> target = pathlib.Path(tempfile.mkdtemp()) / "copy.json"
        >>> dump(load(), target)
        >>> load(target) == load()
        True
    """
    write_atomic(_path_name(path), dumps(dataset).encode("utf-8"))


def write_atomic(name: str, data: bytes) -> None:
    """Write *data* to the file *name* so that it is either wholly written or left as it was.

    Raises:
        OSError: The folder cannot be written to; ``filename`` is *name*.

    Examples:
        >>> import pathlib, tempfile
        >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
        >>> write_atomic(str(target), b"hello")
        >>> target.read_text()
        'hello'
    """
    folder = os.path.dirname(os.path.abspath(name))
    try:
        fd, temporary = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(name)}.", suffix=".tmp")
    except OSError as exc:  # name the file asked for, not the temporary one
        raise OSError(exc.errno, exc.strerror, name) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.chmod(temporary, stat.S_IMODE(os.stat(name).st_mode))
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, name)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
