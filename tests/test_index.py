"""The lookup tables `_index` builds once per data set, checked on small hand-built data sets."""

from __future__ import annotations

import caucasus_conflict as cc

from .test_registry import CITE, full_records


class TestContradictions:
    def test_mutual_dispute_is_one_pair(self) -> None:
        """Two claims that each dispute the other are one pair, earlier claim first (#9: a planted bug kept two)."""
        ds = cc.Dataset(**full_records())  # type: ignore[arg-type]
        assert [(a.id, b.id) for a, b in ds.contradictions()] == [("first", "second")]

    def test_one_sided_dispute_is_one_pair_earlier_first(self) -> None:
        """A later claim disputing an earlier one makes the pair (earlier, later)."""
        records = full_records()
        first, second = records["claims"]
        later = cc.Claim(id=cc.ClaimId("later"), span=cc.TimeSpan.parse("2021"), summary="Neither did",
                         disputes_ids=(cc.ClaimId("second"),), citations=CITE)
        records["claims"] = (later, first, second)
        ds = cc.Dataset(**records)  # type: ignore[arg-type]
        assert [(a.id, b.id) for a, b in ds.contradictions()] == [("first", "second"), ("second", "later")]
