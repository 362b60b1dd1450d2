"""ETH/PRIO ceasefires and PA-X agreements read into the model, written back, and merged (#11)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import caucasus_conflict as cc
from caucasus_conflict._names import fold
from caucasus_conflict.formats import DataWarning, read_rows
from caucasus_conflict.formats._actors import KNOWN, match_name, mentions, split_names
from caucasus_conflict.formats.ethprio import CEASEFIRES
from caucasus_conflict.formats.pax import PAX

from ._support import csv_file, fixture, quietly, real, rows_of, without_lines, write_quietly

FAST = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], deadline=None)
ETH_HEADER = "cc,cf_id,uniq_id,ucdp_actor_id,actor_name,cf_dec_yr,cf_dec_month,cf_dec_day,cf_effect_yr,cf_effect_month," \
             "cf_effect_day,end_yr,end_month,end_day,written,mediator_send,pax_id\n"




def eth_file(tmp_path: Path, *rows: str, name: str = "cf.csv") -> Path:
    return csv_file(tmp_path, ETH_HEADER, *rows, name=name)


class TestEthPrio:
    def test_one_ceasefire_per_uniq_id_with_parties_and_sides(self) -> None:
        ds = quietly(fixture("ethprio.csv"))
        assert [c.id for c in ds.ceasefires] == ["ethprio-5001", "ethprio-5002", "ethprio-5003", "ethprio-5004"]
        first = ds.ceasefire("ethprio-5001")
        assert [(p.actor_id, p.role, p.side) for p in first.parties] == [
            ("ucdp-actor-9101", cc.Role.PARTICIPANT, cc.Side.A), ("ucdp-actor-9102", cc.Role.PARTICIPANT, cc.Side.B),
            ("cc-osce", cc.Role.MEDIATOR, None)]  # "Zland, OSZE": the OSCE's German acronym; Zland is reported
        assert first.external_ids == (cc.ExternalId("ethprio", "5001"), cc.ExternalId("pax", "9402"))
        assert first.citations[0].rows == (2, 3)
        assert ds.by_external_id("ucdp-actor", "9101", record_type=cc.Actor).name == "Government of Xland"
        assert (first.declared.format(), first.written) == ("1994-05-12", True)
        # What the two rows share is kept once; what each has of its own (nsa_frac, id), under its row.
        codes = {c.scheme: dict(c.items()) for c in first.source_codes}
        assert codes["ethprio-ceasefires"]["ceasefire_class"] == "2"
        assert (codes["ethprio-ceasefires.row0"]["nsa_frac"], codes["ethprio-ceasefires.row1"]["nsa_frac"]) == ("0", "1")

    def test_cf_id_repeats_across_countries(self, tmp_path: Path) -> None:
        """cf_id 1 in two countries is two ceasefires (a copy without uniq_id keys on cc and cf_id)."""
        path = tmp_path / "nouniq.csv"
        path.write_text("cc,cf_id,actor_name,cf_dec_yr,cf_dec_month,cf_dec_day\n700,1,Government of Xland,1994,5,12\n"
                        "701,1,Government of Wland,1992,-1,-1\n", encoding="utf-8")
        ds = cc.read(path)
        assert [c.id for c in ds.ceasefires] == ["ethprio-700-1", "ethprio-701-1"]
        assert ds.ceasefire("ethprio-701-1").declared == cc.TimeSpan.year(1992)

    def test_a_party_named_twice_starts_a_numbered_ceasefire(self, tmp_path: Path) -> None:
        """The second ceasefire's id is numbered, not named by a line; written back, each row keeps its line."""
        path = eth_file(tmp_path, "700,1,5001,,Government of Xland,1994,5,12,,,,,,,,,",
                        "700,1,5001,,Government of Xland,1995,1,2,,,,,,,,,", "700,1,5001,,Yregion Front,1994,5,12,,,,,,,,,")
        ds = quietly(path, source_id="cf")
        assert [(c.id, c.party_ids, c.declared.format()) for c in ds.ceasefires] == [
            ("ethprio-5001", ("ethprio-actor-government-of-xland", "ethprio-actor-yregion-front"), "1994-05-12"),
            ("ethprio-5001-2", ("ethprio-actor-government-of-xland",), "1995-01-02")]
        write_quietly(ds, tmp_path / "back.csv", "ethprio-ceasefires")
        again = quietly(tmp_path / "back.csv", source_id="cf")
        assert [c.citations[0].rows for c in again.ceasefires] == [(2, 4), (3,)]
        assert again.ceasefires == ds.ceasefires

    def test_the_dates_are_those_of_the_first_row_kept(self, tmp_path: Path) -> None:
        """A first row naming no actor is left out, so its dates (not written back) are not the ceasefire's."""
        path = eth_file(tmp_path, "700,1,5001,,,1990,1,1,,,,,,,,USA,", "700,1,5001,,Yregion Front,1994,5,12,,,,,,,,,")
        ds = quietly(path, source_id="cf")
        (ceasefire,) = ds.ceasefires
        assert (ceasefire.declared.format(), ceasefire.mediator_ids) == ("1994-05-12", ())
        write_quietly(ds, tmp_path / "back.csv", "ethprio-ceasefires")
        assert quietly(tmp_path / "back.csv", source_id="cf").ceasefire("ethprio-5001").declared == ceasefire.declared

    def test_effect_before_declaration_is_set_aside_and_kept(self) -> None:
        ds = quietly(fixture("ethprio.csv"))
        ceasefire = ds.ceasefire("ethprio-5003")
        assert ceasefire.effective == cc.TimeSpan.unknown()
        (codes,) = ceasefire.source_codes
        assert (codes.get("cf_effect_yr"), codes.get("cf_effect_month"), codes.get("cf_effect_day")) == ("2001", "3", "8")
        path = str(fixture("ethprio.csv"))
        assert f"{path}:5:cf_effect_yr: the ceasefire takes effect (2001-03-08) before it is declared (2001-03-10)" in [
            str(p) for p in ds.problems]

    def test_strict_raises_one_error_listing_all(self) -> None:
        with pytest.raises(cc.DataError) as info:
            cc.read(fixture("ethprio.csv"), strict=True)
        warned = quietly(fixture("ethprio.csv"))
        assert info.value.problems == warned.problems
        assert len(info.value.problems) == 5

    def test_warns_once(self) -> None:
        with pytest.warns(DataWarning) as caught:
            cc.read(fixture("ethprio.csv"))
        assert len(caught) == 1

    def test_open_end_and_unknown_parts(self) -> None:
        ds = quietly(fixture("ethprio.csv"))
        assert ds.ceasefire("ethprio-5001").ended is None  # 0: it has not ended
        assert ds.ceasefire("ethprio-5002").ended == cc.TimeSpan.month(1993, 3)  # -1 day: the month

    def test_mediators_matched_only_when_certain(self, tmp_path: Path) -> None:
        path = eth_file(tmp_path, "700,1,5001,9101,Government of Xland,1994,5,12,-1,-1,-1,0,0,0,1,\"Russia, OCSE, USA\",")
        ds = quietly(path)
        ceasefire = ds.ceasefire("ethprio-5001")
        assert ceasefire.mediator_ids == ("cc-russia", "cc-united-states")
        assert ds.actor("cc-united-states").external_ids == (cc.ExternalId("gwno", "2"), cc.ExternalId("iso3", "USA"))
        assert [str(p) for p in ds.problems] == [
            f"{path}:2:mediator_send: mediator 'OCSE' is no spelling the library knows of any actor "
            "(docs/formats/index.md#free-text-names), so it is not linked; the text is kept in the ceasefire's "
            "source codes"]
        assert ceasefire.source_codes[0].get("mediator_send") == "Russia, OCSE, USA"

    def test_merges_with_the_bundled_data_on_ids(self, tmp_path: Path) -> None:
        """The UCDP ids join the governments; the mediator Russia joins on its Gleditsch-Ward number."""
        path = eth_file(tmp_path, "373,1,9001,64,Government of Azerbaijan,1994,5,12,1994,5,12,0,0,0,1,Russia,",
                        "373,1,9001,338,Republic of Artsakh,1994,5,12,1994,5,12,0,0,0,1,Russia,")
        both = cc.load().merge(quietly(path))
        ceasefire = both.ceasefire("ethprio-9001")
        assert ceasefire.party_ids == ("azerbaijan", "nagorno-karabakh-republic")
        assert ceasefire.mediator_ids == ("russia",)
        assert "ethprio-9001" in {c.id for c in both.ceasefires_involving("Baku")}
        assert both.actor("Republic of Artsakh").id == "nagorno-karabakh-republic"

    def test_round_trip_of_the_fixture(self, tmp_path: Path) -> None:
        for name in ("ethprio.csv", "ethprio_reduced.csv"):
            ds = quietly(fixture(name), source_id="cf")
            back = tmp_path / name
            report = write_quietly(ds, back, "ethprio-ceasefires")
            assert report.left_out == ()
            assert quietly(back, source_id="cf").ceasefires == ds.ceasefires
            assert without_lines(read_rows(back).rows) == without_lines(read_rows(fixture(name)).rows)

    def test_interleaved_rows_read_back_in_place(self, tmp_path: Path) -> None:
        """A keyless row between two rows of one ceasefire keeps its line, so its id and every citation."""
        original = tmp_path / "a.csv"
        original.write_text("cc,cf_id,uniq_id,actor_name,cf_dec_yr,cf_dec_month,cf_dec_day\n"
                            "700,1,5001,Government of Xland,1994,5,12\n"
                            ",,,Yregion Front,1995,1,2\n"
                            "700,1,5001,Zfront,1994,5,12\n", encoding="utf-8")
        ds = quietly(original, source_id="cf")
        assert [(c.id, c.citations[0].rows) for c in ds.ceasefires] == [
            ("ethprio-5001", (2, 4)), ("ethprio-line-3", (3,))]
        back = tmp_path / "b.csv"
        write_quietly(ds, back, "ethprio-ceasefires")
        assert [row.actor_name for row in read_rows(back).rows] == ["Government of Xland", "Yregion Front", "Zfront"]
        assert quietly(back, source_id="cf").ceasefires == ds.ceasefires


