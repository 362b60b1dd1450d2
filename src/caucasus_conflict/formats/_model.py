"""Files of the field's formats read into the model: `read` gives a `Dataset`.

Every format is mapped, each by one entry of `_MAPPERS`: UCDP GED (`_into_ged`), ACD and BRD
(`_into_ucdp`, the conflict-level BRD file too), ETH/PRIO (`_into_ethprio`), PA-X
(`_into_pax`) and ACLED (`_into_acled`). A format registered without a mapping is refused
with a pointer to `read_rows`, rather than a guessed mapping (docs/formats/index.md).

Each mapper takes the file's split table: GED's (`_into_ged.ged_records`) maps the cells
straight into records; the others read the typed rows first (`Format.rows_of`) and map them.
"""

from __future__ import annotations

import hashlib
import os
import warnings
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from caucasus_conflict._gc import gc_paused
from caucasus_conflict.dataset import Dataset
from caucasus_conflict.errors import CaucasusConflictError, DataError, Problem, QueryError
from caucasus_conflict.model import SourceCodes

from ._csv import DEFAULT_MAX_BYTES, Table, read_bytes, read_table
from ._into_ethprio import ethprio_records
from ._into_ged import ged_records
from ._into_pax import pax_records
from ._into_ucdp import acd_records, brd_records
from ._registry import FORMATS, _format_of, get_format
from ._rows import Format, ReadResult, _line_of

__all__ = ["DataWarning", "read"]


class DataWarning(CaucasusConflictError, UserWarning):
    """A reader kept a row but set a value of it aside; the problem is also on `Dataset.problems`."""


RowMapping = Callable[[ReadResult[Any], str, str, "str | None"], tuple[dict[str, Any], list[Problem]]]
"""A mapping of a format's typed rows: (rows read, file name, SHA-256, source id) -> (collections, its problems)."""


def _acled(result: ReadResult[Any], name: str, digest: str,
           source_id: str | None) -> tuple[dict[str, Any], list[Problem]]:
    from ._into_acled import acled_records
    return acled_records(result.rows, name, digest, source_id)


def _on_rows(mapping: Callable[[Sequence[Any], str, str, str | None], tuple[dict[str, Any], list[Problem]]]
             ) -> RowMapping:
    """A mapping that needs only the rows, as a `RowMapping`."""
    def mapper(result: ReadResult[Any], name: str, digest: str,
               source_id: str | None) -> tuple[dict[str, Any], list[Problem]]:
        return mapping(result.rows, name, digest, source_id)
    return mapper


def _via_rows(fmt: Format[Any], mapping: RowMapping) -> Mapper:
    """A `Mapper` that reads the table's typed rows (`Format.rows_of`), then maps them with *mapping*."""
    def mapper(table: Table, name: str, digest: str, source_id: str | None) -> tuple[dict[str, Any], list[Problem]]:
        result = fmt.rows_of(table, name=name)  # not strict: read applies strict to the rows' and mapping's problems
        records, mapped = mapping(result, name, digest, source_id)
        return records, sorted((*result.problems, *mapped), key=lambda problem: _line_of(problem, name))  # stable
    return mapper


