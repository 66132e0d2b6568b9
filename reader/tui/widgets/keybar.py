"""The key bar at the bottom: the keys that apply now, drawn as one line of text.

Textual's ``Footer`` mounts a widget per key and recomposes them all whenever the bindings
change (every focus change, opening search): a tenth to a third of a second on a loaded
machine, on keys that should answer at once. This draws the same hints as one ``Text``,
redrawn when the screen says its bindings changed; a click on a hint runs its action.
When the hints are wider than the bar, the last ones declared go first, but help and quit
always stay (the help lists every key).
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widget import Widget

KEPT = frozenset({"help", "quit"})
"""Actions whose hints stay when the bar is too narrow for all of them."""


class KeyBar(Widget):
    """Each shown binding of the active screen as ``key description``; disabled ones dimmed."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"keybar--key", "keybar--description"}
    """The key and its description, restyled from ``reader.tcss``."""

    DEFAULT_CSS = """
    KeyBar { height: 1; dock: bottom; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._spans: list[tuple[int, int, Binding, DOMNode]] = []
        self._drawn: tuple[tuple[Binding, bool, DOMNode], ...] | None = None  # the hints last drawn

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        # Published at every focus change, often twice: redrawn only when a hint comes, goes or greys.
        if self.is_attached and screen is self.screen and self._shown() != self._drawn:
            self.refresh()

    def _shown(self) -> tuple[tuple[Binding, bool, DOMNode], ...]:
        return tuple(self.hints())

    def hints(self) -> list[tuple[Binding, bool, DOMNode]]:
        """The bindings shown, one per action (its first key), in the order they are declared."""
        seen: set[str] = set()
        shown = []
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if binding.show and binding.description and binding.action not in seen:
                seen.add(binding.action)
                shown.append((binding, active.enabled, active.node))
        return shown

    def fitting(self, width: int) -> list[tuple[Binding, bool, DOMNode]]:
        """The hints that fit in ``width`` cells: the last declared are left out first, never help or quit."""
        hints = self.hints()
        widths = [cell_len(self.app.get_key_display(b)) + 1 + cell_len(b.description) for b, _, _ in hints]
        total = sum(widths) + max(len(hints) - 1, 0)
        for at in range(len(hints) - 1, -1, -1):
            if total <= width:
                break
            if hints[at][0].action not in KEPT:
                total -= widths[at] + 1
                del hints[at], widths[at]
        return hints

    def render(self) -> Text:
        key_style = self.get_component_rich_style("keybar--key")
        text_style = self.get_component_rich_style("keybar--description")
        text = Text(no_wrap=True, overflow="ellipsis")
        spans = []
        self._drawn = self._shown()
        for binding, enabled, node in self.fitting(self.size.width):
            if text:
                text.append(" ")
            start = len(text)
            style_key, style_text = (key_style, text_style) if enabled else (key_style + _DIM, text_style + _DIM)
            text.append(self.app.get_key_display(binding), style_key)
            text.append(f" {binding.description}", style_text)
            spans.append((start, len(text), binding, node))
        self._spans = spans
        return text

    async def on_click(self, event: events.Click) -> None:
        for start, end, binding, node in self._spans:
            if start <= event.x < end:
                await self.app.run_action(binding.action, node)
                return


_DIM = Style(dim=True)
