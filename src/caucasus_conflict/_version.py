"""The package's version: written here once; hatch reads it at build time (pyproject.toml)."""

__version__ = "0.1.0.dev0"
