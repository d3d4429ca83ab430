"""Cut a metric noun phrase out of the words before or after a figure."""
from __future__ import annotations

import re
from functools import lru_cache

from .vocabulary import vocabulary


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    """Words that end a noun phrase: the stop list plus common verbs ("revenue per mu" keeps per)."""
    vocab = vocabulary()
    return (vocab.np_stop | vocab.verbs | {"and"}) - {"per", "year-on-year"}


def _is_stop(word: str) -> bool:
    """True for a word that cannot sit inside a metric noun phrase."""
    w = word.lower().strip("\"“”'’,")
    return not w or w in _stop_words() or w.endswith("ed") and w not in vocabulary().ed_modifiers \
        or w[0].isdigit()


def noun_tail(phrase: str, limit: int = 5) -> str:
    """The noun phrase that ends `phrase` ("it achieved above-scale sales revenue" → the last three)."""
    words = phrase.replace("’", "'").split()
    kept: list[str] = []
    for word in reversed(words):
        if _is_stop(word) and not (word.lower() == "and" and kept and len(kept) < 3):
            break
        kept.insert(0, word)
    kept = [w for w in kept[-limit:]]
    while kept and kept[0].lower() == "and":
        kept.pop(0)
    tail = " ".join(kept).strip("\"“”'’,").lower()
    return re.sub(r"^.*'s\s+", "", tail)  # "weihua group's sales revenue" -> "sales revenue"


def noun_head(phrase: str, limit: int = 5) -> str:
    """The noun phrase that starts `phrase` ("shield machines in the market" → "shield machines")."""
    kept = []
    for word in phrase.split()[:limit]:
        if _is_stop(word) and kept or word.lower() in ("in", "from", "are", "is"):
            break
        if not _is_stop(word):
            kept.append(word)
        if word[-1] in ",;.":
            break
    return " ".join(kept).strip("\"“”'’,.;").lower()
