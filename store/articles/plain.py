"""Plain-text and Markdown articles: the text as written; metadata from front matter or the header."""
from __future__ import annotations

import re

from ..errors import InputError
from .dates import line_date
from .decode import decode_text
from .header import read_header
from .parsed import Parsed

# Markdown front matter: "---", "key: value" lines, "---".
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>(?:[^\n]*\n){0,40}?)---[ \t]*(?:\n|\Z)")
_KEY_VALUE = re.compile(r"^(?P<key>[A-Za-z_]+)\s*:\s*(?P<value>.+?)\s*$", re.M)
_HEADING = re.compile(r"^#{1,6}\s+|\s+#+\s*$")
_FIELDS = {"title": "title", "date": "date", "published": "date", "source": "publisher",
           "publisher": "publisher", "site": "publisher", "author": "author", "url": "url",
           "link": "url"}


def front_matter(text: str) -> tuple[dict[str, str], int]:
    """Metadata from Markdown front matter, and where the article after it starts."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, 0
    meta: dict[str, str] = {}
    for kv in _KEY_VALUE.finditer(m["body"]):
        field = _FIELDS.get(kv["key"].lower())
        if field and field not in meta:
            meta[field] = kv["value"].strip("'\"")
    if "date" in meta:
        meta["date"] = line_date(meta["date"]) or ""
    return {k: v for k, v in meta.items() if v}, m.end()


def read_plain(raw: bytes, name: str, markdown: bool = False) -> Parsed:
    """A .txt or .md article: its decoded text, with header (and front matter) metadata."""
    text = decode_text(raw, name)
    if not text.strip():
        raise InputError(f"{name}: only whitespace; nothing to ingest")
    meta, start = front_matter(text) if markdown else ({}, 0)
    header = read_header(text[start:])
    title = meta.get("title") or header.title
    return Parsed(text, title=_HEADING.sub("", title) if markdown else title,
                  date=meta.get("date") or header.date,
                  publisher=meta.get("publisher") or header.publisher,
                  author=meta.get("author") or header.author, url=meta.get("url"))
