"""Quickstart: load the bundled data set and ask it the first few questions.

Shows loading, name lookup by alias, a date-window query, stances, territorial
control, the source credit and the error a misspelt name gives.

Run it from the repository root::

    python examples/quickstart.py
"""

from __future__ import annotations

import caucasus_conflict as cc


def main() -> None:
    """Print a short tour of the bundled data set."""
    ds = cc.load()

    source = ds.sources[0]
    print(f"Source: {source.title}")
    print(f"  by {source.publisher}, {source.url} (published {source.published})")
    print(
        f"Records: {len(ds.actors)} actors, {len(ds.territories)} territories, {len(ds.events)} events, "
        f"{len(ds.ceasefires)} ceasefire(s), {len(ds.claims)} claims, {len(ds.stances)} stances"
    )

    # Names, aliases and metonyms all find the same record.
    for name in ("Baku", "Ankara", "Pashiniyan", "Artsakh"):
        record = ds.get_actor(name) or ds.territory(name)
        print(f"{name!r} is {record.name} (id {record.id!r})")

    print("\nEvents that can fall in September 2023:")
    for event in ds.events_between("2023-09", "2023-09"):
        print(f"  {event.span.format():<20} {event.kind.value:<12} {event.summary}")

    supporters = ds.actors_by_stance("supports", toward="Azerbaijan")
    print("\nWho supported Azerbaijan:", ", ".join(actor.name for actor in supporters))

    print("Who controlled the Lachin corridor on 2021-06-01:")
    for period in ds.controller_of("Lachin corridor", at="2021-06-01"):
        names = ", ".join(ds.actor(actor_id).name for actor_id in period.controller_ids)
        print(f"  {names} ({period.extent.value}, {period.span.format()})")

    try:
        ds.actor("Azerbijan")
    except cc.UnknownNameError as exc:
        print(f"\nA misspelt name raises UnknownNameError: {exc}")
        print(f"  exc.suggestions == {exc.suggestions!r}")

    print(f"\nCredit: {source.credit}")


if __name__ == "__main__":
    main()
