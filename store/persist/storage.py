"""TinyDB storage that reads once with orjson, checks the file's shape, and writes atomically.

A write goes to a temporary file in the store's folder (named after the store and the writing
process), is fsynced, replaces the store with `os.replace`, and the folder is fsynced, so a
crash at any moment leaves the old store or the new one. The replaced store is kept as
`STORE.bak`. A symbolic link at the store path is written through to its target, whose mode
is kept.
"""
from __future__ import annotations

import errno
import os
import re
import shutil
import stat
import tempfile
import time
from pathlib import Path

import orjson
from tinydb.storages import Storage

from ..errors import StoreFileError

REPAIR_HINT = "run `mfg-explore repair` to move it aside and rebuild, keeping your articles"
TEMP_MAX_AGE = 60.0  # seconds: an older temporary file is debris whoever wrote it
# New files get the mode a plain `open` would give them (read once: os.umask can only be read
# by setting it, which is not safe while other threads create files).
_UMASK = os.umask(0o022)
os.umask(_UMASK)


class AtomicOrjsonStorage(Storage):
    """Whole-file JSON storage: one orjson read, kept in memory; writes replace the file atomically."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self._cache: dict | None = None

    def read(self) -> dict | None:
        """The whole database as a dict (None when the file does not exist yet)."""
        if self._cache is None:
            raw = read_store_bytes(self.path)
            if raw is None:
                return None
            self._cache = parse_store(self.path, raw)
        return self._cache

    def write(self, data: dict) -> None:
        """Replace the file with `data`, atomically, keeping the replaced file as STORE.bak."""
        try:
            resolved(self.path).parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.path, orjson.dumps(data), backup=True)
        except OSError as exc:
            raise StoreFileError(f"{self.path}: cannot write the store ({exc.strerror or exc}); "
                                 "choose a writable --store path") from None
        self._cache = data

    def close(self) -> None:
        """Nothing to release: the file is closed after every read and write."""


def _kind(mode: int) -> str:
    """What a non-regular file is, in words."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a socket" if stat.S_ISSOCK(mode) else "not a regular file"


def store_exists(path: Path) -> bool:
    """True when there is something at the store path; StoreFileError when it cannot be told
    (a link loop, a path through a file, no permission), which `Path.exists` hides as False."""
    try:
        os.stat(path)
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise StoreFileError(f"{path}: cannot read the store ({exc.strerror or exc}); "
                             "check the path and its permissions, or choose another --store path") from None
    return True


def read_store_bytes(path: Path) -> bytes | None:
    """The store file's bytes (None when there is none); anything but a regular file is refused."""
    try:
        # O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StoreFileError(f"{path}: cannot read the store ({exc.strerror or exc}); "
                             "check the path and its permissions, or choose another --store path") from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise StoreFileError(f"{path}: is {_kind(mode)}, not a store file; "
                                 "choose a file path for --store")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read()
    except OSError as exc:
        raise StoreFileError(f"{path}: cannot read the store ({exc.strerror or exc}); "
                             "check the file, or choose another --store path") from None
    finally:
        os.close(fd)


def parse_store(path: Path, raw: bytes) -> dict:
    """The parsed store: a dict of tables, each a dict of rows; StoreFileError naming what is wrong."""
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise StoreFileError(f"{path}: not a valid store (broken JSON: {exc.msg} at byte {exc.pos}); "
                             + REPAIR_HINT) from None
    if not isinstance(data, dict):
        raise StoreFileError(f"{path}: not an mfg-explore store (JSON {type(data).__name__}, not an "
                             "object); choose another --store path")
    for name, table in data.items():
        if not isinstance(table, dict):
            raise StoreFileError(f"{path}: table {name!r} is a JSON {_json_type(table)}, not a table; "
                                 + REPAIR_HINT)
    return data


def _json_type(value) -> str:
    """The JSON name of a parsed value's type."""
    return {list: "array", str: "string", int: "number", float: "number", bool: "boolean",
            type(None): "null"}.get(type(value), type(value).__name__)


