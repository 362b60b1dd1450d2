"""`cc.write` (a Dataset to a file) and `SourceCodes` (a source's unmapped columns), #11."""

from __future__ import annotations

import json
import warnings
from collections.abc import Sequence
from pathlib import Path

import attrs
import pytest

import caucasus_conflict as cc
from caucasus_conflict.errors import Problem
from caucasus_conflict.formats import WRITERS, DataWarning, Row, get_format, write
from caucasus_conflict.formats.ucdp import BRD

from ._support import fixture


class TestSourceCodes:
    def test_kept_through_a_file(self, tmp_path: Path) -> None:
        ds = cc.load()
        codes = (cc.SourceCodes("ucdp-ged", ("where_prec", "event_clarity"), ("1", "-1")),)
        changed = attrs.evolve(ds.events[0], source_codes=codes)
        mine = _with(ds, events=(changed, *ds.events[1:]))
        back = cc.loads(cc.dumps(mine))
        assert back.event(changed.id).source_codes == codes
        assert back.event(changed.id).source_codes[0].get("event_clarity") == "-1"

    @pytest.mark.parametrize("rtype", cc.RECORD_TYPES, ids=lambda r: r.collection)
    def test_every_record_type_has_source_codes(self, rtype: cc.RecordType) -> None:
        assert "source_codes" in attrs.fields_dict(rtype.cls)

    def test_one_value_per_column(self) -> None:
        with pytest.raises(cc.RecordError) as info:
            cc.SourceCodes("acled", ("inter1", "inter2"), ("1",))
        assert str(info.value) == "'values' must hold one value per column: 2 column(s), 1 value(s)"

    def test_columns_are_unique_and_named(self) -> None:
        with pytest.raises(cc.RecordError):
            cc.SourceCodes("acled", ("inter1", "inter1"), ("1", "2"))
        with pytest.raises(cc.RecordError):
            cc.SourceCodes("acled", ("",), ("1",))
        with pytest.raises(cc.RecordError):
            cc.SourceCodes("ACLED", ("inter1",), ("1",))

    def test_bad_codes_in_a_file_name_the_path(self, tmp_path: Path) -> None:
        data = json.loads(cc.dumps(cc.load()))
        data["events"][2]["source_codes"] = [{"scheme": "ucdp-ged", "columns": ["a", "b"], "values": ["1"]}]
        path = tmp_path / "bad.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        with pytest.raises(cc.DataError) as info:
            cc.load(path)
        (problem,) = info.value.problems
        assert str(problem) == "$.events[2].source_codes[0].values: 'values' must hold one value per column: 2 column(s), 1 value(s)"
        assert info.value.file == str(path)

    def test_merge_keeps_both_formats_codes(self) -> None:
        one = cc.SourceCodes("ucdp-ged", ("where_prec",), ("1",))
        two = cc.SourceCodes("acled", ("geo_precision",), ("2",))
        base = cc.load()
        actor = base.actor("Azerbaijan")
        left = _with(base, actors=tuple(attrs.evolve(a, source_codes=(one,)) if a is actor else a for a in base.actors))
        right = _with(base, actors=tuple(attrs.evolve(a, source_codes=(two,)) if a is actor else a for a in base.actors))
        merged = left.merge(right)
        assert merged.actor("Azerbaijan").source_codes == (one, two)


def _with(base: cc.Dataset, **collections: tuple[object, ...]) -> cc.Dataset:
    """*base* with the *collections* given replaced."""
    return cc.Dataset(**{rtype.collection: getattr(base, rtype.collection) for rtype in cc.RECORD_TYPES} | collections)


