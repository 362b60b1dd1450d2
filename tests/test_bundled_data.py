"""Fact sheet of the bundled data set: what the article says, block by block, asked through the public API.

One class per block of the source article (``[1]`` .. ``[22]``), then sweeps of invariants over every
record. The article text is not shipped with the package; the checks that need it (quotes occur in
the cited block, no copied prose) read ``../shared/source/article.txt`` and are skipped without it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pendulum
import pytest

import caucasus_conflict as cc
from caucasus_conflict import (
    ActorKind,
    Basis,
    CasualtyGroup,
    ControlExtent,
    EventKind,
    LegalStatusKind,
    Medium,
    Precision,
    Role,
    TimeSpan,
)

SOURCE_ID = "gdc-2023-nk-offensive"
ARTICLE = Path(__file__).resolve().parents[1] / ".." / "shared" / "source" / "article.txt"
#: Days (month, day) the article states without a year; the only one is "Sept. 19".
STATED_DAYS = {(9, 19)}
COUNTS = {"sources": 1, "actors": 23, "territories": 7, "events": 18, "ceasefires": 1, "claims": 19,
          "stances": 9}


# -- helpers ---------------------------------------------------------------------------------------


def cited_blocks(record: Any) -> set[int]:
    """The blocks of the bundled source that *record* cites."""
    return {b for c in record.citations if c.source_id == SOURCE_ID for b in c.blocks}


def assert_cites(record: Any, *blocks: int) -> None:
    """Assert that *record* cites exactly these blocks of the article."""
    assert cited_blocks(record) == set(blocks), f"{getattr(record, 'id', record)!r} cites {cited_blocks(record)}"


def ids(records: Any) -> tuple[str, ...]:
    """The ids of some records, in the order given."""
    return tuple(r.id for r in records)


def walk(value: Any, path: str) -> Iterator[tuple[str, Any]]:
    """Yield (path, value) for *value* and every attrs value nested in it, spans included."""
    yield path, value
    if isinstance(value, TimeSpan) or not attrs.has(type(value)):
        return
    for field in attrs.fields(type(value)):
        item = getattr(value, field.name)
        if isinstance(item, tuple):
            for index, element in enumerate(item):
                yield from walk(element, f"{path}.{field.name}[{index}]")
        elif attrs.has(type(item)):
            yield from walk(item, f"{path}.{field.name}")


def everything(ds: cc.Dataset) -> Iterator[tuple[str, Any]]:
    """Every record of *ds* and every value nested in one, with a JSON-like path."""
    for name in COUNTS:
        for position, record in enumerate(getattr(ds, name)):
            yield from walk(record, f"$.{name}[{position}]")


@functools.cache
def article_text() -> str:
    """The whole article, footer included, read from the shared copy (skips the test if it is absent)."""
    if not ARTICLE.is_file():
        pytest.skip("the article text is not available (it is not shipped with the package)")
    return ARTICLE.read_text(encoding="utf-8")


def same_quotes(text: str) -> str:
    """*text* with typographic apostrophes made plain, as names in the data set write them."""
    return text.replace("\u2019", "'").replace("\u2018", "'")


@functools.cache
def article_blocks() -> dict[int, str]:
    """The article's numbered blocks, read from the shared copy (skips the test if it is absent)."""
    body = article_text().split("\n---")[0]
    return {int(m[1]): m[2] for m in re.finditer(r"^\[(\d+)\] (.*)$", body, flags=re.M)}


def inferred(span: TimeSpan, text: str) -> None:
    """Assert that *span* is the inferred span *text*, with a reason."""
    assert span.format() == text
    assert span.basis is Basis.INFERRED
    assert span.reason


# -- blocks ----------------------------------------------------------------------------------------


class TestBlock01Headline:
    def test_source_credits_the_publisher(self, bundled: cc.Dataset) -> None:
        """The one source is the GDC article, with its URL, 22 blocks and a credit naming both."""
        source = bundled.source(SOURCE_ID)
        assert source.title == "GDC article on Azerbaijan's September 2023 offensive in Nagorno-Karabakh"
        assert source.publisher == "Global Defense Corp (GDC)"
        assert source.url == "https://www.globaldefensecorp.com/"
        assert source.blocks == 22
        assert "Global Defense Corp" in source.credit
        assert "globaldefensecorp.com" in source.credit

    def test_publication_date_is_inferred(self, bundled: cc.Dataset) -> None:
        """The article is undated, so its publication month is inferred and the note says so."""
        source = bundled.source(SOURCE_ID)
        inferred(source.published, "2023-09")
        assert "inferred" in (source.note or "")

    def test_title_does_not_copy_the_headline(self, bundled: cc.Dataset) -> None:
        """The title describes the article in the project's words; no word run of the headline is copied."""
        title_words = re.findall(r"[a-z0-9]+", bundled.source(SOURCE_ID).title.lower())
        headline = " ".join(re.findall(r"[a-z0-9]+", article_blocks()[1].lower()))
        runs = [" ".join(title_words[i:i + 3]) for i in range(len(title_words) - 2)]
        assert [run for run in runs if run in headline] == []

    def test_headline_claim(self, bundled: cc.Dataset) -> None:
        """The headline: Azerbaijan initiated the offensive; "continue until surrender" is a cited claim."""
        claim = bundled.claim("azerbaijan-continue-until-surrender")
        assert_cites(claim, 1, 2)
        assert bundled.event("offensive-2023") in bundled.events_involving("Azerbaijan", role="initiator")

    def test_publisher_actor(self, bundled: cc.Dataset) -> None:
        """The publisher, GDC, is a media actor."""
        publisher = bundled.actor("GDC")
        assert (publisher.id, publisher.kind) == ("global-defense-corp", ActorKind.MEDIA)


