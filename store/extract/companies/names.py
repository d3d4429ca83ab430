"""Judge a Title-case run by its words: which organisations, if any, it names."""
from __future__ import annotations

from .text import Candidate, DocContext, is_distinctive, strip_possessive
from .words import load_words

_SPACE_OR_QUOTE = frozenset(" \u00a0\"“'")
_MID_SENTENCE = frozenset("abcdefghijklmnopqrstuvwxyz,0123456789")


def _opens_sentence(text: str, pos: int) -> bool:
    """True unless the last character before `pos` (spaces and quotes aside) is a small letter,
    digit or comma; read backwards from `pos` rather than by copying the text before it."""
    i = pos
    while i > 0 and text[i - 1] in _SPACE_OR_QUOTE:
        i -= 1
    return i == 0 or text[i - 1] not in _MID_SENTENCE


def trim_leading(ctx: DocContext, toks: list) -> list:
    """Drop sentence-initial words and connectors that are not part of a name."""
    w = load_words()
    while toks:
        word = toks[0][2]
        sentence_start = _opens_sentence(ctx.text, toks[0][0])
        common = sentence_start and word.lower() in ctx.lower_words and len(toks) > 1
        pair = " ".join(t[2] for t in toks[:2])
        if pair in w.nationalities and len(toks) > 2:  # "United States X International"
            toks = toks[2:]
            continue
        if word in w.traps or strip_possessive(word) in w.traps or word in ("of", "and", "the") \
                or word in w.nationalities \
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
    toks = trim_leading(ctx, ctx.tokens(start, end))
    if not toks:
        return []
    if ctx.text.startswith("my country", toks[0][0] - 11) and ctx.text[toks[0][0] - 11:toks[0][0]] \
            == "my country ":
        toks = [(toks[0][0] - 11, toks[0][0] - 1, "my country")] + toks
    w = load_words()
    if strip_possessive(toks[-1][2]) in w.not_company:
        return []  # "Hanover International Commercial Vehicle and Parts Exhibition": an event
    for left, right in _split_at(toks, "of"):
        if left[-1][2] in w.subunits | w.not_company | w.title_words:
            right = right[1:] if right[0][2] == "the" else right
            return judge_run(ctx, right[0][0], end, legal_end) if right else []
    for left, right in _split_at(toks, "and"):
        # "Institute of Physics and Chemistry" is one name; "OPPO and Vivo" are two brands.
        two_brands = len(left) == 1 and len(right) == 1 and all(
            is_distinctive(ctx, *t) for t in (left[0], right[0]))
        if left[-1][2] not in w.kinds and left[-1][2] not in w.industry_ends and not two_brands:
            continue
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
        # "X Casting Center" is a firm's unit when X is its brand; a bare "Service Center" is not.
        branded = bool(distinct) and distinct[0][0] == toks[0][0] and not placed
        if last in ("Center", "Centre") and not set(words) & w.center_qualifiers and not branded:
            return None
        return w.kinds[last] if (distinct or placed) else None
    if words[0] in ("Institute", "Laboratory", "Academy") and len(words) > 2 and words[1] == "of":
        return "research"
    if any(t.startswith("(") for t in words[1:]) and distinct and distinct[0][2] == toks[0][2]:
        return "firm"
    if _acronym_led(ctx, toks, words):
        return "firm"
    if (last in w.industry_ends or " ".join(words[-2:]) in w.industry_ends) and len(words) > 1:
        # An industry word is weak evidence: not inside a list of projects or a quoted title.
        if (distinct or words[0] == "China") and not ctx.in_not_org_span(toks[0][0], toks[-1][1]):
            return "firm"
    return None


def _acronym_led(ctx: DocContext, toks: list, words: list[str]) -> bool:
    """"CCCC Tianjin Dredging", "SAIC Volkswagen": an acronym brand opening a longer name."""
    w = load_words()
    first = toks[0][2]
    return (len(words) > 1 and first.isupper() and len(first) >= 2 and first.isalpha()
            and first not in w.acronym_stop and words[1][:1].isupper()
            and not ctx.in_not_org_span(toks[0][0], toks[-1][1]))