class TestPax:
    def test_real_file(self) -> None:
        path = real("pax_armenia_azerbaijan.csv")
        ds = quietly(path)
        assert len(ds.ceasefires) == len(read_rows(path).rows) == 33
        statement = ds.by_external_id("pax", "2324", record_type=cc.Ceasefire)
        assert statement.party_ids == ("cc-azerbaijan", "cc-armenia", "cc-russia")
        assert (statement.declared, statement.written) == (cc.TimeSpan.day(2020, 11, 10), True)
        assert statement.source_codes[0].get("Stage") == "Cea"
        bishkek = ds.ceasefire("pax-990")
        assert bishkek.mediator_ids == ("cc-russia",)
        assert [str(p).partition(": ")[2][:60] for p in ds.problems] == [
            "the third parties 'Russian Ministry of Foreign Affairs (as m"]

    def test_real_file_merges_on_agt_id_and_reports_no_candidate(self) -> None:
        """The bundled armistice carries pax 2324: it joins the statement; no other agreement overlaps it."""
        pax = quietly(real("pax_armenia_azerbaijan.csv"))
        bundled = cc.load()
        both = bundled.merge(pax)
        armistice = both.ceasefire("armistice-2020-11")
        assert armistice.citations[-1].row_ids == ("2324",)
        assert "pax-2324" not in {c.id for c in both.ceasefires}
        assert len(both.ceasefires) == 33
        assert [c for c in bundled.merge_candidates(pax) if c.record_type == "ceasefire"] == []

    def test_without_the_shared_id_the_statement_is_a_candidate(self) -> None:
        pax = quietly(real("pax_armenia_azerbaijan.csv"))
        bundled = cc.load()
        armistice = attrs.evolve(bundled.ceasefire("armistice-2020-11"), external_ids=())
        unlinked = cc.Dataset(**{r.collection: getattr(bundled, r.collection) for r in cc.RECORD_TYPES}
                              | {"ceasefires": (armistice,)})
        assert unlinked.merge_candidates(pax) == (cc.MergeCandidate(
            "ceasefire", "armistice-2020-11", "pax-2324", (cc.ActorId("armenia"), cc.ActorId("azerbaijan")),
            ("the parties of one are parties of the other: armenia, azerbaijan",
             "declared dates overlap: 2020-11 and 2020-11-10",
             "same kind of record: both are ceasefires (or agreements read as ceasefires)")),)
        assert len(unlinked.merge(pax).ceasefires) == 34  # a candidate is never joined

    def test_real_file_round_trip(self, tmp_path: Path) -> None:
        path = real("pax_armenia_azerbaijan.csv")
        ds = quietly(path, source_id="pax")
        back = tmp_path / "pax.csv"
        assert write_quietly(ds, back, "pax").left_out == ()
        again = quietly(back, source_id="pax")
        assert (again.ceasefires, again.actors) == (ds.ceasefires, ds.actors)
        assert without_lines(read_rows(back).rows) == without_lines(read_rows(path).rows)

    def test_agreement_naming_no_known_actor_is_left_out_and_reported(self) -> None:
        ds = quietly(fixture("pax.csv"))
        path = str(fixture("pax.csv"))
        assert ds.ceasefires == ()
        assert str(ds.problems[0]) == (
            f"{path}:2:Part: the signatories 'For Xland: A. Person\\nFor Wland: B. Person' name no actor the "
            "library knows (docs/formats/index.md#free-text-names), so the agreement is left out; read its row with "
            "read_rows")

    def test_bundled_written_as_pax_is_loud(self, tmp_path: Path) -> None:
        with pytest.warns(DataWarning):
            report = cc.write(cc.load(), tmp_path / "x.csv", format="pax")
        assert report.rows == 1
        assert [str(p) for p in report.left_out[:1]] == [
            "ceasefires[0].declared: PA-X dates an agreement to the day, not '2020-11'; Dat left blank"]
        with pytest.raises(cc.DataError):
            cc.write(cc.load(), tmp_path / "y.csv", format="pax", strict=True)
        assert not (tmp_path / "y.csv").exists()


