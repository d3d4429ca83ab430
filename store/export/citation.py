"""One way to cite a document everywhere: "Headline — Publisher, 2024-03-30, page 3, URL"."""
from __future__ import annotations

from bisect import bisect_right

from ..models import Document


def page_of(doc: Document, offset: int) -> int | None:
    """The 1-based page of a PDF document that holds character `offset`, or None (not paged)."""
    if not doc.pages:
        return None
    starts = [start for start, _ in doc.pages]
    return max(1, bisect_right(starts, offset))


def citation(doc: Document, page: int | None = None) -> str:
    """The document's citation: headline, then publisher, date, page and address where known.

    Plain text, not escaped: the caller makes it safe for where it goes (Markdown, a terminal).
    """
    details = [doc.publisher, doc.date, f"page {page}" if page else None, doc.url]
    known = ", ".join(d for d in details if d)
    title = doc.title or doc.file or "Untitled"
    return f"{title} — {known}" if known else title
