"""Run a per-article extraction stage over chunks of articles in a pool of worker processes.

The extraction stages (`extract_statements`, `extract_events`, `extract_event_mentions`) are pure
functions of frames in which every article is handled on its own: the result for a set of articles is the
union of the results for its parts. `map_by_article` cuts `documents` into contiguous chunks (in row
order, of about equal text length), gives each chunk the rows of the other frames that belong to its
articles (a frame with an `article_id` column is filtered; a frame without one, such as `actors`, is passed
whole), runs the stage on the chunks in `n_process` workers and combines the results in chunk order
(concatenation, or the stage's own merge: events are clustered once over all parts).
Ids are content-derived, so the rows are the same as a serial run's; the thin wrappers below restore the
serial row order and de-duplicate what the serial function de-duplicates.

Workers are started with the `forkserver` method, not `fork`: Polars keeps a thread pool, and a forked child
of a process that has used it hangs at its first Polars operation (seen here with Polars 2.1). The
forkserver imports the transforms modules once; each worker loads the reference data (lexicon, verb tables,
codebook) once when it starts and the pool is kept for the life of the process, so later calls pay neither.
Small inputs (fewer than `min_articles` articles) and `n_process <= 1` run serially in this process.
`get_pool(n)` is the pool itself, for a stage that cuts its own chunks (`extract_actors`).

    from transforms.parallel import extract_statements_parallel, extract_events_with_agents_parallel
    statements = extract_statements_parallel(docs, sents, mentions, actors, n_process=2)
    events, agent_actors = extract_events_with_agents_parallel(docs, sents, mentions, actors, n_process=2)
"""

from __future__ import annotations

import atexit
import importlib
import multiprocessing as mp
import sys
from collections.abc import Callable
from typing import Any

import polars as pl

MIN_ARTICLES = 400  # below this a pool costs more than it saves
CHUNKS_PER_PROCESS = 4  # several chunks per worker even out long and short articles

# modules the forkserver imports once (the workers fork from it) and reference data each worker loads once
_PRELOAD = ["polars", "transforms.actors", "transforms.statements", "transforms.events"]
_WARM = [
    ("transforms.actors", "load_lexicon", ()),
    ("transforms.statements", "load_speech_verbs", ()),
    ("transforms.events", "load_codebook", ()),
    ("transforms.events", "load_rules", ("en",)),
    ("transforms.events", "load_rules", ("ar",)),
    ("transforms.events", "load_agents", ("en",)),
    ("transforms.events", "load_agents", ("ar",)),
    ("transforms.events", "load_exclusions", ("en",)),
    ("transforms.events", "load_exclusions", ("ar",)),
    ("transforms.events", "_agents_lexicon", ()),
]

_POOL: Any = None
_POOL_SIZE = 0


def _warm_worker() -> None:
    """Pool initializer: load the reference data the stages use (a missing loader is skipped)."""
    for module, name, args in _WARM:
        try:
            getattr(importlib.import_module(module), name)(*args)
        except Exception:  # warming is an optimisation: the stage loads what it needs itself
            pass


def get_pool(n_process: int):
    """The shared worker pool with `n_process` workers (created on first use, kept until exit)."""
    global _POOL, _POOL_SIZE
    if _POOL is not None and _POOL_SIZE == n_process:
        return _POOL
    shutdown_pool()
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(_PRELOAD)
    # a forkserver/spawn child re-runs the caller's main script unless it is hidden while the workers start
    # (a benchmark or `python -c` without a __main__ guard would start pools recursively); the workers
    # only run module-level transforms functions, so they do not need it
    main = sys.modules.get("__main__")
    saved = {k: main.__dict__.pop(k) for k in ("__file__",) if main is not None and k in main.__dict__}
    spec = getattr(main, "__spec__", None)
    try:
        if main is not None:
            main.__spec__ = None
        _POOL = ctx.Pool(n_process, initializer=_warm_worker)
    finally:
        if main is not None:
            main.__dict__.update(saved)
            main.__spec__ = spec
    _POOL_SIZE = n_process
    return _POOL


def shutdown_pool() -> None:
    """Stop the shared pool (it is also stopped at interpreter exit)."""
    global _POOL, _POOL_SIZE
    if _POOL is not None:
        _POOL.terminate()
        _POOL.join()
    _POOL, _POOL_SIZE = None, 0


atexit.register(shutdown_pool)


def chunk_bounds(documents: pl.DataFrame, n_chunks: int) -> list[tuple[int, int]]:
    """Row ranges [a, b) of `documents` cut into at most `n_chunks` contiguous chunks of about equal text
    length (the work of a stage grows with the text). All rows of one article_id stay in one chunk."""
    n = documents.height
    if n == 0:
        return []
    lengths = documents["body_text"].str.len_chars().fill_null(0).to_list()
    ids = documents["article_id"].to_list()
    total = sum(lengths) + n  # +1 per article: empty bodies still count
    target = total / max(1, n_chunks)
    bounds, start, acc = [], 0, 0
    for i, ln in enumerate(lengths):
        acc += ln + 1
        if acc >= target * (len(bounds) + 1) and i + 1 < n and ids[i + 1] != ids[i] and len(bounds) < n_chunks - 1:
            bounds.append((start, i + 1))
            start = i + 1
    bounds.append((start, n))
    return bounds


def _run_chunk(job: tuple) -> Any:
    fn, frames, kwargs = job
    return fn(*frames, **kwargs)


