"""Files of the field's formats read into the model: `read` gives a `Dataset`.

UCDP GED is mapped today; the other formats are read into their typed rows by
`read_rows`, and `read` says so rather than guessing a mapping (docs/formats/index.md).

How a GED file maps (docs/formats/ucdp-ged.md has the table):

- the file is one `Source` of kind ``data_file``, with its file name, SHA-256 and the
  years it covers; its id is ``ucdp-ged-`` and the first 12 hex digits of the SHA-256,
  so the same file read twice gives the same ids;
- each side is an `Actor` with id ``ucdp-actor-<id>`` and the external id
  ``ucdp-actor``; "Government of …" reads as a government, other sides as armed forces; a
  UCDP id seen under several names keeps the first as its name and the others as aliases;
  the civilians of one-sided violence (UCDP actor 1) are no actor, their deaths are
  civilian casualties;
- each row is an `Event` with id ``ged-<id>``, the external id ``ged``, the span its dates
  and ``date_prec`` give, side A and side B as participants with their `Side`, and the
  casualties: ``best`` (with ``low`` and ``high``) as the total, and ``deaths_a``,
  ``deaths_b``, ``deaths_civilians`` and ``deaths_unknown`` (those above 0) as its parts;
- every record cites the row (its line and GED id).
"""

from __future__ import annotations

import hashlib
import os
import warnings
from collections.abc import Callable
from typing import Any

import attrs

from caucasus_conflict._names import fold
from caucasus_conflict.dataset import Dataset
from caucasus_conflict.errors import CaucasusConflictError, DataError, Problem, QueryError, RecordError
from caucasus_conflict.kinds import ActorKind, CasualtyGroup, EventKind, Role, Side, SourceKind
from caucasus_conflict.model import (
    Actor,
    ActorId,
    Casualties,
    Citation,
    Count,
    Event,
    EventId,
    ExternalId,
    Participant,
    Source,
    SourceId,
)
from caucasus_conflict.timespan import TimeSpan

from ._csv import DEFAULT_MAX_BYTES, read_bytes, read_table
from ._into_ucdp import acd_records, brd_records
from ._registry import FORMATS, _format_of, get_format
from ._rows import ReadResult
from .ucdp import GedRow

__all__ = ["DataWarning", "read"]


class DataWarning(CaucasusConflictError, UserWarning):
    """A reader kept a row but set a value of it aside; the problem is also on `Dataset.problems`."""


_KIND_OF_VIOLENCE = {1: EventKind.CLASHES, 2: EventKind.CLASHES, 3: EventKind.ONE_SIDED_VIOLENCE}
_WORDS_OF_VIOLENCE = {1: "State-based armed conflict", 2: "Non-state conflict", 3: "One-sided violence"}
_CIVILIANS = 1  # UCDP's actor id for the civilians of one-sided violence
_UCDP_CREDIT = ("UCDP Georeferenced Event Dataset (GED), Uppsala Conflict Data Program: Sundberg, Ralph and "
                "Erik Melander (2013), Journal of Peace Research 50(4); licensed CC BY 4.0")


