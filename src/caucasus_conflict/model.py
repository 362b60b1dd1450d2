"""The domain model: frozen, slotted attrs records and the value types they are built from.

Records refer to each other by typed id (`ActorId`, `TerritoryId`, …); a
`Dataset` resolves the ids and checks that every one of them
exists. Collections are tuples, so every record is immutable and hashable.

Every field is checked when a record is built (also by `attrs.evolve`): its type, from
its annotation (`caucasus_conflict._validators` lists the rules: ids are printable
strings without surrounding spaces, text is valid Unicode, counts are integers, …),
then its value. A wrong type raises `RecordTypeError` (a ``TypeError``), an impossible
value `RecordError` (a ``ValueError``); both carry the field as ``.field`` and have
attrs-style messages such as ``'killed' must be >= 0 (got -3)``. Names (``name``,
``aliases``, ``title``, ``publisher``) are stored in Unicode normal form C.

Every record carries at least one `Citation`: the source and the numbered block(s)
of it that support the record.
"""

# No ``from __future__ import annotations``: `check_fields` reads each field's type from
# its annotation when the class is made, so annotations must be real types.
import re
import types
from collections.abc import Callable
from typing import Any, NewType, TypeAlias, TypeVar

import attrs
from attrs import field

from ._validators import (
    check_fields,
    id_text,
    id_text_items,
    is_text,
    nfc,
    nfc_items,
    non_empty,
    non_empty_items,
    non_negative,
    unique_items,
)
from .errors import RecordError
from .kinds import (
    LOCATION_PRECISION,
    ActorKind,
    CasualtyGroup,
    ConflictType,
    ControlExtent,
    EventKind,
    Incompatibility,
    Intensity,
    LegalStatusKind,
    Medium,
    Precision,
    Role,
    Side,
    SourceKind,
    StanceKind,
    TerritoryKind,
)
from .timespan import TimeSpan, _format_end

__all__ = [
    "Actor",
    "ActorId",
    "Casualties",
    "Ceasefire",
    "CeasefireId",
    "Citation",
    "Claim",
    "ClaimId",
    "Conflict",
    "ConflictId",
    "ConflictYear",
    "ControlPeriod",
    "Count",
    "Dyad",
    "DyadId",
    "DyadYear",
    "Episode",
    "Event",
    "EventId",
    "ExternalId",
    "LegalStatus",
    "Location",
    "Membership",
    "NameUsed",
    "Participant",
    "Population",
    "Provision",
    "Record",
    "RoleHeld",
    "Source",
    "SourceCodes",
    "SourceId",
    "Stance",
    "StanceId",
    "Territory",
    "TerritoryId",
]

SourceId = NewType("SourceId", str)
"""The id of a `Source`."""
ActorId = NewType("ActorId", str)
"""The id of an `Actor`."""
TerritoryId = NewType("TerritoryId", str)
"""The id of a `Territory`."""
EventId = NewType("EventId", str)
"""The id of an `Event`."""
CeasefireId = NewType("CeasefireId", str)
"""The id of a `Ceasefire`."""
ClaimId = NewType("ClaimId", str)
"""The id of a `Claim`."""
StanceId = NewType("StanceId", str)
"""The id of a `Stance`."""
ConflictId = NewType("ConflictId", str)
"""The id of a `Conflict`."""
DyadId = NewType("DyadId", str)
"""The id of a `Dyad`."""

_UNKNOWN = TimeSpan.unknown()


def _blocks(instance: object, attribute: "attrs.Attribute[tuple[int, ...]]", value: tuple[int, ...]) -> None:
    for index, block in enumerate(value):
        if block < 1:
            raise RecordError("blocks", "be >= 1", block, index=index,
                              message=f"'blocks' must be >= 1 (got {block})")
    unique_items(instance, attribute, value)


def _optional_at_least_one(instance: object, attribute: "attrs.Attribute[int | None]", value: int | None) -> None:
    if value is not None and value < 1:
        raise RecordError(attribute.name, "be >= 1", value)


_SHA256 = re.compile(r"[0-9a-f]{64}")


def _sha256(instance: object, attribute: "attrs.Attribute[str | None]", value: str | None) -> None:
    if value is not None and not _SHA256.fullmatch(value):
        raise RecordError("sha256", "be 64 lower-case hexadecimal digits", value)


def _rows(instance: object, attribute: "attrs.Attribute[tuple[int, ...]]", value: tuple[int, ...]) -> None:
    for index, row in enumerate(value):
        if row < 1:
            raise RecordError("rows", "be >= 1", row, index=index, message=f"'rows' must be >= 1 (got {row})")
    unique_items(instance, attribute, value)


# -- external ids ------------------------------------------------------------------------


_SCHEME = re.compile(r"[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*")


def _scheme(instance: object, attribute: "attrs.Attribute[str]", value: str) -> None:
    if not _SCHEME.fullmatch(value):
        raise RecordError("scheme", "be lower-case letters and digits, words joined by '-', '_' or '.' "
                          "(such as 'gwno' or 'ucdp-actor')", value)


@attrs.frozen(field_transformer=check_fields)
class ExternalId:
    """An identifier of the same record in another data set: a ``scheme`` and a ``value``.

    ``scheme`` names the code list (``"gwno"``, ``"iso3"``, ``"ucdp-actor"``, ``"pax"``; the
    model page lists the ones in use) in lower case; ``value`` is the code as that data set
    writes it, kept as text (``"373"``, not ``373``), so leading zeros and letters survive,
    and checked like an id (printable, no surrounding space).
    Within one record type, a (scheme, value) pair belongs to one record at most:
    `Dataset.by_external_id` finds it.

    Examples:
        >>> ExternalId("iso3", "AZE").value
        'AZE'
        >>> ExternalId("UCDP", "64")
        Traceback (most recent call last):
        caucasus_conflict.errors.RecordError: 'scheme' must be lower-case letters and digits, words joined by '-', '_' or '.' (such as 'gwno' or 'ucdp-actor') (got 'UCDP')
    """

    scheme: str = field(validator=_scheme)
    value: str = field(validator=id_text)


def _same_length(instance: "SourceCodes", attribute: "attrs.Attribute[tuple[str, ...]]", value: tuple[str, ...]) -> None:
    if len(value) != len(instance.columns):
        raise RecordError("values", f"hold one value per column ({len(instance.columns)})", value,
                          message=f"'values' must hold one value per column: {len(instance.columns)} column(s), "
                                  f"{len(value)} value(s)")


_CHECKED_COLUMNS: dict[tuple[str, ...], tuple[str, ...]] = {}  # columns tuples SourceCodes accepted
_CHECKED_SCHEMES: set[str] = set()


