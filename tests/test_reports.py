"""The analyst answers: profiles, casualty figures and totals, full-text search, readable counts (#12).

Each query is checked against a brute-force scan over generated data sets, and on the
bundled data for the facts an analyst would check by reading the article.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import caucasus_conflict as cc
from caucasus_conflict import strategies as ccst
from caucasus_conflict._names import fold
from caucasus_conflict.reports import may_overlap

from .test_dataset import CROWDED, chronological, overlaps, window_of, windows_or_open, within

# Whole generated data sets are slow to draw on a loaded machine; the examples still run in full.
roomy = settings(suppress_health_check=[*settings().suppress_health_check, HealthCheck.too_slow])


@st.composite
def figure_datasets(draw: st.DrawFn) -> cc.Dataset:
    """Data sets whose events carry up to three casualty figures each, often nested through parents."""
    ds = draw(ccst.datasets(max_events=12, spans=CROWDED))
    actor_ids = [a.id for a in ds.actors]
    events = []
    for event in ds.events:
        extra = draw(st.lists(ccst.casualties(actor_ids=actor_ids, source_ids=[ds.sources[0].id],
                                              max_block=ds.sources[0].blocks or 1), max_size=2))
        events.append(attrs.evolve(event, casualties=(*event.casualties, *extra)))
    return attrs.evolve(ds, events=tuple(events))


def in_order(records: Sequence[Any]) -> tuple[Any, ...]:
    """The documented chronological order, computed independently of the index."""
    return tuple(sorted(records, key=lambda r: (r.span.sort_key(), r.id)))


def ancestors(ds: cc.Dataset, event_id: str) -> set[str]:
    """The event and every event above it, walking parent_id one step at a time."""
    found = {event_id}
    parent = ds.event(event_id).parent_id
    while parent is not None and parent not in found:
        found.add(parent)
        parent = ds.event(parent).parent_id
    return found


class TestCount:
    @pytest.mark.parametrize(("count", "text"), [
        (cc.Count(25), "25"),
        (cc.Count(7000), "7,000"),
        (cc.Count(low=10, high=20), "10–20"),
        (cc.Count(low=7000), "at least 7,000"),
        (cc.Count(high=50), "at most 50"),
        (cc.Count(25, low=20), "25 (at least 20)"),
        (cc.Count(25, low=20, high=30), "25 (20–30)"),
        (cc.Count(low=7000, reported_as="more than 7,000"), "at least 7,000 (reported as 'more than 7,000')"),
        (cc.Count(3, reported_as="3"), "3"),
    ])
    def test_str_reads_as_prose(self, count: cc.Count, text: str) -> None:
        """str(Count) is the figure as a reader writes it, with the source's wording when it differs."""
        assert str(count) == text

    def test_str_is_not_the_repr(self) -> None:
        """The repr stays Python; str is prose (#12)."""
        count = cc.Count(25)
        assert repr(count) == "Count(best=25, low=None, high=None, reported_as=None)"
        assert str(count) != repr(count)


