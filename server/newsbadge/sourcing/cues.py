"""Attribution cues: words that tell the reader somebody says, thinks or wants something.

A cue is a word whose score in the learned lexicon (cue_lexicon.tsv, made by
newsbadge_dev.training.sourcing from PolNeAR train) reaches the threshold, or a form of a
hand-listed reporting verb (reporting_verbs.txt) that the corpus saw too rarely to score; plus a
colon that opens a quotation ("Moore noted: “...”"). Adjacent cue words form one cue ("has said",
"according to").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .. import datafiles
from ..text import Span

# A colon that introduces a quotation: PolNeAR marks the colon itself as the cue.
QUOTE_COLON_RE = re.compile(r":[ \t]*[\"“‘]")
# Closed-class words that the corpus often marks inside a cue ("also said", "talked about",
# "according to") but that say nothing on their own. Hand-written.
JOINERS = frozenset({"also", "about", "upon", "to", "in", "on", "of", "for", "with", "by", "from",
                     "at", "as", "that", "has", "have", "had", "not", "did", "does", "would",
                     "will", "was", "is", "were", "are", "be", "been", "again", "still", "then"})


def learned_scores() -> dict[str, float]:
    """form -> P(form is part of a gold cue), smoothed, from cue_lexicon.tsv."""
    return {row["form"]: float(row["score"])
            for row in datafiles.table(__package__, "cue_lexicon.tsv")}


def reporting_forms() -> set[str]:
    """Every inflected form listed in reporting_verbs.txt."""
    return set(datafiles.words(__package__, "reporting_verbs.txt"))


def cue_words(scores: dict[str, float], backstop: Iterable[str], threshold: float) -> frozenset:
    """The word forms that count as cues: learned ones at or above the threshold, and backstop
    forms the lexicon does not score (the corpus never saw them often enough to judge)."""
    learned = {form for form, score in scores.items() if score >= threshold}
    return frozenset(learned | {form for form in backstop if form not in scores})


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


def _opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 3):start].rstrip()
    return not before or before[-1] in ".!?:“\"\n"