@attrs.frozen(field_transformer=check_fields)
class SourceCodes:
    """The coded columns of a source's row that the model does not map, as the source wrote them.

    A reader keeps them so that nothing of a row is lost and a writer can give them back:
    UCDP GED's ``where_prec`` or ``event_clarity``, ETH/PRIO's ``ceasefire_class``. ``scheme``
    names the format (``"ucdp-ged"``), ``columns`` the columns in the file's order, and
    ``values`` the text of each cell, unparsed (``"-1"`` stays ``"-1"``). One record may
    carry the codes of several formats after `Dataset.merge`, one `SourceCodes` each.

    Examples:
        >>> codes = SourceCodes("ucdp-ged", ("where_prec", "event_clarity"), ("1", "2"))
        >>> codes.get("where_prec"), codes.get("priogrid_gid")
        ('1', None)
        >>> dict(codes.items())
        {'where_prec': '1', 'event_clarity': '2'}
        >>> SourceCodes("ucdp-ged", ("where_prec",), ())
        Traceback (most recent call last):
        caucasus_conflict.errors.RecordError: 'values' must hold one value per column: 1 column(s), 0 value(s)
    """

    scheme: str = field(validator=_scheme)
    columns: tuple[str, ...] = field(validator=[non_empty, non_empty_items, unique_items])
    values: tuple[str, ...] = field(validator=_same_length)

    @classmethod
    def _of_row(cls, scheme: str, columns: tuple[str, ...], values: tuple[str, ...]) -> "SourceCodes":
        """The codes of one row a reader read, checking the columns tuple once for all rows that share it.

        A reader keeps the same columns for every row of a file; checking them (and the
        scheme) again per row would make a large file slow. The values are checked as the
        constructor checks them (text UTF-8 can encode, one per column); anything unusual
        goes through the constructor, so both paths accept and refuse the same codes.
        """
        checked = _CHECKED_COLUMNS.get(columns)
        if checked is not columns or scheme not in _CHECKED_SCHEMES or len(values) != len(columns) \
                or not all(map(is_text, values)):
            codes = cls(scheme, columns, values)
            if len(_CHECKED_COLUMNS) < 1024:
                _CHECKED_COLUMNS.setdefault(columns, columns)
                _CHECKED_SCHEMES.add(scheme)
            return codes
        codes = object.__new__(cls)
        object.__setattr__(codes, "scheme", scheme)
        object.__setattr__(codes, "columns", columns)
        object.__setattr__(codes, "values", values)
        return codes

    def get(self, column: str, default: str | None = None) -> str | None:
        """The value written in *column*, or *default* when the row kept no such column.

        Examples:
            >>> SourceCodes("acled", ("inter1",), ("1",)).get("inter1")
            '1'
        """
        try:
            return self.values[self.columns.index(column)]
        except ValueError:
            return default

    def items(self) -> tuple[tuple[str, str], ...]:
        """The (column, value) pairs in the file's order.

        Examples:
            >>> SourceCodes("acled", ("inter1", "inter2"), ("1", "8")).items()
            (('inter1', '1'), ('inter2', '8'))
        """
        return tuple(zip(self.columns, self.values, strict=True))


def _closed_end(instance: object, attribute: "attrs.Attribute[TimeSpan | None]", value: TimeSpan | None) -> None:
    # A data file's coverage sets its horizon, so it needs a last day (#14).
    if value is not None and value.last_day is None:
        raise RecordError(attribute.name, "have a last day", value,
                          message=f"{attribute.name!r} must have a last day (got {value.format()!r}); "
                                  "give the last period the source covers, or leave it out")


# -- sources and citations ---------------------------------------------------------------


@attrs.frozen(kw_only=True, field_transformer=check_fields)
class Source:
    """A document or data file the data set is drawn from, with the credit its publisher asks for.

    A source is an article (``kind`` `SourceKind.ARTICLE`, the default: numbered blocks,
    which citations name) or a data file (`SourceKind.DATA_FILE`: a release of a published
    data set, whose rows citations name by line and by the format's own row id).

    Attributes:
        id: Stable id that citations point at.
        title: The document's or data set's title.
        publisher: Who published it.
        url: Where it was published.
        published: When it was published (a data file: its release date), at the precision known.
        credit: The credit line to show wherever the data is used.
        kind: An article or a data file.
        blocks: An article's number of numbered blocks (paragraphs); citations may point
            at blocks ``1..blocks``. Required for an article; ``None`` for a data file.
        release: A data file's release or version as its publisher names it (``"23.1"``).
        licence: The licence the data is published under (``"CC BY 4.0"``).
        file_name: The name of the file that was read.
        sha256: The SHA-256 of that file, as 64 lower-case hex digits, so that a reader can
            tell whether they hold the same bytes.
        coverage: The period a data file covers (UCDP GED 23.1: ``1989/2022``); its end
            sets `horizon`: a release of 2024 may cover events up to the end of 2023.
        external_ids: The same document in other schemes (a ``doi``, say).
        source_codes: Coded columns of a source that the model does not map (`SourceCodes`).
        note: How the metadata was established, where it needs saying.

    Examples:
        >>> src = Source(id=SourceId("doc"), title="T", publisher="P", url="https://example.org",
        ...              published=TimeSpan.parse("2023-09"), credit="(c) P", blocks=3)
        >>> src.blocks
        3
        >>> ged = Source(id=SourceId("ged-23-1"), kind=SourceKind.DATA_FILE, title="UCDP GED",
        ...              publisher="UCDP", url="https://ucdp.uu.se/downloads/", credit="UCDP GED 23.1",
        ...              published=TimeSpan.parse("2023-06"), release="23.1", licence="CC BY 4.0",
        ...              coverage=TimeSpan.parse("1989/2022"))
        >>> ged.kind, ged.blocks
        (<SourceKind.DATA_FILE: 'data_file'>, None)
    """

    id: SourceId
    title: str = field(converter=nfc, validator=non_empty)
    publisher: str = field(converter=nfc, validator=non_empty)
    url: str = field(validator=non_empty)
    published: TimeSpan
    credit: str = field(validator=non_empty)
    kind: SourceKind = SourceKind.ARTICLE
    blocks: int | None = field(default=None, validator=_optional_at_least_one)
    release: str | None = field(default=None, validator=non_empty)
    licence: str | None = field(default=None, validator=non_empty)
    file_name: str | None = field(default=None, validator=non_empty)
    sha256: str | None = field(default=None, validator=_sha256)
    coverage: TimeSpan | None = field(default=None, validator=_closed_end)
    external_ids: tuple[ExternalId, ...] = ()
    source_codes: tuple[SourceCodes, ...] = ()
    note: str | None = field(default=None, validator=non_empty)

    @property
    def horizon(self) -> TimeSpan | None:
        """The knowledge horizon: the source knows nothing after this span's last day.

        It is the end of `coverage` where given, else `published`, cut to its end when that is
        a range (so ``../2023-09`` gives ``2023-09``), keeping its basis. ``None`` when that
        date has no last day (unknown, or open-ended): the source's horizon is not known,
        and its open-ended records are taken as they stand. Issue #14.

        Added in 0.2.

        Examples:
            >>> src = Source(id=SourceId("doc"), title="T", publisher="P", url="https://example.org",
            ...              published=TimeSpan.parse("2023-09"), credit="(c) P", blocks=3)
            >>> src.horizon.format(), src.horizon.last_day
            ('2023-09', Date(2023, 9, 30))
            >>> attrs.evolve(src, coverage=TimeSpan.parse("1989/2022")).horizon
            TimeSpan.parse('2022')
            >>> attrs.evolve(src, coverage=TimeSpan.parse("2022/.."))
            Traceback (most recent call last):
            caucasus_conflict.errors.RecordError: 'coverage' must have a last day (got '2022/..'); give the last period the source covers, or leave it out
        """
        span = self.coverage if self.coverage is not None else self.published
        day = span.last_day
        if day is None:
            return None
        if span.precision is not Precision.RANGE:
            return span
        return TimeSpan.parse(_format_end(day), basis=span.basis, reason=span.reason)

    def __attrs_post_init__(self) -> None:
        if self.kind is SourceKind.ARTICLE and self.blocks is None:
            raise RecordError("blocks", "be given for an article (how many numbered blocks it has)", None,
                              message="'blocks' must be given for an article: how many numbered blocks it has")
        if self.kind is SourceKind.DATA_FILE and self.blocks is not None:
            raise RecordError("blocks", "be left out for a data file", self.blocks,
                              message=f"'blocks' must be left out for a data file, whose citations name rows "
                                      f"(got {self.blocks})")


