"""The words of a document that company names are made of, and what the document says of them."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass, field

from ..document import DocModel
from .words import load_words

_SP = r"[ \u00a0]"
# A capitalised word; "Co"/"Ltd" are left to the legal-suffix group, "'s" to the possessive check.
# "Off- shore": a word broken by a lost line break keeps its second half.
_WORD = r"(?!(?:Co|Ltd|Inc|Corp)\b)(?:[A-Z][A-Za-z0-9]*(?:[-&][A-Za-z0-9]+)*(?:-[ \u00a0][a-z]+)?(?:['’][a-z]{2,})?|R&D)"
_PAREN = r"\([A-Z][A-Za-z]+\)"
_LEGAL = rf"(?:,?{_SP}?Co\.?,?{_SP}?Ltd\b\.?|{_SP}Company{_SP}Limited|,?{_SP}(?:Ltd|Inc|Corp)\.|{_SP}Co\b\.?)"
RUN = re.compile(
    rf"(?<![A-Za-z0-9])(?:{_WORD})(?:{_SP}(?:(?:of{_SP}the|of|and|&){_SP})?"
    rf"(?:{_WORD}|{_PAREN}))*(?P<legal>{_LEGAL})?")
# A run of Mandarin syllables: Chinese brand words ("Weihua", "Shenma") look like this, English ones do not.
PINYIN = re.compile(r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|iao|ian|uai|uan|ang|eng|ing|"
                    r"ong|ai|ei|ui|ao|ou|iu|ie|ue|ve|er|an|en|in|un|ia|ua|uo|a|o|e|i|u|v))+")


@dataclass
class DocContext:
    """What judging a name needs to know about its document (read from its document model)."""

    model: DocModel
    lower_words: frozenset  # words the document also writes in lower case: common words
    place_spans: list  # (start, end) of region hits naming towns and larger places
    exact_places: frozenset  # (start, end) of every region hit, zones included
    place_names: frozenset = frozenset()  # lower-cased names of the places the document names
    not_org_spans: tuple = ()  # lists of things ("projects such as ...") and quoted titles
    # Answers already worked out for this document (tokens of a span, a name's key, whether a word
    # is distinctive): the steps that judge names ask the same questions of the same spans.
    memo: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def text(self) -> str:
        """The article's text."""
        return self.model.text

    def tokens(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """The document model's word tokens inside [start, end) as (start, end, word).

        A bracketed word stays one token ("(Group)", "(Taiyuan)"), as names use it; a
        possessive "'s" and punctuation are left out. The list is shared: do not change it.
        """
        found = self.memo.get(("tokens", start, end))
        if found is None:
            found = self.memo["tokens", start, end] = self._tokens(start, end)
        return found

    def _tokens(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """`tokens` worked out."""
        toks = self.model.tokens_between(start, end)
        out: list[tuple[int, int, str]] = []
        i = 0
        while i < len(toks):
            t = toks[i]
            if t.text == "(" and i + 2 < len(toks) and toks[i + 2].text == ")" and toks[i + 1].is_word \
                    and toks[i + 1].is_capitalised and toks[i + 1].start == t.end:
                out.append((t.start, toks[i + 2].end, self.text[t.start:toks[i + 2].end]))
                i += 3
                continue
            if t.is_word:
                out.append((t.start, t.end, t.text))
            i += 1
        return out

    def in_not_org_span(self, start: int, end: int) -> bool:
        """True inside a list of non-organisations or a quoted title, where an industry word is no firm."""
        return any(a <= start and end <= b for a, b in self.not_org_spans)

    def is_place(self, start: int, end: int) -> bool:
        """True when [start, end) lies inside a place (not a zone, which may be named after a firm)."""
        i = bisect_right(self.place_spans, (start, len(self.text)))
        while i > 0 and self.place_spans[i - 1][0] > start - 200:  # place names are short
            i -= 1
            if self.place_spans[i][1] >= end:
                return True
        return False


def make_context(model: DocModel, places: list[tuple[int, int]], zones: list[tuple[int, int]] = (),
                 place_names: set[str] = frozenset(), quotes: list[tuple[int, int]] = ()) -> DocContext:
    """A DocContext for an article with the spans of its places and zones, and their names."""
    lower = frozenset({t.text for t in model.tokens if t.is_word and t.text[0].islower() and len(t.text) > 1})
    return DocContext(model, lower, sorted(places), frozenset(places) | frozenset(zones),
                      frozenset(n.lower() for n in place_names),
                      tuple(_thing_lists(model.text)) + tuple(quotes))


# "projects such as A, B and C": a list introduced by a plural noun; the list runs to the clause end.
_LIST_INTRO = re.compile(r"\b([a-z]+)\s+(?:such\s+as|including|like)\s+")


def _thing_lists(text: str) -> list[tuple[int, int]]:
    """Spans of lists whose head noun is not an organisation word ("projects such as ...").

    A list that names a well-known firm is a list of firms whatever its head noun
    ("digital projects such as Huawei Cloud, ...").
    """
    from .aliases import (
        famous_pattern,  # late: aliases reads the word lists of this module's package
    )
    heads = {h.lower() for h in load_words().list_heads}
    out = []
    for m in _LIST_INTRO.finditer(text):
        if m.group(1) not in heads and m.group(1).endswith("s"):
            end = re.search(r"[.;:!?\n]", text[m.end():])
            span = (m.end(), m.end() + (end.start() if end else len(text) - m.end()))
            if not famous_pattern().search(text, *span):
                out.append(span)
    return out


def strip_possessive(word: str) -> str:
    """A word without a trailing possessive."""
    return re.sub(r"['’]s$", "", word)


def is_distinctive(ctx: DocContext, start: int, end: int, word: str) -> bool:
    """True for a word that can identify a firm: not a place, not a common word."""
    found = ctx.memo.get(("distinctive", start, end, word))
    if found is None:
        found = ctx.memo["distinctive", start, end, word] = _is_distinctive(ctx, start, end, word)
    return found


def _is_distinctive(ctx: DocContext, start: int, end: int, word: str) -> bool:
    """`is_distinctive` worked out."""
    w = load_words()
    word = strip_possessive(word)
    if word.startswith("(") or word in w.place_prefixes or ctx.is_place(start, end):
        return False
    low = word.lower()
    if low in ctx.place_names:
        return False  # a place named elsewhere in the text, e.g. "Changyuan's" missed as a region
    if low in w.generic or low in w.kinds or low in ("of", "the", "and", "my", "country"):
        return False
    if word.isupper() and word not in w.acronym_stop:
        return True
    return low not in ctx.lower_words and word[0].isupper()


def looks_pinyin(word: str) -> bool:
    """True for a word spelt as Mandarin syllables ("Qiaolong"), false for most English words ("Pump")."""
    return PINYIN.fullmatch(word.lower()) is not None


def looks_like_person(words: list[str]) -> bool:
    """Two or three words starting with a common surname: a person's name."""
    w = load_words()
    return 2 <= len(words) <= 3 and words[0] in w.surnames and not (set(words) & w.industry_ends)


@dataclass
class Candidate:
    """A span judged to name an organisation."""

    start: int
    end: int
    kind: str = "firm"  # firm | research
    suffix: str = ""  # kind word a bare list item implies ("Laboratory" for "labs including X")


MAX_NAME = 300  # no firm's name runs longer than this many characters


class SpanIndex:
    """Spans already taken by names, for quick overlap checks in long articles."""

    def __init__(self, spans=()):
        self._spans: list[tuple[int, int]] = sorted((s.start, s.end) if hasattr(s, "start") else tuple(s)
                                                    for s in spans)

    def add(self, start: int, end: int) -> None:
        """Take [start, end)."""
        insort(self._spans, (start, end))

    def overlaps(self, start: int, end: int) -> bool:
        """True when [start, end) shares a character with a taken span."""
        i = bisect_left(self._spans, (end, -1)) - 1
        while i >= 0 and self._spans[i][0] > start - MAX_NAME:
            if self._spans[i][1] > start:
                return True
            i -= 1
        return False

    def holds(self, start: int, end: int) -> bool:
        """True when a taken span lies inside [start, end)."""
        i = bisect_left(self._spans, (start, -1))
        return i < len(self._spans) and self._spans[i][0] < end and any(
            b <= end for a, b in self._spans[i:i + 8] if a < end)
