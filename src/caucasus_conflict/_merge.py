"""Merging data sets: records are joined only on a shared external id or the caller's mapping.

Two records are one only when they are of the same type and share an external id
(scheme and value), or when the caller maps one id to the other. A name alone never
joins records: "Republic of Azerbaijan" in a 1946 UCDP conflict is not the state.

When records are joined, the first data set's record keeps its id and fields; it gains
the other's external ids and citations, and, for actors and territories, the other's
name and aliases as aliases (and, for actors, the names used with their spans). Every reference to the other's id is rewritten to the kept
id. Anything that cannot be merged is reported in one `DataError`.

Joined conflicts and dyads carry the years of both (#11): an ACD conflict joined with the
conflict of a BRD file keeps its ACD years whichever comes first. A year both give is one
year, with the citations and source codes of both; a value one leaves unknown (``None``)
is taken from the other; two different values for one year (an intensity, battle deaths)
are a clash, reported in one `DataError`, never settled by picking one. So is a dyad that
the two place in different conflicts (after the conflicts' own joins). A field the kept
conflict or dyad leaves empty (no sides, no type, an unknown start, as a stub conflict a
ceasefire file makes has) is filled from the other; a field it gives is kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from ._integrity import a_noun
from ._names import fold
from ._registry import RECORD_TYPES, RecordType
from .errors import DataError, Problem
from .model import Actor, Conflict, ConflictYear, Dyad, DyadYear, Record, Source, Territory


def merged_collections(datasets: Sequence[Any], mapping: Mapping[str, str]) -> dict[str, tuple[Record, ...]]:
    """The collections of *datasets* merged in order (see the module docstring); `DataError` on clashes.

    *datasets* are `Dataset` objects (not imported here: the data set imports this module).
    """
    records: dict[str, list[Record]] = {t.collection: list(getattr(datasets[0], t.collection)) for t in RECORD_TYPES}
    problems: list[Problem] = []
    clashes: list[Problem] = []
    for number, other in enumerate(datasets[1:], start=1):
        problems += _merge_one(records, other, mapping, number, clashes)
    if problems:
        raise DataError(problems, advice="Give the records distinct ids, or pass mapping={other_id: kept_id} "
                                         "to say which records are the same.")
    if clashes:
        raise DataError(clashes, advice="The data sets give different values for one year of the same conflict or "
                                        "dyad, or put one dyad in different conflicts, and a merge never picks "
                                        "one: merge files of one release, join the conflicts too (a shared "
                                        "external id or mapping=), or leave the value out of one of them first.")
    return {collection: tuple(items) for collection, items in records.items()}


def _merge_one(records: dict[str, list[Record]], other: Any, mapping: Mapping[str, str],
               number: int, clashes: list[Problem]) -> list[Problem]:
    problems: list[Problem] = []
    where = f"data set {number}"
    by_id: dict[str, tuple[RecordType, int]] = {}
    for rtype in RECORD_TYPES:
        for position, record in enumerate(records[rtype.collection]):
            by_id[record.id] = (rtype, position)
    # First pass: which of the other's records are the same as one already held.
    remap: dict[str, str] = {}
    joined: dict[str, tuple[Record, str]] = {}
    fresh: dict[str, list[Record]] = {t.collection: [] for t in RECORD_TYPES}
    for rtype in RECORD_TYPES:
        index = _external_index(records[rtype.collection])
        for position, record in enumerate(getattr(other, rtype.collection)):
            path = f"{where}: $.{rtype.collection}[{position}]"
            target, reason = _target(record, rtype, index, mapping, by_id)
            if reason:
                problems.append(Problem(path, reason))
                continue
            if target is None:
                if record.id in by_id:
                    held_type, held_position = by_id[record.id]
                    held = held_type.singular
                    if held_type is rtype and held_position >= 0 and records[rtype.collection][held_position] == record:
                        continue  # the same record in both: kept once
                    problems.append(Problem(f"{path}.id", f"id {record.id!r} is also the id of {held} "
                                                          f"{record.id!r} in the data set merged into"))
                    continue
                fresh[rtype.collection].append(record)
                by_id[record.id] = (rtype, -1)
                continue
            if target != record.id:
                remap[record.id] = target
            joined[record.id] = (record, path)
    if problems:
        return problems
    # Second pass: rewrite references, then join the matched records into the held ones.
    for rtype in RECORD_TYPES:
        fields = [f for f in rtype.references if not f.is_citation]
        kept_records = records[rtype.collection]
        for record in fresh[rtype.collection]:
            for field in fields:
                record = field.remapped(record, remap)
            kept_records.append(record)
        for other_id, (record, path) in joined.items():
            kept = remap.get(other_id, other_id)
            found_type, position = by_id[kept]
            if found_type is rtype:
                for field in fields:
                    record = field.remapped(record, remap)
                joined_to = kept_records[position]
                if isinstance(joined_to, Dyad) and isinstance(record, Dyad) and joined_to.conflict_id != record.conflict_id:
                    # A dyad is of one conflict: two data sets placing it in different ones disagree.
                    clashes.append(Problem(f"{path}.conflict_id",
                                           f"dyad {joined_to.id!r} is of conflict {joined_to.conflict_id!r} in the data set "
                                           f"merged into, and of {record.conflict_id!r} here"))
                kept_records[position] = _join(joined_to, record)
                if isinstance(record, Conflict | Dyad):
                    kept_records[position] = _joined_years(kept_records[position], record, path, clashes)
    return problems


def _external_index(records: Iterable[Record]) -> dict[tuple[str, str], str]:
    return {(x.scheme, x.value): r.id for r in records for x in r.external_ids}


def _target(record: Record, rtype: RecordType, index: dict[tuple[str, str], str], mapping: Mapping[str, str],
            by_id: dict[str, tuple[RecordType, int]]) -> tuple[str | None, str]:
    """The id of the held record *record* is the same as (or ``None``), and a problem (or ``""``)."""
    if record.id in mapping:
        target = mapping[record.id]
        found = by_id.get(target)
        if found is None or found[1] < 0:
            return None, f"mapping names {target!r} for {record.id!r}, but no {rtype.singular} has that id"
        if found[0] is not rtype:
            return None, (f"mapping names {target!r} for {record.id!r}, but {target!r} is "
                          f"{a_noun(found[0].singular)}, not {a_noun(rtype.singular)}")
        return target, ""
    targets = {index[pair] for x in record.external_ids if (pair := (x.scheme, x.value)) in index}
    if len(targets) > 1:
        listed = ", ".join(repr(t) for t in sorted(targets))
        return None, (f"its external ids match several {rtype.collection} ({listed}); "
                      f"pass mapping= to say which it is")
    return (targets.pop() if targets else None), ""


def _join(kept: Record, other: Record) -> Record:
    """*kept* with *other*'s external ids, source codes and citations, and its names as aliases where it has names."""
    changes: dict[str, Any] = {"external_ids": _united(kept.external_ids, other.external_ids),
                               "source_codes": _united(kept.source_codes, other.source_codes)}
    if not isinstance(kept, Source) and not isinstance(other, Source):
        changes["citations"] = _united(kept.citations, other.citations)
    if isinstance(kept, Actor | Territory | Conflict | Dyad) and isinstance(other, Actor | Territory | Conflict | Dyad):
        known = {fold(kept.name), *map(fold, kept.aliases)}
        extra = []
        for name in (other.name, *other.aliases):
            if fold(name) not in known:
                known.add(fold(name))
                extra.append(name)
        changes["aliases"] = (*kept.aliases, *extra)
        if isinstance(kept, Actor) and isinstance(other, Actor) and other.names_used:
            # A name used that folds to one already held is kept under the held spelling.
            spelling = {fold(name): name for name in (kept.name, *changes["aliases"])}
            used = (attrs.evolve(u, name=spelling[fold(u.name)]) for u in other.names_used)
            changes["names_used"] = _united(kept.names_used, tuple(used))
    return attrs.evolve(kept, **changes)


