"""Referential integrity of a data set: every problem found, reported at once.

`check_integrity` is what `Dataset` runs when it is built. It checks that ids are
unique across all record types, that no two actors (or two territories) share a folded
name or alias, that every id a record names exists and is of the right type, that
every citation points at a real source and block, and that parent events form no
cycle. It returns the lookup tables it built on the way, so the data set does not build
them twice.

Events are most of a large data set, so each event first gets a fast check (set
membership only); only an event that fails it is walked again to say exactly where,
which keeps building a data set of a million events within seconds.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from typing import Any

from ._index import NameTable, fold
from .errors import DataError, Problem
from .model import Actor, Casualties, Ceasefire, Citation, Claim, Event, Record, Source, Stance, Territory

__all__ = ["check_integrity"]

_COLLECTIONS = ("sources", "actors", "territories", "events", "ceasefires", "claims", "stances")


def check_integrity(
    *,
    sources: tuple[Source, ...],
    actors: tuple[Actor, ...],
    territories: tuple[Territory, ...],
    events: tuple[Event, ...],
    ceasefires: tuple[Ceasefire, ...],
    claims: tuple[Claim, ...],
    stances: tuple[Stance, ...],
) -> tuple[dict[str, Record], NameTable[Actor], NameTable[Territory]]:
    """Check every record; return ``(by_id, actor names, territory names)`` or raise `DataError`."""
    checker = _Checker(sources, actors, territories, events, ceasefires, claims, stances)
    problems: list[Problem] = []
    by_id = checker._check_ids(problems)
    actor_names = checker._name_table(actors, "actors", "actor", problems)
    territory_names = checker._name_table(territories, "territories", "territory", problems)
    checker._check_references(by_id, problems)
    if problems:
        raise DataError(problems)
    return by_id, actor_names, territory_names


def _a(noun: str) -> str:
    return f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}"


class _Checker:
    def __init__(self, sources: tuple[Source, ...], actors: tuple[Actor, ...], territories: tuple[Territory, ...],
                 events: tuple[Event, ...], ceasefires: tuple[Ceasefire, ...], claims: tuple[Claim, ...],
                 stances: tuple[Stance, ...]) -> None:
        self.sources = sources
        self.actors = actors
        self.territories = territories
        self.events = events
        self.ceasefires = ceasefires
        self.claims = claims
        self.stances = stances

    def _records(self) -> Iterator[tuple[str, int, Record]]:
        for name in _COLLECTIONS:
            for position, record in enumerate(getattr(self, name)):
                yield name, position, record

    def _check_ids(self, problems: list[Problem]) -> dict[str, Record]:
        by_id: dict[str, Record] = {}
        first_use: dict[str, str] | None = None
        for name in _COLLECTIONS:
            for position, record in enumerate(getattr(self, name)):
                record_id = record.id
                if record_id not in by_id:
                    by_id[record_id] = record
                    continue
                # Checked by id, not identity: the same object listed twice is a duplicate too.
                # Where each id was first used is worked out once, at the first duplicate.
                if first_use is None:
                    first_use = {}
                    for n, p, r in self._records():
                        first_use.setdefault(r.id, f"$.{n}[{p}].id")
                first = first_use[record_id]
                problems.append(Problem(f"$.{name}[{position}].id",
                                        f"duplicate id {record_id!r} (first used at {first}); "
                                        "give every record its own id"))
        return by_id

    @staticmethod
    def _name_table(records: tuple[Any, ...], collection: str, kind: str,
                    problems: list[Problem]) -> NameTable[Any]:
        table: NameTable[Any] = NameTable()
        for position, record in enumerate(records):
            labelled = [("id", record.id), ("name", record.name)]
            labelled += [(f"aliases[{i}]", alias) for i, alias in enumerate(record.aliases)]
            for field_path, key in labelled:
                if not fold(key):
                    problems.append(Problem(f"$.{collection}[{position}].{field_path}",
                                            f"{key!r} has no letters or digits to look it up by"))
                    continue
                held = table.add(key, record)
                if held is not None:
                    problems.append(Problem(
                        f"$.{collection}[{position}].{field_path}",
                        f"{key!r} is already a name of {kind} {held.id!r}; "
                        "names and aliases must identify one record",
                    ))
        return table

    def _check_references(self, by_id: dict[str, Record], problems: list[Problem]) -> None:
        def need(path: str, ref: str | None, cls: type, what: str) -> None:
            if ref is None:
                return
            target = by_id.get(ref)
            if target is None:
                close = difflib.get_close_matches(ref, [k for k, v in by_id.items() if isinstance(v, cls)], n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                problems.append(Problem(path, f"unknown {what} id {ref!r}{hint}"))
            elif not isinstance(target, cls):
                problems.append(Problem(path, f"{ref!r} is the id of {_a(type(target).__name__.lower())}, "
                                              f"expected {_a(what)} id"))

        def many(path: str, refs: Iterable[str], cls: type, what: str) -> None:
            for i, ref in enumerate(refs):
                need(f"{path}[{i}]", ref, cls, what)

        def cites(path: str, citations: tuple[Citation, ...]) -> None:
            for i, citation in enumerate(citations):
                source = by_id.get(citation.source_id)
                cpath = f"{path}.citations[{i}]"
                if not isinstance(source, Source):
                    need(f"{cpath}.source_id", citation.source_id, Source, "source")
                    continue
                for j, block in enumerate(citation.blocks):
                    if block > source.blocks:
                        problems.append(Problem(f"{cpath}.blocks[{j}]",
                                                f"block {block} does not exist; source {source.id!r} "
                                                f"has blocks 1..{source.blocks}"))

        def casualties(path: str, items: tuple[Casualties, ...]) -> None:
            for i, item in enumerate(items):
                need(f"{path}.casualties[{i}].reported_by_id", item.reported_by_id, Actor, "actor")
                cites(f"{path}.casualties[{i}]", item.citations)

        for p, actor in enumerate(self.actors):
            path = f"$.actors[{p}]"
            cites(path, actor.citations)
            need(f"{path}.part_of_id", actor.part_of_id, Actor, "actor")
            for i, role in enumerate(actor.roles):
                need(f"{path}.roles[{i}].organisation_id", role.organisation_id, Actor, "actor")
                cites(f"{path}.roles[{i}]", role.citations)
            for i, membership in enumerate(actor.memberships):
                need(f"{path}.memberships[{i}].organisation_id", membership.organisation_id, Actor, "actor")
                cites(f"{path}.memberships[{i}]", membership.citations)
        for p, territory in enumerate(self.territories):
            path = f"$.territories[{p}]"
            cites(path, territory.citations)
            need(f"{path}.part_of_id", territory.part_of_id, Territory, "territory")
            for i, status in enumerate(territory.legal_status):
                need(f"{path}.legal_status[{i}].part_of_id", status.part_of_id, Territory, "territory")
                cites(f"{path}.legal_status[{i}]", status.citations)
            for i, population in enumerate(territory.population):
                cites(f"{path}.population[{i}]", population.citations)
            for i, period in enumerate(territory.control):
                many(f"{path}.control[{i}].controller_ids", period.controller_ids, Actor, "actor")
                cites(f"{path}.control[{i}]", period.citations)
        ok_event = _fast_event_check(by_id)
        for p, event in enumerate(self.events):
            if ok_event(event):
                continue
            path = f"$.events[{p}]"
            cites(path, event.citations)
            for i, participant in enumerate(event.participants):
                need(f"{path}.participants[{i}].actor_id", participant.actor_id, Actor, "actor")
            many(f"{path}.territory_ids", event.territory_ids, Territory, "territory")
            casualties(path, event.casualties)
            need(f"{path}.parent_id", event.parent_id, Event, "event")
        for p, ceasefire in enumerate(self.ceasefires):
            path = f"$.ceasefires[{p}]"
            cites(path, ceasefire.citations)
            many(f"{path}.party_ids", ceasefire.party_ids, Actor, "actor")
            many(f"{path}.mediator_ids", ceasefire.mediator_ids, Actor, "actor")
            many(f"{path}.territory_ids", ceasefire.territory_ids, Territory, "territory")
            many(f"{path}.strained_by_ids", ceasefire.strained_by_ids, Event, "event")
            need(f"{path}.event_id", ceasefire.event_id, Event, "event")
            for i, provision in enumerate(ceasefire.provisions):
                many(f"{path}.provisions[{i}].actor_ids", provision.actor_ids, Actor, "actor")
                many(f"{path}.provisions[{i}].territory_ids", provision.territory_ids, Territory, "territory")
                cites(f"{path}.provisions[{i}]", provision.citations)
        for p, claim in enumerate(self.claims):
            path = f"$.claims[{p}]"
            cites(path, claim.citations)
            need(f"{path}.claimant_id", claim.claimant_id, Actor, "actor")
            many(f"{path}.about_actor_ids", claim.about_actor_ids, Actor, "actor")
            many(f"{path}.about_territory_ids", claim.about_territory_ids, Territory, "territory")
            many(f"{path}.about_event_ids", claim.about_event_ids, Event, "event")
            many(f"{path}.disputes_ids", claim.disputes_ids, Claim, "claim")
        for p, stance in enumerate(self.stances):
            path = f"$.stances[{p}]"
            cites(path, stance.citations)
            need(f"{path}.holder_id", stance.holder_id, Actor, "actor")
            need(f"{path}.toward_actor_id", stance.toward_actor_id, Actor, "actor")
            need(f"{path}.toward_territory_id", stance.toward_territory_id, Territory, "territory")
            need(f"{path}.toward_event_id", stance.toward_event_id, Event, "event")
            many(f"{path}.claim_ids", stance.claim_ids, Claim, "claim")
        self._check_parent_cycles(problems)

    def _check_parent_cycles(self, problems: list[Problem]) -> None:
        # Only events with a parent can be on a cycle.
        parent: dict[str, str | None] = {e.id: e.parent_id for e in self.events if e.parent_id is not None}
        settled: set[str] = set()
        for event in self.events:
            if event.parent_id is None:
                continue
            trail: list[str] = []
            current: str | None = event.id
            while current is not None and current not in settled and current in parent:
                if current in trail:
                    cycle = trail[trail.index(current):]
                    position = next(p for p, e in enumerate(self.events) if e.id == current)
                    problems.append(Problem(
                        f"$.events[{position}].parent_id",
                        f"parent events form a cycle ({' -> '.join([*cycle, current])}); "
                        "an event cannot be its own ancestor",
                    ))
                    break
                trail.append(current)
                current = parent[current]
            settled.update(trail)


def _fast_event_check(by_id: dict[str, Record]) -> Any:
    """A cheap test that an event's references and citations are all valid (no messages)."""
    actor_ids = {k for k, v in by_id.items() if isinstance(v, Actor)}
    territory_ids = {k for k, v in by_id.items() if isinstance(v, Territory)}
    event_ids = {k for k, v in by_id.items() if isinstance(v, Event)}
    blocks = {k: v.blocks for k, v in by_id.items() if isinstance(v, Source)}

    def cites_ok(citations: tuple[Citation, ...]) -> bool:
        for citation in citations:
            limit = blocks.get(citation.source_id)
            if limit is None or max(citation.blocks) > limit:
                return False
        return True

    # Plain loops rather than all() over generators: this runs once per event.
    def ok(event: Event) -> bool:
        if not cites_ok(event.citations):
            return False
        for participant in event.participants:
            if participant.actor_id not in actor_ids:
                return False
        for territory_id in event.territory_ids:
            if territory_id not in territory_ids:
                return False
        if event.parent_id is not None and event.parent_id not in event_ids:
            return False
        for casualty in event.casualties:
            if casualty.reported_by_id is not None and casualty.reported_by_id not in actor_ids:
                return False
            if not cites_ok(casualty.citations):
                return False
        return True

    return ok
