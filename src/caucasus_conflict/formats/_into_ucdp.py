"""UCDP ACD and BRD files into the model (`read`), and the model back into their rows (`write`).

How an ACD file maps (docs/formats/ucdp-acd.md has the table):

- the file is one `Source` of kind ``data_file`` (id ``ucdp-acd-`` and the first 12 hex
  digits of its SHA-256), citing each row by its line;
- the rows of one ``conflict_id`` are one `Conflict` (id ``ucdp-conflict-<id>``, external id
  ``ucdp-conflict``): its incompatibility and type (as in its latest year), the territory
  it is over (a `Territory` ``ucdp-territory-<name>``), side A and side B (``side_a_id``,
  ``side_b_id``) and the states backing a side (``side_a_2nd``/``gwno_a_2nd``, ...), the
  start (``start_date`` at ``start_prec``), one `Episode` per ``start_date2`` (ended where
  ``ep_end`` is 1) and one `ConflictYear` per row with its intensity;
- each UCDP actor is an `Actor` ``ucdp-actor-<id>`` (as in the GED mapping, so that files
  of one release merge on ids); a backing state is the actor of the same name in the file,
  or else ``gwno-<number>`` with the external id ``gwno``.

A BRD row is a `DyadYear` of the `Dyad` ``ucdp-dyad-<id>`` (external id ``ucdp-dyad``), with
``bd_low``/``bd_best``/``bd_high`` as its battle deaths; the dyad's `Conflict` is made as for
ACD, without years. A row of the conflict-level BRD file (no ``dyad_id`` column) is a
`ConflictYear` of its conflict with those battle deaths (and no intensity: that is ACD's).

Each year keeps the row's other cells as written, as `SourceCodes` of the format, so that
`acd_rows` and `brd_rows` give the rows back: read, write and read again gives the same rows.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

from caucasus_conflict._names import fold
from caucasus_conflict.dataset import Dataset
from caucasus_conflict.errors import Problem, RecordError
from caucasus_conflict.kinds import (
    ActorKind,
    ConflictType,
    Incompatibility,
    Intensity,
    Role,
    Side,
    SourceKind,
    TerritoryKind,
)
from caucasus_conflict.model import (
    Actor,
    ActorId,
    Citation,
    Conflict,
    ConflictId,
    ConflictYear,
    Count,
    Dyad,
    DyadId,
    DyadYear,
    Episode,
    ExternalId,
    Participant,
    Source,
    SourceCodes,
    SourceId,
    Territory,
    TerritoryId,
)
from caucasus_conflict.timespan import TimeSpan

from ._out import LineOrder
from ._rows import Format, ReadResult, Row
from .ucdp import ACD, BRD, AcdRow, BrdRow, side_names

__all__ = ["acd_records", "acd_rows", "brd_columns", "brd_records", "brd_rows"]

_INCOMPATIBILITY = {1: Incompatibility.TERRITORY, 2: Incompatibility.GOVERNMENT,
                    3: Incompatibility.TERRITORY_AND_GOVERNMENT}
_TYPE = {1: ConflictType.EXTRASYSTEMIC, 2: ConflictType.INTERSTATE, 3: ConflictType.INTRASTATE,
         4: ConflictType.INTERNATIONALISED_INTRASTATE}
_INTENSITY = {1: Intensity.MINOR, 2: Intensity.WAR}
_CREDIT = {
    "ucdp-acd": ("UCDP/PRIO Armed Conflict Dataset (ACD)",
                 "UCDP/PRIO Armed Conflict Dataset, Uppsala Conflict Data Program and PRIO: Gleditsch, Nils Petter, "
                 "Peter Wallensteen, Mikael Eriksson, Margareta Sollenberg and Havard Strand (2002), Journal of Peace "
                 "Research 39(5), and the release's Organized violence article; licensed CC BY 4.0"),
    "ucdp-brd": ("UCDP Battle-Related Deaths Dataset (BRD)",
                 "UCDP Battle-Related Deaths Dataset, Uppsala Conflict Data Program; cite the release's Organized "
                 "violence article (for 22.1: Davies, Pettersson and Oberg 2022, Journal of Peace Research 59(4)); "
                 "licensed CC BY 4.0"),
}
# The columns a year record holds itself; every other cell of the row is kept as written.
_ACD_HELD = frozenset({"conflict_id", "year", "intensity_level"})
_BRD_HELD = frozenset({"conflict_id", "dyad_id", "year", "bd_best", "bd_low", "bd_high"})
# The columns of a conflict-level BRD file, in the order the writer gives them: the dyadic file's without dyad_id.
_BRD_CONFLICT_COLUMNS = tuple(spec.name for spec in BRD.columns if spec.name != "dyad_id")


# -- reading ----------------------------------------------------------------------------------


def _source(fmt: str, rows: Sequence[AcdRow] | Sequence[BrdRow], name: str, digest: str,
            source_id: str | None) -> Source:
    title, credit = _CREDIT[fmt]
    years = sorted({row.year for row in rows if row.year is not None and 1 <= row.year <= 9999})
    coverage = None if not years else TimeSpan.year(years[0]) if len(years) == 1 else TimeSpan.parse(
        f"{years[0]:04d}/{years[-1]:04d}")
    releases = {row.version for row in rows if row.version is not None}
    return Source(id=SourceId(source_id or f"{fmt}-{digest[:12]}"), kind=SourceKind.DATA_FILE, title=title,
                  publisher="Uppsala Conflict Data Program (UCDP)", url="https://ucdp.uu.se/downloads/",
                  published=TimeSpan.unknown(), credit=credit, licence="CC BY 4.0",
                  release=releases.pop() if len(releases) == 1 else None, file_name=os.path.basename(name),
                  sha256=digest, coverage=coverage, note="read by caucasus_conflict.read")


def _cells(fmt: Format[Any], row: Row, held: frozenset[str]) -> SourceCodes | None:
    """The row's cells other than *held*, as written: set-aside text, else the value's text; blanks left out."""
    codes = dict(row.source_codes)
    columns: list[str] = []
    values: list[str] = []
    for spec in fmt.columns:
        if spec.name in held and spec.name not in codes:  # a held value the reader set aside keeps its text
            continue
        text = codes.pop(spec.name) if spec.name in codes else spec.codec.format(getattr(row, spec.field))
        if text:
            columns.append(spec.name)
            values.append(text)
    for column, text in codes.items():  # unmapped columns, in file order
        columns.append(column)
        values.append(text)
    return SourceCodes(fmt.name, tuple(columns), tuple(values)) if columns else None


class _Builder:
    """The actors, territories and conflicts of one UCDP file, gathered row by row."""

    def __init__(self, fmt: str, sid: SourceId, name: str) -> None:
        self.fmt, self.sid, self.name = fmt, sid, name
        self.actors: dict[str, dict[str, Any]] = {}
        self.names: dict[str, str] = {}  # folded name -> actor id
        self.territories: dict[str, Territory] = {}
        self.conflicts: dict[int, dict[str, Any]] = {}
        self.problems: list[Problem] = []

    def take_names(self, keyed: Sequence[tuple[AcdRow | BrdRow, int, int]]) -> None:
        """Note each UCDP actor's name before any row is mapped, so that a state backing a side
        (``side_a_2nd``, named, with a Gleditsch-Ward number) that bears the name of an actor
        with a UCDP id is that actor, whether the row naming the actor comes before or after.

        *keyed* is the rows mapped, as `_keyed_rows` gives them; only a side of one name and one
        id counts, as `sides` pairs them; the first UCDP id of a name, in file order, holds it.
        """
        for row, _conflict_number, _year_number in keyed:
            for names, ids in ((row.side_a, row.side_a_id), (row.side_b, row.side_b_id)):
                split = side_names(names)
                if len(split) == 1 and len(ids) == 1 and fold(split[0]):
                    self.names.setdefault(fold(split[0]), f"ucdp-actor-{ids[0]}")

    def cite(self, row: Row, row_id: str | None = None) -> Citation:
        return Citation(self.sid, rows=(row.line,), row_ids=(row_id,) if row_id else ())

    def actor(self, actor_id: str, actor_name: str | None, cite: Citation, external: ExternalId,
              column: str) -> ActorId:
        entry = self.actors.get(actor_id)
        if entry is None:
            entry = self.actors[actor_id] = {"names": [], "cite": cite, "external": external}
        if actor_name is not None and not fold(actor_name):
            # Nothing to look it up by: reported; the actor keeps a name made from its id
            # (unless another row names it), and the cell stays in the year's source codes.
            self.problems.append(Problem(f"{self.name}:{cite.rows[0]}:{column}",
                                         f"the name {actor_name!r} has no letters or digits to look it up by; "
                                         f"{actor_id} takes part unnamed here"))
            actor_name = None
        if actor_name is not None and actor_name not in entry["names"]:
            held = self.names.setdefault(fold(actor_name), actor_id)
            if held != actor_id:
                self.problems.append(Problem(f"{self.name}:{cite.rows[0]}", f"{held} and {actor_id} are both named "
                                             f"{actor_name!r}; {actor_id} keeps the name with its id added"))
                actor_name = f"{actor_name} ({external.value})"
            if actor_name not in entry["names"]:  # a later row with the name taken: the name with its id once
                entry["names"].append(actor_name)
        return ActorId(actor_id)

    def sides(self, row: AcdRow | BrdRow, cite: Citation) -> list[Participant]:
        """Side A and side B of *row*, then the states backing each side."""
        found: list[Participant] = []
        for side, names, ids, column in ((Side.A, row.side_a, row.side_a_id, "side_a"),
                                         (Side.B, row.side_b, row.side_b_id, "side_b")):
            split = side_names(names)
            for ucdp_id in ids:
                # Names and ids are not paired by position (see side_names): a name goes with
                # an id only when the cell holds one of each.
                one = split[0] if len(split) == 1 and len(ids) == 1 else None
                found.append(Participant(self.actor(f"ucdp-actor-{ucdp_id}", one, cite,
                                                    ExternalId("ucdp-actor", str(ucdp_id)), column),
                                         Role.PARTICIPANT, side))
        for side, names, numbers, column in ((Side.A, row.side_a_2nd, row.gwno_a_2nd, "side_a_2nd"),
                                             (Side.B, row.side_b_2nd, row.gwno_b_2nd, "side_b_2nd")):
            split = side_names(names)
            if len(split) == 1 and len(numbers) == 1:
                known = self.names.get(fold(split[0])) if fold(split[0]) else None
                actor_id = ActorId(known) if known is not None else self.actor(
                    f"gwno-{numbers[0]}", split[0], cite, ExternalId("gwno", str(numbers[0])), column)
                found.append(Participant(actor_id, Role.SUPPORTER, side))
        return found

    def territory(self, territory_name: str | None, cite: Citation) -> tuple[TerritoryId, ...]:
        if territory_name is None or not fold(territory_name) or territory_name != territory_name.strip():
            return ()  # a name nothing can look up stays in the year's cells only
        slug = _slug(territory_name)
        key = f"ucdp-territory-{slug}"
        if key not in self.territories:
            # The name as UCDP writes it is the territory's id there: files of one release merge on it.
            try:
                self.territories[key] = Territory(
                    id=TerritoryId(key), name=territory_name, kind=TerritoryKind.REGION,
                    external_ids=(ExternalId("ucdp-territory", territory_name),), citations=(cite,),
                    note="the territory a UCDP conflict is over")
            except RecordError:  # a name no id can be (control characters): kept in the year's cells only
                return ()
        return (TerritoryId(key),)

    def conflict(self, row: AcdRow | BrdRow, location: str | None, cite: Citation) -> ConflictId:
        assert row.conflict_id is not None
        entry = self.conflicts.setdefault(row.conflict_id, {"rows": [], "participants": []})
        entry["rows"].append(row)
        for participant in self.sides(row, cite):
            if participant not in entry["participants"]:
                entry["participants"].append(participant)
        entry.setdefault("location", location)
        return ConflictId(f"ucdp-conflict-{row.conflict_id}")

    def built_actors(self) -> tuple[Actor, ...]:
        out = []
        for actor_id, entry in sorted(self.actors.items()):
            names = entry["names"] or [f"UCDP actor {entry['external'].value}" if entry["external"].scheme ==
                                       "ucdp-actor" else f"Gleditsch-Ward {entry['external'].value}"]
            kind = ActorKind.GOVERNMENT if names[0].startswith("Government of") else ActorKind.ARMED_FORCES
            out.append(Actor(id=ActorId(actor_id), name=names[0], kind=kind, aliases=tuple(names[1:]),
                             external_ids=(entry["external"],), citations=(entry["cite"],),
                             note=None if entry["names"] else "the file names this actor only beside others, or "
                                                              "with no letters or digits, so its name is not "
                                                              "known here"))
        return tuple(out)

    def built_conflicts(self, years: dict[int, list[ConflictYear]] | None = None) -> tuple[Conflict, ...]:
        out = []
        taken: set[str] = set()
        for conflict_id, entry in sorted(self.conflicts.items()):
            rows = sorted(entry["rows"], key=lambda r: (r.year is None, r.year or 0, r.line))
            latest = rows[-1]
            cites = (Citation(self.sid, rows=tuple(sorted({r.line for r in rows}))),)
            territory_ids = self.territory(latest.territory_name, cites[0])
            over = latest.territory_name if latest.territory_name else "Government"
            conflict_name = _unique_name(f"{entry['location'] or 'Unknown location'}: {over}", "UCDP conflict",
                                         str(conflict_id), taken)
            start, episodes = TimeSpan.unknown(), tuple[Episode, ...]()
            acd = [r for r in rows if isinstance(r, AcdRow)]
            if acd:
                start = acd[0].start
                episodes = _episodes(acd, self.sid)
            out.append(Conflict(
                id=ConflictId(f"ucdp-conflict-{conflict_id}"), name=conflict_name,
                incompatibility=_INCOMPATIBILITY.get(latest.incompatibility or 0),
                conflict_type=_TYPE.get(latest.type_of_conflict or 0), territory_ids=territory_ids,
                participants=_ordered(entry["participants"]), start=start, episodes=episodes,
                years=tuple(sorted((years or {}).get(conflict_id, ()), key=lambda y: y.year)),
                external_ids=(ExternalId("ucdp-conflict", str(conflict_id)),), citations=cites))
        return tuple(out)


def _unique_name(name: str, word: str, number: str, taken: set[str]) -> str:
    """*name*, or ``"<word> <number>"`` when it has nothing to look it up by; ``(UCDP <number>)`` added when taken."""
    if not fold(name):
        name = f"{word} {number}"
    if fold(name) in taken:
        name = f"{name} (UCDP {number})"
    taken.add(fold(name))
    return name


def _slug(text: str) -> str:
    """*text* as an id part: lower-case ASCII letters and digits, other runs as one ``-``."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "territory"


