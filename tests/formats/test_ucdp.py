"""UCDP GED, ACD and BRD files read from the project's own fixtures (invented rows, codebook shapes)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pendulum
import pytest

import caucasus_conflict as cc
from caucasus_conflict.errors import DataError
from caucasus_conflict.formats import Format, Missing
from caucasus_conflict.formats.ucdp import ACD, BRD, GED, AcdRow, GedRow, acd_span, ged_span, side_names

from ._support import fixture, messages, without_lines

REFUSAL_ADVICE = "Read the file with the format it is in (detect() recognises the formats from the header)."


def span(text: str) -> cc.TimeSpan:
    """A span from its text form."""
    return cc.TimeSpan.parse(text)


class TestGed:
    def test_official_copy(self) -> None:
        """The official CSV's 49 columns read typed, with the multi-line quoted cell kept whole."""
        result = GED.read(fixture("ged.csv"), name="ged.csv")
        assert result.problems == ()
        first = result.rows[0]
        assert (first.line, first.id, first.relid, first.type_of_violence) == (2, 900003, "XLD-2020-1-9301-3", 1)
        assert first.source_article == 'Invented Wire, 2020-09-28 "Fighting reported"\nInvented Radio, 2020-09-28'
        assert first.source_headline == '"Clashes" in Alpha'
        assert (first.date_start, first.date_end) == (pendulum.Date(2020, 9, 27), pendulum.Date(2020, 9, 27))
        assert (first.latitude, first.longitude, first.where_prec) == (39.8, 46.75, 1)
        assert (first.deaths_a, first.deaths_b, first.deaths_civilians, first.deaths_unknown) == (3, 2, 1, 0)
        assert (first.low, first.best, first.high) == (5, 6, 8)
        assert first.gwnoa == (700,)
        assert first.gwnob == ()
        assert first.source_codes == ()

    def test_rows_keep_file_order_and_lines(self) -> None:
        """Rows come back in file order, unsorted ids and all, each with the line it starts on."""
        rows = GED.read(fixture("ged.csv")).rows
        assert [(row.line, row.id) for row in rows] == [(2, 900003), (4, 900001), (5, 900002), (6, 900004),
                                                        (7, 900005)]

    def test_precision_codes_make_the_span(self) -> None:
        """date_prec 1 is a day, 5 with 31 December a year, 4 a month, 2 and 3 the range written."""
        rows = {row.id: row for row in GED.read(fixture("ged.csv")).rows}
        assert rows[900003].span == span("2020-09-27")
        assert rows[900001].span == span("2020")
        assert rows[900002].span == span("2020-10")
        assert rows[900004].span == span("2020-11-07/2020-11-09")
        assert rows[900005].span == span("2020-10-05/2020-10-11")

    def test_multi_valued_and_coded_cells(self) -> None:
        """``2;200;900`` is three codes; ``-1`` sources is unknown, not a count."""
        rows = {row.id: row for row in GED.read(fixture("ged.csv")).rows}
        assert rows[900002].gwnoa == (2, 200, 900)
        assert rows[900002].number_of_sources is Missing.UNKNOWN
        assert rows[900003].number_of_sources == 2

    def test_spreadsheet_resave_reads_the_same_rows(self) -> None:
        """BOM, ';', CRLF, D-M-YYYY dates and decimal commas: the same rows as the official copy."""
        official = GED.read(fixture("ged.csv"))
        resaved = GED.read(fixture("ged_resaved.csv"))
        assert resaved.problems == ()
        assert (resaved.layout.bom, resaved.layout.delimiter, resaved.layout.newline) == (True, ";", "\r\n")
        assert resaved.rows == official.rows

    def test_pandas_index_column(self) -> None:
        """A leading ``Unnamed: 0`` index column is dropped; nothing else changes."""
        indexed = GED.read(fixture("ged_index.csv"))
        assert indexed.layout.index_column is True
        assert indexed.rows == GED.read(fixture("ged.csv")).rows

    def test_older_release_lacks_columns(self) -> None:
        """Columns an older release lacks are unknown (None or empty), never invented."""
        result = GED.read(fixture("ged_old.csv"))
        assert result.problems == ()
        row = result.rows[0]
        assert (row.id, row.best, row.span) == (900003, 6, span("2020-09-27"))
        assert (row.relid, row.number_of_sources, row.event_clarity, row.gwnoa) == (None, None, None, ())

    def test_typos_are_reported_with_file_line_and_column(self) -> None:
        """Every impossible or mistyped value is reported where it is; the row is kept."""
        result = GED.read(fixture("ged_typos.csv"), name="ged_typos.csv")
        assert len(result.rows) == 6
        assert messages(result.problems) == [
            "ged_typos.csv:2:id: expected a whole number (got '9x')",
            "ged_typos.csv:2:date_start: no such day: year 2020, month 2, day 30 (got '2020-02-30 00:00:00.000')",
            "ged_typos.csv:3:type_of_violence: expected one of 1 (state-based conflict), 2 (non-state conflict), "
            "3 (one-sided violence) (got '4')",
            "ged_typos.csv:3:latitude: expected a decimal number from -90 to 90 (got '95.2')",
            "ged_typos.csv:3:best: expected a count (a whole number >= 0) (got '-3')",
            "ged_typos.csv:4:best: best (4) is not deaths_a + deaths_b + deaths_civilians + deaths_unknown (5)",
            "ged_typos.csv:4:low: low (5) is above best (4)",
            "ged_typos.csv:5:date_end: date_end (2020-10-01) is before date_start (2020-10-03)",
            "ged_typos.csv:6:date_prec: date_prec 1 (exact day) but date_start (2020-10-01) and date_end "
            "(2020-10-03) differ",
            "ged_typos.csv:7: a second row for id 900012 (the first is on line 4)",
        ]

    def test_set_aside_values_keep_their_text(self) -> None:
        """A value that cannot be read is unknown in the row, and its text is kept as a source code."""
        rows = GED.read(fixture("ged_typos.csv")).rows
        assert (rows[0].id, rows[0].source_code("id")) == (None, "9x")
        assert (rows[0].date_start, rows[0].source_code("date_start")) == (None, "2020-02-30 00:00:00.000")
        assert rows[0].span == span("unknown")
        assert rows[1].source_codes == (("type_of_violence", "4"), ("latitude", "95.2"), ("best", "-3"))
        assert rows[3].span == span("unknown")  # the end before the start

    def test_strict_raises_every_problem_at_once(self) -> None:
        """strict=True turns the problems into one DataError listing all of them."""
        with pytest.raises(DataError) as caught:
            GED.read(fixture("ged_typos.csv"), name="ged_typos.csv", strict=True)
        assert len(caught.value.problems) == 10
        assert caught.value.file == "ged_typos.csv"
        assert str(caught.value).endswith("Fix the values at the lines shown, or read without strict=True to keep "
                                          "the rows with those values set aside.")

    def test_renamed_columns_are_refused(self) -> None:
        """A copy with renamed columns is refused, naming the missing ones and the likely rename."""
        with pytest.raises(DataError) as caught:
            GED.read(fixture("ged_renamed.csv"), name="ged_renamed.csv")
        assert str(caught.value) == (
            "ged_renamed.csv: 1 problem:\n"
            "  ged_renamed.csv:1: this is not a UCDP GED file: missing columns 'date_start', 'best' ('date_strat' in "
            "the header may be 'date_start', renamed)\n"
            f"{REFUSAL_ADVICE}"
        )

    def test_another_format_is_refused(self) -> None:
        """An ACD file given to the GED reader is refused, never misread."""
        with pytest.raises(DataError) as caught:
            GED.read(fixture("acd.csv"), name="acd.csv")
        assert caught.value.problems[0].message == (
            "this is not a UCDP GED file: missing columns 'id', 'type_of_violence', 'date_prec', 'date_start', "
            "'date_end', 'best'")


