"""Batch scoring on Dask: the local batch's report lines, computed on a cluster.

Two ways in:

- `analyze_bag(bag)` (or `bag.map_partitions(analyze_partition)`) for a Dask bag of requests
  someone already has: a bag of reports, or error items, partition for partition.
- `newsbadge batch IN -o OUT --dask ADDRESS|local` (cli.py), through `sources` and `report_lines`
  or `write_parts` here: the input (a JSONL file, a glob of them, WARC files) is cut into
  partitions on the client by reading it once, and each worker reads its own byte range or WARC
  records from the file, so the pages never travel through the scheduler. Workers must see the
  input (and an output directory) at the same path, as on a shared file system.

A JSONL partition's lines are numbered as the local batch numbers them (the files of a glob one
after the other, as `cat` would join them), so the report lines are byte for byte the local batch's.

Dask and warcio are imported here only, and only when used: the server and `newsbadge --help`
never load them (they are the optional extra `newsbadge[dask]`).
"""

from __future__ import annotations

import codecs
import glob
import io
import json
import math
import os
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path

from .batch import Limits, analyze_item, analyze_line

# Requests in one partition, at most: 0.1 to 2.5 s of analysis (2 to 50 ms a page, measured on
# the fixture pages and the seed page), so that a killed worker's partition is redone quickly and
# the last partitions finish together; Dask's cost per task (about 1 ms, its documentation says)
# is lost in it.
MAX_PARTITION = 50
# Partitions per worker thread, at least, when the input is small: a worker that finishes early
# takes the next one instead of waiting for the slowest.
PARTITIONS_PER_THREAD = 8
# WARC file names; any other input is JSONL.
WARC_SUFFIXES = (".warc", ".warc.gz")
# The local batch's limits: none (a deployment's limits apply to the web service).
NO_LIMITS = Limits()
# The content types of the HTTP responses a WARC input sends as HTML (other records are skipped).
HTML_TYPES = ("text/html", "application/xhtml+xml")
# `charset=NAME` in a Content-Type header or in a page's <meta> (charset=, or http-equiv content=).
CHARSET_RE = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9._:-]+)""", re.IGNORECASE)
# How far into a page a browser looks for its <meta charset> (the HTML standard's prescan).
META_SNIFF_BYTES = 1024
# Written by a partition into its output directory: part-00000.jsonl, part-00001.jsonl, ...
PART_NAME = "part-{:05d}.jsonl"


def analyze_partition(requests: Iterable[object], limits: Limits = NO_LIMITS) -> list[dict]:
    """`map_partitions`-ready: each request (a dict, as a batch line holds it) answered with its
    report, or with its error item when it is not a valid request or its analysis fails."""
    return [analyze_item(request, limits)[1] for request in requests]


def analyze_bag(bag, limits: Limits = NO_LIMITS):
    """A Dask bag of requests as a bag of their reports (or error items), in the same order."""
    return bag.map_partitions(analyze_partition, limits)


@dataclass(frozen=True)
class LineRange:
    """Bytes [start, end) of a JSONL file, cut at line ends, and its first line's number."""

    path: str
    start: int
    end: int
    first_line: int

    def report_lines(self, limits: Limits) -> list[tuple[bool, str]]:
        with open(self.path, "rb") as handle:
            handle.seek(self.start)
            data = handle.read(self.end - self.start)
        numbered = enumerate(text_lines(data), self.first_line)
        return [analyze_line(line, limits) for line in numbered if line[1].strip()]


@dataclass(frozen=True)
class WarcRecords:
    """HTML responses of a WARC file, by the offsets of their records."""

    path: str
    offsets: tuple[int, ...]

    def report_lines(self, limits: Limits) -> list[tuple[bool, str]]:
        from warcio.archiveiterator import ArchiveIterator

        lines = []
        with open(self.path, "rb") as handle:
            for offset in self.offsets:
                handle.seek(offset)
                failed, answer = analyze_item(warc_request(next(ArchiveIterator(handle))), limits)
                lines.append((failed, json.dumps(answer, ensure_ascii=False)))
        return lines


