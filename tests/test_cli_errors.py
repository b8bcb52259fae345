"""The command line's first-run manners: a version, one-line errors, no tracebacks."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from newsbadge.cli import EXIT_CLOSED_PIPE, EXIT_INTERRUPTED, EXIT_USAGE, main

STORY = "The council approved the budget on Tuesday, the mayor said in a statement. " * 30
COMMAND = [sys.executable, "-m", "newsbadge"]


def test_version_names_the_installed_package(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    out = capsys.readouterr().out.strip()
    assert out.startswith("newsbadge ") and out != "newsbadge unknown"


@pytest.mark.parametrize("argv, message", [
    (["analyze", "--lang", "english", "x"], "not a language code"),
    (["analyze", "--max-sensational", "150", "x"], "outside the scores' range"),
    (["analyze", "--min-sourcing", "many", "x"], "is not a number"),
    (["batch", "--workers", "-1"], "1 or more"),
    (["serve", "--workers", "0"], "1 or more"),
])
def test_bad_flag_values_are_refused_with_a_reason(argv, message, capsys):
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == EXIT_USAGE
    assert message in capsys.readouterr().err


def test_a_bad_setting_is_one_line_naming_the_variable():
    result = subprocess.run([*COMMAND, "serve"], capture_output=True, text=True, timeout=60,
                            env={**os.environ, "NEWSBADGE_WORKERS": "abc"}, check=False)
    assert result.returncode == EXIT_USAGE
    assert result.stderr.strip().splitlines() == [
        "newsbadge: bad setting: NEWSBADGE_WORKERS='abc': must be a whole number, 1 or more"]


def test_a_reader_that_closes_the_pipe_ends_the_batch_quietly(tmp_path):
    requests = tmp_path / "pages.jsonl"
    requests.write_text("".join(json.dumps({"id": i, "text": STORY}) + "\n" for i in range(60)),
                        encoding="utf-8")
    process = subprocess.Popen([*COMMAND, "batch", str(requests), "--workers", "1"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.readline()
    process.stdout.close()  # as `| head -1` does
    _, err = process.communicate(timeout=120)
    assert process.returncode == EXIT_CLOSED_PIPE
    assert b"Traceback" not in err


def test_ctrl_c_is_one_line(tmp_path):
    requests = tmp_path / "pages.jsonl"
    requests.write_text("".join(json.dumps({"text": STORY}) + "\n" for _ in range(2000)),
                        encoding="utf-8")
    process = subprocess.Popen([*COMMAND, "batch", str(requests), "--workers", "1",
                                "-o", str(tmp_path / "out.jsonl")], stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not (tmp_path / "out.jsonl").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(0.5)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == EXIT_INTERRUPTED
    assert err.decode().strip().splitlines()[-1] == "newsbadge: interrupted"
    assert b"Traceback" not in err


def test_a_file_that_starts_like_html_is_read_as_html(tmp_path, capsys):
    page = tmp_path / "page.html"
    page.write_text("<!DOCTYPE html><html><body>" + "".join(
        f"<p>{STORY[:76]}</p>" for _ in range(30)) + "</body></html>", encoding="utf-8")
    assert main(["analyze", str(page)]) == 0
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert "<p>" not in report["text"]
    assert report["stats"]["words"] > 300
    assert "looks like HTML" in captured.err


def test_a_few_words_are_too_short_before_their_language_counts():
    from newsbadge import analyze

    report = analyze({"text": "hello world"})
    assert report["sensational"]["reason"] == "too_short"
    assert report["sourcing"]["reason"] == "too_short"
    assert report["badge"]["summary"] == "Not enough article text to judge."