def _ordered(participants: Iterable[Participant]) -> tuple[Participant, ...]:
    """Parties before supporters, side A before side B, each in the order first seen."""
    items = list(participants)
    return tuple(sorted(items, key=lambda p: (p.role is Role.SUPPORTER, p.side is Side.B)))


def _episodes(rows: Sequence[AcdRow], sid: SourceId) -> tuple[Episode, ...]:
    groups: dict[tuple[object, object], list[AcdRow]] = {}
    for row in rows:
        if row.start_date2 is not None or row.start_prec2 is not None:
            groups.setdefault((row.start_date2, row.start_prec2), []).append(row)
    episodes = []
    for members in groups.values():
        ended = [r for r in members if r.ep_end == 1]
        end = ended[-1].episode_end if ended else None
        episodes.append(Episode(start=members[0].episode_start, end=end,
                                citations=(Citation(sid, rows=tuple(r.line for r in members)),)))
    return tuple(episodes)


def acd_records(result: ReadResult[AcdRow], name: str, digest: str,
                source_id: str | None) -> tuple[dict[str, Any], list[Problem]]:
    """The source, actors, territories and conflicts of an ACD file (checked by the caller's `Dataset`)."""
    def year_of(row: AcdRow, cite: Citation, problems: list[Problem]) -> ConflictYear:
        assert row.year is not None
        codes = _cells(ACD, row, _ACD_HELD)
        return ConflictYear(year=row.year, intensity=_INTENSITY.get(row.intensity_level or 0),
                            source_codes=(codes,) if codes else (), citations=(cite,))

    return _conflict_year_records("ucdp-acd", result, name, digest, source_id, lambda row: row.location, year_of)


