"""The links from a ceasefire or agreement to its UCDP conflicts and dyads (``ucdp_acd_id``, ``UcdpCon``, ``ucdp_dyad``).

A ceasefire file names a UCDP conflict only by its number; it holds nothing else about it.
The reader makes one minimal `Conflict` per number, a *stub*: id ``ucdp-conflict-<n>`` and
external id ``ucdp-conflict`` (as the ACD and BRD readers make it, so that `Dataset.merge`
joins the stub with the conflict of an ACD or BRD file), named ``UCDP conflict <n>``,
cited to the rows that name it, and with nothing the rows do not say (no sides, years,
type). The ceasefire names the stub in its ``conflict_ids``.

A stub is chosen over keeping the number as an external id of the ceasefire: an external
id belongs to one record of a type, and many ceasefires share one conflict; and a
reference is checked, merged and queried (`Dataset.ceasefires_of`) like every other.
A number the model cannot link (``0``, ``-1``, a negative or unreadable cell) makes no
stub: the text stays in the record's source codes.

Writing, the numbers come back from the linked conflicts' ``ucdp-conflict`` external ids.

Dyads (ETH/PRIO ``ucdp_dyad``, #11) are linked the same way, with one more rule: a `Dyad`
belongs to one conflict (``conflict_id`` is required), and the file gives that conflict
only beside the dyad number, in the row's ``ucdp_acd_id``. `DyadStubs` reads it from every
row that names the dyad: each such row with conflict numbers (from 1 up) says the dyad is
one of them, so the dyad's conflict is the one number all of those rows share. A row that
names the dyad but no conflict (``0``, ``-1``, blank) says nothing of it, and links to the
dyad the other rows place (the dyad of the same file). Where no row names a conflict for
the dyad, where the rows share none (9001 in one row, 9002 in another), or where they
leave several open (one row with ``9001, 9002``), the model cannot hold the link without
inventing one: the dyad is not linked, the cell stays in the source codes, and a problem
names the file, line and column. The stub is ``ucdp-dyad-<n>`` with external id
``ucdp-dyad``, as the BRD reader makes the dyad (GED and ACD make no dyads), so that
`Dataset.merge` joins the two.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from caucasus_conflict.dataset import Dataset
from caucasus_conflict.errors import Problem
from caucasus_conflict.model import Ceasefire, Citation, Conflict, ConflictId, Dyad, DyadId, ExternalId, SourceId

__all__ = ["ConflictStubs", "DyadStubs", "conflict_numbers", "dyad_numbers"]

_SCHEME = "ucdp-conflict"
_DYAD_SCHEME = "ucdp-dyad"


class ConflictStubs:
    """The stub conflicts of one file, gathered as the rows name them."""

    def __init__(self, sid: SourceId, fmt: str) -> None:
        self._sid = sid
        self._fmt = fmt
        self._lines: dict[int, list[int]] = {}

    def link(self, numbers: Iterable[int], lines: Sequence[int]) -> tuple[ConflictId, ...]:
        """The ids of the stubs for *numbers* (positive ones only), noting *lines* as naming each."""
        out: list[ConflictId] = []
        for number in numbers:
            if number < 1:
                continue
            cited = self._lines.setdefault(number, [])
            cited += [line for line in lines if line not in cited]
            conflict_id = ConflictId(f"ucdp-conflict-{number}")
            if conflict_id not in out:
                out.append(conflict_id)
        return tuple(out)

    def conflicts(self) -> tuple[Conflict, ...]:
        """One stub `Conflict` per number linked, in order of first sight."""
        return tuple(
            Conflict(id=ConflictId(f"ucdp-conflict-{number}"), name=f"UCDP conflict {number}",
                     external_ids=(ExternalId(_SCHEME, str(number)),),
                     citations=(Citation(self._sid, rows=tuple(sorted(lines))),),
                     note=f"a stub: the {self._fmt} file names this UCDP conflict id only; merge an ACD or BRD "
                          "file for its sides and years")
            for number, lines in self._lines.items())


class DyadStubs:
    """The stub dyads of one file, each in the one conflict the rows naming it give (see the module docstring).

    *rows* are ``(line, conflict numbers, dyad numbers)`` of every row that can link a dyad
    (a row the reader keeps), read before any is linked, so that the order of the rows
    does not matter.

    Examples:
        >>> stubs = DyadStubs(SourceId("f"), "ETH/PRIO", [(2, (9001,), (9301,)), (3, (-1,), (9301, 9302))])
        >>> stubs.conflict_of(9301), stubs.conflict_of(9302)
        (9001, None)
        >>> stubs.link((9301, 9302), 3, "f:3:ucdp_dyad")[0]
        ('ucdp-dyad-9301',)
    """

    def __init__(self, sid: SourceId, fmt: str, rows: Iterable[tuple[int, Sequence[int], Sequence[int]]]) -> None:
        self._sid = sid
        self._fmt = fmt
        self._lines: dict[int, list[int]] = {}
        #: Per dyad number, the conflict numbers each row naming it gives: (line, numbers).
        self._evidence: dict[int, list[tuple[int, tuple[int, ...]]]] = {}
        for line, conflicts, dyads in rows:
            given = tuple(dict.fromkeys(n for n in conflicts if n >= 1))
            for number in dict.fromkeys(dyads):
                if number >= 1 and given:
                    self._evidence.setdefault(number, []).append((line, given))
        self._homes: dict[int, int | None] = {}
        for number, evidence in self._evidence.items():
            shared = set(evidence[0][1]).intersection(*(set(given) for _line, given in evidence[1:]))
            self._homes[number] = shared.pop() if len(shared) == 1 else None

    def conflict_of(self, number: int) -> int | None:
        """The UCDP conflict number of dyad *number*, or ``None`` where the rows do not give exactly one."""
        return self._homes.get(number)

    def link(self, numbers: Iterable[int], line: int, where: str) -> tuple[tuple[DyadId, ...], Problem | None]:
        """The ids of the stubs for the dyad *numbers* of the row at *line*, and a problem for those not linked.

        Numbers below 1 link nothing and are no problem (as for conflicts: ``0`` and ``-1``
        are the codebook's codes); a number whose conflict the rows do not give is
        reported at *where* (``FILE:LINE:ucdp_dyad``).
        """
        out: list[DyadId] = []
        unlinked: list[str] = []
        for number in dict.fromkeys(numbers):
            if number < 1:
                continue
            if self.conflict_of(number) is None:
                unlinked.append(self._why(number))
                continue
            cited = self._lines.setdefault(number, [])
            if line not in cited:
                cited.append(line)
            out.append(DyadId(f"ucdp-dyad-{number}"))
        problem = None
        if unlinked:
            problem = Problem(where, "; ".join(unlinked) + ": a dyad belongs to one conflict, and the model does not "
                                                           "guess it, so the dyad is not linked; the cell is kept in "
                                                           "the ceasefire's source codes")
        return tuple(out), problem

    def _why(self, number: int) -> str:
        evidence = self._evidence.get(number, [])
        if not evidence:
            return (f"no row of the file naming UCDP dyad {number} names its UCDP conflict (ucdp_acd_id 0, -1, "
                    "blank or unreadable)")
        given = "; ".join(f"line {line}: {', '.join(map(str, numbers))}" for line, numbers in evidence)
        shared = set(evidence[0][1]).intersection(*(set(numbers) for _line, numbers in evidence[1:]))
        if not shared:
            return f"the rows naming UCDP dyad {number} name no conflict in common ({given})"
        return f"the rows naming UCDP dyad {number} leave its conflict open ({given})"

    def dyads(self) -> tuple[Dyad, ...]:
        """One stub `Dyad` per number linked, in order of first sight, in the conflict the rows give."""
        out = []
        for number, lines in self._lines.items():
            conflict = self._homes[number]
            out.append(Dyad(id=DyadId(f"ucdp-dyad-{number}"), name=f"UCDP dyad {number}",
                            conflict_id=ConflictId(f"ucdp-conflict-{conflict}"),
                            external_ids=(ExternalId(_DYAD_SCHEME, str(number)),),
                            citations=(Citation(self._sid, rows=tuple(sorted(lines))),),
                            note=f"a stub: the {self._fmt} file names this UCDP dyad id only, in UCDP conflict "
                                 f"{conflict}; merge a BRD file for its sides and battle deaths"))
        return tuple(out)


def conflict_numbers(dataset: Dataset, record: Ceasefire, where: str) -> tuple[tuple[int, ...], list[Problem]]:
    """The UCDP conflict numbers of *record*'s ``conflict_ids``, and a problem per conflict without one."""
    return _numbers(record.conflict_ids, dataset.conflict, _SCHEME, f"{where}.conflict_ids", "conflict")


def dyad_numbers(dataset: Dataset, record: Ceasefire, where: str) -> tuple[tuple[int, ...], list[Problem]]:
    """The UCDP dyad numbers of *record*'s ``dyad_ids``, and a problem per dyad without one."""
    return _numbers(record.dyad_ids, dataset.dyad, _DYAD_SCHEME, f"{where}.dyad_ids", "dyad")


def conflict_number(dataset: Dataset, conflict_id: ConflictId) -> int | None:
    """The UCDP conflict number of the conflict *conflict_id* (its first ``ucdp-conflict`` id), or ``None``."""
    return _number(dataset.conflict(conflict_id), _SCHEME)


def _number(record: Conflict | Dyad, scheme: str) -> int | None:
    """The first external id of *scheme* that is a number, as one, or ``None``."""
    values = [x.value for x in record.external_ids if x.scheme == scheme and x.value.isdigit()]
    return int(values[0]) if values else None


def _numbers(ids: Sequence[str], find: Callable[[str], Conflict | Dyad], scheme: str, path: str,
             noun: str) -> tuple[tuple[int, ...], list[Problem]]:
    """The UCDP numbers of the records *ids* name (each once, in order), and a problem per record without one."""
    numbers: list[int] = []
    problems: list[Problem] = []
    for index, record_id in enumerate(ids):
        number = _number(find(record_id), scheme)
        if number is None:
            problems.append(Problem(f"{path}[{index}]", f"{noun} {record_id!r} has no UCDP {noun} id (external id "
                                                        f"{scheme}), so the link is left out"))
        elif number not in numbers:
            numbers.append(number)
    return tuple(numbers), problems
