"""Who stands behind a cue: find the source phrase, give it a kind, merge mentions of one source.

Sources are looked for where English news puts them: just before the cue ("Igor Korotchenko
claimed", "Matsegora has said", "a source said") or just after it ("said Smith", "according to a
report from the New York Post"). A pronoun ("he asserted") stands for the last person named
before it; a surname alone ("Korotchenko") for the full name given earlier. Word lists live in
data/: outlets.tsv, source_nouns.tsv, titles.txt.
"""

from __future__ import annotations

import bisect
import re
from functools import cached_property
from importlib import resources

# A run of capitalised words, allowing lower-case joiners inside names ("Bank of America").
NAME_RE = re.compile(
    r"[A-Z][\w'’.&-]*(?:[ ](?:(?:of|the|de|al|bin|van|von|for) )?[A-Z][\w'’.&-]*)*"
)
TOKEN_RE = re.compile(r"[\w'’.&-]+|[,“”\"]")
# Capitalised only because they open a sentence or a clause: stripped from the front of a run.
OPENERS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "he",
        "her",
        "his",
        "however",
        "if",
        "in",
        "it",
        "its",
        "meanwhile",
        "on",
        "or",
        "she",
        "so",
        "still",
        "that",
        "the",
        "their",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "though",
        "to",
        "we",
        "when",
        "where",
        "while",
        "who",
        "yet",
        "i",
        "according",
        "after",
        "before",
        "last",
        "next",
        "back",
        "since",
        "until",
        "also",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)
# Words allowed between a source and its cue ("Matsegora has said", "Korotchenko reportedly spoke").
FILLERS = frozenset(
    [
        "has",
        "have",
        "had",
        "also",
        "reportedly",
        "later",
        "then",
        "previously",
        "once",
        "would",
        "will",
        "is",
        "was",
        "were",
        "are",
        "did",
        "does",
        "not",
        "never",
        "repeatedly",
        "publicly",
        "recently",
        "just",
        "again",
        "already",
        "long",
    ]
)
PRONOUNS = frozenset({"he", "she"})
DETERMINERS = frozenset(
    {
        "the",
        "a",
        "an",
        "another",
        "one",
        "two",
        "three",
        "several",
        "some",
        "many",
        "other",
        "senior",
        "top",
        "those",
        "these",
        "his",
        "her",
        "their",
    }
)
STOPS = frozenset(
    [
        "the",
        "a",
        "an",
        "that",
        "which",
        "who",
        "and",
        "or",
        "of",
        "in",
        "on",
        "for",
        "to",
        "with",
        "by",
        "from",
        "have",
        "has",
        "had",
        "is",
        "was",
        "were",
        "are",
        "be",
        "been",
        "this",
        "these",
        "those",
        "its",
        "their",
        "his",
        "her",
        "it",
        "as",
        "at",
        "said",
        "says",
    ]
)
ORG_HEADS = frozenset(
    [
        "Party",
        "Department",
        "Ministry",
        "Committee",
        "Agency",
        "Institute",
        "University",
        "Council",
        "Office",
        "Bureau",
        "Service",
        "Commission",
        "Court",
        "Campaign",
        "Group",
        "Foundation",
        "Association",
        "Center",
        "Centre",
        "Board",
        "Administration",
        "Senate",
        "House",
        "Congress",
        "Pentagon",
        "Kremlin",
        "Police",
        "Army",
        "Navy",
        "Government",
        "Forum",
        "Fund",
        "Bank",
        "Corporation",
        "Company",
        "Inc",
        "Corp",
        "Union",
        "Organization",
        "Organisation",
        "Network",
        "Coalition",
        "Caucus",
        "PAC",
        "Club",
        "Society",
        "League",
        "Authority",
        "Parliament",
        "Cabinet",
        "Command",
        "Lab",
        "Laboratory",
        "School",
        "College",
        "Hospital",
    ]
)
ANONYMOUS_RE = re.compile(
    r"\b(?:people|persons?|officials?|sources?|aides?|someone|insiders?|diplomats?)"
    r" (?:familiar with|close to|with knowledge of|briefed on|who (?:spoke|asked) on condition)",
    re.I,
)
MAX_MODIFIERS = 3
LOOK_BEFORE = 160
LOOK_AFTER = 120


