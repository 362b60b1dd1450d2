"""Ceasefires linked to their UCDP dyads: ETH/PRIO `ucdp_dyad` (#11)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st

import caucasus_conflict as cc
from caucasus_conflict import strategies as ccst
from caucasus_conflict.formats import read_rows

from ._support import csv_file, fixture, quietly, real, without_lines, write_quietly

FAST = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], deadline=None)
ETH_HEADER = "cc,cf_id,uniq_id,ucdp_actor_id,actor_name,ucdp_acd_id,ucdp_dyad,cf_dec_yr,cf_dec_month,cf_dec_day\n"


def eth_file(tmp_path: Path, *rows: str, name: str = "cf.csv") -> Path:
    return csv_file(tmp_path, ETH_HEADER, *rows, name=name)


def at(ds: cc.Dataset, column: str) -> list[str]:
    """The ``LINE:COLUMN`` of each problem of *ds* at *column*."""
    return [p.path.rpartition(".csv:")[2] for p in ds.problems if p.path.endswith(f":{column}")]


def round_trip(ds: cc.Dataset, tmp_path: Path) -> cc.Dataset:
    back = tmp_path / "back.csv"
    report = write_quietly(ds, back, "ethprio-ceasefires")
    assert [p for p in report.left_out if "dyad" in p.path] == []
    return quietly(back, source_id=ds.sources[0].id)


# -- the reader ------------------------------------------------------------------------------


class TestReader:
    def test_ucdp_dyad_links_a_stub_dyad_in_the_rows_conflict(self) -> None:
        ds = quietly(fixture("ethprio.csv"))
        rows = [r for r in read_rows(fixture("ethprio.csv")).rows if r.ucdp_dyad]
        assert {(n, r.ucdp_acd_id) for r in rows for n in r.ucdp_dyad} == {(9301, (9001,))}
        (stub,) = ds.dyads
        assert (stub.id, stub.name, stub.conflict_id) == ("ucdp-dyad-9301", "UCDP dyad 9301", "ucdp-conflict-9001")
        assert stub.external_ids == (cc.ExternalId("ucdp-dyad", "9301"),)
        assert stub.citations[0].rows == tuple(r.line for r in rows)
        assert (stub.participants, stub.years) == ((), ())  # nothing the rows do not say
        assert ds.ceasefire("ethprio-5001").dyad_ids == ("ucdp-dyad-9301",)
        assert [c.id for c in ds.ceasefires_of_dyad("ucdp-dyad-9301")] == ["ethprio-5001"]
        assert ds.dyads_of("ucdp-conflict-9001") == (stub,)
        # The link is in the model, so no longer in the source codes.
        assert all(code.get("ucdp_dyad") is None for c in ds.ceasefires for code in c.source_codes)

    def test_several_dyads_one_stub_each_and_codes_that_are_no_dyad(self, tmp_path: Path) -> None:
        path = eth_file(tmp_path, '700,1,1,9101,Government of Xland,9001,"9301, 9302",1994,5,12',
                        "700,1,1,9102,Yregion Front,9001,9301,1994,5,12",
                        "700,2,2,9101,Government of Xland,9001,-1,1995,1,1",
                        "700,2,2,9103,Zfront,9001,0,1995,1,1",
                        "700,3,3,9101,Government of Xland,9001,9302,1996,1,1")
        ds = quietly(path)
        assert ds.ceasefire("ethprio-1").dyad_ids == ("ucdp-dyad-9301", "ucdp-dyad-9302")
        assert ds.ceasefire("ethprio-2").dyad_ids == ()
        assert ds.ceasefire("ethprio-3").dyad_ids == ("ucdp-dyad-9302",)  # the same stub: one per number
        assert [(d.id, d.citations[0].rows) for d in ds.dyads] == [("ucdp-dyad-9301", (2, 3)),
                                                                   ("ucdp-dyad-9302", (2, 6))]
        assert ds.problems == ()
        again = round_trip(ds, tmp_path)
        assert [r.ucdp_dyad for r in read_rows(tmp_path / "back.csv").rows] == [
            (9301, 9302), (9301,), (-1,), (0,), (9302,)]
        assert (again.ceasefires, again.dyads, again.conflicts) == (ds.ceasefires, ds.dyads, ds.conflicts)

    def test_a_row_without_a_conflict_links_the_dyad_another_row_places(self, tmp_path: Path) -> None:
        """Line 2 names dyad 9301 with ucdp_acd_id -1; line 4 places 9301 in conflict 9001: one dyad of the file."""
        path = eth_file(tmp_path, "700,1,1,9101,Government of Xland,-1,9301,1994,5,12",
                        "700,1,1,9102,Yregion Front,,9301,1994,5,12",
                        "700,2,2,9101,Government of Xland,9001,9301,1995,1,1")
        ds = quietly(path)
        first = ds.ceasefire("ethprio-1")
        assert (first.dyad_ids, first.conflict_ids) == (("ucdp-dyad-9301",), ())  # no conflict link invented
        assert ds.dyad("ucdp-dyad-9301").conflict_id == "ucdp-conflict-9001"
        assert ds.dyad("ucdp-dyad-9301").citations[0].rows == (2, 3, 4)
        assert at(ds, "ucdp_dyad") == []
        again = round_trip(ds, tmp_path)
        assert (again.ceasefires, again.dyads) == (ds.ceasefires, ds.dyads)
        assert [r.ucdp_acd_id for r in read_rows(tmp_path / "back.csv").rows] == [(-1,), (), (9001,)]

    @pytest.mark.parametrize("cell", ["-1", "0", ""])
    def test_a_dyad_no_row_places_is_not_linked_but_reported(self, tmp_path: Path, cell: str) -> None:
        path = eth_file(tmp_path, f"700,1,1,9101,Government of Xland,{cell},9301,1994,5,12")
        ds = quietly(path)
        assert (ds.ceasefire("ethprio-1").dyad_ids, ds.dyads, ds.conflicts) == ((), (), ())
        assert ds.ceasefire("ethprio-1").source_codes[0].get("ucdp_dyad") == "9301"  # the cell, as written
        assert at(ds, "ucdp_dyad") == ["2:ucdp_dyad"]
        (problem,) = [p for p in ds.problems if p.path.endswith(":ucdp_dyad")]
        assert problem.path.startswith(str(path))
        assert "UCDP dyad 9301" in problem.message
        assert "not linked" in problem.message
        with pytest.raises(cc.DataError, match="ucdp_dyad"):
            cc.read(path, strict=True)
        again = round_trip(ds, tmp_path)
        assert again.ceasefires == ds.ceasefires
        assert read_rows(tmp_path / "back.csv").rows[0].ucdp_dyad == (9301,)

    def test_rows_that_place_a_dyad_in_two_conflicts_link_none(self, tmp_path: Path) -> None:
        path = eth_file(tmp_path, "700,1,1,9101,Government of Xland,9001,9301,1994,5,12",
                        "700,2,2,9101,Government of Xland,9002,9301,1995,1,1",
                        "700,3,3,9101,Government of Xland,-1,9301,1996,1,1")
        ds = quietly(path)
        assert [c.dyad_ids for c in ds.ceasefires] == [(), (), ()]
        assert [c.conflict_ids for c in ds.ceasefires] == [("ucdp-conflict-9001",), ("ucdp-conflict-9002",), ()]
        assert ds.dyads == ()
        assert at(ds, "ucdp_dyad") == ["2:ucdp_dyad", "3:ucdp_dyad", "4:ucdp_dyad"]
        assert "no conflict in common (line 2: 9001; line 3: 9002)" in ds.problems[0].message
        assert round_trip(ds, tmp_path).ceasefires == ds.ceasefires

    def test_a_row_with_several_conflicts_leaves_the_dyad_open_until_another_row_decides(self, tmp_path: Path) -> None:
        open_only = quietly(eth_file(tmp_path, '700,1,1,9101,Government of Xland,"9001, 9002",9301,1994,5,12',
                                     name="open.csv"))
        assert (open_only.dyads, at(open_only, "ucdp_dyad")) == ((), ["2:ucdp_dyad"])
        assert "leave its conflict open (line 2: 9001, 9002)" in open_only.problems[0].message
        decided = quietly(eth_file(tmp_path, '700,1,1,9101,Government of Xland,"9001, 9002",9301,1994,5,12',
                                   "700,2,2,9101,Government of Xland,9002,9301,1995,1,1", name="decided.csv"))
        assert decided.dyad("ucdp-dyad-9301").conflict_id == "ucdp-conflict-9002"
        assert [c.dyad_ids for c in decided.ceasefires] == [("ucdp-dyad-9301",), ("ucdp-dyad-9301",)]
        assert decided.problems == ()

    def test_an_unreadable_dyad_cell_makes_no_stub(self, tmp_path: Path) -> None:
        ds = quietly(eth_file(tmp_path, "700,1,1,9101,Government of Xland,9001,9301x,1994,5,12"))
        assert (ds.dyads, ds.ceasefire("ethprio-1").dyad_ids) == ((), ())
        assert ds.ceasefire("ethprio-1").source_codes[0].get("ucdp_dyad") == "9301x"
        assert at(ds, "ucdp_dyad") == ["2:ucdp_dyad"]  # the reader's own report of the cell

    def test_a_row_left_out_places_no_dyad(self, tmp_path: Path) -> None:
        """A row naming no actor is not read into the model, so it says nothing of a dyad's conflict either."""
        ds = quietly(eth_file(tmp_path, "700,1,1,,,9001,9301,1994,5,12",
                              "700,2,2,9101,Government of Xland,-1,9301,1995,1,1"))
        assert (ds.dyads, ds.conflicts) == ((), ())
        assert at(ds, "ucdp_dyad") == ["3:ucdp_dyad"]


