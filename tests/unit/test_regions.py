"""Region extraction on sentences written for these tests (not taken from the seeds)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from store.extract.document import from_text
from store.extract.regions import find_regions


def keys(text: str) -> list[str]:
    return [h.key for h in find_regions(from_text(text))[0]]


def named(text: str) -> dict[str, str]:
    """surface → region id for every hit."""
    return {h.text: h.key for h in find_regions(from_text(text))[0]}


# ---------------------------------------------------------------- basics

def test_surface_forms_and_offsets():
    text = "Factories in Changyuan City, Henan Province make cranes for export."
    hits, regions = find_regions(from_text(text))
    assert [(h.text, h.key) for h in hits] == [
        ("Changyuan City", "cn:410783"), ("Henan Province", "cn:410000")]
    assert all(text[h.start:h.end] == h.text for h in hits)
    assert "Changyuan City" in regions["cn:410783"].aliases


def test_ancestors_complete_the_tree():
    _, regions = find_regions(from_text("Orders keep arriving in Changyuan, says the county chief of Henan."))
    assert regions["cn:410783"].parent_id == "cn:410700"
    assert regions["cn:410700"].name == "Xinxiang"
    assert regions["cn:410700"].parent_id == "cn:410000"


def test_one_syllable_county_with_suffix():
    hits = named("Solar panels from Cao County and Caoxian County were shipped from Shandong.")
    assert hits["Cao County"] == hits["Caoxian County"] == "cn:371721"


def test_word_boundaries():
    assert keys("The Henanese delegation visited.") == []
    assert keys("Pupils in HenanX play chess.") == []


def test_abroad_and_english_words_are_not_regions():
    text = "In June the line will change; cranes go to Malaysia, Senegal and Peru."
    assert keys(text) == []


# ---------------------------------------------------------------- ambiguity

def test_ambiguous_name_follows_adjacent_province():
    assert named("Jinjiang, Fujian is famous for sneakers.")["Jinjiang"] == "cn:350582"
    assert named("Jinjiang, Chengdu, Sichuan hosts new malls.")["Jinjiang"] == "cn:510104"


def test_ambiguous_prefecture_follows_province_in_sentence():
    assert named("Chemical plants in Taizhou in Jiangsu Province expanded.")["Taizhou"] == "cn:321200"
    assert named("Chemical plants in Taizhou in Zhejiang Province expanded.")["Taizhou"] == "cn:331000"


def test_ambiguous_name_follows_province_elsewhere_in_text():
    text = ("Jiangsu is the focus of this report.\n"
            "Engineers say Taizhou's shipyards hired 2,000 welders last year.")
    assert named(text)["Taizhou"] == "cn:321200"


def test_most_prominent_level_when_nothing_nearby():
    assert named("Puyang has refineries.")["Puyang"] == "cn:410900"  # the prefecture
    assert named("Puyang County has farms.")["Puyang County"] == "cn:410928"
    assert named("Buyers came from Xinjiang.")["Xinjiang"] == "cn:650000"  # not 新绛县


def test_county_named_beside_its_province_beats_a_province_homonym():
    assert named("Xinjiang, Shanxi makes vinegar.")["Xinjiang"] == "cn:140825"


# ---------------------------------------------------------------- not locations

def test_given_names_are_not_places():
    text = "Henan firms grew, said Wang Changyuan, who runs a crane workshop."
    assert "cn:410783" not in keys(text)


def test_split_words_need_the_joined_spelling_elsewhere():
    assert "cn:340100" not in keys("He Fei, the plant manager, smiled.")
    hits = named("Ma'anshan makes steel. Ma Anshan also makes wheels.")
    assert hits["Ma Anshan"] == hits["Ma'anshan"] == "cn:340500"


def test_datelines_and_institutions():
    text = ("Shenzhen exporters are busy. (Reporter Li Ming reported from Hangzhou)\n"
            "She studied at Shanghai Jiao Tong University before joining.")
    assert keys(text) == ["cn:440300"]


def test_place_inside_a_company_name_from_an_unrelated_province():
    text = ("Henan crane makers buy motors. One buyer sells parts made by "
            "Hubei Xianning Motor Factory to Henan clients.")
    assert set(keys(text)) == {"cn:410000"}


def test_place_inside_a_company_name_counts_when_its_province_is_covered():
    text = "Henan builds machines. Luoyang Bearing Research Institute tests them."
    assert "cn:410300" in keys(text)


def test_long_list_of_provinces_is_a_list_of_markets():
    text = ("Hefei, Anhui makes trucks. They were sold to Gansu, Qinghai, Ningxia and "
            "Yunnan last year.")
    assert set(keys(text)) == {"cn:340100", "cn:340000"}


def test_bare_district_needs_its_city_nearby():
    assert keys("Gulou sellers posted videos.") == []
    assert "cn:410204" in keys("Kaifeng opened a park. Gulou sellers joined it.")  # 开封鼓楼区


# ---------------------------------------------------------------- zones, towns, villages

def test_zone_named_after_its_county():
    text = "Workshops in the Xinmi Economic Development Zone, Zhengzhou, Henan Province hum."
    hits, regions = find_regions(from_text(text))
    zone = regions["x:cn:410183:xinmi-economic-development-zone"]
    assert zone.level == "zone" and zone.parent_id == "cn:410183"
    assert "Xinmi Economic Development Zone" in [h.text for h in hits]


def test_zone_drops_a_leading_province_and_keeps_the_parenthesis_in_the_surface():
    text = "A battery base rose in Hubei Xiantao Economic Development Zone (High-tech Park)."
    hits, regions = find_regions(from_text(text))
    zone_id = "x:cn:429004:xiantao-economic-development-zone"
    assert regions[zone_id].name == "Xiantao Economic Development Zone"
    assert "Hubei Xiantao Economic Development Zone (High-tech Park)" in [
        h.text for h in hits if h.key == zone_id]


def test_village_hangs_on_the_town_written_after_it():
    text = ("Gongyi, Henan: valves\n"
            "Ten farmers in Dazhuang Village, Liuhe Town opened a valve shop in Gongyi.")
    _, regions = find_regions(from_text(text))
    town = regions["x:cn:410181:liuhe-town"]
    village = next(r for r in regions.values() if r.name == "Dazhuang Village")
    assert town.level == village.level == "town"
    assert village.parent_id == town.id


def test_zone_without_a_place_in_its_name_hangs_on_its_section():
    text = ("Luohe, Henan: food\n"
            "Luohe makes ham. The Shuanghui Food Industrial Park employs many people.\n"
            "Wuxi, Jiangsu: chips\n"
            "Wuxi makes wafers.")
    _, regions = find_regions(from_text(text))
    park = next(r for r in regions.values() if r.name == "Shuanghui Food Industrial Park")
    assert park.parent_id == "cn:411100"


def test_generic_or_foreign_parks_are_not_regions():
    text = "Engineers from Silicon Valley toured the Big Data Industrial Park in Wall Street."
    assert find_regions(from_text(text)) == ([], {})


def test_ids_are_stable_across_documents():
    a = find_regions(from_text("Henan firms gather in the Xinmi Economic Development Zone of Zhengzhou."))
    b = find_regions(from_text("Xinmi Economic Development Zone, in Henan, added 40 firms."))
    zone = "x:cn:410183:xinmi-economic-development-zone"
    assert zone in a[1] and zone in b[1]


# ---------------------------------------------------------------- properties

VOCAB = ["Henan", "Changyuan", "City", "County", "Province", "Jinjiang", "Fujian", "Xinmi",
         "Economic", "Development", "Zone", "Nili", "Town", "Wang", "the", "of", "and", "in",
         "Ma'anshan", "Ma", "Anshan", "Taizhou's", "(", ")", ",", ".", "\n", "Caoxian", "Cao"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(VOCAB), max_size=60))
def test_hits_are_exact_spans_and_the_tree_is_complete(words):
    text = " ".join(words)
    hits, regions = find_regions(from_text(text))
    for hit in hits:
        assert text[hit.start:hit.end] == hit.text
        assert hit.key in regions
    for region in regions.values():
        assert region.parent_id is None or region.parent_id in regions
        assert region.level in {"province", "prefecture", "county", "district", "town", "zone"}
    assert find_regions(from_text(text)) == (hits, regions)  # deterministic


# ---------------------------------------------------------------- zones, towns, exonyms

def _zones(text: str) -> dict[str, tuple[str, str]]:
    """Zone or town surface → (region name, parent name) for every sub-place hit."""
    hits, regions = find_regions(from_text(text))
    return {h.text: (regions[h.key].name, regions[regions[h.key].parent_id].name)
            for h in hits if regions[h.key].level in ("zone", "town")}


def test_zone_names_by_head_noun_with_brackets_and_lower_case_heads():
    text = ("Guiyang, Guizhou: data centres\n"
            "Servers fill the Qianzhong (Huaxi) Industrial Zone. Next door, the Guiyang Baiyun "
            "technopark hired 400 engineers.\n")
    found = _zones(text)
    assert found["Qianzhong (Huaxi) Industrial Zone"][0] == "Qianzhong (Huaxi) Industrial Zone"
    assert found["Guiyang Baiyun technopark"] == ("Guiyang Baiyun technopark", "Baiyun")  # a Guiyang district


def test_area_of_a_park_is_a_zone_inside_that_park():
    text = "Shipyards crowd the Lanshan Port Area of Rizhao Harbour Industrial Park in Shandong."
    hits, regions = find_regions(from_text(text))
    area = next(r for r in regions.values() if r.name == "Lanshan Port Area")
    park = regions[area.parent_id]
    assert park.name == "Rizhao Harbour Industrial Park" and park.level == "zone"
    assert "Lanshan Port Area of Rizhao Harbour Industrial Park" in area.aliases


def test_variants_of_one_zone_are_one_region():
    text = ("Zibo Hi-tech Industrial Development Zone grew fast. Firms in the Zibo High-tech Zone "
            "export chemicals, and the High-tech Zone plans a new port.\n")
    hits, regions = find_regions(from_text(text))
    zones = {h.key for h in hits if regions[h.key].level == "zone"}
    assert len(zones) == 1
    assert {"Zibo High-tech Zone", "High-tech Zone"} <= set(regions[zones.pop()].aliases)


def test_english_words_alone_make_no_zone():
    hits, regions = find_regions(from_text("Tourists love the Engine Valley and the Bay Area of Jiangsu."))
    assert not [r for r in regions.values() if r.level == "zone"]


def test_town_hangs_on_its_district_from_the_town_table_and_bare_name_follows():
    text = ("Jiading's car makers are busy. Jiading added jobs, and in Jiading's Anting Town a "
            "parts plant opened. Anting also trains welders.\n")
    hits, regions = find_regions(from_text(text))
    town = next(r for r in regions.values() if r.name == "Anting Town")
    assert regions[town.parent_id].name == "Jiading"
    assert [h.text for h in hits if h.key == town.id] == ["Anting Town", "Anting"]


def test_conventional_english_names():
    assert named("Harbin and Hohhot sent buyers to Urumqi.") == {
        "Harbin": "cn:230100", "Hohhot": "cn:150100", "Urumqi": "cn:650100"}


def test_the_autonomous_region_settles_a_name_two_provinces_share():
    text = "Yulin builds engines. It is a key city of the autonomous region's machinery industry."
    hits, regions = find_regions(from_text(text))
    yulin = next(h.key for h in hits if h.text == "Yulin")
    assert regions[regions[yulin].parent_id].name == "Guangxi"


def test_number_words_name_no_zone():
    hits, regions = find_regions(from_text("One development zone and six industrial parks\n"
                                           "Baiyin, Gansu builds the Baiyin High-tech Zone.\n"))
    zones = {r.name for r in regions.values() if r.level == "zone"}
    assert zones == {"Baiyin High-tech Zone"}
