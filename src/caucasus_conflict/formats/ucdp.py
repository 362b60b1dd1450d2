"""UCDP files: GED events, the UCDP/PRIO Armed Conflict Dataset (ACD) and Battle-Related Deaths (BRD).

UCDP data are CC BY 4.0 (Uppsala Conflict Data Program). Cite the data set's article
(Sundberg & Melander 2013, *JPR* 50(4) for GED; Gleditsch et al. 2002, *JPR* 39(5) for
ACD) and the release's "Organized violence" article (e.g. Davies, Pettersson & Öberg
2022, *JPR* 59(4) for 22.1).

Each format is a `Format`: `GED`, `ACD` and `BRD` read a file into `GedRow`, `AcdRow` and
`BrdRow` records and write them back. Dates come with UCDP's precision codes, and
`ged_span` / `acd_span` turn a day and its code into a `TimeSpan` of the right precision:
UCDP writes the 31st of December with its year-only code, and that is a year, never a day.
"""

# ruff: noqa: RUF009 - `column(...)` is an attrs field specifier (it returns attrs.field), not a shared default

from __future__ import annotations

import datetime as dt
from typing import Final

import attrs

from caucasus_conflict.kinds import LOCATION_PRECISION
from caucasus_conflict.timespan import TimeSpan

from . import _dates
from ._rows import Format, Report, Row, column
from ._values import (
    COUNT,
    FLAG,
    INT,
    LATITUDE,
    LONGITUDE,
    RELEASE,
    TEXT,
    UCDP_DATE,
    UCDP_ID,
    Missing,
    code,
    coded_int,
    int_list,
    text_list,
)

__all__ = [
    "ACD",
    "ACD_DATE_PREC",
    "ACD_READINGS",
    "BRD",
    "DATE_PREC",
    "EVENT_CLARITY",
    "GED",
    "INCOMPATIBILITY",
    "INTENSITY_LEVEL",
    "REGION",
    "TYPE_OF_CONFLICT",
    "TYPE_OF_VIOLENCE",
    "WHERE_PREC",
    "AcdRow",
    "BrdRow",
    "GedRow",
    "acd_span",
    "ged_span",
    "side_names",
]

# -- code tables ---------------------------------------------------------------------------

TYPE_OF_VIOLENCE: Final = {1: "state-based conflict", 2: "non-state conflict", 3: "one-sided violence"}
"""GED ``type_of_violence``."""

DATE_PREC: Final = {1: "exact day", 2: "a span of 2-6 days", 3: "a known week", 4: "a known month",
                    5: "a known year"}
"""GED ``date_prec``: how exactly ``date_start``..``date_end`` is known."""

WHERE_PREC: Final = LOCATION_PRECISION["ucdp-ged"]
"""GED ``where_prec``: how exactly the coordinates place the event."""

EVENT_CLARITY: Final = {1: "the event can be singled out", 2: "aggregated reports"}
"""GED ``event_clarity`` (reading to check in the codebook)."""

INCOMPATIBILITY: Final = {1: "territory", 2: "government", 3: "territory and government"}
"""ACD and BRD ``incompatibility``: what the conflict is over."""

TYPE_OF_CONFLICT: Final = {1: "extrasystemic", 2: "interstate", 3: "intrastate", 4: "internationalised intrastate"}
"""ACD and BRD ``type_of_conflict``."""

INTENSITY_LEVEL: Final = {1: "minor (25-999 battle-related deaths in the year)",
                          2: "war (at least 1,000 battle-related deaths in the year)"}
"""ACD ``intensity_level``."""

REGION: Final = {1: "Europe", 2: "Middle East", 3: "Asia", 4: "Africa", 5: "Americas"}
"""ACD and BRD ``region`` (several, joined by ``, ``, for conflicts that span regions)."""

ACD_DATE_PREC: Final = {1: "exact day", 2: "a span of 2-6 days", 3: "a known week", 4: "a known month",
                        5: "a known year", 6: "less precise than a year"}
