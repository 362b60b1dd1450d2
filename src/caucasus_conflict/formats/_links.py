"""The link from a ceasefire or agreement to its UCDP conflict (ETH/PRIO ``ucdp_acd_id``, PA-X ``UcdpCon``).

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
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from caucasus_conflict.dataset import Dataset
from caucasus_conflict.errors import Problem
from caucasus_conflict.model import Ceasefire, Citation, Conflict, ConflictId, ExternalId, SourceId

__all__ = ["ConflictStubs", "conflict_numbers"]

_SCHEME = "ucdp-conflict"


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


def conflict_numbers(dataset: Dataset, record: Ceasefire, where: str) -> tuple[tuple[int, ...], list[Problem]]:
    """The UCDP conflict numbers of *record*'s ``conflict_ids``, and a problem per conflict without one."""
    numbers: list[int] = []
    problems: list[Problem] = []
    for index, conflict_id in enumerate(record.conflict_ids):
        conflict = dataset.conflict(conflict_id)
        values = [x.value for x in conflict.external_ids if x.scheme == _SCHEME and x.value.isdigit()]
        if not values:
            problems.append(Problem(f"{where}.conflict_ids[{index}]",
                                    f"conflict {conflict_id!r} has no UCDP conflict id (external id ucdp-conflict), "
                                    "so the link is left out"))
            continue
        if int(values[0]) not in numbers:
            numbers.append(int(values[0]))
    return tuple(numbers), problems
