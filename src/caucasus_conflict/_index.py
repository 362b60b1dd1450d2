"""Lookup tables built once per data set: folded names, interval buckets, postings.

Nothing here is public. `Dataset` builds one `EventIndex`
and two `NameTable`s when it is constructed and only reads them afterwards, so
a data set can be shared between threads.

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

import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Hashable, Iterable
from operator import attrgetter
from typing import Generic, TypeVar

from .kinds import Basis, EventKind, Precision
from .model import Event
from .timespan import MAX_ORDINAL, MIN_ORDINAL

__all__ = ["EventIndex", "NameTable", "fold"]

K = TypeVar("K", bound=Hashable)
R = TypeVar("R")


def fold(text: str) -> str:
    """Fold a name for lookup: drop accents, case, spaces and punctuation.

    ``"Nagorno-Karabakh"``, ``"nagorno karabakh"`` and ``"NAGORNO–KARABAKH"`` fold alike,
    as do ``"Erdoğan"`` and ``"Erdogan"``, and ``"U.S."`` and ``"US"``.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed.casefold() if ch.isalnum())


class NameTable(Generic[R]):
    """Folded id, name and alias -> record, for one record type."""

    __slots__ = ("_display", "_keys")

    def __init__(self) -> None:
        self._keys: dict[str, R] = {}
        self._display: dict[str, str] = {}

    def add(self, key: str, record: R) -> R | None:
        """Add *key* for *record*; return the other record already holding it, if any."""
        folded = fold(key)
        held = self._keys.get(folded)
        if held is not None and held is not record:
            return held
        self._keys[folded] = record
        self._display.setdefault(folded, key)
        return None

    def get(self, key: str) -> R | None:
        return self._keys.get(fold(key))

    def display_names(self) -> dict[str, str]:
        """Folded key -> the name as first written, for suggestions."""
        return self._display


class _Bucket:
    """Spans of one length class, sorted by first day, as parallel arrays."""

    __slots__ = ("ends", "max_length", "min_length", "ranks", "starts")

    def __init__(self, min_length: int, max_length: int) -> None:
        self.min_length = min_length
        self.max_length = max_length
        self.starts: array[int] = array("q")
        self.ends: array[int] = array("q")
        self.ranks: array[int] = array("q")


_UNKNOWN = Precision.UNKNOWN
_PRECISION_RANK = {p: i for i, p in enumerate(Precision)}
_BASIS_RANK = {Basis.STATED: 0, Basis.INFERRED: 1}


def _chronological(events: Iterable[Event]) -> tuple[tuple[Event, ...], list[tuple[bool, int, int]]]:
    """Events in the order of ``(event.span.sort_key(), event.id)``, with each span's bounds.

    The same order as sorting by that tuple, reached by stable sorts on plain strings
    and one packed integer: CPython compares those in fast paths, where comparing
    nested tuples made sorting the largest cost of building a million-event index.
    Sorting by id, then reason, then (known, first day, last day, precision, basis)
    leaves ties of each later key in the order of the earlier ones.
    """
    by_id = sorted(events, key=attrgetter("id"))
    packed: list[int] = []
    bounds: list[tuple[bool, int, int]] = []
    reasons: list[str] = []
    for event in by_id:
        span = event.span
        if span.precision is _UNKNOWN:
            undated, low, high = True, MAX_ORDINAL, MAX_ORDINAL
        else:
            undated = False
            low = MIN_ORDINAL if span.start is None else span.start.toordinal()
            high = MAX_ORDINAL if span.end is None else span.end.toordinal()
        bounds.append((undated, low, high))
        reasons.append(span.reason or "")
        # Ordinals are below 2**22, so each field has room of its own.
        packed.append((((undated << 23 | low) << 23 | high) << 3 | _PRECISION_RANK[span.precision]) << 1
                      | _BASIS_RANK[span.basis])
    positions: list[int] | range = range(len(by_id))
    if any(reasons):
        positions = sorted(positions, key=reasons.__getitem__)
    positions = sorted(positions, key=packed.__getitem__)
    return tuple(by_id[i] for i in positions), [bounds[i] for i in positions]


class EventIndex:
    """Events in chronological order, interval buckets over their spans, and postings.

    Built in one pass over the events sorted once: the chronological sort key of a
    span already holds its first and last day, so no span is measured twice.
    """

    __slots__ = ("_buckets", "_open_end", "_open_end_ranks", "_open_start", "_open_start_ranks",
                 "by_actor", "by_kind", "by_territory", "order", "undated")

    def __init__(self, events: Iterable[Event]) -> None:
        ordered, bounds = _chronological(events)
        self.order: tuple[Event, ...] = ordered
        self.undated: array[int] = array("q")
        # Postings hold the events themselves, already in order, so that a query
        # returns a stored tuple instead of building one (O(1) instead of O(k)).
        by_actor: dict[str, list[Event]] = {}
        by_territory: dict[str, list[Event]] = {}
        by_kind: dict[EventKind, list[Event]] = {}
        buckets: dict[int, _Bucket] = {}
        open_start: list[tuple[int, int]] = []
        open_end: list[tuple[int, int]] = []
        for rank, (event, (undated, low, high)) in enumerate(zip(ordered, bounds, strict=True)):
            for participant in event.participants:
                posted = by_actor.get(participant.actor_id)
                if posted is None:
                    by_actor[participant.actor_id] = [event]
                elif posted[-1] is not event:  # an actor in two roles is posted once
                    posted.append(event)
            for territory_id in event.territory_ids:
                by_territory.setdefault(territory_id, []).append(event)
            by_kind.setdefault(event.kind, []).append(event)
            if undated:
                self.undated.append(rank)
            elif low == MIN_ORDINAL:
                open_start.append((high, rank))
            elif high == MAX_ORDINAL:
                open_end.append((low, rank))
            else:
                # Events arrive sorted by first day, so each bucket stays sorted.
                length_class = (high - low + 1).bit_length()
                bucket = buckets.get(length_class)
                if bucket is None:
                    buckets[length_class] = bucket = _Bucket(1 << (length_class - 1), (1 << length_class) - 1)
                bucket.starts.append(low)
                bucket.ends.append(high)
                bucket.ranks.append(rank)
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
            first = bisect_left(bucket.starts, low - bucket.max_length + 1)
            last = bisect_right(bucket.starts, high)
            ends, ranks = bucket.ends, bucket.ranks
            found.extend(ranks[i] for i in range(first, last) if ends[i] >= low)
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