def _concat(parts: list[Any]) -> Any:
    if len(parts) == 1:
        return parts[0]
    if isinstance(parts[0], tuple):
        return tuple(_concat([p[k] for p in parts]) for k in range(len(parts[0])))
    non_empty = [p for p in parts if not p.is_empty()]
    return pl.concat(non_empty, how="vertical") if non_empty else parts[0]


def map_by_article(
    fn: Callable[..., Any],
    n_process: int,
    documents: pl.DataFrame,
    sentences: pl.DataFrame,
    *frames: pl.DataFrame,
    min_articles: int = MIN_ARTICLES,
    chunks_per_process: int = CHUNKS_PER_PROCESS,
    combine: Callable[[list[Any]], Any] | None = None,
    **kwargs: Any,
) -> Any:
    """`fn(documents, sentences, *frames, **kwargs)` computed chunk by chunk in `n_process` workers.

    `fn` must be a module-level function (workers import it by name) that handles every article on its own
    and returns a DataFrame or a tuple of DataFrames. Each chunk gets its documents, the rows of `sentences`
    and of every other frame with an `article_id` column that belong to them, and frames without that
    column whole. The chunk results, in chunk (= documents row) order, go to `combine` (default: concatenate
    them, frame by frame); per-article row order is the serial one; de-duplicate or sort across articles as
    the serial function does (see the wrappers). On the serial path `combine` gets the one whole result.
    Runs `fn` directly when `n_process <= 1`, there are fewer than `min_articles` documents, or an
    article_id occurs twice in `documents` (its rows could not be given to one chunk)."""
    combine = combine or _concat
    if n_process <= 1 or documents.height < max(min_articles, 2) or documents["article_id"].is_duplicated().any():
        return combine([fn(documents, sentences, *frames, **kwargs)])
    bounds = chunk_bounds(documents, n_process * chunks_per_process)
    if len(bounds) < 2:
        return combine([fn(documents, sentences, *frames, **kwargs)])
    all_frames = (sentences, *frames)
    chunk_of = pl.DataFrame({
        "article_id": documents["article_id"],
        "_chunk": pl.Series([k for k, (a, b) in enumerate(bounds) for _ in range(a, b)], dtype=pl.UInt32),
    }).unique("article_id", keep="first")
    split: list[list[pl.DataFrame] | None] = []
    for f in all_frames:
        if f is not None and "article_id" in f.columns:
            tagged = f.join(chunk_of, on="article_id", how="left", maintain_order="left")
            parts = {k[0]: g.drop("_chunk") for k, g in tagged.group_by("_chunk", maintain_order=True)}
            empty = f.clear()
            split.append([parts.get(k, empty) for k in range(len(bounds))])
        else:
            split.append(None)
    jobs = []
    for k, (a, b) in enumerate(bounds):
        chunk_frames = [documents.slice(a, b - a)]
        chunk_frames += [f if s is None else s[k] for f, s in zip(all_frames, split, strict=True)]
        jobs.append((fn, chunk_frames, kwargs))
    return combine(get_pool(n_process).map(_run_chunk, jobs, chunksize=1))


# ------------------------------------------------------------------------------------------- the stages
def extract_statements_parallel(documents: pl.DataFrame, sentences: pl.DataFrame, mentions: pl.DataFrame,
                                actors: pl.DataFrame, *, n_process: int = 2,
                                min_articles: int = MIN_ARTICLES) -> pl.DataFrame:
    """`transforms.statements.extract_statements` over `n_process` workers; same rows, same order."""
    from transforms.statements import extract_statements

    out = map_by_article(extract_statements, n_process, documents, sentences, mentions, actors,
                         min_articles=min_articles)
    return out.unique("statement_id", keep="first", maintain_order=True)


def _events_order(events: pl.DataFrame) -> pl.DataFrame:
    # the serial pass walks sentences sorted by (article_id, sentence_index); a stable sort keeps the
    # order of the events of one sentence
    return events.sort(["article_id", "sentence_index"], maintain_order=True, nulls_last=True)


def extract_events_with_agents_parallel(documents: pl.DataFrame, sentences: pl.DataFrame,
                                        mentions: pl.DataFrame, actors: pl.DataFrame, *, n_process: int = 2,
                                        min_articles: int = MIN_ARTICLES) -> tuple[pl.DataFrame, pl.DataFrame]:
    """`transforms.events.extract_events_with_agents` over `n_process` workers: the per-article part
    (`extract_event_mentions`) in the workers, then `merge_event_parts` (agent rows once, clusters over
    all events) here. The same events, in the serial order, and the same agent actor rows, one per
    actor_id, sorted by actor_id on both paths (chunks meet them in another order than one pass does)."""
    from transforms.events import extract_event_mentions, merge_event_parts

    events, agents = map_by_article(extract_event_mentions, n_process, documents, sentences, mentions, actors,
                                    min_articles=min_articles,
                                    combine=lambda parts: merge_event_parts(parts, actors))
    return _events_order(events), agents.sort("actor_id")


def extract_events_parallel(documents: pl.DataFrame, sentences: pl.DataFrame, mentions: pl.DataFrame,
                            actors: pl.DataFrame, *, n_process: int = 2,
                            min_articles: int = MIN_ARTICLES) -> pl.DataFrame:
    """`transforms.events.extract_events` over `n_process` workers; same rows, in the serial order."""
    return extract_events_with_agents_parallel(documents, sentences, mentions, actors, n_process=n_process,
                                               min_articles=min_articles)[0]
