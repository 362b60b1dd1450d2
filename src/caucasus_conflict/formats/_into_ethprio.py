"""The ETH/PRIO Civil Conflict Ceasefire data into the model, and back (docs/formats/ethprio.md has the table).

- the file is one `Source` of kind ``data_file`` (id ``ethprio-ceasefires-`` and the first 12
  hex digits of its SHA-256);
- the rows of one ceasefire (one per actor, gathered by ``uniq_id``, or ``cc`` and ``cf_id``)
  are one `Ceasefire` with id ``ethprio-<uniq_id>`` and the external id ``ethprio``, and
  ``pax`` where the row links exactly one PA-X agreement; the ceasefires are in the order of
  their first rows kept, and the writer puts every row back in the order of its line;
- each row's actor is a party: ``ucdp-actor-<id>`` (external id ``ucdp-actor``) where the row
  gives one UCDP actor id, as the GED mapping makes them, else ``ethprio-actor-<name>``;
  its side is `Side.A` for a "Government of …" and `Side.B` for the other actors (UCDP's
  convention for civil conflicts, which these are all);
- ``ucdp_acd_id`` links the ceasefire to its UCDP conflicts (``conflict_ids``): the file
  holds nothing else about a conflict, so each number is a stub `Conflict`
  ``ucdp-conflict-<id>`` (see `_links`), which `Dataset.merge` joins with an ACD or BRD conflict;
- ``ucdp_dyad`` links it to its UCDP dyads (``dyad_ids``): each number is a stub `Dyad`
  ``ucdp-dyad-<id>`` in the one conflict the rows naming it give (see `_links`), which
  `Dataset.merge` joins with a BRD dyad; a dyad whose conflict the rows do not give is not
  linked, and reported;
- ``mediator_send`` is split into names, and each is a mediator where it is a spelling in
  the table of the field's spellings (`KNOWN`); any other name is reported, never guessed;
- declared, effective and end dates at the precision the parts give; a date that breaks
  the model's order (an effect before the declaration) is set aside as unknown;
- every other column, and every value the model holds in another shape, is kept in the
  ceasefire's `SourceCodes` (see `_codes`), so that `ethprio_rows` writes the rows back.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

import attrs

from caucasus_conflict._names import fold
from caucasus_conflict.dataset import Dataset
from caucasus_conflict.errors import Problem, RecordError
from caucasus_conflict.kinds import ActorKind, Precision, Side
from caucasus_conflict.model import (
    ActorId,
    Ceasefire,
    CeasefireId,
    Citation,
    DyadId,
    ExternalId,
    SourceId,
)
from caucasus_conflict.timespan import TimeSpan

from ._actors import ActorBook, match_name, slug, split_names
from ._codes import apply_codes, file_source, kept_codes, left_out
from ._links import ConflictStubs, DyadStubs, conflict_number, conflict_numbers, dyad_numbers
from ._out import LineOrder
from ._values import Missing
from .ethprio import CEASEFIRES, CeasefireRow

__all__ = ["ethprio_records", "ethprio_rows"]

_TITLE: Final = "ETH/PRIO Civil Conflict Ceasefire Dataset"  # its file's Source (and LineOrder)
_CREDIT: Final = ("ETH/PRIO Civil Conflict Ceasefire Dataset: Clayton, Govinda, et al. (2022), \"Introducing the "
                  "ETH/PRIO Civil Conflict Ceasefire Dataset\", Journal of Conflict Resolution, "
                  "DOI 10.1177/00220027221129195")
_WRITTEN: Final = {1: True, 2: True, 0: False}
_DATE_COLUMNS: Final = (("declared", "cf_dec_yr", "cf_dec_month", "cf_dec_day"),
                        ("effective", "cf_effect_yr", "cf_effect_month", "cf_effect_day"),
                        ("ended", "end_yr", "end_month", "end_day"))


def _year(value: int | Missing | None) -> int | None:
    return value if isinstance(value, int) and 1 <= value <= 9999 else None


def ethprio_records(rows: Sequence[CeasefireRow], name: str, digest: str,
                    source_id: str | None) -> tuple[dict[str, Any], list[Problem]]:
    """The file's source, actors and ceasefires, and the problems found mapping them."""
    sid = SourceId(source_id or f"ethprio-ceasefires-{digest[:12]}")
    book = ActorBook(name)
    stubs = ConflictStubs(sid, "ETH/PRIO")
    # Read from every row kept before any is linked: a dyad's conflict may be given by a later row.
    dyads = DyadStubs(sid, "ETH/PRIO",
                      ((row.line, row.ucdp_acd_id, row.ucdp_dyad) for row in rows if _names_actor(row)))
    problems: list[Problem] = []
    groups: dict[str, list[list[CeasefireRow]]] = {}
    for row in rows:
        key = row.ceasefire_key
        if key is None:
            problems.append(Problem(f"{name}:{row.line}", "the row has no uniq_id, and no cc and cf_id, so it is "
                                                          "a ceasefire of its own"))
            key = f"line-{row.line}"
        bucket = groups.setdefault(key, [[]])
        bucket[-1].append(row)
    ceasefires: list[Ceasefire] = []
    taken_ids: set[str] = set()
    taken_external: set[tuple[str, str]] = set()
    for key, buckets in groups.items():
        for group in buckets:
            ceasefires += _ceasefires(key, group, name, sid, book, (stubs, dyads), problems, taken_ids,
                                      taken_external)
    # In the order of their first rows kept, the order the writer gives the rows back in.
    ceasefires.sort(key=lambda ceasefire: ceasefire.citations[0].rows[0])
    years = [y for row in rows if (y := _year(row.cf_dec_yr)) is not None]
    source = file_source(sid, title=_TITLE, publisher="ETH Zurich and PRIO",
                         url="https://www.ceasefiredata.org/", credit=_CREDIT, name=name, digest=digest, years=years,
                         note="research use with citation: check the terms before redistributing rows; the file "
                              "does not say its release; read by caucasus_conflict.read")
    problems += book.problems
    return {"sources": (source,), "actors": book.actors(), "ceasefires": tuple(ceasefires),
            "conflicts": stubs.conflicts(), "dyads": dyads.dyads()}, problems


