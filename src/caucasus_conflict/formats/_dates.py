"""Building precision-aware `TimeSpan` values from a source's day and precision code.

Only `TimeSpan`'s public constructors are used. Each reader returns the span and, when
the source's values disagree with each other, a note that the row reader reports as a
problem; the span is then the honest reading (or unknown), never a guess.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Final, Literal

import attrs
import pendulum

from caucasus_conflict.kinds import Basis
from caucasus_conflict.timespan import TimeSpan

__all__ = [
    "DAY",
    "MONTH",
    "UNKNOWN",
    "YEAR",
    "DayCode",
    "Reading",
    "day_span",
    "inferred",
    "month_span",
    "order_note",
    "read_day",
    "read_day_note",
    "report_order",
    "unknown",
    "window",
    "year_span",
]

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


@attrs.frozen
class DayCode:
    """How a precision code reads the one day a source writes: as it stands, or as a placeholder.

    ``unit`` is ``"day"``, ``"window"`` (the day ±``days``), ``"month"``, ``"year"`` or
    ``"unknown"`` (less precise than a year).

    Examples:
        >>> DayCode("window", 3)
        DayCode(unit='window', days=3)
    """

    unit: Literal["day", "window", "month", "year", "unknown"]
    days: int = 0


DAY: Final = DayCode("day")
MONTH: Final = DayCode("month")
YEAR: Final = DayCode("year")
UNKNOWN: Final = DayCode("unknown")


def read_day(day: dt.date | None, code: int | None, codes: Mapping[int, DayCode], labels: Mapping[int, str], *,
             date_column: str, prec_column: str) -> Reading:
    """Read one written *day* at its precision *code*, by the format's table *codes*.

    A blank code takes the day as written, marked inferred; a code the table lacks (never
    one a reader let through) is unknown, with the reason.

    Examples:
        >>> read_day(dt.date(1946, 12, 31), 5, {5: YEAR}, {5: "a known year"}, date_column="d", prec_column="p")
        (TimeSpan.parse('1946'), None)
    """
    if day is None:
        return TimeSpan.unknown(), None
    if code is None:
        return inferred(day_span(day), f"{prec_column} is blank: the day written is taken as it stands"), None
    reading = codes.get(code, UNKNOWN)
    if reading.unit == "day":
        return day_span(day), None
    if reading.unit == "window":
        span = window(day, reading.days, reading.days)
        if span is None:
            return TimeSpan.unknown(), f"the days around {date_column} {day.isoformat()} lie outside the calendar"
        return span, None
    if reading.unit == "month":
        return month_span(day), None
    if reading.unit == "year":
        return year_span(day), None
    return unknown(f"{prec_column} {code} ({labels.get(code, 'not a known code')}): the day written, "
                   f"{day.isoformat()}, is a placeholder"), None


def read_day_note(day: dt.date | None, code: int | None, codes: Mapping[int, DayCode], *, date_column: str) -> str | None:
    """What `read_day` would report for *day* and *code*, without building the span.

    Examples:
        >>> read_day_note(dt.date(1, 1, 2), 2, {2: DayCode("window", 3)}, date_column="d")
        'the days around d 0001-01-02 lie outside the calendar'
    """
    if day is None or code is None:
        return None
    reading = codes.get(code, UNKNOWN)
    if reading.unit != "window":
        return None
    ordinal = day.toordinal()
    if ordinal - reading.days < 1 or ordinal + reading.days > dt.date.max.toordinal():
        return f"the days around {date_column} {day.isoformat()} lie outside the calendar"
    return None
