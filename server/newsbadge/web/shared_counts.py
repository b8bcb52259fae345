"""Rate-limit counts shared by the workers of one server, with no extra service (issue 16).

A `limits` storage, scheme `workers://`: a table of fixed-window counters in a shared memory map
of an unlinked temporary file, locked with a POSIX record lock on that file. Both are made when
the app is created, which a preloading gunicorn does in its master, so every forked worker maps
the same table. A record lock belongs to the process that takes it, so workers exclude each
other, and the kernel drops it when a worker dies holding it (one killed on timeout does not
stop the others); a threading lock adds the same between the threads of one worker.

Only what the fixed-window strategy calls is kept (security.py uses no other). Counters live
in SLOTS slots found by a digest of the key, PROBES tried in turn; when all of those are taken
by live windows, the one that ends first is given up. Several machines need Redis instead
(NEWSBADGE_RATE_LIMIT_STORAGE=redis://...).
"""

from __future__ import annotations

import fcntl
import hashlib
import mmap
import struct
import tempfile
import threading
import time
from contextlib import contextmanager

from limits.storage import Storage

# One slot: the key's digest (16 bytes), the window's end (epoch seconds), the count.
SLOT = struct.Struct("16sdq")
# 8,192 slots (256 KB): room for 8,192 clients counted at once in one window.
SLOTS = 8_192
PROBES = 8
EMPTY = b"\0" * 16


class WorkerSharedStorage(Storage):
    STORAGE_SCHEME = ["workers"]

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, **options):
        super().__init__(uri, wrap_exceptions, **options)
        self._file = tempfile.TemporaryFile(prefix="newsbadge-rate-")  # noqa: SIM115
        self._file.truncate(SLOT.size * SLOTS)
        self._table = mmap.mmap(self._file.fileno(), SLOT.size * SLOTS)
        self._thread_lock = threading.Lock()

    @property
    def base_exceptions(self):
        return OSError

    @contextmanager
    def _locked(self):
        with self._thread_lock:
            fcntl.lockf(self._file, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.lockf(self._file, fcntl.LOCK_UN)

    def _read(self, slot: int) -> tuple[bytes, float, int]:
        return SLOT.unpack_from(self._table, slot * SLOT.size)

    def _write(self, slot: int, digest: bytes, ends: float, count: int) -> None:
        SLOT.pack_into(self._table, slot * SLOT.size, digest, ends, count)

    def _find(self, digest: bytes, now: float) -> tuple[int, bool]:
        """(slot, whether it holds the key's live window): the key's slot, else the slot to
        take for it (free or expired, else the live window that ends first)."""
        first = int.from_bytes(digest[:4], "little") % SLOTS
        candidates = [(first + i) % SLOTS for i in range(PROBES)]
        rows = [self._read(slot) for slot in candidates]
        for slot, (held, ends, _) in zip(candidates, rows, strict=True):
            if held == digest and ends > now:
                return slot, True
        return min(zip(candidates, rows, strict=True),
                   key=lambda item: item[1][1] if item[1][0] != EMPTY else -1.0)[0], False

    def _lookup(self, key: str) -> tuple[float, int] | None:
        now = time.time()
        with self._locked():
            slot, live = self._find(_digest(key), now)
            return self._read(slot)[1:] if live else None

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        digest, now = _digest(key), time.time()
        with self._locked():
            slot, live = self._find(digest, now)
            _, ends, count = self._read(slot) if live else (digest, now + expiry, 0)
            self._write(slot, digest, ends, count + amount)
        return count + amount

    def get(self, key: str) -> int:
        found = self._lookup(key)
        return found[1] if found else 0

    def get_expiry(self, key: str) -> float:
        found = self._lookup(key)
        return found[0] if found else time.time()

    def check(self) -> bool:
        return True

    def reset(self) -> int | None:
        with self._locked():
            self._table[:] = b"\0" * len(self._table)
        return None

    def clear(self, key: str) -> None:
        digest = _digest(key)
        with self._locked():
            slot, live = self._find(digest, time.time())
            if live:
                self._write(slot, EMPTY, 0.0, 0)


def _digest(key: str) -> bytes:
    return hashlib.blake2b(key.encode(), digest_size=16).digest()
