"""The lookup tables `_index` builds once per data set, checked on small hand-built data sets."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

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


#: A span as (first day, last day), ``None`` for an open end; ``None`` alone for an undated span.
Span = tuple[dt.date | None, dt.date | None] | None
#: Spans are bucketed by length: lengths either side of a power of two, where one class ends
#: and the next begins, and the ends of one class (16 and 31 days) held together.
EDGE_LENGTHS = (1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 365, 366)
#: Days of two eras a thousand years apart, so the spans' first days differ in size too.
ERAS = (dt.date(2000, 1, 1), dt.date(1000, 1, 1))
DAYS = st.builds(lambda era, offset: era + dt.timedelta(days=offset), st.sampled_from(ERAS), st.integers(-40, 80))
KINDS = (cc.EventKind.WAR, cc.EventKind.CLASHES, cc.EventKind.BLOCKADE)


def _dated(first: dt.date, days: int) -> Span:
    return first, first + dt.timedelta(days=days - 1)


SPANS: st.SearchStrategy[Span] = st.one_of(
    st.builds(_dated, DAYS, st.sampled_from(EDGE_LENGTHS) | st.integers(1, 70)),
    st.tuples(st.none(), DAYS), st.tuples(DAYS, st.none()), st.none())
#: A window's two ends, each a day or ``None`` (open), in order; never open at both ends.
WINDOWS = st.tuples(DAYS | st.none(), DAYS | st.none()).filter(lambda w: w != (None, None)).map(
    lambda w: tuple(sorted(w)) if None not in w else w)


def dataset_of(spans: list[tuple[Span, int]]) -> cc.Dataset:
    """`full_records` and one event per (span, index into `KINDS`), ids ``e0``, ``e1``, ..."""
    records = full_records()
    events = tuple(
        cc.Event(id=cc.EventId(f"e{i}"), kind=KINDS[kind], summary="An event", citations=CITE,
                 span=cc.TimeSpan.unknown() if span is None else cc.TimeSpan.between(*span))
        for i, (span, kind) in enumerate(spans))
    records["events"] = (*records["events"], *events)
    return cc.Dataset(**records)  # type: ignore[arg-type]


def _day(text: str, days: int = 0) -> dt.date:
    return dt.date.fromisoformat(text) + dt.timedelta(days=days)


class TestWindowsMatchOracle:
    """`events_between` against a brute-force scan of `chronology` with `TimeSpan.overlaps`/`contains`."""

    # The longest span of a length class, checked by its end, ending on the window's first day.
    @example(spans=[((_day("2000-01-01"), _day("2000-01-16")), 0), ((_day("2000-01-01"), _day("2000-01-31")), 0)],
             window=(_day("2000-01-31"), _day("2000-01-31")), within=False)
    @example(spans=[((_day("2000-01-01"), _day("2000-01-16")), 0), ((_day("2000-01-01"), _day("2000-01-31")), 0)],
             window=(_day("2000-01-21"), _day("2000-01-21")), within=False)
    # A one-day window holds a one-day event whatever two-day events there are.
    @example(spans=[((_day("2000-01-01"), _day("2000-01-02")), 0), ((_day("2000-01-05"), _day("2000-01-05")), 0)],
             window=(_day("2000-01-05"), _day("2000-01-05")), within=True)
    # ... and whatever long events there are a thousand years earlier.
    @example(spans=[((_day("1000-01-01"), _day("1000-01-30")), 0), ((_day("2000-01-05"), _day("2000-01-05")), 0)],
             window=(_day("2000-01-05"), _day("2000-01-05")), within=True)
    @given(spans=st.lists(st.tuples(SPANS, st.integers(0, len(KINDS) - 1)), max_size=12), window=WINDOWS,
           within=st.booleans())
    def test_window_query_is_the_brute_force_scan(self, spans: list[tuple[Span, int]],
                                                  window: tuple[dt.date | None, dt.date | None],
                                                  within: bool) -> None:
        """Every event sharing a day with a window (or, ``within=True``, inside it) is listed, in order, and no other.

        Whatever the mix of lengths (at the edges of the index's length classes), open ends and
        undated events: the index may not lose or invent an event a plain scan finds.
        """
        ds = dataset_of(spans)
        bounds = cc.TimeSpan.between(*window)
        test = bounds.contains if within else bounds.overlaps
        expected = [e.id for e in ds.chronology() if test(e.span)]
        assert [e.id for e in ds.events_between(*window, within=within)] == expected


class TestEventsOfKind:
    @example(spans=[((_day("2000-01-01"), _day("2000-01-01")), 0), (None, 0), ((None, _day("1999-01-01")), 0)])
    @given(spans=st.lists(st.tuples(SPANS, st.integers(0, len(KINDS) - 1)), max_size=8))
    def test_every_event_of_a_kind_in_order(self, spans: list[tuple[Span, int]]) -> None:
        """`events_of_kind` lists every event of that kind, as in `chronology`, however many share it."""
        ds = dataset_of(spans)
        for kind in KINDS:
            assert ds.events_of_kind(kind) == tuple(e for e in ds.chronology() if e.kind is kind)


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
