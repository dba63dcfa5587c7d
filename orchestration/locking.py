"""One run at a time: an exclusive, non-blocking `fcntl.flock` on the lock files of the paths a run writes.

A second run (CLI, sensor or schedule) that finds a lock held refuses at once with a clear message naming the
holder; it does not wait. The operating system releases a lock when its process dies, so a crashed or killed
run never leaves a stale lock behind. Locks are re-entrant within one process (the CLI takes them before
starting Dagster, and the run's `run_lock` resource takes them again).
"""

from __future__ import annotations

import fcntl
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

_held: dict[Path, tuple[int, int]] = {}  # path -> (fd, depth)
_mutex = threading.Lock()


class RunInProgressError(RuntimeError):
    """Another akhbar run holds the lock on the same data."""


def _holder(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8").strip()
    except OSError:
        text = ""
    return text or "unknown process"


def _acquire(path: Path) -> None:
    with _mutex:
        if path in _held:
            fd, depth = _held[path]
            _held[path] = (fd, depth + 1)
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise RunInProgressError(
                f"another akhbar run is in progress ({_holder(path)}; lock {path}). "
                "Wait for it to finish and run again."
            ) from None
        os.ftruncate(fd, 0)
        os.write(fd, f"pid {os.getpid()}, started {datetime.now(UTC):%Y-%m-%d %H:%M:%S} UTC".encode())
        _held[path] = (fd, 1)


def _release(path: Path) -> None:
    with _mutex:
        fd, depth = _held[path]
        if depth > 1:
            _held[path] = (fd, depth - 1)
            return
        del _held[path]
        try:
            os.ftruncate(fd, 0)
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)


@contextmanager
def run_lock(lock_files: tuple[Path, ...]) -> Iterator[None]:
    """Hold every lock file for the duration of the block, or raise RunInProgressError at once."""
    taken: list[Path] = []
    try:
        for path in sorted(lock_files):
            _acquire(path)
            taken.append(path)
        yield
    finally:
        for path in reversed(taken):
            _release(path)


def is_locked(lock_files: tuple[Path, ...]) -> bool:
    """True when another process (or this one) holds any of the locks right now."""
    for path in lock_files:
        if path in _held:
            return True
        if not path.exists():
            continue
        fd = os.open(path, os.O_RDWR)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        else:
            fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)
    return False
