"""Decide which company or region each figure describes, by scoring every candidate.

Candidates are the entities named in the figure's sentence and the sentences before it in
its paragraph, the entities that "it", "the company" or "this zone" refer back to, the place of
the section heading and the place the article is about. Each gets evidence (same clause,
grammatical subject, possessive, distance, whether the metric suits a firm or a place,
the most local place...), and fitted weights (data/weights.json) pick the best. Places inside company
names and names inside a figure's own span are never candidates.

Entry point: `attribute_subjects(extraction, mentions, regions)`.
"""
from __future__ import annotations

from bisect import bisect_right

from ...models import Figure, Mention, Region
from ..document import DocModel, read
from ..regions.focus import focus_place
from .candidates import DocFacts, candidates_for
from .references import Resolver
from .scorer import choose

__all__ = ["attribute_subjects", "document_facts"]


def document_facts(ex, mentions: list[Mention], regions: dict[str, Region],
                   model: DocModel | None = None) -> DocFacts:
    """What subject scoring needs to know about one article."""
    model = model or read(ex.doc)
    kept = _kept_mentions(mentions, regions, [(h.start, h.end) for h in ex.figure_hits])
    focus = focus_place(model, ex.region_hits, regions)
    section = _section_places(model, kept, regions)
    references = Resolver(model, kept, regions, focus, section).resolve()
    return DocFacts.build(model, kept, references, regions, focus, section)


def attribute_subjects(ex, mentions: list[Mention], regions: dict[str, Region],
                       model: DocModel | None = None) -> list[Figure]:
    """Figures of one extraction, each with its subject and sentence."""
    facts = document_facts(ex, mentions, regions, model)
    sentences = [p for p in ex.passages if p.kind == "sentence"]
    starts = [p.start for p in sentences]
    figures = []
    for hit in ex.figure_hits:
        i = bisect_right(starts, hit.start) - 1
        sentence_id = sentences[i].id if i >= 0 and hit.start < sentences[i].end else None
        figures.append(Figure(
            id=f"fig:{ex.doc.id}:{hit.start}", doc_id=ex.doc.id, start=hit.start, end=hit.end,
            text=hit.text, value=hit.value, unit=hit.unit, qualifier=hit.qualifier,
            metric=hit.metric, category=hit.category, period=hit.period,
            subject_id=choose(candidates_for(facts, hit.start, hit.end)), sentence_id=sentence_id,
            kind=hit.kind, status=hit.status, period_text=hit.period_text, conversion=hit.conversion))
    return figures


def _kept_mentions(mentions: list[Mention], regions: dict[str, Region],
                   figure_spans: list[tuple[int, int]]) -> list[Mention]:
    """Mentions that can be subjects: not a place inside a firm's name, not inside a figure."""
    in_figure = _within_any(figure_spans)
    in_company = _within_any([(m.start, m.end) for m in mentions if m.entity_id not in regions])
    return sorted((m for m in mentions if not in_figure(m.start, m.end)
                   and (m.entity_id not in regions or not in_company(m.start, m.end))),
                  key=lambda m: m.start)


def _within_any(spans: list[tuple[int, int]]):
    """A function: (start, end) → whether some span (a, b) has a <= start and end <= b.

    Spans sorted by start, with the furthest end among each prefix: the spans that start by
    `start` hold [start, end) when the furthest of their ends reaches `end` (a bisection, not a
    scan of every span for every mention)."""
    ordered = sorted(spans)
    starts = [a for a, _ in ordered]
    reach, furthest = [], None
    for _, b in ordered:
        furthest = b if furthest is None or b > furthest else furthest
        reach.append(furthest)

    def holds(start: int, end: int) -> bool:
        i = bisect_right(starts, start)
        return i > 0 and reach[i - 1] >= end
    return holds


def _section_places(model: DocModel, mentions: list[Mention], regions: dict[str, Region]):
    """A function: offset → the most local place of the latest heading that names one."""
    order = ("zone", "town", "district", "county", "prefecture", "province")
    cache: dict[int, str | None] = {}
    placeless: set[int] = set()  # headings that name no place: asked again for every figure after them

    def place_at(pos: int) -> str | None:
        """The place of the latest heading before `pos` that names one (cached per heading)."""
        for heading in model.headings_before(pos):
            if heading.index in cache:
                return cache[heading.index]
            if heading.index in placeless:
                continue
            named = [m for m in mentions if heading.start <= m.start < heading.end and m.entity_id in regions]
            if named:
                best = min(named, key=lambda m: order.index(regions[m.entity_id].level)).entity_id
                cache[heading.index] = best
                return best
            placeless.add(heading.index)
        return None
    return place_at
