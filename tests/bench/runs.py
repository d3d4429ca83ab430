"""Per scale: build, ingest, open and start-up, each in a child process (child.py)."""
from __future__ import annotations

import compileall
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from .corpus import seed_files, write_corpus

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("store", "tui", "tests/bench")  # what the explorer's child process imports of ours


def child(*args: str, timeout: float = 6 * 3600) -> dict:
    """Run child.py with `args`; its JSON answer."""
    done = subprocess.run([sys.executable, "-m", "tests.bench.child", *args], cwd=ROOT, check=True,
                          capture_output=True, text=True, timeout=timeout)
    return json.loads(done.stdout.strip().splitlines()[-1])


def time_to_ready(*args: str) -> float:
    """Seconds from starting a child app to its "ready" line."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "tests.bench.child", *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - t0
    proc.wait(timeout=60)
    if line.strip() != "ready":
        raise RuntimeError(f"{args[0]} did not start")
    return elapsed


def compiled_packages() -> None:
    """Byte-compile the project's packages, as installing them does: Textual's modules load from
    bytecode, so ours must too (with PYTHONDONTWRITEBYTECODE, an editable checkout would
    otherwise compile every module of ours from source at each start)."""
    for package in PACKAGES:
        compileall.compile_dir(ROOT / package, quiet=1)


def start_ratio(store_path: Path, rounds: int = 5) -> tuple[float, float, float]:
    """(ours, bare, ratio): median seconds to a mounted explorer on the store and to a bare app
    with the same widgets, runs interleaved so both see the same machine."""
    compiled_packages()
    ours, bare = [], []
    for _ in range(rounds):
        ours.append(time_to_ready("explorer", str(store_path)))
        bare.append(time_to_ready("bare"))
    return statistics.median(ours), statistics.median(bare), statistics.median(ours) / statistics.median(bare)


def corpus_and_store(work: Path, copies: int, seed_store) -> tuple[Path, Path, dict, list[Path]]:
    """Write the corpus for `copies`, build its store; (store, folder, build numbers, extra articles)."""
    folder, store_dir = work / "corpus", work / "store"
    extras = write_corpus(folder, copies, seed_store, extra=1)
    store_dir.mkdir(parents=True, exist_ok=True)
    path = store_dir / "store.json"
    built = child("build", str(folder), str(path))
    built["articles"] = copies * len(seed_files())
    return path, folder, built, extras


def ingest_one(path: Path, article: Path) -> float:
    """Seconds to ingest one new article into a copy of the store (the store itself is kept)."""
    copy_dir = path.parent.with_name("ingest-copy")
    shutil.rmtree(copy_dir, ignore_errors=True)
    shutil.copytree(path.parent, copy_dir)
    try:
        return child("ingest", str(copy_dir / path.name), str(article))["wall_s"]
    finally:
        shutil.rmtree(copy_dir, ignore_errors=True)


def open_numbers(path: Path, rounds: int = 3) -> dict:
    """First open (which builds and keeps the index), then the median of later opens."""
    first = child("open", str(path))
    later = [child("open", str(path)) for _ in range(rounds)]
    return {"first_open_s": first["open_s"], "open_s": statistics.median(r["open_s"] for r in later),
            "rss_mb": statistics.median(r["rss_mb"] for r in later), "items": first["items"]}
