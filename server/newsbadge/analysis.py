"""`analyze`: one request in, one report out. The core: pure functions, no Flask, no I/O."""

from __future__ import annotations

import gc

from . import contamination, datafiles, genre, language, sensational, sourcing
from .badge import badge
from .document import Document
from .readability import READABILITY_LANGUAGES, readability
from .readability import warm_up as readability_warm_up
from .schema import MAX_EVIDENCE_ITEMS, SCHEMA_VERSION, AnalyzeRequest

# Languages that framing or sourcing has rules for; the report's `language.supported`.
SUPPORTED_LANGUAGES = sensational.LANGUAGES | sourcing.LANGUAGES
# The evidence lists that schema.MAX_EVIDENCE_ITEMS bounds: the first items in text order are
# listed and the section says `truncated: true`; its scores and counts cover every item.
EVIDENCE_LISTS = {"sensational": ("evidence",), "contamination": ("spans",),
                  "sourcing": ("attributions", "sources", "hedges"), "genre": ("evidence",)}
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
    doc = Document(cleaned.text, lang["code"], cleaned.boilerplate, page.lines)

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
    for name, lists in EVIDENCE_LISTS.items():
        cap_evidence(report[name], lists)
    if req.text is None:
        report["text"] = doc.text
    if req.url is not None:
        report["url"] = req.url
    if req.id is not None:
        report["id"] = req.id
    return report


def cap_evidence(section: dict | None, lists: tuple[str, ...]) -> None:
    """Cut the section's evidence lists to MAX_EVIDENCE_ITEMS, marking it `truncated` if any was."""
    for field in lists:
        items = section.get(field) if section else None
        if items is not None and len(items) > MAX_EVIDENCE_ITEMS:
            section[field] = items[:MAX_EVIDENCE_ITEMS]
            section["truncated"] = True


# The small page `warm_up` analyses, and each server worker before it accepts (web/server.py):
# our own text, with the shapes a news page has (attributions, quotes, a hedge, a number, a menu
# line), so that it runs through every scorer's code and many of its lexicon entries.
WARM_UP_REQUEST = {
    "title": "Council approves the new bridge after a long debate",
    "text": "Home | News | Local\n"
    "The city council approved the new river bridge on Tuesday, the mayor said in a statement.\n"
    "\"This is the best news our town has had in years,\" said Lee Okafor, the council's chair."
    " Critics warned that the cost, estimated at $12 million, could rise sharply.\n"
    "According to officials familiar with the plan, work is expected to begin in spring and "
    "reportedly take two years. The transport minister told reporters the state would pay "
    "half of it, although the claim could not be independently verified.\n"
    "Residents were divided. Some called it a shocking waste of money; others said the old "
    "bridge was dangerous and had to be replaced before someone got hurt.\n"
    "Sign up for our newsletter. Share this article.\n",
}


# The page each server worker analyses through the app before it accepts (web/server.py): about
# 500 words of English news of our own (data/warm_up_en.txt), so that the worker, not its first
# reader, copies the pages shared with the master that an English page's words and code paths
# write to. A forked child's first seed-page analysis cost 1.5x the CPU of its later ones (median
# of 16 children) after WARM_UP_REQUEST, 1.2x after this page, 1.05x after the seed page itself.
WARM_UP_PAGE = {"title": "Harbour town votes to rebuild its flooded sea wall",
                "text": "\n".join(datafiles.lines(__package__, "warm_up_en.txt"))}

# The same page as HTML, which `warm_up` analyses too. On its first page trafilatura builds its
# settings and compiles the regexes of its XPath expressions' re:test() (about 20, 3 ms of CPU in
# all) as it reaches them: every element here has a class, and none names the article, so it tries
# them all.
_WARM_UP_LINES = WARM_UP_REQUEST["text"].splitlines()
WARM_UP_HTML = {"html": (
    f'<html><head><title>{WARM_UP_REQUEST["title"]}</title>'
    f'<meta property="og:title" content="{WARM_UP_REQUEST["title"]}"></head><body>'
    f'<div class="menu">{_WARM_UP_LINES[0]}</div><div class="page"><h1 class="title">'
    f'{WARM_UP_REQUEST["title"]}</h1>'
    + "".join(f'<p class="line">{line}</p>' for line in _WARM_UP_LINES[1:-1])
    + f'</div><div class="bottom">{_WARM_UP_LINES[-1]}</div></body></html>')}


def freeze_loaded_heap() -> None:
    """Leave what is loaded so far (profiles, lexicons, models: millions of objects that live as
    long as the process) out of every later garbage collection. Each full collection would walk
    them all (a Dask worker spent half its CPU so: 44 -> 14 s for 600 pages), and in a forked
    process it writes to every page shared with the parent, which the kernel then copies (the
    gc.freeze documentation's advice for pre-fork servers)."""
    gc.collect()
    gc.freeze()


def warm_up() -> None:
    """Load what is otherwise loaded lazily (hyphenation dictionaries) and run one small analysis
    of a text and one of an HTML page (regex caches, trafilatura's first-page set-up), at
    start-up, before the first reader's request."""
    readability_warm_up()
    analyze(WARM_UP_REQUEST)
    # An HTML page ends with trafilatura's cache reset, which runs a full garbage collection:
    # over the whole loaded heap 50 ms of CPU at start, over the page's own objects when the heap
    # is frozen meanwhile (a server freezes it for good later: freeze_loaded_heap). A heap the
    # caller froze already stays as it is.
    frozen_by_us = gc.get_freeze_count() == 0
    if frozen_by_us:
        gc.freeze()
    try:
        analyze(WARM_UP_HTML)
    finally:
        if frozen_by_us:
            gc.unfreeze()
