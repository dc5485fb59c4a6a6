"""No cyclic garbage collection while the interview app starts; full collections while idle.

Starting builds what lives until the process ends: Textual's and our modules, the question
bank, the first screen's widgets. The collector would scan them again and again while they
are being built (about 40 ms of a 0.55 s start). The ``trustone`` command pauses it before
the imports; the app freezes what start-up made and resumes collecting once its first screen
is painted. The few thousand cyclic objects start-up leaves behind (well under a megabyte)
are frozen with the rest instead of being collected.

Later, Python starts a full collection (every object not frozen: tens of thousands after a
few questions, 15-30 ms) in the middle of whatever allocates at that moment, typically an
answer key. :func:`collect_when_due` starts it a little earlier, after a frame, while the app
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
_full_collection_queued = False


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


def collect_when_due(after_frame: Callable[[Callable[[], None]], object]) -> None:
    """Queue a full collection with ``after_frame`` (the app's ``call_after_refresh``) when
    one is due, so it runs after the frame being drawn instead of inside the next key press.
    Call it when the app is idle; a due collection is queued once."""
    global _full_collection_queued
    if _full_collection_queued or not gc.isenabled():
        return
    if gc.get_count()[2] >= FULL_COLLECTION_AFTER:
        _full_collection_queued = True
        after_frame(_collect_fully)


def _collect_fully() -> None:
    global _full_collection_queued
    _full_collection_queued = False
    gc.collect()
