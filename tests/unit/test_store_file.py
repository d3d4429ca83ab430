"""The store file's crash hygiene: mode, symlinks, backup, fsync, temporary files, odd paths."""
import errno
import os
import stat
import time

import pytest

from store.errors import ExportError, StoreFileError
from store.export.files import write_markdown
from store.persist import lock, storage
from store.persist.storage import (
    AtomicOrjsonStorage,
    backup_path,
    read_store_bytes,
    stale_temp_files,
    write_atomic,
)
from tests.unit.other_process import dead_pid, holding_lock


def test_a_write_keeps_the_mode_and_the_old_store_as_bak(tmp_path):
    path = tmp_path / "store.json"
    path.write_bytes(b'{"old": {}}')
    path.chmod(0o640)
    write_atomic(path, b'{"new": {}}', backup=True)
    assert path.read_bytes() == b'{"new": {}}'
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert backup_path(path).read_bytes() == b'{"old": {}}'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store.json", "store.json.bak"]


def test_a_symlinked_store_is_written_through_to_its_target(tmp_path):
    real = tmp_path / "data" / "real.json"
    real.parent.mkdir()
    real.write_bytes(b'{"old": {}}')
    real.chmod(0o644)
    link = tmp_path / "store.json"
    link.symlink_to(real)
    AtomicOrjsonStorage(link).write({"new": {}})
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes() == b'{"new":{}}'
    assert stat.S_IMODE(real.stat().st_mode) == 0o644
    assert (real.parent / "real.json.bak").read_bytes() == b'{"old": {}}'


def test_the_folder_is_fsynced_after_the_replace(tmp_path, monkeypatch):
    synced = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: synced.append(stat.S_ISDIR(os.fstat(fd).st_mode)) or real_fsync(fd))
    write_atomic(tmp_path / "store.json", b"{}")
    assert synced == [False, True]  # the file's bytes, then the folder's entry


def test_a_full_disk_leaves_the_old_export_whole(tmp_path, monkeypatch):
    path = tmp_path / "out.md"
    path.write_text("old export\n")

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(ExportError, match="No space left on device"):
        write_markdown(path, "new export\n" * 1000, overwrite=True)
    assert path.read_text() == "old export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]


def test_an_export_without_force_never_replaces_a_file_that_appeared(tmp_path, monkeypatch):
    path = tmp_path / "out.md"
    real_link = os.link

    def racing_link(src, dst):
        path.write_text("someone else's\n")  # created between our check and our write
        return real_link(src, dst)

    monkeypatch.setattr(os, "link", racing_link)
    with pytest.raises(ExportError, match="already exists"):
        write_markdown(path, "ours\n")
    assert path.read_text() == "someone else's\n"


def test_temporary_files_of_dead_writers_and_old_ones_are_stale(tmp_path):
    store = tmp_path / "store.json"
    dead = tmp_path / f".store.json.{dead_pid()}.abc.tmp"
    alive = tmp_path / f".store.json.{os.getpid()}.abc.tmp"
    foreign = tmp_path / ".store.json.written-by-an-older-version.tmp"
    old = tmp_path / ".store.json.bak.999999.link.tmp"
    other = tmp_path / ".other.json.1.x.tmp"
    for path in (dead, alive, foreign, old, other):
        path.write_bytes(b"{")
    past = time.time() - 2 * storage.TEMP_MAX_AGE
    os.utime(old, (past, past))
    assert sorted(stale_temp_files(store)) == sorted([dead, old])
    assert lock.tidy(store) == 2
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".tmp") == sorted(
        [alive.name, foreign.name, other.name])


def test_temporary_files_are_left_alone_while_a_writer_holds_the_lock(tmp_path):
    store = tmp_path / "store.json"
    dead = tmp_path / f".store.json.{dead_pid()}.abc.tmp"
    dead.write_bytes(b"{")
    with holding_lock(store):
        assert lock.tidy(store) == 0 and dead.exists()
    assert lock.tidy(store) == 1 and not dead.exists()


@pytest.mark.parametrize("make, kind", [
    (lambda p: p.mkdir(), "a folder"),
    (lambda p: os.mkfifo(p), "a named pipe"),
    (lambda p: p.symlink_to("/dev/null"), "a device"),
])
def test_a_folder_pipe_or_device_at_the_store_path_is_refused_at_once(tmp_path, make, kind):
    path = tmp_path / "store.json"
    make(path)
    with pytest.raises(StoreFileError, match=f"is {kind}"):
        read_store_bytes(path)  # a FIFO with no writer would block a plain open() forever
    with pytest.raises(OSError, match="not a file"):
        write_atomic(path, b"{}")  # and it is never replaced by a file


def test_a_symlink_loop_is_one_clear_error(tmp_path):
    path = tmp_path / "store.json"
    path.symlink_to(path)
    with pytest.raises(StoreFileError, match="cannot read the store"):
        read_store_bytes(path)