@attrs.frozen(field_transformer=check_fields)
class Citation:
    """The part of a source that supports a record: blocks of an article, or rows of a data file.

    A citation of an article names its numbered ``blocks``; ``quote`` keeps quoted words.
    A citation of a data file names ``rows``, the line numbers in the file (the header is
    line 1, as an editor counts them), and ``row_ids``, the format's own ids of those rows
    (a GED ``id``, a PA-X ``AgtId``), or either alone. A `Dataset` checks that blocks cite
    an article and rows a data file.

    Examples:
        >>> Citation(SourceId("gdc"), (12, 14)).blocks
        (12, 14)
        >>> Citation(SourceId("ged-23-1"), rows=(2,), row_ids=("1648",)).rows
        (2,)
        >>> Citation(SourceId("gdc"), ())
        Traceback (most recent call last):
        caucasus_conflict.errors.RecordError: 'blocks' must name at least one block (got ()); a citation of a data file names 'rows' or 'row_ids' instead
    """

    source_id: SourceId
    blocks: tuple[int, ...] = field(default=(), validator=_blocks)
    quote: str | None = field(default=None, kw_only=True, validator=non_empty)
    rows: tuple[int, ...] = field(default=(), kw_only=True, validator=_rows)
    row_ids: tuple[str, ...] = field(default=(), kw_only=True, validator=[id_text_items, unique_items])

    def __attrs_post_init__(self) -> None:
        cites_rows = bool(self.rows or self.row_ids)
        if not self.blocks and not cites_rows:
            raise RecordError("blocks", "name at least one block", self.blocks,
                              message=f"'blocks' must name at least one block (got {self.blocks!r}); a citation "
                                      "of a data file names 'rows' or 'row_ids' instead")
        if self.blocks and cites_rows:
            raise RecordError("rows", "not be given with blocks", self.rows or self.row_ids,
                              message="a citation names blocks of an article or rows of a data file, not both "
                                      f"(got blocks {self.blocks!r} and rows {self.rows!r}, "
                                      f"row_ids {self.row_ids!r})")


# -- small value types ------------------------------------------------------------------




@attrs.frozen(field_transformer=check_fields)
class Count:
    """A reported number with optional bounds, in UCDP's low / best / high shape.

    ``reported_as`` keeps how the source phrased it (e.g. ``"more than 7,000"``, stored
    as ``low=7000``). At least one of the three numbers is given, and
    ``low <= best <= high``.

    Examples:
        >>> Count(best=25).best
        25
        >>> Count(low=10, best=5)
        Traceback (most recent call last):
        caucasus_conflict.errors.RecordError: 'low' must be <= 'best' (got low=10, best=5)
    """

    best: int | None = field(default=None, validator=non_negative)
    low: int | None = field(default=None, kw_only=True, validator=non_negative)
    high: int | None = field(default=None, kw_only=True, validator=non_negative)
    reported_as: str | None = field(default=None, kw_only=True, validator=non_empty)

    def __attrs_post_init__(self) -> None:
        if self.low is None and self.best is None and self.high is None:
            raise RecordError(None, "give at least one of 'low', 'best', 'high'", None,
                              message="a count needs at least one of 'low', 'best', 'high' (got none)")
        pairs = (("low", self.low, "best", self.best), ("best", self.best, "high", self.high),
                 ("low", self.low, "high", self.high))
        for left, a, right, b in pairs:
            if a is not None and b is not None and a > b:
                raise RecordError(left, f"be <= {right!r}", a,
                                  message=f"{left!r} must be <= {right!r} (got {left}={a}, {right}={b})")

    def __str__(self) -> str:
        """The count as a reader would write it, with the source's wording where it differs.

        A best figure comes first, with its bounds in brackets; bounds alone read as a
        range, "at least" or "at most".

        Examples:
            >>> str(Count(25)), str(Count(low=10, high=20)), str(Count(25, low=20))
            ('25', '10–20', '25 (at least 20)')
            >>> print(Count(low=7000, reported_as="more than 7,000"))
            at least 7,000 (reported as 'more than 7,000')
        """
        low, best, high = self.low, self.best, self.high
        if low is not None and high is not None:
            bounds = f"{low:,}–{high:,}"
        elif low is not None:
            bounds = f"at least {low:,}"
        elif high is not None:
            bounds = f"at most {high:,}"
        else:
            bounds = ""
        text = bounds if best is None else f"{best:,}" + (f" ({bounds})" if bounds else "")
        shown = self.reported_as is not None and self.reported_as != text
        return text + (f" (reported as {self.reported_as!r})" if shown else "")


@attrs.frozen(kw_only=True, field_transformer=check_fields)
class Casualties:
    """Casualty figures as reported: by whom, as of when, for which group, and whose they are.

    ``of_actor_id`` names whose dead or injured they are (GED's ``deaths_a``: side A's
    actor), where the source says. ``is_part`` marks a figure that is a part of another
    figure of the same event (GED's ``deaths_a``, ``deaths_b``, ``deaths_civilians`` and
    ``deaths_unknown`` are parts of its ``best``): a total counts the figures that are not
    parts, so that no death is counted twice.

    Examples:
        >>> c = Casualties(killed=Count(25), injured=Count(138), as_of=TimeSpan.parse("2023-09-19"),
        ...                citations=(Citation(SourceId("gdc"), (5,)),))
        >>> c.killed.best if c.killed else None
        25
        >>> side_a = Casualties(killed=Count(1), group=CasualtyGroup.MILITARY, of_actor_id=ActorId("azerbaijan"),
        ...                     is_part=True, citations=(Citation(SourceId("ged"), rows=(2,)),))
        >>> side_a.is_part
        True
    """

    killed: Count | None = None
    injured: Count | None = None
    group: CasualtyGroup = CasualtyGroup.UNSPECIFIED
    of_actor_id: ActorId | None = None
    is_part: bool = False
    reported_by_id: ActorId | None = None
    as_of: TimeSpan = _UNKNOWN
    citations: tuple[Citation, ...] = field(validator=non_empty)
    note: str | None = field(default=None, validator=non_empty)

    def __attrs_post_init__(self) -> None:
        if self.killed is None and self.injured is None:
            raise RecordError(None, "give 'killed' or 'injured'", None,
                              message="casualties need 'killed' or 'injured' (got neither)")


@attrs.frozen(kw_only=True, field_transformer=check_fields)
class RoleHeld:
    """A role or office a person held over some span, optionally in an organisation.

    ``ended`` is True when the source calls the person a former holder ("ex-ombudsman"),
    whether or not it dates the end; ``span`` then covers only what the source dates.

    Examples:
        >>> RoleHeld(title="ombudsman", span=TimeSpan.parse("2023"),
        ...          citations=(Citation(SourceId("gdc"), (13,)),)).title
        'ombudsman'
        >>> RoleHeld(title="ombudsman", ended=True, citations=(Citation(SourceId("gdc"), (13,)),)).ended
        True
    """

    title: str = field(converter=nfc, validator=non_empty)
    organisation_id: ActorId | None = None
    span: TimeSpan = _UNKNOWN
    ended: bool = False
    citations: tuple[Citation, ...] = field(validator=non_empty)
    note: str | None = field(default=None, validator=non_empty)


