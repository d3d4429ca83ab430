"""Search as people read it: names and places matched by their words first, fuzzy guesses last.

The index (search.py) is tuned for speed and typo tolerance, so a query such as "yuhuan" fuzzily
matches the word "yuan" in every money figure. `find` re-grades the index's hits:

1. companies and regions whose name or alias contains every query word (or starts with it);
2. figures whose text, metric, subject, category or value contain every query word;
3. companies and regions matched fuzzily (typos in a name);
4. figures matched fuzzily, but only through their subject's name, metric or category: a typo
   never matches the figure's own wording ("35 yuan").

Fuzzy hits far below the best score are left out.
"""
from __future__ import annotations

import re
from weakref import WeakKeyDictionary

from rapidfuzz import fuzz, process

from .index import format_value
from .search import Result, search_tokens

WORD, FUZZY = 0, 1
FUZZY_FLOOR = 0.6  # a fuzzy hit scoring under 60% of the best hit is noise
POOL = 200  # hits read from the index before grading (the index ranks good hits first)
_KIND_PREFIX = re.compile(r"^\s*(company|region|figure)\s*:\s*", re.I)


def _match(token: str, words: set[str]) -> bool:
    """True when a word equals or starts with the query token."""
    return token in words or any(w.startswith(token) for w in words)


def _fuzzy(token: str, words: frozenset[str]) -> bool:
    """True when a word is a likely typo of the token (the index's own thresholds)."""
    if len(token) < 4 or token[0].isdigit():
        return False
    cutoff = 75 if len(token) < 7 else 70
    return process.extractOne(token, words, scorer=fuzz.ratio, score_cutoff=cutoff) is not None


def _words(*texts: str) -> frozenset[str]:
    """The search tokens of some texts, as a set."""
    return frozenset(t for text in texts for t in search_tokens(text or ""))


# Per store (weakly held: a store that goes away takes its words with it), item → its word sets:
# every keystroke grades mostly the same hits.
_WORDS: WeakKeyDictionary = WeakKeyDictionary()


def _item_words(store, kind: str, item_id: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """(words a query may match exactly or by prefix, words a typo may match) of one item."""
    cache = _WORDS.setdefault(store, {})
    if (kind, item_id) not in cache:
        cache[(kind, item_id)] = _read_words(store, kind, item_id)
    return cache[(kind, item_id)]


def _read_words(store, kind: str, item_id: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """The word sets of one item, from the store."""
    if kind == "figure":
        fig = store.figures.get(item_id)
        if fig is None:
            return None
        subject = store.name_of(fig.subject_id)
        return (_words(fig.text, fig.metric, subject, fig.category, format_value(fig.value)),
                _words(fig.metric, subject, fig.category))
    ent = store.entity(item_id)
    if ent is None:
        return None
    names = _words(ent.name, *ent.aliases)
    return names, names


def _grade(store, result: Result, tokens: list[str]) -> tuple[int, int] | None:
    """(kind of match, entities before figures) for one hit, or None when it only matched by noise."""
    words = _item_words(store, result.kind, result.id)
    if words is None:
        return None
    exact, typo = words
    entity = 1 if result.kind == "figure" else 0
    if all(_match(t, exact) for t in tokens):
        return (WORD, entity)
    if all(_match(t, exact) or _fuzzy(t, typo) for t in tokens):
        return (FUZZY, entity)
    return None


def find(store, query: str, kind: str | None = None, limit: int = 20) -> list[Result]:
    """Ranked search hits for a person: word matches first, entities before figures, no noise."""
    m = _KIND_PREFIX.match(query)
    tokens = search_tokens(query[m.end():] if m else query)
    if not tokens:
        return []
    hits = store.search(query, kind, max(POOL, limit))
    graded = []
    for order, hit in enumerate(hits):
        grade = _grade(store, hit, tokens)
        if grade is not None:
            graded.append((grade, order, hit))
    if not graded:
        return []
    best = max(hit.score for _, _, hit in graded)
    kept = [g for g in graded if g[0][0] == WORD or g[2].score >= FUZZY_FLOOR * best]
    kept.sort(key=lambda g: (g[0], g[1]))
    return [hit for _, _, hit in kept[:limit]]
