"""Hypothesis strategies for every model type and for whole, referentially valid data sets.

Needs Hypothesis: the light ``strategies`` extra (``pip install 'caucasus-conflict[strategies]'``)
or the ``test`` extra. Use them to test
your own code against the model::

    from hypothesis import given
    from caucasus_conflict import strategies as ccst

    @given(ccst.datasets(max_events=30))
    def test_my_report(ds):
        assert my_report(ds).count("\\n") >= 0

Everything is valid by construction — references are drawn from ids drawn earlier, so
nothing is generated and then filtered away. Strategies shrink toward fewer, simpler
records: no aliases, no casualties, day-precision spans in early 2000, stated dates.
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Iterable, Sequence
from typing import Any, TypedDict, TypeVar

import attrs
import pendulum

from .errors import MissingExtraError

try:
    from hypothesis import strategies as st
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise MissingExtraError("hypothesis", "strategies") from exc

from ._registry import RECORD_TYPES, Field
from ._registry import Location as _Where
from .dataset import Dataset
from .kinds import (
    LOCATION_PRECISION,
    ActorKind,
    Basis,
    CasualtyGroup,
    ConflictType,
    ControlExtent,
    EventKind,
    Incompatibility,
    Intensity,
    LegalStatusKind,
    Medium,
    Role,
    Side,
    SourceKind,
    StanceKind,
    TerritoryKind,
)
from .model import (
    Actor,
    ActorId,
    Casualties,
    Ceasefire,
    CeasefireId,
    Citation,
    Claim,
    ClaimId,
    Conflict,
    ConflictId,
    ConflictYear,
    ControlPeriod,
    Count,
    Dyad,
    DyadId,
    DyadYear,
    Episode,
    Event,
    EventId,
    ExternalId,
    LegalStatus,
    Location,
    Membership,
    NameUsed,
    Participant,
    Population,
    Provision,
    Record,
    RoleHeld,
    Source,
    SourceCodes,
    SourceId,
    Stance,
    StanceId,
    Territory,
    TerritoryId,
)
from .timespan import TimeSpan

__all__ = [
    "actors",
    "casualties",
    "ceasefires",
    "citations",
    "claims",
    "conflicts",
    "counts",
    "dangling_references",
    "data_files",
    "datasets",
    "dates",
    "dyads",
    "events",
    "locations",
    "sources",
    "stances",
    "territories",
    "timespans",
]

T = TypeVar("T")

_MIN_DATE = _dt.date(1900, 1, 1)
_MAX_DATE = _dt.date(2100, 12, 31)
_SOURCE = SourceId("source-0")
_FILE = SourceId("file-0")
_WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéöğ", min_size=1, max_size=8)
_PROSE = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ,.'", min_size=1, max_size=30).filter(str.strip)
_NOTES = st.none() | _PROSE
_MAYBE_PROSE = _NOTES


def dates(*, min_value: _dt.date = _MIN_DATE, max_value: _dt.date = _MAX_DATE) -> st.SearchStrategy[pendulum.Date]:
    """Whole days as ``pendulum.Date``; shrinks toward 1 January 2000 (Hypothesis' choice).

    Examples:
        >>> from hypothesis import find
        >>> find(dates(), lambda d: True)
        Date(2000, 1, 1)
    """
    return st.dates(min_value=min_value, max_value=max_value).map(
        lambda d: pendulum.Date(d.year, d.month, d.day)
    )


@st.composite
def timespans(
    draw: st.DrawFn,
    *,
    min_value: _dt.date = _MIN_DATE,
    max_value: _dt.date = _MAX_DATE,
    allow_unknown: bool = True,
    allow_open: bool = True,
    allow_inferred: bool = True,
    max_days: int | None = None,
) -> TimeSpan:
    """Time spans of every precision: day, month, year, range (long or open) and unknown.

    *max_days* caps the length of closed ranges. Shrinks toward a stated day span on
    1 January 2000.

    Examples:
        >>> from hypothesis import find
        >>> find(timespans(), lambda s: True)
        TimeSpan.parse('2000-01-01')
    """
    precisions = ["day", "month", "year", "range"]
    if allow_open:
        precisions.append("open")
    if allow_unknown:
        precisions.append("unknown")
    kind = draw(_choice(precisions))
    first = draw(dates(min_value=min_value, max_value=max_value))
    if kind == "day":
        span = TimeSpan.day(first.year, first.month, first.day)
    elif kind == "month":
        span = TimeSpan.month(first.year, first.month)
    elif kind == "year":
        span = TimeSpan.year(first.year)
    elif kind == "range":
        limit = (max_value - first).days
        if max_days is not None:
            limit = min(limit, max_days)
        span = TimeSpan.between(first, first.add(days=draw(st.integers(0, max(limit, 0)))))
    elif kind == "open":
        span = TimeSpan.between(None, first) if draw(st.booleans()) else TimeSpan.between(first, None)
    else:
        span = TimeSpan.unknown()
    if allow_inferred and draw(st.booleans()):
        return TimeSpan(span.precision, span.start, span.end, basis=Basis.INFERRED, reason=draw(_PROSE))
    return span


@functools.lru_cache(maxsize=64)
def _blocks(max_block: int) -> st.SearchStrategy[list[int]]:
    return st.lists(st.integers(1, max_block), min_size=1, max_size=3, unique=True)


@st.composite
def citations(draw: st.DrawFn, *, source_ids: Sequence[SourceId] = (_SOURCE,), max_block: int = 22,
        file_ids: Sequence[SourceId] = ()) -> Citation:
    """Citations of one of *source_ids* (articles), with 1..3 distinct blocks in ``1..max_block``,
    or of one of *file_ids* (data files), with rows (line numbers), row ids, or both.

    Examples:
        >>> from hypothesis import find
        >>> find(citations(), lambda c: True)
        Citation(source_id='source-0', blocks=(1,), quote=None, rows=(), row_ids=())
        >>> find(citations(file_ids=["file-0"]), lambda c: c.source_id == "file-0").blocks
        ()
    """
    source_id = draw(_choice([*source_ids, *file_ids]))
    if source_id in file_ids:
        rows = tuple(draw(st.lists(st.integers(2, 10**6), max_size=2, unique=True)))
        row_ids = tuple(draw(st.lists(_WORDS, min_size=0 if rows else 1, max_size=2, unique=True)))
        return Citation(source_id, rows=rows, row_ids=row_ids)
    blocks = draw(_blocks(max_block))
    quote = draw(_MAYBE_PROSE)
    return Citation(source_id, tuple(blocks), quote=quote)


# Strategy objects are built once per distinct argument and reused: building a fresh
# strategy inside every draw made data-set generation several times slower.
@functools.lru_cache(maxsize=256)
def _cites_cached(source_ids: tuple[SourceId, ...], max_block: int,
                  file_ids: tuple[SourceId, ...]) -> st.SearchStrategy[tuple[Citation, ...]]:
    return st.lists(citations(source_ids=source_ids, max_block=max_block, file_ids=file_ids),
                    min_size=1, max_size=2).map(tuple)


def _cites(source_ids: Sequence[SourceId], max_block: int,
           file_ids: Sequence[SourceId] = ()) -> st.SearchStrategy[tuple[Citation, ...]]:
    return _cites_cached(tuple(source_ids), max_block, tuple(file_ids))


@functools.lru_cache(maxsize=1024)
def _subsets(pool: tuple[T, ...], max_size: int) -> st.SearchStrategy[list[T]]:
    return st.lists(st.sampled_from(pool), max_size=max_size, unique=True)


@functools.lru_cache(maxsize=1024)
def _choice_cached(pool: tuple[T, ...]) -> st.SearchStrategy[T]:
    return st.sampled_from(pool)


def _choice(pool: Iterable[T]) -> st.SearchStrategy[T]:
    return _choice_cached(tuple(pool))


@functools.lru_cache(maxsize=1024)
def _optional(pool: tuple[T, ...]) -> st.SearchStrategy[T | None]:
    return st.none() | st.sampled_from(pool)


@st.composite
def counts(draw: st.DrawFn) -> Count:
    """Reported numbers with ``low <= best <= high``, some missing.

    Examples:
        >>> from hypothesis import find
        >>> find(counts(), lambda c: True)
        Count(best=0, low=None, high=None, reported_as=None)
    """
    values = sorted(draw(st.lists(st.integers(0, 10**6), min_size=3, max_size=3)))
    keep = draw(st.lists(st.booleans(), min_size=3, max_size=3))
    if not any(keep):
        keep[1] = True
    low, best, high = (v if k else None for v, k in zip(values, keep, strict=True))
    return Count(best, low=low, high=high, reported_as=draw(_MAYBE_PROSE))


def _pick(draw: st.DrawFn, pool: Sequence[T], *, max_size: int = 3) -> tuple[T, ...]:
    if not pool:
        return ()
    return tuple(draw(_subsets(tuple(pool), max_size)))


def _maybe(draw: st.DrawFn, pool: Sequence[T]) -> T | None:
    if not pool:
        return None
    return draw(_optional(tuple(pool)))


@st.composite
def casualties(draw: st.DrawFn, *, actor_ids: Sequence[ActorId] = (), source_ids: Sequence[SourceId] = (_SOURCE,),
               max_block: int = 22, file_ids: Sequence[SourceId] = ()) -> Casualties:
    """Casualty figures reported by one of *actor_ids* (or nobody).

    Examples:
        >>> from hypothesis import find
        >>> find(casualties(), lambda c: True).killed
        Count(best=0, low=None, high=None, reported_as=None)
    """
    killed: Count | None = draw(counts())
    injured = draw(_MAYBE_COUNT)
    if draw(st.booleans()) and injured is not None:
        killed = None
    return Casualties(
        killed=killed, injured=injured, group=draw(_choice(CasualtyGroup)),
        of_actor_id=_maybe(draw, actor_ids), is_part=draw(st.booleans()),
        reported_by_id=_maybe(draw, actor_ids), as_of=draw(timespans()),
        citations=draw(_cites(source_ids, max_block, file_ids)), note=draw(_NOTES),
    )


_SPANS = timespans()
_MAYBE_CLOSED_END = st.none() | timespans(allow_unknown=False, allow_open=False)
_COUNTS = counts()
_MAYBE_COUNT = st.none() | _COUNTS
_MAYBE_BOOL = st.none() | st.booleans()
# Not _optional(tuple(Side)): its cache would hand back a pool of equal strings ("a", "b").
_MAYBE_SIDE = st.none() | st.sampled_from(Side)


def _plain(day: _dt.date) -> _dt.date:
    """A plain ``datetime.date``, as Hypothesis' date bounds must all be of one type."""
    return _dt.date(day.year, day.month, day.day)


@functools.lru_cache(maxsize=64)
def _scheme_sets(schemes: tuple[str, ...]) -> st.SearchStrategy[tuple[str, ...]]:
    # One draw per record (none first, so that examples shrink to no external ids): data
    # set generation is the slowest part of the property tests.
    return st.sampled_from([(), *((scheme,) for scheme in schemes), schemes[:2]])


def _external_ids(draw: st.DrawFn, record_id: str, schemes: tuple[str, ...]) -> tuple[ExternalId, ...]:
    """None, one or two external ids in *schemes*; values embed *record_id*, so no two records share one."""
    return tuple(ExternalId(scheme, f"x{n}.{record_id}") for n, scheme in enumerate(draw(_scheme_sets(schemes))))


# Source codes as readers keep them: none first (to shrink), a row's unmapped columns, or
# the codes of two formats after a merge. Values are unparsed text, "-1" and "" included.
_SOURCE_CODES = st.sampled_from([
    (),
    (SourceCodes("ucdp-ged", ("where_prec", "event_clarity"), ("1", "-1")),),
    (SourceCodes("acled", ("inter1", "inter2", "iso"), ("1", "", "31")), SourceCodes("ucdp-ged", ("priogrid_gid",), ("178203",))),
])


def _name(draw: st.DrawFn, index: int) -> str:
    # Names end in "q<index>q" and words hold no digits, so folded names never clash.
    return f"{draw(_WORDS).capitalize()} q{index}q"


@st.composite
def sources(draw: st.DrawFn, *, id: SourceId = _SOURCE, blocks: int = 22) -> Source:
    """A source with *blocks* numbered blocks, some with a ``coverage`` that sets their horizon.

    The publication date is any span, unknown and open ones included, so the
    `Source.horizon` is sometimes not known. Shrinks toward an article published on
    1 January 2000, with no coverage end.

    Examples:
        >>> from hypothesis import find
        >>> find(sources(), lambda s: True).blocks
        22
        >>> find(sources(), lambda s: s.coverage is not None).horizon
        TimeSpan.parse('2000-01-01')
    """
    return Source(id=id, title=draw(_PROSE), publisher=draw(_PROSE), url=f"https://example.org/{draw(_WORDS)}",
                  published=draw(_SPANS), credit=draw(_PROSE), blocks=blocks,
                  external_ids=_external_ids(draw, id, ("doi", "handle")), note=draw(_NOTES),
                  coverage=draw(_MAYBE_CLOSED_END))


@st.composite
def data_files(draw: st.DrawFn, *, id: SourceId = _FILE) -> Source:
    """A data-file source (a release of a published data set), whose citations name rows.

    Examples:
        >>> from hypothesis import find
        >>> find(data_files(), lambda s: True).kind.value
        'data_file'
    """
    digest = draw(st.none() | st.text(alphabet="0123456789abcdef", min_size=64, max_size=64))
    return Source(id=id, kind=SourceKind.DATA_FILE, title=draw(_PROSE), publisher=draw(_PROSE),
                  url=f"https://example.org/{draw(_WORDS)}", published=draw(_SPANS), credit=draw(_PROSE),
                  release=draw(_NOTES), licence=draw(st.none() | st.just("CC BY 4.0")),
                  file_name=draw(st.none() | _WORDS.map(lambda w: f"{w}.csv")), sha256=digest,
                  coverage=draw(_MAYBE_CLOSED_END), external_ids=_external_ids(draw, id, ("doi", "handle")))


@st.composite
def actors(draw: st.DrawFn, *, id: ActorId | None = None, index: int = 0,
           actor_ids: Sequence[ActorId] = (), source_ids: Sequence[SourceId] = (_SOURCE,),
           max_block: int = 22, file_ids: Sequence[SourceId] = (),
           spans: st.SearchStrategy[TimeSpan] | None = None) -> Actor:
    """An actor whose references (part of, roles, memberships) point into *actor_ids*.

    *spans* overrides the strategy for the spans of roles and memberships.

    Examples:
        >>> from hypothesis import find
        >>> find(actors(), lambda a: True).aliases
        ()
    """
    cites = _cites(source_ids, max_block, file_ids)
    aliases = tuple(f"{draw(_WORDS)} q{index}q{j}z" for j in range(draw(st.integers(0, 2))))
    roles = tuple(
        RoleHeld(title=draw(_PROSE), organisation_id=_maybe(draw, actor_ids), span=draw(_SPANS if spans is None else spans),
                 ended=draw(st.booleans()), citations=draw(cites), note=draw(_NOTES))
        for _ in range(draw(st.integers(0, 2)))
    )
    memberships = tuple(
        Membership(organisation_id=org, span=draw(_SPANS if spans is None else spans), ended=draw(st.booleans()),
                   citations=draw(cites))
        for org in _pick(draw, actor_ids, max_size=2)
    )
    own_id = id or ActorId(f"actor-{index}")
    external = _external_ids(draw, own_id, ("iso3", "ucdp-actor", "cameo"))
    name = _name(draw, index)
    kind = draw(_choice(ActorKind))
    part_of = _maybe(draw, actor_ids)
    citations = draw(cites)
    note = draw(_NOTES)
    # Drawn last, so that the draws above (and the examples found from them) stay as they were.
    names_used = tuple(NameUsed(name=used, span=draw(_SPANS), citations=draw(cites))
                       for used in _pick(draw, (name, *aliases), max_size=2))
    return Actor(
        id=own_id, name=name, kind=kind, aliases=aliases, part_of_id=part_of, roles=roles, memberships=memberships,
        names_used=names_used, external_ids=external, citations=citations, note=note,
    )


@st.composite
def territories(draw: st.DrawFn, *, id: TerritoryId | None = None, index: int = 0,
                actor_ids: Sequence[ActorId] = (), territory_ids: Sequence[TerritoryId] = (),
                source_ids: Sequence[SourceId] = (_SOURCE,), max_block: int = 22,
        file_ids: Sequence[SourceId] = (), spans: st.SearchStrategy[TimeSpan] | None = None) -> Territory:
    """A territory with legal status, population and control periods held by *actor_ids*.

    *spans* overrides the strategy for the spans of control periods.

    Examples:
        >>> from hypothesis import find
        >>> find(territories(), lambda t: True).control
        ()
    """
    cites = _cites(source_ids, max_block, file_ids)
    aliases = tuple(f"{draw(_WORDS)} q{index}q{j}z" for j in range(draw(st.integers(0, 2))))
    statuses: list[LegalStatus] = []
    for _ in range(draw(st.integers(0, 1))):
        kind = draw(_choice(LegalStatusKind))
        part_of = _maybe(draw, territory_ids)
        if kind is LegalStatusKind.RECOGNISED_PART_OF and part_of is None:
            kind = LegalStatusKind.SELF_PROCLAIMED
        statuses.append(LegalStatus(kind=kind, part_of_id=part_of, span=draw(_SPANS), citations=draw(cites)))
    population = tuple(
        Population(count=draw(_COUNTS), composition=draw(_NOTES), as_of=draw(_SPANS), citations=draw(cites))
        for _ in range(draw(st.integers(0, 1)))
    )
    control: list[ControlPeriod] = []
    if actor_ids:
        for _ in range(draw(st.integers(0, 3))):
            controllers = draw(st.lists(_choice(actor_ids), min_size=1, max_size=2, unique=True))
            control.append(ControlPeriod(
                controller_ids=tuple(controllers), span=draw(_SPANS if spans is None else spans),
                extent=draw(_choice(ControlExtent)),
                share=draw(st.none() | st.floats(0.01, 1.0)), de_facto=draw(st.booleans()),
                citations=draw(cites), note=draw(_NOTES),
            ))
    own_id = id or TerritoryId(f"territory-{index}")
    return Territory(
        id=own_id, name=_name(draw, index),
        kind=draw(_choice(TerritoryKind)), aliases=aliases, part_of_id=_maybe(draw, territory_ids),
        legal_status=tuple(statuses), population=population, control=tuple(control),
        external_ids=_external_ids(draw, own_id, ("iso3", "ucdp-location")), citations=draw(cites), note=draw(_NOTES),
    )


_PLACE_NAMES = st.none() | st.sampled_from(["Alpha", "Beta Rayon", "Gamma Oblast", "Xland", "İçəri"])


@st.composite
def locations(draw: st.DrawFn) -> Location:
    """A location as a reader makes one: coordinates (poles and the antimeridian included) or none,
    a precision code of GED's or ACLED's scheme or none, and place names.

    Minimises to a location with coordinates (0, 0) and nothing else.

    Examples:
        >>> from hypothesis import find
        >>> find(locations(), lambda where: True)
        Location(latitude=0.0, longitude=0.0, precision=None, precision_scheme=None, name=None, admin1=None, admin2=None, admin3=None, country=None)
    """
    names = {key: draw(_PLACE_NAMES) for key in ("name", "admin1", "admin2", "admin3", "country")}
    placed = draw(st.booleans()) if any(names.values()) else False
    latitude = None if placed else draw(st.floats(-90, 90, allow_nan=False))
    longitude = None if placed else draw(st.floats(-180, 180, allow_nan=False))
    scheme = draw(st.none() | st.sampled_from(sorted(LOCATION_PRECISION)))
    precision = None if scheme is None else draw(st.sampled_from(sorted(LOCATION_PRECISION[scheme])))
    return Location(latitude=latitude, longitude=longitude, precision=precision, precision_scheme=scheme, **names)


@st.composite
def events(draw: st.DrawFn, *, id: EventId | None = None, actor_ids: Sequence[ActorId] = (),
           territory_ids: Sequence[TerritoryId] = (), parent_ids: Sequence[EventId] = (),
           spans: st.SearchStrategy[TimeSpan] | None = None,
           source_ids: Sequence[SourceId] = (_SOURCE,), max_block: int = 22,
        file_ids: Sequence[SourceId] = ()) -> Event:
    """An event whose participants, places and parent are drawn from the given ids.

    Examples:
        >>> from hypothesis import find
        >>> find(events(), lambda e: True).participants
        ()
    """
    participants = tuple(Participant(a, draw(_choice(Role)), draw(_MAYBE_SIDE))
                         for a in _pick(draw, actor_ids))
    own_id = id or EventId(f"event-{draw(_WORDS)}")
    return Event(
        id=own_id, kind=draw(_choice(EventKind)), summary=draw(_PROSE),
        span=draw(spans if spans is not None else _SPANS), participants=participants,
        territory_ids=_pick(draw, territory_ids), location=draw(st.none() | locations()),
        casualties=tuple(draw(st.lists(casualties(actor_ids=actor_ids, source_ids=source_ids,
                                                  max_block=max_block, file_ids=file_ids), max_size=1))),
        parent_id=_maybe(draw, parent_ids), external_ids=_external_ids(draw, own_id, ("ged", "acled")),
        source_codes=draw(_SOURCE_CODES),
        citations=draw(_cites(source_ids, max_block, file_ids)), note=draw(_NOTES),
    )


@st.composite
def ceasefires(draw: st.DrawFn, *, id: CeasefireId | None = None,
               actor_ids: Sequence[ActorId] = (ActorId("party-a"), ActorId("party-b")),
               territory_ids: Sequence[TerritoryId] = (), event_ids: Sequence[EventId] = (),
               source_ids: Sequence[SourceId] = (_SOURCE,), max_block: int = 22,
        file_ids: Sequence[SourceId] = (), conflict_ids: Sequence[ConflictId] = (),
        dyad_ids: Sequence[DyadId] = ()) -> Ceasefire:
    """A ceasefire between actors of *actor_ids* (at least one must be given), linked to any of *conflict_ids*
    and any of *dyad_ids*.

    Examples:
        >>> from hypothesis import find
        >>> find(ceasefires(), lambda c: True).party_ids
        ('party-a',)
    """
    cites = _cites(source_ids, max_block, file_ids)
    parties = tuple(draw(st.lists(_choice(actor_ids), min_size=1, max_size=3, unique=True)))
    provisions = tuple(
        Provision(summary=draw(_PROSE), actor_ids=_pick(draw, actor_ids), territory_ids=_pick(draw, territory_ids),
                  citations=draw(cites), note=draw(_NOTES))
        for _ in range(draw(st.integers(0, 2)))
    )
    # Effective and ended dates never lie wholly before the earlier dates (the record
    # refuses that), so each is drawn from no earlier than the latest first day so far.
    declared = draw(_SPANS)
    earliest = _plain(declared.first_day) if declared.first_day else _MIN_DATE
    effective = draw(st.none() | timespans(min_value=earliest))
    if effective is not None and effective.first_day is not None:
        earliest = max(earliest, _plain(effective.first_day))
    ended = draw(st.none() | timespans(min_value=earliest))
    own_id = id or CeasefireId(f"ceasefire-{draw(_WORDS)}")
    fields: dict[str, Any] = {
        "name": draw(_PROSE), "mediator_ids": _pick(draw, [a for a in actor_ids if a not in parties], max_size=1),
        "provisions": provisions, "territory_ids": _pick(draw, territory_ids),
        "strained_by_ids": _pick(draw, event_ids), "event_id": _maybe(draw, event_ids),
        "written": draw(_MAYBE_BOOL), "external_ids": _external_ids(draw, own_id, ("pax", "ethprio")),
        "source_codes": draw(_SOURCE_CODES), "citations": draw(cites), "note": draw(_NOTES),
    }
    # Drawn last, so that the draws above (and the examples found from them) stay as they were.
    sides = draw(st.just(()) | st.tuples(*(st.none() | st.sampled_from(Side) for _ in parties)))
    linked = _pick(draw, conflict_ids)
    in_dyads = _pick(draw, dyad_ids)
    return Ceasefire(id=own_id, party_ids=parties, party_sides=sides, declared=declared, effective=effective,
                     ended=ended, conflict_ids=linked, dyad_ids=in_dyads, **fields)


@st.composite
def claims(draw: st.DrawFn, *, id: ClaimId | None = None, actor_ids: Sequence[ActorId] = (),
           territory_ids: Sequence[TerritoryId] = (), event_ids: Sequence[EventId] = (),
           claim_ids: Sequence[ClaimId] = (), source_ids: Sequence[SourceId] = (_SOURCE,),
           max_block: int = 22, file_ids: Sequence[SourceId] = ()) -> Claim:
    """A claim by one of *actor_ids* (or unattributed) that may dispute any of *claim_ids* but itself.

    In `datasets`, any claim may dispute any other, so two claims can dispute each other.

    Examples:
        >>> from hypothesis import find
        >>> find(claims(), lambda c: True).claimant_id is None
        True
    """
    own_id = id or ClaimId(f"claim-{draw(_WORDS)}")
    return Claim(
        id=own_id, claimant_id=_maybe(draw, actor_ids), span=draw(_SPANS),
        medium=draw(_choice(Medium)), summary=draw(_PROSE), quote=draw(_MAYBE_PROSE),
        about_actor_ids=_pick(draw, actor_ids), about_territory_ids=_pick(draw, territory_ids),
        about_event_ids=_pick(draw, event_ids), disputes_ids=_pick(draw, [c for c in claim_ids if c != own_id]),
        external_ids=_external_ids(draw, own_id, ("ged", "acled")), citations=draw(_cites(source_ids, max_block, file_ids)), note=draw(_NOTES),
    )


@st.composite
def stances(draw: st.DrawFn, *, id: StanceId | None = None,
            actor_ids: Sequence[ActorId] = (ActorId("holder"),), territory_ids: Sequence[TerritoryId] = (),
            event_ids: Sequence[EventId] = (), claim_ids: Sequence[ClaimId] = (),
            source_ids: Sequence[SourceId] = (_SOURCE,), max_block: int = 22,
        file_ids: Sequence[SourceId] = (), spans: st.SearchStrategy[TimeSpan] | None = None) -> Stance:
    """A stance held by one of *actor_ids* toward one actor, territory or event.

    *spans* overrides the strategy for its span.

    Examples:
        >>> from hypothesis import find
        >>> find(stances(), lambda s: True).toward_id
        'holder'
    """
    targets = ["actor"] + (["territory"] if territory_ids else []) + (["event"] if event_ids else [])
    target = draw(_choice(targets))
    own_id = id or StanceId(f"stance-{draw(_WORDS)}")
    return Stance(
        id=own_id, holder_id=draw(_choice(actor_ids)),
        kind=draw(_choice(StanceKind)),
        toward_actor_id=draw(_choice(actor_ids)) if target == "actor" else None,
        toward_territory_id=draw(_choice(territory_ids)) if target == "territory" else None,
        toward_event_id=draw(_choice(event_ids)) if target == "event" else None,
        span=draw(_SPANS if spans is None else spans), claim_ids=_pick(draw, claim_ids),
        external_ids=_external_ids(draw, own_id, ("ged", "acled")),
        citations=draw(_cites(source_ids, max_block, file_ids)), note=draw(_NOTES),
    )


_SIDED = st.sampled_from([Side.A, Side.B])


def _parties(draw: st.DrawFn, actor_ids: Sequence[ActorId], *, supporters: bool) -> tuple[Participant, ...]:
    """Parties on side A and B (each actor once per role), and, with *supporters*, states backing a side."""
    found: list[Participant] = []
    for actor_id in _pick(draw, actor_ids, max_size=4):
        role = Role.SUPPORTER if supporters and draw(st.integers(0, 3)) == 0 else Role.PARTICIPANT
        found.append(Participant(actor_id, role, draw(_SIDED)))
    return tuple(found)


@st.composite
def conflicts(draw: st.DrawFn, *, id: ConflictId | None = None, index: int = 0,
              actor_ids: Sequence[ActorId] = (), territory_ids: Sequence[TerritoryId] = (),
              source_ids: Sequence[SourceId] = (_SOURCE,), max_block: int = 22,
              file_ids: Sequence[SourceId] = ()) -> Conflict:
    """A conflict between some of *actor_ids* (sides A and B, and backers of a side), with years and episodes.

    Its name is made from *index*, so conflicts of one `datasets` draw never share one.

    Examples:
        >>> from hypothesis import find
        >>> find(conflicts(), lambda c: True).years
        ()
    """
    own_id = id or ConflictId(f"conflict-{index}")
    cites = _cites(source_ids, max_block, file_ids)
    years = sorted(set(draw(st.lists(st.integers(1946, 2030), max_size=3))))
    return Conflict(
        id=own_id, name=f"Conflict {index}", aliases=(f"War {index}",) if draw(st.booleans()) else (),
        incompatibility=draw(st.none() | _choice(Incompatibility)),
        conflict_type=draw(st.none() | _choice(ConflictType)), territory_ids=_pick(draw, territory_ids, max_size=1),
        participants=_parties(draw, actor_ids, supporters=True), start=draw(_SPANS),
        episodes=tuple(Episode(start=draw(_SPANS), end=draw(st.none() | _SPANS), citations=draw(cites))
                       for _ in range(draw(st.integers(0, 2)))),
        years=tuple(ConflictYear(year=y, intensity=draw(st.none() | _choice(Intensity)),
                                 source_codes=draw(_SOURCE_CODES), citations=draw(cites),
                                 battle_deaths=draw(st.none() | counts())) for y in years),
        external_ids=_external_ids(draw, own_id, ("ucdp-conflict",)), source_codes=draw(_SOURCE_CODES),
        citations=draw(cites), note=draw(_NOTES),
    )


@st.composite
def dyads(draw: st.DrawFn, *, id: DyadId | None = None, index: int = 0, conflict_ids: Sequence[ConflictId] = (
          ConflictId("conflict-0"),), actor_ids: Sequence[ActorId] = (), source_ids: Sequence[SourceId] = (_SOURCE,),
          max_block: int = 22, file_ids: Sequence[SourceId] = ()) -> Dyad:
    """A dyad of one of *conflict_ids* between some of *actor_ids*, with battle deaths for some years.

    Examples:
        >>> from hypothesis import find
        >>> find(dyads(), lambda d: True).conflict_id
        'conflict-0'
    """
    own_id = id or DyadId(f"dyad-{index}")
    cites = _cites(source_ids, max_block, file_ids)
    years = sorted(set(draw(st.lists(st.integers(1989, 2030), max_size=3))))
    return Dyad(
        id=own_id, name=f"Dyad {index}", conflict_id=draw(_choice(conflict_ids)),
        participants=_parties(draw, actor_ids, supporters=False),
        years=tuple(DyadYear(year=y, battle_deaths=draw(counts()), citations=draw(cites)) for y in years),
        external_ids=_external_ids(draw, own_id, ("ucdp-dyad",)), citations=draw(cites), note=draw(_NOTES),
    )


class _Common(TypedDict):
    source_ids: Sequence[SourceId]
    max_block: int
    file_ids: Sequence[SourceId]


@st.composite
def datasets(draw: st.DrawFn, *, max_actors: int = 6, max_territories: int = 4, max_events: int = 20,
             max_ceasefires: int = 2, max_claims: int = 8, max_stances: int = 8, max_sources: int = 3,
             max_conflicts: int = 3, max_dyads: int = 4,
             spans: st.SearchStrategy[TimeSpan] | None = None,
             record_spans: st.SearchStrategy[TimeSpan] | None = None) -> Dataset:
    """Whole data sets that pass every integrity check, of every record type.

    There are 1..*max_sources* sources (``source-0``, ``source-1``, …), each with its
    own horizon (`sources`), and records cite any of them, so a record's horizon is
    the latest of several; open-ended spans occur in every dated field.
    *spans* overrides the strategy for event spans (e.g. to crowd them into a few
    years); *record_spans* that for the spans of control periods, stances,
    memberships and roles (e.g. to make open ends common). Shrinks toward the empty
    data set with one source.

    Examples:
        A property of every data set, as a test would state it:

        >>> from hypothesis import given, settings
        >>> @settings(max_examples=5, database=None)
        ... @given(datasets())
        ... def test_participants_are_actors(ds):
        ...     actor_ids = {actor.id for actor in ds.actors}
        ...     assert all(p.actor_id in actor_ids for e in ds.events for p in e.participants)
        >>> test_participants_are_actors()
    """
    blocks = draw(st.integers(1, 30))
    source_ids = [SourceId(f"source-{i}") for i in range(draw(st.integers(1, max(max_sources, 1))))]
    source_list = [draw(sources(id=i, blocks=blocks)) for i in source_ids]
    file_ids = [_FILE] if draw(st.booleans()) else []
    source_list += [draw(data_files(id=f)) for f in file_ids]
    common = _Common(source_ids=source_ids, max_block=blocks, file_ids=file_ids)
    n_actors = draw(st.integers(0, max_actors))
    actor_ids = [ActorId(f"actor-{i}") for i in range(n_actors)]
    actor_list = [draw(actors(id=a, index=i, actor_ids=actor_ids, spans=record_spans, **common))
                  for i, a in enumerate(actor_ids)]
    n_territories = draw(st.integers(0, max_territories))
    territory_ids = [TerritoryId(f"territory-{i}") for i in range(n_territories)]
    territory_list = [
        draw(territories(id=t, index=i, actor_ids=actor_ids, territory_ids=[x for x in territory_ids if x != t],
                         spans=record_spans, **common))
        for i, t in enumerate(territory_ids)
    ]
    n_events = draw(st.integers(0, max_events))
    event_ids = [EventId(f"event-{i}") for i in range(n_events)]
    event_list = [
        draw(events(id=e, actor_ids=actor_ids, territory_ids=territory_ids, parent_ids=event_ids[:i],
                    spans=spans, **common))
        for i, e in enumerate(event_ids)
    ]
    ceasefire_list = []
    if actor_ids:
        ceasefire_list = [
            draw(ceasefires(id=CeasefireId(f"ceasefire-{i}"), actor_ids=actor_ids, territory_ids=territory_ids,
                            event_ids=event_ids, **common))
            for i in range(draw(st.integers(0, max_ceasefires)))
        ]
    claim_ids = [ClaimId(f"claim-{i}") for i in range(draw(st.integers(0, max_claims)))]
    claim_list = [
        draw(claims(id=c, actor_ids=actor_ids, territory_ids=territory_ids, event_ids=event_ids,
                    claim_ids=claim_ids, **common))
        for i, c in enumerate(claim_ids)
    ]
    stance_list = []
    if actor_ids:
        stance_list = [
            draw(stances(id=StanceId(f"stance-{i}"), actor_ids=actor_ids, territory_ids=territory_ids,
                         event_ids=event_ids, claim_ids=claim_ids, spans=record_spans, **common))
            for i in range(draw(st.integers(0, max_stances)))
        ]
    conflict_ids = [ConflictId(f"conflict-{i}") for i in range(draw(st.integers(0, max_conflicts)))]
    conflict_list = [draw(conflicts(id=c, index=i, actor_ids=actor_ids, territory_ids=territory_ids, **common))
                     for i, c in enumerate(conflict_ids)]
    dyad_list = []
    if conflict_ids:
        dyad_list = [draw(dyads(id=DyadId(f"dyad-{i}"), index=i, conflict_ids=conflict_ids, actor_ids=actor_ids,
                                **common))
                     for i in range(draw(st.integers(0, max_dyads)))]
    # Drawn last (the conflicts come after the ceasefires), so that the draws above stay as they were.
    ceasefire_list = [attrs.evolve(c, conflict_ids=_pick(draw, conflict_ids)) if conflict_ids else c
                      for c in ceasefire_list]
    dyad_ids = [d.id for d in dyad_list]
    ceasefire_list = [attrs.evolve(c, dyad_ids=_pick(draw, dyad_ids)) if dyad_ids else c for c in ceasefire_list]
    return Dataset(
        sources=tuple(source_list), actors=tuple(actor_list), territories=tuple(territory_list), events=tuple(event_list),
        ceasefires=tuple(ceasefire_list), claims=tuple(claim_list), stances=tuple(stance_list),
        conflicts=tuple(conflict_list), dyads=tuple(dyad_list),
    )


@st.composite
def dangling_references(draw: st.DrawFn, *, max_events: int = 10) -> tuple[dict[str, tuple[Record, ...]], str]:
    """A data set's records with one reference (of any field in the registry) pointing nowhere.

    Returns the records by collection, ready for ``Dataset(**records)``, and the JSON
    path of the planted reference, which the integrity check must report. Every
    reference field of every record type can be drawn, citations' sources included.
    *max_events* goes to `datasets`.

    Examples:
        The integrity check reports every planted reference at its path:

        >>> from hypothesis import given, settings
        >>> from caucasus_conflict import Dataset, DataError
        >>> @settings(max_examples=5, database=None)
        ... @given(dangling_references())
        ... def test_is_reported(planted):
        ...     records, path = planted
        ...     try:
        ...         Dataset(**records)
        ...     except DataError as error:
        ...         assert path in [problem.path for problem in error.problems]
        ...     else:
        ...         raise AssertionError(f"{path} was accepted")
        >>> test_is_reported()
    """
    ds = draw(datasets(max_events=max_events).filter(lambda d: any(_places(d))))
    collection, position, field, suffix, where = draw(st.sampled_from(list(_places(ds))))
    records = {t.collection: getattr(ds, t.collection) for t in RECORD_TYPES}
    if field.is_citation:
        citation = next(v for s, w, v in field.located(records[collection][position]) if w == where)
        planted: Any = attrs.evolve(citation, source_id=SourceId("nowhere"))
        suffix += ".source_id"
    else:
        planted = "nowhere"
    broken = field.replaced(records[collection][position], where, planted)
    items = records[collection]
    records[collection] = (*items[:position], broken, *items[position + 1:])
    return records, f"$.{collection}[{position}]{suffix}"


def _places(ds: Dataset) -> Iterable[tuple[str, int, Field, str, _Where]]:
    for rtype in RECORD_TYPES:
        for position, record in enumerate(getattr(ds, rtype.collection)):
            for field in rtype.references:
                for suffix, where, _ in field.located(record):
                    yield rtype.collection, position, field, suffix, where