class TestGedSpan:
    @pytest.mark.parametrize(("start", "end", "prec", "text"), [
        ((2020, 9, 27), (2020, 9, 27), 1, "2020-09-27"),
        ((2020, 12, 31), (2020, 12, 31), 5, "2020"),
        ((2020, 1, 1), (2020, 12, 31), 5, "2020"),
        ((2019, 12, 1), (2020, 1, 31), 5, "2019-12/2020-01"),
        ((2020, 10, 31), (2020, 10, 31), 4, "2020-10"),
        ((2020, 10, 15), (2020, 11, 14), 4, "2020-10-15/2020-11-14"),
        ((2020, 10, 5), (2020, 10, 11), 3, "2020-10-05/2020-10-11"),
    ])
    def test_readings(self, start: tuple[int, int, int], end: tuple[int, int, int], prec: int, text: str) -> None:
        """Each code reads as its precision; placeholder days are never days."""
        assert ged_span(dt.date(*start), dt.date(*end), prec) == span(text)

    def test_blank_code_is_inferred(self) -> None:
        """With no precision code the days are taken as written, and the span says so."""
        got = ged_span(dt.date(2020, 9, 27), dt.date(2020, 9, 27), None)
        assert (got.format(), got.basis, got.reason) == ("2020-09-27", cc.Basis.INFERRED,
                                                          "date_prec is blank: the days written are taken as they "
                                                          "stand")


