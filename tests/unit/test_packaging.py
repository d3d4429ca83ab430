"""The wheel holds only `store`, `tui` and the bundled seeds, and its CLI runs from anywhere."""
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_wheel_contents_and_cli_from_another_directory(tmp_path):
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir",
                    str(tmp_path / "dist"), str(ROOT)], check=True, capture_output=True)
    wheel = next((tmp_path / "dist").glob("*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    top = {n.split("/")[0] for n in names}
    assert top == {"store", "tui", wheel.name.split("-")[0] + "-" + wheel.name.split("-")[1] + ".dist-info"}
    seeds = sorted(n for n in names if n.startswith("store/seeds/"))
    assert [Path(n).name for n in seeds] == sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target",
                    str(target), str(wheel)], check=True, capture_output=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target), "MFG_EXPLORE_STORE": str(tmp_path / "s.json")}
    run = subprocess.run([sys.executable, "-c", "import store, sys; print(store.__file__)"],
                         cwd=elsewhere, env=env, capture_output=True, text=True, check=True)
    assert run.stdout.startswith(str(target))
    help_run = subprocess.run([sys.executable, "-m", "tui", "--help"], cwd=elsewhere, env=env,
                              capture_output=True, text=True)
    assert help_run.returncode == 0 and "search" in help_run.stdout
    stats = subprocess.run([sys.executable, "-m", "tui", "stats"], cwd=elsewhere, env=env,
                           capture_output=True, text=True)
    assert stats.returncode == 0, stats.stderr
    assert "figures" in stats.stdout


def test_seeds_are_the_shared_seeds_byte_for_byte():
    shared = ROOT.parent / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("../shared is not beside the clone")
    ours = sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))
    assert ours == sorted(p.name for p in shared.glob("*.txt"))
    for name in ours:
        assert (ROOT / "seeds" / name).read_bytes() == (shared / name).read_bytes()
    # The package's copy is a link to the same folder, so the wheel ships exactly these files.
    assert (ROOT / "store" / "seeds").resolve() == (ROOT / "seeds").resolve()
