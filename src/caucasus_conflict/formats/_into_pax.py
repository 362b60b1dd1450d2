"""PA-X peace agreements into the model, and back (docs/formats/pax.md has the table).

- the file is one `Source` of kind ``data_file`` (id ``pax-`` and the first 12 hex digits of
  its SHA-256);
- every agreement is a `Ceasefire`, the model's record of an agreement between parties,
  whatever its ``Stage`` (``Cea`` marks the ceasefires; the stage is kept in the source
  codes): id ``pax-<AgtId>``, external id ``pax``, name ``Agt``, declared the day ``Dat``,
  and ``written`` true (PA-X collects written agreements only);
- the parties are the actors of the table of the field's spellings (`KNOWN`) that ``Part``
  names, the mediators those ``ThrdPart`` names (PA-X's third parties: mediators,
  witnesses, guarantors); an agreement whose ``Part`` names none is left out, and a
  ``ThrdPart`` that names none is reported;
- ``UcdpCon`` links the agreement to its UCDP conflicts (``conflict_ids``): each number is a
  stub `Conflict` ``ucdp-conflict-<id>`` (see `_links`), which `Dataset.merge` joins with the
  conflict of an ACD or BRD file;
- every other column is kept in the record's `SourceCodes` (see `_codes`), so that
  `pax_rows` writes the row back.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

import attrs

from caucasus_conflict.dataset import Dataset
from caucasus_conflict.errors import Problem
from caucasus_conflict.kinds import Precision
from caucasus_conflict.model import ActorId, Ceasefire, CeasefireId, Citation, ExternalId, SourceId

from ._actors import ActorBook, mentions
from ._codes import apply_codes, file_source, kept_codes, left_out
from ._links import ConflictStubs, conflict_numbers
from ._out import LineOrder
from .pax import PAX, PaxRow

__all__ = ["pax_records", "pax_rows"]

_TITLE: Final = "PA-X Peace Agreements Database"  # its file's Source (and LineOrder)
_CREDIT: Final = ("PA-X Peace Agreements Database, www.peaceagreements.org (PeaceRep, University of Edinburgh); "
                  "Bell, Christine & Sanja Badanjak (2019), \"Introducing PA-X: A new peace agreement database and "
                  "dataset\", Journal of Peace Research 56(3): 452-466")


def pax_records(rows: Sequence[PaxRow], name: str, digest: str,
                source_id: str | None) -> tuple[dict[str, Any], list[Problem]]:
    """The file's source, actors and agreements, and the problems found mapping them."""
    sid = SourceId(source_id or f"pax-{digest[:12]}")
    book = ActorBook(name)
    stubs = ConflictStubs(sid, "PA-X")
    problems: list[Problem] = []
    agreements: list[Ceasefire] = []
    seen: set[int] = set()
    for row in rows:
        cite = Citation(sid, rows=(row.line,), row_ids=(str(row.agt_id),) if row.agt_id is not None else ())
        year = row.dat.year if row.dat is not None else None
        signatories = mentions(row.part or "")
        if not signatories:
            problems.append(Problem(f"{name}:{row.line}:Part",
                                    f"the signatories {row.part or ''!r} name no actor the library knows "
                                    "(docs/formats/index.md#free-text-names), so the agreement is left out; "
                                    "read its row with read_rows"))
            continue
        parties = [book.add_known(k, year=year, cite=cite, where=f"{name}:{row.line}:Part") for k in signatories]
        third = mentions(row.thrd_part or "")
        if row.thrd_part and not third:
            problems.append(Problem(f"{name}:{row.line}:ThrdPart",
                                    f"the third parties {row.thrd_part!r} name no actor the library knows, so "
                                    "the agreement has no mediator; the text is kept in its source codes"))
        mediators = [m for m in (book.add_known(k, year=year, cite=cite, where=f"{name}:{row.line}:ThrdPart")
                                 for k in third) if m not in parties]
        first = row.agt_id is not None and row.agt_id not in seen
        if row.agt_id is not None:
            seen.add(row.agt_id)
        agreement = Ceasefire(
            id=CeasefireId(f"pax-{row.agt_id}" if first else f"pax-line-{row.line}"),
            name=(row.agt or "").strip() or f"PA-X agreement {row.agt_id if row.agt_id is not None else 'at line ' + str(row.line)}",
            party_ids=tuple(parties), mediator_ids=tuple(mediators), declared=row.span, written=True,
            conflict_ids=stubs.link(row.ucdp_con, (row.line,)),
            external_ids=(ExternalId("pax", str(row.agt_id)),) if first else (), citations=(cite,))
        names = {p: book.name_of(p) for p in (*parties, *mediators)}
        rebuilt = _rows_of(agreement, names, tuple(n for n in dict.fromkeys(row.ucdp_con) if n >= 1))
        agreements.append(attrs.evolve(agreement, source_codes=kept_codes(PAX, (row,), rebuilt)))
    years = [row.dat.year for row in rows if row.dat is not None]
    source = file_source(sid, title=_TITLE, publisher="PeaceRep, University of Edinburgh",
                         url="https://www.peaceagreements.org/", credit=_CREDIT, name=name, digest=digest,
                         years=years, note="check the terms on peaceagreements.org before redistributing rows; the "
                                           "file does not say its version; read by caucasus_conflict.read")
    problems += book.problems
    return {"sources": (source,), "actors": book.actors(), "ceasefires": tuple(agreements),
            "conflicts": stubs.conflicts()}, problems


