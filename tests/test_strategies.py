"""Tests for the public Hypothesis strategies and their optional-dependency error."""

from __future__ import annotations

import subprocess
import sys

from hypothesis import given

import caucasus_conflict as cc
from caucasus_conflict import strategies as ccst


class TestMissingExtra:
    def test_names_the_extra(self) -> None:
        """Without Hypothesis, importing the strategies says which extra to install."""
        code = ("import sys; sys.modules['hypothesis'] = None\n"
                "try:\n    import caucasus_conflict.strategies\n"
                "except ImportError as exc:\n    print(type(exc).__name__, exc)")
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
        assert out == ("MissingExtraError this feature needs hypothesis; install it with: "
                       "pip install 'caucasus-conflict[strategies]'\n")


class TestValidByConstruction:
    @given(ccst.datasets(max_events=10))
    def test_datasets_survive_a_file_round_trip(self, ds: cc.Dataset) -> None:
        """A generated data set is valid: it can be written and read back unchanged."""
        assert cc.loads(cc.dumps(ds)) == ds

    @given(ccst.timespans(allow_unknown=False, allow_open=False, max_days=30))
    def test_timespan_options(self, span: cc.TimeSpan) -> None:
        """allow_unknown/allow_open/max_days keep to what they promise."""
        assert span.first_day is not None
        assert span.last_day is not None
        if span.precision is cc.Precision.RANGE:
            assert (span.last_day - span.first_day).in_days() <= 30

    @given(ccst.ceasefires(event_ids=[cc.EventId("e")]))
    def test_ceasefire_dates_in_order(self, ceasefire: cc.Ceasefire) -> None:
        """Generated ceasefires never end or take effect wholly before their declaration."""
        for later in (ceasefire.effective, ceasefire.ended):
            if later is not None and later.last_day is not None and ceasefire.declared.first_day is not None:
                assert later.last_day >= ceasefire.declared.first_day
