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

from ..document import Document
from ..sections import TOO_SHORT, UNSUPPORTED_LANGUAGE, evidence_span, insufficient
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
SENTINEL = float("inf")  # (position, SENTINEL) sorts after every span starting at position
# Every surface form worth a second look: cue words as written in running text and at the start
# of a sentence, and the first words of hedges. One set lookup per word finds both.
TRIGGERS = frozenset(
    {f for w in CUE_WORDS for f in (w, w.capitalize(), w.upper())} | HEDGES.keys())
EMPTY = {"per_1000_words": None, "attributions": [], "sources": [], "hedges": []}


def analyze(doc: Document) -> dict:
    if doc.language not in LANGUAGES:
        return insufficient(UNSUPPORTED_LANGUAGE, **EMPTY)
    if len(doc.article_words) < MIN_WORDS:
        return insufficient(TOO_SHORT, **EMPTY)
    text = doc.text
    hits = [(s, e) for s, e in doc.article_words if text[s:e] in TRIGGERS]
    found = cues.find_cues(text, hits, CUE_WORDS)
    if doc.boilerplate:
        found = [c for c in found if not doc.boilerplate.overlaps(*c)]
    listed = found[:MAX_LISTED]
    article = sources.Article(text, doc.words)
    attributions, registry = attribute(text, listed, doc.sentences, article)
    scanned = 0  # outlets named inside attributions are sources too ("a Channel One broadcast")
    for a in attributions:
        for o_start, o_end, name in sources.outlet_mentions(text, max(a["start"], scanned),
                                                            a["end"]):
            registry.add(text, sources.Found(o_start, o_end, name, "outlet"), cited=False)
        scanned = max(scanned, a["end"])
    per_1000 = round(len(found) * 1000 / len(doc.article_words), 1)
    section = {"score": score(per_1000), "level": level(per_1000), "per_1000_words": per_1000,
               "attributions": attributions, "sources": registry.listing(),
               "hedges": find_hedges(text, hits),
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
    quotes: dict[int, tuple[int, bool]] = {}
    attributions, registry = [], SourceRegistry(article)
    last_sentence, last_source = -1, None
    for cue_start, cue_end in found:
        i = max(0, bisect.bisect_right(sentences, (cue_start, SENTINEL)) - 1)
        sent_start, sent_end = sentences[i]
        if i not in quotes:
            quotes[i] = quotation_end(text, sent_start, sent_end)
        end, quote = quotes[i]
        if i == last_sentence and last_source and text.endswith("ing", cue_start, cue_end):
            source = last_source
        elif text[cue_start:cue_end].lower() in sources.NOUN_KINDS:
            source = None  # a noun cue ("reports", "a statement") has no speaker beside it
        else:
            source = find_source(text, sent_start, sent_end, cue_start, cue_end, article)
        last_sentence, last_source = i, source
        attributions.append({
            "start": min(sent_start, cue_start), "end": max(end, cue_end),
            "cue": evidence_span(text, cue_start, cue_end),
            "source": registry.add(text, source) if source else None,
            "quote": quote,
        })
    return attributions, registry


def find_hedges(text: str, words) -> list[dict]:
    hedges = []
    for start, end in words:
        pattern = HEDGES.get(text[start:end])
        m = pattern.match(text, start) if pattern else None
        if m:
            hedges.append(evidence_span(text, *m.span()))
    return hedges


def find_source(text, sent_start, sent_end, cue_start, cue_end, article):
    """Before the cue, unless the cue opens its clause ("According to X", "..., said X") or
    is passive ("was reported by X"): only those put the source after the cue; elsewhere a name
    after the cue is what was said or whom it was told ("told CNN")."""
    before = text[max(sent_start, cue_start - 3):cue_start].strip()
    if before.endswith(","):
        # "..., said X" names X after the cue, but a subject with an appositive ("The mayor,
        # Lee Okafor, said in a statement") names the speaker before it: a source there wins.
        found = (article.source_before(sent_start, cue_start)
                 or article.source_after(cue_end, sent_end))
    elif cue_start == sent_start or before.endswith(("“", "”", '"')):
        found = (article.source_after(cue_end, sent_end)
                 or article.source_before(sent_start, cue_start))
    elif text.startswith(" by ", cue_end):
        found = article.source_after(cue_end + 4, sent_end)
    else:
        found = article.source_before(sent_start, cue_start)
    return found or sources.anonymous_source(text, sent_start, sent_end)


def quotation_end(text: str, start: int, end: int) -> tuple[int, bool]:
    """The end of the attribution and whether it holds a direct quote. A quotation opened in the
    sentence and not closed there runs on to its closing mark (quotes over several paragraphs)."""
    sentence = text[start:end]
    if "“" in sentence:
        if sentence.count("“") > sentence.count("”"):
            close = text.find("”", end, end + QUOTE_REACH)
            return (close + 1 if close >= 0 else end), True
        return end, True
    if sentence.count('"') >= 2:
        return end, True
    if sentence.count('"') == 1:
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


def level(per_1000: float) -> str:
    if per_1000 < CALIBRATION["thin_below"]:
        return "thin"
    return "well_sourced" if per_1000 >= CALIBRATION["well_sourced_from"] else "moderate"


class SourceRegistry:
    """Sources in order of first mention, one entry per name (surnames and pronouns arrive
    already resolved to the full name)."""

    def __init__(self, article: sources.Article):
        self.article = article
        self.entries: dict[tuple[str, str], dict] = {}

    def add(self, text: str, found: sources.Found, cited: bool = True) -> dict:
        name, kind = found.name, found.kind
        key = (name if kind in {"person", "outlet", "organization"} else name.lower(), kind)
        entry = self.entries.setdefault(key, {"name": name, "kind": kind, "mentions": 0})
        if cited or entry["mentions"] == 0:
            entry["mentions"] += 1
        if "title" not in entry:
            title = found.title or self._title(found)
            if title:
                entry["title"] = title
        return evidence_span(text, found.start, found.end, name=name, kind=kind)

    def _title(self, found: sources.Found) -> str | None:
        if found.kind == "outlet":
            return sources.OUTLET_DESCRIPTIONS.get(found.name) or None
        return self.article.title_around(*found.mention) if found.mention else None

    def listing(self) -> list[dict]:
        return list(self.entries.values())
