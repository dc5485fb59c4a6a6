"""The note of a question: shown as text, and made editable when the interviewer writes.

A ``TextArea`` (with its document, history and theme modules) costs about 10 ms of the
interview's start-up (``docs/performance.md``) and is only needed once somebody writes a note.
:class:`NoteField` shows the note as text and swaps in a ``TextArea`` the first time it
is focused (the e key, a click, Tab); from then on the editor stays.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.containers import Vertical
from textual.content import Content
from textual.events import Focus
from textual.message import Message
from textual.widgets import Static

from trustone_tui.text.plain import printable

if TYPE_CHECKING:
    from trustone_tui.tui.widgets.noteeditor import NoteEditor

#: What an empty note says before it is edited.
EMPTY_NOTE = "Nog geen notitie: e of klik om te schrijven."


class NoteText(Static, can_focus=True):
    """The note as text; focusing it asks for the editor."""

    class Wanted(Message):
        """The note is to be edited."""

    def show(self, note: str) -> None:
        self.update(Content(printable(note)) if note else Content.styled(EMPTY_NOTE, "$text-muted"))

    def on_focus(self, event: Focus) -> None:
        self.post_message(self.Wanted())


class NoteField(Vertical):
    """The question's note: text until it is first edited, then a ``TextArea`` (``#note``)."""

    def __init__(self, note: str = "", *, id: str | None = None) -> None:
        self._text = NoteText(id="note-text")
        self._text.show(note)
        super().__init__(self._text, id=id)
        self._note = note
        self.editor: NoteEditor | None = None

    def show(self, note: str) -> None:
        """Show another question's note (without reporting it as typed)."""
        self._note = note
        if self.editor is None:
            self._text.show(note)
            return
        with self.prevent(type(self.editor).Changed):
            self.editor.load_text(printable(note))

    async def edit(self) -> NoteEditor:
        """The editor, made (in place of the text) the first time; focused at once (not
        after the keys already on their way), with the cursor at the end of the note."""
        if self.editor is None:
            from trustone_tui.tui.widgets.noteeditor import NoteEditor

            # A control character is shown as its escape (kept as that text once edited).
            self.editor = NoteEditor(
                printable(self._note),
                id="note",
                soft_wrap=True,
                compact=True,
                show_line_numbers=False,
            )
            await self.mount(self.editor)
            await self._text.remove()
        if self.screen.focused is not self.editor:
            self.editor.move_cursor(self.editor.document.end)
            self.screen.set_focus(self.editor)
        return self.editor

    async def on_note_text_wanted(self, message: NoteText.Wanted) -> None:
        message.stop()
        await self.edit()
