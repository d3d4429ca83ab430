"""One in-memory index over companies, regions and figures, ranked as scoring.py says.

Per-keystroke cost must stay low at 100k items, so the fast mode never scores every item:
- one-word queries walk the matching words' posting lists best score first, each list kept in
  the entries' fixed order, and stop once `limit` hits are out (short prefixes such as "w" cost
  a merge of lists, not a score per item);
- several words intersect per-word candidate sets, smallest first, and check a huge word (such
  as a half-typed "s") against the few candidates left instead of listing its items;
- typos are looked up over the vocabulary of typo-able words, only among words whose length
  can reach the cutoff.
`search(..., exhaustive=True)` scores every entry with the same rules: the exact ranking the
benchmark and the tests compare the fast mode with.
"""
from __future__ import annotations

import heapq
import re
from bisect import bisect_left
from dataclasses import dataclass
from itertools import accumulate

from rapidfuzz import fuzz, process

from .scoring import (
    FLOOR,
    FUZZY_CEILING,
    direct_typo_score,
    final_score,
    phrase_score,
    typo_capable,
    typo_cutoff,
    typo_score,
    word_score,
)

KINDS = ("company", "region", "figure")
FIGURE = 2  # index of "figure" in KINDS
_TOKEN = re.compile(r"[a-z0-9]+(?:[.,][0-9]+)*%?|[^\sa-z0-9]")
_KIND_PREFIX = re.compile(r"^\s*(company|region|figure)\s*:\s*", re.I)
_KIND_ORDER = {k: i for i, k in enumerate(KINDS)}
_TOP = "\U0010ffff"  # sorts after any character: the end of a prefix's range
CHECK_RATIO = 20  # check a word per candidate once it would list 20x more items than are left


@dataclass(frozen=True)
class Result:
    """A ranked search hit."""

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


def analyse(entry: Entry) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """An entry's normalised keys, its words, and the words a typo may match."""
    keys = tuple(dict.fromkeys(k for k in (" ".join(search_tokens(key)) for key in entry.keys) if k))
    words = tuple(dict.fromkeys(w for k in keys for w in k.split()))
    if entry.typo_keys is None:
        return keys, words, words
    typos = tuple(dict.fromkeys(t for key in entry.typo_keys for t in search_tokens(key or "")))
    return keys, words, typos


def entry_order(entry: Entry) -> tuple:
    """The fixed order that breaks score ties: kind, shorter label, label, id."""
    return (_KIND_ORDER[entry.kind], len(entry.label), entry.label, entry.id)


def _postings(lists_of_strings: list[tuple[str, ...]], kind_of: list[int]) -> dict[str, tuple]:
    """String → ([company entries], [region entries], [figure entries]), each in entry order."""
    out: dict[str, tuple[list[int], list[int], list[int]]] = {}
    for i, strings in enumerate(lists_of_strings):
        k = kind_of[i]
        for s in strings:
            lists = out.get(s)
            if lists is None:
                lists = out[s] = ([], [], [])
            lists[k].append(i)
    return out


def _prefixed(sorted_strings: list[str], prefix: str) -> range:
    """Positions of the strings in a sorted list that start with `prefix`."""
    lo = bisect_left(sorted_strings, prefix)
    return range(lo, bisect_left(sorted_strings, prefix + _TOP, lo))


