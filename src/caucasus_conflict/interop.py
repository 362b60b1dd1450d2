"""Crosswalks from the model to the codes of the field's reference data sets.

Nothing in the core imports this module. It holds the documented mapping of each
`EventKind` to ACLED's ``event_type`` / ``sub_event_type`` and to PLOVER's event type
(with its mode where PLOVER has one), and of a `TimeSpan` to UCDP GED's ``date_prec``.

The mappings are approximate by nature: ACLED codes violent and demonstration events,
so statements and negotiations have no ACLED type; PLOVER has no code for a declaration
of independence or a state breaking up. ``None`` says so rather than forcing a code.

The crosswalk runs both ways and is complete: every ACLED event type and sub-event type of
the codebook (`ACLED_KINDS`) and every UCDP type of violence (`UCDP_KINDS`) has a kind, and
every kind lists the ACLED categories and UCDP types it can be written as (docs/model.md
has the tables, and says where one kind holds several categories).
"""

from __future__ import annotations

from typing import Final

import attrs

from .errors import ArgumentTypeError, QueryError, preview
from .kinds import EventKind, Precision
from .timespan import TimeSpan

__all__ = ["ACLED_EVENT_TYPES", "ACLED_KINDS", "EVENT_KIND_CROSSWALK", "UCDP_KINDS", "EventCodes", "codes_for", "kind_for_acled",
           "kind_for_ucdp", "ucdp_date_precision"]


_SD = "Strategic developments"
ACLED_EVENT_TYPES: Final = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": ("Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    _SD: ("Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
          "Headquarters or base established", "Looting/property destruction", "Non-violent transfer of territory",
          "Other"),
}
"""ACLED's codebook: each of its 6 event types with its sub-event types (25 in all); the ACLED
reader checks rows against the same table."""


@attrs.frozen
class EventCodes:
    """The codes of one `EventKind` in ACLED, PLOVER and UCDP GED; ``None`` or ``()`` where there is none.

    ``acled_event_type`` and ``acled_sub_event_type`` are the ACLED category a writer uses for
    the kind; ``acled`` lists every (event type, sub-event type) it can be written as, that
    one first (``control_change`` is any of ACLED's three territorial sub-types).
    ``ucdp_types_of_violence`` lists the GED ``type_of_violence`` codes it can be written as,
    the default first (``clashes`` is state-based, 1, or non-state, 2).

    Examples:
        >>> codes_for("armistice").plover
        'RETREAT'
        >>> codes_for("control_change").acled[1]
        ('Battles', 'Non-state actor overtakes territory')
        >>> codes_for("clashes").ucdp_types_of_violence
        (1, 2)
    """

    acled_event_type: str | None
    acled_sub_event_type: str | None
    plover: str | None
    plover_mode: str | None = None
    acled: tuple[tuple[str, str | None], ...] = ()
    ucdp_types_of_violence: tuple[int, ...] = ()


def _codes(acled: str | tuple[str, ...] | None, plover: str | None, mode: str | None = None,
           ucdp: tuple[int, ...] = ()) -> EventCodes:
    """The codes of a kind written as the ACLED sub-types *acled* (the first is the default; an
    event type alone, ``"Explosions/Remote violence"``, leaves the sub-type unknown)."""
    subs = (acled,) if isinstance(acled, str) else acled or ()
    pairs = tuple((sub, None) if sub in ACLED_EVENT_TYPES else (_TYPE_OF[sub], sub) for sub in subs)
    first = pairs[0] if pairs else (None, None)
    return EventCodes(first[0], first[1], plover, mode, pairs, ucdp)


_TYPE_OF: Final = {sub: event for event, subs in ACLED_EVENT_TYPES.items() for sub in subs}
_TERRITORY = ("Government regains territory", "Non-state actor overtakes territory", "Non-violent transfer of territory")
_CIVILIANS = ("Attack", "Sexual violence", "Abduction/forced disappearance")
_REMOTE = ("Shelling/artillery/missile attack", "Air/drone strike", "Chemical weapon", "Suicide bomb",
           "Remote explosive/landmine/IED", "Grenade")

