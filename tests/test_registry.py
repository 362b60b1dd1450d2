"""The one registry of record types, and the integrity check it drives."""

from __future__ import annotations

import importlib.metadata
import json
import subprocess
import sys
import typing
import warnings

import attrs
import pytest
from hypothesis import Phase, find, given, settings
from hypothesis.errors import HypothesisWarning

import caucasus_conflict as cc
from caucasus_conflict import strategies as ccst
from caucasus_conflict._registry import Field, by_collection


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


#: The collection each id type names, written out independently of the registry.
TARGETS = {"ActorId": "actors", "TerritoryId": "territories", "EventId": "events", "ClaimId": "claims",
           "ConflictId": "conflicts", "DyadId": "dyads"}


def declared_references(cls: type, prefix: str = "") -> dict[str, str]:
    """Each path to an id of another record or a citation, with the collection it names, from the class's types."""
    found: dict[str, str] = {}
    hints = typing.get_type_hints(cls)
    for field in attrs.fields(cls):
        many = typing.get_origin(hints[field.name]) is tuple
        inner = typing.get_args(hints[field.name])[0] if many else hints[field.name]
        types = [a for a in typing.get_args(inner) if a is not type(None)] or [inner]
        path = f"{prefix}{field.name}{'[]' if many else ''}"
        if field.name == "citations":
            found[path] = "sources"
        elif field.name != "id" and getattr(types[0], "__name__", "") in TARGETS:
            found[path] = TARGETS[types[0].__name__]
        for candidate in types:
            if attrs.has(candidate) and candidate not in (cc.TimeSpan, cc.Citation):
                found |= declared_references(candidate, f"{path}.")
    return found


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

    @pytest.mark.parametrize("rtype", cc.RECORD_TYPES, ids=lambda t: t.collection)
    def test_each_reference_names_the_collection_its_type_says(self, rtype: cc.RecordType) -> None:
        """Every registered reference checks against the collection its declared id type belongs to."""
        assert {f.path: f.target for f in rtype.references} == declared_references(rtype.cls)

    @given(ccst.datasets(max_events=8))
    def test_bulk_values_equal_the_walk(self, ds: cc.Dataset) -> None:
        """The set a field's bulk check reads holds exactly the values its located walk visits."""
        for rtype in cc.RECORD_TYPES:
            records = getattr(ds, rtype.collection)
            for field in rtype.references:
                walked = {value for record in records for _, _, value in field.located(record)}
                assert field.values(records) == walked

    @given(ccst.datasets(max_events=8))
    def test_reached_values_equal_the_walk(self, ds: cc.Dataset) -> None:
        """The values the integrity check reads, first steps shared between fields, are the walk's, in order (#13)."""
        for rtype in cc.RECORD_TYPES:
            records = getattr(ds, rtype.collection)
            shared: dict[str, list[object]] = {}
            for field in rtype.references:
                walked = [value for record in records for _, _, value in field.located(record)]
                assert [v for v in field.reached(records, shared) if v is not None] == walked
                assert [v for v in field.reached(records) if v is not None] == walked


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
        """The public strategy does generate claims that dispute each other, and such a pair is listed once."""
        def mutual(d: cc.Dataset) -> list[frozenset[str]]:
            return [frozenset((c.id, o)) for c in d.claims for o in c.disputes_ids if c.id in d.claim(o).disputes_ids]

        # The first data set found, not shrunk: shrinking a whole data set took 25 s of CI. Unshrunk,
        # its repr is large, which Hypothesis warns of.
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", "Generating overly large repr", HypothesisWarning)
            ds = find(ccst.datasets(), lambda d: bool(mutual(d)),
                      settings=settings(phases=[Phase.generate], max_examples=2000, database=None))
        listed: list[frozenset[str]] = [frozenset((a.id, b.id)) for a, b in ds.contradictions()]
        assert all(listed.count(pair) == 1 for pair in mutual(ds))

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

    def test_ascii_ids_differing_only_by_case_clash_across_collections(self) -> None:
        """An ASCII id and its other-cased twin clash even in different collections, first and last of the file."""
        cite = (cc.Citation(cc.SourceId("s"), (1,)),)
        source = cc.Source(id=cc.SourceId("s"), title="T", publisher="P", url="u", credit="c",
                           published=cc.TimeSpan.parse("2024"), blocks=1)
        event = cc.Event(id=cc.EventId("S"), kind=cc.EventKind.WAR, summary="A war", span=cc.TimeSpan.parse("2020"),
                         citations=cite)
        with pytest.raises(cc.DataError) as info:
            cc.Dataset(sources=(source,), events=(event,))
        assert [str(p) for p in info.value.problems] == [
            "$.events[0].id: id 'S' differs from 's' (at $.sources[0].id) only by case or Unicode normalisation; "
            "ids must differ in more than that"]

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

    def test_load_imports_only_what_it_needs(self) -> None:
        """Importing the package and loading a file leave reports, merging, merge candidates, dumping and
        name suggestions unimported until used (#13)."""
        code = ("import sys, caucasus_conflict as cc; ds = cc.load(); lazy = ['caucasus_conflict.reports', "
                "'caucasus_conflict._merge', 'caucasus_conflict._candidates', 'caucasus_conflict._writer']; "
                "print([m in sys.modules for m in lazy], 'difflib' in sys.modules); "
                "cc.dumps(ds); ds.profile('turkey'); ds.merge(ds); ds.merge_candidates(ds); "
                "print([m in sys.modules for m in lazy]); "
                "print(cc.Profile is sys.modules['caucasus_conflict.reports'].Profile, "
                "cc.MergeCandidate is sys.modules['caucasus_conflict._candidates'].MergeCandidate)")
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
        assert out.split("\n")[:3] == ["[False, False, False, False] False", "[True, True, True, True]", "True True"]



