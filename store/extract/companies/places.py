"""Where the text puts a company, and its name without the places before its brand."""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from ...models import Region, RegionHit
from ..regions.hierarchy import ancestors
from .text import Candidate, DocContext, SpanIndex
from .words import load_words

_LEVEL_RANK = {"zone": 0, "town": 1, "district": 2, "county": 3, "prefecture": 4, "province": 5}
# Between a firm's name and the place it is in: "X, located in P", "X (000338) from P", "X in P".
_AFTER_PLACE = re.compile(r"^(?:\s*\([^()]{0,20}\))?,?\s*(?:(?:which is |that is )?(?:located|based|"
                          r"headquartered|situated)\s+(?:in|at)|in|at|from)\s+(?:the\s+)?$")
_BASED = re.compile(r"^,\s+an?\s+$")
_LOCATIVE = re.compile(r"\b(?:in|at|into|within|inside)\s+(?:the\s+)?(?:[\w’']+\s+){0,2}$", re.I)
_BACK_REFERENCE = re.compile(r"\b(?:the|this|our)\s+(?:city|county|district|town|zone|park|area|region)\b|"
                             r"\blocal\b|\bhere\b", re.I)
NAME, AFTER, CLAUSE, SECTION, FOCUS, PROVINCE_PREFIX = 3.0, 4.0, 2.0, 2.0, 1.0, 1.0


class Hits:
    """Region hits sorted by offset, with the spans of firms' names, for windowed lookups."""

    def __init__(self, hits: list[RegionHit], records: dict[str, Region], taken: list[tuple[int, int]]):
        self.hits = sorted((h for h in hits if h.key in records), key=lambda h: h.start)
        self.starts = [h.start for h in self.hits]
        self.taken = SpanIndex(taken)
        self._about: dict[tuple, bool] = {}

    def between(self, lo: int, hi: int) -> list[RegionHit]:
        """Hits that start inside [lo, hi)."""
        return self.hits[bisect_left(self.starts, lo):bisect_left(self.starts, hi)]

    def paragraph_names(self, para, place: str, records: dict[str, Region]) -> bool:
        """True when the paragraph names `place` or a place inside it, outside firms' names."""
        key = (para.index, place)
        if key not in self._about:
            self._about[key] = any(h.key == place or place in ancestors(h.key, records)
                                   for h in self.free(para.start, para.end, (0, 0)))
        return self._about[key]

    def free(self, lo: int, hi: int, inside: tuple[int, int]) -> list[RegionHit]:
        """Hits in [lo, hi) that are not part of a firm's name (other than the span `inside`)."""
        return [h for h in self.between(lo, hi) if inside[0] <= h.start < inside[1]
                or not self.taken.overlaps(h.start, h.end)]


def place_of_firm(model, mentions: list[Candidate], hits: Hits, records: dict[str, Region],
                  focus: str | None) -> str | None:
    """The most local place the text puts a firm in, from all its mentions in one article.

    Evidence, strongest first: a place right after the name ("located in", "from"), a place in
    the name, a place in the same clause or the section heading, and the place the article is
    about when the firm's paragraph is about it too. Support for a place also counts for the
    places under it, so the most local consistent place wins. No evidence, no place.
    """
    support: dict[str, float] = {}
    for cand in mentions:
        for region_id, strength in _evidence(model, cand, hits, records, focus):
            support[region_id] = max(support.get(region_id, 0.0), strength)
    if not support:
        return None
    def total(region_id: str) -> tuple[float, int]:
        """A place's own support plus half its ancestors', then its depth."""
        above = ancestors(region_id, records)
        inherited = sum(v for k, v in support.items() if k in above) / 2
        return support[region_id] + inherited, -_LEVEL_RANK.get(records[region_id].level, 9)
    return max(support, key=total)


def _evidence(model, cand: Candidate, hits: Hits, records, focus) -> list[tuple[str, float]]:
    """(region id, strength) pairs one mention of a firm gives."""
    text = model.text
    out: list[tuple[str, float]] = []
    inside = [h for h in hits.between(cand.start, cand.end) if h.end <= cand.end]
    for h in inside:
        local = records[h.key].level != "province"
        out.append((h.key, NAME if local else PROVINCE_PREFIX))
    after = next((h for h in hits.between(cand.end, cand.end + 40)
                  if _AFTER_PLACE.match(text[cand.end:h.start]) or _BASED.match(text[cand.end:h.start])), None)
    if after:
        out.append((after.key, AFTER))
    clause = model.clause_at(cand.start) or (cand.start, cand.end)
    sentence = model.sentence_at(cand.start)
    for lo, hi, strength in ((*clause, CLAUSE), (sentence.start, sentence.end, CLAUSE - 0.5) if sentence else (0, 0, 0)):
        near = [h for h in hits.free(lo, hi, (cand.start, cand.start)) if not (cand.start <= h.start < cand.end)]
        if near:
            best = min(near, key=lambda h: abs(h.start - cand.start))
            bonus = 0.5 if _LOCATIVE.search(text, max(0, best.start - 40), best.start) else 0.0
            out.append((best.key, strength + bonus))
            break
    else:
        back = _BACK_REFERENCE.search(text, *clause) if focus else None
        if back and _LOCATIVE.search(text, max(0, back.start() - 40), back.start() + 4):
            out.append((focus, CLAUSE))  # "which opened a plant in the zone": the article's zone
    for heading in model.headings_before(cand.start):  # the section: its latest heading naming a place
        named = [h for h in hits.between(heading.start, heading.end)
                 if records[h.key].level != "province"]  # a province's section says nothing local
        if named:
            out.append((min(named, key=lambda h: _LEVEL_RANK.get(records[h.key].level, 9)).key, SECTION))
            break
    # Never a whole province by default: an article about Henan says nothing of where TSMC is.
    if focus and records[focus].level != "province" and _about_focus(model, cand, hits, records, focus) \
            and not _foreign(text, cand):
        out.append((focus, FOCUS))
    return out


def _about_focus(model, cand: Candidate, hits: Hits, records, focus: str) -> bool:
    """True when the firm's paragraph names the article's place (not inside a firm's name) or
    refers back to one ("the city", "local")."""
    para = model.paragraph_at(cand.start)
    if para is None:
        return False
    if hits.paragraph_names(para, focus, records):
        return True
    return bool(_BACK_REFERENCE.search(model.text, para.start, para.end))


def _foreign(text: str, cand: Candidate) -> bool:
    """True when an origin abroad stands before the name ("Swiss conglomerate ABB Group")."""
    return bool(_origin_pattern().search(text, max(0, cand.start - 40), cand.start))


@lru_cache(maxsize=1)
def _origin_pattern() -> re.Pattern:
    """Any word of origin abroad, as a whole word."""
    words = sorted(load_words().nationalities - {"Local", "Domestic"}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b")


def without_place(ctx: DocContext, cand: Candidate) -> str:
    """A branded name without the places before its brand: "Anyang Qiaolong Pump" -> "Qiaolong Pump"."""
    places = load_words().place_prefixes | {"my", "country"}
    toks = ctx.tokens(cand.start, cand.end)
    start = cand.start
    for s, e, word in toks[:-1]:
        if not (ctx.is_place(s, e) or word in places or word.lower() in ctx.place_names
                or word in load_words().place_words or word.startswith("(")):
            break
        start = toks[toks.index((s, e, word)) + 1][0]
    return ctx.text[start:cand.end]
