"""Run every script in ``examples/`` and check that it prints the facts it should.

Each example runs once, in a subprocess with this interpreter and an empty working
directory, and its output is shared by the tests of its class. Expected values are
derived through the public API, so the tests follow the bundled data as it grows; a
few stable facts (Turkey supporting Azerbaijan, Russia patrolling the Lachin corridor)
are pinned. Every example must have a test class here (``TestEveryExampleIsTested``).
"""

from __future__ import annotations

import functools
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

import caucasus_conflict as cc

EXAMPLES = Path(__file__).parents[1] / "examples"


@functools.cache
def run(name: str) -> str:
    """Run ``examples/<name>`` in a fresh temporary directory and return its standard output."""
    with tempfile.TemporaryDirectory() as workdir:
        scratch = Path(workdir) / "tmp"
        scratch.mkdir()
        env = {**os.environ, "TMPDIR": str(scratch), "PYTHONIOENCODING": "utf-8"}
        result = subprocess.run(
            [sys.executable, str(EXAMPLES / name)],
            cwd=workdir, env=env, capture_output=True, text=True, encoding="utf-8", timeout=300, check=False,
        )
        leftovers = sorted(p.name for p in scratch.iterdir())
    assert result.returncode == 0, f"{name} failed:\n{result.stderr}"
    assert result.stderr == "", f"{name} wrote to stderr:\n{result.stderr}"
    assert leftovers == [], f"{name} left temporary files behind: {leftovers}"
    return result.stdout


def section(output: str, heading: str) -> str:
    """Return the block of *output* from the line starting with *heading* to the next blank line."""
    start = output.index(heading)
    end = output.find("\n\n", start)
    return output[start:] if end == -1 else output[start:end]


@pytest.fixture(scope="module")
def ds() -> cc.Dataset:
    """The bundled data set."""
    return cc.load()


class TestEveryExampleIsTested:
    def test_each_example_has_a_test_class(self) -> None:
        """Every ``examples/*.py`` file is the ``example`` of exactly one test class in this module."""
        covered = sorted(name for cls in globals().values() if isinstance(cls, type)
                         if isinstance(name := getattr(cls, "example", None), str))
        assert covered == sorted(p.name for p in EXAMPLES.glob("*.py"))

    def test_each_example_has_a_docstring_saying_how_to_run_it(self) -> None:
        """Every example opens with a module docstring that shows the command to run it."""
        for path in EXAMPLES.glob("*.py"):
            text = path.read_text(encoding="utf-8")
            assert text.startswith('"""'), path.name
            docstring = text.split('"""')[1]
            assert f"python examples/{path.name}" in docstring, path.name


class TestQuickstart:
    example = "quickstart.py"

    def test_counts_every_collection(self, ds: cc.Dataset) -> None:
        """The record counts printed are those of the bundled data set."""
        out = run(self.example)
        assert (f"Records: {len(ds.actors)} actors, {len(ds.territories)} territories, "
                f"{len(ds.events)} events, {len(ds.ceasefires)} ceasefire(s), {len(ds.claims)} claims, "
                f"{len(ds.stances)} stances") in out

    def test_resolves_aliases(self) -> None:
        """Metonyms and spellings resolve to their records."""
        out = run(self.example)
        assert "'Baku' is Azerbaijan (id 'azerbaijan')" in out
        assert "'Ankara' is Turkey (id 'turkey')" in out
        assert "'Artsakh' is Nagorno-Karabakh (id 'nagorno-karabakh')" in out

    def test_lists_september_2023_events(self, ds: cc.Dataset) -> None:
        """Every event that can fall in September 2023 is listed, in chronological order."""
        out = section(run(self.example), "Events that can fall in September 2023")
        expected = ds.events_between("2023-09", "2023-09")
        assert expected
        positions = [out.index(event.summary) for event in expected]
        assert positions == sorted(positions)

    def test_supporters_of_azerbaijan(self, ds: cc.Dataset) -> None:
        """The supporters line names every actor supporting Azerbaijan, Turkey among them."""
        names = [actor.name for actor in ds.actors_by_stance("supports", toward="Azerbaijan")]
        assert "Turkey" in names
        assert f"Who supported Azerbaijan: {', '.join(names)}\n" in run(self.example)

    def test_lachin_corridor_controller(self) -> None:
        """Russia is shown controlling the Lachin corridor in June 2021."""
        assert "  Russia (full, 2020-11/..)" in section(run(self.example), "Who controlled the Lachin corridor")

    def test_misspelt_name_suggests(self, ds: cc.Dataset) -> None:
        """A misspelt actor name shows the UnknownNameError message and its suggestions."""
        with pytest.raises(cc.UnknownNameError) as caught:
            ds.actor("Azerbijan")
        out = run(self.example)
        assert f"A misspelt name raises UnknownNameError: {caught.value}" in out
        assert f"exc.suggestions == {caught.value.suggestions!r}" in out

    def test_credits_the_source(self, ds: cc.Dataset) -> None:
        """The source's title, publisher, URL and credit line are printed."""
        out = run(self.example)
        source = ds.sources[0]
        for text in (source.title, source.publisher, "https://www.globaldefensecorp.com/", source.credit):
            assert text in out


