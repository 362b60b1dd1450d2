"""ACLED read into the model, GED's location and source codes, and both written back by `cc.write` (#11).

Every ACLED row here is invented (tests/fixtures/formats/README.md): ACLED's terms forbid
redistribution, so no ACLED row is ever committed.
"""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import caucasus_conflict as cc
from caucasus_conflict.formats import acled, ucdp
from caucasus_conflict.formats._into_ged import GED_KEPT
from caucasus_conflict.interop import EVENT_KIND_CROSSWALK, kind_for_acled

from ._support import fixture, quietly, real


def round_trip(path: Path, fmt: str, tmp_path: Path) -> tuple[cc.Dataset, cc.Dataset, cc.formats.WriteReport]:
    """The file read, written in *fmt* and read again (one source id, so the records can be compared)."""
    first = quietly(path, source_id="file")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        report = cc.write(first, tmp_path / f"again.{fmt}.csv", fmt)
    return first, quietly(tmp_path / f"again.{fmt}.csv", source_id="file"), report


def assert_same(first: cc.Dataset, again: cc.Dataset) -> None:
    """The records are equal; the source differs only in the file's name and SHA-256; the problems are the same."""
    assert again.events == first.events
    assert again.actors == first.actors
    (source,) = first.sources
    (source_again,) = again.sources
    assert attrs.evolve(source_again, file_name=source.file_name, sha256=source.sha256) == source
    assert _without_file(again) == _without_file(first)


def _without_file(ds: cc.Dataset) -> list[str]:
    """The problems without the file's name (the second file has another)."""
    return [str(p).split(":", 1)[1] for p in ds.problems]


class TestReadAcled:
    def test_events(self) -> None:
        """One event per row: id from event_id_cnty, external id acled, kind from the crosswalk, span at time_precision."""
        rows = acled.ACLED.read(fixture("acled.csv")).rows
        ds = quietly(fixture("acled.csv"))
        assert [e.id for e in ds.events] == [f"acled-{row.event_id_cnty}" for row in rows]
        for row, event in zip(rows, ds.events, strict=True):
            assert event.external_ids == (cc.ExternalId("acled", str(row.event_id_cnty)),)
            assert event.kind is kind_for_acled(acled.SUB_EVENT_TYPES[str(row.sub_event_type)], row.sub_event_type)
            assert event.span == row.span
            (citation,) = event.citations
            assert (citation.rows, citation.row_ids) == ((row.line,), (row.event_id_cnty,))
        assert ds.event("acled-XLD6").kind is cc.EventKind.BASE_ESTABLISHED
        (source,) = ds.sources
        assert source.kind is cc.SourceKind.DATA_FILE
        assert source.licence == "ACLED terms of use (no redistribution)"

    def test_actors_and_sides(self) -> None:
        """actor1 and its associates are side A, actor2 and its associates side B; names that fold alike are one actor."""
        text = ("event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,assoc_actor_1,inter1,"
                "actor2,assoc_actor_2,inter2,country,fatalities\n"
                "XL1,2020-10-15,1,Riots,Mob violence,Rioters (Xland),Students (Xland); Workers (Xland),5,"
                "Civilians (Xland),,7,Xland,2\n"
                "XL2,2020-10-16,1,Riots,Mob violence,RIOTERS (XLAND),,5,Police Forces of Xland,,1,Xland,0\n")
        path = Path(self._tmp) / "a.csv"
        path.write_text(text, encoding="utf-8")
        ds = quietly(path)
        first = ds.event("acled-XL1")
        assert [(p.actor_id, p.role, p.side) for p in first.participants] == [
            ("acled-actor-riotersxland", cc.Role.PARTICIPANT, cc.Side.A),
            ("acled-actor-studentsxland", cc.Role.PARTICIPANT, cc.Side.A),
            ("acled-actor-workersxland", cc.Role.PARTICIPANT, cc.Side.A),
            ("acled-actor-civiliansxland", cc.Role.PARTICIPANT, cc.Side.B)]
        rioters = ds.actor("acled-actor-riotersxland")
        assert (rioters.name, rioters.aliases, rioters.kind) == ("Rioters (Xland)", ("RIOTERS (XLAND)",),
                                                                  cc.ActorKind.POPULATION)
        assert ds.actor("Police Forces of Xland").kind is cc.ActorKind.ARMED_FORCES
        assert [c.killed for c in ds.event("acled-XL2").casualties] == [cc.Count(0)]
        codes = first.source_codes[0]
        assert (codes.scheme, codes.get("inter1"), codes.get("inter2")) == ("acled", "5", "7")

    @pytest.fixture(autouse=True)
    def _tmp_path(self, tmp_path: Path) -> None:
        self._tmp = str(tmp_path)

    def test_fatalities_unknown_never_zero(self) -> None:
        """A blank fatalities cell and an export without the column give no figure, never 0."""
        blank = quietly(fixture("acled.csv")).event("acled-XLD7")
        assert blank.casualties == ()
        hxl = quietly(fixture("acled_hxl.csv"))
        assert all(e.casualties == () for e in hxl.events)
        assert quietly(fixture("acled.csv")).event("acled-XLD6").casualties[0].killed == cc.Count(0)

    def test_location(self) -> None:
        """The place columns become the event's location, with ACLED's geo_precision code."""
        where = quietly(fixture("acled.csv")).event("acled-XLD5").location
        assert where == cc.Location(latitude=39.8, longitude=46.75, precision=1, precision_scheme="acled",
                                    name="Alpha", admin1="Gamma", admin2="Beta", country="Xland")
        assert where.precision_meaning == "the town"

    def test_problems_listed(self) -> None:
        """The row reader's problems are the data set's, announced once."""
        with pytest.warns(cc.formats.DataWarning):
            ds = cc.read(fixture("acled.csv"))
        assert [str(p) for p in ds.problems] == [str(p) for p in acled.ACLED.read(fixture("acled.csv")).problems]


