"""The note's editor: a ``TextArea`` that handles every key it takes in the order pressed.

A stock ``TextArea`` types characters when it receives their key, but its other keys
(Backspace, Delete, the arrows, ...) are bindings, which Textual resolves only after the key
has travelled up to the app. In a burst of keys (a paste, fast typing while the app is busy)
the characters behind a Backspace were typed before it was carried out. Here the editor runs
its own bindings when it receives the key, so every key lands in order.

Imported only when a note is first edited (see ``widgets/note.py``).
"""

from __future__ import annotations

from functools import cache

from textual.binding import Binding
from textual.events import Key
from textual.widgets import TextArea


@cache
def _actions() -> dict[str, str]:
    """The editor's own keys and their actions (TextArea's bindings)."""
    actions: dict[str, str] = {}
    for binding in Binding.make_bindings(TextArea.BINDINGS):
        actions.setdefault(binding.key, binding.action)
    return actions


class NoteEditor(TextArea):
    """The note's text area (``#note``)."""

    def handles(self, event: Key) -> bool:
        """Whether the editor itself does something with this key."""
        return event.is_printable or event.key == "enter" or event.key in _actions()

    async def press(self, event: Key) -> None:
        """Carry out a key the editor :meth:`handles`, now."""
        action = _actions().get(event.key)
        if action is not None:
            await self.run_action(action)
        elif not self.read_only and (event.is_printable or event.key == "enter"):
            text = "\n" if event.key == "enter" else event.character
            assert text is not None  # printable: it has a character
            start, end = self.selection
            self.replace(text, start, end, maintain_selection_offset=False)

    async def on_key(self, event: Key) -> None:
        if event.key in _actions():
            event.stop()
            event.prevent_default()
            await self.press(event)
