"""From cues to attributions: each cue's sentence (stretched over a quotation that runs on), its
kind (reporting or belief), its source (before or after the cue, by the cue's place in its clause;
reporting cues only) and whether it quotes."""

from __future__ import annotations

import bisect
import re

from ..sections import evidence_span
from ..text import START
from . import cues, sources
from .registry import SourceRegistry

# How far a quotation opened in the cue's sentence may run on (multi-paragraph quotes).
QUOTE_REACH = 3000
# A passive cue's agent, after an adjunct of place or time at most: "was announced on Tuesday by
# Mayor Jane Smith", "was reported last week by the Post" (no verb between, so "was asked to stand
# by ..." names no agent).
AGENT_RE = re.compile(r"(?: (?:on|in|at|last|this|earlier|late|early|during|over)"
                      r"(?: [\w’'-]+){0,3}?)? by ")
# Cues whose object is whom it was said to, never who said it ("told CNN").
ADDRESSEE_CUES = frozenset({"told", "tells"})
# Cues whose source always follows them: "according to the ministry", "citing a report".
SOURCE_AFTER = ("according", "citing")
# A "sentence" longer than this is no sentence (news sentences run to a few hundred characters;
# a page without full stops is one): each of its cues is judged within this many characters on
# either side, so that a cue's source and quote search cost a window, not the page ("according
# to" repeated over 900,000 characters took 3.3 s, issue 16).
MAX_SENTENCE_CHARS = 2_000


def attribute(text: str, found: list, sentences: list, article: sources.SourceFinder,
              lexicon: cues.Lexicon):
    """One attribution per cue: its sentence (stretched over a quotation that runs on), its kind,
    its source, whether it quotes; and the registry of the sources of reporting attributions. A
    belief's holder is not looked for: it is no source. A participle that continues an
    attribution in the same sentence ("Moore said ..., adding that ...") has the source of the
    attribution it continues. Where the writer speaks ("I said", "we asked") the attribution has
    no source and is marked `first_person`. A cue inside a quotation has no source of its own:
    its "he" or "I" is the quoted speaker's, who is the source of the quotation."""
    attributions, registry = [], SourceRegistry(article)
    next_start = -1  # where the sentence after the current cue's begins
    for cue_start, cue_end in found:  # in text order: a sentence's cues come one after another
        if cue_start >= next_start:
            i = max(0, bisect.bisect_right(sentences, cue_start, key=START) - 1)
            next_start = sentences[i + 1][0] if i + 1 < len(sentences) else len(text)
            whole, sentence, last_source = sentences[i], None, None
        if sentence is None or whole[1] - whole[0] > MAX_SENTENCE_CHARS:
            sentence = article.sentence(*_window(whole, cue_start, cue_end))
            end, quote = quotation_end(text, sentence.start, sentence.end)
        kind = lexicon.kind(text, cue_start, cue_end)
        attribution = {"start": min(sentence.start, cue_start), "end": max(end, cue_end),
                       "cue": evidence_span(text, cue_start, cue_end), "source": None,
                       "quote": quote, "kind": kind}
        attributions.append(attribution)
        if kind == cues.BELIEF:
            continue
        if last_source and text.endswith("ing", cue_start, cue_end):
            source = last_source
        elif (text[cue_start:cue_end].lower() in sources.NOUN_KINDS
              or article.after_possessive(sentence, cue_start)):
            source = None  # a noun cue ("reports", "Trump's claim") has no speaker beside it
        elif inside_quotation(text, sentence.start, cue_start):
            source = None  # speech inside a quotation: its "he" or "I" is the quoted speaker's
        else:
            source = find_source(text, sentence, cue_start, cue_end, article)
        last_source = source
        if source and source.kind == sources.FIRST_PERSON:
            attribution["first_person"] = True
        elif source:
            attribution["source"] = registry.add(text, source, attribution["cue"]["text"])
    return attributions, registry


def _window(sentence: tuple[int, int], cue_start: int, cue_end: int) -> tuple[int, int]:
    """The sentence, or MAX_SENTENCE_CHARS on either side of the cue within it."""
    start, end = sentence
    if end - start <= MAX_SENTENCE_CHARS:
        return sentence
    return max(start, cue_start - MAX_SENTENCE_CHARS), min(end, cue_end + MAX_SENTENCE_CHARS)


def inside_quotation(text: str, start: int, position: int) -> bool:
    """True when a quotation opened in text[start:position] is still open at `position`."""
    opened = text.count("“", start, position)
    if opened:
        return opened > text.count("”", start, position)
    return text.count('"', start, position) % 2 == 1


def cited_outlets(text: str, attributions: list[dict]):
    """Outlets named inside reporting attributions are sources too ("a Channel One broadcast"):
    (outlet, the attribution's cue). Text that several attributions share (cues of one sentence)
    is searched once."""
    scanned = 0
    for a in attributions:
        start, end = max(a["start"], scanned), a["end"]
        if start < end and a["kind"] == cues.REPORTING:
            for outlet in sources.outlet_mentions(text, start, end):
                yield outlet, a["cue"]["text"]
            scanned = end


def find_source(text: str, sentence: sources.Sentence, cue_start: int, cue_end: int,
                article: sources.SourceFinder):
    """Before the cue, unless the cue opens its clause ("According to X", "..., said X") or
    is passive ("was reported by X", and no source without "by"): only those put the source
    after the cue; elsewhere a name after the cue is what was said or whom it was told ("told
    CNN")."""
    before = text[max(sentence.start, cue_start - 3):cue_start].strip()
    participle = text.endswith("ing", cue_start, cue_end)
    if text[cue_start:cue_end].lower().startswith(SOURCE_AFTER):
        found = article.source_after(sentence, cue_end)
    elif article.passive(sentence, cue_start) and not participle:
        # "Quiros was accused", "she was asked": the subject is not the speaker; an agent is.
        agent = AGENT_RE.match(text, cue_end, sentence.end)
        found = article.source_after(sentence, agent.end()) if agent else None
    elif participle and before.endswith(","):
        # "Kasich suspended his campaign, telling supporters ...": the sentence's subject speaks,
        # not the name before the comma, nor the one told.
        found = article.subject(sentence)
    elif before.endswith(",") and text[cue_start:cue_end].lower() in ADDRESSEE_CUES:
        # "..., told VOA correspondent Carla Babb": who was told is no source; the subject is.
        found = article.source_before(sentence, cue_start) or article.subject(sentence)
    elif before.endswith(","):
        # "..., said X" names X after the cue, but a subject with an appositive ("The mayor,
        # Lee Okafor, said in a statement") names the speaker before it: a source there wins.
        found = (article.source_before(sentence, cue_start)
                 or article.source_after(sentence, cue_end))
    elif cue_start == sentence.start:
        # "Asked about the plan, Lopez said ...": an opening participle's speaker is the main
        # clause's, whose own cue finds it; "According to" was handled above.
        found = None
    elif before.endswith(("“", "”", '"')):
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
