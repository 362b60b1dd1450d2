"""Small attrs validators and converters shared by the records.

The records' field types are checked when a record is built: `check_fields`, an attrs
``field_transformer``, reads each field's annotation once, when the class is made, and
puts one validator on the field that checks the type (and, inside a tuple, each item's
type) before the field's own value validators run. The rules, per annotation:

- ``str``: a string of valid Unicode (no lone surrogate such as ``"\\ud800"``, which
  no UTF-8 file can hold);
- an id type (``ActorId`` and the other ``NewType``\\ s of ``str``): a non-empty string
  of printable characters, not starting or ending with a space; control characters,
  zero-width and bidi marks, and spaces other than U+0020 are not printable;
- ``int``: an ``int`` (not a ``bool``) within ±(2**53 - 1), the integers every JSON
  reader keeps exactly (I-JSON, RFC 7493);
- ``float``: an ``int`` or ``float`` (not a ``bool``) that is finite;
- ``bool``: ``True`` or ``False``;
- an enum: one of its members (not its value);
- a record type or `TimeSpan`: an instance of it;
- ``X | None``: ``None`` or an ``X``; ``tuple[X, ...]``: a real tuple of ``X``.

Errors carry the field as data: `RecordTypeError` for a wrong type, `RecordError` for
an impossible value, each with ``.field``, ``.index`` (for a tuple's item),
``.expected`` and ``.value``. Messages follow attrs' shape: the field, what was
expected, and the value got (cut to a short preview), e.g. ``'killed' must be >= 0 (got -3)``.

Names (``name``, ``aliases``, ``title``, ``publisher``) pass through `nfc`, so they are
stored in Unicode normal form C: ``"Yerevan"`` typed with a combining accent and with a
precomposed one are the same name. `id_key` is the key under which two ids count as
the same regardless of case and Unicode normalisation.
"""

from __future__ import annotations

import enum
import math
import types
import typing
import unicodedata
from collections.abc import Callable, Sized
from typing import Any, Final

import attrs

from .errors import ArgumentTypeError, CaucasusConflictError, RecordError, RecordTypeError, preview

__all__ = [
    "MAX_INT",
    "argument_check",
    "check_fields",
    "check_tuples",
    "field_check",
    "id_key",
    "instance_of",
    "is_text",
    "nfc",
    "nfc_items",
    "non_empty",
    "non_empty_items",
    "non_negative",
    "text_error",
    "unique_items",
]

MAX_INT: Final = 2**53 - 1
"""The largest integer a record holds: every JSON reader keeps integers up to it exactly."""

_Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


# -- text -------------------------------------------------------------------------------


