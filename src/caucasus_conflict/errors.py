"""The library's exceptions: one base class, each also a builtin it refines.

Every error the library raises on purpose inherits `CaucasusConflictError`, so
``except caucasus_conflict.CaucasusConflictError`` catches them all, while code that
only knows the builtins (``LookupError``, ``ValueError``, ``ImportError``) keeps working.
This module imports nothing from the package.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = [
    "ArgumentTypeError",
    "CaucasusConflictError",
    "DataError",
    "MissingExtraError",
    "Problem",
    "QueryError",
    "TimeSpanError",
    "UnknownNameError",
]


class CaucasusConflictError(Exception):
    """Base class of every error this library raises on purpose.

    Examples:
        >>> issubclass(DataError, CaucasusConflictError)
        True
    """


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with some input: where (a JSON path such as ``$.actors[0].kind``) and what.

    Examples:
        >>> str(Problem("$.actors[0].name", "must not be empty"))
        '$.actors[0].name: must not be empty'
    """

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class DataError(CaucasusConflictError, ValueError):
    """Input data is malformed or inconsistent; every problem found is listed at once.

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

    def __init__(self, problems: Iterable[Problem], *, file: str | None = None, advice: str = FIX_DATA) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.file = file
        self.advice = advice
        super().__init__(self._message())

    def _message(self) -> str:
        where = self.file if self.file is not None else "data"
        count = len(self.problems)
        lines = [f"{where}: {count} problem{'s' if count != 1 else ''}:"]
        lines += [f"  {problem}" for problem in self.problems]
        lines.append(self.advice)
        return "\n".join(lines)

    def with_file(self, file: str) -> DataError:
        """Return the same problems, now naming *file*.

        Examples:
            >>> DataError([Problem("$", "expected an object")]).with_file("x.json").file
            'x.json'
        """
        return DataError(self.problems, file=file, advice=self.advice)


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
        base = f"no {self.kind} named {self.query!r}"
        if not self.suggestions:
            return f"{base}; check the spelling (ids, names and aliases are all accepted)"
        options = ", ".join(repr(s) for s in self.suggestions)
        return f"{base}; did you mean {options}?"


class QueryError(CaucasusConflictError, ValueError):
    """A query argument has a value the query cannot use, such as an unknown kind.

    Examples:
        >>> print(QueryError("'likes' is not a StanceKind; expected one of 'supports', 'opposes'"))
        'likes' is not a StanceKind; expected one of 'supports', 'opposes'
    """


class ArgumentTypeError(CaucasusConflictError, TypeError):
    """A public function was given an argument of a type it does not take.

    Examples:
        >>> print(ArgumentTypeError("expected the query as a string (got int: 5)"))
        expected the query as a string (got int: 5)
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
        super().__init__(f"invalid time span {text!r}: {reason}" + (f"; {hint}" if hint else ""))


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
