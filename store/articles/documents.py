"""Read articles from disk into Documents, rejecting what is not usable text."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from ..errors import InputError
from ..models import Document

MAX_BYTES = 20 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text", ".md"}

_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
           "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec")
# Publication dates as the seeds write them: "March 30, 2024", "2024-06-14 08:41", "2024-11-11".
_DATE_PATTERNS = (
    re.compile(rf"\b(?P<m>{_MONTHS})\.?\s+(?P<d>\d{{1,2}}),\s*(?P<y>(?:19|20)\d\d)\b"),
    re.compile(rf"\b(?P<d>\d{{1,2}})\s+(?P<m>{_MONTHS}),?\s+(?P<y>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<mm>[01]\d)-(?P<d>[0-3]\d)\b"),
)
_MONTH_NUM = {m[:3]: i + 1 for i, m in enumerate(_MONTHS.split("|")[:12])}
DATE_WINDOW = 800
TITLE_MAX = 160
TITLE_SEARCH_LINES = 12
# Where an opening paragraph's first sentence ends: a stop before white space and a capital.
_FIRST_SENTENCE_END = re.compile(r"(?<![A-Z][a-z])(?<!\b[A-Z])[.!?](?=\s+[\"\u201c]?[A-Z0-9])")
# Lines of page furniture and bylines that open web copies of articles; they are not titles.
_NOT_TITLE = re.compile(r"^(?:source|published|editor|return to|view the|photo|reporter|original|"
                        r"\(editor)\b|\bsource:", re.I)  # a publication date sits in the header, not deep in the story


def document_id(text: str) -> str:
    """Stable id of a document: a hash of its content, so a renamed file keeps its id."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def find_date(text: str) -> str | None:
    """The publication date stated in the article's header, as YYYY-MM-DD, if any."""
    head = text[:DATE_WINDOW]
    found = []
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(head):
            month = int(m["mm"]) if "mm" in m.groupdict() and m["mm"] else _MONTH_NUM[m["m"][:3]]
            day = int(m["d"])
            if 1 <= month <= 12 and 1 <= day <= 31:
                found.append((m.start(), f"{m['y']}-{month:02d}-{day:02d}"))
    return min(found)[1] if found else None


def title_of(text: str) -> str:
    """The article's title: its first line that reads like one.

    Web copies open with debris ("Return to list", a bare date, "Source: ..."), which is skipped;
    an article that opens straight with a paragraph is titled by that paragraph's first sentence.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line in lines[:TITLE_SEARCH_LINES]:
        if len(line) > TITLE_MAX:
            end = _FIRST_SENTENCE_END.search(line)
            return line[:end.start() + 1 if end else TITLE_MAX][:TITLE_MAX]
        if len(line.split()) >= 4 and not _NOT_TITLE.search(line) and find_date(line) is None:
            return line
    return lines[0][:TITLE_MAX] if lines else ""


def read_document(path: Path) -> Document:
    """Read one article as UTF-8; raise InputError with a one-line reason when it is unusable."""
    if not path.exists():
        raise InputError(f"{path}: no such file; check the path")
    size = path.stat().st_size
    if size == 0:
        raise InputError(f"{path}: file is empty; nothing to ingest")
    if size > MAX_BYTES:
        raise InputError(f"{path}: file is {size / 1e6:.0f} MB, over the 20 MB limit; split it")
    raw = path.read_bytes()
    if b"\x00" in raw:
        raise InputError(f"{path}: looks binary (NUL bytes); give a UTF-8 text file")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not UTF-8 (bad byte at {exc.start}); re-save it as UTF-8") from None
    # Re-read in text mode so offsets match open(path, encoding="utf-8") exactly (newline handling).
    text = path.open(encoding="utf-8").read()
    if not text.strip():
        raise InputError(f"{path}: only whitespace; nothing to ingest")
    return Document(document_id(text), path.name, title_of(text), find_date(text), text)


def collect_paths(paths: list[Path]) -> tuple[list[Path], list[str]]:
    """Expand folders into their text files; return the files and one error line per bad path."""
    files: list[Path] = []
    errors: list[str] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
            if not found:
                errors.append(f"{path}: folder holds no .txt/.md articles; point at article files")
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            errors.append(f"{path}: no such file or folder; check the path")
    return files, errors
