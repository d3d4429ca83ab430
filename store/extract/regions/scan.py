"""Scan text for capitalised words that spell gazetteer places, and note where each sits.

A place is a capitalised word run (with an optional level suffix: "Henan Province",
"Changyuan City"); datelines, given names and institution names are skipped.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .gazetteer import SUFFIX_ONLY, Candidate, Gazetteer, Place

# A capitalised word; an apostrophe continues it only before a pinyin syllable starting
# with a, e or o ("Ma'anshan"), never for the possessive ("Taizhou's").
WORD = re.compile(r"(?<![A-Za-z0-9'\u2019])[A-Z][a-z]*(?:['\u2019][aeo][a-z]*)*(?![A-Za-z])")
SUFFIX = re.compile(r" (Province|City|County|District|Prefecture|Municipality|Banner|New Area|"
                    r"Autonomous Region|Autonomous Prefecture|Special Administrative Region)\b")
SUFFIX_LEVELS = {
    "Province": {"province"}, "Autonomous Region": {"province"},
    "Special Administrative Region": {"province"}, "Municipality": {"province"},
    "City": {"province", "prefecture", "county"}, "Prefecture": {"prefecture"},
    "Autonomous Prefecture": {"prefecture"}, "County": {"county"}, "Banner": {"county"},
    "District": {"district"}, "New Area": {"district"},
}
# A place word followed by one of these is part of an institution, event or landmark
# name ("Shanghai Jiao Tong University", "Hangzhou Bay"), not a location of industry.
NOT_A_LOCATION_AFTER = {"University", "Summit", "Forum", "Olympics", "Olympic", "Games",
                        "Bay", "River", "Lake", "Road", "Avenue", "Mountain", "Mountains",
                        "Jiao", "Cooperation"}
DATELINE = re.compile(r"(?:reported|reporting) from\s*$", re.I)
# Common Chinese surnames: a place-like word right after one is a given name ("Wang Xuchang").
SURNAMES = set("""Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao
Lin Luo Zheng Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Yuan Pan Cai
Jiang Yu Du Ye Cheng Wei Su Lu Ding Ren Shen Yao Jin Jia Xue Fu Fang Bai Zou Meng Qin Qiu Hou
Shi Cui Tan Lou Kong Mao Qian Gu Duan Lei Hao Kang Yan Long Wan Chang Dai Ge Fan Wen Xi Qi
Bao Shao Tao Yin Yue Jiao Lai Zhan Xiong Mo Ou Guan Hong Ning""".split())
# Words that may stand right before a place without making it part of a longer
# proper name ("In Changyuan", "From Zhengzhou").
FUNCTION_WORDS = set("""The In At On From To For Of And By With Since As When While This That
These Its Their Our A An Entering Walking Coming Located Both Today Now Later Then After
Before During Under Across Through Around Near Like Besides Northern Southern Eastern
Western Central""".split())
SENTENCE_END = re.compile(r"[.!?;](?=[\s\"\u201d\u2019)]*(?:[A-Z\"\u201c(]|$))|\n")


@dataclass
class Mention:
    """A place word found in the text, before and after it is resolved."""

    start: int
    end: int
    suffix: str
    cands: list[Candidate]
    split: bool = False  # joined from separate words ("Ma Anshan")
    place: Place | None = None
    rank: int = 0
    sentence: int = 0
    paragraph: int = 0


def scan(text: str, gaz: Gazetteer) -> list[Mention]:
    """Every capitalised word run that spells a gazetteer place, suffix included."""
    tokens = list(WORD.finditer(text))
    out: list[Mention] = []
    i = 0
    while i < len(tokens):
        found = _match_at(tokens, i, text, gaz)
        if found:
            mention, width = found
            if _usable(mention, tokens, i, text):
                out.append(mention)
            i += width
        else:
            i += 1
    return out


def _match_at(tokens: list, i: int, text: str, gaz: Gazetteer) -> tuple[Mention, int] | None:
    """The longest place spelling starting at token i (3, 2 or 1 words)."""
    for width in (3, 2, 1):
        run = tokens[i:i + width]
        if len(run) < width or any(text[a.end():b.start()] != " " for a, b in zip(run, run[1:])):
            continue
        words = [t.group() for t in run]
        cands, split = gaz.lookup(" ".join(words)), False
        if not cands and width > 1:
            cands, split = gaz.lookup("".join(words)), True
        if not cands:
            continue
        end = run[-1].end()
        suffix = SUFFIX.match(text, end)
        cands = _fit_suffix(cands, suffix.group(1) if suffix else "")
        if cands:
            return Mention(run[0].start(), suffix.end() if suffix else end,
                           suffix.group(1) if suffix else "", cands, split), width
    return None


def _fit_suffix(cands: list[Candidate], suffix: str) -> list[Candidate]:
    """Candidates a suffix allows: "County" keeps counties; no suffix drops stems like "Cao"."""
    if not suffix:
        return [c for c in cands if c.rank != SUFFIX_ONLY]
    fitting = [c for c in cands if c.place.level in SUFFIX_LEVELS[suffix]]
    return fitting or cands


def _usable(m: Mention, tokens: list, i: int, text: str) -> bool:
    """False for datelines, given names and institution names that merely contain a place."""
    if DATELINE.search(text, max(0, m.start - 30), m.start):
        return False
    after = WORD.match(text, m.end + 1) if text[m.end:m.end + 1] == " " else None
    if after and after.group() in NOT_A_LOCATION_AFTER:
        return False
    before = tokens[i - 1] if i else None
    is_given_name = (before is not None and text[before.end():m.start] == " "
                     and before.group() in SURNAMES and not m.suffix)
    return not is_given_name


def locate(mentions: list[Mention], text: str) -> None:
    """Number each mention's sentence and paragraph."""
    sentence_starts = [0] + [m.end() for m in SENTENCE_END.finditer(text)]
    paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
    for m in mentions:
        m.sentence = bisect.bisect_right(sentence_starts, m.start)
        m.paragraph = bisect.bisect_right(paragraph_starts, m.start)
