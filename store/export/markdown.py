"""Markdown building blocks: escaping, GitHub-flavoured tables, numbered citations.

Everything that comes from a document (names, titles, sentences) is data: it is escaped so it can
never add markup, break a table row or drive a terminal when the Markdown is printed.
"""
from __future__ import annotations

import re

from ..query.corroboration import NO_LINKS, store_links
from ..safe_text import visible
from .citation import citation, page_of

# Characters that could start markup inline in CommonMark/GFM; a backslash makes each literal.
# '&' only where it would start an entity ("&amp;"), so "R&D" stays readable in the raw file.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#]|&(?=#?\w+;))")
_LINE_BREAK = re.compile(r"\r\n|[\r\n\v\f\x85\u2028\u2029]")
_SPACES = re.compile(r"\s+")
QUOTE_LIMIT = 400  # characters of a cited sentence kept around the figure; glued text runs long


def escape(text: str) -> str:
    """Document text as one line of literal inline Markdown (line breaks become spaces)."""
    flat = _SPACES.sub(" ", _LINE_BREAK.sub(" ", text or "")).strip()
    return _SPECIAL.sub(r"\\\1", visible(flat))


def cell(text: str) -> str:
    """Text for a table cell: escaped, with line breaks kept as <br> so the row never breaks."""
    return "<br>".join(escape(line) for line in _LINE_BREAK.split(text or ""))


def table(headers: list[str], rows: list[list[str]]) -> str:
    """A GitHub-flavoured table from already-escaped cell strings."""
    def line(cells: list[str]) -> str:
        """One row; an empty cell gets a space so the row keeps its column count."""
        return "| " + " | ".join(c if c else " " for c in cells) + " |"
    out = [line(headers), line(["---"] * len(headers))]
    out.extend(line(list(r) + [""] * (len(headers) - len(r))) for r in rows)
    return "\n".join(out)


def heading(title: str, about: str) -> str:
    """The view's title (escaped) and the sentence saying what the view shows (ours, not escaped)."""
    return f"# {escape(title)}\n\n{about}"


def _strong(before: str, figure: str, after: str) -> str:
    """`figure` in bold between its neighbours; <strong> where '**' would not parse as emphasis."""
    # '**' next to punctuation fails CommonMark's flanking rules when a letter sits on the other side.
    glued = (before[-1:].isalnum() and not figure[:1].isalnum()) or \
            (after[:1].isalnum() and not figure[-1:].isalnum())
    open_, close = ("<strong>", "</strong>") if glued else ("**", "**")
    return f"{escape(before)}{' ' if before[-1:].isspace() else ''}{open_}{escape(figure)}{close}" \
           f"{' ' if after[:1].isspace() else ''}{escape(after)}"


def quoted_sentence(store, fig) -> str:
    """The sentence stating `fig`, escaped, with the figure's own span in bold."""
    doc = store.documents[fig.doc_id]
    sentence = store.sentence_of(fig)
    # The occurrence of the sentence that holds the figure's start; stretched if it cuts the figure.
    start = doc.text.find(sentence, max(0, fig.start - len(sentence) + 1), fig.start + len(sentence))
    if start < 0:
        start, sentence = fig.start, fig.text
    sentence = doc.text[start:max(start + len(sentence), fig.end)]
    a, b = fig.start - start, fig.end - start
    lo, hi = max(0, a - QUOTE_LIMIT // 2), min(len(sentence), b + QUOTE_LIMIT // 2)
    # Cut at spaces, not mid-word, when the sentence is trimmed.
    if lo > 0 and " " in sentence[lo:a]:
        lo = sentence.index(" ", lo, a) + 1
    if hi < len(sentence) and " " in sentence[b:hi]:
        hi = sentence.rindex(" ", b, hi)
    before, after = sentence[lo:a], sentence[b:hi]
    text = _strong(before.lstrip(), sentence[a:b], after.rstrip())
    return ("… " if lo else "") + text + (" …" if hi < len(sentence) else "")


class Citations:
    """Numbered sources for the figures a view shows; a figure cited twice keeps its number."""

    def __init__(self, store):
        self.store = store
        self.order: list = []
        self._number: dict[str, int] = {}
        self._links = None

    def cite(self, fig) -> str:
        """The reference mark '[n]' for a figure, numbering it on first use."""
        if fig.id not in self._number:
            self.order.append(fig)
            self._number[fig.id] = len(self.order)
        return f"[{self._number[fig.id]}]"

    def cite_fact(self, sources) -> str:
        """The marks of one fact stated in several sources: '[1] [2]'."""
        return " ".join(self.cite(fig) for fig in sources)

    def render(self) -> str:
        """The '## Sources' section: the citation (headline — publisher, date, page, URL), the
        file and the quoted sentence, one per number."""
        if not self.order:
            return ""
        lines = ["## Sources", ""]
        for n, fig in enumerate(self.order, 1):
            doc = self.store.documents[fig.doc_id]
            lines.append(f"{n}. {escape(citation(doc, page_of(doc, fig.start)))} (file {escape(doc.file)}): "
                         f"“{quoted_sentence(self.store, fig)}”{self._note(fig)}")
        return "\n".join(lines)

    def _note(self, fig) -> str:
        """' (stated in N sources)' / ' (sources differ)' from the corroboration links."""
        if self._links is None:
            self._links = store_links(self.store)
        link = self._links.get(fig.id, NO_LINKS)
        notes = []
        if link.corroborated_by:
            notes.append(f"stated in {len({fig.doc_id, *(self._doc(i) for i in link.corroborated_by)})} sources")
        if link.conflicts_with:
            notes.append("sources differ")
        return f" ({'; '.join(notes)})" if notes else ""

    def _doc(self, figure_id: str) -> str:
        """The document id of a figure id ('' if unknown)."""
        fig = self.store.figures.get(figure_id)
        return fig.doc_id if fig else ""


def document(*blocks: str) -> str:
    """Blocks joined by blank lines, empty blocks dropped, ending in one newline."""
    return "\n\n".join(b for b in blocks if b) + "\n"
