"""Bulk builds pause the cyclic garbage collector and give it back as they found it (#13).

A user's program may run with the collector off (or tuned on); loading, reading, building a
data set and its first query must leave that choice as it was, on every path, errors
included, and while other threads build at the same time.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import caucasus_conflict as cc
from caucasus_conflict import _index
from caucasus_conflict._gc import gc_paused

from .conftest import FIXTURES

FORMATS = Path(__file__).parent / "fixtures" / "formats"


@pytest.fixture(params=[True, False], ids=["collector on", "collector off"])
def collector(request: pytest.FixtureRequest) -> Iterator[bool]:
    """The collector switched on or off for the test, and switched back after it."""
    was = gc.isenabled()
    (gc.enable if request.param else gc.disable)()
    try:
        yield request.param
    finally:
        (gc.enable if was else gc.disable)()


OPERATIONS: dict[str, Callable[[], object]] = {
    "load": lambda: cc.load(FIXTURES / "minimal.json"),
    "loads": lambda: cc.loads((FIXTURES / "minimal.json").read_text(encoding="utf-8")),
    "read": lambda: cc.read(FORMATS / "acd.csv"),
    "first query": lambda: cc.load(FIXTURES / "minimal.json").events_between("1900", "2100"),
    "Dataset()": lambda: cc.Dataset(sources=cc.load(FIXTURES / "minimal.json").sources,
                                    actors=cc.load(FIXTURES / "minimal.json").actors),
}
FAILING: dict[str, Callable[[], object]] = {
    "load of a bad file": lambda: cc.load(FIXTURES / "invalid_values.json"),
    "loads of bad JSON": lambda: cc.loads("{"),
    "read of a file of no format": lambda: cc.read(FORMATS / "unknown.csv"),
    "Dataset() with a dangling reference": lambda: cc.Dataset(actors=cc.load(FIXTURES / "minimal.json").actors),
}


@pytest.mark.parametrize("name", OPERATIONS)
def test_operations_leave_the_collector_as_found(collector: bool, name: str) -> None:
    OPERATIONS[name]()
    assert gc.isenabled() is collector


@pytest.mark.parametrize("name", FAILING)
def test_failures_leave_the_collector_as_found(collector: bool, name: str) -> None:
    with pytest.raises(cc.CaucasusConflictError):
        FAILING[name]()
    assert gc.isenabled() is collector


def test_an_error_while_building_the_indexes_leaves_the_collector_on(
        collector: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """A failure inside the first query's index build (a bug, a MemoryError) gives the collector back too."""
    def failing(**_: object) -> _index.Indexes:
        assert not gc.isenabled(), "the indexes are built with the collector paused"
        raise MemoryError

    ds = cc.load(FIXTURES / "minimal.json")
    monkeypatch.setattr("caucasus_conflict.dataset.build_indexes", failing)
    with pytest.raises(MemoryError):
        ds.events_between("1900", "2100")
    assert gc.isenabled() is collector


def test_concurrent_loads_restore_the_collector_once_the_last_ends() -> None:
    """Loads in several threads: the collector is back on when they are all done, not before or never."""
    assert gc.isenabled()
    text = (FIXTURES / "minimal.json").read_text(encoding="utf-8")
    start = threading.Barrier(6)
    errors: list[BaseException] = []

    def work() -> None:
        try:
            start.wait()
            for _ in range(20):
                cc.loads(text).events_between("1900", "2100")
        except BaseException as error:  # reported by the assertion below
            errors.append(error)

    threads = [threading.Thread(target=work) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert gc.isenabled()


# -- what a build leaves the collector: no backlog, and a program's frozen objects frozen ------

class _Node:  # a tracked object, as a record is
    __slots__ = ("value",)

    def __init__(self, value: int) -> None:
        self.value = value


@pytest.fixture
def nothing_frozen() -> Iterator[None]:
    """The collector on and nothing frozen, as most programs run, and restored after the test."""
    was = gc.isenabled()
    gc.unfreeze()
    gc.enable()
    yield
    gc.unfreeze()
    (gc.enable if was else gc.disable)()


def test_records_built_are_not_left_for_a_young_collection(nothing_frozen: None) -> None:
    """Built while paused, 50,000 objects would make the next allocation walk them all: they are moved on first.

    Left in the youngest generation, a read of 10^5 GED rows paid a quarter of its time for
    that walk; in the oldest, only a full collection walks them, as every long-lived object.
    """
    gc.collect()
    # On Python 3.12 a collection moves the immortal objects it meets to the permanent
    # generation, where they count as frozen (and the move is skipped): unfrozen here, with
    # too few allocations before the block for another collection to start.
    gc.unfreeze()
    with gc_paused():
        built = [_Node(n) for n in range(50_000)]
        assert gc.get_count()[0] >= 50_000  # counted while paused
    assert gc.get_count()[0] < 1_000  # the count starts again
    young = {id(o) for o in gc.get_objects(generation=0)}
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    sample = built[::1000]
    assert not any(id(node) in young for node in sample)
    assert all(id(node) in oldest for node in sample)


def test_a_programs_frozen_objects_stay_frozen(nothing_frozen: None) -> None:
    """A program that froze its objects (a server, before it forks) keeps them frozen after a load."""
    kept = [_Node(n) for n in range(100)]
    gc.freeze()
    frozen = gc.get_freeze_count()
    assert frozen >= len(kept)
    cc.load(FIXTURES / "minimal.json")
    assert gc.get_freeze_count() == frozen
    assert gc.isenabled()
