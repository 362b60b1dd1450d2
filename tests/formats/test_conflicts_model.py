"""UCDP ACD and BRD read into conflicts and dyads (`cc.read`) and written back (`cc.write`), #11."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import caucasus_conflict as cc
from caucasus_conflict.formats import Format, get_format, read_rows
from caucasus_conflict.formats.ucdp import ACD, BRD

from ._support import fixture, real, rows_of, without_lines

ACD_REAL = "ucdp_acd_v25_1_georgia_russia.csv"
BRD_REAL = "ucdp_brd_dyadic_v22_1_georgia_russia.csv"


def same_rows(first: Path, second: Path) -> bool:
    """Whether two files hold the same rows in the same order, apart from their lines."""
    return without_lines(read_rows(first).rows) == without_lines(read_rows(second).rows)


def reread(path: Path, ds: cc.Dataset, fmt: str | None = None) -> cc.Dataset:
    """*path* read as the file *ds* was read from (its source id), quietly."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", cc.formats.DataWarning)
        return cc.read(path, format=fmt, source_id=ds.sources[0].id)


def same_records(first: cc.Dataset, second: cc.Dataset) -> bool:
    """Whether two data sets read from files hold the same records, citations (lines) included."""
    return all(getattr(first, rtype.collection) == getattr(second, rtype.collection)
               for rtype in cc.RECORD_TYPES if rtype.collection != "sources")


def written(ds: cc.Dataset, path: Path, fmt: str) -> cc.formats.WriteReport:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", cc.formats.DataWarning)
        return cc.write(ds, path, format=fmt)