class TestAcd:
    def test_official_copy(self) -> None:
        """Conflict-years read typed; several sides in one cell keep their ids in order."""
        result = ACD.read(fixture("acd.csv"))
        assert result.problems == ()
        row = result.rows[2]
        assert (row.conflict_id, row.year, row.type_of_conflict) == (9002, 1990, 4)
        assert (row.side_b, row.side_b_id, row.side_b_2nd) == ("Front A, Front B", (9201, 9202), "Government of Zland")
        assert side_names(row.side_b) == ("Front A", "Front B")
        assert (row.gwno_b_2nd, row.region, row.version) == ((701,), (1, 3), "25.1")

    def test_placeholder_dates_read_at_their_precision(self) -> None:
        """31 December with code 5 is a year; 30 June with code 4 a month; code 6 is unknown, with why."""
        rows = ACD.read(fixture("acd.csv")).rows
        assert (rows[0].start, rows[0].episode_start) == (span("1991"), span("1992-06"))
        assert rows[1].episode_end == span("1993-05-12")
        assert rows[2].start == span("1990-01-15/1990-01-25")
        assert rows[2].episode_start == span("1990-01-17/1990-01-29")
        unknown = rows[3].start
        assert (unknown.is_known, unknown.reason) == (False, "start_prec 6 (less precise than a year): the day "
                                                             "written, 1944-12-31, is a placeholder")
        assert rows[3].start_date == pendulum.Date(1944, 12, 31)  # the day written is kept

    def test_blank_end_precision_is_marked_inferred(self) -> None:
        """An end date without its precision code is read as written, and marked inferred."""
        end = ACD.read(fixture("acd.csv")).rows[3].episode_end
        assert (end.format(), end.basis) == ("1946-12-31", cc.Basis.INFERRED)
        assert end.reason == "ep_end_prec is blank: the day written is taken as it stands"

    def test_spreadsheet_resave(self) -> None:
        """';', CRLF, D-M-YYYY and the version written 25,1: the same rows as the official copy."""
        resaved = ACD.read(fixture("acd_resaved.csv"))
        assert resaved.problems == ()
        assert resaved.rows == ACD.read(fixture("acd.csv")).rows

    def test_episode_order_is_checked(self) -> None:
        """An episode that starts before its conflict, or ends before it starts, is reported."""
        header = (b"conflict_id,location,side_a,side_b,incompatibility,year,intensity_level,type_of_conflict,"
                  b"start_date,start_prec,start_date2,start_prec2,ep_end_date,ep_end_prec\n")
        data = header + b"1,X,A,B,1,1990,1,3,1990-05-01,1,1990-04-01,1,1990-03-01,1\n"
        assert messages(ACD.read(data, name="a.csv").problems) == [
            "a.csv:2:start_date2: the episode starts (1990-04-01) before the conflict does (1990-05-01)",
            "a.csv:2:ep_end_date: the episode ends (1990-03-01) before it starts (1990-04-01)",
        ]

    def test_placeholder_years_do_not_trip_the_order_check(self) -> None:
        """A conflict start read as a year does not make an episode in that year look too early."""
        header = (b"conflict_id,location,side_a,side_b,incompatibility,year,intensity_level,type_of_conflict,"
                  b"start_date,start_prec,start_date2,start_prec2\n")
        data = header + b"1,X,A,B,1,1990,1,3,1990-12-31,5,1990-06-02,1\n"
        assert ACD.read(data).problems == ()

    def test_acd_span_windows(self) -> None:
        """Codes 2 and 3 give the days around the written day that the code allows."""
        assert acd_span(dt.date(1990, 1, 20), 2) == span("1990-01-15/1990-01-25")
        assert acd_span(dt.date(1990, 1, 20), 3) == span("1990-01-14/1990-01-26")
        assert acd_span(None, 1) == span("unknown")

    def test_row_built_in_memory(self) -> None:
        """A row built by hand has the same readings as one read from a file."""
        row = AcdRow(conflict_id=1, start_date=dt.date(1946, 12, 31), start_prec=5)
        assert (row.line, row.start) == (0, span("1946"))


