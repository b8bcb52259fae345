"""The batch on Dask (newsbadge.distributed, `newsbadge batch --dask`): the local batch's report
lines, from JSONL, a glob of JSONL files or WARC files, through a killed worker too.

One local cluster serves the module (two forked worker processes); the command-line test starts
its own with `--dask local`, as a user does.
"""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys

import dask.bag
import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsbadge import distributed
from newsbadge.batch import Limits, analyze_item, analyze_line
from newsbadge.cli import main
from newsbadge_dev.batch_pages import varied_requests


@pytest.fixture(scope="module")
def client():
    with distributed.connect("local", 2) as dask_client:
        yield dask_client


def jsonl_lines(count: int) -> list[str]:
    """`count` varied requests as lines, with a malformed line, an invalid request and blanks."""
    lines = [json.dumps(request, ensure_ascii=False) for request in varied_requests(count)]
    lines[3] = '{"id": "cut", "text": '
    lines[11] = json.dumps({"id": "no-content", "lang": "en"})
    lines[20] = ""
    return lines


def local_batch(lines: list[str]) -> str:
    """What the local batch writes for these lines (its own numbering and blank-line skipping)."""
    numbered = enumerate(io.StringIO("".join(line + "\n" for line in lines)), 1)
    return "".join(analyze_line(pair)[1] + "\n" for pair in numbered if pair[1].strip())


def write_jsonl(path, lines: list[str]) -> str:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return str(path)


@pytest.mark.slow  # worker processes
def test_400_requests_through_dask_local_are_the_local_batch_byte_for_byte(tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", jsonl_lines(400))
    outputs = {}
    for name, options in (("local", ["--workers", "2"]), ("dask", ["--dask", "local"])):
        outputs[name] = tmp_path / f"{name}.jsonl"
        result = subprocess.run(
            [sys.executable, "-m", "newsbadge", "batch", source, "-o", str(outputs[name]),
             *options], capture_output=True, text=True, timeout=600, check=False)
        assert result.returncode == 2, result.stderr  # two lines failed: their error lines
        assert "2 line(s) failed" in result.stderr
    assert "Dask dashboard at http" in result.stderr
    dask_bytes = outputs["dask"].read_bytes()
    assert dask_bytes == outputs["local"].read_bytes()
    ids = [json.loads(line)["id"] for line in dask_bytes.decode().splitlines()]
    assert len(set(ids)) == len(ids) == 399  # every report once (the malformed line: id None)


@pytest.mark.slow  # worker processes
def test_a_glob_is_numbered_as_its_files_joined_and_dir_output_is_one_file_a_partition(
        tmp_path, client):
    lines = jsonl_lines(60)
    write_jsonl(tmp_path / "a.jsonl", lines[:25])
    write_jsonl(tmp_path / "b.jsonl", lines[25:])
    out = tmp_path / "reports"

    status = main(["batch", str(tmp_path / "*.jsonl"), "-o", f"{out}/",
                   "--dask", client.scheduler.address])

    parts = sorted(out.iterdir())
    assert status == 2  # the malformed line and the invalid request
    assert len(parts) > 2  # partitions, not input files
    assert "".join(part.read_text(encoding="utf-8") for part in parts) == local_batch(lines)


@pytest.mark.slow  # worker processes
def test_a_bag_of_requests_is_a_bag_of_reports_and_error_items(client):
    requests = varied_requests(12) + [{"id": "bad", "text": 5}]
    bag = dask.bag.from_sequence(requests, npartitions=4)

    answers = distributed.analyze_bag(bag).compute()

    assert answers == [json.loads(json.dumps(analyze_item(r, Limits())[1])) for r in requests]
    assert answers[-1]["error"]["code"] == "invalid_request"


def warc_response(writer: WARCWriter, url: str, body: bytes, content_type: str,
                  status: str = "200 OK"):
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                       http_headers=headers)
    writer.write_record(record)
    return record.rec_headers.get_header("WARC-Record-ID")


def html_page(paragraphs: str) -> str:
    return "<html><body><article>" + "".join(
        f"<p>{p}</p>" for p in paragraphs.split("\n") if p.strip()) + "</article></body></html>"


