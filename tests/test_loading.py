"""Tests for loading and dumping data set files, and for every kind of bad input."""

from __future__ import annotations

import contextlib
import importlib.resources
import json
import os
import shutil
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import caucasus_conflict as cc
from caucasus_conflict import loading
from caucasus_conflict import strategies as ccst
from caucasus_conflict._registry import RECORD_TYPES
from caucasus_conflict._writer import Writers, render

from .conftest import FIXTURES
from .test_convert import ROUND_TRIPS

JSON_TREES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=60),
    lambda children: st.lists(children, max_size=12) | st.dictionaries(st.text(max_size=30), children, max_size=8),
    max_leaves=60,
)


def layout_by_definition(value: Any, indent: int = 0, lead: int = 0) -> str:
    """The layout `dumps` promises, written the slow, obvious way: try one line, else one item per line."""
    one = json.dumps(value, ensure_ascii=False)
    if not isinstance(value, dict | list) or not value or indent + lead + len(one) <= 110:
        return one
    pad = " " * (indent + 2)
    if isinstance(value, list):
        lines = [pad + layout_by_definition(item, indent + 2) for item in value]
        return "[\n" + ",\n".join(lines) + "\n" + " " * indent + "]"
    lines = [pad + json.dumps(key, ensure_ascii=False) + ": "
             + layout_by_definition(item, indent + 2, len(json.dumps(key, ensure_ascii=False)) + 2)
             for key, item in value.items()]
    return "{\n" + ",\n".join(lines) + "\n" + " " * indent + "}"


def _block_devices() -> list[Path]:
    found = []
    with contextlib.suppress(OSError):
        for path in sorted(Path("/dev").iterdir()):
            with contextlib.suppress(OSError):
                if stat.S_ISBLK(path.stat().st_mode) and os.access(path, os.R_OK):
                    found.append(path)
    return found


#: Block devices this process may open (none on most CI machines, where the test skips).
BLOCK_DEVICES = _block_devices()

def problems_of(name: str) -> list[str]:
    """Load a fixture that must fail and return its problems as text."""
    with pytest.raises(cc.DataError) as info:
        cc.load(FIXTURES / name)
    assert info.value.file == str(FIXTURES / name)
    return [str(p) for p in info.value.problems]


