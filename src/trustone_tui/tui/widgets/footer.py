"""Textual's ``Footer`` with the screen's keys in its first frame, rebuilt only when they change.

The stock Footer composes empty, waits for the screen's first "bindings updated" signal and
then recomposes, and it recomposes again on every later signal (each focus change sends one)
even when the keys it shows stay the same. Each recompose mounts a widget per key and costs a
frame and a layout of the whole screen; each ``FooterKey`` also restyled itself when its
``compact`` state was bound after mounting. On the interview screen (13 keys) that came after
the screen's first frame: another frame and layout before it settled (figures in
docs/performance.md). This footer builds the same ``FooterKey`` widgets, styled and laid out as
the stock ones, from the screen's active bindings when it is first composed, and recomposes
only when the keys shown differ.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby
from typing import NamedTuple

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

# Textual's own footer parts; textual.widgets does not re-export them.
from textual.widgets._footer import FooterKey, FooterLabel, KeyGroup


class ShownKey(NamedTuple):
    """One key the footer shows."""

    binding: Binding
    enabled: bool
    tooltip: str


class ShownKeys(NamedTuple):
    """Everything the footer shows: its keys (one per action) and the command palette key."""

    keys: tuple[ShownKey, ...]
    palette: ShownKey | None


def shown_keys(screen: Screen[object], with_palette: bool) -> ShownKeys:
    """The keys the stock Footer would show for ``screen``'s active bindings."""
    active = screen.active_bindings
    per_action: dict[str, ShownKey] = {}
    for _, binding, enabled, tooltip in active.values():
        if binding.show:
            per_action.setdefault(binding.action, ShownKey(binding, enabled, tooltip))
    palette = None
    if with_palette and screen.app.ENABLE_COMMAND_PALETTE:
        found = active.get(screen.app.COMMAND_PALETTE_BINDING)
        if found is not None:
            binding = found.binding
            palette = ShownKey(binding, found.enabled, binding.tooltip or binding.description)
    return ShownKeys(tuple(per_action.values()), palette)


class KeyFooter(Footer):
    """The stock Footer, complete in its first frame and recomposed only when its keys change."""

    def __init__(self, *, compact: bool = False) -> None:
        super().__init__(compact=compact)
        self._shown: ShownKeys | None = None

    def compose(self) -> ComposeResult:
        self._shown = shown_keys(self.screen, self.show_command_palette)
        for group, members in groupby(self._shown.keys, lambda key: key.binding.group):
            yield from self._group(group, list(members))
        palette = self._shown.palette
        if palette is not None:
            # As in the stock Footer: compact (FooterKey's default) and not bound to the
            # footer's own ``compact``.
            yield self._key(palette, palette.binding.description, "-command-palette", bound=False)

    def _group(self, group: Binding.Group | None, members: list[ShownKey]) -> Iterator[Widget]:
        if group is None or len(members) == 1:
            for member in members:
                yield self._key(member, member.binding.description)
            return
        with KeyGroup(classes="-compact" if group.compact else ""):
            for member in members:
                tooltip = member.tooltip or member.binding.description
                yield self._key(member, "", "-grouped", tooltip=tooltip)
        yield FooterLabel(group.description)

    def _key(
        self,
        shown: ShownKey,
        description: str,
        classes: str = "",
        *,
        tooltip: str | None = None,
        bound: bool = True,
    ) -> FooterKey:
        """A stock footer key made with its ``compact`` state (the footer's when ``bound``):
        binding it after mounting restyled each key (twice)."""
        compact = self.compact if bound else True
        key = FooterKey(
            shown.binding.key,
            self.app.get_key_display(shown.binding),
            description,
            shown.binding.action,
            disabled=not shown.enabled,
            tooltip=shown.tooltip if tooltip is None else tooltip,
            classes=f"{classes} -compact" if compact else classes,
        )
        key.set_reactive(FooterKey.compact, compact)
        return key.data_bind(compact=Footer.compact) if bound else key

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Recompose (as the stock Footer does) only when the keys shown would change."""
        unchanged = (
            self._shown is not None
            and screen is self.screen
            and shown_keys(screen, self.show_command_palette) == self._shown
        )
        if not unchanged:
            super().bindings_changed(screen)