"""ACD ``start_prec``, ``start_prec2`` and ``ep_end_prec``: this library's reading, to check in the codebook.

Codes 1-5 read as GED's ``date_prec``; the placeholders real releases write agree with
it (the last day of the known month, 31 December of the known year).
"""

# -- precision-aware dates ------------------------------------------------------------------


def _ged_note(start: dt.date | None, end: dt.date | None, prec: int | None) -> tuple[str, str] | None:
    """The column and text of what is wrong with a GED event's dates, if anything (see `ged_span`)."""
    if start is None or end is None:
        if start is None and end is None:
            return None
        blank = "date_start" if start is None else "date_end"
        return "date_end", f"{blank} is blank, so the event's dates are unknown"
    if end < start:
        return "date_end", f"date_end ({end.isoformat()}) is before date_start ({start.isoformat()})"
    if prec == 1 and start != end:
        return "date_prec", (f"date_prec 1 (exact day) but date_start ({start.isoformat()}) and date_end "
                             f"({end.isoformat()}) differ")
    return None


def ged_span(start: dt.date | None, end: dt.date | None, prec: int | None) -> TimeSpan:
    """Return the `TimeSpan` a GED event's ``date_start``, ``date_end`` and ``date_prec`` give.

    ``date_start`` is the earliest possible day and ``date_end`` the latest. Code 1 (exact
    day) is a day; 2 and 3 (a few days, a week) the range from start to end; 4 (a known
    month) and 5 (a known year) are that month or year when both days lie in it, since the
    days written are placeholders (UCDP writes the 31st of December with code 5: that is a
    year, never a day), and the range from start to end otherwise. A blank code reads the
    days as written, marked inferred; an end before the start is unknown.

    Examples:
        >>> import datetime as dt
        >>> ged_span(dt.date(2020, 12, 31), dt.date(2020, 12, 31), 5)
        TimeSpan.parse('2020')
        >>> ged_span(dt.date(2020, 9, 27), dt.date(2020, 9, 29), 2)
        TimeSpan.parse('2020-09-27/2020-09-29')
        >>> ged_span(dt.date(2020, 9, 1), dt.date(2020, 9, 30), 4)
        TimeSpan.parse('2020-09')
    """
    if start is None or end is None or end < start:
        return TimeSpan.unknown()
    if prec is None:
        span = _dates.day_span(start) if start == end else TimeSpan.between(start, end)
        return _dates.inferred(span, "date_prec is blank: the days written are taken as they stand")
    if prec == 1 and start == end:
        return _dates.day_span(start)
    if prec == 4 and (start.year, start.month) == (end.year, end.month):
        return _dates.month_span(start)
    if prec == 5 and start.year == end.year:
        return _dates.year_span(start)
    return TimeSpan.between(start, end)


#: How each ACD code reads the day written: 2 (within 2-6 days) is the day ±5 days, 3 (a known
#: week) the day ±6 days, 4 and 5 the month and the year (the day is a placeholder).
ACD_READINGS: Final = {1: _dates.DAY, 2: _dates.DayCode("window", 5), 3: _dates.DayCode("window", 6),
                       4: _dates.MONTH, 5: _dates.YEAR, 6: _dates.UNKNOWN}


def _acd_reading(day: dt.date | None, prec: int | None, date_column: str, prec_column: str) -> _dates.Reading:
    return _dates.read_day(day, prec, ACD_READINGS, ACD_DATE_PREC, date_column=date_column, prec_column=prec_column)


def acd_span(day: dt.date | None, prec: int | None) -> TimeSpan:
    """Return the `TimeSpan` of an ACD date (``start_date``, ``start_date2``, ``ep_end_date``) and its code.

    Code 1 is the day; 2 (within 2-6 days) the day ±5 days; 3 (a known week) the day ±6
    days; 4 the month and 5 the year the day lies in (the day written is a placeholder:
    the last day of the month, or 31 December); 6 (less precise than a year) is unknown,
    with the reason. A blank code reads the day as written, marked inferred.

    Examples:
        >>> import datetime as dt
        >>> acd_span(dt.date(1946, 12, 31), 5)
        TimeSpan.parse('1946')
        >>> acd_span(dt.date(1946, 6, 30), 4)
        TimeSpan.parse('1946-06')
        >>> acd_span(dt.date(1990, 1, 20), 2)
        TimeSpan.parse('1990-01-15/1990-01-25')
    """
    return _acd_reading(day, prec, "the date", "the precision code")[0]


