"""`analyze`: one request in, one report out. The core: pure functions, no Flask, no I/O."""

from __future__ import annotations

from . import contamination, genre, language, sensational, sourcing
from .badge import badge
from .document import Document
from .readability import READABILITY_LANGUAGES, readability
from .readability import warm_up as readability_warm_up
from .schema import SCHEMA_VERSION, AnalyzeRequest

# Languages that framing or sourcing has rules for; the report's `language.supported`.
SUPPORTED_LANGUAGES = sensational.LANGUAGES | sourcing.LANGUAGES
# The languages each section has rules for: its `supported` field says whether the page's is one
# (an unsupported section grades nothing and says `unsupported_language`, but contamination,
# whose line features read any language's pages, and whose phrase rules know these).
SECTION_LANGUAGES = {
    "readability": READABILITY_LANGUAGES,
    "sensational": sensational.LANGUAGES,
    "contamination": contamination.LANGUAGES,
    "sourcing": sourcing.LANGUAGES,
    "genre": genre.LANGUAGES,
}


def analyze(request: dict | AnalyzeRequest) -> dict:
    """The report for a request (a dict shaped like `POST /v1/analyze`'s body).

    Raises pydantic.ValidationError when the request is not valid.
    """
    req = request if isinstance(request, AnalyzeRequest) else AnalyzeRequest.model_validate(request)
    page = contamination.prepare(req.text, req.html, req.blocks, req.title)
    sample = page.text or page.title or ""
    lang = language.declared(req.lang) if req.lang else language.detect(sample)
    lang["supported"] = lang["code"] in SUPPORTED_LANGUAGES
    cleaned = contamination.analyze(page, lang["code"])
    doc = Document(cleaned.text, lang["code"], cleaned.boilerplate)

    framing = sensational.analyze(doc, page.title)
    sourced = sourcing.analyze(doc)
    kind = genre.analyze(doc)
    report = {
        "schema": SCHEMA_VERSION,
        "language": lang,
        "stats": {
            "words": len(doc.article_words),
            "sentences": len(doc.article_sentences),
            "page_words": len(doc.words),
        },
        "readability": readability(doc),
        "sensational": framing,
        "contamination": cleaned.section,
        "sourcing": sourced,
        "genre": kind,
        "badge": badge(framing, cleaned.section, sourced, kind),
    }
    for name, languages in SECTION_LANGUAGES.items():
        report[name]["supported"] = lang["code"] in languages
    if req.text is None:
        report["text"] = doc.text
    if req.url is not None:
        report["url"] = req.url
    if req.id is not None:
        report["id"] = req.id
    return report


def warm_up() -> None:
    """Run one small analysis so that lazy loads (hyphenation dictionaries, regex caches) happen
    at start-up, before the first reader's request."""
    readability_warm_up()
    analyze(
        {
            "text": "The minister said on Tuesday that the plan had been approved. " * 12,
            "title": "Plan approved",
        }
    )
