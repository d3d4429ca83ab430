"""Decide which company names from different documents are one firm, and build its records."""
from __future__ import annotations

import re
from collections import Counter

from rapidfuzz import fuzz

from ...models import Company, CompanyHit, Mention
from .aliases import strip_legal
from .keys import find_root
from .text import looks_pinyin
from .words import load_words


def company_id(name: str) -> str:
    """A stable id from a canonical name."""
    return "co:" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _core(name: str) -> str:
    """A name without legal suffix, trailing kind word or leading province/country prefix."""
    w = load_words()
    words = strip_legal(name).replace("\u00a0", " ").split()
    while len(words) > 1 and words[-1] in w.kinds:
        words = words[:-1]
    while len(words) > 1 and (words[0] in w.place_prefixes or words[0].startswith("(")):
        words = words[1:]
    return " ".join(words).lower()


def merge_companies(hits_by_doc: dict[str, list[CompanyHit]]) -> tuple[list[Company], list[Mention]]:
    """One Company per real firm across all documents, and a Mention per hit."""
    names = sorted({h.name for hits in hits_by_doc.values() for h in hits})
    surface = {n: set() for n in names}
    for hits in hits_by_doc.values():
        for h in hits:
            surface[h.name].add(_core(h.text))
    rep = {n: n for n in names}
    for i, a in enumerate(names):
        for b in names[:i]:
            if _same_firm(a, b, surface):
                rep[find_root(rep, a)] = find_root(rep, b)
    return _assemble(hits_by_doc, {n: find_root(rep, n) for n in names})


def _same_firm(a: str, b: str, surface: dict[str, set]) -> bool:
    """True when two canonical names from different documents are one firm."""
    ca, cb = _core(a), _core(b)
    if ca == cb or (min(len(ca), len(cb)) >= 6 and fuzz.ratio(ca, cb) >= 92):
        return True
    if ca in surface[b] or cb in surface[a]:
        return True
    return _research(a) == _research(b) and _brand_short_form(ca.split(), cb.split())


def _research(name: str) -> bool:
    """True when a word of the name marks a research body ("Institute"), not a firm."""
    kinds = load_words().kinds
    return any(kinds.get(w) == "research" for w in name.split())


def _brand_short_form(a: list[str], b: list[str]) -> bool:
    """'qiaolong' and 'qiaolong pump': one holds the other, shares a Chinese brand, adds no other."""
    small, big = sorted((set(a), set(b)), key=len)
    generic = load_words().generic
    brands = [w for w in small if w not in generic and looks_pinyin(w)]
    return bool(brands) and small <= big and not any(looks_pinyin(w) for w in big - small)


def _assemble(hits_by_doc: dict, root: dict[str, str]) -> tuple[list[Company], list[Mention]]:
    """Build Company and Mention records once names are grouped."""
    members: dict[str, list] = {}
    for doc_id, hits in hits_by_doc.items():
        for h in hits:
            members.setdefault(root[h.name], []).append((doc_id, h))
    companies, mentions = [], []
    for rname in sorted(members):
        hits = [h for _, h in members[rname]]
        name = Counter(h.name for h in hits).most_common(1)[0][0]
        cid = company_id(name)
        aliases = sorted({h.text for h in hits} | {h.name for h in hits})
        regions = Counter(h.region_key for h in hits if h.region_key)
        companies.append(Company(cid, name, aliases, regions.most_common(1)[0][0] if regions else None))
        mentions.extend(Mention(cid, d, h.start, h.end, h.text) for d, h in members[rname])
    return companies, mentions
