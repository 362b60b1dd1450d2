"""Likely duplicates across data sets: records that look like one record but share no id.

`Dataset.merge` joins records only on a shared external id or the caller's mapping. What it
does not join but may be the same record is reported here, with the evidence, for a person
to decide (and to pass ``mapping=`` if it is one record):

- two **ceasefires** are candidates when the parties of one are all parties of the other
  (at least one party; actors are the same when `Dataset.merge` would join them: one id,
  a shared external id, or the mapping) and their declared dates can share a day;
- two **actors** are candidates when a name or alias of one folds to a name or alias of
  the other (case, accents, spaces and punctuation aside): merging them would fail on the
  clashing name unless the mapping says they are one.

A pair that `Dataset.merge` joins (one id, a shared external id, the mapping) is no
candidate, and neither is a record the merge joins to another.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from ._names import fold
from .model import Actor, ActorId, Ceasefire, Record

__all__ = ["MergeCandidate", "merge_candidates"]


@attrs.frozen
class MergeCandidate:
    """Two records, of one type and in two data sets, that may be one: the evidence, never a join.

    Attributes:
        record_type: ``"ceasefire"`` or ``"actor"``.
        id: The record's id in the data set asked.
        other_id: The record's id in the other data set.
        shared_party_ids: For ceasefires, the parties both name (ids of the data set asked).
        evidence: Why they look like one record, one sentence each.

    Examples:
        >>> import caucasus_conflict as cc
        >>> MergeCandidate("actor", "eu", "x-eu", (), ("same name 'EU'",)).other_id
        'x-eu'
    """

    record_type: str
    id: str
    other_id: str
    shared_party_ids: tuple[ActorId, ...] = ()
    evidence: tuple[str, ...] = ()


def _external(records: Iterable[Record]) -> dict[tuple[str, str], str]:
    return {(x.scheme, x.value): r.id for r in records for x in r.external_ids}


def _joins(records: Sequence[Record], others: Sequence[Record], mapping: Mapping[str, str]) -> dict[str, str]:
    """The other's ids that `Dataset.merge` joins to a held record: other id -> held id."""
    held_ids = {r.id for r in records}
    index = _external(records)
    out: dict[str, str] = {}
    for record in others:
        if record.id in mapping and mapping[record.id] in held_ids:
            out[record.id] = mapping[record.id]
            continue
        targets = {index[pair] for x in record.external_ids if (pair := (x.scheme, x.value)) in index}
        if len(targets) == 1:
            out[record.id] = targets.pop()
        elif record.id in held_ids:
            out[record.id] = record.id
    return out


def merge_candidates(mine: Any, other: Any, mapping: Mapping[str, str]) -> tuple[MergeCandidate, ...]:
    """The candidates between the data sets *mine* and *other* (see the module docstring), sorted.

    *mine* and *other* are `Dataset` objects (not imported here: the data set imports this module).
    """
    my_actors: tuple[Actor, ...] = mine.actors
    their_actors: tuple[Actor, ...] = other.actors
    my_ceasefires: tuple[Ceasefire, ...] = mine.ceasefires
    their_ceasefires: tuple[Ceasefire, ...] = other.ceasefires
    actor_joins = _joins(my_actors, their_actors, mapping)
    out = [*_actor_candidates(my_actors, their_actors, actor_joins),
           *_ceasefire_candidates(my_ceasefires, their_ceasefires, actor_joins,
                                  _joins(my_ceasefires, their_ceasefires, mapping))]
    return tuple(sorted(out, key=lambda c: (c.record_type, c.id, c.other_id)))


def _actor_candidates(mine: Sequence[Actor], theirs: Sequence[Actor],
                      joins: Mapping[str, str]) -> list[MergeCandidate]:
    joined = set(joins.values())
    by_name: dict[str, list[tuple[Actor, str]]] = {}
    for actor in mine:
        if actor.id not in joined:
            for name in actor.names:
                by_name.setdefault(fold(name), []).append((actor, name))
    out: dict[tuple[str, str], list[str]] = {}
    for actor in theirs:
        if actor.id in joins:
            continue
        for name in actor.names:
            for held, held_name in by_name.get(fold(name), ()):
                out.setdefault((held.id, actor.id), []).append(f"same name: {held_name!r} and {name!r}")
    return [MergeCandidate("actor", held_id, other_id, (), tuple(dict.fromkeys(evidence)))
            for (held_id, other_id), evidence in out.items()]


def _ceasefire_candidates(mine: Sequence[Ceasefire], theirs: Sequence[Ceasefire], actor_joins: Mapping[str, str],
                          joins: Mapping[str, str]) -> list[MergeCandidate]:
    joined = set(joins.values())
    by_party: dict[str, list[Ceasefire]] = {}
    for ceasefire in mine:
        if ceasefire.id not in joined:
            for party in ceasefire.party_ids:
                by_party.setdefault(party, []).append(ceasefire)
    out: list[MergeCandidate] = []
    for ceasefire in theirs:
        if ceasefire.id in joins:
            continue
        parties = {ActorId(actor_joins[p]) for p in ceasefire.party_ids if p in actor_joins}
        seen: set[str] = set()
        for party in sorted(parties):
            for held in by_party.get(party, ()):
                if held.id in seen:
                    continue
                seen.add(held.id)
                shared = parties & set(held.party_ids)
                resolved_all = all(p in actor_joins for p in ceasefire.party_ids)
                if not (shared == set(held.party_ids) or (resolved_all and shared == parties)):
                    continue
                if not held.declared.overlaps(ceasefire.declared):
                    continue
                names = ", ".join(p for p in held.party_ids if p in shared)
                out.append(MergeCandidate(
                    "ceasefire", held.id, ceasefire.id, tuple(p for p in held.party_ids if p in shared),
                    (f"same parties: {names}" if shared == set(held.party_ids) and resolved_all and shared == parties
                     else f"the parties of one are parties of the other: {names}",
                     f"declared dates overlap: {held.declared.format()} and {ceasefire.declared.format()}",
                     "same kind of record: both are ceasefires (or agreements read as ceasefires)")))
    return out
