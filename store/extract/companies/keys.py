"""Decide which company names within one document are one firm, and what it is called."""
from __future__ import annotations

from collections import Counter
from functools import lru_cache

from rapidfuzz import fuzz

from .aliases import alias_canonical, strip_legal
from .text import Candidate, DocContext, is_distinctive, looks_pinyin
from .words import load_words

SPELLING_RATIO = 88  # "Sennic" / "Sennics": one translator's slip, not another firm


def doc_key(ctx: DocContext, cand: Candidate) -> tuple:
    """What identifies the firm a candidate names: alias target, distinctive words, or all words."""
    found = ctx.memo.get(("key", cand.start, cand.end, cand.kind))
    if found is None:
        found = ctx.memo["key", cand.start, cand.end, cand.kind] = _doc_key(ctx, cand)
    return found


def _doc_key(ctx: DocContext, cand: Candidate) -> tuple:
    """`doc_key` worked out."""
    text = ctx.text[cand.start:cand.end]
    canonical = alias_canonical(text)
    if canonical:
        return ("=", canonical.lower())
    w = load_words()
    toks = [t for t in ctx.tokens(cand.start, cand.start + len(strip_legal(text)))]
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


# Clustering compares every key of an article with every other: each key's words, word set and
# spellings are worked out once (keys are tuples of strings, so they can be remembered).
@lru_cache(maxsize=65536)
def _word_tuple(key: tuple) -> tuple[str, ...]:
    """`_words(key)`, remembered."""
    return tuple(_words(key))


@lru_cache(maxsize=65536)
def _word_set(key: tuple) -> frozenset[str]:
    """The set of `_words(key)`, remembered."""
    return frozenset(_words(key))


@lru_cache(maxsize=65536)
def _spelled(key: tuple, sep: str) -> str:
    """The key's words joined by `sep`, remembered."""
    return sep.join(_words(key))


def _subset_target(key: tuple, keys: list[tuple]) -> tuple | None:
    """The one longer key holding every word of `key`: a short form of that firm's name."""
    words = _word_set(key)
    if key[0].startswith("="):
        return None
    if key[0].startswith("~"):
        first = _word_tuple(key)[:1]
        fits = [k for k in keys if k[0].startswith(("~", "=")) and _word_tuple(k)[:1] == first
                and words < _word_set(k)]
    else:
        fits = [k for k in keys if k[0] == key[0] and words < _word_set(k)]
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
    for k in uniq:
        # "Foxconn Technology Group" is the alias table's Foxconn; "Wei Chai" is "Weichai".
        same = [e for e in uniq if e != k and (
            (e[0] == "=" and not k[0].startswith("=") and _spelled(k, " ") == e[1])
            or (e[0] == k[0] and _spelled(e, "") == _spelled(k, "") and len(e) != len(k)))]
        if same:
            rep[k] = rep[same[0]]
    return {k: find_root(rep, k) for k in keys}


def _is_short_form(key: tuple, target: tuple, standalone: set[tuple]) -> bool:
    """Whether `key` names the same firm as the longer `target`.

    A bare brand always does; a named unit ("X Group") does when the longer name only adds
    English product words ("X Pump Factory") or the alias table names its firm; "Pingmei Group"
    is not "Pingmei Shenma Group", whose extra word is another Chinese brand."""
    if key not in standalone or (key[0].startswith("~") and target[0] == "="):
        return True
    extra = set(_words(target)) - set(_words(key))
    return not key[0].startswith("~") and not any(looks_pinyin(w) for w in extra)


def find_root(rep: dict, k: tuple) -> tuple:
    """The representative `k` finally leads to in a map of merged names (cycles stop the walk)."""
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