class TestCasualties:
    def test_bundled_figures(self, bundled: cc.Dataset) -> None:
        """The bundled data holds the 2020 war's toll and the Ombudsman's 2023 figures, with citations."""
        war, offensive = bundled.casualties()
        assert (war.event_id, war.killed, war.injured, war.group) == \
            ("war-2020", cc.Count(low=7000, reported_as="more than 7,000"), None, cc.CasualtyGroup.MILITARY)
        assert (offensive.event_id, offensive.killed, offensive.injured, offensive.reported_by_id) == \
            ("offensive-2023", cc.Count(25), cc.Count(138), "nkr-ombudsman")
        assert [c.blocks for c in offensive.citations] == [(5,)]
        assert offensive.as_of.basis is cc.Basis.INFERRED

    @pytest.mark.parametrize(("filters", "expected"), [
        ({"reporter": "NKR Ombudsman"}, ["offensive-2023"]),
        ({"group": "military"}, ["war-2020"]),
        ({"start": "2023", "end": "2023"}, ["offensive-2023"]),
        ({"actor": "Baku", "territory": "Artsakh"}, ["war-2020", "offensive-2023"]),
    ])
    def test_bundled_filters(self, bundled: cc.Dataset, filters: dict[str, Any], expected: list[str]) -> None:
        """Each filter keeps the figures an analyst would pick by hand."""
        assert [f.event_id for f in bundled.casualties(**filters)] == expected

    @pytest.fixture
    def with_more(self, bundled: cc.Dataset) -> cc.Dataset:
        """The bundled data plus a toll in the Lachin corridor running over into 2021, and an undated one."""
        (war,) = [e for e in bundled.events if e.id == "war-2020"]
        toll = war.casualties[0]
        more = tuple(attrs.evolve(war, id=cc.EventId(event_id), span=cc.TimeSpan.parse(span),
                                  territory_ids=territories, casualties=(attrs.evolve(toll, killed=cc.Count(killed)),))
                     for event_id, span, territories, killed in (
                         ("across-2020-2021", "2020-09/2021-01", (cc.TerritoryId("lachin-corridor"),), 10),
                         ("undated", "unknown", (), 5)))
        return attrs.evolve(bundled, events=(*bundled.events, *more))

    def test_without_a_window_undated_events_count(self, with_more: cc.Dataset) -> None:
        """No start and no end: every figure, the undated event's last, as in the chronology."""
        found = [f.event_id for f in with_more.casualties()]
        assert found == [e.id for e in with_more.chronology() for _ in e.casualties]
        assert found[-1] == "undated"

    @pytest.mark.parametrize("window", [{"start": "2020"}, {"end": "2023"}])
    def test_with_half_a_window_undated_events_do_not(self, with_more: cc.Dataset, window: dict[str, Any]) -> None:
        """A start or an end alone is a window: an undated event is not in it."""
        assert "undated" not in [f.event_id for f in with_more.casualties(**window)]

    def test_a_window_matches_overlapping_events(self, with_more: cc.Dataset) -> None:
        """By default an event counts when it overlaps the window; within=True keeps those inside it."""
        assert [f.event_id for f in with_more.casualties(start="2020", end="2020")] == [
            e.id for e in with_more.chronology() if e.id in ("war-2020", "across-2020-2021")]
        assert [f.event_id for f in with_more.casualties(start="2020", end="2020", within=True)] == ["war-2020"]

    def test_territory(self, with_more: cc.Dataset) -> None:
        """territory keeps the figures of the events in it."""
        assert [f.event_id for f in with_more.casualties(territory="Lachin corridor")] == ["across-2020-2021"]

    def test_bad_group(self, bundled: cc.Dataset) -> None:
        """A group that does not exist is the library's QueryError, with a suggestion."""
        with pytest.raises(cc.QueryError) as info:
            bundled.casualties(group="civilians")
        assert str(info.value) == ("'civilians' is not a valid CasualtyGroup (did you mean 'civilian'?); "
                                   "expected one of 'military', 'civilian', 'unspecified'")

    def test_unknown_reporter(self, bundled: cc.Dataset) -> None:
        """An unknown reporter is an UnknownNameError with suggestions."""
        with pytest.raises(cc.UnknownNameError) as info:
            bundled.casualties(reporter="Ombudsmann")
        assert info.value.query == "Ombudsmann"

    @roomy
    @given(st.data())
    def test_equals_brute_force(self, data: st.DataObject) -> None:
        """casualties(...) is exactly the figures of the matching events, in event order, then figure order."""
        ds = data.draw(figure_datasets())
        actor = data.draw(st.none() | st.sampled_from([a.id for a in ds.actors])) if ds.actors else None
        territory = data.draw(st.none() | st.sampled_from([t.id for t in ds.territories])) \
            if ds.territories else None
        reporter = data.draw(st.none() | st.sampled_from([a.id for a in ds.actors])) if ds.actors else None
        group = data.draw(st.none() | st.sampled_from(cc.CasualtyGroup))
        start, end = data.draw(windows_or_open(ds))
        is_within = data.draw(st.booleans())
        window = window_of(start, end)
        windowed = start is not None or end is not None
        expected = []
        for event in chronological(list(ds.events)):
            if actor is not None and actor not in event.actor_ids:
                continue
            if territory is not None and territory not in event.territory_ids:
                continue
            if windowed and not (within if is_within else overlaps)(event.span, window):
                continue
            for position, c in enumerate(event.casualties):
                if (group is None or c.group is group) and (reporter is None or c.reported_by_id == reporter):
                    expected.append((event.id, position, c.killed, c.injured, c.group, c.reported_by_id,
                                     c.as_of, c.citations, c.note))
        found = ds.casualties(actor=actor, territory=territory, start=start, end=end, within=is_within,
                              group=group, reporter=reporter)
        assert [(f.event_id, f.position, f.killed, f.injured, f.group, f.reported_by_id, f.as_of, f.citations,
                 f.note) for f in found] == expected