S = cc.SourceId("s")
CITE = (cc.Citation(S, (1,)),)
YEAR = cc.TimeSpan.parse("2020")
SOURCE = cc.Source(id=S, title="T", publisher="P", url="https://example.org", credit="P", published=YEAR,
                   blocks=3)


def full_records() -> dict[str, tuple[cc.Record, ...]]:
    """A small, valid data set with a value in every reference field of every record type."""
    north, south, league = cc.ActorId("north"), cc.ActorId("south"), cc.ActorId("league")
    land, city = cc.TerritoryId("land"), cc.TerritoryId("city")
    war, battle = cc.EventId("war"), cc.EventId("battle")
    first, second = cc.ClaimId("first"), cc.ClaimId("second")
    return {
        "sources": (SOURCE,),
        "actors": (
            cc.Actor(id=north, name="North", kind=cc.ActorKind.STATE, citations=CITE),
            cc.Actor(id=league, name="League", kind=cc.ActorKind.ORGANISATION, citations=CITE),
            cc.Actor(id=south, name="South", kind=cc.ActorKind.GOVERNMENT, part_of_id=north,
                     roles=(cc.RoleHeld(title="Chair", organisation_id=league, citations=CITE),),
                     memberships=(cc.Membership(organisation_id=league, citations=CITE),),
                     names_used=(cc.NameUsed(name="South", citations=CITE),), citations=CITE),
        ),
        "territories": (
            cc.Territory(id=land, name="Land", kind=cc.TerritoryKind.STATE, citations=CITE),
            cc.Territory(id=city, name="City", kind=cc.TerritoryKind.CITY, part_of_id=land,
                         legal_status=(cc.LegalStatus(kind=cc.LegalStatusKind.RECOGNISED_PART_OF, part_of_id=land,
                                                      citations=CITE),),
                         population=(cc.Population(count=cc.Count(10), citations=CITE),),
                         control=(cc.ControlPeriod(controller_ids=(north,), span=YEAR, citations=CITE),),
                         citations=CITE),
        ),
        "events": (
            cc.Event(id=war, kind=cc.EventKind.WAR, summary="A war", span=YEAR, citations=CITE),
            cc.Event(id=battle, kind=cc.EventKind.CLASHES, summary="A battle", span=YEAR, parent_id=war,
                     participants=(cc.Participant(north, cc.Role.INITIATOR),), territory_ids=(city,),
                     casualties=(cc.Casualties(killed=cc.Count(3), of_actor_id=north, reported_by_id=south,
                                               citations=CITE),),
                     citations=CITE),
        ),
        "ceasefires": (
            cc.Ceasefire(id=cc.CeasefireId("truce"), name="Truce", party_ids=(north,), mediator_ids=(league,),
                         declared=YEAR, territory_ids=(land,), strained_by_ids=(battle,), event_id=war,
                         conflict_ids=(cc.ConflictId("feud"),), dyad_ids=(cc.DyadId("north-south"),),
                         provisions=(cc.Provision(summary="Patrols", actor_ids=(league,), territory_ids=(city,),
                                                  citations=CITE),),
                         citations=CITE),
        ),
        "claims": (
            cc.Claim(id=first, claimant_id=north, span=YEAR, summary="South started it", about_actor_ids=(south,),
                     about_territory_ids=(city,), about_event_ids=(battle,), disputes_ids=(second,),
                     citations=CITE),
            cc.Claim(id=second, claimant_id=south, span=YEAR, summary="North started it", disputes_ids=(first,),
                     citations=CITE),
        ),
        "stances": (
            cc.Stance(id=cc.StanceId("backs"), holder_id=league, kind=cc.StanceKind.SUPPORTS, toward_actor_id=north,
                      claim_ids=(first,), citations=CITE),
            cc.Stance(id=cc.StanceId("wants"), holder_id=north, kind=cc.StanceKind.SUPPORTS,
                      toward_territory_id=city, citations=CITE),
            cc.Stance(id=cc.StanceId("regrets"), holder_id=south, kind=cc.StanceKind.OPPOSES,
                      toward_event_id=battle, citations=CITE),
        ),
        "conflicts": (
            cc.Conflict(id=cc.ConflictId("feud"), name="North: Land", territory_ids=(land,),
                        participants=(cc.Participant(north, cc.Role.PARTICIPANT, cc.Side.A),
                                      cc.Participant(league, cc.Role.SUPPORTER, cc.Side.B)),
                        episodes=(cc.Episode(start=YEAR, citations=CITE),),
                        years=(cc.ConflictYear(year=2020, intensity=cc.Intensity.MINOR, citations=CITE),),
                        citations=CITE),
        ),
        "dyads": (
            cc.Dyad(id=cc.DyadId("north-south"), name="North – South", conflict_id=cc.ConflictId("feud"),
                    participants=(cc.Participant(north, cc.Role.PARTICIPANT, cc.Side.A),
                                  cc.Participant(south, cc.Role.PARTICIPANT, cc.Side.B)),
                    years=(cc.DyadYear(year=2020, battle_deaths=cc.Count(30), citations=CITE),),
                    citations=CITE),
        ),
    }


