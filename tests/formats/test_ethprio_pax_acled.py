"""ETH/PRIO ceasefires, PA-X agreements and ACLED events from the project's own fixtures (invented rows)."""

from __future__ import annotations

import datetime as dt

import pendulum
import pytest

import caucasus_conflict as cc
from caucasus_conflict.errors import DataError
from caucasus_conflict.formats import Missing
from caucasus_conflict.formats.acled import ACLED, EVENT_TYPES, INTER, SUB_EVENT_TYPES, acled_span
from caucasus_conflict.formats.ethprio import CEASEFIRES, CeasefireRow, group_ceasefires, parts_span
from caucasus_conflict.formats.pax import PAX

from ._support import fixture, messages, without_lines


def span(text: str) -> cc.TimeSpan:
    """A span from its text form."""
    return cc.TimeSpan.parse(text)


class TestEthPrio:
    def test_rows_and_codes(self) -> None:
        """Every column reads typed; the 35 link columns are kept as source codes."""
        result = CEASEFIRES.read(fixture("ethprio.csv"), name="ethprio.csv")
        first = result.rows[0]
        assert (first.cc, first.cf_id, first.uniq_id, first.actor_name) == ("700", 1, "5001", "Government of Xland")
        assert (first.ucdp_actor_id, first.ucdp_acd_id, first.pax_id) == ((9101,), (9001,), (9402,))
        assert (first.ceasefire_class, first.mediator_nego, first.mediator_send) == (2, 1, "Zland, OSZE")
        assert first.source_code("link_id1") == "5003"
        assert [name for name, _text in first.source_codes] == [f"link_id{i}" for i in range(1, 36)]

    def test_cf_id_repeats_across_countries(self) -> None:
        """cf_id 1 in two countries is two ceasefires; the rows of one ceasefire group together."""
        rows = CEASEFIRES.read(fixture("ethprio.csv")).rows
        groups = group_ceasefires(rows)
        assert {key: [row.actor_name for row in group] for key, group in groups.items()} == {
            "5001": ["Government of Xland", "Yregion Front"],
            "5002": ["Government of Wland"],
            "5003": ["Government of Xland"],
            "5004": ["Government of Xland"],
        }
        assert [row.cf_id for row in groups["5001"] + groups["5002"]] == [1, 1, 1]

    def test_minus_one_is_unknown_and_zero_is_open(self) -> None:
        """-1 parts make the date as precise as the parts known; 0 (open) means no end yet."""
        rows = CEASEFIRES.read(fixture("ethprio.csv")).rows
        assert (rows[0].declared, rows[0].effective, rows[0].end) == (span("1994-05-12"), span("1994-05-12"), None)
        assert (rows[0].end_yr, rows[0].end_month) == (Missing.NOT_APPLICABLE, Missing.NOT_APPLICABLE)
        assert (rows[2].declared, rows[2].effective, rows[2].end) == (span("1992"), span("unknown"), span("1993-03"))
        assert (rows[2].cf_dec_month, rows[2].written) == (Missing.UNKNOWN, -1)

    def test_problems(self) -> None:
        """A ceasefire in effect before it is declared, a month 13 and a day 31 in April are reported."""
        result = CEASEFIRES.read(fixture("ethprio.csv"), name="ethprio.csv")
        assert messages(result.problems) == [
            "ethprio.csv:5:cf_effect_yr: the ceasefire takes effect (2001-03-08) before it is declared (2001-03-10)",
            "ethprio.csv:6:ceasefire_class: expected one of 1 (cessation), 2 (cessation with compliance), "
            "3 (definitive) (got '4')",
            "ethprio.csv:6:cf_dec_month: cf_dec_month 13 is not a month from 1 to 12",
            "ethprio.csv:6:cf_effect_day: no such day: 2002-04-31",
        ]
        bad = result.rows[4]
        assert (bad.declared, bad.effective) == (span("2002"), span("2002-04"))

    def test_reduced_copy_without_uniq_id(self) -> None:
        """A copy that dropped uniq_id identifies ceasefires by cc and cf_id together."""
        rows = CEASEFIRES.read(fixture("ethprio_reduced.csv")).rows
        assert [row.ceasefire_key for row in rows] == ["700-1", "701-1"]
        assert rows[0].mediator_send is None

    @pytest.mark.parametrize(("parts", "text"), [
        ((1994, 5, 12), "1994-05-12"), ((1994, 5, Missing.UNKNOWN), "1994-05"), ((1994, None, None), "1994"),
        ((Missing.UNKNOWN, Missing.UNKNOWN, Missing.UNKNOWN), "unknown"), ((None, None, None), "unknown"),
    ])
    def test_parts_span(self, parts: tuple[int | Missing | None, ...], text: str) -> None:
        """A split date is as precise as its known parts."""
        assert parts_span(*parts) == span(text)

    def test_not_applicable_is_none(self) -> None:
        """0 in the year says the date does not apply: no span at all, not an unknown one."""
        assert parts_span(Missing.NOT_APPLICABLE, Missing.NOT_APPLICABLE, Missing.NOT_APPLICABLE) is None
        assert CeasefireRow(end_yr=Missing.NOT_APPLICABLE).end is None

    def test_round_trip(self) -> None:
        """Writing and reading again gives the same rows, link columns in their place."""
        first = CEASEFIRES.read(fixture("ethprio.csv"))
        text = CEASEFIRES.dumps(first.rows)
        assert text.split("\r\n")[0].split(",")[-37:] == [*(f"link_id{i}" for i in range(1, 36)), "coder", "id"]
        assert CEASEFIRES.read(text.encode()).rows == first.rows


