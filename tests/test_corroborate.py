"""`Dataset.corroborate`: a casualty figure beside other sources' figures for the same thing (#12 part 3)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import caucasus_conflict as cc
from caucasus_conflict import strategies as ccst
from caucasus_conflict.cli import main

HEADER = ("id,year,type_of_violence,side_a,side_a_new_id,side_b,side_b_new_id,date_prec,date_start,date_end,"
          "deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,low,high\n")


def ged(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "ged.csv"
    path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


SMALL = "910001,2020,1,Government of Azerbaijan,64,Republic of Artsakh,338,1,2020-09-27,2020-09-27,5,7,2,0,14,12,20"
LARGE = ("910003,2020,1,Government of Azerbaijan,64,Republic of Artsakh,338,1,2020-10-27,2020-10-27,"
         "500,700,20,0,1220,1200,9000")
OTHER_YEAR = "910004,2021,1,Government of Azerbaijan,64,Republic of Artsakh,338,1,2021-05-12,2021-05-12,1,0,0,0,1,1,1"


def war_figure(ds: cc.Dataset) -> cc.CasualtyFigure:
    (figure,) = [f for f in ds.casualties() if f.event_id == "war-2020"]
    return figure


class TestTheArticleBesideGed:
    def test_disagreement_is_measured(self, tmp_path: Path, bundled: cc.Dataset) -> None:
        """"More than 7,000" against 12-20 in the file: the others are 6,980 lower at the least."""
        ds = bundled.merge(cc.read(ged(tmp_path, SMALL, OTHER_YEAR)))
        found = ds.corroborate(war_figure(ds))
        assert [(f.event_id, f.is_part) for f in found.others] == [("ged-910001", False)]  # 2021 is outside 2020
        assert found.total == cc.Count(14, low=12, high=20)
        assert (found.agrees, found.difference) == (False, 20 - 7000)
        assert str(found) == ("war-2020, killed: at least 7,000 (reported as 'more than 7,000'); 1 figure of another "
                              "source adds up to 14 (12–20): the others are 6,980 lower")

    def test_agreement_when_the_ranges_meet(self, tmp_path: Path, bundled: cc.Dataset) -> None:
        ds = bundled.merge(cc.read(ged(tmp_path, SMALL, LARGE)))
        found = ds.corroborate(war_figure(ds))
        assert found.total == cc.Count(1234, low=1212, high=9020)
        assert (found.agrees, found.difference) == (True, 0)

    def test_nothing_to_compare(self, bundled: cc.Dataset) -> None:
        found = bundled.corroborate(war_figure(bundled))
        assert (found.others, found.total, found.agrees, found.difference) == ((), None, None, None)

    def test_only_figures_within_the_span(self, tmp_path: Path, bundled: cc.Dataset) -> None:
        """Rows before the war's year, or running over its end, are not figures for the same thing."""
        before = "910005,2019,1,Government of Azerbaijan,64,Republic of Artsakh,338,1,2019-06-01,2019-06-01,1,0,0,0,1,1,1"
        across = ("910006,2020,1,Government of Azerbaijan,64,Republic of Artsakh,338,3,2020-12-30,2021-01-02,"
                  "1,0,0,0,1,1,1")
        ds = bundled.merge(cc.read(ged(tmp_path, before, SMALL, across)))
        assert [f.event_id for f in ds.corroborate(war_figure(ds)).others] == ["ged-910001"]

    def test_a_figure_of_another_data_set(self, bundled: cc.Dataset) -> None:
        """A figure whose event the data set does not hold is a QueryError naming the event."""
        with pytest.raises(cc.QueryError) as caught:
            cc.Dataset().corroborate(war_figure(bundled))
        assert str(caught.value) == ("the figure names event 'war-2020', which this data set does not hold; "
                                     "pass a figure from this data set's casualties()")

    def test_misuse(self, bundled: cc.Dataset) -> None:
        with pytest.raises(cc.ArgumentTypeError):
            bundled.corroborate("war-2020")  # type: ignore[arg-type]
        with pytest.raises(cc.QueryError, match="measure must be 'killed' or 'injured'"):
            bundled.corroborate(war_figure(bundled), measure="dead")

    def test_cli(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        path = ged(tmp_path, SMALL)
        assert main(["corroborate", "war-2020", "--with", str(path)]) == 0
        assert "the others are 6,980 lower" in capsys.readouterr().out
        assert main(["--json", "corroborate", "war-2020", "--with", str(path)]) == 0
        (answer,) = json.loads(capsys.readouterr().out)
        assert (answer["agrees"], answer["difference"], answer["total"]["best"]) == (False, -6980, 14)


def range_of(count: cc.Count) -> tuple[int, float]:
    low = count.low if count.low is not None else count.best if count.best is not None else 0
    high = count.high if count.high is not None else count.best
    return low, float("inf") if high is None else high


OTHER = cc.SourceId("other-source")


def with_a_second_source(ds: cc.Dataset) -> cc.Dataset:
    """*ds* plus a copy of its events cited to another source, so that most figures have others to meet."""
    cite = (cc.Citation(OTHER, (1,)),)
    copies = tuple(attrs.evolve(e, id=cc.EventId(f"zz{e.id}"), parent_id=None, external_ids=(), citations=cite,
                                casualties=tuple(attrs.evolve(c, citations=cite) for c in e.casualties))
                   for e in ds.events)
    source = cc.Source(id=OTHER, title="T", publisher="P", url="https://example.org", credit="P",
                       published=cc.TimeSpan.parse("2024"), blocks=1)
    return attrs.evolve(ds, sources=(*ds.sources, source), events=(*ds.events, *copies))


CROWDED = ccst.timespans(min_value=dt.date(2000, 1, 1), max_value=dt.date(2003, 12, 31))


@given(generated=ccst.datasets(max_events=8, spans=CROWDED), measure=st.sampled_from(["killed", "injured"]))
def test_matches_brute_force(generated: cc.Dataset, measure: str) -> None:
    """For every figure, the others are exactly the brute-force selection, and agreement is whether ranges meet."""
    ds = with_a_second_source(generated)
    for figure in ds.casualties():
        check_one(ds, figure, measure)


def check_one(ds: cc.Dataset, figure: cc.CasualtyFigure, measure: str) -> None:
    event = ds.event(figure.event_id)
    own = {c.source_id for c in figure.citations}
    expected = []
    if event.span.is_known and event.actor_ids:
        first = event.span.first_day.toordinal() if event.span.first_day else -10**9
        last = event.span.last_day.toordinal() if event.span.last_day else 10**9
        for other in ds.events:
            o = other.span
            inside = o.is_known and (o.first_day.toordinal() if o.first_day else -10**9) >= first \
                and (o.last_day.toordinal() if o.last_day else 10**9) <= last
            if other.id == event.id or not inside or not set(event.actor_ids) & set(other.actor_ids):
                continue
            for position, c in enumerate(other.casualties):
                groups_fit = c.group is figure.group or cc.CasualtyGroup.UNSPECIFIED in (c.group, figure.group)
                if getattr(c, measure) is not None and groups_fit and not own & {x.source_id for x in c.citations}:
                    expected.append((other.id, position))
    found = ds.corroborate(figure, measure=measure)
    wholes = {e for e, p in expected if not ds.event(e).casualties[p].is_part}
    expected = [(e, p) for e, p in expected if not (ds.event(e).casualties[p].is_part and e in wholes)]
    assert sorted((f.event_id, f.position) for f in found.others) == sorted(expected)
    own_count = getattr(figure, measure)
    if own_count is None or found.total is None:
        assert found.agrees is None
        return
    (own_low, own_high), (other_low, other_high) = range_of(own_count), range_of(found.total)
    assert found.agrees is (own_low <= other_high and other_low <= own_high)


def check_battle_deaths(ds: cc.Dataset, figure: cc.CasualtyFigure, measure: str) -> None:
    """The dyad-years beside a figure are exactly the brute-force selection, and agreement is whether ranges meet."""
    event = ds.event(figure.event_id)
    own = {c.source_id for c in figure.citations}
    expected = []
    if measure == "killed" and event.span.is_known and event.actor_ids:
        first = event.span.first_day.toordinal() if event.span.first_day else -10**9
        last = event.span.last_day.toordinal() if event.span.last_day else 10**9
        for dyad in ds.dyads:
            conflict = ds.conflict(dyad.conflict_id)
            sides_met = all(
                set(event.actor_ids) & {p.actor_id for p in (*dyad.participants, *conflict.participants)
                                        if p.side is side and (p in dyad.participants or p.role is cc.Role.SUPPORTER)}
                for side in (cc.Side.A, cc.Side.B))
            for year in dyad.years:
                inside = first <= dt.date(year.year, 1, 1).toordinal() and dt.date(year.year, 12, 31).toordinal() <= last
                if sides_met and inside and not own & {c.source_id for c in year.citations}:
                    expected.append((dyad.id, year.year))
    found = ds.corroborate(figure, measure=measure)
    assert sorted((b.dyad_id, b.year) for b in found.battle_deaths) == sorted(expected)
    own_count = getattr(figure, measure)
    if own_count is None or found.battle_deaths_total is None:
        assert found.battle_deaths_agree is None
        return
    lows = sum(range_of(b.battle_deaths)[0] for b in found.battle_deaths)
    highs = sum(range_of(b.battle_deaths)[1] for b in found.battle_deaths)
    (own_low, own_high) = range_of(own_count)
    assert range_of(found.battle_deaths_total) == (lows, highs)
    assert found.battle_deaths_agree is (own_low <= highs and lows <= own_high)


YEARS = ccst.timespans(min_value=dt.date(1995, 1, 1), max_value=dt.date(2025, 12, 31))


@given(generated=ccst.datasets(max_events=6, spans=YEARS, max_claims=0, max_stances=0),
       measure=st.sampled_from(["killed", "injured"]))
def test_battle_deaths_match_brute_force(generated: cc.Dataset, measure: str) -> None:
    for figure in generated.casualties():
        check_battle_deaths(generated, figure, measure)


class TestTheArticleBesideBrd:
    def test_the_2020_war_against_ucdp_brd(self, bundled: cc.Dataset) -> None:
        """"More than 7,000" against UCDP BRD 22.1's 7,646 (7,548–9,077) for dyad 833 in 2020: they agree."""
        brd = cc.read(Path(__file__).parent / "fixtures" / "formats" / "ucdp_brd_v22_1_388_2020.csv")
        ds = bundled.merge(brd)
        found = ds.corroborate(war_figure(ds))
        assert [(b.dyad_id, b.year, b.battle_deaths) for b in found.battle_deaths] == [
            ("ucdp-dyad-833", 2020, cc.Count(7646, low=7548, high=9077))]
        assert (found.battle_deaths_agree, found.battle_deaths_difference) == (True, 0)
        assert str(found) == ("war-2020, killed: at least 7,000 (reported as 'more than 7,000'); battle-related "
                              "deaths of 1 dyad-year add up to 7,646 (7,548–9,077): they agree")

    def test_not_beside_the_injured(self, bundled: cc.Dataset) -> None:
        """Battle-related deaths count the killed: the injured of a figure have no dyad-years beside them."""
        ds = bundled.merge(cc.read(Path(__file__).parent / "fixtures" / "formats" / "ucdp_brd_v22_1_388_2020.csv"))
        found = ds.corroborate(war_figure(ds), measure="injured")
        assert (found.battle_deaths, found.battle_deaths_total, found.battle_deaths_agree) == ((), None, None)

    def test_a_year_of_the_figure_s_own_source_is_left_out(self, bundled: cc.Dataset) -> None:
        """A dyad-year cited by the figure's own source is not a second measure of it."""
        brd = cc.read(Path(__file__).parent / "fixtures" / "formats" / "ucdp_brd_v22_1_388_2020.csv")
        ds = bundled.merge(brd)
        figure = war_figure(ds)
        dyads = tuple(attrs.evolve(d, years=tuple(attrs.evolve(y, citations=figure.citations) for y in d.years))
                      for d in ds.dyads)
        ds = cc.Dataset(**{**{t.collection: getattr(ds, t.collection) for t in cc.RECORD_TYPES}, "dyads": dyads})
        found = ds.corroborate(war_figure(ds))
        assert (found.battle_deaths, found.battle_deaths_agree) == ((), None)

    def test_cli(self, capsys: pytest.CaptureFixture[str]) -> None:
        path = Path(__file__).parent / "fixtures" / "formats" / "ucdp_brd_v22_1_388_2020.csv"
        assert main(["--json", "corroborate", "war-2020", "--with", str(path)]) == 0
        (answer,) = json.loads(capsys.readouterr().out)
        assert (answer["battle_deaths_agree"], answer["battle_deaths_total"]["best"]) == (True, 7646)
        assert answer["battle_deaths"][0]["dyad_id"] == "ucdp-dyad-833"


BRD = Path(__file__).parent / "fixtures" / "formats" / "ucdp_brd_v22_1_388_2020.csv"


def beside_brd(bundled: cc.Dataset, span: str, years: tuple[int, ...], *, own: tuple[int, ...] = (),
               extra_dyads: tuple[cc.Dyad, ...] = ()) -> list[tuple[str, int]]:
    """The dyad-years beside the 2020 war's figure copied to an event of *span*, dyad 833 holding *years*.

    The years in *own* are cited to the figure's own source; *extra_dyads* are added to the data set.
    """
    ds = bundled.merge(cc.read(BRD))
    war = ds.event("war-2020")
    (dyad,) = ds.dyads
    (row,) = dyad.years
    rows = tuple(attrs.evolve(row, year=y, battle_deaths=cc.Count(y),
                              citations=war.casualties[0].citations if y in own else row.citations) for y in years)
    event = attrs.evolve(war, id=cc.EventId("e"), span=cc.TimeSpan.parse(span))
    ds = cc.Dataset(**{**{t.collection: getattr(ds, t.collection) for t in cc.RECORD_TYPES},
                       "events": (*ds.events, event), "dyads": (attrs.evolve(dyad, years=rows), *extra_dyads)})
    (figure,) = [f for f in ds.casualties() if f.event_id == "e"]
    found = ds.corroborate(figure)
    assert (found.battle_deaths_agree is None) is (not found.battle_deaths)
    return [(b.dyad_id, b.year) for b in found.battle_deaths]


class TestTheBattleDeathsRule:
    @pytest.mark.parametrize(("span", "years", "expected"), [
        ("0001", (1,), [1]),
        ("9999", (9999,), [9999]),
        ("2020", (0, 2020, 10000), [2020]),
        ("2020", (2019, 2020, 2021), [2020]),
        ("2020-01-02/2020-12-31", (2020,), []),
        ("2020-01-01/2020-12-30", (2020,), []),
        ("unknown", (2020,), []),
    ])
    def test_the_years_within_the_span(self, bundled: cc.Dataset, span: str, years: tuple[int, ...],
                                       expected: list[int]) -> None:
        """A dyad-year counts when the event's span covers all of it, from the calendar's first year to its last."""
        assert beside_brd(bundled, span, years) == [("ucdp-dyad-833", y) for y in expected]

    def test_years_in_any_order(self, bundled: cc.Dataset) -> None:
        """Every year of a dyad within the span counts, whatever the order the dyad holds them in."""
        assert sorted(beside_brd(bundled, "2018/2021", (2021, 2017, 2019, 2020))) == [
            ("ucdp-dyad-833", 2019), ("ucdp-dyad-833", 2020), ("ucdp-dyad-833", 2021)]

    def test_a_year_of_the_own_source_leaves_the_later_years(self, bundled: cc.Dataset) -> None:
        """A year cited by the figure's own source is left out, and the years after it still count."""
        assert beside_brd(bundled, "2019/2020", (2019, 2020), own=(2019,)) == [("ucdp-dyad-833", 2020)]

    def test_a_dyad_of_other_sides_leaves_the_later_dyads(self, bundled: cc.Dataset) -> None:
        """A dyad whose sides hold none of the event's actors is skipped, and the dyads after it still count."""
        (dyad,) = cc.read(BRD).dyads
        cite = dyad.citations
        other = cc.Dyad(id=cc.DyadId("ucdp-dyad-1"), name="Russia – USSR", conflict_id=dyad.conflict_id,
                        participants=(cc.Participant(cc.ActorId("russia"), cc.Role.PARTICIPANT, cc.Side.A),
                                      cc.Participant(cc.ActorId("ussr"), cc.Role.PARTICIPANT, cc.Side.B)),
                        years=(cc.DyadYear(year=2020, battle_deaths=cc.Count(1), citations=cite),), citations=cite)
        assert beside_brd(bundled, "2020", (2020,), extra_dyads=(other,)) == [("ucdp-dyad-833", 2020)]
