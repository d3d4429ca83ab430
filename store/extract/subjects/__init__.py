"""Decide which company or region each figure describes.

Evidence, strongest first:
1. an entity in the figure's own clause (a company before a place; before the figure before after);
2. a back-reference before the figure ("the company", "the group", "the county", sentence-initial
   "It"/"Its") resolved to the latest fitting entity;
3. an entity elsewhere in the sentence;
4. the latest entity earlier in the paragraph that is not merely "of X";
5. the place of the current section (its heading), else the latest county-level place named.
Places named inside a company's name ("Zhengzhou" in "Zhengzhou Coal Mining Machinery Group")
are part of that name, never subjects on their own.
"""
from __future__ import annotations

from bisect import bisect_right

from ...models import Figure, Mention, Region
from .clues import clause_bounds, is_topical, pronoun_opening, quote_close
from .context import Context

_LEVEL_RANK = {"zone": 0, "town": 1, "district": 2, "county": 3, "prefecture": 4, "province": 5}
SECTION_LEVELS = {"county", "district", "town", "zone"}


def _companies(mentions: list[Mention], ctx: Context) -> list[Mention]:
    return [m for m in mentions if not ctx.is_place(m)]


def _most_specific(mentions: list[Mention], ctx: Context, pos: int) -> str | None:
    """The most specific place among mentions; the nearest wins a tie."""
    best = None
    for m in mentions:
        if ctx.is_place(m):
            rank = (_LEVEL_RANK.get(ctx.regions[m.entity_id].level, 9), abs(m.start - pos))
            if best is None or rank < best[0]:
                best = (rank, m.entity_id)
    return best[1] if best else None


def _best_in(mentions: list[Mention], ctx: Context, pos: int) -> str | None:
    """A company (the nearest to `pos`), else the most specific place."""
    companies = _companies(mentions, ctx)
    if companies:
        return min(companies, key=lambda m: abs(m.start - pos)).entity_id
    return _most_specific(mentions, ctx, pos)


def _latest_sentence_subject(ctx: Context, lo: int, pos: int) -> str | None:
    """The best entity of the latest sentence before `pos` that names one (for "it"/"its")."""
    mentions = ctx.between(lo, pos)
    if not mentions:
        return None
    s_start, _ = ctx.sentence_at(mentions[-1].start)
    return _best_in(ctx.between(max(lo, s_start), pos), ctx, pos)


def _latest(ctx: Context, lo: int, hi: int, want=None) -> str | None:
    """The last entity mentioned in [lo, hi) that satisfies `want`."""
    for m in reversed(ctx.between(lo, hi)):
        if want is None or want(m):
            return m.entity_id
    return None


def subject_for(ctx: Context, start: int, end: int) -> str | None:
    """The id of the entity a figure at [start, end) describes, or None."""
    s_start, s_end = ctx.sentence_at(start)
    c_start, c_end = clause_bounds(ctx.text, s_start, s_end, start, end)
    p_start, p_end = ctx.paragraph_at(start)
    clause_before = ctx.between(c_start, start)
    sentence_before = ctx.between(s_start, start)
    after = ctx.between(end, c_end) + ctx.between(c_end, s_end)
    steps = (
        lambda: _best_in(_companies(clause_before, ctx), ctx, start),
        lambda: _quoted_speaker(ctx, p_start, p_end, start),
        lambda: _pronoun_antecedent(ctx, s_start, c_start, start),
        lambda: _most_specific(clause_before, ctx, start),
        lambda: _best_in(sentence_before, ctx, start),
        lambda: _best_in(after, ctx, start),
        lambda: _latest(ctx, p_start, s_start, lambda m: is_topical(ctx.text, m)),
        lambda: section_place(ctx, start),
    )
    for step in steps:
        found = step()
        if found:
            return found
    return None


def _pronoun_antecedent(ctx: Context, s_start: int, c_start: int, pos: int) -> str | None:
    """What a sentence- or clause-opening "it"/"its" refers to: the subject named just before."""
    opening = pronoun_opening(ctx.text, s_start, c_start, pos)
    if opening is None:
        return None
    return _latest_sentence_subject(ctx, ctx.section_start(pos), opening)


def _quoted_speaker(ctx: Context, p_start: int, p_end: int, pos: int) -> str | None:
    """For a figure inside a quotation, the company of the speaker named after it."""
    close = quote_close(ctx.text, p_start, p_end, pos)
    if close is None:
        return None
    companies = _companies(ctx.between(close, p_end), ctx)
    return companies[0].entity_id if companies else None


def section_place(ctx: Context, pos: int) -> str | None:
    """The place the current section is about: its heading's place, else the last local place."""
    heading = ctx.heading_place(pos)
    if heading:
        return heading
    found = _latest(ctx, 0, pos, lambda m: ctx.is_place(m)
                    and ctx.regions[m.entity_id].level in SECTION_LEVELS)
    return found or _latest(ctx, 0, pos, ctx.is_place)


def attribute_subjects(ex, mentions: list[Mention], regions: dict[str, Region]) -> list[Figure]:
    """Figures of one extraction, each with its subject and sentence."""
    ctx = Context.build(ex.doc.text, ex.passages, mentions, regions,
                        [(h.start, h.end) for h in ex.figure_hits])
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
            subject_id=subject_for(ctx, hit.start, hit.end), sentence_id=sentence_id,
            kind=hit.kind, status=hit.status, period_text=hit.period_text, conversion=hit.conversion))
    return figures
