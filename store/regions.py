"""Find the Chinese places an article names and resolve them into the region tree.

Gazetteer places are found as capitalised words (with an optional level suffix:
"Henan Province", "Changyuan City"), disambiguated by the places named nearby, and
kept only when the text plausibly uses them as a location. Zones, parks, towns,
streets and villages the gazetteer lacks become child regions of the place they are in.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from store.gazetteer import ALTERNATE, LEVEL_RANK, SUFFIX_ONLY, Candidate, Gazetteer, Place, load
from store.models import Region, RegionHit

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
# A bare name that could be a province or prefecture usually is, unless a place written
# right beside it ("Xinjiang, Shanxi") or several nearby say otherwise.
PROMINENCE = {"province": 300, "prefecture": 30}
MIN_PROVINCES_IN_LIST = 4  # "sold to Shanxi, Gansu, Qinghai, Ningxia": markets, not locations


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


def find_regions(text: str) -> tuple[list[RegionHit], dict[str, Region]]:
    """Every Chinese place named in `text`, resolved into the hierarchy."""
    gaz = load()
    mentions = scan(text, gaz)
    _locate(mentions, text)
    resolve(mentions, gaz)
    named = [m for m in mentions if m.place]
    spans = sorted(_zone_spans(text, named, gaz) + _town_spans(text, gaz))
    kept = plausible(mentions, text, gaz, [(sp[0], sp[1]) for sp in spans])
    hits = [RegionHit(m.start, m.end, text[m.start:m.end], m.place.id) for m in kept]
    regions: dict[str, Region] = {}
    for m in kept:
        _add_place(regions, m.place, gaz, text[m.start:m.end])
    for hit, region in find_subplaces(text, spans, kept, gaz):
        hits.append(hit)
        known = regions.setdefault(region.id, region)
        if hit.text not in known.aliases:
            known.aliases.append(hit.text)
    return sorted(hits, key=lambda h: (h.start, -h.end)), regions


def _add_place(regions: dict[str, Region], place: Place, gaz: Gazetteer, surface: str) -> None:
    """Put `place` and its ancestors into `regions`, noting the surface form seen."""
    for p in [place] + gaz.ancestors(place.id):
        if p.id not in regions:
            regions[p.id] = Region(p.id, p.name, p.level, p.parent_id, list(p.spellings))
    if surface not in regions[place.id].aliases:
        regions[place.id].aliases.append(surface)


# ---------------------------------------------------------------- scanning

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


def _locate(mentions: list[Mention], text: str) -> None:
    """Number each mention's sentence and paragraph."""
    sentence_starts = [0] + [m.end() for m in SENTENCE_END.finditer(text)]
    paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
    for m in mentions:
        m.sentence = bisect.bisect_right(sentence_starts, m.start)
        m.paragraph = bisect.bisect_right(paragraph_starts, m.start)


# ---------------------------------------------------------------- resolving

def resolve(mentions: list[Mention], gaz: Gazetteer) -> None:
    """Pick each mention's place; ambiguous names follow the places named nearby."""
    for m in mentions:
        if len({c.place.id for c in m.cands}) == 1 and not m.split:
            m.place, m.rank = m.cands[0].place, m.cands[0].rank
    for _ in range(2):  # a second pass lets resolved ambiguous names help each other
        context = _Context([m for m in mentions if m.place], gaz)
        for m in mentions:
            if len({c.place.id for c in m.cands}) > 1 or m.split:
                best = max(m.cands, key=lambda c: (context.evidence(c.place, m) + _prior(c),
                                                   -c.rank, LEVEL_RANK[c.place.level], c.place.id))
                m.place, m.rank = best.place, best.rank
    seen_whole = {m.place.id for m in mentions if not m.split}
    for m in mentions:
        if m.split and m.place.id not in seen_whole:
            m.place = None  # "He Fei" is a person unless the text also writes "Hefei"