class TestWriteJson:
    def test_default_is_the_library_json(self, tmp_path: Path) -> None:
        target = tmp_path / "out.json"
        report = cc.write(cc.load(), target)
        assert target.read_text(encoding="utf-8") == cc.dumps(cc.load())
        assert report == cc.formats.WriteReport(str(target), "caucasus-conflict",
                                                sum(len(getattr(cc.load(), r.collection)) for r in cc.RECORD_TYPES))

    def test_not_a_dataset(self, tmp_path: Path) -> None:
        with pytest.raises(cc.DataError) as info:
            cc.write([], tmp_path / "x.json")  # type: ignore[arg-type]
        assert info.value.problems == (Problem("$", "expected a caucasus_conflict.Dataset to write, got list"),)

    def test_unknown_format_suggests(self, tmp_path: Path) -> None:
        with pytest.raises(cc.UnknownNameError) as info:
            cc.write(cc.load(), tmp_path / "x", format="caucasus_conflict")
        assert str(info.value) == "no format named 'caucasus_conflict'; did you mean 'caucasus-conflict'?"

    def test_format_not_a_string(self, tmp_path: Path) -> None:
        with pytest.raises(cc.ArgumentTypeError):
            cc.write(cc.load(), tmp_path / "x", format=3)  # type: ignore[arg-type]


def _brd_writer(dataset: cc.Dataset) -> tuple[Sequence[Row], Sequence[Problem]]:
    """A stand-in writer: one BRD row per event with a known year, the rest left out."""
    rows: list[Row] = []
    left_out: list[Problem] = []
    for index, event in enumerate(dataset.events):
        if event.span.start is None:
            left_out.append(Problem(f"events[{index}]", "a BRD row needs a year"))
            continue
        text = f"conflict_id,side_a,side_b,year,bd_best\n1,A,B,{event.span.start.year},1\n".encode()
        rows.extend(BRD.read(text).rows)
    return rows, left_out


@pytest.fixture
def brd_writer(monkeypatch: pytest.MonkeyPatch) -> None:
    """The stand-in in place of any real BRD writer, for this test only."""
    monkeypatch.setitem(WRITERS, "ucdp-brd", _brd_writer)


