"""Speed and footprint (issue 21) in one run: where a request's time goes, and each figure with
its bar and whether it holds.

1. Regex passes of `analyze(seed)`: in a fresh process, every pattern newsbadge compiles (and
   every `re` function it calls) is wrapped, and the characters each call scans are summed: a
   search or a scan over a range counts that range, or up to its match; `match` counts what it
   matched. Passes = characters scanned / characters of the text.
2. The cost of a text 20 times longer (20 numbered copies of the seed page).
3. In process, through WSGI: the CPU time of `POST /v1/analyze` on the seed page split into
   Flask, body parsing, validation, each analysis stage, report assembly, serialisation, the
   rate limiter (the same `/v1/noop` requests through an app with it on and one without, in
   pairs) and the logging and timing headers. Each part is timed by wrapping the function that
   does it, in the same requests, so the parts add up to the whole. CPU time (process_time), not
   wall time: other processes on a shared machine do not stretch it.
4. `newsbadge --help`, `newsbadge serve` to `/healthz` 200, the first `/v1/analyze` against warm
   ones (judged on the workers' CPU time, which a busy machine does not stretch), throughput
   against the no-op endpoint of the same server (wrk; both with the rate limit off, as
   LiveServer starts it: the limiter's cost is table 3's), and the whole server's
   PSS and the workers' RSS over 10,000 requests cycling through the fixture pages and the seed.

    .venv/bin/python bench/bench_speed.py [--duration 10] [--requests 10000]
"""

from __future__ import annotations

import argparse
import http.client
import io
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from functools import wraps
from pathlib import Path
from types import SimpleNamespace

from bench_http import ensure_wrk, run_wrk, throughput, worker_rss_mb, workers

from newsbadge_dev.paths import seed_article

SEED = seed_article()
RUNS = 300
NOOP = "/v1/noop"
LONGER = 20

# The bars of issue 21: (figure, bar, holds(value)).
REGEX_PASSES_BAR, REGEX_PASSES_GOAL = 12, 8
LONGER_COST_BAR = 21
THROUGHPUT_BAR, THROUGHPUT_GOAL = 0.3, 0.45
START_BAR_S = 2.0
FIRST_REQUEST_BAR = 1.5
HELP_BAR_S = 0.3
PSS_BAR_MB = 200
# Worker RSS is flat when it grows by no more than this over the requests.
RSS_FLAT_MB = 5.0
# The server has booted when its workers have used no CPU for this long (they idle in a select).
BOOTED_IDLE_S = 0.3
# Seed-page requests of the first-against-warm figure: each worker's first and its later ones.
FIRST_WARM_RUNS = 40

# wrk script for the footprint run: each request is one of the bodies of NB_BODIES_FILE (an
# opening and a tail per line pair) with the request's number between them, so every text differs.
VARIED_LUA = """
local bodies = {}
local f = assert(io.open(os.getenv("NB_BODIES_FILE"), "rb"))
for opening in f:lines() do
  local tail = f:read("*l")
  bodies[#bodies + 1] = {opening, tail}
end
f:close()
local counter = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
function request()
  counter = counter + 1
  local body = bodies[(counter % #bodies) + 1]
  return wrk.format(nil, nil, nil, body[1] .. "v" .. counter .. " " .. body[2])
end
"""


def verdict(holds: bool) -> str:
    return "holds" if holds else "MISSED"


# --- 1. a request's time, part by part -------------------------------------------------------

class Ledger:
    """CPU seconds spent in each wrapped function, summed over the requests."""

    def __init__(self):
        self.seconds: dict[str, float] = defaultdict(float)

    def wrap(self, owner: object, attribute: str, name: str) -> None:
        function = getattr(owner, attribute)

        @wraps(function)
        def timed(*args, **kwargs):
            started = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds[name] += time.process_time() - started

        setattr(owner, attribute, timed)