class TestGedLocationAndCodes:
    def test_location(self) -> None:
        """GED's coordinates, where_prec and place names become the event's location."""
        rows = ucdp.GED.read(fixture("ged.csv")).rows
        ds = cc.read(fixture("ged.csv"))
        for row, event in zip(rows, ds.events, strict=True):
            assert event.location is not None
            assert (event.location.latitude, event.location.longitude) == (row.latitude, row.longitude)
            assert (event.location.precision, event.location.name, event.location.admin1, event.location.admin2,
                    event.location.country) == (row.where_prec, row.where_coordinates, row.adm_1, row.adm_2,
                                                row.country)

    def test_unmapped_columns_are_kept_and_shared(self) -> None:
        """Every column the model does not map is in the source codes; rows of one shape share one columns tuple."""
        rows = ucdp.GED.read(fixture("ged.csv")).rows
        ds = cc.read(fixture("ged.csv"))
        codes = [e.source_codes[0] for e in ds.events]
        assert all(c.scheme == "ucdp-ged" for c in codes)
        for row, code in zip(rows, codes, strict=True):
            assert code.get("conflict_name") == (row.conflict_name or "")
            assert code.get("dyad_new_id") == ("" if row.dyad_new_id is None else str(row.dyad_new_id))
        plain = [c for c in codes if c.columns == GED_KEPT]
        assert len(plain) >= 2
        assert all(c.columns is plain[0].columns for c in plain)

    def test_non_state_conflict_keeps_its_type(self, tmp_path: Path) -> None:
        """Type of violence 2 reads as clashes, and its code is kept so that it is written back as 2."""
        path = tmp_path / "g.csv"
        path.write_text("id,year,type_of_violence,side_a,side_a_new_id,side_b,side_b_new_id,date_prec,date_start,"
                        "date_end,best\n5,2020,2,Xland Front,901,Yland Front,902,1,2020-01-02,2020-01-02,3\n",
                        encoding="utf-8")
        event = cc.read(path).event("ged-5")
        assert event.kind is cc.EventKind.CLASHES
        assert event.source_codes[0].get("type_of_violence") == "2"
        rows, _ = cc.formats.WRITERS["ucdp-ged"](cc.read(path))
        assert isinstance(rows[0], ucdp.GedRow)
        assert rows[0].type_of_violence == 2


