"""One in-memory index over companies, regions and figures, ranked as scoring.py says.

Per-keystroke cost must stay low at 100k items, so the fast mode never scores every item:
- the best hits of every one- and two-character query are ready from the build;
- other one-word queries walk the matching words' posting lists (postings.py) best score first,
  each list in the entries' fixed order, and stop once `limit` hits are out;
- several words intersect per-word candidate sets, rarest first, and check a far commoner word
  (a half-typed "s") against the few candidates left instead of listing its entries;
- typos are looked up only when word matches leave room for them, among typo-able words whose
  length can reach the cutoff; the last tokens' look-ups are kept while a query is typed.
`search(..., exhaustive=True)` scores every entry on its own with the same rules: the exact
ranking the benchmark and the tests compare the fast mode with.
"""
from __future__ import annotations

import heapq
import math
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate
from typing import NamedTuple

from rapidfuzz import fuzz, process

from .postings import SMALL_MERGE, between, chain, emit, grouped, postings, prefixed, short_buckets
from .scoring import (
    EXACT,
    FLOOR,
    FUZZY_CEILING,
    PHRASE_EXACT,
    PREFIX_FLOOR,
    direct_typo_score,
    final_score,
    phrase_score,
    prefix_score,
    typo_capable,
    typo_cutoff,
    typo_score,
    word_score,
)

KINDS = ("company", "region", "figure")
_TOKEN = re.compile(r"[a-z0-9]+(?:[.,][0-9]+)*%?|[^\sa-z0-9]")
_KIND_PREFIX = re.compile(r"^\s*(company|region|figure)\s*:\s*", re.I)
_KIND_ORDER = {k: i for i, k in enumerate(KINDS)}
_NEW_TUPLE = tuple.__new__
TYPO_CACHE = 64  # tokens whose typo look-up, and whose hits, are kept
SHORT_TOP = 50  # hits kept ready for every one- and two-character query (the explorer lists 50)
CHECK_RATIO = 12  # check a word per candidate once it would list 12x more items than are left


class Result(NamedTuple):
    """A ranked search hit (a named tuple: a keystroke makes fifty of them)."""

    kind: str
    id: str
    label: str
    score: float


@dataclass(frozen=True)
class Entry:
    """An indexed item: what it is, how it is shown, the strings it is found by, and those a
    typo may match (None: the same as `keys`)."""

    kind: str
    id: str
    label: str
    keys: tuple[str, ...]
    typo_keys: tuple[str, ...] | None = None


def normalise(text: str) -> str:
    """Lower-case, unify apostrophes and spaces, drop thousands separators in numbers."""
    text = text.lower().replace("\u2019", "'").replace("\u00a0", " ")
    return re.sub(r"(?<=\d),(?=\d{3})", "", text)


def search_tokens(text: str) -> list[str]:
    """Word and number tokens of normalised text."""
    return [t for t in _TOKEN.findall(normalise(text)) if t.isalnum() or t[0].isdigit()]


def analyse(entry: Entry, cache: dict[str, str] | None = None) -> tuple[tuple[str, ...], ...]:
    """An entry's normalised keys, its words, and the words a typo may match; `cache` keeps the
    normal form of strings many entries share (metrics, categories, subjects)."""
    cache = {} if cache is None else cache

    def norm(text: str) -> str:
        found = cache.get(text)
        if found is None:
            found = cache[text] = " ".join(search_tokens(text or ""))
        return found

    keys = tuple(dict.fromkeys(k for k in map(norm, entry.keys) if k))
    words = tuple(dict.fromkeys(" ".join(keys).split()))
    if entry.typo_keys is None:
        return keys, words, words
    return keys, words, tuple(dict.fromkeys(" ".join(map(norm, entry.typo_keys)).split()))


def entry_order(entry: Entry) -> tuple:
    """The fixed order that breaks score ties: kind, shorter label, label, id."""
    return (_KIND_ORDER[entry.kind], len(entry.label), entry.label, entry.id)