def wrap_stages(ledger: Ledger) -> list[str]:
    """Wrap the web layer's steps and the analysis stages; returns the stages' names in order."""
    from newsbadge import analysis, contamination, genre, language, sensational, sourcing
    from newsbadge.document import Document
    from newsbadge.web import api

    for attribute, name in (("read_json", "body read, JSON parse, depth check"),
                            ("_validated", "validation (pydantic, limits)"),
                            ("_analyze", "analyze"), ("json_response", "serialisation")):
        ledger.wrap(api, attribute, name)

    def document(*args):
        """A Document with its words, sentences and lowered words computed, as every report
        needs them: their cost is the document's, not that of the first scorer to ask."""
        doc = Document(*args)
        doc.article_words, doc.article_sentences, doc.article_lower  # noqa: B018
        return doc

    analysis.Document = document
    stages = [(contamination, "prepare", "page preparation"),
              (language, "detect", "language detection"),
              (contamination, "analyze", "contamination"),
              (analysis, "Document", "document (words, sentences)"),
              (sensational, "analyze", "sensational"), (sourcing, "analyze", "sourcing"),
              (genre, "analyze", "genre"), (analysis, "readability", "readability"),
              (analysis, "badge", "badge")]
    for owner, attribute, name in stages:
        ledger.wrap(owner, attribute, name)
    return [name for _, _, name in stages]


def environ(body: bytes, path: str) -> dict:
    from werkzeug.test import EnvironBuilder

    return EnvironBuilder(path=path, method="POST", data=body,
                          content_type="application/json").get_environ()


def wsgi_seconds(app, bodies: list[bytes], path: str = "/v1/analyze") -> list[float]:
    """Each request's CPU time through `app` as gunicorn calls it: the WSGI call and its body."""
    times = []
    for body in bodies:
        env = environ(body, path)
        started = time.process_time()
        response = app(env, lambda status, headers: None)
        b"".join(response)
        times.append(time.process_time() - started)
    return times


def timing_header_us() -> float:
    """The Server-Timing header as the endpoint writes it: two clocks twice and a format."""
    started = time.perf_counter()
    for _ in range(10_000):
        wall, cpu = time.perf_counter(), time.process_time()
        _ = (f"analyze;dur={(time.perf_counter() - wall) * 1e3:.1f}, "
             f"cpu;dur={(time.process_time() - cpu) * 1e3:.1f}")
    return (time.perf_counter() - started) / 10_000 * 1e6


def access_log_us() -> float:
    """gunicorn's access-log line in our format, written to a stream no one reads."""
    import logging

    from gunicorn.config import Config
    from gunicorn.glogging import Logger

    from newsbadge.web.server import ACCESS_LOG_FORMAT

    config = Config()
    config.set("accesslog", "-")
    config.set("access_log_format", ACCESS_LOG_FORMAT)
    log = Logger(config)
    for handler in log.access_log.handlers:
        if isinstance(handler, logging.StreamHandler):
            handler.setStream(io.StringIO())
    response = SimpleNamespace(status="200 OK", headers=[("Content-Length", "9000")], sent=9000,
                               response_length=9000)
    request = SimpleNamespace(headers=[], method="POST", path="/v1/analyze", query="",
                              version=(1, 1), uri="/v1/analyze")
    env = {"REQUEST_METHOD": "POST", "RAW_URI": "/v1/analyze", "SERVER_PROTOCOL": "HTTP/1.1",
           "REMOTE_ADDR": "127.0.0.1"}
    started = time.perf_counter()
    for _ in range(2000):
        log.access(response, request, env, __import__("datetime").timedelta(milliseconds=3))
    return (time.perf_counter() - started) / 2000 * 1e6


