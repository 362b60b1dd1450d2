"""The one registry of record types, and the integrity check it drives."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
import typing

import attrs
import pytest
from hypothesis import find, given

import caucasus_conflict as cc
from caucasus_conflict import strategies as ccst
from caucasus_conflict._registry import Field


def reference_paths(cls: type, prefix: str = "") -> set[str]:
    """Every path to an ``*_id``/``*_ids`` field or a citation, found by walking the classes' fields."""
    paths: set[str] = set()
    hints = typing.get_type_hints(cls)
    for field in attrs.fields(cls):
        hint = hints[field.name]
        name = f"{prefix}{field.name}"
        args = typing.get_args(hint)
        many = typing.get_origin(hint) is tuple
        inner = args[0] if many else hint
        inner_args = [a for a in typing.get_args(inner) if a is not type(None)] or [inner]
        if field.name == "id":
            continue
        if field.name.endswith(("_id", "_ids")) or field.name == "citations":
            paths.add(name + ("[]" if many else ""))
            continue
        for candidate in inner_args:
            if attrs.has(candidate) and candidate is not cc.TimeSpan and candidate is not cc.Citation:
                paths |= reference_paths(candidate, f"{name}{'[]' if many else ''}.")
    return paths


class TestRegistry:
    def test_lists_every_collection_of_a_dataset(self) -> None:
        """The registry's collections are exactly the Dataset's record fields, in file order."""
        # ``problems`` is what a reader set aside, not a collection of records.
        fields = [f.name for f in attrs.fields(cc.Dataset) if f.init and f.name != "problems"]
        assert [t.collection for t in cc.RECORD_TYPES] == fields

    @pytest.mark.parametrize("rtype", cc.RECORD_TYPES, ids=lambda t: t.collection)
    def test_lists_every_reference_field(self, rtype: cc.RecordType) -> None:
        """Every id-valued field and every citation of a record type is a registered reference."""
        found = reference_paths(rtype.cls)
        # Ids that name something outside the data set are not references.
        found -= {"external_ids[]"} | {p for p in found if p.endswith("source_id")}
        assert {f.path for f in rtype.references} == found

    @given(ccst.datasets(max_events=8))
    def test_bulk_values_equal_the_walk(self, ds: cc.Dataset) -> None:
        """The set a field's bulk check reads holds exactly the values its located walk visits."""
        for rtype in cc.RECORD_TYPES:
            records = getattr(ds, rtype.collection)
            for field in rtype.references:
                walked = {value for record in records for _, _, value in field.located(record)}
                assert field.values(records) == walked


class TestIntegrityCheck:
    @given(ccst.dangling_references())
    def test_every_reference_field_is_checked(self, planted: tuple[dict[str, tuple[cc.Record, ...]], str]) -> None:
        """A reference pointing nowhere, in any field of any record type, is reported at its path."""
        records, path = planted
        with pytest.raises(cc.DataError) as info:
            cc.Dataset(**records)  # type: ignore[arg-type]
        assert path in [p.path for p in info.value.problems]

    @given(ccst.datasets(max_claims=6))
    def test_a_mutual_dispute_is_one_pair(self, ds: cc.Dataset) -> None:
        """Two claims that dispute each other make one pair, however many of them say so."""
        pairs = ds.contradictions()
        assert len({frozenset((a.id, b.id)) for a, b in pairs}) == len(pairs)
        expected = {frozenset((c.id, d)) for c in ds.claims for d in c.disputes_ids}
        assert {frozenset((a.id, b.id)) for a, b in pairs} == expected

    def test_mutual_dispute_generated(self) -> None:
        """The public strategy does generate claims that dispute each other."""
        ds = find(ccst.datasets(), lambda d: any(c.id in d.claim(o).disputes_ids
                                                  for c in d.claims for o in c.disputes_ids))
        assert len(ds.contradictions()) == 1

    def test_ids_differing_only_by_case_clash(self) -> None:
        """Two ids equal after case folding and normalisation are one id too many."""
        cite = (cc.Citation(cc.SourceId("s"), (1,)),)
        source = cc.Source(id=cc.SourceId("s"), title="T", publisher="P", url="u", credit="c",
                           published=cc.TimeSpan.parse("2024"), blocks=1)
        actor = cc.Actor(id=cc.ActorId("north"), name="North", kind=cc.ActorKind.STATE, citations=cite)
        event = cc.Event(id=cc.EventId("No\u0308rth"), kind=cc.EventKind.WAR, summary="A war",
                         span=cc.TimeSpan.parse("2020"), citations=cite)
        twin = cc.Event(id=cc.EventId("N\u00f6RTH"), kind=cc.EventKind.WAR, summary="A war",
                        span=cc.TimeSpan.parse("2020"), citations=cite)
        with pytest.raises(cc.DataError) as info:
            cc.Dataset(sources=(source,), actors=(actor,), events=(event, twin))
        assert [str(p) for p in info.value.problems] == [
            "$.events[1].id: id 'NöRTH' differs from 'No\u0308rth' (at $.events[0].id) only by case or "
            "Unicode normalisation; ids must differ in more than that"]

    def test_field_paths_parse(self) -> None:
        """A registry path names its steps; a citation path is marked as one."""
        assert Field("casualties[].citations[]", "sources").is_citation
        assert not Field("parent_id", "events").is_citation


class TestImport:
    def test_core_import_loads_no_outside_module(self) -> None:
        """``import caucasus_conflict`` loads none of the CLI, plot, strategies, interop, export, frames,
        Hypothesis, pandas, pyarrow or DuckDB."""
        code = ("import sys, caucasus_conflict; "
                "print(sorted(m for m in sys.modules if m.split('.')[0] in ('hypothesis', 'matplotlib') "
                "or m in ('caucasus_conflict.cli', 'caucasus_conflict.plot', 'caucasus_conflict.strategies', "
                "'caucasus_conflict.interop', 'caucasus_conflict.export', 'caucasus_conflict.formats', "
                "'caucasus_conflict.frames') or m.split('.')[0] in ('pandas', 'pyarrow', 'duckdb')))")
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
        assert out.strip() == "[]"

    def test_version_without_importlib_metadata(self) -> None:
        """The version is the installed distribution's, and importing the package does not read metadata (#13)."""
        code = "import sys, caucasus_conflict as cc; print(cc.__version__, 'importlib.metadata' in sys.modules)"
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
        assert out.split() == [importlib.metadata.version("caucasus-conflict"), "False"]

