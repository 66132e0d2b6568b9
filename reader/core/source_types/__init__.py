"""Name and type a speaking entity from the texts of its mentions.

The attribution resolver decides which mentions form one entity and calls
:func:`describe_source` with their texts (document order) and sentences. This package
turns them into a canonical name, a role and a :class:`SourceType`, with a short
reason. Everything is general rules over plain word lists in ``data/source_*.txt``
(titles, institutions, media words and outlet-name shapes, anonymity markers, expert,
staff, poll and lay-person words); no rule knows a particular person or outlet of a
test article.

Decisions worth knowing:

* Names: the fullest proper name among the mentions, without role words, honorifics
  or determiners; an outlet keeps "The" when any mention writes it ("The Telegraph",
  "The Washington Post"), other bodies lose it ("State Department"). Nameless
  sources are named by their description ("unidentified Ukrainian soldier").
* Roles: the longest role written in the mentions themselves (before the name or in
  an appositive); only when they have none, one read from the sentences around them.
* Types are decided by ordered rule groups (``rules._RULES``): poll shares and
  anonymity of unnamed sources; media people, outlets and their people; spokespeople,
  partial groups, candidates, former office holders (elected ones stay official, staff
  and appointees speaking as commentators are third party) and titles written before
  the name; polls, single unnamed insiders, handles, leaked documents, state media;
  staff of a principal, ages, experts and lay people (a lay word must head a role);
  then titles, outlets, institutions and official records, and the defaults. The
  mentions' own words decide first; the sentences around them only when the mentions
  leave a default.
* Polls, pollsters and poll shares ("47 percent") are ``OTHER``: a measurement by a
  third party, neither an outlet nor an official.
* A name with no role anywhere defaults to ``OFFICIAL``: in PolNeAR train 119 of 130
  such sources are official (candidates and officials are named bare once introduced).
  A bare name that "reported" something is taken for a reporter or outlet; one whose
  transcript turns are questions (or who "asked") for a host or moderator; a person
  ("she said") only ever named by one name for an ordinary person.
* Speed: pure helpers are memoised per text, per-name patterns are compiled only when a
  sentence could match them, and each distinct (mention, sentence) pair is read once.

Modules: ``words`` (the lexicon), ``names`` (names and roles in a mention), ``context``
(what the sentences around an entity say), ``rules`` (the ordered typing rules) and
``describe`` (:func:`describe_source`, and the rules that refine a default type).
"""

from reader.core.source_types.describe import SourceDescription, describe_source
from reader.core.source_types.names import split_role_and_name

__all__ = ["SourceDescription", "describe_source", "split_role_and_name"]
