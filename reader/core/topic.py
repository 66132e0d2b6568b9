"""What an article is about: sport, arts, politics or business, from the words it uses.

A person named with no office or role word is usually an office holder in political news
and a player, an artist or a fan in sport and arts stories; the section a story belongs to
is evidence for the typing rules when nothing else is (``source_types``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from reader.core.lexicon import sections, trie_pattern

_FILE = "topics.txt"
# A section must hold at least this share of the topic words found, and this many of them.
_MIN_SHARE = 0.5
_MIN_WORDS = 4


@dataclass(frozen=True, slots=True)
class Topic:
    """The section an article reads as (None when no section dominates) and the word counts."""

    section: str | None
    counts: tuple[tuple[str, int], ...] = ()

    @property
    def people_speak_for_themselves(self) -> bool:
        """Sport and arts: people named with no role are players, artists and fans."""
        return self.section in {"sport", "arts"}


@lru_cache(maxsize=1)
def _pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    section_of = {word: name for name, entries in sections(_FILE).items() for word in entries}
    body = trie_pattern(section_of, plurals=True)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])"), section_of


def article_topic(text: str) -> Topic:
    """The section whose words dominate ``text``."""
    pattern, section_of = _pattern()
    counts: Counter[str] = Counter()
    for match in pattern.finditer(text.lower()):
        word = match.group()
        section = section_of.get(word) or section_of.get(word[:-1]) or section_of.get(word[:-2])
        if section is not None:
            counts[section] += 1
    total = sum(counts.values())
    ranked = tuple(counts.most_common())
    if not ranked or ranked[0][1] < _MIN_WORDS or ranked[0][1] < _MIN_SHARE * total:
        return Topic(None, ranked)
    return Topic(ranked[0][0], ranked)
