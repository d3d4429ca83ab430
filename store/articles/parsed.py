"""What a reader of one format hands back, and how it becomes a Document."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..models import Document
from .header import read_header
from .ids import document_id


@dataclass
class Parsed:
    """An article's stored text and the metadata its format carries (None: not stated)."""

    text: str
    title: str | None = None
    date: str | None = None
    publisher: str | None = None
    author: str | None = None
    url: str | None = None
    pages: list[list[int]] = field(default_factory=list)  # PDF: [start, end) of each page


def readable_name(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 (kept by Python as lone surrogates, which no
    JSON file can hold) become U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def to_document(parsed: Parsed, name: str, fmt: str) -> Document:
    """The Document for `parsed`; what the format's metadata leaves open is read from the text's header."""
    header = read_header(parsed.text)
    return Document(
        id=document_id(parsed.text), file=readable_name(name), title=parsed.title or header.title,
        date=parsed.date or header.date, text=parsed.text,
        publisher=parsed.publisher or header.publisher, author=parsed.author or header.author,
        url=parsed.url, format=fmt, pages=parsed.pages)
