"""A store built, as `mfg-explore build` builds it, from short articles written for a test."""
from __future__ import annotations

import shutil
from pathlib import Path

from store.persist.build import build


def build_articles(folder: Path, articles: dict[str, str], store_name: str = "store.json") -> Path:
    """Write each {file name: text} into `folder`, build a store of them there, and return its path."""
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    path = folder / store_name
    report = build(path, [folder / name for name in articles])
    assert not report.errors, report.errors
    return path


def copy_store(source: Path, target: Path) -> Path:
    """Copy a store as a user must: the store file and its `STORE.d` folder of parts beside it."""
    shutil.copy(source, target)
    parts = source.with_name(source.name + ".d")
    if parts.is_dir():
        shutil.copytree(parts, target.with_name(target.name + ".d"))
    return target
