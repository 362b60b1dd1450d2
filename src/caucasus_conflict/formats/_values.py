"""Cell readers ("codecs") with exact semantics, shared by every format.

A codec turns one cell's text into a typed value and back. ``parse`` raises `Invalid`
for a value it cannot read; the row reader then reports the problem with file, line and
column, sets the value aside as unknown (``None``, or ``()`` for a list) and keeps the
original text in the row's ``source_codes``. Nothing is ever silently "fixed": the only
liberties taken are the ones real copies need and that cannot change a value (surrounding
spaces around a number, ``373.0`` for the integer code 373, a decimal comma in a
coordinate, ``true``/``false`` for a 0/1 flag).

``format`` is the inverse on every value ``parse`` returns: ``parse(format(v)) == v``.
"""

from __future__ import annotations

import enum
import math
import re
from collections.abc import Mapping
from typing import Final, Generic, TypeVar

import pendulum

__all__ = [
    "Codec",
    "Invalid",
    "Missing",
]

T = TypeVar("T")


class Missing(enum.Enum):
    """A number the codebook codes as missing, kept distinct from a blank cell (``None``).

    ETH/PRIO writes ``-1`` for an unknown date part and ``0`` for one that does not apply
    (or is still open, such as the end of a ceasefire that has not ended); UCDP GED writes
    ``-1`` when the number of sources is not recorded. A blank cell reads as ``None``.

    Examples:
        >>> Missing.UNKNOWN.code, Missing.NOT_APPLICABLE.code
        ('-1', '0')
    """

    UNKNOWN = "-1"
    """The codebook's code for unknown (``-1``)."""
    NOT_APPLICABLE = "0"
    """The codebook's code for not applicable or open (``0``)."""

    @property
    def code(self) -> str:
        """The text the source writes for this value.

        Examples:
            >>> Missing.UNKNOWN.code
            '-1'
        """
        return self.value


