"""ACLED exports into the model and back: `acled_records` for `read`, `acled_rows` for `write`.

ACLED's terms of use forbid redistribution: nothing of ACLED is shipped, and the tests use
rows written from the public codebook. How an export maps (docs/formats/acled.md has the table):

- the file is one `Source` of kind ``data_file`` (id ``acled-`` and the first 12 hex digits of
  its SHA-256), with the years it covers;
- each actor name (``actor1``, ``actor2`` and the associated actors) is an `Actor`
  ``acled-actor-<folded name>``: ACLED has no actor ids, so names that fold alike are one
  actor, the later spellings its aliases; its kind is read from ``inter1``/``inter2``
  (rioters, protesters and civilians are populations, the others armed forces);
- each row is an `Event` ``acled-<event_id_cnty>`` with the external id ``acled``; its kind
  comes from the crosswalk (`caucasus_conflict.interop.ACLED_KINDS`), its span from
  ``event_date`` read at ``time_precision``, its `Location` from the place columns; actor1
  and its associated actors are participants on side A, actor2 and its associated actors
  on side B (ACLED gives no direction, so every role is ``participant``); ``fatalities``
  is the total casualties, and an absent or blank ``fatalities`` is no figure at all
  (unknown), never 0;
- every column the model does not map (``inter1``, ``inter2``, ``interaction``, ``notes``, …),
  and each mapped one it cannot give back exactly (the day written for a month, a
  sub-event type another kind's default would not give back), is kept in the event's
  source codes (scheme ``acled``); `acled_rows` gives them back.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from typing import Any, Final

import pendulum

from caucasus_conflict._names import fold
from caucasus_conflict._validators import nfc
from caucasus_conflict.dataset import Dataset
from caucasus_conflict.errors import Problem, RecordError
from caucasus_conflict.interop import ACLED_KINDS, EVENT_KIND_CROSSWALK
from caucasus_conflict.kinds import ActorKind, EventKind, Precision, Role, Side, SourceKind
from caucasus_conflict.model import (
    Actor,
    ActorId,
    Casualties,
    Citation,
    Count,
    Event,
    EventId,
    ExternalId,
    Location,
    Participant,
    Source,
    SourceCodes,
    SourceId,
)
from caucasus_conflict.timespan import TimeSpan

from ._out import event_rows, given_back
from ._rows import ColumnSpec
from .acled import ACLED, SUB_EVENT_TYPES, AcledRow

__all__ = ["ACLED_KEPT", "acled_records", "acled_rows"]

_TITLE: Final = "ACLED export"  # its file's Source (and LineOrder)
ACLED_KEPT: Final = ("disorder_type", "inter1", "inter2", "interaction", "civilian_targeting", "iso", "region",
                     "source", "source_scale", "notes", "tags", "timestamp")
"""The ACLED columns the model does not map: kept in each event's source codes, as written."""

_SPECS: Final[dict[str, ColumnSpec]] = {spec.name: spec for spec in ACLED.columns}
_FORMATTERS: Final = tuple((spec.field, spec.codec.format) for spec in map(ACLED.column, ACLED_KEPT))
_KEPT_AT: Final = {column: index for index, column in enumerate(ACLED_KEPT)}
_PLACE: Final = ("location", "admin1", "admin2", "admin3", "country", "latitude", "longitude", "geo_precision")
_POPULATIONS: Final = frozenset({5, 6, 7})  # rioters, protesters, civilians
_CREDIT: Final = ("ACLED (Armed Conflict Location & Event Data), acleddata.com: Raleigh, Clionadh, Andrew Linke, "
                  "Håvard Hegre and Joakim Karlsen (2010), \"Introducing ACLED: An Armed Conflict Location and Event "
                  "Dataset\", Journal of Peace Research 47(5); not to be redistributed (ACLED's terms of use)")


def _actor_id(name: str) -> ActorId:
    key = fold(name)
    return ActorId(f"acled-actor-{key or hashlib.sha256(name.encode()).hexdigest()[:12]}")


