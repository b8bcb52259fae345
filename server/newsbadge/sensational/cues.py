"""Framing cues in article text, found in one pass over the article's words plus two small regexes.

Each cue is evidence with its offsets, its kind (`cue`) and its weight. Words inside direct
quotation marks are the source's, not the outlet's: they are reported with `quoted: true` and
weighed less. A cue within a few words after a negator ("not unprecedented") is no cue. Words of
proper names and titles ("Historic Third Ward", "Kia") are no cues, and a cue repeated in one
article weighs less each time (a repeated loaded word is more often the article's topic). In
German, a compound ending in a listed loaded head ("Medienpropaganda") is that head's cue.
"""

from __future__ import annotations

import re
from itertools import compress, repeat

from .. import datafiles
from ..document import Document
from ..sourcing import CUES_ONLY
from ..text import WORD_RE, Ranges, lowered
from .lexicon import BODY_CUES, LITERAL, NEGATORS, Entry, is_superlative

Cue = tuple[int, int, str, float]  # start, end, kind, weight
# English negators cancel English cues; the other languages have no negation list (yet).
NEGATORS_OF = {"en": NEGATORS}
# Per language, the words worth a look: those that anchor a cue or negate one.
CANDIDATES = {language: frozenset(anchors) | NEGATORS_OF.get(language, frozenset())
              for language, (anchors, _) in BODY_CUES.items()}
# Languages that elide articles and pronouns onto the next word with an apostrophe ("l'horreur",
# "dell'odio"): the cue is the word after it, up to this many letters in (French "jusqu'").
ELIDING = frozenset({"fr", "it"})
MAX_ELIDED = 7
# Languages that capitalise every noun: a capital inside a sentence is no sign of a name there.
NOUNS_CAPITALISED = frozenset({"de"})
# Languages that write compounds as one word, whose last part (the head) says what the compound
# is: a word that is no cue itself but ends in one of the language's compound heads
# (data/compound_heads_LANG.txt, when the head is a cue) of HEAD_MIN_LETTERS letters or more,
# after at least MODIFIER_MIN_LETTERS letters, is that cue with its weight ("Medienpropaganda",
# "Impfwahnsinn"). Any cue as a head brought back topics ("Familienangehörige", "Jahrhundert"),
# and any hand word of judgement, events ("Flutkatastrophe", "Verkehrschaos").
COMPOUND_HEADS = {language: frozenset(datafiles.words(__package__,
                                                      f"compound_heads_{language}.txt"))
                  for language in ("de",)}
COMPOUNDING = frozenset(COMPOUND_HEADS)
HEAD_MIN_LETTERS = 5
MODIFIER_MIN_LETTERS = 3
# Weights: single words and phrases from lexicon.ANCHORS, the other kinds (superlative "-iest"
# words, scare quotes, alarms, shouting) from lexicon.KIND_WEIGHTS; all learned from span data by
# newsbadge_dev.training.body_cues (log-odds of a word being inside a loaded-language span). A
# kind missing from KIND_WEIGHTS is one the data found no more framing than any word.
# Quoted words are the source's: a quote full of loaded words says more about the speaker.
QUOTED_FACTOR = 0.25
# A negator this many words or fewer before a cue cancels it ("not at all unprecedented").
NEGATION_WINDOW = 3
# Scare quotes: a quoted run of at most this many words, starting with a lower-case letter (a
# capital starts a title or nickname), that is not a quoted statement.
SCARE_QUOTE_MAX_WORDS = 3
SCARE_QUOTE_MAX_CHARS = 60
# Words of an article read, at most: the longest news features run to about 10,000 words, and
# the bound keeps hostile 2 MB inputs within the time budget. The density is over those words.
MAX_WORDS = 20_000
# Text whose article characters are mostly capitals is set in capitals, not shouting.
SHOUTING_MAX_SHARE = 0.5
# The k-th use of the same cue in an article weighs 1/k of the first: n uses add up to the
# harmonic number H(n) ~ ln n + 0.58, so a word used 100 times (the article's topic, not its
# tone: "depression" in a medical review) counts as about 5 uses, and one used twice as 1.5.
# On the span data it is neutral (sentence AUC the same; article Spearman, held out, SemEval
# 0.423 against 0.434 undamped, BASIL 0.161 against 0.159: their articles are short); on long
# pages about one thing it keeps the topic from grading the page.
# What ends a sentence, so that the capital after it starts a sentence rather than a name.
SENTENCE_ENDS = frozenset(".!?:;\n\u2026")
OPENERS = " \t\"'\u201c\u2018\u201e\u00ab\u00bb([\u2014-"
NEXT_WORD_RE = re.compile(r"[ \t]+(\w)")

