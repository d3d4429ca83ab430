"""End to end in a real terminal: the installed command runs inside tmux and is driven with keys.

Pilot sends key events straight to the app; tmux sends the bytes a terminal sends, so this is
where a key that no terminal can deliver (shift+space) or one tmux keeps for itself would show.
"""
from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.unit.article_store import copy_store

TMUX = shutil.which("tmux")
if TMUX is None and os.environ.get("MFG_EXPLORE_CI"):
    pytest.fail("tmux is missing: .ci/run installs it for the real-terminal test", pytrace=False)
pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed (apt-get install tmux)")


class Terminal:
    """One tmux server of our own (its own socket), running mfg-explore in a window of a fixed size."""

    def __init__(self, tmp: Path, store: Path, size=(120, 36)) -> None:
        self.socket = f"mfg-test-{os.getpid()}-{time.monotonic_ns()}"
        self.exit_file = tmp / "exit-status"
        env = f"XDG_CONFIG_HOME={shlex.quote(str(tmp / 'config'))}"
        command = (f"env {env} {shlex.quote(sys.executable)} -m tui --store {shlex.quote(str(store))}; "
                   f"echo $? > {shlex.quote(str(self.exit_file))}; sleep 30")
        self.tmux("new-session", "-d", "-s", "t", "-x", str(size[0]), "-y", str(size[1]), command)

    def tmux(self, *args: str) -> str:
        """Run a tmux command against our server."""
        return subprocess.run([TMUX, "-L", self.socket, "-f", os.devnull, *args], check=True,
                              capture_output=True, text=True, timeout=10).stdout

    def keys(self, *keys: str) -> None:
        """Send keys as tmux names them ('q', 'Escape', 'C-t'), one send-keys call each."""
        for key in keys:
            self.tmux("send-keys", "-t", "t", key)

    def escape(self) -> None:
        """Send Escape and wait: a key sent sooner would reach the app as alt+key (tmux's escape-time)."""
        self.keys("Escape")
        time.sleep(0.7)

    def type(self, text: str) -> None:
        """Send literal text."""
        self.tmux("send-keys", "-t", "t", "-l", text)

    def screen(self) -> str:
        """The pane's text now."""
        return self.tmux("capture-pane", "-t", "t", "-p")

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        """Poll the pane until `text` shows (the screen is returned), or fail with what it shows."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never appeared; the screen shows:\n{self.screen()}")

    def wait_gone(self, text: str, timeout: float = 30.0) -> str:
        """Poll the pane until `text` no longer shows."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            shown = self.screen()
            if text not in shown:
                return shown
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never went; the screen shows:\n{self.screen()}")

    def exit_status(self, timeout: float = 15.0) -> str:
        """The app's exit status, once it has exited."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.exit_file.exists() and self.exit_file.read_text().strip():
                return self.exit_file.read_text().strip()
            time.sleep(0.1)
        raise AssertionError(f"the app did not exit; the screen shows:\n{self.screen()}")

    def close(self) -> None:
        """Stop our tmux server."""
        subprocess.run([TMUX, "-L", self.socket, "kill-server"], capture_output=True, timeout=10)


@pytest.fixture
def store_file(seeds_store_path, tmp_path) -> Path:
    """A private copy of the seeds store (the explorer writes its state.json beside it)."""
    path = tmp_path / "store.json"
    copy_store(seeds_store_path, path)
    return path


@pytest.fixture
def terminal(tmp_path, store_file):
    """Start a terminal on demand; every one started is stopped at the end."""
    started = []

    def start(size=(120, 36)) -> Terminal:
        term = Terminal(tmp_path / str(len(started)), store_file, size)
        started.append(term)
        return term
    (tmp_path / "0").mkdir()
    (tmp_path / "1").mkdir()
    yield start
    for term in started:
        term.close()


def test_q_at_once_quits_with_status_0(terminal):
    term = terminal()
    term.wait_for("all companies")
    term.keys("q")
    assert term.exit_status() == "0"


def test_keys_reach_the_app_through_tmux(terminal):
    term = terminal((80, 24))
    term.wait_for("all companies")
    term.keys("?")  # at once: help, not a "?" typed into a search box
    term.wait_for("mfg-explore — keys")
    term.escape()
    term.wait_gone("mfg-explore — keys")
    term.keys("/")
    term.type("weihau")
    assert "Weihua Group" in term.wait_for('search “weihau”')
    term.escape()  # to the results: the cursor is on Weihua Group
    term.keys("space")
    term.wait_for("1 marked")
    term.keys("M")
    term.wait_for("marked items")
    term.escape()
    term.wait_gone("marked items")
    term.keys("C-t")  # the tree (hidden at 80 columns) comes back; ctrl+b would be tmux's own
    term.wait_for("╭─ regions")
    term.keys("*", "F1")
    term.wait_for("mfg-explore — keys")
    term.escape()
    term.keys("q")
    assert term.exit_status() == "0"
