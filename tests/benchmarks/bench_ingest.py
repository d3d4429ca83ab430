"""Steady-state ingest of one article into a kept harness store: wall and CPU seconds per ingest.

    python -m tests.bench --scale N --keep DIR           # builds DIR/scaleN/store/store.json
    python tests/benchmarks/bench_ingest.py DIR N [--rounds 5]

Each round writes one more altered copy of a seed (the harness's alteration, copy N+1, N+2, …:
new firms and numbers, so each is a new article), and ingests it into one copy of the store,
each ingest in a child process (`tests.bench.child ingest`), one after the other. The first
round is reported apart (it pays for anything the store's first incremental write changes);
the median of the others is the steady state.
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.bench.__main__ import seed_store  # noqa: E402
from tests.bench.corpus import Alteration, Places, Renamer, seed_files  # noqa: E402
from tests.bench.runs import child  # noqa: E402


def new_articles(work: Path, copies: int, rounds: int, folder: Path) -> list[Path]:
    """Altered copies number copies+1 … copies+rounds, one seed each in turn, written to `folder`."""
    texts = [p.read_text(encoding="utf-8") for p in seed_files()]
    renamer = Renamer(seed_store(work), Places.load(), texts)
    out = []
    for copy in range(copies + 1 + rounds):
        names = renamer.names_for(copy)  # in order: each copy's names depend on the ones before
        if copy > copies:
            i = (copy - copies - 1) % len(texts)
            out.append(folder / f"ingest_{seed_files()[i].stem}_c{copy}.txt")
            out[-1].write_text(Alteration(copy, names)(texts[i]), encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> None:
    """Ingest `--rounds` new articles into a copy of DIR/scaleN's store; print each and the median."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("work", type=Path, help="the --keep folder of a `python -m tests.bench` run")
    parser.add_argument("scale", type=int, help="the scale (copies of each seed) whose store to use")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    source = args.work / f"scale{args.scale}" / "store"
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as tmp:
        copy = Path(tmp) / "store"
        shutil.copytree(source, copy)
        articles = new_articles(args.work, args.scale, args.rounds, Path(tmp))
        runs = []
        for article in articles:
            runs.append(child("ingest", str(copy / "store.json"), str(article)))
            print(f"{article.name}: wall {runs[-1]['wall_s']:.2f} s, cpu {runs[-1]['cpu_s']:.2f} s", flush=True)
    steady = runs[1:] or runs
    print(f"ingest: scale={args.scale} first_wall_s={runs[0]['wall_s']:.2f} "
          f"wall_s={statistics.median(r['wall_s'] for r in steady):.2f} "
          f"cpu_s={statistics.median(r['cpu_s'] for r in steady):.2f}")


if __name__ == "__main__":
    main()
