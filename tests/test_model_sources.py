"""The model for the field's data: external ids, data-file sources and row citations, sides and whose casualties (#11)."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import caucasus_conflict as cc
from caucasus_conflict import strategies as ccst
from caucasus_conflict.cli import main

CITE = (cc.Citation(cc.SourceId("s"), (1,)),)
SOURCE = cc.Source(id=cc.SourceId("s"), title="T", publisher="P", url="https://example.org", credit="P",
                   published=cc.TimeSpan.parse("2024"), blocks=3)


def ext(scheme: str, value: str) -> cc.ExternalId:
    return cc.ExternalId(scheme, value)


def actor(actor_id: str, *ids: cc.ExternalId) -> cc.Actor:
    return cc.Actor(id=cc.ActorId(actor_id), name=actor_id.title(), kind=cc.ActorKind.STATE,
                    external_ids=ids, citations=CITE)


def event(event_id: str, *ids: cc.ExternalId) -> cc.Event:
    return cc.Event(id=cc.EventId(event_id), kind=cc.EventKind.WAR, summary="s",
                    span=cc.TimeSpan.parse("2020"), external_ids=ids, citations=CITE)


class TestModel:
    @pytest.mark.parametrize("rtype", cc.RECORD_TYPES, ids=lambda r: r.collection)
    def test_every_record_type_has_external_ids(self, rtype: cc.RecordType) -> None:
        """Every record type can carry ids from other data sets, defaulting to none."""
        field = attrs.fields_dict(rtype.cls)["external_ids"]
        assert field.default == ()

    @pytest.mark.parametrize("scheme", ["UCDP", "ucdp actor", "", "-gwno", "gwno-", "ucdp--actor", "9gw"])
    def test_bad_schemes_are_refused(self, scheme: str) -> None:
        with pytest.raises(cc.RecordError) as info:
            ext(scheme, "1")
        assert info.value.field == "scheme"

    @pytest.mark.parametrize("scheme", ["gwno", "ucdp-actor", "iso3166-1", "ucdp.ged", "acled_actor"])
    def test_good_schemes_are_kept(self, scheme: str) -> None:
        assert ext(scheme, "1").scheme == scheme

    @pytest.mark.parametrize("value", ["", " 373", "373 ", "3\n73", "\u200b"])
    def test_values_are_checked_like_ids(self, value: str) -> None:
        with pytest.raises(cc.RecordError) as info:
            ext("gwno", value)
        assert info.value.field == "value"

    def test_value_must_be_text(self) -> None:
        """A number is refused rather than silently turned into text (the file keeps "064" apart from 64)."""
        with pytest.raises(cc.RecordTypeError):
            cc.ExternalId("gwno", 373)  # type: ignore[arg-type]


class TestUniqueness:
    def test_two_actors_with_one_ucdp_id(self) -> None:
        """The issue's case: two actors with the same UCDP id are refused, with both places named."""
        with pytest.raises(cc.DataError) as info:
            cc.Dataset(sources=(SOURCE,), actors=(actor("a", ext("ucdp-actor", "330")),
                                                  actor("b", ext("gwno", "1"), ext("ucdp-actor", "330"))))
        assert [str(p) for p in info.value.problems] == [
            "$.actors[1].external_ids[1]: external id ucdp-actor:330 is also on $.actors[0]; "
            "within actors a (scheme, value) pair names one record at most"]

    def test_same_pair_twice_in_one_record(self) -> None:
        with pytest.raises(cc.DataError) as info:
            cc.Dataset(sources=(SOURCE,), actors=(actor("a", ext("gwno", "1"), ext("gwno", "1")),))
        assert [str(p) for p in info.value.problems] == [
            "$.actors[0].external_ids[1]: external id gwno:1 is also earlier in this record; "
            "within actors a (scheme, value) pair names one record at most"]

    def test_one_scheme_may_hold_several_values(self) -> None:
        """A record may carry an old and a new id in one scheme (UCDP's dset_id and new_id)."""
        ds = cc.Dataset(sources=(SOURCE,), actors=(actor("a", ext("ucdp-actor", "1"), ext("ucdp-actor", "2")),))
        assert ds.by_external_id("ucdp-actor", "1") is ds.by_external_id("ucdp-actor", "2") is ds.actors[0]

    def test_same_pair_on_different_record_types_is_allowed(self) -> None:
        """Uniqueness is per record type: an actor and an event may share a pair."""
        ds = cc.Dataset(sources=(SOURCE,), actors=(actor("a", ext("x", "1")),), events=(event("e", ext("x", "1")),))
        assert ds.by_external_id("x", "1", record_type=cc.Event).id == "e"
        assert ds.by_external_id("x", "1", record_type=cc.Actor).id == "a"
        with pytest.raises(cc.QueryError) as info:
            ds.by_external_id("x", "1")
        assert str(info.value) == ("external id x:1 is on records of several types (Actor, Event); "
                                   "pass record_type= to say which")

    def test_duplicate_in_a_file_names_the_file_and_path(self, tmp_path: object) -> None:
        """Loading reports the clash with its JSON path, in the same round as other problems."""
        data = json.loads(cc.dumps(cc.load()))
        data["actors"][1]["external_ids"].append({"scheme": "gwno", "value": "373"})
        data["events"][0]["parent_id"] = "no-such-event"
        with pytest.raises(cc.DataError) as info:
            cc.loads(json.dumps(data))
        messages = [str(p) for p in info.value.problems]
        assert "$.events[0].parent_id: unknown event id 'no-such-event'" in messages[1]
        assert messages[0].startswith("$.actors[1].external_ids[4]: external id gwno:373 is also on $.actors[0];")


