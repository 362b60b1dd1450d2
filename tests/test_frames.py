"""Tables out: rows, pandas frames, Arrow tables, Parquet, CSV of every kind, and the SQL of the docs (#12).

pandas, pyarrow and DuckDB are optional: each test needing one skips without it (the
``test`` extra installs all three, so CI runs them).
"""

from __future__ import annotations

import builtins
import datetime as dt
import re
import tempfile
import typing
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import caucasus_conflict as cc
from caucasus_conflict import frames
from caucasus_conflict import strategies as ccst
from caucasus_conflict.export import records_csv

from .test_dataset import CROWDED, windows_or_open

DOCS = Path(__file__).parents[1] / "docs" / "tables.md"
KINDS = [t.collection for t in cc.RECORD_TYPES]
roomy = settings(suppress_health_check=[*settings().suppress_health_check, HealthCheck.too_slow])


def span_fields(record: Any) -> list[str]:
    """The names of the record's fields holding a TimeSpan (or None where a TimeSpan may go)."""
    return [c[: -len("_first")] for c in frames.columns(type(record).__name__.lower()) if c.endswith("_first")]


class TestColumns:
    @pytest.mark.parametrize("kind", KINDS)
    def test_every_field_has_columns(self, kind: str) -> None:
        """Every field of the record class is a column, dates split in five, in field order."""
        rtype = frames.record_type(kind)
        hints = typing.get_type_hints(rtype.cls)
        expected: list[str] = []
        for field in attrs.fields(rtype.cls):
            if hints[field.name] in (cc.TimeSpan, cc.TimeSpan | None):
                expected += [f"{field.name}_{part}" for part in ("first", "last", "precision", "basis", "reason")]
            else:
                expected.append(field.name)
        assert list(frames.columns(kind)) == expected

    def test_singular_names(self) -> None:
        """A kind may be named by one record ('claim') as well as its collection."""
        assert frames.columns("claim") == frames.columns("claims")

    def test_unknown_kind(self, bundled: cc.Dataset) -> None:
        """An unknown kind is a QueryError with a suggestion."""
        with pytest.raises(cc.QueryError) as info:
            frames.rows(bundled, "evnts")
        assert str(info.value) == ("'evnts' is not a record kind (did you mean 'events'?); expected one of "
                                   "sources, actors, territories, events, ceasefires, claims, stances, conflicts, dyads")


class TestRows:
    @roomy
    @given(ccst.datasets(max_events=10, spans=CROWDED))
    def test_dates_ids_and_citations(self, ds: cc.Dataset) -> None:
        """Each row holds the record's dates as first/last day, precision, basis and reason; ids; citations."""
        for kind in KINDS:
            records = frames.records(ds, kind)
            rows = frames.rows(ds, kind)
            assert [r["id"] for r in rows] == [r.id for r in records]
            for record, row in zip(records, rows, strict=True):
                for name in span_fields(record):
                    span = getattr(record, name)
                    parts = (None,) * 5 if span is None else (
                        span.first_day, span.last_day, span.precision.value, span.basis.value, span.reason)
                    assert tuple(row[f"{name}_{p}"] for p in frames.SPAN_COLUMNS) == parts
                cites = getattr(record, "citations", ())
                assert row.get("citations", []) == [{"source_id": c.source_id, "blocks": list(c.blocks),
                                                     "quote": c.quote, "rows": list(c.rows),
                                                     "row_ids": list(c.row_ids)} for c in cites]
                for column in frames.columns(kind):
                    if column.endswith(("_id", "_ids")) and column != "external_ids":
                        value = getattr(record, column)
                        assert row[column] == (list(value) if isinstance(value, tuple) else value)

    def test_order(self, bundled: cc.Dataset) -> None:
        """Events, claims and ceasefires come chronologically; the other kinds in file order."""
        assert [r["id"] for r in frames.rows(bundled, "events")] == [e.id for e in bundled.chronology()]
        assert [r["id"] for r in frames.rows(bundled, "claims")] == [c.id for c in bundled.claims_in_order()]
        assert [r["id"] for r in frames.rows(bundled, "actors")] == [a.id for a in bundled.actors]

    def test_nested_dates_split(self, bundled: cc.Dataset) -> None:
        """A nested value's dates are split too: a control period's span, a figure's as-of date."""
        (corridor,) = [r for r in frames.rows(bundled, "territories") if r["id"] == "lachin-corridor"]
        period = corridor["control"][0]
        # Russia's open-ended control since November 2020 (#14): no last day.
        assert (period["span_first"], period["span_last"], period["span_precision"], period["span_basis"]) == \
            (dt.date(2020, 11, 1), None, "range", "inferred")
        (offensive,) = [r for r in frames.rows(bundled, "events") if r["id"] == "offensive-2023"]
        assert offensive["casualties"][0]["killed"] == {"best": 25, "low": None, "high": None, "reported_as": None}


class TestCsv:
    @pytest.mark.parametrize("kind", [k for k in KINDS if k != "events"])
    def test_every_kind(self, bundled: cc.Dataset, kind: str) -> None:
        """Any kind exports as CSV with its table columns and one row per record."""
        import csv
        import io

        reader = csv.DictReader(io.StringIO(records_csv(bundled, kind)))
        rows = list(reader)
        assert tuple(reader.fieldnames or ()) == frames.columns(kind)
        assert [r["id"] for r in rows] == [r.id for r in frames.records(bundled, kind)]

    def test_cells(self, bundled: cc.Dataset) -> None:
        """Dates are ISO days, lists ';'-separated, empty cells empty."""
        import csv
        import io

        rows = {r["id"]: r for r in csv.DictReader(io.StringIO(records_csv(bundled, "stances")))}
        support = rows["turkey-supports-azerbaijan"]
        assert (support["span_first"], support["span_last"], support["span_precision"]) == \
            ("2020-01-01", "2020-12-31", "year")
        assert support["claim_ids"] == "turkey-promises-full-support;erdogan-support-azerbaijan"
        assert support["toward_event_id"] == ""


