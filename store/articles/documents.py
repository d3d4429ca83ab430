"""Read articles of every supported format into Documents, one clear error per unusable file."""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..models import Document
from .files import FORMATS, STDIN, SUPPORTED, collect, path_problem
from .parsed import Parsed, document_id, to_document

__all__ = ["MAX_BYTES", "Reading", "document_id", "read_bytes", "read_document", "read_documents"]

MAX_BYTES = 20 * 1024 * 1024
STDIN_NAME = "<stdin>"


def sniff(raw: bytes) -> str:
    """The format of content that comes without a file name (standard input)."""
    head = raw[:1024].lstrip().lower()
    if raw.startswith(b"%PDF-"):
        return "pdf"
    if raw.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head:
        return "html"
    return "txt"


def parse(raw: bytes, name: str, fmt: str) -> Parsed:
    """The reader of `fmt` applied to `raw` (readers load their libraries only when used)."""
    if fmt in ("txt", "md"):
        from .plain import read_plain
        return read_plain(raw, name, markdown=fmt == "md")
    if fmt == "html":
        from .web import read_web
        return read_web(raw, name)
    if fmt == "pdf":
        from .pdf import read_pdf
        return read_pdf(raw, name)
    from .word import read_word
    return read_word(raw, name)


def read_bytes(raw: bytes, name: str, fmt: str) -> Document:
    """A Document from a file's bytes; InputError with a one-line reason when it is unusable."""
    if not raw:
        raise InputError(f"{name}: file is empty; nothing to ingest")
    if len(raw) > MAX_BYTES:
        raise InputError(f"{name}: file is {len(raw) / 1e6:.0f} MB, over the 20 MB limit; split it")
    return to_document(parse(raw, name, fmt), Path(name).name, fmt)


def read_document(path: Path) -> Document:
    """Read one article file of any supported format (or standard input for '-')."""
    if str(path) == STDIN:
        raw = sys.stdin.buffer.read(MAX_BYTES + 1)
        return read_bytes(raw, STDIN_NAME, sniff(raw))
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"{path}: unsupported file type {path.suffix or '(no extension)'!r}; "
                         f"articles are read from {SUPPORTED}")
    problem = path_problem(path)
    if problem:
        raise InputError(problem)
    size = path.stat().st_size
    if size > MAX_BYTES:  # checked before reading, so a huge file is never loaded
        raise InputError(f"{path}: file is {size / 1e6:.0f} MB, over the 20 MB limit; split it")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read it ({exc.strerror or exc}); check the file") from None
    return read_bytes(raw, str(path), fmt)


@dataclass
class Reading:
    """Documents read from a list of paths, one error line per unusable path, and a note on skipped files."""

    documents: list[Document] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def read_documents(paths: list[Path], glob: str | None = None) -> Reading:
    """Read every article under `paths` (folders recursively, chosen by `glob`); '-' is standard input."""
    found = collect(paths, glob)
    reading = Reading(errors=list(found.errors))
    note = found.skipped_note()
    if note:
        reading.notes.append(note)
    for path in found.files:
        try:
            reading.documents.append(read_document(path))
        except InputError as exc:
            reading.errors.append(exc.message)
    return reading
