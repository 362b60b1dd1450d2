"""UCDP GED files into the model: `ged_records` for `read`, straight from the file's cells.

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

`cc.read` maps a file's cells without a `GedRow` per row: `Format._value_reader` reads each
row's cells exactly as the row reader does (the same values, set-aside texts and cell
problems) and hands the values to `_GedMapper.row`, which runs GED's row check on them
(`ucdp._ged_notes`), reports a second row for an id as the row reader does, and builds the
records. `ged_records_of_rows` maps rows already read (`formats.read_rows`) through the same
`_GedMapper`; tests/formats/test_read_fast.py holds the two paths to each other.
"""

from __future__ import annotations

import operator
import os
from collections.abc import Callable
from typing import Any, Final

import attrs

from caucasus_conflict._names import fold
from caucasus_conflict._validators import nfc
from caucasus_conflict.errors import Problem, RecordError
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
from ._csv import Table
from ._rows import ReadResult, _line_of
from .ucdp import GED, GedRow, _ged_note, _ged_notes, ged_span

__all__ = ["GED_KEPT", "GED_SOURCE_TITLE", "ged_records", "ged_records_of_rows"]

_WORDS_OF_VIOLENCE: Final = {1: "State-based armed conflict", 2: "Non-state conflict", 3: "One-sided violence"}
_CIVILIANS: Final = 1  # UCDP's actor id for the civilians of one-sided violence
_UCDP_CREDIT: Final = ("UCDP Georeferenced Event Dataset (GED), Uppsala Conflict Data Program: Sundberg, Ralph and "
                       "Erik Melander (2013), Journal of Peace Research 50(4); licensed CC BY 4.0")

# A row's values as the value reader gives them: one per field, in the order of GED.columns.
_FIELDS: Final = tuple(spec.field for spec in GED.columns)
_AT: Final = {field: index for index, field in enumerate(_FIELDS)}
_VALUES_OF_ROW: Final = operator.attrgetter(*_FIELDS)  # a GedRow's values, in that order


def _getter(*fields: str) -> operator.itemgetter[Any]:
    """Pick *fields* (at least two) out of a row's values, in one call."""
    return operator.itemgetter(*(_AT[field] for field in fields))


_USED: Final = _getter("id", "year", "type_of_violence", "side_a_dset_id", "side_a_new_id", "side_a",
                       "side_b_dset_id", "side_b_new_id", "side_b", "where_description", "date_prec", "date_start",
                       "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low",
                       "gwnoa", "gwnob")
_PLACE: Final = _getter("latitude", "longitude", "where_prec", "where_coordinates", "adm_1", "adm_2", "country")

_GED_UNMAPPED: Final = ("relid", "active_year", "code_status", "conflict_dset_id", "conflict_new_id",
                        "conflict_name", "dyad_dset_id", "dyad_new_id", "dyad_name", "side_a_dset_id",
                        "side_b_dset_id", "number_of_sources", "source_article", "source_office", "source_date",
                        "source_headline", "source_original", "where_description", "geom_wkt", "priogrid_gid",
                        "country_id", "region", "event_clarity", "gwnoa", "gwnob")
# Free text is kept as read; the other columns are written back by their codec (GED's field
# names are its column names).
_GED_TEXTS: Final = tuple(c for c in _GED_UNMAPPED if GED.column(c).codec.verbatim)
_GED_FORMATTED: Final = tuple(c for c in _GED_UNMAPPED if not GED.column(c).codec.verbatim)
GED_KEPT: Final = (*_GED_TEXTS, *_GED_FORMATTED)
"""The GED columns the model does not map, kept in each event's source codes as written (free text first)."""
_GED_KEPT_AT: Final = {column: index for index, column in enumerate(GED_KEPT)}
_GED_TEXTS_OF: Final = _getter(*_GED_TEXTS)  # one call gives a row's kept texts, in order
_GED_FORMATTED_OF: Final = _getter(*_GED_FORMATTED)
_GED_FORMATS: Final = tuple(GED.column(c).codec.format for c in _GED_FORMATTED)
# (text, text) -> "" for None, else the text itself: map() calls it in C, a comprehension would not.
_BLANK_FOR_NONE: Final[Callable[[str | None, str | None], str]] = {None: ""}.get  # type: ignore[assignment]
_FORMATTED_KEPT: Final = 1 << 16  # distinct value tuples whose texts one read keeps
_GED_WHERE: Final = ("where_prec", "where_coordinates", "adm_1", "adm_2", "latitude", "longitude", "country")
_DEATHS: Final = ("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown")
_FIGURES: Final = ("best", "low", "high")

