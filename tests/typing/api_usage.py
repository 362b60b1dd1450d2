"""Type-checked by ``mypy --strict``, never run: the public API's types catch misuse.

Each misuse line carries the ``# type: ignore[code]`` that mypy must report there. Under
``--strict`` an ignore that is no longer needed is itself an error, so if a change to
the API stopped catching a misuse, the type check would fail (as in attrs'
``typing_tests`` and whenever's).
"""

from __future__ import annotations

import datetime as dt

import pendulum

import caucasus_conflict as cc


def correct_usage(ds: cc.Dataset) -> None:
    """What a user's script writes, accepted as it is."""
    actor: cc.Actor = ds.actor("Baku")
    same: cc.Actor = ds.actor(actor)
    maybe: cc.Actor | None = ds.get_actor("nobody")
    fallback: cc.Territory | str = ds.get_territory("nowhere", "none")
    events: tuple[cc.Event, ...] = ds.events_between("2023-09", dt.date(2023, 9, 30))
    events = ds.events_between(pendulum.Date(2023, 9, 1), None, within=True, include_undated=True)
    events = ds.events_involving("Yerevan", role=cc.Role.INITIATOR)
    events = ds.events_of_kind("blockade")
    supporters: tuple[cc.Actor, ...] = ds.actors_by_stance(cc.StanceKind.SUPPORTS, toward="Azerbaijan", at="2020")
    pairs: tuple[tuple[cc.Claim, cc.Claim], ...] = ds.contradictions()
    periods: tuple[cc.ControlPeriod, ...] = ds.controller_of("Lachin corridor", at="2021-06-01")
    profile: cc.Profile = ds.profile("Moscow")
    figures: tuple[cc.CasualtyFigure, ...] = ds.casualties(actor="Baku", start="2023", group=cc.CasualtyGroup.CIVILIAN)
    total: cc.CasualtyTotal = ds.casualty_total(figures)
    hits: tuple[cc.SearchHit, ...] = ds.search("war", kinds=["claims"])
    span: cc.TimeSpan = cc.TimeSpan.parse("2023", basis=cc.Basis.INFERRED, reason="copyright year")
    plain: object = cc.converter.unstructure(actor)
    del same, maybe, fallback, events, supporters, pairs, periods, span, plain
    # The knowledge horizon (#14): spans in, spans (or None) out; results keep their types.
    horizon: cc.TimeSpan | None = ds.last_known_as_of(ds.territory("Lachin corridor").control[0], at="2023-10")
    known: tuple[cc.ControlPeriod, ...] = ds.controller_of("Lachin corridor", at="2023-10", known_only=True)
    members: tuple[cc.Actor, ...] = ds.members_of("CSTO", at="2023-09")
    source_horizon: cc.TimeSpan | None = ds.sources[0].horizon
    del horizon, known, members, source_horizon


def misuse(ds: cc.Dataset) -> None:
    """Mistakes a type checker must report."""
    ds.events_between(2023, 2024)  # type: ignore[arg-type]
    ds.events_between("2023", "2024", True)  # type: ignore[call-arg]
    ds.actor(42)  # type: ignore[arg-type]
    ds.controller_of("Lachin corridor")  # type: ignore[call-arg]
    ds.controller_of("Lachin corridor", "2023", True)  # type: ignore[call-arg]
    ds.last_known_as_of(ds.actors[0].name, at="2023")  # type: ignore[arg-type]
    ds.casualties("Baku")  # type: ignore[call-arg]
    ds.casualty_total([ds.events[0]])  # type: ignore[list-item]
    ds.search(["war"])  # type: ignore[arg-type]
    ds.events = ()  # type: ignore[misc]
    cc.TimeSpan.parse(dt.date(2023, 9, 19))  # type: ignore[arg-type]
    cc.Count(best="3")  # type: ignore[arg-type]
    cc.Citation(cc.SourceId("gdc"), [5])  # type: ignore[arg-type]
    cc.Participant("azerbaijan", "initiator")  # type: ignore[arg-type]
    cc.Actor(id=cc.ActorId("x"), name="X", kind="state", citations=())  # type: ignore[arg-type]
    cc.Stance(id=cc.StanceId("s"), holder_id=cc.ActorId("a"), kind=cc.StanceKind.SUPPORTS,
              toward=cc.ActorId("b"), citations=())  # type: ignore[call-arg]
