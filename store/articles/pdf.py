"""PDF articles through pdfminer.six: text boxes in reading order, page by page, pages kept.

pdfminer.six was chosen over pypdf by `tests/benchmarks/bench_pdf.py` (README, Performance):
on two-column pages it keeps columns apart and paragraphs whole where pypdf mixes them.
"""
from __future__ import annotations

import io
import re

from ..errors import InputError
from .header import read_header
from .optional import require
from .parsed import Parsed

# 0 weighs a box's horizontal and vertical position alike: columns are read one after the
# other (pdfminer's default, 0.5, put a right column before the left one in the benchmark).
BOXES_FLOW = 0.0
_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d\d)(\d\d)")
_PLACEHOLDERS = {"untitled", "anonymous", "unknown", "none"}


def reflow(box_text: str) -> str:
    """A text box's lines as one paragraph: lines joined by a space, a hyphen at a line end kept."""
    out = ""
    for line in (ln.strip() for ln in box_text.splitlines()):
        if not line:
            continue
        glue = "" if not out or (out.endswith("-") and line[:1].islower()) else " "
        out += glue + line
    return out


def _info_value(info: dict, key: str) -> str | None:
    """A string from the PDF's document information dictionary, or None (placeholders too)."""
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text
    value = resolve1(info.get(key))
    if isinstance(value, bytes):
        value = decode_text(value)
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return None if not value or value.lower() in _PLACEHOLDERS else value


def _info_date(info: dict) -> str | None:
    """The creation date of the document information dictionary as YYYY-MM-DD, if valid."""
    from .dates import make_date
    m = _PDF_DATE.match(_info_value(info, "CreationDate") or "")
    return make_date(int(m[1]), int(m[2]), int(m[3])) if m else None


def _title(info: dict) -> str | None:
    """The document's stated title, unless it is a file name or a single word."""
    title = _info_value(info, "Title")
    if title and len(title.split()) >= 2 and not re.search(r"\.\w{2,4}$", title):
        return title
    return None


def _pages(data: bytes, name: str) -> tuple[list[str], dict]:
    """Each page's text (paragraphs separated by blank lines) and the information dictionary."""
    require("pdfminer", "pdfminer.six", "PDF files", name)
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams, LTTextContainer
    from pdfminer.pdfdocument import (
        PDFDocument,
        PDFEncryptionError,
        PDFPasswordIncorrect,
    )
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.psparser import PSException
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)), password="")
        manager = PDFResourceManager()
        device = PDFPageAggregator(manager, laparams=LAParams(boxes_flow=BOXES_FLOW))
        interpreter = PDFPageInterpreter(manager, device)
        pages = []
        for page in PDFPage.create_pages(document):
            interpreter.process_page(page)
            boxes = (reflow(b.get_text()) for b in device.get_result() if isinstance(b, LTTextContainer))
            pages.append("\n\n".join(b for b in boxes if b))
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise InputError(f"{name}: PDF is encrypted (needs a password); "
                         "save an unprotected copy and give that") from None
    except (PSException, ValueError, KeyError, TypeError, IndexError, AssertionError) as exc:
        # pdfminer raises many kinds of error on a damaged file; each means the same to a user.
        raise InputError(f"{name}: not a readable PDF ({type(exc).__name__}); "
                         "check the file or print it to a new PDF") from None
    return pages, (document.info[0] if document.info else {})


def read_pdf(raw: bytes, name: str) -> Parsed:
    """A PDF: its pages' text joined by blank lines, with each page's [start, end) kept."""
    if b"%PDF-" not in raw[:1024]:
        raise InputError(f"{name}: not a PDF (no %PDF header); check the file")
    pages, info = _pages(raw, name)
    text, spans = "", []
    for page in pages:
        if text:
            text += "\n\n"
        spans.append([len(text), len(text) + len(page)])
        text += page
    if not text.strip():
        raise InputError(f"{name}: PDF has no text layer; OCR it first (a scan? ocrmypdf "
                         "adds one) and give the result")
    header = read_header(text)
    return Parsed(text, title=_title(info), date=header.date or _info_date(info),
                  author=_info_value(info, "Author"), pages=spans)