def request_table(text: str) -> dict:
    from newsbadge_dev.live_server import flask_app

    bodies = [json.dumps({"text": f"r{run} {text}"}).encode() for run in range(RUNS)]
    plain = flask_app(bench_noop=True)
    limited = flask_app(bench_noop=True, rate_limit="100000000/minute")
    wsgi_seconds(plain, bodies[:20])  # warm: first-call caches of Flask and pydantic
    wsgi_seconds(limited, bodies[:20], NOOP)
    # The limiter's cost: each no-op request (the same limiter, none of the analysis's variance)
    # through both apps in turn, before any part is wrapped; the median of the differences.
    limiter = statistics.median(
        with_it - without for body in bodies
        for with_it, without in [(*wsgi_seconds(limited, [body], NOOP),
                                  *wsgi_seconds(plain, [body], NOOP))])
    ledger = Ledger()
    stages = wrap_stages(ledger)
    whole = statistics.fmean(wsgi_seconds(plain, bodies))
    per = {name: seconds / RUNS for name, seconds in ledger.seconds.items()}
    analyze = per.pop("analyze")
    staged = sum(per[name] for name in stages)
    web = {name: per[name] for name in per if name not in stages}
    rows = [("WSGI and Flask (routing, request, response)", whole - analyze - sum(web.values()))]
    rows += [(name, seconds) for name, seconds in web.items() if name != "serialisation"]
    rows += [(f"analysis: {name}", per[name]) for name in stages]
    rows += [("analysis: report assembly", analyze - staged), ("serialisation (orjson, Response)",
                                                                 web["serialisation"])]
    print(f"3. POST /v1/analyze in process (WSGI), seed page, CPU time, mean of {RUNS} requests")
    for name, seconds in rows:
        print(f"  {name:46} {seconds * 1e3:7.3f} ms  {seconds / whole:6.1%}")
    print(f"  {'whole request (rate limit off)':46} {whole * 1e3:7.3f} ms")
    print(f"  {'rate limiter (workers:// counts), extra':46} {limiter * 1e3:7.3f} ms  "
          f"(median of {RUNS} pairs of {NOOP} requests, with it on less without)")
    print(f"  {'Server-Timing header (in Flask above)':46} {timing_header_us() / 1e3:7.3f} ms")
    print(f"  {'access-log line (gunicorn, measured apart)':46} {access_log_us() / 1e3:7.3f} ms")
    return {"request_ms": whole * 1e3, "analyze_ms": analyze * 1e3, "limiter_ms": limiter * 1e3}


# --- 2. regex passes -------------------------------------------------------------------------

def count_regex_passes(seed: str) -> None:
    """(Run in a fresh process.) Print one analyze(seed)'s regex calls and characters scanned."""
    scanned = {"chars": 0, "calls": 0}
    by_pattern: dict[str, int] = defaultdict(int)
    real_compile = re.compile

    def charge(start: int, end: int) -> None:
        scanned["chars"] += max(end - start, 0)
        scanned["calls"] += 1
        by_pattern[sys._getframe(1).f_locals["self"]._pattern.pattern] += max(end - start, 0)

    def bounds(string, pos=0, endpos=None):
        return pos, len(string) if endpos is None else min(endpos, len(string))

    class CountedPattern:
        def __init__(self, pattern):
            self._pattern = pattern

        def __getattr__(self, name):
            return getattr(self._pattern, name)

        def search(self, string, *args):
            found = self._pattern.search(string, *args)
            start, end = bounds(string, *args)
            charge(start, found.end() if found else end)
            return found

        def match(self, string, *args):
            found = self._pattern.match(string, *args)
            start, _ = bounds(string, *args)
            charge(start, found.end() + 1 if found else start + 1)
            return found

        fullmatch = match

        def _whole(self, method, string, *args, **kwargs):
            charge(*bounds(string, *args))
            return getattr(self._pattern, method)(string, *args, **kwargs)

        def finditer(self, string, *args):
            return self._whole("finditer", string, *args)

        def findall(self, string, *args):
            return self._whole("findall", string, *args)

        def split(self, string, maxsplit=0):
            charge(0, len(string))
            return self._pattern.split(string, maxsplit)

        def sub(self, repl, string, count=0):
            charge(0, len(string))
            return self._pattern.sub(repl, string, count)

        def subn(self, repl, string, count=0):
            charge(0, len(string))
            return self._pattern.subn(repl, string, count)

    def ours() -> bool:
        return sys._getframe(2).f_globals.get("__name__", "").startswith("newsbadge.")

    def counted_compile(pattern, flags=0):
        if isinstance(pattern, CountedPattern):
            pattern = pattern._pattern
        compiled = real_compile(pattern, flags)
        return CountedPattern(compiled) if ours() else compiled

    re.compile = counted_compile
    for name in ("search", "match", "fullmatch", "finditer", "findall", "split", "sub", "subn"):
        function = getattr(re, name)

        def module_function(pattern, *args, _name=name, _function=function, **kwargs):
            if ours():
                return getattr(CountedPattern(real_compile(pattern)), _name)(*args, **kwargs)
            return _function(pattern, *args, **kwargs)

        setattr(re, name, module_function)

    from newsbadge.analysis import analyze, warm_up

    warm_up()
    scanned.update(chars=0, calls=0)
    by_pattern.clear()
    analyze({"text": seed})
    heaviest = sorted(by_pattern.items(), key=lambda item: -item[1])[:5]
    print(json.dumps({**scanned, "heaviest": heaviest}))


