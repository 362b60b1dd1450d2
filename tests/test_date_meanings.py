"""Dates as the source gives them (#11): not given (None), unknown and open, each kept apart.

For every date field the three meanings survive a round trip through the JSON file, show
apart in the table columns, and the queries answer each as documented in
docs/dates-and-queries.md ("Not given, unknown or open"): an unknown end is not "still in
force", an open end is (last known past its sources' horizon).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import caucasus_conflict as cc
from caucasus_conflict import frames
from caucasus_conflict import strategies as ccst
from caucasus_conflict.formats import Missing
from caucasus_conflict.formats.ethprio import CeasefireRow

from .test_horizon import query_dates

UNKNOWN = cc.TimeSpan.unknown()
OPEN = cc.TimeSpan.parse("2021-03/..")
OPEN_START = cc.TimeSpan.parse("../2021-03")
#: The horizon of the bundled article: it knows nothing after September 2023.
PAST_HORIZON = "2024-06"
BEFORE_HORIZON = "2022"


def bundled_with(change: Callable[[cc.Dataset], dict[str, Any]]) -> cc.Dataset:
    """The bundled data set with some collections replaced."""
    ds = cc.load()
    parts = {t.collection: getattr(ds, t.collection) for t in cc.RECORD_TYPES}
    return cc.Dataset(**{**parts, **change(ds)})


def with_ceasefire(**fields: Any) -> cc.Dataset:
    """The bundled data set with its armistice's fields changed."""
    return bundled_with(lambda ds: {"ceasefires": tuple(attrs.evolve(c, **fields) for c in ds.ceasefires)})


def armistice(ds: cc.Dataset) -> cc.Ceasefire:
    return ds.ceasefire("armistice-2020-11")


# Every date field, with the meanings it can hold; None only where the field is optional.
FIELDS: list[tuple[str, Callable[[Any], cc.Dataset], Callable[[cc.Dataset], Any], list[Any]]] = [
    ("ceasefire.effective", lambda s: with_ceasefire(effective=s), lambda ds: armistice(ds).effective,
     [None, UNKNOWN, OPEN]),
    ("ceasefire.ended", lambda s: with_ceasefire(ended=s), lambda ds: armistice(ds).ended, [None, UNKNOWN, OPEN]),
    ("event.span", lambda s: bundled_with(lambda ds: {"events": (attrs.evolve(ds.events[0], span=s),
                                                                 *ds.events[1:])}),
     lambda ds: ds.events[0].span, [UNKNOWN, OPEN, OPEN_START]),
    ("membership.span", lambda s: bundled_with(lambda ds: {"actors": tuple(
        attrs.evolve(a, memberships=tuple(attrs.evolve(m, span=s) for m in a.memberships)) for a in ds.actors)}),
     lambda ds: ds.actor("Armenia").memberships[0].span, [UNKNOWN, OPEN, OPEN_START]),
    ("control.span", lambda s: bundled_with(lambda ds: {"territories": tuple(
        attrs.evolve(t, control=tuple(attrs.evolve(p, span=s) for p in t.control)) for t in ds.territories)}),
     lambda ds: ds.territory("Lachin corridor").control[0].span, [UNKNOWN, OPEN, OPEN_START]),
    ("stance.span", lambda s: bundled_with(lambda ds: {"stances": tuple(attrs.evolve(x, span=s)
                                                                        for x in ds.stances)}),
     lambda ds: ds.stances[0].span, [UNKNOWN, OPEN, OPEN_START]),
]


class TestRoundTrip:
    @pytest.mark.parametrize(("name", "build", "read", "values"), FIELDS, ids=[f[0] for f in FIELDS])
    def test_each_meaning_survives(self, name: str, build: Callable[[Any], cc.Dataset],
                                   read: Callable[[cc.Dataset], Any], values: list[Any]) -> None:
        """None, unknown and open each come back from dumps/loads as they went in, and stay apart."""
        back = [read(cc.loads(cc.dumps(build(value)))) for value in values]
        assert back == values
        assert len({repr(v) for v in back}) == len(values)

    def test_json_keeps_them_apart(self) -> None:
        """In the file, None is no key at all, unknown says so, and an open end has a null last day."""
        def written(ended: cc.TimeSpan | None) -> Any:
            return json.loads(cc.dumps(with_ceasefire(ended=ended)))["ceasefires"][0].get("ended")
        assert written(None) is None
        assert written(UNKNOWN) == {"when": "unknown", "first": None, "last": None, "precision": "unknown",
                                    "basis": "stated"}
        assert written(OPEN) == {"when": "2021-03/..", "first": "2021-03-01", "last": None, "precision": "range",
                                 "basis": "stated"}