class TestBlock02PresidentialOffice:
    def test_statement_claim(self, bundled: cc.Dataset) -> None:
        """The Presidential Office said on Sept. 19 (2023) it would go on until the formations surrender."""
        (claim,) = bundled.claims_by("Azerbaijan's Presidential Office")
        assert claim.id == "azerbaijan-continue-until-surrender"
        assert claim.quote == "the illegal Armenian military formations"
        assert claim.medium is Medium.OFFICIAL_STATEMENT
        inferred(claim.span, "2023-09-19")
        assert claim.about_actor_ids == ("armenian-forces",)

    def test_office_belongs_to_azerbaijan(self, bundled: cc.Dataset) -> None:
        """The Presidential Office is an office that is part of Azerbaijan."""
        office = bundled.actor("Presidential Office of Azerbaijan")
        assert office.kind is ActorKind.OFFICE
        assert office.part_of_id == "azerbaijan"

    def test_formations_are_an_actor(self, bundled: cc.Dataset) -> None:
        """The claim's 'illegal Armenian military formations' resolve to the Armenian forces record."""
        forces = bundled.actor("illegal Armenian military formations")
        assert forces.id == "armenian-forces"
        assert forces.kind is ActorKind.ARMED_FORCES

    def test_statement_is_part_of_the_offensive(self, bundled: cc.Dataset) -> None:
        """The announcement is a statement event under the 2023 offensive."""
        event = bundled.event("operation-continuation-statement-2023")
        assert event.kind is EventKind.STATEMENT
        assert event.parent_id == "offensive-2023"
        assert_cites(event, 1, 2)


class TestBlock03ArmeniaAndYevlakh:
    def test_armenia_denies_its_forces_are_there(self, bundled: cc.Dataset) -> None:
        """Armenia's denial disputes Azerbaijan's claim about Armenian formations."""
        assert ids(bundled.claims_by("Yerevan")) == (
            "armenia-accuses-russia-2022", "armenia-denounces-offensive", "armenia-no-forces-in-nk")
        denial = bundled.claim("armenia-no-forces-in-nk")
        assert denial.disputes_ids == ("azerbaijan-continue-until-surrender",)
        assert ("armenia-no-forces-in-nk", "azerbaijan-continue-until-surrender") in [
            (a.id, b.id) for a, b in bundled.contradictions()]

    def test_denunciation_is_dated_to_the_launch_day(self, bundled: cc.Dataset) -> None:
        """'Earlier' than the Sept. 19 statement and after the Sept. 19 launch: Sept. 19, inferred."""
        inferred(bundled.claim("armenia-denounces-offensive").span, "2023-09-19")
        inferred(bundled.claim("armenia-no-forces-in-nk").span, "2023-09-19")

    def test_armenia_opposes_the_offensive(self, bundled: cc.Dataset) -> None:
        """Armenia is the one actor opposing the 2023 offensive, read from its denunciation."""
        assert ids(bundled.actors_by_stance("opposes", toward="offensive-2023")) == ("armenia",)
        assert bundled.stance("armenia-opposes-offensive-2023").claim_ids == ("armenia-denounces-offensive",)

    def test_yevlakh_offer(self, bundled: cc.Dataset) -> None:
        """Baku said it was ready to meet Karabakh's Armenians in Yevlakh, an Azerbaijani city (an offer, not talks)."""
        assert bundled.territory("Yevlakh").part_of_id == "azerbaijan-territory"
        (event,) = bundled.events_in("Yevlakh")
        assert event.id == "yevlakh-meeting-offer"
        assert event.kind is EventKind.STATEMENT
        assert [(p.actor_id, p.role.value) for p in event.participants] == [
            ("azerbaijan", "initiator"), ("karabakh-armenians", "target")]
        inferred(event.span, "2023-09")
        assert "azerbaijan-ready-to-meet-in-yevlakh" in ids(bundled.claims_about("Yevlakh"))


class TestBlock04Offensive:
    def test_offensive_on_sept_19(self, bundled: cc.Dataset) -> None:
        """Only the offensive and its statement lie within 19 September 2023."""
        assert ids(bundled.events_between("2023-09-19", "2023-09-19", within=True)) == (
            "offensive-2023", "operation-continuation-statement-2023")

    def test_year_is_inferred(self, bundled: cc.Dataset) -> None:
        """Day and month are stated; the year 2023 is inferred, and the reason says from what."""
        span = bundled.event("offensive-2023").span
        inferred(span, "2023-09-19")
        assert span.precision is Precision.DAY
        assert "Eagle Partner 2023" in (span.reason or "")

    def test_offensive_participants(self, bundled: cc.Dataset) -> None:
        """Azerbaijan initiated the offensive in Nagorno-Karabakh, against the self-proclaimed republic."""
        event = bundled.event("offensive-2023")
        assert event.kind is EventKind.OFFENSIVE
        assert [(p.actor_id, p.role) for p in event.participants] == [
            ("azerbaijan", Role.INITIATOR), ("nagorno-karabakh-republic", Role.TARGET)]
        assert event.territory_ids == ("nagorno-karabakh",)
        assert_cites(event, 1, 2, 4, 5)

    def test_claimed_goal(self, bundled: cc.Dataset) -> None:
        """Restoring constitutional order is Azerbaijan's claimed goal, quoted."""
        claim = bundled.claim("azerbaijan-goal-constitutional-order")
        assert claim.claimant_id == "azerbaijan"
        assert claim.quote == "goal of restoring the constitutional order"
        assert claim.about_event_ids == ("offensive-2023",)