# -- merged with a BRD file ------------------------------------------------------------------


class TestMerge:
    @pytest.mark.parametrize("brd_first", [True, False])
    def test_the_stub_joins_the_brd_dyad_on_the_ucdp_dyad_id(self, brd_first: bool) -> None:
        brd, eth = quietly(fixture("brd.csv")), quietly(fixture("ethprio.csv"))
        both = brd.merge(eth) if brd_first else eth.merge(brd)
        held = both.by_external_id("ucdp-dyad", "9301", record_type=cc.Dyad)
        made = brd.dyad("ucdp-dyad-9301")
        assert len([d for d in both.dyads if d.external_ids[0].value == "9301"]) == 1
        assert (held.participants, held.years) == (made.participants, made.years)  # from BRD
        assert held.conflict_id == both.by_external_id("ucdp-conflict", "9001", record_type=cc.Conflict).id
        assert both.ceasefire("ethprio-5001").dyad_ids == (held.id,)
        assert [c.id for c in both.ceasefires_of_dyad(held)] == ["ethprio-5001"]
        assert [c.id for c in both.ceasefires_of_dyad(made.name)] == ["ethprio-5001"]

    @pytest.mark.parametrize("brd_first", [True, False])
    def test_a_dyad_the_files_place_in_different_conflicts_is_a_clash(self, tmp_path: Path, brd_first: bool) -> None:
        """BRD puts dyad 9301 in conflict 9001; a ceasefire row puts it in 9002: the merge picks neither."""
        brd = quietly(fixture("brd.csv"))
        assert brd.dyad("ucdp-dyad-9301").conflict_id == "ucdp-conflict-9001"
        eth = quietly(eth_file(tmp_path, "700,1,5001,,Government of Xland,9002,9301,1994,5,12"))
        assert eth.dyad("ucdp-dyad-9301").conflict_id == "ucdp-conflict-9002"
        with pytest.raises(cc.DataError) as caught:
            brd.merge(eth) if brd_first else eth.merge(brd)
        (problem,) = caught.value.problems
        assert problem.path == "data set 1: $.dyads[0].conflict_id"
        first, second = ("9001", "9002") if brd_first else ("9002", "9001")
        assert problem.message == (f"dyad 'ucdp-dyad-9301' is of conflict 'ucdp-conflict-{first}' in the data set "
                                   f"merged into, and of 'ucdp-conflict-{second}' here")

    def test_a_dyad_held_under_another_id_is_written_as_its_ucdp_number(self, tmp_path: Path) -> None:
        brd = quietly(fixture("brd.csv"))
        named = attrs.evolve(brd, dyads=tuple(attrs.evolve(d, id=cc.DyadId(f"mine-{i}")) for i, d in enumerate(brd.dyads)))
        both = named.merge(quietly(fixture("ethprio.csv")))
        held = both.by_external_id("ucdp-dyad", "9301", record_type=cc.Dyad)
        assert held.id.startswith("mine-")
        assert both.ceasefire("ethprio-5001").dyad_ids == (held.id,)  # the reference rewritten by merge
        report = write_quietly(both, tmp_path / "cf.csv", "ethprio-ceasefires")
        assert {r.ucdp_dyad for r in read_rows(tmp_path / "cf.csv").rows if r.uniq_id == "5001"} == {(9301,)}
        assert [p.path for p in report.left_out if "dyad" in p.path] == [
            f"dyads[{i}]" for i, d in enumerate(both.dyads) if d.id != held.id]  # every dyad but the linked one

    def test_real_brd_dyad_and_a_ceasefire_row(self, tmp_path: Path) -> None:
        """A real BRD 22.1 dyad (852: Russia – Chechen Republic of Ichkeria, conflict 401) and an invented row."""
        brd = quietly(real("ucdp_brd_dyadic_v22_1_georgia_russia.csv"))
        eth = quietly(eth_file(tmp_path, "365,1,9901,57,Government of Russia (Soviet Union),401,852,1996,8,31",
                               "365,1,9901,352,Chechen Republic of Ichkeria,401,852,1996,8,31"))
        both = brd.merge(eth)
        dyad = both.dyad("ucdp-dyad-852")
        assert dyad.years == brd.dyad("ucdp-dyad-852").years
        assert len(dyad.years) > 1
        assert dyad.conflict_id == "ucdp-conflict-401"
        assert [c.id for c in both.ceasefires_of_dyad(dyad)] == ["ethprio-9901"]
        assert [c.id for c in both.ceasefires_of("ucdp-conflict-401")] == ["ethprio-9901"]
        write_quietly(both, tmp_path / "back.csv", "ethprio-ceasefires")
        assert {r.ucdp_dyad for r in read_rows(tmp_path / "back.csv").rows} == {(852,)}