def text_lines(data: bytes) -> list[str]:
    """The lines of UTF-8 bytes as a file opened in text mode reads them (universal newlines:
    a lone \\r ends a line too), so that lines are numbered as in the local batch. A byte that is
    not UTF-8 becomes U+FFFD: its line gets an error line, the others their reports."""
    return list(io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", errors="replace"))


def warc_request(record) -> dict:
    """A WARC response as an `html` request: its target URL, its WARC-Record-ID as `id`, its body
    decoded by the charset it declares (`body_encoding`)."""
    headers = record.rec_headers
    body = record.content_stream().read()
    html = body.decode(body_encoding(record.http_headers.get_header("Content-Type", ""), body),
                       errors="replace")
    return {"id": headers.get_header("WARC-Record-ID"),
            "url": headers.get_header("WARC-Target-URI"), "html": html}


def body_encoding(content_type: str, body: bytes) -> str:
    """The charset of the Content-Type header, else of a <meta> in the page's first bytes (as a
    browser looks for it), else UTF-8; UTF-8 too for a charset Python does not know."""
    declared = CHARSET_RE.search(content_type) or CHARSET_RE.search(
        body[:META_SNIFF_BYTES].decode("ascii", errors="replace"))
    name = declared.group(1) if declared else "utf-8"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return "utf-8"


def is_html_response(record) -> bool:
    """A successful (2xx) HTTP response whose body is HTML."""
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode() or ""
    content_type = record.http_headers.get_header("Content-Type", "").lower()
    return status.startswith("2") and content_type.startswith(HTML_TYPES)


def input_paths(pattern: str) -> list[str]:
    """The files a path or glob names, sorted (their lines are numbered in that order), as
    absolute paths (a remote worker's working directory is not ours)."""
    found = sorted(glob.glob(pattern)) if glob.has_magic(pattern) else [pattern]
    found = [os.path.abspath(path) for path in found]
    if not found:
        raise FileNotFoundError(2, "no file matches", pattern)
    for path in found:
        if not os.path.isfile(path):
            raise FileNotFoundError(2, "not a file", path)
    return found


def sources(pattern: str, threads: int) -> tuple[list[LineRange | WarcRecords], int]:
    """The input cut into partitions for `threads` worker threads, and its number of requests."""
    paths = input_paths(pattern)
    warc = {path: warc_offsets(path) for path in paths if path.endswith(WARC_SUFFIXES)}
    total = sum(len(warc[path]) if path in warc else request_count(path) for path in paths)
    size = partition_size(total, threads)
    parts: list[LineRange | WarcRecords] = []
    first_line = 1
    for path in paths:
        if path in warc:
            offsets = warc[path]
            parts += [WarcRecords(path, tuple(offsets[i:i + size]))
                      for i in range(0, len(offsets), size)]
        else:
            ranges, first_line = line_ranges(path, size, first_line)
            parts += ranges
    return parts, total


def partition_size(total: int, threads: int) -> int:
    """Requests per partition: PARTITIONS_PER_THREAD partitions or more for each thread, up to
    MAX_PARTITION requests each."""
    return max(1, min(MAX_PARTITION, math.ceil(total / (max(threads, 1) * PARTITIONS_PER_THREAD))))


def request_count(path: str) -> int:
    """Non-blank lines of a JSONL file (those the batch answers)."""
    with open(path, "rb") as handle:
        return sum(1 for line in handle if line.strip())


def line_ranges(path: str, size: int, first_line: int) -> tuple[list[LineRange], int]:
    """A JSONL file as ranges of `size` non-blank lines, numbered from `first_line`; and the
    number the line after them has."""
    ranges = []
    start = 0
    with open(path, "rb") as handle:
        for chunk in request_chunks(handle, size):
            ranges.append(LineRange(path, start, start + len(chunk), first_line))
            start += len(chunk)
            first_line += len(text_lines(chunk))
    return ranges, first_line


def request_chunks(raw_lines: Iterable[bytes], size: int) -> Iterator[bytes]:
    """Consecutive lines joined, `size` non-blank ones in each chunk (fewer in the last)."""
    chunk: list[bytes] = []
    requests = 0
    for raw in raw_lines:
        chunk.append(raw)
        requests += bool(raw.strip())
        if requests == size:
            yield b"".join(chunk)
            chunk, requests = [], 0
    if chunk:
        yield b"".join(chunk)


def warc_offsets(path: str) -> list[int]:
    """Where each HTML response of a WARC file starts."""
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as handle:
        records = ArchiveIterator(handle)
        return [records.get_record_offset() for record in records if is_html_response(record)]


def partition_lines(part: LineRange | WarcRecords, limits: Limits) -> list[tuple[bool, str]]:
    """The task each worker runs: a partition's (failed, report line) pairs, in input order."""
    return part.report_lines(limits)


def write_part(index: int, part: LineRange | WarcRecords, directory: str,
               limits: Limits) -> tuple[int, int]:
    """The task of a run writing one file per partition: writes it whole or not at all (a retried
    partition replaces its file, never adds to it); (lines, failed lines)."""
    lines = part.report_lines(limits)
    target = Path(directory) / PART_NAME.format(index)
    partial = target.with_name(f".{target.name}.{os.getpid()}")
    partial.write_text("".join(line + "\n" for _, line in lines), encoding="utf-8")
    os.replace(partial, target)
    return len(lines), sum(failed for failed, _ in lines)


def report_lines(client, parts: list, limits: Limits = NO_LIMITS) -> Iterator[tuple[bool, str]]:
    """Every partition's (failed, report line) pairs in input order, computed on the cluster; each
    result is fetched once and released, so a retried task can neither lose nor double a line."""
    from distributed import as_completed

    futures = client.map(partition_lines, parts, limits=limits, pure=False)
    position = {future.key: number for number, future in enumerate(futures)}
    done: dict[int, list[tuple[bool, str]]] = {}
    following = 0
    for future in as_completed(futures):
        done[position[future.key]] = future.result()
        future.release()
        while following in done:
            yield from done.pop(following)
            following += 1


def write_parts(client, parts: list, directory: str,
                limits: Limits = NO_LIMITS) -> Iterator[tuple[int, int]]:
    """Writes one file per partition in `directory`; yields (lines, failed) as each is written."""
    from distributed import as_completed

    futures = client.map(write_part, range(len(parts)), parts,
                         directory=os.path.abspath(directory),
                         limits=limits, pure=False)
    for future in as_completed(futures):
        yield future.result()
        future.release()


def warm_up_plugin():
    """A worker plugin that loads the models once in each worker process, when it starts (and
    again in a worker that replaces a killed one), before its first task."""
    from distributed import WorkerPlugin

    class WarmUp(WorkerPlugin):
        name = "newsbadge-warm-up"

        def setup(self, worker):
            from .analysis import freeze_loaded_heap, warm_up

            warm_up()
            freeze_loaded_heap()

    return WarmUp()


@contextmanager
def connect(address: str, workers: int) -> Iterator:
    """A client of the scheduler at `address`, or of a new local cluster (`local`) of `workers`
    processes; closed on leaving, with the local cluster."""
    from distributed import Client

    with (local_cluster(workers) if address == "local" else nullcontext(address)) as cluster, \
            Client(cluster) as client:
        client.register_plugin(warm_up_plugin())
        yield client


@contextmanager
def local_cluster(workers: int) -> Iterator:
    """A LocalCluster of `workers` processes of one thread each (the analysis is pure Python:
    threads would share one GIL), forked from this process once it has loaded the models.

    Forked, not spawned (Dask's default): a spawned worker spends about 5 s of CPU importing and
    warming up the analysis (2.9 s + 1.9 s measured), as much as 1,000 pages; a forked one starts
    in a second, and so does one that replaces a killed worker. The fork happens while the
    cluster's event loop thread runs, which Dask supports on Linux. The workers' statistical
    profiler (a stack sample every 10 ms, for the dashboard's profile page) is off: on 2,000
    pages it took 1.7-2.5 of the run's 33-35 CPU seconds on this 2-core machine."""
    import dask
    from distributed import LocalCluster

    from .analysis import freeze_loaded_heap, warm_up

    warm_up()
    freeze_loaded_heap()  # before the fork, so that no worker's collector walks the shared models
    with dask.config.set({"distributed.worker.multiprocessing-method": "fork",
                          "distributed.worker.profile.enabled": False}), \
            LocalCluster(n_workers=workers, threads_per_worker=1) as cluster:
        yield cluster


def thread_count(client) -> int:
    return sum(client.nthreads().values())


def dashboard(client) -> str | None:
    """The address of the cluster's dashboard, None when it serves none (bokeh missing)."""
    services = client.scheduler_info().get("services", {})
    return client.dashboard_link if "dashboard" in services else None

