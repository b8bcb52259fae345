"""Readability works with no network from the very first call of a fresh process."""

import json
import subprocess
import sys
import textwrap

from newsbadge.readability import readability

OFFLINE_PROBE = textwrap.dedent(
    """
    import json, socket, sys

    def no_network(*args, **kwargs):
        raise OSError("network disabled by the test")

    socket.socket.connect = no_network
    socket.create_connection = no_network
    socket.getaddrinfo = no_network
    import nltk
    nltk.download = lambda *a, **k: sys.exit("nltk.download was called")

    from newsbadge import analyze
    report = analyze({"text": sys.stdin.read()})
    print(json.dumps(report["readability"]))
    """
)


def test_readability_of_english_runs_offline_in_a_fresh_process(tmp_path, wire_story):
    # An empty HOME and NLTK_DATA: no copy of NLTK's cmudict can be found on disk either.
    env = {"HOME": str(tmp_path), "NLTK_DATA": str(tmp_path / "nltk_data"), "PATH": "/usr/bin"}
    result = subprocess.run(
        [sys.executable, "-c", OFFLINE_PROBE], input=wire_story, capture_output=True, text=True,
        env=env, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)
    assert 0 < scores["flesch_reading_ease"] < 100
    assert 5 < scores["grade_level"] < 20


def test_plain_prose_reads_easier_than_dense_prose():
    plain = "The cat sat on the mat. It was a warm day. The sun was out. " * 5
    dense = (
        "Notwithstanding considerable institutional heterogeneity, comprehensive "
        "multilateral negotiations necessitated unprecedented administrative coordination. "
    ) * 5
    assert readability(plain, "en")["flesch_reading_ease"] > 80
    assert readability(dense, "en")["flesch_reading_ease"] < 20
    assert readability(plain, "en")["grade_level"] < readability(dense, "en")["grade_level"]


def test_languages_without_formulas_and_empty_text_get_nulls():
    empty = {"flesch_reading_ease": None, "grade_level": None}
    assert readability("", "en") == empty
    assert readability("Текст на языке, для которого нет формулы.", "xx") == empty


def test_german_uses_its_own_formula():
    text = "Die Regierung hat heute neue Maßnahmen angekündigt. Sie sollen die Preise senken. " * 3
    assert readability(text, "de")["flesch_reading_ease"] != readability(text, "en")[
        "flesch_reading_ease"
    ]
