"""Tests for the records' validators: impossible values are rejected when a record is built."""

from __future__ import annotations

import enum
import json
import pickle
import types
import typing
import unicodedata
from typing import Any

import attrs
import pytest
from hypothesis import given, reject
from hypothesis import strategies as st

import caucasus_conflict as cc
from caucasus_conflict import (
    Actor,
    ActorId,
    ActorKind,
    Basis,
    Casualties,
    CasualtyGroup,
    Ceasefire,
    CeasefireId,
    Citation,
    Claim,
    ClaimId,
    ControlExtent,
    ControlPeriod,
    Count,
    Event,
    EventId,
    EventKind,
    ExternalId,
    LegalStatus,
    LegalStatusKind,
    Location,
    Medium,
    Membership,
    NameUsed,
    Participant,
    Population,
    Provision,
    RecordError,
    RecordTypeError,
    Role,
    RoleHeld,
    Source,
    SourceCodes,
    SourceId,
    Stance,
    StanceId,
    StanceKind,
    Territory,
    TerritoryId,
    TerritoryKind,
    TimeSpan,
)
from caucasus_conflict import model as model_module
from caucasus_conflict import strategies as ccst
from caucasus_conflict._validators import MAX_INT, id_key

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
        with pytest.raises(TypeError) as info:
            Count(best=True)
        assert str(info.value) == "'best' must be None or an integer, not a boolean (got True)"

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



# -- every field's type is checked at construction (#10) ---------------------------------