EVENT_KIND_CROSSWALK: dict[EventKind, EventCodes] = {
    EventKind.WAR: _codes("Armed clash", "ASSAULT", ucdp=(1,)),
    EventKind.OFFENSIVE: _codes("Armed clash", "ASSAULT", ucdp=(1,)),
    EventKind.CLASHES: _codes(("Armed clash", "Battles"), "ASSAULT", ucdp=(1, 2)),
    EventKind.BLOCKADE: _codes("Other", "COERCE", "blockade"),
    EventKind.ARMISTICE: _codes("Agreement", "RETREAT", "ceasefire"),
    EventKind.MOBILISATION: _codes("Other", "MOBILIZE", "troops"),
    EventKind.MARTIAL_LAW: _codes("Other", "COERCE", "martial law"),
    EventKind.DECLARATION: _codes("Other", None),
    EventKind.DEPLOYMENT: _codes("Change to group/activity", "MOBILIZE", "troops"),
    EventKind.WITHDRAWAL: _codes("Change to group/activity", "RETREAT", "withdraw"),
    EventKind.EXERCISE: _codes("Other", "MOBILIZE", "exercise"),
    EventKind.NEGOTIATION: _codes(None, "CONSULT"),
    EventKind.DISSOLUTION: _codes(None, None),
    EventKind.CONTROL_CHANGE: _codes(_TERRITORY, None),
    EventKind.STATEMENT: _codes(None, None),
    EventKind.ONE_SIDED_VIOLENCE: _codes((*_CIVILIANS, "Violence against civilians"), "ASSAULT", ucdp=(3,)),
    EventKind.REMOTE_VIOLENCE: _codes(("Explosions/Remote violence", *_REMOTE), "ASSAULT", "aerial", ucdp=(1,)),
    EventKind.PROTEST: _codes(("Peaceful protest", "Protest with intervention", "Excessive force against protesters",
                               "Protests"), "PROTEST", "demonstrate"),
    EventKind.RIOT: _codes(("Violent demonstration", "Mob violence", "Riots"), "PROTEST", "riot"),
    EventKind.AGREEMENT: _codes("Agreement", "AGREE"),
    EventKind.ARREST: _codes("Arrests", "COERCE", "arrest"),
    EventKind.GROUP_CHANGE: _codes("Change to group/activity", None),
    EventKind.DISRUPTED_WEAPONS_USE: _codes("Disrupted weapons use", "COERCE", "seize"),
    EventKind.BASE_ESTABLISHED: _codes("Headquarters or base established", None),
    EventKind.LOOTING: _codes("Looting/property destruction", "COERCE"),
    EventKind.OTHER_DEVELOPMENT: _codes(("Other", _SD), None),
}
"""Every `EventKind` with its ACLED, PLOVER and UCDP codes (a table in docs/model.md)."""

ACLED_KINDS: dict[tuple[str, str | None], EventKind] = {
    ("Battles", "Armed clash"): EventKind.CLASHES,
    **{("Battles", sub): EventKind.CONTROL_CHANGE for sub in _TERRITORY[:2]},
    **{("Explosions/Remote violence", sub): EventKind.REMOTE_VIOLENCE for sub in _REMOTE},
    **{("Violence against civilians", sub): EventKind.ONE_SIDED_VIOLENCE for sub in _CIVILIANS},
    **{("Protests", sub): EventKind.PROTEST for sub in ACLED_EVENT_TYPES["Protests"]},
    **{("Riots", sub): EventKind.RIOT for sub in ACLED_EVENT_TYPES["Riots"]},
    (_SD, "Agreement"): EventKind.AGREEMENT,
    (_SD, "Arrests"): EventKind.ARREST,
    (_SD, "Change to group/activity"): EventKind.GROUP_CHANGE,
    (_SD, "Disrupted weapons use"): EventKind.DISRUPTED_WEAPONS_USE,
    (_SD, "Headquarters or base established"): EventKind.BASE_ESTABLISHED,
    (_SD, "Looting/property destruction"): EventKind.LOOTING,
    (_SD, "Non-violent transfer of territory"): EventKind.CONTROL_CHANGE,
    (_SD, "Other"): EventKind.OTHER_DEVELOPMENT,
    # An event type without its sub-type (a blank sub_event_type).
    ("Battles", None): EventKind.CLASHES,
    ("Explosions/Remote violence", None): EventKind.REMOTE_VIOLENCE,
    ("Violence against civilians", None): EventKind.ONE_SIDED_VIOLENCE,
    ("Protests", None): EventKind.PROTEST,
    ("Riots", None): EventKind.RIOT,
    (_SD, None): EventKind.OTHER_DEVELOPMENT,
}
"""Every ACLED (event type, sub-event type) of the codebook, and each event type alone, with its `EventKind`."""

UCDP_KINDS: dict[int, EventKind] = {1: EventKind.CLASHES, 2: EventKind.CLASHES, 3: EventKind.ONE_SIDED_VIOLENCE}
"""UCDP GED's ``type_of_violence`` (1 state-based, 2 non-state, 3 one-sided) with its `EventKind`."""


