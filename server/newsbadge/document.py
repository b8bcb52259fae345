"""The text under analysis, with what every scorer needs computed once."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from .text import Ranges, Span, sentence_spans, word_spans


@dataclass
class Document:
    """The text a report's offsets index, its language, and the boilerplate found in it.

    Scorers of framing and sourcing judge only the article: words and sentences that overlap a
    contamination span are left out of `article_words` and `article_sentences`.
    """

    text: str
    language: str | None = None
    boilerplate: Ranges = field(default_factory=Ranges)

    @cached_property
    def words(self) -> list[Span]:
        return word_spans(self.text)

    @cached_property
    def sentences(self) -> list[Span]:
        return sentence_spans(self.text)

    @cached_property
    def article_words(self) -> list[Span]:
        if not self.boilerplate:
            return self.words
        return self.boilerplate.outside(self.words)

    @cached_property
    def article_sentences(self) -> list[Span]:
        if not self.boilerplate:
            return self.sentences
        return self.boilerplate.outside(self.sentences)
