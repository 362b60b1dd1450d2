"""The cell readers: exact semantics, every problem reported, and format the inverse of parse."""

from __future__ import annotations

from typing import Any

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from caucasus_conflict.formats import Missing, ucdp
from caucasus_conflict.formats import _values as v
from caucasus_conflict.formats.acled import ACLED
from caucasus_conflict.formats.ethprio import CEASEFIRES
from caucasus_conflict.formats.pax import PAX

from ._support import value_strategy


def rejects(codec: v.Codec[Any], text: str) -> str:
    """The message a codec gives for text it cannot read."""
    with pytest.raises(v.Invalid) as caught:
        codec.parse(text)
    return caught.value.message


class TestIntegers:
    @pytest.mark.parametrize(("text", "value"), [("", None), ("12", 12), (" 12 ", 12), ("-3", -3), ("373.0", 373),
                                                 ("0012", 12), ("   ", None)])
    def test_reads(self, text: str, value: int | None) -> None:
        """Blank is unknown (None); a float copy of an integer code (373.0) is that integer."""
        assert v.INT.parse(text) == value

    @pytest.mark.parametrize("text", ["3x", "1_000", "1,000", "373.5", "١٢", "1e3", "+-1", "9" * 5000])
    def test_rejects(self, text: str) -> None:
        """Underscores, thousands separators, fractions and non-ASCII digits are not silently read."""
        assert rejects(v.INT, text).startswith("expected a whole number")

    def test_count_rejects_negatives(self) -> None:
        """A count (deaths, pages) is never negative."""
        assert rejects(v.COUNT, "-3") == "expected a count (a whole number >= 0)"
        assert v.COUNT.parse("0") == 0

    def test_minus_one_and_zero_are_codes_where_the_codebook_says_so(self) -> None:
        """-1 is unknown and 0 not applicable (ETH/PRIO dates), kept distinct from blank and from each other."""
        part = v.coded_int(open_code=True, minimum=1)
        assert [part.parse(t) for t in ("", "-1", "0", "5")] == [None, Missing.UNKNOWN, Missing.NOT_APPLICABLE, 5]
        assert rejects(part, "-2") == "expected a whole number >= 1, or -1 (unknown), 0 (not applicable or open)"
        sources = v.coded_int()
        assert [sources.parse(t) for t in ("-1", "0")] == [Missing.UNKNOWN, 0]

    def test_codes_outside_the_table_are_reported(self) -> None:
        """A number the code table does not have is a typo to report, not a value."""
        assert rejects(v.code(ucdp.TYPE_OF_VIOLENCE), "4") == (
            "expected one of 1 (state-based conflict), 2 (non-state conflict), 3 (one-sided violence)")
        assert v.code(ucdp.TYPE_OF_VIOLENCE).parse("3.0") == 3

    def test_flag_reads_true_false(self) -> None:
        """R and pandas copies write TRUE/FALSE for 0/1 flags."""
        assert [v.FLAG.parse(t) for t in ("1", "0", "TRUE", "false")] == [1, 0, 1, 0]
        assert rejects(v.FLAG, "2") == "expected one of 0 (no), 1 (yes)"


class TestMultiValued:
    @pytest.mark.parametrize(("text", "value"), [("2;200;900", (2, 200, 900)), ("372, 365", (372, 365)),
                                                 ("365", (365,)), ("", ()), ("388.0", (388,))])
    def test_numbers(self, text: str, value: tuple[int, ...]) -> None:
        """Several codes in one cell, joined by ';' or ', ', read as a tuple."""
        assert v.int_list(", ").parse(text) == value

    def test_empty_item_is_reported(self) -> None:
        """``1,,2`` has a hole: reported, not read as (1, 2)."""
        assert rejects(v.int_list(", "), "1,,2") == "expected whole numbers separated by ';' or ',', with no empty item"

    def test_codes_in_lists(self) -> None:
        """Region lists hold region codes only."""
        region = v.int_list(", ", ucdp.REGION)
        assert region.parse("1, 3") == (1, 3)
        assert rejects(region, "1, 9") == ("expected codes among 1 (Europe), 2 (Middle East), 3 (Asia), 4 (Africa), "
                                           "5 (Americas)")

    def test_names(self) -> None:
        """Names joined by '; ' (ACLED sources) read as a tuple, spaces trimmed."""
        assert v.text_list("; ").parse("Invented Daily;Invented Radio ") == ("Invented Daily", "Invented Radio")