SPAN = TimeSpan.parse("2023")
QUOTED = (Citation(SourceId("s"), (1, 2), quote="q"),)
#: One valid record of every model type, with every optional field set, so that each
#: field can be replaced by a wrong value in turn.
CODES = (SourceCodes("ucdp-ged", ("where_prec",), ("1",)),)
EXAMPLES: dict[type, Any] = {
    TimeSpan: TimeSpan.parse("2023", basis=Basis.INFERRED, reason="from the footer"),
    Source: Source(id=SourceId("s"), title="T", publisher="P", url="https://example.org", published=SPAN,
                   credit="(c) P", blocks=3, release="1.0", licence="CC BY 4.0", file_name="a.txt", sha256="0" * 64,
                   coverage=SPAN, external_ids=(ExternalId("doi", "10.1/x"),), source_codes=CODES, note="n"),
    Citation: QUOTED[0],
    ExternalId: ExternalId("iso3", "AZE"),
    SourceCodes: CODES[0],
    Location: Location(latitude=39.8, longitude=46.7, precision=2, precision_scheme="ucdp-ged", name="N",
                       admin1="A1", admin2="A2", admin3="A3", country="C"),
    Count: Count(5, low=1, high=9, reported_as="about 5"),
    Casualties: Casualties(killed=Count(1), injured=Count(2), group=CasualtyGroup.MILITARY,
                           of_actor_id=ActorId("b"), is_part=True, reported_by_id=ActorId("a"), as_of=SPAN, citations=QUOTED, note="n"),
    RoleHeld: RoleHeld(title="t", organisation_id=ActorId("o"), span=SPAN, citations=QUOTED, note="n"),
    Membership: Membership(organisation_id=ActorId("o"), span=SPAN, citations=QUOTED, note="n"),
    NameUsed: NameUsed(name="A", span=SPAN, citations=QUOTED),
    Participant: Participant(ActorId("a"), Role.TARGET, cc.Side.B),
    LegalStatus: LegalStatus(kind=LegalStatusKind.RECOGNISED_PART_OF, part_of_id=TerritoryId("t"), span=SPAN,
                             citations=QUOTED, note="n"),
    Population: Population(count=Count(5), composition="c", as_of=SPAN, citations=QUOTED, note="n"),
    ControlPeriod: ControlPeriod(controller_ids=(ActorId("a"),), span=SPAN, extent=ControlExtent.PART, share=0.5,
                                 de_facto=False, citations=QUOTED, note="n"),
    Provision: Provision(summary="p", actor_ids=(ActorId("a"),), territory_ids=(TerritoryId("t"),),
                         citations=QUOTED, note="n"),
    Actor: Actor(id=ActorId("a"), name="A", kind=ActorKind.PERSON, aliases=("Ay",), part_of_id=ActorId("b"),
                 roles=(RoleHeld(title="t", citations=QUOTED),), memberships=(Membership(organisation_id=ActorId("o"),
                                                                                         citations=QUOTED),),
                 names_used=(NameUsed(name="A", span=SPAN, citations=QUOTED),),
                 external_ids=(ExternalId("x", "1"),), source_codes=CODES, citations=QUOTED, note="n"),
    Territory: Territory(id=TerritoryId("t"), name="T", kind=TerritoryKind.CITY, aliases=("Tee",),
                         part_of_id=TerritoryId("u"),
                         legal_status=(LegalStatus(kind=LegalStatusKind.DEFUNCT, citations=QUOTED),),
                         population=(Population(count=Count(1), citations=QUOTED),),
                         control=(ControlPeriod(controller_ids=(ActorId("a"),), span=SPAN, citations=QUOTED),),
                         external_ids=(ExternalId("x", "1"),), source_codes=CODES, citations=QUOTED, note="n"),
    Event: Event(id=EventId("e"), kind=EventKind.WAR, summary="w", span=SPAN,
                 participants=(Participant(ActorId("a"), Role.INITIATOR),), territory_ids=(TerritoryId("t"),),
                 location=Location(name="N"),
                 casualties=(Casualties(killed=Count(1), citations=QUOTED),), parent_id=EventId("p"),
                 external_ids=(ExternalId("ged", "1648"),), source_codes=CODES, citations=QUOTED, note="n"),
    Ceasefire: Ceasefire(id=CeasefireId("c"), name="C", party_ids=(ActorId("a"),), party_sides=(cc.Side.A,),
                         mediator_ids=(ActorId("m"),),
                         declared=SPAN, effective=SPAN, ended=SPAN,
                         provisions=(Provision(summary="p", citations=QUOTED),), territory_ids=(TerritoryId("t"),),
                         strained_by_ids=(EventId("e"),), event_id=EventId("e"), written=True,
                         conflict_ids=(cc.ConflictId("k"),), dyad_ids=(cc.DyadId("d"),),
                         external_ids=(ExternalId("pax", "2324"),), source_codes=CODES, citations=QUOTED, note="n"),
    Claim: Claim(id=ClaimId("c"), claimant_id=ActorId("a"), span=SPAN, medium=Medium.SPEECH, summary="s",
                 quote="q", about_actor_ids=(ActorId("b"),), about_territory_ids=(TerritoryId("t"),),
                 about_event_ids=(EventId("e"),), disputes_ids=(ClaimId("d"),),
                 external_ids=(ExternalId("x", "1"),), source_codes=CODES, citations=QUOTED, note="n"),
    Stance: Stance(id=StanceId("s"), holder_id=ActorId("a"), kind=StanceKind.SUPPORTS,
                   toward_actor_id=ActorId("b"), span=SPAN, claim_ids=(ClaimId("c"),),
                   external_ids=(ExternalId("x", "1"),), source_codes=CODES, citations=QUOTED, note="n"),
    cc.Episode: cc.Episode(start=SPAN, end=SPAN, citations=QUOTED, note="n"),
    cc.ConflictYear: cc.ConflictYear(year=2023, intensity=cc.Intensity.WAR, battle_deaths=Count(3), source_codes=CODES, citations=QUOTED,
                                     note="n"),
    cc.DyadYear: cc.DyadYear(year=2023, battle_deaths=Count(5), source_codes=CODES, citations=QUOTED, note="n"),
    cc.Conflict: cc.Conflict(id=cc.ConflictId("k"), name="K", aliases=("Kay",),
                             incompatibility=cc.Incompatibility.TERRITORY, conflict_type=cc.ConflictType.INTERSTATE,
                             territory_ids=(TerritoryId("t"),), participants=(Participant(ActorId("a"), Role.PARTICIPANT),),
                             start=SPAN, episodes=(cc.Episode(start=SPAN, citations=QUOTED),),
                             years=(cc.ConflictYear(year=2023, citations=QUOTED),),
                             external_ids=(ExternalId("ucdp-conflict", "388"),), source_codes=CODES, citations=QUOTED,
                             note="n"),
    cc.Dyad: cc.Dyad(id=cc.DyadId("d"), name="D", aliases=("Dee",), conflict_id=cc.ConflictId("k"),
                     participants=(Participant(ActorId("a"), Role.PARTICIPANT, cc.Side.A),),
                     years=(cc.DyadYear(year=2023, battle_deaths=Count(5), citations=QUOTED),),
                     external_ids=(ExternalId("ucdp-dyad", "833"),), source_codes=CODES, citations=QUOTED, note="n"),
}
FIELDS = [(cls, field) for cls in EXAMPLES for field in attrs.fields(cls)]


