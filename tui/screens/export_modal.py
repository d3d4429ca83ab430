"""The export modal: edit the file name, write the Markdown, confirm before overwriting."""
from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from store import ExportError, ExportExists, default_export_name, one_line, write_markdown

from ..exporting import ExportView


def default_path(view: ExportView) -> Path:
    """`mfg-<view>-<name>-<stamp>.md` in the current working directory."""
    return Path.cwd() / default_export_name(view.view, view.name)


class ConfirmOverwrite(ModalScreen[bool]):
    """Asks whether to replace an existing file: y replaces, n or escape keeps it."""

    BINDINGS = [
        Binding("y", "answer(True)", "Overwrite", tooltip="Replace the existing file", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "Keep it", tooltip="Do not touch the existing file",
                id="confirm.no"),
    ]

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def compose(self) -> ComposeResult:
        """The question, with the path as plain text (a path may contain brackets)."""
        with Vertical(id="confirm-box") as box:
            box.border_title = "file exists"
            yield Static(Text.assemble(str(self.path), "\nalready exists. Overwrite it?  ",
                                       ("y", "bold"), " yes   ", ("n", "bold"), " no"))

    def action_answer(self, yes: bool) -> None:
        """Close with the answer."""
        self.dismiss(yes)


class ExportModal(ModalScreen[Path | None]):
    """Shows the default file name; enter writes, escape cancels; returns the written path."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", tooltip="Close without writing", id="export.cancel")]

    def __init__(self, view: ExportView, markdown: str) -> None:
        super().__init__()
        self.view = view
        self.markdown = markdown

    def compose(self) -> ComposeResult:
        """Title, the editable path, and a status line for errors."""
        with Vertical(id="export-box") as box:
            box.border_title = f"export {self.view.view} to Markdown"
            box.border_subtitle = "enter writes · escape cancels"
            yield Static(Text(f"{self.view.view}: {self.view.name}"), id="export-what")
            yield Input(str(default_path(self.view)), id="export-path")
            yield Static("", id="export-status")

    def on_mount(self) -> None:
        """The cursor starts in the path, ready to edit."""
        self.query_one("#export-path", Input).focus()

    @on(Input.Submitted, "#export-path")
    def submitted(self) -> None:
        """Enter: write without overwriting; an existing file asks first."""
        self.write(overwrite=False)

    def write(self, overwrite: bool) -> None:
        """Write the file; on success close with its path, on failure say why and stay open."""
        raw = self.query_one("#export-path", Input).value.strip()
        if not raw:
            self.fail("type a file name")
            return
        # Writing a few kilobytes is instant; the slow part (building the Markdown) ran in a worker.
        try:
            path = write_markdown(Path(raw), self.markdown, overwrite=overwrite)
        except ExportExists:
            self.app.push_screen(ConfirmOverwrite(Path(raw).expanduser()), self.confirmed)
        except ExportError as exc:
            self.fail(str(exc))
        else:
            self.dismiss(path.resolve())

    def confirmed(self, yes: bool | None) -> None:
        """After the overwrite question: write over the file, or let the user pick another name."""
        if yes:
            self.write(overwrite=True)
        else:
            self.fail("not overwritten: edit the name, or escape to cancel", severity="warning")

    def fail(self, message: str, severity: str = "error") -> None:
        """Show why nothing was written, in the modal and as a notification."""
        self.query_one("#export-status", Static).update(Text(message, style="bold"))
        self.notify(one_line(message), title="export", severity=severity, markup=False)

    def action_cancel(self) -> None:
        """Close without writing."""
        self.dismiss(None)