def _valid_unicode(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def is_text(value: object) -> bool:
    """True for a ``str`` that UTF-8 can encode (no lone surrogate)."""
    return type(value) is str and (value.isascii() or _valid_unicode(value))


def text_error(field: str | None, value: str, index: int | None = None) -> RecordError:
    """The error for a string holding a lone surrogate, naming the first one."""
    bad = next(ch for ch in value if 0xD800 <= ord(ch) <= 0xDFFF)
    return RecordError(field, "be valid Unicode text", value, index=index,
                       message=f"{_label(field, index)}must be valid Unicode text, but it holds the lone surrogate "
                               f"{bad!r} (got {preview(value)}); UTF-8 cannot encode it")


def _is_id(value: object) -> bool:
    return (type(value) is str and value.isprintable() and value != ""
            and value[0] != " " and value[-1] != " ")


def _id_error(field: str, value: str, index: int | None) -> RecordError:
    if not _valid_unicode(value):
        return text_error(field, value, index)
    if not value.strip():
        return RecordError(field, "not be empty", value, index=index)
    if value[0] == " " or value[-1] == " ":
        return RecordError(field, "not start or end with a space", value, index=index)
    return RecordError(field, "be printable, without control, invisible or bidi characters", value, index=index)


def id_text(instance: Any, attribute: attrs.Attribute[Any], value: str) -> None:
    """An attrs validator: *value* follows the rules of an id (printable, no surrounding space)."""
    if not _is_id(value):
        raise _id_error(attribute.name, value, None)


def id_text_items(instance: Any, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    """An attrs validator: every item of *value* follows the rules of an id."""
    for index, item in enumerate(value):
        if not _is_id(item):
            raise _id_error(attribute.name, item, index)


def nfc(value: str) -> str:
    """An attrs converter: *value* in Unicode normal form C; anything else is left for the validators.

    Examples:
        >>> nfc("Yerevan\\u0301") == "Yereva\\u0301n"
        False
        >>> nfc("e\\u0301") == "\\u00e9"
        True
    """
    if type(value) is str and not value.isascii() and not unicodedata.is_normalized("NFC", value):
        return unicodedata.normalize("NFC", value)
    return value


def nfc_items(value: tuple[str, ...]) -> tuple[str, ...]:
    """An attrs converter: every string of a tuple in normal form C; anything else is left as it is.

    Examples:
        >>> nfc_items(("Baku", "e\\u0301")) == ("Baku", "\\u00e9")
        True
    """
    if isinstance(value, tuple) and not all(type(item) is str and item.isascii() for item in value):
        return tuple(nfc(item) for item in value)
    return value


def id_key(text: str) -> str:
    """The key under which two ids are the same id: case-folded and in Unicode form NFKC.

    ``"Baku"``, ``"BAKU"`` and ``"ｂａｋｕ"`` (full-width) share a key, so a data set
    can refuse ids that differ only in case or normalisation. This is Unicode's
    compatibility caseless matching (D146), composed again at the end.

    Examples:
        >>> id_key("Baku") == id_key("BAKU") == id_key("ｂａｋｕ")
        True
        >>> id_key("Straße") == id_key("strasse")
        True
    """
    if text.isascii():
        return text.lower()
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFD", text).casefold()).casefold()
    return unicodedata.normalize("NFKC", folded)


# -- value validators -------------------------------------------------------------------


def _label(field: str | None, index: int | None) -> str:
    if field is None:
        return ""
    return f"{field!r} " if index is None else f"'{field}[{index}]' "


def non_empty(instance: Any, attribute: attrs.Attribute[Any], value: Sized | None) -> None:
    """Reject an empty (or blank) string or collection; ``None`` passes."""
    if value is None:
        return
    if isinstance(value, str):
        if not value.strip():
            raise RecordError(attribute.name, "not be empty", value)
    elif len(value) == 0:
        raise RecordError(attribute.name, "not be empty", value)


def non_empty_items(instance: Any, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    """Reject a blank string inside a tuple of strings."""
    for index, item in enumerate(value):
        if not item.strip():
            raise RecordError(attribute.name, "not be empty", item, index=index)


def unique_items(instance: Any, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
    """Reject a tuple that names the same item twice."""
    if len(value) < 2 or len(set(value)) == len(value):
        return
    seen: set[Any] = set()
    for index, item in enumerate(value):
        if item in seen:
            raise RecordError(attribute.name, "not repeat items", item, index=index,
                              message=f"{attribute.name!r} must not repeat items (got {preview(item)} twice)")
        seen.add(item)


def non_negative(instance: Any, attribute: attrs.Attribute[Any], value: int | float | None) -> None:
    """Reject a negative number (or a bool posing as one); ``None`` passes."""
    if isinstance(value, bool):
        raise RecordTypeError(attribute.name, "be an integer, not a boolean", value)
    if value is not None and value < 0:
        raise RecordError(attribute.name, "be >= 0", value)


def instance_of(cls: type) -> _Validator:
    """Reject a value that is not a *cls* (e.g. the string ``"state"`` for ``ActorKind.STATE``).

    Type checkers catch this already; the runtime check keeps untyped callers from
    building a record whose ``kind.value`` fails later, far from the mistake.
    """
    kind = _kind_of(cls, cls.__name__)

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not kind.ok(value):
            raise kind.error(attribute.name, value, None)

    return check


# -- type checks derived from annotations -----------------------------------------------


def _article(name: str) -> str:
    return f"{'an' if name[0] in 'AEIOUaeiou' else 'a'} {name}"


def _int_ok(value: Any) -> bool:
    return type(value) is int and -MAX_INT <= value <= MAX_INT


def _number_ok(value: Any) -> bool:
    if type(value) is float:
        return math.isfinite(value)
    return _int_ok(value)


def _tuple_type_error(field: str, value: Any) -> RecordTypeError:
    hint = " (a string is not a collection of names)" if isinstance(value, str) else ""
    return RecordTypeError(field, "be a tuple", value,
                           message=f"{field!r} must be a tuple{hint} (got {preview(value)}); "
                                   f"pass tuple(...) so the record stays immutable")


class _Kind:
    """What a field's annotation allows: a fast test (``ok``), and the error for a value that fails it.

    ``is_type`` says whether the value is of the right type at all; ``ok`` also checks
    what every value of the type must satisfy (valid Unicode, a bounded integer).
    """

    expected = "be valid"

    def __init__(self) -> None:
        self.ok: Callable[[Any], bool] = self.is_type

    def is_type(self, value: Any) -> bool:
        return True

    def hint(self, value: Any) -> str:
        return ""

    def expected_for(self, value: Any) -> str:
        """What the message says was expected, given the wrong *value*."""
        return self.expected

    def type_error(self, field: str, value: Any, index: int | None) -> RecordTypeError:
        expected = self.expected_for(value)
        return RecordTypeError(field, expected, value, index=index,
                               message=f"{_label(field, index)}must {expected} "
                                       f"(got {preview(value)}){self.hint(value)}")

    def value_error(self, field: str, value: Any, index: int | None) -> RecordError:
        return RecordError(field, self.expected, value, index=index)

    def error(self, field: str, value: Any, index: int | None) -> RecordError | RecordTypeError:
        if not self.is_type(value):
            return self.type_error(field, value, index)
        return self.value_error(field, value, index)


class _Text(_Kind):
    expected = "be a string"

    def __init__(self) -> None:
        self.ok = is_text

    def is_type(self, value: Any) -> bool:
        return type(value) is str

    def value_error(self, field: str, value: Any, index: int | None) -> RecordError:
        return text_error(field, value, index)


class _Id(_Text):
    def __init__(self) -> None:
        self.ok = _is_id

    def value_error(self, field: str, value: Any, index: int | None) -> RecordError:
        return _id_error(field, value, index)


class _Int(_Kind):
    expected = "be an integer"

    def __init__(self) -> None:
        self.ok = _int_ok

    def is_type(self, value: Any) -> bool:
        return type(value) is int

    def expected_for(self, value: Any) -> str:
        return "be an integer, not a boolean" if type(value) is bool else self.expected

    def value_error(self, field: str, value: Any, index: int | None) -> RecordError:
        return RecordError(field, f"be within ±{MAX_INT}", value, index=index,
                           message=f"{_label(field, index)}must be within ±{MAX_INT} (2**53 - 1), the integers "
                                   f"every JSON reader keeps exactly (got {preview(value)})")


class _Number(_Kind):
    expected = "be a number"

    def __init__(self) -> None:
        self.ok = _number_ok

    def is_type(self, value: Any) -> bool:
        return type(value) is float or type(value) is int

    def expected_for(self, value: Any) -> str:
        return "be a number, not a boolean" if type(value) is bool else self.expected

    def value_error(self, field: str, value: Any, index: int | None) -> RecordError:
        if type(value) is int:
            return _Int().value_error(field, value, index)
        return RecordError(field, "be a finite number", value, index=index)


class _Bool(_Kind):
    expected = "be True or False"

    def is_type(self, value: Any) -> bool:
        return type(value) is bool


class _Member(_Kind):
    def __init__(self, cls: type[enum.Enum]) -> None:
        super().__init__()
        self.cls = cls
        self.expected = f"be a member of {cls.__name__}"

    def is_type(self, value: Any) -> bool:
        return type(value) is self.cls

    def hint(self, value: Any) -> str:
        return f"; use {self.cls.__name__}({preview(value)}) to convert a value"


class _Instance(_Kind):
    def __init__(self, cls: type) -> None:
        super().__init__()
        self.cls = cls
        self.expected = f"be {_article(cls.__name__)}"

    def is_type(self, value: Any) -> bool:
        return type(value) is self.cls or isinstance(value, self.cls)

    def hint(self, value: Any) -> str:
        if self.cls.__name__ == "TimeSpan" and isinstance(value, str):
            return f"; use TimeSpan.parse({preview(value)}) to convert a text"
        return ""


class _Optional(_Kind):
    def __init__(self, inner: _Kind) -> None:
        self.inner = inner
        self.expected = f"be None or {inner.expected.removeprefix('be ')}"
        inner_ok = inner.ok
        self.ok = lambda value: value is None or inner_ok(value)

    def is_type(self, value: Any) -> bool:
        return value is None or self.inner.is_type(value)

    def hint(self, value: Any) -> str:
        return self.inner.hint(value)

    def expected_for(self, value: Any) -> str:
        return f"be None or {self.inner.expected_for(value).removeprefix('be ')}"

    def value_error(self, field: str, value: Any, index: int | None) -> RecordError:
        return self.inner.value_error(field, value, index)


class _Tuple(_Kind):
    expected = "be a tuple"

    def __init__(self, item: _Kind) -> None:
        self.item = item
        item_ok = item.ok
        self.ok = lambda value: (type(value) is tuple or isinstance(value, tuple)) and all(map(item_ok, value))

    def is_type(self, value: Any) -> bool:
        return isinstance(value, tuple)

    def type_error(self, field: str, value: Any, index: int | None) -> RecordTypeError:
        return _tuple_type_error(field, value)

    def error(self, field: str, value: Any, index: int | None) -> RecordError | RecordTypeError:
        if not self.is_type(value):
            return self.type_error(field, value, index)
        position = next(i for i, item in enumerate(value) if not self.item.ok(item))
        return self.item.error(field, value[position], position)


def _kind_of(annotation: Any, where: str) -> _Kind:
    """The `_Kind` for one field's annotation (a real type, not a string)."""
    if annotation is str:
        return _Text()
    if isinstance(annotation, typing.NewType) and annotation.__supertype__ is str:
        return _Id()
    if annotation is bool:
        return _Bool()
    if annotation is int:
        return _Int()
    if annotation is float:
        return _Number()
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Union or origin is types.UnionType:
        rest = [arg for arg in args if arg is not type(None)]
        if len(rest) == 1 and len(args) == 2:
            return _Optional(_kind_of(rest[0], where))
    elif origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return _Tuple(_kind_of(args[0], where))
    elif isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return _Member(annotation)
    elif isinstance(annotation, type) and origin is None:
        return _Instance(annotation)
    # Reached only when a record declares a field type this module has no rule for.
    raise CaucasusConflictError(f"{where}: no type check for the annotation {annotation!r}; "
                                "annotate with real types (no 'from __future__ import annotations')")


def _type_validator(kind: _Kind, extra: _Validator | None) -> _Validator:
    """One validator for a field: its type check, then the field's own validator (*extra*).

    A million events are built on load, so the checks of the common shapes (ids, text,
    enums, records, tuples of records or ids) are written out in their own closures,
    one call per field; anything else goes through the kind's ``ok``.
    """
    fail = kind.error
    check: _Validator
    if isinstance(kind, _Id):
        def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
            if type(value) is not str or not value or not value.isprintable() or value[0] == " " or value[-1] == " ":
                raise fail(attribute.name, value, None)
            if extra is not None:
                extra(instance, attribute, value)
    elif isinstance(kind, _Text):
        def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
            if type(value) is not str or not (value.isascii() or _valid_unicode(value)):
                raise fail(attribute.name, value, None)
            if extra is not None:
                extra(instance, attribute, value)
    elif isinstance(kind, _Optional) and type(kind.inner) is _Text:
        def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
            if value is not None and (type(value) is not str or not (value.isascii() or _valid_unicode(value))):
                raise fail(attribute.name, value, None)
            if extra is not None:
                extra(instance, attribute, value)
    elif isinstance(kind, _Member):
        member = kind.cls

        def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
            if type(value) is not member:
                raise fail(attribute.name, value, None)
            if extra is not None:
                extra(instance, attribute, value)
    elif isinstance(kind, _Instance):
        cls = kind.cls

        def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
            if type(value) is not cls and not isinstance(value, cls):
                raise fail(attribute.name, value, None)
            if extra is not None:
                extra(instance, attribute, value)
    elif isinstance(kind, _Tuple) and isinstance(kind.item, _Instance):
        item_cls = kind.item.cls

        def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
            if type(value) is not tuple and not isinstance(value, tuple):
                raise fail(attribute.name, value, None)
            for item in value:
                if type(item) is not item_cls and not isinstance(item, item_cls):
                    raise fail(attribute.name, value, None)
            if extra is not None:
                extra(instance, attribute, value)
    elif isinstance(kind, _Tuple) and isinstance(kind.item, _Id):
        def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
            if type(value) is not tuple and not isinstance(value, tuple):
                raise fail(attribute.name, value, None)
            for item in value:
                if type(item) is not str or not item or not item.isprintable() or item[0] == " " or item[-1] == " ":
                    raise fail(attribute.name, value, None)
            if extra is not None:
                extra(instance, attribute, value)
    elif isinstance(kind, _Tuple) and isinstance(kind.item, _Int):
        def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
            if type(value) is not tuple and not isinstance(value, tuple):
                raise fail(attribute.name, value, None)
            for item in value:
                if type(item) is not int or not -MAX_INT <= item <= MAX_INT:
                    raise fail(attribute.name, value, None)
            if extra is not None:
                extra(instance, attribute, value)
    else:
        ok = kind.ok

        def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
            if not ok(value):
                raise fail(attribute.name, value, None)
            if extra is not None:
                extra(instance, attribute, value)
    return check


def check_fields(cls: type, fields: list[attrs.Attribute[Any]]) -> list[attrs.Attribute[Any]]:
    """An attrs ``field_transformer``: check each field's type, from its annotation, at construction.

    One validator per field is built here, once per class; it runs the type check and
    then the field's own validators. See the module docstring for the rules.
    """
    out = []
    for field in fields:
        if field.init:
            kind = _kind_of(field.type, f"{cls.__name__}.{field.name}")
            field = field.evolve(validator=_type_validator(kind, field.validator))
        out.append(field)
    return out


def _is_tuple(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, tuple):
        raise _tuple_type_error(attribute.name, value)


def check_tuples(cls: type, fields: list[attrs.Attribute[Any]]) -> list[attrs.Attribute[Any]]:
    """An attrs ``field_transformer``: every ``tuple[...]`` field must hold a real tuple.

    A list would make a frozen record mutable behind its hash; a string would be read as
    a collection of one-letter names; a generator would be used up by the first check.
    The records use `check_fields`, which checks the items too.
    """
    out = []
    for field in fields:
        if str(field.type).startswith("tuple["):
            validators = [_is_tuple] + ([field.validator] if field.validator is not None else [])
            field = field.evolve(validator=attrs.validators.and_(*validators))
        out.append(field)
    return out


def argument_check(annotation: Any) -> Callable[[str, Any], None]:
    """A function ``check(name, value)`` raising `ArgumentTypeError` when *value* is not of the type.

    For the arguments of public functions: only the type is checked (``int`` here means
    any ``int`` but a ``bool``); the function checks the range itself.

    Examples:
        >>> argument_check(int)("year", 2023.5)
        Traceback (most recent call last):
        caucasus_conflict.errors.ArgumentTypeError: 'year' must be an integer (got 2023.5)
    """
    kind = _kind_of(annotation, repr(annotation))
    is_type = kind.is_type

    def check(name: str, value: Any) -> None:
        if not is_type(value):
            error = kind.type_error(name, value, None)
            raise ArgumentTypeError(name, error.expected, value, message=str(error))

    return check


def field_check(annotation: Any) -> Callable[[str, Any], None]:
    """A function ``check(field, value)`` raising the record error for a value that does not fit.

    For value types that check their fields themselves, such as `TimeSpan`.

    Examples:
        >>> from caucasus_conflict.kinds import Basis
        >>> field_check(Basis)("basis", "stated")
        Traceback (most recent call last):
        caucasus_conflict.errors.RecordTypeError: 'basis' must be a member of Basis (got 'stated'); use Basis('stated') to convert a value
    """
    kind = _kind_of(annotation, repr(annotation))
    ok, error = kind.ok, kind.error

    def check(field: str, value: Any) -> None:
        if not ok(value):
            raise error(field, value, None)

    return check