@attrs.frozen(kw_only=True, field_transformer=check_fields)
class Membership:
    """Membership of an organisation (e.g. the CSTO) over some span.

    ``ended`` is True when the source reports the membership as over (a "former member"),
    whether or not it dates the end; ``span`` then covers only what the source dates.
    An undated former membership is ``span`` unknown with ``ended=True``: it is in force at
    no date a query can name, and is still known to have existed.

    Examples:
        >>> Membership(organisation_id=ActorId("csto"), span=TimeSpan.parse("../2023-09"),
        ...            citations=(Citation(SourceId("gdc"), (15,)),)).span.format()
        '../2023-09'
        >>> former = Membership(organisation_id=ActorId("csto"), ended=True,
        ...                     citations=(Citation(SourceId("gdc"), (15,)),))
        >>> former.ended, former.span.is_known
        (True, False)
        >>> Membership(organisation_id=ActorId("csto"), ended="yes", citations=former.citations)
        Traceback (most recent call last):
        caucasus_conflict.errors.RecordTypeError: 'ended' must be True or False (got 'yes')
    """

    organisation_id: ActorId
    span: TimeSpan = _UNKNOWN
    ended: bool = False
    citations: tuple[Citation, ...] = field(validator=non_empty)
    note: str | None = field(default=None, validator=non_empty)


@attrs.frozen(field_transformer=check_fields)
class Participant:
    """An actor's part in an event, and the side it was on where the source numbers sides.

    ``side`` follows UCDP's dyads: side A (the government, where one takes part) and side B.
    A supporter's ``side`` is the side it backed; without one, a supporter backs the initiator.

    Examples:
        >>> Participant(ActorId("azerbaijan"), Role.INITIATOR).role.value
        'initiator'
        >>> Participant(ActorId("turkey"), Role.SUPPORTER, Side.A).side
        <Side.A: 'a'>
    """

    actor_id: ActorId
    role: Role
    side: Side | None = None


@attrs.frozen(kw_only=True, field_transformer=check_fields)
class LegalStatus:
    """A territory's status in law, e.g. recognised as part of another territory.

    Examples:
        >>> LegalStatus(kind=LegalStatusKind.RECOGNISED_PART_OF, part_of_id=TerritoryId("azerbaijan"),
        ...             citations=(Citation(SourceId("gdc"), (6,)),)).kind.value
        'recognised_part_of'
    """

    kind: LegalStatusKind
    part_of_id: TerritoryId | None = None
    span: TimeSpan = _UNKNOWN
    citations: tuple[Citation, ...] = field(validator=non_empty)
    note: str | None = field(default=None, validator=non_empty)

    def __attrs_post_init__(self) -> None:
        if self.kind is LegalStatusKind.RECOGNISED_PART_OF and self.part_of_id is None:
            raise RecordError("part_of_id", "be given when kind is 'recognised_part_of'", None,
                              message="'part_of_id' is required when kind is 'recognised_part_of' (got None)")


@attrs.frozen(kw_only=True, field_transformer=check_fields)
class Population:
    """A population figure as reported, with its composition where given.

    Examples:
        >>> Population(count=Count(120_000), composition="predominantly Armenian",
        ...            citations=(Citation(SourceId("gdc"), (6,)),)).count.best
        120000
    """

    count: Count
    composition: str | None = field(default=None, validator=non_empty)
    as_of: TimeSpan = _UNKNOWN
    citations: tuple[Citation, ...] = field(validator=non_empty)
    note: str | None = field(default=None, validator=non_empty)


def _share(instance: object, attribute: "attrs.Attribute[float | None]", value: float | None) -> None:
    if value is not None and not 0 < value <= 1:
        raise RecordError("share", "be in (0, 1]", value)


@attrs.frozen(kw_only=True, field_transformer=check_fields)
class ControlPeriod:
    """Who held (some of) a territory over a span, de facto or de jure, and how much.

    Examples:
        >>> p = ControlPeriod(controller_ids=(ActorId("azerbaijan"),), span=TimeSpan.parse("2020-11/.."),
        ...                   extent=ControlExtent.PART, share=1 / 3,
        ...                   citations=(Citation(SourceId("gdc"), (11,)),))
        >>> p.extent.value
        'part'
    """

    controller_ids: tuple[ActorId, ...] = field(validator=[non_empty, non_empty_items, unique_items])
    span: TimeSpan
    extent: ControlExtent = ControlExtent.FULL
    share: float | None = field(default=None, validator=_share)
    de_facto: bool = True
    citations: tuple[Citation, ...] = field(validator=non_empty)
    note: str | None = field(default=None, validator=non_empty)


@attrs.frozen(kw_only=True, field_transformer=check_fields)
class Provision:
    """One provision of a ceasefire, in the project's own words.

    Examples:
        >>> Provision(summary="Peacekeepers patrol the corridor",
        ...           citations=(Citation(SourceId("gdc"), (8,)),)).actor_ids
        ()
    """

    summary: str = field(validator=non_empty)
    actor_ids: tuple[ActorId, ...] = field(default=(), validator=unique_items)
    territory_ids: tuple[TerritoryId, ...] = field(default=(), validator=unique_items)
    citations: tuple[Citation, ...] = field(validator=non_empty)
    note: str | None = field(default=None, validator=non_empty)


@attrs.frozen(kw_only=True, field_transformer=check_fields)
class NameUsed:
    """A name an actor went by, over the span a source used it, with the citations that use it.

    One UCDP actor id can carry several names over time: actor 330 is the "Republic of
    Armenia" in 1990-91 and the "Government of Armenia" later. `Actor.names_used` keeps each
    with the span it was used in. The readers and `Dataset.merge` keep each such name among
    the actor's `Actor.names`; a name that is not (after an actor is renamed) is still kept.

    Examples:
        >>> used = NameUsed(name="Republic of Armenia", span=TimeSpan.parse("1990/1991"),
        ...                 citations=(Citation(SourceId("ged"), rows=(2,)),))
        >>> used.span.format()
        '1990/1991'
    """

    name: str = field(converter=nfc, validator=non_empty)
    span: TimeSpan = _UNKNOWN
    citations: tuple[Citation, ...] = field(validator=non_empty)


def _degrees(limit: int) -> "Callable[[object, attrs.Attribute[float | None], float | None], None]":
    def check(instance: object, attribute: "attrs.Attribute[float | None]", value: float | None) -> None:
        if value is not None and not -limit <= value <= limit:
            raise RecordError(attribute.name, f"be between -{limit} and {limit}", value,
                              message=f"{attribute.name!r} must be between -{limit} and {limit} degrees (got {value})")
    return check


def _nfc_or_none(value: str | None) -> str | None:
    return None if value is None else nfc(value)


