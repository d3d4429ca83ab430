"""Headings, the title, and the page furniture of an article's header (date lines, bylines)."""
from __future__ import annotations

from ...articles.header import BODY_LINE
from ...articles.header import is_furniture as header_furniture

HEADING_MAX = 150
HEADER_PARAGRAPHS = 6


def is_heading(text: str, start: int, end: int) -> bool:
    """A short line that does not end like a sentence: a title or a section heading."""
    line = text[start:end].rstrip("\"'\u201d\u2019) ")
    return 0 < end - start <= HEADING_MAX and line[-1:] not in ".!?;:,\u2026\u3002" and \
        any(ch.isalpha() for ch in line)


def is_furniture(text: str, start: int, end: int) -> bool:
    """A header line that is a date line, a byline or a credit, not article text (the article
    readers' own test, so extraction skips exactly the lines they read as metadata)."""
    line = text[start:end].strip()
    return len(line) <= BODY_LINE and header_furniture(line)
