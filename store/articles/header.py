"""What the header of a plain-text article says: headline, date, publisher, author.

Web copies of news open with a headline and page furniture (breadcrumbs, "Source: X | date |
Editor: Y", "Return to list", bylines) before the story. Only those header lines are read;
nothing inside the story is taken for a date, a source or a title.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import dateline, header_date, line_date

HEADER_LINES = 12  # non-empty lines looked at for a headline, a date or a source
BODY_LINE = 200  # a line longer than this is story text: the header ends before it
TITLE_MAX = 200  # a headline is short; longer lines are paragraphs
FALLBACK_TITLE = 120  # a first sentence used as a title is cut to this many characters

# Labels of header lines that name the source or the author ("18Source:" happens: no \b before).
_SOURCE = re.compile(r"(?:(?<![A-Za-z])(?:source|publisher|from)\s*[:：]|\bpublished\s+by\b|来源\s*[:：])\s*",
                     re.I)
_AUTHOR = re.compile(r"(?:^by\s+|\b(?:author|reporters?|writer|written\s+by)\s*[:：]\s*)", re.I)
_NAME = re.compile(r"^[A-Z][^\d.!?|]{0,60}$")  # a byline's value: capitalised, no digits
# Where a labelled value ends: a separator, a wide gap, the next label, or a date or time.
_VALUE_END = re.compile(r"\s*(?:[|｜]|\s{2,}|(?<![A-Za-z])(?:editor|author|reporter|updated?|published|"
                        r"publish\s*date|posted|time|date)\b|编辑|责任编辑|\(?\d{1,4}[-/.:年]\d)", re.I)
# Page furniture: navigation, breadcrumbs, source/editor/update labels, bare bracketed sources.
_FURNITURE = re.compile(
    r"^(?:home\s*[>»]|return to\b|back to\b|view the (?:rest|full|original)\b|current location\b|"
    r"当前位置|photos?\s*(?:[:/]|by\b)|\(?editor\b|editor in charge\b|original\s+(?:report|article)\b|"
    r"\(\S+\)$)"
    r"|(?<![A-Za-z])(?:source|reporters?|author|editor)\s*[:：]|来源|编辑|[>»][^>»]{1,40}[>»]"
    r"|\bpublished\s+by\b|\b(?:updated?|posted)\s*:",
    re.I)
_BYLINE = re.compile(r"^(?:[Bb]y|BY)\s+[A-Z][^\d.!?]{0,50}$")
_NO_HEADLINE_END = re.compile(r"[.,;:，。；：]$")
_SENTENCE_END = re.compile(r"(?<![A-Z][a-z])(?<!\b[A-Z])[.!?](?=\s+[\"“]?[A-Z0-9])")
_LINE = re.compile(r"[^\n]+")
_QUOTES = {'"': '"', "“": "”", "'": "'", "‘": "’"}


@dataclass(frozen=True)
class Header:
    """What an article's header states; None where it states nothing."""

    title: str
    date: str | None = None
    publisher: str | None = None
    author: str | None = None


def first_lines(text: str, limit: int = HEADER_LINES) -> list[str]:
    """The first `limit` non-empty lines, stripped (read lazily: an article may be 20 MB)."""
    lines = []
    for m in _LINE.finditer(text):
        line = m.group().strip().lstrip("\ufeff")
        if line:
            lines.append(line)
            if len(lines) == limit:
                break
    return lines


def header_lines(text: str) -> tuple[list[str], str]:
    """The header's non-empty lines (stripped) and the opening of the first body line."""
    lines: list[str] = []
    for line in first_lines(text):
        if len(line) > BODY_LINE:
            return lines, line[:BODY_LINE]
        lines.append(line)
    return lines, ""


def is_furniture(line: str) -> bool:
    """True for page furniture: breadcrumbs, source/editor lines, bylines, date lines."""
    return bool(_FURNITURE.search(line) or _BYLINE.match(line)) or line_date(line) is not None


def is_headline(line: str) -> bool:
    """A short line of words without a final full stop that is not page furniture."""
    return (len(line) <= TITLE_MAX and len(line.split()) >= 2 and not _NO_HEADLINE_END.search(line)
            and any(c.isalpha() for c in line) and not is_furniture(line))


def _unquote(line: str) -> str:
    """A headline without the quotation marks that enclose all of it."""
    if len(line) > 2 and _QUOTES.get(line[0]) == line[-1] and line[0] not in line[1:-1]:
        return line[1:-1].strip()
    return line


def first_sentence(line: str) -> str:
    """The first sentence of `line`, cut to FALLBACK_TITLE characters."""
    line = line[:FALLBACK_TITLE * 2]  # enough to find the end of a sentence short enough to use
    end = _SENTENCE_END.search(line)
    sentence = line[:end.start() + 1] if end else line
    return sentence if len(sentence) <= FALLBACK_TITLE else sentence[:FALLBACK_TITLE - 1].rstrip() + "…"


def find_title(text: str) -> str:
    """The article's headline.

    The first line that is not furniture is the headline when it is shaped like one (short, no
    final full stop), or when it is one short sentence standing alone (translated headlines keep
    a full stop). An article that opens straight with a paragraph is titled by its first
    section heading among the first lines, else by its first sentence.
    """
    lines = first_lines(text)
    # Furniture is short: a long line is story text, and is not run through the patterns.
    window = [line for line in lines if len(line) > BODY_LINE or not is_furniture(line)]
    if not window:
        return first_sentence(lines[0]) if lines else ""
    first = window[0]
    if is_headline(first) or (len(first) <= TITLE_MAX and first[-1] in ".!?"
                              and not _SENTENCE_END.search(first)):
        return _unquote(first)
    heading = next((line for line in window[1:] if is_headline(line)), None)
    return _unquote(heading) if heading else first_sentence(first)


def labelled_value(line: str, label: re.Pattern) -> str | None:
    """The value after `label` in `line` ("Source: Xinhua| 2019-..." → "Xinhua"), or None."""
    m = label.search(line)
    if not m:
        return None
    rest = line[m.end():]
    end = _VALUE_END.search(rest)
    value = rest[:end.start()] if end else rest
    value = value.strip(" \t-–—:：,;()[]")
    return value if value and len(value) <= 80 else None


def _parenthesised(line: str) -> str | None:
    """A source in brackets on a date line: "(China Daily) Updated: ..." → "China Daily"."""
    m = re.search(r"\(\s*([^()]{2,60}?)\s*\)", line)
    return m.group(1) if m and line_date(line) and not re.search(r"\d{1,2}:\d\d", m.group(1)) else None


def find_publisher(lines: list[str], opening: str = "") -> str | None:
    """The publisher a header names: a Source/Publisher line, a source on a date line, a dateline's agency."""
    for line in lines:
        value = labelled_value(line, _SOURCE) or _parenthesised(line)
        if value:
            return value
    for line in [*lines, opening]:
        m = dateline(line)
        if m:
            return m["agency"].strip()
    return None


def find_author(lines: list[str]) -> str | None:
    """The author a byline in the header names ("By Li Ming", "Author: Li Ming")."""
    for line in lines:
        value = labelled_value(line, _AUTHOR)
        if value and _NAME.match(value) and len(value.split()) <= 6:
            return value
    return None


def read_header(text: str) -> Header:
    """Headline, date, publisher and author from the header of a plain-text article."""
    lines, opening = header_lines(text)
    return Header(title=find_title(text), date=header_date(lines, opening),
                  publisher=find_publisher(lines, opening), author=find_author(lines))
