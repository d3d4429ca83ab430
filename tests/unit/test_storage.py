"""The TinyDB file: atomic writes, one read, clear errors, rebuild when seeds or schema change."""
import os

import orjson
import pytest
from tinydb import TinyDB

from store.persist import build as build_mod
from store.persist import storage
from store.persist.storage import AtomicOrjsonStorage, StoreFileError, write_atomic


def test_tinydb_round_trip_reads_file_once(tmp_path, monkeypatch):
    path = tmp_path / "db.json"
    db = TinyDB(path, storage=AtomicOrjsonStorage)
    db.table("t").insert({"a": 1})
    reads = []
    real = storage.read_store_bytes
    monkeypatch.setattr(storage, "read_store_bytes", lambda p: reads.append(p) or real(p))
    db2 = TinyDB(path, storage=AtomicOrjsonStorage)
    for _ in range(5):
        assert db2.table("t").all() == [{"a": 1}]
    assert len(reads) == 1


def test_crash_during_write_keeps_old_file(tmp_path, monkeypatch):
    path = tmp_path / "db.json"
    write_atomic(path, b'{"old": {}}')

    def boom(src, dst):
        raise OSError("disk gone")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        write_atomic(path, b'{"new": {}}')
    assert path.read_bytes() == b'{"old": {}}'
    assert [p.name for p in tmp_path.iterdir()] == ["db.json"]


def test_broken_file_raises_clear_error(tmp_path):
    path = tmp_path / "db.json"
    path.write_text("[1, 2")
    with pytest.raises(StoreFileError, match="not a valid store"):
        TinyDB(path, storage=AtomicOrjsonStorage).tables()


def test_store_is_tinydb_format(seeds_store_path):
    data = orjson.loads(seeds_store_path.read_bytes())
    assert set(data) == {"documents", "regions", "companies", "meta"}  # the big tables are files beside it
    assert TinyDB(seeds_store_path, storage=AtomicOrjsonStorage).table("documents").count(lambda r: True) == 5
    tables = seeds_store_path.with_name("store.json.d") / "tables"
    for name in ("figures", "mentions"):  # TinyDB files each, one per shard of documents
        parts = list(tables.glob(f"{name}-*.json"))
        assert parts and all(TinyDB(p, storage=AtomicOrjsonStorage).table(name).count(lambda r: True) > 0
                             for p in parts)


def test_rebuild_when_seeds_change_keeps_user_documents(tmp_path, monkeypatch):
    path = tmp_path / "s.json"
    build_mod.ensure_store(path)
    user = tmp_path / "mine.txt"
    user.write_text("Mine\nHubei Sanjiang Boat Group built 40 boats in 2023.\n", encoding="utf-8")
    build_mod.ingest(path, [user])
    assert not build_mod.needs_rebuild(path)
    monkeypatch.setattr(build_mod, "seeds_fingerprint", lambda: "changed")
    assert build_mod.needs_rebuild(path)
    assert build_mod.ensure_store(path) is True
    docs, sources = build_mod.stored_documents(path)
    assert "mine.txt" in {d.file for d in docs}
    assert sorted(sources.values()).count("bundled") == 5


def test_ingest_reuses_stored_extractions_and_equals_a_full_build(tmp_path, monkeypatch):
    from store.export.dump import dump_store
    from store.extract import pipeline
    from store.query.api import Store
    article = tmp_path / "mine.txt"
    article.write_text("Mine\nHubei Sanjiang Boat Group built 40 boats in 2023, up 12%.\n", encoding="utf-8")
    incremental = tmp_path / "inc.json"
    build_mod.ensure_store(incremental)
    extracted = []
    real_extract = pipeline.extract
    monkeypatch.setattr(pipeline, "extract", lambda doc: extracted.append(doc.file) or real_extract(doc))
    monkeypatch.setattr(pipeline, "assemble", lambda *a, **k: pytest.fail("ingest assembled everything again"))
    build_mod.ingest(incremental, [article])
    assert extracted == ["mine.txt"]  # the five stored seeds came from the cache
    monkeypatch.undo()
    full = tmp_path / "full.json"
    build_mod.build(full, [build_mod.bundled_seeds_dir(), article])
    a, b = dump_store(Store.open(incremental)), dump_store(Store.open(full))
    for table in ("documents", "regions", "companies", "mentions", "figures"):  # rows ordered aside
        assert sorted(map(repr, a[table])) == sorted(map(repr, b[table])), table

