"""Terminal widths at which the screens change their layout (see app.tcss)."""

from __future__ import annotations

#: Below this many columns (80x24 included) side panels go under or above the main content,
#: and the score panel becomes a compact line on top.
NARROW_BELOW = 100