def brute_clusters(ds: cc.Dataset, figures: Sequence[cc.CasualtyFigure]) -> list[set[int]]:
    """Connected components of "may overlap", by merging sets until nothing changes."""
    def related(a: cc.CasualtyFigure, b: cc.CasualtyFigure) -> bool:
        nested = a.event_id in ancestors(ds, b.event_id) or b.event_id in ancestors(ds, a.event_id)
        groups = a.group is b.group or cc.CasualtyGroup.UNSPECIFIED in (a.group, b.group)
        return nested and groups

    clusters = [{i} for i in range(len(figures))]
    merged = True
    while merged:
        merged = False
        for x in range(len(clusters)):
            for y in range(x + 1, len(clusters)):
                if any(related(figures[i], figures[j]) for i in clusters[x] for j in clusters[y]):
                    clusters[x] |= clusters.pop(y)
                    merged = True
                    break
            if merged:
                break
    return clusters


def counted(figures: Sequence[cc.CasualtyFigure], measure: str) -> list[cc.CasualtyFigure]:
    """The figures giving *measure* that a total adds: a part is left out where its event's whole is there."""
    having = [f for f in figures if getattr(f, measure) is not None]
    wholes = [f.event_id for f in having if not f.is_part]
    return [f for f in having if not f.is_part or f.event_id not in wholes]


def brute_total(ds: cc.Dataset, figures: Sequence[cc.CasualtyFigure], measure: str) -> cc.Count | None:
    """The documented total, from the brute-force clusters."""
    having = counted(figures, measure)
    if not having:
        return None
    low, best, high = 0, 0, 0
    best_known = high_known = True
    for cluster in brute_clusters(ds, having):
        counts = [getattr(having[i], measure) for i in cluster]
        low += min(c.low if c.low is not None else c.best if c.best is not None else 0 for c in counts)
        bests = {c.best for c in counts}
        if len(bests) == 1 and None not in bests:
            best += bests.pop()
        else:
            best_known = False
        uppers = [c.high if c.high is not None else c.best for c in counts]
        if None in uppers:
            high_known = False
        else:
            high += max(u for u in uppers if u is not None)
    b = best if best_known else None
    h = high if high_known else None
    return cc.Count(b, low=None if low == b else low, high=None if h == b else h)


