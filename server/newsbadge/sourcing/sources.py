"""Who stands behind a cue: find the source phrase, give it a kind, merge mentions of one source.

Sources are looked for where English news puts them: just before the cue ("Igor Korotchenko
claimed", "Matsegora has said", "a source said") or just after it ("said Smith", "according to a
report from the New York Post"). A pronoun ("he asserted") stands for the last person named
before it; a surname alone ("Korotchenko") for the full name given earlier. A source is never the
writer's own first person ("I", "we've": kind FIRST_PERSON, which the caller reports apart), a
pronoun left unresolved, a capitalised word that only opens its sentence ("Paid", "Let"), or words
inside a boilerplate range (menus, navigation). Everything walks the document's words, as spans
and as strings (computed once for every scorer), instead of re-tokenising or slicing around each
cue.
Word lists live in data/: outlets.tsv, source_nouns.tsv, titles.txt, name_words.txt.
"""

from __future__ import annotations

import bisect
import re
from functools import cached_property
from itertools import chain
from typing import NamedTuple

from .. import datafiles
from ..text import START, Ranges, Span

# A run of capitalised words, allowing lower-case joiners ("Bank of America"). A word is taken
# whole (possessive): giving letters back could only meet another letter where a space must
# follow, so the engine need not try. NAMES_RE wants two or more words, CAPITALISED_RE one or more.
NAME_WORD = r"[A-Z][\w'’.&-]*+"
NAME_WORDS_AFTER = r"(?:[ ](?:(?:of|the|de|al|bin|van|von|for) )?" + NAME_WORD + ")"
NAMES_RE = re.compile(NAME_WORD + NAME_WORDS_AFTER + "+")
CAPITALISED_RE = re.compile(NAME_WORD + NAME_WORDS_AFTER + "*")
ANONYMOUS_RE = re.compile(
    r"\b(?:people|persons?|officials?|sources?|aides?|someone|insiders?|diplomats?) (?:familiar "
    r"with|close to|with knowledge of|briefed on|who (?:spoke|asked) on condition)", re.I)
# ", the Russian ambassador to North Korea" after a name.
# Where a sentence ends inside a capitalised run ("Bernie Sanders. That", "Tuesday. But Ryan"): a
# word of three or more lower-case letters and a full stop. Abbreviations ("Mr.", "Gov.", "U.S.")
# have fewer and do not end one. A closing quotation mark may follow the stop ("Politicking.''").
RUN_BREAK_RE = re.compile(r"(?<=[a-z]{3}\.)(?:''|['’”\"])? ")
SENTENCE_STOP_RE = re.compile(r"[a-z]{3}\.")
APPOSITIVE_RE = re.compile(r",\s(?:the |a |an )?([^,.;\n“”\"]{3,60})")
APPOSITIVE_ENDS = frozenset(',.;\n“”"')
# After these, a capitalised run says where something was said ("posted on Weibo", "said in
# Geneva"), not who said it; "according to", "told by" and "reported by" are not among them.
LOCATIVES = frozenset({"on", "in", "at", "during", "via", "from"})
# Words after which a capitalised run says where or whose a thing is, never who spoke: "at Blue
# Origin. He declined" (he is the vice president named before), "for its Dream Chaser vehicle",
# "of the Aberdeen Royal Infirmary in the UK told" (the doctors told, not the UK). "from" is not
# one: "a statement from Mayor Jones".
WHERE_WORDS = LOCATIVES - {"from"} | {"its", "their"}
MAX_TITLE_OWNER = 3     # capitalised words owning a title before a name ("Wells Fargo analyst")
ANONYMOUS_ANCHORS = ("familiar with", "close to", "knowledge of", "briefed on", "on condition")
CLAUSE_END_RE = re.compile(r"[,;:“\"]")
MAX_MODIFIERS = 3       # "Russian state television broadcasts": three words before the head
MAX_APPOSITIVE = 12     # words in ", the senator from Ohio," between a name and its cue
# Capitals that open an organisation's name ("JAMA Psychiatry"); two are a person's initials as
# often ("TJ Watt", "AJ Styles").
MIN_ACRONYM = 3
MAX_NAME_WORDS = 8      # longest capitalised run taken as one name ("British Intelligence MI6 ...")
MAX_AFTER = 8           # words after a cue searched for its source ("said on Tuesday Mr. Smith")
LOOK_AFTER = 120        # characters after a cue searched for an outlet's name
SURNAME_TRIES = 20      # earlier mentions of a surname examined for the full name
SURNAME_REACH = 20_000  # characters before a surname searched for the full name
PERSON_REACH = 600      # characters before a pronoun searched for the person it stands for
SURNAME_LOOKUPS = 3     # sentence-opening surnames looked up per pronoun before older full names
# What a sentence's first word follows (spaces aside): a sentence end, a line break, a colon, a
# quotation mark or a bracket ("“We will win,” Stier said.").
SENTENCE_OPENERS = frozenset('.!?:\n“”"‘(')


def _word_lists() -> dict[str, frozenset]:
    lines = datafiles.lines(__package__, "name_words.txt")
    return {name: frozenset(words.split())
            for name, words in (line.split(":", 1) for line in lines)}


def _outlets() -> tuple[dict[str, str], dict[str, str]]:
    """alias -> canonical name, canonical name -> description."""
    aliases, descriptions = {}, {}
    for row in datafiles.table(__package__, "outlets.tsv"):
        name = row["name"]
        descriptions[name] = row["description"]
        for alias in [name, *filter(None, row["aliases"].split("|"))]:
            aliases[alias] = name
            aliases[alias.removeprefix("The ")] = name
    return aliases, descriptions


