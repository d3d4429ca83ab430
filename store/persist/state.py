"""The user's own state, kept apart from the derived store: `state.json` beside the store file.

    {"version": 1,
     "decisions": [{"op": "merge", ...}, {"op": "split", ...}, {"op": "figure", ...}],
     "saved": {"name": {"items": [entity ids], "names": [their names], "empty_rows": false}},
     "tui": {...}}                       the explorer's own section (marks, history, last view)

The store can be rebuilt, upgraded, repaired or lost: this file is never derived from it, so
what the user decided survives, and is applied again to whatever the store holds
(decisions.py). It is read tolerantly (a missing or unreadable file means no state, unknown
keys and unknown decisions are kept as they are) and written atomically, by read-modify-write
under its own lock (`state.json.lock`), so two programs changing it (the explorer remembering
marks, a command recording a merge) never lose each other's change.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

import orjson

from ..errors import StoreFileError
from .lock import writing
from .storage import write_atomic

STATE_FILE = "state.json"
VERSION = 1


def state_path(store_path: Path) -> Path:
    """`state.json` in the store's folder."""
    return Path(store_path).with_name(STATE_FILE)


@dataclass
class UserState:
    """What state.json holds; `problem` says why it could not be read (then nothing is used)."""

    whole: dict = field(default_factory=dict)
    problem: str | None = None

    @property
    def decisions(self) -> list[dict]:
        """The entity decisions, oldest first (entries that are not objects are skipped)."""
        found = self.whole.get("decisions")
        return [d for d in found if isinstance(d, dict)] if isinstance(found, list) else []

    @property
    def saved(self) -> dict[str, dict]:
        """Saved comparisons by name."""
        found = self.whole.get("saved")
        if not isinstance(found, dict):
            return {}
        return {k: v for k, v in found.items() if isinstance(v, dict) and isinstance(v.get("items"), list)}


def _read_whole(path: Path) -> tuple[dict, str | None]:
    """The file as a dict ({} when absent), and the reason it cannot be used, if any."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}, None
    except OSError as exc:
        return {}, f"cannot read it ({exc.strerror or exc})"
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        return {}, f"broken JSON ({exc.msg} at byte {exc.pos})"
    if not isinstance(data, dict):
        return {}, "not a JSON object"
    return data, None


def read_state(store_path: Path | None) -> UserState:
    """The user state beside the store (empty for a store with no file, or no state yet)."""
    if store_path is None:
        return UserState()
    whole, problem = _read_whole(state_path(store_path))
    return UserState(whole, problem)


def update_state(store_path: Path, change: Callable[[dict], object], wait: float | None = None):
    """Read the state.json beside the store, let `change` edit it in place, write it back;
    `change`'s result. See `update_state_file`."""
    return update_state_file(state_path(store_path), change, wait)


def update_state_file(path: Path, change: Callable[[dict], object], wait: float | None = None):
    """Read a user-state file, let `change` edit the dict in place, write it back atomically.

    Under the file's own write lock (`state.json.lock`: one state.json serves every store in its
    folder), so an edit is never lost to another writer. An unreadable file is never written
    over: StoreFileError says so and what to do.
    """
    path = Path(path)
    with writing(path, wait):
        whole, problem = _read_whole(path)
        if problem:
            raise StoreFileError(f"{path}: cannot use your saved state ({problem}); it was left as "
                                 "it is: fix it, or move it aside to start afresh")
        result = change(whole)
        try:
            write_atomic(path, orjson.dumps(whole, option=orjson.OPT_INDENT_2))
        except OSError as exc:
            raise StoreFileError(f"{path}: cannot write your state ({exc.strerror or exc}); "
                                 "check the folder's permissions") from None
    return result


def on_disk(store_path: Path | None, ignore: tuple[str, ...] = ()) -> tuple:
    """What the store file and the user state are now: the store file's inode, size and
    modification time, and the user state's content but its `ignore`d sections (a program's
    own, which it writes itself). A change means another program wrote one of them."""
    if store_path is None:
        return ()
    try:
        st = Path(store_path).stat()
        store = (st.st_ino, st.st_size, st.st_mtime_ns)
    except OSError:
        store = None
    whole, problem = _read_whole(state_path(store_path))
    state = problem or orjson.dumps({k: v for k, v in whole.items() if k not in ignore},
                                    option=orjson.OPT_SORT_KEYS)
    return store, state


def now_stamp() -> str:
    """The current time as an ISO 8601 string (UTC), for when a decision was made."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def add_decision(store_path: Path, decision: dict) -> None:
    """Append one decision (stamped with the time) to the user state."""
    def change(whole: dict) -> None:
        if not isinstance(whole.get("decisions"), list):
            whole["decisions"] = []
        whole["decisions"].append({**decision, "at": now_stamp()})
        whole["version"] = VERSION
    update_state(store_path, change)


def remove_decisions(store_path: Path, keep: Callable[[dict], bool]) -> list[dict]:
    """Drop the decisions `keep` says no to; the dropped ones."""
    def change(whole: dict) -> list[dict]:
        found = whole.get("decisions")
        if not isinstance(found, list):
            return []
        whole["decisions"] = [d for d in found if not isinstance(d, dict) or keep(d)]
        return [d for d in found if isinstance(d, dict) and not keep(d)]
    return update_state(store_path, change)


def set_saved(store_path: Path, name: str, entry: dict | None) -> None:
    """Save (or with None, delete) a named comparison."""
    def change(whole: dict) -> None:
        saved = whole.get("saved") if isinstance(whole.get("saved"), dict) else {}
        if entry is None:
            saved.pop(name, None)
        else:
            saved[name] = {**entry, "at": now_stamp()}
        whole["saved"] = saved
        whole["version"] = VERSION
    update_state(store_path, change)
