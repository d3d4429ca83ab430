"""The explorer's start: a store that opens quickly goes straight to the explorer; the loading
screen (with the build's progress) shows only when opening takes longer than LOADING_DELAY."""
from __future__ import annotations

from store.persist.fingerprint import seeds_fingerprint
from store.persist.locations import bundled_seeds_dir
from store.persist.tables import write_corpus
from tui.app import MfgExplorer
from tui.screens.explorer import ExplorerScreen
from tui.screens.loading import LoadingScreen

from .conftest import crane_corpus

SIZE = (120, 36)


async def screens_until_open(app, pilot) -> list:
    """Every screen on top while the store opens, until the explorer is up."""
    seen = []
    while not (isinstance(app.screen, ExplorerScreen) and app.screen.is_mounted):
        seen.append(app.screen)
        await pilot.pause(0.01)
    return seen


async def test_a_store_that_opens_quickly_shows_no_loading_screen(tmp_path):
    corpus = crane_corpus()
    corpus.extractions = []
    path = tmp_path / "store.json"
    write_corpus(path, corpus, {"seeds_fingerprint": seeds_fingerprint()}, {d.id: "user" for d in corpus.documents})
    app = MfgExplorer(store_path=path)
    app.LOADING_DELAY = 60  # longer than any machine takes to open two articles
    async with app.run_test(size=SIZE) as pilot:
        seen = await screens_until_open(app, pilot)
        assert not any(isinstance(s, LoadingScreen) for s in seen)
        assert [type(s) for s in app.screen_stack][1:] == [ExplorerScreen]


async def test_a_store_built_first_shows_the_loading_screen_and_its_progress(tmp_path):
    app = MfgExplorer(store_path=tmp_path / "store.json")  # missing: built from the bundled seeds
    app.LOADING_DELAY = 0
    async with app.run_test(size=SIZE) as pilot:
        seen = await screens_until_open(app, pilot)
        loading = [s for s in seen if isinstance(s, LoadingScreen)]
        assert loading, "the loading screen was never shown"
        assert loading[-1].done == len(list(bundled_seeds_dir().glob("*.txt")))  # one step per article
        assert [type(s) for s in app.screen_stack][1:] == [ExplorerScreen]  # the explorer replaced it
