"""One in-memory index over companies, regions and figures, ranked exact > prefix > token > fuzzy.

Per-keystroke cost must stay low at 100k items, so we never score every item with a fuzzy
measure: exact keys are a dict lookup, prefixes are a bisect over sorted keys and tokens, and
the fuzzy step runs rapidfuzz over the (much smaller) token vocabulary, then maps tokens back
to items.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz, process

KINDS = ("company", "region", "figure")
_TOKEN = re.compile(r"[a-z0-9]+(?:[.,][0-9]+)*%?|[^\sa-z0-9]")
_KIND_PREFIX = re.compile(r"^\s*(company|region|figure)\s*:\s*", re.I)
_KIND_ORDER = {k: i for i, k in enumerate(KINDS)}


@dataclass(frozen=True)
class Result:
    """A ranked search hit."""

    kind: str
    id: str
    label: str
    score: float


@dataclass(frozen=True)
class Entry:
    """An indexed item: what it is, how it is shown, and the strings it is found by."""

    kind: str
    id: str
    label: str
    keys: tuple[str, ...]


def normalise(text: str) -> str:
    """Lower-case, unify apostrophes and spaces, drop thousands separators in numbers."""
    text = text.lower().replace("\u2019", "'").replace("\u00a0", " ")
    return re.sub(r"(?<=\d),(?=\d{3})", "", text)


def search_tokens(text: str) -> list[str]:
    """Word and number tokens of normalised text."""
    return [t for t in _TOKEN.findall(normalise(text)) if t.isalnum() or t[0].isdigit()]


class SearchIndex:
    """Typo-tolerant lookup of entries by name, alias, figure text, metric or value."""

    def __init__(self, entries: list[Entry]):
        self.entries = entries
        self._exact: dict[str, set[int]] = defaultdict(set)
        by_token: dict[str, set[int]] = defaultdict(set)
        for i, entry in enumerate(entries):
            for key in entry.keys:
                norm = " ".join(search_tokens(key))
                if norm:
                    self._exact[norm].add(i)
                for tok in norm.split():
                    by_token[tok].add(i)
        self._keys = sorted(self._exact)
        self._by_token = dict(by_token)
        self._vocab = sorted(by_token)

    def _prefixed(self, sorted_keys: list[str], prefix: str) -> list[str]:
        """Keys in a sorted list that start with `prefix`."""
        out = []
        for j in range(bisect_left(sorted_keys, prefix), len(sorted_keys)):
            if not sorted_keys[j].startswith(prefix):
                break
            out.append(sorted_keys[j])
        return out

    def _token_scores(self, tok: str) -> dict[int, float]:
        """Entry → best score for one query token: exact token, token prefix, or fuzzy token."""
        scores: dict[int, float] = {}
        for i in self._by_token.get(tok, ()):
            scores[i] = 1.0
        for word in self._prefixed(self._vocab, tok)[:2000]:
            for i in self._by_token[word]:
                scores[i] = max(scores.get(i, 0), 0.9 - 0.002 * (len(word) - len(tok)))
        if len(tok) >= 4 and not tok[0].isdigit():
            cutoff = 75 if len(tok) < 7 else 70
            for word, sim, _ in process.extract(tok, self._vocab, scorer=fuzz.ratio,
                                                score_cutoff=cutoff, limit=20):
                for i in self._by_token[word]:
                    scores[i] = max(scores.get(i, 0), 0.8 * sim / 100)
        return scores

    def search(self, query: str, kind: str | None = None, limit: int = 20) -> list[Result]:
        """Ranked results for `query`; a `company:`/`region:`/`figure:` prefix restricts the kind."""
        m = _KIND_PREFIX.match(query)
        if m:
            kind, query = m.group(1).lower(), query[m.end():]
        q_tokens = search_tokens(query)
        if not q_tokens:
            return []
        phrase = " ".join(q_tokens)
        scores: dict[int, float] = {}
        for i in self._exact.get(phrase, ()):
            scores[i] = 3.0
        for key in self._prefixed(self._keys, phrase)[:2000]:
            for i in self._exact[key]:
                scores[i] = max(scores.get(i, 0), 2.0 + 0.5 * len(phrase) / len(key))
        combined: dict[int, float] | None = None
        for tok in q_tokens:
            tok_scores = self._token_scores(tok)
            combined = tok_scores if combined is None else {
                i: combined[i] + s for i, s in tok_scores.items() if i in combined}
        for i, s in (combined or {}).items():
            scores[i] = max(scores.get(i, 0), s / len(q_tokens))
        ranked = [(s, i) for i, s in scores.items() if kind is None or self.entries[i].kind == kind]
        ranked.sort(key=lambda si: (-si[0], _KIND_ORDER[self.entries[si[1]].kind],
                                    len(self.entries[si[1]].label)))
        return [Result(self.entries[i].kind, self.entries[i].id, self.entries[i].label,
                       round(100 * s / 3.0, 1)) for s, i in ranked[:limit]]