_Y = TypeVar("_Y", AcdRow, BrdRow)


def _conflict_year_records(fmt: str, result: ReadResult[_Y], name: str, digest: str, source_id: str | None,
                           location_of: Callable[[_Y], str | None],
                           year_of: Callable[[_Y, Citation, list[Problem]], ConflictYear | None],
                           ) -> tuple[dict[str, Any], list[Problem]]:
    """The records of a file of one row per conflict-year (ACD, conflict-level BRD).

    *year_of* makes a row's `ConflictYear`, or reports why it cannot and returns ``None``.
    """
    source = _source(fmt, result.rows, name, digest, source_id)
    build = _Builder(fmt, source.id, name)
    keyed = list(_keyed_rows(result.rows, build, "conflicts"))
    build.take_names(keyed)
    years: dict[int, list[ConflictYear]] = {}
    seen: set[tuple[int, int]] = set()
    for row, conflict_number, year_number in keyed:
        cite = build.cite(row)
        build.conflict(row, location_of(row), cite)
        year = year_of(row, cite, build.problems)
        if year is None or (conflict_number, year_number) in seen:
            continue  # reported: no year to keep, or (by the reader) a second row for the conflict-year
        seen.add((conflict_number, year_number))
        years.setdefault(conflict_number, []).append(year)
    conflicts = build.built_conflicts(years)  # makes the territories too
    return {"sources": (source,), "actors": build.built_actors(), "territories": tuple(build.territories.values()),
            "conflicts": conflicts}, build.problems


