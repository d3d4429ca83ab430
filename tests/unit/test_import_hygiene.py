"""`store` is a library: importing any of it must not load Textual."""
import subprocess
import sys


def test_store_imports_no_textual():
    code = ("import sys, pkgutil, importlib, store\n"
            "for m in pkgutil.iter_modules(store.__path__):\n"
            "    if m.name != 'gazetteer_build':  # a build-time script with its own extra\n"
            "        importlib.import_module('store.' + m.name)\n"
            "bad = sorted(n for n in sys.modules if n == 'textual' or n.startswith('textual.'))\n"
            "print(','.join(bad))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_cli_help_imports_no_textual():
    code = ("import sys\nfrom typer.testing import CliRunner\nfrom tui.cli import app\n"
            "CliRunner().invoke(app, ['--help'])\n"
            "print(any(n.startswith('textual') for n in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