class Invalid(Exception):  # a signal between a codec and the row reader, never raised to users
    """A cell's text cannot be read by its codec; ``message`` says what was expected.

    Examples:
        >>> try:
        ...     INT.parse("3x")
        ... except Invalid as exc:
        ...     print(exc.message)
        expected a whole number
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Codec(Generic[T]):
    """Reads one kind of cell; ``empty`` is the value of a blank cell or an absent column.

    Examples:
        >>> INT.parse("373.0"), INT.format(373)
        (373, '373')
    """

    __slots__ = ("describe", "empty")

    #: True for free text kept verbatim (``text or None``), which the row reader reads inline.
    verbatim: bool = False

    def __init__(self, describe: str, empty: T) -> None:
        self.describe = describe
        self.empty = empty

    def parse(self, text: str) -> T:
        """Return the value the cell's text holds.

        Raises:
            Invalid: The text is not a value of this kind.

        Examples:
            >>> COUNT.parse(" 12 "), COUNT.parse("")
            (12, None)
        """
        raise NotImplementedError  # pragma: no cover

    def format(self, value: T) -> str:
        """Return the text to write for *value* (the inverse of `parse`).

        Examples:
            >>> RELEASE.format(RELEASE.parse("221"))
            '22.1'
        """
        raise NotImplementedError  # pragma: no cover


# -- text ---------------------------------------------------------------------------------


class _Text(Codec[str | None]):
    """Free text, kept verbatim; a blank cell is ``None``."""

    __slots__ = ()
    verbatim = True

    def parse(self, text: str) -> str | None:
        return text or None

    def format(self, value: str | None) -> str:
        return value or ""


class _Vocab(Codec[str | None]):
    """One of a closed set of words (PA-X ``Stage``, ACLED ``event_type``), as written."""

    __slots__ = ("words",)

    def __init__(self, words: Mapping[str, str] | tuple[str, ...]) -> None:
        super().__init__("one of " + ", ".join(repr(w) for w in words), None)
        self.words = frozenset(words)

    def parse(self, text: str) -> str | None:
        if not text:
            return None
        if text not in self.words:
            raise Invalid(f"expected {self.describe}")
        return text

    def format(self, value: str | None) -> str:
        return value or ""


class _TextList(Codec[tuple[str, ...]]):
    """Several names in one cell, joined by *sep* (``"; "`` or ``", "``); blank is ``()``."""

    __slots__ = ("sep",)

    def __init__(self, sep: str) -> None:
        super().__init__(f"names separated by {sep.strip()!r}", ())
        self.sep = sep

    def parse(self, text: str) -> tuple[str, ...]:
        if not text.strip():
            return ()
        items = tuple(item.strip() for item in text.split(self.sep.strip()))
        if any(not item for item in items):
            raise Invalid(f"expected {self.describe}, with no empty item")
        return items

    def format(self, value: tuple[str, ...]) -> str:
        return self.sep.join(value)


# -- numbers ------------------------------------------------------------------------------

_INTEGER: Final = re.compile(r"-?[0-9]+(?:\.0+)?", re.ASCII)


def _integer(text: str) -> int | None:
    """The integer a cell holds: ``""`` -> None, ``"12"``, ``" -3 "``, ``"373.0"`` (a float copy)."""
    if text.isdigit() and text.isascii():
        try:
            return int(text)
        except ValueError:  # more digits than int() reads
            raise Invalid("expected a whole number of at most 4,300 digits") from None
    clean = text.strip()
    if not clean:
        return None
    if _INTEGER.fullmatch(clean) is None:
        raise Invalid("expected a whole number")
    try:
        return int(clean.partition(".")[0])
    except ValueError:
        raise Invalid("expected a whole number of at most 4,300 digits") from None


class _Int(Codec[int | None]):
    """A whole number; a blank cell is ``None``."""

    __slots__ = ()

    parse = staticmethod(_integer)  # the hottest codec: one call, not two

    def format(self, value: int | None) -> str:
        return "" if value is None else str(value)


class _AtLeast(Codec[int | None]):
    """A whole number of at least ``minimum``; a blank cell is ``None`` (unknown, never 0).

    Counts (deaths, pages) start at 0. UCDP ids start at 1: a negative or zero id is a
    mistake in the source, reported, never read as an id (``-5`` and ``5`` would name one
    record).
    """

    __slots__ = ("minimum",)

    def __init__(self, describe: str, minimum: int) -> None:
        super().__init__(describe, None)
        self.minimum = minimum

    def parse(self, text: str) -> int | None:
        value = _integer(text)
        if value is not None and value < self.minimum:
            raise Invalid(f"expected {self.describe}")
        return value

    def format(self, value: int | None) -> str:
        return "" if value is None else str(value)


class _Code(Codec[int | None]):
    """A numeric code from the codebook's table; any other number is reported."""

    __slots__ = ("table",)

    def __init__(self, table: Mapping[int, str]) -> None:
        described = ", ".join(f"{code} ({label})" for code, label in table.items())
        super().__init__(f"one of {described}", None)
        self.table = table

    def parse(self, text: str) -> int | None:
        value = _integer(text)
        if value is not None and value not in self.table:
            raise Invalid(f"expected {self.describe}")
        return value

    def format(self, value: int | None) -> str:
        return "" if value is None else str(value)


class _Flag(_Code):
    """A 0/1 flag; ``true``/``false`` (as R and pandas copies write it) read as 1/0."""

    __slots__ = ()

    _WORDS: Final = {"true": 1, "false": 0}

    def parse(self, text: str) -> int | None:
        word = self._WORDS.get(text.strip().lower())
        return word if word is not None else super().parse(text)


class _CodedInt(Codec["int | Missing | None"]):
    """A number whose codebook writes ``-1`` for unknown (and, if *open_code*, ``0`` for not applicable)."""

    __slots__ = ("minimum", "open_code")

    def __init__(self, *, open_code: bool, minimum: int) -> None:
        codes = "-1 (unknown)" + (", 0 (not applicable or open)" if open_code else "")
        super().__init__(f"a whole number >= {minimum}, or {codes}", None)
        self.open_code = open_code
        self.minimum = minimum

    def parse(self, text: str) -> int | Missing | None:
        value = _integer(text)
        if value is None:
            return None
        if value == -1:
            return Missing.UNKNOWN
        if value == 0 and self.open_code:
            return Missing.NOT_APPLICABLE
        if value < self.minimum:
            raise Invalid(f"expected {self.describe}")
        return value

    def format(self, value: int | Missing | None) -> str:
        if value is None:
            return ""
        return value.code if isinstance(value, Missing) else str(value)


