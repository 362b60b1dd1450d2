"""The ETH/PRIO Civil Conflict Ceasefire data: one row per ceasefire and actor.

Credit: Clayton, Govinda, et al. (2022), "Introducing the ETH/PRIO Civil Conflict
Ceasefire Dataset", *Journal of Conflict Resolution*, DOI 10.1177/00220027221129195.
Licence: research use with citation; check the terms before redistributing any rows.

`CEASEFIRES` reads a file into `CeasefireRow` records. One ceasefire is several rows (one
per actor), and ``cf_id`` is numbered per country code ``cc``: `CeasefireRow.ceasefire_key`
(``uniq_id``, or ``cc`` with ``cf_id``) identifies the ceasefire, and `group_ceasefires`
gathers its rows. Dates are split into year, month and day, where ``-1`` means unknown and
``0`` not applicable or open; `parts_span` turns them into a `TimeSpan` of the precision
given, or ``None`` for a date that does not apply (a ceasefire that has not ended).
"""

# ruff: noqa: RUF009 - `column(...)` is an attrs field specifier (it returns attrs.field), not a shared default

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

import attrs

from caucasus_conflict.errors import TimeSpanError
from caucasus_conflict.timespan import TimeSpan

from . import _dates
from ._rows import Format, Report, Row, column
from ._values import INT, TEXT, Missing, code, coded_int, int_list

__all__ = [
    "CEASEFIRES",
    "CEASEFIRE_CLASS",
    "ENFORCEMENT",
    "IMPLEMENT",
    "MEDIATOR_NEGO",
    "SIDE",
    "WRITTEN",
    "CeasefireRow",
    "group_ceasefires",
    "parts_span",
]

# Codes from formats.md's third-party lookup: to check in the codebook.
CEASEFIRE_CLASS: Final = {1: "cessation", 2: "cessation with compliance", 3: "definitive"}
"""``ceasefire_class``."""
MEDIATOR_NEGO: Final = {-1: "unclear", 0: "no", 1: "yes"}
"""``mediator_nego``: whether a mediator negotiated the ceasefire."""
IMPLEMENT: Final = {0: "no mechanism", 1: "mechanism agreed"}
"""``implement``: whether an implementation mechanism was agreed."""
ENFORCEMENT: Final = {0: "none", 1: "external", 2: "international organisation"}
"""``enforcement``: who enforces the ceasefire."""
WRITTEN: Final = {-1: "unclear", 0: "not written", 1: "written", 2: "written (code 2; see the codebook)"}
"""``written``: whether the ceasefire was written down."""
SIDE: Final = {1: "unilateral", 2: "bilateral", 3: "multilateral"}
"""``side``, as it appears to be coded (not enforced on reading: check the codebook)."""

_PART: Final = coded_int(open_code=True, minimum=1)
_LINKS: Final = tuple(f"link_id{number}" for number in range(1, 36))


def _parts_reading(columns: tuple[str, str, str], year: int | Missing | None, month: int | Missing | None,
                   day: int | Missing | None) -> tuple[TimeSpan | None, tuple[str, str] | None]:
    year_column, month_column, day_column = columns
    not_applicable = Missing.NOT_APPLICABLE
    if year is not_applicable:
        if all(part in (None, not_applicable) for part in (month, day)):
            return None, None
        given = month_column if month not in (None, not_applicable) else day_column
        return None, (given, f"{given} is given but {year_column} is 0 (not applicable)")
    if not isinstance(year, int):
        known = [name for name, part in ((month_column, month), (day_column, day)) if isinstance(part, int)]
        return TimeSpan.unknown(), ((known[0], f"{known[0]} is given but the year is unknown") if known else None)
    try:
        year_span = TimeSpan.year(year)
    except TimeSpanError:
        return TimeSpan.unknown(), (year_column, f"{year_column} {year} is not a year from 1 to 9999")
    if not isinstance(month, int):
        if month is not_applicable:
            return year_span, (month_column, f"{month_column} is 0 (not applicable) but the year is given")
        if isinstance(day, int):
            return year_span, (day_column, f"{day_column} is given but the month is unknown")
        return year_span, None
    if not 1 <= month <= 12:
        return year_span, (month_column, f"{month_column} {month} is not a month from 1 to 12")
    month_span = TimeSpan.month(year, month)
    if not isinstance(day, int):
        if day is not_applicable:
            return month_span, (day_column, f"{day_column} is 0 (not applicable) but the month is given")
        return month_span, None
    try:
        return TimeSpan.day(year, month, day), None
    except TimeSpanError:
        return month_span, (day_column, f"no such day: {year:04d}-{month:02d}-{day:02d}")


