"""Shared paths, helpers and Hypothesis strategies for the format tests."""

from __future__ import annotations

import atexit
import datetime as dt
import shutil
import string
import tempfile
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import attrs
import pendulum
import pytest
from hypothesis import strategies as st

import caucasus_conflict as cc
from caucasus_conflict.formats import DataWarning, Format, Missing, Row
from caucasus_conflict.formats import _values as v
from caucasus_conflict.formats.acled import INTER, _Inter, _Interaction

from ._acled_fixtures import ACLED_FIXTURES, write_acled_fixture

FIXTURES = Path(__file__).parents[1] / "fixtures" / "formats"
REALDATA = Path(__file__).parents[3] / "shared" / "realdata"

R = TypeVar("R", bound=Row)


_WRITTEN: dict[str, Path] = {}  # the ACLED fixtures this process has written, by name


def fixture(name: str) -> Path:
    """The path of a fixture file: one of tests/fixtures/formats/, or an ACLED one written for this process.

    ACLED's terms forbid redistributing its rows, so its fixtures are not committed files:
    `_acled_fixtures` writes its invented rows into a temporary folder on first use.
    """
    if name not in ACLED_FIXTURES:
        return FIXTURES / name
    if name not in _WRITTEN:
        if not _WRITTEN:
            folder = Path(tempfile.mkdtemp(prefix="cc-acled-fixtures-"))
            atexit.register(shutil.rmtree, folder, True)
        else:
            folder = next(iter(_WRITTEN.values())).parent
        _WRITTEN[name] = write_acled_fixture(name, folder)
    return _WRITTEN[name]


def fixture_names() -> list[str]:
    """The names of every CSV fixture, the committed ones and the ACLED ones, sorted."""
    return sorted({path.name for path in FIXTURES.glob("*.csv")} | set(ACLED_FIXTURES))


def real(name: str) -> Path:
    """The path of a real extract in ../shared/realdata/, or a skip when it is absent."""
    path = REALDATA / name
    if not path.is_file():
        pytest.skip(f"../shared/realdata/{name} is not available")
    return path


def quietly(path: Path, **kwargs: Any) -> cc.Dataset:
    """`cc.read` with its DataWarning silenced (the tests look at `problems`)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        return cc.read(path, **kwargs)


def write_quietly(ds: cc.Dataset, path: Path, fmt: str) -> cc.formats.WriteReport:
    """`cc.write` with its DataWarning silenced (the tests look at the report)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        return cc.write(ds, path, format=fmt)


def csv_file(tmp_path: Path, header: str, *rows: str, name: str = "cf.csv") -> Path:
    """A CSV file of *header* (one line, with its newline) and *rows* in *tmp_path*."""
    path = tmp_path / name
    path.write_text(header + "".join(row + "\n" for row in rows), encoding="utf-8")
    return path


def without_lines(rows: Sequence[R]) -> list[R]:
    """The rows with ``line`` zeroed, to compare rows read from differently laid-out files."""
    return [attrs.evolve(row, line=0) for row in rows]


def messages(problems: Sequence[Any]) -> list[str]:
    """Each problem as the text a user reads."""
    return [str(problem) for problem in problems]


# -- strategies ------------------------------------------------------------------------------

# Cell text: anything a CSV cell can hold, line breaks, quotes and delimiters included.
cell_text = st.text(st.characters(codec="utf-8"), max_size=12)
_plain = st.text(string.ascii_letters + string.digits + " ./()'-", min_size=1, max_size=10)


def _items(forbidden: str) -> st.SearchStrategy[str]:
    return _plain.map(str.strip).filter(lambda item: bool(item) and forbidden not in item)


def value_strategy(codec: v.Codec[Any], *, required: bool) -> st.SearchStrategy[Any]:
    """Values a codec's `parse` can return; *required* leaves out the blank value."""
    blank: st.SearchStrategy[Any] = st.nothing() if required else st.just(codec.empty)
    values: st.SearchStrategy[Any]
    if isinstance(codec, v._Text):
        values = cell_text.filter(bool)
    elif isinstance(codec, v._Vocab):
        values = st.sampled_from(sorted(codec.words))
    elif isinstance(codec, v._TextList):
        values = st.lists(_items(codec.sep.strip()), min_size=1, max_size=3).map(tuple)
    elif isinstance(codec, v._Flag | v._Code):
        values = st.sampled_from(sorted(codec.table))
    elif isinstance(codec, v._AtLeast):
        values = st.integers(codec.minimum, 10**12)
    elif isinstance(codec, v._Int):
        values = st.integers(-(10**12), 10**12)
    elif isinstance(codec, v._CodedInt):
        values = st.integers(codec.minimum, 10**6) | st.just(Missing.UNKNOWN)
        if codec.open_code:
            values |= st.just(Missing.NOT_APPLICABLE)
    elif isinstance(codec, v._IntList):
        item = st.sampled_from(sorted(codec.table)) if codec.table else st.integers(0, 10**6)
        values = st.lists(item, min_size=1, max_size=3).map(tuple)
    elif isinstance(codec, v._Float):
        values = st.floats(codec.low, codec.high, allow_nan=False)
    elif isinstance(codec, v._Date):
        values = st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)).map(
            lambda day: pendulum.Date(day.year, day.month, day.day))
    elif isinstance(codec, v._Release):
        values = st.builds(lambda a, b: f"{a}.{b}", st.integers(0, 99), st.integers(0, 99))
    elif isinstance(codec, _Inter):
        values = st.sampled_from(sorted(INTER))
    elif isinstance(codec, _Interaction):
        values = st.builds(lambda a, b: 10 * a + b, st.sampled_from(sorted(INTER)), st.sampled_from(sorted(INTER)))
    else:  # pragma: no cover - a new codec needs a strategy here
        raise AssertionError(f"no strategy for {type(codec).__name__}")
    return blank | values


_UNREADABLE = "?!"  # a text only free-text codecs read


def _rejects(codec: v.Codec[Any]) -> bool:
    """Whether *codec* sets ``_UNREADABLE`` aside (so a row can carry it as a set-aside source code)."""
    try:
        codec.parse(_UNREADABLE)
    except v.Invalid:
        return True
    return False


def rows_of(fmt: Format[R], *, extras: Sequence[str] = ()) -> st.SearchStrategy[R]:
    """Rows of *fmt* as a reader returns them: typed values, set-aside texts first, then *extras*."""

    @st.composite
    def build(draw: Callable[[st.SearchStrategy[Any]], Any]) -> R:
        values: dict[str, Any] = {}
        codes: list[tuple[str, str]] = []
        for spec in fmt.columns:
            if _rejects(spec.codec) and not spec.required and draw(st.integers(0, 9)) == 0:
                values[spec.field] = spec.codec.empty
                codes.append((spec.name, _UNREADABLE))
            else:
                values[spec.field] = draw(value_strategy(spec.codec, required=spec.required))
        codes.extend((name, draw(cell_text)) for name in extras)
        return fmt.row_type(source_codes=tuple(codes), **values)

    return build()