# -- the writer ------------------------------------------------------------------------------


class TestWriter:
    def test_a_dyad_without_a_ucdp_number_is_reported_not_written(self, tmp_path: Path) -> None:
        ds = quietly(fixture("ethprio.csv"))
        plain = attrs.evolve(ds, dyads=(attrs.evolve(ds.dyads[0], external_ids=()),))
        report = write_quietly(plain, tmp_path / "cf.csv", "ethprio-ceasefires")
        assert [p.path for p in report.left_out if "dyad" in p.path] == ["ceasefires[0].dyad_ids[0]"]
        assert "no UCDP dyad id (external id ucdp-dyad)" in next(p.message for p in report.left_out
                                                                if p.path == "ceasefires[0].dyad_ids[0]")
        assert all(r.ucdp_dyad == () for r in read_rows(tmp_path / "cf.csv").rows)

    def test_a_link_the_rows_cannot_give_back_is_reported(self, tmp_path: Path) -> None:
        """Linked to dyad 9301 of conflict 9001 but not to the conflict: the rows cannot say where 9301 is."""
        ds = quietly(fixture("ethprio.csv"))
        cut = tuple(attrs.evolve(c, conflict_ids=()) for c in ds.ceasefires)
        unlinked = attrs.evolve(ds, ceasefires=cut)
        report = write_quietly(unlinked, tmp_path / "cf.csv", "ethprio-ceasefires")
        lost = [p for p in report.left_out if p.path == "ceasefires[0].dyad_ids[0]"]
        (problem,) = lost
        assert "read back the link is lost" in problem.message
        assert "dyads[0]" not in [p.path for p in report.left_out]  # it is written, as its number
        # The rows keep the cell: read back, the dyad is reported and not linked, never linked elsewhere.
        again = quietly(tmp_path / "cf.csv")
        assert again.dyads == ()
        assert at(again, "ucdp_dyad") == ["2:ucdp_dyad", "3:ucdp_dyad"]

    def test_a_dyad_in_a_conflict_without_a_ucdp_number_is_reported(self, tmp_path: Path) -> None:
        ds = quietly(fixture("ethprio.csv"))
        plain = attrs.evolve(ds, conflicts=(attrs.evolve(ds.conflicts[0], external_ids=()),))
        report = write_quietly(plain, tmp_path / "cf.csv", "ethprio-ceasefires")
        assert [p.path for p in report.left_out if "_ids[" in p.path] == ["ceasefires[0].conflict_ids[0]",
                                                                          "ceasefires[0].dyad_ids[0]"]

    def test_pax_has_no_dyad_column(self, tmp_path: Path) -> None:
        ds = quietly(fixture("ethprio.csv"))
        report = write_quietly(ds, tmp_path / "pax.csv", "pax")
        paths = [p.path for p in report.left_out]
        assert "ceasefires[0].dyad_ids" in paths
        assert "dyads[0]" in paths


