"""Find spans of text that name a company: Title-case runs judged by their words."""
from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"
_SP = r"[ \u00a0]"
# A capitalised word; "Co"/"Ltd" are left to the legal-suffix group, "'s" to the possessive check.
_WORD = r"(?!(?:Co|Ltd|Inc|Corp)\b)(?:[A-Z][A-Za-z0-9]*(?:[-&][A-Za-z0-9]+)*(?:['’][a-z]{2,})?|R&D)"
_PAREN = r"\([A-Z][A-Za-z]+\)"
_LEGAL = rf"(?:,?{_SP}?Co\.?,?{_SP}?Ltd\.?|{_SP}Company{_SP}Limited|,?{_SP}(?:Ltd|Inc|Corp)\.)"
RUN = re.compile(
    rf"(?<![A-Za-z0-9])(?:{_WORD})(?:{_SP}(?:(?:of{_SP}the|of|and|&){_SP})?"
    rf"(?:{_WORD}|{_PAREN}))*(?P<legal>{_LEGAL})?")
TOKEN = re.compile(rf"{_PAREN}|[A-Za-z][A-Za-z0-9&\-]*(?:['’][A-Za-z]{{2,}})*")
LOWER_WORD = re.compile(r"(?<![A-Za-z])[a-z][a-z\-]+")
# A run of Mandarin syllables: Chinese brand words ("Weihua", "Shenma") look like this, English ones do not.
PINYIN = re.compile(r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|iao|ian|uai|uan|ang|eng|ing|"
                    r"ong|ai|ei|ui|ao|ou|iu|ie|ue|ve|er|an|en|in|un|ia|ua|uo|a|o|e|i|u|v))+")


@dataclass(frozen=True)
class Words:
    """The editable word lists of company_words.json, as sets for fast lookup."""

    kinds: dict
    center_qualifiers: frozenset
    industry_ends: frozenset
    subunits: frozenset
    not_company: frozenset
    title_words: frozenset
    traps: frozenset
    generic: frozenset
    place_prefixes: frozenset
    place_words: frozenset
    list_heads: dict
    surnames: frozenset
    acronym_stop: frozenset


@lru_cache(maxsize=1)
def load_words() -> Words:
    """The word lists, read once."""
    raw = json.loads((DATA / "company_words.json").read_text(encoding="utf-8"))
    kinds = {k: v for k, v in raw["org_kinds"].items() if not k.startswith("_")}
    heads = {k: v for k, v in raw["list_heads"].items() if not k.startswith("_")}
    return Words(kinds, frozenset(raw["center_qualifiers"]), frozenset(raw["industry_ends"]),
                 frozenset(raw["subunits"]), frozenset(raw["not_company_heads"]),
                 frozenset(raw["title_words"]), frozenset(raw["leading_traps"]),
                 frozenset(raw["generic_words"]), frozenset(raw["place_prefixes"]),
                 frozenset(raw["place_words"]), heads,
                 frozenset(raw["surnames"]), frozenset(raw["acronym_stop"]))


@dataclass
class DocContext:
    """What judging a name needs to know about its document."""

    text: str
    lower_words: frozenset  # words the document also writes in lower case: common words
    place_spans: list  # (start, end) of region hits naming towns and larger places
    exact_places: frozenset  # (start, end) of every region hit, zones included
    place_names: frozenset = frozenset()  # lower-cased names of the places the document names

    def is_place(self, start: int, end: int) -> bool:
        """True when [start, end) lies inside a place (not a zone, which may be named after a firm)."""
        i = bisect_right(self.place_spans, (start, len(self.text)))
        while i > 0 and self.place_spans[i - 1][0] > start - 200:  # place names are short
            i -= 1
            if self.place_spans[i][1] >= end:
                return True
        return False


def make_context(text: str, places: list[tuple[int, int]], zones: list[tuple[int, int]] = (),
                 place_names: set[str] = frozenset()) -> DocContext:
    """A DocContext for `text` with the spans of its places and zones, and the names of its places."""
    return DocContext(text, frozenset(LOWER_WORD.findall(text)), sorted(places),
                      frozenset(places) | frozenset(zones), frozenset(n.lower() for n in place_names))


def tokens(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """Word tokens of text[start:end] as (start, end, word), offsets into `text`."""
    end = len(text) if end is None else end
    return [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text, start, end)]


def strip_possessive(word: str) -> str:
    """A word without a trailing possessive."""
    return re.sub(r"['’]s$", "", word)


def is_distinctive(ctx: DocContext, start: int, end: int, word: str) -> bool:
    """True for a word that can identify a firm: not a place, not a common word."""
    w = load_words()
    word = strip_possessive(word)
    if word.startswith("(") or word in w.place_prefixes or ctx.is_place(start, end):
        return False
    low = word.lower()
    if low in ctx.place_names:
        return False  # a place named elsewhere in the text, e.g. "Changyuan's" missed as a region
    if low in w.generic or low in w.kinds or low in ("of", "the", "and", "my", "country"):
        return False
    if word.isupper() and word not in w.acronym_stop:
        return True
    return low not in ctx.lower_words and word[0].isupper()