def regex_passes(text: str) -> dict:
    child = subprocess.run([sys.executable, __file__, "--count-regex"], input=text,
                           capture_output=True, text=True, check=True)
    scanned = json.loads(child.stdout.splitlines()[-1])
    passes = scanned["chars"] / len(text)
    print(f"1. regex passes of analyze(seed): {passes:.1f} (bar {REGEX_PASSES_BAR}, goal "
          f"{REGEX_PASSES_GOAL}: {verdict(passes <= REGEX_PASSES_BAR)}); {scanned['calls']} "
          f"calls scanning {scanned['chars']:,} characters of a {len(text):,}-character text")
    for pattern, chars in scanned["heaviest"]:
        print(f"   {chars / len(text):5.2f} passes  {pattern[:80]}")
    return {"regex_passes": passes}


# --- 3. a longer text ------------------------------------------------------------------------

def median_analyze_s(analyze, text: str, runs: int) -> float:
    times = []
    for run in range(runs):
        page = f"{run} {text}"
        started = time.perf_counter()
        analyze({"text": page})
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def longer_text(text: str) -> dict:
    from newsbadge.analysis import analyze, warm_up

    warm_up()
    longer = "\n\n".join(f"Part {copy}.\n{text}" for copy in range(LONGER))
    one = median_analyze_s(analyze, text, 100)
    many = median_analyze_s(analyze, longer, 15)
    ratio = many / one
    findall = median_analyze_s(lambda r: re.findall(r"\w+", r["text"]), text, 200)
    print(f"   (analyze(seed) {one * 1e3:.3f} ms = {one / findall:.1f}x one re.findall(r'\\w+') "
          "over its text, the issue's measure)")
    print(f"2. a text {LONGER}x longer costs {ratio:.1f}x ({many * 1e3:.1f} ms against "
          f"{one * 1e3:.3f} ms; bar {LONGER_COST_BAR}x: {verdict(ratio <= LONGER_COST_BAR)})")
    return {"longer_ratio": ratio}


# --- 4. the server ---------------------------------------------------------------------------

def help_seconds() -> float:
    command = [str(Path(sys.executable).with_name("newsbadge")), "--help"]
    times = []
    for _ in range(5):
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def pss_mb(master: int) -> float:
    """The whole server's proportional set size: the master and its workers, in MB."""
    total = 0
    for proc in [Path(f"/proc/{master}"), *workers(master)]:
        rollup = (proc / "smaps_rollup").read_text()
        total += int(re.search(r"^Pss:\s+(\d+)", rollup, re.M).group(1))
    return total / 1024


def workers_on_cpu_ns(master: int) -> dict[str, int]:
    """Nanoseconds each of the master's live workers has spent on a CPU (/proc/PID/schedstat): a
    request's own cost, which the machine's other load does not stretch as it stretches wall
    time (and finer than /proc/PID/stat's 10 ms ticks)."""
    spent = {}
    for worker in workers(master):
        try:
            spent[worker.name] = int((worker / "schedstat").read_text().split()[0])
        except (OSError, IndexError, ValueError):
            continue
    return spent


def wait_workers_booted(master: int, count: int, timeout: float = 60.0) -> None:
    """Until `count` workers are up and none has used the CPU for BOOTED_IDLE_S.

    /healthz answers as soon as one worker accepts; the others may still be forking or running
    their warm-up request (post_worker_init), whose CPU time would be charged to the first
    request."""
    deadline = time.monotonic() + timeout
    before = workers_on_cpu_ns(master)
    while time.monotonic() < deadline:
        time.sleep(BOOTED_IDLE_S)
        now = workers_on_cpu_ns(master)
        if len(now) == count and all(now[name] == before.get(name) for name in now):
            return
        before = now


