"""The generated gazetteer: spellings, readings, hierarchy and the pinyin test."""
from __future__ import annotations

from store.extract.regions.gazetteer import (
    ALTERNATE,
    PRIMARY,
    SUFFIX_ONLY,
    load,
    spelling_key,
)


def ids(spelling: str, rank: int | None = None) -> set[str]:
    return {c.place.id for c in load().lookup(spelling) if rank is None or c.rank == rank}


def test_county_level_city_has_its_usual_reading_and_others():
    assert "cn:410783" in ids("Changyuan", PRIMARY)  # 长垣: pypinyin's phrase guess is Zhang-
    assert "cn:410783" in ids("Zhangyuan", ALTERNATE)


def test_one_syllable_county_needs_its_suffix():
    place = load().get("cn:371721")  # 曹县
    assert place.name == "Cao County"
    assert "cn:371721" in ids("Caoxian", PRIMARY)
    assert "cn:371721" in ids("Cao", SUFFIX_ONLY)
    assert not ids("Cao", PRIMARY)


def test_exonyms_replace_misleading_pinyin():
    assert ids("Shaanxi") == {"cn:610000"}
    assert ids("Shanxi", PRIMARY) == {"cn:140000"}
    assert "cn:150000" in ids("Inner Mongolia")
    assert load().get("cn:150000").name == "Inner Mongolia"


def test_ethnic_names_are_stripped_from_autonomous_areas():
    assert "cn:650000" in ids("Xinjiang")
    assert "cn:450000" in ids("Guangxi")
    assert load().get("cn:222400").name == "Yanbian"


def test_english_words_never_name_a_place_without_suffix():
    for word in ("Line", "Change", "June", "Guide", "Saying"):
        assert all(c.rank == SUFFIX_ONLY for c in load().lookup(word)), word


def test_apostrophes_are_kept_apart_from_joined_words():
    assert spelling_key("Ma\u2019anshan") == spelling_key("Ma'anshan")
    assert "cn:340500" in ids("Ma'anshan") and "cn:340500" in ids("Maanshan")
    assert not ids("June", PRIMARY)  # "Jun'e" (旬邑) is not "June"


def test_hierarchy_reaches_the_province():
    chain = [p.id for p in load().ancestors("cn:410783")]
    assert chain == ["cn:410700", "cn:410000"]
    assert load().province_of("cn:410783") == "cn:410000"
    assert load().prefecture_of("cn:410783") == "cn:410700"
    assert load().prefecture_of("cn:110108") == "cn:110000"  # Haidian sits in a municipality


def test_levels_follow_the_administrative_type():
    gaz = load()
    assert gaz.get("cn:410000").level == "province"
    assert gaz.get("cn:410700").level == "prefecture"
    assert gaz.get("cn:410783").level == "county"
    assert gaz.get("cn:410702").level == "district"


def test_pinyin_shape():
    gaz = load()
    assert gaz.looks_pinyin("Xiaoxinzhuang")
    assert gaz.looks_pinyin("Hekuang")
    assert not gaz.looks_pinyin("Wall")
    assert not gaz.looks_pinyin("Masteel")
