"""The word lists of the attribution rules (general English), and the cue lexicon loaded on first use."""

from __future__ import annotations

from reader.core.cues import CUE_WORDS, verb_forms, weak_lemmas
from reader.core.sources import DETERMINERS, ORG_WORDS, TITLES

QUOTE_MARKS = frozenset({'"', "“", "”", "'", "‘", "’", "`", "„"})


AUX = frozenset(
    """also has had have was is were are will would could can may might must shall should did does do
    later then previously repeatedly recently once publicly privately earlier just already further first
    again reportedly frequently often quickly simply openly flatly bluntly separately specifically
    explicitly initially still even never not n't has've been being subsequently similarly likewise
    yesterday today tonight last night now once since long however too didn't doesn't don't won't wouldn't couldn't
    hasn't haven't hadn't isn't wasn't aren't weren't can't cannot""".split()
)


PASSIVE = frozenset("was were been being is are be get got gets".split())


NP_STOP = frozenset(
    """that which who whom whose when where while because as if after before since than so but or nor
    to in on at with by from about into over under through during against without within upon amid
    among between like not also and yet though although unless until whether how what why
    is are was were be been being has have had do does did will would could can may might must shall
    should it there here he she they we i you him them us me far so now too only ago however
    came went made took gave got began became left put set ran won lost held kept met saw knew thought
    felt brought bought sent spent stood led paid wrote spoke broke chose drove fell grew rose struck sought
    fought taught caught meant built heard hit let seems seem appears appear""".split()
)


NP_JOINERS = frozenset({"of", "for", "at", "&", "and"})


SUBORDINATE_OPENERS = frozenset(
    """during after before in on at when while as since following despite although though with
    without amid speaking asked responding writing if because under by for from over""".split()
)


SENTENCE_ADVERBS = frozenset(
    "however but and so yet still meanwhile also instead then later now indeed".split()
)


# Acronyms spelled like function words; outside an all-capitals line they name organisations.
ACRONYMS = frozenset({"WHO", "IS", "IT", "US", "AT"})


# Words in -ly that are nouns or adjectives, not adverbs: "His family said", "an ally said".
LY_NOT_ADVERBS = frozenset(
    """family families ally allies assembly rally rallies supply supplies monopoly anomaly italy
    july reply replies elderly friendly lonely""".split()
)


ROLE_PREPOSITIONS = frozenset("with at from in on to".split())


ROLE_HEADS = frozenset(
    """familiar close spokesman spokeswoman spokesperson official officials economist economists professor
    analyst analysts researcher researchers source sources director head member members chief leader
    leaders expert experts lawyer lawyers adviser advisers advisor aide aides scientist scientists
    historian strategist strategists pollster fellow dean chairman chairwoman president""".split()
)


# Lower-case words inside names: "Pieter de Vries", "Ursula von der Leyen".
NAME_PARTICLES = frozenset(
    "de van von der den da del della di du dos das la le ter ten bin ibn al".split()
)


# "documents seen by the paper", "a letter written by …": participles that end a noun phrase
IRREGULAR_PARTICIPLES = frozenset(
    "seen written given taken shown known drawn made held sent kept".split()
)


# The cue lexicon, filled in place on first use (other modules hold these very objects).
VERBS: dict[str, str] = {}  # every form of a communication verb -> its lemma
WEAK: set[str] = set()  # lemmas that are usually not speech
CANDIDATES: set[str] = set()  # every word that can carry a cue
VERB_OR_MAKE: set[str] = set()  # the forms that can start a verb cue ("made clear" too)


def load_lexicon() -> None:
    """Read the cue lexicon once."""
    if not VERBS:
        VERBS.update(verb_forms())
        WEAK.update(weak_lemmas())
        CANDIDATES.update(frozenset(VERBS) | CUE_WORDS)
        VERB_OR_MAKE.update(frozenset(VERBS) | MAKE_FORMS)


TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight later earlier
    morning afternoon evening night week weekend month year hours days weeks months years minutes""".split()
)


CALENDAR_WORDS = frozenset(
    """january february march april may june july august september october november december jan feb mar apr
    jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday""".split()
)


TIME_MODIFIERS = frozenset(
    "on last this next early late earlier later a few several two three hours days weeks the that by in".split()
)


ASIDES = frozenset(
    "however meanwhile though too also instead moreover nonetheless nevertheless then".split()
)


CLOSE_TO_OPEN = {")": "(", "]": "[", "—": "—", "–": "–", "--": "--"}


# Cue lemmas that are also common nouns ("attacks", "comments", "questions"): their
# bare and -s forms need a clear subject right before them to read as verbs.
PASSIVE_ADVERBS = frozenset(
    "first also not never already just still since long once again widely".split()
)


NOUN_LIKE = frozenset(
    """claim comment note tweet post reply answer remark report attack question call show promise vow
    pledge demand quote email order praise boast protest estimate forecast whisper shout joke repeat blast
    signal hint label brand counter push press brief object rail point read state address text
    message interview statement speech defend rip slam appeal rule""".split()
)


# Verbs whose infinitive ("came on the show to talk about") nearly always reports speech.
INFINITIVE_SPEECH = frozenset(
    """say talk speak tell discuss comment explain announce testify respond reply describe deny confirm
    warn argue insist mention acknowledge admit urge predict criticize criticise praise endorse blame
    thank apologize apologise declare""".split()
)


PASSIVE_SPEECH = frozenset(
    "ask tell accuse quote describe call criticize criticise urge warn announce reveal confirm".split()
)


ING_PREPOSITIONS = frozenset(
    "by after before while when in without of for since upon from through".split()
)


PLURAL_QUANTITIES = frozenset(
    "percent half majority most many some few others people both all who several dozens hundreds thousands "
    "millions majorities minority plurality".split()
)


SUBJECT_PRONOUNS = frozenset("i we they you he she it who whom that which".split())


BASE_OK_BEFORE = frozenset(
    "i we they you will would could can may might must should did do does not n't didn't don't doesn't won't "
    "wouldn't couldn't".split()
)


DOCUMENT_NOUNS = frozenset(
    """average averages slide slides chart charts transcript transcripts graph map table model models
    projection projections footage video videos photo photos image images letter letters memo memos
    email emails document ruling indictment complaint lawsuit filing affidavit testimony tweet tweets
    website site page book article story column editorial release""".split()
)


SUBJECT_NOUNS = frozenset(
    """spokesman spokeswoman spokesperson official report study poll survey statement campaign group
    agency company source ministry department government administration committee newspaper paper
    magazine website network analysis document memo letter filing complaint lawsuit ad video
    candidate president governor senator mayor leader director chairman secretary minister
    author writer analyst expert researcher professor economist lawyer attorney judge court
    police witness resident voter official""".split()
)


WEAK_NAMED_OK = frozenset({"report", "question", "find", "show", "post"})


EVIDENCE_NOUNS = frozenset(
    """poll polls survey surveys study studies report reports analysis data review research audit
    investigation records documents figures statistics panel memo filing filings numbers results
    tally count estimate estimates census""".split()
)


AMBIGUOUS_PARTICIPLES = frozenset("show claim add report find predict post press push".split())


MAKE_FORMS = frozenset("make makes made making".split())


INVERSION_LEMMAS = frozenset(
    "say tell add write ask explain note recall continue insist argue reply respond answer declare warn conclude".split()
)


NEGATIONS = frozenset(
    "not n't never didn't doesn't don't won't wouldn't hasn't haven't hadn't".split()
)


OPEN_QUESTION = frozenset("whether if when how why what who".split())


PARTICIPLE_ENDINGS = ("ed", "en", "wn", "ld", "id", "nd")


# Verbs whose participle names a work and its author: "figures published by", "a poll cited by".
AUTHORING_LEMMAS = frozenset(
    "publish report announce post cite reveal disclose write quote tweet find estimate predict project".split()
)


# What may sit between the participle and "by": "published last month by", "released jointly by".
BEFORE_AUTHOR = frozenset({"last", "this", "earlier", "on"}) | TIME_WORDS | CALENDAR_WORDS


# What a source produces and others cite: the head noun of "a survey released by X".
WORK_NOUNS = frozenset(
    """study studies report reports survey surveys poll polls figures data statistics numbers analysis
    research paper papers review audit assessment estimate estimates findings document documents memo
    letter statement article book biography interview affidavit filing records census index forecast
    forecasts projections results model note brief investigation""".split()
)


TIME_CONJUNCTIONS = frozenset("when after before until once as".split())


# Conjunctions that open a clause of its own after the writer's main clause.
LATER_CLAUSE = frozenset(
    "as while whereas but although though because since after when amid".split()
)


# "…, as the minister said": an "as" that attributes the whole sentence, not a clause of its own.
ATTRIBUTIVE_AS = frozenset(
    "say report note tell write predict expect warn explain mention describe announce state claim confirm".split()
)


QUANTIFIERS = frozenset("many some most several few both all".split())


OWNED_DOCUMENTS = WORK_NOUNS | frozenset(
    "tweet tweets post posts email emails speech remarks release lawsuit complaint ruling decision order".split()
)


NOT_SPEAKERS = frozenset(
    """the latest update note editor's editors' exclusive breaking clarification correction analysis
    opinion commentary photos photo video watch read related live transcript warning editor
    source sources disclosure remember answer question result results bottom line total pledged
    superdelegates delegates votes vote score tally winner loser""".split()
)


HEADLINE_ROLES = TITLES | frozenset(
    """chief boss head spokesman spokeswoman spokesperson official officials minister ministers envoy
    expert experts analyst analysts economist economists police army military ministry government
    regulator union unions investigators prosecutors lawyers lawyer doctors scientists researchers""".split()
) - DETERMINERS - {"of", "for", "the", "first", "former", "acting", "interim", "press"}


# Set phrases built on speech words that report no one's words.
IDIOM_PHRASES = (
    "all told",
    "needless to say",
    "so to speak",
    "that said",
    "that being said",
    "having said that",
    "truth be told",
    "to tell the truth",
    "suffice it to say",
    "to say the least",
    "it goes without saying",
    "according to",  # only before a plan or a custom: see ACCORDING_TO_PLAN
)


PERSONAL_PRONOUNS = frozenset({"he", "she"})


# Titles that tell a pronoun "no": "Mrs. Clinton" is not a "he".
TITLES_NOT_FOR = {
    "he": frozenset("mrs mrs. ms ms. miss madam lady".split()),
    "she": frozenset("mr mr. sir lord".split()),
}


ROLE_WORDS_BEFORE_NAMES = (
    "host|anchor|moderator|pollster|analyst|commentator|columnist|correspondent|reporter|strategist|"
    "adviser|advisor|aide|spokesman|spokeswoman|spokesperson|former|longtime|chairman|chairwoman|chief|"
    "director|secretary|senator|governor|mayor|president|candidate|nominee|economist|professor|expert|"
    "lawyer|attorney|executive|founder|editor|writer|author|activist|leader|member|official|minister|"
    "general|judge|representative|actor|singer|comedian|star|voter|resident|supporter|critic|hopeful"
)


OF_HEADS = (
    ORG_WORDS | TITLES | {"bank", "university", "institute", "college", "school", "city", "state"}
)