class TestClaimsAndContradictions:
    example = "claims_and_contradictions.py"

    def test_every_claim_and_quote(self, ds: cc.Dataset) -> None:
        """Every claim's summary, and every quote the article gives, is printed."""
        out = run(self.example)
        for claim in ds.claims:
            assert claim.summary in out, claim.id
            if claim.quote is not None:
                assert f'quoted: "{claim.quote}"' in out, claim.id

    def test_claims_grouped_by_claimant(self, ds: cc.Dataset) -> None:
        """Each claimant's section lists that claimant's claims in chronological order."""
        out = run(self.example)
        claimants = {c.claimant_id for c in ds.claims if c.claimant_id is not None}
        assert f"{len(ds.claims)} claims by {len(claimants)} claimants" in out
        for actor_id in claimants:
            actor = ds.actor(actor_id)
            block = section(out, f"{actor.name} ({actor.kind.value}):\n")
            positions = [block.index(claim.summary) for claim in ds.claims_by(actor)]
            assert positions == sorted(positions), actor_id

    def test_pashinyan_is_quoted(self) -> None:
        """Pashinyan, found under his own name, is quoted saying Azerbaijan 'declared war'."""
        block = section(run(self.example), "Nikol Pashinyan (person):")
        assert 'quoted: "declared war"' in block

    def test_unattributed_claims(self, ds: cc.Dataset) -> None:
        """Claims without a claimant are listed in their own section."""
        block = section(run(self.example), "Reported without naming who said it:")
        for claim in ds.unattributed_claims():
            assert claim.summary in block

    def test_contradictions(self, ds: cc.Dataset) -> None:
        """Every pair of disputing claims is printed, earlier first, with who disputes whom."""
        pairs = ds.contradictions()
        assert pairs
        block = section(run(self.example), f"{len(pairs)} pairs of claims that dispute each other")
        lines = block.splitlines()
        for first, second in pairs:
            (index,) = [i for i, line in enumerate(lines) if line.startswith("  * ") and first.summary in line]
            verb = "is disputed by" if first.id in second.disputes_ids else "disputes"
            assert lines[index + 1].startswith(f"    {verb}: ")
            assert second.summary in lines[index + 1]

    def test_claims_about_turkey(self, ds: cc.Dataset) -> None:
        """The claims about Turkey are those ``claims_about('Turkey')`` returns."""
        about = ds.claims_about("Turkey")
        block = section(run(self.example), f"{len(about)} claims about Turkey")
        assert len(block.splitlines()) == len(about) + 1
        for claim in about:
            assert claim.summary in block


