"""No cyclic garbage collection while the interview app starts; full collections while idle.

Starting builds what lives until the process ends: Textual's and our modules, the question
bank, the first screen's widgets. The collector would scan them again and again while they
are being built (about 40 ms of a 0.55 s start). The ``trustone`` command pauses it before
the imports; the app freezes what start-up made and resumes collecting once its first screen
is painted. The few thousand cyclic objects start-up leaves behind (well under a megabyte)
are frozen with the rest instead of being collected.

Later, Python starts a full collection (every object not frozen: tens of thousands after a
few questions, 15-30 ms) in the middle of whatever allocates at that moment, typically an
answer key. :class:`IdleCollector` starts it a little earlier, after a frame, while the app
waits for the next key.

Importing this module imports nothing else, so the pause can begin before the imports.
"""

from __future__ import annotations

import gc
from collections.abc import Callable

#: Young (generation 1) collections after which the app starts a full collection when idle.
#: Python starts one itself after more than its threshold (10, the default) of them, when
#: enough new long-lived objects piled up; starting at 8 keeps it ahead of that.
FULL_COLLECTION_AFTER = 8

_paused = False


def pause_collection() -> None:
    """Stop cyclic garbage collection until :func:`resume_collection` (if it is running)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume_collection() -> None:
    """Freeze every object made so far out of the collector's way, then collect again if
    :func:`pause_collection` stopped it (a process that turned it off itself keeps it off)."""
    global _paused
    gc.freeze()
    if _paused:
        _paused = False
        gc.enable()


class IdleCollector:
    """Starts a due full garbage collection after a frame, while its app waits for a key.

    Each app has its own, so a collection an app queued but never ran (it quit first) does
    not keep another app in the same process from queuing one.
    """

    def __init__(self) -> None:
        self._queued = False

    def collect_when_due(self, after_frame: Callable[[Callable[[], None]], object]) -> None:
        """Queue a full collection with ``after_frame`` (the app's ``call_after_refresh``)
        when one is due, so it runs after the frame being drawn instead of inside the next
        key press. Call it when the app is idle; a due collection is queued once."""
        if self._queued or not gc.isenabled():
            return
        if gc.get_count()[2] >= FULL_COLLECTION_AFTER:
            self._queued = True
            after_frame(self._collect)

    def _collect(self) -> None:
        self._queued = False
        gc.collect()
