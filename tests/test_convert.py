"""Tests for the converter: round trips of every type and readable structuring errors."""

from __future__ import annotations

import json
from typing import Any

import attrs
import cattrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import caucasus_conflict as cc
from caucasus_conflict import strategies as ccst
from caucasus_conflict.convert import structure

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

    def test_plain_types_only(self) -> None:
        """Unstructured data holds only JSON types: enums become strings, dates text."""
        event = cc.Event(id=cc.EventId("e"), kind=cc.EventKind.WAR, summary="w", span=cc.TimeSpan.parse("2020"),
                         participants=(cc.Participant(cc.ActorId("a"), cc.Role.INITIATOR),),
                         citations=(cc.Citation(cc.SourceId("s"), (1,)),))
        plain = cc.converter.unstructure(event)
        assert plain == {
            "id": "e", "kind": "war", "summary": "w", "span": "2020",
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
        if isinstance(plain, dict) and attrs.has(type_) and type_ is not cc.TimeSpan:  # a span is text or {when, ...}
            declared = [f.name for f in attrs.fields(type_)]
            assert list(plain) == [name for name in declared if name in plain]

    def test_inferred_span_shape(self) -> None:
        """An inferred span is written with its basis and reason."""
        span = cc.TimeSpan.parse("2023", basis=cc.Basis.INFERRED, reason="copyright year")
        assert cc.converter.unstructure(span) == {"when": "2023", "basis": "inferred", "reason": "copyright year"}

    def test_make_converter_is_independent(self) -> None:
        """make_converter returns a fresh converter; changing it leaves the shared one alone."""
        mine = cc.make_converter()
        mine.register_unstructure_hook(cc.TimeSpan, lambda span: "custom")
        assert mine.unstructure(cc.TimeSpan.parse("2023")) == "custom"
        assert cc.converter.unstructure(cc.TimeSpan.parse("2023")) == "2023"

    def test_configure_converter(self) -> None:
        """configure_converter makes any cattrs converter speak the model's JSON."""
        conv = cattrs.Converter()
        cc.configure_converter(conv)
        assert conv.structure("2023-09", cc.TimeSpan) == cc.TimeSpan.month(2023, 9)


CITATION = {"source_id": "s", "blocks": [1]}


class TestErrors:
    @pytest.mark.parametrize(
        ("data", "problems"),
        [
            ({"source_id": 5, "blocks": [1]}, ["$.source_id: expected a string (got an integer: 5)"]),
            ({"source_id": "s", "blocks": "1"}, ["$.blocks: expected an array (got a string: '1')"]),
            ({"source_id": "s", "blocks": [True]}, ["$.blocks[0]: expected an integer (got a boolean: True)"]),
            ({"source_id": "s", "blocks": [1, "2"]}, ["$.blocks[1]: expected an integer (got a string: '2')"]),
            ({"source_id": "s"}, ["$.blocks: required field missing"]),
            ({"source_id": "s", "blocks": []}, ["$.blocks: 'blocks' must name at least one block (got ())"]),
            ({"source_id": "s", "blocks": [1], "qoute": "x"},
             ["$: unknown field(s) 'qoute' (did you mean 'quote'?); expected only: source_id, blocks, quote"]),
        ],
    )
    def test_citation(self, data: dict[str, Any], problems: list[str]) -> None:
        """Wrong types, missing fields, invalid values and misspelt keys each name their JSON path."""
        with pytest.raises(cc.DataError) as info:
            structure(data, cc.Citation)
        assert [str(p) for p in info.value.problems] == problems

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
            (2023, "$.span: expected a time span: a string such as '2023-09' or an object {'when', 'basis', "
                   "'reason'} (got an integer: 2023)"),
            ({"when": "2023", "basis": "guessed", "reason": "r"},
             "$.span: expected one of 'stated', 'inferred' (got 'guessed')"),
            ({"when": "2023", "basis": "inferred"},
             "$.span: invalid time span '2023': an inferred date needs a 'reason' saying how "
             "it was inferred"),
            ({"when": "2023", "why": "r"},
             "$.span: unknown time span key(s) ['why'] (expected 'when', 'basis', 'reason')"),
        ],
    )
    def test_span(self, span: Any, problem: str) -> None:
        """Bad spans report what was expected, at the span's path."""
        data = {"id": "c", "span": span, "summary": "s", "citations": [CITATION]}
        with pytest.raises(cc.DataError) as info:
            structure(data, cc.Claim)
        assert [str(p) for p in info.value.problems] == [problem]

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
