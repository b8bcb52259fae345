"""jusText's stoplist of every language, loaded once, where a pre-forking server shares it.

trafilatura falls back to jusText on pages its own extractor finds little in (1 of 48 fixture
and scrapinghub pages), and with no language given it passes jusText the union of jusText's 100
stoplists (`trafilatura.external.JT_STOPLIST`, 154,000 words), built on first use: 0.37 s of CPU
and 13 MB kept in each server worker that meets such a page. jusText then lower-cases it anew on
every page (`justext.core.define_stoplist`, 0.16 s and 16 MB more, until trafilatura's
`reset_caches`, which we call after each extraction, drops it).

`share()` builds the lowered union once (0.12 s: each file lower-cased whole), gives it to
trafilatura as its JT_STOPLIST, and has `define_stoplist` hand that same set back: a worker only
reads it, so its pages stay shared with the master. It holds the words jusText would use
(tests/test_hyphenation.py checks it against trafilatura's and jusText's own construction).
"""

from __future__ import annotations

from importlib.resources import files

from justext import core as justext_core
from trafilatura import external as trafilatura_external


def _lowered_union() -> frozenset[str]:
    """The words of every jusText stoplist (one a line), lower-cased: `define_stoplist` of
    `jt_stoplist_init()`."""
    words: set[str] = set()
    for path in (files("justext") / "stoplists").iterdir():
        if path.name.endswith(".txt"):
            words.update(path.read_bytes().decode("utf8").lower().splitlines())
    return frozenset(words)


def share() -> None:
    """Install the shared stoplist in trafilatura and jusText (once; later calls do nothing)."""
    if getattr(justext_core.define_stoplist, "shared", None) is not None:
        return
    stoplist = _lowered_union()
    lower_case = justext_core.define_stoplist

    def define_stoplist(words):
        return stoplist if words is stoplist else lower_case(words)

    define_stoplist.shared = stoplist
    trafilatura_external.JT_STOPLIST = stoplist
    justext_core.define_stoplist = define_stoplist
