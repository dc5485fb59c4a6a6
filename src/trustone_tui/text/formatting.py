"""Dutch number formatting for points and percentages (``44,5`` and ``2,4%``)."""

from __future__ import annotations

import math


def points(value: float) -> str:
    """Whole points without decimals, half points with one: ``6``, ``44,5``."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.1f}".replace(".", ",")


def shortfall(value: float) -> str:
    """Percentage points still needed, rounded *up* to one decimal, so the amount shown is
    always enough: ``0,1`` for 0,001 and ``20`` for 20 (0 only for 0)."""
    tenths = math.ceil(round(value * 10, 6))  # float noise: 0.1 * 10 is not above 1
    return points((max(tenths, 1) if value > 0 else 0) / 10)


def percent(value: float, decimals: int = 1) -> str:
    """``2,3%``; whole percentages without decimals (``75%``).

    Rounds *down*, so a shown ``20%`` always means at least 20% (19,96% shows as ``19,9%``).
    """
    scale = 10**decimals
    truncated = math.floor(value * scale + 1e-9) / scale
    if truncated.is_integer():
        return f"{int(truncated)}%"
    return f"{truncated:.{decimals}f}%".replace(".", ",")


def euros(value: int) -> str:
    """``€ 3.200.000``."""
    return "€ " + f"{value:,}".replace(",", ".")


def points_word(value: float) -> str:
    """``punt`` for exactly one point, ``punten`` otherwise (``0,5 punten``, ``2 punten``)."""
    return "punt" if value == 1 else "punten"


def points_count(value: float) -> str:
    """Points with their unit: ``1 punt``, ``44,5 punten``."""
    return f"{points(value)} {points_word(value)}"
