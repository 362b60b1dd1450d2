"""Shared fixtures and Hypothesis profiles.

Hypothesis loads its own ``ci`` profile (derandomised, no deadline) when it sees a CI
variable; the profiles below extend it, and one is loaded only when asked for with
``HYPOTHESIS_PROFILE`` (``dev`` for a quick local run, ``thorough`` before a release).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import caucasus_conflict as cc

settings.register_profile(
    "ci", settings.get_profile("ci"), max_examples=100, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=25)
settings.register_profile("thorough", max_examples=2000, deadline=None)
if profile := os.environ.get("HYPOTHESIS_PROFILE"):
    settings.load_profile(profile)

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLE = Path(__file__).parents[2] / "shared" / "source" / "article.txt"


@pytest.fixture(scope="session")
def bundled() -> cc.Dataset:
    """The bundled data set, loaded once."""
    return cc.load()