class TestByExternalId:
    def test_bundled_states(self, bundled: cc.Dataset) -> None:
        """The bundled states carry the codes the field uses (formats.md: UCDP 64, 330; GW 371, 373)."""
        assert bundled.by_external_id("gwno", 373) is bundled.actor("Azerbaijan")
        assert bundled.by_external_id("gwno", "371") is bundled.actor("Armenia")
        assert bundled.by_external_id("ucdp-actor", "64") is bundled.actor("Azerbaijan")
        assert bundled.by_external_id("ucdp-actor", "330", record_type=cc.Actor) is bundled.actor("Armenia")
        assert bundled.by_external_id("iso3", "TUR").id == "turkey"

    def test_unknown_value_suggests_close_ones_in_the_scheme(self, bundled: cc.Dataset) -> None:
        with pytest.raises(cc.UnknownExternalIdError) as info:
            bundled.by_external_id("gwno", "37")
        assert info.value.suggestions == ("gwno:373", "gwno:371")
        assert isinstance(info.value, cc.UnknownNameError)

    def test_unknown_for_the_type_asked(self, bundled: cc.Dataset) -> None:
        with pytest.raises(cc.UnknownExternalIdError) as info:
            bundled.by_external_id("gwno", "373", record_type=cc.Event)
        assert str(info.value) == ("no event has the external id 'gwno:373'; values are compared as text, "
                                   "exactly as the other data set writes them")

    @pytest.mark.parametrize(("args", "kwargs"), [
        ((None, "1"), {}), (("gwno", None), {}), (("gwno", 1.0), {}), (("gwno", True), {}),
        (("gwno", "1"), {"record_type": "actor"}), (("gwno", "1"), {"record_type": int}),
    ])
    def test_misuse_gets_the_library_error(self, bundled: cc.Dataset, args: tuple[object, ...],
                                           kwargs: dict[str, object]) -> None:
        with pytest.raises(cc.ArgumentTypeError):
            bundled.by_external_id(*args, **kwargs)  # type: ignore[call-overload]

    @given(ds=ccst.datasets(max_events=8), data=st.data())
    def test_matches_brute_force(self, ds: cc.Dataset, data: st.DataObject) -> None:
        """Every pair finds the one record of its type that carries it; an absent pair is an error."""
        pairs = {(x.scheme, x.value, type(r)): r
                 for rtype in cc.RECORD_TYPES for r in getattr(ds, rtype.collection) for x in r.external_ids}
        for (scheme, value, cls), record in pairs.items():
            assert ds.by_external_id(scheme, value, record_type=cls) is record
            holders = {c for (s, v, c) in pairs if (s, v) == (scheme, value)}
            if len(holders) == 1:
                assert ds.by_external_id(scheme, value) is record
        scheme = data.draw(st.sampled_from(["gwno", "ged", "pax"]))
        value = data.draw(st.text(alphabet="0123456789.-abc", min_size=1, max_size=6))
        if not any((s, v) == (scheme, value) for (s, v, _) in pairs):
            with pytest.raises(cc.UnknownExternalIdError):
                ds.by_external_id(scheme, value)

    @given(ds=ccst.datasets(max_events=8))
    def test_round_trip_keeps_external_ids(self, ds: cc.Dataset) -> None:
        assert cc.loads(cc.dumps(ds)) == ds


