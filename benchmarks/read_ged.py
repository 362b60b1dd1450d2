"""Reading UCDP GED-shaped files: rows with `formats.read_rows`, a data set with `cc.read` (#11).

Writes a GED file of N invented rows in the 49 columns of recent releases (exact days, the
Azerbaijan–Artsakh dyad, deaths split into parts), then measures in CPU time, min and median
of repeats, each against Python's own `csv.reader` over the same file in the same run:

    python benchmarks/read_ged.py --rows 100000 --repeat 3

The target of issue #11 is at most 20 µs per row. The last line adds one full run of the
cyclic garbage collector after the read, which walks the records once (they are left in
its oldest generation, see ``caucasus_conflict._gc``): the cost a long-running program
pays for them at its next full collection.
"""

from __future__ import annotations

import argparse
import csv
import gc
import io
import random
import statistics
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import caucasus_conflict as cc
from caucasus_conflict.formats import DataWarning, read_rows
from caucasus_conflict.formats.ucdp import GED

TARGET_US_PER_ROW = 20.0


def ged_text(rows: int, seed: int = 1) -> str:
    """A GED file of *rows* invented events (valid: best is the sum of its parts)."""
    rnd = random.Random(seed)
    columns = [spec.name for spec in GED.columns]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for i in range(rows):
        day = f"2020-{rnd.randint(9, 11):02d}-{rnd.randint(1, 28):02d} 00:00:00.000"
        a, b, c = rnd.randint(0, 5), rnd.randint(0, 5), rnd.randint(0, 3)
        values = {
            "id": i + 1, "relid": f"AZE-2020-1-833-{i}", "year": 2020, "active_year": 1, "code_status": "Clear",
            "type_of_violence": 1, "conflict_dset_id": 388, "conflict_new_id": 388,
            "conflict_name": "Azerbaijan: Nagorno-Karabakh", "dyad_dset_id": 833, "dyad_new_id": 833,
            "dyad_name": "Government of Azerbaijan - Republic of Artsakh", "side_a_dset_id": 64,
            "side_a_new_id": 64, "side_a": "Government of Azerbaijan", "side_b_dset_id": 338,
            "side_b_new_id": 338, "side_b": "Republic of Artsakh", "number_of_sources": 2,
            "source_article": "Invented Wire", "where_prec": 1, "where_coordinates": "Alpha",
            "where_description": "Alpha village", "adm_1": "Gamma", "latitude": 39.8, "longitude": 46.75,
            "geom_wkt": "POINT (46.75 39.8)", "priogrid_gid": 180813, "country": "Azerbaijan", "country_id": 373,
            "region": "Europe", "event_clarity": 1, "date_prec": 1, "date_start": day, "date_end": day,
            "deaths_a": a, "deaths_b": b, "deaths_civilians": c, "deaths_unknown": 0, "best": a + b + c,
            "high": a + b + c + 2, "low": a + b + c, "gwnoa": 373, "gwnob": "",
        }
        writer.writerow([values.get(column, "") for column in columns])
    return out.getvalue()


def cpu(action: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Min and median CPU seconds of *action* over *repeat* runs (collector as the caller left it)."""
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()
        action()
        times.append(time.process_time() - start)
    return min(times), statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ged.csv"
        path.write_text(ged_text(args.rows), encoding="utf-8")

        def baseline() -> object:
            with path.open(encoding="utf-8", newline="") as handle:
                return list(csv.reader(handle))

        def rows() -> object:
            return read_rows(path, "ucdp-ged")

        def dataset() -> object:
            with warnings.catch_warnings():
                warnings.simplefilter("error", DataWarning)  # the file is valid: nothing may be set aside
                return cc.read(path, "ucdp-ged")

        def dataset_collected() -> object:
            # The records are moved to the collector's oldest generation when the read ends
            # (caucasus_conflict._gc): its next full collection walks them once, as it walks
            # every object alive. This figure pays for that walk inside the read.
            ds = dataset()
            gc.collect()
            return ds

        def section(state: str) -> None:
            print(f"## {args.rows:,} GED-shaped rows, {state} (CPU, min / median of {args.repeat})")
            base = cpu(baseline, args.repeat)
            print(f"csv.reader baseline       {base[0] / args.rows * 1e6:7.1f} / {base[1] / args.rows * 1e6:7.1f} "
                  "µs/row")
            for label, action in (("formats.read_rows", rows), ("cc.read (a Dataset)", dataset),
                                  ("cc.read + a full gc", dataset_collected)):
                low, mid = cpu(action, args.repeat)
                per_row = mid / args.rows * 1e6
                verdict = "meets" if per_row <= TARGET_US_PER_ROW else "misses"
                print(f"{label:<25} {low / args.rows * 1e6:7.1f} / {per_row:7.1f} µs/row "
                      f"({mid / base[1]:.1f}x csv.reader); target <= {TARGET_US_PER_ROW:.0f} µs/row: {verdict}")

        result = read_rows(path, "ucdp-ged")
        assert len(result.rows) == args.rows
        assert not result.problems
        del result
        # Twice: in a process holding nothing else, then in one that holds a data set of the
        # same size (a program that has read a file before): every object alive is more for
        # the collector to walk, in the baseline as in the reads.
        section("nothing else alive")
        held = dataset()
        assert isinstance(held, cc.Dataset)
        assert len(held.events) == args.rows
        section(f"a data set of {args.rows:,} events alive")

if __name__ == "__main__":
    main()