def field_id(case: tuple[type, attrs.Attribute[Any]]) -> str:
    """A readable test id: ``Event.summary``."""
    return f"{case[0].__name__}.{case[1].name}"


class TestFieldTypes:
    def test_examples_cover_every_record_type(self) -> None:
        """Every attrs class of the model (and TimeSpan) has an example, so no record type is left out."""
        records = {getattr(model_module, name) for name in model_module.__all__
                   if attrs.has(getattr(model_module, name))}
        assert set(EXAMPLES) == records | {TimeSpan}

    def test_examples_set_every_optional_field(self) -> None:
        """Each example sets its optional fields, so replacing one tests the check on a real value."""
        exempt = {"Stance.toward_territory_id", "Stance.toward_event_id",  # a stance is toward one thing
                  "Citation.rows", "Citation.row_ids"}  # a citation names blocks or rows, not both
        for cls, example in EXAMPLES.items():
            for field in attrs.fields(cls):
                name = f"{cls.__name__}.{field.name}"
                assert name in exempt or getattr(example, field.name) not in (None, ()), name

    @pytest.mark.parametrize("case", FIELDS, ids=field_id)
    def test_wrong_type_rejected(self, case: tuple[type, attrs.Attribute[Any]]) -> None:
        """A value of no fitting type is refused with RecordTypeError naming the field, for every field."""
        cls, field = case
        with pytest.raises(RecordTypeError) as info:
            attrs.evolve(EXAMPLES[cls], **{field.name: object()})
        assert info.value.field == field.name
        assert str(info.value).startswith(f"'{field.name}' must be ")

    @pytest.mark.parametrize("case", [(c, f) for c, f in FIELDS if typing.get_origin(f.type) is tuple], ids=field_id)
    def test_wrong_item_type_rejected(self, case: tuple[type, attrs.Attribute[Any]]) -> None:
        """A tuple holding an item of the wrong type is refused, naming the field and the item's index."""
        cls, field = case
        items = getattr(EXAMPLES[cls], field.name)
        with pytest.raises(RecordTypeError) as info:
            attrs.evolve(EXAMPLES[cls], **{field.name: (*items, object())})
        assert (info.value.field, info.value.index) == (field.name, len(items))
        assert str(info.value).startswith(f"'{field.name}[{len(items)}]' must be ")

    @pytest.mark.parametrize(
        ("build", "error", "message"),
        [
            (lambda: attrs.evolve(EXAMPLES[Event], summary=None), RecordTypeError,
             "'summary' must be a string (got None)"),
            (lambda: Count(best=1.5), RecordTypeError,  # type: ignore[arg-type]
             "'best' must be None or an integer (got 1.5)"),
            (lambda: Count(best=float("nan")), RecordTypeError,  # type: ignore[arg-type]
             "'best' must be None or an integer (got nan)"),
            (lambda: Citation(SourceId("s"), (1.5,)), RecordTypeError,  # type: ignore[arg-type]
             "'blocks[0]' must be an integer (got 1.5)"),
            (lambda: TimeSpan.parse("2023", basis="stated"), cc.ArgumentTypeError,  # type: ignore[arg-type]
             "'basis' must be a member of Basis (got 'stated'); use Basis('stated') to convert a value"),
            (lambda: attrs.evolve(EXAMPLES[Event], span="2023"), RecordTypeError,
             "'span' must be a TimeSpan (got '2023'); use TimeSpan.parse('2023') to convert a text"),
            (lambda: attrs.evolve(EXAMPLES[Event], kind="war"), RecordTypeError,
             "'kind' must be a member of EventKind (got 'war'); use EventKind('war') to convert a value"),
            (lambda: attrs.evolve(EXAMPLES[Event], parent_id=5), RecordTypeError,
             "'parent_id' must be None or a string (got 5)"),
            (lambda: attrs.evolve(EXAMPLES[Event], citations=(QUOTED[0], "gdc")), RecordTypeError,
             "'citations[1]' must be a Citation (got 'gdc')"),
            (lambda: attrs.evolve(EXAMPLES[ControlPeriod], de_facto=1), RecordTypeError,
             "'de_facto' must be True or False (got 1)"),
            (lambda: attrs.evolve(EXAMPLES[ControlPeriod], share=True), RecordTypeError,
             "'share' must be None or a number, not a boolean (got True)"),
            (lambda: attrs.evolve(EXAMPLES[ControlPeriod], share=float("nan")), RecordError,
             "'share' must be a finite number (got nan)"),
            (lambda: attrs.evolve(EXAMPLES[ControlPeriod], share=float("inf")), RecordError,
             "'share' must be a finite number (got inf)"),
        ],
    )
    def test_reported_cases(self, build: Any, error: type[Exception], message: str) -> None:
        """The cases the hardening review found accepted are refused with the library's own error (#10)."""
        with pytest.raises(error) as info:
            build()
        assert str(info.value) == message
        assert isinstance(info.value, cc.CaucasusConflictError)

    def test_evolve_cannot_smuggle_a_bad_span(self) -> None:
        """A span given as text stops at construction, before a data set could trip over it later."""
        with pytest.raises(TypeError):
            attrs.evolve(EXAMPLES[Stance], span="2023")