def side_names(names: str | None) -> tuple[str, ...]:
    """Split a side cell that names several actors (``"LSR, RDK, Wagner"``) into the names.

    UCDP joins the actors of one side with ``", "`` and their ids likewise
    (``side_b_id`` ``"8639, 8640, 8650"``), but the two lists need not be in the same
    order: in ACD 25.1, conflict 399 lists ``LSR, RDK, Wagner`` with ``8639, 8640, 8650``
    in 2023, and ``LSR`` alone with ``8640`` in 2024. So names are never paired with ids
    by position; resolve them through UCDP's actor list.

    Examples:
        >>> side_names("LSR, RDK, Wagner")
        ('LSR', 'RDK', 'Wagner')
        >>> side_names(None)
        ()
    """
    if names is None:
        return ()
    return tuple(part.strip() for part in names.split(", "))


# -- GED ------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class GedRow(Row):
    """One UCDP GED event: every column of the release, typed; see docs/formats/ucdp-ged.md.

    Examples:
        >>> row = GED.read(b"id,year,type_of_violence,side_a,side_b,date_prec,date_start,date_end,best\\n"
        ...                b"1,2020,1,A,B,5,2020-12-31,2020-12-31,3\\n").rows[0]
        >>> row.span
        TimeSpan.parse('2020')
    """

    id: int | None = column("id", INT, required=True, doc="the event's GED id")
    relid: str | None = column("relid", TEXT, doc="UCDP's readable event id")
    year: int | None = column("year", INT, required=True, doc="the event's year")
    active_year: int | None = column("active_year", FLAG, doc="1 if the dyad was active (25+ deaths) that year")
    code_status: str | None = column("code_status", TEXT, doc="the coding status (e.g. Clear)")
    type_of_violence: int | None = column("type_of_violence", code(TYPE_OF_VIOLENCE), required=True,
                                          doc="1 state-based, 2 non-state, 3 one-sided")
    conflict_dset_id: int | None = column("conflict_dset_id", UCDP_ID, doc="the conflict id in UCDP's datasets")
    conflict_new_id: int | None = column("conflict_new_id", UCDP_ID, doc="the UCDP conflict id")
    conflict_name: str | None = column("conflict_name", TEXT, doc="the conflict's name")
    dyad_dset_id: int | None = column("dyad_dset_id", UCDP_ID, doc="the dyad id in UCDP's datasets")
    dyad_new_id: int | None = column("dyad_new_id", UCDP_ID, doc="the UCDP dyad id")
    dyad_name: str | None = column("dyad_name", TEXT, doc="the dyad's name")
    side_a_dset_id: int | None = column("side_a_dset_id", UCDP_ID, doc="side A's actor id in UCDP's datasets")
    side_a_new_id: int | None = column("side_a_new_id", UCDP_ID, doc="side A's UCDP actor id")
    side_a: str | None = column("side_a", TEXT, required=True, doc="side A's name")
    side_b_dset_id: int | None = column("side_b_dset_id", UCDP_ID, doc="side B's actor id in UCDP's datasets")
    side_b_new_id: int | None = column("side_b_new_id", UCDP_ID, doc="side B's UCDP actor id")
    side_b: str | None = column("side_b", TEXT, required=True, doc="side B's name")
    number_of_sources: int | Missing | None = column("number_of_sources", coded_int(),
                                                     doc="how many sources report the event; -1 not recorded")
    source_article: str | None = column("source_article", TEXT, doc="the source articles")
    source_office: str | None = column("source_office", TEXT, doc="the sources' offices")
    source_date: str | None = column("source_date", TEXT, doc="the sources' dates")
    source_headline: str | None = column("source_headline", TEXT, doc="the sources' headlines")
    source_original: str | None = column("source_original", TEXT, doc="the original sources")
    where_prec: int | None = column("where_prec", code(WHERE_PREC), doc="how exactly the coordinates place it")
    where_coordinates: str | None = column("where_coordinates", TEXT, doc="the place the coordinates are of")
    where_description: str | None = column("where_description", TEXT, doc="the place as described")
    adm_1: str | None = column("adm_1", TEXT, doc="first-order administrative unit")
    adm_2: str | None = column("adm_2", TEXT, doc="second-order administrative unit")
    latitude: float | None = column("latitude", LATITUDE, doc="latitude (WGS 84)")
    longitude: float | None = column("longitude", LONGITUDE, doc="longitude (WGS 84)")
    geom_wkt: str | None = column("geom_wkt", TEXT, doc="the point as WKT")
    priogrid_gid: int | None = column("priogrid_gid", INT, doc="the PRIO-GRID cell")
    country: str | None = column("country", TEXT, doc="the country's name")
    country_id: int | None = column("country_id", INT, doc="the country's Gleditsch-Ward number")
    region: str | None = column("region", TEXT, doc="the region's name")
    event_clarity: int | None = column("event_clarity", code(EVENT_CLARITY), doc="1 singled out, 2 aggregated")
    date_prec: int | None = column("date_prec", code(DATE_PREC), required=True,
                                   doc="1 day, 2 2-6 days, 3 week, 4 month, 5 year")
    date_start: dt.date | None = column("date_start", UCDP_DATE, required=True, doc="the earliest possible day")
    date_end: dt.date | None = column("date_end", UCDP_DATE, required=True, doc="the latest possible day")
    deaths_a: int | None = column("deaths_a", COUNT, doc="deaths of side A")
    deaths_b: int | None = column("deaths_b", COUNT, doc="deaths of side B")
    deaths_civilians: int | None = column("deaths_civilians", COUNT, doc="civilian deaths")
    deaths_unknown: int | None = column("deaths_unknown", COUNT, doc="deaths of unknown affiliation")
    best: int | None = column("best", COUNT, required=True, doc="the best estimate: the sum of the four")
    high: int | None = column("high", COUNT, doc="the high estimate")
    low: int | None = column("low", COUNT, doc="the low estimate")
    gwnoa: tuple[int, ...] = column("gwnoa", int_list(";"), doc="side A's Gleditsch-Ward numbers")
    gwnob: tuple[int, ...] = column("gwnob", int_list(";"), doc="side B's Gleditsch-Ward numbers")

    @property
    def span(self) -> TimeSpan:
        """When the event happened, at the precision ``date_prec`` gives (see `ged_span`).

        Examples:
            >>> GedRow().span
            TimeSpan.parse('unknown')
        """
        return ged_span(self.date_start, self.date_end, self.date_prec)


