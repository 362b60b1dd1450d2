"""Measure the query helpers on synthetic data sets of 10^4, 10^5 and 10^6 events.

Run from the README's test environment (``pip install '.[test]'``)::

    python benchmarks/queries.py            # 10^4, 10^5 and 10^6 events (about two minutes)
    python benchmarks/queries.py --quick    # 10^4 and 10^5 only

It prints, for each size: the time to build the `Dataset` (integrity checks and
indexes), the per-query latency of ``events_between`` (a selective window holding about
0.1% of the events and a broad one holding about 10%) and of ``events_involving``, the
same answers from a naive loop over every event, the ratio naive/indexed, and the
memory the indexes take per event (tracemalloc), and ``events_between`` against the
bisect-over-duration-groups baseline (`DurationGroups`, which ``load.py`` also uses for
issue #13's targets) in CPU time. Then it times ``load()`` of the bundled
file, cold (in a fresh process) and cached, and ``import caucasus_conflict`` with
``python -X importtime``. Every figure is measured in this run; nothing is compared with
a stored number, and no test asserts a time.

The events' spans follow the mix of `synthetic.py` (mostly exact days, some months,
years, multi-year and open ranges, between 1950 and 2024); each event has 1..3 of 200
actors. Every window overlaps the multi-year and open spans around it, so the most
selective window still holds about 0.1% of events.
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import subprocess
import sys
import time
import tracemalloc
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from datetime import date, timedelta
from operator import itemgetter

import attrs
import synthetic

import caucasus_conflict as cc

FIRST, DAYS, N_ACTORS = synthetic.FIRST, synthetic.DAYS, synthetic.N_ACTORS
SOURCE = cc.Source(id=cc.SourceId("synthetic"), title="Synthetic events", publisher="benchmarks/queries.py",
                   url="https://example.org/synthetic", published=cc.TimeSpan.parse("2024"), credit="generated",
                   blocks=1)
CITE = (cc.Citation(cc.SourceId("synthetic"), (1,)),)


def random_span(rng: random.Random) -> cc.TimeSpan:
    """One span from the mix of `synthetic.span_text`."""
    return cc.TimeSpan.parse(synthetic.span_text(rng))


def synthetic_records(n: int, seed: int = 1) -> tuple[tuple[cc.Actor, ...], tuple[cc.Event, ...]]:
    """Actors and *n* events, deterministic for a seed."""
    rng = random.Random(seed)
    actors = tuple(cc.Actor(id=cc.ActorId(f"actor-{i}"), name=f"Actor {i}", kind=cc.ActorKind.STATE,
                            citations=CITE) for i in range(N_ACTORS))
    kinds = list(cc.EventKind)
    roles = list(cc.Role)
    events = []
    for i in range(n):
        chosen = rng.sample(range(N_ACTORS), rng.randint(1, 3))
        events.append(cc.Event(
            id=cc.EventId(f"event-{i}"), kind=rng.choice(kinds), summary="synthetic event", span=random_span(rng),
            participants=tuple(cc.Participant(actors[a].id, rng.choice(roles)) for a in chosen),
            citations=CITE,
        ))
    return actors, tuple(events)


def per_call(fn: Callable[[], object], *, repeat: int) -> float:
    """Median seconds per call over *repeat* calls."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def window_for(ds: cc.Dataset, fraction: float, rng: random.Random) -> tuple[str, str]:
    """A window whose overlap count is close to *fraction* of the events, found by bisection on width."""
    target = fraction * len(ds.events)
    low, high = 0, DAYS
    best = (FIRST, FIRST)
    centre = FIRST + timedelta(days=DAYS // 2 + rng.randrange(-365, 365))
    for _ in range(30):
        width = (low + high) // 2
        start, end = centre - timedelta(days=width // 2), centre + timedelta(days=width // 2)
        count = len(ds.events_between(start.isoformat(), end.isoformat()))
        best = (start, end)
        if count < target:
            low = width + 1
        else:
            high = width
        if low >= high:
            break
    return best[0].isoformat(), best[1].isoformat()


def naive_between(events: tuple[cc.Event, ...], start: str, end: str) -> tuple[cc.Event, ...]:
    """The brute-force answer: scan every event, then sort chronologically."""
    window = cc.TimeSpan.between(cc.TimeSpan.parse(start).first_day, cc.TimeSpan.parse(end).last_day)
    found = [e for e in events if e.span.overlaps(window)]
    return tuple(sorted(found, key=lambda e: (e.span.sort_key(), e.id)))


def naive_involving(events: tuple[cc.Event, ...], actor_id: str) -> tuple[cc.Event, ...]:
    """The brute-force answer: scan every event's participants, then sort."""
    found = [e for e in events if any(p.actor_id == actor_id for p in e.participants)]
    return tuple(sorted(found, key=lambda e: (e.span.sort_key(), e.id)))


@attrs.frozen
class Timing:
    """CPU seconds per call of each repeat (`time.process_time`), for min and median."""

    runs: tuple[float, ...]

    @property
    def min(self) -> float:
        return min(self.runs)

    @property
    def median(self) -> float:
        return statistics.median(self.runs)


def cpu_time(fn: Callable[[], object], *, repeat: int = 5, calls: int = 1, budget: float = 20.0) -> Timing:
    """Time *fn* in CPU seconds per call: *repeat* batches of *calls* calls, fewer once *budget* s are spent.

    A garbage collection runs before each batch (untimed), so one batch's garbage is not
    billed to the next. CPU time, not wall-clock time: on a shared machine wall-clock
    ratios swing several-fold.
    """
    runs: list[float] = []
    spent = 0.0
    while len(runs) < repeat and (not runs or spent < budget):
        gc.collect()
        start = time.process_time()
        for _ in range(calls):
            fn()
        elapsed = time.process_time() - start
        spent += elapsed
        runs.append(elapsed / calls)
    return Timing(tuple(runs))


class DurationGroups:
    """The baseline for `events_between`: bisection over spans grouped by duration.

    Spans of up to a year are grouped by their exact length in days (a day, 28..31-day
    months, 365/366-day years), each group sorted by first day, so a window's overlaps
    in a group are one contiguous slice: those starting in ``[low - length + 1, high]``.
    Longer spans are grouped by power-of-two length class and filtered by their end.
    Spans open at the start are sorted by last day, open at the end by first day. The
    answer is the events in chronological order, as `Dataset.events_between` gives it.
    Window bounds are ``YYYY-MM-DD`` strings, parsed straight to day numbers.
    """

    def __init__(self, ordered: tuple[cc.Event, ...]) -> None:
        self.ordered = ordered
        exact: dict[int, list[tuple[int, int]]] = {}
        long: dict[int, list[tuple[int, int, int]]] = {}
        open_start: list[tuple[int, int]] = []
        open_end: list[tuple[int, int]] = []
        for rank, event in enumerate(ordered):
            span = event.span
            if not span.is_known:
                continue
            first, last = span.first_day, span.last_day
            if first is None and last is not None:
                open_start.append((last.toordinal(), rank))
            elif last is None and first is not None:
                open_end.append((first.toordinal(), rank))
            elif first is not None and last is not None:
                low, high = first.toordinal(), last.toordinal()
                length = high - low + 1
                if length <= 366:
                    exact.setdefault(length, []).append((low, rank))
                else:
                    long.setdefault(length.bit_length(), []).append((low, high, rank))
        self.exact = [(length, [s for s, _ in sorted(g)], [r for _, r in sorted(g)]) for length, g in exact.items()]
        self.long = [((1 << c) - 1, [s for s, _, _ in sorted(g)], [e for _, e, _ in sorted(g)],
                      [r for _, _, r in sorted(g)]) for c, g in long.items()]
        open_start.sort()
        open_end.sort()
        self.open_start = ([h for h, _ in open_start], [r for _, r in open_start])
        self.open_end = ([lo for lo, _ in open_end], [r for _, r in open_end])

    def between(self, start: str, end: str) -> tuple[cc.Event, ...]:
        """The events overlapping the days from *start* to *end*, in chronological order."""
        low, high = date.fromisoformat(start).toordinal(), date.fromisoformat(end).toordinal()
        found: list[int] = []
        for length, starts, ranks in self.exact:
            found += ranks[bisect_left(starts, low - length + 1):bisect_right(starts, high)]
        for longest, starts, ends, ranks in self.long:
            first, last = bisect_left(starts, low - longest + 1), bisect_right(starts, high)
            found += [ranks[i] for i in range(first, last) if ends[i] >= low]
        found += self.open_start[1][bisect_left(self.open_start[0], low):]
        found += self.open_end[1][:bisect_right(self.open_end[0], high)]
        if not found:
            return ()
        found.sort()
        picked = itemgetter(*found)(self.ordered)
        return picked if len(found) > 1 else (picked,)


def naive_controller_of(territory: cc.Territory, day: str) -> tuple[cc.ControlPeriod, ...]:
    """`controller_of` for a ``YYYY-MM-DD`` day, by a loop over the territory's periods."""
    ordinal = date.fromisoformat(day).toordinal()
    found = [p for p in territory.control if p.span.is_known
             and (p.span.first_day is None or p.span.first_day.toordinal() <= ordinal)
             and (p.span.last_day is None or ordinal <= p.span.last_day.toordinal())]
    return tuple(sorted(found, key=lambda p: p.span.sort_key()))


def naive_stances_toward(stances: tuple[cc.Stance, ...], kind: cc.StanceKind, actor_id: str,
                         day: str) -> tuple[cc.Stance, ...]:
    """`stances_toward(kind, toward=actor, at=day)`, by a loop over every stance."""
    ordinal = date.fromisoformat(day).toordinal()
    return tuple(s for s in stances if s.kind is kind and s.toward_actor_id == actor_id and s.span.is_known
                 and (s.span.first_day is None or s.span.first_day.toordinal() <= ordinal)
                 and (s.span.last_day is None or ordinal <= s.span.last_day.toordinal()))


def bench_size(n: int) -> None:
    """Print the figures for one data-set size."""
    actors, events = synthetic_records(n)
    gc.collect()
    start = time.perf_counter()
    ds = cc.Dataset(sources=(SOURCE,), actors=actors, events=events)
    ds._state.indexes  # noqa: B018 - built on the first query; counted here, as a first query pays for them
    build = time.perf_counter() - start
    # Memory is measured on a second build: tracemalloc slows allocation down, so the
    # timing above is taken without it. "Kept" is what the data set holds beyond the
    # records (the indexes); "peak" includes the temporaries of building them.
    del ds
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    tracemalloc.reset_peak()
    ds = cc.Dataset(sources=(SOURCE,), actors=actors, events=events)
    ds._state.indexes  # noqa: B018
    kept, peak = (x - before for x in tracemalloc.get_traced_memory())
    tracemalloc.stop()
    rng = random.Random(2)
    print(f"\n## {n:,} events")
    print(f"build Dataset (checks + indexes): {build:8.3f} s")
    print(f"index memory beyond the records:  {kept / n:8.0f} bytes/event kept, {peak / n:.0f} bytes/event at peak")
    naive_repeat = 3 if n >= 10**6 else 5
    groups = DurationGroups(ds.chronology())
    for label, fraction in (("events_between selective (~0.1%)", 0.001), ("events_between broad (~10%)", 0.10)):
        window = window_for(ds, fraction, rng)
        indexed_answer = ds.events_between(*window)
        assert indexed_answer == naive_between(events, *window), "index and naive loop disagree"
        indexed = per_call(lambda w=window: ds.events_between(*w), repeat=50)  # type: ignore[misc]
        naive = per_call(lambda w=window: naive_between(events, *w), repeat=naive_repeat)  # type: ignore[misc]
        print(f"{label:34} {len(indexed_answer):7,} hits  indexed {indexed * 1e3:9.3f} ms  "
              f"naive {naive * 1e3:9.1f} ms  ratio {naive / indexed:8.0f}x")
        assert indexed_answer == groups.between(*window), "index and duration-groups baseline disagree"
        ours = cpu_time(lambda w=window: ds.events_between(*w), calls=50)  # type: ignore[misc]
        theirs = cpu_time(lambda w=window: groups.between(*w), calls=50)  # type: ignore[misc]
        print(f"{'  vs duration groups (CPU, median)':34} {'':13}indexed {ours.median * 1e3:9.3f} ms  "
              f"groups {theirs.median * 1e3:8.3f} ms  ratio {ours.median / theirs.median:8.2f}x (target <= 2x)")
    actor_id = actors[rng.randrange(N_ACTORS)].id
    answer = ds.events_involving(actor_id)
    assert answer == naive_involving(events, actor_id), "index and naive loop disagree"
    indexed = per_call(lambda: ds.events_involving(actor_id), repeat=50)
    naive = per_call(lambda: naive_involving(events, actor_id), repeat=naive_repeat)
    print(f"{'events_involving':34} {len(answer):7,} hits  indexed {indexed * 1e3:9.3f} ms  "
          f"naive {naive * 1e3:9.1f} ms  ratio {naive / indexed:8.0f}x")
    lookup = per_call(lambda: ds.actor("ACTOR 17"), repeat=1000)
    print(f"{'actor() lookup by name':34} {'':13}indexed {lookup * 1e6:9.2f} µs")


def bench_load() -> None:
    """Time load() of the bundled data set, cold in a fresh process and cached."""
    cold_code = ("import time, caucasus_conflict as cc; t = time.perf_counter(); cc.load(); "
                 "print(time.perf_counter() - t)")
    colds = [float(subprocess.check_output([sys.executable, "-c", cold_code], text=True)) for _ in range(5)]
    cc.load()
    cached = per_call(cc.load, repeat=10_000)
    print("\n## bundled data set")
    print(f"load() cold (median of 5 fresh processes): {statistics.median(colds) * 1e3:7.2f} ms")
    print(f"load() cached:                             {cached * 1e6:7.3f} µs")


def bench_import() -> None:
    """Time ``import caucasus_conflict`` with -X importtime (cumulative µs of the package)."""
    totals = []
    for _ in range(5):
        result = subprocess.run([sys.executable, "-X", "importtime", "-c", "import caucasus_conflict"],
                                capture_output=True, text=True, check=True)
        line = [x for x in result.stderr.splitlines() if x.rstrip().endswith("| caucasus_conflict")][-1]
        totals.append(int(line.split("|")[1]))
    print(f"import caucasus_conflict (median of 5, -X importtime cumulative): {statistics.median(totals) / 1e3:7.1f} ms")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the 10^6 size")
    parser.add_argument("--sizes", type=int, nargs="+", metavar="N", help="measure these sizes instead")
    args = parser.parse_args(argv)
    print(f"# caucasus_conflict {cc.__version__} on Python {sys.version.split()[0]}")
    sizes = args.sizes or ((10**4, 10**5) if args.quick else (10**4, 10**5, 10**6))
    for n in sizes:
        bench_size(n)
    bench_load()
    bench_import()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