class _IntList(Codec[tuple[int, ...]]):
    """Several numbers in one cell (``2;200;900``, ``172, 173``); blank is ``()``.

    Either ``;`` or ``,`` separates items on reading; *sep* is written.
    """

    __slots__ = ("sep", "table")

    def __init__(self, sep: str, table: Mapping[int, str] | None = None) -> None:
        super().__init__("whole numbers separated by ';' or ','", ())
        self.sep = sep
        self.table = table

    def parse(self, text: str) -> tuple[int, ...]:
        if not text.strip():
            return ()
        items: list[int] = []
        for part in text.replace(";", ",").split(","):
            try:
                value = _integer(part)
            except Invalid:
                raise Invalid(f"expected {self.describe}") from None
            if value is None:
                raise Invalid(f"expected {self.describe}, with no empty item")
            if self.table is not None and value not in self.table:
                known = ", ".join(f"{code} ({label})" for code, label in self.table.items())
                raise Invalid(f"expected codes among {known}")
            items.append(value)
        return tuple(items)

    def format(self, value: tuple[int, ...]) -> str:
        return self.sep.join(str(item) for item in value)


class _Float(Codec[float | None]):
    """A decimal number within [*low*, *high*]; a decimal comma (``35,55``) is read as a point."""

    __slots__ = ("high", "low")

    _NUMBER: Final = re.compile(r"[-+]?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)(?:[eE][-+]?[0-9]+)?", re.ASCII)

    def __init__(self, low: float, high: float) -> None:
        super().__init__(f"a decimal number from {low:g} to {high:g}", None)
        self.low = low
        self.high = high

    def parse(self, text: str) -> float | None:
        clean = text.strip()
        if not clean:
            return None
        if self._NUMBER.fullmatch(clean) is None:
            raise Invalid(f"expected {self.describe}")
        value = float(clean.replace(",", "."))
        if not (math.isfinite(value) and self.low <= value <= self.high):
            raise Invalid(f"expected {self.describe}")
        return value

    def format(self, value: float | None) -> str:
        return "" if value is None else repr(value)


# -- dates --------------------------------------------------------------------------------

_ISO: Final = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[ T]00:00(?::00(?:\.0+)?)?)?", re.ASCII)
_DMY_DASH: Final = re.compile(r"([0-9]{1,2})-([0-9]{1,2})-([0-9]{4})", re.ASCII)
_DMY_SLASH: Final = re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})", re.ASCII)
_D_MONTH_Y: Final = re.compile(r"([0-9]{1,2})[ -]([A-Za-z]+)[ -]([0-9]{4})", re.ASCII)
_MONTHS: Final = {
    name: number
    for number, full in enumerate(
        ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
         "november", "december"),
        start=1,
    )
    for name in (full, full[:3])
}
_STYLE_TEXT: Final = {
    "iso": "YYYY-MM-DD (or YYYY-MM-DD 00:00:00.000)",
    "dmy-dash": "D-M-YYYY",
    "dmy-slash": "DD/MM/YYYY",
    "d-month-y": "D Month YYYY",
}


def _day(year: int, month: int, day: int) -> pendulum.Date:
    try:
        return pendulum.Date(year, month, day)
    except ValueError:
        raise Invalid(f"no such day: year {year}, month {month}, day {day}") from None


class _Date(Codec["pendulum.Date | None"]):
    """A calendar day written in one of *styles*; *write* is the style written."""

    __slots__ = ("styles", "write")

    def __init__(self, styles: tuple[str, ...], write: str) -> None:
        super().__init__("a date written " + " or ".join(_STYLE_TEXT[s] for s in styles), None)
        self.styles = styles
        self.write = write

    def parse(self, text: str) -> pendulum.Date | None:
        clean = text.strip()
        if not clean:
            return None
        styles = self.styles
        if "iso" in styles and (match := _ISO.fullmatch(clean)):
            return _day(int(match[1]), int(match[2]), int(match[3]))
        if "dmy-dash" in styles and (match := _DMY_DASH.fullmatch(clean)):
            return _day(int(match[3]), int(match[2]), int(match[1]))
        if "dmy-slash" in styles and (match := _DMY_SLASH.fullmatch(clean)):
            return _day(int(match[3]), int(match[2]), int(match[1]))
        if "d-month-y" in styles and (match := _D_MONTH_Y.fullmatch(clean)):
            month = _MONTHS.get(match[2].lower())
            if month is not None:
                return _day(int(match[3]), month, int(match[1]))
        raise Invalid(f"expected {self.describe}")

    def format(self, value: pendulum.Date | None) -> str:
        if value is None:
            return ""
        if self.write == "dmy-slash":
            return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"
        return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"


