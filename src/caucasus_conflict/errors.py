"""The library's exceptions: one base class, each also a builtin it refines.

Every error the library raises on purpose inherits `CaucasusConflictError`, so
``except caucasus_conflict.CaucasusConflictError`` catches them all, while code that
only knows the builtins (``LookupError``, ``ValueError``, ``TypeError``,
``ImportError``) keeps working. This module imports nothing from the package.

Messages are bounded: a value echoed in a message is cut to a short preview
(`preview`, at most `PREVIEW_CHARS` characters), a `Problem` prints on one line, and
a `DataError` lists at most `DataError.MAX_LISTED` problems.
"""

from __future__ import annotations

import reprlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = [
    "PREVIEW_CHARS",
    "ArgumentTypeError",
    "CaucasusConflictError",
    "DataError",
    "MissingExtraError",
    "Problem",
    "QueryError",
    "RecordError",
    "RecordTypeError",
    "TimeSpanError",
    "UnknownExternalIdError",
    "UnknownNameError",
    "preview",
]

PREVIEW_CHARS = 80
"""The longest preview of a value that a message echoes."""

# CPython refuses str() of an int over 4,300 digits (ValueError); such ints are described.
_HUGE_INT_BITS = 4000
_PATH_CHARS = 300
_MESSAGE_CHARS = 1000


class _Preview(reprlib.Repr):
    """`reprlib` cut to `PREVIEW_CHARS`, and safe for any int."""

    def __init__(self) -> None:
        super().__init__()
        self.maxstring = self.maxother = PREVIEW_CHARS - 20
        self.maxlong = 40
        self.maxlevel = 3

    def repr_int(self, x: int, level: int) -> str:
        if x.bit_length() > _HUGE_INT_BITS:
            digits = int(x.bit_length() * 0.30103) + 1
            return f"<{'a negative' if x < 0 else 'an'} integer of about {digits} digits>"
        return super().repr_int(x, level)


_PREVIEW = _Preview()


def preview(value: object) -> str:
    """Return a short ``repr`` of *value* for a message: at most `PREVIEW_CHARS` characters.

    Long strings and collections keep their start and end with ``...`` between, as
    `reprlib` writes them; an integer too long to print is described by its size.

    Examples:
        >>> preview("Baku")
        "'Baku'"
        >>> len(preview("x" * 10_000_000)) <= PREVIEW_CHARS
        True
        >>> preview(10**5000)
        '<an integer of about 5001 digits>'
    """
    text = _PREVIEW.repr(value)
    return text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 3] + "..."


def _one_line(text: str, limit: int) -> str:
    """*text* with control and invisible characters escaped (``\\n``, ``\\u200b``), cut to *limit*."""
    if not text.isprintable():
        text = "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)
    return text if len(text) <= limit else text[: limit - 3] + "..."


class CaucasusConflictError(Exception):
    """Base class of every error this library raises on purpose.

    Examples:
        >>> issubclass(DataError, CaucasusConflictError)
        True
    """


class _FieldError(CaucasusConflictError):
    """An error about one field (or argument), carrying it as data so nothing parses the text."""

    def __init__(self, field: str | None, expected: str, value: Any, *, index: int | None = None,
                 message: str | None = None) -> None:
        self.field = field
        self.expected = expected
        self.value = value
        self.index = index
        if message is None:
            where = f"{self.label!r} " if self.label is not None else ""
            message = f"{where}must {expected} (got {preview(value)})"
        super().__init__(message)

    @property
    def label(self) -> str | None:
        """The field as the message names it: ``'blocks'``, or ``'aliases[0]'`` for an item."""
        if self.field is None or self.index is None:
            return self.field
        return f"{self.field}[{self.index}]"

    def __reduce__(self) -> tuple[Any, ...]:
        # Keyword-only arguments would be lost by Exception's pickling of self.args.
        return (_rebuild, (type(self), self.field, self.expected, self.value, self.index, str(self)))


