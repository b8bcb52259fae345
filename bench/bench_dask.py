"""Throughput of `newsbadge batch --dask local` against `newsbadge batch --workers 2`, in the same
run, on 2,000 varied pages (newsbadge_dev.batch_pages: the fixture pages and the seed article,
each with its own added sentence). Each command is timed end to end as a user runs it (start-up,
cluster, reading, writing), ROUNDS times in turn, and the fastest of each kept: other processes on
a shared machine slow a run, never speed it up. The CPU seconds the run and its processes used
are printed beside (they do not depend on the machine's load). The outputs must be the same bytes.

Bar (issue 19): the Dask batch does at least 0.8 of the local batch's pages per second on this
2-core machine, i.e. the engine's overhead stays small. Run by `make bench`.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newsbadge_dev.batch_pages import varied_requests
from newsbadge_dev.paths import seed_article

PAGES = 2000
ROUNDS = 2
RATIO_BAR = 0.8
# The local batch's processes, and the local cluster's: the machine's two cores.
WORKERS = "2"
COMMANDS = {
    "batch --workers 2": ["--workers", WORKERS],
    "batch --dask local": ["--dask", "local", "--workers", WORKERS],
}


def timed_batch(source: Path, output: Path, options: list[str]) -> tuple[float, float]:
    """Wall seconds of one `newsbadge batch` run, and the CPU seconds of it and its processes."""
    cpu_before = children_cpu()
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "newsbadge", "batch", str(source), "-o", str(output),
                    *options], check=True, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start, children_cpu() - cpu_before


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    try:
        import distributed  # noqa: F401
    except ImportError:
        print("SKIPPED: bench_dask: needs the extra newsbadge[dask]")
        return
    seed = seed_article()
    extra = ({"text": seed.read_text(encoding="utf-8")},) if seed.exists() else ()
    with tempfile.TemporaryDirectory(prefix="newsbadge-bench-dask-") as folder:
        source = Path(folder) / "pages.jsonl"
        source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n"
                                  for r in varied_requests(PAGES, extra)), encoding="utf-8")
        seconds = {name: (float("inf"), 0.0) for name in COMMANDS}
        for _ in range(ROUNDS):
            for n, (name, options) in enumerate(COMMANDS.items()):
                run = timed_batch(source, Path(folder) / f"{n}.jsonl", options)
                seconds[name] = min(seconds[name], run)
        same = (Path(folder) / "0.jsonl").read_bytes() == (Path(folder) / "1.jsonl").read_bytes()
    print(f"{PAGES} pages (fixture pages{' and the seed article' if extra else ''}, varied), "
          f"cpus={os.cpu_count()}, fastest of {ROUNDS} runs each")
    for name, (wall, cpu) in seconds.items():
        print(f"  {name:<20} {wall:6.1f} s  {PAGES / wall:6.1f} pages/s  CPU {cpu:5.1f} s")
    ratio = seconds["batch --workers 2"][0] / seconds["batch --dask local"][0]
    verdict = "PASS" if ratio >= RATIO_BAR else "BELOW BAR"
    print(f"ratio dask/local: {ratio:.2f} (bar {RATIO_BAR}: {verdict}); "
          f"outputs {'identical' if same else 'DIFFER'}")


if __name__ == "__main__":
    main()
