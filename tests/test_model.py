"""Tests for the records' validators: impossible values are rejected when a record is built."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from caucasus_conflict import (
    Actor,
    ActorId,
    ActorKind,
    Casualties,
    Ceasefire,
    CeasefireId,
    Citation,
    Claim,
    ClaimId,
    ControlPeriod,
    Count,
    Event,
    EventId,
    EventKind,
    LegalStatus,
    LegalStatusKind,
    Participant,
    Role,
    SourceId,
    Stance,
    StanceId,
    StanceKind,
    TimeSpan,
)

CITE = (Citation(SourceId("s"), (1,)),)
SPAN = TimeSpan.parse("2023")


class TestCitation:
    @pytest.mark.parametrize(
        ("blocks", "message"),
        [
            ((), "'blocks' must name at least one block (got ())"),
            ((0,), "'blocks' must be >= 1 (got 0)"),
            ((3, 3), "'blocks' must not repeat items (got 3 twice)"),
        ],
    )
    def test_bad_blocks(self, blocks: tuple[int, ...], message: str) -> None:
        """A citation must name at least one real, distinct block."""
        with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
            Citation(SourceId("s"), blocks)

    def test_empty_quote(self) -> None:
        """An empty quote is a mistake; leave the quote out instead."""
        with pytest.raises(ValueError, match="'quote' must not be empty"):
            Citation(SourceId("s"), (1,), quote="  ")


class TestCount:
    @pytest.mark.parametrize(
        ("kwargs", "message"),
        [
            ({"best": -3}, "'best' must be >= 0 (got -3)"),
            ({"low": 10, "best": 5}, "'low' must be <= 'best' (got low=10, best=5)"),
            ({"best": 10, "high": 5}, "'best' must be <= 'high' (got best=10, high=5)"),
            ({"low": 10, "high": 5}, "'low' must be <= 'high' (got low=10, high=5)"),
            ({}, "a count needs at least one of 'low', 'best', 'high' (got none)"),
        ],
    )
    def test_rejects(self, kwargs: dict[str, Any], message: str) -> None:
        """Negative numbers, broken low <= best <= high ordering and empty counts are rejected."""
        with pytest.raises(ValueError, match=r"\(got ") as info:
            Count(**kwargs)
        assert str(info.value) == message

    def test_bound_only(self) -> None:
        """A bound such as 'more than 7,000' is a low with no best."""
        count = Count(low=7000, reported_as="more than 7,000")
        assert (count.low, count.best, count.high) == (7000, None, None)


class TestRecords:
    def test_frozen(self) -> None:
        """Records are immutable."""
        actor = Actor(id=ActorId("a"), name="A", kind=ActorKind.STATE, citations=CITE)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            actor.name = "B"  # type: ignore[misc]

    def test_kind_must_be_the_enum(self) -> None:
        """A plain string for a kind is refused at once, naming the conversion to use."""
        with pytest.raises(TypeError) as info:
            Actor(id=ActorId("a"), name="A", kind="state", citations=CITE)  # type: ignore[arg-type]
        assert str(info.value) == ("'kind' must be a member of ActorKind (got 'state'); "
                                   "use ActorKind('state') to convert a value")

    def test_empty_name(self) -> None:
        """A record needs a name that is not blank."""
        with pytest.raises(ValueError, match="'name' must not be empty"):
            Actor(id=ActorId("a"), name=" ", kind=ActorKind.STATE, citations=CITE)

    def test_needs_citation(self) -> None:
        """Every record carries at least one citation."""
        with pytest.raises(ValueError, match="'citations' must not be empty"):
            Actor(id=ActorId("a"), name="A", kind=ActorKind.STATE, citations=())

    def test_duplicate_alias(self) -> None:
        """An alias listed twice is rejected."""
        with pytest.raises(ValueError, match="'aliases' must not repeat"):
            Actor(id=ActorId("a"), name="A", kind=ActorKind.STATE, aliases=("B", "B"), citations=CITE)

    def test_casualties_need_a_figure(self) -> None:
        """Casualties without killed or injured say nothing."""
        with pytest.raises(ValueError, match="need 'killed' or 'injured'"):
            Casualties(citations=CITE)

    def test_share_in_range(self) -> None:
        """A control share is a fraction in (0, 1]."""
        with pytest.raises(ValueError, match=r"'share' must be in \(0, 1\] \(got 1.5\)"):
            ControlPeriod(controller_ids=(ActorId("a"),), span=SPAN, share=1.5, citations=CITE)

    def test_control_needs_controller(self) -> None:
        """A control period names who controlled."""
        with pytest.raises(ValueError, match="'controller_ids' must not be empty"):
            ControlPeriod(controller_ids=(), span=SPAN, citations=CITE)

    def test_recognised_part_of_needs_target(self) -> None:
        """'Recognised as part of' must say part of what."""
        with pytest.raises(ValueError, match="'part_of_id' is required"):
            LegalStatus(kind=LegalStatusKind.RECOGNISED_PART_OF, citations=CITE)

    def test_stance_needs_exactly_one_target(self) -> None:
        """A stance is toward exactly one actor, territory or event."""
        with pytest.raises(ValueError, match=r"exactly one of .* \(got 0\)"):
            Stance(id=StanceId("s"), holder_id=ActorId("a"), kind=StanceKind.SUPPORTS, citations=CITE)
        with pytest.raises(ValueError, match=r"\(got 2\)"):
            Stance(id=StanceId("s"), holder_id=ActorId("a"), kind=StanceKind.SUPPORTS,
                   toward_actor_id=ActorId("b"), toward_event_id=EventId("e"), citations=CITE)

    def test_claim_cannot_dispute_itself(self) -> None:
        """A claim disputing itself is a data error."""
        with pytest.raises(ValueError, match="must not name the claim itself"):
            Claim(id=ClaimId("c"), span=SPAN, summary="x", disputes_ids=(ClaimId("c"),), citations=CITE)

    def test_ceasefire_needs_party(self) -> None:
        """A ceasefire has at least one party."""
        with pytest.raises(ValueError, match="'parties' must not be empty"):
            Ceasefire(id=CeasefireId("c"), name="C", parties=(), declared=SPAN, citations=CITE)

    def test_event_participant_repeated(self) -> None:
        """The same actor in the same role twice is a mistake."""
        twice = (Participant(ActorId("a"), Role.INITIATOR),) * 2
        with pytest.raises(ValueError, match="'participants' must not repeat"):
            Event(id=EventId("e"), kind=EventKind.WAR, summary="w", span=SPAN, participants=twice, citations=CITE)

    def test_actor_ids_deduplicated(self) -> None:
        """An actor in two roles is listed once in actor_ids."""
        event = Event(id=EventId("e"), kind=EventKind.WAR, summary="w", span=SPAN, citations=CITE,
                      participants=(Participant(ActorId("a"), Role.INITIATOR), Participant(ActorId("a"), Role.TARGET)))
        assert event.actor_ids == ("a",)
