"""Files of the field's formats read into the model: `read` gives a `Dataset`.

Every format is mapped, each by one entry of `_MAPPERS`: UCDP GED (here), ACD and BRD
(`_into_ucdp`), ETH/PRIO (`_into_ethprio`), PA-X (`_into_pax`) and ACLED (`_into_acled`).
A file the mappings cannot take (a conflict-level BRD file) is refused with a pointer to
`read_rows`, rather than a guessed mapping (docs/formats/index.md).

How a GED file maps (docs/formats/ucdp-ged.md has the table):

- the file is one `Source` of kind ``data_file``, with its file name, SHA-256 and the
  years it covers; its id is ``ucdp-ged-`` and the first 12 hex digits of the SHA-256,
  so the same file read twice gives the same ids;
- each side is an `Actor` with id ``ucdp-actor-<id>`` and the external id
  ``ucdp-actor``; "Government of …" reads as a government, other sides as armed forces; a
  UCDP id seen under several names keeps the first as its name and the others as aliases,
  and `Actor.names_used` gives the years each name is used in (``names_used``);
  the civilians of one-sided violence (UCDP actor 1) are no actor, their deaths are
  civilian casualties;
- each row is an `Event` with id ``ged-<id>``, the external id ``ged``, the span its dates
  and ``date_prec`` give, side A and side B as participants with their `Side`, and the
  casualties: ``best`` (with ``low`` and ``high``) as the total, and ``deaths_a``,
  ``deaths_b``, ``deaths_civilians`` and ``deaths_unknown`` (those above 0) as its parts;
- each event has the row's `Location` (coordinates, ``where_prec``, place names) and keeps
  every column the model does not map, and each it cannot give back exactly, as
  `SourceCodes` (``GED_KEPT``), which the GED writer gives back;
- every record cites the row (its line and GED id).
"""

from __future__ import annotations

import hashlib
import operator
import os
import warnings
from collections.abc import Callable, Sequence
from typing import Any, Final

import attrs

from caucasus_conflict._gc import gc_paused
from caucasus_conflict._names import fold
from caucasus_conflict.dataset import Dataset
from caucasus_conflict.errors import CaucasusConflictError, DataError, Problem, QueryError, RecordError
from caucasus_conflict.interop import EVENT_KIND_CROSSWALK, UCDP_KINDS, ucdp_date_precision
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
    Location,
    Participant,
    Source,
    SourceCodes,
    SourceId,
    _prechecked,
)
from caucasus_conflict.timespan import TimeSpan

from ._actors import names_used, note_use
from ._csv import DEFAULT_MAX_BYTES, read_bytes, read_table
from ._into_ethprio import ethprio_records
from ._into_pax import pax_records
from ._into_ucdp import acd_records, brd_records
from ._registry import FORMATS, _format_of, get_format
from ._rows import ReadResult, Row, _line_of
from .ucdp import GED, GedRow, ged_span

__all__ = ["DataWarning", "read"]


class DataWarning(CaucasusConflictError, UserWarning):
    """A reader kept a row but set a value of it aside; the problem is also on `Dataset.problems`."""


_WORDS_OF_VIOLENCE = {1: "State-based armed conflict", 2: "Non-state conflict", 3: "One-sided violence"}
_CIVILIANS = 1  # UCDP's actor id for the civilians of one-sided violence
_UCDP_CREDIT = ("UCDP Georeferenced Event Dataset (GED), Uppsala Conflict Data Program: Sundberg, Ralph and "
                "Erik Melander (2013), Journal of Peace Research 50(4); licensed CC BY 4.0")




def _acled(result: ReadResult[Any], name: str, digest: str,
           source_id: str | None) -> tuple[dict[str, Any], list[Problem]]:
    from ._into_acled import acled_records
    return acled_records(result.rows, name, digest, source_id)


def _on_rows(mapping: Callable[[Sequence[Any], str, str, str | None], tuple[dict[str, Any], list[Problem]]]
             ) -> Callable[[ReadResult[Any], str, str, str | None], tuple[dict[str, Any], list[Problem]]]:
    """A mapping that needs only the rows, as a `Mapper`."""
    def mapper(result: ReadResult[Any], name: str, digest: str,
               source_id: str | None) -> tuple[dict[str, Any], list[Problem]]:
        return mapping(result.rows, name, digest, source_id)
    return mapper