def resolved(path: Path) -> Path:
    """The file a write lands in: a symbolic link's target (so the link stays a link)."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def write_atomic(path: Path, payload: bytes, backup: bool = False) -> None:
    """Write bytes to `path` so that readers see the old file or the new one, never half.

    The new file keeps the old one's permissions; with `backup`, the old one stays as `PATH.bak`.
    """
    target = resolved(Path(path))
    try:
        st = target.stat()
    except FileNotFoundError:
        mode = 0o666 & ~_UMASK
    else:
        if not stat.S_ISREG(st.st_mode):  # never replace a folder, pipe or device by a file
            raise OSError(errno.EEXIST, f"{_kind(st.st_mode)} is at that path, not a file")
        mode = stat.S_IMODE(st.st_mode)
    fd, tmp = tempfile.mkstemp(prefix=temp_prefix(target), suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), mode)
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        if backup:
            keep_backup(target)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    fsync_folder(target.parent)


def write_new(path: Path, payload: bytes) -> None:
    """Create `path` with `payload`, whole or not at all; FileExistsError if it is already there.

    The bytes go to a temporary file first, which is then hard-linked to `path`: linking fails
    when the name exists, so a file that appeared meanwhile is never replaced.
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=temp_prefix(path), suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), 0o666 & ~_UMASK)
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.link(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)
    fsync_folder(path.parent)


def write_once(path: Path, payload: bytes) -> bool:
    """Make a content-addressed file hold `payload`: created whole when missing, replaced
    (atomically) when damaged, left alone when it already holds those bytes; True if written."""
    path = Path(path)
    try:
        if path.read_bytes() == payload:
            return False
    except FileNotFoundError:
        try:
            write_new(path, payload)
            return True
        except FileExistsError:  # another writer made it meanwhile
            return write_once(path, payload)
    write_atomic(path, payload)
    return True


def parts_folder(path: Path) -> Path:
    """`STORE.d` beside the (resolved) store file: the texts and tables the store file names.

    `STORE.bak` shares its store's folder (the parts it names are kept until it is replaced),
    so the backup opens as a store too.
    """
    target = resolved(Path(path))
    name = target.name[:-4] if target.name.endswith(".bak") and len(target.name) > 4 else target.name
    return target.with_name(name + ".d")


def backup_path(path: Path) -> Path:
    """Where the previous store is kept: `STORE.bak` beside the (resolved) store file."""
    target = resolved(Path(path))
    return target.with_name(target.name + ".bak")


def keep_backup(target: Path) -> None:
    """Make the current file `TARGET.bak` (a hard link, so nothing is copied), atomically."""
    if not target.is_file():
        return
    bak = backup_path(target)
    tmp = bak.with_name(f"{temp_prefix(bak)}link.tmp")
    tmp.unlink(missing_ok=True)
    try:
        os.link(target, tmp)
    except OSError:  # a file system without hard links: copy instead
        shutil.copy2(target, tmp)
    os.replace(tmp, bak)


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (where the file system allows it)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot fsync a folder; the rename itself is still atomic
    finally:
        os.close(fd)


def temp_prefix(target: Path) -> str:
    """The start of a temporary file's name: hidden, the file it is for, the writing process."""
    return f".{target.name}.{os.getpid()}."


def _pid_alive(pid: int) -> bool:
    """True when a process with this id exists."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def stale_temp_files(path: Path, now: float | None = None) -> list[Path]:
    """Temporary files of the store at `path` left by a crash: the writer is gone, or they are old."""
    target = resolved(Path(path))
    if not target.parent.is_dir():
        return []
    now = time.time() if now is None else now
    own = re.compile(rf"\.{re.escape(target.name)}(?:\.bak)?\.(\d+)\.")
    stale = []
    for tmp, m in _temp_files(target, own):
        try:
            age = now - tmp.lstat().st_mtime
        except FileNotFoundError:
            continue  # its writer finished meanwhile
        if age > TEMP_MAX_AGE or (m and not _pid_alive(int(m.group(1)))):
            stale.append(tmp)
    return stale


_PART_TEMP = re.compile(r"\.[^/]+?\.(\d+)\.")


def _temp_files(target: Path, own: re.Pattern) -> list[tuple[Path, re.Match | None]]:
    """Temporary files of the store file beside it, and of its parts in `STORE.d` (each with
    the match that holds its writer's process id, if its name has one)."""
    found = [(t, own.match(t.name)) for t in target.parent.glob(f".{glob_escape(target.name)}*.tmp")]
    folder = parts_folder(target)
    if folder.is_dir():
        found += [(t, _PART_TEMP.match(t.name)) for t in folder.glob("**/.*.tmp")]
    return found


def glob_escape(name: str) -> str:
    """`name` with glob's special characters made literal."""
    return re.sub(r"([*?\[])", r"[\1]", name)