def post_seconds(port: int, text: str, master: int | None = None) -> tuple[float, float, str]:
    """One POST /v1/analyze: its wall time, the CPU time of the worker that served it (the one
    whose time grew most; 0 without master), and that worker's pid."""
    before = workers_on_cpu_ns(master) if master else {}
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    started = time.perf_counter()
    connection.request("POST", "/v1/analyze", json.dumps({"text": text}).encode(),
                       {"Content-Type": "application/json"})
    response = connection.getresponse()
    response.read()
    assert response.status == 200, response.status
    connection.close()
    wall = time.perf_counter() - started
    grown = {name: ns - before.get(name, 0)
             for name, ns in (workers_on_cpu_ns(master) if master else {}).items()}
    served = max(grown, key=grown.get, default="")
    return wall, grown.get(served, 0) / 1e9, served


def first_and_warm(port: int, master: int, text: str) -> dict:
    """Each worker's first seed-page request against the median of its later ones, on the
    serving worker's CPU; the figure is the worst worker's ratio (and the first request's wall
    time against the median)."""
    served = [post_seconds(port, f"request {n} {text}", master) for n in range(FIRST_WARM_RUNS)]
    by_worker = defaultdict(list)
    for _, cpu, worker in served:
        by_worker[worker].append(cpu)
    ratios = {worker: cpus[0] / statistics.median(cpus[1:])
              for worker, cpus in by_worker.items() if len(cpus) > 2}
    worst = by_worker[max(ratios, key=ratios.get)]
    return {"first_s": served[0][0], "warm_s": statistics.median(wall for wall, _, _ in served[1:]),
            "first_cpu_s": worst[0], "warm_cpu_s": statistics.median(worst[1:]),
            "first_ratios": sorted(round(ratio, 2) for ratio in ratios.values())}


def varied_bodies(text: str) -> bytes:
    """The footprint run's bodies: each fixture page as the golden reports send it, and the seed,
    as an opening and a tail (line pairs) between which wrk puts the request's number."""
    from newsbadge_dev import golden

    requests = [golden.request(path) for path in golden.pages().values()] + [{"text": text}]
    lines = []
    for request in requests:
        field = "html" if "html" in request else "text"
        marker = "\x00"
        encoded = json.dumps({field: marker + request[field],
                              **{k: v for k, v in request.items() if k != field}})
        opening, tail = encoded.split(json.dumps(marker)[1:-1], 1)
        if field == "html":
            opening, tail = opening + "<p>", "</p>" + tail
        lines += [opening, tail]
    return ("\n".join(lines) + "\n").encode()


def server_figures(text: str, duration: int, requests: int) -> dict:
    from newsbadge.settings import Settings
    from newsbadge_dev.live_server import LiveServer

    figures = {"help_s": help_seconds()}
    started = time.perf_counter()
    server = LiveServer(workers=None, NEWSBADGE_BENCH_NOOP="1", NEWSBADGE_ACCESS_LOG="1")
    figures["start_s"] = time.perf_counter() - started
    try:
        master = server.process.pid
        wait_workers_booted(master, Settings.from_env().workers)
        figures |= first_and_warm(server.port, master, text)
        wrk = ensure_wrk()
        if wrk is None:
            return figures
        with tempfile.TemporaryDirectory(prefix="bench-speed-") as tmp:
            figures.update(footprint_and_throughput(wrk, server.port, master, text, tmp,
                                                    duration, requests))
    finally:
        server.stop()
    return figures


def footprint_and_throughput(wrk: str, port: int, master: int, text: str, tmp: str,
                             duration: int, requests: int) -> dict:
    from bench_http import LUA, body_tail

    base = f"http://127.0.0.1:{port}"
    body_file, lua = os.path.join(tmp, "body.json"), os.path.join(tmp, "bench.lua")
    Path(body_file).write_bytes(body_tail(text))
    Path(lua).write_text(LUA)
    results = throughput(wrk, base, body_file, lua, duration, master)
    figures = {"noop_rps": results["/v1/noop"]["rps"], "analyze_rps": results["/v1/analyze"]["rps"],
               "noop_cpu_ms": results["/v1/noop"]["cpu_ms"],
               "analyze_cpu_ms": results["/v1/analyze"]["cpu_ms"]}

    bodies, varied = os.path.join(tmp, "bodies.txt"), os.path.join(tmp, "varied.lua")
    Path(bodies).write_bytes(varied_bodies(text))
    Path(varied).write_text(VARIED_LUA)
    os.environ["NB_BODIES_FILE"] = bodies
    rss, sent, failed = [worker_rss_mb(master)], 0, 0
    while sent < requests:
        # In steps of about a tenth, at the rate just measured, to see RSS along the way.
        seconds = max(1, round(requests / 10 / max(figures["analyze_rps"], 1)))
        run = run_wrk(wrk, base + "/v1/analyze", body_file, varied, 2, 8, seconds)
        sent, failed = sent + run["requests"], failed + run["non_2xx"] + run["socket_errors"]
        rss.append(worker_rss_mb(master))
    figures.update(pss_mb=pss_mb(master), rss=rss, varied_requests=sent, varied_failed=failed)
    return figures