def _keyed_rows(rows: Sequence[_Y], build: _Builder, what: str) -> Iterator[tuple[_Y, int, int]]:
    """Each row with a readable ``conflict_id`` and ``year``, and those; each other is reported, as left out of *what*."""
    for row in rows:
        if row.conflict_id is None or row.year is None:
            build.problems.append(Problem(f"{build.name}:{row.line}", "the row has no readable conflict_id and year, "
                                                                      f"so it is left out of the {what}"))
            continue
        yield row, row.conflict_id, row.year


def _battle_deaths(row: BrdRow) -> tuple[Count | None, list[tuple[str, str]]]:
    """The row's battle deaths, with a bound that contradicts the best estimate set aside (and kept as text)."""
    bounds = {"bd_low": row.bd_low, "bd_high": row.bd_high}
    for dropped in ((), ("bd_low",), ("bd_high",), ("bd_low", "bd_high")):
        kept = {k: (None if k in dropped else v) for k, v in bounds.items()}
        if row.bd_best is None and kept["bd_low"] is None and kept["bd_high"] is None:
            break
        try:
            count = Count(row.bd_best, low=kept["bd_low"], high=kept["bd_high"])
        except RecordError:
            continue
        return count, [(k, str(bounds[k])) for k in dropped if bounds[k] is not None]
    return None, []


