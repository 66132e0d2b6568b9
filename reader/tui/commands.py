"""The command palette provider: the same actions as the keys, found by name."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider


class ReaderCommands(Provider):
    """Offer every reader binding (its description and tooltip) as a command."""

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        app = self.app
        commands: list[tuple[str, str, Callable[[], object]]] = []
        for binding in getattr(app, "BINDINGS", []):
            if not isinstance(binding, Binding) or not (binding.id or "").startswith("reader."):
                continue
            key = binding.key.split(",")[0]
            name = f"{binding.tooltip or binding.description} ({app.get_key_display(Binding(key, ''))})"
            commands.append((name, f"key id: {binding.id}", partial(app.run_action, binding.action)))
        return commands

    async def discover(self) -> Hits:
        """All commands, when the palette opens empty."""
        for name, help_text, run in self._commands():
            yield DiscoveryHit(name, run, help=help_text)

    async def search(self, query: str) -> Hits:
        """Commands whose name matches ``query``."""
        matcher = self.matcher(query)
        for name, help_text, run in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), run, help=help_text)
