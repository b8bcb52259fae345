"""Speed of the sensational scorer (`make bench`): median time of `sensational.analyze` on the
seed page, its Document built (and its words split) beforehand. Bar: < 0.5 ms median.

Wall-clock time counts the waits of a busy machine; the CPU time of this thread does not, so both
are printed."""

from __future__ import annotations

import statistics
import sys
import time

from newsbadge import sensational
from newsbadge.document import Document
from newsbadge_dev.paths import seed_article

SEED = seed_article()
RUNS = 2000
TITLE = "Russian state television claims North Korea is offering troops"  # written for the bench


def main() -> int:
    if not SEED.exists():
        print(f"SKIPPED: sensational bench: {SEED} not found")
        return 0
    doc = Document(SEED.read_text(encoding="utf-8"), "en")
    doc.article_words  # noqa: B018  (split once, as analyze() has by the time framing runs)
    for _ in range(RUNS // 10):  # warm caches and the allocator before measuring
        sensational.analyze(doc, TITLE)
    for title in (None, TITLE):
        wall, cpu = [], []
        for _ in range(RUNS):
            start, start_cpu = time.perf_counter(), time.thread_time()
            sensational.analyze(doc, title)
            cpu.append(time.thread_time() - start_cpu)
            wall.append(time.perf_counter() - start)
        label = "with title" if title else "no title"
        print(f"sensational.analyze on the seed page ({len(doc.article_words)} words, {label}): "
              f"median {statistics.median(wall) * 1000:.3f} ms wall "
              f"(p95 {sorted(wall)[int(RUNS * 0.95)] * 1000:.3f} ms), "
              f"median {statistics.median(cpu) * 1000:.3f} ms CPU, over {RUNS} runs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