class TestColumns:
    def test_table_columns_tell_them_apart(self) -> None:
        """A table's columns keep None (all empty), unknown (precision 'unknown') and open (no last day) apart."""
        def columns(ended: cc.TimeSpan | None) -> tuple[Any, ...]:
            (row,) = frames.rows(with_ceasefire(ended=ended), "ceasefires")
            return tuple(row[f"ended_{part}"] for part in ("first", "last", "precision", "basis"))
        assert columns(None) == (None, None, None, None)
        assert columns(UNKNOWN) == (None, None, "unknown", "stated")
        assert columns(OPEN)[1:] == (None, "range", "stated")
        assert columns(OPEN)[0] == OPEN.first_day


class TestQueries:
    def test_ceasefire_with_no_end_is_still_in_force(self) -> None:
        """ended=None is open: in force after the horizon too, but only last known there."""
        ds = with_ceasefire(ended=None)
        assert ds.ceasefires_in_force(PAST_HORIZON) == (armistice(ds),)
        assert ds.ceasefires_in_force(PAST_HORIZON, known_only=True) == ()
        assert ds.ceasefires_in_force(BEFORE_HORIZON, known_only=True) == (armistice(ds),)

    @pytest.mark.parametrize("ended", [UNKNOWN, cc.TimeSpan.parse("2022/..")], ids=["unknown", "open-ended"])
    def test_ceasefire_that_ended_on_an_unknown_day_is_not(self, ended: cc.TimeSpan) -> None:
        """An unknown end (or one with no last day) is over by the horizon: not in force past it."""
        ds = with_ceasefire(ended=ended)
        assert ds.ceasefires_in_force(PAST_HORIZON) == ()
        assert ds.ceasefires_in_force("2023-09") == (armistice(ds),)

    def test_dated_end_bounds_it(self) -> None:
        """A dated end: in force up to its last day, not after; nor before the ceasefire took effect."""
        ds = with_ceasefire(effective=cc.TimeSpan.parse("2020-11-10"), ended=cc.TimeSpan.parse("2022-05"))
        assert ds.ceasefires_in_force("2022-05-31") == (armistice(ds),)
        assert ds.ceasefires_in_force("2022-06") == ()
        assert ds.ceasefires_in_force("2020-11-09") == ()

    def test_unknown_effective_date_starts_at_the_declaration(self) -> None:
        """An unknown effective date cannot precede the declaration, so the ceasefire can be in force from it."""
        ds = with_ceasefire(effective=UNKNOWN)
        assert ds.ceasefires_in_force("2020-11") == (armistice(ds),)
        assert ds.ceasefires_in_force("2020-10") == ()

    @pytest.mark.parametrize(("span", "ended", "in_force"), [
        (OPEN, False, True), (OPEN, True, False), (UNKNOWN, False, False), (UNKNOWN, True, False)],
        ids=["open", "open-ended", "unknown", "unknown-ended"])
    def test_membership(self, span: cc.TimeSpan, ended: bool, in_force: bool) -> None:
        """An open membership is in force (last known) past the horizon; ended or undated ones are not."""
        ds = bundled_with(lambda ds: {"actors": tuple(
            attrs.evolve(a, memberships=tuple(attrs.evolve(m, span=span, ended=ended) for m in a.memberships))
            for a in ds.actors)})
        assert bool(ds.memberships_of("Armenia", at=PAST_HORIZON)) is in_force
        assert ds.memberships_of("Armenia", at=PAST_HORIZON, known_only=True) == ()

    @pytest.mark.parametrize(("span", "found"), [(OPEN, True), (UNKNOWN, False), (OPEN_START, False)],
                             ids=["open", "unknown", "open-start"])
    def test_control(self, span: cc.TimeSpan, found: bool) -> None:
        """An open control period reaches past the horizon; an unknown one is in force at no date."""
        ds = bundled_with(lambda ds: {"territories": tuple(
            attrs.evolve(t, control=tuple(attrs.evolve(p, span=span) for p in t.control)) for t in ds.territories)})
        assert bool(ds.controller_of("Lachin corridor", at=PAST_HORIZON)) is found


def in_force_oracle(ds: cc.Dataset, at: cc.TimeSpan, known_only: bool) -> tuple[cc.Ceasefire, ...]:
    """Brute force over the documented rule of `Dataset.ceasefires_in_force`."""
    low, high = at.first_day, at.last_day

    def past_horizon(c: cc.Ceasefire) -> bool:
        days = []
        for citation in c.citations:
            (source,) = [s for s in ds.sources if s.id == citation.source_id]
            horizon = source.horizon
            if horizon is None:
                return False
            days.append(horizon.last_day)
        return low is not None and max(d for d in days if d is not None) < low

    kept = []
    for c in ds.ceasefires_in_order():
        start = c.effective if c.effective is not None and c.effective.is_known else c.declared
        if not start.is_known or (high is not None and start.first_day is not None and start.first_day > high):
            continue
        if c.ended is None:
            if known_only and past_horizon(c):
                continue
        elif c.ended.last_day is None:
            if past_horizon(c):
                continue
        elif low is not None and c.ended.last_day < low:
            continue
        kept.append(c)
    return tuple(kept)


