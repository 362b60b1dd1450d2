"""The closed vocabularies of the model, as enums.

Each enum is singular, its members ``UPPER_CASE`` and its values the stable lower-case
strings written in JSON files. Values never change once released; new members may be
added. The crosswalk from `EventKind` to ACLED and PLOVER lives in
`caucasus_conflict.interop`.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final

__all__ = [
    "LOCATION_PRECISION",
    "ActorKind",
    "Basis",
    "CasualtyGroup",
    "ConflictType",
    "ControlExtent",
    "EventKind",
    "Incompatibility",
    "Intensity",
    "LegalStatusKind",
    "Medium",
    "Precision",
    "Role",
    "Side",
    "SourceKind",
    "StanceKind",
    "TerritoryKind",
]


class Precision(StrEnum):
    """How precisely a `TimeSpan` is known.

    Examples:
        >>> Precision("month") is Precision.MONTH
        True
    """

    DAY = "day"
    """One calendar day."""
    MONTH = "month"
    """One calendar month; the day is not known."""
    YEAR = "year"
    """One calendar year; month and day are not known."""
    RANGE = "range"
    """Somewhere between two bounds, either of which may be open."""
    UNKNOWN = "unknown"
    """The source gives no date at all."""


class Basis(StrEnum):
    """How a date was obtained.

    Examples:
        >>> Basis.INFERRED.value
        'inferred'
    """

    STATED = "stated"
    """The source states it."""
    INFERRED = "inferred"
    """Resolved from context; the span's ``reason`` says how."""


class ActorKind(StrEnum):
    """What sort of actor a record describes.

    Examples:
        >>> ActorKind("de_facto_authority")
        <ActorKind.DE_FACTO_AUTHORITY: 'de_facto_authority'>
    """

    STATE = "state"
    """A sovereign state acting as a whole (its capital's name is a metonym for it)."""
    GOVERNMENT = "government"
    """A government or one of its bodies."""
    DE_FACTO_AUTHORITY = "de_facto_authority"
    """An authority that governs without international recognition."""
    OFFICE = "office"
    """An office of state, such as a presidential office or an ombudsman."""
    ARMED_FORCES = "armed_forces"
    """Regular or irregular armed formations, including mercenaries."""
    ORGANISATION = "organisation"
    """An international or non-governmental organisation, alliance or think tank."""
    PERSON = "person"
    """A named person."""
    POPULATION = "population"
    """A people, population or diaspora."""
    MEDIA = "media"
    """A publisher or news outlet."""


class TerritoryKind(StrEnum):
    """What sort of place a territory is.

    Examples:
        >>> TerritoryKind.CORRIDOR.value
        'corridor'
    """

    STATE = "state"
    """The territory of a sovereign state."""
    REGION = "region"
    """A region without its own administrative status, such as an enclave."""
    ADMINISTRATIVE_UNIT = "administrative_unit"
    """An administrative unit, such as a Soviet-era autonomous oblast."""
    DISTRICTS = "districts"
    """A group of districts named together."""
    CORRIDOR = "corridor"
    """A road or corridor."""
    CITY = "city"
    """A city or town."""


class LegalStatusKind(StrEnum):
    """A territory's status in law.

    Examples:
        >>> LegalStatusKind.RECOGNISED_PART_OF.value
        'recognised_part_of'
    """

    SOVEREIGN_STATE = "sovereign_state"
    """A recognised sovereign state."""
    RECOGNISED_PART_OF = "recognised_part_of"
    """Recognised internationally as part of another territory (``part_of_id``)."""
    SELF_PROCLAIMED = "self_proclaimed"
    """Declared itself independent without international recognition."""
    DEFUNCT = "defunct"
    """No longer exists as a legal unit."""


class ControlExtent(StrEnum):
    """How much of a territory a controller held in a control period.

    Examples:
        >>> ControlExtent.PART.value
        'part'
    """

    FULL = "full"
    """All of it."""
    MOST = "most"
    """Most of it."""
    PART = "part"
    """Part of it; ``share`` may give an approximate fraction."""


