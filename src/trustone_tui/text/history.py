"""The Dutch wording of an undo or redo step (``engine/history.py``)."""

from __future__ import annotations

from trustone_tui.engine.history import Change, Field

FIELD_WORDS: dict[Field, str] = {
    "answer": "antwoord",
    "percentage": "percentage",
    "elements": "onderdelen",
    "note": "notitie",
    "follow_up": "opvolgen",
}


def _listed(words: list[str]) -> str:
    """``a``, ``a en b``, ``a, b en c``."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " en " + words[-1]


def change_text(change: Change) -> str:
    """``1.1.4: antwoord en notitie``; several questions separated by ``;``."""
    return "; ".join(
        f"{question_id}: {_listed([FIELD_WORDS[f] for f in fields])}"
        for question_id, fields in change.questions
    )
