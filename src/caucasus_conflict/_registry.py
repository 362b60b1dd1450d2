"""The one list of record types: collection names, classes, and the fields that refer to other records.

Everything that walks every record type reads it: `Dataset` (its collections and
their types), loading and dumping (the file's top-level keys), the integrity check
(every reference and citation), the command line and the strategies. Adding a record
type or a reference field is one change here.

A reference is written as a path through a record's fields: ``"participants[].actor_id"``
is the ``actor_id`` of every item of ``participants``; ``"parent_id"`` one optional id.
The same path drives the bulk check (every value of a field across all records, as one
set, at C speed) and, only when that check fails, a walk that says where each bad value is.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from itertools import chain
from operator import attrgetter
from typing import Any, Final

import attrs

from .kinds import SourceKind
from .model import Actor, Ceasefire, Citation, Claim, Conflict, Dyad, Event, Record, Source, Stance, Territory

__all__ = ["RECORD_TYPES", "Field", "RecordType", "by_class", "by_collection"]

Location = tuple[tuple[int, int], ...]
"""Where a value sits in a record: (field position in its class, item index or -1) per step."""


@attrs.frozen
class Field:
    """A path to values inside a record that must name a record of ``target`` (a collection).

    ``target`` ``"sources"`` on a path ending in ``citations[]`` marks citations, which
    are checked against their source's blocks as well.
    """

    path: str
    target: str
    _steps: tuple[tuple[str, bool], ...] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        steps = tuple((part.removesuffix("[]"), part.endswith("[]")) for part in self.path.split("."))
        object.__setattr__(self, "_steps", steps)

    @property
    def is_citation(self) -> bool:
        """True for a path to `Citation` values."""
        return self._steps[-1][0] == "citations"

    def values(self, records: Iterable[Any], shared: dict[str, list[Any]] | None = None) -> set[Any]:
        """Every value the path reaches across *records*, as one set (``None`` left out).

        *shared* is as for `reached`: the path's first steps are walked once for the fields
        that start alike; the last step goes straight into the set.
        """
        name, many = self._steps[-1]
        step = map(attrgetter(name), self._prefix(records, len(self._steps) - 1, shared))
        found = set(chain.from_iterable(step) if many else step)
        found.discard(None)
        return found

    def reached(self, records: Iterable[Any], shared: dict[str, list[Any]] | None = None) -> list[Any]:
        """Every value the path reaches across *records*, in order (an optional field's ``None`` too).

        *shared* keeps the values of each path's first steps (``casualties[]``), so that
        the fields of one record type that start alike walk those steps once.
        """
        return self._prefix(records, len(self._steps), shared)

    def _prefix(self, records: Iterable[Any], count: int, shared: dict[str, list[Any]] | None) -> list[Any]:
        """The values the path's first *count* steps reach, in order (kept in *shared* by the steps' path)."""
        items: list[Any] = list(records)
        done = ""
        for name, many in self._steps[:count]:
            done += f".{name}{'[]' if many else ''}"
            found = None if shared is None else shared.get(done)
            if found is None:
                step = map(attrgetter(name), items)
                found = list(chain.from_iterable(step) if many else step)
                if shared is not None:
                    shared[done] = found
            items = found
        return items

    def located(self, record: Any) -> Iterator[tuple[str, Location, Any]]:
        """Each value the path reaches in one *record*: its JSON path suffix, location and value."""
        yield from _walk(record, self._steps, "", ())

    def remapped(self, record: Any, mapping: Mapping[str, str]) -> Any:
        """*record* with every id the path reaches that is a key of *mapping* replaced by its value.

        The record itself when nothing changes; validators run again on what does.
        """
        return _remap(record, self._steps, mapping)

    def replaced(self, record: Any, where: Location, value: Any) -> Any:
        """A copy of *record* with the value at *where* (from `located`) set to *value*.

        For tests and strategies that plant a bad reference; validators run again.
        """
        return _replace(record, self._steps, where, value)


def _walk(obj: Any, steps: tuple[tuple[str, bool], ...], path: str,
          where: Location) -> Iterator[tuple[str, Location, Any]]:
    name, many = steps[0]
    position = _field_position(type(obj), name)
    value = getattr(obj, name)
    here = f"{path}.{name}"
    items = enumerate(value) if many else ((-1, value),)
    for index, item in items:
        item_path = f"{here}[{index}]" if many else here
        item_where = (*where, (position, index))
        if item is None:
            continue
        if len(steps) == 1:
            yield item_path, item_where, item
        else:
            yield from _walk(item, steps[1:], item_path, item_where)


def _remap(obj: Any, steps: tuple[tuple[str, bool], ...], mapping: Mapping[str, str]) -> Any:
    name, many = steps[0]
    current = getattr(obj, name)
    if current is None or (many and not current):
        return obj
    if len(steps) == 1:
        new = tuple(mapping.get(v, v) for v in current) if many else mapping.get(current, current)
    elif many:
        new = tuple(_remap(item, steps[1:], mapping) for item in current)
    else:
        new = _remap(current, steps[1:], mapping)
    return obj if new == current else attrs.evolve(obj, **{name: new})


def _replace(obj: Any, steps: tuple[tuple[str, bool], ...], where: Location, value: Any) -> Any:
    (name, many), (_, index) = steps[0], where[0]
    current = getattr(obj, name)
    inner = value if len(steps) == 1 else _replace(current[index] if many else current, steps[1:], where[1:], value)
    if many:
        inner = (*current[:index], inner, *current[index + 1:])
    return attrs.evolve(obj, **{name: inner})


def _field_position(cls: type, name: str) -> int:
    return [f.name for f in attrs.fields(cls)].index(name)


@attrs.frozen
class RecordType:
    """One top-level record type: where it lives in a data set and what it refers to.

    Attributes:
        collection: The `Dataset` attribute and file key (``"events"``).
        cls: The record class.
        singular: The word for one record (``"event"``), used in messages.
        references: The fields that name other records, citations included, in the
            order the class declares them.
    """

    collection: str
    cls: type[Record]
    singular: str
    references: tuple[Field, ...]


def _cites(*parents: str) -> tuple[Field, ...]:
    return tuple(Field(f"{p}.citations[]" if p else "citations[]", "sources") for p in ("", *parents))


RECORD_TYPES: Final[tuple[RecordType, ...]] = (
    RecordType("sources", Source, "source", ()),
    RecordType("actors", Actor, "actor", (
        Field("part_of_id", "actors"),
        Field("roles[].organisation_id", "actors"),
        Field("memberships[].organisation_id", "actors"),
        *_cites("roles[]", "memberships[]", "names_used[]"),
    )),
    RecordType("territories", Territory, "territory", (
        Field("part_of_id", "territories"),
        Field("legal_status[].part_of_id", "territories"),
        Field("control[].controller_ids[]", "actors"),
        *_cites("legal_status[]", "population[]", "control[]"),
    )),
    RecordType("events", Event, "event", (
        Field("participants[].actor_id", "actors"),
        Field("territory_ids[]", "territories"),
        Field("casualties[].of_actor_id", "actors"),
        Field("casualties[].reported_by_id", "actors"),
        Field("parent_id", "events"),
        *_cites("casualties[]"),
    )),
    RecordType("ceasefires", Ceasefire, "ceasefire", (
        Field("party_ids[]", "actors"),
        Field("mediator_ids[]", "actors"),
        Field("provisions[].actor_ids[]", "actors"),
        Field("provisions[].territory_ids[]", "territories"),
        Field("territory_ids[]", "territories"),
        Field("strained_by_ids[]", "events"),
        Field("event_id", "events"),
        Field("conflict_ids[]", "conflicts"),
        Field("dyad_ids[]", "dyads"),
        *_cites("provisions[]"),
    )),
    RecordType("claims", Claim, "claim", (
        Field("claimant_id", "actors"),
        Field("about_actor_ids[]", "actors"),
        Field("about_territory_ids[]", "territories"),
        Field("about_event_ids[]", "events"),
        Field("disputes_ids[]", "claims"),
        *_cites(),
    )),
    RecordType("stances", Stance, "stance", (
        Field("holder_id", "actors"),
        Field("toward_actor_id", "actors"),
        Field("toward_territory_id", "territories"),
        Field("toward_event_id", "events"),
        Field("claim_ids[]", "claims"),
        *_cites(),
    )),
    RecordType("conflicts", Conflict, "conflict", (
        Field("territory_ids[]", "territories"),
        Field("participants[].actor_id", "actors"),
        *_cites("episodes[]", "years[]"),
    )),
    RecordType("dyads", Dyad, "dyad", (
        Field("conflict_id", "conflicts"),
        Field("participants[].actor_id", "actors"),
        *_cites("years[]"),
    )),
)
"""Every top-level record type, in the order of a data set file."""

_BY_COLLECTION: Final = {t.collection: t for t in RECORD_TYPES}
_BY_CLASS: Final[dict[type, RecordType]] = {t.cls: t for t in RECORD_TYPES}


def by_collection(collection: str) -> RecordType:
    """The record type stored under *collection* (``"events"``)."""
    return _BY_COLLECTION[collection]


def by_class(cls: type) -> RecordType:
    """The record type of class *cls*."""
    return _BY_CLASS[cls]


def citation_problem(citation: Citation, source: Source) -> tuple[str, str] | None:
    """``(path suffix, message)`` for what *citation* names that *source* does not have, else ``None``.

    Blocks must cite an article and lie in ``1..source.blocks``; rows must cite a data file.
    """
    if source.kind is SourceKind.DATA_FILE:
        if citation.blocks:
            return (".blocks", f"source {source.id!r} is a data file, which has rows, not blocks; "
                               "cite its rows (rows=, row_ids=)")
        return None
    if not citation.blocks:
        field = "rows" if citation.rows else "row_ids"
        return (f".{field}", f"source {source.id!r} is an article, which has blocks, not rows; cite its blocks")
    assert source.blocks is not None  # an article always has them (Source checks)
    for index, block in enumerate(citation.blocks):
        if block > source.blocks:
            return (f".blocks[{index}]",
                    f"block {block} does not exist; source {source.id!r} has blocks 1..{source.blocks}")
    return None

