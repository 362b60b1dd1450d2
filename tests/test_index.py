"""The lookup tables `_index` builds once per data set, checked on small hand-built data sets."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

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


def war(id_: str, first: dt.date, last: dt.date) -> cc.Event:
    """A war from *first* to *last*, as a range of days."""
    return cc.Event(id=cc.EventId(id_), kind=cc.EventKind.WAR, summary="A war", span=cc.TimeSpan.between(first, last),
                    citations=CITE)


class TestWindows:
    # Spans are bucketed by length in powers of two: a span whose length is a power of two
    # is the shortest of its bucket, the case an off-by-one in a bucket's bounds misses.
    @pytest.mark.parametrize("days", [1, 2, 3, 4, 8, 16, 31, 32, 64, 365, 366])
    def test_window_equal_to_a_span_holds_it(self, days: int) -> None:
        """A window of exactly an event's days holds it; a window a day shorter at either end does not."""
        first = dt.date(2020, 3, 1)
        last = first + dt.timedelta(days=days - 1)
        records = full_records()
        records["events"] = (*records["events"], war("exact", first, last))
        ds = cc.Dataset(**records)  # type: ignore[arg-type]
        assert [e.id for e in ds.events_between(first, last, within=True)] == ["exact"]
        assert "exact" in [e.id for e in ds.events_between(first, last)]
        if days > 1:
            later, earlier = first + dt.timedelta(days=1), last - dt.timedelta(days=1)
            assert ds.events_between(later, last, within=True) == ()
            assert ds.events_between(first, earlier, within=True) == ()

    @pytest.mark.parametrize("days", [1, 2, 3, 4, 8, 16, 31, 32, 64, 365, 366])
    def test_window_touching_a_span_overlaps_it_and_one_a_day_off_does_not(self, days: int) -> None:
        """A window ending on an event's first day, or starting on its last, overlaps it; one a day further off does not."""
        first = dt.date(2020, 3, 1)
        last = first + dt.timedelta(days=days - 1)
        records = full_records()
        records["events"] = (*records["events"], war("exact", first, last))
        ds = cc.Dataset(**records)  # type: ignore[arg-type]
        day, far = dt.timedelta(days=1), dt.timedelta(days=400)
        windows = [(first - far, first, True), (last, last + far, True),
                   (first - far, first - day, False), (last + day, last + far, False),
                   (first - day, first - day, False), (last + day, last + day, False)]
        assert [("exact" in [e.id for e in ds.events_between(low, high)]) for low, high, _ in windows] == [
            overlaps for _, _, overlaps in windows]


class TestControlHistory:
    def test_periods_in_chronological_order_ties_as_given(self) -> None:
        """A territory's control periods come out by date; two of the same span keep the order the data gives."""
        records = full_records()
        land, city = records["territories"]
        assert isinstance(city, cc.Territory)

        def period(controller: str, span: str) -> cc.ControlPeriod:
            return cc.ControlPeriod(controller_ids=(cc.ActorId(controller),), span=cc.TimeSpan.parse(span),
                                    citations=CITE)

        control = (period("north", "2022"), period("south", "2020"), period("league", "2020"))
        records["territories"] = (land, attrs.evolve(city, control=control))
        ds = cc.Dataset(**records)  # type: ignore[arg-type]
        assert [(p.controller_ids, p.span.format()) for p in ds.control_history("city")] == [
            (("south",), "2020"), (("league",), "2020"), (("north",), "2022")]
