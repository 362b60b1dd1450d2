"""`Dataset`: every record, checked for integrity, indexed once, and the queries over them.

A data set is immutable. Building one checks referential integrity — every id that a
record names exists, ids are unique across all record types, no two records share a
name or alias, every citation points at a real source and block — and reports *every*
problem at once in one `DataError`. It then builds its indexes
in one pass, so that queries never scan all events.

Query semantics, in short (the docs page "Dates and queries" has the long form):

* Results are tuples. Events, claims and ceasefires come in chronological order:
  by `TimeSpan.sort_key` (first day, last
  day, precision), then id; undated records last. Actors and territories come by id.
* A date argument is a ``datetime.date``/``pendulum.Date`` (that day), a string
  ``"YYYY[-MM[-DD]]"`` (``"2023-09"`` means the whole month) or a
  `TimeSpan`.
* Imprecise dates are first-class: a record dated ``2020`` *overlaps* a window in March
  2020 but is not *within* it. Open range ends extend without limit.
* Undated records (precision ``unknown``) can be placed in no window: ``events_between``
  leaves them out unless ``include_undated=True``, which appends them after the dated
  ones; `Dataset.undated_events` lists them. Nothing is dropped without a way to
  ask for it.
* Any argument naming an actor or territory takes the record, its id, or any of its
  names or aliases (case-, accent- and punctuation-insensitive).
"""

from __future__ import annotations

import difflib
import enum
from typing import Any, TypeVar, overload

import attrs

from ._index import EventIndex, NameTable, fold
from ._integrity import check_integrity
from ._validators import check_tuples
from .errors import QueryError, TimeSpanError, UnknownNameError
from .kinds import EventKind, Role, StanceKind
from .model import (
    Actor,
    Ceasefire,
    Claim,
    ControlPeriod,
    Event,
    Record,
    Source,
    Stance,
    Territory,
)
from .timespan import MAX_ORDINAL, MIN_ORDINAL, DateLike, TimeSpan

__all__ = ["ActorRef", "Dataset", "EntityRef", "TerritoryRef"]

T = TypeVar("T")
D = TypeVar("D")

ActorRef = Actor | str
"""An actor, its id, or any of its names or aliases."""
TerritoryRef = Territory | str
"""A territory, its id, or any of its names or aliases."""
EntityRef = Actor | Territory | Event | str
"""An actor, territory or event, or an id or name of one (actors are tried first)."""



_RECORD_TYPES: dict[str, type] = {
    "sources": Source, "actors": Actor, "territories": Territory, "events": Event,
    "ceasefires": Ceasefire, "claims": Claim, "stances": Stance,
}


def _chronological(record: Event | Claim) -> tuple[tuple[int, int, int, int, int, str], str]:
    return record.span.sort_key(), record.id


def _ceasefire_order(record: Ceasefire) -> tuple[tuple[int, int, int, int, int, str], str]:
    return record.declared.sort_key(), record.id


@attrs.frozen(kw_only=True, eq=False)
class _Indexes:
    events: EventIndex
    actor_names: NameTable[Actor]
    territory_names: NameTable[Territory]
    by_id: dict[str, Record]
    claims_by: dict[str | None, tuple[Claim, ...]]
    claims_about: dict[str, tuple[Claim, ...]]
    stances_toward: dict[tuple[StanceKind, str], tuple[Stance, ...]]
    contradictions: tuple[tuple[Claim, Claim], ...]
    claims: tuple[Claim, ...]
    ceasefires: tuple[Ceasefire, ...]
    parts: dict[str, tuple[Territory, ...]]


