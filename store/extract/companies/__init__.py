"""Company extraction: names found by their words, by the words around them, and by earlier names."""
from __future__ import annotations

import re

from ...models import CompanyHit, Region, RegionHit
from ..document import DocModel
from ..regions.focus import focus_place
from .aliases import alias_canonical, strip_legal
from .anchors import anchor_candidates, trim_known_prefix
from .cues import cue_candidates
from .keys import canonical_name, cluster_keys, doc_key
from .lists import chunk_candidates, list_candidates, widen_to_chunks
from .merge import merge_companies
from .names import judge_run
from .places import Hits, place_of_firm, without_place
from .text import RUN, Candidate, DocContext, make_context
from .words import load_words

__all__ = ["find_companies", "merge_companies"]


# "OPPO and Vivo": two one-word brands joined by "and" are two runs, not one name.
_TWO_BRANDS = re.compile(r"([A-Z][\w-]*) and ([A-Z][\w-]*)")
# What opens a list of firms: after it, "A and B C" is two items ("such as Xiagong and King Long").
_LIST_OPENER = re.compile(r"\b(?:such as|including|like|represented by|led by)\s+(?:the\s+)?$")
# A lower-case "group" right after a brand is part of its name ("BAIC group").
_LOWER_GROUP = re.compile(r" group\b")


def _runs(model: DocModel, zones: list[tuple[int, int]] = ()) -> list[tuple[int, int, int | None]]:
    """Every Title-case run as (start, name end, end of its legal suffix or None), header lines aside."""
    out = []
    for m in RUN.finditer(model.text):
        if model.is_furniture(m.start(), m.end()):
            continue
        two = _TWO_BRANDS.fullmatch(m.group())
        listed = (model.text[max(0, m.start() - 2):m.start()] == ", " or _LIST_OPENER.search(
            model.text, max(0, m.start() - 20), m.start())) and " and " in m.group() \
            and not m.group("legal") and not any(a < m.end() and m.start() < b for a, b in zones)
        if listed:  # "A, B and C D": the last "and" of a list joins two items, not one name
            cut = m.start() + m.group().rindex(" and ")
            out += [(m.start(), cut, None), (cut + 5, m.end(), None)]
            continue
        if two and not m.group("legal"):
            base = m.start()
            out += [(base + two.start(1), base + two.end(1), None), (base + two.start(2), base + two.end(2), None)]
            continue
        legal = m.start("legal") if m.group("legal") else None
        out.append((m.start(), legal if legal is not None else m.end(), m.end() if legal else None))
    return out


def _candidates(ctx: DocContext, model: DocModel, zones: list[tuple[int, int]]) -> list[Candidate]:
    """Every company span in the document, without overlaps."""
    runs = _runs(model, zones)
    found = [c for start, end, legal in runs for c in judge_run(ctx, start, end, legal)
             if (c.start, c.end) not in ctx.exact_places and not ctx.is_place(c.start, c.end)]
    found += cue_candidates(ctx, runs, found)
    found += list_candidates(ctx, runs, found)
    found += chunk_candidates(ctx, found)
    widen_to_chunks(ctx, found)
    trim_known_prefix(ctx, found)
    found += anchor_candidates(ctx, found)
    found = [c for c in (_after_zone(ctx, c, zones) for c in found) if c is not None]
    for c in found:
        group = _LOWER_GROUP.match(ctx.text, c.end)
        if group and ctx.text[c.start:c.end].split()[-1] not in load_words().kinds:
            c.end = group.end()
    return sorted(_outside_headlines(found, ctx, model), key=lambda c: c.start)


def _after_zone(ctx: DocContext, cand: Candidate, zones: list[tuple[int, int]]) -> Candidate | None:
    """A candidate holding a zone's name: the firm named after it, if any ("Park and X")."""
    inside = [(a, b) for a, b in zones if cand.start <= a and b <= cand.end]
    if not inside:
        return cand
    rest = re.match(r"(?:,?\s+and\s+|,\s+)", ctx.text[max(b for _, b in inside):cand.end])
    if rest is None:
        return None
    cand.start = max(b for _, b in inside) + rest.end()
    return cand if cand.end - cand.start > 2 else None


