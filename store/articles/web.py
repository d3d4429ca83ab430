"""Saved web pages: the article's main text and metadata through trafilatura (dates via htmldate)."""
from __future__ import annotations

from ..errors import InputError
from .decode import decode_text, normalise_newlines, utf16_without_bom
from .optional import require
from .parsed import Parsed

MIN_ARTICLE_WORDS = 50  # less than this after extraction is a cookie notice or a menu, not a story
# Magic numbers of files that are often saved with the wrong name.
_BINARY_MAGIC = (b"%PDF-", b"PK\x03\x04", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\xd0\xcf\x11\xe0")


def _markup(raw: bytes, name: str) -> bytes | str:
    """The page as trafilatura should get it; InputError when the file is not a page at all."""
    utf16 = "utf-16" if raw.startswith((b"\xff\xfe", b"\xfe\xff")) else utf16_without_bom(raw)
    if utf16:
        return decode_text(raw, name)
    if raw.startswith(_BINARY_MAGIC) or b"\x00" in raw[:65536]:
        raise InputError(f"{name}: not a web page (it holds binary data); "
                         "check the file, or give it the extension of its real type")
    return raw


def read_web(raw: bytes, name: str) -> Parsed:
    """An .html/.htm page: the article without navigation, banners or footers, with its metadata."""
    trafilatura = require("trafilatura", "trafilatura", "web pages", name)
    page = trafilatura.bare_extraction(
        _markup(raw, name), with_metadata=True, include_comments=False, include_tables=True,
        # Dates from the page's markup and address only, never from inside the story.
        date_extraction_params={"extensive_search": False, "original_date": True})
    text = normalise_newlines(page.text or "").strip() if page else ""
    if len(text.split()) < MIN_ARTICLE_WORDS:
        raise InputError(f"{name}: no article found in this web page (only menus or notices); "
                         "save the page of the article itself")
    return Parsed(text, title=page.title or None, date=page.date or None,
                  publisher=page.sitename or None, author=page.author or None, url=page.url or None)
