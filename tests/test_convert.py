"""Tests for the converter: round trips of every type and readable structuring errors."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import attrs
import cattrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

import caucasus_conflict as cc
from caucasus_conflict import strategies as ccst
from caucasus_conflict.convert import FastHooks, Memo, format_exception, make_converter, problems_from, structure

ROUND_TRIPS: list[tuple[type[Any], st.SearchStrategy[Any]]] = [
    (cc.TimeSpan, ccst.timespans()),
    (cc.Citation, ccst.citations()),
    (cc.Count, ccst.counts()),
    (cc.Casualties, ccst.casualties(actor_ids=[cc.ActorId("a")])),
    (cc.Source, ccst.sources()),
    (cc.Actor, ccst.actors(actor_ids=[cc.ActorId("a"), cc.ActorId("b")])),
    (cc.Territory, ccst.territories(actor_ids=[cc.ActorId("a")], territory_ids=[cc.TerritoryId("t")])),
    (cc.Event, ccst.events(actor_ids=[cc.ActorId("a")], territory_ids=[cc.TerritoryId("t")],
                           parent_ids=[cc.EventId("p")])),
    (cc.Ceasefire, ccst.ceasefires(event_ids=[cc.EventId("e")], territory_ids=[cc.TerritoryId("t")])),
    (cc.Claim, ccst.claims(actor_ids=[cc.ActorId("a")], claim_ids=[cc.ClaimId("other")],
                           event_ids=[cc.EventId("e")])),
    (cc.Stance, ccst.stances(territory_ids=[cc.TerritoryId("t")], event_ids=[cc.EventId("e")])),
]


class TestRoundTrip:
    @pytest.mark.parametrize(("type_", "strategy"), ROUND_TRIPS, ids=[t.__name__ for t, _ in ROUND_TRIPS])
    @given(data=st.data())
    def test_structure_unstructure(self, type_: type[Any], strategy: st.SearchStrategy[Any],
                                   data: st.DataObject) -> None:
        """structure(unstructure(x)) == x, through real JSON text, for every model type."""
        value = data.draw(strategy)
        plain = cc.converter.unstructure(value, type_)
        assert cc.converter.structure(json.loads(json.dumps(plain)), type_) == value

    @given(ccst.datasets())
    def test_dataset_file(self, ds: cc.Dataset) -> None:
        """A whole data set survives dumps/loads unchanged."""
        assert cc.loads(cc.dumps(ds)) == ds

    @given(ccst.datasets(max_events=6, max_claims=3, max_stances=3), st.data())
    def test_older_span_shapes_load_alike(self, ds: cc.Dataset, data: st.DataObject) -> None:
        """A file with its dates in any mix of the older shapes loads to the same data set (#12)."""
        def older(node: Any) -> Any:
            if isinstance(node, list):
                return [older(item) for item in node]
            if not isinstance(node, dict):
                return node
            if "when" not in node:
                return {key: older(item) for key, item in node.items()}
            shape = data.draw(st.sampled_from(["text", "old-object", "new", "when-only"]))
            if shape == "text" and node["basis"] == "stated":
                return node["when"]
            if shape == "old-object":
                return {key: node[key] for key in ("when", "basis", "reason") if key in node}
            if shape == "when-only" and node["basis"] == "stated":
                return {"when": node["when"]}
            return node
        plain = older(json.loads(cc.dumps(ds)))
        assert cc.loads(json.dumps(plain)) == ds
        assert cc.from_dict(plain) == ds

    def test_plain_types_only(self) -> None:
        """Unstructured data holds only JSON types: enums become strings, dates objects of strings."""
        event = cc.Event(id=cc.EventId("e"), kind=cc.EventKind.WAR, summary="w", span=cc.TimeSpan.parse("2020"),
                         participants=(cc.Participant(cc.ActorId("a"), cc.Role.INITIATOR),),
                         citations=(cc.Citation(cc.SourceId("s"), (1,)),))
        plain = cc.converter.unstructure(event)
        assert plain == {
            "id": "e", "kind": "war", "summary": "w",
            "span": {"when": "2020", "first": "2020-01-01", "last": "2020-12-31", "precision": "year",
                     "basis": "stated"},
            "participants": [{"actor_id": "a", "role": "initiator"}],
            "citations": [{"source_id": "s", "blocks": [1]}],
        }
        assert type(plain["kind"]) is str

    @pytest.mark.parametrize(("type_", "strategy"), ROUND_TRIPS, ids=[t.__name__ for t, _ in ROUND_TRIPS])
    @given(data=st.data())
    def test_keys_in_declared_order(self, type_: type[Any], strategy: st.SearchStrategy[Any],
                                    data: st.DataObject) -> None:
        """Unstructured records list their keys in the order the class declares its fields."""
        plain = cc.converter.unstructure(data.draw(strategy), type_)
        if isinstance(plain, dict) and attrs.has(type_) and type_ is not cc.TimeSpan:  # a span is {when, first, ...}
            declared = [f.name for f in attrs.fields(type_)]
            assert list(plain) == [name for name in declared if name in plain]

    def test_inferred_span_shape(self) -> None:
        """An inferred span is written with its first and last day, precision, basis and reason."""
        span = cc.TimeSpan.parse("2023", basis=cc.Basis.INFERRED, reason="copyright year")
        assert cc.converter.unstructure(span) == {"when": "2023", "first": "2023-01-01", "last": "2023-12-31",
                                                  "precision": "year", "basis": "inferred",
                                                  "reason": "copyright year"}

    @pytest.mark.parametrize(
        ("text", "written"),
        [
            ("2020-11-10", {"when": "2020-11-10", "first": "2020-11-10", "last": "2020-11-10", "precision": "day",
                            "basis": "stated"}),
            ("2020-11", {"when": "2020-11", "first": "2020-11-01", "last": "2020-11-30", "precision": "month",
                         "basis": "stated"}),
            ("1990/1993-06", {"when": "1990/1993-06", "first": "1990-01-01", "last": "1993-06-30",
                              "precision": "range", "basis": "stated"}),
            ("2020-11/..", {"when": "2020-11/..", "first": "2020-11-01", "last": None, "precision": "range",
                            "basis": "stated"}),
            ("../2020", {"when": "../2020", "first": None, "last": "2020-12-31", "precision": "range",
                         "basis": "stated"}),
            ("unknown", {"when": "unknown", "first": None, "last": None, "precision": "unknown", "basis": "stated"}),
        ],
    )
    def test_one_span_shape(self, text: str, written: dict[str, Any]) -> None:
        """Every span, stated or not, open or unknown, is one object with its keys in one order (#12)."""
        plain = cc.converter.unstructure(cc.TimeSpan.parse(text))
        assert plain == written
        assert list(plain) == ["when", "first", "last", "precision", "basis"]

    @pytest.mark.parametrize(
        "value",
        ["2020-11", {"when": "2020-11"}, {"when": "2020-11", "basis": "stated"},
         {"when": "2020-11", "first": "2020-11-01", "last": "2020-11-30", "precision": "month", "basis": "stated"},
         {"precision": "month", "when": "2020-11", "last": "2020-11-30"}],
        ids=["text", "when", "old-object", "new-object", "some-keys-reordered"],
    )
    def test_old_and_new_shapes_read_alike(self, value: Any) -> None:
        """The text shorthand, the older {when, basis, reason} object and the new object give one span (#12)."""
        assert cc.converter.structure(value, cc.TimeSpan) == cc.TimeSpan.month(2020, 11)
        assert FastHooks(make_converter()).get(cc.TimeSpan)(value, Memo()) == cc.TimeSpan.month(2020, 11)

    def test_written_object_is_fresh(self) -> None:
        """Each written span is a dict of its own: changing one leaves the next one alone."""
        span = cc.TimeSpan.parse("2020")
        cc.converter.unstructure(span)["when"] = "changed"
        assert cc.converter.unstructure(span)["when"] == "2020"

    def test_make_converter_is_independent(self) -> None:
        """make_converter returns a fresh converter; changing it leaves the shared one alone."""
        mine = cc.make_converter()
        mine.register_unstructure_hook(cc.TimeSpan, lambda span: "custom")
        assert mine.unstructure(cc.TimeSpan.parse("2023")) == "custom"
        assert cc.converter.unstructure(cc.TimeSpan.parse("2023"))["when"] == "2023"

    def test_configure_converter(self) -> None:
        """configure_converter makes any cattrs converter speak the model's JSON."""
        conv = cattrs.Converter()
        cc.configure_converter(conv)
        assert conv.structure("2023-09", cc.TimeSpan) == cc.TimeSpan.month(2023, 9)


ODD_VALUES = st.sampled_from([None, True, False, 0, 1, -1, 1.0, 2.5, 10**400, "", " ", "x", "unknown", "2020",
                                "initiator", "\ud800", [], [1], ["a"], {}, {"when": "2020"}, [{"actor_id": "a"}]])


def mutated(draw: Any, plain: Any) -> Any:
    """*plain* with one value somewhere inside replaced, one key deleted or one key added."""
    node = plain
    while isinstance(node, dict | list) and node and draw(st.integers(0, 2)):
        children = list(node.values()) if isinstance(node, dict) else node
        inner = [child for child in children if isinstance(child, dict | list) and child]
        if not inner:
            break
        node = draw(st.sampled_from(inner))
    if not isinstance(node, dict | list) or not node:
        return plain
    key = draw(st.sampled_from(list(node) if isinstance(node, dict) else list(range(len(node)))))
    action = draw(st.sampled_from(["replace", "delete", "add"]))
    if action == "delete":
        del node[key]
    elif action == "add" and isinstance(node, dict):
        node[draw(st.sampled_from(["id", "extra", "blocks", "span", "role"]))] = draw(ODD_VALUES)
    else:
        node[key] = draw(ODD_VALUES)
    return plain


class TestFastPath:
    """The fast path that loading tries first agrees with the detailed converter (#13)."""

    @pytest.mark.parametrize(("type_", "strategy"), ROUND_TRIPS[1:], ids=[t.__name__ for t, _ in ROUND_TRIPS[1:]])
    @given(data=st.data())
    def test_agrees_with_converter(self, type_: type[Any], strategy: st.SearchStrategy[Any],
                                   data: st.DataObject) -> None:
        """Valid data gives the converter's record; altered data gives it too, or fails as the converter does."""
        hook = FastHooks(make_converter()).get(type_)
        plain = json.loads(json.dumps(cc.converter.unstructure(data.draw(strategy), type_)))
        assert hook(json.loads(json.dumps(plain)), Memo()) == cc.converter.structure(plain, type_)
        altered = mutated(data.draw, plain)
        try:
            expected = cc.converter.structure(json.loads(json.dumps(altered)), type_)
        except Exception:
            with pytest.raises(Exception):  # noqa: B017, PT011 - the detailed path words the error
                hook(altered, Memo())
        else:
            try:
                got = hook(altered, Memo())
            except Exception:
                return  # left to the detailed path, which builds it
            assert got == expected

    def test_text_values_shared_by_their_items(self) -> None:
        """A value of text fields found again by its JSON items is the first one; anything else is structured anew (#13)."""
        hook = FastHooks(make_converter()).get(cc.Participant)
        memo = Memo()
        first = hook({"actor_id": "a", "role": "target"}, memo)
        assert hook({"actor_id": "a", "role": "target"}, memo) is first
        assert hook({"role": "target", "actor_id": "a"}, memo) == first
        assert hook({"actor_id": "b", "role": "target"}, memo) == cc.Participant(cc.ActorId("b"), cc.Role.TARGET)
        for bad in ({"actor_id": ["a"], "role": "target"}, {"actor_id": "a", "role": "targets"},
                    {"actor_id": "a", "role": "target", "side": 1}, {"actor_id": "a"}):
            with pytest.raises(Exception):  # noqa: B017, PT011 - the detailed path words the error
                hook(bad, memo)
    def test_other_types_fall_back_to_the_converter(self) -> None:
        """A type the fast path has no hook of its own for is structured by the converter's hook."""
        assert FastHooks(make_converter()).get(dict[str, tuple[int, ...]])({"a": [1, 2]}, Memo()) == {"a": (1, 2)}

    @pytest.mark.parametrize("type_", [int | str, int | str | None], ids=["two types", "two types or None"])
    def test_a_union_that_is_not_an_optional_takes_the_converters_hook(self, type_: Any) -> None:
        """A union other than ``X | None`` is not read as an optional X: a user's own hook for it is used."""
        conv = make_converter()
        conv.register_structure_hook(type_, lambda value, _: ("mine", value))
        assert FastHooks(conv).get(type_)(5, Memo()) == ("mine", 5)

    def test_an_optional_date_given_as_a_day_is_kept(self) -> None:
        """A ceasefire's effective date written as one day loads as that day, not as no date (#13)."""
        cite = [CITATION]
        text = json.dumps({
            "format": "caucasus_conflict/1",
            "sources": [{"id": "s", "title": "T", "publisher": "P", "url": "https://example.org", "credit": "P",
                         "published": "2020", "blocks": 3}],
            "actors": [{"id": "a", "name": "A", "kind": "state", "citations": cite}],
            "ceasefires": [{"id": "c", "name": "C", "party_ids": ["a"], "declared": "2020-11",
                            "effective": "2020-11-10", "citations": cite}],
        })
        assert cc.loads(text).ceasefires[0].effective == cc.TimeSpan.day(2020, 11, 10)

    def test_shares_values(self) -> None:
        """Within one load, equal spans and small values are one object each."""
        hook = FastHooks(make_converter()).get(cc.Event)
        memo = Memo()
        plain = {"id": "e1", "kind": "war", "summary": "w", "span": "2020",
                 "participants": [{"actor_id": "a", "role": "initiator"}], "citations": [CITATION]}
        first, second = hook(dict(plain), memo), hook({**plain, "id": "e2"}, memo)
        assert first.span is second.span
        # The same date written as an object, in either key order, is the same span too (#12).
        written = {"when": "2020", "first": "2020-01-01", "last": "2020-12-31", "precision": "year",
                   "basis": "stated"}
        third = hook({**plain, "id": "e3", "span": written}, memo)
        fourth = hook({**plain, "id": "e4", "span": dict(reversed(list(written.items())))}, memo)
        assert third.span is first.span
        assert fourth.span is first.span
        assert first.participants[0] is second.participants[0]
        assert first.citations[0] is second.citations[0]

    def test_shares_only_equal_values(self) -> None:
        """Values that differ only in which field holds a number stay apart."""
        hook = FastHooks(make_converter()).get(cc.Casualties)
        got = hook({"killed": {"best": 5}, "injured": {"low": 5}, "citations": [CITATION]}, Memo())
        assert (got.killed, got.injured) == (cc.Count(5), cc.Count(low=5))


CITATION = {"source_id": "s", "blocks": [1]}


@dataclasses.dataclass
class Point:
    """A user's own type, structured by a converter from make_converter()."""

    x: int


NO_BLOCKS = "$.blocks: 'blocks' must name at least one block (got ()); a citation of a data file names 'rows' or 'row_ids' instead"


class TestErrors:
    @pytest.mark.parametrize(
        ("data", "problems"),
        [
            ({"source_id": 5, "blocks": [1]}, ["$.source_id: expected a string (got an integer: 5)"]),
            ({"source_id": "s", "blocks": "1"}, ["$.blocks: expected an array (got a string: '1')"]),
            ({"source_id": "s", "blocks": [True]}, ["$.blocks[0]: expected an integer (got a boolean: True)"]),
            ({"source_id": "s", "blocks": [1, "2"]}, ["$.blocks[1]: expected an integer (got a string: '2')"]),
            ({"source_id": "s"}, [NO_BLOCKS]),
            ({"source_id": "s", "blocks": []}, [NO_BLOCKS]),
            ({"source_id": "s", "blocks": [1], "rows": [2]},
             ["$.rows: a citation names blocks of an article or rows of a data file, not both "
              "(got blocks (1,) and rows (2,), row_ids ())"]),
            ({"source_id": "s", "rows": [0]}, ["$.rows[0]: 'rows' must be >= 1 (got 0)"]),
            ({"source_id": "s", "row_ids": [" 1"]}, ["$.row_ids[0]: 'row_ids[0]' must not start or end with a space (got ' 1')"]),
            ({"source_id": "s", "blocks": [1], "qoute": "x"},
             ["$: unknown field(s) 'qoute' (did you mean 'quote'?); expected only: source_id, blocks, quote, rows, row_ids"]),
            ({"source_id": "s", "blocks": [1], "zz": 2, 1: "x"},
             ["$: unknown field(s) 1, 'zz'; expected only: source_id, blocks, quote, rows, row_ids"]),
            ({"source_id": "s", "blocks": [1], **{f"k{i}": i for i in range(10)}},
             ["$: unknown field(s) 'k0', 'k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7', 'k8', 'k9'; "
              "expected only: source_id, blocks, quote, rows, row_ids"]),
        ],
    )
    def test_citation(self, data: dict[str, Any], problems: list[str]) -> None:
        """Wrong types, missing fields, invalid values and misspelt keys each name their JSON path."""
        with pytest.raises(cc.DataError) as info:
            structure(data, cc.Citation)
        assert [str(p) for p in info.value.problems] == problems

    @pytest.mark.parametrize(
        ("value", "type_", "problem"),
        [
            ("10", float, "$: expected a number (got a string: '10')"),
            (True, float, "$: expected a number (got a boolean: True)"),
            ({"x": 1}, str, "$: expected a string (got an object: {'x': 1})"),
            ([1], str, "$: expected a string (got an array: [1])"),
            (1.5, int, "$: expected an integer (got a number: 1.5)"),
            ({1}, str, "$: expected a string (got set: {1})"),
        ],
    )
    def test_wrong_type_names_what_it_got(self, value: object, type_: type[Any], problem: str) -> None:
        """A value of the wrong type is named in JSON's words (an object, an array, a number), else by its type."""
        with pytest.raises(cc.DataError) as info:
            structure(value, type_)
        assert [str(p) for p in info.value.problems] == [problem]

    @pytest.mark.parametrize(("value", "type_", "error", "expected"),
                             [(5, str, cc.RecordTypeError, "be a string"),
                              ("1", float, cc.RecordTypeError, "be a number"),
                              (10**400, float, cc.RecordError, "be a number a float can hold")])
    def test_errors_carry_expectation_and_value(self, value: object, type_: type[Any], error: type[cc.RecordError],
                                                expected: str) -> None:
        """The shared converter's errors say in their attributes what was expected and what was given."""
        with pytest.raises(error) as info:
            cc.converter.structure(value, type_)
        assert (info.value.field, info.value.expected, info.value.value) == (None, expected, value)

    @pytest.mark.parametrize(("exc", "type_", "message"),
                             [(ValueError(), int, "invalid value for type, expected int"),
                              (OSError("disk full"), None, "unknown error (disk full)")])
    def test_other_errors_worded_as_cattrs_words_them(self, exc: Exception, type_: type[Any] | None,
                                                      message: str) -> None:
        """An error that says nothing itself, or is neither ours nor a TypeError or ValueError, keeps cattrs' words."""
        assert format_exception(exc, type_) == message

    def test_unknown_keys_of_a_users_dataclass_named(self) -> None:
        """make_converter() names the unknown keys of a user's own dataclass too (there are no attrs fields to list)."""
        with pytest.raises(cattrs.ClassValidationError) as info:
            make_converter().structure({"x": 1, "y": 2}, Point)
        assert [str(p) for p in problems_from(info.value)] == ["$: unknown field(s) 'y'"]

    def test_enum_lists_choices(self) -> None:
        """An unknown enum value lists the allowed values and the closest one."""
        with pytest.raises(cc.DataError) as info:
            structure({"actor_id": "a", "role": "initator"}, cc.Participant)
        assert [str(p) for p in info.value.problems] == [
            "$.role: expected one of 'initiator', 'target', 'participant', 'mediator', 'supporter', "
            "'affected' (got 'initator'); did you mean 'initiator'?"
        ]

    @pytest.mark.parametrize(
        ("span", "problem"),
        [
            ("2023-13", "$.span: invalid time span '2023-13': month must be 01..12 (got 13); write 'YYYY', "
                        "'YYYY-MM', 'YYYY-MM-DD', 'START/END' or 'unknown'"),
            (2023, "$.span: expected a time span: a string such as '2023-09' or an object with 'when' "
                   "(got an integer: 2023)"),
            ({"when": "2023", "basis": "guessed", "reason": "r"},
             "$.span.basis: expected one of 'stated', 'inferred' (got 'guessed')"),
            ({"when": "2023", "basis": "inferred", "reason": 5},
             "$.span.reason: expected a string (got an integer: 5)"),
            ({"basis": "inferred", "reason": "r"},
             "$.span.when: a time span object needs 'when' (e.g. \"when\": \"2023-09\")"),
            ({"when": "2023", "basis": "inferred", "reason": "\ud800"},
             "$.span.reason: 'reason' must be valid Unicode text, but it holds the lone surrogate '\\ud800' "
             "(got '\\ud800'); UTF-8 cannot encode it"),
            (" 2023", "$.span: invalid time span ' 2023': a time span holds no spaces, tabs or line breaks, not even "
                      "around it; write '2023'"),
            ({"when": "2023", "basis": "inferred"},
             "$.span: invalid time span '2023': an inferred date needs a 'reason' saying how "
             "it was inferred"),
            ({"when": "2023", "why": "r"},
             "$.span: unknown time span key(s) ['why'] (expected 'when', 'first', 'last', 'precision', "
             "'basis', 'reason')"),
            ({"when": "2023", "first": "2023-01-02"},
             "$.span.first: 'first' must be '2023-01-01', the first day of '2023' (got '2023-01-02'); correct it "
             "or leave it out, 'when' decides"),
            ({"when": "2023", "last": None},
             "$.span.last: 'last' must be '2023-12-31', the last day of '2023' (got null); correct it or leave "
             "it out, 'when' decides"),
            ({"when": "2023/..", "last": "2023-12-31"},
             "$.span.last: 'last' must be null: '2023/..' has no last day (got '2023-12-31'); correct it or "
             "leave it out, 'when' decides"),
            ({"when": "unknown", "first": "2023-01-01", "precision": "unknown"},
             "$.span.first: 'first' must be null: 'unknown' has no first day (got '2023-01-01'); correct it or "
             "leave it out, 'when' decides"),
            ({"when": "2023-09", "precision": "day"},
             "$.span.precision: 'precision' must be 'month' for '2023-09' (got 'day'); correct it or leave it "
             "out, 'when' decides"),
            ({"when": "2023-09", "first": 20230901},
             "$.span.first: 'first' must be '2023-09-01', the first day of '2023-09' (got 20230901); correct it "
             "or leave it out, 'when' decides"),
        ],
    )
    def test_span(self, span: Any, problem: str) -> None:
        """Bad spans report what was expected, at the span's path."""
        data = {"id": "c", "span": span, "summary": "s", "citations": [CITATION]}
        with pytest.raises(cc.DataError) as info:
            structure(data, cc.Claim)
        assert [str(p) for p in info.value.problems] == [problem]

    def test_span_disagreements_in_a_file(self) -> None:
        """A file whose first, last and precision disagree with 'when' names the file and each path (#12)."""
        text = json.dumps({"format": "caucasus_conflict/1",
                           "sources": [{"id": "s", "title": "T", "publisher": "P", "url": "u", "credit": "c",
                                        "blocks": 1, "published": {"when": "2020-11", "first": "2020-11-01",
                                                                   "last": "2020-11-31", "precision": "day"}}]})
        with pytest.raises(cc.DataError) as info:
            cc.loads(text, file="mine.json")
        assert str(info.value) == (
            "mine.json: 2 problems:\n"
            "  $.sources[0].published.last: 'last' must be '2020-11-30', the last day of '2020-11' "
            "(got '2020-11-31'); correct it or leave it out, 'when' decides\n"
            "  $.sources[0].published.precision: 'precision' must be 'month' for '2020-11' (got 'day'); "
            "correct it or leave it out, 'when' decides\n"
            "Fix the data at the path(s) shown and load it again.")

    def test_all_problems_at_once(self) -> None:
        """Every problem in a record is reported, not only the first."""
        data = {"id": "e", "kind": "warr", "summary": 3, "span": "2023",
                "participants": [{"actor_id": "a", "role": "initiator"}, {"actor_id": "b"}],
                "citations": [CITATION]}
        with pytest.raises(cc.DataError) as info:
            structure(data, cc.Event, path="$.events[4]")
        assert [p.path for p in info.value.problems] == [
            "$.events[4].kind", "$.events[4].summary", "$.events[4].participants[1].role",
        ]


EVENT = {"id": "e", "kind": "war", "summary": "s", "span": "2023", "citations": [CITATION]}


class TestProblemPlaces:
    @pytest.mark.parametrize(
        ("type_", "data", "problems"),
        [
            (cc.ControlPeriod, {"controller_ids": ["a"], "span": "2020", "share": 10**400, "citations": [CITATION]},
             ["$.share: expected a number of at most about 1.8e308, which a float can hold (got an integer: "
              "100000000000000000...0000000000000000000)"]),
            (cc.Count, {"best": 2**53}, ["$.best: 'best' must be within ±9007199254740991 (2**53 - 1), the integers "
                                         "every JSON reader keeps exactly (got 9007199254740992)"]),
            (cc.Event, {**EVENT, "summary": "a\ud800"},
             ["$.summary: 'summary' must be valid Unicode text, but it holds the lone surrogate '\\ud800' "
              "(got 'a\\ud800'); UTF-8 cannot encode it"]),
            (cc.Event, {**EVENT, "id": "\u200b"},
             ["$.id: 'id' must be printable, without control, invisible or bidi characters (got '\\u200b')"]),
            (cc.Actor, {"id": "a", "name": "A", "kind": "state", "aliases": ["B", " "], "citations": [CITATION]},
             ["$.aliases[1]: 'aliases[1]' must not be empty (got ' ')"]),
            (cc.Citation, {"source_id": "s", "blocks": [1, 0]}, ["$.blocks[1]: 'blocks' must be >= 1 (got 0)"]),
            (cc.Ceasefire, {"id": "c", "name": "C", "party_ids": ["a"], "declared": "2020-11", "effective": "2020-10",
                            "citations": [CITATION]},
             ["$.effective: 'effective' must not be before 'declared' (got effective=2020-10, declared=2020-11)"]),
            (cc.Claim, {"id": "c", "span": "2020", "summary": "s", "disputes_ids": ["d", "c"],
                        "citations": [CITATION]},
             ["$.disputes_ids[1]: 'disputes_ids[1]' must not name the claim itself (got 'c')"]),
            (cc.Stance, {"id": "s", "holder_id": "a", "kind": "supports", "citations": [CITATION]},
             ["$: a stance needs exactly one of 'toward_actor_id', 'toward_territory_id', 'toward_event_id' "
              "(got 0)"]),
        ],
    )
    def test_place_and_expectation(self, type_: type[Any], data: dict[str, Any], problems: list[str]) -> None:
        """Each problem names the exact field (and item) and what was expected there (#10)."""
        with pytest.raises(cc.DataError) as info:
            structure(data, type_)
        assert [str(p) for p in info.value.problems] == problems

    def test_field_read_from_the_error(self) -> None:
        """The path comes from the error's field, not its text: a message that names no field still gets one."""
        error = cc.RecordError("quote", "be short", "x", message="quotes must be short")
        assert [str(p) for p in problems_from(error, "$.claims[3]")] == ["$.claims[3].quote: quotes must be short"]

    def test_message_text_is_not_parsed(self) -> None:
        """A message that starts with a quoted name is not mistaken for a field."""
        error = cc.RecordError(None, "be one", 2, message="'toward_actor_id' and 'toward_event_id' are both set")
        assert problems_from(error, "$")[0].path == "$"

    def test_echoed_values_are_short(self) -> None:
        """A 10 MB value is echoed as a short preview."""
        with pytest.raises(cc.DataError) as info:
            structure({"source_id": "s", "blocks": "y" * 10_000_000}, cc.Citation)
        assert len(str(info.value)) < 300

    def test_many_unknown_keys_bounded(self) -> None:
        """Fifty misspelt keys are counted, not all listed."""
        with pytest.raises(cc.DataError) as info:
            structure({**CITATION, **{f"k{i:02d}": 1 for i in range(50)}}, cc.Citation)
        assert [str(p) for p in info.value.problems] == [
            "$: unknown field(s) 'k00', 'k01', 'k02', 'k03', 'k04', 'k05', 'k06', 'k07', 'k08', 'k09', and 40 more; "
            "expected only: source_id, blocks, quote, rows, row_ids"]

    def test_every_failed_item_reported(self) -> None:
        """Past a thousand failed items the errors are collapsed, but each problem keeps its place."""
        data = [{"source_id": "s"}] * 1500 + [{"source_id": "s", "blocks": [0]}]
        with pytest.raises(cc.DataError) as info:
            structure(data, tuple[cc.Citation, ...], path="$.c")
        problems = [str(p) for p in info.value.problems]
        assert len(problems) == 1501
        assert problems[0] == problems_from_text(0)
        assert problems[1499] == problems_from_text(1499)
        assert problems[1500] == "$.c[1500].blocks[0]: 'blocks' must be >= 1 (got 0)"


def problems_from_text(index: int) -> str:
    """The problem a citation without blocks at *index* reports."""
    return f"$.c[{index}].{NO_BLOCKS.removeprefix('$.')}"


class TestProblemLayout:
    def test_newline_in_key_stays_on_one_line(self) -> None:
        """A key holding a newline is escaped, so a DataError stays one problem per line (#10)."""
        with pytest.raises(cc.DataError) as info:
            cc.loads('{"format": "caucasus_conflict/1", "a\\nb": 1, "actors": {}}')
        lines = str(info.value).splitlines()
        assert len(lines) == len(info.value.problems) + 2
        assert any(line.startswith("  $.a\\nb: unknown top-level key") for line in lines)
        assert info.value.problems[0].path == "$.a\nb"  # the data keeps the key as found

    def test_invisible_characters_escaped(self) -> None:
        """Bidi and zero-width characters in a problem are shown as escapes, not applied to the terminal."""
        assert str(cc.Problem("$.x\u202e", "bad \u200b value\r")) == "$.x\\u202e: bad \\u200b value\\r"

    def test_long_parts_cut(self) -> None:
        """A huge path or message is cut to a bounded length."""
        assert len(str(cc.Problem("$." + "k" * 100_000, "m" * 100_000))) < 1400

    def test_at_most_a_thousand_listed(self) -> None:
        """The message lists 1,000 problems, then counts the rest; .problems keeps them all."""
        error = cc.DataError([cc.Problem(f"$.events[{i}]", "bad") for i in range(2500)], file="big.json")
        lines = str(error).splitlines()
        assert lines[0] == "big.json: 2500 problems:"
        assert lines[1000] == "  $.events[999]: bad"
        assert lines[1001] == "  ... and 1500 more problems"
        assert lines[1002] == "Fix the data at the path(s) shown and load it again."
        assert len(lines) == 1003
        assert len(error.problems) == 2500

    def test_one_more(self) -> None:
        """One problem past the limit is counted in the singular."""
        error = cc.DataError([cc.Problem("$", "bad")] * 1001)
        assert str(error).splitlines()[-2] == "  ... and 1 more problem"


class TestDates:
    def test_a_date_is_written_and_read_as_iso_text(self) -> None:
        """The shared converter writes a pendulum Date as 'YYYY-MM-DD' and reads that text back to the day."""
        day = pendulum.Date(2023, 9, 19)
        assert cc.converter.unstructure(day) == "2023-09-19"
        assert structure("2023-09-19", pendulum.Date) == day

    @pytest.mark.parametrize(
        ("value", "problem"),
        [
            ("2023-09", "$: expected a date 'YYYY-MM-DD' (got '2023-09')"),
            ("2023-02-30", "$: expected a date 'YYYY-MM-DD' (got '2023-02-30')"),
            ("2020/2021", "$: expected a date 'YYYY-MM-DD' (got '2020/2021')"),
            ("unknown", "$: expected a date 'YYYY-MM-DD' (got 'unknown')"),
            (20230919, "$: expected a date string 'YYYY-MM-DD' (got an integer: 20230919)"),
        ],
    )
    def test_anything_but_one_day_refused(self, value: object, problem: str) -> None:
        """A date field takes exactly one day: a month, a range, an impossible day or a number is refused."""
        with pytest.raises(cc.DataError) as info:
            structure(value, pendulum.Date)
        assert [str(p) for p in info.value.problems] == [problem]

    @pytest.mark.parametrize(("value", "error", "expected"),
                             [("2023-09", cc.RecordError, "be a date 'YYYY-MM-DD'"),
                              (20230919, cc.RecordTypeError, "be a date string 'YYYY-MM-DD'")])
    def test_refusal_carries_expectation_and_value(self, value: object, error: type[cc.RecordError],
                                                   expected: str) -> None:
        """The error of the shared converter says, in its attributes, what was expected and what was given."""
        with pytest.raises(error) as info:
            cc.converter.structure(value, pendulum.Date)
        assert (info.value.field, info.value.expected, info.value.value) == (None, expected, value)


class TestManyFailedItems:
    @pytest.mark.parametrize("new", [False, True], ids=["shared converter", "make_converter()"])
    def test_items_past_the_detailed_limit_keep_their_problems(self, new: bool) -> None:
        """Past 1,000 failed items of one array, an item's error is one line: its first three problems and a count."""
        bad = [1] * 1000 + [{"id": 5}, {"id": 5, "name": "A"}, 7]
        conv = make_converter() if new else cc.converter
        with pytest.raises(cattrs.IterableValidationError) as info:
            conv.structure(bad, tuple[cc.Actor, ...])
        assert [str(error) for error in info.value.exceptions[1000:]] == [
            ".id: expected a string (got an integer: 5); .name: required field missing; "
            ".kind: required field missing; and 1 more",
            ".id: expected a string (got an integer: 5); .kind: required field missing; "
            ".citations: required field missing",
            ".: expected an object for Actor (got an integer: 7)",
        ]
        assert [str(p) for p in problems_from(info.value)][-5:] == [
            "$[1000].citations: required field missing",
            "$[1001].id: expected a string (got an integer: 5)",
            "$[1001].kind: required field missing",
            "$[1001].citations: required field missing",
            "$[1002]: expected an object for Actor (got an integer: 7)",
        ]


class TestMakeConverter:
    """make_converter() builds a new converter that reads, writes and words errors as the shared one does."""

    @pytest.mark.parametrize(("type_", "strategy"), ROUND_TRIPS, ids=[t.__name__ for t, _ in ROUND_TRIPS])
    @given(data=st.data())
    def test_round_trips_like_the_shared_converter(self, type_: type[Any], strategy: st.SearchStrategy[Any],
                                                   data: st.DataObject) -> None:
        """A new converter writes what the shared one writes, and reads it back to the same value."""
        value = data.draw(strategy)
        conv = make_converter()
        plain = conv.unstructure(value, type_)
        # As text: the keys come in the same (declared) order too.
        assert json.dumps(plain) == json.dumps(cc.converter.unstructure(value, type_))
        assert conv.structure(json.loads(json.dumps(plain)), type_) == value

    def test_reads_a_tuple_of_kinds(self) -> None:
        """A new converter reads an array of kinds to a tuple of the enum's members."""
        assert make_converter().structure(["state", "person"], tuple[cc.ActorKind, ...]) == (cc.ActorKind.STATE,
                                                                                             cc.ActorKind.PERSON)

    def test_writes_plain_values(self) -> None:
        """Kinds, dates and tuples are written as plain str and list, which any writer (YAML, TOML) takes."""
        conv = make_converter()
        kind = conv.unstructure(cc.ActorKind.STATE)
        assert (type(kind), kind) == (str, "state")
        assert conv.unstructure(pendulum.Date(2023, 9, 19)) == "2023-09-19"
        assert conv.unstructure((1, 2)) == [1, 2]

    @pytest.mark.parametrize(
        ("value", "type_", "problem"),
        [
            (5, str, "$: expected a string (got an integer: 5)"),
            ("5", int, "$: expected an integer (got a string: '5')"),
            ("5", float, "$: expected a number (got a string: '5')"),
            (1, bool, "$: expected true or false (got an integer: 1)"),
            ("sttae", cc.ActorKind, "$: expected one of 'state', 'government', 'de_facto_authority', 'office', "
                                    "'armed_forces', 'organisation', 'person', 'population', 'media' (got 'sttae'); "
                                    "did you mean 'state'?"),
            ("2023-09", pendulum.Date, "$: expected a date 'YYYY-MM-DD' (got '2023-09')"),
            ({"source_id": "s", "blocks": [1], "x": 1}, cc.Citation,
             "$: unknown field(s) 'x'; expected only: source_id, blocks, quote, rows, row_ids"),
            ("1", tuple[int, ...], "$: expected an array (got a string: '1')"),
            ([1, "2"], tuple[int, ...], "$[1]: expected an integer (got a string: '2')"),
            (None, cc.Citation, "$: expected an object for Citation (got null: None)"),
            ("gdc", cc.Citation, "$: expected an object for Citation (got a string: 'gdc')"),
        ],
    )
    def test_words_errors_like_the_shared_converter(self, value: object, type_: type[Any], problem: str) -> None:
        """A new converter is as strict as the shared one, in the same words."""
        with pytest.raises(cc.DataError) as info:
            structure(value, type_, conv=make_converter())
        assert [str(p) for p in info.value.problems] == [problem]


KINDS = ("'state', 'government', 'de_facto_authority', 'office', 'armed_forces', 'organisation', 'person', "
         "'population', 'media'")


class TestSpansAndKinds:
    @pytest.mark.parametrize(
        ("value", "type_", "problem"),
        [
            ({"when": 5}, cc.TimeSpan, "$.when: expected a string (got an integer: 5)"),
            ({"when": "2020", 1: "x", "z": 2}, cc.TimeSpan,
             "$: unknown time span key(s) [1, 'z'] (expected 'when', 'first', 'last', 'precision', 'basis', 'reason')"),
            ({"basis": "stated"}, cc.TimeSpan, "$.when: a time span object needs 'when' (e.g. \"when\": \"2023-09\")"),
            (5, cc.TimeSpan, "$: expected a time span: a string such as '2023-09' or an object with 'when' "
                             "(got an integer: 5)"),
            (5, cc.ActorKind, f"$: expected one of {KINDS} (got 5)"),
        ],
    )
    def test_problem_named_at_its_place(self, value: object, type_: type[Any], problem: str) -> None:
        """A bad span object or kind is reported at the key that is wrong, keys of any type listed in order."""
        with pytest.raises(cc.DataError) as info:
            structure(value, type_)
        assert [str(p) for p in info.value.problems] == [problem]

    @pytest.mark.parametrize(
        ("value", "type_", "error", "field", "expected", "given"),
        [
            ({"when": 5}, cc.TimeSpan, cc.RecordTypeError, "when", "be a string", 5),
            ({"when": "2020", "z": 2}, cc.TimeSpan, cc.RecordError, None,
             "hold only 'when', 'first', 'last', 'precision', 'basis', 'reason'",
             {"when": "2020", "z": 2}),
            ({"basis": "stated"}, cc.TimeSpan, cc.RecordError, "when", "be given", {"basis": "stated"}),
            (5, cc.TimeSpan, cc.RecordTypeError, None, "be a time span", 5),
            ("sttae", cc.ActorKind, cc.RecordError, None, f"be one of {KINDS}", "sttae"),
            ({"when": "2023", "first": "2023-01-02"}, cc.TimeSpan, cc.RecordError, "first",
             "be '2023-01-01', the first day of '2023'", "2023-01-02"),
        ],
    )
    def test_errors_carry_field_expectation_and_value(self, value: object, type_: type[Any],
                                                      error: type[cc.RecordError], field: str | None,
                                                      expected: str, given: object) -> None:
        """The shared converter's errors name the field, what it must be and the value given, in their attributes."""
        with pytest.raises(error) as info:
            cc.converter.structure(value, type_)
        assert (info.value.field, info.value.expected, info.value.value) == (field, expected, given)

    def test_a_span_object_without_basis_is_stated(self) -> None:
        """A span written as an object may leave out 'basis': it is then a stated date."""
        assert structure({"when": "2020"}, cc.TimeSpan) == cc.TimeSpan.parse("2020")

    def test_a_fixed_length_tuple_keeps_each_items_type(self) -> None:
        """A tuple type of fixed length, such as tuple[int, str], is not read as a tuple of one item type."""
        assert cc.converter.structure([1, "a"], tuple[int, str]) == (1, "a")
        assert make_converter().structure([1, "a"], tuple[int, str]) == (1, "a")


class TestCattrsConventions:
    """Errors from make_converter() follow cattrs' conventions, so cattrs' own error tools read them."""

    def test_an_item_s_note_gives_its_index_and_type(self) -> None:
        """group_exceptions() pairs each failed item with its index and the item type, as cattrs documents."""
        conv = make_converter()
        with pytest.raises(cattrs.IterableValidationError) as info:
            conv.structure([CITATION, {"source_id": 5}, CITATION, []], tuple[cc.Citation, ...])
        failed, others = info.value.group_exceptions()
        assert [(note.index, note.type) for _, note in failed] == [(1, cc.Citation), (3, cc.Citation)]
        assert others == []
        assert cattrs.transform_error(info.value)[0].endswith("@ $[1].source_id")

    def test_an_array_error_names_its_type(self) -> None:
        """The error of a failed array names the tuple type, in its class and in each item's note, as cattrs does."""
        with pytest.raises(cattrs.IterableValidationError) as info:
            make_converter().structure([CITATION, {"source_id": 5}], tuple[cc.Citation, ...])
        assert info.value.cl == tuple[cc.Citation, ...]
        assert [str(note) for _, note in info.value.group_exceptions()[0]] == [
            "Structuring tuple[caucasus_conflict.model.Citation, ...] @ index 1"]

    def test_an_item_keeps_the_notes_of_its_own_error(self) -> None:
        """A note a user's hook puts on its error stays on it, before the note naming the item's index."""
        def structure_point(value: Any, _: Any) -> Point:
            error = ValueError("x must be positive")
            error.add_note("points lie in the first quadrant")
            raise error

        conv = make_converter()
        conv.register_structure_hook(Point, structure_point)
        with pytest.raises(cattrs.IterableValidationError) as info:
            conv.structure([{"x": -1}], tuple[Point, ...])
        assert [str(note) for note in info.value.exceptions[0].__notes__] == [
            "points lie in the first quadrant", f"Structuring {tuple[Point, ...]} @ index 0"]

    def test_several_span_disagreements_are_one_error_of_the_span(self) -> None:
        """A span object that disagrees with its 'when' in two ways raises one ClassValidationError for TimeSpan."""
        with pytest.raises(cattrs.ClassValidationError) as info:
            make_converter().structure({"when": "2020-11", "last": "2020-11-31", "precision": "day"}, cc.TimeSpan)
        assert (str(info.value), info.value.cl) == ("While structuring TimeSpan (2 sub-exceptions)", cc.TimeSpan)
        assert [str(p) for p in problems_from(info.value)] == [
            "$.last: 'last' must be '2020-11-30', the last day of '2020-11' (got '2020-11-31'); correct it or "
            "leave it out, 'when' decides",
            "$.precision: 'precision' must be 'month' for '2020-11' (got 'day'); correct it or leave it out, "
            "'when' decides"]