@attrs.frozen(kw_only=True, field_transformer=check_fields)
class Location:
    """Where an event took place, as a source places it: coordinates, their precision, place names.

    ``latitude`` and ``longitude`` are decimal degrees (WGS 84), given together or not at
    all. ``precision`` is the source's own code for how exactly they place the event, kept
    as written, and ``precision_scheme`` the code list that gives it meaning
    (`LOCATION_PRECISION`): ``"ucdp-ged"`` for GED's ``where_prec`` (1 exact location ...
    7 over water), ``"acled"`` for ACLED's ``geo_precision`` (1 the town, 2 near it, 3 a
    region). ``name`` is the place, ``admin1`` to ``admin3`` the administrative units it
    lies in (first-order down), ``country`` the country, each as the source names them.
    A location sits beside an event's territories: those are records of the data set,
    this is the source's own placing of one event, cited by the event's citations.

    Added in 0.3.

    Examples:
        >>> where = Location(latitude=39.82, longitude=46.75, precision=1, precision_scheme="ucdp-ged",
        ...                  name="Stepanakert", admin1="Nagorno-Karabakh", country="Azerbaijan")
        >>> where.precision_meaning
        'exact location'
        >>> Location(latitude=91.0, longitude=0.0)
        Traceback (most recent call last):
        caucasus_conflict.errors.RecordError: 'latitude' must be between -90 and 90 degrees (got 91.0)
    """

    latitude: float | None = field(default=None, validator=_degrees(90))
    longitude: float | None = field(default=None, validator=_degrees(180))
    precision: int | None = field(default=None, validator=non_negative)
    precision_scheme: str | None = field(default=None, validator=attrs.validators.optional(_scheme))
    name: str | None = field(default=None, converter=_nfc_or_none, validator=non_empty)
    admin1: str | None = field(default=None, converter=_nfc_or_none, validator=non_empty)
    admin2: str | None = field(default=None, converter=_nfc_or_none, validator=non_empty)
    admin3: str | None = field(default=None, converter=_nfc_or_none, validator=non_empty)
    country: str | None = field(default=None, converter=_nfc_or_none, validator=non_empty)

    def __attrs_post_init__(self) -> None:
        if (self.latitude is None) != (self.longitude is None):
            given, missing = ("latitude", "longitude") if self.longitude is None else ("longitude", "latitude")
            raise RecordError(missing, "be given with " + repr(given), None,
                              message=f"{missing!r} must be given with {given!r}: a location has both "
                                      "coordinates or neither")
        if (self.precision is None) != (self.precision_scheme is None):
            raise RecordError("precision_scheme", "be given with 'precision'", self.precision_scheme,
                              message="'precision' and 'precision_scheme' go together: a precision code means "
                                      "something only in its scheme (such as 'ucdp-ged' or 'acled')")
        codes = LOCATION_PRECISION.get(self.precision_scheme or "")
        if codes is not None and self.precision not in codes:
            raise RecordError("precision", f"be one of {sorted(codes)}", self.precision,
                              message=f"'precision' must be one of the {self.precision_scheme} codes "
                                      f"{min(codes)}-{max(codes)} (got {self.precision})")
        if self.latitude is None and not any((self.name, self.admin1, self.admin2, self.admin3, self.country)):
            raise RecordError(None, "give coordinates or a place name", None,
                              message="a location needs coordinates or a place name (name, admin1-3 or country)")

    @property
    def precision_meaning(self) -> str | None:
        """What the precision code says, from `LOCATION_PRECISION`; ``None`` without one or for another scheme.

        Examples:
            >>> Location(name="Shusha", precision=3, precision_scheme="acled").precision_meaning
            'a region'
        """
        return LOCATION_PRECISION.get(self.precision_scheme or "", {}).get(self.precision or 0)


# -- records --------------------------------------------------------------------------


class _Named:
    """What records with a name and aliases share (actors, territories, conflicts, dyads)."""

    __slots__ = ()
    name: str
    aliases: tuple[str, ...]

    @property
    def names(self) -> tuple[str, ...]:
        """The name followed by every alias.

        Examples:
            >>> Territory(id=TerritoryId("y"), name="Yevlakh", kind=TerritoryKind.CITY, aliases=("Yevlax",),
            ...           citations=(Citation(SourceId("s"), (3,)),)).names
            ('Yevlakh', 'Yevlax')
        """
        return (self.name, *self.aliases)


class _Participated:
    """What records with participants share (events, conflicts, dyads)."""

    __slots__ = ()
    participants: tuple[Participant, ...]

    @property
    def actor_ids(self) -> tuple[ActorId, ...]:
        """The ids of the actors taking part (every party and supporter), in order, each once.

        Examples:
            >>> Event(id=EventId("e"), kind=EventKind.WAR, summary="A war", span=TimeSpan.parse("2020"),
            ...       participants=(Participant(ActorId("a"), Role.INITIATOR), Participant(ActorId("b"), Role.TARGET),
            ...                     Participant(ActorId("a"), Role.SUPPORTER)),
            ...       citations=(Citation(SourceId("s"), (10,)),)).actor_ids
            ('a', 'b')
        """
        return tuple(dict.fromkeys(p.actor_id for p in self.participants))


@attrs.frozen(kw_only=True, field_transformer=check_fields)
class Actor(_Named):
    """A state, government, de-facto authority, office, organisation, armed group or person.

    ``aliases`` hold other names the source uses: metonyms (``"Baku"``), spellings
    (``"Pashiniyan"``), abbreviations (``"CSTO"``). ``part_of_id`` links an office or
    body to the actor it belongs to. ``names_used`` says when a data file used which of
    the names (`NameUsed`), where it says.

    Examples:
        >>> a = Actor(id=ActorId("azerbaijan"), name="Azerbaijan", kind=ActorKind.STATE,
        ...           aliases=("Baku",), citations=(Citation(SourceId("gdc"), (2,)),))
        >>> a.names
        ('Azerbaijan', 'Baku')
    """

    id: ActorId
    name: str = field(converter=nfc, validator=non_empty)
    kind: ActorKind
    aliases: tuple[str, ...] = field(default=(), converter=nfc_items, validator=[non_empty_items, unique_items])
    part_of_id: ActorId | None = None
    roles: tuple[RoleHeld, ...] = ()
    memberships: tuple[Membership, ...] = ()
    names_used: tuple[NameUsed, ...] = ()
    external_ids: tuple[ExternalId, ...] = ()
    source_codes: tuple[SourceCodes, ...] = ()
    citations: tuple[Citation, ...] = field(validator=non_empty)
    note: str | None = field(default=None, validator=non_empty)



@attrs.frozen(kw_only=True, field_transformer=check_fields)
class Territory(_Named):
    """A place: a state's territory, region, oblast, district group, corridor or city.

    Examples:
        >>> t = Territory(id=TerritoryId("nk"), name="Nagorno-Karabakh", kind=TerritoryKind.REGION,
        ...               aliases=("Artsakh",), citations=(Citation(SourceId("gdc"), (10,)),))
        >>> t.names
        ('Nagorno-Karabakh', 'Artsakh')
    """

    id: TerritoryId
    name: str = field(converter=nfc, validator=non_empty)
    kind: TerritoryKind
    aliases: tuple[str, ...] = field(default=(), converter=nfc_items, validator=[non_empty_items, unique_items])
    part_of_id: TerritoryId | None = None
    legal_status: tuple[LegalStatus, ...] = ()
    population: tuple[Population, ...] = ()
    control: tuple[ControlPeriod, ...] = ()
    external_ids: tuple[ExternalId, ...] = ()
    source_codes: tuple[SourceCodes, ...] = ()
    citations: tuple[Citation, ...] = field(validator=non_empty)
    note: str | None = field(default=None, validator=non_empty)