# From the classes' declared types, not from the registry, so that a field missing from the
# registry (which is how its check would be lost) still gets a dangling id planted in it.
REFERENCES = [(rtype, Field(path, target)) for rtype in cc.RECORD_TYPES
              for path, target in sorted(declared_references(rtype.cls).items())]


def planted(rtype: cc.RecordType, field: Field, value: object) -> tuple[dict[str, tuple[cc.Record, ...]], str]:
    """The full records with *value* put at the first place *field* reaches, and that place's JSON path."""
    records = full_records()
    items = records[rtype.collection]
    position, (suffix, where, _) = next((p, found) for p, r in enumerate(items) for found in field.located(r))
    broken = field.replaced(items[position], where, value)
    records[rtype.collection] = (*items[:position], broken, *items[position + 1:])
    return records, f"$.{rtype.collection}[{position}]{suffix}"


class TestEveryReferenceField:
    """Each run plants a dangling reference in every registered field (#9), with no search for examples."""

    def test_full_records_are_valid_and_fill_every_field(self) -> None:
        """The hand-built data set loads, and every reference field of the registry holds a value in it."""
        records = full_records()
        cc.Dataset(**records)  # type: ignore[arg-type]
        empty = [f"{rtype.collection}: {field.path}" for rtype, field in REFERENCES
                 if not field.values(records[rtype.collection])]
        assert empty == []

    @pytest.mark.parametrize(("rtype", "field"), REFERENCES, ids=[f"{t.collection}.{f.path}" for t, f in REFERENCES])
    def test_dangling_reference_reported_at_its_path(self, rtype: cc.RecordType, field: Field) -> None:
        """An id that names no record, in any reference field, is the one problem, at its JSON path."""
        if field.is_citation:
            records, path = planted(rtype, field, cc.Citation(cc.SourceId("zzz-missing"), (1,)))
            expected = [f"{path}.source_id: unknown source id 'zzz-missing'"]
        else:
            records, path = planted(rtype, field, "zzz-missing")
            expected = [f"{path}: unknown {by_collection(field.target).singular} id 'zzz-missing'"]
        with pytest.raises(cc.DataError) as info:
            cc.Dataset(**records)  # type: ignore[arg-type]
        assert [str(p) for p in info.value.problems] == expected

    @pytest.mark.parametrize(("rtype", "field"), [(t, f) for t, f in REFERENCES if f.is_citation],
                             ids=[f"{t.collection}.{f.path}" for t, f in REFERENCES if f.is_citation])
    def test_missing_block_reported_at_its_path(self, rtype: cc.RecordType, field: Field) -> None:
        """A citation of a block the source does not have is reported at that block, in any citation field."""
        records, path = planted(rtype, field, cc.Citation(S, (2, 4)))
        with pytest.raises(cc.DataError) as info:
            cc.Dataset(**records)  # type: ignore[arg-type]
        assert [str(p) for p in info.value.problems] == [
            f"{path}.blocks[1]: block 4 does not exist; source 's' has blocks 1..3"]

    def test_one_bad_citation_in_every_citation_field_reported_at_each(self) -> None:
        """One bad citation object held by every citation field at once is reported at each place it is: the check
        looks at each citation object once per data set, and one found bad stays bad for every field reaching it."""
        bad = cc.Citation(S, (2, 4))
        records = full_records()
        expected = []
        for rtype, field in REFERENCES:
            if not field.is_citation:
                continue
            items = records[rtype.collection]
            position, (suffix, where, _) = next((p, found) for p, r in enumerate(items) for found in field.located(r))
            records[rtype.collection] = (*items[:position], field.replaced(items[position], where, bad),
                                         *items[position + 1:])
            expected.append(f"$.{rtype.collection}[{position}]{suffix}.blocks[1]: block 4 does not exist; source 's' "
                            "has blocks 1..3")
        with pytest.raises(cc.DataError) as info:
            cc.Dataset(**records)  # type: ignore[arg-type]
        assert sorted(str(p) for p in info.value.problems) == sorted(expected)
        assert len(expected) > 10

    @pytest.mark.parametrize(("rtype", "field"), [(t, f) for t, f in REFERENCES if not f.is_citation],
                             ids=[f"{t.collection}.{f.path}" for t, f in REFERENCES if not f.is_citation])
    def test_id_of_the_wrong_type_reported(self, rtype: cc.RecordType, field: Field) -> None:
        """An id of a record of another type, in any reference field, is reported as the wrong type."""
        wrong, kind = ("first", "a claim") if field.target != "claims" else ("war", "an event")
        records, path = planted(rtype, field, wrong)
        with pytest.raises(cc.DataError) as info:
            cc.Dataset(**records)  # type: ignore[arg-type]
        expected = a_noun_of(field.target)
        assert [str(p) for p in info.value.problems] == [
            f"{path}: {wrong!r} is the id of {kind}, expected {expected} id"]