class TestBlock05Casualties:
    def test_ombudsman_figures(self, bundled: cc.Dataset) -> None:
        """The NKR Ombudsman reported 25 killed and 138 injured in the offensive."""
        (toll,) = bundled.event("offensive-2023").casualties
        assert toll.killed == cc.Count(25)
        assert toll.injured == cc.Count(138)
        assert toll.group is CasualtyGroup.UNSPECIFIED
        assert toll.reported_by_id == "nkr-ombudsman"
        inferred(toll.as_of, "2023-09-19/2023-09")
        assert_cites(toll, 5)

    def test_figures_are_the_ombudsmans_claim(self, bundled: cc.Dataset) -> None:
        """The article attributes the figures, so they are also a Claim by the Ombudsman's office."""
        (claim,) = bundled.claims_by("nkr-ombudsman")
        assert claim.id == "nkr-ombudsman-casualties-2023"
        assert claim.medium is cc.Medium.REPORT
        assert claim.about_event_ids == ("offensive-2023",)
        assert "25" in claim.summary
        assert "138" in claim.summary
        inferred(claim.span, "2023-09-19/2023-09")
        assert_cites(claim, 5)

    def test_ombudsman_is_an_office_of_the_republic(self, bundled: cc.Dataset) -> None:
        """The reporter is the Ombudsman office of the self-proclaimed republic, not a person."""
        office = bundled.actor("nkr-ombudsman")
        assert office.kind is ActorKind.OFFICE
        assert office.part_of_id == bundled.actor("self-proclaimed Nagorno-Karabakh Republic").id

    def test_republic_of_artsakh_is_not_an_alias(self, bundled: cc.Dataset) -> None:
        """'Republic of Artsakh', a name the article never uses, is in the republic's note, not its aliases (#14)."""
        republic = bundled.actor("Nagorno-Karabakh Republic")
        assert bundled.get_actor("Republic of Artsakh") is None
        assert "Republic of Artsakh" in (republic.note or "")
        assert [(x.scheme, x.value) for x in republic.external_ids] == [("ucdp-actor", "338")]


class TestBlock06StatusPopulationIndependence:
    def test_recognised_as_azerbaijani(self, bundled: cc.Dataset) -> None:
        """International law recognises Nagorno-Karabakh as Azerbaijan's territory."""
        status = bundled.territory("Nagorno-Karabakh").legal_status
        recognised = [s for s in status if s.kind is LegalStatusKind.RECOGNISED_PART_OF]
        assert [s.part_of_id for s in recognised] == ["azerbaijan-territory"]
        assert_cites(recognised[0], 6, 10)
        assert [s.span.format() for s in status if s.kind is LegalStatusKind.SELF_PROCLAIMED] == ["1991/.."]

    def test_population(self, bundled: cc.Dataset) -> None:
        """Its population is 120,000, predominantly Armenian."""
        (population,) = bundled.territory("Artsakh").population
        assert population.count.best == 120_000
        assert "Armenian" in (population.composition or "")
        assert_cites(population, 6, 10)

    def test_independence_with_armenian_support(self, bundled: cc.Dataset) -> None:
        """It declared independence in 1991, backed militarily by Armenia."""
        (event,) = bundled.events_involving("Yerevan", role="supporter")
        assert event.id == "nk-independence-declaration-1991"
        assert event.kind is EventKind.DECLARATION
        assert event.span == TimeSpan.year(1991)
        assert ids(bundled.actors_by_stance("supports", toward="Nagorno-Karabakh Republic", at="1991")) == ("armenia",)

    def test_armenian_control_until_2020(self, bundled: cc.Dataset) -> None:
        """Armenia held it and the surrounding regions de facto until 2020, from an unstated start."""
        for territory in ("Nagorno-Karabakh", "surrounding regions"):
            (period,) = bundled.controller_of(territory, at="2019")
            assert period.controller_ids == ("armenia",)
            assert period.span.format() == "../2020"
            assert period.de_facto
            assert_cites(period, 6)


class TestBlock07Operation2020:
    def test_operation(self, bundled: cc.Dataset) -> None:
        """In 2020 Azerbaijan's operation, part of the 2020 war, took parts of Nagorno-Karabakh."""
        event = bundled.event("azerbaijan-operation-2020")
        assert event.kind is EventKind.OFFENSIVE
        assert event.span == TimeSpan.year(2020)
        assert event.parent_id == "war-2020"

    def test_control_changes_in_2020(self, bundled: cc.Dataset) -> None:
        """In 2020 control of Nagorno-Karabakh passes from Armenia to Azerbaijan (in part)."""
        periods = bundled.controller_of("Nagorno Karabakh", at="2020")
        assert [p.controller_ids for p in periods] == [("armenia",), ("azerbaijan",)]
        (later,) = bundled.controller_of("Nagorno Karabakh", at="2021-06-01")
        assert later.extent is ControlExtent.PART
        assert later.span.format() == "2020/.."
        assert_cites(later, 7)


