"""Readers for the collections the genre scorer learns from and is measured on, and the
Document each text becomes on the way a request would take (evaluation and training only).

- SemEval-2023 Task 3, subtask 1: `semeval2023/LANG/*-labels-subtask-1.txt` (ID<TAB>genre) and
  the article files beside it (title, blank line, body), in six languages.
- PolNeAR: political news of seven US outlets (all reporting or opinion): `polnear/SPLIT/text`.
- scrapinghub: real news pages' article bodies (the benchmark's ground truth).
- BASIL: articles of three US outlets, by paragraph.
- WCXB dev: pages of seven types; the ground truth's main content is the text a reader came for,
  and its page type says whether it is an article at all.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from newsbadge import contamination, language
from newsbadge.document import Document

from .paths import data_dir

# SemEval's folder names, and the language codes the service detects.
SEMEVAL_LANGUAGES = {"en": "en", "fr": "fr", "ge": "de", "it": "it", "po": "pl", "ru": "ru"}
# WCXB page types that are no news article (the `other` genre).
# WCXB's "article" type holds company blogs, guides, buying guides and listicles beside news; an
# article page whose address says so is labelled BLOG_OR_GUIDE (370 of the 793 dev articles).
# The address, not the text, decides: the label is not learnt from what the model reads.
BLOG_OR_GUIDE = "article: blog or guide"
BLOG_OR_GUIDE_URL = re.compile(r"/blogs?[/-]|/blog-posts?/|/guides?[/-]|[/-]guide/?$|/reviews?/"
                               r"|/tips?[/-]|how-to|/(?:[\w-]*-)?(?:best|top)-", re.IGNORECASE)
WCXB_OTHER = frozenset({"service", "product", "collection", "forum", "listing", "documentation",
                        BLOG_OR_GUIDE})


@dataclass
class Text:
    collection: str
    id: str
    language: str
    text: str
    label: str | None  # genre (SemEval), page type (WCXB), None (PolNeAR)


def semeval() -> list[Text]:
    """Every SemEval article with a genre label, in every language found."""
    root = data_dir() / "semeval2023"
    texts = []
    for folder, code in SEMEVAL_LANGUAGES.items():
        for labels in sorted((root / folder).glob("*-labels-subtask-1.txt")):
            articles = labels.with_name(labels.name.replace("labels-subtask-1.txt",
                                                            "articles-subtask-3"))
            for line in labels.read_text(encoding="utf-8").splitlines():
                if not line.strip():
                    continue
                article_id, genre = line.split("\t")[:2]
                path = articles / f"article{article_id}.txt"
                if path.exists():
                    texts.append(Text("semeval", article_id, code,
                                      path.read_text(encoding="utf-8"), genre.strip()))
    return texts


def polnear(split: str) -> list[Text]:
    root = data_dir() / "polnear" / split / "text"
    return [Text("polnear", path.stem, "en", path.read_text(encoding="utf-8"), None)
            for path in sorted(root.glob("*.txt"))]


def wcxb() -> list[Text]:
    """Every WCXB dev page's main content, labelled with its page type (BLOG_OR_GUIDE for an
    article page whose address names a blog, guide, review, tips, "best" or "top")."""
    root = data_dir() / "wcxb" / "dev" / "ground-truth"
    texts = []
    for path in sorted(root.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        content = record["ground_truth"].get("main_content") or ""
        title = record["ground_truth"].get("title") or ""
        text = f"{title}\n\n{content}"
        page_type = record["_internal"]["page_type"]["primary"]
        if page_type == "article" and BLOG_OR_GUIDE_URL.search(record.get("url") or ""):
            page_type = BLOG_OR_GUIDE
        texts.append(Text("wcxb", path.stem, language.detect(text)["code"], text, page_type))
    return texts


def scrapinghub() -> list[Text]:
    """The scrapinghub benchmark's article bodies (real news pages' main text), unlabelled."""
    truth = json.loads((data_dir() / "scrapinghub" / "ground-truth.json").read_text(
        encoding="utf-8"))
    return [Text("scrapinghub", key, language.detect(value["articleBody"])["code"],
                 value["articleBody"], None) for key, value in sorted(truth.items())]


def basil() -> list[Text]:
    """BASIL's 300 articles (Fox News, New York Times, HuffPost), paragraphs one per line, with
    the title first; labelled with their outlet."""
    texts = []
    for path in sorted((data_dir() / "basil" / "articles").glob("*/*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        paragraphs = [" ".join(p) if isinstance(p, list) else p for p in record["body-paragraphs"]]
        body = "\n".join(p.strip() for p in paragraphs if p.strip())
        texts.append(Text("basil", path.stem, "en", f"{record['title']}\n\n{body}",
                          record["source"]))
    return texts


def document(text: str, language: str) -> Document:
    """The Document `analyze` would build for a plain-text request in `language`."""
    cleaned = contamination.analyze(contamination.prepare(text, None, None), language)
    return Document(cleaned.text, language, cleaned.boilerplate)


def missing() -> str | None:
    """None when the collections are present, else the first path that is missing."""
    for path in (data_dir() / "semeval2023", data_dir() / "polnear" / "train",
                 data_dir() / "wcxb" / "dev" / "ground-truth"):
        if not Path(path).exists():
            return str(path)
    return None
