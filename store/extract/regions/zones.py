"""Named zones, parks and towns, found by their head noun after a capitalised name.

"Jinmai Industrial Park", "Torch (Xiang'an) Industrial Zone", "Kunming Zheshang technopark",
"Changsha Area of China (Hunan) Pilot Free Trade Zone", "Anting Town": a head noun (zone, park,
area, town...) closes the name; to its left stand modifiers (industrial, economic, high-tech...),
connectors between name words (and, of, &), bracketed names and capitalised proper words.
A name with no proper word ("the high-tech zone") is a generic reference, kept for aliasing.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..document import DocModel, Token
from ..document.vocab import vocab
from .zone_words import ZoneWords, zone_words

# Words that open a sentence or phrase without belonging to a name ("In", "The").
FUNCTION_WORDS = frozenset(w.lower() for w in vocab().function_words)
# Number words never name a zone ("One development zone and six industrial parks").
NUMBER_WORDS = frozenset("""one two three four five six seven eight nine ten eleven twelve twenty thirty
hundred hundreds thousand thousands several many some all each every both first second third""".split())
PLACE_SUFFIXES = frozenset({"county", "city", "province", "district", "prefecture"})
MAX_BRACKET = 6
MAX_TOWN_WORDS = 2


@dataclass(frozen=True)
class ZoneSpan:
    """A zone or town named in the text: `text == doc[start:end]`."""

    start: int
    end: int
    text: str
    level: str  # "zone" | "town"
    proper: tuple[str, ...]  # lower-case proper words: what tells this zone from others
    head: str  # the head noun(s), lower case ("industrial park" keeps only "park")
    hightech: bool  # a high-technology zone, however the text spells it
    name: str = ""  # the zone's own name when `text` also names the zone it lies in
    within: ZoneSpan | None = None  # "Gaopai Port Area of Dongfang Port Industrial Park"

    @property
    def generic(self) -> bool:
        """True for "the high-tech zone": a zone type with no name of its own."""
        return not self.proper


def find_zone_spans(model: DocModel, looks_pinyin, is_place=lambda word: False) -> list[ZoneSpan]:
    """Every zone and town span in the document, nested spans dropped for the widest.

    `looks_pinyin(word)` and `is_place(word)` tell a Chinese proper name from an English word.
    """
    words = zone_words()
    toks = model.tokens
    found: list[ZoneSpan] = []
    last_words = {h.split()[-1] for h in words.zone_heads | words.city_heads | words.town_heads}
    for i, tok in enumerate(toks):
        if tok.is_word and (tok.lower in last_words or tok.lower.rstrip("s") in last_words) \
                and not model.is_furniture(tok.start, tok.end):
            span = _span_at(model, i, words, looks_pinyin, is_place)
            if span:
                found.append(span)
    widest = _widest(found)
    return sorted(widest + [s.within for s in widest if s.within], key=lambda s: (s.start, -s.end))


def _span_at(model: DocModel, i: int, words: ZoneWords, looks_pinyin, is_place) -> ZoneSpan | None:
    """The zone or town whose head noun ends at token i, if any."""
    toks = model.tokens
    head = words.head_kind([t.lower for t in toks[max(0, i - 3):i + 1]])
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if head is None or (nxt is not None and nxt.lower in words.not_after):
        return None
    level, size = head
    sentence = model.sentence_at(toks[i].start)
    lo = sentence.first_token if sentence else 0
    if level == "town":
        return _town(model, i - size + 1, i, lo, looks_pinyin)
    first = _walk_left(toks, i - size + 1, lo, words)
    last = _extend_right(toks, i, words)
    zone = _zone(model, first, last, i - size + 1, i)
    if zone is None or not _named_enough(model, zone, first, i - size + 1, words,
                                         lambda w: looks_pinyin(w) or is_place(w)):
        return None
    return _split_of(model, zone, first, last, words) or zone


def _walk_left(toks: list[Token], first: int, lo: int, words: ZoneWords) -> int:
    """Index of the first token of the name that ends with the head starting at `first`."""
    k = first - 1
    while k >= lo:
        tok = toks[k]
        if tok.text == ")":
            opening = _bracket_start(toks, k, lo)
            if opening is None:
                break
            k = opening - 1
            continue
        if not tok.is_word or tok.lower in FUNCTION_WORDS - words.connectors:
            break
        if tok.lower in words.connectors:
            left = toks[k - 1] if k - 1 >= lo else None
            if left is None or not left.is_word or not (left.is_capitalised or left.lower in words.modifiers) \
                    or left.lower in words.org_words:
                break
        elif not (tok.lower in words.modifiers or tok.is_capitalised):
            break
        k -= 1
    start = k + 1
    while start < first and (toks[start].lower in words.connectors or toks[start].lower in FUNCTION_WORDS):
        start += 1
    return start


def _bracket_start(toks: list[Token], close: int, lo: int) -> int | None:
    """Where a short bracketed name ending at `close` opens: "(Xiang'an)", "(Hunan)"."""
    for k in range(close - 1, max(lo, close - MAX_BRACKET) - 1, -1):
        if toks[k].text == "(":
            inner = toks[k + 1:close]
            return k if inner and all(t.is_word for t in inner) and inner[0].is_capitalised else None
        if not toks[k].is_word:
            return None
    return None


def _extend_right(toks: list[Token], i: int, words: ZoneWords) -> int:
    """The last token of the name: a bracketed alias "(High-tech Park)" or "for High Technology ..."."""
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is not None and nxt.text == "(":
        for k in range(i + 2, min(len(toks), i + 2 + MAX_BRACKET)):
            if toks[k].text == ")":
                inner = toks[i + 2:k]
                named = inner and inner[0].is_capitalised and words.head_kind([t.lower for t in inner])
                return k if named else i
    if nxt is not None and nxt.lower == "for":
        k = i + 2
        while k < len(toks) and toks[k].is_word and toks[k].is_capitalised and k - i <= 6:
            k += 1
        return k - 1 if k - 1 > i + 1 else i
    return i


def _zone(model: DocModel, first: int, last: int, head_first: int, head_last: int) -> ZoneSpan | None:
    """A zone from its tokens; None when the name is only modifiers and a head outside a name."""
    toks = model.tokens
    words = zone_words()
    name_toks = toks[first:head_first]
    proper = tuple(t.lower for t in name_toks
                   if t.is_word and t.is_capitalised and t.lower not in words.modifiers
                   and t.lower not in words.connectors and t.lower not in PLACE_SUFFIXES
                   and t.lower not in NUMBER_WORDS)
    proper += tuple(t.lower for t in toks[head_last + 1:last + 1]
                    if t.is_word and t.is_capitalised and t.lower not in words.modifiers
                    and t.lower not in words.zone_heads and t.lower != "for")
    start, end = toks[first].start, toks[last].end
    head = " ".join(t.lower for t in toks[head_first:head_last + 1]).rstrip("s")
    spelled = " ".join(t.lower for t in toks[first:last + 1])
    hightech = any(w in spelled for w in ("high-tech", "hi-tech", "high tech", "high technology",
                                          "hi tech", "high-technology"))
    return ZoneSpan(start, end, model.text[start:end], "zone", proper, head.split()[-1], hightech)


def _named_enough(model: DocModel, zone: ZoneSpan, first: int, head_first: int, words: ZoneWords,
                  chinese) -> bool:
    """A named zone needs a Chinese proper word, or a strong modifier before a strong head."""
    if zone.generic:
        return True  # kept as a reference ("the high-tech zone"), never as a region of its own
    if any(chinese(model.text[t.start:t.end]) for t in model.tokens[first:head_first]
           if t.is_word and t.lower in zone.proper):
        return True
    strong = any(t.lower in words.strong_modifiers for t in model.tokens[first:head_first])
    return strong and zone.head not in words.weak_heads - {"park"}


def _split_of(model: DocModel, zone: ZoneSpan, first: int, last: int, words: ZoneWords) -> ZoneSpan | None:
    """"A Port Area of B Industrial Park": zone A, lying in zone B (the whole text names A)."""
    toks = model.tokens
    for k in range(first + 1, last):
        if toks[k].lower == "of" and words.head_kind([toks[k - 1].lower]):
            inner = _zone(model, k + 1, last, _head_start(toks, k + 1, last, words), last)
            outer = _zone(model, first, k - 1, _head_start(toks, first, k - 1, words), k - 1)
            if inner and outer and not inner.generic and not outer.generic:
                return ZoneSpan(zone.start, zone.end, zone.text, "zone", outer.proper, outer.head,
                                outer.hightech, outer.text, inner)
    return None


def _head_start(toks: list[Token], first: int, last: int, words: ZoneWords) -> int:
    """Where the head noun that ends at token `last` begins."""
    kind = words.head_kind([t.lower for t in toks[max(first, last - 3):last + 1]])
    return last - (kind[1] if kind else 1) + 1


def _town(model: DocModel, head: int, i: int, lo: int, looks_pinyin) -> ZoneSpan | None:
    """"Anting Town", "Xiaoxinzhuang Village": one or two pinyin words before a town head."""
    toks = model.tokens
    k = head - 1
    while k >= lo and head - k <= MAX_TOWN_WORDS and toks[k].is_word and toks[k].is_capitalised \
            and toks[k].lower not in FUNCTION_WORDS and looks_pinyin(toks[k].text):
        k -= 1
    if k == head - 1:
        return None
    start, end = toks[k + 1].start, toks[i].end
    proper = tuple(t.lower for t in toks[k + 1:head])
    return ZoneSpan(start, end, model.text[start:end], "town", proper, toks[i].lower, False)


def _widest(spans: list[ZoneSpan]) -> list[ZoneSpan]:
    """Spans not inside a wider one ("(High-tech Park)" inside the zone it names)."""
    spans = sorted(spans, key=lambda s: (s.start, -s.end))
    out: list[ZoneSpan] = []
    for s in spans:
        if out and s.start < out[-1].end:
            if s.end <= out[-1].end:
                continue
            if s.end - s.start > out[-1].end - out[-1].start:
                out[-1] = s
            continue
        out.append(s)
    return out
