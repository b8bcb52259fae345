"""The article's region: a page-level pass over the line classifier's probabilities.

The classifier judges each line from the line and its neighbours, so prose after the story
(comment threads, teaser lists whose items read as sentences) passes for article, and a story
made of lists or short lines (a meal plan, a race calendar) is cut to its paragraphs. The page
decides instead: the article is the run of lines that maximises the sum over its lines of
(p - run_from) * (words + 1) (a maximum-sum subarray, after boilerpipe's largest block and
trafilatura's main-content choice). A comment section's header ("Comments", "Leave a reply",
"12 Comments") ends the story once a run before it sums to close_after: the run is sought before
it, and what follows it is a thread. Inside the run a line is boilerplate only when the
classifier is sure (p < inside_below; phrase rules still judge every line), outside it unless the
classifier is sure it is article (p >= outside_from; after the header, p >= after_from).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Cuts:
    run_from: float  # a line adds (p - run_from) * (words + 1) to the run
    inside_below: float  # inside the run, boilerplate below this probability
    outside_from: float  # outside it, article from this probability
    after_from: float  # after the comment header that ends the story, article from this
    close_after: float  # a comment header ends the story once a run before it sums to this


def article_run(p: list[float], n_words: list[int], ends: set[int],
                cuts: Cuts) -> tuple[int, int, int]:
    """The first and last index of the maximum-sum run ((0, -1) when no run has a positive
    sum), and the index of the comment header that ends the story (len(p) when none does). A
    run never holds a line of `ends` (comment headers)."""
    best, best_span, total, start = 0.0, (0, -1), 0.0, 0
    for i, (pi, n) in enumerate(zip(p, n_words, strict=True)):
        if i in ends:
            if best >= cuts.close_after:
                return (*best_span, i)
            total, start = 0.0, i + 1
            continue
        if total <= 0:
            total, start = 0.0, i
        total += (pi - cuts.run_from) * (n + 1)
        if total > best:
            best, best_span = total, (start, i)
    return (*best_span, len(p))


def boilerplate(p: list[float], n_words: list[int], ends: set[int], cuts: Cuts,
                fallback: float) -> list[bool]:
    """Which lines the page-level pass calls boilerplate; when no run has a positive sum, those
    under the classifier's own threshold `fallback`."""
    first, last, closed = article_run(p, n_words, ends, cuts)
    if first > last:
        return [pi < fallback for pi in p]
    return [pi < (cuts.inside_below if first <= i <= last else
                  cuts.after_from if i > closed else cuts.outside_from)
            for i, pi in enumerate(p)]
