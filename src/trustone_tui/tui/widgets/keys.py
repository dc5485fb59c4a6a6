"""Fields that carry out the keys they take at once, in the order pressed.

A stock ``Input`` or ``TextArea`` types a character when it receives its key, but its other
keys (Backspace, Delete, the arrows, ...) are bindings, which Textual resolves only after the
key has travelled up to the app. In a burst of keys (a paste, fast typing while the app is
busy) the characters behind a Backspace were typed before it was carried out. These fields
run their own bindings when they receive the key; the interview screen hands them the keys
that were on their way before the field had the focus (``InterviewScreen.on_key``).
"""

from __future__ import annotations

from functools import cache
from typing import Protocol

from textual.binding import Binding
from textual.events import Key
from textual.widget import Widget
from textual.widgets import Input

#: Keys the interview screen handles itself while a field has the focus (see on_key there).
LEAVING_KEYS = frozenset({"enter", "escape"})


@cache
def own_actions(widget_class: type[Widget]) -> dict[str, str]:
    """A widget class's own keys and their actions (its ``BINDINGS``, comma keys split)."""
    actions: dict[str, str] = {}
    for binding in Binding.make_bindings(widget_class.BINDINGS):
        actions.setdefault(binding.key, binding.action)
    return actions


class TypingField(Protocol):
    """A field that types the keys it is handed, in order."""

    def handles(self, event: Key) -> bool: ...

    async def press(self, event: Key) -> None: ...


class PercentageInput(Input):
    """The percentage input (``#percentage``); Enter is the screen's (it confirms and leaves)."""

    def handles(self, event: Key) -> bool:
        """Whether the input itself does something with this key."""
        return event.is_printable or (
            event.key in own_actions(Input) and event.key not in LEAVING_KEYS
        )

    async def press(self, event: Key) -> None:
        """Carry out a key the input :meth:`handles`, now."""
        if event.is_printable:
            assert event.character is not None  # printable: it has a character
            selection = self.selection
            if selection.is_empty:
                self.insert_text_at_cursor(event.character)
            else:
                self.replace(event.character, *selection)
        elif (action := own_actions(Input).get(event.key)) is not None:
            await self.run_action(action)

    async def on_key(self, event: Key) -> None:
        if not event.is_printable and self.handles(event):
            event.stop()
            event.prevent_default()
            await self.press(event)
