"""The documentation matches the code, as holidays' ``test_docs`` checks its tables.

Every enum value is documented, every record field is in the model page, every CLI
subcommand is on the CLI page, every public name is in the API reference, the README
starts with the two commands CI runs, the MkDocs nav points at real files, and the
``pycon`` snippets of the hand-written pages run and print what they show.

Only the standard library and the package are used, so these tests run with the
``test`` extra alone (no MkDocs or PyYAML needed).
"""

from __future__ import annotations

import argparse
import doctest
import enum
import json
import re
from pathlib import Path

import attrs
import pytest

import caucasus_conflict as cc
from caucasus_conflict.cli import build_parser

ROOT = Path(__file__).parents[1]
DOCS = ROOT / "docs"
README = ROOT / "README.md"
MKDOCS = ROOT / "mkdocs.yml"
CI_SCRIPT = ROOT / ".ci" / "run"

#: Pages whose ``pycon`` blocks are run as doctests, one namespace per page.
SNIPPET_PAGES = ("README.md", "docs/index.md", "docs/installation.md", "docs/quickstart.md", "docs/tutorial.md",
                 "docs/model.md", "docs/dates-and-queries.md", "docs/tables.md")

KINDS: tuple[type[enum.Enum], ...] = (
    cc.EventKind, cc.StanceKind, cc.Role, cc.ActorKind, cc.Precision, cc.Basis, cc.TerritoryKind,
    cc.LegalStatusKind, cc.ControlExtent, cc.Medium, cc.CasualtyGroup, cc.Incompatibility, cc.ConflictType,
    cc.Intensity,
)
MODEL_TYPES: tuple[type, ...] = (
    cc.Source, cc.Citation, cc.Actor, cc.RoleHeld, cc.Membership, cc.ExternalId, cc.Territory, cc.LegalStatus,
    cc.Population, cc.ControlPeriod, cc.Event, cc.Participant, cc.Casualties, cc.Count, cc.Ceasefire,
    cc.Provision, cc.Claim, cc.Stance, cc.Conflict, cc.Episode, cc.ConflictYear, cc.Dyad, cc.DyadYear,
)

FENCE = re.compile(r"^```(?P<lang>[\w-]*)[^\n]*\n(?P<body>.*?)^```[ \t]*$", re.S | re.M)


def read(path: Path) -> str:
    """Return the text of a repository file."""
    return path.read_text(encoding="utf-8")


def fenced_blocks(text: str, lang: str) -> list[str]:
    """Return the bodies of the fenced code blocks in *text* tagged with *lang*."""
    return [m["body"] for m in FENCE.finditer(text) if m["lang"] == lang]


def nav_files() -> list[str]:
    """Return the Markdown files named in the ``nav`` section of mkdocs.yml, in order."""
    text = read(MKDOCS)
    nav = re.search(r"^nav:\n((?:[ \t]+.*\n)+)", text, re.M)
    assert nav is not None, "mkdocs.yml has no nav section"
    return re.findall(r"^\s*-\s*[^:\n]+:\s*(\S+\.md)\s*$", nav[1], re.M)


def cli_subcommands() -> list[str]:
    """Return the subcommand names of the CLI's argparse parser."""
    parser = build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return list(action.choices)
    raise AssertionError("the CLI parser has no subcommands")


class TestKindsDocumented:
    @pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.__name__)
    def test_every_value_documented(self, kind: type[enum.Enum]) -> None:
        """Every value of the enum appears, in backticks, on the model page or the dates page."""
        text = read(DOCS / "model.md") + read(DOCS / "dates-and-queries.md")
        missing = [m.value for m in kind if f"`{m.value}`" not in text]
        assert missing == [], f"{kind.__name__} values not documented: {missing}"

    @pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.__name__)
    def test_table_lists_exactly_the_values(self, kind: type[enum.Enum]) -> None:
        """The enum's own table (under its heading) lists exactly its values, in definition order."""
        text = read(DOCS / "model.md") + read(DOCS / "dates-and-queries.md")
        heading = re.search(rf"^#+ {kind.__name__}\n(.*?)(?=^#)", text, re.S | re.M)
        assert heading is not None, f"no heading for {kind.__name__}"
        rows = re.findall(r"^\| `([a-z_]+)` \|", heading[1], re.M)
        assert rows == [m.value for m in kind]


class TestModelDocumented:
    @pytest.mark.parametrize("cls", MODEL_TYPES, ids=lambda c: c.__name__)
    def test_every_field_documented(self, cls: type) -> None:
        """Every attrs field of every record and value type is named on the model page."""
        text = read(DOCS / "model.md")
        described = (f"### {cls.__name__}\n", f"**{cls.__name__}**", f"`{cls.__name__}(")
        assert any(marker in text for marker in described), f"{cls.__name__} has no section on the model page"
        # A field counts as named when it is a whole word inside inline code, e.g. `title: str`.
        in_code = {word for span in re.findall(r"`([^`\n]+)`", text) for word in re.findall(r"\w+", span)}
        missing = [f.name for f in attrs.fields(cls) if f.name not in in_code]
        assert missing == [], f"{cls.__name__} fields not documented: {missing}"

    def test_example_file_loads(self) -> None:
        """Each complete JSON file shown on the model page loads into a data set."""
        files = [block for block in fenced_blocks(read(DOCS / "model.md"), "json") if '"format"' in block]
        assert files, "the model page shows no complete example file"
        for block in files:
            ds = cc.loads(block, file="model.md example")
            assert ds.events
            assert json.loads(block)["format"] == cc.FORMAT