def _names_actor(row: CeasefireRow) -> bool:
    """Whether *row* names its actor (one UCDP id, or a name to look it up by), so that it is kept (`_party`)."""
    return len(row.ucdp_actor_id) == 1 or bool(fold((row.actor_name or "").strip()))


def _party(row: CeasefireRow, name: str, book: ActorBook, year: int | None, cite: Citation) -> ActorId | None:
    where = f"{name}:{row.line}:actor_name"
    given = (row.actor_name or "").strip()  # the text as written stays in the source codes
    if given and not fold(given):
        book.problems.append(Problem(where, f"the name {given!r} has no letters or digits to look it up by; "
                                            "the party is named from its UCDP id, or left out without one"))
    if not fold(given):
        given = ""  # a name without letters or digits cannot be looked up: no name
    if len(row.ucdp_actor_id) == 1:
        ucdp_id = row.ucdp_actor_id[0]
        actor_name = given or f"UCDP actor {ucdp_id}"
        return book.add(f"ucdp-actor-{ucdp_id}", actor_name, kind=_kind(actor_name),
                        external_ids=(("ucdp-actor", str(ucdp_id)),), year=year, cite=cite, where=where)
    if given:
        part = slug(given) or f"line-{row.line}"
        return book.add(f"ethprio-actor-{part}", given, kind=_kind(given), year=year, cite=cite, where=where)
    return None


def _kind(actor_name: str) -> ActorKind:
    return ActorKind.GOVERNMENT if actor_name.startswith("Government of") else ActorKind.ARMED_FORCES