@attrs.frozen(kw_only=True, field_transformer=check_fields)
class Event(_Participated):
    """Something that happened: a typed kind, a time span, actors in roles, places, casualties.

    Examples:
        >>> e = Event(id=EventId("offensive"), kind=EventKind.OFFENSIVE, summary="An offensive",
        ...           span=TimeSpan.parse("2023-09-19"),
        ...           participants=(Participant(ActorId("azerbaijan"), Role.INITIATOR),),
        ...           citations=(Citation(SourceId("gdc"), (4,)),))
        >>> e.actor_ids
        ('azerbaijan',)
    """

    id: EventId
    kind: EventKind
    summary: str = field(validator=non_empty)
    span: TimeSpan
    participants: tuple[Participant, ...] = field(default=(), validator=unique_items)
    territory_ids: tuple[TerritoryId, ...] = field(default=(), validator=unique_items)
    location: Location | None = None
    casualties: tuple[Casualties, ...] = ()
    parent_id: EventId | None = None
    external_ids: tuple[ExternalId, ...] = ()
    source_codes: tuple[SourceCodes, ...] = ()
    citations: tuple[Citation, ...] = field(validator=non_empty)
    note: str | None = field(default=None, validator=non_empty)



@attrs.frozen(kw_only=True, field_transformer=check_fields)
class Ceasefire:
    """A ceasefire or armistice, with its declared, effective and end dates kept apart.

    As in the ETH/PRIO ceasefire data: ``declared`` is when it was agreed or announced,
    ``effective`` when it took effect, ``ended`` when it ended. ``None`` and an unknown span
    mean different things (#11): ``ended=None`` is no end reported (ETH/PRIO's ``0``: still
    in force as far as the source knows), ``ended=TimeSpan.unknown()`` an end on a day not
    reported (ETH/PRIO's ``-1``); ``effective=None`` is not reported separately (in force
    from the declaration), an unknown ``effective`` a day not reported.
    ``strained_by_ids`` are events that later broke or strained it. ``party_sides`` gives the
    `Side` of each party, in the order of ``party_ids`` (``None`` for a party of no
    numbered side), or is empty where the source numbers no sides; `parties` gives both
    as `Participant` values. A PA-X agreement read by `caucasus_conflict.read` is one too.
    ``conflict_ids`` name the `Conflict` records the ceasefire belongs to (ETH/PRIO's
    ``ucdp_acd_id``, PA-X's ``UcdpCon``); `Dataset.ceasefires_of` finds them back.
    ``dyad_ids`` name the `Dyad` records it was agreed in (ETH/PRIO's ``ucdp_dyad``);
    `Dataset.ceasefires_of_dyad` finds them back.

    Examples:
        >>> c = Ceasefire(id=CeasefireId("cf"), name="Armistice", party_ids=(ActorId("a"), ActorId("b")),
        ...               declared=TimeSpan.parse("2020-11"), citations=(Citation(SourceId("gdc"), (8,)),))
        >>> c.actor_ids
        ('a', 'b')
    """

    id: CeasefireId
    name: str = field(converter=nfc, validator=non_empty)
    party_ids: tuple[ActorId, ...] = field(validator=[non_empty, unique_items])
    party_sides: tuple[Side | None, ...] = ()
    mediator_ids: tuple[ActorId, ...] = field(default=(), validator=unique_items)
    declared: TimeSpan
    effective: TimeSpan | None = None
    ended: TimeSpan | None = None
    provisions: tuple[Provision, ...] = ()
    territory_ids: tuple[TerritoryId, ...] = field(default=(), validator=unique_items)
    strained_by_ids: tuple[EventId, ...] = field(default=(), validator=unique_items)
    event_id: EventId | None = None
    written: bool | None = None
    conflict_ids: tuple[ConflictId, ...] = field(default=(), validator=unique_items)
    dyad_ids: tuple[DyadId, ...] = field(default=(), validator=unique_items)
    external_ids: tuple[ExternalId, ...] = ()
    source_codes: tuple[SourceCodes, ...] = ()
    citations: tuple[Citation, ...] = field(validator=non_empty)
    note: str | None = field(default=None, validator=non_empty)

    def __attrs_post_init__(self) -> None:
        if self.party_sides and len(self.party_sides) != len(self.party_ids):
            raise RecordError("party_sides", f"give one side per party ({len(self.party_ids)})", self.party_sides,
                              message=f"'party_sides' must give one side (or null) per party: "
                                      f"{len(self.party_ids)} part(ies), {len(self.party_sides)} side(s)")
        # Imprecise dates are compared only when one is certainly before the other.
        order = (("declared", self.declared), ("effective", self.effective), ("ended", self.ended))
        for i, (early_name, early) in enumerate(order):
            for late_name, late in order[i + 1:]:
                if early is None or late is None or early.first_day is None or late.last_day is None:
                    continue
                if late.last_day < early.first_day:
                    raise RecordError(late_name, f"not be before {early_name!r}", late,
                                      message=f"{late_name!r} must not be before {early_name!r} "
                                              f"(got {late_name}={late.format()}, {early_name}={early.format()})")

    @property
    def actor_ids(self) -> tuple[ActorId, ...]:
        """Parties, then mediators, each once.

        Examples:
            >>> Ceasefire(id=CeasefireId("c"), name="C", party_ids=(ActorId("a"),), mediator_ids=(ActorId("m"),),
            ...           declared=TimeSpan.parse("2020"), citations=(Citation(SourceId("s"), (8,)),)).actor_ids
            ('a', 'm')
        """
        return tuple(dict.fromkeys((*self.party_ids, *self.mediator_ids)))

    @property
    def parties(self) -> tuple[Participant, ...]:
        """The parties with their sides, then the mediators, as `Participant` values.

        A party's role is `Role.PARTICIPANT` and its side the one ``party_sides`` gives
        (``None`` where none is given); a mediator's role is `Role.MEDIATOR`.

        Examples:
            >>> c = Ceasefire(id=CeasefireId("c"), name="C", party_ids=(ActorId("gov"), ActorId("front")),
            ...               party_sides=(Side.A, Side.B), mediator_ids=(ActorId("m"),),
            ...               declared=TimeSpan.parse("1994-05"), citations=(Citation(SourceId("s"), (8,)),))
            >>> [(p.actor_id, p.role.value, p.side) for p in c.parties]
            [('gov', 'participant', <Side.A: 'a'>), ('front', 'participant', <Side.B: 'b'>), ('m', 'mediator', None)]
        """
        sides = self.party_sides or (None,) * len(self.party_ids)
        return (*(Participant(actor_id, Role.PARTICIPANT, side) for actor_id, side in zip(self.party_ids, sides,
                                                                                           strict=True)),
                *(Participant(actor_id, Role.MEDIATOR) for actor_id in self.mediator_ids))


