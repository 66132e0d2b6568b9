"""The correction dialogs: pick a label, a type, a source (or none), or type a new name.

Each is small and answers at once: arrows and ``enter`` (or a click) choose, a letter chooses
directly where the choices have one, ``escape`` cancels (dismissed with None). Names shown
are article text: plain ``Text``, neutralised, never markup.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from reader.core.model import Label, SourceType
from reader.export.legend import LABEL_NAMES, MARKERS
from reader.safe_text import visible

NONE = "-none-"  # the option id of "no source": no source id can be this
TYPE_KEYS = {
    SourceType.OFFICIAL: "o",
    SourceType.MEDIA: "m",
    SourceType.ANONYMOUS: "a",
    SourceType.EXPERT: "e",
    SourceType.OTHER: "x",
}
TYPE_WORDS = {
    SourceType.OFFICIAL: "official",
    SourceType.MEDIA: "media (an outlet or a journalist)",
    SourceType.ANONYMOUS: "anonymous",
    SourceType.EXPERT: "expert",
    SourceType.OTHER: "other (a third party)",
}
LABEL_KEYS = {Label.OFFICIAL: "o", Label.THIRD_PARTY: "t", Label.UNATTRIBUTED: "u"}


def _line(text: str) -> Text:
    return Text(" ".join(visible(text).split()))


class PickScreen(ModalScreen[str | None]):
    """A short list to choose from; dismissed with the chosen option's id, or None (``escape``)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="reader.pick_cancel", tooltip="Close without changing anything"),
    ]

    AUTO_FOCUS = "#pick-list"

    def __init__(
        self,
        question: str,
        options: list[tuple[str, Text]],
        current: str | None = None,
        hint: str = "↑/↓ and enter: choose · escape: cancel",
    ) -> None:
        super().__init__()
        self.question = question
        self.options = options
        self.current = current
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(id="pick-dialog"):
            yield Static(_line(self.question), id="pick-question")
            yield OptionList(*(Option(prompt, id=key) for key, prompt in self.options), id="pick-list")
            yield Static(self.extra(), id="pick-extra")
            yield Static(Text(self.hint), id="pick-hint")

    def extra(self) -> Text:
        """A line under the choices (the type dialog's "remember" switch); none here."""
        return Text()

    def on_mount(self) -> None:
        ids = [key for key, _ in self.options]
        if self.current in ids:
            self.query_one(OptionList).highlighted = ids.index(self.current)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_choose(event.option_id or "")

    def action_choose(self, key: str) -> None:
        """Close with ``key`` chosen."""
        self.dismiss(key)

    def action_cancel(self) -> None:
        """Close without choosing."""
        self.dismiss(None)


class LabelScreen(PickScreen):
    """The class of the current sentence: ``o`` official, ``t`` third party, ``u`` unattributed."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o", "choose('official')", "Official", id="reader.pick_official", tooltip="Official"),
        Binding("t", "choose('third_party')", "Third party", id="reader.pick_third_party", tooltip="Third party"),
        Binding(
            "u",
            "choose('unattributed')",
            "Unattributed",
            id="reader.pick_unattributed",
            tooltip="Unattributed: the writer's own",
        ),
    ]

    def __init__(self, number: str, current: Label) -> None:
        options = [
            (label.value, Text(f"{LABEL_KEYS[label]}  {MARKERS[label]} {LABEL_NAMES[label]}")) for label in Label
        ]
        super().__init__(
            f"Class of {number}:", options, current.value, "o/t/u or ↑/↓ and enter: choose · escape: cancel"
        )


class TypeScreen(ModalScreen[tuple[SourceType, bool] | None]):
    """The type of a source, and whether to remember it for every article (``r``)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="reader.type_cancel", tooltip="Close without changing anything"),
        Binding(
            "r",
            "toggle_remember",
            "Remember",
            id="reader.type_remember",
            tooltip="Remember this type for all articles (your sources file)",
        ),
        *(
            Binding(
                key,
                f"choose('{kind.value}')",
                kind.value.title(),
                id=f"reader.type_{kind.value}",
                tooltip=TYPE_WORDS[kind],
            )
            for kind, key in TYPE_KEYS.items()
        ),
    ]

    AUTO_FOCUS = "#pick-list"

    def __init__(self, name: str, current: SourceType, *, can_remember: bool = True) -> None:
        super().__init__()
        self.name_shown = name
        self.current = current
        self.can_remember = can_remember
        self.remember = False

    def compose(self) -> ComposeResult:
        with Vertical(id="pick-dialog"):
            yield Static(_line(f"Type of {self.name_shown}:"), id="pick-question")
            yield OptionList(
                *(Option(Text(f"{TYPE_KEYS[kind]}  {TYPE_WORDS[kind]}"), id=kind.value) for kind in SourceType),
                id="pick-list",
            )
            yield Static(self._remember_line(), id="pick-extra")
            keys = "/".join(TYPE_KEYS.values())
            yield Static(Text(f"{keys} or ↑/↓ and enter: choose · r: remember · escape: cancel"), id="pick-hint")

    def on_mount(self) -> None:
        self.query_one(OptionList).highlighted = list(SourceType).index(self.current)

    def _remember_line(self) -> Text:
        if not self.can_remember:
            return Text("(a source with no name is not remembered across articles)", style="italic")
        box = "[x]" if self.remember else "[ ]"
        return Text(f"{box} remember for all articles (your sources file)")

    def action_toggle_remember(self) -> None:
        """Remember the type in the sources file too (or not)."""
        if self.can_remember:
            self.remember = not self.remember
            self.query_one("#pick-extra", Static).update(self._remember_line())

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_choose(event.option_id or "")

    def action_choose(self, kind: str) -> None:
        """Close with type ``kind``."""
        self.dismiss((SourceType(kind), self.remember))

    def action_cancel(self) -> None:
        """Close without changing the type."""
        self.dismiss(None)


def source_options(sources: list[tuple[str, str, str]], *, none: bool) -> list[tuple[str, Text]]:
    """Options for the sources ``(id, name, type)``, then "none" when ``none``."""
    options = [(sid, Text(f"{' '.join(visible(name).split())}  ({kind})")) for sid, name, kind in sources]
    if none:
        options.append((NONE, Text("none: the writer's own statement", style="italic")))
    return options


class RenameScreen(ModalScreen[str | None]):
    """A new name for a source, prefilled with its name; ``enter`` takes it, ``escape`` cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="reader.rename_cancel", tooltip="Keep the name"),
    ]

    AUTO_FOCUS = "#rename-name"

    def __init__(self, name: str) -> None:
        super().__init__()
        self.old = " ".join(visible(name).split())
        self.box = Input(self.old, id="rename-name", select_on_focus=False)

    def compose(self) -> ComposeResult:
        with Vertical(id="pick-dialog"):
            yield Static(_line(f"New name for {self.old}:"), id="pick-question")
            yield self.box
            yield Static(Text("enter: rename · escape: cancel"), id="pick-hint")

    def on_mount(self) -> None:
        self.box.cursor_position = len(self.box.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        value = " ".join(event.value.split())
        self.dismiss(value if value and value != self.old else None)

    def action_cancel(self) -> None:
        """Close without renaming."""
        self.dismiss(None)