def brd_records(result: ReadResult[BrdRow], name: str, digest: str,
                source_id: str | None) -> tuple[dict[str, Any], list[Problem]]:
    """The source, actors, territories, conflicts and dyads of a BRD file (conflict-level: no dyads)."""
    if "dyad_id" not in result.layout.columns:
        return _brd_conflict_records(result, name, digest, source_id)
    source = _source("ucdp-brd", result.rows, name, digest, source_id)
    build = _Builder("ucdp-brd", source.id, name)
    keyed = list(_keyed_rows(result.rows, build, "dyads"))
    build.take_names(keyed)
    dyads: dict[str, dict[str, Any]] = {}
    seen: set[tuple[str, int]] = set()
    for row, _conflict_number, year_number in keyed:
        cite = build.cite(row, str(row.dyad_id) if row.dyad_id is not None else None)
        conflict_id = build.conflict(row, row.location_inc, cite)
        dyad_id = f"ucdp-dyad-{row.dyad_id}" if row.dyad_id is not None else f"ucdp-brd-line-{row.line}"
        deaths, dropped = _battle_deaths(row)
        if deaths is None:
            build.problems.append(Problem(f"{name}:{row.line}:bd_best", "the row gives no readable battle deaths, "
                                                                        "so its year is left out of the dyad"))
        entry = dyads.setdefault(dyad_id, {"row": row, "conflict": conflict_id, "cites": [], "years": [],
                                           "participants": []})
        entry["cites"].append(row.line)
        for participant in build.sides(row, cite):
            if participant.role is Role.PARTICIPANT and participant not in entry["participants"]:
                entry["participants"].append(participant)
        if deaths is None or (dyad_id, year_number) in seen:
            continue
        seen.add((dyad_id, year_number))
        entry["years"].append(DyadYear(year=year_number, battle_deaths=deaths, source_codes=_year_codes(row, dropped),
                                       citations=(cite,)))
    dyad_records = []
    taken: set[str] = set()
    for dyad_id, entry in dyads.items():
        row = entry["row"]
        dyad_name = _unique_name(f"{row.side_a} – {row.side_b}", "UCDP dyad", dyad_id.removeprefix("ucdp-dyad-"),
                                 taken)
        external = (ExternalId("ucdp-dyad", str(row.dyad_id)),) if row.dyad_id is not None else ()
        dyad_records.append(Dyad(id=DyadId(dyad_id), name=dyad_name, conflict_id=entry["conflict"],
                                 participants=_ordered(entry["participants"]),
                                 years=tuple(sorted(entry["years"], key=lambda y: y.year)), external_ids=external,
                                 citations=(Citation(source.id, rows=tuple(sorted(entry["cites"]))),)))
    conflicts = build.built_conflicts()  # makes the territories too
    return {"sources": (source,), "actors": build.built_actors(), "territories": tuple(build.territories.values()),
            "conflicts": conflicts, "dyads": tuple(dyad_records)}, build.problems