class TestFreeTextNames:
    def test_split(self) -> None:
        assert split_names("Russia, OCSE") == ("Russia", "OCSE")
        assert split_names("USA and France; Iran/Turkey") == ("USA", "France", "Iran", "Turkey")

    @pytest.mark.parametrize("known", KNOWN, ids=lambda k: k.key)
    def test_every_spelling_matches_its_actor(self, known: Any) -> None:
        for spelling in known.spellings:
            assert match_name(spelling) is known
            assert match_name(f"  {spelling.upper() if not spelling.isupper() else spelling} ") is known

    def test_no_guess(self) -> None:
        for text in ("OCSE", "Russian", "Zland", "OSCE Minsk Group", "EU"):
            assert match_name(text) is None

    def test_acronyms_only_in_capitals(self) -> None:
        assert mentions("the usa delegation") == ()
        assert [k.key for k in mentions("the USA delegation")] == ["united-states"]


class TestNamesUsed:
    def test_one_ucdp_id_two_names_one_actor_with_spans(self, tmp_path: Path) -> None:
        from .test_read_and_merge import ged_file

        path = ged_file(tmp_path,
                        "1,1990,1,Government of Soviet Union,57,Republic of Armenia,330,1,1990-05-01,1990-05-01,0,1,0,0,1,1,1",
                        "2,1991,1,Government of Soviet Union,57,Republic of Armenia,330,1,1991-05-01,1991-05-01,0,1,0,0,1,1,1",
                        "3,1993,1,Government of Azerbaijan,64,Government of Armenia,330,1,1993-05-01,1993-05-01,0,1,0,0,1,1,1",
                        "4,2020,1,Government of Azerbaijan,64,Government of Armenia,330,1,2020-09-27,2020-09-27,0,1,0,0,1,1,1")
        ds = cc.read(path)
        armenia = ds.actor("ucdp-actor-330")
        assert [(u.name, u.span.format(), u.citations[0].rows) for u in armenia.names_used] == [
            ("Republic of Armenia", "1990/1991", (2,)), ("Government of Armenia", "1993/2020", (4,))]
        merged = cc.load().merge(ds)
        assert merged.actor("Armenia").names_used == armenia.names_used
        assert merged.actor("Government of Armenia").id == "armenia"