WORDS = _word_lists()
OPENERS, FILLERS, PRONOUNS = WORDS["openers"], WORDS["fillers"], WORDS["pronouns"]
DETERMINERS, STOPS, ORG_HEADS = WORDS["determiners"], WORDS["stops"], WORDS["org_heads"]
INDEFINITE, GIVEN_PLACE_NAMES = WORDS["indefinite"], WORDS["given_place_names"]
PHRASE_BOUNDS = STOPS | DETERMINERS  # words a noun phrase's modifiers do not run back past
NAME_JOINERS, FIRST_PERSON_WORDS = WORDS["name_joiners"], WORDS["first_person"]
BE_FORMS, POSSESSIVES, ADVERBS = WORDS["be_forms"], WORDS["possessives"], WORDS["adverbs"]
HONORIFICS, PLACE_HEADS = WORDS["honorifics"], WORDS["place_heads"]
CLAUSE_VERBS, CALENDAR_WORDS = WORDS["clause_verbs"], WORDS["calendar_words"]
OUTLET_HEADS = WORDS["outlet_heads"]
# The words after which a person's name starts inside a capitalised run: "Secretary of State
# Hillary Clinton", "Director for Policy Jane Doe" (the titles and owners, "NBC’s", besides).
PHRASE_JOINERS = frozenset({"of", "the", "for"})
# The words between a document and who put it out ("a report in / by / from ..."), and the kinds
# that can have put it out: a "person" after "in" is a publication whose name we do not know.
PUBLISHER_LINKS = frozenset({"in", "by", "from"})
PUBLISHER_KINDS = frozenset({"person", "organization", "outlet"})
# The words between a source noun and the name that places it: "officials in Inner Mongolia",
# "a spokesman for Acme Corp", "the director of the FBI", "one user on Weibo".
NOUN_PLACERS = frozenset({"in", "at", "on", "for", "from", "of"})
# A source noun tied to what follows by one of these words and its preposition: "a source close
# to the government", "a person familiar with the talks" (the noun is the source, not the
# government).
RELATIONS = {"close": "to", "closer": "to", "familiar": "with", "loyal": "to", "linked": "to",
             "allied": "with", "connected": "to", "near": "to"}
# One word with a capital inside after two lower-case letters is a company's name ("OpenAI",
# "InfoNation", "YouTube", "PayPal"), not a person's: surnames with an inner capital have a
# short prefix ("McConnell", "MacArthur", "DeSantis", "LaGuardia", "O'Rourke").
# A quarter, a half or a fiscal year ("our Q2 2025 Pulse Survey", "H1", "FY2024") is a date,
# never a name.
PERIOD_RE = re.compile(r"[QH][1-4]|FY\d{2,4}")
BRAND_CASE_RE = re.compile(r"(?!(?:Mac|Mc|De|Di|Da|Du|La|Le|Van|Von)[A-Z])[A-Z][a-z]{2,}[A-Z]\w*")
# Kinds of a capitalised run that name no source: "Russian state television" is found by its head
# noun; "Bay Area" and "Wall Street" are where something happened.
NOT_SOURCES = frozenset({"demonym", "place"})
# The kind of a Found that is the writer speaking ("I said", "we asked"): never a source.
FIRST_PERSON = "first_person"
OUTLET_NAMES, OUTLET_DESCRIPTIONS = _outlets()


def trie_pattern(phrases: list[str]) -> str:
    """One regex for many phrases, sharing their common prefixes ("New (?:York (?:Post|Times)|
    Yorker)"), so the engine does not try every phrase at every capital letter."""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items())
                    if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return pattern(trie)


# Starts with capitals only (no leading \b) so the engine skips to capitals; boundaries by hand.
# Longest match wins through the trie's greedy optional tails ("New York Post" over "New York").
OUTLET_RE = re.compile(trie_pattern([a for a in OUTLET_NAMES if len(a) > 3]) + r"\b")
NOUN_ROWS = datafiles.table(__package__, "source_nouns.tsv")
NOUN_KINDS = {row["word"]: row["kind"] for row in NOUN_ROWS}
NOUNS_ALONE = frozenset(row["word"] for row in NOUN_ROWS if row["alone"] == "yes")
TITLES = frozenset(datafiles.words(__package__, "titles.txt"))
PLACES = {**dict.fromkeys(datafiles.lines(__package__, "iso_places.txt"), "organization"),
          **{row["name"]: row["kind"] for row in datafiles.table(__package__, "places.tsv")}}
COMMON_WORDS = frozenset(datafiles.words(__package__, "common_words.txt"))
# Cities speak through their governments ("according to Kansas City"); a single word only when it
# is no surname named before ("Joaquin Phoenix ... Phoenix said").
CITIES = frozenset(datafiles.lines(__package__, "cities.txt"))


def classify_name(name: str) -> tuple[str, str]:
    """(canonical name, kind) of a capitalised run; the kinds in NOT_SOURCES are no source at
    all. A possessive names its owner: "North Korea’s" is a place, "Vladimir Putin’s" the
    person."""
    bare = name.removeprefix("The ").removesuffix("’s").removesuffix("'s")
    if bare in OUTLET_NAMES:
        return OUTLET_NAMES[bare], "outlet"
    if bare in PLACES:
        return bare, PLACES[bare]
    if " " in bare and bare in CITIES:
        return bare, "organization"
    last = bare.rsplit(" ", 1)[-1]
    if last in PLACE_HEADS and " " in bare:
        return bare, "place"
    if last in OUTLET_HEADS and " " in bare:
        return bare, "outlet"
    # An acronym ends an organisation's name ("Chinese CDC"); a Roman numeral a person's ("III").
    if last in ORG_HEADS or (last.isupper() and len(last) > 1 and last.strip("IVX")):
        return bare, "organization"
    if " " in bare and PLACES.get(last) == "demonym" and last.endswith("s"):
        return bare, "organization"  # "House Democrats", "Senate Republicans": a caucus
    first = bare.split(" ", 1)[0]
    if " " in bare and PLACES.get(first) == "organization" and first not in GIVEN_PLACE_NAMES:
        return bare, "organization"  # "Massachusetts General", "Texas Instruments"
    if (" " in bare and len(first) >= MIN_ACRONYM and first.isupper() and first.isalpha()
            and not any(word.lower() in TITLES for word in bare.split())):
        return bare, "organization"  # "JAMA Psychiatry", "NASA Goddard" (not "TJ Watt")
    return bare, "person"