class TestBlock08Armistice:
    def test_ceasefire(self, bundled: cc.Dataset) -> None:
        """Russia brokered the November 2020 armistice between Armenia and Azerbaijan."""
        (ceasefire,) = bundled.ceasefires_involving("Moscow")
        assert ceasefire.id == "armistice-2020-11"
        assert ceasefire.party_ids == ("armenia", "azerbaijan")
        assert ceasefire.mediator_ids == ("russia",)
        assert ceasefire.declared == TimeSpan.month(2020, 11)
        assert ceasefire.event_id == "armistice-2020"
        assert [(x.scheme, x.value) for x in ceasefire.external_ids] == [("pax", "2324")]

    def test_patrol_provision(self, bundled: cc.Dataset) -> None:
        """Its provision has Russian forces patrolling the Lachin corridor."""
        (provision,) = bundled.ceasefire("armistice-2020-11").provisions
        assert provision.actor_ids == ("russia",)
        assert provision.territory_ids == ("lachin-corridor",)
        assert_cites(provision, 8)

    def test_armistice_event(self, bundled: cc.Dataset) -> None:
        """The armistice is also an event of the 2020 war with Russia as mediator."""
        event = bundled.event("armistice-2020")
        assert event.parent_id == "war-2020"
        assert ids(bundled.events_involving("Russia", role=Role.MEDIATOR)) == ("armistice-2020",)
        assert ids(bundled.actors_by_stance("mediates", toward="armistice-2020")) == ("russia",)

    def test_russia_holds_the_corridor_in_2021(self, bundled: cc.Dataset) -> None:
        """Russian forces patrol the Lachin corridor from November 2020 (month inferred), with no end reported."""
        (period,) = bundled.controller_of("Lachin corridor", at="2021-06-01")
        assert period.controller_ids == ("russia",)
        assert period.extent is ControlExtent.FULL
        inferred(period.span, "2020-11/..")
        assert_cites(period, 8, 9, 12)
        assert bundled.last_known_as_of(period, at="2021-06-01") is None
        inferred(bundled.event("russian-peacekeeper-deployment").span, "2020-11")

    def test_russia_still_holds_the_corridor_in_2023(self, bundled: cc.Dataset) -> None:
        """A withdrawal that began in 2022 ends nothing, so Russia's hold is known up to September 2023 (#14)."""
        for when in ("2022", "2023-01", "2023-09-19", "2023-09"):
            (period,) = bundled.controller_of("Lachin corridor", at=when, known_only=True)
            assert period.controller_ids == ("russia",), when
            assert bundled.last_known_as_of(period, at=when) is None, when
            assert ids(bundled.actors_by_stance("mediates", toward="Lachin corridor", at=when,
                                                known_only=True)) == ("russia",), when
        (period,) = bundled.territory("Lachin corridor").control
        assert period.span.last_day is None
        assert "block [9]" in (period.span.reason or "")
        assert "block [12]" in (period.span.reason or "")
        assert "a start, not a completed departure" in (period.span.reason or "")
        assert "no end" in (period.note or "")
        stance = bundled.stance("russia-peacekeeping-lachin")
        inferred(stance.span, "2020-11/..")
        assert "a start, not an end" in (stance.span.reason or "")
        assert_cites(stance, 8, 9, 12)

    def test_lachin_on_2023_10_01_is_last_known_as_of_2023_09(self, bundled: cc.Dataset) -> None:
        """Who controls the Lachin corridor on 2023-10-01: last known as of 2023-09, Russia; not a plain answer (#14)."""
        (period,) = bundled.controller_of("Lachin corridor", at="2023-10-01")
        assert period.controller_ids == ("russia",)
        horizon = bundled.last_known_as_of(period, at="2023-10-01")
        assert horizon is not None
        assert horizon.format() == "2023-09"
        assert horizon.last_day == pendulum.Date(2023, 9, 30)
        assert bundled.controller_of("Lachin corridor", at="2023-10-01", known_only=True) == ()
        (stance,) = bundled.stances_toward("mediates", toward="Lachin corridor", at="2023-10-01")
        assert stance.id == "russia-peacekeeping-lachin"
        assert bundled.last_known_as_of(stance, at="2023-10-01") == horizon
        assert bundled.actors_by_stance("mediates", toward="Lachin corridor", at="2023-10-01",
                                        known_only=True) == ()


class TestBlock09Accusation:
    def test_yerevan_accuses_russia(self, bundled: cc.Dataset) -> None:
        """In 2022 Armenia accused Russia of failing its peacekeeping mission."""
        claim = bundled.claim("armenia-accuses-russia-2022")
        assert claim.claimant_id == "armenia"
        assert claim.span == TimeSpan.year(2022)
        assert "russia" in claim.about_actor_ids
        assert claim in bundled.claims_about("Moscow")

    def test_cut_off_supplies_is_armenias_accusation(self, bundled: cc.Dataset) -> None:
        """That the blockade kept basic supplies out is Armenia's accusation, not a fact of the data (#14)."""
        claim = bundled.claim("armenia-accuses-russia-2022")
        assert "basic supplies" in claim.summary
        assert claim in bundled.claims_about("Karabakh Armenians")
        blockade = bundled.event("lachin-blockade")
        assert blockade.summary == "Azerbaijan blockaded the Lachin corridor, which raised fears of a humanitarian crisis."
        assert "Armenia's accusation" in (blockade.note or "")
        assert "Armenia's accusation" in (bundled.actor("Karabakh Armenians").note or "")

    def test_supplies_only_in_claims_or_attributed(self, bundled: cc.Dataset) -> None:
        """Outside claims, any text about the supplies names the accusation it comes from (#14)."""
        for path, value in everything(bundled):
            if isinstance(value, cc.Claim) or not attrs.has(type(value)):
                continue
            for field in attrs.fields(type(value)):
                text = getattr(value, field.name)
                if isinstance(text, str) and "supplies" in text:
                    assert "accusation" in text, f"{path}.{field.name}"

    def test_withdrawal(self, bundled: cc.Dataset) -> None:
        """Russia began withdrawing troops in 2022, which strained the armistice."""
        event = bundled.event("russian-troop-withdrawal-2022")
        assert event.kind is EventKind.WITHDRAWAL
        assert event.span == TimeSpan.year(2022)
        assert event.id in bundled.ceasefire("armistice-2020-11").strained_by_ids


class TestBlock10TwoWars:
    def test_two_wars(self, bundled: cc.Dataset) -> None:
        """The neighbours fought two wars over the enclave: in the early 1990s and in 2020."""
        assert ids(bundled.events_of_kind("war")) == ("war-1990s", "war-2020")
        inferred(bundled.event("war-1990s").span, "1990/1993")
        assert bundled.event("war-2020").span == TimeSpan.year(2020)

    def test_ussr_break_up_precedes_them(self, bundled: cc.Dataset) -> None:
        """The USSR's break-up is undated in the article: open start, no later than 1993."""
        event = bundled.event("ussr-dissolution")
        assert event.kind is EventKind.DISSOLUTION
        inferred(event.span, "../1993")
        ussr = bundled.actor("USSR")
        assert ussr.id == "ussr"
        # Issue #14: the article writes only "USSR"; the well-known name is in the note, not an alias.
        assert ussr.aliases == ()
        assert bundled.get_actor("Soviet Union") is None
        assert "Soviet Union" in (ussr.note or "")

    def test_artsakh_name(self, bundled: cc.Dataset) -> None:
        """Armenians call Nagorno-Karabakh Artsakh."""
        territory = bundled.territory("Artsakh")
        assert territory.id == "nagorno-karabakh"
        assert territory.kind is cc.TerritoryKind.REGION


