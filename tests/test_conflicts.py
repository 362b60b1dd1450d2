"""Conflicts and dyads as records: their queries against brute force, lookups and validation (#11)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import caucasus_conflict as cc
from caucasus_conflict import strategies as ccst

CITE = (cc.Citation(cc.SourceId("s"), rows=(2,)),)


@given(ds=ccst.datasets(max_events=0, max_claims=0, max_stances=0), side=st.sampled_from([None, "a", "b"]),
       supporters=st.booleans())
def test_conflicts_involving_matches_brute_force(ds: cc.Dataset, side: str | None, supporters: bool) -> None:
    """Each actor's conflicts are those with a participant of that actor, on the side asked, by id."""
    for actor in ds.actors:
        expected = sorted(c.id for c in ds.conflicts
                          if any(p.actor_id == actor.id and (side is None or p.side == side)
                                 and (supporters or p.role is not cc.Role.SUPPORTER) for p in c.participants))
        found = ds.conflicts_involving(actor.name, side=side, supporters=supporters)
        assert [c.id for c in found] == expected


@given(ds=ccst.datasets(max_events=0, max_claims=0, max_stances=0))
def test_dyads_of_and_involving_match_brute_force(ds: cc.Dataset) -> None:
    for conflict in ds.conflicts:
        assert [d.id for d in ds.dyads_of(conflict)] == sorted(d.id for d in ds.dyads if d.conflict_id == conflict.id)
        assert ds.dyads_of(conflict.name) == ds.dyads_of(conflict.id)
    for actor in ds.actors:
        assert [d.id for d in ds.dyads_involving(actor)] == sorted(
            d.id for d in ds.dyads if any(p.actor_id == actor.id for p in d.participants))


@given(ds=ccst.datasets(max_events=0, max_claims=0, max_stances=0))
def test_lookups_by_id_name_alias_and_external_id(ds: cc.Dataset) -> None:
    """A conflict or dyad is found by its id, every name (folded) and every external id."""
    for conflict in ds.conflicts:
        for key in (conflict.id, *conflict.names, conflict.name.upper()):
            assert ds.conflict(key) is conflict
            assert ds.get_conflict(key) is conflict
        for x in conflict.external_ids:
            assert ds.by_external_id(x.scheme, x.value, record_type=cc.Conflict) is conflict
        assert ds.find_conflicts(conflict.name)[0] is conflict
    for dyad in ds.dyads:
        assert ds.dyad(dyad.name) is dyad
        assert ds.get_dyad(dyad.id) is dyad
        assert ds.find_dyads(dyad.id)[0] is dyad


@given(ds=ccst.datasets(max_events=0, max_claims=0, max_stances=0))
def test_json_round_trip(ds: cc.Dataset) -> None:
    """Conflicts and dyads are written by `dumps` and read back unchanged."""
    assert cc.loads(cc.dumps(ds)) == ds


class TestLookupErrors:
    def test_unknown_conflict_suggests(self) -> None:
        ds = cc.Dataset(sources=(cc.Source(id=cc.SourceId("s"), kind=cc.SourceKind.DATA_FILE, title="T",
                                           publisher="P", url="u", credit="c", published=cc.TimeSpan.unknown()),),
                        conflicts=(cc.Conflict(id=cc.ConflictId("k"), name="Xland: Yregion", citations=CITE),))
        with pytest.raises(cc.UnknownNameError) as info:
            ds.conflict("Xland Yregon")
        assert str(info.value) == "no conflict named 'Xland Yregon'; did you mean 'Xland: Yregion'?"
        assert ds.get_conflict("nothing", "none") == "none"
        with pytest.raises(cc.QueryError) as error:
            ds.conflicts_involving("anyone", side="c")
        assert str(error.value) == "'c' is not a valid Side; expected one of 'a', 'b'"

    def test_dangling_conflict_of_a_dyad(self) -> None:
        source = cc.Source(id=cc.SourceId("s"), kind=cc.SourceKind.DATA_FILE, title="T", publisher="P", url="u",
                           credit="c", published=cc.TimeSpan.unknown())
        with pytest.raises(cc.DataError) as info:
            cc.Dataset(sources=(source,), dyads=(cc.Dyad(id=cc.DyadId("d"), name="D", conflict_id=cc.ConflictId("k"),
                                                         citations=CITE),))
        assert [str(p) for p in info.value.problems] == ["$.dyads[0].conflict_id: unknown conflict id 'k'"]


class TestValues:
    def test_a_year_is_given_once(self) -> None:
        year = cc.DyadYear(year=2020, battle_deaths=cc.Count(5), citations=CITE)
        with pytest.raises(cc.RecordError) as info:
            cc.Dyad(id=cc.DyadId("d"), name="D", conflict_id=cc.ConflictId("k"), years=(year, year), citations=CITE)
        assert str(info.value) == "'years' must hold each year once (got 2020 twice)"

    def test_battle_deaths_are_a_count(self) -> None:
        with pytest.raises(cc.RecordTypeError):
            cc.DyadYear(year=2020, battle_deaths=5, citations=CITE)  # type: ignore[arg-type]
