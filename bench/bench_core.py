"""Speed of the analysis core on the seed page: `analyze` and each stage, median over runs.

Also the cost of start-up (import, profiles, dictionaries, warm-up) and of the first request in a
fresh process, measured in a subprocess. Run by `make bench`.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time

from newsbadge_dev.paths import seed_article

SEED = seed_article()
RUNS = 300

FRESH_PROCESS = """
import time
started = time.perf_counter()
from newsbadge.analysis import analyze, warm_up
warm_up()
ready = time.perf_counter()
analyze({"text": open(%r, encoding="utf-8").read() + " first"})
done = time.perf_counter()
print(ready - started, done - ready)
"""


def median_ms(function, *args) -> float:
    """Median wall time of `function(*args)` in ms; each run's text differs (no cache helps)."""
    times = []
    for run in range(RUNS):
        varied = [f"{run} {a}" if isinstance(a, str) else a for a in args]
        start = time.perf_counter()
        function(*varied)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    if not SEED.exists():
        print(f"SKIPPED: bench_core: seed article not found at {SEED}")
        return
    from newsbadge import contamination, genre, language, sensational, sourcing
    from newsbadge.analysis import analyze, warm_up
    from newsbadge.document import Document
    from newsbadge.readability import readability

    warm_up()
    text = SEED.read_text(encoding="utf-8")
    code = language.detect(text)["code"]
    boilerplate = contamination.analyze(text, code).boilerplate

    def document(page: str) -> Document:
        doc = Document(page, code, boilerplate)
        doc.article_words, doc.article_sentences, doc.article_lower  # noqa: B018 - computed once
        return doc

    def timed_on_document(stage):
        """Time `stage(doc)` alone: documents are built beforehand, one per run."""
        docs = iter([document(f"{run} {text}") for run in range(RUNS)])
        return median_ms(lambda _: stage(next(docs)), text)

    whole = median_ms(lambda page: analyze({"text": page}), text)
    stages = {
        "language detection": median_ms(language.detect, text),
        "contamination (plain text)": median_ms(lambda p: contamination.analyze(p, code), text),
        "document (words, sentences, lowered)": median_ms(document, text),
        "readability": timed_on_document(readability),
        "sensational": timed_on_document(lambda doc: sensational.analyze(doc, None)),
        "sourcing": timed_on_document(sourcing.analyze),
        "genre": timed_on_document(genre.analyze),
    }
    fresh = subprocess.run([sys.executable, "-c", FRESH_PROCESS % str(SEED)], capture_output=True,
                           text=True, check=True)
    startup, first = (float(x) for x in fresh.stdout.split())

    print(f"analysis core on the seed page ({len(text.split())} words), median of {RUNS} runs")
    print(f"  {'analyze (whole report)':32} {whole:7.3f} ms")
    for name, ms in stages.items():
        print(f"  {name:32} {ms:7.3f} ms  ({ms / whole:5.1%} of analyze)")
    print(f"  {'start-up (imports + warm-up)':32} {startup * 1000:7.0f} ms")
    print(f"  {'first request after start-up':32} {first * 1000:7.3f} ms")
    print(json.dumps({"analyze_ms": round(whole, 3), "first_request_ms": round(first * 1000, 3),
                      "startup_ms": round(startup * 1000)}))


if __name__ == "__main__":
    main()
