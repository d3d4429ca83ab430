"""The help screen (`?` / F1): every key the explorer answers to, grouped by where it works."""
from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

INTRO = ("Keys act at once: the explorer opens on the results, not in the search box. "
         "Find a figure: press / and type (typos are fine; numbers like 8.88 work; "
         "company: region: figure: restrict the kind; up recalls earlier searches). Down or escape goes "
         "to the results; the detail pane shows the highlighted row in its source paragraph. "
         "Narrow everything with f (filters show as chips on the status line; enter on a chip removes it). "
         "Compare: mark companies or regions with space, then press c (M lists and reorders the marks). "
         "Rank: m on a figure. Export what you see, in the order shown: e (or ctrl+e) writes Markdown, "
         "y copies it. Keys can be changed in keymap.toml (see the README). In value columns, > means "
         "more than, ≥ at least, ≤ up to, < less than and ≈ about (or a value read from words such as "
         "\"tens of millions\"); the detail pane gives the wording.")


def bindings_of(cls, inherited: bool = True) -> list[Binding]:
    """The described bindings a widget/screen class declares (and inherits, if asked)."""
    found, seen = [], set()
    for klass in cls.__mro__ if inherited else (cls,):
        for b in klass.__dict__.get("BINDINGS", []):
            if isinstance(b, tuple):
                b = Binding(*b)
            if b.description and b.key not in seen:
                seen.add(b.key)
                found.append(b)
    return found


# Keys Textual handles outside any BINDINGS list we can read.
EXTRA_KEYS = [
    ("anywhere", "ctrl+p", "Command palette: jump to any company, region or figure; change theme"),
    ("anywhere", "ctrl+q", "Quit (from anywhere, even the search box)"),
    ("results", "up", "Previous row (the detail pane follows)"),
    ("results", "down", "Next row (the detail pane follows)"),
    ("results", "enter", "Open the row in the detail pane and focus it"),
    ("region tree", "up", "Previous node (the detail pane follows)"),
    ("region tree", "enter", "Choose a region: list its companies and figures; expand or collapse it"),
    ("status line", "tab", "Reach the filter chips; enter on a chip removes its filter"),
    ("comparison", "arrows", "Move between cells (a row is a category, a column a marked item)"),
    ("comparison", "left, right", "Scroll sideways when the marked items do not fit the width"),
    ("ranking", "left, right", "Scroll sideways when a figure as stated runs past the edge"),
    ("export", "enter", "Write the file; an existing file is only replaced after you say y"),
]


def key_names(app, binding: Binding, keymap: dict[str, str] | None = None) -> str:
    """How the keys of a binding are shown, e.g. '?, f1' or '^t' (the user's keys when remapped)."""
    remapped = (keymap or {}).get(binding.id or "")
    keys = (remapped or binding.key).split(",")
    if binding.key_display and not remapped and len(keys) == 1:
        return binding.key_display
    return ", ".join(app.get_key_display(Binding(k.strip(), "")) for k in keys)


def key_table(app, scopes: list[tuple[str, type, bool]], keymap: dict[str, str] | None = None) -> Table:
    """A table of scope, key and description for every described binding of `scopes`.

    Each scope is (name, class, inherited?): widgets such as Input inherit dozens of editing
    keys that would drown the explorer's own, so those scopes list only their own bindings.
    """
    table = Table("where", "key", "what it does", box=None, padding=(0, 2), expand=True)
    rows = [(scope, app.get_key_display(Binding(key, "")), what) for scope, key, what in EXTRA_KEYS]
    rows += [(scope, key_names(app, b, keymap), b.tooltip or b.description)
             for scope, cls, inherited in scopes for b in bindings_of(cls, inherited)]
    for scope, keys, what in rows:
        table.add_row(Text(scope, "dim"), Text(keys, "bold"), Text(what))
    return table


class HelpScreen(ModalScreen[None]):
    """A modal list of every key; any of escape, q, ? or F1 closes it."""

    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss", "Close help",
                        tooltip="Close the help", id="help.close")]

    def __init__(self, scopes: list[tuple[str, type, bool]], keymap: dict[str, str] | None = None) -> None:
        super().__init__()
        self.scopes = scopes
        self.keymap = keymap or {}

    def compose(self) -> ComposeResult:
        """The intro, then the key table."""
        with VerticalScroll(id="help-box") as box:
            box.border_title = "mfg-explore — keys"
            box.border_subtitle = "escape closes"
            yield Static(Text(INTRO), id="help-intro")
            yield Static(key_table(self.app, self.scopes, self.keymap), id="help-keys")

    def action_dismiss(self) -> None:
        """Close the help screen."""
        self.dismiss(None)
