"""Tests for `Location`: an event's coordinates, their precision code and place names (#11)."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import caucasus_conflict as cc
from caucasus_conflict import strategies as ccst

CITE = (cc.Citation(cc.SourceId("notes"), (1,)),)


def event(location: cc.Location | None) -> cc.Event:
    return cc.Event(id=cc.EventId("e"), kind=cc.EventKind.CLASHES, summary="s", span=cc.TimeSpan.parse("2020"),
                    location=location, citations=CITE)


def one_event_at(location: cc.Location) -> cc.Dataset:
    """A data set of one event ``e`` at *location*, citing one source."""
    source = cc.Source(id=cc.SourceId("notes"), title="N", publisher="P", url="https://example.org",
                       published=cc.TimeSpan.parse("2024"), credit="(c) P", blocks=3)
    return cc.Dataset(sources=(source,), events=(event(location),))


class TestLocation:
    @pytest.mark.parametrize(("kwargs", "message"), [
        ({"latitude": 90.5, "longitude": 0.0}, "'latitude' must be between -90 and 90 degrees (got 90.5)"),
        ({"latitude": -90.5, "longitude": 0.0}, "'latitude' must be between -90 and 90 degrees (got -90.5)"),
        ({"latitude": 0.0, "longitude": 180.5}, "'longitude' must be between -180 and 180 degrees (got 180.5)"),
        ({"latitude": 0.0, "longitude": -181}, "'longitude' must be between -180 and 180 degrees (got -181)"),
        ({"latitude": 1.0}, "'longitude' must be given with 'latitude': a location has both coordinates or neither"),
        ({"longitude": 1.0}, "'latitude' must be given with 'longitude': a location has both coordinates or neither"),
        ({"name": "X", "precision": 1}, "'precision' and 'precision_scheme' go together: a precision code means "
                                        "something only in its scheme (such as 'ucdp-ged' or 'acled')"),
        ({"name": "X", "precision_scheme": "acled"}, "'precision' and 'precision_scheme' go together: a precision "
                                                     "code means something only in its scheme (such as 'ucdp-ged' or "
                                                     "'acled')"),
        ({"name": "X", "precision": 4, "precision_scheme": "acled"},
         "'precision' must be one of the acled codes 1-3 (got 4)"),
        ({"name": "X", "precision": 0, "precision_scheme": "ucdp-ged"},
         "'precision' must be one of the ucdp-ged codes 1-7 (got 0)"),
        ({}, "a location needs coordinates or a place name (name, admin1-3 or country)"),
        ({"name": " "}, "'name' must not be empty (got ' ')"),
    ])
    def test_refuses_impossible_values(self, kwargs: dict[str, Any], message: str) -> None:
        """Coordinates out of range, half a pair, a code without its scheme or outside it are refused by name."""
        with pytest.raises(cc.RecordError) as caught:
            cc.Location(**kwargs)
        assert str(caught.value) == message

    def test_bounds_are_inclusive(self) -> None:
        """The poles and the antimeridian are places."""
        assert cc.Location(latitude=-90.0, longitude=180.0).latitude == -90.0
        assert cc.Location(latitude=90, longitude=-180).longitude == -180

    def test_a_code_of_another_scheme_is_kept(self) -> None:
        """A scheme the library has no table for keeps its code, with no meaning given."""
        where = cc.Location(name="X", precision=12, precision_scheme="other-data")
        assert (where.precision, where.precision_meaning) == (12, None)

    def test_every_code_has_its_meaning(self) -> None:
        """Each code of each scheme reads back as the codebook's words."""
        for scheme, codes in cc.LOCATION_PRECISION.items():
            for code, meaning in codes.items():
                assert cc.Location(name="X", precision=code, precision_scheme=scheme).precision_meaning == meaning

    def test_frozen(self) -> None:
        """A location cannot be changed in place."""
        where = cc.Location(name="X")
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            where.name = "Y"  # type: ignore[misc]

    def test_wrong_type(self) -> None:
        """A text where a number belongs is a RecordTypeError naming the field."""
        with pytest.raises(cc.RecordTypeError) as caught:
            cc.Location(latitude="39.8", longitude=46.7)  # type: ignore[arg-type]
        assert caught.value.field == "latitude"


