"""Rows out of a data set: events as CSV, any records as CSV or JSON Lines.

The command line's ``export`` writes these; they are public so that a script gets the
same rows without argparse. Outside the core: nothing in the core imports it.

CSV cells that a spreadsheet would run as a formula (those beginning with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return) are written with a leading ``'``, as OWASP
advises against CSV injection; `csv_cell` is the rule.

Examples:
    >>> import caucasus_conflict as cc
    >>> from caucasus_conflict.export import events_csv
    >>> events_csv(cc.load().chronology()).splitlines()[0].split(",")[:4]
    ['id', 'kind', 'start', 'end']
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Final

from .convert import converter
from .frames import columns, rows
from .model import Citation, Event, Record

if TYPE_CHECKING:  # pragma: no cover - typing only
    from .dataset import Dataset

__all__ = ["EVENT_CSV_COLUMNS", "citation_cell", "csv_cell", "event_csv_row", "events_csv", "records_csv", "records_jsonl"]

EVENT_CSV_COLUMNS: Final = (
    "id", "kind", "start", "end", "precision", "basis", "actors", "territories",
    "killed_low", "killed_best", "killed_high", "summary", "citations",
    "injured_low", "injured_best", "injured_high", "reported_by", "casualty_group", "as_of",
)
"""The columns of `events_csv`, in order (``docs/cli.md`` explains each)."""

_FORMULA_LEADS: Final = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(text: str) -> str:
    """Return *text* safe for a spreadsheet: a leading ``'`` before a formula's first character.

    Examples:
        >>> csv_cell("=HYPERLINK(1)"), csv_cell("plain")
        ("'=HYPERLINK(1)", 'plain')
    """
    return "'" + text if text.startswith(_FORMULA_LEADS) else text


def event_csv_row(event: Event) -> dict[str, str]:
    """Return one event as a CSV row: column name to cell text (not yet escaped for spreadsheets).

    Several casualty figures (from different reporters, say) are listed, ``;``-separated,
    never summed: the n-th item of every casualty column (``killed_*``, ``injured_*``,
    ``reported_by``, ``casualty_group``, ``as_of``) belongs to the event's n-th figure,
    and an item is empty where that figure does not give it.

    Examples:
        >>> import caucasus_conflict as cc
        >>> row = event_csv_row(cc.load().event("offensive-2023"))
        >>> row["start"], row["precision"]
        ('2023-09-19', 'day')
    """
    def figures(measure: str, bound: str) -> str:
        counts = [getattr(c, measure) for c in event.casualties]
        values = ["" if k is None or getattr(k, bound) is None else str(getattr(k, bound)) for k in counts]
        return ";".join(values) if any(values) else ""

    def each(cells: list[str]) -> str:
        return ";".join(cells) if any(cells) else ""

    span = event.span
    return {
        "id": event.id, "kind": event.kind.value,
        "start": span.first_day.isoformat() if span.first_day else "",
        "end": span.last_day.isoformat() if span.last_day else "",
        "precision": span.precision.value, "basis": span.basis.value,
        "actors": ";".join(f"{p.actor_id}:{p.role.value}" for p in event.participants),
        "territories": ";".join(event.territory_ids),
        "killed_low": figures("killed", "low"), "killed_best": figures("killed", "best"),
        "killed_high": figures("killed", "high"),
        "summary": event.summary,
        "citations": ";".join(map(citation_cell, event.citations)),
        "injured_low": figures("injured", "low"), "injured_best": figures("injured", "best"),
        "injured_high": figures("injured", "high"),
        "reported_by": each([c.reported_by_id or "" for c in event.casualties]),
        "casualty_group": each([c.group.value for c in event.casualties]),
        "as_of": each([c.as_of.format() if c.as_of.is_known else "" for c in event.casualties]),
    }


def citation_cell(citation: Citation) -> str:
    """One citation as the CSV writes it: ``source:12,14`` (blocks), ``source:L2,L3`` (lines of a data
    file) and ``source#1648`` (a row id of the format); a row's line and id together as ``source:L2#1648``.

    Examples:
        >>> import caucasus_conflict as cc
        >>> citation_cell(cc.Citation(cc.SourceId("gdc"), (12, 14)))
        'gdc:12,14'
        >>> citation_cell(cc.Citation(cc.SourceId("ged"), rows=(2,), row_ids=("1648",)))
        'ged:L2#1648'
    """
    if citation.blocks:
        return f"{citation.source_id}:{','.join(map(str, citation.blocks))}"
    lines = f":{','.join(f'L{row}' for row in citation.rows)}" if citation.rows else ""
    ids = "".join(f"#{row_id}" for row_id in citation.row_ids)
    return f"{citation.source_id}{lines}{ids}"


def events_csv(events: Iterable[Event]) -> str:
    """Return *events* as CSV text with a header row, every cell escaped with `csv_cell`.

    Examples:
        >>> import caucasus_conflict as cc
        >>> len(events_csv(cc.load().chronology()).splitlines()) == len(cc.load().events) + 1
        True
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(EVENT_CSV_COLUMNS)
    for event in events:
        row = event_csv_row(event)
        writer.writerow([csv_cell(row[column]) for column in EVENT_CSV_COLUMNS])
    return buffer.getvalue()


def _csv_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return ";".join(_csv_text(item) if not isinstance(item, dict | list) else
                        json.dumps(item, ensure_ascii=False, default=_json_default) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=_json_default)
    return str(value)


def _json_default(value: object) -> str:
    if isinstance(value, _dt.date):
        return value.isoformat()
    raise TypeError(type(value).__name__)  # pragma: no cover - rows hold only dates beyond JSON


def records_csv(ds: Dataset, kind: str) -> str:
    """Return the records of any *kind* as CSV, with the columns of `caucasus_conflict.frames.columns`.

    Lists are ``;``-separated; nested values (participants, control periods, citations)
    are JSON objects. Events have their own layout in `events_csv`.

    Examples:
        >>> import caucasus_conflict as cc
        >>> records_csv(cc.load(), "stances").splitlines()[0].split(",")[:3]
        ['id', 'holder_id', 'kind']
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    names = columns(kind)
    writer.writerow(names)
    for row in rows(ds, kind):
        writer.writerow([csv_cell(_csv_text(row[name])) for name in names])
    return buffer.getvalue()


def records_jsonl(records: Iterable[Record]) -> str:
    """Return *records* as JSON Lines: one record a line, in the data set file's JSON shape.

    Examples:
        >>> import caucasus_conflict as cc
        >>> records_jsonl(cc.load().chronology()[:1]).count("\\n")
        1
    """
    return "".join(json.dumps(converter.unstructure(record), ensure_ascii=False) + "\n" for record in records)
