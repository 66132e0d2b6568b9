"""The command palette provider: the same actions as the keys, found by the words people type.

Each reader binding has a title that says what it does ("Export the Markdown summary") and a
few words people may type for it ("save", "report"). A query matches when every word of it
starts a word of the title or of those words: "exp" finds Export, "next third" the next
third-party sentence, and "help" no longer finds "t-h-e artic-l-e p-ane" letter by letter as
a fuzzy matcher would. Binding ids are for keymaps (see the README), not shown here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from rich.text import Text
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider

_WORD = re.compile(r"[^\W_]+")

# binding id -> (title, words people may type for it besides the title)
COMMANDS: dict[str, tuple[str, str]] = {
    "reader.next_sentence": ("Next sentence", "down forward"),
    "reader.previous_sentence": ("Previous sentence", "up back"),
    "reader.next_claim": ("Next attributed sentence", "claim quote source"),
    "reader.previous_claim": ("Previous attributed sentence", "claim quote source back"),
    "reader.next_match": ("Next search match", ""),
    "reader.previous_match": ("Previous search match", "back"),
    "reader.next_official": ("Next official sentence", "government institution"),
    "reader.previous_official": ("Previous official sentence", "government institution back"),
    "reader.next_third_party": ("Next third-party sentence", "media expert witness anonymous"),
    "reader.previous_third_party": ("Previous third-party sentence", "media expert witness anonymous back"),
    "reader.next_unattributed": ("Next unattributed sentence", "writer assertion unsourced"),
    "reader.previous_unattributed": ("Previous unattributed sentence", "writer assertion unsourced back"),
    "reader.page_down": ("Page down", "screen scroll forward"),
    "reader.page_up": ("Page up", "screen scroll back"),
    "reader.top": ("First sentence", "top start beginning home"),
    "reader.bottom": ("Last sentence", "bottom end"),
    "reader.next_pane": ("Next pane", "focus switch tab"),
    "reader.previous_pane": ("Previous pane", "focus switch tab"),
    "reader.pane_article": ("Focus the article", "text pane"),
    "reader.pane_sources": ("Show the sources", "who speaks table pane"),
    "reader.pane_numbers": ("Show the numbers", "quantities figures claims table pane"),
    "reader.toggle_side": ("Hide or show the tables", "side pane sources numbers wide article"),
    "reader.filter": ("Filter by class", "only official third party unattributed dim"),
    "reader.search": ("Search the text", "find look"),
    "reader.clear": ("Clear the search or the focused source", "escape cancel"),
    "reader.copy": ("Copy the sentence", "clipboard yank label source"),
    "reader.export": ("Export the Markdown summary", "save write report file markdown"),
    "reader.open": ("Open another article", "file load browse"),
    "reader.reload": ("Reload the article", "refresh file changed"),
    "reader.correct_label": ("Correct the sentence's class", "label fix wrong change mark"),
    "reader.correct_source": ("Correct the sentence's source", "speaker who said attribute fix wrong none"),
    "reader.correct_type": ("Correct a source's type", "fix wrong media expert anonymous kind remember"),
    "reader.rename_source": ("Rename a source", "name fix wrong"),
    "reader.merge_source": ("Merge two sources", "same person join combine duplicate"),
    "reader.undo": ("Undo the last correction", "revert take back"),
    "reader.redo": ("Redo the correction undone", "again"),
    "reader.help": ("Help: every key", "keys shortcuts bindings"),
    "reader.quit": ("Quit reader", "exit close leave"),
}


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def command_matches(query: str, title: str, extra: str = "") -> float:
    """How well ``query`` names a command: 0 when some query word starts no word of it.

    A word that starts the title counts most, a word of the title next, one of the extra
    words least; the result is in (0, 1].
    """
    wanted = _words(query)
    if not wanted:
        return 0.0
    title_words, extra_words = _words(title), _words(extra)
    points = 0
    for word in wanted:
        if title_words and title_words[0].startswith(word):
            points += 3
        elif any(w.startswith(word) for w in title_words):
            points += 2
        elif any(w.startswith(word) for w in extra_words):
            points += 1
        else:
            return 0.0
    return points / (3 * len(wanted))


def highlight(title: str, query: str) -> Text:
    """The title with the words the query matched in bold."""
    text = Text(title)
    wanted = _words(query)
    for match in _WORD.finditer(title):
        if any(match.group().casefold().startswith(w) for w in wanted):
            text.stylize("bold underline", match.start(), match.end())
    return text


@dataclass(frozen=True)
class Command:
    """One palette entry: what it is called, the words it answers to, what it does."""

    title: str
    extra: str
    help: str
    run: Callable[[], object]


class ReaderCommands(Provider):
    """Offer every reader binding as a command, by its title and the words people use for it."""

    def _commands(self) -> list[Command]:
        app = self.app
        keymap: dict[str, str] = getattr(app, "_keymap", {}) or {}
        commands = []
        for binding in getattr(app, "BINDINGS", []):
            if not isinstance(binding, Binding) or binding.id not in COMMANDS:
                continue
            title, extra = COMMANDS[binding.id]
            key = keymap.get(binding.id, binding.key).split(",")[0].strip()
            help_text = f"{binding.tooltip}  (key: {app.get_key_display(Binding(key, ''))})"
            run = partial(app.run_action, binding.action)
            commands.append(Command(title, f"{extra} {binding.description}", help_text, run))
        return commands

    async def discover(self) -> Hits:
        """All commands, when the palette opens empty."""
        for command in self._commands():
            yield DiscoveryHit(command.title, command.run, text=command.title, help=command.help)

    async def search(self, query: str) -> Hits:
        """Commands named by every word of ``query``, best first (ties in the order of the keys)."""
        commands = self._commands()
        for order, command in enumerate(commands):
            score = command_matches(query, command.title, command.extra)
            if score > 0:
                yield Hit(
                    score - order / (1000 * len(commands)),
                    highlight(command.title, query),
                    command.run,
                    text=command.title,
                    help=command.help,
                )
