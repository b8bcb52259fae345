"""Sourcing density: who is cited, how, and what is hedged (the report's `sourcing` section).

Cues come from a lexicon learned on PolNeAR train (see cues.py and training/train_sourcing.py);
each cue's attribution is its sentence, stretched to the end of a quotation that runs past it;
sources are found next to the cue and merged (sources.py). Density is attributions per 1,000
article words; score and level place it in the detector's own distribution on PolNeAR train
(data/calibration.json). Text overlapping boilerplate is not judged.
"""

from __future__ import annotations

import bisect
import json
import re
from importlib import resources
from itertools import compress

from ..document import Document
from ..sections import TOO_SHORT, UNSUPPORTED_LANGUAGE, Scale, evidence_span, insufficient
from ..text import START, Span
from . import cues, sources

LANGUAGES = frozenset({"en"})
# Below this many article words one quote more or less swings the density by 10+ per 1,000.
MIN_WORDS = 80
# How far a quotation opened in the cue's sentence may run on (multi-paragraph quotes).
QUOTE_REACH = 3000

CALIBRATION = json.loads(
    resources.files(__package__).joinpath("data", "calibration.json").read_text(encoding="utf-8"))
CUE_WORDS = cues.cue_words(cues.learned_scores(), cues.reporting_forms(),
                           CALIBRATION["cue_threshold"])


def _hedge_patterns() -> dict[str, re.Pattern]:
    """First word of a hedge (as written, lower-case or capitalised) -> one regex of the hedges
    that can start with it. A hedge is tried only where such a word stands: a set lookup per
    word, then a short regex, instead of the engine trying every hedge at every position."""
    by_word: dict[str, list[str]] = {}
    for line in cues.data_lines("hedges.txt"):
        group = line[3:line.index(")")].split("|") if line.startswith("(?:") else [line]
        for first in {alternative.split(" ")[0] for alternative in group}:
            for form in (first, first.capitalize()):
                by_word.setdefault(form, []).append(line)
    return {form: re.compile("(?:" + "|".join(lines) + r")\b", re.I)
            for form, lines in by_word.items()}


HEDGES = _hedge_patterns()
# Attributions past this many are counted but not listed: it bounds the time of hostile inputs.
MAX_LISTED = 1000
# Cue words as written in running text, at the start of a sentence and in capitals: a word in
# another case ("SaId") is no cue.
CUE_FORMS = frozenset(f for w in CUE_WORDS for f in (w, w.capitalize(), w.upper()))
# Every surface form worth a second look: cue forms and the first words of hedges. One set lookup
# per word (in C, over the Document's word strings) finds both.
TRIGGERS = CUE_FORMS | HEDGES.keys()
EMPTY = {"per_1000_words": None, "attributions": [], "sources": [], "hedges": []}


def analyze(doc: Document) -> dict:
    if doc.language not in LANGUAGES:
        return insufficient(UNSUPPORTED_LANGUAGE, SCALE, **EMPTY)
    if len(doc.article_words) < MIN_WORDS:
        return insufficient(TOO_SHORT, SCALE, **EMPTY)
    text = doc.text
    is_trigger = list(map(TRIGGERS.__contains__, doc.article_strings))
    hits = list(compress(doc.article_words, is_trigger))
    hit_strings = list(compress(doc.article_strings, is_trigger))
    # Only cue forms go to find_cues: another word there would just end a run of cue words, which
    # the text between the two words (not blank) does anyway.
    found = cues.find_cues(text, compress(hits, map(CUE_FORMS.__contains__, hit_strings)),
                           CUE_WORDS)
    if doc.boilerplate:
        found = [c for c in found if not doc.boilerplate.overlaps(*c)]
    listed = found[:MAX_LISTED]
    article = sources.Article(text, doc.words, doc.word_strings)
    attributions, registry = attribute(text, listed, doc.sentences, article)
    for outlet in cited_outlets(text, attributions):
        registry.count(outlet, cited=False)
    per_1000 = round(len(found) * 1000 / len(doc.article_words), 1)
    graded = score(per_1000)
    section = {"score": graded, "level": SCALE.level(graded), "scale": SCALE.report(),
               "per_1000_words": per_1000, "attributions": attributions,
               "sources": registry.listing(),
               "hedges": find_hedges(text, hits, hit_strings),
               "thresholds": {"thin_below": CALIBRATION["thin_below"],
                              "well_sourced_from": CALIBRATION["well_sourced_from"]}}
    if len(found) > len(listed):
        section["attributions_not_listed"] = len(found) - len(listed)
    return section


def attribute(text: str, found: list, sentences: list, article: sources.Article):
    """One attribution per cue: its sentence (stretched over a quotation that runs on), its
    source, whether it quotes; and the registry of sources met on the way. A participle that
    continues an attribution in the same sentence ("Moore said ..., adding that ...") has the
    source of the attribution it continues."""
    attributions, registry = [], SourceRegistry(article)
    next_start = -1  # where the sentence after the current cue's begins
    for cue_start, cue_end in found:  # in text order: a sentence's cues come one after another
        if cue_start >= next_start:
            i = max(0, bisect.bisect_right(sentences, cue_start, key=START) - 1)
            next_start = sentences[i + 1][0] if i + 1 < len(sentences) else len(text)
            sentence = article.sentence(*sentences[i])
            end, quote = quotation_end(text, sentence.start, sentence.end)
            last_source = None
        if last_source and text.endswith("ing", cue_start, cue_end):
            source = last_source
        elif text[cue_start:cue_end].lower() in sources.NOUN_KINDS:
            source = None  # a noun cue ("reports", "a statement") has no speaker beside it
        else:
            source = find_source(text, sentence, cue_start, cue_end, article)
        last_source = source
        attributions.append({
            "start": min(sentence.start, cue_start), "end": max(end, cue_end),
            "cue": evidence_span(text, cue_start, cue_end),
            "source": registry.add(text, source) if source else None,
            "quote": quote,
        })
    return attributions, registry