def _check_ged(row: GedRow, report: Report) -> None:
    set_aside = row.source_code("date_start") is not None or row.source_code("date_end") is not None
    for column_name, message in _ged_notes(row.date_start, row.date_end, row.date_prec, set_aside, row.deaths_a,
                                           row.deaths_b, row.deaths_civilians, row.deaths_unknown, row.best, row.low,
                                           row.high):
        report(column_name, message)


def _ged_notes(start: dt.date | None, end: dt.date | None, prec: int | None, dates_set_aside: bool,
               deaths_a: int | None, deaths_b: int | None, deaths_civilians: int | None, deaths_unknown: int | None,
               best: int | None, low: int | None, high: int | None) -> list[tuple[str, str]]:
    """The GED row check on a row's values: ``(column, message)`` for each problem, in the order reported.

    Dates that contradict each other or their code (unless one was set aside, and
    reported, already), a ``best`` other than the sum of its four parts, and a bound on the
    wrong side of ``best``. `GED`'s row check and `cc.read`'s mapping both report these.

    Examples:
        >>> _ged_notes(None, None, 1, False, 1, 2, 0, 0, 4, None, 3)
        [('best', 'best (4) is not deaths_a + deaths_b + deaths_civilians + deaths_unknown (3)'), ('high', 'high (3) is below best (4)')]
    """
    notes: list[tuple[str, str]] = []
    note = _ged_note(start, end, prec)
    if note is not None and not dates_set_aside:  # a set-aside date is reported already
        notes.append(note)
    if best is not None and deaths_a is not None and deaths_b is not None and deaths_civilians is not None and \
            deaths_unknown is not None:
        total = deaths_a + deaths_b + deaths_civilians + deaths_unknown
        if total != best:
            notes.append(("best", f"best ({best}) is not deaths_a + deaths_b + deaths_civilians + deaths_unknown "
                                  f"({total})"))
    notes += _bounds_notes(low, best, high, ("low", "best", "high"))
    return notes


