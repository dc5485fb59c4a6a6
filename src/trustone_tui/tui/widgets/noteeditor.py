"""The note's editor: a ``TextArea`` that handles every key it takes in the order pressed
(see ``widgets/keys.py``).

Imported only when a note is first edited (see ``widgets/note.py``).
"""

from __future__ import annotations

from textual.events import Key
from textual.widgets import TextArea

from trustone_tui.tui.widgets.keys import own_actions


class NoteEditor(TextArea):
    """The note's text area (``#note``); Escape is the screen's (it leaves the note)."""

    def handles(self, event: Key) -> bool:
        """Whether the editor itself does something with this key."""
        return event.is_printable or event.key == "enter" or event.key in own_actions(TextArea)

    async def press(self, event: Key) -> None:
        """Carry out a key the editor :meth:`handles`, now."""
        action = own_actions(TextArea).get(event.key)
        if action is not None:
            await self.run_action(action)
        elif not self.read_only and (event.is_printable or event.key == "enter"):
            text = "\n" if event.key == "enter" else event.character
            assert text is not None  # printable: it has a character
            start, end = self.selection
            self.replace(text, start, end, maintain_selection_offset=False)

    async def on_key(self, event: Key) -> None:
        if event.key in own_actions(TextArea):
            event.stop()
            event.prevent_default()
            await self.press(event)
