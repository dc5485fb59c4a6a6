"""The key bar: Textual's Footer, rebuilt only when the keys it shows change."""

from __future__ import annotations

from textual.widgets import Footer


class KeyFooter(Footer):
    """A :class:`~textual.widgets.Footer` that skips rebuilds showing the same keys.

    The Footer rebuilds all its key widgets after every binding refresh, and Textual refreshes
    bindings several times while a screen starts (pushed, focused, idle): three rebuilds of the
    same thirteen keys, each with a new layout, before the interview screen settles.
    """

    _shown: tuple[object, ...] | None = None

    def _keys_to_show(self) -> tuple[object, ...]:
        return (
            self.compact,
            tuple(
                (binding.key, binding.description, binding.action, binding.show, enabled, tooltip)
                for _, binding, enabled, tooltip in self.screen.active_bindings.values()
            ),
        )

    async def recompose(self) -> None:
        if not self.is_attached:  # its screen was closed before the rebuild came round
            return
        shown = self._keys_to_show()
        if shown == self._shown:
            return
        self._shown = shown
        await super().recompose()
