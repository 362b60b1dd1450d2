"""`TimeSpan`: when something happened, with the precision the source gives it.

A span is a run of whole calendar days, ``first_day`` to ``last_day`` inclusive, plus
its `Precision` and `Basis`. The
text forms are ISO 8601 dates cut to the known precision, and ranges in the
ISO 8601-2 / EDTF style::

    2023-09-19        DAY        one day
    2023-09           MONTH      the whole of September 2023 (no day is invented)
    2023              YEAR       the whole year
    1990/1993         RANGE      1 Jan 1990 .. 31 Dec 1993 (each end keeps its precision)
    2020-11/..        RANGE      from November 2020, no end given
    ../2020           RANGE      until 2020, no start given
    unknown           UNKNOWN    no date at all

The text is exactly one of these forms: no whitespace anywhere, not even around it
(``" 2023"`` and ``"2020\n/2021"`` are errors, so `TimeSpan.parse` is the exact inverse of
`TimeSpan.format`; strip text yourself where it may be padded). Only ``unknown`` may be
written in any ASCII case.

pendulum is used only to build whole dates and do calendar arithmetic: it would read
``"2023-09"`` as 1 September at midnight, inventing a day, so the parsing is our own.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from functools import cached_property, total_ordering
from typing import Any, Final, TypeAlias

import attrs
import pendulum

from ._validators import argument_check, field_check, is_text
from .errors import ArgumentTypeError, RecordTypeError, TimeSpanError, preview
from .kinds import Basis, Precision

__all__ = ["DateLike", "TimeSpan"]


# re.ASCII: "\d" would also match other scripts' digits, such as full-width "２０２３".
_PART = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$", re.ASCII)
_OPEN: Final = ".."
#: Ordinals used for open bounds: below and above every real day.
MIN_ORDINAL: Final = 0
MAX_ORDINAL: Final = _dt.date.max.toordinal() + 1
_NEVER: Final = pendulum.Date(1, 1, 1)  # stands in for a bound that construction guarantees


_WHITESPACE = re.compile(r"\s")


def _as_date(value: _dt.date | None) -> Any:
    """An attrs converter: a ``datetime.date`` becomes a pendulum Date.

    Anything else (a datetime, a text from an untyped caller) is returned as it is, for
    ``__attrs_post_init__`` to refuse with the field's name.
    """
    if value is None or type(value) is pendulum.Date:
        return value
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        return pendulum.Date(value.year, value.month, value.day)
    return value


def _date_error(field: str, value: object) -> RecordTypeError:
    if isinstance(value, _dt.datetime):
        return RecordTypeError(field, "be a date, not a datetime", value)
    hint = f"; use TimeSpan.parse({preview(value)}) to read a text" if isinstance(value, str) else ""
    return RecordTypeError(field, "be None or a date", value,
                           message=f"{field!r} must be None or a date (got {preview(value)}){hint}")


_check_precision = field_check(Precision)
_check_basis = field_check(Basis)
_check_reason = field_check(str | None)
_check_int = argument_check(int)
_check_basis_argument = argument_check(Basis)
_check_reason_argument = argument_check(str | None)


def _last_of_month(year: int, month: int) -> pendulum.Date:
    return pendulum.Date(year, month, calendar.monthrange(year, month)[1])


def _parse_part(text: str, whole: str) -> tuple[pendulum.Date, pendulum.Date, Precision]:
    """Parse ``YYYY[-MM[-DD]]`` into its first day, last day and precision."""
    # fullmatch: "$" would also match before a final newline ("2020\n").
    match = _PART.fullmatch(text)
    if match is None:
        raise TimeSpanError(whole, f"{preview(text)} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
    bounds = _bounds(int(match[1]), None if match[2] is None else int(match[2]),
                     None if match[3] is None else int(match[3]))
    if isinstance(bounds, str):
        raise TimeSpanError(whole, bounds)
    return bounds


_Bounds: TypeAlias = tuple[pendulum.Date, pendulum.Date, Precision]


def _bounds(year: int, month: int | None, day: int | None) -> _Bounds | str:
    """First day, last day and precision of a year, a month or a day; or why there is no such date."""
    if not 1 <= year <= 9999:
        return "year must be 0001..9999"
    if month is None:
        return pendulum.Date(year, 1, 1), pendulum.Date(year, 12, 31), Precision.YEAR
    if not 1 <= month <= 12:
        return f"month must be 01..12 (got {month:02d})"
    if day is None:
        return pendulum.Date(year, month, 1), _last_of_month(year, month), Precision.MONTH
    last = calendar.monthrange(year, month)[1]  # five times faster than pendulum's end_of("month")
    if not 1 <= day <= last:
        return f"day must be 01..{last} in {year:04d}-{month:02d} (got {day:02d})"
    one = pendulum.Date(year, month, day)
    return one, one, Precision.DAY


def _checked(bounds: _Bounds | str, year: int, month: int | None = None, day: int | None = None) -> _Bounds:
    """*bounds*, or the TimeSpanError for the text ``day()``, ``month()`` or ``year()`` stands for."""
    if isinstance(bounds, str):
        raise TimeSpanError(_text_of(year, month, day), bounds)
    return bounds


def _text_of(year: int, month: int | None = None, day: int | None = None) -> str:
    """The text ``day()``, ``month()`` and ``year()`` would have parsed, for their error messages."""
    text = f"{year:04d}"
    if month is not None:
        text += f"-{month:02d}"
    if day is not None:
        text += f"-{day:02d}"
    return text


def _format_start(day: pendulum.Date) -> str:
    if day.month == 1 and day.day == 1:
        return f"{day.year:04d}"
    if day.day == 1:
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def _format_end(day: pendulum.Date) -> str:
    if day.month == 12 and day.day == 31:
        return f"{day.year:04d}"
    if day == _last_of_month(day.year, day.month):
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def _basis_problem(basis: Basis, reason: str | None) -> str | None:
    """What is wrong with *basis* and *reason* together (both of the right types), if anything."""
    if basis is Basis.INFERRED and not (reason and reason.strip()):
        return "an inferred date needs a 'reason' saying how it was inferred"
    if basis is Basis.STATED and reason is not None:
        return "'reason' is only for inferred dates (basis='inferred')"
    return None


_RANK: Final = {p: i for i, p in enumerate(Precision)}
_BASIS_RANK: Final = {Basis.STATED: 0, Basis.INFERRED: 1}


@total_ordering
@attrs.frozen(order=False)
class TimeSpan:
    """When something happened: whole days from ``start`` to ``end``, with precision and basis.

    Build spans with `parse` (or `day`, `month`, `year`,
    `between`, `unknown`) rather than the constructor, which checks that
    the bounds agree with the precision. Spans sort chronologically by first day, then
    last day; open starts sort first, unknown spans last.

    Attributes:
        precision: How precisely the date is known.
        start: The first day, or ``None`` when open (``RANGE``) or unknown.
        end: The last day (inclusive), or ``None`` when open (``RANGE``) or unknown.
        basis: Whether the source states the date or it was inferred from context.
        reason: For an inferred date, how it was inferred.

    Examples:
        >>> TimeSpan.parse("2023-09")
        TimeSpan.parse('2023-09')
        >>> TimeSpan.parse("2023-09").last_day
        Date(2023, 9, 30)
    """

    precision: Precision
    start: pendulum.Date | None = attrs.field(converter=_as_date)
    end: pendulum.Date | None = attrs.field(converter=_as_date)
    basis: Basis = attrs.field(default=Basis.STATED, kw_only=True)
    reason: str | None = attrs.field(default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        start, end, reason = self.start, self.end, self.reason
        if (type(self.precision) is not Precision or type(self.basis) is not Basis
                or not (start is None or type(start) is pendulum.Date)
                or not (end is None or type(end) is pendulum.Date)
                or not (reason is None or is_text(reason))):
            self._check_types()
        problem = self._problem()
        if problem is not None:
            raise TimeSpanError(self._raw_text(), problem, hint=None)

    def _check_types(self) -> None:
        """Raise the error for the first field of the wrong type (or text that is not valid Unicode)."""
        _check_precision("precision", self.precision)
        for name, value in (("start", self.start), ("end", self.end)):
            if not (value is None or type(value) is pendulum.Date):
                raise _date_error(name, value)
        _check_basis("basis", self.basis)
        _check_reason("reason", self.reason)

    def _raw_text(self) -> str:
        start = self.start.isoformat() if self.start else _OPEN
        end = self.end.isoformat() if self.end else _OPEN
        return f"{start}/{end}"

    def _problem(self) -> str | None:
        start, end, precision = self.start, self.end, self.precision
        basis_problem = _basis_problem(self.basis, self.reason)
        if basis_problem is not None:
            return basis_problem
        if precision is Precision.UNKNOWN:
            return None if start is None and end is None else "an unknown span has no start or end"
        if precision is Precision.RANGE:
            if start is None and end is None:
                return "a range needs at least one bound; use 'unknown' for no date"
            if start is not None and end is not None and end < start:
                return f"'end' must not be before 'start' (got {start} after {end})"
            return None
        if start is None or end is None:
            return f"a {precision.value} span needs both start and end"
        if precision is Precision.DAY:
            return None if start == end else "a day span starts and ends on the same day"
        if precision is Precision.MONTH:
            ok = start.day == 1 and end == _last_of_month(start.year, start.month)
            return None if ok else "a month span runs from the 1st to the last day of one month"
        ok = (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year
        return None if ok else "a year span runs from 1 January to 31 December of one year"

    # -- construction ---------------------------------------------------------------

    @classmethod
    def parse(cls, text: str, *, basis: Basis = Basis.STATED, reason: str | None = None) -> TimeSpan:
        """Parse a span written as ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ``START/END`` or ``unknown``.

        Either end of a range may be ``..`` (open). ``parse`` is the inverse of
        `format`: ``TimeSpan.parse(s.format(), basis=s.basis, reason=s.reason) == s``.
        The text holds no whitespace, not even around it (``" 2023"`` is an error);
        ``unknown`` may be written in any ASCII case.

        Raises:
            TimeSpanError: The text is not a span, or names an impossible date.
            ArgumentTypeError: *text* is not a ``str``, *basis* not a `Basis`, or *reason*
                neither ``None`` nor a ``str``.

        Examples:
            >>> TimeSpan.parse("1990/1993").last_day
            Date(1993, 12, 31)
            >>> TimeSpan.parse("2023-02-30")
            Traceback (most recent call last):
            caucasus_conflict.errors.TimeSpanError: invalid time span '2023-02-30': day must be 01..28 in 2023-02 (got 30); write 'YYYY', 'YYYY-MM', 'YYYY-MM-DD', 'START/END' or 'unknown'
        """
        if type(text) is not str:
            raise ArgumentTypeError("text", "be a string", text,
                                    message=f"'text' must be a string such as '2023-09' (got {preview(text)})")
        if type(basis) is not Basis:
            _check_basis_argument("basis", basis)
        if reason is not None and type(reason) is not str:
            _check_reason_argument("reason", reason)
        basis_problem = _basis_problem(basis, reason)
        if basis_problem is not None:
            raise TimeSpanError(text, basis_problem, hint=None)
        try:
            return cls._parse(text, basis, reason)
        except TimeSpanError:
            # Whitespace is never accepted; say so when it is all that is wrong.
            squeezed = _WHITESPACE.sub("", text)
            if squeezed != text and cls._parses(squeezed):
                raise TimeSpanError(text, "a time span holds no spaces, tabs or line breaks, not even around "
                                          f"it; write {squeezed!r}", hint=None) from None
            raise

    @classmethod
    def _parses(cls, text: str) -> bool:
        try:
            cls._parse(text, Basis.STATED, None)
        except TimeSpanError:
            return False
        return True

    @classmethod
    def _parse(cls, text: str, basis: Basis, reason: str | None) -> TimeSpan:
        if len(text) == 7 and text.isascii() and text.lower() == "unknown":
            return cls(Precision.UNKNOWN, None, None, basis=basis, reason=reason)
        if "/" not in text:
            first, last, precision = _parse_part(text, text)
            return cls(precision, first, last, basis=basis, reason=reason)
        left, _sep, right = text.partition("/")
        if "/" in right:
            raise TimeSpanError(text, "a range has exactly one '/'")
        if left == _OPEN and right == _OPEN:
            raise TimeSpanError(text, "a range needs at least one bound; use 'unknown' for no date")
        start = None if left == _OPEN else _parse_part(left, text)[0]
        end = None if right == _OPEN else _parse_part(right, text)[1]
        if start is not None and end is not None and end < start:
            raise TimeSpanError(text, "the range ends before it starts")
        return cls(Precision.RANGE, start, end, basis=basis, reason=reason)

    @classmethod
    def day(cls, year: int, month: int, day: int) -> TimeSpan:
        """A stated single day.

        Raises:
            TimeSpanError: The date does not exist (30 February, year 10000).
            ArgumentTypeError: An argument is not an ``int``.

        Examples:
            >>> TimeSpan.day(2023, 9, 19).format()
            '2023-09-19'
        """
        _check_int("year", year)
        _check_int("month", month)
        _check_int("day", day)
        first, last, precision = _checked(_bounds(year, month, day), year, month, day)
        return cls(precision, first, last)

    @classmethod
    def month(cls, year: int, month: int) -> TimeSpan:
        """A stated calendar month.

        Raises:
            TimeSpanError: The month does not exist (month 13, year 10000).
            ArgumentTypeError: An argument is not an ``int``.

        Examples:
            >>> TimeSpan.month(2020, 11).format()
            '2020-11'
        """
        _check_int("year", year)
        _check_int("month", month)
        first, last, precision = _checked(_bounds(year, month, None), year, month)
        return cls(precision, first, last)

    @classmethod
    def year(cls, year: int) -> TimeSpan:
        """A stated calendar year.

        Raises:
            TimeSpanError: The year is outside 1..9999.
            ArgumentTypeError: *year* is not an ``int`` (``2023.5``, ``"2023"``).

        Examples:
            >>> TimeSpan.year(2020).first_day
            Date(2020, 1, 1)
            >>> TimeSpan.year(2023.5)
            Traceback (most recent call last):
            caucasus_conflict.errors.ArgumentTypeError: 'year' must be an integer (got 2023.5)
        """
        _check_int("year", year)
        first, last, precision = _checked(_bounds(year, None, None), year)
        return cls(precision, first, last)

    @classmethod
    def between(cls, start: _dt.date | None, end: _dt.date | None) -> TimeSpan:
        """A stated range of days, ``None`` for an open end.

        Raises:
            TimeSpanError: Both ends are ``None``, or *end* is before *start*.
            RecordTypeError: An end is neither a date nor ``None`` (a text, a datetime).

        Examples:
            >>> import datetime
            >>> TimeSpan.between(datetime.date(2020, 9, 27), None).format()
            '2020-09-27/..'
            >>> TimeSpan.between("2023", None)
            Traceback (most recent call last):
            caucasus_conflict.errors.RecordTypeError: 'start' must be None or a date (got '2023'); use TimeSpan.parse('2023') to read a text
        """
        return cls(Precision.RANGE, start, end)

    @classmethod
    def unknown(cls) -> TimeSpan:
        """A span for which the source gives no date.

        Examples:
            >>> TimeSpan.unknown().is_known
            False
        """
        return cls(Precision.UNKNOWN, None, None)

    @classmethod
    def coerce(cls, value: TimeSpan | _dt.date | str) -> TimeSpan:
        """Turn what query helpers accept (span, date or text) into a span.

        A ``datetime.date`` (or ``pendulum.Date``) becomes a one-day span; text is parsed.

        Raises:
            TimeSpanError: The text cannot be parsed.
            ArgumentTypeError: The value is none of the accepted types (a ``datetime``
                is refused: the model has no times of day).

        Examples:
            >>> TimeSpan.coerce("2021-06") == TimeSpan.month(2021, 6)
            True
            >>> TimeSpan.coerce(5)
            Traceback (most recent call last):
            caucasus_conflict.errors.ArgumentTypeError: expected a TimeSpan, a date or a 'YYYY[-MM[-DD]]' string (got 5)
        """
        if isinstance(value, TimeSpan):
            return value
        if isinstance(value, str):
            return cls.parse(value)
        if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
            day = _as_date(value)
            return cls(Precision.DAY, day, day)
        raise ArgumentTypeError(
            None, "be a TimeSpan, a date or a 'YYYY[-MM[-DD]]' string", value,
            message=f"expected a TimeSpan, a date or a 'YYYY[-MM[-DD]]' string (got {preview(value)})",
        )

    # -- text -----------------------------------------------------------------------

    def format(self) -> str:
        """Write the span as text; the inverse of `parse`.

        Range ends are written at the coarsest precision that names the same day
        (``1990-01-01/1993-12-31`` is written ``1990/1993``).

        Examples:
            >>> TimeSpan.parse("2020-11/..").format()
            '2020-11/..'
        """
        if self.precision is Precision.UNKNOWN:
            return "unknown"
        if self.precision is Precision.RANGE:
            start = _OPEN if self.start is None else _format_start(self.start)
            end = _OPEN if self.end is None else _format_end(self.end)
            return f"{start}/{end}"
        # A day, month or year span always has both bounds (checked when it is built).
        first = self.start or _NEVER
        if self.precision is Precision.DAY:
            return first.isoformat()
        if self.precision is Precision.MONTH:
            return f"{first.year:04d}-{first.month:02d}"
        return f"{first.year:04d}"

    def __str__(self) -> str:
        return self.format()

    def __repr__(self) -> str:
        extra = ""
        if self.basis is not Basis.STATED:
            extra = f", basis=Basis.{self.basis.name}, reason={self.reason!r}"
        return f"TimeSpan.parse({self.format()!r}{extra})"

    # -- bounds and relations -------------------------------------------------------

    @property
    def is_known(self) -> bool:
        """False only for an ``UNKNOWN`` span.

        Examples:
            >>> TimeSpan.parse("../2020").is_known
            True
        """
        return self.precision is not Precision.UNKNOWN

    @property
    def first_day(self) -> pendulum.Date | None:
        """The first day the span can cover, or ``None`` if open or unknown.

        Examples:
            >>> TimeSpan.parse("2020").first_day
            Date(2020, 1, 1)
        """
        return self.start

    @property
    def last_day(self) -> pendulum.Date | None:
        """The last day the span can cover, or ``None`` if open or unknown.

        Examples:
            >>> TimeSpan.parse("2020-02").last_day
            Date(2020, 2, 29)
        """
        return self.end

    # Cached (attrs keeps a slot for it, outside ==, hash and repr): indexes and window
    # queries read a span's bounds once per record, and a load shares one span per text.
    @cached_property
    def ordinals(self) -> tuple[int, int] | None:
        """First and last day as proleptic ordinals; open ends are ``MIN_ORDINAL``/``MAX_ORDINAL``.

        ``None`` for an unknown span. Used by indexes; comparisons of ordinals are
        comparisons of days.

        Examples:
            >>> TimeSpan.parse("0001-01-01").ordinals
            (1, 1)
        """
        if self.precision is Precision.UNKNOWN:
            return None
        low = MIN_ORDINAL if self.start is None else self.start.toordinal()
        high = MAX_ORDINAL if self.end is None else self.end.toordinal()
        return low, high

    def overlaps(self, other: TimeSpan) -> bool:
        """Return True if the two spans can share at least one day.

        Open ends extend without limit. An unknown span overlaps nothing, not even itself:
        nothing can be said about when it happened.

        Examples:
            >>> TimeSpan.parse("2023-09").overlaps(TimeSpan.parse("2023-09-19"))
            True
            >>> TimeSpan.parse("2020").overlaps(TimeSpan.parse("2021"))
            False
        """
        mine, theirs = self.ordinals, other.ordinals
        if mine is None or theirs is None:
            return False
        return mine[0] <= theirs[1] and theirs[0] <= mine[1]

    def contains(self, other: TimeSpan) -> bool:
        """Return True if every day *other* can cover lies within this span.

        Examples:
            >>> TimeSpan.parse("2020").contains(TimeSpan.parse("2020-11"))
            True
            >>> TimeSpan.parse("2020-11").contains(TimeSpan.parse("2020"))
            False
        """
        mine, theirs = self.ordinals, other.ordinals
        if mine is None or theirs is None:
            return False
        return mine[0] <= theirs[0] and theirs[1] <= mine[1]

    # -- ordering -------------------------------------------------------------------

    def sort_key(self) -> tuple[int, str]:
        """The key spans sort by: the library's one definition of chronological order.

        Known before unknown, then first day (open starts first), last day (open ends
        last), precision (``DAY`` before ``MONTH`` … before ``RANGE``), stated before
        inferred, and last the reason of an inferred date. The first four are packed into
        one integer, which CPython compares in a fast path; records sort by
        ``(record.span.sort_key(), record.id)``.

        Examples:
            >>> sorted([TimeSpan.parse("2021"), TimeSpan.unknown(), TimeSpan.parse("2020-11")])
            [TimeSpan.parse('2020-11'), TimeSpan.parse('2021'), TimeSpan.parse('unknown')]
            >>> TimeSpan.parse("2020").sort_key() < TimeSpan.parse("2020-01").sort_key()
            False
        """
        return self._sort_key

    @cached_property
    def _sort_key(self) -> tuple[int, str]:
        bounds = self.ordinals
        undated = bounds is None
        low, high = (MAX_ORDINAL, MAX_ORDINAL) if bounds is None else bounds
        # Ordinals are below 2**22, so each part has room of its own.
        packed = (((undated << 23 | low) << 23 | high) << 3 | _RANK[self.precision]) << 1 | _BASIS_RANK[self.basis]
        return packed, self.reason or ""

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, TimeSpan):
            return NotImplemented
        return self.sort_key() < other.sort_key()


DateLike: TypeAlias = TimeSpan | _dt.date | str
"""What query helpers accept for a date: a span, a date or a ``'YYYY[-MM[-DD]]'`` string."""
