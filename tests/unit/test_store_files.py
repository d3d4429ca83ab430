"""The store's files: texts, passages and extractions beside the store file, big tables read on
first use, every part whole or absent, written only when it changed, collected when unused."""
import os

import orjson
import pytest

from store.errors import StoreFileError
from store.persist import build as build_mod
from store.persist import lock
from store.persist.collect import collect_parts
from store.persist.storage import stale_temp_files, write_once
from store.persist.texts import read_text, text_file
from store.query.api import Store
from tests.unit.article_store import build_articles, copy_store
from tests.unit.fast_cli import run
from tests.unit.other_process import dead_pid

ARTICLES = {
    "kilns.txt": "Kiln report\nJingde Kiln Works in Jiangxi fired 300 kilns in 2023, and its sales rose 9%.\n",
    "bikes.txt": "Bike report\nTianjin Swift Bicycle Group made 80,000 bicycles in 2022.\n",
}
NEW = "Pump report\nHunan Deep Pump Co. in Changsha sold 1,200 pumps in 2024.\n"


def _files(store):
    """Every file under STORE.d, relative path → (inode, mtime) (what a write would change)."""
    folder = store.with_name(store.name + ".d")
    return {p.relative_to(folder).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def store(tmp_path):
    return build_articles(tmp_path, ARTICLES)


def test_the_store_file_holds_no_text_and_each_text_is_a_file_named_by_its_hash(store):
    data = orjson.loads(store.read_bytes())
    rows = list(data["documents"].values())
    assert all("text" not in r and r["chars"] > 0 for r in rows)
    for row in rows:
        text = text_file(store, row["id"]).read_text(encoding="utf-8")
        assert len(text) == row["chars"] and read_text(store, row["id"]) == text
    assert set(data) == {"documents", "regions", "companies", "meta"}


def test_opening_reads_figures_mentions_and_passages_only_when_used(store):
    st = Store.open(store)
    counts = {"figures": len(st.figures), "tree": st.region_tree()}
    assert not st.figures.loaded and "mentions" not in vars(st) and not st._passages
    assert counts["figures"] == len(list(st.figures.values())) > 0 and st.figures.loaded
    fig = next(iter(st.figures.values()))
    assert fig.text in st.sentence_of(fig) and list(st._passages) == [fig.doc_id]
    assert st.mentions and all(st.documents[m.doc_id].text[m.start:m.end] == m.text for m in st.mentions)


def test_tree_counts_before_and_after_reading_the_figures_agree(store):
    st = Store.open(store)
    before = {e: st.figure_count(e) for e in [*st.regions, *st.companies]}
    list(st.figures.values())
    assert before == {e: st.figure_count(e) for e in before} and sum(before.values()) > 0


def test_an_ingest_writes_the_new_articles_files_and_leaves_the_others_alone(store, tmp_path):
    before = _files(store)
    (tmp_path / "pump.txt").write_text(NEW, encoding="utf-8")
    assert not build_mod.ingest(store, [tmp_path / "pump.txt"]).errors
    after = _files(store)
    assert {k: v for k, v in after.items() if k in before} == before  # nothing rewritten
    added = sorted(set(after) - set(before))
    new_id = next(d.id for d in Store.open(store).documents.values() if d.file == "pump.txt")
    assert [k.split("/")[0] + "/" + k.split("/")[-1].split("-")[0] for k in added] == [
        f"docs/{new_id}.json", "tables/figures", "tables/mentions", "tables/merge", f"texts/{new_id}.txt"]


def test_a_removed_articles_files_go_once_no_backup_names_them(store, tmp_path):
    doc = next(d for d in Store.open(store).documents.values() if d.file == "bikes.txt")
    assert run(["remove", doc.id, "--yes", "--store", store]).exit_code == 0
    assert text_file(store, doc.id).exists()  # STORE.bak still names it
    (tmp_path / "pump.txt").write_text(NEW, encoding="utf-8")
    assert not build_mod.ingest(store, [tmp_path / "pump.txt"]).errors  # the next write
    assert not text_file(store, doc.id).exists()
    assert not any(doc.id in name for name in _files(store))


def test_parts_are_kept_while_a_store_file_cannot_be_read(store):
    unused = store.with_name("store.json.d") / "texts" / "0000000000000000.txt"
    unused.write_text("not named by any store", encoding="utf-8")
    store.with_name("store.json.bak").write_bytes(b"{broken")
    assert collect_parts(store) == 0 and unused.exists()
    store.with_name("store.json.bak").unlink()
    assert collect_parts(store) == 1 and not unused.exists()


def test_crashed_writers_temporary_files_in_the_parts_folder_are_tidied(store):
    folder = store.with_name("store.json.d")
    dead = folder / "texts" / f".abc.txt.{dead_pid()}.x1.tmp"
    alive = folder / "tables" / f".figures-1.json.{os.getpid()}.x2.tmp"
    for path in (dead, alive):
        path.write_bytes(b"half")
    assert stale_temp_files(store) == [dead]
    assert lock.tidy(store) == 1 and not dead.exists() and alive.exists()


def test_a_content_addressed_file_is_created_whole_and_repaired_when_damaged(tmp_path):
    path = tmp_path / "part.json"
    assert write_once(path, b"[1]") and path.read_bytes() == b"[1]"
    assert not write_once(path, b"[1]")  # same bytes: nothing written
    path.write_bytes(b"[9")
    assert write_once(path, b"[1]") and path.read_bytes() == b"[1]"
    assert [p.name for p in tmp_path.iterdir()] == ["part.json"]


def test_a_damaged_text_is_one_clear_error_naming_the_file(store):
    st = Store.open(store)
    doc = next(iter(st.documents.values()))
    path = text_file(store, doc.id)
    path.write_text(path.read_text(encoding="utf-8").upper(), encoding="utf-8")
    with pytest.raises(StoreFileError) as err:
        doc.text
    assert str(path) in err.value.message and "damaged" in err.value.message
    assert "\n" not in err.value.message and "mfg-explore repair" in err.value.message


def test_a_missing_text_leaves_its_article_out_with_one_line(store):
    st = Store.open(store)
    gone = next(iter(st.documents.values()))
    text_file(store, gone.id).unlink()
    st = Store.open(store)
    assert gone.id not in st.documents
    assert all(f.doc_id != gone.id for f in st.figures.values())
    assert f"texts/{gone.id}.txt is missing" in st.warnings[0]  # then: its figures and mentions went too
    assert all("belongs to no stored document" in w for w in st.warnings[1:])


def test_a_figures_file_damaged_in_place_is_checked_row_by_row_when_read(store):
    st = Store.open(store)
    part = st._tables["figures"].path_of(st._tables["figures"].buckets[0])
    raw = part.read_bytes()
    first = next(iter(orjson.loads(raw)["figures"].values()))
    damaged = raw.replace(orjson.dumps(first["value"]), b"null", 1)
    part.write_bytes(damaged.ljust(len(raw)))  # same size: only reading it tells
    st = Store.open(store)
    assert not st.figures.loaded
    assert first["id"] not in st.figures and len(st.warnings) == 1
    assert "left out damaged rows (1 figures" in st.warnings[0]


def test_an_old_one_file_store_opens_rebuilt_keeping_the_users_articles(store, tmp_path):
    st = Store.open(store)
    docs = {d.id: d for d in st.documents.values()}
    old = {"documents": {str(i): {"id": d.id, "file": d.file, "title": d.title, "date": d.date, "text": d.text,
                                  "publisher": None, "author": None, "url": None, "format": "txt", "pages": [],
                                  "source": "user"} for i, d in enumerate(docs.values(), 1)},
           "passages": {}, "regions": {}, "companies": {}, "mentions": {}, "figures": {}, "extractions": {},
           "meta": {"1": {"schema_version": 1, "seeds_fingerprint": "an older extractor"}}}
    path = tmp_path / "old" / "store.json"
    path.parent.mkdir()
    path.write_bytes(orjson.dumps(old))
    reopened = Store.open(path)
    assert set(docs) <= set(reopened.documents)
    assert sorted(v["source"] for v in orjson.loads(path.read_bytes())["documents"].values()).count("user") == 2
    assert {f.text for f in reopened.figures.values() if f.doc_id in docs} == {
        f.text for f in st.figures.values()}
    assert all(text_file(path, i).exists() for i in docs)


def test_a_copy_with_its_parts_folder_opens_and_a_bare_store_file_is_one_clear_error(store, tmp_path):
    whole = copy_store(store, tmp_path / "copy.json")
    assert run(["stats", "--store", whole]).exit_code == 0
    bare = tmp_path / "bare.json"
    bare.write_bytes(store.read_bytes())
    result = run(["stats", "--store", bare])
    assert result.exit_code == 1 and result.stderr.count("\n") == 1
    assert "bare.json.d" in result.stderr and "missing" in result.stderr


def test_preload_reads_the_big_tables_and_changes_no_answer(store):
    lazy, eager = Store.open(store), Store.open(store)
    eager.preload()
    assert eager.figures.loaded and "mentions" in vars(eager) and not lazy.figures.loaded
    ids = [*lazy.regions, *lazy.companies]
    assert [lazy.figure_count(i) for i in ids] == [eager.figure_count(i) for i in ids]
    assert dict(lazy.figures) == dict(eager.figures) and lazy.mentions == eager.mentions


def test_the_detail_panes_passages_show_the_one_line_when_a_text_is_damaged(store):
    from store.query.views import figure_sentence
    st = Store.open(store)
    fig = next(iter(st.figures.values()))
    path = text_file(store, fig.doc_id)
    path.write_text(path.read_text(encoding="utf-8").upper(), encoding="utf-8")
    for view in (st.figure_passage(fig), figure_sentence(st, fig), st.passage(fig.doc_id, fig.start, fig.end)):
        assert view.text.startswith("error: ") and str(path) in view.text and "\n" not in view.text
        assert view.highlights == ()


def test_an_ingest_without_a_usable_merge_state_assembles_everything_and_gives_the_same(store, tmp_path):
    from store.export.dump import dump_store
    twin = copy_store(store, tmp_path / "twin.json")
    for merge in twin.with_name("twin.json.d").glob("tables/merge-*.json"):
        merge.write_bytes(merge.read_bytes()[:-10])  # damaged: its hash is no longer its name
    (tmp_path / "pump.txt").write_text(NEW, encoding="utf-8")
    for path in (store, twin):
        assert not build_mod.ingest(path, [tmp_path / "pump.txt"]).errors
    a, b = dump_store(Store.open(store)), dump_store(Store.open(twin))
    for table in a:
        assert sorted(map(repr, a[table])) == sorted(map(repr, b[table])), table
    assert list(twin.with_name("twin.json.d").glob("tables/merge-*.json"))  # written again, whole


def test_figure_links_are_not_stored_but_worked_out_when_asked(tmp_path):
    same = {"a.txt": "Kiln report\nJingde Kiln Works in Jiangxi fired 300 kilns in 2023.\n",
            "b.txt": "Kiln news\nJingde Kiln Works in Jiangxi fired 300 kilns in 2023, its report said.\n"}
    path = build_articles(tmp_path, same)
    st = Store.open(path)
    linked = [f for f in st.figures.values() if st.links_of(f.id).corroborated_by]
    assert len(linked) == 2 and {i for f in linked for i in st.links_of(f.id).corroborated_by} == {f.id for f in linked}
    rows = [r for p in path.with_name("store.json.d").glob("tables/figures-*.json")
            for r in orjson.loads(p.read_bytes())["figures"].values()]
    assert len(rows) == len(st.figures) and not any("corroborated_by" in r or "conflicts_with" in r for r in rows)
