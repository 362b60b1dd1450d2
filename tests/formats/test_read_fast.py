"""The fast paths of reading (#11): the written-out row reader and the records built without re-checking.

`Format.rows_of` writes out a reader per header; `cc.read` of a GED file maps the cells
straight into records (`Format._value_reader` hands each row's values to the GED mapping,
with no `GedRow` in between) and builds its citations, casualties, events and source
codes through `model._prechecked`, skipping the constructors' checks for values checked
once elsewhere. These tests hold each to the slow, checked path: the row reader to the
plain loop it replaced (a dict per row, every cell decoded anew), the value reader to the
row reader, the direct GED mapping to reading the typed rows and mapping them (the same
records and the same problems, in the same order), and every record a read builds to its
public constructor, for valid files, files with bad rows and arbitrarily changed cells; a
bad row is reported as the checked path reports it.
"""

from __future__ import annotations

import csv
import io
import operator
import warnings
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import caucasus_conflict as cc
from caucasus_conflict import model
from caucasus_conflict.errors import DataError, Problem
from caucasus_conflict.formats import FORMATS, Format, ReadResult
from caucasus_conflict.formats._csv import parse_table
from caucasus_conflict.formats._into_ged import ged_records, ged_records_of_rows
from caucasus_conflict.formats._rows import _line_of, _reporter
from caucasus_conflict.formats._values import Invalid
from caucasus_conflict.formats.ucdp import GED

from ._support import fixture, real

GED_FILES = ["ged.csv", "ged_typos.csv", "ged_old.csv", "ged_resaved.csv", "ged_index.csv"]
FILES = {"ged.csv": "ucdp-ged", "acd_resaved.csv": "ucdp-acd", "brd.csv": "ucdp-brd", "ethprio.csv":
         "ethprio-ceasefires", "pax.csv": "pax", "acled_hxl.csv": "acled"}


def loop_rows(fmt: Format[Any], text: str, name: str) -> tuple[tuple[Any, ...], tuple[Problem, ...]]:
    """The rows and problems by the plain loop: a dict of values per row, each cell decoded anew."""
    table = parse_table(text, name=name)
    header = table.layout.columns
    refusal = fmt.refusal(header, name)
    if refusal is not None:
        raise refusal
    position = {column: index for index, column in enumerate(header)}
    mapped = {spec.name for spec in fmt.columns}
    problems: list[Problem] = list(table.problems)
    rows = []
    for line, cells in table.rows:
        values: dict[str, Any] = {}
        codes: list[tuple[str, str]] = []
        for spec in fmt.columns:
            if spec.name not in position:
                values[spec.field] = spec.codec.empty
                continue
            text_ = cells[position[spec.name]]
            if spec.codec.verbatim:
                values[spec.field] = text_ or None
                continue
            try:
                values[spec.field] = spec.codec.parse(text_)
            except Invalid as exc:
                values[spec.field] = spec.codec.empty
                codes.append((spec.name, text_))
                problems.append(Problem(f"{name}:{line}:{spec.name}", f"{exc.message} (got {text_!r})"))
        codes += [(column, cells[index]) for index, column in enumerate(header) if column not in mapped]
        row = fmt.row_type(line=line, source_codes=tuple(codes), **values)
        if fmt.check is not None:
            fmt.check(row, _reporter(problems, name, line))
        rows.append(row)
    problems.extend(fmt._duplicates(rows, name))
    problems.sort(key=lambda problem: _line_of(problem, name))
    return tuple(rows), tuple(problems)


@st.composite
def changed_files(draw: st.DrawFn, name: str) -> str:
    """The fixture *name* with some cells changed, its columns perhaps shuffled, one dropped or one added."""
    table = list(csv.reader(io.StringIO(fixture(name).read_text(encoding="utf-8-sig"))))
    table = [row for row in table if row]
    for _ in range(draw(st.integers(0, 6))):
        r = draw(st.integers(1, len(table) - 1))
        c = draw(st.integers(0, len(table[r]) - 1))
        table[r][c] = draw(st.sampled_from(["", " ", "x", "-1", "0", "99", "2020-02-30", "1.5", "3;4"])
                           | st.text(st.characters(codec="utf-8", exclude_characters="\r\n\x00"), max_size=6))
    order = list(range(len(table[0])))
    if draw(st.booleans()):
        order = draw(st.permutations(order))
    if draw(st.booleans()) and len(order) > 1:
        order.pop(draw(st.integers(0, len(order) - 1)))  # a column the file lacks (perhaps a required one)
    table = [[row[i] for i in order] for row in table]
    if draw(st.booleans()):  # a column the format does not map
        table = [row + (["extra_note"] if i == 0 else [f"n{i % 3}"]) for i, row in enumerate(table)]
    table += table[1:]  # every text repeats, so the values kept by text are used
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(table)
    return out.getvalue()