def _data(name: str) -> list[str]:
    text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _outlets() -> tuple[dict[str, str], dict[str, str]]:
    """alias -> canonical name, canonical name -> description."""
    aliases, descriptions = {}, {}
    for row in _data("outlets.tsv")[1:]:
        name, alias_field, description = (row.split("\t") + ["", ""])[:3]
        descriptions[name] = description
        for alias in [name, *filter(None, alias_field.split("|"))]:
            aliases[alias] = name
            aliases[alias.removeprefix("The ")] = name
    return aliases, descriptions


OUTLET_NAMES, OUTLET_DESCRIPTIONS = _outlets()
# Starts with capitals only (no leading \b) so the engine skips to capitals; boundaries by hand.
OUTLET_RE = re.compile(
    r"(?:"
    + "|".join(re.escape(a) for a in sorted(OUTLET_NAMES, key=len, reverse=True) if len(a) > 3)
    + r")\b"
)
NOUN_KINDS = dict(row.split("\t") for row in _data("source_nouns.tsv")[1:])
TITLES = frozenset(word for line in _data("titles.txt") for word in line.split())


def classify_name(name: str) -> tuple[str, str]:
    """(canonical name, kind) of a capitalised run."""
    bare = name.removeprefix("The ")
    if bare in OUTLET_NAMES:
        return OUTLET_NAMES[bare], "outlet"
    last = bare.rsplit(" ", 1)[-1]
    if last in ORG_HEADS or (bare.isupper() and len(bare) > 1):
        return bare, "organization"
    return bare, "person"


def _strip_openers(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop capitalised function words from the front of a name run ("But Moore" -> "Moore")."""
    while True:
        space = text.find(" ", start, end)
        first = text[start : space if space >= 0 else end]
        if first.lower() not in OPENERS:
            return start, end
        if space < 0:
            return end, end
        start = space + 1


def split_title(text: str, start: int, end: int) -> tuple[int, int, str | None]:
    """A name run with a title inside ("MI6 Chief Richard Moore") -> the name's span and title."""
    words = [(m.start() + start, m.end() + start) for m in re.finditer(r"\S+", text[start:end])]
    for i in range(len(words) - 2, -1, -1):
        if text[words[i][0] : words[i][1]].lower() in TITLES:
            first = words[max(0, i - 1)][0]
            return words[i + 1][0], end, text[first : words[i][1]]
    return start, end, None


class Article:
    """Per-document index of names, so surnames and pronouns resolve to the person meant."""

    def __init__(self, text: str, limit: int | None = None):
        self.text = text
        self.limit = len(text) if limit is None else limit

    @cached_property
    def people(self) -> list[tuple[int, int, str, str | None]]:
        """(start, end, full name, title) of every person named with two or more words."""
        found = []
        for m in NAME_RE.finditer(self.text, 0, self.limit):
            if " " not in m.group():
                continue
            start, end = _strip_openers(self.text, *m.span())
            if " " not in self.text[start:end]:
                continue
            start, end, title = split_title(self.text, start, end)
            name, kind = classify_name(self.text[start:end])
            if kind == "person" and " " in name:
                found.append((start, end, name, title or self._title_around(start, end)))
        return found

    @cached_property
    def _people_starts(self) -> list[int]:
        return [p[0] for p in self.people]

    def _title_around(self, start: int, end: int) -> str | None:
        """A title just before the name ("journalist Igor Korotchenko") or in an appositive
        after it ("Alexander Matsegora, the Russian ambassador to North Korea")."""
        before = self.text[max(0, start - 40) : start].split()
        if before and before[-1].lower() in TITLES:
            lead = before[-2:] if len(before) > 1 and before[-2][:1].isupper() else before[-1:]
            return " ".join(lead)
        after = re.match(r", (?:the |a |an )?([^,.;\n“”\"]{3,60})", self.text[end : end + 80])
        if after and any(w.lower() in TITLES for w in after.group(1).split()):
            return after.group(1)
        return None

    def last_person_before(self, position: int):
        i = bisect.bisect_left(self._people_starts, position) - 1
        return self.people[i] if i >= 0 else None

    def full_name(self, surname: str, position: int):
        """The latest person named before `position` whose last word is `surname`."""
        i = bisect.bisect_left(self._people_starts, position) - 1
        for person in reversed(self.people[: i + 1]):
            if person[2].rsplit(" ", 1)[-1] == surname:
                return person
        return None


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start() + start, m.end() + start) for m in TOKEN_RE.finditer(text[start:end])]


