"""Tests for `Dataset`: integrity checks, lookups, and every query against a brute-force oracle."""

from __future__ import annotations

import datetime as dt

import attrs
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import caucasus_conflict as cc
from caucasus_conflict import strategies as ccst

from .conftest import FIXTURES

START, END = dt.date(2000, 1, 1), dt.date(2003, 12, 31)
# Event spans crowded into four years, so that windows in the same years hit often; day,
# month, year, multi-year, open and unknown spans all occur.
CROWDED = ccst.timespans(min_value=START, max_value=END)
DATASETS = ccst.datasets(max_events=30, spans=CROWDED)
WINDOW_BOUNDS = ccst.timespans(min_value=START, max_value=END, allow_unknown=False, allow_inferred=False)
CITE = (cc.Citation(cc.SourceId("s"), (1,)),)
SOURCE = cc.Source(id=cc.SourceId("s"), title="T", publisher="P", url="https://example.org", credit="P",
                   published=cc.TimeSpan.parse("2024"), blocks=3)


def chronological(records: list[cc.Event]) -> tuple[cc.Event, ...]:
    """The documented order, computed independently of the index."""
    return tuple(sorted(records, key=lambda r: (r.span.sort_key(), r.id)))


def window_of(start: cc.TimeSpan | None, end: cc.TimeSpan | None) -> tuple[int, int]:
    """The window from the first day of *start* to the last day of *end*, as ordinals (open: unbounded)."""
    low = start.first_day.toordinal() if start is not None and start.first_day else -1
    high = end.last_day.toordinal() if end is not None and end.last_day else 10**8
    return low, high


def overlaps(span: cc.TimeSpan, window: tuple[int, int]) -> bool:
    """Brute force: a dated span shares at least one day with the window."""
    if not span.is_known:
        return False
    low = span.first_day.toordinal() if span.first_day else -1
    high = span.last_day.toordinal() if span.last_day else 10**8
    return low <= window[1] and window[0] <= high


def within(span: cc.TimeSpan, window: tuple[int, int]) -> bool:
    """Brute force: every day a dated span can cover lies in the window."""
    if not span.is_known:
        return False
    low = span.first_day.toordinal() if span.first_day else -1
    high = span.last_day.toordinal() if span.last_day else 10**8
    return window[0] <= low and high <= window[1]


@st.composite
def windows(draw: st.DrawFn, ds: cc.Dataset) -> tuple[cc.TimeSpan, cc.TimeSpan]:
    """A valid window: random bounds, or bounds taken from event spans so that edges coincide."""
    pool = [e.span for e in ds.events if e.span.is_known and e.span.basis is cc.Basis.STATED]
    # The single first and last days of the spans too, so that a window can end on the day an
    # open-ended span starts, or start on the day an open-started one ends (found by planting
    # that off-by-one in the index: no window reached it, at any number of examples).
    pool += [cc.TimeSpan.day(d.year, d.month, d.day) for e in ds.events if e.span.is_known
             for d in (e.span.first_day, e.span.last_day) if d is not None]
    bound = st.sampled_from(pool) | WINDOW_BOUNDS if pool else WINDOW_BOUNDS
    a, b = draw(bound), draw(bound)
    low, high = window_of(a, b)
    if high < low:
        a, b = b, a
        low, high = window_of(a, b)
    if high < low:
        b = a
    return a, b


@st.composite
def windows_or_open(draw: st.DrawFn, ds: cc.Dataset) -> tuple[cc.TimeSpan | None, cc.TimeSpan | None]:
    """A window that may be open on either side (None), as events_between accepts."""
    a, b = draw(windows(ds))
    return (None if draw(st.booleans()) else a), (None if draw(st.booleans()) else b)


def with_records(ds: cc.Dataset, **collections: tuple[object, ...]) -> cc.Dataset:
    """*ds* with the given collections in place of its own (``events=(...)``), checked again."""
    records = {t.collection: getattr(ds, t.collection) for t in cc.RECORD_TYPES}
    return cc.Dataset(**{**records, **collections})


class TestIntegrity:
    def test_in_memory_errors_have_no_file(self) -> None:
        """A data set built in code reports problems with file None and JSON-style paths."""
        actor = cc.Actor(id=cc.ActorId("a"), name="A", kind=cc.ActorKind.STATE, part_of_id=cc.ActorId("b"),
                         citations=CITE)
        with pytest.raises(cc.DataError) as info:
            cc.Dataset(sources=(SOURCE,), actors=(actor,))
        assert info.value.file is None
        assert [str(p) for p in info.value.problems] == ["$.actors[0].part_of_id: unknown actor id 'b'"]

    def test_same_object_twice(self) -> None:
        """The same record object listed twice is a duplicate id, not silently kept twice."""
        event = cc.Event(id=cc.EventId("e"), kind=cc.EventKind.WAR, summary="w", span=cc.TimeSpan.parse("2020"),
                         citations=CITE)
        with pytest.raises(cc.DataError) as info:
            cc.Dataset(sources=(SOURCE,), events=(event, event))
        assert [str(p) for p in info.value.problems] == [
            "$.events[1].id: duplicate id 'e' (first used at $.events[0].id); give every record its own id"
        ]

    def test_every_duplicate_names_its_first_use(self) -> None:
        """Several duplicates across collections are all reported, each pointing at the id's first use."""
        def event(id_: str) -> cc.Event:
            return cc.Event(id=cc.EventId(id_), kind=cc.EventKind.WAR, summary="w", span=cc.TimeSpan.parse("2020"),
                            citations=CITE)
        actor = cc.Actor(id=cc.ActorId("x"), name="X", kind=cc.ActorKind.STATE, citations=CITE)
        with pytest.raises(cc.DataError) as info:
            cc.Dataset(sources=(SOURCE,), actors=(actor,), events=(event("e"), event("x"), event("e"), event("e")))
        assert [str(p) for p in info.value.problems] == [
            "$.events[1].id: duplicate id 'x' (first used at $.actors[0].id); give every record its own id",
            "$.events[2].id: duplicate id 'e' (first used at $.events[0].id); give every record its own id",
            "$.events[3].id: duplicate id 'e' (first used at $.events[0].id); give every record its own id",
        ]

    def test_collections_must_be_tuples_of_their_type(self) -> None:
        """A list, or a record of the wrong type, is refused with a TypeError saying what to pass."""
        actor = cc.Actor(id=cc.ActorId("a"), name="A", kind=cc.ActorKind.STATE, citations=CITE)
        with pytest.raises(TypeError, match=r"'actors' must be a tuple \(got \[Actor"):
            cc.Dataset(sources=(SOURCE,), actors=[actor])  # type: ignore[arg-type]
        with pytest.raises(TypeError) as info:
            cc.Dataset(sources=(SOURCE,), events=(actor,))  # type: ignore[arg-type]
        assert str(info.value) == "events[0] must be an Event (got Actor); pass Event records in 'events'"

    def test_parent_cycle(self) -> None:
        """Events that are each other's ancestors are rejected."""
        def event(id_: str, parent: str) -> cc.Event:
            return cc.Event(id=cc.EventId(id_), kind=cc.EventKind.WAR, summary="w", span=cc.TimeSpan.parse("2020"),
                            parent_id=cc.EventId(parent), citations=CITE)
        with pytest.raises(cc.DataError) as info:
            cc.Dataset(sources=(SOURCE,), events=(event("x", "y"), event("y", "x")))
        assert [str(p) for p in info.value.problems] == [
            "$.events[0].parent_id: parent events form a cycle (x -> y -> x); an event cannot be its own ancestor"
        ]

    def test_name_without_letters(self) -> None:
        """A name that folds to nothing cannot be looked up and is rejected."""
        actor = cc.Actor(id=cc.ActorId("a"), name="A", kind=cc.ActorKind.STATE, aliases=("--",), citations=CITE)
        with pytest.raises(cc.DataError) as info:
            cc.Dataset(sources=(SOURCE,), actors=(actor,))
        assert [str(p) for p in info.value.problems] == [
            "$.actors[0].aliases[0]: '--' has no letters or digits to look it up by"
        ]

    def test_same_name_for_actor_and_territory_allowed(self) -> None:
        """Actors and territories are separate namespaces: 'Azerbaijan' may name both."""
        ds = cc.load()
        assert ds.actor("Azerbaijan").name == ds.territory("Azerbaijan").name

    @given(DATASETS)
    def test_generated_datasets_are_valid(self, ds: cc.Dataset) -> None:
        """The public strategy builds data sets that pass every check and rebuild equal."""
        assert cc.Dataset(sources=ds.sources, actors=ds.actors, territories=ds.territories, events=ds.events,
                          ceasefires=ds.ceasefires, claims=ds.claims, stances=ds.stances, conflicts=ds.conflicts,
                          dyads=ds.dyads) == ds


