"""Shared fixtures, Hypothesis profiles and the ``slow`` marker.

Which Hypothesis profile runs (docs/testing.md has the whole story):

- ``HYPOTHESIS_PROFILE=<name>`` (or ``--hypothesis-profile``) loads that profile;
- otherwise, in CI (Hypothesis sees ``CI`` or a similar variable and loads its own ``ci``
  profile: derandomised, no deadline, no database), the ``ci`` profile below, the thorough run;
- otherwise ``quick``, so that the README's ``pytest`` runs in about a minute.

Tests marked ``slow`` are deselected unless ``CC_SLOW=1``, or CI is set (and ``CC_SLOW`` is not
``0``), or ``-m`` names them.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, settings

import caucasus_conflict as cc

#: Every phase but "explain", which only words a failure's report and can take 20 s per
#: ``find()`` in the strategies' doctests (it re-runs a shrunk example hundreds of times).
WITHOUT_EXPLAIN = tuple(phase for phase in Phase if phase is not Phase.explain)

#: True when Hypothesis saw a CI variable and loaded its own "ci" profile.
IN_CI = settings.default is settings.get_profile("ci")
# Extend that profile, and never replace it by loading "default", which would drop
# derandomisation in CI. Loading it again makes the extension take effect on every version.
# 20 examples: with the slow tests, the suite on two more Pythons and the docs, CI took 368 s
# on two cores (this step 123 s), once two find() doctests stopped shrinking whole data sets;
# before that, 30 examples took 5 min 35 s for this step and CI 10 min 53 s.
# Without the "explain" phase (below), as in every profile here: it checks nothing, it only
# words the report of a test that already failed, and in the ``find()`` doctests of the
# strategies it re-ran each shrunk example hundreds of times.
settings.register_profile("ci", settings.get_profile("ci"), max_examples=20, phases=WITHOUT_EXPLAIN,
                          suppress_health_check=[HealthCheck.too_slow])
if IN_CI:
    settings.load_profile("ci")
# The local default, on top of whatever is active, so a quick run in CI is still derandomised.
# 10 examples keep the README's test command near a minute on two cores; the window
# queries over the query index run at least 30 whatever the profile (tests/test_dataset.py),
# as 30 catch every bug planted in it (docs/testing.md) and fewer do not.
# The "too_slow" health check times data generation against the clock: on a loaded or slow
# machine it fails tests whose meaning does not depend on speed (seen with two cores shared by
# several test runs), so no profile runs it; the benchmarks measure speed instead.
settings.register_profile("quick", settings.default, max_examples=10, phases=WITHOUT_EXPLAIN,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", settings.default, max_examples=5, phases=WITHOUT_EXPLAIN,
                          suppress_health_check=[HealthCheck.too_slow])
# For scripts/mutation.py: few examples, the same ones every run (a mutant's verdict must not
# depend on luck), and no deadline or health check (a loaded machine must not kill a mutant).
settings.register_profile("mutation", max_examples=10, derandomize=True, database=None, deadline=None,
                          phases=WITHOUT_EXPLAIN, suppress_health_check=list(HealthCheck))
settings.register_profile("thorough", settings.default, max_examples=2000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
#: The profile this run loads (``--hypothesis-profile`` may still override it).
PROFILE = os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if IN_CI else "quick")
settings.load_profile(PROFILE)

#: Slow tests run with ``CC_SLOW=1``, or in CI unless ``CC_SLOW=0``, or when ``-m`` selects them.
RUN_SLOW = os.environ.get("CC_SLOW", "1" if IN_CI else "0") == "1"

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLE = Path(__file__).parents[2] / "shared" / "source" / "article.txt"


def pytest_report_header(config: pytest.Config) -> list[str]:
    """Say which profile and which markers are in force, at the top of every run."""
    slow = "run" if RUN_SLOW or config.option.markexpr else "deselected (CC_SLOW=1 runs them)"
    profile = config.getoption("hypothesis_profile", None) or PROFILE
    return [f"hypothesis profile: {profile} "
            f"(max_examples={settings().max_examples}); slow tests: {slow}"]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Deselect tests marked ``slow`` unless they were asked for."""
    if RUN_SLOW or config.option.markexpr:
        return
    slow = [item for item in items if item.get_closest_marker("slow")]
    if slow:
        config.hook.pytest_deselected(items=slow)
        items[:] = [item for item in items if not item.get_closest_marker("slow")]


@pytest.fixture(scope="session")
def bundled() -> cc.Dataset:
    """The bundled data set, loaded once."""
    return cc.load()
