"""What the benchmark scripts share: where the bulk corpus is, a temporary input folder of bulk files (all of
them, or a sample in the corpus mix), CPU seconds and peak RSS of this process and its worker processes.

The bulk corpus (../shared/corpora/bulk/*.jsonl.gz: 62k Arabic + 21k English articles) is not part of a
fresh clone; `bulk_files` says so and the scripts exit cleanly.
"""

from __future__ import annotations

import contextlib
import gzip
import itertools
import os
import resource
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SHARED = Path(os.environ.get("AKHBAR_SHARED", REPO.parent / "shared"))
DEFAULT_BULK = SHARED / "corpora" / "bulk"


def bulk_files(bulk: Path = DEFAULT_BULK, names: list[str] | None = None) -> list[Path]:
    """The bulk files (optionally only those named), or [] with a message when the corpus is absent."""
    files = sorted(bulk.glob("*.jsonl.gz")) if bulk.is_dir() else []
    if names:
        files = [f for f in files if f.name in set(names)]
    if not files:
        print(f"bulk corpus not found at {bulk} (../shared is not part of a fresh clone); nothing to do.")
    return files


def _count_lines(path: Path) -> int:
    with gzip.open(path, "rb") as src:
        return sum(1 for _ in src)


def write_input(files: list[Path], dest: Path, limit: int = 0, per_file: bool = False) -> None:
    """Fill `dest` (an input folder for `iter_ingest_batches`) with the bulk files.

    limit 0: symlinks to the whole files. `per_file`: the first `limit` records of every file. Otherwise
    about `limit` records in all, in the corpus mix: from each file the first lines in proportion to its
    share of all records."""
    dest.mkdir(parents=True, exist_ok=True)
    if not limit:
        for f in files:
            (dest / f.name).symlink_to(f.resolve())
        return
    if per_file:
        takes = {f: limit for f in files}
    else:
        counts = {f: _count_lines(f) for f in files}
        total = sum(counts.values())
        takes = {f: max(1, round(limit * counts[f] / total)) for f in files}
    for f in files:
        with gzip.open(f, "rb") as src, gzip.open(dest / f.name, "wb", compresslevel=1) as dst:
            dst.writelines(itertools.islice(src, takes[f]))


@contextlib.contextmanager
def bulk_input(files: list[Path], limit: int = 0, per_file: bool = False,
               prefix: str = "akhbar-bench-") -> Iterator[Path]:
    """A temporary input folder (see `write_input`), removed afterwards."""
    tmp = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        write_input(files, tmp / "in", limit, per_file)
        yield tmp / "in"
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


# ------------------------------------------------------------------------------------------------ resources
def _descendants():
    import psutil

    try:
        return psutil.Process().children(recursive=True)
    except psutil.Error:
        return []


def cpu_seconds() -> float:
    """CPU seconds (user + system) of this process, its reaped children (forked workers that have exited)
    and its live descendants (a worker pool kept alive). On a busy shared machine this, not the wall
    clock, measures our own work."""
    import psutil

    t = os.times()
    total = t.user + t.system + t.children_user + t.children_system
    for p in _descendants():
        with contextlib.suppress(psutil.Error):
            c = p.cpu_times()
            total += c.user + c.system
    return total


def peak_rss_mb() -> float:
    """Peak RSS of this process (ru_maxrss, KiB on Linux), in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def tree_rss_mb() -> float:
    """Memory of this process plus its live descendants, in MB: the sum of their PSS (shared pages split
    between the processes that share them, so a model inherited by forked workers counts once), or of their
    RSS where PSS cannot be read."""
    import psutil

    def one(p) -> int:
        try:
            return p.memory_full_info().pss
        except (psutil.Error, AttributeError):
            return p.memory_info().rss

    total = one(psutil.Process())
    for p in _descendants():
        with contextlib.suppress(psutil.Error):
            total += one(p)
    return total / 2**20


class PeakRss:
    """Samples `tree_rss_mb` (this process and its descendants) every `every` seconds (`with PeakRss() as p:`,
    then `p.peak_mb`); worker processes count, which ru_maxrss of this process alone does not see."""

    def __init__(self, every: float = 0.2):
        self.peak_mb = 0.0
        self._every = every
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            with contextlib.suppress(Exception):
                self.peak_mb = max(self.peak_mb, tree_rss_mb())
            time.sleep(self._every)

    def __enter__(self) -> PeakRss:
        self._t.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._t.join()
        with contextlib.suppress(Exception):
            self.peak_mb = max(self.peak_mb, tree_rss_mb())


def load_note() -> str:
    return f"load average (1 min) {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (other work slows wall time)"
