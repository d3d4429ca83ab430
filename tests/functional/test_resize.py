"""Terminal sizes from 40x12 to 250x80, changed again and again under Pilot: the explorer keeps
laying itself out, on each screen, without an error."""
from __future__ import annotations

# The extremes, both sides of the layout's 110-column breakpoint, and lopsided shapes.
SIZES = [(40, 12), (250, 80), (109, 30), (110, 30), (41, 13), (250, 12), (40, 80), (80, 24)]


async def _resize_through(pilot, sizes) -> None:
    """Resize to each size in turn (Pilot waits for the app to handle it); after each, the
    screen is laid out at that size. An error while laying out or drawing stops the app, and
    `run_test` raises it."""
    for width, height in sizes:
        await pilot.resize_terminal(width, height)
        assert pilot.app.size == (width, height) and pilot.app.screen.size == (width, height)


async def test_repeated_resizes_on_every_screen(app):
    async with app.run_test(size=(40, 12)) as pilot:
        await _resize_through(pilot, SIZES)  # the explorer, empty
        await pilot.press("slash", *"qinglan")
        await pilot.app.workers.wait_for_complete()
        await _resize_through(pilot, SIZES[:4])  # with results and the search box focused
        await pilot.press("down", "down")
        await _resize_through(pilot, SIZES[4:])  # a result in the detail pane
        await pilot.press("f1")
        await _resize_through(pilot, SIZES[::2])  # the help screen
        await pilot.press("escape")
        await _resize_through(pilot, SIZES[1::3])
        assert pilot.app.is_running