class TestLocationInJson:
    def test_json_shape(self) -> None:
        """A location is written as an object of the fields given."""
        where = cc.Location(latitude=39.82, longitude=46.75, precision=1, precision_scheme="ucdp-ged", name="S")
        assert cc.converter.unstructure(event(where))["location"] == {
            "latitude": 39.82, "longitude": 46.75, "precision": 1, "precision_scheme": "ucdp-ged", "name": "S"}
        assert "location" not in cc.converter.unstructure(event(None))

    def test_bad_location_in_a_file(self) -> None:
        """A location out of range in a file is a DataError at its JSON path."""
        text = ('{"format": "caucasus_conflict/1", "events": [{"id": "e", "kind": "clashes", "summary": "s", '
                '"span": "2020", "location": {"latitude": 95, "longitude": 1}, '
                '"citations": [{"source_id": "n", "blocks": [1]}]}]}')
        with pytest.raises(cc.DataError) as caught:
            cc.loads(text, file="x.json")
        assert [str(p) for p in caught.value.problems] == [
            "$.events[0].location.latitude: 'latitude' must be between -90 and 90 degrees (got 95.0)"]

    @given(ccst.locations())
    def test_round_trip(self, where: cc.Location) -> None:
        """structure(unstructure(x)) == x for every location."""
        assert cc.converter.structure(cc.converter.unstructure(where), cc.Location) == where

    @given(ccst.datasets())
    def test_dataset_round_trip(self, ds: cc.Dataset) -> None:
        """Data sets with located events survive a JSON round trip."""
        assert cc.loads(cc.dumps(ds)) == ds


class TestLocationOut:
    def test_frame_column(self) -> None:
        """The events table has a location column holding the location's fields."""
        from caucasus_conflict import frames
        ds = one_event_at(cc.Location(latitude=1.5, longitude=2.5, name="X"))
        assert "location" in frames.columns("events")
        assert frames.rows(ds, "events")[0]["location"] == {
            "latitude": 1.5, "longitude": 2.5, "precision": None, "precision_scheme": None, "name": "X",
            "admin1": None, "admin2": None, "admin3": None, "country": None}

    def test_cli_show(self, tmp_path: Any, capsys: pytest.CaptureFixture[str]) -> None:
        """`show` prints the location's fields."""
        from caucasus_conflict.cli import main
        source = cc.Source(id=cc.SourceId("notes"), title="N", publisher="P", url="https://example.org",
                           published=cc.TimeSpan.parse("2024"), credit="(c) P", blocks=3)
        ds = cc.Dataset(sources=(source,), events=(event(cc.Location(latitude=1.5, longitude=2.5, name="Xtown",
                                                                     precision=3, precision_scheme="acled")),))
        path = tmp_path / "d.json"
        cc.dump(ds, path)
        assert main(["--data", str(path), "show", "e"]) == 0
        out = capsys.readouterr().out
        for line in ("latitude: 1.5", "name: Xtown", "precision_scheme: acled"):
            assert line in out


class TestSourceCodesOfRow:
    """The readers' path for source codes checks a shared columns tuple once; it must agree with the constructor."""

    @given(st.lists(st.sampled_from(["a", "b", "", " c", "d\ud800"]), max_size=4),
           st.lists(st.sampled_from(["1", "", "x\ud800", "-1"]), max_size=4),
           st.sampled_from(["acled", "ucdp-ged", "Bad"]))
    def test_same_as_the_constructor(self, columns: list[str], values: list[str], scheme: str) -> None:
        """Called twice with one columns tuple, it builds what the constructor builds, or raises what it raises."""
        shared = tuple(columns)
        for _ in range(2):
            try:
                expected: cc.SourceCodes | Exception = cc.SourceCodes(scheme, shared, tuple(values))
            except (cc.RecordError, cc.RecordTypeError) as exc:
                expected = exc
            try:
                got: cc.SourceCodes | Exception = cc.SourceCodes._of_row(scheme, shared, tuple(values))
            except (cc.RecordError, cc.RecordTypeError) as exc:
                got = exc
            if isinstance(expected, Exception):
                assert type(got) is type(expected)
                assert str(got) == str(expected)
            else:
                assert got == expected
                assert hash(got) == hash(expected)


