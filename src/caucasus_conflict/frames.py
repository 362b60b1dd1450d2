"""Tables out of a data set: every record kind as rows, a pandas frame, an Arrow table or Parquet.

Outside the core: nothing from ``errors`` to ``loading`` imports this module, and it
imports pandas (the ``frames`` extra) or pyarrow (the ``arrow`` extra) only when a
frame or table is asked for, raising `MissingExtraError` naming the extra when the
package is missing. `Dataset.to_frame` and `Dataset.to_arrow` call in here.

One row per record, in the library's order (events, claims and ceasefires
chronologically, the other kinds in file order). The columns come from the model's
own field annotations, so every field of every record kind has one:

* a date (`TimeSpan`) field ``span`` becomes five columns: ``span_first`` and
  ``span_last`` (the first and last day it can cover; empty when open or unknown),
  ``span_precision``, ``span_basis`` and ``span_reason``;
* a reference keeps its id (``holder_id``), a list of references a list of ids
  (``party_ids``); enums their JSON value; ``citations`` a list of
  ``{source_id, blocks, quote}``;
* nested values (participants, casualties, control periods, …) are lists of structs
  whose own dates are split the same way (``control[0].span_first``).

Examples:
    >>> import caucasus_conflict as cc
    >>> from caucasus_conflict import frames
    >>> frames.columns("stances")[:6]
    ('id', 'holder_id', 'kind', 'toward_actor_id', 'toward_territory_id', 'toward_event_id')
    >>> frames.rows(cc.load(), "events")[0]["span_precision"]
    'range'
"""

from __future__ import annotations

import datetime as _dt
import difflib
import enum
import io
import os
import types
import typing
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final

import attrs

from ._registry import RECORD_TYPES, RecordType
from .errors import MissingExtraError, QueryError
from .model import Record
from .timespan import TimeSpan

if TYPE_CHECKING:  # pragma: no cover - typing only
    import pandas
    import pyarrow

    from .dataset import Dataset

__all__ = ["SPAN_COLUMNS", "columns", "parquet_bytes", "record_type", "records", "rows", "schema", "to_arrow",
           "to_frame", "write_parquet"]

SPAN_COLUMNS: Final = ("first", "last", "precision", "basis", "reason")
"""The suffixes of the five columns each date field becomes, in order."""

# A column's type: "string", "int", "float", "bool", "date", ("list", inner) or ("struct", class).
_Leaf = Any


@attrs.frozen
class _Column:
    name: str
    leaf: _Leaf
    get: Callable[[Any], Any]


def _span_part(name: str, part: str) -> Callable[[Any], Any]:
    def get(record: Any) -> Any:
        span: TimeSpan | None = getattr(record, name)
        if span is None:
            return None
        if part == "first":
            return span.first_day
        if part == "last":
            return span.last_day
        if part == "precision":
            return span.precision.value
        return span.basis.value if part == "basis" else span.reason
    return get


def _unwrap(hint: Any) -> Any:
    """The type inside ``X | None``."""
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    if typing.get_origin(hint) in (typing.Union, types.UnionType) and len(args) == 1:
        return args[0]
    return hint


def _leaf(hint: Any) -> _Leaf:
    hint = _unwrap(hint)
    supertype = getattr(hint, "__supertype__", None)
    if supertype is not None:
        return _leaf(supertype)
    if typing.get_origin(hint) is tuple:
        return ("list", _leaf(typing.get_args(hint)[0]))
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return "enum"
    if hint is bool:
        return "bool"
    if hint is int:
        return "int"
    if hint is float:
        return "float"
    if hint is str:
        return "string"
    if attrs.has(hint):
        return ("struct", hint)
    raise TypeError(f"no column type for {hint!r}")  # pragma: no cover - the model uses none other


_PLANS: dict[type, tuple[_Column, ...]] = {}


