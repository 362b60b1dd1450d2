"""An analyst's questions, one call each: a profile, casualty figures and totals, search, a table.

``Dataset.profile(actor)`` gathers everything the data set holds on one actor;
``Dataset.casualties(...)`` lists casualty figures as reported and
``Dataset.casualty_total(...)`` adds them up without counting anyone twice;
``Dataset.search(text)`` reads every summary, note and quote; ``Dataset.to_frame(kind)``
gives a pandas table of any record kind (with the ``frames`` extra).

Run it from the repository root::

    python examples/analyst_questions.py
"""

from __future__ import annotations

import caucasus_conflict as cc


def main() -> None:
    """Print a profile of Russia, the casualty figures with their total, search hits and a table."""
    ds = cc.load()

    print("What did Russia do?")
    print(ds.profile("Moscow").format(width=100))
    print()

    print("Casualty figures, as reported:")
    for figure in ds.casualties():
        event = ds.event(figure.event_id)
        reporter = ds.actor(figure.reported_by_id).name if figure.reported_by_id else "not named"
        print(f"  {event.span.format()} {event.id}: killed {figure.killed or 'not given'}, "
              f"injured {figure.injured or 'not given'}, {figure.group.value}, reported by {reporter}")
    print(f"Total: {ds.casualty_total()}")
    in_2023 = ds.casualties(start="2023", end="2023")
    print(f"Total in 2023: {ds.casualty_total(in_2023)}")
    print()

    print("Where the article's words mention 'Erdoğan' (any accent, any case):")
    for hit in ds.search("erdogan"):
        print(f"  {type(hit.record).__name__.lower()} {hit.record.id} [{hit.field}]: {hit.snippet}")
    print()

    try:
        frame = ds.to_frame("claims")
    except cc.MissingExtraError as exc:
        print(f"No table: {exc}")
    else:
        counts = frame["claimant_id"].value_counts()
        print(f"Claims per claimant, from a {len(frame)}-row pandas table:")
        for claimant, count in sorted(counts.items(), key=lambda pair: (-pair[1], pair[0])):
            print(f"  {claimant}: {count}")


if __name__ == "__main__":
    main()