class TestActorLookup:
    @given(DATASETS, st.data())
    def test_every_name_resolves(self, ds: cc.Dataset, data: st.DataObject) -> None:
        """Every id, name and alias resolves to its record, in any case and punctuation."""
        for actor in ds.actors:
            for name in (actor.id, *actor.names):
                variant = data.draw(st.sampled_from([name, name.upper(), name.lower(), f" {name}.", name.replace(" ", "-")]))
                assert ds.actor(variant) is actor
                assert ds.get_actor(variant) is actor

    def test_accents_and_punctuation(self) -> None:
        """Lookup ignores accents, case and punctuation."""
        ds = cc.load(FIXTURES / "minimal.json")
        assert ds.actor("NORD-HAVEN").id == "north"
        assert ds.actor("Nördhåven").id == "north"
        assert ds.territory("the valley!").id == "valley"

    def test_unknown_name_suggests(self) -> None:
        """An unknown name raises UnknownNameError (a LookupError) with the closest names."""
        ds = cc.load(FIXTURES / "minimal.json")
        with pytest.raises(LookupError) as info:
            ds.actor("Northlnd")
        assert isinstance(info.value, cc.UnknownNameError)
        assert info.value.suggestions == ("Northland",)
        assert str(info.value) == "no actor named 'Northlnd'; did you mean 'Northland'?"

    def test_no_suggestion(self) -> None:
        """With nothing close, the message says how to find names."""
        ds = cc.load(FIXTURES / "minimal.json")
        with pytest.raises(cc.UnknownNameError) as info:
            ds.territory("Xyzzy")
        assert str(info.value) == "no territory named 'Xyzzy'; check the spelling (ids, names and aliases are all accepted)"

    def test_get_default(self) -> None:
        """get_actor returns the default for an unknown name instead of raising."""
        ds = cc.load(FIXTURES / "minimal.json")
        assert ds.get_actor("nobody") is None
        assert ds.get_actor("nobody", "fallback") == "fallback"
        assert ds.get_territory("nowhere") is None

    def test_record_objects_pass_through(self) -> None:
        """Passing a record where a name is expected returns it."""
        ds = cc.load(FIXTURES / "minimal.json")
        north = ds.actor("north")
        assert ds.actor(north) is north

    def test_find_ranks_stably(self) -> None:
        """find_actors ranks by similarity, ties by id."""
        ds = cc.load(FIXTURES / "minimal.json")
        assert [a.id for a in ds.find_actors("land")] == ["north", "south"]
        assert [a.id for a in ds.find_actors("South")] == ["south", "north"]
        assert len(ds.find_actors("x", limit=1)) == 1
        assert ds.find_actors("x", limit=0) == ()
        with pytest.raises(cc.QueryError, match=r"'limit' must be >= 0 \(got -1\)"):
            ds.find_actors("x", limit=-1)

    def test_by_id_lookups(self) -> None:
        """Each record type has a by-id lookup; a wrong id suggests the closest."""
        ds = cc.load(FIXTURES / "minimal.json")
        assert ds.event("raid").kind is cc.EventKind.OFFENSIVE
        assert ds.claim("denial").claimant_id == "north"
        assert ds.stance("south-opposes-raid").kind is cc.StanceKind.OPPOSES
        assert ds.source("memo").blocks == 3
        assert isinstance(ds.record("valley"), cc.Territory)
        with pytest.raises(cc.UnknownNameError, match="did you mean 'raid'"):
            ds.event("raids")
        with pytest.raises(cc.UnknownNameError):
            ds.event("north")  # an actor's id is not an event's


# The window queries run on the query index: 30 examples catch every bug planted in it
# (docs/testing.md), so they never run fewer, whichever profile is loaded.
AT_LEAST_30 = settings(max_examples=max(30, settings().max_examples))  # settings() is the loaded profile


class TestEventsBetween:
    @AT_LEAST_30
    @given(DATASETS, st.data())
    def test_overlap_matches_oracle(self, ds: cc.Dataset, data: st.DataObject) -> None:
        """events_between equals a scan for events overlapping the window, in chronological order."""
        start, end = data.draw(windows(ds))
        window = window_of(start, end)
        expected = chronological([e for e in ds.events if overlaps(e.span, window)])
        assert ds.events_between(start, end) == expected

    @AT_LEAST_30
    @given(DATASETS, st.data(), st.booleans())
    def test_open_windows_match_oracle(self, ds: cc.Dataset, data: st.DataObject, within_: bool) -> None:
        """A None bound leaves that side open, for overlap and for within."""
        start, end = data.draw(windows_or_open(ds))
        window = window_of(start, end)
        test = within if within_ else overlaps
        expected = chronological([e for e in ds.events if test(e.span, window)])
        assert ds.events_between(start, end, within=within_) == expected

    @AT_LEAST_30
    @given(ccst.datasets(max_events=15, spans=ccst.timespans(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))),
           st.data())
    def test_whole_calendar_matches_oracle(self, ds: cc.Dataset, data: st.DataObject) -> None:
        """Spans and windows anywhere from year 1 to 9999, including both edges, agree with the scan."""
        bounds = ccst.timespans(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31), allow_unknown=False)
        start, end = data.draw(bounds), data.draw(bounds)
        if window_of(start, end)[1] < window_of(start, end)[0]:
            start, end = end, start
        if window_of(start, end)[1] < window_of(start, end)[0]:
            end = start
        window = window_of(start, end)
        assert ds.events_between(start, end) == chronological([e for e in ds.events if overlaps(e.span, window)])
        assert ds.events_between(start, end, within=True) == chronological(
            [e for e in ds.events if within(e.span, window)])

    @AT_LEAST_30
    @given(DATASETS, st.data())
    def test_within_matches_oracle(self, ds: cc.Dataset, data: st.DataObject) -> None:
        """within=True equals a scan for events the window contains."""
        start, end = data.draw(windows(ds))
        window = window_of(start, end)
        expected = chronological([e for e in ds.events if within(e.span, window)])
        assert ds.events_between(start, end, within=True) == expected

    @AT_LEAST_30
    @given(DATASETS, st.data())
    def test_include_undated(self, ds: cc.Dataset, data: st.DataObject) -> None:
        """include_undated appends every undated event after the dated ones, never silently."""
        start, end = data.draw(windows(ds))
        undated = chronological([e for e in ds.events if not e.span.is_known])
        got = ds.events_between(start, end, include_undated=True)
        assert got == ds.events_between(start, end) + undated
        assert ds.undated_events() == undated

    @AT_LEAST_30
    @given(DATASETS)
    def test_chronology_is_every_event(self, ds: cc.Dataset) -> None:
        """chronology() holds every event once, in the documented order."""
        assert ds.chronology() == chronological(list(ds.events))

    def test_year_overlaps_month_but_is_not_within(self) -> None:
        """A record dated 2020 overlaps a window in March 2020 but is not within it."""
        event = cc.Event(id=cc.EventId("e"), kind=cc.EventKind.WAR, summary="w", span=cc.TimeSpan.parse("2020"),
                         citations=CITE)
        ds = cc.Dataset(sources=(SOURCE,), events=(event,))
        assert ds.events_between("2020-03", "2020-03") == (event,)
        assert ds.events_between("2020-03", "2020-03", within=True) == ()
        assert ds.events_between("2020", "2020", within=True) == (event,)

    def test_accepts_dates_and_spans(self) -> None:
        """Bounds may be date, pendulum.Date, text or TimeSpan, with the same answer."""
        ds = cc.load(FIXTURES / "minimal.json")
        expected = ds.events_between("2024-02-01", "2024-02-29")
        assert ds.events_between(dt.date(2024, 2, 1), pendulum.Date(2024, 2, 29)) == expected
        assert ds.events_between(cc.TimeSpan.month(2024, 2), "2024-02") == expected
        assert [e.id for e in expected] == ["raid"]

    def test_open_window(self) -> None:
        """An open range as a bound leaves that side of the window open."""
        ds = cc.load(FIXTURES / "minimal.json")
        assert [e.id for e in ds.events_between("2024-02-11/..", "2024-02-11/..")] == ["raid"]
        assert ds.events_between("../1990", "../1990") == ()

    @pytest.mark.parametrize(
        ("start", "end", "message"),
        [
            ("2024-03", "2024-02", "the window ends before it starts"),
            ("unknown", "2024", "a query date must be known"),
            ("2024-2", "2024", "is not a date of the form"),
        ],
    )
    def test_bad_window(self, start: str, end: str, message: str) -> None:
        """A reversed, undated or malformed window raises TimeSpanError."""
        ds = cc.load(FIXTURES / "minimal.json")
        with pytest.raises(cc.TimeSpanError, match=message):
            ds.events_between(start, end)