def _rows_of(agreement: Ceasefire, names: dict[ActorId, str], conflicts: tuple[int, ...]) -> list[PaxRow]:
    """The row the model's fields give for *agreement*, before its source codes are applied."""
    pax = next((x.value for x in agreement.external_ids if x.scheme == "pax"), None)
    day = agreement.declared.first_day if agreement.declared.precision is Precision.DAY else None
    return [PaxRow(agt_id=int(pax) if pax is not None and pax.isdigit() else None, agt=agreement.name,
                   dat=day, part="; ".join(names[p] for p in agreement.party_ids),
                   thrd_part="; ".join(names[m] for m in agreement.mediator_ids) or None, ucdp_con=conflicts)]


def pax_rows(dataset: Dataset) -> tuple[list[PaxRow], list[Problem]]:
    """The PA-X rows of *dataset*'s ceasefires and agreements (one each), and what they leave out.

    The writer of ``pax`` registered in `caucasus_conflict.formats.WRITERS`: each
    `Ceasefire` gives one row with the ``AgtId``, name, day, signatories and third parties
    the model holds, and its `SourceCodes` give back every other cell. A date that is not
    a day, records of other types, and what PA-X has no column for are left out and listed.

    Examples:
        >>> import caucasus_conflict as cc, pathlib, tempfile, warnings
        >>> target = pathlib.Path(tempfile.mkdtemp()) / "pax.csv"
        >>> with warnings.catch_warnings():
        ...     warnings.simplefilter("ignore")  # one DataWarning: 78 records or values left out
        ...     report = cc.write(cc.load(), target, format="pax")
        >>> report.rows, [p.path for p in report.left_out][:2]
        (1, ['ceasefires[0].declared', 'ceasefires[0].provisions'])
    """
    actors = {a.id: a for a in dataset.actors}
    order: LineOrder[PaxRow] = LineOrder(dataset, _TITLE)
    problems: list[Problem] = []
    used: set[str] = set()
    for position, agreement in enumerate(dataset.ceasefires):
        where = f"ceasefires[{position}]"
        if agreement.declared.precision is not Precision.DAY:
            problems.append(Problem(f"{where}.declared", f"PA-X dates an agreement to the day, not "
                                                         f"{agreement.declared.format()!r}; Dat left blank"))
        for field in ("provisions", "territory_ids", "strained_by_ids", "dyad_ids", "effective", "ended", "event_id"):
            if getattr(agreement, field):
                problems.append(Problem(f"{where}.{field}", f"PA-X has no column for an agreement's {field}; "
                                                            "left out"))
        names = {p: actors[p].name for p in agreement.actor_ids}
        numbers, unlinked = conflict_numbers(dataset, agreement, where)
        made = apply_codes(PAX, _rows_of(agreement, names, numbers), agreement.source_codes)
        order.add(made, agreement.citations)
        used.update((*agreement.actor_ids, *agreement.conflict_ids))
        problems += unlinked
    problems += left_out(dataset, used)
    return order.rows(), problems