class TestBlock11RegainedTerritory:
    def test_war_dead(self, bundled: cc.Dataset) -> None:
        """More than 7,000 troops were killed in the 2020 war: a lower bound, not a best estimate."""
        (toll,) = bundled.event("war-2020").casualties
        assert toll.killed == cc.Count(low=7000, reported_as="more than 7,000")
        assert toll.group is CasualtyGroup.MILITARY
        assert toll.reported_by_id is None

    def test_oblast_third(self, bundled: cc.Dataset) -> None:
        """Afterwards Azerbaijan held about one-third of the Soviet-era oblast."""
        oblast = bundled.territory("Nagorno-Karabakh Autonomous Oblast")
        assert [s.kind for s in oblast.legal_status] == [LegalStatusKind.DEFUNCT]
        (period,) = bundled.controller_of(oblast, at="2021")
        assert (period.controller_ids, period.extent, period.share) == (("azerbaijan",), ControlExtent.PART, 0.33)
        assert period.note == "about one-third (the article's figure; 0.33 stands for it)"

    def test_nkao_is_not_an_alias(self, bundled: cc.Dataset) -> None:
        """The abbreviation NKAO, which the article never uses, is in the oblast's note, not its aliases (#14)."""
        oblast = bundled.territory("Soviet-era Nagorno-Karabakh Autonomous Oblast")
        assert oblast.aliases == ("Soviet-era Nagorno-Karabakh Autonomous Oblast",)
        assert bundled.get_territory("NKAO") is None
        assert "NKAO" in (oblast.note or "")

    def test_most_of_the_districts(self, bundled: cc.Dataset) -> None:
        """Afterwards Azerbaijan held most of the seven adjacent territories."""
        (period,) = bundled.controller_of("seven adjacent territories", at="2021")
        assert (period.controller_ids, period.extent) == (("azerbaijan",), ControlExtent.MOST)
        inferred(period.span, "2020/..")


class TestBlock12Blockade:
    def test_blockade_from_december_2022(self, bundled: cc.Dataset) -> None:
        """Azerbaijan blockaded the Lachin corridor from December (2022, year inferred), with no end given."""
        (event,) = bundled.events_of_kind(EventKind.BLOCKADE)
        assert event.id == "lachin-blockade"
        inferred(event.span, "2022-12/..")
        assert event.span.first_day == pendulum.Date(2022, 12, 1)
        assert event.participants[0] == cc.Participant(cc.ActorId("azerbaijan"), Role.INITIATOR)
        assert_cites(event, 9, 12)

    def test_corridor_events(self, bundled: cc.Dataset) -> None:
        """The corridor saw the Russian deployment and then the blockade."""
        assert ids(bundled.events_in("Lachin corridor")) == ("russian-peacekeeper-deployment", "lachin-blockade")

    def test_blockade_strains_the_armistice(self, bundled: cc.Dataset) -> None:
        """The withdrawal and the blockade strained the armistice; no block links the 2023 offensive to it (#14)."""
        ceasefire = bundled.ceasefire("armistice-2020-11")
        assert ceasefire.strained_by_ids == ("russian-troop-withdrawal-2022", "lachin-blockade")
        assert_cites(ceasefire, 8, 9)

    def test_peace_talks(self, bundled: cc.Dataset) -> None:
        """Peace talks between Baku and Yerevan, attested from the blockade to the article."""
        assert ids(bundled.events_of_kind("negotiation")) == ("peace-talks",)
        talks = bundled.event("peace-talks")
        assert set(talks.actor_ids) == {"azerbaijan", "armenia", "karabakh-armenians"}
        inferred(talks.span, "2022-12/2023-09")


class TestBlock13Beglaryan:
    def test_genocide_post(self, bundled: cc.Dataset) -> None:
        """Beglaryan posted on X that Baku had begun a bloody phase of genocide, disputing its stated goal."""
        claim = bundled.claims_by("Beglaryan")[0]
        assert claim.id == "beglaryan-genocide"
        assert claim.medium is Medium.SOCIAL_MEDIA
        assert claim.quote == ("the bloody phase of the genocide of the Artsakh people after a long phase "
                               "of starvation")
        assert claim.disputes_ids == ("azerbaijan-goal-constitutional-order",)

    def test_ombudsman_reading(self, bundled: cc.Dataset) -> None:
        """He is a former ombudsman, his term undated, so the role holds in no month, September 2023 included (#14)."""
        person = bundled.actor("Artak Beglaryan")
        assert person.kind is ActorKind.PERSON
        (role,) = person.roles
        assert role.organisation_id == "nkr-ombudsman"
        assert role.ended
        assert not role.span.is_known
        assert not role.span.overlaps(TimeSpan.parse("2023-09"))
        assert "ex-ombudsman" in (role.note or "")
        assert_cites(role, 13)

    def test_artsakh_people(self, bundled: cc.Dataset) -> None:
        """'The Artsakh people' are the Karabakh Armenians."""
        assert bundled.actor("Artsakh people").id == "karabakh-armenians"


class TestBlock14Guarantees:
    def test_guarantees_question(self, bundled: cc.Dataset) -> None:
        """Beglaryan asked Russia, the US and the EU whether these were their guarantees."""
        claim = bundled.claim("beglaryan-guarantees")
        assert claim.quote == "Are these your guarantees of rights and security, Russia, US, EU!!!"
        assert claim.about_actor_ids == ("russia", "united-states", "european-union")
        assert claim in bundled.claims_about("EU")
        assert claim in bundled.claims_about("US")