class TestReadAcd:
    def test_a_backer_named_as_a_later_ucdp_actor_is_that_actor(self, tmp_path: Path) -> None:
        """A state backing a side (side_b_2nd, a GW number) is the UCDP actor of its name, in either row order."""
        rows = list(ACD.read(fixture("acd.csv")).rows)  # 9002 is backed by "Government of Zland" (GW 701)
        zland = attrs.evolve(rows[0], conflict_id=9009, side_b="Government of Zland", side_b_id=(9301,))
        for order, name in (([*rows, zland], "after.csv"), ([zland, *rows], "before.csv")):
            ACD.write(order, tmp_path / name)
        after, before = cc.read(tmp_path / "after.csv"), cc.read(tmp_path / "before.csv")
        for ds in (after, before):
            backers = [p.actor_id for p in ds.conflict("ucdp-conflict-9002").participants if p.role is cc.Role.SUPPORTER]
            assert backers == ["ucdp-actor-9301"]
            assert ds.actor("Government of Zland").id == "ucdp-actor-9301"
        assert [a.id for a in after.actors] == [a.id for a in before.actors]

    def test_two_ucdp_actors_of_one_name_over_several_rows(self, tmp_path: Path) -> None:
        """The second id keeps the name with its id added, once, however many rows name it (it raised)."""
        rows = list(ACD.read(fixture("acd.csv")).rows)
        twin = [attrs.evolve(rows[0], conflict_id=9009, year=1990 + k, side_b_id=(9999,)) for k in range(3)]
        ACD.write([*rows, *twin], tmp_path / "twins.csv")
        with pytest.warns(cc.formats.DataWarning):
            ds = cc.read(tmp_path / "twins.csv")
        assert (ds.actor("ucdp-actor-9999").name, ds.actor("ucdp-actor-9999").aliases) == ("Yregion Front (9999)", ())
        assert sum("both named" in p.message for p in ds.problems) == 3

    def test_rows_of_one_conflict_are_one_conflict_with_its_years(self) -> None:
        """Each conflict id is one conflict; its years are its rows, with their intensity, in year order."""
        rows = read_rows(fixture("acd.csv")).rows
        ds = cc.read(fixture("acd.csv"))
        assert sorted(c.id for c in ds.conflicts) == sorted({f"ucdp-conflict-{r.conflict_id}" for r in rows})
        for conflict in ds.conflicts:
            mine = [r for r in rows if f"ucdp-conflict-{r.conflict_id}" == conflict.id]
            assert [y.year for y in conflict.years] == sorted(r.year for r in mine)
            codes = {1: cc.Intensity.MINOR, 2: cc.Intensity.WAR}
            assert [y.intensity for y in conflict.years] == [codes[r.intensity_level]
                                                              for r in sorted(mine, key=lambda r: r.year)]
            assert conflict.external_ids == (cc.ExternalId("ucdp-conflict", str(mine[0].conflict_id)),)
            assert all(y.citations[0].rows == (r.line,) for y, r in zip(conflict.years,
                                                                        sorted(mine, key=lambda r: r.year),
                                                                        strict=True))

    def test_fixture_conflict(self) -> None:
        """Conflict 9001 of the fixture: territory, sides, start at its precision, one episode that ended."""
        ds = cc.read(fixture("acd.csv"))
        conflict = ds.conflict("ucdp-conflict-9001")
        assert (conflict.name, conflict.incompatibility, conflict.conflict_type) == (
            "Xland: Yregion", cc.Incompatibility.TERRITORY, cc.ConflictType.INTRASTATE)
        assert [ds.territory(t).name for t in conflict.territory_ids] == ["Yregion"]
        assert conflict.side_ids(cc.Side.A) == ("ucdp-actor-9101",)
        assert conflict.side_ids(cc.Side.B) == ("ucdp-actor-9102",)
        assert ds.actor("ucdp-actor-9102").name == "Yregion Front"
        # 1991-12-31 with code 5 is the year 1991, never a day; 1992-06-30 with code 4 is June 1992.
        assert conflict.start == cc.TimeSpan.parse("1991")
        (episode,) = conflict.episodes
        assert (episode.start, episode.end) == (cc.TimeSpan.parse("1992-06"), cc.TimeSpan.parse("1993-05-12"))

    def test_backers_and_several_ids_in_a_cell(self) -> None:
        """A state backing a side is a supporter of that side; several ids in one cell are several parties."""
        ds = cc.read(fixture("acd.csv"))
        conflict = ds.conflict("ucdp-conflict-9002")
        assert conflict.side_ids(cc.Side.B) == ("ucdp-actor-9201", "ucdp-actor-9202")
        (backer,) = conflict.side_ids(cc.Side.B, supporters=True)
        assert ds.actor(backer).name == "Government of Zland"
        assert ds.actor(backer).external_ids == (cc.ExternalId("gwno", "701"),)
        # The names of a cell with two ids cannot be paired with them: the actor says so.
        assert ds.actor("ucdp-actor-9201").name == "UCDP actor 9201"

    def test_unmapped_cells_kept_as_source_codes(self) -> None:
        ds = cc.read(fixture("acd.csv"))
        year = ds.conflict("ucdp-conflict-9001").years[0]
        (codes,) = year.source_codes
        assert codes.scheme == "ucdp-acd"
        assert (codes.get("start_prec"), codes.get("version"), codes.get("intensity_level")) == ("5", "25.1", None)

    def test_resaved_copy_reads_the_same(self) -> None:
        """The spreadsheet re-save (`;`, CRLF, D-M-YYYY, `25,1`) gives the same conflicts."""
        first, second = cc.read(fixture("acd.csv")), cc.read(fixture("acd_resaved.csv"))
        strip = [(c.id, c.name, c.start, [(y.year, y.intensity) for y in c.years]) for c in first.conflicts]
        assert strip == [(c.id, c.name, c.start, [(y.year, y.intensity) for y in c.years]) for c in second.conflicts]

    def test_real_acd(self) -> None:
        """The real 25.1 rows: 55 conflict-years in 14 conflicts, no problem, the Caucasus conflicts among them."""
        ds = cc.read(real(ACD_REAL))
        assert (sum(len(c.years) for c in ds.conflicts), len(ds.conflicts), ds.problems) == (55, 14, ())
        assert ds.conflict("Georgia: Abkhazia").incompatibility is cc.Incompatibility.TERRITORY
        assert "ucdp-conflict-376" in {c.id for c in ds.conflicts_involving("Republic of Armenia")}