GED_SOURCE_TITLE: Final = "UCDP Georeferenced Event Dataset (GED)"  # its file's Source (and the writer's LineOrder)

_new_citation = _prechecked(Citation)
_new_external_id = _prechecked(ExternalId)
_new_casualties = _prechecked(Casualties)
_new_event = _prechecked(Event)
_new_source_codes = _prechecked(SourceCodes)


def ged_records(table: Table, name: str, digest: str, source_id: str | None, *,
                share: bool = True) -> tuple[dict[str, Any], list[Problem]]:
    """The source, actors and events of a GED file's table, and every problem (the rows' and the mapping's).

    The same records and problems as reading the rows (`GED.rows_of`) and mapping them
    (`ged_records_of_rows`), in file order, without a `GedRow` per row.

    *share* ``False`` builds every shared value anew for each row (each through its public
    constructor, every side through the whole naming logic): the tests check that sharing
    changes nothing.

    Raises:
        DataError: The table's columns are not GED's.
    """
    refusal = GED.refusal(table.layout.columns, name)
    if refusal is not None:
        raise refusal
    mapper = _GedMapper(name, SourceId(source_id or f"ucdp-ged-{digest[:12]}"), checks=True, share=share)
    GED._value_reader(table.layout.columns, mapper.row)(table.rows, mapper.row_problems, name)
    records = mapper.records(digest)
    # Each list is in file order; one stable sort by line puts each line's problems as the
    # row reader and the mapping reported them: the cells', the row check's, a second id's, the mapping's.
    problems = sorted((*table.problems, *mapper.row_problems, *mapper.duplicates, *mapper.mapped),
                      key=lambda problem: _line_of(problem, name))
    return records, problems


def ged_records_of_rows(result: ReadResult[GedRow], name: str, digest: str,
                        source_id: str | None) -> tuple[dict[str, Any], list[Problem]]:
    """The source, actors and events of GED rows already read and checked, and the mapping's problems."""
    mapper = _GedMapper(name, SourceId(source_id or f"ucdp-ged-{digest[:12]}"), checks=False)
    for row in result.rows:
        mapper.row(row.line, row.source_codes, _VALUES_OF_ROW(row))
    return mapper.records(digest), mapper.mapped