class TestEventFilters:
    @given(DATASETS, st.data())
    def test_involving_matches_oracle(self, ds: cc.Dataset, data: st.DataObject) -> None:
        """events_involving equals a scan of participants, optionally by role."""
        if not ds.actors:
            return
        actor = data.draw(st.sampled_from(ds.actors))
        role = data.draw(st.none() | st.sampled_from(cc.Role))
        expected = chronological([
            e for e in ds.events
            if any(p.actor_id == actor.id and (role is None or p.role is role) for p in e.participants)
        ])
        assert ds.events_involving(actor.name, role=role) == expected

    @given(DATASETS, st.sampled_from(cc.EventKind))
    def test_of_kind_matches_oracle(self, ds: cc.Dataset, kind: cc.EventKind) -> None:
        """events_of_kind equals a scan by kind; the value string works too."""
        expected = chronological([e for e in ds.events if e.kind is kind])
        assert ds.events_of_kind(kind) == expected
        assert ds.events_of_kind(kind.value) == expected

    @given(DATASETS, st.data())
    def test_in_matches_oracle(self, ds: cc.Dataset, data: st.DataObject) -> None:
        """events_in equals a scan of territory ids."""
        if not ds.territories:
            return
        territory = data.draw(st.sampled_from(ds.territories))
        expected = chronological([e for e in ds.events if territory.id in e.territory_ids])
        assert ds.events_in(territory.id) == expected

    def test_unknown_kind(self) -> None:
        """An unknown kind is a QueryError (a ValueError) naming it and listing the kinds."""
        with pytest.raises(cc.QueryError) as info:
            cc.load(FIXTURES / "minimal.json").events_of_kind("battle")
        assert str(info.value) == (
            "'battle' is not a valid EventKind; expected one of 'war', 'offensive', 'clashes', 'blockade', "
            "'armistice', 'mobilisation', 'martial_law', 'declaration', 'deployment', 'withdrawal', 'exercise', "
            "'negotiation', 'dissolution', 'control_change', 'statement', 'one_sided_violence', 'remote_violence', "
            "'protest', 'riot', 'agreement', 'arrest', 'group_change', 'disrupted_weapons_use', 'base_established', 'looting', 'other_development'"
        )
        assert isinstance(info.value, ValueError)


class TestStances:
    @given(DATASETS, st.data())
    def test_actors_by_stance_matches_oracle(self, ds: cc.Dataset, data: st.DataObject) -> None:
        """actors_by_stance equals a scan of stances by kind, target and date."""
        targets: list[cc.Actor | cc.Territory | cc.Event] = [*ds.actors, *ds.territories, *ds.events]
        if not targets:
            return
        # Mostly a stance's own target, kind and (a day of its) span, so that the answer is
        # seldom empty and `at=` falls on a stance's edges; otherwise anything.
        stance: cc.Stance | None = None
        if bool(ds.stances) and data.draw(st.booleans()):
            stance = data.draw(st.sampled_from(ds.stances))
        if stance is None:
            target = data.draw(st.sampled_from(targets))
            kind = data.draw(st.sampled_from(cc.StanceKind))
            at = data.draw(st.none() | WINDOW_BOUNDS)
        else:
            target, kind = ds.resolve(stance.toward_id), stance.kind
            edges = [cc.TimeSpan.day(d.year, d.month, d.day) for d in (stance.span.first_day, stance.span.last_day)
                     if d is not None]
            at = data.draw(st.sampled_from(edges) | WINDOW_BOUNDS if edges else WINDOW_BOUNDS)
        holders = {
            s.holder_id for s in ds.stances
            if s.kind is kind and s.toward_id == target.id and (at is None or overlaps(s.span, window_of(at, at)))
        }
        assert ds.actors_by_stance(kind, toward=target, at=at) == tuple(ds.actor(h) for h in sorted(holders))
        assert ds.actors_by_stance(kind.value, toward=target.id, at=at) == ds.actors_by_stance(kind, toward=target, at=at)

    @given(DATASETS, st.data())
    def test_toward_anyone_matches_oracle(self, ds: cc.Dataset, data: st.DataObject) -> None:
        """Without toward, actors_by_stance and stances_toward equal a scan by kind and date alone (#12)."""
        stance = data.draw(st.sampled_from(ds.stances)) if bool(ds.stances) and data.draw(st.booleans()) else None
        kind = stance.kind if stance is not None else data.draw(st.sampled_from(cc.StanceKind))
        at = data.draw(st.none() | WINDOW_BOUNDS)
        expected = sorted((s for s in ds.stances if s.kind is kind and (at is None or overlaps(s.span, window_of(at, at)))),
                          key=lambda s: (s.span.sort_key(), s.id))
        assert ds.stances_toward(kind, at=at) == tuple(expected)
        assert ds.actors_by_stance(kind.value, at=at) == tuple(ds.actor(h) for h in sorted({s.holder_id for s in expected}))

    def test_toward_unknown_name(self) -> None:
        """An unknown target name raises UnknownNameError."""
        with pytest.raises(cc.UnknownNameError, match="no actor, territory or event named 'Atlantis'"):
            cc.load(FIXTURES / "minimal.json").actors_by_stance("supports", toward="Atlantis")


class TestClaims:
    @given(DATASETS, st.data())
    def test_claims_by_matches_oracle(self, ds: cc.Dataset, data: st.DataObject) -> None:
        """claims_by equals a scan by claimant, in chronological order."""
        if not ds.actors:
            return
        actor = data.draw(st.sampled_from(ds.actors))
        expected = tuple(sorted((c for c in ds.claims if c.claimant_id == actor.id),
                                key=lambda c: (c.span.sort_key(), c.id)))
        assert ds.claims_by(actor) == expected

    @given(DATASETS)
    def test_unattributed(self, ds: cc.Dataset) -> None:
        """unattributed_claims lists the claims with no claimant."""
        assert {c.id for c in ds.unattributed_claims()} == {c.id for c in ds.claims if c.claimant_id is None}

    @given(DATASETS, st.data())
    def test_claims_about_matches_oracle(self, ds: cc.Dataset, data: st.DataObject) -> None:
        """claims_about equals a scan of the claims' subjects."""
        targets: list[cc.Actor | cc.Territory | cc.Event] = [*ds.actors, *ds.territories, *ds.events]
        if not targets:
            return
        target = data.draw(st.sampled_from(targets))
        expected = tuple(sorted(
            (c for c in ds.claims if target.id in (*c.about_actor_ids, *c.about_territory_ids, *c.about_event_ids)),
            key=lambda c: (c.span.sort_key(), c.id),
        ))
        assert ds.claims_about(target) == expected
        assert ds.claims_about(target.id) == expected

    @given(DATASETS)
    def test_contradictions_match_oracle(self, ds: cc.Dataset) -> None:
        """contradictions lists each disputing pair once, earlier claim first."""
        key = {c.id: (c.span.sort_key(), c.id) for c in ds.claims}
        by_id = {c.id: c for c in ds.claims}
        pairs = {tuple(sorted((c.id, d), key=key.__getitem__)) for c in ds.claims for d in c.disputes_ids}
        expected = sorted(pairs, key=lambda p: (key[p[0]], key[p[1]]))
        assert ds.contradictions() == tuple((by_id[a], by_id[b]) for a, b in expected)


