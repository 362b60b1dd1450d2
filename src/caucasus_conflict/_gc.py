"""The cyclic garbage collector, paused while many records are built.

Building a million records allocates millions of objects, and each allocation counts
toward the next run of the cyclic garbage collector, which walks every object alive:
with a large data set already loaded, collections took half of a load's time, and the
first query of a data set (which builds its indexes) twice as long as the next. The
records and indexes hold no reference cycles, so the collector is paused while they are
built and restored (if it was on) when the last of the builds running ends, on every
path, errors included.

Paused, the collector still counts the allocations: switched back on, its next
allocation would start a collection of the youngest generation, which holds every
object just built, and a read of 10^5 GED rows paid a quarter of its time for it (and
again when they reached the middle generation). So, when the last build ends, the
objects alive are moved to the oldest generation first, as ``gc.freeze()`` then
``gc.unfreeze()`` do (documented: "put them back into the oldest generation"); the
counts start again from zero, and the records are walked only by the collector's
full collections, as every long-lived object is. That is skipped when the program
has frozen objects of its own (``gc.get_freeze_count()``, as a server that forks
does): unfreezing would give them back to the collector. On Python 3.12 every
collection moves the immortal objects it meets to the permanent generation, so the
count is rarely zero there and the move is mostly skipped: a read on 3.12 pays for the
young collection (the figures in docs/performance.md are of 3.11). Nothing here is public.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

__all__ = ["gc_paused"]

_GC_LOCK = threading.Lock()
_GC_STATE = {"depth": 0, "enabled": False}


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic collector for the block; nested and concurrent blocks restore it once, at the last exit.

    Examples:
        >>> import gc
        >>> with gc_paused():
        ...     gc.isenabled()
        False
        >>> gc.isenabled()
        True
    """
    with _GC_LOCK:
        if _GC_STATE["depth"] == 0:
            _GC_STATE["enabled"] = gc.isenabled()
            gc.disable()
        _GC_STATE["depth"] += 1
    try:
        yield
    finally:
        with _GC_LOCK:
            _GC_STATE["depth"] -= 1
            if _GC_STATE["depth"] == 0 and _GC_STATE["enabled"]:
                if gc.get_freeze_count() == 0:
                    gc.freeze()  # every object alive to the permanent generation, the counts to zero,
                    gc.unfreeze()  # and from there to the oldest generation: no object walked
                gc.enable()
