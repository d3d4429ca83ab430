"""The entities a figure may be about, each with the evidence for it (a feature vector)."""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field

from ...models import Mention, Region
from ..document import DocModel
from ..regions.hierarchy import ancestors
from .features import features_of, level_of, metric_context
from .references import Reference

LEVELS = ("zone", "town", "county", "prefecture", "province")
PREVIOUS_SENTENCES = 2


@dataclass
class Candidate:
    """One entity a figure may describe, and the evidence gathered for it."""

    entity_id: str
    features: dict[str, float] = field(default_factory=dict)


@dataclass
class DocFacts:
    """What every figure of one article shares: its model, mentions, references and places."""

    model: DocModel
    mentions: list[Mention]  # real mentions and resolved references, in text order
    references: set[tuple[int, int]]  # spans of the mentions that are resolved references
    regions: dict[str, Region]
    focus: str | None
    section_place: object  # pos → place id of the section heading, or None
    counts: Counter = field(default_factory=Counter)
    starts: list[int] = field(default_factory=list)
    memo: dict = field(default_factory=dict, repr=False, compare=False)  # answers per sentence, once

    def between(self, lo: int, hi: int) -> list[Mention]:
        """Mentions that start inside [lo, hi) (a bisect: figures stay cheap in long articles)."""
        if len(self.starts) != len(self.mentions):
            self.starts = [m.start for m in self.mentions]
        return self.mentions[bisect_left(self.starts, lo):bisect_left(self.starts, hi)]

    @classmethod
    def build(cls, model, mentions, references: list[Reference], regions, focus, section_place):
        """Facts for one article; references join the mentions as virtual ones."""
        virtual = [Mention(r.entity_id, model.doc_id, r.start, r.end, model.text[r.start:r.end])
                   for r in references]
        everything = sorted(mentions + virtual, key=lambda m: m.start)
        return cls(model, everything, {(r.start, r.end) for r in references}, regions, focus,
                   section_place, Counter(m.entity_id for m in mentions))


def candidates_for(facts: DocFacts, start: int, end: int) -> list[Candidate]:
    """Every entity the figure at [start, end) may be about, with its features."""
    model = facts.model
    sentence = model.sentence_at(start)
    if sentence is None:
        return []
    clause = model.clause_at(start) or (sentence.start, sentence.end)
    window_start = model.sentences[max(0, sentence.index - PREVIOUS_SENTENCES)].start
    para = model.paragraph_at(start)
    p_start = para.start if para else sentence.start
    near = [m for m in facts.between(max(p_start, window_start), sentence.end)
            if not (m.start < end and start < m.end)]
    by_entity: dict[str, list[Mention]] = {}
    for m in near:
        by_entity.setdefault(m.entity_id, []).append(m)
    context = metric_context(model.text, sentence.start, sentence.end, start, end)
    out = [Candidate(eid, features_of(facts, eid, ms, start, end, sentence, clause, context))
           for eid, ms in by_entity.items()]
    _mark_most_local(out, facts.regions)
    for eid in (facts.section_place(start), facts.focus):  # the section's and the article's place
        if eid and eid not in by_entity and all(c.entity_id != eid for c in out):
            out.append(Candidate(eid, features_of(facts, eid, [], start, end, sentence, clause, context)))
    return out


DEPTH = {"province": 0, "prefecture": 1, "county": 2, "town": 3, "zone": 4}


def _mark_most_local(cands: list[Candidate], regions: dict[str, Region]) -> None:
    """Flag the most local of the places named in the figure's sentence."""
    places = [c for c in cands if c.features.get("same_sentence") and c.entity_id in regions]
    if len(places) < 2:
        return
    deepest = max(DEPTH.get(level_of(c.entity_id, regions), 0) for c in places)
    for c in places:
        c.features["most_local"] = float(DEPTH.get(level_of(c.entity_id, regions), 0) == deepest)
    # A place of the section or article that the sentence narrows down ("In Zhucheng, a city of
    # Weifang, ...") no longer frames it: the more local place does.
    for c in cands:
        frames = [k for k in c.features if k.startswith(("section", "focus"))]
        if frames and any(c.entity_id in ancestors(o.entity_id, regions) for o in places if o is not c):
            for k in frames:
                c.features[k] = 0.0