def _year_codes(row: BrdRow, dropped: Sequence[tuple[str, str]]) -> tuple[SourceCodes, ...]:
    """The row's cells other than those a year holds, and a bound set aside kept as its text."""
    codes = _cells(BRD, row, _BRD_HELD)
    if dropped:
        columns = (*(codes.columns if codes else ()), *(c for c, _ in dropped))
        values = (*(codes.values if codes else ()), *(t for _, t in dropped))
        codes = SourceCodes("ucdp-brd", columns, values)
    return (codes,) if codes else ()


def _brd_conflict_records(result: ReadResult[BrdRow], name: str, digest: str,
                          source_id: str | None) -> tuple[dict[str, Any], list[Problem]]:
    """The source, actors, territories and conflicts of a conflict-level BRD file: one `ConflictYear` per row."""
    def year_of(row: BrdRow, cite: Citation, problems: list[Problem]) -> ConflictYear | None:
        assert row.year is not None
        deaths, dropped = _battle_deaths(row)
        if deaths is None:
            problems.append(Problem(f"{name}:{row.line}:bd_best", "the row gives no readable battle deaths, "
                                                                  "so its year is left out of the conflict"))
            return None
        return ConflictYear(year=row.year, battle_deaths=deaths, source_codes=_year_codes(row, dropped),
                            citations=(cite,))

    return _conflict_year_records("ucdp-brd", result, name, digest, source_id, lambda row: row.location_inc,
                                  year_of)


# -- writing ----------------------------------------------------------------------------------


_CODE_OF_INCOMPATIBILITY = {v: k for k, v in _INCOMPATIBILITY.items()}
_CODE_OF_TYPE = {v: k for k, v in _TYPE.items()}
_CODE_OF_INTENSITY = {v: k for k, v in _INTENSITY.items()}


def _number(record: Conflict | Dyad, scheme: str) -> int | None:
    for x in record.external_ids:
        if x.scheme == scheme:
            try:
                return int(x.value)
            except ValueError:
                return None
    return None


