"""A side or party whose name has no letters or digits (``":"``, blank): reported at its cell, never a crash (#11).

A file's actor is looked up by its folded name, so a name of punctuation alone names
nothing. The readers keep the actor under its UCDP id, report the cell with the file, line
and column, keep the cell as written for the writer, and read the rest of the file.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import attrs
import pytest

import caucasus_conflict as cc
from caucasus_conflict.formats import read_rows

from ._support import fixture, messages, quietly, without_lines, write_quietly


def with_cell(tmp_path: Path, name: str, column: str, text: str, *, line: int = 2) -> Path:
    """A copy of the fixture *name* with the cell of *column* on *line* set to *text*."""
    table = list(csv.reader(io.StringIO(fixture(name).read_text(encoding="utf-8"))))
    table[line - 1][table[0].index(column)] = text
    path = tmp_path / name
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(table)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def same_rows(first: Path, second: Path) -> bool:
    """Whether two files hold the same rows in the same order, apart from their lines."""
    return without_lines(read_rows(first).rows) == without_lines(read_rows(second).rows)


@pytest.mark.parametrize("text", [":", " ", ", ,", ""])
def test_ged_side_without_a_name_takes_part_under_its_id(tmp_path: Path, text: str) -> None:
    path = with_cell(tmp_path, "ged.csv", "side_a", text)
    (row, *_) = read_rows(path).rows
    ds = quietly(path)
    event = next(e for e in ds.events if e.source_codes and f"ged-{row.id}" == e.id)
    actor_id = f"ucdp-actor-{row.side_a_new_id}"
    assert actor_id in [p.actor_id for p in event.participants]
    said = "the side has no name" if text == "" else \
        f"the side's name {text!r} has no letters or digits to look it up by"
    assert f"{path}:2:side_a: {said}; UCDP actor {row.side_a_new_id} takes part unnamed here" in messages(ds.problems)
    # Another row names the actor, or it is named from its id, with a note saying why.
    actor = ds.actor(actor_id)
    assert actor.name != text
    assert (actor.note is None) == any(
        r.side_a_new_id == row.side_a_new_id and r.side_a and r.side_a.strip(":, ") for r in read_rows(path).rows[1:])
    with pytest.raises(cc.DataError) as info:
        cc.read(path, strict=True)
    assert f"{path}:2:side_a" in str(info.value)
    write_quietly(ds, tmp_path / "again.csv", "ucdp-ged")
    assert read_rows(tmp_path / "again.csv").rows[0].side_a == read_rows(path).rows[0].side_a


@pytest.mark.parametrize("column", ["side_a", "side_b_2nd"])
def test_acd_side_without_a_name_is_reported(tmp_path: Path, column: str) -> None:
    table = list(csv.reader(io.StringIO(fixture("acd.csv").read_text(encoding="utf-8"))))
    line = next(i for i, r in enumerate(table[1:], start=2) if r[table[0].index(column)])
    path = with_cell(tmp_path, "acd.csv", column, ":", line=line)
    ds = quietly(path)
    (problem,) = [m for m in messages(ds.problems) if m.startswith(f"{path}:{line}:{column}:")]
    assert problem.startswith(f"{path}:{line}:{column}: the name ':' has no letters or digits to look it up by; ")
    assert problem.endswith(" takes part unnamed here")
    assert ":" not in [n for a in ds.actors for n in a.names]
    write_quietly(ds, tmp_path / "again.csv", "ucdp-acd")
    assert same_rows(path, tmp_path / "again.csv")


def test_ethprio_party_without_a_name_is_reported(tmp_path: Path) -> None:
    path = with_cell(tmp_path, "ethprio.csv", "actor_name", "::")
    ds = quietly(path)
    assert f"{path}:2:actor_name: the name '::' has no letters or digits to look it up by; the party is named " \
           "from its UCDP id, or left out without one" in messages(ds.problems)
    assert "::" not in [n for a in ds.actors for n in a.names]


def test_a_rule_the_mapping_misses_still_names_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """Should a mapping let through a record the model refuses, the DataError still names the file read."""
    from caucasus_conflict.formats import _model

    real_mapper = _model._MAPPERS["ucdp-ged"]

    def clashing(*args: object) -> tuple[dict[str, object], list[cc.Problem]]:
        records, problems = real_mapper(*args)  # type: ignore[arg-type]
        actors = records["actors"]
        assert isinstance(actors, tuple)
        return {**records, "actors": (*actors, attrs.evolve(actors[0], id="clash"))}, problems

    monkeypatch.setitem(_model._MAPPERS, "ucdp-ged", clashing)
    with pytest.raises(cc.DataError) as info:
        quietly(fixture("ged.csv"))
    assert info.value.file == str(fixture("ged.csv"))
    assert str(info.value).startswith(f"{fixture('ged.csv')}: ")
    assert "read() does not set aside" in str(info.value)
