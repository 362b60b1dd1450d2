"""The formats package sits outside the core: importing the library does not import it."""

from __future__ import annotations

import subprocess
import sys

import caucasus_conflict.formats as formats


def test_core_does_not_import_formats() -> None:
    """``import caucasus_conflict`` (and a load of the bundled data) leaves the formats package unimported."""
    code = ("import sys, caucasus_conflict as cc; cc.load(); "
            "print(sorted(m for m in sys.modules if m.startswith('caucasus_conflict.formats')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_public_names_exist() -> None:
    """Every name the package exports is there."""
    assert all(hasattr(formats, name) for name in formats.__all__)
