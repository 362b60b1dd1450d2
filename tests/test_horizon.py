"""Tests for the knowledge horizon (#14): a source knows nothing after its date.

The rule, checked here against a brute-force oracle on generated data sets: a record or
value whose span has an open end is "last known as of" its horizon (the latest horizon of
the sources it cites) for any date or window that begins after that horizon;
``known_only=True`` leaves it out of every ``at=`` and window query.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import caucasus_conflict as cc
from caucasus_conflict import strategies as ccst

# Small data sets (the rule is per record, so many records add time, not cases), with open
# ends made common: one span in three runs on from some day, the case the rule is about.
OPEN_ENDED = ccst.dates().map(lambda d: cc.TimeSpan.between(d, None))
SPANS = ccst.timespans() | OPEN_ENDED
DATASETS = ccst.datasets(max_events=8, max_claims=3, max_stances=6, spans=SPANS, record_spans=SPANS)
# Whole data sets are slow to draw on a shared machine; the example count still follows the profile.
patient = settings(deadline=None, suppress_health_check=[*settings().suppress_health_check, HealthCheck.too_slow])


# -- the oracle ----------------------------------------------------------------------------------


def horizon_day(ds: cc.Dataset, value: Any) -> dt.date | None:
    """Brute force: the latest last day of the cited sources' coverage end or publication date."""
    days = []
    for citation in value.citations:
        (source,) = [s for s in ds.sources if s.id == citation.source_id]
        span = source.coverage if source.coverage is not None else source.published
        if span.last_day is None:
            return None
        days.append(span.last_day)
    return max(days)


def last_known(ds: cc.Dataset, value: Any, span: cc.TimeSpan, start: dt.date | None) -> bool:
    """Brute force: an open-ended span reached only after its horizon, from a window starting on *start*."""
    if not span.is_known or span.end is not None or start is None:
        return False
    day = horizon_day(ds, value)
    return day is not None and start > day


def cited_values(value: Any) -> Iterator[Any]:
    """*value* and every attrs value nested in it that has citations."""
    if isinstance(value, cc.TimeSpan) or not attrs.has(type(value)):
        return
    if hasattr(value, "citations"):
        yield value
    for field in attrs.fields(type(value)):
        item = getattr(value, field.name)
        for element in item if isinstance(item, tuple) else (item,):
            yield from cited_values(element)


def everything(ds: cc.Dataset) -> Iterator[Any]:
    for rtype in cc.RECORD_TYPES:
        for record in getattr(ds, rtype.collection):
            yield from cited_values(record)


@st.composite
def query_dates(draw: st.DrawFn, ds: cc.Dataset) -> cc.TimeSpan:
    """A known query date: any span, or one starting on, or just after, a source's horizon."""
    edges = [s.horizon.last_day for s in ds.sources if s.horizon is not None and s.horizon.last_day is not None]
    spans = ccst.timespans(allow_unknown=False)
    if not edges:
        return draw(spans)
    day = draw(st.sampled_from(edges)).add(days=draw(st.integers(0, 2)))
    near = cc.TimeSpan.day(day.year, day.month, day.day)
    return draw(st.sampled_from([near, cc.TimeSpan.between(day, None)]) | spans)


def first(span: cc.TimeSpan | None) -> dt.date | None:
    return None if span is None else span.first_day


# -- Source.horizon and horizon_of -------------------------------------------------------------


def source(published: str, *, coverage: str | None = None, id: str = "s") -> cc.Source:
    return cc.Source(id=cc.SourceId(id), title="T", publisher="P", url="https://example.org", credit="P",
                     published=cc.TimeSpan.parse(published), blocks=3,
                     coverage=None if coverage is None else cc.TimeSpan.parse(coverage))


