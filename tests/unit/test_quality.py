"""Acceptance: the shared scorer on a dump of the seeds store, with the issue's bounds."""
import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from tests.conftest import ROOT, SHARED
from tui.cli import app

BOUNDS = {
    "figure_recall": 95, "figure_precision": 95, "value_accuracy": 99, "subject_accuracy": 90,
    "company_recall": 95, "company_precision": 90, "alias_merge": 90, "cross_doc_merge": 100,
    "region_recall": 95, "region_parent_accuracy": 95,
}


@pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(), reason="../shared is not beside the clone")
def test_seed_extraction_meets_acceptance_bounds(seeds_store_path, tmp_path):
    dump = tmp_path / "dump.json"
    result = CliRunner().invoke(app, ["dump", "--store", str(seeds_store_path)])
    dump.write_text(result.stdout, encoding="utf-8")
    args = [sys.executable, str(SHARED / "eval" / "score.py"), str(dump), str(SHARED / "gold"),
            "--docs-dir", str(ROOT / "seeds"), "--json"]
    args += [f"--min={k}={v}" for k, v in BOUNDS.items()]
    run = subprocess.run(args, capture_output=True, text=True)
    report = json.loads(run.stdout)
    assert report["below"] == [], report["summary"]
    assert report["summary"]["docs"] == 3
