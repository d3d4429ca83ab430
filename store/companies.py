"""Company extraction: names found by their words, by the words around them, and by earlier names."""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from .company_merge import (alias_canonical, canonical_name, cluster_keys, doc_key, load_aliases,
                            merge_companies, strip_legal)
from .company_names import (RUN, Candidate, DocContext, is_distinctive, judge_run, load_words,
                            looks_like_person, make_context, strip_possessive, tokens, trim_leading)
from .models import CompanyHit, Region, RegionHit

__all__ = ["find_companies", "merge_companies"]

_CUE_BEFORE = re.compile(r"(?:\b(?:giant|enterprise|company|firm|manufacturer|automaker|carmaker|brand)"
                         r"|\b(?:teamed up|cooperated|partnered|cooperation|together) with)\s+$", re.I)
_CUE_AFTER = re.compile(r"^,?\s+(?:is\s+|was\s+|as\s+)?(?:a|an|the)\s+[^,.;]{0,50}?"
                        r"\b(?:company|enterprise|firm|manufacturer|automaker|supplier|giant|producer|maker)\b")
_SEP = re.compile(r",\s*(?:and\s+)?|\s+and\s+|、\s*")
_LEVEL_RANK = {"zone": 0, "town": 1, "district": 2, "county": 3, "prefecture": 4, "province": 5}
_AFTER_PLACE = re.compile(r"^,?\s*(?:(?:which is |that is )?(?:located|based|headquartered) in|in|of)\s+$")


@lru_cache(maxsize=1)
def _list_heads() -> tuple[re.Pattern, re.Pattern]:
    heads = "|".join(load_words().list_heads)
    intro = re.compile(rf"\b({heads})\b[^.;:]{{0,30}}?\b(?:such as|including|like)\s+(?:the\s+)?"
                       rf"|\b({heads})\s*[—:–]\s*", re.I)
    outro = re.compile(rf"\s+and\s+other\s+(?:[a-z\-]+\s+)?({heads})\b", re.I)
    return intro, outro


def _runs(text: str) -> list[tuple[int, int, int | None]]:
    """Every Title-case run as (start, name end, end of its legal suffix or None)."""
    out = []
    for m in RUN.finditer(text):
        legal = m.start("legal") if m.group("legal") else None
        out.append((m.start(), legal if legal is not None else m.end(), m.end() if legal else None))
    return out


def _overlaps(cands: list[Candidate], start: int, end: int) -> bool:
    return any(c.start < end and start < c.end for c in cands)


def _plausible(ctx: DocContext, start: int, end: int, industry_ok: bool = False) -> tuple[int, int] | None:
    """The trimmed span of a run that could be a bare firm name judged by context, else None.

    With `industry_ok`, a name of common words ending in an industry word ("Power Diamond") will do."""
    w = load_words()
    toks = trim_leading(ctx, tokens(ctx.text, start, end))
    words = [strip_possessive(t[2]) for t in toks]
    if not toks or set(words) & (w.not_company | w.title_words) or looks_like_person(words):
        return None
    if ctx.is_place(toks[0][0], toks[-1][1]) or (toks[0][0], toks[-1][1]) in ctx.exact_places:
        return None
    if not any(is_distinctive(ctx, *t) for t in toks) and not (
            industry_ok and len(words) > 1 and words[-1] in w.industry_ends):
        return None
    return toks[0][0], toks[-1][1]


def _cue_candidates(ctx: DocContext, runs: list, found: list[Candidate]) -> list[Candidate]:
    """Bare names that the words around them mark as firms: 'chip giant X', "X's factory", 'X, a company'."""
    out = []
    for start, end, legal in runs:
        span = None if legal or _overlaps(found, start, end) else _plausible(ctx, start, end, True)
        if not span:
            continue
        before, after = ctx.text[max(0, span[0] - 40):span[0]], ctx.text[span[1]:span[1] + 90]
        strong = _CUE_BEFORE.search(before) or _CUE_AFTER.search(after)
        if strong or (after[:2] in ("'s", "’s") and _plausible(ctx, *span)):
            out.append(Candidate(*span))
    return out


