"""Write SVG screenshots of the explorer's main views: `python -m tui.screenshots [--store PATH]`.

The pictures are taken on the real store (built from the bundled seeds if missing), driving the
app with a Pilot as a user would: search, read a figure, a company, a region, the help screen,
then compare marked entities (compare.svg), rank a metric (ranking.svg) and filter a list
(filters.svg). Marks, filters and history are not written to any state file.
"""
from __future__ import annotations

import argparse
import asyncio
from pathlib import Path

from store import Store

from .app import MfgExplorer
from .state import Selection
from .widgets.results import ResultsTable
from .widgets.search_bar import SearchBar

OUT_DIR = Path(__file__).resolve().parent.parent / "screenshots"
SIZE = (120, 36)
# Two crane makers and the county they stand in: the comparison an analyst of crane towns makes.
COMPARE_NAMES = ("Weihua Group", "Henan Mining Crane", "Changyuan")
RANK_METRIC = ("market_share", "%")


async def settle(pilot) -> None:
    """Wait for search workers and a repaint."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def entity_id_named(store, name: str) -> str | None:
    """The company or region called `name` (exactly, else the best search hit), or None."""
    for entity in (*store.companies.values(), *store.regions.values()):
        if entity.name.lower() == name.lower():
            return entity.id
    hits = [r for r in store.search(name, limit=5) if r.kind in ("company", "region")]
    return hits[0].id if hits else None


async def shoot_analysis(pilot, store, save, names=COMPARE_NAMES, metric=RANK_METRIC) -> None:
    """Mark entities and compare them (empty rows hidden), rank one metric, then filter the list."""
    from .screens.rank import RankScreen
    ids = [i for i in (entity_id_named(store, n) for n in names) if i]
    pilot.app.marked = tuple(dict.fromkeys(ids))
    pilot.app.screen.query_one(ResultsTable).focus()
    await pilot.press("c")
    await settle(pilot)
    save("compare")
    await pilot.press("escape")
    pilot.app.push_screen(RankScreen(store, *metric))
    await settle(pilot)
    save("ranking")
    await pilot.press("escape")
    if ids:
        pilot.app.jump_to(Selection(store.kind_of(ids[0]), ids[0]))
    pilot.app.add_filter("category", metric[0])
    pilot.app.screen.query_one(ResultsTable).focus()
    await settle(pilot)
    save("filters")


async def shoot(store, query: str, out_dir: Path, size=SIZE) -> list[Path]:
    """Drive one app through the main views, saving an SVG after each step."""
    app = MfgExplorer(store=store)
    saved = []
    async with app.run_test(size=size) as pilot:
        pilot.app.screen.query_one(SearchBar).cursor_blink = False

        def save(name: str) -> None:
            saved.append(Path(app.save_screenshot(f"{name}.svg", path=str(out_dir))))

        await pilot.press("slash", *query)
        await settle(pilot)
        save("search")
        rows = pilot.app.screen.query_one(ResultsTable).rows_shown
        figure = next((r for r in rows if r.kind == "figure"), None)
        if figure:
            pilot.app.jump_to(Selection("figure", figure.id))
            pilot.app.screen.query_one(ResultsTable).focus()
            await settle(pilot)
            save("figure")
        # The company the found figure is about, so the picture continues the same story.
        subject = store.figures[figure.id].subject_id if figure else None
        company_id = subject if subject in store.companies else None
        company_id = company_id or next((r.id for r in rows if r.kind == "company"), None)
        company_id = company_id or getattr(_first_company(store), "id", None)
        if company_id:
            pilot.app.jump_to(Selection("company", company_id))
            await settle(pilot)
            save("company")
        region = next(iter(store.region_tree()), None)
        if region:
            pilot.app.jump_to(Selection("region", region.region.id))
            await settle(pilot)
            save("region")
        await pilot.press("question_mark")
        await settle(pilot)
        save("help")
        await pilot.press("escape")
        await shoot_analysis(pilot, store, save)
    return saved


def _first_company(store):
    """The company with most figures, as a row-like object with an id (None if no companies)."""
    companies = sorted(store.companies.values(), key=lambda c: -len(store.figures_of(c.id)))
    return companies[0] if companies else None


def main() -> None:
    """Parse arguments, open the store, write the screenshots."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=None, help="store file (default location if omitted)")
    parser.add_argument("--query", default="weihua revenue", help="search typed for the first pictures")
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="folder for the SVG files")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    store = Store.open(args.store)
    for path in asyncio.run(shoot(store, args.query, args.out)):
        print(path)


if __name__ == "__main__":
    main()
