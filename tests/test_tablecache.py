"""Tables kept between starts are the ones built, and a stale or broken cache is rebuilt."""

from __future__ import annotations

import pyphen

from newsbadge import tablecache
from newsbadge.hyphenation import CompactHyphDict


def test_a_table_is_built_once_then_read_until_its_source_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSBADGE_CACHE_DIR", str(tmp_path / "cache"))
    source = tmp_path / "source.txt"
    source.write_text("one")
    builds = []

    def build():
        builds.append(source.read_text())
        return {"words": source.read_text().split(), "shared": (1, 2)}

    first = tablecache.cached("words", [source], build)
    assert tablecache.cached("words", [source], build) == first and len(builds) == 1
    source.write_text("one two")
    assert tablecache.cached("words", [source], build)["words"] == ["one", "two"]
    assert len(builds) == 2


def test_a_broken_cache_file_or_caching_off_builds_the_table(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSBADGE_CACHE_DIR", str(tmp_path))
    (tmp_path / "words.marshal").write_bytes(b"not marshal")
    assert tablecache.cached("words", [], lambda: [1]) == [1]
    monkeypatch.setenv("NEWSBADGE_CACHE_DIR", "off")
    assert tablecache.cached("words", [], lambda: [2]) == [2]


def test_an_unwritable_cache_directory_still_gives_the_table(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("NEWSBADGE_CACHE_DIR", str(blocker / "cache"))
    assert tablecache.cached("words", [], lambda: [3]) == [3]


def test_hyphenation_read_from_the_cache_is_pyphens(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSBADGE_CACHE_DIR", str(tmp_path))
    path = pyphen.LANGUAGES[pyphen.language_fallback("hu")]  # has nonstandard hyphenation
    built, read = CompactHyphDict(path), CompactHyphDict(path)
    original = pyphen.HyphDict(path)
    assert list(read.patterns.items()) == list(original.patterns.items())
    alternative = [v for _, values in read.patterns.values() for v in values
                   if isinstance(v, pyphen.DataInt)]
    assert alternative and all(v.data for v in alternative)
    assert [v.data for _, values in built.patterns.values() for v in values
            if isinstance(v, pyphen.DataInt)] == [v.data for v in alternative]
    assert read.positions("asszonnyal") == original.positions("asszonnyal")
