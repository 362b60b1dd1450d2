"""A `Dataset`'s events written as UCDP GED rows (`ged_rows`, the ``ucdp-ged`` writer of `write`).

GED holds events of organised violence, dated at one of its five precisions, between a
side A and a side B. An event read from GED gets back the columns its source codes keep
(docs/formats/ucdp-ged.md); the other columns are derived from the record: the kind's UCDP
type of violence, the sides' names and UCDP actor ids, the location, the dates at their
precision and the deaths, total and parts.
"""

from __future__ import annotations

from typing import Any, Final

from caucasus_conflict.dataset import Dataset
from caucasus_conflict.errors import Problem
from caucasus_conflict.interop import EVENT_KIND_CROSSWALK, ucdp_date_precision
from caucasus_conflict.kinds import CasualtyGroup, Role, Side
from caucasus_conflict.model import Actor, ActorId, Event

from ._into_ged import GED_SOURCE_TITLE
from ._out import event_rows, given_back
from ._rows import ColumnSpec
from .ucdp import GED, GedRow

__all__ = ["ged_rows"]

_SPECS: Final[dict[str, ColumnSpec]] = {spec.name: spec for spec in GED.columns}


def ged_rows(dataset: Dataset) -> tuple[list[GedRow], list[Problem]]:
    """The GED rows of *dataset*'s events, and what GED cannot hold.

    Left out, each with its reason: events of a kind that is no organised violence, events
    dated more coarsely than a year or open-ended (a year-precision event is written with
    GED's year code 5, never as a day), events without a side A and a side B, and every
    record that is no event.

    Examples:
        >>> import caucasus_conflict as cc
        >>> rows, left_out = ged_rows(cc.load())
        >>> [(row.type_of_violence, row.date_prec, row.side_a) for row in rows]
        [(1, 1, 'Azerbaijan')]
        >>> str(left_out[0])
        'events[0]: ussr-dissolution is of kind dissolution, which is no organised violence GED records'
    """
    actors = {a.id: a for a in dataset.actors}
    return event_rows(dataset, lambda event: _ged_row(event, actors), "GED", GED_SOURCE_TITLE)


def _ged_row(event: Event, actors: dict[ActorId, Actor]) -> tuple[GedRow | None, str]:
    codes = next((c for c in event.source_codes if c.scheme == "ucdp-ged"), None)
    kept = dict(codes.items()) if codes is not None else {}
    types = EVENT_KIND_CROSSWALK[event.kind].ucdp_types_of_violence
    if not types:
        return None, f"is of kind {event.kind.value}, which is no organised violence GED records"
    precision = ucdp_date_precision(event.span)
    if precision is None and "date_prec" not in kept:
        return None, f"is dated {event.span.format()}, which no GED date precision (1-5) expresses"
    cells: dict[str, Any] = {"type_of_violence": types[0]}
    ged_id = next((x.value for x in event.external_ids if x.scheme == "ged"), None)
    cells["id"] = _integer(ged_id)
    if precision is not None:
        cells.update(date_prec=precision, date_start=event.span.first_day, date_end=event.span.last_day)
    if event.span.first_day is not None:
        cells["year"] = event.span.first_day.year
    sides = {p.side: p.actor_id for p in reversed(event.participants) if p.side is not None}
    if not sides:  # an event of another source names who started it, not sides: its initiator is side A
        roles = {p.role: p.actor_id for p in reversed(event.participants)}
        sides = {side: roles[role] for side, role in ((Side.A, Role.INITIATOR), (Side.B, Role.TARGET)) if role in roles}
    for side, (name_column, id_column) in {Side.A: ("side_a", "side_a_new_id"),
                                           Side.B: ("side_b", "side_b_new_id")}.items():
        actor = actors.get(sides[side]) if side in sides else None
        if actor is not None:
            ucdp = next((x.value for x in actor.external_ids if x.scheme == "ucdp-actor"), None)
            cells[name_column] = actor.name
            cells[id_column] = _integer(ucdp)
        elif name_column not in kept:
            return None, f"has no {'side A' if side is Side.A else 'side B'}, which every GED event has"
    where = event.location
    if where is not None:
        cells.update(where_coordinates=where.name, adm_1=where.admin1, adm_2=where.admin2, country=where.country,
                     latitude=where.latitude, longitude=where.longitude,
                     where_prec=where.precision if where.precision_scheme == "ucdp-ged" else None)
    _deaths(event, sides, cells)
    source_codes = given_back(kept, cells, _SPECS)
    if cells["type_of_violence"] is not None and cells["type_of_violence"] not in types:
        cells["type_of_violence"] = types[0]  # the record's kind was changed since it was read
    return GedRow(source_codes=source_codes, **cells), ""


def _deaths(event: Event, sides: dict[Side, ActorId], cells: dict[str, Any]) -> None:
    total = next((c.killed for c in event.casualties if not c.is_part and c.killed is not None), None)
    if total is not None:
        cells.update(best=total.best, low=total.low, high=total.high)
    parts = {"deaths_a": 0, "deaths_b": 0, "deaths_civilians": 0, "deaths_unknown": 0}
    for c in event.casualties:
        if not c.is_part or c.killed is None or c.killed.best is None:
            continue
        column = ("deaths_a" if c.of_actor_id is not None and c.of_actor_id == sides.get(Side.A) else
                  "deaths_b" if c.of_actor_id is not None and c.of_actor_id == sides.get(Side.B) else
                  "deaths_civilians" if c.group is CasualtyGroup.CIVILIAN else "deaths_unknown")
        parts[column] += c.killed.best
    # The parts are written whole when they add up to the total (GED's rule); else only those known.
    whole = total is not None and total.best == sum(parts.values())
    cells.update({column: value if value or whole else None for column, value in parts.items()})


def _integer(text: str | None) -> int | None:
    """An id written as GED writes it (a whole number, possibly negative), else none."""
    return int(text) if text is not None and text.removeprefix("-").isdigit() and text.isascii() else None
