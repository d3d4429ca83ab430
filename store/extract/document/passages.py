"""Split a document into paragraphs and sentences without touching its text or offsets.

The seeds are noisy: sentences glued together ("Province.A large", "superhardThere are",
"20In 2022"), abbreviations ("Co., Ltd.", "U.S."), non-breaking spaces. We split on the
original string and only ever return (start, end) spans into it.
"""
from __future__ import annotations

import re

from ...models import Passage

# Words that open a sentence; a glued boundary ("jointlyWe", "20In") is only taken before one
# of these, so CamelCase brand names ("PetroChina") are never split.
_OPENERS = (
    "A|An|The|This|That|These|Those|There|Their|It|Its|In|On|At|As|By|For|From|With|We|Our|"
    "They|He|She|His|Her|Since|After|Before|According|Today|Now|Currently|Last|This|Next|"
    "Through|During|Under|Over|Among|Besides|However|Meanwhile|Moreover|Also|Not|Data|"
    "Entering|Walking|Coming|Driven|Green|Taking"
)
# Abbreviations whose period does not end a sentence when a capital follows.
_ABBREVIATIONS = {"co", "no", "mr", "mrs", "ms", "dr", "st", "vs", "jr", "sr", "inc", "corp",
                  "u.s", "u.k", "e.g", "i.e", "p.r.c", "approx", "dept", "gov", "prof"}

_END_SPACED = re.compile(r"""(?:[.!?]+|\.\.\.|…)["”’)\]]*(?=\s+["“‘(]?[A-Z0-9])""")
_END_GLUED_PERIOD = re.compile(rf"""(?<=[a-z)\]”"’])[.!?]["”’]?(?=(?:{_OPENERS}|[A-Z][a-z]+)\b)""")
_GLUED_WORD = re.compile(rf"(?<=[a-z0-9])(?=(?:{_OPENERS})\s)")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)\.$")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Non-blank lines as (start, end), trimmed of surrounding white space (incl. NBSP)."""
    spans = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        stripped = body.strip()
        if stripped:
            start = pos + body.index(stripped)
            spans.append((start, start + len(stripped)))
        pos += len(line)
    return spans


def _is_abbreviation(text: str, end: int) -> bool:
    """True when the period ending at `end` closes an abbreviation such as "Co." or "U.S."."""
    m = _WORD_BEFORE.search(text, max(0, end - 12), end)
    return bool(m) and m.group(1).lower().rstrip(".") in _ABBREVIATIONS


def _boundaries(text: str, start: int, end: int) -> list[int]:
    """Offsets inside [start, end) where a new sentence begins."""
    cuts = set()
    for m in _END_SPACED.finditer(text, start, end):
        if text[m.start()] == "." and _is_abbreviation(text, m.start() + 1):
            continue
        nxt = m.end()
        while nxt < end and text[nxt].isspace():
            nxt += 1
        cuts.add(nxt)
    for m in _END_GLUED_PERIOD.finditer(text, start, end):
        if not _is_abbreviation(text, m.start() + 1):
            cuts.add(m.end())
    for m in _GLUED_WORD.finditer(text, start, end):
        cuts.add(m.start())
    return sorted(c for c in cuts if start < c < end)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences of the whole text as (start, end), never crossing a paragraph break."""
    spans = []
    for p_start, p_end in paragraph_spans(text):
        spans.extend(_split_paragraph(text, p_start, p_end))
    return spans


def _split_paragraph(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """One paragraph's sentences, trimmed."""
    out = []
    edges = [start, *_boundaries(text, start, end), end]
    for a, b in zip(edges, edges[1:]):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def split_passages(doc_id: str, text: str) -> list[Passage]:
    """Paragraph and sentence Passages for a document; sentences point at their paragraph."""
    passages: list[Passage] = []
    s_index = 0
    for p_index, (p_start, p_end) in enumerate(paragraph_spans(text)):
        para_id = f"{doc_id}:p{p_index}"
        passages.append(Passage(para_id, doc_id, "paragraph", p_index, p_start, p_end))
        for s_start, s_end in _split_paragraph(text, p_start, p_end):
            passages.append(Passage(f"{doc_id}:s{s_index}", doc_id, "sentence", s_index,
                                    s_start, s_end, para_id))
            s_index += 1
    return passages
