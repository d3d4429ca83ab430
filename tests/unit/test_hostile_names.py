"""Hostile file names through `build` and the commands that print them: nothing reaches the
terminal as a control sequence, and no name forges a line of its own.

Checked on the bytes a real process writes: no byte below 0x20 but the newline that ends a
line, no C1 control (raw, or as UTF-8), no bidirectional override, and one `error:` line per
bad file.
"""
import os
import re
import subprocess
import sys

import pytest

from tests.unit.fast_cli import run

GOOD = b"Boats %d\nHubei Sanjiang Boat Group built %d boats in 2023.\n"
NAMES = [
    b"\x1b]52;c;aGVsbG8=\x07clip.txt",          # OSC 52: sets the clipboard
    b"\x1b]0;title\x07retitle.txt",             # OSC 0: retitles the window
    b"\x1b[2J\x1b[Hclear.txt",                  # CSI: clears the screen
    b"a\nerror: forged line.txt",               # a newline forging an error line
    b"carriage\rreturn.txt",
    b"tab\there.txt",
    b"\xc2\x9b31mc1.txt",                       # U+009B, CSI as a C1 character
    b"\x9b31mraw-byte.txt",                     # 0x9B alone: not UTF-8, an 8-bit CSI
    b"\xe2\x80\xaeevil\xe2\x80\xacname.txt",    # U+202E right-to-left override
    b"[link=https:\xe2\x88\x95\xe2\x88\x95x.example]click[\xe2\x88\x95link].txt",  # Rich markup
    b"bell\x07.txt",
]
BAD = {b"\x1b[31mbinary\x1b]52;c;x\x07.txt": b"\x00\x01\x02\x00", b"\nempty\x1b[1m.txt": b"",
       b"\x1b]8;;http:\xe2\x88\x95\xe2\x88\x95x\x07unsupported.exe": b"x"}
SAFE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    articles = os.fsencode(root / "articles")
    os.mkdir(articles)
    for i, name in enumerate(NAMES):
        with open(os.path.join(articles, name), "wb") as fh:
            fh.write(GOOD % (i, 40 + i))
    for name, content in BAD.items():
        with open(os.path.join(articles, name), "wb") as fh:
            fh.write(content)
    return root


def assert_terminal_safe(output: bytes) -> str:
    """The output decodes as UTF-8 and holds no control but the newline, no C1, no bidi override."""
    text = output.decode("utf-8")  # a raw 0x9B byte would fail here
    assert not SAFE.search(text), SAFE.search(text)
    return text


@pytest.fixture(scope="module")
def built(folder):
    """`mfg-explore build` of the folder, run as a real process: its result, and the store."""
    store = folder / "store.json"
    done = subprocess.run([sys.executable, "-c", "from tui.cli import main; main()", "build",
                           str(folder / "articles"), "--store", str(store)], capture_output=True)
    return done, store


def test_build_prints_hostile_names_inertly(built):
    done, _ = built
    out, err = assert_terminal_safe(done.stdout), assert_terminal_safe(done.stderr)
    assert done.returncode == 1
    assert f"{len(NAMES)} documents" in out
    # one note (the unsupported file) and one error per unreadable file: no forged line
    assert [line.split(":", 1)[0] for line in err.splitlines()] == ["note", "error", "error"], err


@pytest.mark.parametrize("args", [["docs"], ["docs", "--json"], ["stats"], ["dump"],
                                  ["search", "boats", "--json"], ["show", "Sanjiang Boat Group"]])
def test_commands_print_stored_hostile_names_inertly(built, args):
    result = run([*args, "--store", built[1]])
    assert result.exit_code == 0, result.output
    assert_terminal_safe(result.stdout_bytes)
    assert_terminal_safe(result.stderr_bytes)