# -- releases -----------------------------------------------------------------------------

_RELEASE: Final = re.compile(r"([0-9]{1,2})[.,]([0-9]{1,2})", re.ASCII)
_RELEASE_PACKED: Final = re.compile(r"([0-9]{2})([0-9])(?:\.0+)?", re.ASCII)
_RELEASE_KEPT: Final = re.compile(r"[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{1,3}|[0-9]{1,2}-[0-9]{4}", re.ASCII)


def normalise_release(text: str) -> str | None:
    """Return a release version as UCDP names it (``"22.1"``), or ``None`` for a blank cell.

    Copies write the release ``22.1``, ``22,1`` (a spreadsheet with a decimal comma) or
    ``221`` (the dot dropped); all read as ``"22.1"``. Candidate releases (``23.0.10``) and
    the old PRIO versions (``4-2016``) are kept as written.

    Raises:
        Invalid: The text is not a release version.

    Examples:
        >>> normalise_release("22,1"), normalise_release("221"), normalise_release("25.1")
        ('22.1', '22.1', '25.1')
    """
    clean = text.strip()
    if not clean:
        return None
    if match := _RELEASE.fullmatch(clean):
        return f"{int(match[1])}.{int(match[2])}"
    if match := _RELEASE_PACKED.fullmatch(clean):
        return f"{int(match[1])}.{int(match[2])}"
    if _RELEASE_KEPT.fullmatch(clean):
        return clean
    raise Invalid("expected a release version such as 22.1 (written 22.1, 22,1 or 221)")


class _Release(Codec[str | None]):
    """A release version, normalised to ``"22.1"``."""

    __slots__ = ()

    def parse(self, text: str) -> str | None:
        return normalise_release(text)

    def format(self, value: str | None) -> str:
        return value or ""


# -- shared instances ---------------------------------------------------------------------

TEXT: Final = _Text("text", None)
INT: Final = _Int("a whole number", None)
COUNT: Final = _AtLeast("a count (a whole number >= 0)", 0)
UCDP_ID: Final = _AtLeast("a UCDP id (a whole number >= 1)", 1)
LATITUDE: Final = _Float(-90.0, 90.0)
LONGITUDE: Final = _Float(-180.0, 180.0)
RELEASE: Final = _Release("a release version", None)
FLAG: Final = _Flag({0: "no", 1: "yes"})
UCDP_DATE: Final = _Date(("iso", "dmy-dash"), "iso")


def code(table: Mapping[int, str]) -> _Code:
    """A codec for the numeric codes of *table*.

    Examples:
        >>> code({1: "minor", 2: "war"}).parse("2")
        2
    """
    return _Code(table)


def vocab(words: Mapping[str, str] | tuple[str, ...]) -> _Vocab:
    """A codec for the words of *words*.

    Examples:
        >>> vocab(("Pre", "Cea")).parse("Cea")
        'Cea'
    """
    return _Vocab(words)


def int_list(sep: str, table: Mapping[int, str] | None = None) -> _IntList:
    """A codec for several numbers in one cell, written joined by *sep*.

    Examples:
        >>> int_list(", ").format((372, 365))
        '372, 365'
    """
    return _IntList(sep, table)


def text_list(sep: str) -> _TextList:
    """A codec for several names in one cell, joined by *sep*.

    Examples:
        >>> text_list("; ").parse("A;B")
        ('A', 'B')
    """
    return _TextList(sep)


def coded_int(*, open_code: bool = False, minimum: int = 0) -> _CodedInt:
    """A codec for a number with the codebook's ``-1`` unknown (and ``0`` open) codes.

    Examples:
        >>> coded_int(open_code=True, minimum=1).parse("0")
        <Missing.NOT_APPLICABLE: '0'>
    """
    return _CodedInt(open_code=open_code, minimum=minimum)


def date(styles: tuple[str, ...], write: str) -> _Date:
    """A codec for a day written in one of *styles*.

    Examples:
        >>> date(("dmy-slash",), "dmy-slash").parse("10/11/2020")
        Date(2020, 11, 10)
    """
    return _Date(styles, write)
