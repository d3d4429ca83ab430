"""Decide which company names are one firm: within a document, and across documents."""
from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache

from rapidfuzz import fuzz

from .company_names import DATA, Candidate, DocContext, is_distinctive, load_words, looks_pinyin, tokens
from .models import Company, CompanyHit, Mention

LEGAL = re.compile(r",?[ \u00a0]?(?:Co\.?,?[ \u00a0]?Ltd\.?|Company Limited|Ltd\.|Inc\.|Corp\.)$")
SPELLING_RATIO = 88  # "Sennic" / "Sennics": one translator's slip, not another firm


@lru_cache(maxsize=1)
def load_aliases() -> tuple[dict[str, str], tuple[str, ...]]:
    """(variant -> canonical name, well-known bare firm names) from company_aliases.json."""
    raw = json.loads((DATA / "company_aliases.json").read_text(encoding="utf-8"))
    return raw["aliases"], tuple(raw["famous_firms"])


@lru_cache(maxsize=1)
def _alias_pattern() -> re.Pattern:
    variants = sorted(load_aliases()[0], key=len, reverse=True)
    return re.compile(r"(?<![A-Za-z])(?:" + "|".join(map(re.escape, variants)) + r")(?![A-Za-z])")


def alias_canonical(name: str) -> str | None:
    """The canonical firm an alias-table variant inside `name` points to, if any."""
    m = _alias_pattern().search(name)
    return load_aliases()[0][m.group()] if m else None


def strip_legal(name: str) -> str:
    """A name without its "Co., Ltd." style suffix."""
    return LEGAL.sub("", name).strip()


def doc_key(ctx: DocContext, cand: Candidate) -> tuple:
    """What identifies the firm a candidate names: alias target, distinctive words, or all words."""
    text = ctx.text[cand.start:cand.end]
    canonical = alias_canonical(text)
    if canonical:
        return ("=", canonical.lower())
    w = load_words()
    toks = [t for t in tokens(ctx.text, cand.start, cand.start + len(strip_legal(text)))]
    distinct = [t for t in toks if is_distinctive(ctx, *t)]
    if distinct:
        if not any(looks_pinyin(t[2]) or t[2].isupper() for t in distinct):
            # an English word ("Forging") is no brand: "Anyang Heavy Forging" and "Hebi Heavy Forging" differ
            distinct = [t for t in toks[:toks.index(distinct[0])] if ctx.is_place(t[0], t[1])] + distinct
        return (cand.kind, *(t[2].lower() for t in distinct))
    words = [t[2].lower() for t in toks if t[2] not in w.kinds and not t[2].startswith("(")]
    return ("~" + cand.kind, " ".join(words))


def _words(key: tuple) -> list[str]:
    """The words of a key, whatever its form."""
    return key[1].split() if key[0].startswith(("~", "=")) else list(key[1:])


def _subset_target(key: tuple, keys: list[tuple]) -> tuple | None:
    """The one longer key holding every word of `key`: a short form of that firm's name."""
    words = set(_words(key))
    if key[0].startswith("="):
        return None
    if key[0].startswith("~"):
        first = _words(key)[:1]
        fits = [k for k in keys if k[0].startswith(("~", "=")) and _words(k)[:1] == first
                and words < set(_words(k))]
    else:
        fits = [k for k in keys if k[0] == key[0] and words < set(_words(k))]
    return fits[0] if len(fits) == 1 else None


def cluster_keys(keys: list[tuple], standalone: set[tuple]) -> dict[tuple, tuple]:
    """Map each key to its cluster's representative: spelling slips and short forms join."""
    rep = {k: k for k in keys}
    uniq = sorted(set(keys), key=lambda k: (-len(" ".join(k)), k))
    for i, a in enumerate(uniq):
        for b in uniq[:i]:
            same_kind = a[0] == b[0] and not a[0].startswith(("~", "="))
            if same_kind and len(a) == len(b) and fuzz.ratio(" ".join(a[1:]), " ".join(b[1:])) >= SPELLING_RATIO:
                rep[a] = rep[b]
                break
    for k in uniq:
        target = _subset_target(k, uniq)
        if target and _is_short_form(k, target, standalone):
            rep[k] = rep[target]
    return {k: _root(rep, k) for k in keys}


def _is_short_form(key: tuple, target: tuple, standalone: set[tuple]) -> bool:
    """Whether `key` names the same firm as the longer `target`.

    A bare brand always does; a named unit ("X Group") does when the longer name only adds
    English product words ("X Pump Factory") or the alias table names its firm; "Pingmei Group"
    is not "Pingmei Shenma Group", whose extra word is another Chinese brand."""
    if key not in standalone or (key[0].startswith("~") and target[0] == "="):
        return True
    extra = set(_words(target)) - set(_words(key))
    return not key[0].startswith("~") and not any(looks_pinyin(w) for w in extra)


def _root(rep: dict, k: tuple) -> tuple:
    seen = set()
    while rep[k] != k and k not in seen:
        seen.add(k)
        k = rep[k]
    return k


def canonical_name(texts: list[str], alias_target: str | None, suffix: str = "") -> str:
    """The name a cluster goes by: alias target, a "... Group", a legal name, or the usual form."""
    if alias_target:
        return alias_target
    bare = [strip_legal(t) for t in texts]
    groups = [t for t in bare if t.endswith(" Group")]
    if groups:
        return min(groups, key=len)
    counts = Counter(bare)
    best = max(counts, key=lambda t: (counts[t], -len(t)))
    return f"{best} {suffix}" if suffix and not best.endswith(suffix) else best


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
                rep[_root(rep, a)] = _root(rep, b)
    return _assemble(hits_by_doc, {n: _root(rep, n) for n in names})


def _same_firm(a: str, b: str, surface: dict[str, set]) -> bool:
    """True when two canonical names from different documents are one firm."""
    ca, cb = _core(a), _core(b)
    if ca == cb or (min(len(ca), len(cb)) >= 6 and fuzz.ratio(ca, cb) >= 92):
        return True
    if ca in surface[b] or cb in surface[a]:
        return True
    return _research(a) == _research(b) and _brand_short_form(ca.split(), cb.split())


def _research(name: str) -> bool:
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
