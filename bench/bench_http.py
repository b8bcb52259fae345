"""HTTP throughput of `newsbadge serve` against a no-op JSON endpoint on the same server.

One gunicorn server (the production settings: preloaded app, one sync worker per CPU) is started
with NEWSBADGE_BENCH_NOOP=1, which adds POST /v1/noop: the same Flask app, checks and JSON body
parsing, but no analysis. wrk sends the seed page as {"text": ...} with a suffix that differs per
request (so nothing can be cached), first to /v1/noop, then to /v1/analyze, and the ratio of their
requests per second is the web layer's score (bar: >= 0.4). Then 64 connections for 30 s against
/v1/analyze: errors, timeouts, and the workers' memory before and after. Last, the time of each
hostile input of tests/test_hostile.py, and of json.dumps against orjson on the seed report.

    .venv/bin/python bench/bench_http.py [--duration 10] [--soak 30] [--worker-class sync]

Needs wrk (Debian's package): installed with apt-get when missing and running as root.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newsbadge_dev.paths import seed_article

REPO = Path(__file__).resolve().parent.parent
SEED = seed_article()

RATIO_BAR = 0.4
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")

# Each wrk thread numbers its requests; the number opens the article's first sentence, so every
# body differs where the analysis reads it (a number in the boilerplate tail would leave the
# article the same, and per-text caches such as textstat's would flatter the result).
LUA = """
local f = assert(io.open(os.getenv("NB_BODY_FILE"), "rb"))
local tail = f:read("*a")
f:close()
local counter, thread_id = 0, 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end
function request()
  counter = counter + 1
  return wrk.format(nil, nil, nil, '{"text": "t' .. thread_id .. "r" .. counter .. tail)
end
"""


def ensure_wrk() -> str | None:
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() != 0:
        print("SKIPPED: wrk not found; install it with: sudo apt-get install wrk")
        return None
    print("installing wrk with apt-get ...", flush=True)
    for command in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "wrk"]):
        subprocess.run(command, check=False, stdout=subprocess.DEVNULL)
    found = shutil.which("wrk")
    if not found:
        print("SKIPPED: apt-get could not install wrk")
    return found


def body_tail(text: str) -> bytes:
    """The JSON body without its start: ` <seed page>"}`; the Lua script opens it."""
    opening = '{"text": "'
    encoded = json.dumps({"text": " " + text})
    assert encoded.startswith(opening)
    return encoded[len(opening) :].encode()


def run_wrk(wrk: str, url: str, body_file: str, lua: str, threads: int, connections: int,
            seconds: int) -> dict:
    out = subprocess.run(
        [wrk, f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s",
         "--latency", "-s", lua, url],
        capture_output=True, text=True, env={**os.environ, "NB_BODY_FILE": body_file},
        check=True).stdout
    return parse_wrk(out)


def parse_wrk(out: str) -> dict:
    def number(pattern: str, default: float = 0.0) -> float:
        match = re.search(pattern, out)
        return float(match.group(1)) if match else default

    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)",
                       out)
    return {
        "rps": number(r"Requests/sec:\s+([\d.]+)"),
        "requests": int(number(r"(\d+) requests in")),
        "non_2xx": int(number(r"Non-2xx or 3xx responses: (\d+)")),
        "socket_errors": sum(int(g) for g in socket.groups()[:3]) if socket else 0,
        "timeouts": int(socket.group(4)) if socket else 0,
        "p50": _latency(out, "50%"), "p99": _latency(out, "99%"),
    }


def _latency(out: str, percentile: str) -> str:
    match = re.search(rf"^\s+{re.escape(percentile)}\s+(\S+)", out, re.M)
    return match.group(1) if match else "?"


def stat_fields(stat: Path) -> list[str]:
    """The fields of a /proc/PID/stat file after the command name (field 3 on: state, ppid...)."""
    return stat.read_text().rsplit(")", 1)[1].split()


def workers(master: int) -> list[Path]:
    """The /proc directories of the gunicorn workers (the master's children) alive now."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat_fields(stat)[1]) == master:
                found.append(stat.parent)
        except (OSError, IndexError):
            continue
    return found


def worker_rss_mb(master: int) -> list[float]:
    """Resident memory of each gunicorn worker, in MB."""
    sizes = []
    for worker in workers(master):
        try:
            kb = int(re.search(r"VmRSS:\s+(\d+)", (worker / "status").read_text()).group(1))
        except (OSError, AttributeError):
            continue
        sizes.append(round(kb / 1024, 1))
    return sorted(sizes)


def print_table(rows: list[tuple], header: tuple) -> None:
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, tuple("-" * w for w in widths), *rows]:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)))


def workers_cpu_seconds(master: int) -> float:
    """CPU time (user + system) the master's workers have used: the live ones' own, plus what
    the master has reaped from workers that exited (max_requests restarts them)."""
    def cpu(stat: Path, fields: slice) -> float:
        return sum(map(int, stat_fields(stat)[fields])) / CLOCK_TICKS

    total = cpu(Path(f"/proc/{master}/stat"), slice(13, 15))  # cutime, cstime
    for worker in workers(master):
        try:
            total += cpu(worker / "stat", slice(11, 13))  # utime, stime
        except OSError:  # exited since: its time is in the master's cutime
            continue
    return total


