"""Shared fixtures: a seeds store built once per session into a temporary file."""
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def seeds_store_path(tmp_path_factory) -> Path:
    """A store file built from the bundled seeds (built once, read by many tests)."""
    from store.persist.build import build
    path = tmp_path_factory.mktemp("store") / "store.json"
    report = build(path)
    assert not report.errors
    return path


@pytest.fixture(scope="session")
def seeds_store(seeds_store_path):
    """The seeds store, loaded."""
    from store.query.api import Store
    return Store.open(seeds_store_path)
