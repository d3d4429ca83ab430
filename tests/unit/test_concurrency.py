"""One writer at a time, and crashes that cost nothing: real processes on a real store file.

The store is small (articles written for the tests), so each case takes seconds.
"""
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from store.persist import lock
from store.persist.build import build
from store.persist.storage import backup_path, stale_temp_files
from store.query.api import Store
from tests.unit.fast_cli import run
from tests.unit.other_process import holding_lock

WORKER = Path(__file__).with_name("store_worker.py")
ROUNDS = 10
KILLS = 20


def _article(folder: Path, name: str, n: int) -> Path:
    path = folder / name
    path.write_text(f"Report {name}\nQinghe Tool Works {n} made {n * 100} drills in 2023.\n", encoding="utf-8")
    return path


def _titles(store_path: Path) -> set[str]:
    return {d.title for d in Store.open(store_path).documents.values()}


def test_two_processes_ingesting_at_once_lose_nothing(tmp_path):
    store = tmp_path / "store.json"
    assert not build(store, [_article(tmp_path, "base.txt", 0)]).errors
    batches = [[_article(tmp_path, f"{who}{i}.txt", 10 * k + i + 1) for i in range(ROUNDS)]
               for k, who in enumerate("ab")]
    workers = [subprocess.Popen([sys.executable, str(WORKER), "ingest", str(store), *map(str, files)],
                                stderr=subprocess.PIPE, text=True) for files in batches]
    for worker in workers:
        assert worker.wait(timeout=120) == 0, worker.stderr.read()
    expected = {"Report base.txt"} | {f"Report {p.name}" for files in batches for p in files}
    assert _titles(store) == expected


def test_a_second_writer_gives_up_with_one_line(tmp_path, monkeypatch):
    store = tmp_path / "store.json"
    assert not build(store, [_article(tmp_path, "base.txt", 0)]).errors
    before = store.read_bytes()
    with holding_lock(store):
        monkeypatch.setattr(lock, "LOCK_WAIT", 0.3)
        result = run(["ingest", _article(tmp_path, "new.txt", 5), "--store", store])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"error: {store}: store is busy (another mfg-explore is writing it); try again when it has finished"]
    assert store.read_bytes() == before


def _another_process_can_lock(store: Path) -> bool:
    code = ("import sys; from filelock import FileLock, Timeout\n"
            "try: FileLock(sys.argv[1]).acquire(timeout=0)\nexcept Timeout: sys.exit(3)")
    return subprocess.run([sys.executable, "-c", code, str(lock.lock_path(store))]).returncode == 0


def test_the_lock_is_held_until_the_outermost_writer_is_done(tmp_path):
    store = tmp_path / "store.json"
    with lock.writing(store):
        with lock.writing(store, wait=0):  # a rebuild inside an ingest: the same process goes on
            assert not _another_process_can_lock(store)
        assert not _another_process_can_lock(store)
    assert _another_process_can_lock(store)


def _kill_at_random(spawner, rng) -> int:
    """Start one build-and-ingest loop, SIGKILL it after a random delay; its wait status."""
    spawner.stdin.write("go\n")
    spawner.stdin.flush()
    pid = int(spawner.stdout.readline())
    time.sleep(rng.uniform(0.0, 0.4))
    os.kill(pid, signal.SIGKILL)
    reaped = spawner.stdout.readline().split()
    assert reaped[0] == "reaped"
    return int(reaped[1])


def test_sigkill_during_build_and_ingest_never_breaks_the_store(tmp_path):
    store = tmp_path / "store.json"
    built, added = _article(tmp_path, "built.txt", 1), _article(tmp_path, "added.txt", 2)
    old, new = {"Report built.txt"}, {"Report built.txt", "Report added.txt"}
    spawner = subprocess.Popen([sys.executable, str(WORKER), "spawn", str(store), str(built), str(added)],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    rng = random.Random(12)
    left_behind = 0
    try:
        for _ in range(KILLS):
            status = _kill_at_random(spawner, rng)
            assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
            left_behind += len(stale_temp_files(store))
            assert _titles(store) in (old, new)  # the next start: old content or new
            assert stale_temp_files(store) == [] and not list(tmp_path.glob(".store.json*.tmp"))
            if backup_path(store).exists():
                assert _titles(backup_path(store)) in (old, new)
    finally:
        spawner.kill()
        spawner.wait()
    print(f"{KILLS} kills, {left_behind} temporary files left behind and cleaned on the next start")