# -- generated rows ------------------------------------------------------------------------


def _mapped_lines(ds: cc.Dataset) -> set[int]:
    return {line for c in ds.ceasefires for cite in c.citations for line in cite.rows}


@FAST
@given(data=st.data())
def test_generated_pax_rows_round_trip(tmp_path_factory: pytest.TempPathFactory, data: st.DataObject) -> None:
    """PA-X rows that name a known signatory read, write and read back as the same rows and records."""
    rows = data.draw(st.lists(rows_of(PAX, extras=["stage_label"]), min_size=1, max_size=4))
    rows = [attrs.evolve(row, part=f"{row.part or ''} For {data.draw(st.sampled_from(['Armenia', 'USA', 'NKR']))}")
            for row in rows]
    folder = tmp_path_factory.mktemp("pax")
    original = folder / "a.csv"
    original.write_text(PAX.dumps(rows), encoding="utf-8")
    ds = quietly(original, source_id="pax")
    assert len(ds.ceasefires) == len(rows)
    back = folder / "b.csv"
    write_quietly(ds, back, "pax")
    again = quietly(back, source_id="pax")
    assert (again.ceasefires, again.actors) == (ds.ceasefires, ds.actors)
    assert without_lines(read_rows(back).rows) == without_lines(read_rows(original).rows)