def outcome(read: Any) -> object:
    try:
        return read()
    except DataError as exc:
        return str(exc)


@pytest.mark.parametrize("name", sorted(FILES))
@given(data=st.data())
def test_written_out_reader_matches_the_loop(name: str, data: st.DataObject) -> None:
    """The row reader written out per header gives the rows and problems of the plain loop, or the same refusal."""
    fmt = FORMATS[FILES[name]]
    text = data.draw(changed_files(name))

    def fast() -> tuple[tuple[Any, ...], tuple[Problem, ...]]:
        result: ReadResult[Any] = fmt.rows_of(parse_table(text, name="f.csv"), name="f.csv")
        return result.rows, result.problems

    assert outcome(fast) == outcome(lambda: loop_rows(fmt, text, "f.csv"))


def rebuilt(value: Any) -> Any:
    """*value* built again through the public constructors of the model's records, all the way down."""
    if isinstance(value, tuple):
        return tuple(rebuilt(item) for item in value)
    cls = type(value)
    if attrs.has(cls) and cls.__module__ == model.__name__:
        return cls(**{f.name: rebuilt(getattr(value, f.name)) for f in attrs.fields(cls)})
    return value


def assert_constructors_accept(ds: cc.Dataset) -> None:
    """Every event (its citations, casualties, source codes ...) and actor equals its rebuild by the constructors."""
    for record in (*ds.events, *ds.actors, *ds.sources):
        assert rebuilt(record) == record


def read_quietly(path: Path, **kwargs: Any) -> cc.Dataset:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", cc.formats.DataWarning)
        return cc.read(path, **kwargs)


@pytest.mark.parametrize("name", GED_FILES)
def test_prechecked_ged_records_pass_their_constructors(name: str) -> None:
    """The GED fixtures, bad rows included: each record built without re-checking is one the constructor builds."""
    ds = read_quietly(fixture(name))
    assert ds.events
    assert_constructors_accept(ds)


@given(text=changed_files("ged.csv"))
def test_changed_ged_cells_still_checked(text: str) -> None:
    """Any change to a GED file's cells: a Dataset whose records pass their constructors, with its problems
    on `Dataset.problems`, and ``strict=True`` raising them as one DataError; or a DataError either way."""
    import tempfile
    path = Path(tempfile.mkdtemp()) / "g.csv"
    path.write_text(text, encoding="utf-8")
    try:
        ds = read_quietly(path, format="ucdp-ged")
    except DataError:  # e.g. a side named only ":" (no actor can be looked up by it): strict refuses it too
        with pytest.raises(DataError):
            cc.read(path, format="ucdp-ged", strict=True)
        return
    assert_constructors_accept(ds)
    if ds.problems:
        with pytest.raises(DataError) as raised:
            cc.read(path, format="ucdp-ged", strict=True)
        assert raised.value.problems == ds.problems
    else:
        assert cc.read(path, format="ucdp-ged", strict=True).events == ds.events