def _is_appositive_title(phrase: str) -> bool:
    """True when `phrase` (after "Name, the") holds a title and the word after its last title word
    goes on describing the person ("ambassador to North Korea", "aide who accompanied her")
    rather than saying what happened: "According to Jane Smith, the mayor resigned" gives Smith
    no title."""
    words = phrase.split()
    titled = [t for t, w in enumerate(words) if w.lower() in TITLES]
    if not titled or titled[-1] + 1 == len(words):
        return bool(titled)
    following = words[titled[-1] + 1].lower()
    return following not in CLAUSE_VERBS and not (following.endswith("ed") and len(following) > 4)


def _is_abbreviation(word: str) -> bool:
    """"Lt.", "Gov.", "U.S.": a rank or capitals with full stops, which end no sentence here."""
    return word[:-1].lower() in HONORIFICS or word.replace(".", "").isupper()


def _ends_no_name(word: str) -> bool:
    """True for the last word of a capitalised run that is no part of a name: a weekday or month
    ("MSNBC Monday", "Super Tuesday"), or the next sentence's first word where an abbreviation
    hid the sentence end ("Washington D.C. He")."""
    return word in CALENDAR_WORDS or word.lower() in OPENERS


def _place_before_person(run: list[str]) -> bool:
    """True when a run of three or more words opens with a country or state and the rest names a
    person ("Ukraine Kurt Volker"; not "Washington Post Trump", nor "British Medical Journal",
    an outlet, nor "Virginia Conservation Legacy Fund", an organisation)."""
    if (PLACES.get(run[0]) != "organization" or run[1] in OUTLET_HEADS
            or any(word.lower() in TITLES for word in run[1:])):
        return False  # "Indiana House Speaker Brian Bosma": the state owns the title
    return classify_name(" ".join(run[1:]))[1] == "person"


class Found(NamedTuple):
    """A source found in the text: the words that name it (a pronoun or surname included), the
    name it resolves to, its kind, a title when one was seen, and the span of the full-name
    mention where an appositive title may be looked up later (only when it is needed)."""

    start: int
    end: int
    name: str
    kind: str
    title: str | None = None
    mention: tuple[int, int] | None = None


def _is_role(found: Found) -> bool:
    """True when a source names a role, not a person: "the mayor", "another RT America host"."""
    return found.kind == "person" or (found.kind == "anonymous"
                                      and found.name.rsplit(" ", 1)[-1].lower() in TITLES)


def _opens_name(word: str) -> bool:
    """True when a person's name may start after `word` in a capitalised run: a title, an owner
    ("NBC’s") or a joiner ("of")."""
    return word.lower() in TITLES or word in PHRASE_JOINERS or word.endswith(("’s", "'s"))


def outlet_mentions(text: str, start: int, end: int) -> list[Found]:
    """The outlets named in [start, end), as sources."""
    mentions = []
    m = OUTLET_RE.search(text, start, end)
    while m:
        if m.start() == 0 or not text[m.start() - 1].isalnum():
            mentions.append(Found(m.start(), m.end(), OUTLET_NAMES[m.group()], "outlet"))
        m = OUTLET_RE.search(text, m.end(), end)
    return mentions


def anonymous_source(text: str, start: int, end: int):
    """"officials familiar with the matter" anywhere in the sentence. The regex runs only where
    one of its closing phrases occurs (a plain substring search first)."""
    for anchor in ANONYMOUS_ANCHORS:
        if text.find(anchor, start, end) >= 0:
            m = ANONYMOUS_RE.search(text, start, end)
            return Found(m.start(), m.end(), m.group(), "anonymous") if m else None
    return None


class Sentence(NamedTuple):
    """A sentence's span and the index of its first word in `SourceFinder.words`."""

    start: int
    end: int
    first_word: int