def read(path: str | os.PathLike[str], format: str | None = None, *, strict: bool = False,
         source_id: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Dataset:
    """Read a file of one of the field's formats into a `Dataset`.

    The formats are UCDP GED, ACD and BRD, the ETH/PRIO ceasefires, PA-X and ACLED (one page
    each under docs/formats/ says what maps where).

    ``format=None`` recognises the file from its header. Rows the reader cannot take as
    they are (a value of the wrong shape, dates that contradict their precision code) are
    kept with the value set aside as unknown, listed on `Dataset.problems` with file,
    line and column, and announced by one `DataWarning`; ``strict=True`` raises one
    `DataError` listing them instead. Nothing is half-loaded.

    Args:
        path: The file.
        format: ``"ucdp-ged"``, ``"ucdp-acd"``, ``"ucdp-brd"``, ``"ethprio-ceasefires"``,
            ``"pax"``, ``"acled"``, or ``None`` to recognise it from its header.
        strict: Raise instead of setting values aside.
        source_id: The id of the file's `Source` (default: the format's prefix, such as
            ``ucdp-ged-``, and the first 12 hex digits of the file's SHA-256).
        max_bytes: Refuse a larger file.

    Raises:
        DataError: The file cannot be read, its columns are not the format's, or (with
            *strict*) a row has a problem.
        UnknownNameError: *format* is no format's name.
        QueryError: The format is registered without a mapping into the model (read it with
            `read_rows`).

    Examples:
        >>> import caucasus_conflict as cc, tempfile, pathlib
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (folder / "ged.csv").write_text(
        ...     "id,year,type_of_violence,side_a,side_a_new_id,side_b,side_b_new_id,date_prec,date_start,date_end,"
        ...     "deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,low,high\\n"
        ...     "7,2020,1,Government of Azerbaijan,64,Republic of Artsakh,338,1,2020-09-27,2020-09-27,"
        ...     "1,2,0,0,3,3,4\\n", encoding="utf-8")
        >>> ged = cc.read(folder / "ged.csv")
        >>> [(p.actor_id, p.side.value) for p in ged.event("ged-7").participants]
        [('ucdp-actor-64', 'a'), ('ucdp-actor-338', 'b')]
        >>> both = cc.load().merge(ged)
        >>> "ged-7" in {e.id for e in both.events_involving("Azerbaijan")}
        True
    """
    # A read builds several records per row and no reference cycles: the cyclic collector is
    # paused while it runs, as for a load (each collection would walk every record built so far).
    with gc_paused():
        return _read(path, format, strict=strict, source_id=source_id, max_bytes=max_bytes)


def _read(path: str | os.PathLike[str], format: str | None, *, strict: bool, source_id: str | None,
          max_bytes: int) -> Dataset:
    name = os.fspath(path)
    data = read_bytes(path, max_bytes=max_bytes)
    table = read_table(data, name=name, max_bytes=max_bytes)
    fmt = get_format(format) if format is not None else _format_of(table.layout.columns, name)
    mapper = _MAPPERS.get(fmt.name)
    if mapper is None:
        mapped_names = ", ".join(_MAPPERS)
        raise QueryError(f"{name} is {fmt.title} ({fmt.name}); read() maps only {mapped_names} into the model so "
                         f"far. Read its rows with caucasus_conflict.formats.read_rows (formats: {', '.join(FORMATS)})")
    digest = hashlib.sha256(data).hexdigest()
    records, problems = mapper(table, name, digest, source_id)  # strict is applied below, to every problem
    if table.layout.hxl is not None:
        records = _with_hxl(records, fmt.name, table.layout.columns, table.layout.hxl)
    if problems and strict:
        raise DataError(problems, file=name,
                        advice="Fix the values at the lines shown, or read without strict=True to keep the rows "
                               "with those values set aside.")
    if problems:
        warnings.warn(DataWarning(f"{name}: {len(problems)} value(s) set aside as unknown or not mapped; "
                                  "see Dataset.problems"),
                      stacklevel=3)
    try:
        return Dataset(**records, problems=tuple(problems))
    except DataError as error:  # a rule the mapping did not set aside: still about this file
        raise DataError(error.problems, file=name,
                        advice="The file's records break a rule of the model that read() does not set aside "
                               "(the paths are of the records made from it); please report it with the file."
                        ) from None


def _with_hxl(records: dict[str, Any], fmt: str, columns: tuple[str, ...], tags: tuple[str, ...]) -> dict[str, Any]:
    """*records* with the file's HXL hashtag row kept on its source, as `SourceCodes` ``<format>.hxl``.

    One (column, hashtag) pair per column with a tag, in file order, so that `write` gives
    the row back under the header (#11).
    """
    pairs = [(column, tag) for column, tag in zip(columns, tags, strict=False) if tag]
    sources = records.get("sources", ())
    if not pairs or not sources:
        return records
    codes = SourceCodes(f"{fmt}.hxl", tuple(c for c, _ in pairs), tuple(t for _, t in pairs))
    first = attrs.evolve(sources[0], source_codes=(*sources[0].source_codes, codes))
    return {**records, "sources": (first, *sources[1:])}


Mapper = Callable[[Table, str, str, "str | None"], tuple[dict[str, Any], list[Problem]]]
"""A format's mapping into the model: (the file's table, file name, SHA-256, source id) -> (collections, every
problem of the rows and the mapping, in file order)."""

_MAPPERS: dict[str, Mapper] = {
    "ucdp-ged": ged_records,
    "ucdp-acd": _via_rows(FORMATS["ucdp-acd"], acd_records),
    "ucdp-brd": _via_rows(FORMATS["ucdp-brd"], brd_records),
    "ethprio-ceasefires": _via_rows(FORMATS["ethprio-ceasefires"], _on_rows(ethprio_records)),
    "pax": _via_rows(FORMATS["pax"], _on_rows(pax_records)),
    "acled": _via_rows(FORMATS["acled"], _acled),
}
"""The formats `read` maps into the model, by format name (one line each)."""