class SearchIndex:
    """Typo-tolerant lookup of entries by name, alias, figure text, metric, value or period."""

    def __init__(self, entries: list[Entry], parts: list[tuple] | None = None):
        """Index `entries`; `parts` (analyse() of each, in entry_order) skips the analysis."""
        if parts is None:
            entries = sorted(entries, key=entry_order)
            parts = [analyse(e) for e in entries]
        self.entries = entries
        self.parts = parts
        self._kind = [_KIND_ORDER[e.kind] for e in entries]
        self._keys_of = [p[0] for p in parts]
        self._words_of = [p[1] for p in parts]
        self._typos_of = [p[2] for p in parts]
        self._by_key = _postings(self._keys_of, self._kind)
        self._by_word = _postings(self._words_of, self._kind)
        self._by_typo = _postings(self._typos_of, self._kind)
        self._keys = sorted(self._by_key)
        self._vocab = sorted(self._by_word)
        self._cum = [0, *accumulate(sum(map(len, self._by_word[w])) for w in self._vocab)]
        self._typo_by_len: dict[int, list[str]] = {}
        for w in sorted(self._by_typo):
            self._typo_by_len.setdefault(len(w), []).append(w)

    # ---- per token ------------------------------------------------------------------------
    def _typo_words(self, token: str) -> dict[str, float]:
        """Typo-able words within the cutoff of `token`, with their typo score."""
        if not typo_capable(token):
            return {}
        cutoff, n = typo_cutoff(token), len(token)
        found: dict[str, float] = {}
        for length, words in self._typo_by_len.items():
            if 100 * (1 - abs(n - length) / (n + length)) < cutoff - 1e-6:
                continue  # no word this much longer or shorter can reach the cutoff
            for word, ratio, _ in process.extract(token, words, scorer=fuzz.ratio,
                                                  score_cutoff=cutoff, limit=None):
                found[word] = typo_score(token, word, ratio)
        return found

    def _levels(self, token: str, typos: dict[str, float]) -> list[tuple[float, dict, str]]:
        """(score, postings, word) of every word that matches `token`, by prefix or by typo."""
        out = [(word_score(token, self._vocab[j]), self._by_word, self._vocab[j])
               for j in _prefixed(self._vocab, token)]
        out += [(s, self._by_typo, w) for w, s in typos.items()]
        return out

    def _estimate(self, token: str, typos: dict[str, float]) -> int:
        """How many (entry, word) pairs listing `token`'s matches would read."""
        span = _prefixed(self._vocab, token)
        return (self._cum[span.stop] - self._cum[span.start]
                + sum(sum(map(len, self._by_typo[w])) for w in typos))

    def _token_hits(self, token: str, typos: dict, kinds: tuple[int, ...]) -> tuple[dict, set]:
        """Entry → best score for one token (C-speed dict updates, best last), and the entries
        that matched it only by a typo."""
        words: dict[int, float] = {}
        fuzzy: dict[int, float] = {}
        for s, postings, w in sorted(self._levels(token, typos), key=lambda lv: lv[0]):
            into = words if s > FUZZY_CEILING else fuzzy
            lists = postings[w]
            for k in kinds:
                into.update(dict.fromkeys(lists[k], s))
        return {**fuzzy, **words}, fuzzy.keys() - words.keys()

    def _item_token_score(self, i: int, token: str, typo) -> float:
        """Best score of entry `i` for `token`; `typo(word)` gives a typo-able word's score."""
        best = 0.0
        for w in self._words_of[i]:
            s = word_score(token, w)
            if s > best:
                best = s
        if best == 0.0 and typo_capable(token):  # any word match outranks every typo
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
        kinds = (_KIND_ORDER[kind],) if kind else (0, 1, 2)
        if exhaustive:
            ranked = self._exhaustive(tokens, kinds, limit)
        elif len(tokens) == 1:
            ranked = self._one_word(tokens[0], kinds, limit)
        else:
            ranked = self._words(tokens, kinds, limit)
        return [Result(self.entries[i].kind, self.entries[i].id, self.entries[i].label,
                       round(100 * s / 3.0, 1)) for i, s in ranked]

    def _one_word(self, token: str, kinds: tuple[int, ...], limit: int) -> list[tuple[int, float]]:
        """Hits for one token: posting lists merged level by level, best level first."""
        groups: dict[tuple[bool, bool, float], list[list[int]]] = {}

        def add(score: float, lists: tuple) -> None:
            score = final_score(score, 1, 0.0)
            for k in kinds:
                if lists[k]:
                    groups.setdefault((score <= FUZZY_CEILING, k == FIGURE, score), []).append(lists[k])

        for j in _prefixed(self._keys, token):
            add(phrase_score(token, self._keys[j]), self._by_key[self._keys[j]])
        for s, postings, w in self._levels(token, self._typo_words(token)):
            add(s, postings[w])
        if not groups:
            return []
        best = max(score for _, _, score in groups)
        out: list[tuple[int, float]] = []
        seen: set[int] = set()
        for fuzzy, _, score in sorted(groups, key=lambda g: (g[0], g[1], -g[2])):
            if fuzzy and score < FLOOR * best:
                continue
            lists = groups[(fuzzy, _, score)]
            for i in lists[0] if len(lists) == 1 else heapq.merge(*lists):
                if i not in seen:
                    seen.add(i)
                    out.append((i, score))
                    if len(out) == limit:
                        return out
        return out

    def _words(self, tokens: list[str], kinds: tuple[int, ...], limit: int) -> list[tuple[int, float]]:
        """Hits for several tokens: every token must match; candidates narrowed smallest first."""
        typos = {t: self._typo_words(t) for t in tokens}
        order = sorted(tokens, key=lambda t: self._estimate(t, typos[t]))
        cands, fuzzy = self._token_hits(order[0], typos[order[0]], kinds)
        for t in order[1:]:
            if not cands:
                return []
            if self._estimate(t, typos[t]) > CHECK_RATIO * len(cands):
                cands, fuzzy = self._check(cands, fuzzy, t, typos[t])
            else:
                cands, fuzzy = self._intersect(cands, fuzzy, *self._token_hits(t, typos[t], kinds))
        bonus: dict[int, float] = {}
        phrase = " ".join(tokens)
        for j in _prefixed(self._keys, phrase):
            s = phrase_score(phrase, self._keys[j])
            for k in kinds:
                for i in self._by_key[self._keys[j]][k]:
                    if i in cands and s > bonus.get(i, 0.0):
                        bonus[i] = s
        scored = [(i in fuzzy, self._kind[i] == FIGURE,
                   -final_score(total, len(tokens), bonus.get(i, 0.0)), i) for i, total in cands.items()]
        return self._top(scored, limit)

    @staticmethod
    def _intersect(cands: dict, fuzzy: set, hits: dict, hits_fuzzy: set) -> tuple[dict, set]:
        """Candidates that also match the next token, with its score added."""
        both = cands.keys() & hits.keys()
        return {i: cands[i] + hits[i] for i in both}, (fuzzy | hits_fuzzy) & both

    def _check(self, cands: dict, fuzzy: set, token: str, typos: dict) -> tuple[dict, set]:
        """Candidates that also match `token`, found by reading each candidate's own words."""
        out: dict[int, float] = {}
        fuzzy = set(fuzzy)
        for i, total in cands.items():
            s = self._item_token_score(i, token, lambda w: typos.get(w, 0.0))
            if s:
                out[i] = total + s
                if s <= FUZZY_CEILING:
                    fuzzy.add(i)
        return out, fuzzy & out.keys()

    def _exhaustive(self, tokens: list[str], kinds: tuple[int, ...], limit: int) -> list[tuple[int, float]]:
        """Every entry scored on its own against every token: slow, and exact by definition."""
        phrase = " ".join(tokens)
        scored = []
        for i in range(len(self.entries)):
            if self._kind[i] not in kinds:
                continue
            total, fuzzy = 0.0, False
            for t in tokens:
                s = self._item_token_score(i, t, lambda w, t=t: direct_typo_score(t, w))
                if not s:
                    break
                total, fuzzy = total + s, fuzzy or s <= FUZZY_CEILING
            else:
                bonus = max(phrase_score(phrase, k) for k in self._keys_of[i])
                scored.append((fuzzy, self._kind[i] == FIGURE,
                               -final_score(total, len(tokens), bonus), i))
        return self._top(scored, limit)

    @staticmethod
    def _top(scored: list[tuple], limit: int) -> list[tuple[int, float]]:
        """The best `limit` of (fuzzy, figure, -score, entry), typo hits far below the best left out."""
        if not scored:
            return []
        best = -min(s[2] for s in scored)
        kept = [s for s in scored if not s[0] or -s[2] >= FLOOR * best]
        return [(i, -neg) for _, _, neg, i in heapq.nsmallest(limit, kept)]