# Quotation marks: each opening mark and the marks that close it. English curly and straight
# quotes, French and Italian guillemets, German low-high quotes and reversed guillemets.
CLOSING = {"\u201c": '\u201d"', '"': '"\u201d', "\u201e": '\u201c\u201d"',
           "\u00ab": "\u00bb", "\u00bb": "\u00ab"}
QUOTE_RE = re.compile('[\u201c\u201d\u201e\u00ab\u00bb"\n]')
ALARM_RE = re.compile(r"[!?]+")
IEST_RE = re.compile(r"iest\b")
# Runs of three or more all-capital words (the first of three letters or more): shouting. Word
# boundaries are checked on the (rare) matches: a regex without them runs twice as fast.
SHOUT_RE = re.compile(r"[A-Z]{3,}(?:[ \t]+[A-Z]{2,}){2,}")
# The same runs in the text's skeleton: its UTF-8 bytes with capitals as "A", spaces and tabs as
# " ", every other byte as "a". The pattern then opens with a literal, which the engine finds at
# memchr speed: a page without shouting is cleared in 4 us instead of 27 us.
SKELETON = bytes.maketrans(bytes(range(256)), bytes(
    ord("A") if 65 <= b <= 90 else ord(" ") if b in (9, 32) else ord("a") for b in range(256)))
SHOUT_SKELETON_RE = re.compile(rb"AAA+(?: +AA+){2,}")
# Words of saying and naming: a short quotation in a sentence that holds one outside the quotation
# is a source's words ("what he called “experiments”", "she said SpaceX would fly “a lot”"), no
# scare quote. English: sourcing's verbs of saying and naming_verbs_en.txt; fr, de, it, es:
# sourcing's reporting cues of those languages (sourcing.CUES_ONLY).
ATTRIBUTION_WORDS = {
    "en": frozenset(datafiles.words("newsbadge.sourcing", "reporting_verbs.txt")
                    + datafiles.words(__package__, "naming_verbs_en.txt")),
    **CUES_ONLY}
# How far around a quotation its sentence is read for those words, at most (a page of one endless
# line must not be read whole for each quotation).
ATTRIBUTION_REACH = 300
SENTENCE_END_RE = re.compile(r"[.!?\n]")
# What comes before a quoted statement rather than a scare quote: "said:", "told reporters,".
STATEMENT_LEAD_RE = re.compile(r"[:,]\s*$")
# A line of program code, whose quoted strings are no scare quotes (`Err("hey");`,
# `className="flex mb-4"` on a developer's blog): braces, an assignment, markup, a final ";".
CODE_LINE_RE = re.compile(r"[{}=<>]|;[ \t]*$")
# How far along its line around a quote that test reads, at most: lines of code are short, and a
# page of one endless line must not be read whole for each of its quotes (tests/test_hostile.py).
CODE_LINE_REACH = 300
# How far an address around a cue is read each way (addresses are short; a page of one endless
# token must not be read whole for each cue), and the piece of text around it, up to spaces.
ADDRESS_REACH = 100
PIECE_END_RE = re.compile(r"\S+\Z")
PIECE_START_RE = re.compile(r"\S+")