def _plan(cls: type) -> tuple[_Column, ...]:
    """The columns of one attrs class, from its field annotations (dates split in five); built once per class."""
    plan = _PLANS.get(cls)
    if plan is None:
        plan = _PLANS[cls] = _build_plan(cls)
    return plan


def _build_plan(cls: type) -> tuple[_Column, ...]:
    hints = typing.get_type_hints(cls)
    found = []
    for field in attrs.fields(cls):
        if _unwrap(hints[field.name]) is TimeSpan:
            found += [_Column(f"{field.name}_{part}", "date" if part in ("first", "last") else "string",
                              _span_part(field.name, part)) for part in SPAN_COLUMNS]
        else:
            found.append(_Column(field.name, _leaf(hints[field.name]), _getter(field.name)))
    return tuple(found)


def _getter(name: str) -> Callable[[Any], Any]:
    return lambda record: getattr(record, name)


def _value(leaf: _Leaf, value: Any) -> Any:
    if value is None:
        return None
    if leaf == "enum":
        return value.value
    if leaf == "date":
        return _dt.date(value.year, value.month, value.day)
    if isinstance(leaf, tuple):
        if leaf[0] == "list":
            return [_value(leaf[1], item) for item in value]
        return {c.name: _value(c.leaf, c.get(value)) for c in _plan(leaf[1])}
    return value