def a_noun_of(collection: str) -> str:
    """The singular of *collection* with its article, written out independently of the library."""
    return {"actors": "an actor", "territories": "a territory", "events": "an event", "claims": "a claim",
            "sources": "a source", "conflicts": "a conflict", "dyads": "a dyad"}[collection]


def actor(id_: str, name: str, *aliases: str) -> cc.Actor:
    """An actor with the given id, name and aliases."""
    return cc.Actor(id=cc.ActorId(id_), name=name, kind=cc.ActorKind.STATE, aliases=aliases, citations=CITE)


def event(id_: str, parent: str | None = None, *actors: str) -> cc.Event:
    """A war with an optional parent and the given initiators."""
    return cc.Event(id=cc.EventId(id_), kind=cc.EventKind.WAR, summary="A war", span=YEAR, citations=CITE,
                    parent_id=cc.EventId(parent) if parent else None,
                    participants=tuple(cc.Participant(cc.ActorId(a), cc.Role.INITIATOR) for a in actors))


def problems(**records: tuple[cc.Record, ...]) -> list[str]:
    """The problems building a data set of *records* (with the source) reports, in order."""
    with pytest.raises(cc.DataError) as info:
        cc.Dataset(sources=(SOURCE,), **records)  # type: ignore[arg-type]
    return [str(p) for p in info.value.problems]