# -- the query, against a brute-force oracle -------------------------------------------------


@FAST
@given(ds=ccst.datasets(max_events=0, max_ceasefires=4, max_conflicts=3, max_dyads=4))
def test_ceasefires_of_dyad_matches_the_oracle(ds: cc.Dataset) -> None:
    for dyad in ds.dyads:
        expected = tuple(sorted((c for c in ds.ceasefires if dyad.id in c.dyad_ids), key=lambda c: c.id))
        assert ds.ceasefires_of_dyad(dyad.id) == expected
        assert ds.ceasefires_of_dyad(dyad) == expected
        assert ds.ceasefires_of_dyad(dyad.name) == expected


def test_ceasefires_of_dyad_of_no_dyad() -> None:
    ds = quietly(fixture("ethprio.csv"))
    with pytest.raises(cc.UnknownNameError):
        ds.ceasefires_of_dyad("ucdp-dyad-1")
    assert ds.ceasefires_of_dyad(ds.dyads[0]) == (ds.ceasefire("ethprio-5001"),)


# Small data sets, and no shrinking: find() shrinking whole data sets takes a minute, and any example will do.
_LINKED = ccst.datasets(max_events=0, max_claims=0, max_stances=0, max_territories=0, max_ceasefires=3)
_FIND = settings(phases=[Phase.generate], database=None, max_examples=2000,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])