class TestControllerOf:
    @given(DATASETS, st.data())
    def test_matches_oracle(self, ds: cc.Dataset, data: st.DataObject) -> None:
        """controller_of equals a scan of the territory's control periods overlapping the date."""
        if not ds.territories:
            return
        territory = data.draw(st.sampled_from(ds.territories))
        at = data.draw(ccst.timespans(min_value=dt.date(1900, 1, 1), allow_unknown=False))
        expected = sorted((p for p in territory.control if overlaps(p.span, window_of(at, at))),
                          key=lambda p: p.span.sort_key())
        assert ds.controller_of(territory.name, at=at) == tuple(expected)

    def test_open_start_period(self) -> None:
        """A period open at the start is in force at any earlier date up to its end."""
        ds = cc.load(FIXTURES / "minimal.json")
        assert [p.controller_ids for p in ds.controller_of("valley", at="2023-12-31")] == [("north",)]
        assert ds.controller_of("valley", at="2024-01-01") == ()


class TestOrderedListings:
    @given(DATASETS)
    def test_claims_in_order(self, ds: cc.Dataset) -> None:
        """claims_in_order holds every claim once, chronologically, then by id."""
        assert ds.claims_in_order() == tuple(sorted(ds.claims, key=lambda c: (c.span.sort_key(), c.id)))

    @given(DATASETS)
    def test_ceasefires_in_order(self, ds: cc.Dataset) -> None:
        """ceasefires_in_order sorts by declared date, then id."""
        assert ds.ceasefires_in_order() == tuple(sorted(ds.ceasefires, key=lambda c: (c.declared.sort_key(), c.id)))

    @given(DATASETS, st.data())
    def test_ceasefires_involving(self, ds: cc.Dataset, data: st.DataObject) -> None:
        """ceasefires_involving equals a scan of parties and mediators."""
        if not ds.actors:
            return
        actor = data.draw(st.sampled_from(ds.actors))
        expected = [c for c in ds.ceasefires_in_order() if actor.id in (*c.party_ids, *c.mediator_ids)]
        assert ds.ceasefires_involving(actor) == tuple(expected)

    @given(DATASETS, st.data())
    def test_parts_of(self, ds: cc.Dataset, data: st.DataObject) -> None:
        """parts_of equals a scan of part_of_id, by id."""
        if not ds.territories:
            return
        territory = data.draw(st.sampled_from(ds.territories))
        expected = sorted((t for t in ds.territories if t.part_of_id == territory.id), key=lambda t: t.id)
        assert ds.parts_of(territory.id) == tuple(expected)

    @given(DATASETS, st.data())
    def test_stances_toward(self, ds: cc.Dataset, data: st.DataObject) -> None:
        """stances_toward equals a scan by kind and target, chronologically."""
        targets: list[cc.Actor | cc.Territory | cc.Event] = [*ds.actors, *ds.territories, *ds.events]
        if not targets:
            return
        target = data.draw(st.sampled_from(targets))
        kind = data.draw(st.sampled_from(cc.StanceKind))
        expected = sorted((s for s in ds.stances if s.kind is kind and s.toward_id == target.id),
                          key=lambda s: (s.span.sort_key(), s.id))
        assert ds.stances_toward(kind, toward=target) == tuple(expected)

    @given(DATASETS, st.data())
    def test_resolve(self, ds: cc.Dataset, data: st.DataObject) -> None:
        """resolve finds any actor, territory or event by id, and actors and territories by name."""
        targets: list[cc.Actor | cc.Territory | cc.Event] = [*ds.actors, *ds.territories, *ds.events]
        if not targets:
            return
        target = data.draw(st.sampled_from(targets))
        assert ds.resolve(target.id) is target
        if isinstance(target, cc.Actor):
            assert ds.resolve(target.name) is target


class TestCombinedQueries:
    @given(DATASETS, st.data())
    def test_events_matching_matches_oracle(self, ds: cc.Dataset, data: st.DataObject) -> None:
        """events_matching keeps exactly the events meeting every filter given, in chronological order."""
        actor = data.draw(st.none() | st.sampled_from(ds.actors)) if ds.actors else None
        territory = data.draw(st.none() | st.sampled_from(ds.territories)) if ds.territories else None
        kind = data.draw(st.none() | st.sampled_from(cc.EventKind))
        start, end = data.draw(windows_or_open(ds))
        within_, undated = data.draw(st.booleans()), data.draw(st.booleans())
        window = window_of(start, end)
        windowed = start is not None or end is not None

        def keep(e: cc.Event) -> bool:
            if actor is not None and actor.id not in [p.actor_id for p in e.participants]:
                return False
            if territory is not None and territory.id not in e.territory_ids:
                return False
            if kind is not None and e.kind is not kind:
                return False
            if not e.span.is_known:
                return undated
            return not windowed or (within(e.span, window) if within_ else overlaps(e.span, window))

        found = ds.events_matching(actor=actor, territory=territory, kind=kind, start=start, end=end,
                                   within=within_, include_undated=undated)
        dated = chronological([e for e in ds.events if keep(e) and e.span.is_known])
        undated_part = tuple(e for e in ds.undated_events() if keep(e))
        assert found == dated + undated_part

    def test_role_needs_actor(self) -> None:
        """A role without an actor is a usage error."""
        with pytest.raises(cc.QueryError, match="'role' needs 'actor'"):
            cc.load().events_matching(role="initiator")

    @given(DATASETS, st.data())
    def test_ceasefires_between_matches_oracle(self, ds: cc.Dataset, data: st.DataObject) -> None:
        """ceasefires_between keeps the ceasefires whose declared date overlaps (or lies within) the window."""
        start, end = data.draw(windows_or_open(ds))
        within_ = data.draw(st.booleans())
        window = window_of(start, end)
        test = within if within_ else overlaps
        expected = tuple(c for c in ds.ceasefires_in_order() if test(c.declared, window))
        assert ds.ceasefires_between(start, end, within=within_) == expected

    @given(DATASETS, st.data())
    def test_claims_matching_and_stances_by_match_oracle(self, ds: cc.Dataset, data: st.DataObject) -> None:
        """claims_matching intersects claims_by and claims_about; stances_by lists a holder's stances in order."""
        if not ds.actors:
            return
        by = data.draw(st.sampled_from(ds.actors))
        about = data.draw(st.sampled_from(ds.actors))
        expected = tuple(c for c in ds.claims_in_order() if c.claimant_id == by.id and about.id in c.about_actor_ids)
        assert ds.claims_matching(by=by, about=about) == expected
        stances = sorted((s for s in ds.stances if s.holder_id == by.id), key=lambda s: (s.span.sort_key(), s.id))
        assert ds.stances_by(by) == tuple(stances)


