"""Small attrs validators shared by the records.

Messages follow attrs' shape: the field, what was expected, and the value got, e.g.
``'killed' must be >= 0 (got -3)``. They raise ``ValueError`` so that cattrs reports them
at the JSON path of the offending field.
"""

from __future__ import annotations

import reprlib
from collections.abc import Sized
from typing import Any

import attrs

__all__ = ["check_tuples", "instance_of", "non_empty", "non_empty_items", "non_negative", "unique_items"]


def non_empty(instance: Any, attribute: attrs.Attribute[Any], value: Sized | None) -> None:
    """Reject an empty (or blank) string or collection; ``None`` passes."""
    if value is None:
        return
    if isinstance(value, str):
        if not value.strip():
            raise ValueError(f"{attribute.name!r} must not be empty (got {value!r})")
    elif len(value) == 0:
        raise ValueError(f"{attribute.name!r} must not be empty (got {value!r})")


def non_empty_items(instance: Any, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    """Reject a blank string inside a tuple of strings."""
    for index, item in enumerate(value):
        if not item.strip():
            raise ValueError(f"'{attribute.name}[{index}]' must not be empty (got {item!r})")


def unique_items(instance: Any, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
    """Reject a tuple that names the same item twice."""
    seen: set[Any] = set()
    for item in value:
        if item in seen:
            raise ValueError(f"{attribute.name!r} must not repeat items (got {item!r} twice)")
        seen.add(item)


def non_negative(instance: Any, attribute: attrs.Attribute[Any], value: int | float | None) -> None:
    """Reject a negative number (or a bool posing as one); ``None`` passes."""
    if isinstance(value, bool):
        raise TypeError(f"{attribute.name!r} must be a number, not a boolean (got {value!r})")
    if value is not None and value < 0:
        raise ValueError(f"{attribute.name!r} must be >= 0 (got {value!r})")


def instance_of(cls: type) -> Any:
    """Reject a value that is not a *cls* (e.g. the string ``"state"`` for ``ActorKind.STATE``).

    Type checkers catch this already; the runtime check keeps untyped callers from
    building a record whose ``kind.value`` fails later, far from the mistake.
    """

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, cls):
            raise TypeError(f"{attribute.name!r} must be a member of {cls.__name__} (got {value!r}); "
                            f"use {cls.__name__}({value!r}) to convert a value")

    return check


def _is_tuple(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, tuple):
        hint = " (a string is not a collection of names)" if isinstance(value, str) else ""
        raise TypeError(f"{attribute.name!r} must be a tuple{hint} (got {reprlib.repr(value)}); "
                        f"pass tuple(...) so the record stays immutable")


def check_tuples(cls: type, fields: list[attrs.Attribute[Any]]) -> list[attrs.Attribute[Any]]:
    """An attrs ``field_transformer``: every ``tuple[...]`` field must hold a real tuple.

    A list would make a frozen record mutable behind its hash; a string would be read as
    a collection of one-letter names; a generator would be used up by the first check.
    """
    out = []
    for field in fields:
        if str(field.type).startswith("tuple["):
            validators = [_is_tuple] + ([field.validator] if field.validator is not None else [])
            field = field.evolve(validator=attrs.validators.and_(*validators))
        out.append(field)
    return out