class _Context:
    """The resolved mentions of a text, grouped by sentence and paragraph for quick scoring."""

    def __init__(self, settled: list[Mention], gaz: Gazetteer):
        self.gaz = gaz
        self.by_sentence: dict[int, list[Mention]] = {}
        self.by_paragraph: dict[int, list[Mention]] = {}
        for m in settled:
            self.by_sentence.setdefault(m.sentence, []).append(m)
            self.by_paragraph.setdefault(m.paragraph, []).append(m)
        self.prefectures = Counter(gaz.prefecture_of(m.place.id) for m in settled)
        self.provinces = Counter(gaz.province_of(m.place.id) for m in settled)

    def evidence(self, place: Place, m: Mention) -> int:
        """How strongly nearby mentions point at `place`: beside > sentence > paragraph > text."""
        score = 0
        for o in self.by_paragraph.get(m.paragraph, []):
            if o is m or o.place.id == place.id:
                continue
            rel = _relation(place, o.place, self.gaz)
            adjacent = -2 <= m.start - o.end <= 2 or -2 <= o.start - m.end <= 2
            score += rel * (1000 if adjacent else 100 if o.sentence == m.sentence else 10)
        # the whole text, weakly: mentions sharing the prefecture count twice
        return (score + 2 * self.prefectures[self.gaz.prefecture_of(place.id)]
                + self.provinces[self.gaz.province_of(place.id)])


def _prior(c: Candidate) -> int:
    """Evidence a candidate has before context: prominent levels up, unusual readings down."""
    if c.rank == ALTERNATE:
        return -50
    return PROMINENCE.get(c.place.level, 0)


def _relation(a: Place, b: Place, gaz: Gazetteer) -> int:
    """2 when two places share a prefecture (or one contains the other), 1 a province, else 0."""
    if gaz.prefecture_of(a.id) == gaz.prefecture_of(b.id):
        return 2
    if b in gaz.ancestors(a.id) or a in gaz.ancestors(b.id):
        return 2
    return 1 if gaz.province_of(a.id) == gaz.province_of(b.id) else 0


# ---------------------------------------------------------------- plausibility

def plausible(mentions: list[Mention], text: str, gaz: Gazetteer,
              zones: list[tuple[int, int]] = ()) -> list[Mention]:
    """The resolved mentions that the text plausibly uses as locations.

    A place inside a zone name ("Xiantao Economic Development Zone") is a location.
    """
    named = [m for m in mentions if m.place]
    listed = _province_lists(named, text)
    resolved = [m for m in named if id(m) not in listed]
    supported = [m for m in resolved if _supported(m, resolved, gaz)]
    embedded = _embedded_set(supported, text, gaz) - {
        id(m) for m in supported if any(a <= m.start and m.end <= b for a, b in zones)}
    standalone = {gaz.province_of(m.place.id) for m in supported if id(m) not in embedded}
    return [m for m in supported
            if gaz.province_of(m.place.id) in standalone or id(m) not in embedded]


def _supported(m: Mention, resolved: list[Mention], gaz: Gazetteer) -> bool:
    """Short county and district names need a related place named in the text too."""
    level = m.place.level
    if m.suffix or (level in ("province", "prefecture") and m.rank != ALTERNATE):
        return True
    others = [o for o in resolved if o.place.id != m.place.id]
    if level == "district":
        pref = gaz.prefecture_of(m.place.id)
        return any(o.paragraph == m.paragraph and gaz.prefecture_of(o.place.id) == pref
                   for o in others)
    if m.rank == ALTERNATE:  # an unusual reading needs its own prefecture or province named
        above = {p.id for p in gaz.ancestors(m.place.id)}
        return any(o.place.id in above for o in others)
    province = gaz.province_of(m.place.id)
    repeated = sum(o.place.id == m.place.id for o in resolved) >= 3
    return repeated or any(gaz.province_of(o.place.id) == province for o in others)


def _province_lists(named: list[Mention], text: str) -> set[int]:
    """ids of mentions inside an enumeration of several provinces (destinations, markets)."""
    out: set[int] = set()
    run: list[Mention] = []
    for m in named + [None]:
        joined = (m is not None and m.place.level == "province" and run
                  and re.fullmatch(r",? (?:and |or )?|, ", text[run[-1].end:m.start]))
        if joined:
            run.append(m)
            continue
        if len(run) >= MIN_PROVINCES_IN_LIST:
            out |= {id(x) for x in run}
        run = [m] if m is not None and m.place.level == "province" else []
    return out


def _embedded_set(mentions: list[Mention], text: str, gaz: Gazetteer) -> set[int]:
    """ids of mentions that are only words inside a longer proper name.

    A place written right before another such place shares its fate:
    "Hubei Xianning Motor Factory" embeds both Hubei and Xianning.
    """
    out: set[int] = set()
    following = None
    for m in sorted(mentions, key=lambda x: -x.start):
        chained = following is not None and following.start == m.end + 1
        if (chained and id(following) in out) or _embedded(m, text, gaz):
            out.add(id(m))
        following = m
    return out