def test_generated_data_sets_link_ceasefires_to_dyads() -> None:
    """The strategy draws links at all, so the oracle test above is not vacuous."""
    found = find(_LINKED, lambda ds: any(len(c.dyad_ids) > 1 for c in ds.ceasefires), settings=_FIND)
    assert all(did in {d.id for d in found.dyads} for c in found.ceasefires for did in c.dyad_ids)


def test_dangling_references_can_plant_dyad_links() -> None:
    """`dangling_references` plants a wrong id at one of the places `_places` lists: the links are among them.

    (A ``find()`` of a planted ``dyad_ids`` itself can take minutes: it needs a data set with
    conflicts, dyads and linked ceasefires, and then that one place drawn out of dozens.)
    """
    ds = find(_LINKED, lambda d: any(c.dyad_ids for c in d.ceasefires), settings=_FIND)
    places = [(collection, position, suffix) for collection, position, field, suffix, _ in ccst._places(ds)
              if field.path == "dyad_ids[]"]
    assert places == [("ceasefires", i, f".dyad_ids[{k}]") for i, c in enumerate(ds.ceasefires)
                      for k in range(len(c.dyad_ids))]
    collection, position, suffix = places[0]
    records = {t.collection: getattr(ds, t.collection) for t in cc.RECORD_TYPES}
    broken = attrs.evolve(ds.ceasefires[position], dyad_ids=(cc.DyadId("nowhere"), *ds.ceasefires[position].dyad_ids[1:]))
    records[collection] = (*records[collection][:position], broken, *records[collection][position + 1:])
    with pytest.raises(cc.DataError) as info:
        cc.Dataset(**records)
    assert f"$.{collection}[{position}]{suffix}" in [p.path for p in info.value.problems]


def test_a_link_to_no_dyad_is_refused() -> None:
    ds = quietly(fixture("ethprio.csv"))
    with pytest.raises(cc.DataError, match=r"dyad_ids\[0\]: unknown dyad id 'ucdp-dyad-9301'"):
        cc.Dataset(sources=ds.sources, actors=ds.actors, conflicts=ds.conflicts, ceasefires=ds.ceasefires)


def test_links_survive_json(tmp_path: Path) -> None:
    ds = quietly(fixture("ethprio.csv"))
    cc.write(ds, tmp_path / "cf.json")
    loaded = cc.load(tmp_path / "cf.json")
    assert loaded.ceasefires == ds.ceasefires
    assert loaded.ceasefires_of_dyad("ucdp-dyad-9301") == ds.ceasefires_of_dyad("ucdp-dyad-9301")
    assert cc.loads(cc.dumps(ds)) == ds


def test_the_bundled_data_do_not_write_the_empty_field() -> None:
    """A default (empty) dyad_ids is not written, so the bundled file dumps to itself unchanged."""
    bundled = cc.load()
    assert all(c.dyad_ids == () for c in bundled.ceasefires)
    text = cc.dumps(bundled)
    assert "dyad_ids" not in text
    assert text == (Path(cc.__file__).parent / "data" / "caucasus_conflict.json").read_text(encoding="utf-8")


# -- generated rows: the reader's rule against a brute-force oracle, and the round trip ------