def read(path: str | os.PathLike[str], format: str | None = None, *, strict: bool = False,
         source_id: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Dataset:
    """Read a file of one of the field's formats into a `Dataset` (UCDP GED today).

    ``format=None`` recognises the file from its header. Rows the reader cannot take as
    they are (a value of the wrong shape, dates that contradict their precision code) are
    kept with the value set aside as unknown, listed on `Dataset.problems` with file,
    line and column, and announced by one `DataWarning`; ``strict=True`` raises one
    `DataError` listing them instead. Nothing is half-loaded.

    Args:
        path: The file.
        format: ``"ucdp-ged"``, or ``None`` to recognise it.
        strict: Raise instead of setting values aside.
        source_id: The id of the file's `Source` (default ``ucdp-ged-`` and the start of
            its SHA-256).
        max_bytes: Refuse a larger file.

    Raises:
        DataError: The file cannot be read, its columns are not the format's, or (with
            *strict*) a row has a problem.
        UnknownNameError: *format* is no format's name.
        QueryError: The format's rows are not mapped into the model yet (read them with
            `read_rows`).

    Examples:
        >>> import caucasus_conflict as cc, tempfile, pathlib
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (folder / "ged.csv").write_text(
        ...     "id,year,type_of_violence,side_a,side_a_new_id,side_b,side_b_new_id,date_prec,date_start,date_end,"
        ...     "deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,low,high\\n"
        ...     "7,2020,1,Government of Azerbaijan,64,Republic of Artsakh,338,1,2020-09-27,2020-09-27,"
        ...     "1,2,0,0,3,3,4\\n", encoding="utf-8")
        >>> ged = cc.read(folder / "ged.csv")
        >>> [(p.actor_id, p.side.value) for p in ged.event("ged-7").participants]
        [('ucdp-actor-64', 'a'), ('ucdp-actor-338', 'b')]
        >>> both = cc.load().merge(ged)
        >>> "ged-7" in {e.id for e in both.events_involving("Azerbaijan")}
        True
    """
    name = os.fspath(path)
    data = read_bytes(path, max_bytes=max_bytes)
    table = read_table(data, name=name, max_bytes=max_bytes)
    fmt = get_format(format) if format is not None else _format_of(table.layout.columns, name)
    mapper = _MAPPERS.get(fmt.name)
    if mapper is None:
        known = ", ".join(n for n in FORMATS if n not in _MAPPERS)
        raise QueryError(f"{name} is {fmt.title} ({fmt.name}); read() maps only {', '.join(_MAPPERS)} into the "
                         f"model so far. Read its rows with caucasus_conflict.formats.read_rows (formats: {known})")
    result = fmt.rows_of(table, name=name, strict=strict)
    digest = hashlib.sha256(data).hexdigest()
    records, mapped = mapper(result, name, digest, source_id)
    problems = (*result.problems, *mapped)
    if problems and strict:
        raise DataError(problems, file=name)
    if problems:
        warnings.warn(DataWarning(f"{name}: {len(problems)} value(s) set aside as unknown; see Dataset.problems"),
                      stacklevel=2)
    return Dataset(**records, problems=tuple(problems))


def _ged_records(result: ReadResult[GedRow], name: str, digest: str,
                 source_id: str | None) -> tuple[dict[str, Any], list[Problem]]:
    """The file's source, actors and events (checked and indexed once, by the caller's `Dataset`)."""
    rows = result.rows
    problems: list[Problem] = []
    sid = SourceId(source_id or f"ucdp-ged-{digest[:12]}")
    years = [row.year for row in rows if row.year is not None]
    coverage = TimeSpan.parse(f"{min(years)}/{max(years)}") if years and min(years) != max(years) else (
        TimeSpan.year(years[0]) if years else None)
    source = Source(id=sid, kind=SourceKind.DATA_FILE, title="UCDP Georeferenced Event Dataset (GED)",
                    publisher="Uppsala Conflict Data Program (UCDP)", url="https://ucdp.uu.se/downloads/",
                    published=TimeSpan.unknown(), credit=_UCDP_CREDIT, licence="CC BY 4.0",
                    file_name=os.path.basename(name), sha256=digest, coverage=coverage,
                    note="the file does not say its release; read by caucasus_conflict.read")
    actors: dict[int, dict[str, Any]] = {}
    taken: dict[str, int] = {}
    events: list[Event] = []
    seen_ids: set[int | None] = set()
    for row in rows:
        cite = (Citation(sid, rows=(row.line,), row_ids=(str(row.id),) if row.id is not None else ()),)
        participants: list[Participant] = []
        of_side: dict[Side, ActorId] = {}
        for side, actor_name, new_id, dset_id, gwno in (
                (Side.A, row.side_a, row.side_a_new_id, row.side_a_dset_id, row.gwnoa),
                (Side.B, row.side_b, row.side_b_new_id, row.side_b_dset_id, row.gwnob)):
            ucdp_id = new_id if new_id is not None else dset_id
            if ucdp_id is None or actor_name is None:
                column = "side_a" if side is Side.A else "side_b"
                problems.append(Problem(f"{name}:{row.line}:{column}", "the side has no UCDP actor id, so it is "
                                                                     "left out of the event's participants"))
                continue
            if ucdp_id == _CIVILIANS and row.type_of_violence == 3:
                continue
            actor_id = ActorId(f"ucdp-actor-{ucdp_id}")
            entry = actors.get(ucdp_id)
            if entry is None:
                entry = actors[ucdp_id] = {"names": [], "cites": [], "gwno": gwno if len(gwno) == 1 else ()}
            key = fold(actor_name)  # as the data set compares names
            if actor_name not in entry["names"]:
                if taken.setdefault(key, ucdp_id) != ucdp_id:
                    problems.append(Problem(f"{name}:{row.line}:{'side_a' if side is Side.A else 'side_b'}",
                                            f"UCDP actors {taken[key]} and {ucdp_id} are both named {actor_name!r}; "
                                            f"actor {ucdp_id} keeps the name with its id added"))
                    actor_name = f"{actor_name} (UCDP {ucdp_id})"
                entry["names"].append(actor_name)
            if not entry["cites"]:
                entry["cites"].append(cite[0])
            participants.append(Participant(actor_id, Role.PARTICIPANT, side))
            of_side[side] = actor_id
        casualties = _ged_casualties(row, cite, of_side)
        kind = _KIND_OF_VIOLENCE.get(row.type_of_violence or 0, EventKind.CLASHES)
        words = _WORDS_OF_VIOLENCE.get(row.type_of_violence or 0, "Organised violence")
        place = f" at {row.where_description}" if row.where_description else ""
        summary = f"{words}: {row.side_a or 'unknown side'} against {row.side_b or 'unknown side'}{place} " \
                  f"(UCDP GED event {row.id})"
        # A row without a readable id, or a second row for one id (the reader reported
        # both), is kept under its line, without the GED id that belongs to another row.
        first = row.id is not None and row.id not in seen_ids
        external = (ExternalId("ged", str(row.id)),) if first else ()
        event_id = EventId(f"ged-{row.id}" if first else f"ged-line-{row.line}")
        seen_ids.add(row.id)
        events.append(Event(id=event_id, kind=kind, summary=summary, span=row.span, participants=tuple(participants),
                            casualties=casualties, external_ids=external, citations=cite))
    actor_records = tuple(
        Actor(id=ActorId(f"ucdp-actor-{ucdp_id}"), name=entry["names"][0],
              kind=ActorKind.GOVERNMENT if entry["names"][0].startswith("Government of") else ActorKind.ARMED_FORCES,
              aliases=tuple(entry["names"][1:]),
              external_ids=(ExternalId("ucdp-actor", str(ucdp_id)),
                            *(ExternalId("gwno", str(g)) for g in entry["gwno"]
                              if entry["names"][0].startswith("Government of"))),
              citations=tuple(entry["cites"]))
        for ucdp_id, entry in sorted(actors.items()))
    return {"sources": (source,), "actors": _without_shared_gwno(actor_records), "events": tuple(events)}, problems


Mapper = Callable[[ReadResult[Any], str, str, "str | None"], tuple[dict[str, Any], list[Problem]]]
"""A format's mapping into the model: (rows read, file name, SHA-256, source id) -> (collections, problems)."""

_MAPPERS: dict[str, Mapper] = {
    "ucdp-ged": _ged_records,
    "ucdp-acd": acd_records,
    "ucdp-brd": brd_records,
}
"""The formats `read` maps into the model, by format name (one line each)."""


def _without_shared_gwno(actors: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """Drop a Gleditsch-Ward number that several actors of the file carry (it names a country, not an actor)."""
    seen: dict[str, int] = {}
    for actor in actors:
        for x in actor.external_ids:
            if x.scheme == "gwno":
                seen[x.value] = seen.get(x.value, 0) + 1
    return tuple(actor if all(seen.get(x.value, 0) < 2 for x in actor.external_ids if x.scheme == "gwno")
                 else attrs.evolve(actor, external_ids=tuple(x for x in actor.external_ids if x.scheme != "gwno"))
                 for actor in actors)


def _count(best: int | None, low: int | None, high: int | None) -> Count:
    """The figure, with a bound that contradicts it set aside (the reader reported it already)."""
    for low_kept, high_kept in ((low, high), (None, high), (low, None), (None, None)):
        try:
            return Count(best, low=low_kept, high=high_kept)
        except RecordError:
            continue
    return Count(best if best is not None else low if low is not None else high)


_PARTS = (("deaths_a", CasualtyGroup.UNSPECIFIED, Side.A), ("deaths_b", CasualtyGroup.UNSPECIFIED, Side.B),
          ("deaths_civilians", CasualtyGroup.CIVILIAN, None), ("deaths_unknown", CasualtyGroup.UNSPECIFIED, None))


def _ged_casualties(row: GedRow, cite: tuple[Citation, ...], of_side: dict[Side, ActorId]) -> tuple[Casualties, ...]:
    figures: list[Casualties] = []
    if row.best is not None or row.low is not None or row.high is not None:
        figures.append(Casualties(killed=_count(row.best, row.low, row.high), citations=cite))
    for column, group, side in _PARTS:
        value = getattr(row, column)
        if value:
            figures.append(Casualties(killed=Count(value), group=group, is_part=True,
                                      of_actor_id=of_side.get(side) if side is not None else None, citations=cite))
    return tuple(figures)
