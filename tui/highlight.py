"""Rich Text builders that highlight spans; document text is always plain Text, never markup."""
from __future__ import annotations

import re

from rapidfuzz import fuzz
from rich.text import Text

from store import search_tokens, visible

# Fixed styles (not theme colours) so highlights stay visible under every theme.
SPAN_STYLES = {"focus": "bold reverse", "subject": "bold underline", "mention": "bold reverse"}
MATCH_STYLE = "bold underline"
_KIND_PREFIX = re.compile(r"^\s*(company|region|figure)\s*:\s*", re.I)


def plain(text: str, style: str = "") -> Text:
    """Document text as Text with control characters made visible; markup is never parsed."""
    return Text(visible(text), style=style)


def match_spans(query: str, label: str) -> list[tuple[int, int]]:
    """Where the query's tokens occur in `label` (exactly, else the best fuzzy alignment)."""
    lower = label.lower()
    spans = []
    for tok in search_tokens(_KIND_PREFIX.sub("", query)):
        at = lower.find(tok)
        if at >= 0:
            spans.append((at, at + len(tok)))
        elif len(tok) >= 3:
            # Typo-tolerant highlight: the label substring that best matches the token.
            hit = fuzz.partial_ratio_alignment(tok, lower, score_cutoff=70)
            if hit:
                spans.append((hit.dest_start, hit.dest_end))
    return spans


def highlighted_label(label: str, query: str) -> Text:
    """A result label with the characters that match the query highlighted."""
    text = plain(label)
    for start, end in match_spans(query, label):
        text.stylize(MATCH_STYLE, start, end)
    return text


def passage_text(view) -> Text:
    """A PassageView's paragraph with its highlight spans styled (focus on top)."""
    text = plain(view.text)
    ordered = sorted(view.highlights, key=lambda h: h[0] == "focus")
    for kind, start, end in ordered:
        text.stylize(SPAN_STYLES.get(kind, "bold"), start, end)
    return text
