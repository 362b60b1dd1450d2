"""ACLED exports (Armed Conflict Location & Event Data): one row per event-day.

ACLED's terms of use forbid redistribution: users bring their own export, and nothing of
ACLED is shipped with this library or used in its tests (their rows are invented).

`ACLED` reads an export into `AcledRow` records. Exports differ: third-party copies may
lack ``fatalities`` (then deaths are unknown, never 0) or carry an HXL hashtag row under
the header; newer exports write ``inter1``/``inter2``/``interaction`` as text labels, which
read as the numeric codes. The day written is not always the day: `acled_span` reads it
with ``time_precision``.
"""

# ruff: noqa: RUF009 - `column(...)` is an attrs field specifier (it returns attrs.field), not a shared default

from __future__ import annotations

import datetime as dt
from typing import Final

import attrs

from caucasus_conflict.interop import ACLED_EVENT_TYPES
from caucasus_conflict.kinds import LOCATION_PRECISION
from caucasus_conflict.timespan import TimeSpan

from . import _dates
from ._rows import Format, Report, Row, column
from ._values import COUNT, INT, LATITUDE, LONGITUDE, TEXT, Codec, Invalid, code, date, text_list, vocab

__all__ = [
    "ACLED",
    "EVENT_TYPES",
    "GEO_PRECISION",
    "INTER",
    "SUB_EVENT_TYPES",
    "TIME_PRECISION",
    "TIME_READINGS",
    "AcledRow",
    "acled_span",
]

EVENT_TYPES: Final = ACLED_EVENT_TYPES
"""Each of ACLED's 6 ``event_type`` values with its ``sub_event_type`` values (25 in all)."""

SUB_EVENT_TYPES: Final = {sub: event for event, subs in EVENT_TYPES.items() for sub in subs}
"""Each ``sub_event_type`` with the ``event_type`` it belongs to."""

TIME_PRECISION: Final = {
    1: "the day is known",
    2: "the week is known (the middle of the week is written)",
    3: "only the month is known (the middle of the month is written)",
}
"""``time_precision``: how exactly ``event_date`` is known."""

GEO_PRECISION: Final = LOCATION_PRECISION["acled"]
"""``geo_precision``: how exactly the coordinates place the event."""

INTER: Final = {
    0: "no actor (the event has no second actor)",
    1: "State forces",
    2: "Rebel groups",
    3: "Political militias",
    4: "Identity militias",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/Other forces",
}
"""``inter1``/``inter2``: the kind of actor (8 includes state forces acting outside their own country)."""

_LABELS: Final = {
    **{label.lower(): number for number, label in INTER.items() if number},
    "rebel group": 2, "political militia": 3, "identity militia": 4, "rioter": 5, "protester": 6,
    "civilian": 7, "external/other force": 8,
}


def _inter_code(text: str) -> int:
    clean = text.strip()
    if clean.isdigit() and clean.isascii() and len(clean) == 1 and int(clean) in INTER:
        return int(clean)
    number = _LABELS.get(clean.lower())
    if number is None:
        raise Invalid("expected an actor kind 0-8 or its label ('State forces', 'Rebel group', ...)")
    return number


class _Inter(Codec[int | None]):
    """``inter1``/``inter2``: a digit 0-8, or the label newer exports write."""

    __slots__ = ()

    def parse(self, text: str) -> int | None:
        return _inter_code(text) if text.strip() else None

    def format(self, value: int | None) -> str:
        return "" if value is None else str(value)


class _Interaction(Codec[int | None]):
    """``interaction``: the two actor kinds' digits, smaller first (``12``; ``10`` one actor alone).

    Text exports write ``"State forces-Rebel group"`` or ``"State forces only"``.
    """

    __slots__ = ()

    def parse(self, text: str) -> int | None:
        clean = text.strip()
        if not clean:
            return None
        if clean.isdigit() and clean.isascii():
            if len(clean) == 2 and all(int(digit) in INTER for digit in clean):
                return int(clean)
            raise Invalid("expected two actor-kind digits 0-8, such as 12 or 10")
        lowered = clean.lower()
        if lowered.endswith(" only"):
            return 10 * _inter_code(clean[: -len(" only")])
        first, dash, second = clean.partition("-")
        if dash and first and second:
            try:
                kinds = sorted((_inter_code(first), _inter_code(second)))
            except Invalid:
                # a label holds a dash only in "External/Other forces"; nothing else to try
                raise Invalid("expected two actor kinds joined by '-', or one followed by ' only'") from None
            return 10 * kinds[0] + kinds[1]
        raise Invalid("expected two actor kinds joined by '-', or one followed by ' only'")

    def format(self, value: int | None) -> str:
        return "" if value is None else f"{value:02d}"


#: How each time_precision reads the day written: 2 is the 7 days centred on it (ACLED writes
#: the middle of the week), 3 the month (ACLED writes the middle of the month).
TIME_READINGS: Final = {1: _dates.DAY, 2: _dates.DayCode("window", 3), 3: _dates.MONTH}


def _reading(day: dt.date | None, precision: int | None) -> _dates.Reading:
    return _dates.read_day(day, precision, TIME_READINGS, TIME_PRECISION, date_column="event_date",
                           prec_column="time_precision")