class EventKind(StrEnum):
    """The kind of an event.

    The documented crosswalk to ACLED and PLOVER is
    `caucasus_conflict.interop.EVENT_KIND_CROSSWALK`.

    Examples:
        >>> EventKind("blockade")
        <EventKind.BLOCKADE: 'blockade'>
    """

    WAR = "war"
    """A war: sustained armed conflict between states or their forces."""
    OFFENSIVE = "offensive"
    """A military operation or offensive launched by one side."""
    CLASHES = "clashes"
    """Armed clashes or a flare-up of hostilities."""
    BLOCKADE = "blockade"
    """A blockade of a route or territory."""
    ARMISTICE = "armistice"
    """An armistice or ceasefire agreement coming into being."""
    MOBILISATION = "mobilisation"
    """A partial or general military mobilisation."""
    MARTIAL_LAW = "martial_law"
    """A declaration of martial law."""
    DECLARATION = "declaration"
    """A formal declaration, such as a declaration of independence."""
    DEPLOYMENT = "deployment"
    """Troops, peacekeepers or fighters sent somewhere."""
    WITHDRAWAL = "withdrawal"
    """Troops withdrawn."""
    EXERCISE = "exercise"
    """A military exercise."""
    NEGOTIATION = "negotiation"
    """Peace talks."""
    DISSOLUTION = "dissolution"
    """A state breaking up."""
    CONTROL_CHANGE = "control_change"
    """Territory changing hands."""
    STATEMENT = "statement"
    """A public statement, offer or announcement treated as an event in its own right."""
    ONE_SIDED_VIOLENCE = "one_sided_violence"
    """Organised armed force used against civilians (UCDP type of violence 3; ACLED's violence
    against civilians)."""
    REMOTE_VIOLENCE = "remote_violence"
    """Shelling, air or drone strikes, missiles and explosives, mostly where the attacker is not
    at the place; also chemical weapons, suicide bombs and grenades (ACLED's explosions/remote
    violence)."""
    PROTEST = "protest"
    """A public, non-violent demonstration (ACLED's protests)."""
    RIOT = "riot"
    """A violent demonstration or mob violence (ACLED's riots)."""
    AGREEMENT = "agreement"
    """An agreement reached between parties: a peace deal, a prisoner exchange, an accord on a
    route; a ceasefire is an `armistice` where the source says so (ACLED's agreement)."""
    ARREST = "arrest"
    """People arrested or detained by the authorities (ACLED's arrests)."""
    GROUP_CHANGE = "group_change"
    """A change in an armed group or its activity (formed, split, merged, renamed, moved) that is
    no deployment or withdrawal the source names (ACLED's change to group/activity)."""
    DISRUPTED_WEAPONS_USE = "disrupted_weapons_use"
    """An attack or weapons use prevented: explosives defused, a weapons cache seized (ACLED's
    disrupted weapons use)."""
    BASE_ESTABLISHED = "base_established"
    """A headquarters or base set up by an armed group (ACLED's headquarters or base established)."""
    LOOTING = "looting"
    """Looting or destruction of property, without armed clashes (ACLED's looting/property
    destruction)."""
    OTHER_DEVELOPMENT = "other_development"
    """A strategically important, non-violent development that no other kind names (ACLED's
    strategic developments of sub-type other)."""


class Role(StrEnum):
    """An actor's role in an event.

    Examples:
        >>> Role.TARGET.value
        'target'
    """

    INITIATOR = "initiator"
    """Started or carried out the event."""
    TARGET = "target"
    """The event was directed at it: the side attacked, or the addressee of an offer."""
    PARTICIPANT = "participant"
    """Took part, on no particular side."""
    MEDIATOR = "mediator"
    """Brokered or mediated."""
    SUPPORTER = "supporter"
    """Supported a side (e.g. militarily): the one its `Participant.side` names, or else the
    initiator."""
    AFFECTED = "affected"
    """Suffered the consequences without being targeted as a party."""


class Side(StrEnum):
    """A side of a dyad, as UCDP and ETH/PRIO number them (side A is a government where one takes part).

    Examples:
        >>> Side("b")
        <Side.B: 'b'>
    """

    A = "a"
    """Side A: in UCDP the government side of a state-based conflict."""
    B = "b"
    """Side B: the opposition, or the other state."""