class TestFloats:
    @pytest.mark.parametrize(("text", "value"), [("39.8", 39.8), ("39,8", 39.8), ("-0.5", -0.5), ("90", 90.0),
                                                 ("", None)])
    def test_reads(self, text: str, value: float | None) -> None:
        """A decimal comma (a spreadsheet's) reads as a point."""
        assert v.LATITUDE.parse(text) == value

    @pytest.mark.parametrize("text", ["95.2", "nan", "inf", "1,2,3", "N 39", "1e400"])
    def test_rejects(self, text: str) -> None:
        """Out of range, not a number, or infinite."""
        assert rejects(v.LATITUDE, text) == "expected a decimal number from -90 to 90"


class TestDates:
    @pytest.mark.parametrize("text", ["2020-09-27", "2020-09-27 00:00:00.000", "2020-09-27 00:00:00", "27-9-2020",
                                      "27-09-2020"])
    def test_ucdp_styles(self, text: str) -> None:
        """UCDP dates: ISO, the official CSV's midnight time, and a spreadsheet's unpadded D-M-YYYY."""
        assert v.UCDP_DATE.parse(text) == pendulum.Date(2020, 9, 27)

    def test_pax_and_acled_styles(self) -> None:
        """PA-X writes dd/mm/yyyy; ACLED writes ISO or '27 September 2020'."""
        assert PAX.column("Dat").codec.parse("10/11/2020") == pendulum.Date(2020, 11, 10)
        acled_date = ACLED.column("event_date").codec
        assert acled_date.parse("27 September 2020") == acled_date.parse("27 Sep 2020") == pendulum.Date(2020, 9, 27)

    @pytest.mark.parametrize(("text", "message"), [
        ("2023-02-30", "no such day: year 2023, month 2, day 30"),
        ("31-4-2020", "no such day: year 2020, month 4, day 31"),
        ("0000-01-01", "no such day: year 0, month 1, day 1"),
        ("2020-09-27 13:45:00", "expected a date written YYYY-MM-DD (or YYYY-MM-DD 00:00:00.000) or D-M-YYYY"),
        ("09/27/2020", "expected a date written YYYY-MM-DD (or YYYY-MM-DD 00:00:00.000) or D-M-YYYY"),
        ("2020-9-27", "expected a date written YYYY-MM-DD (or YYYY-MM-DD 00:00:00.000) or D-M-YYYY"),
    ])
    def test_impossible_or_unreadable(self, text: str, message: str) -> None:
        """No day is invented: impossible days and times of day are reported."""
        assert rejects(v.UCDP_DATE, text) == message

    def test_pax_rejects_the_us_order(self) -> None:
        """10/31/2020 is not a dd/mm/yyyy date."""
        assert rejects(PAX.column("Dat").codec, "10/31/2020") == "no such day: year 2020, month 31, day 10"


class TestReleases:
    @pytest.mark.parametrize(("text", "value"), [("22.1", "22.1"), ("22,1", "22.1"), ("221", "22.1"),
                                                 ("25.1", "25.1"), ("221.0", "22.1"), ("23.0.10", "23.0.10"),
                                                 ("4-2016", "4-2016"), ("", None)])
    def test_normalised(self, text: str, value: str | None) -> None:
        """Every way copies write a release reads as UCDP names it."""
        assert v.RELEASE.parse(text) == value

    @pytest.mark.parametrize("text", ["2211", "v22", "22.1.x", "twenty"])
    def test_rejects(self, text: str) -> None:
        """Anything else is reported."""
        assert rejects(v.RELEASE, text) == "expected a release version such as 22.1 (written 22.1, 22,1 or 221)"


class TestVocabulary:
    def test_words_are_exact(self) -> None:
        """A vocabulary word is matched exactly: a typo is reported."""
        stage = PAX.column("Stage").codec
        assert stage.parse("Cea") == "Cea"
        assert rejects(stage, "Cease").startswith("expected one of 'Pre', 'SubPar', ")


# One case per distinct codec (INT and TEXT serve many columns), named by a column using it.
_CODECS = {id(spec.codec): (f"{fmt.name}:{spec.name}", spec.codec)
           for fmt in (ucdp.GED, ucdp.ACD, ucdp.BRD, CEASEFIRES, PAX, ACLED) for spec in fmt.columns}
CODECS = sorted(_CODECS.values(), key=lambda item: item[0])


@pytest.mark.parametrize("codec", [codec for _name, codec in CODECS], ids=[name for name, _codec in CODECS])
@given(data=st.data())
def test_format_is_the_inverse_of_parse(codec: v.Codec[Any], data: st.DataObject) -> None:
    """For every codec of every format, parse(format(value)) gives the value back."""
    value = data.draw(value_strategy(codec, required=False))
    assert codec.parse(codec.format(value)) == value