@FAST
@given(data=st.data())
def test_generated_ethprio_rows_round_trip(tmp_path_factory: pytest.TempPathFactory, data: st.DataObject) -> None:
    """Every ETH/PRIO row that names an actor comes back, in its order; with every row kept, so do the records."""
    rows = data.draw(st.lists(rows_of(CEASEFIRES, extras=["link_id1", "notes"]), min_size=1, max_size=5))
    folder = tmp_path_factory.mktemp("eth")
    original = folder / "a.csv"
    original.write_text(CEASEFIRES.dumps(rows), encoding="utf-8")
    ds = quietly(original, source_id="cf")
    kept = _mapped_lines(ds)
    back = folder / "b.csv"
    write_quietly(ds, back, "ethprio-ceasefires")
    wanted = [r for r in read_rows(original).rows if r.line in kept]
    got = read_rows(back).rows
    assert without_lines(got) == without_lines(wanted)
    if len(kept) == len(rows):  # no row left out, so no line moves: read back, the records are the same
        again = quietly(back, source_id="cf")
        assert (again.ceasefires, again.actors, again.conflicts, again.dyads) == (
            ds.ceasefires, ds.actors, ds.conflicts, ds.dyads)
    # Written once, the file is a fixed point: reading and writing it again gives the same text.
    third = folder / "c.csv"
    write_quietly(quietly(back, source_id="cf"), third, "ethprio-ceasefires")
    assert third.read_text(encoding="utf-8") == back.read_text(encoding="utf-8")


# -- merge candidates against a brute-force oracle -------------------------------------------

_CITE = (cc.Citation(cc.SourceId("s"), (1,)),)
_SOURCE = cc.Source(id=cc.SourceId("s"), title="S", publisher="P", url="https://example.org",
                    published=cc.TimeSpan.parse("2024"), credit="(c) P", blocks=1)
_SPANS = st.sampled_from(["2000", "2000-03", "2000-03-05", "2001", "2000/2001", "unknown"]).map(cc.TimeSpan.parse)
_NAMES = ["Alpha", "Beta", "Gamma", "Delta", "ALPHA!", "Epsilon"]


@st.composite
def _datasets(draw: st.DrawFn, prefix: str) -> cc.Dataset:
    """A small data set: actors with names and external ids from small pools, ceasefires between them."""
    count = draw(st.integers(1, 4))
    names = draw(st.lists(st.sampled_from(_NAMES[:4] if prefix == "a" else _NAMES), min_size=count, max_size=count,
                          unique_by=lambda n: n.lower().strip("!")))
    codes = draw(st.lists(st.integers(0, 4), min_size=count, max_size=count, unique=True))
    shared = draw(st.sets(st.integers(0, 3), min_size=1, max_size=3)) if prefix == "b" else set()
    actors = tuple(cc.Actor(id=cc.ActorId(f"{'a' if i in shared else prefix}{i}"), name=name, kind=cc.ActorKind.STATE,
                            external_ids=(cc.ExternalId("k", str(code)),) if draw(st.booleans()) else (),
                            citations=_CITE)
                   for i, (name, code) in enumerate(zip(names, codes, strict=True)))
    ids = [a.id for a in actors]
    ceasefires = []
    pax = draw(st.lists(st.integers(0, 3), max_size=3, unique=True))
    for j in range(draw(st.integers(0, 3))):
        parties = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=3, unique=True))
        external = (cc.ExternalId("pax", str(pax[j])),) if j < len(pax) and draw(st.booleans()) else ()
        ceasefires.append(cc.Ceasefire(id=cc.CeasefireId(f"c{prefix}{j}"), name="C", party_ids=tuple(parties),
                                       declared=draw(_SPANS), external_ids=external, citations=_CITE))
    return cc.Dataset(sources=(_SOURCE,), actors=actors, ceasefires=tuple(ceasefires))