def _check_bounds(report: Report, low: int | None, best: int | None, high: int | None,
                  names: tuple[str, str, str]) -> None:
    for column_name, message in _bounds_notes(low, best, high, names):
        report(column_name, message)


def _bounds_notes(low: int | None, best: int | None, high: int | None,
                  names: tuple[str, str, str]) -> list[tuple[str, str]]:
    notes = []
    if low is not None and best is not None and low > best:
        notes.append((names[0], f"{names[0]} ({low}) is above {names[1]} ({best})"))
    if high is not None and best is not None and high < best:
        notes.append((names[2], f"{names[2]} ({high}) is below {names[1]} ({best})"))
    if low is not None and high is not None and best is None and low > high:
        notes.append((names[0], f"{names[0]} ({low}) is above {names[2]} ({high})"))
    return notes


GED: Final[Format[GedRow]] = Format(name="ucdp-ged", title="UCDP GED", row_type=GedRow, key_columns=("id",),
                                    key=lambda row: None if row.id is None else (row.id,), check=_check_ged)
"""The UCDP Georeferenced Event Dataset: one row per event."""


# -- ACD ------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class AcdRow(Row):
    """One UCDP/PRIO ACD conflict-year: every column of the release, typed; see docs/formats/ucdp-acd.md.

    Examples:
        >>> acd = ACD.read(b"conflict_id;location;side_a;side_b;incompatibility;year;intensity_level;"
        ...                b"type_of_conflict;start_date;start_prec\\r\\n"
        ...                b"210;Russia;Gov;FB;1;1946;1;3;31-12-1944;6\\r\\n")
        >>> acd.rows[0].start_date, acd.rows[0].start
        (Date(1944, 12, 31), TimeSpan.parse('unknown', basis=Basis.INFERRED, reason='start_prec 6 (less precise than a year): the day written, 1944-12-31, is a placeholder'))
    """

    conflict_id: int | None = column("conflict_id", UCDP_ID, required=True, doc="the UCDP conflict id")
    location: str | None = column("location", TEXT, required=True, doc="the countries whose government is a side")
    side_a: str | None = column("side_a", TEXT, required=True, doc="side A's name(s), joined by ', '")
    side_a_id: tuple[int, ...] = column("side_a_id", int_list(", "), doc="side A's UCDP actor id(s)")
    side_a_2nd: str | None = column("side_a_2nd", TEXT, doc="states supporting side A with troops")
    side_b: str | None = column("side_b", TEXT, required=True, doc="side B's name(s), joined by ', '")
    side_b_id: tuple[int, ...] = column("side_b_id", int_list(", "), doc="side B's UCDP actor id(s)")
    side_b_2nd: str | None = column("side_b_2nd", TEXT, doc="states supporting side B with troops")
    incompatibility: int | None = column("incompatibility", code(INCOMPATIBILITY), required=True,
                                         doc="1 territory, 2 government, 3 both")
    territory_name: str | None = column("territory_name", TEXT, doc="the territory contested")
    year: int | None = column("year", INT, required=True, doc="the conflict-year")
    intensity_level: int | None = column("intensity_level", code(INTENSITY_LEVEL), required=True,
                                         doc="1 minor, 2 war")
    cumulative_intensity: int | None = column("cumulative_intensity", FLAG,
                                              doc="1 once the conflict has passed 1,000 deaths")
    type_of_conflict: int | None = column("type_of_conflict", code(TYPE_OF_CONFLICT), required=True,
                                          doc="1 extrasystemic, 2 interstate, 3 intrastate, 4 internationalised")
    start_date: dt.date | None = column("start_date", UCDP_DATE, required=True,
                                        doc="the conflict's first battle-related death")
    start_prec: int | None = column("start_prec", code(ACD_DATE_PREC), required=True,
                                    doc="how exactly start_date is known")
    start_date2: dt.date | None = column("start_date2", UCDP_DATE, doc="the start of the current episode")
    start_prec2: int | None = column("start_prec2", code(ACD_DATE_PREC), doc="how exactly start_date2 is known")
    ep_end: int | None = column("ep_end", FLAG, doc="1 when the episode ended in this year")
    ep_end_date: dt.date | None = column("ep_end_date", UCDP_DATE, doc="the day the episode ended")
    ep_end_prec: int | None = column("ep_end_prec", code(ACD_DATE_PREC), doc="how exactly ep_end_date is known")
    gwno_a: tuple[int, ...] = column("gwno_a", int_list(", "), doc="side A's Gleditsch-Ward numbers")
    gwno_a_2nd: tuple[int, ...] = column("gwno_a_2nd", int_list(", "), doc="side A's supporters' numbers")
    gwno_b: tuple[int, ...] = column("gwno_b", int_list(", "), doc="side B's Gleditsch-Ward numbers")
    gwno_b_2nd: tuple[int, ...] = column("gwno_b_2nd", int_list(", "), doc="side B's supporters' numbers")
    gwno_loc: tuple[int, ...] = column("gwno_loc", int_list(", "), doc="the location's Gleditsch-Ward numbers")
    region: tuple[int, ...] = column("region", int_list(", ", REGION), doc="the region code(s)")
    version: str | None = column("version", RELEASE, doc="the release, normalised (221 -> 22.1)")

    @property
    def start(self) -> TimeSpan:
        """When the conflict started, at the precision ``start_prec`` gives (see `acd_span`).

        Examples:
            >>> AcdRow().start.is_known
            False
        """
        return _acd_reading(self.start_date, self.start_prec, "start_date", "start_prec")[0]

    @property
    def episode_start(self) -> TimeSpan:
        """When the current episode started (``start_date2`` at ``start_prec2``).

        Examples:
            >>> AcdRow().episode_start.is_known
            False
        """
        return _acd_reading(self.start_date2, self.start_prec2, "start_date2", "start_prec2")[0]

    @property
    def episode_end(self) -> TimeSpan:
        """When the episode ended (``ep_end_date`` at ``ep_end_prec``), unknown if not given.

        Examples:
            >>> AcdRow().episode_end.is_known
            False
        """
        return _acd_reading(self.ep_end_date, self.ep_end_prec, "ep_end_date", "ep_end_prec")[0]