def _embedded(m: Mention, text: str, gaz: Gazetteer) -> bool:
    """True when the place is one word of a longer proper name ("G20 Hangzhou Summit")."""
    if text[m.start - 1:m.start] == "(" and text[m.end:m.end + 1] == ")":
        return True
    after = WORD.match(text, m.end + 1) if text[m.end:m.end + 1] == " " else None
    if after and not gaz.lookup(after.group()) and after.group() not in FUNCTION_WORDS:
        return True
    before = re.search(r"([A-Z0-9][A-Za-z0-9\-]*) $", text[max(0, m.start - 40):m.start])
    if not before or before.group(1) in FUNCTION_WORDS or gaz.lookup(before.group(1)):
        return False
    lead = text[max(0, m.start - 40):m.start - len(before.group(0))].rstrip(" \"\u201c")
    return bool(lead) and lead[-1] not in ".!?;:\n"


# ---------------------------------------------------------------- sub-places

ZONE_HEAD = re.compile(r"(?<![A-Za-z])(?:Zone|Park|New Area|Science City|Technology City|"
                       r"Valley)(?![A-Za-z])")
TOWN_HEAD = re.compile(r"(?<![A-Za-z'\u2019])([A-Z][a-z]+) (Town|Township|Street|Subdistrict|"
                       r"Village)(?![A-Za-z])")
NAME_RUN = re.compile(r"(?:(?:[A-Z][A-Za-z0-9'\u2019\-]*|and) )+$")
PAREN_TAIL = re.compile(r" ?\([A-Z][^()\n]{0,40}(?:Zone|Park|Area)\)")
GENERIC_LEAD = {"China", "Chinese", "National", "Asian", "Asia", "Big", "New", "High"}


def find_subplaces(text: str, spans: list[tuple], kept: list[Mention],
                   gaz: Gazetteer) -> list[tuple[RegionHit, Region]]:
    """Zones, parks, towns, streets and villages, each a child of the place it lies in."""
    sections = _sections(text, kept)
    placed: dict[int, Region] = {}
    by_name: dict[str, Region] = {}
    same_name: dict[str, list[tuple]] = {}
    for sp in spans:
        same_name.setdefault(sp[2], []).append(sp)
    # last first, so "X Village, Y Town" finds Y Town already placed
    for start, end, name, level in reversed(spans):
        if name not in by_name:  # one parent per name: the surest any mention gives
            options = [_parent_of(sp, text, kept, placed, sections, gaz) for sp in same_name[name]]
            parent = _best_parent([o for o in options if o], gaz)
            if parent is None:
                continue  # nowhere in China to hang it: likely a place abroad
            by_name[name] = Region(f"x:{parent}:{_slug(name)}", name, level, parent, [])
        placed[start] = by_name[name]
    return [(RegionHit(sp[0], sp[1], text[sp[0]:sp[1]], placed[sp[0]].id), placed[sp[0]])
            for sp in spans if sp[0] in placed]


def _parent_of(span: tuple, text: str, kept: list[Mention], placed: dict,
               sections: list[int], gaz: Gazetteer) -> tuple[int, str] | None:
    """(how sure, parent id) for one mention of a sub-place: its name, a comma, or context."""
    start, end = span[0], span[1]
    named = _parent_in_name(start, end, kept, gaz)
    if named:
        return 3, named
    comma = _comma_parent(end, text, kept, placed)
    if comma:
        return 2, comma
    near = _context_parent(start, kept, sections, gaz)
    return (1, near) if near else None


def _best_parent(options: list[tuple[int, str]], gaz: Gazetteer) -> str | None:
    """The surest parent; among context guesses, the most local one."""
    if not options:
        return None
    def depth(pid: str) -> int:  # deeper (more local) is better
        place = gaz.get(pid)
        return -LEVEL_RANK[place.level] if place else 0
    return max(options, key=lambda o: (o[0], depth(o[1])))[1]