def _joined(record: cc.Actor | cc.Ceasefire, held: tuple[cc.Actor, ...] | tuple[cc.Ceasefire, ...]) -> str | None:
    """The held record *record* is joined to by merge: the one sharing an external id, else the one of its id."""
    sharing = [h.id for h in held if set(h.external_ids) & set(record.external_ids)]
    if len(sharing) == 1:
        return str(sharing[0])
    if not sharing and record.id in {h.id for h in held}:
        return str(record.id)
    return None


def _oracle(mine: cc.Dataset, other: cc.Dataset) -> set[tuple[str, str, str]]:
    """Every pair, checked one by one against the documented rule."""
    actor_join = {o.id: _joined(o, mine.actors) for o in other.actors}
    cease_join = {o.id: _joined(o, mine.ceasefires) for o in other.ceasefires}
    out: set[tuple[str, str, str]] = set()
    for actor in mine.actors:
        for them in other.actors:
            if actor_join[them.id] is None and actor.id not in actor_join.values() and \
                    {fold(n) for n in actor.names} & {fold(n) for n in them.names}:
                out.add(("actor", actor.id, them.id))
    for held in mine.ceasefires:
        for o in other.ceasefires:
            if cease_join[o.id] is not None or held.id in cease_join.values():
                continue
            mapped = [actor_join[p] for p in o.party_ids]
            theirs = {p for p in mapped if p is not None}
            shared = theirs & set(held.party_ids)
            one_in_other = shared == set(held.party_ids) or (None not in mapped and shared == theirs)
            if shared and one_in_other and held.declared.overlaps(o.declared):
                out.add(("ceasefire", held.id, o.id))
    return out


@FAST
@given(mine=_datasets("a"), other=_datasets("b"))
def test_merge_candidates_match_the_oracle(mine: cc.Dataset, other: cc.Dataset) -> None:
    found = mine.merge_candidates(other)
    assert {(c.record_type, c.id, c.other_id) for c in found} == _oracle(mine, other)
    assert list(found) == sorted(found, key=lambda c: (c.record_type, c.id, c.other_id))
    for candidate in found:
        assert candidate.evidence
        if candidate.record_type == "ceasefire":
            assert set(candidate.shared_party_ids) <= set(mine.ceasefire(candidate.id).party_ids)
    if not any(c.record_type == "actor" for c in found):
        try:
            merged = mine.merge(other)
        except cc.DataError:
            return  # external ids matching several records: refused, as merge documents
        kept = {c.id for c in merged.ceasefires}
        assert all({c.id, c.other_id} <= kept for c in found), "a candidate is never joined"


def test_a_party_matching_no_held_actor_keeps_the_pair_apart_unless_the_held_parties_are_all_shared() -> None:
    """{a, x} against {a, b}: x is no held actor, so the parties are not one within the other."""
    def ds(actors: list[str], parties: list[list[str]], prefix: str) -> cc.Dataset:
        return cc.Dataset(sources=(_SOURCE,), actors=tuple(cc.Actor(id=cc.ActorId(a), name=a.upper() + "land",
                                                                    kind=cc.ActorKind.STATE, citations=_CITE)
                                                           for a in actors),
                          ceasefires=tuple(cc.Ceasefire(id=cc.CeasefireId(f"{prefix}{i}"), name="C",
                                                        party_ids=tuple(map(cc.ActorId, p)),
                                                        declared=cc.TimeSpan.parse("2000"), citations=_CITE)
                                           for i, p in enumerate(parties)))

    mine = ds(["a", "b"], [["a", "b"], ["a"]], "m")
    other = ds(["a", "x"], [["a", "x"]], "o")
    found = [(c.id, c.other_id, c.evidence[0]) for c in mine.merge_candidates(other) if c.record_type == "ceasefire"]
    assert found == [("m1", "o0", "the parties of one are parties of the other: a")]


