"""Decide which company names from different documents are one firm, and build its records.

`same_firm` is the rule, stated over two names; `group_names` applies it through the blocking
keys of `blocking.py` (only pairs sharing a key are compared) and unions the pairs in the order
the full pairwise loop would, so every group, and the name it is filed under, is what comparing
all pairs gives.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from rapidfuzz import fuzz, process

from ...models import Company, CompanyHit, Mention
from .aliases import strip_legal
from .blocking import (
    MIN_FUZZY,
    NameFeatures,
    NameIndex,
    edit_budget,
    features_of,
    grams,
    pinyin_word,
)
from .keys import find_root
from .words import load_words

FUZZY_RATIO = 92  # "Zoomlion Heavy" / "Zoomlion Heavey": one firm, one slip


def company_id(name: str) -> str:
    """A stable id from a canonical name."""
    return "co:" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


@lru_cache(maxsize=131072)
def core(name: str) -> str:
    """A name without legal suffix, trailing kind word or leading province/country prefix."""
    w = load_words()
    words = strip_legal(name).replace("\u00a0", " ").split()
    while len(words) > 1 and words[-1] in w.kinds:
        words = words[:-1]
    while len(words) > 1 and (words[0] in w.place_prefixes or words[0].startswith("(")):
        words = words[1:]
    return " ".join(words).lower()


@lru_cache(maxsize=131072)
def name_features(name: str) -> NameFeatures:
    """The same-firm features of a canonical name (memoised: build, state and ingest all ask)."""
    return features_of(name, core(name))


def surfaces(hits_by_doc: dict[str, list[CompanyHit]]) -> dict[str, set[str]]:
    """Canonical name → the cores of every text it was written as."""
    surface: dict[str, set[str]] = {}
    for hits in hits_by_doc.values():
        for h in hits:
            surface.setdefault(h.name, set()).add(core(h.text))
    return surface


def merge_companies(hits_by_doc: dict[str, list[CompanyHit]]) -> tuple[list[Company], list[Mention]]:
    """One Company per real firm across all documents, and a Mention per hit."""
    companies, mentions, _ = assemble_records(hits_by_doc, group_names(surfaces(hits_by_doc)))
    return companies, mentions


def group_names(surface: dict[str, set[str]], index: NameIndex | None = None) -> dict[str, str]:
    """Each canonical name → the name its group is filed under (as the all-pairs loop gives).

    The names are filed into `index` (a new one when not given), for later incremental merges.
    """
    names = sorted(surface)
    feats = {n: name_features(n) for n in names}
    frequency = Counter(g for f in feats.values() if len(f.core) >= MIN_FUZZY for g in grams(f.core))
    index = NameIndex() if index is None else index
    for n in names:
        index.add(n, feats[n], frequency.__getitem__)
        for s in surface[n]:
            index.add_surface(n, s)
    return union_in_order(names, lambda a: partners(index, a, feats, surface, lambda b: b < a))


def partners(index: NameIndex, a: str, feats, surface, keep) -> list[str]:
    """The names `keep` accepts that are one firm with `a` (`feats`, `surface`: name → its)."""
    fa, sa = feats[a], surface[a]
    keyed = index.candidates(a, fa, sa)
    out = {b for b in keyed if keep(b) and same_features(fa, feats[b], sa, surface[b])}
    # Sharing only a window, two names are one firm only by the ratio: compared in C, in bulk.
    near = index.near_cores(fa.core)
    if near:
        # A cut-off a hair low, then the exact test: the bulk scorer decides nothing alone.
        for other, _, _ in process.extract(fa.core, near, scorer=fuzz.ratio, score_cutoff=FUZZY_RATIO - 0.5,
                                           limit=None):
            if fuzz.ratio(fa.core, other) >= FUZZY_RATIO:
                out.update(b for b in index.by_core[other] if keep(b))
    return list(out)


def union_in_order(names: list[str], earlier_partners) -> dict[str, str]:
    """Union each name with its same-firm partners sorted before it, in the all-pairs loop's order.

    `names` is sorted; `earlier_partners(a)` lists the names b < a that are one firm with a.
    The loop `for a: for b < a: union` fixes which name becomes a group's root, so the unions
    are applied in exactly that order.
    """
    rep = {n: n for n in names}
    for a in names:
        for b in sorted(earlier_partners(a)):
            rep[find_root(rep, a)] = find_root(rep, b)
    return {n: find_root(rep, n) for n in names}


def same_firm(a: str, b: str, surface: dict[str, set]) -> bool:
    """True when two canonical names from different documents are one firm (the reference rule)."""
    return same_features(name_features(a), name_features(b), surface[a], surface[b])


def same_features(fa: NameFeatures, fb: NameFeatures, sa: set, sb: set) -> bool:
    """`same_firm` over precomputed features and surface cores."""
    ca, cb = fa.core, fb.core
    if ca == cb:
        return True
    la, lb = len(ca), len(cb)
    # |la - lb| above the edit budget cannot reach the ratio (blocking.py): skip computing it.
    if min(la, lb) >= MIN_FUZZY and abs(la - lb) <= edit_budget(la, lb) and fuzz.ratio(ca, cb) >= FUZZY_RATIO:
        return True
    if ca in sb or cb in sa:
        return True
    return fa.research == fb.research and _brand_short_form(fa, fb)


def _brand_short_form(fa: NameFeatures, fb: NameFeatures) -> bool:
    """'qiaolong' and 'qiaolong pump': one holds the other, shares a Chinese brand, adds no other."""
    small, big = sorted((fa, fb), key=lambda f: len(f.words))
    return bool(small.brands) and small.words <= big.words and not any(
        pinyin_word(w) for w in big.words - small.words)


def assemble_records(hits_by_doc: dict, root: dict[str, str]) -> tuple[list[Company], list[Mention], dict]:
    """Company and Mention records once names are grouped, and each group root's company id."""
    members: dict[str, list] = {}
    for doc_id, hits in hits_by_doc.items():
        for h in hits:
            members.setdefault(root[h.name], []).append((doc_id, h))
    companies, mentions, ids = [], [], {}
    for rname in sorted(members):
        hits = [h for _, h in members[rname]]
        company = company_record([h.name for h in hits], {h.text for h in hits} | {h.name for h in hits},
                                 [h.region_key for h in hits if h.region_key])
        companies.append(company)
        ids[rname] = company.id
        mentions.extend(Mention(company.id, d, h.start, h.end, h.text) for d, h in members[rname])
    return companies, mentions, ids


def company_record(names: list[str], aliases: set[str], region_keys: list[str]) -> Company:
    """A group's Company: its most common name (ties: the first seen), aliases, usual region."""
    counts, regions = Counter(names), Counter(region_keys)
    # max keeps the first of equals, as Counter.most_common(1) does: the name seen first wins a tie.
    name = max(counts, key=counts.__getitem__)
    return Company(company_id(name), name, sorted(aliases), max(regions, key=regions.__getitem__) if regions else None)
