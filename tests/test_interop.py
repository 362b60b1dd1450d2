"""Tests for the crosswalks to ACLED, PLOVER and UCDP."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import caucasus_conflict as cc
from caucasus_conflict.formats import acled, ucdp
from caucasus_conflict.interop import (
    ACLED_EVENT_TYPES,
    ACLED_KINDS,
    EVENT_KIND_CROSSWALK,
    UCDP_KINDS,
    EventCodes,
    codes_for,
    kind_for_acled,
    kind_for_ucdp,
    ucdp_date_precision,
)

MODEL_DOC = Path(__file__).parents[1] / "docs" / "model.md"


class TestEventKindCrosswalk:
    def test_every_kind_mapped(self) -> None:
        """Every EventKind has an entry, so a new kind cannot be added without deciding its codes."""
        assert set(EVENT_KIND_CROSSWALK) == set(cc.EventKind)

    def test_docs_table_matches(self) -> None:
        """The table in docs/model.md shows exactly the mapping in code."""
        text = MODEL_DOC.read_text(encoding="utf-8")
        rows = re.findall(r"^\| `([a-z_]+)` \| (.+?) \| (.+?) \| (.+?) \| (.+?) \| (.+?) \| (.+?) \|$", text, re.M)
        documented = {kind: tuple(None if cell == "—" else cell for cell in cells) for kind, *cells in rows}

        def also(c: EventCodes) -> str | None:
            words = [f"{t} (no sub-type)" if s is None else s if t == c.acled_event_type else f"{t}: {s}"
                     for t, s in c.acled[1:]]
            return "; ".join(words) or None

        assert documented == {
            kind.value: (c.acled_event_type, c.acled_sub_event_type, c.plover, c.plover_mode,
                         ", ".join(map(str, c.ucdp_types_of_violence)) or None, also(c))
            for kind, c in EVENT_KIND_CROSSWALK.items()
        }

    def test_docs_table_from_acled(self) -> None:
        """The ACLED-to-kind table in docs/model.md shows exactly ACLED_KINDS."""
        text = MODEL_DOC.read_text(encoding="utf-8")
        types = "|".join(re.escape(t) for t in ACLED_EVENT_TYPES)
        rows = re.findall(rf"^\| ({types}) \| (.+?) \| `([a-z_]+)` \|$", text, re.M)
        assert {(t, None if s == "(blank)" else s): k for t, s, k in rows} == {
            pair: kind.value for pair, kind in ACLED_KINDS.items()}


class TestCrosswalkComplete:
    """Issue #11: no published category without a kind, and every kind says what it is written as."""

    def test_every_acled_category_has_a_kind(self) -> None:
        """Every (event type, sub-event type) of ACLED's codebook, as the reader knows it, and each type alone, has a kind."""
        published = {(t, s) for t, subs in acled.EVENT_TYPES.items() for s in subs}
        assert len(published) == 25
        assert set(ACLED_KINDS) == published | {(t, None) for t in acled.EVENT_TYPES}

    def test_every_ucdp_type_has_a_kind(self) -> None:
        """Every GED type_of_violence has a kind."""
        assert set(UCDP_KINDS) == set(ucdp.TYPE_OF_VIOLENCE)

    def test_kinds_write_back_to_categories_that_read_as_a_kind(self) -> None:
        """Every category a kind can be written as is a published one; each one read holds the kind it came from."""
        for kind, codes in EVENT_KIND_CROSSWALK.items():
            assert codes.acled[:1] == (((codes.acled_event_type, codes.acled_sub_event_type),)
                                       if codes.acled_event_type else ())
            for pair in codes.acled:
                assert pair in ACLED_KINDS, (kind, pair)
            for code in codes.ucdp_types_of_violence:
                assert code in UCDP_KINDS, (kind, code)

    def test_category_reads_as_a_kind_that_writes_it_back(self) -> None:
        """A category read as a kind is among the categories that kind can be written as (nothing is unwritable)."""
        for pair, kind in ACLED_KINDS.items():
            assert pair in EVENT_KIND_CROSSWALK[kind].acled, (pair, kind)
        for code, kind in UCDP_KINDS.items():
            assert code in EVENT_KIND_CROSSWALK[kind].ucdp_types_of_violence, (code, kind)

    def test_one_to_one_pairs_round_trip(self) -> None:
        """Where a category is the only one of its kind, category -> kind -> default category is the identity."""
        readers: dict[cc.EventKind, list[tuple[str, str | None]]] = {}
        for pair, kind in ACLED_KINDS.items():
            readers.setdefault(kind, []).append(pair)
        one_to_one = [pairs[0] for pairs in readers.values() if len(pairs) == 1]
        assert len(one_to_one) >= 6
        for pair in one_to_one:
            codes = codes_for(kind_for_acled(*pair))
            assert (codes.acled_event_type, codes.acled_sub_event_type) == pair
        assert codes_for(kind_for_ucdp(3)).ucdp_types_of_violence[0] == 3

    def test_unknown_categories(self) -> None:
        """A category outside the codebooks is the library's QueryError naming it."""
        with pytest.raises(cc.QueryError) as caught:
            kind_for_acled("Battles", "Grenade")
        assert str(caught.value) == "ACLED has no sub-event type 'Grenade' of 'Battles'"
        with pytest.raises(cc.QueryError) as caught:
            kind_for_acled("Fights")
        assert str(caught.value) == "ACLED has no event type 'Fights'"
        with pytest.raises(cc.QueryError) as caught:
            kind_for_ucdp(4)
        assert str(caught.value) == "UCDP has no type of violence 4; its codes are 1, 2 and 3"

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
