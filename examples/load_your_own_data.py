"""Your own data: build a small data set in code, save it, load it back, query it, break it.

The same model and queries that serve the bundled data set work on any file in
the ``caucasus_conflict/1`` format. This script builds a tiny data set from the
record classes, writes it with ``cc.dump``, reads it back with ``cc.load(path)``,
asks it a few questions, and then shows the ``DataError`` that broken files
give: every problem at once, each with the file and the JSON path. Everything
happens in a temporary directory that is removed at the end.

Run it from the repository root::

    python examples/load_your_own_data.py
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import caucasus_conflict as cc

SOURCE = cc.SourceId("my-notes")


def cite(*blocks: int, quote: str | None = None) -> tuple[cc.Citation, ...]:
    """Cite blocks (paragraphs) of my notes."""
    return (cc.Citation(SOURCE, blocks, quote=quote),)


def build() -> cc.Dataset:
    """A small data set: two states, a mediator, one territory, three events, two claims, a stance."""
    alpha, beta, gamma = cc.ActorId("alpha"), cc.ActorId("beta"), cc.ActorId("gamma")
    valley = cc.TerritoryId("green-valley")
    source = cc.Source(
        id=SOURCE, title="Field notes", publisher="Me", url="https://example.org/notes",
        published=cc.TimeSpan.parse("2024-03"), credit="Field notes (c) 2024 Me", blocks=5,
    )
    actors = (
        cc.Actor(id=alpha, name="Alphaland", kind=cc.ActorKind.STATE, aliases=("Alpha City",), citations=cite(1)),
        cc.Actor(id=beta, name="Betastan", kind=cc.ActorKind.STATE, aliases=("Beta",), citations=cite(1)),
        cc.Actor(id=gamma, name="Gamma Union", kind=cc.ActorKind.ORGANISATION, aliases=("GU",), citations=cite(4)),
    )
    territory = cc.Territory(
        id=valley, name="Green Valley", kind=cc.TerritoryKind.REGION, aliases=("The Valley",),
        control=(
            cc.ControlPeriod(controller_ids=(beta,), span=cc.TimeSpan.parse("../2023"), citations=cite(2)),
            cc.ControlPeriod(controller_ids=(alpha,), span=cc.TimeSpan.parse("2024-01/.."),
                             extent=cc.ControlExtent.PART, share=0.5, citations=cite(3)),
        ),
        citations=cite(2),
    )
    events = (
        cc.Event(id=cc.EventId("valley-offensive"), kind=cc.EventKind.OFFENSIVE, summary="Alphaland attacked.",
                 span=cc.TimeSpan.day(2024, 1, 15), territory_ids=(valley,),
                 participants=(cc.Participant(alpha, cc.Role.INITIATOR), cc.Participant(beta, cc.Role.TARGET)),
                 casualties=(cc.Casualties(killed=cc.Count(low=40, reported_as="at least 40"),
                                           reported_by_id=beta, citations=cite(3)),),
                 citations=cite(3)),
        cc.Event(id=cc.EventId("valley-talks"), kind=cc.EventKind.NEGOTIATION, summary="Talks under the GU.",
                 span=cc.TimeSpan.parse("2024-02"),
                 participants=(cc.Participant(alpha, cc.Role.PARTICIPANT), cc.Participant(beta, cc.Role.PARTICIPANT),
                               cc.Participant(gamma, cc.Role.MEDIATOR)),
                 citations=cite(4)),
        cc.Event(id=cc.EventId("old-border-war"), kind=cc.EventKind.WAR, summary="An old war, date not given.",
                 span=cc.TimeSpan.unknown(), participants=(cc.Participant(alpha, cc.Role.PARTICIPANT),),
                 citations=cite(5)),
    )
    claims = (
        cc.Claim(id=cc.ClaimId("alpha-self-defence"), claimant_id=alpha, span=cc.TimeSpan.day(2024, 1, 15),
                 medium=cc.Medium.OFFICIAL_STATEMENT, summary="Alphaland says it acted in self-defence.",
                 quote="a defensive measure", about_event_ids=(cc.EventId("valley-offensive"),),
                 citations=cite(3, quote="a defensive measure")),
        cc.Claim(id=cc.ClaimId("beta-unprovoked"), claimant_id=beta, span=cc.TimeSpan.parse("2024-01"),
                 summary="Betastan calls the attack unprovoked.", about_actor_ids=(alpha,),
                 disputes_ids=(cc.ClaimId("alpha-self-defence"),), citations=cite(3)),
    )
    stances = (
        cc.Stance(id=cc.StanceId("gu-mediates"), holder_id=gamma, kind=cc.StanceKind.MEDIATES,
                  toward_territory_id=valley, span=cc.TimeSpan.parse("2024-02/.."), citations=cite(4)),
    )
    return cc.Dataset(sources=(source,), actors=actors, territories=(territory,), events=events,
                      claims=claims, stances=stances)


def query(ds: cc.Dataset) -> None:
    """Ask the loaded data set the same questions one asks the bundled one."""
    print("Events in January 2024:", [e.id for e in ds.events_between("2024-01", "2024-01")])
    print("Events in 2024, undated included:",
          [e.id for e in ds.events_between("2024", "2024", include_undated=True)])
    print("Events involving 'alpha city':", [e.id for e in ds.events_involving("alpha city")])
    print("Who controlled The Valley in 2024-03:",
          [p.controller_ids for p in ds.controller_of("The Valley", at="2024-03")])
    print("Who mediates in Green Valley:", [a.name for a in ds.actors_by_stance("mediates", toward="Green Valley")])
    for first, second in ds.contradictions():
        print(f"Contradiction: {first.id!r} vs {second.id!r}")


def main() -> None:
    """Build, dump, load, query, then load two broken files; all inside a temporary directory."""
    mine = build()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "my_events.json"
        cc.dump(mine, path)
        print(f"Wrote {path.name}: {path.stat().st_size} bytes, format {json.loads(path.read_text())['format']!r}")
        loaded = cc.load(path)
        print("Loaded back equal to what was written:", loaded == mine)
        query(loaded)

        # A file with mistakes in its records: every one is reported, with its JSON path.
        data = cc.to_dict(mine)
        data["actors"][0]["kindd"] = data["actors"][0].pop("kind")
        data["events"][0]["span"] = "2024-02-30"
        data["events"][0]["casualties"][0]["killed"] = {"low": -40}
        broken = Path(tmp) / "broken.json"
        broken.write_text(json.dumps(data), encoding="utf-8")
        try:
            cc.load(broken)
        except cc.DataError as exc:
            print(f"\nDataError from a malformed file ({len(exc.problems)} problems):")
            print(str(exc).replace(tmp, "<tmp>"))

        # Well-formed records that do not fit together: a dangling reference.
        data = cc.to_dict(mine)
        data["stances"][0]["holder_id"] = "gama"
        dangling = Path(tmp) / "dangling.json"
        dangling.write_text(json.dumps(data), encoding="utf-8")
        try:
            cc.load(dangling)
        except cc.DataError as exc:
            print(f"\nDataError from an inconsistent file ({len(exc.problems)} problem):")
            for problem in exc.problems:
                print(f"  path {problem.path!r}: {problem.message}")
    print("\nTemporary directory removed:", not Path(tmp).exists())


if __name__ == "__main__":
    main()
