"""Referential integrity of a data set: every problem found, reported at once.

`check_integrity` is what `Dataset` runs when it is built. It checks that ids are
unique across all record types (also when they differ only by case or Unicode
normalisation), that no two actors (or two territories) share a folded name or alias,
that every id a record names exists and is of the right type, that every citation
points at a real source and block, and that parent events form no cycle. It returns
the lookup tables it built on the way, so the data set does not build them twice.

The references come from the one registry (`_registry.RECORD_TYPES`). Each reference
field is checked in bulk, as one set of values against one set of ids; only a field
that fails is walked record by record to say exactly where, which keeps building a
data set of a million events within seconds.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from itertools import chain
from operator import attrgetter
from typing import TypeVar, cast

import attrs

from ._names import Named, Names, fold
from ._registry import RECORD_TYPES, Field, Location, by_collection, citation_problem
from ._similar import close_matches
from ._validators import id_key
from .errors import DataError, Problem
from .kinds import SourceKind
from .model import Actor, Citation, Conflict, Dyad, Event, Record, Source, Territory

__all__ = ["Checked", "a_noun", "check_integrity"]

#: Suggestions ("did you mean ...?") are worked out for this many problems at most:
#: each costs a scan of every id, which a file of 100,000 bad records cannot afford.
_HINTS = 50

R = TypeVar("R", bound=Named)


def a_noun(noun: str) -> str:
    """The noun with its indefinite article: ``"an event"``, ``"a claim"``."""
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


@attrs.frozen(kw_only=True, eq=False)
class Checked:
    """What the check built on the way: every record by id, and the name tables."""

    by_id: dict[str, Record]
    actors: Names[Actor]
    territories: Names[Territory]
    external: dict[tuple[str, str], tuple[Record, ...]]
    conflicts: Names[Conflict]
    dyads: Names[Dyad]


def check_integrity(collections: Mapping[str, tuple[Record, ...]], *, unchecked_ids: Collection[str] = (),
                    positions: Mapping[str, Sequence[int]] | None = None) -> Checked:
    """Check every record; return what was built on the way, or raise `DataError` listing every problem.

    *collections* maps each collection name of the registry to its records.
    *unchecked_ids* are ids of records that could not be built (their problems are
    reported elsewhere): references to them are not reported again as unknown.
    *positions* gives, per collection, each record's position in the file when some
    records could not be built, so that paths point into the file.
    """
    at = _locator(positions)
    problems: list[tuple[tuple[int, int, Location], Problem]] = []
    by_id = _check_ids(collections, at, problems)
    actors = _names("actors", cast(tuple[Actor, ...], collections["actors"]), at, problems)
    territories = _names("territories", cast(tuple[Territory, ...], collections["territories"]), at, problems)
    conflicts = _names("conflicts", cast(tuple[Conflict, ...], collections["conflicts"]), at, problems)
    dyads = _names("dyads", cast(tuple[Dyad, ...], collections["dyads"]), at, problems)
    _check_references(collections, by_id, set(unchecked_ids), at, problems)
    _check_parent_cycles(cast(tuple[Event, ...], collections["events"]), at, problems)
    external = _check_external_ids(collections, at, problems)
    if problems:
        problems.sort(key=lambda item: item[0])
        raise DataError([p for _, p in problems])
    return Checked(by_id=by_id, actors=actors, territories=territories, external=external, conflicts=conflicts,
                   dyads=dyads)


Locator = Callable[[str, int], str]


def _locator(positions: Mapping[str, Sequence[int]] | None) -> Locator:
    """``at(collection, i)``: the JSON path of the *i*-th record checked, as the file numbers it."""
    if positions is None:
        return lambda collection, i: f"$.{collection}[{i}]"
    return lambda collection, i: f"$.{collection}[{positions[collection][i]}]"


def _order(collection: str) -> int:
    return [t.collection for t in RECORD_TYPES].index(collection)


def _unique_ids(collections: Mapping[str, tuple[Record, ...]]) -> dict[str, Record] | None:
    """Every record by id, if all ids are ASCII and unique however cased; else ``None``.

    The common case, checked in bulk: the ids are lower-cased as one joined string (ids
    are printable, so they hold no NUL to join on). Anything else takes the record-by-
    record walk of `_check_ids`, which says what is wrong.
    """
    records = list(chain.from_iterable(collections[rtype.collection] for rtype in RECORD_TYPES))
    ids = list(map(_ID, records))
    joined = "\x00".join(ids)
    if not joined.isascii() or joined.count("\x00") != max(len(ids) - 1, 0):
        return None
    by_id = dict(zip(ids, records, strict=True))
    if len(by_id) != len(ids):
        return None
    folded = joined.lower()
    # ASCII ids with no capital are their own folded form: unique as they are, unique folded.
    if folded != joined and len(set(folded.split("\x00"))) != len(ids):
        return None
    return by_id


_ID = attrgetter("id")
_BLOCKS = attrgetter("blocks")
_SOURCE_ID = attrgetter("source_id")


def _check_ids(collections: Mapping[str, tuple[Record, ...]], at: Locator,
               problems: list[tuple[tuple[int, int, Location], Problem]]) -> dict[str, Record]:
    fast = _unique_ids(collections)
    if fast is not None:
        return fast
    by_id: dict[str, Record] = {}
    keys: dict[str, str] = {}
    first_use: dict[str, str] | None = None
    for order, rtype in enumerate(RECORD_TYPES):
        for position, record in enumerate(collections[rtype.collection]):
            record_id = record.id
            key = id_key(record_id)
            if record_id not in by_id and key not in keys:
                by_id[record_id] = record
                keys[key] = record_id
                continue
            # Checked by id, not identity: the same object listed twice is a duplicate too.
            # Where each id was first used is worked out once, at the first duplicate.
            if first_use is None:
                first_use = {}
                for other in RECORD_TYPES:
                    for p, r in enumerate(collections[other.collection]):
                        first_use.setdefault(id_key(r.id), f"{at(other.collection, p)}.id")
            first = first_use[key]
            if record_id in by_id:
                message = f"duplicate id {record_id!r} (first used at {first}); give every record its own id"
            else:
                message = (f"id {record_id!r} differs from {keys[key]!r} (at {first}) only by case or Unicode "
                           "normalisation; ids must differ in more than that")
            problems.append(((order, position, ()), Problem(f"{at(rtype.collection, position)}.id", message)))
    return by_id


def _check_external_ids(collections: Mapping[str, tuple[Record, ...]], at: Locator,
                        problems: list[tuple[tuple[int, int, Location], Problem]],
                        ) -> dict[tuple[str, str], tuple[Record, ...]]:
    """Each (scheme, value) pair on one record at most per record type; the records by pair."""
    found: dict[tuple[str, str], tuple[Record, ...]] = {}
    for order, rtype in enumerate(RECORD_TYPES):
        records = collections[rtype.collection]
        if not any(map(attrgetter("external_ids"), records)):
            continue
        pairs = [(x.scheme, x.value) for record in records for x in record.external_ids]
        mine: dict[tuple[str, str], tuple[Record, ...]] = dict(
            zip(pairs, zip(record for record in records for _ in record.external_ids), strict=True))
        if len(mine) == len(pairs):
            # No pair twice within this type (the common case, a file's ids): each pair is
            # this type's record for it, appended to those of the types before (in C).
            for pair in mine.keys() & found.keys():
                mine[pair] = (*found[pair], *mine[pair])
            found.update(mine)
            continue
        field_position = [a.name for a in attrs.fields(rtype.cls)].index("external_ids")
        seen: dict[tuple[str, str], int] = {}
        for position, record in enumerate(records):
            for index, external in enumerate(record.external_ids):
                pair = (external.scheme, external.value)
                first = seen.setdefault(pair, position)
                if first == position and found.get(pair, (None,))[-1] is not record:
                    found[pair] = (*found.get(pair, ()), record)
                    continue
                where = "earlier in this record" if first == position else f"on {at(rtype.collection, first)}"
                message = (f"external id {external.scheme}:{external.value} is also {where}; within "
                           f"{rtype.collection} a (scheme, value) pair names one record at most")
                problems.append(((order, position, ((field_position, index),)),
                                 Problem(f"{at(rtype.collection, position)}.external_ids[{index}]", message)))
    return found


def _names(collection: str, records: tuple[R, ...], at: Locator,
           problems: list[tuple[tuple[int, int, Location], Problem]]) -> Names[R]:
    rtype = by_collection(collection)
    table: Names[R] = Names(rtype.singular, records)
    order = _order(collection)
    for position, record in enumerate(records):
        labelled = [("id", record.id), ("name", record.name)]
        labelled += [(f"aliases[{i}]", alias) for i, alias in enumerate(record.aliases)]
        for field_path, key in labelled:
            path = f"{at(collection, position)}.{field_path}"
            if not fold(key):
                problems.append(((order, position, ()), Problem(path, f"{key!r} has no letters or digits to look it up by")))
                continue
            held = table.add(key, record)
            if held is not None:
                problems.append(((order, position, ()), Problem(
                    path, f"{key!r} is already a name of {rtype.singular} {held.id!r}; "
                          "names and aliases must identify one record")))
    return table


def _check_references(collections: Mapping[str, tuple[Record, ...]], by_id: dict[str, Record],
                      unchecked: set[str], at: Locator, problems: list[tuple[tuple[int, int, Location], Problem]]) -> None:
    # From by_id, where the first record of a duplicated id holds it: a reference to it
    # is checked against that record's type.
    if len(by_id) == sum(map(len, collections.values())):  # no id given twice: every record holds its id
        ids_of = {t.collection: set(map(_ID, collections[t.collection])) for t in RECORD_TYPES}
    else:
        ids_of = {t.collection: {r.id for r in collections[t.collection] if by_id.get(r.id) is r}
                  for t in RECORD_TYPES}
    sources: dict[str, Source] = {s.id: s for s in collections["sources"]}  # type: ignore[misc]
    files = {sid for sid, s in sources.items() if s.kind is SourceKind.DATA_FILE}
    hints = [_HINTS]
    # The ids of the citations found good: every record is alive while it is checked, so an
    # id names one citation, and one that several fields reach (an event's and its
    # casualties') is checked once.
    good: set[int] = set()
    for order, rtype in enumerate(RECORD_TYPES):
        records = collections[rtype.collection]
        reached: dict[str, list[object]] = {}  # the values of a path's first steps, shared by its fields
        for field in rtype.references:
            if field.is_citation:
                # Citations are shared within a load and within a read: told apart by identity
                # (in C), each new one is checked once, and none is hashed (a Python call)
                # unless it is bad.
                cited = field.reached(records, reached)
                if files and not any(map(_BLOCKS, cited)) and files.issuperset(map(_SOURCE_ID, cited)):
                    continue  # rows of data files the data set holds, every one (a read's): good, found in C
                distinct = dict(zip(map(id, cited), cited, strict=True))
                fresh = distinct.keys() - good
                # Rows of a data file that is there are good without a call (a read's every
                # citation): only the others are checked one by one.
                bad: set[object] = {c for key in fresh if (c := distinct[key]).blocks or c.source_id not in files
                                    if _citation_bad(c, sources, unchecked)}
                good |= fresh.difference(map(id, bad)) if bad else fresh
            else:
                values = field.values(records, reached)
                bad = values - ids_of[field.target] - unchecked
            if not bad:
                continue
            for position, record in enumerate(records):
                for suffix, where, value in field.located(record):
                    if value not in bad:
                        continue
                    path = at(rtype.collection, position) + suffix
                    for subpath, message in _describe(field, value, by_id, ids_of, sources, hints):
                        problems.append(((order, position, where), Problem(path + subpath, message)))


def _citation_bad(citation: Citation, sources: dict[str, Source], unchecked: set[str]) -> bool:
    source = sources.get(citation.source_id)
    if source is None:
        return citation.source_id not in unchecked
    return citation_problem(citation, source) is not None


def _describe(field: Field, value: object, by_id: dict[str, Record], ids_of: dict[str, set[str]],
              sources: dict[str, Source], hints: list[int]) -> list[tuple[str, str]]:
    """``(path suffix, message)`` for one bad value of *field*."""
    if isinstance(value, Citation):
        source = sources.get(value.source_id)
        if source is None:
            return [(".source_id", _unknown(value.source_id, "sources", by_id, ids_of, hints))]
        found = citation_problem(value, source)
        assert found is not None
        return [found]
    assert isinstance(value, str)
    return [("", _unknown(value, field.target, by_id, ids_of, hints))]


def _unknown(ref: str, target: str, by_id: dict[str, Record], ids_of: dict[str, set[str]],
             hints: list[int]) -> str:
    what = by_collection(target).singular
    found = by_id.get(ref)
    if found is not None:
        return f"{ref!r} is the id of {a_noun(type(found).__name__.lower())}, expected {a_noun(what)} id"
    hint = ""
    if hints[0] > 0:
        hints[0] -= 1
        close = close_matches(ref, sorted(ids_of[target]), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"unknown {what} id {ref!r}{hint}"


def _check_parent_cycles(events: tuple[Event, ...], at: Locator,
                         problems: list[tuple[tuple[int, int, Location], Problem]]) -> None:
    # Only events with a parent can be on a cycle.
    parent: dict[str, str | None] = {e.id: e.parent_id for e in events if e.parent_id is not None}
    if not parent:
        return
    order = _order("events")
    settled: set[str] = set()
    for event in events:
        if event.parent_id is None:
            continue
        trail: list[str] = []
        current: str | None = event.id
        while current is not None and current not in settled and current in parent:
            if current in trail:
                cycle = trail[trail.index(current):]
                position = next(p for p, e in enumerate(events) if e.id == current)
                problems.append(((order, position, ((99, -1),)), Problem(
                    f"{at('events', position)}.parent_id",
                    f"parent events form a cycle ({' -> '.join([*cycle, current])}); "
                    "an event cannot be its own ancestor",
                )))
                break
            trail.append(current)
            current = parent[current]
        settled.update(trail)