class _GedMapper:
    """The records of one GED file, gathered row by row (`row`) and then built (`records`).

    Equal values are shared: records are frozen, so rows with equal values can hold one
    object. Each is built once per distinct key through its public constructor (so
    checked once): a file repeats its dates, sides, counts and places row after row.
    """

    __slots__ = ("_counts", "_formatted", "_participants", "_parts", "_places", "_plain", "_shapes", "_spans",
                 "_steady_a", "_steady_b", "_violence", "actors", "checks", "duplicates", "events", "first_lines",
                 "mapped", "name", "row_problems", "share", "sid", "taken", "years")

    def __init__(self, name: str, sid: SourceId, *, checks: bool, share: bool = True) -> None:
        memo: type[dict[Any, Any]] = dict if share else _Forgetful  # share=False: every row builds all anew
        self.share = share
        self.name = name
        self.sid = sid
        self.checks = checks  # run the row check and report a second row for an id (the row reader did not)
        self.row_problems: list[Problem] = []  # the cells' (from the value reader) and the row check's
        self.duplicates: list[Problem] = []
        self.mapped: list[Problem] = []
        self.actors: dict[int, dict[str, Any]] = {}
        self.taken: dict[str, int] = {}  # folded name -> the UCDP id it names
        self.events: list[Event] = []
        self.first_lines: dict[int, int] = {}  # GED id -> the line of its first row
        self.years: set[int | None] = set()
        # Side A's and side B's (name, new id, dset id, year) seen before, named so (no clash),
        # and what they give: the participant, and whether the writer gives the side back from its actor.
        self._steady_a: dict[tuple[str | None, int | None, int | None, int | None], tuple[Participant, bool]] = memo()
        self._steady_b: dict[tuple[str | None, int | None, int | None, int | None], tuple[Participant, bool]] = memo()
        self._shapes: dict[tuple[str, ...], tuple[str, ...]] = memo()  # one columns tuple per shape, checked once
        self._plain = False  # whether the columns GED_KEPT alone were checked
        self._formatted: dict[tuple[Any, ...], tuple[str, ...]] = memo()  # the kept coded cells' texts, by their values
        self._spans: dict[tuple[Any, Any, Any], tuple[TimeSpan, bool, int | None, bool]] = memo()
        self._participants: dict[tuple[int, Side], Participant] = memo()
        self._counts: dict[tuple[int | None, int | None, int | None], Count] = memo()
        self._parts: dict[int, Count] = memo()
        self._places: dict[tuple[Any, ...], tuple[Location | None, tuple[str, ...], str | None]] = memo()
        self._violence: dict[int | None, tuple[EventKind, str, bool]] = memo()

    # -- one row ------------------------------------------------------------------------------

    def row(self, line: int, codes: tuple[tuple[str, str], ...], values: tuple[Any, ...]) -> None:
        """Map one row: its line, its source codes (set-aside texts, unmapped columns) and its values."""
        (event_no, year, violence, a_dset, a_new, a_name, b_dset, b_new, b_name, where_description, prec, start,
         end, deaths_a, deaths_b, deaths_civilians, deaths_unknown, best, high, low, gwnoa, gwnob) = _USED(values)
        name = self.name
        span, dates_kept, first_year, dates_off = self._spans.get((start, end, prec)) or self._span(start, end, prec)
        # Parts that do not add up to best, and a bound on the wrong side of it or of the other
        # bound (which the model sets aside, see _count): exactly the rows on which GED's row
        # check reports a figure, and whose figures the source codes keep as written.
        parts_off = best is not None and deaths_a is not None and deaths_b is not None and \
            deaths_civilians is not None and deaths_unknown is not None and \
            deaths_a + deaths_b + deaths_civilians + deaths_unknown != best
        bounds_off = (low is not None and ((best is not None and low > best) or (high is not None and low > high))) \
            or (high is not None and best is not None and high < best)
        if self.checks and (dates_off or parts_off or bounds_off):  # else the row check finds nothing
            set_aside = False
            if codes:
                for column, _text in codes:
                    if column in ("date_start", "date_end"):
                        set_aside = True
            notes = _ged_notes(start, end, prec, set_aside, deaths_a, deaths_b, deaths_civilians, deaths_unknown,
                               best, low, high)
            for column, message in notes:
                self.row_problems.append(Problem(f"{name}:{line}:{column}" if column else f"{name}:{line}", message))
        first = False
        if event_no is not None:
            at = self.first_lines.setdefault(event_no, line)
            if at == line:
                first = True
            elif self.checks:
                self.duplicates.append(Problem(f"{name}:{line}", f"a second row for id {event_no} (the first is on "
                                                                 f"line {at})"))
        self.years.add(year)
        if year is not None and not 1 <= year <= 9999:
            self.mapped.append(Problem(f"{name}:{line}:year", f"the year {year} is no calendar year (0001..9999); "
                                                              "it dates neither the file's coverage nor its actors' "
                                                              "names"))
        row_id = None if event_no is None else str(event_no)
        # A citation per row, built without re-checking: the source id was checked by the
        # Source (it is the caller's or made of hex digits), a line is >= 2 and a GED id's
        # text is digits (see model._prechecked).
        cite = _new_citation(source_id=self.sid, rows=(line,), row_ids=() if row_id is None else (row_id,))
        cites = (cite,)
        # A side seen before with this name, ids and year: what the first such row gave (see _side).
        got = self._steady_a.get((a_name, a_new, a_dset, year))
        part_a, named_a = got if got is not None else self._side(Side.A, "side_a", a_name, a_new, a_dset, gwnoa,
                                                                 violence, year, cite, line)
        got = self._steady_b.get((b_name, b_new, b_dset, year))
        part_b, named_b = got if got is not None else self._side(Side.B, "side_b", b_name, b_new, b_dset, gwnob,
                                                                 violence, year, cite, line)
        participants = (part_a, part_b) if part_a is not None and part_b is not None else tuple(
            p for p in (part_a, part_b) if p is not None)
        # Each figure is built without re-checking: its Count comes from a public
        # constructor (`_count`), its actor from a checked participant, and it cites the row.
        figures: list[Casualties] = []
        if best is not None or low is not None or high is not None:
            total = self._counts.get((best, low, high)) or self._count(best, low, high)
            figures.append(_new_casualties(killed=total, citations=cites))
        if deaths_a or deaths_b or deaths_civilians or deaths_unknown:
            parts = self._parts
            if deaths_a:
                figures.append(_new_casualties(killed=parts.get(deaths_a) or self._part(deaths_a), is_part=True,
                                               of_actor_id=None if part_a is None else part_a.actor_id,
                                               citations=cites))
            if deaths_b:
                figures.append(_new_casualties(killed=parts.get(deaths_b) or self._part(deaths_b), is_part=True,
                                               of_actor_id=None if part_b is None else part_b.actor_id,
                                               citations=cites))
            if deaths_civilians:
                figures.append(_new_casualties(killed=parts.get(deaths_civilians) or self._part(deaths_civilians),
                                               group=CasualtyGroup.CIVILIAN, is_part=True, citations=cites))
            if deaths_unknown:
                figures.append(_new_casualties(killed=parts.get(deaths_unknown) or self._part(deaths_unknown),
                                               is_part=True, citations=cites))
        kind, words, violence_kept = self._violence.get(violence) or self._kind(violence)
        at_place = f" at {where_description}" if where_description else ""
        summary = f"{words}: {a_name or 'unknown side'} against {b_name or 'unknown side'}{at_place} " \
                  f"(UCDP GED event {row_id})"
        # A row without a readable id, or a second row for one id (the reader reported
        # both), is kept under its line, without the GED id that belongs to another row.
        external = (_new_external_id(scheme="ged", value=row_id),) if first else ()
        place = _PLACE(values)
        location, where_kept, where_problem = self._places.get(place) or self._location(place)
        if where_problem is not None:
            self.mapped.append(Problem(f"{name}:{line}:latitude", where_problem))
        source_codes = self._source_codes(values, codes, violence_kept, year is None or first_year != year,
                                          dates_kept, first, where_kept, named_a, named_b, parts_off, bounds_off)
        # Built without re-checking: every part was checked where it was made (the public
        # constructors behind the shared values, the citation above); the summary is never
        # blank, the two participants have different sides, and a file's text is valid Unicode.
        self.events.append(_new_event(id=EventId(f"ged-{row_id}" if first else f"ged-line-{line}"), kind=kind,
                                      summary=summary, span=span, participants=participants, location=location,
                                      casualties=tuple(figures), external_ids=external, source_codes=source_codes,
                                      citations=cites))

    def _side(self, side: Side, column: str, given: str | None, new_id: int | None, dset_id: int | None,
              gwno: tuple[int, ...], violence: int | None, year: int | None, cite: Citation,
              line: int) -> tuple[Participant | None, bool]:
        """The participant on *side* (``None`` if none), and whether the writer gives the side back from its actor."""
        ucdp_id = new_id if new_id is not None else dset_id
        if ucdp_id is None:
            self.mapped.append(Problem(f"{self.name}:{line}:{column}", "the side has no UCDP actor id, so it is "
                                                                       "left out of the event's participants"))
            return None, False
        if ucdp_id == _CIVILIANS and violence == 3:
            return None, False
        entry = self.actors.get(ucdp_id)
        if entry is None:
            entry = self.actors[ucdp_id] = {"names": [], "cites": [], "gwno": gwno if len(gwno) == 1 else (),
                                            "used": {}}
        # Noted as the actor holds it (normal form C): a cell written otherwise is not the
        # actor's name below, so its text as written stays in the event's source codes.
        actor_name = given if given is None else nfc(given)
        if actor_name is None or not fold(actor_name):
            # Nothing to look the actor up by: it takes part under its id, the cell stays in
            # the event's source codes, and the actor is named from its id if no row names it.
            self.mapped.append(Problem(f"{self.name}:{line}:{column}", (
                "the side has no name" if actor_name is None else
                f"the side's name {actor_name!r} has no letters or digits to look it up by")
                + f"; UCDP actor {ucdp_id} takes part unnamed here"))
            if not entry["cites"]:
                entry["cites"].append(cite)
            return self._participant(ucdp_id, side), False
        if actor_name not in entry["names"]:
            key = fold(actor_name)  # as the data set compares names
            if self.taken.setdefault(key, ucdp_id) != ucdp_id:
                self.mapped.append(Problem(f"{self.name}:{line}:{column}",
                                           f"UCDP actors {self.taken[key]} and {ucdp_id} are both named "
                                           f"{actor_name!r}; actor {ucdp_id} keeps the name with its id added"))
                actor_name = f"{actor_name} (UCDP {ucdp_id})"
            if actor_name not in entry["names"]:  # a second row with the name taken: added once
                entry["names"].append(actor_name)
        note_use(entry["used"], actor_name, year, cite)
        if not entry["cites"]:
            entry["cites"].append(cite)
        participant = self._participant(ucdp_id, side)
        named = given == entry["names"][0] and new_id is not None
        if given in entry["names"] and ucdp_id != _CIVILIANS:
            # A name this actor has (no clash): the next row with this name, these ids and this
            # year would report nothing and change nothing (note_use has noted the year), so
            # it takes what this row gave.
            steady = self._steady_a if side is Side.A else self._steady_b
            steady[(given, new_id, dset_id, year)] = (participant, named)
        return participant, named

    def _source_codes(self, values: tuple[Any, ...], codes: tuple[tuple[str, str], ...], violence_kept: bool,
                      year_kept: bool, dates_kept: bool, first: bool, where_kept: tuple[str, ...], named_a: bool,
                      named_b: bool, parts_off: bool, bounds_off: bool) -> tuple[SourceCodes, ...]:
        """Every GED column the model does not map, and each mapped one it cannot give back exactly.

        The columns tuple is shared between rows of one shape, so that a large file stays cheap.
        A writer gives these values back in place of what it derives from the model.
        """
        texts_kept = _GED_TEXTS_OF(values)
        coded = _GED_FORMATTED_OF(values)
        texts = self._formatted.get(coded)  # codes and ids repeat together row after row: written back once each
        if texts is None:
            texts = tuple(fmt(value) for fmt, value in zip(_GED_FORMATS, coded, strict=True))
            if len(self._formatted) < _FORMATTED_KEPT:
                self._formatted[coded] = texts
        if not codes and first and named_a and named_b and not (violence_kept or year_kept or dates_kept
                                                                or where_kept or parts_off or bounds_off):
            # The common row: the kept columns alone, as read (a blank cell, None, is kept as "").
            plain = (*map(_BLANK_FOR_NONE, texts_kept, texts_kept), *texts)
            if self._plain:  # the columns were checked, and the values are each a cell of the decoded file or
                # a codec's text (valid Unicode), one per column: built without re-checking
                return (_new_source_codes(scheme="ucdp-ged", columns=GED_KEPT, values=plain),)
            self._plain = self.share  # kept like the other shared values
            return (SourceCodes("ucdp-ged", GED_KEPT, plain),)
        kept: list[str] = list(map(_BLANK_FOR_NONE, texts_kept, texts_kept))
        kept += texts
        for column, text in codes:  # a kept column's value the reader set aside: its text
            if column in _GED_KEPT_AT:
                kept[_GED_KEPT_AT[column]] = text
        extra: list[tuple[str, str]] = []
        if not first:
            extra.append(("id", _text(codes, values, "id")))
        if violence_kept:
            extra.append(("type_of_violence", _text(codes, values, "type_of_violence")))
        if dates_kept:
            extra += [(c, _text(codes, values, c)) for c in ("date_prec", "date_start", "date_end")]
        if year_kept:
            extra.append(("year", _text(codes, values, "year")))
        # A side the writer cannot give back from its actor's name and UCDP id keeps its cells.
        if not named_a:
            extra += [("side_a", _text(codes, values, "side_a")), ("side_a_new_id", _text(codes, values, "side_a_new_id"))]
        if not named_b:
            extra += [("side_b", _text(codes, values, "side_b")), ("side_b_new_id", _text(codes, values, "side_b_new_id"))]
        if where_kept:
            extra += [(c, _text(codes, values, c)) for c in where_kept]
        # A side that is no participant leaves its deaths without an actor: keep the columns as written.
        if not (named_a and named_b) or parts_off:  # or its parts do not add up to best
            extra += [(c, _text(codes, values, c)) for c in _DEATHS]
        if bounds_off:
            extra += [(c, _text(codes, values, c)) for c in _FIGURES]
        if extra or codes:
            done = {c for c, _ in extra}
            extra += [(c, t) for c, t in codes if c not in done and c not in _GED_KEPT_AT]
        columns = GED_KEPT + tuple(c for c, _ in extra) if extra else GED_KEPT
        checked = self._shapes.get(columns)
        if checked is None:  # a new shape: the public constructor checks its columns (and these values)
            self._shapes[columns] = columns
            return (SourceCodes("ucdp-ged", columns, (*kept, *(t for _, t in extra))),)
        return (_new_source_codes(scheme="ucdp-ged", columns=checked, values=(*kept, *(t for _, t in extra))),)

    # -- what rows share ----------------------------------------------------------------------

    def _span(self, start: Any, end: Any, prec: int | None) -> tuple[TimeSpan, bool, int | None, bool]:
        """The span of the dates (`ged_span`), whether the three date columns are kept as written, its first
        year, and whether GED's row check reports the dates (`ucdp._ged_note`)."""
        key = (start, end, prec)
        got = self._spans.get(key)
        if got is None:
            span = ged_span(start, end, prec)
            kept = prec is None or ucdp_date_precision(span) != prec or not span.is_known
            got = self._spans[key] = (span, kept, None if span.first_day is None else span.first_day.year,
                                      _ged_note(start, end, prec) is not None)
        return got

    def _participant(self, ucdp_id: int, side: Side) -> Participant:
        got = self._participants.get((ucdp_id, side))
        if got is None:
            got = self._participants[(ucdp_id, side)] = Participant(ActorId(f"ucdp-actor-{ucdp_id}"),
                                                                    Role.PARTICIPANT, side)
        return got

    def _count(self, best: int | None, low: int | None, high: int | None) -> Count:
        got = self._counts.get((best, low, high))
        if got is None:
            got = self._counts[(best, low, high)] = _count(best, low, high)
        return got

    def _part(self, deaths: int) -> Count:
        """The count of a part of the total (a figure without bounds)."""
        got = self._parts.get(deaths)
        if got is None:
            got = self._parts[deaths] = _count(deaths, None, None)
        return got

    def _kind(self, code: int | None) -> tuple[EventKind, str, bool]:
        """The event kind and words of a ``type_of_violence``, and whether the code is kept as written."""
        got = self._violence.get(code)
        if got is None:
            kind = UCDP_KINDS.get(code or 0, EventKind.CLASHES)
            kept = code is None or code != EVENT_KIND_CROSSWALK[kind].ucdp_types_of_violence[0]
            got = self._violence[code] = (kind, _WORDS_OF_VIOLENCE.get(code or 0, "Organised violence"), kept)
        return got

    def _location(self, place: tuple[Any, ...]) -> tuple[Location | None, tuple[str, ...], str | None]:
        """`_ged_location` of the place columns, shared by rows with the same ones."""
        latitude, longitude = place[0], place[1]
        if latitude == 0 or longitude == 0:  # 0.0 and -0.0 are equal keys but different values
            return _ged_location(*place)
        got = self._places.get(place)
        if got is None:
            got = self._places[place] = _ged_location(*place)
        return got

    # -- the file's records ----------------------------------------------------------------------

    def records(self, digest: str) -> dict[str, Any]:
        """The source, actors and events of the rows mapped (checked and indexed once, by the caller's `Dataset`)."""
        years = [year for year in self.years if year is not None and 1 <= year <= 9999]  # a year a span can hold
        coverage = TimeSpan.parse(f"{min(years):04d}/{max(years):04d}") if years and min(years) != max(years) else (
            TimeSpan.year(years[0]) if years else None)
        source = Source(id=self.sid, kind=SourceKind.DATA_FILE, title=GED_SOURCE_TITLE,
                        publisher="Uppsala Conflict Data Program (UCDP)", url="https://ucdp.uu.se/downloads/",
                        published=TimeSpan.unknown(), credit=_UCDP_CREDIT, licence="CC BY 4.0",
                        file_name=os.path.basename(self.name), sha256=digest, coverage=coverage,
                        note="the file does not say its release; read by caucasus_conflict.read")
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
            for ucdp_id, entry in sorted(self.actors.items()))
        return {"sources": (source,), "actors": _without_shared_gwno(actor_records), "events": tuple(self.events)}


