"""Company extraction: names found by their words, by the words around them, and by earlier names."""
from __future__ import annotations

from ...models import CompanyHit, Region, RegionHit
from ..document import DocModel
from .aliases import alias_canonical, strip_legal
from .anchors import anchor_candidates, trim_known_prefix
from .cues import cue_candidates
from .keys import canonical_name, cluster_keys, doc_key
from .lists import list_candidates
from .merge import merge_companies
from .names import judge_run
from .places import home_province, region_for, section_places, without_place
from .text import RUN, Candidate, DocContext, make_context
from .words import load_words

__all__ = ["find_companies", "merge_companies"]


def _runs(text: str) -> list[tuple[int, int, int | None]]:
    """Every Title-case run as (start, name end, end of its legal suffix or None)."""
    out = []
    for m in RUN.finditer(text):
        legal = m.start("legal") if m.group("legal") else None
        out.append((m.start(), legal if legal is not None else m.end(), m.end() if legal else None))
    return out


def _candidates(ctx: DocContext) -> list[Candidate]:
    """Every company span in the document, without overlaps."""
    runs = _runs(ctx.text)
    found = [c for start, end, legal in runs for c in judge_run(ctx, start, end, legal)
             if (c.start, c.end) not in ctx.exact_places and not ctx.is_place(c.start, c.end)]
    found += cue_candidates(ctx, runs, found)
    found += list_candidates(ctx, runs, found)
    trim_known_prefix(ctx, found)
    found += anchor_candidates(ctx, found)
    return sorted(found, key=lambda c: c.start)


def find_companies(model: DocModel, regions: list[RegionHit], region_records: dict[str, Region]) -> list[CompanyHit]:
    """Every company named in the article, variants within it resolved to one canonical name."""
    text = model.text
    zone = {r.key for r in regions if r.key in region_records and region_records[r.key].level == "zone"}
    names = {r.text for r in regions if r.key not in zone} | {
        n for r in region_records.values() if r.level != "zone" for n in [r.name, *r.aliases]}
    ctx = make_context(text, [(r.start, r.end) for r in regions if r.key not in zone],
                       [(r.start, r.end) for r in regions if r.key in zone], names,
                       [(q.start, q.end) for q in model.quotes if q.end - q.start < 120])
    cands = _candidates(ctx)
    keys = [doc_key(ctx, c) for c in cands]
    standalone = {k for k, c in zip(keys, cands) if c.kind == "research" or c.suffix or
                  load_words().kinds.get(strip_legal(text[c.start:c.end]).split()[-1]) or
                  strip_legal(text[c.start:c.end]) != text[c.start:c.end]}
    rep = cluster_keys(keys, standalone)
    names = {}
    for root in set(rep.values()):
        members = [c for c, k in zip(cands, keys) if rep[k] == root]
        target = root[1] if root[0] == "=" else None
        target = alias_canonical(text[members[0].start:members[0].end]) if target else None
        suffix = next((c.suffix for c in members if c.suffix), "")
        texts = [without_place(ctx, c) if root[0] in ("firm", "research") else text[c.start:c.end]
                 for c in members]
        names[root] = canonical_name(texts, target, suffix)
    sections = section_places(text, regions)
    home = home_province(regions, region_records)
    if home:  # an article about one province: its companies sit there unless the text says more
        sections.insert(0, (-1, home))
    return [CompanyHit(c.start, c.end, text[c.start:c.end], names[rep[k]],
                       region_for(text, c, regions, region_records, sections))
            for c, k in zip(cands, keys)]
