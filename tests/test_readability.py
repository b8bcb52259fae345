"""Readability works with no network from the very first call of a fresh process."""

import json
import subprocess
import sys
import textwrap

import pytest

from newsbadge.document import Document
from newsbadge.readability import SAMPLE_WORDS, _sample
from newsbadge.readability import readability as readability_of_document


def readability(text: str, language: str) -> dict:
    return readability_of_document(Document(text, language))

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


@pytest.mark.slow  # a fresh process
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


def test_long_articles_are_read_in_three_samples_from_start_middle_and_end():
    sentences = [f"Sentence number {n} has exactly seven words." for n in range(300)]
    doc = Document(" ".join(sentences), "en")
    sample = [doc.text[s:e] for s, e in _sample(doc)]
    per_run = -(-SAMPLE_WORDS // 7)  # sentences of 7 words that reach SAMPLE_WORDS
    assert len(sample) == 3 * per_run
    assert sample[0] == sentences[0] and sample[-1] == sentences[-1]
    assert sentences[150] in sample and sentences[100] not in sample
    short = Document(" ".join(sentences[:20]), "en")
    assert _sample(short) == short.article_sentences


def test_german_uses_its_own_formula():
    text = "Die Regierung hat heute neue Maßnahmen angekündigt. Sie sollen die Preise senken. " * 3
    assert readability(text, "de")["flesch_reading_ease"] != readability(text, "en")[
        "flesch_reading_ease"
    ]