CLASH = "names and aliases must identify one record"


class TestNameClashes:
    def test_id_name_and_alias_each_reported(self) -> None:
        """An id, a name and an alias that are already another actor's names are each reported, in field order."""
        assert problems(actors=(actor("north", "Northland", "Nord"), actor("northland", "NORD", "North"))) == [
            f"$.actors[1].id: 'northland' is already a name of actor 'north'; {CLASH}",
            f"$.actors[1].name: 'NORD' is already a name of actor 'north'; {CLASH}",
            f"$.actors[1].aliases[0]: 'North' is already a name of actor 'north'; {CLASH}",
        ]

    def test_checking_goes_on_after_a_name_without_letters(self) -> None:
        """A name that cannot be looked up does not hide the clashes after it in the same record."""
        assert problems(actors=(actor("north", "North"), actor("south", "South", "--", "north"))) == [
            "$.actors[1].aliases[0]: '--' has no letters or digits to look it up by",
            f"$.actors[1].aliases[1]: 'north' is already a name of actor 'north'; {CLASH}",
        ]

    def test_territories_clash_too(self) -> None:
        """Two territories sharing a name are reported as territories."""
        land = cc.Territory(id=cc.TerritoryId("land"), name="Land", kind=cc.TerritoryKind.REGION, citations=CITE)
        twin = cc.Territory(id=cc.TerritoryId("twin"), name="LAND", kind=cc.TerritoryKind.REGION, citations=CITE)
        assert problems(territories=(land, twin)) == [
            f"$.territories[1].name: 'LAND' is already a name of territory 'land'; {CLASH}"]

    def test_conflicts_and_dyads_clash_too(self) -> None:
        """Two conflicts, or two dyads, sharing a name are reported as such; a name without letters too."""
        feud = cc.Conflict(id=cc.ConflictId("feud"), name="Feud", citations=CITE)
        twin = cc.Conflict(id=cc.ConflictId("twin"), name="FEUD", aliases=("--",), citations=CITE)
        pair = cc.Dyad(id=cc.DyadId("pair"), name="Pair", conflict_id=cc.ConflictId("feud"), citations=CITE)
        other = cc.Dyad(id=cc.DyadId("other"), name="pair", conflict_id=cc.ConflictId("feud"), citations=CITE)
        assert problems(conflicts=(feud, twin), dyads=(pair, other)) == [
            f"$.conflicts[1].name: 'FEUD' is already a name of conflict 'feud'; {CLASH}",
            "$.conflicts[1].aliases[0]: '--' has no letters or digits to look it up by",
            f"$.dyads[1].name: 'pair' is already a name of dyad 'pair'; {CLASH}"]

    def test_ascii_and_full_width_ids_are_one_id(self) -> None:
        """An ASCII id and its full-width spelling count as the same id (and, as a name, the same name)."""
        assert problems(actors=(actor("ab", "North"), actor("\uff41b", "South"))) == [
            "$.actors[1].id: id 'ａb' differs from 'ab' (at $.actors[0].id) only by case or Unicode "
            "normalisation; ids must differ in more than that",
            f"$.actors[1].id: 'ａb' is already a name of actor 'ab'; {CLASH}"]


class TestNameTables:
    def test_each_named_record_is_found_by_its_names(self) -> None:
        """The name tables the check builds answer the data set's look-ups, for every named record type."""
        records = full_records()
        ds = cc.Dataset(**records)  # type: ignore[arg-type]
        for collection, look_up in (("actors", ds.actor), ("territories", ds.territory), ("conflicts", ds.conflict),
                                    ("dyads", ds.dyad)):
            named: tuple[typing.Any, ...] = records[collection]
            for record in named:
                for name in (record.id, record.name, *record.aliases):
                    assert look_up(name) is record, (collection, name)
                    assert look_up(name.upper()) is record, (collection, name)