def test_bad_rows_reported_with_file_line_and_column(tmp_path: Path) -> None:
    """A bad date, a bad count and a wrong bound are reported where they are, and kept as unknown."""
    path = tmp_path / "ged.csv"
    path.write_text("id,year,type_of_violence,side_a,side_a_new_id,side_b,side_b_new_id,date_prec,date_start,"
                    "date_end,best,low,high\n"
                    "1,2020,1,Government of X,5,Y Front,6,1,2020-09-27,2020-09-27,3,3,4\n"
                    "2,2020,1,Government of X,5,Y Front,6,1,2020-02-30,2020-02-30,3,3,4\n"
                    "3,2020,1,Government of X,5,Y Front,6,1,2020-09-27,2020-09-27,x,3,4\n"
                    "4,2020,1,Government of X,5,Y Front,6,1,2020-09-27,2020-09-27,3,5,4\n", encoding="utf-8")
    ds = read_quietly(path)
    assert [p.path for p in ds.problems] == [f"{path}:3:date_start", f"{path}:3:date_end", f"{path}:4:best",
                                             f"{path}:5:low"]
    assert not ds.event("ged-2").span.is_known
    assert ds.event("ged-3").casualties[0].killed == cc.Count(None, low=3, high=4)
    assert ds.event("ged-4").casualties[0].killed == cc.Count(3, high=4)  # the bound below best set aside
    assert_constructors_accept(ds)


def test_prechecked_builds_what_the_constructor_builds() -> None:
    """The builder takes the constructor's keywords and defaults, and refuses a class it would change."""
    cite = model._prechecked(model.Citation)(source_id=model.SourceId("s"), rows=(2,), row_ids=("7",))
    assert cite == model.Citation(model.SourceId("s"), rows=(2,), row_ids=("7",))
    assert hash(cite) == hash(model.Citation(model.SourceId("s"), rows=(2,), row_ids=("7",)))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        cite.rows = (3,)  # type: ignore[misc]
    with pytest.raises(ValueError, match="converter"):
        model._prechecked(model.Actor)  # its names are put in normal form C by a converter
    with pytest.raises(TypeError):
        model._prechecked(model.Citation)(rows=(2,))  # source_id has no default


@pytest.mark.parametrize("name", sorted(FILES))
@given(data=st.data())
def test_value_reader_gives_the_rows_values(name: str, data: st.DataObject) -> None:
    """The value reader hands on each row's line, source codes and values exactly as the row reader's rows hold them."""
    fmt = FORMATS[FILES[name]]
    try:
        table = parse_table(data.draw(changed_files(name)), name="f.csv")
        rows = fmt.rows_of(table, name="f.csv").rows
    except DataError:  # broken quoting, or a required column dropped: refused before any row is read
        return
    values_of = operator.attrgetter(*(spec.field for spec in fmt.columns))
    handed: list[tuple[int, tuple[tuple[str, str], ...], tuple[Any, ...]]] = []
    fmt._value_reader(table.layout.columns, lambda line, codes, values: handed.append((line, codes, values)))(
        table.rows, [], "f.csv")
    assert handed == [(row.line, row.source_codes, values_of(row)) for row in rows]


DIGEST = "0123456789abcdef" * 4


def via_rows(text: str, name: str = "f.csv") -> tuple[dict[str, Any], list[Problem]]:
    """A GED file's records and problems the slow way: its typed rows (`GED.rows_of`), then their mapping."""
    table = parse_table(text, name=name)
    result = GED.rows_of(table, name=name)
    records, mapped = ged_records_of_rows(result, name, DIGEST, None)
    return records, sorted((*result.problems, *mapped), key=lambda problem: _line_of(problem, name))


def direct(text: str, name: str = "f.csv", *, share: bool = True) -> tuple[dict[str, Any], list[Problem]]:
    """A GED file's records and problems as `cc.read` makes them: straight from the cells (*share*: see ged_records)."""
    return ged_records(parse_table(text, name=name), name, DIGEST, None, share=share)


def assert_direct_is_via_rows(text: str) -> None:
    """The direct path gives what the rows' path gives, and what it gives itself with nothing shared between rows."""
    fast, slow = outcome(lambda: direct(text)), outcome(lambda: via_rows(text))
    assert fast == slow
    assert repr(fast) == repr(slow)  # the same values, down to each field's type (True is no 1 here)
    unshared = outcome(lambda: direct(text, share=False))
    assert unshared == fast
    assert repr(unshared) == repr(fast)


@given(text=changed_files("ged.csv"))
def test_direct_ged_mapping_is_the_rows_mapping(text: str) -> None:
    """Changed cells, columns shuffled, dropped or added: the records and problems of the rows' path, or its refusal."""
    assert_direct_is_via_rows(text)


