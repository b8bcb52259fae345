"""Worst-case time: hostile inputs up to the body limit, answered by the real server in bounded
time, with the server alive afterwards.

Each input is sent to `newsbadge serve` (gunicorn, 2 workers, worker timeout 8 s) over a socket,
so a pathological input cannot hang the test run: the client gives up after CLIENT_TIMEOUT and the
stuck worker is replaced. The bound is on the CPU time the worker spent analysing, which the
server reports in its Server-Timing header: unlike wall time it does not grow when other processes
load the machine, so BOUND can stay near the target of about 1 s (`make bench` prints wall times),
while catastrophic backtracking or a quadratic loop, minutes on these inputs, fails.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from newsbadge import analyze
from newsbadge.schema import MAX_EVIDENCE_ITEMS
from newsbadge_dev.hostile import (
    HOSTILE_HTML,
    HOSTILE_REFUSED,
    HOSTILE_TEXT,
    NOT_JSON,
    encode,
    large_page,
)
from newsbadge_dev.live_server import LiveServer
from newsbadge_dev.reports import text_spans

pytestmark = pytest.mark.slow  # every test uses a real server

BOUND = 1.5
CLIENT_TIMEOUT = 10.0
MAX_BYTES = 2 * 1024 * 1024


@pytest.fixture(scope="module")
def server():
    with LiveServer(workers=2, NEWSBADGE_TIMEOUT="8", NEWSBADGE_GRACEFUL_TIMEOUT="2",
                    NEWSBADGE_MAX_TEXT_CHARS="1000000") as live:
        yield live


def timed_post(server: LiveServer, body: dict | bytes) -> tuple[int, bytes, float]:
    """Status, body, and the CPU seconds the server spent on the analysis."""
    data = body if isinstance(body, bytes) else encode(body)
    assert len(data) <= MAX_BYTES, "hostile inputs stay within the body limit"
    status, headers, answer = server.request("POST", "/v1/analyze", data,
                                             {"Content-Type": "application/json"}, CLIENT_TIMEOUT)
    cpu_ms = re.search(r"cpu;dur=([\d.]+)", headers.get("Server-Timing", ""))
    return status, answer, float(cpu_ms.group(1)) / 1000 if cpu_ms else float("inf")


def offsets_hold(text: str, report: dict) -> bool:
    """Every span of the report indexes the text that was sent."""
    return all(text[span["start"]:span["end"]] == span["text"] for span in text_spans(report))


@pytest.mark.parametrize("name", HOSTILE_TEXT)
def test_hostile_text_is_answered_in_bounded_time(server, name):
    text = HOSTILE_TEXT[name]
    answer = answered_within_bound(server, name, {"text": text, "title": text[:200]})
    assert offsets_hold(text, json.loads(answer))


@pytest.mark.parametrize("name", HOSTILE_HTML)
def test_hostile_html_is_answered_in_bounded_time(server, name):
    report = json.loads(answered_within_bound(server, name, {"html": HOSTILE_HTML[name]}))
    assert offsets_hold(report["text"], report)


def test_evidence_lists_are_cut_and_say_so(server):
    """28,000 hedges: the report lists the first MAX_EVIDENCE_ITEMS, in text order, and says it
    is truncated (before: all of them, a 4.5 MB report)."""
    text = HOSTILE_TEXT["hedged_claims"]
    report = json.loads(answered_within_bound(server, "hedged_claims", {"text": text}))
    hedges = report["sourcing"]["hedges"]
    assert len(hedges) == MAX_EVIDENCE_ITEMS and report["sourcing"]["truncated"] is True
    assert [h["start"] for h in hedges] == sorted(h["start"] for h in hedges)
    assert hedges[0]["start"] == text.index("reportedly")


@pytest.mark.parametrize("name", HOSTILE_REFUSED)
def test_costly_requests_are_refused_before_analysis(server, name):
    """Refused with a JSON error naming what is over its limit, at a small cost in CPU."""
    body, expected, named = HOSTILE_REFUSED[name]
    status, answer, _ = timed_post(server, body)
    assert server.alive()
    assert status == expected, answer[:300]
    assert named in json.loads(answer)["error"]["message"]


@pytest.mark.parametrize("name", NOT_JSON)
def test_nan_and_infinity_are_not_json(server, name):
    status, answer, _ = timed_post(server, NOT_JSON[name])
    assert status == 400 and json.loads(answer)["error"]["code"] == "malformed_json"


def answered_within_bound(server: LiveServer, name: str, body: dict) -> bytes:
    """The 200 answer to `body`, within BOUND seconds of worker CPU, the server alive after."""
    try:
        status, answer, cpu = timed_post(server, body)
    except TimeoutError:
        pytest.fail(f"{name}: no answer within {CLIENT_TIMEOUT} s")
    finally:
        assert server.alive()
    assert status == 200, answer[:300]
    assert cpu < BOUND, f"{name}: {cpu:.2f} s of CPU"
    return answer


# Characters that regexes and tokenizers treat specially: sentence ends, quotes, brackets,
# apostrophes and hyphens, whitespace of every kind, format characters, other scripts, astral
# characters and lone surrogates.
ALPHABET = list("aZ7 .!?…\"'“”‘’«»()[]{}<>-—–,;:/\\&#@\n\r\t\u00a0\u2028") + [
    "\u200b", "\u200d", "\u200e", "\u200f", "\u202e", "\ufeff", "Ж", "中", "ع", "ש", "😀",
    "\ud800", "\udfff", "said ", "according to ", "Mr. ", "U.S. ", "SHOCKING ", "\"Yes,\" "]


@settings(max_examples=8, deadline=None, derandomize=True, phases=[Phase.generate],
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(fragment=st.lists(st.sampled_from(ALPHABET), min_size=1, max_size=8).map("".join),
       size=st.integers(min_value=50_000, max_value=300_000))
def test_any_repeated_fragment_is_answered_in_bounded_time(server, fragment, size):
    """Repetition is what turns a backtracking regex or a nested loop catastrophic."""
    text = (fragment * (size // len(fragment) + 1))[:size]
    status, answer, cpu = timed_post(server, {"text": text})
    assert server.alive()
    assert status == 200, answer[:300]
    assert cpu < BOUND, f"{fragment!r} x {size // len(fragment)}: {cpu:.2f} s"
    assert offsets_hold(text, json.loads(answer))


# Where the article is still analysed beside hostile text today. Elsewhere the language is
# detected on the middle of the page, the hostile text, so the English article before it is judged
# an unsupported language and neither framing nor sourcing is read (a bug in newsbadge.language's
# sample; strict, so the test says when it is fixed).
ARTICLE_STILL_JUDGED = {"said_said", "quoted_claims", "quoted_said", "according_to",
                        "hedged_claims"}


@pytest.mark.parametrize("name", HOSTILE_TEXT)
def test_an_article_followed_by_hostile_text_keeps_its_sources(wire_story, name, request):
    """The checks above hold on a report with nothing in it; this one needs the article's
    attributions found, with the hostile text after it on the page."""
    if name not in ARTICLE_STILL_JUDGED:
        request.applymarker(pytest.mark.xfail(strict=True, reason="language read on the junk"))
    text = f"{wire_story}\n{HOSTILE_TEXT[name]}"
    report = analyze({"text": text})
    assert offsets_hold(text, report)
    sources = {a["source"]["name"] for a in report["sourcing"]["attributions"] if a["source"]}
    assert "Maria Alvarez" in sources, report["language"]


def worker_rss_kb(server: LiveServer) -> int:
    """Resident memory of the server's one worker (a child of the gunicorn master), in kB."""
    children = Path(f"/proc/{server.process.pid}/task/{server.process.pid}/children")
    (worker,) = children.read_text().split()
    status = Path(f"/proc/{worker}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+)", status).group(1))


def test_worker_memory_stays_flat_over_large_html_pages():
    """50 HTML pages of 0.23 MB, each new to the extractor's caches: the worker's resident memory
    ends within 10% of where it was after the first few (before trafilatura's caches were reset
    after each page the issue measured 257 MB -> 1,670 MB over 50 pages of 1.5 MB)."""
    with LiveServer(workers=1, NEWSBADGE_TIMEOUT="30") as live:
        def send(seed: int) -> None:
            status, _, answer = live.request("POST", "/v1/analyze",
                                             encode({"html": large_page(seed, 500)}),
                                             {"Content-Type": "application/json"}, 30)
            assert status == 200, answer[:300]

        for seed in range(3):  # first requests fill what every worker keeps (regex caches)
            send(seed)
        start = worker_rss_kb(live)
        for seed in range(3, 53):
            send(seed)
        assert worker_rss_kb(live) <= start * 1.10
