"""state.json beside the store: the explorer's section only, atomic, tolerant of what others keep."""
import json

from tui.user_state import HISTORY_LIMIT, UserState, remembered_query, state_path_for


def test_state_sits_beside_the_store(tmp_path):
    assert state_path_for(tmp_path / "store.json") == tmp_path / "state.json"
    assert state_path_for(None) is None


def test_update_keeps_other_sections_and_unknown_keys(tmp_path):
    path = tmp_path / "state.json"
    path.write_text(json.dumps({"saved": {"cmp": [1, 2]}, "tui": {"future": "kept"}}))
    state = UserState(path)
    state.update(marks=["co:a"])
    assert json.loads(path.read_text()) == {"saved": {"cmp": [1, 2]}, "tui": {"future": "kept", "marks": ["co:a"]}}
    # no temporary file left (the lock file stays, as filelock leaves it)
    assert not [p for p in tmp_path.iterdir() if p.name not in ("state.json", "state.json.lock")]


def test_unreadable_or_odd_files_are_never_written_over(tmp_path):
    for content in ("{broken", "[1, 2]"):
        path = tmp_path / "state.json"
        path.write_text(content)
        state = UserState(path)
        assert state.get("marks", []) == []
        state.update(marks=["co:a"])
        assert path.read_text() == content


def test_history_moves_a_repeated_query_up_and_is_capped():
    assert remembered_query(["a", "b"], "a") == ["b", "a"]
    assert remembered_query(["a"], "  ") == ["a"]
    assert len(remembered_query([str(i) for i in range(HISTORY_LIMIT)], "new")) == HISTORY_LIMIT