# -- data files as sources, rows as citations (#11) -------------------------------------------

GED = cc.Source(id=cc.SourceId("ged"), kind=cc.SourceKind.DATA_FILE, title="UCDP GED", publisher="UCDP",
                url="https://ucdp.uu.se/downloads/", published=cc.TimeSpan.parse("2023-06"), credit="UCDP GED 23.1",
                release="23.1", licence="CC BY 4.0", file_name="GEDEvent_v23_1.csv", sha256="ab" * 32,
                coverage=cc.TimeSpan.parse("1989/2022"))


def cited(*citations: cc.Citation) -> cc.Actor:
    return cc.Actor(id=cc.ActorId("a"), name="A", kind=cc.ActorKind.STATE, citations=citations)


class TestDataFileSources:
    def test_article_needs_blocks(self) -> None:
        with pytest.raises(cc.RecordError) as info:
            attrs.evolve(SOURCE, blocks=None)
        assert str(info.value) == "'blocks' must be given for an article: how many numbered blocks it has"

    def test_data_file_has_no_blocks(self) -> None:
        with pytest.raises(cc.RecordError) as info:
            attrs.evolve(GED, blocks=3)
        assert info.value.field == "blocks"

    @pytest.mark.parametrize("digest", ["AB" * 32, "ab" * 31, "zz" * 32, ""])
    def test_sha256_is_64_lower_case_hex_digits(self, digest: str) -> None:
        with pytest.raises(cc.RecordError) as info:
            attrs.evolve(GED, sha256=digest)
        assert info.value.field == "sha256"

    def test_rows_cite_a_data_file(self) -> None:
        ds = cc.Dataset(sources=(SOURCE, GED), actors=(cited(cc.Citation(cc.SourceId("ged"), rows=(2, 7),
                                                                           row_ids=("1648",))),))
        assert ds.actors[0].citations[0].rows == (2, 7)
        assert cc.loads(cc.dumps(ds)) == ds

    @pytest.mark.parametrize(("citation", "problem"), [
        (cc.Citation(cc.SourceId("ged"), (1,)),
         "$.actors[0].citations[0].blocks: source 'ged' is a data file, which has rows, not blocks; "
         "cite its rows (rows=, row_ids=)"),
        (cc.Citation(cc.SourceId("s"), rows=(2,)),
         "$.actors[0].citations[0].rows: source 's' is an article, which has blocks, not rows; cite its blocks"),
        (cc.Citation(cc.SourceId("s"), row_ids=("x",)),
         "$.actors[0].citations[0].row_ids: source 's' is an article, which has blocks, not rows; cite its blocks"),
    ])
    def test_citation_must_fit_its_source(self, citation: cc.Citation, problem: str) -> None:
        with pytest.raises(cc.DataError) as info:
            cc.Dataset(sources=(SOURCE, GED), actors=(cited(citation),))
        assert [str(p) for p in info.value.problems] == [problem]

    def test_blocks_and_rows_together_are_refused(self) -> None:
        with pytest.raises(cc.RecordError) as info:
            cc.Citation(cc.SourceId("s"), (1,), row_ids=("9",))
        assert info.value.field == "rows"

    def test_show_names_lines_and_row_ids(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """The CLI's record view says which lines and row ids of the file a record rests on."""
        ds = cc.Dataset(sources=(SOURCE, GED), actors=(cited(cc.Citation(cc.SourceId("ged"), rows=(2, 3),
                                                                           row_ids=("1648",))),))
        cc.dump(ds, tmp_path / "d.json")
        assert main(["--data", str(tmp_path / "d.json"), "show", "a"]) == 0
        assert "lines 2, 3 and row id 1648 of ged" in capsys.readouterr().out

    @given(ds=ccst.datasets(max_events=6))
    def test_generated_data_sets_cite_data_files_too(self, ds: cc.Dataset) -> None:
        """The strategies draw data-file sources and row citations, and they round-trip."""
        files = {s.id for s in ds.sources if s.kind is cc.SourceKind.DATA_FILE}
        for rtype in cc.RECORD_TYPES:
            for record in getattr(ds, rtype.collection):
                for citation in getattr(record, "citations", ()):
                    assert bool(citation.blocks) is (citation.source_id not in files)
        assert cc.loads(cc.dumps(ds)) == ds


# -- sides, and whose casualties (#11) ---------------------------------------------------------


class TestSidesAndParts:
    def ged_like(self) -> cc.Dataset:
        """A GED-shaped event: side A, side B and a supporter of side B; a best total and its parts."""
        row = (cc.Citation(cc.SourceId("ged"), rows=(2,), row_ids=("1648",)),)
        parts = [cc.Casualties(killed=cc.Count(n), group=group, of_actor_id=cc.ActorId(of) if of else None,
                               is_part=True, citations=row)
                 for n, group, of in [(3, cc.CasualtyGroup.MILITARY, "a"), (2, cc.CasualtyGroup.MILITARY, "b"),
                                      (1, cc.CasualtyGroup.CIVILIAN, None)]]
        total = cc.Casualties(killed=cc.Count(6, low=5, high=9), citations=row)
        war = cc.Event(id=cc.EventId("e"), kind=cc.EventKind.CLASHES, summary="s", span=cc.TimeSpan.parse("2020"),
                       participants=(cc.Participant(cc.ActorId("a"), cc.Role.INITIATOR, cc.Side.A),
                                     cc.Participant(cc.ActorId("b"), cc.Role.TARGET, cc.Side.B),
                                     cc.Participant(cc.ActorId("c"), cc.Role.SUPPORTER, cc.Side.B)),
                       casualties=(total, *parts), citations=row)
        actors = tuple(cc.Actor(id=cc.ActorId(i), name=i.upper(), kind=cc.ActorKind.STATE, citations=row)
                       for i in "abc")
        return cc.Dataset(sources=(SOURCE, GED), actors=actors, events=(war,))

    def test_sides_and_parts_survive_a_file(self, tmp_path: Path) -> None:
        ds = self.ged_like()
        cc.dump(ds, tmp_path / "ged.json")
        back = cc.load(tmp_path / "ged.json")
        assert back == ds
        event = back.event("e")
        assert [(p.actor_id, p.side) for p in event.participants if p.role is cc.Role.SUPPORTER] == [("c", cc.Side.B)]
        totals = [c.killed.best for c in event.casualties if not c.is_part and c.killed]
        assert totals == [6]  # the parts add up to it and are not counted again

    def test_whose_casualties_must_name_a_known_actor(self) -> None:
        ds = self.ged_like()
        event = ds.events[0]
        bad = attrs.evolve(event, casualties=(attrs.evolve(event.casualties[1], of_actor_id=cc.ActorId("zz")),))
        with pytest.raises(cc.DataError) as info:
            cc.Dataset(sources=ds.sources, actors=ds.actors, events=(bad,))
        assert [str(p) for p in info.value.problems] == [
            "$.events[0].casualties[0].of_actor_id: unknown actor id 'zz'"]

    def test_side_in_json_is_a_letter(self) -> None:
        data = json.loads(cc.dumps(self.ged_like()))
        assert data["events"][0]["participants"][2] == {"actor_id": "c", "role": "supporter", "side": "b"}
        data["events"][0]["participants"][2]["side"] = "c"
        with pytest.raises(cc.DataError) as info:
            cc.loads(json.dumps(data))
        assert str(info.value.problems[0]).startswith("$.events[0].participants[2].side: expected one of 'a', 'b'")
