"""The format pages match the code: every column, code and word is on its page, and the examples run."""

from __future__ import annotations

import doctest
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from caucasus_conflict.formats import FORMATS, acled, ethprio, pax, ucdp

ROOT = Path(__file__).parents[2]
PAGES = ROOT / "docs" / "formats"
FENCE = re.compile(r"^```(?P<lang>[\w-]*)[^\n]*\n(?P<body>.*?)^```[ \t]*$", re.S | re.M)
PAGE_OF = {"ucdp-ged": "ucdp-ged.md", "ucdp-acd": "ucdp-acd.md", "ucdp-brd": "ucdp-brd.md",
           "ethprio-ceasefires": "ethprio.md", "pax": "pax.md", "acled": "acled.md"}
TABLES: dict[str, tuple[Mapping[Any, str], ...]] = {
    "ucdp-ged.md": (ucdp.TYPE_OF_VIOLENCE, ucdp.DATE_PREC, ucdp.WHERE_PREC, ucdp.EVENT_CLARITY),
    "ucdp-acd.md": (ucdp.INCOMPATIBILITY, ucdp.TYPE_OF_CONFLICT, ucdp.INTENSITY_LEVEL, ucdp.REGION,
                    ucdp.ACD_DATE_PREC),
    "ethprio.md": (ethprio.CEASEFIRE_CLASS, ethprio.MEDIATOR_NEGO, ethprio.IMPLEMENT, ethprio.ENFORCEMENT,
                   ethprio.SIDE),
    "pax.md": (pax.STAGE, pax.AGTP, pax.STATUS, pax.CONTP),
    "acled.md": (acled.TIME_PRECISION, acled.GEO_PRECISION, acled.INTER),
}


def page(name: str) -> str:
    """The text of a format page."""
    return (PAGES / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", list(FORMATS), ids=list(FORMATS))
def test_every_column_in_the_page_table(fmt: str) -> None:
    """Each column the format maps has a row in its page's column table, with its field and required mark."""
    text = page(PAGE_OF[fmt])
    rows = dict(re.findall(r"^\| `([^`]+)` \| (`\w+` \|[^|]*\| (?:yes)? ?)\|", text, re.M))
    for spec in FORMATS[fmt].columns:
        assert spec.name in rows, f"{spec.name} is not in the table of {PAGE_OF[fmt]}"
        field, required = rows[spec.name].split("|")[0].strip(), rows[spec.name].split("|")[2].strip()
        assert (field, required) == (f"`{spec.field}`", "yes" if spec.required else "")
    assert len(rows) == len(FORMATS[fmt].columns)


@pytest.mark.parametrize("name", sorted(TABLES), ids=sorted(TABLES))
def test_every_code_documented(name: str) -> None:
    """Every code of the page's tables is on it, with the words of its meaning."""
    text = page(name).lower()
    for table in TABLES[name]:
        for code, label in table.items():
            assert str(code).lower() in text
            words = [w for w in re.findall(r"[a-z]{4,}", label.lower()) if w not in {"code", "codebook"}]
            missing = [w for w in words if w not in text]
            assert missing == [], f"{name}: {code} ({label}) lacks {missing}"


def test_acled_event_types_documented() -> None:
    """All 6 ACLED event types and 25 sub-event types are in the page's table."""
    text = page("acled.md")
    for event_type, subs in acled.EVENT_TYPES.items():
        (row,) = [line for line in text.splitlines() if line.startswith(f"| {event_type} |")]
        assert row.split("|")[2].strip().split("; ") == list(subs)


def test_every_page_in_the_nav() -> None:
    """Each format page is in the MkDocs nav, and the nav points at no missing page."""
    nav = re.findall(r"^\s*-\s*[^:\n]+:\s*(formats/\S+\.md)\s*$", (ROOT / "mkdocs.yml").read_text(), re.M)
    assert sorted(nav) == sorted(f"formats/{p.name}" for p in PAGES.glob("*.md"))


@pytest.mark.parametrize("name", sorted(p.name for p in PAGES.glob("*.md") if "```pycon" in p.read_text()))
def test_examples_run(name: str) -> None:
    """The page's pycon blocks run, in order, and print what the page shows."""
    blocks = [m["body"] for m in FENCE.finditer(page(name)) if m["lang"] == "pycon"]
    test = doctest.DocTestParser().get_doctest("\n".join(blocks), {}, name, str(PAGES / name), 0)
    report: list[str] = []
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    result = runner.run(test, out=report.append)
    assert result.attempted > 0
    assert result.failed == 0, "".join(report)


def test_credits_on_every_page() -> None:
    """Each format page gives its licence or terms and the article to cite."""
    for name, needles in {"ucdp-ged.md": ("CC BY 4.0", "Sundberg"), "ucdp-acd.md": ("CC BY 4.0", "Gleditsch"),
                          "ucdp-brd.md": ("CC BY 4.0", "Davies"), "ethprio.md": ("Clayton", "10.1177/00220027221129195"),
                          "pax.md": ("Bell", "peaceagreements.org"),
                          "acled.md": ("forbid redistribution", "bring your own")}.items():
        assert all(needle in page(name) for needle in needles), name
