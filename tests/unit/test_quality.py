"""Acceptance: the shared scorer on dumps of the seeds and of the 18 dev articles, with bounds.

The seeds were read while the extractors were written; the dev articles are the yardstick for
articles nobody has seen (see README, Measured quality).
"""
import json
import shutil
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from tests.conftest import ROOT, SHARED
from tui.cli import app

# What each figure measures, how, whether it is a fact, and when (issue 9), on both sets.
SEMANTICS = {"category_accuracy": 90, "kind_accuracy": 92, "status_accuracy": 92, "period_accuracy": 88}
SEED_BOUNDS = {
    "figure_recall": 95, "figure_precision": 95, "value_accuracy": 99, "subject_accuracy": 90,
    "company_recall": 95, "company_precision": 90, "alias_merge": 90, "cross_doc_merge": 100,
    "region_recall": 95, "region_parent_accuracy": 95, **SEMANTICS,
}
DEV_BOUNDS = {
    "subject_accuracy": 85, "company_recall": 90, "company_precision": 88, "region_recall": 92,
    "region_parent_accuracy": 90, "company_region_accuracy": 80, "alias_merge": 85,
    "cross_doc_merge": 100, "value_accuracy": 99, "figure_recall": 95, "figure_precision": 95,
    **SEMANTICS,
}
needs_shared = pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(),
                                  reason="../shared is not beside the clone")


def score(store_path, gold_dir, docs_dir, bounds, tmp_path) -> dict:
    """The scorer's JSON report for a dump of `store_path`, checked against `bounds`."""
    dump = tmp_path / "dump.json"
    dump.write_text(CliRunner().invoke(app, ["dump", "--store", str(store_path)]).stdout, encoding="utf-8")
    args = [sys.executable, str(SHARED / "eval" / "score.py"), str(dump), str(gold_dir),
            "--docs-dir", str(docs_dir), "--json", *[f"--min={k}={v}" for k, v in bounds.items()]]
    return json.loads(subprocess.run(args, capture_output=True, text=True).stdout)


@needs_shared
def test_seed_extraction_meets_acceptance_bounds(seeds_store_path, tmp_path):
    report = score(seeds_store_path, SHARED / "gold", ROOT / "seeds", SEED_BOUNDS, tmp_path)
    assert report["below"] == [], report["summary"]
    assert report["summary"]["docs"] == 3


@needs_shared
def test_dev_extraction_meets_acceptance_bounds(tmp_path):
    docs = tmp_path / "dev"
    docs.mkdir()
    for article in (SHARED / "dev").glob("*.txt"):
        shutil.copy(article, docs / article.name)
    store = tmp_path / "dev.json"
    assert CliRunner().invoke(app, ["build", str(docs), "--store", str(store)]).exit_code == 0
    report = score(store, SHARED / "dev", docs, DEV_BOUNDS, tmp_path)
    assert report["below"] == [], report["summary"]
    assert report["summary"]["docs"] == 18