class TestReadBrd:
    def test_rows_are_dyad_years_with_battle_deaths(self) -> None:
        rows = read_rows(fixture("brd.csv")).rows
        ds = cc.read(fixture("brd.csv"))
        for row in rows:
            dyad = ds.dyad(f"ucdp-dyad-{row.dyad_id}")
            year = dyad.year(row.year)
            assert year is not None
            assert year.battle_deaths == cc.Count(row.bd_best, low=row.bd_low, high=row.bd_high)
            assert dyad.conflict_id == f"ucdp-conflict-{row.conflict_id}"
            assert year.citations == (cc.Citation(ds.sources[0].id, rows=(row.line,), row_ids=(str(row.dyad_id),)),)

    def test_dyads_of_and_sides(self) -> None:
        ds = cc.read(fixture("brd.csv"))
        assert [d.id for d in ds.dyads_of("ucdp-conflict-9001")] == ["ucdp-dyad-9301"]
        dyad = ds.dyad("ucdp-dyad-9301")
        assert (dyad.side_ids(cc.Side.A), dyad.side_ids(cc.Side.B)) == (("ucdp-actor-9101",), ("ucdp-actor-9102",))
        assert dyad.name == "Government of Xland – Yregion Front"

    def test_conflict_level_rows_are_conflict_years_with_battle_deaths(self) -> None:
        """The conflict-level file (no dyad_id) gives each conflict its years' battle deaths, and no dyads."""
        rows = read_rows(fixture("brd_conflict.csv")).rows
        ds = cc.read(fixture("brd_conflict.csv"))
        assert ds.dyads == ()
        for row in rows:
            conflict = ds.conflict(f"ucdp-conflict-{row.conflict_id}")
            (year,) = [y for y in conflict.years if y.year == row.year]
            assert year.battle_deaths == cc.Count(row.bd_best, low=row.bd_low, high=row.bd_high)
            assert year.intensity is None  # ACD's, not BRD's
            assert year.citations == (cc.Citation(ds.sources[0].id, rows=(row.line,)),)
            assert year.source_codes[0].get("battle_location") == ", ".join(row.battle_location)
        conflict = ds.conflict("ucdp-conflict-9001")
        assert [y.year for y in conflict.years] == [1992, 1993]  # in year order, the file's are not
        assert (conflict.side_ids(cc.Side.A), conflict.side_ids(cc.Side.B)) == (("ucdp-actor-9101",),
                                                                              ("ucdp-actor-9102",))

    def test_conflict_level_merges_with_acd_into_one_year(self) -> None:
        acd, brd = cc.read(fixture("acd.csv")), cc.read(fixture("brd_conflict.csv"))
        for merged in (acd.merge(brd), brd.merge(acd)):
            years = merged.conflict("ucdp-conflict-9001").years
            assert [(y.year, y.intensity) for y in years] == [(1992, cc.Intensity.WAR), (1993, cc.Intensity.WAR)]
            assert [y.battle_deaths for y in years] == [cc.Count(566, low=566, high=1195),
                                                        cc.Count(1611, low=1611, high=2563)]

    def test_the_real_row_for_2020(self) -> None:
        """UCDP BRD 22.1, dyad 833 in 2020 (committed with its credit): 7,646 (7,548–9,077)."""
        ds = cc.read(fixture("ucdp_brd_v22_1_388_2020.csv"))
        dyad = ds.dyad("ucdp-dyad-833")
        year = dyad.year(2020)
        assert year is not None
        assert year.battle_deaths == cc.Count(7646, low=7548, high=9077)
        conflict = ds.conflict("ucdp-conflict-388")
        assert conflict.name == "Azerbaijan: Artsakh (Nagorno-Karabakh)"
        assert [ds.actor(a).name for a in conflict.side_ids(cc.Side.B, supporters=True)] == ["Government of Armenia"]
        assert ds.sources[0].release == "22.1"

    def test_real_brd(self) -> None:
        ds = cc.read(real(BRD_REAL))
        assert (sum(len(d.years) for d in ds.dyads), ds.problems) == (40, ())


