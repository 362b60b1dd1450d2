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
* A source knows nothing after its horizon (`Source.horizon`). A record with an open
  end that a date or window reaches only past the horizon of the sources it cites is
  "last known as of" that horizon: `Dataset.last_known_as_of` says so, and
  ``known_only=True`` leaves such records out of every ``at=`` and window query.
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import math
import threading
from collections.abc import Callable, Mapping, Sequence
from operator import itemgetter
from typing import TYPE_CHECKING, Protocol, TypeVar, overload

import attrs

from ._gc import gc_paused
from ._index import Indexes, build_indexes, chronological, grouped
from ._integrity import a_noun, check_integrity
from ._names import Names
from ._registry import RECORD_TYPES
from ._similar import close_matches
from ._validators import check_tuples
from .errors import (
    ArgumentTypeError,
    DataError,
    Problem,
    QueryError,
    TimeSpanError,
    UnknownExternalIdError,
    UnknownNameError,
    preview,
)
from .kinds import CasualtyGroup, EventKind, Role, Side, StanceKind
from .model import (
    Actor,
    Ceasefire,
    Citation,
    Claim,
    Conflict,
    ControlPeriod,
    Dyad,
    Event,
    Membership,
    Record,
    RoleHeld,
    Source,
    SourceId,
    Stance,
    Territory,
)
from .timespan import MAX_ORDINAL, MIN_ORDINAL, DateLike, TimeSpan

if TYPE_CHECKING:  # pragma: no cover - the extras are imported only when a table is asked for
    import pandas
    import pyarrow

    # Reports, merging and merge candidates are imported when first asked for: loading a data
    # set needs none of them (#13).
    from ._candidates import MergeCandidate
    from .reports import BattleDeathsFigure, CasualtyFigure, CasualtyTotal, Corroboration, Profile, SearchHit

__all__ = ["ActorRef", "Cited", "ConflictRef", "Dataset", "DyadRef", "EntityRef", "TerritoryRef"]

T = TypeVar("T")
R = TypeVar("R", Source, Actor, Territory, Event, Ceasefire, Claim, Stance, Conflict, Dyad)
D = TypeVar("D")
N = TypeVar("N", Actor, Territory, Conflict, Dyad)

ActorRef = Actor | str
"""An actor, its id, or any of its names or aliases."""
TerritoryRef = Territory | str
"""A territory, its id, or any of its names or aliases."""
ConflictRef = Conflict | str
"""A conflict, its id, or any of its names or aliases."""
DyadRef = Dyad | str
"""A dyad, its id, or any of its names or aliases."""
EntityRef = Actor | Territory | Event | str
"""An actor, territory or event, or an id or name of one (actors are tried first)."""


_CLASSES = tuple(rtype.cls for rtype in RECORD_TYPES)
#: The collections `build_indexes` reads.
_INDEXED = ("events", "claims", "stances", "ceasefires", "territories")


class Cited(Protocol):
    """Anything that cites sources: every record but `Source`, and the nested values
    (control periods, memberships, roles, statuses, populations, casualties, provisions).

    What `Dataset.horizon_of` and `Dataset.last_known_as_of` take.

    Added in 0.2.

    Examples:
        >>> import caucasus_conflict as cc
        >>> ds = cc.load()
        >>> period: cc.Cited = ds.territory("Lachin corridor").control[0]
        >>> ds.horizon_of(period).format()
        '2023-09'
    """

    @property
    def citations(self) -> tuple[Citation, ...]: ...  # pragma: no cover - a protocol


C = TypeVar("C", bound=Cited)


class _State:
    """What a data set built from its records: the lookup tables, and its indexes on first use.

    The integrity check's tables (``by_id``, the name tables, ``external``) are built with
    the data set, as the check needs them. The query indexes (`Indexes`) are built by the
    first query that reads them, once, under a lock, so that a data set that is only
    checked, converted or written (``import``, ``validate``, `Dataset.merge`'s inputs)
    never pays for them, and two threads never build them twice.
    """

    __slots__ = ("_built", "_inputs", "_lock", "actors", "by_id", "conflicts", "dyads", "external",
                 "territories")

    def __init__(self, *, by_id: dict[str, Record], actors: Names[Actor], territories: Names[Territory],
                 external: dict[tuple[str, str], tuple[Record, ...]], conflicts: Names[Conflict],
                 dyads: Names[Dyad], inputs: dict[str, tuple[Record, ...]]) -> None:
        self.by_id = by_id
        self.actors = actors
        self.territories = territories
        self.external = external
        self.conflicts = conflicts
        self.dyads = dyads
        # The record tuples the indexes are built from (not the data set: no reference cycle).
        self._inputs: dict[str, tuple[Record, ...]] | None = inputs
        self._built: Indexes | None = None
        self._lock = threading.Lock()

    @property
    def indexes(self) -> Indexes:
        built = self._built
        if built is None:
            with self._lock:
                built = self._built
                if built is None:
                    inputs = self._inputs
                    assert inputs is not None
                    with gc_paused():  # see caucasus_conflict._gc: half the first query's time at 10^5
                        built = self._built = build_indexes(**inputs)  # type: ignore[arg-type]
                    self._inputs = None
        return built