class TestPandas:
    @pytest.mark.parametrize("kind", KINDS)
    def test_every_kind(self, bundled: cc.Dataset, kind: str) -> None:
        """to_frame gives one row per record and the table's columns, with day columns as datetimes."""
        pytest.importorskip("pandas")
        frame = bundled.to_frame(kind)
        assert list(frame.columns) == list(frames.columns(kind))
        assert frame["id"].tolist() == [r.id for r in frames.records(bundled, kind)]
        for column in frame.columns:
            if column.endswith(("_first", "_last")):
                assert str(frame[column].dtype) == "datetime64[s]"

    @roomy
    @given(ccst.datasets(max_events=10, spans=CROWDED))
    def test_values_are_the_rows(self, ds: cc.Dataset) -> None:
        """Each frame cell holds the row's value (days as timestamps, missing as NA)."""
        pd = pytest.importorskip("pandas")
        for kind in ("events", "territories", "stances"):
            frame = ds.to_frame(kind)
            for position, row in enumerate(frames.rows(ds, kind)):
                for column, value in row.items():
                    cell = frame[column].iloc[position]
                    if value is None:
                        assert cell is None or pd.isna(cell)
                    elif isinstance(value, dt.date):
                        assert cell == pd.Timestamp(value)
                    else:
                        assert cell == value


class TestArrow:
    @pytest.mark.parametrize("kind", KINDS)
    def test_every_kind(self, bundled: cc.Dataset, kind: str) -> None:
        """to_arrow gives the table's rows with the table's schema; Parquet reads back equal."""
        pytest.importorskip("pyarrow")
        import pyarrow.parquet as pq

        table = bundled.to_arrow(kind)
        assert table.column_names == list(frames.columns(kind))
        assert table.to_pylist() == frames.rows(bundled, kind)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"{kind}.parquet"
            frames.write_parquet(bundled, kind, path)
            assert pq.read_table(path).equals(table)


class TestMissingExtras:
    @pytest.mark.parametrize(("method", "package", "extra"), [("to_frame", "pandas", "frames"),
                                                              ("to_arrow", "pyarrow", "arrow")])
    def test_names_the_extra(self, bundled: cc.Dataset, monkeypatch: pytest.MonkeyPatch, method: str,
                             package: str, extra: str) -> None:
        """Without pandas (pyarrow), to_frame (to_arrow) raises MissingExtraError naming the extra."""
        real_import = builtins.__import__

        def without(name: str, *args: Any, **kwargs: Any) -> Any:
            if name.split(".")[0] == package:
                raise ImportError(name)
            return real_import(name, *args, **kwargs)

        monkeypatch.setattr(builtins, "__import__", without)
        with pytest.raises(cc.MissingExtraError) as info:
            getattr(bundled, method)("events")
        assert str(info.value) == f"this feature needs {package}; install it with: pip install 'caucasus-conflict[{extra}]'"


def documented_sql() -> dict[str, str]:
    """The overlap and within queries of docs/tables.md, as the page shows them."""
    blocks = re.findall(r"^```sql\n(.*?)^```", DOCS.read_text(encoding="utf-8"), re.S | re.M)
    overlap, within = blocks
    assert "span_first >= $window_first" in within
    return {"overlap": overlap, "within": within}


class TestDuckDB:
    def test_docs_show_both_queries(self) -> None:
        """docs/tables.md shows the overlap and the within query."""
        assert set(documented_sql()) == {"overlap", "within"}

    @settings(roomy, deadline=None)  # a DuckDB connection and a Parquet file per example
    @given(st.data())
    def test_same_ids_as_the_library(self, data: st.DataObject) -> None:
        """The documented SQL over the Parquet export returns the ids events_between returns, in its order."""
        duckdb = pytest.importorskip("duckdb")
        pytest.importorskip("pyarrow")
        ds = data.draw(ccst.datasets(max_events=25, spans=CROWDED), label="ds")
        start, end = data.draw(windows_or_open(ds), label="window")
        is_within = data.draw(st.booleans(), label="within")
        sql = documented_sql()["within" if is_within else "overlap"]
        window = {"window_first": start.first_day if start is not None else None,
                  "window_last": end.last_day if end is not None else None}
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "events.parquet"
            frames.write_parquet(ds, "events", path)
            query = sql.replace("'events.parquet'", f"'{path.as_posix()}'")
            found = [row[0] for row in duckdb.connect().execute(query, window).fetchall()]
        assert found == [e.id for e in ds.events_between(start, end, within=is_within)]

    def test_bundled_example(self) -> None:
        """The page's example output is what the query gives on the bundled export."""
        duckdb = pytest.importorskip("duckdb")
        pytest.importorskip("pyarrow")
        ds = cc.load()
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "events.parquet"
            frames.write_parquet(ds, "events", path)
            query = documented_sql()["overlap"].replace("'events.parquet'", f"'{path.as_posix()}'")
            window = {"window_first": dt.date(2023, 9, 1), "window_last": dt.date(2023, 9, 30)}
            found = [row[0] for row in duckdb.connect().execute(query, window).fetchall()]
        expected = [e.id for e in ds.events_between("2023-09", "2023-09")]
        assert found == expected
        shown = re.findall(r"\('([a-z0-9-]+)',\)", DOCS.read_text(encoding="utf-8"))
        assert shown == expected