def _derived(ds: Dataset, conflict: Conflict, participants: Sequence[Participant]) -> dict[str, str]:
    """The cells a year without its own can take from the model: what the conflict is over, and its sides."""
    cells: dict[str, str] = {}
    if conflict.incompatibility is not None:
        cells["incompatibility"] = str(_CODE_OF_INCOMPATIBILITY[conflict.incompatibility])
    if conflict.conflict_type is not None:
        cells["type_of_conflict"] = str(_CODE_OF_TYPE[conflict.conflict_type])
    if conflict.territory_ids:
        cells["territory_name"] = ds.territory(conflict.territory_ids[0]).name
    for side, column in ((Side.A, "side_a"), (Side.B, "side_b")):
        actors = [ds.actor(p.actor_id) for p in participants if p.side is side and p.role is Role.PARTICIPANT]
        if actors:
            cells[column] = ", ".join(a.name for a in actors)
            ids = [x.value for a in actors for x in a.external_ids if x.scheme == "ucdp-actor"]
            if len(ids) == len(actors):
                cells[f"{column}_id"] = ", ".join(ids)
    return cells


def _year_row(row_type: type[Any], fmt: str, held: dict[str, Any], year_codes: Sequence[SourceCodes],
              derived: dict[str, str]) -> Any:
    # A year read from a row has its cells (blanks left out): the model fills in only a year without them.
    kept = [codes for codes in year_codes if codes.scheme == fmt]
    cells = {} if kept else dict(derived)
    for codes in kept:
        cells.update(codes.items())
    for column, value in held.items():
        if value is not None:  # a bound the reader set aside is kept as its text
            cells.pop(column, None)
    return row_type(source_codes=tuple(cells.items()), **held)


def _left_out(ds: Dataset, fmt: str, kept: Sequence[str]) -> list[Problem]:
    from caucasus_conflict._registry import RECORD_TYPES

    problems = []
    for rtype in RECORD_TYPES:
        count = len(getattr(ds, rtype.collection))
        if rtype.collection not in (*kept, "sources") and count:  # a source is the file, not a row
            noun = rtype.singular if count == 1 else rtype.collection
            problems.append(Problem(f"$.{rtype.collection}", f"{count} {noun} cannot be written as {fmt} rows "
                                                             f"and {'is' if count == 1 else 'are'} left out"))
    return problems


def acd_rows(ds: Dataset) -> tuple[list[AcdRow], list[Problem]]:
    """The ACD rows of *ds*: one per year of each conflict with a UCDP conflict id, and what was left out.

    Each year's kept cells (`SourceCodes` ``ucdp-acd``) are written as read; a year
    without them takes what the model says (incompatibility, type, territory, sides).

    Examples:
        >>> import caucasus_conflict as cc
        >>> rows, left_out = acd_rows(cc.load())
        >>> rows, left_out[0].message
        ([], '18 events cannot be written as ucdp-acd rows and are left out')
    """
    order: LineOrder[AcdRow] = LineOrder(ds, _CREDIT["ucdp-acd"][0])
    problems = _left_out(ds, "ucdp-acd", ("actors", "territories", "conflicts"))
    for position, conflict in enumerate(ds.conflicts):
        number = _number(conflict, "ucdp-conflict")
        if number is None or not conflict.years:
            why = "has no UCDP conflict id (external id ucdp-conflict)" if number is None else "has no years"
            problems.append(Problem(f"$.conflicts[{position}]", f"conflict {conflict.id!r} {why}, so it has no "
                                                                 "ACD row"))
            continue
        derived = _derived(ds, conflict, conflict.participants)
        for index, year in enumerate(conflict.years):
            if year.intensity is None and year.battle_deaths is not None and not any(
                    codes.scheme == "ucdp-acd" for codes in year.source_codes):
                problems.append(Problem(f"$.conflicts[{position}].years[{index}]",
                                        f"conflict {conflict.id!r} has only battle deaths in {year.year} (a BRD "
                                        "year), so it has no ACD row"))
                continue
            held = {"conflict_id": number, "year": year.year,
                    "intensity_level": None if year.intensity is None else _CODE_OF_INTENSITY[year.intensity]}
            order.add((_year_row(AcdRow, "ucdp-acd", held, year.source_codes, derived),), year.citations)
    return order.rows(), problems


