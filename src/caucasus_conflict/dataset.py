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

import datetime as _dt
import difflib
import enum
import re
from operator import itemgetter
from typing import TypeVar, overload

import attrs

from ._index import Indexes, build_indexes, chronological
from ._integrity import a_noun, check_integrity
from ._names import Names
from ._registry import RECORD_TYPES
from ._validators import check_tuples
from .errors import ArgumentTypeError, QueryError, TimeSpanError, UnknownNameError
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
N = TypeVar("N", Actor, Territory)

ActorRef = Actor | str
"""An actor, its id, or any of its names or aliases."""
TerritoryRef = Territory | str
"""A territory, its id, or any of its names or aliases."""
EntityRef = Actor | Territory | Event | str
"""An actor, territory or event, or an id or name of one (actors are tried first)."""


@attrs.frozen(kw_only=True, eq=False)
class _State:
    by_id: dict[str, Record]
    actors: Names[Actor]
    territories: Names[Territory]
    indexes: Indexes


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
    _state: _State = attrs.field(init=False, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        collections: dict[str, tuple[Record, ...]] = {}
        for rtype in RECORD_TYPES:
            records = getattr(self, rtype.collection)
            cls = rtype.cls
            for position, record in enumerate(records):
                if type(record) is not cls and not isinstance(record, cls):
                    raise ArgumentTypeError(f"{rtype.collection}[{position}]", f"be {a_noun(cls.__name__)}", record,
                                            message=f"{rtype.collection}[{position}] must be {a_noun(cls.__name__)} "
                                     f"(got {type(record).__name__}); pass {cls.__name__} records in "
                                     f"{rtype.collection!r}")
            collections[rtype.collection] = records
        checked = check_integrity(collections)
        indexes = build_indexes(events=self.events, claims=self.claims, stances=self.stances,
                                ceasefires=self.ceasefires, territories=self.territories)
        object.__setattr__(self, "_state", _State(by_id=checked.by_id, actors=checked.actors,
                                                  territories=checked.territories, indexes=indexes))

    # -- lookups --------------------------------------------------------------------

    def _named(self, names: Names[N], cls: type[N], name: N | str) -> N:
        if isinstance(name, cls):
            return self._own(name)
        return names.lookup(_name_text(cls, name))

    def _own(self, record: T) -> T:
        """*record* itself if this data set holds it (or an equal record under its id)."""
        held = self._state.by_id.get(record.id)  # type: ignore[attr-defined]
        if held is not record and held != record:
            kind = type(record).__name__.lower()
            raise QueryError(f"this data set holds no {kind} equal to the one passed (id {record.id!r}); "  # type: ignore[attr-defined]
                             f"pass a record of this data set, or its id")
        return record

    def _get_named(self, names: Names[N], cls: type[N], name: N | str, default: object) -> object:
        if isinstance(name, cls):
            held = self._state.by_id.get(name.id)
            return name if held is name or held == name else default
        found = names.get(_name_text(cls, name))
        return default if found is None else found

    def actor(self, name: ActorRef) -> Actor:
        """Return the actor with this id, name or alias (case-, accent-, punctuation-insensitive).

        Raises:
            UnknownNameError: No actor has that name; ``suggestions`` lists the closest.

        Examples:
            >>> import caucasus_conflict as cc
            >>> cc.load().actor("yerevan").id
            'armenia'
        """
        return self._named(self._state.actors, Actor, name)

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
        return self._get_named(self._state.actors, Actor, name, default)

    def find_actors(self, query: str, *, limit: int = 5) -> tuple[Actor, ...]:
        """Return up to *limit* actors whose names are closest to *query*, best first.

        Ties are broken by id, so the order is stable.

        Examples:
            >>> import caucasus_conflict as cc
            >>> cc.load().find_actors("Azerbijan")[0].id
            'azerbaijan'
        """
        return self._state.actors.find(_text(query, "the query"), limit)

    def territory(self, name: TerritoryRef) -> Territory:
        """Return the territory with this id, name or alias (case-, accent-, punctuation-insensitive).

        Raises:
            UnknownNameError: No territory has that name; ``suggestions`` lists the closest.

        Examples:
            >>> import caucasus_conflict as cc
            >>> cc.load().territory("Artsakh").name
            'Nagorno-Karabakh'
        """
        return self._named(self._state.territories, Territory, name)

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
        return self._get_named(self._state.territories, Territory, name, default)

    def find_territories(self, query: str, *, limit: int = 5) -> tuple[Territory, ...]:
        """Return up to *limit* territories whose names are closest to *query*, best first.

        Examples:
            >>> import caucasus_conflict as cc
            >>> cc.load().find_territories("Lachin")[0].id
            'lachin-corridor'
        """
        return self._state.territories.find(_text(query, "the query"), limit)

    def _by_id(self, record_id: str, cls: type[T], kind: str) -> T:
        found = self._state.by_id.get(_text(record_id, f"the {kind}'s id"))
        if not isinstance(found, cls):
            ids = [k for k, v in self._state.by_id.items() if isinstance(v, cls)]
            raise UnknownNameError(kind, record_id, difflib.get_close_matches(record_id, ids, n=3))
        return found

    def record(self, record_id: str) -> Record:
        """Return the record of any type with this id.

        Examples:
            >>> import caucasus_conflict as cc
            >>> type(cc.load().record("lachin-corridor")).__name__
            'Territory'
        """
        found = self._state.by_id.get(_text(record_id, "the record's id"))
        if found is None:
            raise UnknownNameError("record", record_id,
                                   difflib.get_close_matches(record_id, list(self._state.by_id), n=3))
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
            return self._own(entity)
        text = _text(entity, "an actor, territory or event, or its id or name")
        found = self._state.by_id.get(text)
        if isinstance(found, Actor | Territory | Event):
            return found
        named = self._state.actors.get(text) or self._state.territories.get(text)
        if named is not None:
            return named
        suggestions = self._state.actors.suggest(text) + self._state.territories.suggest(text)
        raise UnknownNameError("actor, territory or event", text, suggestions[:3])

    def parts_of(self, territory: TerritoryRef) -> tuple[Territory, ...]:
        """Return the territories recorded as part of *territory* (``part_of_id``), by id.

        Examples:
            >>> import caucasus_conflict as cc
            >>> "yevlakh" in [t.id for t in cc.load().parts_of("azerbaijan-territory")]
            True
        """
        return self._state.indexes.parts.get(self.territory(territory).id, ())

    def claims_in_order(self) -> tuple[Claim, ...]:
        """Return every claim in chronological order (``claims`` keeps file order).

        Examples:
            >>> import caucasus_conflict as cc
            >>> ds = cc.load()
            >>> sorted(c.id for c in ds.claims_in_order()) == sorted(c.id for c in ds.claims)
            True
        """
        return self._state.indexes.claims

    def ceasefires_in_order(self) -> tuple[Ceasefire, ...]:
        """Return every ceasefire by declared date (``ceasefires`` keeps file order).

        Examples:
            >>> import caucasus_conflict as cc
            >>> [c.declared.format() for c in cc.load().ceasefires_in_order()]
            ['2020-11']
        """
        return self._state.indexes.ceasefires

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
        index = self._state.indexes.events
        ranks = index.within(low, high) if within else index.overlapping(low, high)
        if include_undated:
            ranks.extend(index.undated)
        return _picked(index.order, ranks)

    def events_matching(self, *, actor: ActorRef | None = None, role: Role | str | None = None,
                        territory: TerritoryRef | None = None, kind: EventKind | str | None = None,
                        start: DateLike | None = None, end: DateLike | None = None, within: bool = False,
                        include_undated: bool = False) -> tuple[Event, ...]:
        """Return the events that meet every filter given, in chronological order.

        Each filter is the query of the same name: *actor* (and *role*) as
        `events_involving`, *territory* as `events_in`, *kind* as `events_of_kind`, and
        a window (*start*, *end*, *within*) as `events_between`. With no window, every
        event qualifies by date, undated ones included only with ``include_undated=True``
        (listed last). With no filter at all, this is `chronology` less the undated events.

        Raises:
            UnknownNameError: No actor or territory has that name.
            QueryError: *role* without *actor*, or a kind or role that does not exist.
            TimeSpanError: A window bound cannot be parsed.

        Examples:
            >>> import caucasus_conflict as cc
            >>> [e.id for e in cc.load().events_matching(actor="Baku", kind="offensive", start="2023")]
            ['offensive-2023']
        """
        if role is not None and actor is None:
            raise QueryError("'role' needs 'actor': the role is the one that actor plays")
        index = self._state.indexes.events
        groups: list[tuple[Event, ...]] = []
        if actor is not None:
            groups.append(self.events_involving(actor, role=role))
        if territory is not None:
            groups.append(self.events_in(territory))
        if kind is not None:
            groups.append(self.events_of_kind(kind))
        windowed = start is not None or end is not None
        if windowed:
            groups.append(self.events_between(start, end, within=within, include_undated=include_undated))
        if not groups:
            return index.order if include_undated else self.events_between(None, None)
        # Intersect the smallest group with the others; every group is in chronological order.
        groups.sort(key=len)
        keep = groups[0]
        for other in groups[1:]:
            ids = {id(e) for e in other}
            keep = tuple(e for e in keep if id(e) in ids)
        if not windowed and not include_undated:
            keep = tuple(e for e in keep if e.span.is_known)
        return keep

    def undated_events(self) -> tuple[Event, ...]:
        """Return the events whose date is unknown, in the documented order (stated first, then by id).

        Examples:
            >>> import caucasus_conflict as cc
            >>> all(e.span.is_known is False for e in cc.load().undated_events())
            True
        """
        index = self._state.indexes.events
        return tuple(index.order[r] for r in index.undated)

    def chronology(self) -> tuple[Event, ...]:
        """Return every event in chronological order, undated ones last.

        Examples:
            >>> import caucasus_conflict as cc
            >>> ds = cc.load()
            >>> len(ds.chronology()) == len(ds.events)
            True
        """
        return self._state.indexes.events.order

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
        found = self._state.indexes.events.by_actor.get(actor_id, ())
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
        return self._state.indexes.events.by_kind.get(_member(EventKind, kind), ())

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
        return self._state.indexes.events.by_territory.get(territory_id, ())

    # -- stances, claims, control ------------------------------------------------------

    def stances_by(self, holder: ActorRef) -> tuple[Stance, ...]:
        """Return the stances *holder* takes, toward anyone or anything, in chronological order.

        Examples:
            >>> import caucasus_conflict as cc
            >>> all(s.holder_id == "turkey" for s in cc.load().stances_by("Ankara"))
            True
        """
        return self._state.indexes.stances_by.get(self.actor(holder).id, ())

    def stances_toward(self, kind: StanceKind | str, *, toward: EntityRef,
                       at: DateLike | None = None) -> tuple[Stance, ...]:
        """Return the stances of *kind* toward an actor, territory or event, in order.

        With *at*, only stances whose span overlaps it; undated stances never do.

        Examples:
            >>> import caucasus_conflict as cc
            >>> {s.holder_id for s in cc.load().stances_toward("supports", toward="Azerbaijan")} >= {"turkey"}
            True
        """
        key = (_member(StanceKind, kind), self.resolve(toward).id)
        stances = self._state.indexes.stances_toward.get(key, ())
        if at is None:
            return stances
        low, high = _day_bounds(at)
        return tuple(s for s in stances if (b := s.span.ordinals) is not None and b[0] <= high and low <= b[1])

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
        return self._state.indexes.claims_by.get(self.actor(actor).id, ())

    def unattributed_claims(self) -> tuple[Claim, ...]:
        """Return the claims the source reports without naming who made them.

        Examples:
            >>> import caucasus_conflict as cc
            >>> all(c.claimant_id is None for c in cc.load().unattributed_claims())
            True
        """
        return self._state.indexes.claims_by.get(None, ())

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
        return self._state.indexes.claims_about.get(self.resolve(entity).id, ())

    def claims_matching(self, *, by: ActorRef | None = None, about: EntityRef | None = None) -> tuple[Claim, ...]:
        """Return the claims made by *by* and about *about* (each optional), in chronological order.

        Examples:
            >>> import caucasus_conflict as cc
            >>> [c.claimant_id for c in cc.load().claims_matching(by="Yerevan", about="Baku")][:1]
            ['armenia']
        """
        groups = [g for g in (None if by is None else self.claims_by(by),
                              None if about is None else self.claims_about(about)) if g is not None]
        if not groups:
            return self._state.indexes.claims
        keep = groups[0]
        for other in groups[1:]:
            ids = {id(c) for c in other}
            keep = tuple(c for c in keep if id(c) in ids)
        return keep

    def contradictions(self, *, by: ActorRef | None = None,
                       about: EntityRef | None = None) -> tuple[tuple[Claim, Claim], ...]:
        """Return each pair of claims where one disputes the other, once, earlier claim first.

        Two claims that dispute each other make one pair. With *by* or *about*, only the
        pairs in which at least one claim is among `claims_matching` with those filters.

        Examples:
            >>> import caucasus_conflict as cc
            >>> pairs = cc.load().contradictions()
            >>> all(b.id in a.disputes_ids or a.id in b.disputes_ids for a, b in pairs)
            True
            >>> all("armenia" in (a.claimant_id, b.claimant_id) for a, b in cc.load().contradictions(by="Yerevan"))
            True
        """
        pairs = self._state.indexes.contradictions
        if by is None and about is None:
            return pairs
        keep = {id(c) for c in self.claims_matching(by=by, about=about)}
        return tuple(p for p in pairs if id(p[0]) in keep or id(p[1]) in keep)

    def controller_of(self, territory: TerritoryRef, *, at: DateLike) -> tuple[ControlPeriod, ...]:
        """Return the control periods of *territory* in force at some time during *at*.

        ``at="2021-06-01"`` is one day; ``at="2020"`` is the whole year, so periods that
        ended and began during 2020 are both returned. Periods come in chronological order.

        Examples:
            >>> import caucasus_conflict as cc
            >>> [p.controller_ids for p in cc.load().controller_of("Lachin corridor", at="2021-06-01")]
            [('russia',)]
        """
        low, high = _day_bounds(at)
        periods = [p for p in self.territory(territory).control
                   if (b := p.span.ordinals) is not None and b[0] <= high and low <= b[1]]
        return tuple(chronological(periods, by_id=False)) if len(periods) > 1 else tuple(periods)

    def control_history(self, territory: TerritoryRef) -> tuple[ControlPeriod, ...]:
        """Return every control period of *territory*, in chronological order.

        Examples:
            >>> import caucasus_conflict as cc
            >>> len(cc.load().control_history("Lachin corridor")) >= 1
            True
        """
        return tuple(chronological(self.territory(territory).control, by_id=False))

    def ceasefires_involving(self, actor: ActorRef) -> tuple[Ceasefire, ...]:
        """Return the ceasefires *actor* is a party to or mediated, by declared date.

        Examples:
            >>> import caucasus_conflict as cc
            >>> [c.declared.format() for c in cc.load().ceasefires_involving("Russia")]
            ['2020-11']
        """
        actor_id = self.actor(actor).id
        return tuple(c for c in self._state.indexes.ceasefires if actor_id in c.actor_ids)

    def ceasefires_between(self, start: DateLike | None, end: DateLike | None, *, within: bool = False,
                           actor: ActorRef | None = None) -> tuple[Ceasefire, ...]:
        """Return the ceasefires declared in a window, by declared date.

        The window is read as in `events_between`: a ceasefire's *declared* date
        overlaps it (or, with ``within=True``, lies inside it); ``None`` leaves a side
        open. With *actor*, only the ceasefires it is a party to or mediated.

        Raises:
            TimeSpanError: A bound cannot be parsed, is undated, or the window ends before
                it starts.

        Examples:
            >>> import caucasus_conflict as cc
            >>> [c.id for c in cc.load().ceasefires_between("2020", "2020")]
            ['armistice-2020-11']
            >>> cc.load().ceasefires_between("2021", None)
            ()
        """
        low, high = _window(start, end)
        pool = self.ceasefires_involving(actor) if actor is not None else self._state.indexes.ceasefires
        found = []
        for ceasefire in pool:
            bounds = ceasefire.declared.ordinals
            if bounds is None:
                continue
            first, last = bounds
            if (low <= first and last <= high) if within else (first <= high and low <= last):
                found.append(ceasefire)
        return tuple(found)


def _text(value: object, what: str) -> str:
    """*value* if it is a string; an `ArgumentTypeError` saying what was expected if not."""
    if not isinstance(value, str):
        raise ArgumentTypeError(None, "be a string", value,
                                message=f"expected {what} as a string (got {type(value).__name__}: {value!r})")
    return value


def _name_text(cls: type, name: object) -> str:
    return _text(name, f"{a_noun(cls.__name__)}, or its id, name or alias,")


E = TypeVar("E", bound=enum.Enum)


def _member(cls: type[E], value: E | str) -> E:
    """The member of *cls* that *value* is or names; QueryError listing the choices if none."""
    if isinstance(value, cls):
        return value
    try:
        return cls(value)
    except ValueError:
        choices = ", ".join(repr(m.value) for m in cls)
        close = difflib.get_close_matches(str(value), [str(m.value) for m in cls], n=1, cutoff=0.6)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise QueryError(f"{value!r} is not a valid {cls.__name__}{hint}; expected one of {choices}") from None


def _dated(value: DateLike) -> TimeSpan:
    try:
        span = TimeSpan.coerce(value)
    except TypeError as exc:
        if isinstance(exc, ArgumentTypeError):
            raise
        raise ArgumentTypeError(None, "be a TimeSpan, a date or a 'YYYY[-MM[-DD]]' string", value,
                                message=str(exc)) from None
    if not span.is_known:
        raise TimeSpanError(span.format(), "a query date must be known",
                            hint="give a date, or None for an open end; undated_events() lists undated records")
    return span


# A query bound written "YYYY-MM-DD" is read straight to its day number: through
# TimeSpan.parse it cost more than the query. Anything else, and any day that does
# not exist, goes the long way, which says what is wrong.
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def _day_number(value: object) -> int | None:
    """The day number of a ``YYYY-MM-DD`` string or a date (not a datetime), if it is one; else ``None``."""
    if type(value) is str:
        if len(value) == 10 and _ISO_DAY.fullmatch(value):
            try:  # exactly YYYY-MM-DD, which fromisoformat reads; it refuses days that do not exist
                return _dt.date.fromisoformat(value).toordinal()
            except ValueError:
                return None
        return None
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        return value.toordinal()
    return None


def _day_bounds(value: DateLike) -> tuple[int, int]:
    """First and last day number of a query date (``at=``), as `_dated` reads it."""
    day = _day_number(value)
    if day is not None:
        return day, day
    bounds = _dated(value).ordinals
    assert bounds is not None  # _dated refuses unknown spans
    return bounds


def _picked(order: tuple[Event, ...], ranks: list[int]) -> tuple[Event, ...]:
    """The events at *ranks* of *order*, gathered in C."""
    if len(ranks) > 1:
        return itemgetter(*ranks)(order)  # type: ignore[no-any-return]
    return (order[ranks[0]],) if ranks else ()


def _window(start: DateLike | None, end: DateLike | None) -> tuple[int, int]:
    low = MIN_ORDINAL if start is None else _day_number(start)
    high = MAX_ORDINAL if end is None else _day_number(end)
    if low is not None and high is not None and low <= high:
        return low, high
    first = _dated(start) if start is not None else None
    last = _dated(end) if end is not None else None
    low = first.first_day.toordinal() if first is not None and first.first_day is not None else MIN_ORDINAL
    high = last.last_day.toordinal() if last is not None and last.last_day is not None else MAX_ORDINAL
    if high < low and first is not None and last is not None:
        raise TimeSpanError(f"from {first.format()} to {last.format()}", "the window ends before it starts",
                            hint="swap the start and the end")
    return low, high