class TestSourceHorizon:
    @pytest.mark.parametrize(("published", "coverage", "horizon"), [
        ("2023-09", None, "2023-09"),
        ("2023-09-19", None, "2023-09-19"),
        ("2023", None, "2023"),
        ("../2023-09", None, "2023-09"),
        ("2023-09-19/2023-10-05", None, "2023-10-05"),
        ("2024-06", "2023", "2023"),
        ("unknown", "2022-12", "2022-12"),
    ])
    def test_horizon(self, published: str, coverage: str | None, horizon: str) -> None:
        """The horizon is the coverage end if given, else the publication date, a range cut to its end."""
        found = source(published, coverage=coverage).horizon
        assert found is not None
        assert found.format() == horizon
        assert found.precision is not cc.Precision.RANGE

    @pytest.mark.parametrize("published", ["unknown", "2023/.."])
    def test_no_horizon(self, published: str) -> None:
        """A publication date with no last day gives no horizon."""
        assert source(published).horizon is None

    @given(ccst.sources())
    def test_horizon_is_the_last_day(self, src: cc.Source) -> None:
        """The horizon's last day is the last day of the coverage end or, without one, of the publication date."""
        span = src.coverage if src.coverage is not None else src.published
        if src.horizon is None:
            assert span.last_day is None
        else:
            assert src.horizon.last_day == span.last_day
            assert cc.TimeSpan.parse(src.horizon.format()).last_day == span.last_day

    @pytest.mark.parametrize("coverage", ["unknown", "2022/.."])
    def test_coverage_needs_a_last_day(self, coverage: str) -> None:
        """A coverage end without a last day is refused, saying what to give."""
        with pytest.raises(cc.RecordError) as caught:
            source("2024", coverage=coverage)
        assert str(caught.value) == (f"'coverage' must have a last day (got {coverage!r}); "
                                     "give the last period the source covers, or leave it out")
        assert caught.value.field == "coverage"

    def test_coverage_round_trips_and_is_omitted_when_absent(self) -> None:
        """coverage is written only when given, and reads back."""
        ds = cc.Dataset(sources=(source("2024", coverage="2023-06"),))
        assert json.loads(cc.dumps(ds))["sources"][0]["coverage"]["when"] == "2023-06"
        assert cc.loads(cc.dumps(ds)) == ds
        assert "coverage" not in cc.dumps(cc.Dataset(sources=(source("2024"),)))


class TestHorizonOf:
    @patient
    @given(DATASETS)
    def test_matches_oracle(self, ds: cc.Dataset) -> None:
        """horizon_of every cited value is the latest horizon of its sources, None if one is unknown."""
        for value in everything(ds):
            found = ds.horizon_of(value)
            assert (None if found is None else found.last_day) == horizon_day(ds, value)

    def test_latest_source_wins(self) -> None:
        """A record citing an old and a new source is known up to the newer one's date."""
        old, new = source("2020", id="old"), source("2023-09", id="new")
        period = cc.ControlPeriod(controller_ids=(cc.ActorId("a"),), span=cc.TimeSpan.parse("2019/.."),
                                  citations=(cc.Citation(old.id, (1,)), cc.Citation(new.id, (2,))))
        ds = cc.Dataset(sources=(old, new))
        assert ds.horizon_of(period) == cc.TimeSpan.parse("2023-09")
        assert ds.last_known_as_of(period, at="2023-10") == cc.TimeSpan.parse("2023-09")
        assert ds.last_known_as_of(period, at="2023-09") is None

    def test_a_tie_keeps_the_first_source_cited(self) -> None:
        """Two sources known up to the same last day: the horizon is the one cited first, as written there."""
        month, day = source("2023-09", id="month"), source("2023-09-30", id="day")
        ds = cc.Dataset(sources=(month, day))
        for first, then in ((month, day), (day, month)):
            period = cc.ControlPeriod(controller_ids=(cc.ActorId("a"),), span=cc.TimeSpan.parse("2019/.."),
                                      citations=(cc.Citation(first.id, (1,)), cc.Citation(then.id, (2,))))
            assert ds.horizon_of(period) == first.horizon

    def test_unknown_source_date_sets_no_horizon(self) -> None:
        """A source of unknown date bounds nothing, so a record citing it is never only last known."""
        undated, dated = source("unknown", id="undated"), source("2020", id="dated")
        period = cc.ControlPeriod(controller_ids=(cc.ActorId("a"),), span=cc.TimeSpan.parse("2019/.."),
                                  citations=(cc.Citation(dated.id, (1,)), cc.Citation(undated.id, (1,))))
        ds = cc.Dataset(sources=(undated, dated))
        assert ds.horizon_of(period) is None
        assert ds.last_known_as_of(period, at="2099") is None

    def test_foreign_source(self) -> None:
        """A value citing a source the data set does not hold is a QueryError saying what to pass."""
        period = cc.ControlPeriod(controller_ids=(cc.ActorId("a"),), span=cc.TimeSpan.parse("2019/.."),
                                  citations=(cc.Citation(cc.SourceId("elsewhere"), (1,)),))
        with pytest.raises(cc.QueryError) as caught:
            cc.Dataset(sources=(source("2020"),)).horizon_of(period)
        assert str(caught.value) == ("the value cites source 'elsewhere', which this data set does not hold; "
                                     "pass a record or value of this data set")

    def test_source_gives_its_own(self) -> None:
        """horizon_of a source is its horizon."""
        src = source("2023-09")
        assert cc.Dataset(sources=(src,)).horizon_of(src) == src.horizon


