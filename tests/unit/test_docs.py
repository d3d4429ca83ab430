"""The README documents every command and option of the CLI (as sqlite-utils' test_docs does)."""
import pytest
import typer

from tests.conftest import ROOT
from tui.cli import app

README = (ROOT / "README.md").read_text(encoding="utf-8")
GROUP = typer.main.get_command(app)
# typer's own completion options are documented once, in the README's completion paragraph.
SHARED_OPTIONS = {"--help", "-h"}


def _commands():
    return sorted(GROUP.commands.items())


@pytest.mark.parametrize("name, command", _commands())
def test_command_is_documented(name, command):
    assert f"mfg-explore {name}" in README, f"README lacks `mfg-explore {name}`"


@pytest.mark.parametrize("name, option", [
    (name, opt) for name, command in _commands() for param in command.params
    if param.param_type_name == "option" for opt in param.opts if opt.startswith("--")
    and opt not in SHARED_OPTIONS])
def test_option_is_documented(name, option):
    assert option in README, f"README lacks {option} (of `mfg-explore {name}`)"


def test_top_level_options_are_documented():
    for param in GROUP.params:
        for opt in param.opts:
            if opt.startswith("--") and opt not in SHARED_OPTIONS:
                assert opt in README, f"README lacks {opt}"
