"""The benchmark scripts keep working: they run on small sizes and their answers agree.

No figure is asserted here (timings belong to the benchmarks' own output); the scripts
themselves assert that every indexed answer equals its naive or baseline answer before
timing it, so a run that exits 0 has checked them.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).parents[1] / "benchmarks"

#: Every figure of issue #13's Targets that ``load.py`` prints, by the start of its label.
LOAD_FIGURES = ("cc.loads vs json.loads", "cc.dumps vs json.dumps of to_dict", "memory: records + indexes",
                "memory: process RSS after cc.load", "Dataset build (records", "Dataset build + every index",
                "events_between one day",
                "events_between 30 days", "events_between 10% of events", "controller_of at= (120 periods)",
                "stances_toward at=", "actors_by_stance at=", "controller_of at= (bundled",
                "import caucasus_conflict vs attrs+cattrs+pendulum", "reject 200 bad records",
                "growth of cc.loads per event", "growth of cc.dumps per event", "growth of Dataset build per event")


def run(script: str, *args: str) -> str:
    """Run a benchmark script and return what it printed; it must exit 0."""
    result = subprocess.run([sys.executable, str(BENCHMARKS / script), *args], capture_output=True, text=True,
                            check=False, timeout=600)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.slow  # runs a whole script: CI runs it, the README's quick command does not
class TestQueriesBenchmark:
    def test_runs_and_reports_every_figure(self) -> None:
        """A small run prints each figure the docs quote, and exits 0."""
        out = run("queries.py", "--sizes", "2000")
        for label in ("## 2,000 events", "build Dataset", "bytes/event kept", "events_between selective",
                      "vs duration groups", "events_between broad", "events_involving", "actor() lookup",
                      "load() cold", "load() cached", "import caucasus_conflict"):
            assert label in out, label


@pytest.mark.slow  # runs a whole script: CI runs it, the README's quick command does not
class TestLoadBenchmark:
    def test_runs_and_reports_every_target(self) -> None:
        """A tiny run prints every target with a verdict, in the lines and in the table, and exits 0."""
        out = run("load.py", "--sizes", "200,400", "--bad", "200", "--repeat", "1", "--budget", "1")
        lines, table = out.split("\n## table\n")
        for label in LOAD_FIGURES:
            printed = [line for line in lines.splitlines() if line.startswith(label)]
            assert printed, label
            assert all(line.endswith(("PASS", "MISS")) for line in printed), printed
            assert f"| {label}" in table, label
        assert "## 200 events" in lines
        assert "## 400 events" in lines
        assert "Python 3." in table
        assert table.rstrip().endswith(f"of {table.count('| PASS |') + table.count('| MISS |')} targets met")

    def test_sizes_are_checked(self) -> None:
        """A size that is not a number is a usage error naming the expected form."""
        result = subprocess.run([sys.executable, str(BENCHMARKS / "load.py"), "--sizes", "lots"],
                                capture_output=True, text=True, check=False, timeout=60)
        assert result.returncode == 2
        assert "expected sizes such as 1e4,1e5 (got 'lots')" in result.stderr

    def test_agrees_at_ten_thousand_events(self) -> None:
        """At 10^4 events every query answer equals its baseline's (the script checks before timing)."""
        out = run("load.py", "--sizes", "1e4", "--bad", "10000", "--repeat", "1", "--budget", "1")
        assert "## 10,000 events" in out


@pytest.mark.slow  # runs a whole script: CI runs it, the README's quick command does not
class TestReadGedBenchmark:
    def test_runs_and_reports_every_figure(self) -> None:
        """A small run reads the file both ways, checks the answers, and prints each figure against its target."""
        out = run("read_ged.py", "--rows", "300", "--repeat", "1")
        sections = ("## 300 GED-shaped rows, nothing else alive", "## 300 GED-shaped rows, a data set of 300 events alive")
        for section in sections:
            assert out.count(section) == 1
        for label in ("csv.reader baseline", "formats.read_rows", "cc.read (a Dataset)", "cc.read + a full gc"):
            assert out.count(label) == len(sections)
        # Every figure but the baseline is set against the target, in each section.
        assert out.count("target <= 20 µs/row") == 3 * len(sections)


@pytest.mark.slow  # runs a whole script: CI runs it, the README's quick command does not
class TestPlotPictures:
    def test_writes_every_picture(self, tmp_path: Path) -> None:
        """A small run writes the four pictures (bundled rows and density, two generated sets) as PNG (#12)."""
        pytest.importorskip("matplotlib")
        out = run("plot_pictures.py", "--events", "200", "--out", str(tmp_path))
        names = ("bundled-rows.png", "bundled-density.png", "synthetic.png", "conflict.png")
        for name in names:
            assert (tmp_path / name).read_bytes().startswith(b"\x89PNG")
            assert out.count(f"{name}: ") == 1
        assert "synthetic.png: 200 events in " in out