# -- last_known_as_of and known_only, query by query ------------------------------------------------


class TestLastKnownAsOf:
    @patient
    @given(DATASETS, st.data())
    def test_matches_oracle(self, ds: cc.Dataset, data: st.DataObject) -> None:
        """last_known_as_of gives the horizon exactly when the oracle says the value is only last known."""
        at = data.draw(query_dates(ds))
        for value in everything(ds):
            span = value.declared if isinstance(value, cc.Ceasefire) else getattr(value, "span", None)
            span = getattr(value, "as_of", span)
            found = ds.last_known_as_of(value, at=at)
            ended = getattr(value, "ended", None) is True
            expected = span is not None and not ended and last_known(ds, value, span, at.first_day)
            assert (found is not None) == expected, value
            if found is not None:
                assert found == ds.horizon_of(value)

    @patient
    @given(DATASETS)
    def test_no_date_marks_nothing(self, ds: cc.Dataset) -> None:
        """With at=None nothing is past a horizon."""
        assert all(ds.last_known_as_of(v, at=None) is None for v in everything(ds))

    def test_unknown_date(self) -> None:
        """An unknown query date is refused, as by every query."""
        ds = cc.load()
        with pytest.raises(cc.TimeSpanError):
            ds.last_known_as_of(ds.territory("Lachin corridor").control[0], at="unknown")


class TestControllerOf:
    @patient
    @given(DATASETS, st.data())
    def test_matches_oracle(self, ds: cc.Dataset, data: st.DataObject) -> None:
        """known_only drops exactly the periods the oracle calls last known; the rest are unchanged."""
        at = data.draw(query_dates(ds))
        for territory in ds.territories:
            every = ds.controller_of(territory, at=at)
            known = ds.controller_of(territory, at=at, known_only=True)
            assert known == tuple(p for p in every if not last_known(ds, p, p.span, at.first_day))
            assert all(p.span.overlaps(at) for p in every)


class TestStances:
    @patient
    @given(DATASETS, st.data())
    def test_matches_oracle(self, ds: cc.Dataset, data: st.DataObject) -> None:
        """stances_toward and actors_by_stance with known_only keep only the stances known at the date."""
        at = data.draw(query_dates(ds))
        for stance in ds.stances:
            every = ds.stances_toward(stance.kind, toward=stance.toward_id, at=at)
            known = ds.stances_toward(stance.kind, toward=stance.toward_id, at=at, known_only=True)
            assert known == tuple(s for s in every if not last_known(ds, s, s.span, at.first_day))
            holders = sorted({s.holder_id for s in known})
            assert [a.id for a in ds.actors_by_stance(stance.kind, toward=stance.toward_id, at=at,
                                                      known_only=True)] == holders
            # Without a date, known_only changes nothing.
            assert ds.stances_toward(stance.kind, toward=stance.toward_id, known_only=True) == \
                ds.stances_toward(stance.kind, toward=stance.toward_id)


