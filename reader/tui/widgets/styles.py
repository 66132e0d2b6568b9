"""Component styles resolved the way the terminal will show them, and readable.

``get_component_rich_style(partial=True)`` drops the alpha of a background (``$primary 25%``
became solid ``$primary``); this resolves a stack of component classes over the widget's own
colours, blending each background by its alpha, and nudges the text colour until it reads at
WCAG AA on the result (``reader.tui.colors.readable``).
"""

from __future__ import annotations

from rich.style import Style
from textual.color import Color
from textual.widget import Widget

from reader.tui.colors import readable


class ResolvedStyles:
    """Mixin for a widget whose drawing styles come from its component classes, resolved once per theme.

    A plain mixin, not a ``Widget`` subclass: placed first among the bases of a ``ScrollView``, a
    second ``Widget`` would reorder the default CSS and lose the scroll view's ``overflow``.
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._styles: dict[tuple[str, ...], Style] = {}
        self._fingerprint: tuple[object, ...] = ()

    def notify_style_update(self) -> None:
        super().notify_style_update()  # type: ignore[misc]
        # Textual calls this on every restyle, a focus change included (":focus" borders); the
        # drawing styles rarely change then, and redrawing every line for nothing costs a key
        # tens of milliseconds. Only a real change (a theme, NO_COLOR, the CSS) drops the caches.
        fingerprint = self._style_fingerprint()
        if fingerprint != self._fingerprint:
            self._fingerprint = fingerprint
            self._styles.clear()
            self.drawing_styles_changed()

    def _style_fingerprint(self) -> tuple[object, ...]:
        assert isinstance(self, Widget)
        try:
            names = sorted(self.COMPONENT_CLASSES)
            return (self.rich_style, *(self.get_component_rich_style(name) for name in names))
        except Exception:  # noqa: BLE001 - not mounted yet: anything differs from the next one
            return (object(),)

    def drawing_styles_changed(self) -> None:
        """The resolved styles changed: drop whatever was drawn with the old ones."""

    def _resolved(self, names: tuple[str, ...]) -> Style:
        """The Rich style of component classes layered in order over the widget, made readable.

        Backgrounds are blended by their alpha (a tint, not a solid block), the last colour set
        wins, text styles add up; then the text colour is nudged until it reaches 4.5:1 on the
        background it ends up on, in colour and in the greys of ``NO_COLOR``.
        """
        style = self._styles.get(names)
        if style is not None:
            return style
        assert isinstance(self, Widget)
        base = self.rich_style
        background = Color.from_rich_color(base.bgcolor) if base.bgcolor else Color(0, 0, 0)
        foreground = Color.from_rich_color(base.color) if base.color else background.get_contrast_text()
        text_style = Style()
        for name in names:
            component = self.get_component_styles(name)
            if component.has_rule("background"):
                background = background + component.background
            if component.has_rule("color"):
                foreground = component.color
            text_style += component.text_style
        foreground = readable(foreground, background)
        style = Style(color=foreground.rich_color, bgcolor=background.rich_color) + text_style
        self._styles[names] = style
        return style
