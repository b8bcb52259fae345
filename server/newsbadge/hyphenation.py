"""pyphen's hyphenation dictionaries, read fast and stored compactly, with pyphen's own answers.

Readability counts syllables with pyphen's hyphenation points, in ten languages. pyphen parses a
dictionary's patterns one by one in Python and keeps, for each, a tuple of its own: German and
Hungarian (66,000 and 105,000 patterns) took 1.3 s of CPU each, most of the server's start, and
the ten dictionaries 50 MB of its memory. Yet a pattern's values depend only on where its digits
stand ("a1b2c" and "x1y2z" have the same), and the 320,000 patterns have about 10,000 such
shapes. Here each shape is parsed once, by pyphen's rule, and its (offset, values) tuple shared
by every pattern of that shape; patterns with a nonstandard hyphenation ("/" and "=", 3,500 in
Hungarian) are parsed as pyphen parses them. The table is pyphen's, entry for entry (tested
against pyphen's `HyphDict` in tests/test_hyphenation.py), and pyphen's `positions` reads it.
Each table is kept between starts (newsbadge.tablecache): read back in 0.1 s for all ten.

pyphen also keeps every word it has hyphenated, for good: a server's memory grew with each new
word its pages brought (a numbered token per request added 1,300 entries, about 200 kB, per
2,000 requests; a worker lives for 10,000). Here that cache is bounded (`WordCache`).
"""

from __future__ import annotations

import re
from pathlib import Path

import pyphen

from . import tablecache

# A pattern's digits are what pyphen's parser, `re.findall(r"(\d?)(\D?)")`, reads as digits.
_DIGIT = re.compile(r"\d")
# Words whose hyphenation points a dictionary keeps: 720 bytes each (tracemalloc, 8,800 news
# words in German: the word, pyphen's list of points and their objects), so at most about 2 MB a
# dictionary. A word costs about 90 us to hyphenate and 2 us from the cache; 3,000 words are a
# language's common vocabulary, most of any page's words.
MAX_CACHED_WORDS = 3_000


class _Table(dict):
    """A `str.translate` table built as characters are met: `str.translate` runs in C, three
    times faster here than `re.sub`, and each character's entry is computed once."""

    def __init__(self, digit, other):
        super().__init__()
        self.digit, self.other = digit, other

    def __missing__(self, code: int):
        self[code] = self.digit(chr(code)) if _DIGIT.match(chr(code)) else self.other(chr(code))
        return self[code]


class WordCache(dict):
    """pyphen's word -> points cache, of at most MAX_CACHED_WORDS words: when full it starts over
    (no bookkeeping on a hit, as an LRU would need; the common words come back at once)."""

    def __setitem__(self, word: str, points: list) -> None:
        if len(self) >= MAX_CACHED_WORDS:
            self.clear()
        super().__setitem__(word, points)


class CompactHyphDict(pyphen.HyphDict):
    """A `pyphen.HyphDict` whose patterns share their value tuples and whose word cache is
    bounded; the same `positions`."""

    def __init__(self, path):
        self.patterns = _restored(tablecache.cached(
            f"hyphenation-{Path(path).name}", [Path(path)], lambda: _storable(_patterns(path))))
        self.cache = WordCache()
        self.maxlen = max(map(len, self.patterns))


def hyphenator(lang: str) -> pyphen.Pyphen:
    """pyphen's hyphenator for `lang` (as `Pyphen(lang=lang)`), on a compact dictionary."""
    path = pyphen.LANGUAGES[pyphen.language_fallback(lang)]
    if path not in pyphen.hdcache:
        pyphen.hdcache[path] = CompactHyphDict(path)
    return pyphen.Pyphen(lang=lang)


def _patterns(path) -> dict[str, tuple]:
    """pattern letters -> (offset, values), as `pyphen.HyphDict` builds its `patterns`."""
    with path.open("rb") as stream:
        encoding = stream.readline().decode()
    if encoding.lower() == "microsoft-cp1251":
        encoding = "cp1251"
    patterns: dict[str, tuple] = {}
    by_shape: dict[str, tuple | None] = {}
    shared: dict[tuple, tuple] = {}
    letters = _Table(digit=lambda _: None, other=lambda char: char)
    shapes = _Table(digit=lambda char: char, other=lambda _: ".")
    for line in path.read_text(encoding).split("\n")[1:]:
        pattern = line.strip()
        if not pattern or pattern.startswith(pyphen.ignored):
            continue
        if "^^" in pattern:
            pattern = pyphen.parse_hex(lambda match: chr(int(match.group(1), 16)), pattern)
        if "/" in pattern and "=" in pattern:
            pattern, alternative = pattern.split("/", 1)
            entry = _entry(pattern, pyphen.AlternativeParser(pattern, alternative))
        else:
            shape = pattern.translate(shapes)
            if shape not in by_shape:
                entry = _entry(shape, int)
                by_shape[shape] = entry and shared.setdefault(entry, entry)
            entry = by_shape[shape]
        if entry:
            patterns[pattern.translate(letters)] = entry
    return patterns


def _storable(patterns: dict[str, tuple]) -> tuple[dict, dict]:
    """The table as `marshal` writes it (newsbadge.tablecache): pyphen's values for nonstandard
    hyphenation (`DataInt`, an int carrying its change) as (value, data) pairs, apart."""
    alternatives = {letters: (offset, tuple((int(value), getattr(value, "data", None))
                                            for value in values))
                    for letters, (offset, values) in patterns.items()
                    if any(isinstance(value, pyphen.DataInt) for value in values)}
    plain = {letters: None if letters in alternatives else entry
             for letters, entry in patterns.items()}
    return plain, alternatives


def _restored(stored: tuple[dict, dict]) -> dict[str, tuple]:
    """`_storable`'s table back as `_patterns` built it (the same keys in the same order)."""
    patterns, alternatives = stored
    for letters, (offset, values) in alternatives.items():
        patterns[letters] = offset, tuple(
            value if data is None else pyphen.DataInt(value, data) for value, data in values)
    return patterns


def _entry(pattern: str, factory) -> tuple | None:
    """(offset of the first non-zero value, the values up to the last non-zero one), or None
    when all are zero: pyphen's `HyphDict.__init__` for one pattern."""
    values = tuple(factory(digit or "0") for digit, _ in pyphen.parse(pattern))
    if max(values) == 0:
        return None
    start, end = 0, len(values)
    while not values[start]:
        start += 1
    while not values[end - 1]:
        end -= 1
    return start, values[start:end]