class TestTerritorialControl:
    example = "territorial_control.py"
    territories = ("Nagorno-Karabakh", "Lachin corridor", "Nagorno-Karabakh Autonomous Oblast",
                   "Seven adjacent districts")
    dates = ("1995", "2020", "2020-06-01", "2021-06-01", "2023-09-19", "2023-10-01")

    def test_controllers_at_each_date(self, ds: cc.Dataset) -> None:
        """Each territory's line for each date names exactly the controllers ``controller_of`` returns."""
        out = run(self.example)
        for name in self.territories:
            territory = ds.territory(name)
            block = section(out, f"{territory.name} [{territory.kind.value}]")
            for when in self.dates:
                (line,) = [row for row in block.splitlines() if row.startswith(f"  at {when} ")]
                periods = ds.controller_of(territory, at=when)
                if not periods:
                    assert "no control period recorded" in line
                for period in periods:
                    for actor_id in period.controller_ids:
                        assert ds.actor(actor_id).name in line, (name, when)
                    assert period.span.format() in line
                    horizon = ds.last_known_as_of(period, at=when)
                    marker = f"last known as of {horizon}: " if horizon is not None else "last known"
                    assert (marker in line) == (horizon is not None), (name, when)
                assert ("both can be in force" in line) == (len(periods) > 1)

    def test_stable_facts(self) -> None:
        """Russia holds the corridor from 2020, last known as of 2023-09 after it; Nagorno-Karabakh changes hands in 2020."""
        out = run(self.example)
        corridor = section(out, "Lachin corridor [corridor]")
        assert "  at 2021-06-01  Russia (full, de facto, 2020-11/..)" in corridor
        assert "  at 2023-09-19  Russia (full, de facto, 2020-11/..)" in corridor
        # Issue #14: the article knows nothing after September 2023, so October is only last known.
        assert "  at 2023-10-01  last known as of 2023-09: Russia (full, de facto, 2020-11/..)" in corridor
        karabakh = section(out, "Nagorno-Karabakh [region]")
        (line,) = [row for row in karabakh.splitlines() if row.startswith("  at 2020 ")]
        assert "Armenia" in line
        assert "Azerbaijan" in line

    def test_explains_inferred_dates(self, ds: cc.Dataset) -> None:
        """Every inferred control span is printed with its reason; stated ones say so."""
        out = section(run(self.example), "How the control periods are dated:")
        for name in self.territories:
            for period in ds.territory(name).control:
                if period.span.basis is cc.Basis.INFERRED:
                    assert f"    inferred: {period.span.reason}" in out
                else:
                    assert "    stated in the article" in out


class TestActorsByStance:
    example = "actors_by_stance.py"

    def test_every_stance_listed(self, ds: cc.Dataset) -> None:
        """Each stance kind has a heading with its count, and every stance's holder and span are shown."""
        out = run(self.example)
        for kind in cc.StanceKind:
            count = sum(1 for s in ds.stances if s.kind is kind)
            assert f"  {kind.value} ({count})" in out
        for stance in ds.stances:
            assert f"{ds.actor(stance.holder_id).name} -> " in out
            assert f"[{stance.span.format()}]" in out

    @pytest.mark.parametrize(
        ("kind", "toward", "at"),
        [("supports", "Azerbaijan", None), ("supports", "Azerbaijan", "2023"),
         ("close_ties", "Moscow", "2023-09"), ("mediates", "Lachin corridor", "2021-06-01")],
    )
    def test_answers_match_the_query(self, ds: cc.Dataset, kind: str, toward: str, at: str | None) -> None:
        """Each printed answer is what ``actors_by_stance`` returns for the same question."""
        names = ", ".join(a.name for a in ds.actors_by_stance(kind, toward=toward, at=at)) or "nobody"
        when = f" at {at}" if at is not None else ""
        assert f"  {kind} {toward}{when}: {names}\n" in run(self.example)

    def test_turkey_supports_azerbaijan(self) -> None:
        """Turkey is shown supporting Azerbaijan, with the claims the stance is read from."""
        out = run(self.example)
        assert "  supports Azerbaijan: Turkey\n" in out
        assert "    Turkey -> Azerbaijan  [2020]" in out
        assert "read from claim turkey-promises-full-support" in section(out, "The evidence for")


