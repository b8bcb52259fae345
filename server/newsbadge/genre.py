"""Genre: is the page a news report, an opinion piece, satire, or no news article at all?

A reader should expect different things of each: a report cites its sources, a column argues,
satire invents, and a shop page or a personal blog is not news at all (its sourcing is not graded
like news). The section is built from signals that mean the same in every language the scorer
has word lists for (data/genre_words.tsv): how often the author says "I" or "we" or addresses
"you", how much is quoted or attributed ("said", "according to"), questions and exclamations,
sentence length and how much it varies, a dateline at the start, numbers, prices, list-like
lines and sentences that open with an instruction ("Click", "Add"); and, outside quotations,
verbs of holding a view ("I think"), evaluative words ("absurd") and loaded words, the author
attacking or mocking ("slams", "hypocrisy", "propaganda").

A rule and three logistic models over these signals, with weights learned by
newsbadge_dev.training.genre and shipped in data/genre_model.json (the file says where each
number came from):
- a personal narrative (a first-person text that attributes nothing) is `other`;
- `other` against news: pages of WCXB's non-article types (products, services, listings,
  documentation, forums, and article pages whose address names a blog or guide) against news
  articles (SemEval-2023 in six languages, PolNeAR train, scrapinghub), with the cut set so
  that about 2 in 100 held-out news articles are called `other`;
- satire against the rest, cut so that 1 in 200 PolNeAR train articles is satire;
- else opinion against reporting: SemEval-2023 subtask-1 genre labels in six languages; for
  English, the model of the five others recalibrated on the English articles.
The evidence lists the spans of the signals that pushed the page towards its kind.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import compress
from operator import itemgetter

from . import datafiles
from .document import Document
from .sections import TOO_SHORT, UNSUPPORTED_LANGUAGE
from .text import Ranges, Span

# Fewer article words than this and one "I" or one quote swings every rate: no genre is given.
MIN_WORDS = 80
# Spans listed per signal, and in all (the rates count every one).
MAX_PER_SIGNAL = 5
MAX_EVIDENCE = 25
# The least push (weight times standardized input, in logits) a signal must give towards the kind
# to be shown as its evidence: 0.05 moves the probability by about 1 point at 0.5 (the logistic's
# slope there is 1/4). Below it a reader would be shown "I" or one quote as what made a page a
# report, a signal the model barely heard (the seed page's quotes pushed 0.006).
MIN_PUSH = 0.05

# A quoted passage: opening mark, up to 600 characters on one line, closing mark. German „…“
# closes with the English opening mark; straight quotes pair within a line. The inner run is
# possessive (it holds no quote mark, so nothing is lost): a lazy one is tried char by char.
QUOTE_RE = re.compile(r"[“«„\"][^“”«»„\"\n]{3,600}+[”»“\"]")
# A price: a currency sign before a number, or a currency code or sign after one. Each pattern
# runs only where the text has one of its marks (a pass over a news page costs 30-170 us; an
# alternation of the two would be tried at every character).
PRICE_PATTERNS = (
    (("$", "€", "£", "¥", "₽"), re.compile(r"[$€£¥₽]\s?\d[\d.,]*+")),
    (("€", "zł", "руб", "USD", "EUR", "GBP"),
     re.compile(r"\d[\d.,]*+\s?(?:€|zł|руб\.?|USD|EUR|GBP)(?!\w)")),
)
DIGITS = frozenset("0123456789")
# A line that is an item of a list: a bullet or "1." / "2)" before its text.
LIST_ITEM_RE = re.compile(r"(?:[-–•*·▪►✓✔]|\d{1,2}[.)])\s")
LIST_MARKS = frozenset("-–•*·▪►✓✔0123456789")
# A dateline at the start of a report: a place in capitals ("WASHINGTON", "MOSKAU, 12. Mai")
# or any short lead-in with a news agency in brackets ("Berlin (dpa)"), then a dash.
DATELINE_RE = re.compile(
    r"(?:(?P<place>[A-ZÀ-ÞА-ЯЁ]{2,}(?:[ .'-]+[A-ZÀ-ÞА-ЯЁ]{2,})*)\.?(?:,[^\n—–-]{1,40}?)?"
    r"|[^\n()]{1,50}?)\s*(?P<agency>\([^()\n]{2,30}\))?(?:\s*[—–]|\s+--?)")
# A line is "short" (a heading, a menu item, a list entry) under this many words, when it does
# not end like a sentence.
SHORT_LINE_WORDS = 8
SENTENCE_CLOSE = tuple('.!?:;"”»…)')
CLOSING_MARKS = "\"'”’»)] "
# The first lines of the article that a dateline may open (the headline often comes first), and
# how far into a line its dash can be.
DATELINE_LINES = 3
DATELINE_CHARS = 100

WORD_SIGNALS = ("first_singular", "first_plural", "second_person", "attribution", "obligation",
                "date", "negation", "stance", "evaluative", "opinion_verb", "loaded")
# Signals that are the author's own voice only outside quotations.
VOICE_SIGNALS = ("first_singular", "first_plural", "second_person", "evaluative", "opinion_verb",
                 "loaded")


def _read_words() -> tuple[dict[str, dict[str, str]], frozenset[str]]:
    by_language: dict[str, dict[str, str]] = {}
    imperatives: set[str] = set()
    for language, signal, words in datafiles.rows(__package__, "genre_words.tsv"):
        if signal == "imperative":
            imperatives.update(words.split())
        else:
            by_language.setdefault(language, {}).update(dict.fromkeys(words.split(), signal))
    return by_language, frozenset(imperatives)


WORDS, IMPERATIVES = _read_words()
IMPERATIVE_FORMS = frozenset(word.capitalize() for word in IMPERATIVES)
LANGUAGES = frozenset(WORDS)
MODEL = datafiles.json_file(__package__, "genre_model.json")


@dataclass
class Signals:
    """What was counted in an article: the spans of each signal, and the totals that rates are
    taken over."""

    words: int
    sentences: int
    lines: int
    spans: dict[str, list[Span]] = field(default_factory=dict)
    sentence_words: float = 0.0
    sentence_spread: float = 0.0
    characters: int = 0

    def rates(self) -> dict[str, float]:
        """Each signal's rate: per 100 words, per sentence or per line, as the model reads it."""
        count = {name: len(spans) for name, spans in self.spans.items()}
        per_100 = 100 / max(self.words, 1)
        rates = {name: count.get(name, 0) * per_100
                 for name in (*WORD_SIGNALS, "quote", "number", "price")}
        for name in ("question", "exclamation", "imperative"):
            rates[name] = count.get(name, 0) / max(self.sentences, 1)
        for name in ("list_item", "short_line"):
            rates[name] = count.get(name, 0) / max(self.lines, 1)
        rates["sentence_length"] = self.sentence_words
        rates["sentence_spread"] = self.sentence_spread
        rates["sentences_per_line"] = self.sentences / max(self.lines, 1)
        quoted = sum(end - start for start, end in self.spans.get("quote", ()))
        rates["quoted_share"] = 100 * quoted / max(self.characters, 1)
        rates["dateline"] = float(count.get("dateline", 0) > 0)
        return rates