def read(path: str | os.PathLike[str], format: str | None = None, *, strict: bool = False,
         source_id: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Dataset:
    """Read a file of one of the field's formats into a `Dataset` (UCDP GED and ACLED so far).

    ``format=None`` recognises the file from its header. Rows the reader cannot take as
    they are (a value of the wrong shape, dates that contradict their precision code) are
    kept with the value set aside as unknown, listed on `Dataset.problems` with file,
    line and column, and announced by one `DataWarning`; ``strict=True`` raises one
    `DataError` listing them instead. Nothing is half-loaded.

    Args:
        path: The file.
        format: ``"ucdp-ged"``, ``"acled"``, or ``None`` to recognise it.
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
    # A read builds several records per row and no reference cycles: the cyclic collector is
    # paused while it runs, as for a load (each collection would walk every record built so far).
    with gc_paused():
        return _read(path, format, strict=strict, source_id=source_id, max_bytes=max_bytes)


def _read(path: str | os.PathLike[str], format: str | None, *, strict: bool, source_id: str | None,
          max_bytes: int) -> Dataset:
    name = os.fspath(path)
    data = read_bytes(path, max_bytes=max_bytes)
    table = read_table(data, name=name, max_bytes=max_bytes)
    fmt = get_format(format) if format is not None else _format_of(table.layout.columns, name)
    mapper = _MAPPERS.get(fmt.name)
    if mapper is None:
        mapped_names = ", ".join(_MAPPERS)
        raise QueryError(f"{name} is {fmt.title} ({fmt.name}); read() maps only {mapped_names} into the model so "
                         f"far. Read its rows with caucasus_conflict.formats.read_rows (formats: {', '.join(FORMATS)})")
    result = fmt.rows_of(table, name=name)  # strict is applied below, to the rows' and the mapping's problems
    digest = hashlib.sha256(data).hexdigest()
    records, mapped = mapper(result, name, digest, source_id)
    if table.layout.hxl is not None:
        records = _with_hxl(records, fmt.name, table.layout.columns, table.layout.hxl)
    problems = sorted((*result.problems, *mapped), key=lambda problem: _line_of(problem, name))  # stable
    if problems and strict:
        raise DataError(problems, file=name,
                        advice="Fix the values at the lines shown, or read without strict=True to keep the rows "
                               "with those values set aside.")
    if problems:
        warnings.warn(DataWarning(f"{name}: {len(problems)} value(s) set aside as unknown or not mapped; "
                                  "see Dataset.problems"),
                      stacklevel=3)
    try:
        return Dataset(**records, problems=tuple(problems))
    except DataError as error:  # a rule the mapping did not set aside: still about this file
        raise DataError(error.problems, file=name,
                        advice="The file's records break a rule of the model that read() does not set aside "
                               "(the paths are of the records made from it); please report it with the file."
                        ) from None


def _with_hxl(records: dict[str, Any], fmt: str, columns: tuple[str, ...], tags: tuple[str, ...]) -> dict[str, Any]:
    """*records* with the file's HXL hashtag row kept on its source, as `SourceCodes` ``<format>.hxl``.

    One (column, hashtag) pair per column with a tag, in file order, so that `write` gives
    the row back under the header (#11).
    """
    pairs = [(column, tag) for column, tag in zip(columns, tags, strict=False) if tag]
    sources = records.get("sources", ())
    if not pairs or not sources:
        return records
    codes = SourceCodes(f"{fmt}.hxl", tuple(c for c, _ in pairs), tuple(t for _, t in pairs))
    first = attrs.evolve(sources[0], source_codes=(*sources[0].source_codes, codes))
    return {**records, "sources": (first, *sources[1:])}


def _ged_records(result: ReadResult[GedRow], name: str, digest: str,
                 source_id: str | None) -> tuple[dict[str, Any], list[Problem]]:
    """The file's source, actors and events (checked and indexed once, by the caller's `Dataset`)."""
    rows = result.rows
    problems: list[Problem] = []
    sid = SourceId(source_id or f"ucdp-ged-{digest[:12]}")
    years = [row.year for row in rows if row.year is not None and 1 <= row.year <= 9999]  # a year a span can hold
    problems += [Problem(f"{name}:{row.line}:year", f"the year {row.year} is no calendar year (0001..9999); it "
                                                      "dates neither the file's coverage nor its actors' names")
                 for row in rows if row.year is not None and not 1 <= row.year <= 9999]
    coverage = TimeSpan.parse(f"{min(years):04d}/{max(years):04d}") if years and min(years) != max(years) else (
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
    shared: dict[tuple[str, ...], tuple[str, ...]] = {}  # one columns tuple per shape, shared by the rows
    formatted: dict[tuple[Any, ...], tuple[str, ...]] = {}  # the kept coded cells' texts, by their values
    memo = _GedMemo()
    for row in rows:
        # A citation per row, built without re-checking: the source id was checked by the
        # Source above, a line is >= 2 and a GED id's text is digits (see model._prechecked).
        cite = (_new_citation(source_id=sid, rows=(row.line,), row_ids=(str(row.id),) if row.id is not None else ()),)
        participants: list[Participant] = []
        of_side: dict[Side, ActorId] = {}
        named: dict[Side, bool] = {}  # a side the writer gives back from its actor's name and UCDP id
        for side, actor_name, new_id, dset_id, gwno in (
                (Side.A, row.side_a, row.side_a_new_id, row.side_a_dset_id, row.gwnoa),
                (Side.B, row.side_b, row.side_b_new_id, row.side_b_dset_id, row.gwnob)):
            ucdp_id = new_id if new_id is not None else dset_id
            column = "side_a" if side is Side.A else "side_b"
            if ucdp_id is None:
                problems.append(Problem(f"{name}:{row.line}:{column}", "the side has no UCDP actor id, so it is "
                                                                     "left out of the event's participants"))
                continue
            if ucdp_id == _CIVILIANS and row.type_of_violence == 3:
                continue
            entry = actors.get(ucdp_id)
            if entry is None:
                entry = actors[ucdp_id] = {"names": [], "cites": [], "gwno": gwno if len(gwno) == 1 else (),
                                           "used": {}}
            if actor_name is None or not fold(actor_name):
                # Nothing to look the actor up by: it takes part under its id, the cell stays in
                # the event's source codes, and the actor is named from its id if no row names it.
                problems.append(Problem(f"{name}:{row.line}:{column}", (
                    "the side has no name" if actor_name is None else
                    f"the side's name {actor_name!r} has no letters or digits to look it up by")
                    + f"; UCDP actor {ucdp_id} takes part unnamed here"))
                if not entry["cites"]:
                    entry["cites"].append(cite[0])
                participant = memo.participant(ucdp_id, side)
                participants.append(participant)
                of_side[side] = participant.actor_id
                named[side] = False
                continue
            if actor_name not in entry["names"]:
                key = fold(actor_name)  # as the data set compares names
                if taken.setdefault(key, ucdp_id) != ucdp_id:
                    problems.append(Problem(f"{name}:{row.line}:{'side_a' if side is Side.A else 'side_b'}",
                                            f"UCDP actors {taken[key]} and {ucdp_id} are both named {actor_name!r}; "
                                            f"actor {ucdp_id} keeps the name with its id added"))
                    actor_name = f"{actor_name} (UCDP {ucdp_id})"
                if actor_name not in entry["names"]:  # a second row with the name taken: added once
                    entry["names"].append(actor_name)
            note_use(entry["used"], actor_name, row.year, cite[0])
            if not entry["cites"]:
                entry["cites"].append(cite[0])
            participant = memo.participant(ucdp_id, side)
            participants.append(participant)
            of_side[side] = participant.actor_id
            named[side] = (row.side_a if side is Side.A else row.side_b) == entry["names"][0] and new_id is not None
        casualties = _ged_casualties(row, cite, of_side, memo)
        kind, words, violence_kept = memo.violence(row.type_of_violence)
        place = f" at {row.where_description}" if row.where_description else ""
        summary = f"{words}: {row.side_a or 'unknown side'} against {row.side_b or 'unknown side'}{place} " \
                  f"(UCDP GED event {row.id})"
        # A row without a readable id, or a second row for one id (the reader reported
        # both), is kept under its line, without the GED id that belongs to another row.
        first = row.id is not None and row.id not in seen_ids
        external = (_new_external_id(scheme="ged", value=str(row.id)),) if first else ()
        event_id = EventId(f"ged-{row.id}" if first else f"ged-line-{row.line}")
        seen_ids.add(row.id)
        location, where_kept, where_problem = memo.location(row)
        if where_problem is not None:
            problems.append(Problem(f"{name}:{row.line}:latitude", where_problem))
        span, dates_kept, first_year = memo.span(row.date_start, row.date_end, row.date_prec)
        codes = _ged_source_codes(row, violence_kept, row.year is None or first_year != row.year,
                                  dates_kept, first, where_kept, named, shared,
                                  formatted)
        # Built without re-checking: every part was checked where it was made (the memo's
        # public constructors, the citation above); the summary is never blank, the two
        # participants have different sides, and a file's text is valid Unicode.
        events.append(_new_event(id=event_id, kind=kind, summary=summary, span=span,
                                 participants=tuple(participants), location=location, casualties=casualties,
                                 external_ids=external, source_codes=codes, citations=cite))
    actor_records = tuple(
        Actor(id=ActorId(f"ucdp-actor-{ucdp_id}"), name=(entry["names"] or [f"UCDP actor {ucdp_id}"])[0],
              kind=ActorKind.GOVERNMENT if entry["names"][:1] and entry["names"][0].startswith("Government of")
              else ActorKind.ARMED_FORCES,
              aliases=tuple(entry["names"][1:]), names_used=names_used(entry["used"]),
              external_ids=(ExternalId("ucdp-actor", str(ucdp_id)),
                            *(ExternalId("gwno", str(g)) for g in entry["gwno"]
                              if entry["names"][:1] and entry["names"][0].startswith("Government of"))),
              citations=tuple(entry["cites"]),
              note=None if entry["names"] else "the file gives this actor no name it can be looked up by")
        for ucdp_id, entry in sorted(actors.items()))
    return {"sources": (source,), "actors": _without_shared_gwno(actor_records), "events": tuple(events)}, problems


Mapper = Callable[[ReadResult[Any], str, str, "str | None"], tuple[dict[str, Any], list[Problem]]]
"""A format's mapping into the model: (rows read, file name, SHA-256, source id) -> (collections, problems)."""

_MAPPERS: dict[str, Mapper] = {
    "ucdp-ged": _ged_records,
    "ucdp-acd": acd_records,
    "ucdp-brd": brd_records,
    "ethprio-ceasefires": _on_rows(ethprio_records),
    "pax": _on_rows(pax_records),
    "acled": _acled,
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



def _ged_casualties(row: GedRow, cite: tuple[Citation, ...], of_side: dict[Side, ActorId],
                    memo: _GedMemo) -> tuple[Casualties, ...]:
    # Each figure is built without re-checking: its Count comes from the memo's public
    # constructor, its actor from a checked participant, and it cites the row.
    figures: list[Casualties] = []
    if row.best is not None or row.low is not None or row.high is not None:
        figures.append(_new_casualties(killed=memo.count(row.best, row.low, row.high), citations=cite))
    for value, group, side in ((row.deaths_a, CasualtyGroup.UNSPECIFIED, Side.A),
                               (row.deaths_b, CasualtyGroup.UNSPECIFIED, Side.B),
                               (row.deaths_civilians, CasualtyGroup.CIVILIAN, None),
                               (row.deaths_unknown, CasualtyGroup.UNSPECIFIED, None)):
        if value:
            figures.append(_new_casualties(killed=memo.count(value, None, None), group=group, is_part=True,
                                           of_actor_id=of_side.get(side) if side is not None else None,
                                           citations=cite))
    return tuple(figures)


_new_citation = _prechecked(Citation)
_new_external_id = _prechecked(ExternalId)
_new_casualties = _prechecked(Casualties)
_new_event = _prechecked(Event)
_new_source_codes = _prechecked(SourceCodes)


class _GedMemo:
    """What the rows of one GED file share: records are frozen, so equal values can be one object.

    Each value is built once per distinct key through its public constructor (so checked
    once) and shared by every row with that key: a file repeats its dates, sides, counts
    and places row after row.
    """

    __slots__ = ("_counts", "_participants", "_places", "_spans", "_violence")

    def __init__(self) -> None:
        self._spans: dict[tuple[Any, Any, Any], tuple[TimeSpan, bool, int | None]] = {}
        self._participants: dict[tuple[int, Side], Participant] = {}
        self._counts: dict[tuple[int | None, int | None, int | None], Count] = {}
        self._places: dict[tuple[Any, ...], tuple[Location | None, tuple[str, ...], str | None]] = {}
        self._violence: dict[int | None, tuple[EventKind, str, bool]] = {}

    def span(self, start: Any, end: Any, prec: int | None) -> tuple[TimeSpan, bool, int | None]:
        """The span of the dates (`ged_span`), whether the three date columns are kept as written, its first year."""
        key = (start, end, prec)
        got = self._spans.get(key)
        if got is None:
            span = ged_span(start, end, prec)
            kept = prec is None or ucdp_date_precision(span) != prec or not span.is_known
            got = self._spans[key] = (span, kept, None if span.first_day is None else span.first_day.year)
        return got

    def participant(self, ucdp_id: int, side: Side) -> Participant:
        got = self._participants.get((ucdp_id, side))
        if got is None:
            got = self._participants[(ucdp_id, side)] = Participant(ActorId(f"ucdp-actor-{ucdp_id}"),
                                                                    Role.PARTICIPANT, side)
        return got

    def count(self, best: int | None, low: int | None, high: int | None) -> Count:
        got = self._counts.get((best, low, high))
        if got is None:
            got = self._counts[(best, low, high)] = _count(best, low, high)
        return got

    def violence(self, code: int | None) -> tuple[EventKind, str, bool]:
        """The event kind and words of a ``type_of_violence``, and whether the code is kept as written."""
        got = self._violence.get(code)
        if got is None:
            kind = UCDP_KINDS.get(code or 0, EventKind.CLASHES)
            kept = code is None or code != EVENT_KIND_CROSSWALK[kind].ucdp_types_of_violence[0]
            got = self._violence[code] = (kind, _WORDS_OF_VIOLENCE.get(code or 0, "Organised violence"), kept)
        return got

    def location(self, row: GedRow) -> tuple[Location | None, tuple[str, ...], str | None]:
        """`_ged_location` of the row, shared by rows with the same place columns."""
        latitude, longitude = row.latitude, row.longitude
        if latitude == 0 or longitude == 0:  # 0.0 and -0.0 are equal keys but different values
            return _ged_location(row)
        key = (latitude, longitude, row.where_prec, row.where_coordinates, row.adm_1, row.adm_2, row.country)
        got = self._places.get(key)
        if got is None:
            got = self._places[key] = _ged_location(row)
        return got


# -- GED: location and source codes -----------------------------------------------------------

_GED_UNMAPPED: Final = ("relid", "active_year", "code_status", "conflict_dset_id", "conflict_new_id",
                        "conflict_name", "dyad_dset_id", "dyad_new_id", "dyad_name", "side_a_dset_id",
                        "side_b_dset_id", "number_of_sources", "source_article", "source_office", "source_date",
                        "source_headline", "source_original", "where_description", "geom_wkt", "priogrid_gid",
                        "country_id", "region", "event_clarity", "gwnoa", "gwnob")
# Free text is kept as read; the other columns are written back by their codec (GED's field
# names are its column names).
_GED_TEXTS: Final = tuple(c for c in _GED_UNMAPPED if GED.column(c).codec.verbatim)
_GED_FORMATTERS: Final = tuple((c, GED.column(c).codec.format) for c in _GED_UNMAPPED
                               if not GED.column(c).codec.verbatim)
GED_KEPT: Final = (*_GED_TEXTS, *(c for c, _ in _GED_FORMATTERS))
"""The GED columns the model does not map, kept in each event's source codes as written (free text first)."""
_GED_KEPT_AT: Final = {column: index for index, column in enumerate(GED_KEPT)}
_GED_TEXTS_OF: Final = operator.attrgetter(*_GED_TEXTS)  # one call gives a row's kept texts, in order
_GED_FORMATTED_OF: Final = operator.attrgetter(*(c for c, _ in _GED_FORMATTERS))
_GED_FORMATS: Final = tuple(fmt for _, fmt in _GED_FORMATTERS)
_FORMATTED_KEPT: Final = 1 << 16  # distinct value tuples whose texts one read keeps
_GED_WHERE: Final = ("where_prec", "where_coordinates", "adm_1", "adm_2", "latitude", "longitude", "country")
_GED_SIDES: Final = {Side.A: ("side_a", "side_a_new_id"), Side.B: ("side_b", "side_b_new_id")}


def _ged_location(row: GedRow) -> tuple[Location | None, tuple[str, ...], str | None]:
    """The row's location, the place columns it cannot hold (kept as source codes), and why, if not reported yet.

    A coordinate without the other (one was set aside, and reported) leaves both out of the
    location; a place the model refuses keeps every place column as written.
    """
    if row.latitude is None and row.longitude is None and not (row.where_coordinates or row.adm_1 or row.adm_2
                                                               or row.country):
        return None, (), None
    paired = (row.latitude is None) == (row.longitude is None)
    kept = () if paired else ("latitude", "longitude")
    try:
        location = Location(latitude=row.latitude if paired else None, longitude=row.longitude if paired else None,
                            precision=row.where_prec, precision_scheme=None if row.where_prec is None else "ucdp-ged",
                            name=row.where_coordinates, admin1=row.adm_1, admin2=row.adm_2, country=row.country)
    except RecordError as exc:
        return None, _GED_WHERE, f"the row's place is kept as source codes, not as a location: {exc}"
    return location, kept, None


def _text(row: Row, column: str) -> str:
    """The cell as the row read it: the text set aside, or its value written back."""
    kept = row.source_code(column)
    if kept is not None:
        return kept
    spec = GED.column(column)
    return str(spec.codec.format(getattr(row, spec.field)))


def _ged_source_codes(row: GedRow, violence_kept: bool, year_kept: bool, dates_kept: bool, first: bool,
                      where_kept: tuple[str, ...], names_used: dict[Side, bool],
                      shared: dict[tuple[str, ...], tuple[str, ...]],
                      formatted: dict[tuple[Any, ...], tuple[str, ...]]) -> tuple[SourceCodes, ...]:
    """Every GED column the model does not map, and each mapped one it cannot give back exactly.

    The columns tuple is shared between rows of one shape, so that a large file stays cheap.
    A writer gives these values back in place of what it derives from the model.
    """
    values = [text or "" for text in _GED_TEXTS_OF(row)]
    coded = _GED_FORMATTED_OF(row)
    texts = formatted.get(coded)  # codes and ids repeat together row after row: written back once each
    if texts is None:
        texts = tuple(fmt(value) for fmt, value in zip(_GED_FORMATS, coded, strict=True))
        if len(formatted) < _FORMATTED_KEPT:
            formatted[coded] = texts
    values += texts
    for column, text in row.source_codes:  # a kept column's value the reader set aside: its text
        if column in _GED_KEPT_AT:
            values[_GED_KEPT_AT[column]] = text
    extra: list[tuple[str, str]] = []
    if not first:
        extra.append(("id", _text(row, "id")))
    if violence_kept:
        extra.append(("type_of_violence", _text(row, "type_of_violence")))
    if dates_kept:
        extra += [(c, _text(row, c)) for c in ("date_prec", "date_start", "date_end")]
    if year_kept:
        extra.append(("year", _text(row, "year")))
    side_kept = False
    for side, (name_column, id_column) in _GED_SIDES.items():
        if not names_used.get(side, False):
            extra += [(name_column, _text(row, name_column)), (id_column, _text(row, id_column))]
            side_kept = True
    extra += [(c, _text(row, c)) for c in where_kept]
    parts = (row.deaths_a, row.deaths_b, row.deaths_civilians, row.deaths_unknown)
    # A side that is no participant leaves its deaths without an actor: keep the columns as written.
    if side_kept or (row.best is not None and None not in parts and sum(p or 0 for p in parts) != row.best):
        extra += [(c, _text(row, c)) for c in ("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown")]
    best, low, high = row.best, row.low, row.high
    if (low is not None and ((best is not None and low > best) or (high is not None and low > high))) or (
            high is not None and best is not None and high < best):  # a bound the model sets aside (see _count)
        extra += [(c, _text(row, c)) for c in ("best", "low", "high")]
    if extra or row.source_codes:
        done = {c for c, _ in extra}
        extra += [(c, t) for c, t in row.source_codes if c not in done and c not in GED_KEPT]
    columns = GED_KEPT + tuple(c for c, _ in extra) if extra else GED_KEPT
    checked = shared.get(columns)
    if checked is None:  # a new shape: the public constructor checks its columns (and these values)
        codes = SourceCodes("ucdp-ged", columns, (*values, *(t for _, t in extra)))
        shared[columns] = columns
        return (codes,)
    # A shape checked above: one value per column, each a cell of the decoded file or a codec's
    # text (valid Unicode), so the codes are built without re-checking.
    return (_new_source_codes(scheme="ucdp-ged", columns=checked, values=(*values, *(t for _, t in extra))),)
