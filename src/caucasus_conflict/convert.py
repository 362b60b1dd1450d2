"""The cattrs converter: records to plain JSON-able data and back, with readable errors.

Split as cattrs' presets are: `configure_converter` registers every hook on a
converter you pass in, `make_converter` builds a fresh one, and `converter`
is the shared instance the library uses. To add hooks of your own, call
`make_converter` and change that copy; do not customise the shared one.

The JSON shape, in brief: records are objects with the field names of the attrs
classes; fields at their default are left out; enums are their lower-case values; a
stated `TimeSpan` is its text (``"2023-09"``), an inferred one
is ``{"when": "2023", "basis": "inferred", "reason": "..."}``; tuples are arrays.

Structuring is strict, because silently fixing data hides mistakes: a number where a
string is expected is an error (cattrs' default would call ``str()`` on it), a string
where an array is expected is an error (it would be split into characters), and an
unknown key is an error (``forbid_extra_keys``).
"""

from __future__ import annotations

import datetime as _dt
import difflib
import enum
import re
import reprlib
from collections.abc import Callable
from typing import Any, TypeVar, get_args, get_origin

import attrs
import cattrs
import pendulum
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn
from cattrs.v import format_exception as _cattrs_format_exception
from cattrs.v import transform_error

from .errors import DataError, Problem, TimeSpanError
from .kinds import Basis
from .timespan import TimeSpan

__all__ = [
    "configure_converter",
    "converter",
    "format_exception",
    "make_converter",
    "problems_from",
    "structure",
]

T = TypeVar("T")


# -- strict primitives --------------------------------------------------------------


def _type_name(value: object) -> str:
    return {dict: "an object", list: "an array", str: "a string", bool: "a boolean",
            type(None): "null", int: "an integer", float: "a number"}.get(type(value), type(value).__name__)


def _structure_str(value: Any, _: type) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string (got {_type_name(value)}: {value!r})")
    return value


def _structure_int(value: Any, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected an integer (got {_type_name(value)}: {value!r})")
    return value


def _structure_float(value: Any, _: type) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"expected a number (got {_type_name(value)}: {value!r})")
    return float(value)


def _structure_bool(value: Any, _: type) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"expected true or false (got {_type_name(value)}: {value!r})")
    return value


def _structure_enum(value: Any, cls: type[enum.Enum]) -> enum.Enum:
    allowed = [member.value for member in cls]
    try:
        return cls(value)
    except ValueError:
        hint = difflib.get_close_matches(str(value), [str(a) for a in allowed], n=1)
        suggestion = f"; did you mean {hint[0]!r}?" if hint else ""
        raise ValueError(
            f"expected one of {', '.join(repr(a) for a in allowed)} (got {value!r}){suggestion}"
        ) from None


def _unstructure_enum(value: enum.Enum) -> Any:
    return value.value


# -- dates and spans -------------------------------------------------------------------


def _unstructure_date(value: _dt.date) -> str:
    return value.isoformat()


def _structure_date(value: Any, _: type) -> pendulum.Date:
    if not isinstance(value, str):
        raise TypeError(f"expected a date string 'YYYY-MM-DD' (got {_type_name(value)}: {value!r})")
    try:
        parsed = _dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"expected a date 'YYYY-MM-DD' (got {value!r})") from None
    return pendulum.Date(parsed.year, parsed.month, parsed.day)


def _unstructure_span(span: TimeSpan) -> str | dict[str, str]:
    if span.basis is Basis.STATED:
        return span.format()
    return {"when": span.format(), "basis": span.basis.value, "reason": span.reason or ""}


_SPAN_KEYS = frozenset({"when", "basis", "reason"})