@pytest.fixture
def crawl(tmp_path, wire_story, story):
    """A gzipped WARC of three HTML pages (one in windows-1252), an image, a 404 page and a
    request record; its path and the record ids of the HTML pages by URL."""
    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        ids = {
            "https://news.example/wire": warc_response(
                writer, "https://news.example/wire", html_page(wire_story).encode(),
                "text/html; charset=utf-8"),
            "https://news.example/story": warc_response(
                writer, "https://news.example/story", html_page(story).encode(),
                "text/html"),
            "https://news.example/cafe": warc_response(
                writer, "https://news.example/cafe",
                html_page(f"Le café a fermé. {story}").encode("windows-1252"),
                "text/html; charset=windows-1252"),
        }
        warc_response(writer, "https://news.example/logo.png", b"\x89PNG...", "image/png")
        warc_response(writer, "https://news.example/gone", b"<html>gone</html>", "text/html",
                      "404 Not Found")
        writer.write_record(writer.create_warc_record(
            "https://news.example/wire", "request", payload=io.BytesIO(b"GET /wire HTTP/1.1\r\n")))
    return path, ids


@pytest.mark.slow  # worker processes
def test_a_warc_s_html_responses_are_scored_with_their_url_and_record_id(crawl, client):
    path, ids = crawl
    parts, total = distributed.sources(str(path), distributed.thread_count(client))

    reports = [json.loads(line) for failed, line in distributed.report_lines(client, parts)
               if not failed]

    assert total == 3
    assert {report["url"]: report["id"] for report in reports} == ids
    assert all(report["stats"]["words"] > 50 for report in reports)


def test_a_warc_response_is_decoded_by_its_declared_charset(crawl):
    path, _ = crawl
    with open(path, "rb") as handle:
        requests = [distributed.warc_request(record) for record in ArchiveIterator(handle)
                    if distributed.is_html_response(record)]
    assert "Le café a fermé." in requests[2]["html"]


@pytest.mark.parametrize(("content_type", "head", "encoding"), [
    ("text/html; charset=ISO-8859-1", '<meta charset="utf-8">', "iso8859-1"),
    ("text/html", '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">',
     "shift_jis"),
    ("text/html", "<title>no charset</title>", "utf-8"),
    ("text/html; charset=no-such-charset", "", "utf-8"),
])
def test_the_header_s_charset_comes_first_then_the_page_s_meta_then_utf8(
        content_type, head, encoding):
    body = f"<html><head>{head}</head><body><p>Text.</p></body></html>".encode()
    assert distributed.body_encoding(content_type, body) == encoding


@pytest.mark.slow  # worker processes
def test_a_killed_worker_s_partitions_are_redone_and_every_report_comes_once(tmp_path, client):
    lines = jsonl_lines(240)
    parts, _ = distributed.sources(write_jsonl(tmp_path / "in.jsonl", lines),
                                   distributed.thread_count(client))
    pids_before = set(client.run(os.getpid).values())
    written = []
    killed = None
    for _, line in distributed.report_lines(client, parts):
        written.append(line + "\n")
        if killed is None:
            killed = kill_a_busy_worker(client)

    assert killed in pids_before
    assert "".join(written) == local_batch(lines)
    client.wait_for_workers(2)
    assert killed not in set(client.run(os.getpid).values())  # the nanny started another


def kill_a_busy_worker(client) -> int:
    """SIGKILL a worker process that has tasks in hand; its pid."""
    pids = client.run(os.getpid)
    busy = [worker for worker, tasks in client.processing().items() if tasks]
    assert busy, "no worker was busy: the run ended before the kill"
    os.kill(pids[busy[0]], signal.SIGKILL)
    return pids[busy[0]]


HELP_THEN_MODULES = """
import sys
import newsbadge.distributed, newsbadge.web
from newsbadge.cli import main
try:
    main(["batch", "--help"])
finally:
    print(sorted({m.split(".")[0] for m in sys.modules} & {"dask", "distributed", "warcio"}),
          file=sys.stderr)
"""


@pytest.mark.slow  # a subprocess
def test_the_service_and_the_command_line_load_no_dask_until_a_dask_batch_runs():
    loaded = subprocess.run([sys.executable, "-c", HELP_THEN_MODULES], capture_output=True,
                            text=True, timeout=120, check=False)
    assert "--dask ADDRESS" in loaded.stdout
    assert loaded.stderr.strip() == "[]"
