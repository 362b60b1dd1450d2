"""Ceasefires linked to their UCDP conflicts: ETH/PRIO `ucdp_acd_id`, PA-X `UcdpCon` (#11)."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, find, given, settings

import caucasus_conflict as cc
from caucasus_conflict import strategies as ccst
from caucasus_conflict.formats import read_rows

from ._support import csv_file, fixture, quietly, real, write_quietly

FAST = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], deadline=None)
ETH_HEADER = "cc,cf_id,uniq_id,ucdp_actor_id,actor_name,ucdp_acd_id,cf_dec_yr,cf_dec_month,cf_dec_day\n"




def eth_file(tmp_path: Path, *rows: str, name: str = "cf.csv") -> Path:
    return csv_file(tmp_path, ETH_HEADER, *rows, name=name)


# -- ceasefire -> conflict links -------------------------------------------------------------


class TestEthPrioLinks:
    def test_ucdp_acd_id_links_a_stub_conflict_cited_to_the_rows(self) -> None:
        ds = quietly(fixture("ethprio.csv"))
        rows = [r for r in read_rows(fixture("ethprio.csv")).rows if r.ucdp_acd_id]
        assert {n for r in rows for n in r.ucdp_acd_id} == {9001}
        (stub,) = ds.conflicts
        assert (stub.id, stub.name) == ("ucdp-conflict-9001", "UCDP conflict 9001")
        assert stub.external_ids == (cc.ExternalId("ucdp-conflict", "9001"),)
        assert stub.citations[0].rows == tuple(r.line for r in rows)
        assert (stub.participants, stub.years, stub.incompatibility) == ((), (), None)  # nothing the rows do not say
        assert ds.ceasefire("ethprio-5001").conflict_ids == ("ucdp-conflict-9001",)
        assert [c.id for c in ds.ceasefires_of("ucdp-conflict-9001")] == ["ethprio-5001"]
        # The link is in the model, so no longer in the source codes.
        assert all(code.get("ucdp_acd_id") is None for c in ds.ceasefires for code in c.source_codes)

    def test_several_ids_and_codes_that_are_no_conflict(self, tmp_path: Path) -> None:
        path = eth_file(tmp_path, '700,1,1,9101,Government of Xland,"9001, 9002",1994,5,12',
                        "700,1,1,9102,Yregion Front,9001,1994,5,12",
                        "700,2,2,9101,Government of Xland,-1,1995,1,1",
                        "700,2,2,9103,Zfront,0,1995,1,1")
        ds = quietly(path)
        assert ds.ceasefire("ethprio-1").conflict_ids == ("ucdp-conflict-9001", "ucdp-conflict-9002")
        assert ds.ceasefire("ethprio-2").conflict_ids == ()
        assert [c.id for c in ds.conflicts] == ["ucdp-conflict-9001", "ucdp-conflict-9002"]
        assert ds.conflict("ucdp-conflict-9002").citations[0].rows == (2, 3)
        back = tmp_path / "back.csv"
        write_quietly(ds, back, "ethprio-ceasefires")
        assert [r.ucdp_acd_id for r in read_rows(back).rows] == [(9001, 9002), (9001,), (-1,), (0,)]
        again = quietly(back, source_id=ds.sources[0].id)
        assert (again.ceasefires, again.conflicts) == (ds.ceasefires, ds.conflicts)

    def test_a_merged_conflict_is_written_as_its_ucdp_number(self, tmp_path: Path) -> None:
        """Joined with the ACD conflict 9001 (kept under the ACD id), the ceasefire still writes 9001."""
        acd = quietly(fixture("acd.csv"))
        named = attrs.evolve(acd, conflicts=tuple(attrs.evolve(c, id=cc.ConflictId(f"mine-{i}"))
                                                  for i, c in enumerate(acd.conflicts)))
        both = named.merge(quietly(fixture("ethprio.csv")))
        (held,) = [c for c in both.conflicts if "ucdp-conflict-9001" in {f"ucdp-conflict-{x.value}"
                                                                         for x in c.external_ids}]
        assert both.ceasefire("ethprio-5001").conflict_ids == (held.id,)
        assert [c.id for c in both.ceasefires_of(held)] == ["ethprio-5001"]
        report = write_quietly(both, tmp_path / "cf.csv", "ethprio-ceasefires")
        assert {r.ucdp_acd_id for r in read_rows(tmp_path / "cf.csv").rows if r.uniq_id == "5001"} == {(9001,)}
        left_out = [p.path for p in report.left_out if p.path.startswith("conflicts")]
        assert len(left_out) == len(both.conflicts) - 1  # every conflict but the linked one

    def test_a_conflict_without_a_ucdp_number_is_reported_not_written(self, tmp_path: Path) -> None:
        ds = quietly(fixture("ethprio.csv"))
        stub = ds.conflicts[0]
        plain = attrs.evolve(ds, conflicts=(attrs.evolve(stub, external_ids=()),))
        report = write_quietly(plain, tmp_path / "cf.csv", "ethprio-ceasefires")
        assert [p.path for p in report.left_out if "conflict_ids" in p.path] == ["ceasefires[0].conflict_ids[0]"]
        assert "no UCDP conflict id" in str(report.left_out[0])
        assert all(r.ucdp_acd_id == () for r in read_rows(tmp_path / "cf.csv").rows)


class TestPaxLinks:
    def test_real_agreements_belong_to_conflict_388(self) -> None:
        path = real("pax_armenia_azerbaijan.csv")
        ds = quietly(path)
        rows = {r.agt_id: r for r in read_rows(path).rows}
        (stub,) = ds.conflicts
        assert stub.external_ids == (cc.ExternalId("ucdp-conflict", "388"),)
        for agreement in ds.ceasefires:
            row = rows[int(agreement.id.removeprefix("pax-"))]
            assert agreement.conflict_ids == tuple(f"ucdp-conflict-{n}" for n in row.ucdp_con)
        assert ds.ceasefires_of(stub) == tuple(sorted(ds.ceasefires, key=lambda c: c.id))

    def test_real_file_round_trip_keeps_the_links(self, tmp_path: Path) -> None:
        ds = quietly(real("pax_armenia_azerbaijan.csv"))
        write_quietly(ds, tmp_path / "pax.csv", "pax")
        again = quietly(tmp_path / "pax.csv", source_id=ds.sources[0].id)
        assert (again.ceasefires, again.conflicts) == (ds.ceasefires, ds.conflicts)

    def test_eth_prio_pax_and_acd_share_one_conflict(self, tmp_path: Path) -> None:
        pax = tmp_path / "pax.csv"
        pax.write_text("Con,AgtId,Agt,Dat,Status,Agtp,Stage,Part,UcdpCon\n"
                       "Xland,9402,Invented Statement,12/05/1994,Multiparty signed/agreed,Intra,Cea,"
                       "For Armenia,9001.0\n", encoding="utf-8")
        merged = quietly(fixture("acd.csv")).merge(quietly(fixture("ethprio.csv")), quietly(pax))
        conflict = merged.conflict("ucdp-conflict-9001")
        # ETH/PRIO 5001 links PA-X 9402, so the two are one ceasefire (joined on the pax id).
        assert [c.id for c in merged.ceasefires_of(conflict)] == ["ethprio-5001"]
        assert [x.scheme for x in merged.ceasefire("ethprio-5001").external_ids] == ["ethprio", "pax"]
        assert len(conflict.years) == 2


@FAST
@given(ds=ccst.datasets(max_events=0, max_ceasefires=4, max_conflicts=3))
def test_ceasefires_of_matches_the_oracle(ds: cc.Dataset) -> None:
    for conflict in ds.conflicts:
        expected = tuple(sorted((c for c in ds.ceasefires if conflict.id in c.conflict_ids), key=lambda c: c.id))
        assert ds.ceasefires_of(conflict.id) == expected
        assert ds.ceasefires_of(conflict) == expected
        assert ds.ceasefires_of(conflict.name) == expected


def test_generated_data_sets_link_ceasefires_to_conflicts() -> None:
    """The strategy draws links at all, so the oracle test above is not vacuous."""
    found = find(ccst.datasets(max_events=0), lambda ds: any(len(c.conflict_ids) > 1 for c in ds.ceasefires))
    assert all(cid in {c.id for c in found.conflicts} for c in found.ceasefires for cid in c.conflict_ids)


def test_a_link_to_no_conflict_is_refused() -> None:
    ds = quietly(fixture("ethprio.csv"))
    with pytest.raises(cc.DataError, match="conflict_ids"):
        cc.Dataset(sources=ds.sources, actors=ds.actors, ceasefires=ds.ceasefires)


def test_links_survive_json(tmp_path: Path) -> None:
    ds = quietly(fixture("ethprio.csv"))
    cc.write(ds, tmp_path / "cf.json")
    assert cc.load(tmp_path / "cf.json").ceasefires_of("ucdp-conflict-9001") == ds.ceasefires_of("ucdp-conflict-9001")
