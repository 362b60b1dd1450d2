"""Measure every target of issue #13 as a ratio against its baseline, in one run.

Run from the README's test environment (``pip install '.[test]'``)::

    python benchmarks/load.py                     # 10^4 and 10^5 events (a few minutes)
    python benchmarks/load.py --sizes 1e4,1e5     # the same, sizes given
    python benchmarks/load.py --full              # 10^4, 10^5 and 10^6 (slow: about half an hour, 4 GB)

For each size it generates a synthetic data set file (`synthetic.py`: shaped like UCDP
GED and ACLED events, made with `random`, not Hypothesis) and measures, in CPU seconds
(`time.process_time`; min and median of repeats, each after an untimed garbage
collection):

- ``cc.loads`` of the file's text against ``json.loads`` of the same text;
- ``cc.dumps`` against ``json.dumps`` of the same plain data (``cc.to_dict``'s output);
- the memory a loaded data set keeps, per event: its records and indexes as tracemalloc
  counts them, and the process's resident memory (``VmRSS`` of ``/proc/self/status``)
  after ``cc.load`` of the file in a fresh interpreter, minus the same before the load;
- building a `Dataset` from its records (the integrity checks), µs per event, and the same
  with its query indexes built (a data set builds them on its first query); ``cc.loads``
  and the memory figures are measured with the indexes built;
- ``events_between`` for one day, 30 days and a tenth of the events, against the
  bisect-over-duration-groups baseline of ``queries.DurationGroups``;
- ``controller_of`` (120 control periods, and the bundled data's Lachin corridor) and
  ``stances_toward``/``actors_by_stance`` with ``at=`` against naive loops;

then, once: ``import caucasus_conflict`` against ``import attrs, cattrs, pendulum``, each
in fresh interpreters reading bytecode caches (as after ``pip install``), and the time to reject a file of 100,000 bad records
(``{"id": i}``). Every figure is printed beside its target with PASS or MISS, and last
as a Markdown table for ``docs/performance.md``. Every answer is checked against its
baseline's before it is timed; no test asserts a time.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import subprocess
import sys
import tempfile
import tracemalloc
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

import attrs
import queries
import synthetic
from queries import DurationGroups, Timing, cpu_time

import caucasus_conflict as cc

#: Measures the resident memory that ``cc.load`` adds, in a fresh interpreter.
RSS_CHILD = """
import gc, json, sys
import caucasus_conflict as cc

def status(key):
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith(key + ":"):
                return int(line.split()[1]) * 1024
    raise SystemExit(f"no {key} in /proc/self/status")

gc.collect()
before = status("VmRSS")
ds = cc.load(sys.argv[1])
ds._state.indexes  # built on the first query: counted, as a user's first query builds them
gc.collect()
print(json.dumps({"before": before, "after": status("VmRSS"), "peak": status("VmHWM"), "events": len(ds.events)}))
"""

#: Times one import in a fresh interpreter, in CPU seconds.
IMPORT_CHILD = "import time; t = time.process_time(); import {modules}; print(time.process_time() - t)"


@attrs.frozen
class Figure:
    """One measured figure beside its target."""

    name: str
    size: str
    measured: str
    baseline: str
    value: float
    target: float
    unit: str
    #: For a ratio: the ratio of the two minimums, printed beside the medians' one.
    value_min: float | None = None

    @property
    def passed(self) -> bool:
        return self.value <= self.target

    @property
    def verdict(self) -> str:
        return "PASS" if self.passed else "MISS"

    @property
    def shown(self) -> str:
        """The value with its unit, and the minimums' ratio for a ratio."""
        value = f"{self.value:,.0f}{self.unit}" if self.unit == " B" else f"{self.value:,.2f}{self.unit}"
        return value if self.value_min is None else f"{value} (min {self.value_min:,.2f}×)"

    def line(self) -> str:
        return (f"{self.name:50} {self.size:>11}  {self.measured:>26}  {self.baseline:>26}  {self.shown:>21}  "
                f"<= {self.target:g}{self.unit:3} {self.verdict}")


def us(seconds: float) -> str:
    return f"{seconds * 1e6:,.2f} µs" if seconds < 1e-3 else f"{seconds * 1e3:,.1f} ms" if seconds < 1 \
        else f"{seconds:,.2f} s"