class TestPax:
    def test_rows(self) -> None:
        """dd/mm/yyyy dates, float-written ids, codes, and display columns kept as source codes."""
        result = PAX.read(fixture("pax.csv"))
        assert result.problems == ()
        first, second, third = result.rows
        assert (first.agt_id, first.dat, first.stage, first.agtp) == (9401, pendulum.Date(1993, 11, 5), "Cea",
                                                                      "InterIntra")
        assert (first.loc1_gwno, first.loc2_gwno, first.ucdp_con, first.cow_war) == (700, 701, (9001,), (872,))
        assert first.part == "For Xland: A. Person\nFor Wland: B. Person"
        assert first.source_codes == (("stage_label", "Ceasefire"),
                                      ("PAX_Hyperlink", "https://example.org/agreements/9401/"))
        assert (second.line, second.span) == (4, span("2020-11-10"))
        assert (third.status, third.oth_agr, third.loc2_gwno) == ("Unilateral document", "9401", None)

    def test_typo_in_a_vocabulary(self) -> None:
        """A Stage or Agtp outside PA-X's vocabulary is reported and set aside."""
        data = b"Con,AgtId,Agt,Dat,Status,Agtp,Stage,Part\nX,1,A,31/02/2020,Status unclear,Intra,Cease,P\n"
        result = PAX.read(data, name="p.csv")
        assert messages(result.problems) == [
            "p.csv:2:Dat: no such day: year 2020, month 2, day 31 (got '31/02/2020')",
            "p.csv:2:Stage: expected one of 'Pre', 'SubPar', 'SubComp', 'Imp', 'Ren', 'Cea', 'Oth' (got 'Cease')",
        ]
        assert result.rows[0].source_codes == (("Dat", "31/02/2020"), ("Stage", "Cease"))

    def test_round_trip_writes_dd_mm_yyyy(self) -> None:
        """The writer writes PA-X's own date form, and reading it back gives the rows again."""
        first = PAX.read(fixture("pax.csv"))
        text = PAX.dumps(first.rows)
        assert ",05/11/1993," in text
        assert PAX.read(text.encode()).rows == first.rows