class TestMemberships:
    @patient
    @given(DATASETS, st.data(), st.booleans())
    def test_matches_oracle(self, ds: cc.Dataset, data: st.DataObject, known_only: bool) -> None:
        """memberships_of and members_of equal a scan: overlapping, ended ones dropped past the horizon."""
        at = data.draw(query_dates(ds) | st.none())

        def expected(actor: cc.Actor, organisation: str) -> list[cc.Membership]:
            return [m for m in actor.memberships if m.organisation_id == organisation and (
                at is None or (m.span.overlaps(at) and not ((m.ended or known_only)
                                                            and last_known(ds, m, m.span, first(at)))))]

        for organisation in ds.actors:
            for actor in ds.actors:
                found = ds.memberships_of(actor, organisation=organisation, at=at, known_only=known_only)
                assert sorted(found, key=id) == sorted(expected(actor, organisation.id), key=id)
            members = [a.id for a in ds.actors if expected(a, organisation.id)]
            assert [a.id for a in ds.members_of(organisation, at=at, known_only=known_only)] == sorted(members)

    def test_ended_open_membership_stops_at_the_horizon(self) -> None:
        """A former membership dated only by its start is in force at no date past the source's horizon."""
        cite = (cc.Citation(cc.SourceId("s"), (1,)),)
        org = cc.Actor(id=cc.ActorId("org"), name="Org", kind=cc.ActorKind.ORGANISATION, citations=cite)
        former = cc.Membership(organisation_id=org.id, span=cc.TimeSpan.parse("1995/.."), ended=True, citations=cite)
        current = cc.Membership(organisation_id=org.id, span=cc.TimeSpan.parse("1995/.."), citations=cite)
        ds = cc.Dataset(sources=(source("2023-09"),), actors=(
            org, cc.Actor(id=cc.ActorId("a"), name="A", kind=cc.ActorKind.STATE, memberships=(former,),
                          citations=cite),
            cc.Actor(id=cc.ActorId("b"), name="B", kind=cc.ActorKind.STATE, memberships=(current,),
                     citations=cite)))
        assert [a.id for a in ds.members_of("Org", at="2010")] == ["a", "b"]
        assert [a.id for a in ds.members_of("Org", at="2024")] == ["b"]
        assert ds.last_known_as_of(current, at="2024") == cc.TimeSpan.parse("2023-09")
        assert ds.last_known_as_of(former, at="2024") is None
        assert ds.members_of("Org", at="2024", known_only=True) == ()
        assert [a.id for a in ds.members_of("Org")] == ["a", "b"]


class TestWindows:
    @patient
    @given(DATASETS, st.data(), st.booleans())
    def test_events_between_matches_oracle(self, ds: cc.Dataset, data: st.DataObject, within: bool) -> None:
        """events_between (and events_matching) with known_only drop exactly the last-known events."""
        start = data.draw(query_dates(ds) | st.none())
        every = ds.events_between(start, None, within=within)
        known = ds.events_between(start, None, within=within, known_only=True)
        assert known == tuple(e for e in every if not last_known(ds, e, e.span, first(start)))
        if start is not None:
            assert ds.events_matching(start=start, within=within, known_only=True) == known

    @patient
    @given(DATASETS, st.data())
    def test_ceasefires_between_matches_oracle(self, ds: cc.Dataset, data: st.DataObject) -> None:
        """ceasefires_between with known_only drops the open-ended declared dates reached past the horizon."""
        start = data.draw(query_dates(ds))
        every = ds.ceasefires_between(start, None)
        known = ds.ceasefires_between(start, None, known_only=True)
        assert known == tuple(c for c in every if not last_known(ds, c, c.declared, start.first_day))

    def test_window_starting_on_the_horizon_is_known(self) -> None:
        """A window that begins on the horizon day itself is still within what the source knows."""
        ds = cc.load()
        assert "lachin-blockade" in [e.id for e in ds.events_between("2023-09-30", None, known_only=True)]
        known = ds.events_between("2023-10-01", None, known_only=True)
        assert "lachin-blockade" not in [e.id for e in known]
        assert all(e.span.last_day is not None for e in known)  # closed spans are what the source says
        (blockade,) = [e for e in ds.events_between("2023-10-01", None) if e.id == "lachin-blockade"]
        assert ds.last_known_as_of(blockade, at="2023-10-01") == ds.sources[0].horizon
        assert pendulum.Date(2023, 9, 30) == ds.sources[0].horizon.last_day  # type: ignore[union-attr]
