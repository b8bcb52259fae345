"""Readers for the framing collections of $NEWSBADGE_DATA (evaluation and training only).

One small function per collection, each returning plain records:
- headlines (`clickbait`, `webis17`, `ta1c`): `Headline(text, label, grade)`, grade in 0-1
  (Webis-17's `truth_mean`; the binary label elsewhere);
- span-annotated articles (`semeval2023`, `basil`): `SpanArticle(name, title, text, spans,
  sentences)`, spans as (start, end, technique) into `text`; `sentences` is given where the
  collection segments its text (BASIL), else empty.

Nothing here is imported by the service. See the data folder's README.md for each set.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path

from .paths import data_dir

# SemEval-2023 task 3 techniques that frame sensationally, as the data's README names them first;
# the sentence labels of the evaluation and the body cues' training use these.
FRAMING_TECHNIQUES = frozenset({"Loaded_Language", "Exaggeration-Minimisation",
                                "Appeal_to_Fear-Prejudice", "Name_Calling-Labeling"})
# BASIL's lexical bias: loaded wording (its other kind, "inf", is what is told, not how).
BASIL_LEXICAL = "lex"


@dataclass
class Headline:
    text: str
    label: int
    grade: float


@dataclass
class SpanArticle:
    name: str
    title: str
    text: str
    spans: list[tuple[int, int, str]]
    sentences: list[tuple[int, int]] = field(default_factory=list)
    genre: str = ""


def root() -> Path:
    return data_dir()


def read_clickbait() -> list[Headline]:
    """Chakraborty et al. 2016: one headline a line, the file is the label."""
    found = []
    for name, label in (("clickbait_data", 1), ("non_clickbait_data", 0)):
        for line in (root() / "clickbait" / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                found.append(Headline(line.strip(), label, float(label)))
    return found


def read_webis17(split: str = "train") -> list[Headline]:
    """Webis Clickbait 2017 posts (`train` or `test`), graded by `truth_mean`."""
    rows = json.loads((root() / "webis17" / f"{split}.json").read_text(encoding="utf-8"))
    return [Headline(r["post_text"].strip(), int(r["click_bait"]), float(r["truth_mean"]))
            for r in rows if r["post_text"].strip()]


def read_ta1c(split: str = "train") -> list[Headline]:
    """TA1C Spanish teasers (`train`, `validation` or `test`)."""
    path = root() / "ta1c" / f"TA1C_dataset_{split}_minimal.csv"
    with path.open(encoding="utf-8", newline="") as f:
        return [Headline(r["Teaser Text"].strip(), int(r["Tag Value"] == "Clickbait"),
                         float(r["Tag Value"] == "Clickbait")) for r in csv.DictReader(f)]


def read_semeval(language: str = "en") -> list[SpanArticle]:
    """SemEval-2023 task 3 articles of one language folder with their technique spans (the
    article file's first line is its title)."""
    folder = root() / "semeval2023" / language
    split = "dev" if language == "en" else "train"
    genres = dict(line.split("\t") for line in (folder / f"{split}-labels-subtask-1.txt")
                  .read_text(encoding="utf-8").split("\n") if "\t" in line)
    articles = []
    for path in sorted((folder / f"{split}-articles-subtask-3").glob("article*.txt")):
        name = path.stem.removeprefix("article")
        text = path.read_text(encoding="utf-8")
        labels = folder / f"{split}-labels-subtask-3-spans" / f"article{name}-labels-subtask-3.txt"
        spans = []
        for line in labels.read_text(encoding="utf-8").splitlines() if labels.exists() else []:
            _, technique, start, end = line.split("\t")
            spans.append((int(start), int(end), technique))
        articles.append(SpanArticle(name, text.split("\n", 1)[0], text,
                                    line_break_read(text, spans),
                                    genre=genres.get(name, "").strip()))
    return articles


def line_break_read(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """An article's spans in its text's offsets. Many non-English SemEval-2023 articles count each
    line break as two characters (offsets taken on CRLF files; the files here have LF line ends):
    their spans drift by one character a line ("comme un c[ri du réel", "Em[manuel Macron"). Per
    article, the reading (as given, or with CRLF line breaks) under which more spans start and
    end at word boundaries is taken; ties keep the spans as given. Articles read with CRLF
    breaks, and spans at word boundaries before -> after: en 0 of 90, 0.971 -> 0.971; fr 102 of
    158, 0.431 -> 0.742; ge 98 of 132, 0.358 -> 0.754; it 116 of 227, 0.428 -> 0.722; po 73 of
    145, 0.310 -> 0.636; ru 117 of 143, 0.220 -> 0.686 (most of the rest end a letter short:
    "pape de la ruptur]e", which still covers the word)."""
    lf = [q for q, ch in enumerate(text) for _ in range(1 + (ch == "\n"))] + [len(text)]
    crlf = [(lf[min(s, len(lf) - 1)], lf[min(e, len(lf) - 1)], t) for s, e, t in spans]
    return crlf if _at_boundaries(text, crlf) > _at_boundaries(text, spans) else spans


def _at_boundaries(text: str, spans: list[tuple[int, int, str]]) -> int:
    """How many spans start and end at word boundaries of the text."""
    inside = lambda k: 0 < k < len(text) and text[k - 1].isalnum() and text[k].isalnum()  # noqa: E731
    return sum(s < e <= len(text) and not inside(s) and not inside(e) for s, e, _ in spans)


def read_basil() -> list[SpanArticle]:
    """BASIL articles: sentences joined by spaces, paragraphs by newlines; phrase annotations'
    offsets index their sentence (checked against `txt`; the few that index the title are
    dropped)."""
    articles = []
    for path in sorted((root() / "basil" / "articles").glob("*/*.json")):
        article = json.loads(path.read_text(encoding="utf-8"))
        notes_path = root() / "basil" / "annotations" / path.parent.name / f"{path.stem}_ann.json"
        notes = json.loads(notes_path.read_text(encoding="utf-8"))
        parts, sentences, at = [], [], 0
        for paragraph in article["body-paragraphs"]:
            for k, sentence in enumerate(paragraph):
                parts.append(sentence + (" " if k < len(paragraph) - 1 else "\n"))
                sentences.append((at, at + len(sentence)))
                at += len(parts[-1])
        text = "".join(parts)
        spans = []
        for note in notes["phrase-level-annotations"]:
            for start, _ in sentences:
                if text[start + note["start"] : start + note["end"]] == note["txt"]:
                    spans.append((start + note["start"], start + note["end"], note["bias"]))
                    break
        articles.append(SpanArticle(path.stem, article["title"], text, spans, sentences,
                                    genre=article["source"]))
    return articles
