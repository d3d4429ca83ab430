"""Small questions: pick one of a list (type to narrow it), or type a name."""
from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from store import visible


class Question(ModalScreen[str | None]):
    """A box titled with the question; escape closes it without an answer (None)."""

    BOX_ID = ""
    HINT = ""

    def __init__(self, title: str) -> None:
        super().__init__()
        self.title_text = title

    def compose(self) -> ComposeResult:
        """The box, titled with the question (document text, made visible), around `fields`."""
        with Vertical(id=self.BOX_ID) as box:
            box.border_title = visible(self.title_text)
            box.border_subtitle = self.HINT
            yield from self.fields()

    def fields(self) -> ComposeResult:
        """What the question asks with (each subclass its own)."""
        return iter(())

    def action_cancel(self) -> None:
        """Close without an answer."""
        self.dismiss(None)


class PickModal(Question):
    """Choose one of `options` ((value, label) pairs): typing narrows the list, enter picks the
    highlighted one, escape cancels (None)."""

    BOX_ID = "pick-box"
    HINT = "type to narrow · enter picks · escape cancels"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without choosing", id="pick.cancel"),
        Binding("down", "to_list", "List", show=False, tooltip="From the filter to the list", id="pick.down"),
    ]

    def __init__(self, title: str, options: list[tuple[str, str]]) -> None:
        super().__init__(title)
        self.options = options

    def fields(self) -> ComposeResult:
        """A filter above the list."""
        yield Input(placeholder="type to narrow the list", id="pick-filter")
        yield OptionList(id="pick-list")

    def on_mount(self) -> None:
        """All options listed, the cursor in the filter."""
        self.fill("")
        self.query_one("#pick-filter", Input).focus()

    def fill(self, narrow: str) -> None:
        """List the options whose label holds `narrow` (any case); the first is highlighted."""
        key = narrow.casefold().strip()
        shown = self.query_one("#pick-list", OptionList)
        shown.clear_options()
        shown.add_options([Option(Text(visible(label)), id=value) for value, label in self.options
                           if key in label.casefold()])
        shown.highlighted = 0 if shown.option_count else None

    @on(Input.Changed, "#pick-filter")
    def narrowed(self, event: Input.Changed) -> None:
        """Every keystroke narrows the list."""
        self.fill(event.value)

    @on(Input.Submitted, "#pick-filter")
    def submitted(self) -> None:
        """Enter in the filter picks the highlighted option."""
        shown = self.query_one("#pick-list", OptionList)
        if shown.highlighted is not None:
            self.dismiss(shown.get_option_at_index(shown.highlighted).id)

    @on(OptionList.OptionSelected, "#pick-list")
    def picked(self, event: OptionList.OptionSelected) -> None:
        """Enter or a click in the list picks that option."""
        self.dismiss(event.option.id)

    def action_to_list(self) -> None:
        """Down from the filter moves into the list."""
        self.query_one("#pick-list", OptionList).focus()


class NameModal(Question):
    """Type a name: enter accepts it, escape cancels (None)."""

    BOX_ID = "name-box"
    HINT = "enter saves · escape cancels"
    BINDINGS = [Binding("escape", "cancel", "Cancel", tooltip="Close without a name", id="name.cancel")]

    def __init__(self, title: str, value: str = "") -> None:
        super().__init__(title)
        self.value = value

    def fields(self) -> ComposeResult:
        """The name, ready to edit."""
        yield Input(self.value, id="name-input")

    def on_mount(self) -> None:
        """The cursor in the name."""
        self.query_one("#name-input", Input).focus()

    @on(Input.Submitted, "#name-input")
    def submitted(self, event: Input.Submitted) -> None:
        """Enter: the name, if one was typed."""
        if event.value.strip():
            self.dismiss(event.value.strip())
