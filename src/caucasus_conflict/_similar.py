"""Close matches for "did you mean ...?": difflib, imported on the first suggestion.

Nothing here is public. Only a mistake needs a suggestion, so ``import caucasus_conflict``
and a load of a good file never import difflib (#13).
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["close_matches", "similarity"]


def close_matches(word: str, possibilities: Sequence[str], n: int = 3, cutoff: float = 0.6) -> list[str]:
    """`difflib.get_close_matches`, best first.

    Examples:
        >>> close_matches("Azerbijan", ["Armenia", "Azerbaijan", "Russia"])
        ['Azerbaijan']
    """
    from difflib import get_close_matches

    return get_close_matches(word, possibilities, n=n, cutoff=cutoff)


def similarity(a: str, b: str) -> float:
    """`difflib.SequenceMatcher`'s ratio of *a* and *b*, from 0 to 1.

    Examples:
        >>> similarity("abcd", "abce")
        0.75
    """
    from difflib import SequenceMatcher

    return SequenceMatcher(None, a, b).ratio()
