"""Which lines of a page another text (an extractor's output, a ground truth) contains."""

from __future__ import annotations

from collections import Counter
from itertools import repeat

from .phrases import tokens

N = 3  # word n-grams compared


def _grams(words: list[str], n: int) -> list[tuple[str, ...]]:
    if n == 1:
        return [(w,) for w in words]
    return list(zip(*(words[k:] for k in range(n)), strict=False))


def contained(lines: list[list[str]], reference: str, share: float = 0.5) -> list[bool]:
    """For each line (given as its lower-cased word tokens), whether more than `share` of its word
    trigrams occur in `reference` (lines of one or two words: whether the reference has them in a
    row).

    Each occurrence in the reference accounts for one line only: a headline or a teaser repeated
    around the page is kept as often as the reference has it, not every time.
    Punctuation is ignored; linear in the sizes of the inputs."""
    ref = tokens(reference.lower())
    known: dict[int, Counter] = {}
    out = [False] * len(lines)
    # Longer lines claim first: a pull quote or teaser that repeats part of a paragraph finds the
    # paragraph's words taken, while the paragraph is kept whole.
    for i in sorted(range(len(lines)), key=lambda i: -len(lines[i])):
        words = lines[i]
        if not words:
            continue
        n = min(len(words), N)
        if n not in known:
            known[n] = Counter(_grams(ref, n))
        counts = known[n]
        grams = _grams(words, n)
        # counts.get, not counts[g]: a Counter answers a missing key through a Python method.
        found = sum(c > 0 for c in map(counts.get, grams, repeat(0))) > share * len(grams)
        if found:
            counts.subtract(grams)
            out[i] = True
    return out
