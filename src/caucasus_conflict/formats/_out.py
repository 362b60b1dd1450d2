"""What the event writers (`ucdp-ged`, `acled`) share: the walk over a data set, and giving source codes back."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from caucasus_conflict.dataset import Dataset
from caucasus_conflict.errors import Problem
from caucasus_conflict.model import Event

from ._rows import ColumnSpec, Row
from ._values import Invalid

R = TypeVar("R", bound=Row)

_NOT_EVENTS = (("ceasefires", "ceasefire"), ("claims", "claim"), ("stances", "stance"), ("territories", "territory"))


def event_rows(dataset: Dataset, row_of: Callable[[Event], tuple[R | None, str]],
               title: str) -> tuple[list[R], list[Problem]]:
    """The rows *row_of* makes of *dataset*'s events, in the order of the rows they cite, and what it left out.

    *row_of* returns a row, or ``None`` and why the event cannot be one; every record that is
    no event is left out too ("a claim is no ACLED event").
    """
    rows: list[R] = []
    left: list[Problem] = []
    order = sorted(range(len(dataset.events)), key=lambda i: _line(dataset.events[i]))
    for index in order:
        event = dataset.events[index]
        row, why = row_of(event)
        if row is None:
            left.append(Problem(f"events[{index}]", f"{event.id} {why}"))
        else:
            rows.append(row)
    for collection, word in _NOT_EVENTS:
        left += [Problem(f"{collection}[{i}]", f"{r.id}: a {word} is no {title} event")
                 for i, r in enumerate(getattr(dataset, collection))]
    return rows, left


def _line(event: Event) -> tuple[int, str]:
    """The first line of a data file the event cites (events of no file last), so a file's rows keep their order."""
    lines = [line for c in event.citations for line in c.rows]
    return (min(lines) if lines else 1 << 62, event.id)


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
