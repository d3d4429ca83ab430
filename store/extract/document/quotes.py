"""Quotations inside a paragraph, and the span that names who said them."""
from __future__ import annotations

import re

from .model import Quote

_PAIRS = (("\u201c", "\u201d"), ('"', '"'))
_SAID = r"(?:said|says|added|adds|noted|notes|explained|stressed|told|according\s+to)"
# After the quotation: ', said Li Ming, manager of X Group.' or ', Li Ming said.'
_SPEAKER_AFTER = re.compile(rf"^[,.]?\s*(?:{_SAID}\s+\S|[A-Z][^.!?]{{0,80}}?\s{_SAID}\b)")
# Before it: 'Li Ming, manager of X Group, said: "...' (the sentence so far names the speaker).
_SPEAKER_BEFORE = re.compile(rf"\b{_SAID}(?:\s+that)?\s*[:,]?\s*$")


def find_quotes(text: str, paragraphs: list[tuple[int, int]],
                sentence_end_after) -> list[Quote]:
    """Quotations of every paragraph; `sentence_end_after(pos)` gives where a sentence ends."""
    quotes: list[Quote] = []
    for p_start, p_end in paragraphs:
        for open_mark, close_mark in _PAIRS:
            quotes.extend(_paragraph_quotes(text, p_start, p_end, open_mark, close_mark,
                                            sentence_end_after))
    return sorted(quotes, key=lambda q: q.start)


def _paragraph_quotes(text, p_start, p_end, open_mark, close_mark, sentence_end_after) -> list[Quote]:
    """Quotations delimited by one kind of mark in one paragraph."""
    out: list[Quote] = []
    pos = p_start
    while True:
        a = text.find(open_mark, pos, p_end)
        b = text.find(close_mark, a + 1, p_end) if a >= 0 else -1
        if a < 0 or b < 0:
            return out
        inner_start, inner_end = a + 1, b
        # Short quoted words are names or terms ("special zone"), not statements with a speaker.
        if inner_end - inner_start >= 25:
            out.append(Quote(a, b + 1, _speaker(text, a, b + 1, p_start, sentence_end_after)))
        pos = b + 1


def _speaker(text, q_start, q_end, p_start, sentence_end_after) -> tuple[int, int] | None:
    """The span naming the speaker: after the quotation to its sentence end, or the lead-in."""
    after = text[q_end:q_end + 120]
    if _SPEAKER_AFTER.match(after):
        return q_end, max(q_end, sentence_end_after(q_end))
    lead_start = max(p_start, text.rfind(".", p_start, q_start) + 1)
    if _SPEAKER_BEFORE.search(text, lead_start, q_start):
        return lead_start, q_start
    return None
