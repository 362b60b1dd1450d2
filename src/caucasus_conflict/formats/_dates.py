"""Building precision-aware `TimeSpan` values from a source's day and precision code.

Only `TimeSpan`'s public constructors are used. Each reader returns the span and, when
the source's values disagree with each other, a note that the row reader reports as a
problem; the span is then the honest reading (or unknown), never a guess.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pendulum

from caucasus_conflict.kinds import Basis
from caucasus_conflict.timespan import TimeSpan

__all__ = ["Reading", "day_span", "inferred", "month_span", "order_note", "report_order", "unknown", "window", "year_span"]

Reading = tuple[TimeSpan, str | None]
"""A span and, if the source's values disagree, what is wrong (reported as a problem)."""


def day_span(day: dt.date) -> TimeSpan:
    """The stated single *day*.

    Examples:
        >>> day_span(dt.date(2020, 11, 10))
        TimeSpan.parse('2020-11-10')
    """
    return TimeSpan.day(day.year, day.month, day.day)


def month_span(day: dt.date) -> TimeSpan:
    """The calendar month *day* lies in: the day written is a placeholder.

    Examples:
        >>> month_span(dt.date(1946, 6, 30))
        TimeSpan.parse('1946-06')
    """
    return TimeSpan.month(day.year, day.month)


def year_span(day: dt.date) -> TimeSpan:
    """The calendar year *day* lies in: the day written is a placeholder.

    Examples:
        >>> year_span(dt.date(1946, 12, 31))
        TimeSpan.parse('1946')
    """
    return TimeSpan.year(day.year)


def window(day: dt.date, before: int, after: int) -> TimeSpan | None:
    """The days from *before* days before *day* to *after* days after it, or ``None`` past the calendar.

    Examples:
        >>> window(dt.date(2020, 10, 14), 3, 3)
        TimeSpan.parse('2020-10-11/2020-10-17')
        >>> window(dt.date(1, 1, 2), 3, 3) is None
        True
    """
    try:
        low = pendulum.Date(day.year, day.month, day.day).subtract(days=before)
        high = pendulum.Date(day.year, day.month, day.day).add(days=after)
    except (ValueError, OverflowError):
        return None
    return TimeSpan.between(low, high)


def inferred(span: TimeSpan, reason: str) -> TimeSpan:
    """*span* marked as inferred (the source gives no precision code), with *reason*.

    Examples:
        >>> inferred(TimeSpan.parse("1948-12-31"), "no precision code").basis
        <Basis.INFERRED: 'inferred'>
    """
    return TimeSpan.parse(span.format(), basis=Basis.INFERRED, reason=reason)


def unknown(reason: str | None = None) -> TimeSpan:
    """An unknown span; with *reason*, marked inferred to say why a written day is not used.

    Examples:
        >>> unknown().reason is None, unknown("a placeholder").reason
        (True, 'a placeholder')
    """
    if reason is None:
        return TimeSpan.unknown()
    return TimeSpan.parse("unknown", basis=Basis.INFERRED, reason=reason)


def order_note(earlier: TimeSpan, later: TimeSpan, message: str) -> str | None:
    """*message* (with ``{earlier}`` and ``{later}`` filled in) if *later* ends before *earlier* begins.

    Examples:
        >>> order_note(TimeSpan.parse("1994-05"), TimeSpan.parse("1994-04"), "{later} is before {earlier}")
        '1994-04 is before 1994-05'
        >>> order_note(TimeSpan.parse("1994"), TimeSpan.parse("1994-04"), "{later} is before {earlier}") is None
        True
    """
    if earlier.first_day is not None and later.last_day is not None and later.last_day < earlier.first_day:
        return message.format(earlier=earlier.format(), later=later.format())
    return None


def report_order(report: Callable[[str, str], None], earlier: TimeSpan, later: TimeSpan, column: str,
                 message: str) -> None:
    """Report *message* at *column* when *later* ends before *earlier* begins (see `order_note`).

    Examples:
        >>> report_order(print, TimeSpan.parse("2020"), TimeSpan.parse("2019"), "end", "{later} < {earlier}")
        end 2019 < 2020
    """
    note = order_note(earlier, later, message)
    if note is not None:
        report(column, note)
