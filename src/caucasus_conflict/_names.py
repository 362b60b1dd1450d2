"""Name tables: folded ids, names and aliases to records, and the suggestions for a name not found.

Nothing here is public. One `Names` table per named record type (actors,
territories) sits behind `Dataset.actor`, `Dataset.get_actor`, `Dataset.find_actors`
and their territory twins, so the three lookups behave alike for every type.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Generic, Protocol, TypeVar

from ._similar import close_matches, similarity
from .errors import ArgumentTypeError, QueryError, UnknownNameError

__all__ = ["Named", "Names", "fold"]


def fold(text: str) -> str:
    """Fold a name for lookup: drop accents, case, spaces and punctuation.

    ``"Nagorno-Karabakh"``, ``"nagorno karabakh"`` and ``"NAGORNO–KARABAKH"`` fold alike,
    as do ``"Erdoğan"`` and ``"Erdogan"``, and ``"U.S."`` and ``"US"``.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed.casefold() if ch.isalnum())


class Named(Protocol):
    """A record with an id and names (actors, territories)."""

    @property
    def id(self) -> str: ...

    @property
    def name(self) -> str: ...

    @property
    def aliases(self) -> tuple[str, ...]: ...

    @property
    def names(self) -> tuple[str, ...]: ...


R = TypeVar("R", bound=Named)


class Names(Generic[R]):
    """Folded id, name and alias -> record, for one record type, with lookups and suggestions."""

    __slots__ = ("_display", "_keys", "kind", "records")

    def __init__(self, kind: str, records: Sequence[R] = ()) -> None:
        self.kind = kind
        self.records: Sequence[R] = records
        self._keys: dict[str, R] = {}
        self._display: dict[str, str] = {}

    def add(self, key: str, record: R) -> R | None:
        """Add *key* for *record*; return the other record already holding it, if any."""
        folded = fold(key)
        held = self._keys.get(folded)
        if held is not None and held is not record:
            return held
        self._keys[folded] = record
        self._display.setdefault(folded, key)
        return None

    def get(self, key: str) -> R | None:
        """The record with this id, name or alias, or ``None``."""
        return self._keys.get(fold(key))

    def lookup(self, key: str) -> R:
        """The record with this id, name or alias; `UnknownNameError` with suggestions if none."""
        found = self._keys.get(fold(key))
        if found is None:
            raise UnknownNameError(self.kind, key, self.suggest(key))
        return found

    def suggest(self, query: str) -> list[str]:
        """The names of up to three records with a name close to *query*, closest first.

        A name that contains the query (or is contained in it) counts as close, so
        ``"Lachin"`` suggests ``"Lachin corridor"``; so does a near-miss spelling.
        """
        return [name for name, _ in self.suggest_records(query)]

    def suggest_records(self, query: str) -> list[tuple[str, R]]:
        """`suggest`'s names, each with the record it names."""
        key = fold(query)
        names = list(self._display)
        close = close_matches(key, names, n=10, cutoff=0.75)
        close += [n for n in names if len(key) >= 3 and (key in n or (len(n) >= 3 and n in key))]
        suggestions: dict[str, tuple[str, R]] = {}
        for name in close:
            record = self._keys[name]
            # Suggest the name that matched ("Artsakh" for "Artsak"), but a name, not an id.
            shown = record.name if name == fold(record.id) else self._display[name]
            suggestions.setdefault(record.id, (shown, record))
        return list(suggestions.values())[:3]

    def find(self, query: str, limit: int) -> tuple[R, ...]:
        """Up to *limit* records whose id or names are closest to *query*, best first, ties by id."""
        if isinstance(limit, bool) or not isinstance(limit, int):
            raise ArgumentTypeError("limit", "be an integer", limit)
        if limit < 0:
            raise QueryError(f"'limit' must be >= 0 (got {limit})")
        key = fold(query)
        scored = [(-max(_similarity(key, fold(n)) for n in (r.id, *r.names)), r.id, r) for r in self.records]
        scored.sort(key=lambda item: (item[0], item[1]))
        return tuple(record for _, _, record in scored[:limit])


def _similarity(query: str, name: str) -> float:
    if not query or not name:
        return 0.0
    if query == name:
        return 2.0
    if name.startswith(query) or query in name:
        return 1.0 + len(query) / len(name) / 2
    return similarity(query, name)
