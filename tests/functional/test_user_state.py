"""The explorer and the user's own state: corrections from the detail pane, saved comparisons in
the region tree, a store changed on disk by another program, a damaged or broken store.

These run on a real store file (the crane corpus written by the store's own writer), because a
correction is recorded in state.json and shown by opening the store again."""
from __future__ import annotations

import contextlib
import html
import json
import re

import orjson
import pytest
from textual.notifications import Notify
from textual.worker import WorkerFailed

from store.persist.fingerprint import seeds_fingerprint
from store.persist.state import read_state, state_path, update_state
from store.persist.tables import write_corpus
from tui.app import MfgExplorer
from tui.screens.ask import NameModal, PickModal
from tui.screens.compare import CompareScreen
from tui.state import Selection
from tui.widgets.region_tree import RegionTree

from .conftest import crane_corpus

SIZE = (120, 36)


class Notes(list):
    """Pass as run_test(message_hook=notes): the message of every notification, in order."""

    def __call__(self, message) -> None:
        if isinstance(message, Notify):
            self.append(message.notification.message)


@pytest.fixture
def store_file(tmp_path):
    """The crane corpus as a store file, current for this extractor (so opening never rebuilds)."""
    corpus = crane_corpus()
    corpus.extractions = []
    path = tmp_path / "store.json"
    write_corpus(path, corpus, {"seeds_fingerprint": seeds_fingerprint()},
                 {d.id: "user" for d in corpus.documents})
    return path