class TestMerge:
    def test_acd_and_brd_of_a_release_merge_on_ids(self) -> None:
        """One conflict, its actors and its territory from both files are one record each."""
        both = cc.read(fixture("acd.csv")).merge(cc.read(fixture("brd.csv")))
        conflict = both.conflict("ucdp-conflict-9001")
        assert [y.year for y in conflict.years] == [1992, 1993]  # the ACD years are kept
        assert [d.id for d in both.dyads_of(conflict)] == ["ucdp-dyad-9301"]
        assert len([t for t in both.territories if t.name == "Yregion"]) == 1

    def test_with_the_bundled_data_a_shared_territory_name_needs_a_mapping(self) -> None:
        """The BRD territory is not joined to the bundled one by name; UCDP actor ids join the actors."""
        brd = cc.read(fixture("ucdp_brd_v22_1_388_2020.csv"))
        both = cc.load().merge(brd)
        assert {c.id for c in both.conflicts_involving("Azerbaijan")} == {"ucdp-conflict-388"}
        assert [d.id for d in both.dyads_involving("Republic of Artsakh")] == ["ucdp-dyad-833"]
        assert {c.id for c in both.conflicts_involving("Armenia", side="b")} == {"ucdp-conflict-388"}
        assert both.conflicts_involving("Armenia", supporters=False) == ()


class TestWrite:
    @pytest.mark.parametrize(("name", "fmt"), [("acd.csv", "ucdp-acd"), ("acd_resaved.csv", "ucdp-acd"),
                                               ("brd.csv", "ucdp-brd"), ("ucdp_brd_v22_1_388_2020.csv", "ucdp-brd"),
                                               ("brd_conflict.csv", "ucdp-brd")])
    def test_fixture_round_trip(self, tmp_path: Path, name: str, fmt: str) -> None:
        """Read, write and read again gives the same rows."""
        target = tmp_path / "out.csv"
        ds = cc.read(fixture(name))
        report = written(ds, target, fmt)
        assert (report.format, report.left_out) == (fmt, ())
        assert same_rows(fixture(name), target)
        assert same_records(ds, reread(target, ds))
        assert read_rows(target).layout.columns == read_rows(fixture(name)).layout.columns

    @pytest.mark.parametrize(("name", "fmt"), [("acd.csv", "ucdp-acd"), ("brd.csv", "ucdp-brd")])
    def test_rows_out_of_id_order_come_back_on_their_lines(self, tmp_path: Path, name: str, fmt: str) -> None:
        """A file with its rows reversed (conflicts and years out of order) reads back as the same records."""
        table = get_format(fmt)
        rows = read_rows(fixture(name)).rows
        source, target = tmp_path / "reversed.csv", tmp_path / "out.csv"
        table.write(list(reversed(rows)), source)
        ds = cc.read(source)
        assert [c.id for c in ds.conflicts] == sorted(c.id for c in ds.conflicts)  # listed by id, not by line
        written(ds, target, fmt)
        assert same_rows(source, target)
        assert same_records(ds, reread(target, ds))

    def test_a_conflict_level_year_is_no_acd_row_and_no_dyadic_row(self, tmp_path: Path) -> None:
        brd = cc.read(fixture("brd_conflict.csv"))
        report = written(brd, tmp_path / "acd.csv", "ucdp-acd")
        assert (report.rows, [p.path for p in report.left_out]) == (0, ["$.conflicts[0].years[0]",
                                                                        "$.conflicts[0].years[1]"])
        dyadic = brd.merge(cc.read(fixture("brd.csv")))
        report = written(dyadic, tmp_path / "brd.csv", "ucdp-brd")
        assert "dyad_id" in read_rows(tmp_path / "brd.csv").layout.columns
        assert [p.path for p in report.left_out] == ["$.conflicts[0].years[0].battle_deaths",
                                                     "$.conflicts[0].years[1].battle_deaths"]

    @pytest.mark.parametrize(("name", "fmt"), [(ACD_REAL, "ucdp-acd"), (BRD_REAL, "ucdp-brd")])
    def test_real_round_trip(self, tmp_path: Path, name: str, fmt: str) -> None:
        """Read, written and read again, a real file (its conflicts not in id order) gives the same records."""
        target = tmp_path / "out.csv"
        ds = cc.read(real(name))
        assert written(ds, target, fmt).rows == len(read_rows(real(name)).rows)
        assert same_rows(real(name), target)
        assert same_records(ds, reread(target, ds))

    def test_what_is_not_a_row_is_left_out_loudly(self, tmp_path: Path) -> None:
        both = cc.load().merge(cc.read(fixture("ucdp_brd_v22_1_388_2020.csv")))
        with pytest.warns(cc.formats.DataWarning, match="could not be written as ucdp-acd"):
            report = cc.write(both, tmp_path / "acd.csv", format="ucdp-acd")
        messages = [str(p) for p in report.left_out]
        assert "$.events: 18 events cannot be written as ucdp-acd rows and are left out" in messages
        assert "$.conflicts[0]: conflict 'ucdp-conflict-388' has no years, so it has no ACD row" in messages
        with pytest.raises(cc.DataError):
            cc.write(both, tmp_path / "strict.csv", format="ucdp-brd", strict=True)

    def test_a_hand_built_conflict_is_written_from_the_model(self, tmp_path: Path) -> None:
        """A year without kept cells takes its sides, incompatibility and type from the model."""
        ds = cc.read(fixture("acd.csv"))
        conflict = ds.conflict("ucdp-conflict-9001")
        bare = attrs.evolve(conflict, years=tuple(attrs.evolve(y, source_codes=()) for y in conflict.years))
        ds = attrs.evolve(ds, conflicts=(bare,))
        written(ds, tmp_path / "out.csv", "ucdp-acd")
        rows = read_rows(tmp_path / "out.csv").rows
        assert [(r.conflict_id, r.year, r.side_a, r.side_b_id, r.incompatibility, r.type_of_conflict,
                 r.territory_name) for r in rows] == [
            (9001, 1992, "Government of Xland", (9102,), 1, 3, "Yregion"),
            (9001, 1993, "Government of Xland", (9102,), 1, 3, "Yregion")]