class TestBlock15RussiaAndCsto:
    def test_close_ties(self, bundled: cc.Dataset) -> None:
        """Yerevan and Baku both have close ties to Russia."""
        assert ids(bundled.actors_by_stance("close_ties", toward="Moscow", at="2023-09")) == (
            "armenia", "azerbaijan")

    def test_csto_membership(self, bundled: cc.Dataset) -> None:
        """Armenia is a member of the Moscow-led CSTO; Azerbaijan is a former member, undated."""
        csto = bundled.actor("Collective Security Treaty Organization")
        (armenian,) = bundled.actor("Armenia").memberships
        assert armenian.organisation_id == csto.id
        assert armenian.span.overlaps(TimeSpan.parse("2023-09"))
        assert not armenian.ended
        (azerbaijani,) = bundled.actor("Azerbaijan").memberships
        assert azerbaijani.organisation_id == csto.id
        assert not azerbaijani.span.is_known
        assert "former" in (azerbaijani.note or "")

    def test_azerbaijan_is_a_former_member(self, bundled: cc.Dataset) -> None:
        """Azerbaijan's CSTO membership is marked ended in the data, so it counts as no member in 2023 (#14)."""
        (azerbaijani,) = bundled.actor("Baku").memberships
        assert azerbaijani.ended
        members = [actor.id for actor in bundled.actors for m in actor.memberships
                   if m.organisation_id == "csto" and not m.ended and m.span.overlaps(TimeSpan.parse("2023-09"))]
        assert members == ["armenia", "russia"]
        former = [actor.id for actor in bundled.actors for m in actor.memberships if m.ended]
        assert former == ["azerbaijan"]

    def test_csto_members_through_the_membership_queries(self, bundled: cc.Dataset) -> None:
        """The membership queries count Armenia and Russia in September 2023, Azerbaijan only as a former member (#14)."""
        assert ids(bundled.members_of("CSTO", at="2023-09")) == ("armenia", "russia")
        assert ids(bundled.members_of("CSTO", at="2023-09", known_only=True)) == ("armenia", "russia")
        assert ids(bundled.members_of("CSTO")) == ("armenia", "azerbaijan", "russia")
        (former,) = bundled.memberships_of("Baku")
        assert former.ended
        for when in ("1995", "2020", "2023-09"):
            assert bundled.memberships_of("Baku", organisation="CSTO", at=when) == (), when
        # Present-tense memberships are dated to the article's month: nothing is said of October 2023.
        assert bundled.members_of("CSTO", at="2023-10") == ()

    def test_beglaryan_is_a_former_ombudsman(self, bundled: cc.Dataset) -> None:
        """Beglaryan's ombudsman role is marked ended and holds at no date, September 2023 included (#14)."""
        (role,) = bundled.actor("Beglaryan").roles
        assert role.ended
        assert not role.span.overlaps(TimeSpan.parse("2023-09"))
        assert bundled.last_known_as_of(role, at="2023-10") is None

    def test_icg_assessment(self, bundled: cc.Dataset) -> None:
        """According to the ICG, Azerbaijan had been testing its strength: no medium, made by September 2023 (#14)."""
        (claim,) = bundled.claims_by("ICG")
        assert claim.medium is Medium.UNSPECIFIED
        inferred(claim.span, "../2023-09")
        assert claim.about_actor_ids == ("azerbaijan",)


class TestBlock16EaglePartner:
    def test_exercise(self, bundled: cc.Dataset) -> None:
        """The U.S. and Armenia held the joint exercise Eagle Partner 2023."""
        (event,) = bundled.events_of_kind("exercise")
        assert event.id == "eagle-partner-2023"
        assert set(event.actor_ids) == {"united-states", "armenia"}
        inferred(event.span, "2023")
        assert event in bundled.events_involving("U.S.")

    def test_russian_concern(self, bundled: cc.Dataset) -> None:
        """Russia was concerned by the exercise, reading it as Armenia turning from Moscow."""
        assert ids(bundled.actors_by_stance("concerned", toward="eagle-partner-2023")) == ("russia",)
        assert ids(bundled.claims_about("eagle-partner-2023")) == ("russia-concern-eagle-partner",)

    def test_us_diaspora(self, bundled: cc.Dataset) -> None:
        """The U.S. Armenian diaspora is a population actor."""
        diaspora = bundled.actor("armenian-diaspora-us")
        assert diaspora.kind is ActorKind.POPULATION
        assert_cites(diaspora, 16)


class TestBlock17TurkishInvolvementSection:
    def test_section_is_dated_by_one_reading(self, bundled: cc.Dataset) -> None:
        """Every dated value citing blocks [18]-[22] is dated to 2020 (inferred), all by the same reason."""
        section = set(range(18, 23))
        dated = [value for _, value in everything(bundled)
                 if hasattr(value, "citations") and hasattr(value, "span") and cited_blocks(value) & section]
        kinds = sorted(type(value).__name__ for value in dated)
        assert kinds == ["Claim"] * 8 + ["Event"] * 4 + ["RoleHeld"] * 3 + ["Stance"] * 2
        assert {value.span for value in dated} == {bundled.event("martial-law-2020").span}
        inferred(dated[0].span, "2020")

    def test_heading_cited_only_by_turkey(self, bundled: cc.Dataset) -> None:
        """The heading states no fact; only the Turkey actor cites it."""
        citing = [path for path, value in everything(bundled)
                  if hasattr(value, "citations") and 17 in cited_blocks(value)]
        assert citing == [f"$.actors[{ids(bundled.actors).index('turkey')}]"]