def _oracle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle distance by another formula: the angle between the two unit vectors."""
    import math
    def unit(lat: float, lon: float) -> tuple[float, float, float]:
        a, b = math.radians(lat), math.radians(lon)
        return (math.cos(a) * math.cos(b), math.cos(a) * math.sin(b), math.sin(a))
    u, v = unit(lat1, lon1), unit(lat2, lon2)
    cross = (u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0])
    dot = sum(x * y for x, y in zip(u, v, strict=True))
    return 6371.0088 * math.atan2(math.sqrt(sum(c * c for c in cross)), dot)


class TestEventsNear:
    @given(ccst.datasets(), st.floats(-90, 90), st.floats(-180, 180), st.floats(0, 25000), st.data())
    def test_matches_brute_force(self, ds: cc.Dataset, lat: float, lon: float, km: float, data: st.DataObject) -> None:
        """events_near holds every located event within km, none beyond, in chronological order."""
        located = [(e.location.latitude, e.location.longitude) for e in ds.events
                   if e.location is not None and e.location.latitude is not None and e.location.longitude is not None]
        around_an_event: bool = data.draw(st.booleans())
        if located and around_an_event:
            # A radius around one event's distance, so that events lie on both sides of it.
            target_lat, target_lon = data.draw(st.sampled_from(located))
            km = _oracle_km(lat, lon, target_lat, target_lon) * data.draw(st.floats(0.5, 2))
        found = ds.events_near(lat, lon, km)
        assert list(found) == [e for e in ds.chronology() if e in found]
        for e in ds.events:
            where = e.location
            if where is None or where.latitude is None or where.longitude is None:
                assert e not in found
                continue
            distance = _oracle_km(lat, lon, where.latitude, where.longitude)
            if distance < km - 1e-6:
                assert e in found
            elif distance > km + 1e-6:
                assert e not in found

    def test_a_known_distance(self) -> None:
        """Two points 0.055 degrees of latitude apart are about 6.1 km apart: inside 6.5 km, outside 5.8 km."""
        ds = one_event_at(cc.Location(latitude=39.7603, longitude=46.7527))
        assert [e.id for e in ds.events_near(39.8153, 46.7519, 6.5)] == ["e"]
        assert ds.events_near(39.8153, 46.7519, 5.8) == ()

    def test_a_known_east_west_distance(self) -> None:
        """Two points 0.1 degrees of longitude apart at 39.8153 N are about 8.54 km apart: inside 8.6, outside 8.5."""
        ds = one_event_at(cc.Location(latitude=39.8153, longitude=46.8519))
        assert [e.id for e in ds.events_near(39.8153, 46.7519, 8.6)] == ["e"]
        assert ds.events_near(39.8153, 46.7519, 8.5) == ()

    @pytest.mark.parametrize(("args", "message"), [
        ((91, 0, 1), "'latitude' must be between -90 and 90 (got 91)"),
        ((0, -180.5, 1), "'longitude' must be between -180 and 180 (got -180.5)"),
        ((0, 0, -1), "'km' must be a finite number >= 0 (got -1)"),
        ((0, 0, float("nan")), "'km' must be a finite number >= 0 (got nan)"),
    ])
    def test_bad_arguments(self, args: tuple[float, float, float], message: str) -> None:
        """Out-of-range arguments are the library's QueryError naming the argument."""
        with pytest.raises(cc.QueryError) as caught:
            cc.load().events_near(*args)
        assert str(caught.value) == message

    @pytest.mark.parametrize(("args", "field", "value"), [
        (("39.8", 46.7, 10), "latitude", "39.8"),
        ((True, 46.7, 10), "latitude", True),
        ((39.8, None, 10), "longitude", None),
        ((39.8, 46.7, False), "km", False),
    ])
    def test_not_a_number(self, args: tuple[Any, Any, Any], field: str, value: object) -> None:
        """A text, None or a bool for an argument is the library's ArgumentTypeError naming the argument."""
        with pytest.raises(cc.ArgumentTypeError) as caught:
            cc.load().events_near(*args)
        assert (caught.value.field, caught.value.expected, caught.value.value) == (field, "be a number", value)
        assert str(caught.value) == f"{field!r} must be a number (got {value!r})"

    @pytest.mark.parametrize(("lat", "lon"), [(90, 180), (-90, -180), (39.8153, 46.7519)])
    @pytest.mark.parametrize("km", [0, 0.5])
    def test_an_event_at_the_point_is_near_it(self, lat: float, lon: float, km: float) -> None:
        """An event at the point itself is near it at any radius, 0 km included, up to the poles and the antimeridian."""
        ds = one_event_at(cc.Location(latitude=lat, longitude=lon))
        assert [e.id for e in ds.events_near(lat, lon, km)] == ["e"]
