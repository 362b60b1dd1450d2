"""The HXL hashtag row under a header: kept on the file's source by `cc.read`, given back by `cc.write` (#11)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import caucasus_conflict as cc
from caucasus_conflict.formats import read_rows

from ._support import fixture, quietly, write_quietly


def tags_of(path: Path) -> dict[str, str]:
    """Each column's hashtag in the file's HXL row (columns without one left out); empty without a row."""
    layout = read_rows(path).layout
    return {} if layout.hxl is None else {c: t for c, t in zip(layout.columns, layout.hxl, strict=True) if t}


GED_HEADER = ("id,year,type_of_violence,side_a,side_a_new_id,side_b,side_b_new_id,date_prec,date_start,date_end,"
              "deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,low,high\n")
GED_ROW = "7,2020,1,Government of Azerbaijan,64,Republic of Artsakh,338,1,2020-09-27,2020-09-27,1,2,0,0,3,3,4\n"


class TestAcled:
    def test_read_write_read_gives_the_row_back(self, tmp_path: Path) -> None:
        original = fixture("acled_hxl.csv")
        ds = quietly(original)
        assert tags_of(original)  # the fixture has the row
        (codes,) = [c for c in ds.sources[0].source_codes if c.scheme == "acled.hxl"]
        assert dict(codes.items()) == tags_of(original)
        back = tmp_path / "back.csv"
        write_quietly(ds, back, "acled")
        assert tags_of(back) == tags_of(original)
        again = quietly(back, source_id=ds.sources[0].id)
        assert (again.events, again.actors) == (ds.events, ds.actors)  # lines included: the row is line 2 again
        assert [p.path.rpartition(":")[2] for p in again.problems] == [p.path.rpartition(":")[2] for p in ds.problems]

    def test_a_file_without_the_row_is_written_without_it(self, tmp_path: Path) -> None:
        ds = quietly(fixture("acled.csv"))
        assert all(c.scheme != "acled.hxl" for c in ds.sources[0].source_codes)
        write_quietly(ds, tmp_path / "back.csv", "acled")
        assert read_rows(tmp_path / "back.csv").layout.hxl is None

    def test_the_row_survives_json(self, tmp_path: Path) -> None:
        ds = quietly(fixture("acled_hxl.csv"))
        cc.write(ds, tmp_path / "ds.json")
        write_quietly(cc.load(tmp_path / "ds.json"), tmp_path / "back.csv", "acled")
        assert tags_of(tmp_path / "back.csv") == tags_of(fixture("acled_hxl.csv"))


def test_other_formats_keep_the_row_too(tmp_path: Path) -> None:
    original = tmp_path / "ged.csv"
    original.write_text(GED_HEADER + "#event+code,#date+year," + "," * 14 + "#affected+killed+best+max\n" + GED_ROW,
                        encoding="utf-8")
    ds = quietly(original)
    write_quietly(ds, tmp_path / "back.csv", "ucdp-ged")
    assert tags_of(tmp_path / "back.csv") == {"id": "#event+code", "year": "#date+year",
                                              "high": "#affected+killed+best+max"}
    # The tags are the GED file's: written as another format, they are not written.
    write_quietly(quietly(fixture("acled.csv")).merge(ds), tmp_path / "acled.csv", "acled")
    assert read_rows(tmp_path / "acled.csv").layout.hxl is None


def test_two_sources_tagging_a_column_differently_are_reported(tmp_path: Path) -> None:
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text(GED_HEADER + "#event+code" + "," * 16 + "\n" + GED_ROW, encoding="utf-8")
    second.write_text(GED_HEADER + "#event+id" + "," * 16 + "\n" + GED_ROW.replace("7,", "8,", 1), encoding="utf-8")
    both = quietly(first).merge(quietly(second))
    report = write_quietly(both, tmp_path / "out.csv", "ucdp-ged")
    (clash,) = [p for p in report.left_out if "HXL" in p.message]
    assert "'#event+code' is written" in clash.message
    assert tags_of(tmp_path / "out.csv") == {"id": "#event+code"}
    with pytest.raises(cc.DataError, match="HXL"):
        cc.write(both, tmp_path / "strict.csv", format="ucdp-ged", strict=True)


_TAG = st.from_regex(r"#[a-z]{1,6}(\+[a-z]{1,5}){0,2}", fullmatch=True)


@settings(deadline=None)
@given(tags=st.lists(st.one_of(st.just(""), _TAG), min_size=17, max_size=17).filter(any))
def test_any_hashtag_row_comes_back(tmp_path_factory: pytest.TempPathFactory, tags: list[str]) -> None:
    folder = tmp_path_factory.mktemp("hxl")
    original = folder / "ged.csv"
    original.write_text(GED_HEADER + ",".join(tags) + "\n" + GED_ROW, encoding="utf-8")
    ds = quietly(original)
    write_quietly(ds, folder / "back.csv", "ucdp-ged")
    assert tags_of(folder / "back.csv") == tags_of(original)
    assert quietly(folder / "back.csv", source_id=ds.sources[0].id).events == ds.events