class TestInForceOracle:
    def test_an_ended_ceasefire_before_one_in_force(self) -> None:
        """A ceasefire over before *at* is skipped, and the later ones are still looked at."""
        ds = cc.load()
        model = ds.ceasefires[0]
        over = attrs.evolve(model, id=cc.CeasefireId("over"), declared=cc.TimeSpan.parse("2000-01"), effective=None,
                            ended=cc.TimeSpan.parse("2001-01"), external_ids=())
        holding = attrs.evolve(model, id=cc.CeasefireId("holding"), declared=cc.TimeSpan.parse("2002-01"),
                               effective=None, ended=None, external_ids=())
        ds = cc.Dataset(**{**{t.collection: getattr(ds, t.collection) for t in cc.RECORD_TYPES},
                           "ceasefires": (*ds.ceasefires, over, holding)})
        found = ds.ceasefires_in_force("2003")
        assert holding in found
        assert over not in found
        assert found == in_force_oracle(ds, cc.TimeSpan.parse("2003"), False)

    @pytest.mark.parametrize("known_only", [False, True])
    def test_bundled_year_by_year(self, known_only: bool) -> None:
        """Over the bundled data set, every year and month from 1990 to 2025 gives what the documented rule gives."""
        ds = cc.load()
        for year in range(1990, 2026):
            for text in (str(year), *(f"{year}-{month:02}" for month in range(1, 13))):
                at = cc.TimeSpan.parse(text)
                assert ds.ceasefires_in_force(text, known_only=known_only) == in_force_oracle(ds, at, known_only)

    @settings(deadline=None, suppress_health_check=[*settings().suppress_health_check, HealthCheck.too_slow])
    @given(ccst.datasets(max_events=3, max_claims=0, max_stances=0, max_ceasefires=4), st.data(), st.booleans())
    def test_matches_oracle(self, ds: cc.Dataset, data: st.DataObject, known_only: bool) -> None:
        """ceasefires_in_force keeps exactly the ceasefires the documented rule keeps, in declared order."""
        # Make the three meanings common: each end None, unknown or as drawn (the records stay valid).
        ceasefires = tuple(attrs.evolve(c, effective=data.draw(st.sampled_from([None, UNKNOWN, c.effective])),
                                        ended=data.draw(st.sampled_from([None, UNKNOWN, c.ended])))
                           for c in ds.ceasefires)
        ds = cc.Dataset(**{**{t.collection: getattr(ds, t.collection) for t in cc.RECORD_TYPES},
                           "ceasefires": ceasefires})
        at = data.draw(query_dates(ds))  # often on or just past a horizon, where the rule turns
        assert ds.ceasefires_in_force(at, known_only=known_only) == in_force_oracle(ds, at, known_only)


class TestSourceCodes:
    """The readers hand the model the three meanings, not one collapsed value."""

    @pytest.mark.parametrize(("code", "in_force"), [(Missing.NOT_APPLICABLE, True), (Missing.UNKNOWN, False)],
                             ids=["0-open", "-1-unknown"])
    def test_ethprio_end_codes(self, code: Missing, in_force: bool) -> None:
        """ETH/PRIO's end 0 (not ended) is still in force past the horizon; -1 (ended, day unknown) is not."""
        row = CeasefireRow(cf_dec_yr=1994, cf_dec_month=5, cf_dec_day=12, end_yr=code, end_month=code, end_day=code)
        assert row.declared is not None
        source = cc.Source(id=cc.SourceId("cf"), title="Ceasefires", publisher="P", url="https://example.org",
                           published=cc.TimeSpan.year(2000), credit="P", blocks=1)
        ceasefire = cc.Ceasefire(id=cc.CeasefireId("cf-1"), name="Truce", party_ids=(cc.ActorId("a"),),
                                 declared=row.declared, ended=row.end,
                                 citations=(cc.Citation(cc.SourceId("cf"), (1,)),))
        actor = cc.Actor(id=cc.ActorId("a"), name="A", kind=cc.ActorKind.STATE,
                         citations=(cc.Citation(cc.SourceId("cf"), (1,)),))
        ds = cc.Dataset(sources=(source,), actors=(actor,), ceasefires=(ceasefire,))
        assert ds.ceasefire("cf-1").ended == (None if code is Missing.NOT_APPLICABLE else UNKNOWN)
        assert bool(ds.ceasefires_in_force("2005")) is in_force
        assert ds.ceasefires_in_force("1999") == (ceasefire,)

    def test_ged_blank_dates_are_unknown(self, tmp_path: Path) -> None:
        """A GED row with no dates is an undated event (unknown), never a missing or open one."""
        path = tmp_path / "ged.csv"
        path.write_text("id,year,type_of_violence,side_a,side_a_new_id,side_b,side_b_new_id,date_prec,date_start,"
                        "date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,low,high\n"
                        "7,2020,1,Government of Azerbaijan,64,Republic of Artsakh,338,,,,1,2,0,0,3,3,4\n",
                        encoding="utf-8")
        ged = cc.read(path)  # no dates at all is no problem: the event is undated
        assert ged.event("ged-7").span == UNKNOWN
        assert ged.undated_events() == (ged.event("ged-7"),)