def record_type(kind: str | RecordType) -> RecordType:
    """Return the record type that *kind* names: a collection (``"events"``) or one record (``"event"``).

    Raises:
        QueryError: No record type has that name; the message suggests the closest.

    Examples:
        >>> record_type("claim").collection
        'claims'
    """
    if isinstance(kind, RecordType):
        return kind
    for rtype in RECORD_TYPES:
        if kind in (rtype.collection, rtype.singular):
            return rtype
    names = [t.collection for t in RECORD_TYPES]
    close = difflib.get_close_matches(str(kind), names + [t.singular for t in RECORD_TYPES], n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    raise QueryError(f"{kind!r} is not a record kind{hint}; expected one of {', '.join(names)}")


def columns(kind: str | RecordType) -> tuple[str, ...]:
    """Return the column names of *kind*'s table, in order.

    Examples:
        >>> [c for c in columns("events") if c.startswith("span_")]
        ['span_first', 'span_last', 'span_precision', 'span_basis', 'span_reason']
    """
    return tuple(c.name for c in _plan(record_type(kind).cls))


def records(ds: Dataset, kind: str | RecordType) -> tuple[Record, ...]:
    """Return the records of *kind* in the library's order (chronological for events, claims, ceasefires).

    Examples:
        >>> import caucasus_conflict as cc
        >>> records(cc.load(), "events") == cc.load().chronology()
        True
    """
    collection = record_type(kind).collection
    ordered: dict[str, Callable[[], tuple[Record, ...]]] = {
        "events": ds.chronology, "claims": ds.claims_in_order, "ceasefires": ds.ceasefires_in_order}
    found: tuple[Record, ...] = ordered[collection]() if collection in ordered else getattr(ds, collection)
    return found


def rows(ds: Dataset, kind: str | RecordType) -> list[dict[str, Any]]:
    """Return *kind*'s records as plain rows: column name to a Python value (``None`` when empty).

    Dates are ``datetime.date``, lists are lists and nested values dicts; the same rows
    feed `to_frame`, `to_arrow` and the CSV export.

    Examples:
        >>> import caucasus_conflict as cc
        >>> rows(cc.load(), "stances")[0]["citations"][0]["source_id"]
        'gdc-2023-nk-offensive'
    """
    plan = _plan(record_type(kind).cls)
    return [{c.name: _value(c.leaf, c.get(r)) for c in plan} for r in records(ds, kind)]


# -- pandas ----------------------------------------------------------------------------------


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as exc:
        raise MissingExtraError("pandas", "frames") from exc
    return pandas


_PANDAS_DTYPES: Final = {"string": "string", "enum": "string", "int": "Int64", "float": "Float64",
                         "bool": "boolean", "date": "datetime64[s]"}


def to_frame(ds: Dataset, kind: str | RecordType) -> pandas.DataFrame:
    """Return *kind*'s records as a pandas DataFrame, one row per record (needs the ``frames`` extra).

    Text columns are ``string``, numbers nullable ``Int64``/``Float64``, flags ``boolean``,
    day columns ``datetime64[s]`` (``NaT`` when open or unknown); lists and nested values
    stay Python lists and dicts.

    Raises:
        MissingExtraError: pandas is not installed.
        QueryError: *kind* is not a record kind.

    Examples:
        >>> import caucasus_conflict as cc
        >>> frame = to_frame(cc.load(), "events")
        >>> frame.loc[frame.id == "offensive-2023", "span_first"].dt.day.tolist()
        [19]
    """
    pd = _pandas()
    plan = _plan(record_type(kind).cls)
    data = rows(ds, kind)
    series = {}
    for column in plan:
        values = [row[column.name] for row in data]
        dtype = _PANDAS_DTYPES.get(column.leaf) if isinstance(column.leaf, str) else object
        series[column.name] = pd.Series(values, dtype=dtype)
    return pd.DataFrame(series, columns=[c.name for c in plan])


# -- Arrow and Parquet --------------------------------------------------------------------------


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as exc:
        raise MissingExtraError("pyarrow", "arrow") from exc
    return pyarrow


def _arrow_type(pa: Any, leaf: _Leaf) -> Any:
    if isinstance(leaf, tuple):
        if leaf[0] == "list":
            return pa.list_(_arrow_type(pa, leaf[1]))
        return pa.struct([pa.field(c.name, _arrow_type(pa, c.leaf)) for c in _plan(leaf[1])])
    return {"string": pa.string(), "enum": pa.string(), "int": pa.int64(), "float": pa.float64(),
            "bool": pa.bool_(), "date": pa.date32()}[leaf]


def schema(kind: str | RecordType) -> pyarrow.Schema:
    """Return the Arrow schema of *kind*'s table (needs the ``arrow`` extra).

    Examples:
        >>> schema("events").field("span_first").type
        DataType(date32[day])
    """
    pa = _pyarrow()
    return pa.schema([pa.field(c.name, _arrow_type(pa, c.leaf)) for c in _plan(record_type(kind).cls)])


def to_arrow(ds: Dataset, kind: str | RecordType) -> pyarrow.Table:
    """Return *kind*'s records as a pyarrow Table with the schema of `schema` (needs the ``arrow`` extra).

    Raises:
        MissingExtraError: pyarrow is not installed.
        QueryError: *kind* is not a record kind.

    Examples:
        >>> import caucasus_conflict as cc
        >>> to_arrow(cc.load(), "claims").num_rows == len(cc.load().claims)
        True
    """
    pa = _pyarrow()
    return pa.Table.from_pylist(rows(ds, kind), schema=schema(kind))


def parquet_bytes(ds: Dataset, kind: str | RecordType) -> bytes:
    """Return *kind*'s table as the bytes of a Parquet file (needs the ``arrow`` extra).

    Examples:
        >>> import caucasus_conflict as cc
        >>> parquet_bytes(cc.load(), "events")[:4]
        b'PAR1'
    """
    pa = _pyarrow()
    buffer = io.BytesIO()
    pa.parquet.write_table(to_arrow(ds, kind), buffer)
    return buffer.getvalue()


def write_parquet(ds: Dataset, kind: str | RecordType, path: str | os.PathLike[str]) -> None:
    """Write *kind*'s table to a Parquet file at *path*, atomically (needs the ``arrow`` extra).

    Examples:
        >>> import caucasus_conflict as cc, tempfile, pathlib
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     write_parquet(cc.load(), "events", pathlib.Path(tmp) / "events.parquet")
    """
    from .loading import write_atomic

    write_atomic(os.fspath(path), parquet_bytes(ds, kind))
