"""Benchmark: how quickly the explorer is ready, next to a bare Textual app.

Run: python tests/benchmarks/bench_startup.py  (prints seconds; asserts nothing)
"""
from __future__ import annotations

import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def import_time(module: str, rounds: int = 5) -> float:
    """Median wall time of a fresh interpreter importing `module`."""
    samples = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", f"import {module}"], check=True)
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples)


async def ready_time(make_app, is_ready) -> float:
    """Seconds from creating an app to `is_ready(app)` in a headless 120x36 terminal."""
    t0 = time.perf_counter()
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        while not is_ready(app):
            await pilot.pause(0.005)
        elapsed = time.perf_counter() - t0
        await pilot.pause()  # let the new screen finish mounting before the test harness exits
        return elapsed


def main() -> None:
    """Print import and ready times for a bare App and for mfg-explore on a built store."""
    from textual.app import App

    from store.persist.build import ensure_store
    from tui.app import MfgExplorer
    from tui.screens.explorer import ExplorerScreen

    print(f"import textual.app:  {import_time('textual.app'):.3f} s")
    print(f"import tui.app:      {import_time('tui.app'):.3f} s")
    print(f"import tui.cli:      {import_time('tui.cli'):.3f} s")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "store.json"
        ensure_store(path)
        bare = [asyncio.run(ready_time(App, lambda a: a.is_running)) for _ in range(3)]
        ours = [asyncio.run(ready_time(lambda: MfgExplorer(path),
                                       lambda a: isinstance(a.screen, ExplorerScreen))) for _ in range(3)]
    print(f"bare App ready (headless):           {statistics.median(bare):.3f} s")
    print(f"mfg-explore ready on a built store:  {statistics.median(ours):.3f} s")


if __name__ == "__main__":
    main()
