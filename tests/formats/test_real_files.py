"""Real published copies in ../shared/realdata/, read as published; each test skips when its file is absent.

The extracts are not the project's and are never copied into the repository: these tests
read them in place (see ../shared/realdata/README.md for what each one is).
"""

from __future__ import annotations

import attrs
import pendulum
import pytest

import caucasus_conflict as cc
from caucasus_conflict.formats import Missing, detect, read_rows
from caucasus_conflict.formats.pax import PAX
from caucasus_conflict.formats.ucdp import ACD, BRD, GED, side_names

from ._support import real, without_lines

PAX_FILE = "pax_armenia_azerbaijan.csv"
ACD_FILE = "ucdp_acd_v25_1_georgia_russia.csv"
BRD_FILE = "ucdp_brd_dyadic_v22_1_georgia_russia.csv"
GED_FILE = "ucdp_ged_v23_1_sample.csv"


def span(text: str) -> cc.TimeSpan:
    """A span from its text form."""
    return cc.TimeSpan.parse(text)


class TestPax:
    def test_reads_every_agreement(self) -> None:
        """33 agreements, CRLF, no problem; the display columns are kept as source codes."""
        result = PAX.read(real(PAX_FILE))
        assert (len(result.rows), result.problems, result.layout.newline) == (33, (), "\r\n")
        assert all(row.source_code("PAX_Hyperlink") for row in result.rows)

    def test_the_trilateral_statement(self) -> None:
        """AgtId 2324 is dated 10/11/2020, a ceasefire-stage agreement of UCDP conflict 388."""
        (row,) = [row for row in PAX.read(real(PAX_FILE)).rows if row.agt_id == 2324]
        assert row.dat == pendulum.Date(2020, 11, 10)
        assert row.span == span("2020-11-10")
        assert (row.stage, row.ucdp_con, {row.loc1_gwno, row.loc2_gwno}) == ("Cea", (388,), {371, 373})
        assert "(10/11/2020)" in (row.source_code("agt_dat") or "")

    def test_round_trip(self) -> None:
        """Read, write, read: the same agreements."""
        first = PAX.read(real(PAX_FILE))
        assert PAX.read(PAX.dumps(first.rows).encode()).rows == first.rows


class TestAcd:
    def test_spreadsheet_copy(self) -> None:
        """';', CRLF and unpadded D-M-YYYY dates: 55 conflict-years, no problem."""
        result = ACD.read(real(ACD_FILE))
        assert (len(result.rows), result.problems) == (55, ())
        assert (result.layout.delimiter, result.layout.newline, result.layout.bom) == (";", "\r\n", False)
        assert {row.version for row in result.rows} == {"25.1"}

    def test_placeholder_dates_with_their_precision_codes(self) -> None:
        """31-12-1946 with code 5 is the year 1946; 30-6-1946 with code 4 is June 1946; code 6 is unknown."""
        rows = {(row.conflict_id, row.year): row for row in ACD.read(real(ACD_FILE)).rows}
        estonia = rows[210, 1946]
        assert (estonia.start_date, estonia.start_prec, estonia.start.is_known) == (pendulum.Date(1944, 12, 31), 6,
                                                                                     False)
        assert (estonia.start_date2, estonia.start_prec2, estonia.episode_start) == (pendulum.Date(1946, 12, 31), 5,
                                                                                      span("1946"))
        lithuania = rows[212, 1946]
        assert (lithuania.start_date, lithuania.start_prec, lithuania.start) == (pendulum.Date(1946, 6, 30), 4,
                                                                                  span("1946-06"))
        armenia = rows[376, 1990]
        assert (armenia.side_b, armenia.side_b_id, armenia.start_prec) == ("Republic of Armenia", (330,), 3)
        assert armenia.start == span("1990-01-13/1990-01-25")

    def test_episode_end_without_precision_code(self) -> None:
        """25.1 leaves ep_end_prec empty: the end day is read as written and marked inferred."""
        end = {(row.conflict_id, row.year): row for row in ACD.read(real(ACD_FILE)).rows}[376, 1991].episode_end
        assert (end.format(), end.basis) == ("1991-12-21", cc.Basis.INFERRED)

    def test_side_names_and_ids_are_not_in_one_order(self) -> None:
        """Conflict 399 lists LSR first with id 8639 in 2023, but LSR alone is 8640 in 2024: never pair by position."""
        rows = {(row.conflict_id, row.year): row for row in ACD.read(real(ACD_FILE)).rows}
        assert (side_names(rows[399, 2023].side_b), rows[399, 2023].side_b_id) == (("LSR", "RDK", "Wagner"),
                                                                                    (8639, 8640, 8650))
        assert (side_names(rows[399, 2024].side_b), rows[399, 2024].side_b_id) == (("LSR",), (8640,))

    def test_supporting_state(self) -> None:
        """South Ossetia 2008: internationalised, with Russia supporting side B."""
        row = {(row.conflict_id, row.year): row for row in ACD.read(real(ACD_FILE)).rows}[393, 2008]
        assert (row.type_of_conflict, row.side_b_2nd, row.gwno_b_2nd) == (4, "Government of Russia (Soviet Union)",
                                                                          (365,))

    def test_round_trip(self) -> None:
        """Read, write (as ISO dates, ','), read: the same conflict-years."""
        first = ACD.read(real(ACD_FILE))
        again = ACD.read(ACD.dumps(first.rows).encode())
        assert again.rows == first.rows