def _rebuild(cls: type[_FieldError], field: str | None, expected: str, value: Any, index: int | None,
             message: str) -> _FieldError:
    return cls(field, expected, value, index=index, message=message)


class RecordError(_FieldError, ValueError):
    """A record (or a `TimeSpan`) was given an impossible value for one of its fields.

    Attributes:
        field: The field's name, or ``None`` when the record as a whole is wrong (a
            count with none of low, best, high).
        index: For an item of a tuple field, its position; else ``None``.
        expected: What the field must hold, worded as the message words it after "must".
        value: The value given.

    Examples:
        >>> err = RecordError("killed", "be >= 0", -3)
        >>> print(err)
        'killed' must be >= 0 (got -3)
        >>> err.field, err.value
        ('killed', -3)
    """


class ArgumentTypeError(_FieldError, TypeError):
    """A public function was given an argument of the wrong type.

    Attributes:
        field: The argument's name, or ``None`` when it has none worth naming.
        index: For an item of a sequence argument, its position; else ``None``.
        expected: What the argument must be, worded as the message words it after "must".
        value: The value given.

    Examples:
        >>> print(ArgumentTypeError("year", "be an integer", 2023.5))
        'year' must be an integer (got 2023.5)
    """


class RecordTypeError(ArgumentTypeError):
    """A record (or a `TimeSpan`) was given a value of the wrong type for one of its fields.

    Same attributes as `RecordError`.

    Examples:
        >>> print(RecordTypeError("summary", "be a string", None))
        'summary' must be a string (got None)
        >>> issubclass(RecordTypeError, TypeError)
        True
    """


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with some input: where (a JSON path such as ``$.actors[0].kind``) and what.

    ``path`` and ``message`` keep the text as found (a key may hold a newline). ``str()``
    writes the problem on one line: control and invisible characters are escaped and
    each part is cut to a bounded length, so a list of problems stays one per line.

    Examples:
        >>> str(Problem("$.actors[0].name", "must not be empty"))
        '$.actors[0].name: must not be empty'
        >>> print(Problem("$.a\\nb", "unknown top-level key"))
        $.a\\nb: unknown top-level key
    """

    path: str
    message: str

    def __str__(self) -> str:
        return f"{_one_line(self.path, _PATH_CHARS)}: {_one_line(self.message, _MESSAGE_CHARS)}"


class DataError(CaucasusConflictError, ValueError):
    """Input data is malformed or inconsistent; every problem found is listed at once.

    ``problems`` holds every problem found; the message lists the first
    `MAX_LISTED` of them and then says how many more there are.

    Attributes:
        file: The file the data came from, or ``None`` for data built in memory.
        problems: Each offending JSON path with what was expected there.

    Examples:
        >>> err = DataError([Problem("$.events[2].span", "expected 'YYYY[-MM[-DD]]'")], file="my.json")
        >>> print(err)
        my.json: 1 problem:
          $.events[2].span: expected 'YYYY[-MM[-DD]]'
        Fix the data at the path(s) shown and load it again.
    """

    #: What to do about problems in the data itself.
    FIX_DATA = "Fix the data at the path(s) shown and load it again."
    #: The most problems the message lists; ``problems`` keeps them all.
    MAX_LISTED = 1000

    def __init__(self, problems: Iterable[Problem], *, file: str | None = None, advice: str = FIX_DATA) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.file = file
        self.advice = advice
        super().__init__(self._message())

    def _message(self) -> str:
        where = self.file if self.file is not None else "data"
        count = len(self.problems)
        lines = [f"{_one_line(where, _PATH_CHARS)}: {count} problem{'s' if count != 1 else ''}:"]
        lines += [f"  {problem}" for problem in self.problems[: self.MAX_LISTED]]
        if count > self.MAX_LISTED:
            rest = count - self.MAX_LISTED
            lines.append(f"  ... and {rest} more problem{'s' if rest != 1 else ''}")
        lines.append(self.advice)
        return "\n".join(lines)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_data_error, (self.problems, self.file, self.advice))

    def with_file(self, file: str) -> DataError:
        """Return the same problems, now naming *file*.

        Examples:
            >>> DataError([Problem("$", "expected an object")]).with_file("x.json").file
            'x.json'
        """
        return DataError(self.problems, file=file, advice=self.advice)


def _rebuild_data_error(problems: tuple[Problem, ...], file: str | None, advice: str) -> DataError:
    return DataError(problems, file=file, advice=advice)


class UnknownNameError(CaucasusConflictError, LookupError):
    """No record has this id, name or alias; ``suggestions`` holds the closest names.

    Examples:
        >>> err = UnknownNameError("actor", "Azerbijan", ["Azerbaijan"])
        >>> print(err)
        no actor named 'Azerbijan'; did you mean 'Azerbaijan'?
        >>> err.suggestions
        ('Azerbaijan',)
    """

    def __init__(self, kind: str, query: str, suggestions: Sequence[str] = ()) -> None:
        self.kind = kind
        self.query = query
        self.suggestions: tuple[str, ...] = tuple(suggestions)
        super().__init__(self._message())

    def _message(self) -> str:
        base = f"no {self.kind} named {preview(self.query)}"
        if not self.suggestions:
            return f"{base}; check the spelling (ids, names and aliases are all accepted)"
        options = ", ".join(preview(s) for s in self.suggestions)
        return f"{base}; did you mean {options}?"

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.kind, self.query, self.suggestions))


class UnknownExternalIdError(UnknownNameError):
    """No record carries this external id (``query`` is ``"scheme:value"``).

    Examples:
        >>> print(UnknownExternalIdError("actor", "gwno:37", ["gwno:373"]))
        no actor has the external id 'gwno:37'; did you mean 'gwno:373'?
    """

    def _message(self) -> str:
        base = f"no {self.kind} has the external id {preview(self.query)}"
        if not self.suggestions:
            return f"{base}; values are compared as text, exactly as the other data set writes them"
        return f"{base}; did you mean {', '.join(preview(s) for s in self.suggestions)}?"


class QueryError(CaucasusConflictError, ValueError):
    """A query argument has a value the query cannot use, such as an unknown kind.

    Examples:
        >>> print(QueryError("'likes' is not a StanceKind; expected one of 'supports', 'opposes'"))
        'likes' is not a StanceKind; expected one of 'supports', 'opposes'
    """


class TimeSpanError(CaucasusConflictError, ValueError):
    """A date or time span could not be parsed or is impossible.

    Examples:
        >>> print(TimeSpanError("2023-13", "month must be 1..12"))
        invalid time span '2023-13': month must be 1..12; write 'YYYY', 'YYYY-MM', 'YYYY-MM-DD', 'START/END' or 'unknown'
    """

    #: The fix suggested when the text itself is malformed.
    FORMS = "write 'YYYY', 'YYYY-MM', 'YYYY-MM-DD', 'START/END' or 'unknown'"

    def __init__(self, text: str, reason: str, *, hint: str | None = FORMS) -> None:
        self.text = text
        self.reason = reason
        self.hint = hint
        super().__init__(f"invalid time span {preview(text)}: {reason}" + (f"; {hint}" if hint else ""))

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_timespan_error, (self.text, self.reason, self.hint))


def _rebuild_timespan_error(text: str, reason: str, hint: str | None) -> TimeSpanError:
    return TimeSpanError(text, reason, hint=hint)


class MissingExtraError(CaucasusConflictError, ImportError):
    """An optional feature needs a package that is not installed.

    Examples:
        >>> print(MissingExtraError("matplotlib", "plot"))
        this feature needs matplotlib; install it with: pip install 'caucasus-conflict[plot]'
    """

    def __init__(self, package: str, extra: str) -> None:
        self.package = package
        self.extra = extra
        super().__init__(
            f"this feature needs {package}; install it with: "
            f"pip install 'caucasus-conflict[{extra}]'",
            name=package,
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.package, self.extra))