class TestAcled:
    def test_hxl_row_and_text_labels(self) -> None:
        """The HXL row is skipped; text actor kinds read as ACLED's numeric codes."""
        result = ACLED.read(fixture("acled_hxl.csv"))
        assert result.problems == ()
        assert result.layout.hxl is not None
        assert result.layout.hxl[:2] == ("#event+code", "#date+occurred")
        assert [(row.line, row.inter1, row.inter2, row.interaction) for row in result.rows] == [
            (3, 1, 2, 12), (4, 2, None, 20), (5, 6, None, 60), (6, 3, 7, 37)]

    def test_no_fatalities_column_means_unknown(self) -> None:
        """An export without fatalities gives unknown deaths, never 0."""
        rows = ACLED.read(fixture("acled_hxl.csv")).rows
        assert {row.fatalities for row in rows} == {None}
        assert ACLED.read(fixture("acled.csv")).rows[1].fatalities == 0

    def test_time_precision(self) -> None:
        """Precision 2 is the week around the day written; 3 the month; 1 the day."""
        rows = ACLED.read(fixture("acled_hxl.csv")).rows
        assert [row.span for row in rows] == [span("2020-10-11/2020-10-17"), span("2020-10"), span("2020-10-16"),
                                              span("2020-10-17")]

    def test_lists_and_old_dates(self) -> None:
        """Sources and associated actors split on ';'; '27 September 2020' is a date."""
        hxl = ACLED.read(fixture("acled_hxl.csv")).rows
        assert hxl[0].source == ("Invented Daily", "Invented Radio")
        assert hxl[2].assoc_actor_1 == ("Students (Xland)", "Teachers (Xland)")
        assert ACLED.read(fixture("acled.csv")).rows[0].event_date == pendulum.Date(2020, 9, 27)

    def test_inconsistencies_reported(self) -> None:
        """A sub-event type of another event type, a wrong year and a wrong interaction are reported."""
        result = ACLED.read(fixture("acled.csv"), name="acled.csv")
        assert messages(result.problems) == [
            "acled.csv:4:sub_event_type: 'Air/drone strike' is a sub-event type of 'Explosions/Remote violence', "
            "not of 'Battles'",
            "acled.csv:4:year: year 2021 is not the year of event_date (2020-09-29)",
            "acled.csv:5:interaction: interaction 13 does not join inter1 1 and inter2 2 (12)",
        ]

    def test_unknown_labels_reported(self) -> None:
        """An actor kind that is no ACLED label is reported, not guessed."""
        data = (b"event_id_cnty,event_date,event_type,sub_event_type,actor1,inter1,interaction,country\n"
                b"X1,2020-01-01,Riots,Mob violence,A,Mobs,Mobs only,Xland\n")
        assert messages(ACLED.read(data, name="a.csv").problems) == [
            "a.csv:2:inter1: expected an actor kind 0-8 or its label ('State forces', 'Rebel group', ...) "
            "(got 'Mobs')",
            "a.csv:2:interaction: expected an actor kind 0-8 or its label ('State forces', 'Rebel group', ...) "
            "(got 'Mobs only')",
        ]

    def test_code_tables(self) -> None:
        """Six event types with 25 sub-event types, each under one type; inter codes 0-8."""
        assert len(EVENT_TYPES) == 6
        assert sum(len(subs) for subs in EVENT_TYPES.values()) == len(SUB_EVENT_TYPES) == 25
        assert sorted(INTER) == list(range(9))

    def test_acled_span(self) -> None:
        """The written mid-month day with precision 3 is the month, never that day."""
        assert acled_span(dt.date(2020, 10, 15), 3) == span("2020-10")
        assert acled_span(dt.date(9999, 12, 30), 2) == span("unknown")

    def test_round_trip(self) -> None:
        """Both exports read, write and read again to the same rows."""
        for name in ("acled.csv", "acled_hxl.csv"):
            first = ACLED.read(fixture(name))
            again = ACLED.read(ACLED.dumps(first.rows).encode())
            assert without_lines(again.rows) == without_lines(first.rows)

    def test_missing_required_column_refused(self) -> None:
        """An export without event_type is not an ACLED file."""
        with pytest.raises(DataError) as caught:
            ACLED.read(b"event_id_cnty,event_date,sub_event_type,actor1,country\n", name="a.csv")
        assert caught.value.problems[0].message == "this is not an ACLED file: missing column 'event_type'"