class TestIds:
    @pytest.mark.parametrize(
        ("value", "message"),
        [
            ("", "'id' must not be empty (got '')"),
            ("  ", "'id' must not be empty (got '  ')"),
            (" e", "'id' must not start or end with a space (got ' e')"),
            ("e ", "'id' must not start or end with a space (got 'e ')"),
            ("\u200b", "'id' must be printable, without control, invisible or bidi characters (got '\\u200b')"),
            ("e\u200d", "'id' must be printable, without control, invisible or bidi characters (got 'e\\u200d')"),
            ("a\u202eb", "'id' must be printable, without control, invisible or bidi characters (got 'a\\u202eb')"),
            ("e\n", "'id' must be printable, without control, invisible or bidi characters (got 'e\\n')"),
            ("a\u00a0b", "'id' must be printable, without control, invisible or bidi characters (got 'a\\xa0b')"),
            ("e\ud800", "'id' must be valid Unicode text, but it holds the lone surrogate '\\ud800' (got 'e\\ud800'); "
                        "UTF-8 cannot encode it"),
        ],
    )
    def test_invisible_or_padded_ids_rejected(self, value: str, message: str) -> None:
        """Ids are printable, without surrounding spaces or invisible characters, so two ids never look alike."""
        with pytest.raises(RecordError) as info:
            attrs.evolve(EXAMPLES[Event], id=EventId(value))
        assert str(info.value) == message
        assert (info.value.field, info.value.value) == ("id", value)

    def test_reference_items_checked(self) -> None:
        """An id inside a tuple of references follows the same rules, and the error gives its index."""
        with pytest.raises(RecordError) as info:
            attrs.evolve(EXAMPLES[Event], territory_ids=(TerritoryId("t"), TerritoryId("\u200bt")))
        assert (info.value.field, info.value.index) == ("territory_ids", 1)

    def test_optional_reference_checked(self) -> None:
        """An optional reference, when given, is an id like any other."""
        with pytest.raises(RecordError, match="must not start or end with a space"):
            attrs.evolve(EXAMPLES[Event], parent_id=EventId("p "))

    def test_ordinary_ids_accepted(self) -> None:
        """Ids with inner spaces, punctuation and other scripts are fine."""
        for value in ("nk-2023", "war 2020", "Ստեփանակերտ", "a.b/c"):
            assert attrs.evolve(EXAMPLES[Event], id=EventId(value)).id == value


