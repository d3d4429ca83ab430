"""The pipeline's process pool: the same corpus as one process, in order, with progress per document."""
from __future__ import annotations

import threading
from dataclasses import asdict, replace
from pathlib import Path

import pytest

from store.articles import documents as readers
from store.extract import parallel
from store.extract.pipeline import extract, run

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parents[1] / "seeds"


@pytest.fixture(scope="module")
def documents():
    """The seeds and the articles written for the unit tests: enough to start the pool."""
    docs = readers.read_documents([SEEDS, HERE / "articles"]).documents
    assert len(docs) >= parallel.IN_PROCESS_BELOW
    return docs


@pytest.fixture(scope="module")
def serial(documents):
    """The corpus built in this process alone."""
    return run(documents, workers=1)


def table_rows(corpus) -> dict:
    """Every table of a corpus as lists of plain dicts, in the corpus's own order."""
    return {t: [asdict(x) for x in getattr(corpus, t)]
            for t in ("documents", "passages", "regions", "companies", "mentions", "figures")}


def test_the_pool_gives_what_one_process_gives_in_the_same_order(documents, serial):
    seen = []
    pooled = run(documents, progress=seen.append, workers=2)
    assert table_rows(pooled) == table_rows(serial)
    assert seen == documents  # once per document, in input order


def test_a_build_started_from_a_thread_uses_the_pool_safely(documents, serial):
    out = {}
    worker = threading.Thread(target=lambda: out.setdefault("corpus", run(documents, workers=2)))
    worker.start()
    worker.join(timeout=300)
    assert table_rows(out["corpus"]) == table_rows(serial)


def test_cached_extractions_are_used_not_made_again(documents):
    first = documents[0]
    stale = replace(extract(first), figure_hits=[])  # no real extraction gives this
    corpus = run(documents, cached={first.id: stale}, workers=2)
    assert not [f for f in corpus.figures if f.doc_id == first.id]
    assert [f for f in corpus.figures if f.doc_id == documents[1].id]


def test_a_failing_progress_callback_stops_the_build(documents):
    def progress(doc):
        raise RuntimeError("stop at " + doc.file)
    with pytest.raises(RuntimeError, match="stop at"):
        run(documents, progress=progress, workers=2)


def test_a_handful_of_documents_stays_in_this_process(documents, monkeypatch):
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", None)  # any use of the pool would fail
    corpus = run(documents[:3], workers=2)
    assert {d.id for d in corpus.documents} == {d.id for d in documents[:3]}


def test_without_process_support_the_build_runs_here(documents, serial, monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError(38, "Function not implemented")
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", refuse)
    assert table_rows(run(documents, workers=2)) == table_rows(serial)