class TestBrd:
    def test_bom_version_and_order(self) -> None:
        """A BOM, version 221 read as 22.1, and rows kept in the file's (unsorted) order."""
        result = BRD.read(real(BRD_FILE))
        assert (len(result.rows), result.problems, result.layout.bom) == (40, (), True)
        assert result.layout.columns[0] == "conflict_id"
        assert {row.version for row in result.rows} == {"22.1"}
        years = [row.year for row in result.rows if row.dyad_id == 14619]
        assert years == [2016, 2017, 2018, 2019, 2020, 2015]

    def test_multi_valued_cells(self) -> None:
        """Chechnya 2002 was fought in Russia and Georgia: two locations, two codes."""
        (row,) = [row for row in BRD.read(real(BRD_FILE)).rows if (row.dyad_id, row.year) == (852, 2002)]
        assert (row.battle_location, row.gwno_battle) == (("Russia (Soviet Union)", "Georgia"), (372, 365))
        assert (row.bd_low, row.bd_best, row.bd_high) == (1131, 1289, 3196)

    def test_round_trip(self) -> None:
        """Read, write, read: the same dyad-years; the version is written normalised."""
        first = BRD.read(real(BRD_FILE))
        text = BRD.dumps(first.rows)
        assert ",221\r\n" not in text
        assert BRD.read(text.encode()).rows == first.rows


class TestGed:
    def test_official_layout(self) -> None:
        """100 events, 49 columns, midnight-time dates; every code in the codebook's tables."""
        result = GED.read(real(GED_FILE))
        rows = result.rows
        assert (len(rows), len(result.layout.columns)) == (100, 49)
        assert {row.type_of_violence for row in rows} == {1, 2, 3}
        assert {row.date_prec for row in rows} == {1, 2, 4}
        assert {row.where_prec for row in rows} == {1, 2, 3, 4, 5, 6}
        assert all(row.source_codes == () for row in rows)

    def test_quoted_multiline_cells_keep_lines(self) -> None:
        """Cells with line breaks stay whole, and each row starts on the line after the last one's breaks."""
        rows = GED.read(real(GED_FILE)).rows
        breaks = [sum(value.count("\n") for value in attrs.astuple(row) if isinstance(value, str)) for row in rows]
        assert sum(breaks) > 0
        assert rows[0].line == 2
        assert [row.line for row in rows[1:]] == [row.line + 1 + extra for row, extra in zip(rows, breaks, strict=True)][:-1]

    def test_spans(self) -> None:
        """A two-day span, an exact day and a month read at their precision codes."""
        rows = {row.id: row for row in GED.read(real(GED_FILE)).rows}
        assert rows[1648].span == span("1998-04-11/1998-04-12")
        assert rows[6172].span == span("2001-05-07")
        assert rows[232484].span == span("2016-09")
        assert rows[1648].number_of_sources is Missing.UNKNOWN

    def test_estimates_that_do_not_bracket_best_are_reported(self) -> None:
        """Four real rows have low above best or high below it: reported and kept, as published."""
        result = GED.read(real(GED_FILE), name="ged.csv")
        assert [str(p) for p in result.problems] == [
            "ged.csv:38:low: low (3) is above best (2)",
            "ged.csv:50:low: low (4) is above best (3)",
            "ged.csv:61:low: low (2) is above best (1)",
            "ged.csv:91:high: high (11) is below best (12)",
        ]
        assert len(result.rows) == 100

    def test_round_trip(self) -> None:
        """Read, write (plain ISO dates), read: the same events."""
        first = GED.read(real(GED_FILE))
        again = GED.read(GED.dumps(first.rows).encode())
        assert without_lines(again.rows) == without_lines(first.rows)


@pytest.mark.parametrize(("name", "expected"), [(PAX_FILE, "pax"), (ACD_FILE, "ucdp-acd"), (BRD_FILE, "ucdp-brd"),
                                                (GED_FILE, "ucdp-ged")])
def test_detected(name: str, expected: str) -> None:
    """Each real copy is recognised from its header and reads through read_rows."""
    path = real(name)
    assert detect(path) == expected
    assert read_rows(path).format == expected