def _keyed(fmt: Format[Any], rows: list[Any], *, conflict_level: bool = False) -> list[Any]:
    """*rows* made one per key as the formats promise (a conflict-year; a dyad-year, each dyad of one conflict)."""
    if fmt is ACD:
        return [attrs.evolve(r, year=1989 + i) for i, r in enumerate(rows)]
    if conflict_level:
        return [attrs.evolve(r, dyad_id=None, year=1989 + i,
                             source_codes=tuple(c for c in r.source_codes if c[0] != "dyad_id"))
                for i, r in enumerate(rows)]
    return [attrs.evolve(r, dyad_id=r.conflict_id, year=1989 + i,
                         source_codes=tuple(c for c in r.source_codes if c[0] != "dyad_id"))
            for i, r in enumerate(rows)]


@pytest.mark.parametrize(("fmt", "name"), [(ACD, "ucdp-acd"), (BRD, "ucdp-brd")])
@settings(deadline=None)
@given(data=st.data())
def test_generated_rows_round_trip(tmp_path_factory: pytest.TempPathFactory, fmt: Format[Any], name: str,
                                   data: st.DataObject) -> None:
    """Rows of the format, through the model and back, are the rows written (one row per key), and the records."""
    rows = _keyed(fmt, data.draw(st.lists(rows_of(fmt), min_size=1, max_size=4)))
    folder = tmp_path_factory.mktemp("rows")
    source, target = folder / "in.csv", folder / "out.csv"
    source.write_text(fmt.dumps(rows), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", cc.formats.DataWarning)
        ds = cc.read(source, format=name)
    written(ds, target, name)
    assert same_rows(source, target)
    assert same_records(ds, reread(target, ds, name))


@settings(deadline=None)
@given(data=st.data())
def test_generated_conflict_level_rows_round_trip(tmp_path_factory: pytest.TempPathFactory, data: st.DataObject) -> None:
    """Conflict-level BRD rows (no dyad_id column), through the model and back, are the rows written."""
    rows = _keyed(BRD, data.draw(st.lists(rows_of(BRD), min_size=1, max_size=4)), conflict_level=True)
    folder = tmp_path_factory.mktemp("rows")
    source, target = folder / "in.csv", folder / "out.csv"
    source.write_text(BRD.dumps(rows, columns=[c.name for c in BRD.columns if c.name != "dyad_id"]), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", cc.formats.DataWarning)
        ds = cc.read(source, format="ucdp-brd")
    assert ds.dyads == ()
    written(ds, target, "ucdp-brd")
    kept = {line for c in ds.conflicts for y in c.years for cite in y.citations for line in cite.rows}
    wanted = [r for r in read_rows(source).rows if r.line in kept]
    got = read_rows(target).rows
    assert without_lines(got) == without_lines(wanted)
    if len(kept) == len(rows):  # no row left out, so no line moves
        assert same_records(ds, reread(target, ds, "ucdp-brd"))
