"""The search index: ranking order, typo tolerance, numbers and kind prefixes."""
from store.query.search import Entry, SearchIndex, search_tokens


def index():
    return SearchIndex([
        Entry("company", "co:weihua", "Weihua Group", ("Weihua Group", "Henan Weihua Crane Co., Ltd.")),
        Entry("company", "co:wei", "Weixing Textiles", ("Weixing Textiles",)),
        Entry("region", "cn:1", "Changyuan", ("Changyuan", "Changyuan City")),
        Entry("region", "cn:2", "Changge", ("Changge",)),
        Entry("figure", "f1", "18.5 billion yuan — sales revenue (Weihua Group)",
              ("18.5 billion yuan", "sales revenue", "18500000000")),
        Entry("figure", "f2", "1,042 supporting enterprises (Changyuan)",
              ("1,042 supporting enterprises", "supporting enterprises", "1042")),
    ])


def ids(results):
    return [r.id for r in results]


def test_exact_beats_prefix_beats_fuzzy():
    results = index().search("changge")
    assert results[0].id == "cn:2"
    assert results[0].score > results[1].score if len(results) > 1 else True


def test_prefix_match():
    assert ids(index().search("weih"))[0] == "co:weihua"


def test_typos_find_the_right_entity():
    assert ids(index().search("weihau"))[0] == "co:weihua"
    assert ids(index().search("changyaun"))[0] == "cn:1"


def test_numbers_are_searchable_with_and_without_separators():
    assert ids(index().search("18.5 billion"))[0] == "f1"
    assert ids(index().search("1042"))[0] == "f2"
    assert ids(index().search("1,042"))[0] == "f2"


def test_kind_prefix_restricts_results():
    results = index().search("company: weihua")
    assert results and all(r.kind == "company" for r in results)
    assert all(r.kind == "figure" for r in index().search("figure:weihua"))


def test_no_match_and_empty_query():
    assert index().search("zzzzqqq") == []
    assert index().search("   ") == []


def test_tokens_normalise_case_apostrophes_and_thousands():
    assert search_tokens("Weihua’s 1,042 Firms") == ["weihua", "s", "1042", "firms"]
