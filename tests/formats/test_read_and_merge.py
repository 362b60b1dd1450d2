"""`cc.read` (GED into the model) and `Dataset.merge` (joins only on external ids or a mapping), #11."""

from __future__ import annotations

import warnings
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import caucasus_conflict as cc
from caucasus_conflict import strategies as ccst
from caucasus_conflict.formats import DataWarning, read_rows

from ._support import fixture, real

HEADER = ("id,year,type_of_violence,side_a,side_a_new_id,side_b,side_b_new_id,date_prec,date_start,date_end,"
          "deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,low,high\n")


def ged_file(tmp_path: Path, *rows: str, name: str = "ged.csv") -> Path:
    """A GED-shaped file of *rows* (invented, in the GED codebook's columns)."""
    path = tmp_path / name
    path.write_text(HEADER + "".join(row + "\n" for row in rows), encoding="utf-8")
    return path


AZ_ARTSAKH = "7,2020,1,Government of Azerbaijan,64,Republic of Artsakh,338,1,2020-09-27,2020-09-27,1,2,0,0,3,3,4"


class TestReadGed:
    def test_every_row_is_an_event_citing_its_row(self) -> None:
        result = read_rows(fixture("ged.csv"))
        ds = cc.read(fixture("ged.csv"))
        assert [e.id for e in ds.events] == [f"ged-{row.id}" for row in result.rows]
        for row, event in zip(result.rows, ds.events, strict=True):
            (citation,) = event.citations
            assert (citation.rows, citation.row_ids) == ((row.line,), (str(row.id),))
            assert event.span == row.span
            assert [x for x in event.external_ids if x.scheme == "ged"] == [cc.ExternalId("ged", str(row.id))]

    def test_the_file_is_a_data_file_source(self) -> None:
        ds = cc.read(fixture("ged.csv"))
        (source,) = ds.sources
        assert source.kind is cc.SourceKind.DATA_FILE
        assert (source.file_name, source.licence) == ("ged.csv", "CC BY 4.0")
        assert source.sha256 is not None
        assert source.id == f"ucdp-ged-{source.sha256[:12]}"
        assert "CC BY 4.0" in source.credit

    def test_sides_and_casualties(self) -> None:
        """Side A and B are participants with their side; best is the total, the deaths columns its parts."""
        rows = {row.id: row for row in read_rows(fixture("ged.csv")).rows}
        ds = cc.read(fixture("ged.csv"))
        for event in ds.events:
            row = rows[int(event.id.removeprefix("ged-"))]
            totals = [c.killed for c in event.casualties if not c.is_part]
            assert [t.best for t in totals if t] == [row.best]
            parts = [c.killed.best for c in event.casualties if c.is_part and c.killed]
            expected = [n for n in (row.deaths_a, row.deaths_b, row.deaths_civilians, row.deaths_unknown) if n]
            assert parts == expected
            sides = {p.side: p.actor_id for p in event.participants}
            assert sides.get(cc.Side.A) == f"ucdp-actor-{row.side_a_new_id}"
            side_a_dead = [c for c in event.casualties if c.is_part and c.of_actor_id == sides.get(cc.Side.A)]
            assert [c.killed.best for c in side_a_dead if c.killed] == ([row.deaths_a] if row.deaths_a else [])

    def test_civilians_of_one_sided_violence_are_no_actor(self) -> None:
        ds = cc.read(fixture("ged.csv"))
        one_sided = [e for e in ds.events if e.kind is cc.EventKind.ONE_SIDED_VIOLENCE]
        assert one_sided
        for event in one_sided:
            assert [p.side for p in event.participants] == [cc.Side.A]
            assert any(c.group is cc.CasualtyGroup.CIVILIAN for c in event.casualties)
        assert "ucdp-actor-1" not in {a.id for a in ds.actors}

    def test_one_ucdp_id_under_two_names_is_one_actor(self) -> None:
        """Actor 9101 is "Government of Xland" on one row and "Invented Coalition" on another."""
        ds = cc.read(fixture("ged.csv"))
        actor = ds.by_external_id("ucdp-actor", "9101", record_type=cc.Actor)
        assert (actor.name, actor.aliases) == ("Government of Xland", ("Invented Coalition",))
        assert ds.actor("Invented Coalition") is actor

    def test_problems_are_kept_and_announced(self) -> None:
        """A typo-ridden file is read whole: values set aside, problems listed, one warning."""
        with pytest.warns(DataWarning, match=r"ged_typos.csv: 10 value\(s\) set aside"):
            ds = cc.read(fixture("ged_typos.csv"))
        assert [str(p) for p in ds.problems] == [str(p) for p in read_rows(fixture("ged_typos.csv")).problems]
        # The row whose id is unreadable, and the second row for id 900012, keep their lines as ids.
        assert [e.id for e in ds.events] == ["ged-line-2", "ged-900011", "ged-900012", "ged-900013", "ged-900014",
                                             "ged-line-7"]
        # low (5) above best (4): the low bound is set aside, best and high kept.
        killed = ds.event("ged-900012").casualties[0].killed
        assert killed is not None
        assert (killed.low, killed.best, killed.high) == (None, 4, 6)

    def test_strict_raises_every_problem(self) -> None:
        with pytest.raises(cc.DataError) as info:
            cc.read(fixture("ged_typos.csv"), strict=True)
        assert len(info.value.problems) == 10

    def test_a_file_that_is_not_ged_is_refused(self) -> None:
        with pytest.raises(cc.DataError, match="the header matches none of the formats"):
            cc.read(fixture("ged_renamed.csv"))

    def test_other_formats_say_where_their_rows_are(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from caucasus_conflict.formats import _model
        monkeypatch.delitem(_model._MAPPERS, "acled")  # as for a format not mapped yet
        with pytest.raises(cc.QueryError) as info:
            cc.read(fixture("acled.csv"))
        assert "read_rows" in str(info.value)
        assert "(acled)" in str(info.value)

    def test_same_bytes_same_ids(self, tmp_path: Path) -> None:
        first = cc.read(ged_file(tmp_path, AZ_ARTSAKH, name="a.csv"))
        again = cc.read(ged_file(tmp_path, AZ_ARTSAKH, name="a.csv"))
        assert first == again
        assert first.merge(again) == first

    def test_real_ged_sample(self) -> None:
        path = real("ucdp_ged_v23_1_sample.csv")
        rows = read_rows(path)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DataWarning)
            ds = cc.read(path)
        assert len(ds.events) == len(rows.rows)
        assert [str(p) for p in ds.problems] == [str(p) for p in rows.problems]


