"""Bare firm names that the words around them mark as firms: "chip giant X", "X, a company"."""
from __future__ import annotations

import re
from functools import lru_cache

from ...calendar import month_number
from .names import trim_leading
from .text import (
    Candidate,
    DocContext,
    SpanIndex,
    is_distinctive,
    looks_like_person,
    strip_possessive,
)
from .words import load_words


@lru_cache(maxsize=1)
def _cues() -> tuple[re.Pattern, re.Pattern]:
    """Patterns for the words before a bare firm name and the appositive after it."""
    roles = "|".join(load_words().role_nouns)
    before = re.compile(rf"(?:\b(?:{roles})"
                        r"|\b(?:teamed up|cooperated|partnered|cooperation|together) with"
                        r"|\b(?:produced|made|built|developed|manufactured|designed|supplied|operated|owned|"
                        r"acquired) by"
                        r"|\b(?:known|referred\s+to|abbreviated)\s+as\s*[\"“]?)\s*$", re.I)
    # The appositive's own head noun must be the role: "X, a listed company", not
    # "X, a spokesperson for the company" (the words before the role hold no preposition).
    after = re.compile(r"^,\s+an?\s+[A-Z][\w.-]*-based\s+[a-z]|"
                       r"^,?\s+(?:is\s+|was\s+|as\s+|are\s+|were\s+)?(?:a|an|the|another|two|three|four|"
                       r"both|several)\s+(?:(?!(?:for|of|at|with|in|by|to|from)\b)[^,.;\s]+\s+){0,6}?"
                       rf"(?:{roles}|compan(?:y|ies))s?\b")
    return before, after


@lru_cache(maxsize=1)
def _person_cues() -> re.Pattern:
    """What marks a name as a person's: a speech verb around it, or a role in an appositive."""
    roles = "|".join(sorted(load_words().person_roles, key=len, reverse=True))
    return re.compile(rf"^,\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){{0,3}}?(?:{roles})\b|^\s+(?:said|says|told)\b",
                      re.I)


def speaks_or_holds_a_role(ctx: DocContext, start: int, end: int) -> bool:
    """True when the text treats the name as a person's ("said Zong Xin, a spokesperson")."""
    before = ctx.text[max(0, start - 16):start].lower().rstrip()
    return bool(_person_cues().match(ctx.text, end)) or before.endswith(("said", "says", "according to"))


def plausible_name(ctx: DocContext, start: int, end: int, industry_ok: bool = False) -> tuple[int, int] | None:
    """The trimmed span of a run that could be a bare firm name judged by context, else None.

    With `industry_ok`, a name of common words ending in an industry word ("Power Diamond") will do."""
    w = load_words()
    toks = trim_leading(ctx, ctx.tokens(start, end))
    words = [strip_possessive(t[2]) for t in toks]
    if not toks or set(words) & (w.not_company | w.title_words) or looks_like_person(words) \
            or speaks_or_holds_a_role(ctx, toks[0][0], toks[-1][1]) \
            or (len(words) == 1 and month_number(words[0]) and words[0][0].isupper()):
        return None  # people, bodies, titles and months are no firms
    if " ".join(words) in w.region_phrases:
        return None  # "South China's Guangdong": a part of the country, not a brand
    if ctx.is_place(toks[0][0], toks[-1][1]) or (toks[0][0], toks[-1][1]) in ctx.exact_places:
        return None
    if not any(is_distinctive(ctx, *t) for t in toks) and not (
            industry_ok and len(words) > 1 and words[-1] in w.industry_ends):
        return None
    return toks[0][0], toks[-1][1]


def cue_candidates(ctx: DocContext, runs: list, found: list[Candidate]) -> list[Candidate]:
    """Bare names that the words around them mark as firms: 'chip giant X', "X's factory", 'X, a company'."""
    out = []
    taken = SpanIndex(found)
    for start, end, legal in runs:
        span = None if legal or taken.overlaps(start, end) else plausible_name(ctx, start, end, True)
        if not span:
            continue
        before, after = ctx.text[max(0, span[0] - 40):span[0]], ctx.text[span[1]:span[1] + 90]
        before = before.rsplit("\n", 1)[-1]  # a cue never reaches across a paragraph break
        cue_before, cue_after = _cues()
        strong = cue_before.search(before) or cue_after.search(after)
        if strong or (after[:2] in ("'s", "’s") and plausible_name(ctx, *span)
                      and not _institution_possessive(after)):
            out.append(Candidate(*span))
    return out


def _institution_possessive(after: str) -> bool:
    """"People's Government", "People's Congress": the possessive is inside an institution's name."""
    m = re.match(r"['’]s\s+([A-Za-z]+)", after)
    return bool(m) and m.group(1).capitalize() in load_words().not_company
