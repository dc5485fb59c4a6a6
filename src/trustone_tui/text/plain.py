"""Plain text for a terminal: control characters from answer files shown, not obeyed."""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL and C1 controls (ESC sequences could restyle or
# rewrite a terminal; TOML strings can hold them as \u escapes).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """``"a\\x1b[31mb"`` -> ``"a\\\\x1b[31mb"``: control characters as visible escapes."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def clip(text: str, width: int) -> str:
    """One line of at most ``width`` characters, cut with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