def _list_items(ctx: DocContext, runs: list, pos: int, backwards: bool = False) -> list:
    """The runs of a comma/and list that starts (or, backwards, ends) at `pos`."""
    starts, ends = [r[0] for r in runs], [r[2] or r[1] for r in runs]
    items = []
    while True:
        i = bisect_right(starts, pos) - 1 if not backwards else bisect_right(ends, pos) - 1
        if i < 0 or (runs[i][0] != pos if not backwards else ends[i] != pos):
            return items
        items.append(runs[i])
        gap = _SEP.search(ctx.text, runs[i][2] or runs[i][1]) if not backwards else None
        if backwards:
            back = re.search(r"(?:,\s*(?:and\s+)?|\s+and\s+|、\s*)$", ctx.text[max(0, runs[i][0] - 8):runs[i][0]])
            if not back:
                return items
            pos = runs[i][0] - len(back.group())
        elif gap and gap.start() == (runs[i][2] or runs[i][1]):
            pos = gap.end()
        else:
            return items


def _list_candidates(ctx: DocContext, runs: list, found: list[Candidate]) -> list[Candidate]:
    """Items of 'companies such as A, B and C', 'A, B and other firms', and lists beside known firms."""
    intro, outro = _list_heads()
    suffixes = {k.lower(): v for k, v in load_words().list_heads.items()}
    groups = []
    for m in intro.finditer(ctx.text):
        head = (m.group(1) or m.group(2)).lower()
        groups.append((_list_items(ctx, runs, m.end()), suffixes.get(head, "")))
    for m in outro.finditer(ctx.text):
        groups.append((_list_items(ctx, runs, m.start(), backwards=True), ""))
    for start, end, legal in runs:
        if any(c.start >= start and c.end <= (legal or end) for c in found):
            groups.append((_list_items(ctx, runs, start), None))
    out: list[Candidate] = []
    for items, suffix in groups:
        if suffix is None and len(items) < 2:
            continue
        for start, end, legal in items:
            span = None if _overlaps(found + out, start, legal or end) else _plausible(ctx, start, end)
            if span:
                out.append(Candidate(*span, kind="research" if suffix else "firm", suffix=suffix or ""))
    return out


def _anchor_pattern(ctx: DocContext, found: list[Candidate]) -> re.Pattern:
    """Names already known in this document, alias variants and well-known firms, longest first."""
    aliases, famous = load_aliases()
    names = set(aliases) | set(famous)
    for c in found:
        names.add(strip_legal(ctx.text[c.start:c.end]))
        key = doc_key(ctx, c)
        if len(key) == 2 and not key[0].startswith(("~", "=")) and len(key[1]) > 2:
            names |= {t[2] for t in tokens(ctx.text, c.start, c.end) if t[2].lower() == key[1]}
    alt = "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
    return re.compile(rf"(?<![A-Za-z])(?:{alt})(?![A-Za-z])")


def _anchor_candidates(ctx: DocContext, found: list[Candidate]) -> list[Candidate]:
    """Further mentions of known names, widened over a place before and industry words after."""
    w = load_words()
    out: list[Candidate] = []
    for m in _anchor_pattern(ctx, found).finditer(ctx.text):
        if _overlaps(found + out, m.start(), m.end()) or (m.start(), m.end()) in ctx.exact_places \
                or ctx.is_place(m.start(), m.end()):
            continue
        start, end = m.start(), m.end()
        before = re.search(r"(?:China|my country)[ \u00a0]$", ctx.text[max(0, start - 12):start])
        start = start - len(before.group()) if before else start
        for s, e, word in tokens(ctx.text, end, min(len(ctx.text), end + 40)):
            if s - end > 1 or ctx.text[end:s].strip() or not (word in w.industry_ends or w.kinds.get(word) == "firm"):
                break
            end = e
        kinds = [c.kind for c in found if ctx.text[c.start:c.end].startswith(m.group())]
        out.append(Candidate(start, end, kinds[0] if kinds else "firm"))
    return out