class TestArgumentErrors:
    """Each misuse names the argument, what it must be and the value given (`ArgumentTypeError`'s attributes)."""

    def test_merge_names_the_argument(self) -> None:
        """merge() of something that is not a data set says which argument it was."""
        ds = cc.load()
        with pytest.raises(cc.ArgumentTypeError) as info:
            ds.merge(ds, "x")  # type: ignore[arg-type]
        assert (str(info.value), info.value.field, info.value.expected, info.value.value) == (
            "merge() takes data sets (got str as argument 2)", "others[1]", "be a Dataset", "x")

    def test_merge_candidates(self) -> None:
        with pytest.raises(cc.ArgumentTypeError) as info:
            cc.load().merge_candidates("x")  # type: ignore[arg-type]
        assert (str(info.value), info.value.field, info.value.expected, info.value.value) == (
            "merge_candidates() takes a data set (got str)", "other", "be a Dataset", "x")

    def test_by_external_id_record_type(self) -> None:
        with pytest.raises(cc.ArgumentTypeError) as info:
            cc.load().by_external_id("gwno", 373, record_type=int)  # type: ignore[type-var]
        assert (info.value.field, info.value.expected, info.value.value) == (
            "record_type", "be a record class such as cc.Actor", int)

    def test_casualty_figures(self) -> None:
        ds = cc.load()
        with pytest.raises(cc.ArgumentTypeError) as info:
            ds.casualty_total(["x"])  # type: ignore[list-item]
        assert (str(info.value), info.value.expected, info.value.value) == (
            "expected CasualtyFigure rows from Dataset.casualties (got str)", "be a CasualtyFigure", "x")
        with pytest.raises(cc.ArgumentTypeError) as info:
            ds.corroborate("x")  # type: ignore[arg-type]
        assert (str(info.value), info.value.field, info.value.expected, info.value.value) == (
            "expected a CasualtyFigure from Dataset.casualties (got str)", "figure", "be a CasualtyFigure", "x")

    def test_unknown_record_id_suggests_three(self) -> None:
        """record() of an unknown id suggests the three closest ids, closest first."""
        with pytest.raises(cc.UnknownNameError) as info:
            cc.load().record("azerbaijan-operation")
        assert info.value.suggestions == ("azerbaijan-operation-2020", "azerbaijan-territory", "azerbaijan")


    def test_query_dates(self) -> None:
        """A query date that is not a date, or is unknown, is refused with the value and the reason."""
        ds = cc.load()
        with pytest.raises(cc.ArgumentTypeError) as info:
            ds.events_between(5, None)  # type: ignore[arg-type]
        assert (str(info.value), info.value.value) == ("expected a TimeSpan, a date or a 'YYYY[-MM[-DD]]' string "
                                                       "(got 5)", 5)
        with pytest.raises(cc.TimeSpanError) as unknown:
            ds.events_between(None, "unknown")
        assert str(unknown.value) == ("invalid time span 'unknown': a query date must be known; give a date, or None "
                                      "for an open end; undated_events() lists undated records")

    def test_reversed_window(self) -> None:
        """A window that ends before it starts says so, and how to fix it."""
        with pytest.raises(cc.TimeSpanError) as info:
            cc.load().events_between("2021", "2020")
        assert str(info.value) == ("invalid time span 'from 2021 to 2020': the window ends before it starts; "
                                   "swap the start and the end")

    def test_unknown_entity_suggests_names(self) -> None:
        """resolve() of a misspelt name suggests the names it may mean."""
        with pytest.raises(cc.UnknownNameError) as info:
            cc.load().resolve("Lachin corrdor")
        assert (info.value.suggestions, str(info.value)) == (
            ("Lachin corridor",), "no actor, territory or event named 'Lachin corrdor'; did you mean 'Lachin corridor'?")

    def test_suggestions_name_different_records(self) -> None:
        """A state and its land share a name; resolve() offers each once, in a form that gives it back."""
        ds = cc.load()
        with pytest.raises(cc.UnknownNameError) as info:
            ds.resolve("Azerbaijn")
        assert info.value.suggestions == ("Azerbaijan", "azerbaijan-territory")
        assert [type(ds.resolve(s)).__name__ for s in info.value.suggestions] == ["Actor", "Territory"]

    @given(DATASETS, st.data())
    def test_every_suggestion_resolves_to_a_record_of_its_own(self, ds: cc.Dataset, data: st.DataObject) -> None:
        """Each name resolve() suggests, passed back, gives a record no other suggestion gives."""
        names = [n for r in (*ds.actors, *ds.territories) for n in r.names]
        # A near miss of a name held (one character dropped), or any text.
        near = st.sampled_from(names).flatmap(
            lambda n: st.integers(0, max(len(n) - 1, 0)).map(lambda i: n[:i] + n[i + 1:])) if names else st.nothing()
        query = data.draw(near | st.text(max_size=12))
        try:
            ds.resolve(query)
        except cc.UnknownNameError as error:
            found = [ds.resolve(s) for s in error.suggestions]
            assert len({id(r) for r in found}) == len(found)


class TestEqualRecords:
    def test_an_equal_record_of_another_load_is_accepted(self) -> None:
        """A record equal to one held (the same file loaded twice) stands for it, as its id would."""
        ds, again = cc.load(FIXTURES / "minimal.json"), cc.load(FIXTURES / "minimal.json")
        actor = again.actors[0]
        assert actor is not ds.actors[0]
        assert ds.actor(actor) == ds.actors[0]
        assert ds.events_involving(actor) == ds.events_involving(actor.id)

    def test_get_takes_an_equal_record_of_another_load(self) -> None:
        """get_actor and get_territory give back a record equal to one held, not the default."""
        ds, again = cc.load(FIXTURES / "minimal.json"), cc.load(FIXTURES / "minimal.json")
        actor, territory = again.actors[0], again.territories[0]
        assert ds.get_actor(actor) is actor
        assert ds.get_territory(territory) is territory


class TestCeasefireWindows:
    """Windows that end the day before a ceasefire's declared date, or start on its last day or the day after."""

    def test_edges_of_each_declared_date(self) -> None:
        ds = cc.load()
        day = dt.timedelta(days=1)
        checked = 0
        for ceasefire in ds.ceasefires_in_order():
            first, last = ceasefire.declared.first_day, ceasefire.declared.last_day
            if first is None or last is None:
                continue
            for start, end in ((None, first - day), (last, None), (last + day, None), (first, last),
                               (first - day, last + day), (last, last + day)):
                bounds = tuple(None if b is None else cc.TimeSpan.parse(b.isoformat()) for b in (start, end))
                window = window_of(*bounds)
                for inside in (False, True):
                    test = within if inside else overlaps
                    expected = tuple(c for c in ds.ceasefires_in_order() if test(c.declared, window))
                    assert ds.ceasefires_between(*bounds, within=inside) == expected
                    checked += 1
        assert checked >= 12

    def test_actor(self) -> None:
        """With actor, only the ceasefires it is a party to or mediated, in the same order."""
        ds = cc.load()
        for actor in ds.actors:
            involved = ds.ceasefires_involving(actor)
            assert ds.ceasefires_between(None, None, actor=actor) == tuple(
                c for c in ds.ceasefires_between(None, None) if c in involved)
            assert ds.ceasefires_in_force("2021", actor=actor) == tuple(
                c for c in ds.ceasefires_in_force("2021") if c in involved)
        assert any(ds.ceasefires_in_force("2021", actor=a) for a in ds.actors)
        assert any(not ds.ceasefires_in_force("2021", actor=a) for a in ds.actors)


class TestEventsMatchingByActor:
    @staticmethod
    def with_an_undated_event() -> cc.Dataset:
        """The bundled data set with one more event: a copy of the first, undated."""
        ds = cc.load()
        undated = attrs.evolve(ds.events[0], id=cc.EventId("undated-copy"), span=cc.TimeSpan.unknown(), parent_id=None)
        return with_records(ds, events=(*ds.events, undated))

    @pytest.mark.parametrize("include_undated", [False, True])
    def test_actor_and_role(self, include_undated: bool) -> None:
        """events_matching(actor=, role=) is events_involving with that role; undated events only when asked."""
        ds = self.with_an_undated_event()
        assert ds.undated_events()
        for actor in ds.actors:
            for role in (None, *cc.Role):
                expected = tuple(e for e in ds.events_involving(actor, role=role)
                                 if include_undated or e.span.is_known)
                assert ds.events_matching(actor=actor, role=role, include_undated=include_undated) == expected
        assert any(ds.events_matching(actor=a, role=r) not in ((), ds.events_matching(actor=a))
                   for a in ds.actors for r in cc.Role)


# -- what the lookups' errors and defaults promise (found by mutation testing, #9) -------------

def seven_conflicts() -> cc.Dataset:
    """Seven conflicts named "Xland: region N", each with one dyad "Xland - rebels N", and no ceasefire."""
    conflicts = tuple(cc.Conflict(id=cc.ConflictId(f"k{n}"), name=f"Xland: region {n}", citations=CITE)
                      for n in range(7))
    dyads = tuple(cc.Dyad(id=cc.DyadId(f"d{n}"), name=f"Xland - rebels {n}", conflict_id=cc.ConflictId(f"k{n}"),
                          citations=CITE) for n in range(7))
    return cc.Dataset(sources=(SOURCE,), conflicts=conflicts, dyads=dyads)


