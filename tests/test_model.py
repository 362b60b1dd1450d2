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
    Source,
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
        with pytest.raises(ValueError, match="'party_ids' must not be empty"):
            Ceasefire(id=CeasefireId("c"), name="C", party_ids=(), declared=SPAN, citations=CITE)

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


class TestTupleFields:
    def test_list_refused(self) -> None:
        """A list would make a frozen record mutable behind its hash, so it is refused."""
        with pytest.raises(TypeError) as info:
            Citation(SourceId("s"), [1])  # type: ignore[arg-type]
        assert str(info.value) == "'blocks' must be a tuple (got [1]); pass tuple(...) so the record stays immutable"

    def test_string_refused(self) -> None:
        """A string where names belong would be read letter by letter, so it is refused."""
        with pytest.raises(TypeError, match=r"'aliases' must be a tuple \(a string is not a collection of names\)"):
            Actor(id=ActorId("a"), name="A", kind=ActorKind.STATE, aliases="Baku",  # type: ignore[arg-type]
                  citations=CITE)

    def test_generator_refused(self) -> None:
        """A generator would be used up by the first reader, so it is refused."""
        with pytest.raises(TypeError, match="'citations' must be a tuple"):
            Actor(id=ActorId("a"), name="A", kind=ActorKind.STATE,
                  citations=(c for c in CITE))  # type: ignore[arg-type]


class TestNumbers:
    def test_bool_is_not_a_count(self) -> None:
        """True is an int to Python but not a casualty count."""
        with pytest.raises(TypeError, match=r"'best' must be a number, not a boolean \(got True\)"):
            Count(best=True)

    def test_source_needs_blocks(self) -> None:
        """A source with no blocks could never be cited."""
        with pytest.raises(ValueError, match=r"'blocks' must be >= 1 \(got 0\)"):
            cc_source(blocks=0)


class TestCeasefireDates:
    @pytest.mark.parametrize(
        ("declared", "effective", "ended", "message"),
        [
            ("2020-11", "2020-10", None, "'effective' must not be before 'declared' (got effective=2020-10, declared=2020-11)"),
            ("2020-11", None, "2019", "'ended' must not be before 'declared' (got ended=2019, declared=2020-11)"),
            ("2020", "2021", "2020-06", "'ended' must not be before 'effective' (got ended=2020-06, effective=2021)"),
        ],
    )
    def test_order(self, declared: str, effective: str | None, ended: str | None, message: str) -> None:
        """A ceasefire cannot take effect or end wholly before it was declared, or end before it took effect."""
        with pytest.raises(ValueError, match="must not be before") as info:
            Ceasefire(id=CeasefireId("c"), name="C", party_ids=(ActorId("a"),), declared=TimeSpan.parse(declared),
                      effective=TimeSpan.parse(effective) if effective else None,
                      ended=TimeSpan.parse(ended) if ended else None, citations=CITE)
        assert str(info.value) == message

    def test_imprecise_overlap_allowed(self) -> None:
        """An end dated to a year that contains the declaration is not certainly before it, so it is kept."""
        ceasefire = Ceasefire(id=CeasefireId("c"), name="C", party_ids=(ActorId("a"),),
                              declared=TimeSpan.parse("2020-11"), ended=TimeSpan.parse("2020"), citations=CITE)
        assert ceasefire.ended == TimeSpan.parse("2020")


def cc_source(*, blocks: int) -> Source:
    """A source with the given number of blocks."""
    return Source(id=SourceId("s"), title="T", publisher="P", url="https://example.org", credit="P",
                  published=TimeSpan.parse("2024"), blocks=blocks)

