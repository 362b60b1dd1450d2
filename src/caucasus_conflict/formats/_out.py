"""What the writers share: the walk over a data set's events, rows in the order of their lines, source codes given back."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from caucasus_conflict.dataset import Dataset
from caucasus_conflict.errors import Problem
from caucasus_conflict.model import Citation, Event

from ._rows import ColumnSpec, Row
from ._values import Invalid

R = TypeVar("R", bound=Row)
T = TypeVar("T")

_NOT_EVENTS = (("ceasefires", "ceasefire"), ("claims", "claim"), ("stances", "stance"), ("territories", "territory"))


def event_rows(dataset: Dataset, row_of: Callable[[Event], tuple[R | None, str]],
               title: str) -> tuple[list[R], list[Problem]]:
    """The rows *row_of* makes of *dataset*'s events, in the order of the rows they cite, and what it left out.

    *row_of* returns a row, or ``None`` and why the event cannot be one; every record that is
    no event is left out too ("a claim is no ACLED event").
    """
    rows: list[R] = []
    order = LineOrder(dataset)
    left: list[Problem] = []
    for index, event in enumerate(dataset.events):
        row, why = row_of(event)
        if row is None:
            left.append(Problem(f"events[{index}]", f"{event.id} {why}"))
        else:
            rows.append(row)
            order.add(1, event.citations)
    for collection, word in _NOT_EVENTS:
        left += [Problem(f"{collection}[{i}]", f"{r.id}: a {word} is no {title} event")
                 for i, r in enumerate(getattr(dataset, collection))]
    return order.ordered(rows), left


class LineOrder:
    """A writer's rows put back in the order of the file lines their records cite.

    A reader cites each record's rows by line; the records are listed in an order of their
    own (conflicts by UCDP id, a ceasefire's rows together), so rows written record by
    record would land on other lines, and read back every citation would change. The writer
    gives each record's rows with `add` and writes `ordered`: rows citing lines of one
    source sit in line order, the sources in the data set's order, and a row citing no line
    (a record not read from a file) stays after the row given before it.

    Examples:
        >>> from caucasus_conflict import Citation, load
        >>> order = LineOrder(load())
        >>> sid = load().sources[0].id
        >>> order.add(2, (Citation(sid, rows=(4, 2)),))
        >>> order.add(1, (Citation(sid, rows=(3,)),))
        >>> order.add(1, ())  # cites no line: stays after the row before it
        >>> order.ordered(["a4", "a2", "b3", "c"])
        ['a2', 'b3', 'c', 'a4']
    """

    def __init__(self, dataset: Dataset) -> None:
        self._ranks = {source.id: rank for rank, source in enumerate(dataset.sources)}
        self._places: list[tuple[int, int]] = []

    def add(self, count: int, citations: Sequence[Citation]) -> None:
        """The places of a record's next *count* rows: the lines of its first citation naming one per row."""
        for cite in citations:
            if len(cite.rows) == count and cite.source_id in self._ranks:
                rank = self._ranks[cite.source_id]
                self._places += [(rank, line) for line in cite.rows]
                return
        self._places += [self._places[-1] if self._places else (-1, 0)] * count

    def ordered(self, rows: Sequence[T]) -> list[T]:
        """*rows*, one per place added, in the order of their places (rows of one place keep their order)."""
        if len(rows) != len(self._places):
            raise ValueError(f"{len(rows)} rows for {len(self._places)} places")  # a writer's bug, not the data's
        order = sorted(range(len(rows)), key=self._places.__getitem__)
        return [rows[k] for k in order]


def given_back(kept: dict[str, str], cells: dict[str, Any], specs: dict[str, ColumnSpec]) -> tuple[tuple[str, str], ...]:
    """Put the kept texts of mapped columns into *cells*; return the ones a row keeps as its source codes.

    A text the column's codec reads becomes the row's value; one it does not (a value the
    reader set aside) and an unmapped column go back verbatim, as the row reader kept them.
    """
    verbatim = []
    for column, text in kept.items():
        spec = specs.get(column)
        if spec is None:
            verbatim.append((column, text))
            continue
        try:
            cells[spec.field] = spec.codec.parse(text)
        except Invalid:
            cells[spec.field] = spec.codec.empty
            verbatim.append((column, text))
    return tuple(verbatim)
