"""What the harness runs in a fresh process, so each number is a cold process's:
`python -m tests.bench.child build|ingest|open|explorer|bare ARGS...`; prints one JSON line
(or "ready" for the two apps)."""
from __future__ import annotations

import asyncio
import json
import os
import resource
import sys
import time
from pathlib import Path


def cpu_seconds() -> float:
    """CPU time of this process and of the workers it waited for."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def peak_rss_mb() -> float:
    """The most memory this process has held (VmHWM), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(fn) -> dict:
    """Wall and CPU seconds of fn()."""
    c0, t0 = cpu_seconds(), time.perf_counter()
    fn()
    return {"wall_s": time.perf_counter() - t0, "cpu_s": cpu_seconds() - c0}


def build(folder: str, path: str) -> dict:
    """Build a store of every article in `folder`."""
    import store
    return timed(lambda: store.build(Path(path), [Path(folder)]))


def ingest(path: str, *files: str) -> dict:
    """Add articles to a built store."""
    import store
    return timed(lambda: store.ingest(Path(path), [Path(f) for f in files]))


def open_store(path: str) -> dict:
    """Open a store and get its search index, as the explorer's worker does."""
    t0 = time.perf_counter()
    import store
    opened = store.Store.open(Path(path))
    items = len(opened.index.entries)
    return {"open_s": time.perf_counter() - t0, "rss_mb": peak_rss_mb(), "items": items,
            "articles": len(opened.documents)}


async def until_ready(app, ready) -> None:
    """Run `app` headless until ready(app) and its screen is laid out (its first frame drawn),
    then say so and leave at once. The poll is light: a pilot pause at each turn would lay the
    screen out and draw it again, work the app itself does not do while it waits."""
    async with app.run_test(size=(120, 36)):
        while not (ready(app) and app.screen.size.width):
            await asyncio.sleep(0.002)
        print("ready", flush=True)
        os._exit(0)


def explorer(path: str) -> None:
    """mfg-explore on a store, until its explorer screen is up."""
    from tui.app import MfgExplorer
    from tui.screens.explorer import ExplorerScreen
    # Mounted, as the bare app's screen must be: pushed is not enough (its panes are not there yet).
    asyncio.run(until_ready(MfgExplorer(Path(path)),
                            lambda a: isinstance(a.screen, ExplorerScreen) and a.screen.is_mounted))


def bare() -> None:
    """A bare Textual app with the explorer's kinds of widgets, until it is mounted."""
    from textual.app import App
    from textual.containers import Horizontal, Vertical, VerticalScroll
    from textual.widgets import DataTable, Footer, Header, Input, Static, Tree

    class Bare(App):
        def compose(self):
            yield Header()
            with Horizontal():
                yield Tree("regions")
                with Vertical():
                    yield Input()
                    yield DataTable()
                with VerticalScroll():
                    yield Static("detail")
            yield Static("status")
            yield Footer()

    asyncio.run(until_ready(Bare(), lambda a: a.is_running and a.screen.is_mounted))


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    commands = {"build": build, "ingest": ingest, "open": open_store, "explorer": explorer, "bare": bare}
    result = commands[command](*args)
    if result is not None:
        print(json.dumps(result), flush=True)
