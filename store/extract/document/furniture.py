"""Headings, the title, and the page furniture of an article's header (date lines, bylines)."""
from __future__ import annotations

import re

HEADING_MAX = 150
HEADER_PARAGRAPHS = 6
# Labels that open a line of page furniture rather than article text.
_LABEL = re.compile(r"^\s*\(?(?:source|updated|published|publishdate|publish\s+date|editor|reporter|"
                    r"author|by|photo|video|time|date|release\s+time|posted)\b\s*[:：|]?", re.I)
_DATE = re.compile(r"\b(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}\b|"
                   r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+"
                   r"(?:19|20)\d\d\b|\b\d{1,2}[- ](?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
                   r"[a-z]*[- ,]+(?:19|20)\d\d\b")


def is_heading(text: str, start: int, end: int) -> bool:
    """A short line that does not end like a sentence: a title or a section heading."""
    line = text[start:end].rstrip("\"'\u201d\u2019) ")
    return 0 < end - start <= HEADING_MAX and line[-1:] not in ".!?;:,\u2026\u3002" and \
        any(ch.isalpha() for ch in line)


def is_furniture(text: str, start: int, end: int) -> bool:
    """A header line that is a date line, a byline or a credit, not article text."""
    line = text[start:end]
    if _LABEL.match(line):
        return True
    date = _DATE.search(line)
    # A line that is mostly a date ("2024-10-09 (goinnermongolia.com.cn)") is furniture.
    return bool(date) and len(line) - len(date.group()) < 40