class TestLoadYourOwnData:
    example = "load_your_own_data.py"

    def test_round_trip(self) -> None:
        """The data set written with ``dump`` loads back equal."""
        out = run(self.example)
        assert "format 'caucasus_conflict/1'" in out
        assert "Loaded back equal to what was written: True" in out

    def test_queries_on_own_data(self) -> None:
        """Date windows, undated events, alias lookup, control, stances and contradictions work on the file."""
        out = run(self.example)
        assert "Events in January 2024: ['valley-offensive']" in out
        assert "Events in 2024, undated included: ['valley-offensive', 'valley-talks', 'old-border-war']" in out
        assert "Who controlled The Valley in 2024-03: [('alpha',)]" in out
        assert "Who mediates in Green Valley: ['Gamma Union']" in out
        assert "Contradiction: 'beta-unprovoked' vs 'alpha-self-defence'" in out

    def test_malformed_file_lists_every_problem(self) -> None:
        """A malformed file gives one DataError naming the file and each JSON path."""
        out = run(self.example)
        block = section(out, "DataError from a malformed file")
        assert "<tmp>/broken.json: 4 problems:" in block
        for path in ("$.actors[0].kind:", "$.actors[0]: unknown field(s) 'kindd' (did you mean 'kind'?)",
                     "$.events[0].span: invalid time span '2024-02-30'",
                     "$.events[0].casualties[0].killed.low: 'low' must be >= 0 (got -40)"):
            assert path in block
        assert block.endswith("Fix the data at the path(s) shown and load it again.")

    def test_dangling_reference(self) -> None:
        """A reference to a missing record is reported with a suggestion."""
        out = run(self.example)
        assert "path '$.stances[0].holder_id': unknown actor id 'gama' (did you mean 'gamma'?)" in out

    def test_leaves_nothing_behind(self) -> None:
        """The temporary directory is gone when the script ends (``run`` also checks TMPDIR is empty)."""
        assert "Temporary directory removed: True" in run(self.example)


class TestWithStrategies:
    example = "test_with_strategies.py"

    def test_property_ran(self) -> None:
        """The property test passes and reports a positive number of examples."""
        match = re.search(r"test_events_per_year passed: (\d+) examples ran", run(self.example))
        assert match is not None
        assert int(match[1]) > 0

    def test_bundled_counts(self, ds: cc.Dataset) -> None:
        """The per-year counts printed for the bundled data match ``events_between``."""
        expected = {year: len(ds.events_between(str(year), str(year))) for year in range(2019, 2024)}
        assert f"Bundled events per year, 2019-2023: {expected}" in run(self.example)


class TestAnalystQuestions:
    example = "analyst_questions.py"

    def test_profile(self, ds: cc.Dataset) -> None:
        """The profile of Russia is printed whole, as ``Profile.format`` writes it."""
        assert ds.profile("Russia").format(width=100) in run(self.example)

    def test_casualty_figures_and_totals(self, ds: cc.Dataset) -> None:
        """Every figure is listed, and the totals are those ``casualty_total`` gives."""
        out = run(self.example)
        block = section(out, "Casualty figures, as reported:")
        for figure in ds.casualties():
            assert f" {figure.event_id}: killed {figure.killed or 'not given'}, " in block
        assert f"Total: {ds.casualty_total()}\n" in out
        assert f"Total in 2023: {ds.casualty_total(ds.casualties(start='2023', end='2023'))}\n" in out
        assert "killed: at least 7,025" in out

    def test_search(self, ds: cc.Dataset) -> None:
        """Every hit for 'erdogan' is listed with its record and field."""
        block = section(run(self.example), "Where the article's words mention")
        hits = ds.search("erdogan")
        assert hits
        assert len(block.splitlines()) == len(hits) + 1
        for hit in hits:
            assert f" {hit.record.id} [{hit.field}]: {hit.snippet}" in block

    def test_table(self, ds: cc.Dataset) -> None:
        """The claims table counts each claimant's claims as ``claims_by`` does."""
        pytest.importorskip("pandas")
        block = section(run(self.example), "Claims per claimant")
        assert f"from a {len(ds.claims)}-row pandas table" in block
        for actor_id in {c.claimant_id for c in ds.claims if c.claimant_id}:
            assert f"  {actor_id}: {len(ds.claims_by(actor_id))}\n" in block + "\n"
