"""Draw the timeline pictures that issue #12 asks to look at, and time them.

Writes, into a directory (default: ``pictures/``), the bundled data set in both views and
10,000 generated events: ``synthetic.py``'s mix from 1950 to 2024 (drawn per year, as it
covers more than 40 years) and a conflict-shaped mix in 2020-2023 (drawn per month, with
its ceasefires). Look at them after a change to ``plot.py``:

    python benchmarks/plot_pictures.py --events 10000 --out pictures
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from synthetic import CITE, KINDS, SOURCE_ID, synthetic_file

import caucasus_conflict as cc
from caucasus_conflict.plot import plot_timeline


def conflict_file(n: int, seed: int = 2) -> dict[str, Any]:
    """*n* events between 2020-09 and 2023-12, most of them days in two bursts of fighting, and three ceasefires."""
    rng = random.Random(seed)
    bursts = [(date(2020, 9, 27), 44), (date(2023, 9, 19), 2), (date(2021, 1, 1), 1090)]
    events = []
    for i in range(n):
        start, days = bursts[0] if rng.random() < 0.5 else bursts[1] if rng.random() < 0.2 else bursts[2]
        day = start + timedelta(days=rng.randrange(days))
        roll = rng.random()
        span = day.isoformat() if roll < 0.8 else day.isoformat()[:7] if roll < 0.95 else \
            day.isoformat()[:4] if roll < 0.99 else f"{day.isoformat()}/.."
        kind = rng.choice(KINDS[:4] if rng.random() < 0.6 else KINDS)
        events.append({"id": f"event-{i}", "kind": kind, "summary": f"generated event {i}", "span": span,
                       "citations": CITE})
    parties = [{"id": "side-a", "name": "Side A", "kind": "state", "citations": CITE},
               {"id": "side-b", "name": "Side B", "kind": "state", "citations": CITE}]
    ceasefires = [{"id": f"truce-{i}", "name": name, "declared": when, "party_ids": ["side-a", "side-b"],
                   "citations": CITE}
                  for i, (name, when) in enumerate([("First truce", "2020-10-10"), ("Armistice", "2020-11-10"),
                                                    ("Second truce", "2023-09-20")])]
    return {"format": cc.FORMAT,
            "sources": [{"id": SOURCE_ID, "title": "Generated events", "publisher": "benchmarks/plot_pictures.py",
                         "url": "https://example.org/generated", "published": "2024", "credit": "generated",
                         "blocks": 1}],
            "actors": parties, "events": events, "ceasefires": ceasefires}


def main() -> None:
    """Write the pictures and print how long each took."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000, help="how many events to generate (default 10000)")
    parser.add_argument("--out", type=Path, default=Path("pictures"), help="the directory to write to")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    bundled = cc.load()
    jobs: list[tuple[str, cc.Dataset, dict[str, Any]]] = [
        ("bundled-rows.png", bundled, {}),
        ("bundled-density.png", bundled, {"view": "density"}),
        ("synthetic.png", cc.from_dict(synthetic_file(args.events)), {}),
        ("conflict.png", cc.from_dict(conflict_file(args.events)), {}),
    ]
    for name, ds, options in jobs:
        began = time.process_time()
        plot_timeline(ds.chronology(), ds.ceasefires, path=args.out / name, credit=ds.sources[0].credit, **options)
        print(f"{name}: {len(ds.events)} events in {time.process_time() - began:.2f} s CPU")


if __name__ == "__main__":
    main()