@pytest.mark.parametrize("name", GED_FILES)
def test_direct_ged_mapping_of_each_fixture(name: str) -> None:
    assert_direct_is_via_rows(fixture(name).read_text(encoding="utf-8-sig"))


def test_direct_ged_mapping_of_the_real_rows() -> None:
    """The real GED extract in ../shared/realdata/ (skipped when absent)."""
    assert_direct_is_via_rows(real("ucdp_ged_v23_1_sample.csv").read_text(encoding="utf-8-sig"))


BAD_ROWS = """id,year,type_of_violence,side_a,side_a_new_id,side_a_dset_id,side_b,side_b_new_id,date_prec,date_start,\
date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,low,high,latitude,longitude,priogrid_gid,\
number_of_sources,gwnoa,note
1,2020,1,Government of X,5,,Y Front,6,1,2020-09-27,2020-09-27,1,2,0,0,3,3,4,39.8,46.7,180813,2,373,a
1,2020,1,Government of X,5,,Y Front,6,1,2020-09-27,2020-09-27,1,2,0,0,3,3,4,39.8,46.7,180813,2,373,b
,2020,1,Government of X,5,,Y Front,6,1,2020-09-27,2020-09-27,1,2,0,0,3,3,4,39.8,46.7,180813,-1,373,
3,0,1,Government of X,5,,Y Front,6,1,2020-02-30,2020-09-27,1,2,0,0,4,5,3,39.8,,x,2,373;374,
4,2020,2,Government of X,5,,Y Front,6,1,2020-09-28,2020-09-27,1,2,0,0,3,,,0.0,-0.0,180813,2,,
5,2021,1,Y Front,7,,Government of X,5,1,2021-01-01,2021-01-03,,,,,,,,91,46.7,,2,,
6,2021,3,Government of X,5,,Civilians,1,5,2021-12-31,2021-12-31,0,0,2,0,2,2,2,,,,,373,
7,2021,3,Government of X,5,,::,1,4,2021-03-01,2021-03-31,0,0,2,0,2,2,2,,,,,373,
8,2021,2,Government of X,,,Y Front,,1,2021-03-01,2021-03-01,0,0,0,1,1,1,1,,,,,,
9,2021,1,Government of X,,5,Y Front,6,,2021-03-01,2021-03-02,3,,,,3,,,,,,,,
10,2021,1,government  of x,8,,::,6,1,2021-03-01,2021-03-01,0,0,0,0,0,0,0,,,,,,
11,2021,1,Y Front,7,,Government of X,5,1,2021-01-01,2021-01-03,,,,,,,,91,46.7,,2,,
12,2022,1,Government of X,5,,Y Front,6,1,2022-09-27,2022-09-27,1,2,0,0,3,3,4,39.8,46.7,180813,2,373,a
"""


def test_direct_ged_mapping_of_bad_rows(tmp_path: Path) -> None:
    """A second row for an id, no id, bad and contradicting dates, sums and bounds, a year 0, a side without an id or a
    name, two ids of one name (again on a later row), civilians, a lone or zero coordinate, a cell set aside, a
    column GED does not map: every problem and record as the rows' path gives them."""
    text = BAD_ROWS.replace("\\\n", "")
    assert_direct_is_via_rows(text)
    records, problems = direct(text)
    assert len(records["events"]) == 13
    # Each line's problems in the order the row reader and the mapping report them: the cells' (in column
    # order), the row check's, then the mapping's.
    assert [(p.path.rpartition(":")[2], p.message.split(" ")[0]) for p in problems if p.path.startswith("f.csv:5:")] \
        == [("priogrid_gid", "expected"), ("date_start", "no"), ("best", "best"), ("low", "low"), ("high", "high"),
            ("year", "the"), ("latitude", "the")]
    assert [p for p in problems if p.path == "f.csv:3"] == [Problem("f.csv:3", "a second row for id 1 (the first is "
                                                                               "on line 2)")]
    assert [p.path for p in problems if "both named 'Y Front'" in p.message] == ["f.csv:7:side_a", "f.csv:13:side_a"]
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8")
    ds = read_quietly(path)
    assert list(ds.problems) == direct(text, name=str(path))[1]
    assert_constructors_accept(ds)