def _ceasefires(key: str, group: list[CeasefireRow], name: str, sid: SourceId, book: ActorBook,
                stubs: tuple[ConflictStubs, DyadStubs], problems: list[Problem], taken_ids: set[str],
                taken_external: set[tuple[str, str]]) -> list[Ceasefire]:
    """One ceasefire of *group*'s rows; a row naming a party already taken starts another."""
    out: list[Ceasefire] = []
    # The ceasefire's own cells (dates, ids, mediators) come from its first row that is kept: a
    # row left out is not written back, so its cells cannot be the record's.
    first = next((row for row in group if _names_actor(row)), group[0])
    year = _year(first.cf_dec_yr)
    parties: list[ActorId] = []
    kept: list[CeasefireRow] = []
    rest: list[CeasefireRow] = []
    for row in group:
        cite = _cite(sid, (row,))
        party = _party(row, name, book, year, cite)
        if party is None:
            problems.append(Problem(f"{name}:{row.line}:actor_name", "the row names no actor (no actor_name with "
                                                                     "letters or digits, and not one ucdp_actor_id), "
                                                                     "so it is left out"))
            continue
        if party in parties:
            rest.append(row)
            continue
        parties.append(party)
        kept.append(row)
    if not kept:
        return out
    mediators: list[ActorId] = []
    cite = _cite(sid, kept)
    if first.mediator_send:
        for mediator in split_names(first.mediator_send):
            known = match_name(mediator)
            if known is None:
                problems.append(Problem(f"{name}:{first.line}:mediator_send",
                                        f"mediator {mediator!r} is no spelling the library knows of any actor "
                                        "(docs/formats/index.md#free-text-names), so it is not linked; the text "
                                        "is kept in the ceasefire's source codes"))
                continue
            actor_id = book.add_known(known, year=year, cite=cite, where=f"{name}:{first.line}:mediator_send")
            if actor_id not in parties and actor_id not in mediators:
                mediators.append(actor_id)
    ceasefire_id = base = f"ethprio-{slug(key) or 'line-' + str(first.line)}"
    # A second ceasefire of one key (a party named twice) is numbered, not named by its line, so
    # that its id does not depend on where its rows sit among the others.
    number = 1
    while ceasefire_id in taken_ids:
        number += 1
        ceasefire_id = f"{base}-{number}"
    taken_ids.add(ceasefire_id)
    external: list[ExternalId] = []
    # An external id names one ceasefire: a second ceasefire with it keeps it in its source codes only.
    for scheme, value in (("ethprio", first.uniq_id),
                          ("pax", str(first.pax_id[0]) if len(first.pax_id) == 1 else None)):
        if value is None or (scheme, value) in taken_external:
            continue
        try:
            external.append(ExternalId(scheme, value))
        except RecordError:
            continue  # an id the model cannot hold (surrounding spaces): kept in the source codes
        taken_external.add((scheme, value))
    conflict_stubs, dyad_stubs = stubs
    numbers = tuple(dict.fromkeys(n for row in kept for n in row.ucdp_acd_id if n >= 1))
    conflict_ids = conflict_stubs.link(numbers, [row.line for row in kept])
    dyad_ids: list[DyadId] = []
    for row in kept:
        linked, unlinked = dyad_stubs.link(row.ucdp_dyad, row.line, f"{name}:{row.line}:ucdp_dyad")
        dyad_ids += [d for d in linked if d not in dyad_ids]
        if unlinked is not None:
            problems.append(unlinked)
    linked_dyads = tuple(int(d.removeprefix("ucdp-dyad-")) for d in dyad_ids)
    sides = tuple(Side.A if book.name_of(p).startswith("Government of") else Side.B for p in parties)
    fields: dict[str, Any] = {
        "declared": first.declared if first.declared is not None else TimeSpan.unknown(),
        "effective": first.effective, "ended": first.end,
    }
    ceasefire = _built(CeasefireId(ceasefire_id), fields, name=f"ETH/PRIO ceasefire {key}"
                       + (f" ({first.location})" if first.location else ""),
                       party_ids=tuple(parties), party_sides=sides, mediator_ids=tuple(mediators),
                       written=_WRITTEN.get(first.written) if first.written is not None else None,
                       conflict_ids=conflict_ids, dyad_ids=tuple(dyad_ids), external_ids=tuple(external),
                       citations=(cite,))
    rebuilt = _rows_of(ceasefire, {p: book.name_of(p) for p in (*parties, *mediators)},
                       {p: _ucdp_ids(p) for p in parties}, numbers, linked_dyads)
    out.append(attrs.evolve(ceasefire, source_codes=kept_codes(CEASEFIRES, kept, rebuilt)))
    if rest:
        out += _ceasefires(key, rest, name, sid, book, stubs, problems, taken_ids, taken_external)
    return out


