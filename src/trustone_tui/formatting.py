"""Dutch number formatting for points and percentages (``44,5`` and ``2,4%``)."""

from __future__ import annotations

import math


def points(value: float) -> str:
    """Whole points without decimals, half points with one: ``6``, ``44,5``."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.1f}".replace(".", ",")


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