def _text(row: AcledRow, column: str) -> str:
    kept = row.source_code(column)
    if kept is not None:
        return kept
    spec = ACLED.column(column)
    return str(spec.codec.format(getattr(row, spec.field)))


def acled_records(rows: Sequence[AcledRow], name: str, digest: str,
                  source_id: str | None) -> tuple[dict[str, Any], list[Problem]]:
    """The export's source, actors and events, and the problems mapping them found.

    Examples:
        >>> from caucasus_conflict.formats.acled import ACLED
        >>> rows = ACLED.read(b"event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,inter1,"
        ...                   b"country\\nXL1,2020-10-15,1,Strategic developments,Arrests,Police Forces of X,1,"
        ...                   b"Xland\\n").rows
        >>> records, problems = acled_records(rows, "x.csv", "0" * 64, None)
        >>> records["events"][0].kind, records["events"][0].casualties
        (<EventKind.ARREST: 'arrest'>, ())
    """
    problems: list[Problem] = []
    sid = SourceId(source_id or f"acled-{digest[:12]}")
    years = [row.event_date.year for row in rows if row.event_date is not None]
    coverage = None if not years else (TimeSpan.year(years[0]) if min(years) == max(years)
                                       else TimeSpan.parse(f"{min(years)}/{max(years)}"))
    source = Source(id=sid, kind=SourceKind.DATA_FILE, title=_TITLE, url="https://acleddata.com/",
                    publisher="Armed Conflict Location & Event Data (ACLED)", published=TimeSpan.unknown(),
                    credit=_CREDIT, licence="ACLED terms of use (no redistribution)", file_name=os.path.basename(name),
                    sha256=digest, coverage=coverage, note="the file does not say its release; read by "
                                                           "caucasus_conflict.read")
    actors: dict[ActorId, dict[str, Any]] = {}
    events: list[Event] = []
    seen: set[str] = set()
    shared: dict[tuple[str, ...], tuple[str, ...]] = {}
    for row in rows:
        own_id = row.event_id_cnty
        if own_id is not None and not (own_id.isprintable() and own_id == own_id.strip()):
            problems.append(Problem(f"{name}:{row.line}:event_id_cnty", f"{own_id!r} is no id (it has surrounding "
                                    "spaces or unprintable characters); the event is named by its line"))
            own_id = None
        first = own_id is not None and own_id not in seen
        if own_id is not None:
            seen.add(own_id)
        cite = (Citation(sid, rows=(row.line,), row_ids=(own_id,) if own_id else ()),)
        extra: list[tuple[str, str]] = [] if first else [("event_id_cnty", _text(row, "event_id_cnty"))]
        participants: list[Participant] = []
        for side, main, assoc, inter in ((Side.A, "actor1", "assoc_actor_1", row.inter1),
                                         (Side.B, "actor2", "assoc_actor_2", row.inter2)):
            named = [n for n in (getattr(row, main), *getattr(row, assoc)) if n and n.strip()]
            for actor_name in named:
                actor_id = _actor_id(actor_name)
                entry = actors.setdefault(actor_id, {"names": [], "cite": cite[0], "inter": inter})
                # Noted as the actor holds it (normal form C): a cell written otherwise differs
                # from the actor's name below, and its text as written is kept.
                if nfc(actor_name) not in entry["names"]:
                    entry["names"].append(nfc(actor_name))
                person = Participant(actor_id, Role.PARTICIPANT, side)
                if person not in participants:
                    participants.append(person)
            raw = [n for n in (getattr(row, main), *getattr(row, assoc)) if n]
            if raw != named or (named and not getattr(row, main)) or any(n != actors[_actor_id(n)]["names"][0] for n in named) \
                    or len(set(map(_actor_id, named))) < len(named):
                extra += [(main, _text(row, main)), (assoc, _text(row, assoc))]
        kind = _kind(row)
        if kind is None:
            problems.append(Problem(f"{name}:{row.line}:event_type", "the row has no event type ACLED's codebook "
                                    "knows; read as other_development, the text kept as source codes"))
            kind = EventKind.OTHER_DEVELOPMENT
        if (row.event_type, row.sub_event_type) != EVENT_KIND_CROSSWALK[kind].acled[0]:
            extra += [("event_type", _text(row, "event_type")), ("sub_event_type", _text(row, "sub_event_type"))]
        span = row.span
        if row.time_precision != 1 or row.event_date is None:
            extra += [("event_date", _text(row, "event_date")), ("time_precision", _text(row, "time_precision"))]
        if row.year is None or span.first_day is None or row.year != span.first_day.year:
            extra.append(("year", _text(row, "year")))
        location = None
        if any(getattr(row, c) is not None for c in _PLACE):
            paired = (row.latitude is None) == (row.longitude is None)  # else one was set aside, and reported
            if not paired:
                extra += [(c, _text(row, c)) for c in ("latitude", "longitude")]
            try:
                location = Location(latitude=row.latitude if paired else None,
                                    longitude=row.longitude if paired else None, precision=row.geo_precision,
                                    precision_scheme=None if row.geo_precision is None else "acled",
                                    name=row.location, admin1=row.admin1, admin2=row.admin2, admin3=row.admin3,
                                    country=row.country)
            except RecordError as exc:
                problems.append(Problem(f"{name}:{row.line}:latitude", "the row's place is kept as source codes, "
                                                                       f"not as a location: {exc}"))
                extra += [(c, _text(row, c)) for c in _PLACE if c not in {k for k, _ in extra}]
        casualties = () if row.fatalities is None else (Casualties(killed=Count(row.fatalities), citations=cite),)
        done = {c for c, _ in extra}
        extra += [(c, t) for c, t in row.source_codes if c not in done and c not in ACLED_KEPT]
        columns = ACLED_KEPT + tuple(c for c, _ in extra)
        columns = shared.setdefault(columns, columns)
        kept = [str(fmt(getattr(row, field))) for field, fmt in _FORMATTERS]
        for column, text in row.source_codes:  # a kept column's value the reader set aside: its text
            if column in _KEPT_AT:
                kept[_KEPT_AT[column]] = text
        values = (*kept, *(t for _, t in extra))
        what = row.sub_event_type or row.event_type or "Event"
        others = " and ".join(n for n in (row.actor1, row.actor2) if n and n.strip()) or "unnamed actors"
        place = f" at {row.location}" if row.location else ""
        events.append(Event(
            id=EventId(f"acled-{row.event_id_cnty}" if first else f"acled-line-{row.line}"), kind=kind,
            summary=f"{what}: {others}{place} (ACLED event {row.event_id_cnty})", span=span,
            participants=tuple(participants), location=location, casualties=casualties,
            external_ids=(ExternalId("acled", str(row.event_id_cnty)),) if first else (),
            source_codes=(SourceCodes._of_row("acled", columns, values),), citations=cite))
    actor_records = tuple(
        Actor(id=actor_id, name=entry["names"][0], aliases=tuple(entry["names"][1:]),
              kind=ActorKind.POPULATION if entry["inter"] in _POPULATIONS else ActorKind.ARMED_FORCES,
              citations=(entry["cite"],))
        for actor_id, entry in actors.items())
    return {"sources": (source,), "actors": actor_records, "events": tuple(events)}, problems


