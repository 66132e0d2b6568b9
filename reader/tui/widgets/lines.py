"""``LineView``: the base of the panes that draw their own lines (the article, the tables)."""

from __future__ import annotations

from textual.geometry import Size
from textual.scroll_view import ScrollView


class LineView(ScrollView):
    """A ``ScrollView`` whose scroll bars are redrawn when its size or its lines change, not at every layout.

    At every layout of the screen Textual hands each widget the size of its children as its virtual
    size. A ``ScrollView`` has none and sets its own (the lines it draws), so the two always differed:
    every layout (the search bar shown, the side tables shown) redrew every pane's scroll bar.
    """

    _bars_fitted_to: Size | None = None
    """The virtual size the scroll bars were last fitted to."""

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        own = self.virtual_size
        lines_changed = own != self._bars_fitted_to
        self._bars_fitted_to = own
        # Textual refits the scroll bars when the virtual size it is given differs from the widget's own.
        return super()._size_updated(size, virtual_size if lines_changed else own, container_size, layout)

    def refit_scroll_bars(self) -> None:
        """Fit the scroll bars to a virtual size set without a layout (``set_reactive``)."""
        self._bars_fitted_to = self.virtual_size
        self._scroll_update(self.virtual_size)