def parts_span(year: int | Missing | None, month: int | Missing | None, day: int | Missing | None) -> TimeSpan | None:
    """Return the `TimeSpan` of a date split into year, month and day, or ``None`` if it does not apply.

    ``Missing.UNKNOWN`` (``-1``) or a blank part is unknown: the span is as precise as the
    parts known (a year, a month or a day). ``Missing.NOT_APPLICABLE`` (``0``) for the year
    means the date does not apply or is still open: ``None``.

    Examples:
        >>> parts_span(1994, 5, 12)
        TimeSpan.parse('1994-05-12')
        >>> parts_span(1994, 5, Missing.UNKNOWN)
        TimeSpan.parse('1994-05')
        >>> parts_span(Missing.NOT_APPLICABLE, Missing.NOT_APPLICABLE, Missing.NOT_APPLICABLE) is None
        True
    """
    return _parts_reading(("year", "month", "day"), year, month, day)[0]


@attrs.frozen(kw_only=True)
class CeasefireRow(Row):
    """One actor's row of an ETH/PRIO ceasefire; see docs/formats/ethprio.md.

    Examples:
        >>> rows = CEASEFIRES.read(b"cc,cf_id,uniq_id,cf_dec_yr,cf_dec_month,cf_dec_day,end_yr,end_month,end_day\\n"
        ...                        b"373,4,812,1994,5,-1,0,0,0\\n").rows
        >>> rows[0].declared, rows[0].end, rows[0].ceasefire_key
        (TimeSpan.parse('1994-05'), None, '812')
    """

    cc: str | None = column("cc", TEXT, required=True, doc="the country code the ceasefire is numbered under")
    cf_id: int | None = column("cf_id", INT, required=True, doc="the ceasefire's number within cc")
    uniq_id: str | None = column("uniq_id", TEXT, doc="the ceasefire's id across the data set")
    location: str | None = column("location", TEXT, doc="the country")
    region: str | None = column("region", TEXT, doc="the region")
    link: str | None = column("link", TEXT, doc="a link between ceasefires")
    ucdp_actor_id: tuple[int, ...] = column("ucdp_actor_id", int_list(", "), doc="the actor's UCDP id")
    actor_name: str | None = column("actor_name", TEXT, doc="the actor's name")
    ucdp_acd_id: tuple[int, ...] = column("ucdp_acd_id", int_list(", "), doc="the UCDP conflict id")
    ucdp_dyad: tuple[int, ...] = column("ucdp_dyad", int_list(", "), doc="the UCDP dyad id")
    pax_id: tuple[int, ...] = column("pax_id", int_list(", "), doc="the PA-X AgtId, where the coders linked one")
    cf_dec_yr: int | Missing | None = column("cf_dec_yr", _PART, required=True, doc="year declared")
    cf_dec_month: int | Missing | None = column("cf_dec_month", _PART, required=True, doc="month declared")
    cf_dec_day: int | Missing | None = column("cf_dec_day", _PART, required=True, doc="day declared")
    cf_effect_yr: int | Missing | None = column("cf_effect_yr", _PART, doc="year in effect")
    cf_effect_month: int | Missing | None = column("cf_effect_month", _PART, doc="month in effect")
    cf_effect_day: int | Missing | None = column("cf_effect_day", _PART, doc="day in effect")
    evidence_onset: str | None = column("evidence_onset", TEXT, doc="evidence for the onset")
    side: int | None = column("side", INT, doc="1 unilateral, 2 bilateral, 3 multilateral (as it appears)")
    partial: int | None = column("partial", INT, doc="whether the ceasefire is partial")
    written: int | None = column("written", code(WRITTEN), doc="-1 unclear, 0 no, 1 and 2 written")
    fixed: int | None = column("fixed", INT, doc="whether it runs for a fixed time")
    fixed_time: str | None = column("fixed_time", TEXT, doc="the fixed time")
    nsa_frac: int | None = column("nsa_frac", INT, doc="whether the non-state actor is fractionalised (per actor)")
    p_humanitarian: int | None = column("p_humanitarian", INT, doc="purpose: humanitarian")
    p_peaceprocess: int | None = column("p_peaceprocess", INT, doc="purpose: peace process")
    p_holiday: int | None = column("p_holiday", INT, doc="purpose: a holiday")
    p_election: int | None = column("p_election", INT, doc="purpose: an election")
    p_other: int | None = column("p_other", INT, doc="purpose: other")
    p_other_comment: str | None = column("p_other_comment", TEXT, doc="the other purpose")
    p_unclear: int | None = column("p_unclear", INT, doc="purpose: unclear")
    ceasefire_class: int | None = column("ceasefire_class", code(CEASEFIRE_CLASS),
                                         doc="1 cessation, 2 with compliance, 3 definitive")
    timing: int | None = column("timing", INT, doc="timing (see the codebook)")
    cf_pp: int | None = column("cf_pp", INT, doc="whether part of a peace process")
    mediator_nego: int | None = column("mediator_nego", code(MEDIATOR_NEGO), doc="-1 unclear, 0 no, 1 yes")
    mediator_send: str | None = column("mediator_send", TEXT, doc="the mediators, free text")
    implement: int | None = column("implement", code(IMPLEMENT), doc="0 no mechanism, 1 mechanism agreed")
    enforcement: int | None = column("enforcement", code(ENFORCEMENT), doc="0 none, 1 external, 2 an IO")
    ddr: int | None = column("ddr", INT, doc="whether it provides for DDR")
    splinter: int | None = column("splinter", INT, doc="whether the actor is a splinter (per actor)")
    ended: int | None = column("ended", INT, doc="whether (how) it ended (see the codebook)")
    end_yr: int | Missing | None = column("end_yr", _PART, doc="year ended; 0 open")
    end_month: int | Missing | None = column("end_month", _PART, doc="month ended")
    end_day: int | Missing | None = column("end_day", _PART, doc="day ended")
    evidence_end: str | None = column("evidence_end", TEXT, doc="evidence for the end")
    comment: str | None = column("comment", TEXT, doc="the coders' comment")
    factivia_source: str | None = column("factivia_source", TEXT, doc="the Factiva source")
    factivia_page: str | None = column("factivia_page", TEXT, doc="the Factiva page")
    truce: int | None = column("truce", INT, doc="whether it is a truce")
    recentadditions: str | None = column("recentadditions", TEXT, doc="recent additions")
    coder: str | None = column("coder", TEXT, doc="the coder")
    id: int | None = column("id", INT, doc="the row's number")

    @property
    def ceasefire_key(self) -> str | None:
        """The ceasefire's identity: ``uniq_id``, else ``"cc-cf_id"`` (``cf_id`` alone repeats across countries).

        Examples:
            >>> CeasefireRow(cc="373", cf_id=4).ceasefire_key
            '373-4'
        """
        if self.uniq_id is not None:
            return self.uniq_id
        if self.cc is None or self.cf_id is None:
            return None
        return f"{self.cc}-{self.cf_id}"

    @property
    def declared(self) -> TimeSpan | None:
        """When the ceasefire was declared (see `parts_span`).

        Examples:
            >>> CeasefireRow(cf_dec_yr=2020, cf_dec_month=11, cf_dec_day=10).declared
            TimeSpan.parse('2020-11-10')
        """
        return parts_span(self.cf_dec_yr, self.cf_dec_month, self.cf_dec_day)

    @property
    def effective(self) -> TimeSpan | None:
        """When the ceasefire took effect (see `parts_span`).

        Examples:
            >>> CeasefireRow().effective
            TimeSpan.parse('unknown')
        """
        return parts_span(self.cf_effect_yr, self.cf_effect_month, self.cf_effect_day)

    @property
    def end(self) -> TimeSpan | None:
        """When the ceasefire ended; ``None`` when the source codes it as not applicable or open.

        Examples:
            >>> CeasefireRow(end_yr=Missing.NOT_APPLICABLE).end is None
            True
        """
        return parts_span(self.end_yr, self.end_month, self.end_day)