def _noun_phrase(text: str, tokens: list, head: int) -> tuple[int, str]:
    """Start of the phrase ending at tokens[head] (up to MAX_MODIFIERS modifiers) and its kind."""
    kind = NOUN_KINDS[text[slice(*tokens[head])].lower()]
    first = head
    while first > 0 and head - first < MAX_MODIFIERS:
        word = text[slice(*tokens[first - 1])]
        if word.lower() in STOPS or word.lower() in DETERMINERS or not word[0].isalnum():
            break
        first -= 1
    return tokens[first][0], kind


def _candidate_at(text: str, tokens: list, i: int, article: Article):
    """The source whose last token is tokens[i], or None."""
    start, end = tokens[i]
    word = text[start:end]
    lower = word.lower()
    if lower in PRONOUNS:
        person = article.last_person_before(start)
        return (start, end, person[2], "person", person[3]) if person else None
    if lower in NOUN_KINDS:
        phrase_start, kind = _noun_phrase(text, tokens, i)
        return phrase_start, end, text[phrase_start:end], kind, None
    if word[0].isupper():
        match = None
        for m in NAME_RE.finditer(text, max(0, start - 80), end):
            if m.end() == end:
                match = m
        if match is None:
            return None
        run_start, run_end = _strip_openers(text, *match.span())
        if run_start >= run_end:
            return None
        name_start, name_end, title = split_title(text, run_start, run_end)
        name, kind = classify_name(text[name_start:name_end])
        if kind == "person" and " " not in name:
            person = article.full_name(name, name_start)
            if person:
                return name_start, name_end, person[2], "person", title or person[3]
        elif kind == "person" and title is None:
            title = article._title_around(name_start, name_end)
        return name_start, name_end, name, kind, title
    return None


def source_before(text: str, sentence_start: int, cue_start: int, article: Article):
    """The source that ends just before the cue, skipping auxiliaries and adverbs."""
    tokens = _tokens(text, max(sentence_start, cue_start - LOOK_BEFORE), cue_start)
    i = len(tokens) - 1
    while i >= 0 and text[slice(*tokens[i])].lower() in FILLERS:
        i -= 1
    if i >= 0 and text[slice(*tokens[i])] == ",":  # appositive: "Smith, the senator, said"
        j = i - 1
        while j >= 0 and text[slice(*tokens[j])] not in {",", "“", "”", '"'} and i - j < 12:
            j -= 1
        if j >= 1 and text[slice(*tokens[j])] == ",":
            i = j - 1
    return _candidate_at(text, tokens, i, article) if i >= 0 else None


def source_after(text: str, cue_end: int, sentence_end: int, article: Article):
    """The source named after the cue: an outlet or name in the rest of the clause."""
    limit = min(sentence_end, cue_end + LOOK_AFTER)
    clause_end = limit
    for stop in (",", ";", "“", '"', ":"):
        found = text.find(stop, cue_end, limit)
        if found >= 0:
            clause_end = min(clause_end, found)
    for o_start, o_end, name in outlet_mentions(text, cue_end, clause_end):
        return o_start, o_end, name, "outlet", None
    tokens = _tokens(text, cue_end, clause_end)
    for i, (start, end) in enumerate(tokens[:8]):
        word = text[start:end]
        lower = word.lower()
        if lower in NOUN_KINDS or lower in PRONOUNS:
            return _candidate_at(text, tokens, i, article)
        if word[0].isupper() and lower not in OPENERS:
            j = i
            while j + 1 < len(tokens) and text[slice(*tokens[j + 1])][0].isupper():
                j += 1
            return _candidate_at(text, tokens, j, article)
    return None


def anonymous_source(text: str, start: int, end: int):
    """ "officials familiar with the matter" anywhere in the sentence."""
    m = ANONYMOUS_RE.search(text, start, end)
    return (m.start(), m.end(), m.group(), "anonymous", None) if m else None


def outlet_mentions(text: str, start: int, end: int):
    for m in OUTLET_RE.finditer(text, start, end):
        if m.start() == 0 or not text[m.start() - 1].isalnum():
            yield m.start(), m.end(), OUTLET_NAMES[m.group()]