class StanceKind(StrEnum):
    """An actor's position toward another actor, a territory or an event.

    Examples:
        >>> StanceKind("supports")
        <StanceKind.SUPPORTS: 'supports'>
    """

    SUPPORTS = "supports"
    """Backs it, politically or materially."""
    OPPOSES = "opposes"
    """Is against it."""
    MEDIATES = "mediates"
    """Acts as a go-between or peacekeeper."""
    CLOSE_TIES = "close_ties"
    """Has close ties with it."""
    CONCERNED = "concerned"
    """Has expressed concern about it."""


class SourceKind(StrEnum):
    """What a `Source` is, and so what its citations point at.

    Examples:
        >>> SourceKind("data_file").value
        'data_file'
    """

    ARTICLE = "article"
    """A document of numbered blocks (paragraphs); citations name blocks."""
    DATA_FILE = "data_file"
    """A published data file (a UCDP, ETH/PRIO, PA-X or ACLED release); citations name rows."""


class Medium(StrEnum):
    """Through which medium a claim was made.

    Examples:
        >>> Medium.SOCIAL_MEDIA.value
        'social_media'
    """

    OFFICIAL_STATEMENT = "official_statement"
    """A statement by an office or government."""
    SOCIAL_MEDIA = "social_media"
    """A post on a social network such as X (formerly Twitter)."""
    WRITTEN = "written"
    """A written message whose channel the source does not name."""
    SPEECH = "speech"
    """Spoken words: a speech, interview or remarks."""
    REPORT = "report"
    """A published report or analysis."""
    DECREE = "decree"
    """A decree or other legal act."""
    UNSPECIFIED = "unspecified"
    """The source does not say."""


class CasualtyGroup(StrEnum):
    """Whose casualties a figure counts.

    Examples:
        >>> CasualtyGroup.MILITARY.value
        'military'
    """

    MILITARY = "military"
    """Troops."""
    CIVILIAN = "civilian"
    """Civilians."""
    UNSPECIFIED = "unspecified"
    """People, without saying which."""


LOCATION_PRECISION: Final[dict[str, dict[int, str]]] = {
    "ucdp-ged": {
        1: "exact location",
        2: "a limited area around a named place",
        3: "a second-order administrative unit (its centroid)",
        4: "a first-order administrative unit (its centroid)",
        5: "a larger part of a country, or between places",
        6: "the whole country",
        7: "over water or in international airspace",
    },
    "acled": {
        1: "the town",
        2: "near a place, or a small part of a region",
        3: "a region",
    },
}
"""How exactly a `Location`'s coordinates place an event, by scheme: the source's own codes.

``"ucdp-ged"`` is GED's ``where_prec`` (1-7), ``"acled"`` ACLED's ``geo_precision`` (1-3).
A location keeps the code as the source writes it, with the scheme that gives it meaning.
"""
class Incompatibility(StrEnum):
    """What a conflict is over, as UCDP codes it (ACD and BRD ``incompatibility``).

    Examples:
        >>> Incompatibility("territory")
        <Incompatibility.TERRITORY: 'territory'>
    """

    TERRITORY = "territory"
    """Territory (code 1): the status of a territory."""
    GOVERNMENT = "government"
    """Government (code 2): the type of political system, or who governs."""
    TERRITORY_AND_GOVERNMENT = "territory_and_government"
    """Both (code 3)."""


class ConflictType(StrEnum):
    """The type of an armed conflict, as UCDP codes it (ACD and BRD ``type_of_conflict``).

    Examples:
        >>> ConflictType("interstate").value
        'interstate'
    """

    EXTRASYSTEMIC = "extrasystemic"
    """A state against a non-state group outside its own territory (code 1)."""
    INTERSTATE = "interstate"
    """Between two or more states (code 2)."""
    INTRASTATE = "intrastate"
    """A government against internal opposition groups (code 3)."""
    INTERNATIONALISED_INTRASTATE = "internationalised_intrastate"
    """Intrastate, with other states' troops on one or both sides (code 4)."""


class Intensity(StrEnum):
    """A conflict-year's intensity, as UCDP codes it (ACD ``intensity_level``).

    Examples:
        >>> Intensity("war").value
        'war'
    """

    MINOR = "minor"
    """25 to 999 battle-related deaths in the year (code 1)."""
    WAR = "war"
    """At least 1,000 battle-related deaths in the year (code 2)."""
