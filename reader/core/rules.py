"""``Rule``: one named row of an ordered rule table, the shape every rule engine of the core uses."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, NamedTuple, TypeVar

Run = TypeVar("Run", bound=Callable)


class Rule(NamedTuple, Generic[Run]):
    """One named row of a rule table: an id ("verb.inverted") and the function it runs.

    Tables are tuples of rows, tried in order; what a row's function returns depends on its
    table (a veto answers True to reject, a strategy returns what it found)."""

    id: str
    run: Run
