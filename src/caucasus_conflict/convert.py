"""The cattrs converter: records to plain JSON-able data and back, with readable errors.

Split as cattrs' presets are: `configure_converter` registers every hook on a
converter you pass in, `make_converter` builds a fresh one, and `converter`
is the shared instance the library uses. To add hooks of your own, call
`make_converter` and change that copy; do not customise the shared one.

The JSON shape, in brief: records are objects with the field names of the attrs
classes; fields at their default are left out; enums are their lower-case values; tuples
are arrays; a `TimeSpan` is always one object (#12)::

    {"when": "2023-09", "first": "2023-09-01", "last": "2023-09-30", "precision": "month", "basis": "stated"}

with ``"reason"`` after ``"basis"`` when the date is inferred, ``null`` for the first or
last day of an open end or an unknown span. Reading also accepts the older forms: the
text alone (``"2023-09"``) for a stated date, and ``{"when", "basis", "reason"}``; given
``first``, ``last`` and ``precision`` must agree with ``when``.

Structuring is strict, because silently fixing data hides mistakes: a number where a
string is expected is an error (cattrs' default would call ``str()`` on it), a string
where an array is expected is an error (it would be split into characters), and an
unknown key is an error (``forbid_extra_keys``).
"""

from __future__ import annotations

import datetime as _dt
import enum
import re
from collections.abc import Callable, Iterator
from types import UnionType
from typing import Any, Final, NewType, TypeVar, Union, get_args, get_origin

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

from ._similar import close_matches
from .errors import CaucasusConflictError, DataError, Problem, RecordError, RecordTypeError, TimeSpanError, preview
from .kinds import Basis, Precision
from .timespan import TimeSpan