def kind_for_acled(event_type: str, sub_event_type: str | None = None) -> EventKind:
    """Return the `EventKind` of an ACLED event type and sub-event type (or the event type alone).

    Raises:
        QueryError: The pair is not in ACLED's codebook.

    Examples:
        >>> kind_for_acled("Explosions/Remote violence", "Air/drone strike")
        <EventKind.REMOTE_VIOLENCE: 'remote_violence'>
        >>> kind_for_acled("Strategic developments", "Arrests").value
        'arrest'
        >>> kind_for_acled("Battles", "Grenade")
        Traceback (most recent call last):
        caucasus_conflict.errors.QueryError: ACLED has no sub-event type 'Grenade' of 'Battles'
    """
    kind = ACLED_KINDS.get((event_type, sub_event_type))
    if kind is None:
        what = f"sub-event type {preview(sub_event_type)} of {preview(event_type)}" if sub_event_type is not None \
            else f"event type {preview(event_type)}"
        raise QueryError(f"ACLED has no {what}")
    return kind


def kind_for_ucdp(type_of_violence: int) -> EventKind:
    """Return the `EventKind` of a UCDP GED ``type_of_violence`` (1 and 2 are `clashes`, 3 `one_sided_violence`).

    Raises:
        QueryError: The code is not 1, 2 or 3.

    Examples:
        >>> kind_for_ucdp(3)
        <EventKind.ONE_SIDED_VIOLENCE: 'one_sided_violence'>
    """
    kind = UCDP_KINDS.get(type_of_violence) if type(type_of_violence) is int else None
    if kind is None:
        raise QueryError(f"UCDP has no type of violence {preview(type_of_violence)}; its codes are 1, 2 and 3")
    return kind


def codes_for(kind: EventKind | str) -> EventCodes:
    """Return the ACLED and PLOVER codes of an event kind.

    Raises:
        QueryError: *kind* is a string that is not an `EventKind` value (a ``ValueError``).
        ArgumentTypeError: *kind* is neither an `EventKind` nor a string (a ``TypeError``).

    Examples:
        >>> codes_for(EventKind.OFFENSIVE).acled_event_type
        'Battles'
        >>> codes_for("battle")
        Traceback (most recent call last):
        caucasus_conflict.errors.QueryError: 'battle' is not a valid EventKind; expected one of 'war', 'offensive', 'clashes', 'blockade', 'armistice', 'mobilisation', 'martial_law', 'declaration', 'deployment', 'withdrawal', 'exercise', 'negotiation', 'dissolution', 'control_change', 'statement', 'one_sided_violence', 'remote_violence', 'protest', 'riot', 'agreement', 'arrest', 'group_change', 'disrupted_weapons_use', 'base_established', 'looting', 'other_development'
    """
    if not isinstance(kind, str):
        raise ArgumentTypeError("kind", "be an EventKind or its value", kind,
                                message=f"'kind' must be an EventKind or its value, such as 'offensive' "
                                        f"(got {preview(kind)})")
    try:
        member = EventKind(kind)
    except ValueError:
        choices = ", ".join(repr(m.value) for m in EventKind)
        raise QueryError(f"{preview(kind)} is not a valid EventKind; expected one of {choices}") from None
    return EVENT_KIND_CROSSWALK[member]


_UCDP_PRECISION = {Precision.DAY: 1, Precision.MONTH: 4, Precision.YEAR: 5}


def ucdp_date_precision(span: TimeSpan) -> int | None:
    """Return UCDP GED's ``date_prec`` for a span, or ``None`` when UCDP has no code for it.

    UCDP codes 1 (exact day), 2 (a span of 2–6 days), 3 (a known week), 4 (a known
    month) and 5 (a known year). A closed range of 2–6 days is 2, of 7 days 3; longer,
    open or unknown spans have no UCDP precision.

    Examples:
        >>> ucdp_date_precision(TimeSpan.parse("2020-11"))
        4
        >>> ucdp_date_precision(TimeSpan.parse("2023-09-19/2023-09-21"))
        2
        >>> ucdp_date_precision(TimeSpan.parse("1990/1993")) is None
        True
    """
    if span.precision in _UCDP_PRECISION:
        return _UCDP_PRECISION[span.precision]
    if span.precision is Precision.RANGE and span.start is not None and span.end is not None:
        days = (span.end - span.start).in_days() + 1
        if days == 1:
            return 1
        if 2 <= days <= 6:
            return 2
        if days == 7:
            return 3
    return None