def _structure_span(value: Any, _: type) -> TimeSpan:
    if isinstance(value, str):
        return TimeSpan.parse(value)
    if not isinstance(value, dict):
        raise TypeError(
            "expected a time span: a string such as '2023-09' or an object "
            f"{{'when', 'basis', 'reason'}} (got {_type_name(value)}: {value!r})"
        )
    extra = set(value) - _SPAN_KEYS
    if extra:
        raise ValueError(f"unknown time span key(s) {sorted(extra)} (expected 'when', 'basis', 'reason')")
    if "when" not in value:
        raise ValueError("a time span object needs 'when' (e.g. \"when\": \"2023-09\")")
    when = _structure_str(value["when"], str)
    basis = _structure_enum(value.get("basis", Basis.STATED.value), Basis)
    reason = value.get("reason")
    if reason is not None:
        reason = _structure_str(reason, str)
    assert isinstance(basis, Basis)
    return TimeSpan.parse(when, basis=basis, reason=reason)


# -- strict tuples ----------------------------------------------------------------------


def _is_homogeneous_tuple(type_: Any) -> bool:
    args = get_args(type_)
    return get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_hook_factory(type_: Any, conv: cattrs.Converter) -> Callable[[Any, Any], tuple[Any, ...]]:
    item_type = get_args(type_)[0]
    item_hook = conv.get_structure_hook(item_type)

    def structure_tuple(value: Any, _: Any) -> tuple[Any, ...]:
        if not isinstance(value, list | tuple):
            raise TypeError(f"expected an array (got {_type_name(value)}: {value!r})")
        items: list[Any] = []
        errors: list[Exception] = []
        for index, item in enumerate(value):
            try:
                items.append(item_hook(item, item_type))
            except Exception as exc:
                note = IterableValidationNote(f"Structuring {type_} @ index {index}", index, item_type)
                exc.__notes__ = [*getattr(exc, "__notes__", []), note]
                errors.append(exc)
        if errors:
            raise IterableValidationError(f"While structuring {type_!r}", errors, type_)
        return tuple(items)

    return structure_tuple


# -- records ------------------------------------------------------------------------------


def _record_hook_factory(cls: type, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """cattrs' generated hook for an attrs class, behind a check that the value is an object.

    Without it, ``null`` or a string where a record belongs surfaces cattrs' internals
    ("argument of type 'NoneType' is not iterable").
    """
    generated: Callable[[Any, Any], Any] = make_dict_structure_fn(cls, conv)

    def structure_record(value: Any, type_: Any) -> Any:
        if not isinstance(value, dict):
            raise TypeError(f"expected an object for {cls.__name__} (got {_type_name(value)}: {reprlib.repr(value)})")
        return generated(value, type_)

    return structure_record


def _record_unstructure_factory(cls: type, conv: cattrs.Converter) -> Callable[[Any], dict[str, Any]]:
    """cattrs' generated unstructure hook, with keys in the order the class declares its fields.

    With ``omit_if_default`` cattrs writes the fields without defaults first, so an event
    would read ``id, kind, summary, span, citations, participants``; files, ``--json``
    output and ``to_dict`` all read better in the declared order.
    """
    generated: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(
        cls, conv, _cattrs_omit_if_default=conv.omit_if_default)
    names = [a.name for a in attrs.fields(cls)]

    def unstructure_record(value: Any) -> dict[str, Any]:
        data = generated(value)
        return {name: data[name] for name in names if name in data}

    return unstructure_record


# -- the converter ----------------------------------------------------------------------


def configure_converter(conv: cattrs.Converter) -> None:
    """Register the library's hooks on *conv*: spans, dates, enums, strict primitives, tuples.

    Examples:
        >>> import cattrs
        >>> conv = cattrs.Converter(forbid_extra_keys=True, omit_if_default=True)
        >>> configure_converter(conv)
        >>> conv.unstructure(TimeSpan.parse("2023-09"))
        '2023-09'
    """
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(float, _structure_float)
    conv.register_structure_hook(bool, _structure_bool)
    # These hooks dispatch on the class's MRO, where ``StrEnum`` comes before ``str``:
    # without them the ``str`` hook above would structure the kinds as plain strings.
    for base in (enum.Enum, enum.StrEnum, enum.IntEnum):
        conv.register_structure_hook(base, _structure_enum)
        conv.register_unstructure_hook(base, _unstructure_enum)
    conv.register_unstructure_hook(pendulum.Date, _unstructure_date)
    conv.register_unstructure_hook(_dt.date, _unstructure_date)
    conv.register_structure_hook(pendulum.Date, _structure_date)
    conv.register_unstructure_hook(TimeSpan, _unstructure_span)
    conv.register_structure_hook(TimeSpan, _structure_span)
    conv.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_hook_factory)
    conv.register_structure_hook_factory(attrs.has, _record_hook_factory)
    conv.register_unstructure_hook_factory(attrs.has, _record_unstructure_factory)