def cited_outlets(text: str, attributions: list[dict]):
    """Outlets named inside attributions are sources too ("a Channel One broadcast"). Text that
    several attributions share (cues of one sentence) is searched once."""
    scanned = 0
    for a in attributions:
        start, end = max(a["start"], scanned), a["end"]
        if start < end:
            yield from sources.outlet_mentions(text, start, end)
            scanned = end


def find_hedges(text: str, spans: list[Span], strings: list[str]) -> list[dict]:
    """Hedges starting at the given words (`strings` the words of `spans`, in order)."""
    hedges = []
    for (start, _), pattern in zip(spans, map(HEDGES.get, strings), strict=True):
        m = pattern.match(text, start) if pattern else None
        if m:
            hedges.append(evidence_span(text, *m.span()))
    return hedges


def find_source(text: str, sentence: sources.Sentence, cue_start: int, cue_end: int,
                article: sources.Article):
    """Before the cue, unless the cue opens its clause ("According to X", "..., said X") or
    is passive ("was reported by X"): only those put the source after the cue; elsewhere a name
    after the cue is what was said or whom it was told ("told CNN")."""
    before = text[max(sentence.start, cue_start - 3):cue_start].strip()
    if before.endswith(","):
        # "..., said X" names X after the cue, but a subject with an appositive ("The mayor,
        # Lee Okafor, said in a statement") names the speaker before it: a source there wins.
        found = (article.source_before(sentence, cue_start)
                 or article.source_after(sentence, cue_end))
    elif cue_start == sentence.start or before.endswith(("“", "”", '"')):
        found = (article.source_after(sentence, cue_end)
                 or article.source_before(sentence, cue_start))
    elif text.startswith(" by ", cue_end):
        found = article.source_after(sentence, cue_end + 4)
    else:
        found = article.source_before(sentence, cue_start)
    return found or sources.anonymous_source(text, sentence.start, sentence.end)


def quotation_end(text: str, start: int, end: int) -> tuple[int, bool]:
    """The end of the attribution and whether it holds a direct quote. A quotation opened in the
    sentence and not closed there runs on to its closing mark (quotes over several paragraphs)."""
    opening = text.count("“", start, end)
    if opening:
        if opening > text.count("”", start, end):
            close = text.find("”", end, end + QUOTE_REACH)
            return (close + 1 if close >= 0 else end), True
        return end, True
    straight = text.count('"', start, end)
    if straight >= 2:
        return end, True
    if straight == 1:
        close = text.find('"', end, end + QUOTE_REACH)
        return (close + 1 if close >= 0 else end), True
    return end, False


def score(per_1000: float) -> float:
    """Percentile of the density among PolNeAR train articles (as this detector counts them)."""
    quantiles = CALIBRATION["per_1000_quantiles"]
    i = bisect.bisect_right(quantiles, per_1000)
    if i == 0:
        return 0.0
    if i == len(quantiles):
        return 100.0
    low, high = quantiles[i - 1], quantiles[i]
    fraction = (per_1000 - low) / (high - low) if high > low else 0.0
    return round(100 * (i - 1 + fraction) / (len(quantiles) - 1), 1)


# Levels on the score scale: they change where the scores of the calibration's density cuts (its
# 10th percentile and median) fall.
SCALE = Scale(cuts=(("thin", score(CALIBRATION["thin_below"])),
                    ("moderate", score(CALIBRATION["well_sourced_from"]))),
              top="well_sourced", optimum=100.0)


class SourceRegistry:
    """Sources in order of first mention, one entry per name (surnames and pronouns arrive
    already resolved to the full name)."""

    def __init__(self, article: sources.Article):
        self.article = article
        self.entries: dict[tuple[str, str], dict] = {}

    def add(self, text: str, found: sources.Found) -> dict:
        """Count a cited source; its evidence span for the attribution."""
        self.count(found, cited=True)
        return evidence_span(text, found.start, found.end, name=found.name, kind=found.kind)

    def count(self, found: sources.Found, cited: bool) -> None:
        """Enter a source; a mention that is not cited counts only when it is the first."""
        name, kind = found.name, found.kind
        key = (name if kind in {"person", "outlet", "organization"} else name.lower(), kind)
        entry = self.entries.get(key)
        if entry is None:
            entry = self.entries[key] = {"name": name, "kind": kind, "mentions": 1}
        elif cited:
            entry["mentions"] += 1
        if "title" not in entry:
            title = found.title or self._title(found)
            if title:
                entry["title"] = title

    def _title(self, found: sources.Found) -> str | None:
        if found.kind == "outlet":
            return sources.OUTLET_DESCRIPTIONS.get(found.name) or None
        return self.article.title_around(*found.mention) if found.mention else None

    def listing(self) -> list[dict]:
        return list(self.entries.values())
