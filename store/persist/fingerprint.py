"""The fingerprint of what a store was built from: seeds, schema, and the extractor's code and data."""
from __future__ import annotations

import hashlib
from pathlib import Path

from . import tables
from .locations import bundled_seeds_dir

STORE_PACKAGE = Path(__file__).resolve().parent.parent
# What decides a stored extraction: the readers of article files, the extractors (code and data
# files, in every subfolder) and the record types. Queries, exports and the store file's own
# code do not change what is extracted, so editing them does not force a rebuild.
EXTRACTION_SOURCES = ("articles", "extract", "models.py")
SOURCE_SUFFIXES = {".py", ".json"}


def extractor_files() -> list[Path]:
    """Every code and data file that shapes an extraction, found recursively, in a stable order."""
    files: list[Path] = []
    for name in EXTRACTION_SOURCES:
        path = STORE_PACKAGE / name
        if path.is_file():
            files.append(path)
        else:
            files.extend(p for p in path.rglob("*") if p.suffix in SOURCE_SUFFIXES and p.is_file()
                         and "__pycache__" not in p.parts)
    return sorted(files, key=lambda p: p.relative_to(STORE_PACKAGE).as_posix())


def seeds_fingerprint() -> str:
    """Hash of the bundled seeds, the schema and the extractor's code and data files.

    Any change to one of them means the stored extraction is out of date, so it is rebuilt
    (keeping the user's own articles) the next time the store is opened.
    """
    h = hashlib.blake2b(f"schema={tables.SCHEMA_VERSION}".encode(), digest_size=16)
    seeds = sorted(bundled_seeds_dir().glob("*.txt"))
    for path in [*seeds, *extractor_files()]:
        # The path inside the package, not just the file name: two modules may share a name.
        name = path.name if path in seeds else path.relative_to(STORE_PACKAGE).as_posix()
        h.update(name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()
