"""Users' own keys: keymap.toml is read, checked, and a bad one is one clear line."""
import pytest
from typer.testing import CliRunner

from store import MfgError
from tui.cli import app
from tui.keymap import binding_ids, keymap_path, load_keymap


def test_every_binding_has_a_unique_id():
    from tui.keymap import key_scopes, own_bindings
    bindings = [b for _, cls, _ in key_scopes() for b in own_bindings(cls)]
    assert all(b.id for b in bindings), [b.key for b in bindings if not b.id]
    assert len(binding_ids()) == len(set(binding_ids()))


def test_the_readme_lists_every_binding_id():
    from tests.conftest import ROOT
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert [i for i in binding_ids() if f"`{i}`" not in readme] == []


def test_keymap_is_read_from_the_user_config_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert keymap_path() == tmp_path / "mfg-explore" / "keymap.toml"
    assert load_keymap() == {}  # no file: no changes
    keymap_path().parent.mkdir()
    keymap_path().write_text('"app.quit" = "ctrl+x"\n"explorer.toggle_tree" = ["f2", "ctrl+t"]\n')
    assert load_keymap() == {"app.quit": "ctrl+x", "explorer.toggle_tree": "f2,ctrl+t"}


@pytest.mark.parametrize("content, message", [
    ('"app.quit" = ', "not a TOML keymap"),
    ('"app.qit" = "x"', "unknown binding id 'app.qit'"),
    ('"app.quit" = 3', "'app.quit' needs keys"),
    ('"app.quit" = ""', "'app.quit' needs keys"),
])
def test_a_bad_keymap_is_one_clear_line(tmp_path, content, message):
    path = tmp_path / "keymap.toml"
    path.write_text(content)
    with pytest.raises(MfgError) as err:
        load_keymap(path)
    assert message in err.value.message and str(path) in err.value.message
    assert "\n" not in err.value.message


def test_explore_with_a_bad_keymap_exits_1_before_taking_the_screen(tmp_path, monkeypatch, seeds_store_path):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    (tmp_path / "mfg-explore").mkdir()
    (tmp_path / "mfg-explore" / "keymap.toml").write_text('"app.qit" = "x"')
    result = CliRunner().invoke(app, ["explore", "--store", str(seeds_store_path)])
    assert result.exit_code == 1
    assert result.stderr.startswith("error: ") and "unknown binding id 'app.qit'" in result.stderr
    assert result.stderr.count("\n") == 1