def signals(doc: Document) -> Signals:
    """Count every signal in the article part of `doc` (text outside contamination spans)."""
    text, lexicon = doc.text, WORDS.get(doc.language or "", {})
    found = Signals(len(doc.article_words), len(doc.article_sentences), 0)
    spans = found.spans
    found_words = list(map(lexicon.get, doc.article_lower))
    for span, signal in zip(compress(doc.article_words, found_words),
                            filter(None, found_words), strict=True):
        spans.setdefault(signal, []).append(span)
    # A number is a word that starts with a digit ("100,000", "3.5", "2024").
    spans["number"] = list(compress(doc.article_words,
                                    map(DIGITS.__contains__, map(itemgetter(0),
                                                                 doc.article_strings))))
    segments = doc.boilerplate.complement(len(text)) if doc.boilerplate else [(0, len(text))]
    found.characters = sum(end - start for start, end in segments)
    spans["quote"] = _matches(QUOTE_RE, text, segments)
    spans["price"] = sorted(span for marks, pattern in PRICE_PATTERNS
                            if any(mark in text for mark in marks)
                            for span in _matches(pattern, text, segments))
    if spans["quote"]:
        _unquote(spans, Ranges(tuple(spans["quote"])))
    _sentence_signals(doc, spans)
    lines = doc.boilerplate.outside(doc.lines) if doc.boilerplate else doc.lines
    found.lines = len(lines)
    _line_signals(text, lines, spans)
    found.sentence_words = found.words / max(found.sentences, 1)
    found.sentence_spread = _spread(_sentence_lengths(doc))
    return found


def _sentence_lengths(doc: Document) -> list[int]:
    """Words in each article sentence."""
    starts = [start for start, _ in doc.article_words]
    return [bisect_left(starts, end) - bisect_left(starts, start)
            for start, end in doc.article_sentences]


def _spread(lengths: list[int]) -> float:
    """How much sentence lengths vary: their standard deviation over their mean (a column mixes
    short punches with long arguments; a report runs evenly)."""
    if len(lengths) < 2:
        return 0.0
    mean = sum(lengths) / len(lengths)
    variance = sum((n - mean) ** 2 for n in lengths) / len(lengths)
    return math.sqrt(variance) / max(mean, 1.0)


def _matches(pattern: re.Pattern, text: str, segments: list[Span]) -> list[Span]:
    return [m.span() for start, end in segments for m in pattern.finditer(text, start, end)]


def _unquote(spans: dict, quoted: Ranges) -> None:
    """Pronouns and views inside quotations are the speaker's, not the author's: leave them
    out."""
    for name in VOICE_SIGNALS:
        if name in spans:
            spans[name] = [span for span in spans[name] if not quoted.overlaps(*span)]


