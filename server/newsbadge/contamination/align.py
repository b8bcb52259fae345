"""Which lines of a page another text (an extractor's output, a ground truth) contains."""

from __future__ import annotations

from .phrases import TOKEN_RE

N = 3  # word n-grams compared


def _grams(words: list[str], n: int) -> list[tuple[str, ...]]:
    return [tuple(words[i:i + n]) for i in range(len(words) - n + 1)]


def contained(lines: list[str], reference: str) -> list[bool]:
    """For each line, whether most of its word trigrams occur in `reference` (lines of one or two
    words: whether the reference has them in a row). Lower-cased, punctuation ignored; linear in
    the sizes of the inputs."""
    ref = TOKEN_RE.findall(reference.lower())
    known = {n: set(_grams(ref, n)) for n in range(1, N + 1)}
    out = []
    for line in lines:
        words = TOKEN_RE.findall(line.lower())
        if not words:
            out.append(False)
            continue
        n = min(len(words), N)
        grams = _grams(words, n)
        out.append(sum(g in known[n] for g in grams) * 2 > len(grams))
    return out