class TestMergeWithTheArticle:
    def test_events_of_both_are_found_by_one_query(self, tmp_path: Path, bundled: cc.Dataset) -> None:
        """The issue's case: the article's events and the file's, for Azerbaijan, in one answer."""
        merged = bundled.merge(cc.read(ged_file(tmp_path, AZ_ARTSAKH)))
        found = {e.id for e in merged.events_involving("Azerbaijan")}
        assert "ged-7" in found
        assert {e.id for e in bundled.events_involving("Azerbaijan")} < found
        azerbaijan = merged.actor("Azerbaijan")
        assert "Government of Azerbaijan" in azerbaijan.aliases
        assert merged.actor("Republic of Artsakh").id == "nagorno-karabakh-republic"  # UCDP 338

    def test_a_name_alone_never_joins(self, tmp_path: Path, bundled: cc.Dataset) -> None:
        """UCDP conflict 206's "Republic of Azerbaijan" (another id) stays its own actor."""
        row = "8,1946,1,Government of Iran,114,Republic of Azerbaijan,999,5,1946-12-31,1946-12-31,0,0,0,30,30,30,30"
        merged = bundled.merge(cc.read(ged_file(tmp_path, row)))
        assert "ged-8" not in {e.id for e in merged.events_involving("Azerbaijan")}
        assert merged.actor("Republic of Azerbaijan").id == "ucdp-actor-999"

    def test_a_name_clash_is_an_error_not_a_join(self, tmp_path: Path, bundled: cc.Dataset) -> None:
        row = "9,2020,1,Azerbaijan,999,Republic of Artsakh,338,1,2020-09-28,2020-09-28,0,0,0,1,1,1,1"
        with pytest.raises(cc.DataError, match="'Azerbaijan' is already a name of actor 'azerbaijan'"):
            bundled.merge(cc.read(ged_file(tmp_path, row)))

    def test_a_name_clash_names_the_mapping_that_would_join(self, tmp_path: Path, bundled: cc.Dataset) -> None:
        """The error's advice spells out the mapping, and passing it joins the records."""
        row = "9,2020,1,Azerbaijan,999,Republic of Artsakh,338,1,2020-09-28,2020-09-28,0,0,0,1,1,1,1"
        other = cc.read(ged_file(tmp_path, row))
        with pytest.raises(cc.DataError) as info:
            bundled.merge(other)
        assert info.value.advice == ("Records of different data sets share a name, and a name alone never joins "
                                     "them. If they are the same, say so with mapping={'ucdp-actor-999': "
                                     "'azerbaijan'}; if not, rename one.")
        assert bundled.merge(other, mapping={"ucdp-actor-999": "azerbaijan"}).actor("Azerbaijan").id == "azerbaijan"

    def test_a_mapping_joins_what_ids_do_not(self, tmp_path: Path, bundled: cc.Dataset) -> None:
        row = "9,2020,1,Azerbaijan,999,Republic of Artsakh,338,1,2020-09-28,2020-09-28,0,0,0,1,1,1,1"
        merged = bundled.merge(cc.read(ged_file(tmp_path, row)), mapping={"ucdp-actor-999": "azerbaijan"})
        assert "ged-9" in {e.id for e in merged.events_involving("Azerbaijan")}
        assert cc.ExternalId("ucdp-actor", "999") in merged.actor("Azerbaijan").external_ids

    @pytest.mark.parametrize(("mapping", "message"), [
        ({"ucdp-actor-999": "nowhere"}, "mapping names 'nowhere' for 'ucdp-actor-999', but no actor has that id"),
        ({"ucdp-actor-999": "war-2020"}, "mapping names 'war-2020' for 'ucdp-actor-999', but 'war-2020' is an "
                                         "event, not an actor"),
    ])
    def test_a_bad_mapping_is_reported(self, tmp_path: Path, bundled: cc.Dataset, mapping: dict[str, str],
                                       message: str) -> None:
        row = "9,2020,1,Azerbaijan,999,Republic of Artsakh,338,1,2020-09-28,2020-09-28,0,0,0,1,1,1,1"
        with pytest.raises(cc.DataError) as info:
            bundled.merge(cc.read(ged_file(tmp_path, row)), mapping=mapping)
        assert [p.message for p in info.value.problems] == [message]

    def test_an_id_in_both_for_different_records_is_reported(self, bundled: cc.Dataset) -> None:
        other = attrs.evolve(bundled, events=(attrs.evolve(bundled.events[0], summary="other"), *bundled.events[1:]))
        with pytest.raises(cc.DataError) as info:
            bundled.merge(other)
        assert [str(p) for p in info.value.problems] == [
            f"data set 1: $.events[0].id: id {bundled.events[0].id!r} is also the id of event "
            f"{bundled.events[0].id!r} in the data set merged into"]

    def test_misuse(self, bundled: cc.Dataset) -> None:
        with pytest.raises(cc.ArgumentTypeError, match=r"merge\(\) takes data sets \(got list as argument 1\)"):
            bundled.merge([])  # type: ignore[arg-type]


