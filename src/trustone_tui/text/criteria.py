"""The Dutch wording of a question's criteria: the band scale of a band question."""

from __future__ import annotations

from trustone_tui.framework.model import CriteriaVariant
from trustone_tui.text import formatting


def band_table(variant: CriteriaVariant) -> str:
    """``"0<20%: 0 punten; 20<40%: 2 punten; ..."``."""
    return "; ".join(f"{b.label}: {formatting.points_count(b.points)}" for b in variant.bands)
