"""Patterns rewritten for speed match exactly what their plain forms match.

The tokenizer takes letter runs whole instead of one character at a time, and `whole_words_re`
opens a case-blind word alternation with a case-exact set of first letters; on generated text
(joiners, apostrophes, digits, and the non-ASCII letters case-blind matching pairs with ASCII
ones) both give the same spans as the patterns they replace.
"""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from store.extract.document.tokens import tokenize
from store.extract.figures.vocabulary import alternation, vocabulary, whole_words_re

# The tokenizer's pattern as it was: each character of a word tried in turn.
PLAIN_TOKEN = re.compile(r"""
    [A-Za-z](?:[A-Za-z0-9]|[-&](?=[A-Za-z0-9])|['\u2019](?!s\b)(?=[A-Za-z]))*
  | ['\u2019]s\b
  | \d+(?:[.,]\d+)*
  | \S
""", re.X)

PIECES = ["a", "Ab", "s", "S", "x9", "-", "&", "'", "\u2019", "'s", "\u2019s", " ", "  ", "\n", "3", "4.5",
          "1,000", ",", ".", "\u017f", "\u0131", "\u0130", "\u212a", "\u00e9", "_", "\u00a0"]
WORDS = ["will", "plan to", "plans to", "is expected", "aim", "aims to", "kick off", "set"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_tokens_are_the_plain_patterns(text):
    assert [(t.start, t.end, t.text) for t in tokenize(text)] == [
        (m.start(), m.end(), m.group()) for m in PLAIN_TOKEN.finditer(text)]


def _case_variants(words):
    """The words and their pieces in other cases and with the letters case-blind matching folds."""
    out = []
    for w in words:
        out += [w, w.upper(), w.title(), w.replace("s", "\u017f"), w.replace("i", "\u0131"),
                w.replace("I", "\u0130").upper(), w.replace("k", "\u212a"), w[:2], w + "x", "x" + w]
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_case_variants(WORDS) + PIECES), max_size=30).map("".join))
def test_whole_words_match_the_plain_alternation(text):
    plain = re.compile(rf"\b(?:{alternation(WORDS)})\b", re.I)
    fast = whole_words_re(WORDS)
    assert [(m.span(), m.group()) for m in fast.finditer(text)] == [
        (m.span(), m.group()) for m in plain.finditer(text)]


def test_plan_words_match_the_plain_alternation():
    words = vocabulary().plan_words
    plain = re.compile(rf"\b(?:{alternation(words)})\b", re.I)
    text = " ".join(_case_variants(sorted(words))) + " the plant will PLAN TO expand; it is\nexpected"
    assert [m.span() for m in vocabulary().plan_re.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert vocabulary().plan_re.search(text)
