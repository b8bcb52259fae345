"""The text under analysis, with what every scorer needs computed once."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from .text import Ranges, Span, line_spans, lowered, sentence_spans, words


@dataclass
class Document:
    """The text a report's offsets index, its language, and the boilerplate found in it.

    Scorers of framing and sourcing judge only the article: words and sentences that overlap a
    contamination span are left out of `article_words` and `article_sentences`. Each word comes
    as a span (`words`) and as the string it is (`word_strings`, parallel), so that scorers look
    words up without slicing the text again.
    """

    text: str
    language: str | None = None
    boilerplate: Ranges = field(default_factory=Ranges)
    # The text's lines when contamination has found them already (Page.lines), else None.
    known_lines: list[Span] | None = field(default=None, repr=False)

    @cached_property
    def _words(self) -> tuple[list[Span], list[str]]:
        return words(self.text)

    @property
    def words(self) -> list[Span]:
        return self._words[0]

    @property
    def word_strings(self) -> list[str]:
        return self._words[1]

    @cached_property
    def lines(self) -> list[Span]:
        """The text's non-blank lines (see `text.line_spans`)."""
        return line_spans(self.text) if self.known_lines is None else self.known_lines

    @cached_property
    def sentences(self) -> list[Span]:
        return sentence_spans(self.text)

    @cached_property
    def _article_runs(self) -> list[tuple[int, int]]:
        """Index runs of `words` outside the boilerplate."""
        return self.boilerplate.kept_runs(self.words)

    @cached_property
    def article_words(self) -> list[Span]:
        return self._article_slices(self.words)

    @cached_property
    def article_strings(self) -> list[str]:
        """The strings of `article_words`, in the same order."""
        return self._article_slices(self.word_strings)

    @cached_property
    def article_lower(self) -> list[str]:
        """`article_strings` as lexicons spell them (see `text.lowered`): lowered together, as
        one string, in C. Scorers that look these up share the strings and so their hashes."""
        if not self.article_strings:
            return []
        return lowered("\n".join(self.article_strings)).split("\n")

    @cached_property
    def article_sentences(self) -> list[Span]:
        if not self.boilerplate:
            return self.sentences
        return self.boilerplate.outside(self.sentences)

    def _article_slices(self, items: list) -> list:
        if not self.boilerplate:
            return items
        kept: list = []
        for first, past in self._article_runs:
            kept += items[first:past]
        return kept
