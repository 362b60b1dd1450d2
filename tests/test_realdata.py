"""Cross-checks against real third-party rows (PA-X peace agreements) in ../shared/realdata/.

The extract is not shipped and its licence is not stated, so these tests read it only
when it is there and skip cleanly otherwise.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

import caucasus_conflict as cc

PAX = Path(__file__).parents[2] / "shared" / "realdata" / "pax_armenia_azerbaijan.csv"
CITE = (cc.Citation(cc.SourceId("pax"), (1,)),)


@pytest.fixture(scope="module")
def pax_rows() -> list[dict[str, str]]:
    """The PA-X rows for this conflict, or a skip when the extract is absent."""
    if not PAX.exists():
        pytest.skip("../shared/realdata/pax_armenia_azerbaijan.csv is not available")
    with PAX.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def pax_day(text: str) -> cc.TimeSpan:
    """A PA-X date (dd/mm/yyyy) as a day span."""
    day = dt.datetime.strptime(text, "%d/%m/%Y").date()
    return cc.TimeSpan.day(day.year, day.month, day.day)


class TestArmisticeAgainstPax:
    def test_external_id_names_the_trilateral_statement(self, bundled: cc.Dataset,
                                                        pax_rows: list[dict[str, str]]) -> None:
        """The armistice's PA-X id is a real ceasefire-stage agreement signed by Armenia, Azerbaijan and Russia."""
        (armistice,) = bundled.ceasefires
        (pax_id,) = [x.value for x in armistice.external_ids if x.scheme == "pax"]
        (row,) = [r for r in pax_rows if r["AgtId"] == pax_id]
        assert row["Stage"] == "Cea"
        for state in ("Azerbaijan", "Armenia", "Russian Federation"):
            assert state in row["Part"]

    def test_month_precision_holds_the_real_day(self, bundled: cc.Dataset, pax_rows: list[dict[str, str]]) -> None:
        """The article gives only 'November 2020'; the real signing day lies inside that month, and no day was invented."""
        (armistice,) = bundled.ceasefires
        (row,) = [r for r in pax_rows if r["AgtId"] == "2324"]
        assert armistice.declared.precision is cc.Precision.MONTH
        assert armistice.declared.contains(pax_day(row["Dat"]))


class TestRealRowsThroughTheModel:
    def test_pax_ceasefires_load_and_sort(self, pax_rows: list[dict[str, str]]) -> None:
        """Every ceasefire-stage PA-X row becomes a valid Ceasefire, and the data set orders them by date."""
        source = cc.Source(id=cc.SourceId("pax"), title="PA-X extract", publisher="PeaceRep",
                           url="https://www.peaceagreements.org/", credit="PA-X, PeaceRep",
                           published=cc.TimeSpan.parse("2026"), blocks=1)
        actors = tuple(cc.Actor(id=cc.ActorId(a.lower()), name=a, kind=cc.ActorKind.STATE, citations=CITE)
                       for a in ("Armenia", "Azerbaijan"))
        rows = [r for r in pax_rows if r["Stage"] == "Cea"]
        assert rows, "the extract should hold ceasefire-stage agreements"
        ceasefires = tuple(
            cc.Ceasefire(id=cc.CeasefireId(f"pax-{r['AgtId']}"), name=r["Agt"],
                         party_ids=(cc.ActorId("armenia"), cc.ActorId("azerbaijan")),
                         declared=pax_day(r["Dat"]), external_ids=(cc.ExternalId("pax", r["AgtId"]),),
                         citations=CITE)
            for r in rows
        )
        ds = cc.loads(cc.dumps(cc.Dataset(sources=(source,), actors=actors, ceasefires=ceasefires)))
        days = [c.declared.format() for c in ds.ceasefires_in_order()]
        assert days == sorted(pax_day(r["Dat"]).format() for r in rows)
        assert ds.ceasefires_involving("Armenia") == ds.ceasefires_in_order()