class TestBlock18MartialLawAndMobilisation:
    def test_martial_law(self, bundled: cc.Dataset) -> None:
        """After clashes erupted, both countries declared martial law."""
        (event,) = bundled.events_of_kind("martial_law")
        assert set(event.actor_ids) == {"armenia", "azerbaijan"}
        assert event.parent_id == "war-2020"
        assert ids(bundled.events_of_kind("clashes")) == ("clashes-2020",)

    def test_mobilisations(self, bundled: cc.Dataset) -> None:
        """Armenia mobilised generally (Sunday), Azerbaijan's president partially by decree (Monday)."""
        armenia, azerbaijan = bundled.events_of_kind(EventKind.MOBILISATION)
        assert (armenia.id, azerbaijan.id) == ("mobilisation-2020-armenia", "mobilisation-2020-azerbaijan")
        assert azerbaijan in bundled.events_involving("President of Azerbaijan", role="initiator")
        for event in (armenia, azerbaijan):
            assert event.span.precision is Precision.YEAR
            assert "day cannot be" in (event.note or "")
            # Issue #14: Sunday and Monday give the order, not "the day after": no week is given.
            assert "day after" not in (event.note or ""), event.id

    def test_clashes_have_no_place(self, bundled: cc.Dataset) -> None:
        """Block [18] does not say where the clashes were, so they are in no territory (#14)."""
        clashes = bundled.event("clashes-2020")
        assert clashes.territory_ids == ()
        assert clashes not in bundled.events_in("Nagorno-Karabakh")
        assert clashes.parent_id == "war-2020"


class TestBlock19Pashinyan:
    def test_three_statements(self, bundled: cc.Dataset) -> None:
        """Pashiniyan said Azerbaijan declared war, a great war is near, and Turkey is aggressive."""
        claims = bundled.claims_by("Pashiniyan")
        assert [c.quote for c in claims] == ["declared war", "on the brink of a great war", "aggressive"]
        assert claims[2].about_actor_ids == ("turkey",)

    def test_prime_minister(self, bundled: cc.Dataset) -> None:
        """Pashinyan is Armenia's Prime Minister, the article's spelling kept as an alias."""
        person = bundled.actor("Nikol Pashiniyan")
        assert person.id == bundled.actor("Nikol Pashinyan").id == "nikol-pashinyan"
        # Issue #14: the surname in the common spelling is not a name the article uses.
        assert person.aliases == ("Pashiniyan", "Nikol Pashiniyan")
        assert bundled.get_actor("Pashinyan") is None
        (role,) = person.roles
        assert (role.title, role.organisation_id) == ("Prime Minister of Armenia", "armenia")


class TestBlock20TurkishPosition:
    def test_anti_armenian_stance(self, bundled: cc.Dataset) -> None:
        """The article itself says Turkey took an anti-Armenian position."""
        stance = bundled.stance("turkey-opposes-armenia")
        assert ids(bundled.actors_by_stance("opposes", toward="Yerevan")) == ("turkey",)
        assert stance.claim_ids == ()
        assert_cites(stance, 20)

    def test_mercenaries_are_only_information(self, bundled: cc.Dataset) -> None:
        """Turkey sending mercenaries is an unattributed claim, and no fact event records it."""
        (claim,) = bundled.unattributed_claims()
        assert claim.id == "unattributed-turkish-mercenaries"
        assert claim.claimant_id is None
        assert "turkish-sent-mercenaries" in claim.about_actor_ids
        assert bundled.events_involving("Ankara") == ()
        assert bundled.events_involving("turkish-sent-mercenaries") == ()


class TestBlock21TurkeyBacksAzerbaijan:
    def test_support(self, bundled: cc.Dataset) -> None:
        """Turkey supports Azerbaijan, read from Turkey's and Erdogan's words."""
        assert ids(bundled.actors_by_stance("supports", toward="Baku", at="2020")) == ("turkey",)
        stance = bundled.stance("turkey-supports-azerbaijan")
        assert stance.claim_ids == ("turkey-promises-full-support", "erdogan-support-azerbaijan")

    def test_erdogan_wrote(self, bundled: cc.Dataset) -> None:
        """Erdogan, Turkey's president, wrote that the Turkish people would support their brothers."""
        (claim,) = bundled.claims_by("Erdoğan")  # accents are folded: the article's "Erdogan" is the alias
        assert bundled.actor("Erdogan").aliases == ("Erdogan",)
        assert claim.medium is Medium.WRITTEN
        assert claim.quote == "The Turkish people will support our Azerbaijani brothers with all our means as always"
        assert bundled.actor("Recep Tayyip Erdogan").roles[0].organisation_id == "turkey"

    def test_blame_disputes_pashinyan(self, bundled: cc.Dataset) -> None:
        """Turkey blaming Yerevan disputes Pashinyan's claim that Azerbaijan declared war."""
        pairs = [(a.id, b.id) for a, b in bundled.contradictions()]
        assert ("pashinyan-azerbaijan-declared-war", "turkey-blames-armenia") in pairs


class TestBlock22Harutyunyan:
    def test_mercenaries_and_warplanes(self, bundled: cc.Dataset) -> None:
        """Harutyunyan said Turkey supplied mercenaries and warplanes, widening the war."""
        (claim,) = bundled.claims_by("Harutyunyan")
        assert claim.quote == "the war has already … [gone] beyond the limits of a Karabakh-Azerbaijan conflict"
        assert {"turkey", "turkish-sent-mercenaries"} <= set(claim.about_actor_ids)

    def test_karabakh_president_without_first_name(self, bundled: cc.Dataset) -> None:
        """He is Karabakh's President, named by surname only."""
        person = bundled.actor("Harutyunyan")
        assert person.name == "Harutyunyan"
        (role,) = person.roles
        assert role.organisation_id == "nagorno-karabakh-republic"
        inferred(role.span, "2020")


# -- sweeps ----------------------------------------------------------------------------------------