class TestCasualtyTotal:
    def test_bundled(self, bundled: cc.Dataset) -> None:
        """The article's two tolls are for unrelated events, so they add: more than 7,025 killed, 138 injured."""
        total = bundled.casualty_total()
        assert (total.killed, total.injured) == (cc.Count(low=7025), cc.Count(138))
        assert str(total) == ("killed: at least 7,025 (2 figures, 2 counted apart); "
                              "injured: 138 (1 figure, 1 counted apart)")

    def test_nothing_to_add(self, bundled: cc.Dataset) -> None:
        """No figures give no total, not zero."""
        total = bundled.casualty_total(())
        assert (total.killed, total.injured) == (None, None)
        assert str(total) == "killed: none reported; injured: none reported"

    def test_a_whole_and_its_parts_count_once(self) -> None:
        """A war's toll and a battle's inside it, or two reports of one toll, never add up."""
        cite = (cc.Citation(cc.SourceId("s"), (1,)),)
        source = cc.Source(id=cc.SourceId("s"), title="T", publisher="P", url="https://example.org", credit="P",
                           published=cc.TimeSpan.parse("2024"), blocks=3)
        span = cc.TimeSpan.parse("2024")

        def toll(*counts: tuple[int, cc.CasualtyGroup]) -> tuple[cc.Casualties, ...]:
            return tuple(cc.Casualties(killed=cc.Count(n), group=g, citations=cite) for n, g in counts)

        war = cc.Event(id=cc.EventId("war"), kind=cc.EventKind.WAR, summary="A war", span=span, citations=cite,
                       casualties=toll((100, cc.CasualtyGroup.UNSPECIFIED), (120, cc.CasualtyGroup.UNSPECIFIED)))
        battle = cc.Event(id=cc.EventId("battle"), kind=cc.EventKind.CLASHES, summary="A battle", span=span,
                          parent_id=cc.EventId("war"), citations=cite,
                          casualties=toll((30, cc.CasualtyGroup.MILITARY), (20, cc.CasualtyGroup.CIVILIAN)))
        raid = cc.Event(id=cc.EventId("raid"), kind=cc.EventKind.OFFENSIVE, summary="A raid elsewhere", span=span,
                        citations=cite, casualties=toll((5, cc.CasualtyGroup.CIVILIAN)))
        ds = cc.Dataset(sources=(source,), events=(war, battle, raid))
        total = ds.casualty_total()
        # The war's two reports and the battle's parts are one cluster (20..120); the raid adds 5.
        assert total.killed == cc.Count(low=25, high=125)
        # Clusters come in the order of their first figure; figures in event order (same span: by id).
        assert [[f.event_id for f in c] for c in total.killed_clusters] == \
            [["battle", "battle", "war", "war"], ["raid"]]
        # The battle alone: military and civilian are different people, so they add.
        battle_only = [f for f in ds.casualties() if f.event_id == "battle"]
        assert ds.casualty_total(battle_only).killed == cc.Count(50)
        # The war's two reports disagree: they give a range, not a sum.
        assert ds.casualty_total([f for f in ds.casualties() if f.event_id == "war"]).killed == \
            cc.Count(low=100, high=120)

    def test_foreign_figure(self, bundled: cc.Dataset) -> None:
        """A figure naming an event the data set does not hold is a QueryError saying what to pass."""
        figure = attrs.evolve(bundled.casualties()[0], event_id=cc.EventId("elsewhere"))
        with pytest.raises(cc.QueryError) as info:
            bundled.casualty_total([figure])
        assert str(info.value) == ("the figure names event 'elsewhere', which this data set does not hold; "
                                   "pass figures from this data set's casualties()")

    def test_not_a_figure(self, bundled: cc.Dataset) -> None:
        """Something other than a figure is the library's ArgumentTypeError."""
        with pytest.raises(cc.ArgumentTypeError) as info:
            bundled.casualty_total(["war-2020"])  # type: ignore[list-item]
        assert str(info.value) == "expected CasualtyFigure rows from Dataset.casualties (got str)"

    @roomy
    @given(figure_datasets(), st.data())
    def test_equals_the_documented_rule(self, ds: cc.Dataset, data: st.DataObject) -> None:
        """The total of any selection of figures is the rule's, computed by brute force."""
        figures = ds.casualties()
        chosen = data.draw(st.lists(st.sampled_from(figures), unique_by=lambda f: (f.event_id, f.position)),
                           label="figures") if figures else []
        total = ds.casualty_total(chosen)
        assert total.killed == brute_total(ds, chosen, "killed")
        assert total.injured == brute_total(ds, chosen, "injured")
        for measure, clusters in (("killed", total.killed_clusters), ("injured", total.injured_clusters)):
            having = counted(chosen, measure)
            assert sorted(sorted(having.index(f) for f in c) for c in clusters) == \
                sorted(sorted(c) for c in brute_clusters(ds, having))

    @roomy
    @given(figure_datasets())
    def test_repeating_a_figure_changes_nothing(self, ds: cc.Dataset) -> None:
        """Every figure listed twice gives the same total: a figure never counts twice."""
        figures = ds.casualties()
        once, twice = ds.casualty_total(figures), ds.casualty_total(figures + figures)
        assert (once.killed, once.injured) == (twice.killed, twice.injured)

    @roomy
    @given(figure_datasets())
    def test_figures_that_cannot_overlap_add_up(self, ds: cc.Dataset) -> None:
        """The total of figures no two of which may overlap is their plain sum of lower bounds."""
        parents: dict[str, str | None] = {e.id: e.parent_id for e in ds.events}
        apart: list[cc.CasualtyFigure] = []
        for figure in counted(ds.casualties(), "killed"):
            if not any(may_overlap(figure, other, parents) for other in apart):
                apart.append(figure)
        total = ds.casualty_total(apart).killed
        lows = [f.killed.low if f.killed.low is not None else f.killed.best or 0 for f in apart if f.killed]
        assert (total.low if total and total.low is not None else total.best if total else None) == \
            (sum(lows) if apart else None)


