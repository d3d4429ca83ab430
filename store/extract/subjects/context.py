"""What subject attribution needs to know about a document: sentences, paragraphs, headings,
resolved back-references, and which mentions are places."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from ...models import Mention, Passage, Region

# "the company", "this group", "the county"... anywhere before the figure in its sentence.
_DEFINITE = re.compile(r"\b(?:the|this|that|said)\s+(?:[a-z-]+\s+){0,3}?(company|group|enterprise|firm|"
                       r"factory|plant|county|city|province|town|district|zone|park|base|laboratory|"
                       r"institute)\b(?!\s+(?:of|in)\b)", re.I)
_PLACE_NOUNS = {"county": {"county"}, "city": {"county", "prefecture"}, "province": {"province"},
                "town": {"town"}, "district": {"district"}, "zone": {"zone"}, "park": {"zone"}}
_COMPANY_NOUNS = {"company", "enterprise", "firm", "factory", "plant", "group"}
HEADING_MAX = 120


@dataclass
class Context:
    """A document's text with its entity mentions (places inside company names dropped)."""

    text: str
    regions: dict[str, Region]
    mentions: list[Mention]
    sentences: list[tuple[int, int]]
    paragraphs: list[tuple[int, int]]
    headings: list[tuple[int, str]]  # (start, place id) of heading-like paragraphs
    _starts: list[int] = field(default_factory=list, repr=False)
    _starts_of: list[Mention] | None = field(default=None, repr=False)

    @classmethod
    def build(cls, text: str, passages: list[Passage], mentions: list[Mention],
              regions: dict[str, Region], figure_spans: list[tuple[int, int]]) -> Context:
        """Index a document's passages and mentions for attribution.

        Places inside company names and names inside a figure's own span ("26 Zhejiang
        provincial-level talents") are dropped: they qualify something, they are not subjects.
        """
        companies = [(m.start, m.end) for m in mentions if m.entity_id not in regions]
        kept = [m for m in mentions
                if not any(a <= m.start and m.end <= b for a, b in figure_spans)
                and (m.entity_id not in regions
                     or not any(a <= m.start and m.end <= b for a, b in companies))]
        kept.sort(key=lambda m: m.start)
        sentences = [(p.start, p.end) for p in passages if p.kind == "sentence"]
        paragraphs = [(p.start, p.end) for p in passages if p.kind == "paragraph"]
        ctx = cls(text, regions, kept, sentences, paragraphs, [])
        ctx.headings = [(a, place) for a, b in paragraphs
                        if (place := ctx._heading_place(a, b)) is not None]
        ctx.mentions = sorted(kept + ctx._resolve_definites(), key=lambda m: m.start)
        return ctx

    def _resolve_definites(self) -> list[Mention]:
        """"the company", "the high-tech zone"... as mentions of the latest entity they fit."""
        out = []
        for d in _DEFINITE.finditer(self.text):
            noun = d.group(1).lower()
            section = self.heading_mention(d.start())
            # "the city" in a section about a city means that city, not the last place named.
            if section is not None and self.fits(section, noun):
                out.append(Mention(section.entity_id, section.doc_id, d.start(), d.end(), d.group(0)))
                continue
            for m in reversed(self.between(0, d.start())):
                if self.fits(m, noun):
                    out.append(Mention(m.entity_id, m.doc_id, d.start(), d.end(), d.group(0)))
                    break
        return out

    def heading_mention(self, pos: int) -> Mention | None:
        """A mention of the current section heading's place (None outside a section)."""
        place = self.heading_place(pos)
        start = self.section_start(pos)
        return next((m for m in self.between(start, pos) if m.entity_id == place), None)

    def _heading_place(self, a: int, b: int) -> str | None:
        """The most specific place of a short, unpunctuated paragraph that opens with a place."""
        if b - a > HEADING_MAX or self.text[b - 1] in ".!?。" or self.text[b - 2:b] in ('."', '.”'):
            return None
        places = [m for m in self.between(a, b) if self.is_place(m)]
        if not places or places[0].start != a:
            return None  # a section heading leads with its place: "Changyuan, Henan: ..."
        order = ("zone", "town", "district", "county", "prefecture", "province")
        places.sort(key=lambda m: order.index(self.regions[m.entity_id].level))
        return places[0].entity_id if places else None

    def between(self, lo: int, hi: int) -> list[Mention]:
        """Mentions that lie inside [lo, hi)."""
        if self._starts_of is not self.mentions:  # the mention list was replaced: re-index it
            self._starts = [m.start for m in self.mentions]
            self._starts_of = self.mentions
        starts = self._starts
        i, j = bisect_left(starts, lo), bisect_left(starts, hi)
        return [m for m in self.mentions[i:j] if m.end <= hi]

    def _span_at(self, spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
        """The span of `spans` (sorted, disjoint) holding `pos`, or a zero span at `pos`."""
        i = bisect_right(spans, (pos, float("inf"))) - 1
        return spans[i] if i >= 0 and pos < spans[i][1] else (pos, pos)

    def sentence_at(self, pos: int) -> tuple[int, int]:
        """The sentence holding offset `pos`."""
        return self._span_at(self.sentences, pos)

    def paragraph_at(self, pos: int) -> tuple[int, int]:
        """The paragraph holding offset `pos`."""
        return self._span_at(self.paragraphs, pos)

    def heading_place(self, pos: int) -> str | None:
        """The place of the latest section heading before `pos`."""
        before = [place for start, place in self.headings if start < pos]
        return before[-1] if before else None

    def section_start(self, pos: int) -> int:
        """Where the section holding `pos` begins (its heading, or the document start)."""
        before = [start for start, _ in self.headings if start < pos]
        return before[-1] if before else 0

    def is_place(self, m: Mention) -> bool:
        """True when the mention names a region."""
        return m.entity_id in self.regions

    def fits(self, m: Mention, noun: str) -> bool:
        """Whether mention `m` can be what a back-reference `noun` ("company", "county"...) means."""
        if noun == "it":
            return True
        if self.is_place(m):
            return self.regions[m.entity_id].level in _PLACE_NOUNS.get(noun, ())
        return noun in _COMPANY_NOUNS or m.text.lower().rstrip(".").endswith(noun)