def _trim_known_prefix(ctx: DocContext, cands: list[Candidate]) -> None:
    """'X Technology Center' where X is a firm named elsewhere is a unit of X: keep only X."""
    names = [{strip_legal(ctx.text[c.start:c.end])} | {
        t[2] for t in tokens(ctx.text, c.start, c.end) if t[2].lower() in doc_key(ctx, c)[1:2]}
        for c in cands]
    for i, c in enumerate(cands):
        text = ctx.text[c.start:c.end]
        if not text.endswith(("Center", "Centre")):
            continue
        known = set().union(*(n for j, n in enumerate(names) if j != i))
        prefixes = [k for k in known if k != text and text.startswith(k + " ")]
        if prefixes:
            c.end, c.kind = c.start + len(max(prefixes, key=len)), "firm"


def _candidates(ctx: DocContext) -> list[Candidate]:
    """Every company span in the document, without overlaps."""
    runs = _runs(ctx.text)
    found = [c for start, end, legal in runs for c in judge_run(ctx, start, end, legal)
             if (c.start, c.end) not in ctx.exact_places and not ctx.is_place(c.start, c.end)]
    found += _cue_candidates(ctx, runs, found)
    found += _list_candidates(ctx, runs, found)
    _trim_known_prefix(ctx, found)
    found += _anchor_candidates(ctx, found)
    return sorted(found, key=lambda c: c.start)


def _section_places(text: str, regions: list[RegionHit]) -> list[tuple[int, str]]:
    """(offset, region key) of headings like 'Changyuan, Henan: ...' that open a section on a place."""
    out = []
    for m in re.finditer(r"(?m)^[^\n]{0,60}?:[^\n]{0,100}$", text):
        hits = [r for r in regions if m.start() <= r.start and r.end <= m.start() + m.group().index(":")]
        if hits and hits[0].start == m.start():
            out.append((m.start(), hits[0].key))
    return out


def _region_for(text: str, hit: Candidate, regions: list[RegionHit], records: dict[str, Region],
                sections: list[tuple[int, str]]) -> str | None:
    """The place the text puts a company in: in its name, right after it, or its section's place."""
    stated = [r.key for r in regions if hit.start <= r.start and r.end <= hit.end]
    after = [r for r in regions if hit.end <= r.start < hit.end + 40
             and _AFTER_PLACE.match(text[hit.end:r.start])]
    stated += [after[0].key] if after else []
    rank = lambda key: _LEVEL_RANK.get(records[key].level, 9) if key in records else 9
    stated.sort(key=rank)
    if stated and rank(stated[0]) < _LEVEL_RANK["province"]:
        return stated[0]
    section = [key for pos, key in sections if pos <= hit.start]
    return section[-1] if section else (stated[0] if stated else None)


def _without_place(ctx: DocContext, cand: Candidate) -> str:
    """A branded name without the places before its brand: "Anyang Qiaolong Pump" -> "Qiaolong Pump"."""
    places = load_words().place_prefixes | {"my", "country"}
    toks = tokens(ctx.text, cand.start, cand.end)
    start = cand.start
    for s, e, word in toks[:-1]:
        if not (ctx.is_place(s, e) or word in places or word.lower() in ctx.place_names
                or word in load_words().place_words or word.startswith("(")):
            break
        start = toks[toks.index((s, e, word)) + 1][0]
    return ctx.text[start:cand.end]


def find_companies(text: str, regions: list[RegionHit], region_records: dict[str, Region]) -> list[CompanyHit]:
    """Every company named in `text`, variants within the document resolved to one canonical name."""
    zone = {r.key for r in regions if r.key in region_records and region_records[r.key].level == "zone"}
    names = {r.text for r in regions if r.key not in zone} | {
        n for r in region_records.values() if r.level != "zone" for n in [r.name, *r.aliases]}
    ctx = make_context(text, [(r.start, r.end) for r in regions if r.key not in zone],
                       [(r.start, r.end) for r in regions if r.key in zone], names)
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
        texts = [_without_place(ctx, c) if root[0] in ("firm", "research") else text[c.start:c.end]
                 for c in members]
        names[root] = canonical_name(texts, target, suffix)
    sections = _section_places(text, regions)
    return [CompanyHit(c.start, c.end, text[c.start:c.end], names[rep[k]],
                       _region_for(text, c, regions, region_records, sections))
            for c, k in zip(cands, keys)]
