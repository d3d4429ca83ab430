"""The document model: each article read once into the shapes every extractor reads.

Entry point: `read(doc)` → DocModel (paragraphs, sentences with clauses, tokens, quotations,
headings, the title and the header's page furniture), all as offsets into `doc.text`.
"""
from __future__ import annotations

from bisect import bisect_left

from ...models import Document, Passage
from .clauses import clause_spans
from .furniture import HEADER_PARAGRAPHS, is_furniture, is_heading
from .model import DocModel, Paragraph, Quote, Sentence, Token
from .passages import split_passages
from .quotes import find_quotes
from .tokens import tokenize

__all__ = ["DocModel", "Paragraph", "Quote", "Sentence", "Token", "from_text", "read", "read_with_passages"]


def read(doc: Document) -> DocModel:
    """The document model of one article."""
    return read_with_passages(doc)[0]


def read_with_passages(doc: Document) -> tuple[DocModel, list[Passage]]:
    """The document model and the Passage records (paragraphs, sentences) it was built from."""
    text = doc.text
    passages = split_passages(doc.id, text)
    tokens = tokenize(text)
    token_starts = [t.start for t in tokens]
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    para_passages = [p for p in passages if p.kind == "paragraph"]
    sentence_passages = [p for p in passages if p.kind == "sentence"]
    s_index = 0
    for p in para_passages:
        first = s_index
        while s_index < len(sentence_passages) and sentence_passages[s_index].parent_id == p.id:
            s = sentence_passages[s_index]
            sentences.append(Sentence(s_index, s.start, s.end, p.index, clause_spans(text, s.start, s.end),
                                      bisect_left(token_starts, s.start), bisect_left(token_starts, s.end)))
            s_index += 1
        paragraphs.append(Paragraph(p.index, p.start, p.end, is_heading(text, p.start, p.end),
                                    first, s_index))
    model = DocModel(doc.id, text, doc.date, paragraphs, sentences, tokens)
    model.furniture = [(p.start, p.end) for p in paragraphs[:HEADER_PARAGRAPHS]
                       if is_furniture(text, p.start, p.end)]
    model.title = next((p for p in paragraphs[:3] if p.is_heading
                        and (p.start, p.end) not in model.furniture), None)
    model.quotes = find_quotes(text, [(p.start, p.end) for p in paragraphs],
                               lambda pos: (model.sentence_at(pos) or sentences[-1]).end)
    return model, passages


def from_text(text: str, date: str | None = None, doc_id: str = "text") -> DocModel:
    """The document model of a bare string (tests, previews): an untitled, unfiled Document."""
    return read(Document(doc_id, "", "", date, text))