def throughput(wrk: str, base: str, body_file: str, lua: str, seconds: int,
               master: int) -> dict:
    """wrk's numbers per endpoint, and the workers' CPU per request (ms) during the run."""
    results = {}
    for path in ("/v1/noop", "/v1/analyze"):
        run_wrk(wrk, base + path, body_file, lua, 2, 8, 2)  # warm-up
        cpu_before = workers_cpu_seconds(master)
        results[path] = run_wrk(wrk, base + path, body_file, lua, 2, 8, seconds)
        used = workers_cpu_seconds(master) - cpu_before
        results[path]["cpu_ms"] = 1000 * used / max(results[path]["requests"], 1)
    return results


def hostile_times(port: int) -> list[tuple]:
    import http.client

    from newsbadge_dev.hostile import HOSTILE_HTML, HOSTILE_TEXT, encode

    rows = []
    inputs = [("text", n, {"text": t}) for n, t in HOSTILE_TEXT.items()]
    inputs += [("html", n, {"html": t}) for n, t in HOSTILE_HTML.items()]
    for field, name, body in inputs:
        data = encode(body)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
        started = time.monotonic()
        try:
            connection.request("POST", "/v1/analyze", data, {"Content-Type": "application/json"})
            status = connection.getresponse().status
        except TimeoutError:
            status = "timeout (15 s)"
        finally:
            connection.close()
        rows.append((field, name, f"{len(data) / 1e6:.2f}", status,
                     f"{time.monotonic() - started:.3f}"))
    return rows


def json_speed(text: str) -> tuple[float, float]:
    import orjson

    from newsbadge import analyze

    report = analyze({"text": text})
    timings = []
    for dump in (json.dumps, orjson.dumps):
        started = time.perf_counter()
        for _ in range(2000):
            dump(report)
        timings.append((time.perf_counter() - started) / 2000 * 1e6)
    return timings[0], timings[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per throughput run")
    parser.add_argument("--soak", type=int, default=30, help="seconds of the 64-connection run")
    parser.add_argument("--worker-class", default="sync", choices=["sync", "gthread"])
    parser.add_argument("--no-hostile", action="store_true", help="skip the hostile inputs")
    args = parser.parse_args()

    if not SEED.exists():
        print(f"SKIPPED: seed page not found at {SEED}")
        return 0
    wrk = ensure_wrk()
    if wrk is None:
        return 0
    from newsbadge_dev.live_server import LiveServer

    text = SEED.read_text(encoding="utf-8")
    threads = {"NEWSBADGE_THREADS": "4"} if args.worker_class == "gthread" else {}
    server = LiveServer(workers=None, NEWSBADGE_BENCH_NOOP="1",
                        NEWSBADGE_WORKER_CLASS=args.worker_class, **threads)
    base = f"http://127.0.0.1:{server.port}"
    with tempfile.TemporaryDirectory() as tmp:
        body_file, lua = os.path.join(tmp, "body.json"), os.path.join(tmp, "bench.lua")
        Path(body_file).write_bytes(body_tail(text))
        Path(lua).write_text(LUA)
        try:
            print(f"newsbadge serve, {args.worker_class} workers, cpus={os.cpu_count()}, "
                  f"seed page {len(text)} chars, bodies differ per request")
            master = server.process.pid
            results = throughput(wrk, base, body_file, lua, args.duration, master)
            noop, full = results["/v1/noop"], results["/v1/analyze"]
            ratio = full["rps"] / noop["rps"] if noop["rps"] else 0.0
            print_table([(path, f"{r['rps']:.0f}", f"{r['cpu_ms']:.3f}", r["p50"], r["p99"],
                          r["non_2xx"], r["socket_errors"]) for path, r in results.items()],
                        ("endpoint (wrk -t2 -c8)", "req/s", "worker CPU ms/req", "p50", "p99",
                         "non-2xx", "errors"))
            verdict = "PASS" if ratio >= RATIO_BAR else "BELOW BAR"
            print(f"ratio analyze/noop: {ratio:.3f} (bar {RATIO_BAR}: {verdict})")
            print(f"analysis costs the workers {full['cpu_ms'] - noop['cpu_ms']:.3f} ms of CPU per "
                  f"request more than the no-op; a ratio of {RATIO_BAR} would need at most "
                  f"{noop['cpu_ms'] * (1 / RATIO_BAR - 1):.3f} ms\n")

            before = worker_rss_mb(master)
            soak = run_wrk(wrk, base + "/v1/analyze", body_file, lua, 2, 64, args.soak)
            after = worker_rss_mb(master)
            print(f"64 connections for {args.soak} s on /v1/analyze: {soak['requests']} requests,"
                  f" {soak['rps']:.0f} req/s, p50 {soak['p50']}, p99 {soak['p99']}, "
                  f"non-2xx {soak['non_2xx']}, socket errors {soak['socket_errors']}, "
                  f"timeouts {soak['timeouts']}")
            print(f"worker RSS MB before {before} after {after}\n")

            if not args.no_hostile:
                print("hostile inputs (tests/test_hostile.py), one request each:")
                print_table(hostile_times(server.port),
                            ("field", "input", "MB", "status", "seconds"))
                print(f"worker RSS MB after the hostile inputs {worker_rss_mb(master)}\n")
        finally:
            server.stop()
    dumps, orjson_dumps = json_speed(text)
    print(f"seed report to JSON: json.dumps {dumps:.0f} us, orjson.dumps {orjson_dumps:.0f} us")
    return 0


if __name__ == "__main__":
    sys.exit(main())