def find(doc: Document, anchors: dict[str, Entry] | None = None,
         kinds: dict[str, float] | None = None) -> list[dict]:
    """Every framing cue in the article's first MAX_WORDS words (boilerplate excluded), sorted
    by position. `anchors` and `kinds` default to the shipped lexicon of the document's language
    (English when it has none; training passes others); a language without one has no cues."""
    language = doc.language or "en"
    text = doc.text
    words = doc.article_words[:MAX_WORDS]
    if anchors is None:
        if language not in BODY_CUES:
            return []
        anchors, kinds = BODY_CUES[language]
        candidates = CANDIDATES[language]
    else:
        candidates = frozenset(anchors) | NEGATORS_OF.get(language, frozenset())
    if not words:
        return []
    # Only the lines from the first word judged to the last matter (quotes end with their line),
    # so boilerplate around a short article, or past the word bound, is not scanned; past the
    # bound, not even the rest of the last judged word's line (one 900,000-character line of
    # '"said ' took 1.2 s in its quotes alone).
    begin = text.rfind("\n", 0, words[0][0]) + 1
    limit = text.find("\n", words[-1][1])
    limit = len(text) if limit < 0 else limit
    if len(doc.article_words) > MAX_WORDS:
        limit = words[-1][1]
    quotes = quote_ranges(text, begin, limit)
    strings = doc.article_lower[:MAX_WORDS]
    if language in ELIDING:
        words, strings = unelided(words, strings)
    found = _word_cues(words, strings, anchors, candidates)
    if language in COMPOUNDING:
        shipped = anchors is BODY_CUES.get(language, (None,))[0]
        heads = HEADS[language] if shipped else head_index(anchors, language)
        found += _compound_heads(words, strings, anchors, heads)
    if "superlative" in kinds and language == "en":  # "-iest" is English; others list theirs
        found += _superlatives(lowered(text[:limit]), anchors, kinds["superlative"])
    if "scare_quote" in kinds:
        found += _scare_quotes(text, quotes, kinds["scare_quote"], language)
    if "alarm" in kinds:
        found += _alarms(text, begin, limit, kinds["alarm"])
    if "shouting" in kinds:
        found += _shouting(text, begin, limit, kinds["shouting"])
    evidence = []
    uses: dict[str, int] = {}
    for start, end, cue, weight in sorted(found):
        if (doc.boilerplate and doc.boilerplate.overlaps(start, end)) or _in_a_name(
                text, start, end, language) or _in_an_address(text, start, end):
            continue
        quoted = cue != "scare_quote" and quotes.overlaps(start, end)
        key = lowered(text[start:end])
        uses[key] = uses.get(key, 0) + 1
        evidence.append({"start": start, "end": end, "text": text[start:end], "cue": cue,
                         "weight": round(weight / uses[key] * (QUOTED_FACTOR if quoted else 1.0),
                                         3),
                         "quoted": quoted})
    return evidence


def density(evidence: list[dict], words: int) -> float:
    """Cue weight per 100 words."""
    return 100 * sum(e["weight"] for e in evidence) / max(words, 1)


def judged_words(doc: Document) -> int:
    """How many of the article's words `find` reads."""
    return min(len(doc.article_words), MAX_WORDS)


def body_density(doc: Document) -> float:
    return density(find(doc), judged_words(doc))


def unelided(words: list[tuple[int, int]], strings: list[str]) -> tuple[list, list]:
    """Words with an elided article or pronoun ("l'horreur", "dell'odio") as the word after the
    apostrophe, its span starting there; other words as they are."""
    spans, stems = list(words), list(strings)
    for i, word in enumerate(strings):
        cut = word.find("'")
        if 0 < cut < MAX_ELIDED and cut < len(word) - 1:
            spans[i] = (words[i][0] + cut + 1, words[i][1])
            stems[i] = word[cut + 1 :]
    return spans, stems


def quote_ranges(text: str, begin: int, limit: int) -> Ranges:
    """Spans inside direct quotation marks, quote marks included: from an opening mark to one
    of the marks that close it (CLOSING; another opening mark starts the quote anew); an
    unclosed quote ends with its paragraph (line)."""
    spans, opened = [], None
    for m in QUOTE_RE.finditer(text, begin, limit):
        mark, pos = m.group(), m.start()
        if mark == "\n" or opened is not None and mark in CLOSING[text[opened]]:
            if opened is not None:
                spans.append((opened, pos + (mark != "\n")))
            opened = None
        elif mark in CLOSING:
            opened = pos
    if opened is not None:
        spans.append((opened, limit))
    return Ranges.of(spans)