def _built(ceasefire_id: CeasefireId, dates: dict[str, Any], **fields: Any) -> Ceasefire:
    """The ceasefire, with a date that breaks the model's order set aside as unknown (the row check reported it)."""
    for _attempt in range(3):
        try:
            return Ceasefire(id=ceasefire_id, **dates, **fields)
        except RecordError as error:
            if error.field not in ("effective", "ended"):
                raise
            dates[error.field] = TimeSpan.unknown()
    return Ceasefire(id=ceasefire_id, **dates, **fields)


def _cite(sid: SourceId, rows: Sequence[CeasefireRow]) -> Citation:
    return Citation(sid, rows=tuple(dict.fromkeys(row.line for row in rows)),
                    row_ids=tuple(dict.fromkeys(str(row.id) for row in rows if row.id is not None)))


def _ucdp_ids(actor_id: str) -> tuple[int, ...]:
    number = actor_id.removeprefix("ucdp-actor-")
    return (int(number),) if number != actor_id and number.isdigit() else ()


def _parts(span: TimeSpan | None) -> tuple[int | Missing, int | Missing, int | Missing]:
    """The year, month and day parts ETH/PRIO writes for *span* (``0`` for none, ``-1`` for unknown parts)."""
    if span is None:
        return Missing.NOT_APPLICABLE, Missing.NOT_APPLICABLE, Missing.NOT_APPLICABLE
    day = span.first_day
    if day is None or span.precision not in (Precision.DAY, Precision.MONTH, Precision.YEAR):
        return Missing.UNKNOWN, Missing.UNKNOWN, Missing.UNKNOWN
    if span.precision is Precision.YEAR:
        return day.year, Missing.UNKNOWN, Missing.UNKNOWN
    if span.precision is Precision.MONTH:
        return day.year, day.month, Missing.UNKNOWN
    return day.year, day.month, day.day


def _rows_of(ceasefire: Ceasefire, names: dict[ActorId, str], ucdp: dict[ActorId, tuple[int, ...]],
             conflicts: tuple[int, ...], dyads: tuple[int, ...]) -> list[CeasefireRow]:
    """The rows the model's fields give for *ceasefire*, one per party, before its source codes are applied."""
    external = {x.scheme: x.value for x in ceasefire.external_ids}
    pax = external.get("pax")
    dates: dict[str, Any] = {}
    for field, *columns in _DATE_COLUMNS:
        dates.update(zip(columns, _parts(getattr(ceasefire, field)), strict=True))
    written = {True: 1, False: 0, None: -1}[ceasefire.written]
    mediators = ", ".join(names[m] for m in ceasefire.mediator_ids) or None
    return [CeasefireRow(uniq_id=external.get("ethprio"), ucdp_actor_id=ucdp.get(party, ()),
                         actor_name=names[party], ucdp_acd_id=conflicts, ucdp_dyad=dyads,
                         pax_id=(int(pax),) if pax is not None and pax.isdigit() else (),
                         written=written, mediator_send=mediators, **dates)
            for party in ceasefire.party_ids]


def _spans_problems(ceasefire: Ceasefire, where: str) -> list[Problem]:
    out = []
    for field, *_columns in _DATE_COLUMNS:
        span = getattr(ceasefire, field)
        if span is not None and span.is_known and span.precision not in (Precision.DAY, Precision.MONTH,
                                                                          Precision.YEAR):
            out.append(Problem(f"{where}.{field}", f"ETH/PRIO writes a day, month or year, not {span.format()!r}; "
                                                   "written as unknown (-1)"))
    for field in ("provisions", "territory_ids", "strained_by_ids"):
        if getattr(ceasefire, field):
            out.append(Problem(f"{where}.{field}", f"ETH/PRIO has no column for a ceasefire's {field}; left out"))
    if ceasefire.event_id is not None:
        out.append(Problem(f"{where}.event_id", "ETH/PRIO has no column for the event of a ceasefire; left out"))
    return out


