"""The core's imports flow one way: errors <- time spans <- model <- converter <- data set <- loading.

STYLE.md's rule, checked on the source: a module of the core imports, when it is imported,
only modules of a lower layer, and never the modules that sit outside the core (the CLI,
strategies, interop, plotting, frames, reports, formats). An import inside a function (run
on first use) or under ``TYPE_CHECKING`` (never run) does not count: that is how the data set
reaches its reports and frames lazily.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[1] / "src" / "caucasus_conflict"

# Each core module with its layer; a module may import only modules of a lower layer.
LAYERS: dict[str, int] = {
    "errors": 0, "kinds": 0, "_similar": 0, "_gc": 0, "_version": 0,
    "_validators": 1, "_names": 2,
    "timespan": 3,
    "model": 4,
    "_registry": 5, "_index": 5, "_candidates": 5,
    "_integrity": 6, "_merge": 7,
    "convert": 8, "_writer": 9,
    "dataset": 10,
    "loading": 11,
}
OUTSIDE = frozenset({"cli", "strategies", "interop", "plot", "frames", "reports", "formats", "export", "__main__",
                     "_text"})


def imported_when_loaded(path: Path) -> set[str]:
    """The package's modules that *path* imports at import time (module level, outside TYPE_CHECKING)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()

    def visit(statements: list[ast.stmt]) -> None:
        for node in statements:
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                visit(node.orelse)
                continue
            if isinstance(node, ast.ImportFrom):
                module = node.module or ""
                if node.level == 1:
                    found.update([module.split(".")[0]] if module else [alias.name for alias in node.names])
                elif module.startswith("caucasus_conflict."):
                    found.add(module.split(".")[1])
            elif isinstance(node, ast.Import):
                found.update(alias.name.split(".")[1] for alias in node.names
                             if alias.name.startswith("caucasus_conflict."))
            elif isinstance(node, ast.If | ast.Try | ast.With):
                for block in ("body", "orelse", "finalbody", "handlers"):
                    for part in getattr(node, block, []):
                        visit(part.body if isinstance(part, ast.ExceptHandler) else [part])

    visit(tree.body)
    return found


def test_every_module_of_the_package_is_placed() -> None:
    """A new module must be given a layer here or declared outside the core, so that it is checked."""
    modules = {p.stem for p in PACKAGE.glob("*.py")} - {"__init__"} | {p.name for p in PACKAGE.iterdir()
                                                                      if (p / "__init__.py").is_file()}
    assert modules - LAYERS.keys() - OUTSIDE == set()


@pytest.mark.parametrize("module", sorted(LAYERS))
def test_core_imports_flow_one_way(module: str) -> None:
    imported = imported_when_loaded(PACKAGE / f"{module}.py")
    assert imported & OUTSIDE == set(), f"{module} imports modules outside the core when it is imported"
    upward = {other for other in imported if LAYERS.get(other, -1) >= LAYERS[module]}
    assert upward == set(), f"{module} (layer {LAYERS[module]}) imports {sorted(upward)} of its own layer or above"
