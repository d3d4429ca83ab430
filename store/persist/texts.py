"""Article texts as files beside the store (`STORE.d/texts/<doc id>.txt`), read when shown.

A document's id is the hash of its text, so a text file's name says what it must hold: it is
written once and never replaced, and reading it checks the hash, so a damaged or missing file
is one clear error naming the file, never a wrong passage.
"""
from __future__ import annotations

import os
from dataclasses import fields
from pathlib import Path

from ..errors import StoreFileError
from ..models import Document
from .storage import REPAIR_HINT, parts_folder, write_once

FOLDER = "texts"
_FIELDS = tuple(f.name for f in fields(Document) if f.name != "text")


def texts_folder(store_path: Path) -> Path:
    """`STORE.d/texts`, where the article texts of a store live."""
    return parts_folder(store_path) / FOLDER


def text_file(store_path: Path, doc_id: str) -> Path:
    """The file holding one article's text."""
    return texts_folder(store_path) / f"{doc_id}.txt"


def write_texts(store_path: Path, documents) -> int:
    """Write the text of every document read from an article file (a damaged file of the same
    name is replaced); texts already in this store are not touched. How many were written."""
    folder = texts_folder(store_path)
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    for doc in documents:
        if not (isinstance(doc, StoredDocument) and doc.__dict__["_store"] == store_path):
            written += write_once(folder / f"{doc.id}.txt", doc.text.encode("utf-8"))
    return written


def stored_text_ids(store_path: Path) -> set[str]:
    """Ids of the articles whose text file is there (one listing, nothing read)."""
    try:
        return {n[:-4] for n in os.listdir(texts_folder(store_path)) if n.endswith(".txt")}
    except OSError:
        return set()


def read_text(store_path: Path, doc_id: str, file: str = "") -> str:
    """One article's text, checked against its id; StoreFileError naming the file otherwise."""
    path = text_file(store_path, doc_id)
    name = f" ({file})" if file else ""
    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise StoreFileError(f"{path}: the text of article {doc_id}{name} is missing; {REPAIR_HINT}, "
                             "then ingest that article again if it was yours") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise StoreFileError(f"{path}: cannot read the text of article {doc_id}{name} "
                             f"({getattr(exc, 'strerror', None) or exc}); {REPAIR_HINT}") from None
    from ..articles.ids import document_id  # the id rule alone (not the article readers)
    if document_id(text) != doc_id:
        raise StoreFileError(f"{path}: the text of article {doc_id}{name} is damaged (it no longer "
                             f"matches its id); {REPAIR_HINT}, then ingest that article again if it was yours")
    return text


class StoredDocument(Document):
    """A Document whose text stays in its file until something reads `text`."""

    @property
    def text(self) -> str:  # type: ignore[override]
        """The article's text, read from its file on first use and then kept."""
        cached = self.__dict__.get("_text")
        if cached is None:
            cached = read_text(self.__dict__["_store"], self.id, self.file)
            object.__setattr__(self, "_text", cached)
        return cached


def stored_document(row: dict, store_path: Path) -> Document:
    """A document record from its row (without text), its text read from `store_path` on demand."""
    doc = object.__new__(StoredDocument)
    values = doc.__dict__
    for name in _FIELDS:
        if name in row:
            values[name] = row[name]
    values.setdefault("publisher", None)
    values.setdefault("author", None)
    values.setdefault("url", None)
    values.setdefault("format", "txt")
    values.setdefault("pages", [])
    values["_store"] = store_path
    return doc


def document_row(doc: Document, source: str) -> dict:
    """A documents-table row: the record without its text, its length and where it came from."""
    row = {name: getattr(doc, name) for name in _FIELDS}
    row["chars"] = len(doc.text)
    row["source"] = source
    return row
