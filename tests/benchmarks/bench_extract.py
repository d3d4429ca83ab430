"""Benchmark: CPU per article of the per-document extraction (what each pool worker does).

Run: python -m tests.benchmarks.bench_extract [--rounds N] [--dev DIR] [--copies N] [--profile]
(prints ms per article, per stage and in all; asserts nothing)

Extracts each seed article (and each dev article when `--dev` names their folder, by default
../shared/dev when it exists) `--rounds` times in this process, after one warm-up round that
loads the extractors' data, timing each stage of `pipeline.extract_and_attribute` with the
process's CPU clock. With `--copies N` it extracts instead, once each, N altered copies of each
seed as `python -m tests.bench` writes them (firm and place names new in every copy, so nothing
remembered from one article is a hit in the next, as in a real archive), then times the
parent's assembly of those extractions (company merging, subjects settled, figure links).
`--profile` runs the same rounds under pyinstrument and prints its tree.
"""
from __future__ import annotations

import argparse
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from store.articles.documents import read_documents
from store.extract import pipeline
from store.extract.companies import find_companies
from store.extract.document import read_with_passages
from store.extract.figures import find_figures
from store.extract.parallel import paused_gc
from store.extract.regions import find_regions
from store.extract.subjects import attribute_subjects
from store.persist.build import bundled_seeds_dir

DEFAULT_DEV = Path(__file__).resolve().parents[3] / "shared" / "dev"


def documents(dev: Path | None) -> list:
    """The seed articles, then the dev articles when their folder exists."""
    docs = read_documents([bundled_seeds_dir()]).documents
    if dev and dev.is_dir():
        docs += read_documents([dev], "*.txt").documents
    return docs


def altered_copies(copies: int) -> list:
    """`copies` altered copies of each seed, as the build harness makes them."""
    from store.persist.build import build
    from store.query.api import Store
    from tests.bench.corpus import write_corpus
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        build(work / "seeds.json")
        write_corpus(work / "corpus", copies, Store.open(work / "seeds.json"))
        return read_documents([work / "corpus"]).documents


def staged(doc, clock: dict) -> tuple:
    """`extract_and_attribute` for one document, stage by stage, adding each stage's CPU to `clock`."""
    t = time.process_time()

    def lap(stage: str) -> None:
        nonlocal t
        now = time.process_time()
        clock[stage] += now - t
        t = now

    model, passages = read_with_passages(doc)
    lap("document model + passages")
    region_hits, regions = find_regions(model)
    lap("places")
    company_hits = find_companies(model, region_hits, regions)
    lap("companies")
    figure_hits = find_figures(model)
    lap("figures")
    ex = pipeline.Extraction(doc, passages, region_hits, regions, company_hits, figure_hits)
    group = pipeline.local_groups(ex)
    mentions = pipeline.local_mentions(ex, lambda n: pipeline.PROVISIONAL + group[n])
    figures = attribute_subjects(ex, mentions, ex.regions, model)
    lap("subjects")
    return ex, figures


def main() -> None:
    """Print ms of CPU per article, per stage and in all."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--dev", type=Path, default=DEFAULT_DEV)
    parser.add_argument("--copies", type=int, default=0)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    docs = documents(args.dev)
    t0 = time.process_time()
    for doc in docs:
        pipeline.extract_and_attribute(doc)
    print(f"warm-up (loads the extractors' data): {time.process_time() - t0:.2f} s CPU over {len(docs)} articles")
    if args.copies:
        docs, args.rounds = altered_copies(args.copies), 1
    if args.profile:
        from pyinstrument import Profiler
        with Profiler(interval=0.0005) as profiler:
            for _ in range(args.rounds):
                for doc in docs:
                    pipeline.extract_and_attribute(doc)
        print(profiler.output_text(unicode=True, color=False, show_all=False))
        return
    clock: dict[str, float] = defaultdict(float)
    for _ in range(args.rounds):
        done = [staged(doc, clock) for doc in docs]
    runs = args.rounds * len(docs)
    total = sum(clock.values())
    assembly = None
    if args.copies:  # the parent's part of a build: merging names, settling subjects, linking figures
        with paused_gc():
            t = time.process_time()
            pipeline.assemble([ex for ex, _ in done], {ex.doc.id: figures for ex, figures in done})
            assembly = time.process_time() - t
    kb = sum(len(d.text) for d in docs) / len(docs) / 1000
    print(f"{len(docs)} articles (mean {kb:.1f} k chars) x {args.rounds} rounds")
    for stage, spent in clock.items():
        print(f"  {stage:<28} {1000 * spent / runs:7.2f} ms/article  {100 * spent / total:5.1f}%")
    print(f"  {'extraction':<28} {1000 * total / runs:7.2f} ms/article  ({runs / total:.1f} articles/s on one core)")
    if assembly is not None:
        print(f"  {'assembly (in the parent)':<28} {1000 * assembly / runs:7.2f} ms/article")


if __name__ == "__main__":
    main()
