"""Blocking keys for company merging: which pairs of names can possibly be one firm.

`merge.same_firm(a, b, surface)` holds for a pair only through one of four tests, and each
test implies a shared key, so looking a name up under its keys finds every partner the full
pairwise comparison would find (the tests re-check every candidate with the real predicate):

1. equal cores: key = the core itself (`by_core`).
2. one core is a surface core of the other name: look the name's surface cores up in
   `by_core`, and its core up in `by_surface` (surface core -> names seen written that way).
3. brand short form: the smaller word set holds a brand word (not generic, pinyin) and is a
   subset of the bigger one, so both cores hold that word: key = each brand word (`by_brand`).
4. `fuzz.ratio(ca, cb) >= 92` with both cores at least 6 long. ratio is the normalised Indel
   similarity 100 * (1 - d / L), d the insert/delete distance, L = len(ca) + len(cb). d and L
   are integers, so ratio >= 92 gives 25 d <= 2 L, i.e. d <= k = floor(2 L / 25) (a d one
   above leaves the ratio at least 4/L below 92, far beyond float error). Since d >= |la - lb|,
   a partner of a core of length l has k <= floor(4 l / 23) = `max_edits(l)`. Cut the core into
   non-overlapping windows of Q=3 characters; one insertion or deletion spoils at most one
   window, so of any max_edits(l) + 1 windows one survives intact and is a substring of the
   partner (l // 3 >= max_edits(l) + 1 for every l >= 6, checked in the tests). Each name
   therefore files max_edits(l) + 1 of its windows (the rarest, at the best offset) under
   `by_gram`, and a name looking for partners looks up every 3-gram it contains. Either name
   of a pair finds the other, so a new name only has to look up its own grams. Windows are
   filed per length bucket (l // 4) and looked up only in the buckets that lengths within
   max_edits of the name's fall in; what is filed is the core itself, so the candidates go to
   rapidfuzz's `process.extract` as they are, and names with the same core share one entry.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .text import looks_pinyin
from .words import load_words

Q = 3  # window length; l // 3 > 4 l / 23 for every core the ratio test applies to
MIN_FUZZY = 6  # the ratio test only applies to cores this long
LENGTH_BUCKET = 4  # windows are filed per core length // 4: a partner's length is within the budget


def gram_key(gram: str, bucket: int) -> str:
    """The key a window of a core in length bucket `bucket` is filed under."""
    return f"{gram}|{bucket}"


def max_edits(length: int) -> int:
    """Most insertions and deletions a core of `length` can be from a partner with ratio >= 92."""
    return 4 * length // 23


def edit_budget(la: int, lb: int) -> int:
    """Most insertions and deletions between cores of these lengths that still give ratio >= 92."""
    return 2 * (la + lb) // 25


@lru_cache(maxsize=65536)
def pinyin_word(word: str) -> bool:
    """looks_pinyin, memoised: the same words recur in thousands of names."""
    return looks_pinyin(word)


@dataclass(frozen=True)
class NameFeatures:
    """What the same-firm test reads of one canonical name, computed once."""

    core: str
    research: bool
    words: frozenset
    brands: tuple  # words of the core that are neither generic nor English (Chinese brands)


def features_of(name: str, core: str) -> NameFeatures:
    """The features of a canonical name whose core is `core`."""
    w = load_words()
    words = core.split()
    research = any(w.kinds.get(x) == "research" for x in name.split())
    brands = tuple(x for x in dict.fromkeys(words) if x not in w.generic and pinyin_word(x))
    return NameFeatures(core, research, frozenset(words), brands)


def grams(core: str) -> set[str]:
    """Every 3-character substring of a core."""
    return {core[i:i + Q] for i in range(len(core) - Q + 1)}


def windows(core: str, frequency) -> list[str]:
    """The max_edits + 1 rarest non-overlapping windows of the core, at its best offset."""
    need = max_edits(len(core)) + 1
    best = None
    for offset in range(Q):
        cut = [core[i:i + Q] for i in range(offset, len(core) - Q + 1, Q)]
        if len(cut) < need:
            continue
        chosen = sorted(cut, key=lambda g: (frequency(g), g))[:need]
        cost = sum(frequency(g) for g in chosen)
        if best is None or cost < best[0]:
            best = (cost, chosen)
    return sorted(set(best[1]))


class NameIndex:
    """Names filed under their blocking keys; `candidates` lists every possible partner."""

    def __init__(self, by_core=None, by_surface=None, by_brand=None, by_gram=None):
        self.by_core: dict[str, list[str]] = by_core if by_core is not None else {}
        self.by_surface: dict[str, list[str]] = by_surface if by_surface is not None else {}
        self.by_brand: dict[str, list[str]] = by_brand if by_brand is not None else {}
        self.by_gram: dict[str, list[str]] = by_gram if by_gram is not None else {}

    def add(self, name: str, feats: NameFeatures, frequency=None) -> None:
        """File a new name under its core, brands and windows (its surface cores: `add_surface`)."""
        first = feats.core not in self.by_core
        self.by_core.setdefault(feats.core, []).append(name)
        for b in feats.brands:
            self.by_brand.setdefault(b, []).append(name)
        if first and len(feats.core) >= MIN_FUZZY:  # windows file cores, each once
            bucket = len(feats.core) // LENGTH_BUCKET
            frequency = frequency or (lambda g: len(self.by_gram.get(gram_key(g, bucket), ())))
            for g in windows(feats.core, frequency):
                self.by_gram.setdefault(gram_key(g, bucket), []).append(feats.core)

    def add_surface(self, name: str, surface_core: str) -> None:
        """Note that `name` was seen written with this surface core."""
        self.by_surface.setdefault(surface_core, []).append(name)

    def candidates(self, name: str, feats: NameFeatures, surface) -> set[str]:
        """Filed names sharing a core, surface or brand key with `name` (itself excluded)."""
        keyed = set(self.by_core.get(feats.core, ()))
        keyed.update(self.by_surface.get(feats.core, ()))
        for s in surface:
            keyed.update(self.by_core.get(s, ()))
        for b in feats.brands:
            keyed.update(self.by_brand.get(b, ()))
        keyed.discard(name)
        return keyed

    def near_cores(self, core: str) -> list[str]:
        """Filed cores, other than `core`, sharing a window with it and of a length within its budget
        (roughly: whole length buckets); only these can reach the ratio with it."""
        if len(core) < MIN_FUZZY:
            return []
        reach = max_edits(len(core))
        buckets = range((len(core) - reach) // LENGTH_BUCKET, (len(core) + reach) // LENGTH_BUCKET + 1)
        found = set().union(*[self.by_gram[k] for g in grams(core) for b in buckets
                              if (k := gram_key(g, b)) in self.by_gram])
        found.discard(core)
        return list(found)

    def as_json(self) -> dict:
        """The index as plain JSON-ready dicts."""
        return {"by_core": self.by_core, "by_surface": self.by_surface,
                "by_brand": self.by_brand, "by_gram": self.by_gram}