def _kind(row: AcledRow) -> EventKind | None:
    if row.sub_event_type is not None:
        # A sub-type under another type is reported by the reader; the sub-type says more.
        return ACLED_KINDS[(SUB_EVENT_TYPES[row.sub_event_type], row.sub_event_type)]
    if row.event_type is not None:
        return ACLED_KINDS[(row.event_type, None)]
    return None


# -- out of the model ---------------------------------------------------------------------------


def acled_rows(dataset: Dataset) -> tuple[list[AcledRow], list[Problem]]:
    """The ACLED rows of *dataset*'s events, and what ACLED cannot hold: claims, kinds without an
    ACLED category, dates coarser than a month, ceasefires and stances.

    A record read from ACLED gets back the columns its source codes keep; the others are
    derived from the record. Events are written in the order of the rows they cite.

    Examples:
        >>> import caucasus_conflict as cc
        >>> rows, left_out = acled_rows(cc.load())
        >>> len(rows), str(left_out[0])
        (3, 'events[0]: ussr-dissolution is of kind dissolution, which has no ACLED category')
    """
    names = {a.id: a.name for a in dataset.actors}
    return event_rows(dataset, lambda event: _acled_row(event, names), "ACLED", _TITLE)


def _acled_row(event: Event, names: dict[ActorId, str]) -> tuple[AcledRow | None, str]:
    codes = next((c for c in event.source_codes if c.scheme == "acled"), None)
    kept = dict(codes.items()) if codes is not None else {}
    crosswalk = EVENT_KIND_CROSSWALK[event.kind]
    if not crosswalk.acled:
        return None, f"is of kind {event.kind.value}, which has no ACLED category"
    pair = (kept.get("event_type"), kept.get("sub_event_type"))
    if "event_type" not in kept or _kind_of(pair) is not event.kind:
        pair = crosswalk.acled[0]
    day, precision = _acled_day(event.span)
    if day is None and "event_date" not in kept:
        return None, (f"is dated {event.span.format()}, and ACLED dates an event to a day, a week or a month")
    sides: dict[Side | None, list[str]] = {Side.A: [], Side.B: [], None: []}
    for p in event.participants:
        sides[p.side if p.side in sides else None].append(names.get(p.actor_id, p.actor_id))
    if not sides[Side.A] and not sides[Side.B]:
        sides[Side.A], sides[Side.B] = sides[None][:1], sides[None][1:2]
        sides[Side.A] += sides[None][2:]
    where = event.location
    total = next((c.killed for c in event.casualties if not c.is_part and c.killed is not None), None)
    cells: dict[str, Any] = {
        "event_id_cnty": next((x.value for x in event.external_ids if x.scheme == "acled"), event.id),
        "event_date": day, "time_precision": precision, "year": day.year if day is not None else None,
        "event_type": pair[0], "sub_event_type": pair[1],
        "actor1": sides[Side.A][0] if sides[Side.A] else None, "assoc_actor_1": tuple(sides[Side.A][1:]),
        "actor2": sides[Side.B][0] if sides[Side.B] else None, "assoc_actor_2": tuple(sides[Side.B][1:]),
        "fatalities": total.best if total is not None else None,
    }
    if where is not None:
        cells.update(location=where.name, admin1=where.admin1, admin2=where.admin2, admin3=where.admin3,
                     country=where.country, latitude=where.latitude, longitude=where.longitude,
                     geo_precision=where.precision if where.precision_scheme == "acled" else None)
    return AcledRow(source_codes=given_back(kept, cells, _SPECS), **cells), ""


def _kind_of(pair: tuple[str | None, str | None]) -> EventKind | None:
    if pair[0] is None:
        return None
    sub = pair[1] or None
    return ACLED_KINDS.get((SUB_EVENT_TYPES.get(sub, pair[0]) if sub else pair[0], sub))


def _acled_day(span: TimeSpan) -> tuple[pendulum.Date | None, int | None]:
    """The day ACLED writes and its time_precision: the day, the middle of a 7-day window, the 15th of a month."""
    if span.precision is Precision.DAY and span.start is not None:
        return span.start, 1
    if span.precision is Precision.MONTH and span.start is not None:
        return span.start.add(days=14), 3
    if span.precision is Precision.RANGE and span.start is not None and span.end is not None \
            and (span.end - span.start).in_days() == 6:
        return span.start.add(days=3), 2
    return None, None
