"""A name not in Unicode normal form C comes back from a writer as the source wrote it.

The model holds names in normal form C (so that one name is one text, for look-ups and
merges), which changes the code points of a cell such as U+2F800, a CJK compatibility
ideograph whose normal form C is U+4E3D. A reader never silently changes a source value:
the text as written is kept in the record's source codes, and a writer gives it back.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from pathlib import Path

import pytest

from caucasus_conflict.formats import read_rows

from ._support import fixture, quietly, write_quietly

COMPAT = "\U0002f800"  # normal form C: U+4E3D
assert unicodedata.normalize("NFC", COMPAT) == "\u4e3d" != COMPAT

FIXTURES = Path(__file__).parents[1] / "fixtures" / "formats"
ETHPRIO_HEADER = "cc,cf_id,actor_name,ucdp_actor_id,cf_dec_yr,cf_dec_month,cf_dec_day\n"


class TestEthprio:
    @pytest.mark.parametrize("text", [COMPAT, "Cafe\u0301", "A\u030a"])  # decomposed accents too
    def test_a_party_name_comes_back_as_written(self, tmp_path: Path, text: str) -> None:
        original = tmp_path / "a.csv"
        original.write_text(ETHPRIO_HEADER + f"0,0,Front {text},,2000,-1,-1\n", encoding="utf-8")
        ds = quietly(original, source_id="cf")
        assert [a.name for a in ds.actors] == [unicodedata.normalize("NFC", f"Front {text}")]  # the model's form
        back = tmp_path / "b.csv"
        write_quietly(ds, back, "ethprio-ceasefires")
        assert [r.actor_name for r in read_rows(back).rows] == [f"Front {text}"]
        assert quietly(back, source_id="cf").actors == ds.actors

    def test_two_spellings_differing_only_in_normal_form_are_one_name(self, tmp_path: Path) -> None:
        original = tmp_path / "a.csv"
        original.write_text(ETHPRIO_HEADER + f"0,0,{COMPAT},5,2000,-1,-1\n0,1,\u4e3d,5,2001,-1,-1\n",
                            encoding="utf-8")
        ds = quietly(original, source_id="cf")
        (actor,) = ds.actors
        assert (actor.name, actor.aliases) == ("\u4e3d", ())
        back = tmp_path / "b.csv"
        write_quietly(ds, back, "ethprio-ceasefires")
        assert [r.actor_name for r in read_rows(back).rows] == [COMPAT, "\u4e3d"]


class TestAcled:
    """On the project's invented ACLED fixture (no ACLED row is ever committed)."""

    @pytest.mark.parametrize("text", [COMPAT, "Cafe\u0301"])
    def test_an_actor_name_comes_back_as_written(self, tmp_path: Path, text: str) -> None:
        rows = list(csv.reader(io.StringIO(fixture("acled.csv").read_text(encoding="utf-8"))))
        column = rows[0].index("actor1")
        name = rows[1][column]
        original = tmp_path / "a.csv"
        original.write_text(fixture("acled.csv").read_text(encoding="utf-8").replace(name, f"{name} {text}"),
                            encoding="utf-8")
        ds = quietly(original)
        assert unicodedata.normalize("NFC", f"{name} {text}") in {a.name for a in ds.actors}
        back = tmp_path / "b.csv"
        write_quietly(ds, back, "acled")
        assert [r.actor1 for r in read_rows(back).rows] == [r.actor1 for r in read_rows(original).rows]
        assert [a.name for a in quietly(back).actors] == [a.name for a in ds.actors]


class TestGed:
    @pytest.mark.parametrize("text", [COMPAT, "Cafe\u0301"])
    @pytest.mark.parametrize("column", ["side_a", "side_b"])
    def test_a_side_name_comes_back_as_written(self, tmp_path: Path, text: str, column: str) -> None:
        source = FIXTURES.joinpath("ged.csv").read_text(encoding="utf-8")
        rows = list(csv.reader(io.StringIO(source)))
        name = rows[1][rows[0].index(column)]
        original = tmp_path / "g.csv"
        original.write_text(source.replace(name, f"{name} {text}"), encoding="utf-8")
        ds = quietly(original)
        assert unicodedata.normalize("NFC", f"{name} {text}") in {a.name for a in ds.actors}
        back = tmp_path / "b.csv"
        write_quietly(ds, back, "ucdp-ged")
        assert [getattr(r, column) for r in read_rows(back).rows] == [getattr(r, column) for r in read_rows(original).rows]
        assert [a.name for a in quietly(back).actors] == [a.name for a in ds.actors]
