"""Tables built from libraries' data files, kept in a cache file from one start to the next.

The server's start was mostly spent building the same tables from the same files every time:
pyphen's ten hyphenation dictionaries (1.1 s of CPU), langdetect's 55 profiles (0.4 s) and the
CMU syllable counts (0.2 s). `cached` builds a table once and writes it with `marshal` (Python's
own format for plain values: loading the hyphenation tables takes 0.1 s); later starts read it.

A cache file is used only when its key matches: the source files' paths, sizes and modification
times, the source of the module that builds the table, and the Python version. Anything else
(missing, stale, unreadable, unwritable) builds the table as before, so the tables are always
the libraries' own (tests/test_hyphenation.py). The directory is NEWSBADGE_CACHE_DIR, else
$XDG_CACHE_HOME/newsbadge, else ~/.cache/newsbadge; NEWSBADGE_CACHE_DIR=off turns it off. It is
as trusted as the installed packages: whoever can write there can change the tables.
"""

from __future__ import annotations

import hashlib
import inspect
import marshal
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
# marshal's format version (4: shared objects, such as pyphen's value tuples, stay shared).
MARSHAL_VERSION = 4


def cache_dir() -> Path | None:
    """Where tables are kept, or None when caching is off."""
    configured = os.environ.get("NEWSBADGE_CACHE_DIR", "")
    if configured.lower() == "off":
        return None
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "newsbadge"


def cached(name: str, sources: list[Path], build: Callable[[], T]) -> T:
    """`build()`, or the value it returned when the same sources were last read (see above).
    The value must be one `marshal` writes: plain containers of str, bytes, int, float, None."""
    directory = cache_dir()
    if directory is None:
        return build()
    key = _key(sources, build)
    path = directory / f"{name}.marshal"
    try:
        stored_key, value = marshal.loads(path.read_bytes())
        if stored_key == key:
            return value
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value = build()
    _write(path, (key, value))
    return value


def _key(sources: list[Path], build: Callable) -> tuple:
    source = inspect.getsourcefile(build)  # None when installed without sources: its bytecode
    code = Path(source).read_bytes() if source else marshal.dumps(build.__code__)
    files = tuple((str(p), stat.st_size, stat.st_mtime_ns)
                  for p, stat in ((p, p.stat()) for p in sources))
    return (sys.version, hashlib.sha256(code).hexdigest(), files)


def _write(path: Path, stored: tuple) -> None:
    """Write atomically (a reader never sees half a file); a directory we cannot write is
    skipped, the table having been built anyway."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        descriptor, partial = tempfile.mkstemp(dir=path.parent, prefix=path.name)
    except OSError:
        return
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(marshal.dumps(stored, MARSHAL_VERSION))
        os.replace(partial, path)
    except OSError:
        Path(partial).unlink(missing_ok=True)
