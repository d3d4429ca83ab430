"""Pilot tests of what the explorer remembers and lets users change: marks, history, view, keys."""
from __future__ import annotations

import json

from store import Store
from tui.app import MfgExplorer
from tui.screens.compare import CompareScreen
from tui.screens.marks import MarksScreen
from tui.state import Selection
from tui.widgets.results import ResultsTable
from tui.widgets.search_bar import SearchBar

from .conftest import linked_corpus
from .helpers import screen_text

SIZE = (120, 36)


def explorer(state_path, keymap=None) -> MfgExplorer:
    """A fresh app (as after a restart) on the linked store, remembering in `state_path`."""
    return MfgExplorer(store=Store.from_corpus(linked_corpus()), state_path=state_path, keymap=keymap)


async def test_marks_view_filters_and_history_survive_a_restart(tmp_path):
    state = tmp_path / "state.json"
    state.write_text(json.dumps({"locks": {"kept": True}}))  # another part's state: left as it is
    first = explorer(state)
    async with first.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"beifang")
        await pilot.app.workers.wait_for_complete()
        await pilot.press("enter", "space")  # remember the query, mark the company
        await pilot.press("slash", *["backspace"] * 7, *"qinglan")
        await pilot.app.workers.wait_for_complete()
        await pilot.press("down", "space", "down")  # mark Qinglan, show its first figure
        await pilot.pause()
        pilot.app.add_filter("category", "sales")
        shown = pilot.app.current
        await pilot.press("q")
    saved = json.loads(state.read_text())
    assert saved["locks"] == {"kept": True}
    assert saved["tui"]["marks"] == ["co:beifang", "co:qinglan"]
    assert saved["tui"]["history"] == ["beifang", "qinglan"]

    again = explorer(state)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert pilot.app.marked == ("co:beifang", "co:qinglan")
        assert pilot.app.filters.categories == ("sales",)
        bar = pilot.app.screen.query_one(SearchBar)
        assert bar.value == "qinglan" and pilot.app.current == shown
        assert 'search “qinglan”' in screen_text(pilot.app)
        await pilot.press("slash", "up")  # history, across the restart
        assert bar.value == "qinglan"
        await pilot.press("up")
        assert bar.value == "beifang"
        await pilot.press("down", "down")  # back past the newest: what was typed, then the results
        assert bar.value == "qinglan"
        await pilot.press("down")
        assert isinstance(pilot.app.focused, ResultsTable)


async def test_a_broken_state_file_is_left_alone(tmp_path):
    state = tmp_path / "state.json"
    state.write_text("{not json")
    async with explorer(state).run_test(size=SIZE) as pilot:
        pilot.app.marked = ("co:qinglan",)
        await pilot.press("q")
    assert state.read_text() == "{not json"


async def test_marks_list_unmarks_reorders_and_compares_in_order(tmp_path):
    async with explorer(tmp_path / "state.json").run_test(size=SIZE) as pilot:
        pilot.app.marked = ("co:qinglan", "co:beifang", "cn:41")
        await pilot.press("M")
        await pilot.pause()
        assert isinstance(pilot.app.screen, MarksScreen)
        assert "Beifang Hoist Co." in screen_text(pilot.app)
        await pilot.press("J")  # Qinglan one place down
        assert pilot.app.marked == ("co:beifang", "co:qinglan", "cn:41")
        await pilot.press("down", "space")  # unmark Henan Province
        assert pilot.app.marked == ("co:beifang", "co:qinglan")
        await pilot.press("up", "K")  # already first: stays
        assert pilot.app.marked == ("co:beifang", "co:qinglan")
        await pilot.press("c")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, CompareScreen)
        assert [c.entity_id for c in screen.comparison.columns] == ["co:beifang", "co:qinglan"]


async def test_marks_list_opens_an_item(tmp_path):
    async with explorer(tmp_path / "state.json").run_test(size=SIZE) as pilot:
        pilot.app.marked = ("co:beifang",)
        await pilot.press("M", "enter")
        await pilot.pause()
        assert pilot.app.current == Selection("company", "co:beifang")
        assert not isinstance(pilot.app.screen, MarksScreen)


async def test_keymap_moves_keys(tmp_path):
    app = explorer(tmp_path / "state.json", keymap={"app.quit": "x", "explorer.search": "ctrl+f"})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")  # no longer quits
        assert pilot.app.is_running
        await pilot.press("ctrl+f")
        assert isinstance(pilot.app.focused, SearchBar)
        await pilot.press("escape", "x")
    assert app.return_code == 0
