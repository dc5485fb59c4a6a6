"""Pressing keys in one burst, as a paste or fast typing does: every key is queued before the
app handles the first (Pilot.press waits for the app to be idle after each key)."""

from __future__ import annotations

import unicodedata

from textual import events
from textual.app import App


def key_event(key: str) -> events.Key:
    """The event the terminal driver makes for ``key``: a key name such as ``backspace``, or
    one character (named as Textual names it: ``space``, ``exclamation_mark``)."""
    if len(key) == 1:
        name = key if key.isalnum() else unicodedata.name(key).lower().replace(" ", "_")
        name = name.replace("-", "_")
        return events.Key(name, key)
    return events.Key(key, None)


async def burst(app: App[object], *keys: str) -> None:
    """Queue every key at once; the caller pauses afterwards to let the app handle them."""
    for key in keys:
        event = key_event(key)
        event.set_sender(app)
        app.post_message(event)