@attrs.frozen(kw_only=True, field_transformer=check_fields)
class Claim:
    """An attributed statement: who said what, when, how, about whom, disputing what.

    ``summary`` is in the project's own words; ``quote`` holds the claimant's own words
    where the source quotes them. ``claimant_id`` is ``None`` only for a statement the
    source reports without attributing it to anyone.

    Examples:
        >>> c = Claim(id=ClaimId("c1"), claimant_id=ActorId("armenia"), span=TimeSpan.parse("2023-09"),
        ...           summary="No Armenian forces are in the enclave",
        ...           citations=(Citation(SourceId("gdc"), (3,)),))
        >>> c.medium.value
        'unspecified'
    """

    id: ClaimId
    claimant_id: ActorId | None = None
    span: TimeSpan
    medium: Medium = Medium.UNSPECIFIED
    summary: str = field(validator=non_empty)
    quote: str | None = field(default=None, validator=non_empty)
    about_actor_ids: tuple[ActorId, ...] = field(default=(), validator=unique_items)
    about_territory_ids: tuple[TerritoryId, ...] = field(default=(), validator=unique_items)
    about_event_ids: tuple[EventId, ...] = field(default=(), validator=unique_items)
    disputes_ids: tuple[ClaimId, ...] = field(default=(), validator=unique_items)
    external_ids: tuple[ExternalId, ...] = ()
    source_codes: tuple[SourceCodes, ...] = ()
    citations: tuple[Citation, ...] = field(validator=non_empty)
    note: str | None = field(default=None, validator=non_empty)

    def __attrs_post_init__(self) -> None:
        if self.id in self.disputes_ids:
            raise RecordError("disputes_ids", "not name the claim itself", self.id,
                              index=self.disputes_ids.index(self.id))


@attrs.frozen(kw_only=True, field_transformer=check_fields)
class Stance:
    """An actor's position toward exactly one actor, territory or event, over a span.

    ``claim_ids`` name the claims the stance is read from, where it is.

    Examples:
        >>> s = Stance(id=StanceId("s1"), holder_id=ActorId("turkey"), kind=StanceKind.SUPPORTS,
        ...            toward_actor_id=ActorId("azerbaijan"), span=TimeSpan.parse("2023"),
        ...            citations=(Citation(SourceId("gdc"), (21,)),))
        >>> s.toward_id
        'azerbaijan'
    """

    id: StanceId
    holder_id: ActorId
    kind: StanceKind
    toward_actor_id: ActorId | None = None
    toward_territory_id: TerritoryId | None = None
    toward_event_id: EventId | None = None
    span: TimeSpan = _UNKNOWN
    claim_ids: tuple[ClaimId, ...] = field(default=(), validator=unique_items)
    external_ids: tuple[ExternalId, ...] = ()
    source_codes: tuple[SourceCodes, ...] = ()
    citations: tuple[Citation, ...] = field(validator=non_empty)
    note: str | None = field(default=None, validator=non_empty)

    def __attrs_post_init__(self) -> None:
        given = [t for t in (self.toward_actor_id, self.toward_territory_id, self.toward_event_id)
                 if t is not None]
        if len(given) != 1:
            raise RecordError(
                None, "be toward exactly one of 'toward_actor_id', 'toward_territory_id', 'toward_event_id'",
                len(given),
                message="a stance needs exactly one of 'toward_actor_id', 'toward_territory_id', "
                        f"'toward_event_id' (got {len(given)})",
            )

    @property
    def toward_id(self) -> str:
        """The id of whatever the stance is toward.

        Examples:
            >>> Stance(id=StanceId("s"), holder_id=ActorId("a"), kind=StanceKind.OPPOSES,
            ...        toward_event_id=EventId("e"), citations=(Citation(SourceId("s"), (1,)),)).toward_id
            'e'
        """
        # Construction guarantees exactly one is set, and ids are never empty.
        return self.toward_actor_id or self.toward_territory_id or self.toward_event_id or ""


# -- conflicts and dyads (UCDP's units of analysis, #11) --------------------------------------


def _unique_years(instance: object, attribute: "attrs.Attribute[Any]", value: "tuple[Any, ...]") -> None:
    seen: set[int] = set()
    for index, item in enumerate(value):
        if item.year in seen:
            raise RecordError(attribute.name, "hold each year once", item.year, index=index,
                              message=f"{attribute.name!r} must hold each year once (got {item.year} twice)")
        seen.add(item.year)


@attrs.frozen(kw_only=True, field_transformer=check_fields)
class Episode:
    """One active episode of a conflict: when it started and, once it ended, when it ended.

    ``start`` and ``end`` keep the precision the source gives (UCDP's ``start_prec2`` and
    ``ep_end_prec``: a day, a month, a year, or unknown); ``end`` is ``None`` while the
    episode has not ended, or the source does not say.

    Examples:
        >>> ep = Episode(start=TimeSpan.parse("1991"), end=TimeSpan.parse("1994-05-12"),
        ...              citations=(Citation(SourceId("acd"), rows=(2,)),))
        >>> ep.start.precision.value, ep.end.format()
        ('year', '1994-05-12')
    """

    start: TimeSpan
    end: TimeSpan | None = None
    citations: tuple[Citation, ...] = field(validator=non_empty)
    note: str | None = field(default=None, validator=non_empty)


@attrs.frozen(kw_only=True, field_transformer=check_fields)
class ConflictYear:
    """What a source gives for one year of a conflict: its intensity (UCDP ACD's conflict-year), its battle deaths.

    ``battle_deaths`` is the conflict's battle-related deaths in the year, UCDP's low / best /
    high estimate, as the conflict-level BRD file gives it (``bd_low``, ``bd_best``,
    ``bd_high``; the dyadic file gives them per `DyadYear`). ``source_codes`` keep the year's other cells as the source wrote them (its sides as
    named that year, its supporters, its precision codes), so that a writer gives the row back.

    Examples:
        >>> year = ConflictYear(year=2020, intensity=Intensity.WAR, citations=(Citation(SourceId("acd"), rows=(9,)),))
        >>> year.intensity.value
        'war'
    """

    year: int
    intensity: Intensity | None = None
    battle_deaths: Count | None = None
    source_codes: tuple[SourceCodes, ...] = ()
    citations: tuple[Citation, ...] = field(validator=non_empty)
    note: str | None = field(default=None, validator=non_empty)


@attrs.frozen(kw_only=True, field_transformer=check_fields)
class DyadYear:
    """What a source gives for one year of a dyad: its battle-related deaths (UCDP BRD's dyad-year).

    ``battle_deaths`` is UCDP's low / best / high estimate (``bd_low``, ``bd_best``,
    ``bd_high``); ``source_codes`` keep the year's other cells as written.

    Examples:
        >>> year = DyadYear(year=2020, battle_deaths=Count(7646, low=7548, high=9077),
        ...                 citations=(Citation(SourceId("brd"), rows=(2,)),))
        >>> print(year.battle_deaths)
        7,646 (7,548–9,077)
    """

    year: int
    battle_deaths: Count
    source_codes: tuple[SourceCodes, ...] = ()
    citations: tuple[Citation, ...] = field(validator=non_empty)
    note: str | None = field(default=None, validator=non_empty)