class TestBrd:
    def test_bom_unsorted_and_multi_valued(self) -> None:
        """BOM, rows not sorted by year, version 221 and multi-valued battle locations."""
        result = BRD.read(fixture("brd.csv"))
        assert result.problems == ()
        assert result.layout.bom is True
        assert [(row.dyad_id, row.year) for row in result.rows] == [(9301, 1993), (9301, 1992), (9301, 1994),
                                                                    (9302, 1990)]
        second = result.rows[1]
        assert (second.battle_location, second.gwno_battle) == (("Xland", "Zland"), (700, 701))
        assert {row.version for row in result.rows} == {"22.1"}
        assert (second.bd_low, second.bd_best, second.bd_high) == (566, 566, 1195)

    def test_conflict_level_file(self) -> None:
        """The conflict-level file has no dyad_id; its rows read with dyad_id unknown."""
        rows = BRD.read(fixture("brd_conflict.csv")).rows
        assert [(row.conflict_id, row.dyad_id, row.year, row.bd_best) for row in rows] == [
            (9001, None, 1993, 1611), (9001, None, 1992, 566)]

    def test_bounds_and_duplicates_reported(self) -> None:
        """bd_high below bd_best, and a second row for a dyad-year, are reported."""
        data = (b"conflict_id,dyad_id,side_a,side_b,year,bd_best,bd_low,bd_high\n"
                b"1,2,A,B,1990,10,5,8\n1,2,A,B,1990,10,5,12\n")
        assert messages(BRD.read(data, name="b.csv").problems) == [
            "b.csv:2:bd_high: bd_high (8) is below bd_best (10)",
            "b.csv:3: a second row for conflict_id 1, dyad_id 2, year 1990 (the first is on line 2)",
        ]


class TestWriters:
    @pytest.mark.parametrize(("fmt", "name"), [(GED, "ged.csv"), (GED, "ged_typos.csv"), (GED, "ged_resaved.csv"),
                                               (ACD, "acd_resaved.csv"), (BRD, "brd.csv"), (BRD, "brd_conflict.csv")])
    def test_read_write_read(self, fmt: Format[Any], name: str) -> None:
        """Writing the rows read and reading them again gives the same rows (problems included)."""
        first = fmt.read(fixture(name), name="x.csv")
        again = fmt.read(fmt.dumps(first.rows).encode(), name="x.csv")
        assert without_lines(again.rows) == without_lines(first.rows)
        assert [p.message for p in again.problems] == [p.message for p in first.problems]

    def test_written_in_the_format_column_order(self) -> None:
        """The writer puts the format's columns first, in the codebook's order, and normalises values."""
        text = BRD.dumps(BRD.read(fixture("brd.csv")).rows[1:2])
        header, line, _end = text.split("\r\n")
        assert header.split(",")[:3] == ["conflict_id", "dyad_id", "location_inc"]
        assert line.endswith(',"Xland, Zland",700,,,,700,"700, 701",1,22.1')

    def test_source_layout_can_be_kept(self) -> None:
        """Passing the layout's columns writes only the columns the source had, in its order."""
        result = BRD.read(fixture("brd_conflict.csv"))
        text = BRD.dumps(result.rows, columns=result.layout.columns)
        assert text.split("\r\n")[0].split(",") == list(result.layout.columns)

    def test_wrong_rows_and_columns_refused(self) -> None:
        """Rows of another format, or columns without the required ones, are refused."""
        with pytest.raises(DataError) as caught:
            ACD.dumps([GedRow()])  # type: ignore[list-item]
        assert str(caught.value) == ("data: 1 problem:\n  $[0]: expected an AcdRow (got GedRow)\nPass only AcdRow rows "
                                     "to the UCDP/PRIO ACD writer.")
        with pytest.raises(DataError) as caught:
            BRD.dumps([], columns=["conflict_id", "year"])
        assert caught.value.problems[0].message == "a UCDP BRD file needs the columns 'side_a', 'side_b', 'bd_best'"


class TestIds:
    def test_a_negative_conflict_id_is_reported_not_read(self, tmp_path: Any) -> None:
        """A row whose conflict id is -9001 is a mistake beside 9001: reported at its cell, the row left out."""
        import csv
        from pathlib import Path

        text = fixture("brd_conflict.csv").read_text(encoding="utf-8-sig")
        header, first = list(csv.reader(text.splitlines()[:2]))
        bad = list(first)
        bad[header.index("conflict_id")] = "-" + first[header.index("conflict_id")]
        path = Path(tmp_path) / "brd.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows([header, first, bad])
        with pytest.warns(cc.formats.DataWarning):
            ds = cc.read(path, format="ucdp-brd")
        assert [c.id for c in ds.conflicts] == [f"ucdp-conflict-{first[header.index('conflict_id')]}"]
        assert any(p.path == f"{path}:3:conflict_id" and "UCDP id" in p.message for p in ds.problems), \
            ds.problems
        with pytest.raises(DataError, match="UCDP id"):
            cc.read(path, format="ucdp-brd", strict=True)
