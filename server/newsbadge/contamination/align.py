"""Which lines of a page another text (an extractor's output, a ground truth) contains."""

from __future__ import annotations

from collections import Counter

from .phrases import TOKEN_RE

N = 3  # word n-grams compared


def _grams(words: list[str], n: int) -> list[tuple[str, ...]]:
    if n == 1:
        return [(w,) for w in words]
    return list(zip(*(words[k:] for k in range(n)), strict=False))


def contained(lines: list[list[str]], reference: str) -> list[bool]:
    """For each line (given as its lower-cased word tokens), whether most of its word trigrams
    occur in `reference` (lines of one or two words: whether the reference has them in a row).

    Each occurrence in the reference accounts for one line only, in page order: a headline or a
    teaser repeated around the page is kept as often as the reference has it, not every time.
    Punctuation is ignored; linear in the sizes of the inputs."""
    ref = TOKEN_RE.findall(reference.lower())
    known: dict[int, Counter] = {}
    out = []
    for words in lines:
        if not words:
            out.append(False)
            continue
        n = min(len(words), N)
        if n not in known:
            known[n] = Counter(_grams(ref, n))
        counts = known[n]
        grams = _grams(words, n)
        found = sum(counts[g] > 0 for g in grams) * 2 > len(grams)
        if found:
            counts.subtract(grams)
        out.append(found)
    return out