@attrs.frozen(kw_only=True, field_transformer=check_fields)
class Conflict(_Named, _Participated):
    """An armed conflict as UCDP defines one: an incompatibility, its sides, and its years.

    ``participants`` are the primary parties with their `Side` (role ``participant``) and
    the states that backed a side with troops (role ``supporter``, ``side`` the side they
    backed), over all its years; ``years`` give the intensity per year, ``episodes`` the
    active episodes, ``start`` the first battle-related death, at the precision known.

    Examples:
        >>> c = Conflict(id=ConflictId("c388"), name="Azerbaijan: Nagorno-Karabakh",
        ...              incompatibility=Incompatibility.TERRITORY,
        ...              participants=(Participant(ActorId("azerbaijan"), Role.PARTICIPANT, Side.A),
        ...                            Participant(ActorId("nkr"), Role.PARTICIPANT, Side.B)),
        ...              citations=(Citation(SourceId("acd"), rows=(2,)),))
        >>> c.side_ids(Side.B), c.actor_ids
        (('nkr',), ('azerbaijan', 'nkr'))
    """

    id: ConflictId
    name: str = field(converter=nfc, validator=non_empty)
    aliases: tuple[str, ...] = field(default=(), converter=nfc_items, validator=[non_empty_items, unique_items])
    incompatibility: Incompatibility | None = None
    conflict_type: ConflictType | None = None
    territory_ids: tuple[TerritoryId, ...] = field(default=(), validator=unique_items)
    participants: tuple[Participant, ...] = field(default=(), validator=unique_items)
    start: TimeSpan = _UNKNOWN
    episodes: tuple[Episode, ...] = ()
    years: tuple[ConflictYear, ...] = field(default=(), validator=_unique_years)
    external_ids: tuple[ExternalId, ...] = ()
    source_codes: tuple[SourceCodes, ...] = ()
    citations: tuple[Citation, ...] = field(validator=non_empty)
    note: str | None = field(default=None, validator=non_empty)



    def side_ids(self, side: Side, *, supporters: bool = False) -> tuple[ActorId, ...]:
        """The primary parties on *side* (with ``supporters=True``, the states backing it instead).

        Examples:
            >>> Conflict(id=ConflictId("c"), name="C", participants=(Participant(ActorId("t"), Role.SUPPORTER, Side.A),),
            ...          citations=(Citation(SourceId("s"), rows=(2,)),)).side_ids(Side.A, supporters=True)
            ('t',)
        """
        wanted = Role.SUPPORTER if supporters else Role.PARTICIPANT
        return tuple(dict.fromkeys(p.actor_id for p in self.participants if p.side is side and p.role is wanted))


@attrs.frozen(kw_only=True, field_transformer=check_fields)
class Dyad(_Named, _Participated):
    """Two opposing primary parties of one conflict, and their battle-related deaths per year.

    ``participants`` are side A and side B (role ``participant``, with their `Side`);
    ``years`` give battle deaths per year as UCDP BRD does.

    Examples:
        >>> d = Dyad(id=DyadId("d833"), name="Azerbaijan – Artsakh", conflict_id=ConflictId("c388"),
        ...          participants=(Participant(ActorId("azerbaijan"), Role.PARTICIPANT, Side.A),
        ...                        Participant(ActorId("nkr"), Role.PARTICIPANT, Side.B)),
        ...          years=(DyadYear(year=2020, battle_deaths=Count(7646),
        ...                          citations=(Citation(SourceId("brd"), rows=(2,)),)),),
        ...          citations=(Citation(SourceId("brd"), rows=(2,)),))
        >>> d.year(2020).battle_deaths.best, d.year(2019)
        (7646, None)
    """

    id: DyadId
    name: str = field(converter=nfc, validator=non_empty)
    aliases: tuple[str, ...] = field(default=(), converter=nfc_items, validator=[non_empty_items, unique_items])
    conflict_id: ConflictId
    participants: tuple[Participant, ...] = field(default=(), validator=unique_items)
    years: tuple[DyadYear, ...] = field(default=(), validator=_unique_years)
    external_ids: tuple[ExternalId, ...] = ()
    source_codes: tuple[SourceCodes, ...] = ()
    citations: tuple[Citation, ...] = field(validator=non_empty)
    note: str | None = field(default=None, validator=non_empty)



    def side_ids(self, side: Side) -> tuple[ActorId, ...]:
        """The actors on *side*.

        Examples:
            >>> Dyad(id=DyadId("d"), name="D", conflict_id=ConflictId("c"),
            ...      participants=(Participant(ActorId("a"), Role.PARTICIPANT, Side.A),),
            ...      citations=(Citation(SourceId("s"), rows=(2,)),)).side_ids(Side.B)
            ()
        """
        return tuple(dict.fromkeys(p.actor_id for p in self.participants if p.side is side))

    def year(self, year: int) -> DyadYear | None:
        """The values of *year*, or ``None`` when the source gives none for it.

        Examples:
            >>> Dyad(id=DyadId("d"), name="D", conflict_id=ConflictId("c"),
            ...      citations=(Citation(SourceId("s"), rows=(2,)),)).year(2020) is None
            True
        """
        return next((y for y in self.years if y.year == year), None)


Record: TypeAlias = Source | Actor | Territory | Event | Ceasefire | Claim | Stance | Conflict | Dyad
"""Any top-level record of a data set."""


# -- a reader's builder for values it has checked ------------------------------------------------

_RecordT = TypeVar("_RecordT")
_FACTORY: type = type(attrs.Factory(list))


def _prechecked(cls: type[_RecordT]) -> Callable[..., _RecordT]:
    """A builder of *cls* records that sets the fields without running the constructor's checks.

    For the readers of `caucasus_conflict.formats` only. `cc.read` of a GED file builds an
    event, its citation and its casualties for each of 10^5 rows; through the validating
    constructors that was three quarters of the read's time. The builder takes the
    constructor's keyword arguments, with its defaults, and runs neither the field
    validators nor ``__attrs_post_init__``. So a caller passes only values the constructor
    accepts, each checked once elsewhere (the reader's own checks, or a public constructor
    that built the shared part); tests/formats/test_read_fast.py rebuilds every record a
    reader made this way through the public constructor and compares.

    A class with a converter (names in normal form C) or a factory default is refused:
    skipping those would change the value, not just the checking.

    Examples:
        >>> build = _prechecked(Participant)
        >>> build(actor_id=ActorId("a"), role=Role.PARTICIPANT) == Participant(ActorId("a"), Role.PARTICIPANT)
        True
        >>> _prechecked(Location)
        Traceback (most recent call last):
        ValueError: Location has a converter or a factory default; build it through its constructor
    """
    fields: tuple[attrs.Attribute[Any], ...] = attrs.fields(cls)  # type: ignore[arg-type]  # an attrs class
    if any(f.converter is not None or isinstance(f.default, _FACTORY) or not f.init for f in fields):
        raise ValueError(f"{cls.__name__} has a converter or a factory default; build it through its constructor")
    scope: dict[str, Any] = {"_new": object.__new__, "_set": object.__setattr__, "_cls": cls}
    params = []
    lines = []
    for number, f in enumerate(fields):
        if f.default is attrs.NOTHING:
            params.append(f.name)
        else:
            scope[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        # A slot is set through its descriptor, as object.__setattr__ would, without looking it up per record.
        slot = next((vars(klass)[f.name] for klass in cls.__mro__ if f.name in vars(klass)), None)
        if isinstance(slot, types.MemberDescriptorType):
            scope[f"_set{number}"] = slot.__set__
            lines.append(f"    _set{number}(record, {f.name})")
        else:
            lines.append(f"    _set(record, {f.name!r}, {f.name})")
    lines = [f"def build(*, {', '.join(params)}):", "    record = _new(_cls)", *lines]
    lines.append("    return record")
    exec("\n".join(lines), scope)  # the source is made above from the class's field names
    build: Callable[..., _RecordT] = scope["build"]
    return build
