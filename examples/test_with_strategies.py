"""Testing your own code with ``caucasus_conflict.strategies`` (needs the ``strategies`` or ``test`` extra).

``strategies.datasets()`` generates whole, referentially valid data sets of
every record type, with dates of every precision (days, months, years, open
ranges, unknown). Here it tests a small function of "your own",
``events_per_year``, against a brute-force oracle built from ``TimeSpan``.

Run it as a script; ``hypothesis.given`` runs the property when the test
function is called, and the script prints how many examples ran::

    pip install 'caucasus-conflict[strategies]'   # or the [test] extra
    python examples/test_with_strategies.py

It is also an ordinary pytest test: ``pytest examples/test_with_strategies.py``.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

import caucasus_conflict as cc
from caucasus_conflict import strategies

FIRST_YEAR, LAST_YEAR = 1988, 2024
RUNS = {"examples": 0}


def events_per_year(ds: cc.Dataset, first: int, last: int) -> dict[int, int]:
    """Count, for each year from *first* to *last*, the events that can fall in it.

    An event dated to a range or left open counts in every year it can overlap;
    an undated event counts in none. This is the function under test.
    """
    return {year: len(ds.events_between(f"{year:04d}", f"{year:04d}")) for year in range(first, last + 1)}


@settings(max_examples=60, deadline=None)
@given(
    ds=strategies.datasets(
        max_events=15,
        spans=strategies.timespans(min_value=dt.date(FIRST_YEAR, 1, 1), max_value=dt.date(LAST_YEAR, 12, 31)),
    ),
    first=st.integers(FIRST_YEAR, LAST_YEAR),
    width=st.integers(0, 5),
)
def test_events_per_year(ds: cc.Dataset, first: int, width: int) -> None:
    """Each year's count equals a brute-force scan of the events' spans."""
    RUNS["examples"] += 1
    last = first + width
    counts = events_per_year(ds, first, last)
    assert list(counts) == list(range(first, last + 1))
    for year, count in counts.items():
        expected = sum(1 for event in ds.events if event.span.overlaps(cc.TimeSpan.year(year)))
        assert count == expected, (year, count, expected)
        assert count <= len(ds.events) - len(ds.undated_events())


def main() -> None:
    """Run the property test once, as Hypothesis would under pytest, and report."""
    test_events_per_year()
    print(f"test_events_per_year passed: {RUNS['examples']} examples ran")
    # The function works on the bundled data set too.
    print("Bundled events per year, 2019-2023:", events_per_year(cc.load(), 2019, 2023))


if __name__ == "__main__":
    main()
