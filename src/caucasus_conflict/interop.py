"""Crosswalks from the model to the codes of the field's reference data sets.

Nothing in the core imports this module. It holds the documented mapping of each
`EventKind` to ACLED's ``event_type`` / ``sub_event_type`` and to PLOVER's event type
(with its mode where PLOVER has one), and of a `TimeSpan` to UCDP GED's ``date_prec``.

The mappings are approximate by nature: ACLED codes violent and demonstration events,
so statements, negotiations and declarations have no ACLED type; PLOVER has no code for
a declaration of independence or a state breaking up. ``None`` says so rather than
forcing a code.
"""

from __future__ import annotations

import attrs

from .errors import ArgumentTypeError, QueryError, preview
from .kinds import EventKind, Precision
from .timespan import TimeSpan

__all__ = ["EVENT_KIND_CROSSWALK", "EventCodes", "codes_for", "ucdp_date_precision"]


@attrs.frozen
class EventCodes:
    """The codes of one `EventKind` in ACLED and PLOVER; ``None`` where there is none.

    Examples:
        >>> codes_for("armistice").plover
        'RETREAT'
    """

    acled_event_type: str | None
    acled_sub_event_type: str | None
    plover: str | None
    plover_mode: str | None = None


EVENT_KIND_CROSSWALK: dict[EventKind, EventCodes] = {
    EventKind.WAR: EventCodes("Battles", "Armed clash", "ASSAULT"),
    EventKind.OFFENSIVE: EventCodes("Battles", "Armed clash", "ASSAULT"),
    EventKind.CLASHES: EventCodes("Battles", "Armed clash", "ASSAULT"),
    EventKind.BLOCKADE: EventCodes("Strategic developments", "Other", "COERCE", "blockade"),
    EventKind.ARMISTICE: EventCodes("Strategic developments", "Agreement", "RETREAT", "ceasefire"),
    EventKind.MOBILISATION: EventCodes("Strategic developments", "Other", "MOBILIZE", "troops"),
    EventKind.MARTIAL_LAW: EventCodes("Strategic developments", "Other", "COERCE", "martial law"),
    EventKind.DECLARATION: EventCodes("Strategic developments", "Other", None),
    EventKind.DEPLOYMENT: EventCodes("Strategic developments", "Change to group/activity", "MOBILIZE", "troops"),
    EventKind.WITHDRAWAL: EventCodes("Strategic developments", "Change to group/activity", "RETREAT", "withdraw"),
    EventKind.EXERCISE: EventCodes("Strategic developments", "Other", "MOBILIZE", "exercise"),
    EventKind.NEGOTIATION: EventCodes(None, None, "CONSULT"),
    EventKind.DISSOLUTION: EventCodes(None, None, None),
    EventKind.CONTROL_CHANGE: EventCodes("Strategic developments", "Government regains territory", None),
    EventKind.STATEMENT: EventCodes(None, None, None),
    EventKind.ONE_SIDED_VIOLENCE: EventCodes("Violence against civilians", "Attack", "ASSAULT"),
    EventKind.REMOTE_VIOLENCE: EventCodes("Explosions/Remote violence", None, "ASSAULT", "aerial"),
    EventKind.PROTEST: EventCodes("Protests", "Peaceful protest", "PROTEST", "demonstrate"),
    EventKind.RIOT: EventCodes("Riots", "Violent demonstration", "PROTEST", "riot"),
}
"""Every `EventKind` with its ACLED and PLOVER codes (a table in docs/model.md)."""


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
        caucasus_conflict.errors.QueryError: 'battle' is not a valid EventKind; expected one of 'war', 'offensive', 'clashes', 'blockade', 'armistice', 'mobilisation', 'martial_law', 'declaration', 'deployment', 'withdrawal', 'exercise', 'negotiation', 'dissolution', 'control_change', 'statement', 'one_sided_violence', 'remote_violence', 'protest', 'riot'
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