class TestCliDocumented:
    def test_every_subcommand_documented(self) -> None:
        """Every subcommand of the CLI parser appears in backticks on docs/cli.md."""
        commands = cli_subcommands()
        text = read(DOCS / "cli.md")
        missing = [name for name in commands if f"`{name}`" not in text and f"caucasus-conflict {name}" not in text]
        assert missing == [], f"CLI subcommands not in docs/cli.md: {missing}"

    def test_readme_command_is_a_subcommand(self) -> None:
        """The README's first command runs a subcommand that exists."""
        first = readme_commands()[0]
        match = re.search(r"caucasus-conflict (\w+)", first)
        assert match is not None
        assert match[1] in cli_subcommands()


def readme_commands() -> list[str]:
    """Return the lines of the README's first fenced block, checking it opens the README."""
    lines = read(README).splitlines()
    assert lines[0].startswith("# "), "README.md must start with its title"
    rest = list(lines[1:])
    while rest and not rest[0].strip():
        rest.pop(0)
    assert rest, "README.md has nothing after its title"
    assert rest[0].startswith("```"), "the first thing after the title must be a fenced block"
    end = rest.index("```", 1)
    return rest[1:end]


class TestReadme:
    def test_starts_with_two_commands(self) -> None:
        """README.md opens with one fenced block of exactly two commands."""
        commands = readme_commands()
        assert len(commands) == 2
        assert all(command.strip() and not command.startswith("#") for command in commands)
        assert commands[0] == "pip install . && caucasus-conflict timeline"

    def test_ci_runs_the_second_command(self) -> None:
        """The README's second command is the test command that .ci/run runs."""
        second = readme_commands()[1]
        ci_lines = [line.strip() for line in read(CI_SCRIPT).splitlines()]
        assert second in ci_lines

    def test_credits_the_source(self) -> None:
        """The README credits the publisher, its URL and the copyright."""
        text = read(README)
        for needle in ("Global Defense Corp", "https://www.globaldefensecorp.com/", "© 2023 GDC"):
            assert needle in text

    def test_doc_links_resolve(self) -> None:
        """Every relative link from the README to the docs points at an existing page."""
        links = re.findall(r"\]\((docs/[^)#\s]+)", read(README))
        assert links, "the README links to no docs pages"
        assert [link for link in links if not (ROOT / link).exists()] == []


class TestApiReference:
    def test_every_public_name_covered(self) -> None:
        """Each name in ``caucasus_conflict.__all__`` is rendered by ``::: caucasus_conflict`` or named in api.md."""
        text = read(DOCS / "api.md")
        directive = re.search(r"^::: caucasus_conflict[ \t]*\n((?:[ \t]+.*\n)*)", text, re.M)
        assert directive is not None, "api.md has no '::: caucasus_conflict' directive"
        options = directive[1]
        listed = re.findall(r"^\s+- (\w+)\s*$", options, re.M) if "members:" in options else list(cc.__all__)
        # mkdocs.yml filters out names starting with "_", so those must be named in the text.
        rendered = {name for name in listed if not name.startswith("_")}
        missing = [name for name in cc.__all__ if name not in rendered and f"`caucasus_conflict.{name}`" not in text]
        assert missing == []

    @pytest.mark.parametrize("module", ["strategies", "convert", "errors", "kinds"])
    def test_submodule_documented(self, module: str) -> None:
        """The API page documents each submodule worth reading on its own."""
        assert re.search(rf"^::: caucasus_conflict\.{module}\s*$", read(DOCS / "api.md"), re.M)

    def test_changelog_included(self) -> None:
        """The changelog page includes CHANGELOG.md rather than copying it."""
        assert '--8<-- "CHANGELOG.md"' in read(DOCS / "changelog.md")


class TestMkdocsConfig:
    def test_nav_files_exist(self) -> None:
        """Every page in the nav exists under docs/."""
        files = nav_files()
        assert files
        assert [name for name in files if not (DOCS / name).is_file()] == []

    def test_every_page_in_nav(self) -> None:
        """Every Markdown page under docs/ (its folders included) is reachable from the nav."""
        assert sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")) == sorted(nav_files())

    def test_nav_order(self) -> None:
        """The nav lists the core pages in the documented order (other pages may sit between them)."""
        core = ["index.md", "installation.md", "quickstart.md", "tutorial.md", "model.md", "dates-and-queries.md",
                "data.md", "cli.md", "performance.md", "api.md", "changelog.md"]
        assert [name for name in nav_files() if name in core] == core

    def test_builder_settings(self) -> None:
        """The site uses the material theme, strict mode and mkdocstrings on src/ with Google docstrings."""
        text = read(MKDOCS)
        assert re.search(r"^theme:\n\s+name: material$", text, re.M)
        assert re.search(r"^strict: true$", text, re.M)
        assert "paths: [src]" in text
        assert "docstring_style: google" in text
        assert "pymdownx.snippets" in text


class TestSnippets:
    @pytest.mark.parametrize("page", SNIPPET_PAGES)
    def test_pycon_blocks_run(self, page: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """Every ``pycon`` block of the page runs, in order, and prints exactly what the page shows."""
        blocks = fenced_blocks(read(ROOT / page), "pycon")
        assert blocks, f"{page} has no pycon snippets"
        monkeypatch.chdir(tmp_path)  # snippets that write files write them here
        test = doctest.DocTestParser().get_doctest("\n".join(blocks), {}, page, str(ROOT / page), 0)
        report: list[str] = []
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
        result = runner.run(test, out=report.append)
        assert result.attempted > 0
        assert result.failed == 0, "".join(report)