class TestLookupWords:
    """Each id lookup names the record type it looked for, in its error and its message."""

    @pytest.mark.parametrize("kind", ["source", "ceasefire", "claim", "stance", "event"])
    def test_an_unknown_id_names_the_type(self, kind: str) -> None:
        with pytest.raises(cc.UnknownNameError) as info:
            getattr(cc.load(), kind)("no-such-id")
        assert (info.value.kind, info.value.query) == (kind, "no-such-id")
        assert str(info.value).startswith(f"no {kind} named 'no-such-id';")

    @pytest.mark.parametrize("kind", ["source", "ceasefire", "claim", "stance", "event", "record"])
    def test_an_id_that_is_no_string_names_the_type(self, kind: str) -> None:
        with pytest.raises(cc.ArgumentTypeError) as info:
            getattr(cc.load(), kind)(42)
        assert str(info.value) == f"expected the {kind}'s id as a string (got int: 42)"

    def test_an_unknown_record_id(self) -> None:
        with pytest.raises(cc.UnknownNameError) as info:
            cc.load().record("azerbaijan-operation")
        assert (info.value.kind, info.value.query) == ("record", "azerbaijan-operation")
        assert str(info.value) == ("no record named 'azerbaijan-operation'; did you mean 'azerbaijan-operation-2020', "
                                   "'azerbaijan-territory', 'azerbaijan'?")


class TestFindDefaults:
    """``find_*`` list five matches unless told otherwise, and refuse a query that is no string."""

    def test_five_actors_and_territories_by_default(self) -> None:
        ds = cc.load()
        assert len(ds.find_actors("a", limit=50)) > 5
        assert ds.find_actors("a") == ds.find_actors("a", limit=50)[:5]
        territories = ds.find_territories("a", limit=50)
        assert len(territories) > 5
        assert ds.find_territories("a") == territories[:5]

    def test_five_conflicts_and_dyads_by_default(self) -> None:
        ds = seven_conflicts()
        assert len(ds.find_conflicts("Xland region", limit=50)) == 7
        assert ds.find_conflicts("Xland region") == ds.find_conflicts("Xland region", limit=50)[:5]
        assert len(ds.find_dyads("Xland rebels", limit=50)) == 7
        assert ds.find_dyads("Xland rebels") == ds.find_dyads("Xland rebels", limit=50)[:5]

    @pytest.mark.parametrize("method", ["find_actors", "find_territories", "find_conflicts", "find_dyads"])
    def test_a_query_that_is_no_string(self, method: str) -> None:
        with pytest.raises(cc.ArgumentTypeError) as info:
            getattr(seven_conflicts(), method)(1)
        assert str(info.value) == "expected the query as a string (got int: 1)"

    def test_get_territory_gives_the_default(self) -> None:
        assert cc.load().get_territory("Atlantis", "none") == "none"


class TestConflictListings:
    def test_nothing_linked_is_an_empty_tuple(self) -> None:
        """A conflict with no ceasefire, a dyad with none: ``()``, as every listing gives."""
        ds = seven_conflicts()
        bare = cc.Dataset(sources=(SOURCE,), conflicts=ds.conflicts)
        assert bare.dyads_of("k0") == ()
        assert ds.ceasefires_of("k0") == ()
        assert ds.ceasefires_of_dyad("d0") == ()

    def test_backers_count_unless_left_out(self) -> None:
        """conflicts_involving lists a conflict an actor only backed, unless ``supporters=False``."""
        actors = tuple(cc.Actor(id=cc.ActorId(a), name=a.title(), kind=cc.ActorKind.STATE, citations=CITE)
                       for a in ("xland", "rebels", "backer"))
        parties = (cc.Participant(actor_id=cc.ActorId("xland"), role=cc.Role.INITIATOR, side=cc.Side.A),
                   cc.Participant(actor_id=cc.ActorId("rebels"), role=cc.Role.TARGET, side=cc.Side.B),
                   cc.Participant(actor_id=cc.ActorId("backer"), role=cc.Role.SUPPORTER, side=cc.Side.B))
        conflict = cc.Conflict(id=cc.ConflictId("k"), name="Xland: region", participants=parties, citations=CITE)
        ds = cc.Dataset(sources=(SOURCE,), actors=actors, conflicts=(conflict,))
        assert ds.conflicts_involving("backer") == (conflict,)
        assert ds.conflicts_involving("backer", side="b") == (conflict,)
        assert ds.conflicts_involving("backer", supporters=False) == ()
        assert ds.conflicts_involving("rebels", supporters=False) == (conflict,)


class TestMergeErrorsAndProblems:
    @staticmethod
    def named(actor_id: str, name: str) -> cc.Dataset:
        actor = cc.Actor(id=cc.ActorId(actor_id), name=name, kind=cc.ActorKind.STATE, citations=CITE)
        return cc.Dataset(sources=(SOURCE,), actors=(actor,))

    def test_problems_of_every_part_are_carried(self) -> None:
        """A merged data set lists the problems its parts' readers found, in the order of the parts."""
        first = cc.Dataset(sources=(SOURCE,), problems=(cc.Problem("a.csv:2:year", "no year"),))
        second = attrs.evolve(self.named("x", "X"), problems=(cc.Problem("b.csv:3:best", "no figure"),))
        assert [str(p) for p in first.merge(second).problems] == ["a.csv:2:year: no year", "b.csv:3:best: no figure"]

    def test_a_name_clash_names_the_mapping(self) -> None:
        """Two actors of one name and different ids: the clash is reported, with the mapping that would join them."""
        with pytest.raises(cc.DataError) as info:
            self.named("azerbaijan", "Azerbaijan").merge(self.named("ucdp-actor-64", "Azerbaijan"))
        assert [str(p) for p in info.value.problems] == [
            "$.actors[1].name: 'Azerbaijan' is already a name of actor 'azerbaijan'; names and aliases must identify "
            "one record"]
        assert info.value.advice == ("Records of different data sets share a name, and a name alone never joins "
                                     "them. If they are the same, say so with mapping={'ucdp-actor-64': "
                                     "'azerbaijan'}; if not, rename one.")


class TestCeasefiresInForce:
    """`ceasefires_in_force` against a scan of every ceasefire, by the rules its docstring gives."""

    @staticmethod
    def in_force(ds: cc.Dataset, ceasefire: cc.Ceasefire, at: cc.TimeSpan, known_only: bool) -> bool:
        first = dt.date.min if at.first_day is None else at.first_day  # an open end is unbounded
        last = dt.date.max if at.last_day is None else at.last_day
        effective = ceasefire.effective
        start = effective if effective is not None and effective.is_known else ceasefire.declared
        if not start.is_known:  # undated: in force at no date
            return False
        if start.first_day is not None and start.first_day > last:  # not yet in force by the window's end
            return False
        horizon = ds.horizon_of(ceasefire)
        past = horizon is not None and horizon.last_day is not None and first > horizon.last_day
        ended = ceasefire.ended
        if ended is None:  # open: in force, though past the horizon only last known
            return not (known_only and past)
        if ended.last_day is None:  # ended on a day not given: over by the horizon
            return not past
        return ended.last_day >= first

    @given(ds=DATASETS, at=WINDOW_BOUNDS, known_only=st.booleans())
    def test_matches_brute_force(self, ds: cc.Dataset, at: cc.TimeSpan, known_only: bool) -> None:
        expected = tuple(c for c in ds.ceasefires_in_order() if self.in_force(ds, c, at, known_only))
        assert ds.ceasefires_in_force(at, known_only=known_only) == expected

    @pytest.mark.parametrize("at", ["2020-11-01", "2020-11-05", "2020-11-30", "2020-11", "2020"])
    def test_a_month_declared_may_be_in_force_on_any_of_its_days(self, at: str) -> None:
        """Declared in November 2020 (no day given), the armistice can be in force on its first day or any other."""
        ds = cc.load()
        assert ds.ceasefires_in_force(at) == (ds.ceasefire("armistice-2020-11"),)
        assert ds.ceasefires_in_force("2020-10-31") == ()

    def test_an_ended_ceasefire_does_not_hide_later_ones(self) -> None:
        ds = cc.load()
        armistice = ds.ceasefire("armistice-2020-11")
        earlier = attrs.evolve(armistice, id=cc.CeasefireId("earlier"), declared=cc.TimeSpan.parse("2016-04"),
                               ended=cc.TimeSpan.parse("2016-05"), provisions=(), territory_ids=(),
                               strained_by_ids=(), event_id=None, external_ids=())
        both = with_records(ds, ceasefires=(armistice, earlier))
        assert both.ceasefires_in_force("2016-04-20") == (earlier,)
        assert both.ceasefires_in_force("2021") == (armistice,)

    def test_one_past_its_horizon_does_not_hide_later_ones(self) -> None:
        """With known_only, an open ceasefire known only from an old report is left out; later ones still count."""
        ds = cc.load()
        armistice = ds.ceasefire("armistice-2020-11")
        old_report = cc.Source(id=cc.SourceId("old-report"), title="T", publisher="P", url="https://example.org",
                               published=cc.TimeSpan.parse("2016-06-01"), credit="P", blocks=1)
        earlier = attrs.evolve(armistice, id=cc.CeasefireId("earlier"), declared=cc.TimeSpan.parse("2016-04"),
                               provisions=(), territory_ids=(), strained_by_ids=(), event_id=None, external_ids=(),
                               citations=(cc.Citation(cc.SourceId("old-report"), (1,)),))
        both = with_records(ds, sources=(*ds.sources, old_report), ceasefires=(armistice, earlier))
        assert both.ceasefires_in_force("2021") == (earlier, armistice)
        assert both.ceasefires_in_force("2021", known_only=True) == (armistice,)