class TestRoundTrips:
    @pytest.mark.parametrize("name", ["ged.csv", "ged_typos.csv", "ged_old.csv", "ged_resaved.csv"])
    def test_ged_fixtures(self, name: str, tmp_path: Path) -> None:
        """Read -> write -> read gives the same records and problems, for the official and re-saved shapes."""
        first, again, report = round_trip(fixture(name), "ucdp-ged", tmp_path)
        assert report.rows == len(first.events)
        assert_same(first, again)

    def test_real_ged_sample(self, tmp_path: Path) -> None:
        """The real GED sample (100 rows, 4 problems) survives read -> write -> read."""
        first, again, report = round_trip(real("ucdp_ged_v23_1_sample.csv"), "ucdp-ged", tmp_path)
        assert (report.rows, report.left_out, len(first.problems)) == (100, (), 4)
        assert_same(first, again)

    def test_acled_fixture(self, tmp_path: Path) -> None:
        """The project's ACLED fixture survives read -> write -> read, its reported mistakes included."""
        first, again, report = round_trip(fixture("acled.csv"), "acled", tmp_path)
        assert (report.rows, report.left_out) == (4, ())
        assert_same(first, again)

    @given(rows=st.lists(st.tuples(
        st.sampled_from([1, 2, 3]), st.sampled_from([1, 2, 3, 4, 5, None]),
        st.dates(dt.date(1989, 1, 1), dt.date(2023, 12, 31)), st.integers(0, 9),
        st.none() | st.tuples(st.floats(-90, 90), st.floats(-180, 180)), st.sampled_from([None, 1, 4, 7]),
        st.sampled_from(["", "Alpha", "Beta"]), st.integers(0, 3)), min_size=1, max_size=6))
    def test_generated_ged_rows(self, rows: list[tuple[object, ...]]) -> None:
        """Generated GED rows: read -> write -> read is the identity on the records."""
        import tempfile
        lines = ["id,year,type_of_violence,side_a,side_a_new_id,side_b,side_b_new_id,date_prec,date_start,date_end,"
                 "latitude,longitude,where_prec,where_coordinates,deaths_a,deaths_b,deaths_civilians,deaths_unknown,"
                 "best,low,high,conflict_name"]
        for n, (tov, prec, day, deaths, point, where, place, spread) in enumerate(rows):
            assert isinstance(day, dt.date)
            assert isinstance(deaths, int)
            assert isinstance(spread, int)
            end = day + dt.timedelta(days=spread) if prec in (2, 3) else day
            lat, lon = point if isinstance(point, tuple) else ("", "")
            side_b, b_id = ("Civilians", 1) if tov == 3 else ("Yland Front", 902)
            lines.append(f"{100 + n % 4},{day.year},{tov},Government of Xland,901,{side_b},{b_id},"
                         f"{'' if prec is None else prec},{day},{end},{lat},{lon},{'' if where is None else where},"
                         f"{place},{deaths},0,0,0,{deaths},{max(deaths - 1, 0)},{deaths + spread},C {n}")
        folder = Path(tempfile.mkdtemp())
        (folder / "g.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
        first, again, _ = round_trip(folder / "g.csv", "ucdp-ged", folder)
        assert_same(first, again)

    @given(rows=st.lists(st.tuples(
        st.sampled_from(sorted((t, s) for t, subs in acled.EVENT_TYPES.items() for s in subs)),
        st.sampled_from([1, 2, 3]), st.dates(dt.date(1997, 1, 1), dt.date(2024, 12, 31)),
        st.none() | st.integers(0, 50), st.sampled_from(["", "Xland Front", "Civilians (Xland)"]),
        st.sampled_from(["", "Hill Militia; Xland Front"])), min_size=1, max_size=6))
    def test_generated_acled_rows(self, rows: list[tuple[object, ...]]) -> None:
        """Generated ACLED rows, every category among them: read -> write -> read is the identity on the records."""
        import tempfile
        lines = ["event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,assoc_actor_1,"
                 "inter1,actor2,inter2,country,location,latitude,longitude,geo_precision,notes,fatalities"]
        for n, (pair, prec, day, deaths, actor2, assoc) in enumerate(rows):
            assert isinstance(pair, tuple)
            assert isinstance(day, dt.date)
            lines.append(f"XL{n % 5},{day},{day.year},{prec},{pair[0]},{pair[1]},Military Forces of Xland (2018-),"
                         f"{assoc},1,{actor2},{2 if actor2 else ''},Xland,Alpha,39.8,46.7,{prec},\"n, {n}\","
                         f"{'' if deaths is None else deaths}")
        folder = Path(tempfile.mkdtemp())
        (folder / "a.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
        first, again, _ = round_trip(folder / "a.csv", "acled", folder)
        assert_same(first, again)
        # The day written is given back too, where the precision makes it no real day (a month's).
        written = [(r.event_date, r.time_precision) for r in acled.ACLED.read(folder / "again.acled.csv").rows]
        assert written == [(r.event_date, r.time_precision) for r in acled.ACLED.read(folder / "a.csv").rows]


class TestWritersAreLoud:
    def test_acled_leaves_out_what_it_cannot_hold(self, tmp_path: Path) -> None:
        """A claim is no ACLED event, a year-dated event has no ACLED date: each is listed, with one warning."""
        with pytest.warns(cc.formats.DataWarning, match="could not be written as acled"):
            report = cc.write(cc.load(), tmp_path / "a.csv", "acled")
        messages = [str(p) for p in report.left_out]
        assert "claims[0]: azerbaijan-continue-until-surrender: a claim is no ACLED event" in messages
        assert "events[4]: azerbaijan-operation-2020 is dated 2020, and ACLED dates an event to a day, a week or " \
               "a month" in messages
        assert report.rows == 3

    def test_ged_writes_a_year_as_its_year_code(self, tmp_path: Path) -> None:
        """A year-precision event is written with GED's year code 5 (never as a day), and read back as the year."""
        notes = cc.Source(id=cc.SourceId("n"), title="N", publisher="P", url="https://example.org",
                          published=cc.TimeSpan.parse("2024"), credit="(c) P", blocks=2)
        cite = (cc.Citation(notes.id, (1,)),)
        actors = tuple(cc.Actor(id=cc.ActorId(i), name=i.title(), kind=cc.ActorKind.STATE, citations=cite)
                       for i in ("xland", "yland"))
        events = tuple(cc.Event(id=cc.EventId(i), kind=cc.EventKind.CLASHES, summary="s", span=cc.TimeSpan.parse(when),
                                participants=(cc.Participant(cc.ActorId("xland"), cc.Role.INITIATOR),
                                              cc.Participant(cc.ActorId("yland"), cc.Role.TARGET)),
                                citations=cite)
                       for i, when in (("one-year", "2020"), ("years", "2019/2021"), ("talk", "2020")))
        events = (*events[:2], cc.Event(id=cc.EventId("talk"), kind=cc.EventKind.NEGOTIATION, summary="s",
                                        span=cc.TimeSpan.parse("2020"), citations=cite))
        ds = cc.Dataset(sources=(notes,), actors=actors, events=events)
        with pytest.warns(cc.formats.DataWarning):
            report = cc.write(ds, tmp_path / "g.csv", "ucdp-ged")
        assert [str(p) for p in report.left_out] == [  # in the data set's order
            "events[1]: years is dated 2019/2021, which no GED date precision (1-5) expresses",
            "events[2]: talk is of kind negotiation, which is no organised violence GED records"]
        (row,) = ucdp.GED.read(tmp_path / "g.csv").rows
        assert (row.date_prec, row.date_start, row.date_end, row.side_a, row.side_b) == (
            5, dt.date(2020, 1, 1), dt.date(2020, 12, 31), "Xland", "Yland")
        assert row.span == cc.TimeSpan.parse("2020")
        with pytest.raises(cc.DataError):
            cc.write(ds, tmp_path / "strict.csv", "ucdp-ged", strict=True)
        assert not (tmp_path / "strict.csv").exists()

    def test_every_violent_kind_has_a_ged_type(self) -> None:
        """The kinds GED can hold are exactly those with a UCDP type of violence."""
        assert {k for k, c in EVENT_KIND_CROSSWALK.items() if c.ucdp_types_of_violence} == {
            cc.EventKind.WAR, cc.EventKind.OFFENSIVE, cc.EventKind.CLASHES, cc.EventKind.ONE_SIDED_VIOLENCE,
            cc.EventKind.REMOTE_VIOLENCE}


class TestMessyCells:
    def test_odd_ids_and_blank_names(self, tmp_path: Path) -> None:
        """An id with spaces names the event by its line; a blank name is no actor; both round trip."""
        path = tmp_path / "odd.csv"
        path.write_text('event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,assoc_actor_1,'
                        'actor2,country\n" XL 1",2020-10-15,1,Riots,Mob violence,"  ",,B,Xland\n'
                        'XL1,2020-10-16,1,Riots,Mob violence,A,"  ; C", ,Xland\n', encoding="utf-8")
        first, again, _ = round_trip(path, "acled", tmp_path)
        assert [e.id for e in first.events] == ["acled-line-2", "acled-XL1"]
        assert [a.name for a in first.actors] == ["B", "A"]
        assert "file:2:event_id_cnty: ' XL 1' is no id (it has surrounding spaces or unprintable characters); " \
               "the event is named by its line" not in [str(p) for p in first.problems]  # the path names the file
        assert any(str(p).endswith(":2:event_id_cnty: ' XL 1' is no id (it has surrounding spaces or unprintable "
                                   "characters); the event is named by its line") for p in first.problems)
        assert_same(first, again)

    @pytest.mark.parametrize("year", ["0", "-1"])
    def test_a_year_no_date_can_hold(self, tmp_path: Path, year: str) -> None:
        """GED's year 0 (or a negative typo) is reported, and dates neither coverage nor names used; it round trips."""
        path = tmp_path / "ged.csv"
        path.write_text("id,year,type_of_violence,side_a,side_a_new_id,side_b,side_b_new_id,date_prec,date_start,"
                        "date_end,best\n"
                        f"7,{year},1,Government of Azerbaijan,64,Republic of Artsakh,338,1,2020-09-27,2020-09-27,3\n",
                        encoding="utf-8")
        first, again, _ = round_trip(path, "ucdp-ged", tmp_path)
        assert [str(p) for p in first.problems if p.path.endswith(":year")] == [
            f"{path}:2:year: the year {year} is no calendar year (0001..9999); it dates neither the file's "
            "coverage nor its actors' names"]
        assert first.sources[0].coverage is None
        assert {u.span.format() for a in first.actors for u in a.names_used} == {"unknown"}
        assert_same(first, again)

    @pytest.mark.parametrize("name", ["acled.csv", "ged.csv"])
    @given(data=st.data())
    def test_mutated_cells(self, name: str, data: st.DataObject) -> None:
        """Any text in any cell gives a Dataset (and the round trip holds) or a DataError, nothing else."""
        import csv
        import io
        import tempfile
        table = list(csv.reader(io.StringIO(fixture(name).read_text(encoding="utf-8"))))
        for _ in range(data.draw(st.integers(1, 4))):
            r = data.draw(st.integers(1, len(table) - 1))
            c = data.draw(st.integers(0, len(table[0]) - 1))
            table[r][c] = data.draw(st.text(st.characters(codec="utf-8", exclude_characters="\r\n\x00"), max_size=8)
                                    | st.sampled_from(["", " ", "-1", "0", "99", "2020-02-30", "1.5", "x;;y"]))
        folder = Path(tempfile.mkdtemp())
        buffer = io.StringIO()
        csv.writer(buffer).writerows(table)
        (folder / name).write_text(buffer.getvalue(), encoding="utf-8")
        fmt = "acled" if name.startswith("acled") else "ucdp-ged"
        try:
            first, again, _ = round_trip(folder / name, fmt, folder)
        except cc.DataError:
            return
        assert_same(first, again)
