"""The document model: one article read once into paragraphs, sentences, clauses, tokens,
quotations, headings and header furniture, every part an offset span into the original text.

Every extractor reads this model instead of re-scanning the raw text with its own splitter.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field


class Token:
    """A word, number or punctuation mark: `text == doc.text[start:end]`.

    A plain slotted class rather than a frozen dataclass: an article has thousands of tokens and
    every extractor walks them, so building one costs half as much and `is_word` and `lower`
    are worked out once instead of at every read. Treat it as immutable.
    """

    __slots__ = ("start", "end", "text", "is_word", "lower")

    def __init__(self, start: int, end: int, text: str):
        self.start = start
        self.end = end
        self.text = text
        self.is_word = text[:1].isalpha()  # a word: letters first
        self.lower = text.lower().replace("\u2019", "'")  # curly apostrophes straightened

    @property
    def is_capitalised(self) -> bool:
        """True for a word that starts with a capital letter."""
        return self.text[:1].isupper()

    def _key(self) -> tuple[int, int, str]:
        return self.start, self.end, self.text

    def __eq__(self, other) -> bool:
        return type(other) is Token and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"Token(start={self.start!r}, end={self.end!r}, text={self.text!r})"


@dataclass(frozen=True)
class Sentence:
    """A sentence, the paragraph it sits in, its clauses, and its tokens (indices into `tokens`)."""

    index: int
    start: int
    end: int
    paragraph: int
    clauses: tuple[tuple[int, int], ...]
    first_token: int
    last_token: int  # exclusive


@dataclass(frozen=True)
class Paragraph:
    """A line of the article; a heading is a short line without a closing stop."""

    index: int
    start: int
    end: int
    is_heading: bool
    first_sentence: int
    last_sentence: int  # exclusive


@dataclass(frozen=True)
class Quote:
    """Quoted words and, when the text names one, the span that names the speaker."""

    start: int
    end: int
    speaker: tuple[int, int] | None = None


@dataclass
class DocModel:
    """One article, read once: what every extractor needs to know about its shape."""

    doc_id: str
    text: str
    date: str | None
    paragraphs: list[Paragraph]
    sentences: list[Sentence]
    tokens: list[Token]
    quotes: list[Quote] = field(default_factory=list)
    furniture: list[tuple[int, int]] = field(default_factory=list)  # date lines, bylines, credits
    title: Paragraph | None = None
    _sentence_starts: list[int] = field(default_factory=list, repr=False)
    _token_starts: list[int] = field(default_factory=list, repr=False)
    _paragraph_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._sentence_starts = [s.start for s in self.sentences]
        self._token_starts = [t.start for t in self.tokens]
        self._paragraph_starts = [p.start for p in self.paragraphs]

    def sentence_at(self, pos: int) -> Sentence | None:
        """The sentence holding offset `pos`, if any."""
        i = bisect_right(self._sentence_starts, pos) - 1
        return self.sentences[i] if i >= 0 and pos < self.sentences[i].end else None

    def paragraph_at(self, pos: int) -> Paragraph | None:
        """The paragraph holding offset `pos`, if any."""
        i = bisect_right(self._paragraph_starts, pos) - 1
        return self.paragraphs[i] if i >= 0 and pos < self.paragraphs[i].end else None

    def clause_at(self, pos: int) -> tuple[int, int] | None:
        """The clause (start, end) holding offset `pos`, if any."""
        sentence = self.sentence_at(pos)
        if sentence is None:
            return None
        return next((c for c in sentence.clauses if c[0] <= pos < c[1]), None)

    def token_index(self, pos: int) -> int:
        """Index of the token starting at or before `pos` (-1 before the first)."""
        return bisect_right(self._token_starts, pos) - 1

    def tokens_between(self, start: int, end: int) -> list[Token]:
        """The tokens that lie wholly inside [start, end)."""
        i = max(0, self.token_index(start))
        if i < len(self.tokens) and self.tokens[i].start < start:
            i += 1
        out = []
        while i < len(self.tokens) and self.tokens[i].end <= end:
            out.append(self.tokens[i])
            i += 1
        return out

    def quote_at(self, pos: int) -> Quote | None:
        """The quotation holding offset `pos`, if any."""
        return next((q for q in self.quotes if q.start <= pos < q.end), None)

    def is_furniture(self, start: int, end: int) -> bool:
        """True when [start, end) lies in a header date line, byline or photo credit."""
        return any(a <= start and end <= b for a, b in self.furniture)

    def heading_before(self, pos: int) -> Paragraph | None:
        """The latest heading paragraph (the title counts: it heads the first section) before `pos`."""
        return next(self.headings_before(pos), None)

    def headings_before(self, pos: int):
        """Heading paragraphs before `pos`, latest first (header furniture skipped)."""
        i = bisect_right(self._paragraph_starts, pos) - 1
        while i >= 0:
            para = self.paragraphs[i]
            if para.is_heading and para.end <= pos and not self.is_furniture(para.start, para.end):
                yield para
            i -= 1