class TestClaimsMatchingOneFilter:
    def test_about_alone_is_claims_about(self) -> None:
        """claims_matching(about=X) needs no claimant: it is claims_about(X), in order; no filter lists every claim."""
        ds = cc.load()
        entities: list[cc.Actor | cc.Territory] = [*ds.actors, *ds.territories]
        for entity in entities:
            assert ds.claims_matching(about=entity) == ds.claims_about(entity)
        assert any(ds.claims_matching(about=entity) for entity in ds.territories)
        assert ds.claims_matching() == ds.claims_in_order()


class TestLastKnownOfAFigure:
    def test_an_open_as_of_is_last_known_past_the_horizon(self) -> None:
        """A population counted "since 2020" (an open as_of) is only last known after its source's horizon."""
        ds = cc.load()
        counted = cc.Population(count=cc.Count(120_000), as_of=cc.TimeSpan.parse("2020/.."),
                                citations=ds.actors[0].citations)
        horizon = ds.horizon_of(counted)
        assert horizon is not None
        assert horizon.last_day is not None
        after = (horizon.last_day + dt.timedelta(days=1)).isoformat()
        assert ds.last_known_as_of(counted, at=after) == horizon
        assert ds.last_known_as_of(counted, at=horizon.last_day.isoformat()) is None


class TestControllerOfEdges:
    def test_a_period_from_the_first_day_asked(self) -> None:
        """A period that begins on the one day asked (Lachin, from November 2020) is in force that day."""
        ds = cc.load()
        lachin = ds.territory("Lachin corridor")
        assert ds.controller_of(lachin, at="2020-11-01") == lachin.control
        assert ds.controller_of("Lachin corridor", at="2020-11-01") == lachin.control
        assert ds.controller_of(lachin, at="2020-10-31") == ()

    def test_a_territory_of_another_data_set_is_refused(self) -> None:
        """A territory this data set does not hold (an edited copy) gets the library's error, not its periods."""
        ds = cc.load()
        copy = attrs.evolve(ds.territory("Lachin corridor"), note="edited")
        with pytest.raises(cc.QueryError, match="this data set holds no territory equal to the one passed"):
            ds.controller_of(copy, at="2021")


class TestCeasefireDefaults:
    def test_overlap_and_every_date_by_default(self) -> None:
        """By default a window takes a ceasefire whose declared date overlaps it, open ends past the horizon too."""
        ds = cc.load()
        armistice = ds.ceasefire("armistice-2020-11")
        assert ds.ceasefires_between("2020-11-05", "2020-11-05") == (armistice,)
        assert ds.ceasefires_between("2020-11-05", "2020-11-05", within=True) == ()
        open_ended = attrs.evolve(armistice, declared=cc.TimeSpan.parse("2020-11/.."))
        reopened = with_records(ds, ceasefires=(open_ended,))
        assert reopened.ceasefires_between("2024", None) == (open_ended,)
        assert reopened.ceasefires_between("2024", None, known_only=True) == ()

    def test_an_open_start_is_never_last_known(self) -> None:
        """last_known_as_of a window with an open start ("../2024") is None, as its docstring says."""
        ds = cc.load()
        (period,) = ds.territory("Lachin corridor").control
        assert ds.last_known_as_of(period, at="2024") is not None
        assert ds.last_known_as_of(period, at="../2024") is None


class TestContradictionsFiltered:
    @staticmethod
    def expected(ds: cc.Dataset, by: cc.Actor | None, about: cc.Actor | cc.Territory | None
                 ) -> tuple[tuple[cc.Claim, cc.Claim], ...]:
        """The pairs of `contradictions()` in which either claim is among claims_matching(by, about)."""
        if by is None and about is None:
            return ds.contradictions()
        matching = ds.claims_matching(by=by, about=about)
        return tuple(pair for pair in ds.contradictions() if pair[0] in matching or pair[1] in matching)

    def test_every_filter_against_a_scan(self) -> None:
        """With by and/or about, the pairs with at least one claim among claims_matching: either one, not both."""
        ds = cc.load()
        abouts: list[cc.Actor | cc.Territory | None] = [None, *ds.actors, *ds.territories]
        seen = set()
        for by in (None, *ds.actors):
            for about in abouts:
                got = ds.contradictions(by=by, about=about)
                assert got == self.expected(ds, by, about)
                seen.add(len(got))
        assert len(seen) >= 3  # the filters keep none, some and every pair somewhere

    def test_a_pair_is_kept_for_either_of_its_claims(self) -> None:
        """Filtering by each claimant of a pair keeps the pair: by the earlier claim's and by the later's."""
        ds = cc.load()
        for first, second in ds.contradictions():
            for claim in (first, second):
                assert claim.claimant_id is not None
                assert (first, second) in ds.contradictions(by=claim.claimant_id)


class TestMoreLookupWords:
    def test_by_external_id_names_the_argument_that_is_no_string(self) -> None:
        ds = cc.load()
        with pytest.raises(cc.ArgumentTypeError) as info:
            ds.by_external_id(1, "373")  # type: ignore[call-overload]
        assert str(info.value) == "expected the scheme as a string (got int: 1)"
        with pytest.raises(cc.ArgumentTypeError) as info:
            ds.by_external_id("gwno", 1.5)  # type: ignore[call-overload]
        assert str(info.value) == "expected the value as a string (got float: 1.5)"

    def test_get_actor_of_a_record_held_or_not(self) -> None:
        """get_actor of an actor held gives it back; of an edited copy (not held), the default."""
        ds = cc.load()
        held = ds.actor("Azerbaijan")
        assert ds.get_actor(held) is held
        assert ds.get_actor(attrs.evolve(held, note="edited")) is None
        assert ds.get_actor(attrs.evolve(held, note="edited"), "none") == "none"

    def test_a_ceasefire_declared_on_the_windows_last_day(self) -> None:
        ds = cc.load()
        armistice = ds.ceasefire("armistice-2020-11")
        assert ds.ceasefires_between(None, "2020-11-01") == (armistice,)
        assert ds.ceasefires_between(None, "2020-10-31") == ()


