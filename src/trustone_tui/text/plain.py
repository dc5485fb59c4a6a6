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
    """One line of at most ``width`` characters; a longer text is cut with an ellipsis.

    A cut inside a word falls before that word unless that would lose more than half the
    width; trailing spaces and ``,;:`` before the ellipsis are dropped.
    """
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    head = text[: width - 1]
    if text[width - 1] != " ":
        words = head.rsplit(" ", 1)[0]
        if " " in head and len(words) > width // 2:
            head = words
    return head.rstrip().rstrip(",;:") + "…"


def first_sentence(text: str) -> str:
    """The text up to its first ``?`` or ``.`` that ends a sentence (the whole text without)."""
    text = " ".join(text.split())
    for mark in ("? ", ". "):
        cut = text.find(mark)
        if cut != -1:
            text = text[: cut + 1]
    return text