async def opened(pilot) -> None:
    """Wait for the store to open (or reopen) and the explorer to settle."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def pick(pilot, narrow: str) -> None:
    """In the open picker, narrow the list and take the first option."""
    assert isinstance(pilot.app.screen, PickModal)
    await pilot.press(*narrow, "enter")
    await opened(pilot)


async def test_merge_and_split_from_a_company_card(store_file):
    notes = Notes()
    app = MfgExplorer(store_path=store_file)
    async with app.run_test(size=SIZE, message_hook=notes) as pilot:
        await opened(pilot)
        app.jump_to(Selection("company", "co:qinglan"))
        await pilot.press("escape", "d", "j")
        await pick(pilot, "beif")
        assert "co:beifang" not in app.store.companies
        assert "Beifang Hoist Co." in app.store.companies["co:qinglan"].aliases
        assert [d["op"] for d in read_state(store_file).decisions] == ["merge"]
        assert any("merged 'Beifang Hoist Co.' into 'Qinglan Heavy Group'" in n for n in notes)
        assert app.current == Selection("company", "co:qinglan")  # shown again after the reload
        await pilot.press("escape", "d", "u")
        await pick(pilot, "beif")
        assert "co:beifang" in app.store.companies  # the split undid the merge
        assert read_state(store_file).decisions == []


async def test_correct_a_figures_category_and_subject(store_file):
    app = MfgExplorer(store_path=store_file)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        app.jump_to(Selection("figure", "f3"))
        await pilot.press("escape", "d", "F")
        await pick(pilot, "cat")
        await pick(pilot, "prof")
        assert app.store.figures["f3"].category == "profit"
        await pilot.press("escape", "d", "F")
        await pick(pilot, "sub")
        await pick(pilot, "anp")
        assert app.store.figures["f3"].subject_id == "cn:4107"
        assert app.current == Selection("figure", "f3")


async def test_merge_is_not_offered_on_a_figure_nor_correction_on_a_company(store_file):
    app = MfgExplorer(store_path=store_file)
    async with app.run_test(size=SIZE) as pilot:
        await opened(pilot)
        app.jump_to(Selection("figure", "f3"))
        await pilot.press("escape", "d", "j", "u")
        assert not isinstance(app.screen, PickModal)
        app.jump_to(Selection("company", "co:beifang"))
        await pilot.press("escape", "d", "F")
        assert not isinstance(app.screen, PickModal)


async def test_save_a_comparison_and_reopen_it_from_the_tree(store_file):
    notes = Notes()
    app = MfgExplorer(store_path=store_file)
    async with app.run_test(size=SIZE, message_hook=notes) as pilot:
        await opened(pilot)
        app.toggle_mark("co:qinglan")
        app.toggle_mark("cn:4107")
        await pilot.press("escape", "c")
        assert isinstance(app.screen, CompareScreen)
        await pilot.press("s")
        assert isinstance(app.screen, NameModal)
        await pilot.press("enter")  # the suggested name: what it compares
        name = "Qinglan Heavy Group vs Anping City"
        assert read_state(store_file).saved[name]["items"] == ["co:qinglan", "cn:4107"]
        assert any("saved the comparison" in n for n in notes)
        await pilot.press("escape")
        tree = app.screen.query_one(RegionTree)
        saved = tree.root.children[0]
        assert saved.label.plain == "Saved comparisons"
        assert [leaf.data for leaf in saved.children] == [Selection("saved", name)]
        tree.focus()
        tree.reveal(Selection("saved", name))
        await pilot.pause()
        await pilot.press("enter")
        assert isinstance(app.screen, CompareScreen)
        assert [c.entity_id for c in app.screen.comparison.columns] == ["co:qinglan", "cn:4107"]


async def test_a_store_changed_on_disk_is_offered_for_reload_not_written_over(store_file):
    notes = Notes()
    app = MfgExplorer(store_path=store_file)
    app.DISK_CHECK = 0.05
    async with app.run_test(size=SIZE, message_hook=notes) as pilot:
        await opened(pilot)
        before = store_file.read_bytes()
        app.toggle_mark("co:qinglan")  # the explorer remembers its marks in state.json itself
        await pilot.pause(0.3)
        assert "co:qinglan" in json.loads(state_path(store_file).read_text())["tui"]["marks"]
        assert not any("changed on disk" in n for n in notes)  # its own writes are no news
        # another mfg-explore records a merge meanwhile
        update_state(store_file, lambda s: s.update(decisions=[{"op": "merge", "into": "co:qinglan",
                                                                "company": "co:beifang"}]))
        await pilot.pause(0.3)
        assert sum("changed on disk" in n for n in notes) == 1  # said once
        assert "co:beifang" in app.store.companies  # nothing changes until the user asks
        await pilot.press("ctrl+r")
        await opened(pilot)
        assert "co:beifang" not in app.store.companies
        await pilot.pause(0.3)
        assert sum("changed on disk" in n for n in notes) == 1  # its own reload is no news
        assert store_file.read_bytes() == before


async def test_a_damaged_row_is_left_out_with_a_warning(store_file):
    meta = next(iter(orjson.loads(store_file.read_bytes())["meta"].values()))
    shards = meta["parts"]["figures"]["shards"].values()
    part = store_file.with_name("store.json.d") / "tables" / max(shards, key=lambda s: s["size"])["file"]
    data = orjson.loads(part.read_bytes())
    next(iter(data["figures"].values()))["value"] = None
    part.write_bytes(orjson.dumps(data))
    notes = Notes()
    app = MfgExplorer(store_path=store_file)
    async with app.run_test(size=SIZE, message_hook=notes) as pilot:
        await opened(pilot)
        assert len(app.store.figures) == len(crane_corpus().figures) - 1
        assert any("left out damaged rows" in n for n in notes)


async def test_a_broken_store_is_named_in_one_line_and_kept(store_file):
    store_file.write_bytes(b'{"documents": [')
    app = MfgExplorer(store_path=store_file)
    async with app.run_test(size=SIZE) as pilot:
        with contextlib.suppress(WorkerFailed):  # the opening worker fails: that is the point
            await app.workers.wait_for_complete()
        await pilot.pause()
        runs = [html.unescape(t).replace("\xa0", " ").strip()
                for t in re.findall(r">([^<]*)</text>", app.export_screenshot())]
        shown = "".join(t for t in runs if t.strip("│╭╮╰╯─ ")).replace(" ", "")  # wrapping undone
        said = f"Could not open the store: {store_file}: not a valid store (broken JSON"
        assert said.replace(" ", "") in shown
        assert "run`mfg-explorerepair`tomoveitaside" in shown
    assert store_file.read_bytes() == b'{"documents": ['
    assert not state_path(store_file).exists()