def ethprio_rows(dataset: Dataset) -> tuple[list[CeasefireRow], list[Problem]]:
    """The ETH/PRIO rows of *dataset*'s ceasefires (one per party), and what they leave out.

    The writer of ``ethprio-ceasefires`` registered in `caucasus_conflict.formats.WRITERS`:
    each ceasefire gives one row per party, with the ids (the UCDP numbers of its linked
    conflicts and dyads among them), names, dates, ``written`` and ``mediator_send`` the
    model holds, and its `SourceCodes` give back every other cell. The rows are written in
    the order of the file lines their ceasefires cite (so rows of ceasefires that interleave
    in the file read back as they were), and after them in the data set's order where none is
    cited (see `LineOrder`).
    Records of other types, and what a ceasefire holds that ETH/PRIO has no column for,
    are left out and listed.

    Examples:
        >>> import caucasus_conflict as cc, pathlib, tempfile
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (folder / "cf.csv").write_text(
        ...     "cc,cf_id,uniq_id,actor_name,cf_dec_yr,cf_dec_month,cf_dec_day,mediator_send\\n"
        ...     "700,1,5001,Government of Xland,1994,5,12,USA\\n700,1,5001,Yregion Front,1994,5,12,USA\\n",
        ...     encoding="utf-8")
        >>> ds = cc.read(folder / "cf.csv")
        >>> report = cc.write(ds, folder / "back.csv", format="ethprio-ceasefires")
        >>> report.rows, cc.read(folder / "back.csv", source_id=ds.sources[0].id).ceasefires == ds.ceasefires
        (2, True)
    """
    actors = {a.id: a for a in dataset.actors}
    order: LineOrder[CeasefireRow] = LineOrder(dataset, _TITLE)
    used: set[str] = set()
    problems: list[Problem] = []
    placed: list[tuple[Ceasefire, str]] = []
    for position, ceasefire in enumerate(dataset.ceasefires):
        names = {p: actors[p].name for p in ceasefire.actor_ids}
        ucdp = {p: tuple(int(x.value) for x in actors[p].external_ids if x.scheme == "ucdp-actor"
                         and x.value.isdigit())[:1] for p in ceasefire.party_ids}
        where = f"ceasefires[{position}]"
        numbers, unlinked = conflict_numbers(dataset, ceasefire, where)
        dyads, no_dyad = dyad_numbers(dataset, ceasefire, where)
        made = apply_codes(CEASEFIRES, _rows_of(ceasefire, names, ucdp, numbers, dyads), ceasefire.source_codes)
        order.add(made, ceasefire.citations)
        placed.append((ceasefire, where))
        used.update((*ceasefire.actor_ids, *ceasefire.conflict_ids, *ceasefire.dyad_ids))
        problems += _spans_problems(ceasefire, where) + unlinked + no_dyad
    # Rows go back to the lines they were read from: a file's ceasefires may interleave their
    # rows, and a keyless row's id (``ethprio-line-N``) and every citation name those lines.
    rows = order.rows()
    problems += _dyads_lost(dataset, rows, placed)
    problems += left_out(dataset, used)
    return rows, problems


def _dyads_lost(dataset: Dataset, rows: Sequence[CeasefireRow],
                placed: Sequence[tuple[Ceasefire, str]]) -> list[Problem]:
    """A problem per dyad link the rows written do not give back: a reader finds a dyad's conflict in the rows only.

    The rows are read as the reader reads them (`DyadStubs`): a dyad written in ``ucdp_dyad``
    is linked again only where the rows naming it give the dyad's own UCDP conflict.
    """
    written = DyadStubs(SourceId("written"), "ETH/PRIO",
                        ((k, row.ucdp_acd_id, row.ucdp_dyad) for k, row in enumerate(rows) if _names_actor(row)))
    problems = []
    for ceasefire, where in placed:
        for index, dyad_id in enumerate(ceasefire.dyad_ids):
            dyad = dataset.dyad(dyad_id)
            number = next((int(x.value) for x in dyad.external_ids if x.scheme == "ucdp-dyad" and x.value.isdigit()),
                          None)
            if number is None:
                continue  # no number to write: dyad_numbers reported it
            wanted = conflict_number(dataset, dyad.conflict_id)
            if wanted is None or written.conflict_of(number) != wanted:
                given = f"UCDP conflict {wanted}" if wanted is not None else "no UCDP conflict id"
                problems.append(Problem(f"{where}.dyad_ids[{index}]",
                                        f"dyad {dyad_id!r} is written as UCDP dyad {number}, but its conflict "
                                        f"{dyad.conflict_id!r} ({given}) is not the one conflict the rows naming it "
                                        "give in ucdp_acd_id, so read back the link is lost"))
    return problems