def pair(timing: Timing, per: int = 1) -> str:
    """'min / median' of a timing, per item when *per* > 1."""
    if per > 1:
        return f"{timing.min / per * 1e6:,.2f} / {timing.median / per * 1e6:,.2f} µs/ev"
    return f"{us(timing.min)} / {us(timing.median)}"


def ratio(name: str, size: str, measured: Timing, baseline: Timing, target: float, per: int = 1) -> Figure:
    """A figure whose value is the ratio of the medians; the minimums' ratio is kept beside it."""
    return Figure(name, size, pair(measured, per), pair(baseline, per), measured.median / baseline.median, target,
                  "×", measured.min / baseline.min)


def announce(figure: Figure) -> Figure:
    print(figure.line(), flush=True)
    return figure


class Run:
    """The options shared by every measurement."""

    def __init__(self, repeat: int, budget: float) -> None:
        self.repeat = repeat
        self.budget = budget

    def time(self, fn: Callable[[], object], calls: int = 1) -> Timing:
        return cpu_time(fn, repeat=self.repeat, calls=calls, budget=self.budget)


def bench_size(run: Run, n: int, costs: dict[str, list[float]]) -> list[Figure]:
    """Every per-size figure for a synthetic file of *n* events; appends per-event costs to *costs*."""
    size = f"{n:,}"
    text = json.dumps(synthetic.synthetic_file(n))
    print(f"\n## {n:,} events ({len(text) / n:,.0f} bytes/event of JSON)", flush=True)
    ds = cc.loads(text)  # warm up: the converter builds its hooks on first use
    loads = run.time(lambda: indexed(cc.loads(text)))
    figures = [announce(ratio("cc.loads vs json.loads", size, loads, run.time(lambda: json.loads(text)), 2, per=n))]
    dumps = run.time(lambda: cc.dumps(ds))
    figures.append(announce(ratio("cc.dumps vs json.dumps of to_dict", size, dumps, plain_dumps(run, ds), 2,
                                  per=n)))
    figures += memory(n, text)
    def build_dataset() -> cc.Dataset:
        return cc.Dataset(sources=ds.sources, actors=ds.actors, territories=ds.territories, events=ds.events,
                          stances=ds.stances)

    build = run.time(build_dataset)
    figures.append(announce(Figure("Dataset build (records -> checked)", size, pair(build, n), "",
                                   build.median / n * 1e6, 3, " µs")))
    built = run.time(lambda: indexed(build_dataset()))
    figures.append(announce(Figure("Dataset build + every index (first query)", size, pair(built, n), "",
                                   built.median / n * 1e6, 3, " µs")))
    for name, timing in (("cc.loads", loads), ("cc.dumps", dumps), ("Dataset build", build),
                         ("Dataset build + every index", built)):
        costs.setdefault(name, []).append(timing.median / n)
    figures += query_figures(run, ds, size)
    return figures


def indexed(ds: cc.Dataset) -> cc.Dataset:
    """*ds* with its query indexes built, as its first query builds them (they are built on first use)."""
    ds._state.indexes  # noqa: B018 - the property builds them
    return ds


def plain_dumps(run: Run, ds: cc.Dataset) -> Timing:
    """``json.dumps`` of the plain data that `cc.dumps` writes (``cc.to_dict``), as `cc.dumps` calls it."""
    plain = cc.to_dict(ds)
    if json.loads(cc.dumps(ds)) != plain:
        raise AssertionError("cc.dumps and cc.to_dict disagree")
    return run.time(lambda: json.dumps(plain, ensure_ascii=False))


def memory(n: int, text: str) -> list[Figure]:
    """Records and indexes by tracemalloc (this process); resident memory after a load (a fresh one)."""
    size = f"{n:,}"
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    ds = indexed(cc.loads(text))
    kept, peak = (x - before for x in tracemalloc.get_traced_memory())
    tracemalloc.stop()
    del ds
    figures = [announce(Figure("memory: records + indexes (tracemalloc)", size, f"{kept / n:,.0f} B/ev",
                               f"peak {peak / n:,.0f} B/ev", kept / n, 1000, " B"))]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "events.json"
        path.write_text(text, encoding="utf-8")
        out = subprocess.run([sys.executable, "-c", RSS_CHILD, str(path)], capture_output=True, text=True,
                             check=True)
    rss = json.loads(out.stdout)
    if rss["events"] != n:
        raise AssertionError("the fresh interpreter loaded another data set")
    kept_rss = (rss["after"] - rss["before"]) / n
    figures.append(announce(Figure("memory: process RSS after cc.load", size, f"{kept_rss:,.0f} B/ev",
                                   f"peak {(rss['peak'] - rss['before']) / n:,.0f} B/ev", kept_rss, 1500, " B")))
    return figures


