"""Keys users choose: keymap.toml in the user config dir maps binding ids to keys (as Posting does).

    # ~/.config/mfg-explore/keymap.toml
    "app.quit" = "ctrl+q"
    "explorer.toggle_tree" = "f2,ctrl+t"

Every binding of the app has an id (the help screen and the README list them); Textual's
App.set_keymap applies the file. A file that cannot be used stops the explorer with one line
saying what is wrong, before the screen is taken over.
"""
from __future__ import annotations

import tomllib
from pathlib import Path

from platformdirs import user_config_dir
from textual.binding import Binding

from store import MfgError

KEYMAP_FILE = "keymap.toml"


def keymap_path() -> Path:
    """keymap.toml in the user config dir (e.g. ~/.config/mfg-explore/keymap.toml)."""
    return Path(user_config_dir("mfg-explore", appauthor=False)) / KEYMAP_FILE


def key_scopes() -> list[tuple[str, type, bool]]:
    """(where, class, list inherited bindings?) for every class whose keys the help lists."""
    from .app import MfgExplorer
    from .screens.compare import CompareScreen
    from .screens.explorer import ExplorerScreen
    from .screens.export_modal import ConfirmOverwrite, ExportModal
    from .screens.help import HelpScreen
    from .screens.marks import MarksScreen
    from .screens.rank import RankScreen
    from .screens.sources import SourcesScreen
    from .widgets.detail import DetailPane
    from .widgets.region_tree import RegionTree
    from .widgets.results import ResultsTable
    from .widgets.search_bar import SearchBar
    return [("anywhere", MfgExplorer, False), ("explorer", ExplorerScreen, False),
            ("search box", SearchBar, False), ("results", ResultsTable, False),
            ("region tree", RegionTree, False), ("detail", DetailPane, False),
            ("marks", MarksScreen, False), ("comparison", CompareScreen, False),
            ("ranking", RankScreen, False), ("sources", SourcesScreen, False),
            ("help", HelpScreen, False), ("export", ExportModal, False),
            ("overwrite?", ConfirmOverwrite, False)]


def own_bindings(cls) -> list[Binding]:
    """The Binding objects a class declares itself."""
    return [b if isinstance(b, Binding) else Binding(*b) for b in cls.__dict__.get("BINDINGS", [])]


def binding_ids() -> list[str]:
    """Every binding id of the app, in help order."""
    return [b.id for _, cls, _ in key_scopes() for b in own_bindings(cls) if b.id]


def load_keymap(path: Path | None = None) -> dict[str, str]:
    """The user's keymap (binding id → keys), {} when there is no file; MfgError when it is unusable."""
    path = path or keymap_path()
    if not path.exists():
        return {}
    fix = "fix it or delete it (the README lists the binding ids)"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise MfgError(f"{path}: cannot read the keymap ({exc}); {fix}") from None
    except tomllib.TOMLDecodeError as exc:
        raise MfgError(f"{path}: not a TOML keymap ({exc}); {fix}") from None
    known = set(binding_ids())
    keymap = {}
    for binding_id, keys in data.items():
        if binding_id not in known:
            raise MfgError(f"{path}: unknown binding id {binding_id!r}; {fix}")
        if isinstance(keys, list) and all(isinstance(k, str) for k in keys):
            keys = ",".join(keys)
        if not isinstance(keys, str) or not keys.strip():
            raise MfgError(f"{path}: {binding_id!r} needs keys such as \"ctrl+q\" or \"f2,ctrl+t\"; {fix}")
        keymap[binding_id] = ",".join(k.strip() for k in keys.split(","))
    return keymap


def back_binding(scope: str, tooltip: str = "Back to the previous screen") -> Binding:
    """escape → the screen before, with the id `<scope>.back` (the same key on every pushed screen)."""
    return Binding("escape", "app.pop_screen", "Back", tooltip=tooltip, id=f"{scope}.back")


def sources_binding(scope: str, tooltip: str) -> Binding:
    """enter → the chosen figures in their source passages, with the id `<scope>.sources`; priority,
    because the table under it would otherwise take enter as its own select."""
    return Binding("enter", "show_sources", "Sources", tooltip=tooltip, id=f"{scope}.sources", priority=True)