class TestProfile:
    def test_bundled_russia(self, bundled: cc.Dataset) -> None:
        """Russia's profile answers "what did Russia do?" as the article reads (#12)."""
        profile = bundled.profile("Moscow")
        assert [(r.value, [e.id for e in events]) for r, events in profile.events] == [
            ("initiator", ["russian-peacekeeper-deployment", "russian-troop-withdrawal-2022"]),
            ("mediator", ["armistice-2020"])]
        assert [t for t, _ in profile.control] == ["lachin-corridor"]
        assert [c.id for c in profile.ceasefires] == ["armistice-2020-11"]
        assert [m.organisation_id for m in profile.memberships] == ["csto"]
        assert "armenia-accuses-russia-2022" in [c.id for c in profile.claims_about]

    def test_text_form(self, bundled: cc.Dataset) -> None:
        """The text form has one section per kind of record, each line with its date and citations."""
        text = str(bundled.profile("Russia"))
        assert text.splitlines()[0] == "Russia (russia), state"
        assert "\nTerritory control (1)\n  2020-11/..~  Lachin corridor (lachin-corridor): full, de facto\n" \
               "      cited: gdc-2023-nk-offensive [8] [9] [12]\n" in text
        assert "\nRoles: none recorded" in text

    def test_organisation_lists_members(self, bundled: cc.Dataset) -> None:
        """An organisation's profile lists the actors recorded as its members."""
        members = [a for a, _ in bundled.profile("CSTO").members]
        assert members == sorted(a.id for a in bundled.actors if any(m.organisation_id == "csto"
                                                                      for m in a.memberships))
        assert "russia" in members

    def test_a_member_twice(self, bundled: cc.Dataset) -> None:
        """An actor that was a member twice (left, then joined again) is listed with both, by member id."""
        azerbaijan = bundled.actor("azerbaijan")
        (former,) = azerbaijan.memberships
        again = attrs.evolve(former, span=cc.TimeSpan.parse("2025/.."), ended=False, note=None)
        actors = tuple(attrs.evolve(a, memberships=(former, again)) if a is azerbaijan else a for a in bundled.actors)
        members = attrs.evolve(bundled, actors=actors).profile("CSTO").members
        assert [a for a, _ in members] == ["armenia", "azerbaijan", "azerbaijan", "russia"]
        assert {m for a, m in members if a == "azerbaijan"} == {former, again}

    def test_json_form(self, bundled: cc.Dataset) -> None:
        """to_dict gives every section, records in the data set file's shape."""
        data = bundled.profile("Turkey").to_dict()
        assert data["actor"]["id"] == "turkey"
        assert [s["id"] for s in data["stances_held"]] == [s.id for s in bundled.stances_by("turkey")]

    def test_unknown_actor(self, bundled: cc.Dataset) -> None:
        """An unknown actor raises UnknownNameError with suggestions."""
        with pytest.raises(cc.UnknownNameError) as info:
            bundled.profile("Rusia")
        assert str(info.value) == "no actor named 'Rusia'; did you mean 'Russia'?"

    @roomy
    @given(ccst.datasets(max_events=12), st.data())
    def test_equals_brute_force(self, ds: cc.Dataset, data: st.DataObject) -> None:
        """Every section of a profile is the brute-force scan of the data set for that actor."""
        if not ds.actors:
            return
        actor = data.draw(st.sampled_from(ds.actors))
        profile = ds.profile(actor.id)
        assert profile.actor == actor
        expected_events = [(role, in_order([e for e in ds.events if any(
            p.actor_id == actor.id and p.role is role for p in e.participants)])) for role in cc.Role]
        assert list(profile.events) == [(r, es) for r, es in expected_events if es]
        assert profile.stances_held == in_order([s for s in ds.stances if s.holder_id == actor.id])
        assert profile.stances_toward == in_order([s for s in ds.stances
                                                        if s.toward_actor_id == actor.id])
        assert profile.claims_by == in_order([c for c in ds.claims if c.claimant_id == actor.id])
        assert profile.claims_about == in_order([c for c in ds.claims
                                                      if actor.id in c.about_actor_ids])
        control = [(t.id, p) for t in ds.territories for p in t.control if actor.id in p.controller_ids]
        assert list(profile.control) == sorted(control, key=lambda pair: pair[1].span.sort_key())
        assert profile.ceasefires == tuple(sorted((c for c in ds.ceasefires if actor.id in c.actor_ids),
                                                  key=lambda c: (c.declared.sort_key(), c.id)))
        assert profile.memberships == actor.memberships
        assert profile.roles == actor.roles
        assert list(profile.members) == sorted(((a.id, m) for a in ds.actors for m in a.memberships
                                                if m.organisation_id == actor.id), key=lambda pair: pair[0])
        assert [a.id for a in profile.parts] == sorted(a.id for a in ds.actors if a.part_of_id == actor.id)
        assert profile.format().startswith(f"{actor.name} ({actor.id}), ")