class TestUnknownIds:
    def test_suggestions_for_the_first_fifty_only(self) -> None:
        """Each of the first 50 unknown ids gets a suggestion; later ones do not, so a huge bad file stays fast."""
        found = problems(actors=(actor("north", "North"),), events=tuple(event(f"e{i}", None, "nort") for i in range(52)))
        assert len(found) == 52
        assert found[49] == "$.events[49].participants[0].actor_id: unknown actor id 'nort' (did you mean 'north'?)"
        assert found[50:] == [f"$.events[{i}].participants[0].actor_id: unknown actor id 'nort'" for i in (50, 51)]

    def test_suggestion_is_the_closest_id(self) -> None:
        """The suggestion names the closest id of the expected type."""
        assert problems(actors=(actor("north", "North"), actor("northern", "Northern")),
                        events=(event("e", None, "nortn"),)) == [
            "$.events[0].participants[0].actor_id: unknown actor id 'nortn' (did you mean 'north'?)"]

    def test_paths_point_into_the_file_after_a_record_that_could_not_be_built(self) -> None:
        """When an earlier record of a file is invalid, a later record's problem still names its own index."""
        text = json.dumps({"format": "caucasus_conflict/1", "sources": [cc.converter.unstructure(SOURCE)],
                           "events": [{"id": "bad"}, cc.converter.unstructure(event("good", None, "nobody"))]})
        with pytest.raises(cc.DataError) as info:
            cc.loads(text)
        assert [p.path for p in info.value.problems][-1] == "$.events[1].participants[0].actor_id"


class TestParentCycles:
    def test_cycle_after_an_event_without_parent(self) -> None:
        """Events without a parent before a cycle do not stop the search for it."""
        assert problems(events=(event("root"), event("x", "y"), event("y", "x"))) == [
            "$.events[1].parent_id: parent events form a cycle (x -> y -> x); an event cannot be its own ancestor"]

    def test_every_cycle_reported(self) -> None:
        """Two separate cycles are two problems."""
        assert problems(events=(event("a", "a"), event("x", "y"), event("y", "x"))) == [
            "$.events[0].parent_id: parent events form a cycle (a -> a); an event cannot be its own ancestor",
            "$.events[1].parent_id: parent events form a cycle (x -> y -> x); an event cannot be its own ancestor",
        ]

    def test_cycle_listed_in_file_order_with_other_problems(self) -> None:
        """A cycle is listed with the other problems in file order: after its event's other fields."""
        claim = cc.Claim(id=cc.ClaimId("c"), span=YEAR, summary="s", about_event_ids=(cc.EventId("gone"),),
                         citations=CITE)
        assert problems(actors=(actor("north", "North", "--"),), events=(event("a", "a", "nobody"),),
                        claims=(claim,)) == [
            "$.actors[0].aliases[0]: '--' has no letters or digits to look it up by",
            "$.events[0].participants[0].actor_id: unknown actor id 'nobody'",
            "$.events[0].parent_id: parent events form a cycle (a -> a); an event cannot be its own ancestor",
            "$.claims[0].about_event_ids[0]: unknown event id 'gone'",
        ]