def _check_acd(row: AcdRow, report: Report) -> None:
    readings = {}
    for date_column, prec_column in (("start_date", "start_prec"), ("start_date2", "start_prec2"),
                                     ("ep_end_date", "ep_end_prec")):
        span, note = _acd_reading(getattr(row, date_column), getattr(row, prec_column), date_column, prec_column)
        if note is not None:
            report(date_column, note)
        readings[date_column] = span
    _dates.report_order(report, readings["start_date"], readings["start_date2"], "start_date2",
                 "the episode starts ({later}) before the conflict does ({earlier})")
    _dates.report_order(report, readings["start_date2"], readings["ep_end_date"], "ep_end_date",
                 "the episode ends ({later}) before it starts ({earlier})")


ACD: Final[Format[AcdRow]] = Format(name="ucdp-acd", title="UCDP/PRIO ACD", row_type=AcdRow,
                                    key_columns=("conflict_id", "year"),
                                    key=lambda row: None if row.conflict_id is None or row.year is None
                                    else (row.conflict_id, row.year),
                                    check=_check_acd)
"""The UCDP/PRIO Armed Conflict Dataset: one row per conflict-year."""


# -- BRD ------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class BrdRow(Row):
    """One UCDP BRD dyad-year (or conflict-year, in the conflict-level file); see docs/formats/ucdp-brd.md.

    Examples:
        >>> brd = BRD.read("\\ufeffconflict_id,dyad_id,side_a,side_b,year,bd_best,battle_location,version\\n"
        ...                "401,852,G,C,2002,1289,\\"Russia (Soviet Union), Georgia\\",221\\n".encode())
        >>> brd.rows[0].battle_location, brd.rows[0].version, brd.layout.bom
        (('Russia (Soviet Union)', 'Georgia'), '22.1', True)
    """

    conflict_id: int | None = column("conflict_id", UCDP_ID, required=True, doc="the UCDP conflict id")
    dyad_id: int | None = column("dyad_id", UCDP_ID, doc="the UCDP dyad id (absent in the conflict-level file)")
    location_inc: str | None = column("location_inc", TEXT, doc="the countries of the incompatibility")
    side_a: str | None = column("side_a", TEXT, required=True, doc="side A's name(s)")
    side_a_id: tuple[int, ...] = column("side_a_id", int_list(", "), doc="side A's UCDP actor id(s)")
    side_a_2nd: str | None = column("side_a_2nd", TEXT, doc="states supporting side A with troops")
    side_b: str | None = column("side_b", TEXT, required=True, doc="side B's name(s)")
    side_b_id: tuple[int, ...] = column("side_b_id", int_list(", "), doc="side B's UCDP actor id(s)")
    side_b_2nd: str | None = column("side_b_2nd", TEXT, doc="states supporting side B with troops")
    incompatibility: int | None = column("incompatibility", code(INCOMPATIBILITY), doc="1 territory, 2 government, "
                                                                                        "3 both")
    territory_name: str | None = column("territory_name", TEXT, doc="the territory contested")
    year: int | None = column("year", INT, required=True, doc="the year")
    bd_best: int | None = column("bd_best", COUNT, required=True, doc="battle-related deaths, best estimate")
    bd_low: int | None = column("bd_low", COUNT, doc="battle-related deaths, low estimate")
    bd_high: int | None = column("bd_high", COUNT, doc="battle-related deaths, high estimate")
    type_of_conflict: int | None = column("type_of_conflict", code(TYPE_OF_CONFLICT), doc="1-4, as in ACD")
    battle_location: tuple[str, ...] = column("battle_location", text_list(", "), doc="the countries fought in")
    gwno_a: tuple[int, ...] = column("gwno_a", int_list(", "), doc="side A's Gleditsch-Ward numbers")
    gwno_a_2nd: tuple[int, ...] = column("gwno_a_2nd", int_list(", "), doc="side A's supporters' numbers")
    gwno_b: tuple[int, ...] = column("gwno_b", int_list(", "), doc="side B's Gleditsch-Ward numbers")
    gwno_b_2nd: tuple[int, ...] = column("gwno_b_2nd", int_list(", "), doc="side B's supporters' numbers")
    gwno_loc: tuple[int, ...] = column("gwno_loc", int_list(", "), doc="the location's Gleditsch-Ward numbers")
    gwno_battle: tuple[int, ...] = column("gwno_battle", int_list(", "), doc="the battle countries' numbers")
    region: tuple[int, ...] = column("region", int_list(", ", REGION), doc="the region code(s)")
    version: str | None = column("version", RELEASE, doc="the release, normalised (221 -> 22.1)")


def _check_brd(row: BrdRow, report: Report) -> None:
    _check_bounds(report, row.bd_low, row.bd_best, row.bd_high, ("bd_low", "bd_best", "bd_high"))


BRD: Final[Format[BrdRow]] = Format(name="ucdp-brd", title="UCDP BRD", row_type=BrdRow,
                                    key_columns=("conflict_id", "dyad_id", "year"),
                                    key=lambda row: None if row.conflict_id is None or row.year is None
                                    else (row.conflict_id, row.dyad_id, row.year),
                                    check=_check_brd)
"""UCDP Battle-Related Deaths: one row per dyad-year (or conflict-year)."""
