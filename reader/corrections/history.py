"""Undo and redo: the corrections made, and those undone that can be made again.

A ``History`` is a value: each step returns a new one. The corrected document is always
``apply_corrections(analysis, history.done)``, so undoing is replaying one fewer correction,
and no correction needs an inverse of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.corrections.model import Correction


@dataclass(frozen=True, slots=True)
class History:
    """``done``: the corrections in force, oldest first; ``undone``: the undone ones, the next to redo last."""

    done: tuple[Correction, ...] = ()
    undone: tuple[Correction, ...] = ()

    def push(self, correction: Correction) -> History:
        """A new correction: in force, and nothing left to redo."""
        return History((*self.done, correction), ())

    def undo(self) -> History:
        """The last correction taken back (kept for redo); the same history when there is none."""
        if not self.done:
            return self
        return History(self.done[:-1], (*self.undone, self.done[-1]))

    def redo(self) -> History:
        """The last undone correction made again; the same history when there is none."""
        if not self.undone:
            return self
        return History((*self.done, self.undone[-1]), self.undone[:-1])

    @property
    def can_undo(self) -> bool:
        return bool(self.done)

    @property
    def can_redo(self) -> bool:
        return bool(self.undone)
