"""Reader for the PolNeAR attribution corpus (evaluation and training only, never per request).

PolNeAR (Newell, Margolin and Ruths, LREC 2018) lives outside the repository, in
$NEWSBADGE_DATA/polnear: `SPLIT/text/NAME.txt` and brat standoff `SPLIT/attributions/NAME_ANN.ann`.
Articles annotated by several people are read with the first annotator that metadata.tsv lists.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from newsbadge.text import Span

from .paths import data_dir

QUOTE_MARKS = re.compile("[\"“”]")


def data_root() -> Path:
    """$NEWSBADGE_DATA/polnear, defaulting to ../shared/data beside the repository."""
    return data_dir() / "polnear"


@dataclass
class AnnotatedArticle:
    name: str
    text: str
    cues: list[Span]          # one (start, end) per gold Cue, fragments joined end to end
    sources: list[Span]
    quoted: list[Span]        # the Cues whose attribution's Content holds a quotation mark


def _spans(field: str) -> Span:
    """'Cue 10 14' or 'Cue 10 14;16 20' -> the covering (start, end)."""
    _, offsets = field.split(" ", 1)
    numbers = [int(n) for part in offsets.split(";") for n in part.split()]
    return min(numbers), max(numbers)


def read_ann(path: Path) -> tuple[list[Span], list[Span], list[Span]]:
    """Gold Cue and Source spans, and the Cues whose Content quotes (an `E` line ties them)."""
    spans: dict[str, tuple[str, Span, str]] = {}  # T id -> (type, span, text)
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].startswith("E"):
            events.append(dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg))
        if len(parts) < 2 or not parts[0].startswith("T"):
            continue
        try:
            spans[parts[0]] = (parts[1].split(" ", 1)[0], _spans(parts[1]), parts[-1])
        except ValueError:
            continue
    cues = sorted(span for kind, span, _ in spans.values() if kind == "Cue")
    sources = sorted(span for kind, span, _ in spans.values() if kind == "Source")
    quoted = sorted(spans[e["Cue"]][1] for e in events
                    if e.get("Cue") in spans and _quotes(spans.get(e.get("Content"))))
    return cues, sources, quoted


def _quotes(content: tuple[str, Span, str] | None) -> bool:
    return bool(content and QUOTE_MARKS.search(content[2]))


def load(split: str, root: Path | None = None) -> list[AnnotatedArticle]:
    """Every article of `split` ("train" or "dev") with its gold cue and source spans."""
    root = root or data_root()
    with open(root / "metadata.tsv", encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t") if r["compartment"] == split]
    articles = []
    for row in sorted(rows, key=lambda r: r["filename"]):
        annotator = row["annotators"].split("|")[0]
        ann = root / split / "attributions" / f"{row['filename']}_{annotator}.ann"
        if not ann.exists():
            continue
        text = (root / split / "text" / f"{row['filename']}.txt").read_text(encoding="utf-8")
        articles.append(AnnotatedArticle(row["filename"], text, *read_ann(ann)))
    return articles
