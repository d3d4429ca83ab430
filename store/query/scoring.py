"""How well one query token matches one word, and how a hit's matches add up to its rank.

One set of rules serves the fast index and its exhaustive mode, so both rank alike:

- a word equal to the token scores 1.0, a word starting with it a little less the longer the
  word (never under PREFIX_FLOOR), a likely typo (only of names, metrics, categories) at most
  0.8 × its similarity; so a score above FUZZY_CEILING means "matched by its words";
- a hit's score is the mean over the query's tokens (every token must match), or more when one
  of its keys is the whole query (3.0) or starts with it (2.0 to 2.5);
- hits rank by: word matches before typo matches, companies and regions before figures, score,
  then a fixed order of the entries (kind, shorter label, label, id) so ties never flip.
"""
from __future__ import annotations

from rapidfuzz import fuzz
from rapidfuzz.distance import JaroWinkler

EXACT = 1.0
PREFIX_FLOOR = 0.82  # a prefix match of a very long word still outranks any typo
FUZZY_CEILING = 0.8
FLOOR = 0.6  # a typo hit scoring under 60% of the best hit is noise
PHRASE_EXACT = 3.0


def prefix_score(extra: int) -> float:
    """Score of a word that starts with the token and has `extra` more characters."""
    return max(PREFIX_FLOOR, 0.9 - 0.002 * extra)


def word_score(token: str, word: str) -> float:
    """Score of `word` for `token` by equality or prefix (0.0 when neither)."""
    if word == token:
        return EXACT
    if word.startswith(token):
        return prefix_score(len(word) - len(token))
    return 0.0


def typo_capable(token: str) -> bool:
    """Whether a token is long enough, and not a number, to be matched as a typo."""
    return len(token) >= 4 and not token[0].isdigit()


def typo_cutoff(token: str) -> float:
    """The least rapidfuzz `ratio` (0-100) for a word to count as a typo of `token`."""
    return 75 if len(token) < 7 else 70


def typo_score(token: str, word: str, ratio: float) -> float:
    """Score of a typo match: indel similarity, with Jaro-Winkler breaking its ties.

    Indel `ratio` ranks "weihau" as close to "weihai" as to "weihua"; Jaro-Winkler counts a
    swap of two letters as nearer than a wrong letter, which is how people mistype names.
    """
    similarity = (ratio / 100 + JaroWinkler.normalized_similarity(token, word)) / 2
    return FUZZY_CEILING * similarity


def direct_typo_score(token: str, word: str) -> float:
    """Typo score of one word computed on its own (0.0 under the cutoff)."""
    ratio = fuzz.ratio(token, word, score_cutoff=typo_cutoff(token))
    return typo_score(token, word, ratio) if ratio else 0.0


def phrase_score(phrase: str, key: str) -> float:
    """Bonus of a key (normalised) that is the query phrase or starts with it (0.0 otherwise)."""
    if key == phrase:
        return PHRASE_EXACT
    if key.startswith(phrase):
        return 2.0 + 0.5 * len(phrase) / len(key)
    return 0.0


def final_score(token_sum: float, n_tokens: int, bonus: float) -> float:
    """A hit's score: its phrase bonus or its mean token score, rounded so sums in any order agree."""
    return round(max(bonus, token_sum / n_tokens), 9)
