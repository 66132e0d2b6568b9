"""Per-rule evidence: how often each rule decided a scored sentence, and how often it was right.

Every attributed sentence's reason names the rules that decided it ("cue 'said' [verb.subject];
source 'X' is official: title 'mayor' [type.title]"). Scored against a gold corpus, each rule
gets two precisions: was the sentence really attributed (the attribution rules' question), and
was its class right (the question for typing rules, and for the whole chain). A rule that fires
often and is usually wrong shows at the top of the list sorted by errors.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

_IDS = re.compile(r"\[([a-z_]+\.[a-z_.]+(?:, [a-z_]+\.[a-z_.]+)*)\]")


def rule_ids(reason: str) -> list[str]:
    """The rule ids a reason names, in order, each once."""
    found: dict[str, None] = {}
    for group in _IDS.findall(reason):
        for rule_id in group.split(", "):
            found.setdefault(rule_id, None)
    return list(found)


@dataclass
class RuleTally:
    """Per rule: sentences decided, how many were really attributed, how many had the right class."""

    fired: Counter[str] = field(default_factory=Counter)
    attributed_right: Counter[str] = field(default_factory=Counter)
    labelled: Counter[str] = field(default_factory=Counter)
    label_right: Counter[str] = field(default_factory=Counter)

    def add(self, reason: str, attributed_right: bool, label_right: bool | None) -> None:
        """One scored sentence predicted attributed; ``label_right`` is None where no class is known."""
        for rule_id in rule_ids(reason):
            self.fired[rule_id] += 1
            self.attributed_right[rule_id] += attributed_right
            if label_right is not None:
                self.labelled[rule_id] += 1
                self.label_right[rule_id] += label_right

    def render(self, limit: int | None = None) -> str:
        """A Markdown table, the rules with the most wrong decisions first."""

        def wrong(rule_id: str) -> int:
            labelled = self.labelled[rule_id]
            if labelled:
                return labelled - self.label_right[rule_id]
            return self.fired[rule_id] - self.attributed_right[rule_id]

        order = sorted(self.fired, key=lambda r: (-wrong(r), -self.fired[r], r))[:limit]
        lines = [
            "| rule | fired | attributed P | classed | class P | wrong |",
            "|---|---|---|---|---|---|",
        ]
        for rule_id in order:
            fired, labelled = self.fired[rule_id], self.labelled[rule_id]
            class_p = f"{self.label_right[rule_id] / labelled:.2f}" if labelled else ""
            lines.append(
                f"| {rule_id} | {fired} | {self.attributed_right[rule_id] / fired:.2f} | {labelled or ''} "
                f"| {class_p} | {wrong(rule_id)} |"
            )
        return "\n".join(lines)