class TestIdKey:
    @pytest.mark.parametrize(
        ("left", "right"),
        [("Baku", "BAKU"), ("baku", "ｂａｋｕ"), ("straße", "STRASSE"), ("e\u0301", "\u00e9"), ("ﬁ", "fi")],
    )
    def test_same_key(self, left: str, right: str) -> None:
        """Ids differing only in case, width or normalisation share a key."""
        assert id_key(left) == id_key(right)

    def test_different_ids_differ(self) -> None:
        """Different ids keep different keys."""
        assert id_key("baku") != id_key("bakü")
        assert id_key("a-b") != id_key("ab")

    @given(st.text(max_size=12))
    def test_key_is_stable(self, text: str) -> None:
        """The key of a key is itself, so keys can be compared and stored."""
        assert id_key(id_key(text)) == id_key(text)


class TestText:
    @pytest.mark.parametrize(
        ("cls", "field", "value"),
        [
            (Event, "summary", "bad \ud800 text"),
            (Event, "note", "n\udfff"),
            (Claim, "quote", "\ud83d"),
            (Source, "url", "https://example.org/\udc80"),
            (ExternalId, "value", "\ud800"),
        ],
    )
    def test_lone_surrogate_rejected(self, cls: type, field: str, value: str) -> None:
        """A lone surrogate cannot be written to a UTF-8 file, so any text holding one is refused, naming the field."""
        with pytest.raises(RecordError) as info:
            attrs.evolve(EXAMPLES[cls], **{field: value})
        assert info.value.field == field
        assert str(info.value).startswith(f"'{field}' must be valid Unicode text, but it holds the lone surrogate ")

    def test_lone_surrogate_in_alias(self) -> None:
        """An alias with a lone surrogate is refused with its index."""
        with pytest.raises(RecordError) as info:
            attrs.evolve(EXAMPLES[Actor], aliases=("B", "\ud800"))
        assert str(info.value) == ("'aliases[1]' must be valid Unicode text, but it holds the lone surrogate "
                                   "'\\ud800' (got '\\ud800'); UTF-8 cannot encode it")

    def test_lone_surrogate_in_span_reason(self) -> None:
        """A span's reason is text too."""
        with pytest.raises(RecordError) as info:
            TimeSpan.parse("2023", basis=Basis.INFERRED, reason="\ud800")
        assert info.value.field == "reason"

    def test_echoed_value_is_bounded(self) -> None:
        """A huge value is echoed as a short preview, not whole."""
        with pytest.raises(RecordError) as info:
            attrs.evolve(EXAMPLES[Event], summary="x" * 10_000_000 + "\ud800")
        assert len(str(info.value)) < 300
        assert info.value.value == "x" * 10_000_000 + "\ud800"

    def test_valid_text_accepted(self) -> None:
        """Emoji, combining marks, other scripts and line breaks are ordinary text."""
        text = "Ստեփանակերտ 🕊 e\u0301\nsecond line"
        assert attrs.evolve(EXAMPLES[Event], summary=text).summary == text


