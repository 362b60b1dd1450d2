"""Fuzz tests: whatever text a reader is given, it returns a data set or raises `DataError` (#10).

As whenever's ``test_fuzzing`` does for its parsers, Hypothesis feeds `caucasus_conflict.loads`
(and `caucasus_conflict.load`, through a file) arbitrary bytes and text, JSON of any shape, and
the bundled data file with a few mutations: keys deleted or renamed, values of the wrong
type, odd Unicode (lone surrogates, zero-width and bidi characters, newlines), huge and
non-finite numbers, duplicate keys. Nothing else may escape: no ``KeyError``,
``TypeError``, ``UnicodeEncodeError`` or ``RecursionError``.

The number of examples follows the Hypothesis profile (``HYPOTHESIS_PROFILE``).
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import caucasus_conflict as cc
from caucasus_conflict import loading

BUNDLED_TEXT = resources.files("caucasus_conflict").joinpath("data", "caucasus_conflict.json").read_text(
    encoding="utf-8")
#: Loading the bundled file takes milliseconds; the ``ci`` profile's no-deadline rule applies too.
#: The health checks it turns off are added to those the loaded profile turns off, not put in
#: their place: the ``mutation`` profile turns every one off because mutmut runs the suite several
#: times in one process, each time with new instances of the test classes, which Hypothesis's
#: ``differing_executors`` check would otherwise report as one method run from several executors.
SLOW = settings(deadline=None, suppress_health_check=[*settings().suppress_health_check, HealthCheck.too_slow,
                                                      HealthCheck.data_too_large])

ODD_TEXT = st.sampled_from([
    "", " ", "\ud800", "a\udfffb", "\u200b", "\u202eevil", "\ufeff", "x\ny", "\x00", "\t", "e\u0301", "ＡＢ",
    "x" * 5000, "2023-02-30", "unknown", "../..", "2020\n/2021", " 2023", "Baku", "azerbaijan", "🕊",
]) | st.text(st.characters(exclude_categories=()), max_size=8)
ODD_NUMBERS = st.sampled_from([0, -1, 1, 2**53, -(2**63), 10**400, 0.5, 1e308, -0.0, 1.5]) | st.integers()
#: Placeholders replaced in the JSON text by what json.dumps cannot write.
RAW_LITERALS = {
    '"__HUGE_INT__"': "9" * 5000,
    '"__NAN__"': "NaN",
    '"__INFINITY__"': "-Infinity",
    '"__DEEP__"': "[" * 50_000 + "]" * 50_000,
}
LEAVES = (st.none() | st.booleans() | ODD_NUMBERS | st.floats() | ODD_TEXT | st.sampled_from(list(RAW_LITERALS)))
JSON_VALUES = st.recursive(
    LEAVES,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(ODD_TEXT, children, max_size=3),
    max_leaves=8,
)


def result_of(read: Callable[[], cc.Dataset]) -> cc.Dataset | cc.DataError:
    """What *read* returns, or the DataError it raises; any other exception propagates and fails the test."""
    try:
        return read()
    except cc.DataError as error:
        return error


def check_data_error(error: cc.DataError) -> None:
    """A DataError names a problem, prints one problem per line, and encodes as UTF-8."""
    message = str(error)
    assert error.problems, "a DataError names at least one problem"
    assert all(line.isprintable() for line in message.splitlines()), "every problem is on one line"
    message.encode("utf-8")


def to_text(value: Any) -> str:
    """JSON text for *value*, with the placeholders swapped for literals json.dumps cannot write."""
    text = json.dumps(value)  # ensure_ascii keeps lone surrogates as \\ud800 escapes
    for placeholder, literal in RAW_LITERALS.items():
        text = text.replace(placeholder, literal)
    return text


def assert_loads_or_data_error(text: str) -> None:
    """`loads` returns a Dataset or raises DataError; any other exception fails the test.

    A data set it returns can be written as UTF-8 and read back equal (nothing accepted
    that cannot be written), and a DataError's message prints one problem per line and
    encodes as UTF-8 (so a terminal can show it).
    """
    result = result_of(lambda: cc.loads(text, file="fuzz.json"))
    assert_same_as_whole_parse(text, result)
    if isinstance(result, cc.DataError):
        check_data_error(result)
        return
    assert isinstance(result, cc.Dataset)
    written = cc.dumps(result)
    written.encode("utf-8")
    assert cc.loads(written) == result


def assert_same_as_whole_parse(text: str, result: cc.Dataset | cc.DataError) -> None:
    """`loads` reads the top-level arrays record by record, and gives what parsing the whole text first gives (#13).

    Texts json.loads refuses, and those with a repeated key (json.loads keeps the last),
    are left out: `loads` words those errors itself.
    """
    try:
        parsed = json.loads(text, object_pairs_hook=loading._reject_duplicate_keys)
        whole = result_of(lambda: cc.from_dict(parsed, file="fuzz.json"))
    except (ValueError, RecursionError):
        return
    if isinstance(whole, cc.DataError) and isinstance(result, cc.DataError):
        assert str(result) == str(whole)
    else:
        assert result == whole


def mutated(draw: Callable[[st.SearchStrategy[Any]], Any]) -> Any:
    """The bundled file's JSON data with one to three mutations at places drawn anywhere in it.

    Only small choices are drawn (positions, actions, new values), so a failing example
    prints short.
    """
    data: Any = json.loads(BUNDLED_TEXT)
    for _ in range(draw(st.integers(1, 3))):
        data = mutate(draw, data)
    return data


def mutate(draw: Callable[[st.SearchStrategy[Any]], Any], root: Any) -> Any:
    """One mutation of *root*: walk down to a random container, then change one of its entries."""
    node = root
    while True:
        children = list(node.values()) if isinstance(node, dict) else node if isinstance(node, list) else []
        containers = [child for child in children if isinstance(child, dict | list) and child]
        if not containers or draw(st.integers(0, 3)) == 0:
            break
        node = containers[draw(st.integers(0, len(containers) - 1))]
    if not isinstance(node, dict | list) or not node:
        return draw(JSON_VALUES)
    keys = list(node) if isinstance(node, dict) else list(range(len(node)))
    key = keys[draw(st.integers(0, len(keys) - 1))]
    action = draw(st.sampled_from(["delete", "replace", "replace", "add key", "rename key", "duplicate", "wrap"]))
    if action == "delete":
        del node[key]
    elif action == "replace":
        node[key] = draw(JSON_VALUES)
    elif action == "add key" and isinstance(node, dict):
        node[draw(ODD_TEXT)] = draw(JSON_VALUES)
    elif action == "rename key" and isinstance(node, dict):
        node[draw(ODD_TEXT)] = node.pop(key)
    elif action == "duplicate" and isinstance(node, list):
        node.insert(key, node[key])
    else:
        node[key] = [node[key]]
    return root


class TestLoads:
    @given(st.text(max_size=200))
    def test_any_text(self, text: str) -> None:
        """Arbitrary text is a data set or a DataError."""
        assert_loads_or_data_error(text)

    @given(st.binary(max_size=200))
    def test_any_bytes(self, data: bytes) -> None:
        """Arbitrary bytes, read as text with undecodable bytes kept as lone surrogates, are never a crash."""
        assert_loads_or_data_error(data.decode("utf-8", "surrogateescape"))

    @given(st.dictionaries(st.sampled_from(["format", "sources", "actors", "territories", "events", "ceasefires",
                                            "claims", "stances", "other"]), JSON_VALUES, max_size=4))
    def test_any_json_shape(self, data: dict[str, Any]) -> None:
        """JSON of any shape under the data set's keys is a data set or a DataError."""
        assert_loads_or_data_error(to_text({"format": "caucasus_conflict/1", **data}))

    @SLOW
    @given(st.data())
    def test_mutated_bundled_file(self, data: st.DataObject) -> None:
        """The bundled file with a few keys deleted, renamed or given odd values loads or raises DataError."""
        assert_loads_or_data_error(to_text(mutated(data.draw)))

    @SLOW
    @given(st.data(), st.sampled_from(['{"id": "x", ', '{"format": 1, ', '{"": [], ']))
    def test_duplicate_keys(self, data: st.DataObject, extra: str) -> None:
        """A mutated file with a key repeated inside some object loads or raises DataError."""
        text = to_text(mutated(data.draw))
        position = text.find("{", len(text) // 2)
        if position >= 0:
            text = text[:position] + extra + text[position + 1:]
        assert_loads_or_data_error(text)


class TestLoadFile:
    @SLOW
    @given(st.data(), st.booleans())
    def test_any_file(self, data: st.DataObject, mutate_bundled: bool) -> None:
        """A file holding anything at all is a data set or a DataError naming the file."""
        if mutate_bundled:
            content = to_text(mutated(data.draw)).encode("utf-8", "surrogatepass")
        else:
            content = data.draw(st.binary(max_size=200))
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "fuzz.json"
            path.write_bytes(content)
            result = result_of(lambda: cc.load(path))
        if isinstance(result, cc.DataError):
            check_data_error(result)
            assert result.file == str(path)
        else:
            assert isinstance(result, cc.Dataset)
