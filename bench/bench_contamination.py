"""Speed of contamination's paths (run by `make bench`).

- plain-text path: median of `analyze` on the seed page (/work/shared/samples/seed-article.txt);
  budget under 1 ms.
- HTML path against trafilatura's extraction alone (favor_precision) on the same scrapinghub
  pages, each timed per page and summed; budget: at most 1.3x trafilatura.
"""

from __future__ import annotations

import gc
import statistics
import sys
import time

import trafilatura

from newsbadge.analysis import freeze_loaded_heap
from newsbadge.contamination import analyze, prepare
from newsbadge_dev import extraction_sets
from newsbadge_dev.paths import seed_article

SEED = seed_article()
RUNS = 500
HTML_PAGES = 60  # the first scrapinghub pages by id: a minute of timing on 2 cores
ROUNDS = 3  # each page is timed this many times per path, alternating; the fastest counts


def seconds(function, *args) -> float:
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


def plain_text() -> None:
    if not SEED.exists():
        print(f"SKIPPED: plain-text path: seed page not found at {SEED}")
        return
    text = SEED.read_text(encoding="utf-8")
    times = [seconds(analyze, prepare(f"{text} {run}", None), "en") for run in range(RUNS)]
    median = statistics.median(times) * 1000
    print(f"plain-text path, seed page ({len(text.split())} words): median {median:.3f} ms "
          f"over {RUNS} runs (budget < 1 ms)")


def html_path() -> None:
    missing = extraction_sets.available()
    if missing:
        print(f"SKIPPED: HTML path: scrapinghub not found ({missing})")
        return
    pages = extraction_sets.scrapinghub()[:HTML_PAGES]
    # As the server runs (newsbadge.web.server, the CLI's batch, Dask workers): the loaded heap
    # frozen, so that the gc.collect ending trafilatura's reset_caches, which the HTML path calls
    # after each page (contamination.classify), walks only the page's own objects. Unfrozen, that
    # collection walks every model and lexicon: 35 ms a page, 40% of the path's time here.
    freeze_loaded_heap()
    ours, theirs = [], []
    gc.disable()
    for page in pages:
        ours.append(min(seconds(lambda h: analyze(prepare(None, h), "en"), page.html)
                        for _ in range(ROUNDS)))
        theirs.append(min(seconds(lambda h: trafilatura.extract(
            h, favor_precision=True, include_comments=False), page.html) for _ in range(ROUNDS)))
    gc.enable()
    ratio = sum(ours) / sum(theirs)
    print(f"HTML path on {len(pages)} scrapinghub pages: {sum(ours):.2f} s total, median "
          f"{statistics.median(ours) * 1000:.1f} ms/page; trafilatura alone {sum(theirs):.2f} s, "
          f"median {statistics.median(theirs) * 1000:.1f} ms/page; ratio {ratio:.2f}x "
          f"(budget <= 1.3x)")


def main() -> int:
    plain_text()
    html_path()
    return 0


if __name__ == "__main__":
    sys.exit(main())