def searched(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """Every summary, note or quote in an unstructured record, with its path: an independent walk."""
    if isinstance(value, dict):
        for key, item in value.items():
            here = f"{path}.{key}" if path else key
            if key in ("summary", "note", "quote") and isinstance(item, str):
                yield here, item
            else:
                yield from searched(item, here)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from searched(item, f"{path}[{index}]")


class TestSearch:
    def test_case_and_accents(self, bundled: cc.Dataset) -> None:
        """Case, accents and punctuation do not matter: 'ERDOĞAN' and 'erdogan' find the same fields."""
        plain = [(h.record.id, h.field) for h in bundled.search("erdogan")]
        assert plain == [(h.record.id, h.field) for h in bundled.search("ERDOĞAN")]
        assert ("recep-tayyip-erdogan", "note") in plain

    def test_quotes(self, bundled: cc.Dataset) -> None:
        """Quoted words are searched, with the match located in the field's text."""
        (hit,) = bundled.search("brink of a great")
        assert (hit.record.id, hit.field, hit.text[hit.start:hit.end]) == \
            ("pashinyan-brink-of-great-war", "quote", "brink of a great")
        assert hit.snippet == "on the brink of a great war"

    def test_kinds(self, bundled: cc.Dataset) -> None:
        """kinds limits the search to some collections; an unknown one is a QueryError."""
        assert {type(h.record) for h in bundled.search("war", kinds=["claims"])} == {cc.Claim}
        with pytest.raises(cc.QueryError) as info:
            bundled.search("war", kinds=["claim"])
        assert str(info.value) == ("'claim' is not a record collection; expected one of sources, actors, "
                                   "territories, events, ceasefires, claims, stances, conflicts, dyads")

    def test_one_kind_as_a_string(self, bundled: cc.Dataset) -> None:
        """kinds="claims" searches the claims, as kinds=["claims"] does."""
        hits = bundled.search("war", kinds="claims")
        assert hits
        assert hits == bundled.search("war", kinds=["claims"])

    @pytest.mark.parametrize("text", ["", "  ", "--"])
    def test_nothing_to_search(self, bundled: cc.Dataset, text: str) -> None:
        """Text without a letter or digit is a QueryError."""
        with pytest.raises(cc.QueryError) as info:
            bundled.search(text)
        assert str(info.value) == f"nothing to search for in {text!r}: give at least one letter or digit"

    def test_not_text(self, bundled: cc.Dataset) -> None:
        """A non-string is the library's ArgumentTypeError, saying a search text was expected."""
        with pytest.raises(cc.ArgumentTypeError) as info:
            bundled.search(5)  # type: ignore[arg-type]
        assert str(info.value) == "expected the search text as a string (got int: 5)"

    @roomy
    @given(ccst.datasets(max_events=8, max_claims=6), st.data())
    def test_equals_brute_force(self, ds: cc.Dataset, data: st.DataObject) -> None:
        """Hits are exactly the fields whose folded text contains the folded query, in collection order."""
        texts = [(record, path, text) for rtype in cc.RECORD_TYPES for record in getattr(ds, rtype.collection)
                 for path, text in searched(cc.converter.unstructure(record))]
        candidates = [t for _, _, t in texts if fold(t)]
        if candidates:
            source = data.draw(st.sampled_from(candidates))
            i = data.draw(st.integers(0, len(source) - 1))
            query = data.draw(st.sampled_from([source[i:i + n] for n in (1, 3, 8)]))
            query = data.draw(st.sampled_from([query, query.upper(), unicodedata.normalize("NFD", query)]))
        else:
            query = "x"
        if not fold(query):
            query = "x"
        hits = ds.search(query)
        expected = [(r.id, p) for r, p, t in texts if fold(query) in fold(t)]
        assert [(h.record.id, h.field) for h in hits] == expected
        for hit in hits:
            assert fold(hit.text[hit.start:hit.end]) == fold(query)
            assert hit.text[hit.start:hit.end] in hit.snippet.replace(" ", " ") or "\n" in hit.text
