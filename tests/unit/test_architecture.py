"""The layering is checked, not just described: import-linter's contracts, and Textual kept out."""
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def test_import_contracts_hold():
    """store flows one way, never imports Textual, and tui uses only its façade (pyproject.toml)."""
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or "lint-imports"
    run = subprocess.run([lint, "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "3 kept, 0 broken" in run.stdout


def test_importing_all_of_store_loads_no_textual():
    """At run time too: every module of store imported, and Textual still absent."""
    code = ("import sys, pkgutil, importlib, store\n"
            "for m in pkgutil.walk_packages(store.__path__, 'store.'):\n"
            "    if not m.name.endswith('gazetteer_build'):  # a build-time script with its own extra\n"
            "        importlib.import_module(m.name)\n"
            "print(','.join(sorted(n for n in sys.modules if n.split('.')[0] == 'textual')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_cli_help_loads_no_textual():
    """`mfg-explore --help` stays quick: the explorer's Textual loads only when it opens."""
    code = ("import sys\nfrom typer.testing import CliRunner\nfrom tui.cli import app\n"
            "CliRunner().invoke(app, ['--help'])\n"
            "print(any(n.split('.')[0] == 'textual' for n in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_facade_names_all_resolve():
    """Every name the façade promises loads (a typo in its table would surface only at use)."""
    import store
    missing = [name for name in store.__all__ if getattr(store, name, None) is None]
    assert missing == []
