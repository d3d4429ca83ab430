"""Run the per-document part of the pipeline over many documents in a process pool, in order.

Workers come from a "forkserver" context (a "spawn" one where there is no forkserver): the
explorer builds from a worker thread, and forking a threaded process can copy a lock held by
another thread. Documents travel in chunks so each round trip carries enough work; the
parent keeps each document and gets back only what was extracted from it.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Iterator

from ..models import Document

IN_PROCESS_BELOW = 8  # fewer documents to work on: starting workers costs more than it saves
CHUNKS_PER_WORKER = 8  # small enough that progress moves, big enough to keep pickling cheap
MAX_CHUNK = 16


@contextmanager
def paused_gc():
    """Pause the cyclic garbage collector while extractions pile up, then let it run as before.

    Extraction and assembly make no reference cycles (everything they drop is freed at once), so
    the collector would only walk the ever larger heap of results again and again: in a build's
    parent that was 40% of receiving and assembling 1,000 articles. The objects made meanwhile
    go straight to the oldest generation afterwards (freeze, then unfreeze: two list splices),
    so the next young collection does not walk them all either."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.unfreeze()
        if enabled:
            gc.enable()


def _context():
    """The start method for workers: forkserver where the platform has it, else spawn."""
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if "forkserver" in methods:
        ctx.set_forkserver_preload(["store.extract.pipeline"])  # imported once, before the forks
    return ctx


def _work(items: list) -> list:
    """Extract and attribute each (document, cached extraction or None); documents not sent back."""
    from .pipeline import extract_and_attribute
    out = []
    with paused_gc():
        for doc, cached in items:
            ex, figures = extract_and_attribute(doc, cached)
            ex.doc = None  # the parent has it
            out.append((ex, figures))
    return out


def _chunks(items: list, workers: int) -> list[list]:
    """Consecutive slices of `items`, several per worker."""
    size = max(1, min(MAX_CHUNK, len(items) // (workers * CHUNKS_PER_WORKER) or 1))
    return [items[i:i + size] for i in range(0, len(items), size)]


def map_documents(documents: list[Document], cached: dict, workers: int | None = None) -> Iterator[tuple]:
    """(document, (extraction, provisional figures)) for each document, in input order."""
    workers = workers or os.cpu_count() or 1
    items = [(doc, cached.get(doc.id)) for doc in documents]
    fresh = sum(1 for _, c in items if c is None)
    if workers < 2 or len(items) < 2 or fresh + len(items) // 4 < IN_PROCESS_BELOW:
        yield from _in_process(items)
        return
    chunks = _chunks(items, workers)
    pool = None
    try:
        pool = ProcessPoolExecutor(max_workers=min(workers, len(chunks)), mp_context=_context())
        results = pool.map(_work, chunks)
    except (OSError, NotImplementedError):  # no process support here (no semaphores, a sandbox)
        if pool is not None:
            pool.shutdown(cancel_futures=True)
        yield from _in_process(items)
        return
    try:
        for chunk, done in zip(chunks, results):
            for (doc, _), (ex, figures) in zip(chunk, done):
                ex.doc = doc
                yield doc, (ex, figures)
    finally:  # also when the caller stops early (an error in its progress callback)
        pool.shutdown(cancel_futures=True)


def _in_process(items: list) -> Iterator[tuple]:
    """The same map in this process."""
    from .pipeline import extract_and_attribute
    for doc, cached in items:
        yield doc, extract_and_attribute(doc, cached)