class TestLoadBundled:
    def test_cached(self) -> None:
        """load() returns the same, already-checked object every time."""
        assert cc.load() is cc.load()

    def test_is_a_dataset_with_a_source(self) -> None:
        """The bundled data set has its source and every collection filled."""
        ds = cc.load()
        assert isinstance(ds, cc.Dataset)
        for collection in (ds.sources, ds.actors, ds.territories, ds.events, ds.ceasefires, ds.claims, ds.stances):
            assert collection

    def test_read_through_importlib_resources(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """The bundled file is read through importlib.resources, so zipped installs work."""
        calls: list[str] = []
        real = importlib.resources.files

        def spy(package: str) -> object:
            calls.append(package)
            return real(package)

        monkeypatch.setattr(importlib.resources, "files", spy)
        monkeypatch.setattr(loading, "_BUNDLED", [])
        first = cc.load()
        assert isinstance(first, cc.Dataset)
        assert first.events
        assert cc.load() is first
        assert calls == ["caucasus_conflict"]

    def test_read_as_utf8_whatever_the_locale(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """The bundled file (which holds non-ASCII text) is read as UTF-8 under an ASCII locale too."""
        monkeypatch.setattr(loading, "_BUNDLED", [])  # read here too, so that mutmut maps this test to the reader
        code = "import caucasus_conflict as cc, sys; sys.stdout.write(cc.dumps(cc.load()))"
        env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0",
               "PYTHONIOENCODING": "utf-8", "PYTHONPATH": str(Path(cc.__file__).parents[1])}
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, check=False, timeout=120, env=env)
        assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
        assert done.stdout.decode("utf-8") == cc.dumps(cc.load())
        assert not done.stdout.isascii()

    def test_a_bad_bundled_file_is_named(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Were the bundled file broken (a bad install), the DataError names it."""
        class Broken:
            def joinpath(self, *parts: str) -> Broken:
                return self

            def read_text(self, encoding: str) -> str:
                return '{"format": "caucasus_conflict/0"}'

        monkeypatch.setattr(importlib.resources, "files", lambda package: Broken())
        monkeypatch.setattr(loading, "_BUNDLED", [])
        with pytest.raises(cc.DataError) as info:
            cc.load()
        assert str(info.value).splitlines()[:2] == [
            "<bundled caucasus_conflict.json>: 1 problem:",
            "  $.format: expected 'caucasus_conflict/1' (got 'caucasus_conflict/0')"]
        assert loading._BUNDLED == []

    def test_first_calls_from_threads_share_one_object(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Threads calling load() first at the same moment all get the same data set."""
        monkeypatch.setattr(loading, "_BUNDLED", [])
        barrier = threading.Barrier(8)
        results: list[cc.Dataset] = []

        def work() -> None:
            barrier.wait()
            results.append(cc.load())

        threads = [threading.Thread(target=work) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len(results) == 8
        assert isinstance(results[0], cc.Dataset)
        assert results[0].events
        assert all(r is results[0] for r in results)

    def test_shared_between_threads(self) -> None:
        """Queries from several threads at once see the same answers."""
        ds = cc.load()
        expected = ds.events_between("1900", "2100")
        results: list[tuple[cc.Event, ...]] = []

        def work() -> None:
            results.append(ds.events_between("1900", "2100"))

        threads = [threading.Thread(target=work) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert results == [expected] * 8

    def test_first_queries_from_threads_build_the_indexes_once(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A data set's indexes are built by its first query: threads asking at once all get one answer."""
        import caucasus_conflict.dataset as dataset_module
        from caucasus_conflict._index import build_indexes as real

        built: list[int] = []

        def slow_build(**collections: Any) -> Any:
            built.append(threading.get_ident())
            time.sleep(0.05)  # widen the window in which a second thread could start another build
            return real(**collections)

        bundled = cc.load()
        expected = bundled.events_involving("azerbaijan")
        monkeypatch.setattr(dataset_module, "build_indexes", slow_build)
        ds = cc.Dataset(**{t.collection: getattr(bundled, t.collection) for t in RECORD_TYPES})
        assert built == []  # building the data set checked it and built no index yet
        results: list[tuple[cc.Event, ...]] = []
        threads = [threading.Thread(target=lambda: results.append(ds.events_involving("azerbaijan")))
                   for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len(built) == 1
        assert results == [expected] * 8


class TestLoadFile:
    def test_minimal(self) -> None:
        """A user's file loads into the same model, with its references resolved."""
        ds = cc.load(FIXTURES / "minimal.json")
        assert [e.id for e in ds.events] == ["raid"]
        assert ds.actor("nordhaven").id == "north"

    def test_not_cached(self, tmp_path: Path) -> None:
        """A user's file is read afresh each time, so edits are seen."""
        path = tmp_path / "data.json"
        shutil.copy(FIXTURES / "minimal.json", path)
        first = cc.load(path)
        data = json.loads(path.read_text(encoding="utf-8"))
        data["events"][0]["summary"] = "edited"
        path.write_text(json.dumps(data), encoding="utf-8")
        assert cc.load(path).event("raid").summary == "edited"
        assert first.event("raid").summary == "Northland raids the valley"

    def test_str_path(self) -> None:
        """A path may be a string."""
        assert cc.load(str(FIXTURES / "minimal.json")).actors

    def test_bytes_are_refused_with_a_hint(self) -> None:
        """loads() of bytes says to decode them first."""
        with pytest.raises(cc.DataError) as info:
            cc.loads(b'{"format": "caucasus_conflict/1"}')  # type: ignore[arg-type]
        assert [str(p) for p in info.value.problems] == [
            "$: expected JSON text as a str (got bytes); decode bytes first, e.g. data.decode('utf-8')"]

    def test_path_like_of_bytes(self) -> None:
        """An os.PathLike whose __fspath__ gives bytes is read too, and named by its decoded path."""
        class BytesPath:
            def __init__(self, path: Path) -> None:
                self.path = path

            def __fspath__(self) -> bytes:
                return os.fsencode(self.path)

        assert cc.load(BytesPath(FIXTURES / "minimal.json")) == cc.load(FIXTURES / "minimal.json")  # type: ignore[arg-type]
        with pytest.raises(cc.DataError) as info:
            cc.load(BytesPath(FIXTURES / "nope.json"))  # type: ignore[arg-type]
        assert info.value.file == str(FIXTURES / "nope.json")

    @pytest.mark.skipif(not BLOCK_DEVICES, reason="no block device this user can open")
    def test_block_device(self) -> None:
        """A block device is refused as one, before it is read."""
        with pytest.raises(cc.DataError) as info:
            cc.load(BLOCK_DEVICES[0])
        assert [str(p) for p in info.value.problems] == ["$: cannot read the file (not a regular file: a block device)"]

    def test_never_reads_past_the_limit(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """load() reads at most one byte past max_bytes, however large the file has grown since its size was checked."""
        sizes: list[int] = []
        real = os.fdopen

        class Counted:
            def __init__(self, handle: Any) -> None:
                self.handle = handle

            def __enter__(self) -> Counted:
                return self

            def __exit__(self, *exc: object) -> None:
                self.handle.close()

            def fileno(self) -> int:
                return int(self.handle.fileno())

            def read(self, size: int) -> bytes:
                sizes.append(size)
                return bytes(self.handle.read(size))

        monkeypatch.setattr(os, "fdopen", lambda fd, mode: Counted(real(fd, mode)))
        limit = (FIXTURES / "minimal.json").stat().st_size
        assert cc.load(FIXTURES / "minimal.json", max_bytes=limit + 10).actors
        assert sizes == [limit + 11]

    def test_not_utf8_says_what_to_check(self, tmp_path: Path) -> None:
        """The error for a file that is not UTF-8 names it and says to check the path and the encoding."""
        path = tmp_path / "latin1.json"
        path.write_bytes(b"\xe9")
        with pytest.raises(cc.DataError) as info:
            cc.load(path)
        assert str(info.value) == (f"{path}: 1 problem:\n  $: cannot read the file (not UTF-8: byte 0 on line 1)\n"
                                   "Check the path and that the file is UTF-8 text.")

    def test_text_of_another_type_names_the_file(self) -> None:
        """loads() of something that is not text names the file it was given in its error."""
        with pytest.raises(cc.DataError) as info:
            cc.loads(bytearray(b"{}"), file="mine.json")  # type: ignore[arg-type]
        assert str(info.value).splitlines()[:2] == [
            "mine.json: 1 problem:",
            "  $: expected JSON text as a str (got bytearray); decode bytes first, e.g. data.decode('utf-8')"]

    def test_missing_file(self, tmp_path: Path) -> None:
        """A missing file is a DataError naming the file, not a bare OSError."""
        path = tmp_path / "nope.json"
        with pytest.raises(cc.DataError) as info:
            cc.load(path)
        assert info.value.file == str(path)
        assert info.value.problems[0].message.startswith("cannot read the file (No such file or directory")

    def test_not_utf8(self, tmp_path: Path) -> None:
        """A file that is not UTF-8 is a DataError too."""
        path = tmp_path / "latin1.json"
        data = '{\n  "format": "caucasus_conflict/1",\n  "x": "é"\n}\n\n'.encode("latin-1")
        path.write_bytes(data)
        with pytest.raises(cc.DataError) as info:
            cc.load(path)
        assert [str(p) for p in info.value.problems] == [
            f"$: cannot read the file (not UTF-8: byte {data.index(0xE9)} on line 3)"]


class TestBadInput:
    """Each malformed file raises DataError naming the file, each JSON path, and what was expected."""

    def test_bad_json(self) -> None:
        """Invalid JSON is reported at `$` with the parser's line, column and reason, in the library's words."""
        # The parser's reason and column are the interpreter's: 3.11 says "Expecting property
        # name enclosed in double quotes" at column 20, 3.13 "Illegal trailing comma before
        # end of object" at column 19. The library's part is to pass them on, with the line.
        with pytest.raises(json.JSONDecodeError) as parsed:
            json.loads((FIXTURES / "bad_json.json").read_text(encoding="utf-8"))
        reason, column = parsed.value.msg, parsed.value.colno
        assert problems_of("bad_json.json") == [f"$: invalid JSON at line 3, column {column}: {reason}"]

    @pytest.mark.parametrize(("share", "got"), [(True, "a boolean: True"), ("0.5", "a string: '0.5'")])
    def test_a_number_field_refuses_booleans_and_text(self, share: object, got: str) -> None:
        """A share written as true or as text is refused, not read as 1.0 or 0.5 (a fast path once read it)."""
        cite = [{"source_id": "s", "blocks": [1]}]
        data = {"format": "caucasus_conflict/1",
                "sources": [{"id": "s", "title": "T", "publisher": "P", "url": "https://example.org", "credit": "P",
                             "published": "2020", "blocks": 3}],
                "actors": [{"id": "a", "name": "A", "kind": "state", "citations": cite}],
                "territories": [{"id": "t", "name": "T", "kind": "state", "citations": cite,
                                 "control": [{"controller_ids": ["a"], "span": "2020", "extent": "part",
                                              "share": share, "citations": cite}]}]}
        with pytest.raises(cc.DataError) as info:
            cc.loads(json.dumps(data))
        assert [str(p) for p in info.value.problems] == [f"$.territories[0].control[0].share: expected a number (got {got})"]

    def test_an_iso_week_date_is_not_a_day(self) -> None:
        """'2020-W01-1' is ten characters like a day, but not a span this library reads (a fast path once took it)."""
        text = json.dumps({"format": "caucasus_conflict/1",
                           "events": [{"id": "e", "kind": "war", "summary": "s", "span": "2020-W01-1",
                                       "citations": [{"source_id": "s", "blocks": [1]}]}]})
        with pytest.raises(cc.DataError) as info:
            cc.loads(text)
        assert [str(p) for p in info.value.problems] == [
            "$.events[0].span: invalid time span '2020-W01-1': '2020-W01-1' is not a date of the form YYYY, YYYY-MM or "
            "YYYY-MM-DD; write 'YYYY', 'YYYY-MM', 'YYYY-MM-DD', 'START/END' or 'unknown'"]

    def test_duplicate_key(self) -> None:
        """A key given twice in one object is refused, not silently overwritten."""
        assert problems_of("duplicate_key.json") == [
            "$.actors: invalid JSON: duplicate key 'actors' in one object; give each key once"]

    def test_duplicate_key_anywhere_has_its_path(self) -> None:
        """A key repeated deep inside a record is reported at its own JSON path, once per key (#10)."""
        text = ('{"format": "caucasus_conflict/1", "actors": [{"id": "a", "name": "A", "name": "B", "name": "C"}],'
                ' "events": [{}, {"span": {"when": "2023", "basis": "stated", "when": "2024"}}]}')
        with pytest.raises(cc.DataError) as info:
            cc.loads(text, file="dup.json")
        assert [str(p) for p in info.value.problems] == [
            "$.actors[0].name: invalid JSON: duplicate key 'name' in one object; give each key once",
            "$.events[1].span.when: invalid JSON: duplicate key 'when' in one object; give each key once",
        ]

    def test_top_level_keys_that_are_not_strings(self) -> None:
        """from_dict() of a dict with keys of other types (not JSON's, but a user's dict) lists each as unknown.

        A key that is not text gets no "did you mean" (difflib raised TypeError for an int).
        """
        with pytest.raises(cc.DataError) as info:
            cc.from_dict({"format": cc.FORMAT, 2: [], "evnts": [], None: 1, (1, 2): []}, file="mine")
        assert [str(p) for p in info.value.problems] == [
            f"$.{key}: unknown top-level key{hint}; expected only: format, {', '.join(loading._KEYS)}"
            for key, hint in [("(1, 2)", ""), ("2", ""), ("None", ""), ("evnts", " (did you mean 'events'?)")]]
        assert info.value.file == "mine"

    def test_missing_format(self) -> None:
        """A file without the format key is told which format to give, and nothing else."""
        with pytest.raises(cc.DataError) as info:
            cc.loads('{"actors": []}')
        assert [str(p) for p in info.value.problems] == ["$.format: expected 'caucasus_conflict/1'"]

    def test_reference_problem_after_a_record_that_failed(self) -> None:
        """A dangling reference in a record after one that could not be built is reported at its place in the file."""
        data = json.loads((FIXTURES / "minimal.json").read_text(encoding="utf-8"))
        raid = data["events"][0]
        data["events"] = [{"id": "broken"}, {**raid, "participants": [{"actor_id": "nobody", "role": "initiator"}]}]
        for text in (json.dumps(data), json.dumps(data, indent=1)):
            with pytest.raises(cc.DataError) as info:
                cc.loads(text)
            assert [p.path for p in info.value.problems] == [
                "$.events[0].kind", "$.events[0].summary", "$.events[0].span", "$.events[0].citations",
                "$.events[1].participants[0].actor_id"]
        with pytest.raises(cc.DataError) as info:
            cc.from_dict(data)
        assert info.value.problems[-1].path == "$.events[1].participants[0].actor_id"

    def test_reference_problem_in_a_record_built_the_long_way(self) -> None:
        """from_dict() of a user's dict with a tuple for an array (the detailed path builds it) keeps its place too."""
        data = json.loads((FIXTURES / "minimal.json").read_text(encoding="utf-8"))
        raid = data["events"][0]
        data["events"] = [{"id": "broken"}, {**raid, "participants": ({"actor_id": "nobody", "role": "initiator"},)}]
        with pytest.raises(cc.DataError) as info:
            cc.from_dict(data)
        assert [p.path for p in info.value.problems][-2:] == ["$.events[0].citations",
                                                              "$.events[1].participants[0].actor_id"]
        data["events"] = data["events"][1:]
        data["events"][0]["participants"] = ({"actor_id": "north", "role": "initiator"},)
        assert cc.from_dict(data).event("raid").participants[0].actor_id == "north"

    @pytest.mark.parametrize("text", ["{}", " { } ", "\n{\n}\n"])
    def test_empty_object(self, text: str) -> None:
        """An empty object, however spaced, lacks only its format key."""
        with pytest.raises(cc.DataError) as info:
            cc.loads(text)
        assert [str(p) for p in info.value.problems] == ["$.format: expected 'caucasus_conflict/1'"]

    def test_not_an_object(self) -> None:
        """The top level must be an object."""
        assert problems_of("not_an_object.json") == ["$: expected a JSON object with a 'format' key (got list)"]

    def test_bad_format(self) -> None:
        """A wrong format version and an unknown top-level key are both reported."""
        assert problems_of("bad_format.json") == [
            "$.format: expected 'caucasus_conflict/1' (got 'caucasus_conflict/9')",
            "$.event: unknown top-level key (did you mean 'events'?); expected only: format, sources, actors, "
            "territories, events, ceasefires, claims, stances, conflicts, dyads",
        ]

    def test_wrong_type(self) -> None:
        """Wrong JSON types are reported at their paths, none coerced."""
        assert problems_of("wrong_type.json") == [
            "$.sources[0].blocks: expected an integer (got a string: '3')",
            "$.actors[0].aliases: expected an array (got a string: 'Nordhaven')",
            "$.events[0].summary: expected a string (got an integer: 42)",
        ]

    def test_unknown_enum(self) -> None:
        """Unknown enum values list the choices and the closest one."""
        assert problems_of("unknown_enum.json") == [
            "$.events[0].kind: expected one of 'war', 'offensive', 'clashes', 'blockade', 'armistice', "
            "'mobilisation', 'martial_law', 'declaration', 'deployment', 'withdrawal', 'exercise', 'negotiation', "
            "'dissolution', 'control_change', 'statement', 'one_sided_violence', 'remote_violence', 'protest', 'riot', 'agreement', 'arrest', 'group_change', 'disrupted_weapons_use', 'base_established', 'looting', 'other_development' (got 'ofensive'); did you mean 'offensive'?",
            "$.stances[0].kind: expected one of 'supports', 'opposes', 'mediates', 'close_ties', 'concerned' "
            "(got 'oppose'); did you mean 'opposes'?",
        ]

    def test_missing_field(self) -> None:
        """Missing required fields are reported at their paths."""
        assert problems_of("missing_field.json") == [
            "$.actors[1].kind: required field missing",
            "$.events[0].span: required field missing",
        ]

    def test_invalid_values(self) -> None:
        """Validator messages keep their text and point at the field."""
        assert problems_of("invalid_values.json") == [
            "$.territories[0].control[0].share: 'share' must be in (0, 1] (got 2.0)",
            "$.events[0].casualties[0].killed.low: 'low' must be <= 'best' (got low=10, best=5)",
            "$.events[0]: unknown field(s) 'misc'; expected only: id, kind, summary, span, participants, "
            "territory_ids, location, casualties, parent_id, external_ids, source_codes, citations, note",
            "$.claims[0].span: invalid time span '2024-13': month must be 01..12 (got 13); write 'YYYY', "
            "'YYYY-MM', 'YYYY-MM-DD', 'START/END' or 'unknown'",
        ]

    def test_dangling_reference(self) -> None:
        """Every reference to a missing or wrong-typed record is reported with a suggestion."""
        assert problems_of("dangling_reference.json") == [
            "$.events[0].participants[0].actor_id: unknown actor id 'nort' (did you mean 'north'?)",
            "$.events[0].territory_ids[0]: unknown territory id 'vally' (did you mean 'valley'?)",
            "$.claims[0].about_event_ids[0]: 'valley' is the id of a territory, expected an event id",
            "$.stances[0].toward_event_id: unknown event id 'raidd' (did you mean 'raid'?)",
        ]

    def test_integrity(self) -> None:
        """Duplicate ids, alias clashes and bad citations are all reported together, in file order."""
        assert problems_of("integrity.json") == [
            "$.actors[1].aliases[0]: 'NORDHAVEN' is already a name of actor 'north'; names and aliases must "
            "identify one record",
            "$.territories[0].id: duplicate id 'north' (first used at $.actors[0].id); give every record its own id",
            "$.territories[0].citations[0].blocks[1]: block 7 does not exist; source 'memo' has blocks 1..3",
            "$.events[0].territory_ids[0]: 'north' is the id of an actor, expected a territory id",
            "$.claims[0].citations[0].source_id: unknown source id 'mem' (did you mean 'memo'?)",
        ]

    def test_null_and_string_records(self) -> None:
        """null or a string where a record belongs says an object was expected."""
        with pytest.raises(cc.DataError) as info:
            cc.loads('{"format": "caucasus_conflict/1", "events": [null, "raid"]}')
        assert [str(p) for p in info.value.problems] == [
            "$.events[0]: expected an object for Event (got null: None)",
            "$.events[1]: expected an object for Event (got a string: 'raid')",
        ]

    def test_deeply_nested(self) -> None:
        """JSON nested too deeply for the parser is a DataError, not a RecursionError."""
        with pytest.raises(cc.DataError) as info:
            cc.loads("[" * 100_000 + "]" * 100_000)
        assert [str(p) for p in info.value.problems] == ["$: invalid JSON: nested too deeply to read"]

    def test_deeply_nested_names_the_file(self) -> None:
        """The error for JSON nested too deeply to read names the file it was given."""
        with pytest.raises(cc.DataError) as info:
            cc.loads('{"format": "caucasus_conflict/1", "x": ' + "[" * 100_000 + "]" * 100_000 + "}", file="deep.json")
        assert str(info.value).splitlines()[:2] == ["deep.json: 1 problem:", "  $: invalid JSON: nested too deeply to read"]

    def test_message_names_file_and_fix(self) -> None:
        """The message starts with the file and ends by saying what to do."""
        with pytest.raises(cc.DataError) as info:
            cc.load(FIXTURES / "missing_field.json")
        lines = str(info.value).splitlines()
        assert lines[0] == f"{FIXTURES / 'missing_field.json'}: 2 problems:"
        assert lines[-1] == "Fix the data at the path(s) shown and load it again."

    def test_cause_is_chained(self) -> None:
        """The original decoding error is kept as the cause for debugging."""
        with pytest.raises(cc.DataError) as info:
            cc.load(FIXTURES / "bad_json.json")
        assert isinstance(info.value.__cause__, json.JSONDecodeError)

    def test_is_value_error(self) -> None:
        """DataError is also a ValueError and a CaucasusConflictError."""
        with pytest.raises(ValueError):  # noqa: PT011 - the point is the builtin base
            cc.load(FIXTURES / "wrong_type.json")
        with pytest.raises(cc.CaucasusConflictError):
            cc.load(FIXTURES / "wrong_type.json")

    def test_every_fixture_is_tested(self) -> None:
        """Every bad-input fixture appears in a test above, so none is forgotten."""
        source = Path(__file__).read_text(encoding="utf-8")
        for fixture in FIXTURES.glob("*.json"):
            assert f'"{fixture.name}"' in source, fixture.name


class TestDump:
    def test_round_trip_bundled(self, tmp_path: Path) -> None:
        """dump then load gives an equal data set."""
        path = tmp_path / "copy.json"
        cc.dump(cc.load(), path)
        assert cc.load(path) == cc.load()

    def test_round_trip_minimal_is_stable(self, tmp_path: Path) -> None:
        """Dumping twice gives the same text: the output is deterministic."""
        ds = cc.load(FIXTURES / "minimal.json")
        assert cc.dumps(ds) == cc.dumps(cc.loads(cc.dumps(ds)))

    def test_plain_json(self) -> None:
        """The dumped text is plain UTF-8 JSON with the format key first."""
        text = cc.dumps(cc.load(FIXTURES / "minimal.json"))
        assert text.startswith('{\n  "format": "caucasus_conflict/1"')
        assert json.loads(text)["actors"][0]["id"] == "north"

    def test_bundled_file_is_canonical(self) -> None:
        """The bundled file is exactly what dumps() writes, so edits keep one layout and small diffs."""
        text = (importlib.resources.files("caucasus_conflict") / "data" / "caucasus_conflict.json").read_text(
            encoding="utf-8")
        assert text == cc.dumps(cc.load())

    def test_short_values_on_one_line(self) -> None:
        """Arrays and objects that fit in 110 columns stay on one line; fields come in declared order."""
        text = cc.dumps(cc.load(FIXTURES / "minimal.json"))
        assert '      "citations": [{"source_id": "memo", "blocks": [1]}]' in text
        assert all(len(line) <= 110 or line.strip().startswith('"') for line in text.splitlines())
        first_event = json.loads(text)["events"][0]
        assert list(first_event)[:4] == ["id", "kind", "summary", "span"]

    @given(JSON_TREES)
    def test_layout_matches_its_definition(self, value: Any) -> None:
        """The bottom-up layout writes what the definition does: each container on one line if it fits (#13)."""
        assert render(value) == layout_by_definition(value)

    @pytest.mark.parametrize("width", [109, 110, 111])
    def test_layout_at_the_line_width(self, width: int) -> None:
        """A container exactly as wide as the line stays on it, one column more is laid out, at any depth."""
        for value in (["x" * (width - 4)], {"k": ["x" * (width - 4 - 2 - 7), 1]}, [[["x" * (width - 12)]]]):
            assert render(value) == layout_by_definition(value)
            assert render({"events": [value]}) == layout_by_definition({"events": [value]})

    @pytest.mark.parametrize("layout", ["compact", "indented", "reordered", "spaced"])
    def test_any_layout_reads_the_same(self, layout: str) -> None:
        """Read record by record, a file gives the same data set however it is spaced or ordered (#13)."""
        data = json.loads(cc.dumps(cc.load()))
        text = {"compact": json.dumps(data, separators=(",", ":")), "indented": json.dumps(data, indent=4),
                "reordered": json.dumps(dict(reversed(list(data.items())))),
                "spaced": " \n\t" + json.dumps(data, indent="\t", separators=(" ,\r\n", " : ")) + "\n "}[layout]
        assert cc.loads(text) == cc.load()

    def test_collections_at_the_line_width(self) -> None:
        """dumps() lays each collection out by the definition: on one line after its key if it fits, else a record a line.

        The actors' names grow a character at a time, so that the actors' array after its
        ``"actors": `` lead crosses the line width.
        """
        source = {"id": "s", "title": "T", "publisher": "P", "url": "https://e.org", "published": "2024",
                  "credit": "P", "blocks": 1}
        for count in (1, 2):
            for length in range(1, 60):
                actors = [{"id": f"a{i}", "name": f"{i}" + "n" * length, "kind": "state",
                           "citations": [{"source_id": "s", "blocks": [1]}]} for i in range(count)]
                ds = cc.from_dict({"format": cc.FORMAT, "sources": [source], "actors": actors})
                text = cc.dumps(ds)
                assert text == layout_by_definition(json.loads(text)) + "\n", (count, length)
                assert cc.loads(text) == ds
        short = {"id": "a", "name": "A", "kind": "state", "citations": [{"source_id": "s", "blocks": [1]}]}
        assert '  "actors": [{"id": "a", "name": "A", "kind": "state", ' in cc.dumps(cc.from_dict(
            {"format": cc.FORMAT, "sources": [source], "actors": [short]}))

    def test_writers_are_built_once_on_the_first_dump(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """The first dump (in a process that has made none) builds the writers, and later dumps reuse them."""
        monkeypatch.setattr(loading, "_WRITERS", [])
        ds = cc.load(FIXTURES / "minimal.json")
        text = cc.dumps(ds)
        built = list(loading._WRITERS)
        assert [type(w) for w in built] == [Writers]
        assert cc.to_dict(ds) == json.loads(text)
        assert cc.loads(text) == ds
        assert [id(w) for w in loading._WRITERS] == [id(w) for w in built]

    def test_empty_dataset(self) -> None:
        """An empty data set writes only the format key."""
        assert json.loads(cc.dumps(cc.Dataset())) == {"format": "caucasus_conflict/1"}

    def test_dumps_refuses_what_is_not_a_dataset(self) -> None:
        """dumps() of anything but a Dataset is a DataError saying what to pass."""
        with pytest.raises(cc.DataError) as info:
            cc.dumps({"format": cc.FORMAT})  # type: ignore[arg-type]
        assert str(info.value) == ("data: 1 problem:\n  $: expected a Dataset to write (got dict)\n"
                                   "Pass a caucasus_conflict.Dataset.")

    def test_missing_folder_is_named(self, tmp_path: Path) -> None:
        """dump() into a folder that does not exist raises OSError naming the file asked for, with the reason."""
        target = tmp_path / "nowhere" / "data.json"
        with pytest.raises(OSError, match="No such file or directory") as info:
            cc.dump(cc.Dataset(), target)
        assert (info.value.filename, info.value.strerror) == (str(target), "No such file or directory")

    def test_temporary_file_is_beside_the_target(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """dump() writes its temporary file in the target's folder, so the final rename is atomic.

        A rename from another folder (such as the system's temporary one) may cross file
        systems, where it is a copy or fails.
        """
        renames: list[tuple[str, str]] = []
        real = os.replace

        def spy(source: str, target: str) -> None:
            renames.append((source, target))
            real(source, target)

        monkeypatch.setattr(os, "replace", spy)
        target = tmp_path / "data.json"
        cc.dump(cc.load(FIXTURES / "minimal.json"), target)
        assert [(Path(source).parent, Path(to)) for source, to in renames] == [(tmp_path, target)]
        assert cc.load(target) == cc.load(FIXTURES / "minimal.json")


def refuse_whole_text_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make `json.loads` of a whole text (loading's path for files that are not plain data set files) fail."""
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the whole text was parsed at once")

    monkeypatch.setattr(json, "loads", refuse)


class TestStreaming:
    """A plain data set file is read record by record (#13): a million events' dicts are never alive at once."""

    @pytest.mark.parametrize("layout", ["dumped", "compact", "indented", "reordered", "spaced", "empty arrays"])
    def test_any_layout_is_streamed(self, monkeypatch: pytest.MonkeyPatch, layout: str) -> None:
        """However a valid file is spaced or ordered, it is read without parsing the whole text at once."""
        data = json.loads(cc.dumps(cc.load()))
        text = {"dumped": cc.dumps(cc.load()), "compact": json.dumps(data, separators=(",", ":")),
                "indented": json.dumps(data, indent=4), "reordered": json.dumps(dict(reversed(list(data.items())))),
                "spaced": " \n\t" + json.dumps(data, indent="\t", separators=(" ,\r\n", " : ")) + "\n ",
                "empty arrays": '{ "format" : "caucasus_conflict/1" , "events" : [ ] ,"claims":[]}'}[layout]
        expected = cc.loads(text)
        refuse_whole_text_parse(monkeypatch)
        assert cc.loads(text) == expected
        assert expected == (cc.Dataset() if layout == "empty arrays" else cc.load())

    @pytest.mark.parametrize(("text", "count"), [((FIXTURES / "missing_field.json").read_text(encoding="utf-8"), 2),
                                                 (" { } ", 1)], ids=["missing field", "empty object"])
    def test_bad_records_are_streamed(self, monkeypatch: pytest.MonkeyPatch, text: str, count: int) -> None:
        """A file whose records are wrong (not its JSON) is read record by record too, with the same problems."""
        with pytest.raises(cc.DataError) as before:
            cc.loads(text)
        refuse_whole_text_parse(monkeypatch)
        with pytest.raises(cc.DataError) as after:
            cc.loads(text)
        assert after.value.problems == before.value.problems
        assert len(after.value.problems) == count

    @pytest.mark.parametrize("streamed", [True, False], ids=["streamed", "whole text"])
    def test_too_deep_to_build(self, monkeypatch: pytest.MonkeyPatch, streamed: bool) -> None:
        """Running out of stack while building the records is a DataError, read either way, not a RecursionError."""
        def too_deep(**parts: Any) -> cc.Dataset:
            raise RecursionError("maximum recursion depth exceeded")

        if not streamed:
            def unusual(*args: Any) -> Any:
                raise ValueError("not a plain data set file")

            monkeypatch.setattr(loading, "_stream", unusual)
        monkeypatch.setattr(loading, "Dataset", too_deep)
        with pytest.raises(cc.DataError) as info:
            cc.loads('{"format": "caucasus_conflict/1"}', file="deep.json")
        assert str(info.value).splitlines()[:2] == ["deep.json: 1 problem:",
                                                    "  $: nested too deeply to be a data set file"]


def by_cattrs(ds: cc.Dataset) -> dict[str, Any]:
    """`cc.to_dict` the slow way: cattrs' unstructure hooks, through a fresh converter."""
    conv = cc.make_converter()
    data: dict[str, Any] = {"format": cc.FORMAT}
    for rtype in RECORD_TYPES:
        records = getattr(ds, rtype.collection)
        if records:
            data[rtype.collection] = conv.unstructure(records, tuple[rtype.cls, ...])  # type: ignore[name-defined]
    return data


class TestWriters:
    """The writers built once per class agree with cattrs and with the layout's definition (#13)."""

    @given(ccst.datasets())
    def test_dataset_agrees_with_cattrs(self, ds: cc.Dataset) -> None:
        """to_dict gives cattrs' plain data, key order included, and dumps lays that data out by definition."""
        slow = by_cattrs(ds)
        assert json.dumps(cc.to_dict(ds)) == json.dumps(slow)
        assert cc.dumps(ds) == layout_by_definition(slow) + "\n"

    @pytest.mark.parametrize(("type_", "strategy"), ROUND_TRIPS, ids=[t.__name__ for t, _ in ROUND_TRIPS])
    @given(data=st.data(), indent=st.integers(0, 120), lead=st.integers(0, 30), edge=st.sampled_from([None, -1, 0, 1]))
    def test_record_agrees_with_cattrs(self, type_: type[Any], strategy: st.SearchStrategy[Any],
                                       data: st.DataObject, indent: int, lead: int, edge: int | None) -> None:
        """Each writer gives cattrs' plain data, json.dumps' one line, and the defined layout at any place.

        With *edge*, the value (then an array of two) is placed so that its one line ends one
        column before, at or after the line's width.
        """
        value = data.draw(strategy)
        writers = Writers(cc.make_converter())
        writer = writers.get(type_)
        plain = cc.make_converter().unstructure(value, type_)
        one = json.dumps(plain, ensure_ascii=False)
        assert json.dumps(writer.plain(value)) == json.dumps(plain)
        assert writer.one(value, {}) == one
        place = indent if edge is None else max(0, 110 - lead - len(one) + edge)
        assert writer.lay(value, place, lead, {}) == layout_by_definition(plain, place, lead)
        place = indent if edge is None else max(0, 110 - lead - 2 * len(one) - 4 + edge)
        assert "".join(writers.lay_records(type_, (value, value), place, lead, {})) == layout_by_definition(
            [plain, plain], place, lead)

    @pytest.mark.parametrize("width", [109, 110, 111])
    def test_long_values_at_the_line_width(self, width: int) -> None:
        """Summaries, inferred spans and participants one column either side of the width are laid out alike."""
        reason = "r" * (width - len('      "span": {"when": "2023", "basis": "inferred", "reason": ""}'))
        # Each participant's line ends one column before, at or after the width.
        actors = tuple(cc.Actor(id=cc.ActorId("a" * (width - 43 + i)), name=f"A{i}", kind=cc.ActorKind.STATE,
                                citations=(cc.Citation(cc.SourceId("s"), (1,)),)) for i in range(3))
        event = cc.Event(id=cc.EventId("e"), kind=cc.EventKind.WAR, summary="s" * (width - 19),
                         span=cc.TimeSpan.parse("2023", basis=cc.Basis.INFERRED, reason=reason),
                         participants=tuple(cc.Participant(a.id, cc.Role.TARGET) for a in actors),
                         citations=(cc.Citation(cc.SourceId("s"), (1,)),))
        source = cc.Source(id=cc.SourceId("s"), title="T", publisher="P", url="https://example.org",
                           published=cc.TimeSpan.parse("2023"), credit="c", blocks=1)
        ds = cc.Dataset(sources=(source,), actors=actors, events=(event,))
        assert cc.dumps(ds) == layout_by_definition(by_cattrs(ds)) + "\n"

    def test_shared_texts_are_per_dump(self) -> None:
        """A value's text is kept for one dump only: a later dump of other records writes their own."""
        first = cc.dumps(cc.load())
        ds = cc.loads(first.replace('"initiator"', '"target"'))
        assert cc.dumps(ds) == layout_by_definition(by_cattrs(ds)) + "\n"
        assert cc.dumps(cc.load()) == first


class TestOwnConverter:
    def test_hooks_on_the_shared_converter_do_not_change_loading(self) -> None:
        """Hooks a user adds to cc.converter change neither load() nor load(path) nor dumps() (#10).

        Run in a fresh interpreter, so the hooks are in place before the bundled data set is
        first read and cached, and nothing leaks into the other tests.
        """
        code = (
            "import json, sys\n"
            "import caucasus_conflict as cc\n"
            "cc.converter.register_structure_hook(cc.TimeSpan, lambda value, _: cc.TimeSpan.unknown())\n"
            "cc.converter.register_unstructure_hook(cc.TimeSpan, lambda span: 'unknown')\n"
            "assert cc.converter.structure('2023', cc.TimeSpan) == cc.TimeSpan.unknown()  # the hook is active\n"
            "bundled, user = cc.load(), cc.load(sys.argv[1])\n"
            "json.dump({'bundled': [e.span.format() for e in bundled.events],\n"
            "           'user': [e.span.format() for e in user.events], 'dumps': cc.dumps(bundled)}, sys.stdout)\n"
        )
        done = subprocess.run([sys.executable, "-c", code, str(FIXTURES / "minimal.json")], capture_output=True,
                              text=True, check=False, timeout=120)
        assert done.returncode == 0, done.stderr
        seen = json.loads(done.stdout)
        bundled_text = (importlib.resources.files("caucasus_conflict") / "data" / "caucasus_conflict.json").read_text(
            encoding="utf-8")
        assert seen == {"bundled": [e.span.format() for e in cc.load().events],
                        "user": [e.span.format() for e in cc.load(FIXTURES / "minimal.json").events],
                        "dumps": bundled_text}
        assert "unknown" not in seen["bundled"][:3]


class TestArguments:
    @pytest.mark.parametrize("max_bytes", ["1", 1.5, None, True], ids=repr)
    def test_max_bytes_must_be_an_integer(self, max_bytes: object) -> None:
        """A max_bytes that is not an integer raises the library's ArgumentTypeError, not a TypeError from '>' (#10)."""
        with pytest.raises(cc.ArgumentTypeError) as info:
            cc.load(FIXTURES / "minimal.json", max_bytes=max_bytes)  # type: ignore[arg-type]
        assert str(info.value) == f"'max_bytes' must be an integer (got {max_bytes!r})"


# A small file with every shape the record-by-record reader walks: a key that is not a
# collection, a collection of two records, an empty one, and JSON whitespace of each kind.
EDITED_FILE = ('\t{ "format" :"caucasus_conflict/1",\r\n"sources": [{"id": "m", "title": "T", "publisher": "P", '
               '"url": "https://e.org", "published": "2024", "credit": "P", "blocks": 1}],'
               '"actors": [ {"id": "n", "name": "N", "kind": "state", "citations": [{"source_id": "m", "blocks": [1]}]} ,'
               '{"id":"s","name":"S","kind":"state","citations":[{"source_id":"m","blocks":[1]}]}],"events" : [ ] }\n')


def read_outcome(text: str) -> cc.Dataset | list[cc.Problem]:
    """What `loads` gives for *text*: the data set, or the problems of its DataError."""
    try:
        return cc.loads(text)
    except cc.DataError as exc:
        return list(exc.problems)


def is_plain_object(text: str) -> bool:
    """Whether *text* is one JSON object that gives no key twice anywhere (what is read record by record)."""
    def once(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        if len({key for key, _ in pairs}) != len(pairs):
            raise ValueError("a key given twice")
        return dict(pairs)

    try:
        return isinstance(json.loads(text, object_pairs_hook=once), dict)
    except ValueError:
        return False


class TestStreamingAgreesWithTheWholeText:
    def test_every_one_character_edit(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Any one character of a file dropped or changed: the record-by-record reader gives what the whole text does.

        The whole-text reader (`json.loads`, then the records) is the reference: a file it
        refuses as invalid JSON must be refused with the same problems, never read as
        something else, and a plain JSON object must be read without it, to the same
        data set or the same problems.
        """
        def unusual(*args: Any) -> Any:
            raise ValueError("not a plain data set file")

        real_loads = json.loads
        edits = {EDITED_FILE[:i] + EDITED_FILE[i + 1:] for i in range(len(EDITED_FILE))}
        edits |= {EDITED_FILE[:i] + c + EDITED_FILE[i + 1:] for i in range(len(EDITED_FILE)) for c in '{}[],:" x'}
        checked = streamed = 0
        for text in sorted(edits):
            with monkeypatch.context() as whole:
                whole.setattr(loading, "_stream", unusual)
                expected = read_outcome(text)
            with monkeypatch.context() as stream:
                if is_plain_object(text):
                    refuse_whole_text_parse(stream)
                    streamed += 1
                assert read_outcome(text) == expected, text
            checked += 1
        assert json.loads is real_loads
        assert isinstance(read_outcome(EDITED_FILE), cc.Dataset)
        assert (checked, streamed > 100) == (len(edits), True)