def test_cli_imports_ethprio(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from caucasus_conflict.cli import main

    target = tmp_path / "cf.json"
    assert main(["import", "ethprio-ceasefires", str(fixture("ethprio.csv")), "-o", str(target)]) == 0
    err = capsys.readouterr().err
    assert err.endswith(f"Wrote 1 conflict, 1 dyad, 4 ceasefires, 0 events and 4 actors to {target}.\n")
    assert cc.load(target).ceasefires == quietly(fixture("ethprio.csv")).ceasefires


def test_problems_in_line_order() -> None:
    ds = quietly(fixture("ethprio.csv"))
    path = str(fixture("ethprio.csv"))
    assert [p.path.removeprefix(path) for p in ds.problems] == [
        ":2:mediator_send", ":5:cf_effect_yr", ":6:ceasefire_class", ":6:cf_dec_month", ":6:cf_effect_day"]


def test_names_used_across_files_join_on_the_ucdp_id(tmp_path: Path) -> None:
    """GED calls 330 the 'Government of Armenia' in 2020; an ETH/PRIO row of 1991 the 'Republic of Armenia'."""
    from .test_read_and_merge import ged_file

    ged = cc.read(ged_file(tmp_path, "4,2020,1,Government of Azerbaijan,64,Government of Armenia,330,1,2020-09-27,"
                                     "2020-09-27,0,1,0,0,1,1,1"))
    eth = quietly(eth_file(tmp_path, "371,1,9002,330,Republic of Armenia,1991,9,23,-1,-1,-1,-1,-1,-1,1,,"))
    both = ged.merge(eth)
    armenia = both.actor("ucdp-actor-330")
    assert armenia.names == ("Government of Armenia", "Republic of Armenia")
    assert [(u.name, u.span.format()) for u in armenia.names_used] == [("Government of Armenia", "2020"),
                                                                      ("Republic of Armenia", "1991")]
    assert both.ceasefire("ethprio-9002").party_ids == ("ucdp-actor-330",)


def test_bundled_written_as_ethprio_is_loud(tmp_path: Path) -> None:
    with pytest.warns(DataWarning):
        report = cc.write(cc.load(), tmp_path / "cf.csv", format="ethprio-ceasefires")
    assert report.rows == 2  # the armistice: Armenia and Azerbaijan
    paths = [p.path for p in report.left_out]
    assert paths[:3] == ["ceasefires[0].provisions", "ceasefires[0].territory_ids", "ceasefires[0].strained_by_ids"]
    assert "events[0]" in paths
    assert "claims[0]" in paths
    rows = read_rows(tmp_path / "cf.csv").rows
    assert [(r.actor_name, r.mediator_send, r.pax_id, r.cf_dec_yr, r.cf_dec_month) for r in rows] == [
        ("Armenia", "Russia", (2324,), 2020, 11), ("Azerbaijan", "Russia", (2324,), 2020, 11)]


def test_ethprio_and_pax_join_on_the_pax_id(tmp_path: Path) -> None:
    """An ETH/PRIO ceasefire that links PA-X 990 (the Bishkek ceasefire) is one record with the agreement."""
    eth = quietly(eth_file(tmp_path, "373,1,9001,64,Government of Azerbaijan,1994,5,11,-1,-1,-1,0,0,0,1,Russia,990",
                           "373,1,9001,338,Republic of Artsakh,1994,5,11,-1,-1,-1,0,0,0,1,Russia,990"))
    pax = quietly(real("pax_armenia_azerbaijan.csv"))
    both = cc.load().merge(eth, pax)
    ceasefire = both.ceasefire("ethprio-9001")
    assert "pax-990" not in {c.id for c in both.ceasefires}
    assert (ceasefire.party_ids, ceasefire.mediator_ids) == (("azerbaijan", "nagorno-karabakh-republic"), ("russia",))
    assert {x.scheme: x.value for x in ceasefire.external_ids} == {"ethprio": "9001", "pax": "990"}
    assert [cite.row_ids for cite in ceasefire.citations] == [(), ("990",)]