def prefixed(ds: cc.Dataset, prefix: str) -> cc.Dataset:
    """*ds* with every id (and every reference) prefixed, and its names too, so it shares nothing with *ds*."""
    mapping = {r.id: f"{prefix}{r.id}" for rtype in cc.RECORD_TYPES for r in getattr(ds, rtype.collection)
               if rtype.collection != "sources"}
    collections = {}
    for rtype in cc.RECORD_TYPES:
        records = []
        for record in getattr(ds, rtype.collection):
            if rtype.collection != "sources":
                for field in rtype.references:
                    if not field.is_citation:
                        record = field.remapped(record, mapping)
                changes: dict[str, object] = {"id": mapping[record.id], "external_ids": ()}
                if isinstance(record, cc.Actor | cc.Territory | cc.Conflict | cc.Dyad):
                    changes |= {"name": f"{prefix} {record.name}", "aliases": tuple(f"{prefix} {a}" for a in
                                                                                      record.aliases)}
                record = attrs.evolve(record, **changes)
            records.append(record)
        collections[rtype.collection] = tuple(records)
    return cc.Dataset(**collections)


class TestMergeProperties:
    @given(ds=ccst.datasets(max_events=8))
    def test_merging_with_itself_changes_nothing(self, ds: cc.Dataset) -> None:
        assert ds.merge(ds) == ds

    @given(ds=ccst.datasets(max_events=8), data=st.data())
    def test_disjoint_data_sets_are_united(self, ds: cc.Dataset, data: st.DataObject) -> None:
        """Sharing nothing, the merge holds both sets of records, and queries answer from both."""
        other = prefixed(ds, "zz")
        merged = ds.merge(other)
        for rtype in cc.RECORD_TYPES:
            held = {r.id for r in getattr(merged, rtype.collection)}
            assert held == {r.id for d in (ds, other) for r in getattr(d, rtype.collection)}
        if ds.actors:
            actor = data.draw(st.sampled_from(ds.actors))
            assert merged.events_involving(actor.id) == ds.events_involving(actor.id)
            assert merged.events_involving(f"zz{actor.id}") == other.events_involving(f"zz{actor.id}")

    @given(ds=ccst.datasets(max_events=8))
    def test_shared_external_ids_join_and_rewrite_references(self, ds: cc.Dataset) -> None:
        """A copy whose records keep their external ids joins them: its references then point at the kept ids."""
        other = prefixed(ds, "zz")
        with_ids = cc.Dataset(**{
            rtype.collection: tuple(
                attrs.evolve(r, external_ids=orig.external_ids)
                for r, orig in zip(getattr(other, rtype.collection), getattr(ds, rtype.collection), strict=True))
            for rtype in cc.RECORD_TYPES})
        # A dyad joined on its id must be of the same conflict in both: a conflict without
        # external ids is joined by the mapping (otherwise its copy is another conflict).
        merged = ds.merge(with_ids, mapping={f"zz{c.id}": c.id for c in ds.conflicts if not c.external_ids})
        for actor in ds.actors:
            if actor.external_ids:
                assert f"zz{actor.id}" not in {a.id for a in merged.actors}
                assert {e.id for e in merged.events_involving(actor.id)} >= {
                    f"zz{e.id}" for e in ds.events_involving(actor.id) if not e.external_ids}


class TestGedTotals:
    def test_a_ged_event_counts_its_best_once(self, tmp_path: Path) -> None:
        """GED's deaths_a ... deaths_unknown are parts of best: the total is best, not best plus its parts."""
        ds = cc.read(ged_file(tmp_path, AZ_ARTSAKH))
        total = ds.casualty_total()
        assert total.killed is not None
        assert (total.killed.best, total.killed.high) == (3, 4)  # best 3 (low 3), high 4: not 3 + 1 + 2
        side_a = [f for f in ds.casualties() if f.of_actor_id == "ucdp-actor-64"]
        assert [(f.is_part, f.killed.best if f.killed else None) for f in side_a] == [(True, 1)]
        alone = ds.casualty_total(side_a).killed  # a part asked for alone counts
        assert alone is not None
        assert alone.best == 1