# Cells with the numbers they hold: codes, blanks, one id and several, from small pools so that rows meet.
_CONFLICTS = st.sampled_from([("", ()), ("-1", (-1,)), ("0", (0,)), ("9001", (9001,)), ("9002", (9002,)),
                              ('"9001, 9002"', (9001, 9002))])
_DYADS = st.sampled_from([("", ()), ("-1", (-1,)), ("9301", (9301,)), ("9302", (9302,)),
                          ('"9301, 9302"', (9301, 9302)), ("9303", (9303,))])
_Parsed = tuple[tuple[int, ...], tuple[int, ...]]


@st.composite
def _eth_rows(draw: st.DrawFn) -> list[tuple[str, _Parsed]]:
    """Rows of up to three ceasefires, some naming no actor, each with its conflict and dyad numbers.

    A party may be named twice in a ceasefire (the second row starts a ceasefire of its own),
    and the rows of one ceasefire may give different dates (the first row kept gives the
    ceasefire's; a row naming no actor is left out, so it is never that row).
    """
    actors = st.sampled_from(["9101,Government of Xland", "9102,Yregion Front", ",Zfront", ","])
    dates = st.sampled_from(["1991,1,1", "1992,5,-1", "1993,-1,-1", "-1,-1,-1"])
    pairs = draw(st.lists(st.tuples(st.integers(1, 3), actors, dates), min_size=1, max_size=6))
    rows = []
    for key, actor, date in pairs:
        (acd, conflicts), (dyad, dyads) = draw(_CONFLICTS), draw(_DYADS)
        rows.append((f"700,{key},{key},{actor},{acd},{dyad},{date}", (conflicts, dyads)))
    return rows


def _expected_homes(kept: Sequence[_Parsed]) -> dict[int, int | None]:
    """Per dyad number, its conflict: the one number every row naming it with conflicts shares (brute force)."""
    homes: dict[int, int | None] = {}
    for dyad in {d for _c, dyads in kept for d in dyads if d >= 1}:
        sets = [{c for c in conflicts if c >= 1} for conflicts, dyads in kept if dyad in dyads]
        sets = [s for s in sets if s]
        shared = set.intersection(*sets) if sets else set()
        homes[dyad] = shared.pop() if len(shared) == 1 else None
    return homes


@FAST
@given(drawn=_eth_rows())
def test_generated_rows_link_dyads_as_the_rule_says_and_round_trip(
        tmp_path_factory: pytest.TempPathFactory, drawn: list[tuple[str, _Parsed]]) -> None:
    folder = tmp_path_factory.mktemp("dyads")
    ds = quietly(csv_file(folder, ETH_HEADER, *(text for text, _ in drawn), name="a.csv"), source_id="cf")
    parsed = {line: numbers for line, (_text, numbers) in enumerate(drawn, start=2)}
    cited = {line for c in ds.ceasefires for line in c.citations[0].rows}  # the rows kept
    homes = _expected_homes([parsed[line] for line in cited])
    for ceasefire in ds.ceasefires:
        lines = ceasefire.citations[0].rows
        wanted = list(dict.fromkeys(d for line in lines for d in parsed[line][1] if homes.get(d) is not None))
        assert ceasefire.dyad_ids == tuple(f"ucdp-dyad-{d}" for d in wanted)
    assert {d.id: d.conflict_id for d in ds.dyads} == {
        f"ucdp-dyad-{d}": f"ucdp-conflict-{c}" for d, c in homes.items()
        if c is not None and any(d in parsed[line][1] for line in cited)}
    reported = {int(p.path.rsplit(":", 2)[1]) for p in ds.problems if p.path.endswith(":ucdp_dyad")}
    assert reported == {line for line in cited if any(d >= 1 and homes[d] is None for d in parsed[line][1])}
    # Written back, the rows are the rows kept, and read again the records are the same.
    back = folder / "b.csv"
    report = write_quietly(ds, back, "ethprio-ceasefires")
    assert [p for p in report.left_out if "dyad" in p.path] == []
    wanted_rows = [r for r in read_rows(folder / "a.csv").rows if r.line in cited]
    assert without_lines(read_rows(back).rows) == without_lines(wanted_rows)
    again = quietly(back, source_id="cf")

    def records(d: cc.Dataset) -> object:  # the lines move up where a row was left out
        return ([attrs.asdict(c, recurse=False, filter=lambda a, _v: a.name != "citations") for c in d.ceasefires],
                {dyad.id: dyad.conflict_id for dyad in d.dyads})

    assert records(again) == records(ds)