class TestInvariants:
    def test_counts(self, bundled: cc.Dataset) -> None:
        """The data set holds a pinned number of records of each type."""
        assert {name: len(getattr(bundled, name)) for name in COUNTS} == COUNTS

    def test_ids_unique_across_types(self, bundled: cc.Dataset) -> None:
        """No id is used twice, across all record types."""
        all_ids = [r.id for name in COUNTS for r in getattr(bundled, name)]
        assert len(all_ids) == len(set(all_ids))

    def test_contradictions(self, bundled: cc.Dataset) -> None:
        """Exactly three pairs of claims dispute each other."""
        assert len(bundled.contradictions()) == 3

    def test_everything_cited(self, bundled: cc.Dataset) -> None:
        """Every record and nested value with citations cites blocks 1..22 of the one source."""
        cited = [(path, value) for path, value in everything(bundled) if hasattr(value, "citations")]
        assert len(cited) > sum(COUNTS.values())
        for path, value in cited:
            assert value.citations, path
            for citation in value.citations:
                assert citation.source_id == SOURCE_ID, path
                assert all(1 <= b <= 22 for b in citation.blocks), path

    def test_quotes_occur_in_cited_blocks(self, bundled: cc.Dataset) -> None:
        """Every quote occurs verbatim in the text of a block its record cites."""
        blocks = article_blocks()
        quoted = 0
        for path, value in everything(bundled):
            if isinstance(value, cc.Claim) and value.quote:
                quote, cites = value.quote, cited_blocks(value)
            elif isinstance(value, cc.Citation) and value.quote:
                quote, cites = value.quote, set(value.blocks)
            else:
                continue
            quoted += 1
            assert any(quote in blocks[b] for b in cites), (path, quote)
        assert quoted == 10

    def test_no_invented_days(self, bundled: cc.Dataset) -> None:
        """No span is given to the day unless the article states that day and month (only Sept. 19)."""
        for path, value in everything(bundled):
            if not isinstance(value, TimeSpan):
                continue
            if value.start is not None and value.start.day != 1:
                assert (value.start.month, value.start.day) in STATED_DAYS, (path, value)
            if value.end is not None and value.end != value.end.end_of("month"):
                assert (value.end.month, value.end.day) in STATED_DAYS, (path, value)
            if value.basis is Basis.INFERRED:
                assert value.reason, path
            if value.precision is Precision.DAY:
                # The one day the article gives is "Sept. 19", without a year: so every
                # day-precision span is that day, and its year is inferred.
                assert value.start is not None, path
                assert (value.start.month, value.start.day) in STATED_DAYS, (path, value)
                assert value.basis is Basis.INFERRED, (path, value)

    def test_aliases_resolve(self, bundled: cc.Dataset) -> None:
        """Every actor and territory is found by its id, name and each alias."""
        for actor in bundled.actors:
            for key in (actor.id, *actor.names):
                assert bundled.actor(key) is actor, key
        for territory in bundled.territories:
            for key in (territory.id, *territory.names):
                assert bundled.territory(key) is territory, key

    def test_aliases_are_the_articles_words(self, bundled: cc.Dataset) -> None:
        """Every alias is a name the article itself uses; other well-known names are only in notes (#14)."""
        text = same_quotes(article_text()).lower()
        named: list[tuple[str, tuple[str, ...]]] = [(r.id, r.aliases) for r in bundled.actors]
        named += [(r.id, r.aliases) for r in bundled.territories]
        missing = [(id_, alias) for id_, aliases in named for alias in aliases
                   if same_quotes(alias).lower() not in text]
        assert missing == []

    def test_actors_cite_every_block_naming_them(self, bundled: cc.Dataset) -> None:
        """An actor cites every block in which its name or one of its aliases occurs as a word (#14)."""
        blocks = {number: same_quotes(text) for number, text in article_blocks().items()}
        uncited = {}
        for actor in bundled.actors:
            words = [re.compile(rf"(?<!\w){re.escape(same_quotes(name))}(?!\w)") for name in actor.names]
            named = {number for number, text in blocks.items() if any(w.search(text) for w in words)}
            if named - cited_blocks(actor):
                uncited[actor.id] = sorted(named - cited_blocks(actor))
        assert uncited == {}
        assert_cites(bundled.actor("Azerbaijan"), 1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 15, 18, 19, 20, 21, 22)

    def test_capitals_are_states(self, bundled: cc.Dataset) -> None:
        """Capital metonyms resolve to the state actors."""
        capitals = {"Baku": "azerbaijan", "Yerevan": "armenia", "Moscow": "russia", "Ankara": "turkey"}
        for capital, state in capitals.items():
            actor = bundled.actor(capital)
            assert (actor.id, actor.kind) == (state, ActorKind.STATE)

    def test_readings_have_notes(self, bundled: cc.Dataset) -> None:
        """Every record dated by the 2020 reading of blocks [18]-[22] says so in its note."""
        for path, value in everything(bundled):
            span = getattr(value, "span", None)
            if isinstance(span, TimeSpan) and span.reason and "Blocks [17]-[22]" in span.reason:
                assert "2020" in (value.note or ""), path

    def test_no_copied_prose(self, bundled: cc.Dataset) -> None:
        """No text field but quotes repeats 10 words running of the article's prose (the title included)."""
        text = "\n".join(article_blocks().values())
        prose = re.sub(r"\u201c[^\u201d]*\u201d|\u2018[^\u2019]*\u2019|\"[^\"]*\"", " ", text)
        words = " " + " ".join(re.findall(r"[a-z0-9]+", prose.lower())) + " "

        def strings(data: Any, key: str) -> Iterator[tuple[str, str]]:
            if isinstance(data, dict):
                for k, v in data.items():
                    yield from strings(v, k)
            elif isinstance(data, list):
                for v in data:
                    yield from strings(v, key)
            elif isinstance(data, str):
                yield key, data

        copied = []
        for key, value in strings(cc.to_dict(bundled), ""):
            if "quote" in key:
                continue
            w = re.findall(r"[a-z0-9]+", value.lower())
            copied += [(key, value) for i in range(len(w) - 9) if f" {' '.join(w[i:i + 10])} " in words]
        assert copied == []