class TestNames:
    @pytest.mark.parametrize(("cls", "field"), [(Actor, "name"), (Territory, "name"), (Ceasefire, "name"),
                                                (Source, "title"), (Source, "publisher"), (RoleHeld, "title")])
    def test_names_stored_in_nfc(self, cls: type, field: str) -> None:
        """A name typed with a combining accent is stored precomposed (NFC), so it equals the usual spelling."""
        decomposed = "Yereva\u0301n"
        record = attrs.evolve(EXAMPLES[cls], **{field: decomposed})
        assert getattr(record, field) == unicodedata.normalize("NFC", decomposed) == "Yerev\u00e1n"
        assert record == attrs.evolve(EXAMPLES[cls], **{field: "Yerev\u00e1n"})

    def test_aliases_stored_in_nfc(self) -> None:
        """Each alias is normalised too."""
        actor = attrs.evolve(EXAMPLES[Actor], aliases=("Baku", "Bak\u0075\u0308"))
        assert actor.aliases == ("Baku", "Bak\u00fc")

    def test_aliases_equal_after_normalisation_repeat(self) -> None:
        """Two spellings of one alias that normalise alike are a repeated alias."""
        with pytest.raises(RecordError, match="'aliases' must not repeat items"):
            attrs.evolve(EXAMPLES[Actor], aliases=("B\u00fc", "Bu\u0308"))

    def test_quotes_kept_as_given(self) -> None:
        """Quoted words and summaries are not names: they are kept exactly as given."""
        claim = attrs.evolve(EXAMPLES[Claim], quote="Yereva\u0301n", summary="e\u0301")
        assert (claim.quote, claim.summary) == ("Yereva\u0301n", "e\u0301")


class TestIntegers:
    def test_largest_exact_integer_accepted(self) -> None:
        """2**53 - 1 is the largest integer every JSON reader keeps exactly, and is accepted."""
        assert Count(MAX_INT).best == 2**53 - 1

    @pytest.mark.parametrize("value", [2**53, 10**400, 10**5000], ids=["2**53", "10**400", "10**5000"])
    def test_larger_integers_rejected(self, value: int) -> None:
        """Larger integers are refused: a file holding them could not be read back (or written) exactly."""
        with pytest.raises(RecordError) as info:
            Count(value)
        assert str(info.value).startswith("'best' must be within ±9007199254740991 (2**53 - 1), the integers every "
                                          "JSON reader keeps exactly (got ")
        assert len(str(info.value)) < 200

    def test_share_may_be_an_integer(self) -> None:
        """A share of 1 (the whole) may be written as an int."""
        assert attrs.evolve(EXAMPLES[ControlPeriod], share=1).share == 1


class TestErrorData:
    def test_field_travels_as_data(self) -> None:
        """The failing field, what was expected and the value are attributes, not only text."""
        with pytest.raises(RecordError) as info:
            Count(best=-3)
        assert (info.value.field, info.value.expected, info.value.value, info.value.index) == (
            "best", "be >= 0", -3, None)
        assert str(info.value) == "'best' must be >= 0 (got -3)"

    def test_record_wide_problem_has_no_field(self) -> None:
        """A problem of the record as a whole has field None."""
        with pytest.raises(RecordError) as info:
            Count()
        assert info.value.field is None

    @pytest.mark.parametrize("error", [RecordError("best", "be >= 0", -3, index=2),
                                       RecordTypeError("span", "be a TimeSpan", "2023", message="custom text"),
                                       cc.ArgumentTypeError("year", "be an integer", 1.5)])
    def test_errors_pickle(self, error: Exception) -> None:
        """Errors survive pickling (e.g. from a worker process) with their data and message."""
        copy = pickle.loads(pickle.dumps(error))
        assert type(copy) is type(error)
        assert str(copy) == str(error)
        assert vars(copy) == vars(error)

    def test_builtin_bases(self) -> None:
        """Callers that only know the builtins can catch ValueError and TypeError."""
        assert issubclass(RecordError, ValueError)
        assert issubclass(RecordTypeError, TypeError)
        assert issubclass(RecordTypeError, cc.ArgumentTypeError)


