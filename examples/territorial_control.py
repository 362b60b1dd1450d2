"""Territorial control: who held Nagorno-Karabakh, the Lachin corridor, the oblast and the districts.

``Dataset.controller_of(territory, at=...)`` returns every control period that
can be in force at some time during *at*. Imprecision on either side widens the
answer. A query date given as a whole year (``"2020"``) covers all of that year;
and a period the article dates only to a year (Armenia's control "until 2020",
Azerbaijan's "from 2020") covers every day of that year too. So for any date in
2020 both the period that ended and the one that began are returned: the
article does not say on which day control changed hands. Each period's span
also says whether its dates are stated in the article or inferred, and why.

The article knows nothing after September 2023, its publication month (its
knowledge horizon). A period with an open end, such as Russia's patrol of the
Lachin corridor from November 2020, is therefore shown for a later date as "last
known as of 2023-09", never as a plain answer (``Dataset.last_known_as_of``).

Run it from the repository root::

    python examples/territorial_control.py
"""

from __future__ import annotations

import caucasus_conflict as cc

TERRITORIES = (
    "Nagorno-Karabakh",
    "Lachin corridor",
    "Nagorno-Karabakh Autonomous Oblast",
    "seven adjacent districts",
)
DATES = ("1995", "2020", "2020-06-01", "2021-06-01", "2023-09-19", "2023-10-01")


def describe(ds: cc.Dataset, period: cc.ControlPeriod) -> str:
    """One line for a control period: who, how much, de facto or not, over which span."""
    who = " and ".join(ds.actor(actor_id).name for actor_id in period.controller_ids)
    extent = period.extent.value
    if period.share is not None:
        extent += f", about {period.share:.0%}"
    legal = "de facto" if period.de_facto else "de jure"
    return f"{who} ({extent}, {legal}, {period.span.format()})"


def marked(ds: cc.Dataset, period: cc.ControlPeriod, when: str) -> str:
    """`describe`, prefixed with "last known as of ..." when *when* is past what the source knows."""
    horizon = ds.last_known_as_of(period, at=when)
    return describe(ds, period) if horizon is None else f"last known as of {horizon}: {describe(ds, period)}"


def main() -> None:
    """Print the controllers of four territories at several dates, then explain the dates."""
    ds = cc.load()
    for name in TERRITORIES:
        territory = ds.territory(name)
        print(f"{territory.name} [{territory.kind.value}]")
        for when in DATES:
            periods = ds.controller_of(territory, at=when)
            found = "; ".join(marked(ds, p, when) for p in periods) if periods else "no control period recorded"
            flag = "  <- both can be in force: the dates are too coarse to tell" if len(periods) > 1 else ""
            print(f"  at {when:<11} {found}{flag}")
        print()

    print("How the control periods are dated:")
    for name in TERRITORIES:
        territory = ds.territory(name)
        for period in territory.control:
            span = period.span
            print(f"  {territory.name}: {describe(ds, period)}")
            print(f"    precision {span.precision.value}, first day {span.first_day}, last day {span.last_day}")
            if span.basis is cc.Basis.INFERRED:
                print(f"    inferred: {span.reason}")
            else:
                print("    stated in the article")
            if period.note is not None:
                print(f"    note: {period.note}")

    # Once the year of the change is past, one period remains.
    print("\nAt '2020' Nagorno-Karabakh has", len(ds.controller_of("Artsakh", at="2020")),
          "control periods; at '2021-06-01' it has", len(ds.controller_of("Artsakh", at="2021-06-01")))


if __name__ == "__main__":
    main()
