"""The benchmark script keeps working: it runs on a small size and its answers agree.

No figure is asserted here (timings belong to the benchmark's own output); the script
itself asserts that every indexed answer equals its naive loop before timing it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).parents[1] / "benchmarks" / "queries.py"


class TestQueriesBenchmark:
    def test_runs_and_reports_every_figure(self) -> None:
        """A small run prints each figure the docs quote, and exits 0."""
        result = subprocess.run([sys.executable, str(SCRIPT), "--sizes", "2000"],
                                capture_output=True, text=True, check=True, timeout=300)
        for label in ("## 2,000 events", "build Dataset", "bytes/event kept", "events_between selective",
                      "events_between broad", "events_involving", "actor() lookup", "load() cold",
                      "load() cached", "import caucasus_conflict"):
            assert label in result.stdout, label
