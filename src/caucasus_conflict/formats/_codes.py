"""What a record keeps of its rows, so that a writer gives the rows back: `SourceCodes` by difference.

A reader maps what the model holds; a writer rebuilds rows from the record (`regen`). What
the rebuilt rows do not give back, cell by cell, is kept on the record as one `SourceCodes`
of the format: the columns the model does not map, the value set aside as unknown (the
text read), and a mapped value the model holds in another shape (an ETH/PRIO date part
``0`` or blank where the model says unknown). So nothing of a row is lost, and the writer
applies the codes over its rebuilt rows: read, write, read gives the same rows.

`file_source` is the `Source` of a file read, and `left_out` lists the records a writer of
ceasefire rows cannot hold.

A record made of several rows (an ETH/PRIO ceasefire, one row per actor) keeps a column in
the `SourceCodes` of the format's scheme when every row has the same text, else in one of
scheme ``<format>.row<k>`` for the ``k``-th row (from 0): a column name is never rewritten.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any, TypeVar

import attrs

from caucasus_conflict.dataset import Dataset
from caucasus_conflict.errors import Problem
from caucasus_conflict.kinds import SourceKind
from caucasus_conflict.model import Source, SourceCodes, SourceId
from caucasus_conflict.timespan import TimeSpan

from ._out import given_back
from ._rows import Format, Row

__all__ = ["apply_codes", "file_source", "kept_codes", "left_out", "texts"]

R = TypeVar("R", bound=Row)


def texts(fmt: Format[Any], row: Row) -> dict[str, str]:
    """The text of each cell of *row* as the format writes it (set-aside and unmapped cells as read)."""
    codes = dict(row.source_codes)
    out = {spec.name: codes[spec.name] if spec.name in codes else spec.codec.format(getattr(row, spec.field))
           for spec in fmt.columns}
    out.update(codes)
    return out


def kept_codes(fmt: Format[Any], originals: Sequence[Row], rebuilt: Sequence[Row]) -> tuple[SourceCodes, ...]:
    """The `SourceCodes` that turn *rebuilt* into *originals* (row by row), or ``()`` when none is needed."""
    wanted = [texts(fmt, row) for row in originals]
    made = [texts(fmt, row) for row in rebuilt]
    order = [spec.name for spec in fmt.columns]
    seen = set(order)
    for cells in wanted:
        for name in cells:
            if name not in seen:
                seen.add(name)
                order.append(name)
    shared: list[tuple[str, str]] = []
    per_row: dict[int, list[tuple[str, str]]] = {}
    mapped = _mapped(fmt)
    for name in order:
        differing = [(k, cells.get(name, "")) for k, cells in enumerate(wanted)
                     if cells.get(name, "") != made[k].get(name, "")
                     or (name in cells and name not in made[k] and name not in mapped)]
        if not differing:
            continue
        if len(differing) == len(wanted) and len({text for _k, text in differing}) == 1:
            shared.append((name, differing[0][1]))
            continue
        for k, text in differing:
            per_row.setdefault(k, []).append((name, text))
    out = [SourceCodes(fmt.name, *map(tuple, zip(*shared, strict=True)))] if shared else []
    out += [SourceCodes(_row_scheme(fmt, k), *map(tuple, zip(*items, strict=True)))
            for k, items in sorted(per_row.items())]
    return tuple(out)


def _row_scheme(fmt: Format[Any], k: int) -> str:
    return f"{fmt.name}.row{k}"


def _mapped(fmt: Format[Any]) -> frozenset[str]:
    return frozenset(spec.name for spec in fmt.columns)


def apply_codes(fmt: Format[R], rebuilt: Sequence[R], codes: Sequence[SourceCodes]) -> list[R]:
    """*rebuilt* with the format's `SourceCodes` applied: the texts they keep replace the rebuilt cells."""
    shared: dict[str, str] = {}
    per_row: dict[int, dict[str, str]] = {}
    rows = {_row_scheme(fmt, k): k for k in range(len(rebuilt))}
    for code in codes:
        if code.scheme == fmt.name:
            shared.update(code.items())
        elif code.scheme in rows:
            per_row.setdefault(rows[code.scheme], {}).update(code.items())
    if not shared and not per_row:
        return list(rebuilt)
    by_name = {spec.name: spec for spec in fmt.columns}
    out: list[R] = []
    for k, row in enumerate(rebuilt):
        changes: dict[str, Any] = {}
        extra = given_back({**shared, **per_row.get(k, {})}, changes, by_name)
        out.append(attrs.evolve(row, source_codes=(*row.source_codes, *extra), **changes))
    return out


def _coverage(years: Sequence[int]) -> TimeSpan | None:
    if not years:
        return None
    low, high = min(years), max(years)
    return TimeSpan.year(low) if low == high else TimeSpan.parse(f"{low:04d}/{high:04d}")


def file_source(sid: SourceId, *, title: str, publisher: str, url: str, credit: str, name: str, digest: str,
                years: Sequence[int], note: str) -> Source:
    """The `Source` of a data file read by `caucasus_conflict.read`."""
    return Source(id=sid, kind=SourceKind.DATA_FILE, title=title, publisher=publisher, url=url,
                  published=TimeSpan.unknown(), credit=credit, file_name=os.path.basename(name) or None,
                  sha256=digest, coverage=_coverage(years), note=note)


def left_out(dataset: Dataset, used: set[str]) -> list[Problem]:
    """One problem per record the rows of ceasefires cannot hold (*used*: the ids of the actors, conflicts, dyads written)."""
    problems = [Problem(f"actors[{i}]", f"actor {a.id!r} is party to or mediator of no ceasefire; left out")
                for i, a in enumerate(dataset.actors) if a.id not in used]
    for collection in ("territories", "events", "claims", "stances"):
        problems += [Problem(f"{collection}[{i}]", f"{collection[:-1] if collection != 'territories' else 'territory'}"
                                                   f" {r.id!r} is no ceasefire; left out")
                     for i, r in enumerate(getattr(dataset, collection))]
    # A conflict or dyad a ceasefire links to is written as its UCDP number (#11); the others are not.
    problems += [Problem(f"conflicts[{i}]", f"conflict {c.id!r} is linked to no ceasefire; left out")
                 for i, c in enumerate(dataset.conflicts) if c.id not in used]
    problems += [Problem(f"dyads[{i}]", f"dyad {d.id!r} is linked to no ceasefire; left out")
                 for i, d in enumerate(dataset.dyads) if d.id not in used]
    return problems