def _outside_headlines(found: list[Candidate], ctx: DocContext, model: DocModel) -> list[Candidate]:
    """Drop names seen only in a Title Case headline, where capitals say nothing about names.

    "Mianyang Builds Sichuan Second Auto Industry Base" is a headline, not a firm; a name with
    a legal suffix, or one the body also writes, stays.
    """
    headlines = [p for p in model.paragraphs if p.is_heading and _title_case(ctx.text[p.start:p.end])]
    body = [ctx.text[c.start:c.end] for c in found
            if not any(p.start <= c.start < p.end for p in headlines)]
    return [c for c in found if not any(p.start <= c.start < p.end for p in headlines)
            or strip_legal(ctx.text[c.start:c.end]) != ctx.text[c.start:c.end]
            or any(ctx.text[c.start:c.end] in b for b in body)]


def _title_case(line: str) -> bool:
    """True for a line whose longer words nearly all start with a capital."""
    words = [w for w in line.split() if len(w) > 3 and w[0].isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


# "X, ... also known as Y", "X (hereinafter referred to as "Y")": the text says Y is X.
_DECLARED = re.compile(r"(?:known|referred\s+to|abbreviated)\s+as\s*[\"“]?\s*$", re.I)
DECLARATION_REACH = 120


def _join_declared(ctx: DocContext, cands: list[Candidate], keys: list[tuple], rep: dict) -> dict:
    """Join the firm a name is declared to be ("also known as ZPMC") with that name."""
    for j, c in enumerate(cands):
        if not _DECLARED.search(ctx.text, max(0, c.start - 40), c.start):
            continue
        before = [i for i, o in enumerate(cands) if o.end <= c.start and c.start - o.end < DECLARATION_REACH
                  and "." not in ctx.text[o.end:c.start].replace("Co.", "").replace("Ltd.", "")]
        if before:
            old, new = rep[keys[j]], rep[keys[before[-1]]]
            rep = {k: (new if r == old else r) for k, r in rep.items()}
    return rep


def find_companies(model: DocModel, regions: list[RegionHit], region_records: dict[str, Region]) -> list[CompanyHit]:
    """Every company named in the article, variants within it resolved to one canonical name."""
    text = model.text
    zone = {r.key for r in regions if r.key in region_records and region_records[r.key].level == "zone"}
    names = {r.text for r in regions if r.key not in zone} | {
        n for r in region_records.values() if r.level != "zone" for n in [r.name, *r.aliases]}
    ctx = make_context(model, [(r.start, r.end) for r in regions if r.key not in zone],
                       [(r.start, r.end) for r in regions if r.key in zone], names,
                       [(q.start, q.end) for q in model.quotes if q.end - q.start < 120])
    cands = _candidates(ctx, model, [(r.start, r.end) for r in regions if r.key in zone])
    keys = [doc_key(ctx, c) for c in cands]
    standalone = {k for k, c in zip(keys, cands) if c.kind == "research" or c.suffix or
                  load_words().kinds.get(strip_legal(text[c.start:c.end]).split()[-1]) or
                  strip_legal(text[c.start:c.end]) != text[c.start:c.end]}
    rep = _join_declared(ctx, cands, keys, cluster_keys(keys, standalone))
    names, places = {}, {}
    focus = focus_place(model, regions, region_records)
    hits = Hits(regions, region_records, [(c.start, c.end) for c in cands])
    members_of: dict[tuple, list[Candidate]] = {}
    for c, k in zip(cands, keys):
        members_of.setdefault(rep[k], []).append(c)
    for root, members in members_of.items():
        places[root] = place_of_firm(model, members, hits, region_records, focus)
        target = root[1] if root[0] == "=" else None
        target = alias_canonical(text[members[0].start:members[0].end]) if target else None
        suffix = next((c.suffix for c in members if c.suffix), "")
        texts = [without_place(ctx, c) if root[0] in ("firm", "research") else text[c.start:c.end]
                 for c in members]
        names[root] = canonical_name(texts, target, suffix)
    return [CompanyHit(c.start, c.end, text[c.start:c.end], names[rep[k]], places[rep[k]])
            for c, k in zip(cands, keys)]
