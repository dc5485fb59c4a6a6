"""The help screen names every letter key of the interview, the hidden ones included."""

from __future__ import annotations

from textual.binding import Binding

from trustone_tui.tui.screens.help import KEYS
from trustone_tui.tui.screens.interview import InterviewScreen


def letter_keys() -> set[str]:
    keys: set[str] = set()
    for binding in InterviewScreen.BINDINGS:
        assert isinstance(binding, Binding)
        if binding.description:  # a key with a meaning of its own, not a fallback
            keys.update(key for key in binding.key.split(",") if len(key) == 1)
    return keys


def test_every_letter_key_of_the_interview_is_in_the_help():
    assert {"k", "m", "w", "s", "b"} <= letter_keys()
    missing = sorted(key for key in letter_keys() if f"`{key}`" not in KEYS)
    assert not missing, f"help does not name: {missing}"