@pytest.mark.usefixtures("brd_writer")
class TestWriteFormats:
    def test_left_out_is_reported_and_warned(self, tmp_path: Path) -> None:
        ds = cc.load()
        target = tmp_path / "brd.csv"
        unknown = sum(e.span.start is None for e in ds.events)
        assert unknown, "the bundled data has events of unknown date"
        with pytest.warns(DataWarning) as caught:
            report = write(ds, target, "ucdp-brd")
        assert str(caught[0].message) == (f"{target}: {unknown} record(s) or value(s) could not be written as "
                                          "ucdp-brd and were left out; see WriteReport.left_out")
        assert len(report.left_out) == unknown
        assert report.rows == len(ds.events) - unknown == len(get_format("ucdp-brd").read(target).rows)

    def test_strict_writes_nothing(self, tmp_path: Path) -> None:
        target = tmp_path / "brd.csv"
        target.write_text("kept", encoding="utf-8")
        with pytest.raises(cc.DataError) as info:
            write(cc.load(), target, "ucdp-brd", strict=True)
        assert info.value.file == str(target)
        assert target.read_text(encoding="utf-8") == "kept"

    def test_nothing_left_out_is_silent(self, tmp_path: Path) -> None:
        ds = cc.load()
        dated = tuple(e for e in ds.events if e.span.start is not None)
        some = _with(ds, events=tuple(e for e in dated if e.parent_id is None or e.parent_id in {d.id for d in dated}))
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            report = write(some, tmp_path / "brd.csv", "ucdp-brd", strict=True)
        assert report.left_out == ()

    def test_a_read_format_without_writer(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.delitem(WRITERS, "pax")
        with pytest.raises(cc.QueryError) as info:
            write(cc.load(), tmp_path / "x.csv", "pax")
        assert str(info.value) == ("pax files cannot be written from a Dataset yet; the formats that can are "
                                   f"{', '.join(('caucasus-conflict', *sorted(WRITERS)))} (rows read with read_rows are "
                                   "written by the format's own write)")


class TestLineOrder:
    """Every writer puts a record's rows on the lines it cites, file by file (#11)."""

    def test_two_merged_files_come_file_by_file(self, tmp_path: Path) -> None:
        first = tmp_path / "a.csv"
        first.write_bytes(fixture("ged.csv").read_bytes())
        second = tmp_path / "b.csv"
        second.write_text(fixture("ged.csv").read_text(encoding="utf-8").replace("\n9000", "\n8000"),
                          encoding="utf-8")
        ds = cc.read(first, source_id="a").merge(cc.read(second, source_id="b"))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DataWarning)
            cc.write(ds, tmp_path / "out.csv", format="ucdp-ged")
        ids = [row.id for row in get_format("ucdp-ged").read(tmp_path / "out.csv").rows]
        ids_a = [row.id for row in get_format("ucdp-ged").read(first).rows]
        ids_b = [row.id for row in get_format("ucdp-ged").read(second).rows]
        assert ids == ids_a + ids_b

    @pytest.mark.parametrize(("name", "fmt", "collection"), [
        ("ged.csv", "ucdp-ged", "events"), ("acled.csv", "acled", "events"), ("pax", "pax", "ceasefires"),
        ("ethprio.csv", "ethprio-ceasefires", "ceasefires"), ("acd.csv", "ucdp-acd", "conflicts"),
        ("brd.csv", "ucdp-brd", "dyads")])
    def test_records_listed_backwards_write_the_file_in_order(self, tmp_path: Path, name: str, fmt: str,
                                                             collection: str) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DataWarning)
            ds = cc.read(fixture(name) if name != "pax" else _pax_signed_by_armenia(tmp_path))
            backwards = attrs.evolve(ds, **{collection: tuple(reversed(getattr(ds, collection)))})
            cc.write(backwards, tmp_path / "out.csv", format=fmt)
            cc.write(ds, tmp_path / "in_order.csv", format=fmt)
        assert (tmp_path / "out.csv").read_bytes() == (tmp_path / "in_order.csv").read_bytes()
        assert len(getattr(ds, collection)) > 1

    @pytest.mark.parametrize("acd_first", [True, False], ids=["acd.merge(brd)", "brd.merge(acd)"])
    def test_a_merge_of_two_formats_writes_each_in_its_own_files_order(self, tmp_path: Path, acd_first: bool) -> None:
        """A conflict year joined from ACD and BRD cites a line of each: each writer follows its own file."""
        acd, brd = cc.read(fixture("acd.csv")), cc.read(fixture("brd_conflict.csv"))
        merged = acd.merge(brd) if acd_first else brd.merge(acd)
        for fmt, original in (("ucdp-acd", acd), ("ucdp-brd", brd)):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DataWarning)
                cc.write(merged, tmp_path / "out.csv", format=fmt)
                again = cc.read(tmp_path / "out.csv", format=fmt, source_id=original.sources[0].id)
            assert again.conflicts == original.conflicts, fmt

    @pytest.mark.parametrize(("name", "fmt"), [("ged.csv", "ucdp-ged"), ("acled.csv", "acled"),
                                               ("ethprio.csv", "ethprio-ceasefires")])
    def test_records_of_no_file_come_after_the_files_rows(self, tmp_path: Path, name: str, fmt: str) -> None:
        """The bundled data merged with a file, written: the file's rows keep their lines, so read back they are the same."""
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DataWarning)
            read = cc.read(fixture(name))
            cc.write(cc.load().merge(read), tmp_path / "out.csv", format=fmt)
            again = cc.read(tmp_path / "out.csv", source_id=read.sources[0].id)
        collection = "ceasefires" if fmt == "ethprio-ceasefires" else "events"
        ids = {r.id for r in getattr(read, collection)}
        assert tuple(r for r in getattr(again, collection) if r.id in ids) == getattr(read, collection)
        assert len(getattr(again, collection)) > len(getattr(read, collection))  # the bundled records came too

    def test_records_of_no_file_keep_the_data_sets_order(self, tmp_path: Path) -> None:
        ds = cc.load()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DataWarning)
            cc.write(ds, tmp_path / "out.csv", format="acled")
        written = [row.event_id_cnty for row in get_format("acled").read(tmp_path / "out.csv").rows]
        assert written == [e.id for e in ds.events if e.id in written]


def _pax_signed_by_armenia(folder: Path) -> Path:
    """The PA-X fixture's agreements, each with a party the library knows (so each is a ceasefire)."""
    pax = get_format("pax")
    rows = [attrs.evolve(row, part=f"{row.part or ''} For Armenia") for row in pax.read(fixture("pax.csv")).rows]
    path = folder / "pax_armenia.csv"
    pax.write(rows, path)
    return path