def query_figures(run: Run, ds: cc.Dataset, size: str) -> list[Figure]:
    """events_between against the duration-groups baseline; at= queries against naive loops."""
    figures = []
    baseline = DurationGroups(ds.chronology())
    rng = random.Random(3)
    middle = synthetic.FIRST.toordinal() + synthetic.DAYS // 2
    day = date.fromordinal(middle + rng.randrange(-365, 365))
    month_end = date.fromordinal(day.toordinal() + 29)
    windows = {"one day": (day.isoformat(), day.isoformat()),
               "30 days": (day.isoformat(), month_end.isoformat()),
               "10% of events": queries.window_for(ds, 0.10, rng)}
    for label, (start, end) in windows.items():
        answer = ds.events_between(start, end)
        if answer != baseline.between(start, end):
            raise AssertionError(f"events_between and the baseline disagree on {label}")
        calls = max(1, min(1000, 20_000 // (len(answer) + 10)))
        figures.append(announce(ratio(f"events_between {label} ({len(answer):,} hits)", size,
                                      run.time(lambda s=start, e=end: ds.events_between(s, e), calls),  # type: ignore[misc]
                                      run.time(lambda s=start, e=end: baseline.between(s, e), calls), 2)))  # type: ignore[misc]
    territory = ds.territory("territory-0")
    at = day.isoformat()
    if ds.controller_of(territory, at=at) != queries.naive_controller_of(territory, at):
        raise AssertionError("controller_of and the naive loop disagree")
    figures.append(announce(ratio(f"controller_of at= ({len(territory.control)} periods)", size,
                                  run.time(lambda: ds.controller_of(territory, at=at), 1000),
                                  run.time(lambda: queries.naive_controller_of(territory, at), 1000), 1)))
    kind, actor = cc.StanceKind.SUPPORTS, ds.actor("actor-0")
    at = "2000-06-01"
    by_id = sorted(ds.stances_toward(kind, toward=actor, at=at), key=lambda s: s.id)
    if by_id != sorted(queries.naive_stances_toward(ds.stances, kind, actor.id, at), key=lambda s: s.id):
        raise AssertionError("stances_toward and the naive loop disagree")
    figures.append(announce(ratio(f"stances_toward at= ({len(ds.stances)} stances)", size,
                                  run.time(lambda: ds.stances_toward(kind, toward=actor, at=at), 1000),
                                  run.time(lambda: queries.naive_stances_toward(ds.stances, kind, actor.id, at),
                                           1000), 1)))

    def naive_holders() -> tuple[cc.Actor, ...]:
        holders = {s.holder_id for s in queries.naive_stances_toward(ds.stances, kind, actor.id, at)}
        return tuple(ds.actor(h) for h in sorted(holders))

    if ds.actors_by_stance(kind, toward=actor, at=at) != naive_holders():
        raise AssertionError("actors_by_stance and the naive loop disagree")
    figures.append(announce(ratio("actors_by_stance at=", size,
                                  run.time(lambda: ds.actors_by_stance(kind, toward=actor, at=at), 1000),
                                  run.time(naive_holders, 1000), 1)))
    return figures


def once(run: Run, bad: int) -> list[Figure]:
    """The figures that do not depend on the data set's size."""
    print("\n## size-independent", flush=True)
    bundled = cc.load()
    lachin = bundled.territory("Lachin corridor")
    at = "2021-06-01"
    if bundled.controller_of(lachin, at=at) != queries.naive_controller_of(lachin, at):
        raise AssertionError("controller_of and the naive loop disagree on the bundled data")
    figures = [announce(ratio(f"controller_of at= (bundled, {len(lachin.control)} period)", "bundled",
                              run.time(lambda: bundled.controller_of(lachin, at=at), 1000),
                              run.time(lambda: queries.naive_controller_of(lachin, at), 1000), 1))]
    ours = import_time(run, "caucasus_conflict")
    theirs = import_time(run, "attrs, cattrs, pendulum")
    figures.append(announce(ratio("import caucasus_conflict vs attrs+cattrs+pendulum", "fresh", ours, theirs,
                                  1.3)))
    text = json.dumps({"format": cc.FORMAT, "events": [{"id": i} for i in range(bad)]})
    found: list[int] = []

    def reject() -> None:
        try:
            cc.loads(text)
        except cc.DataError as exc:
            found[:] = [len(exc.problems)]
        else:
            raise AssertionError("a file of bad records loaded")

    timing = run.time(reject)
    figures.append(announce(Figure(f"reject {bad:,} bad records ({found[0]:,} problems listed)", f"{bad:,}",
                                   pair(timing), "", timing.median, 3, " s")))
    return figures


def import_time(run: Run, modules: str) -> Timing:
    """CPU seconds of ``import <modules>`` in fresh interpreters, *repeat* of them (at least 3)."""
    code = IMPORT_CHILD.format(modules=modules)
    # Bytecode caches allowed, and written by an untimed first import: pip compiles an installed
    # package's modules when it installs them, as it did the dependencies', so a user's import
    # reads bytecode. With PYTHONDONTWRITEBYTECODE set (some shells and containers set it) an
    # editable install would compile every module of the library on every import, and of the
    # dependencies none: that measured the compiler (2.4× in one run against 1.7×), not the import.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPROFILEIMPORTTIME", "PYTHONDONTWRITEBYTECODE")}
    subprocess.run([sys.executable, "-c", code], capture_output=True, check=True, env=env)
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                                 env=env).stdout) for _ in range(max(3, run.repeat))]
    return Timing(tuple(runs))


