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


def figure(fid, text, metric, subject, period=None, category="sales"):
    """A figure entry shaped as store/query/index.py makes it."""
    keys = (text, metric, f"{text} {metric} {subject}", category, period or "")
    return Entry("figure", fid, f"{text} — {metric} ({subject})", keys, (metric, subject, category))


def test_a_year_finds_the_figures_of_that_period():
    idx = SearchIndex([
        figure("f21", "9 billion yuan", "revenue", "Weihua Group", "2021"),
        figure("f22", "11 billion yuan", "revenue", "Weihua Group", "2022"),
        figure("o22", "3 million tonnes", "output", "Weihua Group", "2022"),
    ])
    assert ids(idx.search("revenue 2022")) == ["f22"]
    assert set(ids(idx.search("2022"))) == {"f22", "o22"}


def test_a_typo_ranks_the_name_it_is_closest_to_first():
    idx = SearchIndex([
        Entry("region", "cn:weihai", "Weihai", ("Weihai", "Weihai City")),
        Entry("company", "co:weihua", "Weihua Group", ("Weihua Group", "Weihua")),
    ])
    hits = idx.search("weihau")
    assert ids(hits) == ["co:weihua", "cn:weihai"]
    assert hits[0].score > hits[1].score  # a swap of two letters is nearer than a wrong letter
    # and the other way round: a typo of the city's name finds the city first
    assert ids(idx.search("wiehai"))[0] == "cn:weihai"


def test_every_item_with_every_word_comes_back():
    entries = [Entry("company", "co:ps", "Pingmei Shenma Group", ("Pingmei Shenma Group",)),
               Entry("company", "co:p", "Pingmei Group", ("Pingmei Group",)),
               Entry("company", "co:s", "Shenma Group", ("Shenma Group",))]
    entries += [figure(f"f{i}", f"{i} million yuan", "revenue", f"Pingmei Shenma Unit {i}") for i in range(40)]
    idx = SearchIndex(entries)
    hits = ids(idx.search("pingmei shenma", limit=100))
    assert hits[0] == "co:ps" and len(hits) == 41 and not {"co:p", "co:s"} & set(hits)
    # a typo in one of the words still needs the other word, and finds all of them too
    typo = ids(idx.search("pingmei shnema", limit=100))
    assert len(typo) == 41 and typo[0] == "co:ps"
    assert ids(idx.search("pingmei shenma unit 7")) == ["f7"]


def test_typos_match_names_and_metrics_never_the_figure_wording():
    idx = SearchIndex([figure("f1", "5 billion yuan", "revenue", "Nimbus Pumps")])
    assert ids(idx.search("yuan")) == ["f1"]
    assert idx.search("yaun") == []
    assert ids(idx.search("revenu nimbsu")) == ["f1"]


QUERIES = ("weihau", "changyaun", "18.5 billion", "company:wei", "supporting enterprises", "1042",
           "weihua sales", "x", "w", "ch", "changge ciy", "revenue 2022", "pingmei shenma")


def test_fast_ranking_equals_the_exhaustive_one_on_every_keystroke():
    idx = SearchIndex(index().entries + [
        figure("f3", "9 billion yuan", "revenue", "Weihua Group", "2022"),
        Entry("company", "co:ps", "Pingmei Shenma Group", ("Pingmei Shenma Group",)),
        Entry("region", "cn:3", "Weihai", ("Weihai",)),
    ])
    for q in QUERIES:
        for k in range(1, len(q) + 1):
            for limit in (1, 3, 20):
                assert idx.search(q[:k], limit=limit) == idx.search(q[:k], limit=limit, exhaustive=True), q[:k]


def test_a_word_far_more_common_than_the_candidates_is_checked_per_candidate():
    # "s" matches hundreds of entries: the fast mode reads the two Shenma entries' words instead
    entries = [Entry("company", f"co:s{i}", f"Sanxing {i}", (f"Sanxing {i}",)) for i in range(400)]
    entries += [Entry("company", "co:a", "Pingmei Shenma", ("Pingmei Shenma",)),
                Entry("company", "co:b", "Pingmei Coal", ("Pingmei Coal",))]
    idx = SearchIndex(entries)
    assert ids(idx.search("pingmei s")) == ["co:a"]
    assert idx.search("pingmei s") == idx.search("pingmei s", exhaustive=True)


ARTICLE = ("Nimbus Pumps reports record year\n\nMarch 3, 2024\n\n"
           "Nimbus Pumps Group, based in Changyuan, Henan, said its revenue reached 5 billion yuan in 2022.\n")


def test_the_index_is_kept_beside_the_store_and_read_back(tmp_path):
    from store import Store, find, ingest
    from store.persist.index_file import index_path
    from tests.unit.article_store import build_articles
    path = build_articles(tmp_path, {"a.txt": ARTICLE})
    first = find(Store.open(path), "nimbus")
    kept = index_path(path)
    assert first and kept.is_file()
    stamp = kept.stat().st_mtime_ns
    assert find(Store.open(path), "nimbus") == first  # read back, not rebuilt
    assert kept.stat().st_mtime_ns == stamp
    (tmp_path / "b.txt").write_text(ARTICLE.replace("Nimbus", "Orion"), encoding="utf-8")
    ingest(path, [tmp_path / "b.txt"])
    assert [h.label for h in find(Store.open(path), "orion", "company")] == ["Orion Pumps Group"]
    kept.write_bytes(b"\x00 not an index")  # a damaged cache is built again, never an error
    assert find(Store.open(path), "nimbus") == first
    assert kept.read_bytes().startswith(b"{")


def test_a_stale_or_foreign_index_file_is_ignored(tmp_path):
    from store.persist.index_file import read_index, write_index
    target = tmp_path / "store.json.index"
    assert write_index(target, "k1", {"rows": []})
    assert read_index(target, "k1") == {"rows": []}
    assert read_index(target, "k2") is None
    target.write_text('{"key": "k1", "index": [1, 2]}')
    assert read_index(target, "k1") is None
    idx = index()
    again = SearchIndex.from_payload(json_round_trip(idx.to_payload()))
    for q in QUERIES:
        assert again.search(q) == idx.search(q)


def json_round_trip(payload):
    import orjson
    return orjson.loads(orjson.dumps(payload))
