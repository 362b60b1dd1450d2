"""Stances: who supports, opposes, mediates, has close ties with or is concerned about whom.

A ``Stance`` is one actor's position toward exactly one actor, territory or
event, over a span of time. ``Dataset.actors_by_stance(kind, toward=..., at=...)``
answers "who supported Azerbaijan?"; with ``at`` it counts only stances whose
span can overlap that date, so a stance the article dates to 2020 does not
answer a question about 2023.

Run it from the repository root::

    python examples/actors_by_stance.py
"""

from __future__ import annotations

import caucasus_conflict as cc


def target_name(ds: cc.Dataset, stance: cc.Stance) -> str:
    """The name of whatever the stance is toward: an actor, a territory or an event."""
    if stance.toward_actor_id is not None:
        return ds.actor(stance.toward_actor_id).name
    if stance.toward_territory_id is not None:
        return ds.territory(stance.toward_territory_id).name
    return f"event {ds.event(stance.toward_id).summary!r}"


def main() -> None:
    """Print every stance grouped by kind, then answer questions with and without a date."""
    ds = cc.load()

    print(f"{len(ds.stances)} stances, by kind:")
    for kind in cc.StanceKind:
        stances = sorted((s for s in ds.stances if s.kind is kind), key=lambda s: s.id)
        print(f"  {kind.value} ({len(stances)})")
        for stance in stances:
            holder = ds.actor(stance.holder_id).name
            print(f"    {holder} -> {target_name(ds, stance)}  [{stance.span.format()}]")

    print("\nQuestions:")
    questions: list[tuple[cc.StanceKind, str, str | None]] = [
        (cc.StanceKind.SUPPORTS, "Azerbaijan", None),
        (cc.StanceKind.SUPPORTS, "Baku", "2020"),
        (cc.StanceKind.SUPPORTS, "Azerbaijan", "2023"),
        (cc.StanceKind.OPPOSES, "Armenia", None),
        (cc.StanceKind.CLOSE_TIES, "Moscow", "2023-09"),
        (cc.StanceKind.MEDIATES, "Lachin corridor", "2021-06-01"),
        (cc.StanceKind.OPPOSES, "offensive-2023", None),
    ]
    for kind, toward, at in questions:
        actors = ds.actors_by_stance(kind, toward=toward, at=at)
        names = ", ".join(actor.name for actor in actors) or "nobody"
        when = f" at {at}" if at is not None else ""
        print(f"  {kind.value} {toward}{when}: {names}")

    # The stance records behind an answer carry the dates and citations.
    print("\nThe evidence for 'Turkey supports Azerbaijan':")
    for stance in ds.stances_toward("supports", toward="Azerbaijan"):
        blocks = ", ".join(str(b) for citation in stance.citations for b in citation.blocks)
        print(f"  {stance.id}: {stance.span.format()} (basis {stance.span.basis.value}), blocks {blocks}")
        for claim_id in stance.claim_ids:
            print(f"    read from claim {claim_id}: {ds.claim(claim_id).summary}")


if __name__ == "__main__":
    main()