def growth(sizes: Sequence[int], per_event: dict[str, list[float]]) -> list[Figure]:
    """Per-event cost from the smallest to the largest size, against what n log n allows."""
    if len(sizes) < 2:
        return []
    low, high = sizes[0], sizes[-1]
    allowed = math.log(high) / math.log(low)
    result = []
    for name, costs in per_event.items():
        grew = costs[-1] / costs[0]
        result.append(announce(Figure(f"growth of {name} per event", f"{low:,}->{high:,}",
                                      f"{costs[0] * 1e6:,.2f} -> {costs[-1] * 1e6:,.2f} µs", "n log n allows",
                                      grew / allowed, 1, "×")))
    return result


def machine() -> str:
    """nproc, the CPU model and the Python version, for the record."""
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{os.cpu_count()} CPUs ({model}), Python {platform.python_version()}, "
            f"caucasus_conflict {cc.__version__}")


def table(figures: Sequence[Figure]) -> str:
    """The figures as a Markdown table."""
    rows = ["| figure | n | measured (min / median) | baseline (min / median) | value | target | |",
            "| --- | ---: | ---: | ---: | ---: | ---: | --- |"]
    rows += [f"| {f.name} | {f.size} | {f.measured} | {f.baseline} | {f.shown} | ≤ {f.target:g}{f.unit} | "
             f"{f.verdict} |" for f in figures]
    return "\n".join(rows)


def parse_sizes(text: str) -> list[int]:
    """``"1e4,1e5"`` -> ``[10000, 100000]``."""
    try:
        sizes = [int(float(part)) for part in text.split(",")]
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected sizes such as 1e4,1e5 (got {text!r})") from None
    if any(size < 1 for size in sizes):
        raise argparse.ArgumentTypeError(f"sizes must be at least 1 (got {text!r})")
    return sizes


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=parse_sizes, default=[10**4, 10**5], metavar="N,N",
                        help="data-set sizes in events, comma-separated (default 1e4,1e5)")
    parser.add_argument("--full", action="store_true", help="measure 1e4,1e5,1e6 (slow)")
    parser.add_argument("--repeat", type=int, default=5, help="repeats per figure (default 5)")
    parser.add_argument("--budget", type=float, default=20.0,
                        help="stop repeating a figure once it has used this many CPU seconds (default 20)")
    parser.add_argument("--bad", type=int, default=100_000, help="bad records to reject (default 100000)")
    args = parser.parse_args(argv)
    sizes = [10**4, 10**5, 10**6] if args.full else args.sizes
    run = Run(args.repeat, args.budget)
    print(f"# {machine()}")
    print(f"# CPU time, min / median of up to {args.repeat} repeats; value = median / baseline median")
    figures: list[Figure] = []
    per_event: dict[str, list[float]] = {}
    for n in sizes:
        figures += bench_size(run, n, per_event)
    figures += once(run, args.bad)
    figures += growth(sizes, per_event)
    print(f"\n## table\n\n{machine()}\n\n{table(figures)}")
    missed = [f for f in figures if not f.passed]
    print(f"\n{len(figures) - len(missed)} of {len(figures)} targets met")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
