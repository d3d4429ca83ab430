"""Corroboration shown in the TUI: "stated in N sources" and the "sources differ" mark."""
from __future__ import annotations

from rich.text import Text

from ..highlight import plain

AGREE_STYLE = "bold green"
DIFFER_STYLE = "bold red"  # fixed colours, like the highlights: visible under every theme


def source_count(store, fig) -> int:
    """How many documents state this figure (1 when nobody else does)."""
    link = store.links_of(fig.id)
    docs = {fig.doc_id, *(store.figures[i].doc_id for i in link.corroborated_by if i in store.figures)}
    return len(docs)


def link_mark(store, fig) -> Text:
    """A short mark after a figure: ' ✓ 2 sources' and/or ' ≠ sources differ' ('' when alone)."""
    link = store.links_of(fig.id)
    mark = Text()
    if link.corroborated_by:
        mark.append(f" ✓ {source_count(store, fig)} sources", AGREE_STYLE)
    if link.conflicts_with:
        mark.append(" ≠ sources differ", DIFFER_STYLE)
    return mark


def _source_line(store, fig) -> Text:
    """'  • 001.txt — Title (date): 300,000 cranes' for one linked figure."""
    doc = store.documents[fig.doc_id]
    title = doc.title if len(doc.title) <= 60 else doc.title[:59] + "…"
    line = Text("  • ")
    line.append(plain(doc.file, "bold"))
    line.append(plain(f" — {title} ({doc.date or 'undated'}): "))
    line.append(plain(fig.text, "bold"))
    return line


def corroboration_lines(store, fig) -> list[Text]:
    """Lines for the figure detail: every source stating it, and every source giving another value."""
    link = store.links_of(fig.id)
    lines: list[Text] = []
    if link.corroborated_by:
        lines.append(Text(f"✓ stated in {source_count(store, fig)} sources", AGREE_STYLE))
        agreeing = [fig, *(store.figures[i] for i in link.corroborated_by if i in store.figures)]
        lines.extend(_source_line(store, f) for f in agreeing)
    if link.conflicts_with:
        lines.append(Text("≠ sources differ", DIFFER_STYLE))
        differing = [fig, *(store.figures[i] for i in link.conflicts_with if i in store.figures)]
        lines.extend(_source_line(store, f) for f in differing)
    return lines
