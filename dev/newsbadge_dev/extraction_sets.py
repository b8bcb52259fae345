"""Readers and metrics for the labeled extraction sets in $NEWSBADGE_DATA.

Used by `newsbadge_dev.training.contamination` and `bench/eval_contamination.py` only; the service
never imports this module (it reads files).
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from newsbadge.contamination.align import contained

from .paths import data_dir

TOKEN_RE = re.compile(r"\w+")
SPACE_RE = re.compile(r"\s+")


@dataclass
class Page:
    set: str
    id: str
    html: str
    article: str  # the ground-truth main text
    without: list[str]  # boilerplate snippets that must not be kept (wcxb only)


def _read_gz(path: Path) -> str:
    with gzip.open(path, "rb") as f:
        raw = f.read()
    return raw.decode("utf-8", errors="replace")


def scrapinghub() -> list[Page]:
    root = data_dir() / "scrapinghub"
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    return [Page("scrapinghub", key, _read_gz(root / "html" / f"{key}.html.gz"),
                 value["articleBody"], []) for key, value in sorted(truth.items())]


def wcxb_articles() -> list[Page]:
    root = data_dir() / "wcxb" / "dev"
    pages = []
    for path in sorted((root / "ground-truth").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        if record["_internal"]["page_type"]["primary"] != "article":
            continue
        truth = record["ground_truth"]
        pages.append(Page("wcxb", path.stem, _read_gz(root / "html" / f"{path.stem}.html.gz"),
                          truth.get("main_content") or "", list(truth.get("without") or [])))
    return pages


def available() -> str | None:
    """None when both sets are present, else the path that is missing."""
    for path in (data_dir() / "scrapinghub" / "ground-truth.json",
                 data_dir() / "wcxb" / "dev" / "ground-truth"):
        if not path.exists():
            return str(path)
    return None


def tokens(text: str) -> list[str]:
    return TOKEN_RE.findall(text.lower())


def _prf(tp: int, n_pred: int, n_true: int) -> tuple[float, float, float]:
    if n_pred == 0 and n_true == 0:
        return 1.0, 1.0, 1.0
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_true if n_true else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def shingle_prf(predicted: str, truth: str, n: int = 4) -> tuple[float, float, float]:
    """The article-extraction-benchmark metric: bags of word n-gram shingles, lowercased,
    punctuation stripped."""
    def bag(text: str) -> Counter:
        words = tokens(text)
        return Counter(tuple(words[i:i + n]) for i in range(max(len(words) - n + 1, 0)))
    pred, true = bag(predicted), bag(truth)
    return _prf(sum((pred & true).values()), sum(pred.values()), sum(true.values()))


def word_prf(predicted: str, truth: str) -> tuple[float, float, float]:
    """WCXB's word-level metric: bags of lowercased words."""
    pred, true = Counter(tokens(predicted)), Counter(tokens(truth))
    return _prf(sum((pred & true).values()), sum(pred.values()), sum(true.values()))


def normalized(text: str) -> str:
    return SPACE_RE.sub(" ", " ".join(tokens(text)))


def leaked(predicted: str, snippets: list[str]) -> tuple[int, int]:
    """How many `without` snippets appear (words, in order) in the kept text, out of how many."""
    kept = f" {normalized(predicted)} "
    checked = [s for s in (normalized(s) for s in snippets) if s]
    return sum(f" {s} " in kept for s in checked), len(checked)


def line_labels(lines: list[str], article: str) -> list[int]:
    """1 for lines of the article: most of the line's word trigrams occur in the ground truth."""
    return [int(k) for k in contained([tokens(line) for line in lines], article)]
