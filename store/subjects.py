"""Decide which company or region each figure describes.

Order of evidence, strongest first: a company named in the same sentence before the figure;
"the company"/"its" pointing back to the last company named; the most specific place named
in the sentence; the place the current section is about.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from .models import Figure, Mention, Region

_LEVEL_RANK = {"zone": 0, "town": 1, "district": 2, "county": 3, "prefecture": 4, "province": 5}
# Words that refer back to the last company named.
_BACK_REFERENCE = re.compile(
    r"\b(?:the|this) (?:company|group|enterprise|firm|factory|plant)\b|\b(?:its|it)\b", re.I)
SECTION_LEVELS = {"county", "district", "town", "zone", "prefecture"}


def _sentence_of(sentences: list[tuple[int, int]], starts: list[int], pos: int) -> tuple[int, int]:
    """The sentence span containing offset `pos` (or a zero span at `pos`)."""
    i = bisect_right(starts, pos) - 1
    if i >= 0 and sentences[i][0] <= pos < sentences[i][1]:
        return sentences[i]
    return (pos, pos)


def _pick_region(mentions: list[Mention], regions: dict[str, Region]) -> str | None:
    """The most specific place among mentions; the nearest one wins a tie."""
    best = None
    for m in mentions:
        rank = _LEVEL_RANK.get(regions[m.entity_id].level, 9)
        if best is None or rank <= best[0]:
            best = (rank, m.entity_id)
    return best[1] if best else None


def subject_for(start: int, end: int, sentence: tuple[int, int], text: str,
                companies: list[Mention], places: list[Mention],
                regions: dict[str, Region]) -> str | None:
    """The id of the entity a figure at [start, end) describes, or None."""
    s_start, s_end = sentence
    in_sentence = [m for m in companies if s_start <= m.start and m.end <= s_end]
    before = [m for m in in_sentence if m.end <= start]
    if before:
        return before[-1].entity_id
    head = text[s_start:start]
    earlier = [m for m in companies if m.end <= s_start]
    if earlier and _BACK_REFERENCE.search(head):
        return earlier[-1].entity_id
    local_places = [m for m in places if s_start <= m.start and m.end <= s_end]
    if local_places:
        return _pick_region(local_places, regions)
    if in_sentence:
        return in_sentence[0].entity_id
    return section_place(start, places, regions)


def section_place(pos: int, places: list[Mention], regions: dict[str, Region]) -> str | None:
    """The place the text before `pos` is about: the last county-level-or-lower place named."""
    for m in reversed([m for m in places if m.end <= pos]):
        if regions[m.entity_id].level in SECTION_LEVELS:
            return m.entity_id
    return places[0].entity_id if places else None


def attribute_subjects(ex, mentions: list[Mention], regions: dict[str, Region]) -> list[Figure]:
    """Figures of one extraction, each with its subject and sentence."""
    mentions = sorted(mentions, key=lambda m: m.start)
    places = [m for m in mentions if m.entity_id in regions]
    companies = [m for m in mentions if m.entity_id not in regions]
    sentence_passages = [p for p in ex.passages if p.kind == "sentence"]
    spans = [(p.start, p.end) for p in sentence_passages]
    starts = [s for s, _ in spans]
    figures = []
    for hit in ex.figure_hits:
        span = _sentence_of(spans, starts, hit.start)
        idx = spans.index(span) if span in spans else None
        subject = subject_for(hit.start, hit.end, span, ex.doc.text, companies, places, regions)
        figures.append(Figure(
            id=f"fig:{ex.doc.id}:{hit.start}", doc_id=ex.doc.id, start=hit.start, end=hit.end,
            text=hit.text, value=hit.value, unit=hit.unit, qualifier=hit.qualifier,
            metric=hit.metric, category=hit.category, period=hit.period, subject_id=subject,
            sentence_id=sentence_passages[idx].id if idx is not None else None))
    return figures