@attrs.frozen(kw_only=True, field_transformer=check_tuples)
class Dataset:
    """All the records of one data set, checked and indexed; immutable and thread-safe.

    The records are checked when the data set is built; the query indexes are built by
    its first query (once, under a lock), so a data set that is only checked, converted
    or written never pays for them.

    Build one from records (``Dataset(actors=(...), events=(...), ...)``), load one
    with `caucasus_conflict.load`, or read a UCDP file with `caucasus_conflict.read`.

    ``problems`` lists what a reader of another format found wrong in its source and
    set aside (each with file, line and column); it is empty for the library's own files,
    and not part of equality.

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
    conflicts: tuple[Conflict, ...] = ()
    dyads: tuple[Dyad, ...] = ()
    problems: tuple[Problem, ...] = attrs.field(default=(), eq=False)
    _state: _State = attrs.field(init=False, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        collections: dict[str, tuple[Record, ...]] = {}
        for rtype in RECORD_TYPES:
            records = getattr(self, rtype.collection)
            cls = rtype.cls
            if set(map(type, records)) <= {cls}:  # the common case, checked in C; else find the first stranger
                collections[rtype.collection] = records
                continue
            for position, record in enumerate(records):
                if type(record) is not cls and not isinstance(record, cls):
                    raise ArgumentTypeError(f"{rtype.collection}[{position}]", f"be {a_noun(cls.__name__)}", record,
                                            message=f"{rtype.collection}[{position}] must be {a_noun(cls.__name__)} "
                                     f"(got {type(record).__name__}); pass {cls.__name__} records in "
                                     f"{rtype.collection!r}")
            collections[rtype.collection] = records
        with gc_paused():  # the check's tables: see caucasus_conflict._gc
            checked = check_integrity(collections)
        object.__setattr__(self, "_state", _State(by_id=checked.by_id, actors=checked.actors,
                                                  territories=checked.territories, external=checked.external,
                                                  conflicts=checked.conflicts, dyads=checked.dyads,
                                                  inputs={name: collections[name] for name in _INDEXED}))

    # -- merging --------------------------------------------------------------------

    def merge(self, *others: Dataset, mapping: Mapping[str, str] | None = None) -> Dataset:
        """Return one data set holding this one's records and those of *others*.

        Records are the same record only when they are of one type and share an
        external id (scheme and value), or when *mapping* maps the other's id to a held
        id (``{"ucdp-actor-64": "azerbaijan"}``); a name alone never joins them. A
        joined record keeps the first's id and fields and gains the other's external ids,
        citations and (actors, territories) names as aliases; references to the other's
        id are rewritten. Records that are equal are kept once. `problems` are carried over.
        Joined conflicts and dyads carry the years of both (a year both give is one year,
        citing both; a value one leaves unknown is taken from the other), and the kept
        record's empty fields are filled from the other's.

        Raises:
            DataError: An id is in two data sets for different records, a mapping names
                no record of the right type, or a record's external ids match several
                held records; two joined conflicts or dyads give different values for one
                year (an intensity, battle deaths), which is never settled by picking one;
                or the merged records fail the integrity check (two actors with one name, say).

        Examples:
            >>> import caucasus_conflict as cc
            >>> ds = cc.load()
            >>> ds.merge(ds) == ds
            True
        """
        for position, other in enumerate(others):
            if not isinstance(other, Dataset):
                raise ArgumentTypeError(f"others[{position}]", "be a Dataset", other,
                                        message=f"merge() takes data sets (got {type(other).__name__} "
                                                f"as argument {position + 1})")
        from ._merge import merged_collections, name_clash_advice

        collections = merged_collections((self, *others), mapping or {})
        problems = tuple(p for ds in (self, *others) for p in ds.problems)
        try:
            return Dataset(**collections, problems=problems)  # type: ignore[arg-type]
        except DataError as exc:  # the merged records break a rule: say how a mapping would help, where it would
            advice = name_clash_advice((self, *others))
            if advice is None:
                raise
            raise DataError(exc.problems, file=exc.file, advice=advice) from None

    def merge_candidates(self, other: Dataset, *, mapping: Mapping[str, str] | None = None
                         ) -> tuple[MergeCandidate, ...]:
        """Records of *other* that may be records of this one, though `merge` would not join them.

        A likely duplicate across sources (one ceasefire recorded by the article and by a
        data file, with no shared id) is reported with its evidence, never joined: two
        ceasefires whose parties are all parties of the other and whose declared dates can
        share a day, and two actors with one name (after folding). Pairs that `merge`
        joins (one id, a shared external id, *mapping*) are left out. To join a candidate,
        pass ``mapping={candidate.other_id: candidate.id}`` to `merge`.

        Args:
            other: The data set to compare with.
            mapping: The mapping that will be passed to `merge`.

        Returns:
            Frozen `MergeCandidate` records, sorted by record type and ids.

        Examples:
            >>> import attrs, caucasus_conflict as cc
            >>> ds = cc.load()
            >>> ds.merge_candidates(ds)
            ()
            >>> statement = attrs.evolve(ds.ceasefire("armistice-2020-11"), id="statement", provisions=(),
            ...                          territory_ids=(), strained_by_ids=(), event_id=None,
            ...                          declared=cc.TimeSpan.parse("2020-11-10"), external_ids=())
            >>> other = cc.Dataset(sources=ds.sources, actors=ds.actors, ceasefires=(statement,))
            >>> [(c.id, c.other_id) for c in ds.merge_candidates(other) if c.record_type == "ceasefire"]
            [('armistice-2020-11', 'statement')]
        """
        if not isinstance(other, Dataset):
            raise ArgumentTypeError("other", "be a Dataset", other,
                                    message=f"merge_candidates() takes a data set (got {type(other).__name__})")
        from ._candidates import merge_candidates

        return merge_candidates(self, other, mapping or {})

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
            raise UnknownNameError(kind, record_id, close_matches(record_id, ids, n=3))
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
                                   close_matches(record_id, list(self._state.by_id), n=3))
        return found

    @overload
    def by_external_id(self, scheme: str, value: str | int, *, record_type: None = None) -> Record: ...
    @overload
    def by_external_id(self, scheme: str, value: str | int, *, record_type: type[R]) -> R: ...
    def by_external_id(self, scheme: str, value: str | int, *, record_type: type[R] | None = None) -> Record:
        """Return the record that carries the external id (*scheme*, *value*).

        *value* is compared as text; an integer is written in decimal (``373`` is ``"373"``).
        Within one record type a pair names one record at most; when records of several
        types carry it, *record_type* (``cc.Actor``, ``cc.Event``, …) says which one is meant.

        Raises:
            UnknownExternalIdError: No record (of *record_type*) carries the pair; ``suggestions``
                holds close values in the same scheme.
            QueryError: Records of several types carry it and *record_type* is not given.

        Examples:
            >>> import caucasus_conflict as cc
            >>> ds = cc.load()
            >>> ds.by_external_id("gwno", 373).name
            'Azerbaijan'
            >>> ds.by_external_id("pax", "2324", record_type=cc.Ceasefire).id
            'armistice-2020-11'
            >>> ds.by_external_id("gwno", "999")
            Traceback (most recent call last):
            caucasus_conflict.errors.UnknownExternalIdError: no record has the external id 'gwno:999'; values are compared as text, exactly as the other data set writes them
        """
        scheme = _text(scheme, "the scheme")
        if type(value) is int:
            value = str(value)
        value = _text(value, "the value")
        if record_type is not None and not (isinstance(record_type, type) and record_type in _CLASSES):
            raise ArgumentTypeError("record_type", "be a record class such as cc.Actor", record_type,
                                    message=f"record_type must be a record class "
                                            f"({', '.join(c.__name__ for c in _CLASSES)}), "
                                            f"got {preview(repr(record_type))}")
        found = self._state.external.get((scheme, value), ())
        if record_type is not None:
            found = tuple(r for r in found if type(r) is record_type)
        if len(found) == 1:
            return found[0]
        if found:
            types = ", ".join(sorted(type(r).__name__ for r in found))
            raise QueryError(f"external id {scheme}:{value} is on records of several types ({types}); "
                             f"pass record_type= to say which")
        kind = "record" if record_type is None else record_type.__name__.lower()
        values = [v for (s, v), records in self._state.external.items() if s == scheme
                  and (record_type is None or any(type(r) is record_type for r in records))]
        raise UnknownExternalIdError(kind, f"{scheme}:{value}",
                               [f"{scheme}:{v}" for v in close_matches(value, values, n=3)])

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

    def conflict(self, name: ConflictRef) -> Conflict:
        """Return the conflict with this id, name or alias (case-, accent-, punctuation-insensitive).

        Raises:
            UnknownNameError: No conflict has that name; ``suggestions`` lists the closest.

        Examples:
            >>> import caucasus_conflict as cc
            >>> cc.load().conflict("Azerbaijan: Nagorno-Karabakh")
            Traceback (most recent call last):
            caucasus_conflict.errors.UnknownNameError: no conflict named 'Azerbaijan: Nagorno-Karabakh'; check the spelling (ids, names and aliases are all accepted)
        """
        return self._named(self._state.conflicts, Conflict, name)

    @overload
    def get_conflict(self, name: ConflictRef) -> Conflict | None: ...
    @overload
    def get_conflict(self, name: ConflictRef, default: D) -> Conflict | D: ...
    def get_conflict(self, name: ConflictRef, default: object = None) -> object:
        """Return the conflict with this id, name or alias, or *default*.

        Examples:
            >>> import caucasus_conflict as cc
            >>> cc.load().get_conflict("ucdp-conflict-388") is None  # the article has no UCDP conflicts
            True
        """
        return self._get_named(self._state.conflicts, Conflict, name, default)

    def find_conflicts(self, query: str, *, limit: int = 5) -> tuple[Conflict, ...]:
        """Return up to *limit* conflicts whose names are closest to *query*, best first (ties by id).

        Examples:
            >>> import caucasus_conflict as cc
            >>> cc.load().find_conflicts("Karabakh")
            ()
        """
        return self._state.conflicts.find(_text(query, "the query"), limit)

    def dyad(self, name: DyadRef) -> Dyad:
        """Return the dyad with this id, name or alias (case-, accent-, punctuation-insensitive).

        Raises:
            UnknownNameError: No dyad has that name; ``suggestions`` lists the closest.

        Examples:
            >>> import caucasus_conflict as cc
            >>> cc.load().dyad("ucdp-dyad-833")
            Traceback (most recent call last):
            caucasus_conflict.errors.UnknownNameError: no dyad named 'ucdp-dyad-833'; check the spelling (ids, names and aliases are all accepted)
        """
        return self._named(self._state.dyads, Dyad, name)

    @overload
    def get_dyad(self, name: DyadRef) -> Dyad | None: ...
    @overload
    def get_dyad(self, name: DyadRef, default: D) -> Dyad | D: ...
    def get_dyad(self, name: DyadRef, default: object = None) -> object:
        """Return the dyad with this id, name or alias, or *default*.

        Examples:
            >>> import caucasus_conflict as cc
            >>> cc.load().get_dyad("ucdp-dyad-833", "none")
            'none'
        """
        return self._get_named(self._state.dyads, Dyad, name, default)

    def find_dyads(self, query: str, *, limit: int = 5) -> tuple[Dyad, ...]:
        """Return up to *limit* dyads whose names are closest to *query*, best first (ties by id).

        Examples:
            >>> import caucasus_conflict as cc
            >>> cc.load().find_dyads("Azerbaijan")
            ()
        """
        return self._state.dyads.find(_text(query, "the query"), limit)

    def conflicts_involving(self, actor: ActorRef, *, side: Side | str | None = None,
                            supporters: bool = True) -> tuple[Conflict, ...]:
        """Return the conflicts *actor* is a party to (or backed a side of), by id.

        With *side* (``"a"`` or ``"b"``), only those where it is on (or backed) that side;
        with ``supporters=False``, only those where it is a primary party.

        Raises:
            UnknownNameError: No actor has that name.
            QueryError: *side* is not a `Side`.

        Examples:
            >>> import caucasus_conflict as cc
            >>> cc.load().conflicts_involving("Azerbaijan")
            ()
        """
        wanted = None if side is None else _member(Side, side)
        actor_id = self.actor(actor).id
        return tuple(c for c in self._conflicts_by_actor.get(actor_id, ())
                     if any(p.actor_id == actor_id and (wanted is None or p.side is wanted)
                            and (supporters or p.role is not Role.SUPPORTER) for p in c.participants))

    def dyads_of(self, conflict: ConflictRef) -> tuple[Dyad, ...]:
        """Return the dyads of *conflict*, by id.

        Raises:
            UnknownNameError: No conflict has that name.

        Examples:
            >>> import caucasus_conflict as cc
            >>> cc.load().get_conflict("x") is None
            True
        """
        return self._dyads_by_conflict.get(self.conflict(conflict).id, ())

    # -- ceasefires of a conflict (#11: ETH/PRIO ucdp_acd_id, PA-X UcdpCon) --------------

    def ceasefires_of(self, conflict: ConflictRef) -> tuple[Ceasefire, ...]:
        """Return the ceasefires (and agreements) that name *conflict* in their ``conflict_ids``, by id.

        Raises:
            UnknownNameError: No conflict has that name.

        Examples:
            >>> import caucasus_conflict as cc, pathlib, tempfile
            >>> path = pathlib.Path(tempfile.mkdtemp()) / "cf.csv"
            >>> _ = path.write_text("cc,cf_id,uniq_id,actor_name,ucdp_acd_id,cf_dec_yr,cf_dec_month,cf_dec_day\\n"
            ...                     "700,1,5001,Government of Xland,9001,1994,5,12\\n", encoding="utf-8")
            >>> [c.id for c in cc.read(path).ceasefires_of("ucdp-conflict-9001")]
            ['ethprio-5001']
        """
        return self._ceasefires_by_conflict.get(self.conflict(conflict).id, ())

    @functools.cached_property
    def _ceasefires_by_conflict(self) -> dict[str, tuple[Ceasefire, ...]]:
        return grouped((cid, c) for c in sorted(self.ceasefires, key=lambda c: c.id) for cid in c.conflict_ids)

    def ceasefires_of_dyad(self, dyad: DyadRef) -> tuple[Ceasefire, ...]:
        """Return the ceasefires that name *dyad* in their ``dyad_ids``, by id.

        The dyad sibling of `ceasefires_of`: a ceasefire linked to a dyad only (ETH/PRIO's
        ``ucdp_dyad`` without a conflict in its own row) is found here, not by
        ``ceasefires_of(dyad.conflict_id)``.

        Raises:
            UnknownNameError: No dyad has that name.

        Examples:
            >>> import caucasus_conflict as cc, pathlib, tempfile
            >>> path = pathlib.Path(tempfile.mkdtemp()) / "cf.csv"
            >>> _ = path.write_text("cc,cf_id,uniq_id,actor_name,ucdp_acd_id,ucdp_dyad,cf_dec_yr,cf_dec_month,"
            ...                     "cf_dec_day\\n700,1,5001,Government of Xland,9001,9301,1994,5,12\\n",
            ...                     encoding="utf-8")
            >>> ds = cc.read(path)
            >>> [c.id for c in ds.ceasefires_of_dyad("ucdp-dyad-9301")], ds.dyad("ucdp-dyad-9301").conflict_id
            (['ethprio-5001'], 'ucdp-conflict-9001')
        """
        return self._ceasefires_by_dyad.get(self.dyad(dyad).id, ())

    @functools.cached_property
    def _ceasefires_by_dyad(self) -> dict[str, tuple[Ceasefire, ...]]:
        return grouped((did, c) for c in sorted(self.ceasefires, key=lambda c: c.id) for did in c.dyad_ids)

    def dyads_involving(self, actor: ActorRef) -> tuple[Dyad, ...]:
        """Return the dyads *actor* is on a side of, by id.

        Raises:
            UnknownNameError: No actor has that name.

        Examples:
            >>> import caucasus_conflict as cc
            >>> cc.load().dyads_involving("Armenia")
            ()
        """
        actor_id = self.actor(actor).id
        return tuple(d for d in self._sorted_dyads if actor_id in d.actor_ids)

    @functools.cached_property
    def _sorted_dyads(self) -> tuple[Dyad, ...]:
        return tuple(sorted(self.dyads, key=lambda d: d.id))

    @functools.cached_property
    def _conflicts_by_actor(self) -> dict[str, tuple[Conflict, ...]]:
        return grouped((aid, c) for c in sorted(self.conflicts, key=lambda c: c.id) for aid in c.actor_ids)

    @functools.cached_property
    def _dyads_by_conflict(self) -> dict[str, tuple[Dyad, ...]]:
        return grouped((d.conflict_id, d) for d in self._sorted_dyads)

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
        found = self._resolved(text)
        if found is not None:
            return found
        # Each suggestion, passed back, must give the record it stands for: a territory
        # whose name an actor also has ("Azerbaijan") is offered by its id.
        offered: dict[str, None] = {}
        close: list[tuple[str, Actor | Territory]] = [*self._state.actors.suggest_records(text),
                                                      *self._state.territories.suggest_records(text)]
        for shown, record in close:
            offered.setdefault(shown if self._resolved(shown) is record else record.id)
        raise UnknownNameError("actor, territory or event", text, list(offered)[:3])

    def _resolved(self, text: str) -> Actor | Territory | Event | None:
        found = self._state.by_id.get(text)
        if isinstance(found, Actor | Territory | Event):
            return found
        return self._state.actors.get(text) or self._state.territories.get(text)

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
                       include_undated: bool = False, known_only: bool = False) -> tuple[Event, ...]:
        """Return the events overlapping (or, with ``within=True``, inside) a window, in order.

        The window runs from the first day of *start* to the last day of *end*, so
        ``events_between("2023-09", "2023-09")`` is the whole of September 2023; ``None``
        leaves that side of the window open. An event
        *overlaps* the window when it can share a day with it (an event dated ``2020``
        overlaps a window in March 2020); it is *within* it when every day it can cover
        lies inside. Undated events are appended only with ``include_undated=True``.
        With ``known_only=True``, open-ended events that reach the window only past their
        sources' horizon are left out (see `last_known_as_of`).
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
        found = _picked(index.order, ranks)
        return self._known(found, _event_span, low) if known_only else found

    def events_matching(self, *, actor: ActorRef | None = None, role: Role | str | None = None,
                        territory: TerritoryRef | None = None, kind: EventKind | str | None = None,
                        start: DateLike | None = None, end: DateLike | None = None, within: bool = False,
                        include_undated: bool = False, known_only: bool = False) -> tuple[Event, ...]:
        """Return the events that meet every filter given, in chronological order.

        Each filter is the query of the same name: *actor* (and *role*) as
        `events_involving`, *territory* as `events_in`, *kind* as `events_of_kind`, and
        a window (*start*, *end*, *within*) as `events_between`. With no window, every
        event qualifies by date, undated ones included only with ``include_undated=True``
        (listed last). With no filter at all, this is `chronology` less the undated events.
        *known_only* is passed to `events_between`; without a window it changes nothing.

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
            groups.append(self.events_between(start, end, within=within, include_undated=include_undated,
                                              known_only=known_only))
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

    def events_near(self, latitude: float, longitude: float, km: float) -> tuple[Event, ...]:
        """Return the events whose location lies within *km* kilometres of a point, in order.

        The distance is the great-circle distance on a sphere of the Earth's mean radius
        (6,371.0088 km), between the point and the event's `Location` coordinates; events
        without coordinates are never near anything. A location's precision code says how
        exactly its coordinates place the event: a whole-country centroid (GED ``where_prec``
        6) is near only its centroid.

        Added in 0.3.

        Raises:
            ArgumentTypeError: An argument is not a number.
            QueryError: A coordinate is out of range, or *km* is negative or not finite.

        Examples:
            >>> import caucasus_conflict as cc
            >>> cc.load().events_near(39.82, 46.75, 50)
            ()
        """
        point = []
        for name, value, limit in (("latitude", latitude, 90), ("longitude", longitude, 180), ("km", km, None)):
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ArgumentTypeError(name, "be a number", value)
            if not (math.isfinite(value) and (value >= 0 if limit is None else -limit <= value <= limit)):
                bounds = f"between -{limit} and {limit}" if limit is not None else "a finite number >= 0"
                raise QueryError(f"{name!r} must be {bounds} (got {preview(value)})")
            point.append(float(value))
        lat, lon, radius = point
        return tuple(e for e in self._state.indexes.events.order
                     if e.location is not None and e.location.latitude is not None
                     and e.location.longitude is not None
                     and _great_circle_km(lat, lon, e.location.latitude, e.location.longitude) <= radius)

    # -- stances, claims, control ------------------------------------------------------

    def stances_by(self, holder: ActorRef) -> tuple[Stance, ...]:
        """Return the stances *holder* takes, toward anyone or anything, in chronological order.

        Examples:
            >>> import caucasus_conflict as cc
            >>> all(s.holder_id == "turkey" for s in cc.load().stances_by("Ankara"))
            True
        """
        return self._state.indexes.stances_by.get(self.actor(holder).id, ())

    def stances_toward(self, kind: StanceKind | str, *, toward: EntityRef | None = None,
                       at: DateLike | None = None, known_only: bool = False) -> tuple[Stance, ...]:
        """Return the stances of *kind* toward an actor, territory or event, in order.

        Without *toward* (``None``), the stances of *kind* toward anyone or anything (#12).
        With *at*, only stances whose span overlaps it; undated stances never do. An
        open-ended stance that reaches *at* only past its sources' horizon is last known
        (`last_known_as_of`); ``known_only=True`` leaves it out.

        Examples:
            >>> import caucasus_conflict as cc
            >>> {s.holder_id for s in cc.load().stances_toward("supports", toward="Azerbaijan")} >= {"turkey"}
            True
            >>> {s.kind.value for s in cc.load().stances_toward("mediates")}
            {'mediates'}
        """
        member = _member(StanceKind, kind)
        if toward is None:
            stances = tuple(s for s in self._state.indexes.stances if s.kind is member)
        else:
            stances = self._state.indexes.stances_toward.get((member, self.resolve(toward).id), ())
        if at is None:
            return stances
        low, high = _day_bounds(at)
        found = tuple(s for s in stances if (b := s.span.ordinals) is not None and b[0] <= high and low <= b[1])
        return self._known(found, _span, low) if known_only else found

    def actors_by_stance(self, kind: StanceKind | str, *, toward: EntityRef | None = None,
                         at: DateLike | None = None, known_only: bool = False) -> tuple[Actor, ...]:
        """Return the actors holding a stance of *kind* toward *toward*, by id.

        *toward* is an actor, territory or event (or an id or name of one); without it
        (``None``), the actors holding that stance toward anyone or anything (#12). With *at*,
        only stances whose span overlaps that date count; with ``known_only=True``, only
        those known at it (as in `stances_toward`, which gives the stances to mark).

        Examples:
            >>> import caucasus_conflict as cc
            >>> [a.id for a in cc.load().actors_by_stance("supports", toward="Baku")]
            ['turkey']
            >>> "russia" in [a.id for a in cc.load().actors_by_stance("mediates")]
            True
        """
        holders = {s.holder_id for s in self.stances_toward(kind, toward=toward, at=at, known_only=known_only)}
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

    def controller_of(self, territory: TerritoryRef, *, at: DateLike,
                      known_only: bool = False) -> tuple[ControlPeriod, ...]:
        """Return the control periods of *territory* in force at some time during *at*.

        ``at="2021-06-01"`` is one day; ``at="2020"`` is the whole year, so periods that
        ended and began during 2020 are both returned. Periods come in chronological order.
        An open-ended period that reaches *at* only past its sources' horizon is last
        known (`last_known_as_of`); ``known_only=True`` leaves it out.

        Examples:
            >>> import caucasus_conflict as cc
            >>> [p.controller_ids for p in cc.load().controller_of("Lachin corridor", at="2021-06-01")]
            [('russia',)]
        """
        low, high = _day_bounds(at)
        # A territory of this data set is taken as it is (the commonest call, and on a territory of
        # a few periods the look-up cost as much as the answer); anything else is looked up.
        if type(territory) is not Territory or self._state.by_id.get(territory.id) is not territory:
            territory = self.territory(territory)
        periods = [p for p in territory.control
                   if (b := p.span.ordinals) is not None and b[0] <= high and low <= b[1]]
        found = tuple(chronological(periods, by_id=False)) if len(periods) > 1 else tuple(periods)
        return self._known(found, _span, low) if known_only else found

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
                           actor: ActorRef | None = None, known_only: bool = False) -> tuple[Ceasefire, ...]:
        """Return the ceasefires declared in a window, by declared date.

        The window is read as in `events_between`: a ceasefire's *declared* date
        overlaps it (or, with ``within=True``, lies inside it); ``None`` leaves a side
        open. With *actor*, only the ceasefires it is a party to or mediated. With
        ``known_only=True``, open-ended declared dates that reach the window only past
        their sources' horizon are left out (see `last_known_as_of`).

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
        return self._known(tuple(found), _declared, low) if known_only else tuple(found)

    def ceasefires_in_force(self, at: DateLike, *, actor: ActorRef | None = None,
                            known_only: bool = False) -> tuple[Ceasefire, ...]:
        """Return the ceasefires that can be in force at some time during *at*, by declared date.

        A ceasefire is in force from when it took effect (``effective``; where that is
        ``None`` or unknown, from its declaration, which it cannot precede) until it ended.
        Its end keeps three meanings apart (docs/dates-and-queries.md, "Not given, unknown or
        open"): ``ended=None`` (no end reported) is open, so the ceasefire stays in force,
        and past its sources' horizon it is only last known (`horizon_of`; ``known_only=True``
        leaves it out); an unknown ``ended`` (it ended, on a day not reported), like an end
        with no last day, is over by its horizon, so it is left out when *at* begins past
        it; a dated end bounds it. A ceasefire whose start is undated is in force at no
        date. With *actor*, only those it is a party to or mediated.

        Raises:
            TimeSpanError: *at* cannot be parsed or is unknown.

        Added in 0.2.

        Examples:
            >>> import caucasus_conflict as cc
            >>> [c.id for c in cc.load().ceasefires_in_force("2021-06")]
            ['armistice-2020-11']
            >>> cc.load().ceasefires_in_force("2024", known_only=True)
            ()
        """
        low, high = _day_bounds(at)
        pool = self.ceasefires_involving(actor) if actor is not None else self._state.indexes.ceasefires
        found = []
        for ceasefire in pool:
            effective, ended = ceasefire.effective, ceasefire.ended
            start = (effective if effective is not None and effective.is_known else ceasefire.declared).ordinals
            if start is None or start[0] > high:
                continue
            if ended is None:
                if known_only and self._past_horizon(ceasefire, low):
                    continue
            elif ended.last_day is None:
                if self._past_horizon(ceasefire, low):
                    continue
            elif ended.last_day.toordinal() < low:
                continue
            found.append(ceasefire)
        return tuple(found)

    def _past_horizon(self, value: Cited, low: int) -> bool:
        """True if day ordinal *low* lies after the horizon of *value* (never when no horizon is known)."""
        if low == MIN_ORDINAL:
            return False
        horizon = self.horizon_of(value)
        return horizon is not None and _last(horizon) < low

    # -- knowledge horizon (#14) ------------------------------------------------------

    @functools.cached_property
    def _horizons(self) -> dict[str, TimeSpan | None]:
        return {source.id: source.horizon for source in self.sources}

    def horizon_of(self, value: Cited | Source) -> TimeSpan | None:
        """Return the knowledge horizon of a record or cited value: the latest of its sources'.

        Each cited source knows nothing after its `Source.horizon`; a value citing several
        is known up to the latest of them. ``None`` when a cited source's horizon is not
        known (its date is unknown or open-ended), so nothing limits it. A `Source` gives
        its own horizon. Ties keep the first source cited.

        Raises:
            QueryError: *value* cites a source this data set does not hold.

        Added in 0.2.

        Examples:
            >>> import caucasus_conflict as cc
            >>> ds = cc.load()
            >>> ds.horizon_of(ds.territory("Lachin corridor").control[0])
            TimeSpan.parse('2023-09', basis=Basis.INFERRED, reason=...)
        """
        if isinstance(value, Source):
            return value.horizon
        latest: TimeSpan | None = None
        for citation in value.citations:
            try:
                horizon = self._horizons[citation.source_id]
            except KeyError:
                raise QueryError(f"the value cites source {citation.source_id!r}, which this data set does not "
                                 f"hold; pass a record or value of this data set") from None
            if horizon is None:
                return None
            if latest is None or _last(horizon) > _last(latest):
                latest = horizon
        return latest

    def last_known_as_of(self, value: Cited, *, at: DateLike | None) -> TimeSpan | None:
        """Return the horizon as of which *value* is only last known at *at*, or ``None``.

        The horizon rule, the same for every source: a value whose span has an open end
        (``2020-11/..``) is not known to hold on any day after its horizon
        (`horizon_of`). So when *at* (a date or window, given by its start) begins after
        that horizon, the value is answered as "last known as of" the horizon, and this
        returns the horizon; otherwise (a closed or unknown span, *at* beginning on or
        before the horizon, an open start, no horizon known, or ``at=None``) ``None``. An
        ended membership or role (``ended=True``) is never last known: it is known to be
        over, so the membership queries leave it out past its horizon instead. Values
        without a span (actors, territories, provisions) are never last known.

        Raises:
            TimeSpanError: *at* cannot be parsed or is unknown.
            QueryError: *value* cites a source this data set does not hold.

        Added in 0.2.

        Examples:
            >>> import caucasus_conflict as cc
            >>> ds = cc.load()
            >>> (period,) = ds.controller_of("Lachin corridor", at="2023-10-01")
            >>> ds.last_known_as_of(period, at="2023-10-01").format()
            '2023-09'
            >>> ds.last_known_as_of(period, at="2023-06") is None
            True
        """
        if at is None or (isinstance(value, Membership | RoleHeld) and value.ended):
            return None
        return self._beyond(value, _span_of(value), _first(_dated(at)))

    def memberships_of(self, actor: ActorRef, *, organisation: ActorRef | None = None, at: DateLike | None = None,
                       known_only: bool = False) -> tuple[Membership, ...]:
        """Return *actor*'s memberships (of *organisation*, if given), in chronological order.

        Without *at*, every membership, former ones (``ended=True``) included. With *at*,
        those whose span overlaps it; undated ones never do. An ended membership is over
        by its horizon, so it is left out when *at* begins past it; an open-ended one
        that is not ended is last known there (`last_known_as_of`), and
        ``known_only=True`` leaves it out.

        Added in 0.2.

        Examples:
            >>> import caucasus_conflict as cc
            >>> ds = cc.load()
            >>> [m.organisation_id for m in ds.memberships_of("Armenia", at="2023-09")]
            ['csto']
            >>> [m.ended for m in ds.memberships_of("Azerbaijan")], ds.memberships_of("Azerbaijan", at="2023-09")
            ([True], ())
        """
        found = self.actor(actor).memberships
        if organisation is not None:
            org_id = self.actor(organisation).id
            found = tuple(m for m in found if m.organisation_id == org_id)
        if at is not None:
            when = _dated(at)
            low = _first(when)
            found = tuple(m for m in found if m.span.overlaps(when)
                          and not ((m.ended or known_only) and self._beyond(m, m.span, low) is not None))
        return tuple(chronological(found, by_id=False))

    def members_of(self, organisation: ActorRef, *, at: DateLike | None = None,
                   known_only: bool = False) -> tuple[Actor, ...]:
        """Return the actors with a membership of *organisation*, by id.

        Each actor counts when `memberships_of` with the same *at* and *known_only* finds
        a membership of *organisation*: without *at*, former members are included.

        Added in 0.2.

        Examples:
            >>> import caucasus_conflict as cc
            >>> ds = cc.load()
            >>> [a.id for a in ds.members_of("CSTO", at="2023-09")], [a.id for a in ds.members_of("CSTO")]
            (['armenia', 'russia'], ['armenia', 'azerbaijan', 'russia'])
        """
        org = self.actor(organisation)
        return tuple(a for a in sorted(self.actors, key=lambda a: a.id)
                     if any(m.organisation_id == org.id for m in a.memberships)
                     and self.memberships_of(a, organisation=org, at=at, known_only=known_only))

    def _beyond(self, value: Cited, span: TimeSpan | None, low: int) -> TimeSpan | None:
        """The horizon of *value* if only its open end carries it to day ordinal *low* or later."""
        if span is None or not span.is_known or span.end is not None or low == MIN_ORDINAL:
            return None
        horizon = self.horizon_of(value)
        if horizon is None or _last(horizon) >= low:
            return None
        return horizon

    def _known(self, found: tuple[C, ...], span_of: Callable[[C], TimeSpan], low: int) -> tuple[C, ...]:
        """*found* less the values that are only last known from day ordinal *low* on."""
        return tuple(v for v in found if self._beyond(v, span_of(v), low) is None)

    # -- analyst answers: profiles, casualty figures, search (#12) ------------------------

    def profile(self, actor: ActorRef) -> Profile:
        """Return everything the data set holds on one actor, each record with its span and citations.

        Events come by role, then stances held and taken toward it, claims by and about
        it, the territory it controlled, its ceasefires, memberships and roles; `Profile`
        lists the fields and ``str(profile)`` is a readable report.

        Raises:
            UnknownNameError: No actor has that name.

        Examples:
            >>> import caucasus_conflict as cc
            >>> profile = cc.load().profile("Ankara")
            >>> [s.toward_id for s in profile.stances_held], profile.actor.name
            (['armenia', 'azerbaijan'], 'Turkey')
        """
        found = self.actor(actor)
        involving = self.events_involving(found)
        by_role = []
        for role in Role:
            events = tuple(e for e in involving if any(p.actor_id == found.id and p.role is role
                                                       for p in e.participants))
            if events:
                by_role.append((role, events))
        toward = [s for kind in StanceKind for s in self._state.indexes.stances_toward.get((kind, found.id), ())]
        control = [(t.id, p) for t in self.territories for p in t.control if found.id in p.controller_ids]
        control = chronological(control, lambda pair: pair[1].span, by_id=False)
        members = sorted(((a.id, m) for a in self.actors for m in a.memberships if m.organisation_id == found.id),
                         key=lambda pair: pair[0])
        names: dict[str, str] = {a.id: a.name for a in self.actors}
        names.update((t.id, t.name) for t in self.territories)
        from .reports import Profile

        return Profile(
            actor=found, events=tuple(by_role), stances_held=self.stances_by(found),
            stances_toward=tuple(chronological(toward)), claims_by=self.claims_by(found),
            claims_about=self.claims_about(found), control=tuple(control),
            ceasefires=self.ceasefires_involving(found), memberships=found.memberships, roles=found.roles,
            members=tuple(members), parts=tuple(a for a in sorted(self.actors, key=lambda a: a.id)
                                                if a.part_of_id == found.id),
            names=names,
        )

    def casualties(self, *, actor: ActorRef | None = None, territory: TerritoryRef | None = None,
                   start: DateLike | None = None, end: DateLike | None = None, within: bool = False,
                   group: CasualtyGroup | str | None = None,
                   reporter: ActorRef | None = None) -> tuple[CasualtyFigure, ...]:
        """Return every casualty figure of the events matching the filters, in event order.

        *actor*, *territory*, *start*, *end* and *within* select events as
        `events_matching` does (a window is matched against the event's span; without
        one, undated events count too). *group* keeps the figures for one
        `CasualtyGroup`, *reporter* those reported by one actor. Figures of one event
        keep their order in the event. `casualty_total` adds them up without counting
        anyone twice.

        Raises:
            UnknownNameError: No actor or territory has that name.
            QueryError: *group* is not a `CasualtyGroup` or one of its values.

        Examples:
            >>> import caucasus_conflict as cc
            >>> [(f.event_id, str(f.killed)) for f in cc.load().casualties(start="2020", end="2020")]
            [('war-2020', "at least 7,000 (reported as 'more than 7,000')")]
        """
        wanted_group = None if group is None else _member(CasualtyGroup, group)
        reporter_id = None if reporter is None else self.actor(reporter).id
        events = self.events_matching(actor=actor, territory=territory, start=start, end=end, within=within,
                                      include_undated=start is None and end is None)
        from .reports import CasualtyFigure

        return tuple(
            CasualtyFigure.of(e.id, i, c)
            for e in events for i, c in enumerate(e.casualties)
            if (wanted_group is None or c.group is wanted_group)
            and (reporter_id is None or c.reported_by_id == reporter_id)
        )

    def casualty_total(self, figures: Sequence[CasualtyFigure] | None = None) -> CasualtyTotal:
        """Add up casualty figures (default: all of them), never counting a figure and its parts twice.

        Figures that may count the same people (same or nested events, compatible
        groups) contribute once, as the range they span; the rule is in
        `caucasus_conflict.reports`.

        Raises:
            QueryError: A figure names an event this data set does not hold.

        Examples:
            >>> import caucasus_conflict as cc
            >>> ds = cc.load()
            >>> print(ds.casualty_total(ds.casualties(actor="Azerbaijan", start="2023")))
            killed: 25 (1 figure, 1 counted apart); injured: 138 (1 figure, 1 counted apart)
        """
        from .reports import CasualtyFigure, casualty_total

        chosen = self.casualties() if figures is None else tuple(figures)
        by_id = self._state.by_id
        for figure in chosen:
            if not isinstance(figure, CasualtyFigure):
                raise ArgumentTypeError(None, "be a CasualtyFigure", figure,
                                        message="expected CasualtyFigure rows from Dataset.casualties "
                                                f"(got {type(figure).__name__})")
            if not isinstance(by_id.get(figure.event_id), Event):
                raise QueryError(f"the figure names event {figure.event_id!r}, which this data set does not hold; "
                                 "pass figures from this data set's casualties()")
        parents: dict[str, str | None] = {e.id: e.parent_id for e in self.events}
        return casualty_total(chosen, parents)

    def corroborate(self, figure: CasualtyFigure, *, measure: str = "killed") -> Corroboration:
        """Set a casualty figure beside the figures other sources give for the same thing.

        The others are the figures of events within the figure's event's span that share
        an actor with it, of a compatible group, cited to none of the figure's sources (a
        UCDP GED file's rows beside the article's war), and, for the killed, the battle-related
        deaths of the dyads of the same actors in the years within that span (a UCDP BRD
        file's dyad-years); `Corroboration` has the rule and says whether they agree, or by
        how much they differ.

        Raises:
            ArgumentTypeError: *figure* is not a `CasualtyFigure`.
            QueryError: *measure* is not ``"killed"`` or ``"injured"``, or the figure's event
                is not in this data set.

        Examples:
            >>> import caucasus_conflict as cc
            >>> ds = cc.load()
            >>> war = ds.casualties(actor="Azerbaijan")[0]
            >>> ds.corroborate(war).agrees is None  # the article alone: nothing to compare
            True
        """
        from .reports import CasualtyFigure, corroboration

        if not isinstance(figure, CasualtyFigure):
            raise ArgumentTypeError("figure", "be a CasualtyFigure", figure,
                                    message=f"expected a CasualtyFigure from Dataset.casualties "
                                            f"(got {type(figure).__name__})")
        if measure not in ("killed", "injured"):
            raise QueryError(f"measure must be 'killed' or 'injured' (got {measure!r})")
        held = self._state.by_id.get(figure.event_id)
        if not isinstance(held, Event):
            raise QueryError(f"the figure names event {figure.event_id!r}, which this data set does not hold; "
                             "pass a figure from this data set's casualties()")
        own_sources = {c.source_id for c in figure.citations}
        actors = set(held.actor_ids)
        others: list[CasualtyFigure] = []
        if held.span.is_known and actors:
            for event in self.events_between(held.span, held.span, within=True):
                if event.id == held.id or not actors.intersection(event.actor_ids):
                    continue
                for position, c in enumerate(event.casualties):
                    if (getattr(c, measure) is not None
                            and (c.group is figure.group or CasualtyGroup.UNSPECIFIED in (c.group, figure.group))
                            and not own_sources.intersection(x.source_id for x in c.citations)):
                        others.append(CasualtyFigure.of(event.id, position, c))
        parents: dict[str, str | None] = {e.id: e.parent_id for e in self.events}
        deaths = self._battle_deaths_beside(held, own_sources) if measure == "killed" else ()
        return corroboration(figure, measure, others, parents, deaths)

    def _battle_deaths_beside(self, event: Event, own_sources: set[SourceId]) -> tuple[BattleDeathsFigure, ...]:
        """The dyad-years that measure the killing *event* is about (the rule is `Corroboration`'s)."""
        from .reports import BattleDeathsFigure

        bounds = event.span.ordinals
        actors = set(event.actor_ids)
        if bounds is None or not actors:
            return ()
        conflicts = {c.id: c for c in self.conflicts}
        found = []
        for dyad in self._sorted_dyads:
            conflict = conflicts[dyad.conflict_id]
            if not all(actors.intersection((*dyad.side_ids(side), *conflict.side_ids(side, supporters=True)))
                       for side in (Side.A, Side.B)):
                continue
            for year in sorted(dyad.years, key=lambda y: y.year):
                if not 1 <= year.year <= 9999 or own_sources.intersection(c.source_id for c in year.citations):
                    continue
                first, last = _dt.date(year.year, 1, 1).toordinal(), _dt.date(year.year, 12, 31).toordinal()
                if bounds[0] <= first and last <= bounds[1]:
                    found.append(BattleDeathsFigure(dyad_id=dyad.id, year=year.year, battle_deaths=year.battle_deaths,
                                                    citations=year.citations))
        return tuple(found)

    def search(self, text: str, *, kinds: Sequence[str] | None = None) -> tuple[SearchHit, ...]:
        """Return the summaries, notes and quotes that contain *text*, case- and accent-insensitively.

        Records are searched collection by collection, in the order of a data set file
        (sources, actors, territories, events, ceasefires, claims, stances, conflicts, dyads), each in
        file order; *kinds* limits the search to some collections (``["claims"]``, or
        one as a string).
        Each field gives one hit (its first match) with a snippet.

        Raises:
            QueryError: *text* has nothing to search for, or a kind is not a collection.

        Examples:
            >>> import caucasus_conflict as cc
            >>> [(h.record.id, h.field) for h in cc.load().search("erdoğan", kinds=["actors"])]
            [('recep-tayyip-erdogan', 'note'), ('turkish-people', 'note')]
        """
        collections = [t.collection for t in RECORD_TYPES]
        chosen = collections if kinds is None else [kinds] if isinstance(kinds, str) else list(kinds)
        unknown = [k for k in chosen if k not in collections]
        if unknown:
            raise QueryError(f"{unknown[0]!r} is not a record collection; expected one of {', '.join(collections)}")
        records = [r for k in collections if k in chosen for r in getattr(self, k)]
        from .reports import search_records

        return search_records(records, _text(text, "the search text"))

    # -- tables out (#12); pandas and pyarrow are extras, imported only here ---------------

    def to_frame(self, kind: str) -> pandas.DataFrame:
        """Return the records of *kind* (``"events"``, ``"claim"``, …) as a pandas DataFrame.

        One row per record; every date gives first day, last day, precision, basis and
        reason columns; references are ids; `caucasus_conflict.frames` lists the columns.
        Needs the ``frames`` extra (``pip install 'caucasus-conflict[frames]'``).

        Raises:
            MissingExtraError: pandas is not installed.
            QueryError: *kind* is not a record kind.

        Examples:
            >>> import caucasus_conflict as cc
            >>> frame = cc.load().to_frame("events")
            >>> frame.loc[frame.id == "offensive-2023", ["span_first", "span_precision"]].iloc[0].tolist()
            [Timestamp('2023-09-19 00:00:00'), 'day']
        """
        from . import frames

        return frames.to_frame(self, kind)

    def to_arrow(self, kind: str) -> pyarrow.Table:
        """Return the records of *kind* as a pyarrow Table (the columns of `to_frame`, typed).

        Needs the ``arrow`` extra (``pip install 'caucasus-conflict[arrow]'``);
        `caucasus_conflict.frames.write_parquet` writes the same table as Parquet.

        Raises:
            MissingExtraError: pyarrow is not installed.
            QueryError: *kind* is not a record kind.

        Examples:
            >>> import caucasus_conflict as cc
            >>> str(cc.load().to_arrow("stances").schema.field("span_first").type)
            'date32[day]'
        """
        from . import frames

        return frames.to_arrow(self, kind)


def _span(value: Stance | ControlPeriod) -> TimeSpan:
    return value.span


def _event_span(value: Event) -> TimeSpan:
    return value.span


def _declared(value: Ceasefire) -> TimeSpan:
    return value.declared


def _span_of(value: object) -> TimeSpan | None:
    """The span that says when *value* holds: ``span``, ``as_of`` or a ceasefire's ``declared``."""
    if isinstance(value, Ceasefire):
        return value.declared
    for name in ("span", "as_of"):
        span = getattr(value, name, None)
        if isinstance(span, TimeSpan):
            return span
    return None


def _first(span: TimeSpan) -> int:
    """The first day of a query span as an ordinal; `MIN_ORDINAL` for an open start."""
    return MIN_ORDINAL if span.first_day is None else span.first_day.toordinal()


def _last(horizon: TimeSpan) -> int:
    """The last day of a horizon as an ordinal (horizons always have one)."""
    return MAX_ORDINAL if horizon.last_day is None else horizon.last_day.toordinal()


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
        close = close_matches(str(value), [str(m.value) for m in cls], n=1, cutoff=0.6)
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


def _day_number(value: object) -> int | None:
    """The day number of a ``YYYY-MM-DD`` string or a date (not a datetime), if it is one; else ``None``."""
    if type(value) is str:
        # Ten characters with dashes at 4 and 7 are YYYY-MM-DD or nothing fromisoformat reads (it
        # takes ASCII digits only, and an ISO week date, 2020-W01-1, has no dash at 7); it refuses
        # days that do not exist. A regular expression here cost more than the parse.
        if len(value) == 10 and value[4] == "-" == value[7]:
            try:
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


_EARTH_KM = 6371.0088  # the mean Earth radius (IUGG)


def _great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The haversine distance in kilometres between two points given in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(h)))