class TestSuggestionsAreThree:
    """An unknown id or external id suggests the three closest, however many are close."""

    @staticmethod
    def crowded() -> cc.Dataset:
        """Five events and five actors whose ids and UCDP ids are all close to each other."""
        actors = tuple(cc.Actor(id=cc.ActorId(f"actor-{n}"), name=f"Actor {n}", kind=cc.ActorKind.STATE,
                                external_ids=(cc.ExternalId("ucdp-actor", f"370{n}"),), citations=CITE)
                       for n in range(1, 6))
        events = tuple(cc.Event(id=cc.EventId(f"clash-{n}"), kind=cc.EventKind.CLASHES, summary="A clash",
                                span=cc.TimeSpan.parse("2020"), citations=CITE) for n in range(1, 6))
        return cc.Dataset(sources=(SOURCE,), actors=actors, events=events)

    def test_an_unknown_event_id(self) -> None:
        with pytest.raises(cc.UnknownNameError) as info:
            self.crowded().event("clash-0")
        assert len(info.value.suggestions) == 3

    def test_an_unknown_external_id(self) -> None:
        with pytest.raises(cc.UnknownExternalIdError) as info:
            self.crowded().by_external_id("ucdp-actor", "370")
        assert len(info.value.suggestions) == 3

    def test_an_unknown_external_id_of_a_type(self) -> None:
        """With record_type, the suggestions are values that records of that type carry."""
        with pytest.raises(cc.UnknownExternalIdError) as info:
            cc.load().by_external_id("gwno", "37", record_type=cc.Actor)
        assert info.value.suggestions == ("gwno:373", "gwno:371")
        with pytest.raises(cc.UnknownExternalIdError) as info:
            cc.load().by_external_id("gwno", "37", record_type=cc.Event)
        assert info.value.suggestions == ()

    def test_a_record_type_that_is_no_record_class(self) -> None:
        with pytest.raises(cc.ArgumentTypeError) as info:
            cc.load().by_external_id("gwno", 373, record_type=int)  # type: ignore[type-var]
        assert str(info.value) == ("record_type must be a record class (Source, Actor, Territory, Event, Ceasefire, "
                                   "Claim, Stance, Conflict, Dyad), got \"<class 'int'>\"")


class TestEmptyListings:
    def test_a_territory_without_events(self) -> None:
        """events_in of a territory no event names is ``()``, as every listing gives."""
        ds = cc.load()
        assert ds.events_in("armenia-territory") == ()

    def test_actors_by_stance_past_the_horizon(self) -> None:
        """By default an open stance is last known past its horizon; known_only=True leaves it out."""
        ds = cc.load()
        russia = ds.actor("Russia")
        assert russia in ds.actors_by_stance("mediates", at="2024")
        assert russia not in ds.actors_by_stance("mediates", at="2024", known_only=True)


class TestEventsMatchingDefaults:
    def test_a_window_is_read_as_events_between_reads_it(self) -> None:
        """By default a window takes overlapping events, dated ones only, open ones past the horizon too."""
        ds = TestEventsMatchingByActor.with_an_undated_event()
        for start, end in (("2020-10", "2020-10"), ("2024", None), (None, "1990"), ("1991", "2021")):
            assert ds.events_matching(start=start, end=end) == ds.events_between(start, end)
        assert ds.events_matching(start="2020-10", end="2020-10") != ds.events_between("2020-10", "2020-10",
                                                                                      within=True)
        assert ds.events_matching(start="2024") != ds.events_between("2024", None, known_only=True)
        kind = ds.event("undated-copy").kind  # of an undated event, left out unless asked for
        assert ds.events_matching(kind=kind) == tuple(e for e in ds.events_of_kind(kind) if e.span.is_known)
        assert ds.events_matching(kind=kind) != ds.events_of_kind(kind)

    def test_role_without_actor(self) -> None:
        with pytest.raises(cc.QueryError) as info:
            cc.load().events_matching(role="initiator")
        assert str(info.value) == "'role' needs 'actor': the role is the one that actor plays"

    def test_the_window_flags_are_passed_on(self) -> None:
        """include_undated and known_only reach the window's query; with no filter, undated events only when asked."""
        ds = TestEventsMatchingByActor.with_an_undated_event()
        for start, end in (("2020-10", "2020-10"), ("2024", None)):
            assert ds.events_matching(start=start, end=end, include_undated=True) == ds.events_between(
                start, end, include_undated=True)
            assert ds.events_matching(start=start, end=end, known_only=True) == ds.events_between(
                start, end, known_only=True)
        assert ds.events_matching(start="2024", known_only=True) != ds.events_matching(start="2024")
        assert ds.events_matching(start="2024", include_undated=True) != ds.events_matching(start="2024")
        assert ds.events_matching() == tuple(e for e in ds.chronology() if e.span.is_known) != ds.chronology()
        assert ds.events_matching(include_undated=True) == ds.chronology()


class TestResolveWords:
    def test_three_suggestions_however_many_are_close(self) -> None:
        """Three actors and three territories close to the name asked: three suggestions, each resolving."""
        actors = tuple(cc.Actor(id=cc.ActorId(f"actor-{n}"), name=f"Place {n}", kind=cc.ActorKind.STATE,
                                citations=CITE) for n in (1, 2, 3))
        lands = tuple(cc.Territory(id=cc.TerritoryId(f"land-{n}"), name=f"Place {n}", kind=cc.TerritoryKind.REGION,
                                   citations=CITE) for n in (4, 5, 6))
        ds = cc.Dataset(sources=(SOURCE,), actors=actors, territories=lands)
        with pytest.raises(cc.UnknownNameError) as info:
            ds.resolve("Place 0")
        assert len(info.value.suggestions) == 3
        for suggestion in info.value.suggestions:
            assert ds.resolve(suggestion) in (*actors, *lands)

    def test_an_entity_that_is_no_string(self) -> None:
        with pytest.raises(cc.ArgumentTypeError) as info:
            cc.load().resolve(42)  # type: ignore[arg-type]
        assert str(info.value) == "expected an actor, territory or event, or its id or name as a string (got int: 42)"


class TestQueryDatesAreCalendarDates:
    @pytest.mark.parametrize("text", ["2020-W01-1", "2020-W53-7", "20201101", "2020-1101"])
    def test_other_iso_forms_are_refused(self, text: str) -> None:
        """A week date or a basic-format date (which date.fromisoformat reads) is no query date: refused, not read."""
        ds = cc.load()
        message = f"invalid time span {text!r}: {text!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"
        for query in (lambda: ds.events_between(text, None), lambda: ds.events_between(None, text),
                      lambda: ds.controller_of("Lachin corridor", at=text), lambda: ds.ceasefires_in_force(text)):
            with pytest.raises(cc.TimeSpanError) as info:
                query()
            assert str(info.value).startswith(message)


class TestMisuseAttributes:
    def test_an_id_that_is_no_string(self) -> None:
        """The error says what was expected and keeps the value given, for a program to read."""
        with pytest.raises(cc.ArgumentTypeError) as info:
            cc.load().source(42)  # type: ignore[arg-type]
        assert (info.value.expected, info.value.value) == ("be a string", 42)

    @pytest.mark.parametrize("when", [dt.datetime(2020, 11, 10, 12, 0), pendulum.datetime(2020, 11, 10)])
    def test_a_time_of_day_is_refused_by_every_date_query(self, when: dt.datetime) -> None:
        """The model has no times of day: a datetime is refused as a query date, never read as its day."""
        ds = cc.load()
        for query in (lambda: ds.events_between(when, None), lambda: ds.events_between(None, when),
                      lambda: ds.controller_of("Lachin corridor", at=when), lambda: ds.ceasefires_in_force(when),
                      lambda: ds.events_matching(start=when)):
            with pytest.raises(cc.ArgumentTypeError):
                query()


class TestRecordsOfTheRightType:
    def test_a_stranger_is_named_by_its_place(self) -> None:
        """A record of the wrong type: the error's field says which collection and position it is at."""
        actor = cc.Actor(id=cc.ActorId("a"), name="A", kind=cc.ActorKind.STATE, citations=CITE)
        with pytest.raises(cc.ArgumentTypeError) as info:
            cc.Dataset(sources=(SOURCE,), actors=(actor, "b"))  # type: ignore[arg-type]
        assert (info.value.field, info.value.expected, info.value.value) == ("actors[1]", "be an Actor", "b")

    def test_a_subclass_of_a_record_type_is_accepted(self) -> None:
        """A program's own subclass of a record class is a record of that type."""

        @attrs.frozen(kw_only=True)
        class TaggedActor(cc.Actor):
            tag: str = "mine"

        tagged = TaggedActor(id=cc.ActorId("a"), name="A", kind=cc.ActorKind.STATE, citations=CITE)
        ds = cc.Dataset(sources=(SOURCE,), actors=(tagged,))
        assert ds.actor("A") is tagged
