"""Back-references resolved to the entity they mean: "it", "the company", "this zone", "our".

Each becomes a virtual mention at the reference's own span, so subject scoring can treat
"the company's revenue" like "Weihua's revenue".
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from ...models import Mention, Region
from ..document import DocModel
from ..figures.vocabulary import whole_words_re
from .words import subject_words

# "it is reported that...": a dummy subject, not a reference.
_DUMMY_IT = re.compile(r"it\s+(?:is|was|has\s+been)\s+(?:reported|understood|learned|learnt|expected|"
                       r"estimated|worth|said|known|noted|planned|hoped|predicted|believed|clear|"
                       r"necessary|important|possible|difficult|easy)\b", re.I)
# Whole words, case-blind: the same matches as \b(?:it|its)\b and \b(?:we|our|us)\b, found faster.
_PRONOUN = whole_words_re(["it", "its"])
_FIRST_PERSON = whole_words_re(["we", "our", "us"])
# How far back (in characters) a reference looks for what it means: a few paragraphs.
REACH = 4000


@dataclass(frozen=True)
class Reference:
    """A span that refers back to an entity: `kind` says how it was resolved."""

    start: int
    end: int
    entity_id: str
    kind: str  # "pronoun" | "noun" | "speaker"


def _definite() -> re.Pattern:
    """'the company', 'this high-tech zone', 'the county' (not 'the company of X')."""
    words = subject_words()
    nouns = sorted(words.company_references | set(words.place_references), key=len, reverse=True)
    return re.compile(rf"\b(?:the|this|that|said|our|its)\s+(?:[a-z-]+\s+){{0,2}}?({'|'.join(nouns)})\b"
                      rf"(?!\s+(?:of|in)\b)", re.I)


class Resolver:
    """Resolves references in document order against the entities named before them."""

    def __init__(self, model: DocModel, mentions: list[Mention], regions: dict[str, Region],
                 focus: str | None, section_place):
        self.model = model
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]
        self._resolved: set[tuple[int, int]] = set()
        self.regions = regions
        self.focus = focus
        self.section_place = section_place  # pos → the place of the section's heading, or None

    def resolve(self) -> list[Reference]:
        """Every back-reference of the document that can be resolved, in text order.

        A resolved reference counts as a mention for the ones after it, so "It ... Its ..."
        chains back to the name the first "it" meant.
        """
        text = self.model.text
        found: list[tuple[int, int, str]] = [(m.start(), m.end(), "noun:" + m.group(1).lower())
                                             for m in _definite().finditer(text)]
        found += [(m.start(), m.end(), "pronoun") for m in _PRONOUN.finditer(text)
                  if not _DUMMY_IT.match(text, m.start())]
        for quote in self.model.quotes:
            found += [(m.start(), m.end(), "speaker") for m in _FIRST_PERSON.finditer(text, quote.start, quote.end)]
        out: list[Reference] = []
        for start, end, how in sorted(found):
            if how == "speaker":
                target = self._speaker_company(self.model.quote_at(start))
            elif how == "pronoun":
                target = self._pronoun_target(start)
            else:
                target = self._noun_target(how[5:], start)
            if target:
                ref = Reference(start, end, target, how.split(":")[0])
                out.append(ref)
                self._add(Mention(target, self.model.doc_id, start, end, text[start:end]))
        return out

    def _add(self, mention: Mention) -> None:
        """Count a resolved reference as a mention for later references."""
        self._resolved.add((mention.start, mention.end))
        i = bisect_right(self._starts, mention.start)
        self.mentions.insert(i, mention)
        self._starts.insert(i, mention.start)

    def _before(self, pos: int) -> list[Mention]:
        """Mentions that end before `pos` and lie within reach of a back-reference, latest last."""
        lo = bisect_left(self._starts, pos - REACH)
        hi = bisect_left(self._starts, pos)
        return [m for m in self.mentions[lo:hi] if m.end <= pos]

    def _noun_target(self, noun: str, pos: int) -> str | None:
        """The latest entity a noun like "company" or "county" can mean."""
        words = subject_words()
        named = self._named_like(noun, pos)
        if named:
            return named  # "the base" after "X Pilot Base", "the park" after "Y Industrial Park"
        if noun in words.company_references:
            quote = self.model.quote_at(pos)
            if quote is not None and self.model.text[pos:pos + 4].lower() == "our ":
                speaker = self._speaker_company(quote)
                if speaker:
                    return speaker
            return next((m.entity_id for m in reversed(self._before(pos))
                         if m.entity_id not in self.regions), None)
        levels = words.place_references.get(noun, frozenset())
        section = self.section_place(pos)
        if section and self.regions[section].level in levels:
            return section  # "the city" in a section about a city means that city
        found = next((m.entity_id for m in reversed(self._before(pos)) if m.entity_id in self.regions
                      and self.regions[m.entity_id].level in levels), None)
        if found:
            return found
        return self.focus if self.focus and self.regions[self.focus].level in levels else None

    def _named_like(self, noun: str, pos: int) -> str | None:
        """The latest entity whose name ends with the noun ("the laboratory" → "Longmen Laboratory")."""
        for m in reversed(self._before(pos)):
            if (m.start, m.end) in self._resolved:
                continue  # "the company" resolved earlier is a reference, not a name ending in "company"
            if m.text.lower().rstrip(".").endswith(" " + noun) or m.text.lower().endswith(" " + noun + "s"):
                return m.entity_id
        return None

    def _pronoun_target(self, pos: int) -> str | None:
        """What an "it"/"its" opening a clause means: the subject of the sentence before."""
        sentence = self.model.sentence_at(pos)
        if sentence is None:
            return None
        clause = self.model.clause_at(pos) or (sentence.start, sentence.end)
        lead = self.model.text[clause[0]:pos].strip(" ,\"“")
        if len(lead.split()) > 4:  # "it" deep inside a clause is rarely about the article's entity
            return None
        here = [m for m in self._before(pos) if m.start >= sentence.start]
        if here:
            return _subject_of(here, self.model.text)
        if sentence.index == 0:
            return None
        previous = self.model.sentences[sentence.index - 1]
        earlier = [m for m in self._before(previous.end) if m.start >= previous.start]
        return _subject_of(earlier, self.model.text) if earlier else None

    def _speaker_company(self, quote) -> str | None:
        """The firm of a quotation's speaker ("said Li Ming, chairman of X Group")."""
        if quote.speaker is None:
            return None
        a, b = quote.speaker
        inside = [m for m in self.mentions[bisect_left(self._starts, a):bisect_left(self._starts, b)]
                  if m.entity_id not in self.regions]
        return inside[0].entity_id if inside else None


def _subject_of(mentions: list[Mention], text: str) -> str:
    """The entity a sentence is about: its first mention that is not the object of a preposition."""
    preps = subject_words().prepositions
    for m in mentions:
        before = text[max(0, m.start - 12):m.start].split()
        if not before or before[-1].lower() not in preps:
            return m.entity_id
    return mentions[-1].entity_id