__all__ = [
    "FastHook",
    "FastHooks",
    "Memo",
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


def _wrong_type(expected: str, value: Any) -> RecordTypeError:
    """The error for a JSON value of the wrong type; the JSON path says where."""
    return RecordTypeError(None, f"be {expected}", value,
                           message=f"expected {expected} (got {_type_name(value)}: {preview(value)})")


def _structure_str(value: Any, _: type) -> str:
    if not isinstance(value, str):
        raise _wrong_type("a string", value)
    return value


def _structure_int(value: Any, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _wrong_type("an integer", value)
    return value


def _structure_float(value: Any, _: type) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _wrong_type("a number", value)
    try:
        return float(value)
    except OverflowError:
        raise RecordError(None, "be a number a float can hold", value,
                          message=f"expected a number of at most about 1.8e308, which a float can hold "
                                  f"(got an integer: {preview(value)})") from None


def _structure_bool(value: Any, _: type) -> bool:
    if not isinstance(value, bool):
        raise _wrong_type("true or false", value)
    return value


def _structure_enum(value: Any, cls: type[enum.Enum]) -> enum.Enum:
    try:
        return cls(value)
    except (ValueError, TypeError):
        allowed = [member.value for member in cls]
        hint = close_matches(value, [str(a) for a in allowed], n=1) if isinstance(value, str) else []
        suggestion = f"; did you mean {hint[0]!r}?" if hint else ""
        expected = f"one of {', '.join(repr(a) for a in allowed)}"
        raise RecordError(None, f"be {expected}", value,
                          message=f"expected {expected} (got {preview(value)}){suggestion}") from None


def _unstructure_enum(value: enum.Enum) -> Any:
    return value.value


# -- dates and spans -------------------------------------------------------------------


def _unstructure_date(value: _dt.date) -> str:
    return value.isoformat()


def _structure_date(value: Any, _: type) -> pendulum.Date:
    if not isinstance(value, str):
        raise _wrong_type("a date string 'YYYY-MM-DD'", value)
    try:
        span = TimeSpan.parse(value)
    except TimeSpanError:
        span = None
    if span is None or span.precision is not Precision.DAY or span.start is None:
        raise RecordError(None, "be a date 'YYYY-MM-DD'", value,
                          message=f"expected a date 'YYYY-MM-DD' (got {preview(value)})")
    return span.start


#: The keys of a span's JSON object, in the order they are written (#12).
_SPAN_KEYS: Final = ("when", "first", "last", "precision", "basis", "reason")


_ISO = _dt.date.isoformat  # the C method: several times faster than pendulum's own
_PRECISION_TEXT: Final = {p: p.value for p in Precision}
_BASIS_TEXT: Final = {b: b.value for b in Basis}


def _unstructure_span(span: TimeSpan) -> dict[str, str | None]:
    """The one JSON shape of a date in everything the library writes (#12).

    ``{"when", "first", "last", "precision", "basis"}``, plus ``"reason"`` when inferred;
    ``first``/``last`` are ``None`` for an open end and for an unknown span. Every
    writer (`dumps`, ``--json``, reports) calls this one function.
    """
    first, last, precision = span.start, span.end, span.precision
    first_text: str | None
    last_text: str | None
    # A day, the commonest span, is its one ISO date three times; only the others need format().
    if precision is Precision.DAY and first is not None:
        when = first_text = last_text = _ISO(first)
    else:
        when = span.format()
        first_text = None if first is None else _ISO(first)
        last_text = None if last is None else _ISO(last)
    plain: dict[str, str | None] = {"when": when, "first": first_text, "last": last_text,
                                    "precision": _PRECISION_TEXT[precision], "basis": _BASIS_TEXT[span.basis]}
    if span.basis is Basis.INFERRED:
        plain["reason"] = span.reason or ""
    return plain


_SPAN_KEY_SET = frozenset(_SPAN_KEYS)
_SPAN_KEYS_TEXT = ", ".join(repr(k) for k in _SPAN_KEYS)


def _structure_span(value: Any, _: type) -> TimeSpan:
    if isinstance(value, str):
        return TimeSpan.parse(value)
    if not isinstance(value, dict):
        raise RecordTypeError(
            None, "be a time span", value,
            message="expected a time span: a string such as '2023-09' or an object with 'when' "
                    f"(got {_type_name(value)}: {preview(value)})",
        )
    extra = set(value) - _SPAN_KEY_SET
    if extra:
        keys = preview(sorted(extra, key=str))
        raise RecordError(None, f"hold only {_SPAN_KEYS_TEXT}", value,
                          message=f"unknown time span key(s) {keys} (expected {_SPAN_KEYS_TEXT})")
    if "when" not in value:
        raise RecordError("when", "be given", value,
                          message="a time span object needs 'when' (e.g. \"when\": \"2023-09\")")
    when = _at("when", _structure_str, value["when"], str)
    basis = _at("basis", _structure_enum, value.get("basis", Basis.STATED.value), Basis)
    reason = value.get("reason")
    if reason is not None:
        reason = _at("reason", _structure_str, reason, str)
    span = TimeSpan.parse(when, basis=Basis(basis.value), reason=reason)
    _check_derived(value, span)
    return span


def _check_derived(value: dict[str, Any], span: TimeSpan) -> None:
    """Check that the ``first``, ``last`` and ``precision`` given agree with ``when``; all disagreements at once.

    They are derived from ``when``, which decides; a file may leave them out.
    """
    errors: list[Exception] = []
    when = span.format()
    for key, day in (("first", span.first_day), ("last", span.last_day)):
        if key not in value:
            continue
        expected = None if day is None else day.isoformat()
        if value[key] != expected:
            wanted = f"null: {when!r} has no {key} day" if day is None else f"{expected!r}, the {key} day of {when!r}"
            errors.append(_disagreement(key, f"be {wanted}", value[key]))
    if "precision" in value and value["precision"] != span.precision.value:
        errors.append(_disagreement("precision", f"be {span.precision.value!r} for {when!r}", value["precision"]))
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise ClassValidationError("While structuring TimeSpan", errors, TimeSpan)


def _disagreement(key: str, expected: str, got: Any) -> RecordError:
    got_text = "null" if got is None else preview(got)
    return RecordError(key, expected, got,
                       message=f"{key!r} must {expected} (got {got_text}); correct it or leave it out, "
                               "'when' decides")


def _at(field: str, hook: Callable[[Any, Any], T], value: Any, type_: Any) -> T:
    """Run *hook*, naming *field* in its error, so the JSON path can point at the key."""
    try:
        return hook(value, type_)
    except (RecordError, RecordTypeError) as exc:
        raise type(exc)(field, exc.expected, exc.value, message=str(exc)) from None


# -- strict tuples ----------------------------------------------------------------------


def _is_homogeneous_tuple(type_: Any) -> bool:
    args = get_args(type_)
    return get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis


#: How many failed items of one array keep cattrs' full error objects; the rest are collapsed.
_DETAILED_ERRORS = 1000


class _Collapsed(CaucasusConflictError):
    """The problems of one failed array item, as (path below the item, message) pairs.

    A file with 100,000 bad records raises half a million errors, each with notes and a
    traceback; kept alive together they take a gigabyte and make every garbage
    collection walk them all. Past `_DETAILED_ERRORS` failed items, an item's errors
    are turned into its problems at once, which keeps memory and time linear and small.
    `problems_from` reads them like any other error.
    """

    def __init__(self, problems: tuple[tuple[str, str], ...]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{path or '.'}: {message}" for path, message in problems[:3])
                         + (f"; and {len(problems) - 3} more" if len(problems) > 3 else ""))


def _drop_tracebacks(exc: BaseException) -> None:
    """Clear the tracebacks of *exc* and of the errors inside it.

    A traceback holds the frame that raised, and the frame holds the error: a cycle
    that only the garbage collector can free. Cleared, the errors go as soon as the
    last reference does.
    """
    stack: list[BaseException] = [exc]
    while stack:
        current = stack.pop()
        current.__traceback__ = None
        if isinstance(current, BaseExceptionGroup):
            stack.extend(current.exceptions)


def _tuple_hook_factory(type_: Any, conv: cattrs.Converter) -> Callable[[Any, Any], tuple[Any, ...]]:
    item_type = get_args(type_)[0]
    item_hook = conv.get_structure_hook(item_type)

    def structure_tuple(value: Any, _: Any) -> tuple[Any, ...]:
        if not isinstance(value, list | tuple):
            raise _wrong_type("an array", value)
        items: list[Any] = []
        errors: list[Exception] = []
        for index, item in enumerate(value):
            try:
                items.append(item_hook(item, item_type))
            except Exception as exc:
                failed: Exception = exc
                if len(errors) >= _DETAILED_ERRORS:
                    failed = _Collapsed(tuple((p.path, p.message) for p in _walk(exc, "")))
                    _drop_tracebacks(exc)
                note = IterableValidationNote(f"Structuring {type_} @ index {index}", index, item_type)
                failed.__notes__ = [*getattr(failed, "__notes__", []), note]
                errors.append(failed)
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
            raise _wrong_type(f"an object for {cls.__name__}", value)
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
        {'when': '2023-09', 'first': '2023-09-01', 'last': '2023-09-30', 'precision': 'month', 'basis': 'stated'}
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


# -- the fast path for valid input ---------------------------------------------------------

# Loading a million events through cattrs' generated hooks costs about 50 µs an event,
# most of it in the machinery that makes its errors detailed. The fast path below
# structures valid input with hooks built once per class (dict look-ups for enums,
# type tests for primitives, one TimeSpan per distinct text); it reports nothing. On
# the first thing it does not accept it gives up, and the caller runs the detailed
# path above on the same value, so every error message comes from one place. Records
# are built through their own constructors, so their validators run either way; a
# property test (tests/test_convert.py) checks that both paths agree.

FastHook = Callable[[Any, "Memo"], Any]
"""A fast structuring hook: ``hook(value, memo)``; raises on anything it does not accept."""


class _Miss(Exception):
    """The fast path does not accept a value; the detailed path will say why."""


class Memo:
    """What one load shares between its records.

    One `TimeSpan` per distinct date (a text, or an object's when, basis and reason),
    one instance per distinct small value
    (citations, participants, counts, external ids: frozen, so sharing them is
    invisible), and one string object per distinct id that records refer to. A million
    events name a few thousand days and a few hundred actors.
    """

    __slots__ = ("shared", "spans", "strings")

    def __init__(self) -> None:
        self.spans: dict[str | tuple[tuple[str, Any], ...], TimeSpan] = {}
        self.shared: dict[Any, Any] = {}
        self.strings: dict[str, str] = {}


def _fast_str(value: Any, memo: Memo) -> str:
    if type(value) is not str:
        raise _Miss
    return value


def _fast_ref(value: Any, memo: Memo) -> str:
    """An id naming another record: kept once per load (ids repeat across many records)."""
    if type(value) is not str:
        raise _Miss
    return memo.strings.setdefault(value, value)


def _fast_int(value: Any, memo: Memo) -> int:
    if type(value) is not int:
        raise _Miss
    return value


def _fast_float(value: Any, memo: Memo) -> float:
    if type(value) is float:
        return value
    if type(value) is not int:
        raise _Miss
    return float(value)  # OverflowError for a huge integer: the detailed path words it


def _fast_bool(value: Any, memo: Memo) -> bool:
    if type(value) is not bool:
        raise _Miss
    return value


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def _fast_span(value: Any, memo: Memo) -> TimeSpan:
    spans = memo.spans
    if type(value) is str:
        span = spans.get(value)
        if span is None:
            if len(value) == 10 and _ISO_DAY.fullmatch(value):
                # A stated day, the commonest span: built from its date (fromisoformat refuses
                # days that do not exist) without the rest of TimeSpan.parse.
                day = pendulum.Date.fromisoformat(value)
                span = TimeSpan(Precision.DAY, day, day)
            else:
                span = TimeSpan.parse(value)
            span = spans[value] = memo.shared.setdefault(span, span)
        return span
    if type(value) is not dict:
        raise _Miss
    # An object ({"when", "first", "last", "precision", "basis", "reason"}, or the older
    # {"when", "basis", "reason"}): checked once per distinct object, whatever its key order,
    # and one span shared by every object (and text) with the same when, basis and reason.
    # A value that cannot be hashed (a list) fails here, and the detailed path words it.
    key = tuple(value.items())
    span = spans.get(key)
    if span is None:
        span = _structure_span(value, TimeSpan)
        span = spans[key] = memo.shared.setdefault(span, span)
    return span


def _is_id_type(type_: Any) -> bool:
    return isinstance(type_, NewType) and type_.__supertype__ is str


_RAW = object()  # marks a shared value's key made of its JSON items


def _is_text(type_: Any) -> bool:
    """True for field types structured from a JSON string alone: text, ids, string enums, or None."""
    if type_ is str or _is_id_type(type_) or (isinstance(type_, type) and issubclass(type_, enum.StrEnum)):
        return True
    args = get_args(type_)
    return get_origin(type_) in (Union, UnionType) and len(args) == 2 and type(None) in args and \
        _is_text(next(a for a in args if a is not type(None)))


def _is_plain(type_: Any) -> bool:
    """True for field types whose structured values are hashable and compare exactly (no floats)."""
    if type_ in (str, int, bool) or _is_id_type(type_) or (isinstance(type_, type) and issubclass(type_, enum.Enum)):
        return True
    args = get_args(type_)
    if _is_homogeneous_tuple(type_):
        return _is_plain(args[0])
    if get_origin(type_) in (Union, UnionType) and len(args) == 2 and type(None) in args:
        return _is_plain(next(a for a in args if a is not type(None)))
    return False


class FastHooks:
    """The fast structuring hooks of one converter, built once per type on first use.

    Examples:
        >>> from caucasus_conflict import Citation
        >>> hooks = FastHooks(make_converter())
        >>> hooks.get(Citation)({"source_id": "gdc", "blocks": [5]}, Memo())
        Citation(source_id='gdc', blocks=(5,), quote=None, rows=(), row_ids=())
    """

    def __init__(self, conv: cattrs.Converter) -> None:
        self._conv = conv
        self._hooks: dict[Any, FastHook] = {}

    def get(self, type_: Any, *, reference: bool = False) -> FastHook:
        """The fast hook for *type_*; *reference* for an id naming another record."""
        key = (type_, reference and not attrs.has(type_))
        hook = self._hooks.get(key)
        if hook is None:
            hook = self._hooks[key] = self._build(type_, reference)
        return hook

    def _build(self, type_: Any, reference: bool) -> FastHook:
        simple = {str: _fast_str, int: _fast_int, float: _fast_float, bool: _fast_bool, TimeSpan: _fast_span}
        if type_ in simple:
            return simple[type_]
        if _is_id_type(type_):
            return _fast_ref if reference else _fast_str
        if isinstance(type_, type) and issubclass(type_, enum.Enum):
            return _fast_enum(type_)
        args = get_args(type_)
        if _is_homogeneous_tuple(type_):
            return _fast_tuple(self.get(args[0], reference=True))
        if get_origin(type_) in (Union, UnionType) and len(args) == 2 and type(None) in args:
            return _fast_optional(self.get(next(a for a in args if a is not type(None)), reference=reference))
        if attrs.has(type_) and all(f.init and f.alias == f.name for f in attrs.fields(type_)):
            return self._record(type_)
        slow = self._conv.get_structure_hook(type_)
        return lambda value, memo: slow(value, type_)

    def _record(self, cls: type) -> FastHook:
        fields = attrs.fields(cls)
        hooks = {f.name: self.get(f.type, reference=f.name != "id") for f in fields}
        if all(_is_plain(f.type) for f in fields):
            # A small value type: one instance per distinct value in a load.
            def structure_shared(value: Any, memo: Memo) -> Any:
                if type(value) is not dict:
                    raise _Miss
                kwargs = {key: hooks[key](item, memo) for key, item in value.items()}
                key = (cls, *kwargs.items())
                found = memo.shared.get(key)
                if found is None:
                    found = memo.shared[key] = cls(**kwargs)
                return found

            if not all(_is_text(f.type) for f in fields):
                return structure_shared

            def structure_by_text(value: Any, memo: Memo) -> Any:
                # Every field is text (participants, external ids): the JSON object's own items
                # name the value, so a repeat is found before any field is structured (and
                # before an enum, whose hash is a Python call, is hashed). Only all-string
                # items are ever stored, so a number or list never matches.
                if type(value) is not dict:
                    raise _Miss
                key = (_RAW, cls, *value.items())  # unhashable items (a list) miss: the detailed path words them
                found = memo.shared.get(key)
                if found is None:
                    found = structure_shared(value, memo)
                    if all(type(item) is str for item in value.values()):
                        memo.shared[key] = found
                return found

            return structure_by_text

        def structure(value: Any, memo: Memo) -> Any:
            if type(value) is not dict:
                raise _Miss
            # An unknown key fails the look-up in hooks; a missing one, the constructor.
            return cls(**{key: hooks[key](item, memo) for key, item in value.items()})

        return structure


def _fast_enum(cls: type[enum.Enum]) -> FastHook:
    members = {member.value: member for member in cls}

    def structure_enum(value: Any, memo: Memo) -> enum.Enum:
        return members[value]

    return structure_enum


def _fast_tuple(item: FastHook) -> FastHook:
    if item is _fast_ref:
        def structure_ids(value: Any, memo: Memo) -> tuple[Any, ...]:
            if type(value) is not list:
                raise _Miss
            strings = memo.strings
            for text in value:
                if type(text) is not str:
                    raise _Miss
            return tuple([strings.setdefault(text, text) for text in value])

        return structure_ids

    def structure_tuple(value: Any, memo: Memo) -> tuple[Any, ...]:
        if type(value) is not list:
            raise _Miss
        return tuple([item(x, memo) for x in value])

    return structure_tuple


def _fast_optional(inner: FastHook) -> FastHook:
    def structure_optional(value: Any, memo: Memo) -> Any:
        return None if value is None else inner(value, memo)

    return structure_optional


# -- readable errors --------------------------------------------------------------------


def format_exception(exc: BaseException, type_: type | None) -> str:
    """Describe one structuring error, keeping our own and validators' messages whole.

    cattrs' default formatter reduces a validator's ``ValueError`` to "invalid value";
    this one keeps the validator's own text, which says what was expected.

    Examples:
        >>> format_exception(ValueError("'killed' must be >= 0 (got -3)"), None)
        "'killed' must be >= 0 (got -3)"
        >>> format_exception(KeyError("name"), str)
        'required field missing'
    """
    if isinstance(exc, ForbiddenExtraKeysError):
        allowed = [a.name for a in attrs.fields(exc.cl)] if attrs.has(exc.cl) else []
        keys = sorted(exc.extra_fields, key=str)
        parts = []
        for key in keys[:_MAX_KEYS_NAMED]:
            close = close_matches(key, allowed, n=1) if isinstance(key, str) else []
            parts.append(preview(key) + (f" (did you mean {close[0]!r}?)" if close else ""))
        if len(keys) > _MAX_KEYS_NAMED:
            parts.append(f"and {len(keys) - _MAX_KEYS_NAMED} more")
        expected = f"; expected only: {', '.join(allowed)}" if allowed else ""
        return f"unknown field(s) {', '.join(parts)}{expected}"
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, CaucasusConflictError | TypeError | ValueError) and exc.args:
        return str(exc)
    return _cattrs_format_exception(exc, type_)


_MAX_KEYS_NAMED = 10


def _field_path(path: str, exc: BaseException) -> str:
    """*path*, extended by the field (and item) a library error names, if it names one."""
    field = getattr(exc, "field", None)
    if not isinstance(exc, RecordError | RecordTypeError) or field is None:
        return path
    return f"{path}.{field}" if exc.index is None else f"{path}.{field}[{exc.index}]"


def _walk(exc: BaseException, path: str) -> Iterator[Problem]:
    """The problems in a cattrs error tree, depth first, as cattrs' ``transform_error`` orders them.

    A record's validators run when cattrs builds the record, so their errors reach cattrs
    with the record's path only; the field they name (``.field``, ``.index``) completes it.
    """
    if isinstance(exc, IterableValidationError | ClassValidationError):
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            step = f"[{note.index!r}]" if isinstance(note, IterableValidationNote) else f".{note.name}"
            yield from _walk(sub, path + step)
        for sub in without:
            yield from _walk(sub, path)
    elif isinstance(exc, _Collapsed):
        for below, message in exc.problems:
            yield Problem(path + below, message)
    else:
        yield Problem(_field_path(path, exc), format_exception(exc, None))


def problems_from(exc: BaseException, path: str = "$") -> list[Problem]:
    """Turn a cattrs structuring error (or one of the library's errors) into `Problem`s with JSON paths.

    The failing field is read from the error itself (`RecordError.field`), never from
    its message.

    Examples:
        >>> from caucasus_conflict import Citation
        >>> try:
        ...     converter.structure({"source_id": "gdc", "blocks": "5"}, Citation)
        ... except Exception as exc:
        ...     print(problems_from(exc)[0])
        $.blocks: expected an array (got a string: '5')
        >>> try:
        ...     converter.structure({"source_id": "gdc", "blocks": [1, 0]}, Citation)
        ... except Exception as exc:
        ...     print(problems_from(exc)[0])
        $.blocks[1]: 'blocks' must be >= 1 (got 0)
    """
    return list(_walk(exc, path))


def structure(data: Any, type_: type[T], *, path: str = "$", conv: cattrs.Converter | None = None) -> T:
    """Structure *data* into *type_*, raising `DataError` with every problem.

    Examples:
        >>> from caucasus_conflict import Citation
        >>> structure({"source_id": "gdc", "blocks": [5]}, Citation)
        Citation(source_id='gdc', blocks=(5,), quote=None, rows=(), row_ids=())
        >>> structure({"source_id": "gdc"}, Citation)
        Traceback (most recent call last):
        caucasus_conflict.errors.DataError: data: 1 problem:
          $.blocks: 'blocks' must name at least one block (got ()); a citation of a data file names 'rows' or 'row_ids' instead
        Fix the data at the path(s) shown and load it again.
    """
    try:
        return (conv or converter).structure(data, type_)
    except (ClassValidationError, IterableValidationError, CaucasusConflictError, TypeError, ValueError) as exc:
        raise DataError(problems_from(exc, path)) from exc
