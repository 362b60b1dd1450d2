"""Recognising a file's format from its header, and reading any format by name."""

from __future__ import annotations

from pathlib import Path

import pytest

from caucasus_conflict.errors import DataError, UnknownNameError
from caucasus_conflict.formats import FORMATS, detect, get_format, read_rows

from ._support import fixture

FIXTURE_FORMATS = [
    ("ged.csv", "ucdp-ged"), ("ged_resaved.csv", "ucdp-ged"), ("ged_index.csv", "ucdp-ged"), ("ged_old.csv", "ucdp-ged"),
    ("acd.csv", "ucdp-acd"), ("acd_resaved.csv", "ucdp-acd"), ("brd.csv", "ucdp-brd"), ("brd_conflict.csv", "ucdp-brd"),
    ("ethprio.csv", "ethprio-ceasefires"), ("ethprio_reduced.csv", "ethprio-ceasefires"), ("pax.csv", "pax"),
    ("acled.csv", "acled"), ("acled_hxl.csv", "acled"),
]
ADVICE = "Check that the file is one of these formats with its header intact, or pass format=."
KNOWN = ("ucdp-ged (UCDP GED), ucdp-acd (UCDP/PRIO ACD), ucdp-brd (UCDP BRD), ethprio-ceasefires (ETH/PRIO "
         "ceasefires), pax (PA-X), acled (ACLED)")


class TestDetect:
    @pytest.mark.parametrize(("name", "expected"), FIXTURE_FORMATS)
    def test_every_fixture(self, name: str, expected: str) -> None:
        """Each fixture, re-saved copies included, is recognised from its header."""
        assert detect(fixture(name)) == expected

    @pytest.mark.parametrize(("name", "expected"), FIXTURE_FORMATS)
    def test_from_the_column_names(self, name: str, expected: str) -> None:
        """The column names alone are enough."""
        assert detect(read_rows(fixture(name)).layout.columns) == expected

    def test_acd_and_brd_share_columns_but_not_their_required_ones(self) -> None:
        """A BRD header is not taken for ACD, nor the reverse, though they share most columns."""
        assert detect(["conflict_id", "location", "side_a", "side_b", "incompatibility", "year", "intensity_level",
                       "type_of_conflict", "start_date", "start_prec", "bd_best"]) == "ucdp-acd"
        assert detect(["conflict_id", "dyad_id", "side_a", "side_b", "year", "bd_best"]) == "ucdp-brd"

    def test_no_format(self) -> None:
        """A header of no known format is refused with the formats listed."""
        with pytest.raises(DataError) as caught:
            detect(fixture("unknown.csv"), name="unknown.csv")
        assert str(caught.value) == f"unknown.csv: 1 problem:\n  unknown.csv:1: the header matches none of the " \
                                    f"formats {KNOWN}\n{ADVICE}"

    def test_closest_format_named(self) -> None:
        """A header close to one format names it and what it lacks."""
        with pytest.raises(DataError) as caught:
            detect(fixture("ged_renamed.csv"), name="ged_renamed.csv")
        assert caught.value.problems[0].message == (f"the header matches none of the formats {KNOWN}; the closest is "
                                                    "ucdp-ged, which also needs 'date_start', 'best'")

    def test_unreadable_file(self, tmp_path: Path) -> None:
        """A file that is not UTF-8 is refused as such, not as an unknown format."""
        path = tmp_path / "x.csv"
        path.write_bytes(b"id,caf\xe9\n")
        with pytest.raises(DataError) as caught:
            detect(path, name="x.csv")
        assert caught.value.problems[0].message == "not UTF-8: byte 0xe9 at offset 6 cannot be read as UTF-8"


class TestReadRows:
    def test_recognises_and_reads(self) -> None:
        """format=None reads the file with the format its header names."""
        result = read_rows(fixture("brd.csv"))
        assert (result.format, len(result.rows)) == ("ucdp-brd", 4)

    def test_format_given(self) -> None:
        """A format given by name is used, and refuses a file that is not of it."""
        assert read_rows(fixture("pax.csv"), "pax").format == "pax"
        with pytest.raises(DataError) as caught:
            read_rows(fixture("pax.csv"), "acled", name="pax.csv")
        assert caught.value.problems[0].message.startswith("this is not an ACLED file: missing columns ")

    def test_unknown_format_name(self) -> None:
        """A misspelt format name suggests the right one."""
        with pytest.raises(UnknownNameError) as caught:
            read_rows(fixture("pax.csv"), "ethprio")
        assert str(caught.value) == "no format named 'ethprio'; did you mean 'ethprio-ceasefires'?"

    def test_registry_order_and_names(self) -> None:
        """The six formats, by the names the issue gives them."""
        assert list(FORMATS) == ["ucdp-ged", "ucdp-acd", "ucdp-brd", "ethprio-ceasefires", "pax", "acled"]
        assert all(get_format(name).name == name for name in FORMATS)