class TestExternalIds:
    @pytest.mark.parametrize("rtype", cc.RECORD_TYPES, ids=lambda r: r.collection)
    def test_every_record_type_is_found_by_its_external_id(self, rtype: cc.RecordType) -> None:
        """A record of any type that carries an id from another data set is found by that id."""
        records = full_records()
        tagged = attrs.evolve(records[rtype.collection][0], external_ids=(cc.ExternalId("other-set", "7"),))
        records[rtype.collection] = (tagged, *records[rtype.collection][1:])
        dataset = cc.Dataset(**records)  # type: ignore[arg-type]
        assert dataset.by_external_id("other-set", "7") == tagged

    @pytest.mark.parametrize("rtype", cc.RECORD_TYPES, ids=lambda r: r.collection)
    def test_a_pair_given_twice_on_one_record_reported(self, rtype: cc.RecordType) -> None:
        """The same (scheme, value) twice on one record is reported at the second, whatever the record type."""
        records = full_records()
        twice = (cc.ExternalId("other-set", "7"), cc.ExternalId("other-set", "8"), cc.ExternalId("other-set", "7"))
        records[rtype.collection] = (attrs.evolve(records[rtype.collection][0], external_ids=twice),
                                     *records[rtype.collection][1:])
        with pytest.raises(cc.DataError) as info:
            cc.Dataset(**records)  # type: ignore[arg-type]
        assert [str(p) for p in info.value.problems] == [
            f"$.{rtype.collection}[0].external_ids[2]: external id other-set:7 is also earlier in this record; "
            f"within {rtype.collection} a (scheme, value) pair names one record at most"]

    def test_a_pair_on_two_records_of_one_type_reported_at_the_later(self) -> None:
        """Two actors with one external id: the later is reported, naming where the earlier is."""
        records = full_records()
        north, league, south = records["actors"]
        records["actors"] = (attrs.evolve(north, external_ids=(cc.ExternalId("gwno", "1"),)), league,
                             attrs.evolve(south, external_ids=(cc.ExternalId("ucdp", "2"), cc.ExternalId("gwno", "1"))))
        with pytest.raises(cc.DataError) as info:
            cc.Dataset(**records)  # type: ignore[arg-type]
        assert [str(p) for p in info.value.problems] == [
            "$.actors[2].external_ids[1]: external id gwno:1 is also on $.actors[0]; within actors a (scheme, value) "
            "pair names one record at most"]

    def test_a_pair_on_records_of_two_types_is_allowed(self) -> None:
        """One external id on an actor and on an event is no clash: record_type says which is meant."""
        records = full_records()
        shared = (cc.ExternalId("other-set", "7"),)
        actor = attrs.evolve(records["actors"][0], external_ids=shared)
        event = attrs.evolve(records["events"][1], external_ids=shared)
        records["actors"] = (actor, *records["actors"][1:])
        records["events"] = (records["events"][0], event)
        dataset = cc.Dataset(**records)  # type: ignore[arg-type]
        assert dataset.by_external_id("other-set", "7", record_type=cc.Actor) == actor
        assert dataset.by_external_id("other-set", "7", record_type=cc.Event) == event

    def test_a_clash_sorted_among_the_records_other_problems(self) -> None:
        """A record's external-id clash is listed in field order with its other problems."""
        records = full_records()
        north, league, south = records["actors"]
        twice = (cc.ExternalId("gwno", "1"), cc.ExternalId("gwno", "1"))
        assert isinstance(south, cc.Actor)
        records["actors"] = (north, league, attrs.evolve(south, part_of_id=cc.ActorId("nowhere"), external_ids=twice))
        with pytest.raises(cc.DataError) as info:
            cc.Dataset(**records)  # type: ignore[arg-type]
        assert [str(p) for p in info.value.problems] == [
            "$.actors[2].part_of_id: unknown actor id 'nowhere'",
            "$.actors[2].external_ids[1]: external id gwno:1 is also earlier in this record; within actors a "
            "(scheme, value) pair names one record at most"]


class TestCitationKinds:
    def test_rows_of_an_article_are_refused_beside_rows_of_a_file(self) -> None:
        """An article is cited by blocks: its rows are refused, even in a data set whose file rows are good."""
        article = cc.Source(id=cc.SourceId("s"), title="T", publisher="P", url="https://example.org",
                            published=cc.TimeSpan.parse("2020"), credit="P", blocks=3)
        data_file = attrs.evolve(article, id=cc.SourceId("f"), kind=cc.SourceKind.DATA_FILE, blocks=None)
        actors = (cc.Actor(id=cc.ActorId("a"), name="A", kind=cc.ActorKind.STATE,
                           citations=(cc.Citation(cc.SourceId("f"), rows=(2,)),)),
                  cc.Actor(id=cc.ActorId("b"), name="B", kind=cc.ActorKind.STATE,
                           citations=(cc.Citation(cc.SourceId("s"), rows=(2,)),)))
        with pytest.raises(cc.DataError) as info:
            cc.Dataset(sources=(article, data_file), actors=actors)
        assert [str(p) for p in info.value.problems] == [
            "$.actors[1].citations[0].rows: source 's' is an article, which has blocks, not rows; cite its blocks"]
