"""Indexes built once per data set: chronological order, interval buckets, postings.

Nothing here is public. `Dataset` calls `build_indexes` when it is constructed and
only reads the result afterwards, so a data set can be shared between threads.
`chronological` is the one ordering every listing uses.

**Interval buckets.** ``events_between`` must cost O(log n + k) when most spans are a day
and some last decades. Spans with both ends known are split into classes by length:
class *c* holds spans of ``2**(c-1)`` to ``2**c - 1`` days, sorted by first day. A span
of class *c* that overlaps the window ``[a, b]`` must start in ``[a - 2**c + 2, b]``,
one binary search per class; within that run only spans that start more than their own
length before ``a`` are false candidates, and there are at most ~22 classes for any
calendar span. Spans open at the start are kept sorted by last day, spans open at the
end by first day, so each of those answers with one binary search and no false
candidates. Results are event *ranks*, positions in the chronological order, so sorting
them sorts the events.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from operator import attrgetter, sub
from typing import Any, TypeVar

import attrs

from .kinds import EventKind, StanceKind
from .model import Ceasefire, Claim, Event, Stance, Territory
from .timespan import MAX_ORDINAL, MIN_ORDINAL, TimeSpan

__all__ = ["EventIndex", "Indexes", "build_indexes", "chronological", "grouped"]

R = TypeVar("R")


class _Bucket:
    """Spans of one length class, sorted by first day, as parallel arrays.

    ``min_length`` and ``max_length`` are the shortest and longest spans it holds, in days.
    """

    __slots__ = ("ends", "max_length", "min_length", "ranks", "starts")

    def __init__(self, min_length: int, max_length: int) -> None:
        self.min_length = min_length
        self.max_length = max_length
        self.starts: array[int] = array("q")
        self.ends: array[int] = array("q")
        self.ranks: array[int] = array("q")


def chronological(records: Iterable[R], span_of: Callable[[R], TimeSpan] = attrgetter("span"), *,
                  by_id: bool = True) -> list[R]:
    """*records* in chronological order: by ``(span_of(record).sort_key(), record.id)``.

    With ``by_id=False`` (records without ids, such as control periods) ties keep
    the order given.

    The one ordering of every listing (events, claims, stances, ceasefires, control
    periods). Reached by stable sorts on ids, then reasons, then one packed integer,
    which CPython compares in fast paths; comparing nested tuples made sorting the
    largest cost of building a million-event index.
    """
    ordered = sorted(records, key=_BY_ID) if by_id else list(records)
    keys = [span_of(record).sort_key() for record in ordered]
    positions: list[int] | range = range(len(ordered))
    # Keys looked up by list.__getitem__, not a lambda: no Python call per record.
    if any(reason for _, reason in keys):
        positions = sorted(positions, key=[reason for _, reason in keys].__getitem__)
    positions = sorted(positions, key=[packed for packed, _ in keys].__getitem__)
    return [ordered[i] for i in positions]


_BY_ID = attrgetter("id")  # C, where a Python key function costs a call per record


def _record_id(record: Any) -> str:
    return record.id  # type: ignore[no-any-return]


class EventIndex:
    """Events in chronological order, interval buckets over their spans, and postings.

    Built in one pass over the events sorted once: the chronological sort key of a
    span already holds its first and last day, so no span is measured twice.
    """

    __slots__ = ("_buckets", "_open_end", "_open_end_ranks", "_open_start", "_open_start_ranks",
                 "by_actor", "by_kind", "by_territory", "order", "undated")

    def __init__(self, events: Iterable[Event]) -> None:
        ordered = tuple(chronological(events))
        self.order: tuple[Event, ...] = ordered
        self.undated: array[int] = array("q")
        # Postings hold the events themselves, already in order, so that a query
        # returns a stored tuple instead of building one (O(1) instead of O(k)).
        by_actor: dict[str, list[Event]] = {}
        by_territory: dict[str, list[Event]] = {}
        by_kind: dict[EventKind, list[Event]] = {}
        actor_posts, territory_posts, kind_posts = by_actor.get, by_territory.get, by_kind.get
        for event in ordered:
            for participant in event.participants:
                posted = actor_posts(participant.actor_id)
                if posted is None:
                    by_actor[participant.actor_id] = [event]
                elif posted[-1] is not event:  # an actor in two roles is posted once
                    posted.append(event)
            for territory_id in event.territory_ids:
                posted = territory_posts(territory_id)
                if posted is None:
                    by_territory[territory_id] = [event]
                else:
                    posted.append(event)
            posted = kind_posts(event.kind)
            if posted is None:
                by_kind[event.kind] = [event]
            else:
                posted.append(event)
        # The bounds in a second pass, as ranks per length class; the arrays are filled
        # from them at the end, so a bucket costs one append per event.
        bounds_of = [event.span.ordinals for event in ordered]
        classes: dict[int, list[int]] = {}
        open_start: list[tuple[int, int]] = []
        open_end: list[tuple[int, int]] = []
        for rank, bounds in enumerate(bounds_of):
            if bounds is None:
                self.undated.append(rank)
                continue
            low, high = bounds
            if low == MIN_ORDINAL:
                open_start.append((high, rank))
            elif high == MAX_ORDINAL:
                open_end.append((low, rank))
            else:
                # Events are in order of first day, so each class's ranks are too.
                ranks = classes.get(length_class := (high - low + 1).bit_length())
                if ranks is None:
                    classes[length_class] = [rank]
                else:
                    ranks.append(rank)
        buckets: dict[int, _Bucket] = {}
        for length_class, ranks in classes.items():
            starts = [bounds_of[r][0] for r in ranks]  # type: ignore[index]
            ends = [bounds_of[r][1] for r in ranks]  # type: ignore[index]
            # The shortest and longest spans the class actually holds (months are 28-31 days
            # of the 16-31 their class allows): the tighter, the fewer ends a window checks.
            lengths = list(map(sub, ends, starts))
            bucket = buckets[length_class] = _Bucket(min(lengths) + 1, max(lengths) + 1)
            bucket.starts, bucket.ends, bucket.ranks = array("q", starts), array("q", ends), array("q", ranks)
        self.by_actor = {k: tuple(v) for k, v in by_actor.items()}
        self.by_territory = {k: tuple(v) for k, v in by_territory.items()}
        self.by_kind = {k: tuple(v) for k, v in by_kind.items()}
        self._buckets = [buckets[c] for c in sorted(buckets)]
        open_start.sort()
        open_end.sort()
        self._open_start = array("q", (high for high, _ in open_start))
        self._open_start_ranks = array("q", (rank for _, rank in open_start))
        self._open_end = array("q", (low for low, _ in open_end))
        self._open_end_ranks = array("q", (rank for _, rank in open_end))

    def overlapping(self, low: int, high: int) -> list[int]:
        """Ranks of the dated events whose span shares a day with ``[low, high]``, sorted."""
        found: list[int] = []
        for bucket in self._buckets:
            starts, ends, ranks = bucket.starts, bucket.ends, bucket.ranks
            # Spans starting from min_length - 1 days before low on are long enough to
            # reach it: taken as one slice. Only the earlier ones need their end checked.
            first = bisect_left(starts, low - bucket.max_length + 1)
            sure = bisect_left(starts, low - bucket.min_length + 1, first)
            if first < sure:
                found.extend(ranks[i] for i in range(first, sure) if ends[i] >= low)
            found.extend(ranks[sure:bisect_right(starts, high, sure)])
        # Open start: overlaps iff its last day >= low.
        found.extend(self._open_start_ranks[bisect_left(self._open_start, low):])
        # Open end: overlaps iff its first day <= high.
        found.extend(self._open_end_ranks[: bisect_right(self._open_end, high)])
        found.sort()
        return found

    def within(self, low: int, high: int) -> list[int]:
        """Ranks of the dated events whose every day lies in ``[low, high]``, sorted."""
        found: list[int] = []
        width = high - low + 1
        for bucket in self._buckets:
            if bucket.min_length > width:
                break
            first = bisect_left(bucket.starts, low)
            last = bisect_right(bucket.starts, high - bucket.min_length + 1)
            ends, ranks = bucket.ends, bucket.ranks
            found.extend(ranks[i] for i in range(first, last) if ends[i] <= high)
        if low <= MIN_ORDINAL:
            found.extend(self._open_start_ranks[: bisect_right(self._open_start, high)])
        if high >= MAX_ORDINAL:
            found.extend(self._open_end_ranks[bisect_left(self._open_end, low):])
        found.sort()
        return found


@attrs.frozen(kw_only=True, eq=False)
class Indexes:
    """Every secondary index of a data set, built once by `build_indexes`."""

    events: EventIndex
    claims: tuple[Claim, ...]
    claims_by: dict[str | None, tuple[Claim, ...]]
    claims_about: dict[str, tuple[Claim, ...]]
    stances: tuple[Stance, ...]
    stances_by: dict[str, tuple[Stance, ...]]
    stances_toward: dict[tuple[StanceKind, str], tuple[Stance, ...]]
    contradictions: tuple[tuple[Claim, Claim], ...]
    ceasefires: tuple[Ceasefire, ...]
    parts: dict[str, tuple[Territory, ...]]


def grouped(pairs: Iterable[tuple[Any, Any]]) -> dict[Any, tuple[Any, ...]]:
    """The values of *pairs* by key, each group a tuple in the order given."""
    groups: dict[Any, list[Any]] = {}
    for key, value in pairs:
        groups.setdefault(key, []).append(value)
    return {k: tuple(v) for k, v in groups.items()}


def build_indexes(*, events: Iterable[Event], claims: Iterable[Claim], stances: Iterable[Stance],
                  ceasefires: Iterable[Ceasefire], territories: Iterable[Territory]) -> Indexes:
    """Build every index of a data set whose references are already checked."""
    ordered_claims = tuple(chronological(claims))
    ordered_stances = tuple(chronological(stances))
    rank = {c.id: i for i, c in enumerate(ordered_claims)}
    # One entry per pair, however many of the two dispute the other, earlier claim first.
    pairs: dict[tuple[int, int], tuple[Claim, Claim]] = {}
    for claim in ordered_claims:
        for other_id in claim.disputes_ids:
            first, second = sorted((rank[claim.id], rank[other_id]))
            pairs.setdefault((first, second), (ordered_claims[first], ordered_claims[second]))
    return Indexes(
        events=EventIndex(events),
        claims=ordered_claims,
        claims_by=grouped((c.claimant_id, c) for c in ordered_claims),
        claims_about=grouped((ref, c) for c in ordered_claims
                              for ref in dict.fromkeys((*c.about_actor_ids, *c.about_territory_ids,
                                                        *c.about_event_ids))),
        stances=ordered_stances,
        stances_by=grouped((s.holder_id, s) for s in ordered_stances),
        stances_toward=grouped(((s.kind, s.toward_id), s) for s in ordered_stances),
        contradictions=tuple(pairs[k] for k in sorted(pairs)),
        ceasefires=tuple(chronological(ceasefires, attrgetter("declared"))),
        parts=grouped((t.part_of_id, t) for t in sorted(territories, key=_record_id) if t.part_of_id is not None),
    )