# -- any record that can be built can be written and read back (#10) -----------------------

#: Text of every kind: controls, invisible and bidi characters, surrogates, emoji.
WILD_TEXT = st.text(st.characters(exclude_categories=()), max_size=6)
WILD_INTS = st.integers(0, 30) | st.sampled_from([-1, MAX_INT, MAX_INT + 1, -MAX_INT - 1, 10**400])
WILD_FLOATS = (st.floats(0, 1) | st.floats() | st.integers(0, 2)
               | st.sampled_from([5e-324, 1.0, float("nan"), float("inf")]))


def wild(annotation: Any) -> st.SearchStrategy[Any]:
    """Values of *annotation*'s type, valid or not, reaching the edges the validators guard."""
    if annotation is str or isinstance(annotation, typing.NewType):
        # The last: code-like words, which pass the stricter rules (an external id's scheme).
        return st.text(min_size=1, max_size=6) | WILD_TEXT | st.from_regex(r"[a-z][a-z0-9]{0,4}", fullmatch=True)
    if annotation is int:
        return WILD_INTS
    if annotation is float:
        return WILD_FLOATS
    if annotation is bool:
        return st.booleans()
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        return st.none() | wild(next(a for a in args if a is not type(None)))
    if origin is tuple:
        return st.lists(wild(args[0]), max_size=3).map(tuple)
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return st.sampled_from(annotation)
    if annotation is TimeSpan:
        return ccst.timespans()
    return wild_records(annotation)


def wild_kwargs(cls: type, *, max_changed: int = 3) -> st.SearchStrategy[dict[str, Any]]:
    """The example's fields, with one to *max_changed* of them replaced by wild values."""
    example = EXAMPLES[cls]
    names = [f.name for f in attrs.fields(cls)]
    types_ = {f.name: f.type for f in attrs.fields(cls)}

    @st.composite
    def kwargs(draw: st.DrawFn) -> dict[str, Any]:
        changed = draw(st.sets(st.sampled_from(names), min_size=1, max_size=min(max_changed, len(names))))
        drawn = {name: draw(wild(types_[name])) if name in changed else getattr(example, name) for name in names}
        if cls is SourceCodes and isinstance(drawn["columns"], tuple) and isinstance(drawn["values"], tuple):
            # one value per column, or nearly every draw is refused for that alone
            drawn["values"] = (*drawn["values"], *drawn["columns"])[:len(drawn["columns"])]
        return drawn

    return kwargs()


def wild_records(cls: type) -> st.SearchStrategy[Any]:
    """Records of *cls* with some wild fields; where those do not build, the example itself."""
    def build(kwargs: dict[str, Any]) -> Any:
        try:
            return cls(**kwargs)
        except (RecordError, RecordTypeError, cc.TimeSpanError):
            return EXAMPLES[cls]  # keeps nested records valid, so the outer record can still be built

    return wild_kwargs(cls, max_changed=2).map(build)


RECORD_TYPES = [cls for cls in EXAMPLES if cls is not TimeSpan]


class TestAnyBuiltRecordRoundTrips:
    @pytest.mark.parametrize("cls", RECORD_TYPES, ids=lambda c: c.__name__)
    @given(data=st.data())
    def test_json_text_round_trip(self, cls: type, data: st.DataObject) -> None:
        """A record that construction accepts, however odd its values, goes to UTF-8 JSON text and back equal."""
        try:
            record = cls(**data.draw(wild_kwargs(cls)))
        except (RecordError, RecordTypeError, cc.TimeSpanError):
            reject()
        text = json.dumps(cc.converter.unstructure(record, cls), ensure_ascii=False)
        text.encode("utf-8")  # what writing a file does; a lone surrogate would fail here
        assert cc.converter.structure(json.loads(text), cls) == record
