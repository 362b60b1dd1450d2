"""Synthetic data sets for the benchmarks, generated fast with `random` (not Hypothesis).

The mix is shaped like the field's event data (UCDP GED, ACLED: mostly exact days, some
months and years) plus the long records a conflict data set also holds (wars,
occupations): 85% of spans are days, 10% months, 4.5% years, 0.4% multi-year ranges
(2..30 years), 0.05% open-ended ranges and 0.05% unknown, between 1950 and 2024. Each
event has 1..3 of 200 actors, half of them one of 50 territories, a fifth a death
toll. One territory has 120 control periods and one actor is the target of 120 stances,
for the ``at=`` queries. The same seed gives the same file.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

import caucasus_conflict as cc

FIRST = date(1950, 1, 1)
DAYS = (date(2024, 12, 31) - FIRST).days
N_ACTORS = 200
N_TERRITORIES = 50
N_PERIODS = 120
N_STANCES = 120
SOURCE_ID = "synthetic"
CITE: list[dict[str, Any]] = [{"source_id": SOURCE_ID, "blocks": [1]}]
KINDS = [kind.value for kind in cc.EventKind]
ROLES = [role.value for role in cc.Role]


def span_text(rng: random.Random) -> str:
    """One span, in the file's text form, drawn from the mix above."""
    day = FIRST + timedelta(days=rng.randrange(DAYS))
    roll = rng.random()
    if roll < 0.85:
        return day.isoformat()
    if roll < 0.95:
        return day.isoformat()[:7]
    if roll < 0.995:
        return day.isoformat()[:4]
    if roll < 0.999:
        return f"{day.isoformat()}/{(day + timedelta(days=rng.randrange(2 * 365, 30 * 365))).isoformat()}"
    if roll < 0.9995:
        return f"{day.isoformat()}/.."
    return "unknown"


def event_dicts(n: int, rng: random.Random) -> list[dict[str, Any]]:
    """*n* events in the file format."""
    events = []
    for i in range(n):
        event: dict[str, Any] = {
            "id": f"event-{i}", "kind": rng.choice(KINDS), "summary": "synthetic event", "span": span_text(rng),
            "participants": [{"actor_id": f"actor-{a}", "role": rng.choice(ROLES)}
                             for a in rng.sample(range(N_ACTORS), rng.randint(1, 3))],
        }
        if rng.random() < 0.5:
            event["territory_ids"] = [f"territory-{rng.randrange(N_TERRITORIES)}"]
        if rng.random() < 0.2:
            event["casualties"] = [{"killed": {"best": rng.randrange(1, 500)}, "citations": CITE}]
        event["citations"] = CITE
        events.append(event)
    return events


def control_periods() -> list[dict[str, Any]]:
    """*N_PERIODS* back-to-back control periods from 1950, each about seven months, the last open."""
    step = DAYS // N_PERIODS
    periods = []
    for i in range(N_PERIODS):
        start = FIRST + timedelta(days=i * step)
        end = "" if i == N_PERIODS - 1 else (start + timedelta(days=step - 1)).isoformat()
        periods.append({"controller_ids": [f"actor-{i % N_ACTORS}"], "span": f"{start.isoformat()}/{end or '..'}",
                        "citations": CITE})
    return periods


def synthetic_file(n: int, seed: int = 1) -> dict[str, Any]:
    """A whole data set file (as parsed JSON) with *n* events, deterministic for a seed."""
    rng = random.Random(seed)
    actors = [{"id": f"actor-{i}", "name": f"Actor {i}", "kind": "state", "citations": CITE} for i in range(N_ACTORS)]
    territories = [{"id": f"territory-{i}", "name": f"Territory {i}", "kind": "region", "citations": CITE}
                   for i in range(N_TERRITORIES)]
    territories[0]["control"] = control_periods()
    stances = [{"id": f"stance-{i}", "holder_id": f"actor-{1 + i % (N_ACTORS - 1)}", "kind": "supports",
                "toward_actor_id": "actor-0", "span": span_text(rng), "citations": CITE} for i in range(N_STANCES)]
    return {
        "format": cc.FORMAT,
        "sources": [{"id": SOURCE_ID, "title": "Synthetic events", "publisher": "benchmarks/synthetic.py",
                     "url": "https://example.org/synthetic", "published": "2024", "credit": "generated",
                     "blocks": 1}],
        "actors": actors,
        "territories": territories,
        "events": event_dicts(n, rng),
        "stances": stances,
    }
