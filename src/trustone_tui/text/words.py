"""Dutch grammar for counted things and lists: ``1 punt``, ``3 punten``, ``3, 4 en 6``.

Every place that words a count or names several things in a sentence goes through here, so
"1 punten" or "Stap 3, 4, 6 telt" cannot come back in one corner of the app.
"""

from __future__ import annotations

from collections.abc import Iterable

from trustone_tui.engine.progress import Progress
from trustone_tui.text import formatting


def quantity(value: float, singular: str, plural: str) -> str:
    """``quantity(1, "punt", "punten")`` -> ``1 punt``; ``0,5 punten``, ``3 stappen``.

    Only exactly one takes the singular (Dutch: ``0 punten``, ``1,5 punten``); half points are
    written with a decimal comma.
    """
    return f"{formatting.points(value)} {singular if value == 1 else plural}"


def listing(items: Iterable[object], last: str = "en") -> str:
    """``3, 4 en 6``; ``3 en 4``; ``3``; ``""`` for none (``last="of"`` for alternatives)."""
    names = [str(item) for item in items]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {last} {names[-1]}"


def ordinal(number: int) -> str:
    """``1e``, ``3e``: the short Dutch ordinal (``het 3e jaar``)."""
    return f"{number}e"


def steps_not_counted(numbers: Iterable[int]) -> str:
    """``Stap 4 telt niet mee`` or ``Stappen 3, 4 en 6 tellen niet mee`` (no full stop)."""
    numbers = list(numbers)
    if len(numbers) == 1:
        return f"Stap {numbers[0]} telt niet mee"
    return f"Stappen {listing(numbers)} tellen niet mee"


def progress_text(progress: Progress) -> str:
    """``31 van 39 beantwoord``: answered of the questions that count for the company."""
    return f"{progress.answered} van {progress.counted} beantwoord"