class _Forgetful(dict[Any, Any]):
    """A memo that keeps nothing (see `ged_records`' *share*)."""

    def __setitem__(self, key: Any, value: Any) -> None:
        pass


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


def _ged_location(latitude: float | None, longitude: float | None, where_prec: int | None,
                  where_coordinates: str | None, adm_1: str | None, adm_2: str | None,
                  country: str | None) -> tuple[Location | None, tuple[str, ...], str | None]:
    """The row's location, the place columns it cannot hold (kept as source codes), and why, if not reported yet.

    A coordinate without the other (one was set aside, and reported) leaves both out of the
    location; a place the model refuses keeps every place column as written.
    """
    if latitude is None and longitude is None and not (where_coordinates or adm_1 or adm_2 or country):
        return None, (), None
    paired = (latitude is None) == (longitude is None)
    kept = () if paired else ("latitude", "longitude")
    try:
        location = Location(latitude=latitude if paired else None, longitude=longitude if paired else None,
                            precision=where_prec, precision_scheme=None if where_prec is None else "ucdp-ged",
                            name=where_coordinates, admin1=adm_1, admin2=adm_2, country=country)
    except RecordError as exc:
        return None, _GED_WHERE, f"the row's place is kept as source codes, not as a location: {exc}"
    return location, kept, None


def _text(codes: tuple[tuple[str, str], ...], values: tuple[Any, ...], column: str) -> str:
    """The cell as the row read it: the text set aside, or its value written back."""
    for kept, text in codes:
        if kept == column:
            return text
    spec = GED.column(column)
    return str(spec.codec.format(values[_AT[spec.field]]))
