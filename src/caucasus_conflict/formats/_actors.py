"""Actors of the field's files: names used over time, and free-text names matched where certain.

`note_use` and `names_used` give each name of an actor the years a file used it in
(`Actor.names_used`). `ActorBook` collects a file's actors by id, so that one UCDP id
under several names is one actor, and two actors never share a name (the second is
renamed, with its id, and the clash reported).

Free text (ETH/PRIO ``mediator_send``, PA-X ``Part`` and ``ThrdPart``) names actors in
words. `split_names` splits a list such as ``"Russia, OCSE"``; `match_name` matches one
name to an entry of `KNOWN` only when the name is one of the entry's spellings, exactly
(after case and spacing are folded); `mentions` finds the spellings in prose. Anything
else is not matched: the caller reports it, never guesses. `KNOWN` is the small table of
the field's spellings documented in docs/formats/index.md#free-text-names.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any, Final

import attrs

from caucasus_conflict._names import fold
from caucasus_conflict._validators import nfc
from caucasus_conflict.errors import Problem
from caucasus_conflict.kinds import ActorKind
from caucasus_conflict.model import Actor, ActorId, Citation, ExternalId, NameUsed
from caucasus_conflict.timespan import TimeSpan

__all__ = ["KNOWN", "ActorBook", "Known", "match_name", "mentions", "names_used", "note_use", "split_names"]


def note_use(used: dict[str, list[Any]], name: str, year: int | None, cite: Citation) -> None:
    """Record that *name* is used in *year* (``None``: not dated), cited by *cite* (the first kept).

    A year no date can hold (GED's year 0, a negative typo) dates nothing: the reader reports
    the row's year itself, and the name's span is taken from the rows that have a year.
    """
    if year is not None and not 1 <= year <= 9999:
        year = None
    entry = used.get(name)
    if entry is None:
        used[name] = [year, year, cite]
        return
    if year is not None:
        entry[0] = year if entry[0] is None else min(entry[0], year)
        entry[1] = year if entry[1] is None else max(entry[1], year)


def names_used(used: dict[str, list[Any]]) -> tuple[NameUsed, ...]:
    """The `NameUsed` of each name noted, in the order first noted, spanning the years it was used in."""
    out = []
    for name, (first, last, cite) in used.items():
        if first is None or last is None:
            span = TimeSpan.unknown()
        else:
            span = TimeSpan.year(first) if first == last else TimeSpan.parse(f"{first:04d}/{last:04d}")
        out.append(NameUsed(name=name, span=span, citations=(cite,)))
    return tuple(out)


@attrs.frozen
class Known:
    """An actor of the table of the field's spellings: its id, name, kind, external ids and spellings."""

    key: str
    name: str
    kind: ActorKind
    external_ids: tuple[tuple[str, str], ...]
    spellings: tuple[str, ...]


def _state(key: str, name: str, gwno: int, iso3: str, *spellings: str) -> Known:
    return Known(key, name, ActorKind.STATE, (("gwno", str(gwno)), ("iso3", iso3)), (name, *spellings))


KNOWN: Final[tuple[Known, ...]] = (
    _state("azerbaijan", "Azerbaijan", 373, "AZE", "Republic of Azerbaijan", "Azerbaijan Republic",
           "Azerbaijani Republic"),
    _state("armenia", "Armenia", 371, "ARM", "Republic of Armenia"),
    _state("russia", "Russia", 365, "RUS", "Russian Federation"),
    _state("united-states", "United States", 2, "USA", "USA", "U.S.", "United States of America"),
    _state("france", "France", 220, "FRA", "French Republic"),
    _state("turkey", "Turkey", 640, "TUR", "Türkiye"),
    _state("iran", "Iran", 630, "IRN", "Islamic Republic of Iran"),
    _state("kazakhstan", "Kazakhstan", 705, "KAZ"),
    _state("kyrgyzstan", "Kyrgyzstan", 703, "KGZ"),
    _state("georgia", "Georgia", 372, "GEO"),
    Known("nagorno-karabakh-republic", "Nagorno-Karabakh Republic", ActorKind.DE_FACTO_AUTHORITY,
          (("ucdp-actor", "338"),),
          ("Nagorno-Karabakh Republic", "Republic of Nagorno-Karabakh", "Nagorno Karabakh Republic",
           "Nagorno-Karabakh", "Nagorno Karabakh", "NKR")),
    Known("osce", "OSCE", ActorKind.ORGANISATION, (("cc-actor", "osce"),),
          ("OSCE", "Organization for Security and Co-operation in Europe",
           "Organization for Security and Cooperation in Europe", "OSZE")),
)
"""The field's spellings of the actors its files name in free text, with the ids they carry.

States carry their Gleditsch-Ward number and ISO 3166 code, the Nagorno-Karabakh Republic
its UCDP actor id (338) and the OSCE the library's own ``cc-actor`` id, so that the actors
of several files, and of the bundled data, are joined by `Dataset.merge` on those ids.
"OSZE" is the OSCE's German acronym. "OCSE" is deliberately absent: it may be the OSCE
misspelt, but it is also the Italian acronym of the OECD (Organizzazione per la Cooperazione e lo
Sviluppo Economico).
"""

_BY_SPELLING: Final = {fold(spelling): known for known in KNOWN for spelling in known.spellings}
# Whole-word spellings, longest first, so that "Republic of Azerbaijan" wins over "Azerbaijan".
_MENTION: Final = re.compile("|".join(
    rf"(?<![\w.]){re.escape(spelling)}(?!\w)"
    for spelling in sorted({s for k in KNOWN for s in k.spellings}, key=len, reverse=True)), flags=re.IGNORECASE)
_MENTION_FOLDED: Final = {s.casefold(): k for k in KNOWN for s in k.spellings}
_ACRONYMS: Final = frozenset(s.casefold() for k in KNOWN for s in k.spellings if s.isupper())
_SEPARATORS: Final = re.compile(r"\s*(?:[,;/&+]|\band\b)\s*")


def split_names(text: str) -> tuple[str, ...]:
    """The names of a free-text list: split at ``,`` ``;`` ``/`` ``&`` ``+`` and "and", trimmed, blanks dropped.

    Examples:
        >>> split_names("Russia, OCSE")
        ('Russia', 'OCSE')
        >>> split_names("USA and France; ")
        ('USA', 'France')
    """
    return tuple(part for part in (p.strip() for p in _SEPARATORS.split(text)) if part)


def match_name(name: str) -> Known | None:
    """The `KNOWN` actor *name* is a spelling of (case, accents and spacing folded), or ``None``.

    Examples:
        >>> match_name("USA").name, match_name("russian federation").name
        ('United States', 'Russia')
        >>> match_name("OCSE") is None
        True
    """
    return _BY_SPELLING.get(fold(name))


def mentions(text: str) -> tuple[Known, ...]:
    """The `KNOWN` actors whose spellings occur in the prose *text*, whole words, each once, in order.

    Acronyms (``USA``, ``NKR``, ``OSCE``) count only in capitals; other spellings in any case.

    Examples:
        >>> [k.name for k in mentions("For the Russian Federation: B. Yeltsin For the Azerbaijani Republic: "
        ...                           "A. Mutalibov For the Republic of Armenia: L. Ter-Petrosian")]
        ['Russia', 'Azerbaijan', 'Armenia']
        >>> mentions("Minister of Defence, S. Sargsyan")
        ()
    """
    found: dict[str, Known] = {}
    for match in _MENTION.finditer(text):
        spelling = match.group(0)
        known = _MENTION_FOLDED.get(spelling.casefold())
        if known is None or (spelling.casefold() in _ACRONYMS and not spelling.isupper()):
            continue  # "nkr" or "usa" in lower case is a word, not the acronym
        found.setdefault(known.key, known)
    return tuple(found.values())


class ActorBook:
    """The actors of one file, by id: names in order of use, years, first citation; names kept distinct."""

    def __init__(self, file: str) -> None:
        self._file = file
        self._entries: dict[str, dict[str, Any]] = {}
        self._taken: dict[str, str] = {}
        self.problems: list[Problem] = []

    def add(self, actor_id: str, name: str, *, kind: ActorKind, external_ids: Sequence[tuple[str, str]] = (),
            year: int | None, cite: Citation, where: str) -> ActorId:
        """Note *name* for the actor *actor_id* (made on first sight), at *where* (``FILE:LINE:COLUMN``).

        The name is noted as the `Actor` holds it, in Unicode normal form C, so that a writer
        rebuilding the rows from the actors sees where a cell was written otherwise (the text
        as written is then kept in the record's source codes) and two spellings that differ
        only there are one name.
        """
        name = nfc(name)
        entry = self._entries.get(actor_id)
        if entry is None:
            entry = self._entries[actor_id] = {"names": [], "used": {}, "cite": cite, "kind": kind,
                                               "external": tuple(external_ids)}
        if name not in entry["names"]:
            key = fold(name)
            holder = self._taken.setdefault(key, actor_id)
            if holder != actor_id:
                self.problems.append(Problem(where, f"actors {holder!r} and {actor_id!r} are both named {name!r}; "
                                                    f"{actor_id!r} keeps the name with its id added"))
                name = f"{name} ({actor_id})"
                self._taken.setdefault(fold(name), actor_id)
            if name not in entry["names"]:
                entry["names"].append(name)
        note_use(entry["used"], name, year, cite)
        return ActorId(actor_id)

    def add_known(self, known: Known, *, year: int | None, cite: Citation, where: str) -> ActorId:
        """Note the `KNOWN` actor *known* (id ``cc-`` and its key), under its table name."""
        return self.add(f"cc-{known.key}", known.name, kind=known.kind, external_ids=known.external_ids,
                        year=year, cite=cite, where=where)

    def actors(self) -> tuple[Actor, ...]:
        """The actors noted, in order of first sight."""
        return tuple(
            Actor(id=ActorId(actor_id), name=entry["names"][0], kind=entry["kind"], aliases=tuple(entry["names"][1:]),
                  names_used=names_used(entry["used"]),
                  external_ids=tuple(ExternalId(scheme, value) for scheme, value in entry["external"]),
                  citations=(entry["cite"],))
            for actor_id, entry in self._entries.items())

    def name_of(self, actor_id: str) -> str:
        """The name the actor was first noted under."""
        return str(self._entries[actor_id]["names"][0])


def slug(text: str) -> str:
    """A lower-case, hyphenated id part for *text* (empty when it has no ASCII letters or digits).

    Examples:
        >>> slug("Government of Xland"), slug("700-1"), slug("Ẑ")
        ('government-of-xland', '700-1', 'z')
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def unmatched(names: Iterable[str]) -> str:
    """The names as a quoted list for a problem's message."""
    return ", ".join(repr(n) for n in names)
