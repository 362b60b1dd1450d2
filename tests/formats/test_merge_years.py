"""`Dataset.merge`: joined conflicts and dyads carry the years of both; a clash of one year is reported (#11)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import caucasus_conflict as cc

from ._support import fixture, quietly, real

FAST = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], deadline=None)



# -- merged conflicts carry the years of both ---------------------------------------------------


class TestMergedYears:
    @pytest.mark.parametrize("acd_first", [True, False])
    def test_acd_and_brd_fixture(self, acd_first: bool) -> None:
        acd, brd = quietly(fixture("acd.csv")), quietly(fixture("brd.csv"))
        merged = acd.merge(brd) if acd_first else brd.merge(acd)
        for conflict in acd.conflicts:
            joined = merged.conflict(conflict.id)
            assert [(y.year, y.intensity) for y in joined.years] == [(y.year, y.intensity) for y in conflict.years]
            assert (joined.start, joined.episodes) == (conflict.start, conflict.episodes)
        for dyad in brd.dyads:
            assert merged.dyad(dyad.id).years == dyad.years
            assert [d.id for d in merged.dyads_of(dyad.conflict_id)] == sorted(
                d.id for d in brd.dyads if d.conflict_id == dyad.conflict_id)

    def test_real_acd_and_brd(self) -> None:
        acd, brd = quietly(real("ucdp_acd_v25_1_georgia_russia.csv")), quietly(
            real("ucdp_brd_dyadic_v22_1_georgia_russia.csv"))
        shared = {c.id for c in acd.conflicts} & {c.id for c in brd.conflicts}
        assert shared
        for merged in (acd.merge(brd), brd.merge(acd)):
            for conflict in acd.conflicts:
                years = [y.year for y in merged.conflict(conflict.id).years]
                assert years == [y.year for y in conflict.years]
                assert len(set(years)) == len(years)
            deaths = {(d.id, y.year): y.battle_deaths for d in merged.dyads for y in d.years}
            assert deaths == {(d.id, y.year): y.battle_deaths for d in brd.dyads for y in d.years}

    def test_a_stub_is_filled_from_the_acd_conflict(self) -> None:
        acd = quietly(fixture("acd.csv"))
        merged = quietly(fixture("ethprio.csv")).merge(acd)
        stub, full = merged.conflict("ucdp-conflict-9001"), acd.conflict("ucdp-conflict-9001")
        assert stub.name == "UCDP conflict 9001"
        assert full.name in stub.aliases
        assert (stub.participants, stub.years, stub.incompatibility, stub.territory_ids) == (
            full.participants, full.years, full.incompatibility, full.territory_ids)

    def test_one_year_from_two_files_is_one_year_citing_both(self, tmp_path: Path) -> None:
        text = fixture("acd.csv").read_text(encoding="utf-8")
        copy = tmp_path / "acd_copy.csv"
        copy.write_text(text, encoding="utf-8")
        first, second = quietly(fixture("acd.csv")), quietly(copy, source_id="copy")
        both = first.merge(second)
        for conflict in first.conflicts:
            years = both.conflict(conflict.id).years
            assert [y.year for y in years] == [y.year for y in conflict.years]
            for year in years:
                assert [c.source_id for c in year.citations] == [first.sources[0].id, "copy"]

    def test_a_clash_of_one_year_is_reported_never_picked(self, tmp_path: Path) -> None:
        lines = fixture("acd.csv").read_text(encoding="utf-8").splitlines(keepends=True)
        # Conflict 9001 in 1992: intensity 2 (war) in the fixture, 1 (minor) in the copy.
        changed = [line.replace(",1992,2,", ",1992,1,") for line in lines]
        assert changed != lines
        copy = tmp_path / "acd_other.csv"
        copy.write_text("".join(changed), encoding="utf-8")
        first, second = quietly(fixture("acd.csv")), quietly(copy)
        with pytest.raises(cc.DataError) as caught:
            first.merge(second)
        (problem,) = caught.value.problems
        assert problem.path == "data set 1: $.conflicts[0].years[0].intensity"
        assert "'war' in 1992" in problem.message
        assert "'minor' here" in problem.message
        assert "never picks one" in str(caught.value)

    def test_a_dyad_year_clash_is_reported(self, tmp_path: Path) -> None:
        text = fixture("brd.csv").read_text(encoding="utf-8-sig")
        copy = tmp_path / "brd_other.csv"
        copy.write_text(text.replace(",1993,1611,1611,", ",1993,1612,1611,"), encoding="utf-8")
        with pytest.raises(cc.DataError) as caught:
            quietly(fixture("brd.csv")).merge(quietly(copy))
        assert [p.path for p in caught.value.problems] == ["data set 1: $.dyads[0].years[1].battle_deaths"]  # 1993, after 1992


_YEARS = st.dictionaries(st.integers(1989, 1996), st.sampled_from([None, cc.Intensity.MINOR, cc.Intensity.WAR]),
                         max_size=5)
_SOURCE = cc.Source(id=cc.SourceId("s"), kind=cc.SourceKind.DATA_FILE, title="T", publisher="P",
                    url="https://example.org", published=cc.TimeSpan.parse("2024"), credit="(c) P")


def _conflict(conflict_id: str, years: dict[int, cc.Intensity | None], row: int) -> cc.Conflict:
    cite = (cc.Citation(cc.SourceId("s"), rows=(row,)),)
    return cc.Conflict(id=cc.ConflictId(conflict_id), name=f"C {conflict_id}",
                       years=tuple(cc.ConflictYear(year=y, intensity=i, citations=cite) for y, i in sorted(years.items())),
                       external_ids=(cc.ExternalId("ucdp-conflict", "1"),), citations=cite)


@FAST
@given(mine=_YEARS, other=_YEARS)
def test_merged_years_match_the_oracle(mine: dict[int, cc.Intensity | None], other: dict[int, cc.Intensity | None]
                                       ) -> None:
    """Years are united; an unknown intensity is taken from the other; two known, different ones clash."""
    first = cc.Dataset(sources=(_SOURCE,), conflicts=(_conflict("a", mine, 2),))
    second = cc.Dataset(sources=(_SOURCE,), conflicts=(_conflict("b", other, 3),))
    clashes = sorted(y for y in set(mine) & set(other)
                     if mine[y] is not None and other[y] is not None and mine[y] != other[y])
    if clashes:
        with pytest.raises(cc.DataError) as caught:
            first.merge(second)
        assert len(caught.value.problems) == len(clashes)
        return
    (merged,) = first.merge(second).conflicts
    assert merged.id == "a"
    expected = {y: mine.get(y) if mine.get(y) is not None else other.get(y) for y in {*mine, *other}}
    assert [(y.year, y.intensity) for y in merged.years] == sorted(expected.items())
    for year in merged.years:
        rows = [c.rows[0] for c in year.citations]
        assert rows == [r for r, held in ((2, mine), (3, other)) if year.year in held]