def make_converter() -> cattrs.Converter:
    """Build a new converter with every hook registered, for users who want to add their own.

    Examples:
        >>> from caucasus_conflict import Citation
        >>> make_converter().unstructure(Citation("gdc", (5,)))
        {'source_id': 'gdc', 'blocks': [5]}
    """
    conv = cattrs.Converter(
        forbid_extra_keys=True,
        omit_if_default=True,
        unstruct_collection_overrides={tuple: list},
    )
    configure_converter(conv)
    return conv


converter: cattrs.Converter = make_converter()
"""The shared converter. Unstructure gives plain JSON-able dicts; structure checks strictly."""


# -- readable errors --------------------------------------------------------------------


def format_exception(exc: BaseException, type_: type | None) -> str:
    """Describe one structuring error, keeping our own and validators' messages whole.

    cattrs' default formatter reduces a validator's ``ValueError`` to "invalid value";
    this one appends the validator's own text, which says what was expected.

    Examples:
        >>> format_exception(ValueError("'killed' must be >= 0 (got -3)"), None)
        "'killed' must be >= 0 (got -3)"
        >>> format_exception(KeyError("name"), str)
        'required field missing'
    """
    if isinstance(exc, ForbiddenExtraKeysError):
        allowed = [a.name for a in attrs.fields(exc.cl)] if attrs.has(exc.cl) else []
        parts = []
        for key in sorted(exc.extra_fields):
            close = difflib.get_close_matches(key, allowed, n=1)
            parts.append(f"{key!r}" + (f" (did you mean {close[0]!r}?)" if close else ""))
        expected = f"; expected only: {', '.join(allowed)}" if allowed else ""
        return f"unknown field(s) {', '.join(parts)}{expected}"
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, TimeSpanError | TypeError | ValueError) and exc.args:
        return str(exc)
    return _cattrs_format_exception(exc, type_)


_FIELD_FIRST = re.compile(r"^'([A-Za-z_]\w*(?:\[\d+\])?)' ")


def problems_from(exc: BaseException, path: str = "$") -> list[Problem]:
    """Turn a cattrs structuring error into `Problem`s with JSON paths.

    Examples:
        >>> from caucasus_conflict import Citation
        >>> try:
        ...     converter.structure({"source_id": "gdc", "blocks": "5"}, Citation)
        ... except Exception as exc:
        ...     print(problems_from(exc)[0])
        $.blocks: expected an array (got a string: '5')
    """
    if not isinstance(exc, ClassValidationError | IterableValidationError):
        return [Problem(path, format_exception(exc, None))]
    problems = []
    for line in transform_error(exc, path, format_exception):
        message, _, where = line.rpartition(" @ ")
        # A validator names its field first ("'share' must be ..."); cattrs only knows the
        # record's path, so point at the field itself.
        field_name = _FIELD_FIRST.match(message)
        if field_name is not None:
            where = f"{where}.{field_name[1]}"
        problems.append(Problem(where, message))
    return problems


def structure(data: Any, type_: type[T], *, path: str = "$", conv: cattrs.Converter | None = None) -> T:
    """Structure *data* into *type_*, raising `DataError` with every problem.

    Examples:
        >>> from caucasus_conflict import Citation
        >>> structure({"source_id": "gdc", "blocks": [5]}, Citation)
        Citation(source_id='gdc', blocks=(5,), quote=None)
        >>> structure({"source_id": "gdc"}, Citation)
        Traceback (most recent call last):
        caucasus_conflict.errors.DataError: data: 1 problem:
          $.blocks: required field missing
        Fix the data at the path(s) shown and load it again.
    """
    try:
        return (conv or converter).structure(data, type_)
    except (ClassValidationError, IterableValidationError, TypeError, ValueError) as exc:
        raise DataError(problems_from(exc, path)) from exc
