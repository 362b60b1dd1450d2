"""What the writers share: the walk over a data set's events, rows in the order of their lines, source codes given back."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from caucasus_conflict.dataset import Dataset
from caucasus_conflict.errors import Problem
from caucasus_conflict.kinds import SourceKind
from caucasus_conflict.model import Citation, Event

from ._rows import ColumnSpec, Row
from ._values import Invalid

R = TypeVar("R", bound=Row)
T = TypeVar("T")

_NOT_EVENTS = (("ceasefires", "ceasefire"), ("claims", "claim"), ("stances", "stance"), ("territories", "territory"))


def event_rows(dataset: Dataset, row_of: Callable[[Event], tuple[R | None, str]],
               title: str, source_title: str) -> tuple[list[R], list[Problem]]:
    """The rows *row_of* makes of *dataset*'s events, in the order of the rows they cite, and what it left out.

    *row_of* returns a row, or ``None`` and why the event cannot be one; every record that is
    no event is left out too ("a claim is no ACLED event"). *source_title* is the title the
    format's reader gives its file's `Source` (see `LineOrder`).
    """
    order: LineOrder[R] = LineOrder(dataset, source_title)
    left: list[Problem] = []
    for index, event in enumerate(dataset.events):
        row, why = row_of(event)
        if row is None:
            left.append(Problem(f"events[{index}]", f"{event.id} {why}"))
        else:
            order.add((row,), event.citations)
    for collection, word in _NOT_EVENTS:
        left += [Problem(f"{collection}[{i}]", f"{r.id}: a {word} is no {title} event")
                 for i, r in enumerate(getattr(dataset, collection))]
    return order.rows(), left


class LineOrder(Generic[T]):
    """A writer's rows put back in the order of the file lines their records cite.

    A reader cites each record's rows by line; the records are listed in an order of their
    own (conflicts by UCDP id, a ceasefire's rows together), so rows written record by
    record would land on other lines, and read back every citation would change. The writer
    gives each record's rows with `add` and writes `rows`:

    - a record's rows take the lines of its first citation that names one line per row,
      preferring a file of the format written (a source titled *source_title*, as its
      reader titles it: a conflict merged from ACD and BRD cites a line of each), lowest line
      first, and keep their own order within the record;
    - rows citing lines of one file sit in line order; the files of the format written come
      first, in the data set's order, then the other files;
    - rows citing no line (a record read from no file, or one whose rows no citation counts)
      come last, in the data set's order, so that every cited row keeps its line.

    Examples:
        >>> from caucasus_conflict import Citation, load
        >>> order: LineOrder[str] = LineOrder(load())
        >>> sid = load().sources[0].id
        >>> order.add(["c"], ())  # cites no line: last
        >>> order.add(["a2", "a4"], (Citation(sid, rows=(4, 2)),))
        >>> order.add(["b3"], (Citation(sid, rows=(3,)),))
        >>> order.rows()
        ['a2', 'b3', 'a4', 'c']
    """

    def __init__(self, dataset: Dataset, source_title: str | None = None) -> None:
        own = [source.id for source in dataset.sources
               if source.kind is SourceKind.DATA_FILE and source.title == source_title]
        self._own = set(own)
        # The format's own files first, so that their rows keep their lines beside rows of others.
        ranked = [*own, *(source.id for source in dataset.sources if source.id not in self._own)]
        self._ranks = {source_id: rank for rank, source_id in enumerate(ranked)}
        self._last = (len(self._ranks), 0)
        self._placed: list[tuple[tuple[int, int], int, T]] = []  # (place, order given, row)

    def add(self, rows: Sequence[T], citations: Sequence[Citation]) -> None:
        """A record's *rows*, placed by its *citations* (see the class)."""
        count = len(rows)
        fitting = [cite for cite in citations if len(cite.rows) == count and cite.source_id in self._ranks]
        if fitting:
            cite = next((c for c in fitting if c.source_id in self._own), fitting[0])
            rank = self._ranks[cite.source_id]
            places = [(rank, line) for line in sorted(cite.rows)]
        else:
            places = [self._last] * count
        start = len(self._placed)
        self._placed += [(place, start + k, row) for k, (place, row) in enumerate(zip(places, rows, strict=True))]

    def rows(self) -> list[T]:
        """Every row added, in the order of its place (rows of one place in the order given)."""
        return [row for _place, _given, row in sorted(self._placed, key=lambda item: item[:2])]


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