_DATES: Final = (("cf_dec_yr", "cf_dec_month", "cf_dec_day"), ("cf_effect_yr", "cf_effect_month", "cf_effect_day"),
                 ("end_yr", "end_month", "end_day"))


def _check(row: CeasefireRow, report: Report) -> None:
    spans = []
    for columns in _DATES:
        span, note = _parts_reading(columns, *(getattr(row, name) for name in columns))
        if note is not None:
            report(*note)
        spans.append(span)
    declared, effective, end = spans
    if declared is not None and effective is not None:
        _dates.report_order(report, declared, effective, "cf_effect_yr", "the ceasefire takes effect ({later}) before it "
                                                                  "is declared ({earlier})")
    start = effective if effective is not None and effective.is_known else declared
    if start is not None and end is not None:
        _dates.report_order(report, start, end, "end_yr", "the ceasefire ends ({later}) before it starts ({earlier})")


def group_ceasefires(rows: Iterable[CeasefireRow]) -> dict[str, tuple[CeasefireRow, ...]]:
    """Gather the rows of each ceasefire (one per actor) under its `CeasefireRow.ceasefire_key`, in file order.

    Rows without a key (no ``uniq_id``, and ``cc`` or ``cf_id`` blank) are left out.

    Examples:
        >>> rows = [CeasefireRow(cc="373", cf_id=1, actor_name="A"), CeasefireRow(cc="371", cf_id=1),
        ...         CeasefireRow(cc="373", cf_id=1, actor_name="B")]
        >>> {key: len(group) for key, group in group_ceasefires(rows).items()}
        {'373-1': 2, '371-1': 1}
    """
    groups: dict[str, list[CeasefireRow]] = {}
    for row in rows:
        key = row.ceasefire_key
        if key is not None:
            groups.setdefault(key, []).append(row)
    return {key: tuple(group) for key, group in groups.items()}