class SourceFinder:
    """A document's text and words (as spans and, parallel, as strings), with the lookups source
    finding needs."""

    def __init__(self, text: str, words: list[Span], strings: list[str],
                 boilerplate: Ranges | None = None):
        self.text = text
        self.words = words
        self.strings = strings
        self.boilerplate = boilerplate or Ranges()
        self._full_names: dict[str, tuple] = {}

    def in_boilerplate(self, start: int, end: int) -> bool:
        return bool(self.boilerplate) and self.boilerplate.overlaps(start, end)

    @cached_property
    def _word_set(self) -> frozenset:
        """Every word the text writes. A word written in lower case is one of these whose first
        character is lower case: is_common asks that of the lower-cased word itself, so this set
        is built in C, without a test of each word (43 -> 10 us on the seed page's 547 words)."""
        return frozenset(self.strings)

    def could_be_a_name(self, name: str) -> bool:
        """False for a heading's capitalised words: every word common ("Why You Don’t"), or a
        word whose part after a hyphen is in lower case ("AI-powered"; "Ocasio-Cortez" is a
        name)."""
        words = name.split()
        if all(map(self.is_common, words)):
            return False
        return not any(part[:1].islower() for w in words for part in w.split("-")[1:])

    def is_common(self, word: str) -> bool:
        """True when `word` is common in lower case (common_words.txt) or the text writes it in
        lower case somewhere: its capital was the sentence's or a heading's, not a name's."""
        lower = word.lower()
        return lower in COMMON_WORDS or (lower[:1].islower() and lower in self._word_set)

    def sentence(self, start: int, end: int) -> Sentence:
        """The sentence [start, end), its first word found once for all the cues in it."""
        return Sentence(start, end, bisect.bisect_left(self.words, start, key=START))

    def gap(self, i: int) -> str:
        """The characters between word i and word i + 1."""
        return self.text[self.words[i][1]:self.words[i + 1][0]]

    # -- people named earlier, for pronouns and surnames --------------------------------------

    def person_in_run(self, start: int, end: int):
        """(start, end, full name, title) of the person a capitalised run names, or None: openers
        dropped from its front, and the words up to its last title, owner or joiner split off
        ("MI6 Chief Richard Moore", "NBC’s Dante Chinni", "Secretary of State Hillary Clinton"),
        with common words that still lead ("State"). When nothing after a joiner is a person,
        the words before it are tried ("Jane Smith of Ohio")."""
        run = self.text[start:end].split(" ")
        while len(run) > 1 and _ends_no_name(run[-1]):
            end -= len(run.pop()) + 1  # "on Twitter Tuesday"
        skip = 0
        while skip < len(run) and run[skip].lower() in OPENERS:
            skip += 1
        cut = next((k + 1 for k in range(len(run) - 2, skip - 1, -1) if _opens_name(run[k])),
                   skip)
        first = cut
        while len(run) - first > 2 and (self.is_common(run[first])
                                        or _place_before_person(run[first:])):
            first += 1
        person = self._person_in_words(start, end, run, skip, first)
        if person is None and cut > skip + 1 and run[cut - 1] in PHRASE_JOINERS:
            return self.person_in_run(start, start + len(" ".join(run[:cut - 1])))
        return person

    def _person_in_words(self, start: int, end: int, run: list[str], skip: int, first: int):
        """The person named by run[first:] (two words or more, not all common: "Fifth
        Amendment"), with the title before it."""
        if len(run) - first < 2:
            return None
        name, kind = classify_name(" ".join(run[first:]))
        if kind != "person" or not self.could_be_a_name(name):
            return None
        name_start = start + sum(len(w) + 1 for w in run[:first])
        run_start = start + sum(len(w) + 1 for w in run[:skip])
        title = self.title_in_run(run_start, name_start) if first > skip else None
        return name_start, end, name, title

    def last_person_before(self, position: int):
        """The person a pronoun at `position` stands for: walking back over the capitalised runs
        within PERSON_REACH, the first that names a person with two or more words, or that opens
        a sentence with the surname of a person named in full before it ("Stier said. He ..."
        after "Tom Stier", even when a "Bay Area" or an older full name lies between). The
        pronoun's own line is walked first; the rest of the reach only when it holds no one."""
        reach = max(0, position - PERSON_REACH)
        line_start = self.text.rfind("\n", reach, position) + 1 or reach
        lookups = 0
        for piece in chain(self._pieces_back(line_start, position),
                           self._pieces_back(reach, line_start)):
            if self.follows_where_word(piece[0]):
                continue
            person = self.person_in_run(*piece)
            if person:
                return person
            if lookups < SURNAME_LOOKUPS and self._subject_surname(*piece):
                lookups += 1
                person = self.full_name(self.text[piece[0]:piece[1]], piece[0])
                if person:
                    return person
        return None

    def _pieces_back(self, start: int, end: int):
        """The sentence pieces of the capitalised runs in [start, end) outside boilerplate, the
        last first. No run crosses a line break, so two ranges walked in turn yield what the
        whole would."""
        runs = [m.span() for m in CAPITALISED_RE.finditer(self.text, start, end)]
        for run in reversed(runs):
            if not self.in_boilerplate(*run):
                yield from reversed(self.sentence_pieces(*run))

    def follows_where_word(self, start: int) -> bool:
        """True when the word before `start` (a "the" skipped) is one of WHERE_WORDS."""
        before = self.text[max(0, start - 16):start].split()
        if before and before[-1] == "the":
            before.pop()
        return bool(before) and before[-1].lower() in WHERE_WORDS

    def _subject_surname(self, start: int, end: int) -> bool:
        """True when [start, end) is one word that could be a person's surname and opens its
        sentence: not an opener or pronoun ("He", "The"), a common word, or an acronym."""
        word = self.text[start:end]
        if " " in word or word.isupper() or word.lower() in OPENERS or self.is_common(word):
            return False
        if classify_name(word)[1] != "person":
            return False
        before = self.text[max(0, start - 3):start].rstrip(" ")
        return not before or before[-1] in SENTENCE_OPENERS

    def sentence_pieces(self, start: int, end: int) -> list[Span]:
        """The capitalised run [start, end) cut where a sentence ends inside it or at its end,
        each piece without its full stop."""
        pieces = []
        for cut in RUN_BREAK_RE.finditer(self.text, start, end):
            pieces.append((start, cut.start() - 1))
            start = cut.end()
        if SENTENCE_STOP_RE.fullmatch(self.text, max(start, end - 4), end):
            end -= 1  # the run ends its sentence
        pieces.append((start, end))
        return pieces

    def full_name(self, surname: str, position: int):
        """The latest person named in full before `position` whose last word is `surname`:
        found by searching back for the surname with capitalised words before it. A person once
        found is reused for later mentions of the surname (two people of one surname in one
        article then share the first one found)."""
        known = self._full_names.get(surname)
        if known and known[0] < position:
            return known
        person = self._find_full_name(surname, position)
        if person:
            self._full_names[surname] = person
        return person

    def _find_full_name(self, surname: str, position: int):
        text, end = self.text, position
        for _ in range(SURNAME_TRIES):
            k = text.rfind(" " + surname, max(0, position - SURNAME_REACH), end)
            if k <= 0:
                return None
            end = k
            after = k + 1 + len(surname)
            if after < len(text) and text[after].isalnum():
                continue
            m = NAMES_RE.search(text, max(0, k - 60), after)
            while m and m.end() < after:
                m = NAMES_RE.search(text, m.end(), after)
            if m and m.end() == after and not self.in_boilerplate(*m.span()):
                person = self.person_in_run(*self.sentence_pieces(*m.span())[-1])
                if person:
                    return person
        return None

    def title_in_run(self, run_start: int, name_start: int) -> str | None:
        """"MI6 Chief" from "British Intelligence MI6 Chief Richard Moore": the title word and
        the capitalised words that own it (title_lead)."""
        words = self.text[run_start:name_start].split()
        if not words or words[-1].lower() not in TITLES:
            return None
        before = self.text[max(0, run_start - 3):run_start].rstrip()
        return self.title_lead(words, opens_sentence=not before or before[-1] in SENTENCE_OPENERS)

    def title_lead(self, words: list[str], opens_sentence: bool) -> str:
        """The title ending `words` with the capitalised words just before it that own it
        ("Wells Fargo analyst", "Prime Minister", "Breitbart News’ editor"), at most
        MAX_TITLE_OWNER words and none after a sentence end, nor a common word that only has
        the sentence's capital ("Did President Trump": "President"). `opens_sentence`: whether
        words[0] opens its sentence."""
        first = len(words) - 1
        while first > 0 and len(words) - first <= MAX_TITLE_OWNER:
            word = words[first - 1]
            opens = words[first - 2][-1] in SENTENCE_OPENERS if first > 1 else opens_sentence
            if not self._owns_title(word, opens):
                break
            first -= 1
        return " ".join(words[first:])

    def _owns_title(self, word: str, opens_sentence: bool) -> bool:
        """True for a word that can own the title after it: capitalised, not ending a sentence
        (abbreviations aside: "Lt.", "U.S."), no determiner ("A Really Effective Senator"), no
        verb opening a question ("Did"), no heading in capitals ("ISTANBUL EXPLOSION")."""
        bare = word.rstrip("’'")
        lower = bare.lower()
        if not bare[:1].isupper() or lower in OPENERS:
            return False
        if not bare[-1].isalnum() and not (bare.endswith(".") and _is_abbreviation(bare)):
            return False
        if opens_sentence and lower in CLAUSE_VERBS:
            return False
        return not (bare.isupper() and len(bare) > 3 and self.is_common(bare))

    def title_around(self, start: int, end: int) -> str | None:
        """A title just before the name ("journalist Igor Korotchenko") or in an appositive
        after it ("Alexander Matsegora, the Russian ambassador to North Korea")."""
        window = max(0, start - 40)
        before = self.text[window:start].split()
        if window and not self.text[window - 1].isspace():
            before = before[1:]  # a word cut by the window
        if before and before[-1].lower() in TITLES:
            return self.title_lead(before, opens_sentence=False)
        after = APPOSITIVE_RE.match(self.text, end, end + 80)
        if not after or not _is_appositive_title(after.group(1)):
            return None
        if after.end() < len(self.text) and self.text[after.end()] not in APPOSITIVE_ENDS:
            # cut by the length bound: end on a whole word ("... disease prevention …")
            return after.group(1).rsplit(" ", 1)[0] + " …"
        return after.group(1)

    # -- the source next to a cue ---------------------------------------------------------------

    def candidate_at(self, i: int, first: int, forward: bool = False):
        """The source whose last word is word i (or first word, going forward), not reaching
        before word `first` (going back, the first word of the sentence); a Found or None."""
        found = self._candidate_at(i, first, forward)
        if found and self.in_boilerplate(found.start, found.end):
            return None
        return found

    def _candidate_at(self, i: int, first: int, forward: bool):
        word = self.strings[i]
        lower = word.lower()
        if lower in FIRST_PERSON_WORDS:
            return Found(*self.words[i], word, FIRST_PERSON)
        if lower in PRONOUNS:
            person = self.last_person_before(self.words[i][0])
            if person is None:
                return None
            return Found(*self.words[i], person[2], "person", person[3], person[:2])
        if (lower in NOUN_KINDS or lower in TITLES) and not (forward and self.title_before_name(i)):
            return self._placed_phrase(i, first, forward) or self._noun_phrase(i, first)
        if not word[0].isupper() or lower in OPENERS:
            return None
        text, words, strings = self.text, self.words, self.strings
        if (forward and lower in HONORIFICS and i + 1 < len(words)
                and text.startswith(". ", words[i][1])):
            i += 1  # "said Dr. Jane Smith": the name after the honorific
        j = k = i
        if forward:
            while (k + 1 < len(words) and k - i < MAX_NAME_WORDS
                   and (self.gap(k) == " " or self._initial_at(k))
                   and strings[k + 1][0].isupper()):
                k += 1  # "Charles B. Rangel": a middle initial's stop ends no name
        while (j > first and k - j < MAX_NAME_WORDS and text[words[j - 1][1]] == " "
               and words[j - 1][1] + 1 == words[j][0] and strings[j - 1][0].isupper()):
            j -= 1
        placed = self._placed_noun_before(j, first) if not forward else None
        if placed is not None:
            phrase = self._noun_phrase(placed, first)  # "officials in Inner Mongolia"
            if phrase:
                end = self.words[k][1]
                return phrase._replace(end=end, name=phrase.name + self.text[phrase.end:end])
        if forward and self._owner_of_title_before_name(k):
            return self._owned_title_person(j, k)
        if forward and self._owned_noun_after(k):
            return self._noun_phrase(k + 1, first)  # "said a Google executive"
        return self._name(j, k, opens_sentence=j == first and not forward)

    def _placed_phrase(self, i: int, first: int, forward: bool):
        """Going back from the noun at word i ("the government"): the source noun phrase that
        the noun's phrase places or relates ("a source close to the government"), else None."""
        if forward:
            return None
        j = i
        while j > first and i - j < MAX_MODIFIERS and self.gap(j - 1) == " " and (
                self.strings[j - 1].lower() not in PHRASE_BOUNDS):
            j -= 1
        placed = self._placed_noun_before(j, first)
        if placed is None:
            return None
        phrase = self._noun_phrase(placed, first, placed=True)  # "people close to ..."
        end = self.words[i][1]
        return phrase and phrase._replace(end=end, name=phrase.name + self.text[phrase.end:end])

    def _placed_noun_before(self, j: int, first: int) -> int | None:
        """The index of the source noun before the capitalised run starting at word j when the
        run says where or whose it is ("officials in Inner Mongolia", "a source at the White
        House", "the director of the FBI"): that noun phrase is the source, not the place or the
        organisation. None otherwise."""
        link = j - 2 if j - 2 >= first and self.strings[j - 1] == "the" else j - 1
        noun = link - 1
        if noun > first and RELATIONS.get(self.strings[noun]) == self.strings[link]:
            noun -= 1  # "a source close to the government"
        elif noun < first or self.strings[link] not in NOUN_PLACERS:
            return None
        if any(self.gap(w) != " " for w in range(noun, j)):
            return None
        lower = self.strings[noun].lower()
        return noun if lower in NOUN_KINDS or lower in TITLES else None

    def _owner_of_title_before_name(self, k: int) -> bool:
        """True when the capitalised run ending at word k owns the lower-case title after it,
        which a name follows: "White House spokesman Hogan Gidley"."""
        return (k + 1 < len(self.words) and self.gap(k) == " " and self.strings[k + 1].islower()
                and self._title_then_name(k + 1))

    def _owned_noun_after(self, k: int) -> bool:
        """True when the capitalised run ending at word k is a modifier of the source noun after
        it ("a Google executive", "Pentagon officials"), not a name of its own."""
        return (k + 1 < len(self.words) and self.gap(k) == " " and self.strings[k + 1].islower()
                and (self.strings[k + 1] in NOUN_KINDS or self.strings[k + 1] in TITLES))

    def _owned_title_person(self, j: int, k: int):
        """The person named after the title that words j..k own, titled with them ("White House
        spokesman"); the owner itself when no person follows."""
        person = self._candidate_at(k + 2, k + 2, forward=True)
        if person is None or person.kind != "person":
            return self._name(j, k, opens_sentence=False)
        title = self.title_lead(self.strings[max(j, k - MAX_TITLE_OWNER + 1):k + 2],
                                opens_sentence=False)
        return person._replace(title=title)

    def title_before_name(self, i: int) -> bool:
        """True when word i is a capitalised title with a capitalised word right after it: the
        title of the name that follows ("Mayor Jane Smith"), not a title alone ("the mayor")."""
        return self.strings[i][0].isupper() and self._title_then_name(i)

    def _title_then_name(self, i: int) -> bool:
        """True when word i is a title and a capitalised word follows it after one space."""
        return (self.strings[i].lower() in TITLES and i + 1 < len(self.words)
                and self.gap(i) == " " and self.strings[i + 1][0].isupper())

    def _noun_phrase(self, i: int, first: int, placed: bool = False):
        """"a source", "fundraising documents", "the mayor" (a title alone is a person, and
        anonymous after an indefinite determiner: "a researcher"), with the determiner that
        opens it, in lower case ("A leaked memo" is "a leaked memo"). A bare noun is a source
        only when source_nouns.tsv says it stands alone ("sources say"), not "research shows"
        or "people say", or when it is `placed` ("people close to the president"). A document's
        publisher, when named after it, is the source instead ("a report in the Argus Leader"),
        and a known outlet is that outlet."""
        noun = self.strings[i].lower()
        kind = NOUN_KINDS.get(noun, "person")
        j = i
        while j > first and i - j < MAX_MODIFIERS and self.gap(j - 1) == " ":
            lower = self.strings[j - 1].lower()
            if lower in FIRST_PERSON_WORDS:  # "our research", "my survey": the writer's own
                return Found(self.words[j - 1][0], self.words[i][1], self.strings[j - 1],
                             FIRST_PERSON)
            if lower in DETERMINERS:
                j -= 1
                break
            if lower in STOPS:
                break
            j -= 1
        if j == i and noun not in NOUNS_ALONE and not placed:
            return None
        if kind == "document":
            publisher = self.publisher_after(i)
            if publisher:
                return publisher
        start, end = self.words[j][0], self.words[i][1]
        name = self.text[start:end]
        named = j + 1 if self.strings[j].lower() in DETERMINERS else j
        outlet = OUTLET_NAMES.get(self.text[self.words[named][0]:end]) if named < i else None
        if outlet:  # "the Associated Press": a known outlet with a noun head ("Press")
            return Found(self.words[named][0], end, outlet, "outlet")
        if named > j:
            name = name[0].lower() + name[1:]
        if kind == "person" and self.strings[j].lower() in INDEFINITE:
            kind = "anonymous"  # "a researcher", "one Google executive": nobody to look up
        return Found(start, end, name, kind)

    def publisher_after(self, i: int):
        """Who put out the document that word i names, when the words after it say so: "a report
        in the Argus Leader" (where it was published: an outlet, and "in" wants "the", so "a
        report in South Dakota" names nobody), "a study by Harvard University", "a statement
        from the Kremlin". None otherwise, and the document itself is the source."""
        words, strings = self.words, self.strings
        if i + 2 >= len(words) or self.gap(i) != " " or strings[i + 1] not in PUBLISHER_LINKS:
            return None
        k = i + 2
        if strings[k].lower() in DETERMINERS and self.gap(k - 1) == " " and k + 1 < len(words):
            k += 1
        elif strings[i + 1] == "in":
            return None
        if self.gap(k - 1) != " " or not strings[k][0].isupper() or strings[k].lower() in OPENERS:
            return None
        found = self._candidate_at(k, k, forward=True)
        if found is None or found.kind not in PUBLISHER_KINDS:
            return None
        if strings[i + 1] == "in" and found.kind == "person":
            return found._replace(kind="outlet", title=None, mention=None)
        return found

    def _name(self, j: int, k: int, opens_sentence: bool):
        """Words j..k are a capitalised run: drop openers, split off a title or owner ("NBC’s"),
        classify, resolve.
        A single word that names no outlet, place or organisation and is no surname of a person
        named before is a name only where its capital says so: not when it opens the sentence
        ("Paid", "Let"), nor when the writer's own words use it in lower case ("Pocket" from "Note
        in the Pocket" on a page that speaks of a pocket)."""
        while j < k and self.strings[j].lower() in OPENERS:
            j += 1
        while opens_sentence and k - j >= 2 and self._capital_of_the_sentence(j, k):
            j += 1  # "Would Adam Schiff": the sentence's capital, then the person
        while k > j and _ends_no_name(self.strings[k]):
            k -= 1  # "on Twitter Tuesday"
        run_start = self.words[j][0]
        for t in range(k - 1, j - 1, -1):
            if _opens_name(self.strings[t]):
                j = t + 1
                break
        if k - j >= 2 and _place_before_person(self.strings[j:k + 1]):
            j += 1  # "envoy to Ukraine Kurt Volker": the place, then the person
        start, end = self.words[j][0], self.words[k][1]
        if start and self.text[start - 1] == "#":
            return None  # a hashtag ("#FeelTheBern") names nobody
        if self.text[end - 2:end] in {"’s", "'s"}:
            end -= 2
        name, kind = classify_name(self.text[start:end])
        if kind in NOT_SOURCES or len(name.strip(".")) < 2 or PERIOD_RE.fullmatch(name):
            return None  # a place, a letter ("U" of a "U.S." cut by the tokens), a quarter
        title = self.title_in_run(run_start, start) if run_start < start else None
        if kind == "person" and " " not in name:
            if name.lower() in HONORIFICS:
                return None  # "Mr." with its name cut off (by a sentence end after the dot)
            person = self.full_name(name, start)
            if person:
                return Found(start, end, person[2], "person", title or person[3], person[:2])
            if (opens_sentence and run_start == start) or self.is_common(name) or (
                    name in CALENDAR_WORDS):
                return None  # "Paid", "Let", "Nov"
            if BRAND_CASE_RE.fullmatch(name) or name in CITIES:
                kind = "organization"  # "according to OpenAI", "according to Chicago"
        if kind == "person" and not self.could_be_a_name(name):
            return None
        if kind == "person" and self._after_the(j, k):
            kind = "organization"  # "according to the Sioux Falls Argus Leader": no person
        if (kind == "organization" and " " not in name and (name.isupper() or name in ORG_HEADS)
                and self.is_common(name)):
            return None  # a word in capitals ("HIGHLY", "YOU") or a head alone ("Office")
        return Found(start, end, name, kind, title, (start, end) if kind == "person" else None)

    def _after_the(self, j: int, k: int) -> bool:
        """True when "the" stands before the run j..k and no lower-case word after it makes the
        run a modifier ("the Argus Leader", not "the Jeb Bush campaign")."""
        if j == 0 or self.strings[j - 1].lower() != "the" or self.gap(j - 1) != " ":
            return False
        return k + 1 >= len(self.words) or self.gap(k) != " " or not self.strings[k + 1].islower()

    def _capital_of_the_sentence(self, j: int, k: int) -> bool:
        """True when word j opens a run j..k naming a person but is a common word ("Would"),
        capitalised for the sentence, and the words after it name the person."""
        if not self.is_common(self.strings[j]):
            return False
        whole = classify_name(self.text[self.words[j][0]:self.words[k][1]])[1]
        rest = classify_name(self.text[self.words[j + 1][0]:self.words[k][1]])[1]
        return whole == rest == "person"

    def subject(self, sentence: Sentence):
        """The source that opens the sentence as its subject: a pronoun, or a capitalised run
        followed by a lower-case word or a comma ("John Kasich suspended ...", "Davis, a
        longtime liberal, lashed out ..."); None when the sentence opens otherwise."""
        first = sentence.first_word
        if first >= len(self.words) or self.words[first][0] != sentence.start:
            return None
        if self.strings[first].lower() in PRONOUNS:
            return self.candidate_at(first, first)
        k = first
        while (k + 1 < len(self.words) and k - first < MAX_NAME_WORDS
               and self.gap(k) == " " and self.strings[k + 1][0].isupper()):
            k += 1
        after = self.text[self.words[k][1]:self.words[k][1] + 2]
        if not self.strings[first][0].isupper() or not (after[:1] == "," or after[1:].islower()):
            return None
        return self.candidate_at(k, first)

    def _word_before(self, sentence: Sentence, position: int) -> int:
        """The index of the last word before `position` in the sentence, adverbs skipped
        ("was repeatedly accused"); below sentence.first_word when there is none."""
        i = bisect.bisect_left(self.words, position, sentence.first_word, key=START) - 1
        while i > sentence.first_word and (self.strings[i].lower() in ADVERBS
                                           or self.strings[i].endswith("ly")):
            i -= 1
        return i

    def passive(self, sentence: Sentence, cue_start: int) -> bool:
        """True when a form of "be" stands just before the cue ("was accused", "were told")."""
        i = self._word_before(sentence, cue_start)
        return i >= sentence.first_word and self.strings[i].lower() in BE_FORMS

    def after_possessive(self, sentence: Sentence, cue_start: int) -> bool:
        """True when the cue follows a possessive ("Oz's show", "his claim"): a noun then."""
        i = self._word_before(sentence, cue_start)
        if i < sentence.first_word or not self.text[self.words[i][1]:cue_start].isspace():
            return False
        word = self.strings[i].lower()
        return word in POSSESSIVES or word.endswith(("’s", "'s"))

    def source_before(self, sentence: Sentence, cue_start: int):
        """The source that ends just before the cue, skipping auxiliaries and adverbs, and an
        appositive between commas ("Smith, the senator, said")."""
        text, words, strings = self.text, self.words, self.strings
        first = sentence.first_word
        i = bisect.bisect_left(words, cue_start, first, key=START) - 1
        if i < first:
            return None
        gap = text[words[i][1]:cue_start]
        while gap.isspace() and i > first and strings[i].lower() in FILLERS:
            i -= 1
            gap = text[words[i][1]:words[i + 1][0]]
        if gap.strip() == ",":
            j = i
            while j > first and i - j < MAX_APPOSITIVE and "," not in self.gap(j - 1):
                j -= 1
            if j > first and self.gap(j - 1).strip() == ",":
                return self._subject_with_appositive(j, i, first)
            return None
        if not gap.isspace() or strings[i].lower() in FILLERS:
            return None
        found = self.candidate_at(i, first)
        if (found and found.kind in {"organization", "person"} and found.mention is None
                and self.follows_where_word(found.start)):
            return None  # "of the Aberdeen Royal Infirmary in the UK told"
        return found

    def _initial_at(self, k: int) -> bool:
        """True when word k is a middle initial ("B" of "Charles B. Rangel")."""
        return len(self.strings[k]) == 1 and self.strings[k].isupper() and self.gap(k) == ". "

    def _subject_with_appositive(self, j: int, i: int, first: int):
        """The source of "X, Y, said" where words j..i are Y: the subject X, unless X is a role
        and Y the person in it ("Her campaign manager, Robby Mook, suggested": then Y, titled
        with the role, "campaign manager") or X names nobody we know (then Y alone)."""
        subject = self.candidate_at(j - 1, first)
        if subject is None:  # "Zoghlin, Carlineo’s attorney, told": Y, when X names nobody
            return self._appositive_alone(j, i)
        if subject.mention is not None or not _is_role(subject):
            return subject
        if not all(w[0].isupper() for w in self.strings[j:i + 1]):
            return subject
        person = self.candidate_at(i, j)
        if person is None or person.kind != "person" or person.mention is None:
            return subject
        role = subject.name.split(" ")
        if role[0].lower() in DETERMINERS or role[0].lower() in POSSESSIVES:
            role = role[1:]
        return person._replace(title=person.title or " ".join(role))

    def _appositive_alone(self, j: int, i: int):
        """The source that words j..i name by themselves: a whole role ("Carlineo’s attorney")
        or names ("Tom Becker and Lena Ortiz": the last); None when they are a clause or a list
        ("who lives outside Minneapolis", "including Patriot")."""
        found = self.candidate_at(i, j)
        if found is None or found.kind != "person":
            return None
        if found.mention is None:
            return found if found.start == self.words[j][0] else None
        names = all(w[0].isupper() or w == "and" for w in self.strings[j:i + 1])
        return found if names else None

    def source_after(self, sentence: Sentence, cue_end: int):
        """The source named after the cue: an outlet or name in the rest of the clause."""
        limit = min(sentence.end, cue_end + LOOK_AFTER)
        stop = CLAUSE_END_RE.search(self.text, cue_end, limit)
        clause_end = stop.start() if stop else limit
        text, words = self.text, self.words
        outlet = OUTLET_RE.search(text, cue_end, clause_end)
        if outlet and not text[outlet.start() - 1].isalnum():
            return Found(outlet.start(), outlet.end(), OUTLET_NAMES[outlet.group()], "outlet")
        first = bisect.bisect_left(words, cue_end, sentence.first_word, key=START)
        where = False  # inside a name after "on", "in", "at": where it was said, not who said it
        for i in range(first, min(first + MAX_AFTER, len(words))):
            if words[i][1] > clause_end:
                break
            word = self.strings[i]
            lower = word.lower()
            if self.title_before_name(i):
                return self.candidate_at(i, i, forward=True)  # "said Mayor Jane Smith"
            if lower in NOUN_KINDS or lower in PRONOUNS or lower in TITLES:
                while (i + 1 < len(words) and self.gap(i) == " " and words[i + 1][1] <= clause_end
                       and (self.strings[i + 1] in NOUN_KINDS or self.strings[i + 1] in TITLES)):
                    i += 1  # "an anonymous government source": the head noun is the last
                return self.candidate_at(i, first)
            if word[0].isupper() and lower not in OPENERS:
                if where:
                    continue
                return self.candidate_at(i, first, forward=True)
            where = lower in LOCATIVES
        return None