def _sentence_signals(doc: Document, spans: dict) -> None:
    text = doc.text
    for start, end in doc.article_sentences:
        last = text[end - 1]
        if last in CLOSING_MARKS:
            last = text[start:end].rstrip(CLOSING_MARKS)[-1:]
        if last == "?":
            spans.setdefault("question", []).append((start, end))
        elif last == "!":
            spans.setdefault("exclamation", []).append((start, end))
    if doc.language == "en":
        # An imperative opens its sentence: a capitalised form of the list, where a sentence starts.
        starts = set(map(itemgetter(0), doc.article_sentences))
        candidates = compress(doc.article_words, map(IMPERATIVE_FORMS.__contains__,
                                                     doc.article_strings))
        spans["imperative"] = [span for span in candidates if span[0] in starts]


def _line_signals(text: str, lines: list[Span], spans: dict) -> None:
    for start, end in lines:
        line = text[start:end]
        if line[0] in LIST_MARKS and LIST_ITEM_RE.match(line):
            spans.setdefault("list_item", []).append((start, end))
        if not line.endswith(SENTENCE_CLOSE) and len(line.split()) < SHORT_LINE_WORDS:
            spans.setdefault("short_line", []).append((start, end))
    for start, end in lines[:DATELINE_LINES]:
        head = text[start:min(end, start + DATELINE_CHARS)]
        if not any(dash in head for dash in "—–-"):
            continue
        match = DATELINE_RE.match(text, start, end)
        if match and (match.group("place") or match.group("agency")):
            spans["dateline"] = [match.span()]
            return


def standardized(rates: dict[str, float]) -> list[float]:
    """The model's input: log(1 + rate) of each feature, centred and scaled as in training."""
    return [(math.log1p(rates[name]) - mean) / scale
            for name, mean, scale in zip(MODEL["features"], MODEL["mean"], MODEL["scale"],
                                         strict=True)]


def probability(model: dict, z: list[float]) -> float:
    """A logistic model's probability for standardized inputs `z`."""
    logit = model["bias"] + sum(w * v for w, v in zip(model["weights"], z, strict=True))
    return 1 / (1 + math.exp(-max(-50.0, min(50.0, logit))))


def personal_narrative(rates: dict[str, float]) -> bool:
    """A first-person narrative that reports nobody: a personal blog or diary, not news. Cuts in
    the model file: "I" more often than in all but 1% of news articles, attributions no more
    often than in the 10% least attributed."""
    rule = MODEL["personal_narrative"]
    return (rates["first_singular"] >= rule["first_singular_from"]
            and rates["attribution"] <= rule["attribution_up_to"])


def classify(z: list[float], language: str) -> tuple[str, float, list[float]]:
    """(kind, confidence, the weights that pushed towards it) for standardized inputs of a page
    in `language`: `other` when its model clears its cut, else satire likewise, else opinion or
    reporting, whichever is likelier (by the language's own opinion model where it has one:
    English, whose share of opinion pieces differs from the other languages')."""
    for kind in ("other", "satire"):
        p = probability(MODEL[kind], z)
        if p >= MODEL[kind]["cut"]:
            return kind, p, MODEL[kind]["weights"]
    opinion = MODEL["opinion_by_language"].get(language, MODEL["opinion"])
    p = probability(opinion, z)
    if p >= opinion["cut"]:
        return "opinion", p, opinion["weights"]
    return "reporting", 1 - p, [-w for w in opinion["weights"]]


def _evidence(text: str, found: Signals, z: list[float], weights: list[float]) -> list[dict]:
    """The spans of the signals that pushed the page towards its kind, strongest push first."""
    pushes = sorted(((w * v, name) for name, w, v in zip(MODEL["features"], weights, z,
                                                            strict=True)
                     if w * v >= MIN_PUSH and v > 0 and found.spans.get(name)), reverse=True)
    evidence = []
    for _, name in pushes:
        for start, end in found.spans[name][:MAX_PER_SIGNAL]:
            evidence.append({"start": start, "end": end, "text": text[start:end],
                             "signal": name})
    return evidence[:MAX_EVIDENCE]


def analyze(doc: Document) -> dict:
    """The report's `genre` section for an article."""
    if len(doc.article_words) < MIN_WORDS:  # first: a few words are too few in any language
        return _undecided(TOO_SHORT)
    if doc.language not in LANGUAGES:
        return _undecided(UNSUPPORTED_LANGUAGE)
    found = signals(doc)
    rates = found.rates()
    z = standardized(rates)
    if personal_narrative(rates):
        kind, confidence = "other", MODEL["personal_narrative"]["confidence"]
        weights = [float(name == "first_singular") for name in MODEL["features"]]
    else:
        kind, confidence, weights = classify(z, doc.language)
    return {"kind": kind, "confidence": round(confidence, 3),
            "evidence": _evidence(doc.text, found, z, weights),
            "rates": {name: round(value, 3) for name, value in rates.items()}}


def _undecided(reason: str) -> dict:
    """No genre: the scorer has no word lists for the language, or too little text to count."""
    return {"kind": None, "confidence": None, "reason": reason, "evidence": []}