def print_server(figures: dict) -> None:
    print(f"4. newsbadge --help {figures['help_s']:.2f} s (bar {HELP_BAR_S} s: "
          f"{verdict(figures['help_s'] < HELP_BAR_S)})")
    print(f"   newsbadge serve to /healthz 200: {figures['start_s']:.2f} s (bar {START_BAR_S} s: "
          f"{verdict(figures['start_s'] < START_BAR_S)})")
    first = figures["first_cpu_s"] / figures["warm_cpu_s"]
    print(f"   first /v1/analyze {figures['first_cpu_s'] * 1e3:.1f} ms of its worker's CPU, a warm "
          f"one {figures['warm_cpu_s'] * 1e3:.1f} ms: {first:.2f}x, the worst worker (each: "
          f"{figures['first_ratios']}; bar {FIRST_REQUEST_BAR}x: "
          f"{verdict(first <= FIRST_REQUEST_BAR)}); wall over HTTP {figures['first_s'] * 1e3:.1f}"
          f" and {figures['warm_s'] * 1e3:.1f} ms ({figures['first_s'] / figures['warm_s']:.2f}x)")
    if "noop_rps" not in figures:
        print("   SKIPPED throughput and footprint: no wrk")
        return
    ratio = figures["analyze_rps"] / figures["noop_rps"]
    print(f"   throughput /v1/analyze {figures['analyze_rps']:.0f} req/s, /v1/noop "
          f"{figures['noop_rps']:.0f} req/s: ratio {ratio:.3f} (bar {THROUGHPUT_BAR}, goal "
          f"{THROUGHPUT_GOAL}: {verdict(ratio >= THROUGHPUT_BAR)}); both with the rate limit off")
    # What the ratio would be with the workers' CPU the only limit: less stretched by other load.
    print(f"   the workers' CPU a request: /v1/noop {figures['noop_cpu_ms']:.3f} ms, /v1/analyze "
          f"{figures['analyze_cpu_ms']:.3f} ms: ratio "
          f"{figures['noop_cpu_ms'] / figures['analyze_cpu_ms']:.3f}")
    first_rss, last_rss = sum(figures["rss"][1]), sum(figures["rss"][-1])
    growth = (last_rss - first_rss) / max(len(figures["rss"][-1]), 1)
    print(f"   after {figures['varied_requests']:,} varied requests ({figures['varied_failed']} "
          f"failed): whole server PSS {figures['pss_mb']:.0f} MB (bar {PSS_BAR_MB} MB: "
          f"{verdict(figures['pss_mb'] <= PSS_BAR_MB)})")
    print(f"   worker RSS MB along the way {figures['rss']}: {growth:+.1f} MB per worker after the "
          f"first step (flat within {RSS_FLAT_MB} MB: {verdict(abs(growth) <= RSS_FLAT_MB)})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per throughput run")
    parser.add_argument("--requests", type=int, default=10_000, help="footprint run's requests")
    parser.add_argument("--count-regex", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.count_regex:
        count_regex_passes(sys.stdin.read())
        return 0
    if not SEED.exists():
        print(f"SKIPPED: bench_speed: seed page not found at {SEED}")
        return 0
    text = SEED.read_text(encoding="utf-8")
    print(f"speed and footprint, seed page {len(text):,} characters, cpus={os.cpu_count()}, "
          f"load average {os.getloadavg()[0]:.1f}")
    figures = regex_passes(text)
    figures |= longer_text(text)
    server = server_figures(text, args.duration, args.requests)
    figures |= request_table(text)
    print_server(server)
    print(json.dumps({k: round(v, 4) if isinstance(v, float) else v
                      for k, v in (figures | server).items()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
