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
from typing import NewType, TypeAlias

import attrs
from attrs import field

from ._validators import check_fields, nfc, nfc_items, non_empty, non_empty_items, non_negative, unique_items
from .errors import RecordError
from .kinds import (
    ActorKind,
    CasualtyGroup,
    ControlExtent,
    EventKind,
    LegalStatusKind,
    Medium,
    Role,
    StanceKind,
    TerritoryKind,
)
from .timespan import TimeSpan

__all__ = [
    "Actor",
    "ActorId",
    "Casualties",
    "Ceasefire",
    "CeasefireId",
    "Citation",
    "Claim",
    "ClaimId",
    "ControlPeriod",
    "Count",
    "Event",
    "EventId",
    "ExternalId",
    "LegalStatus",
    "Membership",
    "Participant",
    "Population",
    "Provision",
    "Record",
    "RoleHeld",
    "Source",
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

_UNKNOWN = TimeSpan.unknown()


def _blocks(instance: object, attribute: "attrs.Attribute[tuple[int, ...]]", value: tuple[int, ...]) -> None:
    if not value:
        raise RecordError("blocks", "name at least one block", value)
    for index, block in enumerate(value):
        if block < 1:
            raise RecordError("blocks", "be >= 1", block, index=index,
                              message=f"'blocks' must be >= 1 (got {block})")
    unique_items(instance, attribute, value)


def _at_least_one(instance: object, attribute: "attrs.Attribute[int]", value: int) -> None:
    if value < 1:
        raise RecordError(attribute.name, "be >= 1", value)


# -- sources and citations ---------------------------------------------------------------


@attrs.frozen(kw_only=True, field_transformer=check_fields)
class Source:
    """A document the data set is drawn from, with the credit its publisher asks for.

    Attributes:
        id: Stable id that citations point at.
        title: The document's title.
        publisher: Who published it.
        url: Where it was published.
        published: When it was published, at the precision known.
        credit: The credit line to show wherever the data is used.
        blocks: How many numbered blocks (paragraphs) the document has; citations
            may point at blocks ``1..blocks``.
        note: How the metadata was established, where it needs saying.

    Examples:
        >>> src = Source(id=SourceId("doc"), title="T", publisher="P", url="https://example.org",
        ...              published=TimeSpan.parse("2023-09"), credit="(c) P", blocks=3)
        >>> src.blocks
        3
    """

    id: SourceId
    title: str = field(converter=nfc, validator=non_empty)
    publisher: str = field(converter=nfc, validator=non_empty)
    url: str = field(validator=non_empty)
    published: TimeSpan
    credit: str = field(validator=non_empty)
    blocks: int = field(validator=[non_negative, _at_least_one])
    note: str | None = field(default=None, validator=non_empty)


@attrs.frozen(field_transformer=check_fields)
class Citation:
    """The source and block numbers that support a record; ``quote`` for quoted words.

    Examples:
        >>> Citation(SourceId("gdc"), (12, 14)).blocks
        (12, 14)
        >>> Citation(SourceId("gdc"), ())
        Traceback (most recent call last):
        caucasus_conflict.errors.RecordError: 'blocks' must name at least one block (got ())
    """

    source_id: SourceId
    blocks: tuple[int, ...] = field(validator=_blocks)
    quote: str | None = field(default=None, kw_only=True, validator=non_empty)


# -- small value types ------------------------------------------------------------------


@attrs.frozen(field_transformer=check_fields)
class ExternalId:
    """An identifier of the same entity in another data set (``scheme`` such as ``"ucdp"``).

    Examples:
        >>> ExternalId("iso3", "AZE").value
        'AZE'
    """

    scheme: str = field(validator=non_empty)
    value: str = field(validator=non_empty)


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
    """Casualty figures as reported: by whom, as of when, for which group.

    Examples:
        >>> c = Casualties(killed=Count(25), injured=Count(138), as_of=TimeSpan.parse("2023-09-19"),
        ...                citations=(Citation(SourceId("gdc"), (5,)),))
        >>> c.killed.best if c.killed else None
        25
    """

    killed: Count | None = None
    injured: Count | None = None
    group: CasualtyGroup = CasualtyGroup.UNSPECIFIED
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
    """An actor's part in an event.

    Examples:
        >>> Participant(ActorId("azerbaijan"), Role.INITIATOR).role.value
        'initiator'
    """

    actor_id: ActorId
    role: Role


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


# -- records --------------------------------------------------------------------------


@attrs.frozen(kw_only=True, field_transformer=check_fields)
class Actor:
    """A state, government, de-facto authority, office, organisation, armed group or person.

    ``aliases`` hold other names the source uses: metonyms (``"Baku"``), spellings
    (``"Pashiniyan"``), abbreviations (``"CSTO"``). ``part_of_id`` links an office or
    body to the actor it belongs to.

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
    external_ids: tuple[ExternalId, ...] = ()
    citations: tuple[Citation, ...] = field(validator=non_empty)
    note: str | None = field(default=None, validator=non_empty)

    @property
    def names(self) -> tuple[str, ...]:
        """The name followed by every alias.

        Examples:
            >>> Actor(id=ActorId("x"), name="X", kind=ActorKind.STATE,
            ...       citations=(Citation(SourceId("s"), (1,)),)).names
            ('X',)
        """
        return (self.name, *self.aliases)


@attrs.frozen(kw_only=True, field_transformer=check_fields)
class Territory:
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
    citations: tuple[Citation, ...] = field(validator=non_empty)
    note: str | None = field(default=None, validator=non_empty)

    @property
    def names(self) -> tuple[str, ...]:
        """The name followed by every alias.

        Examples:
            >>> Territory(id=TerritoryId("y"), name="Yevlakh", kind=TerritoryKind.CITY,
            ...           citations=(Citation(SourceId("s"), (3,)),)).names
            ('Yevlakh',)
        """
        return (self.name, *self.aliases)


@attrs.frozen(kw_only=True, field_transformer=check_fields)
class Event:
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
    casualties: tuple[Casualties, ...] = ()
    parent_id: EventId | None = None
    citations: tuple[Citation, ...] = field(validator=non_empty)
    note: str | None = field(default=None, validator=non_empty)

    @property
    def actor_ids(self) -> tuple[ActorId, ...]:
        """The ids of the actors taking part, in order, each once.

        Examples:
            >>> Event(id=EventId("e"), kind=EventKind.WAR, summary="A war", span=TimeSpan.parse("2020"),
            ...       citations=(Citation(SourceId("s"), (10,)),)).actor_ids
            ()
        """
        return tuple(dict.fromkeys(p.actor_id for p in self.participants))


@attrs.frozen(kw_only=True, field_transformer=check_fields)
class Ceasefire:
    """A ceasefire or armistice, with its declared, effective and end dates kept apart.

    As in the ETH/PRIO ceasefire data: ``declared`` is when it was agreed or announced,
    ``effective`` when it took effect, ``ended`` when it ended (``None``: not reported).
    ``strained_by_ids`` are events that later broke or strained it.

    Examples:
        >>> c = Ceasefire(id=CeasefireId("cf"), name="Armistice", party_ids=(ActorId("a"), ActorId("b")),
        ...               declared=TimeSpan.parse("2020-11"), citations=(Citation(SourceId("gdc"), (8,)),))
        >>> c.actor_ids
        ('a', 'b')
    """

    id: CeasefireId
    name: str = field(converter=nfc, validator=non_empty)
    party_ids: tuple[ActorId, ...] = field(validator=[non_empty, unique_items])
    mediator_ids: tuple[ActorId, ...] = field(default=(), validator=unique_items)
    declared: TimeSpan
    effective: TimeSpan | None = None
    ended: TimeSpan | None = None
    provisions: tuple[Provision, ...] = ()
    territory_ids: tuple[TerritoryId, ...] = field(default=(), validator=unique_items)
    strained_by_ids: tuple[EventId, ...] = field(default=(), validator=unique_items)
    event_id: EventId | None = None
    written: bool | None = None
    external_ids: tuple[ExternalId, ...] = ()
    citations: tuple[Citation, ...] = field(validator=non_empty)
    note: str | None = field(default=None, validator=non_empty)

    def __attrs_post_init__(self) -> None:
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


Record: TypeAlias = Source | Actor | Territory | Event | Ceasefire | Claim | Stance
"""Any top-level record of a data set."""
