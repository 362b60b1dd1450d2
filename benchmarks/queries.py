"""Measure the query helpers on synthetic data sets of 10^4, 10^5 and 10^6 events.

Run from the README's test environment (``pip install '.[test]'``)::

    python benchmarks/queries.py            # 10^4, 10^5 and 10^6 events (about two minutes)
    python benchmarks/queries.py --quick    # 10^4 and 10^5 only

It prints, for each size: the time to build the `Dataset` (integrity checks and
indexes), the per-query latency of ``events_between`` (a selective window holding about
0.1% of the events and a broad one holding about 10%) and of ``events_involving``, the
same answers from a naive loop over every event, the ratio naive/indexed, and the
memory the indexes take per event (tracemalloc). Then it times ``load()`` of the bundled
file, cold (in a fresh process) and cached, and ``import caucasus_conflict`` with
``python -X importtime``. Every figure is measured in this run; nothing is compared with
a stored number, and no test asserts a time.

The synthetic mix, shaped like event data sets such as UCDP GED and ACLED (mostly exact
days, some months and years) plus the long records a conflict data set also holds
(wars, occupations): 85% of spans are days, 10% months, 4.5% years, 0.4% multi-year
ranges (2..30 years), 0.05% open-ended ranges and 0.05% unknown. Each event has 1..3 of
200 actors. Dates fall between 1950 and 2024. Every window overlaps the multi-year and
open spans around it, so the most selective window still holds about 0.1% of events.
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
from collections.abc import Callable
from datetime import date, timedelta

import caucasus_conflict as cc

FIRST = date(1950, 1, 1)
DAYS = (date(2024, 12, 31) - FIRST).days
SOURCE = cc.Source(id=cc.SourceId("synthetic"), title="Synthetic events", publisher="benchmarks/queries.py",
                   url="https://example.org/synthetic", published=cc.TimeSpan.parse("2024"), credit="generated",
                   blocks=1)
CITE = (cc.Citation(cc.SourceId("synthetic"), (1,)),)
N_ACTORS = 200


def random_span(rng: random.Random) -> cc.TimeSpan:
    """One span from the realistic mix described in the module docstring."""
    day = FIRST + timedelta(days=rng.randrange(DAYS))
    roll = rng.random()
    if roll < 0.85:
        return cc.TimeSpan.day(day.year, day.month, day.day)
    if roll < 0.95:
        return cc.TimeSpan.month(day.year, day.month)
    if roll < 0.995:
        return cc.TimeSpan.year(day.year)
    if roll < 0.999:
        return cc.TimeSpan.between(day, day + timedelta(days=rng.randrange(2 * 365, 30 * 365)))
    if roll < 0.9995:
        return cc.TimeSpan.between(day, None)
    return cc.TimeSpan.unknown()


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


def bench_size(n: int) -> None:
    """Print the figures for one data-set size."""
    actors, events = synthetic_records(n)
    gc.collect()
    start = time.perf_counter()
    ds = cc.Dataset(sources=(SOURCE,), actors=actors, events=events)
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
    kept, peak = (x - before for x in tracemalloc.get_traced_memory())
    tracemalloc.stop()
    rng = random.Random(2)
    print(f"\n## {n:,} events")
    print(f"build Dataset (checks + indexes): {build:8.3f} s")
    print(f"index memory beyond the records:  {kept / n:8.0f} bytes/event kept, {peak / n:.0f} bytes/event at peak")
    naive_repeat = 3 if n >= 10**6 else 5
    for label, fraction in (("events_between selective (~0.1%)", 0.001), ("events_between broad (~10%)", 0.10)):
        window = window_for(ds, fraction, rng)
        indexed_answer = ds.events_between(*window)
        assert indexed_answer == naive_between(events, *window), "index and naive loop disagree"
        indexed = per_call(lambda w=window: ds.events_between(*w), repeat=50)  # type: ignore[misc]
        naive = per_call(lambda w=window: naive_between(events, *w), repeat=naive_repeat)  # type: ignore[misc]
        print(f"{label:34} {len(indexed_answer):7,} hits  indexed {indexed * 1e3:9.3f} ms  "
              f"naive {naive * 1e3:9.1f} ms  ratio {naive / indexed:8.0f}x")
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