def distinctive_words(ctx: DocContext, start: int, end: int) -> list[str]:
    """The distinctive words of the span [start, end)."""
    return [t for s, e, t in tokens(ctx.text, start, end) if is_distinctive(ctx, s, e, t)]


def looks_pinyin(word: str) -> bool:
    """True for a word spelt as Mandarin syllables ("Qiaolong"), false for most English words ("Pump")."""
    return PINYIN.fullmatch(word.lower()) is not None


def looks_like_person(words: list[str]) -> bool:
    """Two or three words starting with a common surname: a person's name."""
    w = load_words()
    return 2 <= len(words) <= 3 and words[0] in w.surnames and not (set(words) & w.industry_ends)


@dataclass
class Candidate:
    """A span judged to name an organisation."""

    start: int
    end: int
    kind: str = "firm"  # firm | research
    suffix: str = ""  # kind word a bare list item implies ("Laboratory" for "labs including X")


def trim_leading(ctx: DocContext, toks: list) -> list:
    """Drop sentence-initial words and connectors that are not part of a name."""
    w = load_words()
    while toks:
        word = toks[0][2]
        sentence_start = not ctx.text[:toks[0][0]].rstrip(" \u00a0\"“'").endswith(
            tuple("abcdefghijklmnopqrstuvwxyz,0123456789"))
        common = sentence_start and word.lower() in ctx.lower_words and len(toks) > 1
        if word in w.traps or strip_possessive(word) in w.traps or word in ("of", "and", "the") \
                or (common and word not in w.kinds and word not in w.industry_ends):
            toks = toks[1:]
        else:
            break
    return toks


def _split_at(toks: list, word: str) -> list[tuple[list, list]]:
    """Every (left, right) split of `toks` at a connector word."""
    return [(toks[:i], toks[i + 1:]) for i, t in enumerate(toks) if t[2] == word and 0 < i < len(toks) - 1]


def judge_run(ctx: DocContext, start: int, end: int, legal_end: int | None = None) -> list[Candidate]:
    """The organisations a Title-case run [start, end) names; `legal_end` ends a "Co., Ltd." after it."""
    toks = trim_leading(ctx, tokens(ctx.text, start, end))
    if not toks:
        return []
    if ctx.text.startswith("my country", toks[0][0] - 11) and ctx.text[toks[0][0] - 11:toks[0][0]] \
            == "my country ":
        toks = [(toks[0][0] - 11, toks[0][0] - 1, "my country")] + toks
    w = load_words()
    for left, right in _split_at(toks, "of"):
        if left[-1][2] in w.subunits | w.not_company | w.title_words:
            right = right[1:] if right[0][2] == "the" else right
            return judge_run(ctx, right[0][0], end, legal_end) if right else []
    for left, right in _split_at(toks, "and"):
        if left[-1][2] not in w.kinds and left[-1][2] not in w.industry_ends:
            continue  # "Institute of Physics and Chemistry" is one name
        first = judge_run(ctx, left[0][0], left[-1][1])
        if first and first[0].end == left[-1][1]:
            return first + judge_run(ctx, right[0][0], end, legal_end)
    kind = _kind_of(ctx, toks, legal_end is not None)
    return [Candidate(toks[0][0], legal_end or toks[-1][1], kind)] if kind else []


def _kind_of(ctx: DocContext, toks: list, legal: bool) -> str | None:
    """'firm' or 'research' when the words make an organisation name, else None."""
    w = load_words()
    words = [strip_possessive(t[2]) for t in toks]
    if set(words) & w.not_company or words[-1] in w.place_words:
        return None
    distinct = [t for t in toks if is_distinctive(ctx, *t)]
    placed = ctx.is_place(toks[0][0], toks[0][1]) or words[0] in w.place_prefixes \
        or words[0] in ("National", "my country")
    if legal:
        return "firm" if distinct or len(words) > 1 else None
    last = words[-1]
    if last in w.kinds and len(words) > 1:
        if last in ("Center", "Centre") and not set(words) & w.center_qualifiers:
            return None
        return w.kinds[last] if (distinct or placed) else None
    if words[0] in ("Institute", "Laboratory", "Academy") and len(words) > 2 and words[1] == "of":
        return "research"
    if any(t.startswith("(") for t in words[1:]) and distinct and distinct[0][2] == toks[0][2]:
        return "firm"
    if (last in w.industry_ends or " ".join(words[-2:]) in w.industry_ends) and len(words) > 1:
        if distinct or words[0] == "China":
            return "firm"
    return None
