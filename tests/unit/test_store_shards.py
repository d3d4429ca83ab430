"""Figures and mentions in shards by document: rows back in the order written, an ingest rewrites
only the shards it changes and gives what a build gives, links worked out instead of stored."""
import orjson
import pytest

from store.articles import documents as readers
from store.errors import StoreFileError
from store.export.dump import dump_store
from store.extract.corroborate import link_figures
from store.extract.pipeline import run as run_pipeline
from store.persist import build as build_mod
from store.persist.shards import SHARDS, ShardedRows, TableUpdate, bucket_of, write_table
from store.query.api import Store
from tests.unit.article_store import build_articles
from tests.unit.test_company_merging import ARTICLES as RENAMING


def _rows(docs: int, per_doc: int = 3) -> list[dict]:
    """Rows of many documents, interleaved (as company mentions are: by company, then document)."""
    return [{"doc_id": f"doc{d}", "n": n} for n in range(per_doc) for d in range(docs)]


def test_rows_come_back_from_their_shards_in_the_order_written(tmp_path):
    rows = _rows(40)
    record = write_table(tmp_path, "mentions", TableUpdate.whole(rows))
    assert len(record["shards"]) > 10 and record["rows"] == len(rows) and record["next"] == len(rows) + 1
    assert ShardedRows(tmp_path, "mentions", record).load() == (rows, True)
    for bucket, shard in record["shards"].items():
        assert shard["file"].startswith(f"mentions-{bucket}-")
        assert {r["doc_id"] for r in orjson.loads((tmp_path / shard["file"]).read_bytes())["mentions"].values()} \
            <= {f"doc{d}" for d in range(40) if bucket_of(f"doc{d}") == bucket}


def test_an_update_writes_only_the_changed_shard_and_its_rows_go_last(tmp_path):
    rows = _rows(40)
    before = write_table(tmp_path, "mentions", TableUpdate.whole(rows))
    table = ShardedRows(tmp_path, "mentions", before)
    bucket = bucket_of("doc7")
    pairs, intact = table.shard(bucket)
    new = [{"doc_id": "doc7", "n": 9}]
    changed = {bucket: [(k, r) for k, r in pairs if r["doc_id"] != "doc7"] + [(before["next"], new[0])]}
    after = write_table(tmp_path, "mentions", TableUpdate(changed, {**before, "next": before["next"] + 1}))
    assert intact and after["shards"][bucket] != before["shards"][bucket]
    assert {b: s for b, s in after["shards"].items() if b != bucket} == \
        {b: s for b, s in before["shards"].items() if b != bucket}
    assert ShardedRows(tmp_path, "mentions", after).load() == ([r for r in rows if r["doc_id"] != "doc7"] + new, True)


def test_buckets_spread_documents_and_stay_put():
    buckets = {bucket_of(f"{i:016x}") for i in range(2000)}
    assert len(buckets) == SHARDS and bucket_of("abc") == bucket_of("abc")


def _stored_table_files(path) -> set[str]:
    return {p.name for p in path.with_name(path.name + ".d").glob("tables/*-*.json")}


def test_an_ingest_that_renames_a_firm_rewrites_its_old_articles_shards_and_equals_a_build(tmp_path):
    names = [f"a{i}.txt" for i in range(len(RENAMING))]
    (tmp_path / "inc").mkdir()
    (tmp_path / "full").mkdir()
    incremental = build_articles(tmp_path / "inc", dict(zip(names[:1], RENAMING[:1])))
    files_before = _stored_table_files(incremental)
    for name, text in zip(names[1:], RENAMING[1:]):
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert not build_mod.ingest(incremental, [tmp_path / name]).errors
    full = build_articles(tmp_path / "full", dict(zip(names, RENAMING)))
    a, b = dump_store(Store.open(incremental)), dump_store(Store.open(full))
    for table in a:  # links included: worked out from the figures, whichever way they were stored
        assert sorted(map(repr, a[table])) == sorted(map(repr, b[table])), table
    assert any(f["conflicts_with"] for f in a["figures"]) and any(f["corroborated_by"] for f in a["figures"])
    first = Store.open(incremental)
    old_doc = next(d.id for d in first.documents.values() if d.file == "a0.txt")
    rewritten = {f for f in files_before if f.startswith(("figures", "mentions"))} - _stored_table_files(incremental)
    assert {f.split("-")[1] for f in rewritten} >= {bucket_of(old_doc)}  # the renamed firm's old article
    bak = orjson.loads(incremental.with_name("store.json.bak").read_bytes())  # the store before the last ingest
    named = [s["file"] for part in next(iter(bak["meta"].values()))["parts"].values()
             for s in (part.get("shards") or {"": part}).values()]
    assert named and all(f in _stored_table_files(incremental) | {p.name for p in incremental.with_name(
        "store.json.d").glob("tables/merge-*")} for f in named)  # kept whole for it
    meta = [Store.open(p).meta for p in (incremental, full)]
    assert meta[0]["subject_figures"] == meta[1]["subject_figures"]
    assert all(meta[0]["parts"][t]["rows"] == meta[1]["parts"][t]["rows"] > 0 for t in ("figures", "mentions"))