def brd_rows(ds: Dataset) -> tuple[list[BrdRow], list[Problem]]:
    """The BRD rows of *ds*: one per year of each dyad with UCDP ids, and what was left out.

    A data set whose dyads have no years, and whose conflicts have years with battle
    deaths (a conflict-level BRD file read), gives the conflict-level rows instead: one per
    such year, which `brd_columns` writes without ``dyad_id``.

    Examples:
        >>> import caucasus_conflict as cc
        >>> rows, left_out = brd_rows(cc.load())
        >>> rows, [p.path for p in left_out][:2]
        ([], ['$.events', '$.ceasefires'])
    """
    if not any(d.years for d in ds.dyads) and any(y.battle_deaths for c in ds.conflicts for y in c.years):
        return _brd_conflict_rows(ds)
    order: LineOrder[BrdRow] = LineOrder(ds, _CREDIT["ucdp-brd"][0])
    problems = _left_out(ds, "ucdp-brd", ("actors", "territories", "conflicts", "dyads"))
    problems += [Problem(f"$.conflicts[{position}].years[{index}].battle_deaths",
                         f"conflict {c.id!r} has battle deaths of its own in {year.year}; a dyadic BRD file has no "
                         "row for them (write a data set without dyads for the conflict-level file)")
                 for position, c in enumerate(ds.conflicts) for index, year in enumerate(c.years)
                 if year.battle_deaths is not None]
    conflicts = {c.id: c for c in ds.conflicts}
    for position, dyad in enumerate(ds.dyads):
        conflict = conflicts[dyad.conflict_id]
        number, conflict_number = _number(dyad, "ucdp-dyad"), _number(conflict, "ucdp-conflict")
        if number is None or conflict_number is None:
            problems.append(Problem(f"$.dyads[{position}]", f"dyad {dyad.id!r} or its conflict has no UCDP id "
                                                            "(external ids ucdp-dyad, ucdp-conflict), so it has "
                                                            "no BRD row"))
            continue
        derived = _derived(ds, conflict, dyad.participants)
        for year in dyad.years:
            deaths = year.battle_deaths
            held = {"conflict_id": conflict_number, "dyad_id": number, "year": year.year, "bd_best": deaths.best,
                    "bd_low": deaths.low, "bd_high": deaths.high}
            order.add((_year_row(BrdRow, "ucdp-brd", held, year.source_codes, derived),), year.citations)
    return order.rows(), problems


def _brd_conflict_rows(ds: Dataset) -> tuple[list[BrdRow], list[Problem]]:
    """The conflict-level BRD rows of *ds*: one per year of a conflict with battle deaths."""
    order: LineOrder[BrdRow] = LineOrder(ds, _CREDIT["ucdp-brd"][0])
    problems = _left_out(ds, "ucdp-brd", ("actors", "territories", "conflicts", "dyads"))
    for position, conflict in enumerate(ds.conflicts):
        number = _number(conflict, "ucdp-conflict")
        counted = [y for y in conflict.years if y.battle_deaths is not None]
        if number is None or not counted:
            why = "has no UCDP conflict id (external id ucdp-conflict)" if number is None else \
                "has no year with battle deaths"
            problems.append(Problem(f"$.conflicts[{position}]", f"conflict {conflict.id!r} {why}, so it has no "
                                                                 "BRD row"))
            continue
        derived = _derived(ds, conflict, conflict.participants)
        for year in counted:
            deaths = year.battle_deaths
            assert deaths is not None
            held = {"conflict_id": number, "year": year.year, "bd_best": deaths.best, "bd_low": deaths.low,
                    "bd_high": deaths.high}
            order.add((_year_row(BrdRow, "ucdp-brd", held, year.source_codes, derived),), year.citations)
    return order.rows(), problems


def brd_columns(rows: Sequence[BrdRow]) -> tuple[str, ...] | None:
    """The columns to write *rows* under: the conflict-level file's when no row has a dyad, else ``None`` (all).

    Examples:
        >>> brd_columns([BrdRow(conflict_id=1, year=1990)])[:2], brd_columns([BrdRow(conflict_id=1, dyad_id=2)])
        (('conflict_id', 'location_inc'), None)
    """
    if rows and all(row.dyad_id is None and "dyad_id" not in dict(row.source_codes) for row in rows):
        return _BRD_CONFLICT_COLUMNS
    return None
