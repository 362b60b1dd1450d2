"""Tests for the crosswalks to ACLED, PLOVER and UCDP."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import caucasus_conflict as cc
from caucasus_conflict.interop import EVENT_KIND_CROSSWALK, codes_for, ucdp_date_precision

MODEL_DOC = Path(__file__).parents[1] / "docs" / "model.md"


class TestEventKindCrosswalk:
    def test_every_kind_mapped(self) -> None:
        """Every EventKind has an entry, so a new kind cannot be added without deciding its codes."""
        assert set(EVENT_KIND_CROSSWALK) == set(cc.EventKind)

    def test_docs_table_matches(self) -> None:
        """The table in docs/model.md shows exactly the mapping in code."""
        text = MODEL_DOC.read_text(encoding="utf-8")
        rows = re.findall(r"^\| `([a-z_]+)` \| (.+?) \| (.+?) \| (.+?) \| (.+?) \|$", text, re.M)
        documented = {kind: tuple(None if cell == "—" else cell for cell in cells) for kind, *cells in rows}
        assert documented == {
            kind.value: (c.acled_event_type, c.acled_sub_event_type, c.plover, c.plover_mode)
            for kind, c in EVENT_KIND_CROSSWALK.items()
        }

    def test_codes_for_accepts_values(self) -> None:
        """codes_for takes the kind or its string value; an unknown value is a ValueError."""
        assert codes_for("armistice") == codes_for(cc.EventKind.ARMISTICE)
        assert (codes_for("armistice").plover, codes_for("armistice").plover_mode) == ("RETREAT", "ceasefire")
        with pytest.raises(ValueError, match="'battle' is not a valid EventKind"):
            codes_for("battle")

    def test_codes_for_wrong_type(self) -> None:
        """A kind that is not even a string raises the library's TypeError saying what to pass (#10)."""
        with pytest.raises(cc.ArgumentTypeError) as info:
            codes_for(123)  # type: ignore[arg-type]
        assert str(info.value) == "'kind' must be an EventKind or its value, such as 'offensive' (got 123)"
        assert isinstance(info.value, TypeError)

    def test_unknown_kind_is_a_query_error(self) -> None:
        """An unknown kind is the library's QueryError listing the kinds."""
        with pytest.raises(cc.QueryError, match=r"expected one of 'war', 'offensive', "):
            codes_for("battle")


class TestUcdpPrecision:
    @pytest.mark.parametrize(
        ("text", "code"),
        [
            ("2023-09-19", 1),
            ("2023-09-19/2023-09-19", 1),
            ("2023-09-19/2023-09-20", 2),
            ("2023-09-19/2023-09-24", 2),
            ("2023-09-18/2023-09-24", 3),
            ("2023-09-18/2023-09-25", None),
            ("2020-11", 4),
            ("2020", 5),
            ("1990/1993", None),
            ("2020-11/..", None),
            ("unknown", None),
        ],
    )
    def test_codes(self, text: str, code: int | None) -> None:
        """UCDP's date_prec codes 1-5 are given where they apply, None where UCDP has no code."""
        assert ucdp_date_precision(cc.TimeSpan.parse(text)) == code