# -- the years of a joined conflict or dyad (#11) ---------------------------------------------

_FILLED: dict[type, tuple[str, ...]] = {
    Conflict: ("incompatibility", "conflict_type", "territory_ids", "participants", "episodes"),
    Dyad: ("participants",),
}
_YEAR_VALUES: dict[type, tuple[str, ...]] = {Conflict: ("intensity", "battle_deaths"), Dyad: ("battle_deaths",)}


def _joined_years(kept: Record, other: Conflict | Dyad, path: str, clashes: list[Problem]) -> Record:
    """*kept* (a conflict or dyad) with *other*'s years added and its empty fields filled; clashes noted."""
    assert isinstance(kept, Conflict | Dyad)
    assert type(kept) is type(other)
    cls = type(kept)
    changes: dict[str, Any] = {name: getattr(other, name) for name in _FILLED[cls]
                               if not getattr(kept, name) and getattr(other, name)}
    if isinstance(kept, Conflict) and isinstance(other, Conflict) and not kept.start.is_known:
        changes["start"] = other.start
    held: dict[int, Any] = {year.year: year for year in kept.years}
    years = dict(held)
    noun = cls.__name__.lower()
    theirs: Sequence[ConflictYear | DyadYear] = other.years
    for index, year in enumerate(theirs):
        mine = held.get(year.year)
        if mine is None:
            years[year.year] = year
            continue
        values: dict[str, Any] = {}
        for name in _YEAR_VALUES[cls]:
            first, second = getattr(mine, name), getattr(year, name)
            if first is not None and second is not None and first != second:
                clashes.append(Problem(f"{path}.years[{index}].{name}",
                                       f"{noun} {kept.id!r} has {name} {_shown(first)} in {year.year} in the data "
                                       f"set merged into, and {_shown(second)} here"))
            elif first is None:
                values[name] = second
        years[year.year] = attrs.evolve(mine, **values, source_codes=_united(mine.source_codes, year.source_codes),
                                        citations=_united(mine.citations, year.citations))
    if len(years) != len(held) or any(years[y] != held[y] for y in held):
        changes["years"] = tuple(years[y] for y in sorted(years))
    return attrs.evolve(kept, **changes) if changes else kept