_ORDER: Final = tuple(
    name for spec_name in (
        "cc", "cf_id", "uniq_id", "location", "region", "link", "ucdp_actor_id", "actor_name", "ucdp_acd_id",
        "ucdp_dyad", "pax_id", "cf_dec_yr", "cf_dec_month", "cf_dec_day", "cf_effect_yr", "cf_effect_month",
        "cf_effect_day", "evidence_onset", "side", "partial", "written", "fixed", "fixed_time", "nsa_frac",
        "p_humanitarian", "p_peaceprocess", "p_holiday", "p_election", "p_other", "p_other_comment", "p_unclear",
        "ceasefire_class", "timing", "cf_pp", "mediator_nego", "mediator_send", "implement", "enforcement", "ddr",
        "splinter", "ended", "end_yr", "end_month", "end_day", "evidence_end", "comment", "factivia_source",
        "factivia_page", "truce", "recentadditions", "LINKS", "coder", "id",
    )
    for name in (_LINKS if spec_name == "LINKS" else (spec_name,))
)

CEASEFIRES: Final[Format[CeasefireRow]] = Format(
    name="ethprio-ceasefires", title="ETH/PRIO ceasefires", row_type=CeasefireRow,
    key_columns=("cc", "cf_id", "actor_name"),
    key=lambda row: None if row.cc is None or row.cf_id is None or row.actor_name is None
    else (row.cc, row.cf_id, row.actor_name),
    check=_check, order=_ORDER,
)
"""The ETH/PRIO Civil Conflict Ceasefire data; ``link_id1`` … ``link_id35`` are kept as source codes."""