def acled_span(day: dt.date | None, precision: int | None) -> TimeSpan:
    """Return the `TimeSpan` of an ACLED ``event_date`` read with its ``time_precision``.

    1 is the day. 2 (the week is known; ACLED writes the middle of the week) is the 7
    days from 3 days before to 3 days after the day written. 3 (only the month is known;
    ACLED writes the middle of the month, or its start or end when those are stated) is the
    month. A blank precision reads the day as written, marked inferred.

    Examples:
        >>> import datetime as dt
        >>> acled_span(dt.date(2020, 10, 15), 3)
        TimeSpan.parse('2020-10')
        >>> acled_span(dt.date(2020, 10, 14), 2)
        TimeSpan.parse('2020-10-11/2020-10-17')
    """
    return _reading(day, precision)[0]


@attrs.frozen(kw_only=True)
class AcledRow(Row):
    """One ACLED event; see docs/formats/acled.md.

    Examples:
        >>> row = ACLED.read(b"event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,inter1,"
        ...                  b"country\\nXL1,2020-10-15,3,Battles,Armed clash,Military Forces of X,State forces,"
        ...                  b"Xland\\n").rows[0]
        >>> row.inter1, row.span, row.fatalities
        (1, TimeSpan.parse('2020-10'), None)
    """

    event_id_cnty: str | None = column("event_id_cnty", TEXT, required=True, doc="the event's ACLED id")
    event_date: dt.date | None = column("event_date", date(("iso", "d-month-y", "dmy-dash"), "iso"), required=True,
                                        doc="the day written (read with time_precision)")
    year: int | None = column("year", INT, doc="the event's year")
    time_precision: int | None = column("time_precision", code(TIME_PRECISION), doc="1 day, 2 week, 3 month")
    disorder_type: str | None = column("disorder_type", TEXT, doc="Political violence, Demonstrations, ...")
    event_type: str | None = column("event_type", vocab(tuple(EVENT_TYPES)), required=True, doc="one of the six")
    sub_event_type: str | None = column("sub_event_type", vocab(tuple(SUB_EVENT_TYPES)), required=True,
                                        doc="one of the 25, within event_type")
    actor1: str | None = column("actor1", TEXT, required=True, doc="the first actor (no direction)")
    assoc_actor_1: tuple[str, ...] = column("assoc_actor_1", text_list("; "), doc="actors with actor1")
    inter1: int | None = column("inter1", _Inter("an actor kind 0-8", None), doc="actor1's kind")
    actor2: str | None = column("actor2", TEXT, doc="the second actor")
    assoc_actor_2: tuple[str, ...] = column("assoc_actor_2", text_list("; "), doc="actors with actor2")
    inter2: int | None = column("inter2", _Inter("an actor kind 0-8", None), doc="actor2's kind")
    interaction: int | None = column("interaction", _Interaction("two actor-kind digits", None),
                                     doc="both kinds, smaller first")
    civilian_targeting: str | None = column("civilian_targeting", TEXT, doc="'Civilian targeting' or blank")
    iso: int | None = column("iso", INT, doc="the country's ISO 3166 numeric code")
    region: str | None = column("region", TEXT, doc="the region")
    country: str | None = column("country", TEXT, required=True, doc="the country")
    admin1: str | None = column("admin1", TEXT, doc="first-order administrative unit")
    admin2: str | None = column("admin2", TEXT, doc="second-order administrative unit")
    admin3: str | None = column("admin3", TEXT, doc="third-order administrative unit")
    location: str | None = column("location", TEXT, doc="the place")
    latitude: float | None = column("latitude", LATITUDE, doc="latitude")
    longitude: float | None = column("longitude", LONGITUDE, doc="longitude")
    geo_precision: int | None = column("geo_precision", code(GEO_PRECISION), doc="1 town, 2 near, 3 region")
    source: tuple[str, ...] = column("source", text_list("; "), doc="the sources")
    source_scale: str | None = column("source_scale", TEXT, doc="Local, National, ... joined by '-'")
    notes: str | None = column("notes", TEXT, doc="ACLED's note")
    fatalities: int | None = column("fatalities", COUNT, doc="reported fatalities; blank or absent is unknown")
    tags: str | None = column("tags", TEXT, doc="tags")
    timestamp: int | None = column("timestamp", INT, doc="when the row was last changed (Unix time)")

    @property
    def span(self) -> TimeSpan:
        """When the event happened, read with ``time_precision`` (see `acled_span`).

        Examples:
            >>> AcledRow().span
            TimeSpan.parse('unknown')
        """
        return acled_span(self.event_date, self.time_precision)


def _check(row: AcledRow, report: Report) -> None:
    note = _dates.read_day_note(row.event_date, row.time_precision, TIME_READINGS, date_column="event_date")
    if note is not None:
        report("event_date", note)
    if row.sub_event_type is not None and row.event_type is not None:
        parent = SUB_EVENT_TYPES[row.sub_event_type]
        if parent != row.event_type:
            report("sub_event_type", f"{row.sub_event_type!r} is a sub-event type of {parent!r}, not of "
                                     f"{row.event_type!r}")
    if row.year is not None and row.event_date is not None and row.year != row.event_date.year:
        report("year", f"year {row.year} is not the year of event_date ({row.event_date.isoformat()})")
    if row.interaction is not None and row.inter1 is not None and row.inter2 is not None:
        low, high = sorted((row.inter1, row.inter2))
        expected = 10 * high if low == 0 else 10 * low + high  # 0 (no second actor) goes last: "10"
        if row.interaction != expected:
            report("interaction", f"interaction {row.interaction:02d} does not join inter1 {row.inter1} and inter2 "
                                  f"{row.inter2} ({expected:02d})")


ACLED: Final[Format[AcledRow]] = Format(name="acled", title="ACLED", row_type=AcledRow, key_columns=("event_id_cnty",),
                                        key=lambda row: None if row.event_id_cnty is None else (row.event_id_cnty,),
                                        check=_check)
"""ACLED exports."""
