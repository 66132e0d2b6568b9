"""``Rule``: one named row of an ordered rule table, the shape every rule engine of the core uses."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

Run = TypeVar("Run", bound=Callable[..., Any])


# A frozen dataclass, not a generic NamedTuple: those need Python 3.11, and 3.10 is supported.
@dataclass(frozen=True, slots=True)
class Rule(Generic[Run]):
    """One named row of a rule table: an id ("verb.inverted") and the function it runs.

    Tables are tuples of rows, tried in order; what a row's function returns depends on its
    table (a veto answers True to reject, a strategy returns what it found). A row unpacks
    as ``rule_id, run``; hot loops keep plain ``(id, run)`` pairs (see ``pairs``)."""

    id: str
    run: Run

    def __iter__(self) -> Iterator[Any]:
        return iter((self.id, self.run))


def pairs(table: tuple[Rule[Run], ...]) -> tuple[tuple[str, Run], ...]:
    """The rows of a table as plain ``(id, run)`` tuples, the fastest to unpack in a loop."""
    return tuple((rule.id, rule.run) for rule in table)
