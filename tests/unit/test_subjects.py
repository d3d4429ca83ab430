"""Subject attribution on articles written for these tests, through the whole pipeline."""
from store.articles.documents import document_id
from store.extract.pipeline import run
from store.models import Document


def subjects(text: str) -> dict[str, str | None]:
    """Figure text → the name of the subject it was attributed to."""
    corpus = run([Document(document_id(text), "t.txt", "t", None, text)])
    names = {e.id: e.name for e in [*corpus.regions, *corpus.companies]}
    return {f.text: names.get(f.subject_id) for f in corpus.figures}


def test_company_in_clause_beats_place_in_sentence():
    got = subjects("Lanxi, Zhejiang: weaving grows\n"
                   "In Lanxi, Zhejiang Jinlong Textile Group reported sales revenue of 3.2 billion yuan.\n")
    assert "Jinlong Textile" in got["3.2 billion yuan"]


def test_the_company_refers_back_to_the_last_company():
    got = subjects("Yiwu, Zhejiang: small goods\n"
                   "Zhejiang Huaxin Packaging Co., Ltd. opened in 2015. Last year the company exported "
                   "goods worth 450 million yuan.\n")
    assert "Huaxin" in got["450 million yuan"]


def test_sentence_opening_its_refers_to_previous_subject_not_listed_customers():
    got = subjects("Xiangtan, Hunan: motors\n"
                   "Hunan Xiangdian Group makes motors. Its products serve clients such as PetroChina, "
                   "and have been exported to more than 40 countries.\n")
    assert "Xiangdian" in got["more than 40 countries"]


def test_the_county_refers_to_the_section_county():
    got = subjects("Cixi, Zhejiang: appliances lead\n"
                   "Cixi, in Ningbo, has a long history of trade. There are 1,200 appliance makers in the county.\n")
    assert got["1,200 appliance makers"] == "Cixi"


def test_place_inside_company_name_is_not_the_subject():
    got = subjects("Henan Province: machines\n"
                   "Zhengzhou Yutai Machinery Group grew its profit by 12% in 2023.\n")
    assert "Yutai" in got["12%"]


def test_quoted_figure_belongs_to_the_speakers_company():
    got = subjects("Wuxi, Jiangsu: sensors\n"
                   "\"Our orders have increased by 35% this year,\" said Li Ming, chairman of "
                   "Wuxi Senlan Sensor Co., Ltd.\n")
    assert "Senlan" in got["35%"]


def test_section_place_when_sentence_names_nothing():
    got = subjects("Jinjiang, Fujian: shoes step out\n"
                   "Footwear is the pillar. Exports rose by 8.5% in the first half.\n")
    assert got["8.5%"] == "Jinjiang"


def test_the_city_means_the_section_city_not_the_last_place_named():
    got = subjects("Yiwu, Zhejiang: markets grow\n"
                   "2024-05-01 09:00 Source: Zhejiang Daily\n"
                   "Yiwu, a county-level city under Jinhua, trades with the world. This year the city's "
                   "exports reached 52.1 billion yuan.\n")
    assert got["52.1 billion yuan"] == "Yiwu"


def test_a_possessive_firm_owns_its_figure_over_the_place_of_the_sentence():
    got = subjects("Batteries on the Yangtze\n"
                   "Jiangsu Lanhai Battery Co., Ltd.'s new plant in Changzhou has a total investment "
                   "of 3.5 billion yuan.\n")
    assert "Lanhai" in got["3.5 billion yuan"]


def test_the_base_refers_back_to_a_firm_named_base():
    got = subjects("Luoyang, Henan: materials\n"
                   "Luoyang Titanium Materials Pilot Base opened in 2020. The base has conducted "
                   "12 research projects.\n")
    assert "Titanium Materials Pilot Base" in got["12 research projects"]


def test_it_chains_back_to_the_zone_the_article_is_about():
    got = subjects("Twenty years of the Wuhu Riverside High-tech Zone\n"
                   "The Wuhu Riverside High-tech Zone opened in 2004 in Wuhu, Anhui Province. "
                   "Described as a model, it has grown fast. Today it contributes 40 percent of "
                   "the city's industrial output.\n")
    assert got["40 percent"] == "Wuhu Riverside High-tech Zone"


def test_digit_ordinals_open_periods_and_hopes_are_plans():
    corpus = run([Document(document_id(t := "Zone report\nUpdated: 2021-11-01\nThe park's output reached "
                                            "8.5 billion yuan in the 1st three quarters. The parks hope to "
                                            "reach sales of 150 billion yuan by 2025.\n"), "t.txt", "t",
                           "2021-11-01", t)])
    figures = {f.text: f for f in corpus.figures}
    assert "three quarters" not in figures
    assert figures["8.5 billion yuan"].period == "2021-01/2021-09"
    assert figures["150 billion yuan"].status == "plan"