def _in_a_name(text: str, start: int, end: int, language: str = "en") -> bool:
    """Whether a capitalised cue is part of a proper name or title: capitalised inside a
    sentence ("a Kia dealer", "the World's 50 Best Restaurants"), but in German, where every
    noun is, or followed by another capitalised word ("Historic Third Ward", "Young Thug").
    Words in all capitals are not names (shouting, or text set in capitals)."""
    if not text[start].isupper() or text[start:end].isupper():
        return False
    lead = text[max(0, start - 30) : start].rstrip(OPENERS)
    if lead and lead[-1] not in SENTENCE_ENDS and language not in NOUNS_CAPITALISED:
        return True
    follower = NEXT_WORD_RE.match(text, end)
    return follower is not None and follower.group(1).isupper()


def _in_an_address(text: str, start: int, end: int) -> bool:
    """Whether the cue is part of a web or mail address ("http://po.st/TP_615", "www.",
    "name@host"): the piece of text between spaces around it holds "://", "www." or "@" (read
    at most ADDRESS_REACH characters each way)."""
    lead = PIECE_END_RE.search(text, max(0, start - ADDRESS_REACH), start)
    tail = PIECE_START_RE.match(text, end, end + ADDRESS_REACH)
    piece = (lead.group() if lead else "") + text[start:end] + (tail.group() if tail else "")
    return "://" in piece or "www." in piece or "@" in piece


def _word_cues(words: list[tuple[int, int]], strings: list[str], anchors: dict[str, Entry],
               candidates: frozenset[str]) -> list[Cue]:
    """Lexicon cues and negation over the article's words (spans, and their lowered strings).
    Only words that can anchor a cue or negate one are visited in Python; the rest are filtered
    by one set lookup each, in C. Overlapping matches resolve to the earliest, then the longest."""
    matches, negators = [], []
    for i in compress(range(len(strings)), map(candidates.__contains__, strings)):
        word = strings[i]
        if word in NEGATORS:
            negators.append(i)
        if word in anchors:
            matches.append(_match(strings, i, anchors[word]))
    found = []
    next_free = n = 0
    for start, length, kind, weight in sorted(filter(None, matches), key=lambda m: (m[0], -m[1])):
        if start < next_free:
            continue
        next_free = start + length
        while n < len(negators) and negators[n] < start - NEGATION_WINDOW:
            n += 1
        if (n < len(negators) and negators[n] < start) or kind == LITERAL:
            continue  # negated, or a word meant literally ("color scheme")
        found.append((words[start][0], words[start + length - 1][1], kind, weight))
    return found


def head_index(anchors: dict[str, Entry], language: str
               ) -> tuple[dict[str, tuple[str, float]], tuple[str, ...]]:
    """The language's compound heads that are cues (HEAD_MIN_LETTERS letters or more), with
    their kind and weight, and the same heads as a tuple, longest first, for str.endswith."""
    heads = {word: anchors[word][0] for word in COMPOUND_HEADS[language]
             if word in anchors and anchors[word][0] and len(word) >= HEAD_MIN_LETTERS}
    return heads, tuple(sorted(heads, key=len, reverse=True))


def _compound_heads(words: list[tuple[int, int]], strings: list[str], anchors: dict[str, Entry],
                    index: tuple[dict[str, tuple[str, float]], tuple[str, ...]]) -> list[Cue]:
    """Compounds whose head is a cue (COMPOUNDING): the word, of the longest such head's kind
    and weight. The words are tested against all heads at once by str.endswith, in C."""
    heads, suffixes = index
    found = []
    for i in compress(range(len(strings)), map(str.endswith, strings, repeat(suffixes))):
        word = strings[i]
        head = next((h for h in suffixes if word.endswith(h)), "")
        if word not in anchors and len(word) - len(head) >= MODIFIER_MIN_LETTERS:
            found.append((words[i][0], words[i][1], *heads[head]))
    return found


def _superlatives(lower: str, anchors: dict[str, Entry], weight: float) -> list[Cue]:
    """Superlatives (lexicon.is_superlative), found from their "-iest" ending (a literal: fast to
    search) back to their start; not words the lexicons already judge."""
    found = []
    for m in IEST_RE.finditer(lower):
        start = m.start()
        while start > 0 and lower[start - 1].isalpha():
            start -= 1
        word = lower[start : m.end()]
        if is_superlative(word) and word not in anchors and (
            start == 0 or not lower[start - 1].isalnum()
        ):
            found.append((start, m.end(), "superlative", weight))
    return found


