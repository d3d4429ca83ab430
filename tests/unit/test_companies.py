"""Company extraction and merging, on sentences written for these tests."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from store.extract.companies import find_companies
from store.extract.companies.merge import merge_companies
from store.extract.document import from_text
from store.models import CompanyHit, Region, RegionHit

HENAN = Region("cn:410000", "Henan", "province", None)
ANYANG = Region("cn:410500", "Anyang", "prefecture", "cn:410000")
HEBI = Region("cn:410600", "Hebi", "prefecture", "cn:410000")
LINZHOU = Region("cn:410581", "Linzhou", "county", "cn:410500")
RECORDS = {r.id: r for r in (HENAN, ANYANG, HEBI, LINZHOU)}
PLACE_NAMES = {"Henan": HENAN, "Anyang": ANYANG, "Hebi": HEBI, "Linzhou City": LINZHOU, "Linzhou": LINZHOU}


def regions_in(text: str) -> list[RegionHit]:
    """Region hits for the hand-made gazetteer above, the way the region extractor reports them."""
    hits, taken = [], set()
    for name in sorted(PLACE_NAMES, key=len, reverse=True):
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            if not taken & set(range(start, end)):
                hits.append(RegionHit(start, end, name, PLACE_NAMES[name].id))
                taken |= set(range(start, end))
            start = text.find(name, end)
    return sorted(hits, key=lambda h: h.start)


def find(text: str) -> list[CompanyHit]:
    return find_companies(from_text(text), regions_in(text), RECORDS)


def names(text: str) -> dict[str, str]:
    """Surface text -> canonical name of every hit."""
    return {h.text: h.name for h in find(text)}


def test_offsets_match_the_text():
    text = "Output rose at Henan Qiaolong Pump Co., Ltd. this\u00a0year, said its chairman."
    hits = find(text)
    assert [h.text for h in hits] == ["Henan Qiaolong Pump Co., Ltd."]
    assert all(text[h.start:h.end] == h.text for h in hits)


def test_variants_in_one_document_share_a_name():
    text = ("Anyang Qiaolong Pump Co., Ltd. opened a plant. Later the Qiaolong Group listed its shares. "
            "Qiaolong's pumps sell abroad, and the Qiaolong Pump Factory hired 300 people.")
    found = names(text)
    assert set(found) == {"Anyang Qiaolong Pump Co., Ltd.", "Qiaolong Group", "Qiaolong",
                          "Qiaolong Pump Factory"}
    assert len(set(found.values())) == 1


def test_same_industry_words_in_different_places_stay_apart():
    text = "Anyang Heavy Forging Factory supplies parts. Hebi Heavy Forging Co., Ltd. makes shafts."
    found = names(text)
    assert len(found) == 2 and len(set(found.values())) == 2


def test_bodies_media_and_associations_are_not_companies():
    text = ("The Anyang Municipal Bureau of Commerce and the China Textile Industry Association met. "
            "Henan Daily reported it. The Linzhou City Party Committee attended.")
    assert find(text) == []


def test_people_and_places_with_possessives_are_not_companies():
    text = "Zhang Wenbo's speech praised Linzhou's output and Anyang's new roads."
    assert find(text) == []


def test_sentence_initial_words_are_not_part_of_the_name():
    found = names("Walking into Lanhai Textile Co., Ltd., we saw looms. Today's Hongda Group is larger.")
    assert set(found) == {"Lanhai Textile Co., Ltd.", "Hongda Group"}


def test_list_after_companies_such_as():
    found = names("Large enterprises such as Qianfeng, Dabai Tech, and Luyuan have moved in.")
    assert set(found) == {"Qianfeng", "Dabai Tech", "Luyuan"}


def test_labs_listed_bare_get_their_kind():
    found = names("Henan has built 5 laboratories including Fengming, Baiyu and Cuiling.")
    assert found["Fengming"] == "Fengming Laboratory"


def test_cue_words_mark_bare_brands():
    found = names("The order went to chip giant Xinmo. Rongtai, a listed company, agreed. "
                  "The high-tech enterprise Golden Diamond expanded.")
    assert set(found) == {"Xinmo", "Rongtai", "Golden Diamond"}


def test_two_firms_joined_by_and_are_two():
    found = names("Ruixin Electric and Tongda Group lead the country in switchgear.")
    assert set(found) == {"Ruixin Electric", "Tongda Group"}


def test_department_of_a_firm_is_the_firm():
    found = names("Ruixin Bus Co., Ltd. grew. Chen Li, head of the Ruixin Bus Brand Department, spoke.")
    assert set(found) == {"Ruixin Bus Co., Ltd.", "Ruixin Bus"}
    assert len(set(found.values())) == 1


def test_translation_slip_merges():
    found = names("Kelong Chemical Co., Ltd. cut emissions; the Kelon Chemical plant recycles steam.")
    assert len(set(found.values())) == 1


def test_alias_table_joins_translation_variants():
    found = names("Duofudo, a listed company, grew. Polyfluoro New Materials Co., Ltd. hired staff.")
    assert len(set(found.values())) == 1


def test_region_from_name_and_from_located_in():
    hits = {h.text: h.region_key for h in find(
        "Linzhou Hengda Steel Co., Ltd. expanded. Qiaolong Pump Co., Ltd. located in Hebi hired staff. "
        "Rongxin Group exports.")}
    assert hits["Linzhou Hengda Steel Co., Ltd."] == "cn:410581"
    assert hits["Qiaolong Pump Co., Ltd."] == "cn:410600"
    assert hits["Rongxin Group"] is None


def test_region_from_the_section_heading():
    text = "Anyang, Henan: the forge town\nRongxin Group exports cranes.\n"
    assert [h.region_key for h in find(text)] == ["cn:410500"]


def test_merge_across_documents():
    a = [CompanyHit(0, 12, "Qiaolong Group", "Qiaolong Group", "cn:410500"),
         CompanyHit(20, 28, "Qiaolong", "Qiaolong Group", "cn:410500")]
    b = [CompanyHit(5, 31, "Anyang Qiaolong Pump Co., Ltd.", "Qiaolong Pump", "cn:410500"),
         CompanyHit(40, 54, "Hebi Heavy Forging", "Hebi Heavy Forging", None)]
    companies, mentions = merge_companies({"d1": a, "d2": b})
    assert len(companies) == 2
    qiaolong = next(c for c in companies if "Qiaolong" in c.name)
    assert {"Qiaolong Group", "Qiaolong", "Anyang Qiaolong Pump Co., Ltd."} <= set(qiaolong.aliases)
    assert qiaolong.region_id == "cn:410500" and qiaolong.id.startswith("co:")
    assert len(mentions) == 4 and {m.entity_id for m in mentions} == {c.id for c in companies}


def test_other_chinese_brand_or_other_place_keeps_firms_apart_across_documents():
    a = [CompanyHit(0, 13, "Pingmei Group", "Pingmei Group", None),
         CompanyHit(20, 44, "Xinxiang Mining Crane Factory", "Xinxiang Mining Crane Factory", None)]
    b = [CompanyHit(0, 26, "China Pingmei Shenma Group", "China Pingmei Shenma Group", None),
         CompanyHit(30, 58, "Henan Mining Crane Co., Ltd.", "Henan Mining Crane", None)]
    companies, _ = merge_companies({"d1": a, "d2": b})
    assert len(companies) == 4


def test_ids_do_not_depend_on_document_order():
    a = [CompanyHit(0, 12, "Qiaolong Group", "Qiaolong Group", None)]
    b = [CompanyHit(0, 8, "Hongda Group", "Hongda Group", None)]
    first, _ = merge_companies({"d1": a, "d2": b})
    second, _ = merge_companies({"d2": b, "d1": a})
    assert sorted(c.id for c in first) == sorted(c.id for c in second)


FRAGMENTS = ["Anyang Qiaolong Pump Co., Ltd.", "the Qiaolong Group", "Zhang Wenbo's", "Linzhou City",
             "enterprises such as Rongtai, Xinmo and Luyuan", "Henan Daily", "said", "In 2023,",
             "chip giant Xinmo", "Ruixin Electric and Tongda Group", "\u00a0", ".", "Co., Ltd.", "(Hebi)"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=25))
def test_hits_are_exact_sorted_and_disjoint(parts):
    text = " ".join(parts)
    hits = find(text)
    assert all(text[h.start:h.end] == h.text and h.name for h in hits)
    assert all(a.end <= b.start for a, b in zip(hits, hits[1:]))


def test_parts_of_china_before_possessive_are_not_companies():
    from store.extract.companies import find_companies
    text = "Foshan, South China's Guangdong Province, hosts Midea Group."
    names = {h.name for h in find_companies(from_text(text), [], {})}
    assert "South China" not in names and any("Midea" in n for n in names)


def _place_of_firm(text: str, fragment: str) -> str | None:
    """The name of the place the firm whose name holds `fragment` is put in, or None."""
    from store.extract.companies import find_companies
    from store.extract.regions import find_regions
    hits, records = find_regions(from_text(text))
    firm = next(c for c in find_companies(from_text(text), hits, records) if fragment in c.name)
    return records[firm.region_key].name if firm.region_key else None


def test_company_sits_in_the_section_place_and_nowhere_without_evidence():
    assert _place_of_firm("Hubei bets on optics\n"
                          "Wuhan, Hubei: the optics valley\n"
                          "Wuhan Guangxun Optics Group opened a plant. In Xiangyang, Hubei Province, "
                          "and Yichang, Hubei, smaller firms follow.\n", "Guangxun") == "Wuhan"
    # the article's province is no evidence of where a firm is
    assert _place_of_firm("Hubei bets on optics\nIn Wuhan, Xiangyang and Yichang of Hubei Province, "
                          "factories grow. Meanwhile Lianhe Optics Group said it would hire more.\n",
                          "Lianhe") is None


# ---------------------------------------------------------------- names in harder shapes

def test_two_brands_joined_by_and_are_two_firms():
    assert set(names("NEXO and Huali, two Chinese phone brands, were born here.")) == {"NEXO", "Huali"}


def test_origin_words_are_not_part_of_the_name():
    found = names("The plant supplies German Rondo Group and United States Kelvin International.")
    assert found == {"Rondo Group": "Rondo Group", "Kelvin International": "Kelvin International"}


def test_legal_suffix_without_a_stop():
    assert "Anyang Huaxing Valve Co" in names("Anyang Huaxing Valve Co, the largest valve maker, grew.")


def test_role_nouns_and_lists_mark_bare_brands():
    found = names("Panel maker Luminor opened a plant. Stores represented by Costco sell its goods, "
                  "and enterprises such as Qianfeng group, Baima new energy, yellow river motors and "
                  "Tianlu and other firms came too.")
    assert {"Luminor", "Costco", "Qianfeng group", "Baima new energy", "yellow river motors",
            "Tianlu"} <= set(found)


def test_months_numbers_and_product_models_are_not_firms():
    found = names("From January to July, Nissan X9 cars sold well. Seven of China's top firms agreed.")
    assert not {"July", "Nissan", "Seven of China"} & set(found)


def test_declared_short_names_join_their_firm():
    found = names("Hebei Tianlong Heavy Industries, also known as THI, won an order. "
                  "Later THI hired 300 workers.")
    assert found["THI"] == found["Hebei Tianlong Heavy Industries"]


def test_a_pinyin_brand_split_in_two_is_the_brand():
    found = names("Linzhou Weichang Motor Co., Ltd. grew. Wei Chang also exports engines.")
    assert found["Wei Chang"] == found["Linzhou Weichang Motor Co., Ltd."]


def test_a_firm_sits_in_the_zone_it_is_located_in_and_nowhere_without_evidence():
    from store.extract.regions import find_regions
    text = ("Jiangsu makes ships\n"
            "Rugao Harbour Industrial Park is busy. Nantong Haiyun Shipbuilding Co., Ltd., located in "
            "Rugao Harbour Industrial Park, launched a tanker.\n"
            "Elsewhere, Swiss group Kelmar Holdings sells pumps.\n")
    model = from_text(text)
    hits, records = find_regions(model)
    placed = {c.name: c.region_key for c in find_companies(model, hits, records)}
    haiyun = next(k for n, k in placed.items() if "Haiyun" in n)
    assert records[haiyun].name == "Rugao Harbour Industrial Park"
    assert placed["Kelmar Holdings"] is None


def test_a_dash_ends_a_list_of_firms():
    found = names("Clients such as Jianghuai, Yuchen and Beiqi Foton—and our own plants—buy it.")
    assert "Beiqi Foton" in found and not any("plants" in n for n in found)


def test_a_list_after_such_as_splits_at_and():
    found = names("It supports leading enterprises such as Jinlong and Tianma Motors.")
    assert {"Jinlong", "Tianma Motors"} <= set(found)


def test_people_named_by_speech_or_a_role_are_not_firms():
    found = names('"Orders rose," said Tang Yi, a spokesperson for the company. According to Mou, '
                  "the company will hire.")
    assert not {"Tang Yi", "Mou"} & set(found)
