"""No cyclic garbage collection while the interview app starts.

Starting builds what lives until the process ends: Textual's and our modules, the question
bank, the first screen's widgets. The collector would scan them again and again while they
are being built (about 40 ms of a 0.55 s start). The ``trustone`` command pauses it before
the imports; the app freezes what start-up made and resumes collecting once its first screen
is painted. The few thousand cyclic objects start-up leaves behind (well under a megabyte)
are frozen with the rest instead of being collected.

Importing this module imports nothing else, so the pause can begin before the imports.
"""

from __future__ import annotations

import gc

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
