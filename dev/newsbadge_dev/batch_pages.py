"""Many different requests from the project's own fixture pages, for batch tests and benchmarks
(tests/test_distributed.py, bench/bench_dask.py): no two alike, so that no cache helps and each
report differs. The pages are newsbadge_dev.golden's (the texts and HTML pages written for the
tests), plus any page the caller adds (the seed article in the benchmark); never data-set text.
"""

from __future__ import annotations

from newsbadge_dev import golden

# Appended to the n-th page (inside its <body> when it is HTML): a sentence with its own numbers.
VARIATION = " Update {n}: the figures were revised on day {day}, officials said."
# Every TITLED-th request also carries a headline of its own.
TITLED = 5


def varied_requests(count: int, extra_pages: tuple[dict, ...] = ()) -> list[dict]:
    """`count` requests with ids page-00000, page-00001, ..., the pages taken in turn."""
    pages = [golden.request(path) for path in golden.pages().values()] + list(extra_pages)
    return [varied(pages[n % len(pages)], n) for n in range(count)]


def varied(page: dict, n: int) -> dict:
    request = dict(page, id=f"page-{n:05d}")
    field = "html" if "html" in request else "text"
    sentence = VARIATION.format(n=n, day=n % 28 + 1)
    body = request[field]
    if field == "html" and "</body>" in body:
        request[field] = body.replace("</body>", f"<p>{sentence}</p></body>", 1)
    else:
        request[field] = body + sentence
    if n % TITLED == 0:
        request["title"] = f"Report number {n} on the figures"
    return request