@attrs.frozen(kw_only=True, field_transformer=check_tuples)
class Dataset:
    """All the records of one data set, checked and indexed; immutable and thread-safe.

    Build one from records (``Dataset(actors=(...), events=(...), ...)``), or load one
    with `caucasus_conflict.load`.

    Raises:
        DataError: Dangling references, duplicate ids, clashing names or bad citations;
            every problem found is listed, each with its JSON path.

    Examples:
        >>> import caucasus_conflict as cc
        >>> ds = cc.load()
        >>> ds.actor("Baku").name
        'Azerbaijan'
        >>> len(cc.Dataset().events)
        0
    """

    sources: tuple[Source, ...] = ()
    actors: tuple[Actor, ...] = ()
    territories: tuple[Territory, ...] = ()
    events: tuple[Event, ...] = ()
    ceasefires: tuple[Ceasefire, ...] = ()
    claims: tuple[Claim, ...] = ()
    stances: tuple[Stance, ...] = ()
    _index: _Indexes = attrs.field(init=False, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        for name, cls in _RECORD_TYPES.items():
            for position, record in enumerate(getattr(self, name)):
                if type(record) is not cls and not isinstance(record, cls):
                    raise TypeError(f"{name}[{position}] must be {_a(cls.__name__)} (got {type(record).__name__}); "
                                    f"pass {cls.__name__} records in {name!r}")
        checked = check_integrity(
            sources=self.sources, actors=self.actors, territories=self.territories, events=self.events,
            ceasefires=self.ceasefires, claims=self.claims, stances=self.stances,
        )
        object.__setattr__(self, "_index", self._build_index(*checked))

    # -- indexes --------------------------------------------------------------------

    def _build_index(self, by_id: dict[str, Record], actor_names: NameTable[Actor],
                     territory_names: NameTable[Territory]) -> _Indexes:
        events = EventIndex(self.events)
        claims = tuple(sorted(self.claims, key=_chronological))
        claims_by: dict[str | None, list[Claim]] = {}
        claims_about: dict[str, list[Claim]] = {}
        for claim in claims:
            claims_by.setdefault(claim.claimant_id, []).append(claim)
            for ref in dict.fromkeys((*claim.about_actor_ids, *claim.about_territory_ids,
                                      *claim.about_event_ids)):
                claims_about.setdefault(ref, []).append(claim)
        stances: dict[tuple[StanceKind, str], list[Stance]] = {}
        for stance in sorted(self.stances, key=lambda s: (s.span.sort_key(), s.id)):
            stances.setdefault((stance.kind, stance.toward_id), []).append(stance)
        claim_by_id = {c.id: c for c in claims}
        pairs: dict[tuple[str, str], tuple[Claim, Claim]] = {}
        for claim in claims:
            for other_id in claim.disputes_ids:
                other = claim_by_id[other_id]
                first, second = sorted((claim, other), key=_chronological)
                pairs.setdefault((first.id, second.id), (first, second))
        return _Indexes(
            events=events,
            actor_names=actor_names,
            territory_names=territory_names,
            by_id=by_id,
            claims_by={k: tuple(v) for k, v in claims_by.items()},
            claims_about={k: tuple(v) for k, v in claims_about.items()},
            stances_toward={k: tuple(v) for k, v in stances.items()},
            contradictions=tuple(sorted(pairs.values(), key=lambda p: (_chronological(p[0]),
                                                                       _chronological(p[1])))),
            claims=claims,
            ceasefires=tuple(sorted(self.ceasefires, key=_ceasefire_order)),
            parts=_group_parts(self.territories),
        )

    # -- lookups --------------------------------------------------------------------

    @staticmethod
    def _suggest(table: NameTable[Any], query: str) -> list[str]:
        """The names of up to three records with a name close to *query*, closest first.

        A name that contains the query (or is contained in it) counts as close, so
        ``"Lachin"`` suggests ``"Lachin corridor"``; so does a near-miss spelling.
        """
        key = fold(query)
        display = table.display_names()
        names = list(display)
        close = difflib.get_close_matches(key, names, n=10, cutoff=0.75)
        close += [n for n in names if len(key) >= 3 and (key in n or (len(n) >= 3 and n in key))]
        suggestions: dict[str, str] = {}
        for name in close:
            record = table.get(name)
            if record is not None:
                # Suggest the name that matched ("Artsakh" for "Artsak"), but a name, not an id.
                suggestions.setdefault(record.id, record.name if name == fold(record.id) else display[name])
        return list(suggestions.values())[:3]

    def actor(self, name: ActorRef) -> Actor:
        """Return the actor with this id, name or alias (case-, accent-, punctuation-insensitive).

        Raises:
            UnknownNameError: No actor has that name; ``suggestions`` lists the closest.

        Examples:
            >>> import caucasus_conflict as cc
            >>> cc.load().actor("yerevan").id
            'armenia'
        """
        if isinstance(name, Actor):
            return name
        found = self._index.actor_names.get(name)
        if found is None:
            raise UnknownNameError("actor", name, self._suggest(self._index.actor_names, name))
        return found

    @overload
    def get_actor(self, name: ActorRef) -> Actor | None: ...
    @overload
    def get_actor(self, name: ActorRef, default: D) -> Actor | D: ...
    def get_actor(self, name: ActorRef, default: object = None) -> object:
        """Return the actor with this id, name or alias, or *default*.

        Examples:
            >>> import caucasus_conflict as cc
            >>> cc.load().get_actor("Atlantis") is None
            True
        """
        if isinstance(name, Actor):
            return name
        return self._index.actor_names.get(name) or default

    def find_actors(self, query: str, *, limit: int = 5) -> tuple[Actor, ...]:
        """Return up to *limit* actors whose names are closest to *query*, best first.

        Ties are broken by id, so the order is stable.

        Examples:
            >>> import caucasus_conflict as cc
            >>> cc.load().find_actors("Azerbijan")[0].id
            'azerbaijan'
        """
        return self._find(self.actors, query, limit)

    def territory(self, name: TerritoryRef) -> Territory:
        """Return the territory with this id, name or alias (case-, accent-, punctuation-insensitive).

        Raises:
            UnknownNameError: No territory has that name; ``suggestions`` lists the closest.

        Examples:
            >>> import caucasus_conflict as cc
            >>> cc.load().territory("Artsakh").name
            'Nagorno-Karabakh'
        """
        if isinstance(name, Territory):
            return name
        found = self._index.territory_names.get(name)
        if found is None:
            raise UnknownNameError("territory", name, self._suggest(self._index.territory_names, name))
        return found

    @overload
    def get_territory(self, name: TerritoryRef) -> Territory | None: ...
    @overload
    def get_territory(self, name: TerritoryRef, default: D) -> Territory | D: ...
    def get_territory(self, name: TerritoryRef, default: object = None) -> object:
        """Return the territory with this id, name or alias, or *default*.

        Examples:
            >>> import caucasus_conflict as cc
            >>> cc.load().get_territory("lachin corridor").id
            'lachin-corridor'
        """
        if isinstance(name, Territory):
            return name
        return self._index.territory_names.get(name) or default

    def find_territories(self, query: str, *, limit: int = 5) -> tuple[Territory, ...]:
        """Return up to *limit* territories whose names are closest to *query*, best first.

        Examples:
            >>> import caucasus_conflict as cc
            >>> cc.load().find_territories("Lachin")[0].id
            'lachin-corridor'
        """
        return self._find(self.territories, query, limit)

    @staticmethod
    def _find(records: tuple[T, ...], query: str, limit: int) -> tuple[T, ...]:
        if limit < 0:
            raise QueryError(f"'limit' must be >= 0 (got {limit})")
        key = fold(query)
        scored = []
        for record in records:
            names = (record.id, *record.names)  # type: ignore[attr-defined]
            score = max(_similarity(key, fold(n)) for n in names)
            scored.append((-score, record.id, record))  # type: ignore[attr-defined]
        scored.sort(key=lambda item: (item[0], item[1]))
        return tuple(record for _, _, record in scored[:limit])

    def _by_id(self, record_id: str, cls: type[T], kind: str) -> T:
        found = self._index.by_id.get(record_id)
        if not isinstance(found, cls):
            ids = [k for k, v in self._index.by_id.items() if isinstance(v, cls)]
            raise UnknownNameError(kind, record_id, difflib.get_close_matches(record_id, ids, n=3))
        return found

    def record(self, record_id: str) -> Record:
        """Return the record of any type with this id.

        Examples:
            >>> import caucasus_conflict as cc
            >>> type(cc.load().record("lachin-corridor")).__name__
            'Territory'
        """
        found = self._index.by_id.get(record_id)
        if found is None:
            raise UnknownNameError("record", record_id,
                                   difflib.get_close_matches(record_id, list(self._index.by_id), n=3))
        return found

    def source(self, source_id: str) -> Source:
        """Return the source with this id.

        Examples:
            >>> import caucasus_conflict as cc
            >>> cc.load().source("gdc-2023-nk-offensive").blocks
            22
        """
        return self._by_id(source_id, Source, "source")

    def event(self, event_id: str) -> Event:
        """Return the event with this id.

        Examples:
            >>> import caucasus_conflict as cc
            >>> ds = cc.load()
            >>> ds.event(ds.events[0].id) == ds.events[0]
            True
        """
        return self._by_id(event_id, Event, "event")

    def ceasefire(self, ceasefire_id: str) -> Ceasefire:
        """Return the ceasefire with this id.

        Examples:
            >>> import caucasus_conflict as cc
            >>> ds = cc.load()
            >>> ds.ceasefire(ds.ceasefires[0].id).declared.format()
            '2020-11'
        """
        return self._by_id(ceasefire_id, Ceasefire, "ceasefire")

    def claim(self, claim_id: str) -> Claim:
        """Return the claim with this id.

        Examples:
            >>> import caucasus_conflict as cc
            >>> ds = cc.load()
            >>> ds.claim(ds.claims[0].id) == ds.claims[0]
            True
        """
        return self._by_id(claim_id, Claim, "claim")

    def stance(self, stance_id: str) -> Stance:
        """Return the stance with this id.

        Examples:
            >>> import caucasus_conflict as cc
            >>> ds = cc.load()
            >>> ds.stance(ds.stances[0].id) == ds.stances[0]
            True
        """
        return self._by_id(stance_id, Stance, "stance")

    def resolve(self, entity: EntityRef) -> Actor | Territory | Event:
        """Return the actor, territory or event that *entity* names.

        A record is returned as it is. A string is tried as the id of an actor,
        territory or event, then as an actor's name or alias, then as a territory's
        (so ``"Azerbaijan"`` is the state; ``"azerbaijan-territory"`` its land).

        Raises:
            UnknownNameError: Nothing has that id or name.

        Examples:
            >>> import caucasus_conflict as cc
            >>> ds = cc.load()
            >>> type(ds.resolve("Artsakh")).__name__, ds.resolve("Baku").id
            ('Territory', 'azerbaijan')
        """
        if isinstance(entity, Actor | Territory | Event):
            return entity
        found = self._index.by_id.get(entity)
        if isinstance(found, Actor | Territory | Event):
            return found
        actor = self._index.actor_names.get(entity)
        if actor is not None:
            return actor
        territory = self._index.territory_names.get(entity)
        if territory is not None:
            return territory
        suggestions = self._suggest(self._index.actor_names, entity)
        suggestions += self._suggest(self._index.territory_names, entity)
        raise UnknownNameError("actor, territory or event", entity, suggestions[:3])

    def _entity_id(self, entity: EntityRef) -> str:
        return self.resolve(entity).id

    def parts_of(self, territory: TerritoryRef) -> tuple[Territory, ...]:
        """Return the territories recorded as part of *territory* (``part_of_id``), by id.

        Examples:
            >>> import caucasus_conflict as cc
            >>> "yevlakh" in [t.id for t in cc.load().parts_of("azerbaijan-territory")]
            True
        """
        return self._index.parts.get(self.territory(territory).id, ())

    def claims_in_order(self) -> tuple[Claim, ...]:
        """Return every claim in chronological order (``claims`` keeps file order).

        Examples:
            >>> import caucasus_conflict as cc
            >>> ds = cc.load()
            >>> sorted(c.id for c in ds.claims_in_order()) == sorted(c.id for c in ds.claims)
            True
        """
        return self._index.claims

    def ceasefires_in_order(self) -> tuple[Ceasefire, ...]:
        """Return every ceasefire by declared date (``ceasefires`` keeps file order).

        Examples:
            >>> import caucasus_conflict as cc
            >>> [c.declared.format() for c in cc.load().ceasefires_in_order()]
            ['2020-11']
        """
        return self._index.ceasefires

    # -- event queries --------------------------------------------------------------

    def events_between(self, start: DateLike | None, end: DateLike | None, *, within: bool = False,
                       include_undated: bool = False) -> tuple[Event, ...]:
        """Return the events overlapping (or, with ``within=True``, inside) a window, in order.

        The window runs from the first day of *start* to the last day of *end*, so
        ``events_between("2023-09", "2023-09")`` is the whole of September 2023; ``None``
        leaves that side of the window open. An event
        *overlaps* the window when it can share a day with it (an event dated ``2020``
        overlaps a window in March 2020); it is *within* it when every day it can cover
        lies inside. Undated events are appended only with ``include_undated=True``.
        Costs O(log n + k) for k results.

        Raises:
            TimeSpanError: A bound cannot be parsed, is undated, or the window ends before
                it starts.

        Examples:
            >>> import caucasus_conflict as cc
            >>> ds = cc.load()
            >>> [e.id for e in ds.events_between("2023-09-19", "2023-09-19", within=True)]
            ['offensive-2023', 'operation-continuation-statement-2023']
            >>> len(ds.events_between("2023-09-19", "2023-09-19")) > 2  # longer spans overlap that day too
            True
        """
        low, high = _window(start, end)
        index = self._index.events
        ranks = index.within(low, high) if within else index.overlapping(low, high)
        if include_undated:
            ranks.extend(index.undated)
        return tuple(index.order[r] for r in ranks)

    def undated_events(self) -> tuple[Event, ...]:
        """Return the events whose date is unknown, in the documented order (stated first, then by id).

        Examples:
            >>> import caucasus_conflict as cc
            >>> all(e.span.is_known is False for e in cc.load().undated_events())
            True
        """
        index = self._index.events
        return tuple(index.order[r] for r in index.undated)

    def chronology(self) -> tuple[Event, ...]:
        """Return every event in chronological order, undated ones last.

        Examples:
            >>> import caucasus_conflict as cc
            >>> ds = cc.load()
            >>> len(ds.chronology()) == len(ds.events)
            True
        """
        return self._index.events.order

    def events_involving(self, actor: ActorRef, *, role: Role | str | None = None) -> tuple[Event, ...]:
        """Return the events in which *actor* takes part (optionally in *role*), in order.

        Raises:
            UnknownNameError: No actor has that name.

        Examples:
            >>> import caucasus_conflict as cc
            >>> ds = cc.load()
            >>> all(any(p.actor_id == "russia" for p in e.participants) for e in ds.events_involving("Moscow"))
            True
        """
        actor_id = self.actor(actor).id
        found = self._index.events.by_actor.get(actor_id, ())
        if role is None:
            return found
        wanted = _member(Role, role)
        return tuple(e for e in found if any(p.actor_id == actor_id and p.role is wanted
                                             for p in e.participants))

    def events_of_kind(self, kind: EventKind | str) -> tuple[Event, ...]:
        """Return the events of one kind, in order.

        Raises:
            QueryError: *kind* is not an `EventKind` or one of its values.

        Examples:
            >>> import caucasus_conflict as cc
            >>> {e.kind.value for e in cc.load().events_of_kind("blockade")}
            {'blockade'}
        """
        return self._index.events.by_kind.get(_member(EventKind, kind), ())

    def events_in(self, territory: TerritoryRef) -> tuple[Event, ...]:
        """Return the events that took place in *territory*, in order.

        Raises:
            UnknownNameError: No territory has that name.

        Examples:
            >>> import caucasus_conflict as cc
            >>> all("nagorno-karabakh" in e.territory_ids for e in cc.load().events_in("Artsakh"))
            True
        """
        territory_id = self.territory(territory).id
        return self._index.events.by_territory.get(territory_id, ())

    # -- stances, claims, control ------------------------------------------------------

    def stances_toward(self, kind: StanceKind | str, *, toward: EntityRef,
                       at: DateLike | None = None) -> tuple[Stance, ...]:
        """Return the stances of *kind* toward an actor, territory or event, in order.

        With *at*, only stances whose span overlaps it; undated stances never do.

        Examples:
            >>> import caucasus_conflict as cc
            >>> {s.holder_id for s in cc.load().stances_toward("supports", toward="Azerbaijan")} >= {"turkey"}
            True
        """
        stances = self._index.stances_toward.get((_member(StanceKind, kind), self._entity_id(toward)), ())
        if at is None:
            return stances
        when = _dated(at)
        return tuple(s for s in stances if s.span.overlaps(when))

    def actors_by_stance(self, kind: StanceKind | str, *, toward: EntityRef,
                         at: DateLike | None = None) -> tuple[Actor, ...]:
        """Return the actors holding a stance of *kind* toward *toward*, by id.

        *toward* is an actor, territory or event (or an id or name of one). With *at*,
        only stances whose span overlaps that date count.

        Examples:
            >>> import caucasus_conflict as cc
            >>> [a.id for a in cc.load().actors_by_stance("supports", toward="Baku")]
            ['turkey']
        """
        holders = {s.holder_id for s in self.stances_toward(kind, toward=toward, at=at)}
        return tuple(self.actor(h) for h in sorted(holders))

    def claims_by(self, actor: ActorRef) -> tuple[Claim, ...]:
        """Return the claims *actor* made, in chronological order.

        Examples:
            >>> import caucasus_conflict as cc
            >>> all(c.claimant_id == "armenia" for c in cc.load().claims_by("Yerevan"))
            True
        """
        return self._index.claims_by.get(self.actor(actor).id, ())

    def unattributed_claims(self) -> tuple[Claim, ...]:
        """Return the claims the source reports without naming who made them.

        Examples:
            >>> import caucasus_conflict as cc
            >>> all(c.claimant_id is None for c in cc.load().unattributed_claims())
            True
        """
        return self._index.claims_by.get(None, ())

    def claims_about(self, entity: EntityRef) -> tuple[Claim, ...]:
        """Return the claims about an actor, territory or event, in chronological order.

        A name is looked up among actors first, then territories; pass the record or
        its id to be explicit.

        Examples:
            >>> import caucasus_conflict as cc
            >>> ds = cc.load()
            >>> all("turkey" in c.about_actor_ids for c in ds.claims_about("Ankara"))
            True
        """
        return self._index.claims_about.get(self._entity_id(entity), ())

    def contradictions(self) -> tuple[tuple[Claim, Claim], ...]:
        """Return each pair of claims where one disputes the other, once, earlier claim first.

        Examples:
            >>> import caucasus_conflict as cc
            >>> pairs = cc.load().contradictions()
            >>> all(b.id in a.disputes_ids or a.id in b.disputes_ids for a, b in pairs)
            True
        """
        return self._index.contradictions

    def controller_of(self, territory: TerritoryRef, *, at: DateLike) -> tuple[ControlPeriod, ...]:
        """Return the control periods of *territory* in force at some time during *at*.

        ``at="2021-06-01"`` is one day; ``at="2020"`` is the whole year, so periods that
        ended and began during 2020 are both returned. Periods come in chronological order.

        Examples:
            >>> import caucasus_conflict as cc
            >>> [p.controller_ids for p in cc.load().controller_of("Lachin corridor", at="2021-06-01")]
            [('russia',)]
        """
        when = _dated(at)
        periods = [p for p in self.territory(territory).control if p.span.overlaps(when)]
        return tuple(sorted(periods, key=lambda p: p.span.sort_key()))

    def ceasefires_involving(self, actor: ActorRef) -> tuple[Ceasefire, ...]:
        """Return the ceasefires *actor* is a party to or mediated, by declared date.

        Examples:
            >>> import caucasus_conflict as cc
            >>> [c.declared.format() for c in cc.load().ceasefires_involving("Russia")]
            ['2020-11']
        """
        actor_id = self.actor(actor).id
        return tuple(c for c in self._index.ceasefires if actor_id in c.actor_ids)


def _a(noun: str) -> str:
    return f"{'an' if noun[0].lower() in 'aeiou' else 'a'} {noun}"


def _group_parts(territories: tuple[Territory, ...]) -> dict[str, tuple[Territory, ...]]:
    parts: dict[str, list[Territory]] = {}
    for territory in sorted(territories, key=lambda t: t.id):
        if territory.part_of_id is not None:
            parts.setdefault(territory.part_of_id, []).append(territory)
    return {k: tuple(v) for k, v in parts.items()}


def _similarity(query: str, name: str) -> float:
    if not query or not name:
        return 0.0
    if query == name:
        return 2.0
    if name.startswith(query) or query in name:
        return 1.0 + len(query) / len(name) / 2
    return difflib.SequenceMatcher(None, query, name).ratio()


E = TypeVar("E", bound=enum.Enum)


def _member(cls: type[E], value: E | str) -> E:
    """The member of *cls* that *value* is or names; QueryError listing the choices if none."""
    if isinstance(value, cls):
        return value
    try:
        return cls(value)
    except ValueError:
        choices = ", ".join(repr(m.value) for m in cls)
        raise QueryError(f"{value!r} is not a valid {cls.__name__}; expected one of {choices}") from None


def _dated(value: DateLike) -> TimeSpan:
    span = TimeSpan.coerce(value)
    if not span.is_known:
        raise TimeSpanError(span.format(), "a query date must be known",
                            hint="give a date, or None for an open end; undated_events() lists undated records")
    return span


def _window(start: DateLike | None, end: DateLike | None) -> tuple[int, int]:
    first = _dated(start) if start is not None else None
    last = _dated(end) if end is not None else None
    low = first.first_day.toordinal() if first is not None and first.first_day is not None else MIN_ORDINAL
    high = last.last_day.toordinal() if last is not None and last.last_day is not None else MAX_ORDINAL
    if high < low and first is not None and last is not None:
        raise TimeSpanError(f"from {first.format()} to {last.format()}", "the window ends before it starts",
                            hint="swap the start and the end")
    return low, high