class SearchIndex:
    """Typo-tolerant lookup of entries by name, alias, figure text, metric, value or period."""

    def __init__(self, entries: list[Entry], parts: list[tuple] | None = None):
        """Index `entries`; `parts` (analyse() of each, in entry_order) skips the analysis."""
        if parts is None:
            entries = sorted(entries, key=entry_order)
            cache: dict[str, str] = {}
            parts = [analyse(e, cache) for e in entries]
        rows = [(e.kind, e.id, e.label, e.keys, e.typo_keys) for e in entries]
        self._setup(rows, [(k, w, None if t is w else t) for k, w, t in parts], None)
        self.__dict__["entries"] = entries  # what `entries` would rebuild from the rows

    @classmethod
    def from_payload(cls, payload: dict) -> SearchIndex:
        """An index as to_payload() left it (KeyError, TypeError or ValueError when it is not one)."""
        index = cls.__new__(cls)
        built = tuple(payload[k] for k in ("by_key", "by_word", "by_typo", "short_keys", "short_words",
                                           "short_top"))
        if not all(isinstance(b, (dict, list)) or b is None for b in built):
            raise TypeError("not an index")
        index._setup(payload["rows"], payload["parts"], built)
        return index

    def to_payload(self) -> dict:
        """Everything the index holds, as JSON-ready lists and dicts (for index_file.py)."""
        return {"rows": [r[:3] for r in self._rows], "parts": self._parts,
                "by_key": self._by_key, "by_word": self._by_word,
                "by_typo": None if self._by_typo is self._by_word else self._by_typo,
                "short_keys": list(self._short_keys), "short_words": list(self._short_words),
                "short_top": self._short_hits}

    @cached_property
    def entries(self) -> list[Entry]:
        """The indexed entries, in entry order (read back from a file, with their keys normalised)."""
        return [Entry(r[0], r[1], r[2], tuple(r[3]), None if r[4] is None else tuple(r[4])) if len(r) == 5
                else Entry(r[0], r[1], r[2], tuple(part[0]), None if part[2] is None else tuple(part[2]))
                for r, part in zip(self._rows, self._parts)]

    def _setup(self, rows: list, parts: list, built: tuple | None) -> None:
        """Fill the lookups from rows (kind, id, label, keys, typo keys) in entry order and
        their analysis (keys, words, typo words or None); `built` brings the derived tables."""
        self._rows, self._parts = rows, parts
        self._ids = [r[1] for r in rows]
        self._labels = [r[2] for r in rows]
        self._kinds = [r[0] for r in rows]
        counts = [self._kinds.count(k) for k in KINDS]
        if sum(counts) != len(rows) or len(parts) != len(rows):
            raise ValueError("rows and their analysis do not match")
        # entries are in kind order: each kind is one run of positions
        self._bounds = ((0, counts[0]), (counts[0], counts[0] + counts[1]), (counts[0] + counts[1], len(rows)))
        self._n_entities = counts[0] + counts[1]
        self._keys_of = [p[0] for p in parts]
        self._words_of = [p[1] for p in parts]
        self._typos_of = [p[1] if p[2] is None else p[2] for p in parts]
        if built is None:
            by_typo = None if all(p[2] is None for p in parts) else postings(self._typos_of)
            built = (postings(self._keys_of), postings(self._words_of), by_typo)
            built += (short_buckets(built[0], self._n_entities), short_buckets(built[1], self._n_entities),
                      None)
        self._by_key, self._by_word, by_typo, short_keys, short_words, short_top = built
        self._by_typo = self._by_word if by_typo is None else by_typo
        self._short_keys, self._short_words = tuple(short_keys), tuple(short_words)
        self._keys = list(self._by_key)  # postings are kept in sorted order
        self._vocab = list(self._by_word)
        self._cum = [0, *accumulate(map(len, self._by_word.values()))]
        self._typo_cache: dict[str, dict[str, float]] = {}
        self._hits_cache: dict[tuple, tuple[dict, set]] = {}
        self._typo_sorted = sorted(self._by_typo, key=len)  # typo words by length, and where
        longest = len(self._typo_sorted[-1]) if self._typo_sorted else 0  # each length starts
        self._typo_starts = [bisect_left(self._typo_sorted, m, key=len) for m in range(longest + 2)]
        if short_top is None:  # the best hits of every one- and two-character query, ready
            prefixes = {p for side in (*self._short_keys, *self._short_words) for p in side}
            short_top = {p: self._short(p, 0, len(rows), SHORT_TOP) for p in sorted(prefixes)}
        self._short_hits = short_top
        self._short_top = {p: [self._result(i, s) for i, s in hits] for p, hits in short_top.items()}

    # ---- per token ------------------------------------------------------------------------
    def _typo_words(self, token: str) -> dict[str, float]:
        """Typo-able words within the cutoff of `token`, with their typo score; the last few
        tokens' are kept (typing "market s" looks "market" up once, not on every keystroke)."""
        if not typo_capable(token):
            return {}
        found = self._typo_cache.get(token)
        if found is None:
            if len(self._typo_cache) >= TYPO_CACHE:
                self._typo_cache.clear()
            found = self._typo_cache[token] = self._look_up_typos(token)
        return found

    def clear_cache(self) -> None:
        """Forget the look-ups kept from earlier queries (the benchmark types each query fresh)."""
        self._typo_cache.clear()
        self._hits_cache.clear()

    def _look_up_typos(self, token: str) -> dict[str, float]:
        """Typo-able words within the cutoff of `token`, looked up in the vocabulary."""
        cutoff, n = typo_cutoff(token), len(token)
        # only words whose length m can reach the cutoff c: ratio <= 100 * 2 * min(n, m) / (n + m)
        c = cutoff / 100 - 1e-9
        shortest, longest = math.ceil(n * c / (2 - c)), math.floor(n * (2 - c) / c)
        starts = self._typo_starts
        words = self._typo_sorted[starts[min(shortest, len(starts) - 1)]:starts[min(longest + 1, len(starts) - 1)]]
        # a word starting with the token is a prefix match, which outranks any typo: left out
        return {word: typo_score(token, word, ratio) for word, ratio, _ in
                process.extract(token, words, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None)
                if not word.startswith(token)}

    def _levels(self, token: str, typos: dict[str, float]) -> list[tuple[float, list[int]]]:
        """(score, entries) of every word that matches `token`, by prefix or by typo."""
        n, vocab, by_word = len(token), self._vocab, self._by_word
        # inline word_score: thousands of words can start with a short token
        out = [(EXACT if len(vocab[j]) == n else max(PREFIX_FLOOR, 0.9 - 0.002 * (len(vocab[j]) - n)),
                by_word[vocab[j]]) for j in prefixed(vocab, token)]
        out += [(s, self._by_typo[w]) for w, s in typos.items()]
        return out

    def _estimate(self, token: str, typos: dict[str, float]) -> int:
        """How many (entry, word) pairs listing `token`'s matches would read."""
        span = prefixed(self._vocab, token)
        return self._cum[span.stop] - self._cum[span.start] + sum(len(self._by_typo[w]) for w in typos)

    def _token_hits(self, token: str, typos: dict, lo: int, hi: int) -> tuple[dict, set]:
        """Entry → best score for one token, and the entries that matched it only by a typo;
        kept for the next keystrokes ("market s", "market sh" read "market" once)."""
        key = (token, bool(typos), lo, hi)
        found = self._hits_cache.get(key)
        if found is None:
            if len(self._hits_cache) >= TYPO_CACHE:
                self._hits_cache.clear()
            found = self._hits_cache[key] = self._list_hits(token, typos, lo, hi)
        return found

    def _list_hits(self, token: str, typos: dict, lo: int, hi: int) -> tuple[dict, set]:
        """_token_hits, computed: C-speed dict updates, best score last."""
        words: dict[int, float] = {}
        fuzzy: dict[int, float] = {}
        n = len(self._rows)
        for s, found in sorted(self._levels(token, typos), key=lambda lv: lv[0]):
            (words if s > FUZZY_CEILING else fuzzy).update(dict.fromkeys(between(found, lo, hi, n), s))
        return {**fuzzy, **words}, fuzzy.keys() - words.keys()

    def _item_token_score(self, i: int, token: str, typo) -> float:
        """Best score of entry `i` for `token`; `typo(word)` gives a typo-able word's score."""
        shortest = 0
        for w in self._words_of[i]:
            if w.startswith(token) and (not shortest or len(w) < shortest):
                shortest = len(w)
        if shortest:
            return EXACT if shortest == len(token) else prefix_score(shortest - len(token))
        best = 0.0
        if typo_capable(token):  # any word match outranks every typo
            for w in self._typos_of[i]:
                s = typo(w)
                if s > best:
                    best = s
        return best

    # ---- queries -------------------------------------------------------------------------
    def search(self, query: str, kind: str | None = None, limit: int = 20,
               exhaustive: bool = False) -> list[Result]:
        """Ranked results for `query`; a `company:`/`region:`/`figure:` prefix restricts the kind.
        `exhaustive` scores every entry (slow): the exact ranking the fast mode must agree with."""
        m = _KIND_PREFIX.match(query)
        if m:
            kind, query = m.group(1).lower(), query[m.end():]
        tokens = search_tokens(query)
        if not tokens or limit <= 0:
            return []
        lo, hi = self._bounds[_KIND_ORDER[kind]] if kind else (0, len(self._rows))
        if exhaustive:
            ranked = self._exhaustive(tokens, lo, hi, limit)
        elif len(tokens) == 1 and len(tokens[0]) <= 2:
            if not kind and limit <= SHORT_TOP:
                return self._short_top.get(tokens[0], [])[:limit]
            ranked = self._short(tokens[0], lo, hi, limit)
        elif len(tokens) == 1:
            ranked = self._one_word(tokens[0], lo, hi, limit)
        else:
            ranked = self._words(tokens, lo, hi, limit)
        return [self._result(i, s) for i, s in ranked]

    def _result(self, i: int, score: float) -> Result:
        """Entry `i` as a hit (made as a plain tuple: NamedTuple's own __new__ is Python code)."""
        return _NEW_TUPLE(Result, (self._kinds[i], self._ids[i], self._labels[i], round(100 * score / 3.0, 1)))

    def _sides(self, lo: int, hi: int) -> list[tuple[int, int, int]]:
        """(side, lo, hi): the companies-and-regions part of [lo, hi), then the figures part."""
        parts = [(0, lo, min(hi, self._n_entities)), (1, max(lo, self._n_entities), hi)]
        return [p for p in parts if p[1] < p[2]]

    def _short(self, token: str, lo: int, hi: int, limit: int) -> list[tuple[int, float]]:
        """Hits for a one- or two-character token: strings starting with it, shortest (best)
        first, read only until `limit` hits are out."""
        out: list[tuple[int, float]] = []
        seen: set[int] = set()
        n = len(self._rows)
        for side, a, b in self._sides(lo, hi):
            levels = ((phrase_score(token, k), self._by_key[k]) for k in self._short_keys[side].get(token, ()))
            words = ((word_score(token, w), self._by_word[w]) for w in self._short_words[side].get(token, ()))
            for score, group in grouped(chain(levels, words)):
                lists = [x for x in (between(found, a, b, n) for found in group) if x]
                if emit(lists, score, seen, out, limit):
                    return out
        return out

    def _split(self, found: list[int], lo: int, hi: int) -> list[tuple[int, list[int]]]:
        """(side, entries) of a posting list within [lo, hi): companies and regions, then figures."""
        n_ent, everything = self._n_entities, len(self._rows)
        if lo == 0 and hi >= everything:
            if found[-1] < n_ent:
                return [(0, found)]
            if found[0] >= n_ent:
                return [(1, found)]
            k = bisect_left(found, n_ent)
            return [(0, found[:k]), (1, found[k:])]
        return [(side, part) for side, a, b in self._sides(lo, hi) if (part := between(found, a, b, everything))]

    def _one_word(self, token: str, lo: int, hi: int, limit: int) -> list[tuple[int, float]]:
        """Hits for one token: word matches best first, then typos only when word matches leave
        room for them."""
        n = len(token)
        keys, vocab = self._keys, self._vocab
        matches = [(round(PHRASE_EXACT if len(keys[j]) == n else 2.0 + 0.5 * n / len(keys[j]), 9),
                    self._by_key[keys[j]]) for j in prefixed(keys, token)]
        matches += [(round(EXACT if len(vocab[j]) == n else max(PREFIX_FLOOR, 0.9 - 0.002 * (len(vocab[j]) - n)), 9),
                     self._by_word[vocab[j]]) for j in prefixed(vocab, token)]
        if sum(len(found) for _, found in matches) <= SMALL_MERGE:
            out, seen, best = self._few_words(matches, lo, hi, limit)
        else:
            out, seen, best = self._many_words(matches, lo, hi, limit)
        if len(out) == limit:
            return out
        groups: dict[tuple[int, float], list[list[int]]] = {}
        for w, s in self._typo_words(token).items():
            for side, part in self._split(self._by_typo[w], lo, hi):
                groups.setdefault((side, final_score(s, 1, 0.0)), []).append(part)
        best = max([best, *(score for _, score in groups)])
        for side, score in sorted(groups, key=lambda g: (g[0], -g[1])):
            if score >= FLOOR * best and emit(groups[(side, score)], score, seen, out, limit):
                return out
        return out

    def _few_words(self, matches: list, lo: int, hi: int, limit: int) -> tuple[list, set, float]:
        """(hits, entries matched, best score) of a few word matches: each entry's best score by
        C-speed dict updates (best last), then one sort."""
        scores: dict[int, float] = {}
        everything = len(self._rows)
        for score, found in sorted(matches, key=lambda m: m[0]):
            scores.update(dict.fromkeys(between(found, lo, hi, everything), score))
        n_ent = self._n_entities
        out = sorted(scores.items(), key=lambda hit: (hit[0] >= n_ent, -hit[1], hit[0]))[:limit]
        return out, set(scores), max(scores.values(), default=0.0)

    def _many_words(self, matches: list, lo: int, hi: int, limit: int) -> tuple[list, set, float]:
        """(hits, entries matched so far, best score) of many word matches: posting lists merged
        level by level, best level first, read only until `limit` hits are out."""
        groups: dict[tuple[int, float], list[list[int]]] = {}
        for score, found in matches:
            for side, part in self._split(found, lo, hi):
                groups.setdefault((side, score), []).append(part)
        out: list[tuple[int, float]] = []
        seen: set[int] = set()
        for side, score in sorted(groups, key=lambda g: (g[0], -g[1])):
            if emit(groups[(side, score)], score, seen, out, limit):
                break
        return out, seen, max((score for _, score in groups), default=0.0)

    def _words(self, tokens: list[str], lo: int, hi: int, limit: int) -> list[tuple[int, float]]:
        """Hits for several tokens; typos are looked up only when word matches leave room."""
        found = self._narrow(tokens, {t: {} for t in tokens}, lo, hi)
        if len(found[0]) < limit:
            typos = {t: self._typo_words(t) for t in tokens}
            if any(typos.values()):  # else the typos change nothing
                found = self._narrow(tokens, typos, lo, hi)
        return self._rank(tokens, *found, limit)

    def _narrow(self, tokens: list[str], typos: dict, lo: int, hi: int) -> tuple[dict, set]:
        """Entries matching every token → summed score, and those matched by some typo;
        candidates narrowed from the rarest token."""
        order = sorted(tokens, key=lambda t: self._estimate(t, typos[t]))
        cands, fuzzy = self._token_hits(order[0], typos[order[0]], lo, hi)
        for t in order[1:]:
            if not cands:
                break
            if self._estimate(t, typos[t]) > CHECK_RATIO * len(cands):
                cands, fuzzy = self._check(cands, fuzzy, t, typos[t])
            else:
                cands, fuzzy = self._intersect(cands, fuzzy, *self._token_hits(t, typos[t], lo, hi))
        return cands, fuzzy

    def _rank(self, tokens: list[str], cands: dict, fuzzy: set, limit: int) -> list[tuple[int, float]]:
        """The best `limit` candidates, by score level (few distinct levels, each scored once)."""
        if not cands:
            return []
        phrase, n = " ".join(tokens), len(tokens)
        levels: dict[tuple[bool, int, float], list[int]] = {}
        with_bonus: set[int] = set()
        keys = [self._keys[j] for j in prefixed(self._keys, phrase)]
        for key in sorted(keys, key=len):  # shorter keys give the bigger bonus
            new = (cands.keys() & self._by_key[key]) - with_bonus
            with_bonus |= new
            score = final_score(0.0, 1, phrase_score(phrase, key))
            for i in new:
                levels.setdefault((False, int(i >= self._n_entities), score), []).append(i)
        scores: dict[float, float] = {}
        for i, total in cands.items():
            if i not in with_bonus:
                score = scores.get(total)
                if score is None:
                    score = scores[total] = final_score(total, n, 0.0)
                levels.setdefault((i in fuzzy, int(i >= self._n_entities), score), []).append(i)
        best = max(score for _, _, score in levels)
        out: list[tuple[int, float]] = []
        for key in sorted(levels, key=lambda k: (k[0], k[1], -k[2])):
            if key[0] and key[2] < FLOOR * best:
                continue
            for i in sorted(levels[key]):
                out.append((i, key[2]))
                if len(out) == limit:
                    return out
        return out

    @staticmethod
    def _intersect(cands: dict, fuzzy: set, hits: dict, hits_fuzzy: set) -> tuple[dict, set]:
        """Candidates that also match the next token, with its score added."""
        both = cands.keys() & hits.keys()
        return {i: cands[i] + hits[i] for i in both}, (fuzzy | hits_fuzzy) & both

    def _check(self, cands: dict, fuzzy: set, token: str, typos: dict) -> tuple[dict, set]:
        """Candidates that also match `token`, found by reading each candidate's own words."""
        out: dict[int, float] = {}
        fuzzy = set(fuzzy)
        lookup = typos.get
        for i, total in cands.items():
            s = self._item_token_score(i, token, lambda w: lookup(w, 0.0))
            if s:
                out[i] = total + s
                if s <= FUZZY_CEILING:
                    fuzzy.add(i)
        return out, fuzzy & out.keys()

    def _exhaustive(self, tokens: list[str], lo: int, hi: int, limit: int) -> list[tuple[int, float]]:
        """Every entry scored on its own against every token: slow, and exact by definition."""
        phrase = " ".join(tokens)
        scored = []
        for i in range(lo, hi):
            total, fuzzy = 0.0, False
            for t in tokens:
                s = self._item_token_score(i, t, lambda w, t=t: direct_typo_score(t, w))
                if not s:
                    break
                total, fuzzy = total + s, fuzzy or s <= FUZZY_CEILING
            else:
                bonus = max(phrase_score(phrase, k) for k in self._keys_of[i])
                scored.append((fuzzy, i >= self._n_entities, -final_score(total, len(tokens), bonus), i))
        return self._top(scored, limit)

    @staticmethod
    def _top(scored: list[tuple], limit: int) -> list[tuple[int, float]]:
        """The best `limit` of (fuzzy, figure, -score, entry), typo hits far below the best left out."""
        if not scored:
            return []
        best = -min(s[2] for s in scored)
        kept = [s for s in scored if not s[0] or -s[2] >= FLOOR * best]
        return [(i, -neg) for _, _, neg, i in heapq.nsmallest(limit, kept)]
