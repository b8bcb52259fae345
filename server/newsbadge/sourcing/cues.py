"""Attribution cues: words that tell the reader somebody says, thinks or wants something.

A cue is a word whose score in the learned lexicon (cue_lexicon.tsv, made by
newsbadge_dev.training.sourcing from PolNeAR train) reaches the threshold, or a form of a
hand-listed verb (reporting_verbs.txt, belief_verbs.txt) that the corpus saw too rarely to score;
plus a colon that opens a quotation ("Moore noted: “...”"). Adjacent cue words form one cue ("has
said", "according to"). A cue is `reporting` when one of its words reports (a form of
reporting_verbs.txt, or a form the lexicon's `kind` column calls reporting) or it is a quote
colon, and `belief` otherwise ("wants", "hopes", "believes").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from .. import datafiles
from ..text import Span

# A colon that introduces a quotation: PolNeAR marks the colon itself as the cue.
QUOTE_COLON_RE = re.compile(r":[ \t]*[\"“‘]")
# Closed-class words that the corpus often marks inside a cue ("also said", "talked about",
# "according to") but that say nothing on their own. Hand-written.
JOINERS = frozenset({"also", "about", "upon", "to", "in", "on", "of", "for", "with", "by", "from",
                     "at", "as", "that", "has", "have", "had", "not", "did", "does", "would",
                     "will", "was", "is", "were", "are", "be", "been", "again", "still", "then"})


REPORTING, BELIEF = "reporting", "belief"


def _compound_modifiers() -> dict[str, frozenset]:
    """A cue word that is the noun of a compound after its modifier ("TV shows", "a talk show"):
    noun -> the modifiers that make it one (noun_compounds.txt)."""
    rows = datafiles.rows(__package__, "noun_compounds.txt")
    return {noun: frozenset(m for m, n in rows if n == noun) for _, noun in rows}


COMPOUND_MODIFIERS = _compound_modifiers()


class Learned(NamedTuple):
    """A form's row in cue_lexicon.tsv: its smoothed share of occurrences inside a gold Cue and
    the kind of attribution it makes."""

    score: float
    kind: str


class Lexicon(NamedTuple):
    """The word forms that are cues, and those of them that report."""

    cues: frozenset
    reporting: frozenset

    @classmethod
    def of(cls, learned: dict[str, Learned], threshold: float) -> Lexicon:
        """Learned forms at or above the threshold, and the hand-listed forms the lexicon does
        not score (the corpus never saw them often enough to judge)."""
        listed = hand_kinds()
        cues = {form for form, row in learned.items() if row.score >= threshold}
        cues |= {form for form in listed if form not in learned}
        reporting = {form for form, row in learned.items() if row.kind == REPORTING}
        reporting |= {form for form, kind in listed.items() if kind == REPORTING}
        return cls(frozenset(cues), frozenset(reporting))

    def kind(self, text: str, start: int, end: int) -> str:
        """`reporting` when a word of the cue text[start:end] reports or the cue is a quote
        colon; `belief` otherwise. Joiners ("has", "also") and -ly adverbs say nothing."""
        return _kind(self.reporting, text[start:end].lower())


@lru_cache(maxsize=4096)  # a page's cues repeat ("said" ...): judged once per form
def _kind(reporting: frozenset, cue: str) -> str:
    if cue == ":" or any(w in reporting and w not in JOINERS and not w.endswith("ly")
                         for w in cue.split()):
        return REPORTING
    return BELIEF


def learned_lexicon() -> dict[str, Learned]:
    """form -> its score and kind, from cue_lexicon.tsv."""
    return {row["form"]: Learned(float(row["score"]), row["kind"])
            for row in datafiles.table(__package__, "cue_lexicon.tsv")}


def hand_kinds() -> dict[str, str]:
    """form -> kind of every inflected form in reporting_verbs.txt and belief_verbs.txt."""
    return {form: kind for name, kind in (("belief_verbs.txt", BELIEF),
                                          ("reporting_verbs.txt", REPORTING))
            for form in datafiles.words(__package__, name)}


def find_cues(text: str, words: Iterable[Span], vocabulary: frozenset) -> list[Span]:
    """Cue spans in `text`: cue words, merged when only a space or two separates them, and quote
    colons. A function word or -ly adverb ("also", "about", "publicly") joins a cue next to it but
    never makes one alone; a capitalised word counts only where it opens a sentence, since inside
    a sentence it is part of a name ("the New York Post", "United States")."""
    # Parallel lists of ints, not a list of lists: a page with 100,000s of cues would otherwise
    # keep the garbage collector busy scanning containers.
    starts: list[int] = []
    ends: list[int] = []
    pending = -1  # start of a joiner that may prefix the next cue word, or -1
    pending_end = -1
    for start, end in words:
        word = text[start:end]
        lower = word.lower()
        if lower not in vocabulary or (word[0].isupper() and not _opens_sentence(text, start)):
            pending = -1
            continue
        if lower in COMPOUND_MODIFIERS and _in_compound(text, start, lower):
            pending = -1
            continue
        touching = ends and start - ends[-1] <= 2 and text[ends[-1]:start].isspace()
        if lower in JOINERS or lower.endswith("ly"):
            if touching:
                ends[-1] = end
            else:
                pending, pending_end = start, end
            continue
        if touching:
            ends[-1] = end
        else:
            joined = pending >= 0 and start - pending_end <= 2 and text[pending_end:start].isspace()
            starts.append(pending if joined else start)
            ends.append(end)
        pending = -1
    found = list(zip(starts, ends, strict=True))
    if ":" in text:
        found.extend((m.start(), m.start() + 1) for m in QUOTE_COLON_RE.finditer(text))
        found.sort()
    return found


def _in_compound(text: str, start: int, noun: str) -> bool:
    """True when the word one space before the cue word `noun` at `start` is a modifier that
    makes a compound of it (COMPOUND_MODIFIERS)."""
    before = text[max(0, start - 16):start]
    if before[-1:] != " " or before[-2:-1].isspace():
        return False
    pieces = before.split()
    return bool(pieces) and pieces[-1].lower() in COMPOUND_MODIFIERS[noun]


def _opens_sentence(text: str, start: int) -> bool:
    """True after a full stop, a colon, an opening quote or a line break: a line break ends a
    sentence ("...Conflict\nAccording to a report"), as newsbadge.text.sentence_spans has it."""
    before = text[max(0, start - 3):start]
    stripped = before.rstrip()
    return not stripped or "\n" in before[len(stripped):] or stripped[-1] in ".!?:“\""