def _shown(value: Any) -> str:
    return repr(value.value) if hasattr(value, "value") else str(value)


def _united(first: tuple[Any, ...], second: tuple[Any, ...]) -> tuple[Any, ...]:
    return (*first, *(item for item in second if item not in first))


def name_clash_advice(datasets: Sequence[Any]) -> str | None:
    """What to do when merged records of one type share a name, naming the mapping that joins them.

    ``None`` when no record of a later data set shares a name with one of another id held
    before it; else advice with ``mapping={other_id: held_id, ...}`` for those pairs.
    """
    pairs: dict[str, str] = {}
    for rtype in RECORD_TYPES:
        if not hasattr(rtype.cls, "names"):
            continue
        held: dict[str, str] = {}
        for number, ds in enumerate(datasets):
            for record in getattr(ds, rtype.collection):
                keys = {fold(name) for name in record.names}
                clash = next((held[k] for k in sorted(keys) if k in held and held[k] != record.id), None)
                if number and clash is not None and record.id not in pairs:
                    pairs[record.id] = clash
                for key in keys:
                    held.setdefault(key, record.id)
    if not pairs:
        return None
    shown = ", ".join(f"{other!r}: {kept!r}" for other, kept in list(pairs.items())[:5])
    more = f" (and {len(pairs) - 5} more)" if len(pairs) > 5 else ""
    return (f"Records of different data sets share a name, and a name alone never joins them. If they are the "
            f"same, say so with mapping={{{shown}}}{more}; if not, rename one.")