def _match(strings: list[str], i: int, entry: Entry) -> tuple[int, int, str, float] | None:
    """The longest cue anchored at word i: its first word, its length in words, its kind and
    weight."""
    single, phrases = entry
    for phrase, offset, kind, weight in phrases:
        start = i - offset
        if start >= 0 and tuple(strings[start : start + len(phrase)]) == phrase:
            return start, len(phrase), kind, weight
    return (i, 1, *single) if single else None


def _scare_quotes(text: str, quotes: Ranges, weight: float, language: str) -> list[Cue]:
    found = []
    for start, end in quotes.spans:
        if end - start > SCARE_QUOTE_MAX_CHARS or _in_code(text, start):
            continue
        inner = text[start + 1 : end - 1].strip(" \u00a0\u202f")
        if (0 < len(inner.split()) <= SCARE_QUOTE_MAX_WORDS and inner[:1].islower()
                and not any(ch in inner for ch in ".,!?:;\n")
                and not STATEMENT_LEAD_RE.search(text[max(0, start - 3) : start])
                and not _attributed(text, start, end, language)):
            found.append((start, end, "scare_quote", weight))
    return found


def _attributed(text: str, start: int, end: int, language: str) -> bool:
    """True when the sentence around the quotation [start, end) holds a word of saying or naming
    outside it (ATTRIBUTION_WORDS): a partial quotation of a source."""
    words = ATTRIBUTION_WORDS.get(language)
    if not words:
        return False
    reach = max(0, start - ATTRIBUTION_REACH)
    ends = [m.end() for m in SENTENCE_END_RE.finditer(text, reach, start)]
    before = text[ends[-1] if ends else reach : start]
    after_end = SENTENCE_END_RE.search(text, end, end + ATTRIBUTION_REACH)
    after = text[end : after_end.start() if after_end else min(len(text), end + ATTRIBUTION_REACH)]
    return any(m.group().lower() in words for m in WORD_RE.finditer(before + " " + after))


def _in_code(text: str, quote: int) -> bool:
    """True when the quotation mark at `quote` opens a string of program code: a prose scare
    quote follows a space, a dash or the line's start (not `Ok(`, `type=`), on a line that
    does not read as code."""
    if quote and not (text[quote - 1].isspace() or text[quote - 1] in "\u2014\u2013"):
        return True
    reach_start = max(0, quote - CODE_LINE_REACH)
    line_start = max(text.rfind("\n", reach_start, quote) + 1, reach_start)
    line_end = text.find("\n", quote, quote + CODE_LINE_REACH)
    line_end = min(len(text), quote + CODE_LINE_REACH) if line_end < 0 else line_end
    return CODE_LINE_RE.search(text, line_start, line_end) is not None


def _alarms(text: str, begin: int, limit: int, weight: float) -> list[Cue]:
    """Runs of "!" and "?" but a lone question mark. Most articles have none: a substring test
    (memchr speed) spares the regex."""
    if "!" not in text and "??" not in text:
        return []
    return [(m.start(), m.end(), "alarm", weight)
            for m in ALARM_RE.finditer(text, begin, limit)
            if "!" in m.group() or m.end() - m.start() > 1]


def _shouting(text: str, begin: int, limit: int, weight: float) -> list[Cue]:
    if not SHOUT_SKELETON_RE.search(text.encode("utf-8", "surrogatepass").translate(SKELETON)):
        return []
    runs = [m.span() for m in SHOUT_RE.finditer(text, begin, limit)
            if not _letter_at(text, m.start() - 1) and not _letter_at(text, m.end())]
    letters = sum(e - s for s, e in runs)
    if not runs or letters > SHOUTING_MAX_SHARE * (limit - begin):
        return []
    return [(s, e, "shouting", weight) for s, e in runs]


def _letter_at(text: str, position: int) -> bool:
    return 0 <= position < len(text) and text[position].isalnum()


# The compound heads of the shipped lexicons, built once at import.
HEADS = {language: head_index(BODY_CUES[language][0], language) for language in COMPOUNDING
         if language in BODY_CUES}