def _zone_spans(text: str, kept: list[Mention], gaz: Gazetteer) -> list[tuple]:
    """(start, end, canonical name, "zone") for each named zone or park."""
    out = []
    for head in ZONE_HEAD.finditer(text):
        run = NAME_RUN.search(text, max(0, head.start() - 160), head.start())
        if not run:
            continue
        words = run.group().split()
        while words and (words[0] in FUNCTION_WORDS or words[0] == "and"):
            words.pop(0)
        start = head.start() - len(" ".join(words)) - 1
        if not words or not _zone_lead_ok(words[0], start, kept, gaz):
            continue
        if any(m.start == start and m.end >= head.end() for m in kept):
            continue  # "Pudong New Area" is a gazetteer district
        tail = PAREN_TAIL.match(text, head.end())
        end = tail.end() if tail else head.end()
        out.append((start, end, _zone_name(words + [head.group()], kept, start, gaz), "zone"))
    return out


def _zone_lead_ok(word: str, start: int, kept: list[Mention], gaz: Gazetteer) -> bool:
    """A zone name starts with a place or a pinyin word, not "China" or "Big"."""
    if any(m.start == start for m in kept):
        return True
    return word not in GENERIC_LEAD and gaz.looks_pinyin(word)


def _zone_name(words: list[str], kept: list[Mention], start: int, gaz: Gazetteer) -> str:
    """Canonical zone name: drop a leading province before a more local place."""
    lead = next((m for m in kept if m.start == start), None)
    if lead and lead.place.level in ("province", "prefecture"):
        nxt = next((m for m in kept if m.start == lead.end + 1), None)
        if nxt:
            drop = len(lead.place.name.split()) if not lead.suffix else len(
                (lead.place.name + " " + lead.suffix).split())
            words = words[drop:]
    return " ".join(words)


def _town_spans(text: str, gaz: Gazetteer) -> list[tuple]:
    """(start, end, name, "town") for "Nili Town", "Weizhuang Street", "X Village"."""
    out = []
    for m in TOWN_HEAD.finditer(text):
        word = m.group(1)
        if word in FUNCTION_WORDS or word in GENERIC_LEAD or not gaz.looks_pinyin(word):
            continue
        out.append((m.start(), m.end(), m.group(), "town"))
    return out


def _parent_in_name(start: int, end: int, kept: list[Mention], gaz: Gazetteer) -> str | None:
    """The most local gazetteer place named inside the zone name itself."""
    inside = [m for m in kept if start <= m.start and m.end <= end]
    if not inside:
        return None
    return min(inside, key=lambda m: (LEVEL_RANK[m.place.level], -m.start)).place.id


def _comma_parent(end: int, text: str, kept: list[Mention], placed: dict) -> str | None:
    """The place written right after a comma: "Xiaoxinzhuang Village, Nili Town"."""
    if text[end:end + 2] != ", ":
        return None
    at = end + 2
    for m in kept:
        if m.start == at and m.place.level in ("county", "district"):
            return m.place.id
    return placed[at].id if at in placed else None


def _sections(text: str, kept: list[Mention]) -> list[int]:
    """Start offsets of sections: a new one begins at each short heading naming a place."""
    starts = [0]
    for para in re.finditer(r"[^\n]+", text):
        line = para.group().strip().rstrip("\"'\u201d\u2019)")
        heading = len(line) < 150 and line[-1:] not in ".!?;:\u2026"
        if heading and any(para.start() <= m.start < para.end() for m in kept):
            starts.append(para.start())
    return starts


def _context_parent(pos: int, kept: list[Mention], sections: list[int], gaz: Gazetteer) -> str | None:
    """The most local place named in the same sentence, paragraph or section, most often."""
    sec = bisect.bisect_right(sections, pos)
    lo = sections[sec - 1]
    hi = sections[sec] if sec < len(sections) else 10**12
    near = [m for m in kept if lo <= m.start < hi]
    if not near:
        provinces = Counter(gaz.province_of(m.place.id) for m in kept)
        return provinces.most_common(1)[0][0] if provinces else None
    top_province = Counter(gaz.province_of(m.place.id) for m in near).most_common(1)[0][0]
    near = [m for m in near if gaz.province_of(m.place.id) == top_province]
    counts = Counter(m.place.id for m in near)
    by_sentence = {m.place.id for m in near if abs(m.start - pos) < 300}
    best = min(near, key=lambda m: (LEVEL_RANK[m.place.level], m.place.id not in by_sentence,
                                    -counts[m.place.id], abs(m.start - pos)))
    return best.place.id


def _slug(name: str) -> str:
    """A stable id fragment for a name: lowercase words joined by hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