def test_the_links_worked_out_are_those_a_build_linked_on_the_seeds(seeds_store):
    corpus = run_pipeline(readers.read_documents([build_mod.bundled_seeds_dir()]).documents)
    linked = link_figures(corpus.figures)  # what the store kept per figure before links were derived
    dumped = {f["id"]: (tuple(f["corroborated_by"]), tuple(f["conflicts_with"])) for f in dump_store(seeds_store)["figures"]}
    assert dumped == {i: (link.corroborated_by, link.conflicts_with) for i, link in linked.items() if i in dumped}
    assert any(c for c, _ in dumped.values())


def test_a_store_of_the_unsharded_layout_opens_rebuilt_keeping_the_users_articles(tmp_path):
    path = build_articles(tmp_path, {"pump.txt": "Pump report\nHunan Deep Pump Co. in Changsha sold 1,200 pumps in 2024.\n"})
    data = orjson.loads(path.read_bytes())
    meta = data["meta"]["1"]
    meta["schema_version"], meta["seeds_fingerprint"] = 2, "an older extractor"  # as schema 2 wrote it:
    meta["parts"] = {t: {"file": f"{t}-0123.json", "size": 10, "rows": 1} for t in ("figures", "mentions")}
    path.write_bytes(orjson.dumps(data))  # one file per big table, named in "file"
    reopened = Store.open(path)
    assert [d.file for d in reopened.documents.values() if d.file == "pump.txt"] == ["pump.txt"]
    assert any(f.text == "1,200 pumps" for f in reopened.figures.values())
    assert Store.open(path).meta["schema_version"] == 3 and "shards" in Store.open(path).meta["parts"]["figures"]


STORED = {"kilns.txt": "Kiln report\nJingde Kiln Works in Jiangxi fired 300 kilns in 2023, and its sales rose 9%.\n",
          "bikes.txt": "Bike report\nTianjin Swift Bicycle Group made 80,000 bicycles in 2022.\n"}
PUMPS = "Pump report\nHunan Deep Pump Co. in Changsha sold 1,200 pumps in 2024.\n"


def _kept_shard(path, new_text: str):
    """A figures shard file an ingest of `new_text` does not rewrite."""
    from store.articles.parsed import document_id
    shards = Store.open(path).meta["parts"]["figures"]["shards"]
    bucket = next(b for b in shards if b != bucket_of(document_id(new_text)))
    return path.with_name(path.name + ".d") / "tables" / shards[bucket]["file"]


def test_an_ingest_reads_a_kept_shard_written_since_and_refuses_its_damage(tmp_path):
    path = build_articles(tmp_path, STORED)
    (tmp_path / "pumps.txt").write_text(PUMPS, encoding="utf-8")
    shard = _kept_shard(path, PUMPS)
    raw = shard.read_bytes()
    first = next(iter(orjson.loads(raw)["figures"].values()))
    start = f'"start":{first["start"]}'.encode()
    shard.write_bytes(raw.replace(start, f'"start":{"9" * len(str(first["start"]))}'.encode(), 1))  # same size
    before, damaged = path.read_bytes(), shard.read_bytes()
    with pytest.raises(StoreFileError) as err:
        build_mod.ingest(path, [tmp_path / "pumps.txt"])
    assert "left out damaged rows (1 figures" in err.value.message and "\n" not in err.value.message
    assert path.read_bytes() == before and shard.read_bytes() == damaged


def test_an_ingest_trusts_kept_shards_as_written_and_checks_one_touched_once(tmp_path, monkeypatch):
    path = build_articles(tmp_path, STORED)
    (tmp_path / "pumps.txt").write_text(PUMPS, encoding="utf-8")
    shard = _kept_shard(path, PUMPS)
    shard.write_bytes(shard.read_bytes())  # the same bytes, written again: read and checked
    reads = []
    real = ShardedRows.shard
    monkeypatch.setattr(ShardedRows, "shard", lambda self, b: reads.append(self.record["shards"].get(b, {}).get("file"))
                        or real(self, b))  # None: the new article's bucket had no shard yet
    assert not build_mod.ingest(path, [tmp_path / "pumps.txt"]).errors
    from store.articles.parsed import document_id
    assert reads.count(shard.name) == 1  # and no other stored shard but those the ingest rewrites
    assert {r.split("-")[1] for r in reads if r not in (None, shard.name)} <= {bucket_of(document_id(PUMPS))}
    reads.clear()
    (tmp_path / "more.txt").write_text(PUMPS.replace("Pump", "Valve"), encoding="utf-8")
    assert not build_mod.ingest(path, [tmp_path / "more.txt"]).errors
    assert shard.name not in reads  # its time was recorded when it was checked
