"""What the sentences around an entity say about it: appositives ("X, a professor at ..."), role
words before its name, ages, anonymity clauses, and what it does (reports, asks, performs)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from reader.core.source_types.names import _clean_role, _looks_like_outlet, _Mention, _parse, _trailing_name
from reader.core.source_types.words import _PRONOUNS, _cues, _is_cap, _lexicon, _normalize

# What starts a predicate, not an appositive, after "Name,": a verb in the past or present tense.
_PREDICATE_START = re.compile(
    r"\s*(?:[a-z]+ed|spoke|said|says|told|tells|wrote|writes|gave|made|took|went|met|sent|held|led|won|lost|"
    r"ran|came|saw|knew|thought|felt|found|left|kept|brought|has|had|is|was|will|would|can|could)\b"
)
_AGE = re.compile(r"^\s*,\s*\d{1,3}\s*,")
_AFTER_AGE = re.compile(r",\s*(?:a|an|of|from|who|the|lives|lived|works|worked)\b", re.I)
_APPOSITIVE = re.compile(
    r"^\s*,\s*((?:a|an|the|who|now|then|his|her|its|their|one|former|chief|head|director|"
    r"president|spokes\w+)\b[^;.()\"“”]{0,140}?)(?:,(?!\d{3}\b)|\.(?!\d)|;|$|\s+(?:said|says|told|added|wrote))",
    re.I,
)
# ", research director for X," : a lower-case appositive that holds a person's role word
_LOWER_APPOSITIVE = re.compile(
    r"^\s*,\s*(?![a-z]+(?:ing|ed)\b|(?:him|her|them|it|he|she|they|we|i|you|his|its|their|"
    r"and|or|but|while|because|as|so|when|if|which|whose|where|although)\b)"
    r"([a-z][^;.()\"“”,]{2,100}?)(?:,|\.|;|$|\s+(?:said|says|told|added))"
)
# ", House editor for the X Report," / ", CNN anchor": a role noun after a capitalised modifier
_CAP_APPOSITIVE = re.compile(
    r"^\s*,\s*((?:[A-Z][\w.&'’-]*\s+){1,3}([a-z][\w-]*)(?:\s+(?:for|at|of|with|in)\s+[^;.()\"“”,]{2,90}?)?)"
    r"(?:,|\.|;|$|\s+(?:said|says|told|added))"
)


def _capitalised_appositive(rest: str) -> re.Match[str] | None:
    match = _CAP_APPOSITIVE.match(rest)
    if match and {c.category for c in _cues(match.group(2))} & (_PERSON_CATEGORIES - {"other"}):
        return match
    return None


@lru_cache(maxsize=65536)
def _context_roles(mention: str, context: str, key: str | None) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
    """Roles written around the entity in ``context``: appositives after it (cleaned and raw)
    and role words before it, at the mention and at every other occurrence of the key name;
    and whether an age follows it."""
    context_n = _normalize(context)
    roles: list[str] = []
    raw: list[str] = []
    aged = False
    for start, end in _places(_normalize(mention), context_n, key):
        after = context_n[end:]
        age = _AGE.match(after)
        # "X, 45, a retiree from Ohio": an age and a description mark an ordinary person;
        # an age alone ("X, 68, said") says nothing about office
        aged |= age is not None and bool(_AFTER_AGE.match(after, age.end() - 1))
        appositive = _appositive_after(after[age.end() - 1 :] if age is not None else after, key)
        if appositive and _claim_after_according_to(context_n[:start], after, appositive):
            appositive = None
        if appositive:
            # "boss of Workshare, which commissioned the research": what the relative
            # clause says is about the organisation, not the person
            raw.append(_WHICH_CLAUSE.split(appositive, maxsplit=1)[0])
            role = _clean_role(appositive)
            if role:
                roles.append(" ".join(role.split()[:12]))
        copular = _copular_role(after)
        if copular:
            roles.append(copular)
        if _is_cap(context_n[start:end]):
            before = (
                _role_before(context_n[:start])
                or _outlet_before(context_n[:start])
                or _description_before(context_n[:start])
                or _member_before(context_n[:start])
            )
            if before:
                roles.append(before)
    return tuple(roles), tuple(raw), aged


_COPULA = re.compile(r"^\s+(?:is|was|has been|had been)\s+(the\s+[^,;:.()\"“”]{2,80})")


def _copular_role(after: str) -> str | None:
    """'Mrs Maguire was the relative with whom …': the part an ordinary person plays in the
    story, said of the name by "is the"/"was the". Only a lay role: "Trump is a businessman"
    says what someone is besides their office, not which part they play here."""
    match = _COPULA.match(after)
    if match is None or not any(c.category == "other" for c in _cues(match.group(1))):
        return None
    return _clean_role(match.group(1))


_MEMBER_BEFORE = re.compile(r"(?:^|[.;:!?\"“”]\s+|,\s+)([Oo]ne of (?:the|his|her|their)\s+[^,;:\"“”()]{2,60}?),\s$")


def _member_before(text_before: str) -> str | None:
    """'One of the so-called Guildford Four, Gerry Conlon, …': a member of a group, named after it."""
    match = _MEMBER_BEFORE.search(text_before)
    return _clean_role(match.group(1)) if match else None


# "according to" opening the sentence: the claim follows the name ("…, according to X, an
# analyst at Y." ends with an appositive instead)
_ACCORDING_TO_BEFORE = re.compile(r"^\W*(?:(?:but|and|yet|so|still|now)\W+)?according to\s+(?:the\s+)?$", re.I)


def _claim_after_according_to(before: str, after: str, appositive: str) -> bool:
    """'According to X, the cheapest kettle boiled fastest.': after an opening "according to X,"
    what runs to the end of the sentence is the claim; an appositive there is closed by a comma
    ('According to X, the council's treasurer, the fund is empty')."""
    if not _ACCORDING_TO_BEFORE.search(before):
        return False
    closed = after.lstrip().removeprefix(",").lstrip()
    return not closed.startswith(appositive + ",")


def _places(mention_n: str, context_n: str, key: str | None) -> list[tuple[int, int]]:
    """Where the entity is written in a sentence: the mention itself, and every occurrence of
    its key name with the name words before it; each place once, in that order."""
    places: list[tuple[int, int]] = []
    if mention_n and mention_n.lower() not in _PRONOUNS:
        at = context_n.find(mention_n)
        if at >= 0:
            places.append((at, at + len(mention_n)))
    if key and key in context_n:
        for match in _word_pattern(key).finditer(context_n):
            head = context_n[: match.end()]
            split = _trailing_name(" ".join(head.rsplit(maxsplit=6)[-6:]))
            name_len = len(split[1]) if split and split[1].endswith(key) else len(key)
            places.append((match.end() - name_len, match.end()))
    return list(dict.fromkeys(places))


def _appositive_after(rest: str, key: str | None) -> str | None:
    """The appositive right after a name (", a professor at X,"), or None; never one that
    names the entity itself."""
    appositive = _APPOSITIVE.match(rest) or _person_role_appositive(rest) or _capitalised_appositive(rest)
    if appositive is None:
        return None
    text = appositive.group(1)
    if key and key in text and _word_pattern(key).search(text):
        return None  # it names the entity itself: not a role of it
    return text


def _person_role_appositive(rest: str) -> re.Match[str] | None:
    """ ", research director for X,": a lower-case appositive holding a person's role word."""
    lower = _LOWER_APPOSITIVE.match(rest)
    if lower is None or _PREDICATE_START.match(lower.group(1)):
        return None  # "X, spoke to our reporter": the sentence's verb, not an appositive
    if len(lower.group(1).split()) <= 16 and any(
        c.category in _PERSON_CATEGORIES and c.word not in _GENERIC_PEOPLE for c in _cues(lower.group(1))
    ):
        return lower
    return None


_WHICH_CLAUSE = re.compile(r",?\s+which\s")


@lru_cache(maxsize=4096)
def _word_pattern(word: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(word)}\b")


_GENERIC_PEOPLE = {
    "people",
    "person",
    "man",
    "woman",
    "men",
    "women",
    "others",
    "someone",
    "crowd",
    "citizens",
    "citizen",
    "friend",
    "friends",
}
_PERSON_CATEGORIES = {"title", "media_person", "expert", "staff", "other", "candidate"}
_RELATIONS = {
    "friend",
    "friends",
    "ally",
    "allies",
    "fan",
    "fans",
    "neighbor",
    "neighbour",
    "mother",
    "father",
    "parent",
}
_PRE_ROLE_STOP = {
    "said",
    "says",
    "say",
    "told",
    "tells",
    "according",
    "to",
    "by",
    "and",
    "that",
    "the",
    "a",
    "an",
    "with",
    "from",
    "for",
    "in",
    "on",
    "at",
    "as",
    "who",
    "when",
    "while",
    "but",
    "or",
    "added",
    "asked",
    "wrote",
    "noted",
    "explained",
    "argued",
    "claimed",
    "is",
    "was",
    "are",
    "were",
    "whom",
    "of",
    "than",
    "about",
    "like",
    "called",
    "named",
    "against",
    "between",
    "his",
    "her",
}


def _outlet_before(text_before: str) -> str | None:
    """An outlet written possessively before a name: "CNN's Jo Lee" -> "CNN"."""
    match = re.search(r"((?:[A-Z][\w.&-]*\s){0,3}[A-Z][\w.&-]*)(?:'s|')\s$", text_before)
    if match and (_looks_like_outlet(match.group(1)) or _looks_like_outlet("The " + match.group(1))):
        return match.group(1)
    return None


_DESCRIPTION_BEFORE = re.compile(r"(?:^|[.;:!?\"“”]\s+)((?:A|An|The|a|an|the)\s+[^,;:\"“”()]{2,90}?),\s$")


@lru_cache(maxsize=65536)
def _description_before(text_before: str) -> str | None:
    """A description set before a name by a comma: "A transport economist at X, <name>"."""
    match = _DESCRIPTION_BEFORE.search(text_before)
    if not match or not {c.category for c in _cues(match.group(1))} & _PERSON_CATEGORIES:
        return None
    return _clean_role(match.group(1))


_DOUBLE_QUOTES = '"“”'


@lru_cache(maxsize=65536)
def _role_before(text_before: str) -> str | None:
    """Lower-case role words written just before a name: "said radio host" -> "radio host"."""
    if not text_before or text_before[-1:] not in (" ",):
        return None
    # a role in scare quotes counts as written ('its “national enterprise reporter” Jo Lee')
    tokens = [token.strip(_DOUBLE_QUOTES) for token in text_before.split()[-4:]]
    if not tokens or tokens[-1].lower() in _PRE_ROLE_STOP | _RELATIONS:
        return None
    if not {c.category for c in _cues(tokens[-1])} & _PERSON_CATEGORIES:
        return None  # the word before the name must be a person's role noun: "radio host X"
    taken: list[str] = []
    for token in reversed(tokens):
        if token.lower() in _PRE_ROLE_STOP or not re.fullmatch(r"[\w.'-]+", token):
            break
        taken.insert(0, token)
    phrase = " ".join(taken)
    if not phrase or not _cues(phrase) or all(_is_cap(w) for w in taken):
        return None
    return _clean_role(phrase)


_ANONYMITY_CLAUSE = re.compile(
    r"condition of anonymity|not authori[sz]ed to (?:speak|discuss|comment)|"
    r"asked not to be (?:named|identified)|declined to be (?:named|identified)|"
    r"requested anonymity|spoke anonymously|speaking anonymously|"
    # "three people who were briefed on the talks": unnamed because they are insiders
    r"who (?:were|was|had been|have been|are|is) (?:briefed on|familiar with|knowledgeable about)",
    re.I,
)


_MAX_CONTEXTS = 64
_ANONYMITY_HINTS = ("anonym", "authori", "named", "identified", "briefed", "familiar", "knowledgeable")


def _mentions_anonymity(context: str) -> bool:
    lowered = context.lower()
    return any(h in lowered for h in _ANONYMITY_HINTS) and bool(_ANONYMITY_CLAUSE.search(_normalize(context)))


def _roles_in_contexts(
    mentions: Sequence[str], contexts: Sequence[str], key: str | None, mention_roles: list[str]
) -> tuple[list[str], list[str], bool]:
    """Roles, raw appositives and age read from the sentences around the entity's mentions."""
    roles: list[str] = []
    raw: list[str] = []
    aged = False
    # Identical (mention, sentence) pairs say the same thing: read each once, and only the
    # first _MAX_CONTEXTS of them (the first sentences about a source carry its roles).
    for mention, context in list(dict.fromkeys(zip(mentions, contexts, strict=False)))[:_MAX_CONTEXTS]:
        normalized = _normalize(mention).lower()
        if key is None or key.lower() in normalized.split() or normalized in _PRONOUNS:
            found, found_raw, age = _context_roles(mention, context, key)
            roles.extend(r for r in found if r not in mention_roles)
            raw.extend(found_raw)
            aged |= age
    return roles, raw, aged


def _party_affiliation(own: Sequence[_Mention]) -> str | None:
    """A party word written with a named mention ("Labour's Paul Flynn"), or None."""
    return next((c.word for p in own if p.proper for c in _cues(p.text) if c.category == "affiliation"), None)


# What an interviewer's turn sounds like: asking, welcoming, steering, addressing the guest.
_INTERVIEWER = re.compile(
    r"\b(?:ask you|my question|a question|questions|let me ask|let's start|let’s start|welcome|"
    r"thanks? (?:you )?for (?:joining|being)|joining us|let's turn|let’s turn|let's move|let’s move|"
    r"interrupt)\b"
    r"|^\s*(?:(?:But|And|So|Well|Now),?\s+)?(?:Governor|Senator|Secretary|Congressman|Congresswoman|"
    r"Mr\.|Mrs\.|Ms\.|Madam|Sir|General|Mayor)\b(?:\s+[A-Z][\w'-]*)?,",
)


def _known_by_one_name(real: list[_Mention], parsed: list[_Mention]) -> bool:
    """A person ("she said") whom the text never names in full: people in features and
    vox pops are named by a first name; office holders are introduced with their full names."""
    proper = [p for p in real if p.proper]
    return (
        bool(proper)
        and all(len(p.name.split()) == 1 for p in proper)
        and not any(p.role for p in real)
        and any(p.text.lower() in {"he", "she", "him", "her"} for p in parsed)
    )


def _asks_questions(key: str, contexts: Sequence[str]) -> bool:
    """Whether the entity's own transcript turns ("KEY: ...") are mostly questions, or it
    "asked" something: how hosts, moderators and interviewers speak."""
    # Only sentences holding the name and an "ask" or a colon can match: compile the
    # name's patterns only when there is one (compiling costs more than the search).
    lowered_key = key.lower()
    candidates = [
        n for n in dict.fromkeys(map(_normalize, contexts)) if ("ask" in n or ":" in n) and lowered_key in n.lower()
    ]
    if not candidates:
        return False
    turns = questions = 0
    for normalized in candidates:
        if "ask" in normalized and _question_patterns(key)[1].search(normalized):
            return True
        found = ":" in normalized and _question_patterns(key)[0].match(normalized)
        if found:
            turns += 1
            questions += "?" in normalized or bool(_INTERVIEWER.search(normalized[found.end() :]))
    return turns > 0 and questions * 2 >= turns


@lru_cache(maxsize=4096)
def _question_patterns(key: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    name = re.escape(key)
    turn = re.compile(rf"[\"'“‘\s]*(?:[A-Z][\w.'-]*\s+){{0,3}}{name}\s*(?:\([^)]*\)\s*)?:", re.I)
    asked = re.compile(rf"\b{name}\s+(?:then\s+|also\s+|later\s+)?(?:asked|asks)\b(?!\s+(?:for|to)\b)")
    return turn, asked


def _performs(key: str, contexts: Sequence[str]) -> str | None:
    """What the entity does on a stage or a pitch, when a context says so right after its name
    ("Blige sings", "Reyna scored twice") or in a clause about it ("X, who played Baldrick"), or None."""
    for context in dict.fromkeys(contexts):
        at = context.find(key)
        while at >= 0:
            performance = _performance_after(context[at + len(key) :])
            if performance is not None:
                return performance
            at = context.find(key, at + 1)
    return None


def _performance_after(text: str) -> str | None:
    """The performance verb that starts ``text`` (what follows a name), or None."""
    lexicon = _lexicon()
    words = text.split(None, 3)
    if len(words) > 2 and words[0] == "," and words[1].lower() == "who":
        verb, verbs = words[2], lexicon.performances_in_a_clause
    elif words and words[0].lower() in {"also", "then", "later"}:
        verb, verbs = (words[1] if len(words) > 1 else ""), lexicon.performances
    else:
        verb, verbs = (words[0] if words else ""), lexicon.performances
    verb = verb.lower().strip(",.;")
    return verb if verb in verbs else None


def _reports(key: str, contexts: Sequence[str]) -> bool:
    """Whether a context has "<key> reported", "reported by <key>", "<key> wrote in <Outlet>" or
    "<key> did a fact-check": how outlets, reporters, columnists and fact-checkers speak."""
    for n in dict.fromkeys(map(_normalize, contexts)):
        if key not in n:
            continue
        # each pattern is compiled (per name) only when the words it needs are there
        if "report" in n and _reports_pattern(key, "reported").search(n):
            return True
        if ("wrote" in n or "writes" in n or "writing" in n) and _reports_pattern(key, "wrote").search(n):
            return True
        if "fact" in n and _reports_pattern(key, "fact-check").search(n):
            return True
    return False


_OUTLET_KINDS = r"(?:news\s+)?(?:magazine|newspaper|tabloid|broadsheet|website|blog|podcast|broadcaster)"


def _named_as_an_outlet(key: str, contexts: Sequence[str]) -> str | None:
    """What a context calls the name when it writes an outlet's kind right after it ("a survey
    by PC Pro magazine", "the Ledger newspaper"): the name's own words say it is an outlet."""
    for n in dict.fromkeys(map(_normalize, contexts)):
        match = _outlet_kind_after(key).search(n) if key in n else None
        if match is not None:
            return match.group(1)
    return None


@lru_cache(maxsize=4096)
def _outlet_kind_after(key: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(key)}\s+({_OUTLET_KINDS})\b")


@lru_cache(maxsize=4096)
def _reports_pattern(key: str, verb: str) -> re.Pattern[str]:
    name = re.escape(key)
    if verb == "reported":
        return re.compile(
            rf"\b{name}(?:'s)?\s+(?:first\s+|previously\s+|also\s+|has\s+|had\s+|was\s+)?(?:reported|reporting)\b"
            # a country or company reporting its own counts ("reported roughly 12,000 cases",
            # "reported a loss") is not journalism
            rf"(?!\s+(?:(?:about|around|roughly|nearly|almost|some|over|more|fewer|less|a|an|its|record)\s+)*"
            rf"(?:[\d$€£]|(?:loss|profit|revenue|earnings|sales|cases|deaths|surplus|deficit|growth)\b))"
            rf"|\breported\s+(?:\w+\s+)?by\s+(?:the\s+)?(?:[A-Z][\w.'-]*\s+){{0,3}}{name}\b"
        )
    if verb == "fact-check":
        # "X did a fact-check on the claim", "X fact-checked the speech", "X's fact check": a fact-checker
        helpers = r"(?:did|ran|published|has|had|then|also|a|an|its)"
        return re.compile(rf"\b{name}(?:'s)?\s+(?:{helpers}\s+){{0,3}}fact[- ]?check")
    # "X wrote in The Daily Example", "writing for Example Review": a writer for an outlet
    return re.compile(
        rf"\b{name},?\s+(?:wrote|writes|writing)\s+(?:in|for)\s+(?:the\s+)?"
        rf"(?!(?:Twitter|Facebook|Instagram|Medium|January|February|March|April|May|June|July|August|"
        rf"September|October|November|December)\b)[A-Z]"
    )


def _descriptions_before_name(
    mentions: Sequence[str], contexts: Sequence[str], key: str, own: list[_Mention]
) -> list[_Mention]:
    """ "ERCOT's chief executive, Pablo Vegas, said": a nameless description written right
    before the name, set off by a comma, is the named person's role."""
    found = []
    known = set(own)
    for mention, context in dict.fromkeys(zip(mentions, contexts, strict=False)):
        normalized, context_n = _normalize(mention), _normalize(context)
        if key not in context_n or context_n.find(normalized + ",") < 0:
            continue  # most mentions: no comma after them, or the name is not in the sentence
        parsed = _parse(mention) if any(ch.isalnum() for ch in mention) else None
        if parsed is None or parsed.proper or parsed in known or parsed.text.lower() in _PRONOUNS:
            continue
        pattern = re.escape(normalized) + r",\s+(?:[A-Z][\w.'’-]*\s+){0,3}" + re.escape(key) + r"\b"
        if re.search(pattern, context_n):
            found.append(_Mention(parsed.text, _clean_role(parsed.name), parsed.name, False))
    return found
